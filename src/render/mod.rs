//! Stage 4: show a deck — terminal quiz, Anki, CSV and printable HTML.
//!
//! The file exports form a closed set, so they are one enum, [`Renderer`], each
//! variant carrying its own options; `render` turns a deck into the bytes of the
//! output file. Renderers never touch the file system or the clock: the caller
//! passes the timestamp and seed in and writes the bytes out.

pub mod anki;
pub mod anki_text;
pub mod apkg;
pub mod csv;
pub mod html;
pub mod quiz;

use std::collections::HashSet;

use crate::error::Result;
use crate::model::{Card, Deck, FactId};

pub use anki::AnkiOptions;
pub use html::{CardsOptions, Duplex, Paper, WorksheetOptions};

/// One export format with its options.
#[derive(Clone, Debug)]
pub enum Renderer {
    /// An Anki package (`.apkg`).
    Apkg(AnkiOptions),
    /// Anki's tab-separated text import format.
    AnkiText(AnkiOptions),
    /// One CSV row per card.
    Csv,
    /// Printable double-sided cards (HTML).
    Cards(CardsOptions),
    /// A classroom worksheet with an answer key per version (HTML).
    Worksheet(WorksheetOptions),
}

/// A rendered file and anything the user should hear about it.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The complete output file.
    pub bytes: Vec<u8>,
    /// Problems that did not stop the export (say, a card too long to print well).
    pub warnings: Vec<String>,
}

impl Renderer {
    /// Renders `deck` into the bytes of the output file.
    pub fn render(&self, deck: &Deck) -> Result<Rendered> {
        // Cards dropped in `factdeck review` stay in the file but are never exported.
        let kept;
        let deck = if deck.cards.iter().any(|c| c.dropped) {
            kept = without_dropped(deck);
            &kept
        } else {
            deck
        };
        match self {
            Renderer::Apkg(opts) => Ok(Rendered {
                bytes: apkg::render(deck, opts)?,
                warnings: Vec::new(),
            }),
            Renderer::AnkiText(opts) => Ok(Rendered {
                bytes: anki_text::render(deck, opts)?,
                warnings: Vec::new(),
            }),
            Renderer::Csv => Ok(Rendered {
                bytes: csv::render(deck)?,
                warnings: Vec::new(),
            }),
            Renderer::Cards(opts) => html::render_cards(deck, opts),
            Renderer::Worksheet(opts) => html::render_worksheet(deck, opts),
        }
    }
}

/// The deck without the cards a teacher dropped.
pub fn without_dropped(deck: &Deck) -> Deck {
    Deck {
        format: deck.format,
        deck: deck.deck.clone(),
        conflicts: deck.conflicts.clone(),
        facts: deck.facts.clone(),
        cards: deck.cards.iter().filter(|c| !c.dropped).cloned().collect(),
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A card's explanation when it adds something: not empty and not just the
/// answer or the prompt again (a true statement's explanation is the prompt).
pub fn useful_explanation(card: &crate::model::Card) -> Option<&str> {
    let same = |a: &str, b: &str| {
        let norm = |s: &str| s.trim().trim_end_matches(['.', '!', '?']).to_lowercase();
        norm(a) == norm(b)
    };
    card.explanation
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty() && !same(e, &card.answer) && !same(e, &card.prompt))
}

/// [`useful_explanation`] for a view that prints the source sentence anyway
/// (Anki's back, the quiz's feedback): not the sentence a second time.
pub fn explanation_beside_sentence(card: &crate::model::Card) -> Option<&str> {
    let norm = |s: &str| s.trim().trim_end_matches(['.', '!', '?']).to_lowercase();
    useful_explanation(card).filter(|e| norm(e) != norm(&card.sentence))
}

/// A piece of a prompt: text, or a blank to fill in (a run of three or more `_`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub blank: bool,
}

