//! `factdeck stats`: what a deck's review history says, as text.

use crate::error::Result;
use crate::model::Deck;
use crate::quiz::summary;
use crate::review::optimize::{self, Fitted};
use crate::review::schedule::{end_of_day, local_day};
use crate::review::store::Store;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;
use std::path::Path;

/// `writeln!` into a `String` (which cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// The statistics of the deck read from `deck_path` and filed under `key`
/// in `store`, at `now`: due and new cards, retention, streak, removed cards.
pub fn report(
    store: &Store,
    deck: &Deck,
    key: &str,
    deck_path: &Path,
    now: DateTime<Utc>,
) -> Result<String> {
    let ids: Vec<_> = deck.cards.iter().map(|c| &c.id).collect();
    let states = store.load_deck_states(key, ids.iter().copied())?;
    let today_end = end_of_day(now);
    let due = states.values().filter(|s| s.due < today_end).count();
    let new = deck.cards.len() - states.len();
    let learned = states
        .values()
        .filter(|s| s.last_rating != crate::review::Rating::Again)
        .count();
    let totals = store.totals(ids.iter().copied())?;
    let streak = streak(&store.study_days(key)?, local_day(now));
    let current: HashSet<_> = ids.iter().copied().collect();
    let removed = store.removed_cards(key, &current)?;
    let mut out = String::new();

    outln!(
        out,
        "{} — {} cards ({})",
        deck.deck.title,
        deck.cards.len(),
        deck_path.display()
    );
    outln!(out, "  due today    {due} to review, {new} new");
    outln!(out, "  learned      {learned} of {}", deck.cards.len());
    let retention = match (totals.recalled * 100 + totals.recall_reviews / 2)
        .checked_div(totals.recall_reviews)
    {
        Some(p) => format!(
            "{p}% ({} of {} reviews made a day or more after the last)",
            totals.recalled, totals.recall_reviews
        ),
        None => "not measured yet (needs reviews a day or more apart)".to_string(),
    };
    outln!(out, "  retention    {retention}");
    outln!(
        out,
        "  streak       {streak} day{}",
        if streak == 1 { "" } else { "s" }
    );
    outln!(
        out,
        "  reviews      {} ({} right)",
        totals.reviews,
        totals.correct
    );
    if removed.is_empty() {
        outln!(out, "  removed      none");
    } else {
        let reviews: u64 = removed.iter().map(|r| r.reviews).sum();
        outln!(
            out,
            "  removed      {} card{} no longer in the deck (their {reviews} reviews are kept):",
            removed.len(),
            if removed.len() == 1 { "" } else { "s" }
        );
        for r in &removed {
            outln!(out, "                 {} {}", r.id, r.prompt);
        }
    }
    outln!(out, "  {}", summary::next_due(deck, &states, now));
    outln!(out, "  database     {}", store.path().display());
    Ok(out)
}

/// Consecutive days studied, ending today (or yesterday, if not yet today).
fn streak(days_newest_first: &[chrono::NaiveDate], today: chrono::NaiveDate) -> usize {
    let mut expect = match days_newest_first.first() {
        Some(&d) if d == today => today,
        Some(&d) if d == today - Duration::days(1) => d,
        _ => return 0,
    };
    let mut n = 0;
    for &d in days_newest_first {
        if d != expect {
            break;
        }
        n += 1;
        expect = d - Duration::days(1);
    }
    n
}

/// Fits FSRS parameters to `store`'s review log and saves them (at `now`),
/// or says how much more history is needed; returns what to print.
pub fn optimize(store: &mut Store, now: DateTime<Utc>) -> Result<String> {
    let log = store.review_log()?;
    let mut out = String::new();
    match optimize::fit(&log)? {
        Fitted::NeedMore { have, need } => {
            outln!(
                out,
                "Not enough history to fit parameters yet: {have} usable reviews (answers given a day or \
                 more after the card's previous one); {need} more needed (at least {}).",
                optimize::MIN_REVIEWS
            );
            outln!(out, "Until then the published FSRS defaults are used.");
        }
        Fitted::Parameters { weights, used } => {
            store.save_parameters(&weights, now, used)?;
            let text: Vec<String> = weights.iter().map(|w| format!("{w:.4}")).collect();
            outln!(
                out,
                "Fitted FSRS parameters to {used} reviews; future sessions use them."
            );
            outln!(out, "  {}", text.join(", "));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2030, 5, n).expect("day");
        assert_eq!(streak(&[d(10), d(9), d(8), d(6)], d(10)), 3);
        assert_eq!(streak(&[d(9), d(8)], d(10)), 2);
        assert_eq!(streak(&[d(7)], d(10)), 0);
        assert_eq!(streak(&[], d(10)), 0);
    }
}
