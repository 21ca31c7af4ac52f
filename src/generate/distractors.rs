//! Wrong answers that look right: the same kind and form as the answer, taken
//! first from other facts in the same documents, then made by plausible
//! changes — never absurd, never equal to the answer, never the odd one out.

use super::forms::{AnswerForm, DateValue, normalize_answer};
use super::identity::{acceptable_alias, one_ends_the_other, person_form};
use crate::model::{DeckFact, FactKind, Person, Value};
use rand::seq::SliceRandom;
use rand::{Rng, RngExt};
use rand_chacha::ChaCha8Rng;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How many wrong options a multiple-choice card gets.
pub const WANTED: usize = 3;

/// A who-said card may make do with this many other people (three options).
pub const WANTED_PEOPLE: usize = 2;

/// Dates from other facts are used only within this many years of the answer.
const NEAR_YEARS: i32 = 10;

/// How many of a fact's documents are searched for distractors.
const NEIGHBOUR_DOCS: usize = 3;

/// At most this many distractors are taken from other facts before made-up ones.
const FROM_FACTS: usize = 8;

/// Ranges of factors for made-up figures below the answer, one per distractor…
const LOWER_BANDS: [(f64, f64); WANTED] = [(0.75, 0.9), (0.58, 0.75), (0.42, 0.58)];
/// …and above it.
const HIGHER_BANDS: [(f64, f64); WANTED] = [(1.12, 1.4), (1.4, 1.75), (1.75, 2.3)];

/// At most this many facts of one answer class (or with a speaker) on each
/// side of a fact in its document are looked at for distractors: every fact
/// of a short document, the nearest ones in a long one, so that generation
/// grows linearly with a document's facts.
const NEIGHBOUR_WINDOW: usize = 64;

/// Where distractors come from: the deck's facts by document, and its people.
pub struct Distractors<'a> {
    facts: &'a [DeckFact],
    /// (document, answer class) → the facts of that class stated in the
    /// document, in deck order.
    by_class: HashMap<(&'a str, AnswerClass<'a>), Vec<usize>>,
    /// Document → its facts that have a speaker, in deck order.
    with_speaker: HashMap<&'a str, Vec<usize>>,
    /// Sentence → the facts stated in it.
    by_sentence: HashMap<&'a str, Vec<usize>>,
    people: &'a [Person],
    /// Lowercased name or alias → index in `people`.
    person_index: HashMap<String, usize>,
    /// Lowercased names of the people quoted in the deck.
    speakers: HashSet<String>,
    /// Lowercased speaker → the role a quote gives them.
    speaker_roles: HashMap<String, &'a str>,
    /// Lowercased last word of a name or alias → the people who go by it.
    by_last: HashMap<String, Vec<usize>>,
    /// Dates after this are in the future: no distractor for a past event may be.
    today: Option<DateValue>,
    /// Each document's year, where its dateline gives one.
    doc_years: HashMap<String, i32>,
}

/// What a fact must share with another to lend it a distractor: its kind,
/// and for figures its currency and unit (dates lend to any date).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct AnswerClass<'a> {
    kind: FactKind,
    currency: Option<&'a str>,
    unit: String,
}

impl<'a> AnswerClass<'a> {
    fn of(f: &'a DeckFact) -> Self {
        if f.kind() == FactKind::Date {
            return AnswerClass {
                kind: f.kind(),
                currency: None,
                unit: String::new(),
            };
        }
        AnswerClass {
            kind: f.kind(),
            currency: f.currency(),
            unit: unit_of(f),
        }
    }
}

/// The entries of `list` (ascending) nearest to `idx`: all of them when
/// there are few, else [`NEIGHBOUR_WINDOW`] on either side, in order.
fn window(list: &[usize], idx: usize) -> &[usize] {
    if list.len() <= 2 * NEIGHBOUR_WINDOW {
        return list;
    }
    let at = list.partition_point(|&j| j < idx);
    let lo = at.saturating_sub(NEIGHBOUR_WINDOW);
    let hi = (at + NEIGHBOUR_WINDOW).min(list.len());
    &list[lo..hi]
}

