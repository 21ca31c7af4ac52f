//! `factdeck extract` on hand-written fact sheets and news articles
//! (`tests/fixtures/extract/`): dates, money, percents and quantities
//! against the facts a careful reader lists (`expected/<stem>.json`, the
//! gold format of the project's scorer).

use crate::common::{factdeck, json_lines};
use serde_json::Value;
use std::path::PathBuf;

const DOCS: &[&str] = &[
    "budget_fact_sheet.md",
    "transit_bond.txt",
    "disaster_aid.txt",
    "census_release.txt",
    "council_budget.txt",
    "broadband_bill.txt",
    "factsheet.txt",
    "minwage.txt",
    "poll.txt",
    "grants.txt",
    "health.txt",
    "table.md",
    "housing.txt",
    "statute.txt",
    "world.txt",
    "tariffs.txt",
    "court.txt",
    "snap.txt",
    "liveblog.txt",
    "border.txt",
    "session.txt",
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

fn expected(doc: &str) -> Value {
    let stem = doc.rsplit_once('.').map_or(doc, |(s, _)| s);
    let path = fixture(&format!("expected/{stem}.json"));
    let text = std::fs::read_to_string(&path).expect("expected facts");
    serde_json::from_str(&text).expect("expected facts are JSON")
}

fn extract(doc: &str) -> Vec<Value> {
    let done = factdeck(["extract", "--format", "json", doc])
        .current_dir(fixture(""))
        .ok();
    json_lines(&done.stdout)
}

fn of_kind<'a>(facts: &'a [Value], kind: &str) -> Vec<&'a Value> {
    facts.iter().filter(|f| f["kind"] == kind).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * b.abs().max(1e-9)
}

/// Distinct predicted and expected values of one kind, and how many match.
fn score(
    facts: &[Value],
    gold: &Value,
    kind: &str,
    key: &str,
) -> (usize, usize, usize, Vec<String>) {
    let preds = of_kind(facts, kind);
    let golds = gold[key].as_array().cloned().unwrap_or_default();
    let mut wrong = Vec::new();
    if kind == "date" {
        let mut pv: Vec<String> = preds
            .iter()
            .filter_map(|f| f["value"].as_str().map(str::to_string))
            .collect();
        pv.sort();
        pv.dedup();
        let mut accepted: Vec<Vec<String>> = Vec::new();
        for g in &golds {
            let mut set = vec![g["value"].as_str().unwrap_or_default().to_string()];
            if let Some(alt) = g["alt"].as_array() {
                set.extend(alt.iter().filter_map(|a| a.as_str().map(str::to_string)));
            }
            if !accepted.iter().any(|a| a[0] == set[0]) {
                accepted.push(set);
            }
        }
        let tp = pv
            .iter()
            .filter(|v| accepted.iter().any(|a| a.contains(v)))
            .count();
        wrong.extend(
            pv.iter()
                .filter(|v| !accepted.iter().any(|a| a.contains(v)))
                .cloned(),
        );
        return (tp, pv.len(), accepted.len(), wrong);
    }
    let mut pv: Vec<f64> = Vec::new();
    for f in &preds {
        let v = f["value"].as_f64().expect("numeric value");
        if !pv.iter().any(|&w| close(v, w)) {
            pv.push(v);
        }
    }
    let mut gv: Vec<f64> = Vec::new();
    for g in &golds {
        let v = g["value"].as_f64().expect("numeric gold");
        if !gv.iter().any(|&w| close(v, w)) {
            gv.push(v);
        }
    }
    let tp = pv
        .iter()
        .filter(|&&p| gv.iter().any(|&g| close(p, g)))
        .count();
    wrong.extend(
        pv.iter()
            .filter(|&&p| !gv.iter().any(|&g| close(p, g)))
            .map(|p| p.to_string()),
    );
    (tp, pv.len(), gv.len(), wrong)
}

