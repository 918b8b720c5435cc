//! `dabiao odds [FILE]`: how likely each goal is, from simulated growth;
//! and the simulation options that `report --odds` and `chart --fan` share.

use anyhow::Result;
use clap::Args;

use super::Outcome;
use super::messages::Refusal;
use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use crate::ProjectedScenario;
use crate::render::Lang;
use crate::report::odds::{OddsReport, Uncertainty};

/// How likely each goal is: the plan simulated many times, each metric with
/// a `volatility` straying from its growth year by year.
///
/// For every goal, the share of paths meeting it at the target year, the
/// 10th, 50th and 90th percentiles of what it is judged on, and for level
/// goals of the first year it holds (searched up to 30 years after the
/// target year). The plan's `[uncertainty]` table sets paths, seed and
/// correlation; the same seed always gives the same odds.
#[derive(Args, Debug)]
pub(super) struct OddsArgs {
    #[command(flatten)]
    plan: PlanArgs,

    #[command(flatten)]
    simulation: SimulationArgs,

    #[command(flatten)]
    pub(super) out: OutputArgs,
}

/// What the command line may change of the plan's `[uncertainty]`.
#[derive(Args, Debug)]
pub(super) struct SimulationArgs {
    /// Simulated paths, 100 to 100000000 [default: the plan's `[uncertainty] paths`, else 100000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(100..=100_000_000))]
    paths: Option<u64>,

    /// Seed of the random numbers, 0 to 9223372036854775807: the same seed gives the same odds [default: the plan's, else 20160204].
    #[arg(long, value_name = "S", value_parser = clap::value_parser!(u64).range(0..=i64::MAX as u64))]
    seed: Option<u64>,
}

impl SimulationArgs {
    /// Whether either option was given.
    pub(super) fn given(&self) -> bool {
        self.paths.is_some() || self.seed.is_some()
    }

    /// Each scenario's odds, simulated as its plan says with the command
    /// line's changes.
    pub(super) fn odds(&self, scenarios: &[ProjectedScenario]) -> Result<Vec<OddsReport>> {
        scenarios
            .iter()
            .map(|projected| {
                let plan = projected.scenario.plan.uncertainty;
                let uncertainty = Uncertainty {
                    paths: self.paths.unwrap_or(plan.paths),
                    seed: self.seed.unwrap_or(plan.seed),
                    ..plan
                };
                OddsReport::build(projected, uncertainty)
                    .map_err(|error| Refusal::Odds(error).into())
            })
            .collect()
    }
}

/// Simulates each scenario asked for and writes its odds.
pub(super) fn run(args: &OddsArgs, lang: Lang) -> Result<Outcome> {
    let options = args.out.options(lang, None, None);
    args.out.check::<[OddsReport]>(&args.plan, &options)?;
    let reports = args.simulation.odds(&args.plan.load()?)?;
    args.out.write(reports.as_slice(), &options)?;
    Ok(Outcome::Done)
}