impl<'a> Distractors<'a> {
    /// Indexes the deck's facts and people. `today` bounds date distractors.
    pub fn new(facts: &'a [DeckFact], people: &'a [Person], today: Option<DateValue>) -> Self {
        let mut by_class: HashMap<(&str, AnswerClass), Vec<usize>> = HashMap::new();
        let mut with_speaker: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_sentence: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            by_sentence.entry(f.sentence.as_str()).or_default().push(i);
            let class = AnswerClass::of(f);
            for s in &f.sources {
                let list = by_class.entry((s.doc.as_str(), class.clone())).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
                if f.speaker().is_some() {
                    let list = with_speaker.entry(s.doc.as_str()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let mut person_index = HashMap::new();
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            person_index.entry(p.name.to_lowercase()).or_insert(i);
            for a in &p.aliases {
                person_index.entry(a.to_lowercase()).or_insert(i);
            }
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                if let Some(last) = n.split_whitespace().last() {
                    let list = by_last.entry(last.to_lowercase()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let speakers = facts
            .iter()
            .filter_map(|f| f.speaker())
            .map(str::to_lowercase)
            .collect();
        let mut speaker_roles = HashMap::new();
        for f in facts {
            if let (Some(s), Some(r)) = (f.speaker(), f.speaker_role()) {
                speaker_roles.entry(s.to_lowercase()).or_insert(r);
            }
        }
        Distractors {
            facts,
            speaker_roles,
            by_class,
            with_speaker,
            by_sentence,
            people,
            person_index,
            speakers,
            by_last,
            today,
            doc_years: HashMap::new(),
        }
    }

    /// The year each document was written (by path), for dates of things
    /// still to come: no option may fall before it.
    pub fn with_doc_years(mut self, years: HashMap<String, i32>) -> Self {
        self.doc_years = years;
        self
    }

    /// The earliest year an option may have when fact `idx`'s sentence
    /// speaks of what is to come ("the Fed sees three hikes in ____", "will
    /// open in ____"): the document's year when known (and not after the
    /// answer), else the year before the answer.
    fn future_floor(&self, idx: usize, answer: &DateValue) -> Option<i32> {
        static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i:\b(will|would|could|plans?|planned|planning|expects?|expected|expecting|forecasts?|forecasting|projected|projections?|predicts?|predicted|anticipat\w*|sees|outlook|scheduled|set to|due to|next)\b)")
                .expect("valid regex")
        });
        let fact = &self.facts[idx];
        let year = answer.year?;
        if !AHEAD.is_match(&fact.sentence) {
            return None;
        }
        let doc_year = self
            .docs_of(idx)
            .filter_map(|d| self.doc_years.get(d).copied())
            .max();
        match doc_year {
            Some(y) if y <= year => Some(y),
            Some(_) => None,
            None => Some(year - 1),
        }
    }

    /// The first few documents of fact `idx` (a widely reported fact's
    /// first documents are enough).
    fn docs_of(&self, idx: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.facts[idx]
            .sources
            .iter()
            .take(NEIGHBOUR_DOCS)
            .map(|s| s.doc.as_str())
    }

    /// Facts near fact `idx` in its documents, other than itself, taken from
    /// each document's `lists` in deck order.
    fn near_in<F>(&self, idx: usize, list_of: F) -> Vec<usize>
    where
        F: Fn(&'a str) -> Option<&'a Vec<usize>>,
    {
        let mut out: Vec<usize> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        for doc in self.docs_of(idx) {
            for &j in list_of(doc).map(|l| window(l, idx)).into_iter().flatten() {
                if j != idx && seen.insert(j) {
                    out.push(j);
                }
            }
        }
        out
    }

    /// Facts of the same answer class as fact `idx` near it in its documents.
    fn neighbours(&self, idx: usize) -> Vec<usize> {
        let class = AnswerClass::of(&self.facts[idx]);
        self.near_in(idx, |doc| self.by_class.get(&(doc, class.clone())))
    }

    /// Bounds the sentence puts on fact `idx` as a part of a whole: below
    /// the whole it is a part of ("12 of its 14 counties": a count under
    /// 14), above the part when it is the whole.
    fn part_and_whole(&self, idx: usize) -> (Option<f64>, Option<f64>) {
        let fact = &self.facts[idx];
        let (mut floor, mut ceiling) = (None, None);
        let Some((start, end)) = span_in(fact) else {
            return (None, None);
        };
        let s = fact.sentence.as_str();
        for &j in self
            .by_sentence
            .get(s)
            .map(|l| window(l, idx))
            .into_iter()
            .flatten()
        {
            let other = &self.facts[j];
            if j == idx
                || other.kind() != fact.kind()
                || other.currency() != fact.currency()
                || other.qualifier().is_some()
            {
                continue;
            }
            let (Some((o_start, o_end)), Value::Number(v)) = (span_in(other), &other.value) else {
                continue;
            };
            let Value::Number(own) = fact.value else {
                continue;
            };
            // A part is smaller than its whole; anything else is two figures
            // side by side ("$5 million of federal funds, $3 million of …").
            if o_start >= end && *v > own && links_part_to_whole(&s[end..o_start]) {
                ceiling = Some(*v);
            } else if o_end <= start && *v < own && links_part_to_whole(&s[o_end..start]) {
                floor = Some(*v);
            }
            // "cut from 10% to ____": the new figure is below the old one;
            // "rose from 4% to ____": above it.
            if o_end <= start
                && let Some(fell) = change_from_to(&s[..o_start], &s[o_end..start])
            {
                if fell {
                    ceiling = Some(ceiling.map_or(*v, |c: f64| c.min(*v)));
                } else {
                    floor = Some(floor.map_or(*v, |f: f64| f.max(*v)));
                }
            }
        }
        (floor, ceiling)
    }

    /// The other dates with a year stated in fact `idx`'s sentence.
    fn other_dates_in_sentence(&self, idx: usize) -> Vec<DateValue> {
        let fact = &self.facts[idx];
        self.by_sentence
            .get(fact.sentence.as_str())
            .map(|l| window(l, idx))
            .into_iter()
            .flatten()
            .filter(|&&j| j != idx && self.facts[j].kind() == FactKind::Date)
            .filter_map(|&j| self.facts[j].value.as_text().and_then(DateValue::from_iso))
            .filter(|d| d.year.is_some())
            .collect()
    }

    /// Up to [`WANTED`] wrong answers for fact `idx`, written in `form`.
    pub fn values(&self, idx: usize, form: &AnswerForm, rng: &mut ChaCha8Rng) -> Vec<String> {
        let fact = &self.facts[idx];
        let answer = form.answer();
        let mut pick = Picker::new(&answer);
        // Figures in plain sight in the same sentence are never options.
        let docs: Vec<&str> = self.docs_of(idx).collect();
        for &j in self
            .by_sentence
            .get(fact.sentence.as_str())
            .map(|l| window(l, idx))
            .into_iter()
            .flatten()
        {
            let other = &self.facts[j];
            if j != idx
                && other.kind() == fact.kind()
                && other.sources.iter().any(|s| docs.contains(&s.doc.as_str()))
            {
                pick.keys.insert(normalize_answer(&other.text));
            }
        }
        // Each candidate with its value (NaN for dates: they keep apart by
        // being different days, months or years).
        let mut from_facts: Vec<(String, f64)> = Vec::new();
        let mut made: Vec<(String, f64)> = Vec::new();
        let mut last_resort: Vec<(String, f64)> = Vec::new();
        match form {
            AnswerForm::Number {
                form: nf,
                value,
                sig,
            } => {
                let side = bound_side(fact);
                let denominations = denominations(fact);
                let (floor, ceiling) = self.part_and_whole(idx);
                let ok = |v: f64| {
                    plausible_number(fact, *value, v)
                        && side.is_none_or(|above| (v > *value) == above)
                        && denominations.is_none_or(|d| d.iter().any(|x| (x - v).abs() < 1e-9))
                        && floor.is_none_or(|f| v > f)
                        && ceiling.is_none_or(|c| v < c)
                };
                pick.gap = Some((*value, min_gap(fact)));
                for j in self.neighbours(idx) {
                    if from_facts.len() >= FROM_FACTS {
                        break;
                    }
                    let other = &self.facts[j];
                    // A figure from the same sentence is in plain sight in the prompt.
                    if other.sentence == fact.sentence
                        || other.kind() != fact.kind()
                        || other.currency() != fact.currency()
                        || unit_of(other) != unit_of(fact)
                    {
                        continue;
                    }
                    if let Value::Number(v) = other.value {
                        let v = nf.round(v, *sig);
                        let ratio = v / value;
                        let shown = nf.render(v);
                        if ok(v)
                            && (0.2..=5.0).contains(&ratio)
                            && mantissa_ok(nf, v)
                            && !padded(&shown, &answer, nf.decimals)
                        {
                            from_facts.push((shown, v));
                        }
                    }
                }
                // Made-up figures: a random number of them below the answer and
                // the rest above, each from its own band, so the answer is not
                // always the middle one or the one the others are multiples of.
                let below = match side {
                    Some(true) => 0,
                    Some(false) => WANTED,
                    None => rng.random_range(0..=WANTED),
                };
                let mut tries: Vec<f64> = Vec::new();
                for round in 0..3 {
                    for k in 0..WANTED {
                        let lower = if round < 2 { k < below } else { k % 2 == 0 };
                        let (lo, hi) = if lower {
                            LOWER_BANDS[k]
                        } else {
                            HIGHER_BANDS[k]
                        };
                        tries.push(value * rng.random_range(lo..hi));
                    }
                }
                if is_age(fact) {
                    // Ages are compared by the year: a few years either way.
                    tries.extend([2.0, -3.0, 5.0, -6.0, 8.0, -9.0, 12.0].map(|d| value + d));
                }
                if let Some(d) = denominations {
                    tries.extend(d.iter().copied());
                }
                // When the bands give too few (the answer "1 million" has
                // nothing below it at one significant digit; "980 billion"
                // nothing above it under the same scale word), wider steps.
                tries.extend(FALLBACK_FACTORS.map(|f| value * f));
                if value.fract() == 0.0 && *value < 20.0 && nf.decimals == 0 {
                    tries.extend([
                        value + 1.0,
                        value - 1.0,
                        value + 2.0,
                        value - 2.0,
                        value + 3.0,
                    ]);
                }
                for v in tries {
                    let v = nf.round(v, *sig);
                    if ok(v) && mantissa_ok(nf, v) {
                        let v = nudge_round(nf, v, &answer);
                        made.push((nf.render(v), v));
                    }
                }
                // A different scale word, last: "$18 million" for "$18 billion"
                // (never "thousand", which no one writes after a whole number).
                if let Some((_, _, f)) = &nf.scale
                    && *f >= 1e6
                {
                    for g in [1e-3, 1e3] {
                        let v = value * g;
                        if ok(v) && nf.scale.is_some() && f * g >= 1e6 {
                            let mut other = nf.clone();
                            if let Some(word) = scale_word(f * g, &nf.scale) {
                                other.scale = Some(word);
                                last_resort.push((other.render(v), v));
                            }
                        }
                    }
                }
            }
            AnswerForm::Date { style, value } => {
                let future_ok = self.today.is_none_or(|t| value.is_after(&t));
                let (after, before) = ordered_years(fact);
                let others = self.other_dates_in_sentence(idx);
                let not_before = self.future_floor(idx, value);
                let ok = |d: &DateValue| {
                    d.is_valid()
                        && d.year
                            .is_none_or(|y| not_before.is_none_or(|floor| y >= floor))
                        && d != value
                        // "announced on May 2 and signed on ____": an option
                        // must keep the order the sentence gives its dates.
                        && others.iter().all(|o| same_order(value, d, o))
                        // "from 2019 to ____": an earlier year reads as nonsense.
                        && d.year.is_none_or(|y| after.is_none_or(|a| y >= a))
                        && d.year.is_none_or(|y| before.is_none_or(|b| y <= b))
                        && (future_ok || self.today.is_none_or(|t| !d.is_after(&t)))
                };
                for j in self.neighbours(idx) {
                    if from_facts.len() >= FROM_FACTS {
                        break;
                    }
                    let other = &self.facts[j];
                    if other.kind() != FactKind::Date || other.sentence == fact.sentence {
                        continue;
                    }
                    let Some(d) = other.value.as_text().and_then(DateValue::from_iso) else {
                        continue;
                    };
                    // A year decades away stands out among close ones.
                    let near = match (d.year, value.year) {
                        (Some(a), Some(b)) => (a - b).abs() <= NEAR_YEARS,
                        _ => true,
                    };
                    if let Some(d) = d.truncated_like(value).filter(|d| near && ok(d)) {
                        from_facts.push((style.render(&d), f64::NAN));
                    }
                }
                for d in date_changes(value).iter().filter(|d| ok(d)) {
                    made.push((style.render(d), f64::NAN));
                }
            }
        }
        from_facts.shuffle(rng);
        if matches!(form, AnswerForm::Date { .. }) {
            made.shuffle(rng);
        }
        for (c, v) in from_facts.into_iter().chain(made).chain(last_resort) {
            pick.offer(c, v);
        }
        pick.finish()
    }

    /// Up to [`WANTED`] other people for a quote by `speaker`: speakers and
    /// people of the same documents first, then anyone in the deck — never an
    /// alias of the speaker, never two names for one person.
    pub fn people(&self, idx: usize, speaker: &str, rng: &mut ChaCha8Rng) -> Vec<String> {
        let banned = self.names_of(speaker);
        let mut near: Vec<String> = self
            .near_in(idx, |doc| self.with_speaker.get(doc))
            .into_iter()
            .filter_map(|j| self.facts[j].speaker().map(str::to_string))
            .collect();
        near.sort();
        near.dedup();
        near.shuffle(rng);
        let mut far: Vec<String> = Vec::new();
        // Sampling keeps a deck with thousands of people cheap.
        if !self.people.is_empty() {
            for _ in 0..(self.people.len().min(24)) {
                let p = &self.people[rng.random_range(0..self.people.len())];
                far.push(p.name.clone());
            }
            if self.people.len() <= 24 {
                far = self.people.iter().map(|p| p.name.clone()).collect();
                far.shuffle(rng);
            }
        }
        let words = speaker.split_whitespace().count();
        let speaker_leads = self.leads_a_nation(speaker);
        // Prefer peers: people quoted in the deck, not a head of state beside
        // an economist quoted on a statistic (unless the speaker is one);
        // then people the deck surely knows as people (see `plausible`),
        // then names as long as the answer's, so it does not stand out.
        let mut candidates: Vec<String> = near.into_iter().chain(far).collect();
        candidates.sort_by_cached_key(|c| {
            (
                !speaker_leads && self.leads_a_nation(c),
                !self.speakers.contains(&c.to_lowercase()),
                !self.plausible(c),
                c.split_whitespace().count().abs_diff(words) > 1,
            )
        });
        let mut chosen: Vec<String> = Vec::new();
        let mut used: HashSet<String> = banned;
        for c in candidates {
            // Options are people's full names, one form per person: no
            // surname alone, no firm or office, no name ending another's.
            let Some(shown) = person_form(&c) else {
                continue;
            };
            if organisation_name(&shown) {
                continue;
            }
            let names = self.names_of(&c);
            if names.iter().any(|n| used.contains(n))
                || one_ends_the_other(&shown, speaker)
                || chosen.iter().any(|o| one_ends_the_other(o, &shown))
            {
                continue;
            }
            used.extend(names);
            chosen.push(shown);
            if chosen.len() == WANTED {
                break;
            }
        }
        chosen
    }

    /// Whether the person called `name` has a role that makes them known to
    /// everyone (a president, a prime minister, a monarch): beside a local
    /// expert such a name is an option no one would pick.
    fn leads_a_nation(&self, name: &str) -> bool {
        let role = self
            .person_index
            .get(&name.to_lowercase())
            .and_then(|&i| self.people[i].role.as_deref())
            .or_else(|| self.speaker_roles.get(&name.to_lowercase()).copied());
        role.is_some_and(head_of_state)
    }

    /// Whether `name` is surely a person: someone quoted in the deck, someone
    /// with a role, or a name of two words or more. A lone word with nothing
    /// said about it may be a place or a party label the extractor took for a
    /// name ("Florida added…"), which would make a silly option.
    fn plausible(&self, name: &str) -> bool {
        if name.split_whitespace().count() >= 2 {
            return true;
        }
        let lower = name.to_lowercase();
        let has_role = self
            .person_index
            .get(&lower)
            .is_some_and(|&i| self.people[i].role.is_some());
        has_role || self.speakers.contains(&lower)
    }

    /// Every lowercased name that may refer to the person called `name`:
    /// the name, the person's aliases, and their surnames.
    pub fn names_of(&self, name: &str) -> HashSet<String> {
        let mut out = HashSet::new();
        let mut add = |n: &str| {
            let l = n.trim().to_lowercase();
            if let Some(last) = surname(&l) {
                out.insert(format!("surname:{last}"));
            }
            out.insert(l);
        };
        add(name);
        if let Some(&i) = self.person_index.get(&name.to_lowercase()) {
            let p = &self.people[i];
            add(&p.name);
            for a in &p.aliases {
                add(a);
            }
        }
        out
    }

    /// Whether someone else in the deck goes by a name that ends `name` or
    /// that `name` ends ("Black Elk", "Linda Black Elk"): a who-said card
    /// could not tell whether they are one person.
    pub fn name_overlaps_another(&self, name: &str) -> bool {
        let own = self.person_index.get(&name.to_lowercase()).copied();
        let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
        self.by_last.get(&last).into_iter().flatten().any(|&j| {
            Some(j) != own
                && std::iter::once(&self.people[j].name)
                    .chain(&self.people[j].aliases)
                    .any(|n| n.split_whitespace().count() >= 2 && one_ends_the_other(n, name))
        })
    }

    /// The speaker's aliases (other names for the same person) a reply may
    /// give: forms the documents use that name this person and no one else
    /// of the deck (see [`acceptable_alias`]).
    pub fn aliases_of(&self, name: &str) -> Vec<String> {
        let own = self.person_index.get(&name.to_lowercase()).copied();
        let mut out: Vec<String> = own
            .map(|i| {
                let p = &self.people[i];
                std::iter::once(p.name.clone())
                    .chain(p.aliases.iter().cloned())
                    .collect()
            })
            .unwrap_or_default();
        out.retain(|a| a != name);
        // The surname alone, when the name is a given name, initials and
        // one surname word ("Ana Ruiz", "Mary E. Lovely"): in a longer name
        // the last word may be only part of the surname ("Black Elk").
        let words: Vec<&str> = name.split_whitespace().collect();
        let initials = words.len() >= 2
            && words[1..words.len() - 1]
                .iter()
                .all(|w| w.trim_end_matches('.').chars().count() <= 2);
        if initials
            && let Some(last) = words.last()
            && !out.iter().any(|a| a == last)
        {
            out.push((*last).to_string());
        }
        out.retain(|form| {
            let last = form.split_whitespace().last().unwrap_or("").to_lowercase();
            let others: Vec<&str> = self
                .by_last
                .get(&last)
                .into_iter()
                .flatten()
                .filter(|&&j| Some(j) != own)
                .map(|&j| self.people[j].name.as_str())
                .collect();
            acceptable_alias(name, form, &others)
        });
        out
    }
}

/// Whether a name is an organisation's ("Harbour Defence Forces",
/// "Northfield Housing Authority"): beside people, an option no one would
/// pick for a person's words.
fn organisation_name(name: &str) -> bool {
    const ORG: &[&str] = &[
        "forces",
        "force",
        "department",
        "ministry",
        "agency",
        "office",
        "council",
        "committee",
        "commission",
        "association",
        "institute",
        "university",
        "college",
        "party",
        "army",
        "navy",
        "police",
        "service",
        "services",
        "bank",
        "group",
        "union",
        "corporation",
        "corp",
        "inc",
        "company",
        "ltd",
        "llc",
        "foundation",
        "authority",
        "administration",
        "board",
        "bureau",
        "court",
        "senate",
        "congress",
        "parliament",
        "government",
        "network",
        "fund",
        "reserve",
        "church",
        "school",
        "hospital",
        "center",
        "centre",
        "club",
        "league",
        "federation",
        "organization",
        "organisation",
        "coalition",
        "alliance",
        "airlines",
        "airport",
        "holdings",
        "partners",
        "trust",
        "society",
        "campaign",
        "movement",
        "guard",
        "brigade",
        "ministries",
        "team",
        "studios",
        "media",
        "news",
        "times",
        "press",
    ];
    name.split_whitespace()
        .skip(1)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| ORG.contains(&w.as_str()))
}

/// A role held by a head of state or government ("President", "former
/// Prime Minister"); a company's "Vice President" is not one.
fn head_of_state(role: &str) -> bool {
    let r = role.trim().to_lowercase();
    let r = r
        .trim_start_matches("former ")
        .trim_start_matches("then-")
        .trim_start_matches("u.s. ")
        .trim_start_matches("us ");
    matches!(
        r,
        "president" | "prime minister" | "king" | "queen" | "pope" | "first lady" | "premier"
    )
}

/// The last word of a name, without titles' punctuation or suffixes.
fn surname(name: &str) -> Option<String> {
    name.split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv" | ""))
        .map(str::to_string)
}

fn unit_of(f: &DeckFact) -> String {
    f.unit().unwrap_or("").to_lowercase()
}

/// Made-up ages stay within this share of the answer either way…
const AGE_SPREAD: f64 = 0.4;
/// …and within a human lifetime.
const MAX_AGE: f64 = 110.0;

/// Whether a quantity is a person's age ("49 years old", "aged 49").
fn is_age(fact: &DeckFact) -> bool {
    fact.kind() == FactKind::Quantity
        && fact.unit().is_some_and(|u| {
            let u = u.to_lowercase();
            u.contains("years old") || u == "age" || u == "aged" || u.contains("year-old")
        })
}

/// Whether the fact states a bound ("more than", "up to", "at least"): a
/// figure on either side of it may leave the statement true.
pub fn is_bound(fact: &DeckFact) -> bool {
    bound_side(fact).is_some()
}

/// Which side of the answer a wrong figure must lie on when the fact is a
/// bound: `Some(true)` above it for a lower bound ("more than $50 million":
/// any smaller figure would also be true), `Some(false)` below it for an
/// upper bound ("up to 40%"); `None` when either side is false.
fn bound_side(fact: &DeckFact) -> Option<bool> {
    const LOWER: &[&str] = &[
        "more than",
        "over",
        "at least",
        "above",
        "exceeding",
        "upwards of",
        "in excess of",
        "greater than",
        "no less than",
        "a minimum of",
        "north of",
    ];
    const UPPER: &[&str] = &[
        "up to",
        "less than",
        "under",
        "at most",
        "fewer than",
        "below",
        "no more than",
        "a maximum of",
        "as much as",
        "as many as",
    ];
    let q = fact.qualifier()?.trim().to_lowercase();
    if LOWER.contains(&q.as_str()) {
        Some(true)
    } else if UPPER.contains(&q.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// The denominations a figure must be one of when the sentence calls it a
/// bill or a coin ("a $20 bill"): a made-up "$30 bill" does not exist.
fn denominations(fact: &DeckFact) -> Option<&'static [f64]> {
    const BILLS: &[f64] = &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];
    const COINS: &[f64] = &[0.01, 0.05, 0.1, 0.25, 0.5, 1.0];
    if fact.kind() != FactKind::Money || fact.currency().is_some_and(|c| c != "USD") {
        return None;
    }
    let s = fact.sentence.as_str();
    let at = s.find(fact.text.as_str())? + fact.text.len();
    let next: String = s[at..]
        .trim_start_matches(['-', ' '])
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty() && *w != "dollar")
        .unwrap_or("")
        .to_lowercase();
    match next.as_str() {
        "bill" | "bills" | "note" | "notes" => Some(BILLS),
        "coin" | "coins" => Some(COINS),
        _ => None,
    }
}

/// Years a date answer must not precede or follow, when its sentence orders
/// it against another year: "from 2019 to 2024" makes 2019 a lower bound for
/// the second year and 2024 an upper bound for the first.
fn ordered_years(fact: &DeckFact) -> (Option<i32>, Option<i32>) {
    let s = fact.sentence.as_str();
    let Some(at) = s.find(fact.text.as_str()) else {
        return (None, None);
    };
    let lead = words(&s[..at]);
    let tail = words(&s[at + fact.text.len()..]);
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1000..=2999).contains(y))
    };
    let mut after = None;
    // "… from 2019 to ____", "between 2019 and ____", "2019 through ____".
    if let Some(link) = lead.last()
        && matches!(
            link.as_str(),
            "to" | "until" | "till" | "through" | "and" | "thru"
        )
    {
        let opener = |w: &str| matches!(w, "from" | "between" | "since");
        let n = lead.len();
        // The other year is the word before the link, possibly after a day or month.
        for back in 2..=5.min(n) {
            if let Some(y) = year(&lead[n - back]) {
                let opened = lead[..n - back].iter().rev().take(4).any(|w| opener(w));
                if opened || link != "and" {
                    after = Some(y);
                }
                break;
            }
        }
    }
    let mut before = None;
    // "from ____ to 2024", "between ____ and 2024".
    if let Some(opener) = lead.last()
        && matches!(opener.as_str(), "from" | "between" | "since")
        && let Some(link) = tail.first()
        && matches!(
            link.as_str(),
            "to" | "until" | "till" | "through" | "and" | "thru"
        )
    {
        before = tail.iter().skip(1).take(4).find_map(|w| year(w));
    }
    (after, before)
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a changed figure is one the fact could plausibly have: positive,
/// a percentage within 0–100 unless the answer itself is above 100.
fn plausible_number(fact: &DeckFact, answer: f64, v: f64) -> bool {
    if !v.is_finite() || v <= 0.0 || (v - answer).abs() < answer.abs() * 1e-9 {
        return false;
    }
    if is_age(fact) && !(answer * (1.0 - AGE_SPREAD)..=answer * (1.0 + AGE_SPREAD)).contains(&v)
        || is_age(fact) && !(1.0..=MAX_AGE).contains(&v)
    {
        return false;
    }
    let is_points = fact.unit().is_some_and(|u| u.contains("point"));
    if fact.kind() == FactKind::Percent && !is_points && answer <= 100.0 && v > 100.0 {
        return false;
    }
    true
}

