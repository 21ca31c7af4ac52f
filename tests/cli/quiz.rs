//! `factdeck quiz`, `stats` and `optimize` through the binary: piped sessions,
//! real pseudo-terminal sessions, interruptions and damaged databases.

use crate::common::*;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One card of a hand-written test deck.
struct C<'a> {
    id: &'a str,
    ty: &'a str,
    kind: &'a str,
    prompt: &'a str,
    answer: &'a str,
    options: &'a [&'a str],
    accepted: &'a [&'a str],
}

fn q(s: &str) -> String {
    format!("{s:?}")
}

fn deck_toml(cards: &[C<'_>]) -> String {
    let mut s = String::from("format = 1\n\n[deck]\ntitle = \"Riverside test briefing\"\n");
    for c in cards {
        let list = |xs: &[&str]| xs.iter().map(|x| q(x)).collect::<Vec<_>>().join(", ");
        s.push_str(&format!(
            "\n[[cards]]\nid = {}\ntype = {}\nfact = \"f-{}\"\nkind = {}\nprompt = {}\nanswer = {}\n\
             options = [{}]\naccepted = [{}]\nsentence = \"The riverside board said so about {}.\"\n\
             doc = \"board.txt\"\nline = 7\nreported_by = 3\n",
            q(c.id),
            q(c.ty),
            c.id,
            q(c.kind),
            q(c.prompt),
            q(c.answer),
            list(c.options),
            list(c.accepted),
            c.id,
        ));
        // Every card needs its fact in the deck (check refuses dangling cards).
        s.push_str(&format!(
            "\n[[facts]]\nid = \"f-{}\"\nkind = {}\ntext = {}\nvalue = {}\n\
             sentence = \"The riverside board said so about {}.\"\n\
             sources = [{{ doc = \"board.txt\", line = 7 }}]\n",
            c.id,
            q(c.kind),
            q(c.answer),
            q(c.answer),
            c.id,
        ));
    }
    s
}

fn money_card() -> C<'static> {
    C {
        id: "money1",
        ty: "short_answer",
        kind: "money",
        prompt: "How much will the riverside levee cost?",
        answer: "$18 billion",
        options: &[],
        accepted: &[],
    }
}

fn tf(id: &'static str, answer: &'static str) -> C<'static> {
    C {
        id,
        ty: "true_false",
        kind: "date",
        prompt: "The board met on March 3, 2031.",
        answer,
        options: &["True", "False"],
        accepted: &[],
    }
}

struct Env {
    /// Keeps the scratch directory alive for the test's length.
    _s: Scratch,
    deck: PathBuf,
    db: PathBuf,
}

fn env(cards: &[C<'_>]) -> Env {
    let s = Scratch::new();
    let deck = s.file("deck.toml", deck_toml(cards));
    let db = s.path("state/state.sqlite3");
    Env { _s: s, deck, db }
}

impl Env {
    fn quiz(&self, extra: &[&str]) -> Run {
        let mut args: Vec<std::ffi::OsString> = vec!["quiz".into(), self.deck.clone().into()];
        args.extend(extra.iter().map(|a| a.into()));
        args.push("--state".into());
        args.push(self.db.clone().into());
        factdeck(args)
    }

    fn cmd(&self, sub: &str) -> Run {
        factdeck([
            sub.as_ref(),
            self.deck.as_os_str(),
            "--state".as_ref(),
            self.db.as_os_str(),
        ])
    }

    /// (card_id, rating, correct, overridden) of every logged review, oldest first.
    fn reviews(&self) -> Vec<(String, u32, bool, bool)> {
        let conn = rusqlite::Connection::open(&self.db).expect("open db");
        let mut st = conn
            .prepare("SELECT card_id, rating, correct, overridden FROM reviews ORDER BY id")
            .expect("prepare");
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    }
}

#[test]
fn piped_typed_answer_in_another_form_is_right_and_logged() {
    let e = env(&[money_card()]);
    let d = e.quiz(&["--seed", "1"]).stdin("18 billion dollars\n").ok();
    assert!(d.stdout.contains("1/1"), "{}", d.stdout);
    assert!(d.stdout.contains("✓ Right — $18 billion"), "{}", d.stdout);
    assert!(d.stdout.contains("board.txt:7"), "{}", d.stdout);
    assert!(d.stdout.contains("reported by 3 sources"), "{}", d.stdout);
    assert!(
        d.stdout.contains("Session done: 1/1 right (100%)"),
        "{}",
        d.stdout
    );
    assert_eq!(e.reviews(), vec![("money1".to_string(), 3, true, false)]);
}

#[test]
fn wrong_answer_comes_back_until_right_and_summary_lists_it() {
    let e = env(&[money_card()]);
    let d = e.quiz(&["--seed", "1"]).stdin("18 million\n$18B\n").ok();
    assert!(
        d.stdout.contains("✗ Wrong — the answer is $18 billion"),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("once more"), "{}", d.stdout);
    assert!(d.stdout.contains("Session done: 0/1 right"), "{}", d.stdout);
    assert!(
        d.stdout.contains("→ $18 billion (you answered 18 million)"),
        "{}",
        d.stdout
    );
    let r = e.reviews();
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].1, r[0].2), (1, false));
    assert_eq!((r[1].1, r[1].2), (3, true));
}

