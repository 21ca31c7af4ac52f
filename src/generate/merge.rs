//! Merging facts across documents: the same fact stated twice becomes one
//! [`DeckFact`] listing every source; two documents that give different values
//! for the same thing become a [`Conflict`].

use super::clause::Frame;
use super::forms::{DateValue, plain_number};
use super::identity::Identities;
use crate::extract::words;
use crate::model::{Conflict, DeckFact, Extraction, Fact, FactKind, Person, SourceRef, Value};
use std::collections::{HashMap, HashSet};

/// Two sentences are "close" when this share of their content words
/// (Jaccard, without stopwords, numbers and the fact itself) is common.
const CLOSE_SENTENCE: f64 = 0.5;

/// Two statements are about the same thing when this share of their subject words is common…
const SAME_SUBJECT: f64 = 0.7;
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
    // One identity per person across the documents: every quote is credited
    // to its speaker's fullest name, so "Reyes" and "Ana Reyes" are one speaker.
    let identities = Identities::new(&merge_people(extractions));
    let mut facts: Vec<DeckFact> = Vec::new();
    let mut words: Vec<(HashSet<String>, Anchors)> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for ex in extractions {
        for f in &ex.facts {
            let canonical = f
                .speaker()
                .and_then(|s| identities.canonical(s))
                .filter(|c| Some(*c) != f.speaker());
            let renamed;
            let f = match canonical {
                Some(name) => {
                    let mut r = f.clone();
                    if let Some(slot) = r.detail.slot("speaker") {
                        *slot = Some(name.to_string());
                    }
                    renamed = r;
                    &renamed
                }
                None => f,
            };
            let key = merge_key(f);
            let w: HashSet<String> = subject_words(&f.sentence, &f.text).into_iter().collect();
            let a = Anchors::of(&f.sentence, &f.text);
            let same = by_key.get(&key).and_then(|c| {
                c.iter().copied().find(|&i| {
                    f.kind() == FactKind::Quote
                        || (words[i].1.compatible(&a) && jaccard(&words[i].0, &w) >= CLOSE_SENTENCE)
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
                    words.push((w, a));
                }
            }
        }
    }
    let conflicts = find_conflicts(&facts);
    Merged {
        facts,
        conflicts,
        people: identities.people().to_vec(),
    }
}

fn deck_fact(f: &Fact, src: SourceRef) -> DeckFact {
    DeckFact {
        statement: f.statement.clone(),
        sources: vec![src],
    }
}

/// Facts with equal keys state the same value of the same kind.
fn merge_key(f: &Fact) -> String {
    let value = match (&f.value, f.kind()) {
        (Value::Text(t), FactKind::Quote) => words_of(t).collect::<Vec<_>>().join(" "),
        (Value::Text(t), _) => t.trim().to_string(),
        (Value::Number(n), _) => plain_number(*n, 6),
    };
    format!(
        "{}|{}|{}|{}|{}",
        f.kind().as_str(),
        value,
        f.currency().unwrap_or(""),
        unit_class(f.unit()),
        f.speaker().unwrap_or("").to_lowercase()
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

/// What a sentence says something about: its content words, without the
/// fact's own words, numbers and stopwords, in sentence order.
fn subject_words(sentence: &str, fact_text: &str) -> Vec<String> {
    let own: HashSet<String> = words_of(fact_text).collect();
    let mut seen = HashSet::new();
    words_of(sentence)
        .filter(|w| {
            !own.contains(w)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !is_stopword_or_month(w)
                && w.chars().count() > 1
        })
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// What a statement is anchored to: the names (capitalized words) and the
/// other figures in it, without the fact's own words.
#[derive(Debug, Clone, Default, PartialEq)]
struct Anchors {
    names: Vec<String>,
    figures: Vec<String>,
}

impl Anchors {
    fn of(sentence: &str, fact_text: &str) -> Anchors {
        let own: HashSet<String> = words_of(fact_text).collect();
        let mut a = Anchors::default();
        for (n, w) in sentence
            .split(|c: char| c.is_whitespace() || c == '—' || c == '–' || c == '/')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .enumerate()
        {
            let Some(first) = w.chars().next() else {
                continue;
            };
            let lower = w.to_lowercase();
            if own.contains(&lower) {
                continue;
            }
            // Months are figures: "March 3, 2021" anchors like "2021".
            if first.is_ascii_digit() || (first.is_uppercase() && is_month(&lower)) {
                a.figures.push(lower);
            } else if first.is_uppercase() && !is_common(&lower, n == 0) {
                a.names.push(lower);
            }
        }
        for v in [&mut a.names, &mut a.figures] {
            v.sort();
            v.dedup();
        }
        a
    }

    /// Two statements can be about the same thing unless they name different
    /// things ("Ohio received…" / "Texas received…") or give different other
    /// figures ("in 2019" / "in 2021"). One naming more than the other is fine.
    fn compatible(&self, other: &Anchors) -> bool {
        let nested = |a: &[String], b: &[String]| {
            a.iter().all(|x| b.binary_search(x).is_ok())
                || b.iter().all(|x| a.binary_search(x).is_ok())
        };
        nested(&self.names, &other.names) && nested(&self.figures, &other.figures)
    }
}

/// A capitalized word that names nothing: a stopword, a weekday, or a word
/// capitalized only because it opens the sentence.
fn is_common(lower: &str, opens_sentence: bool) -> bool {
    is_stopword_or_month(lower)
        || words::weekday(lower)
        || (opens_sentence && SENTENCE_STARTERS.contains(&lower))
}

fn is_stopword_or_month(w: &str) -> bool {
    STOPWORDS.contains(&w) || is_month(w)
}

/// A month's name or abbreviation (lowercase): never a subject word.
fn is_month(w: &str) -> bool {
    words::month(w).is_some()
}

/// Capitalized only because they open a sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "officials",
    "it",
    "this",
    "that",
    "there",
    "here",
    "according",
    "last",
    "next",
    "each",
    "every",
    "all",
    "both",
    "most",
    "many",
    "some",
    "several",
    "one",
    "two",
    "three",
    "if",
    "when",
    "while",
    "since",
    "because",
    "although",
    "however",
    "meanwhile",
    "overall",
];

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.iter().filter(|w| b.contains(*w)).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Each fact is compared with at most this many earlier facts per blocking
/// key, so finding conflicts stays linear however many documents there are.
const BLOCK_LIMIT: usize = 32;

/// A fact is filed under this many of its rarest subject words.
const RARE_KEYS: usize = 4;

/// Facts of this many documents at most are named in one conflict's note.
const NOTE_LIMIT: usize = 5;

/// Groups of facts from different documents about the same thing whose values
/// cannot all be right, one [`Conflict`] per group.
///
/// Candidates are found by blocking: each fact is filed under its few rarest
/// subject words, and compared only with facts filed under the same words.
/// Facts about the same thing share rare words ("tunnel", "dredging"), so
/// they meet; unrelated facts rarely do.
fn find_conflicts(facts: &[DeckFact]) -> Vec<Conflict> {
    let (subjects, anchor_sets): (Vec<Vec<String>>, Vec<Anchors>) = facts
        .iter()
        .map(|f| {
            if f.kind() == FactKind::Quote {
                return (Vec::new(), Anchors::default());
            }
            let around = Frame::new(&f.sentence, &f.text)
                .map(|fr| fr.clause().context())
                .unwrap_or_else(|| f.sentence.clone());
            (
                subject_words(&around, &f.text),
                Anchors::of(&around, &f.text),
            )
        })
        .unzip();
    // Compared by stem: one outlet's "approved" is another's "voted to approve".
    let stems: Vec<HashSet<&str>> = subjects
        .iter()
        .map(|words| words.iter().map(|w| stem(w)).collect())
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for words in &subjects {
        for w in words {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut parent: Vec<usize> = (0..facts.len()).collect();
    let mut blocks: HashMap<(FactKind, String, String), Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        if subjects[i].len() < MIN_SHARED_SUBJECT_WORDS {
            continue;
        }
        // A word no other fact has cannot bring two facts together: file the
        // fact under its rarest words that some other fact shares.
        let mut rare: Vec<&str> = subjects[i]
            .iter()
            .map(String::as_str)
            .filter(|w| df.get(w).copied().unwrap_or(0) > 1)
            .collect();
        rare.sort_by_key(|w| (df.get(w).copied().unwrap_or(0), *w));
        rare.truncate(RARE_KEYS);
        let class = format!("{}|{}", f.currency().unwrap_or(""), unit_class(f.unit()));
        let set_i = &stems[i];
        for word in rare {
            let key = (f.kind(), class.clone(), word.to_string());
            let block = blocks.entry(key).or_default();
            for &j in block.iter() {
                if !anchor_sets[i].compatible(&anchor_sets[j])
                    || find(&mut parent, i) == find(&mut parent, j)
                    || share_a_document(f, &facts[j])
                {
                    continue;
                }
                let set_j = &stems[j];
                let shared = set_i.intersection(set_j).count();
                let union = set_i.len() + set_j.len() - shared;
                if shared >= MIN_SHARED_SUBJECT_WORDS
                    && shared as f64 >= SAME_SUBJECT * union as f64
                {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
            if block.len() < BLOCK_LIMIT {
                block.push(i);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..facts.len() {
        let r = find(&mut parent, i);
        if r != i || groups.contains_key(&r) {
            groups.entry(r).or_default().push(i);
        }
    }
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    let mut out = Vec::new();
    for r in roots {
        let mut members = vec![r];
        members.extend(
            groups
                .get(&r)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&m| m != r),
        );
        members.sort_unstable();
        let disagree = members.iter().enumerate().any(|(n, &a)| {
            members[n + 1..].iter().any(|&b| {
                !share_a_document(&facts[a], &facts[b]) && values_disagree(&facts[a], &facts[b])
            })
        });
        if !disagree {
            continue;
        }
        let first: HashSet<&str> = subjects[members[0]].iter().map(String::as_str).collect();
        let shared: Vec<String> = subjects[members[1]]
            .iter()
            .filter(|w| first.contains(w.as_str()))
            .cloned()
            .collect();
        let at = |f: &DeckFact| {
            f.sources
                .first()
                .map(|s| format!("{}:{}", s.doc, s.line))
                .unwrap_or_default()
        };
        let mut says: Vec<String> = members
            .iter()
            .take(NOTE_LIMIT)
            .map(|&m| format!("{} says {}", at(&facts[m]), facts[m].text))
            .collect();
        if members.len() > NOTE_LIMIT {
            says.push(format!("and {} more", members.len() - NOTE_LIMIT));
        }
        out.push(Conflict {
            kind: facts[r].kind(),
            subject: shared.join(" "),
            facts: members.iter().map(|&m| facts[m].id.clone()).collect(),
            note: says.join("; "),
        });
    }
    out
}

/// A crude stem, enough to match inflections of one word across two
/// reports: "approved", "approves", "approve" → "approv".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return stem;
        }
    }
    word
}

fn share_a_document(a: &DeckFact, b: &DeckFact) -> bool {
    a.sources
        .iter()
        .any(|x| b.sources.iter().any(|y| x.doc == y.doc))
}

/// Union-find root, with path halving.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Whether two values for the same thing contradict each other: dates that
/// differ at the precision both state, numbers that differ by more than
/// rounding (or, when one is qualified with "about", by more than 10%).
fn values_disagree(a: &DeckFact, b: &DeckFact) -> bool {
    match (&a.value, &b.value) {
        (Value::Text(x), Value::Text(y)) if a.kind() == FactKind::Date => {
            match (DateValue::from_iso(x), DateValue::from_iso(y)) {
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
            let tolerance = if a.qualifier().is_some() || b.qualifier().is_some() {
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
            if let Some(s) = f.speaker() {
                add(&Person {
                    name: s.to_string(),
                    aliases: Vec::new(),
                    role: f.speaker_role().map(str::to_string),
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
    fn reworded_report_of_another_figure_is_a_conflict() {
        // Two outlets word one vote differently ("voted to approve" /
        // "approved"); the figure differs, so one of them is wrong.
        let a = fact("a.txt", FactKind::Money, "$4.2 million", 4.2e6)
            .sentence(
                "The Riverton City Council voted 5-2 on Tuesday night to approve a $4.2 million \
                 expansion of the Maple Street branch library, ending a debate that had \
                 stretched over nearly 18 months.",
            )
            .build();
        let b = fact("b.txt", FactKind::Money, "$4.5 million", 4.5e6)
            .sentence(
                "The Riverton City Council on Tuesday approved a $4.5 million expansion of the \
                 Maple Street branch library after nearly 18 months of debate.",
            )
            .build();
        let m = merge(&[ex("a.txt", vec![a]), ex("b.txt", vec![b])]);
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    }

    #[test]
    fn different_names_mean_different_subjects() {
        let f = |doc: &str, place: &str, v: f64| {
            fact(doc, FactKind::Percent, &format!("{v}%"), v)
                .sentence(&format!(
                    "A survey found that {v}% of residents backed the {place} tunnel project."
                ))
                .build()
        };
        let m = merge(&[
            ex("a.md", vec![f("a.md", "Ashford", 42.0)]),
            ex(
                "b.md",
                vec![f("b.md", "Birchvale", 42.0), f("b.md", "Ashford", 57.0)],
            ),
        ]);
        assert_eq!(m.facts.len(), 3, "the Birchvale figure is another fact");
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert_eq!(
            m.conflicts[0].facts,
            vec![m.facts[0].id.clone(), m.facts[2].id.clone()]
        );
    }

    #[test]
    fn attribution_and_a_date_in_one_sentence_do_not_hide_a_conflict() {
        let a = fact("a.md", FactKind::Money, "$18 billion", 18e9)
            .sentence(
                "The city council approved $18 billion for the harbor bridge on March 3, 2021.",
            )
            .build();
        let b = fact("b.md", FactKind::Money, "$20 billion", 20e9)
            .sentence("The city council approved $20 billion for the harbor bridge, officials said on Monday.")
            .build();
        let m = merge(&[ex("a.md", vec![a]), ex("b.md", vec![b])]);
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    }

    #[test]
    fn different_years_are_different_subjects() {
        let a = fact("a.md", FactKind::Money, "$5 million", 5e6)
            .sentence("The county spent $5 million on road repairs in 2019.")
            .build();
        let b = fact("b.md", FactKind::Money, "$7 million", 7e6)
            .sentence("The county spent $7 million on road repairs in 2021.")
            .build();
        let c = fact("c.md", FactKind::Money, "$9 million", 9e6)
            .sentence("Ohio spent $9 million on road repairs and bridges.")
            .build();
        let d = fact("d.md", FactKind::Money, "$4 million", 4e6)
            .sentence("Texas spent $4 million on road repairs and bridges.")
            .build();
        let m = merge(&[
            ex("a.md", vec![a]),
            ex("b.md", vec![b]),
            ex("c.md", vec![c]),
            ex("d.md", vec![d]),
        ]);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    }

    #[test]
    fn three_documents_disagreeing_make_one_conflict() {
        let f = |doc: &str, text: &str, v: f64| {
            fact(doc, FactKind::Quantity, text, v)
                .unit("workers")
                .sentence(&format!(
                    "The harbor tunnel project will employ {text} at its peak next spring."
                ))
                .build()
        };
        let m = merge(&[
            ex("a.md", vec![f("a.md", "1200 workers", 1200.0)]),
            ex("b.md", vec![f("b.md", "1500 workers", 1500.0)]),
            ex("c.md", vec![f("c.md", "900 workers", 900.0)]),
        ]);
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert_eq!(m.conflicts[0].facts.len(), 3);
        assert!(
            m.conflicts[0].note.contains("c.md:1 says 900 workers"),
            "{}",
            m.conflicts[0].note
        );
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

    #[test]
    fn one_speaker_named_three_ways_in_three_documents_is_one_person() {
        let q = |doc: &str, who: &str, text: &str| {
            fact(doc, FactKind::Quote, text, text)
                .speaker(who)
                .sentence(&format!("“{text},” said {who}."))
                .build()
        };
        let mut a = ex(
            "a.md",
            vec![q(
                "a.md",
                "Ana Lucia Reyes",
                "we will open the library in spring",
            )],
        );
        a.people.push(Person {
            name: "Ana Lucia Reyes".into(),
            aliases: vec!["Reyes".into()],
            role: Some("Mayor".into()),
        });
        let b = ex(
            "b.md",
            vec![q("b.md", "Ana Reyes", "the budget is balanced at last")],
        );
        let c = ex(
            "c.md",
            vec![q("c.md", "Reyes", "nobody will lose a bus route")],
        );
        let m = merge(&[a, b, c]);
        assert_eq!(m.people.len(), 1, "{:?}", m.people);
        assert_eq!(m.people[0].name, "Ana Lucia Reyes");
        assert!(m.people[0].aliases.contains(&"Ana Reyes".to_string()));
        for f in &m.facts {
            assert_eq!(f.speaker(), Some("Ana Lucia Reyes"), "{f:?}");
        }
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
