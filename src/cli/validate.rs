//! `dabiao validate [FILE…]`: check plans without computing a report, and
//! warn of what is valid but likely not meant.

use std::path::Path;

use anyhow::Result;
use clap::Args;

use super::output_args::LangArg;
use super::plan_set::{PlanSetArgs, Plans};
use super::{Outcome, input, output, print_error};
use crate::calc::explain;
use crate::plan::Plan;
use crate::render::{self, Lang};
use crate::words::cli::Summary;
use crate::{Keep, Loaded};

/// Check plan files, or folders of them (with any --set, and --actuals for one plan): print a one-line summary per plan and exit 0 (warning of change goals that let a fall be smaller), or list the problems and exit 2.
#[derive(Args, Debug)]
pub(super) struct ValidateArgs {
    #[command(flatten)]
    plans: PlanSetArgs,

    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// A valid plan: its summary line and its warnings, in the run's language.
struct Checked {
    name: String,
    line: String,
    warnings: Vec<String>,
}

pub(super) fn run(args: &ValidateArgs, lang: Lang) -> Result<Outcome> {
    let words = lang.cli();
    match args.plans.plans()? {
        Plans::One(path) => {
            let loaded = args.plans.load_one_keeping(&path, Keep::Base)?;
            let checked = check(&path, &loaded, lang);
            for warning in &checked.warnings {
                eprintln!("{}", words.warning_line(warning));
            }
            output::emit(None, checked.line.as_bytes())?;
            super::leave_to_exit(loaded);
            Ok(Outcome::Done)
        }
        Plans::Several(files) => {
            let (checked, refused) = args.plans.load_each(&files, Keep::Base, |path, loaded| {
                check(path, &loaded, lang)
            })?;
            for plan in &checked {
                for warning in &plan.warnings {
                    eprintln!(
                        "{}",
                        words.warning_line(&words.in_plan(&plan.name, warning))
                    );
                }
            }
            let lines: String = checked.iter().map(|plan| plan.line.as_str()).collect();
            output::emit(None, lines.as_bytes())?;
            if refused.0.is_empty() {
                Ok(Outcome::Done)
            } else {
                print_error(&refused.into(), lang);
                Ok(Outcome::Refused)
            }
        }
    }
}

/// The summary and warnings of the plan read from `path`.
fn check(path: &Path, loaded: &Loaded, lang: Lang) -> Checked {
    let plan = &loaded.scenarios[0].scenario.plan;
    let name = input::display_name(path);
    let summary = Summary {
        name: name.clone(),
        metrics: plan.metrics.len(),
        goals: plan.goal_count(),
        base_year: plan.base_year,
        target_year: plan.target_year,
        projected_years: plan.horizon(),
        scenarios: loaded.names.len() - 1,
        actual_figures: plan.metrics.iter().map(|m| m.actual.len()).sum(),
        history_figures: plan.metrics.iter().map(|m| m.history.len()).sum(),
    };
    Checked {
        name,
        line: lang.cli().valid_plan(&summary) + "\n",
        warnings: falls(plan, lang),
    }
}

/// A warning for each change goal of at least a fall
/// (`change_target = -0.135`): valid, and so not refused, but a smaller
/// fall or a rise meets it, which a plan saying 下降13.5%以上 does not mean.
fn falls(plan: &Plan, lang: Lang) -> Vec<String> {
    (0..plan.metrics.len())
        .filter_map(|index| explain::fall_at_most(plan, index))
        .map(|fall| render::fall_at_most(&plan.metrics[fall.metric].name, fall.change, lang))
        .collect()
}
