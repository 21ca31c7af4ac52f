//! What the two Anki exports share: note GUIDs, tags, and turning cards into the
//! HTML fields of notes.
//!
//! The package ([`fact_notes`]) makes the cards of one fact the cards of one
//! note, so Anki treats them as siblings and buries the others once one is
//! shown: its note type, *factdeck*, has one template per card type, each
//! conditional on its own field, so Anki makes exactly the cards the fact has.
//! A card without a fact (or a second card of one type for a fact, which only a
//! hand-edited deck has) is a note of its own.
//!
//! The text import cannot define note types, so the text export
//! ([`notes`]) makes one note per card of Anki's built-in types: Cloze cards
//! whose prompt has a `____` blank become Cloze notes (`{{c1::answer::hint}}`),
//! every other card a Basic note. Field text is HTML, so everything from the
//! deck is escaped first.

use super::{Segment, blank_segments, escape_html, explanation_beside_sentence};
use crate::model::{Card, CardId, CardType, Deck, FactId};
use std::collections::HashMap;

/// Settings shared by the `.apkg` and text exports.
#[derive(Clone, Debug)]
pub struct AnkiOptions {
    /// The Anki deck name; `::` separates sub-decks.
    pub deck_name: String,
    /// Modification time of the notes, in seconds since the Unix epoch. Anki
    /// only updates an existing note from a package when this is newer.
    pub timestamp: i64,
}

/// The style sheet of the package's note type.
pub const NOTE_CSS: &str = ".card { font-family: Arial, sans-serif; font-size: 20px; \
text-align: center; color: black; background-color: white; }\n\
.options { display: inline-block; text-align: left; margin: 0.6em auto; }\n\
.answer { font-weight: bold; }\n\
.explanation { font-weight: normal; font-size: 0.85em; margin-top: 0.4em; }\n\
.cloze { font-weight: bold; color: #1a56db; }\n\
.nightMode .cloze { color: #8ab4f8; }\n\
.source { font-size: 0.7em; color: #555; margin-top: 1em; }\n\
.nightMode .source { color: #aaa; }\n\
.source .sentence { font-style: italic; }\n";

/// The package's note type: a fixed id, so every export and re-import uses
/// the same type.
pub const FACT_NOTE_TYPE_ID: i64 = 1_731_580_000_103;

/// The note type's name in Anki.
pub const FACT_NOTE_TYPE_NAME: &str = "factdeck";

/// The note type's templates, in `ord` order: one per card type. The order is
/// part of the format (a card's review history is kept by its note and
/// template), so new card types go at the end.
pub const TEMPLATES: [CardType; 5] = [
    CardType::Cloze,
    CardType::MultipleChoice,
    CardType::WhoSaid,
    CardType::TrueFalse,
    CardType::ShortAnswer,
];

/// The note type's fields: the sort field (the fact's sentence), a front and a
/// back for each template, and the source.
pub const FACT_FIELDS: [&str; 12] = [
    "Fact",
    "Cloze",
    "Cloze Back",
    "Multiple Choice",
    "Multiple Choice Back",
    "Who Said",
    "Who Said Back",
    "True or False",
    "True or False Back",
    "Short Answer",
    "Short Answer Back",
    "Source",
];

/// Index of the Source field in [`FACT_FIELDS`].
const SOURCE_FIELD: usize = 11;

/// A template's `ord`: where its card type stands in [`TEMPLATES`].
pub fn template_ord(card_type: CardType) -> usize {
    TEMPLATES
        .iter()
        .position(|t| *t == card_type)
        .unwrap_or_default()
}

/// The fields (front, back) of template `ord`, as indexes into [`FACT_FIELDS`].
pub const fn template_fields(ord: usize) -> (usize, usize) {
    (1 + 2 * ord, 2 + 2 * ord)
}