#[test]
fn typed_dates_names_and_typos_are_judged_leniently() {
    let e = env(&[
        C {
            id: "date1",
            ty: "cloze",
            kind: "date",
            prompt: "The levee vote was held on ____.",
            answer: "November 17, 2031",
            options: &[],
            accepted: &[],
        },
        C {
            id: "who1",
            ty: "short_answer",
            kind: "quote",
            prompt: "Who chairs the riverside board?",
            answer: "Marisol Quenneville",
            options: &[],
            accepted: &["Chair Quenneville"],
        },
    ]);
    let d = e
        .quiz(&["--seed", "2", "--types", "cloze"])
        .stdin("11/17/2031\n")
        .ok();
    assert!(d.stdout.contains("✓ Right"), "{}", d.stdout);
    let d = e
        .quiz(&["--seed", "2", "--types", "short_answer"])
        .stdin("Marisol Quenevile\nMarisol Queneville\n")
        .ok();
    // Two letters off is wrong; one letter off is accepted with a note.
    assert!(d.stdout.contains("✗ Wrong"), "{}", d.stdout);
    assert!(
        d.stdout.contains("accepted: you wrote Marisol Queneville"),
        "{}",
        d.stdout
    );
}

#[test]
fn script_from_the_readme_answers_choices_by_number() {
    let e = env(&[tf("t1", "True")]);
    let d = e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    assert!(d.stdout.contains("1) True"), "{}", d.stdout);
    assert!(d.stdout.contains("✓ Right"), "{}", d.stdout);
}

#[test]
fn piped_choices_can_be_answered_by_their_text_or_a_last_name() {
    let e = env(&[
        C {
            id: "who1",
            ty: "who_said",
            kind: "quote",
            prompt: "Who said “the levee will hold”?",
            answer: "Marisol Quenneville",
            options: &["Dov Aldana", "Marisol Quenneville", "Petra Okonkwo"],
            accepted: &[],
        },
        C {
            id: "mc1",
            ty: "multiple_choice",
            kind: "money",
            prompt: "How much will the riverside levee cost?",
            answer: "$18 billion",
            options: &["$12 billion", "$18 billion", "$25 billion", "$31 billion"],
            accepted: &[],
        },
        tf("t1", "True"),
    ]);
    let d = e
        .quiz(&["--seed", "3", "--types", "who_said"])
        .stdin("quenneville\n")
        .ok();
    assert!(d.stdout.contains("✓ Right"), "{}", d.stdout);
    assert!(!d.stdout.contains("answer with"), "{}", d.stdout);
    let d = e
        .quiz(&["--seed", "3", "--types", "multiple_choice"])
        .stdin("$18 billion\n")
        .ok();
    assert!(d.stdout.contains("✓ Right"), "{}", d.stdout);
    let d = e
        .quiz(&["--seed", "3", "--types", "true_false"])
        .stdin("yes\n")
        .ok();
    assert!(d.stdout.contains("✓ Right"), "{}", d.stdout);
    assert_eq!(e.reviews().iter().filter(|r| r.2).count(), 3);
}

#[test]
fn override_in_line_mode_is_logged_and_ends_the_retry() {
    let e = env(&[money_card()]);
    let d = e
        .quiz(&["--seed", "1"])
        .stdin("eighteen bilion\n!right\n")
        .ok();
    assert!(d.stdout.contains("✗ Wrong"), "{}", d.stdout);
    assert!(d.stdout.contains("Marked right"), "{}", d.stdout);
    assert!(d.stdout.contains("Session done: 1/1 right"), "{}", d.stdout);
    assert_eq!(e.reviews(), vec![("money1".to_string(), 3, true, true)]);
}

