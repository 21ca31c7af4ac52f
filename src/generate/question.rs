//! Turning a clause with a blank into a question ("The county will spend
//! ____ on roads." → "How much will the county spend on roads?") when its
//! shape is plain enough: a named subject, a helping verb or a common verb,
//! then the figure. Anything less clear stays a blank to fill.

use super::clause::{Frame, SLOT};
use crate::model::{DeckFact, FactKind};

/// Helping verbs a question moves in front of its subject.
const AUX: &[&str] = &[
    "will", "would", "could", "can", "should", "may", "might", "must", "is", "are", "was", "were",
    "has", "have", "had",
];

/// Common verbs of figures in the past and present tense, with their base form
/// (a question asks "did … award", "does … cost").
const VERBS: &[(&str, &str, &str)] = &[
    // (past, present 3rd person, base)
    ("awarded", "awards", "award"),
    ("approved", "approves", "approve"),
    ("spent", "spends", "spend"),
    ("raised", "raises", "raise"),
    ("received", "receives", "receive"),
    ("provided", "provides", "provide"),
    ("invested", "invests", "invest"),
    ("allocated", "allocates", "allocate"),
    ("secured", "secures", "secure"),
    ("paid", "pays", "pay"),
    ("sold", "sells", "sell"),
    ("bought", "buys", "buy"),
    ("lost", "loses", "lose"),
    ("earned", "earns", "earn"),
    ("collected", "collects", "collect"),
    ("distributed", "distributes", "distribute"),
    ("delivered", "delivers", "deliver"),
    ("granted", "grants", "grant"),
    ("gave", "gives", "give"),
    ("hired", "hires", "hire"),
    ("built", "builds", "build"),
    ("created", "creates", "create"),
    ("saved", "saves", "save"),
    ("reached", "reaches", "reach"),
    ("generated", "generates", "generate"),
    ("borrowed", "borrows", "borrow"),
    ("requested", "requests", "request"),
    ("proposed", "proposes", "propose"),
    ("budgeted", "budgets", "budget"),
    ("committed", "commits", "commit"),
    ("pledged", "pledges", "pledge"),
    ("donated", "donates", "donate"),
    ("owed", "owes", "owe"),
    ("issued", "issues", "issue"),
    ("served", "serves", "serve"),
    ("employed", "employs", "employ"),
    ("treated", "treats", "treat"),
    ("enrolled", "enrolls", "enroll"),
    ("recorded", "records", "record"),
    ("attracted", "attracts", "attract"),
    ("produced", "produces", "produce"),
    ("trained", "trains", "train"),
    ("won", "wins", "win"),
    ("drew", "draws", "draw"),
    ("added", "adds", "add"),
    ("planted", "plants", "plant"),
    ("opened", "opens", "open"),
    ("closed", "closes", "close"),
    ("cut", "cuts", "cut"),
    ("cost", "costs", "cost"),
    ("required", "requires", "require"),
    ("included", "includes", "include"),
    ("totaled", "totals", "total"),
    ("topped", "tops", "top"),
    ("exceeded", "exceeds", "exceed"),
    ("killed", "kills", "kill"),
    ("injured", "injures", "injure"),
    ("displaced", "displaces", "displace"),
    ("affected", "affects", "affect"),
    ("grew", "grows", "grow"),
    ("rose", "rises", "rise"),
    ("fell", "falls", "fall"),
    ("increased", "increases", "increase"),
    ("decreased", "decreases", "decrease"),
    ("dropped", "drops", "drop"),
    ("declined", "declines", "decline"),
    ("jumped", "jumps", "jump"),
    ("climbed", "climbs", "climb"),
    ("launched", "launches", "launch"),
    ("signed", "signs", "sign"),
    ("began", "begins", "begin"),
    ("started", "starts", "start"),
    ("ended", "ends", "end"),
    ("finished", "finishes", "finish"),
    ("completed", "completes", "complete"),
    ("founded", "founds", "found"),
    ("took", "takes", "take"),
];

