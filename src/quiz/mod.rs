//! Stage 4, beside [`crate::render`]: the terminal quiz session. Choose the
//! cards, ask them one by one, judge, give feedback, commit each answer and
//! schedule it, then summarize.

pub mod judge;
pub mod open;
pub mod stats;
pub mod summary;
pub mod term;
pub mod wrap;

use crate::error::{Error, Result};
use crate::model::{Card, CardId, CardType, Deck};
use crate::review::schedule::{
    CardState, Clock, Outcome, Rating, Scheduler, days_between, rating_for,
};
use crate::review::store::{ReviewRecord, Store, WriteError};
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, VecDeque};
use std::time::Instant;
use summary::{Answer, SessionLog};
use term::{Reply, Terminal, Tone};

/// New cards per session when `--limit` is not given.
pub const DEFAULT_NEW_CARDS: usize = 20;

/// Which cards a session asks.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Every card, ignoring the schedule.
    pub cram: bool,
    /// At most this many cards.
    pub limit: Option<usize>,
    /// Only these types (empty: all).
    pub types: Vec<CardType>,
}

/// The cards to ask, in order: due cards (most overdue first, shuffled within
/// the same day), then new ones (at most [`DEFAULT_NEW_CARDS`] unless a limit
/// is given), one card per fact; with `cram`, every card shuffled. Returns
/// indices into `deck.cards`.
pub fn choose_cards(
    deck: &Deck,
    states: &HashMap<CardId, CardState>,
    sel: &Selection,
    now: chrono::DateTime<chrono::Utc>,
    rng: &mut ChaCha8Rng,
) -> Vec<usize> {
    // Cards a teacher dropped in `factdeck review` are not asked.
    let wanted =
        |c: &Card| !c.dropped && (sel.types.is_empty() || sel.types.contains(&c.card_type));
    let mut picked: Vec<usize>;
    if sel.cram {
        picked = (0..deck.cards.len())
            .filter(|&i| wanted(&deck.cards[i]))
            .collect();
        picked.shuffle(rng);
    } else {
        let mut due: Vec<usize> = Vec::new();
        let mut new: Vec<usize> = Vec::new();
        for (i, c) in deck.cards.iter().enumerate() {
            if !wanted(c) {
                continue;
            }
            match states.get(&c.id) {
                Some(s) if s.due <= now => due.push(i),
                Some(_) => {}
                None => new.push(i),
            }
        }
        due.shuffle(rng);
        // Oldest due day first, random within a day (a stable sort after the
        // shuffle). The local offset is taken once: cheap for 10,000 cards.
        let offset = i64::from(
            chrono::TimeZone::from_utc_datetime(&chrono::Local, &now.naive_utc())
                .offset()
                .local_minus_utc(),
        );
        let due_day = |i: &usize| {
            states
                .get(&deck.cards[*i].id)
                .map_or(0, |s| (s.due.timestamp() + offset).div_euclid(86_400))
        };
        due.sort_by_cached_key(due_day);
        new.shuffle(rng);
        picked = due;
        picked.extend(new);
        // Siblings (cards of one fact or one sentence) give each other away:
        // ask one of them per session; the others wait for a later session.
        let mut siblings = crate::render::Siblings::default();
        picked.retain(|&i| siblings.first(&deck.cards[i]));
        if sel.limit.is_none() {
            let mut new_left = DEFAULT_NEW_CARDS;
            picked.retain(|&i| {
                if states.contains_key(&deck.cards[i].id) {
                    return true;
                }
                let keep = new_left > 0;
                new_left = new_left.saturating_sub(1);
                keep
            });
        }
    }
    if let Some(n) = sel.limit {
        picked.truncate(n);
    }
    picked
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every card was answered right once.
    Finished,
    /// `q`, Esc, Ctrl-D or end of input.
    Quit,
    /// Ctrl-C, SIGINT, SIGTERM or SIGHUP.
    Interrupted,
    /// Standard output could not be written (closed pipe, gone terminal):
    /// nothing more can be shown, so nothing more is asked.
    OutputClosed(std::io::ErrorKind),
    /// An answer could not be saved for want of disk space; the user was told.
    DiskFull,
}

/// Why the questions stopped early.
enum Stop {
    Output(std::io::Error),
    DiskFull,
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Failed(e)
    }
}

