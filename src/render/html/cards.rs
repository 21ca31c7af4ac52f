//! Printable double-sided cards: a fixed grid in millimetres, fronts on one page
//! and backs on the next, placed so each back prints behind its front.

use super::{CardsOptions, Choice, letter, page_size, plain, source_line};
use super::{Duplex, Paper};
use crate::error::{Error, Result};
use crate::model::{Card, CardType, Deck, FactKind};
use crate::render::{Rendered, Segment, blank_segments, useful_explanation};
use askama::Template;

/// The smallest margin kept free around the card grid, for printers that
/// cannot print to the edge.
const SHEET_MARGIN_MM: f64 = 12.0;
/// Padding inside a card.
const CARD_PADDING_MM: f64 = 3.5;
/// Height of a card's top label line and of its footer line.
const LABEL_MM: f64 = 4.0;
const FOOTER_MM: f64 = 4.0;
/// Font sizes (pt) a card's text may be set in, largest first. Each has a
/// `fit-N` class in the template.
const FIT_SIZES: [u32; 9] = [16, 14, 12, 11, 10, 9, 8, 7, 6];

#[derive(Template)]
#[template(path = "cards.html")]
struct CardsPage {
    title: String,
    page_css: &'static str,
    page_w: String,
    page_h: String,
    grid_top: String,
    grid_left: String,
    cell_w: String,
    cell_h: String,
    cols: usize,
    rows: usize,
    sheets: Vec<SheetView>,
}

struct SheetView {
    /// `fronts`, `backs` or `foldover`.
    class: &'static str,
    cells: Vec<CellView>,
}

/// One cell of the grid: a card front, a card back, or empty.
struct CellView {
    empty: bool,
    /// `front` or `back`.
    side: &'static str,
    /// The card's 1-based number in the export.
    number: usize,
    label: String,
    /// `fit-N`: the font size the text fits at.
    fit: String,
    main: Vec<Segment>,
    options: Vec<Choice>,
    note: String,
    source: String,
    /// The deck title, shortened with an ellipsis by the page when too long.
    footer: String,
}

impl CellView {
    fn empty() -> CellView {
        CellView {
            empty: true,
            side: "empty",
            number: 0,
            label: String::new(),
            fit: String::new(),
            main: Vec::new(),
            options: Vec::new(),
            note: String::new(),
            source: String::new(),
            footer: String::new(),
        }
    }
}

/// Where every card goes: the geometry of one page of cards.
#[derive(Clone, Copy, Debug)]
struct Grid {
    page_w: f64,
    page_h: f64,
    cols: usize,
    rows: usize,
    cell_w: f64,
    cell_h: f64,
}

impl Grid {
    fn new(paper: Paper, per_page: usize) -> Grid {
        let (page_w, page_h, _) = page_size(paper);
        let cols = 2;
        let rows = (per_page / cols).max(1);
        Grid {
            page_w,
            page_h,
            cols,
            rows,
            cell_w: (page_w - 2.0 * SHEET_MARGIN_MM) / cols as f64,
            cell_h: (page_h - 2.0 * SHEET_MARGIN_MM) / rows as f64,
        }
    }

    /// Width and height (pt) of the text area of a card.
    fn text_box_pt(&self) -> (f64, f64) {
        const PT_PER_MM: f64 = 72.0 / 25.4;
        let w = self.cell_w - 2.0 * CARD_PADDING_MM;
        let h = self.cell_h - 2.0 * CARD_PADDING_MM - LABEL_MM - FOOTER_MM;
        (w * PT_PER_MM, h * PT_PER_MM)
    }
}

