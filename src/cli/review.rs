//! `dabiao review [FILE]`: the mid-term review, one screen: where each goal
//! stands at the latest actual figure, and a verdict.

use anyhow::Result;
use clap::Args;

use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use super::{Outcome, messages};
use crate::report::review::ReviewReport;

/// Review the plan against its actual figures: for each goal the latest
/// figure, its deviation from the plan path, progress against time elapsed,
/// the rate achieved so far against the rate needed from now, and a verdict
/// (on track, behind schedule, already reached, or out of reach at the rate
/// so far).
#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Review the plan as it stood at the end of this year, setting later figures aside.
    #[arg(long, value_name = "YEAR")]
    as_of: Option<i32>,

    #[command(flatten)]
    out: OutputArgs,
}

pub fn run(args: &ReviewArgs) -> Result<Outcome> {
    let options = args.out.options(None, None);
    args.out.check::<[ReviewReport]>(&args.plan, &options)?;
    let scenarios = args.plan.load()?;
    let reports = scenarios
        .iter()
        .map(|projected| ReviewReport::build(projected, args.as_of).map_err(messages::as_of))
        .collect::<Result<Vec<_>>>()?;
    args.out.write(reports.as_slice(), &options)?;
    Ok(Outcome::Done)
}
