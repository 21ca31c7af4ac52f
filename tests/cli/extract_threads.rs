//! `factdeck extract` over many files: the worker threads print in the
//! order the files were given, exactly as one thread does, with every
//! message and the exit status kept.

use crate::common::*;
use std::path::PathBuf;

/// Many small documents (some with no facts), a binary file, a missing
/// one, one with bad UTF-8 and one long enough to be printed in pieces.
fn corpus(s: &Scratch) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for i in 0..60 {
        let text = match i % 4 {
            0 => format!(
                "On March {}, 2024, the board approved ${i}.5 million.\n",
                i % 28 + 1
            ),
            1 => format!(
                "About {i}% of the {} residents said \"yes,\" Mayor Ann Lee said.\n",
                i * 10
            ),
            2 => "Nothing to count here.\n".to_string(),
            _ => format!("# Notes {i}\n\n- The fund grew {i} percent in 2019.\n"),
        };
        files.push(s.file(&format!("d{i:02}.md"), text));
        match i {
            10 => files.push(s.file("img.png", [0x89u8, b'P', 0, 0])),
            20 => files.push(s.path("missing.txt")),
            30 => files.push(s.file("bad.txt", b"In 2020 it cost \xff $3 million.\n")),
            40 => {
                let long =
                    "The city spent $4.5 million on March 3, 2024, for 1,200 homes. ".repeat(6000);
                files.push(s.file("long.txt", long));
            }
            _ => {}
        }
    }
    files
}

fn extract_with(threads: &str, files: &[PathBuf], format: &str) -> Done {
    let mut args = vec![
        "extract".into(),
        "--format".into(),
        format.into(),
        "--people".into(),
    ];
    args.extend(files.iter().map(|f| f.clone().into_os_string()));
    factdeck(args).env("RAYON_NUM_THREADS", threads).run()
}

#[test]
fn threads_print_what_one_thread_prints_in_the_same_order() {
    let s = Scratch::new();
    let files = corpus(&s);
    for format in ["json", "table"] {
        let one = extract_with("1", &files, format);
        assert_eq!(one.status, 1, "a missing file makes the exit status 1");
        assert!(one.stdout.len() > 300_000, "the long document is there");
        for threads in ["2", "3", "8"] {
            let many = extract_with(threads, &files, format);
            assert_eq!(many.status, one.status, "{threads} threads, {format}");
            assert!(
                many.stdout == one.stdout,
                "{threads} threads, {format}: stdout differs"
            );
            assert_eq!(many.stderr, one.stderr, "{threads} threads, {format}");
        }
    }
}

#[test]
fn messages_come_in_file_order() {
    let s = Scratch::new();
    let files = corpus(&s);
    let d = extract_with("4", &files, "json");
    let at = |needle: &str| {
        d.stderr
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}: {}", d.stderr))
    };
    assert!(at("img.png") < at("missing.txt"), "{}", d.stderr);
    assert!(at("missing.txt") < at("bad.txt"), "{}", d.stderr);
    // Facts come document by document, in the order given.
    let docs: Vec<String> = json_lines(&d.stdout)
        .iter()
        .filter_map(|v| v["doc"].as_str().map(str::to_string))
        .collect();
    let mut order: Vec<&String> = docs.iter().collect();
    order.dedup();
    let given: Vec<String> = files
        .iter()
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    let positions: Vec<usize> = order
        .iter()
        .map(|d| given.iter().position(|g| g == *d).unwrap_or(usize::MAX))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}
