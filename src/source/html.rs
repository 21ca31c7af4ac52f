//! Web pages: the article's main content as plain text.
//!
//! `dom_smoothie` (a port of Mozilla's Readability) finds the main content
//! and drops scripts, styles, navigation, headers, footers, share, related
//! and comment blocks; its formatted text puts headings, paragraphs, list
//! items and table rows on their own lines, with entities decoded. Title and
//! publication date come from the page's metadata (`og:title`, `<title>`,
//! `article:published_time`, JSON-LD `datePublished`, else the first
//! `<time datetime>`). A page Readability cannot make sense of is read whole,
//! less its scripts, styles and page furniture.

use super::{Document, InputFormat, Skip, fail};
use dom_smoothie::{Config, Readability, TextMode};

/// Whether bytes with no telling extension are a web page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head[start..]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head[start..]);
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag).is_some())
}

/// Reads a web page's bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, Skip> {
    let html = String::from_utf8_lossy(bytes);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let article = Readability::new(html.as_ref(), None, Some(cfg))
        .and_then(|mut r| r.parse())
        .ok();
    let (body, title, published) = match article {
        Some(a) if !a.text_content.trim().is_empty() => {
            (a.text_content.to_string(), a.title, a.published_time)
        }
        _ => {
            let (body, title) = whole_page(&html);
            (body, title, None)
        }
    };
    let text = tidy(&body);
    if text.trim().is_empty() {
        return Err(fail(name, "no readable text in this web page"));
    }
    let mut doc = Document::plain(name, InputFormat::Html, text);
    doc.title = match first_h1(&html) {
        // "Headline | Site name": the page's own headline says where the
        // site's name starts.
        Some(h1) if title.starts_with(&h1) && title.len() > h1.len() => h1,
        _ => title,
    };
    doc.published = published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| time_datetime(&html));
    Ok(doc)
}

/// The page's text without Readability: everything in the body but
/// scripts, styles, navigation, headers, footers and forms.
fn whole_page(html: &str) -> (String, String) {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg")
        .remove();
    let title = doc.select("title").text().trim().to_string();
    let body = doc
        .body()
        .map(|b| b.formatted_text().to_string())
        .unwrap_or_else(|| doc.formatted_text().to_string());
    (body, title)
}

/// One line per block, whitespace collapsed, no-break spaces as spaces, at
/// most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let mut first = true;
        let start = out.len();
        for word in line.split(|c: char| c.is_whitespace() || c == '\u{200B}') {
            if word.is_empty() {
                continue;
            }
            if !first {
                out.push(' ');
            }
            out.push_str(word);
            first = false;
        }
        if out.len() == start {
            if !blank {
                out.push('\n');
                blank = true;
            }
            continue;
        }
        out.push('\n');
        blank = false;
    }
    out
}

/// The text of the first `<h1>`, tags stripped, whitespace collapsed.
fn first_h1(html: &str) -> Option<String> {
    let lower_at = |from: usize, pat: &[u8]| {
        memchr::memmem::find_iter(&html.as_bytes()[from..], pat)
            .next()
            .map(|i| i + from)
    };
    let open = lower_at(0, b"<h1").or_else(|| lower_at(0, b"<H1"))?;
    let start = open + memchr::memchr(b'>', &html.as_bytes()[open..])? + 1;
    let end = lower_at(start, b"</h1").or_else(|| lower_at(start, b"</H1"))?;
    let inner = html.get(start..end)?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// `YYYY-MM-DD` at the start of a date-time.
fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// The first `<time datetime="…">` with a full date.
fn time_datetime(html: &str) -> Option<chrono::NaiveDate> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"<time") {
        let at = from + i;
        let end = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e);
        let tag = &html[at..end];
        if let Some(k) = tag.find("datetime=") {
            let v = tag[k + 9..].trim_start_matches(['"', '\'']);
            if let Some(d) = parse_date(v) {
                return Some(d);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Harbor Bridge Reopens | The Daily Example</title>
<meta property="article:published_time" content="2024-03-07T09:00:00Z">
<script>var price = "$99 billion";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header>The Daily Example</header>
<article><h1>Harbor Bridge Reopens</h1>
<p>The harbor bridge reopened on 4 March after repairs that cost $18&nbsp;billion, officials said.
The work took 14 months and employed 2,300 workers from three counties.</p>
<p>Traffic rose 12 percent in the first week, according to the transport office,
and commuters said the crossing now takes less than ten minutes at peak hours.</p>
<ul><li>Lanes: six</li><li>Length: 2.1 kilometres</li></ul>
<p>“We are proud of this bridge,” said Mayor Ana Ruiz at the ceremony on Monday,
adding that the next project would begin in the autumn of the following year.</p>
</article>
<footer>Copyright 2024 The Daily Example. Share this story.</footer>
</body></html>"#;

    #[test]
    fn main_content_without_scripts_or_navigation() {
        let d = read("p.html", PAGE.as_bytes()).expect("reads");
        assert!(
            d.text.contains("cost $18 billion, officials said"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("$99"), "{}", d.text);
        assert!(!d.text.contains("Home"), "{}", d.text);
        assert!(!d.text.contains("Copyright"), "{}", d.text);
        assert!(d.text.lines().any(|l| l == "Lanes: six"), "{}", d.text);
        assert_eq!(d.title, "Harbor Bridge Reopens");
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2024, 3, 7));
    }

    #[test]
    fn malformed_html_is_read_or_refused_without_panic() {
        for page in [
            "<html><body><p>Unclosed <b>bold <i>$5 million",
            "<<<>>>",
            "<html></html>",
        ] {
            let _ = read("bad.html", page.as_bytes());
        }
        let err = read(
            "empty.html",
            b"<html><body><script>x()</script></body></html>",
        )
        .expect_err("no text");
        assert!(
            matches!(err, Skip::Failed(e) if e.to_string().starts_with("empty.html: no readable text"))
        );
    }

    #[test]
    fn time_element_gives_the_date() {
        assert_eq!(
            time_datetime(r#"<p><time class="x" datetime="2021-11-05T10:00">Nov 5</time>"#),
            chrono::NaiveDate::from_ymd_opt(2021, 11, 5)
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"\n <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html lang=en>"));
        assert!(!looks_like_html(b"Prices rose <5%."));
    }
}
