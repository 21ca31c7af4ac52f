use super::*;
use crate::generate::testutil::fact;
use crate::generate::{GenerateOptions, generate_deck};
use crate::model::{Extraction, FactKind, Person, SourceDoc};
use proptest::prelude::*;

fn sample_deck() -> Deck {
    let facts = vec![
        fact("a.md", FactKind::Date, "July 20, 1969", "1969-07-20")
            .sentence("The lunar module landed on July 20, 1969.")
            .build(),
        fact("a.md", FactKind::Money, "$25.4 billion", 25.4e9)
            .sentence("The Apollo program cost \"about\" $25.4 billion \\ in all.")
            .line(3)
            .build(),
        // A rewritten stem: its `rewritten` notes must survive the round trip.
        fact("a.md", FactKind::Quantity, "22 kilograms", 22.0)
            .unit("kilograms")
            .sentence("But Apollo 11 brought back 22 kilograms of lunar rock.")
            .line(4)
            .build(),
        fact(
            "a.md",
            FactKind::Quote,
            "The numbers have to be right every time",
            "The numbers have to be right every time",
        )
        .speaker("Katherine Johnson")
        .sentence("“The numbers have to be right every time,” Katherine Johnson said.")
        .line(5)
        .build(),
    ];
    let people = [
        "Katherine Johnson",
        "Ada Lovelace",
        "Grace Hopper",
        "Alan Turing",
    ]
    .iter()
    .map(|n| Person {
        name: n.to_string(),
        aliases: vec![],
        role: None,
    })
    .collect();
    generate_deck(
        &[Extraction {
            doc: "a.md".into(),
            facts,
            people,
            outlets: vec![],
        }],
        &GenerateOptions {
            title: "Tab\there".into(),
            created: "2026-01-01".into(),
            seed: 4,
            types: CardType::ALL.to_vec(),
            sources: vec![SourceDoc {
                path: "a.md".into(),
                title: "A".into(),
                sha256: "00".into(),
                url: None,
                fetched_at: None,
            }],
            // Every card type of each fact, so the round trip covers them all.
            per_fact: Some(CardType::ALL.len()),
            ..Default::default()
        },
    )
}

use crate::model::CardType;

#[test]
fn saved_deck_reads_back_identically() {
    let deck = sample_deck();
    assert!(deck.cards.len() >= 6, "{}", deck.cards.len());
    assert!(deck.cards.iter().any(|c| !c.rewritten.is_empty()));
    let text = deck_to_toml(&deck).expect("toml");
    let back = parse_deck(Path::new("d.toml"), &text).expect("parses");
    assert_eq!(back, deck);
    assert!(validate(&back).is_empty(), "{:?}", validate(&back));
    assert_eq!(deck_to_toml(&back).expect("toml"), text);
}

