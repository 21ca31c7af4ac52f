//! The review database: each card's schedule and the full review log, in SQLite.
//!
//! One file (WAL mode) shared by every deck, keyed by the stable card id, so
//! regenerating a deck keeps the history of unchanged cards. Each answer is its
//! own transaction. A database that is corrupt or from a newer factdeck is
//! reported and left untouched; schema changes are numbered migrations
//! recorded in `PRAGMA user_version`, applied in one IMMEDIATE transaction so
//! that two first runs on a new database both succeed.
//!
//! A database held by another process is waited for (SQLite's busy timeout,
//! then a bounded backoff with a message on stderr) before a write gives up.
//! A write that fails because the disk is full says so ([`WriteError::disk_full`]),
//! so that a session can end with its summary. A read-only database can still
//! be opened for reading ([`Store::open_read_only`], used by `stats`).

use crate::error::{Error, Result};
use crate::model::{Card, CardId};
use crate::review::schedule::{CardState, Rating, local_day};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Migrations in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: card states, the review log, sessions and fitted parameters.
    "CREATE TABLE cards (
        card_id     TEXT PRIMARY KEY,
        deck        TEXT NOT NULL,
        card_type   TEXT NOT NULL,
        kind        TEXT NOT NULL,
        prompt      TEXT NOT NULL,
        answer      TEXT NOT NULL,
        stability   REAL NOT NULL,
        difficulty  REAL NOT NULL,
        due         INTEGER NOT NULL,
        last_review INTEGER NOT NULL,
        reps        INTEGER NOT NULL,
        lapses      INTEGER NOT NULL,
        last_rating INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX cards_by_deck ON cards(deck);
    CREATE TABLE sessions (
        id         INTEGER PRIMARY KEY,
        deck       TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        cram       INTEGER NOT NULL
    );
    CREATE TABLE reviews (
        id             INTEGER PRIMARY KEY,
        session        INTEGER NOT NULL REFERENCES sessions(id),
        card_id        TEXT NOT NULL,
        deck           TEXT NOT NULL,
        reviewed_at    INTEGER NOT NULL,
        day            TEXT NOT NULL,
        elapsed_days   INTEGER NOT NULL,
        rating         INTEGER NOT NULL,
        judged_correct INTEGER NOT NULL,
        correct        INTEGER NOT NULL,
        overridden     INTEGER NOT NULL DEFAULT 0,
        given          TEXT NOT NULL,
        thinking_ms    INTEGER
    );
    CREATE INDEX reviews_by_card ON reviews(card_id, reviewed_at);
    CREATE INDEX reviews_by_deck_day ON reviews(deck, day);
    CREATE TABLE parameters (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        weights      TEXT NOT NULL,
        fitted_at    INTEGER NOT NULL,
        reviews_used INTEGER NOT NULL
    );",
    // 2: parsed decks, so that a large unchanged deck starts without re-reading its TOML.
    "CREATE TABLE deck_cache (
        deck    TEXT PRIMARY KEY,
        stamp   TEXT NOT NULL,
        content BLOB NOT NULL
    );",
];

/// The start of every card-state query.
const STATE_COLUMNS: &str = "SELECT card_id, stability, difficulty, due, last_review, reps, \
                             lapses, last_rating FROM cards";
/// Card states by id: one primary-key lookup per id.
const BY_IDS: &str = "card_id IN (SELECT value FROM json_each(?1))";
/// Card states filed under a deck: one range of the `cards_by_deck` index.
const BY_DECK: &str = "deck = ?1";
/// Review counts of one card: one range of the `reviews_by_card` index.
const TOTALS_BY_CARD: &str = "SELECT count(*), coalesce(sum(correct), 0),
        coalesce(sum(elapsed_days >= 1), 0),
        coalesce(sum(correct AND elapsed_days >= 1), 0)
    FROM reviews WHERE card_id = ?1";
/// The days a deck was studied: the `reviews_by_deck_day` index alone.
const STUDY_DAYS: &str = "SELECT DISTINCT day FROM reviews WHERE deck = ?1 ORDER BY day DESC";