/// Words that say a clause's subject is not a plain noun phrase.
const NOT_SUBJECT: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "reported",
    "reports",
    "noted",
    "stated",
    "told",
    "added",
    "explained",
    "believe",
    "believes",
    "expects",
    "expected",
    "estimated",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "when",
    "while",
    "because",
    "although",
    "according",
    "to",
    "where",
    "after",
    "before",
    "since",
    "as",
];

/// Openings that make the start an adverbial, not a subject.
const NOT_SUBJECT_START: &[&str] = &[
    "in",
    "on",
    "by",
    "for",
    "after",
    "under",
    "with",
    "as",
    "since",
    "if",
    "when",
    "while",
    "although",
    "because",
    "according",
    "of",
    "at",
    "during",
    "through",
    "from",
    "to",
    "over",
    "across",
    "among",
    "before",
    "until",
    "despite",
    "without",
    "once",
    "last",
    "this",
    "next",
    "so",
    "then",
    "there",
    "here",
    "it",
    "what",
    "how",
    "why",
];

/// Approximations that may sit between the verb and the figure; the question
/// asks "About how much …".
const ABOUT: &[&str] = &[
    "nearly",
    "about",
    "approximately",
    "roughly",
    "almost",
    "around",
    "some",
    "an estimated",
];

/// A question asking for the fact's value, or `None` when the clause has no
/// shape plain enough to turn.
pub fn question_for(fact: &DeckFact, frame: &Frame) -> Option<String> {
    let text = frame.text().trim_end();
    let at = text.find(SLOT)?;
    let before = text[..at].trim_end();
    let after = text[at + SLOT.len_utf8()..].trim_end_matches(['.', '!']);
    // A tail with other figures or asides ("…from ____ and $9, respectively")
    // does not read as one question.
    let plain_tail = !after.contains(['$', '%', '£', '€', ',', '?', ';'])
        && after.split_whitespace().count() <= 14;
    if !plain_tail || text.contains(['“', '"', ':', '(', '–', '—']) || text.contains(" - ") {
        return None;
    }
    match fact.kind() {
        FactKind::Money => {
            if before.is_empty() {
                // "____ was set aside for parks." → "How much was set aside for parks?"
                let first = after.split_whitespace().next()?;
                return AUX
                    .contains(&first)
                    .then(|| finish(format!("How much{after}")));
            }
            let (approx, before) = strip_about(before)?;
            let wh = if approx { "About how much" } else { "How much" };
            verb_question(wh, before, after)
        }
        FactKind::Quantity => {
            let (np, rest) = counted_noun(after, fact.unit()?)?;
            if before.is_empty() {
                // "____ people attended the fair." → "How many people attended the fair?"
                return Some(finish(format!("How many {np}{rest}")));
            }
            let (approx, before) = strip_about(before)?;
            // "within the first ____ days banning …": moving the count out
            // leaves its determiner behind ("within the first banning").
            let last = before.split_whitespace().next_back().unwrap_or("");
            if [
                "the", "a", "an", "first", "last", "next", "past", "its", "their", "his", "her",
                "our", "those", "these", "another", "every", "each", "some",
            ]
            .contains(&last.to_lowercase().as_str())
            {
                return None;
            }
            let wh = if approx {
                format!("About how many {np}")
            } else {
                format!("How many {np}")
            };
            verb_question(&wh, before, rest)
        }
        FactKind::Percent => {
            if before.is_empty() && after.starts_with(" of ") {
                return Some(finish(format!("What percentage{after}")));
            }
            let before = before.strip_suffix(" by").unwrap_or(before);
            let (approx, before) = strip_about(before)?;
            if approx {
                return None;
            }
            let last = before.split_whitespace().last()?;
            let growth = [
                "grew",
                "rose",
                "fell",
                "increased",
                "decreased",
                "dropped",
                "declined",
                "jumped",
                "climbed",
                "grow",
                "rise",
                "fall",
                "increase",
                "decrease",
                "drop",
                "decline",
                "jump",
                "climb",
                "grows",
                "rises",
                "falls",
                "increases",
                "decreases",
                "drops",
                "declines",
                "jumps",
                "climbs",
            ];
            growth
                .contains(&last)
                .then(|| verb_question("By what percentage", before, after))
                .flatten()
        }
        FactKind::Date => {
            let (clause, prep) = before.rsplit_once(' ')?;
            let value = fact.value.as_text()?;
            let precision = value.split('-').filter(|p| !p.is_empty()).count();
            let wh = match (prep, precision) {
                ("in", 1) => "In what year",
                ("by", 1) => "By what year",
                ("on", 3) => "On what date",
                ("by", 3) => "By what date",
                _ => return None,
            };
            if !after.trim().is_empty() {
                return None;
            }
            verb_question(wh, clause, "")
        }
        FactKind::Quote => None,
    }
}