#[test]
fn syntax_error_names_line_and_column() {
    let src = "format = 1\n[deck]\ntitle = \"x\nseed = 1\n";
    let err = parse_deck(Path::new("deck.toml"), src).expect_err("bad");
    let msg = err.to_string();
    assert!(msg.starts_with("deck.toml:3:"), "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
}

fn problems_of(src: &str) -> Vec<String> {
    match read_deck(Path::new("deck.toml"), src) {
        Ok((_, p)) => p
            .iter()
            .map(|p| format_problem(Path::new("deck.toml"), p))
            .collect(),
        Err(e) => vec![e.to_string()],
    }
}

const HEAD: &str = "format = 1\n[deck]\ntitle = \"t\"\n\n[[facts]]\nid = \"f1\"\nkind = \"date\"\ntext = \"1969\"\nvalue = \"1969\"\nsentence = \"It was 1969 then.\"\nsources = [{ doc = \"a.md\", line = 1 }]\n";

#[test]
fn each_semantic_problem_is_one_line_with_the_cards_line() {
    let src = format!(
        "{HEAD}\n[[cards]]\nid = \"c1\"\ntype = \"essay\"\nfact = \"f1\"\nprompt = \"p\"\nanswer = \"a\"\n\
         \n[[cards]]\nid = \"c2\"\ntype = \"cloze\"\nfact = \"f1\"\nprompt = \"It was ____ then.\"\n\
         \n[[cards]]\nid = \"c3\"\ntype = \"multiple_choice\"\nfact = \"f1\"\nprompt = \"When?\"\nanswer = \"1969\"\noptions = [\"1968\", \"1970\", \"1970\"]\n\
         \n[[cards]]\nid = \"c3\"\ntype = \"short_answer\"\nfact = \"nope\"\nprompt = \"When?\"\nanswer = \"1969\"\n"
    );
    let p = problems_of(&src);
    let expect = [
        "deck.toml:13: card c1: unknown card type \"essay\"",
        "deck.toml:20: card c2: has no answer",
        "deck.toml:26: card c3: answer \"1969\" is not among its options",
        "deck.toml:26: card c3: option \"1970\" appears twice",
        "deck.toml:34: card c3: duplicate card id (first at line 26)",
        "deck.toml:34: card c3: points to fact nope, which is not in the deck",
    ];
    for e in expect {
        assert!(
            p.iter().any(|l| l.starts_with(e)),
            "missing {e:?} in {p:#?}"
        );
    }
    assert_eq!(p.len(), expect.len(), "{p:#?}");
}

#[test]
fn unknown_format_version_is_reported() {
    let src = HEAD.replace("format = 1", "format = 7");
    let p = problems_of(&src);
    assert_eq!(
        p,
        vec!["deck.toml: unknown deck format 7 (this factdeck reads format 1)"]
    );
}

#[test]
fn hand_written_card_may_leave_out_what_its_fact_says() {
    let src = format!(
        "{HEAD}\n[[cards]]\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"Which year?\"\nanswer = \"1969\"\n"
    );
    let (deck, problems) = read_deck(Path::new("d.toml"), &src).expect("parses");
    assert!(problems.is_empty(), "{problems:?}");
    let c = &deck.cards[0];
    assert_eq!(
        (c.doc.as_str(), c.line, c.kind),
        ("a.md", 1, FactKind::Date)
    );
    assert_eq!(
        c.id,
        crate::model::CardId::of(&c.fact, CardType::ShortAnswer)
    );
}

#[test]
fn true_false_answer_and_cloze_blank_are_checked() {
    let src = format!(
        "{HEAD}\n[[cards]]\nid = \"t\"\ntype = \"true_false\"\nfact = \"f1\"\nprompt = \"It was 1969.\"\nanswer = \"Yes\"\n\
         \n[[cards]]\nid = \"z\"\ntype = \"cloze\"\nfact = \"f1\"\nprompt = \"It was then.\"\nanswer = \"1969\"\n"
    );
    let p = problems_of(&src);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].contains("must be True or False"), "{p:?}");
    assert!(p[1].contains("needs a ____ blank"), "{p:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Nothing a user can type makes loading panic.
    #[test]
    fn loader_never_panics_on_tomlish_text(
        parts in prop::collection::vec(prop_oneof![
            Just("format = 1\n".to_string()),
            Just("[deck]\ntitle = \"x\"\n".to_string()),
            Just("[[cards]]\n".to_string()),
            Just("[[facts]]\n".to_string()),
            Just("[[conflicts]]\n".to_string()),
            Just("type = \"cloze\"\n".to_string()),
            Just("id = \"a\"\nfact = \"a\"\n".to_string()),
            Just("options = [\"a\", \"a\"]\n".to_string()),
            Just("answer = \"\"\nprompt = \"____\"\n".to_string()),
            Just("value = 1e400\n".to_string()),
            Just("line = -3\nseed = 99999999999999999999\n".to_string()),
            Just("sources = [{ doc = \"a\", line = 1 }]\nkind = \"date\"\ntext = \"x\"\nsentence = \"s\"\n".to_string()),
            "[ -~\n\"“”\\\\]{0,20}",
        ], 0..24)
    ) {
        let src: String = parts.concat();
        if let Ok((deck, _)) = read_deck(Path::new("f.toml"), &src) {
            let _ = validate(&deck);
            let _ = deck_to_toml(&deck);
        }
    }

    /// Any text in any field survives a save and a load.
    #[test]
    fn any_strings_round_trip(title in "\\PC{0,30}", prompt in any::<String>(), seed in 0u64..=i64::MAX as u64) {
        let mut deck = sample_deck();
        deck.deck.title = title;
        deck.deck.seed = seed;
        deck.cards[0].prompt = format!("{prompt} ____");
        let text = deck_to_toml(&deck).expect("toml");
        let back = parse_deck(Path::new("d.toml"), &text).expect("parses");
        prop_assert_eq!(back, deck);
    }
}

