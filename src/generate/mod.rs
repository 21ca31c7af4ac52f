//! Stage 2: turn facts into cards — merging documents, ranking facts, card
//! types and distractors.
//!
//! [`generate_deck`] is the whole stage: [`merge`] joins the facts of every
//! document and finds conflicts, [`select`] ranks them, [`worth`] skips
//! trivia, [`cards`] writes each card type with [`clause`] (the clause
//! holding the fact), [`standalone`] (that clause rewritten to read alone),
//! [`question`] (a question made from it) and [`distractors`] (wrong options
//! in the answer's [`forms`]). One seeded RNG is passed down; nothing else is
//! random, so the same inputs and seed give the same deck.

pub mod cards;
pub mod clause;
pub mod distractors;
pub mod forms;
pub mod identity;
pub mod inputs;
pub mod merge;
pub mod question;
pub mod select;
pub mod standalone;
pub mod summary;
#[cfg(test)]
pub(crate) mod testutil;
pub mod worth;

use crate::model::{Card, CardType, DECK_FORMAT, Deck, DeckInfo, Extraction, SourceDoc};
use cards::{CardContext, Wanted, cards_for, gives_answer_away, today_from};
use distractors::Distractors;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use standalone::DocContext;
use std::collections::{HashMap, HashSet};

/// What `generate` was asked for.
#[derive(Debug, Clone, Default)]
pub struct GenerateOptions {
    pub title: String,
    pub description: String,
    /// `YYYY-MM-DD`; also the "today" no distractor of a past event may pass.
    pub created: String,
    pub seed: u64,
    /// Card types to make; empty means the type that suits each fact best.
    pub types: Vec<CardType>,
    /// Cards per fact; `None` means one (or, with `types`, one of each type).
    pub per_fact: Option<usize>,
    /// Each document's plain text by path, for naming what a pronoun or role
    /// noun points to and reading the document's date; documents without one
    /// still get cards, but none that needs it.
    pub texts: HashMap<String, String>,
    pub max_cards: Option<usize>,
    /// The documents, for the `[deck]` table (path, title, sha256).
    pub sources: Vec<SourceDoc>,
}

