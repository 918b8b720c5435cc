//! `dabiao sensitivity [FILE]`: how each goal responds to growth, and the
//! exact growth at which it flips between missed and reached.

use anyhow::Result;
use clap::Args;

use super::Outcome;
use super::messages::Refusal;
use super::output_args::OutputArgs;
use super::plan_args::PlanArgs;
use crate::calc::noise::significant;
use crate::calc::sensitivity::Sweep;
use crate::plan::parse_rate_argument;
use crate::render::sensitivity::SensitivityTableChoice;
use crate::render::{Format, Lang};
use crate::report::sensitivity::{self, SensitivityReport};
use crate::words::cli::Held;

/// Sweep growth rates and find where each goal flips between missed and reached.
///
/// By default every compound metric's growth is shifted by the same amount,
/// from -5 % to +5 % in steps of 1 %. With --metric, one metric's own growth
/// is set to each rate instead, and the goals it moves are shown.
#[derive(Args, Debug)]
pub(super) struct SensitivityArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Sweep only this compound metric's growth, as absolute rates.
    #[arg(long, value_name = "ID")]
    metric: Option<String>,

    /// First point, a rate as in the plan (`-5%`, `0.1`) [default: -5%, or with --metric its rate - 5%].
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    from: Option<String>,

    /// Last point [default: +5%, or with --metric its rate + 5%].
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    to: Option<String>,

    /// Distance between points [default: 1%].
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    step: Option<String>,

    /// Which table to show [default: all; grid for csv, which holds one table].
    #[arg(long, value_enum)]
    table: Option<SensitivityTableChoice>,

    #[command(flatten)]
    pub(super) out: OutputArgs,
}

/// A sweep may have at most this many points: 100 % in steps of 0.01 %.
const MAX_POINTS: usize = 10_001;

/// At most this many cells (goals × points, over every scenario run) in
/// CSV and JSON, which are written as they are made, and in a workbook,
/// which takes each row once as it is made: the grid is held as 16 bytes a
/// cell, 320 MB at most.
const MAX_CELLS: u64 = 20_000_000;

/// At most this many in a workbook, whose grid sheet holds a cell a row
/// under its header: more is refused before any work, not once the sheet
/// is full.
const MAX_SHEET_CELLS: u64 = 1_048_575;

/// At most this many in the table and Markdown, which hold every cell as
/// text to size their columns (about 350 bytes a cell, 350 MB at most); a
/// grid larger than this is not for reading anyway.
const MAX_DOCUMENT_CELLS: u64 = 1_000_000;

pub(super) fn run(args: &SensitivityArgs, lang: Lang) -> Result<Outcome> {
    let options = args.out.options(lang, args.table, None);
    args.out
        .check::<[SensitivityReport]>(&args.plan, &options)?;
    let scenarios = args.plan.load()?;
    let sweep =
        sensitivity::sweep(&scenarios[0], args.metric.as_deref()).map_err(Refusal::Metric)?;
    let origin = sweep.origin(&scenarios[0].scenario.plan);
    let points = points(args, origin, sweep == Sweep::UniformShift)?;
    // The break-even table alone shows no cell of the grid.
    let grid = args.table != Some(SensitivityTableChoice::BreakEven);
    let held = match args.out.format() {
        Format::Table | Format::Markdown if grid => Held::AsText,
        Format::Xlsx if grid => Held::InASheet,
        _ => Held::AsData,
    };
    let limit = match held {
        Held::AsText => MAX_DOCUMENT_CELLS,
        Held::InASheet => MAX_SHEET_CELLS.min(MAX_CELLS),
        Held::AsData => MAX_CELLS,
    };
    sensitivity::check_size(&scenarios, sweep, points.len(), limit).map_err(|error| {
        Refusal::TooManyCells {
            error,
            held,
            limit,
            data_limit: MAX_CELLS,
        }
    })?;
    let reports: Vec<SensitivityReport> = scenarios
        .iter()
        .map(|s| SensitivityReport::build(s, sweep, &points))
        .collect();
    args.out.write(reports.as_slice(), &options)?;
    Ok(Outcome::Done)
}

/// The points of the sweep, from --from to --to by --step.
fn points(args: &SensitivityArgs, origin: f64, uniform: bool) -> Result<Vec<f64>> {
    let rate = |flag: &'static str, text: &Option<String>, default: f64| -> Result<f64> {
        text.as_deref().map_or(Ok(default), |t| {
            parse_rate_argument(t).map_err(|why| {
                let text = t.to_owned();
                Refusal::RateArgument { flag, text, why }.into()
            })
        })
    };
    // In --metric mode the default window is centred on the metric's rate,
    // rounded to a whole percent so that the columns read cleanly.
    let centre = (origin * 100.0).round() / 100.0;
    let (from, to) = (
        rate("from", &args.from, centre - 0.05)?,
        rate("to", &args.to, centre + 0.05)?,
    );
    let step = rate("step", &args.step, 0.01)?;
    if step <= 0.0 {
        return Err(Refusal::StepNotPositive.into());
    }
    if to < from {
        return Err(Refusal::RangeReversed.into());
    }
    if !uniform && from <= -1.0 {
        let from = args.from.clone().unwrap_or_default();
        return Err(Refusal::RateAtMostMinus100 { from }.into());
    }
    // Counted as a float first: a tiny step must not overflow the count.
    let steps = ((to - from) / step + 1e-9).floor();
    if steps + 1.0 > MAX_POINTS as f64 {
        // `--step 1e-300` would otherwise print a count of 300 digits.
        let count = (steps < 1e9).then(|| steps as u64 + 1);
        return Err(Refusal::TooManyPoints {
            step: args.step.as_deref().unwrap_or("1%").to_owned(),
            count,
            max: MAX_POINTS,
        }
        .into());
    }
    Ok((0..=steps as usize)
        .map(|i| significant(from + i as f64 * step))
        .collect())
}
