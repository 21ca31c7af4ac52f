//! Text cleanup and sentence boundaries, computed once per document in one
//! linear pass so every fact finder can ask "which sentence, which line?".

use crate::lexicon;

/// A sentence's byte range in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// A document's text with its line starts and sentences.
#[derive(Debug)]
pub struct Text<'a> {
    pub src: &'a str,
    line_starts: Vec<usize>,
    pub sentences: Vec<Sentence>,
    /// Where paragraphs start: after a blank line, or after a line that ends
    /// a sentence or is short (a heading); wrapped lines run on.
    paragraph_starts: Vec<usize>,
}

/// Whether a word (lowercase, or ASCII in any case) is one that ends with a
/// period without ending a sentence ([`lexicon::list::ABBREVIATIONS`]).
fn listed_abbreviation(word: &str) -> bool {
    lexicon::any_case_flags(word) & lexicon::ABBREVIATION != 0
}

impl<'a> Text<'a> {
    /// Indexes `src`: line starts and sentence boundaries.
    pub fn new(src: &'a str) -> Text<'a> {
        let mut line_starts = vec![0];
        // memchr's vectorised search: the line scan of core's `match_indices`
        // cost about 1% of extraction.
        line_starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        let sentences = split_sentences(src);
        let paragraph_starts = paragraph_starts(src, &line_starts);
        Text {
            src,
            line_starts,
            sentences,
            paragraph_starts,
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte)
    }

    /// The byte range of the paragraph containing `byte`.
    pub fn paragraph_range(&self, byte: usize) -> (usize, usize) {
        let i = self.paragraph_starts.partition_point(|&s| s <= byte);
        let start = i
            .checked_sub(1)
            .and_then(|k| self.paragraph_starts.get(k))
            .copied()
            .unwrap_or(0);
        let end = self
            .paragraph_starts
            .get(i)
            .copied()
            .unwrap_or(self.src.len());
        (start, end.max(start))
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        let start = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(self.src.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(self.src.len(), |&next| next.saturating_sub(1));
        (start, end.max(start))
    }

    /// The index of the sentence containing `byte` (or the nearest before it).
    pub fn sentence_index(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= byte);
        i.checked_sub(1)
    }

    /// The cleaned sentence (or sentences) covering `start..end`. A very
    /// long sentence (a table row run together, a page with no periods) is
    /// trimmed to a few hundred bytes around the span, so the work per fact
    /// stays bounded.
    pub fn sentence_for(&self, start: usize, end: usize) -> String {
        let (s, e) = self.sentence_range(start, end);
        clean(&self.src[s..e])
    }

    /// The byte range [`Text::sentence_for`] cleans for `start..end`: facts
    /// with the same range share one cleaned sentence.
    pub fn sentence_range(&self, start: usize, end: usize) -> (usize, usize) {
        self.sentence_range_at(&mut Cursor::default(), start, end)
    }

    /// [`Text::sentence_range`], looking up from where `cursor` was left:
    /// for facts taken in order of position.
    pub fn sentence_range_at(
        &self,
        cursor: &mut Cursor,
        start: usize,
        end: usize,
    ) -> (usize, usize) {
        let starts = |s: &Sentence| s.start;
        let first = count_upto(&self.sentences, starts, cursor.sentence, start);
        cursor.sentence = first;
        let last = count_upto(
            &self.sentences,
            starts,
            first,
            end.saturating_sub(1).max(start),
        );
        let (Some(a), Some(b)) = (first.checked_sub(1), last.checked_sub(1)) else {
            return (start, end);
        };
        let s = self.sentences[a].start.min(start);
        let e = self.sentences[b].end.max(end);
        self.around(s, e, start, end)
    }

    /// [`Text::line_of`], looking up from where `cursor` was left.
    pub fn line_at(&self, cursor: &mut Cursor, byte: usize) -> usize {
        cursor.line = count_upto(&self.line_starts, |&s| s, cursor.line, byte);
        cursor.line
    }

    /// `s..e` cut to at most [`CONTEXT`] bytes either side of `start..end`,
    /// at spaces, when it is longer than [`LONG_SENTENCE`].
    fn around(&self, s: usize, e: usize, start: usize, end: usize) -> (usize, usize) {
        if e - s <= LONG_SENTENCE {
            return (s, e);
        }
        let b = self.src.as_bytes();
        let mut ws = start.saturating_sub(CONTEXT).max(s);
        if ws > s {
            ws = b[ws..start]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(start, |p| ws + p + 1);
        }
        let mut we = (end + CONTEXT).min(e);
        if we < e {
            we = b[end..we]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(end, |p| end + p);
        }
        while !self.src.is_char_boundary(ws) {
            ws += 1;
        }
        while !self.src.is_char_boundary(we) {
            we -= 1;
        }
        (ws.min(start), we.max(end))
    }
}

/// Where the last sentence and line lookups ended (see
/// [`Text::sentence_range_at`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct Cursor {
    sentence: usize,
    line: usize,
}