/// A question mark in place of the end mark, spaces tidied.
fn finish(q: String) -> String {
    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
    let q = q.trim_end_matches([',', ';', '.', ' ']);
    format!("{q}?")
}

/// Drops an approximation word at the end of `before`; `None` when a bound
/// ("more than", "up to") is there instead: the question would change it.
fn strip_about(before: &str) -> Option<(bool, &str)> {
    let lower = before.to_lowercase();
    for bound in [
        "more than",
        "over",
        "at least",
        "up to",
        "less than",
        "fewer than",
        "under",
        "at most",
        "as much as",
        "as many as",
        "nearly half",
        "an additional",
        "another",
        "a further",
        "an extra",
        "additional",
    ] {
        if lower.ends_with(&format!(" {bound}")) {
            return None;
        }
    }
    for a in ABOUT {
        if lower.ends_with(&format!(" {a}")) {
            return Some((true, before[..before.len() - a.len()].trim_end()));
        }
    }
    Some((false, before))
}

/// The words after the blank up to and including the counted noun
/// ("zero-emission city buses"), and what follows them.
fn counted_noun<'a>(after: &'a str, unit: &str) -> Option<(&'a str, &'a str)> {
    let unit = unit.split_whitespace().last()?;
    let mut end = 0;
    for (n, (i, w)) in after
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .skip(1)
        .enumerate()
    {
        if n >= 5 || w.contains(',') && !w.trim_end_matches(',').eq_ignore_ascii_case(unit) {
            return None;
        }
        if w.trim_end_matches([',', '.', ';'])
            .eq_ignore_ascii_case(unit)
        {
            end = i + w.trim_end_matches([',', '.', ';']).len();
            break;
        }
    }
    if end == 0 {
        return None;
    }
    Some((after[..end].trim(), &after[end..]))
}

