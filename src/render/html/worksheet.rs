//! Classroom worksheets: balanced question choice, sections by card type,
//! versions with their own orders, and an answer key per version.

use super::{
    Choice, DEFAULT_WORKSHEET_COUNT, WorksheetOptions, letter, page_size, plain, source_line,
};
use crate::error::{Error, Result};
use crate::generate::identity::Identities;
use crate::model::{Card, CardType, Deck, FactId, FactKind, Person};
use crate::render::giveaway::{Printed, printed_text};
use crate::render::{Rendered, Segment, blank_segments, useful_explanation};
use askama::Template;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashMap};

#[derive(Template)]
#[template(path = "worksheet.html")]
struct WorksheetPage {
    title: String,
    page_css: &'static str,
    versions: Vec<VersionView>,
}

struct VersionView {
    /// `Version A`, or empty when there is only one version.
    label: String,
    description: String,
    instructions: String,
    sections: Vec<SectionView>,
    key: Vec<KeyRow>,
}

struct SectionView {
    heading: &'static str,
    directions: &'static str,
    /// `mc`, `tf`, `fill`, `short` or `match`: how the questions are laid out.
    class: &'static str,
    questions: Vec<QuestionView>,
    /// The lettered bank of names for the who-said matching section.
    bank: Vec<Choice>,
}

struct QuestionView {
    number: usize,
    segments: Vec<Segment>,
    /// Lay the choices out in two columns.
    compact: bool,
    choices: Vec<Choice>,
    hint: String,
}

struct KeyRow {
    number: usize,
    answer: String,
    source: String,
}

/// The worksheet sections, in the order they are printed.
const SECTIONS: [(CardType, &str, &str, &str); 5] = [
    (
        CardType::MultipleChoice,
        "Multiple choice",
        "Circle the letter of the best answer.",
        "mc",
    ),
    (
        CardType::TrueFalse,
        "True or false",
        "Circle T if the statement is true and F if it is false.",
        "tf",
    ),
    (
        CardType::Cloze,
        "Fill in the blank",
        "Write the missing words on the line.",
        "fill",
    ),
    (
        CardType::ShortAnswer,
        "Short answer",
        "Answer on the line.",
        "short",
    ),
    (
        CardType::WhoSaid,
        "Who said it?",
        "Write the letter of the person who said each quotation.",
        "match",
    ),
];

/// Renders a worksheet: every version followed by its answer key.
pub fn render_worksheet(deck: &Deck, opts: &WorksheetOptions) -> Result<Rendered> {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let count = opts.count.unwrap_or(DEFAULT_WORKSHEET_COUNT);
    // Without an explicit --count, one question per fact: a second question
    // about the same fact would give the first one's answer away.
    // Who-said questions print the quotation itself, from the card's fact.
    let quotes: HashMap<&FactId, &str> = deck
        .facts
        .iter()
        .filter(|f| f.kind() == FactKind::Quote && !f.text.trim().is_empty())
        .map(|f| (&f.id, f.text.trim()))
        .collect();
    let chosen = select_balanced(&deck.cards, &quotes, count, opts.count.is_some(), &mut rng);
    let mut warnings = Vec::new();
    if chosen.len() < count && opts.count.is_some() {
        warnings.push(format!(
            "the deck has only {} usable cards; the worksheet has {} questions, not {count}",
            chosen.len(),
            chosen.len()
        ));
    }
    let mut versions = Vec::new();
    let mut previous: Option<Vec<Vec<usize>>> = None;
    for v in 0..opts.versions {
        let label = if opts.versions > 1 {
            format!("Version {}", letter(v as usize))
        } else {
            String::new()
        };
        let (view, order) =
            version_view(deck, &quotes, &chosen, label, &mut rng, previous.as_deref());
        previous = Some(order);
        versions.push(view);
    }
    let (_, _, page_css) = page_size(opts.paper);
    let page = WorksheetPage {
        title: deck.deck.title.clone(),
        page_css,
        versions,
    };
    let html = page
        .render()
        .map_err(|e| Error::Other(format!("cannot render the worksheet: {e}")))?;
    Ok(Rendered {
        bytes: html.into_bytes(),
        warnings,
    })
}