/// How many of `v` (sorted by `key`) have a key up to `byte`, searching on
/// from `hint` (the answer for an earlier, smaller byte) when it fits:
/// offsets asked in order are found in a step or two.
fn count_upto<T>(v: &[T], key: impl Fn(&T) -> usize, hint: usize, byte: usize) -> usize {
    if hint > v.len() || (hint > 0 && key(&v[hint - 1]) > byte) {
        return v.partition_point(|x| key(x) <= byte);
    }
    let mut i = hint;
    for _ in 0..4 {
        match v.get(i) {
            Some(x) if key(x) <= byte => i += 1,
            _ => return i,
        }
    }
    i + v[i..].partition_point(|x| key(x) <= byte)
}

/// The last few sentences cleaned (or otherwise prepared), by byte range.
/// Facts come in order of position, so the facts of one sentence follow one
/// another: a handful of entries catches nearly every repeat, and memory
/// stays small however long the document.
#[derive(Debug)]
pub struct RecentSentences<T> {
    slots: Vec<((usize, usize), T)>,
    next: usize,
}

impl<T> Default for RecentSentences<T> {
    fn default() -> Self {
        RecentSentences {
            slots: Vec::with_capacity(RECENT),
            next: 0,
        }
    }
}

/// How many sentences [`RecentSentences`] keeps: a quote spanning sentences
/// interleaves with the numbers inside it.
const RECENT: usize = 4;

impl<T> RecentSentences<T> {
    /// The entry for `range`, made by `make` when it is not kept.
    pub fn get_or_insert_with(&mut self, range: (usize, usize), make: impl FnOnce() -> T) -> &T {
        let i = match self.slots.iter().position(|(r, _)| *r == range) {
            Some(i) => i,
            None if self.slots.len() < RECENT => {
                self.slots.push((range, make()));
                self.slots.len() - 1
            }
            None => {
                let i = self.next;
                self.next = (i + 1) % RECENT;
                self.slots[i] = (range, make());
                i
            }
        };
        &self.slots[i].1
    }
}

/// Sentences longer than this are shown only around the fact.
pub const LONG_SENTENCE: usize = 800;
/// Bytes of context kept either side of a fact in a long sentence.
pub const CONTEXT: usize = 300;

/// Paragraph starts: line starts after a blank line, or after a line that
/// ends a sentence or is shorter than a wrapped line.
fn paragraph_starts(src: &str, line_starts: &[usize]) -> Vec<usize> {
    let mut out = vec![0];
    for (k, w) in line_starts.windows(2).enumerate() {
        let prev = src[w[0]..w[1]].trim();
        let next_end = line_starts.get(k + 2).copied().unwrap_or(src.len());
        let next = &src[w[1]..next_end];
        let ends = prev.is_empty()
            || (prev.ends_with(['.', '!', '?', ':', '"', '”']) && !quote_runs_on(prev))
            || prev.chars().count() < WRAPPED_LINE
            || not_wrapped(prev, next);
        if ends && out.last() != Some(&w[1]) {
            out.push(w[1]);
        }
    }
    out
}

