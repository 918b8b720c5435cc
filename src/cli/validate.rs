//! `dabiao validate [FILE]`: check a plan without computing a report, and
//! warn of what is valid but likely not meant.

use anyhow::Result;
use clap::Args;

use super::output_args::LangArg;
use super::plan_args::PlanArgs;
use super::{Outcome, input, output};
use crate::Keep;
use crate::calc::explain;
use crate::plan::Plan;
use crate::render::{self, Lang};
use crate::words::cli::Summary;

/// Check a plan file (with any --set and --actuals): print a one-line summary and exit 0 (warning of change goals that let a fall be smaller), or list its problems and exit 2.
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
    warn_of_falls(plan, lang);
    let line = lang.cli().valid_plan(&summary) + "\n";
    output::emit(None, line.as_bytes())?;
    Ok(Outcome::Done)
}

/// Warns, on standard error, of each change goal of at least a fall
/// (`change_target = -0.135`): valid, and so not refused, but a smaller
/// fall or a rise meets it, which a plan saying 下降13.5%以上 does not mean.
fn warn_of_falls(plan: &Plan, lang: Lang) {
    for index in 0..plan.metrics.len() {
        if let Some(fall) = explain::fall_at_most(plan, index) {
            let name = &plan.metrics[index].name;
            let words = lang.cli();
            eprintln!(
                "{}",
                words.warning_line(&render::fall_at_most(name, fall.change, lang))
            );
        }
    }
}