impl From<WriteError> for Stop {
    fn from(w: WriteError) -> Stop {
        if w.disk_full {
            Stop::DiskFull
        } else {
            Stop::Failed(w.error)
        }
    }
}

/// Everything a session needs.
pub struct Session<'a> {
    pub deck: &'a Deck,
    /// The deck's key in the database (its canonical path).
    pub deck_key: &'a str,
    pub store: &'a mut Store,
    pub scheduler: &'a Scheduler,
    pub clock: &'a dyn Clock,
    pub term: &'a mut dyn Terminal,
    pub rng: &'a mut ChaCha8Rng,
    /// Known states; updated as answers come in.
    pub states: HashMap<CardId, CardState>,
    pub session_id: i64,
}

/// A wrong verdict the user may still overturn.
struct Overridable {
    review_id: i64,
    card: usize,
    prev: Option<CardState>,
    log_index: usize,
}

fn io_err(e: std::io::Error) -> Error {
    Error::Other(format!("cannot use the terminal: {e}"))
}

/// A failed read; a line-mode read also echoes, so a reader that went away
/// (`| head`) shows up here too and ends the session like a failed write.
fn read_err(e: std::io::Error) -> Stop {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Stop::Output(e)
    } else {
        Stop::Failed(io_err(e))
    }
}