/// A round figure written with the answer's decimals ("10.00%" next to
/// "4.52%") shows zeros the answer lacks, which marks it as a distractor.
fn padded(shown: &str, answer: &str, decimals: usize) -> bool {
    let last_digit = |s: &str| s.chars().rfind(char::is_ascii_digit);
    decimals > 0 && last_digit(shown) == Some('0') && last_digit(answer) != Some('0')
}

/// With a scale word the mantissa must stay between 1 and 1000 ("$0.4
/// billion" and "1200 million" read oddly).
fn mantissa_ok(form: &super::forms::NumberForm, v: f64) -> bool {
    form.scale.is_none() || (1.0..1000.0).contains(&(v / form.factor()))
}

/// A rounded perturbation that shows trailing zeros the answer lacks
/// ("2.180" next to "1.744") is nudged by one unit in the last place.
fn nudge_round(form: &super::forms::NumberForm, v: f64, answer: &str) -> f64 {
    if form.decimals == 0 {
        return v;
    }
    let s = form.render(v);
    let answer_digits: String = answer.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.ends_with('0') && !answer_digits.ends_with('0') {
        v + 10f64.powi(-(form.decimals as i32)) * form.factor()
    } else {
        v
    }
}

/// The scale word for `factor`, written like `like` (word or letter, same case).
fn scale_word(factor: f64, like: &Option<(String, String, f64)>) -> Option<(String, String, f64)> {
    let (space, word, _) = like.as_ref()?;
    let long = word.len() > 2;
    let upper = word.chars().next().is_some_and(|c| c.is_uppercase());
    let exponent = factor.log10().round() as i32;
    let w = match (exponent, long) {
        (3, true) => "thousand",
        (6, true) => "million",
        (9, true) => "billion",
        (12, true) => "trillion",
        (3, false) => "k",
        (6, false) => "m",
        (9, false) => "b",
        (12, false) => "t",
        _ => return None,
    };
    let w = if upper && !long {
        w.to_uppercase()
    } else {
        w.to_string()
    };
    Some((space.clone(), w, factor))
}

