//! Stage 3: the TOML deck file — load, save, validate.

use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::model::{DECK_FORMAT, Deck};
use std::path::Path;

/// Reads and validates a deck. Syntax errors come back as `deck.toml:LINE:COL:`;
/// semantic problems as one `deck.toml: …` line each.
pub fn load_deck(path: &Path) -> Result<Deck> {
    let src = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let deck = parse_deck(path, &src)?;
    let problems = validate(&deck);
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(Error::Invalid {
            problems: problems
                .into_iter()
                .map(|p| format!("{}: {p}", path.display()))
                .collect(),
        })
    }
}

/// Parses deck TOML without semantic checks.
pub fn parse_deck(path: &Path, src: &str) -> Result<Deck> {
    toml::from_str::<Deck>(src).map_err(|e| {
        let (line, col) = e.span().map(|s| line_col(src, s.start)).unwrap_or((1, 1));
        Error::Syntax {
            path: path.to_path_buf(),
            line,
            col,
            message: e.message().trim().to_string(),
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(src.len());
    let before = src.get(..byte).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Every semantic problem in a deck, one message each.
pub fn validate(deck: &Deck) -> Vec<String> {
    let mut problems = Vec::new();
    if deck.format != DECK_FORMAT {
        problems.push(format!(
            "unknown deck format {} (this factdeck reads format {DECK_FORMAT})",
            deck.format
        ));
    }
    problems
}

/// Serializes a deck to its TOML text.
pub fn deck_to_toml(deck: &Deck) -> Result<String> {
    toml::to_string(deck).map_err(|e| Error::Other(format!("cannot serialize deck: {e}")))
}

/// Writes a deck atomically; refuses to overwrite unless `force`.
pub fn save_deck(path: &Path, deck: &Deck, force: bool) -> Result<()> {
    write_atomic(path, deck_to_toml(deck)?.as_bytes(), force)
}
