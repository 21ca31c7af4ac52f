//! The value types answers are made of, each with one parser and one
//! formatter, on the words of [`super`]: [`PartialDate`] (a date at some
//! precision: [`PartialDate::parse`], [`DateStyle`], [`date_forms`]) and
//! [`Amount`] (money, a percentage or a count, with its scale and qualifier:
//! [`Amount::parse`], [`Amount::forms`]). The extractor, the generator (its
//! distractors and accepted forms), deck validation and the quiz judge all
//! read and write values through them, so they cannot disagree about one.

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
            if c == '%' || super::currency_symbol(c).is_some() {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// An amount as a number with what it measures: `$18 billion`, `more than
/// 2,400 residents`, `37%`, `eighteen billion dollars`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    /// The whole value: `$18 billion` is 18e9, `37%` is 37, `50 cents` 0.5.
    pub value: f64,
    /// The ISO 4217 code of its currency, when it is money and says which.
    pub currency: Option<&'static str>,
    /// A percentage (`%`, `percent`, `per cent`, `pct`).
    pub percent: bool,
    /// The decimal exponent of the scale word written (`billion`, `bn` → 9).
    pub scale: Option<i32>,
    /// The qualifier written before it, in its canonical form (`more than`).
    pub qualifier: Option<&'static str>,
}

/// What an amount is of, when it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Money,
    Percent,
}

impl Amount {
    /// An amount of money in `currency` (an ISO code), without scale or qualifier.
    pub fn money(value: f64, currency: &'static str) -> Amount {
        Amount {
            value,
            currency: Some(currency),
            percent: false,
            scale: None,
            qualifier: None,
        }
    }

    /// A count, without scale or qualifier.
    pub fn count(value: f64) -> Amount {
        Amount {
            value,
            currency: None,
            percent: false,
            scale: None,
            qualifier: None,
        }
    }

    /// Reads an amount as people write and type it: `$18B`, `18 billion
    /// dollars`, `USD 18bn`, `18,000,000,000`, `eighteen billion`, `a
    /// million`, `two hundred and five`, `12%`, `37 per cent`, `more than
    /// 2,400 residents`. Leading qualifiers and currencies, and trailing unit
    /// words, are read from the lexicon's lists. `None` when there is no
    /// number, or more than one.
    pub fn parse(s: &str) -> Option<Amount> {
        let toks = tokens(s);
        let mut i = 0;
        let (mut currency, mut qualifier) = (None, None);
        loop {
            if let Some((len, canon)) = qualifier_at(&toks[i..]) {
                qualifier = qualifier.or(Some(canon));
                i += len;
            } else if let Some((len, code)) = currency_at(&toks[i..]) {
                currency = currency.or(Some(code));
                i += len;
            } else {
                break;
            }
        }
        let mut value: f64;
        let mut scale = None;
        if let Some(t) = toks.get(i)
            && t.starts_with(|c: char| c.is_ascii_digit())
        {
            value = t.parse().ok()?;
            i += 1;
            // "18 billion", "1.5 million", "3 hundred thousand", "18bn"
            while let Some(e) = toks.get(i).and_then(|t| scale_of(t)) {
                value *= 10f64.powi(e);
                scale = Some(scale.map_or(e, |s: i32| s + e));
                i += 1;
            }
        } else {
            // Spelled out: "eighteen billion", "a million", "two hundred and five".
            let (mut total, mut current, mut any) = (0.0, 0.0, false);
            while let Some(t) = toks.get(i) {
                if let Some((v, _)) = super::small_number(t) {
                    current += v;
                } else if t == "hundred" {
                    current = f64::max(current, 1.0) * 100.0;
                } else if let Some(e) = scale_of(t).filter(|_| t.len() > 1) {
                    total += f64::max(current, 1.0) * 10f64.powi(e);
                    current = 0.0;
                    scale = Some(scale.map_or(e, |s: i32| s.max(e)));
                } else if (t == "a" || t == "an" || t == "and") && !any {
                    // "a billion": the scale word that follows supplies the value.
                } else if t == "and" {
                } else {
                    break;
                }
                any = any || t != "a" && t != "an" && t != "and";
                i += 1;
            }
            if !any {
                return None;
            }
            value = total + current;
        }
        // What follows must be units, not another number.
        let rest = &toks[i..];
        if rest.iter().any(|t| {
            t.starts_with(|c: char| c.is_ascii_digit()) || super::small_number(t).is_some()
        }) {
            return None;
        }
        let mut percent = false;
        let mut j = 0;
        while j < rest.len() {
            match rest[j].as_str() {
                "%" | "percent" | "pct" => percent = true,
                "per" if rest.get(j + 1).is_some_and(|n| n == "cent") => {
                    percent = true;
                    j += 1;
                }
                t => {
                    if let Some((code, factor)) = super::currency_noun(t)
                        && currency.is_none_or(|c| c == code)
                    {
                        currency = Some(code);
                        value *= factor;
                    } else if let Some((len, code)) = currency_at(&rest[j..])
                        && currency.is_none()
                    {
                        currency = Some(code);
                        j += len - 1;
                    }
                }
            }
            j += 1;
        }
        Some(Amount {
            value,
            currency,
            percent,
            scale,
            qualifier,
        })
    }

