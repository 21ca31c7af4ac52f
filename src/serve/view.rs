//! The review page's view models: the askama page (its frame, filters,
//! export links and shortcuts) and the JSON the page's script draws cards
//! from. Rust decides everything shown; the template and script only print it.

use super::flags::{Flag, flag_cards};
use crate::model::{CardType, Deck, FactKind};
use askama::Template;
use serde::Serialize;
use std::collections::HashMap;

/// One export format the page offers (`factdeck export --to NAME`).
#[derive(Clone, Debug)]
pub struct ExportChoice {
    /// The name `--to` takes (`worksheet`).
    pub name: String,
    /// What it makes ("A classroom worksheet with answer key (HTML)").
    pub help: String,
}

/// A keyboard shortcut as listed on the page.
pub struct Shortcut {
    pub keys: &'static str,
    pub does: &'static str,
}

/// Every shortcut the page's script handles.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "j / ↓",
        does: "next card",
    },
    Shortcut {
        keys: "k / ↑",
        does: "previous card",
    },
    Shortcut {
        keys: "d",
        does: "drop the card",
    },
    Shortcut {
        keys: "a",
        does: "keep the card",
    },
    Shortcut {
        keys: "x / space",
        does: "keep ⇄ drop",
    },
    Shortcut {
        keys: "e / Enter",
        does: "edit the card",
    },
    Shortcut {
        keys: "Esc",
        does: "stop editing",
    },
    Shortcut {
        keys: "u / Ctrl+Z",
        does: "undo",
    },
    Shortcut {
        keys: "s / Ctrl+S",
        does: "save",
    },
    Shortcut {
        keys: "/",
        does: "search",
    },
];

/// A choice in a filter menu.
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The page around the cards.
#[derive(Template)]
#[template(path = "review.html")]
pub struct Page<'a> {
    pub title: &'a str,
    pub deck_path: String,
    pub token: &'a str,
    pub card_count: usize,
    pub docs: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub types: Vec<Choice>,
    pub flags: Vec<Choice>,
    pub exports: &'a [ExportChoice],
    pub shortcuts: &'static [Shortcut],
}

impl<'a> Page<'a> {
    /// The page for `deck`; `token` goes into every address the page uses.
    pub fn new(
        deck: &'a Deck,
        deck_path: String,
        token: &'a str,
        exports: &'a [ExportChoice],
    ) -> Page<'a> {
        let titles = doc_titles(deck);
        let mut docs: Vec<&str> = deck.deck.sources.iter().map(|s| s.path.as_str()).collect();
        for c in &deck.cards {
            if !docs.contains(&c.doc.as_str()) {
                docs.push(&c.doc);
            }
        }
        Page {
            title: &deck.deck.title,
            deck_path,
            token,
            card_count: deck.cards.len(),
            docs: docs
                .into_iter()
                .map(|d| Choice {
                    value: d.to_string(),
                    label: titles
                        .get(d)
                        .map(|t| format!("{t} ({d})"))
                        .unwrap_or_else(|| d.to_string()),
                })
                .collect(),
            kinds: FactKind::ALL
                .iter()
                .filter(|k| deck.cards.iter().any(|c| c.kind == **k))
                .map(|k| Choice {
                    value: k.as_str().into(),
                    label: k.as_str().into(),
                })
                .collect(),
            types: CardType::ALL
                .iter()
                .filter(|t| deck.cards.iter().any(|c| c.card_type == **t))
                .map(|t| Choice {
                    value: t.as_str().into(),
                    label: t.as_str().replace('_', " "),
                })
                .collect(),
            flags: Flag::ALL
                .iter()
                .map(|f| Choice {
                    value: f.as_str().into(),
                    label: f.label().into(),
                })
                .collect(),
            exports,
            shortcuts: SHORTCUTS,
        }
    }
}

fn doc_titles(deck: &Deck) -> HashMap<&str, &str> {
    deck.deck
        .sources
        .iter()
        .filter(|s| !s.title.is_empty())
        .map(|s| (s.path.as_str(), s.title.as_str()))
        .collect()
}

/// Everything the page's script needs, as JSON.
#[derive(Serialize)]
pub struct DeckView<'a> {
    pub facts: Vec<FactView<'a>>,
    pub cards: Vec<CardView<'a>>,
    pub conflicts: Vec<ConflictView<'a>>,
    /// Document titles by path.
    pub titles: HashMap<&'a str, &'a str>,
}

/// A fact, for the source line and the conflicts.
#[derive(Serialize)]
pub struct FactView<'a> {
    pub id: &'a str,
    pub kind: FactKind,
    /// The value as the document wrote it ("$4.2 million").
    pub text: &'a str,
    pub sentence: &'a str,
    /// `doc:line` of every source.
    pub sources: Vec<String>,
    /// Indices of the fact's cards.
    pub cards: Vec<usize>,
}

/// A card as it will print, with its provenance and flags.
#[derive(Serialize)]
pub struct CardView<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub card_type: CardType,
    pub kind: FactKind,
    /// Index of the fact in `facts`, if the deck has it.
    pub fact: Option<usize>,
    pub prompt: &'a str,
    pub hint: Option<&'a str>,
    pub answer: &'a str,
    pub options: &'a [String],
    pub accepted: &'a [String],
    pub explanation: Option<&'a str>,
    pub sentence: &'a str,
    pub doc: &'a str,
    pub line: usize,
    pub dropped: bool,
    pub flags: Vec<Flag>,
}

/// Two or more sources disagreeing, with the facts side by side.
#[derive(Serialize)]
pub struct ConflictView<'a> {
    pub subject: &'a str,
    pub kind: FactKind,
    pub note: &'a str,
    /// Indices of the disagreeing facts in `facts`.
    pub facts: Vec<usize>,
}

impl<'a> DeckView<'a> {
    /// The view of `deck`.
    pub fn new(deck: &'a Deck) -> DeckView<'a> {
        let fact_index: HashMap<&str, usize> = deck
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.0.as_str(), i))
            .collect();
        let mut facts: Vec<FactView<'a>> = deck
            .facts
            .iter()
            .map(|f| FactView {
                id: &f.id.0,
                kind: f.kind(),
                text: &f.text,
                sentence: &f.sentence,
                sources: f
                    .sources
                    .iter()
                    .map(|s| format!("{}:{}", s.doc, s.line))
                    .collect(),
                cards: Vec::new(),
            })
            .collect();
        let flags = flag_cards(deck);
        let cards = deck
            .cards
            .iter()
            .zip(flags)
            .enumerate()
            .map(|(i, (c, flags))| {
                let fact = fact_index.get(c.fact.0.as_str()).copied();
                if let Some(f) = fact {
                    facts[f].cards.push(i);
                }
                CardView {
                    id: &c.id.0,
                    card_type: c.card_type,
                    kind: c.kind,
                    fact,
                    prompt: &c.prompt,
                    hint: c.hint.as_deref(),
                    answer: &c.answer,
                    options: &c.options,
                    accepted: &c.accepted,
                    explanation: crate::render::useful_explanation(c),
                    sentence: &c.sentence,
                    doc: &c.doc,
                    line: c.line,
                    dropped: c.dropped,
                    flags,
                }
            })
            .collect();
        let conflicts = deck
            .conflicts
            .iter()
            .map(|c| ConflictView {
                subject: &c.subject,
                kind: c.kind,
                note: &c.note,
                facts: c
                    .facts
                    .iter()
                    .filter_map(|f| fact_index.get(f.0.as_str()).copied())
                    .collect(),
            })
            .collect();
        DeckView {
            facts,
            cards,
            conflicts,
            titles: doc_titles(deck),
        }
    }
}
