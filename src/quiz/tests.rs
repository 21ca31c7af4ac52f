//! Session-loop tests with a scripted terminal and a stopped clock.

use super::term::{Reply, Terminal, Tone};
use super::*;
use crate::model::{CardId, DeckInfo, FactId, FactKind};
use crate::review::schedule::FixedClock;
use chrono::TimeZone;
use rand::SeedableRng;
use std::io;

struct Script {
    replies: VecDeque<Reply>,
    shown: String,
    width: Option<usize>,
}

impl Terminal for Script {
    fn say(&mut self, _tone: Tone, text: &str) -> io::Result<()> {
        self.shown.push_str(text);
        Ok(())
    }
    fn read_choice(&mut self, _n: usize) -> io::Result<Reply> {
        Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
    }
    fn read_text(&mut self) -> io::Result<Reply> {
        Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
    }
    fn after_feedback(&mut self, _can_override: bool) -> io::Result<Reply> {
        Ok(Reply::Continue)
    }
    fn timed(&self) -> bool {
        false
    }
    fn keys(&self) -> bool {
        false
    }
    fn width(&self) -> Option<usize> {
        self.width
    }
}

fn card(id: &str, card_type: CardType, answer: &str, options: &[&str]) -> Card {
    Card {
        id: CardId(id.into()),
        card_type,
        fact: FactId(format!("f{id}")),
        kind: FactKind::Quantity,
        prompt: format!("question {id}"),
        hint: None,
        answer: answer.into(),
        options: options.iter().map(|s| s.to_string()).collect(),
        accepted: vec![],
        explanation: None,
        rewritten: Vec::new(),
        sentence: format!("sentence {id}"),
        doc: "d.txt".into(),
        line: 2,
        reported_by: 1,
        tags: vec![],
        dropped: false,
    }
}

fn deck(cards: Vec<Card>) -> Deck {
    Deck {
        format: 1,
        deck: DeckInfo {
            title: "t".into(),
            description: String::new(),
            created: String::new(),
            seed: 0,
            sources: vec![],
        },
        conflicts: vec![],
        facts: vec![],
        cards,
    }
}

fn text(s: &str) -> Reply {
    Reply::Text(s.into())
}

fn session_run(
    d: &Deck,
    replies: Vec<Reply>,
    clock: &FixedClock,
    store: &mut Store,
) -> (SessionLog, Ending, HashMap<CardId, CardState>) {
    let (log, ending, states, _) = session_shown(d, replies, clock, store);
    (log, ending, states)
}

/// Like `session_run`, also returning everything shown on the terminal.
fn session_shown(
    d: &Deck,
    replies: Vec<Reply>,
    clock: &FixedClock,
    store: &mut Store,
) -> (SessionLog, Ending, HashMap<CardId, CardState>, String) {
    session_shown_at(d, replies, clock, store, None)
}

/// Like `session_shown`, on a terminal `width` columns wide.
fn session_shown_at(
    d: &Deck,
    replies: Vec<Reply>,
    clock: &FixedClock,
    store: &mut Store,
    width: Option<usize>,
) -> (SessionLog, Ending, HashMap<CardId, CardState>, String) {
    let mut term = Script {
        replies: replies.into(),
        shown: String::new(),
        width,
    };
    let scheduler = Scheduler::new(&[]).expect("scheduler");
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let states = store
        .load_states(d.cards.iter().map(|c| &c.id))
        .expect("load");
    let order = choose_cards(d, &states, &Selection::default(), clock.now(), &mut rng);
    let session_id = store.begin_session("k", clock.now(), false).expect("begin");
    let mut s = Session {
        deck: d,
        deck_key: "k",
        store,
        scheduler: &scheduler,
        clock,
        term: &mut term,
        rng: &mut rng,
        states,
        session_id,
    };
    let (log, ending) = s.run(&order).expect("run");
    let states = s.states;
    (log, ending, states, term.shown)
}

