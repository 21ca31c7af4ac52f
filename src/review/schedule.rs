//! Spaced-repetition scheduling: FSRS (the `fsrs` crate) behind a small API
//! with an injectable clock, so tests never depend on the real time.

use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone, Utc};
use fsrs::{FSRS, MemoryState};
use std::cell::Cell;

/// Where "now" comes from. The binary uses [`SystemClock`]; tests use [`FixedClock`].
pub trait Clock {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The real time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until told to move.
#[derive(Debug, Clone)]
pub struct FixedClock(Cell<DateTime<Utc>>);

impl FixedClock {
    /// A clock reading `at`.
    pub fn new(at: DateTime<Utc>) -> FixedClock {
        FixedClock(Cell::new(at))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// How well a card was remembered (FSRS's four grades, numbered as FSRS numbers them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    /// The FSRS grade number (1–4).
    pub fn as_u32(self) -> u32 {
        self as u32
    }

    /// The grade for an FSRS number; anything unknown reads as `Again`.
    pub fn from_u32(n: u32) -> Rating {
        match n {
            2 => Rating::Hard,
            3 => Rating::Good,
            4 => Rating::Easy,
            _ => Rating::Again,
        }
    }
}

/// Above this a typed answer counts as a struggle (rated Hard).
pub const SLOW_TYPED: std::time::Duration = std::time::Duration::from_secs(20);
/// Below this a right answer counts as effortless (rated Easy).
pub const FAST_CHOICE: std::time::Duration = std::time::Duration::from_secs(3);
/// Below this a right typed answer counts as effortless (rated Easy).
pub const FAST_TYPED: std::time::Duration = std::time::Duration::from_secs(6);

/// What happened when a card was answered, as far as scheduling cares.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    pub correct: bool,
    /// The answer was typed (not chosen from options).
    pub typed: bool,
    /// Accepted despite a small typo.
    pub typo: bool,
    /// Time to answer; `None` when it means nothing (answers piped in by a script).
    pub thinking: Option<std::time::Duration>,
}

/// The FSRS grade for an answer: wrong → Again; a typed answer after a long pause
/// or with an accepted typo → Hard; fast and right → Easy; otherwise Good.
pub fn rating_for(o: Outcome) -> Rating {
    if !o.correct {
        return Rating::Again;
    }
    if o.typo {
        return Rating::Hard;
    }
    match o.thinking {
        Some(t) if o.typed && t >= SLOW_TYPED => Rating::Hard,
        Some(t) if t < if o.typed { FAST_TYPED } else { FAST_CHOICE } => Rating::Easy,
        _ => Rating::Good,
    }
}

/// A card's memory and schedule after its latest review.
#[derive(Debug, Clone, PartialEq)]
pub struct CardState {
    pub stability: f32,
    pub difficulty: f32,
    pub due: DateTime<Utc>,
    pub last_review: DateTime<Utc>,
    /// Reviews so far.
    pub reps: u32,
    /// Times a card was forgotten after having been answered right.
    pub lapses: u32,
    /// The latest rating.
    pub last_rating: Rating,
}

/// How soon a card answered wrong comes back when FSRS would say "today":
/// a learning step, so it returns in this session and again soon after.
pub const RELEARN_STEP: Duration = Duration::minutes(10);

/// FSRS with the user's parameters and target retention.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    desired_retention: f32,
}

/// The probability of recall FSRS aims for at the due date.
pub const DESIRED_RETENTION: f32 = 0.9;

impl Scheduler {
    /// A scheduler with these FSRS parameters (empty: the published defaults).
    pub fn new(parameters: &[f32]) -> Result<Scheduler> {
        let fsrs = FSRS::new(parameters).map_err(|e| {
            Error::Other(format!(
                "the stored FSRS parameters are not usable ({e}); run `factdeck optimize` again"
            ))
        })?;
        Ok(Scheduler {
            fsrs,
            desired_retention: DESIRED_RETENTION,
        })
    }

    /// The state after answering a card with `rating` at `now`.
    pub fn review(
        &self,
        prev: Option<&CardState>,
        rating: Rating,
        now: DateTime<Utc>,
    ) -> Result<CardState> {
        let memory = prev.map(|p| MemoryState {
            stability: p.stability,
            difficulty: p.difficulty,
        });
        let elapsed = prev.map_or(0, |p| days_between(p.last_review, now));
        let next = self
            .fsrs
            .next_states(memory, self.desired_retention, elapsed)
            .map_err(|e| Error::Other(format!("scheduling failed: {e}")))?;
        let item = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let due = if rating == Rating::Again {
            now + RELEARN_STEP
        } else {
            // Whole days, at least one: a card answered right is not asked again today.
            let days = item.interval.round().clamp(1.0, 36500.0) as i64;
            now + Duration::days(days)
        };
        let was_learned = prev.is_some_and(|p| p.last_rating != Rating::Again);
        Ok(CardState {
            stability: item.memory.stability,
            difficulty: item.memory.difficulty,
            due,
            last_review: now,
            reps: prev.map_or(0, |p| p.reps) + 1,
            lapses: prev.map_or(0, |p| p.lapses)
                + u32::from(rating == Rating::Again && was_learned),
            last_rating: rating,
        })
    }
}

