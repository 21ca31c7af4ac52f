//! Making a fact's clause stand alone before it becomes a card: leading
//! connectives dropped, pronouns and role nouns ("he", "the mayor", "the
//! agency") replaced by the person or organization the document names,
//! relative time ("today", "last year") anchored to the document's date, and
//! over-long clauses trimmed of trailing asides. A clause that cannot be made
//! to read alone gives `None` (no card), and every change is recorded so a
//! teacher can see what the card altered.

use super::clause::{Frame, SLOT};
use crate::model::Person;
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// A card's stem has at most this many words.
pub const MAX_STEM_WORDS: usize = 30;

/// What a card needs to know about the document a fact came from.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// The document's date (its dateline or publication line), when it gives one.
    pub date: Option<NaiveDate>,
    text: String,
    /// Byte offset where each line starts (line 1 at index 0).
    line_starts: Vec<usize>,
    people: Vec<Person>,
}

impl DocContext {
    /// Reads a document's date from its first lines and keeps its text and
    /// people for resolving pronouns and role nouns.
    pub fn new(text: &str, people: &[Person]) -> DocContext {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        DocContext {
            date: document_date(text),
            text: text.to_string(),
            line_starts,
            people: people.to_vec(),
        }
    }

    /// The document's text before `sentence` (found on or after `line`).
    fn before(&self, line: usize, sentence: &str) -> &str {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
            .min(self.text.len());
        let probe: String = sentence.chars().take(24).collect();
        let at = self.text[start..]
            .find(probe.as_str())
            .map_or(start, |i| start + i);
        &self.text[..at]
    }

    /// The person last named in `before` (by any of their names).
    fn last_person(&self, before: &str) -> Option<&Person> {
        let window_start = floor_boundary(before, before.len().saturating_sub(2000));
        let window = &before[window_start..];
        self.people
            .iter()
            .filter_map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .filter_map(|n| last_word_match(window, n))
                    .max()
                    .map(|at| (at, p))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, p)| p)
    }

    /// The document's own name for what a bare "the `noun`" points to: the
    /// nearest mention before `before` ends that gives the noun a name ("the
    /// Bipartisan Housing Law", "the Department of Parks", "Roof’s trial",
    /// "the Harbor Renewal grants"), else the first such mention after it.
    /// Headline lines in title case are skipped: every word there is
    /// capitalized, so capitals name nothing.
    fn fullest_mention(&self, before: &str, noun: &str) -> Option<Mention> {
        let split = before.len().min(self.text.len());
        let prose = |range: &str, base: usize| -> Vec<(usize, Mention)> {
            let mut out = Vec::new();
            let mut at = base;
            for l in range.split_inclusive('\n') {
                if !title_case_line(l) {
                    out.extend(mentions(l, noun).into_iter().map(|(i, m)| (at + i, m)));
                }
                at += l.len();
            }
            out
        };
        // The name given most often before the sentence (the nearest of
        // equals): "the plan" in a document about the Harbor plan that once
        // mentions an older plan is still the Harbor plan.
        let earlier = prose(&self.text[..split], 0);
        let count = |m: &Mention| earlier.iter().filter(|(_, o)| o.text == m.text).count();
        if let Some((_, m)) = earlier
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, m))| (count(m), *i))
            .map(|(_, x)| x.clone())
        {
            return Some(m);
        }
        prose(&self.text[split..], split)
            .into_iter()
            .next()
            .map(|(_, m)| m)
    }

    /// The full name the document gives a surname ("Reed" → "Michael
    /// Reed"): a person found whose name ends with it (or, after "Sir",
    /// starts with it), else the given name written most often right before
    /// it in the text. `None` when there is none or two people share it.
    fn full_name_of(&self, surname: &str, given_first: bool) -> Option<String> {
        let fits = |name: &str| {
            let ws: Vec<&str> = name.split_whitespace().collect();
            ws.len() >= 2
                && if given_first {
                    ws.first() == Some(&surname)
                } else {
                    ws.last() == Some(&surname)
                }
        };
        let people: Vec<&str> = self
            .people
            .iter()
            .filter(|p| fits(&p.name))
            .map(|p| p.name.as_str())
            .collect();
        if people.len() == 1 {
            return Some(people[0].to_string());
        }
        if people.len() > 1 {
            return None;
        }
        let text = self.text.as_str();
        let name_word = |w: &str| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && cs.all(|c| c.is_lowercase() || matches!(c, '’' | '\'' | '-'))
        };
        let initial = |w: &str| {
            let b = w.as_bytes();
            b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
        };
        let mut counts: Vec<(String, usize)> = Vec::new();
        for at in word_hits(text, surname) {
            // The name's span and its given name.
            let (start, end, word) = if given_first {
                let after = &text[at + surname.len()..];
                let mut ws = after.split(' ').skip(1);
                let mut next = ws.next().unwrap_or("");
                let mut skip = 1 + next.len();
                if initial(next) {
                    next = ws.next().unwrap_or("");
                    skip += 1 + next.len();
                }
                let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric());
                if !after.starts_with(' ') || !name_word(bare) {
                    continue;
                }
                let end = at + surname.len() + skip - (next.len() - bare.len());
                (at, end, surname)
            } else {
                let Some(b) = text[..at].strip_suffix(' ') else {
                    continue;
                };
                let mut ws = b.rsplit(' ');
                let mut prev = ws.next().unwrap_or("");
                let mut back = prev.len();
                if initial(prev) {
                    prev = ws.next().unwrap_or("");
                    back += 1 + prev.len();
                }
                if !name_word(prev) {
                    continue;
                }
                (b.len() - back, at + surname.len(), prev)
            };
            let given = if given_first {
                text[start..end].rsplit(' ').next().unwrap_or("")
            } else {
                word
            };
            let lower = given.to_lowercase();
            // Not a title, a month or a common word written capitalized.
            if crate::lexicon::is_title(given)
                || crate::lexicon::lower_flags(&lower)
                    & (crate::lexicon::MONTH | crate::lexicon::WEEKDAY | crate::lexicon::STOP)
                    != 0
                || NOT_NAMING.contains(&lower.as_str())
                || contains_word(text, &lower)
            {
                continue;
            }
            // A run of three capitalized words is an organization ("New York Times").
            let before = text[..start].trim_end_matches(' ');
            let prev_cap = text[..start].ends_with(' ')
                && before
                    .rsplit(|ch: char| ch.is_whitespace())
                    .next()
                    .is_some_and(|w| {
                        w.starts_with(|ch: char| ch.is_uppercase())
                            && !crate::lexicon::is_title(w)
                            && !w.ends_with(['.', ',', ':', ';'])
                    });
            let after = &text[end..];
            let next_cap =
                after.starts_with(' ') && after[1..].starts_with(|ch: char| ch.is_uppercase());
            if prev_cap || next_cap {
                continue;
            }
            let name = text[start..end].to_string();
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => *k += 1,
                None => counts.push((name, 1)),
            }
        }
        // Two people sharing the surname ("Ana Reyes", "Luis Reyes"): ambiguous.
        let mut given: Vec<&str> = counts
            .iter()
            .map(|(n, _)| n.split_whitespace().next().unwrap_or(""))
            .collect();
        given.sort_unstable();
        given.dedup();
        if given.is_empty() && !given_first {
            // A peer known by title and surname ("Lord Alli").
            return word_hits(text, surname).find_map(|at| {
                let b = text[..at].strip_suffix(' ')?;
                let title = b.rsplit(' ').next()?;
                ["Lord", "Lady", "Baroness", "Baron", "Dame", "Sir"]
                    .contains(&title)
                    .then(|| text[at - 1 - title.len()..at + surname.len()].to_string())
            });
        }
        if given.len() != 1 {
            return None;
        }
        counts.into_iter().max_by_key(|(_, k)| *k).map(|(n, _)| n)
    }

    /// Whether the document uses `word` alone as a person: a person found
    /// goes by it, or it speaks ("Reed said"), takes an honorific ("Mr
    /// Reed") or an age ("Reed, 61,").
    fn reads_as_person(&self, word: &str) -> bool {
        if self.people.iter().any(|p| {
            p.name.split_whitespace().count() >= 2 && p.name.ends_with(&format!(" {word}"))
        }) {
            return true;
        }
        const SPEAKS: &[&str] = &[
            "said",
            "says",
            "told",
            "added",
            "wrote",
            "argued",
            "noted",
            "explained",
            "stated",
            "insisted",
            "warned",
            "testified",
            "declined",
            "thinks",
            "believes",
            "who",
        ];
        const BEFORE: &[&str] = &[
            "Mr ",
            "Mrs ",
            "Ms ",
            "Dr ",
            "Mr. ",
            "Mrs. ",
            "Ms. ",
            "Dr. ",
            "Lord ",
            "Lady ",
            "Sir ",
            "Dame ",
            "Baroness ",
            "said ",
            "says ",
            "according to ",
        ];
        let text = self.text.as_str();
        word_hits(text, word).any(|at| {
            let after = &text[at + word.len()..];
            let a = after.strip_prefix(',').unwrap_or(after);
            let speaks = a.strip_prefix(' ').is_some_and(|r| {
                SPEAKS.iter().any(|v| {
                    r.starts_with(v) && !r[v.len()..].starts_with(|c: char| c.is_alphanumeric())
                })
            });
            let age = after.len() >= 5
                && after.as_bytes()[0] == b','
                && after.as_bytes()[1] == b' '
                && after.as_bytes()[2].is_ascii_digit()
                && after.as_bytes()[3].is_ascii_digit()
                && after.as_bytes()[4] == b',';
            speaks || age || BEFORE.iter().any(|b| text[..at].ends_with(b))
        })
    }

    /// The one person whose role is `noun` ("mayor"), if exactly one is.
    fn person_with_role(&self, noun: &str) -> Option<&Person> {
        let mut found = self.people.iter().filter(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == noun))
        });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }
}

/// A clause made to stand alone and the notes on what was changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Standalone {
    pub frame: Frame,
    pub rewritten: Vec<String>,
}

