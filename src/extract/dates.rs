//! Finds dates: "November 17, 2025", "Nov. 17", "17 November 2025",
//! "11/17/2025", "2025-11-17", "October 2025", "mid-2026", bare years used as
//! dates, year ranges, and bare months after a preposition ("in October").
//!
//! A month or day written without a year takes the year of the nearest
//! dated mention in the document ([`resolve_years`]); with none, it stays
//! year-less (`--11-21`, `--10`) rather than getting an invented year.

use super::scan::{self, Ctx, Kind};
use super::text::Text;
use super::words;
use super::{FactKind, Found};
use crate::model::{Detail, Value};

/// Every dates fact in the text.
pub fn find(text: &Text<'_>) -> Vec<Found> {
    scan::find(text)
        .into_iter()
        .filter(|f| f.kind == FactKind::Date)
        .collect()
}

/// A full date near the top of a document, on a short line (a byline,
/// "Release Date: …") or at the start of a line ("WASHINGTON, Aug. 7, 2025 –
/// …"), is the document's own date.
const DATELINE_BYTES: usize = 600;
const DATELINE_LINES: usize = 6;
const DATELINE_LEAD: usize = 40;
const DATELINE_LINE_LEN: usize = 120;

/// Years a bare four-digit number may stand for.
const BARE_YEARS: std::ops::RangeInclusive<u64> = 1500..=2199;
/// Years accepted next to a month or in a numeric date.
const YEARS: std::ops::RangeInclusive<u64> = 1000..=2999;

fn date(start: usize, end: usize, iso: String) -> Found {
    Found::new(FactKind::Date, start, end, Value::Text(iso))
}

/// Whether day `d` exists in month `m` of year `year`; without a year, in
/// any year (so 29 February is allowed).
fn day_exists(m: u32, d: u32, year: Option<u64>) -> bool {
    // 2000 is a leap year; years past i32 are no dates anyway.
    let y = year.map_or(Some(2000), |y| i32::try_from(y).ok());
    y.and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
        .is_some()
}

fn iso(year: Option<u64>, month: u32, day: Option<u32>) -> String {
    match (year, day) {
        (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{month:02}"),
        (None, Some(d)) => format!("--{month:02}-{d:02}"),
        (None, None) => format!("--{month:02}"),
    }
}

/// Tries every date form starting at token `i`; on a match pushes the
/// date(s) and returns the token after them.
pub fn match_at(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    match ctx.toks.get(i)?.kind {
        Kind::Word => month_first(ctx, i, out).or_else(|| fiscal_year(ctx, i, out)),
        Kind::Num(_) => numeric_date(ctx, i, out)
            .or_else(|| day_first(ctx, i, out))
            .or_else(|| years(ctx, i, out)),
        Kind::Punct(_) => None,
    }
}

/// A month name at `i` (capitalized; an abbreviation needs its period or a
/// number after it): the month and the token after it.
fn month_at(ctx: &Ctx<'_>, i: usize) -> Option<(u32, usize)> {
    if !ctx.capitalized(i) {
        return None;
    }
    let (m, abbr) = words::month(ctx.lower(i)?.as_str())?;
    let dot = abbr && ctx.is_punct(i + 1, &['.']) && ctx.glued(i + 1);
    if abbr && !dot && ctx.num(i + 1).is_none() {
        return None;
    }
    Some((m, if dot { i + 2 } else { i + 1 }))
}

/// A day of the month at `i` ("17", "21st"): the day and the token after it.
fn day_at(ctx: &Ctx<'_>, i: usize) -> Option<(u32, usize)> {
    let n = ctx.num(i)?;
    if !n.is_plain_int() || n.int_digits > 2 || !(1..=31).contains(&n.mant) {
        return None;
    }
    if ctx.toks[i].url {
        return None;
    }
    let mut next = i + 1;
    if ctx.glued(next) {
        match ctx.toks[next].kind {
            Kind::Word => {
                let suffix = ctx.lower(next)?;
                if !matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                    return None;
                }
                next += 1;
            }
            Kind::Punct(':' | '/' | '%') | Kind::Num(_) => return None,
            Kind::Punct(_) => {}
        }
    }
    if scan::time_after(ctx, next) {
        return None;
    }
    Some((n.mant as u32, next))
}

