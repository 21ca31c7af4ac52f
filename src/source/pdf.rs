//! PDFs: text in reading order, page by page, through poppler's
//! `pdftotext` run as an outside program.
//!
//! Chosen because poppler reads Chromium's two-column pages column by column
//! (with `-raw`), survives the malformed and hostile files of our tests and
//! reads a 101-page PDF in about 0.5 s. Pure-Rust extractors have not been
//! measured against it yet. Running it as
//! a separate process also bounds the damage a hostile file can do: it is
//! killed after [`TIMEOUT`], its output is capped, and a crash is an error
//! for that file only.
//!
//! After extraction: running headers and footers (lines repeated at the top
//! or bottom of most pages, digits aside) and page numbers are dropped, and a
//! word split by a hyphen at a line end is joined.

use super::{DEFAULT_MAX_INPUT, Document, InputFormat, Skip, fail};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The program that extracts the text.
pub const PDFTOTEXT: &str = "pdftotext";
/// A PDF that takes longer than this is given up.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// Lines this close to a page's top or bottom may be running heads.
const EDGE_LINES: usize = 3;

/// Reads a PDF's bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, Skip> {
    if bytes.is_empty() {
        return Err(fail(name, "empty file; not a PDF"));
    }
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(fail(name, "not a PDF (no %PDF- header)"));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".factdeck-pdf-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| fail(name, format!("cannot make a temporary file: {e}")))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .map_err(|e| fail(name, format!("cannot write a temporary file: {e}")))?;
    let out = run_pdftotext(name, tmp.path())?;
    let (title, pages) = parse_htmlmeta(&out);
    let mut doc = assemble(name, &pages);
    if doc.text.trim().is_empty() {
        return Err(fail(
            name,
            "no text layer (a scanned image?); OCR is not supported",
        ));
    }
    doc.title = title;
    Ok(doc)
}

