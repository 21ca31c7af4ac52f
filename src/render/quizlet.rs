//! Quizlet: the text its "Import" box takes with its default separators, term
//! and definition split by a tab, cards by a line break.
//!
//! A tab or line break inside a card would split it, so each becomes a space.
//! Every card fits: the term is the question (a true/false statement asks "True
//! or false: …"), the definition the answer; a true/false answer also gives the
//! true statement when the deck has it.

use super::fit::{LeftOut, one_line, question_text};
use super::{Export, useful_explanation};
use crate::model::{CardType, Deck};

/// Renders every card as a term and definition.
pub fn render(deck: &Deck) -> Export {
    let mut out = String::with_capacity(deck.cards.len() * 160);
    for card in &deck.cards {
        let term = match card.card_type {
            CardType::TrueFalse => format!("True or false: {}", question_text(card)),
            _ => question_text(card),
        };
        let mut definition = one_line(&card.answer);
        let correction = (card.card_type == CardType::TrueFalse)
            .then(|| useful_explanation(card))
            .flatten();
        if let Some(e) = correction {
            definition.push_str(" — ");
            definition.push_str(&one_line(e));
        }
        out.push_str(&term);
        out.push('\t');
        out.push_str(&definition);
        out.push('\n');
    }
    Export {
        bytes: out.into_bytes(),
        warnings: Vec::new(),
        written: Some(deck.cards.len()),
        left_out: LeftOut::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    #[test]
    fn one_card_a_line_with_one_tab() {
        let mut tf = card(CardType::TrueFalse, "It\trained\non Monday.", "False");
        tf.explanation = Some("It rained on\tTuesday.".into());
        let cloze = card(CardType::Cloze, "Paid ____\r\nin May.", "$5\t000");
        let text = String::from_utf8(render(&deck(vec![tf, cloze])).bytes).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "True or false: It rained on Monday.\tFalse — It rained on Tuesday.",
                "Paid ____ in May.\t$5 000"
            ]
        );
        assert!(lines.iter().all(|l| l.matches('\t').count() == 1));
    }
}
