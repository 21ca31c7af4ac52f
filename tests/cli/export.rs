//! `factdeck export`: every format through the real binary, plus the checks that
//! need outside tools: Anki's own backend imports the Anki exports, and headless
//! Chromium prints the cards and worksheets.
//!
//! The outside tools are optional on a developer machine (the test prints how to
//! install them and passes) but required when `CI` is set.

use crate::common::{Scratch, factdeck};
use factdeck::model::{
    Card, CardId, CardType, DECK_FORMAT, Deck, DeckFact, DeckInfo, Detail, DetailKeys, FactId,
    FactKind, SourceRef, Statement, Value,
};
use std::path::{Path, PathBuf};
use std::process::Command;

// ------------------------------------------------------------ test decks

struct Spec {
    fact: &'static str,
    card_type: CardType,
    kind: FactKind,
    prompt: &'static str,
    hint: Option<&'static str>,
    answer: &'static str,
    options: &'static [&'static str],
    explanation: Option<&'static str>,
    sentence: &'static str,
    line: usize,
}

const LONG_QUOTE: &str = "We are not going to patch this bridge one more time and call it \
progress; we are going to rebuild it from the piers up, open the books on every dollar we \
spend, invite anyone who doubts us to walk the site with the engineers on Saturday \
mornings, and finish the job before the autumn rains make the river road impassable again";

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            fact: "bridge-fund",
            card_type: CardType::Cloze,
            kind: FactKind::Money,
            prompt: "The council set aside ____ for the Elm Street bridge.",
            hint: Some("a dollar amount"),
            answer: "$4.2 million",
            options: &[],
            explanation: Some("The bridge fund is $4.2 million."),
            sentence: "The council set aside $4.2 million for the Elm Street bridge.",
            line: 3,
        },
        Spec {
            fact: "bridge-fund",
            card_type: CardType::MultipleChoice,
            kind: FactKind::Money,
            prompt: "How much did the council set aside for the Elm Street bridge?",
            hint: None,
            answer: "$4.2 million",
            options: &["$2.4 million", "$4.2 million", "$6 million", "$420,000"],
            explanation: None,
            sentence: "The council set aside $4.2 million for the Elm Street bridge.",
            line: 3,
        },
        Spec {
            fact: "parks",
            card_type: CardType::MultipleChoice,
            kind: FactKind::Percent,
            prompt: "By how much did the <script>alert('x')</script> & parks budget grow?",
            hint: None,
            answer: "12% & more",
            options: &["8%", "12% & more", "15%", "<b>20%</b>"],
            explanation: None,
            sentence: "The parks budget grew 12% & more, said <the> clerk.",
            line: 7,
        },
        Spec {
            fact: "quote-lind",
            card_type: CardType::WhoSaid,
            kind: FactKind::Quote,
            prompt: "Who said this about the bridge?",
            hint: Some("who said it"),
            answer: "Mara Lind",
            options: &["Mara Lind", "Tomas Reyes", "Ada Brook", "Jon Ferris"],
            explanation: None,
            sentence: "\"We are not going to patch this bridge,\" said Mayor Mara Lind.",
            line: 4,
        },
        Spec {
            fact: "quote-reyes",
            card_type: CardType::WhoSaid,
            kind: FactKind::Quote,
            prompt: "Who said: “Every library branch stays open on Sundays.”",
            hint: Some("who said it"),
            answer: "Tomas Reyes",
            options: &["Tomas Reyes", "Mara Lind", "Ada Brook"],
            explanation: None,
            sentence: "\"Every library branch stays open on Sundays,\" Councilor Tomas Reyes said.",
            line: 14,
        },
        Spec {
            fact: "next-meeting",
            card_type: CardType::TrueFalse,
            kind: FactKind::Date,
            prompt: "The next council meeting is on 14 May 2025.",
            hint: None,
            answer: "False",
            options: &["True", "False"],
            explanation: Some("The next council meeting is on 21 May 2025."),
            sentence: "The next council meeting is on 21 May 2025.",
            line: 9,
        },
        Spec {
            fact: "speakers",
            card_type: CardType::ShortAnswer,
            kind: FactKind::Quantity,
            prompt: "How many residents spoke during public comment?",
            hint: Some("a number"),
            answer: "37",
            options: &[],
            explanation: None,
            sentence: "In all, 37 residents spoke during public comment.",
            line: 11,
        },
        Spec {
            fact: "speakers",
            card_type: CardType::Cloze,
            kind: FactKind::Quantity,
            prompt: "In all, ____ residents spoke during public comment.",
            hint: Some("a number"),
            answer: "37",
            options: &[],
            explanation: None,
            sentence: "In all, 37 residents spoke during public comment.",
            line: 11,
        },
        Spec {
            fact: "levy-date",
            card_type: CardType::Cloze,
            kind: FactKind::Date,
            prompt: "Voters decide the library levy on ____.",
            hint: Some("a date"),
            answer: "4 November 2025",
            options: &[],
            explanation: None,
            sentence: "Voters decide the library levy on 4 November 2025.",
            line: 16,
        },
        Spec {
            fact: "pools",
            card_type: CardType::TrueFalse,
            kind: FactKind::Quantity,
            prompt: "The city will reopen three public pools this summer, after repairs to \
the filtration systems that were damaged in the winter floods, and will extend evening \
hours at each pool through the end of August for families who work during the day.",
            hint: None,
            answer: "True",
            options: &["True", "False"],
            explanation: None,
            sentence: "The city will reopen three public pools this summer.",
            line: 18,
        },
        Spec {
            fact: "fees",
            card_type: CardType::ShortAnswer,
            kind: FactKind::Percent,
            prompt: "By what percentage will permit fees rise?",
            hint: Some("a percentage"),
            answer: "3.5%",
            options: &[],
            explanation: Some("Permit fees rise 3.5% next year."),
            sentence: "Permit fees rise 3.5% next year.",
            line: 20,
        },
    ]
}

fn card_from(s: &Spec) -> Card {
    let fact = FactId(s.fact.to_string());
    Card {
        id: CardId::of(&fact, s.card_type),
        card_type: s.card_type,
        fact,
        kind: s.kind,
        prompt: s.prompt.to_string(),
        hint: s.hint.map(str::to_string),
        answer: s.answer.to_string(),
        options: s.options.iter().map(|o| o.to_string()).collect(),
        accepted: Vec::new(),
        explanation: s.explanation.map(str::to_string),
        rewritten: Vec::new(),
        sentence: s.sentence.to_string(),
        doc: "riverton-minutes.md".to_string(),
        line: s.line,
        reported_by: 1,
        tags: vec!["council meeting".to_string()],
        dropped: false,
    }
}

