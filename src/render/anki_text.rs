//! The Anki text export: Anki's tab-separated import format with file headers,
//! so File > Import needs no settings.
//!
//! A text file cannot carry note types, so it uses the two every Anki collection
//! has: `Basic` (Front, Back) and `Cloze` (Text, Back Extra). Columns are note
//! type, deck, GUID, tags, then the two fields. Fields are HTML (`#html:true`):
//! text is escaped, newlines become `<br>` and tabs `&#9;`, so a row is always
//! one line; the csv writer quotes whatever still needs it.
//!
//! One line per card: the built-in types have one card per note, so the cards
//! of one fact cannot be siblings here and Anki will not bury them. The export
//! says so ([`siblings_warning`]); the package (`apkg`) makes them siblings.

use super::anki::{AnkiOptions, Note, NoteBody, normalize_deck_name, notes};
use crate::error::{Error, Result};
use crate::model::Deck;

/// The header lines, each naming one setting of Anki's importer.
const HEADER: &str = "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n\
#guid column:3\n#tags column:4\n#columns:Notetype\tDeck\tGUID\tTags\tField 1\tField 2\n";

/// Renders a deck as Anki import text.
pub fn render(deck: &Deck, opts: &AnkiOptions) -> Result<Vec<u8>> {
    let deck_name = one_line(&normalize_deck_name(&opts.deck_name));
    let mut out = HEADER.as_bytes().to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(&mut out);
    for note in notes(deck) {
        let (notetype, first, second) = basic_fields(&note);
        writer
            .write_record([
                notetype,
                &deck_name,
                &note.guid,
                &note.tags.join(" "),
                &field(&first),
                &field(&second),
            ])
            .map_err(|e| Error::Other(format!("cannot write Anki text: {e}")))?;
    }
    writer
        .flush()
        .map_err(|e| Error::Other(format!("cannot write Anki text: {e}")))?;
    drop(writer);
    Ok(out)
}

/// A warning when some fact has several cards: the text import makes each its
/// own note, so Anki may show them back to back.
pub fn siblings_warning(deck: &Deck) -> Option<String> {
    let mut cards_per_fact: std::collections::HashMap<&str, usize> = Default::default();
    for c in deck.cards.iter().filter(|c| !c.fact.0.is_empty()) {
        *cards_per_fact.entry(c.fact.0.as_str()).or_default() += 1;
    }
    let n = cards_per_fact.values().filter(|&&k| k > 1).count();
    (n > 0).then(|| {
        format!(
            "{n} {} several cards; Anki's text import makes each card its own note, so \
             Anki will not bury them as siblings (--to apkg does)",
            super::fit::plural(n, "fact has", "facts have")
        )
    })
}

/// Maps a factdeck note onto Anki's built-in `Basic` or `Cloze` note type.
fn basic_fields(note: &Note) -> (&'static str, String, String) {
    match &note.body {
        NoteBody::Question {
            question,
            answer,
            options,
            source,
        } => (
            "Basic",
            format!("{question}{options}"),
            format!("<div class=answer>{answer}</div><div class=source>{source}</div>"),
        ),
        NoteBody::Cloze {
            text,
            extra,
            source,
        } => {
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!("<div class=explanation>{extra}</div>")
            };
            (
                "Cloze",
                text.clone(),
                format!("{extra}<div class=source>{source}</div>"),
            )
        }
    }
}

/// An HTML field on one line: line breaks become `<br>`, tabs `&#9;`.
fn field(html: &str) -> String {
    html.replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
        .replace('\t', "&#9;")
}

/// Plain text on one line, for the deck column (which is not HTML).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardType, DECK_FORMAT, DeckInfo};
    use crate::render::anki::tests::card;

    fn deck(cards: Vec<crate::model::Card>) -> Deck {
        Deck {
            format: DECK_FORMAT,
            deck: DeckInfo {
                title: "T".into(),
                description: String::new(),
                created: String::new(),
                seed: 1,
                sources: Vec::new(),
            },
            conflicts: Vec::new(),
            facts: Vec::new(),
            cards,
        }
    }

    fn render_str(cards: Vec<crate::model::Card>) -> String {
        let opts = AnkiOptions {
            deck_name: "Civics::Meeting".into(),
            timestamp: 0,
        };
        String::from_utf8(render(&deck(cards), &opts).expect("render")).expect("utf8")
    }

    #[test]
    fn header_names_every_special_column() {
        let text = render_str(Vec::new());
        for line in [
            "#separator:tab",
            "#html:true",
            "#notetype column:1",
            "#deck column:2",
            "#guid column:3",
            "#tags column:4",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line}:\n{text}");
        }
    }

    #[test]
    fn tabs_and_newlines_stay_inside_their_field() {
        let mut c = card(CardType::ShortAnswer, "Line one\nline\ttwo?", "a\tb");
        c.sentence = "Said \"so\".\r\nThen more.".into();
        let text = render_str(vec![c.clone()]);
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows.len(), 1, "{text}");
        let cols: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(cols.len(), 6, "{}", rows[0]);
        assert_eq!(cols[0], "Basic");
        assert_eq!(cols[1], "Civics::Meeting");
        assert_eq!(cols[2], format!("factdeck-{}", c.id));
        assert_eq!(cols[3], "type::short_answer kind::money");
        assert_eq!(cols[4], "Line one<br>line&#9;two?");
        assert!(cols[5].contains("a&#9;b"), "{}", cols[5]);
        assert!(
            cols[5].contains("Said &quot;so&quot;.<br>Then more."),
            "{}",
            cols[5]
        );
    }

    #[test]
    fn facts_with_several_cards_are_warned_about() {
        let one = card(CardType::Cloze, "Paid ____.", "$4");
        let mut sibling = card(CardType::ShortAnswer, "How much was paid?", "$4");
        sibling.fact = one.fact.clone();
        let other = card(CardType::ShortAnswer, "Another?", "$5");
        assert_eq!(
            siblings_warning(&deck(vec![one.clone(), other.clone()])),
            None
        );
        let w = siblings_warning(&deck(vec![one, other, sibling])).expect("warning");
        assert!(w.starts_with("1 fact has several cards"), "{w}");
    }

    #[test]
    fn cloze_cards_use_the_cloze_note_type() {
        let c = card(CardType::Cloze, "Paid ____ & <more>.", "$4");
        let text = render_str(vec![c]);
        let row = text.lines().last().expect("row");
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols[0], "Cloze");
        assert_eq!(cols[4], "Paid {{c1::$4}} &amp; &lt;more&gt;.");
    }
}
