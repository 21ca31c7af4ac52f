//! A fast reader for the `[[facts]]` and `[[cards]]` of a large deck, when
//! they are laid out exactly as factdeck writes them (one `key = value` a
//! line, basic strings, one-line arrays). Anything else — a comment, a literal
//! or multi-line string, an unknown or repeated key, a value of the wrong type —
//! makes it give up (`None`), and the caller reads that part with the `toml`
//! crate, which then also reports any error. So this only ever speeds up
//! reading what the `toml` crate would read the same way; a property test
//! checks that it does.

use super::raw::RawCard;
use crate::model::{DeckFact, FactId, FactKind, SourceRef, Value};

/// The facts and cards of a part, with each table's byte offset in the part.
pub type Tables = (Vec<(usize, DeckFact)>, Vec<(usize, RawCard)>);

enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Strs(Vec<String>),
    Refs(Vec<SourceRef>),
}

/// A table being read: its kind, its offset, its fields so far.
type Open<'a> = (Kind, usize, Vec<(&'a str, Val)>);

#[derive(PartialEq)]
enum Kind {
    Fact,
    Card,
}

/// Reads a part that starts with a `[[facts]]` or `[[cards]]` header line.
pub fn parse(src: &str) -> Option<Tables> {
    let mut facts = Vec::new();
    let mut cards = Vec::new();
    let mut current: Option<Open<'_>> = None;
    let mut at = 0;
    for raw_line in src.split_inclusive('\n') {
        let start = at;
        at += raw_line.len();
        let line = raw_line.strip_suffix('\n').unwrap_or(raw_line);
        if line.is_empty() {
            continue;
        }
        let header = match line {
            "[[facts]]" => Some(Kind::Fact),
            "[[cards]]" => Some(Kind::Card),
            _ => None,
        };
        if let Some(kind) = header {
            if let Some(t) = current.take() {
                finish(t, &mut facts, &mut cards)?;
            }
            current = Some((kind, start, Vec::new()));
            continue;
        }
        let (_, _, fields) = current.as_mut()?;
        let (key, value) = line.split_once(" = ")?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        if fields.iter().any(|(k, _)| *k == key) {
            return None;
        }
        fields.push((key, value_of(value)?));
    }
    finish(current?, &mut facts, &mut cards)?;
    Some((facts, cards))
}

fn finish(
    (kind, at, fields): Open<'_>,
    facts: &mut Vec<(usize, DeckFact)>,
    cards: &mut Vec<(usize, RawCard)>,
) -> Option<()> {
    if kind == Kind::Fact {
        facts.push((at, fact(fields)?));
    } else {
        cards.push((at, card(fields)?));
    }
    Some(())
}

fn fact(fields: Vec<(&str, Val)>) -> Option<DeckFact> {
    let (mut id, mut kind, mut text, mut value, mut sentence, mut sources) =
        (None, None, None, None, None, None);
    let mut f = DeckFact {
        id: FactId(String::new()),
        kind: FactKind::Date,
        text: String::new(),
        value: Value::Number(0.0),
        currency: None,
        qualifier: None,
        unit: None,
        speaker: None,
        speaker_role: None,
        outlet: None,
        sentence: String::new(),
        sources: Vec::new(),
    };
    for (key, v) in fields {
        match (key, v) {
            ("id", Val::Str(s)) => id = Some(FactId(s)),
            ("kind", Val::Str(s)) => kind = Some(fact_kind(&s)?),
            ("text", Val::Str(s)) => text = Some(s),
            ("value", Val::Str(s)) => value = Some(Value::Text(s)),
            ("value", Val::Int(n)) => value = Some(Value::Number(n as f64)),
            ("value", Val::Float(n)) => value = Some(Value::Number(n)),
            ("currency", Val::Str(s)) => f.currency = Some(s),
            ("qualifier", Val::Str(s)) => f.qualifier = Some(s),
            ("unit", Val::Str(s)) => f.unit = Some(s),
            ("speaker", Val::Str(s)) => f.speaker = Some(s),
            ("speaker_role", Val::Str(s)) => f.speaker_role = Some(s),
            ("outlet", Val::Str(s)) => f.outlet = Some(s),
            ("sentence", Val::Str(s)) => sentence = Some(s),
            ("sources", Val::Refs(r)) => sources = Some(r),
            ("sources", Val::Strs(s)) if s.is_empty() => sources = Some(Vec::new()),
            _ => return None,
        }
    }
    f.id = id?;
    f.kind = kind?;
    f.text = text?;
    f.value = value?;
    f.sentence = sentence?;
    f.sources = sources?;
    Some(f)
}