/// Chooses up to `count` cards spread evenly over card types and, within each
/// type, over fact kinds: round-robin over the types, each type taking its
/// kinds in turn. Cards of a fact or sentence already asked about come last,
/// so one question does not give away another's answer; they are used only when
/// `allow_repeats` and there are not enough other cards. A card that prints
/// the answer of a card already chosen, or answers what one prints, is never
/// used: the next card of its type takes its place.
fn select_balanced<'a>(
    cards: &'a [Card],
    quotes: &HashMap<&FactId, &str>,
    count: usize,
    allow_repeats: bool,
    rng: &mut ChaCha8Rng,
) -> Vec<&'a Card> {
    // type -> kind -> cards (shuffled)
    let mut buckets: BTreeMap<CardType, BTreeMap<FactKind, Vec<&Card>>> = BTreeMap::new();
    for c in cards {
        buckets
            .entry(c.card_type)
            .or_default()
            .entry(c.kind)
            .or_default()
            .push(c);
    }
    let mut queues: Vec<Vec<Vec<&Card>>> = Vec::new();
    for kinds in buckets.into_values() {
        let mut per_kind: Vec<Vec<&Card>> = kinds.into_values().collect();
        for bucket in &mut per_kind {
            bucket.shuffle(rng);
            // Popped from the back: reverse so the shuffled order is kept.
            bucket.reverse();
        }
        queues.push(per_kind);
    }
    let mut chosen: Vec<&Card> = Vec::new();
    let mut siblings = crate::render::Siblings::default();
    let mut printed = Printed::default();
    let mut deferred: Vec<&Card> = Vec::new();
    let mut kind_turn = vec![0usize; queues.len()];
    loop {
        let mut took_any = false;
        for (t, kinds) in queues.iter_mut().enumerate() {
            if chosen.len() >= count {
                break;
            }
            // This type's next kind that still has cards, in turn.
            let n = kinds.len();
            let Some(k) = (0..n)
                .map(|i| (kind_turn[t] + i) % n)
                .find(|&k| !kinds[k].is_empty())
            else {
                continue;
            };
            kind_turn[t] = k + 1;
            // Skip cards whose fact or sentence is already on the sheet (it
            // would give the answer away); keep them for later.
            while let Some(card) = kinds[k].pop() {
                took_any = true;
                let text = sheet_text(quotes, card);
                if printed.clashes(card, &text) {
                    continue;
                }
                if siblings.first(card) {
                    printed.admit(card, &text);
                    chosen.push(card);
                    break;
                }
                deferred.push(card);
            }
        }
        if chosen.len() >= count || !took_any {
            break;
        }
    }
    for card in deferred {
        if chosen.len() >= count || !allow_repeats {
            break;
        }
        if printed.admit_unless_clash(card, &sheet_text(quotes, card)) {
            chosen.push(card);
        }
    }
    chosen
}

/// What a card prints on the worksheet: a who-said question prints the
/// quotation (its names go to the section's bank), others their own text.
fn sheet_text<'a>(quotes: &HashMap<&FactId, &'a str>, card: &'a Card) -> Vec<&'a str> {
    if card.card_type == CardType::WhoSaid {
        vec![quotes.get(&card.fact).copied().unwrap_or(&card.prompt)]
    } else {
        printed_text(card)
    }
}

/// The people a who-said section names, one identity each: a card's answer
/// and its accepted forms are one person, and names that can only be one
/// person ("Ana Reyes", "Ana Lucia Reyes") join under the fullest.
fn identities(cards: &[&Card]) -> Identities {
    let mut people: Vec<Person> = Vec::new();
    for c in cards {
        people.push(Person {
            name: c.answer.clone(),
            aliases: c.accepted.clone(),
            role: None,
        });
        for o in &c.options {
            people.push(Person {
                name: o.clone(),
                aliases: Vec::new(),
                role: None,
            });
        }
    }
    Identities::new(&people)
}

/// `name (also: other, forms)`: every form of the person's name the key accepts.
fn with_other_forms(name: &str, forms: &[String]) -> String {
    let others: Vec<&str> = forms
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case(name))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if others.is_empty() {
        name.to_string()
    } else {
        format!("{name} (also: {})", others.join(", "))
    }
}

