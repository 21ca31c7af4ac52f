//! The one pass behind the date, money, percent and quantity finders.
//!
//! Each sentence is cut into tokens (numbers, words, single punctuation marks)
//! and read left to right. At every token the finders are tried in a fixed
//! order — dates, then amounts (money, percent, quantity) — and the first that
//! matches claims its tokens, so a year inside "$2021" or the "17" of
//! "Nov. 17, 2025" is never reported twice. Work per token is bounded, so the
//! whole pass is linear in the input.

use super::text::Text;
use super::words::{self, Lower};
use super::{Found, dates, numbers, numwords};
use crate::lexicon;
use arrayvec::ArrayString;
use memchr::memmem::Finder;
use std::cell::RefCell;
use std::sync::LazyLock;

/// A number as written: digits with optional thousands commas and decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// All digits as one integer (`1,744.5` is 17445).
    pub mant: u64,
    /// Digits after the decimal point.
    pub frac: u8,
    /// Digits before the decimal point, leading zeros included.
    pub int_digits: u8,
    /// Written with thousands commas.
    pub commas: bool,
    /// Too long to be a quantity (more than 18 digits).
    pub huge: bool,
}

impl Num {
    /// The number times `10^exp`, computed so that `1.744` trillion is exactly
    /// 1744000000000.
    pub fn scaled(&self, exp: i32) -> f64 {
        let e = exp - i32::from(self.frac);
        if e >= 0 {
            self.mant as f64 * 10f64.powi(e)
        } else {
            self.mant as f64 / 10f64.powi(-e)
        }
    }

    /// The plain value.
    pub fn value(&self) -> f64 {
        self.scaled(0)
    }

    /// A whole number without commas.
    pub fn is_plain_int(&self) -> bool {
        self.frac == 0 && !self.commas && !self.huge
    }

    /// Shaped like a year: four digits, no commas, no decimals.
    pub fn year_shaped(&self) -> bool {
        self.is_plain_int() && self.int_digits == 4
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Num(Num),
    Word,
    Punct(char),
}

/// One token of a sentence, with byte offsets into the whole document.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No whitespace between this token and the one before it.
    pub glued: bool,
    /// Part of a web address or e-mail address.
    pub url: bool,
    /// A word of at most 24 ASCII bytes with no capital: its own lowercase
    /// form, so [`Ctx::lower`] can borrow it without looking again.
    pub lower: bool,
}

/// A sentence's tokens and the source they point into.
pub struct Ctx<'a> {
    pub src: &'a str,
    pub toks: &'a [Tok],
}

