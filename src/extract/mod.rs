//! Stage 1: find facts in a document's text.
//!
//! Each fact kind has its own finder (`dates`, `money`, `numbers`, `quotes`,
//! with `people`, `names` and `outlets` for who is quoted);
//! they report [`Found`] spans and this module turns them into [`Fact`]s with
//! sentence, line and id, sorted by position.

pub mod dates;
pub mod jsonl;
pub mod money;
pub mod names;
pub mod numbers;
pub mod numwords;
pub mod outlets;
pub mod output;
pub mod people;
pub mod quotes;
pub mod scan;
pub mod text;
pub mod words;

use crate::model::{
    Detail, Extraction, Fact, FactId, FactKind, Person, Statement, Value, fact_id_hex,
};
use text::{Cursor, RecentSentences, Text};

/// A fact as a finder reports it, before provenance is attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: FactKind,
    /// Byte range of the fact's text in the source.
    pub start: usize,
    pub end: usize,
    pub value: Value,
    /// The fact's text when it is not simply `src[start..end]`
    /// (a quote running over several paragraphs).
    pub text: Option<String>,
    /// The kind-specific fields (currency, unit, speaker…); its kind is `kind`.
    pub detail: Detail,
}

impl Found {
    /// A fact of `kind` over `start..end` with `value`; other fields empty.
    pub fn new(kind: FactKind, start: usize, end: usize, value: Value) -> Found {
        Found {
            kind,
            start,
            end,
            value,
            text: None,
            detail: Detail::none(kind),
        }
    }

    pub fn currency(&self) -> Option<&str> {
        self.detail.currency()
    }
    pub fn qualifier(&self) -> Option<&str> {
        self.detail.qualifier()
    }
    pub fn unit(&self) -> Option<&str> {
        self.detail.unit()
    }
    pub fn speaker(&self) -> Option<&str> {
        self.detail.speaker()
    }
    pub fn speaker_role(&self) -> Option<&str> {
        self.detail.speaker_role()
    }
    pub fn outlet(&self) -> Option<&str> {
        self.detail.outlet()
    }
}

/// What the finders report for one document: its indexed text and the
/// facts found in it (sorted by position, duplicates removed), before each
/// is given its sentence, line and id.
pub struct Findings<'a> {
    pub text: Text<'a>,
    pub found: Vec<Found>,
    pub people: Vec<Person>,
    pub outlets: Vec<String>,
}

/// Runs every finder over `src`.
pub fn find_all(src: &str) -> Findings<'_> {
    let text = Text::new(src);
    // Dates, money, percents and quantities come from one pass, so a number
    // is claimed by one kind only (a year inside "$2021" is money).
    let mut found = scan::find(&text);
    let people = people::find(&text);
    let quoted = quotes::find(&text, &people);
    found.extend(quoted.facts);
    found.sort_by_key(|f| (f.start, f.kind, f.end));
    found.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
    Findings {
        text,
        found,
        people: people.people,
        outlets: quoted.outlets,
    }
}

/// Extracts every fact, person and outlet from one document.
pub fn extract(doc: &str, src: &str) -> Extraction {
    let Findings {
        text,
        found,
        people,
        outlets,
    } = find_all(src);
    let mut sentences = RecentSentences::default();
    let mut cursor = Cursor::default();
    let mut joined = Vec::new();
    let facts = found
        .into_iter()
        .map(|f| into_fact(doc, &text, (&mut sentences, &mut cursor, &mut joined), f))
        .collect();
    Extraction {
        doc: doc.to_string(),
        facts,
        people,
        outlets,
    }
}

fn into_fact(
    doc: &str,
    text: &Text<'_>,
    (sentences, cursor, joined): (&mut RecentSentences<String>, &mut Cursor, &mut Vec<u8>),
    f: Found,
) -> Fact {
    let span_text = f
        .text
        .unwrap_or_else(|| text.src.get(f.start..f.end).unwrap_or_default().to_string());
    let range = text.sentence_range_at(cursor, f.start, f.end);
    let sentence = sentences
        .get_or_insert_with(range, || text::clean(&text.src[range.0..range.1]))
        .clone();
    Fact {
        statement: Statement {
            id: FactId::from_hex(fact_id_hex(f.kind, &f.value, &span_text, &sentence, joined)),
            text: span_text,
            value: f.value,
            detail: f.detail,
            sentence,
        },
        doc: doc.to_string(),
        line: text.line_at(cursor, f.start),
        start: f.start,
        end: f.end,
        page: None,
    }
}

/// [`into_fact`] for one fact, for tests comparing other writers with it.
#[cfg(test)]
pub(crate) fn into_fact_for_test(doc: &str, text: &Text<'_>, f: &Found) -> Fact {
    let scratch = (
        &mut RecentSentences::default(),
        &mut Cursor::default(),
        &mut Vec::new(),
    );
    into_fact(doc, text, scratch, f.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_found_has_the_detail_of_its_kind() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut seen = std::collections::HashSet::new();
        for dir in ["extract", "quotes"] {
            let entries = std::fs::read_dir(format!("{root}/{dir}")).expect("fixtures");
            for path in entries.flatten().map(|e| e.path()) {
                // Directories (expected outputs, gold) do not read as text.
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for f in find_all(&src).found {
                    assert_eq!(f.detail.kind(), f.kind, "{}: {f:?}", path.display());
                    seen.insert(f.kind);
                }
            }
        }
        assert_eq!(seen.len(), FactKind::ALL.len(), "{seen:?}");
    }
}
