//! Speed of `quotes::find` alone: CPU MB/s over the same 20 MB corpus as
//! `benches/extract.rs` (the extraction fixtures, each copied with its digits
//! varied), with sentences and people found beforehand and not counted.
//!
//! Run with `cargo bench --bench quotes_find`. `QUOTES_REPEAT=0` skips the
//! quote finder, so `perf stat -e instructions:u` of a run with 0 and one with
//! 1 gives the instructions the quote finder spends; where hardware counters
//! are missing, `QUOTES_MB=2 QUOTES_REPEAT=1 valgrind --tool=callgrind` and
//! `callgrind_annotate --inclusive=yes` count them exactly.

use factdeck::extract::text::Text;
use factdeck::extract::{people, quotes};

/// CPU seconds this thread has used (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// The extraction fixtures, or the documents in `$FACTDECK_BENCH_DOCS`.
fn fixtures() -> Vec<String> {
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
    let dir = std::env::var("FACTDECK_BENCH_DOCS").unwrap_or_else(|_| default.to_string());
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    docs
}

/// The document with every digit shifted by `k`, so copies differ.
fn vary(doc: &str, k: u32) -> String {
    doc.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + k) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

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
