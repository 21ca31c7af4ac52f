//! Which facts make good questions, best first: specific figures, named
//! speakers and corroborated facts rank high; headings and fragments, and facts
//! that documents disagree about, are left out.

use super::forms::{DateValue, significant_digits};
use crate::model::{Conflict, DeckFact, FactKind};
use std::collections::HashSet;

/// A quote needs at least this many words for a who-said card.
pub const WHO_SAID_MIN_WORDS: usize = 6;

/// A sentence shorter than this is a heading or a fragment, not a statement.
const MIN_SENTENCE_WORDS: usize = 5;

/// Whether a sentence reads as a heading, a list fragment or a footer rather
/// than a statement a card can quote.
pub fn is_fragment(sentence: &str) -> bool {
    let s = sentence.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < MIN_SENTENCE_WORDS || s.starts_with('#') {
        return true;
    }
    if s.contains("http://") || s.contains("https://") || s.contains('@') || s.contains('|') {
        return true;
    }
    if !s.chars().any(|c| c.is_lowercase()) {
        return true;
    }
    let ends_like_sentence = s.ends_with(['.', '!', '?', '”', '"', ')', '’', '\'']);
    // Headings: no end mark and (nearly) every word capitalized.
    let alphabetic: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalized = alphabetic
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = !alphabetic.is_empty() && capitalized * 10 >= alphabetic.len() * 8;
    // A sentence cut off mid-phrase ("…lifted off from") is a fragment.
    let last = words
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    let dangling = DANGLING.contains(&last.as_str());
    // A dateline or byline ("Updated 11:42 p.m. ET, March 3, 2026") is
    // figures and names with hardly a lowercase word.
    let lowercase_words = alphabetic.len() - capitalized;
    !ends_like_sentence && (title_case || words.len() < 6 || dangling || lowercase_words < 3)
}

/// Words a complete sentence does not end on.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "from", "in", "on", "at", "by", "for", "with", "and", "or",
    "but", "that", "which", "who", "as", "than", "into", "onto", "about",
];

/// How good a question a fact makes; higher is better.
pub fn score(f: &DeckFact) -> i64 {
    let mut s: i64 = match f.kind() {
        FactKind::Money => 30,
        FactKind::Percent => 25,
        FactKind::Quote => 25,
        FactKind::Quantity => 20,
        FactKind::Date => 20,
    };
    match f.kind() {
        FactKind::Date => {
            if let Some(d) = f.value.as_text().and_then(DateValue::from_iso) {
                s += match (d.year, d.month, d.day) {
                    (Some(_), Some(_), Some(_)) => 15,
                    (Some(_), Some(_), None) => 8,
                    (None, _, _) => -5,
                    _ => 0,
                };
            }
        }
        FactKind::Quote => {
            if f.speaker().is_some() {
                s += 15;
            }
            if f.speaker_role().is_some() {
                s += 5;
            }
            let words = f.text.split_whitespace().count();
            if (WHO_SAID_MIN_WORDS..=30).contains(&words) {
                s += 5;
            }
        }
        _ => {
            if significant_digits(&f.text) >= 2 {
                s += 5;
            }
            if f.unit().is_some_and(|u| !u.is_empty()) && f.kind() == FactKind::Quantity {
                s += 5;
            }
            if f.qualifier().is_some() {
                s -= 3;
            }
        }
    }
    if f.kind() != FactKind::Quote && leans_on_previous_sentence(&f.sentence) {
        s -= 20;
    }
    let docs: HashSet<&str> = f.sources.iter().map(|x| x.doc.as_str()).collect();
    s += 10 * (docs.len().min(3) as i64 - 1);
    let words = f.sentence.split_whitespace().count();
    if (8..=30).contains(&words) {
        s += 5;
    } else if words > 45 {
        s -= 5;
    }
    s
}

/// Whether a sentence's subject is a pronoun for something said before ("For
/// a family of four, that was $3,250"; "It cost $5 million"): a card quoting
/// it alone does not say what it is about.
fn leans_on_previous_sentence(sentence: &str) -> bool {
    const POINTERS: &[&str] = &[
        "it", "this", "that", "they", "these", "those", "he", "she", "such",
    ];
    let lower = sentence.trim().to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    POINTERS.contains(&first)
        || [
            ", that was",
            ", that is",
            ", this was",
            ", this is",
            ", it was",
            ", it is",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// Indices of the facts worth asking about, best first (ties keep document order).
pub fn rank(facts: &[DeckFact], conflicts: &[Conflict]) -> Vec<usize> {
    let disputed: HashSet<&str> = conflicts
        .iter()
        .flat_map(|c| c.facts.iter().map(|id| id.0.as_str()))
        .collect();
    let mut order: Vec<(i64, usize)> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| !disputed.contains(f.id.0.as_str()))
        .filter(|(_, f)| f.kind() == FactKind::Quote || !is_fragment(&f.sentence))
        .map(|(i, f)| (-score(f), i))
        .collect();
    order.sort();
    order.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::merge::merge;
    use crate::generate::testutil::fact;
    use crate::model::Extraction;

    #[test]
    fn headings_and_fragments_are_not_statements() {
        assert!(is_fragment("Mission Timeline And Key Dates 1969"));
        assert!(is_fragment("Budget: $25 billion"));
        assert!(is_fragment(
            "Contact press@example.org for details about the 2024 report."
        ));
        assert!(is_fragment("Updated 11:42 p.m. ET, March 13, 2026"));
        assert!(is_fragment("Posted Tuesday, Jan. 6, 2026 at 9:15 AM"));
        assert!(!is_fragment("The lunar module landed on July 20, 1969."));
        assert!(!is_fragment(
            "About 600 million people watched the broadcast"
        ));
    }

    #[test]
    fn a_sentence_about_an_earlier_one_ranks_below_one_that_stands_alone() {
        let leaning = fact("a.md", FactKind::Money, "$3,250", 3250.0)
            .sentence("For a family of four in 2024, that was $3,250 per month.")
            .build();
        let alone = fact("a.md", FactKind::Money, "$188", 188.0)
            .sentence("The average benefit was about $188 per person per month.")
            .build();
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts: vec![leaning, alone],
            people: vec![],
            outlets: vec![],
        }]);
        assert_eq!(rank(&m.facts, &[]), vec![1, 0]);
        assert!(leans_on_previous_sentence("It cost $5 million to build."));
        assert!(!leans_on_previous_sentence("Items cost $5 million in all."));
    }

    #[test]
    fn specific_and_corroborated_facts_rank_first() {
        let year = fact("a.md", FactKind::Date, "1969", "1969")
            .sentence("The program ended its main phase in 1969 after many flights.")
            .build();
        let day = fact("a.md", FactKind::Date, "July 20, 1969", "1969-07-20")
            .sentence("The lunar module landed on July 20, 1969 in the afternoon.")
            .build();
        let heading = fact("a.md", FactKind::Money, "$25 billion", 25e9)
            .sentence("Cost: $25 billion")
            .build();
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts: vec![year, day, heading],
            people: vec![],
            outlets: vec![],
        }]);
        assert_eq!(rank(&m.facts, &[]), vec![1, 0]);
    }
}
