//! What the extraction benchmarks share: the corpus they read and a CPU clock.
//! Each bench compiles its own copy and may not use every item.
#![allow(dead_code)]

/// The extraction fixtures, or the documents in `$FACTDECK_BENCH_DOCS` (a
/// directory of your own articles), sorted.
pub fn fixtures() -> Vec<String> {
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
pub fn vary(doc: &str, k: u32) -> String {
    doc.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + k) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// CPU seconds this thread has used (Linux; 0 elsewhere), so that other
/// work on a busy machine does not count against the code measured.
pub fn cpu_seconds() -> f64 {
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
