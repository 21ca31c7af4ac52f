//! `factdeck export`: a deck to Anki, CSV, printable HTML or a classroom
//! platform's import file.
//!
//! Every format takes its cards through [`select`] (types, tags, documents,
//! count, seed); an option a format does not use is refused, not ignored; the
//! export ends with a one-line summary on standard error.

use crate::cli::{Duplex, ExportArgs, ExportFormat, Paper};
use crate::error::{Error, Result};
use crate::fsutil::write_atomic;
use crate::render::blooket::BlooketOptions;
use crate::render::export::export;
use crate::render::kahoot::{self, KahootOptions};
use crate::render::select::Selection;
use crate::render::{
    AnkiOptions, CardsOptions, CsvOptions, LmsOptions, Renderer, WorksheetOptions,
};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// Exports a deck.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    args.validate().map_err(Error::Usage)?;
    // Fail before any work when the answer is going to be "exists".
    crate::fsutil::check_output(&args.output, args.force)?;
    let deck = crate::deck::load_deck_within(&args.deck, args.deck_input.max_input_size)?;
    let seed = args.seed.unwrap_or(1);
    let renderer = renderer(args, &deck.deck.title, seed)?;
    let selection = Selection {
        types: args.types.clone(),
        tags: args.tags.clone(),
        docs: args.docs.clone(),
        count: args.count,
        seed,
    };
    let label = args.deck.display().to_string();
    let done = export(deck, &renderer, &selection, &label)?;
    for w in done.warnings() {
        eprintln!("warning: {w}");
    }
    done.check_written(&label, renderer.name())?;
    write_atomic(&args.output, &done.export.bytes, args.force)?;
    eprintln!("{}", done.summary(renderer.name(), &args.output));
    Ok(ExitCode::SUCCESS)
}

/// Turns the command line into the renderer and its options.
pub(super) fn renderer(args: &ExportArgs, title: &str, seed: u64) -> Result<Renderer> {
    let name = || args.deck_name.clone().unwrap_or_else(|| title.to_string());
    let anki = || -> Result<AnkiOptions> {
        Ok(AnkiOptions {
            // `--deck` may name sub-decks with `::`; a title never does.
            deck_name: args
                .deck_name
                .clone()
                .unwrap_or_else(|| crate::render::anki::title_as_deck_name(title)),
            timestamp: export_time()?,
        })
    };
    let lms = || LmsOptions { title: name() };
    let paper = args.paper.unwrap_or(Paper::Letter).into();
    Ok(match args.to {
        ExportFormat::Apkg => Renderer::Apkg(anki()?),
        ExportFormat::AnkiText => Renderer::AnkiText(anki()?),
        ExportFormat::Csv => Renderer::Csv(CsvOptions {
            bom: if args.bom || args.no_bom {
                args.bom
            } else {
                args.output
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            },
        }),
        ExportFormat::Cards => Renderer::Cards(CardsOptions {
            paper,
            per_page: args.per_page.unwrap_or(8),
            duplex: args.duplex.unwrap_or(Duplex::Long).into(),
        }),
        ExportFormat::Worksheet => Renderer::Worksheet(WorksheetOptions {
            paper,
            count: args.count,
            versions: args.versions.unwrap_or(1),
            seed,
        }),
        ExportFormat::Kahoot => Renderer::Kahoot(KahootOptions {
            time_limit: args.time_limit.unwrap_or(kahoot::DEFAULT_TIME_LIMIT),
        }),
        ExportFormat::Quizlet => Renderer::Quizlet,
        ExportFormat::Blooket => Renderer::Blooket(BlooketOptions {
            time_limit: args
                .time_limit
                .unwrap_or(BlooketOptions::default().time_limit),
        }),
        ExportFormat::Gimkit => Renderer::Gimkit,
        ExportFormat::Gift => Renderer::Gift(lms()),
        ExportFormat::Moodle => Renderer::Moodle(lms()),
        ExportFormat::Qti => Renderer::Qti(lms()),
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
