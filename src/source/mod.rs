//! Stage 0: reading documents. Any input — a text or Markdown file, a web
//! page, a PDF, a Word file, a URL or standard input — becomes one plain-data
//! [`Document`]: its plain text (what the extractor reads), a map from that
//! text back to the file's bytes and pages, and its title, publication date
//! and URL where it has them.
//!
//! One module per input kind: [`text`] (decoding: UTF-8, UTF-16, line ends),
//! [`html`], [`pdf`], [`docx`] and [`url`]. Every read is capped
//! ([`read_capped`], [`DEFAULT_MAX_INPUT`]); every error names the document.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod pool;
pub mod text;
pub mod url;

use crate::error::{Error, Result};
use crate::model::{Extraction, FactId, FactKind, Value};
use std::io::Read;
use std::path::Path;
pub use text::OffsetMap;

/// What is read from one input at most, unless `--max-input-size` says
/// otherwise: 64 MB, far above any article or report, far below what would
/// exhaust memory.
pub const DEFAULT_MAX_INPUT: u64 = 64 * 1024 * 1024;

/// The name standard input goes by on the command line.
pub const STDIN: &str = "-";

/// The kinds of input, as `--input-format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text
    Text,
    /// Markdown (read as text; the extractor understands its marks)
    Markdown,
    /// A web page: its main content
    Html,
    /// A PDF with a text layer
    Pdf,
    /// A Word document (.docx)
    Docx,
}

impl InputFormat {
    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
            InputFormat::Pdf => "pdf",
            InputFormat::Docx => "docx",
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Read every input as this format instead of detecting it.
    pub format: Option<InputFormat>,
    /// At most this many bytes from one input.
    pub max_input: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            max_input: DEFAULT_MAX_INPUT,
        }
    }
}

/// A document as read: plain data, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path, URL or `-` as given.
    pub path: String,
    /// The plain text the extractor reads; line numbers count its lines.
    pub text: String,
    /// What the input was read as.
    pub format: InputFormat,
    /// The document's title: the page's or file's own, else its first
    /// heading, else the file name.
    pub title: String,
    /// When the document was published (`YYYY-MM-DD`), where it says:
    /// year-less dates in it resolve against this year.
    pub published: Option<chrono::NaiveDate>,
    /// For a fetched URL: the URL after redirects, and when it was fetched
    /// (RFC 3339, UTC).
    pub url: Option<String>,
    pub fetched_at: Option<String>,
    /// For a PDF: the byte offset in `text` where each page starts (page 1
    /// at index 0). Empty for other formats.
    pub pages: Vec<usize>,
    /// For text read from a file: offsets in `text` to offsets in the file
    /// (they differ after invalid UTF-8, a BOM or in UTF-16).
    pub offsets: OffsetMap,
    /// Things the user should hear about, each already prefixed with the path.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document whose text is `text` as it is, with nothing else known.
    pub fn plain(path: &str, format: InputFormat, text: String) -> Document {
        Document {
            path: path.to_string(),
            text,
            format,
            title: String::new(),
            published: None,
            url: None,
            fetched_at: None,
            pages: Vec::new(),
            offsets: OffsetMap::default(),
            warnings: Vec::new(),
        }
    }

    /// The 1-based page holding `byte` of the text, for paged documents.
    pub fn page_at(&self, byte: usize) -> Option<u32> {
        if self.pages.is_empty() {
            return None;
        }
        let n = self.pages.partition_point(|&s| s <= byte).max(1);
        u32::try_from(n).ok()
    }

    /// Whether facts found in `text` need [`Document::annotate`]: their
    /// offsets, pages or dates differ from what the extractor reports.
    pub fn needs_annotation(&self) -> bool {
        !self.offsets.is_identity() || !self.pages.is_empty() || self.published.is_some()
    }

    /// Gives facts extracted from `text` what only the document knows:
    /// offsets counted in the file's bytes, the page, and a year for
    /// year-less dates (the publication year) when the text gave none.
    pub fn annotate(&self, ex: &mut Extraction) {
        use chrono::Datelike;
        for f in &mut ex.facts {
            f.page = self.page_at(f.start);
            f.start = self.offsets.to_file(f.start);
            f.end = self.offsets.to_file(f.end);
            if f.kind() != FactKind::Date {
                continue;
            }
            let (Some(date), Value::Text(v)) = (self.published, &f.value) else {
                continue;
            };
            if let Some(rest) = v.strip_prefix("--") {
                f.value = Value::Text(format!("{:04}-{rest}", date.year()));
                f.id = FactId::of(f.kind(), &f.value, &f.text, &f.sentence);
            }
        }
    }

    /// The text with the line numbers facts refer to, for `extract --text`.
    pub fn numbered_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 8);
        let mut page = 0;
        let mut at = 0;
        for (i, line) in self.text.split('\n').enumerate() {
            if let Some(p) = self.page_at(at)
                && p != page
            {
                page = p;
                out.push_str(&format!("       --- page {p} ---\n"));
            }
            out.push_str(&format!("{:>6}  {}\n", i + 1, line.trim_end_matches('\r')));
            at += line.len() + 1;
        }
        out
    }
}

