//! Finds the people a document names, with roles and aliases, so quotes can be
//! attributed to a full name and later stages can draw distractors.
//!
//! A capitalized run of words is a person when a title or role stands before
//! it ("Governor Jane Q. Public", "press secretary Sam Lee") or after it ("Ana
//! Ruiz, the city's budget director,"), or when it is the subject of a
//! reporting verb ("Ruiz said", "said Ana Ruiz"). Every later use of the same
//! last name is a mention of that person; the fullest form is the name.
//! Two linear passes over the words; no look-back beyond a few words.

use super::names::{self, Gender};
use super::outlets;
use super::text::Text;
use crate::model::Person;
use std::collections::{HashMap, HashSet};

/// The people of one document, and where each is mentioned.
#[derive(Debug, Default, Clone)]
pub struct People {
    pub people: Vec<Person>,
    /// Every mention of a known person, in document order.
    pub mentions: Vec<Mention>,
    /// Each person's gender where titles, given names or pronouns show it.
    pub genders: Vec<Option<Gender>>,
    /// The news organisations the document cites, in order.
    pub outlets: Vec<String>,
}

/// One place the document names a known person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name (with its title, when one stands before it).
    pub start: usize,
    pub end: usize,
    /// Index into [`People::people`].
    pub person: usize,
    /// The name follows a preposition, article or participle ("addressing
    /// Smith", "with Smith"): an object, unlikely to be the one speaking.
    pub object: bool,
    /// "Smith’s office".
    pub possessive: bool,
}

impl People {
    /// The mentions whose start lies in `start..end`.
    pub fn mentions_in(&self, start: usize, end: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        &self.mentions[a..b.max(a)]
    }

    /// Whether this person fits a pronoun of gender `g` (unknown genders fit).
    pub fn fits(&self, person: usize, g: Option<Gender>) -> bool {
        match (g, self.genders.get(person).copied().flatten()) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        }
    }
}

/// A word's byte range in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// The word's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// Abbreviations whose period belongs to the word ("Gov.", "Jr.").
fn is_dotted(w: &str) -> bool {
    matches!(
        w,
        "Gov"
            | "Sen"
            | "Rep"
            | "Reps"
            | "Dr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Jr"
            | "Sr"
            | "Lt"
            | "Gen"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "Hon"
            | "Atty"
            | "Supt"
            | "Del"
            | "Cmdr"
            | "Maj"
            | "St"
            | "Ft"
            | "Mt"
    )
}

/// A letter or digit; general punctuation (quotes, dashes) answered without
/// the Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

// Bytes `word_end` has stepped over, so a test can show the word scan stays
// linear without timing it.
#[cfg(test)]
thread_local! {
    static WORD_STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn char_at(src: &str, i: usize) -> Option<char> {
    src.get(i..).and_then(|s| s.chars().next())
}

/// The end of the word that starts at `start`: letters and digits, joined by
/// inner apostrophes and hyphens ("don’t", "Mayor-elect"), with the period
/// of an initial or a title abbreviation ("J.", "U.S.", "Gov.").
pub fn word_end(src: &str, start: usize) -> usize {
    word_end_before(src, start, src.len())
}

/// [`word_end`], looking no further than `to`: callers scanning a window
/// must not walk the rest of a long run ("1.1.1.…") once per window.
fn word_end_before(src: &str, start: usize, to: usize) -> usize {
    let src = if to < src.len() {
        &src[..src.floor_char_boundary(to)]
    } else {
        src
    };
    let b = src.as_bytes();
    let mut j = start;
    let mut segment = 0usize;
    let mut dotted = false;
    loop {
        // ASCII letters and digits without decoding.
        let from = j;
        j = skip_alnum(b, j);
        segment += j - from;
        // Most words end at a space or comma: no decoding needed.
        let c = match b.get(j) {
            None => break,
            Some(&x) if x < 0x80 => {
                if !matches!(x, b'\'' | b'-' | b'.') {
                    break;
                }
                char::from(x)
            }
            Some(_) => match char_at(src, j) {
                Some(c) => c,
                None => break,
            },
        };
        if is_word_char(c) {
            j += c.len_utf8();
            segment += 1;
            continue;
        }
        if matches!(c, '\'' | '’' | '-' | '.') {
            let after = j + c.len_utf8();
            let next = char_at(src, after);
            if next.is_some_and(is_word_char) && (c != '.' || segment == 1) {
                dotted |= c == '.';
                j = after;
                segment = 0;
                continue;
            }
            if c == '.' {
                let w = &src[start..j];
                let initial = segment == 1 && w.chars().next_back().is_some_and(char::is_uppercase);
                if initial || dotted || is_dotted(w) {
                    j = after;
                }
            }
        }
        break;
    }
    #[cfg(test)]
    WORD_STEPS.with(|c| c.set(c.get() + (j - start)));
    j
}

/// The first index at or after `j` whose byte is not an ASCII letter or
/// digit, eight bytes at a time.
fn skip_alnum(b: &[u8], mut j: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte (all below 0x80): the byte is at least `lo`.
    let at_least = |v: u64, lo: u8| (v + u64::from(0x80 - lo) * ONES) & HIGH;
    while j + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[j..j + 8]);
        let x = u64::from_le_bytes(chunk);
        let low = x & !HIGH;
        let folded = low | (0x20 * ONES);
        let letter = at_least(folded, b'a') & !at_least(folded, b'{');
        let digit = at_least(low, b'0') & !at_least(low, b':');
        let stop = !((letter | digit) & !x) & HIGH;
        if stop != 0 {
            return j + (stop.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    j
}

/// The words of `src[from..to]`, in order.
pub fn words(src: &str, from: usize, to: usize) -> impl Iterator<Item = Word> + '_ {
    let to = to.min(src.len());
    let mut pos = src.floor_char_boundary(from.min(to));
    let b = src.as_bytes();
    std::iter::from_fn(move || {
        while pos < to {
            // ASCII without decoding: punctuation is skipped, a letter or
            // digit starts a word.
            if b[pos] < 0x80 {
                if !b[pos].is_ascii_alphanumeric() {
                    pos += 1;
                    continue;
                }
                let end = word_end_before(src, pos, to);
                let w = Word { start: pos, end };
                pos = end.max(pos + 1);
                return Some(w);
            }
            let c = char_at(src, pos)?;
            if is_word_char(c) {
                let end = word_end_before(src, pos, to);
                let w = Word { start: pos, end };
                pos = end.max(pos + c.len_utf8());
                return Some(w);
            }
            pos += c.len_utf8();
        }
        None
    })
}

/// Starts with a capital letter.
pub fn is_capitalized(w: &str) -> bool {
    // Most words start with an ASCII letter: no decoding or Unicode tables.
    match w.as_bytes().first() {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// "Smith’s" → ("Smith", true); "Jones’" (with the mark after it) is handled by
/// [`possessive_after`].
pub fn strip_possessive(w: &str) -> (&str, bool) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && matches!(b[n - 1], b's' | b'S') {
        if b[n - 2] == b'\'' {
            return (&w[..n - 2], true);
        }
        if n >= 4 && b[n - 4..n - 1] == *"’".as_bytes() {
            return (&w[..n - 4], true);
        }
    }
    (w, false)
}

/// A word ending in `s` followed by a bare apostrophe ("Queens’ district").
pub(crate) fn possessive_after(src: &str, w: Word) -> bool {
    let b = src.as_bytes();
    let mark = b.get(w.end) == Some(&b'\'') || b[w.end..].starts_with("’".as_bytes());
    mark && w.end > 0 && b[w.end - 1] == b's'
}

/// The longest run of capitalized words considered; longer runs are cut.
const MAX_RUN: usize = 12;

/// Calls `f` with every maximal run of capitalized words in `src`. A run ends at
/// punctuation, a line break or a possessive.
///
/// Only capitals are visited: a fast scan jumps from one capital letter that
/// starts a word to the next, and only those words are tokenised. The runs
/// are the ones a word-by-word walk of [`words`] gives (a test checks this).
pub fn for_each_run(src: &str, mut f: impl FnMut(&[Word])) {
    let b = src.as_bytes();
    let mut run: Vec<Word> = Vec::with_capacity(8);
    let mut pos = 0;
    while let Some(start) = next_capital_word(src, pos) {
        let mut w = Word {
            start,
            end: word_end_before(src, start, src.len()),
        };
        run.clear();
        run.push(w);
        pos = w.end;
        loop {
            if strip_possessive(w.text(src)).1 || possessive_after(src, w) {
                break;
            }
            // The next word must follow after one to three bytes of spaces.
            let mut q = w.end;
            while q < b.len() && q - w.end <= 3 {
                match b[q] {
                    b' ' | b'\t' => q += 1,
                    0xC2 if b.get(q + 1) == Some(&0xA0) => q += 2,
                    _ => break,
                }
            }
            if q == w.end || q - w.end > 3 {
                break;
            }
            let Some(c) = char_at(src, q) else {
                break;
            };
            if !c.is_uppercase() {
                // A lowercase word, a digit or punctuation ends the run.
                break;
            }
            let next = Word {
                start: q,
                end: word_end_before(src, q, src.len()),
            };
            pos = next.end;
            if run.len() == MAX_RUN {
                // A word past the limit is dropped, and the run ends there.
                break;
            }
            run.push(next);
            w = next;
        }
        f(&run);
    }
}

/// The next position at or after `from` where a word starting with a capital
/// letter begins.
fn next_capital_word(src: &str, from: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    loop {
        i = next_capital_or_non_ascii(b, i)?;
        if b[i] < 0x80 {
            if starts_word(src, i) {
                return Some(i);
            }
            i += 1;
        } else if b[i] >= 0xC0 {
            // A character's first byte: decoded only here.
            let c = char_at(src, i)?;
            if c.is_uppercase() && starts_word(src, i) {
                return Some(i);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
}

/// The first byte at or after `from` that is an ASCII capital or not ASCII,
/// eight bytes at a time.
fn next_capital_or_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let low = x & !HIGH;
        // High bit of each byte: at least 'A', and at least '[' (one past 'Z').
        let from_a = low + 0x3F3F_3F3F_3F3F_3F3F;
        let past_z = low + 0x2525_2525_2525_2525;
        let hits = ((from_a & !past_z) | x) & HIGH;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len()).find(|&k| b[k].is_ascii_uppercase() || b[k] >= 0x80)
}

/// Whether a word starts at `p`, given that a word character is there: no
/// word runs on into it, across a letter or digit right before it, or across
/// a joining apostrophe, hyphen or initial's period (see [`word_end`]).
fn starts_word(src: &str, p: usize) -> bool {
    let before = &src[..p];
    let mut back = before.chars().rev();
    let Some(c) = back.next() else {
        return true;
    };
    if is_word_char(c) {
        return false;
    }
    if !matches!(c, '\'' | '’' | '-' | '.') {
        return true;
    }
    // A joiner joins when a word ends right before it; a period only after
    // a one-character segment ("U.S.", "J.R."), not after "200." or "Gov.".
    let joins = match back.next() {
        Some(d) if is_word_char(d) => c != '.' || !back.next().is_some_and(is_word_char),
        _ => false,
    };
    !joins
}

/// A word (without its possessive, its lists `f` known) that can be part of
/// a person's name.
fn is_name_word(w: &str, f: names::Flags) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // An initial: "J." or "J".
    let rest = chars.as_str();
    if rest.is_empty() || rest == "." {
        return true;
    }
    let listed = names::STOP
        | names::CALENDAR_WORD
        | names::ORG
        | names::WEAK_ORG
        | names::OUTLET
        | names::TITLE
        | names::VERB;
    if f & listed != 0 {
        return false;
    }
    if w.is_ascii() {
        // One pass for the common case: no digit or period, some lowercase,
        // and where an apostrophe or hyphen is.
        let mut lower = false;
        let mut apostrophe = None;
        let mut hyphen = false;
        for (i, &c) in rest.as_bytes().iter().enumerate() {
            if c.is_ascii_digit() || c == b'.' {
                return false;
            }
            lower |= c.is_ascii_lowercase();
            hyphen |= c == b'-';
            if c == b'\'' && apostrophe.is_none() {
                apostrophe = Some(i + 1);
            }
        }
        if !lower {
            return false;
        }
        // A contraction ("We're", "Don't"), unlike "O'Brien".
        if let Some(p) = apostrophe {
            let tail = &w.as_bytes()[p..];
            if tail.len() <= 3 && tail.get(1).is_some_and(u8::is_ascii_lowercase) {
                return false;
            }
        }
        return !(hyphen && names::is_title(w));
    } else {
        if w.bytes().any(|c| c.is_ascii_digit()) || w.contains('.') {
            return false;
        }
        if !rest.chars().any(char::is_lowercase) {
            return false;
        }
    }
    // A contraction ("We’re", "Don’t"), unlike "O’Brien".
    if let Some(p) = w.find(['\'', '’']) {
        let tail = &w[p..];
        if tail.chars().nth(1).is_some_and(char::is_lowercase) && tail.chars().count() <= 3 {
            return false;
        }
    }
    f & (names::STOP
        | names::CALENDAR_WORD
        | names::ORG
        | names::WEAK_ORG
        | names::OUTLET
        | names::TITLE
        | names::VERB)
        == 0
        && !(w.contains('-') && names::is_title(w))
}

/// Two or three capitals, bare ("JB") or each with its period ("T.J.").
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    let bare = (2..=3).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase);
    let dotted = (4..=6).contains(&b.len())
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
        && w != "U.S.";
    bare || dotted
}

