//! The end-of-session summary: score, time, accuracy by card type and fact
//! kind, the cards missed with their answers, and when cards are next due.

use crate::model::{CardId, Deck};
use crate::quiz::Ending;
use crate::quiz::term::Tone;
use crate::review::schedule::{CardState, end_of_day, local_day};
use chrono::{DateTime, Local, TimeZone, Utc};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::time::Duration;

/// One answer given in a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Index into the deck's cards.
    pub card: usize,
    /// A missed card asked again.
    pub retry: bool,
    pub correct: bool,
    pub overridden: bool,
    pub given: String,
}

/// What happened in a session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionLog {
    /// Cards planned for the session.
    pub planned: usize,
    pub answers: Vec<Answer>,
}

impl SessionLog {
    /// An empty log for a session of `planned` cards.
    pub fn new(planned: usize) -> SessionLog {
        SessionLog {
            planned,
            answers: Vec::new(),
        }
    }

    /// Records an answer.
    pub fn push(&mut self, a: Answer) {
        self.answers.push(a);
    }

    fn first_tries(&self) -> impl Iterator<Item = &Answer> {
        self.answers.iter().filter(|a| !a.retry)
    }

    /// (right, answered) over first tries.
    pub fn score(&self) -> (usize, usize) {
        let right = self.first_tries().filter(|a| a.correct).count();
        (right, self.first_tries().count())
    }
}

fn pct(right: usize, n: usize) -> String {
    match (right * 100 + n / 2).checked_div(n) {
        Some(p) => format!("{p}%"),
        None => "–".into(),
    }
}

/// "1m 05s", "42s".
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m {:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

fn when(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let days = (local_day(t) - local_day(now)).num_days();
    let local = Local.from_utc_datetime(&t.naive_utc());
    match days {
        0 => format!("today at {}", local.format("%H:%M")),
        1 => "tomorrow".into(),
        2..=6 => format!("in {days} days ({})", local.format("%a %b %-d")),
        _ => format!("on {}", local.format("%Y-%m-%d")),
    }
}

/// The summary's lines wrapped between words to `width` columns (none: left
/// whole); a continuation line is indented under its line's text (under the
/// text after "  • " for a missed card, two columns in otherwise).
pub fn wrap_lines(lines: &[(Tone, String)], width: Option<usize>) -> Vec<(Tone, String)> {
    lines
        .iter()
        .map(|(tone, line)| {
            let lead = line.len() - line.trim_start_matches(' ').len();
            // "  • " is four columns: lead + 2 either way.
            (*tone, super::wrap::wrap(line, width, 0, lead + 2))
        })
        .collect()
}

/// The summary as lines with their tones.
pub fn render(
    deck: &Deck,
    log: &SessionLog,
    ending: Ending,
    elapsed: Duration,
    states: &HashMap<CardId, CardState>,
    now: DateTime<Utc>,
) -> Vec<(Tone, String)> {
    let mut out = Vec::new();
    let (right, answered) = log.score();
    let mut head = format!(
        "Session {}: {right}/{answered} right ({}) in {}",
        match ending {
            Ending::Finished => "done",
            Ending::Quit => "ended",
            Ending::Interrupted => "interrupted",
            Ending::DiskFull => "stopped (the disk is full)",
            Ending::OutputClosed(_) => "stopped (the output was closed)",
        },
        pct(right, answered),
        duration(elapsed)
    );
    if answered < log.planned {
        let _ = write!(
            head,
            "; {} of {} cards not asked",
            log.planned - answered,
            log.planned
        );
    }
    out.push((Tone::Title, head));
    if answered > 0 {
        let mut by_type: BTreeMap<_, (usize, usize)> = BTreeMap::new();
        let mut by_kind: BTreeMap<_, (usize, usize)> = BTreeMap::new();
        for a in log.first_tries() {
            let c = &deck.cards[a.card];
            for e in [
                by_type
                    .entry(c.card_type.as_str().replace('_', " "))
                    .or_default(),
                by_kind.entry(c.kind.as_str().to_string()).or_default(),
            ] {
                e.0 += usize::from(a.correct);
                e.1 += 1;
            }
        }
        for (label, map) in [("By card type", &by_type), ("By fact kind", &by_kind)] {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, (r, n))| format!("{k} {r}/{n} ({})", pct(*r, *n)))
                .collect();
            out.push((Tone::Plain, format!("{label}: {}", parts.join(" · "))));
        }
    }
    let missed: Vec<&Answer> = log.first_tries().filter(|a| !a.correct).collect();
    if !missed.is_empty() {
        out.push((Tone::Bad, format!("Missed ({}):", missed.len())));
        for a in missed {
            let c = &deck.cards[a.card];
            let given = if a.given.is_empty() {
                "nothing".to_string()
            } else {
                a.given.clone()
            };
            out.push((
                Tone::Plain,
                format!("  • {} → {} (you answered {given})", c.prompt, c.answer),
            ));
        }
    }
    let overridden = log.answers.iter().filter(|a| a.overridden).count();
    if overridden > 0 {
        out.push((Tone::Dim, format!("Marked right by you: {overridden}")));
    }
    out.push((Tone::Accent, next_due(deck, states, now)));
    out
}

