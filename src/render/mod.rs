//! Stage 4: write a deck out — Anki, CSV, printable HTML and the
//! classroom platforms (Kahoot, Quizlet, Blooket, Gimkit, Moodle, Canvas).
//!
//! The file exports form a closed set, so they are one enum, [`Renderer`], each
//! variant carrying its own options; `render` turns a deck into the bytes of the
//! output file. Renderers never touch the file system or the clock: the caller
//! passes the timestamp and seed in and writes the bytes out. Which cards reach
//! a renderer is decided once, in [`select`].

pub mod anki;
pub mod anki_text;
pub mod apkg;
pub mod blooket;
pub mod csv;
pub mod export;
pub mod fit;
pub mod gift;
pub mod gimkit;
pub(crate) mod giveaway;
pub mod html;
pub mod kahoot;
pub mod moodle;
pub mod qti;
pub mod quizlet;
pub mod select;

use std::collections::HashSet;

use crate::error::Result;
use crate::model::{Card, Deck, FactId};

pub use anki::AnkiOptions;
pub use csv::CsvOptions;
pub use fit::LeftOut;
pub use html::{CardsOptions, Duplex, Paper, WorksheetOptions};

/// One export format with its options.
#[derive(Clone, Debug)]
pub enum Renderer {
    /// An Anki package (`.apkg`).
    Apkg(AnkiOptions),
    /// Anki's tab-separated text import format.
    AnkiText(AnkiOptions),
    /// One CSV row per card.
    Csv(CsvOptions),
    /// Printable double-sided cards (HTML).
    Cards(CardsOptions),
    /// A classroom worksheet with an answer key per version (HTML).
    Worksheet(WorksheetOptions),
    /// Kahoot's quiz spreadsheet template (.xlsx).
    Kahoot(kahoot::KahootOptions),
    /// Quizlet's import box: term, tab, definition; a card a line.
    Quizlet,
    /// Blooket's CSV import template.
    Blooket(blooket::BlooketOptions),
    /// Gimkit's CSV import template.
    Gimkit,
    /// Moodle's GIFT text format.
    Gift(LmsOptions),
    /// Moodle XML.
    Moodle(LmsOptions),
    /// An IMS QTI 1.2 package as Canvas imports it (.zip).
    Qti(LmsOptions),
}

/// Options of the learning-platform exports (Moodle, Canvas).
#[derive(Clone, Debug)]
pub struct LmsOptions {
    /// The Moodle question category or the Canvas quiz title.
    pub title: String,
}

/// A finished export: the file, what it holds and what it left out.
#[derive(Debug, Default)]
pub struct Export {
    /// The complete output file.
    pub bytes: Vec<u8>,
    /// Problems that did not stop the export.
    pub warnings: Vec<String>,
    /// Cards written, when the format writes cards one for one (a worksheet chooses).
    pub written: Option<usize>,
    /// Cards that did not fit the format.
    pub left_out: LeftOut,
}

