//! Where output goes: standard output, or a regular file written atomically.
//! Output is written as it is produced, through a buffer, so that a report
//! of millions of rows is never held whole.
//!
//! A file is written to a temporary file beside it and renamed over it only
//! once complete, so a failed or interrupted run never leaves a half-written
//! or emptied file behind: on SIGINT or SIGTERM the temporary file is removed
//! before the run ends (only SIGKILL can leave one). A symbolic link is
//! followed and its target replaced, so the link stays a link. A path that
//! exists and is not a regular file (a folder, device, FIFO or socket) is
//! refused rather than replaced by a file, except `/dev/stdout`, which means
//! standard output like `-`. On standard output a closed pipe
//! (`dabiao | head`) ends the run quietly instead of with an error.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use anyhow::Result;
use tempfile::NamedTempFile;

use super::messages::{Output, Refusal};
use crate::words::cli::NotAFile;

/// Whether `-o path` means standard output.
pub(super) fn is_standard_output(path: &Path) -> bool {
    path == Path::new("-") || path == Path::new("/dev/stdout")
}

/// Writes `bytes` to `path`, or to standard output when there is no path or
/// it names standard output.
pub(super) fn emit(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    emit_with(path, |out| Ok(out.write_all(bytes)?))
}

/// Writes what `produce` writes, as it writes it, to `path`, or to standard
/// output when there is no path or it names standard output. An error of
/// `io::Error` is the output's own and is named after it; any other is
/// `produce`'s and passed on as it is.
pub(super) fn emit_with(
    path: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path.filter(|p| !is_standard_output(p)) {
        Some(path) => write_file_with(path, Replace::Allowed, produce),
        None => write_stdout(produce),
    }
}

fn write_stdout(produce: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    // Standard output flushes every line; a buffer of its own writes in blocks.
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let written = produce(&mut stdout).and_then(|()| Ok(stdout.flush()?));
    match written {
        Err(error) if is_broken_pipe(&error) => Ok(()),
        other => other.map_err(|e| name_the_output(e, || Output::Stdout)),
    }
}

/// Whether the reader of standard output has gone (`dabiao | head`).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// A failure to write, named after the output; any other error as it is.
fn name_the_output(error: anyhow::Error, output: impl FnOnce() -> Output) -> anyhow::Error {
    match error.downcast::<io::Error>() {
        Ok(error) => cannot_write(output(), error),
        Err(other) => other,
    }
}

fn cannot_write(output: Output, error: io::Error) -> anyhow::Error {
    Refusal::CannotWrite { output, error }.into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Replace {
    Allowed,
    Refused,
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
/// An existing file keeps its permissions; with `Replace::Refused` it is
/// left untouched and the write fails.
pub(super) fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<()> {
    write_file_with(path, replace, |out| Ok(out.write_all(bytes)?))
}

/// Writes what `produce` writes, as it writes it, to `path` through a
/// temporary file in the same folder, as [`write_file`] does.
fn write_file_with(
    path: &Path,
    replace: Replace,
    produce: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let name = path.display().to_string();
    let failed = |error: io::Error| cannot_write(Output::File(name.clone()), error);
    let target = link_target(path).map_err(|error| match error {
        Link::Error(error) => failed(error),
        Link::TooMany => Refusal::TooManyLinks { name: name.clone() }.into(),
    })?;
    let existing = fs::metadata(&target).ok();
    if let Some(what) = existing.as_ref().and_then(not_a_regular_file) {
        return Err(Refusal::NotARegularFile { name, what }.into());
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        let folder = folder.display().to_string();
        return Err(Refusal::NoFolder { name, folder }.into());
    }
    // The temporary file's own name means nothing to the user: report the
    // kind of failure against the file they named.
    let (mut temp, pending) = Pending::create(|| {
        tempfile::Builder::new()
            .prefix(".dabiao-")
            .tempfile_in(folder)
    })
    .map_err(|e| Refusal::CannotCreateIn {
        name: name.clone(),
        folder: folder.display().to_string(),
        kind: e.kind(),
    })?;
    let mut buffer = io::BufWriter::new(temp.as_file_mut());
    produce(&mut buffer)
        .and_then(|()| Ok(buffer.flush()?))
        .map_err(|e| name_the_output(e, || Output::File(name.clone())))?;
    drop(buffer);
    temp.as_file().sync_all().map_err(failed)?;
    let permissions = existing.map(|m| m.permissions());
    give_permissions(temp.path(), permissions).map_err(failed)?;
    pending
        .settle(|| match replace {
            Replace::Allowed => temp.persist(&target).map(drop).map_err(|e| e.error),
            Replace::Refused => temp
                .persist_noclobber(&target)
                .map(drop)
                .map_err(|e| e.error),
        })
        .map_err(failed)
}

/// Whether `a` and `b` are the same file: the same device and inode, so
/// that a hard link or a symbolic link to a file is that file. Neither is
/// opened (opening a FIFO would block), which is why this reads metadata
/// rather than using a crate that compares open handles.
#[cfg(unix)]
pub(super) fn is_same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let identity = |p: &Path| fs::metadata(p).map(|m| (m.dev(), m.ino()));
    matches!((identity(a), identity(b)), (Ok(a), Ok(b)) if a == b)
}

/// Whether `a` and `b` are the same file: the same path once links are resolved.
#[cfg(not(unix))]
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// How many symbolic links in a row are followed, as the system does.
const MAX_LINKS: usize = 40;

/// Why the target of a symbolic link was not found.
#[derive(Debug)]
enum Link {
    Error(io::Error),
    /// More than [`MAX_LINKS`] links in a row, or a loop.
    TooMany,
}

/// Where writing `path` lands: the final target of a symbolic link (which
/// may not exist yet), else `path` itself.
fn link_target(path: &Path) -> Result<PathBuf, Link> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current).map_err(Link::Error)?;
                // A relative target is relative to the link's folder;
                // joining an absolute one replaces the folder.
                current = match current.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Link::TooMany)
}

