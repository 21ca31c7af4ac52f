//! One identity per person across every document of a deck.
//!
//! Documents name one person in several ways: "Ana Lucia Reyes", "Ana Reyes",
//! "Mayor Reyes", "Reyes". [`NameParts`] reads a name as given name, middle
//! names, surname and suffix, without titles; [`same_person`] says whether two
//! names can be one person (the quiz judge and worksheet key use it), and
//! [`Identities`] groups the people of a whole deck, each under its fullest
//! name, so options and name banks hold one form per person.
//!
//! Grouping is cautious: full names join when given name, surname and suffix
//! agree and their middle names do not contradict ("George H. Bush" and
//! "George W. Bush" stay two people); a surname alone joins only the one
//! person of the deck who has that surname.

use crate::extract::names::is_title;
use crate::model::Person;
use std::collections::{BTreeMap, HashMap};

use crate::lexicon::name::is_filler;
/// A name's parts and whether two names are one person: in the lexicon,
/// beside the quiz judge's other value types.
pub use crate::lexicon::name::{NameParts, names_the_same_person, same_person};

/// Particles that sit lowercase inside a person's name ("Ludwig van
/// Beethoven", "Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "del", "della", "der", "di", "du", "la", "le",
    "van", "von", "y", "dos", "das",
];

/// Capitalized words that open an office or a thing, not a given name
/// ("Great Chamberlain", "Big Machine", "General Assembly").
const NOT_GIVEN: &[&str] = &[
    "great", "big", "high", "grand", "chief", "general", "lord", "royal", "supreme", "national",
    "united", "new", "old", "little", "first", "last", "saint", "holy", "black", "white", "red",
    "blue", "green", "north", "south", "east", "west", "central", "federal", "state", "city",
    "county", "mr", "mrs", "ms", "miss", "sir", "dame", "lady", "dr", "prof",
];

/// Courtesy titles that name a person only with a surname ("Lady Reyes",
/// "Mr. Reyes"): they may point at a spouse or a relative, so such a form is
/// never accepted for someone else's answer.
const COURTESY: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord",
];

