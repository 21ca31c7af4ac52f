//! Which tables and keys a deck may have. A hand edit that misspells one
//! (`[[card]]`, `answr = …`) would otherwise be dropped without a word by
//! the reader; here it is an error at its `LINE:COL`, with the nearest known
//! name as a suggestion (edit distance through `strsim`).

use super::validate::Problem;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

/// The keys of the document's top level.
const TOP: &[&str] = &["format", "deck", "conflicts", "facts", "cards"];
/// The keys of `[deck]`.
const DECK: &[&str] = &["title", "description", "created", "seed", "sources"];
/// The keys of a `sources` entry of `[deck]`.
const DECK_SOURCE: &[&str] = &["path", "title", "sha256", "url", "fetched_at"];
/// The keys of a `[[conflicts]]` table.
const CONFLICT: &[&str] = &["kind", "subject", "facts", "note"];
/// The keys of a `[[facts]]` table.
pub const FACT: &[&str] = &crate::model::DECK_FACT_KEYS;
/// The keys of a `sources` entry of a fact.
const FACT_SOURCE: &[&str] = &["doc", "line"];
/// The keys of a `[[cards]]` table.
pub const CARD: &[&str] = &[
    "id",
    "type",
    "fact",
    "kind",
    "prompt",
    "hint",
    "answer",
    "options",
    "accepted",
    "explanation",
    "sentence",
    "doc",
    "line",
    "reported_by",
    "tags",
    "rewritten",
    "dropped",
];

/// Every unknown table or key in a parsed deck. `src` is the text it was
/// parsed from (to tell `[[x]]` from `[x]` from `x = …`), `offset` where that
/// text starts in the file, `pos` a byte offset's line and column.
pub fn unknown_names(
    root: &DeTable<'_>,
    src: &str,
    offset: usize,
    pos: &dyn Fn(usize) -> (usize, usize),
) -> Vec<Problem> {
    let mut out = Vec::new();
    let at = |key: &Spanned<DeString<'_>>| pos(offset + key.span().start);
    for (key, value) in root.iter() {
        let name = key.get_ref().as_ref();
        if !TOP.contains(&name) {
            let (line, col) = at(key);
            let written = header_form(src, key.span().start, name);
            let message = match suggest(name, TOP) {
                Some(s) => format!("unknown {written}; did you mean {}?", top_form(s)),
                None => format!(
                    "unknown {written} (a deck has format, [deck], [[conflicts]], [[facts]] and [[cards]])"
                ),
            };
            out.push(Problem::at_col(line, col, message));
            continue;
        }
        let (fields, inner): (&[&str], Option<(&str, &[&str])>) = match name {
            "deck" => (DECK, Some(("sources", DECK_SOURCE))),
            "conflicts" => (CONFLICT, None),
            "facts" => (FACT, Some(("sources", FACT_SOURCE))),
            "cards" => (CARD, None),
            _ => continue,
        };
        let table = top_form(name);
        for t in tables(value.get_ref()) {
            check_keys(t, fields, &table, &mut out, &at);
            let Some((list, keys)) = inner else { continue };
            if let Some(v) = t.get(list) {
                for entry in tables(v.get_ref()) {
                    check_keys(
                        entry,
                        keys,
                        &format!("a {list} entry of {table}"),
                        &mut out,
                        &at,
                    );
                }
            }
        }
    }
    out
}

/// The tables of a value: itself, or each of an array's.
fn tables<'a, 'i>(v: &'a DeValue<'i>) -> Vec<&'a DeTable<'i>> {
    match v {
        DeValue::Table(t) => vec![t],
        DeValue::Array(a) => a
            .iter()
            .filter_map(|e| match e.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn check_keys(
    t: &DeTable<'_>,
    known: &[&str],
    table: &str,
    out: &mut Vec<Problem>,
    at: &dyn Fn(&Spanned<DeString<'_>>) -> (usize, usize),
) {
    for key in t.keys() {
        let name = key.get_ref().as_ref();
        if known.contains(&name) {
            continue;
        }
        let (line, col) = at(key);
        let message = match suggest(name, known) {
            Some(s) => format!("unknown key {name} in {table}; did you mean {s}?"),
            None => format!(
                "unknown key {name} in {table} (expected one of: {})",
                known.join(", ")
            ),
        };
        out.push(Problem::at_col(line, col, message));
    }
}

/// How a top-level name is written: `[[cards]]`, `[deck]`, `format`.
fn top_form(name: &str) -> String {
    match name {
        "deck" => "[deck]".into(),
        "conflicts" | "facts" | "cards" => format!("[[{name}]]"),
        _ => format!("key {name}"),
    }
}

/// How the user wrote an unknown top-level name at byte `at` of `src`:
/// `table [[x]]`, `table [x]` or `key x`.
fn header_form(src: &str, at: usize, name: &str) -> String {
    let line_start = src[..at.min(src.len())].rfind('\n').map_or(0, |i| i + 1);
    let before = src[line_start..at.min(src.len())].trim_start();
    if before.starts_with("[[") {
        format!("table [[{name}]]")
    } else if before.starts_with('[') {
        format!("table [{name}]")
    } else {
        format!("key {name}")
    }
}

/// The known name closest to `name`, when it is close enough to be a slip:
/// at most two edits (one for short names), case ignored.
pub fn suggest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|&(d, k)| d <= if k.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_detail_key_is_a_fact_key() {
        for key in crate::model::Detail::KEYS {
            assert!(FACT.contains(&key), "{key}");
        }
    }

    #[test]
    fn suggestions_are_near_slips_only() {
        assert_eq!(suggest("answr", CARD), Some("answer"));
        assert_eq!(suggest("card", TOP), Some("cards"));
        assert_eq!(suggest("Prompt", CARD), Some("prompt"));
        assert_eq!(suggest("explaination", CARD), Some("explanation"));
        assert_eq!(suggest("colour", CARD), None);
        assert_eq!(suggest("ty", CARD), None);
    }
}
