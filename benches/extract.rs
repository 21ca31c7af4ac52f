//! Extraction speed: MB/s per core over a corpus of at least 20 MB made of
//! many documents (the hand-written fixtures, each copied with its digits
//! varied), plus two single-document stress cases: a 20 MB file with no
//! newline, and one with no sentence punctuation at all.
//!
//! Run with `cargo bench --bench extract`; set `FACTDECK_BENCH_DOCS` to a
//! directory of articles to build the corpus from those instead.

mod common;
use common::{cpu_seconds, fixtures, vary};
use std::time::Instant;

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