/// Rewrites `frame` (the clause holding the fact) to read alone; `None` when
/// it cannot.
pub fn stand_alone(
    frame: &Frame,
    doc: Option<&DocContext>,
    line: usize,
    sentence: &str,
) -> Option<Standalone> {
    if !is_prose(sentence) {
        return None;
    }
    let mut t = frame.text().to_string();
    let mut notes = Vec::new();
    strip_bullet(&mut t);
    if asks_a_question(&t) {
        return None;
    }
    drop_connectives(&mut t, &mut notes);
    drop_conversions(&mut t, &mut notes);
    let before = doc.map(|d| d.before(line, sentence)).unwrap_or("");
    list_item_subject(&mut t, doc, before, &mut notes)?;
    resolve_definites(&mut t, doc, before, &mut notes)?;
    if leans_on_context(&t) {
        return None;
    }
    resolve_role_noun(&mut t, doc, before, &mut notes)?;
    resolve_pronouns(&mut t, doc, before, &mut notes)?;
    anchor_time(&mut t, doc.and_then(|d| d.date), &mut notes)?;
    anchor_weekday(&mut t, doc.and_then(|d| d.date), &mut notes)?;
    if first_person_outside_quotes(&t)
        || points_back(&t)
        || object_it(&t)
        || missing_object(&t)
        || unnamed_definite(&t)
        || unanchored_they(&t)
    {
        return None;
    }
    expand_surnames(&mut t, doc, &mut notes);
    end_lead_in(&mut t, &mut notes);
    if !reads_as_statement(&t) || !names_something(&t, doc) {
        return None;
    }
    if words(&t) > MAX_STEM_WORDS && !opens_with_subordinate(&t) {
        trim_asides(&mut t, &mut notes);
    }
    if words(&t) > MAX_STEM_WORDS {
        return None;
    }
    capitalize_first(&mut t);
    Some(Standalone {
        frame: Frame::from_text(t)?,
        rewritten: notes,
    })
}

/// Byte offsets of the whole-word occurrences of `word` in `text`.
fn word_hits<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(move |&at| {
            !word.is_empty()
                && text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                && text[at + word.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offset of the last whole-word match of `name` in `text`.
fn last_word_match(text: &str, name: &str) -> Option<usize> {
    if name.trim().is_empty() {
        return None;
    }
    let mut best = None;
    for (at, _) in text.match_indices(name) {
        let ok_before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ok_after = text[at + name.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if ok_before && ok_after {
            best = Some(at);
        }
    }
    best
}

fn capitalize_first(t: &mut String) {
    let mut chars = t.chars();
    if let Some(c) = chars.next().filter(|c| c.is_lowercase()) {
        *t = c.to_uppercase().chain(chars).collect();
    }
}

/// Words and phrases that tie a sentence to the one before and add nothing
/// once it stands alone. Those ending in a comma are dropped only with it.
const CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "plus",
    "also,",
    "however,",
    "specifically,",
    "in addition,",
    "additionally,",
    "meanwhile,",
    "still,",
    "instead,",
    "as a result,",
    "likewise,",
    "similarly,",
    "moreover,",
    "furthermore,",
    "in fact,",
    "indeed,",
    "overall,",
    "further,",
    "finally,",
    "first,",
    "second,",
    "third,",
    "separately,",
    "in total,",
    "altogether,",
    "now,",
    "then,",
    "notably,",
    "importantly,",
    "in short,",
    "in other words,",
    "at the same time,",
    "by contrast,",
    "in contrast,",
    "on the other hand,",
    "for example,",
    "for instance,",
    "in turn,",
    "again,",
    "thus,",
    "therefore,",
    "consequently,",
    "otherwise,",
];

fn drop_connectives(t: &mut String, notes: &mut Vec<String>) {
    for _ in 0..3 {
        let lower = t.to_lowercase();
        let Some(c) = CONNECTIVES.iter().find(|c| {
            lower.starts_with(*c)
                && (c.ends_with(',')
                    || lower[c.len()..].starts_with([' ', ','])
                        && !lower[c.len()..].trim_start().starts_with(SLOT))
        }) else {
            return;
        };
        let rest = t[c.len()..].trim_start_matches([',', ' ']);
        if words(rest) < 4 {
            return;
        }
        notes.push(format!(
            "dropped \"{}\"",
            t[..c.len()].trim_end_matches(',')
        ));
        *t = rest.to_string();
        capitalize_first(t);
    }
}

/// Openings that point back to something the card cannot show ("This",
/// "Of these businesses,", "They", "The companies").
pub fn leans_on_context(t: &str) -> bool {
    static POINTERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^[“"‘']?(?i:(it|its|they|them|their|then|this|these|that|those|such|both|each|either|neither|another|the latter|the former|of (these|those|them|this|which)|among (them|these|those)|together|here|there|there's|there are|there is|the (companies|officials|two|three|four|others|group|groups|same|remaining|rest|move|deal|decision|measure|proposal|statement|report|plan|program|bill|order|effort|change|changes|new rule|rule|funding|money|funds|grant|grants|award|awards|project|projects|effort|initiative|announcement|investment|investments|increase|cuts|cut)))\b"#,
        )
        .expect("valid regex")
    });
    let open = POINTERS.is_match(t);
    // "It is expected that …" is a full statement; "It cost …" is not.
    static DUMMY_IT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:it (is|was|will be) (estimated|expected|projected|likely|unlikely|possible|unclear|important|necessary)\b)").expect("valid regex")
    });
    static THIS_TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(this|that) (year|month|week|morning|afternoon|evening|fall|spring|summer|winter))\b")
            .expect("valid regex")
    });
    // "While most amount to …", "Some say …": a quantifier standing for
    // things named before.
    static BARE_QUANTIFIER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:while|although|though|as|but|and|yet)\s+)?(?i:most|many|some|all|few|several|none|others|half)\s+(?:amount|are|were|have|had|will|would|could|can|say|said|do|did|of them|of these|of those)\b")
            .expect("valid regex")
    });
    open && !DUMMY_IT.is_match(t) && !THIS_TIME.is_match(t) || BARE_QUANTIFIER.is_match(t)
}

/// Role nouns a document's people are named by ("the mayor said …").
const PERSON_ROLES: &[&str] = &[
    "mayor",
    "president",
    "governor",
    "senator",
    "secretary",
    "commissioner",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "administrator",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "congressman",
    "congresswoman",
    "chief",
    "superintendent",
    "sheriff",
    "attorney",
    "judge",
    "ceo",
    "founder",
    "treasurer",
    "speaker",
    "leader",
    "manager",
    "councilmember",
    "councilman",
    "councilwoman",
    "author",
    "researcher",
];

/// Nouns that stand for an organization a document names in full ("the
/// agency" → "the Environmental Protection Agency").
const ORG_NOUNS: &[&str] = &[
    "agency",
    "department",
    "company",
    "administration",
    "city",
    "state",
    "county",
    "council",
    "board",
    "committee",
    "commission",
    "authority",
    "office",
    "bureau",
    "ministry",
    "university",
    "district",
    "government",
    "firm",
    "bank",
    "court",
    "institute",
    "foundation",
    "association",
    "corporation",
    "service",
    "center",
    "centre",
    "organization",
    "airport",
    "hospital",
    "school",
    "college",
    "coalition",
    "party",
    "legislature",
    "assembly",
    "administration",
    "utility",
    "port",
    "museum",
    "library",
    "council",
];

/// "The mayor …" / "The agency …" at the start: named from the document, or no card.
fn resolve_role_noun(
    t: &mut String,
    doc: Option<&DocContext>,
    before: &str,
    notes: &mut Vec<String>,
) -> Option<()> {
    static OPENING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?i:the) ([a-z]+)\b").expect("valid regex"));
    let Some(m) = OPENING.captures(t) else {
        return Some(());
    };
    let noun = m.get(1)?.as_str().to_string();
    let whole = m.get(0)?.as_str().to_string();
    if PERSON_ROLES.contains(&noun.as_str()) {
        let p = doc?.person_with_role(&noun)?;
        let role = p.role.as_deref().unwrap_or(&noun);
        let title = if words(role) <= 3 && !role.contains(',') {
            format!("{} {}", title_case(role), p.name)
        } else {
            p.name.clone()
        };
        notes.push(format!("\"{whole}\" → \"{title}\""));
        *t = format!("{title}{}", &t[whole.len()..]);
        return Some(());
    }
    if ORG_NOUNS.contains(&noun.as_str()) {
        let name = org_named(before, &noun)?;
        let name = if name.starts_with("The ") || name.starts_with("the ") {
            name[4..].to_string()
        } else {
            name
        };
        let replacement = format!("The {name}");
        notes.push(format!("\"{whole}\" → \"{replacement}\""));
        *t = format!("{replacement}{}", &t[whole.len()..]);
    }
    Some(())
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w.len() > 3 || f.is_uppercase() => {
                    f.to_uppercase().chain(c).collect::<String>()
                }
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last capitalized name in `before` whose words include `noun`
/// capitalized ("Department of Transportation" for "department").
fn org_named(before: &str, noun: &str) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?:U\.S\.|[A-Z][\w’'.&-]*)(?:\s+(?:of|for|and|on|the|&)\s+|\s+)){0,7}(?:U\.S\.|[A-Z][\w’'.&-]*)")
            .expect("valid regex")
    });
    let mut cap = noun.to_string();
    cap[..1].make_ascii_uppercase();
    let start = floor_boundary(before, before.len().saturating_sub(6000));
    NAME.find_iter(&before[start..])
        .map(|m| m.as_str().trim_end_matches(['.', '’', '\'']).to_string())
        .filter(|n| n.split_whitespace().count() >= 2)
        .filter(|n| n.split_whitespace().any(|w| w == cap))
        // Not a sentence opening such as "The Agency said".
        .filter(|n| !n.starts_with("The ") || n.split_whitespace().count() >= 3)
        .last()
        .map(|n| {
            // Drop words after a possessive ("Transportation’s Federal …"): keep the first name.
            n.split(['’', '\'']).next().unwrap_or(&n).trim().to_string()
        })
        .filter(|n| n.split_whitespace().any(|w| w == cap))
}

/// A line of a list that starts with its figure ("$250,000 for the county
/// food bank"; "Harbor Clinic (Easton): $2 million to expand …") says what
/// the money is only in the list's lead-in ("The grants include:"): the
/// lead-in's noun becomes the subject, or there is no card.
fn list_item_subject(
    t: &mut String,
    doc: Option<&DocContext>,
    before: &str,
    notes: &mut Vec<String>,
) -> Option<()> {
    static NAMED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^([^:{SLOT}]{{3,90}}): {SLOT} (to|for) ")).expect("valid regex")
    });
    let slot_first = t.starts_with(SLOT)
        && (t[SLOT.len_utf8()..].starts_with(" for ") || t[SLOT.len_utf8()..].starts_with(" to "));
    let named = NAMED_ITEM.captures(t).map(|c| {
        (
            c.get(0).map_or(0, |m| m.end()),
            c.get(1).map_or("", |m| m.as_str()).to_string(),
            c.get(2).map_or("", |m| m.as_str()).to_string(),
        )
    });
    if !slot_first && named.is_none() {
        return Some(());
    }
    let noun = lead_in_noun(before)?;
    let verb = if noun.ends_with('s') {
        "include"
    } else {
        "includes"
    };
    let body = match named {
        Some((end, name, link)) => format!("{SLOT} for {name} {link} {}", &t[end..]),
        None => t.clone(),
    };
    // "The grants" alone does not say whose grants: the list's subject is
    // named as the document names it ("The Harbor Renewal Program grants").
    let mention = doc?.fullest_mention(before, noun)?;
    let lead = capitalized(&format!("{} {verb}", mention.with_article()));
    notes.push(format!(
        "list item: added \"{lead}\" from the list's lead-in"
    ));
    *t = format!("{lead} {body}");
    Some(())
}