/// Splits a prompt at its blanks. Cloze prompts mark the blank with `____`; any run
/// of three or more underscores counts, so hand-edited decks keep working.
pub fn blank_segments(prompt: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = prompt;
    while let Some(start) = rest.find("___") {
        let run = rest[start..].bytes().take_while(|&b| b == b'_').count();
        if start > 0 {
            out.push(Segment {
                text: rest[..start].to_string(),
                blank: false,
            });
        }
        out.push(Segment {
            text: String::new(),
            blank: true,
        });
        rest = &rest[start + run..];
    }
    if !rest.is_empty() {
        out.push(Segment {
            text: rest.to_string(),
            blank: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_are_cards_of_one_fact_sentence_or_answer_in_a_document() {
        use crate::model::CardType;
        use crate::render::anki::tests::card;
        let first = card(
            CardType::Cloze,
            "Council approves ____ plan",
            "$4.2 million",
        );
        let mut same_answer = card(
            CardType::MultipleChoice,
            "It approved a ____ plan.",
            "$4.2 million",
        );
        same_answer.sentence = "It approved a $4.2 million plan.".into();
        let mut other_doc = same_answer.clone();
        other_doc.fact = crate::model::FactId("elsewhere".into());
        other_doc.doc = "other.md".into();
        let mut tf = card(CardType::TrueFalse, "Another statement.", "True");
        tf.sentence = "Another statement.".into();
        let mut tf2 = card(CardType::TrueFalse, "A third statement.", "True");
        tf2.sentence = "A third statement.".into();
        let mut s = Siblings::default();
        assert!(s.first(&first));
        assert!(!s.first(&same_answer), "same answer in one document");
        assert!(s.first(&other_doc), "another document may ask it");
        assert!(s.first(&tf) && s.first(&tf2), "True is not a shared answer");
    }

    #[test]
    fn escape_html_turns_markup_into_text() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn explanation_that_repeats_the_prompt_is_dropped() {
        use crate::model::CardType;
        let mut c =
            crate::render::anki::tests::card(CardType::TrueFalse, "The pool opens in May.", "True");
        c.explanation = Some("The pool opens in May".into());
        assert_eq!(useful_explanation(&c), None);
        c.explanation = Some("The pool opens in June.".into());
        c.answer = "False".into();
        assert_eq!(useful_explanation(&c), Some("The pool opens in June."));
        c.explanation = Some(" false ".into());
        assert_eq!(useful_explanation(&c), None);
    }

    #[test]
    fn blank_segments_finds_every_blank() {
        let segs = blank_segments("Paid ____ on ___ in 2024.");
        let shape: Vec<_> = segs.iter().map(|s| (s.text.as_str(), s.blank)).collect();
        assert_eq!(
            shape,
            [
                ("Paid ", false),
                ("", true),
                (" on ", false),
                ("", true),
                (" in 2024.", false)
            ]
        );
        assert!(blank_segments("no blank here_").iter().all(|s| !s.blank));
    }
}

/// Holds back cards that would give an earlier card's answer away: cards of
/// one fact, cards of one source sentence (a prompt about one of its facts
/// prints the others: "borrow ____ … a grant of $1.2 million" answers "a grant
/// of ____"), and cards of one document with the same answer (a headline and
/// the story's first sentence both asking for "$4.2 million").
#[derive(Debug, Default)]
pub(crate) struct Siblings<'a> {
    facts: HashSet<&'a FactId>,
    sentences: HashSet<&'a str>,
    answers: HashSet<(&'a str, String)>,
}

impl<'a> Siblings<'a> {
    /// Records `card` and says whether it is the first of its siblings.
    pub(crate) fn first(&mut self, card: &'a Card) -> bool {
        let sentence = card.sentence.trim();
        // True/false answers say nothing about the fact.
        let answer = (card.card_type != crate::model::CardType::TrueFalse)
            .then(|| (card.doc.as_str(), card.answer.trim().to_lowercase()))
            .filter(|(_, a)| !a.is_empty());
        // Cards of their own (no fact) are not siblings of each other.
        if (!card.fact.0.is_empty() && self.facts.contains(&card.fact))
            || (!sentence.is_empty() && self.sentences.contains(sentence))
            || answer.as_ref().is_some_and(|a| self.answers.contains(a))
        {
            return false;
        }
        self.facts.insert(&card.fact);
        if !sentence.is_empty() {
            self.sentences.insert(sentence);
        }
        if let Some(a) = answer {
            self.answers.insert(a);
        }
        true
    }
}
