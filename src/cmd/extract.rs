//! `factdeck extract`: print the facts found in documents.
//!
//! Worker threads take the next document, extract its facts and write them
//! into a buffer; this thread prints the buffers in the order the files were
//! given. Workers stay a bounded number of documents ahead, and a worker
//! whose document is not the one being printed waits once it holds a few
//! megabytes of output, so memory stays bounded by the largest document, not
//! the corpus. With one thread nothing is handed over at all.

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::{Error, Result};
use crate::extract::jsonl::FactLines;
use crate::model::{Extraction, Fact, FactKind, Person};
use crate::source::{Skip, read_document};
use serde::Serialize;
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex, MutexGuard};

/// Output is handed on in pieces of about this size.
const CHUNK: usize = 256 * 1024;
/// A worker whose document is not being printed stops once this much output
/// waits to be printed.
const HELD: usize = 8 * 1024 * 1024;

/// What to print for each document.
struct Opts {
    format: ExtractFormat,
    kinds: Vec<FactKind>,
    people: bool,
}

/// Extracts and prints; exit 1 when any file could not be read.
pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let kinds = parse_kinds(&args.kinds)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        ExtractFormat::Table
    } else {
        ExtractFormat::Json
    });
    let opts = Opts {
        format,
        kinds,
        people: args.people,
    };
    let paths: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut out = std::io::BufWriter::with_capacity(CHUNK, stdout.lock());
    let threads = thread_count().min(paths.len());
    let failed = if threads <= 1 {
        sequential(&paths, &opts, &mut out)
    } else {
        parallel(&paths, &opts, threads, &mut out)
    }
    .map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Worker threads: `RAYON_NUM_THREADS` as rayon reads it (0 or unset: one
/// per core), so the variable keeps working as it did.
fn thread_count() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Where one document's output goes while it is made.
trait Sink {
    /// A message for standard error.
    fn message(&mut self, text: String) -> bool;
    /// Output is ready in `buf`; the sink takes it. `false` means stop:
    /// printing failed.
    fn output(&mut self, buf: &mut Vec<u8>) -> bool;
    /// The file could not be read.
    fn failed(&mut self);
}

/// Reads, extracts and writes one document into `sink`.
fn process(path: &str, opts: &Opts, buf: &mut Vec<u8>, sink: &mut impl Sink) {
    let doc = match read_document(path) {
        Ok(doc) => doc,
        Err(Skip::Binary(msg)) => {
            sink.message(msg);
            return;
        }
        Err(Skip::Failed(e)) => {
            sink.message(e.to_string());
            sink.failed();
            return;
        }
    };
    for w in doc.warnings {
        if !sink.message(format!("warning: {w}")) {
            return;
        }
    }
    if opts.format != ExtractFormat::Json {
        let mut ex = crate::extract::extract(&doc.path, &doc.text);
        if !opts.kinds.is_empty() {
            ex.facts.retain(|f| opts.kinds.contains(&f.kind));
        }
        // Writing to a Vec cannot fail.
        let _ = print(buf, opts.format, &ex, opts.people);
        sink.output(buf);
        return;
    }
    let found = crate::extract::find_all(&doc.text);
    let mut lines = FactLines::new(&doc.path);
    for f in &found.found {
        if !opts.kinds.is_empty() && !opts.kinds.contains(&f.kind) {
            continue;
        }
        lines.write(&found.text, f, buf);
        if buf.len() >= CHUNK && !sink.output(buf) {
            return;
        }
    }
    if opts.people {
        let ex = Extraction {
            doc: doc.path,
            facts: Vec::new(),
            people: found.people,
            outlets: found.outlets,
        };
        let _ = print(buf, ExtractFormat::Json, &ex, true);
    }
    sink.output(buf);
}

/// One thread: each document straight to the output.
fn sequential(paths: &[String], opts: &Opts, out: &mut impl Write) -> std::io::Result<bool> {
    struct Direct<'w, W> {
        out: &'w mut W,
        error: Option<std::io::Error>,
        failed: bool,
    }
    impl<W: Write> Sink for Direct<'_, W> {
        fn message(&mut self, text: String) -> bool {
            eprintln!("{text}");
            self.error.is_none()
        }
        fn output(&mut self, buf: &mut Vec<u8>) -> bool {
            if self.error.is_none()
                && let Err(e) = self.out.write_all(buf)
            {
                self.error = Some(e);
            }
            buf.clear();
            self.error.is_none()
        }
        fn failed(&mut self) {
            self.failed = true;
        }
    }
    let mut sink = Direct {
        out,
        error: None,
        failed: false,
    };
    let mut buf = Vec::new();
    for path in paths {
        process(path, opts, &mut buf, &mut sink);
        if let Some(e) = sink.error {
            return Err(e);
        }
    }
    Ok(sink.failed)
}