/// The schema version this factdeck writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long SQLite itself waits for another session's write, each try.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);
/// How long a write keeps retrying a busy database, all tries together.
const BUSY_GIVE_UP: Duration = Duration::from_secs(60);
/// The longest pause between tries.
const BUSY_MAX_PAUSE: Duration = Duration::from_secs(4);

/// An open review database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A write to the database that did not happen.
#[derive(Debug)]
pub struct WriteError {
    /// The disk (or a file size limit) is full: nothing more can be saved.
    pub disk_full: bool,
    /// What to tell the user.
    pub error: Error,
}

impl From<WriteError> for Error {
    fn from(w: WriteError) -> Error {
        w.error
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

/// Overrides [`BUSY_GIVE_UP`] (whole seconds), for scripts that would
/// rather fail fast.
const BUSY_WAIT_VAR: &str = "FACTDECK_BUSY_WAIT";

fn busy_give_up() -> Duration {
    std::env::var(BUSY_WAIT_VAR)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .map_or(BUSY_GIVE_UP, Duration::from_secs)
}

/// What the setup transaction found.
enum Found {
    Ready,
    Newer(i64),
    Foreign,
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// One answer, as logged.
#[derive(Debug, Clone)]
pub struct ReviewRecord<'a> {
    pub session: i64,
    pub card: &'a Card,
    /// The deck file's key (its canonical path).
    pub deck: &'a str,
    pub at: DateTime<Utc>,
    pub elapsed_days: u32,
    pub rating: Rating,
    /// What the judge said.
    pub judged_correct: bool,
    /// What counts (differs from the judge's verdict after an override).
    pub correct: bool,
    pub overridden: bool,
    /// What the user answered.
    pub given: &'a str,
    pub thinking_ms: Option<u64>,
}

/// Review figures for one deck.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewTotals {
    pub reviews: u64,
    pub correct: u64,
    /// Reviews at least a day after the previous one, and how many were right.
    pub recall_reviews: u64,
    pub recalled: u64,
}

/// A card the database knows for a deck but the deck no longer has.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedCard {
    pub id: CardId,
    pub prompt: String,
    pub reviews: u64,
}

/// What a quiz needs of a deck, as cached: its header and its cards.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CachedDeck {
    pub info: crate::model::DeckInfo,
    pub cards: Vec<Card>,
}

/// One logged review, as the optimizer needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedReview {
    pub card_id: String,
    pub day: NaiveDate,
    pub rating: u32,
}

impl Store {
    /// The database path: `--state`/`FACTDECK_STATE` when given, else
    /// `factdeck/state.sqlite3` in the platform data directory.
    pub fn resolve_path(state: Option<&Path>) -> Result<PathBuf> {
        match state {
            Some(p) => Ok(p.to_path_buf()),
            None => dirs::data_dir()
                .map(|d| d.join("factdeck").join("state.sqlite3"))
                .ok_or_else(|| {
                    Error::Other(
                        "cannot find a data directory for the review database; pass --state FILE"
                            .into(),
                    )
                }),
        }
    }