    /// Money or a percentage, when the amount says so.
    pub fn measure(&self) -> Option<Measure> {
        if self.percent {
            Some(Measure::Percent)
        } else if self.currency.is_some() {
            Some(Measure::Money)
        } else {
            None
        }
    }

    /// Whether two amounts can be the same answer: the same value (to a
    /// billionth) and, where both say what they measure, the same measure
    /// ("18 percent" is not "$18", though a bare "18" may be either).
    pub fn same_as(&self, other: &Amount) -> bool {
        let same_measure = match (self.measure(), other.measure()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let (a, b) = (self.value, other.value);
        same_measure && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// Every form of this amount a typed answer may use, the usual one first
    /// (see [`money_forms`], [`number_forms`], [`percent_forms`]); `unit`
    /// follows a count (`residents`) or names percentage points.
    pub fn forms(&self, unit: Option<&str>) -> Vec<String> {
        if self.percent {
            percent_forms(self.value, unit)
        } else if let Some(code) = self.currency {
            money_forms(self.value, code)
        } else {
            number_forms(self.value, unit)
        }
    }
}

/// The usual form, with its qualifier: `more than $18 billion`, `37%`, `2,400`.
impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(q) = self.qualifier {
            write!(f, "{q} ")?;
        }
        let forms = self.forms(None);
        f.write_str(forms.first().map_or("", String::as_str))
    }
}

/// A qualifier phrase at the start of `toks`: its length in tokens and its
/// canonical form.
fn qualifier_at(toks: &[String]) -> Option<(usize, &'static str)> {
    super::qualifiers()
        .iter()
        .find(|(words, _)| {
            words.len() <= toks.len() && words.iter().zip(toks).all(|(w, t)| *w == t.as_str())
        })
        .map(|(words, canon)| (words.len(), *canon))
}

/// A currency written before an amount at the start of `toks` (lowercase):
/// a symbol (`$`), a code (`usd`) or letters before `$` (`us $`, `c $`).
fn currency_at(toks: &[String]) -> Option<(usize, &'static str)> {
    let t = toks.first()?;
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(code) = super::currency_symbol(c)
    {
        return Some((1, code));
    }
    let upper = t.to_uppercase();
    if let Some(code) = super::currency_code(&upper) {
        return Some((1, code));
    }
    if toks.get(1).is_some_and(|n| n == "$") {
        let prefix = super::dollar_prefix(&upper).or_else(|| {
            // "Mex$": the lists keep the case the documents write.
            let mut c = t.chars();
            let first: String = c.next()?.to_uppercase().collect();
            super::dollar_prefix(&format!("{first}{}", c.as_str()))
        });
        return prefix.map(|code| (2, code));
    }
    None
}