/// Template `ord`'s name, front and back. The front prints only when the
/// template's own field is filled, so Anki makes no card for a type the fact
/// lacks.
pub fn template(ord: usize) -> (&'static str, String, String) {
    let (front, back) = template_fields(ord);
    let (front, back) = (FACT_FIELDS[front], FACT_FIELDS[back]);
    let name = match TEMPLATES.get(ord) {
        Some(CardType::Cloze) => "Cloze",
        Some(CardType::MultipleChoice) => "Multiple choice",
        Some(CardType::WhoSaid) => "Who said",
        Some(CardType::TrueFalse) => "True or false",
        _ => "Short answer",
    };
    let source = "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}";
    let qfmt = format!("{{{{#{front}}}}}<div class=question>{{{{{front}}}}}</div>{{{{/{front}}}}}");
    // A cloze card's back is the sentence with the answer filled in.
    let afmt = if TEMPLATES.get(ord) == Some(&CardType::Cloze) {
        format!("<div class=question>{{{{{back}}}}}</div>\n{source}")
    } else {
        format!(
            "{{{{FrontSide}}}}\n<hr id=\"answer\">\n<div class=answer>{{{{{back}}}}}</div>\n{source}"
        )
    };
    (name, qfmt, afmt)
}

/// One note of the package: the cards of one fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactNote {
    /// `factdeck-fact-<fact id>`, or [`note_guid`] of its card for a note of
    /// one card without a fact.
    pub guid: String,
    /// Space-free tags of all its cards.
    pub tags: Vec<String>,
    /// HTML, in the order of [`FACT_FIELDS`].
    pub fields: Vec<String>,
    /// The template `ord` of each of its cards, in deck order.
    pub cards: Vec<usize>,
}

/// The GUID of the note holding a fact's cards. Fact ids are content hashes,
/// so a regenerated deck gives the same GUIDs and Anki updates the notes
/// (keeping their review history) instead of adding duplicates.
pub fn fact_guid(fact: &FactId) -> String {
    format!("factdeck-fact-{fact}")
}

/// The package's notes: every fact's cards in one note, in deck order.
pub fn fact_notes(deck: &Deck) -> Vec<FactNote> {
    let mut notes: Vec<FactNote> = Vec::new();
    let mut by_fact: HashMap<&FactId, usize> = HashMap::new();
    for card in &deck.cards {
        let ord = template_ord(card.card_type);
        let shared = (!card.fact.0.is_empty())
            .then(|| by_fact.get(&card.fact).copied())
            .flatten();
        let index = match shared {
            Some(i) if !notes[i].cards.contains(&ord) => i,
            _ => {
                let guid = if card.fact.0.is_empty() || shared.is_some() {
                    note_guid(&card.id)
                } else {
                    by_fact.insert(&card.fact, notes.len());
                    fact_guid(&card.fact)
                };
                let mut fields = vec![String::new(); FACT_FIELDS.len()];
                let sort = if card.sentence.trim().is_empty() {
                    &card.prompt
                } else {
                    &card.sentence
                };
                fields[0] = escape_html(sort.trim());
                fields[SOURCE_FIELD] = source_html(card);
                notes.push(FactNote {
                    guid,
                    tags: Vec::new(),
                    fields,
                    cards: Vec::new(),
                });
                notes.len() - 1
            }
        };
        let note = &mut notes[index];
        let (front, back) = card_sides(card);
        let (f, b) = template_fields(ord);
        note.fields[f] = front;
        note.fields[b] = back;
        note.cards.push(ord);
        for t in card_tags(card) {
            if !note.tags.contains(&t) {
                note.tags.push(t);
            }
        }
    }
    notes
}

