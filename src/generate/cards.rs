//! The card types: how one fact becomes a cloze, multiple-choice, who-said,
//! true/false or short-answer card — and the checks that no card gives its
//! answer away.
//!
//! A fact gets one card by default, of the type that suits it best (a
//! question with options where a clear question can be asked, a who-said
//! card for a quotation); asking for more gives the next types in that order.
//! The stem is the fact's clause made to stand alone ([`super::standalone`]);
//! facts not worth asking ([`super::worth`]) give none.

use super::clause::Frame;
use super::distractors::{Distractors, WANTED, WANTED_PEOPLE, is_bound, shuffled_options};
use super::forms::{
    AnswerForm, DateValue, date_forms, money_forms, normalize_answer, number_forms, percent_forms,
};
use super::identity::person_form;
use super::question::question_for;
use super::standalone::{DocContext, stand_alone};
use super::worth::{
    MIN_QUOTE_WORDS, date_is_cutoff, figure_is_aside, is_evaluative, marks_its_speaker,
    quote_excerpt, quote_needs_context, statistic_quote, telling_quote, trivial_sentence,
    value_worth_asking, year_is_context,
};
use crate::model::{Card, CardId, CardType, DeckFact, FactKind};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};

/// What every card of a deck shares.
pub struct CardContext<'a> {
    pub distractors: Distractors<'a>,
    /// The deck's tag (a slug of its title).
    pub deck_tag: String,
    /// Each document's date, text and people, by path.
    pub docs: HashMap<String, DocContext>,
    /// Quote facts too like another speaker's quote to ask who said them.
    pub ambiguous_quotes: HashSet<usize>,
    /// Quote facts whose speaker is peripheral to the document (see
    /// [`super::worth::peripheral_quotes`]): no who-said card.
    pub peripheral_quotes: HashSet<usize>,
}

/// Every card type, best first for this fact: a who-said card for a quote; a
/// question with options where a question can be formed, else a blank to
/// fill (alternating by id with a multiple-choice blank, so decks mix both);
/// true/false last, and never for a claim of opinion or a qualified figure.
pub fn preferred_types(fact: &DeckFact, has_question: bool) -> Vec<CardType> {
    use CardType::*;
    match fact.kind() {
        FactKind::Quote => vec![WhoSaid, Cloze, ShortAnswer, TrueFalse],
        _ => {
            let mut order = if has_question {
                vec![MultipleChoice, ShortAnswer, Cloze]
            } else if fact.id.0.bytes().last().is_some_and(|b| b % 2 == 0) {
                vec![Cloze, MultipleChoice, ShortAnswer]
            } else {
                vec![MultipleChoice, Cloze, ShortAnswer]
            };
            if fact.qualifier().is_none() && !is_evaluative(&fact.sentence) {
                order.push(TrueFalse);
            }
            order
        }
    }
}

/// How many cards of which types to make for a fact.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// Types asked for on the command line (empty: any).
    pub types: Vec<CardType>,
    /// Cards per fact; `None` with `types` given means one of each.
    pub per_fact: Option<usize>,
}

/// The cards fact `idx` supports: the best `wanted.per_fact` of its types.
pub fn cards_for(
    ctx: &CardContext<'_>,
    facts: &[DeckFact],
    idx: usize,
    wanted: &Wanted,
    rng: &mut ChaCha8Rng,
) -> Vec<Card> {
    let fact = &facts[idx];
    if trivial_sentence(&fact.sentence) {
        return Vec::new();
    }
    let made = match fact.kind() {
        FactKind::Quote
            if ctx.ambiguous_quotes.contains(&idx) || ctx.peripheral_quotes.contains(&idx) =>
        {
            Vec::new()
        }
        FactKind::Quote => quote_cards(ctx, fact, idx, wanted, rng),
        _ => value_cards(ctx, fact, idx, wanted, rng),
    };
    made.into_iter().map(|d| finish(ctx, fact, d)).collect()
}

