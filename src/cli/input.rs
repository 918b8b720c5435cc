//! Reading the plan file (or standard input) and loading it, with messages
//! that name the file and say what to do.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::plan::{
    Additions, Encoding, Figures, PlanError, escape_controls, joined, looks_like_a_workbook,
    read_actuals_csv, read_workbook,
};
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
    let bytes = read_bytes(&file, &name, InputKind::Actuals)?;
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

/// What a file is to the run, for the advice when it cannot be read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InputKind {
    Plan,
    Actuals,
}

fn read_bytes(path: &Path, name: &str, kind: InputKind) -> Result<Vec<u8>> {
    let what = match kind {
        InputKind::Plan => "plan file",
        InputKind::Actuals => "actuals file",
    };
    let mut bytes = Vec::new();
    if is_stdin(path) {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the {what} from standard input"))?;
    } else {
        bytes = std::fs::read(path).map_err(|error| {
            let plan = kind == InputKind::Plan;
            let hint = match (path.is_dir(), path.exists(), plan) {
                (true, _, true) => "; name a plan file, not a folder",
                (true, _, false) => "; name a CSV or .xlsx file, not a folder",
                (false, false, true) => "; create one with `dabiao init`, or name another file",
                (false, false, false) => "; check the path given to --actuals",
                (false, true, _) => "",
            };
            anyhow!("cannot read {what} {name}: {error}{hint}")
        })?;
    }
    Ok(bytes)
}

fn read_text(path: &Path, name: &str) -> Result<String> {
    let bytes = read_bytes(path, name, InputKind::Plan)?;
    match String::from_utf8(bytes) {
        // Windows editors often start UTF-8 files with a byte-order mark.
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            bail!(
                "{name}:{line}: the plan is not UTF-8 text; save it as UTF-8 \
                 (in Excel or Notepad: Save As, encoding UTF-8)"
            )
        }
    }
}