/// A capitalized word that opens a sentence but is not a name ("Addressing").
fn is_opener(w: &str, f: names::Flags) -> bool {
    f & (names::STOP | names::CALENDAR_WORD) != 0
        || (w.len() >= 6 && w.ends_with("ing") && names::first_name_gender(w).is_none())
        || w.ends_with("ly") && w.len() >= 6 && names::first_name_gender(w).is_none()
}

/// A capitalized run split into title and name.
#[derive(Debug, Clone, Copy)]
struct Parsed {
    /// Index of the first word of the role ("Deputy" in "Deputy Mayor Ana Ruiz").
    role_from: Option<usize>,
    /// Index of the title word.
    title: Option<usize>,
    /// Index range of the name.
    name_from: usize,
    name_to: usize,
    possessive: bool,
}

/// The lists each word of a run is in (possessives stripped).
fn run_flags(src: &str, run: &[Word]) -> [names::Flags; MAX_RUN] {
    let mut fl = [0; MAX_RUN];
    for (k, w) in run.iter().take(MAX_RUN).enumerate() {
        fl[k] = names::flags(strip_possessive(w.text(src)).0);
    }
    fl
}

fn parse_run(src: &str, run: &[Word], fl: &[names::Flags; MAX_RUN]) -> Option<Parsed> {
    let t = |i: usize| run[i].text(src);
    let hi = run.len().min(MAX_RUN);
    // Each word's kind, looked up once.
    let mut name = [false; MAX_RUN];
    let mut suffix = [false; MAX_RUN];
    let mut weak = [false; MAX_RUN];
    let mut title_word = [false; MAX_RUN];
    for k in 0..hi {
        let w = strip_possessive(t(k)).0;
        let f = fl[k];
        name[k] = is_name_word(w, f);
        suffix[k] = f & names::SUFFIX != 0;
        weak[k] = f & names::WEAK_ORG != 0;
        title_word[k] =
            f & names::TITLE != 0 || (w.bytes().any(|c| c == b'-') && names::is_title(w));
    }
    // "Grant Ellery", "Will Osei", "June Tran": a given name that is also a
    // common word opens a name when a name word follows it.
    let given = names::MALE_NAME | names::FEMALE_NAME;
    let mut given_word = [false; MAX_RUN];
    for k in 0..hi.saturating_sub(1) {
        if !name[k]
            && fl[k] & given != 0
            && name[k + 1]
            && (k == 0 || title_word[k - 1] || !name[k - 1])
        {
            name[k] = true;
            given_word[k] = true;
        }
    }
    if !name[..hi].iter().any(|&n| n) {
        return None;
    }
    // "Gov. JB Pritzker", "Rep. T.J. Okafor": initials as a given name, right
    // after a title and before a name word.
    for k in 1..hi.saturating_sub(1) {
        if !name[k] && title_word[k - 1] && name[k + 1] && fl[k] == 0 && is_initials(t(k)) {
            name[k] = true;
        }
    }
    let mut lo = 0;
    while lo < hi && !title_word[lo] && !given_word[lo] && is_opener(t(lo), fl[lo]) {
        lo += 1;
    }
    if lo >= hi {
        return None;
    }
    let last = run[hi - 1];
    let possessive = strip_possessive(last.text(src)).1 || possessive_after(src, last);
    // Whether words `from..hi` make a name: name words, then perhaps a
    // suffix ("Jr.") or a surname that is also an organisation word ("Park").
    // "Ken Doctor", "Ana White": a title or organisation word that is also a
    // common surname ends a name that opens with a known given name.
    let surname_ok = |from: usize, k: usize| {
        k > from && k + 1 == hi && fl[k] & names::SURNAME_WORD != 0 && fl[from] & given != 0
    };
    let name_ok = |from: usize| {
        from < hi
            && (from..hi).any(|k| !suffix[k])
            && (from..hi).all(|k| {
                name[k]
                    || (k > from && suffix[k])
                    || (k > from && k + 1 == hi && weak[k])
                    || surname_ok(from, k)
            })
    };
    // The last title with a real name after it ("King" in "Martin Luther King Jr." has none).
    let title = (lo..hi)
        .rev()
        .find(|&i| title_word[i] && i + 1 < hi && name_ok(i + 1));
    let mut name_from = title.map_or(lo, |i| i + 1);
    if title.is_none() && !name_ok(name_from) {
        // "Human Services Ana Ruiz": the longest tail of two or more name words.
        name_from = (lo + 1..hi.saturating_sub(1))
            .find(|&k| name_ok(k))
            .unwrap_or(hi);
    }
    let name_len = hi - name_from;
    if name_len == 0 || name_len > 5 || !name_ok(name_from) {
        return None;
    }
    let role_from = title.map(|ti| {
        let mut r = ti;
        while r > lo
            && (names::is_role_modifier(t(r - 1)) || names::is_title(t(r - 1)))
            && !(t(r - 1) == "House" && r >= 2 && t(r - 2) == "White")
        {
            r -= 1;
        }
        while r < ti && matches!(t(r), "Former" | "former" | "Ex" | "ex") {
            r += 1;
        }
        r
    });
    Some(Parsed {
        role_from,
        title,
        name_from,
        name_to: hi,
        possessive,
    })
}

