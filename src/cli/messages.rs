//! What the command line says when the report or its rendering refuses:
//! the library's errors in the words of the options a user typed. Flag
//! names appear here and nowhere below the command line.

use anyhow::anyhow;

use crate::render::{Misfit, RenderError};
use crate::report::chart::ChartError;
use crate::report::metric::MetricError;
use crate::report::review::AsOfError;
use crate::words::known_ids;

/// `--metric ID`, unknown or unfit, with what would fit.
pub(super) fn metric(error: MetricError) -> anyhow::Error {
    anyhow!(
        "--metric {}: {error}; {}: {}",
        error.id,
        error.need.fitting(),
        known_ids(&error.fitting)
    )
}

pub(super) fn chart(error: ChartError) -> anyhow::Error {
    match error {
        ChartError::Metric(error) => metric(error),
        ChartError::NothingToDraw => {
            anyhow!("{error}; add one, or use `dabiao report` for the paths")
        }
    }
}

pub(super) fn as_of(error: AsOfError) -> anyhow::Error {
    anyhow!("--as-of {}: {error}", error.year())
}

/// An option that does not fit the format, with the fix.
pub(super) fn misfit(misfit: Misfit) -> anyhow::Error {
    anyhow!(match misfit {
        Misfit::Bom =>
            "--bom applies to CSV output only: add --format csv, or drop --bom".to_owned(),
        Misfit::RawCsv => {
            "--raw-csv applies to CSV output only: add --format csv, or drop --raw-csv".to_owned()
        }
        Misfit::Color => {
            "--color applies to the terminal table only: drop it, or use --format table".to_owned()
        }
        Misfit::Layout => {
            "--layout applies to the years table in CSV: add --format csv --table years".to_owned()
        }
        Misfit::EveryTable { default, other } => format!(
            "a CSV file holds one table: use --table {default} (the default for CSV) \
             or --table {other}, or --format json for both"
        ),
        Misfit::NotATable => {
            "explain writes sentences or data: use --format table, markdown or json".to_owned()
        }
        Misfit::Terminal => "--format xlsx writes a binary workbook, which a terminal cannot \
                             show: add -o FILE.xlsx, or redirect standard output to a file"
            .to_owned(),
        Misfit::Wide => {
            "--wide applies to the terminal table: CSV, JSON and workbooks always hold every \
             column; drop --wide"
                .to_owned()
        }
    })
}

/// The warning for a PNG whose Chinese text no font could draw, with the
/// fonts to install.
pub(super) fn missing_glyphs(missing: &[char]) -> String {
    const SHOWN: usize = 12;
    let mut shown: String = missing.iter().take(SHOWN).collect();
    if missing.len() > SHOWN {
        shown.push('…');
    }
    format!(
        "warning: no font on this machine draws Chinese ({shown}), so the PNG shows boxes \
         in its place; install a CJK font (Debian and Ubuntu: fonts-noto-cjk; Fedora: \
         google-noto-sans-cjk-fonts; Alpine: font-noto-cjk) and draw it again, or write \
         SVG, which the browser draws with its own fonts"
    )
}

/// A failure to write is the output's own (see `output`), named there after
/// the file or standard output.
pub(super) fn render(error: RenderError) -> anyhow::Error {
    match error {
        RenderError::Misfit(m) => misfit(m),
        RenderError::Write(e) => e.into(),
        other => other.into(),
    }
}
