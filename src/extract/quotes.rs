//! Finds direct quotations and who said them.
//!
//! Quotation marks are paired in one linear pass (straight and curly mixed,
//! apostrophes never taken for marks, a paragraph left open continuing in the
//! next one that opens with a mark). Each quotation of at least four words is
//! then attributed by looking a bounded distance around it: a reporting
//! clause after it ("…,” Ruiz said), before it (Ruiz said, “…”; Ruiz: “…”;
//! Ruiz argued the plan would “…”; Ruiz called it a “…”), a credit after a
//! dash ("“…” — Ana Ruiz"), a pronoun resolved to the subject of the sentence
//! naming the nearest fitting person, or the speaker of the quotation just
//! before it. Quotations nobody can be credited with (scare quotes, titles,
//! headlines, an agency's statement) are dropped.

use super::Found;
use super::names::{self, Gender};
use super::outlets;
use super::people::{self, People, Word, is_capitalized, words};
use super::text::Text;
use crate::model::{Detail, FactKind, Value};

/// Quotes found in a document, and the outlets it cites.
#[derive(Debug, Default)]
pub struct Quotes {
    pub facts: Vec<Found>,
    pub outlets: Vec<String>,
}

/// How far from a quotation its attribution is looked for, in bytes.
const BEFORE_WINDOW: usize = 400;
const AFTER_WINDOW: usize = 240;
/// How far back a pronoun looks for the person it stands for.
const PRONOUN_WINDOW: usize = 2500;
/// The fewest words a quotation has.
const MIN_WORDS: usize = 4;

/// A pair of quotation marks, possibly over several paragraphs.
#[derive(Debug, Clone)]
struct Span {
    /// Byte of the first opening mark.
    open: usize,
    /// Byte just after the closing mark.
    close_end: usize,
    /// The words inside the marks: one range per paragraph.
    first: (usize, usize),
    rest: Vec<(usize, usize)>,
}

impl Span {
    fn pieces(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        std::iter::once(self.first).chain(self.rest.iter().copied())
    }
}

/// A quote mark's role, judged from the characters around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
    Stray,
}

fn classify_straight(src: &str, i: usize) -> Mark {
    let prev = src[..i].chars().next_back();
    let next = src[i + 1..].chars().next();
    let prev_space = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let next_space = next.is_none_or(char::is_whitespace);
    let next_punct = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…".contains(c));
    match (prev_space, next_space) {
        (true, true) => Mark::Stray,
        (true, false) => Mark::Open,
        (false, _) if next_punct => Mark::Close,
        _ => Mark::Either,
    }
}

/// Whether a document writes its quotations with single marks (‘…’ or
/// '…'), as British and Australian papers do, rather than using them only
/// for apostrophes and quotes nested in double marks: single opening marks
/// at the start of a word outnumber double ones.
fn uses_single_marks(src: &str) -> bool {
    let b = src.as_bytes();
    let mut single = 0usize;
    let mut double = 0usize;
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, b) {
        let after_space = i == 0 || matches!(b[i - 1], b' ' | b'\n' | b'\t' | b'(');
        match b[i] {
            b'"' => double += usize::from(after_space),
            b'\'' => {
                let letter = b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                single += usize::from(after_space && letter);
            }
            _ => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0x9C)) => double += 1,
                (Some(0x80), Some(0x98)) => {
                    let next = src.get(i + 3..).and_then(|r| r.chars().next());
                    single += usize::from(next.is_some_and(char::is_alphabetic));
                }
                _ => {}
            },
        }
    }
    single >= 2 && single > double
}

/// A single mark's role in a document that quotes with single marks: an
/// apostrophe inside a word ("don’t") or after a plural ("the members’
/// votes") is no mark.
fn classify_single(src: &str, i: usize, len: usize) -> Mark {
    let prev = src[..i].chars().next_back();
    let rest = &src[i + len..];
    let next = rest.chars().next();
    let prev_space = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let next_space = next.is_none_or(char::is_whitespace);
    let next_punct = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…".contains(c));
    let curly_open = len == 3 && src.as_bytes()[i + 2] == 0x98;
    if curly_open {
        return if next_space { Mark::Stray } else { Mark::Open };
    }
    if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
        return Mark::Stray;
    }
    if prev_space {
        return if next.is_some_and(char::is_alphabetic) && len == 1 {
            Mark::Open
        } else {
            Mark::Stray
        };
    }
    if !next_punct {
        return Mark::Stray;
    }
    // "the members’ votes": a plural's apostrophe before a lowercase word.
    let plural = prev == Some('s')
        && next_space
        && rest.trim_start_matches(' ').starts_with(char::is_lowercase);
    if plural { Mark::Stray } else { Mark::Close }
}

/// What follows a line break inside an open quotation.
enum NextLine {
    /// The next paragraph opens with a quotation mark: the quotation goes on.
    OpensQuote,
    /// A hard-wrapped line of the same paragraph.
    Wraps,
    /// A new paragraph, heading or list item: the quotation was never closed.
    Ends,
}

fn next_line(src: &str, nl: usize, singles: bool) -> NextLine {
    let line_start = src[..nl].rfind('\n').map_or(0, |p| p + 1);
    let line = src[line_start..nl].trim_end();
    let rest = &src[nl + 1..];
    let trimmed = rest.trim_start();
    let blank = rest[..rest.len() - trimmed.len()].contains('\n');
    match trimmed.chars().next() {
        Some('"' | '“') => NextLine::OpensQuote,
        Some('‘' | '\'') if singles => NextLine::OpensQuote,
        None | Some('#' | '-' | '*' | '>' | '|' | '+') => NextLine::Ends,
        Some(_) if blank || line.ends_with(['.', '!', '?', ':']) => NextLine::Ends,
        Some(_) => NextLine::Wraps,
    }
}

/// Pairs every quotation mark in one pass. With `singles`, single marks
/// quote too; a mark only closes a quotation opened by the same kind, so
/// quotes nested in the other kind are part of the words.
fn pair_marks(src: &str, singles: bool) -> Vec<Span> {
    let b = src.as_bytes();
    // Whether the open quotation was opened by a single mark.
    let mut open_single = false;
    let mut out = Vec::new();
    // The open mark and where its words start.
    let mut open: Option<(usize, usize)> = None;
    // Paragraphs of a quotation that continues after a line break.
    let mut carried: Vec<(usize, usize)> = Vec::new();
    let mut carried_open: Option<usize> = None;
    let mut awaiting_continuation = false;
    let mut wraps = 0;
    let mut i = 0;
    while i < b.len() {
        let (mark, len) = match b[i] {
            b'\n' => {
                if let Some((o, inner)) = open {
                    match next_line(src, i, singles) {
                        NextLine::OpensQuote => {
                            carried.push((inner, i));
                            carried_open.get_or_insert(o);
                            open = None;
                            awaiting_continuation = true;
                        }
                        NextLine::Wraps if wraps < 6 => wraps += 1,
                        _ => {
                            open = None;
                            carried.clear();
                            carried_open = None;
                        }
                    }
                } else if !awaiting_continuation {
                    carried.clear();
                    carried_open = None;
                }
                i += 1;
                continue;
            }
            b'"' => (classify_straight(src, i), 1),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9C) => (Mark::Open, 3),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9D) => (Mark::Close, 3),
            b'\'' if singles => (classify_single(src, i, 1), 1),
            0xE2 if singles
                && b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(&0x98 | &0x99)) =>
            {
                (classify_single(src, i, 3), 3)
            }
            _ if singles => {
                let rest = &b[i + 1..];
                let next = rest
                    .iter()
                    .position(|&c| matches!(c, b'\n' | b'"' | b'\'' | 0xE2));
                i = next.map_or(b.len(), |p| i + 1 + p);
                continue;
            }
            _ => {
                // Only line breaks and quote marks matter: jump to the next.
                // Outside a quotation a line break changes nothing the next
                // opening mark would not reset, so only marks are looked for.
                let rest = &b[i + 1..];
                let next = if open.is_none() && !awaiting_continuation {
                    memchr::memchr2(b'"', 0xE2, rest)
                } else {
                    memchr::memchr3(b'\n', b'"', 0xE2, rest)
                };
                i = next.map_or(b.len(), |p| i + 1 + p);
                continue;
            }
        };
        let single = (len == 1 && b[i] == b'\'') || (len == 3 && b[i + 2] < 0x9C);
        if open.is_some() && single != open_single {
            // A quote nested in the other kind of marks.
            i += len;
            continue;
        }
        let closes = match mark {
            Mark::Close => true,
            Mark::Either => open.is_some(),
            Mark::Open | Mark::Stray => false,
        };
        if closes {
            if let Some((o, inner)) = open.take() {
                let start = carried_open.take().unwrap_or(o);
                let mut pieces = std::mem::take(&mut carried);
                pieces.push((inner, i));
                let first = pieces.remove(0);
                out.push(Span {
                    open: start,
                    close_end: i + len,
                    first,
                    rest: pieces,
                });
            }
            awaiting_continuation = false;
        } else if mark != Mark::Stray {
            if !awaiting_continuation {
                carried.clear();
                carried_open = None;
            }
            awaiting_continuation = false;
            open = Some((i, i + len));
            open_single = single;
            wraps = 0;
        }
        i += len;
    }
    out
}

/// Trims spaces and a trailing comma from a quotation's words.
fn trim_piece(src: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let piece = &src[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece
        .trim_start()
        .trim_end()
        .trim_end_matches([',', ';', ':'])
        .trim_end();
    (s + lead, s + lead + body.len())
}

/// The words of `s` with every run of white space made one space.
fn collapse_spaces(s: &str) -> String {
    if !needs_collapse(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `s` has white space other than single spaces between words:
/// most quotations have none and are copied as they are.
fn needs_collapse(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if prev_space => return true,
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => return true,
            // U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
            // U+202F, U+205F, U+3000: Unicode white space.
            0xC2 if matches!(b.get(i + 1), Some(0x85 | 0xA0)) => return true,
            0xE1..=0xE3 => {
                if let Some(ch) = s.get(i..).and_then(|r| r.chars().next())
                    && ch.is_whitespace()
                {
                    return true;
                }
            }
            _ => {}
        }
        prev_space = c == b' ';
    }
    false
}

/// Drops the full stop that ends a quotation ("…right now." → "…right now"),
/// but not an ellipsis or the last dot of an abbreviation ("the U.S.").
fn trim_full_stop(src: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let body = &src[s..e];
    let Some(rest) = body.strip_suffix('.') else {
        return (s, e);
    };
    let mut back = rest.chars().rev();
    let abbreviation = match (back.next(), back.next()) {
        (Some('.'), _) => true,
        (Some(c), Some('.')) if c.is_alphabetic() => true,
        _ => false,
    };
    if abbreviation {
        (s, e)
    } else {
        (s, s + rest.trim_end().len())
    }
}

/// Function words a title may keep in lowercase.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "as"
            | "but"
            | "vs"
    )
}

/// Words that, right before a mark, make what follows a name or a label
/// ("a resolution “…”", "the so-called “…”", "dubbed “…”").
fn is_label_word(w: &str) -> bool {
    let mut buf = [0u8; 12];
    if w.is_ascii() && w.len() > buf.len() {
        return false;
    }
    let lower = if w.is_ascii() {
        buf[..w.len()].copy_from_slice(w.as_bytes());
        buf[..w.len()].make_ascii_lowercase();
        std::str::from_utf8(&buf[..w.len()]).unwrap_or_default()
    } else {
        return is_label_word_lowercase(&w.to_lowercase());
    };
    is_label_word_lowercase(lower)
}

fn is_label_word_lowercase(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "dubbed"
            | "titled"
            | "entitled"
            | "named"
            | "nicknamed"
            | "labeled"
            | "labelled"
            | "branded"
            | "termed"
            | "so-called"
            | "resolution"
            | "bill"
            | "act"
            | "measure"
            | "law"
            | "ordinance"
            | "motion"
            | "amendment"
            | "report"
            | "program"
            | "initiative"
            | "campaign"
            | "book"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "show"
            | "series"
            | "article"
            | "column"
            | "headline"
            | "hashtag"
            | "banner"
            | "sign"
            | "phrase"
            | "term"
            | "word"
            | "words"
            | "motto"
            | "tagline"
            | "its"
            | "their"
    )
}

/// "…warned that the program “cannot fix every pipe”": after a noun that
/// could be a title, a quotation opening in lowercase is what the noun does
/// or is, in the speaker's words, not its name.
fn predicate_after_noun(src: &str, noun: Word, span: &Span) -> bool {
    let noun = noun.text(src).to_ascii_lowercase();
    matches!(
        noun.as_str(),
        "resolution"
            | "bill"
            | "act"
            | "measure"
            | "law"
            | "ordinance"
            | "motion"
            | "amendment"
            | "report"
            | "program"
            | "initiative"
            | "campaign"
    ) && src[span.first.0..span.first.1]
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Verbs that characterise rather than report, yet still put the speaker's
/// own words in quotation marks ("Ruiz called the plan a “…”", "accused
/// the mayor of “…”").
fn is_characterising_verb(w: &str) -> bool {
    matches!(
        w,
        "accused"
            | "accusing"
            | "calling"
            | "describing"
            | "characterized"
            | "characterised"
            | "criticized"
            | "criticised"
            | "praised"
            | "praising"
            | "slammed"
            | "denounced"
            | "dismissed"
            | "dismissing"
            | "decried"
            | "derided"
            | "labeled"
            | "labelled"
            | "labeling"
            | "branded"
            | "termed"
            | "deemed"
            | "hailed"
            | "touted"
            | "blamed"
            | "blaming"
            | "condemned"
            | "condemning"
    )
}

/// A lowercase preposition: the name after it is not a subject.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "with"
            | "about"
            | "against"
            | "for"
            | "from"
            | "by"
            | "of"
            | "at"
            | "on"
            | "in"
            | "into"
            | "toward"
            | "towards"
            | "like"
            | "than"
            | "between"
            | "among"
            | "over"
            | "under"
            | "as"
            | "behind"
            | "near"
    )
}

/// A heading word that may stand before a colon and a quotation without
/// naming anyone ("Update: “…”").
fn is_section_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "note"
            | "update"
            | "updated"
            | "editor"
            | "q"
            | "a"
            | "question"
            | "answer"
            | "quote"
            | "statement"
            | "source"
            | "sources"
            | "caption"
            | "credit"
            | "read"
            | "watch"
            | "listen"
            | "related"
            | "background"
            | "context"
            | "summary"
            | "correction"
            | "disclaimer"
            | "transcript"
            | "headline"
            | "subject"
            | "title"
            | "warning"
            | "translation"
            | "example"
            | "quoted"
            | "text"
            | "message"
            | "reply"
            | "response"
            | "verdict"
            | "bottom"
            | "why"
            | "what"
            | "more"
            | "plus"
            | "also"
            | "tl"
    )
}

/// A lowercase noun for a body of people or a document that can stand for
/// an organisation named before it: "the lawmakers wrote" (lawmakers on
/// the Senate Budget Committee), "the study said" (a study by the Harlow
/// Institute).
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "lawmakers"
            | "legislators"
            | "senators"
            | "committee"
            | "panel"
            | "members"
            | "researchers"
            | "authors"
            | "study"
            | "survey"
            | "report"
            | "letter"
            | "company"
            | "firm"
            | "agency"
            | "department"
            | "ministry"
            | "organisation"
            | "organization"
            | "group"
            | "label"
            | "union"
            | "council"
            | "charity"
            | "campaigners"
    )
}