/// A person as first seen, before merging.
#[derive(Debug, Clone)]
struct Candidate {
    tokens: Vec<String>,
    role: Option<String>,
    gender: Option<Gender>,
    /// Only a reporting verb speaks for a one-word name at the start of a
    /// sentence ("Projects announced…"): it may join a known person but not
    /// make a new one.
    weak: bool,
    /// "Sir Ana", "Dame Ana": a knight's title stands before the given name,
    /// so the one word is a first name, not a surname.
    given_only: bool,
}

/// A person being assembled.
#[derive(Debug, Clone)]
struct Building {
    tokens: Vec<String>,
    role: Option<String>,
    role_capitalized: bool,
    votes: [u32; 2],
    aliases: Vec<String>,
    first_mention: usize,
}

/// `word` lowercased into `buf` when it is ASCII and fits, without allocating.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

fn last_key(tokens: &[String]) -> String {
    tokens
        .iter()
        .rev()
        .find(|t| !names::is_suffix(t))
        .map(|t| t.to_lowercase())
        .unwrap_or_default()
}

/// The last name: the last word that is not a suffix.
fn last_of<S: AsRef<str>>(tokens: &[S]) -> Option<&str> {
    tokens
        .iter()
        .map(AsRef::as_ref)
        .rev()
        .find(|t| !names::is_suffix(t))
}

/// The given name, when the name has one besides the last name.
fn first_of<S: AsRef<str>>(tokens: &[S]) -> Option<&str> {
    let mut real = tokens
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| !names::is_suffix(t));
    let first = real.next()?;
    real.next().map(|_| first.trim_end_matches('.'))
}

/// Same last name, and the same first name, or one is the other's initial,
/// or one has no first name. Case-insensitive, without allocating.
fn compatible<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    let (Some(la), Some(lb)) = (last_of(a), last_of(b)) else {
        return false;
    };
    if !eq_caseless(la, lb) {
        return false;
    }
    match (first_of(a), first_of(b)) {
        (Some(x), Some(y)) => {
            eq_caseless(x, y)
                || (x.chars().count() == 1 && starts_caseless(y, x))
                || (y.chars().count() == 1 && starts_caseless(x, y))
        }
        _ => true,
    }
}

fn eq_caseless(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.len() == b.len()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
}

fn starts_caseless(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| eq_caseless(head, prefix))
}

/// The previous word before `pos` when only spaces separate them.
pub fn prev_word(src: &str, pos: usize) -> Option<Word> {
    let b = src.as_bytes();
    // Spaces, tabs and no-break spaces before `pos`; none means the word is
    // glued to something that is not a word boundary.
    let mut end = pos;
    loop {
        if end > 0 && matches!(b[end - 1], b' ' | b'\t') {
            end -= 1;
        } else if end >= 2 && b[end - 2] == 0xC2 && b[end - 1] == 0xA0 {
            end -= 2;
        } else {
            break;
        }
    }
    if end == pos {
        return None;
    }
    // Back over at most 40 characters of the word.
    let mut start = end;
    for _ in 0..40 {
        let Some(&x) = start.checked_sub(1).map(|i| &b[i]) else {
            break;
        };
        if x < 0x80 {
            if !(x.is_ascii_alphanumeric() || matches!(x, b'-' | b'\'' | b'.')) {
                break;
            }
            start -= 1;
        } else {
            match src[..start].chars().next_back() {
                Some(c) if c.is_alphanumeric() || c == '’' => start -= c.len_utf8(),
                _ => break,
            }
        }
    }
    (start < end).then_some(Word { start, end })
}

