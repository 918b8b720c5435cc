//! `dabiao chart [FILE] -o FILE.svg|FILE.png`: each metric's path against
//! its goal, as SVG or, drawn with the machine's fonts, as PNG. The file's
//! extension chooses, and any other is refused: a picture never lands in a
//! file named for another kind.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use super::odds::SimulationArgs;
use super::output_args::lang_or_locale;
use super::plan_args::PlanArgs;
use super::{Outcome, messages, output};
use crate::render::{self, Lang};
use crate::report::chart::Chart;

/// Draw each metric's path against its level goal, as small multiples in SVG or PNG.
///
/// One panel per metric with a level goal, in file order: the path with a
/// marker per year (actual figures filled), the goal as a line (a band for
/// `about` goals), the target year, and the status. With several scenarios,
/// one line each and a legend. With `--fan`, the spread of the simulated
/// paths around the first scenario's.
#[derive(Args, Debug)]
pub(super) struct ChartArgs {
    #[command(flatten)]
    plan: PlanArgs,

    /// Where to write the chart (atomically): FILE.svg, or FILE.png drawn with the system's fonts; `-` or /dev/stdout writes the SVG to standard output.
    #[arg(short, long, value_name = "FILE.svg|FILE.png")]
    output: PathBuf,

    /// Draw only this metric (repeatable) [default: every metric with a level goal].
    #[arg(long, value_name = "ID")]
    metric: Vec<String>,

    /// Language of the labels and of the plan's problems [default: from LC_ALL, LC_MESSAGES or LANG].
    #[arg(long, value_enum)]
    pub(super) lang: Option<Lang>,

    /// Shade each metric's 10–90 % and 25–75 % bands around the path of the first scenario, from the simulation `dabiao odds` runs.
    #[arg(long)]
    fan: bool,

    #[command(flatten)]
    simulation: SimulationArgs,
}

pub(super) fn run(args: &ChartArgs) -> Result<Outcome> {
    let to_stdout = output::is_standard_output(&args.output);
    let picture = if to_stdout {
        Picture::Svg
    } else {
        args.plan.refuse_overwriting(&args.output)?;
        Picture::of(&args.output)?
    };
    if !args.fan && args.simulation.given() {
        bail!("--paths and --seed set the simulation of --fan: add --fan, or drop them");
    }
    let scenarios = args.plan.load()?;
    let mut chart = Chart::build(&scenarios, &args.metric).map_err(messages::chart)?;
    if args.fan {
        let first = scenarios.get(..1).unwrap_or_default();
        if let Some(odds) = args.simulation.odds(first)?.first() {
            chart = chart.with_fan(odds);
        }
    }
    let svg = render::chart::svg(&chart, lang_or_locale(args.lang))?;
    let bytes = match picture {
        Picture::Svg => svg.into_bytes(),
        Picture::Png => {
            let png = render::png::png(&svg)?;
            if !png.missing.is_empty() {
                eprintln!("{}", messages::missing_glyphs(&png.missing));
            }
            png.bytes
        }
    };
    output::emit((!to_stdout).then_some(args.output.as_path()), &bytes)?;
    Ok(Outcome::Done)
}

/// What the output file's extension asks for.
enum Picture {
    Svg,
    Png,
}

impl Picture {
    fn of(path: &Path) -> Result<Picture> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("svg") => Ok(Picture::Svg),
            Some("png") => Ok(Picture::Png),
            other => bail!(
                "--output {}: a chart is written as SVG or PNG, and the file's extension \
                 says which, but {}; name the file .svg or .png",
                path.display(),
                other.map_or_else(
                    || "this name has none".to_owned(),
                    |e| format!(".{e} is neither")
                )
            ),
        }
    }
}
