//! The command line's words: every refusal of an option or an input, every
//! failure to write, the notes and warnings printed beside a report, and
//! the summaries of `validate` and `init`. One method per message; each
//! language implements them all in its own `cli.rs`, so that a translator
//! reads them top to bottom and the compiler refuses one left out.
//!
//! Flag names appear in these messages as a user types them (`--metric`,
//! `--format csv`), in every language.
//!
//! The library's errors that a user reads carry data; their English
//! `Display`, for the library's users, is made here from these words.

use std::fmt;
use std::io;

use super::Lang;
use crate::plan::Problem;
use crate::report::chart::ChartError;
use crate::report::metric::MetricError;
use crate::report::odds::OddsReportError;
use crate::report::review::AsOfError;
use crate::report::sensitivity::TooManyCells;

/// What a file read by the run is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// The plan (`FILE`).
    Plan,
    /// A file of actual figures (`--actuals`).
    Actuals,
}

/// Why a file given to read cannot be, when the advice depends on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// The path is a folder.
    Folder,
    /// Nothing is at the path.
    Missing,
    /// Nothing is at the path, a plan's, which is spelt like this command
    /// (`reprot` for `report`): a command mistyped is read as a plan.
    Command(String),
}

/// What an existing output path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotAFile {
    /// A folder.
    Folder,
    /// A FIFO (named pipe).
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device.
    Device,
    /// Anything else the system has.
    Special,
}

/// How an output holds a sensitivity grid, which sets the cells it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    /// The table and Markdown: every cell as text.
    AsText,
    /// A workbook: a cell a row of its grid sheet.
    InASheet,
    /// CSV and JSON, written as they are made.
    AsData,
}

/// A command line the argument parser refused, as data: its kinds that a
/// user meets, with what it quoted. Other kinds (a value that is not
/// UTF-8, say) keep the parser's own English words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UsageError {
    /// An option or argument that no command takes.
    UnknownArgument {
        /// As typed.
        argument: String,
        /// The option meant, when the parser can tell.
        suggestion: Option<String>,
    },
    /// A command that does not exist.
    UnknownCommand {
        /// As typed.
        command: String,
        /// The command meant, when the parser can tell.
        suggestion: Option<String>,
    },
    /// A value that is not among an option's values, or does not read as
    /// what it takes.
    InvalidValue {
        /// The option, as `--help` shows it: `--lang <LANG>`.
        option: String,
        /// The value given.
        value: String,
        /// The values it takes, when they are a list.
        valid: Vec<String>,
    },
    /// Two options that do not go together.
    Conflict {
        /// The option refused.
        option: String,
        /// The option it conflicts with, when known.
        with: Option<String>,
    },
    /// An option given without the value it needs.
    MissingValue {
        /// The option.
        option: String,
    },
}

/// What `validate` counted in a valid plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    /// The plan as messages name it.
    pub name: String,
    /// The plan's metrics.
    pub metrics: usize,
    /// The plan's goals.
    pub goals: usize,
    /// The base year.
    pub base_year: i32,
    /// The target year.
    pub target_year: i32,
    /// The years projected: target year less base year.
    pub projected_years: usize,
    /// The scenarios besides the plan itself.
    pub scenarios: usize,
    /// The actual figures, over every metric.
    pub actual_figures: usize,
    /// The history figures, over every metric.
    pub history_figures: usize,
}

/// The command line's words of one language.
pub(crate) trait CliWords {
    // How every message is printed to standard error.

    /// A line of a refusal: "error: …".
    fn error_line(&self, line: &str) -> String;
    /// A command line the parser refused, whole (with where to find help);
    /// `None` keeps the parser's own English text, which `--help` shares.
    fn usage_error(&self, error: &UsageError) -> Option<String>;
    /// A warning beside a report that was written: "warning: …".
    fn warning_line(&self, line: &str) -> String;
    /// What the system said of a failed read or write, in this language
    /// where it is a common failure.
    fn io_error(&self, error: &io::Error) -> String;
    /// What the system said, when only its kind is known.
    fn io_kind(&self, kind: io::ErrorKind) -> String;

    // Reading the plan and the actuals files.

    /// Standard input could not be read; `error` is what the system said.
    fn cannot_read_stdin(&self, input: Input, error: &str) -> String;
    /// A file could not be read, with what the system said and the advice.
    fn cannot_read(&self, input: Input, name: &str, error: &str, why: Option<Unreadable>)
    -> String;
    /// The plan is not UTF-8; `line` is where the first bad byte is.
    fn not_utf8(&self, name: &str, line: usize) -> String;
    /// The plan or an actuals file is named as the output.
    fn output_is_input(&self, output: &str, input: Input) -> String;
    /// More than one input is `-`.
    fn stdin_twice(&self) -> String;
    /// `--scenario` names none of the plan's scenarios.
    fn no_scenario(&self, file: &str, name: &str, names: &[String]) -> String;

    // Several plans (`report` and `review`).

    /// Standard input (named `stdin`) given among several plans.
    fn stdin_of_several(&self, stdin: &str) -> String;
    /// `--actuals` with several plans.
    fn actuals_of_several(&self, plans: usize) -> String;
    fn given_twice(&self, plan: &str) -> String;
    /// Two plans whose files give them one `name`.
    fn one_name(&self, name: &str, first: &str, second: &str) -> String;
    fn cannot_read_folder(&self, name: &str, error: &str) -> String;
    fn no_plan_in_folder(&self, name: &str) -> String;
    /// `--by-status` with one plan.
    fn by_status_of_one_plan(&self) -> String;
    /// A refusal of one of several plans, led by its file's name.
    fn in_plan(&self, plan: &str, message: &str) -> String;

