//! Reading documents: web pages, PDFs, Word files, URLs, standard input, odd
//! encodings, the input cap, and bad input of every kind. URL tests run
//! their own server on 127.0.0.1; PDF tests print with headless Chromium
//! (skipped when it is missing, unless `CI` is set).

use crate::common::{Scratch, factdeck, json_lines};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Riverside Clinic Opens | Valley Courier</title>
<meta property="article:published_time" content="2022-09-14T08:00:00Z">
<script>var ad = "Win $99 billion today";</script>
<style>.x { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><p>Valley Courier — your local news since 1921</p></header>
<article>
<h1>Riverside Clinic Opens</h1>
<p>The Riverside clinic opened its doors on Monday after a build that cost $18&nbsp;billion,
county officials said in a statement to residents.</p>
<p>Visits rose 12 percent in the first month, and the clinic expects to see about 4,500 patients
before the end of the year, according to its director.</p>
<p>The first patients arrived on 3 September, two days before the ceremony on 5 September,
when the mayor cut the ribbon in front of a small crowd of families.</p>
<p>“This is the clinic our valley waited for,” said Dr. Amara Osei, the director, as nurses
showed visitors the new wards and the children's playroom.</p>
</article>
<aside class="related"><h3>Related</h3><p>Read more: Council spends $7 million on roads</p></aside>
<footer><p>Share this story. Copyright Valley Courier.</p></footer>
</body></html>"#;

fn facts_of(out: &str) -> Vec<serde_json::Value> {
    json_lines(out)
        .into_iter()
        .filter(|v| {
            v.get("kind")
                .is_some_and(|k| k != "person" && k != "outlet")
        })
        .collect()
}

fn texts(facts: &[serde_json::Value]) -> Vec<String> {
    facts
        .iter()
        .map(|f| f["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn web_page_gives_its_article_not_its_scripts_or_menus() {
    let s = Scratch::new();
    let page = s.file("clinic.html", PAGE);
    let d = factdeck([
        "extract".as_ref(),
        "-f".as_ref(),
        "json".as_ref(),
        page.as_os_str(),
    ])
    .ok();
    let facts = facts_of(&d.stdout);
    let t = texts(&facts);
    assert!(t.contains(&"$18 billion".to_string()), "{t:?}");
    assert!(!d.stdout.contains("$99"), "{}", d.stdout);
    assert!(!d.stdout.contains("$7 million"), "{}", d.stdout);
    // Year-less dates take the page's publication year.
    let sept3 = facts
        .iter()
        .find(|f| f["text"] == "3 September")
        .expect("date found");
    assert_eq!(sept3["value"], "2022-09-03");
}

#[test]
fn text_flag_shows_the_lines_facts_refer_to() {
    let s = Scratch::new();
    let page = s.file("clinic.html", PAGE);
    let shown = factdeck(["extract".as_ref(), "--text".as_ref(), page.as_os_str()]).ok();
    assert!(
        shown.stdout.contains("title: Riverside Clinic Opens"),
        "{}",
        shown.stdout
    );
    let facts = facts_of(
        &factdeck([
            "extract".as_ref(),
            "-f".as_ref(),
            "json".as_ref(),
            page.as_os_str(),
        ])
        .ok()
        .stdout,
    );
    let money = facts.iter().find(|f| f["kind"] == "money").expect("money");
    let line = money["line"].as_u64().expect("line");
    let numbered = format!("{line:>6}  ");
    let shown_line = shown
        .stdout
        .lines()
        .find(|l| l.starts_with(&numbered))
        .expect("line shown");
    assert!(shown_line.contains("$18 billion"), "{shown_line}");
}

#[test]
fn standard_input_with_a_format() {
    let d = factdeck(["extract", "-f", "json", "--input-format", "html", "-"])
        .stdin(PAGE)
        .ok();
    assert!(texts(&facts_of(&d.stdout)).contains(&"$18 billion".to_string()));
    let d = factdeck(["extract", "-f", "json", "-"])
        .stdin("It cost $5 million in 1999.")
        .ok();
    assert_eq!(facts_of(&d.stdout)[0]["doc"], "-");
}

#[test]
fn deck_is_named_after_the_page_title_or_file_name() {
    let s = Scratch::new();
    let page = s.file("clinic.html", PAGE);
    let out = s.path("deck.toml");
    factdeck([
        "generate".as_ref(),
        page.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .ok();
    let deck = std::fs::read_to_string(&out).expect("deck");
    assert!(
        deck.contains("title = \"Riverside Clinic Opens\""),
        "{deck}"
    );
    assert!(deck.contains("\"riverside-clinic-opens\""), "{deck}");

    let txt = s.file(
        "harbor-notes.txt",
        "The harbor bridge cost $42 million and opened on 4 March 2021.\n",
    );
    let out2 = s.path("deck2.toml");
    factdeck([
        "generate".as_ref(),
        txt.as_os_str(),
        "-o".as_ref(),
        out2.as_os_str(),
    ])
    .ok();
    let deck = std::fs::read_to_string(&out2).expect("deck");
    assert!(deck.contains("title = \"harbor-notes\""), "{deck}");
}

#[test]
fn word_files_are_read() {
    let s = Scratch::new();
    let docx = s.file("report.docx", make_docx());
    let d = factdeck([
        "extract".as_ref(),
        "-f".as_ref(),
        "json".as_ref(),
        docx.as_os_str(),
    ])
    .ok();
    let t = texts(&facts_of(&d.stdout));
    assert!(t.contains(&"$4.2 million".to_string()), "{t:?}");
    assert!(t.contains(&"14 May 2023".to_string()), "{t:?}");
}

fn make_docx() -> Vec<u8> {
    let body = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Town Budget</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The council approved </w:t></w:r><w:r><w:t>$4.2 million for parks on 14 May 2023.</w:t></w:r></w:p>
</w:body></w:document>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip");
    z.write_all(body.as_bytes()).expect("zip");
    z.finish().expect("zip");
    buf.into_inner()
}

#[test]
fn odd_encodings_and_line_ends() {
    let s = Scratch::new();
    // UTF-16 LE with a BOM.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Rent rose 7 percent.\nIt cost $30 million.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let f16 = s.file("u16.txt", &utf16);
    // Old Mac line ends: the second fact is on line 3.
    let cr = s.file("cr.txt", "Title\r\rIt cost $30 million.\r");
    // Invalid UTF-8 before a fact: offsets count the file's bytes.
    let bad = b"Caf\xe9 \xff\xfe news. It cost $30 million.";
    let badf = s.file("bad.txt", bad);
    let d = factdeck([
        "extract".as_ref(),
        "-f".as_ref(),
        "json".as_ref(),
        f16.as_os_str(),
        cr.as_os_str(),
        badf.as_os_str(),
    ])
    .ok();
    let facts = facts_of(&d.stdout);
    let by_doc = |name: &str| -> Vec<&serde_json::Value> {
        facts
            .iter()
            .filter(|f| f["doc"].as_str().is_some_and(|p| p.ends_with(name)))
            .collect()
    };
    let u = by_doc("u16.txt");
    assert_eq!(u.len(), 2, "{}", d.stdout);
    let money = u.iter().find(|f| f["kind"] == "money").expect("money");
    let start = money["start"].as_u64().expect("start") as usize;
    assert_eq!(&utf16[start..start + 2], &[b'$', 0]);
    let c = by_doc("cr.txt");
    assert_eq!(c[0]["line"], 3, "{}", d.stdout);
    let b = by_doc("bad.txt");
    let start = b[0]["start"].as_u64().expect("start") as usize;
    let end = b[0]["end"].as_u64().expect("end") as usize;
    assert_eq!(&bad[start..end], b"$30 million");
}

#[test]
fn input_cap_stops_reading_and_others_go_on() {
    let s = Scratch::new();
    let big = s.file("big.txt", "It cost $5 million. ".repeat(2000));
    let small = s.file("small.txt", "It cost $6 million.");
    let d = factdeck([
        "extract".as_ref(),
        "-f".as_ref(),
        "json".as_ref(),
        "--max-input-size".as_ref(),
        "10K".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ])
    .fails();
    assert!(
        d.stderr
            .contains("big.txt: larger than the input limit of 10 KB"),
        "{}",
        d.stderr
    );
    assert!(d.stdout.contains("$6 million"), "{}", d.stdout);
    // /dev/zero never ends: the cap ends it.
    if Path::new("/dev/zero").exists() {
        let d = factdeck(["extract", "--max-input-size", "1M", "/dev/zero"]).fails();
        assert!(d.stderr.contains("/dev/zero: larger than"), "{}", d.stderr);
    }
    let d = factdeck(["extract", "--max-input-size", "lots", "x.txt"]).run();
    assert_eq!(d.status, 2, "{}", d.stderr);
}

/// A minimal PDF whose one content stream inflates to `mb` megabytes of
/// zeros (compressed by python3's zlib, a megabyte at a time).
fn zero_stream_pdf(mb: usize) -> Vec<u8> {
    let script = format!(
        "import sys,zlib\nc=zlib.compressobj(9)\nz=bytes(1<<20)\nw=sys.stdout.buffer\nfor _ in range({mb}): w.write(c.compress(z))\nw.write(c.flush())"
    );
    let z = Command::new("python3")
        .args(["-c", &script])
        .output()
        .map(|o| o.stdout)
        .expect("python3 makes the stream");
    let mut pdf = Vec::new();
    pdf.extend_from_slice(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    pdf.extend_from_slice(b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    pdf.extend_from_slice(
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n",
    );
    pdf.extend_from_slice(
        format!(
            "4 0 obj << /Length {} /Filter /FlateDecode >> stream\n",
            z.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&z);
    pdf.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    pdf
}

fn pdftotext_available() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn skip_unless_ci(what: &str, install: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is not available, and CI is set: {install}");
    }
    eprintln!("skipped: {what} is not available; install with: {install}");
}

#[test]
fn bad_documents_each_get_a_clear_error_and_others_go_on() {
    if !pdftotext_available() {
        skip_unless_ci("pdftotext", "apt-get install poppler-utils");
        return;
    }
    let s = Scratch::new();
    let empty = s.file("empty.pdf", b"");
    let truncated = s.file("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catal");
    let image_only = s.file("blank.pdf", zero_stream_pdf(1));
    let bomb = s.file("bomb.pdf", zero_stream_pdf(1024));
    let html = s.file(
        "broken.html",
        "<html><body><script>x()</script><div><div></body>",
    );
    let docx = s.file("broken.docx", b"PK\x03\x04 not really a zip");
    let good = s.file("good.txt", "It cost $6 million.");
    let d = factdeck([
        "extract".as_ref(),
        "-f".as_ref(),
        "json".as_ref(),
        empty.as_os_str(),
        truncated.as_os_str(),
        image_only.as_os_str(),
        bomb.as_os_str(),
        html.as_os_str(),
        docx.as_os_str(),
        good.as_os_str(),
    ])
    .env("FACTDECK_PDF_TIMEOUT", "4")
    .fails();
    assert!(d.stdout.contains("$6 million"), "{}", d.stdout);
    let bomb_line = d
        .stderr
        .lines()
        .find(|l| l.contains("bomb.pdf:"))
        .expect("bomb named");
    assert!(
        bomb_line.contains("gave up after 4 s") || bomb_line.contains("no text layer"),
        "{bomb_line}"
    );
    for (name, why) in [
        ("empty.pdf", "empty file"),
        ("truncated.pdf", ""),
        ("blank.pdf", "no text layer"),
        ("broken.html", "no readable text"),
        ("broken.docx", "not a Word"),
    ] {
        let line = d
            .stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no message for {name}:\n{}", d.stderr));
        assert!(line.contains(why), "{line}");
    }
}

#[test]
fn pdf_reader_reports_a_missing_pdftotext() {
    let s = Scratch::new();
    let pdf = s.file("a.pdf", zero_stream_pdf(1));
    let d = factdeck(["extract".as_ref(), pdf.as_os_str()])
        .env("PATH", s.dir.path())
        .fails();
    assert!(
        d.stderr
            .contains("a.pdf: reading PDFs needs poppler's pdftotext"),
        "{}",
        d.stderr
    );
}

// ------------------------------------------------------------ URLs

/// A test server on 127.0.0.1: each route answers as the test needs.
struct Server {
    base: String,
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn gzip_bomb() -> Vec<u8> {
    // 100 MB of zeros, gzipped (about 100 KB).
    Command::new("sh")
        .args(["-c", "head -c 104857600 /dev/zero | gzip -c"])
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default()
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let bomb = gzip_bomb();
        std::thread::spawn(move || {
            // Bounded: the tests make a handful of requests.
            for stream in listener.incoming().take(64) {
                let Ok(mut stream) = stream else { continue };
                let bomb = bomb.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                    let mut first = String::new();
                    let _ = reader.read_line(&mut first);
                    let mut headers = HashMap::new();
                    loop {
                        let mut l = String::new();
                        if reader.read_line(&mut l).unwrap_or(0) == 0 || l.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = l.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                    let html = ("Content-Type", "text/html; charset=utf-8".to_string());
                    match path.as_str() {
                        "/clinic" => {
                            let ua = headers.get("user-agent").cloned().unwrap_or_default();
                            if ua.starts_with("factdeck/") {
                                respond(&mut stream, "200 OK", &[html], PAGE.as_bytes());
                            } else {
                                respond(&mut stream, "403 Forbidden", &[], b"who are you?");
                            }
                        }
                        "/moved" => respond(
                            &mut stream,
                            "302 Found",
                            &[("Location", "/clinic".into())],
                            b"",
                        ),
                        "/loop" => respond(
                            &mut stream,
                            "302 Found",
                            &[("Location", "/loop".into())],
                            b"",
                        ),
                        "/missing" => respond(&mut stream, "404 Not Found", &[], b"no"),
                        "/silent" => {
                            // Never answers; the client gives up first.
                            std::thread::sleep(Duration::from_secs(8));
                        }
                        "/huge" => {
                            let body = vec![b'a'; 21 * 1024 * 1024];
                            respond(
                                &mut stream,
                                "200 OK",
                                &[("Content-Type", "text/plain".into())],
                                &body,
                            );
                        }
                        "/bomb" => respond(
                            &mut stream,
                            "200 OK",
                            &[html, ("Content-Encoding", "gzip".into())],
                            &bomb,
                        ),
                        _ => respond(&mut stream, "404 Not Found", &[], b""),
                    }
                    let mut rest = Vec::new();
                    let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
                    let _ = stream.read_to_end(&mut rest);
                });
            }
        });
        Server { base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

#[test]
fn urls_are_fetched_and_failures_name_the_url_and_why() {
    let server = Server::start();
    let s = Scratch::new();
    let good = s.file("good.txt", "It cost $6 million.");
    let cases = [
        ("/missing", "HTTP 404"),
        ("/loop", "redirects"),
        ("/silent", "timed out"),
        ("/huge", "larger than 20 MB"),
        ("/bomb", "larger than 20 MB"),
    ];
    let mut args: Vec<String> = vec![
        "extract".into(),
        "-f".into(),
        "json".into(),
        server.url("/moved"),
    ];
    args.extend(cases.iter().map(|(p, _)| server.url(p)));
    args.push(good.display().to_string());
    let d = factdeck(&args).env("FACTDECK_URL_TIMEOUT", "3").fails();
    assert!(
        d.stdout.contains("$18 billion"),
        "{}\n{}",
        d.stdout,
        d.stderr
    );
    assert!(d.stdout.contains("$6 million"), "{}", d.stdout);
    for (path, why) in cases {
        let url = server.url(path);
        let line = d
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("{url}:")))
            .unwrap_or_else(|| panic!("no message for {url}:\n{}", d.stderr));
        assert!(line.contains(why), "{line}");
    }
}

#[test]
fn deck_sources_keep_the_url_title_and_fetch_time() {
    let server = Server::start();
    let s = Scratch::new();
    let out = s.path("deck.toml");
    factdeck([
        "generate".as_ref(),
        server.url("/clinic").as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
    .ok();
    let deck = std::fs::read_to_string(&out).expect("deck");
    let sources = deck
        .lines()
        .find(|l| l.contains("sha256"))
        .expect("sources line");
    assert!(
        sources.contains(&format!("url = \"{}\"", server.url("/clinic"))),
        "{sources}"
    );
    assert!(
        sources.contains("title = \"Riverside Clinic Opens\""),
        "{sources}"
    );
    assert!(sources.contains("fetched_at = \"20"), "{sources}");
    factdeck(["check".as_ref(), out.as_os_str()]).ok();
}

// ------------------------------------------------------------ PDFs from Chromium

/// Sections of an article we wrote, one per printed page.
const SECTIONS: [&str; 3] = [
    "<h2>Building</h2>
<p>The Lakeside library opened on 14 June 2023 after three years of building that cost $42 million, the city council said in a statement.</p>
<p>Construction crews poured 1,200 tonnes of concrete, and the roof alone took 9 months to finish, according to the builders.</p>
<p>“We wanted a place where every child can read,” said Mayor Lena Ortiz at the opening, as the first visitors queued outside.</p>",
    "<h2>Visitors</h2>
<p>About 3,500 visitors came on the first day, and membership grew 18 percent in the first month, the library board reported.</p>
<p>Loans of children's books rose 27 percent by 1 August 2023, and the reading rooms counted 640 students during the exam season.</p>
<p>The board expects $1.5 million in donations over the next two years to pay for longer opening hours.</p>",
    "<h2>Next steps</h2>
<p>A second branch is planned for 2026 on the east shore, where 12,000 residents live more than five kilometres from a library.</p>
<p>The council set aside $8 million for it on 20 March 2024, and the design competition drew 45 entries from architects.</p>
<p>“The first branch proved the demand,” said council member Ravi Mehta, who chairs the culture committee.</p>",
];

fn article_html(columns: bool) -> String {
    let css = if columns {
        "article section { column-count: 2; column-gap: 2em; }"
    } else {
        ""
    };
    let sections: Vec<String> = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let brk = if i > 0 {
                " style=\"break-before: page\""
            } else {
                ""
            };
            format!("<section{brk}>{s}</section>")
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Lakeside Library Report</title>
<style>body {{ font: 13pt serif; }} {css}</style></head><body><article>
<h1>Lakeside Library Report</h1>{}</article></body></html>",
        sections.join("\n")
    )
}

fn chromium_available() -> bool {
    Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn print_pdf(s: &Scratch, name: &str, html: &str) -> PathBuf {
    let src = s.file(&format!("{name}.html"), html);
    let pdf = s.path(&format!("{name}.pdf"));
    let profile = tempfile::tempdir_in(s.dir.path()).expect("profile");
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", src.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.exists(),
        "chromium made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// (kind, value, text) of each fact; a line break inside the text (the
/// PDF wrapped the line there) counts as a space.
fn keys(facts: &[serde_json::Value]) -> Vec<String> {
    facts
        .iter()
        .map(|f| {
            let text = f["text"].as_str().unwrap_or_default();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            format!("{}|{}|{text}", f["kind"], f["value"])
        })
        .collect()
}

fn f1(got: &[String], want: &[String]) -> f64 {
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for w in want {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let mut hit = 0;
    for g in got {
        if let Some(n) = pool.get_mut(g.as_str())
            && *n > 0
        {
            *n -= 1;
            hit += 1;
        }
    }
    if hit == 0 {
        return 0.0;
    }
    let p = hit as f64 / got.len() as f64;
    let r = hit as f64 / want.len() as f64;
    2.0 * p * r / (p + r)
}

#[test]
fn printed_pdfs_give_the_articles_facts_with_their_pages() {
    if !chromium_available() || !pdftotext_available() {
        skip_unless_ci(
            "chromium and pdftotext",
            "apt-get install chromium poppler-utils",
        );
        return;
    }
    let s = Scratch::new();
    // The facts of each section, read from the same article as a web page.
    let mut want = Vec::new();
    let mut page_of: HashMap<String, u64> = HashMap::new();
    for (i, section) in SECTIONS.iter().enumerate() {
        let page = s.file(
            &format!("s{i}.html"),
            format!("<html><head><title>Lakeside Library Report</title></head><body><article>{section}</article></body></html>"),
        );
        let d = factdeck([
            "extract".as_ref(),
            "-f".as_ref(),
            "json".as_ref(),
            "--input-format".as_ref(),
            "html".as_ref(),
            page.as_os_str(),
        ])
        .ok();
        for k in keys(&facts_of(&d.stdout)) {
            page_of.insert(k.clone(), i as u64 + 1);
            want.push(k);
        }
    }
    assert!(want.len() >= 15, "{want:?}");
    for columns in [false, true] {
        let pdf = print_pdf(
            &s,
            if columns { "two" } else { "one" },
            &article_html(columns),
        );
        let d = factdeck([
            "extract".as_ref(),
            "-f".as_ref(),
            "json".as_ref(),
            pdf.as_os_str(),
        ])
        .ok();
        let facts = facts_of(&d.stdout);
        let got = keys(&facts);
        let score = f1(&got, &want);
        eprintln!(
            "columns={columns}: F1 {score:.3} ({} facts, {} expected)",
            got.len(),
            want.len()
        );
        assert!(
            score >= 0.95,
            "columns={columns}: F1 {score:.3}\ngot {got:#?}\nwant {want:#?}"
        );
        for (f, k) in facts.iter().zip(&got) {
            if let Some(&p) = page_of.get(k) {
                assert_eq!(f["page"], p, "columns={columns}: {k}");
            }
        }
    }
}