/// The decimal exponent of a lowercase scale word or abbreviation
/// (`billion`, `billions`, `bn`, `b`, `mm`; `hundred` is 2).
fn scale_of(t: &str) -> Option<i32> {
    super::scale_word(t)
        .or_else(|| super::scale_word(t.strip_suffix('s')?))
        .or_else(|| super::money_scale_abbr(t))
        .or_else(|| super::money_scale_abbr(&t.to_uppercase()))
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

/// The factor of the scale word written after a figure (`billion`, `bn`,
/// `M`, `mil`), from the lexicon's scale words and money abbreviations: as
/// listed or in lowercase (`BN`, `Mln`), so `MM` is a million but `mm` is
/// not. `hundred` scales no written figure.
fn scale_factor(word: &str) -> Option<f64> {
    if word.is_empty() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    super::scale_word(&lower)
        .filter(|&e| e >= 3)
        .or_else(|| super::money_scale_abbr(word))
        .or_else(|| super::money_scale_abbr(&lower))
        .map(|e| 10f64.powi(e))
}

/// How a number was written: everything around the digits is kept verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberForm {
    /// Text before the digits (`$`, `US$`, `€`, `USD `).
    pub prefix: String,
    /// Thousands separators in the integer part.
    pub grouping: bool,
    /// Digits after the decimal point in the mantissa.
    pub decimals: usize,
    /// The scale word as written (`billion`, `M`) with the space before it.
    pub scale: Option<(String, String, f64)>,
    /// Text after the number and scale (` dollars`, `%`, ` percent`, ` residents`).
    pub suffix: String,
}

impl NumberForm {
    /// Reads the form of `text`; `None` when it holds no digits.
    pub fn parse(text: &str) -> Option<NumberForm> {
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let prefix = &text[..start];
        let rest = &text[start..];
        let mut end = 0;
        let bytes = rest.as_bytes();
        while end < bytes.len() {
            let b = bytes[end];
            let next_digit = bytes.get(end + 1).is_some_and(|n| n.is_ascii_digit());
            if b.is_ascii_digit() || ((b == b',' || b == b'.') && next_digit) {
                end += 1;
            } else {
                break;
            }
        }
        let digits = &rest[..end];
        let grouping = digits.contains(',');
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
        let after = &rest[end..];
        let trimmed = after.trim_start();
        let space = &after[..after.len() - trimmed.len()];
        let word_len = trimmed
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let scale = scale_factor(word).map(|f| (space.to_string(), word.to_string(), f));
        let suffix = if scale.is_some() {
            &trimmed[word_len..]
        } else {
            after
        };
        Some(NumberForm {
            prefix: prefix.to_string(),
            grouping,
            decimals,
            scale,
            suffix: suffix.to_string(),
        })
    }

    /// The factor of the scale word (1 without one).
    pub fn factor(&self) -> f64 {
        self.scale.as_ref().map_or(1.0, |s| s.2)
    }

    /// The value of the digits in `text` times the scale, when `text` has this form.
    pub fn value_of(text: &str) -> Option<f64> {
        let form = NumberForm::parse(text)?;
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let digits: String = text[start..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|c| *c != ',')
            .collect();
        let n: f64 = digits.trim_end_matches('.').parse().ok()?;
        Some(n * form.factor())
    }

    /// Writes `value` in this form, rounded to the form's decimals.
    pub fn render(&self, value: f64) -> String {
        let mantissa = value / self.factor();
        let mut digits = format!("{:.*}", self.decimals, mantissa);
        if self.grouping {
            digits = group_thousands(&digits);
        }
        let scale = self
            .scale
            .as_ref()
            .map(|(sp, w, _)| format!("{sp}{w}"))
            .unwrap_or_default();
        format!("{}{digits}{scale}{}", self.prefix, self.suffix)
    }

    /// Rounds `value` to what this form can show, keeping at least two
    /// significant digits for whole numbers so `4375` becomes `4400` next to `3,500`.
    pub fn round(&self, value: f64, answer_sig: usize) -> f64 {
        let f = self.factor();
        let m = value / f;
        if !m.is_finite() {
            return value;
        }
        if self.decimals > 0 {
            let p = 10f64.powi(self.decimals as i32);
            return (m * p).round() / p * f;
        }
        let sig = answer_sig.max(2) as i32;
        if m.abs() < 1.0 {
            return m.round() * f;
        }
        let mag = m.abs().log10().floor() as i32 + 1;
        let drop = (mag - sig).max(0);
        let p = 10f64.powi(drop);
        (m / p).round() * p * f
    }
}

