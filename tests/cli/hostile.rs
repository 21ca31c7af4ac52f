//! Output paths and interrupted writes (issue 15): `--force` never replaces
//! anything but a regular file, `-o -` is standard output, a write stopped by
//! a file size limit leaves nothing behind, and a title's `::` stays one Anki deck.

use crate::common::*;
use std::process::Command;

const ARTICLE: &str = "# Riverside levee\n\n\
The riverside levee will cost $18 billion, the Riverton Flood Board said on March 3, 2031.\n\n\
About 40 percent of Riverton's 12,000 residents were moved before the flood.\n\n\
\"We will finish the barrier by 2033,\" said Mayor Ellen Park.\n";

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".factdeck-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn force_never_turns_a_fifo_into_a_regular_file() {
    use std::os::unix::fs::FileTypeExt;
    let s = Scratch::new();
    let doc = s.file("a.md", ARTICLE);
    let fifo = s.path("out.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    for force in [false, true] {
        let mut args = vec![
            "generate".into(),
            doc.clone().into_os_string(),
            "-o".into(),
            fifo.clone().into_os_string(),
        ];
        if force {
            args.push("--force".into());
        }
        let d = factdeck(args).fails();
        assert!(d.stderr.contains("FIFO"), "{}", d.stderr);
        assert!(!d.stderr.contains("already exists"), "{}", d.stderr);
    }
    let ft = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
    assert!(ft.is_fifo(), "the FIFO was replaced by a file");
}

#[test]
fn dash_writes_the_deck_to_standard_output() {
    let s = Scratch::new();
    let doc = s.file("a.md", ARTICLE);
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        "-".as_ref(),
    ])
    .ok();
    assert!(d.stdout.contains("\nformat = 1\n"), "{}", d.stdout);
    assert!(d.stdout.contains("[[cards]]"), "{}", d.stdout);
    // The summary goes to stderr, so the deck on stdout stays valid TOML.
    assert!(!d.stdout.contains("wrote -"), "{}", d.stdout);
    assert!(d.stderr.contains("wrote -"), "{}", d.stderr);
    assert!(!s.path("-").exists());
    let deck = s.file("deck.toml", &d.stdout);
    let csv = factdeck([
        "export".as_ref(),
        deck.as_os_str(),
        "--to".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        "-".as_ref(),
    ])
    .ok();
    assert!(csv.stdout.lines().count() > 2, "{}", csv.stdout);
}

#[cfg(unix)]
#[test]
fn a_write_stopped_by_a_file_size_limit_leaves_no_temporary_file() {
    let s = Scratch::new();
    let doc = s.file("a.md", ARTICLE.repeat(20));
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"ulimit -f 2; exec "$0" generate "$1" -o "$2""#)
        .arg(bin())
        .arg(&doc)
        .arg(s.path("deck.toml"))
        .current_dir(s.dir.path())
        .output()
        .expect("bash");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "killed instead of failing: {err}"
    );
    assert!(err.contains("deck.toml"), "{err}");
    assert!(!s.path("deck.toml").exists());
    assert_eq!(leftovers(s.dir.path()), Vec::<String>::new());
}

#[test]
fn a_title_with_double_colons_stays_one_anki_deck() {
    let s = Scratch::new();
    let doc = s.file("a.md", ARTICLE);
    let deck = s.path("deck.toml");
    factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        deck.as_os_str(),
        "--title".as_ref(),
        "Civics :: Levee".as_ref(),
    ])
    .ok();
    let out = s.path("anki.txt");
    factdeck([
        "export".as_ref(),
        deck.as_os_str(),
        "--to".as_ref(),
        "anki-text".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .ok();
    let text = std::fs::read_to_string(&out).expect("read");
    let first = text.lines().find(|l| !l.starts_with('#')).expect("a note");
    let deck_field = first.split('\t').nth(1).expect("deck column");
    assert_eq!(deck_field, "Civics : Levee", "{first}");
}