/// What a list is of, from the last lead-in line (ending in `:`) before it:
/// "funding", "grants", "projects"…
fn lead_in_noun(before: &str) -> Option<&'static str> {
    const NOUNS: &[&str] = &[
        "funding",
        "grants",
        "awards",
        "investments",
        "projects",
        "allocations",
        "earmarks",
        "appropriations",
        "contracts",
        "loans",
    ];
    let lead = before
        .lines()
        .rev()
        .take(80)
        .find(|l| l.trim_end().ends_with(':'))?
        .to_lowercase();
    NOUNS
        .iter()
        .find(|n| lead.contains(*n))
        .copied()
        .or_else(|| (lead.contains("grant")).then_some("grants"))
}

/// "he"/"she"/"him"/"his"/"her" outside quotations → the person last named
/// before the sentence; `None` when nobody is.
fn resolve_pronouns(
    t: &mut String,
    doc: Option<&DocContext>,
    before: &str,
    notes: &mut Vec<String>,
) -> Option<()> {
    static PRONOUN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?i:he|she|him|his|her|hers)\b").expect("valid regex"));
    let spans: Vec<(usize, usize)> = PRONOUN
        .find_iter(t)
        .filter(|m| !inside_quotes(t, m.start()))
        .map(|m| (m.start(), m.end()))
        .collect();
    if spans.is_empty() {
        return Some(());
    }
    let doc = doc?;
    // "Ortiz discussed his agency’s plans": a person the clause names before
    // the pronoun is the one it stands for, and it already reads alone.
    let named_first = doc.people.iter().any(|p| {
        std::iter::once(&p.name)
            .chain(&p.aliases)
            .any(|n| last_word_match(&t[..spans[0].0], n).is_some())
    });
    if named_first {
        return Some(());
    }
    let person = doc.last_person(before)?;
    let name = person.name.clone();
    // A firm taken for a person ("Ceres Robotics") is no "he".
    if looks_like_org(&name) {
        return None;
    }
    // "Ana Ruiz said her office …": the clause names the person itself, so
    // the pronoun already reads alone.
    let named_here = std::iter::once(&person.name)
        .chain(&person.aliases)
        .any(|n| last_word_match(&t[..spans[0].0], n).is_some());
    if named_here {
        return Some(());
    }
    // "He is Sir Ann's biggest donor": a pronoun before the same person's name
    // in one clause is someone else.
    let named_after = std::iter::once(&person.name)
        .chain(&person.aliases)
        .any(|n| last_word_match(&t[spans[0].1..], n).is_some());
    if named_after {
        return None;
    }
    let mut out = String::with_capacity(t.len() + 40);
    let mut prev = 0;
    for (s, e) in spans {
        out.push_str(&t[prev..s]);
        let word = t[s..e].to_lowercase();
        let next = t[e..].trim_start();
        let object_her = word == "her"
            && (next.is_empty()
                || next.starts_with([',', '.', ';', '!', '?', SLOT])
                || [
                    "to ", "and ", "for ", "with ", "as ", "in ", "on ", "at ", "that ",
                ]
                .iter()
                .any(|w| next.starts_with(w)));
        let possessive = word == "his" || word == "hers" || (word == "her" && !object_her);
        if possessive {
            out.push_str(&name);
            out.push_str("’s");
        } else {
            out.push_str(&name);
        }
        prev = e;
    }
    out.push_str(&t[prev..]);
    notes.push(format!("pronoun → \"{name}\""));
    *t = out;
    Some(())
}

fn inside_quotes(t: &str, at: usize) -> bool {
    let before = &t[..at];
    before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1
}

/// Relative time words anchored to the document's date; `None` when the text
/// has them and the date is unknown or they cannot be pinned down.
fn anchor_time(t: &mut String, date: Option<NaiveDate>, notes: &mut Vec<String>) -> Option<()> {
    static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:(earlier |later )?(today|yesterday|tomorrow|tonight)('s|’s)?|(earlier |later )?(this|last|next) (year|month|week)('s|’s)?|recently|earlier this|later this|this (morning|afternoon|evening))\b")
            .expect("valid regex")
    });
    loop {
        let Some(m) = RELATIVE.find_iter(t).find(|m| !inside_quotes(t, m.start())) else {
            return Some(());
        };
        let phrase = m.as_str().to_lowercase();
        if phrase.ends_with("'s") || phrase.ends_with("’s") {
            return None;
        }
        if phrase == "recently" {
            // A hedge, not a time to anchor: the sentence reads the same without it.
            let (s, e) = (m.start(), m.end());
            let rest = t[e..].strip_prefix(' ').unwrap_or(&t[e..]).to_string();
            *t = format!("{}{}", &t[..s], rest);
            notes.push("dropped \"recently\"".into());
            continue;
        }
        let d = date?;
        let preceded_by = t[..m.start()].trim_end().to_lowercase();
        let prep = [
            "on", "in", "by", "since", "until", "from", "of", "as of", "through",
        ]
        .iter()
        .any(|p| preceded_by.ends_with(&format!(" {p}")) || preceded_by == *p);
        let core = phrase
            .trim_start_matches("earlier ")
            .trim_start_matches("later ");
        let modifier = if phrase.starts_with("earlier ") {
            "earlier "
        } else if phrase.starts_with("later ") {
            "later "
        } else {
            ""
        };
        let day = |d: NaiveDate| d.format("%B %-d, %Y").to_string();
        let month = |d: NaiveDate| d.format("%B %Y").to_string();
        let (value, p) = match core {
            "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => {
                (day(d), "on")
            }
            "yesterday" => (day(d - Duration::days(1)), "on"),
            "tomorrow" => (day(d + Duration::days(1)), "on"),
            "this year" => (d.year().to_string(), "in"),
            "last year" => ((d.year() - 1).to_string(), "in"),
            "next year" => ((d.year() + 1).to_string(), "in"),
            "this month" => (month(d), "in"),
            "last month" => (month(d.with_day(1)? - Duration::days(1)), "in"),
            "next month" => (month(d.with_day(28)? + Duration::days(7)), "in"),
            _ => return None,
        };
        let replacement = match (prep, modifier.is_empty()) {
            (true, true) => value,
            (false, true) => format!("{p} {value}"),
            (false, false) => format!("{modifier}in {value}"),
            (true, false) => return None,
        };
        notes.push(format!("\"{}\" → \"{}\"", m.as_str(), replacement));
        *t = format!("{}{}{}", &t[..m.start()], replacement, &t[m.end()..]);
    }
}

/// Words inside the clause that point to something said before ("Some of
/// that money", "these plans", "that’s less than"): no card can show it.
fn points_back(t: &str) -> bool {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:(these|those)\b|this (?:is|was|would|will|means|includes|brings|comes|process|plan|program|move|change|year’s|year's)\b|that[’']s\b|(?:of|above|below|for|to|from|with|by|at|under|over|beyond|after|before|like|than|if|and|but|because) that\b|that (?:would|will|is|was|has|could|means|amount|level|figure|number|money|sum|total|year|plan|program)\b|the (?:same|latter|former|previous|above|following)\b|such\b|both\b|either\b|this (?:thing|things|issue|matter|idea|case|one|way|approach|effort|deal|money|funding|policy|law|bill|measure|proposal|decision|project)\b)")
            .expect("valid regex")
    });
    BACK.find_iter(t).any(|m| !inside_quotes(t, m.start()))
}

/// A lead-in to a list ("…, including:") ends as a statement instead.
fn end_lead_in(t: &mut String, notes: &mut Vec<String>) {
    if !t.trim_end().ends_with(':') {
        return;
    }
    let body = t.trim_end().trim_end_matches(':');
    if let Some((head, tail)) = body.rsplit_once(", ")
        && words(tail) <= 3
        && head.contains(SLOT)
    {
        let (head, tail) = (head.to_string(), tail.to_string());
        notes.push(format!("dropped \"{tail}:\""));
        *t = format!("{head}.");
    }
}

/// Whether a clause reads as a sentence: it ends with an end mark (a list
/// line without one, or a lead-in with a colon, does not) and does not open
/// with a verb whose subject is elsewhere ("Takes about ten minutes…",
/// "Lowering wages by …").
fn reads_as_statement(t: &str) -> bool {
    let end = t.trim_end();
    if !end.ends_with(['.', '!', '”', '"', ')', '’']) || end.ends_with("…”") {
        return false;
    }
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let second_lower = t
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
    let gerund = first.len() > 5 && first.ends_with("ing") && second_lower;
    const VERB_OPENINGS: &[&str] = &[
        "bring",
        "brings",
        "take",
        "takes",
        "make",
        "makes",
        "provide",
        "provides",
        "help",
        "helps",
        "allow",
        "allows",
        "give",
        "gives",
        "cut",
        "cuts",
        "lower",
        "lowers",
        "reduce",
        "reduces",
        "save",
        "saves",
        "expand",
        "expands",
        "increase",
        "increases",
        "invest",
        "invests",
        "support",
        "supports",
        "create",
        "creates",
        "protect",
        "protects",
        "ensure",
        "ensures",
        "require",
        "requires",
        "build",
        "builds",
        "deliver",
        "delivers",
        "offer",
        "offers",
        "include",
        "includes",
        "improve",
        "improves",
        "fund",
        "funds",
        "raise",
        "raises",
        "establish",
        "establishes",
        "direct",
        "directs",
        "add",
        "adds",
        "set",
        "sets",
        "cap",
        "caps",
        "eliminate",
        "eliminates",
        "extend",
        "extends",
        "launch",
        "launches",
        "prohibit",
        "prohibits",
        "ban",
        "bans",
        "lets",
        "puts",
        "keeps",
        "keep",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "will",
        "would",
        "could",
        "can",
        "said",
        "says",
    ];
    let verb_first = VERB_OPENINGS.contains(&first.as_str()) && second_lower;
    // "Run by a local firm …", "Funded by the state …": a participle with no subject.
    let participle = t.split_whitespace().nth(1) == Some("by") && first != "by";
    !gerund && !verb_first && !participle && !two_sentences(t)
}

/// Whether a clause holds two sentences (the source's sentence split missed
/// one): a card asks about one statement.
fn two_sentences(t: &str) -> bool {
    static BOUNDARY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[a-z0-9%)]{2}[.!?] +[A-Z]").expect("valid regex"));
    BOUNDARY.find_iter(t).any(|m| !inside_quotes(t, m.start()))
}

