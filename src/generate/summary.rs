//! What `generate` says when it has written a deck: counts by document,
//! fact, card and type, then any conflicts and an empty deck as warnings.

use crate::model::{CardType, Deck};
use std::path::Path;

/// What to say about a written deck.
pub struct Summary {
    /// The counts, for standard output (standard error when the deck itself
    /// went to standard output).
    pub lines: Vec<String>,
    /// Conflicts and an empty deck, each line for standard error as is.
    pub warnings: Vec<String>,
}

/// `types` are the card types asked for (empty: all of them); the others are
/// left out of the summary, where "0" would read as a failure.
pub fn summary(path: &Path, deck: &Deck, types: &[CardType]) -> Summary {
    let per_type: Vec<String> = CardType::ALL
        .iter()
        .filter(|t| types.is_empty() || types.contains(t))
        .map(|t| {
            let n = deck.cards.iter().filter(|c| c.card_type == *t).count();
            format!("{t} {n}")
        })
        .collect();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut lines = vec![format!(
        "wrote {}: {}, {}, {}, {}",
        path.display(),
        plural(deck.deck.sources.len(), "document", "documents"),
        plural(deck.facts.len(), "fact", "facts"),
        plural(deck.cards.len(), "card", "cards"),
        plural(deck.conflicts.len(), "conflict", "conflicts"),
    )];
    lines.push(format!("  cards: {}", per_type.join(", ")));
    let mut warnings: Vec<String> = deck
        .conflicts
        .iter()
        .map(|c| {
            format!(
                "warning: conflict about \"{}\" ({}): {}",
                c.subject, c.kind, c.note
            )
        })
        .collect();
    if deck.cards.is_empty() {
        warnings.push("warning: no fact made a good question; the deck has no cards".into());
    }
    Summary { lines, warnings }
}
