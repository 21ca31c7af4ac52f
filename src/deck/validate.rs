//! Semantic checks of a deck: everything the TOML grammar cannot say. Every
//! check is a single pass with hash maps, so a 10,000-card deck checks in
//! linear time.

use crate::lexicon::value::{Amount, PartialDate, normalize_answer};
use crate::model::{Card, CardType, DECK_FORMAT, Deck, DeckFact, FactKind, Value};
use std::collections::{HashMap, HashSet};

/// One thing wrong with a deck, with the line (and column) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: String,
}

impl Problem {
    /// A problem at `line` (if known).
    pub fn at(line: Option<usize>, message: String) -> Problem {
        Problem {
            line,
            col: None,
            message,
        }
    }

    /// A problem at `line`, `col`.
    pub fn at_col(line: usize, col: usize, message: String) -> Problem {
        Problem {
            line: Some(line),
            col: Some(col),
            message,
        }
    }
}

/// Where the deck's parts are in its source: the lines of its facts and
/// cards by index, and the text itself to find a field's own line.
#[derive(Debug, Clone, Default)]
pub struct Lines<'s> {
    pub facts: Vec<usize>,
    pub cards: Vec<usize>,
    /// The source text (empty when checking a deck built in memory).
    pub src: &'s str,
    /// Cards written without an `id`: their line and the id they were given.
    pub unnamed: Vec<(usize, crate::model::CardId)>,
}

impl Lines<'_> {
    /// The line of `key = …` in the table whose header is on line `table`
    /// (1-based), or `table` itself when it cannot be found. Only called
    /// for a problem, so a scan is fine.
    pub fn field(&self, table: Option<usize>, key: &str) -> Option<usize> {
        let table = table?;
        let found = self
            .src
            .lines()
            .enumerate()
            .skip(table)
            .take_while(|(_, l)| !l.trim_start().starts_with('['))
            .find(|(_, l)| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            });
        Some(found.map_or(table, |(i, _)| i + 1))
    }

    /// The line of the `[deck]` header, when there is one.
    fn deck(&self) -> Option<usize> {
        self.src
            .lines()
            .position(|l| l.trim() == "[deck]")
            .map(|i| i + 1)
    }
}