fn big_deck_text() -> (Deck, String) {
    let mut deck = sample_deck();
    let cards = deck.cards.clone();
    for i in 0..600 {
        for c in &cards {
            let mut c = c.clone();
            c.id = crate::model::CardId(format!("{}-{i}", c.id));
            deck.cards.push(c);
        }
    }
    let text = deck_to_toml(&deck).expect("toml");
    assert!(text.len() > PARALLEL_FROM, "{}", text.len());
    (deck, text)
}

#[test]
fn a_large_deck_read_in_parts_equals_the_deck_read_whole() {
    let (deck, text) = big_deck_text();
    let (parts, _) = read_deck(Path::new("d.toml"), &text).expect("parses");
    assert_eq!(parts, deck);
    let whole = raw::Parsed::whole(toml::from_str(&text).expect("whole"));
    let starts = line_starts(&text);
    let (whole, lines_whole, _) = raw::into_deck(whole, |b| starts.partition_point(|&s| s <= b));
    let (_, lines_parts, _) = parse_raw(Path::new("d.toml"), &text).expect("parts");
    assert_eq!(whole, deck);
    assert_eq!(lines_whole.cards, lines_parts.cards);
}

#[test]
fn a_syntax_error_deep_in_a_large_deck_has_its_exact_line() {
    let (_, text) = big_deck_text();
    let mut lines: Vec<&str> = text.lines().collect();
    let n = lines.len() - 40;
    lines[n] = "answer = = \"x\"";
    let bad = lines.join("\n");
    let err = read_deck(Path::new("d.toml"), &bad).expect_err("syntax error");
    assert!(
        err.to_string().starts_with(&format!("d.toml:{}:", n + 1)),
        "{err}"
    );
}

#[test]
fn a_header_line_inside_a_multiline_string_is_not_a_cut() {
    let (deck, text) = big_deck_text();
    let tricky = text.replacen(
        "prompt = \"",
        "explanation = \"\"\"\n[[cards]]\nstill text\"\"\"\nprompt = \"",
        1,
    );
    let (read, problems) = read_deck(Path::new("d.toml"), &tricky).expect("parses");
    assert_eq!(read.cards.len(), deck.cards.len(), "{problems:?}");
}

#[test]
fn a_misspelled_table_is_an_error_at_its_line_and_column_with_a_suggestion() {
    let src = format!(
        "{HEAD}\n[[card]]\nid = \"c1\"\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"Which year?\"\nanswer = \"1969\"\n"
    );
    let p = problems_of(&src);
    assert_eq!(
        p,
        vec!["deck.toml:13:3: unknown table [[card]]; did you mean [[cards]]?"]
    );
    let p = problems_of(&src.replace("[[card]]", "[cardz]"));
    assert_eq!(
        p,
        vec!["deck.toml:13:2: unknown table [cardz]; did you mean [[cards]]?"]
    );
}

