//! Stage 5: the review page. `factdeck review DECK.toml` serves one page on
//! 127.0.0.1 where a teacher keeps, drops and edits cards, resolves
//! conflicts, saves the deck back and exports the kept cards.
//!
//! Security: the server listens on loopback only; every request must carry
//! the random token printed in the address; a request whose `Host` or
//! `Origin` is not the page's own (or that a browser marks as cross-site) is
//! refused, so other tabs cannot read or write through it; and the only file
//! it writes is the deck it was started on. Card text reaches the page as
//! JSON and is shown with `textContent`, never as markup, and the page's
//! Content-Security-Policy allows no inline script.

pub mod edit;
pub mod flags;
pub mod view;

use crate::error::{Error, Result};
use crate::model::Deck;
use askama::Template;
use edit::{CardEdit, DiskStamp};
use std::io::Read;
use std::path::PathBuf;
use tiny_http::{Header, Method, Request, Response, Server};
pub use view::ExportChoice;

/// Renders a deck (only its kept cards) to one export format by name: the
/// bytes of the file. Provided by the caller so this stage does not reach
/// into the command line.
pub type Exporter = Box<dyn Fn(&Deck, &str) -> Result<Vec<u8>>>;

/// How to serve the page.
pub struct ServeOptions {
    /// The deck to review, and the only file the page may write.
    pub deck: PathBuf,
    /// Read at most this many bytes of the deck file (`--max-input-size`).
    pub max_input: u64,
    /// The port to listen on; 0 for any free one.
    pub port: u16,
    /// Open the page in a browser when one is available.
    pub open_browser: bool,
    /// The formats the page offers, as `export --to` names them.
    pub exports: Vec<ExportChoice>,
    pub exporter: Exporter,
}

/// Largest request body accepted: a save of every card of a very large deck.
const MAX_BODY: usize = 64 * 1024 * 1024;

const SCRIPT: &str = include_str!("../../templates/review.js");
const STYLE: &str = include_str!("../../templates/review.css");

/// The server's state: the deck as last read or saved.
struct State {
    opts: ServeOptions,
    deck: Deck,
    stamp: DiskStamp,
    token: String,
    /// `127.0.0.1:PORT` and `localhost:PORT`: the only hosts served.
    hosts: [String; 2],
}

/// Serves the review page until the process is stopped.
pub fn serve(opts: ServeOptions) -> Result<()> {
    let src = crate::deck::read_deck_text(&opts.deck, opts.max_input)?;
    let deck = crate::deck::parse_valid_deck(&opts.deck, &src)?;
    let stamp = DiskStamp::of(&opts.deck, src.as_bytes());
    let server = Server::http(("127.0.0.1", opts.port))
        .map_err(|e| Error::Other(format!("cannot listen on 127.0.0.1:{}: {e}", opts.port)))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| Error::Other("the server has no TCP address".into()))?;
    let token = new_token();
    let url = format!("http://127.0.0.1:{port}/?token={token}");
    // Written, not println!: a closed stdout must not stop the server.
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "Reviewing {} at {url}\nPress Ctrl+C to stop.",
        opts.deck.display()
    );
    let _ = out.flush();
    drop(out);
    if opts.open_browser {
        open_browser(&url);
    }
    let mut state = State {
        opts,
        deck,
        stamp,
        token,
        hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
    };
    for request in server.incoming_requests() {
        state.handle(request);
    }
    Ok(())
}

/// 128 random bits as hex, from the operating system's generator (rand's
/// thread RNG is a CSPRNG seeded from the OS).
fn new_token() -> String {
    let bits: u128 = rand::random();
    format!("{bits:032x}")
}

/// Starts the platform's browser on `url`, if there seems to be one; quietly
/// does nothing otherwise (the address is printed anyway).
fn open_browser(url: &str) {
    use std::process::{Command, Stdio};
    let cmd = if let Some(b) = std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(Command::new(b))
    } else if cfg!(target_os = "macos") {
        Some(Command::new("open"))
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        Some(c)
    } else if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some()
    {
        Some(Command::new("xdg-open"))
    } else {
        None
    };
    if let Some(mut c) = cmd {
        let _ = c
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }
}

/// A response ready to send.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// `Content-Disposition` for downloads.
    attachment: Option<String>,
}

impl Reply {
    fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: value.to_string().into_bytes(),
            attachment: None,
        }
    }

    fn text(status: u16, message: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: message.into().into_bytes(),
            attachment: None,
        }
    }

    fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &serde_json::json!({ "error": message.into() }))
    }
}