/// The types to try, best first, and how many cards to keep.
fn plan(fact: &DeckFact, has_question: bool, wanted: &Wanted) -> (Vec<CardType>, usize) {
    let mut order = preferred_types(fact, has_question);
    if !wanted.types.is_empty() {
        // Types asked for by name are made even where they are not preferred.
        for t in &wanted.types {
            if !order.contains(t) {
                order.push(*t);
            }
        }
        order.retain(|t| wanted.types.contains(t));
    }
    // Even asked for by name, no true/false card asks a student to certify a
    // party's own praise ("thanks to bold leadership, … is thriving"), and
    // none states a bound ("more than $50 million") that a false figure
    // could not really contradict.
    if fact.kind() != FactKind::Quote && (is_evaluative(&fact.sentence) || is_bound(fact)) {
        order.retain(|t| *t != CardType::TrueFalse);
    }
    let n = match (wanted.per_fact, wanted.types.is_empty()) {
        (Some(n), _) => n,
        (None, true) => 1,
        (None, false) => wanted.types.len(),
    };
    (order, n.max(1))
}

/// A card before the fields every card shares are filled in.
struct Draft {
    card_type: CardType,
    prompt: String,
    hint: Option<String>,
    answer: String,
    options: Vec<String>,
    accepted: Vec<String>,
    explanation: Option<String>,
    rewritten: Vec<String>,
}

fn finish(ctx: &CardContext<'_>, fact: &DeckFact, d: Draft) -> Card {
    let docs: HashSet<&str> = fact.sources.iter().map(|s| s.doc.as_str()).collect();
    let first = fact.sources.first();
    let mut tags = vec![fact.kind().as_str().to_string()];
    if !ctx.deck_tag.is_empty() {
        tags.push(ctx.deck_tag.clone());
    }
    Card {
        id: CardId::of(&fact.id, d.card_type),
        card_type: d.card_type,
        fact: fact.id.clone(),
        kind: fact.kind(),
        prompt: d.prompt,
        hint: d.hint,
        answer: d.answer,
        options: d.options,
        accepted: d.accepted,
        explanation: d.explanation,
        rewritten: d.rewritten,
        sentence: fact.sentence.clone(),
        doc: first.map(|s| s.doc.clone()).unwrap_or_default(),
        line: first.map_or(0, |s| s.line),
        reported_by: docs.len().max(1),
        tags,
        dropped: false,
    }
}

/// The part of a fact's text a card blanks: without a leading qualifier
/// ("more than $5 billion" → "$5 billion"; "mid-2026" → "2026": the
/// qualifier stays in the prompt, so options all look alike), and for a
/// count only its number ("1,200 electric buses" → "1,200", the words it
/// counts stay in the stem).
pub fn answer_span(fact: &DeckFact) -> &str {
    let mut t = fact.text.trim();
    if let Some(q) = fact.qualifier() {
        let lower = t.to_lowercase();
        let q = q.to_lowercase();
        if lower.starts_with(&q) && t.is_char_boundary(q.len()) {
            let rest = t[q.len()..].trim_start_matches([' ', '-', '–']);
            if !rest.is_empty() {
                t = rest;
            }
        }
    }
    if fact.kind() == FactKind::Quantity {
        return count_part(t);
    }
    t
}

/// The leading number of a count ("1,200 electric buses" → "1,200",
/// "2.5 million riders" → "2.5 million"); the whole text when it does not
/// start with figures.
fn count_part(t: &str) -> &str {
    let first_len = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let first = &t[..first_len];
    if first.is_empty() || !first.starts_with(|c: char| c.is_ascii_digit()) {
        return t;
    }
    let first = first.trim_end_matches([',', '.']);
    let mut end = first.len();
    let rest = &t[end..];
    if let Some(after_space) = rest.strip_prefix(' ') {
        let word: String = after_space
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if crate::lexicon::scale_word(&word.to_lowercase()).is_some() {
            end += 1 + word.len();
        }
    }
    // "10-year", "700,000-square-foot": a figure joined to its word stays whole.
    if t[end..].starts_with(['-', '–']) {
        return t;
    }
    &t[..end]
}

/// The kind of answer wanted, as a card's hint.
fn hint_for(fact: &DeckFact, form: &AnswerForm) -> String {
    match (fact.kind(), form) {
        (FactKind::Date, AnswerForm::Date { value, .. }) => match (value.month, value.day) {
            (None, _) => "a year".into(),
            (Some(_), None) => "a month".into(),
            _ => "a date".into(),
        },
        (FactKind::Money, _) => match fact.currency() {
            Some("USD") | None => "a dollar amount".into(),
            Some("EUR") => "an amount in euros".into(),
            Some("GBP") => "an amount in pounds".into(),
            Some(_) => "an amount of money".into(),
        },
        (FactKind::Percent, _) => {
            if fact.unit().is_some_and(|u| u.contains("point")) {
                "a number of percentage points".into()
            } else {
                "a percentage".into()
            }
        }
        (FactKind::Quantity, _) => match fact.unit().filter(|u| !u.trim().is_empty()) {
            Some(u) => format!("a number ({u})"),
            None => "a number".into(),
        },
        _ => "a value".into(),
    }
}