#[test]
fn every_fixture_scores_high() {
    let kinds = [
        ("date", "dates"),
        ("money", "money"),
        ("percent", "percents"),
        ("quantity", "quantities"),
    ];
    let mut totals = [(0usize, 0usize, 0usize); 4];
    let mut wrong_all: Vec<Vec<String>> = vec![Vec::new(); 4];
    for doc in DOCS {
        let facts = extract(doc);
        let gold = expected(doc);
        for (k, (kind, key)) in kinds.iter().enumerate() {
            let (tp, np, ng, wrong) = score(&facts, &gold, kind, key);
            totals[k].0 += tp;
            totals[k].1 += np;
            totals[k].2 += ng;
            wrong_all[k].extend(wrong.into_iter().map(|w| format!("{doc}: {w}")));
        }
    }
    for (k, (kind, _)) in kinds.iter().enumerate() {
        let (tp, np, ng) = totals[k];
        let precision = tp as f64 / np.max(1) as f64;
        let recall = tp as f64 / ng.max(1) as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
        assert!(
            f1 >= 0.97 && precision >= 0.97,
            "{kind}: P {precision:.3} R {recall:.3} F1 {f1:.3}; false: {:?}",
            wrong_all[k]
        );
    }
}

fn find<'a>(facts: &'a [Value], kind: &str, text: &str) -> &'a Value {
    facts
        .iter()
        .find(|f| f["kind"] == kind && f["text"] == text)
        .unwrap_or_else(|| panic!("no {kind} {text:?} in {facts:#?}"))
}

#[test]
fn money_carries_currency_qualifier_and_exact_value() {
    let facts = extract("disaster_aid.txt");
    let f = find(&facts, "money", "$1.2 billion");
    assert_eq!(f["value"].as_f64(), Some(1.2e9));
    assert_eq!(f["currency"], "USD");
    assert_eq!(f["qualifier"], "more than");
    assert_eq!(f["line"], 6);
    let f = find(&facts, "money", "$148.7M");
    assert_eq!(f["value"].as_f64(), Some(148_700_000.0));
    let facts = extract("budget_fact_sheet.md");
    assert_eq!(
        find(&facts, "money", "$1.2-billion")["value"].as_f64(),
        Some(1.2e9)
    );
}

#[test]
fn percents_say_percent_or_percentage_points() {
    let facts = extract("transit_bond.txt");
    assert_eq!(
        find(&facts, "percent", "3.5 percentage points")["unit"],
        "percentage points"
    );
    assert_eq!(find(&facts, "percent", "66.7%")["unit"], "percent");
    let f = find(&facts, "percent", "40 percent");
    assert_eq!(f["qualifier"], "up to");
}

#[test]
fn quantities_name_their_unit_and_ages_say_years_old() {
    let facts = extract("disaster_aid.txt");
    assert_eq!(
        find(&facts, "quantity", "1,100 FEMA staff")["unit"],
        "staff"
    );
    assert_eq!(
        find(&facts, "quantity", "1,870 public facilities")["unit"],
        "facilities"
    );
    let facts = extract("transit_bond.txt");
    let age = find(&facts, "quantity", "47");
    assert_eq!(age["unit"], "years old");
    assert!(
        age["sentence"]
            .as_str()
            .is_some_and(|s| s.contains("Carla Menendez, 47,"))
    );
}

#[test]
fn year_less_dates_take_the_documents_year() {
    let facts = extract("council_budget.txt");
    assert_eq!(find(&facts, "date", "October")["value"], "2025-10");
    assert_eq!(find(&facts, "date", "June 19")["value"], "2025-06-19");
    assert_eq!(find(&facts, "date", "January 2022")["value"], "2022-01");
    let facts = extract("budget_fact_sheet.md");
    assert_eq!(find(&facts, "date", "June 30")["value"], "2026-06-30");
    assert_eq!(find(&facts, "date", "FY2026")["value"], "2026");
}

