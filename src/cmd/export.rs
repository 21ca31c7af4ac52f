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
use crate::render::fit::plural;
use crate::render::kahoot::{self, KahootOptions};
use crate::render::select::{Selection, select};
use crate::render::{
    AnkiOptions, CardsOptions, CsvOptions, LmsOptions, Renderer, WorksheetOptions,
};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// Exports a deck.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    refuse_options_that_do_not_apply(args)?;
    if args.count == Some(0) {
        return Err(Error::Usage("--count must be at least 1".into()));
    }
    // Fail before any work when the answer is going to be "exists".
    crate::fsutil::check_output(&args.output, args.force)?;
    let deck = crate::deck::load_deck_within(&args.deck, args.deck_input.max_input_size)?;
    let seed = args.seed.unwrap_or(1);
    let worksheet = args.to == ExportFormat::Worksheet;
    let renderer = renderer(args, &deck.deck.title, seed)?;
    // A set (printed cards, games, a Canvas quiz) leaves out give-aways
    // first and samples --count from what is left.
    let as_a_set = renderer.plays_as_a_set();
    let selection = Selection {
        types: args.types.clone(),
        tags: args.tags.clone(),
        docs: args.docs.clone(),
        // A worksheet chooses its own questions, balanced over types and kinds.
        count: if worksheet || as_a_set {
            None
        } else {
            args.count
        },
        seed,
    };
    let deck = select(deck, &selection);
    let (deck, given_away) = if as_a_set && !deck.cards.is_empty() {
        crate::render::sample_a_set(&deck, args.count, seed)
    } else {
        (deck, Default::default())
    };
    if deck.cards.is_empty() {
        let filtered = !(args.types.is_empty() && args.tags.is_empty() && args.docs.is_empty());
        return Err(Error::Other(format!(
            "{}: no cards to export{}",
            args.deck.display(),
            if filtered {
                " of the types, tags or documents given"
            } else {
                ""
            }
        )));
    }
    let mut export = renderer.render(&deck)?;
    export.left_out.merge(given_away);
    for w in &export.warnings {
        eprintln!("warning: {w}");
    }
    for line in export.left_out.lines() {
        eprintln!("warning: {line}");
    }
    if export.written == Some(0) {
        return Err(Error::Other(format!(
            "{}: no card fits {}: {}",
            args.deck.display(),
            renderer.name(),
            export.left_out.lines().join("; ")
        )));
    }
    write_atomic(&args.output, &export.bytes, args.force)?;
    let left = export.left_out.total();
    let written = match export.written {
        Some(n) => format!("{n} {} written", plural(n, "card", "cards")),
        None => format!(
            "questions chosen from {} {}",
            deck.cards.len(),
            plural(deck.cards.len(), "card", "cards")
        ),
    };
    eprintln!(
        "{}: {written}, {left} left out, to {}",
        renderer.name(),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The formats an option applies to, as `--to` names them.
fn applies(args: &ExportArgs) -> [(&'static str, bool, &'static [ExportFormat]); 9] {
    use ExportFormat::*;
    [
        (
            "--deck",
            args.deck_name.is_some(),
            &[Apkg, AnkiText, Gift, Moodle, Qti],
        ),
        ("--paper", args.paper.is_some(), &[Cards, Worksheet]),
        ("--per-page", args.per_page.is_some(), &[Cards]),
        ("--duplex", args.duplex.is_some(), &[Cards]),
        ("--versions", args.versions.is_some(), &[Worksheet]),
        (
            "--time-limit",
            args.time_limit.is_some(),
            &[Kahoot, Blooket],
        ),
        ("--bom", args.bom, &[Csv]),
        ("--no-bom", args.no_bom, &[Csv]),
        // Without --count nothing is sampled, so only a worksheet uses a seed.
        (
            "--seed",
            args.seed.is_some() && args.count.is_none(),
            &[Worksheet],
        ),
    ]
}

/// Refuses an option given for a format that would ignore it.
fn refuse_options_that_do_not_apply(args: &ExportArgs) -> Result<()> {
    for (flag, given, formats) in applies(args) {
        if given && !formats.contains(&args.to) {
            let to = format_name(args.to);
            let names: Vec<&str> = formats.iter().map(|f| format_name(*f)).collect();
            let hint = if flag == "--seed" {
                " (with --count it picks which cards are taken)".to_string()
            } else {
                String::new()
            };
            return Err(Error::Usage(format!(
                "{flag} does not apply to --to {to}; it is for --to {}{hint}",
                names.join(", ")
            )));
        }
    }
    Ok(())
}

/// The name `--to` knows a format by.
fn format_name(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::Apkg => "apkg",
        ExportFormat::AnkiText => "anki-text",
        ExportFormat::Cards => "cards",
        ExportFormat::Worksheet => "worksheet",
        ExportFormat::Csv => "csv",
        ExportFormat::Kahoot => "kahoot",
        ExportFormat::Quizlet => "quizlet",
        ExportFormat::Blooket => "blooket",
        ExportFormat::Gimkit => "gimkit",
        ExportFormat::Gift => "gift",
        ExportFormat::Moodle => "moodle",
        ExportFormat::Qti => "qti",
    }
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