    // Options that do not fit the format.

    fn bom_misfit(&self) -> String;
    fn raw_csv_misfit(&self) -> String;
    fn color_misfit(&self) -> String;
    fn layout_misfit(&self) -> String;
    /// Every table asked of CSV: `default` and `other` are the two it can hold.
    fn every_table_misfit(&self, default: &str, other: &str) -> String;
    /// CSV asked of `explain`.
    fn not_a_table_misfit(&self) -> String;
    /// A workbook asked for a terminal.
    fn terminal_misfit(&self) -> String;
    fn wide_misfit(&self) -> String;
    /// Text asked to go into a file named `.xlsx`.
    fn names_a_workbook(&self, file: &str) -> String;

    // Writing the output.

    /// Standard output could not be written; `error` is what the system said.
    fn cannot_write_stdout(&self, error: &str) -> String;
    /// A file could not be written; `error` is what the system said.
    fn cannot_write(&self, name: &str, error: &str) -> String;
    fn not_a_regular_file(&self, name: &str, what: NotAFile) -> String;
    fn no_folder(&self, name: &str, folder: &str) -> String;
    /// The temporary file beside the output could not be made.
    fn cannot_create_in(&self, name: &str, folder: &str, error: &str) -> String;
    /// Symbolic links followed past the system's own limit.
    fn too_many_links(&self, name: &str) -> String;
    /// The chart's drawing library failed; `error` is what it said.
    fn cannot_draw(&self, error: &str) -> String;
    fn too_large_for_png(&self) -> String;
    /// The workbook's writer failed; `error` is what it said.
    fn cannot_write_workbook(&self, error: &str) -> String;
    fn too_many_sheet_columns(&self, sheet: &str, columns: usize, max: usize) -> String;
    fn too_many_sheet_rows(&self, sheet: &str, rows: usize, max: usize) -> String;
    /// The output could not be written, when nothing names it.
    fn cannot_write_output(&self) -> String;

    // `--metric`, `--as-of`, and what the reports refuse.

    /// Why a metric named by the run does not fit.
    fn metric_why(&self, error: &MetricError) -> String;
    /// `--metric ID` refused, with the ids that would fit.
    fn metric_refused(&self, error: &MetricError) -> String;
    fn nothing_to_draw(&self) -> String;
    /// `chart` on a plan without a goal to draw, with what to do.
    fn nothing_to_draw_refused(&self) -> String;
    fn as_of_why(&self, error: &AsOfError) -> String;
    fn as_of_refused(&self, error: &AsOfError) -> String;
    fn odds_error(&self, error: &OddsReportError) -> String;
    /// `--paths` or `--seed` without the option (`flag`) that simulates.
    fn simulation_unused(&self, flag: &str) -> String;
    /// `chart -o` named with an extension (or none) that is neither .svg nor .png.
    fn picture_extension(&self, path: &str, extension: Option<&str>) -> String;
    /// A PNG whose Chinese text (`shown`) no font could draw.
    fn missing_glyphs(&self, shown: &str) -> String;

    // `sensitivity`.

    fn sweep_size(&self, error: &TooManyCells) -> String;
    /// A sweep too large for how the output holds it, at most `limit`
    /// cells there and `data_limit` in CSV and JSON.
    fn too_many_cells(
        &self,
        error: &TooManyCells,
        held: Held,
        limit: u64,
        data_limit: u64,
    ) -> String;
    /// `--from`, `--to` or `--step` (`flag`, without dashes) is not a rate.
    fn rate_argument(&self, flag: &str, text: &str, why: &Problem) -> String;
    fn step_not_positive(&self) -> String;
    fn range_reversed(&self) -> String;
    fn rate_at_most_minus_100(&self, from: &str) -> String;
    /// `count` points, or more than a billion when `None`.
    fn too_many_points(&self, step: &str, count: Option<u64>, max: usize) -> String;

    // `validate` and `init`.

    fn valid_plan(&self, summary: &Summary) -> String;
    fn init_folder(&self, name: &str) -> String;
    fn init_exists(&self, name: &str) -> String;
    fn init_wrote(&self, name: &str) -> String;
    /// The plan `init` writes: the shipped one, its comments in this language.
    fn starter_plan(&self) -> &'static str;
}

impl Lang {
    /// The command line's words in this language.
    pub(crate) fn cli(self) -> &'static dyn CliWords {
        match self {
            Lang::En => &super::en::English,
            Lang::Zh => &super::zh::Chinese,
        }
    }
}

/// The English words, for the library's errors.
fn english() -> &'static dyn CliWords {
    Lang::En.cli()
}

impl fmt::Display for MetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().metric_why(self))
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Metric(error) => error.fmt(f),
            ChartError::NothingToDraw => f.write_str(&english().nothing_to_draw()),
        }
    }
}

impl fmt::Display for AsOfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().as_of_why(self))
    }
}

impl fmt::Display for OddsReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().odds_error(self))
    }
}

impl fmt::Display for TooManyCells {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().sweep_size(self))
    }
}