/// Puts thousands separators in a number's digits ("18000.5" → "18,000.5").
pub fn group_thousands(digits: &str) -> String {
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let (sign, int) = int.strip_prefix('-').map_or(("", int), |i| ("-", i));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Formats a number with up to `max_dec` decimals and no trailing zeros.
pub fn plain_number(n: f64, max_dec: usize) -> String {
    let s = format!("{n:.max_dec$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The symbol and plural name of a currency.
pub fn currency_names(code: &str) -> (&'static str, &'static str) {
    match code {
        "USD" => ("$", "dollars"),
        "EUR" => ("€", "euros"),
        "GBP" => ("£", "pounds"),
        "JPY" => ("¥", "yen"),
        "CAD" => ("C$", "Canadian dollars"),
        "AUD" => ("A$", "Australian dollars"),
        "INR" => ("₹", "rupees"),
        "CHF" => ("CHF ", "francs"),
        _ => ("", ""),
    }
}

/// Other ways to write an amount of money that a typed answer may use.
pub fn money_forms(value: f64, currency: &str) -> Vec<String> {
    let (symbol, name) = currency_names(currency);
    let code_prefix = format!("{currency} ");
    let symbol = if symbol.is_empty() {
        code_prefix.as_str()
    } else {
        symbol
    };
    let mut out = Vec::new();
    for (word, letter, f) in [
        ("trillion", "T", 1e12),
        ("billion", "B", 1e9),
        ("million", "M", 1e6),
        ("thousand", "K", 1e3),
    ] {
        if value.abs() >= f {
            let m = plain_number(value / f, 3);
            out.push(format!("{symbol}{m} {word}"));
            if !name.is_empty() {
                out.push(format!("{m} {word} {name}"));
            }
            out.push(format!("{symbol}{m}{letter}"));
            break;
        }
    }
    let whole = group_thousands(&plain_number(value, 2));
    out.push(format!("{symbol}{whole}"));
    if !name.is_empty() {
        out.push(format!("{whole} {name}"));
    }
    out.push(format!("{code_prefix}{whole}"));
    out
}

/// Other ways to write a count or percentage.
pub fn number_forms(value: f64, unit: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for (word, f) in [("billion", 1e9), ("million", 1e6)] {
        if value.abs() >= f {
            out.push(format!("{} {word}", plain_number(value / f, 3)));
            break;
        }
    }
    out.push(group_thousands(&plain_number(value, 3)));
    out.push(plain_number(value, 3));
    if let Some(u) = unit {
        let with: Vec<String> = out.iter().map(|n| format!("{n} {u}")).collect();
        out.extend(with);
    }
    out
}

/// Other ways to write a percentage.
pub fn percent_forms(value: f64, unit: Option<&str>) -> Vec<String> {
    let n = plain_number(value, 3);
    if unit.is_some_and(|u| u.contains("point")) {
        return vec![
            format!("{n} percentage points"),
            format!("{n} points"),
            format!("{n} pp"),
            n,
        ];
    }
    vec![
        format!("{n}%"),
        format!("{n} percent"),
        format!("{n} per cent"),
        n,
    ]
}

/// A month's full name (1-12, clamped).
fn month_name(m: u32) -> &'static str {
    crate::lexicon::month_name(m.clamp(1, 12)).unwrap_or_default()
}

/// How month names are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthName {
    Full,
    /// `Jul.`
    AbbrDot,
    /// `Jul`
    Abbr,
}

impl MonthName {
    fn write(self, m: u32) -> String {
        let full = month_name(m);
        match self {
            MonthName::Full => full.to_string(),
            _ if full.len() <= 3 => full.to_string(),
            MonthName::AbbrDot if m == 9 => "Sept.".to_string(),
            MonthName::AbbrDot => format!("{}.", &full[..3]),
            MonthName::Abbr => full[..3].to_string(),
        }
    }
}

/// How a date was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateStyle {
    /// `July 20, 1969` / `July 20 1969` / `July 20` (without a year shown)
    MonthDay {
        month: MonthName,
        comma: bool,
        show_year: bool,
    },
    /// `20 July 1969` / `20 July`
    DayMonth { month: MonthName, show_year: bool },
    /// `7/20/1969`
    Numeric { pad: bool, short_year: bool },
    /// `1969-07-20`, `1969-07`
    Iso,
    /// `July 1969` / `July`
    Month { month: MonthName, show_year: bool },
    /// `1969`, `mid-1969`, `early 1969`
    Year { prefix: String },
}

