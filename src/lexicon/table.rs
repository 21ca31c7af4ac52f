//! The word table: every word of the lists matched in any case, with one
//! bit per list it is in and its value (a month's number, a scale word's
//! exponent), built at compile time from the list files.
//!
//! The extractor looks a word up for nearly every token, mostly words in no
//! list: a lookup packs the word into two integers, hashes them and reads a
//! 16-bit tag per slot from a 16 KB array that stays in cache; the keys are
//! read only when a tag matches.

use super::list;

/// Which lists a word is in: one bit per list.
pub type Flags = u64;
/// [`list::TITLES`]
pub const TITLE: Flags = 1;
/// [`list::ROLE_MODIFIERS`]
pub const MODIFIER: Flags = 1 << 1;
/// [`list::ORG_WORDS`]
pub const ORG: Flags = 1 << 2;
/// [`list::WEAK_ORG_WORDS`]
pub const WEAK_ORG: Flags = 1 << 3;
/// [`list::STOP_WORDS`]
pub const STOP: Flags = 1 << 4;
/// [`list::MONTHS`] (valued: the month's number)
pub const MONTH: Flags = 1 << 5;
/// [`list::REPORTING_VERBS`]
pub const VERB: Flags = 1 << 6;
/// [`list::ADVERBS`]
pub const ADVERB: Flags = 1 << 7;
/// [`list::OBJECT_MARKERS`]
pub const OBJECT: Flags = 1 << 8;
/// [`list::OUTLET_WORDS`]
pub const OUTLET: Flags = 1 << 9;
/// [`list::MALE_TITLES`]
pub const MALE_TITLE: Flags = 1 << 10;
/// [`list::FEMALE_TITLES`]
pub const FEMALE_TITLE: Flags = 1 << 11;
/// [`list::MALE_NAMES`]
pub const MALE_NAME: Flags = 1 << 12;
/// [`list::FEMALE_NAMES`]
pub const FEMALE_NAME: Flags = 1 << 13;
/// [`list::NAME_SUFFIXES`]
pub const SUFFIX: Flags = 1 << 14;
/// [`list::SURNAME_WORDS`]
pub const SURNAME_WORD: Flags = 1 << 15;
/// [`list::MONTH_ABBREVIATIONS`] (valued: the month's number)
pub const MONTH_ABBR: Flags = 1 << 16;
/// [`list::WEEKDAYS`]
pub const WEEKDAY: Flags = 1 << 17;
/// [`list::MONTH_CONTEXT`]
pub const MONTH_CONTEXT: Flags = 1 << 18;
/// [`list::NUMBER_WORDS`] (valued)
pub const NUMBER: Flags = 1 << 19;
/// [`list::NUMBER_TENS`] (valued)
pub const TENS: Flags = 1 << 20;
/// [`list::SCALE_WORDS`] (valued: the exponent)
pub const SCALE: Flags = 1 << 21;
/// [`list::ABBREVIATIONS`]
pub const ABBREVIATION: Flags = 1 << 22;
/// [`list::FUNCTION_WORDS`]
pub const FUNCTION_WORD: Flags = 1 << 23;
/// [`list::IDENTIFIER_WORDS`]
pub const IDENTIFIER_WORD: Flags = 1 << 24;
/// [`list::COUNT_NOUNS`]
pub const COUNT_NOUN: Flags = 1 << 25;
/// [`list::INVARIANT_UNITS`]
pub const INVARIANT_UNIT: Flags = 1 << 26;
/// [`list::FALSE_PLURALS`]
pub const FALSE_PLURAL: Flags = 1 << 27;
/// [`list::COUNT_VERBS`]
pub const COUNT_VERB: Flags = 1 << 28;
/// [`list::NOT_COUNT_VERBS`]
pub const NOT_COUNT_VERB: Flags = 1 << 29;
/// [`list::COUNT_HEADS`]
pub const COUNT_HEAD: Flags = 1 << 30;
/// [`list::STREET_WORDS`]
pub const STREET_WORD: Flags = 1 << 31;
/// [`list::WEEKDAY_ABBREVIATIONS`]
pub const WEEKDAY_ABBR: Flags = 1 << 32;
/// A month, its abbreviation or a weekday.
pub const CALENDAR: Flags = MONTH | MONTH_ABBR | WEEKDAY;

