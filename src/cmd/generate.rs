//! `factdeck generate`: documents in, TOML deck out.
//!
//! Documents are read and extracted in parallel; the deck is written
//! atomically and only when every document could be read, so a failed run
//! never leaves a deck that silently lacks a document.

use crate::cli::GenerateArgs;
use crate::error::{Error, Result};
use crate::generate::{GenerateOptions, generate_deck};
use crate::model::{CardType, Deck, Extraction, SourceDoc};
use crate::source::{ReadOptions, Skip, read_input};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// With at least this many documents, a progress line is shown on a terminal.
const PROGRESS_FROM: usize = 20;

/// Extracts, generates and saves a deck.
pub fn run(args: &GenerateArgs) -> Result<ExitCode> {
    if i64::try_from(args.seed).is_err() {
        return Err(Error::Usage(format!(
            "--seed must be at most {} (TOML integers are 64-bit signed)",
            i64::MAX
        )));
    }
    if args.per_fact == Some(0) {
        return Err(Error::Usage("--per-fact must be at least 1".into()));
    }
    if args.max_cards == Some(0) {
        return Err(Error::Usage("--max-cards must be at least 1".into()));
    }
    crate::fsutil::check_output(&args.output, args.force || args.update)?;
    // `--update`: the deck being regenerated, read first so a bad one stops early.
    let previous = (args.update && args.output.exists())
        .then(|| crate::deck::load_deck(&args.output))
        .transpose()?;
    let created = created_date()?;
    let (extractions, sources, texts) = read_all(&args.files, &args.input.read_options())?;
    let title = args
        .title
        .clone()
        .or_else(|| sources.first().map(|s| s.title.clone()))
        .unwrap_or_default();
    let opts = GenerateOptions {
        title,
        description: args.description.clone(),
        created,
        seed: args.seed,
        types: args.types.clone(),
        max_cards: args.max_cards,
        per_fact: args.per_fact,
        sources,
        texts,
    };
    let mut deck = generate_deck(&extractions, &opts);
    let mut report = None;
    if let Some(old) = &previous {
        let (merged, r) = crate::deck::update::carry_over(old, deck);
        (deck, report) = (merged, Some(r));
    }
    crate::deck::save_deck(&args.output, &deck, args.force || args.update)?;
    print_summary(&args.output, &deck, &args.types);
    for line in report.iter().flat_map(|r| r.lines()) {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The `created` date: `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) when set, so a deck can be regenerated
/// byte for byte; otherwise today.
fn created_date() -> Result<String> {
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
type Texts = std::collections::HashMap<String, String>;

fn read_all(
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

/// `types` are the card types asked for (empty: all of them); the others are
/// left out of the summary, where "0" would read as a failure.
fn print_summary(path: &Path, deck: &Deck, types: &[CardType]) {
    let per_type: Vec<String> = CardType::ALL
        .iter()
        .filter(|t| types.is_empty() || types.contains(t))
        .map(|t| {
            let n = deck.cards.iter().filter(|c| c.card_type == *t).count();
            format!("{t} {n}")
        })
        .collect();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    // With `-o -` the deck itself is on standard output.
    let say = |line: String| {
        if crate::fsutil::is_stdout(path) {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    say(format!(
        "wrote {}: {}, {}, {}, {}",
        path.display(),
        plural(deck.deck.sources.len(), "document", "documents"),
        plural(deck.facts.len(), "fact", "facts"),
        plural(deck.cards.len(), "card", "cards"),
        plural(deck.conflicts.len(), "conflict", "conflicts"),
    ));
    say(format!("  cards: {}", per_type.join(", ")));
    for c in &deck.conflicts {
        eprintln!(
            "warning: conflict about \"{}\" ({}): {}",
            c.subject, c.kind, c.note
        );
    }
    if deck.cards.is_empty() {
        eprintln!("warning: no fact made a good question; the deck has no cards");
    }
}
