//! What the classroom formats share: a card as a question with choices, text
//! made to fit one line or a length limit, and the tally of cards left out.
//!
//! A card is shortened only where the meaning survives (spaces collapsed, a
//! surplus wrong choice dropped); anything else that does not fit is left out
//! and counted under its reason, which the export reports.

use crate::model::{Card, CardType};
use std::collections::BTreeMap;

/// Cards left out of an export, counted by reason ("an answer longer than 75
/// characters").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    reasons: BTreeMap<String, usize>,
}

impl LeftOut {
    /// Counts one card left out for `reason`.
    pub fn add(&mut self, reason: impl Into<String>) {
        *self.reasons.entry(reason.into()).or_default() += 1;
    }

    /// Adds every card `other` left out.
    pub fn merge(&mut self, other: LeftOut) {
        for (why, n) in other.reasons {
            *self.reasons.entry(why).or_default() += n;
        }
    }

    /// How many cards were left out.
    pub fn total(&self) -> usize {
        self.reasons.values().sum()
    }

    /// One line per reason: "3 cards left out: an answer longer than 75 characters".
    pub fn lines(&self) -> Vec<String> {
        self.reasons
            .iter()
            .map(|(why, n)| format!("{n} {} left out: {why}", plural(*n, "card", "cards")))
            .collect()
    }
}

/// `one` or `many` by `n`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Text on one line: tabs, line breaks and runs of spaces become one space.
/// Nothing is lost but layout, which none of the line-based formats can hold.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text as HTML for the learning platforms: markup shown as text, line breaks
/// kept as `<br>`, other runs of white space as they are.
pub fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// The number of characters as the platforms count them (Unicode scalar values).
pub fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The question as a platform without our prompt conventions should show it:
/// a who-said prompt (the quotation alone) becomes "Who said “…”?".
pub fn question_text(card: &Card) -> String {
    let prompt = one_line(&card.prompt);
    if card.card_type == CardType::WhoSaid && !prompt.to_lowercase().starts_with("who ") {
        let quote = prompt.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'));
        return format!("Who said “{quote}”?");
    }
    prompt
}

/// [`question_text`] keeping the prompt's line breaks, for the formats that
/// can show them (Moodle, Canvas).
pub fn question_lines(card: &Card) -> String {
    if card.card_type == CardType::WhoSaid {
        question_text(card)
    } else {
        card.prompt.trim().to_string()
    }
}

/// A card as a multiple-choice question: its choices and which one is right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    pub options: Vec<String>,
    pub correct: usize,
}

/// The choices of a multiple-choice, who-said or true/false card, each on one
/// line, at most `max` of them (surplus wrong choices dropped), none longer
/// than `max_len` characters (a long wrong choice is dropped while at least two
/// remain). `Err` gives the reason the card cannot be asked this way.
pub fn choices(card: &Card, max: usize, max_len: Option<usize>) -> Result<Choices, String> {
    let options: Vec<String> = match card.card_type {
        CardType::TrueFalse => vec!["True".into(), "False".into()],
        CardType::MultipleChoice | CardType::WhoSaid => {
            card.options.iter().map(|o| one_line(o)).collect()
        }
        CardType::Cloze | CardType::ShortAnswer => {
            return Err("no answer choices (fill-in and short-answer cards)".into());
        }
    };
    let answer = one_line(&card.answer);
    let Some(correct) = options.iter().position(|o| o.eq_ignore_ascii_case(&answer)) else {
        return Err("its answer is not among its choices".into());
    };
    let too_long = |o: &str| max_len.is_some_and(|m| chars(o) > m);
    if too_long(&options[correct]) {
        return Err(format!(
            "an answer longer than {} characters",
            max_len.unwrap_or_default()
        ));
    }
    let mut kept = Vec::with_capacity(max.min(options.len()));
    let mut right = 0;
    for (i, o) in options.into_iter().enumerate() {
        if i == correct {
            right = kept.len();
            kept.push(o);
        } else if !too_long(&o) && !o.is_empty() && kept.len() + usize::from(i < correct) < max {
            kept.push(o);
        }
    }
    if kept.len() > max {
        kept.truncate(max);
    }
    if kept.len() < 2 {
        return Err(match max_len {
            Some(m) => format!("fewer than two answer choices of at most {m} characters"),
            None => "fewer than two answer choices".into(),
        });
    }
    Ok(Choices {
        options: kept,
        correct: right,
    })
}

/// The answer and every other accepted form, each once, on one line.
pub fn accepted_answers(card: &Card) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in std::iter::once(&card.answer).chain(&card.accepted) {
        let a = one_line(a);
        if !a.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;

    #[test]
    fn html_text_shows_markup_and_keeps_line_breaks() {
        assert_eq!(
            html_text("<b>a</b> & b\r\nc\nd"),
            "&lt;b&gt;a&lt;/b&gt; &amp; b<br>c<br>d"
        );
    }

    #[test]
    fn one_line_keeps_words_and_drops_layout() {
        assert_eq!(one_line(" a\tb\r\n\nc  d "), "a b c d");
    }

    #[test]
    fn surplus_and_overlong_wrong_choices_are_dropped_not_the_answer() {
        let mut c = card(CardType::MultipleChoice, "Q?", "right");
        c.options = ["w1", "w2", "right", "w3", "w4"].map(String::from).to_vec();
        let ch = choices(&c, 4, None).expect("fits");
        assert_eq!(ch.options, ["w1", "w2", "right", "w3"]);
        assert_eq!(ch.options[ch.correct], "right");
        c.options = ["a very long wrong choice", "right", "w"]
            .map(String::from)
            .to_vec();
        let ch = choices(&c, 4, Some(10)).expect("fits");
        assert_eq!(ch.options, ["right", "w"]);
        c.answer = "a very long wrong choice".into();
        assert_eq!(
            choices(&c, 4, Some(10)).expect_err("answer too long"),
            "an answer longer than 10 characters"
        );
    }

    #[test]
    fn the_answer_keeps_its_place_when_it_comes_last() {
        let mut c = card(CardType::WhoSaid, "Words", "E");
        c.options = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
        let ch = choices(&c, 4, None).expect("fits");
        assert_eq!(ch.options, ["A", "B", "C", "E"]);
        assert_eq!(ch.correct, 3);
    }

    #[test]
    fn fill_in_cards_have_no_choices() {
        let c = card(CardType::Cloze, "Paid ____.", "$5");
        assert!(choices(&c, 4, None).is_err());
        let mut tf = card(CardType::TrueFalse, "It rained.", "False");
        tf.options = Vec::new();
        let ch = choices(&tf, 4, None).expect("true/false");
        assert_eq!((ch.options.len(), ch.correct), (2, 1));
    }

    #[test]
    fn left_out_lines_count_each_reason() {
        let mut l = LeftOut::default();
        l.add("an answer longer than 75 characters");
        l.add("an answer longer than 75 characters");
        l.add("its answer is not among its choices");
        assert_eq!(l.total(), 3);
        assert_eq!(
            l.lines(),
            [
                "2 cards left out: an answer longer than 75 characters",
                "1 card left out: its answer is not among its choices"
            ]
        );
    }

    #[test]
    fn who_said_prompts_name_the_question() {
        let c = card(CardType::WhoSaid, "“We will rebuild it.”", "Ann");
        assert_eq!(question_text(&c), "Who said “We will rebuild it.”?");
        let c = card(CardType::WhoSaid, "Who said this?", "Ann");
        assert_eq!(question_text(&c), "Who said this?");
    }
}
