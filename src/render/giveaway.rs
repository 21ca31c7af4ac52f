//! Cards printed as a set (a worksheet, a sheet of printed cards) must not
//! print each other's answers: a question whose prompt, hint or options hold
//! the answer of another question on the same sheet gives that one away
//! ("The council set aside $4.2 million …" beside "How much did the council
//! set aside?").
//!
//! [`Printed`] keeps what the cards admitted so far print and answer, word
//! for word: text is compared as lowercase words stripped of punctuation
//! (currency and percent signs kept), so "$4.2 million." matches the answer
//! "$4.2 million" but "37" does not match "1937". Both directions count: a
//! later card may print an earlier one's answer, or answer what an earlier one
//! printed.

use super::LeftOut;
use crate::model::{Card, CardType, Deck, FactKind};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Longest answer, in words, looked for in printed text. Longer answers
/// (whole quotations) are not repeated word for word by other cards.
const LONGEST: usize = 8;

/// What the cards admitted so far print and answer.
#[derive(Debug, Default)]
pub(crate) struct Printed {
    /// Every run of up to [`LONGEST`] words of the printed text, hashed.
    shown: HashSet<u64>,
    /// Every answer form, hashed the same way.
    answers: HashSet<u64>,
}

impl Printed {
    /// Whether `card`, printing `printed`, would give away an admitted card's
    /// answer or have its own answer given away by one.
    pub(crate) fn clashes(&self, card: &Card, printed: &[&str]) -> bool {
        answer_forms(card).any(|a| self.shown.contains(&a))
            || printed
                .iter()
                .any(|text| runs(text).any(|r| self.answers.contains(&r)))
    }

    /// Records `card` as printed.
    pub(crate) fn admit(&mut self, card: &Card, printed: &[&str]) {
        self.answers.extend(answer_forms(card));
        for text in printed {
            self.shown.extend(runs(text));
        }
    }

    /// [`Printed::admit`] when the card does not clash; says whether it did not.
    pub(crate) fn admit_unless_clash(&mut self, card: &Card, printed: &[&str]) -> bool {
        if self.clashes(card, printed) {
            return false;
        }
        self.admit(card, printed);
        true
    }
}

/// The cards of `deck` that can be printed as one set (printed cards): the
/// first card of each fact, sentence or answer ([`super::Siblings`]), and no
/// card that prints another's answer. The rest are left out, with the reason.
pub(crate) fn as_a_set(deck: &Deck) -> (Deck, LeftOut) {
    let mut siblings = super::Siblings::default();
    let mut printed = Printed::default();
    let mut left_out = LeftOut::default();
    let mut cards = Vec::with_capacity(deck.cards.len());
    for card in &deck.cards {
        let text = printed_text(card);
        if printed.clashes(card, &text) {
            left_out.add("it prints another printed card's answer");
        } else if !siblings.first(card) {
            left_out.add("another printed card asks about the same fact or sentence");
        } else {
            printed.admit(card, &text);
            cards.push(card.clone());
        }
    }
    let set = Deck {
        format: deck.format,
        deck: deck.deck.clone(),
        conflicts: deck.conflicts.clone(),
        facts: deck.facts.clone(),
        cards,
    };
    (set, left_out)
}

/// What a card prints on its own: prompt, hint and, for multiple choice, the
/// options (who-said names go to a shared bank; true/false options are
/// always the same two words).
pub(crate) fn printed_text(card: &Card) -> Vec<&str> {
    let mut out = vec![card.prompt.as_str()];
    out.extend(card.hint.as_deref());
    if card.card_type == CardType::MultipleChoice {
        out.extend(card.options.iter().map(String::as_str));
    }
    out
}

/// The hashed forms of a card's answer: the answer and its accepted forms.
/// A true/false answer says nothing about the fact; a surname alone ("Reyes")
/// is too common in other prompts to count as a person's name given away.
fn answer_forms(card: &Card) -> impl Iterator<Item = u64> + '_ {
    let is_name = card.kind == FactKind::Quote || card.card_type == CardType::WhoSaid;
    let forms: Vec<&str> = if card.card_type == CardType::TrueFalse {
        Vec::new()
    } else {
        std::iter::once(card.answer.as_str())
            .chain(
                card.accepted
                    .iter()
                    .map(String::as_str)
                    .filter(move |a| !is_name || words(a).count() > 1),
            )
            .collect()
    };
    forms.into_iter().filter_map(|f| {
        let w: Vec<String> = words(f).collect();
        (!w.is_empty() && w.len() <= LONGEST).then(|| hash_words(&w))
    })
}