impl<'a> Ctx<'a> {
    /// The token's text.
    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.src.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The word at `i`, as written.
    #[inline]
    pub fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i)?.kind {
            Kind::Word => Some(self.text(i)),
            _ => None,
        }
    }

    /// The word at `i`, lowercased.
    #[inline]
    pub fn lower(&self, i: usize) -> Option<Lower<'a>> {
        let t = self.toks.get(i)?;
        if t.lower {
            return self.src.get(t.start..t.end).map(Lower::Same);
        }
        Lower::of(self.word(i)?)
    }

    /// Whether the token at `i` is the word `w` (lowercase), in any case.
    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// The punctuation mark at `i`.
    #[inline]
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Whether the token at `i` is one of these marks.
    #[inline]
    pub fn is_punct(&self, i: usize, marks: &[char]) -> bool {
        self.punct(i).is_some_and(|c| marks.contains(&c))
    }

    /// The number at `i`.
    #[inline]
    pub fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Whether token `i` exists and touches the token before it.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Byte offset where token `i` starts (or the sentence's end).
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .map_or_else(|| self.toks.last().map_or(0, |t| t.end), |t| t.start)
    }

    /// Byte offset where token `i - 1` ends: the end of a span of tokens `..i`.
    #[inline]
    pub fn end_before(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|j| self.toks.get(j))
            .map_or(0, |t| t.end)
    }

    /// Whether the word at `i` starts with a capital letter.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is the first on its line (after list or quote markers).
    pub fn starts_line(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let before = &self.src.as_bytes()[..t.start];
        for &b in before.iter().rev() {
            match b {
                b'\n' => return true,
                b' ' | b'\t' | b'\r' | b'#' | b'>' | b'*' | b'-' | b'+' | b'|' => {}
                _ => return false,
            }
        }
        true
    }

    /// The lowercase qualifier ("more than", "up to") ending right before token `i`.
    pub fn qualifier_before(&self, i: usize) -> Option<&'static str> {
        if i > 0 && self.punct(i - 1) == Some('~') {
            return Some("approximately");
        }
        // Every qualifier ends in one of a few words; most numbers have none.
        let last = i.checked_sub(1).and_then(|j| self.lower(j))?;
        let group = QUALIFIER_GROUPS.get(qualifier_ending(last.as_str())?)?;
        let mut prev: [Option<Lower>; 4] = [Some(last), None, None, None];
        for (n, slot) in prev.iter_mut().enumerate().skip(1) {
            let Some(j) = i.checked_sub(n + 1) else { break };
            let Some(l) = self.lower(j) else { break };
            *slot = Some(l);
        }
        'outer: for (phrase, canon) in group {
            for (n, w) in phrase.iter().rev().enumerate() {
                match prev.get(n).copied().flatten() {
                    Some(l) if l.as_str() == *w => {}
                    _ => continue 'outer,
                }
            }
            return Some(canon);
        }
        None
    }

    /// Text of the run of glued tokens that ends right before token `i`
    /// (`H.R.` before `1234`), at most 8 tokens back.
    pub fn chunk_span_before(&self, i: usize) -> Option<&'a str> {
        let last = i.checked_sub(1)?;
        let mut first = last;
        while first > 0 && self.toks[first].glued && last - first < 8 {
            first -= 1;
        }
        self.src.get(self.toks[first].start..self.toks[last].end)
    }
}

/// The words a qualifier can end in, numbered for [`QUALIFIER_GROUPS`].
fn qualifier_ending(w: &str) -> Option<usize> {
    Some(match w {
        "than" => 0,
        "over" => 1,
        "as" => 2,
        "of" => 3,
        "under" => 4,
        "above" => 5,
        "below" => 6,
        "to" => 7,
        "least" => 8,
        "most" => 9,
        "estimated" => 10,
        "approximately" => 11,
        "approx" => 12,
        "roughly" => 13,
        "about" => 14,
        "around" => 15,
        "nearly" => 16,
        "almost" => 17,
        "some" => 18,
        "exactly" => 19,
        "only" => 20,
        "just" => 21,
        _ => return None,
    })
}

type Qualifier = (&'static [&'static str], &'static str);

/// [`words::qualifiers`] grouped by their last word, each group in the
/// list's order (longest first), so a number is checked only against the
/// phrases that can end before it.
static QUALIFIER_GROUPS: LazyLock<Vec<Vec<Qualifier>>> = LazyLock::new(|| {
    let mut groups: Vec<Vec<Qualifier>> = vec![Vec::new(); 22];
    for (phrase, canon) in words::qualifiers() {
        if let Some(g) = phrase
            .last()
            .and_then(|w| qualifier_ending(w))
            .and_then(|k| groups.get_mut(k))
        {
            g.push((phrase.as_slice(), canon));
        }
    }
    groups
});

/// Byte classes for [`tokenize`]: ASCII punctuation (0), whitespace,
/// digits, letters, and the bytes of multi-byte characters.
const PUNCT_B: u8 = 0;
const SPACE_B: u8 = 1;
const DIGIT_B: u8 = 2;
const ALPHA_B: u8 = 3;
const HIGH_B: u8 = 4;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [PUNCT_B; 256];
    let mut c = 0usize;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            HIGH_B
        } else if b.is_ascii_whitespace() {
            SPACE_B
        } else if b.is_ascii_digit() {
            DIGIT_B
        } else if b.is_ascii_alphabetic() {
            ALPHA_B
        } else {
            PUNCT_B
        };
        c += 1;
    }
    t
};