/// The test deck; `regenerated` is the same deck made again later: two cards
/// reworded (same ids), one new card.
fn sample_deck(regenerated: bool) -> Deck {
    let mut cards: Vec<Card> = specs().iter().map(card_from).collect();
    if regenerated {
        cards[0].hint = Some("an amount in dollars".into());
        cards[1].options = vec![
            "$4.2 million".into(),
            "$3 million".into(),
            "$2.4 million".into(),
            "$5.5 million".into(),
        ];
        cards.push(card_from(&Spec {
            fact: "trees",
            card_type: CardType::Cloze,
            kind: FactKind::Quantity,
            prompt: "Crews will plant ____ street trees by June.",
            hint: Some("a number"),
            answer: "250",
            options: &[],
            explanation: None,
            sentence: "Crews will plant 250 street trees by June.",
            line: 22,
        }));
        // A new card for a fact the first deck had: Anki adds it to that note.
        cards.push(card_from(&Spec {
            fact: "levy-date",
            card_type: CardType::ShortAnswer,
            kind: FactKind::Date,
            prompt: "On what date do voters decide the library levy?",
            hint: Some("a date"),
            answer: "4 November 2025",
            options: &[],
            explanation: None,
            sentence: "Voters decide the library levy on 4 November 2025.",
            line: 16,
        }));
    }
    let facts = vec![DeckFact {
        statement: Statement {
            id: FactId("quote-lind".into()),
            text: LONG_QUOTE.into(),
            value: Value::Text(LONG_QUOTE.into()),
            detail: Detail::from_keys(
                FactKind::Quote,
                DetailKeys {
                    currency: None,
                    qualifier: None,
                    unit: None,
                    speaker: Some("Mara Lind".into()),
                    speaker_role: Some("Mayor".into()),
                    outlet: None,
                },
            )
            .expect("detail fits kind"),
            sentence: "\"We are not going to patch this bridge,\" said Mayor Mara Lind.".into(),
        },
        sources: vec![SourceRef {
            doc: "riverton-minutes.md".into(),
            line: 4,
        }],
    }];
    // Every card needs its fact in the deck (check refuses dangling cards).
    let mut facts = facts;
    for c in &cards {
        if !facts.iter().any(|f| f.id == c.fact) {
            facts.push(DeckFact {
                statement: Statement {
                    id: c.fact.clone(),
                    text: c.answer.clone(),
                    // A placeholder fact: a true/false answer is no figure.
                    value: if c.answer.chars().any(|ch| ch.is_ascii_digit())
                        || matches!(c.kind, FactKind::Date | FactKind::Quote)
                    {
                        Value::Text(c.answer.clone())
                    } else {
                        Value::Number(1.0)
                    },
                    detail: Detail::from_keys(
                        c.kind,
                        DetailKeys {
                            currency: None,
                            qualifier: None,
                            unit: None,
                            speaker: None,
                            speaker_role: None,
                            outlet: None,
                        },
                    )
                    .expect("detail fits kind"),
                    sentence: c.sentence.clone(),
                },
                sources: vec![SourceRef {
                    doc: c.doc.clone(),
                    line: c.line,
                }],
            });
        }
    }
    Deck {
        format: DECK_FORMAT,
        deck: DeckInfo {
            title: "Riverton council: spring meeting".into(),
            description: "Budget & bridges <draft>".into(),
            created: "2025-04-02".into(),
            seed: 1,
            sources: Vec::new(),
        },
        conflicts: Vec::new(),
        facts,
        cards,
    }
}

fn write_deck(s: &Scratch, name: &str, deck: &Deck) -> PathBuf {
    s.file(
        name,
        factdeck::deck::deck_to_toml(deck).expect("deck serializes"),
    )
}

fn export(deck: &Path, to: &str, out: &Path, extra: &[&str]) -> crate::common::Done {
    let mut args: Vec<String> = vec![
        "export".into(),
        deck.display().to_string(),
        "--to".into(),
        to.into(),
        "-o".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    factdeck(args).env("SOURCE_DATE_EPOCH", "1700000000").ok()
}

// ------------------------------------------------------ through the binary

/// Every `--to` format.
const ALL_FORMATS: [&str; 12] = [
    "apkg",
    "anki-text",
    "cards",
    "worksheet",
    "csv",
    "kahoot",
    "quizlet",
    "blooket",
    "gimkit",
    "gift",
    "moodle",
    "qti",
];

#[test]
fn every_format_writes_a_file_and_refuses_to_overwrite() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    for (to, name) in [
        ("apkg", "out.apkg"),
        ("anki-text", "out.txt"),
        ("cards", "cards.html"),
        ("worksheet", "ws.html"),
        ("csv", "out.csv"),
        ("kahoot", "kahoot.xlsx"),
        ("quizlet", "quizlet.txt"),
        ("blooket", "blooket.csv"),
        ("gimkit", "gimkit.csv"),
        ("gift", "moodle.gift"),
        ("moodle", "moodle.xml"),
        ("qti", "canvas.zip"),
    ] {
        let out = s.path(name);
        export(&deck, to, &out, &[]);
        let first = std::fs::read(&out).expect("output written");
        assert!(!first.is_empty(), "{to}: empty output");
        let again = factdeck([
            "export",
            &deck.display().to_string(),
            "--to",
            to,
            "-o",
            &out.display().to_string(),
        ])
        .fails();
        assert!(again.stderr.contains("--force"), "{to}: {}", again.stderr);
        assert_eq!(
            std::fs::read(&out).expect("still there"),
            first,
            "{to}: file changed"
        );
        export(&deck, to, &out, &["--force"]);
    }
}

#[test]
fn same_input_gives_identical_output() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    for to in ALL_FORMATS {
        let (a, b) = (s.path(&format!("a.{to}")), s.path(&format!("b.{to}")));
        let extra: &[&str] = if to == "worksheet" {
            &["--seed", "5", "--versions", "2"]
        } else {
            &["--seed", "5", "--count", "8"]
        };
        export(&deck, to, &a, extra);
        export(&deck, to, &b, extra);
        assert_eq!(
            std::fs::read(&a).expect("a"),
            std::fs::read(&b).expect("b"),
            "{to} differs between two identical runs"
        );
    }
    let c = s.path("c.worksheet");
    export(&deck, "worksheet", &c, &["--seed", "6", "--versions", "2"]);
    assert_ne!(
        std::fs::read(s.path("a.worksheet")).expect("a"),
        std::fs::read(&c).expect("c"),
        "another seed should give other worksheet orders"
    );
}

#[test]
fn html_outputs_show_markup_as_text() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    for to in ["cards", "worksheet"] {
        let out = s.path(&format!("{to}.html"));
        export(&deck, to, &out, &["--count", "11"]);
        let html = std::fs::read_to_string(&out).expect("html");
        assert!(
            !html.contains("<script>alert"),
            "{to}: raw <script> from the deck"
        );
        assert!(!html.contains("<b>20%</b>"), "{to}: raw <b> from the deck");
        assert!(
            html.contains("&#60;script&#62;alert"),
            "{to}: escaped script text missing"
        );
        assert!(html.contains("12% &#38; more"), "{to}: escaped & missing");
        assert!(
            !html.contains("<script"),
            "{to}: pages must not need scripts"
        );
    }
}

#[test]
fn csv_has_a_header_and_one_row_per_card() {
    let s = Scratch::new();
    let deck = sample_deck(false);
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("out.csv");
    export(&path, "csv", &out, &[]);
    let mut r = csv::Reader::from_path(&out).expect("csv");
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        &header[..6],
        ["id", "type", "kind", "prompt", "hint", "answer"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), deck.cards.len());
    assert_eq!(&rows[2][3], deck.cards[2].prompt);
}

#[test]
fn types_filter_limits_the_export() {
    let s = Scratch::new();
    let deck = sample_deck(false);
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("cloze.csv");
    export(&path, "csv", &out, &["--types", "cloze"]);
    let mut r = csv::Reader::from_path(&out).expect("csv");
    let types: Vec<String> = r
        .records()
        .map(|r| r.expect("row")[1].to_string())
        .collect();
    let want = deck
        .cards
        .iter()
        .filter(|c| c.card_type == CardType::Cloze)
        .count();
    assert_eq!(types.len(), want);
    assert!(types.iter().all(|t| t == "cloze"), "{types:?}");
}

#[test]
fn worksheet_count_and_versions() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    let out = s.path("ws.html");
    export(
        &deck,
        "worksheet",
        &out,
        &["--count", "5", "--versions", "3"],
    );
    let html = std::fs::read_to_string(&out).expect("html");
    assert_eq!(
        html.matches("class=\"q\"").count(),
        15,
        "5 questions x 3 versions"
    );
    assert_eq!(html.matches("<h1>Answer key</h1>").count(), 3);
    for v in ["Version A", "Version B", "Version C"] {
        assert!(html.contains(v), "{v} missing");
    }
    // Five questions over five card types: one of each.
    // (The stylesheet names each version too, for its page labels.)
    let (a, _) = html.split_once("class=\"version version-2\"").expect("B");
    for section in [
        "Multiple choice",
        "True or false",
        "Fill in the blank",
        "Short answer",
        "Who said it?",
    ] {
        assert!(
            a.contains(&format!("<h2>{section}</h2>")),
            "{section} missing"
        );
    }
}

