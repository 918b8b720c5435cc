//! The command line: argument parsing, dispatch to one file per subcommand,
//! the run's language (`--lang`, which every command takes, else the
//! locale), in which every refusal is printed, and the exit status.
//!
//! `dabiao [FILE] [OPTIONS]` means `dabiao report [FILE] [OPTIONS]`, so the
//! report's arguments are also flattened into the top level.
//!
//! Exit status: 0 done; 1 only with `--fail-on-miss` when a goal is missed;
//! 2 for bad usage, an unreadable file, an invalid plan (with
//! `--keep-going`, any plan left out of the output), or an output that
//! cannot be written.

mod chart;
mod explain;
mod init;
mod input;
mod messages;
mod odds;
mod output;
mod output_args;
mod plan_args;
mod plan_set;
mod reference;
mod report;
mod review;
mod sensitivity;
mod usage;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::plan::{PlanError, escape_controls};
use crate::render::Lang;
use crate::words::plan_error_lines;

/// Exit status when a goal is missed and `--fail-on-miss` was given.
const EXIT_GOAL_MISSED: u8 = 1;
/// Exit status for every refusal: usage, input, plan or output, and for
/// plans left out by `--keep-going`.
const EXIT_FAILURE: u8 = 2;

/// 达标 dabiao: project a plan's targets year by year and show which goals are reached.
///
/// Reads a TOML plan (targets.toml by default), projects each metric from its
/// base year to the target year, and reports, goal by goal, whether it is
/// reached, by how much it is missed, the rate it would need and the year it
/// would be reached. Without a subcommand, runs `report`.
#[derive(Parser)]
#[command(
    name = "dabiao",
    version,
    args_conflicts_with_subcommands = true,
    override_usage = "dabiao [FILE]... [OPTIONS]\n       dabiao <COMMAND>",
    after_help = "Exit status: 0 done; 1 a goal is missed and --fail-on-miss was given; \
                  2 bad usage, unreadable file, invalid plan (with --keep-going: any plan left \
                  out), or output not written.\n\n\
                  中文简明参考 (a quick reference in Chinese): dabiao help-zh"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    report: report::ReportArgs,
}

#[derive(Subcommand)]
enum Command {
    Report(report::ReportArgs),
    Sensitivity(sensitivity::SensitivityArgs),
    Explain(explain::ExplainArgs),
    Review(review::ReviewArgs),
    Odds(odds::OddsArgs),
    Chart(chart::ChartArgs),
    Validate(validate::ValidateArgs),
    Init(init::InitArgs),
    Completions(reference::CompletionsArgs),
    Man(reference::ManArgs),
    /// Print a quick reference in Chinese (中文简明参考).
    #[command(name = "help-zh")]
    HelpZh,
}

impl Command {
    /// `--lang` as given to the command.
    fn lang(&self) -> Option<Lang> {
        match self {
            Command::Report(args) => args.out.lang.lang,
            Command::Sensitivity(args) => args.out.lang.lang,
            Command::Explain(args) => args.out.lang.lang,
            Command::Review(args) => args.out.lang.lang,
            Command::Odds(args) => args.out.lang.lang,
            Command::Chart(args) => args.lang.lang,
            Command::Validate(args) => args.lang.lang,
            Command::Init(args) => args.lang.lang,
            Command::Completions(args) => args.lang.lang,
            Command::Man(args) => args.lang.lang,
            Command::HelpZh => Some(Lang::Zh),
        }
    }
}

/// How a command that did its work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything asked was done: exit status 0.
    Done,
    /// Output was written, but a goal is missed and the user asked to fail on it.
    GoalMissed,
    /// Output was written for the valid plans only (`--keep-going`), and
    /// the others' problems printed: exit status 2, as for any refusal, so
    /// that a script sees that plans are missing.
    Refused,
}

/// Leaves a command's plan and report to the end of the process rather than
/// freeing them: the process exits once the command returns, and freeing a
/// plan of 100,000 metrics allocation by allocation takes a tenth of a
/// second, about a tenth of `validate`, for memory the exit gives back
/// anyway. A caller that runs many commands in one process (see [`run`])
/// keeps what each left.
fn leave_to_exit<T>(large: T) {
    std::mem::forget(large);
}

/// Runs the command line `args` (the program's name first, as
/// [`std::env::args_os`] gives them): parses them, runs the command, prints
/// any refusal to standard error, and returns the exit status. `report` and
/// `validate` leave their plan and report unfreed, for the exit to take
/// back.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version also arrive here, with exit code 0.
            if error.use_stderr() {
                // A usage error quotes the arguments: shown plain and escaped,
                // as every other message is.
                let said = usage::usage_error(&error)
                    .and_then(|e| usage::lang_of_args(&args).cli().usage_error(&e));
                let text = said.unwrap_or_else(|| error.render().to_string());
                let _ = write!(std::io::stderr(), "{}", escape_controls(&text));
            } else {
                let _ = error.print();
            }
            return ExitCode::from(error.exit_code().clamp(0, 255) as u8);
        }
    };
    let lang = output_args::lang_or_locale(match &cli.command {
        None => cli.report.out.lang.lang,
        Some(command) => command.lang(),
    });
    let result = match cli.command {
        None => report::run(&cli.report, lang),
        Some(Command::Report(args)) => report::run(&args, lang),
        Some(Command::Sensitivity(args)) => sensitivity::run(&args, lang),
        Some(Command::Explain(args)) => explain::run(&args, lang),
        Some(Command::Review(args)) => review::run(&args, lang),
        Some(Command::Odds(args)) => odds::run(&args, lang),
        Some(Command::Chart(args)) => chart::run(&args, lang),
        Some(Command::Validate(args)) => validate::run(&args, lang),
        Some(Command::Init(args)) => init::run(&args, lang),
        Some(Command::Completions(args)) => reference::completions(&args),
        Some(Command::Man(args)) => reference::man(&args),
        Some(Command::HelpZh) => reference::help_zh(),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::GoalMissed) => ExitCode::from(EXIT_GOAL_MISSED),
        Ok(Outcome::Refused) => ExitCode::from(EXIT_FAILURE),
        Err(error) => {
            print_error(&error, lang);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Every refusal is printed here, in the run's language, with control
/// characters escaped: messages quote plans, actuals files, file names and
/// arguments. Several plans' refusals are printed one after the other, each
/// as it would be alone.
fn print_error(error: &anyhow::Error, lang: Lang) {
    let mut stderr = std::io::stderr().lock();
    let errors: Vec<&anyhow::Error> = match error.downcast_ref::<plan_set::Refusals>() {
        Some(refusals) => refusals.0.iter().collect(),
        None => vec![error],
    };
    let lines = errors
        .into_iter()
        .flat_map(|error| match error.downcast_ref::<PlanError>() {
            Some(plan_error) => plan_error_lines(plan_error, lang).collect(),
            None => vec![messages::say(error, lang)],
        });
    for line in lines {
        // Nothing is left to tell if stderr itself is gone.
        let _ = writeln!(stderr, "{}", lang.cli().error_line(&escape_controls(&line)));
    }
}
