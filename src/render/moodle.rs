//! Moodle XML: the question bank format of Moodle's "Import" page.
//!
//! A category question from the deck title, then one question per card:
//! `multichoice` (one right answer; who-said cards too), `truefalse`,
//! `shortanswer` with every accepted form, and a fill-in card as `cloze`
//! (embedded answers, `{1:SHORTANSWER:=…~=…}` where the blank was). Text is
//! HTML in CDATA sections: markup from the deck is escaped to show as text, so
//! no `]]>` can end a section early; braces in cloze text are written as
//! character references so they cannot open a sub-question.

use super::fit::{LeftOut, accepted_answers, html_text, question_lines};
use super::gift::{category, title};
use super::{Export, LmsOptions, blank_segments, escape_xml, useful_explanation};
use crate::model::{Card, CardType, Deck};
use std::fmt::Write as _;

/// Text in a CDATA section. The text is escaped HTML, so it holds no `]]>`;
/// control characters XML cannot hold are dropped.
fn cdata(html: &str) -> String {
    let clean: String = html
        .chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

/// Escapes an answer inside a cloze sub-question (`} # ~ / " \` take a backslash).
fn cloze_answer(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 4);
    for c in html.chars() {
        if matches!(c, '}' | '#' | '~' | '/' | '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Renders every card as a Moodle XML question.
pub fn render(deck: &Deck, opts: &LmsOptions) -> Export {
    let mut out = String::with_capacity(deck.cards.len() * 700);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let _ = writeln!(
        out,
        "  <question type=\"category\">\n    <category><text>{}</text></category>\n  </question>",
        escape_xml(&category(&opts.title))
    );
    let mut left_out = LeftOut::default();
    let mut n = 0;
    for card in &deck.cards {
        match question(card, n + 1) {
            Ok(q) => {
                n += 1;
                out.push_str(&q);
            }
            Err(why) => left_out.add(why),
        }
    }
    out.push_str("</quiz>\n");
    Export {
        bytes: out.into_bytes(),
        warnings: Vec::new(),
        written: Some(n),
        left_out,
    }
}

fn question(card: &Card, n: usize) -> Result<String, String> {
    let mut q = String::with_capacity(600);
    let kind = match card.card_type {
        CardType::MultipleChoice | CardType::WhoSaid => "multichoice",
        CardType::TrueFalse => "truefalse",
        CardType::ShortAnswer => "shortanswer",
        CardType::Cloze => match blank_segments(&card.prompt)
            .iter()
            .filter(|s| s.blank)
            .count()
        {
            1 => "cloze",
            0 => "shortanswer",
            _ => return Err("more than one blank in a fill-in card".into()),
        },
    };
    let stem = if kind == "cloze" {
        let mut t = String::new();
        for s in blank_segments(&card.prompt) {
            if s.blank {
                let answers: Vec<String> = accepted_answers(card)
                    .iter()
                    .map(|a| format!("={}", cloze_answer(&html_text(a))))
                    .collect();
                if answers.is_empty() {
                    return Err("no answer".into());
                }
                let _ = write!(t, "{{1:SHORTANSWER:{}}}", answers.join("~"));
            } else {
                t.push_str(
                    &html_text(&s.text)
                        .replace('{', "&#123;")
                        .replace('}', "&#125;"),
                );
            }
        }
        t
    } else {
        html_text(&question_lines(card))
    };
    let _ = write!(
        q,
        "  <question type=\"{kind}\">\n    <name><text>{}</text></name>\n    \
         <questiontext format=\"html\"><text>{}</text></questiontext>\n    \
         <generalfeedback format=\"html\"><text>{}</text></generalfeedback>\n    \
         <defaultgrade>1</defaultgrade>\n    <penalty>{}</penalty>\n    <hidden>0</hidden>\n",
        escape_xml(&title(n, card)),
        cdata(&stem),
        cdata(&useful_explanation(card).map(html_text).unwrap_or_default()),
        if kind == "truefalse" {
            "1"
        } else {
            "0.3333333"
        },
    );
    let answer = |q: &mut String, fraction: u32, text: &str| {
        let _ = writeln!(
            q,
            "    <answer fraction=\"{fraction}\" format=\"html\"><text>{}</text>\
             <feedback format=\"html\"><text></text></feedback></answer>",
            cdata(text)
        );
    };
    match kind {
        "multichoice" => {
            let ch = super::fit::choices(card, usize::MAX, None)?;
            q.push_str(
                "    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n    \
                 <answernumbering>abc</answernumbering>\n",
            );
            for (i, o) in ch.options.iter().enumerate() {
                answer(&mut q, if i == ch.correct { 100 } else { 0 }, &html_text(o));
            }
        }
        "truefalse" => {
            let truth = match card.answer.trim().to_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => return Err("a true/false answer that is neither True nor False".into()),
            };
            // Moodle reads these two answers by their text, in plain words.
            for (word, is) in [("true", true), ("false", false)] {
                let _ = writeln!(
                    q,
                    "    <answer fraction=\"{}\" format=\"moodle_auto_format\"><text>{word}</text>\
                     <feedback format=\"html\"><text></text></feedback></answer>",
                    if is == truth { 100 } else { 0 }
                );
            }
        }
        "shortanswer" => {
            q.push_str("    <usecase>0</usecase>\n");
            let all = accepted_answers(card);
            if all.is_empty() {
                return Err("no answer".into());
            }
            for a in &all {
                answer(&mut q, 100, &html_text(a));
            }
        }
        _ => {}
    }
    q.push_str("  </question>\n");
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    #[test]
    fn cdata_cannot_be_closed_early() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(cdata("a\u{1}b"), "<![CDATA[ab]]>");
    }

    #[test]
    fn a_fill_in_card_is_a_cloze_question_with_every_accepted_form() {
        let mut c = card(CardType::Cloze, "Paid {1:SA:=x} ____ in May.", "$5/a");
        c.accepted = vec!["5 dollars".into()];
        let out = render(&deck(vec![c]), &LmsOptions { title: "T".into() });
        let xml = String::from_utf8(out.bytes).expect("utf-8");
        assert!(xml.contains("<question type=\"cloze\">"), "{xml}");
        assert!(
            xml.contains("Paid &#123;1:SA:=x&#125; {1:SHORTANSWER:=$5\\/a~=5 dollars} in May."),
            "{xml}"
        );
        roxmltree::Document::parse(&xml).expect("well-formed");
    }
}