/// The longest sentence, in bytes, before it is cut at a space.
pub const MAX_SENTENCE: usize = 4096;

/// Splits text into sentences: at `.`, `!`, `?` (plus closing quotes or brackets)
/// before a capital, digit or opening quote; at line breaks that end a paragraph,
/// heading or list item; and at headings run into the previous sentence with no
/// space ("$4,200.Shared Ground").
pub fn split_sentences(src: &str) -> Vec<Sentence> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        let piece = &src[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(Sentence {
                start: s + lead,
                end: e - trail,
            });
        }
    };
    while i < b.len() {
        // A run with no sentence end (a table, a dump, a 50 MB line) is cut
        // at a space so later per-sentence work stays bounded.
        if i - start >= MAX_SENTENCE && src.is_char_boundary(i) {
            let lo = start + MAX_SENTENCE / 2;
            let cut = b[lo..i]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(i, |p| lo + p + 1);
            push(&mut out, start, cut);
            start = cut;
        }
        // Jump to the next byte that can end a sentence (or to the length
        // limit): most bytes are none of these.
        let limit = (start + MAX_SENTENCE).clamp(i + 1, b.len());
        match next_stop(&b[i..limit]) {
            Some(p) => i += p,
            None => {
                i = limit;
                continue;
            }
        }
        match b[i] {
            b'\n' => {
                if line_break_ends_sentence(src, i) {
                    push(&mut out, start, i);
                    start = i + 1;
                }
                i += 1;
            }
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                j = skip_closers(src, j);
                if j >= b.len() {
                    i = j;
                    continue;
                }
                let next = src[j..].chars().next().unwrap_or(' ');
                if next == ' ' || next == '\t' || next == '\u{a0}' {
                    let k = j + src[j..].len()
                        - src[j..].trim_start_matches([' ', '\t', '\u{a0}']).len();
                    let opener = src[k..].chars().next().unwrap_or(' ');
                    if (opener.is_uppercase() || opener.is_ascii_digit() || is_open_mark(opener))
                        && !(b[i] == b'.' && is_abbreviation(src, i))
                        && !(b[i] == b'.' && opener.is_ascii_digit() && label_abbreviation(src, i))
                        && !(b[i] == b'.' && list_marker(src, i))
                    {
                        push(&mut out, start, j);
                        start = j;
                    }
                } else if b[i] == b'.' && run_in_heading(src, i, j) {
                    push(&mut out, start, j);
                    start = j;
                }
                i = j.max(i + 1);
            }
            _ => i += 1,
        }
    }
    push(&mut out, start, b.len());
    out
}

/// The first `\n`, `.`, `!` or `?` in `b`, eight bytes at a time.
fn next_stop(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    for chunk in b.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        let hit = zero(w ^ (ONES * u64::from(b'\n')))
            | zero(w ^ (ONES * u64::from(b'.')))
            | zero(w ^ (ONES * u64::from(b'!')))
            | zero(w ^ (ONES * u64::from(b'?')));
        if hit != 0 {
            break;
        }
        at += 8;
    }
    b[at..]
        .iter()
        .position(|&c| matches!(c, b'\n' | b'.' | b'!' | b'?'))
        .map(|p| at + p)
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'')
}

