//! The one user-facing error type. Every message about a file starts with its
//! path (and `:line:col` where one applies), so editors can jump to it.

use std::path::{Path, PathBuf};

/// Anything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file's syntax is wrong at a known place.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    /// A file is well-formed but its content is wrong; each problem is one
    /// line, already prefixed with `path:` (and line where known).
    #[error("{}", problems.join("\n"))]
    Invalid { problems: Vec<String> },
    /// An output file exists and `--force` was not given.
    #[error("{}: already exists; pass --force to overwrite it", path.display())]
    Exists { path: PathBuf },
    /// The command line asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// Anything else, already phrased for the user.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

/// Shorthand used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
