//! How answers are written: the form of a number or date as the document wrote
//! it (`$18 billion`, `8.336 million residents`, `July 20, 1969`), so that
//! distractors can be written the same way, plus the other accepted forms of an
//! answer and a normalization that says when two answers are the same.

use crate::model::{DeckFact, FactKind, Value};

/// Scale words and the factor each stands for, longest first so that
/// `billion` is tried before `b`.
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("tn", 1e12),
    ("mn", 1e6),
    ("mln", 1e6),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
    ("t", 1e12),
];

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
        let scale = SCALES
            .iter()
            .find(|(w, _)| word.eq_ignore_ascii_case(w))
            .map(|(_, f)| (space.to_string(), word.to_string(), *f));
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

/// Significant digits of a whole number as written (`3,500` has 2).
pub fn significant_digits(text: &str) -> usize {
    let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| c.is_ascii_digit())
        .collect();
    let t = digits.trim_start_matches('0').trim_end_matches('0');
    t.len().max(1)
}

fn group_thousands(digits: &str) -> String {
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

/// The usual form for a money value when the document's own text can't be read.
pub fn default_money_form(value: f64, currency: &str) -> NumberForm {
    let (symbol, _) = currency_names(currency);
    let prefix = if symbol.is_empty() {
        format!("{currency} ")
    } else {
        symbol.to_string()
    };
    default_form(value, prefix, String::new())
}

/// The usual form for a plain number followed by `suffix`.
pub fn default_form(value: f64, prefix: String, suffix: String) -> NumberForm {
    let (scale, factor) = match value.abs() {
        v if v >= 1e12 => (Some("trillion"), 1e12),
        v if v >= 1e9 => (Some("billion"), 1e9),
        v if v >= 1e6 => (Some("million"), 1e6),
        _ => (None, 1.0),
    };
    let m = value / factor;
    let decimals = if (m - m.round()).abs() < 1e-9 {
        0
    } else if ((m * 10.0) - (m * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    };
    NumberForm {
        prefix,
        grouping: scale.is_none() && value.abs() >= 10_000.0,
        decimals,
        scale: scale.map(|w| (" ".to_string(), w.to_string(), factor)),
        suffix,
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

/// A date value: [`PartialDate`] under the generator's older name.
pub use crate::lexicon::PartialDate as DateValue;

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
    pub fn detect(text: &str, value: &DateValue) -> DateStyle {
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
    pub fn render(&self, v: &DateValue) -> String {
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
pub fn date_forms(v: &DateValue) -> Vec<String> {
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

fn money_unit(rest: &str) -> Option<&'static str> {
    let r = rest.trim();
    let table: [(&[&str], &str); 4] = [
        (
            &["us$", "$", "usd", "dollars", "dollar", "us dollars"],
            "USD",
        ),
        (&["€", "eur", "euros", "euro"], "EUR"),
        (&["£", "gbp", "pounds", "pound"], "GBP"),
        (&["¥", "jpy", "yen"], "JPY"),
    ];
    for (names, code) in table {
        if names
            .iter()
            .any(|n| r == *n || r.split_whitespace().any(|w| w == *n))
        {
            return Some(code);
        }
    }
    None
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
    if let Some(v) = DateValue::from_iso(s) {
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
    let v = DateValue {
        year,
        month: Some(month_idx),
        day,
    };
    v.is_valid().then(|| format!("date:{}", v.iso()))
}

/// The form every option of a card is written in: the answer's own form.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerForm {
    /// Money, percent or quantity; `sig` is the answer's significant digits.
    Number {
        form: NumberForm,
        value: f64,
        sig: usize,
    },
    Date {
        style: DateStyle,
        value: DateValue,
    },
}

impl AnswerForm {
    /// The form of a fact's answer, read from `span` (the fact's text without
    /// its qualifier); falls back to the usual form when the text can't be read.
    pub fn of(fact: &DeckFact, span: &str) -> Option<AnswerForm> {
        match (&fact.value, fact.kind) {
            (_, FactKind::Quote) => None,
            (Value::Text(iso), FactKind::Date) => {
                let value = DateValue::from_iso(iso)?;
                Some(AnswerForm::Date {
                    style: DateStyle::detect(span, &value),
                    value,
                })
            }
            (Value::Number(n), kind) => {
                let n = *n;
                if !n.is_finite() {
                    return None;
                }
                let read = NumberForm::parse(span).filter(|_| {
                    NumberForm::value_of(span)
                        .is_some_and(|v| (v - n).abs() <= n.abs() * 0.005 + 1e-9)
                });
                let (form, sig) = match read {
                    Some(f) => (f, significant_digits(span)),
                    None => {
                        let f = match kind {
                            FactKind::Money => {
                                default_money_form(n, fact.currency.as_deref().unwrap_or("USD"))
                            }
                            FactKind::Percent => {
                                let suffix =
                                    if fact.unit.as_deref().is_some_and(|u| u.contains("point")) {
                                        " percentage points".to_string()
                                    } else {
                                        "%".to_string()
                                    };
                                default_form(n, String::new(), suffix)
                            }
                            _ => default_form(
                                n,
                                String::new(),
                                fact.unit
                                    .as_deref()
                                    .map(|u| format!(" {u}"))
                                    .unwrap_or_default(),
                            ),
                        };
                        let sig = significant_digits(&f.render(n));
                        (f, sig)
                    }
                };
                Some(AnswerForm::Number {
                    form,
                    value: n,
                    sig,
                })
            }
            _ => None,
        }
    }

    /// The answer written in its form.
    pub fn answer(&self) -> String {
        match self {
            AnswerForm::Number { form, value, .. } => form.render(*value),
            AnswerForm::Date { style, value } => style.render(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn whole_numbers_round_to_the_answers_precision() {
        let f = NumberForm::parse("3,500").expect("form");
        assert_eq!(
            f.render(f.round(4375.0, significant_digits("3,500"))),
            "4,400"
        );
        assert_eq!(significant_digits("420,000"), 2);
        assert_eq!(significant_digits("1.744"), 4);
    }

    #[test]
    fn dates_are_rendered_in_the_documents_style() {
        let v = DateValue::from_iso("1969-07-20").expect("date");
        let other = DateValue::from_iso("1969-07-16").expect("date");
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
        let y = DateValue::from_iso("2026").expect("year");
        assert_eq!(
            DateStyle::detect("mid-2026", &y).render(&DateValue::from_iso("2027").expect("y")),
            "mid-2027"
        );
    }

    #[test]
    fn invalid_dates_are_rejected() {
        assert!(DateValue::from_iso("2025-13").is_none());
        assert!(DateValue::from_iso("2025-02-30").is_none());
        assert!(DateValue::from_iso("--11-21").is_some());
        assert!(DateValue::from_iso("next week").is_none());
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
        let v = DateValue::from_iso("1969-07-20").expect("date");
        let forms = date_forms(&v);
        assert!(forms.contains(&"20 July 1969".to_string()), "{forms:?}");
        assert!(forms.contains(&"7/20/1969".to_string()), "{forms:?}");
    }

    proptest::proptest! {
        /// No text makes the answer helpers panic.
        #[test]
        fn helpers_never_panic(text in "\\PC{0,24}|[0-9$€.,%a-zA-Z -]{0,16}", v in proptest::num::f64::ANY) {
            let _ = normalize_answer(&text);
            if let Some(f) = NumberForm::parse(&text) {
                let _ = f.render(f.round(v, significant_digits(&text)));
            }
            let _ = NumberForm::value_of(&text);
            let d = DateValue { year: Some(1999), month: Some(2), day: Some(3) };
            let _ = DateStyle::detect(&text, &d).render(&d);
            let _ = DateValue::from_iso(&text);
        }
    }
}
