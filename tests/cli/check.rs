//! `factdeck check`: every problem of a hand-edited deck, one a line.

use crate::common::{Scratch, factdeck};

const GOOD: &str = r#"format = 1

[deck]
title = "Bridges"
created = "2026-01-01"
seed = 1
sources = [{ path = "a.md", title = "A", sha256 = "00" }]

[[facts]]
id = "f1"
kind = "money"
text = "$18 billion"
value = 18000000000
currency = "USD"
sentence = "The council approved $18 billion for the bridge."
sources = [{ doc = "a.md", line = 3 }]

[[cards]]
id = "c1"
type = "multiple_choice"
fact = "f1"
prompt = "The council approved ____ for the bridge."
answer = "$18 billion"
options = ["$9 billion", "$18 billion", "$27 billion", "$36 billion"]
"#;

#[test]
fn a_valid_deck_is_ok() {
    let s = Scratch::new();
    let p = s.file("deck.toml", GOOD);
    let d = factdeck(["check".as_ref(), p.as_os_str()]).ok();
    assert!(d.stdout.contains("ok (1 facts, 1 cards)"), "{}", d.stdout);
}

#[test]
fn syntax_error_gives_file_line_and_column() {
    let s = Scratch::new();
    let p = s.file("deck.toml", GOOD.replace("seed = 1", "seed = = 1"));
    let d = factdeck(["check".as_ref(), p.as_os_str()]).fails();
    let line = d.stdout.lines().next().unwrap_or("");
    assert!(line.contains("deck.toml:6:"), "{}", d.stdout);
}

#[test]
fn semantic_problems_are_listed_one_per_line_with_the_card_line() {
    let s = Scratch::new();
    let bad = GOOD.replace("answer = \"$18 billion\"", "answer = \"$20 billion\"").replace(
        "\"$36 billion\"]",
        "\"$36 billion\"]\n\n[[cards]]\nid = \"c1\"\ntype = \"flashcard\"\nfact = \"f9\"\nprompt = \"?\"\n",
    );
    let p = s.file("deck.toml", bad);
    let d = factdeck(["check".as_ref(), p.as_os_str()]).fails();
    let lines: Vec<&str> = d.stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l
            .ends_with("deck.toml:18: card c1: answer \"$20 billion\" is not among its options")),
        "{}",
        d.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("deck.toml:26: card c1: unknown card type \"flashcard\"")),
        "{}",
        d.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("deck.toml:26: card c1: has no answer")),
        "{}",
        d.stdout
    );
}

#[test]
fn unknown_format_and_missing_file_fail() {
    let s = Scratch::new();
    let p = s.file("deck.toml", GOOD.replace("format = 1", "format = 2"));
    let missing = s.path("gone.toml");
    let d = factdeck(["check".as_ref(), p.as_os_str(), missing.as_os_str()]).fails();
    assert!(d.stdout.contains("unknown deck format 2"), "{}", d.stdout);
    assert!(d.stdout.contains("gone.toml"), "{}", d.stdout);
}

#[test]
fn conflicts_are_reported_without_failing() {
    let s = Scratch::new();
    let with = GOOD.replace(
        "\n[[facts]]",
        "\n[[conflicts]]\nkind = \"money\"\nsubject = \"council approved bridge\"\nfacts = [\"f1\"]\nnote = \"a.md:3 says $18 billion; b.md:4 says $20 billion\"\n\n[[facts]]",
    );
    let p = s.file("deck.toml", with);
    let d = factdeck(["check".as_ref(), p.as_os_str()]).ok();
    assert!(
        d.stdout
            .contains("warning: conflict about \"council approved bridge\""),
        "{}",
        d.stdout
    );
}