/// A year after a month or day, behind an optional comma or "of".
fn year_after(ctx: &Ctx<'_>, mut k: usize) -> Option<(u64, usize, usize)> {
    if ctx.is_punct(k, &[',']) || ctx.is_word(k, "of") {
        k += 1;
    }
    let n = ctx.num(k)?;
    if !n.year_shaped() || !YEARS.contains(&n.mant) || ctx.toks[k].url {
        return None;
    }
    if ctx.glued(k + 1) && matches!(ctx.toks[k + 1].kind, Kind::Word | Kind::Num(_)) {
        return None;
    }
    Some((n.mant, k, k + 1))
}

fn month_first(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    let (m, j) = month_at(ctx, i)?;
    if let Some((d, k)) = day_at(ctx, j) {
        // "November 17-19, 2025"
        let mut second = None;
        let mut after = k;
        if ctx.is_punct(k, &['-', '–', '—'])
            && let Some((d2, k2)) = day_at(ctx, k + 1)
            && d2 > d
        {
            second = Some((d2, k + 1, k2));
            after = k2;
        }
        let year = year_after(ctx, after);
        let y = year.map(|(y, _, _)| y);
        if !day_exists(m, d, y) {
            return None;
        }
        let first_end = if second.is_none() {
            year.map_or(ctx.end_before(k), |(_, yk, _)| ctx.toks[yk].end)
        } else {
            ctx.end_before(k)
        };
        let mut f = date(ctx.start(i), first_end, iso(y, m, Some(d)));
        f.detail = Detail::Date {
            qualifier: period_qualifier(ctx, i),
        };
        out.push(f);
        if let Some((d2, s2, e2)) = second
            && day_exists(m, d2, y)
        {
            let end = year.map_or(ctx.end_before(e2), |(_, yk, _)| ctx.toks[yk].end);
            out.push(date(ctx.start(s2), end, iso(y, m, Some(d2))));
        }
        return Some(year.map_or(after, |(_, _, next)| next));
    }
    if let Some((y, yk, next)) = year_after(ctx, j) {
        let mut f = date(ctx.start(i), ctx.toks[yk].end, iso(Some(y), m, None));
        f.detail = Detail::Date {
            qualifier: period_qualifier(ctx, i),
        };
        out.push(f);
        return Some(next);
    }
    // A bare month counts after a preposition ("in October", "mid-October")
    // or as the second of a pair ("between October and December").
    let prev = i.checked_sub(1)?;
    let is_may = m == 5;
    let ok = if ctx.is_punct(prev, &['-']) && ctx.glued(i) {
        prev > 0 && matches!(ctx.lower(prev - 1)?.as_str(), "mid" | "early" | "late")
    } else {
        let w = ctx.lower(prev)?;
        let w = w.as_str();
        let paired = matches!(w, "and" | "or" | "to" | "through" | "until")
            && prev > 0
            && out
                .last()
                .is_some_and(|f| f.kind == FactKind::Date && f.end == ctx.toks[prev - 1].end);
        paired || (words::month_context(w) && !(is_may && matches!(w, "as" | "around" | "into")))
    };
    if !ok {
        return None;
    }
    let mut f = date(ctx.start(i), ctx.end_before(j), iso(None, m, None));
    f.detail = Detail::Date {
        qualifier: period_qualifier(ctx, i),
    };
    out.push(f);
    Some(j)
}

/// "early", "mid" or "late" right before a date.
fn period_qualifier(ctx: &Ctx<'_>, i: usize) -> Option<String> {
    let prev = i.checked_sub(1)?;
    let w = if ctx.is_punct(prev, &['-']) && ctx.glued(i) {
        ctx.lower(prev.checked_sub(1)?)?
    } else {
        ctx.lower(prev)?
    };
    matches!(w.as_str(), "early" | "mid" | "late").then(|| w.as_str().to_string())
}

