//! Where output goes: standard output, or a file written atomically.
//!
//! A file is written to a temporary file beside it and renamed over it only
//! once complete, so a failed run never leaves a half-written or emptied
//! file behind. On standard output a closed pipe (`dabiao | head`) ends the
//! run quietly instead of with an error.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

/// Writes `bytes` to `path`, or to standard output when there is no path.
pub fn emit(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) => write_file(path, bytes, Replace::Allowed),
        None => write_stdout(bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Allowed,
    Refused,
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
/// An existing file keeps its permissions; with `Replace::Refused` it is
/// left untouched and the write fails.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<()> {
    let name = path.display();
    if path.is_dir() {
        bail!("cannot write {name}: it is a folder; name a file instead");
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        bail!(
            "cannot write {name}: there is no folder {}; create it first",
            folder.display()
        );
    }
    // The temporary file's own name means nothing to the user: report the
    // kind of failure against the file they named.
    let mut temp = tempfile::Builder::new()
        .prefix(".dabiao-")
        .tempfile_in(folder)
        .map_err(|e| {
            anyhow!(
                "cannot write {name}: cannot create a file in {}: {}",
                folder.display(),
                e.kind()
            )
        })?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {name}"))?;
    let existing = fs::metadata(path).map(|m| m.permissions()).ok();
    give_permissions(temp.path(), existing).with_context(|| format!("cannot write {name}"))?;
    match replace {
        Replace::Allowed => temp.persist(path).map(drop).map_err(|e| e.error),
        Replace::Refused => temp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
    .with_context(|| format!("cannot write {name}"))
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
