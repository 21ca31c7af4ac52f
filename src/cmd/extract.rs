//! `factdeck extract`: print the facts found in documents.
//!
//! Files are read and processed in parallel, a batch at a time, and printed in
//! the order given, so memory stays bounded by a batch of documents.

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::{Error, Result};
use crate::model::{Extraction, Fact, FactKind, Person};
use crate::source::{Skip, read_document};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Extracts and prints; exit 1 when any file could not be read.
pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let kinds = parse_kinds(&args.kinds)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        ExtractFormat::Table
    } else {
        ExtractFormat::Json
    });
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let batch = rayon::current_num_threads().max(1) * 2;
    let paths: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for chunk in paths.chunks(batch) {
        let results: Vec<_> = chunk
            .par_iter()
            .map(|path| {
                read_document(path).map(|doc| {
                    let ex = crate::extract::extract(&doc.path, &doc.text);
                    (doc.warnings, ex)
                })
            })
            .collect();
        for result in results {
            match result {
                Ok((warnings, mut ex)) => {
                    for w in warnings {
                        eprintln!("warning: {w}");
                    }
                    if !kinds.is_empty() {
                        ex.facts.retain(|f| kinds.contains(&f.kind));
                    }
                    print(&mut out, format, &ex, args.people).map_err(stdout_error)?;
                }
                Err(Skip::Binary(msg)) => eprintln!("{msg}"),
                Err(Skip::Failed(e)) => {
                    eprintln!("{e}");
                    failed = true;
                }
            }
        }
    }
    out.flush().map_err(stdout_error)?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

fn parse_kinds(names: &[String]) -> Result<Vec<FactKind>> {
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

fn print(
    out: &mut impl Write,
    format: ExtractFormat,
    ex: &Extraction,
    people: bool,
) -> std::io::Result<()> {
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
        ExtractFormat::Json => {
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
        ExtractFormat::Toml => {
            let file = TomlFacts {
                facts: &ex.facts,
                people: person_lines(),
                outlets: outlet_lines(),
            };
            let text = toml::to_string(&file).map_err(std::io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
        ExtractFormat::Table => print_table(out, ex, people)?,
    }
    Ok(())
}

fn print_table(out: &mut impl Write, ex: &Extraction, people: bool) -> std::io::Result<()> {
    writeln!(out, "{} — {} facts", ex.doc, ex.facts.len())?;
    for f in &ex.facts {
        let mut extra = Vec::new();
        if let Some(q) = &f.qualifier {
            extra.push(q.clone());
        }
        if let Some(c) = &f.currency {
            extra.push(c.clone());
        }
        if let Some(u) = &f.unit {
            extra.push(u.clone());
        }
        if let Some(s) = &f.speaker {
            let role = f
                .speaker_role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            extra.push(format!("— {s}{role}"));
        }
        if let Some(o) = &f.outlet {
            extra.push(format!("via {o}"));
        }
        let value = match f.kind {
            FactKind::Quote => String::new(),
            _ => f.value.to_string(),
        };
        writeln!(
            out,
            "  {:>5}  {:<8}  {:<14}  {}  {}",
            format!("{}:", f.line),
            f.kind.as_str(),
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