/// "FY2026", "FY 2026", "FY26".
fn fiscal_year(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    if ctx.word(i)? != "FY" {
        return None;
    }
    let n = ctx.num(i + 1)?;
    if !n.is_plain_int() || ctx.toks[i + 1].url {
        return None;
    }
    let year = match n.int_digits {
        2 if ctx.glued(i + 1) => 2000 + n.mant,
        4 if BARE_YEARS.contains(&n.mant) => n.mant,
        _ => return None,
    };
    if ctx.glued(i + 2) && matches!(ctx.toks[i + 2].kind, Kind::Word | Kind::Num(_)) {
        return None;
    }
    out.push(date(
        ctx.start(i),
        ctx.toks[i + 1].end,
        format!("{year:04}"),
    ));
    Some(i + 2)
}

/// "11/17/2025" and "2025-11-17".
fn numeric_date(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    let a = ctx.num(i)?;
    if ctx.toks[i].url || (ctx.glued(i) && i > 0 && !ctx.is_punct(i - 1, &['(', '[', '"', '“'])) {
        return None;
    }
    let sep = ctx.punct(i + 1)?;
    if !matches!(sep, '/' | '-')
        || !ctx.glued(i + 1)
        || !ctx.glued(i + 2)
        || ctx.punct(i + 3) != Some(sep)
        || !ctx.glued(i + 3)
        || !ctx.glued(i + 4)
    {
        return None;
    }
    let b = ctx.num(i + 2)?;
    let c = ctx.num(i + 4)?;
    if !(a.is_plain_int() && b.is_plain_int() && c.is_plain_int()) {
        return None;
    }
    if ctx.glued(i + 5) && !ctx.is_punct(i + 5, &[',', '.', ')', ';', ']', '"', '”']) {
        return None;
    }
    let (y, m, d) = if sep == '/' {
        let y = match c.int_digits {
            4 if YEARS.contains(&c.mant) => c.mant,
            2 => 2000 + c.mant,
            _ => return None,
        };
        if a.int_digits > 2 || b.int_digits > 2 {
            return None;
        }
        (y, a.mant, b.mant)
    } else {
        if a.int_digits != 4 || b.int_digits != 2 || c.int_digits != 2 || !YEARS.contains(&a.mant) {
            return None;
        }
        (a.mant, b.mant, c.mant)
    };
    let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
    if !day_exists(m, d, Some(y)) {
        return None;
    }
    out.push(date(
        ctx.start(i),
        ctx.toks[i + 4].end,
        iso(Some(y), m, Some(d)),
    ));
    Some(i + 5)
}

/// "17 November 2025", "21st of November".
fn day_first(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    if !scan::plain_number(ctx, i) {
        return None;
    }
    let (d, k) = day_at(ctx, i)?;
    let k = if ctx.is_word(k, "of") && k > i + 1 {
        k + 1
    } else {
        k
    };
    let (m, j) = month_at(ctx, k)?;
    let year = year_after(ctx, j);
    let y = year.map(|(y, _, _)| y);
    if !day_exists(m, d, y) {
        return None;
    }
    let end = year.map_or(ctx.end_before(j), |(_, yk, _)| ctx.toks[yk].end);
    out.push(date(ctx.start(i), end, iso(y, m, Some(d))));
    Some(year.map_or(j, |(_, _, next)| next))
}

