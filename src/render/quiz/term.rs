//! Terminal input and output for a quiz: key presses and colours on a real
//! terminal, or plain lines when piped, scripted or `NO_COLOR` is set.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::Stylize;
use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    /// Ctrl-C: stop with the summary.
    Interrupted,
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
}

impl KeyTerminal {
    fn new() -> io::Result<KeyTerminal> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(KeyTerminal { out: io::stdout() })
    }

    fn key(&mut self) -> io::Result<KeyEvent> {
        loop {
            if let Event::Key(k) = crossterm::event::read()?
                && k.kind == KeyEventKind::Press
            {
                return Ok(k);
            }
        }
    }
}

impl Drop for KeyTerminal {
    fn drop(&mut self) {
        // Nothing more can be done if the terminal is gone.
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('d'))
}

impl Terminal for KeyTerminal {
    fn say(&mut self, tone: Tone, text: &str) -> io::Result<()> {
        // Raw mode does not turn "\n" into a carriage return.
        let text = text.replace('\n', "\r\n");
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
            let k = self.key()?;
            if is_ctrl_c(&k) {
                return Ok(Reply::Interrupted);
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
            let k = self.key()?;
            if is_ctrl_c(&k) {
                return Ok(Reply::Interrupted);
            }
            match k.code {
                KeyCode::Esc => return Ok(Reply::Quit),
                KeyCode::Enter => {
                    self.say(Tone::Plain, "\n")?;
                    return Ok(Reply::Text(line));
                }
                KeyCode::Backspace if line.pop().is_some() => {
                    self.say(Tone::Plain, "\u{8} \u{8}")?;
                }
                KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    for _ in 0..line.chars().count() {
                        self.say(Tone::Plain, "\u{8} \u{8}")?;
                    }
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
        let k = self.key()?;
        if is_ctrl_c(&k) {
            return Ok(Reply::Interrupted);
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
}

/// Line-by-line input and plain output. Lines are read on a helper thread so
/// that a Ctrl-C (SIGINT) can end the session with its summary instead of
/// killing the process mid-line.
pub struct LineTerminal {
    out: io::Stdout,
    lines: mpsc::Receiver<io::Result<String>>,
    interrupted: Arc<AtomicBool>,
    /// Input comes from a person typing (not a script): answer times count,
    /// and there is no need to echo what was typed.
    typing: bool,
}

impl LineTerminal {
    fn new(typing: bool) -> io::Result<LineTerminal> {
        let interrupted = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupted))?;
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
            interrupted,
            typing,
        })
    }

    fn line(&mut self) -> io::Result<Reply> {
        loop {
            if self.interrupted.load(Ordering::SeqCst) {
                self.say(Tone::Plain, "\n")?;
                return Ok(Reply::Interrupted);
            }
            match self.lines.recv_timeout(Duration::from_millis(50)) {
                Ok(Ok(line)) => {
                    let line = line.trim_end_matches('\r').to_string();
                    if !self.typing {
                        writeln!(self.out, "{line}")?;
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

impl Terminal for LineTerminal {
    fn say(&mut self, _tone: Tone, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }

    fn read_choice(&mut self, _n: usize) -> io::Result<Reply> {
        self.line()
    }

    fn read_text(&mut self) -> io::Result<Reply> {
        self.line()
    }

    fn after_feedback(&mut self, _can_override: bool) -> io::Result<Reply> {
        Ok(if self.interrupted.load(Ordering::SeqCst) {
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
}
