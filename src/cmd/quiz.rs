//! `factdeck quiz`, `stats` and `optimize`.

use crate::cli::{OptimizeArgs, QuizArgs, StatsArgs};
use crate::deck::load_deck_within;
use crate::error::{Error, Result};
use crate::model::Deck;
use crate::quiz::{self, Ending, Selection, Session, summary, term};
use crate::review::optimize::{self, Fitted};
use crate::review::schedule::{Clock, FixedClock, Scheduler, SystemClock, end_of_day, local_day};
use crate::review::store::{CachedDeck, Store};
use chrono::{DateTime, Duration, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

/// `writeln!` into a `String` (which cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Prints to stdout (control characters from the deck shown as escapes); a
/// reader that went away (`| head`) is not an error.
fn emit(text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(term::visible(text).as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Other(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Overrides "now" (RFC 3339), so scripts and tests can replay a schedule
/// without waiting for days to pass.
const NOW_VAR: &str = "FACTDECK_NOW";

fn clock() -> Result<Box<dyn Clock>> {
    match std::env::var(NOW_VAR) {
        Ok(s) if !s.trim().is_empty() => {
            let t = DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
                Error::Usage(format!(
                    "{NOW_VAR}='{s}' is not an RFC 3339 time such as 2030-01-31T09:00:00Z ({e})"
                ))
            })?;
            Ok(Box::new(FixedClock::new(t.with_timezone(&Utc))))
        }
        _ => Ok(Box::new(SystemClock)),
    }
}

/// The key a deck's cards are filed under in the database: its canonical path.
fn deck_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// What identifies one version of a deck file without reading it: this
/// factdeck's version, the size, and the modification and status-change times
/// (the latter cannot be set back by tools like `touch`).
fn file_stamp(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    let mtime = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    #[cfg(unix)]
    let extra = {
        use std::os::unix::fs::MetadataExt;
        format!("{}.{}:{}", m.ctime(), m.ctime_nsec(), m.ino())
    };
    #[cfg(not(unix))]
    let extra = String::new();
    Some(format!(
        "{}:{}:{}:{extra}",
        env!("CARGO_PKG_VERSION"),
        m.len(),
        mtime.as_nanos()
    ))
}

/// How a command uses the review database.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Answers are saved.
    Write,
    /// Only read (`stats`): a read-only database is fine.
    Read,
}

/// Opens the review database and the deck. A large deck's TOML takes long to
/// parse, so the cards of a deck that passed `load_deck`'s checks are cached in
/// the database and reused while the file is unchanged. The cached deck keeps
/// only what a quiz uses: its `[deck]` table and cards (no facts or conflicts).
/// A deck with errors is refused before a missing database is created. The
/// cache is only a cache: failing to write it (a read-only or full disk) is
/// not an error.
fn open_with_deck(
    deck_path: &Path,
    max_input: u64,
    state: Option<&Path>,
    access: Access,
) -> Result<(Store, Deck, String)> {
    let path = Store::resolve_path(state)?;
    let key = deck_key(deck_path);
    let stamp = file_stamp(deck_path);
    let fresh = if path.exists() {
        None
    } else {
        Some(load_deck_within(deck_path, max_input)?)
    };
    let mut store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) if access == Access::Read && fresh.is_none() => {
            // A read-only database (or folder) still has statistics to show.
            Store::open_read_only(&path).map_err(|_| e)?
        }
        Err(e) => return Err(e),
    };
    if fresh.is_none()
        && let Some(stamp) = &stamp
        && let Some(c) = store.cached_deck(&key, stamp)?
    {
        let deck = Deck {
            format: crate::model::DECK_FORMAT,
            deck: c.info,
            conflicts: vec![],
            facts: vec![],
            cards: c.cards,
        };
        return Ok((store, deck, key));
    }
    let deck = match fresh {
        Some(d) => d,
        None => load_deck_within(deck_path, max_input)?,
    };
    if let Some(stamp) = &stamp {
        let _ = store.cache_deck(
            &key,
            stamp,
            &CachedDeck {
                info: deck.deck.clone(),
                cards: deck.cards.clone(),
            },
        );
    }
    Ok((store, deck, key))
}