/// Cuts `src[start..end]` into tokens, appending them to `out` (cleared first).
pub fn tokenize(src: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let b = src.as_bytes();
    let mut i = start;
    let mut glued = false;
    let mut chunk_first = 0usize;
    let mut chunk_start = start;
    // Only chunks holding a number can be addresses worth marking.
    let mut chunk_has_num = false;
    while i < end {
        let c = b[i];
        let (kind, next) = match BYTE_CLASS[c as usize] {
            SPACE_B => {
                if chunk_has_num {
                    close_chunk(src, chunk_start, i, &mut out[chunk_first..]);
                    chunk_has_num = false;
                }
                i += 1;
                while i < end && BYTE_CLASS[b[i] as usize] == SPACE_B {
                    i += 1;
                }
                glued = false;
                chunk_first = out.len();
                chunk_start = i;
                continue;
            }
            DIGIT_B => {
                chunk_has_num = true;
                number(b, i, end)
            }
            // ".07%", "$.50": a decimal written without its leading zero.
            _ if c == b'.'
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && i + 1 < end
                && (i == start
                    || BYTE_CLASS[b[i - 1] as usize] == SPACE_B
                    || matches!(b[i - 1], b'$' | b'(')) =>
            {
                chunk_has_num = true;
                number(b, i, end)
            }
            ALPHA_B => {
                // Most words are ASCII letters ended by ASCII punctuation or
                // a space; only the rest need the full reader.
                let (n, upper) = ascii_letters(&b[i..end]);
                let (next, lower) = match b.get(i + n) {
                    Some(&c) if i + n < end && (c >= 0x80 || c == b'\'') => word(src, i, end),
                    _ => (i + n, !upper),
                };
                out.push(Tok {
                    start: i,
                    end: next,
                    kind: Kind::Word,
                    glued,
                    url: false,
                    lower: lower && next - i <= 24,
                });
                glued = true;
                i = next;
                continue;
            }
            PUNCT_B => (Kind::Punct(c as char), i + 1),
            _ => {
                let ch = src[i..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    if chunk_has_num {
                        close_chunk(src, chunk_start, i, &mut out[chunk_first..]);
                        chunk_has_num = false;
                    }
                    i += ch.len_utf8();
                    glued = false;
                    chunk_first = out.len();
                    chunk_start = i;
                    continue;
                }
                if ch.is_alphabetic() {
                    (Kind::Word, word(src, i, end).0)
                } else {
                    (Kind::Punct(ch), i + ch.len_utf8())
                }
            }
        };
        out.push(Tok {
            start: i,
            end: next,
            kind,
            glued,
            url: false,
            lower: false,
        });
        glued = true;
        i = next;
    }
    if chunk_has_num {
        close_chunk(src, chunk_start, end, &mut out[chunk_first..]);
    }
}

/// Marks a whitespace-delimited chunk's tokens as part of an address when
/// it looks like a URL or e-mail address. Called only for chunks holding
/// a number.
fn close_chunk(src: &str, start: usize, end: usize, toks: &mut [Tok]) {
    let s = src.get(start..end).unwrap_or("");
    let b = s.as_bytes();
    // Most chunks ("$5", "2021,") have none of the marks of an address.
    let maybe = b.iter().enumerate().any(|(k, &c)| {
        matches!(c, b'/' | b'@' | b':')
            || (c == b'.' && b.get(k + 1).is_some_and(u8::is_ascii_alphabetic))
    });
    if !maybe {
        return;
    }
    let urlish = s.contains("://")
        || s.contains('@')
        || s.contains("www.")
        || [
            ".gov", ".com", ".org", ".edu", ".net", ".html", ".pdf", ".php",
        ]
        .iter()
        .any(|d| s.contains(d));
    if urlish {
        for t in toks {
            t.url = true;
        }
    }
}

