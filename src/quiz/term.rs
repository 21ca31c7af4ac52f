//! Terminal input and output for a quiz: key presses and colours on a real
//! terminal, or plain lines when piped, scripted or `NO_COLOR` is set.
//!
//! A deck is untrusted text: every control character in what is written
//! (escape sequences that retitle the window, erase lines or write the
//! clipboard) is shown as a visible escape such as `\x1b`; only newline and
//! tab pass. SIGTERM and SIGHUP end a session like Ctrl-C (summary, terminal
//! restored); Ctrl-D ends it like `q`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::Stylize;
use std::borrow::Cow;
use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// What the user did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Typed text, or the key pressed for a choice.
    Text(String),
    /// "I was right": override the last wrong verdict.
    Override,
    /// Go on to the next card.
    Continue,
    /// `q`, Esc or end of input: stop with the summary.
    Quit,
    /// Ctrl-C, SIGINT, SIGTERM or SIGHUP: stop with the summary.
    Interrupted,
}

/// `text` with every control character but newline and tab shown as a
/// visible escape (`\x1b`, `\x07`, `\u{9b}`), so that nothing read from a
/// deck can drive the terminal.
pub fn visible(text: &str) -> Cow<'_, str> {
    let hostile = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !hostile(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// The signals that end a session with its summary: SIGINT (Ctrl-C in line
/// mode), SIGTERM and SIGHUP. The number of the last one received is stored
/// in the returned cell (0: none).
fn stop_signals() -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let cell = Arc::new(AtomicUsize::new(0));
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&cell), sig as usize)?;
    }
    Ok(cell)
}

/// How text is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Title,
    Good,
    Bad,
    Dim,
    Accent,
}

/// A quiz's view of the terminal. Two back ends: [`KeyTerminal`] and [`LineTerminal`].
pub trait Terminal {
    /// Writes text in a tone (colour only where the back end has colour).
    fn say(&mut self, tone: Tone, text: &str) -> io::Result<()>;
    /// Waits for a choice among `n` options (a key press, or a line).
    fn read_choice(&mut self, n: usize) -> io::Result<Reply>;
    /// Waits for a typed answer.
    fn read_text(&mut self) -> io::Result<Reply>;
    /// After feedback: waits for a key to go on (offering "I was right" when
    /// `can_override`). Line mode goes straight on; there an override is
    /// typed as `!right` at the next prompt.
    fn after_feedback(&mut self, can_override: bool) -> io::Result<Reply>;
    /// Whether answer times mean anything (a person at a terminal).
    fn timed(&self) -> bool;
    /// Whether single key presses answer choices.
    fn keys(&self) -> bool;
    /// Columns to wrap text at; `None` (piped output) leaves lines whole, so
    /// scripts can match a whole prompt or source sentence on one line.
    fn width(&self) -> Option<usize> {
        None
    }
    /// The signal that ended the session, if one did.
    fn signal(&self) -> Option<i32> {
        None
    }
}

/// Picks the back end: keys and colour only when both stdin and stdout are
/// terminals and `NO_COLOR` is unset.
pub fn open() -> io::Result<Box<dyn Terminal>> {
    let tty = io::stdin().is_terminal() && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if tty && !no_color {
        Ok(Box::new(KeyTerminal::new()?))
    } else {
        Ok(Box::new(LineTerminal::new(io::stdin().is_terminal())?))
    }
}

/// Raw-mode terminal: one key answers a choice; Ctrl-C arrives as a key.
pub struct KeyTerminal {
    out: io::Stdout,
    signal: Arc<AtomicUsize>,
}

/// A key press, or a signal that ends the session.
enum Key {
    Press(KeyEvent),
    Stop,
}

impl KeyTerminal {
    fn new() -> io::Result<KeyTerminal> {
        let signal = stop_signals()?;
        crossterm::terminal::enable_raw_mode()?;
        Ok(KeyTerminal {
            out: io::stdout(),
            signal,
        })
    }

    fn stopped(&self) -> bool {
        self.signal.load(Ordering::SeqCst) != 0
    }

