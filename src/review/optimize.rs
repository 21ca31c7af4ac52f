//! Fitting FSRS parameters to the user's own review log.

use crate::error::{Error, Result};
use crate::review::store::LoggedReview;
use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview, compute_parameters};

/// Reviews (made a day or more after the card's previous one) needed before
/// fitting is worthwhile; with fewer the published defaults predict better.
pub const MIN_REVIEWS: usize = 400;

/// Turns the log (grouped by card, in time order) into FSRS training items:
/// one item per review that follows an earlier one, carrying the card's history.
pub fn training_items(log: &[LoggedReview]) -> Vec<FSRSItem> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < log.len() {
        let card = &log[i].card_id;
        let mut j = i;
        while j < log.len() && &log[j].card_id == card {
            j += 1;
        }
        let mut reviews = Vec::with_capacity(j - i);
        let mut last_day = log[i].day;
        for r in &log[i..j] {
            let delta_t = u32::try_from((r.day - last_day).num_days().max(0)).unwrap_or(0);
            reviews.push(FSRSReview {
                rating: r.rating.clamp(1, 4),
                delta_t,
            });
            last_day = r.day;
            let item = FSRSItem {
                reviews: reviews.clone(),
            };
            if item.long_term_review_cnt() > 0 {
                items.push(item);
            }
        }
        i = j;
    }
    items
}

/// Fits parameters, or says how many more reviews are needed.
pub fn fit(log: &[LoggedReview]) -> Result<Fitted> {
    let items = training_items(log);
    if items.len() < MIN_REVIEWS {
        return Ok(Fitted::NeedMore {
            have: items.len(),
            need: MIN_REVIEWS - items.len(),
        });
    }
    let used = items.len();
    let weights = compute_parameters(ComputeParametersInput {
        train_set: items,
        ..Default::default()
    })
    .map_err(|e| Error::Other(format!("fitting the FSRS parameters failed: {e}")))?;
    Ok(Fitted::Parameters { weights, used })
}

/// What fitting produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Fitted {
    /// Not enough history yet.
    NeedMore { have: usize, need: usize },
    /// New parameters, fitted on `used` reviews.
    Parameters { weights: Vec<f32>, used: usize },
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn r(card: &str, day: u32, rating: u32) -> LoggedReview {
        LoggedReview {
            card_id: card.into(),
            day: NaiveDate::from_ymd_opt(2030, 1, day).expect("day"),
            rating,
        }
    }

    #[test]
    fn items_carry_history_and_skip_same_day_only_cards() {
        let log = [
            r("a", 1, 3),
            r("a", 3, 3),
            r("a", 10, 1),
            r("b", 1, 1),
            r("b", 1, 3),
        ];
        let items = training_items(&log);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(
            items[1].reviews,
            vec![
                FSRSReview {
                    rating: 3,
                    delta_t: 0
                },
                FSRSReview {
                    rating: 3,
                    delta_t: 2
                },
                FSRSReview {
                    rating: 1,
                    delta_t: 7
                },
            ]
        );
    }

    #[test]
    fn a_short_log_says_how_many_more_are_needed() {
        let log = [r("a", 1, 3), r("a", 4, 3)];
        assert_eq!(
            fit(&log).expect("fit"),
            Fitted::NeedMore {
                have: 1,
                need: MIN_REVIEWS - 1
            }
        );
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    #[test]
    fn a_long_enough_log_gives_21_parameters_that_schedule() {
        // 120 cards, 5 reviews each on growing gaps; every fourth card forgotten once.
        let start = NaiveDate::from_ymd_opt(2030, 1, 1).expect("day");
        let mut log = Vec::new();
        for c in 0..120 {
            let mut day = start;
            for (r, gap) in [0, 1, 3, 8, 20].into_iter().enumerate() {
                day += Duration::days(gap);
                let rating = if c % 4 == 0 && r == 3 { 1 } else { 3 };
                log.push(LoggedReview {
                    card_id: format!("card{c:03}"),
                    day,
                    rating,
                });
            }
        }
        match fit(&log).expect("fit") {
            Fitted::Parameters { weights, used } => {
                assert_eq!(used, 480);
                assert_eq!(weights.len(), 21);
                assert_ne!(
                    weights,
                    fsrs::DEFAULT_PARAMETERS.to_vec(),
                    "fitted, not defaults"
                );
                crate::review::Scheduler::new(&weights).expect("usable parameters");
            }
            other => panic!("expected parameters, got {other:?}"),
        }
    }
}