/// Renders printable cards.
pub fn render_cards(deck: &Deck, opts: &CardsOptions) -> Result<Rendered> {
    let grid = Grid::new(opts.paper, opts.per_page);
    let (_, _, page_css) = page_size(opts.paper);
    let title = deck.deck.title.clone();
    let mut warnings = Vec::new();
    let cards: Vec<(CellView, CellView)> = deck
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (front, back) = card_sides(c, i + 1, &title, &grid);
            for side in [&front, &back] {
                if side.fit.is_empty() {
                    warnings.push(format!(
                        "card {} ({}) is too long to fit at --per-page {}; it may be cut off \
                         (try --per-page 4)",
                        i + 1,
                        c.id,
                        opts.per_page
                    ));
                }
            }
            (front, back)
        })
        .map(|(mut f, mut b)| {
            for side in [&mut f, &mut b] {
                if side.fit.is_empty() {
                    side.fit = format!("fit-{}", FIT_SIZES[FIT_SIZES.len() - 1]);
                }
            }
            (f, b)
        })
        .collect();
    let sheets = layout_sheets(cards, &grid, opts.duplex);
    let page = CardsPage {
        title,
        page_css,
        page_w: mm(grid.page_w),
        page_h: mm(grid.page_h),
        grid_top: mm((grid.page_h - grid.rows as f64 * grid.cell_h) / 2.0),
        grid_left: mm((grid.page_w - grid.cols as f64 * grid.cell_w) / 2.0),
        cell_w: mm(grid.cell_w),
        cell_h: mm(grid.cell_h),
        cols: grid.cols,
        rows: grid.rows,
        sheets,
    };
    let html = page
        .render()
        .map_err(|e| Error::Other(format!("cannot render cards: {e}")))?;
    Ok(Rendered {
        bytes: html.into_bytes(),
        warnings,
    })
}

fn mm(v: f64) -> String {
    format!("{v:.2}mm")
}

/// Puts card sides into grid cells. Duplex: fronts fill a page, backs fill the
/// next, each back in the cell behind its front: long-edge flips mirror the
/// columns, short-edge flips mirror the rows. Fold-over: each row holds one
/// card, front on the left and back on the right, to fold down the middle.
fn layout_sheets(cards: Vec<(CellView, CellView)>, grid: &Grid, duplex: Duplex) -> Vec<SheetView> {
    let per_page = grid.cols * grid.rows;
    let mut sheets = Vec::new();
    let mut cards = cards.into_iter().peekable();
    if duplex == Duplex::None {
        while cards.peek().is_some() {
            let mut cells = Vec::with_capacity(per_page);
            for _ in 0..grid.rows {
                match cards.next() {
                    Some((front, back)) => {
                        cells.push(front);
                        cells.push(back);
                    }
                    None => {
                        cells.push(CellView::empty());
                        cells.push(CellView::empty());
                    }
                }
            }
            sheets.push(SheetView {
                class: "foldover",
                cells,
            });
        }
        return sheets;
    }
    while cards.peek().is_some() {
        let mut fronts: Vec<CellView> = Vec::with_capacity(per_page);
        let mut backs: Vec<Option<CellView>> = (0..per_page).map(|_| None).collect();
        for slot in 0..per_page {
            let (row, col) = (slot / grid.cols, slot % grid.cols);
            let (back_row, back_col) = match duplex {
                Duplex::Short => (grid.rows - 1 - row, col),
                _ => (row, grid.cols - 1 - col),
            };
            match cards.next() {
                Some((front, back)) => {
                    fronts.push(front);
                    backs[back_row * grid.cols + back_col] = Some(back);
                }
                None => fronts.push(CellView::empty()),
            }
        }
        sheets.push(SheetView {
            class: "fronts",
            cells: fronts,
        });
        sheets.push(SheetView {
            class: "backs",
            cells: backs
                .into_iter()
                .map(|b| b.unwrap_or_else(CellView::empty))
                .collect(),
        });
    }
    sheets
}

/// Readable card-type label.
fn type_label(t: CardType) -> &'static str {
    match t {
        CardType::Cloze => "Fill in the blank",
        CardType::MultipleChoice => "Multiple choice",
        CardType::WhoSaid => "Who said it?",
        CardType::TrueFalse => "True or false?",
        CardType::ShortAnswer => "Short answer",
    }
}