/// The linking word between a group noun and the organisation it belongs
/// to: "lawmakers on …", "a study by …", "members of …".
fn is_group_link(w: &str) -> bool {
    matches!(w, "on" | "of" | "by" | "from" | "at" | "for" | "with")
}

/// A piece of research whose author speaks through it ("a study by …").
fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "study" | "survey" | "report" | "analysis" | "paper" | "poll" | "review" | "audit"
    )
}

/// A document that speaks for an organisation ("Acme’s statement said").
fn is_statement_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "report"
            | "letter"
            | "website"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "filing"
            | "release"
            | "post"
    )
}

/// A title held by someone who speaks for an organisation rather than for
/// themselves.
fn is_spokes_title(w: &str) -> bool {
    matches!(
        w,
        "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "official"
            | "source"
            | "representative"
            | "insider"
    )
}

/// A verb that can introduce a speaker's quoted words.
fn is_speech_verb(w: &str) -> bool {
    !is_capitalized(w) && (names::is_reporting_verb(w) || is_characterising_verb(w))
}

/// Whether the quotation's words look like a title or headline: nearly every
/// content word capitalized.
fn is_title_like(src: &str, span: &Span) -> bool {
    let mut content = 0;
    let mut caps = 0;
    // "WE WILL NOT BE THERE, AND THEY KNOW IT.": a post in capitals is
    // shouted words, not a title.
    let mut shouted = 0;
    let mut total = 0;
    // One pass over the words counts both.
    for p in span.pieces() {
        for w in words(src, p.0, p.1) {
            let t = w.text(src);
            total += 1;
            if t.chars().any(char::is_alphabetic) && t.chars().all(|c| !c.is_lowercase()) {
                shouted += 1;
            }
            if is_small_word(t) {
                continue;
            }
            content += 1;
            if is_capitalized(t) || t.chars().all(|c| !c.is_alphabetic()) {
                caps += 1;
            }
        }
    }
    if total >= 6 && shouted == total && src[span.first.0..span.first.1].contains(',') {
        return false;
    }
    content >= 2 && caps * 5 >= content * 4
}

fn enough_words(src: &str, span: &Span) -> bool {
    span.pieces()
        .flat_map(|p| words(src, p.0, p.1))
        .filter(|w| w.text(src).chars().any(char::is_alphabetic))
        .nth(MIN_WORDS - 1)
        .is_some()
}

/// Who an attribution names, before it is resolved to a person.
#[derive(Debug, Clone, PartialEq)]
enum Subject {
    Person(usize),
    /// "he" or "she" at this byte.
    Pronoun(Option<Gender>, usize),
    /// "the governor" at this byte.
    Role(String, usize),
    /// "they", "it", "the lawmakers", "the study" at this byte (the word as
    /// lowercase): a body or a document standing for an organisation.
    Group(String, usize),
    /// An organisation ("the Coast Guard said") or a name the people finder
    /// did not take for a person ("Radio Nord’s Ivo Brandt: “…”"), as the
    /// document writes it.
    Named(String),
}

/// Everything the attribution finder needs about the document.
struct Ctx<'a> {
    src: &'a str,
    text: &'a Text<'a>,
    people: &'a People,
    spans: &'a [Span],
    /// Quotations already credited: (byte of the opening mark, person).
    credited: Vec<(usize, usize)>,
    /// Scratch space for the words before a quotation.
    words_buf: std::cell::Cell<Vec<Word>>,
    /// Speakers that are not people of [`People`]: speaker `people.len() + i`
    /// is `named[i]`.
    named: std::cell::RefCell<Vec<String>>,
    /// Group nouns already resolved: ("lawmakers", the organisation).
    groups: std::cell::RefCell<Vec<(String, String)>>,
}