    /// Opens (creating if missing) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| db_error(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.setup()?;
        Ok(store)
    }

    /// Opens an existing database for reading only (a read-only file or
    /// folder): nothing is migrated or written. Fails if its schema is not
    /// one this factdeck reads.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let try_open = |conn: Connection| -> rusqlite::Result<(Connection, i64)> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let v = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            // Reading the schema needs the WAL index; this fails here if it
            // cannot be made (a read-only folder).
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })?;
            Ok((conn, v))
        };
        let opened = Connection::open_with_flags(path, flags).and_then(try_open);
        let (conn, version) = match opened {
            Ok(x) => x,
            // A WAL database in a folder where its index cannot be created:
            // read the file as it is (no other process can be writing to it).
            Err(_) => {
                let uri = format!("file:{}?immutable=1", uri_path(path));
                Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                    .and_then(try_open)
                    .map_err(|e| db_error(path, e))?
            }
        };
        if version > SCHEMA_VERSION {
            return Err(newer(path, version));
        }
        if version == 0 {
            return Err(Error::Other(format!(
                "{}: this SQLite file is not a factdeck review database",
                path.display()
            )));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn setup(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| db_error(&path, e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Reading the header first: a file that is not SQLite fails here, before
        // anything could be written to it.
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(newer(&self.path, version));
        }
        if version < SCHEMA_VERSION {
            // Checked again and migrated inside one IMMEDIATE transaction: a
            // second first-time session waits for the first and then finds
            // the schema made.
            let found = self.write(|conn| {
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                if version > SCHEMA_VERSION {
                    return Ok(Found::Newer(version));
                }
                if version == 0 {
                    let tables: i64 = tx.query_row(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                        [],
                        |r| r.get(0),
                    )?;
                    if tables > 0 {
                        return Ok(Found::Foreign);
                    }
                }
                for sql in MIGRATIONS.iter().skip(version as usize) {
                    tx.execute_batch(sql)?;
                }
                tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
                tx.commit()?;
                Ok(Found::Ready)
            })?;
            match found {
                Found::Ready => {}
                Found::Newer(v) => return Err(newer(&self.path, v)),
                Found::Foreign => {
                    return Err(Error::Other(format!(
                        "{}: this SQLite file is not a factdeck review database; it was left untouched \
                         (pass --state to use another file)",
                        self.path.display()
                    )));
                }
            }
        }
        let mode: String =
            self.write(|conn| conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Other(format!(
                "{}: cannot switch the review database to WAL mode (it stayed in {mode} mode)",
                self.path.display()
            )));
        }
        self.conn
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        Ok(())
    }

    /// Runs a write, retrying while another process holds the database:
    /// SQLite waits [`BUSY_TIMEOUT`] each try; between tries the pause
    /// doubles up to [`BUSY_MAX_PAUSE`], until [`BUSY_GIVE_UP`] has passed.
    /// The wait is announced on stderr (once per write).
    fn write<T>(
        &mut self,
        mut f: impl FnMut(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, WriteError> {
        let started = std::time::Instant::now();
        let give_up = busy_give_up();
        let mut pause = Duration::from_millis(250);
        let mut told = false;
        loop {
            match f(&mut self.conn) {
                Ok(v) => {
                    if told {
                        eprint!("factdeck: the review database is free again\r\n");
                    }
                    return Ok(v);
                }
                Err(e) if is_busy(&e) && started.elapsed() < give_up => {
                    if !told {
                        eprint!(
                            "factdeck: {}: the review database is busy (another process holds it); \
                             waiting up to {} s…\r\n",
                            self.path.display(),
                            give_up.as_secs()
                        );
                        told = true;
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(BUSY_MAX_PAUSE);
                }
                Err(e) => return Err(write_error(&self.path, e)),
            }
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |e| db_error(&self.path, e)
    }

    /// Starts a session; this is also where a database locked by another
    /// session is noticed, before any question is asked.
    pub fn begin_session(
        &mut self,
        deck: &str,
        at: DateTime<Utc>,
        cram: bool,
    ) -> Result<i64, WriteError> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO sessions (deck, started_at, cram) VALUES (?1, ?2, ?3)",
                params![deck, at.timestamp(), cram],
            )?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok(id)
        })
    }

    /// The states of these cards that have been reviewed. One query: SQLite
    /// looks each id up in the primary-key index (never a scan of the log).
    pub fn load_states<'c>(
        &self,
        ids: impl IntoIterator<Item = &'c CardId>,
    ) -> Result<HashMap<CardId, CardState>> {
        let ids: Vec<&str> = ids.into_iter().map(|id| id.0.as_str()).collect();
        let mut out = HashMap::with_capacity(ids.len());
        self.states_where(BY_IDS, &ids_json(&ids)?, |_| true, &mut out)?;
        Ok(out)
    }

    /// The states of a deck's cards: first every card filed under this deck
    /// (one range of the `cards_by_deck` index), then by id those the deck
    /// file now holds but that were last answered from another one.
    pub fn load_deck_states<'c>(
        &self,
        deck: &str,
        ids: impl IntoIterator<Item = &'c CardId>,
    ) -> Result<HashMap<CardId, CardState>> {
        let wanted: std::collections::HashSet<&str> =
            ids.into_iter().map(|id| id.0.as_str()).collect();
        let mut out = HashMap::with_capacity(wanted.len());
        self.states_where(BY_DECK, deck, |id| wanted.contains(id), &mut out)?;
        if out.len() < wanted.len() {
            let rest: Vec<&str> = wanted
                .iter()
                .copied()
                .filter(|id| !out.contains_key(&CardId((*id).to_string())))
                .collect();
            self.states_where(BY_IDS, &ids_json(&rest)?, |_| true, &mut out)?;
        }
        Ok(out)
    }

    fn states_where(
        &self,
        condition: &str,
        arg: &str,
        keep: impl Fn(&str) -> bool,
        out: &mut HashMap<CardId, CardState>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{STATE_COLUMNS} WHERE {condition}"))
            .map_err(self.err())?;
        let mut rows = stmt.query([arg]).map_err(self.err())?;
        while let Some(r) = rows.next().map_err(self.err())? {
            let id = r.get_ref(0).map_err(self.err())?.as_str().map_err(|e| {
                Error::Other(format!("{}: unreadable card id: {e}", self.path.display()))
            })?;
            if !keep(id) {
                continue;
            }
            let id = CardId(id.to_string());
            let state = (|| {
                Ok(CardState {
                    stability: r.get(1)?,
                    difficulty: r.get(2)?,
                    due: from_ts(r.get(3)?),
                    last_review: from_ts(r.get(4)?),
                    reps: r.get(5)?,
                    lapses: r.get(6)?,
                    last_rating: Rating::from_u32(r.get(7)?),
                })
            })()
            .map_err(self.err())?;
            out.insert(id, state);
        }
        Ok(())
    }

    /// Logs one answer and the card's new state in one transaction; returns the log row id.
    pub fn record(&mut self, r: &ReviewRecord<'_>, state: &CardState) -> Result<i64, WriteError> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
            "INSERT INTO reviews (session, card_id, deck, reviewed_at, day, elapsed_days, rating,
                                  judged_correct, correct, overridden, given, thinking_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                r.session,
                r.card.id.0,
                r.deck,
                r.at.timestamp(),
                local_day(r.at).to_string(),
                r.elapsed_days,
                r.rating.as_u32(),
                r.judged_correct,
                r.correct,
                r.overridden,
                r.given,
                r.thinking_ms.map(|m| m as i64),
            ],
            )?;
            let id = tx.last_insert_rowid();
            upsert_card(&tx, r.card, r.deck, state)?;
            tx.commit()?;
            Ok(id)
        })
    }

    /// The user says a wrong verdict was right: the logged review is marked as an
    /// override (keeping the judge's verdict) and the card gets its corrected state.
    pub fn override_review(
        &mut self,
        review_id: i64,
        rating: Rating,
        card: &Card,
        deck: &str,
        state: &CardState,
    ) -> Result<(), WriteError> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "UPDATE reviews SET correct = 1, overridden = 1, rating = ?2 WHERE id = ?1",
                params![review_id, rating.as_u32()],
            )?;
            upsert_card(&tx, card, deck, state)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Review counts over these cards (indexed by card).
    pub fn totals<'c>(&self, ids: impl IntoIterator<Item = &'c CardId>) -> Result<ReviewTotals> {
        let mut stmt = self
            .conn
            .prepare_cached(TOTALS_BY_CARD)
            .map_err(self.err())?;
        let mut t = ReviewTotals::default();
        for id in ids {
            let (n, c, rn, rc): (i64, i64, i64, i64) = stmt
                .query_row([&id.0], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .map_err(self.err())?;
            t.reviews += n as u64;
            t.correct += c as u64;
            t.recall_reviews += rn as u64;
            t.recalled += rc as u64;
        }
        Ok(t)
    }

    /// The local days on which this deck was studied, newest first.
    pub fn study_days(&self, deck: &str) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare(STUDY_DAYS).map_err(self.err())?;
        let days = stmt
            .query_map([deck], |r| r.get::<_, String>(0))
            .map_err(self.err())?
            .filter_map(|d| d.ok().and_then(|d| d.parse().ok()))
            .collect();
        Ok(days)
    }

    /// Cards once studied from this deck file that it no longer contains.
    pub fn removed_cards(
        &self,
        deck: &str,
        current: &std::collections::HashSet<&CardId>,
    ) -> Result<Vec<RemovedCard>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.card_id, c.prompt, (SELECT count(*) FROM reviews r WHERE r.card_id = c.card_id)
                 FROM cards c WHERE c.deck = ?1 ORDER BY c.card_id",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([deck], |r| {
                Ok(RemovedCard {
                    id: CardId(r.get(0)?),
                    prompt: r.get(1)?,
                    reviews: r.get::<_, i64>(2)? as u64,
                })
            })
            .map_err(self.err())?;
        let mut out = Vec::new();
        for row in rows {
            let row = row.map_err(self.err())?;
            if !current.contains(&row.id) {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Every review, grouped by card in time order (for fitting parameters).
    pub fn review_log(&self) -> Result<Vec<LoggedReview>> {
        let mut stmt = self
            .conn
            .prepare("SELECT card_id, day, rating FROM reviews ORDER BY card_id, reviewed_at, id")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                ))
            })
            .map_err(self.err())?;
        let mut out = Vec::new();
        for row in rows {
            let (card_id, day, rating) = row.map_err(self.err())?;
            let day = day.parse().map_err(|_| {
                Error::Other(format!(
                    "{}: a review has an unreadable day '{day}'; the database may be damaged",
                    self.path.display()
                ))
            })?;
            out.push(LoggedReview {
                card_id,
                day,
                rating,
            });
        }
        Ok(out)
    }

    /// The fitted FSRS parameters, if `optimize` has stored some.
    pub fn parameters(&self) -> Result<Option<Vec<f32>>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT weights FROM parameters WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())?;
        let Some(text) = text else { return Ok(None) };
        let weights: Result<Vec<f32>, _> = text.split(',').map(|w| w.trim().parse()).collect();
        weights.map(Some).map_err(|_| {
            Error::Other(format!(
                "{}: the stored FSRS parameters are unreadable; run `factdeck optimize` again",
                self.path.display()
            ))
        })
    }

    /// Stores fitted FSRS parameters (replacing earlier ones).
    pub fn save_parameters(
        &mut self,
        weights: &[f32],
        at: DateTime<Utc>,
        reviews_used: usize,
    ) -> Result<()> {
        let text: Vec<String> = weights.iter().map(|w| w.to_string()).collect();
        self.write(|conn| {
            conn.execute(
                "INSERT INTO parameters (id, weights, fitted_at, reviews_used) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET weights = ?1, fitted_at = ?2, reviews_used = ?3",
                params![text.join(","), at.timestamp(), reviews_used as i64],
            )
        })?;
        Ok(())
    }

    /// The cached cards of a deck file, if cached under exactly this stamp.
    pub fn cached_deck(&self, deck: &str, stamp: &str) -> Result<Option<CachedDeck>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT content FROM deck_cache WHERE deck = ?1 AND stamp = ?2",
                params![deck, stamp],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err())?;
        // An unreadable entry is only a cache miss: the deck file is the truth.
        Ok(blob.and_then(|b| serde_json::from_slice(&b).ok()))
    }

    /// Caches a deck file's cards under a stamp (replacing what was cached for it).
    pub fn cache_deck(&mut self, deck: &str, stamp: &str, content: &CachedDeck) -> Result<()> {
        let blob = serde_json::to_vec(content)
            .map_err(|e| Error::Other(format!("cannot cache the deck: {e}")))?;
        self.write(|conn| {
            conn.execute(
                "INSERT INTO deck_cache (deck, stamp, content) VALUES (?1, ?2, ?3)
                 ON CONFLICT(deck) DO UPDATE SET stamp = ?2, content = ?3",
                params![deck, stamp, blob],
            )
        })?;
        Ok(())
    }

    /// The underlying connection, for benchmarks and tests that build large histories.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