#[test]
fn missed_cards_return_until_answered_right_once() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let clock = FixedClock::new(
        chrono::Utc
            .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
            .single()
            .expect("t"),
    );
    let d = deck(vec![card("a", CardType::ShortAnswer, "42 residents", &[])]);
    let (log, ending, states) = session_run(
        &d,
        vec![text("41"), text("forty"), text("forty-two")],
        &clock,
        &mut store,
    );
    assert_eq!(ending, Ending::Finished);
    assert_eq!(log.answers.len(), 3);
    assert_eq!(log.score(), (0, 1));
    let s = &states[&CardId("a".into())];
    assert_eq!(s.reps, 3);
    // Answered right on the same day after two misses: due again from tomorrow on.
    assert!(s.due >= clock.now() + chrono::Duration::days(1));
}

#[test]
fn quitting_keeps_what_was_answered_and_the_schedule_moves_on() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let clock = FixedClock::new(
        chrono::Utc
            .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
            .single()
            .expect("t"),
    );
    let d = deck(vec![
        card("a", CardType::TrueFalse, "True", &["True", "False"]),
        card("b", CardType::TrueFalse, "True", &["True", "False"]),
    ]);
    let (log, ending, _) = session_run(
        &d,
        vec![text("t"), text("yes"), Reply::Quit],
        &clock,
        &mut store,
    );
    assert_eq!(ending, Ending::Finished);
    assert_eq!(log.answers.len(), 2);
    // Nothing due the same day; both due once the clock passes their day.
    let (log, _, _) = session_run(&d, vec![], &clock, &mut store);
    assert_eq!(log.planned, 0);
    clock.advance(chrono::Duration::days(40));
    let (log, ending, _) = session_run(&d, vec![text("t"), Reply::Quit], &clock, &mut store);
    assert_eq!(log.planned, 2);
    assert_eq!(ending, Ending::Quit);
    assert_eq!(log.answers.len(), 1);
}

#[test]
fn summary_counts_first_tries_by_type_and_kind_and_lists_misses() {
    let d = deck(vec![
        card("a", CardType::TrueFalse, "True", &["True", "False"]),
        card("b", CardType::ShortAnswer, "12 buses", &[]),
        card("c", CardType::ShortAnswer, "7 ferries", &[]),
    ]);
    let mut log = SessionLog::new(4);
    let answer = |card, retry, correct, given: &str| Answer {
        card,
        retry,
        correct,
        overridden: false,
        given: given.into(),
    };
    log.push(answer(0, false, true, "True"));
    log.push(answer(1, false, false, "11"));
    log.push(answer(2, false, true, "7"));
    log.push(answer(1, true, true, "12"));
    let now = chrono::Utc
        .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
        .single()
        .expect("t");
    let lines: Vec<String> = summary::render(
        &d,
        &log,
        Ending::Quit,
        std::time::Duration::from_secs(75),
        &HashMap::new(),
        now,
    )
    .into_iter()
    .map(|(_, l)| l)
    .collect();
    let text = lines.join("\n");
    assert!(
        text.contains("Session ended: 2/3 right (67%) in 1m 15s; 1 of 4 cards not asked"),
        "{text}"
    );
    assert!(
        text.contains("By card type: short answer 1/2 (50%) · true false 1/1 (100%)"),
        "{text}"
    );
    assert!(text.contains("By fact kind: quantity 2/3 (67%)"), "{text}");
    assert!(
        text.contains("• question b → 12 buses (you answered 11)"),
        "{text}"
    );
    assert!(!text.contains("question c →"), "{text}");
    assert!(text.contains("3 new not yet studied"), "{text}");
}

