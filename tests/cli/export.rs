//! `factdeck export`: every format through the real binary, plus the checks that
//! need outside tools: Anki's own backend imports the Anki exports, and headless
//! Chromium prints the cards and worksheets.
//!
//! The outside tools are optional on a developer machine (the test prints how to
//! install them and passes) but required when `CI` is set.

use crate::common::{Scratch, factdeck};
use factdeck::model::{
    Card, CardId, CardType, DECK_FORMAT, Deck, DeckFact, DeckInfo, FactId, FactKind, SourceRef,
    Value,
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
        sentence: s.sentence.to_string(),
        doc: "riverton-minutes.md".to_string(),
        line: s.line,
        reported_by: 1,
        tags: vec!["council meeting".to_string()],
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
    }
    let facts = vec![DeckFact {
        id: FactId("quote-lind".into()),
        kind: FactKind::Quote,
        text: LONG_QUOTE.into(),
        value: Value::Text(LONG_QUOTE.into()),
        currency: None,
        qualifier: None,
        unit: None,
        speaker: Some("Mara Lind".into()),
        speaker_role: Some("Mayor".into()),
        outlet: None,
        sentence: "\"We are not going to patch this bridge,\" said Mayor Mara Lind.".into(),
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
                id: c.fact.clone(),
                kind: c.kind,
                text: c.answer.clone(),
                value: Value::Text(c.answer.clone()),
                currency: None,
                qualifier: None,
                unit: None,
                speaker: None,
                speaker_role: None,
                outlet: None,
                sentence: c.sentence.clone(),
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
    let (a, _) = html.split_once("Version B").expect("B");
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
    assert!(d.stderr.contains("card 7"), "{}", d.stderr);
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
    let n = deck.cards.len();
    let path = write_deck(&s, "deck.toml", &deck);
    for (paper, per_page, duplex) in [
        ("letter", 8, "long"),
        ("a4", 10, "short"),
        ("letter", 4, "none"),
        ("a4", 6, "long"),
    ] {
        let html = s.path(&format!("cards-{paper}-{per_page}-{duplex}.html"));
        let per = per_page.to_string();
        export(
            &path,
            "cards",
            &html,
            &["--paper", paper, "--per-page", &per, "--duplex", duplex],
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
    let n = factdeck::load_deck(&deck)
        .expect("generated deck loads")
        .cards
        .len();
    assert!(
        n > 20,
        "the fixtures should make a real deck, got {n} cards"
    );
    // The tightest layout: ten cards on a page of A4.
    let html = s.path("generated-cards.html");
    let d = export(
        &deck,
        "cards",
        &html,
        &["--paper", "a4", "--per-page", "10"],
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
        .filter(|&p| page_text(p).starts_with("Answer key"))
        .collect();
    assert_eq!(key_pages.len(), 2, "one key page per version");
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
