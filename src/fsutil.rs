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
        .map_err(|e| {
            // tempfile's error names its own random file; the user should hear
            // about the output path and the folder it needs.
            if !dir.is_dir() {
                Error::Other(format!(
                    "{}: cannot write it, the folder {} does not exist",
                    path.display(),
                    dir.display()
                ))
            } else {
                Error::io(path, std::io::Error::from(e.kind()))
            }
        })?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    set_permissions(tmp.as_file(), path).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Temporary files are created private (0600); the output should get the
/// permissions a plain new file would (0666 less the umask), or keep those of
/// the file it replaces.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match std::fs::metadata(path) {
        Ok(m) => m.permissions().mode() & 0o7777,
        Err(_) => 0o666 & !current_umask(),
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The process umask, read from /proc (no unsafe `umask(2)` call needed);
/// 022, the usual default, when it cannot be read.
#[cfg(unix)]
fn current_umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folder_names_the_output_not_the_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("no-such-folder").join("deck.toml");
        let err = write_atomic(&p, b"x", false)
            .expect_err("no folder")
            .to_string();
        assert!(!err.contains(".factdeck-"), "{err}");
        assert!(
            err.contains("deck.toml") && err.contains("does not exist"),
            "{err}"
        );
    }

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

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private_to_the_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("deck.toml");
        write_atomic(&p, b"x", false).expect("write");
        let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !current_umask(), "mode {mode:o}");
    }
}
