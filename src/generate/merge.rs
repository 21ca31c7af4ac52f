//! Merging facts across documents: the same fact stated twice becomes one
//! [`DeckFact`] listing every source; two documents that give different values
//! for the same thing become a [`Conflict`].

use super::forms::{DateValue, plain_number};
use crate::model::{Conflict, DeckFact, Extraction, Fact, FactKind, Person, SourceRef, Value};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Two sentences are "close" when this share of their words (Jaccard) is common.
const CLOSE_SENTENCE: f64 = 0.5;

/// Two statements are about the same thing when this share of their subject words is common…
const SAME_SUBJECT: f64 = 0.6;
/// …and they share at least this many subject words.
const MIN_SHARED_SUBJECT_WORDS: usize = 3;

/// Words too common to say what a statement is about.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "than",
    "then",
    "about",
    "over",
    "under",
    "more",
    "less",
    "nearly",
    "approximately",
    "around",
    "some",
    "up",
    "after",
    "before",
    "during",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "while",
    "said",
    "says",
    "also",
    "not",
    "no",
    "so",
    "there",
    "into",
    "per",
    "cent",
    "percent",
    "dollars",
    "dollar",
    "million",
    "billion",
    "trillion",
    "thousand",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "s",
];

/// The facts of all documents, merged, with the people they name.
#[derive(Debug, Default)]
pub struct Merged {
    pub facts: Vec<DeckFact>,
    pub conflicts: Vec<Conflict>,
    /// Everyone named in any document, one entry per person.
    pub people: Vec<Person>,
}

/// Merges the facts of several documents, in document order.
pub fn merge(extractions: &[Extraction]) -> Merged {
    let mut facts: Vec<DeckFact> = Vec::new();
    let mut words: Vec<HashSet<String>> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for ex in extractions {
        for f in &ex.facts {
            let key = merge_key(f);
            let w = sentence_words(&f.sentence, &f.text);
            let same = by_key.get(&key).and_then(|c| {
                c.iter().copied().find(|&i| {
                    jaccard(&words[i], &w) >= CLOSE_SENTENCE || f.kind == FactKind::Quote
                })
            });
            let src = SourceRef {
                doc: f.doc.clone(),
                line: f.line,
            };
            match same {
                Some(i) => {
                    if !facts[i].sources.contains(&src) {
                        facts[i].sources.push(src);
                    }
                }
                None => {
                    by_key.entry(key).or_default().push(facts.len());
                    facts.push(deck_fact(f, src));
                    words.push(w);
                }
            }
        }
    }
    let conflicts = find_conflicts(&facts);
    Merged {
        facts,
        conflicts,
        people: merge_people(extractions),
    }
}

fn deck_fact(f: &Fact, src: SourceRef) -> DeckFact {
    DeckFact {
        id: f.id.clone(),
        kind: f.kind,
        text: f.text.clone(),
        value: f.value.clone(),
        currency: f.currency.clone(),
        qualifier: f.qualifier.clone(),
        unit: f.unit.clone(),
        speaker: f.speaker.clone(),
        speaker_role: f.speaker_role.clone(),
        outlet: f.outlet.clone(),
        sentence: f.sentence.clone(),
        sources: vec![src],
    }
}

/// Facts with equal keys state the same value of the same kind.
fn merge_key(f: &Fact) -> String {
    let value = match (&f.value, f.kind) {
        (Value::Text(t), FactKind::Quote) => words_of(t).collect::<Vec<_>>().join(" "),
        (Value::Text(t), _) => t.trim().to_string(),
        (Value::Number(n), _) => plain_number(*n, 6),
    };
    format!(
        "{}|{}|{}|{}|{}",
        f.kind.as_str(),
        value,
        f.currency.as_deref().unwrap_or(""),
        unit_class(f.unit.as_deref()),
        f.speaker.as_deref().unwrap_or("").to_lowercase()
    )
}

fn unit_class(unit: Option<&str>) -> String {
    unit.unwrap_or("").trim().to_lowercase()
}

