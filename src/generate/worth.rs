//! Which facts are worth a question: trivia (datelines, editor's notes,
//! contact lines, headings and questions, figures inside quotations, range
//! ends, dates without a year, boilerplate) is skipped; quotes are asked only
//! as whole sentences that tell their speaker apart.

use super::clause::Frame;
use super::forms::DateValue;
use crate::model::{DeckFact, FactKind};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A who-said card shows at most this many words of a quotation.
pub const MAX_QUOTE_WORDS: usize = 40;

/// A quotation needs this many words to tell its speaker apart.
pub const MIN_QUOTE_WORDS: usize = 6;

/// Whether a sentence is trivia whatever figure it holds: an editor's note,
/// an "Updated"/"Posted" line, contact details, boilerplate, or a question
/// (an FAQ heading is not a statement a card can certify).
pub fn trivial_sentence(sentence: &str) -> bool {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\W*(?i:editor'?’?s note|correction|clarification|updated|update:|published|posted|last updated|last modified|first published|originally published|contact|media contact|press contact|for more information|for further information|to learn more|learn more|more information|read more|click|subscribe|sign up|follow us|copyright|all rights reserved|photo|image|credit|source:|note:|disclaimer|###|related:|see also|watch:|listen:|download)")
            .expect("valid regex")
    });
    static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|@\w+\.\w+|www\.|https?://|©)",
        )
        .expect("valid regex")
    });
    let s = sentence.trim();
    OPENING.is_match(s) || CONTACT.is_match(s) || ends_as_question(s)
}

/// A question outside quotation marks (an FAQ heading, a rhetorical opener).
fn ends_as_question(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '"', '’', '\'', ' ', ')']);
    t.ends_with('?') && !s.trim_end().ends_with(['”', '"'])
}

/// Whether the figure framed in `frame` is worth a card: not inside a
/// quotation (that belongs to a who-said card), not one end of a range,
/// not a month or day whose year the text does not give, not a figure
/// exact to the cent, not a count of one.
pub fn value_worth_asking(fact: &DeckFact, span: &str, frame: &Frame) -> bool {
    if frame.slot_in_quote() || frame.in_range() || frame.slot_in_parentheses() {
        return false;
    }
    match fact.kind {
        FactKind::Date => {
            let has_year = span
                .split(|c: char| !c.is_ascii_digit())
                .any(|w| w.len() == 4)
                || span.contains('’')
                || span.contains('\'');
            let value = fact.value.as_text().and_then(DateValue::from_iso);
            has_year && value.is_some_and(|v| v.year.is_some())
        }
        FactKind::Money => {
            let cents = span
                .rsplit_once('.')
                .is_some_and(|(_, c)| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()));
            !(cents && fact.value.as_f64().is_some_and(|v| v >= 100.0))
        }
        FactKind::Quantity => {
            // "a 50-year-old terminal", "Name, 37,": a describing figure or an
            // age, not a fact to learn.
            let compound = span.contains(['-', '–']);
            let age = fact.unit.as_deref().is_some_and(|u| u.contains("old"));
            // With nothing counted, "a ____ gain" has no one answer.
            let counted = fact.unit.as_deref().is_some_and(|u| !u.trim().is_empty());
            counted && !compound && !age && fact.value.as_f64().is_some_and(|v| v >= 2.0)
        }
        _ => true,
    }
}

/// Words of praise or judgement that make a sentence a claim rather than a
/// fact: such a sentence is never a true/false statement to certify.
pub fn is_evaluative(sentence: &str) -> bool {
    static EVAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:historic|bold|landmark|unprecedented|record-breaking|thriving|tremendous|incredible|remarkable|extraordinary|outstanding|great|greatest|best|worst|strong|stronger|strongest|massive|huge|critical|vital|crucial|key|important|successful|success|leadership|leading|proud|disastrous|failed|failure|devastating|reckless|disgraceful|shameful|terrible|amazing|transformational|transformative|game-changing|world-class|robust|booming|soaring|skyrocketing|crushing|ensure|deliver(ed|s|ing)?\s+on)\b")
            .expect("valid regex")
    });
    EVAL.is_match(sentence)
}

