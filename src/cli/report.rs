//! `dabiao report [FILE]`: project the plan and show which goals are reached.
//! Also what `dabiao` does with no subcommand.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use super::plan_args::PlanArgs;
use super::{Outcome, output};
use crate::render::csv::{CsvOptions, CsvTable};
use crate::render::table::TerminalOptions;
use crate::render::{self, Lang, Layout, Precision, Tables, TextOptions};
use crate::report::Report;

/// Project the plan and show which goals are reached (the default command).
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Which table to show [default: all; summary for csv, which holds one table].
    #[arg(long, value_enum)]
    table: Option<Tables>,

    /// Layout of the years table in CSV [default: long].
    #[arg(long, value_enum)]
    layout: Option<Layout>,

    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Decimals to show [default: 2 for table and markdown, full precision for csv and json].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=20))]
    precision: Option<u8>,

    /// Start CSV with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.
    #[arg(long)]
    bom: bool,

    /// Language of labels, headers and status words [default: from LC_ALL, LC_MESSAGES or LANG].
    #[arg(long, value_enum)]
    lang: Option<Lang>,

    /// Colour the status column of the table: auto (the default) means only on a terminal and when NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorWhen>,

    /// Exit with status 1 when any goal is missed (after writing the report).
    #[arg(long)]
    fail_on_miss: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

pub fn run(args: &ReportArgs) -> Result<Outcome> {
    check_combination(args)?;
    let output_file = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(out) = output_file {
        refuse_overwriting_the_plan(&args.plan.file, out)?;
    }
    let reports: Vec<Report> = args.plan.load()?.iter().map(Report::build).collect();
    let text = render(&reports, args);
    output::emit(output_file, &text)?;
    let all_reached = reports.iter().all(|r| r.reached_count() == r.goals.len());
    Ok(if args.fail_on_miss && !all_reached {
        Outcome::GoalMissed
    } else {
        Outcome::Done
    })
}

/// Options that only make sense together are refused apart, rather than
/// silently ignored.
fn check_combination(args: &ReportArgs) -> Result<()> {
    if args.format == Format::Csv && args.table == Some(Tables::All) {
        bail!(
            "a CSV file holds one table: use --table summary (the default for CSV) \
             or --table years, or --format json for both"
        );
    }
    let csv_years = args.format == Format::Csv && args.table == Some(Tables::Years);
    if args.layout.is_some() && !csv_years {
        bail!("--layout applies to the years table in CSV: add --format csv --table years");
    }
    if args.bom && args.format != Format::Csv {
        bail!("--bom applies to CSV output only: add --format csv, or drop --bom");
    }
    if args.color.is_some() && args.format != Format::Table {
        bail!("--color applies to the terminal table only: drop it, or use --format table");
    }
    Ok(())
}

fn refuse_overwriting_the_plan(plan: &Path, out: &Path) -> Result<()> {
    let same = match (plan.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        bail!(
            "--output {} is the plan file itself; write the report to another file",
            out.display()
        );
    }
    Ok(())
}

fn render(reports: &[Report], args: &ReportArgs) -> String {
    let precision = args.precision.map(usize::from);
    let text_options = || TextOptions {
        lang: args
            .lang
            .unwrap_or_else(|| Lang::from_locale(|var| std::env::var(var).ok())),
        decimals: precision.unwrap_or(2),
        tables: args.table.unwrap_or(Tables::All),
    };
    let full_or = |p: Option<usize>| p.map_or(Precision::Full, Precision::Decimals);
    match args.format {
        Format::Table => {
            let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
            let to_terminal = to_stdout && std::io::stdout().is_terminal();
            let color = match args.color.unwrap_or(ColorWhen::Auto) {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => {
                    to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let terminal = TerminalOptions {
                color,
                fit_terminal: to_terminal,
            };
            render::table::render(reports, &text_options(), terminal)
        }
        Format::Markdown => render::markdown::render(reports, &text_options()),
        Format::Json => render::json::render(
            reports,
            args.table.unwrap_or(Tables::All),
            full_or(precision),
        ),
        Format::Csv => {
            let table = match args.table {
                Some(Tables::Years) => CsvTable::Years(args.layout.unwrap_or(Layout::Long)),
                _ => CsvTable::Summary,
            };
            render::csv::render(
                reports,
                &CsvOptions {
                    table,
                    precision: full_or(precision),
                    bom: args.bom,
                },
            )
        }
    }
}
