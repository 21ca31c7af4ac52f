//! Stage 3: the TOML deck file — load, save, validate.
//!
//! Reading goes through a lenient form ([`raw`]) so that one pass reports
//! every problem with its line; [`validate`] holds the semantic checks and
//! [`write`] the stable, hand-written TOML layout.

mod fast;
mod raw;
pub mod update;
pub mod validate;
mod write;

use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::model::Deck;
use std::path::Path;
pub use validate::Problem;

/// Reads and validates a deck. Syntax errors come back as `deck.toml:LINE:COL:`;
/// semantic problems as one `deck.toml:LINE: …` line each.
pub fn load_deck(path: &Path) -> Result<Deck> {
    let src = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let (deck, problems) = read_deck(path, &src)?;
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(invalid(path, problems))
    }
}

/// Parses deck TOML; only syntax errors and cards that cannot be read at all
/// (unknown type, no answer…) are errors. See [`validate`] for the rest.
pub fn parse_deck(path: &Path, src: &str) -> Result<Deck> {
    let (deck, lines, problems) = parse_raw(path, src)?;
    let _ = lines;
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(invalid(path, problems))
    }
}

/// Parses and checks a deck: the deck (without unreadable cards) and every
/// problem found, in file order. `Err` only for TOML syntax errors.
pub fn read_deck(path: &Path, src: &str) -> Result<(Deck, Vec<Problem>)> {
    let (deck, lines, mut problems) = parse_raw(path, src)?;
    problems.extend(validate::check(&deck, &lines));
    problems.sort_by_key(|p| p.line.unwrap_or(0));
    Ok((deck, problems))
}

fn parse_raw(path: &Path, src: &str) -> Result<(Deck, validate::Lines, Vec<Problem>)> {
    let parsed = match parse_in_parts(src) {
        Some(p) => p,
        None => raw::Parsed::whole(toml::from_str(src).map_err(|e| syntax_error(path, src, e))?),
    };
    let starts = line_starts(src);
    Ok(raw::into_deck(parsed, |byte| {
        starts.partition_point(|&s| s <= byte)
    }))
}

fn syntax_error(path: &Path, src: &str, e: toml::de::Error) -> Error {
    let (line, col) = e.span().map(|s| line_col(src, s.start)).unwrap_or((1, 1));
    let message = e
        .message()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Error::Syntax {
        path: path.to_path_buf(),
        line,
        col,
        message,
    }
}

/// A part of a large deck, read by the fast reader or by the toml crate.
enum Part {
    Fast(fast::Tables),
    Toml(raw::RawPart),
}

/// Below this size a deck is read in one piece.
const PARALLEL_FROM: usize = 256 * 1024;

/// Reads a large deck in parts on all cores, each with the fast reader
/// ([`fast`]) or else the toml crate: the file is cut before
/// `[[facts]]` / `[[cards]]` header lines into about four parts per core,
/// each read on its own. `None` when anything about that fails (a header line
/// inside a multi-line string, a stray table, any syntax error): the caller
/// then reads the whole file, which also places errors exactly.
fn parse_in_parts(src: &str) -> Option<raw::Parsed> {
    use rayon::prelude::*;
    if src.len() < PARALLEL_FROM {
        return None;
    }
    let mut cuts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "[[cards]]" || t == "[[facts]]" {
            cuts.push(at);
        }
        at += line.len();
    }
    let first = *cuts.first()?;
    let target = src.len() / (rayon::current_num_threads().max(1) * 4) + 1;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = first;
    for &c in &cuts {
        if c - start >= target {
            parts.push((start, c));
            start = c;
        }
    }
    parts.push((start, src.len()));
    let head: raw::RawDeck = toml::from_str(&src[..first]).ok()?;
    let read: Vec<Option<Part>> = parts
        .par_iter()
        .map(|&(s, e)| {
            let text = &src[s..e];
            fast::parse(text)
                .map(Part::Fast)
                .or_else(|| toml::from_str(text).ok().map(Part::Toml))
        })
        .collect();
    let mut parsed = raw::Parsed::whole(head);
    for (part, &(s, _)) in read.into_iter().zip(&parts) {
        match part? {
            Part::Fast(tables) => parsed.append_tables(tables, s),
            Part::Toml(p) => parsed.append(p, s),
        }
    }
    Some(parsed)
}

fn line_starts(src: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    v
}

fn invalid(path: &Path, problems: Vec<Problem>) -> Error {
    Error::Invalid {
        problems: problems.iter().map(|p| format_problem(path, p)).collect(),
    }
}

/// `deck.toml:12: message`, or `deck.toml: message` when the line is unknown.
pub fn format_problem(path: &Path, p: &Problem) -> String {
    match p.line {
        Some(l) => format!("{}:{l}: {}", path.display(), p.message),
        None => format!("{}: {}", path.display(), p.message),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(src.len());
    while !src.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &src[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Every semantic problem in a deck, one message each (without lines: use
/// [`read_deck`] on the source text to have them).
pub fn validate(deck: &Deck) -> Vec<String> {
    validate::check(deck, &validate::Lines::default())
        .into_iter()
        .map(|p| p.message)
        .collect()
}

/// Serializes a deck to its TOML text.
pub fn deck_to_toml(deck: &Deck) -> Result<String> {
    Ok(write::to_toml(deck))
}

/// Writes a deck atomically; refuses to overwrite unless `force`.
pub fn save_deck(path: &Path, deck: &Deck, force: bool) -> Result<()> {
    write_atomic(path, deck_to_toml(deck)?.as_bytes(), force)
}

#[cfg(test)]
mod tests;
