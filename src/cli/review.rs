//! `dabiao review [FILE]`: the mid-term review, one screen: where each goal
//! stands at the latest actual figure, and the class an assessment method
//! gives it; or, with `--history`, the class it would have had in each year
//! with a figure.

use anyhow::Result;
use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::Outcome;
use super::messages::Refusal;
use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use crate::render::Lang;
use crate::render::records::method_key;
use crate::report::Method;
use crate::report::review::{ReviewHistory, ReviewReport};

/// Review the plan against its actual figures: for each goal the latest
/// figure, its deviation from the plan path, progress against the plan
/// path's and against time elapsed, the rate achieved so far against the
/// rate needed from now, and the class an assessment method gives it.
#[derive(Args, Debug)]
pub(super) struct ReviewArgs {
    #[command(flatten)]
    plan: PlanArgs,

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
    pub out: OutputArgs,
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
        args.out.check::<[ReviewHistory]>(&args.plan, &options)?;
        let reports: Vec<ReviewHistory> = args
            .plan
            .load()?
            .iter()
            .map(|projected| ReviewHistory::build(projected, args.method))
            .collect();
        args.out.write(reports.as_slice(), &options)?;
        return Ok(Outcome::Done);
    }
    args.out.check::<[ReviewReport]>(&args.plan, &options)?;
    let reports = args
        .plan
        .load()?
        .iter()
        .map(|projected| {
            ReviewReport::build(projected, args.as_of, args.method)
                .map_err(|error| Refusal::AsOf(error).into())
        })
        .collect::<Result<Vec<_>>>()?;
    args.out.write(reports.as_slice(), &options)?;
    Ok(Outcome::Done)
}