/// One version: questions grouped into sections, shuffled within each section,
/// options shuffled; numbered in print order. Returns the view and the order
/// chosen, so the next version can be made to differ.
fn version_view(
    deck: &Deck,
    quotes: &HashMap<&FactId, &str>,
    chosen: &[&Card],
    label: String,
    rng: &mut ChaCha8Rng,
    previous: Option<&[Vec<usize>]>,
) -> (VersionView, Vec<Vec<usize>>) {
    let mut sections = Vec::new();
    let mut key = Vec::new();
    let mut orders = Vec::new();
    let mut number = 0;
    for (si, (card_type, heading, directions, class)) in SECTIONS.into_iter().enumerate() {
        let cards: Vec<&Card> = chosen
            .iter()
            .copied()
            .filter(|c| c.card_type == card_type)
            .collect();
        let mut order: Vec<usize> = (0..cards.len()).collect();
        order.shuffle(rng);
        if let Some(prev) = previous.and_then(|p| p.get(si))
            && *prev == order
            && order.len() > 1
        {
            order.rotate_left(1);
        }
        orders.push(order.clone());
        if cards.is_empty() {
            continue;
        }
        // One form per person in the bank: the fullest.
        let people = identities(&cards);
        let fullest = |n: &str| people.canonical(n).unwrap_or(n).to_string();
        let bank = if card_type == CardType::WhoSaid {
            let mut names: Vec<String> = Vec::new();
            for c in &cards {
                for n in c.options.iter().chain(std::iter::once(&c.answer)) {
                    let n = fullest(n);
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
            names.sort();
            names.shuffle(rng);
            names
        } else {
            Vec::new()
        };
        let mut questions = Vec::new();
        for &i in &order {
            let card = cards[i];
            number += 1;
            let (question, answer) = question_view(quotes, card, number, &bank, &people, rng);
            key.push(KeyRow {
                number,
                answer,
                source: source_line(card),
            });
            questions.push(question);
        }
        sections.push(SectionView {
            heading,
            directions,
            class,
            questions,
            bank: bank
                .into_iter()
                .enumerate()
                .map(|(i, text)| Choice {
                    letter: letter(i),
                    text,
                })
                .collect(),
        });
    }
    let instructions = format!("Answer all {number} questions. Each question is worth one point.");
    let view = VersionView {
        label,
        description: deck.deck.description.clone(),
        instructions,
        sections,
        key,
    };
    (view, orders)
}

/// The printed question and its answer-key entry.
fn question_view(
    quotes: &HashMap<&FactId, &str>,
    card: &Card,
    number: usize,
    bank: &[String],
    people: &Identities,
    rng: &mut ChaCha8Rng,
) -> (QuestionView, String) {
    // A person's answer: the fullest name, and every other form the key accepts.
    let person = |answer: &str| -> String {
        let name = people.canonical(answer).unwrap_or(answer);
        let mut forms: Vec<String> = people
            .people()
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.aliases.clone())
            .unwrap_or_default();
        forms.push(answer.to_string());
        forms.extend(card.accepted.iter().cloned());
        with_other_forms(name, &forms)
    };
    let hint = card
        .hint
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .unwrap_or_default();
    match card.card_type {
        CardType::MultipleChoice => {
            let mut options = card.options.clone();
            if !options.contains(&card.answer) {
                options.push(card.answer.clone());
            }
            options.shuffle(rng);
            let right = options.iter().position(|o| o == &card.answer).unwrap_or(0);
            let answer = format!("{}. {}", letter(right), card.answer);
            // Short options go in two columns to save paper.
            let compact = options.iter().all(|o| o.chars().count() <= 28);
            let choices = options
                .into_iter()
                .enumerate()
                .map(|(i, text)| Choice {
                    letter: letter(i),
                    text,
                })
                .collect();
            (
                QuestionView {
                    number,
                    segments: blank_segments(&card.prompt),
                    compact,
                    choices,
                    hint: String::new(),
                },
                answer,
            )
        }
        CardType::TrueFalse => {
            let mut answer = card.answer.clone();
            if let Some(ex) = useful_explanation(card) {
                answer = format!("{answer} — {ex}");
            }
            (
                QuestionView {
                    number,
                    segments: blank_segments(&card.prompt),
                    compact: false,
                    choices: Vec::new(),
                    hint: String::new(),
                },
                answer,
            )
        }
        CardType::Cloze | CardType::ShortAnswer => {
            let mut segments = blank_segments(&card.prompt);
            if card.card_type == CardType::Cloze && !segments.iter().any(|s| s.blank) {
                segments.push(Segment {
                    text: String::new(),
                    blank: true,
                });
            }
            (
                QuestionView {
                    number,
                    segments,
                    compact: false,
                    choices: Vec::new(),
                    hint,
                },
                if card.kind == FactKind::Quote {
                    person(&card.answer)
                } else {
                    card.answer.clone()
                },
            )
        }
        CardType::WhoSaid => {
            let quote = quotes
                .get(&card.fact)
                .map(|q| format!("“{q}”"))
                .unwrap_or_else(|| card.prompt.clone());
            let name = people.canonical(&card.answer).unwrap_or(&card.answer);
            let right = bank.iter().position(|n| n == name).unwrap_or(0);
            (
                QuestionView {
                    number,
                    segments: plain(quote),
                    compact: false,
                    choices: Vec::new(),
                    hint: String::new(),
                },
                format!("{}. {}", letter(right), person(&card.answer)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::Paper;
    use crate::render::html::test_support::{deck, mixed};
    use std::collections::HashSet;

    fn worksheet_html(cards: Vec<Card>, count: Option<usize>, versions: u32, seed: u64) -> String {
        let opts = WorksheetOptions {
            paper: Paper::A4,
            count,
            versions,
            seed,
        };
        String::from_utf8(render_worksheet(&deck(cards), &opts).expect("render").bytes)
            .expect("utf8")
    }

    #[test]
    fn worksheet_count_is_balanced_across_types_and_kinds() {
        let cards = mixed(50);
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let chosen = select_balanced(&cards, &HashMap::new(), 10, true, &mut rng);
        assert_eq!(chosen.len(), 10);
        for t in CardType::ALL {
            let n = chosen.iter().filter(|c| c.card_type == t).count();
            assert_eq!(n, 2, "{t}");
            let kinds: HashSet<_> = chosen
                .iter()
                .filter(|c| c.card_type == t)
                .map(|c| c.kind)
                .collect();
            assert_eq!(kinds.len(), 2, "{t} should mix kinds");
        }
    }

    #[test]
    fn worksheet_prefers_distinct_facts() {
        let mut a = card(CardType::Cloze, "Paid ____.", "$5");
        let mut b = card(CardType::ShortAnswer, "How much?", "$5");
        let c = card(CardType::MultipleChoice, "Other?", "$7");
        a.fact = FactId("same".into());
        b.fact = FactId("same".into());
        let cards = vec![a, b, c];
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let chosen = select_balanced(&cards, &HashMap::new(), 2, true, &mut rng);
        let facts: HashSet<_> = chosen.iter().map(|c| &c.fact).collect();
        assert_eq!(facts.len(), 2);
        // Repeats only fill up an explicit count, never a default one.
        assert_eq!(
            select_balanced(&cards, &HashMap::new(), 3, true, &mut rng).len(),
            3
        );
        assert_eq!(
            select_balanced(&cards, &HashMap::new(), 3, false, &mut rng).len(),
            2
        );
    }

    #[test]
    fn worksheet_does_not_ask_two_facts_of_one_sentence() {
        // "borrow $3 million … a grant of ____" would answer "borrow ____".
        let sentence = "The city will borrow $3 million and get a grant of $1.2 million.";
        let mut a = card(
            CardType::Cloze,
            "The city will borrow ____ and …",
            "$3 million",
        );
        let mut b = card(
            CardType::MultipleChoice,
            "… a grant of ____.",
            "$1.2 million",
        );
        a.sentence = sentence.into();
        b.sentence = sentence.into();
        let c = card(CardType::ShortAnswer, "Other ____?", "$7");
        let cards = vec![a, b, c];
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let chosen = select_balanced(&cards, &HashMap::new(), 3, false, &mut rng);
        assert_eq!(chosen.len(), 2, "{chosen:?}");
        let sentences: HashSet<_> = chosen.iter().map(|c| &c.sentence).collect();
        assert_eq!(sentences.len(), 2);
    }

    #[test]
    fn no_question_prints_another_questions_answer() {
        // Invented: the true/false statement prints the short answer's answer,
        // though the two are different facts from different sentences.
        let asked = card(
            CardType::ShortAnswer,
            "How much did the county spend on the ferry dock?",
            "$2.8 million",
        );
        let telling = card(
            CardType::TrueFalse,
            "The ferry dock cost the county $2.8 million.",
            "True",
        );
        // Another fact, but its options print the short answer's answer.
        let mut options = card(
            CardType::MultipleChoice,
            "What did the boathouse cost?",
            "$3 million",
        );
        options.options = vec![
            "$3 million".into(),
            "$2.8 million".into(),
            "$1 million".into(),
        ];
        let others: Vec<Card> = (0..4)
            .map(|i| {
                card(
                    CardType::Cloze,
                    &format!("Item {i} cost ____."),
                    &format!("${i}0"),
                )
            })
            .collect();
        let mut cards = vec![asked.clone(), telling.clone(), options.clone()];
        cards.extend(others);
        for seed in 0..20 {
            for count in [None, Some(7)] {
                let html = worksheet_html(cards.clone(), count, 1, seed);
                let has = |c: &Card| html.contains(&c.prompt);
                assert!(!(has(&asked) && has(&telling)), "seed {seed} {count:?}");
                assert!(!(has(&asked) && has(&options)), "seed {seed} {count:?}");
                assert!(has(&telling) || has(&asked), "one of them is asked");
                // Nothing else is lost.
                assert!((0..4).all(|i| html.contains(&format!("Item {i} cost"))));
            }
        }
    }

    #[test]
    fn name_bank_holds_one_form_per_person_and_the_key_every_form() {
        let mut a = card(
            CardType::WhoSaid,
            "“The dock opens in May.”",
            "Ana Lucia Reyes",
        );
        a.kind = FactKind::Quote;
        a.accepted = vec!["Reyes".into(), "Mayor Reyes".into()];
        a.options = vec![
            "Ana Lucia Reyes".into(),
            "Tom Hale".into(),
            "Ida Moss".into(),
        ];
        let mut b = card(CardType::WhoSaid, "“Fares stay the same.”", "Tom Hale");
        b.kind = FactKind::Quote;
        // A deck made before one identity per person: another form of Reyes.
        b.options = vec!["Tom Hale".into(), "Ana Reyes".into(), "Ida Moss".into()];
        let d = deck(vec![a, b]);
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let chosen: Vec<&Card> = d.cards.iter().collect();
        let (view, _) = version_view(&d, &HashMap::new(), &chosen, String::new(), &mut rng, None);
        let bank: Vec<&str> = view.sections[0]
            .bank
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        let mut sorted = bank.clone();
        sorted.sort();
        assert_eq!(sorted, ["Ana Lucia Reyes", "Ida Moss", "Tom Hale"]);
        let reyes = view
            .key
            .iter()
            .find(|k| k.answer.contains("Ana Lucia Reyes"))
            .expect("key row");
        for form in ["Ana Reyes", "Reyes", "Mayor Reyes"] {
            assert!(reyes.answer.contains(form), "{}", reyes.answer);
        }
        assert!(reyes.answer.contains("(also: "), "{}", reyes.answer);
    }

    #[test]
    fn every_printed_page_has_a_number_and_its_versions_label() {
        let html = worksheet_html(mixed(40), Some(30), 2, 7);
        assert!(html.contains("counter(page)"), "no page numbers");
        for (n, label) in [(1, "Version A"), (2, "Version B")] {
            let page = format!("@page version-{n} {{ @top-right {{ content: \"{label}\";");
            assert!(html.contains(&page), "{page}");
            assert!(html.contains(&format!("class=\"version version-{n}\"")));
            assert!(html.contains(&format!(".version-{n} {{ page: version-{n}; }}")));
        }
        // One version: no label to repeat, but still page numbers.
        let single = worksheet_html(mixed(40), Some(30), 1, 7);
        assert!(single.contains("counter(page)") && !single.contains("@top-right"));
    }

    #[test]
    fn worksheet_versions_differ_and_are_reproducible() {
        let one = worksheet_html(mixed(25), Some(12), 2, 7);
        let again = worksheet_html(mixed(25), Some(12), 2, 7);
        assert_eq!(one, again);
        assert!(one.contains("Version A") && one.contains("Version B"));
        let (a, b) = one
            .split_once("class=\"version version-2\"")
            .expect("two versions");
        let numbered = |s: &str| -> Vec<String> {
            s.match_indices("Question ")
                .map(|(i, _)| s[i..].chars().take(12).collect())
                .collect()
        };
        assert_ne!(
            numbered(a),
            numbered(b),
            "versions should order questions differently"
        );
        assert_ne!(one, worksheet_html(mixed(25), Some(12), 2, 8));
    }

    #[test]
    fn worksheet_key_letters_match_printed_options() {
        let mut c = card(CardType::MultipleChoice, "Which amount?", "$7");
        c.options = vec!["$5".into(), "$6".into(), "$7".into(), "$8".into()];
        let deck = deck(vec![c]);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let chosen: Vec<&Card> = deck.cards.iter().collect();
        let (view, _) = version_view(
            &deck,
            &HashMap::new(),
            &chosen,
            String::new(),
            &mut rng,
            None,
        );
        let q = &view.sections[0].questions[0];
        let right = q
            .choices
            .iter()
            .find(|c| c.text == "$7")
            .expect("answer shown");
        assert_eq!(view.key[0].answer, format!("{}. $7", right.letter));
    }
}