fn skip_closers(src: &str, mut j: usize) -> usize {
    while let Some(c) = src[j..].chars().next() {
        if matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The word before the period at `dot` is an abbreviation or an initial.
fn is_abbreviation(src: &str, dot: usize) -> bool {
    // Only the word before the dot matters; looking further back would make
    // "a.b.c.d…" quadratic.
    let mut lo = dot.saturating_sub(64);
    while !src.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &src[lo..dot];
    // ASCII letters, digits and dots back from the dot, byte by byte; a
    // non-ASCII character before them needs the Unicode test.
    let b = src.as_bytes();
    let mut i = dot;
    while i > lo && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.') {
        i -= 1;
    }
    let word_start = if i == lo || b[i - 1] < 0x80 {
        i - lo
    } else {
        before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            })
    };
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital initial ("Donald J. Trump").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if word.is_ascii() {
        // The common case, without allocating: ASCII lowercases in place.
        return listed_abbreviation(word)
            || (word.contains('.') && word.len() <= 5 && !word.ends_with('.'));
    }
    let lower = word.to_lowercase();
    listed_abbreviation(&lower)
        || (lower.contains('.') && lower.len() <= 5 && !lower.ends_with('.'))
}

/// A short capitalized word before a period and a number is a label's
/// abbreviation ("Prop. 47", "Fig. 2", "Pub. L. 117"), not a sentence end.
fn label_abbreviation(src: &str, dot: usize) -> bool {
    let before = &src.as_bytes()[dot.saturating_sub(5)..dot];
    let letters = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let start = dot - letters;
    (1..=4).contains(&letters)
        && src.as_bytes()[start].is_ascii_uppercase()
        && (start == 0 || !src.as_bytes()[start - 1].is_ascii_alphanumeric())
}

/// The period of a numbered list item ("2. Submit comments") at the start
/// of a line.
fn list_marker(src: &str, dot: usize) -> bool {
    let b = src.as_bytes();
    let digits = b[dot.saturating_sub(4)..dot]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let start = dot - digits;
    let lead = b[start.saturating_sub(8)..start]
        .iter()
        .rev()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let at = start - lead;
    at == 0 || (b[at - 1] == b'\n' && line_break_ends_sentence(src, at - 1))
}

/// A period glued to a capitalized word: "…$4,200.Shared Ground".
fn run_in_heading(src: &str, dot: usize, after: usize) -> bool {
    let prev = src[..dot].chars().next_back().unwrap_or(' ');
    let mut rest = src[after..].chars();
    let (Some(a), Some(b)) = (rest.next(), rest.next()) else {
        return false;
    };
    (prev.is_ascii_digit() || prev.is_lowercase())
        && a.is_uppercase()
        && b.is_lowercase()
        && !is_abbreviation(src, dot)
}

/// Whether the line break at `nl` ends a sentence: after a blank line, before
/// a blank line, heading or list item, after a line ending in sentence
/// punctuation, or unless the next line continues in lowercase.
fn line_break_ends_sentence(src: &str, nl: usize) -> bool {
    let rest = &src[nl + 1..];
    let next_line = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let next = next_line.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    if matches!(first, '#' | '-' | '*' | '>' | '|' | '+') {
        return true;
    }
    let prev_line = &src[memchr::memrchr(b'\n', &src.as_bytes()[..nl]).map_or(0, |i| i + 1)..nl];
    let prev_line = prev_line.trim_end();
    if prev_line.is_empty() {
        return true;
    }
    // "… due by Sept.\n30": an abbreviation at the end of a wrapped line.
    let abbreviated = prev_line.ends_with('.')
        && prev_line.len() >= 2
        && is_abbreviation(
            src,
            prev_line.as_ptr() as usize - src.as_ptr() as usize + prev_line.len() - 1,
        );
    if prev_line.starts_with('#') {
        return true;
    }
    if abbreviated {
        return false;
    }
    // "“…,”\nSen. Ana Ruiz said.": the attribution is on the next line.
    if prev_line.ends_with([',', ';']) || quote_runs_on(prev_line) {
        return false;
    }
    if prev_line.ends_with(['.', '!', '?', ':', '"', '”']) {
        return true;
    }
    if not_wrapped(prev_line, next_line) {
        return true;
    }
    if first.is_ascii_digit() || first == '$' {
        // A hard-wrapped sentence ("… on November\n17, 2025", "more than\n300
        // people") goes on; a numbered item ("2. Submit") or a line after a
        // short heading-like line starts anew.
        let mut rest = next.bytes().skip_while(u8::is_ascii_digit);
        let numbered = matches!(rest.next(), Some(b'.' | b')')) && rest.next() == Some(b' ');
        return numbered || prev_line.chars().count() < WRAPPED_LINE;
    }
    if first.is_uppercase() && wrapped_prose(prev_line) {
        // "… hired since\nJanuary under …": a wrapped line, not a heading.
        return false;
    }
    !(first.is_lowercase())
}

