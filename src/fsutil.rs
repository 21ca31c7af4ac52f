//! Safe file output: never a half-written file, never a silent overwrite,
//! never anything but a regular file replaced.
//!
//! An output path of `-` means standard output. A path that is a symbolic
//! link is written through: the file it points to is replaced (atomically, in
//! its own folder) and the link stays. Device nodes, FIFOs, sockets and
//! folders are refused, with or without `--force`. A temporary file left by
//! an interrupted write (Ctrl-C, SIGTERM, SIGHUP, a file size limit) is
//! removed before the process ends.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Whether an output path means standard output (`-o -`).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Checks an output path before any work is done: standard output, a new
/// file, or (with `force`) an existing regular file or a link to one.
pub fn check_output(path: &Path, force: bool) -> Result<()> {
    if is_stdout(path) {
        return Ok(());
    }
    target(path, force).map(|_| ())
}

/// What a non-regular file is, for messages.
fn kind_of(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn not_regular(path: &Path, ft: &std::fs::FileType) -> Error {
    let what = kind_of(ft);
    let what = if what.starts_with("not") {
        what.to_string()
    } else {
        format!("{what}, not a regular file")
    };
    Error::Other(format!(
        "{}: is {what}; factdeck only writes regular files (use -o - for standard output)",
        path.display()
    ))
}

/// The file to replace for `path`: the path itself, or the file a symbolic
/// link points to. Refuses anything that is not a regular file, and an
/// existing file without `force`.
fn target(path: &Path, force: bool) -> Result<PathBuf> {
    let link = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(Error::io(path, e)),
        Ok(m) => m.file_type().is_symlink(),
    };
    // Follows links (including /dev/stdout's /proc magic links).
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            let to = std::fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            return Err(Error::Other(format!(
                "{}: is a symbolic link to {to}, which does not exist; factdeck writes through \
                 a link only to an existing file",
                path.display()
            )));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    if !meta.is_file() {
        return Err(not_regular(path, &meta.file_type()));
    }
    if !force {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    if link {
        std::fs::canonicalize(path).map_err(|e| Error::io(path, e))
    } else {
        Ok(path.to_path_buf())
    }
}

/// Writes `bytes` to `path` atomically (a temporary file in the same folder,
/// then a rename), or to standard output for `-`. Refuses to replace an
/// existing file unless `force`, and never replaces anything but a regular
/// file (a symbolic link is written through).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if is_stdout(path) {
        return write_stdout(bytes);
    }
    let real = target(path, force)?;
    let dir = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    cleanup_on_signals();
    let tmp = tempfile::Builder::new()
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
    let pending = Pending::new(tmp.path());
    let result = (|| {
        let mut tmp = tmp;
        tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
        set_permissions(tmp.as_file(), &real).map_err(|e| Error::io(path, e))?;
        tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
        tmp.persist(&real).map_err(|e| Error::io(path, e.error))?;
        Ok(())
    })();
    drop(pending);
    result
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Other(format!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Temporary files being written, removed by the signal thread if the
/// process is told to stop before they are renamed into place.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Registers a temporary file for the length of a write.
struct Pending(PathBuf);

impl Pending {
    fn new(p: &Path) -> Pending {
        if let Ok(mut v) = PENDING.lock() {
            v.push(p.to_path_buf());
        }
        Pending(p.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut v) = PENDING.lock() {
            v.retain(|p| p != &self.0);
        }
    }
}

/// Makes a file size limit (`ulimit -f`, SIGXFSZ) a write error ("File too
/// large") that can be reported, instead of a signal that kills the process
/// mid-write.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            let _ = signal_hook::flag::register(
                signal_hook::consts::SIGXFSZ,
                std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            );
        });
    }
}

/// On the first write: SIGINT, SIGTERM and SIGHUP remove any temporary file
/// being written and then end the process as they would have; a file size
/// limit (SIGXFSZ) becomes a write error, so the temporary file is removed
/// and the user told, instead of the process being killed mid-write.
fn cleanup_on_signals() {
    #[cfg(unix)]
    {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            survive_file_size_limit();
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    if let Ok(v) = PENDING.lock() {
                        for p in v.iter() {
                            let _ = std::fs::remove_file(p);
                        }
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                    // Not a terminating signal after all (cannot happen for these).
                    std::process::exit(128 + sig);
                }
            });
        });
    }
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

    #[cfg(unix)]
    #[test]
    fn force_never_replaces_a_fifo_or_a_folder() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        for force in [false, true] {
            let err = write_atomic(&fifo, b"x", force).expect_err("a FIFO is refused");
            assert!(err.to_string().contains("FIFO"), "{err}");
            assert!(err.to_string().contains("-o -"), "{err}");
        }
        let ft = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
        assert!(ft.is_fifo(), "the FIFO was replaced");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        let err = write_atomic(&sub, b"x", true).expect_err("a folder is refused");
        assert!(err.to_string().contains("folder"), "{err}");
        assert!(sub.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_node_is_refused_before_any_work() {
        // /dev/null is a character device on every Unix; checking it never
        // writes (the check refuses before a temporary file exists).
        let err = check_output(Path::new("/dev/null"), true).expect_err("device");
        assert!(err.to_string().contains("character device"), "{err}");
        let err = check_output(Path::new("/dev/null"), false).expect_err("device");
        assert!(!err.to_string().contains("already exists"), "{err}");
        assert!(check_output(Path::new("-"), false).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).expect("mkdir");
        let real = real_dir.join("deck.toml");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let err = write_atomic(&link, b"new", false).expect_err("exists");
        assert!(err.to_string().contains("--force"), "{err}");
        write_atomic(&link, b"new", true).expect("forced write through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        // Nothing left behind in either folder.
        for d in [dir.path(), real_dir.as_path()] {
            let names: Vec<_> = std::fs::read_dir(d)
                .expect("ls")
                .map(|e| e.expect("entry").file_name())
                .collect();
            assert!(
                names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
                "{names:?}"
            );
        }
        let dangling = dir.path().join("dangling.toml");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
        let err = write_atomic(&dangling, b"x", true).expect_err("dangling");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }
}