/// An opening subordinate clause ("If a borrower …, they …"): its first
/// comma ends it, so trimming there would leave no main clause.
fn opens_with_subordinate(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    [
        "if", "when", "while", "although", "though", "because", "since", "as", "unless", "once",
        "after", "before", "whereas", "until",
    ]
    .contains(&first.as_str())
}

/// First person (or the reader addressed as "you") outside quotations: the
/// card would speak for the writer.
fn first_person_outside_quotes(t: &str) -> bool {
    static FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(I|we|We|our|Our|ours|my|My|us|me|I'm|I’m|we're|we’re|We're|We’re|you|You|your|Your|you're|you’re)\b")
            .expect("valid regex")
    });
    FIRST.find_iter(t).any(|m| !inside_quotes(t, m.start()))
}

/// Trims trailing asides after the slot (", which …", ", including …",
/// ", officials said") until the clause is short enough.
fn trim_asides(t: &mut String, notes: &mut Vec<String>) {
    const ASIDES: &[&str] = &[
        "which",
        "including",
        "bringing",
        "making",
        "allowing",
        "helping",
        "according",
        "while",
        "where",
        "who",
        "after",
        "before",
        "because",
        "ending",
        "marking",
        "compared",
        "following",
        "despite",
        "as",
        "up",
        "down",
        "an",
        "a",
        "the",
        "with",
        "officials",
        "he",
        "she",
        "they",
        "said",
        "says",
        "enabling",
        "ensuring",
        "creating",
        "providing",
        "supporting",
        "leaving",
        "raising",
        "putting",
    ];
    let Some(slot_at) = t.find(SLOT) else { return };
    let mut cuts: Vec<usize> = Vec::new();
    for (i, c) in t.char_indices().skip_while(|&(i, _)| i <= slot_at) {
        if c == ',' && !inside_quotes(t, i) {
            let next: String = t[i + 1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if ASIDES.contains(&next.as_str()) {
                cuts.push(i);
            }
        }
    }
    for at in cuts {
        if words(&t[..at]) >= 8 && words(&t[..at]) <= MAX_STEM_WORDS {
            let end = if t.trim_end().ends_with('?') {
                "?"
            } else {
                "."
            };
            notes.push("cut a trailing aside".into());
            *t = format!("{}{end}", &t[..at]);
            return;
        }
    }
}

/// Whether a name is an organization's ("Harbor Robotics Inc.", "Acme
/// Corp"): its last word is an organization word.
fn looks_like_org(name: &str) -> bool {
    name.split_whitespace().next_back().is_some_and(|w| {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        crate::lexicon::lower_flags(&w) & crate::lexicon::ORG != 0
            || [
                "robotics",
                "technologies",
                "systems",
                "industries",
                "labs",
                "group",
                "holdings",
            ]
            .contains(&w.as_str())
    })
}

/// A weekday outside quotations ("on Wednesday") says when only to a reader
/// of that week's paper: with the document's date it becomes that date (the
/// weekday on or before it, or after it for "will"/"next"), without one
/// "on Wednesday" is dropped and a bare weekday ("a letter Wednesday",
/// "Wednesday's vote") gives no card.
fn anchor_weekday(t: &mut String, date: Option<NaiveDate>, notes: &mut Vec<String>) -> Option<()> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:on|last|next|this|by|until|since) )?\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:(?:’s|'s)| (?:morning|afternoon|evening|night))?")
            .expect("valid regex")
    });
    for _ in 0..3 {
        let Some(m) = DAY.find_iter(t).find(|m| !inside_quotes(t, m.start())) else {
            return Some(());
        };
        let phrase = m.as_str().to_string();
        let lower = phrase.to_lowercase();
        // Already dated: "Wednesday, March 3, 2024".
        if t[m.end()..].starts_with(", ")
            && t[m.end() + 2..].starts_with(|c: char| c.is_uppercase())
            && crate::lexicon::month(
                &t[m.end() + 2..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.')
                    .to_lowercase(),
            )
            .is_some()
        {
            return Some(());
        }
        let owned = lower.ends_with("’s") || lower.ends_with("'s");
        let day_name = DAY.captures(&phrase)?.get(1)?.as_str().to_string();
        if let Some(d) = date {
            let wanted = day_index(&day_name)?;
            let have = d.weekday().num_days_from_monday();
            static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"\b(will|is due|are due|plans? to|is set to|are set to)\b")
                    .expect("valid regex")
            });
            let future = lower.starts_with("next ") || FUTURE.is_match(t);
            let shift = if future {
                (wanted + 7 - have) % 7
            } else {
                (have + 7 - wanted) % 7
            } as i64;
            let day = if future {
                d + Duration::days(shift)
            } else {
                d - Duration::days(shift)
            };
            let text = day.format("%B %-d, %Y").to_string();
            let replacement = if owned {
                format!("the {text}")
            } else if lower.starts_with("on ")
                || lower.starts_with("last ")
                || lower.starts_with("next ")
                || lower.starts_with("this ")
            {
                format!("on {text}")
            } else if let Some(p) = ["by ", "until ", "since "]
                .iter()
                .find(|p| lower.starts_with(**p))
            {
                format!("{p}{text}")
            } else {
                format!("on {text}")
            };
            notes.push(format!("\"{phrase}\" → \"{replacement}\""));
            t.replace_range(m.range(), &replacement);
            continue;
        }
        if owned
            || ["by ", "until ", "since "]
                .iter()
                .any(|p| lower.starts_with(p))
        {
            return None;
        }
        // "… raised rates on Wednesday and …": drop the phrase and the space before it.
        let start = if t[..m.start()].ends_with(' ') {
            m.start() - 1
        } else {
            m.start()
        };
        let end = m.end();
        let rest_starts_comma = t[end..].starts_with(',');
        let opening = start == 0 || m.start() == 0;
        if opening {
            // "On Wednesday, the council voted …"
            let rest = t[end..].trim_start_matches([',', ' ']).to_string();
            *t = rest;
            capitalize_first(t);
        } else if rest_starts_comma && t[..start].ends_with(',') {
            t.replace_range(start - 1..end, "");
        } else {
            t.replace_range(start..end, "");
        }
        notes.push(format!("dropped \"{phrase}\" (the document gives no date)"));
    }
    Some(())
}

fn day_index(name: &str) -> Option<u32> {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .position(|d| d.eq_ignore_ascii_case(name))
    .map(|i| i as u32)
}

/// Nouns that, after a bare "the" (and at most two lower-case modifiers),
/// point to one thing of the story the card cannot show ("the offer", "the
/// management contract", "the massacre", "the list"): no card. Nouns that
/// the document may name in full are in [`REFERRING_NOUNS`] instead.
const STORY_NOUNS: &[&str] = &[
    "offer",
    "combination",
    "merger",
    "acquisition",
    "takeover",
    "bid",
    "sale",
    "contract",
    "massacre",
    "attack",
    "attacks",
    "shooting",
    "killings",
    "crash",
    "incident",
    "list",
    "vote",
    "meeting",
    "hearing",
    "interview",
    "letter",
    "verdict",
    "ruling",
    "event",
    "strike",
    "talks",
    "negotiations",
    "announcement",
    "communication",
    "statement",
    "speech",
    "visit",
    "trip",
    "video",
    "footage",
    "episode",
    "show",
    "book",
    "film",
    "article",
    "story",
    "findings",
    "analysis",
    "complaint",
    "charges",
    "arrests",
    "suspect",
    "victim",
    "victims",
    "defendant",
    "accused",
    "couple",
    "pair",
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "family",
    "protesters",
    "crowd",
    "team",
    "club",
    "network",
    "newspaper",
    "paper",
    "chain",
    "outlet",
];

/// A bare definite noun of the story ("the offer", "the direct-to-borrower
/// communication") outside quotations, not named where it stands ("the
/// offer of Harbor Media", "the offer by Harbor Media").
fn unnamed_definite(t: &str) -> bool {
    static THE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[Tt]he ").expect("valid regex"));
    static NAMED_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ (?:of (?:(?:the|a|an) )?[\p{L}\d]|(?:by|for|from|with|between|against) (?:the )?[A-Z])")
            .expect("valid regex")
    });
    const LEADERS: &[&str] = &[
        "leader",
        "chief",
        "boss",
        "head",
        "founder",
        "owner",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ];
    THE.find_iter(t).any(|m| {
        if inside_quotes(t, m.start()) {
            return false;
        }
        let rest = &t[m.end()..];
        let words: Vec<(usize, &str)> = rest
            .split(' ')
            .scan(0usize, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .take(4)
            .collect();
        // "the Labour leader": a role of someone the stem does not name.
        if let [(_, first), (_, second), ..] = words.as_slice()
            && first.starts_with(|c: char| c.is_uppercase())
            && LEADERS.contains(&second.trim_end_matches([',', '.', ';']))
        {
            return true;
        }
        for (k, &(at, w)) in words.iter().take(3).enumerate() {
            let bare = w.trim_end_matches([',', '.', ';', ':']);
            if bare.is_empty() || !bare.chars().all(|c| c.is_lowercase() || c == '-') {
                return false;
            }
            if !STORY_NOUNS.contains(&bare) {
                continue;
            }
            if ["first", "last", "same", "only"]
                .iter()
                .any(|x| words[..k].iter().any(|(_, p)| p == x))
            {
                return false;
            }
            let after = &rest[(at + w.len()).min(rest.len())..];
            if bare.len() == w.len() {
                // Followed by a lower-case noun, it is a modifier ("the attack helicopter").
                let next = after.split_whitespace().next().unwrap_or("");
                if !next.is_empty()
                    && next.chars().all(|c| c.is_lowercase())
                    && !is_function_or_verb(next)
                {
                    continue;
                }
            }
            return !NAMED_BY.is_match(after);
        }
        false
    })
}

/// Words that follow a head noun without being nouns themselves: verbs,
/// auxiliaries, prepositions and conjunctions.
fn is_function_or_verb(w: &str) -> bool {
    const FOLLOWERS: &[&str] = &[
        "is",
        "was",
        "were",
        "are",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "has",
        "had",
        "have",
        "did",
        "does",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "that",
        "which",
        "who",
        "as",
        "than",
        "after",
        "before",
        "since",
        "until",
        "when",
        "where",
        "while",
        "said",
        "says",
        "showed",
        "shows",
        "found",
        "came",
        "comes",
        "took",
        "takes",
        "left",
        "killed",
        "fell",
        "rose",
        "included",
        "includes",
        "ended",
        "began",
        "also",
        "not",
        "reportedly",
        "being",
    ];
    let w = w.trim_end_matches([',', '.', ';', ':']);
    FOLLOWERS.contains(&w) || w.ends_with("ed") || w.ends_with("ly")
}

