//! Every word list the program knows, each in one place: months, weekdays,
//! number and scale words, currencies, qualifiers, titles and roles,
//! reporting verbs, stop words and the other lists the extractor, the
//! generator and the quiz judge read.
//!
//! The lists are the `*.txt` files beside this module, read with
//! `include_str!`: one entry per line, `#` starts a comment. Lists of plain
//! words are matched in any case; a number after a word is its value (a
//! month's number, a scale word's exponent). Those lists are gathered at
//! compile time into one open-addressed table ([`table`]) so that asking
//! which lists a word is in costs one hash and, usually, one comparison: the
//! extractor asks it of nearly every word. The few lists matched exactly
//! (currency codes, scale abbreviations, where `M` and `m` differ) are small
//! and read once into a slice.

pub mod name;
mod table;
pub mod value;

pub use value::{Amount, Measure, PartialDate};

use std::sync::LazyLock;

pub use table::{Flags, any_case_flags, flags, lower_flags, lower_value};

/// A list: the text of its file.
pub type List = &'static str;

/// The entries of a list: each line's text without its comment, trimmed,
/// blank lines skipped.
pub fn entries(list: List) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|line| {
            line.split_once('#')
                .map_or(line, |(before, _)| before)
                .trim()
        })
        .filter(|line| !line.is_empty())
}

/// The words of a list (each entry's first word).
pub fn words(list: List) -> impl Iterator<Item = &'static str> {
    entries(list).filter_map(|e| e.split_whitespace().next())
}

/// The entries of a list as a word and the rest of its line ("k 3" → ("k", "3")).
pub fn pairs(list: List) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(list).map(|e| {
        e.split_once(char::is_whitespace)
            .map_or((e, ""), |(w, rest)| (w, rest.trim()))
    })
}

/// The lists, one file each.
pub mod list {
    use super::List;

