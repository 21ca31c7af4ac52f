//! `factdeck generate`: documents in, TOML deck out.
//!
//! Documents are read and extracted in parallel; the deck is written
//! atomically and only when every document could be read, so a failed run
//! never leaves a deck that silently lacks a document.

use crate::cli::GenerateArgs;
use crate::error::{Error, Result};
use crate::generate::inputs::{created_date, read_all};
use crate::generate::summary::summary;
use crate::generate::{GenerateOptions, generate_deck};
use std::process::ExitCode;

/// Extracts, generates and saves a deck.
pub fn run(args: &GenerateArgs) -> Result<ExitCode> {
    args.validate().map_err(Error::Usage)?;
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
    let said = summary(&args.output, &deck, &args.types);
    for line in said.lines {
        // With `-o -` the deck itself is on standard output.
        if crate::fsutil::is_stdout(&args.output) {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    for w in said.warnings {
        eprintln!("{w}");
    }
    for line in report.iter().flat_map(|r| r.lines()) {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
