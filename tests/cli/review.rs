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
    // Read the head, then the body by its length (a keep-alive server need
    // not close the connection), or to the end.
    let mut out = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let split = loop {
        if let Some(p) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = s.read(&mut buf).expect("read");
        assert!(n > 0, "connection closed before the headers ended");
        out.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&out[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let length = head.lines().find_map(|l| {
        l.strip_prefix("content-length:")
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    let chunked = head.contains("transfer-encoding: chunked");
    let mut body = out[split + 4..].to_vec();
    loop {
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = s.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    if chunked {
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
    let a = s.file("a.md", "# Pool\n\nRiverton spent $4.2 million on its new public pool in 2023.\n\nThe Riverton Public Library opened on March 3, 2021.\n");
    let deck = s.path("deck.toml");
    let generate = |extra: &[&str]| {
        let mut args = vec![
            "generate".to_string(),
            a.display().to_string(),
            "-o".into(),
            deck.display().to_string(),
            // Several cards of one fact, so one can be dropped and another edited.
            "--per-fact".into(),
            "3".into(),
        ];
        args.extend(extra.iter().map(|x| x.to_string()));
        factdeck(args).env("SOURCE_DATE_EPOCH", "1700000000").ok()
    };
    generate(&[]);
    let mut d = load(&deck);
    assert!(d.cards.len() >= 2);
    let pool_line = "Riverton spent $4.2 million on its new public pool in 2023.";
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
        format!("# Pool\n\n{pool_line}\n\nAbout 1,200 Riverton residents signed a petition for longer pool hours.\n"),
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

// ------------------------------------------- the page in headless Chromium

/// Whether an outside tool may be missing: not under CI. Prints the skip note.
fn skip_unless_ci(what: &str, install: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is not available, and CI is set: {install}");
    }
    eprintln!("skipped: {what} is not available; install with: {install}");
    true
}

fn tool_works(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// A chromedriver and one headless Chromium session, ended when dropped.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    fn start() -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut b = Browser {
            driver,
            port,
            session: String::new(),
            _profile: profile,
        };
        let t0 = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                t0.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1000",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([format!("--user-data-dir={}", b._profile.path().display())])
        .collect::<Vec<_>>();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium_binary(), "args": args }
        }}});
        let v = b.call("POST", "/session", Some(caps));
        b.session = v["sessionId"].as_str().expect("session id").to_string();
        b
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let host = format!("127.0.0.1:{}", self.port);
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let (status, reply) = http(
            self.port,
            method,
            path,
            &[("Host", &host), ("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let v: Value = serde_json::from_slice(&reply).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        self.call(
            method,
            &format!("/session/{}{path}", self.session),
            Some(body),
        )
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            json!({ "using": "css selector", "value": css }),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/click"), json!({}));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            json!({ "text": text }),
        );
    }

    /// Presses keys on whatever has the focus.
    fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for k in keys {
            actions.push(json!({ "type": "keyDown", "value": k }));
            actions.push(json!({ "type": "keyUp", "value": k }));
        }
        self.cmd(
            "POST",
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        );
    }

    /// Waits until `script` returns true.
    fn wait(&self, what: &str, script: &str) {
        let t0 = Instant::now();
        loop {
            if self.js(script) == Value::Bool(true) {
                return;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn screenshot(&self, width: u32, path: &Path) {
        self.cmd(
            "POST",
            "/window/rect",
            json!({ "width": width, "height": 1000 }),
        );
        self.js("window.scrollTo(0, 0); return true;");
        let png = self.call(
            "GET",
            &format!("/session/{}/screenshot", self.session),
            None,
        );
        std::fs::write(path, base64_decode(png.as_str().expect("base64"))).expect("write png");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let host = format!("127.0.0.1:{}", self.port);
            let _ = std::panic::catch_unwind(|| {
                http(
                    self.port,
                    "DELETE",
                    &format!("/session/{}", self.session),
                    &[("Host", &host)],
                    b"",
                )
            });
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn chromium_binary() -> String {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .find(|p| Path::new(p).exists())
    .unwrap_or(&"chromium")
    .to_string()
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | u32::from(val(c)) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

#[test]
fn review_page_filters_drops_edits_and_saves_in_chromium() {
    if !tool_works("chromedriver", "--version") || !Path::new(&chromium_binary()).exists() {
        skip_unless_ci(
            "chromium and chromedriver",
            "apt-get install -y chromium chromium-driver",
        );
        return;
    }
    let s = Scratch::new();
    let deck = make_deck(&s, "cloze,multiple_choice,short_answer");
    // A prompt holding markup must show as text, never run.
    let text = std::fs::read_to_string(&deck).expect("deck");
    let at = text.find("\n[[cards]]").expect("a card");
    let p = at + text[at..].find("prompt = \"").expect("a prompt") + "prompt = \"".len();
    let hostile = "<script>window.pwned = 1</script><img src=x onerror=window.pwned=2>";
    let text = format!("{}{hostile} {}", &text[..p], &text[p..]);
    std::fs::write(&deck, &text).expect("write");
    factdeck(["check", &deck.display().to_string()]).ok();
    let before = load(&deck);

    let r = Review::start(&deck);
    let b = Browser::start();
    b.cmd("POST", "/url", json!({ "url": r.url("/") }));
    b.wait(
        "the cards",
        "return document.body.dataset.ready === '1' && !!document.querySelector('.card');",
    );
    let shown = b.js(
        "return [window.pwned === undefined, document.querySelector('.card .prompt').textContent];",
    );
    assert_eq!(shown[0], true, "markup in a prompt ran");
    assert!(shown[1].as_str().unwrap_or("").contains(hostile), "{shown}");

    // Filter to multiple-choice cards.
    b.click("#f-type option[value=multiple_choice]");
    let mc = before
        .cards
        .iter()
        .filter(|c| c.card_type.as_str() == "multiple_choice")
        .count();
    b.wait(
        "the filter",
        &format!("return document.getElementById('counts').textContent.includes('{mc} shown');"),
    );
    let types = b
        .js("return Array.from(document.querySelectorAll('.card .type')).map(e => e.textContent);");
    let types = types.as_array().expect("types");
    assert!(
        !types.is_empty() && types.iter().all(|t| t == "multiple choice"),
        "{types:?}"
    );

    // Drop two: one by click, one by keyboard (next card, d).
    b.click(".card button[data-act=toggle]");
    b.keys(&["j", "d"]);
    b.wait(
        "two dropped",
        "return document.querySelectorAll('.card.dropped').length === 2;",
    );
    let dropped = b.js(
        "return Array.from(document.querySelectorAll('.card.dropped')).map(e => e.dataset.id);",
    );
    let dropped: Vec<String> = dropped
        .as_array()
        .expect("ids")
        .iter()
        .map(|v| v.as_str().expect("id").to_string())
        .collect();
    assert_eq!(dropped.len(), 2);
    assert!(
        b.js("return document.getElementById('counts').textContent;")
            .as_str()
            .unwrap_or("")
            .contains("2 dropped")
    );

    // Edit one short answer's answer; the page checks it as it is typed.
    b.click("#f-type option[value=short_answer]");
    b.wait(
        "the filter",
        "return document.querySelector('.card .type').textContent === 'short answer';",
    );
    let edited = b
        .js("return document.querySelector('.card').dataset.id;")
        .as_str()
        .expect("id")
        .to_string();
    b.click(".card button[data-act=edit]");
    b.wait(
        "the editor",
        "return !!document.querySelector('.card .edit input[name=answer]');",
    );
    b.js("var i = document.querySelector('.card .edit input[name=answer]'); i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true})); return true;");
    b.wait(
        "the empty answer to be refused",
        "return document.querySelector('.edit .problems').textContent.includes('no answer');",
    );
    if let Some(dir) = std::env::var_os("FACTDECK_REVIEW_SCREENSHOTS") {
        for w in [1280, 420] {
            b.screenshot(w, &Path::new(&dir).join(format!("review-edit-{w}.png")));
        }
        b.cmd(
            "POST",
            "/window/rect",
            json!({ "width": 1280, "height": 1000 }),
        );
    }
    let new_answer = "forty-two thousand dollars";
    b.type_into(".card .edit input[name=answer]", new_answer);
    b.wait("the answer to pass", "var p = document.querySelector('.edit .problems'); return p.childNodes.length === 0 && !document.querySelector('.edit.invalid');");
    assert_eq!(
        b.js("return document.querySelector('.card .answer strong').textContent;"),
        json!(new_answer),
        "the preview follows the edit"
    );
    // Leave the field, save with the keyboard.
    b.keys(&["\u{E00C}", "s"]);
    b.wait(
        "the save",
        "return (document.getElementById('status').textContent || '').startsWith('Saved');",
    );

    let after = load(&deck);
    assert_eq!(after.cards.len(), before.cards.len());
    for (a, old) in after.cards.iter().zip(&before.cards) {
        assert_eq!(a.id, old.id);
        let mut expect = old.clone();
        if dropped.contains(&a.id.0) {
            expect.dropped = true;
        }
        if a.id.0 == edited {
            expect.answer = new_answer.into();
        }
        assert_eq!(a, &expect, "only the two drops and the one edit changed");
    }
    let saved = std::fs::read_to_string(&deck).expect("deck");
    assert_eq!(saved.matches("\ndropped = true\n").count(), 2);
    assert!(
        saved.contains(hostile),
        "the hand edit in the prompt is kept"
    );
    factdeck(["check", &deck.display().to_string()]).ok();

    // The page's worksheet link and the CLI agree, and leave dropped cards out.
    let host = format!("127.0.0.1:{}", r.port);
    let target = r
        .url("/export/worksheet")
        .split_once(&host)
        .expect("own")
        .1
        .to_string();
    let (status, from_page) = http(r.port, "GET", &target, &[("Host", &host)], b"");
    assert_eq!(status, 200);
    let mut without = after.clone();
    without.cards.retain(|c| !c.dropped);
    let removed = s.path("removed.toml");
    factdeck::save_deck(&removed, &without, false).expect("save");
    let ws = s.path("ws.html");
    factdeck([
        "export",
        &removed.display().to_string(),
        "--to",
        "worksheet",
        "-o",
        &ws.display().to_string(),
    ])
    .ok();
    assert_eq!(
        String::from_utf8_lossy(&from_page),
        std::fs::read_to_string(&ws).expect("ws")
    );

    if let Some(dir) = std::env::var_os("FACTDECK_REVIEW_SCREENSHOTS") {
        b.click("#f-type option[value='']");
        for w in [1280, 420] {
            b.screenshot(w, &Path::new(&dir).join(format!("review-{w}.png")));
        }
    }
}

#[test]
fn review_resolves_a_conflict_by_the_chosen_value() {
    let s = Scratch::new();
    let a = s.file(
        "a.md",
        "# Bridge\n\nThe Riverton City Council approved $10 million for the Elm Street bridge repairs on March 3, 2026.\n\nWork will start in 2026, officials said.\n",
    );
    let b = s.file(
        "b.md",
        "# Bridge plan\n\nThe Riverton City Council approved $12 million for the Elm Street bridge repairs on March 3, 2026.\n",
    );
    let deck = s.path("deck.toml");
    factdeck([
        "generate",
        &a.display().to_string(),
        &b.display().to_string(),
        "-o",
        &deck.display().to_string(),
    ])
    .ok();
    let before = load(&deck);
    assert_eq!(before.conflicts.len(), 1, "fixture makes a conflict");
    let chosen = before.conflicts[0].facts[1].clone();
    let other = before.conflicts[0].facts[0].clone();
    assert!(
        !before.cards.iter().any(|c| c.fact == chosen),
        "disputed facts start without cards"
    );
    let r = Review::start(&deck);
    let host = format!("127.0.0.1:{}", r.port);
    let origin = r.origin();
    let own = [("Host", host.as_str()), ("Origin", origin.as_str())];
    let target = r
        .url("/api/resolve")
        .split_once(&host)
        .expect("own")
        .1
        .to_string();
    let body = json!({ "conflict": 0, "fact": chosen.0 }).to_string();
    let (status, reply) = http(r.port, "POST", &target, &own, body.as_bytes());
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&reply));
    let after = load(&deck);
    assert!(after.conflicts.is_empty());
    let made: Vec<_> = after.cards.iter().filter(|c| c.fact == chosen).collect();
    assert!(!made.is_empty(), "the chosen value gets cards");
    assert!(
        made.iter().all(
            |c| !c.dropped && c.prompt.contains("____") || c.card_type.as_str() == "true_false"
        )
    );
    assert!(!after.cards.iter().any(|c| c.fact == other && !c.dropped));
    factdeck(["check", &deck.display().to_string()]).ok();
}