/// "they"/"them"/"their" outside quotations with no plural noun before it
/// in the clause ("requires payment within ____ days of their shipments" —
/// whose?): what it stands for was said before.
fn unanchored_they(t: &str) -> bool {
    static THEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:they|them|their|theirs|themselves)\b").expect("valid regex")
    });
    let Some(m) = THEY.find_iter(t).find(|m| !inside_quotes(t, m.start())) else {
        return false;
    };
    const NOT_COUNTED: &[&str] = &[
        "days", "weeks", "months", "years", "hours", "minutes", "seconds", "times", "percent",
        "dollars", "cents", "miles", "points", "levels", "terms", "ways", "means", "news",
    ];
    const BEFORE_NOUN: &[&str] = &[
        "the",
        "all",
        "many",
        "most",
        "some",
        "other",
        "these",
        "those",
        "several",
        "few",
        "more",
        "million",
        "billion",
        "thousand",
        "hundred",
        "of",
        "and",
        "new",
        "local",
        "young",
        "older",
        "their",
        "both",
        "two",
        "three",
        "four",
        "five",
        "six",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "such",
        "eligible",
        "low-income",
        "federal",
        "state",
        "american",
    ];
    // "Poland, Lithuania and Latvia all spent … of their GDP": names listed.
    static NAME_LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b[A-Z][\w-]+(?:, [A-Z][\w-]+)+,? and [A-Z][\w-]+ (?:all |both |each )?[a-z]")
            .expect("valid regex")
    });
    if NAME_LIST.is_match(&t[..m.start()]) {
        return false;
    }
    let words: Vec<String> = t[..m.start()]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .collect();
    !words.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        let plural = lower.len() >= 4
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
            && !NOT_COUNTED.contains(&lower.as_str());
        let capital = w.starts_with(|c: char| c.is_uppercase());
        // A capitalized plural is a name's word ("Customs and Border
        // Protection") unless it opens the clause before a lower-case word.
        let next_lower = words.get(i + 1).is_some_and(|n| {
            n.starts_with(|c: char| c.is_lowercase()) && !["and", "of", "&"].contains(&n.as_str())
        });
        if capital && !(i == 0 && next_lower) {
            return false;
        }
        let noun_place = i == 0
            || words[i - 1].chars().any(|c| c.is_ascii_digit())
            || words[i - 1].contains(SLOT)
            || words[i - 1].is_empty()
            || modifier_name(&words[i - 1])
            || BEFORE_NOUN.contains(&words[i - 1].to_lowercase().as_str())
            || words[i - 1].ends_with("’s")
            || words[i - 1].ends_with("'s");
        plural && noun_place
    })
}

/// A capitalized word that modifies a noun rather than names a subject: an
/// abbreviation ("Fed", "GOP", "U.S.") or a people's or party's adjective
/// ("Israeli", "Democratic", "Republican", "Chinese", "British").
fn modifier_name(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let short = w.chars().count() <= 4 && w.starts_with(|c: char| c.is_uppercase());
    let caps = w
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && !w.is_empty();
    let demonym = w.starts_with(|c: char| c.is_uppercase())
        && ["an", "ian", "ic", "ese", "ish", "i", "ean"]
            .iter()
            .any(|s| w.ends_with(s));
    short || caps || demonym
}

/// A surname standing alone outside quotations ("Reed said", "Mr Bowen’s
/// statement") becomes the person's full name as the document gives it
/// ("Michael Reed"): the people found, else a given name written before the
/// surname elsewhere in the document (a capitalized word the document never
/// writes in lower case, not a title). Only the first mention is expanded.
fn expand_surnames(t: &mut String, doc: Option<&DocContext>, notes: &mut Vec<String>) {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}][\p{L}’'.-]*").expect("valid regex"));
    let Some(doc) = doc else { return };
    if doc.text.trim().is_empty() {
        return;
    }
    let words: Vec<(usize, usize, String)> = WORD
        .find_iter(t)
        .map(|m| (m.start(), m.end(), m.as_str().to_string()))
        .collect();
    let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let honorific = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame"
        )
    };
    let mut done: Vec<String> = Vec::new();
    for (i, (s, e, raw)) in words.iter().enumerate() {
        let base = raw
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['.', '’', '\'']);
        if !cap(base) || base.chars().count() < 3 || inside_quotes(t, *s) {
            continue;
        }
        if base.chars().skip(1).any(char::is_uppercase) || done.iter().any(|d| d == base) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| words[j].2.as_str());
        let next = words.get(i + 1).map(|w| w.2.as_str());
        let gap_next = words.get(i + 1).map_or("", |w| &t[*e..w.0]);
        let title_before = prev.is_some_and(honorific);
        // Part of a longer name in the clause: "Chris Bowen", "Bowen Street".
        let prev_cap = prev.is_some_and(|p| cap(p) && !honorific(p)) && words[i - 1].1 + 1 == *s;
        let next_cap = next.is_some_and(cap) && gap_next == " ";
        let modifier = prev.is_some_and(|p| matches!(p, "the" | "The" | "a" | "an"));
        if prev_cap || next_cap || modifier {
            continue;
        }
        let lower = base.to_lowercase();
        let flags = crate::lexicon::lower_flags(&lower);
        if flags
            & (crate::lexicon::TITLE
                | crate::lexicon::MONTH
                | crate::lexicon::WEEKDAY
                | crate::lexicon::STOP
                | crate::lexicon::FUNCTION_WORD
                | crate::lexicon::ORG)
            != 0
            || NOT_NAMING.contains(&lower.as_str())
            || contains_word(&doc.text, &lower)
        {
            continue;
        }
        let given_first = prev.is_some_and(|p| matches!(p, "Sir" | "Dame"));
        if !given_first && !doc.reads_as_person(base) {
            continue;
        }
        let Some(full) = doc.full_name_of(base, given_first) else {
            continue;
        };
        if t.contains(full.as_str()) {
            continue;
        }
        let (from, what) = if title_before {
            (words[i - 1].0, format!("{} {base}", words[i - 1].2))
        } else {
            (*s, base.to_string())
        };
        let to = s + base.len();
        notes.push(format!("\"{what}\" → \"{full}\""));
        t.replace_range(from..to, &full);
        done.push(base.to_string());
        // Offsets after this point moved; one expansion per call is enough
        // for the stems we make (re-run for a second name).
        expand_surnames(t, Some(doc), notes);
        return;
    }
}

/// A name the document gives to what a bare "the noun" points to.
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    /// "Bipartisan Housing Law", "Roof’s trial".
    text: String,
    /// Whether it opens with its owner ("Roof’s trial"): no "the" before it.
    owned: bool,
}

impl Mention {
    fn with_article(&self) -> String {
        if self.owned {
            self.text.clone()
        } else {
            format!("the {}", self.text)
        }
    }
}

/// Words that open a capitalized run without naming anything ("The",
/// "Today’s", "This").
const NOT_NAMING: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "such",
    "other",
    "all",
    "some",
    "each",
    "every",
    "new",
    "many",
    "most",
    "today",
    "today’s",
    "today's",
    "yesterday’s",
    "yesterday's",
    "last",
    "next",
    "both",
    "any",
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "under",
    "after",
    "before",
    "as",
    "of",
    "and",
    "but",
    "if",
    "when",
    "while",
    "nearly",
    "about",
    "over",
    "more",
    "it",
    "they",
    "we",
    "he",
    "she",
];

/// Mentions of `noun` that give it a name, in one line, with their byte
/// offsets: a capitalized name holding the noun ("the Department of Parks",
/// "the Bipartisan Housing Law"), capitalized words before it ("the Harbor
/// Renewal grants"), or an owner ("Roof’s trial", "the FAA’s grants").
fn mentions(line: &str, noun: &str) -> Vec<(usize, Mention)> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'.&-]*").expect("valid regex"));
    let words: Vec<(usize, &str)> = WORD
        .find_iter(line)
        .map(|m| (m.start(), m.as_str().trim_end_matches('.')))
        .collect();
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
    let joins = |w: &str| matches!(w, "of" | "for" | "and" | "on" | "&");
    let mut out = Vec::new();
    for (i, &(_, w)) in words.iter().enumerate() {
        // A law is named as an Act as often as a Law ("the Clean Rivers Act").
        let act = matches!(noun, "law" | "bill" | "legislation") && w == "Act";
        if !w.eq_ignore_ascii_case(noun) && !act {
            continue;
        }
        // Modifiers before the noun: capitalized words, one owner at most.
        let mut j = i;
        while j > 0 && i - j < 6 {
            let (_, p) = words[j - 1];
            let gap = &line[words[j - 1].0 + p.len()..words[j].0];
            let abbreviation = gap.trim() == "." && p.contains('.');
            if !gap.trim().is_empty() && !abbreviation || !cap(p) {
                break;
            }
            j -= 1;
        }
        // Words opening a sentence or naming nothing are not part of the name.
        while j < i && NOT_NAMING.contains(&words[j].1.to_lowercase().as_str()) {
            j += 1;
        }
        let sentence_start = |k: usize| {
            k == 0 || {
                let gap = &line[..words[k].0];
                gap.trim_end().ends_with(['.', '!', '?', ':', '“', '"'])
            }
        };
        // A lone capital opening a sentence is not a name ("Borrowers plan").
        while j < i && sentence_start(j) && j + 1 == i && !possessive(words[j].1) {
            j += 1;
        }
        // After the noun: "of"/"for" and a capitalized name ("Department of Parks").
        let mut k = i + 1;
        if j == i && act {
            continue;
        }
        if cap(w) && k + 1 < words.len() && joins(words[k].1) && cap(words[k + 1].1) {
            k += 2;
            while k < words.len() && cap(words[k].1) && k - i < 7 {
                k += 1;
            }
        }
        if j == i && k == i + 1 {
            continue;
        }
        let start = words[j].0;
        let (end_at, end_w) = words[k - 1];
        let text = line[start..end_at + end_w.len()].to_string();
        // "Roof’s trial" takes no article; "the FAA’s grants" keeps it.
        let acronym = |o: &str| {
            o.trim_end_matches(['’', '\'', 's'])
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        let owned = j < i && !cap(w) && possessive(words[j].1) && !acronym(words[j].1);
        out.push((start, Mention { text, owned }));
    }
    out
}

/// A headline in title case: most of its words capitalized (half of them,
/// when it has no end mark).
fn title_case_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 4 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let headline = !line.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
    caps * 10 >= words.len() * 7 || headline && caps * 2 >= words.len()
}

/// Nouns that, after a bare "the", point to one thing named before ("the
/// law", "the plan", "the Department"): named from the document, or no card.
const REFERRING_NOUNS: &[&str] = &[
    "law",
    "act",
    "bill",
    "plan",
    "program",
    "programme",
    "scheme",
    "policy",
    "proposal",
    "rule",
    "order",
    "report",
    "study",
    "survey",
    "poll",
    "trial",
    "lawsuit",
    "rally",
    "protest",
    "summit",
    "conference",
    "deal",
    "agreement",
    "treaty",
    "project",
    "projects",
    "initiative",
    "funding",
    "grant",
    "grants",
    "awards",
    "fund",
    "legislation",
    "measure",
    "department",
    "agency",
    "administration",
    "ministry",
    "company",
    "firm",
    "committee",
    "commission",
    "bureau",
    "campaign",
    "investigation",
    "inquiry",
];