/// Bare years and year ranges ("in 2021", "the 2026 midterms", "mid-2026",
/// "2021–2023", "2025-26").
fn years(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    let n = ctx.num(i)?;
    if !bare_year(ctx, i) {
        return None;
    }
    // A period prefix glued by a hyphen joins the span: "mid-2026".
    let start = if ctx.glued(i)
        && i >= 2
        && ctx.is_punct(i - 1, &['-'])
        && ctx.glued(i - 1)
        && ctx
            .lower(i - 2)
            .is_some_and(|w| matches!(w.as_str(), "mid" | "early" | "late"))
    {
        ctx.start(i - 2)
    } else {
        ctx.start(i)
    };
    let mut first = date(start, ctx.toks[i].end, format!("{:04}", n.mant));
    first.detail = Detail::Date {
        qualifier: period_qualifier(ctx, i),
    };
    // A range: "2021–2023", "2021 - 2023", "2025-26".
    if ctx.is_punct(i + 1, &['-', '–', '—'])
        && let Some(m) = ctx.num(i + 2)
        && m.is_plain_int()
    {
        let spaced = !ctx.glued(i + 1) && !ctx.glued(i + 2);
        let tight = ctx.glued(i + 1) && ctx.glued(i + 2);
        let second = match m.int_digits {
            4 if BARE_YEARS.contains(&m.mant) && m.mant > n.mant && m.mant - n.mant < 200 => {
                Some(m.mant)
            }
            2 if tight && (n.mant / 100 * 100 + m.mant) > n.mant => {
                Some(n.mant / 100 * 100 + m.mant)
            }
            _ => None,
        };
        if let Some(y2) = second
            && (tight || spaced)
            && year_tail_ok(ctx, i + 3)
        {
            out.push(first);
            out.push(date(
                ctx.start(i + 2),
                ctx.toks[i + 2].end,
                format!("{y2:04}"),
            ));
            return Some(i + 3);
        }
        if tight {
            // "555-2021", "2021-5555": a phone number or code, not a year.
            return None;
        }
    }
    out.push(first);
    Some(i + 1)
}

/// Whether a year-shaped number at `i` is used as a year.
fn bare_year(ctx: &Ctx<'_>, i: usize) -> bool {
    let Some(n) = ctx.num(i) else { return false };
    if !n.year_shaped() || !BARE_YEARS.contains(&n.mant) || ctx.toks[i].url {
        return false;
    }
    let after_period = i >= 2
        && ctx.glued(i)
        && ctx.is_punct(i - 1, &['-'])
        && ctx.glued(i - 1)
        && ctx
            .lower(i - 2)
            .is_some_and(|w| matches!(w.as_str(), "mid" | "early" | "late" | "pre" | "post"));
    if !after_period && !scan::plain_number(ctx, i) {
        return false;
    }
    if i > 0 {
        if ctx.glued(i) {
            match ctx.toks[i - 1].kind {
                Kind::Punct(c) if words::currency_symbol(c).is_some() => return false,
                // "555-2021": the tail of a phone number.
                Kind::Punct('-' | '–')
                    if i >= 2
                        && ctx.glued(i - 1)
                        && ctx.num(i - 2).is_some_and(|p| !p.year_shaped()) =>
                {
                    return false;
                }
                _ => {}
            }
        }
        if scan::identifier_before(ctx, i) {
            return false;
        }
        if let Some(w) = ctx.lower(i - 1)
            && matches!(
                w.as_str(),
                "per" | "than" | "about" | "nearly" | "approximately"
            )
        {
            return false;
        }
        // "Project 2025", "Vision 2030": a name, not a date.
        if ctx.capitalized(i - 1)
            && let Some(w) = ctx.lower(i - 1)
            && matches!(
                w.as_str(),
                "project"
                    | "vision"
                    | "agenda"
                    | "mission"
                    | "operation"
                    | "initiative"
                    | "strategy"
                    | "framework"
                    | "horizon"
                    | "roadmap"
            )
        {
            return false;
        }
    }
    year_tail_ok(ctx, i + 1)
}

