//! `factdeck quiz`, `stats` and `optimize`.

use crate::cli::{OptimizeArgs, QuizArgs, StatsArgs};
use crate::error::{Error, Result};
use crate::quiz::open::{
    Access, clock, emit, open_with_deck, output_closed, require_stdout, scheduler, time_seed,
};
use crate::quiz::{self, Ending, Selection, Session, summary, term};
use crate::review::store::Store;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::process::ExitCode;

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
    let seed = args.seed.unwrap_or_else(time_seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let now = clock.now();
    let selection = Selection {
        cram: args.cram,
        limit: args.limit,
        types: args.types.clone(),
    };
    let order = quiz::choose_cards(&deck, &states, &selection, now, &mut rng);
    if order.is_empty() {
        let types_given = !args.types.is_empty();
        emit(&summary::nothing_to_ask(
            &deck,
            &states,
            types_given,
            args.cram,
            now,
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    require_stdout()?;
    let session_id = store.begin_session(&key, now, args.cram)?;
    let mut terminal =
        term::open().map_err(|e| Error::Other(format!("cannot use the terminal: {e}")))?;
    let title = terminal.say(term::Tone::Title, &summary::title(&deck, &order, &states));
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
    emit(&crate::quiz::stats::optimize(&mut store, clock.now())?)?;
    Ok(ExitCode::SUCCESS)
}