/// Typed forms of the answer besides `answer` itself.
fn accepted_forms(fact: &DeckFact, form: &AnswerForm, answer: &str, also: &str) -> Vec<String> {
    let mut forms = vec![also.to_string()];
    match form {
        AnswerForm::Date { value, .. } => forms.extend(date_forms(value)),
        AnswerForm::Number { value, .. } => match fact.kind() {
            FactKind::Money => forms.extend(money_forms(*value, fact.currency().unwrap_or("USD"))),
            FactKind::Percent => forms.extend(percent_forms(*value, fact.unit())),
            _ => forms.extend(number_forms(*value, fact.unit())),
        },
    }
    let mut seen = HashSet::from([answer.to_string()]);
    forms.retain(|f| !f.trim().is_empty() && seen.insert(f.clone()));
    forms
}

/// Whether `text` shows the answer (in any of its forms).
fn reveals(text: &str, answer_forms: &[&str]) -> bool {
    let lower = text.to_lowercase();
    answer_forms
        .iter()
        .filter(|a| !a.trim().is_empty())
        .any(|a| lower.contains(&a.to_lowercase()))
}

fn value_cards(
    ctx: &CardContext<'_>,
    fact: &DeckFact,
    idx: usize,
    wanted: &Wanted,
    rng: &mut ChaCha8Rng,
) -> Vec<Draft> {
    let span = answer_span(fact);
    let Some(whole) = Frame::new(&fact.sentence, span) else {
        return Vec::new();
    };
    if !value_worth_asking(fact, span, &whole) {
        return Vec::new();
    }
    let first = fact.sources.first();
    let doc = first.and_then(|s| ctx.docs.get(&s.doc));
    let doc_year = doc.and_then(|d| d.date).map(|d| chrono::Datelike::year(&d));
    if figure_is_aside(fact, &whole)
        || year_is_context(fact, &whole, doc_year)
        || date_is_cutoff(fact, &whole)
    {
        return Vec::new();
    }
    let line = first.map_or(0, |s| s.line);
    let Some(alone) = stand_alone(&whole.clause(), doc, line, &fact.sentence) else {
        return Vec::new();
    };
    let frame = alone.frame;
    let Some(form) = AnswerForm::of(fact, span) else {
        return Vec::new();
    };
    let shown = form.answer();
    // The rest of the sentence must not state the answer a second time.
    if reveals(&frame.context(), &[span, &shown]) {
        return Vec::new();
    }
    if frame.words() < 4 {
        return Vec::new();
    }
    // A year shortened inside a range ("2026–27"): the blank would hold
    // "27" while the answer is 2027.
    if fact.kind() == FactKind::Date && span.len() <= 2 {
        return Vec::new();
    }
    let question = question_for(fact, &frame);
    let (order, keep) = plan(fact, question.is_some(), wanted);
    let hint = Some(hint_for(fact, &form));
    let statement = frame.with(span);
    let asked = question.clone().unwrap_or_else(|| frame.blank());
    let mut wrong: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for t in order {
        if out.len() >= keep {
            break;
        }
        let draft = |prompt: String, answer: String, options, accepted, explanation| Draft {
            card_type: t,
            prompt,
            hint: hint.clone(),
            answer,
            options,
            accepted,
            explanation,
            rewritten: alone.rewritten.clone(),
        };
        match t {
            CardType::Cloze => out.push(draft(
                frame.blank(),
                span.to_string(),
                Vec::new(),
                Vec::new(),
                None,
            )),
            CardType::MultipleChoice => {
                let w = wrong.get_or_insert_with(|| ctx.distractors.values(idx, &form, rng));
                if w.len() < WANTED {
                    continue;
                }
                let options = shuffled_options(&shown, w, rng);
                out.push(draft(
                    asked.clone(),
                    shown.clone(),
                    options,
                    Vec::new(),
                    Some(statement.clone()),
                ));
            }
            CardType::TrueFalse => {
                let w = wrong.get_or_insert_with(|| ctx.distractors.values(idx, &form, rng));
                let Some(false_value) = w.first() else {
                    continue;
                };
                let truth = rng.random_bool(0.5);
                let prompt = if truth {
                    frame.with(&shown)
                } else {
                    frame.with(false_value)
                };
                let mut d = true_false(prompt, truth, statement.clone());
                d.rewritten = alone.rewritten.clone();
                out.push(d);
            }
            CardType::ShortAnswer => out.push(draft(
                asked.clone(),
                span.to_string(),
                Vec::new(),
                accepted_forms(fact, &form, span, &shown),
                question.as_ref().map(|_| statement.clone()),
            )),
            CardType::WhoSaid => {}
        }
    }
    out
}

