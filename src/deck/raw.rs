//! The deck as read from TOML, before its types are trusted: a card's type is
//! any string and most fields may be missing, so one read finds every problem
//! (an unknown card type, a missing answer…) instead of stopping at the first.
//! Fields a hand-written card may leave out are filled from its fact.

use super::validate::{Lines, Problem};
use crate::model::{
    Card, CardId, CardType, Conflict, DECK_FORMAT, Deck, DeckFact, DeckInfo, FactId, FactKind,
    content_hash,
};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

/// A whole deck file as read.
#[derive(Deserialize)]
pub struct RawDeck {
    format: Option<i64>,
    deck: Option<DeckInfo>,
    #[serde(default)]
    conflicts: Vec<Conflict>,
    #[serde(default)]
    facts: Vec<Spanned<DeckFact>>,
    #[serde(default)]
    cards: Vec<Spanned<RawCard>>,
}

/// A run of `[[facts]]` and `[[cards]]` tables cut from a deck file, read on
/// its own (see [`super::parse_raw`]). Anything else in it is an error, so
/// that a cut in the wrong place falls back to reading the whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    #[serde(default)]
    facts: Vec<Spanned<DeckFact>>,
    #[serde(default)]
    cards: Vec<Spanned<RawCard>>,
}

/// A deck as read, with the byte offset of each fact and card in the file.
pub struct Parsed {
    format: Option<i64>,
    deck: Option<DeckInfo>,
    conflicts: Vec<Conflict>,
    facts: Vec<(usize, DeckFact)>,
    cards: Vec<(usize, RawCard)>,
}

impl Parsed {
    /// A deck read in one piece.
    pub fn whole(raw: RawDeck) -> Parsed {
        Parsed {
            format: raw.format,
            deck: raw.deck,
            conflicts: raw.conflicts,
            facts: raw
                .facts
                .into_iter()
                .map(|f| (f.span().start, f.into_inner()))
                .collect(),
            cards: raw
                .cards
                .into_iter()
                .map(|c| (c.span().start, c.into_inner()))
                .collect(),
        }
    }

    /// Appends a part that started at byte `offset` of the file.
    pub fn append(&mut self, part: RawPart, offset: usize) {
        self.facts.extend(
            part.facts
                .into_iter()
                .map(|f| (offset + f.span().start, f.into_inner())),
        );
        self.cards.extend(
            part.cards
                .into_iter()
                .map(|c| (offset + c.span().start, c.into_inner())),
        );
    }
}

/// A card as read: every field optional, the type any string.
#[derive(Deserialize, Default, Debug, PartialEq)]
pub struct RawCard {
    pub(super) id: Option<String>,
    #[serde(rename = "type")]
    pub(super) card_type: Option<String>,
    pub(super) fact: Option<String>,
    pub(super) kind: Option<FactKind>,
    pub(super) prompt: Option<String>,
    pub(super) hint: Option<String>,
    pub(super) answer: Option<String>,
    #[serde(default)]
    pub(super) options: Vec<String>,
    #[serde(default)]
    pub(super) accepted: Vec<String>,
    pub(super) explanation: Option<String>,
    #[serde(default)]
    pub(super) rewritten: Vec<String>,
    pub(super) sentence: Option<String>,
    pub(super) doc: Option<String>,
    pub(super) line: Option<usize>,
    pub(super) reported_by: Option<usize>,
    #[serde(default)]
    pub(super) tags: Vec<String>,
    #[serde(default)]
    pub(super) dropped: bool,
}

/// The id of a card written without one: as `generate` would name the card
/// of this fact and type ([`CardId::of`]) when no other card has that id,
/// else (a second hand-made card of the same fact and type, or a card with
/// no fact) a content hash of its fact, type and prompt.
pub fn id_for(fact: &FactId, card_type: CardType, prompt: &str, taken: &HashSet<String>) -> CardId {
    if !fact.0.is_empty() {
        let id = CardId::of(fact, card_type);
        if !taken.contains(&id.0) {
            return id;
        }
    }
    CardId(content_hash(&[&fact.0, card_type.as_str(), prompt]))
}

