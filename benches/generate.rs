//! Benchmark: a deck from 1,000 documents, then loading and checking it.
//!
//! `cargo bench --bench generate` builds 1,000 synthetic fact-sheet documents
//! (dates, money, percentages, counts and quotes, with shared subjects so
//! facts merge and conflict across documents), generates a deck from their
//! facts, writes it, and loads and validates it again, printing each time.
//!
//! The facts are made together with the text, so the numbers do not depend on
//! the extractor. `-- --write-docs DIR` also writes the documents as `.md`
//! files, to time the whole command line:
//! `/usr/bin/time -v factdeck generate DIR/*.md -o deck.toml`.
//! `-- --docs N` changes the number of documents.
//!
//! `-- --paragraphs 500,1000,2000` times something else: generation from
//! one long document of that many fact-bearing paragraphs each, to show that
//! the work grows linearly with a document's facts (distractor neighbours
//! are looked up, never found by scanning the whole document).

mod common;

use factdeck::generate::{GenerateOptions, generate_deck};
use factdeck::model::{
    Detail, DetailKeys, Extraction, Fact, FactId, FactKind, Person, Statement, Value,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::PathBuf;
use std::time::Instant;

const AGENCIES: &[&str] = &[
    "transit authority",
    "water board",
    "school district",
    "port commission",
    "parks department",
    "housing agency",
    "health department",
    "energy office",
    "library system",
    "county council",
];
const PROJECTS: &[&str] = &[
    "river tunnel",
    "north bridge",
    "solar farm",
    "flood wall",
    "rail extension",
    "clinic network",
    "bus depot",
    "harbor dredging",
    "canal repair",
    "broadband program",
    "reading program",
    "seawall",
    "tram line",
    "wind park",
    "water plant",
    "stadium renovation",
];
const GROUPS: &[&str] = &[
    "residents",
    "voters",
    "teachers",
    "commuters",
    "farmers",
    "nurses",
];
const FIRST: &[&str] = &[
    "Maria", "James", "Aisha", "Tomas", "Priya", "Daniel", "Grace", "Omar", "Lena", "Victor",
    "Hana", "Samuel", "Irene", "Felix", "Nadia", "George", "Rosa", "Kenji", "Alma", "Peter",
];
const LAST: &[&str] = &[
    "Alvarez",
    "Brennan",
    "Chowdhury",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Garrison",
    "Haddad",
    "Ivanova",
    "Jablonski",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
];
const PLACE_START: &[&str] = &[
    "Ash", "Birch", "Cedar", "Elm", "Fern", "Glen", "Hazel", "Iron", "Juniper", "Kings", "Lark",
    "Maple", "North", "Oak", "Pine", "Quarry", "Raven", "Stone", "Thorn", "Willow",
];
const PLACE_END: &[&str] = &[
    "ford", "vale", "field", "brook", "wick", "ton", "by", "mouth", "stead", "hurst", "dale",
    "port", "bury", "combe", "haven", "ley", "more", "well", "gate", "side", "wood", "holm",
    "thorpe", "minster", "bridge",
];
/// Statements several documents share (merged into one fact) — and, in a few
/// documents, contradict (a conflict).
const SHARED: &[(&str, f64)] = &[
    (
        "The state legislature set aside ${} million for regional transit grants.",
        40.0,
    ),
    (
        "The federal matching fund for coastal defense totals ${} million this cycle.",
        75.0,
    ),
    (
        "Statewide, the regional hiring program placed {} apprentices last season.",
        880.0,
    ),
];
const ROLES: &[&str] = &[
    "mayor",
    "director",
    "spokesperson",
    "engineer",
    "council member",
];
const WORDS: &[&str] = &[
    "we", "will", "build", "this", "for", "every", "family", "in", "the", "city", "and", "finish",
    "it", "on", "time", "because", "people", "need", "safe", "ways", "to", "work", "school",
];

/// One synthetic document: its text and the facts in it.
struct Doc {
    path: String,
    text: String,
    extraction: Extraction,
}

struct Writer<'a> {
    doc: &'a str,
    text: String,
    facts: Vec<Fact>,
    line: usize,
}

