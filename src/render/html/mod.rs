//! Printable HTML: double-sided cards and classroom worksheets.
//!
//! Rust builds a view model with every decision made (which card goes in which
//! cell, letters, numbers, font-size classes); the askama templates in
//! `templates/` only print it, and askama escapes every value.
//!
//! Cards are laid out on a fixed grid in millimetres so fronts and backs line up
//! when printed double-sided. Long text is shrunk by choosing one of a few
//! font-size classes from an estimate of how many lines the text wraps to: CSS
//! only, no script, so the printed page is what the estimate promised.

mod cards;
mod worksheet;

pub use cards::render_cards;
pub use worksheet::render_worksheet;

use super::Segment;
use crate::model::Card;

/// Paper sizes for printable output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Letter,
    A4,
}

/// How printed card backs are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplex {
    /// Flipped on the long edge (most printers' default).
    Long,
    /// Flipped on the short edge.
    Short,
    /// Single-sided: each card is folded over.
    None,
}

/// Settings of the printable cards.
#[derive(Clone, Debug)]
pub struct CardsOptions {
    pub paper: Paper,
    /// 4, 6, 8 or 10 cells a page (two columns).
    pub per_page: usize,
    pub duplex: Duplex,
}

/// Settings of the worksheet.
#[derive(Clone, Debug)]
pub struct WorksheetOptions {
    pub paper: Paper,
    /// How many questions; `None` means every card, up to 20.
    pub count: Option<usize>,
    /// How many versions (A, B, …), each with its own order and key.
    pub versions: u32,
    /// Seed for choosing and ordering questions and options.
    pub seed: u64,
}

/// Questions on a worksheet when `--count` is not given.
pub const DEFAULT_WORKSHEET_COUNT: usize = 20;

/// Page size in millimetres and its CSS `@page` name.
fn page_size(paper: Paper) -> (f64, f64, &'static str) {
    match paper {
        Paper::Letter => (215.9, 279.4, "letter"),
        Paper::A4 => (210.0, 297.0, "A4"),
    }
}

/// A lettered choice.
struct Choice {
    letter: char,
    text: String,
}

fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

fn plain(text: impl Into<String>) -> Vec<Segment> {
    vec![Segment {
        text: text.into(),
        blank: false,
    }]
}

/// `doc, line N`, and how many documents state the fact when more than one.
fn source_line(card: &Card) -> String {
    let mut s = format!("{}, line {}", card.doc, card.line);
    if card.reported_by > 1 {
        s.push_str(&format!(" · stated in {} documents", card.reported_by));
    }
    s
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::model::{Card, CardType, DECK_FORMAT, Deck, DeckInfo, FactKind};
    use crate::render::anki::tests::card;

    /// A deck holding these cards, with a title that needs escaping.
    pub(crate) fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            format: DECK_FORMAT,
            deck: DeckInfo {
                title: "Budget <b>&</b> you".into(),
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

    /// `n` cards cycling through every card type and fact kind.
    pub(crate) fn mixed(n: usize) -> Vec<Card> {
        (0..n)
            .map(|i| {
                let t = CardType::ALL[i % 5];
                let mut c = card(t, &format!("Question {i} about ____?"), &format!("A{i}"));
                c.kind = FactKind::ALL[(i / 5) % 5];
                if matches!(t, CardType::MultipleChoice | CardType::WhoSaid) {
                    c.options = vec![format!("A{i}"), format!("B{i}"), format!("C{i}")];
                }
                if t == CardType::TrueFalse {
                    c.answer = "True".into();
                    c.options = vec!["True".into(), "False".into()];
                }
                c
            })
            .collect()
    }
}