/// The end of the word starting at `start`, and whether it is plain
/// lowercase ASCII.
fn word(src: &str, start: usize, end: usize) -> (usize, bool) {
    let b = src.as_bytes();
    let mut i = start;
    let mut lower = true;
    loop {
        // ASCII letters are the common case; other characters are decoded.
        let (n, upper) = ascii_letters(&b[i..end]);
        i += n;
        lower &= !upper;
        if i >= end || b[i] < 0x80 && b[i] != b'\'' {
            return (i, lower);
        }
        // U+2000..U+203F (dashes, curly quotes, bullets) are never letters;
        // '’' is, inside a word, an apostrophe.
        if b[i] == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) != Some(&0x99) {
            return (i, lower);
        }
        let Some(c) = src[i..end].chars().next() else {
            return (i, lower);
        };
        let apostrophe_in_word = (c == '\'' || c == '’')
            && src[i + c.len_utf8()..end]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if c.is_alphabetic() || apostrophe_in_word {
            lower &= c == '\'';
            i += c.len_utf8();
        } else {
            return (i, lower);
        }
    }
}

/// The number of ASCII letters `b` starts with, and whether any is a
/// capital. Eight bytes are tested at a time (most words fit in one step).
#[inline]
fn ascii_letters(b: &[u8]) -> (usize, bool) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x20 * LO;
    let mut n = 0;
    let mut upper = false;
    while let Some(chunk) = b.get(n..n + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let v = u64::from_le_bytes(eight);
        // Per byte, without carries between bytes: the low seven bits
        // folded to lowercase, then whether they reach 'a' and pass 'z'.
        let x = (v | CASE) & !HI;
        let from_a = (x + (0x80 - u64::from(b'a')) * LO) & HI;
        let past_z = (x + (0x80 - u64::from(b'z') - 1) * LO) & HI;
        let not_letter = !(from_a & !past_z & !(v & HI)) & HI;
        if not_letter == 0 {
            upper |= !v & CASE != 0;
            n += 8;
            continue;
        }
        let k = (not_letter.trailing_zeros() / 8) as usize;
        let letters = (1u64 << (8 * k)) - 1;
        upper |= !v & CASE & letters != 0;
        return (n + k, upper);
    }
    for &c in &b[n..] {
        if !c.is_ascii_alphabetic() {
            break;
        }
        upper |= c < b'a';
        n += 1;
    }
    (n, upper)
}

fn number(b: &[u8], start: usize, end: usize) -> (Kind, usize) {
    let mut i = start;
    let mut mant: u64 = 0;
    let mut digits = 0u32;
    let mut int_digits = 0u32;
    let mut frac = 0u32;
    let mut commas = false;
    let mut push = |d: u8, digits: &mut u32| {
        *digits += 1;
        mant = mant.saturating_mul(10).saturating_add(u64::from(d - b'0'));
    };
    while i < end && b[i].is_ascii_digit() {
        push(b[i], &mut digits);
        int_digits += 1;
        i += 1;
    }
    // Thousands groups: ",ddd" not followed by another digit.
    let grouped = int_digits <= 3;
    while grouped
        && i + 4 <= end
        && b[i] == b','
        && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && (i + 4 == end || !b[i + 4].is_ascii_digit())
    {
        commas = true;
        for &d in &b[i + 1..i + 4] {
            push(d, &mut digits);
            int_digits += 1;
        }
        i += 4;
    }
    if i + 1 < end && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < end && b[i].is_ascii_digit() {
            push(b[i], &mut digits);
            frac += 1;
            i += 1;
        }
    }
    let huge = digits > 18 || frac > 9 || int_digits > 18;
    (
        Kind::Num(Num {
            mant,
            frac: frac.min(255) as u8,
            int_digits: int_digits.min(255) as u8,
            commas,
            huge,
        }),
        i,
    )
}