impl DateStyle {
    /// Reads the style of `text`, which states `value`.
    pub fn detect(text: &str, value: &PartialDate) -> DateStyle {
        let t = text.trim();
        let month_name = find_month_name(t);
        let has_year_digits = value
            .year
            .is_some_and(|y| t.contains(&y.to_string()) || t.contains(&format!("'{:02}", y % 100)));
        let show_year = value.year.is_some() && has_year_digits;
        if value.day.is_some() {
            if let Some((pos, name)) = month_name {
                let before_digit = t[..pos].chars().any(|c| c.is_ascii_digit());
                return if before_digit {
                    DateStyle::DayMonth {
                        month: name,
                        show_year,
                    }
                } else {
                    DateStyle::MonthDay {
                        month: name,
                        comma: t.contains(','),
                        show_year,
                    }
                };
            }
            if t.contains('/') && value.year.is_some() {
                let first = t.split('/').next().unwrap_or("");
                let last = t.rsplit('/').next().unwrap_or("");
                return DateStyle::Numeric {
                    pad: first.len() == 2 && first.starts_with('0'),
                    short_year: last.trim().len() == 2,
                };
            }
            if value.year.is_some() && t.contains('-') {
                return DateStyle::Iso;
            }
            return DateStyle::MonthDay {
                month: MonthName::Full,
                comma: true,
                show_year: value.year.is_some(),
            };
        }
        if value.month.is_some() {
            if month_name.is_none() && t.contains('-') && value.year.is_some() {
                return DateStyle::Iso;
            }
            return DateStyle::Month {
                month: month_name.map_or(MonthName::Full, |m| m.1),
                show_year: value.year.is_some() && (has_year_digits || month_name.is_none()),
            };
        }
        let prefix = value
            .year
            .and_then(|y| t.find(&y.to_string()))
            .map(|i| t[..i].to_string())
            .filter(|p| p.len() <= 8 && !p.chars().any(|c| c.is_ascii_digit()))
            .unwrap_or_default();
        DateStyle::Year { prefix }
    }

    /// Writes `v` in this style.
    pub fn render(&self, v: &PartialDate) -> String {
        let year = v.year.map(|y| y.to_string()).unwrap_or_default();
        let m = v.month.unwrap_or(1);
        let d = v.day.unwrap_or(1);
        match self {
            DateStyle::MonthDay {
                month,
                comma,
                show_year,
            } => {
                let md = format!("{} {d}", month.write(m));
                match (*show_year && v.year.is_some(), comma) {
                    (true, true) => format!("{md}, {year}"),
                    (true, false) => format!("{md} {year}"),
                    (false, _) => md,
                }
            }
            DateStyle::DayMonth { month, show_year } => {
                if *show_year && v.year.is_some() {
                    format!("{d} {} {year}", month.write(m))
                } else {
                    format!("{d} {}", month.write(m))
                }
            }
            DateStyle::Numeric { pad, short_year } => {
                let y = if *short_year {
                    format!("{:02}", v.year.unwrap_or(0) % 100)
                } else {
                    year
                };
                if *pad {
                    format!("{m:02}/{d:02}/{y}")
                } else {
                    format!("{m}/{d}/{y}")
                }
            }
            DateStyle::Iso => v.iso(),
            DateStyle::Month { month, show_year } => {
                if *show_year && v.year.is_some() {
                    format!("{} {year}", month.write(m))
                } else {
                    month.write(m)
                }
            }
            DateStyle::Year { prefix } => format!("{prefix}{year}"),
        }
    }
}

