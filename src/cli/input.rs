//! Reading the plan file (or standard input) and loading it, with messages
//! that name the file and say what to do.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use crate::plan::{ActualRecord, Additions, Encoding, escape_controls, parse_actuals_csv};
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
/// keeping the scenarios `keep` says.
pub(super) fn load(path: &Path, additions: &Additions, keep: Keep) -> Result<Loaded> {
    let name = display_name(path);
    let text = read_text(path, &name)?;
    Ok(crate::load_plan(&text, &name, additions, keep)?)
}

/// Reads an actuals CSV file.
pub(super) fn load_actuals(path: &Path, encoding: Encoding) -> Result<Vec<ActualRecord>> {
    let name = display_name(path);
    let bytes = read_bytes(path, &name, InputKind::Actuals)?;
    Ok(parse_actuals_csv(&bytes, &name, encoding)?)
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
                (true, _, false) => "; name a CSV file, not a folder",
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