/// A line ending in a quotation closed after a comma ("…we will,”"): the
/// sentence goes on with its attribution.
fn quote_runs_on(line: &str) -> bool {
    line.strip_suffix(['"', '”'])
        .is_some_and(|l| l.ends_with([',', '—']))
}

/// Whether a line followed by `next` cannot be prose wrapped at a fixed
/// width: the next line runs far past it, so this one was cut short on
/// purpose (a headline over an article written one paragraph a line).
fn not_wrapped(line: &str, next: &str) -> bool {
    // Count no further than needed: a long paragraph need not be walked.
    let width = line.chars().count();
    next.trim_end().chars().take(width + 31).count() > width + 30
}

/// A long line of mostly lowercase words that stops mid-sentence: prose
/// wrapped at a fixed width, not a heading.
fn wrapped_prose(line: &str) -> bool {
    if line.chars().count() < 50 {
        return false;
    }
    let (mut words, mut lower) = (0, 0);
    for w in line.split_whitespace() {
        match w.chars().next() {
            Some(c) if c.is_lowercase() => {
                words += 1;
                lower += 1;
            }
            Some(c) if c.is_alphabetic() => words += 1,
            _ => {}
        }
    }
    lower * 2 > words
}

/// A line at least this long that ends mid-sentence is taken to be wrapped.
const WRAPPED_LINE: usize = 40;

/// Cleans a sentence for display: Markdown markers and links removed,
/// whitespace collapsed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    clean_into(s, &mut out);
    out
}

/// [`clean`] into `out` (cleared first), reusing its memory.
pub fn clean_into(s: &str, out: &mut String) {
    out.clear();
    let mut collapse = Collapse {
        out,
        space: false,
        empty: true,
    };
    if memchr::memchr(b'[', s.as_bytes()).is_some() {
        // A link may run over a line break: join the lines first.
        let mut joined = String::with_capacity(s.len());
        for l in s.lines().map(unmark_line) {
            if !joined.is_empty() && !l.is_empty() {
                joined.push(' ');
            }
            joined.push_str(l);
        }
        collapse.feed(&strip_links(&joined));
        return;
    }
    // The lines joined by single spaces, fed to the collapser without
    // building the joined string.
    let mut joined_empty = true;
    for l in s.lines().map(unmark_line) {
        if l.is_empty() {
            continue;
        }
        if !joined_empty {
            collapse.space = true;
        }
        joined_empty = false;
        collapse.feed(l);
    }
}

/// A line without surrounding whitespace, heading and quote markers, or a
/// list bullet.
fn unmark_line(line: &str) -> &str {
    let mut l = line.trim();
    l = l.trim_start_matches('#').trim_start();
    l = l.trim_start_matches('>').trim_start();
    if let Some(rest) = l
        .strip_prefix("- ")
        .or_else(|| l.strip_prefix("* "))
        .or_else(|| l.strip_prefix("+ "))
    {
        l = rest;
    }
    l
}

/// Drops emphasis markers (`**`, `__`) and backticks and collapses
/// whitespace, a piece of text at a time. Only whole characters are
/// dropped, so the result stays UTF-8.
struct Collapse<'o> {
    out: &'o mut String,
    /// Whitespace was seen since the last character kept.
    space: bool,
    /// Nothing kept yet: leading whitespace is dropped.
    empty: bool,
}

