//! `factdeck check`: validate decks and print every problem, one a line.

use crate::cli::CheckArgs;
use crate::deck::{check_deck, format_problem};
use crate::error::Result;
use std::process::ExitCode;

/// Checks each deck; exit 1 if any has a problem. Warnings (conflicts between
/// sources, cards written without an id) do not fail the deck: it is valid,
/// but a teacher wants to know.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let mut ok = true;
    for path in &args.decks {
        let report = crate::deck::read_deck_text(path, args.input.max_input_size)
            .and_then(|src| check_deck(path, &src));
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                ok = false;
                println!("{e}");
                continue;
            }
        };
        for p in &report.problems {
            println!("{}", format_problem(path, p));
        }
        for w in &report.warnings {
            let w = crate::deck::Problem {
                message: format!("warning: {}", w.message),
                ..w.clone()
            };
            println!("{}", format_problem(path, &w));
        }
        if report.problems.is_empty() {
            println!(
                "{}: ok ({} facts, {} cards)",
                path.display(),
                report.deck.facts.len(),
                report.deck.cards.len()
            );
        } else {
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