/// Builds a deck from the extractions of several documents: facts merged over
/// documents, conflicts recorded, cards for the best facts (disputed facts get
/// none), in document order.
pub fn generate_deck(extractions: &[Extraction], opts: &GenerateOptions) -> Deck {
    let mut merged = merge::merge(extractions);
    // A value a deck cannot hold (`nan` money) would fail `check`.
    let before = merged.facts.len();
    merged.facts.retain(|f| f.value.fits(f.kind()));
    if merged.facts.len() < before {
        let kept: std::collections::HashSet<_> = merged.facts.iter().map(|f| &f.id).collect();
        merged
            .conflicts
            .retain(|c| c.facts.iter().all(|id| kept.contains(id)));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let docs: HashMap<String, DocContext> = extractions
        .iter()
        .map(|ex| {
            let text = opts.texts.get(&ex.doc).map_or("", String::as_str);
            (ex.doc.clone(), DocContext::new(text, &ex.people))
        })
        .collect();
    let doc_years = docs
        .iter()
        .filter_map(|(path, d): (&String, &DocContext)| {
            d.date.map(|t| (path.clone(), chrono::Datelike::year(&t)))
        })
        .collect();
    let ctx = CardContext {
        distractors: Distractors::new(&merged.facts, &merged.people, today_from(&opts.created))
            .with_doc_years(doc_years),
        deck_tag: slug(&opts.title),
        docs,
        ambiguous_quotes: worth::near_duplicate_quotes(&merged.facts),
        peripheral_quotes: worth::peripheral_quotes(&merged.facts, &opts.texts),
    };
    let wanted = Wanted {
        types: opts.types.clone(),
        per_fact: opts.per_fact,
    };
    let limit = opts.max_cards.unwrap_or(usize::MAX);
    // By default a sentence feeds one card: two cards of one sentence give
    // each other away (the best-ranked fact of the sentence is asked).
    let one_per_sentence = opts.per_fact.is_none() && opts.types.is_empty();
    let mut asked: HashSet<&str> = HashSet::new();
    // Every figure of a list item goes with it (the "800 square feet" of
    // one grant's terminal is as much trivia as the grant).
    let list_items: HashSet<&str> = list_lines(&merged.facts)
        .into_iter()
        .chain(funding_block_lines(&merged.facts, &opts.texts))
        .map(|i| merged.facts[i].sentence.as_str())
        .collect();
    // What each document's kept cards ask and show, so that no card repeats
    // a fact another asks in other words, nor prints another's answer.
    let mut shown: HashMap<&str, Vec<Shown>> = HashMap::new();
    let mut cards: Vec<(usize, Card)> = Vec::new();
    for idx in select::rank(&merged.facts, &merged.conflicts) {
        if cards.len() >= limit {
            break;
        }
        let sentence = merged.facts[idx].sentence.as_str();
        if one_per_sentence && list_items.contains(sentence) {
            continue;
        }
        if one_per_sentence && asked.contains(sentence) {
            continue;
        }
        let mut made = cards_for(&ctx, &merged.facts, idx, &wanted, &mut rng);
        if one_per_sentence && !made.is_empty() {
            let fact = &merged.facts[idx];
            let doc = fact.sources.first().map_or("", |s| s.doc.as_str());
            let kept = shown.entry(doc).or_default();
            made.retain(|c| {
                !repeats_or_gives_away(fact, c, kept)
                    && !named_by_its_date(c.kind, &c.prompt, &c.answer)
            });
            if !made.is_empty() {
                kept.extend(made.iter().map(|c| Shown::of(fact, c)));
            }
        }
        if one_per_sentence && !made.is_empty() {
            asked.insert(sentence);
        }
        let room = limit - cards.len();
        cards.extend(
            made.into_iter()
                .filter(|c| !gives_answer_away(c))
                .take(room)
                .map(|c| (idx, c)),
        );
    }
    if opts.types.is_empty() {
        cap_who_said(&mut cards, &merged.facts);
    }
    let type_order: HashMap<CardType, usize> = CardType::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i))
        .collect();
    cards.sort_by_key(|(idx, c)| (*idx, type_order.get(&c.card_type).copied()));
    Deck {
        format: DECK_FORMAT,
        deck: DeckInfo {
            title: opts.title.clone(),
            description: opts.description.clone(),
            created: opts.created.clone(),
            seed: opts.seed,
            sources: opts.sources.clone(),
        },
        conflicts: merged.conflicts,
        facts: merged.facts,
        cards: cards.into_iter().map(|(_, c)| c).collect(),
    }
}

/// What a kept card asks (its fact's kind, value and subject words) and
/// shows (its prompt and answer).
struct Shown {
    kind: crate::model::FactKind,
    value: crate::model::Value,
    words: HashSet<String>,
    prompt: String,
    /// What the card asks, as a stem would print it: the answer, or for a
    /// count the count with what it counts ("20 years", not "20").
    asked: String,
}

impl Shown {
    fn of(fact: &crate::model::DeckFact, card: &Card) -> Shown {
        Shown {
            kind: fact.kind(),
            value: fact.value.clone(),
            words: subject_words(&fact.sentence, &fact.text),
            prompt: card.prompt.to_lowercase(),
            asked: asked_figure(fact, card),
        }
    }
}

/// The figure a card asks as another stem would print it: a count with its
/// noun ("20 years" does not give away "20 tickets"), else the answer.
fn asked_figure(fact: &crate::model::DeckFact, card: &Card) -> String {
    if fact.kind() == crate::model::FactKind::Quantity && fact.text.contains(' ') {
        fact.text.to_lowercase()
    } else {
        card.answer.to_lowercase()
    }
}

/// The words a sentence says its figure is about: four letters or more,
/// not function words, the figure itself left out, a plural's "s" dropped.
fn subject_words(sentence: &str, figure: &str) -> HashSet<String> {
    let rest = sentence.replacen(figure, " ", 1);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| {
            crate::lexicon::lower_flags(w) & (crate::lexicon::STOP | crate::lexicon::FUNCTION_WORD)
                == 0
        })
        .map(|w| w.strip_suffix('s').map_or(w.clone(), str::to_string))
        .collect()
}

