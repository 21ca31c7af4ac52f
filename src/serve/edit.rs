//! What the review page may change in its deck, and saving it: a teacher's
//! keep/drop decisions and edits of a card's prompt, answer, options and
//! accepted answers, validated by `check`'s rules and written back atomically
//! in the deck's stable format — unless the file changed on disk meanwhile.

use crate::deck::{deck_to_toml, validate};
use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::model::{Card, Deck};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::SystemTime;

/// The editable part of one card, as the page sends it.
#[derive(Deserialize, Debug, Clone)]
pub struct CardEdit {
    /// The card's position in the deck, checked against `id`.
    pub index: usize,
    pub id: String,
    pub dropped: bool,
    pub prompt: String,
    pub answer: String,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub accepted: Vec<String>,
}

impl CardEdit {
    /// `card` with this edit applied. Blank options and accepted answers are
    /// left out (an empty line in the page's list).
    pub fn applied_to(&self, card: &Card) -> Card {
        let list = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Card {
            dropped: self.dropped,
            prompt: self.prompt.trim().to_string(),
            answer: self.answer.trim().to_string(),
            options: list(&self.options),
            accepted: list(&self.accepted),
            ..card.clone()
        }
    }
}

/// The card `edit` names, or why it names none.
pub fn card_of<'a>(deck: &'a Deck, edit: &CardEdit) -> Result<&'a Card> {
    deck.cards
        .get(edit.index)
        .filter(|c| c.id.0 == edit.id)
        .ok_or_else(|| {
            Error::Other(format!(
                "card {} is not at position {} of the deck",
                edit.id, edit.index
            ))
        })
}

/// `check`'s problems with one edited card, judged beside its fact.
pub fn problems_of(deck: &Deck, edit: &CardEdit) -> Result<Vec<String>> {
    let card = edit.applied_to(card_of(deck, edit)?);
    let one = Deck {
        format: deck.format,
        deck: deck.deck.clone(),
        conflicts: Vec::new(),
        facts: deck.fact(&card.fact).cloned().into_iter().collect(),
        cards: vec![card],
    };
    let prefix = format!("card {}: ", edit.id);
    Ok(validate(&one)
        .into_iter()
        .map(|m| m.strip_prefix(&prefix).map(str::to_string).unwrap_or(m))
        .collect())
}

/// Applies every edit to `deck` in place, or none when any breaks one of
/// `check`'s rules (then every problem comes back, naming its card). Only the
/// edited cards need checking: the deck passed `check` when it was loaded, and
/// an edit changes no id, fact or kind. Returns the cards replaced, in edit
/// order, so that a failed write can put them back ([`undo`]).
pub fn apply(
    deck: &mut Deck,
    edits: &[CardEdit],
) -> Result<std::result::Result<Vec<Card>, Vec<String>>> {
    let mut problems = Vec::new();
    for e in edits {
        problems.extend(
            problems_of(deck, e)?
                .into_iter()
                .map(|p| format!("card {}: {p}", e.id)),
        );
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let mut before = Vec::with_capacity(edits.len());
    for e in edits {
        let card = e.applied_to(&deck.cards[e.index]);
        before.push(std::mem::replace(&mut deck.cards[e.index], card));
    }
    Ok(Ok(before))
}

/// Puts back the cards [`apply`] replaced.
pub fn undo(deck: &mut Deck, edits: &[CardEdit], before: Vec<Card>) {
    for (e, card) in edits.iter().zip(before).rev() {
        deck.cards[e.index] = card;
    }
}

/// What the deck file looked like when last read or written: a change of
/// size or time is confirmed by the content hash, so a `touch` is no change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    sha256: [u8; 32],
}

impl DiskStamp {
    /// The stamp of these bytes, just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> DiskStamp {
        let meta = std::fs::metadata(path).ok();
        DiskStamp {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Whether the file at `path` now differs from this stamp (or is gone).
    pub fn changed(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return false;
        }
        match std::fs::read(path) {
            Ok(bytes) => <[u8; 32]>::from(Sha256::digest(&bytes)) != self.sha256,
            Err(_) => true,
        }
    }
}

/// Writes `deck` to `path` atomically unless the file changed since `stamp`;
/// the new stamp.
pub fn save(path: &Path, deck: &Deck, stamp: &DiskStamp) -> Result<DiskStamp> {
    if stamp.changed(path) {
        return Err(Error::Other(format!(
            "{} changed on disk since the page loaded it; not overwritten (reload the page to see the new version)",
            path.display()
        )));
    }
    let text = deck_to_toml(deck)?;
    write_atomic(path, text.as_bytes(), true)?;
    Ok(DiskStamp::of(path, text.as_bytes()))
}

/// Resolves conflict number `conflict` in favour of fact `chosen`: the cards
/// of the other facts are dropped, the chosen fact's cards kept — and made
/// (as `generate` would, with the deck's seed) when it has none, since
/// `generate` makes no cards for disputed facts — and the conflict leaves the
/// deck. Returns how many cards were made.
pub fn resolve(deck: &mut Deck, conflict: usize, chosen: &str) -> Result<usize> {
    use crate::generate::cards::{CardContext, Wanted, cards_for, gives_answer_away, today_from};
    use crate::generate::distractors::Distractors;
    use rand::SeedableRng;
    let c = deck
        .conflicts
        .get(conflict)
        .ok_or_else(|| Error::Other(format!("no conflict number {conflict}")))?;
    if !c.facts.iter().any(|f| f.0 == chosen) {
        return Err(Error::Other(format!(
            "fact {chosen} is not one of the conflict's facts"
        )));
    }
    let losers: std::collections::HashSet<String> = c
        .facts
        .iter()
        .filter(|f| f.0 != chosen)
        .map(|f| f.0.clone())
        .collect();
    for card in &mut deck.cards {
        if losers.contains(&card.fact.0) {
            card.dropped = true;
        } else if card.fact.0 == chosen {
            card.dropped = false;
        }
    }
    let mut made = Vec::new();
    if !deck.cards.iter().any(|c| c.fact.0 == chosen) {
        let idx = deck
            .facts
            .iter()
            .position(|f| f.id.0 == chosen)
            .ok_or_else(|| Error::Other(format!("fact {chosen} is not in the deck")))?;
        let ctx = CardContext {
            distractors: Distractors::new(&deck.facts, &[], today_from(&deck.deck.created)),
            deck_tag: crate::generate::slug(&deck.deck.title),
            docs: std::collections::HashMap::new(),
            ambiguous_quotes: std::collections::HashSet::new(),
            peripheral_quotes: std::collections::HashSet::new(),
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(deck.deck.seed);
        // One card, of the type that suits the fact best, as `generate` makes.
        let wanted = Wanted {
            types: Vec::new(),
            per_fact: None,
        };
        let ids: std::collections::HashSet<&str> =
            deck.cards.iter().map(|c| c.id.0.as_str()).collect();
        made = cards_for(&ctx, &deck.facts, idx, &wanted, &mut rng)
            .into_iter()
            .filter(|c| !gives_answer_away(c) && !ids.contains(c.id.0.as_str()))
            .collect();
    }
    let n = made.len();
    // In deck order: before the first card of a later fact.
    let order: std::collections::HashMap<&str, usize> = deck
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.0.as_str(), i))
        .collect();
    let at = order.get(chosen).copied().unwrap_or(usize::MAX);
    let pos = deck
        .cards
        .iter()
        .position(|c| order.get(c.fact.0.as_str()).is_some_and(|&i| i > at))
        .unwrap_or(deck.cards.len());
    deck.cards.splice(pos..pos, made);
    deck.conflicts.remove(conflict);
    Ok(n)
}
