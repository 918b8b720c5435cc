//! Reading the plan file (or standard input) and loading it, with messages
//! that name the file and say what to do.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::messages::Refusal;
use crate::plan::{
    Additions, Encoding, Figures, PlanError, escape_controls, joined, looks_like_a_workbook,
    read_actuals_csv, read_workbook,
};
use crate::words::cli::{Input, Unreadable};
use crate::{Keep, Loaded};

/// How a plan path is named in messages and summaries: `-` is standard
/// input, and control characters are escaped.
pub(super) fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        escape_controls(&path.display().to_string()).into_owned()
    }
}

pub(super) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads and checks the plan at `path` with what the command line adds,
/// keeping the scenarios `keep` says. `unread` holds the refusals of the
/// actuals files' rows, refused together with the plan's own problems.
pub(super) fn load(
    path: &Path,
    additions: &Additions,
    keep: Keep,
    unread: Vec<PlanError>,
) -> Result<Loaded> {
    let name = display_name(path);
    let text = read_text(path, &name)?;
    match crate::load_plan(&text, &name, additions, keep) {
        Ok(loaded) if unread.is_empty() => Ok(loaded),
        result => Err(joined(&name, result.err(), unread).into()),
    }
}

/// An actuals path and the sheet it names: `book.xlsx#2018年` is the sheet
/// 2018年 of book.xlsx, unless a file has that whole name.
pub(super) fn actuals_file(path: &Path) -> (PathBuf, Option<String>) {
    let text = path.to_string_lossy();
    let split = text
        .to_ascii_lowercase()
        .find(".xlsx#")
        .filter(|_| !path.exists());
    match split {
        Some(at) => {
            let (file, sheet) = text.split_at(at + ".xlsx".len());
            (PathBuf::from(file), Some(sheet[1..].to_owned()))
        }
        None => (path.to_path_buf(), None),
    }
}

/// Reads an actuals file: a workbook (.xlsx, or any zip archive) through
/// its first sheet or the one named after `#`, else CSV.
pub(super) fn load_actuals(path: &Path, encoding: Encoding) -> Result<Figures> {
    let (file, sheet) = actuals_file(path);
    let name = display_name(&file);
    let bytes = read_bytes(&file, &name, Input::Actuals)?;
    let workbook = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        || looks_like_a_workbook(&bytes);
    Ok(if workbook {
        read_workbook(&bytes, &name, sheet.as_deref())?
    } else {
        read_actuals_csv(&bytes, &name, encoding)?
    })
}

/// The bytes of `path`, the `input` named `name`; `-` is standard input.
fn read_bytes(path: &Path, name: &str, input: Input) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if is_stdin(path) {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|error| Refusal::CannotReadStdin { input, error })?;
    } else {
        bytes = std::fs::read(path).map_err(|error| {
            let why = match (path.is_dir(), path.exists()) {
                (true, _) => Some(Unreadable::Folder),
                (false, false) => Some(Unreadable::Missing),
                (false, true) => None,
            };
            Refusal::CannotRead {
                input,
                name: name.to_owned(),
                error,
                why,
            }
        })?;
    }
    Ok(bytes)
}

fn read_text(path: &Path, name: &str) -> Result<String> {
    let bytes = read_bytes(path, name, Input::Plan)?;
    match String::from_utf8(bytes) {
        // Windows editors often start UTF-8 files with a byte-order mark.
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let name = name.to_owned();
            Err(Refusal::NotUtf8 { name, line }.into())
        }
    }
}
