//! `factdeck quiz`, `stats` and `optimize`.

use crate::cli::{OptimizeArgs, QuizArgs, StatsArgs};
use crate::error::{Error, Result};
use crate::quiz::open::{Access, clock, emit, open_with_deck, scheduler, stdout_is_closed};
use crate::quiz::{self, Ending, Selection, Session, summary, term};
use crate::review::optimize::{self, Fitted};
use crate::review::store::Store;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::process::ExitCode;

/// `writeln!` into a `String` (which cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Runs a quiz session.
pub fn run(args: &QuizArgs) -> Result<ExitCode> {
    let clock = clock()?;
    crate::fsutil::survive_file_size_limit();
    let (mut store, deck, key) = open_with_deck(
        &args.deck,
        args.deck_input.max_input_size,
        args.state.as_deref(),
        Access::Write,
    )?;
    let scheduler = scheduler(&store)?;
    let states = store.load_deck_states(&key, deck.cards.iter().map(|c| &c.id))?;
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let now = clock.now();
    let selection = Selection {
        cram: args.cram,
        limit: args.limit,
        types: args.types.clone(),
    };
    let order = quiz::choose_cards(&deck, &states, &selection, now, &mut rng);
    if order.is_empty() {
        let what = if deck.cards.is_empty() {
            "The deck has no cards.".to_string()
        } else if !args.types.is_empty() && !args.cram {
            "No cards of those types are due.".to_string()
        } else if args.cram {
            "No cards of those types in the deck.".to_string()
        } else {
            "Nothing is due.".to_string()
        };
        let mut out = format!("{what} {}\n", summary::next_due(&deck, &states, now));
        if !args.cram && !deck.cards.is_empty() {
            out.push_str("(use --cram to study every card anyway)\n");
        }
        emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if stdout_is_closed() {
        return Err(Error::Other(
            "standard output is closed (or /dev/null): the questions could not be seen, so \
             none were asked"
                .into(),
        ));
    }
    let session_id = store.begin_session(&key, now, args.cram)?;
    let mut terminal =
        term::open().map_err(|e| Error::Other(format!("cannot use the terminal: {e}")))?;
    let new = order
        .iter()
        .filter(|&&i| !states.contains_key(&deck.cards[i].id))
        .count();
    let title = terminal.say(
        term::Tone::Title,
        &format!(
            "{} — {} card{} ({} due, {} new)\n\n",
            deck.deck.title,
            order.len(),
            if order.len() == 1 { "" } else { "s" },
            order.len() - new,
            new
        ),
    );
    if let Err(e) = title {
        drop(terminal);
        return output_closed(&e);
    }
    let started = std::time::Instant::now();
    let mut session = Session {
        deck: &deck,
        deck_key: &key,
        store: &mut store,
        scheduler: &scheduler,
        clock: clock.as_ref(),
        term: terminal.as_mut(),
        rng: &mut rng,
        states,
        session_id,
    };
    let (log, ending) = session.run(&order)?;
    let states = std::mem::take(&mut session.states);
    if let Ending::OutputClosed(kind) = ending {
        drop(terminal);
        return output_closed(&std::io::Error::from(kind));
    }
    let lines = summary::render(&deck, &log, ending, started.elapsed(), &states, clock.now());
    let lines = summary::wrap_lines(&lines, terminal.width());
    let shown = terminal.say(term::Tone::Plain, "\n").and_then(|()| {
        lines
            .iter()
            .try_for_each(|(tone, line)| terminal.say(*tone, &format!("{line}\n")))
    });
    let signal = terminal.signal();
    // Leaves raw mode before anything else is printed.
    drop(terminal);
    Ok(match ending {
        // A hung-up terminal cannot show the summary; the answers are saved.
        Ending::Interrupted => ExitCode::from(signal.map_or(130, |s| (128 + s) as u8)),
        Ending::DiskFull => ExitCode::FAILURE,
        _ => match shown {
            Err(e) => return output_closed(&e),
            Ok(()) => ExitCode::SUCCESS,
        },
    })
}

/// Standard output went away mid-session: a reader that closed its pipe
/// (`| head`) ends the session quietly with 141 (as if killed by SIGPIPE);
/// anything else is reported. Answers given so far are saved either way.
fn output_closed(e: &std::io::Error) -> Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::from(141));
    }
    Err(Error::Other(format!(
        "cannot write to the terminal or standard output ({e}); the session stopped, \
         answers given so far are saved"
    )))
}

/// Prints review statistics.
pub fn stats(args: &StatsArgs) -> Result<ExitCode> {
    let clock = clock()?;
    let now = clock.now();
    let (store, deck, key) = open_with_deck(
        &args.deck,
        args.deck_input.max_input_size,
        args.state.as_deref(),
        Access::Read,
    )?;
    let out = crate::quiz::stats::report(&store, &deck, &key, &args.deck, now)?;
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Fits FSRS parameters to the review log.
pub fn optimize(args: &OptimizeArgs) -> Result<ExitCode> {
    let clock = clock()?;
    let path = Store::resolve_path(args.state.as_deref())?;
    let mut store = Store::open(&path)?;
    let log = store.review_log()?;
    let mut out = String::new();
    match optimize::fit(&log)? {
        Fitted::NeedMore { have, need } => {
            outln!(
                out,
                "Not enough history to fit parameters yet: {have} usable reviews (answers given a day or \
                 more after the card's previous one); {need} more needed (at least {}).",
                optimize::MIN_REVIEWS
            );
            outln!(out, "Until then the published FSRS defaults are used.");
        }
        Fitted::Parameters { weights, used } => {
            store.save_parameters(&weights, clock.now(), used)?;
            let text: Vec<String> = weights.iter().map(|w| format!("{w:.4}")).collect();
            outln!(
                out,
                "Fitted FSRS parameters to {used} reviews; future sessions use them."
            );
            outln!(out, "  {}", text.join(", "));
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
