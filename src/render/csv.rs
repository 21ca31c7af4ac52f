//! The CSV export: a header and one row per card, for spreadsheets and Quizlet.
//!
//! Values are plain text (not HTML). A cell that a spreadsheet would run as a
//! formula (`=…`, `@…`, or `+`/`-` not starting a number) gets a leading `'`,
//! so a hostile fact sheet cannot plant formulas in a teacher's spreadsheet.

use crate::error::{Error, Result};
use crate::model::Deck;

/// The header row.
pub const COLUMNS: [&str; 14] = [
    "id",
    "type",
    "kind",
    "prompt",
    "hint",
    "answer",
    "options",
    "accepted",
    "explanation",
    "sentence",
    "doc",
    "line",
    "reported_by",
    "tags",
];

/// Renders a deck as CSV. Lists (options, accepted answers, tags) are joined
/// with ` | `.
pub fn render(deck: &Deck) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let err = |e: csv::Error| Error::Other(format!("cannot write CSV: {e}"));
        w.write_record(COLUMNS).map_err(err)?;
        for c in &deck.cards {
            let row = [
                c.id.to_string(),
                c.card_type.to_string(),
                c.kind.to_string(),
                c.prompt.clone(),
                c.hint.clone().unwrap_or_default(),
                c.answer.clone(),
                c.options.join(" | "),
                c.accepted.join(" | "),
                c.explanation.clone().unwrap_or_default(),
                c.sentence.clone(),
                c.doc.clone(),
                c.line.to_string(),
                c.reported_by.to_string(),
                c.tags.join(" | "),
            ];
            w.write_record(row.iter().map(|v| defuse_formula(v).into_owned()))
                .map_err(err)?;
        }
        w.flush()
            .map_err(|e| Error::Other(format!("cannot write CSV: {e}")))?;
    }
    Ok(out)
}

/// Prefixes `'` to a value a spreadsheet would evaluate as a formula.
fn defuse_formula(v: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = v.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ' '),
        _ => false,
    };
    if risky {
        format!("'{v}").into()
    } else {
        v.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardType, DECK_FORMAT, DeckInfo};
    use crate::render::anki::tests::card;

    #[test]
    fn one_row_per_card_with_quoting() {
        let mut c = card(CardType::MultipleChoice, "Paid, \"really\"?", "$5");
        c.options = vec!["$5".into(), "$6".into()];
        let deck = Deck {
            format: DECK_FORMAT,
            deck: DeckInfo {
                title: "T".into(),
                description: String::new(),
                created: String::new(),
                seed: 1,
                sources: Vec::new(),
            },
            conflicts: Vec::new(),
            facts: Vec::new(),
            cards: vec![c.clone()],
        };
        let bytes = render(&deck).expect("render");
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().expect("header").len(), COLUMNS.len());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], c.id.0.as_str());
        assert_eq!(&rows[0][3], "Paid, \"really\"?");
        assert_eq!(&rows[0][6], "$5 | $6");
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_kept() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("+cmd"), "'+cmd");
        assert_eq!(defuse_formula("-2.5%"), "-2.5%");
        assert_eq!(defuse_formula("- not a formula"), "- not a formula");
        assert_eq!(defuse_formula("plain"), "plain");
    }
}
