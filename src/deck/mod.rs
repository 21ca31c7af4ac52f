//! Stage 3: the TOML deck file — load, save, validate.
//!
//! Reading goes through a lenient form ([`raw`]) so that one pass reports
//! every problem with its line; [`schema`] rejects unknown tables and keys,
//! [`validate`] holds the semantic checks and [`write`] the stable,
//! hand-written TOML layout. The rules are in `docs/deck-format.md`.

mod raw;
mod schema;
pub mod update;
pub mod validate;
mod write;

use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::model::Deck;
use std::path::Path;
pub use validate::Problem;

/// A deck file's text, read up to `max_input` bytes (`--max-input-size`,
/// 64 MB by default, as for documents): a huge file or `/dev/zero` is refused
/// before it fills memory.
pub fn read_deck_text(path: &Path, max_input: u64) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let bytes = crate::source::read_capped(file, max_input, &name)?;
    String::from_utf8(bytes).map_err(|e| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
        )
    })
}

/// Reads and validates a deck. Syntax errors come back as `deck.toml:LINE:COL:`;
/// semantic problems as one `deck.toml:LINE: …` line each.
/// Reads at most the default input cap; [`load_deck_within`] takes another.
pub fn load_deck(path: &Path) -> Result<Deck> {
    load_deck_within(path, crate::source::DEFAULT_MAX_INPUT)
}

/// [`load_deck`], reading at most `max_input` bytes of the file.
pub fn load_deck_within(path: &Path, max_input: u64) -> Result<Deck> {
    let src = read_deck_text(path, max_input)?;
    parse_valid_deck(path, &src)
}

/// Parses and validates a deck's text already read from `path`.
pub fn parse_valid_deck(path: &Path, src: &str) -> Result<Deck> {
    let (deck, problems) = read_deck(path, src)?;
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(invalid(path, problems))
    }
}

/// Parses deck TOML; only syntax errors, unknown tables and keys, and cards
/// that cannot be read at all (unknown type, no answer…) are errors. See
/// [`validate`] for the rest.
pub fn parse_deck(path: &Path, src: &str) -> Result<Deck> {
    let (deck, _, problems) = parse_raw(path, src)?;
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(invalid(path, problems))
    }
}

/// Parses and checks a deck: the deck (without unreadable cards) and every
/// problem found, in file order. `Err` only for TOML syntax errors.
pub fn read_deck(path: &Path, src: &str) -> Result<(Deck, Vec<Problem>)> {
    let report = check_deck(path, src)?;
    Ok((report.deck, report.problems))
}

/// What `factdeck check` says about one deck.
pub struct Report {
    /// The deck, without the cards that could not be read.
    pub deck: Deck,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
    /// Things that are allowed but worth saying: a card written without an
    /// `id` (and the line that would pin the id it was given), conflicts.
    pub warnings: Vec<Problem>,
}

/// Parses and checks a deck, with warnings. `Err` only for TOML syntax errors.
pub fn check_deck(path: &Path, src: &str) -> Result<Report> {
    let (deck, mut lines, mut problems) = parse_raw(path, src)?;
    lines.src = src;
    problems.extend(validate::check(&deck, &lines));
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.col.unwrap_or(0)));
    let mut warnings: Vec<Problem> = lines
        .unnamed
        .iter()
        .map(|(line, id)| {
            Problem::at(
                Some(*line),
                format!(
                    "card has no id; it is known as {id}: write `id = \"{id}\"` under its [[cards]] line to keep that id (and its review history) when you edit the card"
                ),
            )
        })
        .collect();
    warnings.extend(deck.conflicts.iter().map(|c| {
        Problem::at(
            None,
            format!("conflict about \"{}\" ({}): {}", c.subject, c.kind, c.note),
        )
    }));
    Ok(Report {
        deck,
        problems,
        warnings,
    })
}

