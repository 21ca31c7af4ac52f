//! Starting a quiz on a big deck with a long history: a 10,000-card deck and
//! 100,000 logged reviews. Reports the time from launching the release binary
//! to its first question (target: under 100 ms) and the process's peak memory,
//! plus an in-process breakdown of the start-up steps.
//!
//! Run with `cargo bench --bench quiz`.

use chrono::{Duration, TimeZone, Utc};
use factdeck::model::{
    Card, CardId, CardType, Deck, DeckFact, DeckInfo, Detail, DetailKeys, FactId, FactKind,
    SourceRef, Statement, Value,
};
use factdeck::quiz::{Selection, choose_cards};
use factdeck::review::Store;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const CARDS: usize = 10_000;
const REVIEWS_PER_CARD: usize = 10;

fn big_deck() -> Deck {
    let types = CardType::ALL;
    let cards = (0..CARDS)
        .map(|i| {
            let card_type = types[i % types.len()];
            let options = match card_type {
                CardType::MultipleChoice | CardType::WhoSaid => {
                    (0..4).map(|k| format!("${} million", i + k)).collect()
                }
                CardType::TrueFalse => vec!["True".into(), "False".into()],
                _ => vec![],
            };
            let answer = match card_type {
                CardType::TrueFalse => "True".to_string(),
                _ => format!("${i} million"),
            };
            Card {
                id: CardId(format!("{i:016x}")),
                card_type,
                fact: FactId(format!("f{i:015x}")),
                kind: FactKind::Money,
                prompt: if card_type == CardType::Cloze {
                    format!("Program number {i} of the county received ____ this year.")
                } else {
                    format!("How much did program number {i} of the county receive this year?")
                },
                hint: Some("a dollar amount".into()),
                answer,
                options,
                accepted: vec![format!("{i} million dollars")],
                explanation: None,
                rewritten: Vec::new(),
                sentence: format!("Program number {i} of the county received ${i} million this year, the budget office said."),
                doc: format!("docs/budget-{}.txt", i % 40),
                line: i % 300 + 1,
                reported_by: 1 + i % 3,
                tags: vec![],
                dropped: false,
            }
        })
        .collect();
    let facts = (0..CARDS)
        .map(|i| DeckFact {
            statement: Statement {
                id: FactId(format!("f{i:015x}")),
                text: format!("${i} million"),
                value: Value::Number(i as f64 * 1e6),
                detail: Detail::from_keys(FactKind::Money, DetailKeys { currency: Some("USD".into()), qualifier: None, unit: None, speaker: None, speaker_role: None, outlet: None }).expect("detail fits kind"),
                sentence: format!("Program number {i} of the county received ${i} million this year, the budget office said."),
            },
            sources: vec![SourceRef {
                doc: format!("docs/budget-{}.txt", i % 40),
                line: i % 300 + 1,
            }],
        })
        .collect();
    Deck {
        format: 1,
        deck: DeckInfo {
            title: "Benchmark deck".into(),
            description: String::new(),
            created: "2030-01-01".into(),
            seed: 1,
            sources: vec![],
        },
        conflicts: vec![],
        facts,
        cards,
    }
}

/// Fills the database with a long history in one transaction (the store's own
/// per-answer commits would take minutes for 100,000 rows).
fn fill_history(db: &Path, deck: &Deck, deck_key: &str) {
    let mut store = Store::open(db).expect("open store");
    let conn = store.connection();
    let tx = conn.transaction().expect("tx");
    let start = Utc
        .with_ymd_and_hms(2029, 1, 1, 9, 0, 0)
        .single()
        .expect("t");
    tx.execute(
        "INSERT INTO sessions (id, deck, started_at, cram) VALUES (1, ?1, ?2, 0)",
        rusqlite::params![deck_key, start.timestamp()],
    )
    .expect("session");
    {
        let mut review = tx
            .prepare(
                "INSERT INTO reviews (session, card_id, deck, reviewed_at, day, elapsed_days, rating,
                                      judged_correct, correct, overridden, given, thinking_ms)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0, 'x', 2000)",
            )
            .expect("prepare");
        let mut state = tx
            .prepare(
                "INSERT INTO cards (card_id, deck, card_type, kind, prompt, answer, stability,
                                    difficulty, due, last_review, reps, lapses, last_rating)
                 VALUES (?1, ?2, ?3, 'money', ?4, ?5, 30.0, 5.0, ?6, ?7, ?8, 0, 3)",
            )
            .expect("prepare");
        for (i, c) in deck.cards.iter().enumerate() {
            let mut t = start;
            for r in 0..REVIEWS_PER_CARD {
                let gap = Duration::days(1 << r.min(6));
                t += gap;
                let rating = if (i + r) % 7 == 0 { 1 } else { 3 };
                review
                    .execute(rusqlite::params![
                        c.id.0,
                        deck_key,
                        t.timestamp(),
                        t.date_naive().to_string(),
                        gap.num_days(),
                        rating,
                        rating != 1,
                    ])
                    .expect("review");
            }
            // A fifth of the cards are due now; the rest later.
            let due = if i % 5 == 0 {
                Utc::now() - Duration::days(1)
            } else {
                Utc::now() + Duration::days(30)
            };
            state
                .execute(rusqlite::params![
                    c.id.0,
                    deck_key,
                    c.card_type.as_str(),
                    c.prompt,
                    c.answer,
                    due.timestamp(),
                    t.timestamp(),
                    REVIEWS_PER_CARD as i64,
                ])
                .expect("state");
        }
    }
    tx.commit().expect("commit");
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// CPU time (user + system) a process has used so far, in ms, from
/// `/proc/PID/stat` (clock ticks, normally 10 ms each). On a busy machine this
/// is a steadier figure than the wall-clock time.
fn cpu_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the parenthesized command name; utime and stime are 14th and 15th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|v| v.parse::<f64>().ok()))
        .sum();
    ticks * 10.0
}