/// Roles that, after a bare "the" anywhere in a clause, stand for one person
/// the document names ("the prime minister", "the governor").
const NAMED_ROLES: &[&str] = &[
    "mayor",
    "president",
    "governor",
    "senator",
    "secretary",
    "commissioner",
    "administrator",
    "minister",
    "chancellor",
    "premier",
    "superintendent",
    "sheriff",
    "ceo",
];

/// Every bare "the law", "the Department", "the prime minister" outside
/// quotations becomes the document's own name for it; `None` (no card) when
/// the document never names it.
fn resolve_definites(
    t: &mut String,
    doc: Option<&DocContext>,
    before: &str,
    notes: &mut Vec<String>,
) -> Option<()> {
    static THE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([Tt])he ((?:[Pp]rime |[Vv]ice |[Dd]eputy |[Ff]oreign )?([A-Za-z]+))\b")
            .expect("valid regex")
    });
    let mut from = 0;
    while let Some(c) = THE.captures_at(t, from) {
        let whole = c.get(0)?;
        let (s, e) = (whole.start(), whole.end());
        from = e;
        if inside_quotes(t, s) {
            continue;
        }
        let phrase = c.get(2)?.as_str().to_string();
        let noun = c.get(3)?.as_str().to_lowercase();
        let rest = &t[e..];
        // Named where it stands: "the Department of Parks", "the Senate Budget …".
        // "the May report": a month names no report; with the document's
        // date it takes its year ("the May 2024 report"), else no card.
        let phrase_word = c.get(2)?.as_str();
        let month_noun = phrase_word.starts_with(|ch: char| ch.is_uppercase())
            && crate::lexicon::month(&phrase_word.to_lowercase()).is_some_and(|(_, abbr)| !abbr);
        let next_referring = rest
            .strip_prefix(' ')
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| {
                REFERRING_NOUNS
                    .contains(&w.trim_end_matches([',', '.', ';']).to_lowercase().as_str())
            });
        if month_noun && next_referring {
            let (n, _) = crate::lexicon::month(&phrase_word.to_lowercase())?;
            let d = doc?.date?;
            let year = if n <= d.month() {
                d.year()
            } else {
                d.year() - 1
            };
            notes.push(format!(
                "\"{}\" → \"{} {year}\"",
                whole.as_str(),
                whole.as_str()
            ));
            t.insert_str(e, &format!(" {year}"));
            from = e;
            continue;
        }
        let owner = rest.starts_with("’s") || rest.starts_with("'s");
        let named_here = !owner
            && ["", " of ", " for "].iter().any(|link| {
                rest.strip_prefix(' ')
                    .filter(|_| link.is_empty())
                    .or_else(|| rest.strip_prefix(link).filter(|_| !link.is_empty()))
                    .is_some_and(|r| r.starts_with(|ch: char| ch.is_uppercase()))
            });
        if named_here {
            continue;
        }
        let role = NAMED_ROLES.contains(&noun.as_str());
        let referring = REFERRING_NOUNS.contains(&noun.as_str());
        if !role && !referring {
            continue;
        }
        // The clause itself names it earlier ("The Harbor Fund … the fund").
        let cap_noun = capitalized(&noun);
        if t[..s]
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| w == cap_noun)
        {
            continue;
        }
        let replacement = if role {
            let p = doc?.person_with_role(&noun)?;
            let role_text = p.role.as_deref().unwrap_or(&phrase);
            if words(role_text) <= 3 && !role_text.contains(',') {
                format!("{} {}", title_case(role_text), p.name)
            } else {
                p.name.clone()
            }
        } else {
            let m = doc?.fullest_mention(before, &noun)?;
            m.with_article()
        };
        let replacement = if c.get(1)?.as_str() == "T" {
            capitalized(&replacement)
        } else {
            replacement
        };
        notes.push(format!("\"{}\" → \"{replacement}\"", whole.as_str()));
        from = s + replacement.len();
        t.replace_range(s..e, &replacement);
    }
    Some(())
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Whether a source sentence is prose: not a table row (tabs), not a line
/// of file names or web addresses.
fn is_prose(sentence: &str) -> bool {
    static PATHISH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)://|\w/[\w.-]+\.(?:md|txt|html?|tsv|csv|pdf|json)\b").expect("valid regex")
    });
    !sentence.contains('\t') && !PATHISH.is_match(sentence)
}

/// A list line's bullet or dash ("– Creating …", "• 40 new …") is not part
/// of its sentence.
fn strip_bullet(t: &mut String) {
    let rest = t.trim_start_matches(['-', '–', '—', '•', '*', '·', '▪']);
    if rest.len() < t.len() && rest.starts_with(' ') {
        *t = rest.trim_start().to_string();
    }
}

/// A question in the source (an interview's, a heading's) asserts nothing.
fn asks_a_question(t: &str) -> bool {
    let end = t.trim_end().trim_end_matches(['”', '"', '’', ')']);
    end.ends_with('?') && !inside_quotes(t, t.trim_end().len().saturating_sub(1))
}

/// Parenthesised conversions and equivalents ("$980bn (£720bn)", "a 30-mile
/// (48km) road", "(about £66bn)"): they restate a figure, and could give the
/// answer away.
fn drop_conversions(t: &mut String, notes: &mut Vec<String>) {
    static CONV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*\((?i:about |around |roughly |approximately |approx\. |nearly |some |or |almost |~|= ?)?[$£€¥]?\d[\d,.]*(?:[- ]?[\p{L}%]{1,12}){0,2}\)")
            .expect("valid regex")
    });
    loop {
        let Some(m) = CONV.find_iter(t).find(|m| !m.as_str().contains(SLOT)) else {
            return;
        };
        let dropped = m.as_str().trim().to_string();
        t.replace_range(m.range(), "");
        notes.push(format!("dropped the conversion \"{dropped}\""));
    }
}

/// "it" outside quotations as an object ("voted to raise it", "paid for
/// it"): what it stands for was said before.
fn object_it(t: &str) -> bool {
    static IT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b[a-z]+ (it)\b( [\p{L}’']+)?").expect("valid regex"));
    const FOLLOWS_SUBJECT: &[&str] = &[
        "is",
        "was",
        "will",
        "would",
        "has",
        "had",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "does",
        "did",
        "said",
        "says",
        "plans",
        "expects",
        "needs",
        "wants",
        "remains",
        "became",
        "becomes",
        "’s",
        "'s",
        "easier",
        "harder",
        "possible",
        "impossible",
        "clear",
        "difficult",
        "likely",
        "unlikely",
        "illegal",
        "legal",
        "mandatory",
    ];
    IT.captures_iter(t).any(|c| {
        let Some(it) = c.get(1) else { return false };
        if inside_quotes(t, it.start()) {
            return false;
        }
        let next = c.get(2).map_or("", |m| m.as_str().trim()).to_lowercase();
        let glued = t[it.end()..].starts_with(['’', '\'']);
        !glued && !FOLLOWS_SUBJECT.contains(&next.as_str()) && !names_before(&t[..it.start()])
    })
}

/// Whether a proper name stands before `t`'s end, past its first word ("The
/// Apollo program … worked on it", "the module Eagle … steered it"): an
/// "it" after it can point back to that name within the clause itself.
fn names_before(t: &str) -> bool {
    // An opening phrase ("In Kelso, councillors voted to raise it") says
    // where or when, not what "it" is.
    const OPENERS: &[&str] = &[
        "In", "At", "On", "For", "After", "Before", "Since", "Under", "Across",
    ];
    let first = t.split_whitespace().next().unwrap_or("");
    let t = match t.find(", ") {
        Some(i) if OPENERS.contains(&first) => &t[i + 2..],
        _ => t,
    };
    t.split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_uppercase()) && w != "I")
}

/// A verb that needs an object left without one ("Finland joined in ____"
/// — joined what?; "became a member in 2024" — of what?).
fn missing_object(t: &str) -> bool {
    static JOINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?i:(?:re)?join(?:ed|s)?|became (?:a )?members?)(?:[ ,.]|$)\s*(?:(?:in|on|at|after|before|during|last|this|since)\b|{SLOT}|[.,;]|$)"
        ))
        .expect("valid regex")
    });
    JOINED.find_iter(t).any(|m| !inside_quotes(t, m.start()))
}

/// Whether a clause names anything (a person, place, organization or
/// other proper name): a clause naming nothing ("Borrowers with small loans
/// will pay ____ a month") leaves the reader asking whose, where, under what.
/// A capitalized opening word counts when the document writes it
/// capitalized mid-sentence, or never writes it in lower case; month and
/// weekday names say when, not what.
/// Without the document's text there is nothing to judge a capital by, and
/// the clause is taken as it is.
fn names_something(t: &str, doc: Option<&DocContext>) -> bool {
    if doc.is_none_or(|d| d.text.trim().is_empty()) {
        return true;
    }
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}][\p{L}\p{N}’'.&-]*").expect("valid regex"));
    let text = doc.map_or("", |d| d.text.as_str());
    let time_word = |w: &str| {
        let l = w.to_lowercase();
        crate::lexicon::month(&l).is_some()
            || crate::lexicon::words(crate::lexicon::list::WEEKDAYS).any(|d| d == l)
    };
    for (n, m) in WORD.find_iter(t).enumerate() {
        let w = m
            .as_str()
            .trim_end_matches(['.', '’', '\''])
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        if !w.starts_with(|c: char| c.is_uppercase()) || w == "I" || time_word(w) {
            continue;
        }
        let before = t[..m.start()].trim_end();
        let opening = n == 0 || before.ends_with(['.', ':', '“', '"', '‘']);
        if !opening {
            return true;
        }
        if w.chars().skip(1).any(char::is_uppercase) {
            return true;
        }
        let lower = w.to_lowercase();
        if NOT_NAMING.contains(&lower.as_str()) {
            continue;
        }
        if mid_sentence_capital(text, w) || !contains_word(text, &lower) {
            return true;
        }
    }
    false
}