/// A document's output waiting to be printed.
enum Piece {
    Message(String),
    Output(Vec<u8>),
    Failed,
}

/// What workers and the printing thread share.
struct Queue {
    /// The next document a worker may take.
    next: usize,
    /// The document being printed; `docs[0]` is its output so far.
    printing: usize,
    docs: VecDeque<Pending>,
    /// Bytes of output held in `docs`.
    held: usize,
    /// Printing failed: workers stop.
    stop: bool,
}

#[derive(Default)]
struct Pending {
    pieces: Vec<Piece>,
    done: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    /// Signalled when a document's output grows or ends.
    ready: Condvar,
    /// Signalled when printing moves on (or stops).
    moved: Condvar,
    /// How far ahead of printing workers may go, in documents.
    window: usize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A worker that panicked poisons the lock; the data is still whole.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A worker's sink: pieces go into the shared queue.
struct Queued<'s> {
    shared: &'s Shared,
    doc: usize,
}

impl Queued<'_> {
    fn push(&mut self, piece: Piece) -> bool {
        let bytes = match &piece {
            Piece::Output(b) => b.len(),
            Piece::Message(m) => m.len(),
            Piece::Failed => 0,
        };
        let mut q = self.shared.lock();
        // Hold back while far ahead of printing, so memory stays bounded.
        while !q.stop && q.printing != self.doc && q.held >= HELD {
            q = self.shared.moved.wait(q).unwrap_or_else(|e| e.into_inner());
        }
        if q.stop {
            return false;
        }
        let at = self.doc - q.printing;
        let Some(d) = q.docs.get_mut(at) else {
            return false;
        };
        d.pieces.push(piece);
        q.held += bytes;
        drop(q);
        self.shared.ready.notify_one();
        true
    }
}

impl Sink for Queued<'_> {
    fn message(&mut self, text: String) -> bool {
        self.push(Piece::Message(text))
    }
    fn output(&mut self, buf: &mut Vec<u8>) -> bool {
        if buf.is_empty() {
            return true;
        }
        let piece = if buf.len() >= CHUNK {
            std::mem::take(buf)
        } else {
            let small = buf.clone();
            buf.clear();
            small
        };
        self.push(Piece::Output(piece))
    }
    fn failed(&mut self) {
        self.push(Piece::Failed);
    }
}

/// Several threads: workers extract, this thread prints in order.
fn parallel(
    paths: &[String],
    opts: &Opts,
    threads: usize,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let shared = Shared {
        queue: Mutex::new(Queue {
            next: 0,
            printing: 0,
            docs: VecDeque::new(),
            held: 0,
            stop: false,
        }),
        ready: Condvar::new(),
        moved: Condvar::new(),
        window: threads * 4,
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| worker(paths, opts, &shared));
        }
        let result = print_in_order(paths.len(), &shared, out);
        if result.is_err() {
            shared.lock().stop = true;
            shared.moved.notify_all();
        }
        result
    })
}

fn worker(paths: &[String], opts: &Opts, shared: &Shared) {
    let mut buf = Vec::new();
    loop {
        let doc = {
            let mut q = shared.lock();
            while !q.stop && q.next < paths.len() && q.next >= q.printing + shared.window {
                q = shared.moved.wait(q).unwrap_or_else(|e| e.into_inner());
            }
            if q.stop || q.next >= paths.len() {
                return;
            }
            let doc = q.next;
            q.next += 1;
            let at = doc - q.printing;
            if q.docs.len() <= at {
                q.docs.resize_with(at + 1, Pending::default);
            }
            doc
        };
        let mut sink = Queued { shared, doc };
        process(&paths[doc], opts, &mut buf, &mut sink);
        buf.clear();
        let mut q = shared.lock();
        let at = doc - q.printing;
        if let Some(d) = q.docs.get_mut(at) {
            d.done = true;
        }
        drop(q);
        shared.ready.notify_one();
    }
}

