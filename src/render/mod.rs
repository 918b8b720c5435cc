//! Turning the reports into text, or a workbook. Each kind of report
//! implements [`Render`] once: the document people read, the records of a
//! table (and which tables a workbook holds), and the JSON; [`render`]
//! picks the format, checks that the options fit it, and writes. Records
//! and JSON are made as they are written, so that CSV and JSON output is
//! never held whole, and a workbook takes each row once. One module per
//! format (`table`, `markdown`, `csv`, `json`, `xlsx`, and `chart` for the
//! SVG, which `png` rasterizes; `fit` fits the terminal table to the
//! terminal's width); what they share lives in `number` (how a value is
//! written), `crate::words` (every word people read, one folder per
//! language), `document` (the titled tables and paragraphs of the
//! human-readable formats) and `records` (the fields of CSV rows and JSON
//! objects, named once for both). What each command shows is in `report`,
//! `sensitivity`, `explain`, `review` (the review and its year-by-year
//! history) and `odds`, which implement [`Render`].
//!
//! A new format is one module and one [`Format`]; a new report is one
//! implementation of [`Render`].
//!
//! Renderers read only `crate::report`: every number they show is computed
//! there, and the test at the end of this file keeps it so.

pub mod chart;
mod csv;
pub mod document;
mod explain;
mod fit;
pub mod json;
mod markdown;
mod number;
mod odds;
mod plans;
pub(crate) mod png;
pub mod records;
pub mod report;
mod review;
pub mod sensitivity;
mod table;
mod xlsx;

use std::fmt;
use std::io::{self, Write};

use thiserror::Error;

use crate::report::ReportHeader;
pub(crate) use crate::words::Words;
use crate::words::cli::CliWords;
pub use crate::words::{Lang, Sheet};
use document::Document;
use json::Json;
pub use number::Precision;
use records::Records;
use table::TerminalOptions;

/// What one kind of report is in each form a format can take.
pub trait Render {
    /// The tables a run may choose among; [`Nothing`] when there is one.
    type TableChoice: Copy;
    /// The one table of the report a CSV file holds.
    type OneTable;

    /// Which table a one-table format holds for the `table` chosen and the
    /// `layout` of its years: refused when every table is chosen, when the
    /// table has no years to lay out, or when the report is not a table at
    /// all. Needs no report, so that it is asked before any work.
    fn one_table(
        table: Option<Self::TableChoice>,
        layout: Option<Layout>,
    ) -> Result<Self::OneTable, Misfit>;

    /// Whether the `table` chosen is a single table whose rows several
    /// plans shown together join into one, each row led by its plan's name
    /// (`report --table summary`); otherwise each plan keeps its sections.
    /// Needs no report, like [`Render::one_table`].
    fn one_grid(_table: Option<Self::TableChoice>) -> bool {
        false
    }

    /// For people: drawn as the terminal table or as Markdown, every table
    /// when none is chosen.
    fn document(&self, table: Option<Self::TableChoice>, options: &TextOptions) -> Document;

    /// The tables a workbook holds for the `table` chosen (every one when
    /// none is), each with its sheet, in sheet order; refused when the
    /// report is not a table. Needs no report, like [`Render::one_table`].
    fn sheets(table: Option<Self::TableChoice>) -> Result<Vec<(Self::OneTable, Sheet)>, Misfit>;

    /// For spreadsheets: one table's records, made as they are written.
    fn records(&self, table: Self::OneTable) -> Records<'_>;

    /// The header of each scenario's report, in order: the plan's title,
    /// source, years and scenarios, which a workbook's properties name
    /// without building the whole document.
    fn headers(&self) -> Vec<&ReportHeader>;

    /// For programs: the whole report, or the tables chosen, made as it is
    /// written.
    fn json(&self, table: Option<Self::TableChoice>, precision: Precision) -> Json<'_>;
}

/// Nothing to choose, or no table to hold: a type with no values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nothing {}

/// The form of the output (`--format`). `--help` lists the values without
/// the notes below (`help = None`): the option's own help says enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The terminal table: the document drawn in box-drawing characters,
    /// for people (the default).
    #[value(help = None::<&str>)]
    Table,
    /// One table of records as comma-separated values, for spreadsheets.
    #[value(help = None::<&str>)]
    Csv,
    /// The whole report as one JSON object, for programs.
    #[value(help = None::<&str>)]
    Json,
    /// The document as Markdown, for reports and issue trackers.
    #[value(help = None::<&str>)]
    Markdown,
    /// An Excel workbook: a sheet per table, numbers as numbers, for
    /// spreadsheets; never to a terminal.
    #[value(help = None::<&str>)]
    Xlsx,
}