/// The least relative gap between two figures offered side by side…
const MIN_GAP: f64 = 0.1;
/// …and when the answer is approximate ("nearly 30 million"): a figure
/// within a fifth of it could be what "nearly" meant.
const APPROX_GAP: f64 = 0.2;

/// Wider steps for made-up figures, tried after [`LOWER_BANDS`] and
/// [`HIGHER_BANDS`].
const FALLBACK_FACTORS: [f64; 10] = [0.5, 2.0, 0.65, 1.5, 3.0, 0.35, 2.5, 0.25, 4.0, 5.0];

/// Qualifiers that make a figure approximate.
const APPROXIMATE: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "close to",
    "estimated",
    "just over",
    "just under",
    "just shy of",
];

/// How far apart (relative to the larger) two figures of this fact must be.
fn min_gap(fact: &DeckFact) -> f64 {
    let q = fact.qualifier().unwrap_or("").trim().to_lowercase();
    if APPROXIMATE.contains(&q.as_str()) {
        APPROX_GAP
    } else {
        MIN_GAP
    }
}

/// Whether `a` and `b` differ by at least `gap` of the larger of the two.
fn far_apart(a: f64, b: f64, gap: f64) -> bool {
    let scale = a.abs().max(b.abs());
    scale > 0.0 && (a - b).abs() >= gap * scale - 1e-9 * scale
}