/// The front and back of one card, each with the font size it fits at (an
/// empty `fit` when even the smallest size is too big).
fn card_sides(card: &Card, number: usize, title: &str, grid: &Grid) -> (CellView, CellView) {
    let footer = title.to_string();
    let options: Vec<Choice> = if card.card_type == CardType::TrueFalse {
        Vec::new()
    } else {
        card.options
            .iter()
            .enumerate()
            .map(|(i, o)| Choice {
                letter: letter(i),
                text: o.clone(),
            })
            .collect()
    };
    let hint = card
        .hint
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty() && card.card_type != CardType::TrueFalse)
        .map(str::to_string)
        .unwrap_or_default();
    let (box_w, box_h) = grid.text_box_pt();
    let mut front_blocks = vec![Block::new(&card.prompt, 1.0, false)];
    front_blocks.extend(
        options
            .iter()
            .map(|o| Block::new(&o.text, 1.0, false).indent(3)),
    );
    if !hint.is_empty() {
        front_blocks.push(Block::new(&hint, 0.8, false));
    }
    let front = CellView {
        empty: false,
        side: "front",
        number,
        label: format!("{} · {}", type_label(card.card_type), kind_label(card.kind)),
        fit: fit_class(&front_blocks, box_w, box_h),
        main: blank_segments(&card.prompt),
        options,
        note: hint,
        source: String::new(),
        footer: footer.clone(),
    };
    let answer = match card.options.iter().position(|o| o == &card.answer) {
        Some(i) if card.card_type != CardType::TrueFalse => {
            format!("{}. {}", letter(i), card.answer)
        }
        _ => card.answer.clone(),
    };
    // The explanation, or failing that the sentence the fact comes from.
    let note = useful_explanation(card)
        .map(str::to_string)
        .or_else(|| {
            let s = card.sentence.trim();
            (!s.is_empty() && s != card.answer.trim()).then(|| s.to_string())
        })
        .unwrap_or_default();
    let source = source_line(card);
    let back_blocks = [
        Block::new(&answer, 1.25, true),
        Block::new(&note, 0.85, false),
        Block::new(&source, 0.75, false),
    ];
    let back = CellView {
        empty: false,
        side: "back",
        number,
        label: "Answer".to_string(),
        fit: fit_class(&back_blocks, box_w, box_h),
        main: plain(answer),
        options: Vec::new(),
        note,
        source,
        footer,
    };
    (front, back)
}

fn kind_label(k: FactKind) -> &'static str {
    match k {
        FactKind::Date => "date",
        FactKind::Money => "money",
        FactKind::Percent => "percent",
        FactKind::Quantity => "number",
        FactKind::Quote => "quote",
    }
}

/// A paragraph of a card for the fit estimate: its text, its size relative to
/// the card's base size, whether it is bold, and an indent in characters.
struct Block<'a> {
    text: &'a str,
    scale: f64,
    bold: bool,
    indent: usize,
}

impl<'a> Block<'a> {
    fn new(text: &'a str, scale: f64, bold: bool) -> Block<'a> {
        Block {
            text,
            scale,
            bold,
            indent: 0,
        }
    }

    fn indent(mut self, chars: usize) -> Block<'a> {
        self.indent = chars;
        self
    }
}

/// Average glyph width as a fraction of the font size: measured generously
/// for Liberation Sans / Arial (about 0.5 em for running text), so estimates
/// err towards a smaller size rather than overflow.
const AVG_CHAR_EM: f64 = 0.56;
const BOLD_CHAR_EM: f64 = 0.62;
/// Line height and the space after each paragraph, in em (matches the CSS).
const LINE_EM: f64 = 1.2;
const GAP_EM: f64 = 0.35;

