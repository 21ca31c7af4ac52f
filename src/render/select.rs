//! Which cards an export takes: the one place every export's cards go through.
//!
//! `--types`, `--tag`, `--doc` narrow the deck; `--count` then takes a seeded
//! sample spread over card types (kept in deck order). A card that should never
//! be exported (say, one a later deck format marks as dropped) is refused in
//! [`exportable`], so every format skips it at once.

use crate::model::{Card, CardType, Deck};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::path::Path;

/// The selection options shared by every export.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these card types (empty: all).
    pub types: Vec<CardType>,
    /// Only cards with one of these tags (empty: all).
    pub tags: Vec<String>,
    /// Only cards from these documents, by path as in the deck or file name (empty: all).
    pub docs: Vec<String>,
    /// At most this many cards, a sample spread over card types.
    pub count: Option<usize>,
    /// Seed of the `count` sample.
    pub seed: u64,
}

/// Whether a card may be exported at all, whatever the options.
pub fn exportable(_card: &Card) -> bool {
    // A deck format that marks cards as dropped adds `&& !card.dropped` here.
    true
}

/// Whether `card` passes the filters (types, tags, documents) of `sel`.
fn wanted(card: &Card, sel: &Selection) -> bool {
    let doc_matches = |d: &String| {
        card.doc == *d
            || Path::new(&card.doc)
                .file_name()
                .is_some_and(|f| f.to_string_lossy() == d.as_str())
    };
    exportable(card)
        && (sel.types.is_empty() || sel.types.contains(&card.card_type))
        && (sel.tags.is_empty() || card.tags.iter().any(|t| sel.tags.contains(t)))
        && (sel.docs.is_empty() || sel.docs.iter().any(doc_matches))
}

/// The deck with only the selected cards (facts and everything else kept).
pub fn select(deck: Deck, sel: &Selection) -> Deck {
    let Deck {
        format,
        deck: info,
        conflicts,
        facts,
        cards,
    } = deck;
    let mut cards: Vec<Card> = cards.into_iter().filter(|c| wanted(c, sel)).collect();
    if let Some(n) = sel.count
        && n < cards.len()
    {
        let keep = sample(&cards, n, sel.seed);
        let mut i = 0;
        cards.retain(|_| {
            let k = keep[i];
            i += 1;
            k
        });
    }
    Deck {
        format,
        deck: info,
        conflicts,
        facts,
        cards,
    }
}

/// Marks `n` of `cards` to keep: shuffled within each card type (by `seed`),
/// then taken in turn from each type, so a short export still mixes types.
fn sample(cards: &[Card], n: usize, seed: u64) -> Vec<bool> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut groups: Vec<Vec<usize>> = CardType::ALL
        .iter()
        .map(|t| {
            let mut g: Vec<usize> = (0..cards.len())
                .filter(|&i| cards[i].card_type == *t)
                .collect();
            g.shuffle(&mut rng);
            g.reverse(); // popped from the back
            g
        })
        .collect();
    let mut keep = vec![false; cards.len()];
    let mut taken = 0;
    while taken < n {
        let mut took = false;
        for g in &mut groups {
            if taken == n {
                break;
            }
            if let Some(i) = g.pop() {
                keep[i] = true;
                taken += 1;
                took = true;
            }
        }
        if !took {
            break;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    fn mixed(n: usize) -> Deck {
        deck(
            (0..n)
                .map(|i| {
                    let mut c = card(
                        CardType::ALL[i % CardType::ALL.len()],
                        &format!("Prompt {i}"),
                        &format!("{i}"),
                    );
                    c.doc = format!("docs/doc-{}.md", i % 3);
                    c.tags = vec![format!("tag-{}", i % 2)];
                    c
                })
                .collect(),
        )
    }

    #[test]
    fn count_takes_a_seeded_sample_spread_over_types_in_deck_order() {
        let d = mixed(50);
        let sel = |seed| Selection {
            count: Some(10),
            seed,
            ..Selection::default()
        };
        let a = select(d.clone(), &sel(1));
        assert_eq!(a.cards.len(), 10);
        for t in CardType::ALL {
            assert_eq!(a.cards.iter().filter(|c| c.card_type == t).count(), 2);
        }
        let pos = |c: &Card| {
            d.cards
                .iter()
                .position(|x| x.id == c.id)
                .expect("from deck")
        };
        assert!(a.cards.windows(2).all(|w| pos(&w[0]) < pos(&w[1])));
        assert_eq!(a.cards, select(d.clone(), &sel(1)).cards, "same seed");
        assert_ne!(a.cards, select(d, &sel(2)).cards, "another seed");
    }

    #[test]
    fn filters_by_type_tag_and_document() {
        let d = mixed(30);
        let s = select(
            d.clone(),
            &Selection {
                types: vec![CardType::Cloze],
                tags: vec!["tag-0".into()],
                docs: vec!["doc-0.md".into()],
                ..Selection::default()
            },
        );
        assert!(!s.cards.is_empty());
        assert!(s.cards.iter().all(|c| c.card_type == CardType::Cloze
            && c.tags == ["tag-0"]
            && c.doc == "docs/doc-0.md"));
        let by_path = select(
            d,
            &Selection {
                docs: vec!["docs/doc-1.md".into()],
                ..Selection::default()
            },
        );
        assert_eq!(by_path.cards.len(), 10);
    }

    #[test]
    fn count_larger_than_the_deck_keeps_every_card() {
        let d = mixed(7);
        let s = select(
            d.clone(),
            &Selection {
                count: Some(20),
                ..Selection::default()
            },
        );
        assert_eq!(s.cards, d.cards);
    }
}
