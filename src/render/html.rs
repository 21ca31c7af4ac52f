//! Printable HTML: double-sided cards and classroom worksheets.
//!
//! Rust builds a view model with every decision made (which card goes in which
//! cell, letters, numbers, font-size classes); the askama templates in
//! `templates/` only print it, and askama escapes every value.
//!
//! Cards are laid out on a fixed grid in millimetres so fronts and backs line up
//! when printed double-sided. Long text is shrunk by choosing one of a few
//! font-size classes from an estimate of how many lines the text wraps to: CSS
//! only, no script, so the printed page is what the estimate promised.

use super::{Rendered, Segment, blank_segments};
use crate::cli::{Duplex, Paper};
use crate::error::{Error, Result};
use crate::model::{Card, CardType, Deck, FactKind};
use askama::Template;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashSet};

/// Settings of the printable cards.
#[derive(Clone, Debug)]
pub struct CardsOptions {
    pub paper: Paper,
    /// 4, 6, 8 or 10 cells a page (two columns).
    pub per_page: usize,
    pub duplex: Duplex,
}

/// Settings of the worksheet.
#[derive(Clone, Debug)]
pub struct WorksheetOptions {
    pub paper: Paper,
    /// How many questions; `None` means every card, up to 20.
    pub count: Option<usize>,
    /// How many versions (A, B, …), each with its own order and key.
    pub versions: u32,
    /// Seed for choosing and ordering questions and options.
    pub seed: u64,
}

/// Questions on a worksheet when `--count` is not given.
pub const DEFAULT_WORKSHEET_COUNT: usize = 20;

/// Page size in millimetres and its CSS `@page` name.
fn page_size(paper: Paper) -> (f64, f64, &'static str) {
    match paper {
        Paper::Letter => (215.9, 279.4, "letter"),
        Paper::A4 => (210.0, 297.0, "A4"),
    }
}

// ---------------------------------------------------------------- cards

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

