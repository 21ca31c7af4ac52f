//! `generate --update`: a regenerated deck keeps what a teacher decided in
//! the old one. A card whose id survives keeps its keep/drop decision and its
//! hand-editable text (prompt, hint, answer, options, accepted answers,
//! explanation, tags) from the old deck; a card added by hand whose fact
//! survives is kept as it was; cards whose fact disappeared are reported and
//! left out. Card ids are content hashes of the fact and card type, so an id
//! survives exactly when the same fact is found again in the same sentence.

use crate::model::{Card, CardId, Deck, FactId};
use std::collections::{HashMap, HashSet};

/// What an update changed, for the summary.
#[derive(Debug, Default, PartialEq)]
pub struct UpdateReport {
    /// Cards the old deck did not have.
    pub new_cards: Vec<CardId>,
    /// Old cards whose fact is no longer found (left out of the deck).
    pub gone: Vec<Card>,
    /// Cards whose decision or text came from the old deck.
    pub carried: usize,
    /// Of those, cards kept dropped.
    pub dropped: usize,
    /// Hand-written cards (not regenerated) kept because their fact survives.
    pub hand_written: usize,
}

/// `fresh` (just generated) with every decision and edit of `old` carried over.
pub fn carry_over(old: &Deck, mut fresh: Deck) -> (Deck, UpdateReport) {
    let mut report = UpdateReport::default();
    let old_cards: HashMap<&CardId, &Card> = old.cards.iter().map(|c| (&c.id, c)).collect();
    for card in &mut fresh.cards {
        match old_cards.get(&card.id) {
            Some(before) => {
                if keep_edits(card, before) {
                    report.carried += 1;
                }
                if card.dropped {
                    report.dropped += 1;
                }
            }
            None => report.new_cards.push(card.id.clone()),
        }
    }
    let facts: HashSet<&FactId> = fresh.facts.iter().map(|f| &f.id).collect();
    let regenerated: HashSet<&CardId> = fresh.cards.iter().map(|c| &c.id).collect();
    let mut added = Vec::new();
    for c in &old.cards {
        if regenerated.contains(&c.id) {
            continue;
        }
        if facts.contains(&c.fact) {
            added.push(c.clone());
        } else {
            report.gone.push(c.clone());
        }
    }
    report.hand_written = added.len();
    fresh.cards.extend(added);
    (fresh, report)
}

/// Copies `before`'s decision and text onto `card`; whether anything differed.
fn keep_edits(card: &mut Card, before: &Card) -> bool {
    let changed = card.dropped != before.dropped
        || card.prompt != before.prompt
        || card.hint != before.hint
        || card.answer != before.answer
        || card.options != before.options
        || card.accepted != before.accepted
        || card.explanation != before.explanation
        || card.tags != before.tags;
    card.dropped = before.dropped;
    card.prompt.clone_from(&before.prompt);
    card.hint.clone_from(&before.hint);
    card.answer.clone_from(&before.answer);
    card.options.clone_from(&before.options);
    card.accepted.clone_from(&before.accepted);
    card.explanation.clone_from(&before.explanation);
    card.tags.clone_from(&before.tags);
    changed
}