fn words_of(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The sentence's words without the fact's own words.
fn sentence_words(sentence: &str, fact_text: &str) -> HashSet<String> {
    let own: HashSet<String> = words_of(fact_text).collect();
    words_of(sentence).filter(|w| !own.contains(w)).collect()
}

/// What a sentence says something about: its content words, without the
/// fact's own words, numbers and stopwords, in sentence order.
fn subject_words(sentence: &str, fact_text: &str) -> Vec<String> {
    let own: HashSet<String> = words_of(fact_text).collect();
    let mut seen = HashSet::new();
    words_of(sentence)
        .filter(|w| {
            !own.contains(w)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !STOPWORDS.contains(&w.as_str())
                && w.chars().count() > 1
        })
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.iter().filter(|w| b.contains(*w)).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Subject words shared by more facts than this say nothing specific and are
/// not used to look for conflicts (this also keeps the search near-linear).
const COMMON_WORD_LIMIT: usize = 64;

/// Pairs of facts from different documents about the same thing with values
/// that cannot both be right.
fn find_conflicts(facts: &[DeckFact]) -> Vec<Conflict> {
    let subjects: Vec<Vec<String>> = facts
        .iter()
        .map(|f| {
            if f.kind == FactKind::Quote {
                Vec::new()
            } else {
                subject_words(&f.sentence, &f.text)
            }
        })
        .collect();
    let mut index: HashMap<(FactKind, String, &str), Vec<usize>> = HashMap::new();
    for (i, (f, words)) in facts.iter().zip(&subjects).enumerate() {
        let class = format!(
            "{}{}",
            f.currency.as_deref().unwrap_or(""),
            unit_class(f.unit.as_deref())
        );
        for w in words {
            index
                .entry((f.kind, class.clone(), w.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for postings in index.values() {
        if postings.len() > COMMON_WORD_LIMIT {
            continue;
        }
        for (n, &a) in postings.iter().enumerate() {
            for &b in &postings[n + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut out = Vec::new();
    for (a, b) in pairs {
        let (fa, fb) = (&facts[a], &facts[b]);
        let docs_a: HashSet<&str> = fa.sources.iter().map(|s| s.doc.as_str()).collect();
        if fb.sources.iter().any(|s| docs_a.contains(s.doc.as_str())) {
            continue;
        }
        let sa: HashSet<String> = subjects[a].iter().cloned().collect();
        let sb: HashSet<String> = subjects[b].iter().cloned().collect();
        let shared: Vec<String> = subjects[a]
            .iter()
            .filter(|w| sb.contains(*w))
            .cloned()
            .collect();
        if shared.len() < MIN_SHARED_SUBJECT_WORDS || jaccard(&sa, &sb) < SAME_SUBJECT {
            continue;
        }
        if !values_disagree(fa, fb) {
            continue;
        }
        let at = |f: &DeckFact| {
            f.sources
                .first()
                .map(|s| format!("{}:{}", s.doc, s.line))
                .unwrap_or_default()
        };
        out.push(Conflict {
            kind: fa.kind,
            subject: shared.join(" "),
            facts: vec![fa.id.clone(), fb.id.clone()],
            note: format!("{} says {}; {} says {}", at(fa), fa.text, at(fb), fb.text),
        });
    }
    out
}

/// Whether two values for the same thing contradict each other: dates that
/// differ at the precision both state, numbers that differ by more than
/// rounding (or, when one is qualified with "about", by more than 10%).
fn values_disagree(a: &DeckFact, b: &DeckFact) -> bool {
    match (&a.value, &b.value) {
        (Value::Text(x), Value::Text(y)) if a.kind == FactKind::Date => {
            match (DateValue::parse(x), DateValue::parse(y)) {
                (Some(dx), Some(dy)) => {
                    let coarse_x = DateValue {
                        year: dx.year.filter(|_| dy.year.is_some()),
                        month: dx.month.filter(|_| dy.month.is_some()),
                        day: dx.day.filter(|_| dy.day.is_some()),
                    };
                    let coarse_y = DateValue {
                        year: dy.year.filter(|_| dx.year.is_some()),
                        month: dy.month.filter(|_| dx.month.is_some()),
                        day: dy.day.filter(|_| dx.day.is_some()),
                    };
                    coarse_x != coarse_y
                }
                _ => x != y,
            }
        }
        (Value::Number(x), Value::Number(y)) => {
            let scale = x.abs().max(y.abs()).max(f64::MIN_POSITIVE);
            let tolerance = if a.qualifier.is_some() || b.qualifier.is_some() {
                0.10
            } else {
                0.001
            };
            (x - y).abs() / scale > tolerance
        }
        (x, y) => x != y,
    }
}

/// Everyone named in any document (and every quote's speaker), one entry per
/// person, with all their aliases; sorted by name.
fn merge_people(extractions: &[Extraction]) -> Vec<Person> {
    let mut by_name: HashMap<String, Person> = HashMap::new();
    let mut add = |p: &Person| {
        let key = p.name.to_lowercase();
        let entry = by_name.entry(key).or_insert_with(|| Person {
            name: p.name.clone(),
            aliases: Vec::new(),
            role: None,
        });
        for a in &p.aliases {
            if !entry.aliases.contains(a) && a != &entry.name {
                entry.aliases.push(a.clone());
            }
        }
        if entry.role.is_none() {
            entry.role = p.role.clone();
        }
    };
    for ex in extractions {
        for p in &ex.people {
            add(p);
        }
        for f in &ex.facts {
            if let Some(s) = &f.speaker {
                add(&Person {
                    name: s.clone(),
                    aliases: Vec::new(),
                    role: f.speaker_role.clone(),
                });
            }
        }
    }
    let mut people: Vec<Person> = by_name.into_values().collect();
    for p in &mut people {
        p.aliases.sort();
    }
    people.sort();
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::testutil::fact;

    #[test]
    fn same_fact_in_two_documents_is_merged_with_both_sources() {
        let a = fact("a.md", FactKind::Date, "July 20, 1969", "1969-07-20")
            .sentence("The lunar module landed on July 20, 1969.")
            .line(3)
            .build();
        let b = fact("b.md", FactKind::Date, "July 20, 1969", "1969-07-20")
            .sentence("On July 20, 1969, the lunar module landed.")
            .line(9)
            .build();
        let m = merge(&[ex("a.md", vec![a]), ex("b.md", vec![b])]);
        assert_eq!(m.facts.len(), 1);
        assert_eq!(m.facts[0].sources.len(), 2);
        assert_eq!(m.facts[0].sources[1].doc, "b.md");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn same_value_in_unrelated_sentences_stays_two_facts() {
        let a = fact("a.md", FactKind::Money, "$5 billion", 5e9)
            .sentence("The agency asked Congress for $5 billion for new rockets.")
            .build();
        let b = fact("a.md", FactKind::Money, "$5 billion", 5e9)
            .sentence("Tourism brought $5 billion to the coastal towns last year.")
            .build();
        assert_eq!(merge(&[ex("a.md", vec![a, b])]).facts.len(), 2);
    }

    #[test]
    fn different_values_for_the_same_subject_are_a_conflict() {
        let a = fact("a.md", FactKind::Money, "$10 billion", 10e9)
            .sentence("The agency requested $10 billion in federal funding for the program.")
            .build();
        let b = fact("b.md", FactKind::Money, "$12 billion", 12e9)
            .sentence("The agency requested $12 billion in federal funding for the program.")
            .line(7)
            .build();
        let m = merge(&[ex("a.md", vec![a]), ex("b.md", vec![b])]);
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        let c = &m.conflicts[0];
        assert!(c.subject.contains("federal funding"), "{}", c.subject);
        assert_eq!(c.note, "a.md:1 says $10 billion; b.md:7 says $12 billion");
    }

    #[test]
    fn a_coarser_date_that_agrees_is_not_a_conflict() {
        let a = fact("a.md", FactKind::Date, "July 1969", "1969-07")
            .sentence("The lunar module landed on the Moon in July 1969 after a long flight.")
            .build();
        let b = fact("b.md", FactKind::Date, "July 20, 1969", "1969-07-20")
            .sentence("The lunar module landed on the Moon on July 20, 1969 after a long flight.")
            .build();
        assert!(
            merge(&[ex("a.md", vec![a]), ex("b.md", vec![b])])
                .conflicts
                .is_empty()
        );
    }

    #[test]
    fn people_are_merged_with_their_aliases() {
        let mut e = ex("a.md", vec![]);
        e.people.push(Person {
            name: "Neil Armstrong".into(),
            aliases: vec!["Armstrong".into()],
            role: Some("commander".into()),
        });
        let mut e2 = ex("b.md", vec![]);
        e2.people.push(Person {
            name: "Neil Armstrong".into(),
            aliases: vec!["Mr. Armstrong".into()],
            role: None,
        });
        let m = merge(&[e, e2]);
        assert_eq!(m.people.len(), 1);
        assert_eq!(m.people[0].aliases, vec!["Armstrong", "Mr. Armstrong"]);
    }

    fn ex(doc: &str, facts: Vec<Fact>) -> Extraction {
        Extraction {
            doc: doc.into(),
            facts,
            people: Vec::new(),
            outlets: Vec::new(),
        }
    }
}
