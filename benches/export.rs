//! Benchmark: exporting a 10,000-card deck to every format (Anki, CSV, print and
//! the classroom platforms: each must take under 0.5 s), and genanki (PyPI)
//! building the same 10,000 notes as an `.apkg`, on the same machine.
//!
//! Run with `cargo bench --bench export`. The genanki half needs a Python with
//! genanki (`FACTDECK_ANKI_PYTHON` or `.venv/bin/python`); without one it is
//! skipped with a note.

use factdeck::model::{
    Card, CardId, CardType, DECK_FORMAT, Deck, DeckFact, DeckInfo, Detail, DetailKeys, FactId,
    FactKind, SourceRef, Statement, Value,
};
use factdeck::render::blooket::BlooketOptions;
use factdeck::render::kahoot::KahootOptions;
use factdeck::render::{
    AnkiOptions, CardsOptions, CsvOptions, LmsOptions, Renderer, WorksheetOptions,
};
use factdeck::render::{Duplex, Paper};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CARDS: usize = 10_000;
const RUNS: usize = 7;

fn synthetic_deck(n: usize) -> Deck {
    let cards: Vec<Card> = (0..n)
        .map(|i| {
            let card_type = CardType::ALL[i % CardType::ALL.len()];
            let kind = FactKind::ALL[(i / 5) % FactKind::ALL.len()];
            let fact = FactId(format!("{i:016x}"));
            let amount = format!("${}.{} million", i % 97 + 1, i % 10);
            let prompt = match card_type {
                CardType::Cloze => format!(
                    "Item {i}: the district set aside ____ for road repairs in ward {}.",
                    i % 12
                ),
                CardType::TrueFalse => {
                    format!("Item {i}: the district set aside {amount} for road repairs.")
                }
                _ => format!(
                    "Item {i}: how much did the district set aside for road repairs in ward {}?",
                    i % 12
                ),
            };
            let (answer, options) = match card_type {
                CardType::TrueFalse => ("True".to_string(), vec!["True".into(), "False".into()]),
                CardType::MultipleChoice | CardType::WhoSaid => (
                    amount.clone(),
                    vec![
                        amount.clone(),
                        format!("${} million", i % 89 + 2),
                        format!("${} million", i % 89 + 3),
                        format!("${} million", i % 89 + 4),
                    ],
                ),
                _ => (amount.clone(), Vec::new()),
            };
            Card {
                id: CardId::of(&fact, card_type),
                card_type,
                fact,
                kind,
                prompt,
                hint: Some("a dollar amount".into()),
                answer,
                options,
                accepted: Vec::new(),
                explanation: Some(format!("The district set aside {amount} for road repairs.")),
                rewritten: Vec::new(),
                sentence: format!(
                    "In its budget for year {}, the district set aside {amount} for road repairs \
                     & resurfacing in ward {}.",
                    2000 + i % 25,
                    i % 12
                ),
                doc: format!("budget-{}.md", i % 40),
                line: i % 300 + 1,
                reported_by: 1 + i % 3,
                tags: Vec::new(),
                dropped: false,
            }
        })
        .collect();
    // One fact per card, so the deck passes `load_deck`'s checks.
    let facts = cards
        .iter()
        .map(|c: &Card| DeckFact {
            statement: Statement {
                id: c.fact.clone(),
                text: c.answer.clone(),
                value: Value::Text(c.answer.clone()),
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
        })
        .collect();
    Deck {
        format: DECK_FORMAT,
        deck: DeckInfo {
            title: "Benchmark deck".into(),
            description: String::new(),
            created: "2025-01-01".into(),
            seed: 1,
            sources: Vec::new(),
        },
        conflicts: Vec::new(),
        facts,
        cards,
    }
}

/// Median and fastest run, in milliseconds: on a busy machine the fastest run
/// is the better estimate of the work itself.
fn stats(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
    )
}

fn main() {
    let deck = synthetic_deck(CARDS);
    let anki = AnkiOptions {
        deck_name: "Benchmark::Deck".into(),
        timestamp: 1_700_000_000,
    };
    let lms = LmsOptions {
        title: "Benchmark deck".into(),
    };
    let renderers = [
        ("apkg", Renderer::Apkg(anki.clone())),
        ("anki-text", Renderer::AnkiText(anki)),
        ("csv", Renderer::Csv(CsvOptions { bom: true })),
        (
            "cards",
            Renderer::Cards(CardsOptions {
                paper: Paper::Letter,
                per_page: 8,
                duplex: Duplex::Long,
            }),
        ),
        (
            "worksheet",
            Renderer::Worksheet(WorksheetOptions {
                paper: Paper::Letter,
                count: Some(CARDS),
                versions: 2,
                seed: 1,
            }),
        ),
        ("kahoot", Renderer::Kahoot(KahootOptions::default())),
        ("quizlet", Renderer::Quizlet),
        ("blooket", Renderer::Blooket(BlooketOptions::default())),
        ("gimkit", Renderer::Gimkit),
        ("gift", Renderer::Gift(lms.clone())),
        ("moodle", Renderer::Moodle(lms.clone())),
        ("qti", Renderer::Qti(lms)),
    ];
    println!("export of {CARDS} cards, {RUNS} runs (median / fastest):");
    for (name, renderer) in &renderers {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let out = renderer.render(&deck).expect("render");
            times.push(start.elapsed());
            size = out.bytes.len();
        }
        let (median, fastest) = stats(times);
        println!(
            "  {name:<10} {median:>7.1} / {fastest:>7.1} ms   {:>6} KiB",
            size / 1024
        );
    }

    // Loading the deck is part of every real export.
    let dir = tempfile::tempdir().expect("tempdir");
    let deck_path = dir.path().join("bench.toml");
    std::fs::write(
        &deck_path,
        factdeck::deck::deck_to_toml(&deck).expect("serialize"),
    )
    .expect("write deck");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let loaded = factdeck::load_deck(&deck_path).expect("load");
        times.push(start.elapsed());
        assert_eq!(loaded.cards.len(), CARDS);
    }
    let (median, fastest) = stats(times);
    println!(
        "  {:<10} {median:>7.1} / {fastest:>7.1} ms   (load_deck of the TOML)",
        "load"
    );

    genanki_comparison(&deck_path, dir.path());
}

fn python() -> PathBuf {
    std::env::var_os("FACTDECK_ANKI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python"))
}

fn genanki_comparison(deck: &Path, dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/genanki_10k.py");
    let out = Command::new(python())
        .arg(&script)
        .arg(deck)
        .arg(dir.join("genanki.apkg"))
        .arg(RUNS.to_string())
        .output();
    match out {
        Ok(o) if o.status.success() => print!("{}", String::from_utf8_lossy(&o.stdout)),
        Ok(o) => println!(
            "  genanki    skipped: {}",
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("failed")
        ),
        Err(e) => println!(
            "  genanki    skipped ({e}); install with: python3 -m venv .venv && \
             .venv/bin/pip install genanki"
        ),
    }
}
