//! Finds amounts — money, percents and quantities — by reading a number
//! (digits or spelled out, with its scale word and currency), what follows it
//! ("%", "percent", "dollars", a counted noun), an optional range partner
//! ("$5 to $7 billion") and the qualifier before it ("more than").
//!
//! Not amounts: years (the date finder claims them first), ordinals,
//! identifiers ("Section 232", "District 22", "H.R. 1234"), rates
//! ("27.5 per 100,000"), ratios ("1 in 5"), times, phone numbers, list
//! markers, and small spelled-out numbers without a scale word.

use super::numwords;
use super::scan::{self, Ctx, Kind, Num};
use super::text::Text;
use super::words;
use super::{FactKind, Found, money};
use crate::model::{Detail, Value};

/// Every percent and quantity fact in the text.
pub fn find(text: &Text<'_>) -> Vec<Found> {
    scan::find(text)
        .into_iter()
        .filter(|f| matches!(f.kind, FactKind::Percent | FactKind::Quantity))
        .collect()
}

/// A number as read at a token: digits or words, its scale and currency.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// First token (the currency sign when there is one).
    first: usize,
    /// Token after the number and its scale word.
    end: usize,
    num: Option<Num>,
    /// The value of a spelled-out number, scale included.
    spelled: f64,
    /// A scale borrowed from the other end of a range ("two to three million").
    spelled_mult: f64,
    /// Largest scale word ("million" = 6); 0 without one.
    exp: i32,
    currency: Option<&'static str>,
}

impl Amount {
    fn value(&self) -> f64 {
        match self.num {
            Some(n) => n.scaled(self.exp),
            None => self.spelled * self.spelled_mult,
        }
    }

    /// The number as written, before its scale.
    fn raw(&self) -> f64 {
        match self.num {
            Some(n) => n.value(),
            None => self.spelled,
        }
    }

    fn has_scale(&self) -> bool {
        self.exp > 0
    }

    /// Spelled out without a scale word ("five").
    fn small_word(&self) -> bool {
        self.num.is_none() && self.exp < 2
    }
}