impl UpdateReport {
    /// The lines printed after `generate --update`.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "updated: {} new cards, {} cards kept their edits or decisions ({} dropped), {} hand-written cards kept, {} cards gone with their fact",
            self.new_cards.len(),
            self.carried,
            self.dropped,
            self.hand_written,
            self.gone.len()
        )];
        for c in &self.gone {
            out.push(format!(
                "  gone: card {} ({}, {}:{}): {}",
                c.id, c.card_type, c.doc, c.line, c.prompt
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CardType, DeckFact, DeckInfo, Detail, FactKind, SourceRef, Statement, Value,
    };

    fn fact(id: &str) -> DeckFact {
        DeckFact {
            statement: Statement {
                id: FactId(id.into()),
                text: "$5".into(),
                value: Value::Number(5.0),
                detail: Detail::Money {
                    currency: Some("USD".into()),
                    qualifier: None,
                },
                sentence: "It cost $5.".into(),
            },
            sources: vec![SourceRef {
                doc: "a.md".into(),
                line: 1,
            }],
        }
    }

    fn card(fact: &str, t: CardType) -> Card {
        let fact = FactId(fact.into());
        Card {
            id: CardId::of(&fact, t),
            card_type: t,
            fact,
            kind: FactKind::Money,
            prompt: "It cost ____.".into(),
            hint: None,
            answer: "$5".into(),
            options: vec![],
            accepted: vec![],
            explanation: None,
            sentence: "It cost $5.".into(),
            doc: "a.md".into(),
            line: 1,
            reported_by: 1,
            tags: vec![],
            rewritten: vec![],
            dropped: false,
        }
    }

    fn deck(facts: &[&str], cards: Vec<Card>) -> Deck {
        Deck {
            format: 1,
            deck: DeckInfo {
                title: "t".into(),
                description: String::new(),
                created: String::new(),
                seed: 1,
                sources: vec![],
            },
            conflicts: vec![],
            facts: facts.iter().map(|f| fact(f)).collect(),
            cards,
        }
    }

    #[test]
    fn dropped_survives_saving_and_both_readers() {
        // Large enough (over 256 KB) that the fast reader reads it in parts.
        let cards: Vec<Card> = (0..1500)
            .map(|i| {
                let mut c = card("a", CardType::Cloze);
                c.id = CardId(format!("card{i}"));
                c.prompt =
                    format!("It cost ____ in year {i}, said a fairly long prompt line here.");
                c.dropped = i % 7 == 0;
                c
            })
            .collect();
        let d = deck(&["a"], cards);
        let text = crate::deck::deck_to_toml(&d).expect("toml");
        assert!(text.len() > 256 * 1024, "{}", text.len());
        assert_eq!(text.matches("\ndropped = true\n").count(), 215);
        assert!(!text.contains("dropped = false"));
        let fast = crate::deck::parse_deck(std::path::Path::new("d.toml"), &text).expect("parse");
        // A comment after the value makes the fast reader give up: the toml
        // crate reads those parts instead.
        let commented = text.replace("\ndropped = true\n", "\ndropped = true # by a teacher\n");
        let slow =
            crate::deck::parse_deck(std::path::Path::new("d.toml"), &commented).expect("parse");
        for read in [&fast, &slow] {
            assert_eq!(read.cards.iter().filter(|c| c.dropped).count(), 215);
            assert_eq!(read.cards, d.cards);
        }
    }

    #[test]
    fn surviving_cards_keep_drops_and_edits_and_the_rest_is_reported() {
        let mut dropped = card("a", CardType::Cloze);
        dropped.dropped = true;
        let mut edited = card("a", CardType::ShortAnswer);
        edited.answer = "five dollars".into();
        edited.accepted = vec!["$5".into()];
        let untouched = card("a", CardType::TrueFalse);
        let gone = card("old", CardType::Cloze);
        let mut by_hand = card("a", CardType::MultipleChoice);
        by_hand.id = CardId("written-by-hand".into());
        let old = deck(
            &["a", "old"],
            vec![dropped, edited, untouched, gone.clone(), by_hand],
        );
        let fresh = deck(
            &["a", "new"],
            vec![
                card("a", CardType::Cloze),
                card("a", CardType::ShortAnswer),
                card("a", CardType::TrueFalse),
                card("new", CardType::Cloze),
            ],
        );
        let (merged, report) = carry_over(&old, fresh);
        assert!(merged.cards[0].dropped);
        assert_eq!(merged.cards[1].answer, "five dollars");
        assert_eq!(merged.cards[1].accepted, ["$5"]);
        assert!(!merged.cards[2].dropped);
        assert_eq!(report.carried, 2, "the untouched card carries nothing");
        assert_eq!(report.dropped, 1);
        assert_eq!(
            report.new_cards,
            [CardId::of(&FactId("new".into()), CardType::Cloze)]
        );
        assert_eq!(report.gone, [gone]);
        assert_eq!(report.hand_written, 1);
        assert_eq!(merged.cards.len(), 5);
        assert_eq!(merged.cards[4].id.0, "written-by-hand");
    }
}