/// ASCII bytes [`Collapse`] keeps as they are: not whitespace, emphasis
/// markers or backticks.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0x21;
    while c < 0x7f {
        t[c] = !matches!(c as u8, b'*' | b'_' | b'`');
        c += 1;
    }
    t
};

impl Collapse<'_> {
    fn feed(&mut self, s: &str) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let end = if c < 0x80 {
                if (c == b'*' || c == b'_') && b.get(i + 1) == Some(&c) {
                    i += 2;
                    continue;
                }
                if c == b'`' {
                    i += 1;
                    continue;
                }
                if c.is_ascii_whitespace() {
                    self.space = true;
                    i += 1;
                    continue;
                }
                // A run of plain ASCII is kept whole, with the single
                // spaces between its words (they collapse to themselves).
                let mut j = i + 1;
                while j < b.len() {
                    if PLAIN[usize::from(b[j])] {
                        j += 1;
                    } else if b[j] == b' ' && b.get(j + 1).is_some_and(|&n| PLAIN[usize::from(n)]) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                j
            } else {
                let ch = s[i..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    self.space = true;
                    i += ch.len_utf8();
                    continue;
                }
                i + ch.len_utf8()
            };
            if self.space && !self.empty {
                self.out.push(' ');
            }
            self.space = false;
            self.empty = false;
            self.out.push_str(&s[i..end]);
            i = end;
        }
    }
}

