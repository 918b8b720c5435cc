//! `dabiao explain [FILE]`: plan-consistency notes, in sentences or as data.

use anyhow::Result;
use clap::Args;

use super::Outcome;
use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use crate::render::Lang;
use crate::report::explain::ExplainReport;

/// Check the plan's own numbers against each other, as a careful reader would.
///
/// For a metric with a level and a rate goal: whether the rate reaches the
/// level, the rate the level needs, and the base-year value both imply. For a
/// level goal alone: the rate (or yearly increment) it needs against the
/// metric's own. For a share: how much faster its numerator must grow than its
/// denominator, against the plan.
#[derive(Args, Debug)]
pub(super) struct ExplainArgs {
    #[command(flatten)]
    plan: PlanArgs,

    #[command(flatten)]
    pub(super) out: OutputArgs,
}

pub(super) fn run(args: &ExplainArgs, lang: Lang) -> Result<Outcome> {
    let options = args.out.options(lang, None, None);
    args.out.check::<[ExplainReport]>(&args.plan, &options)?;
    let reports: Vec<ExplainReport> = args.plan.load()?.iter().map(ExplainReport::build).collect();
    args.out.write(reports.as_slice(), &options)?;
    Ok(Outcome::Done)
}