#[test]
fn one_card_per_fact_and_at_most_the_default_new_cards_per_session() {
    let mut cards = Vec::new();
    for i in 0..30 {
        let mut a = card(&format!("a{i}"), CardType::ShortAnswer, &i.to_string(), &[]);
        let mut b = card(&format!("b{i}"), CardType::Cloze, &i.to_string(), &[]);
        a.fact = FactId(format!("fact{i}"));
        b.fact = FactId(format!("fact{i}"));
        cards.push(a);
        cards.push(b);
    }
    let d = deck(cards);
    let now = chrono::Utc
        .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
        .single()
        .expect("t");
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let order = choose_cards(&d, &HashMap::new(), &Selection::default(), now, &mut rng);
    assert_eq!(order.len(), DEFAULT_NEW_CARDS);
    let facts: std::collections::HashSet<_> = order.iter().map(|&i| &d.cards[i].fact).collect();
    assert_eq!(facts.len(), order.len());
    // Cramming asks everything, siblings included.
    let sel = Selection {
        cram: true,
        ..Selection::default()
    };
    assert_eq!(
        choose_cards(&d, &HashMap::new(), &sel, now, &mut rng).len(),
        60
    );
    let sel = Selection {
        limit: Some(25),
        ..Selection::default()
    };
    assert_eq!(
        choose_cards(&d, &HashMap::new(), &sel, now, &mut rng).len(),
        25
    );
}

#[test]
fn one_card_per_sentence_per_session() {
    // Facts of one sentence give each other away: "begin in ____ and finish
    // by late 2026" answers "begin in June 2025 and finish by late ____".
    let mut a = card("a", CardType::Cloze, "2026", &[]);
    let mut b = card("b", CardType::Cloze, "June 2025", &[]);
    let c = card("c", CardType::Cloze, "40", &[]);
    a.sentence = "Work begins in June 2025 and ends in late 2026.".into();
    b.sentence = a.sentence.clone();
    let d = deck(vec![a, b, c]);
    let now = chrono::Utc
        .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
        .single()
        .expect("t");
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let order = choose_cards(&d, &HashMap::new(), &Selection::default(), now, &mut rng);
    assert_eq!(order.len(), 2, "{order:?}");
    assert!(order.contains(&2));
}

#[test]
fn feedback_does_not_repeat_an_explanation_equal_to_the_sentence_nor_nest_hint_brackets() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let clock = FixedClock::new(
        chrono::Utc
            .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
            .single()
            .expect("t"),
    );
    let mut c = card("a", CardType::ShortAnswer, "150 residents", &[]);
    c.hint = Some("a number (residents)".into());
    c.sentence = "About 150 residents came.".into();
    c.explanation = Some("About 150 residents came.".into());
    let d = deck(vec![c]);
    let (_, _, _, shown) = session_shown(&d, vec![text("150")], &clock, &mut store);
    assert_eq!(
        shown.matches("About 150 residents came.").count(),
        1,
        "{shown}"
    );
    assert!(!shown.contains("(a number (residents))"), "{shown}");
    assert!(shown.contains("[a number (residents)]"), "{shown}");
}

#[test]
fn prompts_options_and_feedback_wrap_between_words_at_the_terminal_width() {
    let long = "the regional transit authority together with the county water board";
    let mut c = card(
        "w",
        CardType::MultipleChoice,
        long,
        &[
            long,
            "the riverside district planning commission alone",
            "nobody",
        ],
    );
    c.prompt = "Which bodies agreed to share the cost of the new flood barrier along the riverside district?".into();
    c.sentence = "Officials said the regional transit authority together with the county water board would share the cost.".into();
    let d = deck(vec![c]);
    let clock = FixedClock::new(
        chrono::Utc
            .with_ymd_and_hms(2030, 6, 1, 9, 0, 0)
            .single()
            .expect("t"),
    );
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let (_, _, _, shown) = session_shown_at(&d, vec![text("3")], &clock, &mut store, Some(40));
    for line in shown.lines() {
        assert!(line.chars().count() <= 40, "too wide: {line:?}\n{shown}");
    }
    // Every word whole: the long option's words all appear, in order.
    let words: Vec<&str> = shown.split_whitespace().collect();
    assert!(
        words.windows(3).any(|w| w == ["county", "water", "board"]),
        "{shown}"
    );
    // A wrapped option's continuation lines sit under its text.
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("     ") && !l.starts_with("      ")),
        "{shown}"
    );
    // Piped output is left whole.
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let (_, _, _, shown) = session_shown_at(&d, vec![text("3")], &clock, &mut store, None);
    assert!(shown.contains(&d.cards[0].prompt), "{shown}");
}
