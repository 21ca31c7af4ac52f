//! The review page's automatic quality checks: one small function per flag,
//! each saying whether a card shows a weakness a teacher should look at.
//! Flags are advice only: `check` never rejects a card for them.

use crate::model::{Card, CardType, Deck, FactKind};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A prompt longer than this (in characters) is hard to read on a card.
const PROMPT_MAX: usize = 200;
/// An answer longer than this is hard to type or to check at a glance.
const ANSWER_MAX: usize = 60;

/// Words that need an earlier sentence to make sense when a prompt starts with them.
const CONTEXT_WORDS: &[&str] = &[
    "it",
    "its",
    "he",
    "him",
    "his",
    "she",
    "her",
    "they",
    "them",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "such",
    "also",
    "however",
    "but",
    "and",
    "so",
    "then",
    "meanwhile",
    "which",
    "both",
    "latter",
    "former",
    "another",
    "later",
    "instead",
];

/// One quality check.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    MissingContext,
    TooLong,
    CutQuote,
    Duplicate,
    Conflict,
}

impl Flag {
    /// Every flag, in display order.
    pub const ALL: [Flag; 5] = [
        Flag::MissingContext,
        Flag::TooLong,
        Flag::CutQuote,
        Flag::Duplicate,
        Flag::Conflict,
    ];

    /// The name used in the page's filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::MissingContext => "missing_context",
            Flag::TooLong => "too_long",
            Flag::CutQuote => "cut_quote",
            Flag::Duplicate => "duplicate",
            Flag::Conflict => "conflict",
        }
    }

    /// What the flag means, for a teacher.
    pub fn label(self) -> &'static str {
        match self {
            Flag::MissingContext => "missing context at the start",
            Flag::TooLong => "too long",
            Flag::CutQuote => "cut-off quote",
            Flag::Duplicate => "duplicate",
            Flag::Conflict => "sources conflict",
        }
    }
}

/// The flags of every card of `deck`, by card index.
pub fn flag_cards(deck: &Deck) -> Vec<Vec<Flag>> {
    // A fact's cloze, multiple-choice and short-answer cards share a prompt
    // on purpose: a duplicate is the same prompt for another fact, or twice
    // of one type.
    let mut prompts: HashMap<String, (HashSet<&str>, HashMap<CardType, usize>)> = HashMap::new();
    for c in &deck.cards {
        let (facts, types) = prompts.entry(normalized(&c.prompt)).or_default();
        facts.insert(c.fact.0.as_str());
        *types.entry(c.card_type).or_default() += 1;
    }
    let disputed: HashSet<&str> = deck
        .conflicts
        .iter()
        .flat_map(|c| c.facts.iter().map(|f| f.0.as_str()))
        .collect();
    let quotes: HashMap<&str, &str> = deck
        .facts
        .iter()
        .filter(|f| f.kind() == FactKind::Quote)
        .map(|f| (f.id.0.as_str(), f.text.as_str()))
        .collect();
    deck.cards
        .iter()
        .map(|c| {
            let mut flags = card_flags(c, quotes.get(c.fact.0.as_str()).copied());
            if prompts
                .get(&normalized(&c.prompt))
                .is_some_and(|(facts, types)| facts.len() > 1 || types[&c.card_type] > 1)
            {
                flags.push(Flag::Duplicate);
            }
            if disputed.contains(c.fact.0.as_str()) {
                flags.push(Flag::Conflict);
            }
            flags
        })
        .collect()
}

/// The flags that depend on the card alone (and its quotation, for a quote):
/// what the page can recompute while a card is edited.
pub fn card_flags(card: &Card, quote: Option<&str>) -> Vec<Flag> {
    let mut flags = Vec::new();
    if missing_context(card) {
        flags.push(Flag::MissingContext);
    }
    if too_long(card) {
        flags.push(Flag::TooLong);
    }
    if cut_quote(card, quote) {
        flags.push(Flag::CutQuote);
    }
    flags
}

/// The prompt opens with a word that points back to a sentence the student
/// does not see ("It cost ____", "They said …").
pub fn missing_context(card: &Card) -> bool {
    let first = card
        .prompt
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '_')
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_lowercase();
    CONTEXT_WORDS.contains(&first.as_str())
}

