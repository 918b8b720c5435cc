//! `dabiao review [FILE…]`: the mid-term review, one screen: where each goal
//! stands at the latest actual figure, and the class an assessment method
//! gives it; or, with `--history`, the class it would have had in each year
//! with a figure.

use anyhow::Result;
use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::messages::Refusal;
use super::output_args::OutputArgs;
use super::plan_set::{PlanSetArgs, Plans};
use super::{Outcome, print_error};
use crate::ProjectedScenario;
use crate::render::records::method_key;
use crate::render::{Lang, Options, Render};
use crate::report::Method;
use crate::report::review::{ReviewHistory, ReviewReport};

/// Review the plan against its actual figures: for each goal the latest
/// figure, its deviation from the plan path, progress against the plan
/// path's and against time elapsed, the rate achieved so far against the
/// rate needed from now, and the class an assessment method gives it.
#[derive(Args, Debug)]
pub(super) struct ReviewArgs {
    #[command(flatten)]
    plans: PlanSetArgs,

    /// Review the plan as it stood at the end of this year, setting later figures aside.
    #[arg(long, value_name = "YEAR", conflicts_with = "history")]
    as_of: Option<i32>,

    /// How to judge each goal: as the plan path does (the default), or as a
    /// statistical office does.
    #[arg(long, value_enum, value_name = "NAME", default_value_t = Method::Plan)]
    method: Method,

    /// The verdict in each year with an actual figure, on the figures published by then.
    #[arg(long)]
    history: bool,

    #[command(flatten)]
    pub(super) out: OutputArgs,
}

/// The methods by the names `--method` takes, each with its source.
impl ValueEnum for Method {
    fn value_variants<'a>() -> &'a [Self] {
        &Method::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Method::Plan => "against the plan path and the pace so far",
            Method::Statcan => {
                "Statistics Canada and Eurostat: the rate so far over the rate needed"
            }
            Method::Unsd => {
                "the UN SDG Progress Chart: the share of the way covered by the target year"
            }
            Method::Destatis => {
                "Destatis' weather: the five-year trend extrapolated in a straight line"
            }
            Method::Ndrc => "China's mid-term evaluations: 提前实现, 快于预期, 基本符合预期, 滞后",
        };
        Some(PossibleValue::new(method_key(*self)).help(help))
    }
}

pub(super) fn run(args: &ReviewArgs, lang: Lang) -> Result<Outcome> {
    let options = args.out.options(lang, None, None);
    if args.history {
        review::<ReviewHistory>(args, &options, |projected| {
            Ok(ReviewHistory::build(projected, args.method))
        })
    } else {
        review::<ReviewReport>(args, &options, |projected| {
            ReviewReport::build(projected, args.as_of, args.method)
                .map_err(|error| Refusal::AsOf(error).into())
        })
    }
}

/// Reviews each plan's chosen scenarios with `build` and writes the
/// reviews: one plan's as a run on it alone, several plans' each under
/// its name.
fn review<T: Send>(
    args: &ReviewArgs,
    options: &Options<<[T] as Render>::TableChoice>,
    build: impl Fn(&ProjectedScenario) -> Result<T> + Sync,
) -> Result<Outcome>
where
    [T]: Render,
    <[T] as Render>::OneTable: Copy,
{
    args.out.check::<[T]>(&args.plans, options)?;
    let build_all = |scenarios: Vec<ProjectedScenario>| scenarios.iter().map(&build).collect();
    match args.plans.plans()? {
        Plans::One(path) => {
            let reports: Vec<T> = build_all(args.plans.load_one(&path)?)?;
            args.out.write(reports.as_slice(), options)?;
        }
        Plans::Several(files) => {
            let reported = args.plans.report_each(&files, build_all)?;
            args.out.write(reported.reports.as_slice(), options)?;
            if !reported.refused.0.is_empty() {
                print_error(&reported.refused.into(), options.lang);
                return Ok(Outcome::Refused);
            }
        }
    }
    Ok(Outcome::Done)
}