    /// Month names and their numbers ("January 1").
    pub const MONTHS: List = include_str!("months.txt");
    /// Month abbreviations and their numbers ("Jan 1", "Sept 9").
    pub const MONTH_ABBREVIATIONS: List = include_str!("month_abbreviations.txt");
    /// Day names.
    pub const WEEKDAYS: List = include_str!("weekdays.txt");
    /// Short forms of day names ("Tues").
    pub const WEEKDAY_ABBREVIATIONS: List = include_str!("weekday_abbreviations.txt");
    /// Words before a bare month that make it a date ("in October").
    pub const MONTH_CONTEXT: List = include_str!("month_context_words.txt");
    /// Number words below twenty and their values.
    pub const NUMBER_WORDS: List = include_str!("number_words.txt");
    /// Multiples of ten written out and their values.
    pub const NUMBER_TENS: List = include_str!("number_tens.txt");
    /// Scale words and their decimal exponents ("million 6").
    pub const SCALE_WORDS: List = include_str!("scale_words.txt");
    /// Scale abbreviations after money and their exponents (exact case).
    pub const MONEY_SCALE_ABBREVIATIONS: List = include_str!("money_scale_abbreviations.txt");
    /// Scale abbreviations glued to a count and their exponents (exact case).
    pub const COUNT_SCALE_ABBREVIATIONS: List = include_str!("count_scale_abbreviations.txt");
    /// ISO 4217 codes written beside an amount (exact case).
    pub const CURRENCY_CODES: List = include_str!("currency_codes.txt");
    /// Currency symbols and their codes.
    pub const CURRENCY_SYMBOLS: List = include_str!("currency_symbols.txt");
    /// Letters glued before `$` and the dollar they name (exact case).
    pub const DOLLAR_PREFIXES: List = include_str!("dollar_prefixes.txt");
    /// Currency nouns after an amount, their code and factor.
    pub const CURRENCY_NOUNS: List = include_str!("currency_nouns.txt");
    /// Qualifiers before a number and their canonical forms.
    pub const QUALIFIERS: List = include_str!("qualifiers.txt");
    /// Words that end with a period without ending a sentence.
    pub const ABBREVIATIONS: List = include_str!("abbreviations.txt");
    /// Function words: never units, they end a counted-noun phrase.
    pub const FUNCTION_WORDS: List = include_str!("function_words.txt");
    /// Words that make the number after them a label ("Section 232").
    pub const IDENTIFIER_WORDS: List = include_str!("identifier_words.txt");
    /// Nouns counted even when singular or irregular ("people", "feet").
    pub const COUNT_NOUNS: List = include_str!("count_nouns.txt");
    /// Counted nouns that are units after any number ("staff").
    pub const INVARIANT_UNITS: List = include_str!("invariant_units.txt");
    /// Words ending in `s` that are not plural nouns.
    pub const FALSE_PLURALS: List = include_str!("false_plurals.txt");
    /// Irregular past-tense verbs that can follow a bare count.
    pub const COUNT_VERBS: List = include_str!("count_verbs.txt");
    /// Words ending in -ed that are not verbs after a count.
    pub const NOT_COUNT_VERBS: List = include_str!("not_count_verbs.txt");
    /// Nouns before "of" that make the number after them a count.
    pub const COUNT_HEADS: List = include_str!("count_heads.txt");
    /// Street words after a house number.
    pub const STREET_WORDS: List = include_str!("street_words.txt");
    /// Titles and roles that stand before a name.
    pub const TITLES: List = include_str!("titles.txt");
    /// Words that may stand before a title as part of the role.
    pub const ROLE_MODIFIERS: List = include_str!("role_modifiers.txt");
    /// Words that mark an organisation, place or event.
    pub const ORG_WORDS: List = include_str!("org_words.txt");
    /// Organisation words that are also surnames.
    pub const WEAK_ORG_WORDS: List = include_str!("weak_org_words.txt");
    /// Function words and sentence openers that are never names.
    pub const STOP_WORDS: List = include_str!("stop_words.txt");
    /// Verbs that attribute speech.
    pub const REPORTING_VERBS: List = include_str!("reporting_verbs.txt");
    /// Adverbs between a speaker and the reporting verb.
    pub const ADVERBS: List = include_str!("adverbs.txt");
    /// Words after which a name is more likely an object than a subject.
    pub const OBJECT_MARKERS: List = include_str!("object_markers.txt");
    /// Words that name or mark a news organisation.
    pub const OUTLET_WORDS: List = include_str!("outlet_words.txt");
    /// Titles of men.
    pub const MALE_TITLES: List = include_str!("male_titles.txt");
    /// Titles of women.
    pub const FEMALE_TITLES: List = include_str!("female_titles.txt");
    /// Common given names of men.
    pub const MALE_NAMES: List = include_str!("male_names.txt");
    /// Common given names of women.
    pub const FEMALE_NAMES: List = include_str!("female_names.txt");
    /// Name suffixes ("Jr.").
    pub const NAME_SUFFIXES: List = include_str!("name_suffixes.txt");
    /// Words of other lists that are also common surnames.
    pub const SURNAME_WORDS: List = include_str!("surname_words.txt");
}

/// A month's name from its number (1-12): "January".
pub fn month_name(month: u32) -> Option<&'static str> {
    static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words(list::MONTHS).collect());
    NAMES
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

/// A month's short form from its number (1-12): "Jan" (the first
/// abbreviation listed for it; May has none and keeps its name).
pub fn month_abbreviation(month: u32) -> Option<&'static str> {
    static SHORT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        (1..=12)
            .map(|m| {
                pairs(list::MONTH_ABBREVIATIONS)
                    .find(|(_, n)| n.parse() == Ok(m))
                    .map_or_else(|| month_name(m).unwrap_or_default(), |(w, _)| w)
            })
            .collect()
    });
    SHORT
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

/// The month (1-12) a lowercase name or abbreviation stands for, and
/// whether it was the abbreviation.
pub fn month(lower: &str) -> Option<(u32, bool)> {
    let (f, v) = lower_value(lower);
    if f & table::MONTH != 0 {
        Some((u32::from(v), false))
    } else if f & table::MONTH_ABBR != 0 {
        Some((u32::from(v), true))
    } else {
        None
    }
}