/// Calendar days between two instants in the local time zone (what FSRS counts).
pub fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
    let d = (local_day(to) - local_day(from)).num_days();
    u32::try_from(d.max(0)).unwrap_or(0)
}

/// The local calendar day of an instant.
pub fn local_day(t: DateTime<Utc>) -> NaiveDate {
    Local.from_utc_datetime(&t.naive_utc()).date_naive()
}

/// The end of the local day containing `t` (the first instant of the next day).
pub fn end_of_day(t: DateTime<Utc>) -> DateTime<Utc> {
    let next = local_day(t) + Duration::days(1);
    let midnight = next.and_hms_opt(0, 0, 0).unwrap_or_default();
    Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or(t + Duration::days(1), |l| l.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 3, 4, 12, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn ratings_follow_the_answer() {
        let o = |correct, typed, typo, secs: Option<u64>| Outcome {
            correct,
            typed,
            typo,
            thinking: secs.map(std::time::Duration::from_secs),
        };
        assert_eq!(rating_for(o(false, true, false, Some(1))), Rating::Again);
        assert_eq!(rating_for(o(true, true, true, Some(1))), Rating::Hard);
        assert_eq!(rating_for(o(true, true, false, Some(30))), Rating::Hard);
        assert_eq!(rating_for(o(true, false, false, Some(30))), Rating::Good);
        assert_eq!(rating_for(o(true, false, false, Some(1))), Rating::Easy);
        assert_eq!(rating_for(o(true, true, false, Some(10))), Rating::Good);
        // Piped answers have no meaningful timing: plain Good.
        assert_eq!(rating_for(o(true, true, false, None)), Rating::Good);
    }

    #[test]
    fn a_new_card_answered_right_is_due_in_days_and_wrong_in_minutes() {
        let s = Scheduler::new(&[]).expect("defaults");
        let good = s.review(None, Rating::Good, t0()).expect("review");
        assert!(good.due >= t0() + Duration::days(1), "{good:?}");
        assert_eq!(good.reps, 1);
        let again = s.review(None, Rating::Again, t0()).expect("review");
        assert_eq!(again.due, t0() + RELEARN_STEP);
        let easy = s.review(None, Rating::Easy, t0()).expect("review");
        assert!(easy.due > good.due);
    }

    #[test]
    fn intervals_grow_with_each_right_answer_on_time() {
        let s = Scheduler::new(&[]).expect("defaults");
        let clock = FixedClock::new(t0());
        let mut state = s.review(None, Rating::Good, clock.now()).expect("first");
        let mut last_gap = state.due - state.last_review;
        for _ in 0..4 {
            clock.advance(state.due - clock.now());
            state = s
                .review(Some(&state), Rating::Good, clock.now())
                .expect("next");
            let gap = state.due - state.last_review;
            assert!(gap > last_gap, "{gap} should exceed {last_gap}");
            last_gap = gap;
        }
        assert_eq!(state.reps, 5);
        assert_eq!(state.lapses, 0);
    }

    #[test]
    fn forgetting_a_learned_card_is_a_lapse_and_shrinks_stability() {
        let s = Scheduler::new(&[]).expect("defaults");
        let clock = FixedClock::new(t0());
        let learned = s.review(None, Rating::Good, clock.now()).expect("first");
        clock.advance(Duration::days(3));
        let forgot = s
            .review(Some(&learned), Rating::Again, clock.now())
            .expect("again");
        assert_eq!(forgot.lapses, 1);
        assert!(forgot.stability < learned.stability);
        assert_eq!(forgot.due, clock.now() + RELEARN_STEP);
    }

    #[test]
    fn bad_parameters_are_a_clear_error() {
        let err = Scheduler::new(&[1.0, 2.0]).expect_err("must fail");
        assert!(err.to_string().contains("optimize"), "{err}");
    }

    #[test]
    fn days_between_counts_calendar_days() {
        assert_eq!(days_between(t0(), t0() + Duration::hours(1)), 0);
        assert_eq!(days_between(t0(), t0() + Duration::days(2)), 2);
        assert_eq!(days_between(t0() + Duration::days(2), t0()), 0);
        assert!(end_of_day(t0()) > t0());
        assert!(end_of_day(t0()) <= t0() + Duration::days(1));
    }
}