/// The first month name in `t`: its byte position and how it is written.
fn find_month_name(t: &str) -> Option<(usize, MonthName)> {
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let glued =
            i < bytes.len() && !bytes[i].is_ascii() || start > 0 && !bytes[start - 1].is_ascii();
        let word = t[start..i].to_ascii_lowercase();
        if word.len() < 3 || glued {
            continue;
        }
        let Some(full) = (1..=12).map(month_name).find(|m| {
            m.get(..3)
                .is_some_and(|m| m.eq_ignore_ascii_case(&word[..3]))
        }) else {
            continue;
        };
        let style = if word.eq_ignore_ascii_case(full) {
            MonthName::Full
        } else if word.len() == 3 || (word == "sept" && full == "September") {
            if bytes.get(i) == Some(&b'.') {
                MonthName::AbbrDot
            } else {
                MonthName::Abbr
            }
        } else {
            continue;
        };
        return Some((start, style));
    }
    None
}

/// Other ways to write a date that a typed answer may use.
pub fn date_forms(v: &PartialDate) -> Vec<String> {
    let mut styles = vec![
        DateStyle::MonthDay {
            month: MonthName::Full,
            comma: true,
            show_year: true,
        },
        DateStyle::MonthDay {
            month: MonthName::Full,
            comma: false,
            show_year: true,
        },
        DateStyle::DayMonth {
            month: MonthName::Full,
            show_year: true,
        },
        DateStyle::MonthDay {
            month: MonthName::AbbrDot,
            comma: true,
            show_year: true,
        },
    ];
    if v.day.is_none() {
        styles = vec![DateStyle::Month {
            month: MonthName::Full,
            show_year: true,
        }];
    }
    if v.month.is_none() {
        styles = vec![DateStyle::Year {
            prefix: String::new(),
        }];
    }
    let mut out: Vec<String> = styles.iter().map(|s| s.render(v)).collect();
    if v.year.is_some() && v.month.is_some() {
        out.push(v.iso());
        if v.day.is_some() {
            out.push(
                DateStyle::Numeric {
                    pad: false,
                    short_year: false,
                }
                .render(v),
            );
        }
    }
    out
}

/// A key that is equal for two answers that mean the same thing: case, spacing,
/// punctuation and the way a number or date is written do not matter
/// (`$10 billion` = `10 billion dollars` = `$10B`).
pub fn normalize_answer(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    if let Some(key) = date_key(&lower) {
        return key;
    }
    if lower.chars().any(|c| c.is_ascii_digit())
        && let Some(n) = NumberForm::value_of(&lower)
    {
        let form = NumberForm::parse(&lower);
        let rest = form
            .map(|f| format!("{}{}", f.prefix, f.suffix))
            .unwrap_or_default();
        let unit = money_unit(&rest).map(str::to_string).unwrap_or_else(|| {
            words_key(&rest.replace('%', " percent ")).replace("per cent", "percent")
        });
        return format!("{}|{unit}", plain_number(n, 6));
    }
    words_key(&lower)
}

/// The currency named around a typed number (`$`, `us$`, `usd`, `dollars`,
/// `pounds`, `canadian dollars`): the whole text or any of its words, read
/// with the lexicon's currency lists and the names [`currency_names`] writes,
/// so every form the generator writes reads back as its currency.
fn money_unit(rest: &str) -> Option<&'static str> {
    let r = rest.trim();
    std::iter::once(r)
        .chain(r.split_whitespace())
        .find_map(currency_word)
}

/// The currency one lowercase word (or phrase) names, if any. A noun for a
/// fraction of a currency (`cents`) names none: "50 cents" is no $50.
fn currency_word(w: &str) -> Option<&'static str> {
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return super::currency_symbol(c);
    }
    let upper = w.to_uppercase();
    if let Some(code) = super::currency_code(&upper) {
        return Some(code);
    }
    if let Some(code) = upper.strip_suffix('$').and_then(super::dollar_prefix) {
        return Some(code);
    }
    if let Some((code, factor)) = super::currency_noun(w) {
        return (factor == 1.0).then_some(code);
    }
    super::words(super::list::CURRENCY_CODES).find(|&code| {
        let name = currency_names(code).1.to_lowercase();
        !name.is_empty() && (name == w || name.strip_suffix('s') == Some(w))
    })
}

