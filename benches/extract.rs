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

/// CPU time of each stage over the corpus: sentence splitting, the number
/// pass, people, quotes, building the facts (sentence, line, id), and JSON.
/// Each pass runs the stages up to one more than the last; the differences
/// are the stages' costs.
fn stages(docs: &[String]) {
    use factdeck::extract::{people, quotes, scan, text::Text};
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let mut out = Vec::with_capacity(1 << 20);
    let mut upto = |k: usize| {
        let t = cpu_seconds();
        for (n, d) in docs.iter().enumerate() {
            if k >= 4 {
                let ex = factdeck::extract_facts(&format!("doc{n}.txt"), d);
                if k >= 5 {
                    for f in &ex.facts {
                        serde_json::to_writer(&mut out, f).ok();
                        out.push(b'\n');
                    }
                    out.clear();
                }
                continue;
            }
            let text = Text::new(d);
            if k >= 1 {
                std::hint::black_box(scan::find(&text));
            }
            if k >= 2 {
                let who = people::find(&text);
                if k >= 3 {
                    std::hint::black_box(quotes::find(&text, &who));
                }
            }
        }
        cpu_seconds() - t
    };
    let cum: Vec<f64> = (0..6).map(&mut upto).collect();
    let rate = |k: usize| {
        let s = cum[k] - if k > 0 { cum[k - 1] } else { 0.0 };
        if s > 0.0 { mb / s } else { f64::INFINITY }
    };
    println!(
        "  CPU MB/s by stage: sentences {:.0}, numbers+dates {:.0}, people {:.0}, \
         quotes {:.0}, facts {:.0}, json {:.0}",
        rate(0),
        rate(1),
        rate(2),
        rate(3),
        rate(4),
        rate(5)
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