impl Writer<'_> {
    /// Adds a paragraph; `facts` are (kind, fact text, value, extra) found in it.
    fn paragraph(&mut self, sentence: String, facts: Vec<(FactKind, String, Value, Extra)>) {
        let base = self.text.len();
        for (kind, text, value, extra) in facts {
            let at = sentence.find(&text).unwrap_or(0);
            self.facts.push(Fact {
                statement: Statement {
                    id: FactId::of(kind, &value, &text, &sentence),
                    text: text.clone(),
                    value,
                    detail: Detail::from_keys(
                        kind,
                        DetailKeys {
                            currency: extra.currency,
                            qualifier: None,
                            unit: extra.unit,
                            speaker: extra.speaker,
                            speaker_role: extra.role,
                            outlet: None,
                        },
                    )
                    .expect("detail fits kind"),
                    sentence: sentence.clone(),
                },
                doc: self.doc.to_string(),
                line: self.line,
                start: base + at,
                end: base + at + text.len(),
                page: None,
            });
        }
        self.text.push_str(&sentence);
        self.text.push_str("\n\n");
        self.line += 2;
    }
}

#[derive(Default)]
struct Extra {
    currency: Option<String>,
    unit: Option<String>,
    speaker: Option<String>,
    role: Option<String>,
}

fn pick<'a>(rng: &mut ChaCha8Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.random_range(0..xs.len())]
}

fn corpus(n: usize) -> Vec<Doc> {
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    (0..n)
        .map(|i| {
            let path = format!("docs/sheet-{i:04}.md");
            let agency = pick(&mut rng, AGENCIES);
            let place = format!(
                "{}{}",
                PLACE_START[i % PLACE_START.len()],
                PLACE_END[(i / PLACE_START.len()) % PLACE_END.len()]
            );
            let mut w = Writer {
                doc: &path,
                text: format!("# Fact sheet {i}: the {agency}\n\n"),
                facts: Vec::new(),
                line: 3,
            };
            let mut people = Vec::new();
            if i % 5 == 0 {
                let (template, base) = SHARED[(i / 5) % SHARED.len()];
                // One document in ten of these disagrees with the others.
                let v = if i % 50 == 0 { base * 1.5 } else { base };
                let sentence = template.replace("{}", &v.to_string());
                let (kind, text, value, extra) = if template.contains('$') {
                    (
                        FactKind::Money,
                        format!("${v} million"),
                        v * 1e6,
                        Extra {
                            currency: Some("USD".into()),
                            ..Extra::default()
                        },
                    )
                } else {
                    (
                        FactKind::Quantity,
                        format!("{v} apprentices"),
                        v,
                        Extra {
                            unit: Some("apprentices".into()),
                            ..Extra::default()
                        },
                    )
                };
                w.paragraph(sentence, vec![(kind, text, Value::Number(value), extra)]);
            }
            for j in 0..4 {
                let project = format!("{place} {}", pick(&mut rng, PROJECTS));
                let amount =
                    rng.random_range(2..=95) as f64 * if rng.random_bool(0.5) { 1e6 } else { 1e9 };
                let scale = if amount >= 1e9 { "billion" } else { "million" };
                let money = format!(
                    "${} {scale}",
                    amount / if amount >= 1e9 { 1e9 } else { 1e6 }
                );
                let (y, m, d) = (
                    rng.random_range(2015..=2025),
                    rng.random_range(1..=12),
                    rng.random_range(1..=28),
                );
                let month = factdeck::lexicon::month_name(m as u32).unwrap_or_default();
                let date = format!("{month} {d}, {y}");
                // Each of a sheet's four rounds words its sentences its own
                // way: real sheets vary, and lines opening alike read as a
                // list (not asked), which would leave nothing to time.
                let sentence = match j {
                    0 => format!("The {agency} approved {money} for the {project} on {date}."),
                    1 => format!("On {date}, {place} leaders committed {money} to the {project}."),
                    2 => format!("Officials set aside {money} for the {project} on {date}."),
                    _ => format!("A grant of {money} for the {project} was signed on {date}."),
                };
                w.paragraph(
                    sentence,
                    vec![
                        (
                            FactKind::Money,
                            money.clone(),
                            Value::Number(amount),
                            Extra {
                                currency: Some("USD".into()),
                                ..Extra::default()
                            },
                        ),
                        (
                            FactKind::Date,
                            date,
                            Value::Text(format!("{y:04}-{m:02}-{d:02}")),
                            Extra::default(),
                        ),
                    ],
                );
                let group = pick(&mut rng, GROUPS);
                let project = &project;
                let pct = rng.random_range(5..=95);
                w.paragraph(
                    match j {
                        0 => format!(
                            "A survey found that {pct}% of {group} supported the {project} this year."
                        ),
                        1 => format!("In a poll, {pct}% of {group} backed the {project}."),
                        2 => format!("Only {pct}% of {group} opposed the {project}, a survey showed."),
                        _ => format!("Support for the {project} reached {pct}% among {group}."),
                    },
                    vec![(
                        FactKind::Percent,
                        format!("{pct}%"),
                        Value::Number(pct as f64),
                        Extra {
                            unit: Some("percent".into()),
                            ..Extra::default()
                        },
                    )],
                );
                let workers = rng.random_range(12..=4800);
                w.paragraph(
                    match j {
                        0 => format!(
                            "Building the {project} will employ {workers} workers at its busiest point."
                        ),
                        1 => format!("The {project} needs {workers} workers at its peak."),
                        2 => format!("Contractors will hire {workers} workers for the {project}."),
                        _ => format!("Crews of {workers} workers are expected on the {project} site."),
                    },
                    vec![(
                        FactKind::Quantity,
                        format!("{workers} workers"),
                        Value::Number(workers as f64),
                        Extra {
                            unit: Some("workers".into()),
                            ..Extra::default()
                        },
                    )],
                );
                let name = format!("{} {}", pick(&mut rng, FIRST), pick(&mut rng, LAST));
                let role = pick(&mut rng, ROLES);
                let len = rng.random_range(6..=14);
                let words: Vec<&str> = (0..len).map(|_| pick(&mut rng, WORDS)).collect();
                let quote = words.join(" ");
                w.paragraph(
                    format!("“{quote},” said {name}, the {role}."),
                    vec![(
                        FactKind::Quote,
                        quote.clone(),
                        Value::Text(quote),
                        Extra {
                            speaker: Some(name.clone()),
                            role: Some(role.to_string()),
                            ..Extra::default()
                        },
                    )],
                );
                people.push(Person {
                    name: name.clone(),
                    aliases: vec![name.split(' ').next_back().unwrap_or("").to_string()],
                    role: Some(role.to_string()),
                });
            }
            let Writer { text, facts, .. } = w;
            Doc {
                extraction: Extraction {
                    doc: path.clone(),
                    facts,
                    people,
                    outlets: Vec::new(),
                },
                path,
                text,
            }
        })
        .collect()
}

