//! Stage 2: turn facts into cards — selection, card types and distractors.

use crate::model::{DECK_FORMAT, Deck, DeckInfo, Extraction};

/// What `generate` was asked for.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub title: String,
    pub description: String,
    pub created: String,
    pub seed: u64,
    pub types: Vec<crate::model::CardType>,
    pub max_cards: Option<usize>,
}

/// Builds a deck from the extractions of several documents.
pub fn generate_deck(_extractions: &[Extraction], opts: &GenerateOptions) -> Deck {
    Deck {
        format: DECK_FORMAT,
        deck: DeckInfo {
            title: opts.title.clone(),
            description: opts.description.clone(),
            created: opts.created.clone(),
            seed: opts.seed,
            sources: Vec::new(),
        },
        conflicts: Vec::new(),
        facts: Vec::new(),
        cards: Vec::new(),
    }
}