#[test]
fn nothing_to_export_is_an_error() {
    let s = Scratch::new();
    let mut deck = sample_deck(false);
    deck.cards.retain(|c| c.card_type != CardType::ShortAnswer);
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("o.csv");
    let d = factdeck([
        "export",
        &path.display().to_string(),
        "--to",
        "csv",
        "--types",
        "short_answer",
        "-o",
        &out.display().to_string(),
    ])
    .fails();
    assert!(d.stderr.contains("no cards to export"), "{}", d.stderr);
    assert!(!out.exists());
}

#[test]
fn card_too_long_to_print_is_reported() {
    let s = Scratch::new();
    let mut deck = sample_deck(false);
    deck.cards[6].prompt = format!("How many residents spoke? {}", "More words. ".repeat(400));
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("cards.html");
    let d = export(&path, "cards", &out, &["--per-page", "10"]);
    // Numbered as printed (a fact's second card is left out), named by id.
    assert!(
        d.stderr.contains(&format!("({})", deck.cards[6].id)),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("--per-page 4"), "{}", d.stderr);
    assert!(out.exists(), "the warning must not stop the export");
}

#[test]
fn broken_deck_is_reported_with_its_path() {
    let s = Scratch::new();
    let bad = s.file("bad.toml", "format = 1\n[deck\ntitle = 'x'\n");
    let d = factdeck([
        "export",
        &bad.display().to_string(),
        "--to",
        "csv",
        "-o",
        &s.path("o.csv").display().to_string(),
    ])
    .fails();
    assert!(d.stderr.contains("bad.toml:2"), "{}", d.stderr);
    assert!(!s.path("o.csv").exists());
}

// --------------------------------------------------------- outside tools

/// Whether an outside tool may be missing: not under CI. Prints the skip note.
fn skip_unless_ci(what: &str, install: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is not available, and CI is set: {install}");
    }
    eprintln!("skipped: {what} is not available; install with: {install}");
    true
}

fn anki_python() -> Option<PathBuf> {
    let python = std::env::var_os("FACTDECK_ANKI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import anki.collection"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then_some(python)
}

#[test]
fn anki_imports_packages_and_text_and_updates_on_reimport() {
    let Some(python) = anki_python() else {
        skip_unless_ci(
            "Python with the `anki` package (FACTDECK_ANKI_PYTHON or .venv/bin/python)",
            "python3 -m venv .venv && .venv/bin/pip install anki",
        );
        return;
    };
    let s = Scratch::new();
    let v1 = write_deck(&s, "v1.toml", &sample_deck(false));
    let v2 = write_deck(&s, "v2.toml", &sample_deck(true));
    let deck_name = "Civics::Riverton <spring> & co";
    let mut args = vec![
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/anki/check_import.py")
            .display()
            .to_string(),
        "--deck-name".into(),
        deck_name.into(),
    ];
    for (deck, tag, time) in [(&v1, "v1", "1700000000"), (&v2, "v2", "1700086400")] {
        let apkg = s.path(&format!("{tag}.apkg"));
        let text = s.path(&format!("{tag}.txt"));
        for (to, out) in [("apkg", &apkg), ("anki-text", &text)] {
            factdeck([
                "export",
                &deck.display().to_string(),
                "--to",
                to,
                "--deck",
                deck_name,
                "-o",
                &out.display().to_string(),
            ])
            .env("SOURCE_DATE_EPOCH", time)
            .ok();
        }
        args.push(deck.display().to_string());
        args.push(apkg.display().to_string());
        args.push(text.display().to_string());
    }
    let out = Command::new(&python)
        .args(&args)
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Anki import check failed\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stdout.contains("checks passed"), "{stdout}");
    eprintln!("{}", stdout.trim());
}