fn parse_raw<'s>(path: &Path, src: &'s str) -> Result<(Deck, validate::Lines<'s>, Vec<Problem>)> {
    let starts = line_starts(src);
    let pos = |byte: usize| line_col_at(src, &starts, byte);
    let (parsed, unknown) = match parse_in_parts(src, &pos) {
        Some((parsed, head_len, mut unknown)) => {
            // The parts were checked as they were read; the head before
            // the first fact or card is checked here.
            let head = &src[..head_len];
            match toml::de::DeTable::parse(head) {
                Ok(root) => unknown.extend(schema::unknown_names(root.get_ref(), head, 0, &pos)),
                Err(e) => return Err(syntax_error(path, src, e)),
            };
            (parsed, unknown)
        }
        None => {
            let root = toml::de::DeTable::parse(src).map_err(|e| syntax_error(path, src, e))?;
            let unknown = schema::unknown_names(root.get_ref(), src, 0, &pos);
            let whole = match raw::RawDeck::deserialize(toml::de::Deserializer::from(root)) {
                Ok(w) => w,
                // A misspelled key often explains what is missing
                // (`titel` for `title`): say both.
                Err(e) if !unknown.is_empty() => {
                    let mut problems = unknown;
                    if let Error::Syntax {
                        line, col, message, ..
                    } = syntax_error(path, src, e)
                    {
                        problems.push(Problem::at_col(line, col, message));
                    }
                    problems.sort_by_key(|p| (p.line, p.col));
                    return Err(invalid(path, problems));
                }
                Err(e) => return Err(syntax_error(path, src, e)),
            };
            (raw::Parsed::whole(whole), unknown)
        }
    };
    let (deck, lines, mut problems) =
        raw::into_deck(parsed, |byte| starts.partition_point(|&s| s <= byte));
    problems.extend(unknown);
    Ok((deck, lines, problems))
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

use serde::Deserialize as _;

/// Below this size a deck is read in one piece.
const PARALLEL_FROM: usize = 256 * 1024;

/// Reads a large deck in parts on all cores with the toml crate (a
/// hand-written reader of factdeck's own layout used to sit beside it: on a
/// 10,000-card deck it saved 70 ms of CPU, 0.12 s → 0.05 s, under the 100 ms
/// a user would notice, so it went). The file is cut before
/// `[[facts]]` / `[[cards]]` header lines into about four parts per core,
/// each read on its own. `None` when anything about that fails (a header line
/// inside a multi-line string, a stray table, any syntax error): the caller
/// then reads the whole file, which also places errors exactly.
/// Also returns where the head (everything before the first fact or card)
/// ends, as the parts are only known to hold facts and cards.
fn parse_in_parts(
    src: &str,
    pos: &(dyn Fn(usize) -> (usize, usize) + Sync),
) -> Option<(raw::Parsed, usize, Vec<Problem>)> {
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
    let read: Vec<Option<(raw::RawPart, Vec<Problem>)>> = parts
        .par_iter()
        .map(|&(s, e)| {
            let text = &src[s..e];
            let root = toml::de::DeTable::parse(text).ok()?;
            let unknown = schema::unknown_names(root.get_ref(), text, s, pos);
            let part = raw::RawPart::deserialize(toml::de::Deserializer::from(root)).ok()?;
            Some((part, unknown))
        })
        .collect();
    let mut parsed = raw::Parsed::whole(head);
    let mut unknown = Vec::new();
    for (part, &(s, _)) in read.into_iter().zip(&parts) {
        let (part, u) = part?;
        parsed.append(part, s);
        unknown.extend(u);
    }
    Some((parsed, first, unknown))
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

/// `deck.toml:12:5: message`, `deck.toml:12: message`, or `deck.toml:
/// message` when the line is unknown. Control characters from the deck are
/// shown as escapes, never sent to the terminal.
pub fn format_problem(path: &Path, p: &Problem) -> String {
    let message: String = p
        .message
        .chars()
        .flat_map(|c| {
            let shown: Vec<char> = if c.is_control() {
                c.escape_unicode().collect()
            } else {
                vec![c]
            };
            shown
        })
        .collect();
    match (p.line, p.col) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}: {message}", path.display()),
        (Some(l), None) => format!("{}:{l}: {message}", path.display()),
        _ => format!("{}: {message}", path.display()),
    }
}

/// [`line_col`] with the line starts known (no scan from the top).
fn line_col_at(src: &str, starts: &[usize], byte: usize) -> (usize, usize) {
    let line = starts.partition_point(|&s| s <= byte).max(1);
    let from = starts[line - 1];
    let mut byte = byte.min(src.len());
    while !src.is_char_boundary(byte) {
        byte -= 1;
    }
    (line, src[from..byte.max(from)].chars().count() + 1)
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
