//! The command line's words in English.

use std::io;

use super::English;
use crate::plan::{Known, Problem};
use crate::report::metric::{MetricError, Need};
use crate::report::odds::OddsReportError;
use crate::report::review::AsOfError;
use crate::report::sensitivity::TooManyCells;
use crate::words::cli::{CliWords, Held, Input, NotAFile, Summary, Unreadable, UsageError};
use crate::words::plan::PlanWords;
use crate::words::{Lang, problem_text};

/// "1 metric", "8 metrics".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn file(input: Input) -> &'static str {
    match input {
        Input::Plan => "plan file",
        Input::Actuals => "actuals file",
    }
}

impl CliWords for English {
    fn error_line(&self, line: &str) -> String {
        format!("error: {line}")
    }

    fn usage_error(&self, _: &UsageError) -> Option<String> {
        None
    }

    fn warning_line(&self, line: &str) -> String {
        format!("warning: {line}")
    }

    fn io_error(&self, error: &io::Error) -> String {
        error.to_string()
    }

    fn io_kind(&self, kind: io::ErrorKind) -> String {
        kind.to_string()
    }

    fn cannot_read_stdin(&self, input: Input, error: &str) -> String {
        format!(
            "cannot read the {} from standard input: {error}",
            file(input)
        )
    }

    fn cannot_read(
        &self,
        input: Input,
        name: &str,
        error: &str,
        why: Option<Unreadable>,
    ) -> String {
        let hint = match (why, input) {
            (Some(Unreadable::Command(command)), Input::Plan) => {
                format!("; did you mean the command `{command}`?")
            }
            (Some(Unreadable::Folder), Input::Plan) => {
                "; name a plan file, not a folder".to_owned()
            }
            (Some(Unreadable::Folder), Input::Actuals) => {
                "; name a CSV or .xlsx file, not a folder".to_owned()
            }
            (Some(Unreadable::Missing), Input::Plan) => {
                "; create one with `dabiao init`, or name another file".to_owned()
            }
            (Some(Unreadable::Missing | Unreadable::Command(_)), Input::Actuals) => {
                "; check the path given to --actuals".to_owned()
            }
            (None, _) => String::new(),
        };
        format!("cannot read {} {name}: {error}{hint}", file(input))
    }

    fn not_utf8(&self, name: &str, line: usize) -> String {
        format!(
            "{name}:{line}: the plan is not UTF-8 text; save it as UTF-8 \
             (in Excel or Notepad: Save As, encoding UTF-8)"
        )
    }

    fn output_is_input(&self, output: &str, input: Input) -> String {
        let what = match input {
            Input::Plan => "the plan file itself",
            Input::Actuals => "an actuals file of this run",
        };
        format!("--output {output} is {what}; write the output to another file")
    }

    fn stdin_twice(&self) -> String {
        "standard input (`-`) can be read only once: give the plan or one actuals file as `-`, \
         and the others as files"
            .to_owned()
    }

    fn no_scenario(&self, file: &str, name: &str, names: &[String]) -> String {
        format!(
            "{file}: no scenario `{name}`; this plan has: {} (or `all`)",
            names.join(", ")
        )
    }

    fn stdin_of_several(&self, stdin: &str) -> String {
        format!("standard input (`{stdin}`) holds one plan: give several plans as files or folders")
    }

    fn actuals_of_several(&self, plans: usize) -> String {
        format!(
            "--actuals reads one plan's figures, but {plans} plans are given: each plan's actual \
             figures are its own; write them in each plan (`actual = {{ 2023 = … }}`), or \
             run each plan on its own with its own --actuals"
        )
    }

    fn given_twice(&self, plan: &str) -> String {
        format!("{plan} is given twice; name each plan once")
    }

    fn one_name(&self, name: &str, first: &str, second: &str) -> String {
        format!(
            "two plans are named `{name}`: {first} and {second}; a plan is named by its file, \
             so rename one, or report them in separate runs"
        )
    }

    fn cannot_read_folder(&self, name: &str, error: &str) -> String {
        format!("cannot read folder {name}: {error}")
    }

    fn no_plan_in_folder(&self, name: &str) -> String {
        format!(
            "folder {name} holds no plan: a folder gives its *.toml files (not those of its \
             subfolders); name a folder of plans, or the plan files"
        )
    }

    fn by_status_of_one_plan(&self) -> String {
        "--by-status counts how many plans reach each goal they share, but one plan is given: \
         name two or more plan files, or a folder of them"
            .to_owned()
    }

    fn in_plan(&self, plan: &str, message: &str) -> String {
        format!("{plan}: {message}")
    }

    fn bom_misfit(&self) -> String {
        "--bom applies to CSV output only: add --format csv, or drop --bom".to_owned()
    }

