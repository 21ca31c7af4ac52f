//! A person's name as a value: [`NameParts`] reads a name as given name,
//! middle names, surname and suffix, without titles, and [`same_person`] /
//! [`names_the_same_person`] say whether two names can be one person ("Ana
//! Lucia Reyes", "Ana Reyes", "Mayor Reyes"). The quiz judge, the worksheet
//! key and the generator's identities all use them.

use super::is_title;

/// Generational and degree suffixes, which tell a son from his father.
pub(crate) const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"];

/// A name split into its parts, lowercase, without punctuation or titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// The given name; `None` for a surname alone ("Reyes", "President Reyes").
    pub first: Option<String>,
    /// Middle names or initials, in order.
    pub middles: Vec<String>,
    pub last: String,
    pub suffix: Option<String>,
}

impl NameParts {
    /// The parts of `name`, or `None` when it is not a person's name (no
    /// word left after titles, or figures in it).
    pub fn of(name: &str) -> Option<NameParts> {
        let raw: Vec<&str> = name.split_whitespace().collect();
        if raw.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            return None;
        }
        // Titles before the name, with the words that qualify them:
        // "President", "Vice President", "Transportation Secretary".
        let skip = raw[..raw.len().saturating_sub(1)]
            .iter()
            .rposition(|w| is_title(w.trim_end_matches(',')) || is_filler(w))
            .map_or(0, |i| i + 1);
        let mut words: Vec<String> = raw[skip..]
            .iter()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .replace(['’', '\''], "")
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut suffix = None;
        while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
            suffix = words.pop();
        }
        let last = words.pop()?;
        let first = (!words.is_empty()).then(|| words.remove(0));
        Some(NameParts {
            first,
            middles: words,
            last,
            suffix,
        })
    }

    /// The middle names as initials ("lucia" and "l" are both "l").
    pub(crate) fn initials(&self) -> String {
        self.middles
            .iter()
            .filter_map(|m| m.chars().next())
            .collect()
    }

    /// How full the name is: given name, middles and surname count.
    pub(crate) fn fullness(&self) -> usize {
        usize::from(self.first.is_some()) + self.middles.len() + 1
    }
}

/// "the", "of" and other words that may sit among title words.
pub(crate) fn is_filler(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "the" | "of" | "former" | "then")
}

/// Whether two names can be the same person: the same surname (and suffix,
/// when both have one), and where both give a given name, the same one with
/// middle names that do not contradict. A surname alone fits any full name
/// with that surname; `judge` uses this for a reply against a known answer.
pub fn same_person(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (NameParts::of(a), NameParts::of(b)) else {
        return false;
    };
    if a.last != b.last {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.suffix, &b.suffix)
        && x != y
    {
        return false;
    }
    match (&a.first, &b.first) {
        (Some(x), Some(y)) => x == y && middles_agree(&a, &b),
        _ => true,
    }
}

/// Whether `reply` names the person whose name is `known`: as
/// [`same_person`], but a reply that adds a given name to a surname alone is
/// a guess ("Tomas Reyes" for "Reyes" may be another Reyes).
pub fn names_the_same_person(known: &str, reply: &str) -> bool {
    let adds_a_given_name = NameParts::of(known).is_some_and(|k| k.first.is_none())
        && NameParts::of(reply).is_some_and(|r| r.first.is_some());
    !adds_a_given_name && same_person(known, reply)
}

/// Middle names agree when either name has none, or their initials match.
fn middles_agree(a: &NameParts, b: &NameParts) -> bool {
    let (x, y) = (a.initials(), b.initials());
    x.is_empty() || y.is_empty() || x == y
}
