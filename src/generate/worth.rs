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
    match fact.kind() {
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
            let age = fact.unit().is_some_and(|u| u.contains("old"));
            // With nothing counted, "a ____ gain" has no one answer.
            let counted = fact.unit().is_some_and(|u| !u.trim().is_empty());
            counted && !compound && !age && fact.value.as_f64().is_some_and(|v| v >= 2.0)
        }
        _ => true,
    }
}

/// Whether the figure in `frame` is an aside of its sentence rather than
/// its point: the object of a leading "In addition to …"/"Along with …"
/// phrase, a loose "____ or so", a timing within a story ("____ seconds
/// later"), a count or sum in a ", who …" clause about a person, or any figure of
/// a sentence that reads as talk ("frankly", "this thing about …").
pub fn figure_is_aside(fact: &DeckFact, frame: &Frame) -> bool {
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\W*(?i:in addition to|along with|together with|besides|apart from|aside from|on top of|as well as|alongside)\b[^,;:]*$")
            .expect("valid regex")
    });
    static LOOSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:\s*or so\b|\s+(seconds|minutes|hours|days|weeks)\s+(later|earlier|afterwards|ago)\b|\s+(months|years)\s+(ago|earlier|before)\b|\s+years?\s+(younger|older)\b)")
            .expect("valid regex")
    });
    static WHO_CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i:, (who|whose) [^,;:()]*$)").expect("valid regex"));
    let t = frame.text();
    let Some(at) = t.find(super::clause::SLOT) else {
        return false;
    };
    let (before, after) = (&t[..at], &t[at + super::clause::SLOT.len_utf8()..]);
    LEADING.is_match(before)
        || LOOSE.is_match(after)
        || trivial_count(fact, before, after)
        || year_labels_a_name(fact, before)
        || (WHO_CLAUSE.is_match(before) && fact.kind() != FactKind::Date)
        || reads_as_talk(t)
}

/// A year written as part of a name ("the State Opening of Parliament
/// ____", "Vision ____"): the name is the event, its year a label no one
/// would ask.
fn year_labels_a_name(fact: &DeckFact, before: &str) -> bool {
    if fact.kind() != FactKind::Date || fact.text.trim().len() != 4 {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let opening = words
        .next()
        .is_none_or(|w| w.ends_with(['.', '!', '?', ':']));
    let lower = last.to_lowercase();
    last.starts_with(|c: char| c.is_uppercase())
        && !last.ends_with([',', ';', ':', '.'])
        && !opening
        && crate::lexicon::month(lower.trim_end_matches('.')).is_none()
        && crate::lexicon::lower_flags(&lower)
            & (crate::lexicon::FUNCTION_WORD | crate::lexicon::STOP | crate::lexicon::WEEKDAY)
            == 0
}

/// Counts no teacher would ask: a poll's or survey's sample ("All ____
/// economists in a recent poll"), a span a record is measured over ("its
/// lowest level in more than ____ months"), a handful of unnamed officials
/// or sources ("____ officials said").
fn trivial_count(fact: &DeckFact, before: &str, after: &str) -> bool {
    static POLL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(poll|polls|polled|survey|surveys|surveyed|respondents|questioned|interviewed)\b")
            .expect("valid regex")
    });
    static RECORD_SPAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(lowest|highest|biggest|largest|smallest|strongest|weakest|fastest|slowest|best|worst|first)\b[^,;]*\b(in|since|for)(\s+(more than|over|nearly|almost|about|roughly|at least|the past|the last))?\s*$")
            .expect("valid regex")
    });
    static SPAN_UNIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+(months|years|weeks|days|decades)\b").expect("valid regex")
    });
    static UNNAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+((senior|current|former|other|U\.S\.|administration|government|law enforcement|federal|state|Israeli|American|European|Western)\s+)*(officials|sources|aides|staffers|diplomats|people familiar|people briefed|people with knowledge)\b")
            .expect("valid regex")
    });
    if fact.kind() != FactKind::Quantity {
        return false;
    }
    let small = fact.value.as_f64().is_some_and(|v| v <= 12.0);
    static SAMPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+([\w-]+\s+){0,2}?(economists|analysts|adults|voters|people|respondents|Americans|residents|students|parents|teachers|workers|members|businesses|households|participants|experts|executives|CEOs|leaders|firms|companies|consumers|doctors|nurses|physicians)\b")
            .expect("valid regex")
    });
    let people_counted = SAMPLE.is_match(after);
    (POLL.is_match(before) || POLL.is_match(after)) && people_counted
        || RECORD_SPAN.is_match(before) && SPAN_UNIT.is_match(after)
        || small && UNNAMED.is_match(after)
}