    /// Waits for a key, looking out for signals between short polls.
    fn key(&mut self) -> io::Result<Key> {
        loop {
            if self.stopped() {
                return Ok(Key::Stop);
            }
            let ready = match crossterm::event::poll(Duration::from_millis(100)) {
                Ok(r) => r,
                // A hung-up terminal fails here just as SIGHUP arrives.
                Err(_) if self.stopped() => return Ok(Key::Stop),
                Err(e) => return Err(e),
            };
            if !ready {
                continue;
            }
            if let Event::Key(k) = crossterm::event::read()?
                && k.kind == KeyEventKind::Press
            {
                return Ok(Key::Press(k));
            }
        }
    }

    /// Erases `n` characters just typed (not deck text: written as is).
    fn erase(&mut self, n: usize) -> io::Result<()> {
        self.out.write_all("\u{8} \u{8}".repeat(n).as_bytes())?;
        self.out.flush()
    }
}

impl Drop for KeyTerminal {
    fn drop(&mut self) {
        // Nothing more can be done if the terminal is gone.
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

fn is_ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

/// Ctrl-C interrupts; Ctrl-D (end of input) ends the session like `q`.
fn control_reply(k: &KeyEvent) -> Option<Reply> {
    if is_ctrl(k, 'c') {
        Some(Reply::Interrupted)
    } else if is_ctrl(k, 'd') {
        Some(Reply::Quit)
    } else {
        None
    }
}

impl Terminal for KeyTerminal {
    fn say(&mut self, tone: Tone, text: &str) -> io::Result<()> {
        // Raw mode does not turn "\n" into a carriage return.
        let text = visible(text).replace('\n', "\r\n");
        let styled = match tone {
            Tone::Plain => text.stylize(),
            Tone::Title => text.bold(),
            Tone::Good => text.green().bold(),
            Tone::Bad => text.red().bold(),
            Tone::Dim => text.dark_grey(),
            Tone::Accent => text.cyan(),
        };
        write!(self.out, "{styled}")?;
        self.out.flush()
    }

    fn read_choice(&mut self, n: usize) -> io::Result<Reply> {
        loop {
            let Key::Press(k) = self.key()? else {
                return Ok(Reply::Interrupted);
            };
            if let Some(r) = control_reply(&k) {
                return Ok(r);
            }
            match k.code {
                KeyCode::Esc | KeyCode::Char('q') => return Ok(Reply::Quit),
                KeyCode::Char(c @ '1'..='9') if (c as usize - '0' as usize) <= n => {
                    return Ok(Reply::Text(c.to_string()));
                }
                KeyCode::Char(c @ ('t' | 'f' | 'y' | 'n')) => {
                    return Ok(Reply::Text(c.to_string()));
                }
                _ => {}
            }
        }
    }

    fn read_text(&mut self) -> io::Result<Reply> {
        let mut line = String::new();
        loop {
            let Key::Press(k) = self.key()? else {
                return Ok(Reply::Interrupted);
            };
            if let Some(r) = control_reply(&k) {
                return Ok(r);
            }
            match k.code {
                KeyCode::Esc => return Ok(Reply::Quit),
                KeyCode::Enter => {
                    self.say(Tone::Plain, "\n")?;
                    return Ok(Reply::Text(line));
                }
                KeyCode::Backspace if line.pop().is_some() => {
                    self.erase(1)?;
                }
                KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.erase(line.chars().count())?;
                    line.clear();
                }
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    line.push(c);
                    self.say(Tone::Plain, &c.to_string())?;
                }
                _ => {}
            }
        }
    }

    fn after_feedback(&mut self, can_override: bool) -> io::Result<Reply> {
        let hint = if can_override {
            "any key: next · r: I was right · q: quit"
        } else {
            "any key: next · q: quit"
        };
        self.say(Tone::Dim, &format!("{hint}\n"))?;
        let Key::Press(k) = self.key()? else {
            return Ok(Reply::Interrupted);
        };
        if let Some(r) = control_reply(&k) {
            return Ok(r);
        }
        Ok(match k.code {
            KeyCode::Esc | KeyCode::Char('q') => Reply::Quit,
            KeyCode::Char('r') if can_override => Reply::Override,
            _ => Reply::Continue,
        })
    }