/// "Next: 3 cards due today at 14:20 · 5 tomorrow · 12 new cards not yet studied".
pub fn next_due(deck: &Deck, states: &HashMap<CardId, CardState>, now: DateTime<Utc>) -> String {
    let today_end = end_of_day(now);
    let mut due_today = 0;
    let mut earliest_today: Option<DateTime<Utc>> = None;
    let mut later: BTreeMap<chrono::NaiveDate, (usize, DateTime<Utc>)> = BTreeMap::new();
    let mut new = 0;
    for c in &deck.cards {
        match states.get(&c.id) {
            None => new += 1,
            Some(s) if s.due < today_end => {
                due_today += 1;
                if s.due > now {
                    earliest_today = Some(earliest_today.map_or(s.due, |e| e.min(s.due)));
                }
            }
            Some(s) => {
                let e = later.entry(local_day(s.due)).or_insert((0, s.due));
                e.0 += 1;
            }
        }
    }
    let mut parts = Vec::new();
    if due_today > 0 {
        let at = earliest_today.map_or("now".to_string(), |t| when(t, now));
        parts.push(format!("{due_today} due today (from {at})"));
    }
    if let Some((_, (n, t))) = later.iter().next() {
        parts.push(format!("{n} due {}", when(*t, now)));
    }
    if new > 0 {
        parts.push(format!("{new} new not yet studied"));
    }
    if parts.is_empty() {
        "Next: nothing scheduled".into()
    } else {
        format!("Next: {}", parts.join(" · "))
    }
}

/// What `quiz` says when no card is to be asked: why, and when the next is due.
pub fn nothing_to_ask(
    deck: &Deck,
    states: &HashMap<CardId, CardState>,
    types_given: bool,
    cram: bool,
    now: DateTime<Utc>,
) -> String {
    let what = if deck.cards.is_empty() {
        "The deck has no cards."
    } else if types_given && !cram {
        "No cards of those types are due."
    } else if cram {
        "No cards of those types in the deck."
    } else {
        "Nothing is due."
    };
    let mut out = format!("{what} {}\n", next_due(deck, states, now));
    if !cram && !deck.cards.is_empty() {
        out.push_str("(use --cram to study every card anyway)\n");
    }
    out
}

/// The session's first line: the deck's title and how many of the cards
/// asked (`order`, indices into the deck) are due and new.
pub fn title(deck: &Deck, order: &[usize], states: &HashMap<CardId, CardState>) -> String {
    let cards = order.len();
    let new = order
        .iter()
        .filter(|&&i| !states.contains_key(&deck.cards[i].id))
        .count();
    format!(
        "{} — {} card{} ({} due, {} new)\n\n",
        deck.deck.title,
        cards,
        if cards == 1 { "" } else { "s" },
        cards - new,
        new
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_break_between_words_not_inside_them() {
        let lines = vec![(
            Tone::Plain,
            "  • Who did the board name as its new president in the spring? → \
             Marguerite Okonkwo-Delacroix (you answered nothing)"
                .to_string(),
        )];
        let wrapped = wrap_lines(&lines, Some(40));
        let text = &wrapped[0].1;
        assert!(text.lines().count() > 1, "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(
            text.lines().skip(1).all(|l| l.starts_with("    ")),
            "{text}"
        );
        // Every word of the line is whole on some line.
        for word in lines[0].1.split_whitespace() {
            assert!(
                text.lines()
                    .any(|l| l.split_whitespace().any(|w| w == word)),
                "{word} was broken:\n{text}"
            );
        }
        assert_eq!(wrap_lines(&lines, None), lines);
    }
}
