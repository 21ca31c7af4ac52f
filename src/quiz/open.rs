//! Opening a deck for a session or its statistics: the review database,
//! the deck (cached in the database while the file is unchanged), the
//! clock (`FACTDECK_NOW` replays a schedule) and the output checks.

use crate::deck::load_deck_within;
use crate::error::{Error, Result};
use crate::model::Deck;
use crate::quiz::term;
use crate::review::schedule::{Clock, FixedClock, Scheduler, SystemClock};
use crate::review::store::{CachedDeck, Store};
use chrono::{DateTime, Utc};
use std::path::Path;
use std::process::ExitCode;

/// Prints to stdout (control characters from the deck shown as escapes); a
/// reader that went away (`| head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
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

pub fn clock() -> Result<Box<dyn Clock>> {
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
pub enum Access {
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
pub fn open_with_deck(
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

pub fn scheduler(store: &Store) -> Result<Scheduler> {
    Scheduler::new(&store.parameters()?.unwrap_or_default())
}

/// An error when standard output is closed or the null device
/// ([`stdout_is_closed`]): no one would see the questions.
pub fn require_stdout() -> Result<()> {
    if stdout_is_closed() {
        return Err(Error::Other(
            "standard output is closed (or /dev/null): the questions could not be seen, so \
             none were asked"
                .into(),
        ));
    }
    Ok(())
}

/// Whether standard output is the null device. The Rust runtime opens
/// /dev/null on a closed standard output (`>&-`), so the two cannot be told
/// apart; neither lets anyone see a question.
pub fn stdout_is_closed() -> bool {
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

/// Standard output went away mid-session: a reader that closed its pipe
/// (`| head`) ends the session quietly with 141 (as if killed by SIGPIPE);
/// anything else is reported. Answers given so far are saved either way.
pub fn output_closed(e: &std::io::Error) -> Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::from(141));
    }
    Err(Error::Other(format!(
        "cannot write to the terminal or standard output ({e}); the session stopped, \
         answers given so far are saved"
    )))
}

/// A seed from the clock, for a session without `--seed`.
pub fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}