/// One document made of as many fact sheets as it takes to reach
/// `paragraphs` fact-bearing paragraphs (every paragraph of a sheet below
/// its heading states at least one fact): its text and its facts.
fn long_document(paragraphs: usize) -> (String, Extraction) {
    let doc = "docs/long.md".to_string();
    let mut text = String::new();
    let mut facts = Vec::new();
    let mut people: Vec<Person> = Vec::new();
    let mut count = 0;
    // Sheets have 16 or 17 paragraphs; 1 + paragraphs / 16 sheets are enough.
    'sheets: for sheet in corpus(1 + paragraphs / 16) {
        let (base, lines) = (text.len(), text.matches('\n').count());
        let mut last_line = 0;
        let mut end = sheet.text.len();
        for mut f in sheet.extraction.facts {
            if f.line != last_line {
                if count == paragraphs {
                    // Cut the sheet's text before this paragraph.
                    end = sheet.text[..f.start].rfind("\n\n").map_or(0, |i| i + 2);
                    text.push_str(&sheet.text[..end]);
                    break 'sheets;
                }
                count += 1;
                last_line = f.line;
            }
            f.doc = doc.clone();
            f.line += lines;
            f.start += base;
            f.end += base;
            facts.push(f);
        }
        text.push_str(&sheet.text[..end]);
        people.extend(sheet.extraction.people);
        if count == paragraphs {
            break;
        }
    }
    let ex = Extraction {
        doc,
        facts,
        people,
        outlets: Vec::new(),
    };
    (text, ex)
}

