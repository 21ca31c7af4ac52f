//! `factdeck export`: a deck to Anki, CSV or printable HTML.

use crate::cli::{ExportArgs, ExportFormat};
use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::render::{AnkiOptions, CardsOptions, Renderer, WorksheetOptions};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// Exports a deck.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    // Fail before any work when the answer is going to be "exists".
    crate::fsutil::check_output(&args.output, args.force)?;
    let mut deck = crate::deck::load_deck(&args.deck)?;
    if !args.types.is_empty() {
        deck.cards.retain(|c| args.types.contains(&c.card_type));
    }
    if deck.cards.is_empty() {
        return Err(Error::Other(format!(
            "{}: no cards to export{}",
            args.deck.display(),
            if args.types.is_empty() {
                ""
            } else {
                " of the types given with --types"
            }
        )));
    }
    let renderer = renderer(args, &deck.deck.title)?;
    let rendered = renderer.render(&deck)?;
    for w in &rendered.warnings {
        eprintln!("warning: {w}");
    }
    write_atomic(&args.output, &rendered.bytes, args.force)?;
    Ok(ExitCode::SUCCESS)
}

/// Turns the command line into the renderer and its options.
pub(super) fn renderer(args: &ExportArgs, title: &str) -> Result<Renderer> {
    let anki = || -> Result<AnkiOptions> {
        Ok(AnkiOptions {
            // `--deck A::B` asks for sub-decks; a title's `::` is just text.
            deck_name: args
                .deck_name
                .clone()
                .unwrap_or_else(|| crate::render::anki::title_as_deck_name(title)),
            timestamp: export_time()?,
        })
    };
    Ok(match args.to {
        ExportFormat::Apkg => Renderer::Apkg(anki()?),
        ExportFormat::AnkiText => Renderer::AnkiText(anki()?),
        ExportFormat::Csv => Renderer::Csv,
        ExportFormat::Cards => Renderer::Cards(CardsOptions {
            paper: args.paper.into(),
            per_page: args.per_page,
            duplex: args.duplex.into(),
        }),
        ExportFormat::Worksheet => {
            if args.count == Some(0) {
                return Err(Error::Usage("--count must be at least 1".into()));
            }
            Renderer::Worksheet(WorksheetOptions {
                paper: args.paper.into(),
                count: args.count,
                versions: args.versions,
                seed: args.seed,
            })
        }
    })
}

/// The notes' modification time: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else now. Anki updates a previously imported note only when this
/// is newer than the note's last change.
fn export_time() -> Result<i64> {
    if let Ok(v) = std::env::var("SOURCE_DATE_EPOCH") {
        return v.trim().parse::<i64>().map_err(|_| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH must be a number of seconds, not '{v}'"
            ))
        });
    }
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .map_err(|_| Error::Other("the system clock is set before 1970".into()))
}
