//! `dabiao chart [FILE] -o FILE.svg|FILE.png`: each metric's path against
//! its goal, as SVG or, drawn with the machine's fonts, as PNG. The file's
//! extension chooses, and any other is refused: a picture never lands in a
//! file named for another kind.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::messages::Refusal;
use super::odds::SimulationArgs;
use super::output_args::LangArg;
use super::plan_args::PlanArgs;
use super::{Outcome, messages, output};
use crate::render::{self, Lang};
use crate::report::chart::Chart;

/// Draw each metric's path against its level goal, as small multiples in SVG or PNG.
///
/// One panel per metric with a level goal, or with a change, increase or
/// rate goal drawn as the level it implies, in file order: the path with a
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

    /// Draw only this metric (repeatable) [default: every metric with a goal to draw].
    #[arg(long, value_name = "ID")]
    metric: Vec<String>,

    #[command(flatten)]
    pub(super) lang: LangArg,

    /// Shade each metric's 10–90 % and 25–75 % bands around the path of the first scenario, from the simulation `dabiao odds` runs.
    #[arg(long)]
    fan: bool,

    #[command(flatten)]
    simulation: SimulationArgs,
}

pub(super) fn run(args: &ChartArgs, lang: Lang) -> Result<Outcome> {
    let to_stdout = output::is_standard_output(&args.output);
    let picture = if to_stdout {
        Picture::Svg
    } else {
        args.plan.refuse_overwriting(&args.output)?;
        Picture::of(&args.output)?
    };
    if !args.fan && args.simulation.given() {
        return Err(Refusal::SimulationUnused { flag: "--fan" }.into());
    }
    let scenarios = args.plan.load()?;
    let mut chart = Chart::build(&scenarios, &args.metric).map_err(messages::chart)?;
    if args.fan {
        let first = scenarios.get(..1).unwrap_or_default();
        if let Some(odds) = args.simulation.odds(first)?.first() {
            chart = chart.with_fan(odds);
        }
    }
    let svg = render::chart::svg(&chart, lang).map_err(messages::render)?;
    let bytes = match picture {
        Picture::Svg => svg.into_bytes(),
        Picture::Png => {
            let png = render::png::png(&svg).map_err(messages::render)?;
            if !png.missing.is_empty() {
                eprintln!("{}", messages::missing_glyphs(&png.missing, lang));
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
            other => Err(Refusal::PictureExtension {
                path: path.display().to_string(),
                extension: other.map(str::to_owned),
            }
            .into()),
        }
    }
}
