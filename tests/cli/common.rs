//! A small fluent helper for running the built `factdeck` binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The built binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_factdeck"))
}

/// A command under construction.
pub struct Run {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

/// Starts a `factdeck` command with these arguments.
pub fn factdeck<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("FACTDECK_STATE");
    Run { cmd, stdin: None }
}

/// What a finished command did.
pub struct Done {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Runs in `dir`.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Run {
        self.cmd.current_dir(dir);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Run {
        self.cmd.env(k, v);
        self
    }

    /// Feeds this to standard input.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.stdin = Some(input.into());
        self
    }

    /// Runs to completion.
    pub fn run(mut self) -> Done {
        self.cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn factdeck");
        if let Some(input) = self.stdin.take() {
            let mut si = child.stdin.take().expect("stdin");
            // The program may exit before reading everything; that is fine.
            let _ = si.write_all(&input);
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().expect("wait");
        Done {
            status: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Runs and asserts success.
    pub fn ok(self) -> Done {
        let d = self.run();
        assert_eq!(
            d.status, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            d.stdout, d.stderr
        );
        d
    }

    /// Runs and asserts exit status 1.
    pub fn fails(self) -> Done {
        let d = self.run();
        assert_eq!(
            d.status, 1,
            "expected failure\nstdout:\n{}\nstderr:\n{}",
            d.stdout, d.stderr
        );
        d
    }
}

/// A temporary directory with files written into it.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    /// An empty scratch directory.
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// Writes a file and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write");
        p
    }

    /// A path inside the directory (not created).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Parses JSON Lines output.
pub fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}