fn upsert_card(
    tx: &rusqlite::Transaction<'_>,
    card: &Card,
    deck: &str,
    s: &CardState,
) -> rusqlite::Result<usize> {
    tx.execute(
        "INSERT INTO cards (card_id, deck, card_type, kind, prompt, answer, stability, difficulty,
                            due, last_review, reps, lapses, last_rating)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(card_id) DO UPDATE SET
            deck = ?2, card_type = ?3, kind = ?4, prompt = ?5, answer = ?6, stability = ?7,
            difficulty = ?8, due = ?9, last_review = ?10, reps = ?11, lapses = ?12, last_rating = ?13",
        params![
            card.id.0,
            deck,
            card.card_type.as_str(),
            card.kind.as_str(),
            card.prompt,
            card.answer,
            s.stability,
            s.difficulty,
            s.due.timestamp(),
            s.last_review.timestamp(),
            s.reps,
            s.lapses,
            s.last_rating.as_u32(),
        ],
    )
}

fn ids_json(ids: &[&str]) -> Result<String> {
    serde_json::to_string(ids).map_err(|e| Error::Other(format!("cannot list card ids: {e}")))
}

fn from_ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

fn newer(path: &Path, version: i64) -> Error {
    Error::Other(format!(
        "{}: this review database was written by a newer factdeck (schema version {version}; \
         this one understands up to {SCHEMA_VERSION}). Upgrade factdeck; the database was left untouched.",
        path.display()
    ))
}