#[test]
fn an_unknown_key_is_an_error_with_the_nearest_known_one() {
    let src = format!(
        "{HEAD}\n[[cards]]\nid = \"c1\"\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"Which year?\"\nanswer = \"1969\"\nanswr = \"1970\"\ncolour = \"red\"\n"
    );
    let p = problems_of(&src);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(
        p[0],
        "deck.toml:19:1: unknown key answr in [[cards]]; did you mean answer?"
    );
    assert!(
        p[1].starts_with(
            "deck.toml:20:1: unknown key colour in [[cards]] (expected one of: id, type,"
        ),
        "{p:?}"
    );
    // In [deck], in a fact and in a fact's source too.
    let src = HEAD
        .replace("title = \"t\"", "titel = \"t\"")
        .replace("kind = \"date\"", "knd = \"date\"\nkind = \"date\"")
        .replace("line = 1 }", "line = 1, page = 2 }");
    let p: Vec<String> = problems_of(&src)
        .iter()
        .flat_map(|p| p.lines().map(String::from).collect::<Vec<_>>())
        .collect();
    assert!(
        p.iter()
            .any(|l| l == "deck.toml:3:1: unknown key titel in [deck]; did you mean title?"),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|l| l == "deck.toml:7:1: unknown key knd in [[facts]]; did you mean kind?"),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|l| l
                .starts_with("deck.toml:12:38: unknown key page in a sources entry of [[facts]]")),
        "{p:#?}"
    );
}

#[test]
fn an_unknown_key_deep_in_a_large_deck_is_found() {
    let (_, text) = big_deck_text();
    let mut lines: Vec<&str> = text.lines().collect();
    let n = lines.len() - 3;
    lines.insert(n, "answr = \"x\"");
    let bad = lines.join("\n");
    let (_, p) = read_deck(Path::new("d.toml"), &bad).expect("parses");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].line, p[0].col), (Some(n + 1), Some(1)));
    assert!(p[0].message.contains("did you mean answer?"), "{p:?}");
}

#[test]
fn hand_added_cards_without_ids_get_distinct_ids_and_a_warning() {
    // Two hand-made short answers about one fact: the second may not take
    // the first one's id (it used to be "duplicate card id").
    let card = "\n[[cards]]\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"PROMPT\"\nanswer = \"1969\"\n";
    let src = format!(
        "{HEAD}{}{}",
        card.replace("PROMPT", "Which year?"),
        card.replace("PROMPT", "In what year?")
    );
    let report = check_deck(Path::new("d.toml"), &src).expect("parses");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let ids: Vec<_> = report.deck.cards.iter().map(|c| c.id.clone()).collect();
    assert_ne!(ids[0], ids[1]);
    assert_eq!(
        ids[0],
        crate::model::CardId::of(&report.deck.cards[0].fact, CardType::ShortAnswer)
    );
    assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    let w = format_problem(Path::new("d.toml"), &report.warnings[1]);
    assert!(w.starts_with("d.toml:19: card has no id"), "{w}");
    assert!(w.contains(&format!("`id = \"{}\"`", ids[1])), "{w}");
    // Saved, the ids are written and read back the same, with no warning.
    let text = deck_to_toml(&report.deck).expect("toml");
    let again = check_deck(Path::new("d.toml"), &text).expect("parses");
    assert!(again.warnings.is_empty() && again.problems.is_empty());
    assert_eq!(again.deck.cards, report.deck.cards);
}

#[test]
fn a_card_without_a_fact_stands_on_its_own_fields() {
    let own = "\n[[cards]]\nid = \"own\"\ntype = \"multiple_choice\"\nkind = \"quote\"\nprompt = \"Who wrote Hamlet?\"\nanswer = \"Shakespeare\"\noptions = [\"Shakespeare\", \"Marlowe\"]\n";
    let src = format!("{HEAD}{own}");
    let report = check_deck(Path::new("d.toml"), &src).expect("parses");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let c = &report.deck.cards[0];
    assert_eq!((c.fact.0.as_str(), c.kind), ("", FactKind::Quote));
    let text = deck_to_toml(&report.deck).expect("toml");
    assert!(!text.contains("fact = \"\""), "{text}");
    assert_eq!(
        parse_deck(Path::new("d.toml"), &text).expect("reads"),
        report.deck
    );
    // Its own fields are checked; without a fact it must name its kind.
    let p = problems_of(&format!("{HEAD}{}", own.replace("\"Shakespeare\", ", "")));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p.iter().any(|l| l.ends_with("needs at least 2 options")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|l| l.ends_with("is not among its options")),
        "{p:?}"
    );
    let p = problems_of(&format!("{HEAD}{}", own.replace("kind = \"quote\"\n", "")));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("deck.toml:13: card own: has no fact, so it needs a kind"),
        "{p:?}"
    );
}

