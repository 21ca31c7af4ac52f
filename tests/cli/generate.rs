//! `factdeck generate`: writing decks safely and reproducibly.

use crate::common::{Scratch, factdeck};

const SHEET: &str = "# Harbor Bridge Fact Sheet\n\n\
The city council approved $18 billion for the harbor bridge on March 3, 2021.\n\n\
About 42% of residents said they would use the bridge every week.\n\n\
“We will finish the bridge before the next flood season arrives,” Mayor Dana Whitfield said.\n";

#[test]
fn writes_a_deck_that_check_accepts_and_prints_a_summary() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let out = s.path("deck.toml");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .env("SOURCE_DATE_EPOCH", "1700000000")
    .ok();
    assert!(d.stdout.contains("1 document"), "{}", d.stdout);
    assert!(d.stdout.contains("cloze"), "{}", d.stdout);
    let text = std::fs::read_to_string(&out).expect("deck written");
    assert!(text.contains("format = 1"), "{text}");
    assert!(
        text.contains("title = \"Harbor Bridge Fact Sheet\""),
        "{text}"
    );
    assert!(text.contains("created = \"2023-11-14\""), "{text}");
    assert!(text.contains("sha256 = \""), "{text}");
    factdeck(["check".as_ref(), out.as_os_str()]).ok();
}

#[test]
fn same_inputs_and_seed_give_byte_identical_decks() {
    let s = Scratch::new();
    let a = s.file("a.md", SHEET);
    let b = s.file(
        "b.txt",
        "The bridge opened on June 1, 2024, after 38 months of work.\n",
    );
    let run = |name: &str| {
        let out = s.path(name);
        factdeck([
            "generate".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--seed".as_ref(),
            "9".as_ref(),
        ])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .ok();
        std::fs::read(out).expect("deck")
    };
    assert_eq!(run("one.toml"), run("two.toml"));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let out = s.file("deck.toml", "my hand-edited deck\n");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .fails();
    assert!(d.stderr.contains("--force"), "{}", d.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "my hand-edited deck\n"
    );
    factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--force".as_ref(),
    ])
    .ok();
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("format = 1")
    );
}

#[test]
fn a_missing_document_writes_no_deck_and_names_the_file() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let missing = s.path("nope.md");
    let out = s.path("deck.toml");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        missing.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .fails();
    assert!(d.stderr.contains("nope.md"), "{}", d.stderr);
    assert!(!out.exists());
}

#[test]
fn bad_source_date_epoch_is_a_clear_error() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let out = s.path("deck.toml");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .env("SOURCE_DATE_EPOCH", "yesterday")
    .fails();
    assert!(d.stderr.contains("SOURCE_DATE_EPOCH"), "{}", d.stderr);
}

#[test]
fn unknown_card_type_is_refused_on_the_command_line() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let out = s.path("deck.toml");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--types".as_ref(),
        "cloze,essay".as_ref(),
    ])
    .run();
    assert_ne!(d.status, 0);
    assert!(d.stderr.contains("essay"), "{}", d.stderr);
}