/// Whether a sentence is talk rather than report: fillers and hedges of
/// speech outside any quotation ("frankly", "you know", "this thing
/// about …"). A figure in such an aside of an interview or a column has no
/// one meaning a card could ask for.
pub fn reads_as_talk(sentence: &str) -> bool {
    static TALK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\b(frankly|honestly|you know|i mean|kind of|sort of|anyway|mind you)\b|\b(this|that|the \w+) thing (about|is)\b|\b(they|we|you)[’']ve got\b)")
            .expect("valid regex")
    });
    TALK.is_match(&outside_quotes(sentence))
}

/// The text of `s` outside quotation marks.
fn outside_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a year with no month is the writer's own present or the horizon
/// of a forecast rather than the date of an event: the document's own year
/// ("slightly down year-to-date in ____", "Blair in ____" written that
/// year), "so far in ____", "earlier in ____", or the period of a count
/// ("three rate hikes in ____": the count is the fact).
pub fn year_is_context(fact: &DeckFact, frame: &Frame, doc_year: Option<i32>) -> bool {
    static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\b(year-to-date|year to date|so far|to date|earlier)( in)?\s*$)")
            .expect("valid regex")
    });
    static COUNT_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\b(\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(\w+\s+){0,2}\w+s in\s*$)")
            .expect("valid regex")
    });
    if fact.kind() != FactKind::Date {
        return false;
    }
    let Some(value) = fact.value.as_text().and_then(DateValue::from_iso) else {
        return false;
    };
    let (Some(year), None) = (value.year, value.month) else {
        return false;
    };
    let t = frame.text();
    let before = t.find(super::clause::SLOT).map_or(t, |at| &t[..at]);
    doc_year == Some(year) || PRESENT.is_match(before) || COUNT_PERIOD.is_match(before)
}

/// Whether a date is only the point a running figure was measured at ("have
/// totaled $63 million through ____", "as of ____"): the figure is the fact,
/// its cut-off is not.
pub fn date_is_cutoff(fact: &DeckFact, frame: &Frame) -> bool {
    static CUTOFF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\b(through|thru|as of|as at)\s*$)").expect("valid regex")
    });
    if fact.kind() != FactKind::Date {
        return false;
    }
    let t = frame.text();
    let Some(at) = t.find(super::clause::SLOT) else {
        return false;
    };
    let other_figure = t.chars().any(|c| c.is_ascii_digit());
    CUTOFF.is_match(&t[..at]) && other_figure
}

