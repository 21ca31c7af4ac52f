//! Reading input documents: lossy UTF-8 with a warning, binary files skipped.

use crate::error::{Error, Result};
use std::path::Path;

/// A document's text, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given.
    pub path: String,
    pub text: String,
    /// Things the user should hear about, each already prefixed with the path.
    pub warnings: Vec<String>,
}

/// Why a document was not read.
#[derive(Debug)]
pub enum Skip {
    /// It looks binary; the message says so.
    Binary(String),
    /// It could not be read at all.
    Failed(Error),
}

/// Reads a document. Invalid UTF-8 is decoded lossily with a warning naming the
/// byte offset of the first bad byte; a file with NUL bytes is treated as binary.
pub fn read_document(path: &str) -> std::result::Result<Document, Skip> {
    let p = Path::new(path);
    // No separate directory check: reading one fails with its own error
    // kind, and the check cost a system call per file (thousands of small
    // files are common).
    let bytes = std::fs::read(p).map_err(|e| {
        if e.kind() == std::io::ErrorKind::IsADirectory {
            Skip::Failed(Error::Other(format!("{path}: is a directory")))
        } else {
            Skip::Failed(Error::io(p, e))
        }
    })?;
    decode(path, bytes)
}

/// Decodes bytes read from `path` (see [`read_document`]).
pub fn decode(path: &str, bytes: Vec<u8>) -> std::result::Result<Document, Skip> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(Skip::Binary(format!(
            "{path}: looks like a binary file; skipped"
        )));
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{path}: invalid UTF-8 at byte {at}; decoded with replacement characters"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok(Document {
        path: path.to_string(),
        text,
        warnings,
    })
}

/// Reads a document or returns the error (binary files become an error too).
pub fn read_document_strict(path: &str) -> Result<Document> {
    read_document(path).map_err(|s| match s {
        Skip::Binary(m) => Error::Other(m),
        Skip::Failed(e) => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_warns_with_offset() {
        let doc = decode("a.txt", b"ok \xff then".to_vec()).expect("decodes");
        assert_eq!(doc.text, "ok \u{fffd} then");
        assert!(doc.warnings[0].contains("byte 3"), "{:?}", doc.warnings);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode("x.bin", vec![0x89, b'P', 0, 0]),
            Err(Skip::Binary(_))
        ));
    }
}
