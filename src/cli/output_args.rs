//! The output options shared by every command that prints a report:
//! format, file, precision, byte-order mark, raw CSV cells, language,
//! colour and width; and the writing of a report with them.
//!
//! The terminal table is fitted to the width of standard output: the
//! `COLUMNS` environment variable when it is a positive number, else the
//! terminal's. `COLUMNS` is honoured through a pipe too: a shell sets it
//! without exporting it, so it reaches dabiao only when asked for
//! (`COLUMNS=100 dabiao | less`), and the README's examples show fitted
//! tables by setting it. Piped without it, or written with `-o`, tables
//! are drawn whole.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::messages::Refusal;
use super::output;
use super::plan_args::Inputs;
use crate::render::{self, ColorWhen, Destination, Format, Lang, Layout, Options, Render};

#[derive(Args, Debug)]
pub(super) struct OutputArgs {
    /// Output format [default: xlsx when -o names a .xlsx file, else table].
    #[arg(short, long, value_enum)]
    format: Option<Format>,

    /// Write to this file (atomically) instead of standard output; `-` or /dev/stdout is standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Decimals to show [default: 2 for table and markdown, full precision for csv and json].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=20))]
    precision: Option<u8>,

    /// Start CSV with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.
    #[arg(long)]
    bom: bool,

    /// Write CSV text cells as they are: by default a name, unit or scenario starting with =, +, - or @ (which a spreadsheet would run as a formula) is written after an apostrophe.
    #[arg(long)]
    raw_csv: bool,

    #[command(flatten)]
    pub(super) lang: LangArg,

    /// Colour the status cells of the table: auto (the default) means only on a terminal and when NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorWhen>,

    /// Show every column of the table, however wide, rather than fitting it to the terminal (or COLUMNS).
    #[arg(long)]
    wide: bool,
}

/// `--lang`, which every command takes: the language of what it writes and
/// of its messages.
#[derive(Args, Debug)]
pub(super) struct LangArg {
    /// Language of labels, headers, status words and messages [default: from LC_ALL, LC_MESSAGES or LANG, else the system's].
    #[arg(long, value_enum)]
    pub(super) lang: Option<Lang>,
}

/// `--lang` when given, else the language of the locale.
pub(super) fn lang_or_locale(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(Lang::of_locale)
}

impl OutputArgs {
    /// The options as given in `lang`, with the report's own `--table` and
    /// `--layout`.
    pub(super) fn options<T>(
        &self,
        lang: Lang,
        table: Option<T>,
        layout: Option<Layout>,
    ) -> Options<T> {
        let stdout = self.file().is_none();
        let terminal = stdout && std::io::stdout().is_terminal();
        let width = stdout
            .then(|| {
                let columns = std::env::var("COLUMNS").ok();
                let measured = || {
                    terminal
                        .then(terminal_size::terminal_size)
                        .flatten()
                        .map(|(width, _)| usize::from(width.0))
                };
                fitted_width(columns.as_deref(), measured)
            })
            .flatten();
        Options {
            lang,
            precision: self.precision,
            table,
            layout,
            bom: self.bom,
            raw_csv: self.raw_csv,
            color: self.color,
            sparkline: false,
            wide: self.wide,
            destination: Destination {
                terminal,
                no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
                width,
            },
        }
    }

    /// The format asked, or the one the output file's name asks: a
    /// workbook for `.xlsx`, else the terminal table.
    pub(super) fn format(&self) -> Format {
        self.format.unwrap_or(if self.names_a_workbook() {
            Format::Xlsx
        } else {
            Format::Table
        })
    }

    fn names_a_workbook(&self) -> bool {
        self.file()
            .and_then(Path::extension)
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    }

    /// Refuses options that do not fit the format, rather than ignoring
    /// them, text into a file named as a workbook, and an output file that
    /// is one of the inputs: before any work.
    pub(super) fn check<R: Render + ?Sized>(
        &self,
        inputs: &dyn Inputs,
        options: &Options<R::TableChoice>,
    ) -> Result<()> {
        let format = self.format();
        render::check::<R>(format, options).map_err(Refusal::Misfit)?;
        if self.names_a_workbook() && format != Format::Xlsx {
            let file = self.file().unwrap_or(Path::new("")).display().to_string();
            return Err(Refusal::NamesAWorkbook { file }.into());
        }
        match self.file() {
            Some(out) => inputs.refuse_overwriting(out),
            None => Ok(()),
        }
    }

    /// Writes `report` in the format asked, where asked, as it is rendered.
    pub(super) fn write<R: Render + ?Sized>(
        &self,
        report: &R,
        options: &Options<R::TableChoice>,
    ) -> Result<()> {
        output::emit_with(self.file(), |out| {
            render::render(report, self.format(), options, out).map_err(super::messages::render)
        })
    }

    /// The output file, unless the output is standard output.
    fn file(&self) -> Option<&Path> {
        self.output
            .as_deref()
            .filter(|p| !output::is_standard_output(p))
    }
}

/// The width standard output's tables fit: `columns` (the COLUMNS variable)
/// when it is a positive number, as other tools read it, else the width
/// `measured` of the terminal.
fn fitted_width(columns: Option<&str>, measured: impl FnOnce() -> Option<usize>) -> Option<usize> {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(measured)
}

#[cfg(test)]
mod tests {
    use super::fitted_width;

    #[test]
    fn columns_is_read_when_it_is_a_positive_number() {
        let terminal = || Some(120);
        assert_eq!(fitted_width(Some("80"), terminal), Some(80));
        assert_eq!(fitted_width(Some(" 100 "), || None), Some(100));
        for ignored in ["0", "-80", "wide", "", "80.5", "99999999999999999999999"] {
            assert_eq!(
                fitted_width(Some(ignored), terminal),
                Some(120),
                "{ignored:?}"
            );
            assert_eq!(fitted_width(Some(ignored), || None), None, "{ignored:?}");
        }
        assert_eq!(fitted_width(None, terminal), Some(120));
        assert_eq!(fitted_width(None, || None), None);
    }
}
