//! `dabiao report [FILE]`: project the plan and show which goals are reached.
//! Also what `dabiao` does with no subcommand.

use anyhow::{Result, bail};
use clap::Args;

use super::Outcome;
use super::odds::SimulationArgs;
use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use crate::render::report::{GoalTableChoice, share_notes};
use crate::render::{Format, Layout, Options};
use crate::report::{GoalReport, GoalRow, Status};

/// Project the plan and show which goals are reached (the default command).
#[derive(Args, Debug)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Which table to show [default: all; summary for csv, which holds one table].
    #[arg(long, value_enum)]
    table: Option<GoalTableChoice>,

    /// Layout of the years table in CSV [default: long].
    #[arg(long, value_enum)]
    layout: Option<Layout>,

    #[command(flatten)]
    out: OutputArgs,

    /// Exit with status 1 when a goal is missed (after writing the report):
    /// any goal, or with `binding` only a binding (约束性) one.
    #[arg(
        long,
        value_enum,
        value_name = "GOALS",
        num_args = 0..=1,
        default_missing_value = "any"
    )]
    fail_on_miss: Option<FailOn>,

    /// Leave out the trend mark (▁▂▃▅▇) of each metric in the terminal's years table.
    #[arg(long)]
    no_sparkline: bool,

    /// Add each goal's probability, from the simulation `dabiao odds` runs (same seed, same odds).
    #[arg(long)]
    odds: bool,

    #[command(flatten)]
    simulation: SimulationArgs,
}

pub(super) fn run(args: &ReportArgs) -> Result<Outcome> {
    let options = Options {
        sparkline: !args.no_sparkline,
        ..args.out.options(args.table, args.layout)
    };
    args.out.check::<[GoalReport]>(&args.plan, &options)?;
    if !args.odds && args.simulation.given() {
        bail!("--paths and --seed set the simulation of --odds: add --odds, or drop them");
    }
    let scenarios = args.plan.load()?;
    let mut reports: Vec<GoalReport> = scenarios.iter().map(GoalReport::build).collect();
    if args.odds {
        let odds = args.simulation.odds(&scenarios)?;
        reports = reports
            .into_iter()
            .zip(&odds)
            .map(|(report, odds)| report.with_odds(odds))
            .collect();
    }
    args.out.write(reports.as_slice(), &options)?;
    if matches!(args.out.format(), Format::Csv | Format::Xlsx) {
        // CSV and workbooks have no room for notes; the other formats show them.
        for report in &reports {
            let precision = options.precision.map(usize::from);
            for note in share_notes(report, options.lang, precision) {
                eprintln!("{note}");
            }
        }
    }
    let fails = |goal: &GoalRow| {
        goal.outcome.status == Status::Missed
            && match args.fail_on_miss {
                None => false,
                Some(FailOn::Any) => true,
                Some(FailOn::Binding) => goal.outcome.binding,
            }
    };
    let outcome = if reports.iter().flat_map(|r| &r.goals).any(fails) {
        Outcome::GoalMissed
    } else {
        Outcome::Done
    };
    super::leave_to_exit((reports, scenarios));
    Ok(outcome)
}

/// Which missed goals `--fail-on-miss` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// Any goal.
    Any,
    /// Binding goals (`binding = true`, 约束性) only.
    Binding,
}