/// How a table of years is laid out in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// One row per metric and year: easy to filter and pivot.
    Long,
    /// One row per metric, one column per year: as a spreadsheet shows it.
    Wide,
}

/// When to colour the status cells of the terminal table. `--help` lists
/// the values without these notes (`help = None`): `--color` says them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set (the default).
    #[value(help = None::<&str>)]
    Auto,
    /// Wherever the output goes.
    #[value(help = None::<&str>)]
    Always,
    /// Nowhere.
    #[value(help = None::<&str>)]
    Never,
}

/// What a run asks of its output, as asked: [`render`] refuses what does
/// not fit the format rather than ignoring it.
#[derive(Debug, Clone, Copy)]
pub struct Options<T> {
    /// The language people read: of headers, labels and sentences.
    pub lang: Lang,
    /// Decimals of computed figures: by default as many as each needs for
    /// people (see `number::needed_decimals`), every digit for programs.
    /// Figures the plan writes are shown as written whatever it says.
    pub precision: Option<u8>,
    /// Which of its tables the report shows: every one by default, but CSV
    /// holds one.
    pub table: Option<T>,
    /// How CSV lays out a table of years.
    pub layout: Option<Layout>,
    /// Start CSV with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// Write CSV text cells as they are, even those a spreadsheet would run
    /// as formulas (see `csv`).
    pub raw_csv: bool,
    /// When to colour the terminal table; `auto` when not asked.
    pub color: Option<ColorWhen>,
    /// A trend mark (▁▂▃▅▇) per metric in the terminal's years table.
    pub sparkline: bool,
    /// Every column of the terminal table, however wide the table.
    pub wide: bool,
    /// Where the output goes: decides colour `auto` and fitting to the
    /// terminal's width.
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
    /// The width the terminal table is fitted to: the terminal's, or the
    /// one asked for; none where tables are drawn whole (a pipe, a file).
    pub width: Option<usize>,
}

impl<T> Options<T> {
    /// The options of the documents people read.
    fn text(&self, format: Format) -> TextOptions {
        TextOptions {
            lang: self.lang,
            precision: self.precision.map(usize::from),
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
        let Destination {
            terminal,
            no_color,
            width,
        } = self.destination;
        TerminalOptions {
            color: match self.color.unwrap_or(ColorWhen::Auto) {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => terminal && !no_color,
            },
            width: width.filter(|_| !self.wide),
        }
    }
}

/// Options of the documents people read (terminal table and Markdown).
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// The language of every word shown.
    pub lang: Lang,
    /// The decimals `--precision` asks for, if it does.
    pub precision: Option<usize>,
    /// A trend mark (▁▂▃▅▇) per metric in the years table.
    pub sparkline: bool,
}

impl TextOptions {
    /// Decimals of the figures that are not a metric's values (rates,
    /// attainment, deviations): as asked, else two.
    pub fn decimals(&self) -> usize {
        self.precision.unwrap_or(number::DEFAULT_DECIMALS)
    }

    /// Decimals of a computed value `x` of a metric whose goal is written
    /// with `stated` decimals: as asked, else as many as it needs.
    pub fn value_decimals(&self, x: f64, stated: usize) -> usize {
        self.precision
            .unwrap_or_else(|| number::needed_decimals(x, stated))
    }
}

/// An option that does not fit the format, or a format the report cannot
/// take.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Misfit {
    /// A byte-order mark was asked for another format than CSV.
    Bom,
    /// Raw CSV cells (`--raw-csv`) were asked for another format than CSV.
    RawCsv,
    /// Colour was asked for another format than the terminal table.
    Color,
    /// A layout was asked for another format than CSV, or for a table
    /// without years.
    Layout,
    /// Every table was chosen; `default` and `other` name the two a CSV
    /// file can hold, as they are chosen.
    EveryTable {
        /// The table CSV holds when none is chosen.
        default: String,
        /// The other table.
        other: String,
    },
    /// CSV was asked of a report that has no table (`explain`).
    NotATable,
    /// A workbook was asked for standard output, and that is a terminal,
    /// which cannot show its bytes.
    Terminal,
    /// Every column is asked for where every column is always written.
    Wide,
}