/// The count of the export summary's "N cards written".
fn written(stderr: &str) -> usize {
    stderr
        .split(" written")
        .next()
        .and_then(|head| head.split_whitespace().rev().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no cards-written count in: {stderr}"))
}

// Printing in headless Chromium.

fn tool_works(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn print_tools_available() -> bool {
    tool_works("chromium", "--version") && tool_works("pdfinfo", "-v")
}

fn chromium(profile: &Path, args: &[String]) -> std::process::Output {
    Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

fn print_pdf(s: &Scratch, html: &Path) -> PathBuf {
    let pdf = html.with_extension("pdf");
    let profile = tempfile::tempdir_in(s.dir.path()).expect("profile");
    let out = chromium(
        profile.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", html.display()),
        ],
    );
    assert!(
        pdf.exists(),
        "chromium made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// Loads the page with a small script appended that lists every text box whose
/// content is taller or wider than the box, and returns that list.
fn overflowing_boxes(s: &Scratch, html: &Path) -> String {
    let probe = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/print/overflow.js"),
    )
    .expect("probe script");
    let page = std::fs::read_to_string(html).expect("html");
    let probed = html.with_extension("probe.html");
    std::fs::write(
        &probed,
        page.replace("</body>", &format!("<script>{probe}</script></body>")),
    )
    .expect("write probe page");
    let profile = tempfile::tempdir_in(s.dir.path()).expect("profile");
    let out = chromium(
        profile.path(),
        &[
            "--dump-dom".to_string(),
            format!("file://{}", probed.display()),
        ],
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("data-overflow=\"").unwrap_or_else(|| {
        panic!(
            "probe did not run: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    }) + "data-overflow=\"".len();
    let end = dom[start..].find('"').expect("attribute end") + start;
    dom[start..end].to_string()
}

/// A text line of the PDF: page, its left/right/top/bottom in points, and words.
#[derive(Debug)]
struct PdfLine {
    page: usize,
    x0: f64,
    x1: f64,
    y0: f64,
    words: Vec<String>,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("attribute") + key.len();
    let end = tag[start..].find('"').expect("end") + start;
    tag[start..end].parse().expect("number")
}

/// Page width and every line of text, from `pdftotext -bbox-layout`.
fn pdf_lines(pdf: &Path) -> (f64, f64, Vec<PdfLine>) {
    let out = Command::new("pdftotext")
        .args(["-bbox-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    let (mut w, mut h) = (0.0, 0.0);
    let mut lines = Vec::new();
    let mut page = 0;
    for (i, _) in xml.match_indices('<') {
        let tag_end = xml[i..].find('>').map(|e| i + e).unwrap_or(xml.len());
        let tag = &xml[i..tag_end];
        if tag.starts_with("<page ") {
            page += 1;
            w = attr(tag, "width");
            h = attr(tag, "height");
        } else if tag.starts_with("<line ") {
            lines.push(PdfLine {
                page,
                x0: attr(tag, "xMin"),
                x1: attr(tag, "xMax"),
                y0: attr(tag, "yMin"),
                words: Vec::new(),
            });
        } else if tag.starts_with("<word ") {
            let close = xml[tag_end..].find("</word>").expect("word end") + tag_end;
            if let Some(line) = lines.last_mut() {
                line.words.push(xml[tag_end + 1..close].to_string());
            }
        }
    }
    (w, h, lines)
}

/// Checks that every card's back footer sits exactly behind its front footer.
fn check_backs_line_up(pdf: &Path, cards: usize, duplex: &str) {
    let (w, h, lines) = pdf_lines(pdf);
    let footer = |n: usize| -> Vec<&PdfLine> {
        let tag = format!("#{n}");
        lines
            .iter()
            .filter(|l| l.words.last() == Some(&tag))
            .collect()
    };
    let mut y_sums = Vec::new();
    for n in 1..=cards {
        let found = footer(n);
        assert_eq!(
            found.len(),
            2,
            "card {n}: expected a front and a back footer, got {found:?}"
        );
        let (front, back) = (found[0], found[1]);
        let cx = |l: &PdfLine| (l.x0 + l.x1) / 2.0;
        match duplex {
            "long" | "none" => {
                if duplex == "long" {
                    assert_eq!(
                        back.page,
                        front.page + 1,
                        "card {n}: back not on the next page"
                    );
                } else {
                    assert_eq!(
                        back.page, front.page,
                        "card {n}: fold-over back on another page"
                    );
                }
                assert!(
                    (cx(front) + cx(back) - w).abs() < 1.5,
                    "card {n}: back at x={:.1} is not behind front at x={:.1} (page width {w})",
                    cx(back),
                    cx(front)
                );
                assert!(
                    (front.y0 - back.y0).abs() < 1.5,
                    "card {n}: back at y={:.1}, front at y={:.1}",
                    back.y0,
                    front.y0
                );
            }
            "short" => {
                assert_eq!(
                    back.page,
                    front.page + 1,
                    "card {n}: back not on the next page"
                );
                assert!(
                    (cx(front) - cx(back)).abs() < 1.5,
                    "card {n}: back x={:.1}, front x={:.1}",
                    cx(back),
                    cx(front)
                );
                y_sums.push(front.y0 + back.y0);
            }
            other => panic!("unknown duplex {other}"),
        }
    }
    // Short-edge backs mirror the rows: front y + back y is the same for all.
    if let Some(first) = y_sums.first() {
        for (i, s) in y_sums.iter().enumerate() {
            assert!(
                (s - first).abs() < 1.5 && *s < 2.0 * h,
                "card {}: row not mirrored ({s:.1} vs {first:.1})",
                i + 1
            );
        }
    }
}

#[test]
fn printed_cards_line_up_and_nothing_overflows() {
    if !print_tools_available() {
        skip_unless_ci(
            "headless Chromium and poppler-utils",
            "apt-get install -y chromium poppler-utils",
        );
        return;
    }
    let s = Scratch::new();
    let mut deck = sample_deck(true);
    // Long enough to be cut short in the footer, which must keep the card number.
    deck.deck.title = "Riverton council: the long spring meeting on budgets, bridges, parks, \
pools, libraries, permit fees and everything else on the agenda"
        .into();
    let path = write_deck(&s, "deck.toml", &deck);
    for (paper, per_page, duplex) in [
        ("letter", 8, "long"),
        ("a4", 10, "short"),
        ("letter", 4, "none"),
        ("a4", 6, "long"),
    ] {
        let html = s.path(&format!("cards-{paper}-{per_page}-{duplex}.html"));
        let per = per_page.to_string();
        let done = export(
            &path,
            "cards",
            &html,
            &["--paper", paper, "--per-page", &per, "--duplex", duplex],
        );
        // A fact's second card and a card printing another's answer are left out.
        let n = written(&done.stderr);
        assert!(
            n < deck.cards.len() && done.stderr.contains("left out: "),
            "{}",
            done.stderr
        );
        let pdf = print_pdf(&s, &html);
        let pages = if duplex == "none" {
            n.div_ceil(per_page / 2)
        } else {
            2 * n.div_ceil(per_page)
        };
        assert_eq!(
            page_count(&pdf),
            pages,
            "{paper} {per_page} {duplex}: page count"
        );
        let (w, h, _) = pdf_lines(&pdf);
        let want = if paper == "a4" {
            (595.3, 841.9)
        } else {
            (612.0, 792.0)
        };
        assert!(
            (w - want.0).abs() < 1.0 && (h - want.1).abs() < 1.0,
            "{paper}: printed on {w}x{h} pt paper"
        );
        check_backs_line_up(&pdf, n, duplex);
        let overflow = overflowing_boxes(&s, &html);
        assert_eq!(
            overflow, "none",
            "{paper} {per_page} {duplex}: text overflows its card"
        );
    }
}

#[test]
fn printed_cards_of_a_generated_deck_fit() {
    if !print_tools_available() {
        skip_unless_ci(
            "headless Chromium and poppler-utils",
            "apt-get install -y chromium poppler-utils",
        );
        return;
    }
    let s = Scratch::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    docs.sort();
    let deck = s.path("generated.toml");
    let mut args = vec!["generate".to_string()];
    args.extend(docs.iter().map(|d| d.display().to_string()));
    args.extend(["-o".to_string(), deck.display().to_string()]);
    factdeck(args).ok();
    // The tightest layout: ten cards on a page of A4.
    let html = s.path("generated-cards.html");
    let d = export(
        &deck,
        "cards",
        &html,
        &["--paper", "a4", "--per-page", "10"],
    );
    let n = written(&d.stderr);
    assert!(
        n > 20,
        "the fixtures should make a real deck, got {n} printed cards"
    );
    assert!(!d.stderr.contains("too long"), "{}", d.stderr);
    let pdf = print_pdf(&s, &html);
    assert_eq!(page_count(&pdf), 2 * n.div_ceil(10));
    check_backs_line_up(&pdf, n, "long");
    assert_eq!(overflowing_boxes(&s, &html), "none");
}

#[test]
fn printed_worksheet_has_each_key_on_its_own_page() {
    if !print_tools_available() {
        skip_unless_ci(
            "headless Chromium and poppler-utils",
            "apt-get install -y chromium poppler-utils",
        );
        return;
    }
    let s = Scratch::new();
    let path = write_deck(&s, "deck.toml", &sample_deck(true));
    let html = s.path("worksheet.html");
    export(
        &path,
        "worksheet",
        &html,
        &["--versions", "2", "--count", "10"],
    );
    let pdf = print_pdf(&s, &html);
    let pages = page_count(&pdf);
    assert!(
        pages >= 4,
        "two versions and two keys need at least 4 pages, got {pages}"
    );
    let (_, _, lines) = pdf_lines(&pdf);
    let page_text = |p: usize| -> String {
        lines
            .iter()
            .filter(|l| l.page == p)
            .map(|l| l.words.join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let key_pages: Vec<usize> = (1..=pages)
        // A page's first lines may be its margin labels (version, page number).
        .filter(|&p| page_text(p).lines().any(|l| l.starts_with("Answer key")))
        .collect();
    assert_eq!(key_pages.len(), 2, "one key page per version");
    // Every page carries its number and its version's label (issue 15).
    for p in 1..=pages {
        let text = page_text(p);
        assert!(text.contains(&format!("Page {p}")), "page {p}:\n{text}");
        assert!(
            text.contains("Version "),
            "page {p} has no version label:\n{text}"
        );
    }
    for p in &key_pages {
        let text = page_text(*p);
        assert!(
            !text.contains("Name"),
            "key page {p} shares a page with questions"
        );
        for q in 1..=10 {
            assert!(
                text.lines().any(|l| l.trim() == q.to_string()),
                "key page {p} lacks question {q}:\n{text}"
            );
        }
    }
    assert!(page_text(1).contains("Version A") && page_text(1).contains("Name"));
    let overflow = overflowing_boxes(&s, &html);
    assert_eq!(overflow, "none", "worksheet content overflows");
}

// ------------------------------------------------ classroom platforms

/// The hostile texts every format must carry as text: markup, GIFT's and
/// cloze's special characters, a formula at the start of a cell, tabs and
/// line breaks, and a 2,000-character prompt.
const FORMULA: &str = "=HYPERLINK(\"http://evil.test\",\"click\")";

fn long_prompt() -> String {
    let mut p = "Which figure did the long report give? ".to_string();
    while p.chars().count() < 2000 {
        p.push_str("It went on about roads, <b>bridges</b> & {braces} ~=#: again. ");
    }
    p
}

fn hostile_deck() -> Deck {
    let mut deck = sample_deck(false);
    // One card per fact: games and study sets play only one of a fact's cards.
    let mut seen = std::collections::HashSet::new();
    deck.cards.retain(|c| seen.insert(c.fact.clone()));
    let mut add = |fact: &str, t: CardType, prompt: String, answer: &str, options: &[&str]| {
        let mut c = card_from(&Spec {
            fact: "bridge-fund",
            card_type: t,
            kind: FactKind::Money,
            prompt: "",
            hint: None,
            answer: "",
            options: &[],
            explanation: None,
            sentence: "",
            line: 30,
        });
        c.fact = FactId(fact.to_string());
        c.id = CardId::of(&c.fact, t);
        c.prompt = prompt;
        c.answer = answer.to_string();
        c.options = options.iter().map(|o| o.to_string()).collect();
        c.sentence = format!("A sentence for {fact}.");
        deck.cards.push(c);
    };
    add(
        "h-mc",
        CardType::MultipleChoice,
        format!("{FORMULA} <script>alert(1)</script>?"),
        "{5} ~=#:",
        &["{5} ~=#:", "-2+3", "@SUM(A1)", "<b>7</b>"],
    );
    add(
        "h-tf",
        CardType::TrueFalse,
        "Line one\nline two\twith tab & <i>it</i> {x}.".into(),
        "False",
        &["True", "False"],
    );
    add(
        "h-sa",
        CardType::ShortAnswer,
        "How much {x} ~ y?".into(),
        "=1+1",
        &[],
    );
    add(
        "h-cloze",
        CardType::Cloze,
        "Paid ____ to <Ann & Bo> {1:SA:=x}.".into(),
        "$5 #1",
        &[],
    );
    add(
        "h-long",
        CardType::MultipleChoice,
        long_prompt(),
        "$9",
        &["$9", "$8", "$7"],
    );
    let cards = deck.cards.clone();
    for c in &cards {
        if !deck.facts.iter().any(|f| f.id == c.fact) {
            deck.facts.push(DeckFact {
                statement: Statement {
                    id: c.fact.clone(),
                    text: c.answer.clone(),
                    // A placeholder fact: a true/false answer is no figure.
                    value: if c.answer.chars().any(|ch| ch.is_ascii_digit())
                        || matches!(c.kind, FactKind::Date | FactKind::Quote)
                    {
                        Value::Text(c.answer.clone())
                    } else {
                        Value::Number(1.0)
                    },
                    detail: Detail::from_keys(
                        c.kind,
                        DetailKeys {
                            currency: None,
                            qualifier: None,
                            unit: None,
                            speaker: None,
                            speaker_role: None,
                            outlet: None,
                        },
                    )
                    .expect("detail fits kind"),
                    sentence: c.sentence.clone(),
                },
                sources: vec![SourceRef {
                    doc: c.doc.clone(),
                    line: c.line,
                }],
            });
        }
    }
    deck
}

/// The card with this fact and type.
fn hostile<'a>(deck: &'a Deck, fact: &str) -> &'a Card {
    deck.cards
        .iter()
        .find(|c| c.fact.0 == fact)
        .expect("hostile card")
}

/// Text on one line, as the line-based formats must write it.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML written by the learning-platform exports, back to the text it shows.
fn unhtml(s: &str) -> String {
    s.replace("<br>", "\n")
        .replace("&#123;", "{")
        .replace("&#125;", "}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A Python (FACTDECK_ANKI_PYTHON or .venv/bin/python) that can import `module`.
fn python_with(module: &str) -> Option<PathBuf> {
    let python = std::env::var_os("FACTDECK_ANKI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then_some(python)
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("output")).expect("UTF-8")
}

#[test]
fn options_that_do_not_apply_are_refused() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    for (to, extra, flag) in [
        ("apkg", vec!["--versions", "3"], "--versions"),
        ("csv", vec!["--time-limit", "20"], "--time-limit"),
        ("kahoot", vec!["--bom"], "--bom"),
        ("quizlet", vec!["--per-page", "4"], "--per-page"),
        ("gimkit", vec!["--deck", "x"], "--deck"),
        ("moodle", vec!["--paper", "a4"], "--paper"),
        ("cards", vec!["--seed", "3"], "--seed"),
    ] {
        let out = s.path(&format!("refused-{to}"));
        let mut args = vec![
            "export".to_string(),
            deck.display().to_string(),
            "--to".into(),
            to.into(),
            "-o".into(),
            out.display().to_string(),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let d = factdeck(args).fails();
        assert!(
            d.stderr.contains(flag) && d.stderr.contains(&format!("--to {to}")),
            "{to}: {}",
            d.stderr
        );
        assert!(!out.exists(), "{to}: wrote a file");
    }
    let d = factdeck([
        "export",
        &deck.display().to_string(),
        "--to",
        "kahoot",
        "--time-limit",
        "25",
        "-o",
        &s.path("k.xlsx").display().to_string(),
    ])
    .run();
    assert_ne!(d.status, 0);
    assert!(d.stderr.contains("240"), "{}", d.stderr);
}

#[test]
fn count_and_seed_choose_cards_in_every_format() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    // Printed cards: one card number per card.
    let cards = s.path("cards.html");
    let d = export(&deck, "cards", &cards, &["--count", "4", "--seed", "2"]);
    let html = read(&cards);
    assert!(
        html.contains("· #4</span>") && !html.contains("· #5</span>"),
        "four cards"
    );
    assert!(d.stderr.contains("4 cards written"), "{}", d.stderr);
    // Quizlet: four lines; another seed takes other cards.
    let (a, b) = (s.path("a.txt"), s.path("b.txt"));
    export(&deck, "quizlet", &a, &["--count", "4", "--seed", "2"]);
    export(&deck, "quizlet", &b, &["--count", "4", "--seed", "3"]);
    assert_eq!(read(&a).lines().count(), 4);
    assert_ne!(read(&a), read(&b), "the seed picks the cards");
    // Tags and documents narrow every format too.
    let none = factdeck([
        "export",
        &deck.display().to_string(),
        "--to",
        "gift",
        "--doc",
        "elsewhere.md",
        "-o",
        &s.path("none.gift").display().to_string(),
    ])
    .fails();
    assert!(
        none.stderr.contains("no cards to export"),
        "{}",
        none.stderr
    );
    let tagged = s.path("tagged.gift");
    export(
        &deck,
        "gift",
        &tagged,
        &["--tag", "council meeting", "--doc", "riverton-minutes.md"],
    );
    assert!(read(&tagged).contains("::11. "), "every card has the tag");
}

#[test]
fn summary_line_and_left_out_cards_are_reported() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &hostile_deck());
    let out = s.path("k.xlsx");
    let d = export(&deck, "kahoot", &out, &[]);
    let last = d.stderr.lines().last().expect("a summary line");
    assert!(
        last.starts_with("kahoot: ") && last.contains("left out") && last.contains("k.xlsx"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr
            .contains("left out: a question longer than 120 characters"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("cards left out: no answer choices"),
        "{}",
        d.stderr
    );
    // Only cloze cards asked of Kahoot: nothing fits, nothing written.
    let none = s.path("none.xlsx");
    let d = factdeck([
        "export",
        &deck.display().to_string(),
        "--to",
        "kahoot",
        "--types",
        "cloze",
        "-o",
        &none.display().to_string(),
    ])
    .fails();
    assert!(d.stderr.contains("no card fits kahoot"), "{}", d.stderr);
    assert!(!none.exists());
}

#[test]
fn csv_has_a_bom_for_spreadsheets_unless_refused() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    let bom = b"\xEF\xBB\xBF";
    let (csv, txt, no) = (s.path("a.csv"), s.path("a.txt"), s.path("b.csv"));
    export(&deck, "csv", &csv, &[]);
    export(&deck, "csv", &txt, &[]);
    export(&deck, "csv", &no, &["--no-bom"]);
    assert!(std::fs::read(&csv).expect("csv").starts_with(bom));
    assert!(!std::fs::read(&txt).expect("txt").starts_with(bom));
    assert!(!std::fs::read(&no).expect("no").starts_with(bom));
    // The csv crate, like Excel, reads the header past the mark.
    let mut r = csv::Reader::from_path(&csv).expect("csv");
    assert_eq!(&r.headers().expect("header")[0], "id");
}

#[test]
fn quizlet_is_one_card_a_line_with_one_tab() {
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("q.txt");
    export(&path, "quizlet", &out, &[]);
    let text = read(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), deck.cards.len());
    for l in &lines {
        assert_eq!(l.matches('\t').count(), 1, "{l}");
    }
    let tf = hostile(&deck, "h-tf");
    assert!(
        lines.contains(&format!("True or false: {}\tFalse", one_line(&tf.prompt)).as_str()),
        "{text}"
    );
    let long = hostile(&deck, "h-long");
    assert!(lines.contains(&format!("{}\t$9", one_line(&long.prompt)).as_str()));
}

#[test]
fn blooket_and_gimkit_templates_read_back_row_by_row() {
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let (b, g) = (s.path("b.csv"), s.path("g.csv"));
    export(&path, "blooket", &b, &["--time-limit", "45"]);
    export(&path, "gimkit", &g, &[]);
    let rows = |p: &Path| -> Vec<Vec<String>> {
        let bytes = std::fs::read(p).expect("csv");
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(
            text.split("\r\n").count() > 2 && !text.replace("\r\n", "").contains('\r'),
            "CRLF line ends"
        );
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect()
    };
    let choice_cards: Vec<&Card> = deck
        .cards
        .iter()
        .filter(|c| {
            matches!(
                c.card_type,
                CardType::MultipleChoice | CardType::WhoSaid | CardType::TrueFalse
            )
        })
        .collect();
    let br = rows(&b);
    assert_eq!(
        br[0],
        ["Blooket\nImport Template", "", "", "", "", "", "", ""]
    );
    assert_eq!(
        br[1],
        [
            "Question #",
            "Question Text",
            "Answer 1",
            "Answer 2",
            "Answer 3\n(Optional)",
            "Answer 4\n(Optional)",
            "Time Limit (sec)\n(Max: 300 seconds)",
            "Correct Answer(s)\n(Only include Answer #)"
        ]
    );
    assert_eq!(br.len() - 2, choice_cards.len());
    for (i, (row, card)) in br[2..].iter().zip(&choice_cards).enumerate() {
        assert_eq!(row.len(), 8);
        assert_eq!(row[0], (i + 1).to_string());
        assert_eq!(row[6], "45");
        let n: usize = row[7].parse().expect("answer number");
        assert!((1..=4).contains(&n) && !row[1 + n].is_empty());
        let answer = one_line(&card.answer);
        let shown = row[1 + n].trim_start_matches('\'');
        assert_eq!(shown, answer, "row {}", i + 1);
    }
    let mc = br
        .iter()
        .find(|r| r[1].contains("HYPERLINK"))
        .expect("formula row");
    assert_eq!(mc[1], format!("'{FORMULA} <script>alert(1)</script>?"));
    assert_eq!(mc[2..6], ["{5} ~=#:", "'-2+3", "'@SUM(A1)", "<b>7</b>"]);
    let tf = br
        .iter()
        .find(|r| r[1].starts_with("Line one"))
        .expect("tf");
    assert_eq!(tf[1], "Line one line two with tab & <i>it</i> {x}.");
    assert!(
        br.iter().any(|r| r[1].chars().count() > 2000),
        "long prompt kept"
    );

    let gr = rows(&g);
    assert_eq!(
        gr[0],
        ["Gimkit Spreadsheet Import Template", "", "", "", ""]
    );
    assert_eq!(
        gr[1],
        [
            "Question",
            "Correct Answer",
            "Incorrect Answer 1",
            "Incorrect Answer 2 (Optional)",
            "Incorrect Answer 3 (Optional)"
        ]
    );
    assert_eq!(gr.len() - 2, choice_cards.len());
    for (row, card) in gr[2..].iter().zip(&choice_cards) {
        assert_eq!(row.len(), 5);
        assert_eq!(row[1].trim_start_matches('\''), one_line(&card.answer));
        assert!(!row[2].is_empty(), "at least one incorrect answer");
    }
    let mc = gr
        .iter()
        .find(|r| r[0].contains("HYPERLINK"))
        .expect("formula row");
    assert_eq!(mc[1..], ["{5} ~=#:", "'-2+3", "'@SUM(A1)", "<b>7</b>"]);
}

#[test]
fn kahoot_spreadsheet_matches_the_template_in_openpyxl() {
    let Some(python) = python_with("openpyxl") else {
        skip_unless_ci(
            "Python with openpyxl (FACTDECK_ANKI_PYTHON or .venv/bin/python)",
            "python3 -m venv .venv && .venv/bin/pip install openpyxl",
        );
        return;
    };
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("kahoot.xlsx");
    export(&path, "kahoot", &out, &["--time-limit", "30"]);
    // Every cell with a value: [sheet, row, column, type, value].
    let script = "import json, sys, openpyxl\n\
wb = openpyxl.load_workbook(sys.argv[1])\n\
cells = [[ws.title, c.row, c.column, c.data_type, c.value] for ws in wb for r in ws.iter_rows() for c in r if c.value is not None]\n\
print(json.dumps(cells))";
    let o = Command::new(&python)
        .args(["-c", script])
        .arg(&out)
        .output()
        .expect("python");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cells: Vec<serde_json::Value> =
        serde_json::from_slice(&o.stdout).expect("openpyxl cells as JSON");
    let at = |row: u64, col: u64| -> Option<&serde_json::Value> {
        cells
            .iter()
            .find(|c| c[1].as_u64() == Some(row) && c[2].as_u64() == Some(col))
    };
    let text = |row, col| at(row, col).and_then(|c| c[4].as_str()).unwrap_or("");
    assert!(cells.iter().all(|c| c[0] == "Sheet1"), "one sheet, Sheet1");
    // The published template: notes in B2:B6, header in B8:H8.
    assert_eq!(text(2, 2), "Quiz template");
    assert!(text(3, 2).starts_with("Add questions, at least two answer alternatives"));
    assert!(text(4, 2).starts_with("Remember: questions have a limit of 120 characters"));
    assert!(text(6, 2).ends_with("before you upload to Kahoot!"));
    let header: Vec<&str> = (2..=8).map(|c| text(8, c)).collect();
    assert_eq!(
        header,
        [
            "Question - max 120 characters",
            "Answer 1 - max 75 characters",
            "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters",
            "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
            "Correct answer(s) - choose at least one"
        ]
    );
    assert!(
        cells.iter().all(|c| c[1].as_u64().unwrap_or(0) >= 9
            || c[1].as_u64() == Some(8)
            || (c[2].as_u64() == Some(2) && (2..=6).contains(&c[1].as_u64().unwrap_or(0)))),
        "nothing outside the template's cells: {cells:?}"
    );
    // The questions, from row 9: number, question, 2–4 answers, limit, answer number.
    let last = cells
        .iter()
        .filter_map(|c| c[1].as_u64())
        .max()
        .unwrap_or(0);
    let mut questions = Vec::new();
    for row in 9..=last {
        assert_eq!(at(row, 1).and_then(|c| c[4].as_u64()), Some(row - 8));
        let q = text(row, 2);
        assert!(!q.is_empty() && q.chars().count() <= 120, "row {row}: {q}");
        let answers: Vec<&str> = (3..=6)
            .map(|c| text(row, c))
            .filter(|a| !a.is_empty())
            .collect();
        assert!((2..=4).contains(&answers.len()), "row {row}: {answers:?}");
        assert!(answers.iter().all(|a| a.chars().count() <= 75));
        assert_eq!(at(row, 7).and_then(|c| c[4].as_u64()), Some(30));
        let n = at(row, 8)
            .and_then(|c| c[4].as_u64())
            .expect("correct answer") as usize;
        assert!((1..=answers.len()).contains(&n));
        // Text cells only: a formula in the deck stays text.
        for c in 2..=6 {
            if let Some(cell) = at(row, c) {
                assert_eq!(cell[3], "s", "row {row} column {c} is not text");
            }
        }
        questions.push((q.to_string(), answers[n - 1].to_string()));
    }
    let expected: Vec<(String, String)> = deck
        .cards
        .iter()
        .filter(|c| {
            matches!(c.card_type, CardType::MultipleChoice | CardType::TrueFalse)
                || (c.card_type == CardType::WhoSaid)
        })
        .filter(|c| one_line(&c.prompt).chars().count() <= 120 || c.card_type == CardType::WhoSaid)
        .map(|c| (c.prompt.clone(), one_line(&c.answer)))
        .collect();
    assert_eq!(questions.len(), expected.len(), "{questions:#?}");
    assert!(
        questions
            .iter()
            .any(|(q, a)| q == &format!("{FORMULA} <script>alert(1)</script>?") && a == "{5} ~=#:"),
        "{questions:#?}"
    );
    assert!(
        questions
            .iter()
            .any(|(q, a)| q == "Line one line two with tab & <i>it</i> {x}." && a == "False")
    );
}

/// The GIFT file parsed by gift-pegjs, or `None` when node or the package is missing.
fn gift_pegjs(file: &Path) -> Option<Vec<serde_json::Value>> {
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    if !js.join("node_modules/gift-pegjs").is_dir() || !tool_works("node", "--version") {
        return None;
    }
    let o = Command::new("node")
        .arg(js.join("parse_gift.js"))
        .arg(file)
        .output()
        .expect("node");
    assert!(
        o.status.success(),
        "gift-pegjs rejects the file: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(serde_json::from_slice(&o.stdout).expect("JSON"))
}

#[test]
fn gift_parses_into_the_same_questions_with_gift_pegjs() {
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("moodle.gift");
    export(
        &path,
        "gift",
        &out,
        &["--deck", "Civics/Riverton: {spring}"],
    );
    let Some(parsed) = gift_pegjs(&out) else {
        skip_unless_ci("node with gift-pegjs in tests/js", "cd tests/js && npm ci");
        return;
    };
    assert_eq!(parsed[0]["type"], "Category");
    assert_eq!(
        parsed[0]["title"],
        "$course$/top/Civics//Riverton: {spring}"
    );
    let questions = &parsed[1..];
    assert_eq!(questions.len(), deck.cards.len());
    let text = |v: &serde_json::Value| unhtml(v["text"].as_str().expect("text"));
    for (q, card) in questions.iter().zip(&deck.cards) {
        let stem = text(&q["stem"]);
        let correct: Vec<String> = q["choices"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|c| c["isCorrect"] == true)
                    .map(|c| text(&c["text"]))
                    .collect()
            })
            .unwrap_or_default();
        match card.card_type {
            CardType::MultipleChoice | CardType::WhoSaid => {
                assert_eq!(q["type"], "MC");
                assert_eq!(correct, std::slice::from_ref(&card.answer));
                let all: Vec<String> = q["choices"]
                    .as_array()
                    .expect("choices")
                    .iter()
                    .map(|c| text(&c["text"]))
                    .collect();
                assert_eq!(all, card.options);
            }
            CardType::TrueFalse => {
                assert_eq!(q["type"], "TF");
                assert_eq!(q["isTrue"], card.answer == "True");
                assert_eq!(stem, card.prompt.trim());
            }
            CardType::ShortAnswer | CardType::Cloze => {
                assert_eq!(q["type"], "Short");
                let mut want = vec![card.answer.clone()];
                want.extend(card.accepted.iter().cloned());
                assert_eq!(correct, want);
                if card.card_type == CardType::Cloze && !card.prompt.starts_with("____") {
                    assert_eq!(q["hasEmbeddedAnswers"], true);
                    // gift-pegjs shows the missing word as a spaced "_____".
                    let squeeze = |t: &str| t.split_whitespace().collect::<String>();
                    assert_eq!(
                        squeeze(&stem),
                        squeeze(&card.prompt.replace("____", "_____"))
                    );
                }
            }
        }
        if card.card_type == CardType::MultipleChoice || card.card_type == CardType::ShortAnswer {
            assert_eq!(stem, card.prompt.trim());
        }
    }
    let mc = questions
        .iter()
        .find(|q| text(&q["stem"]).starts_with(FORMULA))
        .expect("hostile question");
    assert_eq!(
        text(&mc["stem"]),
        format!("{FORMULA} <script>alert(1)</script>?")
    );
    assert!(
        read(&out).contains("&lt;script&gt;"),
        "markup shown as text"
    );
}

/// The text of the first descendant element named `name`.
fn child_text<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> String {
    n.descendants()
        .find(|d| d.has_tag_name(name))
        .map(|d| {
            d.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .unwrap_or_default()
}

#[test]
fn moodle_xml_is_well_formed_and_holds_every_card() {
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("moodle.xml");
    export(&path, "moodle", &out, &[]);
    let xml = read(&out);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let questions: Vec<roxmltree::Node> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("question"))
        .collect();
    assert_eq!(questions[0].attribute("type"), Some("category"));
    assert_eq!(
        child_text(questions[0], "text"),
        "$course$/top/Riverton council: spring meeting"
    );
    assert_eq!(questions.len() - 1, deck.cards.len());
    for (q, card) in questions[1..].iter().zip(&deck.cards) {
        let kind = q.attribute("type").expect("type");
        let answers: Vec<(String, String)> = q
            .children()
            .filter(|a| a.has_tag_name("answer"))
            .map(|a| {
                (
                    a.attribute("fraction").unwrap_or("").to_string(),
                    unhtml(&child_text(a, "text")),
                )
            })
            .collect();
        let right: Vec<&str> = answers
            .iter()
            .filter(|(f, _)| f == "100")
            .map(|(_, t)| t.as_str())
            .collect();
        let stem = unhtml(&child_text(
            q.children()
                .find(|c| c.has_tag_name("questiontext"))
                .expect("questiontext"),
            "text",
        ));
        match card.card_type {
            CardType::MultipleChoice | CardType::WhoSaid => {
                assert_eq!(kind, "multichoice");
                assert_eq!(right, [card.answer.as_str()]);
                assert_eq!(answers.len(), card.options.len());
                assert_eq!(child_text(*q, "single"), "true");
            }
            CardType::TrueFalse => {
                assert_eq!(kind, "truefalse");
                assert_eq!(right, [card.answer.to_lowercase().as_str()]);
                assert_eq!(stem, card.prompt.trim());
            }
            CardType::ShortAnswer => {
                assert_eq!(kind, "shortanswer");
                assert_eq!(right, [card.answer.as_str()]);
                assert_eq!(stem, card.prompt);
            }
            CardType::Cloze => {
                assert_eq!(kind, "cloze");
                assert!(answers.is_empty());
                let (before, after) = card.prompt.split_once("____").expect("blank");
                assert!(stem.starts_with(before) && stem.ends_with(after), "{stem}");
                assert!(stem.contains("{1:SHORTANSWER:="), "{stem}");
            }
        }
    }
    // The cloze sub-question pattern in hostile text is not a second blank.
    let stems: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("questiontext"))
        .map(|n| child_text(n, "text"))
        .collect();
    assert!(stems.iter().all(|t| !t.contains("{1:SA:")), "{stems:?}");
    assert!(xml.contains("&#123;1:SA:=x&#125;"));
    assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script>"));
}

/// The files of a zip, by name.
fn unzip(path: &Path) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).expect("zip")).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut s = String::new();
            if !f.is_dir() {
                f.read_to_string(&mut s).expect("text");
            }
            (f.name().expect("name").into_owned(), s)
        })
        .collect()
}

/// A QTI package's layout with the assessment's id as `ID`, and its items as
/// (type, points, question HTML, choices HTML, correct answers as text).
type Item = (String, String, String, Vec<String>, Vec<String>);

fn qti_items(files: &std::collections::BTreeMap<String, String>) -> (Vec<String>, Vec<Item>) {
    let manifest = roxmltree::Document::parse(&files["imsmanifest.xml"]).expect("manifest");
    let id = manifest
        .descendants()
        .find(|n| n.attribute("type") == Some("imsqti_xmlv1p2"))
        .and_then(|n| n.attribute("identifier"))
        .expect("assessment resource")
        .to_string();
    let mut layout: Vec<String> = files.keys().map(|k| k.replace(&id, "ID")).collect();
    layout.sort();
    let hrefs: Vec<String> = manifest
        .descendants()
        .filter(|n| n.has_tag_name("file"))
        .filter_map(|n| n.attribute("href"))
        .map(|h| h.replace(&id, "ID"))
        .collect();
    layout.extend(hrefs.iter().map(|h| format!("href {h}")));
    roxmltree::Document::parse(&files[&format!("{id}/assessment_meta.xml")]).expect("meta");
    let xml = &files[&format!("{id}/{id}.xml")];
    let doc = roxmltree::Document::parse(xml).expect("assessment");
    let items = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let field = |label: &str| -> String {
                item.descendants()
                    .filter(|n| n.has_tag_name("qtimetadatafield"))
                    .find(|f| child_text(*f, "fieldlabel") == label)
                    .map(|f| child_text(f, "fieldentry"))
                    .unwrap_or_default()
            };
            let pres = item
                .children()
                .find(|n| n.has_tag_name("presentation"))
                .expect("presentation");
            let question = pres
                .children()
                .find(|n| n.has_tag_name("material"))
                .map(|m| child_text(m, "mattext"))
                .unwrap_or_default();
            let labels: Vec<(String, String)> = pres
                .descendants()
                .filter(|n| n.has_tag_name("response_label"))
                .map(|l| {
                    (
                        l.attribute("ident").unwrap_or("").to_string(),
                        child_text(l, "mattext"),
                    )
                })
                .collect();
            let correct: Vec<String> = item
                .descendants()
                .filter(|n| n.has_tag_name("varequal"))
                .filter_map(|n| n.text())
                .map(|t| {
                    labels
                        .iter()
                        .find(|(id, _)| id == t)
                        .map(|(_, text)| text.clone())
                        .unwrap_or_else(|| t.to_string())
                })
                .collect();
            let choices = labels
                .into_iter()
                .map(|(_, t)| t)
                .filter(|t| !t.is_empty())
                .collect();
            (
                field("question_type"),
                field("points_possible"),
                question,
                choices,
                correct,
            )
        })
        .collect();
    (layout, items)
}

