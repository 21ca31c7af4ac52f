//! Safe file output: never a half-written file, never a silent overwrite.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (a temporary file in the same folder,
/// then a rename). Refuses to replace an existing file unless `force`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if !force && path.exists() {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factdeck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one", false).expect("first write");
        let err = write_atomic(&p, b"two", false).expect_err("must refuse");
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read(&p).expect("read"), b"one");
        write_atomic(&p, b"two", true).expect("forced write");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
    }
}