/// What is said right after an amount.
#[derive(Debug, Clone, Copy)]
enum Suffix {
    Percent(&'static str, usize),
    Money(&'static str, f64, usize),
    None,
}

/// Reads an amount at `i`, if one starts there.
fn amount_at(ctx: &Ctx<'_>, i: usize) -> Option<Amount> {
    let (currency, j) = match money::currency_prefix(ctx, i) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    if let Some(n) = ctx.num(j) {
        if !scan::plain_number(ctx, j) || n.huge {
            return None;
        }
        let scale = if currency.is_some() {
            money::scale_after(ctx, j + 1)
        } else {
            count_scale(ctx, j + 1)
        };
        let (exp, end) = scale.unwrap_or((0, j + 1));
        // Letters glued to the digits that are not a scale: "5G", "2nd", "1990s".
        if scale.is_none() && ctx.glued(j + 1) && ctx.word(j + 1).is_some() {
            return None;
        }
        return Some(Amount {
            first: i,
            end,
            num: Some(n),
            spelled: 0.0,
            spelled_mult: 1.0,
            exp,
            currency,
        });
    }
    if currency.is_some() {
        return None;
    }
    let s = numwords::parse(ctx, j)?;
    Some(Amount {
        first: i,
        end: s.end,
        num: None,
        spelled: s.value,
        spelled_mult: 1.0,
        exp: s.scale,
        currency: None,
    })
}

/// A scale word after a count: "million", "1.2-million", glued "M"/"K".
fn count_scale(ctx: &Ctx<'_>, k: usize) -> Option<(i32, usize)> {
    if let Some(raw) = ctx.word(k) {
        if ctx.glued(k) {
            if let Some(e) = words::count_scale_abbr(raw) {
                return Some((e, k + 1));
            }
            return ctx
                .lower(k)
                .and_then(|l| words::scale_word(l.as_str()))
                .filter(|&e| e >= 3)
                .map(|e| (e, k + 1));
        }
        let e = words::scale_word(ctx.lower(k)?.as_str()).filter(|&e| e >= 3)?;
        return Some((e, k + 1));
    }
    if ctx.is_punct(k, &['-']) && ctx.glued(k) && ctx.glued(k + 1) {
        let e = words::scale_word(ctx.lower(k + 1)?.as_str()).filter(|&e| e >= 3)?;
        return Some((e, k + 2));
    }
    None
}

fn suffix_at(ctx: &Ctx<'_>, k: usize, has_currency: bool) -> Suffix {
    if ctx.is_punct(k, &['%']) {
        return Suffix::Percent("percent", k + 1);
    }
    // "5-percent", "3-percentage-point"
    let (k, hyphened) = if ctx.is_punct(k, &['-']) && ctx.glued(k) && ctx.glued(k + 1) {
        (k + 1, true)
    } else {
        (k, false)
    };
    if let Some(l) = ctx.lower(k) {
        match l.as_str() {
            "percent" | "pct" => {
                return Suffix::Percent("percent", k + 1);
            }
            "per" if ctx.is_word(k + 1, "cent") => return Suffix::Percent("percent", k + 2),
            "percentage" => {
                let p = if ctx.is_punct(k + 1, &['-']) {
                    k + 2
                } else {
                    k + 1
                };
                if ctx.is_word(p, "points") || ctx.is_word(p, "point") {
                    return Suffix::Percent("percentage points", p + 1);
                }
            }
            _ => {}
        }
    }
    if !has_currency
        && !hyphened
        && let Some((code, factor, end)) = money::currency_suffix(ctx, k)
    {
        return Suffix::Money(code, factor, end);
    }
    Suffix::None
}

/// A counted noun or verb after an amount.
enum Unit {
    Noun(String, usize),
    Verb(String),
}

fn plural(l: &str) -> bool {
    l.len() >= 3 && l.ends_with('s') && !words::false_plural(l)
}

fn unit_text(w: &str) -> String {
    if w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
    {
        w.to_string()
    } else {
        lowercase(w)
    }
}

/// `s.to_lowercase()`, without its char-by-char loop for ASCII text.
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// What the amount ending before token `j` counts.
fn unit_after(ctx: &Ctx<'_>, j: usize) -> Option<Unit> {
    // "45-minute", "1,000-bed", "33-year-old"
    if ctx.is_punct(j, &['-']) && ctx.glued(j) && ctx.glued(j + 1) {
        let first = ctx.lower(j + 1)?;
        if first.as_str() == "year"
            && ctx.is_punct(j + 2, &['-'])
            && ctx.is_word(j + 3, "old")
            && ctx.glued(j + 3)
        {
            return Some(Unit::Noun("years old".into(), j + 4));
        }
        let f = first.as_str();
        if f.len() < 3 || words::function_word(f) || !f.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let mut k = j + 2;
        while ctx.is_punct(k, &['-'])
            && ctx.glued(k)
            && ctx.glued(k + 1)
            && ctx.word(k + 1).is_some()
            && k < j + 8
        {
            k += 2;
        }
        if ctx.glued(k) && ctx.num(k).is_some() {
            return None;
        }
        let text = ctx.src.get(ctx.start(j + 1)..ctx.end_before(k))?;
        return Some(Unit::Noun(lowercase(text), k));
    }
    // "10,000+ jobs"
    let j = if ctx.is_punct(j, &['+']) && ctx.glued(j) {
        j + 1
    } else {
        j
    };
    // "200 or so delegates": an approximation between the count and its noun.
    let j = if ctx.is_word(j, "or") && ctx.is_word(j + 1, "so") {
        j + 2
    } else {
        j
    };
    let mut k = j;
    let mut modifiers = 0;
    while modifiers < 4 {
        let Some(w) = ctx.word(k) else { break };
        if ctx.glued(k) && k == j {
            break;
        }
        let Some(l) = ctx.lower(k) else {
            modifiers += 1;
            k += 1;
            continue;
        };
        let l = l.as_str();
        // "wind and solar projects": paired modifiers.
        if matches!(l, "and" | "or") && modifiers > 0 {
            modifiers += 1;
            k += 1;
            continue;
        }
        if words::function_word(l) {
            break;
        }
        if (l == "years" || l == "year") && ctx.is_word(k + 1, "old") {
            return Some(Unit::Noun("years old".into(), k + 2));
        }
        if matches!(
            l,
            "square" | "cubic" | "metric" | "basis" | "kilowatt" | "megawatt"
        ) && let Some(next) = ctx.lower(k + 1)
            && (plural(next.as_str()) || words::invariant_unit(next.as_str()))
        {
            let text = format!("{l} {}", next.as_str());
            return Some(Unit::Noun(text, k + 2));
        }
        if words::invariant_unit(l) || plural(l) {
            // "169 extends the credit": a verb, not a counted noun.
            if plural(l)
                && ctx.lower(k + 1).is_some_and(|n| {
                    matches!(n.as_str(), "the" | "its" | "their" | "this" | "that")
                })
            {
                return None;
            }
            return Some(Unit::Noun(unit_text(w), k + 1));
        }
        if words::month(l).is_some() || words::weekday(l) {
            break;
        }
        modifiers += 1;
        k += 1;
        // A hyphenated modifier counts once: "low-income".
        while ctx.is_punct(k, &['-', '‐']) && ctx.glued(k) && ctx.glued(k + 1) {
            k += 2;
        }
        // "U.S." and similar initials.
        while ctx.is_punct(k, &['.']) && ctx.glued(k) {
            k += 1;
        }
    }
    // "420,000 fled", "146 have closed", "40 were evacuated"
    let l = ctx.lower(j)?;
    let verb_at = |k: usize| {
        let w = ctx.word(k)?;
        let l = ctx.lower(k)?;
        (w.bytes().all(|b| b.is_ascii_lowercase()) && words::count_verb(l.as_str()))
            .then(|| l.as_str().to_string())
    };
    if let Some(v) = verb_at(j) {
        return Some(Unit::Verb(v));
    }
    if matches!(l.as_str(), "have" | "has" | "had" | "were" | "was")
        && let Some(v) = verb_at(j + 1)
    {
        return Some(Unit::Verb(v));
    }
    None
}

/// Whether the word before the amount makes it a label: an identifier word,
/// or a capitalized name that is not a function word ("District 22",
/// "Apollo 11", "Boeing 737").
fn label_before(ctx: &Ctx<'_>, first: usize) -> bool {
    if scan::identifier_before(ctx, first) {
        return true;
    }
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    if ctx.glued(first) || !ctx.capitalized(p) {
        return false;
    }
    // Labels are short plain numbers; "sent Gov. Brandt 1,186 bills" is a count.
    if ctx.num(first).is_some_and(|n| n.commas || n.frac > 0) {
        return false;
    }
    let Some(l) = ctx.lower(p) else { return true };
    let l = l.as_str();
    !(words::function_word(l)
        || l.ends_with("'s")
        || l.ends_with('s') && l.len() > 3 && ctx.word(p).is_some_and(|w| w.ends_with("s’"))
        || words::month(l).is_some()
        || words::weekday(l)
        || ctx.qualifier_before(first).is_some()
        || matches!(
            l,
            "another" | "only" | "just" | "nearly" | "with" | "those" | "these" | "all" | "total"
        ))
}

/// "Smith, 33, said": an age set off by commas after a name.
fn age_after_name(ctx: &Ctx<'_>, a: &Amount) -> bool {
    let Some(n) = a.num else { return false };
    if a.currency.is_some() || a.has_scale() || !n.is_plain_int() || !(1..=120).contains(&n.mant) {
        return false;
    }
    let i = a.first;
    if i < 2 || !ctx.is_punct(i - 1, &[',']) {
        return false;
    }
    // "Sen. Ann Lee (D-Ohio), 67,": look past the parenthesis.
    let mut n = i - 2;
    if ctx.is_punct(n, &[')']) {
        let Some(open) = (n.saturating_sub(8)..n)
            .rev()
            .find(|&k| ctx.is_punct(k, &['(']))
        else {
            return false;
        };
        let Some(before) = open.checked_sub(1) else {
            return false;
        };
        n = before;
    }
    if !ctx.capitalized(n) {
        return false;
    }
    let Some(name) = ctx.lower(n) else {
        return false;
    };
    let name = name.as_str();
    if words::function_word(name)
        || words::month(name).is_some()
        || words::weekday(name)
        || words::identifier_word(name)
    {
        return false;
    }
    let closes = ctx.is_punct(a.end, &[',', ';'])
        || (ctx.is_punct(a.end, &['.', ')']) && a.end + 1 >= ctx.toks.len());
    closes && !(ctx.is_punct(a.end, &[',']) && ctx.num(a.end + 1).is_some())
}

/// "Smith, who is 47,", "who was 29.", "who's 61;": an age stated in a
/// clause about a person. The number must close the clause, so "who is
/// 47th in line" (an ordinal) and "who is 47 in line" are not ages; with a
/// unit after it ("who is 47 years old", "47 miles") it is read as a count
/// before this is tried.
fn age_in_who_clause(ctx: &Ctx<'_>, a: &Amount) -> bool {
    let Some(n) = a.num else { return false };
    if a.currency.is_some() || a.has_scale() || !n.is_plain_int() || !(1..=120).contains(&n.mant) {
        return false;
    }
    let i = a.first;
    let Some(verb) = i.checked_sub(1).and_then(|p| ctx.lower(p)) else {
        return false;
    };
    let after_who = match verb.as_str() {
        "who's" => true,
        "is" | "was" | "turns" | "turned" => i >= 2 && ctx.is_word(i - 2, "who"),
        _ => false,
    };
    if !after_who {
        return false;
    }
    let e = a.end;
    let closes = e >= ctx.toks.len()
        || ctx.is_punct(e, &[',', ';', ')', '—', '–'])
        || (ctx.is_punct(e, &['.']) && e + 1 >= ctx.toks.len());
    closes && !(ctx.is_punct(e, &[',']) && ctx.num(e + 1).is_some())
}

/// "cut the number of field offices to 12", "the number of licensed
/// vendors rose to 4,000", "the number of cases was 310": the count a
/// sentence names as "the number of <plural noun>", up to ten words before
/// the amount and in the same clause. Returns what is counted (the words
/// after "of" up to the first plural noun: "licensed vendors").
fn number_of_before(ctx: &Ctx<'_>, first: usize) -> Option<String> {
    let p = first.checked_sub(1)?;
    let link = ctx.lower(p)?;
    if !matches!(
        link.as_str(),
        "to" | "at" | "was" | "is" | "reached" | "hit" | "totaled" | "totalled"
    ) {
        return None;
    }
    let number = (p.saturating_sub(10)..p)
        .rev()
        .take_while(|&k| ctx.word(k).is_some())
        .find(|&k| ctx.is_word(k, "number") && ctx.is_word(k + 1, "of"))?;
    let mut words = Vec::new();
    for k in number + 2..p {
        let w = ctx.word(k)?;
        let l = ctx.lower(k)?;
        let l = l.as_str();
        if !w.bytes().all(|b| b.is_ascii_lowercase()) || words::function_word(l) {
            return None;
        }
        words.push(l.to_string());
        if plural(l) {
            return (words.len() <= 3).then(|| words.join(" "));
        }
    }
    None
}

/// "per 100,000", "1 in 5", "3 out of 4": the number belongs to a rate.
fn rate_before(ctx: &Ctx<'_>, first: usize) -> bool {
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    if ctx.is_word(p, "per") {
        return true;
    }
    let before_num = |k: usize| {
        k.checked_sub(1).is_some_and(|q| {
            ctx.num(q).is_some() || ctx.lower(q).is_some_and(|l| numword(l.as_str()))
        })
    };
    (ctx.is_word(p, "in") && before_num(p))
        || (ctx.is_word(p, "of") && p > 0 && ctx.is_word(p - 1, "out") && before_num(p - 1))
}

fn numword(l: &str) -> bool {
    matches!(
        l,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// "per 100,000", "1 in 5" or "3 out of 4" right after an amount: a rate
/// or ratio, not a count.
fn rate_after(ctx: &Ctx<'_>, a: &Amount) -> Option<usize> {
    let e = a.end;
    let small_num = |k: usize| {
        ctx.num(k)
            .is_some_and(|n| !n.year_shaped() && n.value() > a.raw())
            || ctx
                .lower(k)
                .is_some_and(|l| numword(l.as_str()) || l.as_str() == "a")
    };
    if ctx.is_word(e, "per") && (ctx.num(e + 1).is_some() || small_num(e + 1)) {
        return Some(e + 2);
    }
    if a.raw() > 100.0 {
        return None;
    }
    if ctx.is_word(e, "in") && small_num(e + 1) {
        return Some(e + 2);
    }
    if ctx.is_word(e, "out") && ctx.is_word(e + 1, "of") && small_num(e + 2) {
        return Some(e + 3);
    }
    None
}

/// Tries an amount at token `i`; on a match pushes its fact(s) and returns
/// the token after them.
pub fn match_at(ctx: &Ctx<'_>, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    match ctx.toks.get(i)?.kind {
        Kind::Num(_) | Kind::Punct(_) | Kind::Word => {}
    }
    let a = amount_at(ctx, i)?;
    if a.currency.is_none() && rate_before(ctx, a.first) {
        return Some(a.end);
    }
    let s1 = suffix_at(ctx, a.end, a.currency.is_some());
    if matches!(s1, Suffix::None) {
        if a.currency.is_none()
            && let Some(end) = rate_after(ctx, &a)
        {
            return Some(end);
        }
        if let Some(end) = range(ctx, a, out) {
            return Some(end);
        }
    }
    emit(ctx, a, s1, out)
}

/// Connector between two ends of a range: "to", "-", "–", "and" after "between".
fn connector(ctx: &Ctx<'_>, a: &Amount) -> Option<(usize, bool)> {
    let k = a.end;
    if ctx.is_punct(k, &['-', '–', '—']) {
        let tight = ctx.glued(k) && ctx.glued(k + 1);
        return Some((k + 1, tight));
    }
    if ctx.is_word(k, "to") || ctx.is_word(k, "through") || ctx.is_word(k, "or") {
        return Some((k + 1, false));
    }
    if ctx.is_word(k, "and") && a.first > 0 && ctx.is_word(a.first - 1, "between") {
        return Some((k + 1, false));
    }
    None
}

fn range(ctx: &Ctx<'_>, a: Amount, out: &mut Vec<Found>) -> Option<usize> {
    let (k, tight) = connector(ctx, &a)?;
    let mut b = amount_at(ctx, k)?;
    // "ages 18 to 24": an age bracket, not two counts.
    if a.first > 0 && (ctx.is_word(a.first - 1, "ages") || ctx.is_word(a.first - 1, "aged")) {
        return Some(b.end);
    }
    if a.currency.is_none() && label_before(ctx, a.first) {
        // "Pub. L. 117-169", "District 7-A": a label, both ends.
        return tight.then_some(b.end);
    }
    let s2 = suffix_at(ctx, b.end, a.currency.is_some() || b.currency.is_some());
    let mut a = a;
    if b.has_scale() && !a.has_scale() && a.raw() <= b.raw() {
        a.exp = b.exp;
        if a.num.is_none() {
            // "two to three million"
            a.spelled_mult = 10f64.powi(b.exp);
        }
    }
    let currency = a.currency.or(b.currency);
    if currency.is_some() || matches!(s2, Suffix::Money(..)) {
        let (code, factor, end) = match s2 {
            Suffix::Money(c, f, end) => (c, f, end),
            _ => (currency.unwrap_or("USD"), 1.0, b.end),
        };
        if a.small_word() && !a.has_scale() {
            return None;
        }
        a.currency = Some(currency.unwrap_or(code));
        b.currency = Some(currency.unwrap_or(code));
        push_money(ctx, &a, factor, a.end, out);
        push_money_plain(ctx, &b, factor, end, out);
        return Some(end);
    }
    if let Suffix::Percent(unit, end) = s2 {
        push_percent(ctx, &a, unit, a.end, true, out);
        push_percent(ctx, &b, unit, end, false, out);
        return Some(end);
    }
    if a.small_word() && !a.has_scale() {
        return None;
    }
    if b.num.is_some_and(|n| n.year_shaped()) && a.num.is_some_and(|n| n.year_shaped()) {
        return None;
    }
    match unit_after(ctx, b.end) {
        Some(Unit::Noun(unit, end)) => {
            push_quantity(ctx, &a, Some(unit.clone()), a.end, true, out);
            push_quantity(ctx, &b, Some(unit), end, false, out);
            Some(end)
        }
        _ if b.has_scale() && b.num.is_some() => {
            push_quantity(ctx, &a, None, a.end, true, out);
            push_quantity(ctx, &b, None, b.end, false, out);
            Some(b.end)
        }
        // "7-2", "555-1234": tied numbers that are neither kind.
        _ if tight && a.num.is_some() && b.num.is_some() => Some(b.end),
        _ => None,
    }
}

fn emit(ctx: &Ctx<'_>, a: Amount, s: Suffix, out: &mut Vec<Found>) -> Option<usize> {
    match s {
        Suffix::Money(code, factor, end) => {
            if a.small_word() && a.spelled < 1.0 {
                return None;
            }
            let mut a = a;
            a.currency = Some(code);
            push_money(ctx, &a, factor, end, out);
            Some(end)
        }
        Suffix::Percent(unit, end) => {
            if a.currency.is_some() {
                return None;
            }
            push_percent(ctx, &a, unit, end, true, out);
            Some(end)
        }
        Suffix::None if a.currency.is_some() => {
            push_money(ctx, &a, 1.0, a.end, out);
            Some(a.end)
        }
        Suffix::None => quantity(ctx, a, out),
    }
}

/// US three-digit service numbers ("911 calls", "the 311 system", "988").
fn service_number(a: &Amount) -> bool {
    a.num.is_some_and(|n| {
        n.is_plain_int() && n.int_digits == 3 && (n.mant % 100 == 11 || n.mant == 988)
    })
}

fn quantity(ctx: &Ctx<'_>, a: Amount, out: &mut Vec<Found>) -> Option<usize> {
    if a.small_word() || label_before(ctx, a.first) || service_number(&a) {
        return None;
    }
    // "lasted 1 minute", "after 1 year": one of a counted noun, singular.
    if a.num.is_some_and(|n| n.is_plain_int() && n.mant == 1)
        && let Some(w) = ctx.word(a.end)
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !ctx.glued(a.end)
    {
        let unit = format!("{w}s");
        if words::count_noun(&unit) && !words::invariant_unit(w) {
            push_quantity(ctx, &a, Some(unit), a.end + 1, true, out);
            return Some(a.end + 1);
        }
    }
    match unit_after(ctx, a.end) {
        Some(Unit::Noun(unit, end)) => {
            push_quantity(ctx, &a, Some(unit), end, true, out);
            return Some(end);
        }
        Some(Unit::Verb(verb))
            if a.num.is_some_and(|n| n.frac == 0 && n.mant > 1)
                && !a.first.checked_sub(1).is_some_and(|p| {
                    ["to", "and", "or", "from"]
                        .iter()
                        .any(|w| ctx.is_word(p, w))
                }) =>
        {
            push_quantity(ctx, &a, Some(verb), a.end, true, out);
            return Some(a.end);
        }
        _ => {}
    }
    // "212 of 489 precincts", "6 of its 14 seats": the part counts the same thing.
    if ctx.is_word(a.end, "of") && a.num.is_some() {
        let mut k = a.end + 1;
        if ctx
            .lower(k)
            .is_some_and(|l| matches!(l.as_str(), "the" | "its" | "their" | "our" | "his" | "her"))
        {
            k += 1;
        }
        if let Some(whole) = ctx.num(k).filter(|_| scan::plain_number(ctx, k))
            && whole.value() > a.raw()
            && let Some(Unit::Noun(unit, _)) = unit_after(ctx, k + 1)
        {
            push_quantity(ctx, &a, Some(unit), a.end, true, out);
            return Some(a.end);
        }
    }
    if age_after_name(ctx, &a) || age_in_who_clause(ctx, &a) {
        push_quantity(ctx, &a, Some("years old".into()), a.end, true, out);
        return Some(a.end);
    }
    if let Some(p) = a.first.checked_sub(1)
        && a.num.is_some_and(|n| n.is_plain_int() && n.mant <= 120)
        && (ctx.is_word(p, "aged") || ctx.is_word(p, "age"))
    {
        push_quantity(ctx, &a, Some("age".into()), a.end, true, out);
        return Some(a.end);
    }
    // "a population of 1,204,000"
    if let Some(p) = a.first.checked_sub(2)
        && ctx.is_word(p + 1, "of")
        && let Some(head) = ctx.lower(p)
        && words::count_head(head.as_str())
    {
        push_quantity(ctx, &a, Some(head.as_str().to_string()), a.end, true, out);
        return Some(a.end);
    }
    if let Some(unit) = number_of_before(ctx, a.first) {
        push_quantity(ctx, &a, Some(unit), a.end, true, out);
        return Some(a.end);
    }
    // A scaled or thousands-grouped count whose noun is understood from
    // context: "reaching 341.8 million", "to 71,500 in 2021".
    if a.num
        .is_some_and(|n| a.has_scale() || (n.commas && n.frac == 0))
    {
        push_quantity(ctx, &a, None, a.end, true, out);
        return Some(a.end);
    }
    None
}

fn qualifier(ctx: &Ctx<'_>, a: &Amount, lead: bool) -> Option<String> {
    if !lead {
        return None;
    }
    ctx.qualifier_before(a.first).map(str::to_string)
}

fn push_money(ctx: &Ctx<'_>, a: &Amount, factor: f64, end: usize, out: &mut Vec<Found>) {
    let mut f = Found::new(
        FactKind::Money,
        ctx.start(a.first),
        ctx.end_before(end),
        Value::Number(round(a.value() * factor)),
    );
    f.detail = Detail::Money {
        currency: a.currency.map(str::to_string),
        qualifier: qualifier(ctx, a, true),
    };
    out.push(f);
}

fn push_money_plain(ctx: &Ctx<'_>, a: &Amount, factor: f64, end: usize, out: &mut Vec<Found>) {
    let mut f = Found::new(
        FactKind::Money,
        ctx.start(a.first),
        ctx.end_before(end),
        Value::Number(round(a.value() * factor)),
    );
    f.detail = Detail::Money {
        currency: a.currency.map(str::to_string),
        qualifier: None,
    };
    out.push(f);
}

fn push_percent(
    ctx: &Ctx<'_>,
    a: &Amount,
    unit: &str,
    end: usize,
    lead: bool,
    out: &mut Vec<Found>,
) {
    // "−3.2%" in a table of changes: the sign is part of the value.
    let p = a.first.wrapping_sub(1);
    let signed = lead
        && a.num.is_some()
        && ctx.glued(a.first)
        && ctx.is_punct(p, &['-', '−'])
        && (!ctx.glued(p) || ctx.is_punct(p.wrapping_sub(1), &['(', '|']));
    let (start, value) = if signed {
        (ctx.start(p), -a.value())
    } else {
        (ctx.start(a.first), a.value())
    };
    let mut f = Found::new(
        FactKind::Percent,
        start,
        ctx.end_before(end),
        Value::Number(round(value)),
    );
    f.detail = Detail::Percent {
        unit: Some(unit.to_string()),
        qualifier: qualifier(ctx, a, lead),
    };
    out.push(f);
}

fn push_quantity(
    ctx: &Ctx<'_>,
    a: &Amount,
    unit: Option<String>,
    end: usize,
    lead: bool,
    out: &mut Vec<Found>,
) {
    let mut f = Found::new(
        FactKind::Quantity,
        ctx.start(a.first),
        ctx.end_before(end),
        Value::Number(round(a.value())),
    );
    f.detail = Detail::Quantity {
        unit,
        qualifier: qualifier(ctx, a, lead),
    };
    out.push(f);
}

/// Rounds away binary noise from decimal scaling (`0.07 * 100`).
fn round(v: f64) -> f64 {
    if v.abs() >= 1e15 || !v.is_finite() {
        return v;
    }
    let r = (v * 1e9).round() / 1e9;
    if (r - v).abs() < 1e-6 { r } else { v }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::FactKind;

    fn facts(s: &str, kind: FactKind) -> Vec<(String, f64, Option<String>)> {
        extract("t", s)
            .facts
            .into_iter()
            .filter(|f| f.kind() == kind)
            .map(|f| {
                (
                    f.text.clone(),
                    f.value.as_f64().unwrap_or(f64::NAN),
                    f.detail.unit().map(str::to_string),
                )
            })
            .collect()
    }

    fn quantities(s: &str) -> Vec<(f64, String)> {
        facts(s, FactKind::Quantity)
            .into_iter()
            .map(|(_, v, u)| (v, u.unwrap_or_default()))
            .collect()
    }

    fn percents(s: &str) -> Vec<(f64, String)> {
        facts(s, FactKind::Percent)
            .into_iter()
            .map(|(_, v, u)| (v, u.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn percent_forms() {
        assert_eq!(
            percents("Up 18%, 30 percent, 12 per cent and 7 percentage points."),
            vec![
                (18.0, "percent".into()),
                (30.0, "percent".into()),
                (12.0, "percent".into()),
                (7.0, "percentage points".into())
            ]
        );
        assert_eq!(
            percents("from 10 to 15 percent, a 5-percent cut, twenty-five percent"),
            vec![
                (10.0, "percent".into()),
                (15.0, "percent".into()),
                (5.0, "percent".into()),
                (25.0, "percent".into())
            ]
        );
    }

    #[test]
    fn a_minus_sign_makes_a_percent_negative() {
        assert_eq!(
            percents("Prices fell (−3.2%) and rose -1.5% in a day."),
            vec![(-3.2, "percent".into()), (-1.5, "percent".into())]
        );
    }

    #[test]
    fn quantities_name_what_they_count() {
        assert_eq!(
            quantities(
                "The city's 8.3 million residents, 3.1 million residential customers, \
                 45 minutes and 300 low-income families."
            ),
            vec![
                (8_300_000.0, "residents".into()),
                (3_100_000.0, "customers".into()),
                (45.0, "minutes".into()),
                (300.0, "families".into())
            ]
        );
    }

    #[test]
    fn counts_followed_by_a_verb_and_ages() {
        assert_eq!(
            quantities("More than 420,000 fled. Jane Smith, 33, said so; a 45-year-old man."),
            vec![
                (420_000.0, "fled".into()),
                (33.0, "years old".into()),
                (45.0, "years old".into())
            ]
        );
    }

    #[test]
    fn spelled_counts_need_a_scale_word() {
        assert_eq!(
            quantities("eight and a half million people, a million kids, two men, five years"),
            vec![(8_500_000.0, "people".into()), (1_000_000.0, "kids".into())]
        );
    }

    #[test]
    fn labels_rates_ordinals_and_times_are_not_counts() {
        assert!(
            quantities(
                "Under Section 232 in District 22, H.R. 1234 and Route 9, the 110th mayor \
                 saw 27.5 per 100,000, 1 in 5 adults, and met at 10:30 a.m. or 5 p.m."
            )
            .is_empty()
        );
        assert!(quantities("Call (202) 555-1234 or 1-800-555-0100. COVID-19 cases.").is_empty());
    }

    #[test]
    fn count_ranges_share_the_unit_and_scale() {
        assert_eq!(
            quantities("between 5 and 7 million people; 10-15 minutes"),
            vec![
                (5e6, "people".into()),
                (7e6, "people".into()),
                (10.0, "minutes".into()),
                (15.0, "minutes".into())
            ]
        );
    }

    #[test]
    fn the_number_of_names_what_is_counted() {
        assert_eq!(
            quantities("The plan cuts the number of field offices to 12."),
            vec![(12.0, "field offices".into())]
        );
        assert_eq!(
            quantities("Last year the number of licensed vendors reached 85."),
            vec![(85.0, "licensed vendors".into())]
        );
        // Another clause, or no plural noun after "of": not this count.
        assert!(quantities("The number of the beast, he said, is 66.").is_empty());
        assert!(quantities("A number of them moved to 14 Elm Street.").is_empty());
    }

    #[test]
    fn a_decimal_without_its_leading_zero() {
        assert_eq!(
            percents("A .07% fee and (.5%) more."),
            vec![(0.07, "percent".into()), (0.5, "percent".into())]
        );
        let money = facts("Fares fall to $.75 a ride.", FactKind::Money);
        assert_eq!(money.len(), 1);
        assert!((money[0].1 - 0.75).abs() < 1e-9, "{money:?}");
    }

    #[test]
    fn one_of_a_counted_noun_is_a_count() {
        assert_eq!(
            quantities("The hearing lasted 1 minute and 45 seconds."),
            vec![(1.0, "minutes".into()), (45.0, "seconds".into())]
        );
        assert_eq!(
            quantities("A 12 foot wall and a 400 square foot room."),
            vec![(12.0, "foot".into()), (400.0, "square foot".into())]
        );
        // Not a counted noun: no count.
        assert!(quantities("It ranked 1 overall.").is_empty());
    }

    #[test]
    fn or_so_between_a_count_and_its_noun() {
        assert_eq!(
            quantities("About 300 or so volunteers came."),
            vec![(300.0, "volunteers".into())]
        );
    }

    #[test]
    fn a_part_counts_what_its_whole_counts() {
        assert_eq!(
            quantities("Returns from 212 of 489 precincts; 6 of its 14 seats."),
            vec![
                (212.0, "precincts".into()),
                (489.0, "precincts".into()),
                (6.0, "seats".into()),
                (14.0, "seats".into())
            ]
        );
    }

    #[test]
    fn ages_after_names_with_party_labels_and_in_lists() {
        assert_eq!(
            quantities("Sen. Ann Lee (D-Ohio), 67, and Jones, 45; Smith, 52; 50+ groups."),
            vec![
                (67.0, "years old".into()),
                (45.0, "years old".into()),
                (52.0, "years old".into()),
                (50.0, "groups".into())
            ]
        );
    }

    #[test]
    fn ages_in_who_clauses() {
        assert_eq!(
            quantities(
                "John Smith, who is 47, said so. The driver, who was 29, died. \
                 Ann Lee, who’s 61; Bo Ray, who turned 50. Maria Lopez, who is 52 years old, \
                 left. Jane Doe, aged 47, spoke."
            ),
            vec![
                (47.0, "years old".into()),
                (29.0, "years old".into()),
                (61.0, "years old".into()),
                (50.0, "years old".into()),
                (52.0, "years old".into()),
                (47.0, "age".into())
            ]
        );
    }

    #[test]
    fn who_clauses_without_an_age_are_not_ages() {
        assert!(
            quantities(
                "Lee, who is 47th in line, waited. He is 47th. Kim, who is 47 in line, waited. \
                 The firm, which is 47, closed. The total is 47. Ray, who was 200, left. \
                 Fox, who is 5, 6 or 7, ran."
            )
            .is_empty()
        );
        assert_eq!(
            quantities("The town, who is 47 miles away, is 47 miles from here."),
            vec![(47.0, "miles".into()), (47.0, "miles".into())]
        );
    }

    #[test]
    fn a_grouped_count_after_a_name_is_still_a_count() {
        assert_eq!(
            quantities("They sent Gov. Ann Lee 1,186 bills; Route 66 and Boeing 737 jets."),
            vec![(1186.0, "bills".into())]
        );
    }

    #[test]
    fn age_brackets_are_not_counts() {
        assert!(quantities("Turnout among voters ages 18 to 24 rose.").is_empty());
    }

    #[test]
    fn qualifiers_on_counts() {
        let f = crate::extract::extract("t", "Nearly 300 workers and more than 2,000 homes.");
        let q: Vec<Option<String>> = f
            .facts
            .into_iter()
            .map(|f| f.qualifier().map(str::to_string))
            .collect();
        assert_eq!(q, vec![Some("nearly".into()), Some("more than".into())]);
    }
}