/// The prompt or the answer is too long to read (or type) comfortably.
pub fn too_long(card: &Card) -> bool {
    card.prompt.chars().count() > PROMPT_MAX || card.answer.chars().count() > ANSWER_MAX
}

/// A quotation that starts or stops mid-sentence: a lowercase first letter,
/// an ellipsis, or no closing punctuation. For other cards, a prompt that
/// trails off in an ellipsis.
pub fn cut_quote(card: &Card, quote: Option<&str>) -> bool {
    let trails_off = |s: &str| {
        let s = s.trim_end_matches(['"', '\'', '”', '’', ' ']);
        s.ends_with("...") || s.ends_with('…')
    };
    match quote {
        Some(q) if card.kind == FactKind::Quote => {
            let q = q.trim();
            let starts_lower = q.chars().next().is_some_and(char::is_lowercase);
            let ends_open = !q.ends_with(['.', '!', '?', ',', ';', ':', '—', '-', '"', '”']);
            starts_lower || ends_open || trails_off(q) || q.starts_with(['…', '.'])
        }
        _ => card.card_type != CardType::WhoSaid && trails_off(&card.prompt),
    }
}

/// A prompt compared for duplicates: lowercase, one space between words.
fn normalized(prompt: &str) -> String {
    prompt
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardId, Conflict, FactId};

    fn card(prompt: &str, answer: &str) -> Card {
        Card {
            id: CardId(prompt.into()),
            card_type: CardType::Cloze,
            fact: FactId("f".into()),
            kind: FactKind::Money,
            prompt: prompt.into(),
            hint: None,
            answer: answer.into(),
            options: vec![],
            accepted: vec![],
            explanation: None,
            sentence: String::new(),
            doc: "a.md".into(),
            line: 1,
            reported_by: 1,
            tags: vec![],
            rewritten: vec![],
            dropped: false,
        }
    }

    #[test]
    fn missing_context_is_a_pointing_word_first() {
        assert!(missing_context(&card("It cost ____ to build.", "$5")));
        assert!(missing_context(&card(
            "\"They paid ____,\" she said.",
            "$5"
        )));
        assert!(!missing_context(&card("The bridge cost ____.", "$5")));
        assert!(
            !missing_context(&card("Italy paid ____.", "$5")),
            "a word that starts with 'it'"
        );
    }

    #[test]
    fn too_long_counts_characters_of_prompt_and_answer() {
        assert!(!too_long(&card("The bridge cost ____.", "$5")));
        assert!(too_long(&card(&"word ".repeat(60), "$5")));
        assert!(too_long(&card("Short ____.", &"x".repeat(ANSWER_MAX + 1))));
    }

    #[test]
    fn cut_quote_sees_partial_quotations() {
        let mut c = card("____ said it.", "Ann Lee");
        c.kind = FactKind::Quote;
        assert!(!cut_quote(&c, Some("We will rebuild the bridge.")));
        assert!(
            cut_quote(&c, Some("rebuild the bridge")),
            "starts lowercase"
        );
        assert!(
            cut_quote(&c, Some("We will rebuild the")),
            "no closing punctuation"
        );
        assert!(cut_quote(&c, Some("We will rebuild…")));
        assert!(cut_quote(&card("The plan costs ____ and…", "$5"), None));
        assert!(!cut_quote(&card("The plan costs ____.", "$5"), None));
    }

    #[test]
    fn duplicates_and_conflicts_are_flagged_across_the_deck() {
        let a = card("The bridge cost ____.", "$5");
        let mut b = card("The  bridge cost ____.", "$6");
        b.id = CardId("b".into());
        b.fact = FactId("g".into());
        let c = card("The tunnel cost ____.", "$7");
        let deck = Deck {
            format: 1,
            deck: crate::model::DeckInfo {
                title: "t".into(),
                description: String::new(),
                created: String::new(),
                seed: 1,
                sources: vec![],
            },
            conflicts: vec![Conflict {
                kind: FactKind::Money,
                subject: "bridge".into(),
                facts: vec![FactId("g".into())],
                note: String::new(),
            }],
            facts: vec![],
            cards: vec![a, b, c],
        };
        let flags = flag_cards(&deck);
        assert_eq!(flags[0], vec![Flag::Duplicate]);
        assert_eq!(flags[1], vec![Flag::Duplicate, Flag::Conflict]);
        assert!(flags[2].is_empty());
    }
}
