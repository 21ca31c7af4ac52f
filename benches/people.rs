//! Throughput of the people finder alone (`people::find`), per core, on the
//! corpus `cargo bench --bench extract` uses: the extraction fixtures, each
//! copied with its digits varied, to at least 20 MB. Sentences are split
//! before the clock starts. The corpus is walked five times; the best pass
//! is the figure to quote (the machine is shared).
//!
//! Run with `cargo bench --bench people`.

mod common;
use common::cpu_seconds;
use factdeck::extract::people;
use factdeck::extract::text::Text;
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
    let mut base: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    base.sort();
    if base.is_empty() {
        eprintln!("no fixtures found");
        return;
    }
    let mut docs = Vec::new();
    let mut size = 0;
    let mut k = 0u32;
    while size < 20_000_000 {
        for d in &base {
            let v: String = d
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(x) => char::from_digit((x + k) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect();
            size += v.len();
            docs.push(v);
        }
        k += 1;
    }
    let texts: Vec<Text<'_>> = docs.iter().map(|d| Text::new(d)).collect();
    let mb = size as f64 / 1e6;
    let mut best = 0.0f64;
    let mut people_found = 0;
    for pass in 1..=5 {
        let (cpu, wall) = (cpu_seconds(), Instant::now());
        people_found = 0;
        for t in &texts {
            people_found += std::hint::black_box(people::find(t)).people.len();
        }
        let cpu = cpu_seconds() - cpu;
        let wall = wall.elapsed().as_secs_f64();
        best = best.max(mb / cpu.max(0.01));
        println!(
            "pass {pass}: {} docs, {mb:.1} MB, {people_found} people, {wall:.3} s wall, \
             {cpu:.2} s CPU = {:.0} MB/s per core",
            texts.len(),
            mb / cpu.max(0.01)
        );
    }
    println!("people::find best: {best:.0} MB/s per core ({people_found} people)");
}
