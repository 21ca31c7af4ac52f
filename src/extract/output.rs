//! What `extract` prints: each document's facts as a readable table, JSON
//! Lines or TOML, with the people and outlets it names when asked.
//!
//! JSON Lines, the default when piped, is written straight from the finders'
//! output by [`super::jsonl`] unless the document needs its facts annotated
//! (pages, offsets into a converted file, a publication date); the other
//! formats build each [`Fact`] and serialize it.

use super::jsonl::FactLines;
use crate::error::{Error, Result};
use crate::model::{Extraction, Fact, FactKind, Person};
use crate::source::pool::{CHUNK, Job, Sink};
use crate::source::{ReadOptions, Skip, read_input};
use serde::Serialize;
use std::io::Write;

/// An output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A readable table.
    Table,
    /// JSON Lines: one fact per line.
    Json,
    /// TOML: an array of `[[facts]]` tables.
    Toml,
}

/// What to print for each document.
pub struct Options {
    pub format: Format,
    /// Only facts of these kinds (all when empty).
    pub kinds: Vec<FactKind>,
    /// Also the people and outlets each document names.
    pub people: bool,
    pub read: ReadOptions,
}

/// One document per item of a [`crate::source::pool`] run.
pub struct Documents<'a> {
    pub paths: &'a [String],
    pub options: &'a Options,
}

impl Job for Documents<'_> {
    fn run(&self, index: usize, buf: &mut Vec<u8>, sink: &mut dyn Sink) {
        if let Some(path) = self.paths.get(index) {
            write_document(path, self.options, buf, sink);
        }
    }
}

/// Reads, extracts and writes one document into `sink`.
pub fn write_document(path: &str, opts: &Options, buf: &mut Vec<u8>, sink: &mut dyn Sink) {
    let mut doc = match read_input(path, &opts.read) {
        Ok(doc) => doc,
        Err(Skip::Binary(msg)) => {
            sink.message(msg);
            return;
        }
        Err(Skip::Failed(e)) => {
            sink.message(e.to_string());
            sink.failed();
            return;
        }
    };
    for w in std::mem::take(&mut doc.warnings) {
        if !sink.message(format!("warning: {w}")) {
            return;
        }
    }
    if opts.format != Format::Json || doc.needs_annotation() {
        let mut ex = crate::extract::extract(&doc.path, &doc.text);
        doc.annotate(&mut ex);
        if !opts.kinds.is_empty() {
            ex.facts.retain(|f| opts.kinds.contains(&f.kind()));
        }
        // Writing to a Vec cannot fail.
        let _ = print(buf, opts.format, &ex, opts.people);
        sink.output(buf);
        return;
    }
    let found = crate::extract::find_all(&doc.text);
    let mut lines = FactLines::new(&doc.path);
    for f in &found.found {
        if !opts.kinds.is_empty() && !opts.kinds.contains(&f.kind) {
            continue;
        }
        lines.write(&found.text, f, buf);
        if buf.len() >= CHUNK && !sink.output(buf) {
            return;
        }
    }
    if opts.people {
        let ex = Extraction {
            doc: doc.path,
            facts: Vec::new(),
            people: found.people,
            outlets: found.outlets,
        };
        let _ = print(buf, Format::Json, &ex, true);
    }
    sink.output(buf);
}

/// The kinds named on the command line (`date`, `money`, …), or a usage
/// error naming the one not known.
pub fn parse_kinds(names: &[String]) -> Result<Vec<FactKind>> {
    names
        .iter()
        .map(|n| {
            FactKind::ALL
                .into_iter()
                .find(|k| k.as_str() == n.trim().to_lowercase())
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown fact kind '{n}' (expected date, money, percent, quantity or quote)"
                    ))
                })
        })
        .collect()
}

#[derive(Serialize)]
struct PersonLine<'a> {
    doc: &'a str,
    kind: &'static str,
    #[serde(flatten)]
    person: &'a Person,
}

