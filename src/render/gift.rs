//! Moodle GIFT: the plain-text question format of Moodle's "Import" page.
//!
//! One question per card, each with a title: multiple choice (who-said too),
//! true/false, short answer with every accepted form, and a fill-in card as a
//! missing-word question (the answers stand where the blank was). A category
//! line from the deck title comes first. Text is `[html]`: markup from the deck
//! is escaped to show as text, line breaks become `<br>`, and GIFT's special
//! characters (`~ = # { } :` and the backslash) are escaped with a backslash.

use super::fit::{
    LeftOut, accepted_answers, chars, html_text, one_line, question_lines, question_text,
};
use super::{Export, LmsOptions, blank_segments, useful_explanation};
use crate::model::{Card, CardType, Deck};
use std::fmt::Write as _;

/// Escapes GIFT's special characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text as GIFT `[html]` content.
fn text(s: &str) -> String {
    escape(&html_text(s))
}

/// A Moodle category path from a title: one line, `/` doubled (Moodle reads a
/// single `/` as a sub-category).
pub fn category(title: &str) -> String {
    format!("$course$/top/{}", one_line(title).replace('/', "//"))
}

/// A question's title: its number and the start of its question.
pub fn title(n: usize, card: &Card) -> String {
    let q = question_text(card);
    let short: String = q.chars().take(60).collect();
    let more = if chars(&q) > 60 { "…" } else { "" };
    format!("{n}. {short}{more}")
}

/// Renders every card as a GIFT question.
pub fn render(deck: &Deck, opts: &LmsOptions) -> Export {
    let mut out = String::with_capacity(deck.cards.len() * 200);
    let _ = writeln!(out, "// {}", one_line(&deck.deck.title));
    let _ = writeln!(out, "$CATEGORY: {}\n", category(&opts.title));
    let mut left_out = LeftOut::default();
    let mut n = 0;
    for card in &deck.cards {
        match question(card, n + 1) {
            Ok(q) => {
                n += 1;
                out.push_str(&q);
                out.push_str("\n\n");
            }
            Err(why) => left_out.add(why),
        }
    }
    Export {
        bytes: out.into_bytes(),
        warnings: Vec::new(),
        written: Some(n),
        left_out,
    }
}

/// One card as a GIFT question numbered `n`.
fn question(card: &Card, n: usize) -> Result<String, String> {
    let mut q = format!("::{}::[html]", escape(&one_line(&title(n, card))));
    let feedback = useful_explanation(card)
        .map(|e| format!("####{}", text(e)))
        .unwrap_or_default();
    let answers = |card: &Card| -> Result<String, String> {
        let all = accepted_answers(card);
        if all.is_empty() {
            return Err("no answer".to_string());
        }
        Ok(all
            .iter()
            .map(|a| format!("={}", text(a)))
            .collect::<Vec<_>>()
            .join(" "))
    };
    match card.card_type {
        CardType::MultipleChoice | CardType::WhoSaid => {
            let ch = super::fit::choices(card, usize::MAX, None)?;
            q.push_str(&text(&question_lines(card)));
            q.push_str("{\n");
            for (i, o) in ch.options.iter().enumerate() {
                let mark = if i == ch.correct { '=' } else { '~' };
                let _ = writeln!(q, "{mark}{}", text(o));
            }
            if !feedback.is_empty() {
                let _ = writeln!(q, "{feedback}");
            }
            q.push('}');
        }
        CardType::TrueFalse => {
            let truth = match card.answer.trim().to_lowercase().as_str() {
                "true" => "TRUE",
                "false" => "FALSE",
                _ => return Err("a true/false answer that is neither True nor False".into()),
            };
            let _ = write!(q, "{}{{{truth}{feedback}}}", text(&card.prompt));
        }
        CardType::Cloze => {
            let segs = blank_segments(&card.prompt);
            let blanks = segs.iter().filter(|s| s.blank).count();
            // GIFT needs words before a missing word's answers; a blank that
            // opens the prompt is asked as a short answer with the blank shown.
            if blanks != 1 || segs.first().is_some_and(|s| s.blank) {
                return short_answer(q, card, &answers(card)?, &feedback, blanks);
            }
            for s in &segs {
                if s.blank {
                    let _ = write!(q, "{{{}{feedback}}}", answers(card)?);
                } else {
                    q.push_str(&text(&s.text));
                }
            }
        }
        CardType::ShortAnswer => return short_answer(q, card, &answers(card)?, &feedback, 0),
    }
    Ok(q)
}

fn short_answer(
    mut q: String,
    card: &Card,
    answers: &str,
    feedback: &str,
    blanks: usize,
) -> Result<String, String> {
    if blanks > 1 {
        return Err("more than one blank in a fill-in card".into());
    }
    let _ = write!(q, "{}{{{answers}{feedback}}}", text(&question_lines(card)));
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    fn gift(cards: Vec<Card>) -> String {
        let opts = LmsOptions {
            title: "Civics/Budget".into(),
        };
        String::from_utf8(render(&deck(cards), &opts).bytes).expect("utf-8")
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape("a~b=c#d{e}f:g\\h"), "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    }

    #[test]
    fn each_card_type_has_its_gift_shape() {
        let mut mc = card(CardType::MultipleChoice, "How much?", "$5");
        mc.options = vec!["$4".into(), "$5".into()];
        let tf = card(CardType::TrueFalse, "It rained.", "False");
        let mut sa = card(CardType::ShortAnswer, "How many?", "37");
        sa.accepted = vec!["thirty-seven".into()];
        let cloze = card(CardType::Cloze, "Paid ____ in May.", "$5");
        let g = gift(vec![mc, tf, sa, cloze]);
        assert!(
            g.contains("$CATEGORY: $course$/top/Civics//Budget\n"),
            "{g}"
        );
        assert!(
            g.contains("::1. How much?::[html]How much?{\n~$4\n=$5\n}"),
            "{g}"
        );
        assert!(
            g.contains("::2. It rained.::[html]It rained.{FALSE}"),
            "{g}"
        );
        assert!(g.contains("[html]How many?{=37 =thirty-seven}"), "{g}");
        assert!(g.contains("[html]Paid {=$5} in May."), "{g}");
    }

    #[test]
    fn two_blanks_are_left_out() {
        let cloze = card(CardType::Cloze, "Paid ____ on ____.", "$5");
        let out = render(&deck(vec![cloze]), &LmsOptions { title: "T".into() });
        assert_eq!(out.written, Some(0));
        assert_eq!(out.left_out.total(), 1);
    }
}