    fn raw_csv_misfit(&self) -> String {
        "--raw-csv applies to CSV output only: add --format csv, or drop --raw-csv".to_owned()
    }

    fn color_misfit(&self) -> String {
        "--color applies to the terminal table only: drop it, or use --format table".to_owned()
    }

    fn layout_misfit(&self) -> String {
        "--layout applies to the years table in CSV: add --format csv --table years".to_owned()
    }

    fn every_table_misfit(&self, default: &str, other: &str) -> String {
        format!(
            "a CSV file holds one table: use --table {default} (the default for CSV) \
             or --table {other}, or --format json for both"
        )
    }

    fn not_a_table_misfit(&self) -> String {
        "explain writes sentences or data: use --format table, markdown or json".to_owned()
    }

    fn terminal_misfit(&self) -> String {
        "--format xlsx writes a binary workbook, which a terminal cannot show: add -o \
         FILE.xlsx, or redirect standard output to a file"
            .to_owned()
    }

    fn wide_misfit(&self) -> String {
        "--wide applies to the terminal table: CSV, JSON and workbooks always hold every \
         column; drop --wide"
            .to_owned()
    }

    fn names_a_workbook(&self, file: &str) -> String {
        format!(
            "--output {file} names a workbook, which spreadsheets refuse to open when it holds \
             text: use --format xlsx (or drop --format), or name a file of another kind"
        )
    }

    fn cannot_write_stdout(&self, error: &str) -> String {
        format!("cannot write to standard output: {error}")
    }

    fn cannot_write(&self, name: &str, error: &str) -> String {
        format!("cannot write {name}: {error}")
    }

    fn not_a_regular_file(&self, name: &str, what: NotAFile) -> String {
        let what = match what {
            NotAFile::Folder => "a folder",
            NotAFile::Fifo => "a FIFO (named pipe)",
            NotAFile::Socket => "a socket",
            NotAFile::Device => "a device",
            NotAFile::Special => "a special file",
        };
        format!(
            "cannot write {name}: it is {what}, not a regular file; name a file instead, \
             or `-` for standard output"
        )
    }

    fn no_folder(&self, name: &str, folder: &str) -> String {
        format!("cannot write {name}: there is no folder {folder}; create it first")
    }

    fn cannot_create_in(&self, name: &str, folder: &str, error: &str) -> String {
        format!("cannot write {name}: cannot create a file in {folder}: {error}")
    }

    fn too_many_links(&self, name: &str) -> String {
        format!("cannot write {name}: too many symbolic links in a row")
    }

    fn cannot_draw(&self, error: &str) -> String {
        format!("cannot draw the chart: {error}")
    }

    fn too_large_for_png(&self) -> String {
        self.cannot_draw("the chart is too large to draw as PNG")
    }

    fn cannot_write_workbook(&self, error: &str) -> String {
        format!("cannot write the workbook: {error}")
    }

    fn too_many_sheet_columns(&self, sheet: &str, columns: usize, max: usize) -> String {
        self.cannot_write_workbook(&format!(
            "the {sheet} table has {columns} columns, more than a sheet holds ({max}); write \
             CSV instead"
        ))
    }

    fn too_many_sheet_rows(&self, sheet: &str, rows: usize, max: usize) -> String {
        self.cannot_write_workbook(&format!(
            "the {sheet} table has {rows} rows, more than a sheet holds ({max}); write CSV \
             instead"
        ))
    }

    fn cannot_write_output(&self) -> String {
        "cannot write the output".to_owned()
    }

    fn metric_why(&self, error: &MetricError) -> String {
        let id = &error.id;
        match (error.in_plan, error.need) {
            (false, Need::LevelGoal) => format!("`{id}` is not a metric of this plan"),
            (true, Need::LevelGoal) => format!("`{id}` has no level goal (`target`) to draw"),
            (false, Need::Compound) => "no such metric".to_owned(),
            (true, Need::Compound) => {
                "not a compound metric, so it has no growth rate to sweep".to_owned()
            }
        }
    }

    fn metric_refused(&self, error: &MetricError) -> String {
        let fitting = self.known(&Known::of(&error.fitting));
        let heading = match error.need {
            Need::LevelGoal => "metrics with a level goal",
            Need::Compound => "compound metrics",
        };
        let suggestion = match &error.suggestion {
            Some(known) => format!(" (did you mean `{known}`?)"),
            None => String::new(),
        };
        format!(
            "--metric {}: {}{suggestion}; {heading}: {fitting}",
            error.id,
            self.metric_why(error)
        )
    }

    fn nothing_to_draw(&self) -> String {
        "no metric of this plan has a goal the chart can draw (a level, or a rate, change or increase that implies one)".to_owned()
    }

    fn nothing_to_draw_refused(&self) -> String {
        format!(
            "{}; add one, or use `dabiao report` for the paths",
            self.nothing_to_draw()
        )
    }