#[test]
fn a_card_without_a_fact_has_an_answer_of_its_declared_kind() {
    let own = |kind: &str, answer: &str| {
        format!(
            "{HEAD}\n[[cards]]\nid = \"own\"\ntype = \"short_answer\"\nkind = \"{kind}\"\nprompt = \"When, or how much?\"\nanswer = \"{answer}\"\n"
        )
    };
    for (kind, answer) in [
        ("date", "20 July 1969"),
        ("date", "1969"),
        ("money", "$18 billion"),
        ("money", "about 4.5 million euros"),
        ("percent", "37%"),
        ("quantity", "2,400"),
        ("quantity", "more than 2,400 residents"),
        ("quote", "Shakespeare"),
    ] {
        let p = problems_of(&own(kind, answer));
        assert!(p.is_empty(), "{kind} {answer}: {p:?}");
    }
    for (kind, answer) in [
        ("date", "the moon landing"),
        ("money", "a lot"),
        ("percent", "most of them"),
        ("quantity", "Armstrong"),
    ] {
        let p = problems_of(&own(kind, answer));
        assert_eq!(p.len(), 1, "{kind} {answer}: {p:?}");
        assert!(
            p[0].starts_with(&format!(
                "deck.toml:13: card own: has no fact, so its answer must read as a {kind}"
            )) && p[0].contains(&format!("not \"{answer}\"")),
            "{p:?}"
        );
    }
    // A true/false card's answer is True or False whatever its kind.
    let p = problems_of(&own("date", "True").replace("short_answer", "true_false"));
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn control_characters_are_rejected_with_their_field_and_line() {
    let src = format!(
        "{HEAD}\n[[cards]]\nid = \"c1\"\ntype = \"short_answer\"\nfact = \"f1\"\nprompt = \"Which \\u001b]0;pwned\\u0007 year?\"\nanswer = \"1969\"\nexplanation = \"fine\\ttab\\nnewline\"\n"
    );
    let p = problems_of(&src);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("deck.toml:17: card c1: prompt contains the control character U+001B"),
        "{p:?}"
    );
    assert!(!p[0].contains('\u{1b}'));
    let p = problems_of(&HEAD.replace("title = \"t\"", "title = \"t\\r\""));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("deck.toml:3: [deck] title contains the control character U+000D"),
        "{p:?}"
    );
    let p = problems_of(&HEAD.replace("sentence = \"", "sentence = \"\\u0085"));
    assert!(
        p[0].starts_with("deck.toml:10: fact f1: sentence contains"),
        "{p:?}"
    );
}

#[test]
fn a_money_value_must_be_a_finite_number() {
    let money = HEAD
        .replace("kind = \"date\"", "kind = \"money\"")
        .replace("value = \"1969\"", "value = VALUE");
    for (value, shown) in [("\"lots\"", "\"lots\""), ("nan", "NaN"), ("-inf", "-inf")] {
        let p = problems_of(&money.replace("VALUE", value));
        assert_eq!(
            p,
            vec![format!(
                "deck.toml:9: fact f1: a money value must be a finite number (like 18000000000) or a figure as written (like \"$18 billion\"), not {shown}"
            )]
        );
    }
    assert!(problems_of(&money.replace("VALUE", "18000000000")).is_empty());
    // A hand-written figure as written is still a figure.
    assert!(problems_of(&money.replace("VALUE", "\"$18 billion\"")).is_empty());
}
