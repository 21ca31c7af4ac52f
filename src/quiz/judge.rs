//! Lenient judging of typed answers: case, punctuation and spacing do not
//! matter; numbers and dates may be written in any common form; a person may be
//! named by full name, last name or a known alias; one small typo in a longer
//! answer is forgiven, with a note.

use crate::model::{Card, CardType};

/// The judge's decision on one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub correct: bool,
    /// Accepted despite a one-letter slip.
    pub typo: bool,
    /// Shown under the verdict ("accepted: you wrote …").
    pub note: Option<String>,
}

impl Verdict {
    fn right() -> Verdict {
        Verdict {
            correct: true,
            typo: false,
            note: None,
        }
    }

    fn wrong() -> Verdict {
        Verdict {
            correct: false,
            typo: false,
            note: None,
        }
    }
}

/// The option a reply picks: a number `1..=n`, the option's text, or for
/// true/false cards `t`/`f`/`yes`/`no`.
pub fn pick_option(options: &[String], reply: &str) -> Option<usize> {
    let r = reply.trim();
    if let Ok(n) = r.parse::<usize>()
        && (1..=options.len()).contains(&n)
    {
        return Some(n - 1);
    }
    let want = normalize(r);
    if want.is_empty() {
        return None;
    }
    if let Some(i) = options.iter().position(|o| normalize(o) == want) {
        return Some(i);
    }
    let truth = match want.as_str() {
        "t" | "y" | "yes" => Some("true"),
        "f" | "n" | "no" => Some("false"),
        _ => None,
    };
    if let Some(truth) = truth {
        return options.iter().position(|o| normalize(o) == truth);
    }
    // "18 billion" for the option "$18 billion", when only one option fits.
    let fits: Vec<usize> = (0..options.len())
        .filter(|&i| same_number(&options[i], r) || same_date(&options[i], r))
        .collect();
    match fits.as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// The option a reply picks on `card`: as [`pick_option`], or else the one
/// option the reply names as leniently as a typed answer is judged — a last
/// name on a who-said card, a one-letter slip in a longer option.
pub fn pick_option_on(card: &Card, options: &[String], reply: &str) -> Option<usize> {
    if let Some(i) = pick_option(options, reply) {
        return Some(i);
    }
    let fits: Vec<usize> = (0..options.len())
        .filter(|&i| {
            let as_answer = Card {
                answer: options[i].clone(),
                accepted: Vec::new(),
                ..card.clone()
            };
            judge(&as_answer, reply).correct
        })
        .collect();
    match fits.as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// Judges a typed reply against a card's answer and accepted forms.
pub fn judge(card: &Card, reply: &str) -> Verdict {
    let reply_norm = normalize(reply);
    if reply_norm.is_empty() {
        return Verdict::wrong();
    }
    let candidates = candidates(card);
    for c in &candidates {
        if normalize(c) == reply_norm || same_date(c, reply) || same_number(c, reply) {
            return Verdict::right();
        }
    }
    // Another form of the person's name: without the middle name or initial,
    // with a title ("Ana Reyes", "Mayor Reyes" for "Ana Lucia Reyes").
    if is_about_a_person(card)
        && candidates
            .iter()
            .any(|c| crate::lexicon::name::names_the_same_person(c, reply))
    {
        return Verdict::right();
    }
    for c in &candidates {
        let cn = normalize(c);
        let letters = cn.chars().filter(|ch| ch.is_alphabetic()).count();
        if letters >= 5
            && !cn.chars().any(|ch| ch.is_ascii_digit())
            && edit_distance(&cn, &reply_norm) == 1
        {
            return Verdict {
                correct: true,
                typo: true,
                note: Some(format!("accepted: you wrote {}", reply.trim())),
            };
        }
    }
    Verdict::wrong()
}

/// Every form that counts as the answer: the answer, the accepted forms, and
/// for questions about a person, each form's last name.
fn candidates(card: &Card) -> Vec<String> {
    let mut out = vec![card.answer.clone()];
    out.extend(card.accepted.iter().cloned());
    if is_about_a_person(card) {
        let last: Vec<String> = out
            .iter()
            .filter_map(|name| last_name(name))
            .filter(|l| l.chars().count() >= 3)
            .collect();
        out.extend(last);
    }
    out
}

fn is_about_a_person(card: &Card) -> bool {
    card.card_type == CardType::WhoSaid
        || card.hint.as_deref().is_some_and(|h| {
            let h = h.to_lowercase();
            h.contains("who") || h.contains("person") || h.contains("name")
        })
}

/// "Jane Q. Public Jr." → "Public".
fn last_name(name: &str) -> Option<String> {
    const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "phd"];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    words
        .iter()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty() && !SUFFIXES.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
}

/// Lowercase words without punctuation, single-spaced, without a leading article.
pub fn normalize(s: &str) -> String {
    let mut cleaned = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch == '&' {
            cleaned.push_str(" and ");
        } else if ch.is_alphanumeric() {
            cleaned.extend(ch.to_lowercase());
        } else if matches!(ch, '$' | '%' | '€' | '£') {
            // Kept: "37%" is not "$37".
            cleaned.push(' ');
            cleaned.push(ch);
            cleaned.push(' ');
        } else if ch.is_whitespace() || ch == '-' || ch == '/' {
            cleaned.push(' ');
        } else if ch == '.' || ch == ',' {
            // "1.5" stays a number; "U.S." becomes "us".
            cleaned.push(ch);
        }
    }
    let words: Vec<String> = cleaned
        .split_whitespace()
        .map(|w| {
            let digits = w.chars().any(|c| c.is_ascii_digit());
            w.chars()
                .filter(|&c| {
                    c.is_alphanumeric()
                        || (digits && c == '.')
                        || matches!(c, '$' | '%' | '€' | '£')
                })
                .collect::<String>()
                .trim_end_matches('.')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(words.len() > 1 && matches!(words[0].as_str(), "the" | "a" | "an"));
    words[start..].join(" ")
}

/// Levenshtein distance over characters (strsim's).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// The same amount, as [`Amount::same_as`] says.
fn same_number(answer: &str, reply: &str) -> bool {
    match (Amount::parse(answer), Amount::parse(reply)) {
        (Some(a), Some(b)) => a.same_as(&b),
        _ => false,
    }
}

fn same_date(answer: &str, reply: &str) -> bool {
    match (parse_date(answer), parse_date(reply)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A calendar date as far as it is given.
pub use crate::lexicon::{Amount, PartialDate};

/// A date in any common form (see [`PartialDate::parse`]).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    PartialDate::parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardId, FactId, FactKind};

    fn card(card_type: CardType, answer: &str, accepted: &[&str]) -> Card {
        Card {
            id: CardId("c".into()),
            card_type,
            fact: FactId("f".into()),
            kind: FactKind::Money,
            prompt: "?".into(),
            hint: None,
            answer: answer.into(),
            options: vec![],
            accepted: accepted.iter().map(|s| s.to_string()).collect(),
            explanation: None,
            rewritten: Vec::new(),
            sentence: "s".into(),
            doc: "d.txt".into(),
            line: 1,
            reported_by: 1,
            tags: vec![],
            dropped: false,
        }
    }

    fn ok(answer: &str, reply: &str) -> bool {
        judge(&card(CardType::ShortAnswer, answer, &[]), reply).correct
    }

    #[test]
    fn case_punctuation_and_spacing_are_ignored() {
        assert!(ok(
            "Harbor Bridge Authority",
            "  harbor   bridge authority. "
        ));
        assert!(ok("U.S. Senate", "us senate"));
        assert!(ok("the water board", "Water Board"));
        assert!(!ok("Harbor Bridge Authority", "river authority"));
        assert!(!ok("anything", "   "));
    }

    #[test]
    fn money_in_any_form() {
        for reply in [
            "$18B",
            "18 billion dollars",
            "18,000,000,000",
            "18 bn",
            "$18 billion",
            "eighteen billion",
            "USD 18bn",
        ] {
            assert!(ok("$18 billion", reply), "{reply}");
        }
        assert!(!ok("$18 billion", "18"));
        assert!(!ok("$18 billion", "$19 billion"));
        // "bil" and "tril", as typed in a hurry, are lexicon scale words.
        assert!(ok("$18 billion", "18 bil"));
        assert!(ok("$18 billion", "$18 bil"));
        assert!(ok("$2 trillion", "2 tril"));
        assert!(ok("$2 trillion", "$2 tril"));
        assert!(!ok("$18 billion", "18 tril"));
        assert!(!ok("$18 billion", "18 million"));
        assert!(ok("$1.5 million", "1,500,000"));
        assert!(ok("more than 2,400 residents", "2400"));
        assert!(ok("37%", "37 percent"));
        assert!(!ok("37%", "$37"));
        assert!(!ok("$37", "37 percent"));
        assert!(ok("$37", "37"));
        assert!(ok("a million", "1000000"));
        assert!(ok("two hundred and five", "205"));
    }

    #[test]
    fn dates_in_any_common_form() {
        for reply in [
            "Nov 17 2025",
            "11/17/2025",
            "17 November 2025",
            "2025-11-17",
            "November 17th, 2025",
            "17/11/2025",
            "Monday, Nov. 17, 2025",
        ] {
            assert!(ok("November 17, 2025", reply), "{reply}");
        }
        assert!(!ok("November 17, 2025", "Nov 18 2025"));
        assert!(!ok("November 17, 2025", "November 2025"));
        assert!(ok("March 2031", "03/2031") || ok("March 2031", "march, 2031"));
        assert_eq!(parse_date("2/30/2025"), None);
    }

    #[test]
    fn people_by_full_name_last_name_or_alias() {
        let c = card(
            CardType::WhoSaid,
            "Rosalind Q. Ferreira",
            &["Roz Ferreira", "the mayor"],
        );
        for reply in [
            "Rosalind Q. Ferreira",
            "ferreira",
            "Roz Ferreira",
            "The Mayor",
        ] {
            assert!(judge(&c, reply).correct, "{reply}");
        }
        assert!(!judge(&c, "Rosalind").correct);
        // Not a question about a person: no last-word shortcut.
        let place = card(CardType::ShortAnswer, "Port Hollis Harbor", &[]);
        assert!(!judge(&place, "harbor").correct);
    }

    #[test]
    fn any_form_of_the_persons_name_is_right() {
        let c = card(CardType::WhoSaid, "Ana Lucia Reyes", &[]);
        for reply in [
            "Ana Reyes",
            "ana l. reyes",
            "Mayor Reyes",
            "Mayor Ana Reyes",
        ] {
            assert!(judge(&c, reply).correct, "{reply}");
        }
        for reply in ["Tomas Reyes", "Ana B. Reyes", "Ana Ruiz"] {
            assert!(!judge(&c, reply).correct, "{reply}");
        }
        // Not on a card about a figure.
        let c = card(CardType::Cloze, "Ana Lucia Reyes", &[]);
        let c = Card {
            hint: Some("a place".into()),
            ..c
        };
        assert!(!judge(&c, "Ana Reyes").correct);
    }

    #[test]
    fn one_typo_in_a_longer_answer_is_accepted_with_a_note() {
        let c = card(CardType::WhoSaid, "Dana Whitlock", &[]);
        let v = judge(&c, "Whitlok");
        assert!(v.correct && v.typo);
        assert_eq!(v.note.as_deref(), Some("accepted: you wrote Whitlok"));
        assert!(!judge(&c, "Whitlck0").correct);
        // Short answers must be exact.
        assert!(!ok("Gaza", "Gazb"));
        // Numbers are never "typos".
        assert!(!ok("12345", "12346"));
        assert!(!ok("harbour", "harbiur x"));
    }

    #[test]
    fn options_by_number_text_or_truth_word() {
        let opts: Vec<String> = ["True", "False"].iter().map(|s| s.to_string()).collect();
        assert_eq!(pick_option(&opts, "2"), Some(1));
        assert_eq!(pick_option(&opts, "t"), Some(0));
        assert_eq!(pick_option(&opts, "no"), Some(1));
        assert_eq!(pick_option(&opts, "3"), None);
        let four: Vec<String> = ["$1", "$2", "$3", "$4"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(pick_option(&four, "$3"), Some(2));
        assert_eq!(pick_option(&four, "maybe"), None);
        assert_eq!(pick_option(&four, "3 dollars"), Some(2));
    }

    #[test]
    fn options_by_last_name_or_a_slip_when_only_one_fits() {
        let mut c = card(CardType::WhoSaid, "Marisol Quenneville", &[]);
        let opts: Vec<String> = ["Dov Aldana", "Marisol Quenneville", "Petra Aldana"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        c.options = opts.clone();
        assert_eq!(pick_option_on(&c, &opts, "quenneville"), Some(1));
        assert_eq!(pick_option_on(&c, &opts, "Marisol Queneville"), Some(1));
        // Two people share the last name: it picks neither.
        assert_eq!(pick_option_on(&c, &opts, "Aldana"), None);
        assert_eq!(pick_option_on(&c, &opts, "Smith"), None);
        assert_eq!(pick_option_on(&c, &opts, "2"), Some(1));
    }

    #[test]
    fn edit_distance_counts_one_change() {
        assert_eq!(edit_distance("kitten", "sitten"), 1);
        assert_eq!(edit_distance("abc", "abcd"), 1);
        assert_eq!(edit_distance("abc", "cab"), 2);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::model::{CardId, FactId, FactKind};
    use proptest::prelude::*;

    fn card(answer: &str, card_type: CardType) -> Card {
        Card {
            id: CardId("c".into()),
            card_type,
            fact: FactId("f".into()),
            kind: FactKind::Quote,
            prompt: "?".into(),
            hint: None,
            answer: answer.into(),
            options: vec![],
            accepted: vec![],
            explanation: None,
            rewritten: Vec::new(),
            sentence: "s".into(),
            doc: "d".into(),
            line: 1,
            reported_by: 1,
            tags: vec![],
            dropped: false,
        }
    }

    proptest! {
        #[test]
        fn any_reply_is_judged_without_panicking(answer in "\\PC{0,40}", reply in "\\PC{0,40}") {
            let _ = judge(&card(&answer, CardType::WhoSaid), &reply);
            let _ = Amount::parse(&reply);
            let _ = parse_date(&reply);
        }

        #[test]
        fn the_answer_itself_in_any_case_is_right(answer in "[A-Za-z0-9$%,. -]{0,30}[A-Za-z0-9]") {
            let c = card(&answer, CardType::ShortAnswer);
            prop_assert!(judge(&c, &answer).correct);
            prop_assert!(judge(&c, &answer.to_uppercase()).correct);
            let spaced = format!("  {answer}.  ");
            prop_assert!(judge(&c, &spaced).correct);
        }

        /// The generator and the judge share one date type: every form the
        /// generator accepts for a date reads back as that date, and the
        /// judge counts it right against the generator's first form.
        #[test]
        fn every_accepted_date_form_is_judged_right_and_reads_back(
            year in 1600i32..2200,
            month in 1u32..=12,
            day in 1u32..=28,
            precision in 0usize..3,
        ) {
            let v = PartialDate {
                year: Some(year),
                month: (precision > 0).then_some(month),
                day: (precision > 1).then_some(day),
            };
            let forms = crate::lexicon::value::date_forms(&v);
            let mut c = card(&forms[0], CardType::ShortAnswer);
            c.kind = FactKind::Date;
            for form in &forms {
                prop_assert_eq!(PartialDate::parse(form), Some(v), "{}", form);
                prop_assert!(judge(&c, form).correct, "{} for {}", form, forms[0]);
            }
        }

        /// Every form the generator accepts for an amount of money, a
        /// count or a percentage reads back as the same [`Amount`] (value,
        /// currency, percent) and is judged right (three significant
        /// digits: the scaled forms round to three decimals).
        #[test]
        fn every_accepted_number_form_is_judged_right_and_reads_back(
            mantissa in 1u32..1_000,
            exponent in -2i32..10,
            what in 0usize..6,
        ) {
            let value = f64::from(mantissa) * 10f64.powi(exponent);
            let (amount, unit, kind) = match what {
                0..=2 => {
                    let code = ["USD", "EUR", "JPY"][what];
                    (Amount::money(value, code), None, FactKind::Money)
                }
                3 => (Amount { percent: true, ..Amount::count(value.min(100.0)) }, None, FactKind::Percent),
                4 => (Amount::count(value), Some("residents"), FactKind::Quantity),
                _ => (Amount::count(value), None, FactKind::Quantity),
            };
            let forms = amount.forms(unit);
            prop_assert_eq!(&forms, &match what {
                0..=2 => crate::lexicon::value::money_forms(value, amount.currency.unwrap_or_default()),
                3 => crate::lexicon::value::percent_forms(amount.value, None),
                _ => crate::lexicon::value::number_forms(value, unit),
            });
            let mut c = card(&forms[0], CardType::ShortAnswer);
            c.kind = kind;
            for form in &forms {
                let read = Amount::parse(form);
                prop_assert!(
                    read.is_some_and(|r| (r.value - amount.value).abs() <= 1e-9 * amount.value),
                    "{} read as {:?}, not {}", form, read, amount.value
                );
                let read = read.unwrap_or(amount);
                prop_assert_eq!(read.currency, amount.currency, "{}", form);
                // A bare number may stand for a percentage ("37" for "37%").
                prop_assert!(read.percent == amount.percent || !read.percent, "{}", form);
                prop_assert!(judge(&c, form).correct, "{} for {}", form, forms[0]);
            }
        }
    }
}