/// Every date, money, percent and quantity fact in the document.
pub fn find(text: &Text<'_>) -> Vec<Found> {
    thread_local! {
        // One token buffer per thread, kept between documents.
        static TOKS: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
    }
    let mut out = Vec::new();
    TOKS.with_borrow_mut(|toks| {
        for s in &text.sentences {
            let sentence = &text.src[s.start..s.end];
            if !may_hold_fact(sentence.as_bytes()) {
                continue;
            }
            tokenize(text.src, s.start, s.end, toks);
            let ctx = Ctx {
                src: text.src,
                toks,
            };
            scan_sentence(&ctx, &mut out);
        }
    });
    dates::resolve_years(text, &mut out);
    out
}

fn scan_sentence(ctx: &Ctx<'_>, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < ctx.toks.len() {
        if !may_start_fact(ctx, i) {
            i += 1;
            continue;
        }
        let next = dates::match_at(ctx, i, out).or_else(|| numbers::match_at(ctx, i, out));
        i = next.map_or(i + 1, |n| n.max(i + 1));
    }
}

/// A cheap byte scan that rules out most sentences with no fact to find:
/// every fact needs a digit, a currency sign, a month name (its first three
/// letters, capitalized) or a scale or percent word.
pub fn may_hold_fact(b: &[u8]) -> bool {
    // The first three letters of each month's name, lowercase.
    static MONTHS: LazyLock<Vec<[u8; 3]>> = LazyLock::new(|| {
        lexicon::words(lexicon::list::MONTHS)
            .filter_map(|m| {
                let b = m.as_bytes();
                Some([b.first()?, b.get(1)?, b.get(2)?].map(u8::to_ascii_lowercase))
            })
            .collect()
    });
    // Scale and percent words are found with a vectorised substring search
    // rather than by testing every common letter they start with.
    static WORDS: LazyLock<[Finder<'static>; 6]> = LazyLock::new(|| {
        [
            &b"illion"[..],
            b"thousand",
            b"hundred",
            b"percent",
            b"per cent",
            b"dollar",
        ]
        .map(Finder::new)
    });
    // Most sentences that hold a fact hold a digit, and any digit is enough.
    if has_ascii_digit(b) {
        return true;
    }
    for (k, &c) in b.iter().enumerate() {
        match FACT_BYTE[c as usize] {
            0 => {}
            DIGIT => return true,
            // £ and ¥; €, ₹ and ₩.
            LEAD => {
                let n = b.get(k + 1).copied();
                if (c == 0xC2 && matches!(n, Some(0xA3 | 0xA5))) || (c == 0xE2 && n == Some(0x82)) {
                    return true;
                }
            }
            _ => {
                if let Some(&[x, y, z]) = b.get(k..k + 3) {
                    let three = [
                        x.to_ascii_lowercase(),
                        y.to_ascii_lowercase(),
                        z.to_ascii_lowercase(),
                    ];
                    if MONTHS.contains(&three) {
                        return true;
                    }
                }
            }
        }
    }
    WORDS.iter().any(|f| f.find(b).is_some())
}

/// Whether `b` holds an ASCII digit, tested eight bytes at a time.
fn has_ascii_digit(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let v = u64::from_le_bytes(eight);
        // Per byte, without carries between bytes: the low seven bits
        // reach '0' and do not pass '9', and the high bit is clear.
        let x = v & !HI;
        let from_0 = (x + (0x80 - u64::from(b'0')) * LO) & HI;
        let past_9 = (x + (0x80 - u64::from(b'9') - 1) * LO) & HI;
        if from_0 & !past_9 & !(v & HI) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

const DIGIT: u8 = 1;
const LEAD: u8 = 2;
const MONTH_CAP: u8 = 3;

/// What each byte can begin for [`may_hold_fact`]: a digit or `$`, the lead
/// byte of a currency sign, or the capital a month name starts with.
static FACT_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = b'0';
    while c <= b'9' {
        t[c as usize] = DIGIT;
        c += 1;
    }
    t[b'$' as usize] = DIGIT;
    t[0xC2] = LEAD;
    t[0xE2] = LEAD;
    let caps = b"JFMASOND";
    let mut i = 0;
    while i < caps.len() {
        t[caps[i] as usize] = MONTH_CAP;
        i += 1;
    }
    t
};