/// Whether `text` writes `word` capitalized after a lower-case word (not
/// in a headline, where every word is capitalized).
fn mid_sentence_capital(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
        if title_case_line(&text[line_start..line_end]) {
            return false;
        }
        let after_ok = text[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let prev: String = text[..i].chars().rev().take(2).collect();
        let mut p = prev.chars();
        after_ok && p.next() == Some(' ') && p.next().is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Whether `text` holds `lower` as a whole word in lower case.
fn contains_word(text: &str, lower: &str) -> bool {
    last_word_match(text, lower).is_some()
}

/// The document's date: the first full date ("March 3, 2024", "3 March
/// 2024", "2024-03-03") in its first lines (dateline, byline or
/// publication line).
pub fn document_date(text: &str) -> Option<NaiveDate> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})|(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{4})|(\d{4})-(\d{2})-(\d{2}))\b")
            .expect("valid regex")
    });
    let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    let c = DATE.captures(&head)?;
    let month_of = |m: &str| {
        let m = m.to_lowercase();
        (1..=12).find(|&n| {
            crate::lexicon::month_name(n)
                .and_then(|name| name.get(..3))
                .is_some_and(|x| m.starts_with(&x.to_lowercase()))
        })
    };
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(m), Some(d), Some(y)) = (c.get(1), num(2), num(3)) {
        return NaiveDate::from_ymd_opt(y as i32, month_of(m.as_str())?, d);
    }
    if let (Some(d), Some(m), Some(y)) = (num(4), c.get(5), num(6)) {
        return NaiveDate::from_ymd_opt(y as i32, month_of(m.as_str())?, d);
    }
    NaiveDate::from_ymd_opt(num(7)? as i32, num(8)?, num(9)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: Option<&str>) -> Person {
        Person {
            name: name.into(),
            aliases: vec![],
            role: role.map(str::to_string),
        }
    }

    fn doc(text: &str, people: &[Person]) -> DocContext {
        DocContext::new(text, people)
    }

    /// Stands `sentence` alone around `span`, with the document's text.
    fn alone(d: &DocContext, sentence: &str, span: &str) -> Option<(String, Vec<String>)> {
        let line = d
            .text
            .lines()
            .position(|l| l.contains(sentence))
            .map_or(1, |i| i + 1);
        let f = Frame::new(sentence, span)?.clause();
        stand_alone(&f, Some(d), line, sentence).map(|s| (s.frame.blank(), s.rewritten))
    }

    #[test]
    fn a_surname_alone_takes_the_full_name_the_document_gives() {
        let text = "Harbor Media chief Lorna Quillfeather spoke on Monday.\n\
                    Quillfeather said the merger would close soon.\n\
                    Quillfeather expects to save $40 million a year from new presses.\n";
        let d = doc(text, &[]);
        let (p, notes) = alone(
            &d,
            "Quillfeather expects to save $40 million a year from new presses.",
            "$40 million",
        )
        .expect("card");
        assert_eq!(
            p,
            "Lorna Quillfeather expects to save ____ a year from new presses."
        );
        assert_eq!(notes, vec!["\"Quillfeather\" → \"Lorna Quillfeather\""]);
        // "Mr" goes with the surname it stands before.
        let text = "Minister Tobin Wexley spoke.\nMr Wexley said it would pass.\n\
                    Mr Wexley’s office expects 40 new clinics in Easton.\n";
        let d = doc(text, &[]);
        let (p, _) = alone(
            &d,
            "Mr Wexley’s office expects 40 new clinics in Easton.",
            "40",
        )
        .expect("card");
        assert_eq!(
            p,
            "Tobin Wexley’s office expects ____ new clinics in Easton."
        );
    }

    #[test]
    fn a_capitalized_word_that_is_no_person_is_not_expanded() {
        // "Southern Valdora" names a region; "Valdora" never speaks.
        let text = "Southern Valdora grew fast.\nValdora built 40 new bridges in the decade.\n";
        let d = doc(text, &[]);
        let (p, notes) =
            alone(&d, "Valdora built 40 new bridges in the decade.", "40").expect("card");
        assert_eq!(p, "Valdora built ____ new bridges in the decade.");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_weekday_takes_the_documents_date_or_is_dropped() {
        let dated = doc(
            "March 6, 2024\nThe Easton council voted on Monday to spend $4 million on parks.\n",
            &[],
        );
        let (p, notes) = alone(
            &dated,
            "The Easton council voted on Monday to spend $4 million on parks.",
            "$4 million",
        )
        .expect("card");
        // March 6, 2024 was a Wednesday: the Monday before it.
        assert_eq!(
            p,
            "The Easton council voted on March 4, 2024 to spend ____ on parks."
        );
        assert_eq!(notes, vec!["\"on Monday\" → \"on March 4, 2024\""]);
        let undated = doc(
            "No date here.\nThe Easton council voted on Monday to spend $4 million on parks.\n",
            &[],
        );
        let (p, _) = alone(
            &undated,
            "The Easton council voted on Monday to spend $4 million on parks.",
            "$4 million",
        )
        .expect("card");
        assert_eq!(p, "The Easton council voted to spend ____ on parks.");
        // "Monday's vote" cannot lose its day.
        assert!(
            alone(
                &undated,
                "Monday’s vote gave Easton $4 million for parks.",
                "$4 million"
            )
            .is_none()
        );
    }

    #[test]
    fn a_month_before_a_referring_noun_takes_the_year_or_no_card() {
        let dated = doc("June 10, 2024\nText.\n", &[]);
        let (p, _) = alone(
            &dated,
            "Analysts at Easton Bank expect the May report to show 3% growth.",
            "3%",
        )
        .expect("card");
        assert_eq!(
            p,
            "Analysts at Easton Bank expect the May 2024 report to show ____ growth."
        );
        let undated = doc("Text.\n", &[]);
        assert!(
            alone(
                &undated,
                "Analysts at Easton Bank expect the May report to show 3% growth.",
                "3%"
            )
            .is_none()
        );
    }

    #[test]
    fn story_nouns_and_stray_they_leave_a_stem_unnamed() {
        let d = doc("Text.\n", &[]);
        for (s, span) in [
            (
                "The offer fell short of the $20 demanded by Harbor Media.",
                "$20",
            ),
            (
                "Harbor Media will give up the management contract at the end of 2031.",
                "2031",
            ),
            (
                "Less than 24 hours after the massacre, Easton police made an arrest.",
                "24",
            ),
            (
                "Lord Fenwick gave the Easton leader a flat worth £20,000 in Kelso.",
                "£20,000",
            ),
            (
                "Easton Customs requires payment within 10 days of their shipments arriving.",
                "10",
            ),
            (
                "While most amount to less than $0.15 per hour, Kelso raised its own.",
                "$0.15",
            ),
        ] {
            assert!(alone(&d, s, span).is_none(), "{s}");
        }
        // Named where it stands, or a plural noun before "their": a card.
        for (s, span) in [
            (
                "The killings of two guards in Kelso led to 20 arrests in Easton.",
                "20",
            ),
            (
                "The Easton agency will contact 30 million borrowers to invite them to apply.",
                "30 million",
            ),
            (
                "In 2025, Kelso, Easton and Marlow all spent more than 3.5% of their budgets on roads.",
                "3.5%",
            ),
        ] {
            assert!(alone(&d, s, span).is_some(), "{s}");
        }
    }

    #[test]
    fn a_firm_taken_for_a_person_is_no_he() {
        let d = doc(
            "Talks went on.\nHe said his company’s lander should be ready in 2031.\n",
            &[person("Harbor Robotics", None)],
        );
        let text =
            "Harbor Robotics made news.\nHe said his company’s lander should be ready in 2031.\n";
        let d2 = doc(text, &[person("Harbor Robotics", None)]);
        assert!(
            alone(
                &d2,
                "He said his company’s lander should be ready in 2031.",
                "2031"
            )
            .is_none()
        );
        drop(d);
    }

    #[test]
    fn leading_connectives_are_dropped_and_noted() {
        let d = doc("Plain text.", &[]);
        let (p, notes) = alone(
            &d,
            "But Marion County spent $4 million on new culverts.",
            "$4 million",
        )
        .expect("card");
        assert_eq!(p, "Marion County spent ____ on new culverts.");
        assert_eq!(notes, vec!["dropped \"But\""]);
        let (p, _) = alone(
            &d,
            "In addition, Eastfield schools hired 35 new teachers for the fall.",
            "35",
        )
        .expect("card");
        assert_eq!(p, "Eastfield schools hired ____ new teachers for the fall.");
    }

    #[test]
    fn openings_that_point_back_give_no_card() {
        let d = doc("Plain text.", &[]);
        for s in [
            "Of these shops, 12 closed within a year of opening.",
            "They received $2 million from the fund in total.",
            "This brings the total to $9 million for the region.",
            "The companies paid $3 million in fines last spring.",
        ] {
            let span = if s.contains("12") {
                "12"
            } else if s.contains("$2") {
                "$2 million"
            } else if s.contains("$9") {
                "$9 million"
            } else {
                "$3 million"
            };
            assert!(alone(&d, s, span).is_none(), "{s}");
        }
    }

    #[test]
    fn role_nouns_and_pronouns_take_the_documents_names() {
        let text = "Harbor Town news\n\nMayor Lena Ostrova opened the new pier on Friday.\n\
                    The mayor said the pier cost $6 million to build.\n\
                    She added that 300 boats can dock there.\n";
        let people = [person("Lena Ostrova", Some("Mayor"))];
        let d = doc(text, &people);
        let (p, notes) = alone(
            &d,
            "The mayor said the pier cost $6 million to build.",
            "$6 million",
        )
        .expect("card");
        assert_eq!(p, "Mayor Lena Ostrova said the pier cost ____ to build.");
        assert!(notes[0].contains("Lena Ostrova"), "{notes:?}");
        let (p, _) = alone(&d, "She added that 300 boats can dock there.", "300").expect("card");
        assert_eq!(p, "Lena Ostrova added that ____ boats can dock there.");
        // Nobody named: no card.
        let bare = doc("She added that 300 boats can dock there.\n", &[]);
        assert!(alone(&bare, "She added that 300 boats can dock there.", "300").is_none());
    }

    #[test]
    fn the_agency_is_named_from_earlier_in_the_document() {
        let text = "The Federal Parks Agency announced new grants on Monday.\n\
                    The agency will distribute $40 million to 12 states.\n";
        let d = doc(text, &[]);
        let (p, _) = alone(
            &d,
            "The agency will distribute $40 million to 12 states.",
            "$40 million",
        )
        .expect("card");
        assert_eq!(
            p,
            "The Federal Parks Agency will distribute ____ to 12 states."
        );
        let none = doc(
            "The agency will distribute $40 million to 12 states.\n",
            &[],
        );
        assert!(
            alone(
                &none,
                "The agency will distribute $40 million to 12 states.",
                "$40 million"
            )
            .is_none()
        );
    }

    #[test]
    fn relative_time_is_anchored_to_the_documents_date() {
        let text = "Released June 9, 2025\n\nToday, the Alder district opened 4 new clinics.\n\
                    Enrollment grew 12% last year across the Alder district.\n";
        let d = doc(text, &[]);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 6, 9));
        let (p, notes) =
            alone(&d, "Today, the Alder district opened 4 new clinics.", "4").expect("card");
        assert_eq!(
            p,
            "On June 9, 2025, the Alder district opened ____ new clinics."
        );
        assert_eq!(notes.len(), 1);
        let (p, _) = alone(
            &d,
            "Enrollment grew 12% last year across the Alder district.",
            "12%",
        )
        .expect("card");
        assert_eq!(p, "Enrollment grew ____ in 2024 across the Alder district.");
        // Without a date, relative time cannot be pinned down.
        let undated = doc(
            "Enrollment grew 12% last year across the Alder district.\n",
            &[],
        );
        assert!(
            alone(
                &undated,
                "Enrollment grew 12% last year across the Alder district.",
                "12%"
            )
            .is_none()
        );
    }

    #[test]
    fn list_items_take_their_subject_from_the_lead_in() {
        let text = "The county announced its 2025 Arts Access grants. The grants are:\n\n\
                    - Eastfield Library (Eastfield): $400,000 to replace its roof.\n\
                    - $90,000 for the Marston youth choir.\n";
        let d = doc(text, &[]);
        let (p, notes) = alone(
            &d,
            "Eastfield Library (Eastfield): $400,000 to replace its roof.",
            "$400,000",
        )
        .expect("card");
        assert_eq!(
            p,
            "The Arts Access grants include ____ for Eastfield Library (Eastfield) to replace its roof."
        );
        assert!(notes[0].contains("lead-in"), "{notes:?}");
        let (p, _) = alone(&d, "$90,000 for the Marston youth choir.", "$90,000").expect("card");
        assert_eq!(
            p,
            "The Arts Access grants include ____ for the Marston youth choir."
        );
        // No lead-in saying what the money is: no card.
        let bare = doc("- $90,000 for the Marston youth choir.\n", &[]);
        assert!(alone(&bare, "$90,000 for the Marston youth choir.", "$90,000").is_none());
    }

    #[test]
    fn a_bare_the_noun_takes_the_documents_name_for_it() {
        let text = "Harbor Town News\n\n                    The Coastal Renewal Act passed in May. The Department of Ports will run it.\n                    The law sets aside $30 million for new piers.\n                    Under the Tidewater plan, Harbor Town will dredge 4 channels.\n                    The Department will hire 25 divers for the plan.\n";
        let d = doc(text, &[]);
        let (p, notes) = alone(
            &d,
            "The law sets aside $30 million for new piers.",
            "$30 million",
        )
        .expect("card");
        assert_eq!(p, "The Coastal Renewal Act sets aside ____ for new piers.");
        assert!(notes[0].contains("Coastal Renewal Act"), "{notes:?}");
        let (p, _) =
            alone(&d, "The Department will hire 25 divers for the plan.", "25").expect("card");
        assert_eq!(
            p,
            "The Department of Ports will hire ____ divers for the Tidewater plan."
        );
    }

    #[test]
    fn a_referent_the_document_never_names_gives_no_card() {
        let text = "Crowds filled the square.\nNearly 400 shops in Eastvale closed because of the rally.\n                    The second phase of the trial in Eastvale heard 12 witnesses.\n";
        let d = doc(text, &[]);
        assert!(
            alone(
                &d,
                "Nearly 400 shops in Eastvale closed because of the rally.",
                "400"
            )
            .is_none()
        );
        assert!(
            alone(
                &d,
                "The second phase of the trial in Eastvale heard 12 witnesses.",
                "12"
            )
            .is_none()
        );
    }

    #[test]
    fn an_owner_names_the_noun_without_an_article() {
        let text = "Ortez’s trial opened in Linford.\nThe trial heard 14 witnesses in Linford.\n";
        let d = doc(text, &[]);
        let (p, _) = alone(&d, "The trial heard 14 witnesses in Linford.", "14").expect("card");
        assert_eq!(p, "Ortez’s trial heard ____ witnesses in Linford.");
    }

    #[test]
    fn a_headline_in_title_case_names_nothing() {
        let text = "Senators Back Funding for Rural Roads and Bridges in Kelso\n\n                    A break down of this funding is as follows:\n\n                    - $900,000 for Kelso County to repave its main road.\n";
        let d = doc(text, &[]);
        assert!(
            alone(
                &d,
                "$900,000 for Kelso County to repave its main road.",
                "$900,000"
            )
            .is_none()
        );
    }

    #[test]
    fn a_conversion_of_a_figure_is_dropped() {
        let d = doc("Plain text.", &[]);
        let (p, notes) = alone(
            &d,
            "Norland spent about $400bn (£300bn) on roads in 2024.",
            "$400bn",
        )
        .expect("card");
        assert_eq!(p, "Norland spent about ____ on roads in 2024.");
        assert!(notes[0].contains("£300bn"), "{notes:?}");
        let (p, _) =
            alone(&d, "Norland built a 50-mile (80km) canal in 1910.", "1910").expect("card");
        assert_eq!(p, "Norland built a 50-mile canal in ____.");
    }

    #[test]
    fn lines_that_are_not_sentences_give_no_card() {
        let d = doc("Plain text.", &[]);
        // A bulleted line with no subject.
        assert!(
            alone(
                &d,
                "– Building a £2 billion Norland seawall along the coast.",
                "£2 billion"
            )
            .is_none()
        );
        // A question from a transcript.
        assert!(
            alone(
                &d,
                "How much did Norland pay $5 million for and who signed it?",
                "$5 million"
            )
            .is_none()
        );
        // A row of a table or a metadata line.
        assert!(
            alone(
                &d,
                "Norland Gazette\t2021-04-02\ttext: files/norland.md",
                "2021-04-02"
            )
            .is_none()
        );
    }

    #[test]
    fn a_verb_missing_its_object_gives_no_card() {
        let d = doc("Plain text.", &[]);
        assert!(alone(&d, "Norland joined in March 2019.", "March 2019").is_none());
        assert!(alone(&d, "Ostmark became a member in 2004.", "2004").is_none());
        assert!(
            alone(
                &d,
                "In Kelso, councillors voted to raise it to $9 an hour.",
                "$9"
            )
            .is_none()
        );
        assert!(alone(&d, "Norland joined the Baltic Union in 2004.", "2004").is_some());
        assert!(
            alone(
                &d,
                "The Kelso council said it will spend $9 million on parks.",
                "$9 million"
            )
            .is_some()
        );
    }

    #[test]
    fn an_it_after_a_name_in_its_own_clause_points_back_to_it() {
        assert!(!object_it(
            "The Orbis program as a whole cost $4 billion, and 9,000 people worked on it."
        ));
        assert!(!object_it(
            "The rover Pathkeeper landed on ____ after the crew steered it past a crater."
        ));
        assert!(object_it("The council voted to raise it to ____."));
        assert!(object_it("Riverton voted to raise it to ____."));
    }

    #[test]
    fn a_clause_that_names_nothing_gives_no_card() {
        let text = "Many borrowers in Kelso pay less; prices fell.\nBorrowers with small loans will pay $40 a month.\n";
        let d = doc(text, &[]);
        assert!(
            alone(
                &d,
                "Borrowers with small loans will pay $40 a month.",
                "$40"
            )
            .is_none()
        );
        assert!(alone(&d, "Kelso borrowers will pay $40 a month.", "$40").is_some());
        // A month says when, not who or what.
        assert!(alone(&d, "Prices rose 4% in May.", "4%").is_none());
    }

    #[test]
    fn a_headline_capital_does_not_make_a_common_word_a_name() {
        let text = "Lower Costs for Savers and Borrowers Across Kelso\n\n                    Many borrowers will pay less.\nBorrowers with small loans will pay $40 a month.\n";
        let d = doc(text, &[]);
        assert!(
            alone(
                &d,
                "Borrowers with small loans will pay $40 a month.",
                "$40"
            )
            .is_none()
        );
        assert!(
            alone(
                &d,
                "Then Kelso's mayor got this thing about roads, costing $4 million.",
                "$4 million"
            )
            .is_none()
        );
    }

    #[test]
    fn a_pronoun_after_a_person_the_clause_names_is_theirs() {
        let text = "Ida Marsh met Tom Crane.\nTom Crane spoke first.\n                    Ida Marsh discussed her agency’s $3 million budget.\n";
        let d = doc(
            text,
            &[person("Ida Marsh", None), person("Tom Crane", None)],
        );
        let (p, notes) = alone(
            &d,
            "Ida Marsh discussed her agency’s $3 million budget.",
            "$3 million",
        )
        .expect("card");
        assert_eq!(p, "Ida Marsh discussed her agency’s ____ budget.");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_pronoun_after_its_own_name_is_left_alone() {
        let text = "Rita Vance runs the mill.\nRita Vance said her mill employs 140 people.\n";
        let d = doc(text, &[person("Rita Vance", None)]);
        let (p, notes) =
            alone(&d, "Rita Vance said her mill employs 140 people.", "140").expect("card");
        assert_eq!(p, "Rita Vance said her mill employs ____ people.");
        assert!(notes.is_empty());
    }

    #[test]
    fn a_pronoun_before_the_persons_own_name_is_someone_else() {
        let text = "Ann Reyes thanked donors.\nHe is Ann Reyes’s biggest donor, giving $90,000.\n";
        let d = doc(text, &[person("Ann Reyes", None)]);
        assert!(
            alone(
                &d,
                "He is Ann Reyes’s biggest donor, giving $90,000.",
                "$90,000"
            )
            .is_none()
        );
    }

    #[test]
    fn fragments_and_run_on_sentences_give_no_card() {
        let d = doc("Plain text.", &[]);
        assert!(
            alone(
                &d,
                "Run by a local firm with a budget of $2 million.",
                "$2 million"
            )
            .is_none()
        );
        assert!(
            alone(
                &d,
                "Marion County raised fees to $40 last spring. The fee would double later.",
                "$40"
            )
            .is_none()
        );
    }

    #[test]
    fn first_person_outside_a_quote_gives_no_card() {
        let d = doc("Plain text.", &[]);
        assert!(
            alone(
                &d,
                "We invested $8 million in the harbor this spring.",
                "$8 million"
            )
            .is_none()
        );
        assert!(
            alone(
                &d,
                "Harbor Town approved $8 million after a member said “we need it”.",
                "$8 million"
            )
            .is_some()
        );
    }

    #[test]
    fn long_clause_loses_its_trailing_aside_or_the_card() {
        let d = doc("Plain text.", &[]);
        let s = "The Kelso regional water board approved a plan to spend $75 million on pipes and \
                 pumps in the valley, which officials described as the largest single repair \
                 effort the board has undertaken in the history of the region.";
        let (p, notes) = alone(&d, s, "$75 million").expect("card");
        assert!(p.ends_with("pumps in the valley."), "{p}");
        assert!(notes.iter().any(|n| n.contains("aside")), "{notes:?}");
    }
}