impl Ctx<'_> {
    /// Whether `pos` lies inside a pair of quotation marks.
    fn inside_quote(&self, pos: usize) -> bool {
        let i = self.spans.partition_point(|s| s.open <= pos);
        i > 0 && pos < self.spans[i - 1].close_end && pos > self.spans[i - 1].open
    }

    /// Reads a subject at word `i`: a pronoun, a name, or "the governor".
    /// Returns it and the index of the word after it.
    fn subject_at(&self, ws: &[Word], i: usize) -> Option<(Subject, usize)> {
        let src = self.src;
        let w = *ws.get(i)?;
        let t = w.text(src);
        if names::is_subject_pronoun(t) {
            return Some((Subject::Pronoun(names::pronoun_gender(t), w.start), i + 1));
        }
        if matches!(t, "they" | "They" | "it" | "It") {
            return Some((Subject::Group(t.to_lowercase(), w.start), i + 1));
        }
        if matches!(t, "the" | "The")
            && let Some(n) = ws.get(i + 1)
            && is_group_noun(n.text(src))
        {
            return Some((Subject::Group(n.text(src).to_string(), n.start), i + 2));
        }
        if matches!(
            t,
            "the" | "The" | "a" | "A" | "an" | "An" | "his" | "His" | "her" | "Her"
        ) {
            // "a Harbour Party spokesperson said": the organisation speaks.
            if matches!(t, "a" | "A" | "an" | "An") {
                let caps = ws[i + 1..]
                    .iter()
                    .take(5)
                    .take_while(|x| is_capitalized(x.text(src)) && !names::is_title(x.text(src)))
                    .count();
                if caps > 0
                    && let Some(n) = ws.get(i + 1 + caps)
                    && is_spokes_title(n.text(src))
                    && self
                        .people
                        .mentions_in(ws[i + 1].start, ws[i + caps].end)
                        .is_empty()
                    && names::first_name_gender(ws[i + 1].text(src)).is_none()
                {
                    let org = &src[ws[i + 1].start..ws[i + caps].end];
                    return Some((Subject::Named(self.expand_acronym(org)), i + 2 + caps));
                }
            }
            for (k, x) in ws.iter().enumerate().take(i + 4).skip(i + 1) {
                let x = x.text(src);
                // "the US President": a place before the office.
                let place = is_capitalized(x)
                    && k + 1 < ws.len()
                    && names::is_title(ws[k + 1].text(src))
                    && x.len() <= 4
                    && x.chars().all(|c| c.is_ascii_uppercase() || c == '.');
                if place {
                    continue;
                }
                if names::is_title(x) {
                    // "the governor's spokesman" names someone else.
                    if people::strip_possessive(x).1 {
                        return None;
                    }
                    return Some((Subject::Role(x.to_lowercase(), w.start), k + 1));
                }
                if is_capitalized(x) && !names::is_role_modifier(x) {
                    return None;
                }
            }
            return None;
        }
        if !is_capitalized(t) {
            // "said board member Ana Ruiz": a lowercase role before the name;
            // "says veteran industry analyst Ana Ruiz": other words before
            // the title.
            let lower = ws[i..]
                .iter()
                .take(4)
                .take_while(|w| {
                    let x = w.text(src);
                    !is_capitalized(x)
                        && x.chars().all(char::is_alphabetic)
                        && !names::is_stop_word(x)
                        && !names::is_reporting_verb(x)
                })
                .count();
            let role_words = if lower > 0 && names::is_title(ws[i + lower - 1].text(src)) {
                lower
            } else {
                ws[i..]
                    .iter()
                    .take(4)
                    .take_while(|w| {
                        let x = w.text(src);
                        !is_capitalized(x) && (names::is_title(x) || names::is_role_modifier(x))
                    })
                    .count()
            };
            if role_words == 0 || i + role_words >= ws.len() {
                return None;
            }
            let next = ws[i + role_words];
            if !is_capitalized(next.text(src))
                || !src[ws[i + role_words - 1].end..next.start]
                    .trim()
                    .is_empty()
            {
                return None;
            }
            return self.subject_at(ws, i + role_words);
        }
        // A name, perhaps after its office: "Health Department spokeswoman
        // Ana Ruiz", "Secretary of Labor Ana Ruiz".
        let mut j = i + 1;
        let mut caps_end = None;
        while j < ws.len()
            && j < i + 10
            && src[ws[j - 1].end..ws[j].start]
                .trim_matches([' ', '\u{a0}'])
                .is_empty()
        {
            let x = ws[j].text(src);
            let cap = is_capitalized(x);
            if !cap && caps_end.is_none() {
                caps_end = Some(j);
            }
            if !(cap
                || names::is_title(x)
                || names::is_role_modifier(x)
                || matches!(x, "of" | "and" | "for"))
            {
                break;
            }
            j += 1;
        }
        if let Some(m) = self
            .people
            .mentions_in(w.start, ws[j - 1].end)
            .iter()
            .rev()
            .find(|m| !self.inside_quote(m.start))
        {
            let next = ws.partition_point(|x| x.start < m.end);
            return (!m.possessive).then_some((Subject::Person(m.person), next));
        }
        // A lone surname the people finder did not take for a mention
        // because it is also a common word ("…,” Park said").
        if j == i + 1
            && !people::strip_possessive(t).1
            && let Some(p) = self.person_by_surname(t)
        {
            return Some((Subject::Person(p), j));
        }
        // "Secretary of Agriculture Linda Marsh" when the name was not
        // recognised: the office belongs to her, not to whoever else holds
        // a similar title.
        let names_someone = (i..j.saturating_sub(1)).any(|k| {
            names::first_name_gender(ws[k].text(src)).is_some()
                && is_capitalized(ws[k + 1].text(src))
                && !names::is_title(ws[k + 1].text(src))
        });
        if names_someone {
            return None;
        }
        let j = caps_end.unwrap_or(j).min(j);
        let last = ws[j - 1].text(src);
        if (i..j)
            .all(|k| names::is_title(ws[k].text(src)) || names::is_role_modifier(ws[k].text(src)))
            && names::is_title(last)
            && !people::strip_possessive(last).1
        {
            return Some((Subject::Role(last.to_lowercase(), w.start), j));
        }
        None
    }

    /// An organisation named by the words `ws[..k]` right before its verb at
    /// `k`: "the Coast Guard", "NASA", "Acme Corp.", "Acme’s statement"
    /// ("…,” Acme’s statement said). Not a person the people finder knows,
    /// not a title alone ("the Governor"), and a capitalized run with no
    /// article needs an acronym or an organisation word to be taken for one.
    fn org_before(&self, ws: &[Word], k: usize, loose: bool) -> Option<(String, usize)> {
        let src = self.src;
        let joined =
            |a: Word, b: Word| src[a.end..b.start].trim_matches([' ', '\u{a0}']).is_empty();
        let mut end = k;
        while end > 0
            && !is_capitalized(ws[end - 1].text(src))
            && names::is_adverb(ws[end - 1].text(src))
        {
            end -= 1;
        }
        // "Acme’s statement said", "the agency’s report said".
        let mut document = false;
        if end >= 2
            && is_statement_noun(ws[end - 1].text(src))
            && people::strip_possessive(ws[end - 2].text(src)).1
            && joined(ws[end - 2], ws[end - 1])
        {
            end -= 1;
            document = true;
        }
        // Nothing but spaces between the name and its verb ("…, North
        // Tyneside, said" names a place in an aside).
        if end == 0 || end < k.saturating_sub(3) || (k < ws.len() && !joined(ws[end - 1], ws[end]))
        {
            return None;
        }
        let mut from = end;
        while from > 0 {
            let t = ws[from - 1].text(src);
            let inner = from < end;
            if inner && !joined(ws[from - 1], ws[from]) {
                break;
            }
            // A possessive only ends the run ("Acme’s statement").
            if inner && people::strip_possessive(t).1 {
                break;
            }
            let connector = inner
                && matches!(t, "of" | "for" | "and" | "&" | "on")
                && from >= 2
                && is_capitalized(ws[from - 2].text(src));
            if !(is_capitalized(t) || connector) {
                break;
            }
            from -= 1;
        }
        // "The Coast Guard said" at a sentence start.
        if from < end && matches!(ws[from].text(src), "The") {
            from += 1;
        }
        if from == end || end - from > 8 {
            return None;
        }
        let run = &ws[from..end];
        if !self
            .people
            .mentions_in(run[0].start, run[run.len() - 1].end)
            .is_empty()
        {
            return None;
        }
        let last = people::strip_possessive(run[run.len() - 1].text(src)).0;
        let first = run[0].text(src);
        let article = from > 0 && matches!(ws[from - 1].text(src), "the" | "The");
        let acronym = |t: &str| {
            let t = people::strip_possessive(t).0;
            t.len() >= 2
                && t.chars().filter(char::is_ascii_alphabetic).count() >= 2
                && t.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
        };
        let org_word = run.iter().any(|w| {
            let t = people::strip_possessive(w.text(src)).0;
            names::is_org_word(t) && !names::is_weak_org_word(t)
        }) || matches!(
            last,
            "Inc" | "Corp" | "Co" | "Ltd" | "LLC" | "plc" | "PLC" | "Group"
        );
        let title_only = run.iter().all(|w| {
            let t = people::strip_possessive(w.text(src)).0;
            names::is_title(t) || names::is_role_modifier(t)
        });
        // "the US President said": an office, not an organisation.
        let office = article && run.len() <= 3 && names::is_title(last) && !org_word;
        if title_only
            || office
            || names::is_stop_word(first)
            || names::is_calendar_word(first)
            || run
                .iter()
                .any(|w| names::first_name_gender(w.text(src)).is_some())
        {
            return None;
        }
        let single = run.len() == 1;
        if !(acronym(last) || org_word || article || document || loose) {
            return None;
        }
        if single && !acronym(last) && !document && !article && !loose {
            return None;
        }
        let from = if article { from - 1 } else { from };
        let name = src[run[0].start..run[run.len() - 1].end].to_string();
        let name = people::strip_possessive(&name)
            .0
            .trim_end_matches(['\'', '’']);
        Some((self.expand_acronym(name), from))
    }

    /// An organisation named right after a reporting verb at `i - 1` and
    /// ending the clause: "said Acme Corp.", "said the Coast Guard".
    fn org_after_verb(&self, ws: &[Word], i: usize) -> Option<(String, usize)> {
        let src = self.src;
        let mut e = i;
        if ws.get(e).is_some_and(|w| w.text(src) == "the") {
            e += 1;
        }
        while e < ws.len()
            && (is_capitalized(ws[e].text(src))
                || (matches!(ws[e].text(src), "of" | "for" | "and" | "&") && e > i))
            && (e == i
                || src[ws[e - 1].end..ws[e].start]
                    .trim_matches([' ', '\u{a0}'])
                    .is_empty())
        {
            e += 1;
        }
        if e == i {
            return None;
        }
        let (name, at) = self.org_before(&ws[..e], e, true)?;
        (at == i).then_some((name, e))
    }

    /// The full name an acronym stands for where the document spells it
    /// out: "the Bureau of Land Records (BLR)" makes "BLR" that name.
    fn expand_acronym(&self, name: &str) -> String {
        let src = self.src;
        let acronym = name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if !acronym {
            return name.to_string();
        }
        let key = format!("({name})");
        let Some(at) = src.find(&key) else {
            return name.to_string();
        };
        let from = src.floor_char_boundary(at.saturating_sub(120));
        let ws: Vec<Word> = words(src, from, at).collect();
        let mut k = ws.len();
        while k > 0 {
            let t = ws[k - 1].text(src);
            let connector = matches!(t, "of" | "for" | "and" | "on")
                && k >= 2
                && is_capitalized(ws[k - 2].text(src));
            let joined = k == ws.len() || src[ws[k - 1].end..ws[k].start].trim().is_empty();
            if !joined
                || !(is_capitalized(t) || connector)
                || (!connector && names::is_stop_word(t))
            {
                break;
            }
            k -= 1;
        }
        if ws.len() - k < 2 || !src[ws[ws.len() - 1].end..at].trim().is_empty() {
            return name.to_string();
        }
        src[ws[k].start..ws[ws.len() - 1].end].to_string()
    }

    /// The one person of the document whose surname is `w`.
    fn person_by_surname(&self, w: &str) -> Option<usize> {
        let mut found = None;
        for (i, p) in self.people.people.iter().enumerate() {
            if p.name.split_whitespace().count() >= 2
                && p.name.split_whitespace().next_back() == Some(w)
            {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// The subject-verb (or verb-subject) clause right after a quotation.
    fn after(&self, from: usize, to: usize) -> Option<Subject> {
        let src = self.src;
        let mut buf = [Word { start: 0, end: 0 }; 16];
        let mut n = 0;
        for (slot, w) in buf.iter_mut().zip(words(src, from, to)) {
            *slot = w;
            n += 1;
        }
        let ws = &buf[..n];
        let first = ws.first()?;
        // Only punctuation may separate the mark from the clause, and one
        // line break of a paragraph that runs on ("…,”\nRuiz said"; the
        // window `to` ends with the paragraph).
        let gap = &src[from..first.start];
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || ",.!?;—–-".contains(c))
            || gap.matches('\n').count() > 1
        {
            return None;
        }
        let t0 = first.text(src);
        if !is_capitalized(t0) && names::is_reporting_verb(t0) {
            let first = self.subject_at(ws, 1);
            // "…,” says the former editor of the Gazette, Colin Ashdown.
            if !matches!(first, Some((Subject::Person(_), _)))
                && ws.get(1).is_some_and(|w| !is_capitalized(w.text(src)))
                && let Some(comma) =
                    (2..ws.len().min(12)).find(|&c| src[ws[c - 1].end..ws[c].start].contains(','))
                && let Some((p @ Subject::Person(_), _)) = self.subject_at(ws, comma)
            {
                return Some(p);
            }
            if first.is_none() {
                // "…,” said Acme Corp."
                return self.org_after_verb(ws, 1).map(|(n, _)| Subject::Named(n));
            }
            return first.map(|(s, _)| s);
        }
        // "…,” as NPR’s Ana Ruiz reported."
        if t0 == "as"
            && let Some((s, mut k)) = self.subject_at(ws, 1)
            && !matches!(s, Subject::Group(..))
        {
            while let Some(w) = ws.get(k) {
                let t = w.text(src);
                if names::is_reporting_verb(t) && !is_capitalized(t) {
                    return Some(s);
                }
                if !names::is_adverb(t) || is_capitalized(t) {
                    break;
                }
                k += 1;
            }
        }
        if t0.eq_ignore_ascii_case("according") && ws.get(1).is_some_and(|w| w.text(src) == "to") {
            return self
                .subject_at(ws, 2)
                .map(|(s, _)| s)
                .or_else(|| (3..ws.len().min(7)).find_map(|k| self.author_after(ws, k)));
        }
        // "…,” the statement said, quoting Ana Ruiz.
        if let Some(q) = ws.iter().position(|w| w.text(src) == "quoting")
            && let Some((s @ Subject::Person(_), _)) = self.subject_at(ws, q + 1)
        {
            return Some(s);
        }
        let Some((s, mut k)) = self.subject_at(ws, 0) else {
            // "…,” the Coast Guard said." (not "…”. The Coast Guard said
            // the vote …", a new sentence).
            let inside = src[..from].trim_end_matches(['"', '”', '’', '\'']);
            if gap.contains(['.', '!', '?'])
                || !(gap.contains(',') || inside.ends_with([',', '!', '?']))
            {
                return None;
            }
            let v = ws
                .iter()
                .take(12)
                .position(|w| is_speech_verb(w.text(src)))?;
            let (name, at) = self.org_before(ws, v, false)?;
            return (at == 0).then_some(Subject::Named(name));
        };
        // "“…” — Ana Ruiz, Secretary of Labor": a credit after a dash.
        if gap.contains(['—', '–', '-']) && !matches!(s, Subject::Pronoun(..)) {
            return Some(s);
        }
        // Skip an appositive (", the county's budget director,") and adverbs.
        let (_, resume) = people::appositive(src, ws[k - 1].end);
        if resume > ws[k - 1].end {
            k = ws.partition_point(|w| w.start < resume);
        } else if matches!(s, Subject::Person(_))
            && let Some(aside) = src[ws[k - 1].end..to].strip_prefix(", ")
            && let Some(close) = aside.get(..aside.len().min(60)).and_then(|a| a.find(','))
            && !aside[..close].contains(['.', '"', '“', '”', '(', ';', ':'])
        {
            // "…,” Ruiz, Moss's deputy, said.": a short aside of any shape.
            let resume = ws[k - 1].end + 2 + close + 1;
            k = ws.partition_point(|w| w.start < resume);
        }
        for _ in 0..3 {
            let w = ws.get(k)?;
            let t = w.text(src);
            if is_capitalized(t) {
                return None;
            }
            if names::is_reporting_verb(t) {
                return Some(s);
            }
            if !names::is_adverb(t) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "…“…” mutually shared by both, he warned." or "…, according to
    /// the study.": a reporting clause closing the sentence, after a comma,
    /// when the quotation ends inside the sentence.
    fn trailing(&self, text: &Text<'_>, close_end: usize, to: usize) -> Option<Subject> {
        let src = self.src;
        let sent = text.sentences[text.sentence_index(close_end)?];
        let end = sent.end.min(src.len());
        if end <= close_end || end > to || end - close_end > 300 {
            return None;
        }
        let body = src[close_end..end].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'')
        });
        if body.contains(['"', '“', '”', '\n']) {
            return None;
        }
        let comma = close_end + body.rfind(',')? + 1;
        let ws: Vec<Word> = words(src, comma, close_end + body.len()).take(9).collect();
        if ws.is_empty() || ws.len() > 8 {
            return None;
        }
        if ws[0].text(src).eq_ignore_ascii_case("according")
            && ws.get(1).is_some_and(|w| w.text(src) == "to")
        {
            return self.subject_at(&ws, 2).map(|(s, _)| s);
        }
        let (s, mut k) = self.subject_at(&ws, 0)?;
        while let Some(w) = ws.get(k) {
            let t = w.text(src);
            if names::is_reporting_verb(t) && !t.ends_with("ing") && !is_capitalized(t) {
                return Some(s);
            }
            if !names::is_adverb(t) || is_capitalized(t) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// A credit line under a quotation that ends its line ("“…”\n— Ana
    /// Ruiz, Secretary of Labor", also inside a Markdown block quote).
    fn credit_line(&self, close_end: usize) -> Option<Subject> {
        let src = self.src;
        let line_end = line_end_near(src, close_end, AFTER_WINDOW);
        if line_end >= src.len() || !src[close_end..line_end].trim().is_empty() {
            return None;
        }
        let next_end = line_end_near(src, line_end + 1, AFTER_WINDOW);
        let line = &src[line_end + 1..next_end];
        // A list item that quotes someone else is not a credit.
        if line.len() > 120 || line.contains(['"', '“', '”', ':']) {
            return None;
        }
        let body = line.trim_start_matches(['>', ' ', '\t']);
        let rest = body
            .strip_prefix(['—', '–', '―'])
            .or_else(|| body.strip_prefix("--"))
            .or_else(|| body.strip_prefix("- "))?;
        let from = next_end - rest.len();
        let ws: Vec<Word> = words(src, from, next_end).take(16).collect();
        match self.subject_at(&ws, 0)? {
            (s @ (Subject::Person(_) | Subject::Role(..)), _) => Some(s),
            _ => None,
        }
    }

    /// "Radio Nord’s Ivo Brandt: “…”", "The Harbour Gazette: “…”": a line
    /// that opens with nothing but a name and a colon credits the quotation
    /// after it to that name (the "what they are saying" round-up), never to
    /// the speaker before.
    fn label(&self, open: usize) -> Option<Subject> {
        let src = self.src;
        let line = line_start_near(src, open, 160);
        let head = src[line..open].trim_end_matches([' ', '\t', '\u{a0}']);
        let label = head
            .strip_suffix(':')?
            .trim_start_matches(['>', ' ', '\t', '*', '-', '•'])
            .trim_end_matches('*');
        let from = open - (src[line..open].len() - src[line..open].find(label)?);
        if label.is_empty() || label.contains(['"', '“', '”', ',', ';', '?', '!', '(', ':']) {
            return None;
        }
        let ws: Vec<Word> = words(src, from, from + label.len()).collect();
        if ws.is_empty() || ws.len() > 8 || !is_capitalized(ws[0].text(src)) {
            return None;
        }
        let fits = ws.iter().all(|w| {
            let t = w.text(src);
            is_capitalized(t) || matches!(t, "of" | "the" | "and" | "for" | "de" | "on")
        });
        if !fits {
            return None;
        }
        if let Some(m) = self
            .people
            .mentions_in(from, from + label.len())
            .iter()
            .rev()
            .find(|m| !m.possessive)
        {
            return Some(Subject::Person(m.person));
        }
        // "Radio Nord’s Ivo Brandt": the name after the outlet's possessive.
        if let Some(k) = ws
            .iter()
            .rposition(|w| people::strip_possessive(w.text(src)).1)
        {
            let name = &ws[k + 1..];
            let person_like = name.len() >= 2
                && name.iter().all(|w| {
                    let t = w.text(src);
                    is_capitalized(t) && !names::is_title(t) && !names::is_org_word(t)
                });
            return person_like
                .then(|| Subject::Named(src[name[0].start..name[name.len() - 1].end].to_string()));
        }
        let first = ws[0].text(src);
        if ws.len() == 1 && (names::is_stop_word(first) || is_section_word(first)) {
            return None;
        }
        if ws
            .iter()
            .all(|w| names::is_title(w.text(src)) || names::is_role_modifier(w.text(src)))
            || names::is_calendar_word(first)
        {
            return None;
        }
        Some(Subject::Named(
            src[ws[0].start..ws[ws.len() - 1].end].to_string(),
        ))
    }

    /// "…,” one tenant said": a reporting verb right after the quotation whose
    /// speaker is not named.
    fn unnamed_after(&self, from: usize, to: usize) -> bool {
        let src = self.src;
        let rest =
            src[from..to].trim_start_matches(|c: char| c.is_whitespace() || ",.!?;—–-".contains(c));
        let start = to - rest.len();
        // "…ahead.” He declined to say when …": a new sentence after a
        // quotation closed by a full stop, or one that opens with "he" or
        // "she", is no reporting clause of an unnamed voice.
        let closed = src[..from]
            .trim_end_matches(['"', '”', '’', '\''])
            .ends_with('.');
        if let Some(first) = words(src, start, to).next() {
            let t = first.text(src);
            if names::is_subject_pronoun(t) || (closed && is_capitalized(t)) {
                return false;
            }
        }
        words(src, start, to).take(6).any(|w| {
            let t = w.text(src);
            !is_capitalized(t) && names::is_reporting_verb(t) && !t.ends_with("ing")
        })
    }

    /// "A voice is heard saying: “…”": a reporting clause before the
    /// quotation whose subject is someone unnamed.
    fn unnamed_before(&self, from: usize, open: usize) -> bool {
        let src = self.src;
        let mut ws = words(src, from, open);
        let Some(first) = ws.next() else {
            return false;
        };
        matches!(first.text(src), "A" | "An" | "One")
            && ws.next().is_some_and(|w| !is_capitalized(w.text(src)))
            && self.people.mentions_in(from, open).is_empty()
            && words(src, from, open).any(|w| is_speech_verb(w.text(src)))
    }

    /// The subject of the sentence right before a quotation that opens a
    /// sentence of its own, in the same paragraph ("Ruiz was blunt. “…”").
    fn introduced(&self, text: &Text<'_>, open: usize) -> Option<usize> {
        let src = self.src;
        if !opens_sentence(src, open) || open == 0 {
            return None;
        }
        let mut i = text.sentence_index(open.saturating_sub(1))?;
        // The block quote's "> " before the mark is no sentence of its own.
        let marker = &src[text.sentences[i].start.min(open)..open];
        if i > 0
            && marker.contains('>')
            && marker
                .trim_matches(|c: char| c.is_whitespace() || c == '>')
                .is_empty()
        {
            i -= 1;
        }
        let sent = text.sentences[i];
        let from = src.ceil_char_boundary(sent.start.max(open.saturating_sub(BEFORE_WINDOW)));
        let between = &src[sent.end.min(open)..open];
        let clause = &src[from..sent.end.min(open)];
        // "Ruiz replied.\n\n> “…”": a block quote under the sentence
        // that introduces it.
        let block_quote = between.contains('\n')
            && between
                .trim_matches(|c: char| c.is_whitespace() || c == '>')
                .is_empty()
            && between.trim_end_matches([' ', '\t']).ends_with('>');
        if (between.contains("\n\n") && !block_quote)
            || (between.contains('\n') && !block_quote && !clause.trim_end().ends_with(':'))
            || clause.contains(['"', '“', '”'])
            || clause.trim().len() < 8
        {
            return None;
        }
        let ws: Vec<Word> = words(src, from, sent.end.min(open)).collect();
        let mention = self
            .people
            .mentions_in(from, open)
            .iter()
            .find(|m| !m.object && !m.possessive);
        let pronoun = ws.iter().find(|w| names::is_subject_pronoun(w.text(src)));
        let subject = match (mention, pronoun) {
            (Some(m), Some(p)) if p.start < m.start => {
                Subject::Pronoun(names::pronoun_gender(p.text(src)), p.start)
            }
            (Some(m), _) => Subject::Person(m.person),
            (None, Some(p)) => Subject::Pronoun(names::pronoun_gender(p.text(src)), p.start),
            (None, None) => return None,
        };
        self.resolve(&subject)
    }

    /// A reporting clause before the quotation in its sentence.
    fn before(&self, from: usize, open: usize) -> Option<Subject> {
        let src = self.src;
        // One buffer for every quotation: no allocation per candidate.
        let mut buf = self.words_buf.take();
        buf.clear();
        buf.extend(words(src, from, open));
        let found = self.before_in(&buf, from, open);
        self.words_buf.set(buf);
        found
    }

    fn before_in(&self, ws: &[Word], from: usize, open: usize) -> Option<Subject> {
        let src = self.src;
        let last = ws.last()?;
        let tail = src[last.end..open].trim();
        let colon = tail.ends_with(':');
        // The last reporting verb in the clause.
        let verb = ws.iter().enumerate().rposition(|(k, w)| {
            let t = w.text(src);
            // "As Ruiz put it, “…”"
            let put_it = t == "put" && ws.get(k + 1).is_some_and(|n| n.text(src) == "it");
            (is_speech_verb(t) || put_it) && !self.inside_quote(w.start)
        });
        if let Some(v) = verb {
            // "…heads the Harbor Trust in Leeds, which says on its website
            // that “…”": the organisation the relative clause hangs on.
            if let Some(name) = self.relative_org(ws, v) {
                return Some(Subject::Named(name));
            }
            // "…, said Ana Ruiz: “…”" (but in "Moss said the governor “…”"
            // the governor is the subject of the reported clause).
            if let Some((s, next)) = self.subject_at(ws, v + 1)
                && next == ws.len()
                && !matches!(s, Subject::Pronoun(..))
                && tail.ends_with([',', ':', '—'])
            {
                return Some(s);
            }
            // "…, said the Coast Guard: “…”"
            if tail.ends_with([',', ':', '—'])
                && !matches!(
                    ws[v].text(src),
                    "told" | "tells" | "telling" | "asked" | "asks" | "warned" | "warns"
                )
                && self.nearest_subject(&ws[..v], from, ws[v].start).is_none()
                && let Some((name, e)) = self.org_after_verb(ws, v + 1)
                && e == ws.len()
            {
                return Some(Subject::Named(name));
            }
            // "The Coast Guard said: “…”"
            if let Some((name, _)) = self.org_before(ws, v, false) {
                return Some(Subject::Named(name));
            }
            // "The Harbour Party's letter to Ana Ruiz, the commissioner,
            // said:" — the writer, not the one written to.
            if let Some(s) = self.document_owner(&ws[..v]) {
                return Some(s);
            }
            // "…,” Ruiz asks, “…": a lone surname the people finder did not
            // take for a mention (it is also a title or a word).
            if v > 0
                && self
                    .people
                    .mentions_in(ws[v - 1].start, ws[v - 1].end)
                    .is_empty()
                && src[ws[v - 1].end..ws[v].start].trim().is_empty()
                && !(v > 1
                    && (is_preposition(ws[v - 2].text(src))
                        || is_capitalized(ws[v - 2].text(src))
                        || names::is_title(ws[v - 2].text(src))))
                && let Some((s @ Subject::Person(_), next)) = self.subject_at(ws, v - 1)
                && next == v
            {
                return Some(s);
            }
            // "Ruiz said the plan …, adding that …": a participle after a
            // comma shares the subject of the main clause.
            let participle = ws[v].text(src).ends_with("ing")
                && v > 0
                && src[ws[v - 1].end..ws[v].start].contains(',');
            if participle && let Some(s) = self.first_subject(&ws[..v], from, ws[v].start) {
                return Some(s);
            }
            return self.nearest_subject(&ws[..v], from, ws[v].start);
        }
        let according = ws.windows(2).position(|p| {
            p[0].text(src).eq_ignore_ascii_case("according") && p[1].text(src) == "to"
        });
        if let Some(a) = according {
            if let Some((s @ Subject::Person(_), _)) = self.subject_at(ws, a + 2) {
                return Some(s);
            }
            // "According to a 2018 survey by Ana Ruiz, …"
            if let Some(s) = (a + 3..ws.len().min(a + 7)).find_map(|k| self.author_after(ws, k)) {
                return Some(s);
            }
        }
        if colon {
            return self.first_subject(ws, from, open);
        }
        None
    }

    /// The organisation before ", which" when the reporting verb at `v`
    /// opens that relative clause: "the Harbor Trust, which says …", "the
    /// Harbor Trust in Leeds, which has long argued …" (a place after "in"
    /// or "at" closing the name is not the speaker).
    fn relative_org(&self, ws: &[Word], v: usize) -> Option<String> {
        let src = self.src;
        let mut r = v;
        while r > 0 && v - r < 3 && {
            let t = ws[r - 1].text(src);
            matches!(t, "has" | "have" | "had" | "long" | "also")
                || (names::is_adverb(t) && !is_capitalized(t))
        } {
            r -= 1;
        }
        if r < 2
            || ws[r - 1].text(src) != "which"
            || !src[ws[r - 2].end..ws[r - 1].start].contains(',')
        {
            return None;
        }
        let joined =
            |a: Word, b: Word| src[a.end..b.start].trim_matches([' ', '\u{a0}']).is_empty();
        // The start of the capitalized run that ends before `end`.
        let run_start = |end: usize| {
            let mut s = end;
            while s > 0 {
                let t = ws[s - 1].text(src);
                let inner = s < end;
                if inner && !joined(ws[s - 1], ws[s]) {
                    break;
                }
                let connector = inner
                    && matches!(t, "of" | "for" | "and" | "&" | "on")
                    && s >= 2
                    && is_capitalized(ws[s - 2].text(src));
                if !(is_capitalized(t) || connector) {
                    break;
                }
                s -= 1;
            }
            s
        };
        let mut end = r - 1;
        let mut s = run_start(end);
        if s >= 2
            && s < end
            && matches!(ws[s - 1].text(src), "in" | "at")
            && joined(ws[s - 2], ws[s - 1])
            && is_capitalized(ws[s - 2].text(src))
        {
            end = s - 1;
            s = run_start(end);
        }
        if s < end && ws[s].text(src) == "The" {
            s += 1;
        }
        if s >= end || end - s > 8 {
            return None;
        }
        let article = s > 0 && matches!(ws[s - 1].text(src), "the" | "The");
        self.org_name((ws[s].start, ws[end - 1].end), article)
    }

    /// "a 2019 study by Ana Ruiz", "a survey by the Harlow Institute": the
    /// author named after the document noun at `k` and "by".
    fn author_after(&self, ws: &[Word], k: usize) -> Option<Subject> {
        let src = self.src;
        let w = *ws.get(k)?;
        let t = w.text(src);
        if !is_document_noun(t) || ws.get(k + 1)?.text(src) != "by" {
            return None;
        }
        if let Some((s @ Subject::Person(_), _)) = self.subject_at(ws, k + 2) {
            return Some(s);
        }
        // A given name and a surname the people finder did not place ("a
        // survey by Karen Brun of the State University").
        if let [first, next, ..] = ws.get(k + 2..)?
            && names::first_name_gender(first.text(src)).is_some()
            && is_capitalized(next.text(src))
            && !names::is_title(next.text(src))
        {
            let mut e = k + 3;
            while e + 1 < ws.len()
                && e < k + 5
                && is_capitalized(ws[e + 1].text(src))
                && src[ws[e].end..ws[e + 1].start].trim().is_empty()
            {
                e += 1;
            }
            let name = people::strip_possessive(&src[first.start..ws[e].end]).0;
            return Some(Subject::Named(
                name.trim_end_matches(['\'', '’']).to_string(),
            ));
        }
        let end = ws[(k + 12).min(ws.len() - 1)].end;
        self.group_org(t, w.start, end).map(Subject::Named)
    }

    /// "The Harbour Party's letter to …": a clause that opens with a
    /// possessive name and a document noun is that name's statement.
    fn document_owner(&self, ws: &[Word]) -> Option<Subject> {
        let src = self.src;
        let k = (0..ws.len().saturating_sub(1).min(6)).find(|&k| {
            (people::strip_possessive(ws[k].text(src)).1 || people::possessive_after(src, ws[k]))
                && is_capitalized(ws[k].text(src))
                && is_statement_noun(ws[k + 1].text(src))
                && src[ws[k].end..ws[k + 1].start]
                    .trim_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                    .is_empty()
        })?;
        let mut s = k;
        while s > 0
            && src[ws[s - 1].end..ws[s].start].trim().is_empty()
            && (is_capitalized(ws[s - 1].text(src))
                || matches!(ws[s - 1].text(src), "of" | "for" | "and"))
        {
            s -= 1;
        }
        if ws[s].text(src) == "The" {
            s += 1;
        }
        // Only as the clause's subject, at its start.
        if s > 1 || (s == 1 && !matches!(ws[0].text(src), "the" | "The")) || s > k {
            return None;
        }
        if let Some(m) = self
            .people
            .mentions_in(ws[s].start, ws[k].end)
            .iter()
            .find(|m| !self.inside_quote(m.start))
        {
            return Some(Subject::Person(m.person));
        }
        let (name, _) = self.org_before(&ws[..k + 1], k + 1, true)?;
        Some(Subject::Named(name))
    }

    /// The candidate subject nearest before `to`: a person named as a subject,
    /// a pronoun, or "the governor".
    fn nearest_subject(&self, ws: &[Word], from: usize, to: usize) -> Option<Subject> {
        let src = self.src;
        let mention = self.people.mentions_in(from, to).iter().rev().find(|m| {
            // A name right before the verb is its subject, whatever
            // came before the name ("Last spring Ruiz accused …").
            // Not "A spokesperson for Ruiz said …", though.
            let next_to_verb = matches!(
                src[m.end..to].trim(),
                "" | "himself" | "herself" | "themselves"
            ) && !people::prev_word(src, m.start)
                .is_some_and(|w| is_preposition(w.text(src)));
            // "led by chairman Ana Ruiz": an object after a lowercase title.
            let titled_object = || {
                let mut at = m.start;
                for _ in 0..3 {
                    let Some(w) = people::prev_word(src, at) else {
                        return false;
                    };
                    let t = w.text(src);
                    if is_preposition(t) {
                        return true;
                    }
                    if is_capitalized(t) || !(names::is_title(t) || names::is_role_modifier(t)) {
                        return false;
                    }
                    at = w.start;
                }
                false
            };
            (!m.object || next_to_verb)
                && !m.possessive
                && !self.inside_quote(m.start)
                && (next_to_verb || !titled_object())
        });
        let mut best: Option<(usize, Subject)> =
            mention.map(|m| (m.start, Subject::Person(m.person)));
        for (k, w) in ws.iter().enumerate().rev() {
            if best.as_ref().is_some_and(|(p, _)| *p > w.start) {
                break;
            }
            if self.inside_quote(w.start) {
                continue;
            }
            let t = w.text(src);
            if names::is_subject_pronoun(t) {
                best = Some((w.start, Subject::Pronoun(names::pronoun_gender(t), w.start)));
                break;
            }
            if matches!(t, "the" | "The")
                && let Some((s @ Subject::Role(..), _)) = self.subject_at(ws, k)
            {
                // "Reed, who will be the firm's chairman, told …": a role no
                // one holds leaves the name before it the subject.
                if best.is_some() && self.resolve(&s).is_none() {
                    break;
                }
                best = Some((w.start, s));
                break;
            }
            // "A Harbour Party source said: “…”"
            if matches!(t, "a" | "A" | "an" | "An")
                && let Some((s @ Subject::Named(_), next)) = self.subject_at(ws, k)
                && next == ws.len()
            {
                best = Some((w.start, s));
                break;
            }
            // "A 2019 study by the Harlow Institute concluded that …"
            if best.is_none()
                && let Some(s) = self.author_after(ws, k)
            {
                best = Some((w.start, s));
                break;
            }
            // "Lawmakers on the Budget Committee, led by …, requested …":
            // a group noun tied to its organisation.
            if is_group_noun(t)
                && t.ends_with('s')
                && ws.get(k + 1).is_some_and(|n| is_group_link(n.text(src)))
                && self.group_org(t, w.start, to).is_some()
            {
                best = Some((w.start, Subject::Group(t.to_string(), to)));
                break;
            }
            // "…, they said: “…”", "The lawmakers added that …": a group
            // only right before its verb.
            if matches!(t, "they" | "They" | "it" | "It" | "the" | "The")
                && let Some((s @ Subject::Group(..), next)) = self.subject_at(ws, k)
                && ws[next..]
                    .iter()
                    .all(|x| names::is_adverb(x.text(src)) && !is_capitalized(x.text(src)))
            {
                best = Some((w.start, s));
                break;
            }
        }
        best.map(|(_, s)| s)
    }

    /// The first person or pronoun of a clause introducing a quotation with a
    /// colon ("Ruiz on social media: “…”", "His reply: “…”").
    fn first_subject(&self, ws: &[Word], from: usize, to: usize) -> Option<Subject> {
        let src = self.src;
        // "Quote from Ana Ruiz:", "Statement by the governor:".
        let credit = ws.len() >= 2
            && matches!(
                ws[0].text(src).to_lowercase().as_str(),
                "quote" | "statement" | "remarks" | "comment" | "comments" | "message"
            )
            && matches!(ws[1].text(src), "from" | "by" | "of");
        let mention = self
            .people
            .mentions_in(from, to)
            .iter()
            .find(|m| (credit || !m.object) && !self.inside_quote(m.start));
        let pronoun = ws.iter().find(|w| {
            let t = w.text(src);
            (names::is_subject_pronoun(t) || names::is_possessive_pronoun(t))
                && !self.inside_quote(w.start)
        });
        match (mention, pronoun) {
            (Some(m), Some(p)) if p.start < m.start => Some(Subject::Pronoun(
                names::pronoun_gender(p.text(src)),
                p.start,
            )),
            (Some(m), _) => Some(Subject::Person(m.person)),
            (None, Some(p)) => Some(Subject::Pronoun(
                names::pronoun_gender(p.text(src)),
                p.start,
            )),
            (None, None) => None,
        }
    }

    /// The person a subject stands for.
    fn resolve(&self, s: &Subject) -> Option<usize> {
        match *s {
            Subject::Person(p) => Some(p),
            Subject::Pronoun(g, pos) => self.resolve_pronoun(pos, g),
            Subject::Role(ref title, pos) => self.resolve_role(pos, title).or_else(|| {
                // "a bureau spokesperson said": speaking for the
                // organisation the text is about.
                let indefinite = self.src[pos..].starts_with(['a', 'A'])
                    && words(self.src, pos, pos + 3)
                        .next()
                        .is_some_and(|w| matches!(w.text(self.src), "a" | "A" | "an" | "An"));
                if !(indefinite && is_spokes_title(title)) {
                    return None;
                }
                let name = self.resolve_group("it", pos, 0)?;
                self.resolve(&Subject::Named(name))
            }),
            Subject::Group(ref noun, pos) => {
                let name = self.resolve_group(noun, pos, 0)?;
                self.resolve(&Subject::Named(name))
            }
            Subject::Named(ref name) => {
                let mut named = self.named.borrow_mut();
                let i = match named.iter().position(|n| n == name) {
                    Some(i) => i,
                    None => {
                        named.push(name.clone());
                        named.len() - 1
                    }
                };
                Some(self.people.people.len() + i)
            }
        }
    }

    /// Whether speaker `who` fits a pronoun of gender `g`: an organisation
    /// or an unplaced name is never "he" or "she".
    fn fits(&self, who: usize, g: Option<Gender>) -> bool {
        who < self.people.people.len() && self.people.fits(who, g)
    }

    /// The name and role of speaker `who`.
    fn speaker(&self, who: usize) -> (String, Option<String>) {
        match self.people.people.get(who) {
            Some(p) => (p.name.clone(), p.role.clone()),
            None => (
                self.named
                    .borrow()
                    .get(who - self.people.people.len())
                    .cloned()
                    .unwrap_or_default(),
                None,
            ),
        }
    }

    /// The nearest person before `pos` who fits the pronoun: named as a
    /// subject outside quotation marks, or credited with a quotation.
    fn resolve_pronoun(&self, pos: usize, g: Option<Gender>) -> Option<usize> {
        let floor = pos.saturating_sub(PRONOUN_WINDOW);
        let named = self
            .people
            .mentions_in(floor, pos)
            .iter()
            .rev()
            .take(40)
            .find(|m| !m.object && !self.inside_quote(m.start) && self.people.fits(m.person, g))
            .map(|m| {
                // "Park met with Cho and the city manager, Janet Ruiz. “…,”
                // she said": the sentence's subject, named first, not the
                // last name in it.
                let start = self
                    .text
                    .sentence_index(m.start)
                    .map_or(m.start, |i| self.text.sentences[i].start.max(floor));
                let first = self
                    .people
                    .mentions_in(start, m.start)
                    .iter()
                    .find(|f| {
                        !f.object
                            && !f.possessive
                            && !self.inside_quote(f.start)
                            && self.people.fits(f.person, g)
                    })
                    .unwrap_or(m);
                (m.start, first.person)
            });
        let credited = self
            .credited
            .iter()
            .rev()
            .take_while(|(p, _)| *p >= floor)
            .find(|(p, who)| *p < pos && self.fits(*who, g))
            .copied();
        match (named, credited) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }

    /// The organisation "they", "it" or "the committee" at `pos` stands for.
    /// "they"/"it": the subject of a recent sentence that is an organisation
    /// ("Lakeview Records have denied it. “…,” they said"), or the
    /// organisation credited with the quotation before; a person named as
    /// a subject first makes it nobody's. A group noun: the nearest
    /// organisation named with it ("lawmakers on the Budget Committee",
    /// "a study by the Harlow Institute") or holding it ("the Budget
    /// Committee" for "the committee").
    fn resolve_group(&self, noun: &str, pos: usize, depth: usize) -> Option<String> {
        if depth > 3 {
            return None;
        }
        let src = self.src;
        let floor = src.floor_char_boundary(pos.saturating_sub(PRONOUN_WINDOW));
        if !matches!(noun, "they" | "it") {
            if let Some(org) = self.group_org(noun, floor, pos) {
                self.groups
                    .borrow_mut()
                    .push((noun.to_string(), org.clone()));
                return Some(org);
            }
            // Named with its organisation earlier in the document.
            if let Some((_, org)) = self.groups.borrow().iter().rev().find(|(n, _)| n == noun) {
                return Some(org.clone());
            }
            // "The letter stated": the organisation credited just before.
            if is_statement_noun(noun) {
                return self
                    .credited
                    .iter()
                    .rev()
                    .take_while(|(p, _)| *p >= floor)
                    .find(|(p, who)| *p < pos && *who >= self.people.people.len())
                    .map(|&(_, who)| self.speaker(who).0);
            }
            return None;
        }
        let credited = self
            .credited
            .iter()
            .rev()
            .take_while(|(p, _)| *p >= floor)
            .find(|(p, _)| *p < pos)
            .copied();
        let mut i = self.text.sentence_index(pos)?;
        for _ in 0..8 {
            let sent = self.text.sentences[i];
            if sent.start < floor {
                break;
            }
            // The quotation credited before, when this sentence holds it.
            if let Some((at, who)) = credited
                && at >= sent.start
                && at < pos
            {
                return (who >= self.people.people.len()).then(|| self.speaker(who).0);
            }
            let end = sent.end.min(pos);
            if let Some(found) = self.sentence_subject(sent.start, end, depth) {
                return found;
            }
            i = i.checked_sub(1)?;
        }
        None
    }

    /// What the sentence `from..to` opens with as its subject: `None` when
    /// it opens otherwise, `Some(None)` for a person (or a pronoun for one),
    /// `Some(Some(org))` for an organisation.
    fn sentence_subject(&self, from: usize, to: usize, depth: usize) -> Option<Option<String>> {
        let src = self.src;
        let ws: Vec<Word> = words(src, from, to).take(24).collect();
        let first = *ws.first()?;
        // Only a sentence that opens with a word, not with a quotation.
        if !src[from..first.start].trim().is_empty() {
            return None;
        }
        let t = first.text(src);
        if names::is_subject_pronoun(t) {
            return Some(None);
        }
        if matches!(t, "They" | "It") {
            return None;
        }
        if let Some(m) = self.people.mentions_in(from, first.end + 1).first()
            && !self.inside_quote(m.start)
        {
            // "Lakeview Records have denied …": a name with no given name
            // before a plural verb is a company or a band, not a person.
            let name = &self.people.people[m.person].name;
            let plural = words(src, m.end, (m.end + 40).min(to))
                .next()
                .is_some_and(|w| {
                    src[m.end..w.start].trim().is_empty()
                        && matches!(w.text(src), "have" | "are" | "were")
                });
            let given = name
                .split_whitespace()
                .next()
                .is_some_and(|f| names::first_name_gender(f).is_some());
            if plural && !given && !m.possessive && name.contains(' ') {
                return Some(Some(name.clone()));
            }
            // "Ruiz and her colleagues asked …": a body of people, not her.
            let mut next = words(src, m.end, to).take(3);
            if next.next().is_some_and(|w| w.text(src) == "and")
                && next
                    .next()
                    .is_some_and(|w| names::is_possessive_pronoun(w.text(src)))
                && next.next().is_some_and(|w| w.text(src).ends_with('s'))
            {
                return None;
            }
            return Some(None);
        }
        let mut i = 0;
        if matches!(t, "The") {
            i = 1;
            if let Some(n) = ws.get(1)
                && is_group_noun(n.text(src))
            {
                // "The company that runs the fair, Harbor Events Ltd, denies …"
                if let Some((name, _)) = self.appositive_org(&ws[2..]) {
                    return Some(Some(name));
                }
                return Some(self.resolve_group(n.text(src), n.start, depth + 1));
            }
        }
        let (run, next) = self.cap_run(&ws, i)?;
        // The run is the subject only when a lowercase word (its verb)
        // follows it directly.
        let verb = ws.get(next)?;
        if is_capitalized(verb.text(src)) || !src[ws[next - 1].end..verb.start].trim().is_empty() {
            return None;
        }
        self.org_name(run, i == 1).map(Some)
    }

    /// A capitalized run from word `i` ("Harbor Events Productions",
    /// "Committee on the Budget"), with inner "of", "on", "the", "and",
    /// "for", "&"; and the index of the word after it.
    fn cap_run(&self, ws: &[Word], i: usize) -> Option<((usize, usize), usize)> {
        let src = self.src;
        let joined =
            |a: Word, b: Word| src[a.end..b.start].trim_matches([' ', '\u{a0}']).is_empty();
        if !is_capitalized(ws.get(i)?.text(src)) {
            return None;
        }
        let mut end = i + 1;
        let mut k = i + 1;
        while k < ws.len() && joined(ws[k - 1], ws[k]) && k - i < 20 {
            let t = ws[k].text(src);
            if is_capitalized(t) {
                k += 1;
                end = k;
                // A possessive goes on only into a capitalized name
                // ("Rand Corp’s Center on Housing").
                continue;
            }
            if matches!(t, "of" | "on" | "the" | "and" | "for" | "&" | "de") {
                k += 1;
                continue;
            }
            break;
        }
        Some(((ws[i].start, ws[end - 1].end), end))
    }

    /// The byte range `run` as an organisation's name, if it can be one: no
    /// person named in it, not a title, a date or a pronoun, and either
    /// two words or more, an acronym, an organisation word, or after "the".
    fn org_name(&self, (s, e): (usize, usize), article: bool) -> Option<String> {
        let src = self.src;
        if !self.people.mentions_in(s, e).is_empty() {
            return None;
        }
        let ws: Vec<Word> = words(src, s, e).collect();
        let first = ws.first()?.text(src);
        let org_word = ws.iter().any(|w| {
            let t = people::strip_possessive(w.text(src)).0;
            names::is_org_word(t) && !names::is_weak_org_word(t)
        });
        // A given name makes it a person's unless an organisation word
        // says otherwise ("Rand Corp").
        if names::is_stop_word(first)
            || names::is_calendar_word(first)
            || ws.iter().any(|w| {
                let t = people::strip_possessive(w.text(src)).0;
                !org_word
                    && (names::first_name_gender(t).is_some()
                        || names::is_title(t)
                        || names::is_role_modifier(t))
            })
        {
            return None;
        }
        let acronym = ws.len() == 1 && {
            let t = people::strip_possessive(first).0;
            t.len() >= 2
                && t.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
        };
        if !(ws.len() >= 2 || acronym || org_word || article) {
            return None;
        }
        let name = people::strip_possessive(&src[s..e])
            .0
            .trim_end_matches(['\'', '’']);
        Some(self.expand_acronym(name))
    }

    /// ", Harbor Events Ltd," right after a group noun's clause: the
    /// organisation named in apposition within the first words.
    fn appositive_org(&self, ws: &[Word]) -> Option<(String, usize)> {
        let src = self.src;
        let comma =
            (1..ws.len().min(10)).find(|&k| src[ws[k - 1].end..ws[k].start].contains(','))?;
        let (run, next) = self.cap_run(ws, comma)?;
        let closes = ws
            .get(next)
            .is_some_and(|w| src[ws[next - 1].end..w.start].contains(','));
        if !closes {
            return None;
        }
        self.org_name(run, false).map(|n| (n, next))
    }

    /// The organisation nearest before `pos` that a group noun stands for:
    /// named right after the noun and a link ("lawmakers on the Budget
    /// Committee", "a study by the Harlow Institute") or in apposition ("the
    /// company, Harbor Events Ltd,"), or holding the noun itself ("the Budget
    /// Committee" for "the committee").
    fn group_org(&self, noun: &str, floor: usize, pos: usize) -> Option<String> {
        let src = self.src;
        let ws: Vec<Word> = words(src, floor, pos).collect();
        for k in (0..ws.len()).rev() {
            let t = ws[k].text(src);
            // Most words are not the noun: compare before the quote lookup.
            let named_form =
                || is_capitalized(t) && people::strip_possessive(t).0.eq_ignore_ascii_case(noun);
            if (t != noun && !named_form()) || self.inside_quote(ws[k].start) {
                continue;
            }
            if t == noun {
                let mut j = k + 1;
                if ws.get(j).is_some_and(|w| is_group_link(w.text(src))) {
                    j += 1;
                    if ws.get(j).is_some_and(|w| w.text(src) == "the") {
                        j += 1;
                    }
                    if let Some((run, _)) = self.cap_run(&ws, j)
                        && let Some(name) = self.org_name(run, true)
                    {
                        return Some(name);
                    }
                } else if let Some((name, _)) = self.appositive_org(&ws[k..]) {
                    return Some(name);
                }
                continue;
            }
            if is_capitalized(t)
                && people::strip_possessive(t).0.eq_ignore_ascii_case(noun)
                && k > 0
                && (is_capitalized(ws[k - 1].text(src))
                    || ws.get(k + 1).is_some_and(|n| is_capitalized(n.text(src))))
            {
                // The start of the run that holds the noun.
                let mut s = k;
                while s > 0 {
                    let p = ws[s - 1].text(src);
                    let joined = src[ws[s - 1].end..ws[s].start].trim().is_empty();
                    if !joined || !(is_capitalized(p) || matches!(p, "of" | "on" | "the" | "and")) {
                        break;
                    }
                    s -= 1;
                }
                while s < k && !is_capitalized(ws[s].text(src)) {
                    s += 1;
                }
                if let Some((run, _)) = self.cap_run(&ws, s)
                    && let Some(name) = self.org_name(run, true)
                {
                    return Some(name);
                }
            }
        }
        None
    }

    /// The person nearest before `pos` whose role is `title` ("the mayor").
    fn resolve_role(&self, pos: usize, title: &str) -> Option<usize> {
        let has_role = |p: usize| {
            self.people.people[p]
                .role
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains(title.trim_end_matches('.')))
        };
        let floor = pos.saturating_sub(PRONOUN_WINDOW * 2);
        if let Some(m) = self
            .people
            .mentions_in(floor, pos)
            .iter()
            .rev()
            .find(|m| has_role(m.person))
        {
            return Some(m.person);
        }
        let mut all = (0..self.people.people.len()).filter(|&p| has_role(p));
        match (all.next(), all.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    }
}

/// Whether an article before a quotation follows a speaker's verb in the
/// same clause ("Ruiz called the plan a “…”", "said the “…”"), so the
/// quotation is the speaker's words rather than a name or a label.
fn characterised(src: &str, sentence_start: usize, article: Word) -> bool {
    if !matches!(
        article.text(src).to_lowercase().as_str(),
        "a" | "an" | "the" | "its" | "their"
    ) {
        return false;
    }
    let from = src.ceil_char_boundary(sentence_start.max(article.start.saturating_sub(120)));
    let ws: Vec<Word> = words(src, from, article.start).collect();
    ws.iter()
        .rev()
        .take(8)
        .take_while(|w| !src[w.end..article.start].contains(['"', '“', '”']))
        .any(|w| {
            let t = w.text(src);
            is_speech_verb(t) && !matches!(t, "dubbed" | "named" | "titled")
        })
}

/// Whether the quotation opens a sentence: nothing but a sentence end,
/// a line break or another quotation before it.
fn opens_sentence(src: &str, open: usize) -> bool {
    let before = near_before(src, open, 64).trim_end_matches([' ', '\t', '\u{a0}', '>']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '”', '"', ')', '—'])
}

/// The up to `n` bytes before `pos` (on a character boundary).
fn near_before(src: &str, pos: usize, n: usize) -> &str {
    &src[src.floor_char_boundary(pos.saturating_sub(n))..pos]
}

/// The start of the line holding `pos`, looking back at most `n` bytes (so
/// a document with no line breaks stays linear).
fn line_start_near(src: &str, pos: usize, n: usize) -> usize {
    let from = src.floor_char_boundary(pos.saturating_sub(n));
    src[from..pos].rfind('\n').map_or(from, |p| from + p + 1)
}

/// The end of the line holding `pos`, looking ahead at most `n` bytes.
fn line_end_near(src: &str, pos: usize, n: usize) -> usize {
    let to = src.floor_char_boundary((pos + n).min(src.len()));
    src[pos..to].find('\n').map_or(to, |p| pos + p)
}

/// The start of the paragraph holding `pos`, looking back at most `n` bytes:
/// the line's start, or an earlier one when the text is hard-wrapped
/// ("He warned that the\nplan “…”").
fn paragraph_start_near(text: &Text<'_>, pos: usize, n: usize) -> usize {
    let line = line_start_near(text.src, pos, n);
    let para = text.paragraph_range(pos).0;
    text.src
        .ceil_char_boundary(para.min(line).max(pos.saturating_sub(n)))
}

/// The end of the paragraph holding `pos`, looking ahead at most `n` bytes:
/// the line's end, or a later one when the text is hard-wrapped ("“…,”
/// said\nGov. Ana Ruiz.").
fn paragraph_end_near(text: &Text<'_>, pos: usize, n: usize) -> usize {
    let src = text.src;
    let line = line_end_near(src, pos, n);
    let para = text.paragraph_range(pos).1;
    // The paragraph range ends where the next one starts, after its break.
    let para = src[..para.min(src.len())]
        .trim_end_matches(['\n', '\r'])
        .len();
    src.floor_char_boundary(line.max(para).min(pos + n).min(src.len()))
}

/// Every attributed direct quotation of at least four words.
pub fn find(text: &Text<'_>, people: &People) -> Quotes {
    let src = text.src;
    let spans = pair_marks(src, uses_single_marks(src));
    let mut ctx = Ctx {
        src,
        text,
        people,
        spans: &spans,
        credited: Vec::new(),
        words_buf: std::cell::Cell::new(Vec::new()),
        named: std::cell::RefCell::new(Vec::new()),
        groups: std::cell::RefCell::new(Vec::new()),
    };
    let mut facts = Vec::new();
    // The last quotation long enough to count, and its speaker when credited.
    let mut prev_long: Option<(usize, Option<usize>)> = None;
    for (k, span) in spans.iter().enumerate() {
        let head = k
            .checked_sub(1)
            .and_then(|h| interrupted_head(src, &spans[h], span));
        let long = enough_words(src, span)
            || head.is_some_and(|h| {
                words(src, h.0, h.1)
                    .chain(span.pieces().flat_map(|p| words(src, p.0, p.1)))
                    .filter(|w| w.text(src).chars().any(char::is_alphabetic))
                    .nth(MIN_WORDS - 1)
                    .is_some()
            });
        if !long {
            // "“We heard you,” she said. “We did not ignore you.”": a short
            // quotation with its own attribution still names the speaker
            // that the next quotation continues.
            if opens_sentence(src, span.open)
                && let Some(who) = short_speaker(&ctx, text, span, spans.get(k + 1))
            {
                ctx.credited.push((span.open, who));
                prev_long = Some((k, Some(who)));
            }
            continue;
        }
        let boundary = prev_long.map_or(0, |(i, _)| spans[i].close_end);
        let prev_speaker = prev_long.and_then(|(_, s)| s);
        prev_long = Some((k, None));
        if is_title_like(src, span) {
            continue;
        }
        let sentence_start = text
            .sentence_index(span.open)
            .map_or(0, |i| text.sentences[i].start.min(span.open));
        if people::prev_word(src, span.open).is_some_and(|w| {
            is_label_word(w.text(src))
                && !characterised(src, sentence_start, w)
                && !predicate_after_noun(src, w, span)
        }) {
            continue;
        }
        let line_end = paragraph_end_near(text, span.close_end, AFTER_WINDOW);
        let next_open = spans.get(k + 1).map_or(src.len(), |s| s.open);
        let after_end =
            src.floor_char_boundary(line_end.min(next_open).min(span.close_end + AFTER_WINDOW));
        let para_start = paragraph_start_near(text, span.open, BEFORE_WINDOW);
        let clause_start = src.ceil_char_boundary(
            sentence_start
                .max(boundary)
                .max(para_start)
                .max(span.open.saturating_sub(BEFORE_WINDOW)),
        );
        // "…ends here.” Ruiz replied: “…”": a clause after a finished
        // sentence that leads into the next quotation introduces that one.
        let leads_on = after_end == next_open
            && near_before(src, span.close_end, 16)
                .trim_end_matches(['"', '”', ' '])
                .ends_with(['.', '!', '?'])
            && near_before(src, next_open, 64)
                .trim_end()
                .ends_with([':', ',']);
        // "…issued a statement:\n“…”": the clause ends a line before the mark.
        let near = near_before(src, span.open, 64);
        // A Markdown block quote's "> " belongs to neither.
        let before_mark = near.trim_end_matches(|c: char| c.is_whitespace() || c == '>');
        let colon = span.open - near.len() + before_mark.len();
        let clause_start = if before_mark.ends_with(':') && clause_start >= colon {
            let colon = colon - 1;
            let s = text
                .sentence_index(colon)
                .map_or(0, |i| text.sentences[i].start);
            src.ceil_char_boundary(s.max(boundary).max(span.open.saturating_sub(BEFORE_WINDOW)))
        } else {
            clause_start
        };
        let subject = (!leads_on)
            .then(|| ctx.after(span.close_end, after_end))
            .flatten()
            .or_else(|| ctx.credit_line(span.close_end))
            .or_else(|| ctx.label(span.open))
            .or_else(|| ctx.before(clause_start, span.open))
            .or_else(|| {
                // "Ruiz said that “…” and “…”": a second quotation of the
                // sentence shares its reporting clause.
                let from = src.ceil_char_boundary(
                    sentence_start
                        .max(para_start)
                        .max(span.open.saturating_sub(BEFORE_WINDOW)),
                );
                (from < clause_start && !before_mark.ends_with(':'))
                    .then(|| ctx.before(from, span.open))
                    .flatten()
            })
            .or_else(|| ctx.trailing(text, span.close_end, after_end));
        let mut speaker = subject.as_ref().and_then(|s| ctx.resolve(s));
        // With no attribution at all (not even "one tenant said"), the quote
        // may continue the last speaker or belong to the subject of the
        // sentence that introduces it ("Ruiz was blunt. “…”").
        if speaker.is_none()
            && subject.is_none()
            && (leads_on || !ctx.unnamed_after(span.close_end, after_end))
            && !ctx.unnamed_before(clause_start, span.open)
        {
            speaker = continuation(&ctx, text, span, boundary, prev_speaker)
                .or_else(|| ctx.introduced(text, span.open))
                .or_else(|| answer_speaker(&ctx, text, span))
                .or_else(|| paragraph_speaker(&ctx, text, span));
        }
        let Some(who) = speaker else {
            continue;
        };
        ctx.credited.push((span.open, who));
        prev_long = Some((k, Some(who)));
        // A quotation over several paragraphs is one quotation per paragraph
        // (each opens with its own mark), all by the same speaker.
        if head.is_none() && !span.rest.is_empty() {
            let pieces: Vec<(usize, usize)> = span
                .pieces()
                .map(|p| trim_full_stop(src, trim_piece(src, p)))
                .filter(|p| p.1 > p.0)
                .collect();
            let (name, role) = ctx.speaker(who);
            let outlet = outlets::near_quote(
                src,
                people,
                (clause_start, span.open),
                (span.close_end, after_end),
            );
            for (s, e) in pieces {
                let mut f = Found::new(
                    FactKind::Quote,
                    s,
                    e,
                    Value::Text(collapse_spaces(&src[s..e])),
                );
                f.detail = Detail::Quote {
                    speaker: Some(name.clone()),
                    speaker_role: role.clone(),
                    outlet: outlet.clone(),
                };
                facts.push(f);
            }
            continue;
        }
        let (first, last, joined) = if span.rest.is_empty() && head.is_none() {
            let p = trim_piece(src, span.first);
            if p.1 <= p.0 {
                continue;
            }
            let p = trim_full_stop(src, p);
            (p, p, None)
        } else {
            let mut pieces: Vec<(usize, usize)> = head
                .into_iter()
                .chain(span.pieces())
                .map(|p| trim_piece(src, p))
                .filter(|p| p.1 > p.0)
                .collect();
            if let Some(last) = pieces.last_mut() {
                *last = trim_full_stop(src, *last);
            }
            let (Some(&first), Some(&last)) = (pieces.first(), pieces.last()) else {
                continue;
            };
            let joined = pieces
                .iter()
                .map(|&(s, e)| &src[s..e])
                .collect::<Vec<_>>()
                .join(" ");
            (first, last, (pieces.len() > 1).then_some(joined))
        };
        let (name, role) = ctx.speaker(who);
        let collapsed = collapse_spaces(joined.as_deref().unwrap_or(&src[first.0..last.1]));
        let mut f = Found::new(FactKind::Quote, first.0, last.1, Value::Text(collapsed));
        f.text = joined;
        f.detail = Detail::Quote {
            speaker: Some(name),
            speaker_role: role,
            outlet: outlets::near_quote(
                src,
                people,
                (clause_start, span.open),
                (span.close_end, after_end),
            ),
        };
        facts.push(f);
    }
    Quotes {
        facts,
        outlets: people.outlets.clone(),
    }
}

/// The first half of an interrupted quotation too short to stand alone:
/// "“The plan,” Ruiz said, “is dead on arrival.”" gives "The plan" for the
/// second half, which goes on in lowercase after a reporting clause.
fn interrupted_head(src: &str, head: &Span, span: &Span) -> Option<(usize, usize)> {
    let between = src.get(head.close_end..span.open)?;
    let clause = between.trim();
    if between.len() > 100
        || between.contains('\n')
        || !clause.ends_with(',')
        || !head.rest.is_empty()
        || !src[head.first.0..head.first.1].trim_end().ends_with(',')
    {
        return None;
    }
    let goes_on = src[span.first.0..span.first.1]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let reports =
        || words(src, head.close_end, span.open).any(|w| names::is_reporting_verb(w.text(src)));
    (goes_on && reports() && !enough_words(src, head)).then_some(head.first)
}

/// The speaker named right after a quotation too short to count.
fn short_speaker(
    ctx: &Ctx<'_>,
    text: &Text<'_>,
    span: &Span,
    next: Option<&Span>,
) -> Option<usize> {
    let src = ctx.src;
    let line_end = paragraph_end_near(text, span.close_end, AFTER_WINDOW);
    let next_open = next.map_or(src.len(), |s| s.open);
    let after_end =
        src.floor_char_boundary(line_end.min(next_open).min(span.close_end + AFTER_WINDOW));
    ctx.resolve(&ctx.after(span.close_end, after_end)?)
}

/// The start of the paragraph a quotation opens when the quotation is all
/// that paragraph holds; a quotation over several paragraphs must fill
/// every one of them (its last closes its paragraph).
fn own_paragraph(text: &Text<'_>, span: &Span) -> Option<usize> {
    let src = text.src;
    let (start, _) = text.paragraph_range(span.open);
    let (_, end) = text.paragraph_range(span.close_end.saturating_sub(1));
    (start > 0
        && src[start..span.open].trim().is_empty()
        && span.close_end <= end
        && src[span.close_end..end].trim().is_empty())
    .then_some(start)
}

/// "Is the plan working?\n\n“It is, and it will be.”": in an interview, a
/// quotation that is a paragraph of its own, with no attribution, answers
/// the question before it, or goes on from narration about the interviewee
/// ("He is less sure about taxes."). Its speaker is the person quoted most
/// so far (the latest of equals).
fn answer_speaker(ctx: &Ctx<'_>, text: &Text<'_>, span: &Span) -> Option<usize> {
    let src = ctx.src;
    let start = own_paragraph(text, span)?;
    // The previous paragraph, past the blank lines between.
    let prev_end = src[..start].trim_end().len();
    if prev_end == 0 {
        return None;
    }
    let (prev_start, _) = text.paragraph_range(prev_end - 1);
    let prev = src[prev_start..prev_end].trim();
    // "But you wrote it for him, I say.": the interviewer's own turn.
    let interviewer =
        words(src, prev_start, prev_end).any(|w| w.text(src) == "I" && !ctx.inside_quote(w.start));
    if prev.is_empty() || (prev.contains(['"', '“', '”']) && !interviewer) {
        return None;
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &(_, who) in &ctx.credited {
        match counts.iter_mut().find(|(p, _)| *p == who) {
            Some(c) => c.1 += 1,
            None => counts.push((who, 1)),
        }
    }
    let most = counts.iter().map(|c| c.1).max()?;
    let latest = ctx
        .credited
        .iter()
        .rev()
        .find(|(_, who)| counts.iter().any(|c| c.0 == *who && c.1 == most))?
        .1;
    if prev.ends_with('?') || interviewer {
        return Some(latest);
    }
    let pronoun =
        words(src, prev_start, prev_end).find(|w| names::is_subject_pronoun(w.text(src)))?;
    let g = names::pronoun_gender(pronoun.text(src));
    (g.is_some() && ctx.resolve_pronoun(pronoun.start, g) == Some(latest)).then_some(latest)
}

/// "Ruiz lamented the delay.\n\n“…”": a quotation that is a paragraph of
/// its own, with no attribution, goes on from the paragraph before: the
/// subject of that paragraph's last sentence when it opens with a person,
/// else whoever that paragraph says spoke ("…,” Ruiz said, …").
fn paragraph_speaker(ctx: &Ctx<'_>, text: &Text<'_>, span: &Span) -> Option<usize> {
    let src = ctx.src;
    let start = own_paragraph(text, span)?;
    let prev_end = src[..start].trim_end().len();
    if prev_end == 0 || src[..prev_end].ends_with([':', '?']) {
        return None;
    }
    let (prev_start, _) = text.paragraph_range(prev_end - 1);
    // A heading is no paragraph of narration.
    if prev_end - prev_start < 40 || !src[..prev_end].ends_with(['.', '!', '”', '"']) {
        return None;
    }
    // A quotation already credited there would have been continued.
    if ctx
        .credited
        .iter()
        .any(|&(at, _)| at >= prev_start && at < prev_end)
    {
        return None;
    }
    let last = text.sentence_index(prev_end - 1)?;
    let sent = text.sentences[last];
    let from = sent.start.max(prev_start);
    if let Some(w) = words(src, from, prev_end).next() {
        let t = w.text(src);
        if names::is_subject_pronoun(t) {
            return ctx.resolve_pronoun(w.start, names::pronoun_gender(t));
        }
        if let Some(m) = ctx.people.mentions_in(from, w.end).first()
            && !m.possessive
            && !m.object
        {
            return Some(m.person);
        }
    }
    let from = src.ceil_char_boundary(prev_start.max(prev_end.saturating_sub(BEFORE_WINDOW)));
    let s = ctx.before(from, prev_end)?;
    match s {
        Subject::Person(_) | Subject::Pronoun(..) => ctx.resolve(&s),
        _ => None,
    }
}

/// A quotation with no attribution of its own, right after one by a known
/// speaker with no one else named between them, continues that speaker.
fn continuation(
    ctx: &Ctx<'_>,
    text: &Text<'_>,
    span: &Span,
    boundary: usize,
    prev: Option<usize>,
) -> Option<usize> {
    let who = prev?;
    let src = ctx.src;
    if boundary == 0 || span.open < boundary || span.open - boundary > BEFORE_WINDOW {
        return None;
    }
    let between = &src[boundary..span.open];
    let breaks = between.matches('\n').count();
    // "“…,” says analyst Ana Ruiz. That has meant “years of cuts to the
    // newsroom.”": a partial quotation in the next sentence of the same
    // paragraph goes on from her too.
    let next_sentence = breaks == 0
        && text.sentence_index(boundary) != text.sentence_index(span.open)
        && !between.contains(['"', '“', '”']);
    if !opens_sentence(src, span.open) && !next_sentence {
        return None;
    }
    // A line break inside hard-wrapped prose does not end the paragraph.
    let same_paragraph = text.paragraph_range(boundary).0 == text.paragraph_range(span.open).0;
    if breaks > 2 || (breaks > 0 && between.trim().contains('\n') && !same_paragraph) {
        return None;
    }
    let someone_else = ctx
        .people
        .mentions_in(boundary, span.open)
        .iter()
        .any(|m| m.person != who && !m.object && !ctx.inside_quote(m.start));
    (!someone_else).then_some(who)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people;

    fn quotes(s: &str) -> Vec<(String, String)> {
        let t = Text::new(s);
        let p = people::find(&t);
        find(&t, &p)
            .facts
            .into_iter()
            .map(|f| {
                let text = f.text.unwrap_or_else(|| s[f.start..f.end].to_string());
                (text, f.detail.speaker().unwrap_or_default().to_string())
            })
            .collect()
    }

    #[test]
    fn a_surname_that_is_also_a_common_word_is_still_the_speaker() {
        let s = "The county executive, Lena Park, said the branch would open on weekends. \
                 \"Saturday hours were the number one request,\" Park said. \
                 \"Our budget will not stretch much further,\" Park's office said.";
        let q = quotes(s);
        assert_eq!(
            q,
            vec![(
                "Saturday hours were the number one request".to_string(),
                "Lena Park".to_string()
            )]
        );
    }

    #[test]
    fn an_attribution_on_the_line_after_the_quotation_counts() {
        let s = "\"We did the work tonight, but nobody should be proud of the last hour,\"\n\
                 Senate Majority Leader Tom Reddy told reporters after the vote.\n\n\
                 \"The next quotation belongs to nobody at all in this story.\"\n\
                 Reddy left the chamber.\n";
        let q = quotes(s);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "Tom Reddy");
    }

    #[test]
    fn hard_wrapped_attributions_and_continuations_are_followed() {
        let s = "The agency will open applications to every county next spring. \
                 \"Every family deserves water it can drink without a second thought,\" said\n\
                 Agriculture Secretary Mara Whitlow. \"This plan gets us closer to that promise.\"\n\
                 The first grants are due in the fall, and Whitlow warned that the\n\
                 program \"cannot fix every old pipe in a single year\" of work.\n";
        let q = quotes(s);
        assert_eq!(q.len(), 3, "{q:?}");
        for (text, who) in &q {
            assert_eq!(who, "Mara Whitlow", "{text}");
        }
    }

    #[test]
    fn pairs_straight_and_curly_marks_but_not_apostrophes() {
        let s = "He said “don’t go” and \"we’re fine\" in the ’90s.";
        let spans = pair_marks(s, uses_single_marks(s));
        let inner: Vec<&str> = spans.iter().map(|sp| &s[sp.first.0..sp.first.1]).collect();
        assert_eq!(inner, vec!["don’t go", "we’re fine"]);
    }

    #[test]
    fn speaker_after_the_quote() {
        let q = quotes(
            "Mayor Lena Ortiz opened the session. “We will balance this budget,” Ortiz said.",
        );
        assert_eq!(
            q,
            vec![("We will balance this budget".into(), "Lena Ortiz".into())]
        );
    }

    #[test]
    fn inverted_attribution_after_a_lowercase_jurisdiction_and_title() {
        let q = quotes(
            "“Riders should not have to wait an hour,” said state Rep. Ana Ruiz, a Springfield Democrat.",
        );
        assert_eq!(
            q,
            vec![(
                "Riders should not have to wait an hour".into(),
                "Ana Ruiz".into()
            )]
        );
    }

    #[test]
    fn inverted_attribution() {
        let q = quotes(
            "“The numbers simply do not add up,” said Councilmember Raj Patel, who chairs the finance panel.",
        );
        assert_eq!(
            q,
            vec![(
                "The numbers simply do not add up".into(),
                "Raj Patel".into()
            )]
        );
    }

    #[test]
    fn speaker_before_with_comma_or_colon() {
        let q = quotes(
            "Senator Ruth Adler told reporters, \"This bill is dead on arrival.\" \
             Later Adler wrote on social media: \"We stopped it, and we will again.\"",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|(_, s)| s == "Ruth Adler"), "{q:?}");
    }

    #[test]
    fn pronoun_goes_to_the_nearest_fitting_person() {
        let s = "Gov. Maria Vance met Mayor Tom Reed on Monday. Reed left early. \
                 Vance stayed. \"We have a deal on the transit money,\" she said.";
        assert_eq!(quotes(s)[0].1, "Maria Vance");
    }

    #[test]
    fn continuation_quote_keeps_the_speaker() {
        let s = "\"The deadline is real,\" Sen. Omar Haddad said on the floor. \
                 \"We cannot keep kicking this can down the road.\"";
        let q = quotes(s);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].1, "Omar Haddad");
    }

    #[test]
    fn they_and_group_nouns_stand_for_the_organisation_named_before() {
        let s = "Lakeview Records have twice denied doing anything wrong.\n\n\
                 \"At no point did we stop the band from playing the festival,\" they said.\n\n\
                 \"In fact, we have no right to keep them off any stage.\"\n\n\
                 Last week lawmakers on the Senate Committee on Rural Water wrote to the agency.\n\n\
                 \"We expect a full answer within thirty days of this letter,\" the lawmakers wrote.\n\n\
                 A new study by the Harlow Institute for Transit looked at bus lanes.\n\n\
                 Riders \"saved about nine minutes on every single trip,\" the study said.\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec![
                "Lakeview Records",
                "Lakeview Records",
                "Senate Committee on Rural Water",
                "Harlow Institute for Transit"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_second_quotation_of_the_sentence_shares_its_reporting_clause() {
        let s = "Asked about the gifts, Sir Colin Barnaby said that \"every member gets gifts now\" and \"what matters is that they are declared properly\".\n\n\
                 Rosa Quint later posted that the drought \"needs to be talked about at every table,\" adding \"we need all hands on it.\"\n";
        let q = quotes(s);
        let who: Vec<(&str, &str)> = q.iter().map(|(t, w)| (t.as_str(), w.as_str())).collect();
        assert!(
            who.contains(&(
                "what matters is that they are declared properly",
                "Colin Barnaby"
            )),
            "{q:?}"
        );
        assert!(
            who.contains(&("we need all hands on it", "Rosa Quint")),
            "{q:?}"
        );
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_main_clause_subject() {
        let s = "Mr Dorsey said the mayor and his wife took the tickets so they could \"look their very best\", adding that the county had a \"huge fund paid by every taxpayer\" for it.\n";
        let q = quotes(s);
        assert_eq!(
            q,
            vec![
                ("look their very best".to_string(), "Dorsey".to_string()),
                (
                    "huge fund paid by every taxpayer".to_string(),
                    "Dorsey".to_string()
                )
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_reporting_clause_closing_the_sentence_or_after_as() {
        let s = "Colonel Ada Brightwater spoke to the panel on Tuesday.\n\n\
                 \"Every week spent on this hearing is a week we are not watching the border\" shared by both states, she warned.\n\n\
                 One nurse described \"holding the hand of a patient who was frightened and alone in the ward,\" as Radio Nord's Tomas Ferreira reported.\n\n\
                 The teams \"found the river cleaner for two to three months on average\" before it fell back, according to Tomas Ferreira.\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Ada Brightwater", "Tomas Ferreira", "Tomas Ferreira"],
            "{q:?}"
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_quotation_goes_on_from_the_one_before() {
        let s = "Omar Haddad, 61, told a reporter in the market that the choice was \"a closed decision.\"\n\n\
                 He regretted that traders, who are hit hardest by the rules, were never asked for their view.\n\n\
                 \"This has nothing to do with the traders or the people of the town.\"\n\n\
                 And while the merger matters \"in the short run,\" Petra Lund said, in the long run both firms still want it.\n\n\
                 \"The same pressures that pushed them towards the merger are all still there.\"\n";
        let q = quotes(s);
        let who: Vec<(&str, &str)> = q.iter().map(|(t, w)| (&t[..8], w.as_str())).collect();
        assert_eq!(
            who,
            vec![
                ("This has", "Omar Haddad"),
                ("in the s", "Petra Lund"),
                ("The same", "Petra Lund")
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_answer_after_the_interviewers_own_words_is_the_interviewees() {
        let s = "\"I have known him for years and he has never asked me for a thing,\" Rupert Vale says.\n\n\
                 But you wrote the whole book for him, I say.\n\n\
                 \"No, I wrote the book for every leader who wants to learn from it.\"\n\n\
                 I ask Vale whether the region is \"past saving\".\n\n\
                 \"The main challenge in the region is the fight between two ideas of the state.\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Rupert Vale", "Rupert Vale", "Rupert Vale"],
            "{q:?}"
        );
    }

    #[test]
    fn an_unnamed_voice_is_nobody() {
        let s = "Actor Helena Marsh was led off the stage by staff.\n\n\
                 A voice is then heard saying: \"We will have to stop the show now, sorry everyone.\"\n";
        assert!(quotes(s).is_empty(), "{:?}", quotes(s));
    }

    #[test]
    fn letters_lawmakers_and_spokespeople_speak_for_their_organisation() {
        let s = "Following the raid, lawmakers on the Select Committee on River Safety, led by chairman Otto Brandvold, requested \"more information about the agency's work on the flood threat.\"\n\n\
                 \"Only after the report and the questions from members did the agency act,\" the letter stated.\n\n\
                 It described the delays as part of a \"wider failure to keep the public safe from floods.\"\n\n\
                 Brandvold and his colleagues asked for answers by the end of the month.\n\n\
                 \"The threat of floods to the towns on the river is growing every single year,\" they wrote.\n\n\
                 The Water Board told the Courier that it had received the letter.\n\n\
                 \"The Water Board takes every flood warning very seriously indeed,\" a board spokesperson said.\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        let c = "Select Committee on River Safety";
        assert_eq!(who, vec![c, c, c, c, "Water Board"], "{q:?}");
    }

    #[test]
    fn a_letter_is_its_writers_not_its_recipients() {
        let s = "The Greens' letter to Ivo Stanek, the ethics commissioner, said: \"In May it was reported that the minister had been given a free pass to the stadium.\"\n\n\
                 The letter also said that \"there must be a full inquiry into this matter at once.\"\n\n\
                 A Harbour Party source said: \"It is shocking that the minister thought this was acceptable.\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(who, vec!["Greens", "Greens", "Harbour Party"], "{q:?}");
    }

    #[test]
    fn lowercase_words_before_a_title_and_a_lone_surname_before_its_verb() {
        let s = "Kenneth Parson studies the trade.\n\n\
                 \"Since 2010, there has not been one year of growth in the trade as a whole,\" says veteran industry analyst Kenneth Parson.\n\n\
                 \"After two more years of this,\" Parson asks, \"what kind of shops will be left on the high street?\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(who, vec!["Kenneth Parson"; 3], "{q:?}");
    }

    #[test]
    fn a_post_in_capitals_is_not_a_title() {
        let s = "In a post on Monday, President Carla Mendes said: \"THE ALLIANCE WAS NOT THERE WHEN WE NEEDED IT, AND IT WILL NOT BE THERE AGAIN.\"\n";
        assert_eq!(quotes(s).len(), 1, "{:?}", quotes(s));
    }

    #[test]
    fn asides_relative_clauses_and_offices_around_the_speaker() {
        let s = "Deputy Tom Harwick spoke on Monday.\n\n\
                 \"If he had doubts about the call, that is something I would have expected to hear,\" Harwick, Lund's superior, said.\n\n\
                 Agnes Whitlow runs the new firm.\n\n\
                 Whitlow, who will be the merged firm's chairman, told investors on Monday that the deal would \"return cash to every shareholder through dividends.\"\n\n\
                 President Carla Mendes met the leaders.\n\n\
                 After the meeting, the US President said: \"The alliance was not there when we needed it most.\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Tom Harwick", "Agnes Whitlow", "Carla Mendes"],
            "{q:?}"
        );
    }

    #[test]
    fn they_after_a_person_is_nobody() {
        let s = "Mayor Lena Ortiz met the tenants on Monday.\n\n\
                 \"We were promised repairs a year ago and got nothing,\" they said.\n";
        assert_eq!(quotes(s), vec![], "{:?}", quotes(s));
    }

    #[test]
    fn single_marks_quote_when_the_document_writes_quotes_with_them() {
        let s = "Housing minister Hollis Grange faced questions on Tuesday.\n\n\
                 ‘We will not back down on the rent cap,’ Grange said.\n\n\
                 Opposition spokeswoman Marta Quill said: ‘It was the wrong call for tenants.’\n\n\
                 ‘We don’t know yet what the members’ votes will show,’ she said.\n";
        assert_eq!(
            quotes(s),
            vec![
                (
                    "We will not back down on the rent cap".into(),
                    "Hollis Grange".into()
                ),
                (
                    "It was the wrong call for tenants".into(),
                    "Marta Quill".into()
                ),
                (
                    "We don’t know yet what the members’ votes will show".into(),
                    "Marta Quill".into()
                ),
            ]
        );
        // Straight single marks, and a double-quoted phrase nested inside.
        let s = "Councillor Petra Lindqvist spoke first.\n\n\
                 'The word \"temporary\" has lost all meaning here,' Lindqvist said.\n\n\
                 'We can't wait another winter for the depot,' she added.\n";
        assert_eq!(
            quotes(s),
            vec![
                (
                    "The word \"temporary\" has lost all meaning here".into(),
                    "Petra Lindqvist".into()
                ),
                (
                    "We can't wait another winter for the depot".into(),
                    "Petra Lindqvist".into()
                ),
            ]
        );
    }

    #[test]
    fn apostrophes_in_a_double_quoted_document_are_not_quotation_marks() {
        let s = "“It’s the council’s call, not ours,” Dara Kell said. \
                 Kell’s office and the tenants’ union said the ‘90s rules stand.";
        assert!(!uses_single_marks(s));
        assert_eq!(
            quotes(s),
            vec![(
                "It’s the council’s call, not ours".into(),
                "Dara Kell".into()
            )]
        );
    }

    #[test]
    fn an_interview_answer_in_its_own_paragraph_is_the_interviewees() {
        let s = "Budget row deepens\n\n\
                 “The plan is working and it will keep working,” says Tobias Reinholt, the minister.\n\n\
                 Is the rent cap fair to landlords?\n\n\
                 “Well, I think it is fair to everyone involved here.”\n\n\
                 He is less sure about taxes.\n\n\
                 “Taxes will have to rise for the richest people.”\n\n\
                 The session ended early.\n\n\
                 “Nobody here believes the figures any more.”\n";
        let q = quotes(s);
        assert_eq!(
            q.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["Tobias Reinholt"; 3],
            "{q:?}"
        );
    }

    #[test]
    fn collapsing_spaces_keeps_clean_text_and_mends_every_other_kind_of_white_space() {
        for s in [
            "plain words, one space",
            "curly “marks” and don’t",
            " lead",
            "trail ",
            "two  spaces",
            "line\nbreak",
            "no\u{a0}break",
            "thin\u{2009}space",
            "ideographic\u{3000}space",
        ] {
            let slow = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_spaces(s), slow, "{s:?}");
        }
    }

    #[test]
    fn a_role_between_the_verb_and_the_name_after_a_quote() {
        let s = "The new atlas drew praise. \"It is the most useful guide to the hills I have \
                 read,\" says the former editor of the Gazette, Colin Ashdown. \
                 \"Every walker should own one,\" says a columnist at the Courier, Mira Castell.";
        assert_eq!(
            quotes(s),
            vec![
                (
                    "It is the most useful guide to the hills I have read".into(),
                    "Colin Ashdown".into()
                ),
                ("Every walker should own one".into(), "Mira Castell".into())
            ]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote_per_paragraph() {
        let s = "Director Ana Pruitt said: “The first phase starts in spring.\n\n\
                 “The second phase follows once the funding clears,” she added.\n";
        let q = quotes(s);
        assert_eq!(
            q,
            vec![
                (
                    "The first phase starts in spring".into(),
                    "Ana Pruitt".into()
                ),
                (
                    "The second phase follows once the funding clears".into(),
                    "Ana Pruitt".into()
                ),
            ]
        );
    }

    #[test]
    fn partial_quote_in_indirect_speech() {
        let s = "Commissioner Dale Brooks argued the levy would \"hurt working families the most\" next year.";
        assert_eq!(
            quotes(s),
            vec![(
                "hurt working families the most".into(),
                "Dale Brooks".into()
            )]
        );
    }

    #[test]
    fn scare_quotes_titles_and_labels_are_not_quotes() {
        let s = "Mayor Jo Kent called it \"fake\". The council passed a resolution \
                 \"supporting the rights of all tenants\" on Tuesday. Most papers ran \
                 the headline: \"City Hall Strikes a Deal at Last\". Kent said the plan was a \
                 \"very good thing.\"";
        assert!(quotes(s).is_empty(), "{:?}", quotes(s));
    }

    #[test]
    fn unattributed_quotes_are_dropped() {
        let s = "The sign read \"no parking at any time here\" all week.\n\
                 \"Nobody knows who wrote this line at all.\"";
        assert!(quotes(s).is_empty(), "{:?}", quotes(s));
    }

    #[test]
    fn outlet_in_parentheses_or_according_to() {
        let s = "According to the Associated Press, Gov. Ray Dunn stated, \"We will not raise taxes this year.\"\n\
                 Dunn told reporters, \"The surplus stays in the rainy day fund.\" (Capital Tribune)";
        let t = Text::new(s);
        let p = people::find(&t);
        let q = find(&t, &p);
        let outlets: Vec<Option<String>> = q
            .facts
            .iter()
            .map(|f| f.outlet().map(str::to_string))
            .collect();
        assert_eq!(
            outlets,
            vec![
                Some("Associated Press".into()),
                Some("Capital Tribune".into())
            ]
        );
        assert_eq!(q.outlets, vec!["Associated Press", "Capital Tribune"]);
    }

    #[test]
    fn a_short_attributed_quote_names_the_speaker_the_next_one_continues() {
        let s = "Board President Dana Albright spoke last. “We heard you,” she said. \
                 “We did not ignore you. We just could not find another way.”";
        assert_eq!(
            quotes(s),
            vec![(
                "We did not ignore you. We just could not find another way".into(),
                "Dana Albright".into()
            )]
        );
    }

    #[test]
    fn a_list_item_quoting_someone_else_is_not_a_credit_line() {
        let s = "Among the public comments:\n\n\
                 - Rev. Alan McAllister: \"This county spends more on cages than on counseling.\"\n\
                 - Dr. Shirley Tan, a psychiatrist: \"Half of the people in that jail need treatment.\"\n";
        let speakers: Vec<String> = quotes(s).into_iter().map(|(_, who)| who).collect();
        assert_eq!(speakers, vec!["Alan McAllister", "Shirley Tan"]);
    }

    #[test]
    fn continuation_after_a_speaker_who_told_someone() {
        let s = "Sheriff Tom Hale spoke to Commissioner Ann Ruiz. \
                 \"I hear that argument every budget cycle,\" Hale told Ruiz. \
                 \"It does not change the head count.\"";
        let q = quotes(s);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|(_, who)| who == "Tom Hale"), "{q:?}");
    }

    #[test]
    fn a_spokesperson_for_someone_is_not_that_person() {
        let s = "Sen. Vera Lang faces questions. A spokesperson for Lang said the loans were \
                 \"fully disclosed and entirely legal under federal law.\"";
        assert!(quotes(s).is_empty(), "{:?}", quotes(s));
    }

    #[test]
    fn as_someone_put_it() {
        let s = "Sen. Vera Lang ran hard. As Lang herself put it during the race, \
                 \"I am not going to let anyone outspend me.\"";
        assert_eq!(
            quotes(s),
            vec![(
                "I am not going to let anyone outspend me".into(),
                "Vera Lang".into()
            )]
        );
    }

    #[test]
    fn an_interrupted_quote_with_a_short_first_half_is_joined() {
        let s = "Mayor Ana Ruiz spoke. \"The plan,\" Ruiz said, \"is dead on arrival.\" \
                 \"Frankly,\" said Councilman Bo Tate, \"we waited too long.\" \
                 \"We will win this fight,\" Ruiz said, \"and then some more.\"";
        assert_eq!(
            quotes(s),
            vec![
                ("The plan is dead on arrival".into(), "Ana Ruiz".into()),
                ("Frankly we waited too long".into(), "Bo Tate".into()),
                ("We will win this fight".into(), "Ana Ruiz".into()),
                ("and then some more".into(), "Ana Ruiz".into()),
            ]
        );
    }

    #[test]
    fn a_pronoun_after_a_sentence_naming_two_fitting_people_is_its_subject() {
        let s = "Mayor Linda Park and Councilman David Cho sparred on Monday. \
                 Park later met with Cho and the city manager, Janet Ruiz. \
                 \"We agreed to keep talking through the weekend,\" she said afterward.";
        assert_eq!(quotes(s)[0].1, "Linda Park");
    }

    #[test]
    fn markdown_block_quotes_under_the_sentence_that_introduces_them() {
        let s = "Chair Amelia Voss wrote to members on Friday:\n\n\
                 > \"We will hold the line on fees this year.\"\n\n\
                 Treasurer Colin Marsh replied in the same thread.\n\n\
                 > \"I support the plan, but we need an audit first.\"\n";
        assert_eq!(
            quotes(s),
            vec![
                (
                    "We will hold the line on fees this year".into(),
                    "Amelia Voss".into()
                ),
                (
                    "I support the plan, but we need an audit first".into(),
                    "Colin Marsh".into()
                )
            ]
        );
    }

    #[test]
    fn characterisation_after_called_an_article_is_the_subjects_quote() {
        let q = quotes(
            "Council Member Ada Ruiz called the plan a “reckless giveaway to developers.” \
             Ruiz labeled it “a bad deal for every renter in town.”",
        );
        assert_eq!(
            q,
            vec![
                ("reckless giveaway to developers".into(), "Ada Ruiz".into()),
                (
                    "a bad deal for every renter in town".into(),
                    "Ada Ruiz".into()
                )
            ]
        );
    }

    #[test]
    fn accused_of_names_the_accuser_even_after_a_time_phrase() {
        let s = "Council Member Ada Ruiz spoke first. Council Member Ben Kohl spoke next.\n\n\
                 Last spring Kohl accused Ruiz of \"playing games with the city budget,\" a charge she denied.";
        assert_eq!(
            quotes(s),
            vec![(
                "playing games with the city budget".into(),
                "Ben Kohl".into()
            )]
        );
    }

    #[test]
    fn closing_full_stop_is_dropped_but_not_an_abbreviation_or_a_question_mark() {
        let q = quotes(
            "Mayor Ada Ruiz said, “We will fix it right now.” \
             “Who pays for the new pipes?” asked Ruiz. \
             Ruiz said, “We will not wait for the U.S.”",
        );
        let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "We will fix it right now",
                "Who pays for the new pipes?",
                "We will not wait for the U.S."
            ]
        );
    }

    #[test]
    fn role_after_said_is_not_the_speaker_of_an_indirect_partial_quote() {
        let s = "Gov. Ellen Marsh has not said whether she would sign it. A spokesman for \
                 Marsh, Toby Lund, said the governor \"looks forward to reading the final version.\"";
        assert_eq!(
            quotes(s),
            vec![(
                "looks forward to reading the final version".into(),
                "Toby Lund".into()
            )]
        );
    }

    #[test]
    fn a_title_before_an_unknown_name_is_not_resolved_to_another_holder() {
        let s = "\"Every farm deserves a fast and reliable connection,\" said Secretary of \
                 Agriculture Linda Marsh.\n\n\"This closes the divide for good,\" added \
                 Deputy Secretary James Whitfield.";
        let q = quotes(s);
        assert!(
            q.iter()
                .all(|(t, who)| !t.starts_with("Every farm") || who != "James Whitfield"),
            "{q:?}"
        );
        assert!(
            q.iter()
                .any(|(t, who)| t.starts_with("This closes") && who == "James Whitfield")
        );
    }

    #[test]
    fn credit_after_a_dash_on_the_same_or_the_next_line() {
        let s = "“No senior should have to split pills to make them last.” – Secretary Ana Ruiz\n\n\
                 > “Our families have waited long enough for this help.”\n\
                 > — Gov. Hal Obi\n";
        assert_eq!(
            quotes(s),
            vec![
                (
                    "No senior should have to split pills to make them last".into(),
                    "Ana Ruiz".into()
                ),
                (
                    "Our families have waited long enough for this help".into(),
                    "Hal Obi".into()
                )
            ]
        );
    }

    #[test]
    fn quote_from_a_person_on_the_line_before() {
        let s = "Quote from Deputy Administrator Owen Pratt:\n\n\
                 \"We built this program with patients at the table.\"\n";
        assert_eq!(
            quotes(s),
            vec![(
                "We built this program with patients at the table".into(),
                "Owen Pratt".into()
            )]
        );
    }

    /// Characters that stress the pairing and attribution code.
    const ALPHABET: &[&str] = &[
        "\"", "“", "”", "‘", "’", "'", " ", " ", "\n", "\n\n", "a", "Zo", "J.", "Mr.", "said",
        "he", "she", ",", ".", ":", "—", "(", ")", "7", "é", "Gov.", "Ana Ruiz", "told", "the",
    ];

    proptest::proptest! {
        #[test]
        fn random_marks_never_panic_and_offsets_are_char_boundaries(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..300)
        ) {
            let src: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            let ex = crate::extract::extract("doc.txt", &src);
            for f in &ex.facts {
                proptest::prop_assert!(f.start <= f.end && f.end <= src.len());
                proptest::prop_assert!(src.is_char_boundary(f.start) && src.is_char_boundary(f.end));
            }
        }
    }

    #[test]
    fn a_long_single_line_of_quotes_is_handled() {
        let src = "Gov. Ana Ruiz said, \"we will fix the roads now\" and “then” ".repeat(20_000);
        let t = Text::new(&src);
        let p = people::find(&t);
        let q = find(&t, &p);
        assert_eq!(q.facts.len(), 20_000);
        assert!(q.facts.iter().all(|f| f.speaker() == Some("Ana Ruiz")));
    }

    #[test]
    fn an_organisation_before_or_after_its_verb_is_the_speaker() {
        let s = "The Bureau of Coastal Records (BCR) did not answer at first. \
                 Asked about the survey in May, the BCR said: \"We never lose a single file.\"\n\n\
                 \"The harbour maps were redrawn after the storm,\" Halvard Shipping's statement said.\n\n\
                 \"We have nothing further to add today,\" said Norvik Ltd.\n\n\
                 On its website the Harbour Police said: \"Two more boats have been towed away tonight.\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec![
                "Bureau of Coastal Records",
                "Halvard Shipping",
                "Norvik Ltd",
                "Harbour Police"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_place_in_an_aside_or_the_object_of_told_is_not_the_speaker() {
        let s = "Retired welder Ivo Brandt, 61, from Marlow, North Dene, said: \
                 \"I watched the yard close and nobody came to help us.\"\n\n\
                 Brandt told the Harbour Board, \"My worries have all come true this year.\"\n\n\
                 \"Rents keep rising across the whole county,\". The Harbour Board said the \
                 rents \"are set by the market alone\".\n";
        let q = quotes(s);
        assert!(q.iter().take(2).all(|(_, w)| w == "Ivo Brandt"), "{q:?}");
        assert!(
            !q.iter()
                .any(|(t, w)| t.starts_with("Rents") && w == "Harbour Board"),
            "{q:?}"
        );
    }

    #[test]
    fn a_round_up_line_credits_the_name_before_its_colon() {
        let s = "Harbour analyst Dana Keel: \u{201c}The numbers for the spring look better than anyone thought.\u{201d}\n\n\
                 Radio Nord\u{2019}s Ivo Brandt: \u{201c}Good news for the fishing towns at long last.\u{201d}\n\n\
                 The Harbour Gazette: \u{201c}The port grew faster than in any quarter since the storm.\u{201d}\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Dana Keel", "Ivo Brandt", "The Harbour Gazette"],
            "{q:?}"
        );
    }

    #[test]
    fn a_continuation_before_a_new_sentence_with_a_reporting_word_keeps_the_speaker() {
        let s = "Corra Kilns mostly makes garden pots. Tomas Wendell, the firm\u{2019}s head of sales, \
                 said Corra would sell its tiles abroad. \u{201c}We will begin with the nearest ports,\u{201d} \
                 he said. \u{201c}Our size and our speed will let us reach bigger buyers within a few seasons.\u{201d} \
                 He declined to say which ports would come first.\n";
        let q = quotes(s);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|(_, w)| w == "Tomas Wendell"), "{q:?}");
    }

    #[test]
    fn a_relative_clause_after_an_organisation_makes_it_the_speaker() {
        let s = "Mara Olsen chairs the Coastal Heritage Fund in Dorby, which says on its website \
                 that it exists to \u{201c}keep the old harbour walls standing for our grandchildren.\u{201d}\n\n\
                 She also leads the Marsh Birds Trust, which has long argued that \u{201c}the reed beds need \
                 a full survey every year.\u{201d}\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Coastal Heritage Fund", "Marsh Birds Trust"],
            "{q:?}"
        );
    }

    #[test]
    fn a_study_or_survey_by_someone_speaks_for_its_author() {
        let s = "As reported before, a 2021 study by the Northfield Policy Institute, a research group, \
                 concluded that, on most measures, \u{201c}the cost of the levy falls on small shops.\u{201d}\n\n\
                 According to a 2019 survey by Karen Brun of the State University, the chain has tended to \
                 \u{201c}merge the news desks of nearby towns\u{201d} within a year.\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Northfield Policy Institute", "Karen Brun"],
            "{q:?}"
        );
    }

    #[test]
    fn a_statement_condemning_quoted_words_is_its_issuers() {
        let s = "County sheriff Ruth Andersen released a statement condemning the conduct of \
                 \u{201c}hired troublemakers and outside crowds\u{201d} at the site.\n";
        let q = quotes(s);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "Ruth Andersen", "{q:?}");
    }

    #[test]
    fn he_after_an_unknown_name_with_an_owned_title_is_that_person() {
        let s = "Harbour Radio news director Pavel Strand repeated his call for an open inquiry.\n\n\
                 \"If the reports of heavy gunfire hold up, this was a deliberate attack,\" he said.\n\n\
                 Ossian Varrelmann, Harbour Radio's manager of outside broadcasts, urged the army \
                 to publish its own findings.\n\n\
                 \"This incident clearly points to a targeted strike, as several inquiries found,\" he said.\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(who, vec!["Pavel Strand", "Ossian Varrelmann"], "{q:?}");
    }

    #[test]
    fn an_answer_over_several_paragraphs_after_the_interviewers_question() {
        let s = "\"I never planned to stay in the job for so long,\" Rupert Vale says.\n\n\
                 \"It simply kept on going from one year to the next.\"\n\n\
                 I ask Vale whether the region can still be saved; he has been there often and \
                 says he knows \"every single road\".\n\n\
                 \"The main challenge in the region is the fight between two ideas of the state.\n\n\
                 \"In the end most young people want to move beyond that old quarrel.\"\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(who, vec!["Rupert Vale"; 4], "{q:?}");
    }

    #[test]
    fn a_partial_quote_in_the_next_sentence_of_the_paragraph_goes_on_from_its_speaker() {
        let s = "Print revenue has fallen for years. \u{201c}There has not been one good year for \
                 the regional papers since the crash,\u{201d} says longtime media analyst Nora Quist. \
                 That has led to a habit of \u{201c}steady cuts to every newsroom in the chain.\u{201d}\n\n\
                 Sales fell again in the spring. \u{201c}Nothing about the spring numbers surprised \
                 the owners,\u{201d} said board member Ivo Brandt. Rival editor Dana Keel called it \
                 \u{201c}a slow retreat from every small town.\u{201d}\n";
        let q = quotes(s);
        let who: Vec<&str> = q.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            who,
            vec!["Nora Quist", "Nora Quist", "Ivo Brandt", "Dana Keel"],
            "{q:?}"
        );
    }
}