impl State {
    fn handle(&mut self, mut request: Request) {
        let reply = match self.refusal(&request) {
            Some(r) => r,
            None => self.route(&mut request),
        };
        let mut response = Response::from_data(reply.body).with_status_code(reply.status);
        let headers = [
            ("Content-Type", reply.content_type),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            (
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                 img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ];
        for (k, v) in headers {
            if let Ok(h) = Header::from_bytes(k, v) {
                response.add_header(h);
            }
        }
        if let Some(name) = reply.attachment {
            let v = format!("attachment; filename=\"{name}\"");
            if let Ok(h) = Header::from_bytes("Content-Disposition", v) {
                response.add_header(h);
            }
        }
        let _ = request.respond(response);
    }

    /// Why `request` is refused, if it is: a wrong or missing token, another
    /// host or origin, a cross-site fetch.
    fn refusal(&self, request: &Request) -> Option<Reply> {
        let header = |name: &'static str| -> Option<&str> {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str())
        };
        if !header("Host").is_some_and(|h| self.hosts.iter().any(|ok| ok == h)) {
            return Some(Reply::text(403, "refused: wrong Host"));
        }
        let own_origin = |o: &str| {
            self.hosts
                .iter()
                .any(|h| o.strip_prefix("http://") == Some(h.as_str()))
        };
        match header("Origin") {
            Some(o) if !own_origin(o) => {
                return Some(Reply::text(403, "refused: request from another origin"));
            }
            None if *request.method() != Method::Get => {
                return Some(Reply::text(
                    403,
                    "refused: a change must come from the page",
                ));
            }
            _ => {}
        }
        if let Some(site) = header("Sec-Fetch-Site")
            && site != "same-origin"
            && site != "none"
        {
            return Some(Reply::text(403, "refused: cross-site request"));
        }
        let given = query_param(request.url(), "token")
            .or_else(|| header("X-Factdeck-Token").map(str::to_string));
        if !given.is_some_and(|t| same_secret(&t, &self.token)) {
            return Some(Reply::text(403, "refused: missing or wrong token"));
        }
        None
    }

    fn route(&mut self, request: &mut Request) -> Reply {
        let path = request.url().split('?').next().unwrap_or("").to_string();
        let method = request.method().clone();
        match (method, path.as_str()) {
            (Method::Get, "/") => self.page(),
            (Method::Get, "/review.js") => Reply {
                status: 200,
                content_type: "text/javascript; charset=utf-8",
                body: SCRIPT.as_bytes().to_vec(),
                attachment: None,
            },
            (Method::Get, "/review.css") => Reply {
                status: 200,
                content_type: "text/css; charset=utf-8",
                body: STYLE.as_bytes().to_vec(),
                attachment: None,
            },
            (Method::Get, "/api/deck") => {
                match serde_json::to_vec(&view::DeckView::new(&self.deck)) {
                    Ok(body) => Reply {
                        status: 200,
                        content_type: "application/json; charset=utf-8",
                        body,
                        attachment: None,
                    },
                    Err(e) => Reply::error(500, e.to_string()),
                }
            }
            (Method::Get, "/api/status") => Reply::json(
                200,
                &serde_json::json!({ "changed_on_disk": self.stamp.changed(&self.opts.deck) }),
            ),
            (Method::Post, "/api/validate") => match read_json::<CardEdit>(request) {
                Ok(e) => self.validate(&e),
                Err(r) => r,
            },
            (Method::Post, "/api/save") => match read_json::<Vec<CardEdit>>(request) {
                Ok(edits) => self.save(&edits),
                Err(r) => r,
            },
            (Method::Post, "/api/resolve") => match read_json::<Resolve>(request) {
                Ok(r) => self.resolve(&r),
                Err(r) => r,
            },
            (Method::Get, p) if p.starts_with("/export/") => self.export(&p["/export/".len()..]),
            (Method::Get | Method::Post, _) => Reply::text(404, "not found"),
            _ => Reply::text(405, "method not allowed"),
        }
    }

    fn page(&self) -> Reply {
        let page = view::Page::new(
            &self.deck,
            self.opts.deck.display().to_string(),
            &self.token,
            &self.opts.exports,
        );
        match page.render() {
            Ok(html) => Reply {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: html.into_bytes(),
                attachment: None,
            },
            Err(e) => Reply::text(500, format!("cannot render the page: {e}")),
        }
    }

    fn validate(&self, e: &CardEdit) -> Reply {
        match edit::problems_of(&self.deck, e) {
            Ok(problems) => {
                let card = e.applied_to(&self.deck.cards[e.index]);
                let quote = self.deck.fact(&card.fact).map(|f| f.text.as_str());
                let flags = flags::card_flags(&card, quote);
                Reply::json(
                    200,
                    &serde_json::json!({ "problems": problems, "flags": flags }),
                )
            }
            Err(err) => Reply::error(400, err.to_string()),
        }
    }

