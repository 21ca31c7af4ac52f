//! How answers are written: the form of a number or date as the document wrote
//! it (`$18 billion`, `8.336 million residents`, `July 20, 1969`), so that
//! distractors can be written the same way, plus the other accepted forms of an
//! answer and a normalization that says when two answers are the same.

use crate::model::{DeckFact, FactKind, Value};

/// The accepted forms, date styles and answer keys live with the value types
/// in the lexicon; here under their generator names.
pub use crate::lexicon::value::{
    DateStyle, MonthName, NumberForm, currency_names, date_forms, money_forms, normalize_answer,
    number_forms, percent_forms, plain_number,
};

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

/// A date value: [`PartialDate`] under the generator's older name.
pub use crate::lexicon::PartialDate as DateValue;

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
        match (&fact.value, fact.kind()) {
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
                                default_money_form(n, fact.currency().unwrap_or("USD"))
                            }
                            FactKind::Percent => {
                                let suffix = if fact.unit().is_some_and(|u| u.contains("point")) {
                                    " percentage points".to_string()
                                } else {
                                    "%".to_string()
                                };
                                default_form(n, String::new(), suffix)
                            }
                            _ => default_form(
                                n,
                                String::new(),
                                fact.unit().map(|u| format!(" {u}")).unwrap_or_default(),
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
    fn invalid_dates_are_rejected() {
        assert!(DateValue::from_iso("2025-13").is_none());
        assert!(DateValue::from_iso("2025-02-30").is_none());
        assert!(DateValue::from_iso("--11-21").is_some());
        assert!(DateValue::from_iso("next week").is_none());
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