#[test]
fn ranges_with_or_and_counts_before_a_verb() {
    let facts = extract("minwage.txt");
    let three = find(&facts, "percent", "3");
    assert_eq!(three["value"].as_f64(), Some(3.0));
    assert_eq!(
        find(&facts, "percent", "4 percent")["value"].as_f64(),
        Some(4.0)
    );
    let facts = extract("grants.txt");
    assert_eq!(find(&facts, "quantity", "146")["unit"], "closed");
    assert_eq!(find(&facts, "quantity", "25-bed")["unit"], "bed");
}

#[test]
fn year_less_dates_stay_year_less_without_a_document_date() {
    let facts = extract("poll.txt");
    assert_eq!(find(&facts, "date", "Nov. 4")["value"], "--11-04");
    assert_eq!(find(&facts, "date", "Sept. 29")["value"], "--09-29");
    let facts = extract("minwage.txt");
    assert_eq!(find(&facts, "date", "March")["value"], "--03");
}

#[test]
fn other_currencies_keep_their_codes() {
    let facts = extract("world.txt");
    for (text, code, value) in [
        ("€7.5bn", "EUR", 7.5e9),
        ("£2.1bn", "GBP", 2.1e9),
        ("¥450 billion", "JPY", 450e9),
        ("C$1.2 billion", "CAD", 1.2e9),
        ("3 billion dollars", "USD", 3e9),
    ] {
        let f = find(&facts, "money", text);
        assert_eq!(f["currency"], code, "{text}");
        assert_eq!(f["value"].as_f64(), Some(value), "{text}");
    }
}

#[test]
fn statute_citations_are_not_counts() {
    let facts = extract("statute.txt");
    let counts: Vec<&str> = of_kind(&facts, "quantity")
        .iter()
        .filter_map(|f| f["text"].as_str())
        .collect();
    assert_eq!(
        counts,
        vec!["10-year", "1,900 wind and solar projects", "38 gigawatts"]
    );
    assert_eq!(
        find(&facts, "money", "1.5 cents")["value"].as_f64(),
        Some(0.015)
    );
}

/// The text with each paragraph wrapped at 72 columns, as plain-text press
/// releases often are.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    for para in text.split('\n') {
        let mut col = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if col > 0 && col + 1 + word.chars().count() > 72 {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += word.chars().count();
        }
        out.push('\n');
    }
    out
}

#[test]
fn hard_wrapped_documents_give_the_same_facts() {
    let s = crate::common::Scratch::new();
    for doc in ["health.txt", "grants.txt", "minwage.txt", "border.txt"] {
        let text = std::fs::read_to_string(fixture(doc)).expect("fixture");
        let wrapped = s.file(doc, wrap(&text));
        let got = json_lines(
            &factdeck([
                "extract".as_ref(),
                "--format".as_ref(),
                "json".as_ref(),
                wrapped.as_os_str(),
            ])
            .ok()
            .stdout,
        );
        let want = extract(doc);
        let values = |facts: &[Value]| {
            let mut v: Vec<String> = facts
                .iter()
                .filter(|f| f["kind"] != "quote")
                .map(|f| format!("{} {}", f["kind"], f["value"]))
                .collect();
            v.sort();
            v
        };
        assert_eq!(values(&got), values(&want), "{doc}");
    }
}

#[test]
fn labels_phone_numbers_times_and_rates_are_not_facts() {
    for doc in DOCS {
        let facts = extract(doc);
        for f in &facts {
            let text = f["text"].as_str().unwrap_or_default();
            for bad in [
                "301", "4477", "0199", "3362", "3030", "4521", "2210", "408", "14", "22", "988",
                "4791", "14143", "4323", "112",
            ] {
                if f["kind"] != "quote" && text == bad {
                    panic!("{doc}: {bad} reported as {f}");
                }
            }
            assert!(
                !(f["kind"] == "quantity" && text.contains("100,000")),
                "{doc}: a rate reported as a count: {f}"
            );
        }
    }
}