/// [`TIMEOUT`], or `FACTDECK_PDF_TIMEOUT` seconds when set lower (for
/// tests of hostile files).
fn timeout() -> Duration {
    std::env::var("FACTDECK_PDF_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| *s > 0.0 && *s < TIMEOUT.as_secs_f64())
        .map_or(TIMEOUT, Duration::from_secs_f64)
}

/// Runs `pdftotext -htmlmeta` (the text plus the document's title), killed
/// after [`TIMEOUT`] or once its output passes the input cap.
fn run_pdftotext(name: &str, path: &std::path::Path) -> Result<String, Skip> {
    let mut child = Command::new(PDFTOTEXT)
        .args(["-q", "-raw", "-enc", "UTF-8", "-eol", "unix", "-htmlmeta"])
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                fail(
                    name,
                    "reading PDFs needs poppler's pdftotext, which was not found \
                     (install poppler-utils: apt-get install poppler-utils)",
                )
            } else {
                fail(name, format!("cannot run {PDFTOTEXT}: {e}"))
            }
        })?;
    let cap = DEFAULT_MAX_INPUT;
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout {
            let _ = s.take(cap + 1).read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stderr {
            let _ = s.take(64 * 1024).read_to_end(&mut buf);
        }
        buf
    });
    let timeout = timeout();
    let deadline = Instant::now() + timeout;
    // Once the output passes the cap the reader stops and drops the pipe,
    // so the program ends on its next write.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(fail(name, format!("{PDFTOTEXT} failed: {e}"))),
        }
    };
    let out = reader.join().unwrap_or_default();
    let err = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    if out.len() as u64 > cap {
        return Err(fail(
            name,
            "its text is larger than the input limit; stopped reading",
        ));
    }
    let Some(status) = status else {
        return Err(fail(
            name,
            format!(
                "gave up after {} s reading this PDF (a damaged or hostile file?)",
                timeout.as_secs_f64()
            ),
        ));
    };
    if !status.success() {
        let why = err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        return Err(if why.contains("password") || status.code() == Some(3) {
            fail(name, "encrypted PDF; give an unencrypted copy")
        } else if status.code().is_none() {
            fail(name, format!("{PDFTOTEXT} crashed on this PDF"))
        } else if why.is_empty() {
            fail(name, "not a readable PDF (damaged or truncated)")
        } else {
            fail(
                name,
                format!("not a readable PDF (damaged or truncated: {why})"),
            )
        });
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The title and the pages' text from `pdftotext -htmlmeta` output.
fn parse_htmlmeta(out: &str) -> (String, Vec<String>) {
    let between = |open: &str, close: &str| -> Option<&str> {
        let a = out.find(open)? + open.len();
        let b = out[a..].rfind(close).map_or(out.len(), |b| a + b);
        out.get(a..b)
    };
    let title = out
        .find("<title>")
        .and_then(|a| {
            let a = a + 7;
            out[a..].find("</title>").map(|b| unescape(&out[a..a + b]))
        })
        .unwrap_or_default();
    let body = between("<pre>", "</pre>").unwrap_or("");
    let body = body.strip_prefix('\n').unwrap_or(body);
    let mut pages: Vec<String> = body.split('\x0c').map(unescape).collect();
    // The text ends with a form feed after the last page.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    (title.trim().to_string(), pages)
}

/// Decodes the entities `pdftotext -htmlmeta` writes.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let mut hit = false;
        for (ent, ch) in [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
            ("&#39;", '\''),
        ] {
            if let Some(r) = rest.strip_prefix(ent) {
                out.push(ch);
                rest = r;
                hit = true;
                break;
            }
        }
        if !hit {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A line with digits made alike, for spotting running heads.
fn shape(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A line that is only a page number: `7`, `- 7 -`, `Page 7`, `7 of 30`, `7/30`.
fn is_page_number(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of");
    let first = parts.next();
    let second = parts.next();
    parts.next().is_none()
        && first.is_some_and(|p| p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
        && second.is_none_or(|p| p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The lines near the top and bottom of a page: (index, line).
fn edges(lines: &[&str]) -> Vec<usize> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut out: Vec<usize> = content.iter().take(EDGE_LINES).copied().collect();
    out.extend(content.iter().rev().take(EDGE_LINES).copied());
    out.sort_unstable();
    out.dedup();
    out
}

/// Joins the pages into one text: running heads and page numbers dropped,
/// hyphenated line ends joined, each page's start recorded.
fn assemble(name: &str, pages: &[String]) -> Document {
    let page_lines: Vec<Vec<&str>> = pages.iter().map(|p| p.split('\n').collect()).collect();
    // A shape seen at the edge of at least half the pages (and two) is a
    // running head or foot.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in &page_lines {
        let mut seen: Vec<String> = edges(lines).into_iter().map(|i| shape(lines[i])).collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    let need = (page_lines.len().div_ceil(2)).max(2);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for lines in &page_lines {
        let drop: Vec<usize> = edges(lines)
            .into_iter()
            .filter(|&i| {
                is_page_number(lines[i]) || counts.get(&shape(lines[i])).is_some_and(|&n| n >= need)
            })
            .collect();
        let kept: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !drop.contains(i))
            .map(|(_, l)| l.trim_end().to_string())
            .collect();
        let kept = reflow(kept);
        // Blank lines at a page's edges go; a paragraph may run on.
        let first = kept.iter().position(|l| !l.trim().is_empty());
        let last = kept.iter().rposition(|l| !l.trim().is_empty());
        starts.push(text.len());
        if let (Some(a), Some(b)) = (first, last) {
            for l in &kept[a..=b] {
                text.push_str(l);
                text.push('\n');
            }
        }
    }
    let mut doc = Document::plain(name, InputFormat::Pdf, text);
    doc.pages = starts;
    doc
}

/// Wrapped lines joined back into paragraphs: a line that fills most of
/// the page's usual width ran on to the next one; a short line (a heading,
/// a paragraph's last line, a table row) ended there. A word split by a
/// hyphen at a line's end (`recon-` / `struction`) is joined whole.
fn reflow(lines: Vec<String>) -> Vec<String> {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    let width = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let full = width * 7 / 10;
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut runs_on = false;
    for line in lines {
        let line = line.trim().to_string();
        let next_runs_on = line.chars().count() >= full && full > 0;
        match out.last_mut() {
            Some(prev) if runs_on && !line.is_empty() => {
                let split = {
                    let mut rev = prev.chars().rev();
                    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
                };
                if split && line.chars().next().is_some_and(char::is_lowercase) {
                    prev.pop();
                } else {
                    prev.push(' ');
                }
                prev.push_str(&line);
            }
            _ => out.push(line),
        }
        runs_on = next_runs_on;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_and_page_numbers_go() {
        let pages: Vec<String> = (1..=3)
            .map(|p| {
                format!(
                    "12/5/26, 8:02 AM   Harbor Report\n\nBody text about {0} on page {p}.\nThe second line of it.\nA third, different.\nThe fourth line.\nFifth.\nSixth line ends it.\n\nfile:///tmp/report.html   {p}/3\n",
                    ["apples", "pears", "plums"][p - 1]
                )
            })
            .collect();
        let d = assemble("r.pdf", &pages);
        assert!(!d.text.contains("8:02"), "{}", d.text);
        assert!(!d.text.contains("file://"), "{}", d.text);
        assert_eq!(d.text.matches("Body text about").count(), 3);
        assert_eq!(d.pages.len(), 3);
        assert_eq!(d.page_at(d.text.find("pears").expect("there")), Some(2));
    }

    #[test]
    fn wrapped_lines_and_hyphenated_words_are_joined() {
        let lines: Vec<String> = [
            "Heading",
            "the reconstruction of the old harbour recon-",
            "struction began, and it took the city by 1",
            "August 2023 to finish the Anglo-",
            "Saxon hall.",
            "Roads\t$1.1 million",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let out = reflow(lines);
        assert_eq!(
            out,
            vec![
                "Heading",
                "the reconstruction of the old harbour reconstruction began, and it took the city by 1 August 2023 to finish the Anglo- Saxon hall.",
                "Roads\t$1.1 million",
            ]
        );
    }

    #[test]
    fn page_numbers() {
        for l in ["7", " - 7 - ", "Page 7", "7 of 30", "7/30"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["7 May", "In 2024", "$7"] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn empty_and_foreign_bytes_are_refused() {
        assert!(read("e.pdf", b"").is_err());
        let Err(Skip::Failed(e)) = read("x.pdf", b"hello") else {
            panic!("refused")
        };
        assert!(e.to_string().starts_with("x.pdf: not a PDF"));
    }

    #[test]
    fn htmlmeta_output_is_parsed() {
        let out = "<html><head><title>A &amp; B</title></head><body><pre>\none &lt;x&gt;\x0ctwo\x0c</pre></body></html>";
        let (title, pages) = parse_htmlmeta(out);
        assert_eq!(title, "A & B");
        assert_eq!(pages, vec!["one <x>".to_string(), "two".to_string()]);
    }
}