#[derive(Serialize)]
struct OutletLine<'a> {
    doc: &'a str,
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct TomlFacts<'a> {
    facts: &'a [Fact],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<PersonLine<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    outlets: Vec<OutletLine<'a>>,
}

fn print(out: &mut Vec<u8>, format: Format, ex: &Extraction, people: bool) -> std::io::Result<()> {
    let person_lines = || -> Vec<PersonLine<'_>> {
        if !people {
            return Vec::new();
        }
        ex.people
            .iter()
            .map(|p| PersonLine {
                doc: &ex.doc,
                kind: "person",
                person: p,
            })
            .collect()
    };
    let outlet_lines = || -> Vec<OutletLine<'_>> {
        if !people {
            return Vec::new();
        }
        ex.outlets
            .iter()
            .map(|o| OutletLine {
                doc: &ex.doc,
                kind: "outlet",
                name: o,
            })
            .collect()
    };
    match format {
        Format::Json => {
            for f in &ex.facts {
                serde_json::to_writer(&mut *out, f)?;
                out.write_all(b"\n")?;
            }
            for p in person_lines() {
                serde_json::to_writer(&mut *out, &p)?;
                out.write_all(b"\n")?;
            }
            for o in outlet_lines() {
                serde_json::to_writer(&mut *out, &o)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Toml => {
            let file = TomlFacts {
                facts: &ex.facts,
                people: person_lines(),
                outlets: outlet_lines(),
            };
            let text = toml::to_string(&file).map_err(std::io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
        Format::Table => print_table(out, ex, people)?,
    }
    Ok(())
}

fn print_table(out: &mut impl Write, ex: &Extraction, people: bool) -> std::io::Result<()> {
    writeln!(out, "{} — {} facts", ex.doc, ex.facts.len())?;
    for f in &ex.facts {
        let mut extra = Vec::new();
        if let Some(q) = f.qualifier() {
            extra.push(q.to_string());
        }
        if let Some(c) = f.currency() {
            extra.push(c.to_string());
        }
        if let Some(u) = f.unit() {
            extra.push(u.to_string());
        }
        if let Some(s) = f.speaker() {
            let role = f
                .speaker_role()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            extra.push(format!("— {s}{role}"));
        }
        if let Some(o) = f.outlet() {
            extra.push(format!("via {o}"));
        }
        let value = match f.kind() {
            FactKind::Quote => String::new(),
            _ => f.value.to_string(),
        };
        writeln!(
            out,
            "  {:>5}  {:<8}  {:<14}  {}  {}",
            format!("{}:", f.line),
            f.kind().as_str(),
            value,
            shorten(&f.text, 70),
            extra.join(" ")
        )?;
    }
    if people && !ex.people.is_empty() {
        writeln!(out, "  people:")?;
        for p in &ex.people {
            let role = p
                .role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            writeln!(out, "    {}{role}", p.name)?;
        }
    }
    if people && !ex.outlets.is_empty() {
        writeln!(out, "  outlets: {}", ex.outlets.join(", "))?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    let q = format!("“{s}”");
    if q.chars().count() <= max {
        return q;
    }
    let cut: String = q.chars().take(max - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_whatever_their_case_and_an_unknown_one_is_named() {
        let kinds = parse_kinds(&[" Money".into(), "quote".into()]).unwrap_or_default();
        assert_eq!(kinds, vec![FactKind::Money, FactKind::Quote]);
        let err = parse_kinds(&["dates".into()]).map_err(|e| e.to_string());
        assert!(matches!(&err, Err(m) if m.contains("'dates'")), "{err:?}");
    }

    #[test]
    fn long_texts_are_shortened_to_the_width_with_an_ellipsis() {
        assert_eq!(shorten("short", 70), "“short”");
        let long = shorten(&"é".repeat(100), 10);
        assert_eq!(long.chars().count(), 10);
        assert!(long.starts_with('“') && long.ends_with('…'), "{long}");
    }
}