/// The form of `name` a who-said option shows: the person's given name (or
/// initials) and surname, without titles or roles in front ("Editor-in-Chief
/// Ana Ruiz" → "Ana Ruiz"). `None` for a surname alone, a courtesy title
/// with a surname, or words that are not a person's name (a firm, an office,
/// "Riverton-based Acme").
pub fn person_form(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    // Leading titles, roles and their fillers: "Deputy Administrator", "the".
    let role_like = |w: &str| {
        let bare = w.trim_end_matches('.');
        is_title(w)
            || is_title(bare)
            || is_filler(w)
            || crate::extract::names::is_role_modifier(bare)
            || w.split('-')
                .any(|p| p.chars().next().is_some_and(char::is_lowercase))
                && w.contains('-')
    };
    let start = words.iter().position(|w| !role_like(w))?;
    let rest = &words[start..];
    if rest.len() < 2 {
        return None;
    }
    let first = rest[0].trim_end_matches('.').to_lowercase();
    if NOT_GIVEN.contains(&first.as_str()) {
        return None;
    }
    for (i, w) in rest.iter().enumerate() {
        let lower = w.to_lowercase();
        if w.chars().any(|c| c.is_ascii_digit())
            || (w.contains('-')
                && w.split('-')
                    .any(|p| p.chars().next().is_some_and(char::is_lowercase)))
        {
            return None;
        }
        let particle = i > 0 && i + 1 < rest.len() && PARTICLES.contains(&lower.as_str());
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital && !particle {
            return None;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if crate::extract::names::is_org_word(bare)
            || crate::extract::names::is_outlet_word(bare)
            || crate::extract::names::is_calendar_word(bare)
            || (crate::extract::names::is_stop_word(bare) && !particle)
        {
            return None;
        }
    }
    Some(rest.join(" "))
}

/// Whether `form` may be accepted as a reply naming `name`: a form with the
/// person's given name or their whole surname, not a courtesy title with a
/// surname ("Lady Reyes"), not a given name alone ("Sir Ana"), and not a
/// form another person of the deck (`others`) also goes by.
pub fn acceptable_alias(name: &str, form: &str, others: &[&str]) -> bool {
    let (Some(n), Some(f)) = (NameParts::of(name), NameParts::of(form)) else {
        return false;
    };
    if n.last != f.last {
        return false;
    }
    let first_word = form
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    if f.first.is_none() && COURTESY.contains(&first_word.as_str()) {
        return false;
    }
    if let (Some(a), Some(b)) = (&n.first, &f.first)
        && a != b
    {
        return false;
    }
    let form_words: Vec<String> = form.split_whitespace().map(|w| w.to_lowercase()).collect();
    let tail = |full: &str| -> bool {
        let fw: Vec<String> = full.split_whitespace().map(|w| w.to_lowercase()).collect();
        fw.len() > form_words.len() && fw.ends_with(&form_words)
    };
    !others.iter().any(|o| {
        o.eq_ignore_ascii_case(form)
            || tail(o)
            || NameParts::of(o).is_some_and(|p| f.first.is_none() && p.last == f.last)
    })
}

/// Whether one name is the other's last words ("Black Elk", "Linda Black
/// Elk"): two such options may be one person.
pub fn one_ends_the_other(a: &str, b: &str) -> bool {
    let wa: Vec<String> = a.split_whitespace().map(|w| w.to_lowercase()).collect();
    let wb: Vec<String> = b.split_whitespace().map(|w| w.to_lowercase()).collect();
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    !short.is_empty() && long.ends_with(short)
}

/// Given name, surname and suffix: full names with equal keys may be one person.
type FullKey = (String, String, Option<String>);

/// The people of a deck grouped by identity.
#[derive(Debug, Default)]
pub struct Identities {
    /// One entry per person: the fullest name, every other form as an alias.
    people: Vec<Person>,
    /// Lowercased form → index in `people`.
    index: HashMap<String, usize>,
}

impl Identities {
    /// Groups `people` (each already one person in its documents, with its
    /// aliases) into identities across the deck.
    pub fn new(people: &[Person]) -> Identities {
        let n = people.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let forms = |p: &Person| -> Vec<(String, NameParts)> {
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .filter_map(|f| NameParts::of(f).map(|parts| (f.clone(), parts)))
                .collect()
        };
        let parts: Vec<Vec<(String, NameParts)>> = people.iter().map(forms).collect();
        // Full names: grouped by given name, surname and suffix; within a
        // group, joined unless two different middle initials say otherwise.
        let mut full: BTreeMap<FullKey, Vec<(usize, String)>> = BTreeMap::new();
        for (i, ps) in parts.iter().enumerate() {
            for (_, p) in ps {
                if let Some(first) = &p.first {
                    full.entry((first.clone(), p.last.clone(), p.suffix.clone()))
                        .or_default()
                        .push((i, p.initials()));
                }
            }
        }
        for members in full.values() {
            let mut middles: Vec<&str> = members
                .iter()
                .map(|(_, m)| m.as_str())
                .filter(|m| !m.is_empty())
                .collect();
            middles.sort_unstable();
            middles.dedup();
            for (i, mi) in members {
                for (j, mj) in members {
                    let agree = mi == mj || middles.len() <= 1;
                    if i < j && agree {
                        union(&mut parent, *i, *j);
                    }
                }
            }
        }
        // A surname alone joins the one identity with that surname.
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, ps) in parts.iter().enumerate() {
            for (_, p) in ps {
                if p.first.is_some() {
                    by_surname.entry(p.last.as_str()).or_default().push(i);
                }
            }
        }
        for (i, ps) in parts.iter().enumerate() {
            for (_, p) in ps.iter().filter(|(_, p)| p.first.is_none()) {
                let mut roots: Vec<usize> = by_surname
                    .get(p.last.as_str())
                    .into_iter()
                    .flatten()
                    .map(|&j| find(&mut parent, j))
                    .collect();
                roots.sort_unstable();
                roots.dedup();
                if let [r] = roots[..] {
                    union(&mut parent, i, r);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let mut out: Vec<Person> = groups
            .into_values()
            .map(|members| identity(people, &parts, &members))
            .collect();
        out.sort();
        let mut index = HashMap::new();
        for (i, p) in out.iter().enumerate() {
            for f in std::iter::once(&p.name).chain(&p.aliases) {
                index.entry(f.to_lowercase()).or_insert(i);
            }
        }
        Identities { people: out, index }
    }

    /// One entry per person, sorted by name.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The fullest name of the person called `name`, if the deck knows them.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.index
            .get(&name.trim().to_lowercase())
            .map(|&i| self.people[i].name.as_str())
    }
}

/// The identity of a group of people: the fullest of their names (more name
/// parts, then no title, then longer, then alphabetical), every other form an
/// alias, the first role known.
fn identity(people: &[Person], parts: &[Vec<(String, NameParts)>], members: &[usize]) -> Person {
    let mut all: Vec<&str> = members
        .iter()
        .flat_map(|&i| std::iter::once(&people[i].name).chain(&people[i].aliases))
        .map(String::as_str)
        .collect();
    all.sort_unstable();
    all.dedup();
    let fullness = |f: &str| -> (usize, bool, usize) {
        let p = members
            .iter()
            .flat_map(|&i| &parts[i])
            .find(|(form, _)| form == f)
            .map(|(_, p)| p.fullness())
            .unwrap_or(0);
        let words: Vec<&str> = f.split_whitespace().collect();
        let titled = words[..words.len().saturating_sub(1)]
            .iter()
            .any(|w| is_title(w));
        (p, !titled, f.chars().count())
    };
    let name = all
        .iter()
        .copied()
        .max_by(|a, b| fullness(a).cmp(&fullness(b)).then_with(|| b.cmp(a)))
        .unwrap_or_default()
        .to_string();
    let mut aliases: Vec<String> = all
        .iter()
        .filter(|f| **f != name && !f.eq_ignore_ascii_case(&name))
        .map(|f| f.to_string())
        .collect();
    aliases.sort();
    aliases.dedup();
    Person {
        name,
        aliases,
        role: members.iter().find_map(|&i| people[i].role.clone()),
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Person {
        Person {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: None,
        }
    }

    #[test]
    fn names_are_read_without_titles_and_with_suffixes() {
        let p = NameParts::of("Gov. Marta Q. Olsen Jr.").expect("a name");
        assert_eq!(p.first.as_deref(), Some("marta"));
        assert_eq!(p.middles, vec!["q"]);
        assert_eq!(p.last, "olsen");
        assert_eq!(p.suffix.as_deref(), Some("jr"));
        let p = NameParts::of("Transit Board Chair Marta Olsen").expect("a name");
        assert_eq!(p.first.as_deref(), Some("marta"));
        let p = NameParts::of("Mayor Olsen").expect("a name");
        assert_eq!((p.first, p.last.as_str()), (None, "olsen"));
        assert_eq!(NameParts::of("Route 66"), None);
    }

    #[test]
    fn a_middle_name_a_middle_initial_or_a_title_is_the_same_person() {
        assert!(same_person("Ana Lucia Reyes", "Ana Reyes"));
        assert!(same_person("Ana L. Reyes", "Ana Lucia Reyes"));
        assert!(same_person("Senator Reyes", "Ana Reyes"));
        assert!(!same_person("Ana Reyes", "Tomas Reyes"));
        assert!(!same_person("Ana B. Reyes", "Ana L. Reyes"));
        assert!(!same_person("Paul Hale Jr.", "Paul Hale Sr."));
        assert!(!same_person("Ana Reyes", "Ana Ruiz"));
    }

    #[test]
    fn one_person_named_four_ways_in_three_documents_is_one_identity() {
        let ids = Identities::new(&[
            person("Walter Q. Brandt", &["Brandt"]),
            person("Walter Brandt", &[]),
            person("Governor Brandt", &[]),
            person("Brandt", &[]),
            person("Ines Okoro", &[]),
        ]);
        assert_eq!(ids.people().len(), 2, "{:?}", ids.people());
        for form in ["Walter Brandt", "Governor Brandt", "brandt"] {
            assert_eq!(ids.canonical(form), Some("Walter Q. Brandt"), "{form}");
        }
        assert_eq!(ids.canonical("Ines Okoro"), Some("Ines Okoro"));
    }

    #[test]
    fn a_surname_two_people_share_joins_neither() {
        let ids = Identities::new(&[
            person("Walter Brandt", &[]),
            person("Greta Brandt", &[]),
            person("Brandt", &[]),
        ]);
        assert_eq!(ids.people().len(), 3, "{:?}", ids.people());
        assert_eq!(ids.canonical("Brandt"), Some("Brandt"));
    }

    #[test]
    fn different_middle_initials_are_different_people() {
        let ids = Identities::new(&[
            person("Harold B. Voss", &[]),
            person("Harold K. Voss", &[]),
            person("Harold Voss", &[]),
        ]);
        assert_eq!(ids.canonical("Harold B. Voss"), Some("Harold B. Voss"));
        assert_eq!(ids.canonical("Harold K. Voss"), Some("Harold K. Voss"));
        assert_ne!(ids.canonical("Harold Voss"), Some("Harold B. Voss"));
    }

    #[test]
    fn an_option_is_a_full_name_without_titles_never_a_fragment_or_a_firm() {
        assert_eq!(person_form("Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            person_form("Editor-in-Chief Ana Ruiz").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            person_form("Deputy Administrator T. Ellis Ward").as_deref(),
            Some("T. Ellis Ward")
        );
        assert_eq!(
            person_form("Mohammed bin Tariq").as_deref(),
            Some("Mohammed bin Tariq")
        );
        for not_a_person in [
            "Ruiz",
            "Mayor Ruiz",
            "Lady Ruiz",
            "Riverton-based Acme",
            "Great Steward",
            "Big Harbor",
            "Acme Corp",
            "the council",
        ] {
            assert_eq!(person_form(not_a_person), None, "{not_a_person}");
        }
    }

    #[test]
    fn accepted_forms_name_this_person_and_no_one_else() {
        let name = "Tomas Ortega";
        assert!(acceptable_alias(name, "Governor Tomas Ortega", &[]));
        assert!(acceptable_alias(name, "Ortega", &[]));
        // A courtesy title and surname may be a spouse; a given name alone
        // with a title says too little.
        assert!(!acceptable_alias(name, "Lady Ortega", &[]));
        assert!(!acceptable_alias(name, "Sir Tomas", &[]));
        // A surname two people of the deck share names neither.
        assert!(!acceptable_alias(name, "Ortega", &["Lucia Ortega"]));
        // A shorter form that is the end of someone else's name.
        assert!(!acceptable_alias(
            "Omar Hadi Amer",
            "Hadi Amer",
            &["Sami Hadi Amer"]
        ));
        assert!(one_ends_the_other("Wind Crow", "Mara Wind Crow"));
        assert!(!one_ends_the_other("Mara Crow", "Mara Wind Crow"));
    }
}