#[test]
fn qti_package_is_laid_out_and_typed_as_text2qti_lays_out_the_same_questions() {
    let Some(python) = python_with("text2qti") else {
        skip_unless_ci(
            "text2qti in the Python venv (.venv/bin/text2qti)",
            "python3 -m venv .venv && .venv/bin/pip install text2qti",
        );
        return;
    };
    let s = Scratch::new();
    // Plain text only: text2qti reads Markdown (and $…$ as LaTeX), we do not.
    let mut deck = sample_deck(false);
    deck.cards.retain(|c| {
        !(c.prompt.contains(['<', '&', '$', '“', '*', '_'])
            || c.options.iter().any(|o| o.contains(['<', '&', '$'])))
            || c.card_type == CardType::Cloze
    });
    deck.cards.retain(|c| {
        c.card_type != CardType::Cloze && !c.answer.contains('$') && !c.prompt.contains('$')
    });
    deck.cards[0].accepted = vec!["thirty-seven".into()];
    let kinds: Vec<CardType> = deck.cards.iter().map(|c| c.card_type).collect();
    assert!(kinds.contains(&CardType::MultipleChoice) || kinds.contains(&CardType::WhoSaid));
    assert!(kinds.contains(&CardType::TrueFalse) && kinds.contains(&CardType::ShortAnswer));
    let path = write_deck(&s, "deck.toml", &deck);
    let ours = s.path("ours.zip");
    export(&path, "qti", &ours, &["--deck", "Riverton quiz"]);
    // The same questions in text2qti's Markdown.
    let mut md = String::from("Quiz title: Riverton quiz\n\n");
    for (i, c) in deck.cards.iter().enumerate() {
        let prompt = if c.card_type == CardType::WhoSaid && !c.prompt.starts_with("Who ") {
            format!("Who said “{}”?", c.prompt)
        } else {
            c.prompt.clone()
        };
        md.push_str(&format!("{}.  {prompt}\n", i + 1));
        match c.card_type {
            CardType::ShortAnswer | CardType::Cloze => {
                md.push_str(&format!("*   {}\n", c.answer));
                for a in &c.accepted {
                    md.push_str(&format!("*   {a}\n"));
                }
            }
            _ => {
                for (j, o) in c.options.iter().enumerate() {
                    let mark = if *o == c.answer { "*" } else { "" };
                    md.push_str(&format!("{mark}{})  {o}\n", (b'a' + j as u8) as char));
                }
            }
        }
        md.push('\n');
    }
    let md_path = s.file("quiz.md", &md);
    let text2qti = python.with_file_name("text2qti");
    let o = Command::new(&text2qti)
        .arg(&md_path)
        .current_dir(s.dir.path())
        .output()
        .expect("text2qti");
    assert!(
        o.status.success(),
        "text2qti: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let theirs = unzip(&s.path("quiz.zip"));
    let (their_layout, their_items) = qti_items(&theirs);
    let (our_layout, our_items) = qti_items(&unzip(&ours));
    assert_eq!(our_layout, their_layout);
    assert_eq!(our_items.len(), deck.cards.len());
    assert_eq!(our_items, their_items);
}

#[test]
fn qti_carries_hostile_text_as_text() {
    let s = Scratch::new();
    let deck = hostile_deck();
    let path = write_deck(&s, "deck.toml", &deck);
    let out = s.path("canvas.zip");
    export(&path, "qti", &out, &[]);
    let (_, items) = qti_items(&unzip(&out));
    assert_eq!(items.len(), deck.cards.len());
    let strip = |h: &str| unhtml(h.trim_start_matches("<p>").trim_end_matches("</p>"));
    for (item, card) in items.iter().zip(&deck.cards) {
        let want = match card.card_type {
            CardType::MultipleChoice | CardType::WhoSaid => "multiple_choice_question",
            CardType::TrueFalse => "true_false_question",
            CardType::Cloze | CardType::ShortAnswer => "short_answer_question",
        };
        assert_eq!(item.0, want);
        assert_eq!(item.1, "1", "one point");
        assert_eq!(
            item.4.iter().map(|c| strip(c)).next().as_deref(),
            Some(card.answer.as_str())
        );
        if card.card_type != CardType::WhoSaid {
            assert_eq!(strip(&item.2), card.prompt.trim());
        }
    }
}

#[test]
fn games_and_study_sets_keep_one_card_of_a_fact() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    for (to, name) in [
        ("quizlet", "q.txt"),
        ("kahoot", "k.xlsx"),
        ("blooket", "b.csv"),
        ("gimkit", "g.csv"),
        ("qti", "c.zip"),
    ] {
        let d = export(&deck, to, &s.path(name), &[]);
        assert!(
            d.stderr
                .contains("left out: another printed card asks about the same fact or sentence"),
            "{to}: {}",
            d.stderr
        );
    }
    // The bridge fund's cloze and multiple-choice cards: only the first is played.
    let text = read(&s.path("q.txt"));
    assert!(
        text.contains("set aside ____ for the Elm Street bridge"),
        "{text}"
    );
    assert!(
        !text.contains("How much did the council set aside"),
        "{text}"
    );
    // Moodle fills a question bank: every card goes in.
    let gift = s.path("m.gift");
    let d = export(&deck, "gift", &gift, &[]);
    assert!(d.stderr.contains("11 cards written"), "{}", d.stderr);
}

#[test]
fn count_is_taken_after_a_set_leaves_out_give_aways() {
    let s = Scratch::new();
    let deck = write_deck(&s, "deck.toml", &sample_deck(false));
    // The whole deck as a set: siblings and give-aways are left out.
    let all = s.path("all.txt");
    let d = export(&deck, "quizlet", &all, &[]);
    let set = written(&d.stderr);
    assert!(
        set < sample_deck(false).cards.len(),
        "the sample deck has cards a set leaves out: {}",
        d.stderr
    );
    // Asking for that many always gives that many, whatever the seed: the
    // sample is drawn from the set, not from the deck and then thinned.
    for seed in 1..=8 {
        let out = s.path(&format!("q{seed}.txt"));
        let seed = seed.to_string();
        let d = export(
            &deck,
            "quizlet",
            &out,
            &["--count", &set.to_string(), "--seed", &seed],
        );
        assert_eq!(written(&d.stderr), set, "seed {seed}: {}", d.stderr);
        assert_eq!(read(&out).lines().count(), set);
    }
}