/// `[text](url)` becomes `text`.
fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split_sentences(s)
            .iter()
            .map(|x| &s[x.start..x.end])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_but_not_titles_or_initials() {
        assert_eq!(
            sentences("Gov. Jane Q. Public spoke. The Dr. left at 5 p.m. Friday. Done!"),
            vec![
                "Gov. Jane Q. Public spoke.",
                "The Dr. left at 5 p.m. Friday.",
                "Done!"
            ]
        );
    }

    #[test]
    fn splits_heading_run_into_previous_sentence() {
        assert_eq!(
            sentences("Rent is $4,200.Shared Ground in a City\nNext line."),
            vec!["Rent is $4,200.", "Shared Ground in a City", "Next line."]
        );
    }

    #[test]
    fn keeps_decimals_and_joins_hard_wrapped_lines() {
        assert_eq!(
            sentences("It cost $1.5 billion and\nmore than expected. Then 3.2% rose."),
            vec![
                "It cost $1.5 billion and\nmore than expected.",
                "Then 3.2% rose."
            ]
        );
    }

    #[test]
    fn quote_closing_mark_stays_with_its_sentence() {
        assert_eq!(
            sentences("She said, \"We won.\" Then she left."),
            vec!["She said, \"We won.\"", "Then she left."]
        );
    }

    #[test]
    fn long_runs_are_cut_at_a_space() {
        let s = "word ".repeat(3000);
        let parts = split_sentences(&s);
        assert!(parts.len() >= 2);
        assert!(parts.iter().all(|p| p.end - p.start <= MAX_SENTENCE));
        assert!(parts.iter().all(|p| !s[p.start..p.end].starts_with(' ')));
    }

    #[test]
    fn long_sentences_are_shown_around_the_fact() {
        let s = format!(
            "{} the fact is here {}",
            "lead ".repeat(400),
            "tail ".repeat(400)
        );
        let t = Text::new(&s);
        let at = s.find("fact").unwrap_or(0);
        let shown = t.sentence_for(at, at + 4);
        assert!(shown.contains("the fact is here"));
        assert!(shown.len() <= 2 * CONTEXT + 10, "{}", shown.len());
        assert!(shown.starts_with("lead") && shown.ends_with("tail"));
    }

    #[test]
    fn label_abbreviations_before_numbers_do_not_end_sentences() {
        assert_eq!(
            sentences("Prop. 47 passed. It rose in 2019. 2020 was worse."),
            vec!["Prop. 47 passed.", "It rose in 2019.", "2020 was worse."]
        );
    }

    #[test]
    fn hard_wrapped_numbers_stay_in_their_sentence() {
        assert_eq!(
            sentences(
                "The agency said that it would finish all of the work on November\n17, 2025, and that the program would serve more than\n300 people.\n1. Apply now.\n2. Wait."
            ),
            vec![
                "The agency said that it would finish all of the work on November\n17, 2025, and that the program would serve more than\n300 people.",
                "1. Apply now.",
                "2. Wait."
            ]
        );
    }

    #[test]
    fn a_line_ending_in_an_abbreviation_runs_on() {
        assert_eq!(
            sentences("Grants go out by Sept.\n30. Congress agreed."),
            vec!["Grants go out by Sept.\n30.", "Congress agreed."]
        );
    }

    #[test]
    fn a_headline_over_a_longer_line_is_its_own_sentence() {
        let s = "Census estimates show growth continuing across the southern states\n\
                 The South added more than 1.7 million residents last year, accounting for \
                 most of the nation's growth, according to estimates released on Thursday.\n";
        let got = sentences(s);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("The South added"), "{got:?}");
    }

    #[test]
    fn a_quotation_closed_after_a_comma_runs_on_to_its_attribution() {
        let s = "\"We did the work tonight, but nobody should be proud of the last hour,\"\n\
                 Senate Majority Leader Tom Reddy told reporters after the vote.\n";
        assert_eq!(sentences(s).len(), 1, "{:?}", sentences(s));
        let t = Text::new(s);
        assert_eq!(t.paragraph_range(s.len() - 3).0, 0);
    }

    #[test]
    fn wrapped_prose_runs_on_into_a_capitalized_word() {
        assert_eq!(
            sentences(
                "Agents were hired at a steady pace in the months since\nJanuary under the plan.\nWhy This Matters\nThe plan is new."
            ),
            vec![
                "Agents were hired at a steady pace in the months since\nJanuary under the plan.",
                "Why This Matters",
                "The plan is new."
            ]
        );
    }

    #[test]
    fn clean_keeps_other_scripts_and_collapses_unicode_spaces() {
        assert_eq!(
            clean("  Café\u{a0}\u{a0}**naïve**  `x` ___y___ “ok” — 東京\n"),
            "Café naïve x _y_ “ok” — 東京"
        );
    }

    #[test]
    fn cursor_lookups_match_binary_search() {
        let src = "One. Two is here.\nThree? Four!\n\nFive six. Seven.\n";
        let t = Text::new(src);
        let mut cursor = Cursor::default();
        for start in 0..src.len() {
            for end in [start + 1, (start + 9).min(src.len())] {
                let mut fresh = cursor;
                assert_eq!(
                    t.sentence_range_at(&mut fresh, start, end),
                    t.sentence_range(start, end)
                );
            }
            t.sentence_range_at(&mut cursor, start, start + 1);
            assert_eq!(t.line_at(&mut cursor, start), t.line_of(start));
        }
        // Going back falls back to a full search.
        assert_eq!(
            t.sentence_range_at(&mut cursor, 0, 3),
            t.sentence_range(0, 3)
        );
        assert_eq!(t.line_at(&mut cursor, 0), 1);
    }

    /// `is_abbreviation` as first written (Unicode search, lowercase copy).
    fn is_abbreviation_reference(src: &str, dot: usize) -> bool {
        let mut lo = dot.saturating_sub(64);
        while !src.is_char_boundary(lo) {
            lo += 1;
        }
        let before = &src[lo..dot];
        let word_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        if word.is_empty() {
            return false;
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_uppercase();
        }
        let lower = word.to_lowercase();
        listed_abbreviation(&lower)
            || (lower.contains('.') && lower.len() <= 5 && !lower.ends_with('.'))
    }

    proptest::proptest! {
        #[test]
        fn abbreviations_match_the_reference(
            s in "([a-zA-Z0-9. ,]|Mr|DR|Sept|É|é|ß|\u{212a}|x{30}){0,30}\\."
        ) {
            let dot = s.len() - 1;
            proptest::prop_assert_eq!(is_abbreviation(&s, dot), is_abbreviation_reference(&s, dot));
        }
    }

    #[test]
    fn next_stop_finds_the_first_sentence_mark() {
        for text in [
            "",
            "abc",
            "abcdefghij.",
            "abcdefgh\nij",
            "a?b.c",
            "0123456789abcdef!",
        ] {
            let want = text
                .bytes()
                .position(|c| matches!(c, b'\n' | b'.' | b'!' | b'?'));
            assert_eq!(next_stop(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn abbreviations_after_other_scripts_and_long_words() {
        assert_eq!(
            sentences("Café Dr. Ruiz came. Élan Mr. Lee left. X.Y. Zed went."),
            vec![
                "Café Dr. Ruiz came.",
                "Élan Mr. Lee left.",
                "X.Y. Zed went."
            ]
        );
        assert_eq!(
            sentences("The ÉtatsUnis. Then more."),
            vec!["The ÉtatsUnis.", "Then more."]
        );
    }

    #[test]
    fn lines_are_one_based() {
        let t = Text::new("a\nbb\nccc");
        assert_eq!(
            (t.line_of(0), t.line_of(2), t.line_of(5), t.line_of(7)),
            (1, 2, 3, 3)
        );
    }

    /// `clean` as it was first written: join the lines, strip links, then
    /// collapse. The streaming version must give the same text.
    fn clean_reference(s: &str) -> String {
        let mut out = String::new();
        for l in s.lines().map(unmark_line) {
            if !out.is_empty() && !l.is_empty() {
                out.push(' ');
            }
            out.push_str(l);
        }
        let out = if out.contains('[') {
            strip_links(&out)
        } else {
            out
        };
        let b = out.as_bytes();
        let mut collapsed: Vec<u8> = Vec::new();
        let mut space = false;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let width = if c < 0x80 {
                if (c == b'*' || c == b'_') && b.get(i + 1) == Some(&c) {
                    i += 2;
                    continue;
                }
                if c == b'`' {
                    i += 1;
                    continue;
                }
                if c.is_ascii_whitespace() {
                    space = true;
                    i += 1;
                    continue;
                }
                1
            } else {
                let ch = out[i..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    space = true;
                    i += ch.len_utf8();
                    continue;
                }
                ch.len_utf8()
            };
            if space && !collapsed.is_empty() {
                collapsed.push(b' ');
            }
            space = false;
            collapsed.extend_from_slice(&b[i..i + width]);
            i += width;
        }
        String::from_utf8(collapsed).unwrap_or_default()
    }

    proptest::proptest! {
        #[test]
        fn clean_matches_the_reference(
            s in "([ab*_`#>+\\-\\[\\]()\n\r\t \u{a0}\u{2003}é]|\\*\\*|- |\\[x\\]\\(y\\)){0,40}"
        ) {
            proptest::prop_assert_eq!(clean(&s), clean_reference(&s));
        }
    }

    #[test]
    fn clean_matches_the_reference_on_markdown() {
        for s in [
            "",
            "\n\n",
            "``\n**x**",
            "a*\n*b",
            "a_\n_b __c__ ___d___",
            "  # Head  \n> - item **bold**\n* [link](u)\n+ `code`",
            "x\u{a0}\u{a0}y\u{2003}z\r\n\r\nw",
            "[a\nb](c) d",
        ] {
            assert_eq!(clean(s), clean_reference(s), "{s:?}");
        }
    }

    #[test]
    fn clean_removes_markdown() {
        assert_eq!(
            clean("## **Big** [news](http://x.y)  here\n- item"),
            "Big news here item"
        );
    }
}
