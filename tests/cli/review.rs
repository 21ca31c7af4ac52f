//! `factdeck review`: the page's server (token, Host and Origin checks, save)
//! through raw HTTP, `generate --update`, exports skipping dropped cards, and
//! the page itself end to end in headless Chromium driven by chromedriver
//! (skipped when either is missing, unless `CI` is set).

use crate::common::{Scratch, bin, factdeck};
use factdeck::model::Deck;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");

/// A small generated deck in `s`: two fixture documents.
fn make_deck(s: &Scratch, types: &str) -> PathBuf {
    let deck = s.path("deck.toml");
    factdeck([
        "generate",
        &format!("{FIXTURES}/council_budget.txt"),
        &format!("{FIXTURES}/transit_bond.txt"),
        "--types",
        types,
        "-o",
        &deck.display().to_string(),
    ])
    .env("SOURCE_DATE_EPOCH", "1700000000")
    .ok();
    deck
}

fn load(path: &Path) -> Deck {
    factdeck::load_deck(path).expect("deck loads")
}

// ------------------------------------------------------------ the server

/// A running `factdeck review`, stopped when dropped.
struct Review {
    child: Child,
    /// Kept open so the server can go on writing to it.
    _stdout: BufReader<std::process::ChildStdout>,
    port: u16,
    token: String,
}

