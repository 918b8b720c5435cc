//! `dabiao validate [FILE]`: check a plan without computing a report.

use anyhow::Result;
use clap::Args;

use super::plan_args::PlanArgs;
use super::{Outcome, input, output};
use crate::Keep;

/// Check a plan file (with any --set and --actuals): print a one-line summary and exit 0, or list its problems and exit 2.
#[derive(Args, Debug)]
pub(super) struct ValidateArgs {
    #[command(flatten)]
    plan: PlanArgs,
}

pub(super) fn run(args: &ValidateArgs) -> Result<Outcome> {
    let loaded = args.plan.load_keeping(Keep::Base)?;
    let plan = &loaded.scenarios[0].scenario.plan;
    let figures: usize = plan.metrics.iter().map(|m| m.actual.len()).sum();
    let history: usize = plan.metrics.iter().map(|m| m.history.len()).sum();
    let mut extra = String::new();
    if loaded.names.len() > 1 {
        extra.push_str(&format!(", {}", count(loaded.names.len() - 1, "scenario")));
    }
    if figures > 0 {
        extra.push_str(&format!(", {}", count(figures, "actual figure")));
    }
    if history > 0 {
        extra.push_str(&format!(", {}", count(history, "history figure")));
    }
    let summary = format!(
        "{}: valid plan: {}, {}, {}–{} ({}){extra}\n",
        input::display_name(&args.plan.file),
        count(plan.metrics.len(), "metric"),
        count(plan.goal_count(), "goal"),
        plan.base_year,
        plan.target_year,
        count(plan.horizon(), "projected year"),
    );
    output::emit(None, summary.as_bytes())?;
    super::leave_to_exit(loaded);
    Ok(Outcome::Done)
}

/// "1 metric", "8 metrics".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