/// The decimal exponent of a lowercase scale word ("million" → 6).
pub fn scale_word(lower: &str) -> Option<i32> {
    let (f, v) = lower_value(lower);
    (f & table::SCALE != 0).then_some(i32::from(v))
}

/// The value of a lowercase number word below a hundred ("seven", "forty"),
/// and whether it is a multiple of ten that may take a unit after it.
pub fn small_number(lower: &str) -> Option<(f64, bool)> {
    let (f, v) = lower_value(lower);
    if f & table::NUMBER != 0 {
        Some((f64::from(v), false))
    } else if f & table::TENS != 0 {
        Some((f64::from(v), true))
    } else {
        None
    }
}

/// A title or role word ("Governor", "gov.", "spokeswoman", "Mayor-elect").
pub fn is_title(word: &str) -> bool {
    flags(strip_elect(word)) & TITLE != 0
}

/// `Mayor-elect` → `Mayor`; other words unchanged.
fn strip_elect(word: &str) -> &str {
    // "Ex-Sen.": a former holder still carries the title.
    let word = word
        .strip_prefix("Ex-")
        .or_else(|| word.strip_prefix("ex-"))
        .unwrap_or(word);
    for suffix in ["-elect", "-Elect", "-designate", "-Designate"] {
        if let Some(b) = word.strip_suffix(suffix) {
            return b;
        }
    }
    word
}

/// A list of exact words with a value each, read once.
fn valued<T: 'static + Send + Sync>(
    cell: &'static LazyLock<Vec<(&'static str, T)>>,
    word: &str,
) -> Option<&'static T> {
    cell.iter().find(|(w, _)| *w == word).map(|(_, v)| v)
}

fn exponents(list: List) -> Vec<(&'static str, i32)> {
    pairs(list)
        .map(|(w, v)| (w, v.parse().unwrap_or_default()))
        .collect()
}

/// The decimal exponent of a scale abbreviation after money (exact case).
pub fn money_scale_abbr(raw: &str) -> Option<i32> {
    static LIST: LazyLock<Vec<(&str, i32)>> =
        LazyLock::new(|| exponents(list::MONEY_SCALE_ABBREVIATIONS));
    valued(&LIST, raw).copied()
}

/// The decimal exponent of a scale abbreviation glued to a count (exact case).
pub fn count_scale_abbr(raw: &str) -> Option<i32> {
    static LIST: LazyLock<Vec<(&str, i32)>> =
        LazyLock::new(|| exponents(list::COUNT_SCALE_ABBREVIATIONS));
    valued(&LIST, raw).copied()
}

/// An ISO 4217 code as listed (exact case).
pub fn currency_code(raw: &str) -> Option<&'static str> {
    static LIST: LazyLock<Vec<(&str, ())>> =
        LazyLock::new(|| words(list::CURRENCY_CODES).map(|w| (w, ())).collect());
    LIST.iter().find(|(w, _)| *w == raw).map(|(w, _)| *w)
}

/// The currency a symbol written before an amount stands for.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    static LIST: LazyLock<Vec<(char, &str)>> = LazyLock::new(|| {
        pairs(list::CURRENCY_SYMBOLS)
            .filter_map(|(s, code)| Some((s.chars().next()?, code)))
            .collect()
    });
    LIST.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
}

/// The dollar that letters glued before `$` name ("C" → CAD), exact case.
pub fn dollar_prefix(raw: &str) -> Option<&'static str> {
    static LIST: LazyLock<Vec<(&str, &str)>> =
        LazyLock::new(|| pairs(list::DOLLAR_PREFIXES).collect());
    valued(&LIST, raw).copied()
}

