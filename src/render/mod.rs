//! Turning the reports into text. Each kind of report implements
//! [`Render`] once: the document people read, the records of a table, and
//! the JSON value; [`render`] picks the format, checks that the options fit
//! it, and writes. One module per format (`table`, `markdown`, `csv`,
//! `json`, and `chart` for the SVG); what they share lives in `number` (how
//! a value is written), `words` (every word people read, one file per
//! language), `document` (the titled tables and paragraphs of the
//! human-readable formats) and `records` (the fields of CSV rows and JSON
//! objects, named once for both). What each command shows is in `report`,
//! `sensitivity`, `explain`, `review` and `odds`, the five implementations.
//!
//! A new format is one module and one [`Format`]; a new report is one
//! implementation of [`Render`].
//!
//! Renderers read only `crate::report`: every number they show is computed
//! there, and the test at the end of this file keeps it so.

pub mod chart;
pub mod csv;
pub mod document;
pub mod explain;
pub mod json;
pub mod markdown;
pub mod number;
pub mod odds;
pub mod records;
pub mod report;
pub mod review;
pub mod sensitivity;
pub mod table;
pub mod words;

use std::io::{self, Write};

use serde_json::Value;
use thiserror::Error;

use document::Document;
pub use number::Precision;
use records::Records;
use table::TerminalOptions;
pub use words::{Lang, Words};

/// What one kind of report is in each form a format can take.
pub trait Render {
    /// The tables a run may choose among; [`Nothing`] when there is one.
    type Table: Copy;
    /// The one table of the report a CSV file holds.
    type OneTable;

    /// Which table a one-table format holds for the `table` chosen and the
    /// `layout` of its years: refused when every table is chosen, when the
    /// table has no years to lay out, or when the report is not a table at
    /// all. Needs no report, so that it is asked before any work.
    fn one_table(
        table: Option<Self::Table>,
        layout: Option<Layout>,
    ) -> Result<Self::OneTable, Misfit>;

    /// For people: drawn as the terminal table or as Markdown, every table
    /// when none is chosen.
    fn document(&self, table: Option<Self::Table>, options: &TextOptions) -> Document;

    /// For spreadsheets: one table's records.
    fn records(&self, table: Self::OneTable) -> Records;

    /// For programs: the whole report, or the tables chosen.
    fn json(&self, table: Option<Self::Table>, precision: Precision) -> Value;
}

/// Nothing to choose, or no table to hold: a type with no values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nothing {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

/// How a table of years is laid out in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// One row per metric and year: easy to filter and pivot.
    Long,
    /// One row per metric, one column per year: as a spreadsheet shows it.
    Wide,
}

/// When to colour the status cells of the terminal table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What a run asks of its output, as asked: [`render`] refuses what does
/// not fit the format rather than ignoring it.
#[derive(Debug, Clone, Copy)]
pub struct Options<T> {
    pub lang: Lang,
    /// Decimals to show: 2 by default for people, every digit for programs.
    pub precision: Option<u8>,
    /// Which of its tables the report shows: every one by default, but CSV
    /// holds one.
    pub table: Option<T>,
    /// How CSV lays out a table of years.
    pub layout: Option<Layout>,
    /// Start CSV with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// When to colour the terminal table; `auto` when not asked.
    pub color: Option<ColorWhen>,
    /// A trend mark (▁▂▃▅▇) per metric in the terminal's years table.
    pub sparkline: bool,
    pub destination: Destination,
}

/// Where the output goes, as the caller found it: colour `auto` and
/// fitting wide tables depend on it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Destination {
    /// Standard output, and a terminal.
    pub terminal: bool,
    /// The NO_COLOR environment variable is set (and not empty).
    pub no_color: bool,
}

impl<T> Options<T> {
    /// Decimals in the documents people read.
    pub fn decimals(&self) -> usize {
        self.precision.map_or(2, usize::from)
    }

    /// The options of the documents people read.
    fn text(&self, format: Format) -> TextOptions {
        TextOptions {
            lang: self.lang,
            decimals: self.decimals(),
            // Only the terminal's years table carries the trend mark.
            sparkline: self.sparkline && format == Format::Table,
        }
    }

    /// The precision of CSV and JSON.
    fn data_precision(&self) -> Precision {
        self.precision
            .map_or(Precision::Full, |p| Precision::Decimals(p.into()))
    }

    fn terminal(&self) -> TerminalOptions {
        let Destination { terminal, no_color } = self.destination;
        TerminalOptions {
            color: match self.color.unwrap_or(ColorWhen::Auto) {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => terminal && !no_color,
            },
            fit_terminal: terminal,
        }
    }
}

