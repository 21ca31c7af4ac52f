//! URLs: fetched over HTTP(S) with `ureq` (rustls for TLS).
//!
//! Connect timeout 10 s, 30 s in all, at most 5 redirects, at most 20 MB
//! of body after decompression (a gzip bomb stops there), a User-Agent
//! naming factdeck. The content type picks the reader. Every error names
//! the URL and the reason.

use super::{Skip, fail};
use std::time::Duration;

/// The most a response body may hold.
pub const MAX_RESPONSE: u64 = 20 * 1024 * 1024;
/// Time to connect.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time for the whole fetch.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed at most.
pub const MAX_REDIRECTS: u32 = 5;

/// A fetched response.
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    /// When it was fetched, RFC 3339 UTC.
    pub fetched_at: String,
}

/// Whether an input names a URL rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Timeouts, for tests: `FACTDECK_URL_TIMEOUT` seconds (whole fetch) when
/// set, so a test of a silent server need not wait 30 s.
fn total_timeout() -> Duration {
    std::env::var("FACTDECK_URL_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| *s > 0.0 && *s < TOTAL_TIMEOUT.as_secs_f64())
        .map_or(TOTAL_TIMEOUT, Duration::from_secs_f64)
}

/// Fetches `url`, reading at most `cap` bytes of body.
pub fn fetch(url: &str, cap: u64) -> Result<Fetched, Skip> {
    let total = total_timeout();
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT.min(total)))
        .timeout_global(Some(total))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!(
            "factdeck/",
            env!("CARGO_PKG_VERSION"),
            " (quiz maker; reads one page)"
        ))
        .build();
    let agent: ureq::Agent = config.into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| fail(url, reason(&e, cap)))?;
    let status = response.status();
    if !status.is_success() {
        let why = status.canonical_reason().unwrap_or("");
        return Err(fail(
            url,
            format!("HTTP {} {why}", status.as_u16()).trim_end(),
        ));
    }
    let final_url = response
        .headers()
        .get("content-location")
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_url(v))
        .map_or_else(|| url.to_string(), str::to_string);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(cap)
        .read_to_vec()
        .map_err(|e| fail(url, reason(&e, cap)))?;
    Ok(Fetched {
        final_url,
        content_type,
        bytes,
        fetched_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })
}

/// Why a fetch failed, in words.
fn reason(e: &ureq::Error, cap: u64) -> String {
    use ureq::Error as E;
    match e {
        E::StatusCode(c) => format!("HTTP {c}"),
        E::HostNotFound => "host name not found".into(),
        E::Timeout(t) => format!("timed out ({t})"),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects (a redirect loop?)"),
        E::RedirectFailed => "a redirect could not be followed".into(),
        E::BodyExceedsLimit(_) => format!(
            "the response is larger than {}; stopped reading",
            super::format_size(cap)
        ),
        E::ConnectionFailed => "connection failed".into(),
        E::Tls(m) => format!("TLS error: {m}"),
        E::Rustls(r) => format!("TLS error: {r}"),
        E::BadUri(u) => format!("not a valid URL ({u})"),
        E::Decompress(kind, err) => format!("cannot decompress the {kind} response: {err}"),
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => "timed out".into(),
            _ => format!("network error: {io}"),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("./https://x"));
    }
}