/// Whether option `d` stands to another date `other` of the sentence as
/// the answer does: after it, before it, or the same at their common
/// precision. Dates without a year are not compared.
fn same_order(answer: &DateValue, d: &DateValue, other: &DateValue) -> bool {
    if answer.year.is_none() || other.year.is_none() {
        return true;
    }
    answer.is_after(other) == d.is_after(other) && other.is_after(answer) == other.is_after(d)
}

/// The figure's start and end in its sentence.
fn span_in(fact: &DeckFact) -> Option<(usize, usize)> {
    let at = fact.sentence.find(fact.text.as_str())?;
    Some((at, at + fact.text.len()))
}

/// Whether "… from X to ____" states a change, and its direction:
/// `Some(true)` for a fall ("reduced from 10% to"), `Some(false)` for a rise
/// ("climbed from 4% to"); `None` when the words are not a change of one
/// figure or name no direction. `lead` is the sentence before X, `between`
/// the words between X and the answer.
fn change_from_to(lead: &str, between: &str) -> Option<bool> {
    const FALL: &[&str] = &[
        "reduc", "cut", "lower", "decreas", "declin", "fall", "fell", "drop", "shrink", "shrank",
        "slash", "trim", "eased", "easing", "dipp", "slid", "slipp", "plung", "tumbl", "sank",
        "sink", "halv",
    ];
    const RISE: &[&str] = &[
        "rais", "rise", "rising", "rose", "increas", "grow", "grew", "climb", "jump", "boost",
        "lift", "expand", "doubl", "tripl", "soar", "surg", "hik", "widen", "swell", "swoll",
    ];
    let between: Vec<String> = words(between);
    let linked = matches!(
        between.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["to"] | ["to", "just"] | ["to", "only"] | ["to", "about"] | ["to", "around"]
    );
    let lead = words(lead);
    if !linked || lead.last().is_none_or(|w| w != "from") {
        return None;
    }
    // The verb of the change, a few words before "from".
    lead.iter().rev().skip(1).take(8).find_map(|w| {
        if FALL.iter().any(|f| w.starts_with(f)) {
            Some(true)
        } else if RISE.iter().any(|r| w.starts_with(r)) {
            Some(false)
        } else {
            None
        }
    })
}

/// Whether the words between a part and its whole make them one ("12 of
/// the state's 14 counties", "3 out of 10"): "of" or "out of" and at most
/// three words, none of them a verb-like link that starts another clause.
fn links_part_to_whole(between: &str) -> bool {
    let w: Vec<String> = between
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let rest = match w.first().map(String::as_str) {
        Some("of") => &w[1..],
        Some("out") if w.get(1).is_some_and(|x| x == "of") => &w[2..],
        _ => return false,
    };
    rest.len() <= 3
        && rest.iter().all(|x| {
            !matches!(x.as_str(), "and" | "or" | "but" | "while")
                && x.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        })
}

/// Plausible other dates at the same precision: another day, month or year.
fn date_changes(v: &DateValue) -> Vec<DateValue> {
    let mut out = Vec::new();
    let with = |y: Option<i32>, m: Option<u32>, d: Option<u32>| DateValue {
        year: y,
        month: m,
        day: d,
    };
    match (v.year, v.month, v.day) {
        (y, Some(m), Some(d)) => {
            for dd in [-1i64, 1, -3, 3, 5, -7, 7, 10] {
                let nd = d as i64 + dd;
                if (1..=31).contains(&nd) {
                    out.push(with(y, Some(m), Some(nd as u32)));
                }
            }
            for dm in [-1i64, 1, 2, -2] {
                let nm = m as i64 + dm;
                if (1..=12).contains(&nm) {
                    out.push(with(y, Some(nm as u32), Some(d)));
                }
            }
            if let Some(y) = y {
                out.push(with(Some(y - 1), Some(m), Some(d)));
                out.push(with(Some(y + 1), Some(m), Some(d)));
            }
        }
        (y, Some(m), None) => {
            for dm in [-1i64, 1, -2, 2, 3, -3, 6] {
                let nm = m as i64 + dm;
                if (1..=12).contains(&nm) {
                    out.push(with(y, Some(nm as u32), None));
                }
            }
            if let Some(y) = y {
                out.push(with(Some(y - 1), Some(m), None));
                out.push(with(Some(y + 1), Some(m), None));
            }
        }
        (Some(y), None, None) => {
            for dy in [-1, 1, -2, 2, -3, 3, -5, 5, -10] {
                out.push(with(Some(y + dy), None, None));
            }
        }
        _ => {}
    }
    out.retain(|d| d.year.is_none_or(|y| (1..=9999).contains(&y)));
    out
}

/// Collects distinct options, then makes sure the answer is not the only
/// longest or shortest one when a better-matched candidate is at hand.
struct Picker {
    answer: String,
    keys: HashSet<String>,
    chosen: Vec<String>,
    /// The values of `chosen` (figures only).
    chosen_values: Vec<f64>,
    spare: Vec<String>,
    /// For figures: the answer's value and the least relative gap every
    /// option keeps from it (options keep [`MIN_GAP`] from each other).
    gap: Option<(f64, f64)>,
}

impl Picker {
    fn new(answer: &str) -> Picker {
        Picker {
            answer: answer.to_string(),
            keys: HashSet::from([normalize_answer(answer), answer.to_lowercase()]),
            chosen: Vec::new(),
            chosen_values: Vec::new(),
            spare: Vec::new(),
            gap: None,
        }
    }

    /// Offers candidate `c` of value `v` (NaN when it has none).
    fn offer(&mut self, c: String, v: f64) {
        if c.contains(&self.answer) || self.answer.contains(c.as_str()) && !c.is_empty() {
            return;
        }
        // "42.7%" beside "42.6%" is a near-duplicate, not a choice.
        if let Some((answer, gap)) = self.gap
            && v.is_finite()
            && (!far_apart(answer, v, gap)
                || self
                    .chosen_values
                    .iter()
                    .any(|&o| !far_apart(o, v, MIN_GAP)))
        {
            return;
        }
        let key = normalize_answer(&c);
        if !self.keys.insert(key) || !self.keys.insert(c.to_lowercase()) {
            return;
        }
        if self.chosen.len() < WANTED {
            self.chosen.push(c);
            self.chosen_values.push(v);
        } else if self.spare.len() < 8 {
            self.spare.push(c);
        }
    }