/// Whether a quotation is a plain statement of a figure ("About 36% of the
/// imports are electronics"): with no "I" or "we" in it, any analyst of the
/// deck could have said it, so it does not tell its speaker apart.
pub fn statistic_quote(t: &str) -> bool {
    static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\d|%|\bper ?cent\b|\b(million|billion|trillion|half|third|quarter)\b)")
            .expect("valid regex")
    });
    static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i:\b(i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|we|we're|we’re|we've|we’ve|us|our|ours)\b)",
        )
        .expect("valid regex")
    });
    FIGURE.is_match(t) && !FIRST_PERSON.is_match(t)
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
    // "And I think …", "Instead, it …": the quotation answers or turns on
    // something the card cannot show.
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    if [
        "and",
        "but",
        "so",
        "or",
        "that",
        "which",
        "instead",
        "however",
        "also",
        "still",
        "yet",
        "otherwise",
        "besides",
        "plus",
        "meanwhile",
        "therefore",
        "thus",
        "hence",
        "again",
    ]
    .contains(&first.trim_matches(','))
    {
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

/// Whether a quotation tells its speaker apart from the other people of its
/// story, as a who-said card needs: the speaker talks of themselves ("I",
/// "my") about something named or counted ("I was not on the July 25 call"),
/// or the quote names the place or body of the speaker's role ("… in Easton"
/// by the Easton mayor). Words any of them could say ("Americans deserve
/// modern airports", "we believe our scientists can do it") are not asked.
pub fn marks_its_speaker(quote: &str, role: Option<&str>) -> bool {
    static SELF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|my|My|me|mine|myself)\b")
            .expect("valid regex")
    });
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*").expect("valid regex"));
    let mut named = false;
    let mut prev_end: Option<&str> = None;
    let mut caps: Vec<&str> = Vec::new();
    let mut last = 0;
    for m in WORD.find_iter(quote) {
        let w = m.as_str().trim_end_matches(['.', '’', '\'']);
        let gap = &quote[last..m.start()];
        let opening = prev_end.is_none()
            || gap.contains(['.', '!', '?', '“', '"', '‘', ':', '—', '('])
            || prev_end.is_some_and(|p| p.ends_with(['.', '!', '?']));
        if w.chars().any(|c| c.is_ascii_digit()) {
            named = true;
        }
        let capital = w.starts_with(|c: char| c.is_uppercase());
        if capital {
            caps.push(w.trim_end_matches("’s").trim_end_matches("'s"));
        }
        if capital && !opening && !w.starts_with("I’") && !w.starts_with("I'") && w != "I" {
            named = true;
        }
        prev_end = Some(m.as_str());
        last = m.end();
    }
    if SELF.is_match(quote) && named {
        return true;
    }
    role.is_some_and(|r| {
        r.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && w.starts_with(|c: char| c.is_uppercase()))
            .filter(|w| !crate::lexicon::is_title(w))
            .any(|w| caps.contains(&w))
    })
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
        if f.kind() != FactKind::Quote {
            continue;
        }
        let Some(speaker) = f.speaker() else {
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

/// Quote facts whose speaker is peripheral to their document: named at most
/// twice, not in its headline or lead (its first three lines of text), and
/// holding no office a student could place (a spokesman, an analyst, a
/// passer-by). Who said such words is trivia, however telling they are.
/// A document whose text is not at hand has no peripheral speakers.
pub fn peripheral_quotes(facts: &[DeckFact], texts: &HashMap<String, String>) -> HashSet<usize> {
    let mut known: HashMap<(&str, &str), bool> = HashMap::new();
    let mut out = HashSet::new();
    for (i, f) in facts.iter().enumerate() {
        let (FactKind::Quote, Some(speaker)) = (f.kind(), f.speaker()) else {
            continue;
        };
        if f.speaker_role().is_some_and(holds_office) {
            continue;
        }
        let Some(doc) = f.sources.first().map(|s| s.doc.as_str()) else {
            continue;
        };
        let Some(text) = texts.get(doc) else {
            continue;
        };
        let peripheral = *known
            .entry((doc, speaker))
            .or_insert_with(|| !central_to(text, speaker));
        if peripheral {
            out.insert(i);
        }
    }
    out
}

/// Whether the person called `speaker` is central to `text`: their surname
/// in its headline or lead, or three times or more in all.
fn central_to(text: &str, speaker: &str) -> bool {
    let Some(surname) = speaker
        .split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 2)
    else {
        return true;
    };
    let lead: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    whole_word_count(&lead, surname) > 0 || whole_word_count(text, surname) >= 3
}

/// How many times `word` stands in `text` as a whole word (case matters:
/// a surname, not the common word it may also be).
fn whole_word_count(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .count()
}

