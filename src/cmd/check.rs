//! `factdeck check`: validate decks and print every problem, one a line.

use crate::cli::CheckArgs;
use crate::deck::{format_problem, read_deck};
use crate::error::{Error, Result};
use std::process::ExitCode;

/// Checks each deck; exit 1 if any has a problem. Conflicts between sources are
/// reported as warnings: the deck is valid, but a teacher wants to know.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let mut ok = true;
    for path in &args.decks {
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                ok = false;
                println!("{}", Error::io(path, e));
                continue;
            }
        };
        match read_deck(path, &src) {
            Err(e) => {
                ok = false;
                println!("{e}");
            }
            Ok((deck, problems)) => {
                for p in &problems {
                    println!("{}", format_problem(path, p));
                }
                for c in &deck.conflicts {
                    println!(
                        "{}: warning: conflict about \"{}\" ({}): {}",
                        path.display(),
                        c.subject,
                        c.kind,
                        c.note
                    );
                }
                if problems.is_empty() {
                    println!(
                        "{}: ok ({} facts, {} cards)",
                        path.display(),
                        deck.facts.len(),
                        deck.cards.len()
                    );
                } else {
                    ok = false;
                }
            }
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
