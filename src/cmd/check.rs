//! `factdeck check`: validate decks.

use crate::cli::CheckArgs;
use crate::error::Result;
use std::process::ExitCode;

/// Loads each deck and prints every problem; exit 1 if any deck has one.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let mut ok = true;
    for path in &args.decks {
        match crate::deck::load_deck(path) {
            Ok(deck) => println!(
                "{}: ok ({} facts, {} cards)",
                path.display(),
                deck.facts.len(),
                deck.cards.len()
            ),
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