/// What an existing path is, when it is not a regular file.
fn not_a_regular_file(meta: &fs::Metadata) -> Option<NotAFile> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(NotAFile::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NotAFile::Fifo);
        }
        if kind.is_socket() {
            return Some(NotAFile::Socket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(NotAFile::Device);
        }
    }
    Some(NotAFile::Special)
}

/// An existing file keeps its permissions; a new one gets what a plain
/// `create` would give (the temporary file is private to its owner).
#[cfg(unix)]
fn give_permissions(temp: &Path, existing: Option<fs::Permissions>) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(
        temp,
        existing.unwrap_or_else(|| fs::Permissions::from_mode(0o644)),
    )
}

#[cfg(not(unix))]
fn give_permissions(temp: &Path, existing: Option<fs::Permissions>) -> io::Result<()> {
    existing.map_or(Ok(()), |p| fs::set_permissions(temp, p))
}

/// The temporary file being written, for the signal watcher to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

fn pending_slot() -> MutexGuard<'static, Option<PathBuf>> {
    // The slot holds a path, whole or not at all, whatever panicked.
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes the temporary file being written, if any. The guard returned
/// keeps the writer from renaming it meanwhile.
fn remove_pending() -> MutexGuard<'static, Option<PathBuf>> {
    let mut slot = pending_slot();
    if let Some(path) = slot.take() {
        let _ = fs::remove_file(path);
    }
    slot
}

/// A temporary file registered for removal on SIGINT or SIGTERM until it is
/// renamed into place; dropped before that, it is removed at once.
struct Pending;

impl Pending {
    /// Creates the temporary file with `create` and registers it, with no
    /// moment in between at which a signal would leave it behind.
    fn create(
        create: impl FnOnce() -> io::Result<NamedTempFile>,
    ) -> io::Result<(NamedTempFile, Pending)> {
        watch_signals();
        let mut slot = pending_slot();
        let temp = create()?;
        *slot = Some(temp.path().to_path_buf());
        Ok((temp, Pending))
    }

    /// Renames the file into place with `rename`, which a signal cannot
    /// interrupt halfway: the watcher waits for it.
    fn settle<T>(self, rename: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let mut slot = pending_slot();
        let renamed = rename();
        // Renamed, or removed with its failure: nothing is left to remove.
        *slot = None;
        drop(slot);
        renamed
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        drop(remove_pending());
    }
}

/// On the first file written, starts a thread that, on SIGINT or SIGTERM,
/// removes the temporary file and ends the run with 128 + the signal's
/// number (130, 143), as the shell reports a run ended by it.
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    static WATCHING: std::sync::Once = std::sync::Once::new();
    WATCHING.call_once(|| {
        // Without a watcher, a signal ends the run as it always would.
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _held_until_exit = remove_pending();
                std::process::exit(128 + signal);
            }
        });
    });
}

#[cfg(not(unix))]
fn watch_signals() {}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_signal_watcher_removes_the_file_being_written() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (temp, pending) =
            Pending::create(|| NamedTempFile::new_in(dir.path())).expect("a temporary file");
        // What the watcher does on SIGINT or SIGTERM, before it exits.
        drop(remove_pending());
        assert!(!temp.path().exists());
        // The writer then finds nothing left to rename.
        let out = dir.path().join("out");
        assert!(
            pending
                .settle(|| temp.persist(&out).map_err(|e| e.error))
                .is_err()
        );
        assert!(!out.exists());
        assert!(pending_slot().is_none());
    }

    #[test]
    fn links_are_followed_to_their_final_target() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = |name: &str| dir.path().join(name);
        std::os::unix::fs::symlink("middle", path("first")).expect("link");
        std::os::unix::fs::symlink(path("last.svg"), path("middle")).expect("link");
        assert_eq!(link_target(&path("first")).unwrap(), path("last.svg"));
        assert_eq!(link_target(&path("plain")).unwrap(), path("plain"));
        std::os::unix::fs::symlink("loop", path("loop")).expect("link");
        assert!(matches!(link_target(&path("loop")), Err(Link::TooMany)));
    }
}