/// "Subject aux verb… ____ rest" → "Wh aux subject verb… rest?"; also a
/// subject with a common past or present verb ("did … spend").
fn verb_question(wh: &str, before: &str, rest: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    if words.len() < 2 || before.contains([',', ';', '—', '–']) {
        return None;
    }
    let first = words[0].to_lowercase();
    if NOT_SUBJECT_START.contains(&first.as_str())
        || !words[0].chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let aux_at = lower.iter().position(|w| AUX.contains(&w.as_str()));
    let (subject_end, aux, verb_group): (usize, String, Vec<&str>) = match aux_at {
        Some(i) if i >= 1 => (i, lower[i].clone(), words[i + 1..].to_vec()),
        _ => {
            // A single common verb right before the figure.
            let i = words.len() - 1;
            let (past, present, base) = VERBS
                .iter()
                .find(|(p, s, _)| lower[i] == *p || lower[i] == *s)?;
            // "cost", "cut" read as past: news reports what happened.
            let aux = if lower[i] == *present && lower[i] != *past {
                "does"
            } else {
                "did"
            };
            (i, aux.to_string(), vec![base])
        }
    };
    if subject_end == 0 || subject_end > 10 || verb_group.len() > 5 {
        return None;
    }
    let subject = &words[..subject_end];
    if subject
        .iter()
        .any(|w| NOT_SUBJECT.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // "The plan would" is fine; a verb group with another clause is not.
    if verb_group
        .iter()
        .any(|w| NOT_SUBJECT[..8].contains(&w.to_lowercase().as_str()) || *w == "that")
    {
        return None;
    }
    let mut subj = subject.join(" ");
    // "The board", "Ridership on the ferry": a common noun opening is lowered;
    // a name ("Lakeside College", "Ortega") keeps its capital.
    let determiner = [
        "The", "A", "An", "Its", "Their", "Each", "Every", "Some", "Most", "All",
    ];
    let common_noun =
        subject.len() >= 2 && subject[1].chars().next().is_some_and(char::is_lowercase);
    if determiner.contains(&subject[0]) || common_noun {
        subj = format!("{}{}", subject[0].to_lowercase(), &subj[subject[0].len()..]);
    }
    Some(finish(format!(
        "{wh} {aux} {subj} {} {rest}",
        verb_group.join(" ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::merge::merge;
    use crate::generate::testutil::fact;
    use crate::model::Extraction;

    fn ask(
        kind: FactKind,
        text: &str,
        value: impl crate::generate::testutil::IntoValue,
        unit: Option<&str>,
        sentence: &str,
        span: &str,
    ) -> Option<String> {
        let mut b = fact("a.md", kind, text, value).sentence(sentence);
        if let Some(u) = unit {
            b = b.unit(u);
        }
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts: vec![b.build()],
            ..Default::default()
        }]);
        let frame = Frame::new(sentence, span)?;
        question_for(&m.facts[0], &frame)
    }

    #[test]
    fn a_count_whose_determiner_would_be_left_behind_gives_no_question() {
        assert_eq!(
            ask(
                FactKind::Quantity,
                "100 days",
                100.0,
                Some("days"),
                "A housing bill will be introduced within the first 100 days of the session.",
                "100 days"
            ),
            None
        );
    }

    #[test]
    fn money_questions_move_the_helping_verb() {
        assert_eq!(
            ask(
                FactKind::Money,
                "$40 million",
                4e7,
                None,
                "The river authority will spend $40 million to rebuild its levees.",
                "$40 million"
            )
            .as_deref(),
            Some("How much will the river authority spend to rebuild its levees?")
        );
        assert_eq!(
            ask(
                FactKind::Money,
                "$2 million",
                2e6,
                None,
                "Lakeside College received nearly $2 million from the state fund.",
                "$2 million"
            )
            .as_deref(),
            Some("About how much did Lakeside College receive from the state fund?")
        );
        // A bound would be lost in a question.
        assert!(
            ask(
                FactKind::Money,
                "$2 million",
                2e6,
                None,
                "Lakeside College received more than $2 million from the fund.",
                "$2 million"
            )
            .is_none()
        );
        // An adverbial opening is no subject.
        assert!(
            ask(
                FactKind::Money,
                "$2 million",
                2e6,
                None,
                "In the spring the college received $2 million from the fund.",
                "$2 million"
            )
            .is_none()
        );
    }

    #[test]
    fn counts_and_percentages_ask_how_many_and_what_share() {
        assert_eq!(
            ask(
                FactKind::Quantity,
                "1,500 electric buses",
                1500.0,
                Some("buses"),
                "The transit board will buy 1,500 electric buses by 2030.",
                "1,500"
            )
            .as_deref(),
            Some("How many electric buses will the transit board buy by 2030?")
        );
        assert_eq!(
            ask(
                FactKind::Percent,
                "64%",
                64.0,
                Some("percent"),
                "64% of voters backed the new library levy.",
                "64%"
            )
            .as_deref(),
            Some("What percentage of voters backed the new library levy?")
        );
        assert_eq!(
            ask(
                FactKind::Percent,
                "8%",
                8.0,
                Some("percent"),
                "Ridership on the ferry rose 8% in the first year.",
                "8%"
            )
            .as_deref(),
            Some("By what percentage did ridership on the ferry rise in the first year?")
        );
    }

    #[test]
    fn dates_ask_when_only_at_the_end() {
        assert_eq!(
            ask(
                FactKind::Date,
                "2031",
                "2031",
                None,
                "The county will finish the new reservoir by 2031.",
                "2031"
            )
            .as_deref(),
            Some("By what year will the county finish the new reservoir?")
        );
        assert!(
            ask(
                FactKind::Date,
                "2031",
                "2031",
                None,
                "The county will finish the reservoir by 2031 if funds allow.",
                "2031"
            )
            .is_none()
        );
    }
}
