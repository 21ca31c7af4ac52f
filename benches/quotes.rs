//! Throughput of the quote and people finders, alone and inside the whole
//! extractor, on a corpus of at least 20 MB made of many documents (the
//! hand-written fixtures in `tests/fixtures/quotes`, renamed per copy so the
//! people differ), plus one 50 MB single-line document full of quotation marks
//! (checks there is no quadratic slow-down).
//!
//! Run with `cargo bench --bench quotes`. Single-threaded: figures are per core.

use factdeck::extract::text::Text;
use factdeck::extract::{extract, people, quotes};
use std::path::Path;
use std::time::Instant;

/// CPU seconds this process has used (user + system), from /proc on Linux:
/// on a busy machine wall-clock time says little about per-core speed.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `f`, returning its result, wall seconds and CPU seconds.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (w, c) = (Instant::now(), cpu_secs());
    let out = f();
    (out, w.elapsed().as_secs_f64(), cpu_secs() - c)
}

const CORPUS_BYTES: usize = 20 * 1024 * 1024;

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut docs: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    docs.sort();
    docs
}

fn corpus() -> Vec<String> {
    let base = fixtures();
    let surnames = [
        "Halvorsen",
        "Mbeki",
        "Castellano",
        "Nguyen",
        "Oduya",
        "Brandt",
    ];
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < CORPUS_BYTES {
        let doc = &base[i % base.len()];
        // Each copy a few times over, with one surname swapped, as a longer article.
        let swapped = doc.replace("Vance", surnames[i % surnames.len()]);
        let text = swapped.repeat(8);
        total += text.len();
        out.push(text);
        i += 1;
    }
    out
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1_048_576.0 / secs.max(1e-9)
}

fn main() {
    // FACTDECK_BENCH_CORPUS=dir measures on the documents of another corpus.
    let docs = match std::env::var_os("FACTDECK_BENCH_CORPUS") {
        Some(dir) => {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .expect("corpus directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        }
        None => corpus(),
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {} documents, {:.1} MB",
        docs.len(),
        bytes as f64 / 1_048_576.0
    );

    // Each stage over the whole corpus, in CPU time (the machine may be shared).
    let (texts, w1, c1) = timed(|| docs.iter().map(|d| Text::new(d)).collect::<Vec<_>>());
    let (found, w2, c2) = timed(|| texts.iter().map(people::find).collect::<Vec<_>>());
    let (n_quotes, w3, c3) = timed(|| {
        texts
            .iter()
            .zip(&found)
            .map(|(t, p)| quotes::find(t, p).facts.len())
            .sum::<usize>()
    });
    let n_people: usize = found.iter().map(|p| p.people.len()).sum();
    println!(
        "people + quotes: {:.1} MB/s per core (CPU {:.2} s, wall {:.2} s; {n_quotes} quotes, {n_people} people)",
        mb_per_s(bytes, c2 + c3),
        c2 + c3,
        w2 + w3
    );
    println!(
        "  by stage (CPU): sentences {:.0} MB/s, people {:.0} MB/s, quotes {:.0} MB/s (wall {w1:.2} s, {w2:.2} s, {w3:.2} s)",
        mb_per_s(bytes, c1),
        mb_per_s(bytes, c2),
        mb_per_s(bytes, c3)
    );
    drop((found, texts));

    let (facts, wall, cpu) = timed(|| {
        docs.iter()
            .map(|d| extract("doc.txt", d).facts.len())
            .sum::<usize>()
    });
    println!(
        "whole extractor: {:.1} MB/s per core (CPU {cpu:.2} s, wall {wall:.2} s; {facts} facts)",
        mb_per_s(bytes, cpu)
    );

    let unit = "Sen. Ana Ruiz said, \"we will fix every road in the county\" and “then” he 'said' ";
    let long = unit.repeat(50 * 1024 * 1024 / unit.len());
    let (q, wall, cpu) = timed(|| {
        let text = Text::new(&long);
        let p = people::find(&text);
        quotes::find(&text, &p).facts.len()
    });
    println!(
        "50 MB single line of quotes (text + people + quotes): {:.1} MB/s per core (CPU {cpu:.2} s, wall {wall:.2} s; {q} quotes)",
        mb_per_s(long.len(), cpu)
    );
}