/// The next word after `pos` when only spaces separate them.
fn next_word(src: &str, pos: usize) -> Option<Word> {
    let rest = src.get(pos..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
    let start = pos + skip;
    let c = char_at(src, start)?;
    if !c.is_alphanumeric() {
        return None;
    }
    // Only short words (verbs, adverbs) are looked for here.
    Some(Word {
        start,
        end: word_end_before(src, start, start + 64),
    })
}

/// A role written in lowercase before a name ("former governor", "press
/// secretary"): the words and where they start.
fn role_before(src: &str, pos: usize) -> Option<String> {
    let w = prev_word(src, pos)?;
    let text = w.text(src);
    // "Gov.-elect Tariq Farouk", "Ex-Sen. Ana Ruiz": the word scan leaves
    // the title out of the run.
    let joined = text.ends_with("-elect") || text.starts_with("Ex-");
    if is_capitalized(text) && joined && names::is_title(text) {
        return expand_role(text);
    }
    if is_capitalized(text) || !names::is_title(text) {
        return None;
    }
    let mut start = w.start;
    let mut cur = w;
    for _ in 0..3 {
        let Some(p) = prev_word(src, cur.start) else {
            break;
        };
        let pt = p.text(src);
        if is_capitalized(pt) {
            // "Council member Ana Ruiz": a capitalized body right before the
            // title word is part of the role ("White House spokesman" is not).
            let white_house =
                pt == "House" && prev_word(src, p.start).is_some_and(|x| x.text(src) == "White");
            if cur == w && names::is_role_modifier(pt) && !white_house {
                start = p.start;
            }
            break;
        }
        if !(names::is_role_modifier(pt) || names::is_title(pt)) || pt == "former" {
            break;
        }
        start = p.start;
        cur = p;
    }
    Some(title_case(&src[start..w.end]))
}

/// A role before a name set off by commas: "The mayor, Irene Szabo, said".
fn role_before_comma(src: &str, name_start: usize, name_end: usize) -> Option<String> {
    let comma = name_start.checked_sub(2)?;
    if src.get(comma..name_start) != Some(", ") || !src[name_end..].starts_with(',') {
        return None;
    }
    // The word ending at the comma, read as if a space followed it.
    let b = src.as_bytes();
    let mut start = comma;
    while start > 0 && b[start - 1].is_ascii_lowercase() {
        start -= 1;
    }
    if start == comma || !src[..start].ends_with(' ') {
        return None;
    }
    let word = &src[start..comma];
    if !names::is_title(word) {
        return None;
    }
    let head = role_before(src, start).unwrap_or_default();
    let role = title_case(word);
    Some(if head.is_empty() {
        role
    } else {
        format!("{head} {role}")
    })
}

/// "budget director" → "Budget Director" (small words stay lowercase).
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            if matches!(w, "of" | "for" | "the" | "and" | "on" | "to") {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// After a name: skips an appositive (", 33," or ", the city's budget
/// director,") and returns the role it states and where the text resumes.
pub fn appositive(src: &str, pos: usize) -> (Option<String>, usize) {
    let Some(rest) = src.get(pos..) else {
        return (None, pos);
    };
    let Some(inner) = rest.strip_prefix(", ") else {
        return (None, pos);
    };
    let limit = inner.len().min(90);
    let window = &inner[..inner.floor_char_boundary(limit)];
    let Some(close) = window.find(',') else {
        return (None, pos);
    };
    let body = &window[..close];
    if body.contains(['"', '“', '”', '\n', '(', ':', ';']) || ends_sentence(body) {
        return (None, pos);
    }
    let resume = pos + 2 + close + 1;
    // At most 45 words fit in 90 bytes: no allocation.
    let mut buf = [""; 48];
    let mut n = 0;
    for w in body.split_whitespace() {
        buf[n] = w;
        n += 1;
        if n == buf.len() {
            break;
        }
    }
    let ws = &buf[..n];
    // An age (", 33,") or a short aside (", speaking at a rally,") is skipped.
    let aside = !body.is_empty()
        && ws.len() <= 12
        && (body.trim().chars().all(|c| c.is_ascii_digit())
            || ws.first().is_some_and(|w| !is_capitalized(w)));
    match role_in(ws) {
        Some(role) => (Some(role), resume),
        None => (None, if aside { resume } else { pos }),
    }
}

/// Whether a sentence ends inside `body` ("manager. The mayor"), unlike
/// the period of a title or an initial ("for Gov. Ana J. Ruiz").
fn ends_sentence(body: &str) -> bool {
    body.match_indices(". ").any(|(i, _)| {
        let head = &body[..i];
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &head[start..];
        let initial = word.len() == 1 && word.bytes().all(|c| c.is_ascii_uppercase());
        !initial && !is_dotted(word) && !word.contains('.')
    })
}

/// The role an appositive's words state: "the city's budget director",
/// "a spokeswoman for the governor", "Ohio's secretary of state".
fn role_in(ws: &[&str]) -> Option<String> {
    let first = ws.first()?;
    let introduces_role = (matches!(*first, "a" | "an" | "the" | "his" | "her" | "their" | "its")
        || names::is_title(first)
        || names::is_role_modifier(first)
        || (is_capitalized(first) && strip_possessive(first).1)
        // "Harbour Radio's news manager": an organisation of a few words
        // owning the title.
        || ws
            .iter()
            .take(4)
            .take_while(|w| is_capitalized(w))
            .any(|w| strip_possessive(w).1))
        && !ws
            .iter()
            .any(|w| matches!(*w, "who" | "which" | "that" | "whose"));
    if !introduces_role {
        return None;
    }
    // The first title with the title words right after it ("chief executive
    // officer"); a later one belongs to someone else ("an aide to the mayor").
    let ti = ws.iter().position(|w| names::is_title(w))?;
    let mut to = ti;
    while to + 1 < ws.len() && names::is_title(ws[to + 1]) {
        to += 1;
    }
    let mut from = ti;
    while from > 0 && (names::is_role_modifier(ws[from - 1]) || names::is_title(ws[from - 1])) {
        from -= 1;
    }
    let mut role = title_case(&ws[from..=to].join(" "));
    if ws.get(to + 1) == Some(&"of")
        && ws
            .get(to + 2)
            .is_some_and(|w| w.trim_end_matches('.').eq_ignore_ascii_case("state"))
    {
        role.push_str(" of State");
    }
    Some(role)
}

/// A role closing the sentence after a name: "…," said Gwen Talbot, the
/// county's emergency manager."
fn closing_role(src: &str, pos: usize) -> Option<String> {
    let inner = src.get(pos..)?.strip_prefix(", ")?;
    let window = &inner[..inner.floor_char_boundary(inner.len().min(90))];
    let end = window.find(['.', '!', '?', '\n'])?;
    let body = &window[..end];
    if body.contains([',', '"', '“', '”', '(', ':', ';']) {
        return None;
    }
    let mut buf = [""; 48];
    let mut n = 0;
    for w in body.split_whitespace().take(buf.len()) {
        buf[n] = w;
        n += 1;
    }
    role_in(&buf[..n])
}

/// The one person (named in full) whose surname `key` (lowercase) misspells:
/// same first letter, and one letter changed, added or dropped (two in a
/// surname of six letters or more).
fn misspelt_surname(people: &[Building], key: &str) -> Option<usize> {
    let mut found = None;
    for (i, b) in people.iter().enumerate() {
        if b.tokens.len() < 2 {
            continue;
        }
        let Some(last) = b.tokens.iter().rev().find(|t| !names::is_suffix(t)) else {
            continue;
        };
        if near_spelling(&last.to_lowercase(), key) {
            if found.is_some_and(|f| f != i) {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

/// Whether two lowercase surnames differ by a slip of the keyboard.
fn near_spelling(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 5 || b.len() < 5 || a == b || a[0] != b[0] || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let limit = if a.len().min(b.len()) >= 6 { 2 } else { 1 };
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()] <= limit
}

/// After a name, ", a/an/the …," of up to 250 bytes in one sentence, with no
/// quotation in it: where the text resumes after its closing comma.
fn long_aside(src: &str, pos: usize) -> Option<usize> {
    let inner = src.get(pos..)?.strip_prefix(", ")?;
    let first = inner.split(' ').next()?;
    if !matches!(first, "a" | "an" | "the") {
        return None;
    }
    let window = &inner[..inner.floor_char_boundary(inner.len().min(250))];
    let close = window.rfind(", ")?;
    let body = &window[..close];
    if body.contains(['"', '“', '”', '\n', '(', ':', ';']) || ends_sentence(body) {
        return None;
    }
    // The comma that a reporting verb follows.
    let at = body
        .match_indices(", ")
        .map(|(i, _)| i)
        .chain(std::iter::once(close))
        .find(|&i| {
            let rest = &inner[i + 2..];
            let verb = rest.split([' ', ',', '.']).next().unwrap_or("");
            names::is_reporting_verb(verb) && !verb.ends_with("ing")
        })?;
    Some(pos + 2 + at + 1)
}

/// A reporting verb follows the name, perhaps after an appositive and adverbs;
/// `resume` is where the text resumes after that appositive (see [`appositive`]).
fn verb_follows(src: &str, pos: usize, resume: usize) -> bool {
    let mut at = resume;
    // "Nadia Petrakis, 52, a nurse in Dayton, said": further asides, and a
    // place after one that says where from ("52, from Hexham, Tyneside,").
    for _ in 0..3 {
        if !(at > pos && src[..at].ends_with(',')) {
            break;
        }
        let (_, next) = appositive(src, at - 1);
        let next = if next > at {
            next
        } else {
            place_aside(src, at)
        };
        if next <= at {
            break;
        }
        at = next;
    }
    // "the deputy mayor, Ana Ruiz, wrote": the name closes an appositive.
    if at == pos && src[pos..].starts_with(", ") {
        // "Ana Ruiz, a lawyer who has defended … for years, said": an aside
        // too long for [`appositive`], up to the comma before the verb.
        if long_aside(src, pos).is_some() {
            return true;
        }
        at = pos + 1;
    }
    for _ in 0..3 {
        let Some(w) = next_word(src, at) else {
            return false;
        };
        let t = w.text(src);
        if is_capitalized(t) {
            return false;
        }
        if names::is_reporting_verb(t) {
            // "Ruiz saying…" is rarely how a speaker is introduced.
            return !t.ends_with("ing");
        }
        if !names::is_adverb(t) {
            return false;
        }
        at = w.end;
    }
    false
}

/// The end of ", Northumberland," after an aside at `at` (just past its
/// comma): one to three capitalized words, then a comma.
fn place_aside(src: &str, at: usize) -> usize {
    let Some(rest) = src.get(at..).and_then(|r| r.strip_prefix(' ')) else {
        return at;
    };
    let Some(close) = rest.get(..rest.len().min(40)).and_then(|w| w.find(',')) else {
        return at;
    };
    let body = &rest[..close];
    let n = body.split_whitespace().count();
    let place = (1..=3).contains(&n)
        && body
            .split_whitespace()
            .all(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic));
    if place { at + 1 + close + 1 } else { at }
}

/// A role in full with its abbreviations spelled out ("Sen." → "Senator").
fn expand_role(role: &str) -> Option<String> {
    // "Ex-Sen." is a former senator: the role is the title.
    let role = role
        .strip_prefix("Ex-")
        .or_else(|| role.strip_prefix("ex-"))
        .unwrap_or(role);
    // "Gov.-elect" → "Governor-elect".
    for suffix in ["-elect", "-designate"] {
        if let Some(head) = role.strip_suffix(suffix)
            && head.ends_with('.')
        {
            return expand_role(head).map(|r| r + suffix);
        }
    }
    let words: Vec<&str> = role
        .split_whitespace()
        .map(|w| match w {
            "Sen." => "Senator",
            "Rep." => "Representative",
            "Gov." => "Governor",
            "Lt." => "Lieutenant",
            "Gen." => "General",
            "Atty." => "Attorney",
            "Supt." => "Superintendent",
            "Del." => "Delegate",
            "Sec." => "Secretary",
            "Adm." => "Admiral",
            "Col." => "Colonel",
            "Sgt." => "Sergeant",
            "Capt." => "Captain",
            "Cmdr." => "Commander",
            "Rev." => "Reverend",
            "Prof." => "Professor",
            w => w,
        })
        .filter(|w| {
            !matches!(
                *w,
                "Mr."
                    | "Mrs."
                    | "Ms."
                    | "Miss"
                    | "Dr."
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "Sir"
                    | "Dame"
            )
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A title written out before a name with its office in capitals, as in
/// "Secretary of Health and Human Services Ana Ruiz": the role, from the
/// title word to the name.
fn office_before(src: &str, run: &[Word], name_from: usize) -> Option<String> {
    let name_start = run[name_from].start;
    let mut cur = run[0].start;
    let mut title: Option<usize> = None;
    if let Some(i) = (0..name_from).find(|&i| names::is_title(run[i].text(src))) {
        title = Some(run[i].start);
    }
    for _ in 0..8 {
        if title.is_some() {
            break;
        }
        let Some(w) = prev_word(src, cur) else {
            break;
        };
        let t = w.text(src);
        if names::is_title(t) && is_capitalized(t) {
            title = Some(w.start);
            break;
        }
        if !(is_capitalized(t) || matches!(t, "of" | "and" | "for" | "the" | "on")) {
            break;
        }
        cur = w.start;
    }
    let role = src[title?..name_start].trim_end();
    expand_role(role)
}

/// `head` (the text before a name) ends with a short phrase opening its
/// sentence and a comma: "Later,", "In a statement,", "Asked about it,".
fn after_opening_phrase(head: &str) -> bool {
    let Some(phrase) = head.strip_suffix(',') else {
        return false;
    };
    let from = phrase
        .rfind(['.', '!', '?', '\n', ':', ',', '"', '“', '”'])
        .map_or(0, |p| {
            p + phrase[p..].chars().next().map_or(1, char::len_utf8)
        });
    let words = phrase[from..].split_whitespace().count();
    let opens_sentence = from == 0 || phrase[..from].ends_with(['.', '!', '?', '\n', ':']);
    opens_sentence && (1..=5).contains(&words)
}

/// "Secretary of " or "Secretary of the " stands right before `pos`.
fn office_of_before(src: &str, pos: usize) -> bool {
    let Some(mut w) = prev_word(src, pos) else {
        return false;
    };
    if w.text(src) == "the" {
        match prev_word(src, w.start) {
            Some(x) => w = x,
            None => return false,
        }
    }
    w.text(src) == "of"
        && prev_word(src, w.start).is_some_and(|t| {
            let t = t.text(src);
            is_capitalized(t) && names::is_title(t)
        })
}

/// "…,” said Ana Ruiz": a reporting verb right after a comma or closing mark.
fn inverted_verb_before(src: &str, pos: usize) -> bool {
    if role_between_verb_and_name(src, pos) {
        return true;
    }
    let Some(w) = prev_word(src, pos) else {
        return false;
    };
    if !names::is_reporting_verb(w.text(src)) {
        return false;
    }
    let before = src[..w.start].trim_end();
    before.ends_with([',', '”', '"', '—'])
}

/// "…,” says the former editor of the Gazette, Colin Ashdown": after the
/// quotation, a reporting verb, then the speaker's role, then the name.
fn role_between_verb_and_name(src: &str, pos: usize) -> bool {
    let head = src[..pos].trim_end();
    let Some(head) = head.strip_suffix(',') else {
        return false;
    };
    let from = src.floor_char_boundary(head.len().saturating_sub(100));
    let ws: Vec<Word> = words(src, from, head.len()).collect();
    let Some(v) = ws
        .iter()
        .rposition(|w| names::is_reporting_verb(w.text(src)) && !is_capitalized(w.text(src)))
    else {
        return false;
    };
    let role = &src[ws[v].end..head.len()];
    let article = ws
        .get(v + 1)
        .is_some_and(|w| matches!(w.text(src), "the" | "a" | "an" | "his" | "her" | "its"));
    let quoted = src[..ws[v].start]
        .trim_end()
        .ends_with([',', '”', '"', '—']);
    article
        && quoted
        && ws.len() - v <= 10
        && !role.contains([',', '.', ';', ':', '"', '“', '”', '\n'])
}

/// Every person the text names.
pub fn find(text: &Text<'_>) -> People {
    let src = text.src;
    // Pass 1: candidates with evidence; every run that could name someone is
    // kept for pass 2, and every run that could be an outlet for the end.
    let mut cands: Vec<Candidate> = Vec::new();
    // Last names (lowercase) of full names seen without evidence.
    let mut plain: HashSet<String> = HashSet::new();
    let mut kept_words: Vec<Word> = Vec::new();
    let mut kept: Vec<(usize, usize, Parsed)> = Vec::new();
    let mut outlet_runs: Vec<(usize, usize)> = Vec::new();
    for_each_run(src, |run| {
        let fl = run_flags(src, run);
        let outlet_like = fl.iter().any(|f| f & names::OUTLET != 0)
            || run.first().is_some_and(|w| {
                let head = &src.as_bytes()[w.start.saturating_sub(4)..w.start];
                head.ends_with(b" by ") || head.ends_with(b" to ")
            });
        outlets::push_candidate(src, &mut outlet_runs, run, &fl, outlet_like);
        let Some(mut p) = parse_run(src, run, &fl) else {
            return;
        };
        // "Secretary of Transportation Celeste Brandt": the run after "Title
        // of" opens with the office; the name starts at a known given name,
        // else it is the last two words.
        let hi = run.len().min(MAX_RUN);
        if p.title.is_none() && p.name_from == 0 && hi >= 3 && office_of_before(src, run[0].start) {
            let given = names::MALE_NAME | names::FEMALE_NAME;
            let mut from = hi - 2;
            // "Raul T. Esparza": an initial is not where a name starts.
            let initial = |w: &Word| {
                let b = w.text(src).as_bytes();
                b.len() <= 2 && b[0].is_ascii_uppercase() && b.get(1).is_none_or(|&c| c == b'.')
            };
            while from > 1 && initial(&run[from]) {
                from -= 1;
            }
            p.name_from = (1..hi - 1).find(|&k| fl[k] & given != 0).unwrap_or(from);
        }
        kept.push((kept_words.len(), run.len(), p));
        kept_words.extend_from_slice(run);
        let name_start = run[p.name_from].start;
        let name_end = run[p.name_to - 1].end;
        let mut role = None;
        let mut gender = None;
        let mut evidence = false;
        let mut weak = false;
        let given_only = p.name_to - p.name_from == 1
            && p.title
                .is_some_and(|ti| matches!(run[ti].text(src), "Sir" | "Dame"));
        // "Executive Order 14143", "Room 201": a number after the name.
        if src[name_end..]
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
        {
            return;
        }
        if let (Some(rf), Some(ti)) = (p.role_from, p.title) {
            role = expand_role(&src[run[rf].start..run[ti].end]);
            gender = names::title_gender(run[ti].text(src));
            evidence = true;
        } else if p.name_from > 0
            && let Some(r) = office_before(src, run, p.name_from)
        {
            role = Some(r);
            evidence = true;
        } else if let Some(r) = role_before(src, run[p.name_from].start) {
            gender = r.split_whitespace().last().and_then(names::title_gender);
            role = Some(r);
            evidence = true;
        }
        if !p.possessive {
            let (app_role, resume) = appositive(src, name_end);
            if role.is_none()
                && p.name_to - p.name_from >= 2
                && let Some(r) = app_role
            {
                gender = r.split_whitespace().last().and_then(names::title_gender);
                role = Some(r);
                evidence = true;
            }
            if role.is_none()
                && p.name_to - p.name_from >= 2
                && let Some(r) = role_before_comma(src, name_start, name_end)
                    .or_else(|| closing_role(src, name_end))
            {
                gender = r.split_whitespace().last().and_then(names::title_gender);
                role = Some(r);
            }
            if !evidence && verb_follows(src, name_end, resume) {
                let single = p.name_to - p.name_from == 1;
                let after_preposition = p.name_from == 0
                    && prev_word(src, name_start)
                        .is_some_and(|w| names::is_object_marker(w.text(src)));
                let opens = {
                    let head = src[..name_start].trim_end_matches([' ', '\t', '\u{a0}']);
                    head.is_empty()
                        || head.ends_with(['.', '!', '?', '\n', ':'])
                        || after_opening_phrase(head)
                };
                // "…borders Mexico, said…": a one-word name before a comma is
                // too often a place ending an aside.
                let comma_verb = src[name_end..].starts_with(", ") && resume == name_end;
                if !(single && (after_preposition || comma_verb)) {
                    evidence = true;
                    weak = single && (opens || p.name_from > 0);
                }
            }
            if src[name_end..].starts_with(" (D-")
                || src[name_end..].starts_with(" (R-")
                || src[name_end..].starts_with(" (I-")
            {
                evidence = true;
            }
        }
        // "…," said Ana Ruiz. A lone word must end the clause: "said
        // Springfield would…" is what was said, and "said Moody's." a firm.
        let lone = p.name_to - p.name_from == 1;
        let clause_goes_on = || {
            let rest = src[name_end..].trim_start_matches([' ', '\t', '\u{a0}']);
            rest.starts_with(|c: char| c.is_lowercase())
        };
        if inverted_verb_before(src, name_start) && !(lone && (p.possessive || clause_goes_on())) {
            evidence = true;
            weak = false;
        }
        if !evidence {
            // A full name with nothing said about it ("When Ana T. Ruiz
            // arrived"): kept so a later "Ruiz said" can be recognised.
            if p.name_to - p.name_from >= 2 && !p.possessive {
                let last = run[p.name_from..p.name_to]
                    .iter()
                    .map(|w| strip_possessive(w.text(src)).0)
                    .rfind(|t| !names::is_suffix(t));
                if let Some(last) = last {
                    let mut buf = [0u8; 64];
                    match lower_ascii(last, &mut buf) {
                        Some(key) if plain.contains(key) => {}
                        _ => {
                            plain.insert(last.to_lowercase());
                        }
                    }
                }
            }
            return;
        }
        let tokens: Vec<String> = run[p.name_from..p.name_to]
            .iter()
            .map(|w| strip_possessive(w.text(src)).0.to_string())
            .collect();
        if gender.is_none() && tokens.len() >= 2 {
            gender = names::first_name_gender(&tokens[0]);
        }
        {
            cands.push(Candidate {
                tokens,
                role,
                gender,
                weak,
                given_only,
            });
        }
    });

    // Merge candidates into people by last name and compatible first name.
    let mut people: Vec<Building> = Vec::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    // Multi-word names first, so a bare "Smith" joins "Ana Smith".
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].tokens.len() < 2, i));
    for i in order {
        let c = &cands[i];
        let key = last_key(&c.tokens);
        if key.is_empty() {
            continue;
        }
        // "Sir Ana" after "Ana Ruiz": the one person whose first name it is.
        if c.given_only && !by_last.contains_key(&key) {
            let mut firsts = people.iter().enumerate().filter(|(_, b)| {
                b.tokens.len() >= 2 && first_of(&b.tokens).is_some_and(|f| eq_caseless(f, &key))
            });
            if let (Some((p, _)), None) = (firsts.next(), firsts.next()) {
                by_last.insert(key, vec![p]);
                continue;
            }
        }
        // "Newsom" introduced in full, then "Newson said": a lone surname
        // no one has, one slip away from the surname of exactly one person.
        if c.tokens.len() == 1
            && !by_last.contains_key(&key)
            && let Some(p) = misspelt_surname(&people, &key)
        {
            by_last.insert(key, vec![p]);
            continue;
        }
        let slot = by_last.entry(key).or_default();
        let found = slot
            .iter()
            .copied()
            .find(|&p| compatible(&people[p].tokens, &c.tokens));
        let idx = match found {
            Some(p) => p,
            None => {
                if c.tokens.len() < 2 && !slot.is_empty() {
                    slot[0]
                } else if c.weak && !plain.contains(&last_key(&c.tokens)) {
                    continue;
                } else {
                    people.push(Building {
                        tokens: c.tokens.clone(),
                        role: None,
                        role_capitalized: false,
                        votes: [0, 0],
                        aliases: Vec::new(),
                        first_mention: usize::MAX,
                    });
                    slot.push(people.len() - 1);
                    people.len() - 1
                }
            }
        };
        let b = &mut people[idx];
        if c.tokens.len() > b.tokens.len() {
            b.tokens = c.tokens.clone();
        }
        if let Some(r) = &c.role {
            let cap = is_capitalized(r);
            if b.role.is_none() || (cap && !b.role_capitalized) {
                b.role = Some(r.clone());
                b.role_capitalized = cap;
            }
        }
        match c.gender {
            Some(Gender::Male) => b.votes[0] += 3,
            Some(Gender::Female) => b.votes[1] += 3,
            None => {}
        }
    }

    // Pass 2: mentions of known people, and fuller forms of their names.
    let mut mentions = Vec::new();
    let mut last_seen = vec![0usize; people.len()];
    if !people.is_empty() {
        for &(at, len, p) in &kept {
            let run = &kept_words[at..at + len];
            let names_of_run = &run[p.name_from..p.name_to];
            let Some(last_word) = names_of_run
                .iter()
                .rev()
                .map(|w| strip_possessive(w.text(src)).0)
                .find(|t| !names::is_suffix(t))
            else {
                continue;
            };
            let mut key_buf = [0u8; 64];
            let slot = match lower_ascii(last_word, &mut key_buf) {
                Some(key) => by_last.get(key),
                None => by_last.get(&last_word.to_lowercase()),
            };
            let Some(slot) = slot else {
                continue;
            };
            let mut words_buf = [""; MAX_RUN];
            for (k, w) in names_of_run.iter().enumerate() {
                words_buf[k] = strip_possessive(w.text(src)).0;
            }
            let tokens = &words_buf[..names_of_run.len()];
            let person = if tokens.len() >= 2 {
                slot.iter()
                    .copied()
                    .find(|&i| compatible(&people[i].tokens, tokens))
            } else {
                // A bare last name shared by several people: the one named last.
                slot.iter()
                    .copied()
                    .max_by_key(|&i| (last_seen[i], usize::MAX - i))
            };
            let Some(person) = person else {
                continue;
            };
            let first = p.role_from.map_or(p.name_from, |r| r);
            let start = run[first].start;
            let last = run[p.name_to - 1];
            let end = last.start + strip_possessive(last.text(src)).0.len();
            // The word before the name: a stripped sentence opener inside the
            // run ("Addressing Smith"), or the word before the run.
            let object = match p.name_from.checked_sub(1) {
                Some(k) if p.title.is_none() => {
                    names::is_object_marker(&run[k].text(src).to_lowercase())
                }
                _ => prev_word(src, start).is_some_and(|w| names::is_object_marker(w.text(src))),
            };
            last_seen[person] = start + 1;
            let b = &mut people[person];
            if tokens.len() > b.tokens.len() && compatible(&b.tokens, tokens) {
                b.tokens = tokens.iter().map(|t| t.to_string()).collect();
            }
            b.first_mention = b.first_mention.min(start);
            let raw = &src[start..end];
            if !b.aliases.iter().any(|a| a == raw) {
                let surface = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                if !b.aliases.contains(&surface) {
                    b.aliases.push(surface);
                }
            }
            mentions.push(Mention {
                start,
                end,
                person,
                object,
                possessive: p.possessive,
            });
        }
    }

    // Pronoun evidence: "Ruiz spoke first. She said…" votes Ruiz female.
    let sents = &text.sentences;
    for i in 1..sents.len() {
        let s = &sents[i];
        let Some(first) = words(src, s.start, s.end).next() else {
            continue;
        };
        let g = match first.text(src) {
            "He" => 0,
            "She" => 1,
            _ => continue,
        };
        let prev = &sents[i - 1];
        let a = mentions.partition_point(|m: &Mention| m.start < prev.start);
        let b = mentions.partition_point(|m: &Mention| m.start < prev.end);
        let mut who: Option<usize> = None;
        let mut several = false;
        for m in &mentions[a..b] {
            if m.object {
                continue;
            }
            match who {
                None => who = Some(m.person),
                Some(w) if w != m.person => several = true,
                _ => {}
            }
        }
        if let (Some(w), false) = (who, several) {
            people[w].votes[g] += 1;
        }
    }

    // Output: in order of first mention, fullest name, aliases, role.
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&i| (people[i].first_mention, i));
    let mut remap = vec![0usize; people.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut out = Vec::with_capacity(people.len());
    let mut genders = Vec::with_capacity(people.len());
    for &i in &order {
        let b = &people[i];
        let name = b.tokens.join(" ");
        let mut aliases: Vec<String> = b.aliases.iter().filter(|a| **a != name).cloned().collect();
        let last = b
            .tokens
            .iter()
            .rev()
            .find(|t| !names::is_suffix(t))
            .cloned()
            .unwrap_or_default();
        if last != name && !aliases.contains(&last) && b.aliases.contains(&last) {
            aliases.push(last);
        }
        out.push(Person {
            name,
            aliases,
            role: b.role.clone(),
        });
        genders.push(match b.votes {
            [m, f] if m > f => Some(Gender::Male),
            [m, f] if f > m => Some(Gender::Female),
            _ => None,
        });
    }
    for m in &mut mentions {
        m.person = remap[m.person];
    }
    let mut found = People {
        people: out,
        mentions,
        genders,
        outlets: Vec::new(),
    };
    found.outlets = outlets::from_runs(src, &found, &outlet_runs);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(s: &str) -> Vec<Person> {
        find(&Text::new(s)).people
    }

    fn names(s: &str) -> Vec<String> {
        people(s).into_iter().map(|p| p.name).collect()
    }

    /// Bytes the word scan steps over while extracting everything from `s`.
    fn word_steps(s: &str) -> usize {
        WORD_STEPS.with(|c| c.set(0));
        crate::extract::extract("d", s);
        WORD_STEPS.with(|c| c.get())
    }

    #[test]
    fn a_misspelt_surname_is_the_person_it_nearly_names() {
        let p = people(
            "Governor Gavin Holmsen signed the order. Holmsan said it was overdue. Economist Nadia Janssen spoke next, and Jensson said prices would rise.",
        );
        let n: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(n, vec!["Gavin Holmsen", "Nadia Janssen"], "{p:?}");
    }

    #[test]
    fn a_name_before_a_long_aside_and_a_reporting_verb_is_a_person() {
        let p = people(
            "However, Nick Carrow, a lawyer who served in the navy and has defended many clients against fraud charges at several courts, said it was unclear.",
        );
        let n: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(n, vec!["Nick Carrow"], "{p:?}");
    }

    #[test]
    fn word_scan_stays_linear_on_long_dotted_runs() {
        // "1.1.1.…" is one word to the scanner but many sentences and
        // windows to its callers: each must not rescan the whole run.
        // A rescan per window would cost thousands of steps per byte; the
        // words actually read cost about one (some stages skip the start).
        for n in [8_000, 32_000] {
            let s = "1.".repeat(n);
            let steps = word_steps(&s);
            assert!(steps <= 3 * s.len(), "{} bytes cost {steps} steps", s.len());
        }
    }

    /// Whether two adjacent words belong to one capitalized run: only spaces between.
    fn joined(src: &str, a: Word, b: Word) -> bool {
        let gap = &src[a.end..b.start];
        !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '\t'))
    }

    /// The runs as a word-by-word walk of [`words`] defines them.
    fn runs_by_words(src: &str) -> Vec<Vec<Word>> {
        let mut out = Vec::new();
        let mut run: Vec<Word> = Vec::new();
        for w in words(src, 0, src.len()) {
            let cap = is_capitalized(w.text(src));
            if let Some(&last) = run.last() {
                let ends = strip_possessive(last.text(src)).1
                    || possessive_after(src, last)
                    || !joined(src, last, w);
                if !cap || ends {
                    out.push(std::mem::take(&mut run));
                }
            }
            if cap && run.len() < MAX_RUN {
                run.push(w);
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
        out
    }

    fn runs(src: &str) -> Vec<Vec<Word>> {
        let mut out = Vec::new();
        for_each_run(src, |r| out.push(r.to_vec()));
        out
    }

    #[test]
    fn capital_runs_match_the_word_by_word_walk() {
        let cases = [
            "Gov. Ana J. Ruiz’s office, non-Hispanic U.S. McDonald $4,200.Shared Costs",
            "A B C D E F G H I J K L M N O P Q. The End",
            "said Ana  Ruiz and Bo\u{a0}Kim;Lee Tran’ Queens’ Yard O’Brien 'Tis J.Smith",
            "Ében Ølsen met Ñuño at 1.1.A.B x.Y Gov.Ana -Kim --Lee 'Al 200.Bo é.Ze",
            "ÉCOLE Straße İstanbul ǅemal \u{2019}Tis \t\tWide   Gap\nLine Break",
        ];
        for c in cases {
            assert_eq!(runs(c), runs_by_words(c), "{c:?}");
        }
        // Pseudo-random mixes of the pieces that decide word boundaries.
        let pieces = [
            "A", "b", "Ana", "ruiz", "É", "é", "ß", "1", "42", ".", "-", "'", "’", " ", "  ",
            "    ", "\u{a0}", "\t", "\n", ",", "$", "’s", "'s", "s’", "Gov.", "U.S.", "Mc",
            "Donald", "“", "—", "J.", "x",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..24 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            assert_eq!(runs(&s), runs_by_words(&s), "{s:?}");
        }
    }

    #[test]
    fn alnum_skip_stops_where_a_byte_loop_stops() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            let mut b = Vec::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly letters and digits, with every byte value possible.
                let x = (seed >> 24) as u8;
                b.push(if seed.is_multiple_of(5) {
                    x
                } else {
                    b"aZ09mzAM"[x as usize % 8]
                });
            }
            for start in 0..b.len() {
                let slow = (start..b.len())
                    .find(|&k| !b[k].is_ascii_alphanumeric())
                    .unwrap_or(b.len());
                assert_eq!(skip_alnum(&b, start), slow, "{b:?} from {start}");
            }
        }
    }

    #[test]
    fn words_keep_initials_titles_and_inner_apostrophes() {
        let s = "Gov. Ana J. Ruiz’s don’t U.S. end.";
        let w: Vec<&str> = words(s, 0, s.len()).map(|w| w.text(s)).collect();
        assert_eq!(
            w,
            vec!["Gov.", "Ana", "J.", "Ruiz’s", "don’t", "U.S.", "end"]
        );
    }

    #[test]
    fn titled_names_merge_with_later_short_forms() {
        let s = "Governor Ana Ruiz spoke first. Later, Ruiz said the budget was done. \
                 Gov. Ruiz left.";
        let p = people(s);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Ana Ruiz");
        assert_eq!(p[0].role.as_deref(), Some("Governor"));
        assert!(p[0].aliases.contains(&"Ruiz".to_string()), "{p:?}");
        assert!(p[0].aliases.contains(&"Gov. Ruiz".to_string()), "{p:?}");
    }

    #[test]
    fn fullest_form_wins_even_without_a_title() {
        let s = "When Paul T. Okafor arrived, nobody clapped. Okafor said little.";
        assert_eq!(names(s), vec!["Paul T. Okafor"]);
    }

    #[test]
    fn organisations_and_places_are_not_people() {
        let s = "The White House said on Monday that the Department of Labor agreed. \
                 New York City officials said nothing. Officials said more. \
                 The State Department said so. Reuters reported it.";
        assert!(names(s).is_empty(), "{:?}", names(s));
    }

    #[test]
    fn lowercase_roles_and_appositives_give_roles() {
        let s = "The plan was backed by former governor Ed Marsh. \
                 Lena Cho, the county's budget director, said it would pass.";
        let p = people(s);
        let marsh = p.iter().find(|p| p.name == "Ed Marsh").expect("Marsh");
        assert_eq!(marsh.role.as_deref(), Some("Governor"));
        let cho = p.iter().find(|p| p.name == "Lena Cho").expect("Cho");
        assert_eq!(cho.role.as_deref(), Some("Budget Director"));
    }

    #[test]
    fn an_appositive_title_owned_by_a_named_organisation_places_an_unknown_name() {
        let s = "Ossian Varrelmann, Harbour Radio's manager of outside broadcasts, urged \
                 the council to publish its findings.";
        let p = people(s);
        let v = p
            .iter()
            .find(|p| p.name == "Ossian Varrelmann")
            .expect("Varrelmann");
        assert_eq!(v.role.as_deref(), Some("Manager"));
    }

    #[test]
    fn compound_roles_keep_their_modifiers() {
        let s = "Senate Minority Leader Tom Reyes and Communications Director Jo Park \
                 met White House Press Secretary Lee Tran.";
        let p = people(s);
        let roles: Vec<(&str, Option<&str>)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("Tom Reyes", Some("Senate Minority Leader")),
                ("Jo Park", Some("Communications Director")),
                ("Lee Tran", Some("Press Secretary")),
            ]
        );
    }

    #[test]
    fn pronouns_after_a_lone_name_give_gender() {
        let s = "Mayor Dana Whitfield opened the hearing. She spoke for an hour.";
        let p = find(&Text::new(s));
        assert_eq!(p.genders, vec![Some(Gender::Female)]);
    }

    #[test]
    fn different_first_names_are_different_people() {
        let s = "Senator Ann Kerr met Representative Bo Kerr. Kerr said hello.";
        assert_eq!(names(s), vec!["Ann Kerr", "Bo Kerr"]);
    }

    #[test]
    fn numbered_orders_places_and_sentence_opening_nouns_are_not_people() {
        let s = "Under Executive Order 14143, agencies report twice a year. \
                 The Department of Agriculture today announced loans. \
                 Projects announced today include clinics. \
                 Rep. Ana Cole of Utah, whose district borders Nevada, said she agreed.";
        assert_eq!(names(s), vec!["Ana Cole"]);
    }

    fn roles(s: &str) -> Vec<(String, Option<String>)> {
        people(s).into_iter().map(|p| (p.name, p.role)).collect()
    }

    #[test]
    fn initials_after_a_title_are_a_given_name() {
        let s = "Gov. KC Lindahl signed it. Lindahl said it was overdue. \
                 Rep. D.W. Osei and Sen. U.S. Steel met. Osei said so.";
        assert_eq!(
            roles(s),
            vec![
                ("KC Lindahl".into(), Some("Governor".into())),
                ("D.W. Osei".into(), Some("Representative".into())),
            ]
        );
        // Without a title, capitals stay an acronym.
        assert!(names("The FAA Tower said no.").is_empty());
    }

    #[test]
    fn a_capitalized_body_before_a_lowercase_title_is_part_of_the_role() {
        let s = "Council member Ines Valdivia voted no. Valdivia said the plan failed. \
                 White House spokesman Bo Lindgren said nothing.";
        assert_eq!(
            roles(s),
            vec![
                ("Ines Valdivia".into(), Some("Council Member".into())),
                ("Bo Lindgren".into(), Some("Spokesman".into())),
            ]
        );
    }

    #[test]
    fn roles_after_the_name_in_several_forms() {
        let s = "Marta Oyelaran, Ohio's secretary of state, said the count was done. \
                 Devin Achterberg, the Democratic nominee for governor, said he would appeal. \
                 Keisha Fontaine, a spokeswoman for Gov. Ana Ruiz, said the clinic reopened. \
                 \"We are ready,\" said Gwen Talbot, the county's deputy manager. \
                 The mayor, Irene Szabo, said the city would appeal. \
                 Nadia Petrakis, 52, a nurse in Dayton, said she had waited.";
        assert_eq!(
            roles(s),
            vec![
                ("Marta Oyelaran".into(), Some("Secretary of State".into())),
                ("Devin Achterberg".into(), Some("Nominee".into())),
                ("Keisha Fontaine".into(), Some("Spokeswoman".into())),
                ("Ana Ruiz".into(), Some("Governor".into())),
                ("Gwen Talbot".into(), Some("Deputy Manager".into())),
                ("Irene Szabo".into(), Some("Mayor".into())),
                ("Nadia Petrakis".into(), None),
            ]
        );
    }

    #[test]
    fn lone_words_after_an_opening_phrase_or_an_inverted_verb_are_not_people() {
        let s = "Later, Brookfield said the figures were wrong. \
                 Asked about it, Henmore said nothing. \
                 Mayor Ana Ruiz spoke, said Springfield would suffer. \
                 \"It is premature,\" said Moody's.\n\
                 \"We are done,\" said Okonjo.";
        assert_eq!(names(s), vec!["Ana Ruiz", "Okonjo"]);
        // A known person may still be named so.
        let s = "Mayor Lena Varga spoke first. Later, Varga said the budget was late.";
        let p = find(&Text::new(s));
        assert_eq!(p.people.len(), 1);
        assert_eq!(p.mentions.len(), 2);
    }

    #[test]
    fn an_office_after_title_of_is_not_part_of_the_name() {
        let s = "Secretary of Transportation Celeste Brandt joined them. \
                 Secretary of the Interior Raul T. Esparza spoke.";
        assert_eq!(
            roles(s),
            vec![
                (
                    "Celeste Brandt".into(),
                    Some("Secretary of Transportation".into())
                ),
                (
                    "Raul T. Esparza".into(),
                    Some("Secretary of the Interior".into())
                ),
            ]
        );
    }

    #[test]
    fn former_and_incoming_office_holders_keep_their_titles() {
        let s = "Gov.-elect Tariq Farouk named a chief of staff. \
                 Ex-Sen. Horace Wimberly died Sunday.";
        assert_eq!(
            roles(s),
            vec![
                ("Tariq Farouk".into(), Some("Governor-elect".into())),
                ("Horace Wimberly".into(), Some("Senator".into())),
            ]
        );
    }

    #[test]
    fn a_one_word_subject_joins_a_known_person() {
        let s = "Mayor Lena Park opened the hearing.\nPark said the budget was late.";
        let p = people(s);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Lena Park");
    }

    #[test]
    fn a_surname_that_is_also_a_title_or_office_word_follows_a_given_name() {
        let s = "\"Rents will keep rising,\" said Harold White, an economist. \
                 Later, housing analyst Megan Doctor said the data was thin.";
        assert_eq!(names(s), vec!["Harold White", "Megan Doctor"]);
        // Without a known given name the office word still ends the name.
        assert_eq!(
            names("Officials at Riverside White said nothing."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_given_name_that_is_also_a_common_word_opens_a_name() {
        let s = "Will Osterhout said the bridge was safe. \
                 Councilwoman June Arkwright said repairs could wait.";
        assert_eq!(names(s), vec!["Will Osterhout", "June Arkwright"]);
    }

    #[test]
    fn speakers_after_long_asides_ages_places_and_auxiliaries() {
        let s = "Fellow marcher, retired nurse Dorothy Quayle, 71, from Hexham, \
                 Northumberland, said the river was low.\n\n\
                 \"The levy is paid by the buyer,\" Howard Glennon, a senior fellow \
                 at the Brookings-Urban Tax Center, has written.\n\n\
                 \"Talks are back at the start,\" Rosa Pellin, an expert on the region at \
                 U.K. think-tank Harbor House, told reporters.";
        assert_eq!(
            names(s),
            vec!["Dorothy Quayle", "Howard Glennon", "Rosa Pellin"]
        );
    }

    #[test]
    fn a_role_between_the_reporting_verb_and_the_name() {
        let s = "\"It is the most useful guide I have read,\" says the former editor \
                 of the Gazette, Colin Ashdown.";
        assert_eq!(names(s), vec!["Colin Ashdown"]);
        // Not when the verb's clause is not after a quotation.
        let s = "Nobody says the editor of the Gazette, Colin Ashdown, was wrong.";
        assert_eq!(names(s), Vec::<String>::new());
    }

    #[test]
    fn a_knight_named_by_given_name_is_the_full_name() {
        let s = "Sir Edmund Rackham opened the session. \
                 Later Sir Edmund said the vote would wait. \
                 Lady Rackham declined to comment.";
        let p = people(s);
        assert_eq!(p[0].name, "Edmund Rackham", "{p:?}");
        assert!(!p.iter().any(|x| x.name == "Edmund"), "{p:?}");
    }
}
