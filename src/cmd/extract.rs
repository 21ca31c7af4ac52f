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
use crate::source::{ReadOptions, Skip, read_input};
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
    read: ReadOptions,
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
        read: args.input.read_options(),
    };
    let paths: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if args.text {
        let failed = crate::source::print_text(&paths, &opts.read, &mut stdout.lock())?;
        return Ok(if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    let threads = thread_count().min(paths.len());
    let failed = if threads <= 1 {
        sequential(&paths, &opts, &mut stdout.lock())
    } else {
        let out = std::io::BufWriter::with_capacity(CHUNK, stdout);
        parallel(&paths, &opts, threads, out)
    }
    .map_err(stdout_error)?;
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
    let mut doc = match read_input(path, &opts.read) {
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
    for w in std::mem::take(&mut doc.warnings) {
        if !sink.message(format!("warning: {w}")) {
            return;
        }
    }
    if opts.format != ExtractFormat::Json || doc.needs_annotation() {
        let mut ex = crate::extract::extract(&doc.path, &doc.text);
        doc.annotate(&mut ex);
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
    impl<W: Write> Direct<'_, W> {
        fn flush(&mut self, buf: &mut Vec<u8>) {
            if self.error.is_none()
                && let Err(e) = self.out.write_all(buf).and_then(|()| self.out.flush())
            {
                self.error = Some(e);
            }
            buf.clear();
        }
    }
    impl<W: Write> Sink for Direct<'_, W> {
        fn message(&mut self, text: String) -> bool {
            eprintln!("{text}");
            self.error.is_none()
        }
        fn output(&mut self, buf: &mut Vec<u8>) -> bool {
            // Small documents' output gathers in `buf` until it is worth
            // a system call.
            if buf.len() >= CHUNK {
                self.flush(buf);
            }
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
    sink.flush(&mut buf);
    match sink.error {
        Some(e) => Err(e),
        None => Ok(sink.failed),
    }
}

/// A document's output waiting to be printed.
enum Piece {
    Message(String),
    Output(Vec<u8>),
    Failed,
}

impl Piece {
    fn bytes(&self) -> usize {
        match self {
            Piece::Output(b) => b.len(),
            Piece::Message(m) => m.len(),
            Piece::Failed => 0,
        }
    }
}

/// What the worker threads share.
struct Queue {
    /// The next document a worker may take.
    next: usize,
    /// The first document not yet printed in full; `docs[0]` holds what
    /// it has given so far, `docs[1]` the next one's, and so on.
    printing: usize,
    docs: VecDeque<Pending>,
    /// Bytes of output held in `docs`.
    held: usize,
    /// A thread is printing: output for `printing` that arrives meanwhile
    /// is left for it.
    printer: bool,
    /// Workers waiting for printing to move on. A signal nobody waits for
    /// is not sent: each is a system call.
    waiting: usize,
    /// Printing failed (the error is kept): everyone stops.
    error: Option<std::io::Error>,
    /// A file could not be read.
    failed: bool,
}

#[derive(Default)]
struct Pending {
    pieces: Vec<Piece>,
    done: bool,
}

struct Shared<W> {
    queue: Mutex<Queue>,
    /// Signalled when printing moves on or stops.
    moved: Condvar,
    /// How far ahead of printing workers may go, in documents.
    window: usize,
    out: Mutex<W>,
}

fn relock<T>(r: std::sync::LockResult<T>) -> T {
    // A thread that panicked poisons the lock; the data is still whole.
    r.unwrap_or_else(|e| e.into_inner())
}

impl<W: Write> Shared<W> {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        relock(self.queue.lock())
    }

    /// Waits until printing moves on (or stops).
    fn wait_moved<'q>(&self, mut q: MutexGuard<'q, Queue>) -> MutexGuard<'q, Queue> {
        q.waiting += 1;
        let mut q = relock(self.moved.wait(q));
        q.waiting -= 1;
        q
    }

    /// Takes the next document, waiting while too far ahead of printing.
    fn claim(&self, count: usize) -> Option<usize> {
        let mut q = self.lock();
        while q.error.is_none() && q.next < count && q.next >= q.printing + self.window {
            q = self.wait_moved(q);
        }
        if q.error.is_some() || q.next >= count {
            return None;
        }
        let doc = q.next;
        q.next += 1;
        let at = doc - q.printing;
        if q.docs.len() <= at {
            q.docs.resize_with(at + 1, Pending::default);
        }
        Some(doc)
    }

    /// Hands on `pieces` of `doc` (with `done`, its last) and, when it is
    /// that document's turn and nobody is printing, prints everything that
    /// is ready. A worker whose document must wait its turn waits here
    /// while much output is held. `false`: printing failed, stop.
    fn deliver(&self, doc: usize, pieces: &mut Vec<Piece>, done: bool) -> bool {
        let mut q = self.lock();
        while q.error.is_none() && doc != q.printing && q.held >= HELD {
            q = self.wait_moved(q);
        }
        if q.error.is_some() {
            pieces.clear();
            return false;
        }
        let bytes: usize = pieces.iter().map(Piece::bytes).sum();
        let at = doc - q.printing;
        if let Some(d) = q.docs.get_mut(at) {
            d.pieces.append(pieces);
            d.done |= done;
        }
        q.held += bytes;
        if doc == q.printing && !q.printer {
            q.printer = true;
            return self.print_ready(q);
        }
        true
    }

    /// Prints what is ready at the front, in order, until nothing is.
    fn print_ready<'q>(&'q self, mut q: MutexGuard<'q, Queue>) -> bool {
        let mut batch = Vec::new();
        loop {
            let mut moved = false;
            while let Some(d) = q.docs.front_mut() {
                batch.append(&mut d.pieces);
                if !d.done {
                    break;
                }
                q.docs.pop_front();
                q.printing += 1;
                moved = true;
            }
            if moved && q.waiting > 0 {
                self.moved.notify_all();
            }
            if batch.is_empty() {
                q.printer = false;
                return true;
            }
            drop(q);
            let mut bytes = 0;
            let mut failed = false;
            let mut result = Ok(());
            {
                let mut out = relock(self.out.lock());
                for piece in batch.drain(..) {
                    bytes += piece.bytes();
                    match piece {
                        Piece::Message(m) => eprintln!("{m}"),
                        Piece::Output(b) => {
                            if result.is_ok() {
                                result = out.write_all(&b);
                            }
                        }
                        Piece::Failed => failed = true,
                    }
                }
            }
            q = self.lock();
            q.held -= bytes;
            q.failed |= failed;
            if let Err(e) = result {
                q.error = Some(e);
                q.printer = false;
                self.moved.notify_all();
                return false;
            }
            if q.waiting > 0 {
                self.moved.notify_all();
            }
        }
    }
}

