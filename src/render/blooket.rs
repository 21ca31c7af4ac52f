//! Blooket: the CSV import template ("Blooket Import Template" title row, then
//! question number, question text, answers 1–4, time limit and the correct
//! answer's number), CRLF line ends and no byte-order mark, as Blooket's own
//! template downloads.
//!
//! Multiple-choice, who-said and true/false cards fit; fill-in and short-answer
//! cards have no choices and are left out. Cells that a spreadsheet would run as
//! formulas are defused (see [`super::csv`]).

use super::Export;
use super::csv::write_rows;
use super::fit::{LeftOut, choices, question_text};
use crate::error::{Error, Result};
use crate::model::Deck;

/// The title row's one cell (a line break inside, as in Blooket's template).
pub const TITLE: &str = "Blooket\nImport Template";

/// The header row.
pub const HEADER: [&str; 8] = [
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3\n(Optional)",
    "Answer 4\n(Optional)",
    "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
];

/// The longest time limit Blooket takes, in seconds.
pub const MAX_TIME_LIMIT: u32 = 300;

/// Options of the Blooket export.
#[derive(Clone, Copy, Debug)]
pub struct BlooketOptions {
    /// Seconds per question, 1 to [`MAX_TIME_LIMIT`].
    pub time_limit: u32,
}

impl Default for BlooketOptions {
    fn default() -> Self {
        BlooketOptions { time_limit: 20 }
    }
}

/// Renders the deck's choice cards into Blooket's template.
pub fn render(deck: &Deck, opts: &BlooketOptions) -> Result<Export> {
    if !(1..=MAX_TIME_LIMIT).contains(&opts.time_limit) {
        return Err(Error::Usage(format!(
            "Blooket takes a time limit of 1 to {MAX_TIME_LIMIT} seconds, not {}",
            opts.time_limit
        )));
    }
    let mut left_out = LeftOut::default();
    let mut rows: Vec<[String; 8]> = Vec::with_capacity(deck.cards.len() + 2);
    let mut title = <[String; 8]>::default();
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
        let mut row = <[String; 8]>::default();
        row[0] = (rows.len() - 1).to_string();
        row[1] = question_text(card);
        for (i, o) in ch.options.into_iter().enumerate() {
            row[2 + i] = o;
        }
        row[6] = opts.time_limit.to_string();
        row[7] = (ch.correct + 1).to_string();
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
    fn template_rows_then_one_row_per_choice_card() {
        let mut mc = card(CardType::MultipleChoice, "=HYPERLINK(\"x\")", "$5");
        mc.options = vec!["$4".into(), "$5".into(), "-cmd".into()];
        let cloze = card(CardType::Cloze, "Paid ____.", "$5");
        let out = render(&deck(vec![mc, cloze]), &BlooketOptions::default()).expect("render");
        assert_eq!((out.written, out.left_out.total()), (Some(1), 1));
        assert!(!out.bytes.starts_with(crate::render::csv::BOM));
        let text = String::from_utf8(out.bytes).expect("utf-8");
        assert!(
            text.starts_with("\"Blooket\nImport Template\",,,,,,,\r\n"),
            "{text}"
        );
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[1][0], "Question #");
        assert_eq!(
            rows[2].iter().collect::<Vec<_>>(),
            [
                "1",
                "'=HYPERLINK(\"x\")",
                "$4",
                "$5",
                "'-cmd",
                "",
                "20",
                "2"
            ]
        );
    }
}