impl Review {
    fn start(deck: &Path) -> Review {
        let mut child = Command::new(bin())
            .args(["review", &deck.display().to_string(), "--no-open"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn factdeck review");
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdout.read_line(&mut line).expect("read the address");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .expect("loopback address");
        let (port, token) = rest.split_once("/?token=").expect("token in the address");
        assert_eq!(token.len(), 32, "{url}");
        Review {
            child,
            _stdout: stdout,
            port: port.parse().expect("port"),
            token: token.to_string(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}?token={}", self.port, self.token)
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Review {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request over a fresh connection: the status and the body.
fn http(
    port: u16,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut req = format!(
        "{method} {target} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).expect("send");
    s.write_all(body).expect("send body");
    let mut out = Vec::new();
    s.read_to_end(&mut out).expect("read");
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&out[..split]).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let mut body = out[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    (status, body)
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").expect("chunk size");
        let n =
            usize::from_str_radix(String::from_utf8_lossy(&b[..nl]).trim(), 16).expect("hex size");
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 4 + n..];
    }
}

#[test]
fn review_refuses_requests_without_the_token_or_from_another_origin() {
    let s = Scratch::new();
    let deck = make_deck(&s, "cloze,short_answer");
    let r = Review::start(&deck);
    let host = format!("127.0.0.1:{}", r.port);
    let target = |path: &str| {
        r.url(path)
            .split_once(&host)
            .expect("own url")
            .1
            .to_string()
    };
    let ok_headers = [("Host", host.as_str())];
    // The page and its data with the token from the page's own host.
    assert_eq!(http(r.port, "GET", &target("/"), &ok_headers, b"").0, 200);
    let (status, body) = http(r.port, "GET", &target("/api/deck"), &ok_headers, b"");
    assert_eq!(status, 200);
    let view: Value = serde_json::from_slice(&body).expect("deck JSON");
    assert_eq!(
        view["cards"].as_array().map(Vec::len),
        Some(load(&deck).cards.len())
    );
    // Without the token, or a wrong one: refused, and nothing of the deck shown.
    for path in ["/", "/api/deck", "/review.js"] {
        let (status, body) = http(r.port, "GET", path, &ok_headers, b"");
        assert_eq!(status, 403, "{path}");
        assert!(!String::from_utf8_lossy(&body).contains("cards"), "{path}");
    }
    let wrong = format!("/api/deck?token={}", "0".repeat(32));
    assert_eq!(http(r.port, "GET", &wrong, &ok_headers, b"").0, 403);
    // Another Host (DNS rebinding) or another Origin (another tab): refused.
    assert_eq!(
        http(
            r.port,
            "GET",
            &target("/api/deck"),
            &[("Host", "evil.example:80")],
            b""
        )
        .0,
        403
    );
    let evil = [("Host", host.as_str()), ("Origin", "http://evil.example")];
    assert_eq!(http(r.port, "GET", &target("/api/deck"), &evil, b"").0, 403);
    let before = std::fs::read(&deck).expect("deck");
    let d = load(&deck);
    let drop_one = json!([{ "index": 0, "id": d.cards[0].id.0, "dropped": true,
        "prompt": d.cards[0].prompt, "answer": d.cards[0].answer }]);
    let body = drop_one.to_string();
    let (status, _) = http(r.port, "POST", &target("/api/save"), &evil, body.as_bytes());
    assert_eq!(status, 403);
    let cross = [("Host", host.as_str()), ("Origin", "null")];
    assert_eq!(
        http(
            r.port,
            "POST",
            &target("/api/save"),
            &cross,
            body.as_bytes()
        )
        .0,
        403
    );
    let no_origin = [("Host", host.as_str())];
    assert_eq!(
        http(
            r.port,
            "POST",
            &target("/api/save"),
            &no_origin,
            body.as_bytes()
        )
        .0,
        403
    );
    let site = [
        ("Host", host.as_str()),
        ("Origin", &r.origin()),
        ("Sec-Fetch-Site", "cross-site"),
    ];
    assert_eq!(
        http(r.port, "POST", &target("/api/save"), &site, body.as_bytes()).0,
        403
    );
    assert_eq!(
        std::fs::read(&deck).expect("deck"),
        before,
        "a refused save wrote nothing"
    );
    // The same save from the page's own origin with the token goes through.
    let own = [
        ("Host", host.as_str()),
        ("Origin", &r.origin()),
        ("Content-Type", "application/json"),
    ];
    let (status, reply) = http(r.port, "POST", &target("/api/save"), &own, body.as_bytes());
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&reply));
    let saved = load(&deck);
    assert!(saved.cards[0].dropped);
    assert_eq!(saved.cards.iter().filter(|c| c.dropped).count(), 1);
}

#[test]
fn review_validates_edits_and_will_not_overwrite_a_file_changed_on_disk() {
    let s = Scratch::new();
    let deck = make_deck(&s, "cloze,short_answer");
    let r = Review::start(&deck);
    let host = format!("127.0.0.1:{}", r.port);
    let origin = r.origin();
    let own = [("Host", host.as_str()), ("Origin", origin.as_str())];
    let target = |path: &str| {
        r.url(path)
            .split_once(&host)
            .expect("own url")
            .1
            .to_string()
    };
    let d = load(&deck);
    let i = d
        .cards
        .iter()
        .position(|c| c.card_type.as_str() == "cloze")
        .expect("a cloze card");
    let c = &d.cards[i];
    // A cloze prompt without its blank breaks one of check's rules.
    let bad = json!({ "index": i, "id": c.id.0, "dropped": false, "prompt": "No blank here.", "answer": c.answer });
    let (status, body) = http(
        r.port,
        "POST",
        &target("/api/validate"),
        &own,
        bad.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let v: Value = serde_json::from_slice(&body).expect("json");
    let problems = v["problems"].to_string();
    assert!(problems.contains("____"), "{problems}");
    let (status, _) = http(
        r.port,
        "POST",
        &target("/api/save"),
        &own,
        json!([bad]).to_string().as_bytes(),
    );
    assert_eq!(status, 422, "an invalid edit is not saved");
    // Another editor changes the file: the page's save is refused, the file kept.
    let theirs = std::fs::read_to_string(&deck)
        .expect("deck")
        .replace("# Edit freely", "# Edited elsewhere");
    std::fs::write(&deck, &theirs).expect("write");
    let (status, body) = http(r.port, "GET", &target("/api/status"), &own, b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("\"changed_on_disk\":true"));
    let good = json!([{ "index": i, "id": c.id.0, "dropped": true, "prompt": c.prompt, "answer": c.answer }]);
    let (status, body) = http(
        r.port,
        "POST",
        &target("/api/save"),
        &own,
        good.to_string().as_bytes(),
    );
    assert_eq!(status, 409, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("changed on disk"));
    assert_eq!(std::fs::read_to_string(&deck).expect("deck"), theirs);
}

// ------------------------------------------------- decks, exports, update

#[test]
fn exports_leave_dropped_cards_out_and_check_accepts_the_field() {
    let s = Scratch::new();
    let deck = make_deck(&s, "multiple_choice");
    let mut d = load(&deck);
    assert!(d.cards.len() >= 4, "fixture too small: {}", d.cards.len());
    let dropped: Vec<String> = d.cards.iter().take(2).map(|c| c.id.0.clone()).collect();
    for c in d.cards.iter_mut().take(2) {
        c.dropped = true;
    }
    let marked = s.path("marked.toml");
    factdeck::save_deck(&marked, &d, false).expect("save");
    let text = std::fs::read_to_string(&marked).expect("read");
    assert_eq!(text.matches("\ndropped = true\n").count(), 2, "{text}");
    assert!(!text.contains("dropped = false"));
    factdeck(["check", &marked.display().to_string()]).ok();
    let mut without = d.clone();
    without.cards.retain(|c| !dropped.contains(&c.id.0));
    let removed = s.path("removed.toml");
    factdeck::save_deck(&removed, &without, false).expect("save");
    let mut all = d.clone();
    all.cards.iter_mut().for_each(|c| c.dropped = false);
    let kept_all = s.path("all.toml");
    factdeck::save_deck(&kept_all, &all, false).expect("save");
    for to in ["worksheet", "csv"] {
        let out = |deck: &Path, name: &str| {
            let o = s.path(name);
            factdeck([
                "export",
                &deck.display().to_string(),
                "--to",
                to,
                "-o",
                &o.display().to_string(),
            ])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .ok();
            std::fs::read(o).expect("export")
        };
        let from_marked = out(&marked, &format!("m.{to}"));
        assert_eq!(
            from_marked,
            out(&removed, &format!("r.{to}")),
            "{to}: dropped cards are as if removed"
        );
        assert_ne!(
            from_marked,
            out(&kept_all, &format!("a.{to}")),
            "{to}: the dropped cards were exported before"
        );
    }
}

#[test]
fn generate_update_keeps_decisions_and_edits_and_reports_new_and_gone_cards() {
    let s = Scratch::new();
    let a = s.file("a.md", "# Pool\n\nThe town spent $4.2 million on the new pool in 2023.\n\nThe library opened on March 3, 2021.\n");
    let deck = s.path("deck.toml");
    let generate = |extra: &[&str]| {
        let mut args = vec![
            "generate".to_string(),
            a.display().to_string(),
            "-o".into(),
            deck.display().to_string(),
        ];
        args.extend(extra.iter().map(|x| x.to_string()));
        factdeck(args).env("SOURCE_DATE_EPOCH", "1700000000").ok()
    };
    generate(&[]);
    let mut d = load(&deck);
    assert!(d.cards.len() >= 2);
    let pool_line = "The town spent $4.2 million on the new pool in 2023.";
    let pool: Vec<usize> = (0..d.cards.len())
        .filter(|&i| d.cards[i].sentence == pool_line)
        .collect();
    assert!(pool.len() >= 2, "fixture: {:?}", d.cards);
    let (dropped, edited) = (pool[0], pool[1]);
    d.cards[dropped].dropped = true;
    d.cards[edited].accepted.push("a hand-added answer".into());
    factdeck::save_deck(&deck, &d, true).expect("save");
    let (kept_id, edited_id) = (d.cards[dropped].id.clone(), d.cards[edited].id.clone());
    // The library sentence goes, a new one comes.
    std::fs::write(
        &a,
        format!("# Pool\n\n{pool_line}\n\nAbout 1,200 residents signed the petition.\n"),
    )
    .expect("write");
    let out = generate(&["--update"]);
    assert!(out.stdout.contains("updated:"), "{}", out.stdout);
    let after = load(&deck);
    let find = |id: &factdeck::model::CardId| after.cards.iter().find(|c| &c.id == id);
    assert!(find(&kept_id).expect("surviving card").dropped);
    let e = find(&edited_id).expect("edited card");
    assert!(
        e.accepted.iter().any(|x| x == "a hand-added answer"),
        "{e:?}"
    );
    assert!(!e.dropped);
    let gone = d.cards.iter().filter(|c| c.sentence != pool_line).count();
    assert!(
        gone > 0
            && out
                .stdout
                .contains(&format!("{gone} cards gone with their fact")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("gone: card"), "{}", out.stdout);
    assert!(
        after.cards.iter().any(|c| c.sentence.contains("petition")),
        "new cards were added"
    );
    factdeck(["check", &deck.display().to_string()]).ok();
    // Without --update an existing deck is still never overwritten.
    let mut args = vec![
        "generate".to_string(),
        a.display().to_string(),
        "-o".into(),
        deck.display().to_string(),
    ];
    args.truncate(4);
    factdeck(args).fails();
}