/// Whether what follows a year-shaped number leaves it a year: not a
/// percent sign, a counted noun ("2021 people"), a currency noun, a time or
/// a street name.
fn year_tail_ok(ctx: &Ctx<'_>, j: usize) -> bool {
    match ctx.toks.get(j).map(|t| t.kind) {
        None => true,
        Some(Kind::Punct('%')) => false,
        Some(Kind::Punct(':')) if ctx.glued(j) && ctx.num(j + 1).is_some() => false,
        Some(Kind::Num(_)) => true,
        Some(Kind::Punct(_)) => true,
        Some(Kind::Word) => {
            if ctx.glued(j) {
                return false;
            }
            let Some(w) = ctx.lower(j) else { return true };
            let w = w.as_str();
            if matches!(w, "percent" | "pct" | "per") || words::scale_word(w).is_some() {
                return false;
            }
            if words::count_noun(w) || words::currency_noun(w).is_some() || scan::time_after(ctx, j)
            {
                return false;
            }
            // "1600 Pennsylvania Avenue"
            if ctx.capitalized(j) {
                for k in j + 1..j + 4 {
                    if ctx.lower(k).is_some_and(|w| words::street_word(w.as_str())) {
                        return false;
                    }
                    if !ctx.capitalized(k) {
                        break;
                    }
                }
            }
            true
        }
    }
}

