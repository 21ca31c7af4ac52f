//! Questions the number and date finders ask about words: months, scale
//! words, qualifiers, function words, identifier words and counted-noun
//! shapes. The lists are in [`crate::lexicon`].
//!
//! Every function takes an ASCII-lowercased word (see [`Lower`]); a word
//! with a capital letter is in no list.

use arrayvec::ArrayString;

use crate::lexicon;

/// A word lowercased without allocating: the word itself when it is
/// lowercase already (most words), else a copy on the stack.
#[derive(Clone, Copy)]
pub enum Lower<'a> {
    Same(&'a str),
    Folded(ArrayString<24>),
}

impl<'a> Lower<'a> {
    /// The lowercase form of an ASCII word of at most 24 bytes (a curly
    /// apostrophe counts as `'`); `None` for anything else.
    pub fn of(word: &'a str) -> Option<Lower<'a>> {
        let bytes = word.as_bytes();
        if bytes.len() <= 24
            && bytes
                .iter()
                .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
        {
            return Some(Lower::Same(word));
        }
        if bytes.len() > 26 {
            return None;
        }
        let mut buf = ArrayString::<24>::new();
        if word.is_ascii() {
            buf.try_push_str(word).ok()?;
            buf.make_ascii_lowercase();
            return Some(Lower::Folded(buf));
        }
        for (k, piece) in word.split('’').enumerate() {
            if k > 0 {
                buf.try_push('\'').ok()?;
            }
            if !piece.is_ascii() {
                return None;
            }
            buf.try_push_str(piece).ok()?;
        }
        buf.make_ascii_lowercase();
        Some(Lower::Folded(buf))
    }

    /// The lowercase word.
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Folded(buf) => buf.as_str(),
        }
    }
}

/// The month a name or abbreviation stands for (1-12); `abbr` says whether
/// it was the abbreviation (which needs a period or a number after it).
pub fn month(w: &str) -> Option<(u32, bool)> {
    lexicon::month(w)
}

fn listed(flag: lexicon::Flags, w: &str) -> bool {
    lexicon::lower_flags(w) & flag != 0
}

/// Days of the week, which look like names before a comma.
pub fn weekday(w: &str) -> bool {
    listed(lexicon::WEEKDAY, w)
}

/// Words before a bare month that make it a date ("in October", "mid-October").
pub fn month_context(w: &str) -> bool {
    listed(lexicon::MONTH_CONTEXT, w)
}

/// Decimal exponent of a scale word written out (`million` is 6).
pub fn scale_word(w: &str) -> Option<i32> {
    lexicon::scale_word(w)
}

/// Decimal exponent of a scale abbreviation after an amount of money
/// (`$2.5M`, `€20m`, `$4bn`, `$5K`). Case matters for single letters.
pub fn money_scale_abbr(raw: &str) -> Option<i32> {
    lexicon::money_scale_abbr(raw)
}

/// Scale abbreviations accepted glued to a count ("2.5M people", "5K runners").
pub fn count_scale_abbr(raw: &str) -> Option<i32> {
    lexicon::count_scale_abbr(raw)
}

/// ISO 4217 codes written before or after an amount ("USD 5 million").
pub fn currency_code(raw: &str) -> Option<&'static str> {
    lexicon::currency_code(raw)
}

/// A currency symbol written before an amount.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    lexicon::currency_symbol(c)
}

/// Letters glued before `$` that name another dollar ("C$", "US$").
pub fn dollar_prefix(raw: &str) -> Option<&'static str> {
    lexicon::dollar_prefix(raw)
}

/// Currency nouns after an amount ("5 million dollars"): code and the
/// factor to the main unit.
pub fn currency_noun(w: &str) -> Option<(&'static str, f64)> {
    lexicon::currency_noun(w)
}

/// Qualifiers, longest first, as lowercase word sequences, and the canonical
/// form reported.
pub fn qualifiers() -> &'static [lexicon::Qualifier] {
    lexicon::qualifiers()
}

/// Function words: they end a counted-noun phrase and are never units.
pub fn function_word(w: &str) -> bool {
    listed(lexicon::FUNCTION_WORD, w)
}

/// Words that, right before a number, make it a label rather than a count
/// ("Section 232", "District 22", "Route 9", "page 4").
pub fn identifier_word(w: &str) -> bool {
    listed(lexicon::IDENTIFIER_WORD, w)
}

/// Nouns for time, measure and people that are counted even when singular or
/// irregular ("feet", "people", "staff"), or that a year-shaped number before
/// them makes a count ("2021 people" is not a date).
pub fn count_noun(w: &str) -> bool {
    listed(lexicon::COUNT_NOUN, w)
}

/// Counted nouns that are not plural in form but are units after any number.
pub fn invariant_unit(w: &str) -> bool {
    listed(lexicon::INVARIANT_UNIT, w)
}

/// Words ending in `s` that are not plural nouns.
pub fn false_plural(w: &str) -> bool {
    w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("'s")
        || w.ends_with("ics")
        || listed(lexicon::FALSE_PLURAL, w)
}

/// Past-tense verbs that can follow a bare count ("more than 420,000 fled").
pub fn count_verb(w: &str) -> bool {
    if listed(lexicon::COUNT_VERB, w) {
        return true;
    }
    w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && !listed(lexicon::NOT_COUNT_VERB, w)
}

/// Nouns before "of" that make the number after them a count of themselves
/// ("a population of 1,204,000").
pub fn count_head(w: &str) -> bool {
    listed(lexicon::COUNT_HEAD, w)
}

/// Street words after a house number ("1600 Pennsylvania Avenue").
pub fn street_word(w: &str) -> bool {
    listed(lexicon::STREET_WORD, w)
}
