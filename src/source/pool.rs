//! Many documents at once, printed in the order given.
//!
//! Worker threads take the next document, run a [`Job`] on it that writes
//! its output into a buffer, and hand the buffer on through a [`Sink`]; the
//! thread that completes the document whose turn it is prints it and whatever
//! is ready after it. Workers stay a bounded number of documents ahead, and a
//! worker whose document is not the one being printed waits once it holds a
//! few megabytes of output, so memory stays bounded by the largest document,
//! not the corpus. With one thread nothing is handed over at all.
//!
//! The pool knows nothing of documents or facts: `extract` gives it a job per
//! file ([`crate::extract::output`]).

use std::collections::VecDeque;
use std::io::Write;
use std::sync::{Condvar, Mutex, MutexGuard};

/// Output is handed on in pieces of about this size.
pub const CHUNK: usize = 256 * 1024;
/// A worker whose document is not being printed stops once this much output
/// waits to be printed.
const HELD: usize = 8 * 1024 * 1024;

/// Where one item's output goes while it is made.
pub trait Sink {
    /// A message for standard error.
    fn message(&mut self, text: String) -> bool;
    /// Output is ready in `buf`; the sink takes it. `false` means stop:
    /// printing failed.
    fn output(&mut self, buf: &mut Vec<u8>) -> bool;
    /// The item failed (a file could not be read).
    fn failed(&mut self);
}

/// The work done for each item.
pub trait Job: Sync {
    /// Makes the output of item `index`, using `buf` (empty, with room kept
    /// from the last item) and giving it to `sink` as it fills.
    fn run(&self, index: usize, buf: &mut Vec<u8>, sink: &mut dyn Sink);
}

/// Worker threads: `RAYON_NUM_THREADS` as rayon reads it (0 or unset: one
/// per core), so the variable keeps working as it did.
pub fn thread_count() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs `job` on items `0..count` with up to `threads` threads and writes
/// their output to `out` in item order. `Ok(true)` when any item failed;
/// `Err` when writing failed (every worker stops).
pub fn run_ordered<J: Job + ?Sized, W: Write + Send>(
    count: usize,
    threads: usize,
    job: &J,
    mut out: W,
) -> std::io::Result<bool> {
    let threads = threads.min(count);
    if threads <= 1 {
        sequential(count, job, &mut out)
    } else {
        parallel(
            count,
            job,
            threads,
            std::io::BufWriter::with_capacity(CHUNK, out),
        )
    }
}

/// One thread: each item straight to the output.
fn sequential<J: Job + ?Sized>(
    count: usize,
    job: &J,
    out: &mut impl Write,
) -> std::io::Result<bool> {
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
    for index in 0..count {
        job.run(index, &mut buf, &mut sink);
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
fn parallel<J: Job + ?Sized, W: Write + Send>(
    count: usize,
    job: &J,
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
        while let Some(doc) = shared.claim(count) {
            let mut sink = Queued {
                shared: &shared,
                doc,
                pieces: Vec::new(),
                ok: true,
            };
            job.run(doc, &mut buf, &mut sink);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Item `i` writes `size(i)` bytes of its own letter, in pieces, and
    /// fails when `i` is a multiple of 7.
    struct Letters {
        size: fn(usize) -> usize,
    }

    impl Job for Letters {
        fn run(&self, index: usize, buf: &mut Vec<u8>, sink: &mut dyn Sink) {
            if index % 7 == 3 {
                sink.failed();
                return;
            }
            let letter = b'a' + (index % 26) as u8;
            for _ in 0..(self.size)(index) {
                buf.push(letter);
                if buf.len() >= CHUNK && !sink.output(buf) {
                    return;
                }
            }
            buf.push(b'\n');
            sink.output(buf);
        }
    }

    fn expected(count: usize, size: fn(usize) -> usize) -> Vec<u8> {
        let mut out = Vec::new();
        for i in (0..count).filter(|i| i % 7 != 3) {
            out.extend(std::iter::repeat_n(b'a' + (i % 26) as u8, size(i)));
            out.push(b'\n');
        }
        out
    }

    fn run(count: usize, threads: usize, size: fn(usize) -> usize) -> (Vec<u8>, bool) {
        let mut out = Vec::new();
        let failed = run_ordered(count, threads, &Letters { size }, &mut out)
            .expect("a Vec takes every write");
        (out, failed)
    }

    #[test]
    fn output_comes_in_item_order_whatever_the_threads() {
        // Small items, and some larger than a chunk so they are handed on
        // in pieces while later items finish first.
        let sizes: [fn(usize) -> usize; 2] = [|i| i % 5, |i| (i % 3) * CHUNK + 17 * i];
        for size in sizes {
            let want = expected(40, size);
            for threads in [1, 2, 3, 8] {
                let (out, failed) = run(40, threads, size);
                assert!(out == want, "{threads} threads: output out of order");
                assert!(failed, "items 3, 10, … failed");
            }
        }
    }

    #[test]
    fn no_failure_is_reported_when_every_item_succeeds() {
        for threads in [1, 4] {
            let (out, failed) = run(3, threads, |i| i + 1);
            assert_eq!(out, b"a\nbb\nccc\n");
            assert!(!failed);
        }
    }

    /// Accepts `room` bytes, then fails.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::other("disk full"));
            }
            let n = b.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_stops_every_thread_and_is_returned() {
        for threads in [1, 2, 4] {
            let job = Letters {
                size: |_| 3 * CHUNK,
            };
            let err = run_ordered(200, threads, &job, Full { room: CHUNK })
                .expect_err("the writer fills up");
            assert_eq!(err.to_string(), "disk full", "{threads} threads");
        }
    }
}