/// Times generation (CPU time of this thread) from single documents of each
/// size in `sizes`; writes each document to `write` when given.
fn scale(sizes: &str, write: Option<PathBuf>) {
    let opts = GenerateOptions {
        title: "Benchmark".into(),
        created: "2026-01-01".into(),
        seed: 1,
        ..GenerateOptions::default()
    };
    let mut first: Option<(usize, f64)> = None;
    for n in sizes
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
    {
        let (text, ex) = long_document(n);
        if let Some(dir) = &write {
            std::fs::create_dir_all(dir).expect("create the documents' folder");
            std::fs::write(dir.join(format!("long-{n}.md")), &text).expect("write a document");
        }
        let facts = ex.facts.len();
        // Small documents are generated several times: the CPU clock ticks
        // in hundredths of a second.
        let runs = (8000 / n).max(1);
        let t = common::cpu_seconds();
        let mut deck = generate_deck(std::slice::from_ref(&ex), &opts);
        for _ in 1..runs {
            deck = generate_deck(std::slice::from_ref(&ex), &opts);
        }
        let took = (common::cpu_seconds() - t) * 1000.0 / runs as f64;
        let (n0, t0) = *first.get_or_insert((n, took));
        println!(
            "one document, {n} fact-bearing paragraphs ({facts} facts, {:.1} MB): {} cards \
             in {took:.0} ms CPU ({:.0} µs a paragraph; {:.1}× the time of {n0} for {:.0}× the paragraphs)",
            text.len() as f64 / 1e6,
            deck.cards.len(),
            took * 1000.0 / n as f64,
            took / t0.max(1e-9),
            n as f64 / n0 as f64
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(sizes) = arg("--paragraphs") {
        scale(&sizes, arg("--write-docs").map(PathBuf::from));
        return;
    }
    let n: usize = arg("--docs").and_then(|v| v.parse().ok()).unwrap_or(1000);
    let t = Instant::now();
    let docs = corpus(n);
    let facts: usize = docs.iter().map(|d| d.extraction.facts.len()).sum();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "corpus: {n} documents, {facts} facts, {mb:.1} MB of text ({:.0} ms to build)",
        ms(t)
    );
    if let Some(dir) = arg("--write-docs") {
        let dir = PathBuf::from(dir);
        for d in &docs {
            let p = dir.join(&d.path);
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent).expect("create the documents' folder");
            }
            std::fs::write(&p, &d.text).expect("write a document");
        }
        println!("wrote the documents under {}", dir.display());
    }
    let extractions: Vec<Extraction> = docs.into_iter().map(|d| d.extraction).collect();
    let opts = GenerateOptions {
        title: "Benchmark".into(),
        created: "2026-01-01".into(),
        seed: 1,
        ..GenerateOptions::default()
    };
    let t = Instant::now();
    let deck = generate_deck(&extractions, &opts);
    println!(
        "generate: {} facts merged, {} conflicts, {} cards in {:.0} ms",
        deck.facts.len(),
        deck.conflicts.len(),
        deck.cards.len(),
        ms(t)
    );
    let per_type: Vec<String> = factdeck::model::CardType::ALL
        .iter()
        .map(|t| {
            format!(
                "{t} {}",
                deck.cards.iter().filter(|c| c.card_type == *t).count()
            )
        })
        .collect();
    let per_kind: Vec<String> = FactKind::ALL
        .iter()
        .map(|k| format!("{k} {}", deck.cards.iter().filter(|c| c.kind == *k).count()))
        .collect();
    println!(
        "  cards by type: {}\n  cards by kind: {}",
        per_type.join(", "),
        per_kind.join(", ")
    );
    let t = Instant::now();
    let text = factdeck::deck::deck_to_toml(&deck).expect("serialize");
    println!(
        "serialize: {:.1} MB of TOML in {:.0} ms",
        text.len() as f64 / 1e6,
        ms(t)
    );
    if let Some(out) = arg("--save") {
        std::fs::write(out, &text).expect("save");
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.toml");
    std::fs::write(&path, &text).expect("write the deck");
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let loaded = factdeck::deck::load_deck(&path).expect("the deck loads and validates");
        best = best.min(ms(t));
        assert_eq!(loaded.cards.len(), deck.cards.len());
    }
    println!(
        "load + check: {} cards in {best:.1} ms (best of 5)",
        deck.cards.len()
    );

    // The target case: a deck of exactly 10,000 cards (and the facts they use).
    let mut small = deck.clone();
    small.cards.truncate(10_000);
    let used: std::collections::HashSet<&str> =
        small.cards.iter().map(|c| c.fact.0.as_str()).collect();
    small.facts.retain(|f| used.contains(f.id.0.as_str()));
    small.conflicts.clear();
    let text = factdeck::deck::deck_to_toml(&small).expect("serialize");
    std::fs::write(&path, &text).expect("write the deck");
    if let Some(out) = arg("--save-10k") {
        std::fs::write(out, &text).expect("save");
    }
    let mut best = f64::MAX;
    for _ in 0..10 {
        let t = Instant::now();
        let loaded = factdeck::deck::load_deck(&path).expect("the deck loads and validates");
        best = best.min(ms(t));
        assert_eq!(loaded.cards.len(), small.cards.len());
    }
    println!(
        "load + check: {} cards ({:.1} MB) in {best:.1} ms (best of 10)",
        small.cards.len(),
        text.len() as f64 / 1e6
    );
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