/// A lowercase currency noun after an amount: its code and the factor to
/// the main unit ("cents" → USD, 0.01).
pub fn currency_noun(lower: &str) -> Option<(&'static str, f64)> {
    static LIST: LazyLock<Vec<(&str, (&str, f64))>> = LazyLock::new(|| {
        pairs(list::CURRENCY_NOUNS)
            .map(|(w, rest)| {
                let (code, factor) = rest.split_once(' ').unwrap_or((rest, "1"));
                (w, (code, factor.trim().parse().unwrap_or(1.0)))
            })
            .collect()
    });
    valued(&LIST, lower).copied()
}

/// A qualifier phrase as lowercase words, and the canonical form reported.
pub type Qualifier = (Vec<&'static str>, &'static str);

/// The qualifiers, longest first, as [`list::QUALIFIERS`] orders them.
pub fn qualifiers() -> &'static [Qualifier] {
    static LIST: LazyLock<Vec<Qualifier>> = LazyLock::new(|| {
        entries(list::QUALIFIERS)
            .map(|e| {
                let (phrase, canon) = e.split_once('=').map_or((e, e), |(p, c)| (p, c));
                (phrase.split_whitespace().collect(), canon.trim())
            })
            .collect()
    });
    &LIST
}

/// Flags of the table: which lists a word is in.
pub use table::{
    ABBREVIATION, ADVERB, CALENDAR, COUNT_HEAD, COUNT_NOUN, COUNT_VERB, FALSE_PLURAL, FEMALE_NAME,
    FEMALE_TITLE, FUNCTION_WORD, IDENTIFIER_WORD, INVARIANT_UNIT, MALE_NAME, MALE_TITLE, MODIFIER,
    MONTH, MONTH_ABBR, MONTH_CONTEXT, NOT_COUNT_VERB, NUMBER, OBJECT, ORG, OUTLET, SCALE, STOP,
    STREET_WORD, SUFFIX, SURNAME_WORD, TENS, TITLE, VERB, WEAK_ORG, WEEKDAY, WEEKDAY_ABBR,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines() {
        let text = "# a list\nalpha\n\n  beta 2  # the second\n";
        assert_eq!(entries(text).collect::<Vec<_>>(), ["alpha", "beta 2"]);
        assert_eq!(
            pairs(text).collect::<Vec<_>>(),
            [("alpha", ""), ("beta", "2")]
        );
    }

    #[test]
    fn values_are_read_from_the_lists() {
        assert_eq!(month("september"), Some((9, false)));
        assert_eq!(month("sept"), Some((9, true)));
        assert_eq!(month("May"), None, "lower_* lookups take lowercase words");
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(13), None);
        assert_eq!(month_abbreviation(5), Some("May"));
        assert_eq!(month_abbreviation(9), Some("Sep"));
        assert_eq!(scale_word("billion"), Some(9));
        assert_eq!(small_number("zero"), Some((0.0, false)));
        assert_eq!(small_number("forty"), Some((40.0, true)));
        assert_eq!(money_scale_abbr("MM"), Some(6));
        assert_eq!(money_scale_abbr("mm"), None);
        assert_eq!(count_scale_abbr("m"), None);
        assert_eq!(currency_code("CHF"), Some("CHF"));
        assert_eq!(currency_code("chf"), None);
        assert_eq!(currency_symbol('£'), Some("GBP"));
        assert_eq!(dollar_prefix("Mex"), Some("MXN"));
        assert_eq!(currency_noun("cents"), Some(("USD", 0.01)));
        let q = qualifiers();
        assert_eq!(q[0], (vec!["a", "little", "more", "than"], "more than"));
        assert!(q.contains(&(vec!["about"], "about")));
    }

    #[test]
    fn every_valued_entry_has_a_number() {
        for l in [
            list::MONTHS,
            list::MONTH_ABBREVIATIONS,
            list::NUMBER_WORDS,
            list::NUMBER_TENS,
            list::SCALE_WORDS,
            list::MONEY_SCALE_ABBREVIATIONS,
            list::COUNT_SCALE_ABBREVIATIONS,
        ] {
            for (w, v) in pairs(l) {
                assert!(v.parse::<u8>().is_ok(), "{w} {v}");
            }
        }
    }
}
