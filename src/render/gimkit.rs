//! Gimkit: the CSV import template ("Gimkit Spreadsheet Import Template" title
//! row; then question, correct answer and up to three incorrect answers), CRLF
//! line ends, no byte-order mark.
//!
//! Multiple-choice, who-said and true/false cards fit; fill-in and short-answer
//! cards have no incorrect answers to offer and are left out.

use super::Export;
use super::csv::write_rows;
use super::fit::{LeftOut, choices, question_text};
use crate::error::Result;
use crate::model::Deck;

/// The title row's one cell.
pub const TITLE: &str = "Gimkit Spreadsheet Import Template";

/// The header row.
pub const HEADER: [&str; 5] = [
    "Question",
    "Correct Answer",
    "Incorrect Answer 1",
    "Incorrect Answer 2 (Optional)",
    "Incorrect Answer 3 (Optional)",
];

/// Renders the deck's choice cards into Gimkit's template.
pub fn render(deck: &Deck) -> Result<Export> {
    let mut left_out = LeftOut::default();
    let mut rows: Vec<[String; 5]> = Vec::with_capacity(deck.cards.len() + 2);
    let mut title = <[String; 5]>::default();
    title[0] = TITLE.to_string();
    rows.push(title);
    rows.push(HEADER.map(String::from));
    for card in &deck.cards {
        let ch = match choices(card, 4, None) {
            Ok(ch) => ch,
            Err(why) => {
                left_out.add(why);
                continue;
            }
        };
        let mut row = <[String; 5]>::default();
        row[0] = question_text(card);
        let mut wrong = 2;
        for (i, o) in ch.options.into_iter().enumerate() {
            if i == ch.correct {
                row[1] = o;
            } else {
                row[wrong] = o;
                wrong += 1;
            }
        }
        rows.push(row);
    }
    let written = rows.len() - 2;
    Ok(Export {
        bytes: write_rows(rows, false)?,
        warnings: Vec::new(),
        written: Some(written),
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CardType;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    #[test]
    fn correct_answer_first_then_the_wrong_ones() {
        let mut mc = card(CardType::WhoSaid, "“We build.”", "Ann");
        mc.options = ["Bo", "Cy", "Ann", "Di", "Ed"].map(String::from).to_vec();
        let tf = card(CardType::TrueFalse, "It rained.", "False");
        let out = render(&deck(vec![mc, tf])).expect("render");
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.bytes.as_slice());
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect();
        assert_eq!(rows[0][0], TITLE);
        assert_eq!(rows[1], HEADER);
        assert_eq!(rows[2], ["Who said “We build.”?", "Ann", "Bo", "Cy", "Di"]);
        assert_eq!(rows[3], ["It rained.", "False", "True", "", ""]);
    }
}