fn card(fields: Vec<(&str, Val)>) -> Option<RawCard> {
    let mut c = RawCard::default();
    for (key, v) in fields {
        match (key, v) {
            ("id", Val::Str(s)) => c.id = Some(s),
            ("type", Val::Str(s)) => c.card_type = Some(s),
            ("fact", Val::Str(s)) => c.fact = Some(s),
            ("kind", Val::Str(s)) => c.kind = Some(fact_kind(&s)?),
            ("prompt", Val::Str(s)) => c.prompt = Some(s),
            ("hint", Val::Str(s)) => c.hint = Some(s),
            ("answer", Val::Str(s)) => c.answer = Some(s),
            ("options", Val::Strs(s)) => c.options = s,
            ("accepted", Val::Strs(s)) => c.accepted = s,
            ("explanation", Val::Str(s)) => c.explanation = Some(s),
            ("rewritten", Val::Strs(s)) => c.rewritten = s,
            ("sentence", Val::Str(s)) => c.sentence = Some(s),
            ("doc", Val::Str(s)) => c.doc = Some(s),
            ("line", Val::Int(n)) => c.line = Some(usize::try_from(n).ok()?),
            ("reported_by", Val::Int(n)) => c.reported_by = Some(usize::try_from(n).ok()?),
            ("tags", Val::Strs(s)) => c.tags = s,
            ("dropped", Val::Bool(b)) => c.dropped = b,
            _ => return None,
        }
    }
    Some(c)
}

fn fact_kind(s: &str) -> Option<FactKind> {
    FactKind::ALL.into_iter().find(|k| k.as_str() == s)
}

fn value_of(v: &str) -> Option<Val> {
    match v.as_bytes().first()? {
        b'"' => {
            let (s, rest) = string(v)?;
            rest.is_empty().then_some(Val::Str(s))
        }
        b'[' => array(v),
        b't' | b'f' => match v {
            "true" => Some(Val::Bool(true)),
            "false" => Some(Val::Bool(false)),
            _ => None,
        },
        _ => number(v),
    }
}

/// A whole number or a float as factdeck writes them (`25400000000`, `4.4`,
/// `1e21`); anything fancier (`1_000`, `+1`, `inf`) is left to the toml crate.
fn number(v: &str) -> Option<Val> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if digits.len() > 1 && digits.starts_with('0') {
            return None;
        }
        return v.parse().ok().map(Val::Int);
    }
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (digits, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits(int)
        && !(int.len() > 1 && int.starts_with('0'))
        && frac.is_none_or(all_digits)
        && exponent.is_none_or(|e| all_digits(e.strip_prefix(['+', '-']).unwrap_or(e)))
        && (frac.is_some() || exponent.is_some());
    if !ok {
        return None;
    }
    v.parse().ok().map(Val::Float)
}

/// `["a", "b"]`, `[]` or `[{ doc = "a.md", line = 3 }, …]`.
fn array(v: &str) -> Option<Val> {
    let mut rest = v.strip_prefix('[')?;
    if rest == "]" {
        return Some(Val::Strs(Vec::new()));
    }
    if rest.starts_with('{') {
        let mut refs = Vec::new();
        loop {
            let r = rest.strip_prefix("{ doc = ")?;
            let (doc, r) = string(r)?;
            let r = r.strip_prefix(", line = ")?;
            let end = r.find(" }")?;
            let line = match number(&r[..end])? {
                Val::Int(n) => usize::try_from(n).ok()?,
                _ => return None,
            };
            refs.push(SourceRef { doc, line });
            rest = &r[end + 2..];
            if rest == "]" {
                return Some(Val::Refs(refs));
            }
            rest = rest.strip_prefix(", ")?;
        }
    }
    let mut items = Vec::new();
    loop {
        let (s, r) = string(rest)?;
        items.push(s);
        if r == "]" {
            return Some(Val::Strs(items));
        }
        rest = r.strip_prefix(", ")?;
    }
}

/// A TOML basic string at the start of `v`, and what follows it.
fn string(v: &str) -> Option<(String, &str)> {
    let body = v.strip_prefix('"')?;
    // Most strings have no escapes: find the closing quote and copy once.
    let plain = body
        .bytes()
        .position(|b| b == b'"' || b == b'\\' || (b < b' ' && b != b'\t') || b == 0x7f)?;
    if body.as_bytes()[plain] == b'"' {
        return Some((body[..plain].to_string(), &body[plain + 1..]));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' | 'U' => {
                        let len = if e == 'u' { 4 } else { 8 };
                        let mut code = 0u32;
                        for _ in 0..len {
                            code = code * 16 + chars.next()?.1.to_digit(16)?;
                        }
                        out.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c if c != '\t' && (c < ' ' || c == '\u{7f}') => return None,
            c => out.push(c),
        }
    }
    None
}
