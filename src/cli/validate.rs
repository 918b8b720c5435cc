//! `dabiao validate [FILE]`: check a plan without computing a report.

use anyhow::Result;
use clap::Args;

use super::output_args::LangArg;
use super::plan_args::PlanArgs;
use super::{Outcome, input, output};
use crate::Keep;
use crate::render::Lang;
use crate::words::cli::Summary;

/// Check a plan file (with any --set and --actuals): print a one-line summary and exit 0, or list its problems and exit 2.
#[derive(Args, Debug)]
pub(super) struct ValidateArgs {
    #[command(flatten)]
    plan: PlanArgs,

    #[command(flatten)]
    pub(super) lang: LangArg,
}

pub(super) fn run(args: &ValidateArgs, lang: Lang) -> Result<Outcome> {
    let loaded = args.plan.load_keeping(Keep::Base)?;
    let plan = &loaded.scenarios[0].scenario.plan;
    let summary = Summary {
        name: input::display_name(&args.plan.file),
        metrics: plan.metrics.len(),
        goals: plan.goal_count(),
        base_year: plan.base_year,
        target_year: plan.target_year,
        projected_years: plan.horizon(),
        scenarios: loaded.names.len() - 1,
        actual_figures: plan.metrics.iter().map(|m| m.actual.len()).sum(),
        history_figures: plan.metrics.iter().map(|m| m.history.len()).sum(),
    };
    let line = lang.cli().valid_plan(&summary) + "\n";
    output::emit(None, line.as_bytes())?;
    super::leave_to_exit(loaded);
    Ok(Outcome::Done)
}