/// A lettered choice.
struct Choice {
    letter: char,
    text: String,
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

fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

fn plain(text: impl Into<String>) -> Vec<Segment> {
    vec![Segment {
        text: text.into(),
        blank: false,
    }]
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
    let note = card
        .explanation
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty() && *e != card.answer.trim())
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

/// `doc, line N`, and how many documents state the fact when more than one.
fn source_line(card: &Card) -> String {
    let mut s = format!("{}, line {}", card.doc, card.line);
    if card.reported_by > 1 {
        s.push_str(&format!(" · stated in {} documents", card.reported_by));
    }
    s
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

// ------------------------------------------------------------ worksheets

#[derive(Template)]
#[template(path = "worksheet.html")]
struct WorksheetPage {
    title: String,
    page_css: &'static str,
    versions: Vec<VersionView>,
}

struct VersionView {
    /// `Version A`, or empty when there is only one version.
    label: String,
    description: String,
    instructions: String,
    sections: Vec<SectionView>,
    key: Vec<KeyRow>,
}

struct SectionView {
    heading: &'static str,
    directions: &'static str,
    /// `mc`, `tf`, `fill`, `short` or `match`: how the questions are laid out.
    class: &'static str,
    questions: Vec<QuestionView>,
    /// The lettered bank of names for the who-said matching section.
    bank: Vec<Choice>,
}

struct QuestionView {
    number: usize,
    segments: Vec<Segment>,
    /// Lay the choices out in two columns.
    compact: bool,
    choices: Vec<Choice>,
    hint: String,
}

struct KeyRow {
    number: usize,
    answer: String,
    source: String,
}

/// The worksheet sections, in the order they are printed.
const SECTIONS: [(CardType, &str, &str, &str); 5] = [
    (
        CardType::MultipleChoice,
        "Multiple choice",
        "Circle the letter of the best answer.",
        "mc",
    ),
    (
        CardType::TrueFalse,
        "True or false",
        "Circle T if the statement is true and F if it is false.",
        "tf",
    ),
    (
        CardType::Cloze,
        "Fill in the blank",
        "Write the missing words on the line.",
        "fill",
    ),
    (
        CardType::ShortAnswer,
        "Short answer",
        "Answer on the line.",
        "short",
    ),
    (
        CardType::WhoSaid,
        "Who said it?",
        "Write the letter of the person who said each quotation.",
        "match",
    ),
];

/// Renders a worksheet: every version followed by its answer key.
pub fn render_worksheet(deck: &Deck, opts: &WorksheetOptions) -> Result<Rendered> {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let count = opts.count.unwrap_or(DEFAULT_WORKSHEET_COUNT);
    // Without an explicit --count, one question per fact: a second question
    // about the same fact would give the first one's answer away.
    let chosen = select_balanced(&deck.cards, count, opts.count.is_some(), &mut rng);
    let mut warnings = Vec::new();
    if chosen.len() < count && opts.count.is_some() {
        warnings.push(format!(
            "the deck has only {} usable cards; the worksheet has {} questions, not {count}",
            chosen.len(),
            chosen.len()
        ));
    }
    let mut versions = Vec::new();
    let mut previous: Option<Vec<Vec<usize>>> = None;
    for v in 0..opts.versions {
        let label = if opts.versions > 1 {
            format!("Version {}", letter(v as usize))
        } else {
            String::new()
        };
        let (view, order) = version_view(deck, &chosen, label, &mut rng, previous.as_deref());
        previous = Some(order);
        versions.push(view);
    }
    let (_, _, page_css) = page_size(opts.paper);
    let page = WorksheetPage {
        title: deck.deck.title.clone(),
        page_css,
        versions,
    };
    let html = page
        .render()
        .map_err(|e| Error::Other(format!("cannot render the worksheet: {e}")))?;
    Ok(Rendered {
        bytes: html.into_bytes(),
        warnings,
    })
}

/// Chooses up to `count` cards spread evenly over card types and, within each
/// type, over fact kinds: round-robin over the types, each type taking its
/// kinds in turn. Cards of a fact already asked about come last, so one
/// question does not give away another's answer; they are used only when
/// `allow_repeats` and there are not enough other cards.
fn select_balanced<'a>(
    cards: &'a [Card],
    count: usize,
    allow_repeats: bool,
    rng: &mut ChaCha8Rng,
) -> Vec<&'a Card> {
    // type -> kind -> cards (shuffled)
    let mut buckets: BTreeMap<CardType, BTreeMap<FactKind, Vec<&Card>>> = BTreeMap::new();
    for c in cards {
        buckets
            .entry(c.card_type)
            .or_default()
            .entry(c.kind)
            .or_default()
            .push(c);
    }
    let mut queues: Vec<Vec<Vec<&Card>>> = Vec::new();
    for kinds in buckets.into_values() {
        let mut per_kind: Vec<Vec<&Card>> = kinds.into_values().collect();
        for bucket in &mut per_kind {
            bucket.shuffle(rng);
            // Popped from the back: reverse so the shuffled order is kept.
            bucket.reverse();
        }
        queues.push(per_kind);
    }
    let mut chosen: Vec<&Card> = Vec::new();
    let mut facts_used = HashSet::new();
    let mut deferred: Vec<&Card> = Vec::new();
    let mut kind_turn = vec![0usize; queues.len()];
    loop {
        let mut took_any = false;
        for (t, kinds) in queues.iter_mut().enumerate() {
            if chosen.len() >= count {
                break;
            }
            // This type's next kind that still has cards, in turn.
            let n = kinds.len();
            let Some(k) = (0..n)
                .map(|i| (kind_turn[t] + i) % n)
                .find(|&k| !kinds[k].is_empty())
            else {
                continue;
            };
            kind_turn[t] = k + 1;
            // Skip cards whose fact is already on the sheet; keep them for later.
            while let Some(card) = kinds[k].pop() {
                took_any = true;
                if facts_used.insert(&card.fact) {
                    chosen.push(card);
                    break;
                }
                deferred.push(card);
            }
        }
        if chosen.len() >= count || !took_any {
            break;
        }
    }
    for card in deferred {
        if chosen.len() >= count || !allow_repeats {
            break;
        }
        chosen.push(card);
    }
    chosen
}

