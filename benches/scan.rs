//! Speed of the number pass alone (`scan::find`: dates, money, percents,
//! quantities): CPU MB/s over the extraction fixtures, each copied with its
//! digits varied until the corpus is 20 MB, with the sentence split done
//! beforehand so only the pass itself is timed. Prints a checksum of what
//! it found so a speed change that alters the output shows.
//!
//! Run with `cargo bench --bench scan`; set `FACTDECK_BENCH_DOCS` to a
//! directory of articles to build the corpus from those instead,
//! `FACTDECK_BENCH_MB` for another corpus size and `FACTDECK_BENCH_ROUNDS`
//! for another number of timed rounds (the best is reported).

mod common;
use common::{cpu_seconds, fixtures, vary};
use factdeck::extract::{scan, text::Text};

/// FNV-1a over the facts' kinds, spans and values: equal sums, equal output.
fn checksum(sum: &mut u64, found: &[factdeck::extract::Found]) {
    for f in found {
        let line = format!(
            "{:?}{}{}{:?}{:?}{:?}{:?}",
            f.kind,
            f.start,
            f.end,
            f.value,
            f.currency(),
            f.qualifier(),
            f.unit()
        );
        for b in line.bytes() {
            *sum = (*sum ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

fn main() {
    let base = fixtures();
    if base.is_empty() {
        eprintln!("no fixtures found");
        return;
    }
    let mut corpus = Vec::new();
    let target: usize = std::env::var("FACTDECK_BENCH_MB")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(20)
        * 1_000_000;
    let mut size = 0;
    let mut k = 0;
    while size < target {
        for d in &base {
            let v = vary(d, k % 10);
            size += v.len();
            corpus.push(v);
        }
        k += 1;
    }
    let texts: Vec<Text<'_>> = corpus.iter().map(|d| Text::new(d)).collect();
    let mb = size as f64 / 1e6;
    let rounds = std::env::var("FACTDECK_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut best = f64::INFINITY;
    let mut sum = 0xcbf2_9ce4_8422_2325u64;
    let mut facts = 0;
    for round in 0..rounds {
        let t = cpu_seconds();
        let mut all = Vec::with_capacity(texts.len());
        for text in &texts {
            all.push(scan::find(text));
        }
        best = best.min(cpu_seconds() - t);
        if round == 0 {
            for found in &all {
                facts += found.len();
                checksum(&mut sum, found);
            }
        }
    }
    println!(
        "scan::find: {mb:.1} MB, {facts} facts, checksum {sum:016x}, best of {rounds}: \
         {best:.2} s CPU = {:.0} MB/s per core",
        mb / best
    );
}
