//! The harness every integration test shares: runs the built binary in a
//! known environment, from the repository root (where `targets.toml` is the
//! shipped plan) or from a fresh folder of test files (so that messages name
//! short, predictable paths), and gives back what it printed.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// The plan shipped with dabiao (and written by `dabiao init`): three of its
/// eight goals are missed.
pub(crate) const SHIPPED: &str = include_str!("../../targets.toml");

/// The city plan shipped as an example: every form of goal, actual figures.
pub(crate) const CITY: &str = "examples/city-2025.toml";

/// Exit status of every refusal.
pub(crate) const REFUSED: i32 = 2;

/// The variables that choose the language (LANGUAGE too: where no locale
/// variable is set, the system's language is read from it on Unix), the
/// colours and the width tables are fitted to: no run inherits them from
/// the caller.
pub(crate) const CALLER_SETTINGS: [&str; 6] = [
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "LANGUAGE",
    "NO_COLOR",
    "COLUMNS",
];

/// `dabiao` run from the repository root, with no locale, colour or width
/// settings inherited from the caller.
pub(crate) fn dabiao() -> Command {
    let mut cmd = Command::cargo_bin("dabiao").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in CALLER_SETTINGS {
        cmd.env_remove(var);
    }
    cmd
}

/// Standard output of `dabiao args…` from the repository root, which must
/// succeed with exit code 0.
pub(crate) fn stdout_of(args: &[&str]) -> String {
    Ran::of(&mut dabiao(), args).ok()
}

/// Asserts that `output` is the reviewed `tests/snapshots/<name>.snap`,
/// named after the module that pins it (`report__json`).
pub(crate) fn assert_reviewed(name: &str, output: String) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, output));
}

/// A file of the repository, by absolute path (for runs in a temporary folder).
pub(crate) fn shipped(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// A plan whose goals are only the binding kinds (下降, 提高N个百分点, 年均增长),
/// none a level: 0.40 falling 3 % a year against a fall of at least 13.5 %
/// (0.346), 2.2 % rising 0.08 points a year against 0.5 points more (2.7),
/// 100 growing 5.5 % a year against 6 % (100 × 1.06⁵ = 133.82).
pub(crate) const BINDING_GOALS: &str = "[plan]\ntitle = \"Binding goals\"\n\
    base_year = 2015\ntarget_year = 2020\n\
    [metrics.energy]\nname = \"Energy\"\nbaseline = 0.40\ngrowth = \"-3%\"\n\
    change_target = { at_most = \"-13.5%\" }\n\
    [metrics.rd]\nname = \"R&D\"\nunit = \"%\"\nbaseline = 2.2\nincrement = 0.08\n\
    increase_target = 0.5\n\
    [metrics.gdp]\nname = \"GDP\"\nbaseline = 100\ngrowth = \"5.5%\"\nrate_target = \"6%\"\n";

/// A valid [plan] table (2015–2020, five projected years), a blank line, then
/// `metrics`, whose first line is therefore line 5 of the file.
pub(crate) fn plan(metrics: &str) -> String {
    format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n\n{metrics}")
}

/// A fresh folder holding `files`, given as (name, content).
pub(crate) fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().expect("create a temporary folder");
    for (name, content) in files {
        fs::write(dir.path().join(name), content).expect("write a test file");
    }
    dir
}

/// What one run of the binary left behind.
pub(crate) struct Ran {
    /// The command line, for failure messages.
    command: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// Runs `cmd args…` to the end.
    pub(crate) fn of(cmd: &mut Command, args: &[&str]) -> Ran {
        let output = cmd.args(args).output().expect("dabiao runs");
        Ran {
            command: format!("dabiao {}", args.join(" ")),
            code: output.status.code().expect("dabiao exits with a status"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Standard output of a run that must have succeeded with exit code 0.
    pub(crate) fn ok(self) -> String {
        assert_eq!(self.code, 0, "`{}` failed:\n{}", self.command, self.stderr);
        self.stdout
    }

    /// Standard error of a run that must have been refused: exit code 2 and
    /// nothing on standard output.
    pub(crate) fn refused(self) -> String {
        assert_eq!(
            self.code, REFUSED,
            "`{}` should be refused with status 2\nstdout:\n{}\nstderr:\n{}",
            self.command, self.stdout, self.stderr
        );
        assert_eq!(
            self.stdout, "",
            "a refused `{}` should print nothing on stdout",
            self.command
        );
        self.stderr
    }
}

/// Runs `dabiao args…` in `dir`.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Ran {
    Ran::of(dabiao().current_dir(dir), args)
}

/// Standard output of `dabiao args…` in `dir`, which must succeed.
pub(crate) fn ok(dir: &Path, args: &[&str]) -> String {
    run(dir, args).ok()
}

/// Standard error of `dabiao args…` in `dir`, which must be refused with
/// status 2 and print nothing on standard output.
pub(crate) fn refused(dir: &Path, args: &[&str]) -> String {
    run(dir, args).refused()
}

/// CSV text as rows of (column name → cell).
pub(crate) fn records(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a CSV header").clone();
    reader
        .records()
        .map(|row| {
            let row = row.expect("a well-formed CSV row");
            header
                .iter()
                .zip(row.iter())
                .map(|(h, c)| (h.to_owned(), c.to_owned()))
                .collect()
        })
        .collect()
}

/// The trimmed cells of the terminal-table row whose first cell is `first`.
pub(crate) fn table_row(text: &str, first: &str) -> Vec<String> {
    table_rows(text, first)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no table row starting with {first:?} in:\n{text}"))
}

/// The trimmed cells of every terminal-table row whose first cell is
/// `first`, in order: a metric's goals.
pub(crate) fn table_rows(text: &str, first: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|line| line.strip_prefix('│')?.strip_suffix('│'))
        .map(|inner| inner.split('┆').map(|c| c.trim().to_owned()).collect())
        .filter(|cells: &Vec<String>| cells[0] == first)
        .collect()
}