/// A path for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.display()
        .to_string()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}

/// Whether the folder of `path` has no room left: SQLite reports a full disk
/// as SQLITE_FULL only for some writes, and as a plain "disk I/O error" for
/// others (growing the WAL index), so a small test write decides.
fn no_room_beside(path: &Path) -> bool {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let probe = tempfile::Builder::new()
        .prefix(".factdeck-probe-")
        .tempfile_in(dir)
        .and_then(|mut f| {
            f.write_all(&[0u8; 64 * 1024])?;
            f.as_file().sync_all()
        });
    match probe {
        Ok(()) => at_file_size_limit(path),
        Err(e) => {
            matches!(
                e.kind(),
                std::io::ErrorKind::StorageFull
                    | std::io::ErrorKind::FileTooLarge
                    | std::io::ErrorKind::QuotaExceeded
            ) || e.raw_os_error() == Some(27) // EFBIG on Linux
        }
    }
}

/// Whether the database or its WAL is within a few pages of the process's
/// file size limit (`ulimit -f`, read from /proc/self/limits): a write there
/// fails with "File too large" although the disk has room.
fn at_file_size_limit(path: &Path) -> bool {
    let Some(limit) = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Max file size"))
                .and_then(|l| l.split_whitespace().nth(3).map(str::to_string))
        })
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return false;
    };
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    [path.to_path_buf(), PathBuf::from(wal)]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .any(|m| m.len() + 256 * 1024 > limit)
}