/// The class of the largest font size at which every block fits the text box,
/// or an empty string when none does.
fn fit_class(blocks: &[Block<'_>], box_w: f64, box_h: f64) -> String {
    for size in FIT_SIZES {
        let base = f64::from(size);
        let mut height = 0.0;
        for b in blocks.iter().filter(|b| !b.text.trim().is_empty()) {
            let em = base * b.scale;
            let char_w = em * if b.bold { BOLD_CHAR_EM } else { AVG_CHAR_EM };
            let per_line = ((box_w / char_w).floor() as usize).saturating_sub(b.indent);
            height += wrapped_lines(b.text, per_line.max(1)) as f64 * em * LINE_EM + em * GAP_EM;
        }
        if height <= box_h {
            return format!("fit-{size}");
        }
    }
    String::new()
}

/// How many lines `text` takes when words are wrapped greedily at `per_line`
/// characters, breaking words longer than a line.
fn wrapped_lines(text: &str, per_line: usize) -> usize {
    let mut lines = 0;
    for para in text.lines() {
        let mut used = 0usize;
        lines += 1;
        for word in para.split_whitespace() {
            let len = word.chars().count();
            if used > 0 && used + 1 + len <= per_line {
                used += 1 + len;
            } else if used == 0 && len <= per_line {
                used = len;
            } else {
                if used > 0 {
                    lines += 1;
                }
                lines += (len.saturating_sub(1)) / per_line;
                used = len % per_line;
                if used == 0 {
                    used = per_line;
                }
            }
        }
    }
    lines.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;

    fn cards_html(cards: Vec<Card>, duplex: Duplex, per_page: usize) -> String {
        let opts = CardsOptions {
            paper: Paper::Letter,
            per_page,
            duplex,
        };
        String::from_utf8(render_cards(&deck(cards), &opts).expect("render").bytes).expect("utf8")
    }

    #[test]
    fn card_text_is_escaped() {
        let c = card(
            CardType::ShortAnswer,
            "<script>alert(1)</script> & more?",
            "A & B",
        );
        let html = cards_html(vec![c], Duplex::Long, 8);
        assert!(!html.contains("<script>alert"), "raw script tag in output");
        assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; more?"));
        assert!(html.contains("Budget &#60;b&#62;&#38;&#60;/b&#62; you"));
    }

    #[test]
    fn long_edge_backs_mirror_columns() {
        let grid = Grid::new(Paper::Letter, 8);
        let cards: Vec<_> = (1..=3)
            .map(|n| {
                let c = card(CardType::ShortAnswer, &format!("Q{n}"), &format!("A{n}"));
                card_sides(&c, n, "T", &grid)
            })
            .collect();
        let sheets = layout_sheets(cards, &grid, Duplex::Long);
        assert_eq!(sheets.len(), 2);
        let fronts: Vec<usize> = sheets[0].cells.iter().map(|c| c.number).collect();
        let backs: Vec<usize> = sheets[1].cells.iter().map(|c| c.number).collect();
        assert_eq!(fronts, [1, 2, 3, 0, 0, 0, 0, 0]);
        assert_eq!(backs, [2, 1, 0, 3, 0, 0, 0, 0]);
    }

    #[test]
    fn short_edge_backs_mirror_rows_and_foldover_pairs_sides() {
        let grid = Grid::new(Paper::A4, 4);
        let make = || -> Vec<(CellView, CellView)> {
            (1..=3)
                .map(|n| {
                    let c = card(CardType::ShortAnswer, &format!("Q{n}"), &format!("A{n}"));
                    card_sides(&c, n, "T", &grid)
                })
                .collect()
        };
        let sheets = layout_sheets(make(), &grid, Duplex::Short);
        let backs: Vec<usize> = sheets[1].cells.iter().map(|c| c.number).collect();
        assert_eq!(backs, [3, 0, 1, 2]);
        let sheets = layout_sheets(make(), &grid, Duplex::None);
        assert_eq!(sheets.len(), 2);
        let cells: Vec<(usize, &str)> =
            sheets[0].cells.iter().map(|c| (c.number, c.side)).collect();
        assert_eq!(
            cells,
            [(1, "front"), (1, "back"), (2, "front"), (2, "back")]
        );
    }

    #[test]
    fn long_text_gets_a_smaller_font() {
        let grid = Grid::new(Paper::Letter, 10);
        let short = card(CardType::ShortAnswer, "When?", "1901");
        let long = card(CardType::ShortAnswer, &"word ".repeat(120), "1901");
        let (fs, _) = card_sides(&short, 1, "T", &grid);
        let (fl, _) = card_sides(&long, 2, "T", &grid);
        let size = |f: &str| f.trim_start_matches("fit-").parse::<u32>().expect("size");
        assert!(size(&fs.fit) > size(&fl.fit), "{} vs {}", fs.fit, fl.fit);
        let huge = card(CardType::ShortAnswer, &"word ".repeat(2000), "1901");
        assert_eq!(card_sides(&huge, 3, "T", &grid).0.fit, "");
    }

    #[test]
    fn wrapping_counts_lines() {
        assert_eq!(wrapped_lines("aaa bbb ccc", 7), 2);
        assert_eq!(wrapped_lines("aaa bbb ccc", 11), 1);
        assert_eq!(wrapped_lines("abcdefghij", 4), 3);
        assert_eq!(wrapped_lines("", 4), 1);
    }
}