/// The part of a quotation a who-said card shows: whole sentences only, at
/// most [`MAX_QUOTE_WORDS`] words, the most distinctive run of them. `None`
/// when the quotation is a fragment, a stammer, thanks or ceremony, or has
/// no whole sentence short enough.
pub fn quote_excerpt(text: &str) -> Option<String> {
    let t = text.trim();
    // A quoted fragment inside narration starts in lower case; a whole
    // clause quoted after "that" ("that “this nation should …”") may too.
    let first_word = t.split_whitespace().next().unwrap_or("").to_lowercase();
    let clause_opening = [
        "this", "the", "we", "i", "it", "our", "they", "there", "these", "every", "no", "all",
        "you", "he", "she", "my", "if", "when",
    ]
    .contains(&first_word.as_str())
        && t.split_whitespace().count() >= 8;
    let capital = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '‘' || c == '\'');
    if !capital && !clause_opening {
        return None;
    }
    if stammers(t) || ceremony(t) {
        return None;
    }
    // "And I think …": the quotation answers something the card cannot show.
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    if ["and", "but", "so", "or", "that", "which"].contains(&first.trim_matches(',')) {
        return None;
    }
    let sentences = split_sentences(t);
    let count = |s: &[&str]| {
        s.iter()
            .map(|x| x.split_whitespace().count())
            .sum::<usize>()
    };
    if count(&sentences) <= MAX_QUOTE_WORDS {
        return has_verb(t).then(|| t.to_string());
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, from, to)
    for from in 0..sentences.len() {
        for to in from + 1..=sentences.len() {
            let run = &sentences[from..to];
            if count(run) > MAX_QUOTE_WORDS {
                break;
            }
            if count(run) < MIN_QUOTE_WORDS || run.iter().any(|s| ceremony(s)) {
                continue;
            }
            let score = run.iter().map(|s| distinctive(s)).sum::<usize>();
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, from, to));
            }
        }
    }
    let (_, from, to) = best?;
    let out = sentences[from..to].join(" ");
    has_verb(&out).then_some(out)
}

/// Whether a quotation leans on words it does not show: it opens on "It",
/// "They", "This …", or says "he", "she", "they" before naming anyone or
/// anything they could stand for ("I am fully behind him").
pub fn quote_needs_context(t: &str) -> bool {
    let first = split_sentences(t).into_iter().next().unwrap_or(t);
    // "This nation …", "this country …": the speaker's own, plain to a reader.
    static OWN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^[“"‘']?(?i:(this|our) (nation|country|state|city|town|world|planet|generation|century|decade)\b)"#)
            .expect("valid regex")
    });
    if super::standalone::leans_on_context(first) && !OWN_PLACE.is_match(first) {
        return true;
    }
    let mut named = false; // a capitalized word after a sentence's first
    let mut things = false; // a plural noun "they" could stand for
    let mut sentence_start = true;
    for raw in t.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        let lower = w.to_lowercase().replace('’', "'");
        let bare = lower.split('\'').next().unwrap_or("");
        match bare {
            "he" | "him" | "his" | "she" | "her" | "hers" if !named => return true,
            "they" | "them" | "their" | "theirs" if !named && !things => return true,
            _ => {}
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if capital && !sentence_start && !matches!(bare, "i") {
            named = true;
        }
        if !capital
            && bare.len() >= 4
            && bare.ends_with('s')
            && !bare.ends_with("ss")
            && !is_common(bare)
        {
            things = true;
        }
        if capital && sentence_start && !is_common(bare) && bare.ends_with('s') {
            things = true;
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':', ';']);
    }
    false
}

/// Words every speaker uses: they tell no one's quote apart.
fn is_common(w: &str) -> bool {
    const COMMON: &[&str] = &[
        "about",
        "after",
        "again",
        "also",
        "always",
        "anything",
        "because",
        "been",
        "before",
        "being",
        "both",
        "could",
        "does",
        "doing",
        "done",
        "each",
        "even",
        "ever",
        "every",
        "everyone",
        "everything",
        "from",
        "going",
        "good",
        "great",
        "have",
        "having",
        "here",
        "into",
        "just",
        "know",
        "like",
        "little",
        "look",
        "lots",
        "made",
        "make",
        "many",
        "more",
        "most",
        "much",
        "must",
        "need",
        "needs",
        "never",
        "only",
        "other",
        "others",
        "over",
        "people",
        "really",
        "right",
        "said",
        "same",
        "says",
        "should",
        "some",
        "something",
        "still",
        "such",
        "sure",
        "take",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "those",
        "time",
        "times",
        "today",
        "very",
        "want",
        "wants",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "yours",
        "it's",
        "that's",
        "there's",
        "we're",
        "they're",
        "i'm",
        "don't",
        "can't",
        "won't",
        "isn't",
        "we've",
        "i've",
        "let's",
        "doesn't",
        "didn't",
        "yes",
        "okay",
        "guess",
        "whole",
        "absolutely",
        "certainly",
        "simply",
        "actually",
        "basically",
    ];
    COMMON.contains(&w)
}