    fn timed(&self) -> bool {
        true
    }

    fn keys(&self) -> bool {
        true
    }

    fn width(&self) -> Option<usize> {
        super::wrap::terminal_width()
    }

    fn signal(&self) -> Option<i32> {
        i32::try_from(self.signal.load(Ordering::SeqCst))
            .ok()
            .filter(|&s| s != 0)
    }
}

/// Line-by-line input and plain output. Lines are read on a helper thread so
/// that a Ctrl-C (SIGINT), SIGTERM or SIGHUP can end the session with its
/// summary instead of killing the process mid-line.
pub struct LineTerminal {
    out: io::Stdout,
    lines: mpsc::Receiver<io::Result<String>>,
    signal: Arc<AtomicUsize>,
    /// Input comes from a person typing (not a script): answer times count,
    /// and there is no need to echo what was typed.
    typing: bool,
}

impl LineTerminal {
    fn new(typing: bool) -> io::Result<LineTerminal> {
        let signal = stop_signals()?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in io::stdin().lock().lines() {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(LineTerminal {
            out: io::stdout(),
            lines: rx,
            signal,
            typing,
        })
    }

    fn line(&mut self) -> io::Result<Reply> {
        loop {
            if self.stopped() {
                // The terminal may be gone (SIGHUP): stop all the same.
                let _ = self.say(Tone::Plain, "\n");
                return Ok(Reply::Interrupted);
            }
            match self.lines.recv_timeout(Duration::from_millis(50)) {
                Ok(Ok(line)) => {
                    let line = line.trim_end_matches('\r').to_string();
                    if !self.typing {
                        writeln!(self.out, "{}", visible(&line))?;
                    }
                    return Ok(match line.trim() {
                        "!right" | "!r" => Reply::Override,
                        "q" | "quit" | "!q" => Reply::Quit,
                        _ => Reply::Text(line),
                    });
                }
                Ok(Err(e)) => return Err(e),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    self.say(Tone::Plain, "\n")?;
                    return Ok(Reply::Quit);
                }
            }
        }
    }
}

impl LineTerminal {
    fn stopped(&self) -> bool {
        self.signal.load(Ordering::SeqCst) != 0
    }
}

impl Terminal for LineTerminal {
    fn say(&mut self, _tone: Tone, text: &str) -> io::Result<()> {
        self.out.write_all(visible(text).as_bytes())?;
        self.out.flush()
    }

    fn read_choice(&mut self, _n: usize) -> io::Result<Reply> {
        self.line()
    }

    fn read_text(&mut self) -> io::Result<Reply> {
        self.line()
    }

    fn after_feedback(&mut self, _can_override: bool) -> io::Result<Reply> {
        Ok(if self.stopped() {
            Reply::Interrupted
        } else {
            Reply::Continue
        })
    }

    fn timed(&self) -> bool {
        self.typing
    }

    fn keys(&self) -> bool {
        false
    }

    fn width(&self) -> Option<usize> {
        // A person reading on a terminal (NO_COLOR); not a pipe or a file.
        if io::stdout().is_terminal() {
            super::wrap::terminal_width()
        } else {
            None
        }
    }

    fn signal(&self) -> Option<i32> {
        i32::try_from(self.signal.load(Ordering::SeqCst))
            .ok()
            .filter(|&s| s != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_from_a_deck_are_shown_not_obeyed() {
        let hostile = "Who\u{1b}]0;pwned\u{7} won?\u{1b}[2K\r\u{9b}31m\u{7f}";
        let v = visible(hostile);
        assert!(!v.chars().any(|c| c.is_control()), "{v:?}");
        assert_eq!(v, "Who\\x1b]0;pwned\\x07 won?\\x1b[2K\\x0d\\u{9b}31m\\x7f");
        assert_eq!(visible("line one\n\tline two"), "line one\n\tline two");
        assert!(matches!(visible("plain “text”"), Cow::Borrowed(_)));
    }
}
