//! Speed of `quotes::find` alone: CPU MB/s over the same 20 MB corpus as
//! `benches/extract.rs` (the extraction fixtures, each copied with its digits
//! varied), with sentences and people found beforehand and not counted.
//!
//! Run with `cargo bench --bench quotes_find`. `QUOTES_REPEAT=0` skips the
//! quote finder, so `perf stat -e instructions:u` of a run with 0 and one with
//! 1 gives the instructions the quote finder spends; where hardware counters
//! are missing, `QUOTES_MB=2 QUOTES_REPEAT=1 valgrind --tool=callgrind` and
//! `callgrind_annotate --inclusive=yes` count them exactly.

mod common;
use common::{cpu_seconds, fixtures, vary};
use factdeck::extract::text::Text;
use factdeck::extract::{people, quotes};

fn main() {
    let base = fixtures();
    // QUOTES_MB shrinks the corpus for slow tools (`valgrind --tool=callgrind`).
    let target: usize = std::env::var("QUOTES_MB")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let mut corpus = Vec::new();
    let mut size = 0;
    let mut k = 0;
    while size < target * 1_000_000 && !base.is_empty() {
        for d in &base {
            let v = vary(d, k % 10);
            size += v.len();
            corpus.push(v);
        }
        k += 1;
    }
    let texts: Vec<Text<'_>> = corpus.iter().map(|d| Text::new(d)).collect();
    let found: Vec<people::People> = texts.iter().map(people::find).collect();
    let repeat: usize = std::env::var("QUOTES_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let cpu = cpu_seconds();
    let mut quotes = 0;
    for _ in 0..repeat {
        for (t, p) in texts.iter().zip(&found) {
            quotes += std::hint::black_box(quotes::find(t, p)).facts.len();
        }
    }
    let cpu = cpu_seconds() - cpu;
    let mb = size as f64 / 1e6 * repeat as f64;
    println!(
        "quotes::find: {} docs, {:.1} MB x {repeat}, {quotes} quotes, {cpu:.2} s CPU = {:.0} MB/s per core",
        corpus.len(),
        size as f64 / 1e6,
        if cpu > 0.0 { mb / cpu } else { f64::INFINITY }
    );
}