fn true_false(prompt: String, truth: bool, correct: String) -> Draft {
    Draft {
        card_type: CardType::TrueFalse,
        prompt,
        hint: None,
        answer: if truth { "True" } else { "False" }.to_string(),
        options: vec!["True".to_string(), "False".to_string()],
        accepted: Vec::new(),
        explanation: Some(correct),
        rewritten: Vec::new(),
    }
}

/// A quote as shown on a card: in curly marks, its first letter capitalized.
fn quoted(text: &str) -> String {
    let mut body = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(first) = body.chars().next().filter(|c| c.is_lowercase()) {
        body = first.to_uppercase().chain(body.chars().skip(1)).collect();
    }
    format!("“{body}”")
}

/// Whether a speaker is named, not guessed: a capitalized name, not a pronoun
/// or a bare role.
fn named_speaker(speaker: &str) -> bool {
    let s = speaker.trim();
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    s.chars().next().is_some_and(char::is_uppercase)
        && ![
            "he",
            "she",
            "they",
            "it",
            "we",
            "i",
            "officials",
            "the",
            "a",
            "an",
        ]
        .contains(&first.as_str())
}

fn quote_cards(
    ctx: &CardContext<'_>,
    fact: &DeckFact,
    idx: usize,
    wanted: &Wanted,
    rng: &mut ChaCha8Rng,
) -> Vec<Draft> {
    let Some(speaker) = fact.speaker().filter(|s| named_speaker(s)) else {
        return Vec::new();
    };
    let Some(excerpt) = quote_excerpt(&fact.text) else {
        return Vec::new();
    };
    if excerpt.split_whitespace().count() < MIN_QUOTE_WORDS {
        return Vec::new();
    }
    // The answer is the speaker's full name without titles; a surname
    // alone, a firm or an office, or a name that may be another person's
    // ("Black Elk" beside "Linda Black Elk") is no answer to ask for.
    let Some(shown) = person_form(speaker) else {
        return Vec::new();
    };
    if ctx.distractors.name_overlaps_another(speaker) {
        return Vec::new();
    }
    if quote_needs_context(&excerpt)
        || !telling_quote(&excerpt)
        || statistic_quote(&excerpt)
        || !marks_its_speaker(&excerpt, fact.speaker_role())
    {
        return Vec::new();
    }
    let mut aliases = ctx.distractors.aliases_of(speaker);
    if shown != speaker {
        aliases.retain(|a| *a != shown);
        aliases.insert(0, speaker.to_string());
    }
    let mut names: Vec<&str> = std::iter::once(speaker)
        .chain(aliases.iter().map(String::as_str))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let quote = quoted(&excerpt);
    // A quote that names its own speaker gives the answer away.
    if names.iter().any(|n| contains_word(&quote, n)) {
        return Vec::new();
    }
    let hint = Some("who said it".to_string());
    let (order, keep) = plan(fact, false, wanted);
    let mut people: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for t in order {
        if out.len() >= keep {
            break;
        }
        match t {
            CardType::WhoSaid => {
                let p = people.get_or_insert_with(|| ctx.distractors.people(idx, speaker, rng));
                if p.len() < WANTED_PEOPLE {
                    continue;
                }
                out.push(Draft {
                    card_type: t,
                    prompt: quote.clone(),
                    hint: hint.clone(),
                    answer: shown.clone(),
                    options: shuffled_options(&shown, p, rng),
                    accepted: aliases.clone(),
                    explanation: Some(attributed(fact, &shown, &quote)),
                    rewritten: Vec::new(),
                });
            }
            CardType::Cloze => {
                // Without options, a quotation opening on "This"/"They" has
                // too little to go on; the sentence around it adds only length.
                if super::standalone::leans_on_context(&excerpt) {
                    continue;
                }
                if let Some(prompt) = speaker_blanked("", &names, &quote) {
                    out.push(Draft {
                        card_type: t,
                        prompt,
                        hint: hint.clone(),
                        answer: shown.clone(),
                        options: Vec::new(),
                        accepted: aliases.clone(),
                        explanation: None,
                        rewritten: Vec::new(),
                    });
                }
            }
            CardType::TrueFalse => {
                let p = people.get_or_insert_with(|| ctx.distractors.people(idx, speaker, rng));
                let Some(other) = p.first() else {
                    continue;
                };
                let truth = rng.random_bool(0.5);
                let who = if truth {
                    shown.as_str()
                } else {
                    other.as_str()
                };
                out.push(true_false(
                    format!("{who} said: {quote}"),
                    truth,
                    attributed(fact, &shown, &quote),
                ));
            }
            CardType::ShortAnswer => out.push(Draft {
                card_type: t,
                prompt: format!("Who said: {quote}"),
                hint: hint.clone(),
                answer: shown.clone(),
                options: Vec::new(),
                accepted: aliases.clone(),
                explanation: Some(attributed(fact, &shown, &quote)),
                rewritten: Vec::new(),
            }),
            _ => {}
        }
    }
    out
}