/// A worker's sink: output is handed on a piece at a time.
struct Queued<'s, W> {
    shared: &'s Shared<W>,
    doc: usize,
    pieces: Vec<Piece>,
    ok: bool,
}

impl<W: Write> Sink for Queued<'_, W> {
    fn message(&mut self, text: String) -> bool {
        self.pieces.push(Piece::Message(text));
        self.ok
    }
    fn output(&mut self, buf: &mut Vec<u8>) -> bool {
        if buf.is_empty() {
            return self.ok;
        }
        if buf.len() >= CHUNK {
            self.pieces.push(Piece::Output(std::mem::take(buf)));
            self.ok = self.ok && self.shared.deliver(self.doc, &mut self.pieces, false);
        } else {
            // A small document's output: copied out so `buf` keeps its room.
            self.pieces.push(Piece::Output(buf.clone()));
            buf.clear();
        }
        self.ok
    }
    fn failed(&mut self) {
        self.pieces.push(Piece::Failed);
    }
}

/// Several threads: each takes the next document and extracts it; the
/// thread that completes the document whose turn it is prints it and
/// whatever is ready after it.
fn parallel<W: Write + Send>(
    paths: &[String],
    opts: &Opts,
    threads: usize,
    out: W,
) -> std::io::Result<bool> {
    let shared = Shared {
        queue: Mutex::new(Queue {
            next: 0,
            printing: 0,
            docs: VecDeque::new(),
            held: 0,
            printer: false,
            waiting: 0,
            error: None,
            failed: false,
        }),
        moved: Condvar::new(),
        window: threads * 16,
        out: Mutex::new(out),
    };
    let work = || {
        let mut buf = Vec::new();
        while let Some(doc) = shared.claim(paths.len()) {
            let mut sink = Queued {
                shared: &shared,
                doc,
                pieces: Vec::new(),
                ok: true,
            };
            process(&paths[doc], opts, &mut buf, &mut sink);
            buf.clear();
            if sink.ok && !shared.deliver(doc, &mut sink.pieces, true) {
                return;
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let mut q = shared.lock();
    if let Some(e) = q.error.take() {
        return Err(e);
    }
    let failed = q.failed;
    drop(q);
    relock(shared.out.lock()).flush()?;
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
