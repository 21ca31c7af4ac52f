//! Extraction speed: MB/s per core over a corpus of at least 20 MB made of
//! many documents (the hand-written fixtures, each copied with its digits
//! varied), plus two single-document stress cases: a 20 MB file with no
//! newline, and one with no sentence punctuation at all.
//!
//! Run with `cargo bench --bench extract`; set `FACTDECK_BENCH_DOCS` to a
//! directory of articles to build the corpus from those instead.

use std::time::Instant;

/// The documents the corpus is built from: `$FACTDECK_BENCH_DOCS` (a
/// directory of your own articles) or the extraction fixtures.
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

/// CPU seconds this thread has used (Linux; 0 elsewhere), so that other
/// work on a busy machine does not count against the extractor.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line; 100 ticks a second.
    (ticks(11) + ticks(12)) / 100.0
}

fn run(label: &str, docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let cpu = cpu_seconds();
    let t = Instant::now();
    let mut facts = 0usize;
    for (n, d) in docs.iter().enumerate() {
        facts += factdeck::extract_facts(&format!("doc{n}.txt"), d)
            .facts
            .len();
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let mb = bytes as f64 / 1e6;
    println!(
        "{label}: {} docs, {mb:.1} MB, {facts} facts, {secs:.2} s wall = {:.1} MB/s, \
         {cpu:.2} s CPU = {:.1} MB/s per core",
        docs.len(),
        mb / secs,
        mb / cpu
    );
}

/// Time of the stages alone: sentence splitting, then the number pass.
fn stages(docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let cpu = cpu_seconds();
    let mut n = 0;
    for d in docs {
        n += factdeck::extract::text::Text::new(d).sentences.len();
    }
    let split = cpu_seconds() - cpu;
    let cpu = cpu_seconds();
    let mut f = 0;
    for d in docs {
        let text = factdeck::extract::text::Text::new(d);
        f += factdeck::extract::scan::find(&text).len();
    }
    let both = cpu_seconds() - cpu;
    println!(
        "  CPU: sentences {:.1} MB/s ({n}); sentences + numbers and dates {:.1} MB/s ({f} facts)",
        mb / split,
        mb / both
    );
}

fn main() {
    let base = fixtures();
    if base.is_empty() {
        eprintln!("no fixtures found");
        return;
    }
    let mut corpus = Vec::new();
    let mut size = 0;
    let mut k = 0;
    while size < 20_000_000 {
        for d in &base {
            let v = vary(d, k % 10);
            size += v.len();
            corpus.push(v);
        }
        k += 1;
    }
    run("corpus", &corpus);
    stages(&corpus);
    let one_line: String = base.concat().replace('\n', " ");
    let big = one_line.repeat(20_000_000 / one_line.len() + 1);
    run("no newline", &[big]);
    let flat: String = base
        .concat()
        .chars()
        .filter(|c| !matches!(c, '.' | '!' | '?' | '\n'))
        .collect();
    let big = flat.repeat(20_000_000 / flat.len() + 1);
    run("no punctuation", &[big]);
}