#[test]
fn answered_cards_are_not_due_until_their_day_and_cram_asks_anyway() {
    let e = env(&[tf("t1", "True"), tf("t2", "False")]);
    e.quiz(&["--seed", "1"]).stdin("t\nf\n").ok();
    let d = e.quiz(&[]).stdin("").ok();
    assert!(d.stdout.contains("Nothing is due"), "{}", d.stdout);
    assert!(d.stdout.contains("--cram"), "{}", d.stdout);
    let d = e.quiz(&["--cram", "--seed", "3"]).stdin("t\nf\n").ok();
    assert!(d.stdout.contains("2 cards"), "{}", d.stdout);
    assert_eq!(e.reviews().len(), 4);
    // A month later both are due again.
    let later = (chrono::Utc::now() + chrono::Duration::days(60)).to_rfc3339();
    let d = e
        .quiz(&["--seed", "1"])
        .env("FACTDECK_NOW", &later)
        .stdin("")
        .ok();
    assert!(d.stdout.contains("2 cards (2 due, 0 new)"), "{}", d.stdout);
}

#[test]
fn end_of_input_mid_session_keeps_answers_and_shows_the_summary() {
    let e = env(&[tf("t1", "True"), tf("t2", "True"), tf("t3", "True")]);
    let d = e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    assert!(
        d.stdout.contains("Session ended: 1/1 right"),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("2 of 3 cards not asked"), "{}", d.stdout);
    assert_eq!(e.reviews().len(), 1);
    // Resuming asks only the two unanswered cards.
    let d = e.quiz(&["--seed", "1"]).stdin("1\n1\n").ok();
    assert!(d.stdout.contains("2 cards (0 due, 2 new)"), "{}", d.stdout);
    assert_eq!(e.reviews().len(), 3);
}

#[test]
fn stats_reports_due_learned_streak_and_removed_cards() {
    let e = env(&[money_card(), tf("t1", "True")]);
    e.quiz(&["--seed", "1", "--types", "true_false"])
        .stdin("1\n")
        .ok();
    let d = e.cmd("stats").ok();
    assert!(d.stdout.contains("learned      1 of 2"), "{}", d.stdout);
    assert!(
        d.stdout.contains("due today    0 to review, 1 new"),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("streak       1 day"), "{}", d.stdout);
    assert!(d.stdout.contains("removed      none"), "{}", d.stdout);
    // The deck is regenerated without the true/false card: its history stays.
    std::fs::write(&e.deck, deck_toml(&[money_card()])).expect("rewrite");
    let d = e.cmd("stats").ok();
    assert!(
        d.stdout
            .contains("1 card no longer in the deck (their 1 reviews are kept)"),
        "{}",
        d.stdout
    );
    assert_eq!(e.reviews().len(), 1);
}

#[test]
fn optimize_says_how_many_more_reviews_it_needs() {
    let e = env(&[tf("t1", "True")]);
    e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    let d = factdeck(["optimize".as_ref(), "--state".as_ref(), e.db.as_os_str()]).ok();
    assert!(d.stdout.contains("0 usable reviews"), "{}", d.stdout);
    assert!(d.stdout.contains("400 more needed"), "{}", d.stdout);
}

#[test]
fn a_deck_with_errors_is_refused_with_checks_message() {
    let e = env(&[tf("t1", "True")]);
    std::fs::write(&e.deck, "format = 99\n[deck]\ntitle = \"x\"\n").expect("write");
    let d = e.quiz(&[]).stdin("1\n").fails();
    assert!(d.stderr.contains("deck.toml"), "{}", d.stderr);
    assert!(d.stderr.contains("format 99"), "{}", d.stderr);
    assert!(!e.db.exists(), "no database is created for a refused deck");
}

#[test]
fn corrupt_database_is_reported_and_left_untouched() {
    let e = env(&[tf("t1", "True")]);
    std::fs::create_dir_all(e.db.parent().expect("parent")).expect("mkdir");
    let junk = b"definitely not sqlite\n".repeat(300);
    std::fs::write(&e.db, &junk).expect("write");
    let d = e.quiz(&[]).stdin("1\n").fails();
    assert!(d.stderr.contains("corrupt"), "{}", d.stderr);
    assert!(d.stderr.contains("state.sqlite3"), "{}", d.stderr);
    assert_eq!(std::fs::read(&e.db).expect("read"), junk);
    e.cmd("stats").fails();
}

