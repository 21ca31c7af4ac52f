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

    let (mut t_text, mut t_people, mut t_quotes) = (0.0, 0.0, 0.0);
    for d in &docs {
        let t = Instant::now();
        let text = Text::new(d);
        t_text += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let p = people::find(&text);
        t_people += t.elapsed().as_secs_f64();
        let t = Instant::now();
        quotes::find(&text, &p);
        t_quotes += t.elapsed().as_secs_f64();
    }
    println!(
        "  split: sentences {:.1} MB/s, people {:.1} MB/s, quotes {:.1} MB/s",
        mb_per_s(bytes, t_text),
        mb_per_s(bytes, t_people),
        mb_per_s(bytes, t_quotes)
    );

    let t = Instant::now();
    let mut n_quotes = 0;
    let mut n_people = 0;
    for d in &docs {
        let text = Text::new(d);
        let p = people::find(&text);
        n_people += p.people.len();
        n_quotes += quotes::find(&text, &p).facts.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "text + people + quotes: {:.2} s = {:.1} MB/s ({n_quotes} quotes, {n_people} people)",
        s,
        mb_per_s(bytes, s)
    );

    let t = Instant::now();
    let mut facts = 0;
    for d in &docs {
        facts += extract("doc.txt", d).facts.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "whole extractor: {:.2} s = {:.1} MB/s ({facts} facts)",
        s,
        mb_per_s(bytes, s)
    );

    let unit = "Sen. Ana Ruiz said, \"we will fix every road in the county\" and “then” he 'said' ";
    let long = unit.repeat(50 * 1024 * 1024 / unit.len());
    let t = Instant::now();
    let text = Text::new(&long);
    let p = people::find(&text);
    let q = quotes::find(&text, &p);
    let s = t.elapsed().as_secs_f64();
    println!(
        "50 MB single line of quotes (text + people + quotes): {:.2} s = {:.1} MB/s ({} quotes)",
        s,
        mb_per_s(long.len(), s),
        q.facts.len()
    );
}