fn scheduler(store: &Store) -> Result<Scheduler> {
    Scheduler::new(&store.parameters()?.unwrap_or_default())
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

/// Whether standard output is the null device. The Rust runtime opens
/// /dev/null on a closed standard output (`>&-`), so the two cannot be told
/// apart; neither lets anyone see a question.
fn stdout_is_closed() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (Ok(out), Ok(null)) = (
            std::fs::metadata("/dev/stdout"),
            std::fs::metadata("/dev/null"),
        ) else {
            return false;
        };
        out.dev() == null.dev() && out.ino() == null.ino() && out.rdev() == null.rdev()
    }
    #[cfg(not(unix))]
    {
        false
    }
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
    let ids: Vec<_> = deck.cards.iter().map(|c| &c.id).collect();
    let states = store.load_deck_states(&key, ids.iter().copied())?;
    let today_end = end_of_day(now);
    let due = states.values().filter(|s| s.due < today_end).count();
    let new = deck.cards.len() - states.len();
    let learned = states
        .values()
        .filter(|s| s.last_rating != crate::review::Rating::Again)
        .count();
    let totals = store.totals(ids.iter().copied())?;
    let streak = streak(&store.study_days(&key)?, local_day(now));
    let current: HashSet<_> = ids.iter().copied().collect();
    let removed = store.removed_cards(&key, &current)?;
    let mut out = String::new();

    outln!(
        out,
        "{} — {} cards ({})",
        deck.deck.title,
        deck.cards.len(),
        args.deck.display()
    );
    outln!(out, "  due today    {due} to review, {new} new");
    outln!(out, "  learned      {learned} of {}", deck.cards.len());
    let retention = match (totals.recalled * 100 + totals.recall_reviews / 2)
        .checked_div(totals.recall_reviews)
    {
        Some(p) => format!(
            "{p}% ({} of {} reviews made a day or more after the last)",
            totals.recalled, totals.recall_reviews
        ),
        None => "not measured yet (needs reviews a day or more apart)".to_string(),
    };
    outln!(out, "  retention    {retention}");
    outln!(
        out,
        "  streak       {streak} day{}",
        if streak == 1 { "" } else { "s" }
    );
    outln!(
        out,
        "  reviews      {} ({} right)",
        totals.reviews,
        totals.correct
    );
    if removed.is_empty() {
        outln!(out, "  removed      none");
    } else {
        let reviews: u64 = removed.iter().map(|r| r.reviews).sum();
        outln!(
            out,
            "  removed      {} card{} no longer in the deck (their {reviews} reviews are kept):",
            removed.len(),
            if removed.len() == 1 { "" } else { "s" }
        );
        for r in &removed {
            outln!(out, "                 {} {}", r.id, r.prompt);
        }
    }
    outln!(out, "  {}", summary::next_due(&deck, &states, now));
    outln!(out, "  database     {}", store.path().display());
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Consecutive days studied, ending today (or yesterday, if not yet today).
fn streak(days_newest_first: &[chrono::NaiveDate], today: chrono::NaiveDate) -> usize {
    let mut expect = match days_newest_first.first() {
        Some(&d) if d == today => today,
        Some(&d) if d == today - Duration::days(1) => d,
        _ => return 0,
    };
    let mut n = 0;
    for &d in days_newest_first {
        if d != expect {
            break;
        }
        n += 1;
        expect = d - Duration::days(1);
    }
    n
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2030, 5, n).expect("day");
        assert_eq!(streak(&[d(10), d(9), d(8), d(6)], d(10)), 3);
        assert_eq!(streak(&[d(9), d(8)], d(10)), 2);
        assert_eq!(streak(&[d(7)], d(10)), 0);
        assert_eq!(streak(&[], d(10)), 0);
    }
}