/// Whether a card of `fact` asks again what a kept card of its document
/// asks — the same kind and value said of mostly the same subject words
/// ("approved a $12 million parks budget" / "the $12 million budget for new
/// parks was approved") — or whether either prints the other's answer (the
/// year one card asks stands in another's stem). Figures only: a name in
/// another stem does not say who said a quotation.
fn repeats_or_gives_away(fact: &crate::model::DeckFact, card: &Card, kept: &[Shown]) -> bool {
    if fact.kind() == crate::model::FactKind::Quote {
        return false;
    }
    let words = subject_words(&fact.sentence, &fact.text);
    let asked = asked_figure(fact, card);
    let prompt = card.prompt.to_lowercase();
    let figure = |a: &str| a.chars().any(|c| c.is_ascii_digit());
    kept.iter().any(|k| {
        let shared = words.intersection(&k.words).count();
        let repeat = k.kind == fact.kind()
            && k.value == fact.value
            && shared >= 3
            && shared * 2 >= words.len().min(k.words.len());
        let prints = figure(&asked) && holds_figure(&k.prompt, &asked)
            || figure(&k.asked) && holds_figure(&prompt, &k.asked);
        repeat || prints
    })
}

/// Whether `text` holds `figure` as a whole token ("1949" in "in 1949 by",
/// not in "19490").
fn holds_figure(text: &str, figure: &str) -> bool {
    text.match_indices(figure).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + figure.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != ',')
            && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A year asked of an event its stem names by its date ("the 9/11
/// attacks", "the 7/7 bombings"): the name gives the answer away.
fn named_by_its_date(kind: crate::model::FactKind, prompt: &str, answer: &str) -> bool {
    static DAY_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b\d{1,2}/\d{1,2}\b(?:/\d{2,4})?").expect("valid regex")
    });
    kind == crate::model::FactKind::Date
        && answer.trim().len() == 4
        && DAY_NAME
            .find_iter(prompt)
            .any(|m| m.as_str().matches('/').count() == 1)
}

