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

/// The command that makes `decks/apollo-11.toml` from `decks/apollo-11.md`.
const EXAMPLE_ARGS: &[&str] = &[
    "generate",
    "decks/apollo-11.md",
    "--title",
    "Apollo 11",
    "--description",
    "The first crewed Moon landing, July 1969: an example deck made by factdeck.",
    "--seed",
    "11",
    "--force",
    "-o",
];
const EXAMPLE_EPOCH: &str = "1767225600";

#[test]
fn example_deck_is_in_sync_with_its_fact_sheet() {
    let root = env!("CARGO_MANIFEST_DIR");
    let s = Scratch::new();
    let out = s.path("apollo-11.toml");
    let mut args: Vec<std::ffi::OsString> = EXAMPLE_ARGS.iter().map(Into::into).collect();
    args.push(out.clone().into());
    factdeck(args)
        .current_dir(root)
        .env("SOURCE_DATE_EPOCH", EXAMPLE_EPOCH)
        .ok();
    let fresh = std::fs::read_to_string(&out).expect("generated deck");
    let kept = std::fs::read_to_string(format!("{root}/decks/apollo-11.toml")).unwrap_or_default();
    assert!(
        fresh == kept,
        "decks/apollo-11.toml is out of date with decks/apollo-11.md or the generator; refresh it with\n  \
         SOURCE_DATE_EPOCH={EXAMPLE_EPOCH} cargo run -- {} decks/apollo-11.toml\nand review the diff",
        EXAMPLE_ARGS
            .iter()
            .map(|a| if a.contains(' ') {
                format!("\"{a}\"")
            } else {
                a.to_string()
            })
            .collect::<Vec<_>>()
            .join(" ")
    );
    factdeck(["check", "decks/apollo-11.toml"])
        .current_dir(root)
        .ok();
}

const UPDATE: &str = "# Bridge update\n\n\
The city council approved $20 billion for the harbor bridge, officials said on Monday.\n\n\
The bridge opened on June 1, 2024, after 38 months of work.\n";

const SPEAKERS: &str = "# Who said what\n\n\
“I designed the Harbor Bridge to carry more than ten thousand trucks each day,” said Omar Haddad, the chief engineer.\n\n\
Transit director Lena Moreau said: “I will run Route 9 buses across the bridge every ten minutes at rush hour.”\n";

fn generate_in(s: &Scratch, docs: &[&str], extra: &[&str]) -> (crate::common::Done, String) {
    let out = s.path("deck.toml");
    let mut args: Vec<std::ffi::OsString> = vec!["generate".into()];
    args.extend(docs.iter().map(|d| s.path(d).into_os_string()));
    args.extend(["-o".into(), out.clone().into_os_string(), "--force".into()]);
    args.extend(extra.iter().map(Into::into));
    let d = factdeck(args).env("SOURCE_DATE_EPOCH", "1700000000").ok();
    let text = std::fs::read_to_string(&out).expect("deck written");
    (d, text)
}

#[test]
fn conflicting_documents_are_reported_by_generate_and_check() {
    let s = Scratch::new();
    s.file("sheet.md", SHEET);
    s.file("update.md", UPDATE);
    let (d, text) = generate_in(&s, &["sheet.md", "update.md"], &[]);
    assert!(d.stdout.contains("1 conflict"), "{}", d.stdout);
    assert!(
        d.stderr.contains("says $18 billion") && d.stderr.contains("says $20 billion"),
        "{}",
        d.stderr
    );
    assert!(text.contains("[[conflicts]]"), "{text}");
    // Neither disputed figure is asked about.
    assert!(!text.contains("answer = \"$18 billion\""), "{text}");
    let c = factdeck(["check".as_ref(), s.path("deck.toml").as_os_str()]).ok();
    assert!(c.stdout.contains("warning: conflict"), "{}", c.stdout);
}

#[test]
fn quotes_become_who_said_cards_with_people_from_the_documents() {
    let s = Scratch::new();
    s.file("sheet.md", SHEET);
    s.file("speakers.md", SPEAKERS);
    let (_, text) = generate_in(&s, &["sheet.md", "speakers.md"], &["--types", "who_said"]);
    let cards: Vec<&str> = text.split("[[cards]]").skip(1).collect();
    assert!(!cards.is_empty(), "{text}");
    for c in &cards {
        assert!(c.contains("type = \"who_said\""), "{c}");
        for name in ["Dana Whitfield", "Omar Haddad", "Lena Moreau"] {
            if c.contains(&format!("answer = \"{name}\"")) {
                assert!(c.contains("options = ["), "{c}");
            }
        }
    }
    assert!(text.contains("answer = \"Omar Haddad\""), "{text}");
}

