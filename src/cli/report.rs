//! `dabiao report [FILE]`: project the plan and show which goals are reached.
//! Also what `dabiao` does with no subcommand.

use anyhow::{Result, bail};
use clap::Args;

use super::Outcome;
use super::output_args::{Format, OutputArgs};
use super::plan_args::PlanArgs;
use crate::render::csv::{CsvOptions, CsvTable};
use crate::render::{self, Layout, Tables, TextOptions};
use crate::report::Report;

/// Project the plan and show which goals are reached (the default command).
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Which table to show [default: all; summary for csv, which holds one table].
    #[arg(long, value_enum)]
    table: Option<Tables>,

    /// Layout of the years table in CSV [default: long].
    #[arg(long, value_enum)]
    layout: Option<Layout>,

    #[command(flatten)]
    out: OutputArgs,

    /// Exit with status 1 when any goal is missed (after writing the report).
    #[arg(long)]
    fail_on_miss: bool,

    /// Leave out the trend mark (▁▂▃▅▇) of each metric in the terminal's years table.
    #[arg(long)]
    no_sparkline: bool,
}

pub fn run(args: &ReportArgs) -> Result<Outcome> {
    check_combination(args)?;
    args.out.check(&args.plan)?;
    let reports: Vec<Report> = args.plan.load()?.iter().map(Report::build).collect();
    args.out.emit(&render(&reports, args))?;
    if args.out.format == Format::Csv {
        // CSV has no room for notes; the other formats show them.
        let options = args.out.text_options();
        for note in reports
            .iter()
            .flat_map(|r| render::report::share_notes(r, &options))
        {
            eprintln!("{note}");
        }
    }
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
    let format = args.out.format;
    if format == Format::Csv && args.table == Some(Tables::All) {
        bail!(
            "a CSV file holds one table: use --table summary (the default for CSV) \
             or --table years, or --format json for both"
        );
    }
    let csv_years = format == Format::Csv && args.table == Some(Tables::Years);
    if args.layout.is_some() && !csv_years {
        bail!("--layout applies to the years table in CSV: add --format csv --table years");
    }
    Ok(())
}

fn render(reports: &[Report], args: &ReportArgs) -> String {
    let out = &args.out;
    let text_options = |sparkline| TextOptions {
        tables: args.table.unwrap_or(Tables::All),
        sparkline,
        ..out.text_options()
    };
    match out.format {
        Format::Table => {
            render::table::render(reports, &text_options(!args.no_sparkline), out.terminal())
        }
        Format::Markdown => render::markdown::render(reports, &text_options(false)),
        Format::Json => {
            render::json::render(reports, args.table.unwrap_or(Tables::All), out.precision())
        }
        Format::Csv => {
            let table = match args.table {
                Some(Tables::Years) => CsvTable::Years(args.layout.unwrap_or(Layout::Long)),
                _ => CsvTable::Summary,
            };
            render::csv::render(
                reports,
                &CsvOptions {
                    table,
                    precision: out.precision(),
                    bom: out.bom,
                },
            )
        }
    }
}