#[test]
fn newer_schema_database_is_refused() {
    let e = env(&[tf("t1", "True")]);
    e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    let conn = rusqlite::Connection::open(&e.db).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("bump");
    drop(conn);
    let d = e.quiz(&["--cram"]).stdin("1\n").fails();
    assert!(d.stderr.contains("newer factdeck"), "{}", d.stderr);
    assert_eq!(e.reviews().len(), 1);
}

#[test]
fn a_database_locked_too_long_gives_a_clear_error() {
    let e = env(&[tf("t1", "True")]);
    e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    let conn = rusqlite::Connection::open(&e.db).expect("open");
    conn.execute_batch(
        "BEGIN EXCLUSIVE; INSERT INTO sessions (deck, started_at, cram) VALUES ('x', 0, 0);",
    )
    .expect("lock");
    let d = e
        .quiz(&["--cram"])
        .env("FACTDECK_BUSY_WAIT", "0")
        .stdin("1\n")
        .fails();
    assert!(
        d.stderr.contains("locked by another factdeck session"),
        "{}",
        d.stderr
    );
    conn.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(e.reviews().len(), 1);
}

/// Collects a child's stdout on a thread, so a test can wait for text.
fn collect(mut out: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let buf = Arc::new(Mutex::new(String::new()));
    let b = Arc::clone(&buf);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = out.read(&mut chunk) {
            if n == 0 {
                break;
            }
            b.lock()
                .expect("lock")
                .push_str(&String::from_utf8_lossy(&chunk[..n]));
        }
    });
    buf
}

fn wait_for(buf: &Arc<Mutex<String>>, needle: &str) {
    let start = Instant::now();
    while !buf.lock().expect("lock").contains(needle) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never saw {needle:?} in:\n{}",
            buf.lock().expect("lock")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn spawn_piped(e: &Env) -> std::process::Child {
    Command::new(bin())
        .args([
            "quiz".as_ref(),
            e.deck.as_os_str(),
            "--seed".as_ref(),
            "1".as_ref(),
        ])
        .arg("--state")
        .arg(&e.db)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn")
}

#[test]
fn killed_process_keeps_every_answer_given_before_the_kill() {
    let e = env(&[tf("t1", "True"), tf("t2", "True"), tf("t3", "True")]);
    let mut child = spawn_piped(&e);
    let out = collect(child.stdout.take().expect("stdout"));
    let mut stdin = child.stdin.take().expect("stdin");
    wait_for(&out, "1/3");
    stdin.write_all(b"1\n").expect("answer");
    wait_for(&out, "2/3");
    stdin.write_all(b"2\n").expect("answer");
    wait_for(&out, "3/3");
    child.kill().expect("kill -9");
    child.wait().expect("reaped");
    let r = e.reviews();
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r[0].2 && !r[1].2);
}

#[test]
fn sigint_in_line_mode_ends_with_the_summary_so_far() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut child = spawn_piped(&e);
    let out = collect(child.stdout.take().expect("stdout"));
    let mut stdin = child.stdin.take().expect("stdin");
    wait_for(&out, "1/2");
    stdin.write_all(b"1\n").expect("answer");
    wait_for(&out, "2/2");
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(status.success());
    let code = child.wait().expect("wait");
    wait_for(&out, "Session interrupted: 1/1 right");
    assert_eq!(code.code(), Some(130));
    assert_eq!(e.reviews().len(), 1);
}

fn pty(e: &Env, extra: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = Command::new(bin());
    cmd.arg("quiz")
        .arg(&e.deck)
        .args(extra)
        .arg("--state")
        .arg(&e.db)
        .env_remove("NO_COLOR")
        .env_remove("FACTDECK_STATE")
        .env("TERM", "xterm-256color");
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn in a pty")
}

