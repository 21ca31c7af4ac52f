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
    let mut t = frame.text().to_string();
    let mut notes = Vec::new();
    drop_connectives(&mut t, &mut notes);
    if leans_on_context(&t) {
        return None;
    }
    let before = doc.map(|d| d.before(line, sentence)).unwrap_or("");
    list_item_subject(&mut t, before, &mut notes)?;
    resolve_role_noun(&mut t, doc, before, &mut notes)?;
    resolve_pronouns(&mut t, doc, before, &mut notes)?;
    anchor_time(&mut t, doc.and_then(|d| d.date), &mut notes)?;
    if first_person_outside_quotes(&t) || points_back(&t) {
        return None;
    }
    end_lead_in(&mut t, &mut notes);
    if !reads_as_statement(&t) {
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
            r#"^[“"‘']?(?i:(it|its|they|them|their|this|these|that|those|such|both|each|either|neither|another|the latter|the former|of (these|those|them|this|which)|among (them|these|those)|together|here|there|there's|there are|there is|the (companies|officials|two|three|four|others|group|groups|same|remaining|rest|move|deal|decision|measure|proposal|statement|report|plan|program|bill|order|effort|change|changes|new rule|rule|funding|money|funds|grant|grants|award|awards|project|projects|effort|initiative|announcement|investment|investments|increase|cuts|cut)))\b"#,
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
    open && !DUMMY_IT.is_match(t) && !THIS_TIME.is_match(t)
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
fn list_item_subject(t: &mut String, before: &str, notes: &mut Vec<String>) -> Option<()> {
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
    let lead = format!("The {noun} {verb}");
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
    let person = doc?.last_person(before)?;
    let name = person.name.clone();
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
        Regex::new(r"\b(?i:(these|those)\b|this (?:is|was|would|will|means|includes|brings|comes|process|plan|program|move|change|year’s|year's)\b|that[’']s\b|(?:of|above|below|for|to|from|with|by|at|under|over|beyond|after|before|like|than|if|and|but|because) that\b|that (?:would|will|is|was|has|could|means|amount|level|figure|number|money|sum|total|year|plan|program)\b|the (?:same|latter|former|previous|above|following)\b|such\b|both\b|either\b)")
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
        let text = "Released June 9, 2025\n\nToday, the district opened 4 new clinics.\n\
                    Enrollment grew 12% last year across the district.\n";
        let d = doc(text, &[]);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 6, 9));
        let (p, notes) = alone(&d, "Today, the district opened 4 new clinics.", "4").expect("card");
        assert_eq!(p, "On June 9, 2025, the district opened ____ new clinics.");
        assert_eq!(notes.len(), 1);
        let (p, _) = alone(
            &d,
            "Enrollment grew 12% last year across the district.",
            "12%",
        )
        .expect("card");
        assert_eq!(p, "Enrollment grew ____ in 2024 across the district.");
        // Without a date, relative time cannot be pinned down.
        let undated = doc("Enrollment grew 12% last year across the district.\n", &[]);
        assert!(
            alone(
                &undated,
                "Enrollment grew 12% last year across the district.",
                "12%"
            )
            .is_none()
        );
    }

    #[test]
    fn list_items_take_their_subject_from_the_lead_in() {
        let text = "The county announced its 2025 grants. The grants are:\n\n\
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
            "The grants include ____ for Eastfield Library (Eastfield) to replace its roof."
        );
        assert!(notes[0].contains("lead-in"), "{notes:?}");
        let (p, _) = alone(&d, "$90,000 for the Marston youth choir.", "$90,000").expect("card");
        assert_eq!(p, "The grants include ____ for the Marston youth choir.");
        // No lead-in saying what the money is: no card.
        let bare = doc("- $90,000 for the Marston youth choir.\n", &[]);
        assert!(alone(&bare, "$90,000 for the Marston youth choir.", "$90,000").is_none());
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
        let s = "The regional water board approved a plan to spend $75 million on pipes and \
                 pumps in the valley, which officials described as the largest single repair \
                 effort the board has undertaken in the history of the region.";
        let (p, notes) = alone(&d, s, "$75 million").expect("card");
        assert!(p.ends_with("pumps in the valley."), "{p}");
        assert!(notes.iter().any(|n| n.contains("aside")), "{notes:?}");
    }
}