#[test]
fn a_misspelled_table_or_key_fails_with_line_column_and_suggestion() {
    let s = Scratch::new();
    let p = s.file("deck.toml", GOOD.replace("[[cards]]", "[[card]]"));
    let d = factdeck(["check".as_ref(), p.as_os_str()]).fails();
    assert!(
        d.stdout
            .contains("deck.toml:18:3: unknown table [[card]]; did you mean [[cards]]?"),
        "{}",
        d.stdout
    );
    let p = s.file("deck2.toml", GOOD.replace("answer = ", "answr = "));
    let d = factdeck(["check".as_ref(), p.as_os_str()]).fails();
    assert!(
        d.stdout
            .contains("deck2.toml:23:1: unknown key answr in [[cards]]; did you mean answer?"),
        "{}",
        d.stdout
    );
}

#[test]
fn a_field_of_another_kind_of_fact_fails_with_its_line() {
    // A money fact has a currency and a qualifier, never a speaker: the
    // deck's fact type cannot hold one, so it is named rather than dropped.
    let s = Scratch::new();
    let p = s.file(
        "deck.toml",
        GOOD.replace(
            "currency = \"USD\"",
            "currency = \"USD\"\nspeaker = \"Ana Ruiz\"",
        ),
    );
    let d = factdeck(["check".as_ref(), p.as_os_str()]).fails();
    assert!(
        d.stdout
            .contains("deck.toml:9:1: fact f1: `speaker` does not apply to a money fact"),
        "{}",
        d.stdout
    );
}

#[test]
fn a_hand_added_card_without_id_passes_with_the_line_to_write() {
    let s = Scratch::new();
    let extra = "\n[[cards]]\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"How much was approved?\"\nanswer = \"$18 billion\"\n\n[[cards]]\ntype = \"short_answer\"\nkind = \"quantity\"\nprompt = \"How many planets orbit the Sun?\"\nanswer = \"8\"\n";
    let p = s.file("deck.toml", format!("{GOOD}{extra}"));
    let d = factdeck(["check".as_ref(), p.as_os_str()]).ok();
    assert!(d.stdout.contains("ok (1 facts, 3 cards)"), "{}", d.stdout);
    assert_eq!(
        d.stdout.matches("warning: card has no id").count(),
        2,
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("write `id = \""), "{}", d.stdout);
}

#[test]
fn an_endless_deck_stops_at_the_input_cap() {
    // `/dev/zero` used to be read until memory ran out.
    for cmd in ["check", "quiz"] {
        let d = factdeck([cmd, "/dev/zero"]).fails();
        assert!(
            d.stdout.contains("larger than the input limit")
                || d.stderr.contains("larger than the input limit"),
            "{cmd}: {} {}",
            d.stdout,
            d.stderr
        );
    }
}

#[test]
fn every_deck_command_takes_max_input_size() {
    // The cap's error points at `--max-input-size`, so every command that
    // reads a deck must accept it: a small cap refuses a good deck, a large
    // one reads it.
    let s = Scratch::new();
    let deck = s.file("deck.toml", GOOD);
    let state = s.path("state.db");
    let out = s.path("out.csv");
    let (deck, state, out) = (
        deck.to_str().expect("utf-8 path"),
        state.to_str().expect("utf-8 path"),
        out.to_str().expect("utf-8 path"),
    );
    let runs: [&[&str]; 5] = [
        &["check", deck],
        &["quiz", deck, "--state", state, "--limit", "0"],
        &["stats", deck, "--state", state],
        &["export", deck, "--to", "csv", "-o", out, "--force"],
        &["review", deck, "--no-open", "--port", "1"],
    ];
    for args in runs {
        let small: Vec<&str> = args
            .iter()
            .copied()
            .chain(["--max-input-size", "100"])
            .collect();
        let d = factdeck(&small).fails();
        let said = format!("{}{}", d.stdout, d.stderr);
        assert!(
            said.contains("larger than the input limit of 100 bytes"),
            "{args:?}: {said}"
        );
    }
    // A cap the deck fits under is not an obstacle.
    factdeck(["check", deck, "--max-input-size", "1M"]).ok();
    factdeck([
        "quiz",
        deck,
        "--state",
        state,
        "--limit",
        "0",
        "--max-input-size",
        "1M",
    ])
    .ok();
}
