//! Writing a deck as TOML by hand rather than through a generic serializer:
//! the field order, the one-line arrays and the comments at the top are part of
//! the format, so a regenerated deck is byte-identical and a hand edit diffs small.

use crate::model::{Card, Conflict, Deck, DeckFact, SourceDoc, SourceRef, Value};
use std::collections::HashMap;
use std::fmt::Write;

/// The deck as TOML text (see `docs/deck-format.md`).
pub fn to_toml(deck: &Deck) -> String {
    let mut out = String::with_capacity(512 + deck.cards.len() * 700 + deck.facts.len() * 400);
    out.push_str("# A factdeck deck: see docs/deck-format.md for every field.\n");
    out.push_str("# Edit freely; `factdeck check` validates the file.\n");
    let _ = writeln!(out, "format = {}", deck.format);
    out.push_str("\n[deck]\n");
    key_str(&mut out, "title", &deck.deck.title);
    key_str(&mut out, "description", &deck.deck.description);
    key_str(&mut out, "created", &deck.deck.created);
    let _ = writeln!(out, "seed = {}", deck.deck.seed);
    sources(&mut out, &deck.deck.sources);
    for c in &deck.conflicts {
        conflict(&mut out, c);
    }
    for f in &deck.facts {
        fact(&mut out, f);
    }
    let sentences: HashMap<&str, &str> = deck
        .facts
        .iter()
        .map(|f| (f.id.0.as_str(), f.sentence.as_str()))
        .collect();
    for c in &deck.cards {
        let fact_sentence = sentences.get(c.fact.0.as_str()).copied();
        card(&mut out, c, fact_sentence);
    }
    out
}

fn sources(out: &mut String, sources: &[SourceDoc]) {
    if sources.is_empty() {
        out.push_str("sources = []\n");
        return;
    }
    out.push_str("sources = [\n");
    for s in sources {
        out.push_str("  { path = ");
        string(out, &s.path);
        out.push_str(", title = ");
        string(out, &s.title);
        out.push_str(", sha256 = ");
        string(out, &s.sha256);
        if let Some(url) = &s.url {
            out.push_str(", url = ");
            string(out, url);
        }
        if let Some(at) = &s.fetched_at {
            out.push_str(", fetched_at = ");
            string(out, at);
        }
        out.push_str(" },\n");
    }
    out.push_str("]\n");
}

fn conflict(out: &mut String, c: &Conflict) {
    out.push_str("\n[[conflicts]]\n");
    key_str(out, "kind", c.kind.as_str());
    key_str(out, "subject", &c.subject);
    out.push_str("facts = ");
    array(out, c.facts.iter().map(|f| f.0.as_str()));
    out.push('\n');
    key_str(out, "note", &c.note);
}

fn fact(out: &mut String, f: &DeckFact) {
    out.push_str("\n[[facts]]\n");
    key_str(out, "id", &f.id.0);
    key_str(out, "kind", f.kind().as_str());
    key_str(out, "text", &f.text);
    out.push_str("value = ");
    match &f.value {
        Value::Number(n) => number(out, *n),
        Value::Text(t) => string(out, t),
    }
    out.push('\n');
    for (key, value) in f.detail.keys() {
        if let Some(v) = value {
            key_str(out, key, v);
        }
    }
    key_str(out, "sentence", &f.sentence);
    source_refs(out, &f.sources);
}

fn source_refs(out: &mut String, refs: &[SourceRef]) {
    out.push_str("sources = [");
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str("{ doc = ");
        string(out, &r.doc);
        let _ = write!(out, ", line = {} }}", r.line);
    }
    out.push_str("]\n");
}

/// A card's sentence is left out when it is its fact's (the reader fills it
/// in): it is the longest field, and repeating it would double the file.
fn card(out: &mut String, c: &Card, fact_sentence: Option<&str>) {
    out.push_str("\n[[cards]]\n");
    key_str(out, "id", &c.id.0);
    key_str(out, "type", c.card_type.as_str());
    // A card of its own (no fact) has no `fact` line.
    if !c.fact.0.is_empty() {
        key_str(out, "fact", &c.fact.0);
    }
    key_str(out, "kind", c.kind.as_str());
    key_str(out, "prompt", &c.prompt);
    key_opt(out, "hint", &c.hint);
    key_str(out, "answer", &c.answer);
    if !c.options.is_empty() {
        out.push_str("options = ");
        array(out, c.options.iter().map(String::as_str));
        out.push('\n');
    }
    if !c.accepted.is_empty() {
        out.push_str("accepted = ");
        array(out, c.accepted.iter().map(String::as_str));
        out.push('\n');
    }
    key_opt(out, "explanation", &c.explanation);
    if !c.rewritten.is_empty() {
        out.push_str("rewritten = ");
        array(out, c.rewritten.iter().map(String::as_str));
        out.push('\n');
    }
    if fact_sentence != Some(c.sentence.as_str()) {
        key_str(out, "sentence", &c.sentence);
    }
    key_str(out, "doc", &c.doc);
    let _ = writeln!(out, "line = {}", c.line);
    // One source is the default (and by far the most common case).
    if c.reported_by != 1 {
        let _ = writeln!(out, "reported_by = {}", c.reported_by);
    }
    if !c.tags.is_empty() {
        out.push_str("tags = ");
        array(out, c.tags.iter().map(String::as_str));
        out.push('\n');
    }
    if c.dropped {
        out.push_str("dropped = true\n");
    }
}

fn key_str(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    string(out, value);
    out.push('\n');
}

fn key_opt(out: &mut String, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        key_str(out, key, v);
    }
}

fn array<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, s);
    }
    out.push(']');
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whole numbers as integers (`25400000000`), others as TOML floats.
fn number(out: &mut String, n: f64) {
    if n.is_nan() {
        out.push_str("nan");
    } else if n.is_infinite() {
        out.push_str(if n > 0.0 { "inf" } else { "-inf" });
    } else if n.fract() == 0.0 && n.abs() < 9.0e15 {
        let _ = write!(out, "{}", n as i64);
    } else {
        let s = format!("{n:?}");
        out.push_str(&s);
        if !s.contains(['.', 'e', 'E']) {
            out.push_str(".0");
        }
    }
}
