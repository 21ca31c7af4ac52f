//! Questions about words that tell people from organisations and find who
//! is speaking: titles and roles, reporting verbs, organisation and outlet
//! words, and the small function words that open sentences but never names.
//! The lists themselves are in [`crate::lexicon`].
//!
//! Every check is case-insensitive and allocation-free: words longer than the
//! longest listed word are never in a list.

use crate::lexicon::{self, ADVERB, CALENDAR, FEMALE_TITLE, MALE_TITLE, MODIFIER, OBJECT};
/// The table's lookup and the flags the name finders combine.
pub use crate::lexicon::{
    CALENDAR as CALENDAR_WORD, FEMALE_NAME, Flags, MALE_NAME, ORG, OUTLET, STOP, SUFFIX,
    SURNAME_WORD, TITLE, VERB, WEAK_ORG, flags,
};

/// A person's grammatical gender as the document shows it (pronouns, titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

fn listed(flag: Flags, word: &str) -> bool {
    lexicon::flags(word) & flag != 0
}

/// A title or role word: in the lexicon, which the quiz judge also reads.
pub use crate::lexicon::is_title;

/// A word that may stand before a title as part of the role.
pub fn is_role_modifier(word: &str) -> bool {
    listed(MODIFIER, word)
}

/// A word that marks an organisation, place or event.
pub fn is_org_word(word: &str) -> bool {
    listed(ORG, word)
}

/// An organisation word that is also a surname ("Park", "Hall").
pub fn is_weak_org_word(word: &str) -> bool {
    listed(WEAK_ORG, word)
}

/// A function word or sentence opener.
pub fn is_stop_word(word: &str) -> bool {
    listed(STOP, word)
}

/// A month or weekday.
pub fn is_calendar_word(word: &str) -> bool {
    listed(CALENDAR, word)
}

/// A verb (or participle) that attributes speech.
pub fn is_reporting_verb(word: &str) -> bool {
    listed(VERB, word)
}

/// A word that may sit between a speaker and the reporting verb.
pub fn is_adverb(word: &str) -> bool {
    listed(ADVERB, word)
        || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_lowercase()))
}

/// A word after which a name is more likely an object than a subject.
pub fn is_object_marker(word: &str) -> bool {
    listed(OBJECT, word)
        || (word.len() > 5 && word.ends_with("ing") && word.chars().all(|c| c.is_lowercase()))
}

/// A word that names or marks a news organisation.
pub fn is_outlet_word(word: &str) -> bool {
    listed(OUTLET, word)
}

/// A name suffix such as `Jr.` (checked directly: it is asked of every name word).
pub fn is_suffix(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    w.len() <= 3
        && ["jr", "sr", "ii", "iii", "iv"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
}

/// The gender a title implies (`Ms.`, `spokesman`).
pub fn title_gender(word: &str) -> Option<Gender> {
    let f = lexicon::flags(word);
    if f & MALE_TITLE != 0 {
        Some(Gender::Male)
    } else if f & FEMALE_TITLE != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a common given name suggests.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    let f = lexicon::flags(word);
    if f & MALE_NAME != 0 {
        Some(Gender::Male)
    } else if f & FEMALE_NAME != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a third-person pronoun, if `word` is one.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "HE" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "SHE" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A subject pronoun that can say something ("he", "she").
pub fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "He" | "she" | "She")
}

/// A possessive pronoun ("his", "her").
pub fn is_possessive_pronoun(word: &str) -> bool {
    matches!(word, "his" | "His" | "her" | "Her")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_case_insensitive_and_ignore_periods_and_elect() {
        assert!(is_title("Gov."));
        assert!(is_title("Mayor-elect"));
        assert!(is_title("Ex-Sen."));
        assert!(is_title("Gov.-elect"));
        assert!(is_title("SPOKESWOMAN"));
        assert!(!is_title("Smith"));
        assert!(is_org_word("Department"));
        assert!(is_reporting_verb("Said"));
        assert!(!is_reporting_verb("sat"));
        assert_eq!(title_gender("Ms."), Some(Gender::Female));
        assert_eq!(first_name_gender("Robert"), Some(Gender::Male));
    }

    #[test]
    fn long_and_non_ascii_words_are_never_listed() {
        assert!(!is_title("Präsident"));
        assert!(!is_org_word(&"x".repeat(100)));
    }

    #[test]
    fn object_markers_include_participles() {
        assert!(is_object_marker("addressing"));
        assert!(is_object_marker("to"));
        assert!(!is_object_marker("Smith"));
    }
}
