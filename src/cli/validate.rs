//! `dabiao validate [FILE]`: check a plan without computing a report.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Outcome, input, output};

/// Check a plan file: print a one-line summary and exit 0, or list its problems and exit 2.
#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Plan file to check; `-` reads standard input.
    #[arg(default_value = "targets.toml")]
    file: PathBuf,
}

pub fn run(args: &ValidateArgs) -> Result<Outcome> {
    let scenarios = input::load(&args.file, &Default::default())?;
    let plan = &scenarios[0].scenario.plan;
    let extra = match scenarios.len() - 1 {
        0 => String::new(),
        n => format!(", {}", count(n, "scenario")),
    };
    let summary = format!(
        "{}: valid plan: {}, {}, {}–{} ({}){extra}\n",
        input::display_name(&args.file),
        count(plan.metrics.len(), "metric"),
        count(plan.goal_count(), "goal"),
        plan.base_year,
        plan.target_year,
        count(plan.horizon(), "projected year"),
    );
    output::emit(None, &summary)?;
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