impl Export {
    fn all_of(deck: &Deck, r: Rendered) -> Export {
        Export {
            bytes: r.bytes,
            warnings: r.warnings,
            written: Some(deck.cards.len()),
            left_out: LeftOut::default(),
        }
    }
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
    pub fn render(&self, deck: &Deck) -> Result<Export> {
        // Cards dropped in `factdeck review` stay in the file but are never exported.
        let kept;
        let deck = if deck.cards.iter().any(|c| c.dropped) {
            kept = without_dropped(deck);
            &kept
        } else {
            deck
        };
        let plain = |bytes| Rendered {
            bytes,
            warnings: Vec::new(),
        };
        Ok(match self {
            Renderer::Apkg(opts) => Export::all_of(deck, plain(apkg::render(deck, opts)?)),
            Renderer::AnkiText(opts) => Export::all_of(
                deck,
                Rendered {
                    bytes: anki_text::render(deck, opts)?,
                    warnings: anki_text::siblings_warning(deck).into_iter().collect(),
                },
            ),
            Renderer::Csv(opts) => Export::all_of(deck, plain(csv::render(deck, opts)?)),
            Renderer::Cards(opts) => {
                // Printed cards are handed out as a set: no card may give
                // another's answer away.
                let (set, left_out) = giveaway::as_a_set(deck);
                let r = html::render_cards(&set, opts)?;
                Export {
                    bytes: r.bytes,
                    warnings: r.warnings,
                    written: Some(set.cards.len()),
                    left_out,
                }
            }
            Renderer::Worksheet(opts) => {
                let r = html::render_worksheet(deck, opts)?;
                Export {
                    bytes: r.bytes,
                    warnings: r.warnings,
                    written: None,
                    left_out: LeftOut::default(),
                }
            }
            // Games, study sets and a Canvas quiz put every question before the
            // same students at once: played as a set, like printed cards.
            Renderer::Kahoot(opts) => as_a_set(deck, |d| kahoot::render(d, opts))?,
            Renderer::Quizlet => as_a_set(deck, |d| Ok(quizlet::render(d)))?,
            Renderer::Blooket(opts) => as_a_set(deck, |d| blooket::render(d, opts))?,
            Renderer::Gimkit => as_a_set(deck, gimkit::render)?,
            Renderer::Qti(opts) => as_a_set(deck, |d| qti::render(d, opts))?,
            // Moodle's formats fill a question bank, from which a teacher
            // builds quizzes: every card goes in (README says so).
            Renderer::Gift(opts) => gift::render(deck, opts),
            Renderer::Moodle(opts) => moodle::render(deck, opts),
        })
    }

    /// Whether the format puts all its cards before students at once, so no
    /// card may give another away ([`sample_a_set`]).
    pub fn plays_as_a_set(&self) -> bool {
        matches!(
            self,
            Renderer::Cards(_)
                | Renderer::Kahoot(_)
                | Renderer::Quizlet
                | Renderer::Blooket(_)
                | Renderer::Gimkit
                | Renderer::Qti(_)
        )
    }

    /// The format's name as given to `--to`.
    pub fn name(&self) -> &'static str {
        match self {
            Renderer::Apkg(_) => "apkg",
            Renderer::AnkiText(_) => "anki-text",
            Renderer::Csv(_) => "csv",
            Renderer::Cards(_) => "cards",
            Renderer::Worksheet(_) => "worksheet",
            Renderer::Kahoot(_) => "kahoot",
            Renderer::Quizlet => "quizlet",
            Renderer::Blooket(_) => "blooket",
            Renderer::Gimkit => "gimkit",
            Renderer::Gift(_) => "gift",
            Renderer::Moodle(_) => "moodle",
            Renderer::Qti(_) => "qti",
        }
    }
}

/// `deck` as a set that can face students at once ([`giveaway::as_a_set`]),
/// then `count` cards sampled from that set by `seed`: sampling after the
/// give-aways are left out means `--count 20` gives 20 cards when the deck
/// has them. Returns the set and the cards left out as give-aways.
pub fn sample_a_set(deck: &Deck, count: Option<usize>, seed: u64) -> (Deck, LeftOut) {
    let kept;
    let deck = if deck.cards.iter().any(|c| c.dropped) {
        kept = without_dropped(deck);
        &kept
    } else {
        deck
    };
    let (set, left_out) = giveaway::as_a_set(deck);
    let sel = select::Selection {
        count,
        seed,
        ..select::Selection::default()
    };
    (select::select(set, &sel), left_out)
}

/// Renders the cards of `deck` that can face students as one set
/// ([`giveaway::as_a_set`]), counting the others as left out.
fn as_a_set(deck: &Deck, render: impl FnOnce(&Deck) -> Result<Export>) -> Result<Export> {
    let (set, left_out) = giveaway::as_a_set(deck);
    let mut export = render(&set)?;
    export.left_out.merge(left_out);
    Ok(export)
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

/// Escapes text for XML element content and attribute values. Characters XML
/// 1.0 cannot hold at all (control characters other than tab and line breaks)
/// are dropped, so a hostile deck cannot make the file ill-formed.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
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