/// Prints each document's pieces as they come, in input order.
fn print_in_order(count: usize, shared: &Shared, out: &mut impl Write) -> std::io::Result<bool> {
    let mut failed = false;
    let mut printed = 0;
    while printed < count {
        let (pieces, done) = {
            let mut q = shared.lock();
            loop {
                match q.docs.front_mut() {
                    Some(d) if !d.pieces.is_empty() || d.done => {
                        let pieces = std::mem::take(&mut d.pieces);
                        let done = d.done;
                        if done {
                            q.docs.pop_front();
                            q.printing += 1;
                        }
                        break (pieces, done);
                    }
                    _ => q = shared.ready.wait(q).unwrap_or_else(|e| e.into_inner()),
                }
            }
        };
        let mut bytes = 0;
        for piece in pieces {
            match piece {
                Piece::Message(m) => {
                    bytes += m.len();
                    eprintln!("{m}");
                }
                Piece::Output(b) => {
                    bytes += b.len();
                    out.write_all(&b)?;
                }
                Piece::Failed => failed = true,
            }
        }
        shared.lock().held -= bytes;
        if done {
            printed += 1;
        }
        shared.moved.notify_all();
    }
    Ok(failed)
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

fn parse_kinds(names: &[String]) -> Result<Vec<FactKind>> {
    names
        .iter()
        .map(|n| {
            FactKind::ALL
                .into_iter()
                .find(|k| k.as_str() == n.trim().to_lowercase())
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown fact kind '{n}' (expected date, money, percent, quantity or quote)"
                    ))
                })
        })
        .collect()
}

#[derive(Serialize)]
struct PersonLine<'a> {
    doc: &'a str,
    kind: &'static str,
    #[serde(flatten)]
    person: &'a Person,
}

#[derive(Serialize)]
struct OutletLine<'a> {
    doc: &'a str,
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct TomlFacts<'a> {
    facts: &'a [Fact],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<PersonLine<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    outlets: Vec<OutletLine<'a>>,
}

fn print(
    out: &mut Vec<u8>,
    format: ExtractFormat,
    ex: &Extraction,
    people: bool,
) -> std::io::Result<()> {
    let person_lines = || -> Vec<PersonLine<'_>> {
        if !people {
            return Vec::new();
        }
        ex.people
            .iter()
            .map(|p| PersonLine {
                doc: &ex.doc,
                kind: "person",
                person: p,
            })
            .collect()
    };
    let outlet_lines = || -> Vec<OutletLine<'_>> {
        if !people {
            return Vec::new();
        }
        ex.outlets
            .iter()
            .map(|o| OutletLine {
                doc: &ex.doc,
                kind: "outlet",
                name: o,
            })
            .collect()
    };
    match format {
        ExtractFormat::Json => {
            for f in &ex.facts {
                serde_json::to_writer(&mut *out, f)?;
                out.write_all(b"\n")?;
            }
            for p in person_lines() {
                serde_json::to_writer(&mut *out, &p)?;
                out.write_all(b"\n")?;
            }
            for o in outlet_lines() {
                serde_json::to_writer(&mut *out, &o)?;
                out.write_all(b"\n")?;
            }
        }
        ExtractFormat::Toml => {
            let file = TomlFacts {
                facts: &ex.facts,
                people: person_lines(),
                outlets: outlet_lines(),
            };
            let text = toml::to_string(&file).map_err(std::io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
        ExtractFormat::Table => print_table(out, ex, people)?,
    }
    Ok(())
}

fn print_table(out: &mut impl Write, ex: &Extraction, people: bool) -> std::io::Result<()> {
    writeln!(out, "{} — {} facts", ex.doc, ex.facts.len())?;
    for f in &ex.facts {
        let mut extra = Vec::new();
        if let Some(q) = &f.qualifier {
            extra.push(q.clone());
        }
        if let Some(c) = &f.currency {
            extra.push(c.clone());
        }
        if let Some(u) = &f.unit {
            extra.push(u.clone());
        }
        if let Some(s) = &f.speaker {
            let role = f
                .speaker_role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            extra.push(format!("— {s}{role}"));
        }
        if let Some(o) = &f.outlet {
            extra.push(format!("via {o}"));
        }
        let value = match f.kind {
            FactKind::Quote => String::new(),
            _ => f.value.to_string(),
        };
        writeln!(
            out,
            "  {:>5}  {:<8}  {:<14}  {}  {}",
            format!("{}:", f.line),
            f.kind.as_str(),
            value,
            shorten(&f.text, 70),
            extra.join(" ")
        )?;
    }
    if people && !ex.people.is_empty() {
        writeln!(out, "  people:")?;
        for p in &ex.people {
            let role = p
                .role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            writeln!(out, "    {}{role}", p.name)?;
        }
    }
    if people && !ex.outlets.is_empty() {
        writeln!(out, "  outlets: {}", ex.outlets.join(", "))?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    let q = format!("“{s}”");
    if q.chars().count() <= max {
        return q;
    }
    let cut: String = q.chars().take(max - 1).collect();
    format!("{cut}…")
}
