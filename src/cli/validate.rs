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
    let (plan, _) = input::load(&args.file)?;
    let summary = format!(
        "{}: valid plan: {} metrics, {} goals, {}–{} ({} projected years)\n",
        input::display_name(&args.file),
        plan.metrics.len(),
        plan.goal_count(),
        plan.base_year,
        plan.target_year,
        plan.horizon()
    );
    output::emit(None, &summary)?;
    Ok(Outcome::Done)
}