fn words_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ISO key of a written date, when `s` is only a date.
fn date_key(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('.');
    if let Some(v) = PartialDate::from_iso(s) {
        return Some(format!("date:{}", v.iso()));
    }
    let (pos, _) = find_month_name(s)?;
    let month_idx = (1..=12).find(|&m| {
        month_name(m)
            .get(..3)
            .is_some_and(|abbr| s[pos..].starts_with(&abbr.to_lowercase()))
    })?;
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .filter_map(|w| w.parse().ok())
        .collect();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if words.len() != 1 {
        return None;
    }
    let (day, year) = match nums.as_slice() {
        [] => (None, None),
        [a] if *a > 31 => (None, Some(*a as i32)),
        [a] => (Some(*a), None),
        [a, b] if *a <= 31 => (Some(*a), Some(*b as i32)),
        [a, b] => (Some(*b), Some(*a as i32)),
        _ => return None,
    };
    let v = PartialDate {
        year,
        month: Some(month_idx),
        day,
    };
    v.is_valid().then(|| format!("date:{}", v.iso()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words_and_currencies_come_from_the_lexicon_lists() {
        // One list of scale words for the extractor, the forms and the judge.
        assert_eq!(NumberForm::value_of("$5 mil"), Some(5e6));
        assert_eq!(NumberForm::value_of("$5MM"), Some(5e6));
        assert_eq!(NumberForm::value_of("2 tril"), Some(2e12));
        assert_eq!(NumberForm::value_of("18 BN"), Some(18e9));
        assert_eq!(NumberForm::value_of("5 mm"), Some(5.0));
        assert_eq!(NumberForm::value_of("5 hundred"), Some(5.0));
        assert_eq!(Amount::parse("$4 bil").map(|a| a.value), Some(4e9));
        assert_eq!(Amount::parse("3 tril").map(|a| a.value), Some(3e12));
        let same = |a: &str, b: &str| normalize_answer(a) == normalize_answer(b);
        assert!(same("$5 bil", "$5 billion"));
        assert!(same("us$18", "$18"));
        assert!(same("USD 18bn", "18 billion dollars"));
        assert!(same("£5", "5 pounds") && same("£5", "5 pound"));
        assert!(same("€5", "5 euros") && same("¥5", "5 yen"));
        // Currencies the old four-entry table did not know.
        assert!(same("C$5", "5 Canadian dollars") && !same("C$5", "$5"));
        assert!(same("₹5", "INR 5") && !same("₹5", "5"));
        assert!(!same("50 cents", "$50"));
    }

    #[test]
    fn an_amount_reads_its_value_currency_scale_and_qualifier() {
        let a = Amount::parse("more than $18 billion").expect("amount");
        assert_eq!(
            a,
            Amount {
                value: 18e9,
                currency: Some("USD"),
                percent: false,
                scale: Some(9),
                qualifier: Some("more than"),
            }
        );
        assert_eq!(a.to_string(), "more than $18 billion");
        let a = Amount::parse("a little over 2,400 residents").expect("amount");
        assert_eq!(
            (a.value, a.qualifier, a.currency),
            (2400.0, Some("over"), None)
        );
        let a = Amount::parse("USD 18bn").expect("amount");
        assert_eq!((a.value, a.currency, a.scale), (18e9, Some("USD"), Some(9)));
        let a = Amount::parse("eighteen billion euros").expect("amount");
        assert_eq!((a.value, a.currency, a.scale), (18e9, Some("EUR"), Some(9)));
        let a = Amount::parse("C$4.5 million").expect("amount");
        assert_eq!((a.value, a.currency), (4.5e6, Some("CAD")));
        let a = Amount::parse("12.5 per cent").expect("amount");
        assert!(a.percent && a.currency.is_none() && a.value == 12.5);
        assert_eq!(a.to_string(), "12.5%");
        // A currency noun with a factor is read in the main unit.
        assert_eq!(Amount::parse("50 cents").map(|a| a.value), Some(0.5));
        assert!(
            Amount::parse("50 cents")
                .expect("amount")
                .same_as(&Amount::parse("$0.50").expect("amount"))
        );
        // A lone "a" is an article, not the Australian dollar.
        assert_eq!(
            Amount::parse("a million").map(|a| (a.value, a.currency)),
            Some((1e6, None))
        );
        assert_eq!(Amount::parse("12 to 14"), None);
        assert_eq!(Amount::parse("lots"), None);
        assert!(
            !Amount::parse("18%")
                .expect("a")
                .same_as(&Amount::parse("$18").expect("a"))
        );
        assert!(
            Amount::parse("18")
                .expect("a")
                .same_as(&Amount::parse("$18").expect("a"))
        );
    }

    #[test]
    fn an_amount_is_written_in_its_usual_form_first() {
        assert_eq!(Amount::money(18e9, "USD").to_string(), "$18 billion");
        assert_eq!(Amount::money(1500.0, "JPY").forms(None)[0], "¥1.5 thousand");
        assert_eq!(Amount::count(2400.0).to_string(), "2,400");
        assert_eq!(
            Amount::count(2400.0)
                .forms(Some("residents"))
                .last()
                .map(String::as_str),
            Some("2400 residents")
        );
    }

    #[test]
    fn money_form_round_trips_the_written_shape() {
        for text in [
            "$18 billion",
            "$1.744 trillion",
            "$2.5M",
            "€20m",
            "USD 5 million",
            "$3,500",
            "5 million dollars",
            "$4.2billion",
        ] {
            let form = NumberForm::parse(text).expect("form");
            let v = NumberForm::value_of(text).expect("value");
            assert_eq!(form.render(v), text);
        }
        let f = NumberForm::parse("$18 billion").expect("form");
        assert_eq!(f.render(22.5e9), "$22 billion");
        assert_eq!(f.render(f.round(13.5e9, 2)), "$14 billion");
    }

    #[test]
    fn quantity_suffix_is_not_a_scale_word() {
        let f = NumberForm::parse("45 minutes").expect("form");
        assert!(f.scale.is_none());
        assert_eq!(f.render(30.0), "30 minutes");
        let f = NumberForm::parse("8.336 million residents").expect("form");
        assert_eq!(f.render(9_100_000.0), "9.100 million residents");
    }

    #[test]
    fn dates_are_rendered_in_the_documents_style() {
        let v = PartialDate::from_iso("1969-07-20").expect("date");
        let other = PartialDate::from_iso("1969-07-16").expect("date");
        for text in [
            "July 20, 1969",
            "20 July 1969",
            "Jul. 20, 1969",
            "7/20/1969",
            "1969-07-20",
            "July 20",
        ] {
            let style = DateStyle::detect(text, &v);
            assert_eq!(style.render(&v), text, "{style:?}");
        }
        let style = DateStyle::detect("20 July 1969", &v);
        assert_eq!(style.render(&other), "16 July 1969");
        let y = PartialDate::from_iso("2026").expect("year");
        assert_eq!(
            DateStyle::detect("mid-2026", &y).render(&PartialDate::from_iso("2027").expect("y")),
            "mid-2027"
        );
    }

    #[test]
    fn normalization_equates_forms_of_the_same_answer() {
        let k = normalize_answer("$10 billion");
        assert_eq!(normalize_answer("10 billion dollars"), k);
        assert_eq!(normalize_answer("$10B"), k);
        assert_eq!(normalize_answer("USD 10,000,000,000"), k);
        assert_ne!(normalize_answer("€10 billion"), k);
        assert_ne!(normalize_answer("$12 billion"), k);
        assert_eq!(
            normalize_answer("July 20, 1969"),
            normalize_answer("20 July 1969")
        );
        assert_eq!(
            normalize_answer("1969-07-20"),
            normalize_answer("Jul. 20, 1969")
        );
        assert_eq!(normalize_answer("18%"), normalize_answer("18 percent"));
        assert_ne!(normalize_answer("18%"), normalize_answer("18 residents"));
    }

    #[test]
    fn accepted_forms_include_the_usual_spellings() {
        let forms = money_forms(18e9, "USD");
        for f in [
            "$18 billion",
            "18 billion dollars",
            "$18B",
            "$18,000,000,000",
        ] {
            assert!(forms.contains(&f.to_string()), "{forms:?}");
        }
        let v = PartialDate::from_iso("1969-07-20").expect("date");
        let forms = date_forms(&v);
        assert!(forms.contains(&"20 July 1969".to_string()), "{forms:?}");
        assert!(forms.contains(&"7/20/1969".to_string()), "{forms:?}");
    }
}