#[test]
fn terminal_session_answers_by_key_press_and_ctrl_c_then_resume() {
    let e = env(&[tf("t1", "True"), tf("t2", "False"), tf("t3", "True")]);
    let mut p = pty(&e, &["--seed", "4"]);
    p.exp_string("1/3").expect("header");
    p.exp_string("press 1").expect("key prompt");
    // The first card's answer is unknown here (the order is shuffled), so
    // answer and read the verdict.
    p.send("1").expect("key");
    p.flush().expect("flush");
    let (_, verdict) = p.exp_regex("Right|Wrong").expect("verdict");
    p.exp_string("any key: next").expect("continue prompt");
    p.send(" ").expect("next");
    p.flush().expect("flush");
    p.exp_string("2/3").expect("second card");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("Session interrupted")
        .expect("summary after Ctrl-C");
    p.exp_eof().expect("exit");
    let r = e.reviews();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].2, verdict == "Right");
    // Resume: the two unanswered cards are still new; a missed card is due again.
    let mut p = pty(&e, &["--seed", "4"]);
    let expect = if r[0].2 {
        "2 cards (0 due, 2 new)"
    } else {
        "3 cards (1 due, 2 new)"
    };
    p.exp_string(expect).expect("resumed session");
    p.send("q").expect("quit");
    p.flush().expect("flush");
    p.exp_string("Session ended").expect("summary");
    p.exp_eof().expect("exit");
}

#[test]
fn terminal_typed_answer_and_i_was_right_override() {
    let e = env(&[money_card()]);
    let mut p = pty(&e, &["--seed", "1"]);
    p.exp_string("your answer>").expect("text prompt");
    p.send("18 bucks?\r").expect("type");
    p.flush().expect("flush");
    p.exp_string("Wrong").expect("wrong");
    p.exp_string("r: I was right").expect("override offered");
    p.send("r").expect("override");
    p.flush().expect("flush");
    p.exp_string("Marked right").expect("marked");
    p.exp_string("Session done: 1/1 right").expect("summary");
    p.exp_eof().expect("exit");
    assert_eq!(e.reviews(), vec![("money1".to_string(), 3, true, true)]);
}

#[test]
fn an_edited_deck_is_read_again_even_when_its_size_is_unchanged() {
    let e = env(&[money_card()]);
    let d = e.quiz(&["--cram"]).stdin("q\n").ok();
    assert!(d.stdout.contains("riverside levee cost"), "{}", d.stdout);
    // Same length, different words: the cached cards must not be used.
    let text = std::fs::read_to_string(&e.deck).expect("read");
    std::fs::write(&e.deck, text.replace("riverside levee", "riverside canal")).expect("edit");
    let d = e.quiz(&["--cram"]).stdin("q\n").ok();
    assert!(d.stdout.contains("riverside canal cost"), "{}", d.stdout);
    // And a deck broken by an edit is refused, cache or not.
    std::fs::write(&e.deck, text.replace("format = 1", "format = 7")).expect("break");
    let d = e.quiz(&["--cram"]).stdin("q\n").fails();
    assert!(d.stderr.contains("format 7"), "{}", d.stderr);
}

#[test]
fn optimize_fits_a_long_history_and_later_sessions_use_it() {
    let e = env(&[tf("t1", "True")]);
    e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    // 120 cards reviewed five times each on growing gaps, as if over weeks.
    let conn = rusqlite::Connection::open(&e.db).expect("open");
    let day0 = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("day");
    for c in 0..120 {
        let mut day = day0;
        for (r, gap) in [0i64, 1, 3, 8, 20].into_iter().enumerate() {
            day += chrono::Duration::days(gap);
            let rating = if c % 4 == 0 && r == 3 { 1 } else { 3 };
            let at = day.and_hms_opt(12, 0, 0).expect("t").and_utc().timestamp();
            conn.execute(
                "INSERT INTO reviews (session, card_id, deck, reviewed_at, day, elapsed_days, rating,
                                      judged_correct, correct, given)
                 VALUES (1, ?1, 'old', ?2, ?3, ?4, ?5, ?6, ?6, 'x')",
                rusqlite::params![format!("old{c}"), at, day.to_string(), gap, rating, rating != 1],
            )
            .expect("insert");
        }
    }
    drop(conn);
    let d = factdeck(["optimize".as_ref(), "--state".as_ref(), e.db.as_os_str()]).ok();
    assert!(
        d.stdout.contains("Fitted FSRS parameters to 480 reviews"),
        "{}",
        d.stdout
    );
    let conn = rusqlite::Connection::open(&e.db).expect("open");
    let weights: String = conn
        .query_row("SELECT weights FROM parameters", [], |r| r.get(0))
        .expect("stored");
    assert_eq!(weights.split(',').count(), 21);
    drop(conn);
    e.quiz(&["--cram", "--seed", "1"]).stdin("1\n").ok();
}