/// One version: questions grouped into sections, shuffled within each section,
/// options shuffled; numbered in print order. Returns the view and the order
/// chosen, so the next version can be made to differ.
fn version_view(
    deck: &Deck,
    chosen: &[&Card],
    label: String,
    rng: &mut ChaCha8Rng,
    previous: Option<&[Vec<usize>]>,
) -> (VersionView, Vec<Vec<usize>>) {
    let mut sections = Vec::new();
    let mut key = Vec::new();
    let mut orders = Vec::new();
    let mut number = 0;
    for (si, (card_type, heading, directions, class)) in SECTIONS.into_iter().enumerate() {
        let cards: Vec<&Card> = chosen
            .iter()
            .copied()
            .filter(|c| c.card_type == card_type)
            .collect();
        let mut order: Vec<usize> = (0..cards.len()).collect();
        order.shuffle(rng);
        if let Some(prev) = previous.and_then(|p| p.get(si))
            && *prev == order
            && order.len() > 1
        {
            order.rotate_left(1);
        }
        orders.push(order.clone());
        if cards.is_empty() {
            continue;
        }
        let bank = if card_type == CardType::WhoSaid {
            let mut names: Vec<String> = Vec::new();
            for c in &cards {
                for n in c.options.iter().chain(std::iter::once(&c.answer)) {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
            }
            names.sort();
            names.shuffle(rng);
            names
        } else {
            Vec::new()
        };
        let mut questions = Vec::new();
        for &i in &order {
            let card = cards[i];
            number += 1;
            let (question, answer) = question_view(deck, card, number, &bank, rng);
            key.push(KeyRow {
                number,
                answer,
                source: source_line(card),
            });
            questions.push(question);
        }
        sections.push(SectionView {
            heading,
            directions,
            class,
            questions,
            bank: bank
                .into_iter()
                .enumerate()
                .map(|(i, text)| Choice {
                    letter: letter(i),
                    text,
                })
                .collect(),
        });
    }
    let instructions = format!("Answer all {number} questions. Each question is worth one point.");
    let view = VersionView {
        label,
        description: deck.deck.description.clone(),
        instructions,
        sections,
        key,
    };
    (view, orders)
}

/// The printed question and its answer-key entry.
fn question_view(
    deck: &Deck,
    card: &Card,
    number: usize,
    bank: &[String],
    rng: &mut ChaCha8Rng,
) -> (QuestionView, String) {
    let hint = card
        .hint
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .unwrap_or_default();
    match card.card_type {
        CardType::MultipleChoice => {
            let mut options = card.options.clone();
            if !options.contains(&card.answer) {
                options.push(card.answer.clone());
            }
            options.shuffle(rng);
            let right = options.iter().position(|o| o == &card.answer).unwrap_or(0);
            let answer = format!("{}. {}", letter(right), card.answer);
            // Short options go in two columns to save paper.
            let compact = options.iter().all(|o| o.chars().count() <= 28);
            let choices = options
                .into_iter()
                .enumerate()
                .map(|(i, text)| Choice {
                    letter: letter(i),
                    text,
                })
                .collect();
            (
                QuestionView {
                    number,
                    segments: blank_segments(&card.prompt),
                    compact,
                    choices,
                    hint: String::new(),
                },
                answer,
            )
        }
        CardType::TrueFalse => {
            let mut answer = card.answer.clone();
            if let Some(ex) = card.explanation.as_deref().map(str::trim)
                && !ex.is_empty()
                && ex != card.answer.trim()
            {
                answer = format!("{answer} — {ex}");
            }
            (
                QuestionView {
                    number,
                    segments: blank_segments(&card.prompt),
                    compact: false,
                    choices: Vec::new(),
                    hint: String::new(),
                },
                answer,
            )
        }
        CardType::Cloze | CardType::ShortAnswer => {
            let mut segments = blank_segments(&card.prompt);
            if card.card_type == CardType::Cloze && !segments.iter().any(|s| s.blank) {
                segments.push(Segment {
                    text: String::new(),
                    blank: true,
                });
            }
            (
                QuestionView {
                    number,
                    segments,
                    compact: false,
                    choices: Vec::new(),
                    hint,
                },
                card.answer.clone(),
            )
        }
        CardType::WhoSaid => {
            let quote = deck
                .fact(&card.fact)
                .filter(|f| f.kind == FactKind::Quote && !f.text.trim().is_empty())
                .map(|f| format!("“{}”", f.text.trim()))
                .unwrap_or_else(|| card.prompt.clone());
            let right = bank.iter().position(|n| n == &card.answer).unwrap_or(0);
            (
                QuestionView {
                    number,
                    segments: plain(quote),
                    compact: false,
                    choices: Vec::new(),
                    hint: String::new(),
                },
                format!("{}. {}", letter(right), card.answer),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DECK_FORMAT, DeckInfo, FactId};
    use crate::render::anki::tests::card;

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            format: DECK_FORMAT,
            deck: DeckInfo {
                title: "Budget <b>&</b> you".into(),
                description: String::new(),
                created: String::new(),
                seed: 1,
                sources: Vec::new(),
            },
            conflicts: Vec::new(),
            facts: Vec::new(),
            cards,
        }
    }

    fn mixed(n: usize) -> Vec<Card> {
        (0..n)
            .map(|i| {
                let t = CardType::ALL[i % 5];
                let mut c = card(t, &format!("Question {i} about ____?"), &format!("A{i}"));
                c.kind = FactKind::ALL[(i / 5) % 5];
                if matches!(t, CardType::MultipleChoice | CardType::WhoSaid) {
                    c.options = vec![format!("A{i}"), format!("B{i}"), format!("C{i}")];
                }
                if t == CardType::TrueFalse {
                    c.answer = "True".into();
                    c.options = vec!["True".into(), "False".into()];
                }
                c
            })
            .collect()
    }

    fn cards_html(cards: Vec<Card>, duplex: Duplex, per_page: usize) -> String {
        let opts = CardsOptions {
            paper: Paper::Letter,
            per_page,
            duplex,
        };
        String::from_utf8(render_cards(&deck(cards), &opts).expect("render").bytes).expect("utf8")
    }

    fn worksheet_html(cards: Vec<Card>, count: Option<usize>, versions: u32, seed: u64) -> String {
        let opts = WorksheetOptions {
            paper: Paper::A4,
            count,
            versions,
            seed,
        };
        String::from_utf8(render_worksheet(&deck(cards), &opts).expect("render").bytes)
            .expect("utf8")
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

    #[test]
    fn worksheet_count_is_balanced_across_types_and_kinds() {
        let cards = mixed(50);
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let chosen = select_balanced(&cards, 10, true, &mut rng);
        assert_eq!(chosen.len(), 10);
        for t in CardType::ALL {
            let n = chosen.iter().filter(|c| c.card_type == t).count();
            assert_eq!(n, 2, "{t}");
            let kinds: HashSet<_> = chosen
                .iter()
                .filter(|c| c.card_type == t)
                .map(|c| c.kind)
                .collect();
            assert_eq!(kinds.len(), 2, "{t} should mix kinds");
        }
    }

    #[test]
    fn worksheet_prefers_distinct_facts() {
        let mut a = card(CardType::Cloze, "Paid ____.", "$5");
        let mut b = card(CardType::ShortAnswer, "How much?", "$5");
        let c = card(CardType::MultipleChoice, "Other?", "$7");
        a.fact = FactId("same".into());
        b.fact = FactId("same".into());
        let cards = vec![a, b, c];
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let chosen = select_balanced(&cards, 2, true, &mut rng);
        let facts: HashSet<_> = chosen.iter().map(|c| &c.fact).collect();
        assert_eq!(facts.len(), 2);
        // Repeats only fill up an explicit count, never a default one.
        assert_eq!(select_balanced(&cards, 3, true, &mut rng).len(), 3);
        assert_eq!(select_balanced(&cards, 3, false, &mut rng).len(), 2);
    }

    #[test]
    fn worksheet_versions_differ_and_are_reproducible() {
        let one = worksheet_html(mixed(25), Some(12), 2, 7);
        let again = worksheet_html(mixed(25), Some(12), 2, 7);
        assert_eq!(one, again);
        assert!(one.contains("Version A") && one.contains("Version B"));
        let (a, b) = one.split_once("Version B").expect("two versions");
        let numbered = |s: &str| -> Vec<String> {
            s.match_indices("Question ")
                .map(|(i, _)| s[i..].chars().take(12).collect())
                .collect()
        };
        assert_ne!(
            numbered(a),
            numbered(b),
            "versions should order questions differently"
        );
        assert_ne!(one, worksheet_html(mixed(25), Some(12), 2, 8));
    }

    #[test]
    fn worksheet_key_letters_match_printed_options() {
        let mut c = card(CardType::MultipleChoice, "Which amount?", "$7");
        c.options = vec!["$5".into(), "$6".into(), "$7".into(), "$8".into()];
        let deck = deck(vec![c]);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let chosen: Vec<&Card> = deck.cards.iter().collect();
        let (view, _) = version_view(&deck, &chosen, String::new(), &mut rng, None);
        let q = &view.sections[0].questions[0];
        let right = q
            .choices
            .iter()
            .find(|c| c.text == "$7")
            .expect("answer shown");
        assert_eq!(view.key[0].answer, format!("{}. $7", right.letter));
    }
}
