//! The output options shared by every command that prints a report:
//! format, file, precision, byte-order mark, language and colour.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use super::output;
use super::plan_args::PlanArgs;
use crate::render::table::TerminalOptions;
use crate::render::{Lang, Precision, Tables, TextOptions};

#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output; `-` or /dev/stdout is standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Decimals to show [default: 2 for table and markdown, full precision for csv and json].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=20))]
    precision: Option<u8>,

    /// Start CSV with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.
    #[arg(long)]
    pub bom: bool,

    /// Language of labels, headers and status words [default: from LC_ALL, LC_MESSAGES or LANG].
    #[arg(long, value_enum)]
    lang: Option<Lang>,

    /// Colour the status cells of the table: auto (the default) means only on a terminal and when NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorWhen>,
}

/// `--lang` when given, else the language of the locale variables.
pub fn lang_or_locale(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(|| Lang::from_locale(|var| std::env::var(var).ok()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl OutputArgs {
    /// Refuses options that do not apply to the format, rather than ignoring
    /// them, and an output file that is one of the inputs.
    pub fn check(&self, plan: &PlanArgs) -> Result<()> {
        if self.bom && self.format != Format::Csv {
            bail!("--bom applies to CSV output only: add --format csv, or drop --bom");
        }
        if self.color.is_some() && self.format != Format::Table {
            bail!("--color applies to the terminal table only: drop it, or use --format table");
        }
        match self.file() {
            Some(out) => plan.refuse_overwriting(out),
            None => Ok(()),
        }
    }

    /// The output file, unless the output is standard output.
    fn file(&self) -> Option<&Path> {
        self.output
            .as_deref()
            .filter(|p| !output::is_standard_output(p))
    }

    pub fn emit(&self, text: &str) -> Result<()> {
        output::emit(self.file(), text)
    }

    pub fn lang(&self) -> Lang {
        lang_or_locale(self.lang)
    }

    /// The options of the human-readable formats, with every table and no
    /// sparkline; `report` adjusts them.
    pub fn text_options(&self) -> TextOptions {
        TextOptions {
            lang: self.lang(),
            decimals: self.decimals(),
            tables: Tables::All,
            sparkline: false,
        }
    }

    /// Decimals in the table and Markdown.
    pub fn decimals(&self) -> usize {
        self.precision.map_or(2, usize::from)
    }

    /// Precision in CSV and JSON.
    pub fn precision(&self) -> Precision {
        self.precision
            .map_or(Precision::Full, |p| Precision::Decimals(p.into()))
    }

    /// Colour and width for the table, from where the output goes.
    pub fn terminal(&self) -> TerminalOptions {
        let to_terminal = self.file().is_none() && std::io::stdout().is_terminal();
        let color = match self.color.unwrap_or(ColorWhen::Auto) {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        TerminalOptions {
            color,
            fit_terminal: to_terminal,
        }
    }
}
