//! Kahoot: the quiz spreadsheet template (.xlsx) that Kahoot's "Import
//! spreadsheet" reads, cell for cell as Kahoot publishes it: notes in B2:B6, the
//! header on row 8 (columns B–H), one question a row from row 9 with its number
//! in column A.
//!
//! Kahoot's limits: a question of at most 120 characters, 2–4 answers of at most
//! 75, a time limit of 5, 10, 20, 30, 60, 90, 120 or 240 seconds, and the
//! correct answer's number. Cells are written as text (never formulas), so
//! `=HYPERLINK(…)` in a deck stays text.

use super::Export;
use super::fit::{LeftOut, chars, choices, question_text};
use crate::error::{Error, Result};
use crate::model::Deck;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

/// The time limits Kahoot offers, in seconds.
pub const TIME_LIMITS: [u32; 8] = [5, 10, 20, 30, 60, 90, 120, 240];
/// The time limit when none is given.
pub const DEFAULT_TIME_LIMIT: u32 = 20;
/// The longest question Kahoot takes.
pub const MAX_QUESTION: usize = 120;
/// The longest answer Kahoot takes.
pub const MAX_ANSWER: usize = 75;

/// The template's notes, B2 to B6.
pub const NOTES: [&str; 5] = [
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. Text will turn red in Excel or Google Docs if you exceed this limit. If several answers are correct, separate them with a comma.",
    "See an example question below (don't forget to overwrite this with your first question!)",
    "And remember,  if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!",
];

/// The header row, B8 to H8.
pub const HEADER: [&str; 7] = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
];

/// The row of the header (0-based: row 8 in Excel).
const HEADER_ROW: u32 = 7;

/// Options of the Kahoot export.
#[derive(Clone, Copy, Debug)]
pub struct KahootOptions {
    /// Seconds per question, one of [`TIME_LIMITS`].
    pub time_limit: u32,
}

impl Default for KahootOptions {
    fn default() -> Self {
        KahootOptions {
            time_limit: DEFAULT_TIME_LIMIT,
        }
    }
}

/// Renders the deck's multiple-choice, who-said and true/false cards into
/// Kahoot's template; the rest are left out and counted.
pub fn render(deck: &Deck, opts: &KahootOptions) -> Result<Export> {
    if !TIME_LIMITS.contains(&opts.time_limit) {
        return Err(Error::Usage(format!(
            "Kahoot offers a time limit of 5, 10, 20, 30, 60, 90, 120 or 240 seconds, not {}",
            opts.time_limit
        )));
    }
    let err = |e: rust_xlsxwriter::XlsxError| {
        Error::Other(format!("cannot write the Kahoot spreadsheet: {e}"))
    };
    let mut book = Workbook::new();
    // A fixed creation time: the same deck gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").map_err(err)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    sheet
        .write_string_with_format(1, 1, NOTES[0], &bold)
        .map_err(err)?;
    for (i, note) in NOTES.iter().enumerate().skip(1) {
        sheet.write_string(1 + i as u32, 1, *note).map_err(err)?;
    }
    for (i, h) in HEADER.iter().enumerate() {
        sheet
            .write_string_with_format(HEADER_ROW, 1 + i as u16, *h, &bold)
            .map_err(err)?;
    }
    sheet.set_column_width(0, 4).map_err(err)?;
    sheet.set_column_width(1, 50).map_err(err)?;
    for col in 2..=5 {
        sheet.set_column_width(col, 28).map_err(err)?;
    }
    sheet.set_column_width(6, 16).map_err(err)?;
    sheet.set_column_width(7, 16).map_err(err)?;

    let mut left_out = LeftOut::default();
    let mut row = HEADER_ROW + 1;
    let mut written = 0;
    for card in &deck.cards {
        let question = question_text(card);
        if chars(&question) > MAX_QUESTION {
            left_out.add(format!("a question longer than {MAX_QUESTION} characters"));
            continue;
        }
        let ch = match choices(card, 4, Some(MAX_ANSWER)) {
            Ok(ch) => ch,
            Err(why) => {
                left_out.add(why);
                continue;
            }
        };
        written += 1;
        sheet.write_number(row, 0, written as f64).map_err(err)?;
        sheet
            .write_string_with_format(row, 1, &question, &wrap)
            .map_err(err)?;
        for (i, o) in ch.options.iter().enumerate() {
            sheet
                .write_string_with_format(row, 2 + i as u16, o, &wrap)
                .map_err(err)?;
        }
        sheet
            .write_number(row, 6, f64::from(opts.time_limit))
            .map_err(err)?;
        sheet
            .write_number(row, 7, (ch.correct + 1) as f64)
            .map_err(err)?;
        row += 1;
    }
    let bytes = book.save_to_buffer().map_err(err)?;
    Ok(Export {
        bytes,
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
    fn limits_leave_cards_out_with_their_reason() {
        let mut mc = card(CardType::MultipleChoice, "How much?", "$5");
        mc.options = vec!["$4".into(), "$5".into()];
        let long_q = card(CardType::TrueFalse, &"word ".repeat(30), "True");
        let mut long_a = mc.clone();
        long_a.answer = "x".repeat(76);
        long_a.options = vec![long_a.answer.clone(), "y".into()];
        let cloze = card(CardType::Cloze, "Paid ____.", "$5");
        let out = render(
            &deck(vec![mc, long_q, long_a, cloze]),
            &KahootOptions::default(),
        )
        .expect("render");
        assert_eq!(out.written, Some(1));
        assert_eq!(out.left_out.total(), 3);
        let lines = out.left_out.lines().join("\n");
        assert!(
            lines.contains("a question longer than 120 characters"),
            "{lines}"
        );
        assert!(
            lines.contains("an answer longer than 75 characters"),
            "{lines}"
        );
        assert!(out.bytes.starts_with(b"PK"), "an xlsx is a zip");
    }

    #[test]
    fn refuses_a_time_limit_kahoot_does_not_offer() {
        let err = render(&deck(Vec::new()), &KahootOptions { time_limit: 25 })
            .expect_err("25 s is not offered")
            .to_string();
        assert!(err.contains("240"), "{err}");
    }

    #[test]
    fn same_deck_same_bytes() {
        let mut mc = card(CardType::MultipleChoice, "How much?", "$5");
        mc.options = vec!["$4".into(), "$5".into()];
        let d = deck(vec![mc]);
        let a = render(&d, &KahootOptions::default()).expect("a").bytes;
        let b = render(&d, &KahootOptions::default()).expect("b").bytes;
        assert_eq!(a, b);
    }
}
