//! `factdeck extract --people` on hand-written articles: every quotation with
//! its exact speaker, nothing else taken for a quotation, and the people list.
//!
//! Each fixture `tests/fixtures/quotes/NAME.{txt,md}` has its expected quotes in
//! `tests/fixtures/quotes/gold/NAME.json` (the scorer's gold layout).

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes")
}

/// Lowercase words only: marks, commas and line breaks do not matter.
fn norm(s: &str) -> String {
    s.replace('’', "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the extractor on one fixture: its quotes (words, speaker) and lines.
fn extract(name: &str) -> (Vec<(String, String)>, Vec<Value>) {
    let path = fixtures().join(name);
    let d = factdeck([
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--people".as_ref(),
        path.as_os_str(),
    ])
    .ok();
    let lines = json_lines(&d.stdout);
    let quotes = lines
        .iter()
        .filter(|l| l["kind"] == "quote")
        .map(|l| {
            (
                norm(l["text"].as_str().unwrap_or_default()),
                l["speaker"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (quotes, lines)
}

fn gold(stem: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixtures().join("gold").join(format!("{stem}.json")))
        .expect("gold file");
    let v: Value = serde_json::from_str(&text).expect("gold JSON");
    v["quotes"]
        .as_array()
        .expect("quotes array")
        .iter()
        .map(|q| {
            (
                norm(q["text"].as_str().unwrap_or_default()),
                q["speaker"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn check(file: &str) -> Vec<Value> {
    let stem = file.split('.').next().unwrap_or(file);
    let (got, lines) = extract(file);
    let want = gold(stem);
    assert_eq!(got, want, "{file}: quotes (text, speaker) differ");
    lines
}

fn people(lines: &[Value]) -> Vec<(String, Option<String>)> {
    lines
        .iter()
        .filter(|l| l["kind"] == "person")
        .map(|l| {
            (
                l["name"].as_str().unwrap_or_default().to_string(),
                l["role"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn council_budget_fight_hard_wrapped_markdown() {
    let lines = check("council_budget.md");
    let p = people(&lines);
    assert!(
        p.contains(&("Victor Delgado".into(), Some("Council Member".into()))),
        "{p:?}"
    );
    // The committee's plan name and the email footer are not people.
    assert!(
        p.iter()
            .all(|(n, _)| !n.contains("Plan") && !n.contains("Facebook")),
        "{p:?}"
    );
}

#[test]
fn governor_press_release_quotes_several_officials() {
    let lines = check("governor_release.txt");
    let p = people(&lines);
    assert!(
        p.contains(&("Samuel Brooks".into(), Some("Lieutenant Governor".into()))),
        "{p:?}"
    );
}

#[test]
fn senate_hearing_pronouns_partial_and_multi_paragraph_quotes() {
    let lines = check("senate_hearing.txt");
    let akers_outlet: Vec<&str> = lines
        .iter()
        .filter(|l| l["kind"] == "quote" && l["speaker"] == "Robert Akers")
        .filter_map(|l| l["outlet"].as_str())
        .collect();
    assert_eq!(akers_outlet, vec!["Reuters"]);
    let p = people(&lines);
    assert!(
        p.contains(&("Margaret Quinlan".into(), Some("Senator".into()))),
        "{p:?}"
    );
}

#[test]
fn spokeswoman_statement_ignores_headlines_and_unnamed_speakers() {
    let lines = check("spokeswoman_statement.txt");
    let outlets: Vec<&str> = lines
        .iter()
        .filter(|l| l["kind"] == "outlet")
        .filter_map(|l| l["name"].as_str())
        .collect();
    assert_eq!(outlets, vec!["Marlow Gazette"]);
}

#[test]
fn transit_story_with_straight_quotes_and_apostrophes() {
    let lines = check("transit_news.txt");
    let p = people(&lines);
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Gloria Estrada",
            "Kevin Cho",
            "Marisol Beaumont",
            "Neil Ferraro",
            "Luis Ortega"
        ]
    );
}

#[test]
fn fact_sheet_with_office_titles_and_a_titled_initiative() {
    let lines = check("fact_sheet.md");
    let p = people(&lines);
    assert!(
        p.contains(&(
            "Rachel Whitaker".into(),
            Some("Secretary of Health and Human Services".into())
        )),
        "{p:?}"
    );
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote_per_paragraph() {
    let (_, lines) = extract("senate_hearing.txt");
    let by = |start: &str| {
        lines
            .iter()
            .find(|l| {
                l["kind"] == "quote" && l["text"].as_str().is_some_and(|t| t.starts_with(start))
            })
            .unwrap_or_else(|| panic!("a quote starting {start:?}"))
    };
    let first = by("We owe every family");
    let second = by("And we owe them");
    assert!(
        !first["text"]
            .as_str()
            .unwrap_or_default()
            .contains("And we owe"),
        "{first}"
    );
    assert_eq!(first["speaker"], second["speaker"]);
    assert_eq!(first["value"], first["text"]);
}

#[test]
fn every_fixture_matches_its_gold_quotes() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures()).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext != "txt" && ext != "md" {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        check(name);
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} fixtures found");
}

#[test]
fn places_and_plural_nouns_before_verbs_are_not_people() {
    let lines = check("national.txt");
    let p = people(&lines);
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        !names.contains(&"Mexico") && !names.contains(&"Arizona"),
        "{names:?}"
    );
}

#[test]
fn organisation_statements_are_credited_to_the_organisation_not_a_person() {
    let (quotes, _) = extract("waterfront_council.txt");
    // Named, the organisation is the speaker; "the agency said" names nobody.
    assert!(
        quotes
            .iter()
            .all(|(t, who)| !t.contains("negotiated in good faith")
                && (!t.contains("remains committed")
                    || who == "Harbor City Development Authority")),
        "{quotes:?}"
    );
    assert!(
        quotes.iter().any(|(t, _)| t.contains("remains committed")),
        "{quotes:?}"
    );
    // The characterisation after "called the plan a" is the council member's.
    assert!(
        quotes.contains(&(
            "reckless giveaway to developers".into(),
            "Teresa Okafor".into()
        )),
        "{quotes:?}"
    );
}

#[test]
fn fact_sheet_credits_after_dashes_and_quote_from_lines() {
    let (quotes, _) = extract("drug_costs_fact_sheet.md");
    let speakers: Vec<&str> = quotes.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        speakers,
        vec![
            "Gabriel Ortega",
            "Felicia Grant",
            "Owen Pratt",
            "Felicia Grant"
        ]
    );
}