/// Figures on the lines of a funding list however its lines are laid out:
/// after a lead-in line naming grants, funding or awards and ending in a
/// colon, the lines that each hold a sum (blank lines and sub-headings
/// ending in a colon between them), three or more. Each is one item's
/// figure ("$300,000 for the county …", "The library will receive
/// $250,000 …"), trivia beside the list's total.
fn funding_block_lines(
    facts: &[crate::model::DeckFact],
    texts: &HashMap<String, String>,
) -> HashSet<usize> {
    static SUM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[$£€¥]\s?\d|\d\s*(?:million|billion)\b").expect("valid regex")
    });
    const LEAD_NOUNS: &[&str] = &[
        "funding",
        "grant",
        "award",
        "investment",
        "allocation",
        "earmark",
        "appropriation",
        "recipient",
        "fund",
    ];
    let mut lines_of: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (doc, text) in texts {
        let lines: Vec<&str> = text.lines().collect();
        let mut items: HashSet<usize> = HashSet::new();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i].trim();
            let lower = l.to_lowercase();
            if !(l.ends_with(':') && LEAD_NOUNS.iter().any(|n| lower.contains(n))) {
                i += 1;
                continue;
            }
            let mut block = Vec::new();
            let mut j = i + 1;
            while j < lines.len() {
                let m = lines[j].trim();
                if m.is_empty() || m.ends_with(':') {
                    j += 1;
                    continue;
                }
                if !SUM.is_match(m) {
                    break;
                }
                block.push(j + 1);
                j += 1;
            }
            if block.len() >= 3 {
                items.extend(block);
            }
            i = j.max(i + 1);
        }
        if !items.is_empty() {
            lines_of.insert(doc.as_str(), items);
        }
    }
    facts
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.kind() != crate::model::FactKind::Quote
                && f.sources.iter().any(|s| {
                    lines_of
                        .get(s.doc.as_str())
                        .is_some_and(|set| set.contains(&s.line))
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// Figures on the lines of a list: three or more items of one document
/// laid out alike with one kind of figure in the same place — sentences
/// opening on the same three words ("The grants include $… for …"), or
/// allotting a figure first ("$250,000 for …") or after a label and a colon
/// ("Elk Ridge Airport: $855,000 to …"), as paragraphs or bullet lines.
/// Each item's figure is one among many (trivia); the list's total or count,
/// stated elsewhere, is what is worth asking.
fn list_lines(facts: &[crate::model::DeckFact]) -> HashSet<usize> {
    // Per document: one template repeated over many documents is no list.
    let mut by_layout: HashMap<(&str, crate::model::FactKind, String), Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        if f.kind() == crate::model::FactKind::Quote {
            continue;
        }
        let Some(layout) = list_layout(&f.sentence, &f.text) else {
            continue;
        };
        by_layout
            .entry((
                f.sources.first().map_or("", |s| s.doc.as_str()),
                f.kind(),
                layout,
            ))
            .or_default()
            .push(i);
    }
    by_layout
        .into_values()
        .filter(|v| {
            let mut sentences: Vec<&str> = v.iter().map(|&i| facts[i].sentence.as_str()).collect();
            sentences.sort_unstable();
            sentences.dedup();
            sentences.len() >= 3
        })
        .flatten()
        .collect()
}

/// How a sentence lays out its figure `text`, as a list item would: bullet
/// or not, then the figure first, a short label and a colon before it, or
/// the sentence's first three words. `None` when nothing marks it as an item.
fn list_layout(sentence: &str, text: &str) -> Option<String> {
    let s = sentence.trim_start();
    let body = s.trim_start_matches(['-', '–', '—', '•', '*', '·', '▪']);
    let numbered = {
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0
            && digits <= 2
            && s[digits..].starts_with([')', '.'])
            && s[digits + 1..].starts_with(' ')
    };
    let (bullet, body) = if body.len() < s.len() {
        (true, body.trim_start())
    } else if numbered {
        let d = s.find([')', '.']).map_or(0, |i| i + 1);
        (true, s[d..].trim_start())
    } else {
        (false, s)
    };
    let mark = if bullet { "bullet" } else { "line" };
    // A figure given to someone or something: "$X for …", "$X to build …".
    if let Some(at) = body.find(text.trim()) {
        let head = body[..at].trim();
        let next = body[at + text.trim().len()..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let allotted = ["for", "to", "toward", "towards"].contains(&next.as_str());
        if allotted && head.is_empty() {
            return Some(format!("{mark}: figure first"));
        }
        if allotted && head.ends_with(':') && head.split_whitespace().count() <= 14 {
            return Some(format!("{mark}: label, figure"));
        }
    }
    if bullet {
        return None;
    }
    let opening: Vec<String> = body
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // An opening that holds a figure says nothing shared.
    if opening.len() < 3
        || opening
            .iter()
            .any(|w| w.is_empty() || w.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some(format!("{mark}: {}", opening.join(" ")))
}

/// Who-said cards take at most a third of a deck by default
/// ([`MAX_WHO_SAID_SHARE`]): a deck of quotations asks little about the
/// facts. The quotations kept are the most telling ones (see
/// [`worth::quote_score`]), ties going to the earlier fact.
fn cap_who_said(cards: &mut Vec<(usize, Card)>, facts: &[crate::model::DeckFact]) {
    let who: Vec<usize> = (0..cards.len())
        .filter(|&i| cards[i].1.card_type == CardType::WhoSaid)
        .collect();
    let others = cards.len() - who.len();
    // who / (who + others) <= 1/3  ⇔  who <= others / 2; one quotation may
    // stay in a deck of few other cards.
    let allowed = (others / (MAX_WHO_SAID_SHARE - 1)).max(1);
    if who.len() <= allowed {
        return;
    }
    let mut ranked: Vec<(std::cmp::Reverse<usize>, usize, usize)> = who
        .iter()
        .map(|&i| {
            let (idx, card) = &cards[i];
            let f = &facts[*idx];
            let role = f.speaker_role().is_some_and(|r| !r.is_empty());
            (
                std::cmp::Reverse(worth::quote_score(&card.prompt, role)),
                *idx,
                i,
            )
        })
        .collect();
    ranked.sort();
    let drop: HashSet<usize> = ranked.iter().skip(allowed).map(|r| r.2).collect();
    let mut i = 0;
    cards.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// One card in this many may be a who-said card, at most, by default.
const MAX_WHO_SAID_SHARE: usize = 3;

/// A tag-safe form of a title: lowercase words joined by `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for w in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + w.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FactKind;
    use testutil::fact;

    fn sample() -> Vec<Extraction> {
        let a = vec![
            fact("a.md", FactKind::Date, "July 16, 1969", "1969-07-16")
                .sentence("The rocket lifted off from Florida on July 16, 1969.")
                .build(),
            fact("a.md", FactKind::Money, "$25.4 billion", 25.4e9)
                .sentence("The whole program cost about $25.4 billion by its end.")
                .line(4)
                .build(),
            fact("a.md", FactKind::Percent, "53%", 53.0)
                .sentence("A poll found that 53% of adults thought it worth the cost.")
                .line(6)
                .build(),
        ];
        let b = vec![
            fact("b.md", FactKind::Date, "July 16, 1969", "1969-07-16")
                .sentence("On July 16, 1969, the rocket lifted off from Florida.")
                .line(2)
                .build(),
        ];
        vec![
            Extraction {
                doc: "a.md".into(),
                facts: a,
                ..Default::default()
            },
            Extraction {
                doc: "b.md".into(),
                facts: b,
                ..Default::default()
            },
        ]
    }

    fn opts(seed: u64) -> GenerateOptions {
        GenerateOptions {
            title: "Moon Landing".into(),
            created: "2026-01-01".into(),
            seed,
            ..Default::default()
        }
    }

    fn one_doc(facts: Vec<crate::model::Fact>, text: &str) -> (Vec<Extraction>, GenerateOptions) {
        let mut o = opts(3);
        o.texts.insert("c.md".into(), text.into());
        (
            vec![Extraction {
                doc: "c.md".into(),
                facts,
                ..Default::default()
            }],
            o,
        )
    }

    #[test]
    fn no_card_prints_the_year_another_card_asks() {
        let text = "The Harbor League was formed in Kelso in 1931 by 12 towns.\n\
                    Since the Harbor League's founding in 1931, its rules have changed four times.\n";
        let facts = vec![
            fact("c.md", FactKind::Quantity, "12 towns", 12.0)
                .unit("towns")
                .sentence("The Harbor League was formed in Kelso in 1931 by 12 towns.")
                .line(1)
                .build(),
            fact("c.md", FactKind::Date, "1931", "1931")
                .sentence("Since the Harbor League's founding in 1931, its rules have changed four times.")
                .line(2)
                .build(),
        ];
        let (ex, o) = one_doc(facts, text);
        let deck = generate_deck(&ex, &o);
        let answers: Vec<&str> = deck.cards.iter().map(|c| c.answer.as_str()).collect();
        assert_eq!(deck.cards.len(), 1, "{answers:?}");
        // With every type asked for, both facts are asked.
        let mut all = o.clone();
        all.per_fact = Some(1);
        all.types = vec![CardType::Cloze];
        assert_eq!(generate_deck(&ex, &all).cards.len(), 2);
    }

    #[test]
    fn a_reworded_repeat_is_asked_once() {
        // "$2B" and "$2 billion" of the same funding in other words: the
        // merge keeps two facts (other spans), the deck asks one.
        let head = "Harbor Agency Announces Nearly $2B in Clean Harbors Act Funding Improving Ferry Docks across Valdora.";
        let body = "The Clean Harbors Act provides $2 billion annually for five years for Ferry Dock grants in Valdora.";
        let text = format!("{head}\n\n{body}\n");
        let facts = vec![
            fact("c.md", FactKind::Money, "$2B", 2e9)
                .currency("USD")
                .qualifier("nearly")
                .sentence(head)
                .line(1)
                .build(),
            fact("c.md", FactKind::Money, "$2 billion", 2e9)
                .currency("USD")
                .sentence(body)
                .line(3)
                .build(),
        ];
        let (ex, o) = one_doc(facts, &text);
        let deck = generate_deck(&ex, &o);
        assert_eq!(deck.facts.len(), 2);
        assert_eq!(deck.cards.len(), 1, "{:?}", deck.cards);
    }

    #[test]
    fn the_figures_of_a_funding_list_laid_out_unalike_are_not_asked() {
        let text = "Kelso will share $3 million in new grants.\n\
                    The grants include:\n\
                    - $700,000 for the Kelso Food Bank to open a second kitchen.\n\
                    - The Marlow Library will receive $500,000 for new shelving.\n\
                    - Easton Clinic: $450,000 toward a new dental wing.\n";
        let item = |t: &str, v: f64, s: &str, l: usize| {
            fact("c.md", FactKind::Money, t, v)
                .currency("USD")
                .sentence(s)
                .line(l)
                .build()
        };
        let facts = vec![
            item(
                "$700,000",
                7e5,
                "- $700,000 for the Kelso Food Bank to open a second kitchen.",
                3,
            ),
            item(
                "$500,000",
                5e5,
                "- The Marlow Library will receive $500,000 for new shelving.",
                4,
            ),
            item(
                "$450,000",
                4.5e5,
                "- Easton Clinic: $450,000 toward a new dental wing.",
                5,
            ),
        ];
        let (ex, o) = one_doc(facts, text);
        assert!(funding_block_lines(&generate_deck(&ex, &o).facts, &o.texts).len() == 3);
        assert!(generate_deck(&ex, &o).cards.is_empty());
    }

    #[test]
    fn a_year_asked_of_an_event_named_by_its_date_is_given_away() {
        let asks = |prompt: &str| named_by_its_date(FactKind::Date, prompt, "2031");
        assert!(asks("The 4/12 floods in Kelso struck in ____."));
        assert!(!asks("The floods in Kelso struck in ____."));
        assert!(!named_by_its_date(
            FactKind::Quantity,
            "The 4/12 floods killed ____.",
            "12"
        ));
    }

    #[test]
    fn same_inputs_and_seed_give_the_same_deck() {
        assert_eq!(
            generate_deck(&sample(), &opts(7)),
            generate_deck(&sample(), &opts(7))
        );
    }

    #[test]
    fn corroborated_fact_is_reported_by_two_sources() {
        let deck = generate_deck(&sample(), &opts(1));
        assert_eq!(deck.facts.len(), 3);
        let launch: Vec<&Card> = deck
            .cards
            .iter()
            .filter(|c| c.kind == FactKind::Date)
            .collect();
        assert!(!launch.is_empty());
        assert!(launch.iter().all(|c| c.reported_by == 2));
        assert!(
            deck.cards
                .iter()
                .all(|c| c.tags.contains(&"moon-landing".to_string()))
        );
    }

    #[test]
    fn max_cards_keeps_the_best_facts() {
        let deck = generate_deck(
            &sample(),
            &GenerateOptions {
                max_cards: Some(2),
                per_fact: Some(2),
                ..opts(1)
            },
        );
        assert_eq!(deck.cards.len(), 2);
        // The date two documents state outranks the single-source figures.
        assert!(
            deck.cards.iter().all(|c| c.kind == FactKind::Date),
            "{:?}",
            deck.cards
        );
    }

    #[test]
    fn who_said_cards_take_at_most_a_third_of_a_deck() {
        let quotes = [
            (
                "Ana Ruiz",
                "I promised Riverton commuters our ferries will carry twice as many people by autumn",
            ),
            (
                "Dale Ito",
                "I have seen the northern seawall in Kelso protect four thousand homes from flooding",
            ),
            (
                "Lena Berg",
                "I will keep every Easton district library open on Sundays under the revised plan",
            ),
            (
                "Omar Hadi",
                "My bakery in Marlow pays higher electricity tariffs than the steel mills downriver",
            ),
            (
                "Ana Ruiz",
                "I watched Riverton rail ridership double once monthly passes became cheaper for students",
            ),
            (
                "Dale Ito",
                "I want the volunteer firefighters of Kelso to get pensions matching those of salaried crews",
            ),
        ];
        let mut facts: Vec<_> = quotes
            .iter()
            .enumerate()
            .map(|(i, (who, q))| {
                fact("a.md", FactKind::Quote, q, *q)
                    .speaker(who)
                    .sentence(&format!("“{q},” {who} said."))
                    .line(i + 1)
                    .build()
            })
            .collect();
        facts.push(
            fact("a.md", FactKind::Money, "$25.4 million", 25.4e6)
                .sentence("The harbour authority spent $25.4 million on dredging in 2024.")
                .line(20)
                .build(),
        );
        facts.push(
            fact("a.md", FactKind::Percent, "53%", 53.0)
                .sentence("Turnout in the Riverton mayoral election of 2023 reached 53%.")
                .line(21)
                .build(),
        );
        let people = ["Ana Ruiz", "Dale Ito", "Lena Berg", "Omar Hadi"]
            .iter()
            .map(|n| crate::model::Person {
                name: n.to_string(),
                aliases: vec![],
                role: None,
            })
            .collect();
        let ex = Extraction {
            doc: "a.md".into(),
            facts,
            people,
            outlets: vec![],
        };
        let deck = generate_deck(&[ex], &opts(5));
        let who = deck
            .cards
            .iter()
            .filter(|c| c.card_type == CardType::WhoSaid)
            .count();
        assert!(who >= 1, "{:#?}", deck.cards);
        assert!(who * 3 <= deck.cards.len(), "{who} of {}", deck.cards.len());
    }

    #[test]
    fn lines_of_a_grants_list_are_not_asked() {
        let line = |place: &str, amount: &str, v: f64, n: usize| {
            fact("a.md", FactKind::Money, amount, v)
                .sentence(&format!(
                    "The awards include {amount} for {place} to repave its runway."
                ))
                .line(n)
                .build()
        };
        let facts = vec![
            fact("a.md", FactKind::Money, "$970 million", 970e6)
                .sentence("The transport agency approved $970 million for airport terminals on March 3, 2024.")
                .line(1)
                .build(),
            line("Elk Ridge Airport", "$855,000", 855e3, 3),
            line("Port Alder Field", "$1.2 million", 1.2e6, 4),
            line("Grey Lake Airport", "$640,000", 640e3, 5),
        ];
        let ex = Extraction {
            doc: "a.md".into(),
            facts,
            ..Default::default()
        };
        let deck = generate_deck(&[ex], &opts(3));
        assert!(
            deck.cards.iter().all(|c| c.answer == "$970 million"),
            "{:#?}",
            deck.cards
        );
        assert!(!deck.cards.is_empty());
    }

    fn list_deck(facts: Vec<crate::model::Fact>) -> Deck {
        let ex = Extraction {
            doc: "a.md".into(),
            facts,
            ..Default::default()
        };
        generate_deck(&[ex], &opts(3))
    }

    #[test]
    fn bullet_items_of_a_grants_list_are_not_asked_but_its_total_is() {
        let item = |line: &str, amount: &str, v: f64, n: usize| {
            fact("a.md", FactKind::Money, amount, v)
                .sentence(line)
                .line(n)
                .build()
        };
        let deck = list_deck(vec![
            fact("a.md", FactKind::Money, "$970 million", 970e6)
                .sentence("The transport agency approved $970 million for airport terminals on March 3, 2024.")
                .line(1)
                .build(),
            item("- Elk Ridge Airport (Elk Ridge, Ore.): $855,000 to repave its runway.", "$855,000", 855e3, 3),
            item("- Port Alder Field (Port Alder, Wash.): $1.2 million for a new terminal.", "$1.2 million", 1.2e6, 4),
            item("- Grey Lake Airport (Grey Lake, Mont.): $640,000 to build a 900 square foot lounge.", "$640,000", 640e3, 5),
            fact("a.md", FactKind::Quantity, "900 square foot", 900.0)
                .unit("square foot")
                .sentence("- Grey Lake Airport (Grey Lake, Mont.): $640,000 to build a 900 square foot lounge.")
                .line(5)
                .build(),
        ]);
        assert!(!deck.cards.is_empty());
        assert!(
            deck.cards.iter().all(|c| c.answer == "$970 million"),
            "{:#?}",
            deck.cards
        );
    }

    #[test]
    fn items_that_open_on_their_figure_are_a_list_too() {
        let item = |line: &str, amount: &str, v: f64, n: usize| {
            fact("a.md", FactKind::Money, amount, v)
                .sentence(line)
                .line(n)
                .build()
        };
        let deck = list_deck(vec![
            item(
                "$400,000 for the Oak County library to extend its opening hours.",
                "$400,000",
                4e5,
                1,
            ),
            item(
                "$250,000 to restore the old river mill as a museum.",
                "$250,000",
                2.5e5,
                3,
            ),
            item(
                "$300,000 for Cedar Falls to replace its water mains.",
                "$300,000",
                3e5,
                5,
            ),
        ]);
        assert!(deck.cards.is_empty(), "{:#?}", deck.cards);
    }

    #[test]
    fn a_list_of_different_measures_keeps_its_figures() {
        let deck = list_deck(vec![
            fact("a.md", FactKind::Money, "£5 billion", 5e9)
                .currency("GBP")
                .sentence(
                    "– The Treasury will create a £5 billion fund to insulate older homes across the country.",
                )
                .line(1)
                .build(),
            fact("a.md", FactKind::Money, "£2 billion", 2e9)
                .currency("GBP")
                .sentence(
                    "– A new Northline Rail company will get £2 billion of public money over five years.",
                )
                .line(3)
                .build(),
            fact("a.md", FactKind::Percent, "40%", 40.0)
                .sentence("– Hebrides ferry fares will fall by 40% for island residents.")
                .line(5)
                .build(),
        ]);
        assert_eq!(deck.cards.len(), 3, "{:#?}", deck.cards);
    }

    #[test]
    fn card_ids_do_not_depend_on_the_seed() {
        let a: Vec<_> = generate_deck(&sample(), &opts(1))
            .cards
            .into_iter()
            .map(|c| c.id)
            .collect();
        let b: Vec<_> = generate_deck(&sample(), &opts(2))
            .cards
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(a, b);
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;
    use crate::model::{Detail, Fact, FactId, FactKind, Person, Statement, Value};
    use proptest::prelude::*;

    fn any_fact() -> impl Strategy<Value = Fact> {
        (
            0usize..5,
            "\\PC{0,12}",
            prop_oneof![
                any::<f64>().prop_map(Value::Number),
                "[0-9-]{0,10}".prop_map(Value::Text),
                "\\PC{0,20}".prop_map(Value::Text),
            ],
            "\\PC{0,60}",
            proptest::option::of("\\PC{0,8}"),
            proptest::option::of("\\PC{0,12}"),
            0usize..3,
        )
            .prop_map(|(k, text, value, rest, qualifier, speaker, doc)| {
                let kind = FactKind::ALL[k];
                // Usually the text is in its sentence, sometimes not.
                let sentence = if rest.len() % 3 == 0 {
                    rest.clone()
                } else {
                    format!("{rest} {text} end.")
                };
                Fact {
                    statement: Statement {
                        id: FactId::of(kind, &value, &text, &sentence),
                        text,
                        value,
                        detail: {
                            // Whichever of these fields the kind has.
                            let mut d = Detail::none(kind);
                            let given = [
                                ("currency", Some("USD".to_string())),
                                ("qualifier", qualifier),
                                ("unit", Some("people".to_string())),
                                ("speaker", speaker),
                            ];
                            for (key, v) in given {
                                if let Some(slot) = d.slot(key) {
                                    *slot = v;
                                }
                            }
                            d
                        },
                        sentence,
                    },
                    doc: format!("d{doc}.md"),
                    line: 1,
                    start: 0,
                    end: 0,
                    page: None,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Whatever an extractor hands over, generation does not panic and its
        /// deck saves and loads back cleanly.
        #[test]
        fn generation_never_panics_and_its_decks_are_valid(
            facts in prop::collection::vec(any_fact(), 0..12),
            names in prop::collection::vec("\\PC{0,12}", 0..5),
            seed in any::<u64>(),
        ) {
            let people = names.into_iter().map(|n| Person { name: n, aliases: vec![], role: None }).collect();
            let ex = Extraction { doc: "d0.md".into(), facts, people, outlets: vec![] };
            let deck = generate_deck(&[ex], &GenerateOptions {
                title: "t".into(),
                created: "2026-01-01".into(),
                seed: seed >> 1,
                ..Default::default()
            });
            let text = crate::deck::deck_to_toml(&deck).expect("toml");
            let (back, problems) = crate::deck::read_deck(std::path::Path::new("f.toml"), &text).expect("reads");
            prop_assert!(problems.is_empty(), "{problems:?}\n{text}");
            prop_assert_eq!(back.cards.len(), deck.cards.len());
        }
    }
}
