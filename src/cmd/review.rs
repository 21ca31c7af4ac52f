//! `factdeck review`: serves the review page for one deck (see [`crate::serve`]).

use crate::cli::{Cli, Command, ExportFormat, ReviewArgs};
use crate::error::{Error, Result};
use crate::model::Deck;
use crate::serve::{ExportChoice, ServeOptions, serve};
use clap::{Parser, ValueEnum};
use std::path::Path;
use std::process::ExitCode;

/// Serves the page until stopped.
pub fn run(args: &ReviewArgs) -> Result<ExitCode> {
    let exports = ExportFormat::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value())
        .map(|v| ExportChoice {
            name: v.get_name().to_string(),
            help: v.get_help().map(|h| h.to_string()).unwrap_or_default(),
        })
        .collect();
    let deck_path = args.deck.clone();
    serve(ServeOptions {
        deck: args.deck.clone(),
        max_input: args.deck_input.max_input_size,
        port: args.port,
        open_browser: !args.no_open,
        exports,
        exporter: Box::new(move |deck, name| export(&deck_path, deck, name)),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Renders `deck` as `factdeck export DECK --to NAME` would with its default
/// options (the renderer leaves dropped cards out).
fn export(path: &Path, deck: &Deck, name: &str) -> Result<Vec<u8>> {
    let argv = [
        "factdeck".as_ref(),
        "export".as_ref(),
        path.as_os_str(),
        "--to".as_ref(),
        name.as_ref(),
        "-o".as_ref(),
        "-".as_ref(),
    ];
    let cli = Cli::try_parse_from(argv).map_err(|e| Error::Usage(e.to_string()))?;
    let Command::Export(args) = cli.command else {
        return Err(Error::Usage(format!("no export format named {name}")));
    };
    if !deck.cards.iter().any(|c| !c.dropped) {
        return Err(Error::Other(
            "every card is dropped: nothing to export".into(),
        ));
    }
    let rendered =
        super::export::renderer(&args, &deck.deck.title, args.seed.unwrap_or(1))?.render(deck)?;
    Ok(rendered.bytes)
}