/// Words of a quotation that say something: four letters or more and not
/// said by everyone.
fn content_words(t: &str) -> usize {
    t.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|w| {
            const NUMBERS: &[&str] = &[
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                "twenty", "fifty", "hundred", "thousand", "million", "billion", "half", "third",
            ];
            w.chars().any(|c| c.is_ascii_digit())
                || NUMBERS.contains(&w.as_str())
                || (w.chars().count() >= 4 && !is_common(w))
        })
        .count()
}

/// Whether a quotation says enough to tell its speaker apart: five words
/// that carry meaning ("There is real concern among my members" could be
/// anyone's).
pub fn telling_quote(t: &str) -> bool {
    content_words(t) >= 5
}

/// How well a quotation serves a who-said card: its words that carry
/// meaning, its names and figures, and whether its speaker has a role a
/// student can place.
pub fn quote_score(t: &str, speaker_has_role: bool) -> usize {
    content_words(t) + distinctive(t) + if speaker_has_role { 6 } else { 0 }
}

/// Sentences of a quotation: split after `.`, `!` or `?` followed by a
/// capital letter (not after an initial or a title such as "Dr.").
fn split_sentences(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_is_space = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
        let then_capital = chars
            .get(k + 2)
            .is_some_and(|&(_, n)| n.is_uppercase() || n == '“' || n == '"');
        let word_before: String = t[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let abbreviation = word_before.chars().count() <= 2
            && word_before
                .chars()
                .next_back()
                .is_some_and(char::is_uppercase)
            || ["rM", "srM", "rD", "tS", "rJ", "sM"].contains(&word_before.as_str());
        if next_is_space && then_capital && !abbreviation {
            out.push(t[start..=i].trim());
            start = i + 1;
        }
    }
    let rest = t[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// How much a sentence says about its speaker's point: figures, names and
/// long words count; greetings and fillers do not.
fn distinctive(s: &str) -> usize {
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().any(|c| c.is_ascii_digit()) {
                3
            } else if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                2
            } else if w.chars().count() >= 7 {
                1
            } else {
                0
            }
        })
        .sum()
}

/// A transcript's stammer: a word said twice in a row, or a restart.
fn stammers(t: &str) -> bool {
    let lower = t.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let repeated = ws
        .windows(2)
        .any(|p| p[0] == p[1] && !["had", "very", "no"].contains(&p[0]));
    let restart = t.contains(" — ") && t.split(" — ").any(|p| p.split_whitespace().count() <= 3)
        || t.contains("--")
        || t.contains("...")
        || t.contains('…')
        || lower.contains(" uh ")
        || lower.contains(" um ");
    repeated || restart
}

/// Thanks, greetings and ceremony: said by anyone, so no who-said card.
fn ceremony(t: &str) -> bool {
    static CEREMONY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\bthank|congratulat|\bgrateful|\bhonou?red\b|\bproud to\b|\bpleased to\b|\bdelighted\b|\bthrilled\b|\bexcited to\b|\bhappy to\b|\bwelcome\b|\bgood (morning|afternoon|evening)\b|\bgod bless\b|\bappreciate\b)")
            .expect("valid regex")
    });
    CEREMONY.is_match(t)
}

/// A rough test that a quotation is a statement, not a verbless phrase
/// ("A great day for the city"): some word reads as a verb.
fn has_verb(t: &str) -> bool {
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
        "does", "did", "will", "would", "can", "could", "should", "must", "may", "might", "shall",
        "it's", "we're", "they're", "i'm", "that's", "there's", "don't", "won't", "can't", "isn't",
        "aren't", "wasn't", "didn't", "doesn't", "we've", "i've", "let's", "need", "want", "know",
        "think", "believe", "make", "take", "get", "give", "see", "keep", "go", "come", "say",
        "said", "work", "help", "put", "got", "came", "went", "made", "took", "gave", "saw",
        "knew", "thought", "told", "felt", "left", "became", "began", "found", "kept", "held",
        "brought", "means", "says", "feel", "looks", "wants", "needs", "knows", "gets", "makes",
        "takes", "goes", "comes", "seems", "become",
    ];
    t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.to_lowercase().replace('’', "'"))
        .any(|w| VERBS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed")))
}