/// "Neil Armstrong (commander) said: “…”"
fn attributed(fact: &DeckFact, speaker: &str, quote: &str) -> String {
    match fact.speaker_role() {
        Some(r) if !r.is_empty() => format!("{speaker} ({r}) said: {quote}"),
        _ => format!("{speaker} said: {quote}"),
    }
}

/// The quote's sentence with the speaker's name blanked; or the quote followed
/// by a blank when the sentence names the speaker only by a pronoun or is too
/// long to be a good prompt. `None` when the name shows up twice.
fn speaker_blanked(sentence: &str, names: &[&str], quote: &str) -> Option<String> {
    let short = sentence.split_whitespace().count() <= super::worth::MAX_QUOTE_WORDS;
    let found = names.iter().find(|n| contains_word(sentence, n));
    match found {
        Some(name) if short => {
            let frame = Frame::new(sentence, name)?;
            let rest = frame.context();
            if names.iter().any(|n| contains_word(&rest, n)) {
                return None;
            }
            Some(frame.blank())
        }
        _ => Some(format!("{quote} — ____")),
    }
}

/// Whether `name` occurs in `text` as whole words (case-insensitive).
fn contains_word(text: &str, name: &str) -> bool {
    let t = text.to_lowercase();
    let n = name.trim().to_lowercase();
    if n.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = t[from..].find(&n) {
        let at = from + i;
        let end = at + n.len();
        let before = t[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = t[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = at + n.len().max(1);
        while from < t.len() && !t.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Whether any option other than the answer is a form of the answer (checked
/// again on every finished card, whatever made it).
pub fn gives_answer_away(card: &Card) -> bool {
    let key = normalize_answer(&card.answer);
    let repeated = card
        .options
        .iter()
        .filter(|o| normalize_answer(o) == key)
        .count()
        > 1;
    let in_prompt = card.card_type != CardType::TrueFalse
        && card.answer.chars().count() > 2
        && card
            .prompt
            .to_lowercase()
            .contains(&card.answer.to_lowercase());
    repeated || in_prompt
}

/// Today's date from `YYYY-MM-DD`, for keeping distractors of past events in the past.
pub fn today_from(created: &str) -> Option<DateValue> {
    DateValue::from_iso(created).filter(|d| d.day.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::merge::merge;
    use crate::generate::testutil::fact;
    use crate::model::{Extraction, Fact, Person};
    use rand::SeedableRng;

    fn cards(facts: Vec<Fact>, people: Vec<Person>, types: &[CardType]) -> Vec<Card> {
        let m = merge(&[Extraction {
            doc: "a.md".into(),
            facts,
            people,
            outlets: vec![],
        }]);
        let ctx = CardContext {
            distractors: Distractors::new(&m.facts, &m.people, today_from("2026-01-01")),
            deck_tag: "test".into(),
            docs: HashMap::new(),
            ambiguous_quotes: HashSet::new(),
            peripheral_quotes: HashSet::new(),
        };
        let wanted = Wanted {
            types: types.to_vec(),
            per_fact: None,
        };
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        (0..m.facts.len())
            .flat_map(|i| cards_for(&ctx, &m.facts, i, &wanted, &mut rng))
            .collect()
    }

    #[test]
    fn cloze_blanks_the_fact_in_its_clause() {
        let c = cards(
            vec![
                fact("a.md", FactKind::Date, "July 20, 1969", "1969-07-20")
                    .sentence("The lunar module landed on July 20, 1969.")
                    .build(),
            ],
            vec![],
            &[CardType::Cloze],
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].prompt, "The lunar module landed on ____.");
        assert_eq!(c[0].answer, "July 20, 1969");
        assert_eq!(c[0].hint.as_deref(), Some("a date"));
        assert_eq!(c[0].tags, vec!["date", "test"]);
    }

    #[test]
    fn range_ends_are_not_asked() {
        let sentence = "The closures take effect in the 2026–27 school year.";
        let c = cards(
            vec![
                fact("a.md", FactKind::Date, "2026", "2026")
                    .sentence(sentence)
                    .build(),
                fact("a.md", FactKind::Date, "27", "2027")
                    .sentence(sentence)
                    .build(),
                fact("a.md", FactKind::Date, "2019", "2019")
                    .sentence("Enrollment has fallen since 2019 in every grade.")
                    .build(),
            ],
            vec![],
            &[
                CardType::Cloze,
                CardType::MultipleChoice,
                CardType::TrueFalse,
            ],
        );
        // One end of a range asked alone is trivia, and a made-up value could
        // put the ends in the wrong order.
        assert!(c.iter().all(|c| c.sentence != sentence), "{c:?}");
        assert!(c.iter().any(|c| c.card_type == CardType::MultipleChoice));
    }

    #[test]
    fn multiple_choice_has_four_distinct_options_with_the_answer() {
        let c = cards(
            vec![
                fact("a.md", FactKind::Money, "$25.4 billion", 25.4e9)
                    .sentence("The Apollo program cost about $25.4 billion over ten years.")
                    .build(),
            ],
            vec![],
            &[CardType::MultipleChoice],
        );
        assert_eq!(c[0].options.len(), 4, "{:?}", c[0].options);
        assert!(c[0].options.contains(&c[0].answer));
        let keys: HashSet<String> = c[0].options.iter().map(|o| normalize_answer(o)).collect();
        assert_eq!(keys.len(), 4, "{:?}", c[0].options);
        assert!(!gives_answer_away(&c[0]));
    }

    #[test]
    fn qualifier_stays_in_the_prompt_not_in_the_options() {
        let c = cards(
            vec![
                fact(
                    "a.md",
                    FactKind::Quantity,
                    "more than 400,000 people",
                    400_000.0,
                )
                .qualifier("more than")
                .unit("people")
                .sentence("The festival drew more than 400,000 people to the farm.")
                .build(),
            ],
            vec![],
            &[CardType::Cloze, CardType::MultipleChoice],
        );
        // The counted words stay in the stem; the blank holds the number.
        assert_eq!(
            c[0].prompt,
            "The festival drew more than ____ people to the farm."
        );
        assert_eq!(c[0].answer, "400,000");
        for o in &c[1].options {
            assert!(!o.contains("more than"), "{o}");
            assert!(!o.contains("people"), "{o}");
        }
    }

    #[test]
    fn sentence_that_repeats_the_answer_makes_no_card() {
        let c = cards(
            vec![
                fact("a.md", FactKind::Money, "$5 billion", 5e9)
                    .sentence("The first $5 billion came early and a second $5 billion came later.")
                    .build(),
            ],
            vec![],
            &[CardType::Cloze],
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn short_answer_lists_accepted_forms() {
        let c = cards(
            vec![
                fact("a.md", FactKind::Money, "$18 billion", 18e9)
                    .sentence("Lawmakers approved $18 billion for the new bridge.")
                    .build(),
            ],
            vec![],
            &[CardType::ShortAnswer],
        );
        assert!(
            c[0].accepted.contains(&"18 billion dollars".to_string()),
            "{:?}",
            c[0].accepted
        );
        assert!(
            c[0].accepted.contains(&"$18B".to_string()),
            "{:?}",
            c[0].accepted
        );
        assert!(!c[0].accepted.contains(&c[0].answer));
    }

    #[test]
    fn who_said_needs_six_words_and_other_people() {
        let people = [
            "Ada Lovelace",
            "Grace Hopper",
            "Alan Turing",
            "Katherine Johnson",
        ]
        .iter()
        .map(|n| Person {
            name: n.to_string(),
            aliases: vec![],
            role: None,
        })
        .collect::<Vec<_>>();
        let long = fact(
            "a.md",
            FactKind::Quote,
            "I checked the trajectory numbers for each Mercury launch by hand",
            "I checked the trajectory numbers for each Mercury launch by hand",
        )
        .speaker("Katherine Johnson")
        .sentence("“I checked the trajectory numbers for each Mercury launch by hand,” Katherine Johnson said.")
        .build();
        let short = fact("a.md", FactKind::Quote, "check it twice", "check it twice")
            .speaker("Grace Hopper")
            .build();
        let c = cards(
            vec![long, short],
            people,
            &[CardType::WhoSaid, CardType::Cloze],
        );
        let who: Vec<&Card> = c
            .iter()
            .filter(|c| c.card_type == CardType::WhoSaid)
            .collect();
        assert_eq!(who.len(), 1);
        assert_eq!(who[0].answer, "Katherine Johnson");
        assert_eq!(who[0].options.len(), 4);
        let cloze = c
            .iter()
            .find(|c| c.card_type == CardType::Cloze)
            .expect("cloze");
        assert_eq!(
            cloze.prompt,
            "“I checked the trajectory numbers for each Mercury launch by hand” — ____"
        );
        assert!(cloze.accepted.contains(&"Johnson".to_string()));
    }

    #[test]
    fn quote_naming_its_speaker_makes_no_card() {
        let q = fact(
            "a.md",
            FactKind::Quote,
            "as Johnson always says we check the numbers",
            "as Johnson always says we check the numbers",
        )
        .speaker("Katherine Johnson")
        .build();
        assert!(cards(vec![q], vec![], &[CardType::WhoSaid, CardType::Cloze]).is_empty());
    }

    #[test]
    fn true_false_states_the_truth_about_half_the_time() {
        let facts: Vec<Fact> = (0..40)
            .map(|i| {
                let v = 1000.0 + i as f64 * 37.0;
                let t = format!("{} residents", v as i64);
                fact("a.md", FactKind::Quantity, &t, v)
                    .unit("residents")
                    .sentence(&format!("Town number {i} had {t} at the last count."))
                    .build()
            })
            .collect();
        let c = cards(facts, vec![], &[CardType::TrueFalse]);
        let trues = c.iter().filter(|c| c.answer == "True").count();
        assert!((10..=30).contains(&trues), "{trues} of {}", c.len());
        for card in &c {
            assert_eq!(card.options, vec!["True", "False"]);
            assert!(
                card.explanation
                    .as_deref()
                    .is_some_and(|e| e.contains("at the last count"))
            );
        }
    }

    #[test]
    fn true_false_is_never_made_for_a_bound_or_a_partys_praise_even_when_asked() {
        let c = cards(
            vec![
                fact("a.md", FactKind::Money, "$50 million", 50e6)
                    .qualifier("more than")
                    .sentence("The county spent more than $50 million on road repairs in 2023.")
                    .build(),
                fact("a.md", FactKind::Percent, "12%", 12.0)
                    .sentence(
                        "Thanks to the governor's bold leadership, exports from the state grew 12% in 2023.",
                    )
                    .build(),
                fact("a.md", FactKind::Quantity, "240", 240.0)
                    .unit("buses")
                    .sentence("The transit authority bought 240 buses for its fleet in 2023.")
                    .build(),
            ],
            vec![],
            &[CardType::TrueFalse],
        );
        let tf: Vec<&Card> = c
            .iter()
            .filter(|c| c.card_type == CardType::TrueFalse)
            .collect();
        // The plain figure still gets its card: the rule is not "no true/false".
        assert_eq!(tf.len(), 1, "{tf:?}");
        assert!(tf[0].prompt.contains("buses"), "{tf:?}");
    }
}