/// Launches the binary and returns (ms to the first question, CPU ms used by
/// then, peak RSS in KiB).
fn first_question(deck: &Path, db: &Path) -> (f64, f64, u64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdeck"))
        .arg("quiz")
        .arg(deck)
        .args(["--seed", "1", "--state"])
        .arg(db)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    let elapsed = loop {
        let n = out.read(&mut buf).expect("read");
        assert!(
            n > 0,
            "quiz ended before asking: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
        if String::from_utf8_lossy(&seen).contains("── 1/") {
            break started.elapsed();
        }
    };
    let cpu = cpu_ms(child.id());
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    let peak_kib = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    drop(child.stdin.take());
    let _ = out.read_to_end(&mut seen);
    child.wait().expect("wait");
    (elapsed.as_secs_f64() * 1000.0, cpu, peak_kib)
}

fn main() {
    let dir = tempfile::tempdir().expect("tmp");
    let deck_path = dir.path().join("big.toml");
    let db = dir.path().join("state.sqlite3");
    let deck = big_deck();
    factdeck::save_deck(&deck_path, &deck, true).expect("save deck");
    let key = std::fs::canonicalize(&deck_path)
        .expect("canon")
        .display()
        .to_string();
    let t = Instant::now();
    fill_history(&db, &deck, &key);
    let deck_kib = std::fs::metadata(&deck_path).map_or(0, |m| m.len() / 1024);
    let db_kib = std::fs::metadata(&db).map_or(0, |m| m.len() / 1024);
    println!(
        "setup: {CARDS} cards ({deck_kib} KiB TOML), {} reviews ({db_kib} KiB database) in {:.1} s",
        CARDS * REVIEWS_PER_CARD,
        t.elapsed().as_secs_f64()
    );

    // In-process breakdown of start-up.
    let mut load = Vec::new();
    let mut open = Vec::new();
    let mut states_ms = Vec::new();
    let mut choose = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let d = factdeck::load_deck(&deck_path).expect("load");
        load.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let store = Store::open(&db).expect("open");
        open.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let states = store
            .load_states(d.cards.iter().map(|c| &c.id))
            .expect("states");
        states_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let order = choose_cards(&d, &states, &Selection::default(), Utc::now(), &mut rng);
        choose.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(states.len(), CARDS);
        assert!(!order.is_empty());
    }
    println!(
        "in-process (median of 5): parse+check deck TOML {:.1} ms · open db {:.1} ms · \
         load {CARDS} states {:.1} ms · choose cards {:.1} ms",
        median(load),
        median(open),
        median(states_ms),
        median(choose)
    );

    // The first run parses the TOML and caches the cards; later runs of the
    // unchanged deck read the cache.
    let (cold_ms, cold_cpu, cold_kib) = first_question(&deck_path, &db);
    let mut store = Store::open(&db).expect("open");
    let stamp: String = store
        .connection()
        .query_row("SELECT stamp FROM deck_cache", [], |r| r.get(0))
        .expect("cached");
    let mut cached = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let c = store.cached_deck(&key, &stamp).expect("read cache");
        cached.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(c.map(|c| c.cards.len()), Some(CARDS));
    }
    println!(
        "in-process: read {CARDS} cached cards {:.1} ms (median of 5)",
        median(cached)
    );
    println!(
        "binary, first run on this deck file: time to first question {cold_ms:.1} ms \
         (CPU {cold_cpu:.0} ms); peak RSS {:.1} MiB",
        cold_kib as f64 / 1024.0
    );
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..15 {
        let (ms, cpu, kib) = first_question(&deck_path, &db);
        times.push(ms);
        cpus.push(cpu);
        peaks.push(kib as f64);
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let mean_cpu = cpus.iter().sum::<f64>() / cpus.len() as f64;
    println!(
        "binary, unchanged deck: time to first question median {:.1} ms (best {best:.1} ms, \
         target < 100 ms); CPU used by then {mean_cpu:.0} ms on average; peak RSS {:.1} MiB",
        median(times),
        median(peaks) / 1024.0
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine load average while measuring: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}
