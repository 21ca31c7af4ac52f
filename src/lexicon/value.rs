//! The value types answers are made of, each with one parser and one
//! formatter: [`PartialDate`] (a date at some precision) and the number
//! parser that reads amounts as a reader types them ("$1.2 million",
//! "1,200", "twelve"), on the words of [`super`].

use chrono::{Datelike, NaiveDate};

/// Words and symbols split apart: "$18.5bn" → ["$", "18.5", "bn"].
pub fn tokens(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut t = String::new();
            while i < chars.len() {
                let d = chars[i];
                let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() {
                    t.push(d);
                } else if d == '.' && next_digit {
                    t.push('.');
                } else if d == ',' && next_digit {
                    // A thousands separator: drop it.
                } else {
                    break;
                }
                i += 1;
            }
            out.push(t);
        } else if c.is_alphabetic() {
            let mut t = String::new();
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '\'') {
                if chars[i] != '\'' {
                    t.push(chars[i]);
                }
                i += 1;
            }
            out.push(t);
        } else {
            if matches!(c, '$' | '€' | '£' | '%') {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// A calendar date as far as it is given: ISO 8601 at some precision,
/// possibly without a year (`2025-11`, `--11-21`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date in any common form: `2025-11-17`, `11/17/2025`, `17/11/2025` (when the
    /// first part cannot be a month), `Nov 17 2025`, `17 November 2025`,
    /// `November 17th, 2025`, `November 2025`, `2025`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let numeric: Vec<&str> = s.split(['-', '/', '.']).collect();
        if numeric.len() >= 2
            && numeric
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            let n: Vec<u32> = numeric.iter().filter_map(|p| p.parse().ok()).collect();
            return match (n.as_slice(), numeric[0].len()) {
                ([y, m, d], 4) => valid(Some(*y as i32), Some(*m), Some(*d)),
                ([y, m], 4) => valid(Some(*y as i32), Some(*m), None),
                ([a, b, y], _) => {
                    let y = if numeric[2].len() == 2 { 2000 + *y } else { *y };
                    if *a > 12 {
                        valid(Some(y as i32), Some(*b), Some(*a))
                    } else {
                        valid(Some(y as i32), Some(*a), Some(*b))
                    }
                }
                _ => None,
            };
        }
        let (mut y, mut m, mut d) = (None, None, None);
        for t in tokens(s) {
            if let Some((mm, _)) = super::month(&t) {
                if m.replace(mm).is_some() {
                    return None;
                }
            } else if t.chars().all(|c| c.is_ascii_digit()) {
                let n: u32 = t.parse().ok()?;
                if t.len() == 4 {
                    if y.replace(n as i32).is_some() {
                        return None;
                    }
                } else if (1..=31).contains(&n) && d.is_none() {
                    d = Some(n);
                } else {
                    return None;
                }
            } else if matches!(t.as_str(), "st" | "nd" | "rd" | "th" | "of" | "the" | "on")
                || crate::lexicon::lower_flags(&t)
                    & (crate::lexicon::WEEKDAY | crate::lexicon::WEEKDAY_ABBR)
                    != 0
            {
            } else {
                return None;
            }
        }
        if m.is_none() && d.is_some() {
            return None;
        }
        if m.is_none() && y.is_none() {
            return None;
        }
        valid(y, m, d)
    }

    /// Reads the stored ISO form: `2025-11-17`, `2025-11`, `2025`, `--11-21`, `--11`.
    pub fn from_iso(iso: &str) -> Option<PartialDate> {
        let iso = iso.trim();
        let (year, rest) = if let Some(r) = iso.strip_prefix("--") {
            (None, r)
        } else {
            let y = iso.get(..4)?;
            let r = &iso[4..];
            if !y.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (y.parse().ok(), r.strip_prefix('-').unwrap_or(r))
        };
        let mut parts = rest.split('-').filter(|p| !p.is_empty());
        let month = parts.next().map(|m| m.parse::<u32>().ok()).unwrap_or(None);
        let day = parts.next().map(|d| d.parse::<u32>().ok()).unwrap_or(None);
        if parts.next().is_some() {
            return None;
        }
        let v = PartialDate { year, month, day };
        (v.is_valid() && (year.is_some() || month.is_some())).then_some(v)
    }

    /// A real calendar date (day within its month, month 1–12).
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, Some(_)) => false,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(self.year.unwrap_or(2000), m, d).is_some()
            }
            (None, None) => true,
        }
    }

    /// The ISO form.
    pub fn iso(&self) -> String {
        let mut s = match self.year {
            Some(y) => format!("{y:04}"),
            None => "-".to_string(),
        };
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            s.push_str(&format!("-{d:02}"));
        }
        s
    }

    /// Compares with another date down to the coarser precision of the two.
    pub fn is_after(&self, other: &PartialDate) -> bool {
        let a = (
            self.year.unwrap_or(0),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
        );
        let b = (
            other.year.unwrap_or(0),
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        );
        match (
            self.month.is_some() && other.month.is_some(),
            self.day.is_some() && other.day.is_some(),
        ) {
            (_, true) => a > b,
            (true, false) => (a.0, a.1) > (b.0, b.1),
            (false, _) => a.0 > b.0,
        }
    }

    /// This date truncated to the precision of `like`.
    pub fn truncated_like(&self, like: &PartialDate) -> Option<PartialDate> {
        let v = PartialDate {
            year: if like.year.is_some() { self.year } else { None },
            month: if like.month.is_some() {
                self.month
            } else {
                None
            },
            day: if like.day.is_some() { self.day } else { None },
        };
        let same_precision = v.year.is_some() == like.year.is_some()
            && v.month.is_some() == like.month.is_some()
            && v.day.is_some() == like.day.is_some();
        same_precision.then_some(v)
    }

    /// Today's date in UTC from a `YYYY-MM-DD` string.
    pub fn from_naive(d: NaiveDate) -> PartialDate {
        PartialDate {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

fn valid(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<PartialDate> {
    if m.is_some_and(|m| !(1..=12).contains(&m)) || d.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    if let (Some(y), Some(m), Some(d)) = (y, m, d) {
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    }
    Some(PartialDate {
        year: y,
        month: m,
        day: d,
    })
}