    fn save(&mut self, edits: &[CardEdit]) -> Reply {
        let path = &self.opts.deck;
        if self.stamp.changed(path) {
            return Reply::error(
                409,
                format!(
                    "{} changed on disk since the page loaded it (another editor?). \
                     Nothing was overwritten: reload the page to see the new version.",
                    path.display()
                ),
            );
        }
        let started = std::time::Instant::now();
        let before = match edit::apply(&mut self.deck, edits) {
            Ok(Ok(before)) => before,
            Ok(Err(problems)) => {
                return Reply::json(
                    422,
                    &serde_json::json!({ "error": "the deck would not pass check", "problems": problems }),
                );
            }
            Err(e) => return Reply::error(400, e.to_string()),
        };
        match edit::save(path, &self.deck, &self.stamp) {
            Ok(stamp) => {
                self.stamp = stamp;
                let dropped = self.deck.cards.iter().filter(|c| c.dropped).count();
                Reply::json(
                    200,
                    &serde_json::json!({
                        "saved": path.display().to_string(),
                        "kept": self.deck.cards.len() - dropped,
                        "dropped": dropped,
                        "ms": started.elapsed().as_secs_f64() * 1000.0,
                    }),
                )
            }
            Err(e) => {
                edit::undo(&mut self.deck, edits, before);
                Reply::error(500, e.to_string())
            }
        }
    }

    /// Resolves a conflict and saves the deck at once.
    fn resolve(&mut self, r: &Resolve) -> Reply {
        let path = &self.opts.deck;
        if self.stamp.changed(path) {
            return Reply::error(
                409,
                format!(
                    "{} changed on disk since the page loaded it; reload the page",
                    path.display()
                ),
            );
        }
        let mut next = self.deck.clone();
        let made = match edit::resolve(&mut next, r.conflict, &r.fact) {
            Ok(n) => n,
            Err(e) => return Reply::error(400, e.to_string()),
        };
        let problems = crate::deck::validate(&next);
        if !problems.is_empty() {
            return Reply::json(
                422,
                &serde_json::json!({ "error": "the deck would not pass check", "problems": problems }),
            );
        }
        match edit::save(path, &next, &self.stamp) {
            Ok(stamp) => {
                self.stamp = stamp;
                self.deck = next;
                Reply::json(200, &serde_json::json!({ "made": made }))
            }
            Err(e) => Reply::error(500, e.to_string()),
        }
    }

    /// The saved deck's kept cards in one export format, as a download.
    fn export(&self, name: &str) -> Reply {
        if !self.opts.exports.iter().any(|x| x.name == name) {
            return Reply::text(404, format!("no export format named {name}"));
        }
        match (self.opts.exporter)(&self.deck, name) {
            Ok(body) => {
                let ext = extension(name, &body);
                let stem = self
                    .opts
                    .deck
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "deck".into());
                let safe: String = stem
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                Reply {
                    status: 200,
                    content_type: content_type(ext),
                    body,
                    attachment: Some(format!("{safe}-{name}.{ext}")),
                }
            }
            Err(e) => Reply::text(422, e.to_string()),
        }
    }
}

/// A conflict resolved in favour of one of its facts.
#[derive(serde::Deserialize)]
struct Resolve {
    conflict: usize,
    fact: String,
}

/// A file extension for an export, from its name and first bytes.
fn extension(name: &str, body: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&body[..body.len().min(64)]).to_lowercase();
    if name == "apkg" {
        "apkg"
    } else if body.starts_with(b"PK") {
        "zip"
    } else if head.trim_start().starts_with("<!doctype html")
        || head.trim_start().starts_with("<html")
    {
        "html"
    } else if name.contains("csv") {
        "csv"
    } else if head.trim_start().starts_with('{') || head.trim_start().starts_with('[') {
        "json"
    } else {
        "txt"
    }
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" => "text/html; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Reads a JSON body of at most [`MAX_BODY`] bytes.
fn read_json<T: serde::de::DeserializeOwned>(
    request: &mut Request,
) -> std::result::Result<T, Reply> {
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Reply::error(400, e.to_string()))?;
    if body.len() > MAX_BODY {
        return Err(Reply::error(413, "request too large"));
    }
    serde_json::from_slice(&body).map_err(|e| Reply::error(400, format!("bad request: {e}")))
}

/// The value of `name` in a URL's query (no percent-decoding: the token is hex).
fn query_param(url: &str, name: &str) -> Option<String> {
    url.split_once('?')?
        .1
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// Compares secrets in time independent of where they first differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_read_from_the_query() {
        assert_eq!(
            query_param("/api/deck?token=abc&x=1", "token").as_deref(),
            Some("abc")
        );
        assert_eq!(
            query_param("/?x=1&token=abc", "token").as_deref(),
            Some("abc")
        );
        assert_eq!(query_param("/?tokenx=abc", "token"), None);
        assert_eq!(query_param("/", "token"), None);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abcd", "abcd"));
        assert!(!same_secret("abcd", "abce"));
        assert!(!same_secret("abc", "abcd"));
        assert_eq!(new_token().len(), 32);
        assert_ne!(new_token(), new_token());
    }

    #[test]
    fn export_extension_follows_the_content() {
        assert_eq!(extension("worksheet", b"<!DOCTYPE html><html>"), "html");
        assert_eq!(extension("apkg", b"PK\x03\x04"), "apkg");
        assert_eq!(extension("csv", b"front,back"), "csv");
        assert_eq!(extension("anki-text", b"#separator:tab"), "txt");
    }
}