/// Lowercase words without surrounding punctuation; `$`, `€`, `£`, `¥` and
/// `%` are kept, as they are part of a figure.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| {
                !c.is_alphanumeric() && !matches!(c, '$' | '€' | '£' | '¥' | '%')
            })
            .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// Every run of 1 to [`LONGEST`] consecutive words of `text`, hashed.
fn runs(text: &str) -> impl Iterator<Item = u64> {
    let w: Vec<String> = words(text).collect();
    let n = w.len();
    (0..n).flat_map(move |i| {
        let w = w.clone();
        (i + 1..=(i + LONGEST).min(n)).map(move |j| hash_words(&w[i..j]))
    })
}

fn hash_words(words: &[String]) -> u64 {
    // In memory only, never written: any good hash will do.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    words.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;

    #[test]
    fn a_printed_set_keeps_one_card_of_a_fact_and_none_that_tells_another() {
        let cloze = card(CardType::Cloze, "The dock cost ____.", "$2.8 million");
        let mut sibling = card(
            CardType::ShortAnswer,
            "What did the dock cost?",
            "$2.8 million",
        );
        sibling.fact = cloze.fact.clone();
        let telling = card(
            CardType::TrueFalse,
            "The county paid $2.8 million for it.",
            "True",
        );
        let other = card(CardType::Cloze, "The pool opens in ____.", "June");
        let deck = crate::render::html::test_support::deck(vec![
            cloze.clone(),
            sibling,
            telling,
            other.clone(),
        ]);
        let (set, left_out) = as_a_set(&deck);
        let kept: Vec<&str> = set.cards.iter().map(|c| c.prompt.as_str()).collect();
        assert_eq!(kept, [cloze.prompt.as_str(), other.prompt.as_str()]);
        assert_eq!(left_out.total(), 2);
        assert_eq!(
            left_out.lines(),
            [
                "1 card left out: another printed card asks about the same fact or sentence",
                "1 card left out: it prints another printed card's answer",
            ]
        );
    }

    #[test]
    fn a_prompt_holding_another_cards_answer_clashes_both_ways() {
        let asked = card(
            CardType::ShortAnswer,
            "How much went to the bridge?",
            "$4.2 million",
        );
        let telling = card(
            CardType::TrueFalse,
            "The council set aside $4.2 million, for the bridge.",
            "True",
        );
        let other = card(CardType::Cloze, "The pool opens in ____.", "1937");
        let mut p = Printed::default();
        assert!(p.admit_unless_clash(&asked, &printed_text(&asked)));
        assert!(p.clashes(&telling, &printed_text(&telling)));
        assert!(!p.clashes(&other, &printed_text(&other)));
        // The other order: the telling card first, the asking card clashes.
        let mut q = Printed::default();
        assert!(q.admit_unless_clash(&telling, &printed_text(&telling)));
        assert!(!q.admit_unless_clash(&asked, &printed_text(&asked)));
    }

    #[test]
    fn numbers_match_whole_words_only() {
        let asked = card(CardType::Cloze, "In all, ____ residents spoke.", "37");
        let year = card(
            CardType::Cloze,
            "The hall was built in 1937 by ____.",
            "the county",
        );
        let mut p = Printed::default();
        p.admit(&asked, &printed_text(&asked));
        assert!(!p.clashes(&year, &printed_text(&year)));
    }

    #[test]
    fn accepted_forms_count_but_a_bare_surname_does_not() {
        let mut who = card(CardType::WhoSaid, "“We will rebuild.”", "Ana Lucia Reyes");
        who.kind = FactKind::Quote;
        who.accepted = vec!["Ana Reyes".into(), "Reyes".into()];
        let full = card(CardType::Cloze, "Ana Reyes opened the ____.", "library");
        let surname = card(CardType::Cloze, "Reyes opened the ____.", "pool");
        let mut p = Printed::default();
        p.admit(&who, &printed_text(&who));
        assert!(p.clashes(&full, &printed_text(&full)));
        assert!(!p.clashes(&surname, &printed_text(&surname)));
    }
}