/// Every semantic problem in `deck`; `lines` places them in the file.
pub fn check(deck: &Deck, lines: &Lines<'_>) -> Vec<Problem> {
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
    deck_fields(deck, lines, &mut out);
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
        fact_fields(f, fact_line(i), lines, &mut out);
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
        for (key, text) in card_texts(c) {
            if let Some(bad) = control_char(text) {
                out.push(Problem::at(
                    lines.field(line, key),
                    format!("card {}: {key} {}", c.id, control_message(bad)),
                ));
            }
        }
        let mut say = |m: String| out.push(Problem::at(line, format!("card {}: {m}", c.id)));
        match facts.get(c.fact.0.as_str()) {
            // A card of its own (a teacher's question): checked on its own
            // fields, its answer against the kind it declares.
            None if c.fact.0.is_empty() => {
                if let Some(why) = answer_misfits_kind(c) {
                    say(why);
                }
            }
            None => say(format!(
                "points to fact {}, which is not in the deck",
                c.fact
            )),
            Some((_, f)) if f.kind() != c.kind => say(format!(
                "kind is {} but its fact {} is a {}",
                c.kind,
                c.fact,
                f.kind()
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

/// Why the answer of a card without a fact cannot be an answer of the kind
/// the card declares: a date that reads as no date, a figure without a
/// number (read as the quiz judge reads answers). True/false answers and
/// quotes (a name or the words) are not checked.
fn answer_misfits_kind(c: &Card) -> Option<String> {
    let a = c.answer.trim();
    if c.card_type == CardType::TrueFalse || a.is_empty() {
        return None;
    }
    let (fits, like) = match c.kind {
        FactKind::Date => (PartialDate::parse(a).is_some(), "20 July 1969"),
        FactKind::Money => (Amount::parse(a).is_some(), "$18 billion"),
        FactKind::Percent => (Amount::parse(a).is_some(), "37%"),
        FactKind::Quantity => (Amount::parse(a).is_some(), "2,400"),
        FactKind::Quote => (true, ""),
    };
    (!fits).then(|| {
        format!(
            "has no fact, so its answer must read as a {} (like \"{like}\"), not \"{a}\"",
            c.kind
        )
    })
}

/// The first control character of `s` other than newline and tab: those
/// could drive a terminal (escape sequences) during a quiz.
fn control_char(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

fn control_message(c: char) -> String {
    format!(
        "contains the control character U+{:04X}; only newline and tab may appear in text (remove it)",
        c as u32
    )
}

/// A card's text fields, by key.
fn card_texts(c: &Card) -> impl Iterator<Item = (&'static str, &str)> {
    [
        ("id", c.id.0.as_str()),
        ("fact", c.fact.0.as_str()),
        ("prompt", c.prompt.as_str()),
        ("answer", c.answer.as_str()),
        ("sentence", c.sentence.as_str()),
        ("doc", c.doc.as_str()),
    ]
    .into_iter()
    .chain(c.hint.as_deref().map(|h| ("hint", h)))
    .chain(c.explanation.as_deref().map(|e| ("explanation", e)))
    .chain(c.options.iter().map(|o| ("options", o.as_str())))
    .chain(c.accepted.iter().map(|a| ("accepted", a.as_str())))
    .chain(c.tags.iter().map(|t| ("tags", t.as_str())))
}

/// Control characters in a fact's text, and a value of the wrong form.
fn fact_fields(f: &DeckFact, line: Option<usize>, lines: &Lines<'_>, out: &mut Vec<Problem>) {
    let value_text = match &f.value {
        Value::Text(t) => Some(t.as_str()),
        Value::Number(_) => None,
    };
    let texts = [
        ("id", Some(f.id.0.as_str())),
        ("text", Some(f.text.as_str())),
        ("value", value_text),
    ];
    let sentence = [("sentence", Some(f.sentence.as_str()))];
    let sources = f.sources.iter().map(|s| ("sources", Some(s.doc.as_str())));
    let all = texts
        .into_iter()
        .chain(f.detail.keys())
        .chain(sentence)
        .chain(sources);
    for (key, text) in all {
        if let Some(bad) = text.and_then(control_char) {
            out.push(Problem::at(
                lines.field(line, key),
                format!("fact {}: {key} {}", f.id, control_message(bad)),
            ));
        }
    }
    if !f.value.fits(f.kind()) {
        let w = match &f.value {
            Value::Text(t) => format!("\"{t}\""),
            Value::Number(n) => n.to_string(),
        };
        {
            out.push(Problem::at(
                lines.field(line, "value"),
                format!(
                    "fact {}: a {} value must be a finite number (like 18000000000) or a figure as written (like \"$18 billion\"), not {w}",
                    f.id, f.kind()
                ),
            ));
        }
    }
}

/// Control characters in the `[deck]` table and the conflicts.
fn deck_fields(deck: &Deck, lines: &Lines<'_>, out: &mut Vec<Problem>) {
    let info = &deck.deck;
    let texts = [
        ("title", info.title.as_str()),
        ("description", info.description.as_str()),
        ("created", info.created.as_str()),
    ]
    .into_iter()
    .chain(info.sources.iter().flat_map(|s| {
        [
            ("sources", s.path.as_str()),
            ("sources", s.title.as_str()),
            ("sources", s.sha256.as_str()),
        ]
    }));
    for (key, text) in texts {
        if let Some(bad) = control_char(text) {
            out.push(Problem::at(
                lines.field(lines.deck(), key),
                format!("[deck] {key} {}", control_message(bad)),
            ));
        }
    }
    for c in &deck.conflicts {
        for (key, text) in [("subject", c.subject.as_str()), ("note", c.note.as_str())] {
            if let Some(bad) = control_char(text) {
                out.push(Problem::at(
                    None,
                    format!(
                        "conflict about \"{}\": {key} {}",
                        c.subject.escape_debug(),
                        control_message(bad)
                    ),
                ));
            }
        }
    }
}

fn also_at(line: Option<usize>) -> String {
    line.map(|l| format!(" (first at line {l})"))
        .unwrap_or_default()
}