/// A card's front and back as the package's templates show them.
fn card_sides(card: &Card) -> (String, String) {
    if card.card_type == CardType::Cloze {
        let segments = blank_segments(&card.prompt);
        if segments.iter().any(|s| s.blank) {
            let hint = card
                .hint
                .as_deref()
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .unwrap_or("...");
            let shown = |blank: &str| -> String {
                let mut html = String::new();
                for Segment { text, blank: b } in &segments {
                    if *b {
                        html.push_str("<span class=cloze>");
                        html.push_str(blank);
                        html.push_str("</span>");
                    } else {
                        html.push_str(&escape_html(text));
                    }
                }
                html
            };
            let mut back = shown(&escape_html(&card.answer));
            if let Some(ex) = explanation_beside_sentence(card) {
                back.push_str("<div class=explanation>");
                back.push_str(&escape_html(ex));
                back.push_str("</div>");
            }
            return (shown(&format!("[{}]", escape_html(hint))), back);
        }
        // A cloze card without a blank is asked as a question.
        let front = question_html(card);
        return (
            front.clone(),
            format!(
                "{front}<hr id=\"answer\"><div class=answer>{}</div>",
                answer_html(card)
            ),
        );
    }
    let options = options_html(card);
    let front = if options.is_empty() {
        question_html(card)
    } else {
        format!("{}<div class=options>{options}</div>", question_html(card))
    };
    (front, answer_html(card))
}

/// A note's content, as HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteBody {
    /// A question-type note.
    Question {
        question: String,
        answer: String,
        options: String,
        source: String,
    },
    /// A Cloze note.
    Cloze {
        text: String,
        extra: String,
        source: String,
    },
}

/// One note of the text export, made from one card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// See [`note_guid`].
    pub guid: String,
    /// Space-free tags.
    pub tags: Vec<String>,
    pub body: NoteBody,
}

impl Note {
    /// Whether the note is a Cloze note (else a question).
    pub fn is_cloze(&self) -> bool {
        matches!(self.body, NoteBody::Cloze { .. })
    }

    /// The fields: question, answer, options, source; or text, extra, source.
    pub fn fields(&self) -> [&str; 4] {
        match &self.body {
            NoteBody::Question {
                question,
                answer,
                options,
                source,
            } => [question, answer, options, source],
            NoteBody::Cloze {
                text,
                extra,
                source,
            } => [text, extra, source, ""],
        }
    }
}

/// A one-card note's GUID: `factdeck-` and the card id. Card ids are content
/// hashes of the fact and card type, so a regenerated deck gives the same GUIDs
/// and Anki updates the notes (keeping their review history) instead of adding
/// duplicates.
pub fn note_guid(card: &CardId) -> String {
    format!("factdeck-{card}")
}

/// Tidies a deck name: `::`-separated parts, trimmed, empty parts dropped.
/// Falls back to `factdeck` when nothing is left.
pub fn normalize_deck_name(name: &str) -> String {
    let parts: Vec<String> = name
        .split("::")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "factdeck".to_string()
    } else {
        parts.join("::")
    }
}

/// A deck title as an Anki deck name: `::` would make sub-decks, so each
/// run of colons becomes one (`Budget :: Part 2` → `Budget : Part 2`).
pub fn title_as_deck_name(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        if !(c == ':' && out.ends_with(':')) {
            out.push(c);
        }
    }
    out
}