    fn as_of_why(&self, error: &AsOfError) -> String {
        match error {
            AsOfError::OutsidePlan { first, last, .. } => {
                format!("review a year of the plan, {first} to {last}")
            }
            AsOfError::NoPath { problem, .. } => format!(
                "without the later figures, {}",
                problem_text(problem, Lang::En)
            ),
        }
    }

    fn as_of_refused(&self, error: &AsOfError) -> String {
        format!("--as-of {}: {}", error.year(), self.as_of_why(error))
    }

    fn odds_error(&self, error: &OddsReportError) -> String {
        match error {
            OddsReportError::History(id) => {
                format!("metric `{id}`: its figures give no volatility")
            }
            OddsReportError::Simulation(error) => {
                format!("the simulation cannot use its input: {error:?}")
            }
        }
    }

    fn simulation_unused(&self, flag: &str) -> String {
        format!("--paths and --seed set the simulation of {flag}: add {flag}, or drop them")
    }

    fn picture_extension(&self, path: &str, extension: Option<&str>) -> String {
        let found = match extension {
            None => "this name has none".to_owned(),
            Some(e) => format!(".{e} is neither"),
        };
        format!(
            "--output {path}: a chart is written as SVG or PNG, and the file's extension \
             says which, but {found}; name the file .svg or .png"
        )
    }

    fn missing_glyphs(&self, shown: &str) -> String {
        format!(
            "no font on this machine draws Chinese ({shown}), so the PNG shows boxes in its \
             place; install a CJK font (Debian and Ubuntu: fonts-noto-cjk; Fedora: \
             google-noto-sans-cjk-fonts; Alpine: font-noto-cjk) and draw it again, or write \
             SVG, which the browser draws with its own fonts"
        )
    }

    fn sweep_size(&self, error: &TooManyCells) -> String {
        let TooManyCells {
            goals,
            points,
            cells,
        } = error;
        format!("the sweep would compute {goals} goals × {points} points = {cells} cells")
    }

    fn too_many_cells(
        &self,
        error: &TooManyCells,
        held: Held,
        limit: u64,
        data_limit: u64,
    ) -> String {
        let held = match held {
            Held::AsText => format!(
                "the table and Markdown hold at most {limit} (CSV and JSON up to {data_limit})"
            ),
            Held::InASheet => format!(
                "a workbook's sheet holds at most {limit}, a row each (CSV and JSON up to \
                 {data_limit})"
            ),
            Held::AsData => format!("at most {limit} are held"),
        };
        format!(
            "{}, and {held}: widen --step, narrow --from and --to, or sweep one --metric \
             or fewer scenarios",
            self.sweep_size(error)
        )
    }

    fn rate_argument(&self, flag: &str, text: &str, why: &Problem) -> String {
        format!("--{flag} {text}: {}", problem_text(why, Lang::En))
    }

    fn step_not_positive(&self) -> String {
        "--step must be positive".to_owned()
    }

    fn range_reversed(&self) -> String {
        "--from must not be above --to".to_owned()
    }

    fn rate_at_most_minus_100(&self, from: &str) -> String {
        format!("--from {from}: a growth rate must be above -100 %")
    }

    fn too_many_points(&self, step: &str, count: Option<u64>, max: usize) -> String {
        let count = count.map_or_else(|| "more than 1000000000".to_owned(), |c| c.to_string());
        format!(
            "--step {step}: {count} points between --from and --to, and a sweep may have at \
             most {max}: widen --step or narrow the range"
        )
    }

    fn valid_plan(&self, s: &Summary) -> String {
        let mut extra = String::new();
        if s.scenarios > 0 {
            extra.push_str(&format!(", {}", count(s.scenarios, "scenario")));
        }
        if s.actual_figures > 0 {
            extra.push_str(&format!(", {}", count(s.actual_figures, "actual figure")));
        }
        if s.history_figures > 0 {
            extra.push_str(&format!(", {}", count(s.history_figures, "history figure")));
        }
        format!(
            "{}: valid plan: {}, {}, {}–{} ({}){extra}",
            s.name,
            count(s.metrics, "metric"),
            count(s.goals, "goal"),
            s.base_year,
            s.target_year,
            count(s.projected_years, "projected year"),
        )
    }

    fn init_folder(&self, name: &str) -> String {
        format!("{name} is a folder; name the plan file to write, such as {name}/targets.toml")
    }

    fn init_exists(&self, name: &str) -> String {
        format!("{name} already exists; pass --force to replace it, or name another file")
    }

    fn init_wrote(&self, name: &str) -> String {
        format!("wrote {name}; edit the baselines, then run `dabiao {name}`")
    }

    fn starter_plan(&self) -> &'static str {
        include_str!("../../../targets.toml")
    }
}