/// Whether a role is an office a student can place (a minister, a mayor, a
/// company's president), not a spokesman's or an analyst's.
fn holds_office(role: &str) -> bool {
    const OFFICES: &[&str] = &[
        "president",
        "prime minister",
        "premier",
        "minister",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "chair",
        "chancellor",
        "king",
        "queen",
        "pope",
        "speaker",
        "leader",
        "chief executive",
        "ceo",
        "administrator",
        "commissioner",
    ];
    let r = role.to_lowercase();
    !r.contains("vice") && OFFICES.iter().any(|o| r.contains(o))
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
        assert!(
            quote_excerpt("Instead, it suggests keeping the option that they might cut fares")
                .is_none()
        );
        assert!(
            quote_excerpt("However, the ferry budget covers only half of the new routes").is_none()
        );
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
        let third = m.facts.iter().position(|f| f.speaker() == Some("Cy Moss"));
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

    fn framed(kind: FactKind, text: &str, value: f64, sentence: &str) -> (DeckFact, Frame) {
        use crate::generate::merge::merge;
        use crate::generate::testutil::fact;
        use crate::model::Extraction;
        let f = if kind == FactKind::Date {
            fact("a.md", kind, text, format!("{value}").as_str())
        } else {
            fact("a.md", kind, text, value).unit("years")
        };
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts: vec![f.sentence(sentence).build()],
            ..Default::default()
        }]);
        let f = m.facts.into_iter().next().expect("fact");
        let frame = Frame::new(sentence, text).expect("frame");
        (f, frame)
    }

    #[test]
    fn trivial_counts_and_year_labels_are_not_asked() {
        for (kind, text, sentence) in [
            (
                FactKind::Quantity,
                "90",
                "All 90 economists in a recent Harbor poll had expected a cut.",
            ),
            (
                FactKind::Quantity,
                "14",
                "Copper hit its lowest level in more than 14 months in Kelso trading.",
            ),
            (
                FactKind::Quantity,
                "12",
                "The Kelso forecast is a big improvement from 12 months ago.",
            ),
            (
                FactKind::Quantity,
                "3",
                "The Easton council delayed the vote, 3 officials said.",
            ),
            (
                FactKind::Quantity,
                "10",
                "At 71 the Kelso mayor could pass for a man 10 years younger.",
            ),
            (
                FactKind::Date,
                "2031",
                "The mayor spoke at the opening of the Kelso Games 2031 last night.",
            ),
        ] {
            let value: f64 = text.parse().expect("number");
            let (f, frame) = framed(kind, text, value, sentence);
            assert!(figure_is_aside(&f, &frame), "{sentence}");
        }
        // A poll's finding, a count that is the point, a year said of an event: asked.
        for (kind, text, sentence) in [
            (
                FactKind::Quantity,
                "30",
                "The Easton survey found the town has 30 empty shops.",
            ),
            (
                FactKind::Date,
                "2031",
                "The Kelso Games opened in 2031 with a new stadium.",
            ),
        ] {
            let value: f64 = text.parse().expect("number");
            let (f, frame) = framed(kind, text, value, sentence);
            assert!(!figure_is_aside(&f, &frame), "{sentence}");
        }
    }

    #[test]
    fn quotes_that_anyone_could_have_said_do_not_mark_their_speaker() {
        for q in [
            "Travellers deserve modern airports that meet the needs of their families",
            "We believe our scientists can make the impossible a reality for patients",
            "Financial players are making significant money on the way down",
        ] {
            assert!(!marks_its_speaker(q, Some("Transport Secretary")), "{q}");
        }
        // The speaker on themselves about something named; or their own town.
        assert!(marks_its_speaker(
            "I was not on the May 3 call between the two ministers",
            None
        ));
        assert!(marks_its_speaker(
            "Homelessness has fallen in Easton because we lead with housing",
            Some("Easton Mayor")
        ));
        assert!(!marks_its_speaker(
            "I have received lots of calls expressing shock and dismay",
            None
        ));
    }

    #[test]
    fn figures_in_asides_are_not_asked() {
        for (kind, text, sentence) in [
            (
                FactKind::Money,
                "$4 million",
                "In addition to $4 million for parks, the council approved a new library.",
            ),
            (
                FactKind::Quantity,
                "50",
                "Along with the other 50 or so mayors, the governor signed the pledge.",
            ),
            (
                FactKind::Quantity,
                "20",
                "Roughly 20 minutes later, the alarm sounded across the depot.",
            ),
            (
                FactKind::Quantity,
                "12",
                "“Nothing like it,” said Ortiz, who served on the board for 12 years.",
            ),
            (
                FactKind::Quantity,
                "20",
                "Then they’ve got this whole thing about taxes, which for 20 years has confused them, frankly.",
            ),
        ] {
            let (f, frame) = framed(kind, text, 1.0, sentence);
            assert!(figure_is_aside(&f, &frame), "{sentence}");
        }
        for (kind, text, sentence) in [
            (
                FactKind::Money,
                "$4 million",
                "The council approved $4 million for parks and a new library.",
            ),
            (
                FactKind::Date,
                "1998",
                "Lee, who founded the bakery chain in 1998, sold it last week.",
            ),
        ] {
            let (f, frame) = framed(kind, text, 1998.0, sentence);
            assert!(!figure_is_aside(&f, &frame), "{sentence}");
        }
    }

    #[test]
    fn a_year_that_is_the_writers_present_or_a_forecasts_period_is_not_asked() {
        let year = |sentence: &str, doc_year: Option<i32>| {
            let (f, frame) = framed(FactKind::Date, "2031", 2031.0, sentence);
            year_is_context(&f, &frame, doc_year)
        };
        assert!(year(
            "The fund, and indeed the city in 2031, is short of cash.",
            Some(2031)
        ));
        assert!(year(
            "Sales left the total slightly down year-to-date in 2031.",
            None
        ));
        assert!(year(
            "Traders now price in two or three rate cuts in 2031.",
            None
        ));
        assert!(!year(
            "The harbour bridge first opened to traffic in 2031.",
            Some(2035)
        ));
        assert!(!year(
            "The harbour bridge first opened to traffic in 2031.",
            None
        ));
    }

    #[test]
    fn the_cutoff_date_of_a_running_total_is_not_asked() {
        let cut = |sentence: &str, text: &str| {
            let (f, frame) = framed(FactKind::Date, text, 2031.0, sentence);
            date_is_cutoff(&f, &frame)
        };
        assert!(cut(
            "Parking fines have totaled about $8 million through March 31, 2031.",
            "March 31, 2031"
        ));
        assert!(cut(
            "The waiting list held 4,200 families as of May 2031.",
            "May 2031"
        ));
        assert!(!cut("The ferry program runs through 2031.", "2031"));
    }

    #[test]
    fn a_plain_statistic_does_not_tell_its_speaker_apart() {
        assert!(statistic_quote(
            "About 40% of the harbour's freight is grain bound for export"
        ));
        assert!(statistic_quote(
            "The toll now brings in over $2 million a month from lorries"
        ));
        assert!(!statistic_quote(
            "We expect 40% more riders once the new line opens"
        ));
        assert!(!statistic_quote(
            "The ferries will reach every island before the storms"
        ));
    }

    #[test]
    fn speakers_on_the_edge_of_a_story_get_no_who_said_card() {
        use crate::generate::merge::merge;
        use crate::generate::testutil::fact;
        use crate::model::Extraction;
        let text = "Ortega unveils harbour plan\n\nMayor Lucia Ortega on Monday unveiled a plan to dredge the harbour.\n\n\
                    Ortega said the work would take two years.\n\n\
                    “Ships will dock at any tide once the channel is deeper,” Ortega said.\n\n\
                    “The port authority received many letters from fishermen about the silt,” said Tom Reyes, a spokesman for the port.\n\n\
                    “Our members have waited a decade for deeper berths at the quay,” said union organiser Dee Park.\n";
        let q = |who: &str, words: &str, line: usize| {
            fact("a.md", FactKind::Quote, words, words)
                .speaker(who)
                .sentence(&format!("“{words},” {who} said."))
                .line(line)
                .build()
        };
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts: vec![
                q(
                    "Lucia Ortega",
                    "Ships will dock at any tide once the channel is deeper",
                    7,
                ),
                q(
                    "Tom Reyes",
                    "The port authority received many letters from fishermen about the silt",
                    9,
                ),
                q(
                    "Dee Park",
                    "Our members have waited a decade for deeper berths at the quay",
                    11,
                ),
            ],
            ..Default::default()
        }]);
        let texts = HashMap::from([("a.md".to_string(), text.to_string())]);
        let out = peripheral_quotes(&m.facts, &texts);
        let by = |who: &str| {
            m.facts
                .iter()
                .position(|f| f.speaker() == Some(who))
                .expect("fact")
        };
        assert!(!out.contains(&by("Lucia Ortega")));
        assert!(out.contains(&by("Tom Reyes")));
        assert!(out.contains(&by("Dee Park")));
        // Without the text nothing is judged peripheral.
        assert!(peripheral_quotes(&m.facts, &HashMap::new()).is_empty());
    }
}