/// A cheap test that token `i` can start a fact at all: a number, a
/// currency sign, a capitalized word (month, "FY", "USD", "US$") or a
/// number word. Most words fail it at once.
fn may_start_fact(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    match t.kind {
        Kind::Num(_) => true,
        Kind::Punct(c) => words::currency_symbol(c).is_some(),
        Kind::Word => {
            // Length and first letter rule out most words before any text
            // comparison.
            let len = t.end - t.start;
            let first = ctx.src.as_bytes()[t.start];
            if first.is_ascii_lowercase() {
                // Number words are at most nine letters and start with one
                // of these.
                return len <= 9
                    && matches!(
                        first,
                        b'a' | b'h' | b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
                    )
                    && numwords::may_start(ctx.text(i));
            }
            if ctx.is_punct(i + 1, &['$']) && ctx.glued(i + 1) {
                return true;
            }
            // Currency codes, "FY", months and number words are short.
            if len > 9 {
                return false;
            }
            let w = ctx.text(i);
            if words::currency_code(w).is_some() || w == "FY" {
                return true;
            }
            month_or_number_word(w)
        }
    }
}

/// Whether `w`, in any case, is a month name or abbreviation or can begin a
/// spelled-out number: `words::month` or `numwords::may_start` of its
/// lowercase form, without lowercasing it (most capitalized words are
/// neither, and fail on their first letter or length).
fn month_or_number_word(w: &str) -> bool {
    const LISTED: lexicon::Flags =
        lexicon::MONTH | lexicon::MONTH_ABBR | lexicon::NUMBER | lexicon::TENS;
    // Month and number words are at most nine letters.
    w.len() <= 9
        && (lexicon::any_case_flags(w) & LISTED != 0
            || ["a", "an", "half"]
                .iter()
                .any(|s| s.eq_ignore_ascii_case(w)))
}

/// Whether a number token reads as a plain number: not part of an address,
/// a time, a version, a fraction, a code glued to letters, or a list marker.
pub fn plain_number(ctx: &Ctx<'_>, i: usize) -> bool {
    let Some(n) = ctx.num(i) else { return false };
    let t = &ctx.toks[i];
    if n.huge || t.url {
        return false;
    }
    if t.glued && i > 0 {
        match ctx.toks[i - 1].kind {
            Kind::Word | Kind::Num(_) => return false,
            Kind::Punct(c) => match c {
                '/' | ':' | '#' | '_' | '@' | '=' | '&' => return false,
                '.' | ',' if i >= 2 && ctx.glued(i - 1) => return false,
                '-' | '–' if i >= 2 && ctx.glued(i - 1) && ctx.word(i - 2).is_some() => {
                    return false;
                }
                _ => {}
            },
        }
    }
    if ctx.glued(i + 1) {
        match ctx.toks[i + 1].kind {
            Kind::Punct(':' | '/' | '.' | ',') if ctx.num(i + 2).is_some() && ctx.glued(i + 2) => {
                return false;
            }
            // "2. Submit …": a list marker, not "… since\n1970."
            Kind::Punct('.' | ')')
                if n.int_digits <= 3 && i + 2 < ctx.toks.len() && ctx.starts_line(i) =>
            {
                return false;
            }
            _ => {}
        }
    }
    if i > 0
        && ctx.punct(i - 1) == Some('(')
        && ctx.punct(i + 1) == Some(')')
        && ctx.starts_line(i - 1)
    {
        return false;
    }
    !time_after(ctx, i + 1)
}