/// The lists in the table, their flags and whether their entries carry a value.
const LISTS: [(&str, Flags, bool); 33] = [
    (list::TITLES, TITLE, false),
    (list::ROLE_MODIFIERS, MODIFIER, false),
    (list::ORG_WORDS, ORG, false),
    (list::WEAK_ORG_WORDS, WEAK_ORG, false),
    (list::STOP_WORDS, STOP, false),
    (list::MONTHS, MONTH, true),
    (list::REPORTING_VERBS, VERB, false),
    (list::ADVERBS, ADVERB, false),
    (list::OBJECT_MARKERS, OBJECT, false),
    (list::OUTLET_WORDS, OUTLET, false),
    (list::MALE_TITLES, MALE_TITLE, false),
    (list::FEMALE_TITLES, FEMALE_TITLE, false),
    (list::MALE_NAMES, MALE_NAME, false),
    (list::FEMALE_NAMES, FEMALE_NAME, false),
    (list::NAME_SUFFIXES, SUFFIX, false),
    (list::SURNAME_WORDS, SURNAME_WORD, false),
    (list::MONTH_ABBREVIATIONS, MONTH_ABBR, true),
    (list::WEEKDAYS, WEEKDAY, false),
    (list::MONTH_CONTEXT, MONTH_CONTEXT, false),
    (list::NUMBER_WORDS, NUMBER, true),
    (list::NUMBER_TENS, TENS, true),
    (list::SCALE_WORDS, SCALE, true),
    (list::ABBREVIATIONS, ABBREVIATION, false),
    (list::FUNCTION_WORDS, FUNCTION_WORD, false),
    (list::IDENTIFIER_WORDS, IDENTIFIER_WORD, false),
    (list::COUNT_NOUNS, COUNT_NOUN, false),
    (list::INVARIANT_UNITS, INVARIANT_UNIT, false),
    (list::FALSE_PLURALS, FALSE_PLURAL, false),
    (list::COUNT_VERBS, COUNT_VERB, false),
    (list::NOT_COUNT_VERBS, NOT_COUNT_VERB, false),
    (list::COUNT_HEADS, COUNT_HEAD, false),
    (list::STREET_WORDS, STREET_WORD, false),
    (list::WEEKDAY_ABBREVIATIONS, WEEKDAY_ABBR, false),
];

/// Longest word the table holds (the build fails on a longer one).
pub const MAX_LISTED: usize = 16;

/// A word of up to [`MAX_LISTED`] bytes as two integers, zero-padded.
type Key = (u64, u64);

/// Slots in the open-addressed table: a power of two, at most a third full
/// (a test checks it).
const TABLE_BITS: u32 = 13;
const SLOTS: usize = 1 << TABLE_BITS;

struct Table {
    /// Per slot: 0 when empty, else bits of the key's hash (never 0).
    tags: [u16; SLOTS],
    keys: [Key; SLOTS],
    flags: [Flags; SLOTS],
    values: [u8; SLOTS],
}

static TABLE: Table = build();

const fn build() -> Table {
    let mut t = Table {
        tags: [0; SLOTS],
        keys: [(0, 0); SLOTS],
        flags: [0; SLOTS],
        values: [0; SLOTS],
    };
    let mut l = 0;
    while l < LISTS.len() {
        let (text, flag, valued) = LISTS[l];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // One line: its first word, then (in valued lists) a number.
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            let start = i;
            while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'#') {
                i += 1;
            }
            let end = i;
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            let mut value = 0u32;
            let mut digits = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                value = value * 10 + (b[i] - b'0') as u32;
                digits += 1;
                i += 1;
            }
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            i += 1;
            if start == end {
                continue;
            }
            assert!(end - start <= MAX_LISTED, "a listed word is too long");
            assert!(
                !valued || (digits > 0 && value < 256),
                "a listed word has no value"
            );
            let key = pack(b, start, end);
            let (mut s, tag) = probe(key);
            while t.tags[s] != 0 && !(t.keys[s].0 == key.0 && t.keys[s].1 == key.1) {
                s = (s + 1) % SLOTS;
            }
            if valued {
                assert!(
                    t.values[s] == 0 || t.values[s] as u32 == value,
                    "a word has two values"
                );
                t.values[s] = value as u8;
            }
            t.tags[s] = tag;
            t.keys[s] = key;
            t.flags[s] |= flag;
        }
        l += 1;
    }
    t
}

/// Bytes `start..end` of `b`, ASCII-lowercased, as a [`Key`] (at compile time).
const fn pack(b: &[u8], start: usize, end: usize) -> Key {
    let mut lo = 0u64;
    let mut hi = 0u64;
    let mut i = start;
    while i < end {
        let c = b[i].to_ascii_lowercase() as u64;
        let k = i - start;
        if k < 8 {
            lo |= c << (8 * k);
        } else {
            hi |= c << (8 * (k - 8));
        }
        i += 1;
    }
    (lo, hi)
}