impl Misfit {
    /// The misfit in `words`, with the fix, in the options' own names.
    pub(crate) fn say(&self, words: &dyn CliWords) -> String {
        match self {
            Misfit::Bom => words.bom_misfit(),
            Misfit::RawCsv => words.raw_csv_misfit(),
            Misfit::Color => words.color_misfit(),
            Misfit::Layout => words.layout_misfit(),
            Misfit::EveryTable { default, other } => words.every_table_misfit(default, other),
            Misfit::NotATable => words.not_a_table_misfit(),
            Misfit::Terminal => words.terminal_misfit(),
            Misfit::Wide => words.wide_misfit(),
        }
    }
}

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En.cli()))
    }
}

/// The name a table is chosen by.
fn table_name(table: impl clap::ValueEnum) -> String {
    table
        .to_possible_value()
        .map_or_else(String::new, |value| value.get_name().to_owned())
}

/// The sheets whose table is chosen, in order.
fn chosen<T>(sheets: impl IntoIterator<Item = (bool, (T, Sheet))>) -> Vec<(T, Sheet)> {
    sheets
        .into_iter()
        .filter_map(|(chosen, sheet)| chosen.then_some(sheet))
        .collect()
}

/// A table without years has nothing to lay out.
fn no_layout(layout: Option<Layout>) -> Result<(), Misfit> {
    layout.map_or(Ok(()), |_| Err(Misfit::Layout))
}

