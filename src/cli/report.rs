//! `dabiao report [FILE…]`: project the plan (or several) and show which
//! goals are reached; with `--by-status`, how many of several plans reach
//! each goal they share. Also what `dabiao` does with no subcommand.

use anyhow::Result;
use clap::Args;

use super::messages::Refusal;
use super::odds::SimulationArgs;
use super::output_args::OutputArgs;
use super::plan_set::{PlanSetArgs, Plans, Refusals};
use super::{Outcome, print_error};
use crate::ProjectedScenario;
use crate::render::report::{GoalTableChoice, share_notes};
use crate::render::{Format, Lang, Layout, Options};
use crate::report::plans::{PlanReport, StatusTally};
use crate::report::{GoalReport, GoalRow, Parts, Status};

/// Project the plan and show which goals are reached (the default command).
#[derive(Args, Debug)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    plans: PlanSetArgs,

    /// Which table to show [default: all; summary for csv, which holds one table].
    #[arg(long, value_enum)]
    table: Option<GoalTableChoice>,

    /// Layout of the years table in CSV [default: long].
    #[arg(long, value_enum)]
    layout: Option<Layout>,

    #[command(flatten)]
    pub(super) out: OutputArgs,

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

    /// With several plans: for each goal two or more of them state (on the same metric id, of the same kind), how many plans reach it, in place of the report.
    #[arg(long, conflicts_with_all = ["table", "layout", "odds", "no_sparkline"])]
    by_status: bool,
}

pub(super) fn run(args: &ReportArgs, lang: Lang) -> Result<Outcome> {
    let options = Options {
        sparkline: !args.no_sparkline,
        ..args.out.options(lang, args.table, args.layout)
    };
    if args.by_status {
        return by_status(args, lang);
    }
    args.out.check::<[GoalReport]>(&args.plans, &options)?;
    if !args.odds && args.simulation.given() {
        return Err(Refusal::SimulationUnused { flag: "--odds" }.into());
    }
    // A CSV file holds one table: the report needs no more (but the goals
    // that --fail-on-miss judges).
    let parts = match (args.out.format(), args.table) {
        (Format::Csv, Some(GoalTableChoice::Years)) => Parts {
            goals: args.fail_on_miss.is_some(),
            series: true,
        },
        (Format::Csv, _) => Parts {
            goals: true,
            series: false,
        },
        _ => Parts::ALL,
    };
    let build = |scenarios: &[ProjectedScenario]| -> Result<Vec<GoalReport>> {
        let reports = scenarios
            .iter()
            .map(|scenario| GoalReport::build_parts(scenario, parts));
        if !args.odds {
            return Ok(reports.collect());
        }
        let odds = args.simulation.odds(scenarios)?;
        Ok(reports
            .zip(&odds)
            .map(|(report, odds)| report.with_odds(odds))
            .collect())
    };
    let notes = matches!(args.out.format(), Format::Csv | Format::Xlsx);
    let precision = options.precision.map(usize::from);
    let (reports, refused) = match args.plans.plans()? {
        Plans::One(path) => {
            let scenarios = args.plans.load_one(&path)?;
            let reports = build(&scenarios)?;
            args.out.write(reports.as_slice(), &options)?;
            super::leave_to_exit(scenarios);
            // A run on one plan shows no plan's name.
            let name = String::new();
            (vec![PlanReport { name, reports }], Refusals::default())
        }
        Plans::Several(files) => {
            let reported = args
                .plans
                .report_each(&files, |scenarios| build(&scenarios))?;
            args.out.write(reported.reports.as_slice(), &options)?;
            (reported.reports, reported.refused)
        }
    };
    if notes {
        // CSV and workbooks have no room for notes; the other formats show them.
        let several = reports.len() > 1;
        for plan in &reports {
            for report in &plan.reports {
                for note in share_notes(report, options.lang, precision) {
                    match several {
                        true => eprintln!("{}", lang.cli().in_plan(&plan.name, &note)),
                        false => eprintln!("{note}"),
                    }
                }
            }
        }
    }
    let outcome = outcome(args, &reports, refused, lang);
    super::leave_to_exit(reports);
    Ok(outcome)
}

/// `--by-status`: across several plans, how many reach each goal they share.
fn by_status(args: &ReportArgs, lang: Lang) -> Result<Outcome> {
    let options = args.out.options(lang, None, None);
    args.out.check::<StatusTally>(&args.plans, &options)?;
    let Plans::Several(files) = args.plans.plans()? else {
        return Err(Refusal::ByStatusOfOnePlan.into());
    };
    let reported = args.plans.report_each(&files, |scenarios| {
        Ok(scenarios.iter().map(GoalReport::build).collect())
    })?;
    args.out
        .write(&StatusTally::build(&reported.reports), &options)?;
    Ok(outcome(args, &reported.reports, reported.refused, lang))
}

/// How a run that wrote its output ends: refused when plans were left out
/// (their problems printed now, after the output), else failed when
/// `--fail-on-miss` finds a goal it fails on.
fn outcome(
    args: &ReportArgs,
    reports: &[PlanReport<GoalReport>],
    refused: Refusals,
    lang: Lang,
) -> Outcome {
    if !refused.0.is_empty() {
        print_error(&refused.into(), lang);
        return Outcome::Refused;
    }
    let fails = |goal: &GoalRow| {
        goal.outcome.status == Status::Missed
            && match args.fail_on_miss {
                None => false,
                Some(FailOn::Any) => true,
                Some(FailOn::Binding) => goal.outcome.binding,
            }
    };
    let mut goals = reports
        .iter()
        .flat_map(|p| &p.reports)
        .flat_map(|r| &r.goals);
    if goals.any(fails) {
        Outcome::GoalMissed
    } else {
        Outcome::Done
    }
}

/// Which missed goals `--fail-on-miss` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// Any goal.
    Any,
    /// Binding goals (`binding = true`, 约束性) only.
    Binding,
}