/// Turns a raw deck into a [`Deck`], or lists what stops it; `line_of` maps a
/// byte offset in the source to its line.
/// Cards with problems are left out of the deck; the problems come back beside it.
pub fn into_deck(
    raw: Parsed,
    line_of: impl Fn(usize) -> usize,
) -> (Deck, Lines<'static>, Vec<Problem>) {
    let mut problems = Vec::new();
    let format = match raw.format {
        Some(f) => u32::try_from(f).unwrap_or(u32::MAX),
        None => {
            problems.push(Problem::at(
                None,
                format!("missing `format = {DECK_FORMAT}` at the top of the deck"),
            ));
            DECK_FORMAT
        }
    };
    let info = raw.deck.unwrap_or_else(|| {
        problems.push(Problem::at(
            None,
            "missing the [deck] table (title, created, seed, sources)".into(),
        ));
        DeckInfo {
            title: String::new(),
            description: String::new(),
            created: String::new(),
            seed: 0,
            sources: Vec::new(),
        }
    });
    let mut lines = Lines::default();
    let mut facts = Vec::with_capacity(raw.facts.len());
    for (at, f) in raw.facts {
        lines.facts.push(line_of(at));
        facts.push(f);
    }
    let by_id: HashMap<&str, &DeckFact> = facts.iter().map(|f| (f.id.0.as_str(), f)).collect();
    // Ids written in the file: a card without one must not take one of them.
    let mut taken: HashSet<String> = raw.cards.iter().filter_map(|(_, c)| c.id.clone()).collect();
    let mut cards = Vec::with_capacity(raw.cards.len());
    for (n, (at, c)) in raw.cards.into_iter().enumerate() {
        let line = line_of(at);
        let name =
            c.id.clone()
                .map(|id| format!("card {id}"))
                .unwrap_or_else(|| format!("card #{}", n + 1));
        let mut say = |m: String| problems.push(Problem::at(Some(line), format!("{name}: {m}")));
        let card_type = match c.card_type.as_deref() {
            None => {
                say(
                    "has no type (cloze, multiple_choice, who_said, true_false or short_answer)"
                        .into(),
                );
                None
            }
            Some(t) => {
                let parsed = CardType::parse(t);
                if parsed.is_none() {
                    say(format!(
                        "unknown card type \"{t}\" (expected cloze, multiple_choice, who_said, true_false or short_answer)"
                    ));
                }
                parsed
            }
        };
        if c.answer.is_none() {
            say("has no answer".into());
        }
        if c.prompt.is_none() {
            say("has no prompt".into());
        }
        // A card without a fact is a question of its own (a teacher's); it
        // must then say what kind of answer it wants.
        let fact = c.fact.as_deref().and_then(|id| by_id.get(id));
        let kind = match (c.kind, fact) {
            (Some(k), _) => Some(k),
            (None, Some(f)) => Some(f.kind()),
            // The card is reported as pointing to a missing fact by the
            // semantic checks; the kind is a placeholder until then.
            (None, None) if c.fact.is_some() => Some(FactKind::Quote),
            (None, None) => {
                say("has no fact, so it needs a kind (`kind = \"date\"`, money, percent, quantity or quote)".into());
                None
            }
        };
        let (Some(card_type), Some(answer), Some(prompt), Some(kind)) =
            (card_type, c.answer, c.prompt, kind)
        else {
            continue;
        };
        let fact_id = FactId(c.fact.unwrap_or_default());
        let id = match c.id {
            Some(id) => CardId(id),
            None => {
                let id = id_for(&fact_id, card_type, &prompt, &taken);
                lines.unnamed.push((line, id.clone()));
                id
            }
        };
        taken.insert(id.0.clone());
        let first = fact.and_then(|f| f.sources.first());
        cards.push(Card {
            id,
            card_type,
            kind,
            prompt,
            hint: c.hint,
            answer,
            options: c.options,
            accepted: c.accepted,
            explanation: c.explanation,
            rewritten: c.rewritten,
            sentence: c
                .sentence
                .or_else(|| fact.map(|f| f.sentence.clone()))
                .unwrap_or_default(),
            doc: c
                .doc
                .or_else(|| first.map(|s| s.doc.clone()))
                .unwrap_or_default(),
            line: c.line.or_else(|| first.map(|s| s.line)).unwrap_or(0),
            reported_by: c.reported_by.unwrap_or(1),
            tags: c.tags,
            dropped: c.dropped,
            fact: fact_id,
        });
        lines.cards.push(line);
    }
    (
        Deck {
            format,
            deck: info,
            conflicts: raw.conflicts,
            facts,
            cards,
        },
        lines,
        problems,
    )
}