#[test]
fn no_color_on_a_terminal_reads_lines_and_ctrl_c_ends_with_the_summary() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut cmd = Command::new(bin());
    cmd.arg("quiz")
        .arg(&e.deck)
        .args(["--seed", "1", "--state"])
        .arg(&e.db)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color");
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn in a pty");
    p.exp_string("1/2").expect("header");
    p.exp_string("> ").expect("line prompt, not a key prompt");
    p.send_line("true").expect("answer");
    p.exp_string("Right").expect("verdict");
    p.exp_string("2/2").expect("second card");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("Session interrupted: 1/1 right")
        .expect("summary");
    p.exp_eof().expect("exit");
    assert_eq!(e.reviews().len(), 1);
}

// ------------------------------------------------- hostile decks and faults (issue 15)

#[test]
fn escape_sequences_in_a_deck_never_reach_the_terminal() {
    let e = env(&[C {
        prompt: "Who ESCAPE1 won the vote?",
        answer: "Marta ESCAPE2 Quill",
        ..money_card()
    }]);
    let text = std::fs::read_to_string(&e.deck).expect("read");
    // TOML escapes: a window-title OSC, an erase-line CSI, an OSC 52 clipboard write.
    let text = text
        .replace("ESCAPE1", "\\u001B]0;pwned\\u0007\\u001B[2K")
        .replace("ESCAPE2", "\\u001B]52;c;ZWNobyBoaQ==\\u0007");
    std::fs::write(&e.deck, text).expect("write");
    let d = e.quiz(&["--cram"]).stdin("nobody\n").run();
    assert!(
        !d.stdout.contains('\u{1b}') && !d.stdout.contains('\u{7}'),
        "{:?}",
        d.stdout
    );
    if d.status == 0 {
        // Shown as visible escapes: the user can see something is odd.
        assert!(d.stdout.contains("\\x1b]0;pwned\\x07"), "{}", d.stdout);
        assert!(d.stdout.contains("\\x1b]52;c;"), "{}", d.stdout);
    } else {
        // Or refused by the deck checks, naming the field.
        assert!(d.stderr.contains("control"), "{}", d.stderr);
    }
}

#[test]
fn first_time_sessions_on_a_new_database_both_succeed() {
    let e = env(&[tf("t1", "True")]);
    let children: Vec<_> = (0..4)
        .map(|_| {
            let mut c = Command::new(bin())
                .arg("quiz")
                .arg(&e.deck)
                .args(["--cram", "--seed", "1", "--state"])
                .arg(&e.db)
                .env("NO_COLOR", "1")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            c.stdin
                .take()
                .expect("stdin")
                .write_all(b"1\n")
                .expect("answer");
            c
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(e.reviews().len(), 4);
}

#[test]
fn a_database_held_by_another_process_is_waited_for() {
    let e = env(&[tf("t1", "True")]);
    e.quiz(&["--seed", "1"]).stdin("1\n").ok();
    let db = e.db.clone();
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch(
            "BEGIN EXCLUSIVE; INSERT INTO sessions (deck, started_at, cram) VALUES ('x', 0, 0);",
        )
        .expect("lock");
        locked_tx.send(()).expect("tell");
        // Longer than SQLite's own 3 s busy timeout.
        std::thread::sleep(Duration::from_millis(4500));
        conn.execute_batch("ROLLBACK").expect("unlock");
    });
    locked_rx.recv().expect("locked");
    let d = e.quiz(&["--cram"]).stdin("1\n").ok();
    holder.join().expect("holder");
    assert!(d.stderr.contains("busy"), "{}", d.stderr);
    assert!(d.stdout.contains("Session"), "{}", d.stdout);
    assert_eq!(e.reviews().len(), 2);
}

#[test]
fn closed_standard_output_asks_nothing_and_fails() {
    let e = env(&[tf("t1", "True")]);
    let out = Command::new(bin())
        .arg("quiz")
        .arg(&e.deck)
        .args(["--cram", "--seed", "1", "--state"])
        .arg(&e.db)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().expect("stdin").write_all(b"1\n")?;
            c.wait_with_output()
        })
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard output"), "{err}");
    assert!(!e.db.exists() || e.reviews().is_empty());
}