/// Where a key's search starts in the table, and its tag.
const fn probe(key: Key) -> (usize, u16) {
    let h = (key.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key.1).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    ((h >> (64 - TABLE_BITS)) as usize, (h >> 24) as u16 | 1)
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// An ASCII word of 1 to [`MAX_LISTED`] bytes as two integers, and a mask
/// of its capital letters (0x80 in each byte that is one).
fn raw_key(word: &[u8]) -> Option<(Key, u64)> {
    if word.is_empty() || word.len() > MAX_LISTED {
        return None;
    }
    let mut buf = [0u8; MAX_LISTED];
    buf[..word.len()].copy_from_slice(word);
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    let (lo, hi) = (u64::from_le_bytes(lo), u64::from_le_bytes(hi));
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    // Capitals, eight bytes at once: 0x80 where a byte is at least 'A' and
    // below '['.
    let upper = |x: u64| (x + 0x3F3F_3F3F_3F3F_3F3F) & !(x + 0x2525_2525_2525_2525) & HIGH;
    Some(((lo, hi), upper(lo) | upper(hi)))
}

/// An ASCII word lowercased as a [`Key`].
fn key_of(word: &[u8]) -> Option<Key> {
    let ((lo, hi), _) = raw_key(word)?;
    let upper = |x: u64| (x + 0x3F3F_3F3F_3F3F_3F3F) & !(x + 0x2525_2525_2525_2525) & HIGH;
    Some((lo | (upper(lo) >> 2), hi | (upper(hi) >> 2)))
}

/// The slot holding `key`, if any.
fn find(key: Key) -> Option<usize> {
    let t = &TABLE;
    let (mut i, tag) = probe(key);
    loop {
        let have = t.tags[i];
        if have == tag && t.keys[i] == key {
            return Some(i);
        }
        if have == 0 {
            return None;
        }
        i = (i + 1) % SLOTS;
    }
}

/// The lists `word` is in, looked up in any case, ignoring a trailing
/// period and treating a curly apostrophe as a straight one (`Gov.`,
/// `Don’t`).
pub fn flags(word: &str) -> Flags {
    let word = word.strip_suffix('.').unwrap_or(word);
    let bytes = word.as_bytes();
    let key = if bytes.is_ascii() {
        key_of(bytes)
    } else {
        // Only the curly apostrophe is read as ASCII; other non-ASCII words
        // are in no list.
        let mut buf = [0u8; MAX_LISTED];
        let mut n = 0;
        for (i, part) in word.split('’').enumerate() {
            if i > 0 {
                if n >= MAX_LISTED {
                    return 0;
                }
                buf[n] = b'\'';
                n += 1;
            }
            if n + part.len() > MAX_LISTED {
                return 0;
            }
            buf[n..n + part.len()].copy_from_slice(part.as_bytes());
            n += part.len();
        }
        key_of(&buf[..n])
    };
    key.and_then(find).map_or(0, |i| TABLE.flags[i])
}

/// The lists an ASCII word is in, in any case, exactly as written (no
/// period stripped).
pub fn any_case_flags(word: &str) -> Flags {
    key_of(word.as_bytes())
        .and_then(find)
        .map_or(0, |i| TABLE.flags[i])
}

/// The lists a lowercase word is in and its value; a word with a capital
/// letter or outside ASCII is in none.
pub fn lower_value(word: &str) -> (Flags, u8) {
    match raw_key(word.as_bytes()) {
        Some((key, 0)) => find(key).map_or((0, 0), |i| (TABLE.flags[i], TABLE.values[i])),
        _ => (0, 0),
    }
}

/// The lists a lowercase word is in (see [`lower_value`]).
pub fn lower_flags(word: &str) -> Flags {
    lower_value(word).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::words;

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for (text, flag, _) in LISTS {
            for w in words(text) {
                assert!(w.len() <= MAX_LISTED, "{w}");
                assert!(flags(w) & flag != 0, "{w}");
                assert_eq!(flags(&w.to_uppercase()), flags(w), "{w}");
                assert!(any_case_flags(w) & flag != 0, "{w}");
                let lower = w.to_lowercase();
                assert!(lower_flags(&lower) & flag != 0, "{w}");
            }
        }
        let n = TABLE.tags.iter().filter(|&&t| t != 0).count();
        assert!(3 * n < SLOTS, "the table is too full: {n} words");
    }

    #[test]
    fn lookups_fold_case_periods_and_apostrophes_as_documented() {
        assert_eq!(flags("County’s"), flags("county's"));
        assert_ne!(flags("county's"), 0);
        assert_eq!(flags("Gov."), flags("gov"));
        assert_eq!(any_case_flags("Gov."), 0);
        assert_eq!(flags("govx"), 0);
        assert_eq!(flags("’"), 0);
        assert_eq!(flags("’s"), flags("'s"));
        assert_eq!(lower_flags("May"), 0);
        assert_ne!(lower_flags("may") & MONTH, 0);
        assert_eq!(lower_flags(&"x".repeat(40)), 0);
        assert_eq!(lower_flags("août"), 0);
    }
}