/// Why a document was not read.
#[derive(Debug)]
pub enum Skip {
    /// It looks binary; the message says so.
    Binary(String),
    /// It could not be read at all.
    Failed(Error),
}

impl From<Error> for Skip {
    fn from(e: Error) -> Skip {
        Skip::Failed(e)
    }
}

/// An error about the document `name`, already phrased for the user.
pub(crate) fn fail(name: &str, why: impl std::fmt::Display) -> Skip {
    Skip::Failed(Error::Other(format!("{name}: {why}")))
}

/// Reads `reader` to the end, but at most `cap` bytes: past that, stops and
/// says so, naming `name`. Anything that reads user input should read
/// through this, so `/dev/zero` cannot fill memory.
pub fn read_capped(reader: impl Read, cap: u64, name: &str) -> Result<Vec<u8>> {
    read_capped_sized(reader, cap, name, 0)
}

/// [`read_capped`] into a buffer made for `size_hint` bytes (a file's length):
/// one read instead of the doubling probes `read_to_end` makes without a hint
/// (a fifth of the time spent reading a corpus of 6 KB articles).
fn read_capped_sized(reader: impl Read, cap: u64, name: &str, size_hint: u64) -> Result<Vec<u8>> {
    let room = size_hint.min(cap).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    if bytes.len() as u64 > cap {
        return Err(Error::Other(format!(
            "{name}: larger than the input limit of {}; stopped reading (see --max-input-size)",
            format_size(cap)
        )));
    }
    Ok(bytes)
}

/// A byte count as people write it (`64 MB`, `1.5 GB`, `300 bytes`).
pub fn format_size(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")];
    for (size, unit) in UNITS {
        if n >= size {
            let v = n as f64 / size as f64;
            return if v.fract() == 0.0 {
                format!("{v} {unit}")
            } else {
                format!("{v:.1} {unit}")
            };
        }
    }
    format!("{n} bytes")
}

/// Parses a size for `--max-input-size`: a number of bytes with an
/// optional unit `K`, `M`, `G` (powers of 1024; `KB`, `MiB`… too).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let num: f64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size (say 64M, 500K, 1G or a number of bytes)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("'{s}': unknown unit (use K, M or G)")),
    };
    let bytes = num * mult as f64;
    if !(1.0..=u64::MAX as f64).contains(&bytes) {
        return Err(format!("'{s}': the size must be at least 1 byte"));
    }
    Ok(bytes as u64)
}

/// Reads a document (a path, a URL or `-`) into plain text.
pub fn read_input(input: &str, opts: &ReadOptions) -> std::result::Result<Document, Skip> {
    if url::is_url(input) {
        let fetched = url::fetch(input, opts.max_input.min(url::MAX_RESPONSE))?;
        let format = opts
            .format
            .or_else(|| fetched.content_type.as_deref().and_then(format_of_mime))
            .unwrap_or_else(|| detect(input, &fetched.bytes));
        let mut doc = from_bytes(input, fetched.bytes, format)?;
        doc.url = Some(fetched.final_url);
        doc.fetched_at = Some(fetched.fetched_at);
        return Ok(doc);
    }
    let bytes = if input == STDIN {
        read_capped(std::io::stdin().lock(), opts.max_input, "<stdin>")?
    } else {
        read_file(input, opts.max_input)?
    };
    let format = opts.format.unwrap_or_else(|| detect(input, &bytes));
    from_bytes(input, bytes, format)
}