/// A card's tags: `type::<card type>`, `kind::<fact kind>`, then the card's own
/// tags with whitespace turned into `_` (Anki splits tags on spaces).
pub fn card_tags(card: &Card) -> Vec<String> {
    let mut tags = vec![
        format!("type::{}", card.card_type),
        format!("kind::{}", card.kind),
    ];
    for t in &card.tags {
        let t = t.split_whitespace().collect::<Vec<_>>().join("_");
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

/// Every card of the deck as a note of its own (the text export), in deck order.
pub fn notes(deck: &Deck) -> Vec<Note> {
    deck.cards.iter().map(note_for).collect()
}

/// The note for one card.
pub fn note_for(card: &Card) -> Note {
    let source = source_html(card);
    let body = match cloze_text(card) {
        Some(text) => NoteBody::Cloze {
            text,
            extra: explanation_beside_sentence(card)
                .map(escape_html)
                .unwrap_or_default(),
            source,
        },
        None => NoteBody::Question {
            question: question_html(card),
            answer: answer_html(card),
            options: options_html(card),
            source,
        },
    };
    Note {
        guid: note_guid(&card.id),
        tags: card_tags(card),
        body,
    }
}

fn question_html(card: &Card) -> String {
    let prompt = escape_html(&card.prompt);
    match card.card_type {
        CardType::TrueFalse => format!("True or false? {prompt}"),
        _ => prompt,
    }
}

fn answer_html(card: &Card) -> String {
    let mut html = escape_html(&card.answer);
    if let Some(ex) = explanation_beside_sentence(card) {
        html.push_str("<div class=explanation>");
        html.push_str(&escape_html(ex));
        html.push_str("</div>");
    }
    html
}

fn options_html(card: &Card) -> String {
    if card.options.is_empty() || card.card_type == CardType::TrueFalse {
        return String::new();
    }
    let mut html = String::from("<ol type=A>");
    for o in &card.options {
        html.push_str("<li>");
        html.push_str(&escape_html(o));
        html.push_str("</li>");
    }
    html.push_str("</ol>");
    html
}

/// The source sentence and where it was stated.
fn source_html(card: &Card) -> String {
    let mut html = String::new();
    if !card.sentence.trim().is_empty() {
        html.push_str("<div class=sentence>");
        html.push_str(&escape_html(card.sentence.trim()));
        html.push_str("</div>");
    }
    html.push_str("<div class=ref>");
    html.push_str(&escape_html(&card.doc));
    html.push_str(&format!(", line {}", card.line));
    if card.reported_by > 1 {
        html.push_str(&format!(" · stated in {} documents", card.reported_by));
    }
    html.push_str("</div>");
    html
}

/// `{{c1::answer::hint}}` in place of every blank of a cloze prompt, or `None`
/// when the card is not a cloze card or its prompt has no blank.
pub fn cloze_text(card: &Card) -> Option<String> {
    if card.card_type != CardType::Cloze {
        return None;
    }
    let segments = blank_segments(&card.prompt);
    if !segments.iter().any(|s| s.blank) {
        return None;
    }
    let answer = cloze_escape(&card.answer);
    let deletion = match card.hint.as_deref().map(str::trim) {
        Some(h) if !h.is_empty() => format!("{{{{c1::{answer}::{}}}}}", cloze_escape(h)),
        _ => format!("{{{{c1::{answer}}}}}"),
    };
    let mut text = String::new();
    for Segment { text: t, blank } in segments {
        if blank {
            text.push_str(&deletion);
        } else {
            text.push_str(&cloze_escape(&t));
        }
    }
    Some(text)
}

/// HTML-escapes text and breaks up the character pairs Anki's cloze syntax uses,
/// with entities that still display as the same characters.
fn cloze_escape(s: &str) -> String {
    escape_html(s)
        .replace("::", ":&#58;")
        .replace("{{", "{&#123;")
        .replace("}}", "}&#125;")
}

/// Removes HTML tags and decodes the entities factdeck writes: the text Anki
/// compares and sorts by.
pub fn strip_html(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#58;", ":")
        .replace("&#123;", "{")
        .replace("&#125;", "}")
        .replace("&#9;", "\t")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{FactId, FactKind};

    /// A card with the given type, prompt and answer; the rest filled in plainly.
    pub(crate) fn card(card_type: CardType, prompt: &str, answer: &str) -> Card {
        let fact = FactId(format!("f-{prompt}"));
        Card {
            id: CardId::of(&fact, card_type),
            card_type,
            fact,
            kind: FactKind::Money,
            prompt: prompt.to_string(),
            hint: None,
            answer: answer.to_string(),
            options: Vec::new(),
            accepted: Vec::new(),
            explanation: None,
            rewritten: Vec::new(),
            sentence: format!("The sentence about {answer}."),
            doc: "sheet.md".to_string(),
            line: 3,
            reported_by: 1,
            tags: Vec::new(),
            dropped: false,
        }
    }

    #[test]
    fn back_does_not_repeat_the_source_sentence_as_explanation() {
        let mut c = card(
            CardType::MultipleChoice,
            "The town paid ____.",
            "$4.5 million",
        );
        c.options = vec!["$4.5 million".into(), "$2 million".into()];
        c.sentence = "The town paid $4.5 million.".into();
        c.explanation = Some(c.sentence.clone());
        assert!(
            !answer_html(&c).contains("explanation"),
            "{}",
            answer_html(&c)
        );
        c.explanation = Some("It was the largest payment that year.".into());
        assert!(answer_html(&c).contains("largest payment"));
    }

    #[test]
    fn cloze_prompt_becomes_c1_deletion_with_hint() {
        let mut c = card(
            CardType::Cloze,
            "The town paid ____ for the bridge.",
            "$4.5 million",
        );
        c.hint = Some("a dollar amount".into());
        let note = note_for(&c);
        assert!(note.is_cloze());
        assert_eq!(
            note.fields()[0],
            "The town paid {{c1::$4.5 million::a dollar amount}} for the bridge."
        );
    }

    #[test]
    fn cloze_answer_cannot_break_the_cloze_syntax() {
        let c = card(CardType::Cloze, "At ____ <b>", "10::30}}");
        let text = cloze_text(&c).expect("cloze");
        assert_eq!(text, "At {{c1::10:&#58;30}&#125;}} &lt;b&gt;");
        assert_eq!(strip_html(&text), "At {{c1::10::30}}}} <b>");
    }

    #[test]
    fn cloze_without_blank_falls_back_to_question() {
        let c = card(CardType::Cloze, "How much was paid?", "$5");
        assert!(!note_for(&c).is_cloze());
    }

    #[test]
    fn fields_are_html_escaped() {
        let mut c = card(
            CardType::MultipleChoice,
            "Who runs <script>alert(1)</script> & co?",
            "A & B",
        );
        c.options = vec!["A & B".into(), "<i>C</i>".into()];
        let note = note_for(&c);
        let [q, a, o, _] = note.fields();
        assert_eq!(
            q,
            "Who runs &lt;script&gt;alert(1)&lt;/script&gt; &amp; co?"
        );
        assert_eq!(a, "A &amp; B");
        assert_eq!(
            o,
            "<ol type=A><li>A &amp; B</li><li>&lt;i&gt;C&lt;/i&gt;</li></ol>"
        );
    }

    #[test]
    fn guid_follows_the_card_id() {
        let c = card(CardType::ShortAnswer, "How much?", "$5");
        let mut regenerated = c.clone();
        regenerated.answer = "$6".into();
        assert_eq!(note_for(&c).guid, note_for(&regenerated).guid);
        assert_eq!(note_for(&c).guid, format!("factdeck-{}", c.id));
    }

    #[test]
    fn tags_name_type_and_kind_without_spaces() {
        let mut c = card(CardType::WhoSaid, "Who said it?", "Ann");
        c.tags = vec!["city council".into(), "type::who_said".into()];
        assert_eq!(
            card_tags(&c),
            ["type::who_said", "kind::money", "city_council"]
        );
    }

    #[test]
    fn a_title_with_double_colons_is_one_deck() {
        let name = normalize_deck_name(&title_as_deck_name("C++ :: a primer ::: part 2"));
        assert!(!name.contains("::"), "{name}");
        assert_eq!(name, "C++ : a primer : part 2");
    }

    #[test]
    fn deck_names_are_tidied() {
        assert_eq!(
            normalize_deck_name(" Civics :: Meeting "),
            "Civics::Meeting"
        );
        assert_eq!(normalize_deck_name("a::::b"), "a::b");
        assert_eq!(normalize_deck_name(" :: "), "factdeck");
    }
}