#[test]
fn a_reader_that_goes_away_ends_the_session_quietly() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut child = Command::new(bin())
        .arg("quiz")
        .arg(&e.deck)
        .args(["--seed", "1", "--state"])
        .arg(&e.db)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader closes its end before anything is written (`| head -c 0`).
    drop(child.stdout.take());
    let _ = child.stdin.take().expect("stdin").write_all(b"1\n1\n");
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(err.trim().is_empty(), "{err}");
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn sighup_in_line_mode_ends_with_the_summary() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut child = spawn_piped(&e);
    let out = collect(child.stdout.take().expect("stdout"));
    let mut stdin = child.stdin.take().expect("stdin");
    wait_for(&out, "1/2");
    stdin.write_all(b"1\n").expect("answer");
    wait_for(&out, "2/2");
    let status = Command::new("kill")
        .args(["-HUP", &child.id().to_string()])
        .status()
        .expect("kill -HUP");
    assert!(status.success());
    let code = child.wait().expect("wait");
    wait_for(&out, "Session interrupted: 1/1 right");
    assert_eq!(code.code(), Some(129));
    assert_eq!(e.reviews().len(), 1);
}

/// A quiz on a pseudo-terminal, followed by `stty -a` on the same terminal:
/// shows whether factdeck left raw mode behind.
fn pty_then_stty(e: &Env) -> rexpect::session::PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(r#""$0" quiz "$1" --seed 1 --state "$2"; echo "exit=$?"; stty -a"#)
        .arg(bin())
        .arg(&e.deck)
        .arg(&e.db)
        .env_remove("NO_COLOR")
        .env_remove("FACTDECK_STATE")
        .env("TERM", "xterm-256color");
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn in a pty")
}

#[test]
fn sigterm_on_a_terminal_restores_it_and_prints_the_summary() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut p = pty_then_stty(&e);
    p.exp_string("press 1").expect("key prompt");
    // The quiz is the shell's child; signal it by name of its deck argument.
    let deck = e.deck.display().to_string();
    let pid = (0..100)
        .find_map(|_| {
            let out = Command::new("pgrep")
                .args(["-f", &format!("quiz {deck}")])
                .output()
                .ok()?;
            let pids = String::from_utf8_lossy(&out.stdout).to_string();
            let pid = pids
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())?
                .to_string();
            Some(pid).filter(|_| out.status.success())
        })
        .expect("quiz pid");
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    p.exp_string("Session interrupted").expect("summary");
    p.exp_string("exit=143").expect("exit status");
    // Raw mode shows as `-icanon` (echo is not a sign: rexpect turns it off).
    let (_, m) = p.exp_regex(r"-?icanon\s").expect("stty icanon");
    assert!(!m.starts_with('-'), "raw mode left behind: {m}");
}

#[test]
fn ctrl_d_on_a_terminal_ends_like_q() {
    let e = env(&[tf("t1", "True"), tf("t2", "True")]);
    let mut p = pty_then_stty(&e);
    p.exp_string("press 1").expect("key prompt");
    p.send_control('d').expect("ctrl-d");
    p.exp_string("Session ended").expect("summary");
    p.exp_string("exit=0").expect("exit status like q");
}

#[test]
fn a_full_disk_mid_session_ends_with_the_summary_and_says_what_was_lost() {
    let e = env(&[
        tf("t1", "True"),
        tf("t2", "True"),
        tf("t3", "True"),
        tf("t4", "True"),
        tf("t5", "True"),
        tf("t6", "True"),
    ]);
    // Make the database first, then let it grow by very little: a file size
    // limit (ulimit -f, in KiB for bash) stands in for a full disk.
    e.quiz(&["--seed", "1", "--limit", "1"]).stdin("1\n").ok();
    let size = std::fs::metadata(&e.db).expect("db").len();
    let limit_kib = size / 1024 + 8;
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            r#"ulimit -f {limit_kib}; printf '1\n%.0s' $(seq 40) | "$0" quiz "$1" --cram --seed 1 --state "$2""#
        ))
        .arg(bin())
        .arg(&e.deck)
        .arg(&e.db)
        .env("NO_COLOR", "1")
        .env("FACTDECK_BUSY_WAIT", "1")
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("This answer was not saved"),
        "{stdout}\n{stderr}"
    );
    assert!(stdout.contains("disk is full"), "{stdout}");
    assert!(
        stdout.contains("Session stopped (the disk is full)"),
        "{stdout}"
    );
    assert!(!stderr.contains("disk I/O error"), "{stderr}");
}