/// Options of the documents people read (terminal table and Markdown).
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    pub lang: Lang,
    pub decimals: usize,
    /// A trend mark (▁▂▃▅▇) per metric in the years table.
    pub sparkline: bool,
}

/// An option that does not fit the format, or a format the report cannot
/// take.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Misfit {
    #[error("a byte-order mark starts CSV only")]
    Bom,
    #[error("colour applies to the terminal table only")]
    Color,
    #[error("a layout applies to a table of years in CSV only")]
    Layout,
    /// Every table was chosen; `default` and `other` name the two a CSV
    /// file can hold, as they are chosen.
    #[error("a CSV file holds one table: {default} (the default) or {other}")]
    EveryTable { default: String, other: String },
    #[error("the report is sentences or data, not a table")]
    NotATable,
}

/// The name a table is chosen by.
fn table_name(table: impl clap::ValueEnum) -> String {
    table
        .to_possible_value()
        .map_or_else(String::new, |value| value.get_name().to_owned())
}

/// A table without years has nothing to lay out.
fn no_layout(layout: Option<Layout>) -> Result<(), Misfit> {
    layout.map_or(Ok(()), |_| Err(Misfit::Layout))
}

#[derive(Debug, Error)]
pub enum RenderError {
    #[error(transparent)]
    Misfit(#[from] Misfit),
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    #[error("cannot write the output")]
    Write(#[from] io::Error),
}

/// Refuses options that do not fit `format`, rather than ignoring them.
/// Needs no report, so that a run refused for its options does no work.
pub fn check<R: Render + ?Sized>(
    format: Format,
    options: &Options<R::Table>,
) -> Result<(), Misfit> {
    match format {
        Format::Csv => R::one_table(options.table, options.layout).map(drop)?,
        _ if options.layout.is_some() => return Err(Misfit::Layout),
        _ => {}
    }
    if options.bom && format != Format::Csv {
        return Err(Misfit::Bom);
    }
    if options.color.is_some() && format != Format::Table {
        return Err(Misfit::Color);
    }
    Ok(())
}

/// Writes `report` to `out` in `format`, once the options are found to fit.
pub fn render<R: Render + ?Sized>(
    report: &R,
    format: Format,
    options: &Options<R::Table>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    check::<R>(format, options)?;
    let text = match format {
        Format::Table => table::draw(
            &report.document(options.table, &options.text(format)),
            options.terminal(),
        ),
        Format::Markdown => markdown::draw(report.document(options.table, &options.text(format))),
        Format::Csv => csv::write(
            &report.records(R::one_table(options.table, options.layout)?),
            options.data_precision(),
            options.bom,
        ),
        Format::Json => json::to_text(&report.json(options.table, options.data_precision())),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every file under `dir`, with its text.
    fn sources(dir: &Path) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the render folder is readable") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                found.extend(sources(&path));
            } else {
                let text = std::fs::read_to_string(&path).expect("a source file is text");
                found.push((path.display().to_string(), text));
            }
        }
        found
    }

    /// Which of `calc` and `plan` `text` names, as in `crate::calc::x` or
    /// `crate::{calc, plan::y}`.
    fn crate_modules(text: &str) -> Vec<String> {
        let ident = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        let mut named = Vec::new();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            match rest.strip_prefix('{') {
                Some(group) => {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    named.extend(group.split(',').map(ident));
                }
                None => named.push(ident(rest)),
            }
        }
        named.retain(|name| name == "calc" || name == "plan");
        named
    }

    /// Renderers read only the report, so that a new format never reaches
    /// into the arithmetic or the plan: what they need, `report` gives.
    #[test]
    fn renderers_name_neither_calc_nor_plan() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/render"));
        let offences: Vec<String> = sources(dir)
            .into_iter()
            .filter_map(|(file, text)| {
                // Tests may build what they render from a plan.
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                let named = crate_modules(code);
                (!named.is_empty()).then(|| format!("{file} names crate::{}", named.join(", ")))
            })
            .collect();
        assert!(
            offences.is_empty(),
            "render reads only the report:\n{}",
            offences.join("\n")
        );
    }

    #[test]
    fn crate_modules_are_found_in_paths_and_groups() {
        assert_eq!(crate_modules("use crate::calc::Status;"), ["calc"]);
        assert_eq!(
            crate_modules("use crate::{\n    plan::Goal,\n    report,\n};"),
            ["plan"]
        );
        assert!(crate_modules("use crate::report::{Goal, Status};").is_empty());
    }
}