#[test]
fn max_cards_and_types_limit_the_deck() {
    let s = Scratch::new();
    s.file("sheet.md", SHEET);
    s.file("speakers.md", SPEAKERS);
    let (d, text) = generate_in(
        &s,
        &["sheet.md", "speakers.md"],
        &["--max-cards", "3", "--types", "cloze,short_answer"],
    );
    assert_eq!(text.matches("[[cards]]").count(), 3, "{text}");
    assert!(d.stdout.contains("3 cards"), "{}", d.stdout);
    assert!(!text.contains("type = \"multiple_choice\""), "{text}");
}

#[test]
fn summary_lists_only_the_requested_card_types() {
    let s = Scratch::new();
    let doc = s.file("sheet.md", SHEET);
    let out = s.path("deck.toml");
    let d = factdeck([
        "generate".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--types".as_ref(),
        "cloze,true_false".as_ref(),
    ])
    .ok();
    assert!(d.stdout.contains("cards: cloze "), "{}", d.stdout);
    assert!(d.stdout.contains("true_false "), "{}", d.stdout);
    // "multiple_choice 0" read as if multiple choice had failed.
    assert!(!d.stdout.contains("multiple_choice"), "{}", d.stdout);
}

/// A release with a date line, a "Today," lead, a role noun, a connective, a
/// quotation with a figure in it, an FAQ heading and a contact line.
const RELEASE: &str = "# Lakeside Opens Its New Ferry Terminal\n\n\
Released April 8, 2025\n\n\
Today, Lakeside Port Authority opened a terminal that can board 1,800 passengers an hour.\n\n\
Mayor Priya Anand cut the ribbon at noon. The mayor said the terminal cost $64 million to build.\n\n\
But Lakeside Port Authority expects ridership to grow 30% by 2030.\n\n\
“I watched 2 million riders squeeze through a tent for nine years and nobody complained,” Anand said.\n\n\
Will fares rise in 2026?\n\n\
For more information, call (555) 010-2025 before May 1, 2025.\n";

fn deck_of(s: &Scratch, extra: &[&str]) -> (String, toml::Table) {
    let doc = s.file("release.md", RELEASE);
    let out = s.path("release.toml");
    let mut args: Vec<std::ffi::OsString> = vec![
        "generate".into(),
        doc.into(),
        "-o".into(),
        out.clone().into(),
        "--force".into(),
    ];
    args.extend(extra.iter().map(Into::into));
    factdeck(args).env("SOURCE_DATE_EPOCH", "1750000000").ok();
    factdeck(["check".as_ref(), out.as_os_str()]).ok();
    let text = std::fs::read_to_string(&out).expect("deck");
    let table: toml::Table = text.parse().expect("toml");
    (text, table)
}

fn prompts(deck: &toml::Table) -> Vec<String> {
    deck["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["prompt"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn cards_stand_alone_and_say_what_was_rewritten() {
    let s = Scratch::new();
    let (text, deck) = deck_of(&s, &[]);
    let prompts = prompts(&deck);
    let all = prompts.join("\n");
    // "Today," is anchored to the release's date, "The mayor" named, "But" dropped.
    assert!(
        all.contains("On April 8, 2025, Lakeside Port Authority opened"),
        "{all}"
    );
    assert!(
        all.contains("Mayor Priya Anand said the terminal cost"),
        "{all}"
    );
    assert!(!all.contains("But "), "{all}");
    assert!(!all.to_lowercase().contains("today"), "{all}");
    // What was changed is on the card; the source sentence is kept.
    assert!(text.contains("rewritten = ["), "{text}");
    assert!(
        text.contains("Today, Lakeside Port Authority opened"),
        "{text}"
    );
    // Trivia gives no card: the FAQ question, the contact line, the figure in the quote.
    assert!(!all.contains("fares"), "{all}");
    assert!(!all.contains("more information"), "{all}");
    assert!(!all.contains("I watched ____"), "{all}");
    assert!(all.contains("“I watched 2 million riders"), "{all}");
    // One card per fact, one per sentence.
    let facts: Vec<&str> = deck["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["fact"].as_str().unwrap_or_default())
        .collect();
    let unique: std::collections::HashSet<&&str> = facts.iter().collect();
    assert_eq!(unique.len(), facts.len(), "{all}");
}

#[test]
fn per_fact_asks_for_more_cards_of_each_fact() {
    let s = Scratch::new();
    let (_, one) = deck_of(&s, &[]);
    let (_, two) = deck_of(&s, &["--per-fact", "2"]);
    let n = |d: &toml::Table| d["cards"].as_array().map_or(0, Vec::len);
    assert!(n(&two) > n(&one), "{} vs {}", n(&two), n(&one));
    let bad = factdeck(["generate", "x.md", "-o", "y.toml", "--per-fact", "0"]).fails();
    assert!(bad.stderr.contains("--per-fact"), "{}", bad.stderr);
}
