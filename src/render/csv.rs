//! The CSV export: a header and one row per card, for spreadsheets; and the
//! CSV writing the platform templates (Blooket, Gimkit) share.
//!
//! Values are plain text (not HTML). A cell that a spreadsheet would run as a
//! formula (`=…`, `@…`, a tab or carriage return, or `+`/`-` unless the whole
//! cell is a plain number such as `-2.5%`) gets a leading `'`, so a hostile fact
//! sheet cannot plant formulas in a teacher's spreadsheet. A UTF-8 byte-order
//! mark (`--bom`, on by default for `.csv`) makes Excel read the file as UTF-8,
//! so curly quotes and accents show as they should.

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

/// Options of the CSV export.
#[derive(Clone, Copy, Debug, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark.
    pub bom: bool,
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes rows as CSV with CRLF line ends, every cell defused; with a
/// byte-order mark when `bom`.
pub(crate) fn write_rows<I, R>(rows: I, bom: bool) -> Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        let err = |e: csv::Error| Error::Other(format!("cannot write CSV: {e}"));
        for row in rows {
            w.write_record(
                row.into_iter()
                    .map(|v| defuse_formula(v.as_ref()).into_owned()),
            )
            .map_err(err)?;
        }
        w.flush()
            .map_err(|e| Error::Other(format!("cannot write CSV: {e}")))?;
    }
    Ok(out)
}

/// Renders a deck as CSV. Lists (options, accepted answers, tags) are joined
/// with ` | `.
pub fn render(deck: &Deck, opts: &CsvOptions) -> Result<Vec<u8>> {
    let header = std::iter::once(COLUMNS.map(String::from));
    let rows = deck.cards.iter().map(|c| {
        [
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
        ]
    });
    write_rows(header.chain(rows), opts.bom)
}

/// Prefixes `'` to a value a spreadsheet would evaluate as a formula. A
/// leading `+` or `-` is safe only before a plain number (`-2.5`, `+3%`,
/// `-1,200`): anything else after it (`-2+3`, `-cmd|…`, `- x`) is a formula to
/// Excel.
pub(crate) fn defuse_formula(v: &str) -> std::borrow::Cow<'_, str> {
    let risky = match v.as_bytes().first() {
        Some(b'=' | b'@' | b'\t' | b'\r') => true,
        Some(b'+' | b'-') => !plain_number(&v[1..]),
        _ => false,
    };
    if risky {
        format!("'{v}").into()
    } else {
        v.into()
    }
}

/// Digits with optional thousands commas, one decimal point and a final `%`.
fn plain_number(s: &str) -> bool {
    let s = s.strip_suffix('%').unwrap_or(s);
    let mut points = 0;
    let mut digits = 0;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            b',' if digits > 0 => {}
            _ => return false,
        }
    }
    digits > 0 && points <= 1
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
        let bytes = render(&deck, &CsvOptions::default()).expect("render");
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
        assert_eq!(defuse_formula("+1,200"), "+1,200");
        assert_eq!(defuse_formula("plain"), "plain");
        assert_eq!(defuse_formula("\tx"), "'\tx");
        assert_eq!(defuse_formula("\rx"), "'\rx");
    }

    #[test]
    fn leading_minus_is_defused_unless_a_plain_number() {
        // Regression (issue 15, item 8): Excel runs `-2+3` and `-cmd|…` as formulas.
        assert_eq!(defuse_formula("-2+3"), "'-2+3");
        assert_eq!(defuse_formula("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(defuse_formula("- not a number"), "'- not a number");
        assert_eq!(defuse_formula("-"), "'-");
        assert_eq!(defuse_formula("-.5"), "-.5");
        assert_eq!(defuse_formula("-1.2.3"), "'-1.2.3");
    }

    #[test]
    fn bom_only_when_asked() {
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
            cards: vec![card(CardType::Cloze, "Café ____", "“x”")],
        };
        let with = render(&deck, &CsvOptions { bom: true }).expect("render");
        let without = render(&deck, &CsvOptions { bom: false }).expect("render");
        assert!(with.starts_with(BOM));
        assert_eq!(&with[BOM.len()..], without.as_slice());
        assert!(!without.starts_with(BOM));
    }
}
