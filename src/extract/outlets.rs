//! The news organisations a document cites ("according to Reuters", "told the
//! Associated Press", "NBC News reported", "(Capital Tribune)" after a quote).
//!
//! Candidates are the capitalized runs the people finder already walks past;
//! a run counts when an outlet word is in it ("News", "Post", "Reuters") and a
//! citing word stands next to it, or when it follows "reported by" or
//! "according to". Names alone on a line (link lists, "follow us on") do not.

use super::names;
use super::people::{People, Word, is_capitalized, words};

/// Words right before a name that cite it as a source.
const CUES: &[&str] = &[
    " told", " with", " by", " on", " to", " from", "(", " via", " in",
];

/// How a run at `s..e` is cited: `Some(true)` after "reported by" or
/// "according to" (any name will do), `Some(false)` after another citing word
/// or before "reported" (the name must look like an outlet), `None` if not.
pub fn cited(src: &str, s: usize, e: usize) -> Option<bool> {
    let head = &src[src.floor_char_boundary(s.saturating_sub(40))..s];
    let before = head.trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .map_or(before, str::trim_end);
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(16))..];
    let ends = |cue: &str| {
        tail.len() >= cue.len()
            && tail.is_char_boundary(tail.len() - cue.len())
            && tail[tail.len() - cue.len()..].eq_ignore_ascii_case(cue)
    };
    if ends("reported by") || ends("according to") {
        return Some(true);
    }
    let after = src[e..src.floor_char_boundary((e + 48).min(src.len()))].trim_start();
    // "NBC News and the Associated Press reported"
    let after = match after.strip_prefix("and ") {
        Some(rest) => rest
            .find(" report")
            .filter(|&p| {
                rest[..p]
                    .split_whitespace()
                    .all(|w| is_capitalized(w) || w == "the")
            })
            .map_or(after, |p| &rest[p + 1..]),
        None => after,
    };
    let cue = CUES.iter().any(|c| ends(c))
        || (before.is_empty() && s < 40)
        || after.starts_with("reported")
        || after.starts_with("reports")
        || after.starts_with("first reported");
    cue.then_some(false)
}

/// A name alone on its line: a link list ("follow us on\nGoogle News,").
fn alone_on_line(src: &str, s: usize, e: usize) -> bool {
    let from = src.floor_char_boundary(s.saturating_sub(80));
    let line_start = src[from..s].rfind('\n').map_or(from, |p| from + p + 1);
    let to = src.floor_char_boundary((e + 80).min(src.len()));
    let line_end = src[e..to].find('\n').map_or(to, |p| e + p);
    src[line_start..s].trim().is_empty()
        && src[e..line_end]
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .is_empty()
}

/// Whether `src[start..end]` names a news organisation: an outlet word
/// ("News", "Post", "Reuters") and no title or person in it. `lenient`
/// accepts any capitalized name that is not a person.
pub fn is_outlet_name(src: &str, people: &People, start: usize, end: usize, lenient: bool) -> bool {
    if !people.mentions_in(start, end).is_empty() {
        return false;
    }
    let mut n = 0;
    let mut outlet = false;
    for w in words(src, start, end) {
        n += 1;
        let t = w.text(src);
        let f = names::flags(t);
        if n > 7
            || (f & names::TITLE != 0 && f & names::OUTLET == 0)
            || !(is_capitalized(t) || matches!(t, "of" | "the" | "and"))
        {
            return false;
        }
        outlet |= f & names::OUTLET != 0;
    }
    n > 0 && (outlet || lenient)
}

/// An outlet's name as printed: no leading "the", single spaces.
pub fn clean(name: &str) -> String {
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outlets among candidate runs (byte ranges), in order, once each.
pub fn from_runs(src: &str, people: &People, runs: &[(usize, usize)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(s, e) in runs {
        let Some(lenient) = cited(src, s, e) else {
            continue;
        };
        if alone_on_line(src, s, e) || !is_outlet_name(src, people, s, e, lenient) {
            continue;
        }
        let name = clean(&src[s..e]);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The outlet a quotation is credited to: "(New York Post)" right after it,
/// else a cited outlet in the clause after it, else in the clause before it.
pub fn near_quote(
    src: &str,
    people: &People,
    before: (usize, usize),
    after: (usize, usize),
) -> Option<String> {
    let rest = src[after.0..after.1].trim_start_matches([' ', ',', '.', '!', '?', '\u{a0}']);
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        let raw = &inner[..close];
        let name = raw.trim();
        let offset = after.1 - rest.len() + 1 + (raw.len() - raw.trim_start().len());
        if is_outlet_name(src, people, offset, offset + name.len(), true) {
            return Some(clean(name));
        }
    }
    if people.outlets.is_empty() {
        return None;
    }
    // Only outlets the document cites somewhere can be cited here.
    let find = |from: usize, to: usize, last: bool| -> Option<(usize, String)> {
        let window = &src[from..to];
        let mut best: Option<(usize, String)> = None;
        for name in &people.outlets {
            let hits = window.match_indices(name.as_str()).map(|(p, _)| from + p);
            for p in hits {
                if cited(src, p, p + name.len()).is_none() {
                    continue;
                }
                let better = match &best {
                    None => true,
                    Some((q, _)) => (p > *q) == last,
                };
                if better {
                    best = Some((p, name.clone()));
                }
            }
        }
        best
    };
    find(after.0, after.1, false)
        .or_else(|| find(before.0, before.1, true))
        .map(|(_, n)| n)
}

/// Joins a run to the candidate before it when only " & " separates them
/// ("Dow Jones & Company").
pub fn push_candidate(
    src: &str,
    runs: &mut Vec<(usize, usize)>,
    run: &[Word],
    flags: &[names::Flags],
    candidate: bool,
) {
    // "Both NBC News…": sentence openers are not part of the name.
    let lead = flags
        .iter()
        .take(run.len())
        .take_while(|f| *f & names::STOP != 0)
        .count();
    let run = &run[lead..];
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    if let Some(prev) = runs.last_mut()
        && src.get(prev.1..first.start) == Some(" & ")
    {
        prev.1 = last.end;
        return;
    }
    if candidate {
        runs.push((first.start, last.end));
    }
}