/// Quote facts whose words nearly repeat a quote by someone else in the deck:
/// a who-said card could not tell them apart, so neither is asked.
///
/// Linear in practice: quotes with the same words are grouped first (a
/// quotation repeated through a long document is one group), and only groups
/// sharing one of their three rarest words are compared; a word in more than
/// [`RARE_WORD_LIMIT`] groups is not rare and joins none.
pub fn near_duplicate_quotes(facts: &[DeckFact]) -> HashSet<usize> {
    // Distinct word bags, each with the facts (index, speaker) that say it.
    let mut group_of: HashMap<Vec<String>, usize> = HashMap::new();
    let mut groups: Vec<QuoteGroup> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if f.kind != FactKind::Quote {
            continue;
        }
        let Some(speaker) = f.speaker.as_deref() else {
            continue;
        };
        let words: HashSet<String> = f
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect();
        if words.len() < 3 {
            continue;
        }
        let mut key: Vec<String> = words.iter().cloned().collect();
        key.sort_unstable();
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push((words, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push((i, speaker));
    }
    let mut out = HashSet::new();
    // Marks every fact of `a` said by someone who is not the only speaker of
    // `b`, and the other way round (linear in the two groups).
    let mut mark = |a: &[(usize, &str)], b: &[(usize, &str)]| {
        let (sole_a, sole_b) = (sole_speaker(a), sole_speaker(b));
        for &(i, s) in a {
            if sole_b != Some(s) {
                out.insert(i);
            }
        }
        for &(i, s) in b {
            if sole_a != Some(s) {
                out.insert(i);
            }
        }
    };
    // The same words said by two different people.
    for (_, members) in &groups {
        mark(members, members);
    }
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (words, _)) in groups.iter().enumerate() {
        for w in words {
            by_word.entry(w.as_str()).or_default().push(k);
        }
    }
    // Near-identical quotes share their rarest word too; common words would
    // make every pair of quotes meet.
    for (a, (wa, ma)) in groups.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut lists: Vec<&[usize]> = wa
            .iter()
            .map(|w| by_word.get(w.as_str()).map_or(&[][..], Vec::as_slice))
            .filter(|l| l.len() <= RARE_WORD_LIMIT)
            .collect();
        lists.sort_by_key(|l| l.len());
        for list in lists.into_iter().take(3) {
            for &b in list {
                if b <= a || !seen.insert(b) {
                    continue;
                }
                let (wb, mb) = &groups[b];
                let shared = wa.intersection(wb).count();
                let union = wa.len() + wb.len() - shared;
                if shared * 2 >= union {
                    mark(ma, mb);
                }
            }
        }
    }
    out
}

/// One distinct word bag and the facts (index, speaker) that say it.
type QuoteGroup<'a> = (HashSet<String>, Vec<(usize, &'a str)>);

/// The one speaker of every fact in `m`, if there is one.
fn sole_speaker<'a>(m: &[(usize, &'a str)]) -> Option<&'a str> {
    let first = m.first()?.1;
    m.iter().all(|&(_, s)| s == first).then_some(first)
}