/// Reads a document, as [`read_input`] does with default options.
pub fn read_document(path: &str) -> std::result::Result<Document, Skip> {
    read_input(path, &ReadOptions::default())
}

/// Reads a document or returns the error (binary files become an error too).
pub fn read_document_strict(path: &str) -> Result<Document> {
    read_document(path).map_err(|s| match s {
        Skip::Binary(m) => Error::Other(m),
        Skip::Failed(e) => e,
    })
}

fn read_file(path: &str, cap: u64) -> Result<Vec<u8>> {
    let p = Path::new(path);
    // No separate directory check: opening or reading one fails with its
    // own error kind, and the check cost a system call per file.
    let is_dir = |e: &std::io::Error| e.kind() == std::io::ErrorKind::IsADirectory;
    let file = std::fs::File::open(p).map_err(|e| {
        if is_dir(&e) {
            Error::Other(format!("{path}: is a directory"))
        } else {
            Error::io(p, e)
        }
    })?;
    // The length is only a hint: a file that grows is still read to the cap.
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    read_capped_sized(file, cap, path, hint).map_err(|e| match e {
        Error::Io { source, .. } if is_dir(&source) => {
            Error::Other(format!("{path}: is a directory"))
        }
        e => e,
    })
}

/// The format a `Content-Type` names, when it names one we read.
fn format_of_mime(mime: &str) -> Option<InputFormat> {
    let m = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match m.as_str() {
        "text/html" | "application/xhtml+xml" => InputFormat::Html,
        "application/pdf" => InputFormat::Pdf,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            InputFormat::Docx
        }
        "text/markdown" | "text/x-markdown" => InputFormat::Markdown,
        "text/plain" => InputFormat::Text,
        _ => return None,
    })
}

