//! What the two Anki exports share: factdeck's note types, note GUIDs, tags, and
//! turning a card into the HTML fields of a note.
//!
//! A card becomes one note. Cloze cards whose prompt has a `____` blank become
//! notes of the Cloze type (`{{c1::answer::hint}}`); every other card becomes a
//! note of the question type. Field text is HTML, so everything from the deck is
//! escaped first.

use super::{Segment, blank_segments, escape_html, explanation_beside_sentence};
use crate::model::{Card, CardId, CardType, Deck};

/// Settings shared by the `.apkg` and text exports.
#[derive(Clone, Debug)]
pub struct AnkiOptions {
    /// The Anki deck name; `::` separates sub-decks.
    pub deck_name: String,
    /// Modification time of the notes, in seconds since the Unix epoch. Anki
    /// only updates an existing note from a package when this is newer.
    pub timestamp: i64,
}

/// factdeck's two note types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteType {
    /// Fields Question, Answer, Options, Source.
    Question,
    /// Fields Text, Extra, Source; one card per `{{cN::…}}`.
    Cloze,
}

/// The style sheet both note types use.
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

impl NoteType {
    /// The fixed note type id, so every export and re-import uses the same type.
    pub const fn id(self) -> i64 {
        match self {
            NoteType::Question => 1_731_580_000_101,
            NoteType::Cloze => 1_731_580_000_102,
        }
    }

    /// The note type's name in Anki.
    pub const fn name(self) -> &'static str {
        match self {
            NoteType::Question => "factdeck Question",
            NoteType::Cloze => "factdeck Cloze",
        }
    }

    /// Field names, in order.
    pub const fn fields(self) -> &'static [&'static str] {
        match self {
            NoteType::Question => &["Question", "Answer", "Options", "Source"],
            NoteType::Cloze => &["Text", "Extra", "Source"],
        }
    }

    /// The card template: front and back.
    pub const fn template(self) -> (&'static str, &'static str) {
        match self {
            NoteType::Question => (
                "<div class=question>{{Question}}</div>\n\
                 {{#Options}}<div class=options>{{Options}}</div>{{/Options}}",
                "{{FrontSide}}\n<hr id=\"answer\">\n\
                 <div class=answer>{{Answer}}</div>\n\
                 {{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
            ),
            NoteType::Cloze => (
                "{{cloze:Text}}",
                "{{cloze:Text}}\n\
                 {{#Extra}}<div class=explanation>{{Extra}}</div>{{/Extra}}\n\
                 {{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
            ),
        }
    }
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

/// One Anki note made from one card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// See [`note_guid`].
    pub guid: String,
    /// Space-free tags.
    pub tags: Vec<String>,
    pub body: NoteBody,
}

impl Note {
    /// Which note type the note uses.
    pub fn note_type(&self) -> NoteType {
        match self.body {
            NoteBody::Question { .. } => NoteType::Question,
            NoteBody::Cloze { .. } => NoteType::Cloze,
        }
    }

    /// The fields in the order of [`NoteType::fields`].
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

/// A note's GUID: `factdeck-` and the card id. Card ids are content hashes of the
/// fact and card type, so a regenerated deck gives the same GUIDs and Anki updates
/// the notes (keeping their review history) instead of adding duplicates.
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

/// Every card of the deck as a note, in deck order.
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
        assert_eq!(note.note_type(), NoteType::Cloze);
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
        assert_eq!(note_for(&c).note_type(), NoteType::Question);
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