impl Session<'_> {
    /// Asks the cards (indices into the deck) and returns the log and how it
    /// ended. Every answer in the log was saved, except the last one when the
    /// session ended with [`Ending::DiskFull`] (the user was told).
    pub fn run(&mut self, order: &[usize]) -> Result<(SessionLog, Ending)> {
        let mut log = SessionLog::new(order.len());
        match self.ask(order, &mut log) {
            Ok(ending) => Ok((log, ending)),
            Err(Stop::Output(e)) => Ok((log, Ending::OutputClosed(e.kind()))),
            Err(Stop::DiskFull) => Ok((log, Ending::DiskFull)),
            Err(Stop::Failed(e)) => Err(e),
        }
    }

    fn ask(&mut self, order: &[usize], log: &mut SessionLog) -> Result<Ending, Stop> {
        let mut first: VecDeque<usize> = order.iter().copied().collect();
        let mut again: VecDeque<usize> = VecDeque::new();
        let mut last_wrong: Option<Overridable> = None;
        let mut asked = 0;
        'cards: loop {
            let (idx, retry) = match first.pop_front() {
                Some(i) => (i, false),
                None => match again.pop_front() {
                    Some(i) => (i, true),
                    None => return Ok(Ending::Finished),
                },
            };
            if !retry {
                asked += 1;
            }
            let card = &self.deck.cards[idx];
            let options = self.shuffled_options(card);
            self.show_question(card, &options, asked, order.len(), retry, log)?;
            let started = Instant::now();
            let reply = loop {
                let reply = if options.is_empty() {
                    self.term.read_text()
                } else {
                    self.term.read_choice(options.len())
                }
                .map_err(read_err)?;
                let reply = match reply {
                    Reply::Text(t) if t.trim() == "q" => Reply::Quit,
                    Reply::Text(t) if t.trim() == "!right" => Reply::Override,
                    r => r,
                };
                match reply {
                    Reply::Quit => return Ok(Ending::Quit),
                    Reply::Interrupted => return Ok(Ending::Interrupted),
                    Reply::Override => {
                        match last_wrong.take() {
                            Some(o) => {
                                let same_card = o.card == idx;
                                self.apply_override(o, log, &mut again)?;
                                if retry && same_card {
                                    // It was being asked again only because it was missed.
                                    self.say(Tone::Plain, "\n")?;
                                    continue 'cards;
                                }
                            }
                            None => self.say(Tone::Dim, "(nothing to mark right)\n")?,
                        }
                        self.say(Tone::Accent, "> ")?;
                    }
                    Reply::Continue => {}
                    Reply::Text(t) if !options.is_empty() => {
                        if judge::pick_option_on(card, &options, &t).is_some() {
                            break t;
                        }
                        let again = format!(
                            "answer with 1–{} or an option's text (or q to quit)\n> ",
                            options.len()
                        );
                        self.say(Tone::Dim, &again)?;
                    }
                    Reply::Text(t) => break t,
                }
            };
            let thinking = started.elapsed();
            let picked = judge::pick_option_on(card, &options, &reply);
            if let Some(i) = picked.filter(|_| self.term.keys()) {
                // A key press shows nothing by itself: say what was chosen.
                self.say(Tone::Accent, &format!("→ {}) {}\n", i + 1, options[i]))?;
            }
            let (verdict, given, typed) = match picked {
                Some(i) => {
                    let chosen = &options[i];
                    let correct = judge::normalize(chosen) == judge::normalize(&card.answer);
                    (
                        judge::Verdict {
                            correct,
                            typo: false,
                            note: None,
                        },
                        chosen.clone(),
                        false,
                    )
                }
                None => (judge::judge(card, &reply), reply.trim().to_string(), true),
            };
            let rating = rating_for(Outcome {
                correct: verdict.correct,
                typed,
                typo: verdict.typo,
                thinking: self.term.timed().then_some(thinking),
            });
            let now = self.clock.now();
            let prev = self.states.get(&card.id).cloned();
            let state = self.scheduler.review(prev.as_ref(), rating, now)?;
            let saved = self.store.record(
                &ReviewRecord {
                    session: self.session_id,
                    card,
                    deck: self.deck_key,
                    at: now,
                    elapsed_days: prev
                        .as_ref()
                        .map_or(0, |p| days_between(p.last_review, now)),
                    rating,
                    judged_correct: verdict.correct,
                    correct: verdict.correct,
                    overridden: false,
                    given: &given,
                    thinking_ms: self
                        .term
                        .timed()
                        .then(|| u64::try_from(thinking.as_millis()).unwrap_or(u64::MAX)),
                },
                &state,
            );
            let answer = Answer {
                card: idx,
                retry,
                correct: verdict.correct,
                overridden: false,
                given: given.clone(),
            };
            let review_id = match saved {
                Ok(id) => id,
                Err(w) if w.disk_full => {
                    // The answer on screen is judged and shown, and the user
                    // hears that it was not kept; then the summary.
                    log.push(answer);
                    self.show_feedback(card, &verdict, &given)?;
                    self.say(
                        Tone::Bad,
                        &format!("This answer was not saved: {}\n", w.error),
                    )?;
                    return Err(Stop::DiskFull);
                }
                Err(w) => return Err(w.into()),
            };
            self.states.insert(card.id.clone(), state);
            log.push(answer);
            self.show_feedback(card, &verdict, &given)?;
            let can_override = !verdict.correct
                && matches!(card.card_type, CardType::Cloze | CardType::ShortAnswer);
            if verdict.correct {
                last_wrong = None;
            } else {
                again.push_back(idx);
                last_wrong = can_override.then(|| Overridable {
                    review_id,
                    card: idx,
                    prev,
                    log_index: log.answers.len() - 1,
                });
            }
            if can_override && !self.term.keys() {
                self.say(
                    Tone::Dim,
                    "  (type !right at the next prompt if you were right)\n",
                )?;
            }
            match self.term.after_feedback(can_override).map_err(read_err)? {
                Reply::Quit => return Ok(Ending::Quit),
                Reply::Interrupted => return Ok(Ending::Interrupted),
                Reply::Override => {
                    if let Some(o) = last_wrong.take() {
                        self.apply_override(o, log, &mut again)?;
                    }
                }
                _ => {}
            }
            self.say(Tone::Plain, "\n")?;
        }
    }

    /// Writes to the terminal; a failed write ends the session (nothing
    /// more can be shown), keeping every answer saved so far.
    fn say(&mut self, tone: Tone, text: &str) -> Result<(), Stop> {
        self.term.say(tone, text).map_err(Stop::Output)
    }

    /// `text` wrapped to the terminal, starting after `first` columns and
    /// indenting continuation lines by `indent`.
    fn wrapped(&self, text: &str, first: usize, indent: usize) -> String {
        wrap::wrap(text, self.term.width(), first, indent)
    }

    /// The card's options in this session's order (true/false stays True, False).
    fn shuffled_options(&mut self, card: &Card) -> Vec<String> {
        let mut options = card.options.clone();
        if card.card_type != CardType::TrueFalse {
            options.shuffle(self.rng);
        }
        options
    }

    fn show_question(
        &mut self,
        card: &Card,
        options: &[String],
        n: usize,
        total: usize,
        retry: bool,
        log: &SessionLog,
    ) -> Result<(), Stop> {
        let (right, answered) = log.score();
        let mut header = format!("{n}/{total}  score {right}/{answered}");
        if retry {
            header.push_str("  · once more");
        }
        self.say(Tone::Title, &format!("── {header} ──\n"))?;
        self.say(
            Tone::Dim,
            &format!(
                "{} · {}\n",
                card.card_type.as_str().replace('_', " "),
                card.kind
            ),
        )?;
        let prompt = self.wrapped(&format!("{}\n", card.prompt), 0, 0);
        self.say(Tone::Plain, &prompt)?;
        if let Some(h) = &card.hint {
            // Brackets, as hints often hold parentheses ("a number (residents)").
            let hint = self.wrapped(&format!("[{h}]\n"), 0, 1);
            self.say(Tone::Dim, &hint)?;
        }
        for (i, o) in options.iter().enumerate() {
            let number = format!("  {}) ", i + 1);
            let width = number.chars().count();
            self.say(Tone::Accent, &number)?;
            let text = self.wrapped(&format!("{o}\n"), width, width);
            self.say(Tone::Plain, &text)?;
        }
        let prompt = if options.is_empty() {
            "your answer> "
        } else if self.term.keys() {
            "press 1–"
        } else {
            "> "
        };
        if options.is_empty() || !self.term.keys() {
            self.say(Tone::Accent, prompt)?;
        } else {
            self.say(
                Tone::Accent,
                &format!("{prompt}{} (q quits)\n", options.len()),
            )?;
        }
        Ok(())
    }

    fn show_feedback(
        &mut self,
        card: &Card,
        verdict: &judge::Verdict,
        given: &str,
    ) -> Result<(), Stop> {
        // "✓ Right" and "✗ Wrong" are seven columns wide.
        const VERDICT: usize = 7;
        if verdict.correct {
            self.say(Tone::Good, "✓ Right")?;
            if judge::normalize(given) != judge::normalize(&card.answer) {
                let answer = self.wrapped(&format!(" — {}", card.answer), VERDICT, 2);
                self.say(Tone::Plain, &answer)?;
            }
            self.say(Tone::Plain, "\n")?;
        } else {
            self.say(Tone::Bad, "✗ Wrong")?;
            let answer = self.wrapped(&format!(" — the answer is {}\n", card.answer), VERDICT, 2);
            self.say(Tone::Plain, &answer)?;
        }
        if let Some(note) = &verdict.note {
            let note = self.wrapped(&format!("  {note}\n"), 0, 2);
            self.say(Tone::Dim, &note)?;
        }
        // The source sentence follows anyway; an explanation that is just the
        // sentence would say it twice.
        if let Some(e) = crate::render::explanation_beside_sentence(card) {
            let e = self.wrapped(&format!("  {e}\n"), 0, 2);
            self.say(Tone::Plain, &e)?;
        }
        let quoted = card.sentence.starts_with(['“', '"', '‘', '\'']);
        let mut source = if quoted {
            format!("  {} — {}:{}", card.sentence, card.doc, card.line)
        } else {
            format!("  “{}” — {}:{}", card.sentence, card.doc, card.line)
        };
        if card.reported_by > 1 {
            source.push_str(&format!(" · reported by {} sources", card.reported_by));
        }
        let source = self.wrapped(&format!("{source}\n"), 0, 2);
        self.say(Tone::Dim, &source)
    }

    fn apply_override(
        &mut self,
        o: Overridable,
        log: &mut SessionLog,
        again: &mut VecDeque<usize>,
    ) -> Result<(), Stop> {
        let card = &self.deck.cards[o.card];
        let state = self
            .scheduler
            .review(o.prev.as_ref(), Rating::Good, self.clock.now())?;
        self.store
            .override_review(o.review_id, Rating::Good, card, self.deck_key, &state)?;
        self.states.insert(card.id.clone(), state);
        if let Some(a) = log.answers.get_mut(o.log_index) {
            a.correct = true;
            a.overridden = true;
        }
        again.retain(|&i| i != o.card);
        self.say(Tone::Good, "Marked right")?;
        self.say(Tone::Dim, " (logged as your override)\n")
    }
}

#[cfg(test)]
mod tests;
