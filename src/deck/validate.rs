//! Semantic checks of a deck: everything the TOML grammar cannot say. Every
//! check is a single pass with hash maps, so a 10,000-card deck checks in
//! linear time.

use crate::generate::forms::normalize_answer;
use crate::model::{CardType, DECK_FORMAT, Deck};
use std::collections::{HashMap, HashSet};

/// One thing wrong with a deck, with the line of the card or fact when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    /// A problem at `line` (if known).
    pub fn at(line: Option<usize>, message: String) -> Problem {
        Problem { line, message }
    }
}

/// Lines of the deck's facts and cards in its source, by index.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub facts: Vec<usize>,
    pub cards: Vec<usize>,
}

/// Every semantic problem in `deck`; `lines` places them in the file.
pub fn check(deck: &Deck, lines: &Lines) -> Vec<Problem> {
    let mut out = Vec::new();
    if deck.format != DECK_FORMAT {
        out.push(Problem::at(
            None,
            format!(
                "unknown deck format {} (this factdeck reads format {DECK_FORMAT})",
                deck.format
            ),
        ));
    }
    let fact_line = |i: usize| lines.facts.get(i).copied();
    let card_line = |i: usize| lines.cards.get(i).copied();
    let mut facts: HashMap<&str, (usize, &crate::model::DeckFact)> = HashMap::new();
    for (i, f) in deck.facts.iter().enumerate() {
        if let Some((j, _)) = facts.get(f.id.0.as_str()) {
            out.push(Problem::at(
                fact_line(i),
                format!("duplicate fact id {}{}", f.id, also_at(fact_line(*j))),
            ));
            continue;
        }
        facts.insert(f.id.0.as_str(), (i, f));
        if f.sources.is_empty() {
            out.push(Problem::at(
                fact_line(i),
                format!(
                    "fact {} lists no sources (give at least one {{ doc, line }})",
                    f.id
                ),
            ));
        }
    }
    for c in &deck.conflicts {
        for id in &c.facts {
            if !facts.contains_key(id.0.as_str()) {
                out.push(Problem::at(
                    None,
                    format!(
                        "conflict about \"{}\" names fact {id}, which is not in the deck",
                        c.subject
                    ),
                ));
            }
        }
    }
    let mut cards: HashMap<&str, usize> = HashMap::new();
    for (i, c) in deck.cards.iter().enumerate() {
        let line = card_line(i);
        let mut say = |m: String| out.push(Problem::at(line, format!("card {}: {m}", c.id)));
        if let Some(j) = cards.insert(c.id.0.as_str(), i) {
            say(format!("duplicate card id{}", also_at(card_line(j))));
        }
        match facts.get(c.fact.0.as_str()) {
            None => say(format!(
                "points to fact {}, which is not in the deck",
                c.fact
            )),
            Some((_, f)) if f.kind != c.kind => say(format!(
                "kind is {} but its fact {} is a {}",
                c.kind, c.fact, f.kind
            )),
            Some(_) => {}
        }
        if c.answer.trim().is_empty() {
            say("has no answer".into());
        }
        if c.prompt.trim().is_empty() {
            say("has an empty prompt".into());
        }
        match c.card_type {
            CardType::MultipleChoice | CardType::WhoSaid => {
                if c.options.len() < 2 {
                    say(format!("a {} card needs at least 2 options", c.card_type));
                }
                if !c.answer.trim().is_empty()
                    && !c.options.iter().any(|o| o.trim() == c.answer.trim())
                {
                    say(format!("answer \"{}\" is not among its options", c.answer));
                }
                let mut seen = HashSet::new();
                for o in &c.options {
                    if !seen.insert(normalize_answer(o)) {
                        say(format!("option \"{o}\" appears twice"));
                    }
                }
            }
            CardType::TrueFalse => {
                let a = c.answer.trim().to_lowercase();
                if a != "true" && a != "false" && !a.is_empty() {
                    say(format!(
                        "a true_false answer must be True or False, not \"{}\"",
                        c.answer
                    ));
                }
            }
            CardType::Cloze => {
                if !c.prompt.contains("____") {
                    say("a cloze prompt needs a ____ blank where the answer goes".into());
                }
            }
            CardType::ShortAnswer => {}
        }
    }
    out
}

fn also_at(line: Option<usize>) -> String {
    line.map(|l| format!(" (first at line {l})"))
        .unwrap_or_default()
}