/// Detects the format from the content's first bytes, then the name's
/// extension. Magic numbers win: a PDF named `.txt` is still a PDF.
pub fn detect(name: &str, bytes: &[u8]) -> InputFormat {
    if bytes.starts_with(b"%PDF-") {
        return InputFormat::Pdf;
    }
    let ext = Path::new(name.split(['?', '#']).next().unwrap_or(name))
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => return InputFormat::Pdf,
        "docx" => return InputFormat::Docx,
        "html" | "htm" | "xhtml" => return InputFormat::Html,
        "md" | "markdown" => return InputFormat::Markdown,
        _ => {}
    }
    if bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/").is_some() {
        return InputFormat::Docx;
    }
    if html::looks_like_html(bytes) {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// Turns the bytes of `name` into a document of `format`.
pub fn from_bytes(
    name: &str,
    bytes: Vec<u8>,
    format: InputFormat,
) -> std::result::Result<Document, Skip> {
    let mut doc = match format {
        InputFormat::Text | InputFormat::Markdown => text::read(name, bytes, format)?,
        InputFormat::Html => html::read(name, &bytes)?,
        InputFormat::Pdf => pdf::read(name, &bytes)?,
        InputFormat::Docx => docx::read(name, &bytes)?,
    };
    if doc.title.trim().is_empty() {
        doc.title = first_heading(&doc.text).unwrap_or_else(|| file_title(name));
    }
    doc.title = shorten_title(&doc.title);
    Ok(doc)
}

/// A Markdown document's first `#` heading.
fn first_heading(text: &str) -> Option<String> {
    // Only lines holding a '#' are looked at: most plain texts have none, and
    // walking every line cost about 1.5% of extraction.
    let b = text.as_bytes();
    memchr::memchr_iter(b'#', b)
        .map(|at| {
            let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
            text[start..end].trim()
        })
        .find(|l| l.starts_with('#'))
        .map(|h| h.trim_start_matches('#').trim().to_string())
        .filter(|h| !h.is_empty())
}

/// A title from the name: the file's name without extension, a URL's last
/// path segment or host, "stdin" for standard input.
pub fn file_title(name: &str) -> String {
    if name == STDIN {
        return "stdin".into();
    }
    let path = if url::is_url(name) {
        let rest = name.split("://").nth(1).unwrap_or(name);
        let rest = rest.split(['?', '#']).next().unwrap_or(rest);
        rest.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(rest)
            .to_string()
    } else {
        name.to_string()
    };
    Path::new(&path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or(path)
}

/// Whitespace collapsed, and at most 80 characters, cut at a word.
fn shorten_title(t: &str) -> String {
    let mut out = String::new();
    for w in t.split_whitespace() {
        if out.chars().count() + w.chars().count() > 80 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Prints each input's plain text with its line numbers (`extract --text`).
/// Returns whether any input failed.
pub fn print_text(
    inputs: &[String],
    opts: &ReadOptions,
    out: &mut impl std::io::Write,
) -> Result<bool> {
    let mut failed = false;
    for input in inputs {
        match read_input(input, opts) {
            Ok(doc) => {
                for w in &doc.warnings {
                    eprintln!("warning: {w}");
                }
                let mut head = format!("==> {} ({}", doc.path, doc.format.as_str());
                if !doc.title.is_empty() {
                    head.push_str(&format!("; title: {}", doc.title));
                }
                if let Some(d) = doc.published {
                    head.push_str(&format!("; published {d}"));
                }
                head.push_str(") <==\n");
                out.write_all(head.as_bytes())
                    .and_then(|()| out.write_all(doc.numbered_text().as_bytes()))
                    .map_err(|e| Error::io("<stdout>", e))?;
            }
            Err(Skip::Binary(m)) => eprintln!("{m}"),
            Err(Skip::Failed(e)) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("1.5GB"), Ok(3 << 29));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }

    #[test]
    fn capped_read_stops_at_the_cap() {
        let zeros = std::io::repeat(0).take(1 << 20);
        let err = read_capped(zeros, 1000, "big.txt").expect_err("over the cap");
        let msg = err.to_string();
        assert!(msg.starts_with("big.txt: larger than"), "{msg}");
        assert!(msg.contains("1000 bytes"), "{msg}");
        let ok = read_capped(&b"abc"[..], 3, "small.txt").expect("at the cap is fine");
        assert_eq!(ok, b"abc");
    }

    #[test]
    fn detection_prefers_magic_numbers_then_extension() {
        assert_eq!(detect("a.txt", b"%PDF-1.7\n"), InputFormat::Pdf);
        assert_eq!(detect("a.htm", b"hello"), InputFormat::Html);
        assert_eq!(detect("notes", b"  <!DOCTYPE html><p>x"), InputFormat::Html);
        assert_eq!(detect("notes.md", b"# T"), InputFormat::Markdown);
        assert_eq!(detect("notes", b"Just text."), InputFormat::Text);
        assert_eq!(
            detect("https://example.org/r.pdf?x=1", b"junk"),
            InputFormat::Pdf
        );
    }

    #[test]
    fn titles_fall_back_to_the_file_name() {
        assert_eq!(file_title("dir/fact-sheet.txt"), "fact-sheet");
        assert_eq!(file_title("-"), "stdin");
        assert_eq!(file_title("https://example.org/news/story.html?x"), "story");
        assert_eq!(
            first_heading("intro\n## Apollo 11\n"),
            Some("Apollo 11".into())
        );
    }

    #[test]
    fn pages_are_found_by_offset() {
        let mut d = Document::plain("a.pdf", InputFormat::Pdf, "one\ntwo\nthree\n".into());
        assert_eq!(d.page_at(5), None);
        d.pages = vec![0, 4, 8];
        assert_eq!(d.page_at(0), Some(1));
        assert_eq!(d.page_at(5), Some(2));
        assert_eq!(d.page_at(12), Some(3));
        assert!(d.numbered_text().contains("--- page 2 ---\n     2  two"));
    }
}