/// A failed write, with whether it failed for want of disk space.
fn write_error(path: &Path, e: rusqlite::Error) -> WriteError {
    let full = match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => true,
        Some(ErrorCode::SystemIoFailure) => no_room_beside(path),
        _ => false,
    };
    WriteError {
        disk_full: full,
        error: if full {
            full_error(path)
        } else {
            db_error(path, e)
        },
    }
}

fn full_error(path: &Path) -> Error {
    Error::Other(format!(
        "{}: the disk holding the review database is full (or a file size limit was reached); \
         free some space and try again",
        path.display()
    ))
}

/// A database error phrased for the user, naming the file.
fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    let code = e.sqlite_error_code();
    let p = path.display();
    match code {
        Some(ErrorCode::DiskFull) => full_error(path),
        Some(ErrorCode::SystemIoFailure) if no_room_beside(path) => full_error(path),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Other(format!(
            "{p}: the review database is locked by another factdeck session; \
             finish that session (or wait for it) and try again"
        )),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Other(format!(
            "{p}: the review database is corrupt or not a database; it was left untouched. \
             Move it aside to start afresh, or pass --state to use another file"
        )),
        Some(ErrorCode::ReadOnly) => Error::Other(format!(
            "{p}: the review database is read-only; answers cannot be saved"
        )),
        Some(ErrorCode::CannotOpen) => Error::Other(format!(
            "{p}: cannot open the review database (is the folder writable?)"
        )),
        _ => Error::Other(format!("{p}: review database error: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardType, FactId, FactKind};
    use crate::review::schedule::Scheduler;
    use chrono::TimeZone;

    fn card(id: &str) -> Card {
        Card {
            id: CardId(id.into()),
            card_type: CardType::ShortAnswer,
            fact: FactId("f".into()),
            kind: FactKind::Money,
            prompt: format!("prompt {id}"),
            hint: None,
            answer: "$5".into(),
            options: vec![],
            accepted: vec![],
            explanation: None,
            rewritten: Vec::new(),
            sentence: "It cost $5.".into(),
            doc: "a.txt".into(),
            line: 1,
            reported_by: 1,
            tags: vec![],
            dropped: false,
        }
    }

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 1, 2, 9, 0, 0)
            .single()
            .expect("valid")
    }

    fn answer(store: &mut Store, session: i64, c: &Card, rating: Rating, at: DateTime<Utc>) {
        let prev = store.load_states([&c.id]).expect("load").remove(&c.id);
        let state = Scheduler::new(&[])
            .expect("s")
            .review(prev.as_ref(), rating, at)
            .expect("review");
        let rec = ReviewRecord {
            session,
            card: c,
            deck: "deck",
            at,
            elapsed_days: 0,
            rating,
            judged_correct: rating != Rating::Again,
            correct: rating != Rating::Again,
            overridden: false,
            given: "x",
            thinking_ms: None,
        };
        store.record(&rec, &state).expect("record");
    }

    #[test]
    fn answers_survive_reopening_and_states_load_by_id() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("sub/state.sqlite3");
        let (a, b) = (card("a"), card("b"));
        {
            let mut s = Store::open(&path).expect("open");
            let sid = s.begin_session("deck", t0(), false).expect("session");
            answer(&mut s, sid, &a, Rating::Good, t0());
        }
        let s = Store::open(&path).expect("reopen");
        let states = s.load_states([&a.id, &b.id]).expect("load");
        assert_eq!(states.len(), 1);
        assert_eq!(states[&a.id].reps, 1);
        assert_eq!(s.totals([&a.id]).expect("totals").reviews, 1);
    }

    #[test]
    fn deck_states_come_from_the_deck_and_from_cards_answered_elsewhere() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut s = Store::open(&dir.path().join("s.db")).expect("open");
        let (a, b, c) = (card("a"), card("b"), card("c"));
        let sid = s.begin_session("deck", t0(), false).expect("session");
        answer(&mut s, sid, &a, Rating::Good, t0());
        answer(&mut s, sid, &b, Rating::Good, t0());
        // The deck was moved: its cards are filed under the old path.
        let states = s
            .load_deck_states("moved-deck", [&a.id, &c.id])
            .expect("load");
        assert_eq!(states.len(), 1);
        assert!(states.contains_key(&a.id));
        let states = s.load_deck_states("deck", [&b.id]).expect("load");
        assert_eq!(states.keys().collect::<Vec<_>>(), vec![&b.id]);
    }

    #[test]
    fn start_up_and_stats_queries_use_indexes_not_scans() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Store::open(&dir.path().join("s.db")).expect("open");
        let plan = |sql: &str| -> String {
            let mut st = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .expect("explain");
            st.query_map([], |r| r.get::<_, String>(3))
                .expect("plan")
                .map(|r| r.expect("row"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        for sql in [
            format!("{STATE_COLUMNS} WHERE {}", BY_IDS.replace("?1", "'[]'")),
            format!("{STATE_COLUMNS} WHERE {}", BY_DECK.replace("?1", "'d'")),
            TOTALS_BY_CARD.replace("?1", "'c'"),
            STUDY_DAYS.replace("?1", "'d'"),
        ] {
            let p = plan(&sql);
            assert!(
                !p.contains("SCAN reviews") && !p.contains("SCAN cards"),
                "{sql}\n{p}"
            );
            assert!(p.contains("USING") || p.contains("SEARCH"), "{sql}\n{p}");
        }
    }

    #[test]
    fn an_older_schema_is_migrated_in_place_keeping_its_history() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("v1.db");
        {
            let conn = Connection::open(&path).expect("raw");
            conn.execute_batch(MIGRATIONS[0]).expect("schema 1");
            conn.pragma_update(None, "user_version", 1).expect("v1");
            conn.execute(
                "INSERT INTO sessions (deck, started_at, cram) VALUES ('d', 0, 0)",
                [],
            )
            .expect("session");
            conn.execute(
                "INSERT INTO reviews (session, card_id, deck, reviewed_at, day, elapsed_days, rating,
                                      judged_correct, correct, given)
                 VALUES (1, 'a', 'd', 0, '2030-01-01', 0, 3, 1, 1, 'x')",
                [],
            )
            .expect("review");
        }
        let mut s = Store::open(&path).expect("migrate");
        let conn = s.connection();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("v");
        assert_eq!(v, SCHEMA_VERSION);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        assert_eq!(s.review_log().expect("log").len(), 1);
        assert_eq!(s.cached_deck("d", "stamp").expect("cache"), None);
    }

    #[test]
    fn newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("state.sqlite3");
        drop(Store::open(&path).expect("open"));
        let conn = Connection::open(&path).expect("raw");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
        drop(conn);
        let err = Store::open(&path).err().expect("must refuse");
        assert!(err.to_string().contains("newer factdeck"), "{err}");
        let conn = Connection::open(&path).expect("raw");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("v");
        assert_eq!(v, SCHEMA_VERSION + 1);
    }

    #[test]
    fn garbage_file_is_refused_and_not_overwritten() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("state.sqlite3");
        let junk = b"this is not a database, it is a shopping list\n".repeat(100);
        std::fs::write(&path, &junk).expect("write");
        let err = Store::open(&path).err().expect("must refuse");
        assert!(err.to_string().contains("corrupt"), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), junk);
    }

    #[test]
    fn foreign_sqlite_file_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .expect("raw")
            .execute_batch("CREATE TABLE t (x)")
            .expect("create");
        let err = Store::open(&path).err().expect("must refuse");
        assert!(err.to_string().contains("not a factdeck"), "{err}");
    }

    #[test]
    fn override_marks_the_review_and_keeps_the_judges_verdict() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut s = Store::open(&dir.path().join("s.db")).expect("open");
        let c = card("a");
        let sid = s.begin_session("deck", t0(), false).expect("session");
        let state = Scheduler::new(&[])
            .expect("s")
            .review(None, Rating::Again, t0())
            .expect("r");
        let rec = ReviewRecord {
            session: sid,
            card: &c,
            deck: "deck",
            at: t0(),
            elapsed_days: 0,
            rating: Rating::Again,
            judged_correct: false,
            correct: false,
            overridden: false,
            given: "five",
            thinking_ms: Some(1200),
        };
        let id = s.record(&rec, &state).expect("record");
        let fixed = Scheduler::new(&[])
            .expect("s")
            .review(None, Rating::Good, t0())
            .expect("r");
        s.override_review(id, Rating::Good, &c, "deck", &fixed)
            .expect("override");
        let (judged, correct, over, rating): (bool, bool, bool, u32) = s
            .connection()
            .query_row(
                "SELECT judged_correct, correct, overridden, rating FROM reviews WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .expect("row");
        assert_eq!((judged, correct, over, rating), (false, true, true, 3));
        assert_eq!(s.load_states([&c.id]).expect("load")[&c.id], fixed);
    }

    #[test]
    fn removed_cards_keep_their_history() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut s = Store::open(&dir.path().join("s.db")).expect("open");
        let (a, b) = (card("a"), card("b"));
        let sid = s.begin_session("deck", t0(), false).expect("session");
        answer(&mut s, sid, &a, Rating::Good, t0());
        answer(&mut s, sid, &b, Rating::Again, t0());
        let current: std::collections::HashSet<&CardId> = [&a.id].into_iter().collect();
        let removed = s.removed_cards("deck", &current).expect("removed");
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].id, b.id);
        assert_eq!(removed[0].reviews, 1);
    }

    #[test]
    fn parameters_round_trip() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut s = Store::open(&dir.path().join("s.db")).expect("open");
        assert_eq!(s.parameters().expect("none"), None);
        let w: Vec<f32> = fsrs::DEFAULT_PARAMETERS.to_vec();
        s.save_parameters(&w, t0(), 500).expect("save");
        assert_eq!(s.parameters().expect("some"), Some(w));
    }
}