/// Why a report was not written.
#[derive(Debug, Error)]
pub enum RenderError {
    /// An option does not fit the format.
    Misfit(#[from] Misfit),
    /// The chart's drawing library failed; what it said.
    Draw(String),
    /// The chart is too large for a PNG's pixels.
    TooLargeForPng,
    /// The workbook could not be made; what its writer said.
    Workbook(String),
    /// A table has more columns than a sheet holds.
    TooManyColumns {
        /// The sheet's name.
        sheet: String,
        /// The table's columns.
        columns: usize,
        /// The most a sheet holds.
        max: usize,
    },
    /// A table has more rows than a sheet holds.
    TooManyRows {
        /// The sheet's name.
        sheet: String,
        /// The table's rows.
        rows: usize,
        /// The most a sheet holds, below its header.
        max: usize,
    },
    /// Writing the text to its destination failed.
    Write(#[from] io::Error),
}

impl RenderError {
    /// The failure in `words`. A failure to write is said without the
    /// destination, which the writer of the output names instead.
    pub(crate) fn say(&self, words: &dyn CliWords) -> String {
        match self {
            RenderError::Misfit(misfit) => misfit.say(words),
            RenderError::Draw(error) => words.cannot_draw(error),
            RenderError::TooLargeForPng => words.too_large_for_png(),
            RenderError::Workbook(error) => words.cannot_write_workbook(error),
            RenderError::TooManyColumns {
                sheet,
                columns,
                max,
            } => words.too_many_sheet_columns(sheet, *columns, *max),
            RenderError::TooManyRows { sheet, rows, max } => {
                words.too_many_sheet_rows(sheet, *rows, *max)
            }
            RenderError::Write(_) => words.cannot_write_output(),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En.cli()))
    }
}

/// Refuses options that do not fit `format`, rather than ignoring them.
/// Needs no report, so that a run refused for its options does no work.
pub fn check<R: Render + ?Sized>(
    format: Format,
    options: &Options<R::TableChoice>,
) -> Result<(), Misfit> {
    match format {
        Format::Csv => R::one_table(options.table, options.layout).map(drop)?,
        _ if options.layout.is_some() => return Err(Misfit::Layout),
        Format::Xlsx if options.destination.terminal => return Err(Misfit::Terminal),
        Format::Xlsx => R::sheets(options.table).map(drop)?,
        _ => {}
    }
    if options.bom && format != Format::Csv {
        return Err(Misfit::Bom);
    }
    if options.raw_csv && format != Format::Csv {
        return Err(Misfit::RawCsv);
    }
    if options.color.is_some() && format != Format::Table {
        return Err(Misfit::Color);
    }
    // Markdown, like a table that is not fitted, always has every column.
    if options.wide && matches!(format, Format::Csv | Format::Json | Format::Xlsx) {
        return Err(Misfit::Wide);
    }
    Ok(())
}

/// Writes `report` to `out` in `format`, once the options are found to fit.
/// CSV and JSON are written as they are made, a row or an item at a time;
/// the table and Markdown need every row of a table to size its columns.
pub fn render<R: Render + ?Sized>(
    report: &R,
    format: Format,
    options: &Options<R::TableChoice>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    check::<R>(format, options)?;
    match format {
        Format::Table => {
            let document = report.document(options.table, &options.text(format));
            table::draw(document, options.terminal(), options.lang.words(), out)?
        }
        Format::Markdown => {
            let document = report.document(options.table, &options.text(format));
            out.write_all(markdown::draw(document).as_bytes())?
        }
        Format::Csv => csv::write(
            report.records(R::one_table(options.table, options.layout)?),
            csv::CsvOptions {
                precision: options.data_precision(),
                bom: options.bom,
                raw: options.raw_csv,
            },
            out,
        )?,
        Format::Json => json::write(&report.json(options.table, options.data_precision()), out)?,
        // A workbook is bytes, made whole before they are written.
        Format::Xlsx => out.write_all(&xlsx::workbook(report, options)?)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{self, Write};
    use std::path::Path;

    use super::report::GoalTableChoice;
    use super::*;
    use crate::report::review::{ReviewHistory, ReviewReport};
    use crate::report::{GoalReport, Method};

    /// Counts what is written, and the largest single write.
    #[derive(Default)]
    struct Writes {
        total: usize,
        largest: usize,
    }

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.total += buf.len();
            self.largest = self.largest.max(buf.len());
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What `render` writes of `report` in `format`, counted.
    fn writes<R: Render + ?Sized>(
        report: &R,
        format: Format,
        table: Option<R::TableChoice>,
    ) -> Writes {
        let options = Options {
            lang: Lang::En,
            precision: None,
            table,
            layout: None,
            bom: false,
            raw_csv: false,
            color: None,
            sparkline: false,
            wide: false,
            destination: Destination::default(),
        };
        let mut out = Writes::default();
        render(report, format, &options, &mut out).expect("rendered");
        out
    }

    /// Whether `out` came in pieces, never as one text of the whole output.
    fn in_pieces(out: &Writes) -> bool {
        out.total > 100_000 && out.largest <= 16 * 1024
    }

    /// CSV and JSON reach the writer in pieces as they are made, never as
    /// one text of the whole output: the report's, and the review's at the
    /// latest figures and year by year.
    #[test]
    fn csv_and_json_are_written_as_they_are_made() {
        let metrics: String = (0..2_000)
            .map(|i| {
                format!(
                    "[metrics.m{i}]\nbaseline = {}\ngrowth = \"5%\"\ntarget = 1\n\
                     actual = {{ 2016 = {}, 2017 = {} }}\n",
                    i + 1,
                    i + 2,
                    i + 3
                )
            })
            .collect();
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        let plans = crate::load_plan(&text, "p.toml", &Default::default(), crate::Keep::Asked)
            .expect("a valid plan");
        let reports: Vec<GoalReport> = plans.scenarios.iter().map(GoalReport::build).collect();
        for (format, table) in [
            (Format::Csv, GoalTableChoice::Summary),
            (Format::Csv, GoalTableChoice::Years),
            (Format::Json, GoalTableChoice::All),
        ] {
            let out = writes(reports.as_slice(), format, Some(table));
            assert!(
                in_pieces(&out),
                "{format:?} {table:?}: {} bytes, the largest write {}",
                out.total,
                out.largest
            );
        }
        let reviews: Vec<ReviewReport> = plans
            .scenarios
            .iter()
            .map(|s| ReviewReport::build(s, None, Method::Plan).expect("a review"))
            .collect();
        let histories: Vec<ReviewHistory> = plans
            .scenarios
            .iter()
            .map(|s| ReviewHistory::build(s, Method::Plan))
            .collect();
        for format in [Format::Csv, Format::Json] {
            let review = writes(reviews.as_slice(), format, None);
            let history = writes(histories.as_slice(), format, None);
            for (what, out) in [("review", review), ("history", history)] {
                assert!(
                    in_pieces(&out),
                    "{what} {format:?}: {} bytes, the largest write {}",
                    out.total,
                    out.largest
                );
            }
        }
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
        let offences: Vec<String> = crate::source_files(dir)
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