    fn finish(mut self) -> Vec<String> {
        let len = |s: &str| s.chars().count();
        let a = len(&self.answer);
        if self.chosen.len() == WANTED {
            if self.chosen.iter().all(|c| len(c) < a)
                && let Some(i) = self.spare.iter().position(|c| len(c) >= a)
            {
                self.chosen[WANTED - 1] = self.spare.remove(i);
            } else if self.chosen.iter().all(|c| len(c) > a)
                && let Some(i) = self.spare.iter().position(|c| len(c) <= a)
            {
                self.chosen[WANTED - 1] = self.spare.remove(i);
            }
        }
        self.chosen
    }
}

/// Shuffles the answer in among the distractors with the deck's RNG.
pub fn shuffled_options(answer: &str, wrong: &[String], rng: &mut impl Rng) -> Vec<String> {
    let mut options: Vec<String> = std::iter::once(answer.to_string())
        .chain(wrong.iter().cloned())
        .collect();
    options.shuffle(rng);
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::merge::merge;
    use crate::generate::testutil::fact;
    use crate::model::{Extraction, Fact};
    use rand::SeedableRng;

    fn deck(facts: Vec<Fact>, people: Vec<Person>) -> (Vec<DeckFact>, Vec<Person>) {
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts,
            people,
            outlets: Vec::new(),
        }]);
        (m.facts, m.people)
    }

    fn options_for(
        facts: &[DeckFact],
        people: &[Person],
        idx: usize,
        today: &str,
    ) -> (String, Vec<String>) {
        let d = Distractors::new(facts, people, DateValue::from_iso(today));
        let form = AnswerForm::of(&facts[idx], &facts[idx].text).expect("form");
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        (form.answer(), d.values(idx, &form, &mut rng))
    }

    #[test]
    fn money_distractors_keep_currency_and_scale_and_are_never_negative() {
        let (facts, people) = deck(
            vec![fact("a.md", FactKind::Money, "$18 billion", 18e9).build()],
            vec![],
        );
        let (answer, wrong) = options_for(&facts, &people, 0, "2026-01-01");
        assert_eq!(answer, "$18 billion");
        assert_eq!(wrong.len(), 3, "{wrong:?}");
        for w in &wrong {
            assert!(w.starts_with('$') && w.ends_with(" billion"), "{w}");
            assert!(!w.contains('-'), "{w}");
            assert_ne!(normalize_answer(w), normalize_answer(&answer));
        }
    }

    #[test]
    fn the_answer_is_not_always_the_smallest_or_the_middle_figure() {
        let (facts, people) = deck(
            vec![fact("a.md", FactKind::Money, "$25.4 billion", 25.4e9).build()],
            vec![],
        );
        let d = Distractors::new(&facts, &people, None);
        let form = AnswerForm::of(&facts[0], &facts[0].text).expect("form");
        let mut ranks = HashSet::new();
        for seed in 0..40 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let wrong = d.values(0, &form, &mut rng);
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            let value = |s: &str| {
                s.trim_start_matches('$')
                    .trim_end_matches(" billion")
                    .parse::<f64>()
                    .expect("number")
            };
            let below = wrong.iter().filter(|w| value(w) < 25.4).count();
            ranks.insert(below);
        }
        assert_eq!(ranks.len(), 4, "answer rank among options: {ranks:?}");
    }

    #[test]
    fn a_figure_from_the_same_sentence_is_not_a_distractor() {
        let s = "Grants may cover up to 75% of project costs, or up to 90% in high-cost areas.";
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Percent, "75%", 75.0)
                    .sentence(s)
                    .build(),
                fact("a.md", FactKind::Percent, "90%", 90.0)
                    .sentence(s)
                    .build(),
            ],
            vec![],
        );
        for seed in 0..10 {
            let d = Distractors::new(&facts, &people, None);
            let form = AnswerForm::of(&facts[0], "75%").expect("form");
            let wrong = d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(!wrong.contains(&"90%".to_string()), "{wrong:?}");
        }
    }

    #[test]
    fn round_figures_from_other_facts_do_not_show_extra_zeros() {
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Percent, "4.52%", 4.52).build(),
                fact("a.md", FactKind::Percent, "10%", 10.0)
                    .sentence("Another rate reached 10% in the spring.")
                    .build(),
            ],
            vec![],
        );
        let (_, wrong) = options_for(&facts, &people, 0, "2026-01-01");
        assert!(!wrong.iter().any(|w| w.ends_with("0%")), "{wrong:?}");
    }

    #[test]
    fn other_facts_of_the_same_document_come_first() {
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Money, "$18 billion", 18e9).build(),
                fact("a.md", FactKind::Money, "$25 billion", 25e9)
                    .sentence("Another program cost $25 billion.")
                    .build(),
            ],
            vec![],
        );
        let (_, wrong) = options_for(&facts, &people, 0, "2026-01-01");
        assert!(wrong.contains(&"$25 billion".to_string()), "{wrong:?}");
    }

    #[test]
    fn in_a_long_document_distractors_come_from_nearby_facts() {
        // 150 small figures early in the document, 150 larger ones near the end.
        let mut facts: Vec<Fact> = (0..300)
            .map(|i| {
                let m = if i < 150 { 20 + i % 6 } else { 41 + i % 19 };
                let text = format!("${m} million");
                fact("a.md", FactKind::Money, &text, m as f64 * 1e6)
                    .sentence(&format!("Project {i} received {text} from the fund."))
                    .line(i + 1)
                    .build()
            })
            .collect();
        facts.push(
            fact("a.md", FactKind::Money, "$40 million", 40e6)
                .sentence("The last project received $40 million from the fund.")
                .line(400)
                .build(),
        );
        let (facts, people) = deck(facts, vec![]);
        let last = facts.len() - 1;
        let (_, wrong) = options_for(&facts, &people, last, "2026-01-01");
        assert_eq!(wrong.len(), 3, "{wrong:?}");
        for w in &wrong {
            let m: f64 = w
                .trim_start_matches('$')
                .trim_end_matches(" million")
                .parse()
                .expect(w);
            assert!(
                m > 30.0,
                "taken from the far start of the document: {wrong:?}"
            );
        }
    }

    #[test]
    fn a_bound_is_contradicted_only_from_the_side_it_rules_out() {
        for (q, above) in [("more than", true), ("at least", true), ("up to", false)] {
            let text = format!("{q} $50 million");
            let (facts, people) = deck(
                vec![
                    fact("a.md", FactKind::Money, &text, 50e6)
                        .qualifier(q)
                        .sentence(&format!("The fund will hand out {text} in grants."))
                        .build(),
                    fact("a.md", FactKind::Money, "$30 million", 30e6)
                        .sentence("The city raised $30 million for parks.")
                        .line(2)
                        .build(),
                    fact("a.md", FactKind::Money, "$70 million", 70e6)
                        .sentence("The state spent $70 million on roads.")
                        .line(3)
                        .build(),
                ],
                vec![],
            );
            let d = Distractors::new(&facts, &people, None);
            let form = AnswerForm::of(&facts[0], "$50 million").expect("form");
            for seed in 0..20 {
                let wrong = d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
                assert_eq!(wrong.len(), 3, "{q}: {wrong:?}");
                for w in &wrong {
                    let m: f64 = w
                        .trim_start_matches('$')
                        .trim_end_matches(" million")
                        .parse()
                        .expect(w);
                    assert_eq!(m > 50.0, above, "{q}: {wrong:?}");
                }
            }
        }
    }

    #[test]
    fn a_bill_is_only_ever_a_denomination_that_exists() {
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Money, "$20", 20.0)
                    .sentence("The new $20 bill will carry a portrait of a poet.")
                    .build(),
            ],
            vec![],
        );
        let d = Distractors::new(&facts, &people, None);
        let form = AnswerForm::of(&facts[0], "$20").expect("form");
        for seed in 0..20 {
            let wrong = d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(wrong.len() >= 2, "{wrong:?}");
            for w in &wrong {
                assert!(
                    ["$1", "$2", "$5", "$10", "$50", "$100"].contains(&w.as_str()),
                    "{wrong:?}"
                );
            }
        }
    }

    #[test]
    fn date_distractors_are_real_dates_in_the_same_style_and_not_in_the_future() {
        let (facts, people) = deck(
            vec![fact("a.md", FactKind::Date, "December 2025", "2025-12").build()],
            vec![],
        );
        for seed in 0..20 {
            let d = Distractors::new(&facts, &people, DateValue::from_iso("2026-01-10"));
            let form = AnswerForm::of(&facts[0], &facts[0].text).expect("form");
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let wrong = d.values(0, &form, &mut rng);
            assert_eq!(wrong.len(), 3);
            for w in &wrong {
                assert!(w.ends_with(" 2025") || w.ends_with(" 2024"), "{w}");
                assert!(!w.contains("13"), "{w}");
            }
        }
    }

    #[test]
    fn percentages_stay_within_a_hundred() {
        let (facts, people) = deck(
            vec![fact("a.md", FactKind::Percent, "80%", 80.0).build()],
            vec![],
        );
        let (_, wrong) = options_for(&facts, &people, 0, "2026-01-01");
        for w in &wrong {
            let n: f64 = w.trim_end_matches('%').parse().expect("number");
            assert!(n > 0.0 && n <= 100.0, "{w}");
        }
    }

    #[test]
    fn age_distractors_stay_near_the_answer_and_within_a_lifetime() {
        for (age, text) in [
            (52.0, "52 years old"),
            (95.0, "95 years old"),
            (3.0, "3 years old"),
        ] {
            let (facts, people) = deck(
                vec![
                    fact("a.md", FactKind::Quantity, text, age)
                        .unit("years old")
                        .sentence(&format!("The age limit rose from 49 to {text}."))
                        .build(),
                    fact("a.md", FactKind::Quantity, "100 years old", 100.0)
                        .unit("years old")
                        .sentence("The oldest member was 100 years old.")
                        .line(2)
                        .build(),
                ],
                vec![],
            );
            let idx = facts.iter().position(|f| f.text == text).expect("fact");
            let d = Distractors::new(&facts, &people, None);
            let form = AnswerForm::of(&facts[idx], text).expect("form");
            for seed in 0..20 {
                let wrong = d.values(idx, &form, &mut ChaCha8Rng::seed_from_u64(seed));
                assert!(!wrong.is_empty(), "{text}: no distractors");
                for w in &wrong {
                    let n: f64 = w.trim_end_matches(" years old").parse().expect(w);
                    assert!((1.0..=110.0).contains(&n), "{text}: {w}");
                    assert!((age * 0.6..=age * 1.4).contains(&n), "{text}: {w}");
                }
            }
        }
    }

    #[test]
    fn a_year_ordered_after_another_in_the_sentence_is_never_offered_before_it() {
        let s = "The program ran from 2019 to 2021 in every county.";
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Date, "2021", "2021")
                    .sentence(s)
                    .build(),
                fact("a.md", FactKind::Date, "2019", "2019")
                    .sentence(s)
                    .build(),
            ],
            vec![],
        );
        let later = facts.iter().position(|f| f.text == "2021").expect("fact");
        let earlier = facts.iter().position(|f| f.text == "2019").expect("fact");
        let d = Distractors::new(&facts, &people, None);
        for seed in 0..20 {
            let form = AnswerForm::of(&facts[later], "2021").expect("form");
            let wrong = d.values(later, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for w in &wrong {
                let y: i32 = w.parse().expect(w);
                assert!(y > 2019, "after 2019: {wrong:?}");
            }
            let form = AnswerForm::of(&facts[earlier], "2019").expect("form");
            let wrong = d.values(earlier, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for w in &wrong {
                let y: i32 = w.parse().expect(w);
                assert!(y < 2021, "before 2021: {wrong:?}");
            }
        }
    }

    #[test]
    fn people_distractors_are_never_aliases_of_the_speaker() {
        let person = |name: &str, aliases: &[&str]| Person {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: None,
        };
        let people = vec![
            person("Donald J. Trump", &["Trump", "President Trump"]),
            person("Melania Trump", &[]),
            person("Ada Lovelace", &[]),
            person("Grace Hopper", &[]),
            person("Alan Turing", &[]),
        ];
        let q = fact(
            "a.md",
            FactKind::Quote,
            "we will build it together",
            "we will build it together",
        )
        .speaker("Donald J. Trump")
        .build();
        let (facts, people) = deck(vec![q], people);
        let d = Distractors::new(&facts, &people, None);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let wrong = d.people(0, "Donald J. Trump", &mut rng);
        assert_eq!(wrong.len(), 3, "{wrong:?}");
        for w in &wrong {
            assert!(!w.contains("Trump"), "{wrong:?}");
        }
    }

    #[test]
    fn a_cut_is_offered_only_lower_values_and_a_rise_only_higher_ones() {
        for (s, old, new, fell) in [
            (
                "Tenants will have their rent share reduced from 30% to 20% of income.",
                "30%",
                "20%",
                true,
            ),
            (
                "The levy was raised from 4% to 6% of each fare last spring.",
                "4%",
                "6%",
                false,
            ),
        ] {
            let v = |t: &str| t.trim_end_matches('%').parse::<f64>().expect("number");
            let (facts, people) = deck(
                vec![
                    fact("a.md", FactKind::Percent, old, v(old))
                        .sentence(s)
                        .build(),
                    fact("a.md", FactKind::Percent, new, v(new))
                        .sentence(s)
                        .build(),
                ],
                vec![],
            );
            let idx = facts.iter().position(|f| f.text == new).expect("fact");
            let d = Distractors::new(&facts, &people, None);
            for seed in 0..20 {
                let form = AnswerForm::of(&facts[idx], new).expect("form");
                let wrong = d.values(idx, &form, &mut ChaCha8Rng::seed_from_u64(seed));
                assert!(!wrong.is_empty());
                for x in numbers(&wrong) {
                    if fell {
                        assert!(x < v(old), "a cut from {old}: {wrong:?}");
                    } else {
                        assert!(x > v(old), "a rise from {old}: {wrong:?}");
                    }
                }
            }
        }
        assert_eq!(change_from_to("Fares were cut from", "to"), Some(true));
        assert_eq!(
            change_from_to("Ridership climbed from", "to just"),
            Some(false)
        );
        assert_eq!(change_from_to("Buses run from", "to"), None);
    }

    #[test]
    fn an_organisation_is_never_a_person_s_who_said_option() {
        let person = |name: &str| Person {
            name: name.into(),
            aliases: vec![],
            role: None,
        };
        let q = |who: &str, words: &str| {
            fact("a.md", FactKind::Quote, words, words)
                .speaker(who)
                .build()
        };
        let (facts, people) = deck(
            vec![
                q(
                    "Ana Ruiz",
                    "the dredging will finish before the winter storms",
                ),
                q(
                    "Harbour Defence Forces",
                    "the patrol boats left the quay at dawn",
                ),
                q(
                    "Port Alder Council",
                    "the ferry timetable changes next month",
                ),
            ],
            [
                "Ana Ruiz",
                "Harbour Defence Forces",
                "Port Alder Council",
                "Omar Hadi",
                "Lena Berg",
            ]
            .map(person)
            .to_vec(),
        );
        let d = Distractors::new(&facts, &people, None);
        for seed in 0..10 {
            let wrong = d.people(0, "Ana Ruiz", &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(!wrong.is_empty());
            assert!(
                wrong
                    .iter()
                    .all(|w| !w.contains("Forces") && !w.contains("Council")),
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn a_year_still_to_come_is_never_offered_before_the_document_was_written() {
        let s = "The new tunnel will open to traffic in 2031, the authority said.";
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Date, "2031", "2031")
                    .sentence(s)
                    .build(),
            ],
            vec![],
        );
        let form = AnswerForm::of(&facts[0], "2031").expect("form");
        let known = Distractors::new(&facts, &people, None)
            .with_doc_years(HashMap::from([("a.md".to_string(), 2029)]));
        let unknown = Distractors::new(&facts, &people, None);
        for seed in 0..20 {
            let wrong = known.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(!wrong.is_empty());
            assert!(numbers(&wrong).iter().all(|&y| y >= 2029.0), "{wrong:?}");
            let wrong = unknown.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(numbers(&wrong).iter().all(|&y| y >= 2030.0), "{wrong:?}");
        }
    }

    #[test]
    fn lone_words_nobody_quotes_are_the_last_people_chosen() {
        let person = |name: &str, role: Option<&str>| Person {
            name: name.into(),
            aliases: vec![],
            role: role.map(str::to_string),
        };
        let people = vec![
            person("Ana Ruiz", None),
            person("Florida", None),
            person("R-Ohio", None),
            person("Dale Ito", None),
            person("Okafor", Some("Mayor")),
            person("Lena Berg", None),
        ];
        let q = |text: &str, who: &str| {
            fact("a.md", FactKind::Quote, text, text)
                .speaker(who)
                .build()
        };
        let (facts, people) = deck(
            vec![
                q("we will build the bridge this year", "Ana Ruiz"),
                q("the budget will not balance itself", "Dale Ito"),
            ],
            people,
        );
        let d = Distractors::new(&facts, &people, None);
        for seed in 0..20 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let wrong = d.people(0, "Ana Ruiz", &mut rng);
            // Only full names: a lone word is no person option, even with a role.
            assert_eq!(wrong.len(), 2, "{wrong:?}");
            for w in &wrong {
                assert!(w == "Dale Ito" || w == "Lena Berg", "{wrong:?}");
            }
        }
    }

    /// The numbers written in `options` (digits, with the decimal point).
    fn numbers(options: &[String]) -> Vec<f64> {
        options
            .iter()
            .map(|o| {
                let d: String = o
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                d.trim_end_matches('.').parse::<f64>().expect("a number")
            })
            .collect()
    }

    #[test]
    fn near_duplicate_figures_are_never_options_together() {
        // Another fact of the document lies a tenth of a point away.
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Percent, "42.6%", 42.6).build(),
                fact("a.md", FactKind::Percent, "42.7%", 42.7)
                    .sentence("The other county reported 42.7% in the spring.")
                    .build(),
                fact("a.md", FactKind::Percent, "45.1%", 45.1)
                    .sentence("A third county reported 45.1% in the fall.")
                    .build(),
            ],
            vec![],
        );
        for seed in 0..20 {
            let d = Distractors::new(&facts, &people, None);
            let form = AnswerForm::of(&facts[0], "42.6%").expect("form");
            let wrong = d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            let mut all = numbers(&wrong);
            all.push(42.6);
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    assert!(
                        (a - b).abs() >= 0.09 * a.max(*b),
                        "{a} beside {b}: {wrong:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_approximate_figure_has_options_a_fifth_away() {
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Quantity, "30 million", 30e6)
                    .unit("borrowers")
                    .qualifier("nearly")
                    .sentence("The agency will contact nearly 30 million borrowers.")
                    .build(),
            ],
            vec![],
        );
        for seed in 0..20 {
            let d = Distractors::new(&facts, &people, None);
            let form = AnswerForm::of(&facts[0], "30 million").expect("form");
            let wrong = d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for v in numbers(&wrong) {
                assert!((v - 30.0).abs() >= 0.19 * v.max(30.0), "{wrong:?}");
            }
        }
    }

    #[test]
    fn one_significant_digit_still_gets_three_options_under_its_scale_word() {
        let (facts, people) = deck(
            vec![fact("a.md", FactKind::Money, "$1 million", 1e6).build()],
            vec![],
        );
        for seed in 0..10 {
            let (_, wrong) = {
                let d = Distractors::new(&facts, &people, None);
                let form = AnswerForm::of(&facts[0], "$1 million").expect("form");
                ("", d.values(0, &form, &mut ChaCha8Rng::seed_from_u64(seed)))
            };
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for w in &wrong {
                assert!(w.ends_with(" million"), "no other scale word: {wrong:?}");
            }
        }
    }

    #[test]
    fn a_part_is_never_offered_beyond_the_whole_the_sentence_states() {
        let s = "Flooding closed roads in 12 of the state's 14 counties last week.";
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Quantity, "12", 12.0)
                    .sentence(s)
                    .build(),
                fact("a.md", FactKind::Quantity, "14", 14.0)
                    .unit("counties")
                    .sentence(s)
                    .build(),
            ],
            vec![],
        );
        let part = facts.iter().position(|f| f.text == "12").expect("fact");
        let whole = facts.iter().position(|f| f.text == "14").expect("fact");
        let d = Distractors::new(&facts, &people, None);
        for seed in 0..20 {
            let form = AnswerForm::of(&facts[part], "12").expect("form");
            let wrong = d.values(part, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert!(!wrong.is_empty());
            for v in numbers(&wrong) {
                assert!(v < 14.0, "a part under its whole: {wrong:?}");
            }
            let form = AnswerForm::of(&facts[whole], "14").expect("form");
            let wrong = d.values(whole, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            for v in numbers(&wrong) {
                assert!(v > 12.0, "a whole above its part: {wrong:?}");
            }
        }
    }

    #[test]
    fn date_options_keep_the_order_the_sentence_gives_its_dates() {
        let s = "The bill was introduced on March 3, 2024, and signed into law on May 20, 2024.";
        let (facts, people) = deck(
            vec![
                fact("a.md", FactKind::Date, "May 20, 2024", "2024-05-20")
                    .sentence(s)
                    .build(),
                fact("a.md", FactKind::Date, "March 3, 2024", "2024-03-03")
                    .sentence(s)
                    .build(),
            ],
            vec![],
        );
        let signed = facts
            .iter()
            .position(|f| f.text == "May 20, 2024")
            .expect("fact");
        let d = Distractors::new(&facts, &people, None);
        let introduced = DateValue::from_iso("2024-03-03").expect("date");
        for seed in 0..20 {
            let form = AnswerForm::of(&facts[signed], "May 20, 2024").expect("form");
            let wrong = d.values(signed, &form, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for w in &wrong {
                let v = DateValue::parse(w).expect(w);
                assert!(
                    v.is_after(&introduced),
                    "signed before it was introduced: {wrong:?}"
                );
            }
        }
    }

    #[test]
    fn a_head_of_state_is_no_option_beside_quoted_experts() {
        let q = |text: &str, who: &str, role: &str| {
            let mut f = fact("a.md", FactKind::Quote, text, text)
                .speaker(who)
                .build();
            f.detail = crate::model::Detail::Quote {
                speaker: Some(who.to_string()),
                speaker_role: Some(role.to_string()),
                outlet: None,
            };
            f
        };
        let (facts, people) = deck(
            vec![
                q(
                    "most imports of that kind are electronics and parts",
                    "Ana Ruiz",
                    "Economist",
                ),
                q(
                    "prices will rise for every household in the region",
                    "Dale Ito",
                    "Analyst",
                ),
                q(
                    "we are going to win this fight for our workers",
                    "Sam Okafor",
                    "President",
                ),
                q(
                    "the tariff acts as a tax paid at the border",
                    "Lena Berg",
                    "Professor",
                ),
                q(
                    "small firms will feel the cost of this first",
                    "Noor Haddad",
                    "Economist",
                ),
            ],
            vec![],
        );
        let expert = facts
            .iter()
            .position(|f| f.speaker() == Some("Ana Ruiz"))
            .expect("fact");
        let d = Distractors::new(&facts, &people, None);
        for seed in 0..20 {
            let wrong = d.people(expert, "Ana Ruiz", &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            assert!(!wrong.iter().any(|w| w == "Sam Okafor"), "{wrong:?}");
        }
    }
}