/// Quotations (distinct word sets) a word may appear in and still count as
/// rare for [`near_duplicate_quotes`].
const RARE_WORD_LIMIT: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_contacts_and_questions_are_trivia() {
        assert!(trivial_sentence(
            "Editor's note: This story was updated on May 2, 2024."
        ));
        assert!(trivial_sentence("Updated 4:10 p.m. ET, June 3, 2025"));
        assert!(trivial_sentence(
            "For more information about the 2025 grants, call (555) 201-3344."
        ));
        assert!(trivial_sentence(
            "What did the 2024 election change for farmers?"
        ));
        assert!(!trivial_sentence(
            "The county paved 40 miles of road in 2024."
        ));
        assert!(!trivial_sentence(
            "“Who pays for this?” the treasurer asked in 2024."
        ));
    }

    #[test]
    fn figures_inside_quotes_and_years_unknown_are_not_asked() {
        use crate::generate::merge::merge;
        use crate::generate::testutil::fact;
        use crate::model::Extraction;
        let facts = vec![
            fact("a.md", FactKind::Money, "$9 million", 9e6)
                .sentence("“We found $9 million in savings,” the clerk said.")
                .build(),
            fact("a.md", FactKind::Date, "May 4", "--05-04")
                .sentence("The fair opens on May 4 at the county grounds.")
                .build(),
            fact("a.md", FactKind::Date, "May 4, 2026", "2026-05-04")
                .sentence("The fair opens on May 4, 2026 at the county grounds.")
                .build(),
        ];
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts,
            ..Default::default()
        }]);
        let worth: Vec<bool> = m
            .facts
            .iter()
            .map(|f| {
                let frame = Frame::new(&f.sentence, &f.text).expect("frame");
                value_worth_asking(f, &f.text, &frame)
            })
            .collect();
        assert_eq!(worth, vec![false, false, true]);
    }

    #[test]
    fn quote_excerpts_are_whole_sentences() {
        let long = "Our plan puts buses on every corridor. It adds 300 drivers and 90 routes \
                    across Eastfield and Marston. Riders asked for this for years and the \
                    budget finally allows it. The work starts in spring and ends before the \
                    next school year begins.";
        let e = quote_excerpt(long).expect("excerpt");
        assert!(e.split_whitespace().count() <= MAX_QUOTE_WORDS, "{e}");
        assert!(e.ends_with('.'), "{e}");
        assert!(e.contains("300 drivers"), "{e}");
        assert!(long.contains(&e));
        assert_eq!(
            quote_excerpt("The bridge will carry trains by autumn").as_deref(),
            Some("The bridge will carry trains by autumn")
        );
    }

    #[test]
    fn ceremony_stammers_and_fragments_give_no_quote() {
        assert!(
            quote_excerpt("Thank you to every volunteer who made this day possible.").is_none()
        );
        assert!(quote_excerpt("It's about — about the, the families who wait.").is_none());
        assert!(quote_excerpt("a disaster for the families of the valley").is_none());
        assert!(quote_excerpt("A proud new chapter for the valley and its families").is_none());
    }

    #[test]
    fn near_identical_quotes_by_two_people_are_both_dropped() {
        use crate::generate::merge::merge;
        use crate::generate::testutil::fact;
        use crate::model::Extraction;
        let q = |who: &str, text: &str, line: usize| {
            fact("a.md", FactKind::Quote, text, text)
                .speaker(who)
                .sentence(&format!("“{text},” {who} said."))
                .line(line)
                .build()
        };
        let facts = vec![
            q(
                "Ann Lee",
                "This investment will rebuild every bridge in our county",
                1,
            ),
            q(
                "Bo Park",
                "This investment will rebuild every bridge across our county",
                2,
            ),
            q(
                "Cy Moss",
                "Ferries need new engines before the winter storms arrive",
                3,
            ),
        ];
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts,
            ..Default::default()
        }]);
        let dup = near_duplicate_quotes(&m.facts);
        assert_eq!(dup.len(), 2, "{dup:?}");
        let third = m
            .facts
            .iter()
            .position(|f| f.speaker.as_deref() == Some("Cy Moss"));
        assert!(!dup.contains(&third.expect("fact")));
    }

    #[test]
    fn quotes_that_point_at_someone_unnamed_need_context() {
        for q in [
            "They want to shut down every shelter on the east side of town",
            "It will not move the talks forward in any way at all",
            "I am fully behind him and I want the new cabinet to succeed",
            "Honestly, I think they got the budget for the harbour badly wrong",
        ] {
            assert!(quote_needs_context(q), "{q}");
        }
        for q in [
            "Mayor Ortega told the council she would veto the harbour budget",
            "Farmers lost their crops twice this decade and they cannot wait",
            "We will open three new clinics in the valley before the winter",
            "This country should commit itself to mapping the ocean floor by 2040",
        ] {
            assert!(!quote_needs_context(q), "{q}");
        }
    }

    #[test]
    fn bland_quotes_do_not_tell_their_speaker_apart() {
        for q in [
            "There is real concern among my members",
            "I guess there is a first time for everything",
            "We are going to hope for the very best",
            "As a general matter, import duties are a tax",
        ] {
            assert!(!telling_quote(q), "{q}");
        }
        assert!(telling_quote(
            "Our ferries will carry twice as many commuters across the estuary by autumn"
        ));
    }
}
