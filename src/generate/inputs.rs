//! The documents a deck is made from: each read and extracted (in parallel,
//! results in the order given), with its source entry and plain text; and
//! the deck's `created` date.

use crate::error::{Error, Result};
use crate::model::{Extraction, SourceDoc};
use crate::source::{ReadOptions, Skip, read_input};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// With at least this many documents, a progress line is shown on a terminal.
const PROGRESS_FROM: usize = 20;

/// The `created` date: `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) when set, so a deck can be regenerated
/// byte for byte; otherwise today.
pub fn created_date() -> Result<String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => {
            let secs: i64 = v.trim().parse().map_err(|_| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \"{v}\""
                ))
            })?;
            let t = chrono::DateTime::from_timestamp(secs, 0)
                .ok_or_else(|| Error::Usage(format!("SOURCE_DATE_EPOCH {secs} is out of range")))?;
            Ok(t.format("%Y-%m-%d").to_string())
        }
        _ => Ok(chrono::Local::now().format("%Y-%m-%d").to_string()),
    }
}

/// Reads and extracts every document (in parallel, results in the order
/// given). Binary files are skipped with a message; any other failure stops
/// the command after all files have been tried, naming each one.
/// Each document's plain text by path (the generator reads dates and names from it).
pub type Texts = std::collections::HashMap<String, String>;

pub fn read_all(
    files: &[std::path::PathBuf],
    read: &ReadOptions,
) -> Result<(Vec<Extraction>, Vec<SourceDoc>, Texts)> {
    let total = files.len();
    let show_progress = total >= PROGRESS_FROM && std::io::stderr().is_terminal();
    let done = AtomicUsize::new(0);
    let results: Vec<_> = files
        .par_iter()
        .map(|p| {
            let path = p.to_string_lossy().into_owned();
            let r = read_input(&path, read).map(|doc| {
                let mut ex = crate::extract::extract(&doc.path, &doc.text);
                doc.annotate(&mut ex);
                let source = SourceDoc {
                    path: doc.path.clone(),
                    title: doc.title.clone(),
                    sha256: sha256_hex(doc.text.as_bytes()),
                    url: doc.url.clone(),
                    fetched_at: doc.fetched_at.clone(),
                };
                (doc.warnings, ex, source, doc.text)
            });
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if show_progress && (n.is_multiple_of((total / 100).max(1)) || n == total) {
                eprint!("\rreading documents: {n}/{total}");
            }
            r
        })
        .collect();
    if show_progress {
        eprintln!();
    }
    let mut extractions = Vec::new();
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    let mut texts = Texts::new();
    for r in results {
        match r {
            Ok((warnings, ex, source, text)) => {
                for w in warnings {
                    eprintln!("warning: {w}");
                }
                texts.insert(ex.doc.clone(), text);
                extractions.push(ex);
                sources.push(source);
            }
            Err(Skip::Binary(msg)) => eprintln!("{msg}"),
            Err(Skip::Failed(e)) => failures.push(e.to_string()),
        }
    }
    if !failures.is_empty() {
        failures.push("no deck written".into());
        return Err(Error::Invalid { problems: failures });
    }
    if extractions.is_empty() {
        return Err(Error::Usage(
            "no readable documents to make questions from".into(),
        ));
    }
    Ok((extractions, sources, texts))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