/// Gives each year-less month or day a year, when the document implies one:
/// a dated mention with a month in the same sentence ("Nov. 30 – Dec. 2,
/// 2025"), else an earlier one in the same paragraph ("peaked in April 2025
/// … In October"), else the document's own date (a full date in its first
/// lines: dateline, release date). Otherwise the year-less form stays: a
/// date elsewhere in the text may be years away from this one.
pub fn resolve_years(text: &Text<'_>, out: &mut [Found]) {
    #[derive(Clone, Copy, PartialEq)]
    enum Precision {
        Day,
        Month,
        Year,
    }
    #[derive(Clone, Copy)]
    struct Anchor {
        year: u32,
        precision: Precision,
        sentence: Option<usize>,
        line: usize,
        paragraph: usize,
        pos: usize,
    }
    let anchor_of = |f: &Found| -> Option<Anchor> {
        if f.kind != FactKind::Date {
            return None;
        }
        let v = f.value.as_text()?;
        let year = v.get(..4)?.parse::<u32>().ok()?;
        let precision = match v.len() {
            4 => Precision::Year,
            7 => Precision::Month,
            _ => Precision::Day,
        };
        Some(Anchor {
            year,
            precision,
            sentence: text.sentence_index(f.start),
            line: text.line_of(f.start),
            paragraph: text.paragraph_range(f.start).0,
            pos: f.start,
        })
    };
    let anchors: Vec<Option<Anchor>> = out.iter().map(anchor_of).collect();
    let reference = anchors
        .iter()
        .flatten()
        .find(|a| a.precision == Precision::Day)
        .filter(|a| {
            let (start, end) = text.paragraph_range(a.pos);
            (a.pos < DATELINE_BYTES || a.line <= DATELINE_LINES)
                && (a.pos - start <= DATELINE_LEAD || end - start <= DATELINE_LINE_LEN)
        })
        .map(|a| a.year);
    let n = out.len();
    let mut next_month: Vec<Option<Anchor>> = vec![None; n];
    let mut nm = None;
    for k in (0..n).rev() {
        next_month[k] = nm;
        if let Some(a) = anchors[k].filter(|a| a.precision != Precision::Year) {
            nm = Some(a);
        }
    }
    let mut prev_month: Option<Anchor> = None;
    for k in 0..n {
        if let Some(a) = anchors[k] {
            if a.precision != Precision::Year {
                prev_month = Some(a);
            }
            continue;
        }
        let f = &out[k];
        if f.kind != FactKind::Date {
            continue;
        }
        let Some(rest) = f.value.as_text().and_then(|v| v.strip_prefix("--")) else {
            continue;
        };
        let sentence = text.sentence_index(f.start);
        let paragraph = text.paragraph_range(f.start).0;
        let same_sentence = [prev_month, next_month[k]]
            .into_iter()
            .flatten()
            .filter(|a| a.sentence == sentence)
            .min_by_key(|a| a.pos.abs_diff(f.start))
            .map(|a| a.year);
        let same_paragraph = prev_month
            .filter(|a| a.paragraph == paragraph)
            .map(|a| a.year);
        let year = same_sentence.or(same_paragraph).or(reference);
        if let Some(y) = year {
            let iso = format!("{y:04}-{rest}");
            out[k].value = Value::Text(iso);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::FactKind;

    fn dates(s: &str) -> Vec<(String, String)> {
        extract("t", s)
            .facts
            .into_iter()
            .filter(|f| f.kind() == FactKind::Date)
            .map(|f| (f.text.clone(), f.value.to_string()))
            .collect()
    }

    fn values(s: &str) -> Vec<String> {
        dates(s).into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn full_dates_in_every_common_form() {
        assert_eq!(
            dates("Signed November 17, 2025 and Nov. 18, 2025 and 19 November 2025."),
            vec![
                ("November 17, 2025".into(), "2025-11-17".into()),
                ("Nov. 18, 2025".into(), "2025-11-18".into()),
                ("19 November 2025".into(), "2025-11-19".into()),
            ]
        );
        assert_eq!(
            values("Due 11/17/2025 or 2025-12-01, or by Sept. 30th, 2026."),
            vec!["2025-11-17", "2025-12-01", "2026-09-30"]
        );
    }

    #[test]
    fn month_year_and_periods() {
        assert_eq!(
            dates("In October 2025 it began; by mid-2026 it ends."),
            vec![
                ("October 2025".into(), "2025-10".into()),
                ("mid-2026".into(), "2026".into()),
            ]
        );
    }

    #[test]
    fn impossible_days_are_not_dates() {
        let v = values(
            "On February 29, 2024, the vote. Not February 29, 2023. Not 1900-02-29. Not April 31.",
        );
        assert!(v.contains(&"2024-02-29".to_string()), "{v:?}");
        for bad in ["2023-02-29", "1900-02-29", "-04-31"] {
            assert!(!v.iter().any(|d| d.ends_with(bad)), "{bad} in {v:?}");
        }
        assert!(values("Every 29 February.").contains(&"--02-29".to_string()));
    }

    #[test]
    fn bare_years_used_as_dates() {
        assert_eq!(
            values("Since 2022, the Act of 1962 and the 2026 midterms; in 2021."),
            vec!["2022", "1962", "2026", "2021"]
        );
    }

    #[test]
    fn year_ranges_give_two_dates() {
        assert_eq!(
            values("From 2021–2023 and the 2025-26 school year."),
            vec!["2021", "2023", "2025", "2026"]
        );
    }

    #[test]
    fn not_dates() {
        assert!(values("About 2,021 people paid $2021 under Section 2021 at 20:21.").is_empty());
        assert!(values("Call 555-2021 or visit https://example.gov/2021/x.").is_empty());
        assert!(values("The office is at 1600 Pennsylvania Avenue.").is_empty());
        assert!(values("They may go. March on.").is_empty());
        assert!(values("Critics of Project 2025 and Vision 2030 spoke.").is_empty());
    }

    #[test]
    fn yearless_dates_take_the_nearest_year() {
        assert_eq!(
            values("Released April 2, 2024.\n\nIn October, it began. On Nov. 21st it ended."),
            vec!["2024-04-02", "2024-10", "2024-11-21"]
        );
        assert_eq!(
            values("It peaked in April 2025. In October, it fell."),
            vec!["2025-04", "2025-10"]
        );
        assert_eq!(values("The meeting is on November 21st."), vec!["--11-21"]);
        assert_eq!(values("It opened in October."), vec!["--10"]);
    }

    #[test]
    fn a_distant_date_does_not_lend_its_year() {
        let far = "Filler sentence here.\n".repeat(40);
        let doc = format!("{far}The law took effect Jan. 1, 2026.\n\nThe House voted in March.");
        assert_eq!(values(&doc), vec!["2026-01-01", "--03"]);
    }

    #[test]
    fn relative_months_are_not_dates() {
        assert!(values("It happened last October and next May.").is_empty());
    }

    #[test]
    fn day_ranges_and_fiscal_years() {
        assert_eq!(
            values("Held November 17-19, 2025 for FY2026 and FY 2027."),
            vec!["2025-11-17", "2025-11-19", "2026", "2027"]
        );
    }
}