/// Whether the tokens from `j` say a time of day ("a.m.", "pm", "o'clock").
pub fn time_after(ctx: &Ctx<'_>, j: usize) -> bool {
    let Some(w) = ctx.lower(j) else { return false };
    match w.as_str() {
        "am" | "pm" | "o'clock" | "noon" | "et" | "est" | "edt" | "pt" | "pst" | "ct" | "cst" => {
            true
        }
        "a" | "p" => ctx.is_punct(j + 1, &['.']) && ctx.is_word(j + 2, "m"),
        _ => false,
    }
}

/// Whether the word before token `i` marks the number as a label.
pub fn identifier_before(ctx: &Ctx<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if ctx.glued(i) && ctx.is_punct(i - 1, &['#']) {
        return true;
    }
    let Some(chunk) = ctx.chunk_span_before(i) else {
        return false;
    };
    // Identifier words are letters only; "H.R." reads as "hr" (periods
    // dropped). Anything else in the chunk rules it out, as does a chunk too
    // long to lowercase on the stack.
    if chunk.len() > 24 {
        return false;
    }
    let mut c = ArrayString::<24>::new();
    for &b in chunk.as_bytes() {
        if b.is_ascii_alphabetic() {
            c.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'.' {
            return false;
        }
    }
    words::identifier_word(&c) || matches!(c.as_str(), "s" | "l" | "hres" | "hjres" | "sres")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        v.iter()
            .map(|t| match t.kind {
                Kind::Num(n) => format!("N{}", n.value()),
                Kind::Word => format!("W{}", &s[t.start..t.end]),
                Kind::Punct(c) => format!("P{c}"),
            })
            .collect()
    }

    #[test]
    fn ascii_letters_match_a_byte_loop() {
        let slow = |b: &[u8]| {
            let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            (n, b[..n].iter().any(u8::is_ascii_uppercase))
        };
        let mut b = Vec::new();
        for c in 0..=255u8 {
            for k in 0..12 {
                b.clear();
                b.extend(std::iter::repeat_n(b'q', k));
                b.push(c);
                b.extend_from_slice(b"abcdefgh");
                assert_eq!(ascii_letters(&b), slow(&b), "{c} at {k}");
                b[0] = b'Q';
                assert_eq!(ascii_letters(&b), slow(&b), "{c} at {k}, capital");
            }
        }
    }

    #[test]
    fn numbers_keep_thousands_groups_and_decimals() {
        assert_eq!(
            kinds("$1,744.5 and 2,021, 3.1."),
            vec!["P$", "N1744.5", "Wand", "N2021", "P,", "N3.1", "P."]
        );
    }

    #[test]
    fn words_keep_apostrophes_but_not_hyphens() {
        assert_eq!(
            kinds("York’s low-income"),
            vec!["WYork’s", "Wlow", "P-", "Wincome"]
        );
    }

    #[test]
    fn url_chunks_are_marked() {
        let s = "see https://x.gov/2021/report or 2021";
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        let nums: Vec<bool> = v
            .iter()
            .filter(|t| matches!(t.kind, Kind::Num(_)))
            .map(|t| t.url)
            .collect();
        assert_eq!(nums, vec![true, false]);
    }

    #[test]
    fn sentences_without_fact_material_are_skipped() {
        assert!(!may_hold_fact(b"The mayor spoke to reporters at length."));
        assert!(!may_hold_fact(b"Lena Smith, DA, per the Dean."));
        for s in [
            "It rose 5 points.",
            "Paid in euros: \u{20ac}",
            "In October they met.",
            "a million kids",
            "five percent",
            "ten per cent",
            "two thousand",
            "a hundred",
            "in dollars",
            "costs \u{a3}",
            "in Dec",
        ] {
            assert!(may_hold_fact(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn every_month_initial_is_a_fact_byte() {
        for m in lexicon::words(lexicon::list::MONTHS) {
            let first = m.as_bytes()[0].to_ascii_uppercase();
            assert_eq!(FACT_BYTE[first as usize], MONTH_CAP, "{m}");
        }
    }

    #[test]
    fn month_or_number_word_agrees_with_the_word_lists() {
        let slow = |w: &str| {
            Lower::of(w).is_some_and(|l| {
                words::month(l.as_str()).is_some() || numwords::may_start(l.as_str())
            })
        };
        let known = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "a",
            "an",
            "half",
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "Mayor",
            "Junior",
            "Marc",
            "Sixth",
            "Hundred",
            "Million",
            "The",
            "Ten’s",
            "Août",
            "FY",
            "Seven’",
            "",
        ];
        for w in known {
            for v in [w.to_string(), w.to_uppercase(), {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }] {
                assert_eq!(month_or_number_word(&v), slow(&v), "{v}");
            }
        }
    }

    #[test]
    fn has_ascii_digit_matches_a_byte_loop() {
        let mut b = Vec::new();
        for c in 0..=255u8 {
            for k in 0..12 {
                b.clear();
                b.extend(std::iter::repeat_n(b'x', k));
                b.push(c);
                b.extend_from_slice(b"\xff/:@ ");
                assert_eq!(has_ascii_digit(&b), c.is_ascii_digit(), "{c} at {k}");
            }
        }
    }

    #[test]
    fn every_qualifier_ends_in_a_grouped_word() {
        for (phrase, _) in words::qualifiers() {
            let last = phrase.last().copied().unwrap_or_default();
            assert!(qualifier_ending(last).is_some(), "{phrase:?}");
        }
    }

    #[test]
    fn every_qualifier_is_found() {
        for (phrase, canon) in words::qualifiers() {
            let src = format!("{} 5", phrase.join(" "));
            let mut v = Vec::new();
            tokenize(&src, 0, src.len(), &mut v);
            let ctx = Ctx {
                src: &src,
                toks: &v,
            };
            assert_eq!(ctx.qualifier_before(v.len() - 1), Some(*canon), "{src}");
        }
    }

    #[test]
    fn scaled_values_are_exact() {
        let s = "1.744";
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        let Kind::Num(n) = v[0].kind else {
            panic!("not a number")
        };
        assert_eq!(n.scaled(12), 1_744_000_000_000.0);
    }
}

#[cfg(test)]
mod prop {
    use crate::extract::extract;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "0",
        "1",
        "7",
        "12",
        "31",
        "2021",
        "1,000",
        "3.5",
        "99999999999999999999999",
        " ",
        " ",
        "\n",
        "\n\n",
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "$",
        "%",
        ",",
        ".",
        "–",
        "-",
        "—",
        "/",
        ":",
        "(",
        ")",
        "#",
        "€",
        "£",
        "January",
        "Nov.",
        "May",
        "October",
        "million",
        "billion",
        "a",
        "and",
        "half",
        "eight",
        "twenty",
        "per",
        "in",
        "percent",
        "people",
        "Smith",
        "said",
        "é",
        "\u{a0}",
        "M",
        "bn",
        "st",
        "th",
        "mid",
        "FY",
        "to",
        "between",
        "https://x.gov/",
    ];

    fn check(src: &str) {
        let ex = extract("p", src);
        for f in &ex.facts {
            assert!(f.start <= f.end && f.end <= src.len(), "{f:?}");
            assert!(src.is_char_boundary(f.start) && src.is_char_boundary(f.end));
        }
    }

    proptest! {
        #[test]
        fn mixes_of_digits_marks_and_months_never_panic(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)
        ) {
            check(&parts.concat());
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            check(&String::from_utf8_lossy(&bytes));
        }
    }
}
