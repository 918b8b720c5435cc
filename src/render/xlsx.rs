//! Excel workbooks (.xlsx), written with rust_xlsxwriter: one sheet per
//! table of the report, as its records hold it, so that a workbook says
//! what CSV says, table by table. Numbers stay numbers, shown with a format
//! (rates and attainment as percentages, values with two decimals, or none
//! for a metric whose values are all whole, or `--precision`'s); sheet and
//! header names follow the language; the header row is frozen and
//! filtered; columns are as wide as their text, Chinese counted double;
//! status and verdict cells are filled green, amber or red. A workbook that
//! holds a report's goals and years also gets a Charts sheet: a native line
//! chart per metric with a level goal, its path (one line per scenario)
//! against the goal.
//!
//! Each table's records are taken once, row by row, as CSV takes them; what
//! a later row changes (a metric's first value with decimals) is written
//! again over the cells it concerns. Text is written as text, never as a
//! formula, so a name starting with `=` needs no apostrophe, unlike CSV.
//!
//! The records' keys (`required_rate`) name the columns through
//! [`Column`]; the keys that say which columns hold the goals and the years
//! come from `records`, where CSV and JSON take them.

use std::collections::{HashMap, HashSet};

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker,
    ChartMarkerType, ChartType, Color, DocProperties, Format, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::document::{Tone, level_text, opening, scenario_lines};
use super::number::{Precision, decimals_unlike, number, telling, written_decimals};
use super::records::{Field, LABEL_COLUMNS, Records, goal_kind_key, op_key, status_key};
use super::review::verdict_tone;
use super::words::{Column, Sheet, Words};
use super::{Options, Render, RenderError};
use crate::report::{Comparison, Goal, GoalKind, Status};

/// The most rows a worksheet holds, header included.
const MAX_ROWS: usize = 1_048_576;

/// The most columns a worksheet holds.
const MAX_COLUMNS: usize = 16_384;

/// Column widths, in characters, within which every column is fitted.
const WIDTHS: (usize, usize) = (6, 60);

/// Excel's own "Good", "Neutral" and "Bad" cell styles: fill, then text.
const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
const NEUTRAL: (u32, u32) = (0xFFEB9C, 0x9C5700);
const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);

/// A chart's size in pixels, and how many stand side by side.
const CHART_SIZE: (u32, u32) = (520, 320);
const CHARTS_PER_ROW: u32 = 2;
/// The rows a chart takes at the default row height of 20 pixels, with a gap.
const ROWS_PER_CHART: u32 = 17;

const PATH_COLORS: [u32; 5] = [0x1F5B99, 0xD66E14, 0x2C8C46, 0x8046A0, 0xAA3C3C];
const GOAL_COLOR: u32 = 0x787878;

/// The workbook of `report`, as the options choose its tables.
pub(super) fn workbook<R: Render + ?Sized>(
    report: &R,
    options: &Options<R::TableChoice>,
) -> Result<Vec<u8>, RenderError> {
    let words = options.lang.words();
    let sheets = R::sheets(options.table)?;
    let mut book = Workbook::new();
    // The plan's title and the lines under it, as the documents open.
    let headers = report.headers();
    let mut opening = opening(&headers, words, None);
    opening.preamble.extend(scenario_lines(&headers, words));
    let mut properties = DocProperties::new().set_comment(opening.preamble.join("\n"));
    if let Some(title) = &opening.title {
        properties = properties.set_title(title);
    }
    book.set_properties(&properties);
    let styles = Styles::new(options.precision);
    let mut found = Found::default();
    for (table, sheet) in sheets {
        let name = words.sheet(sheet);
        let worksheet = book.add_worksheet().set_name(name).map_err(failed)?;
        write_table(
            worksheet,
            name,
            report.records(table),
            &styles,
            words,
            &mut found,
        )?;
    }
    if let Some(charts) = found.charts() {
        let sheet = book
            .add_worksheet()
            .set_name(words.sheet(Sheet::Charts))
            .map_err(failed)?;
        charts.draw(sheet, &styles, words).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn failed(error: XlsxError) -> RenderError {
    RenderError::Workbook(error.to_string())
}

/// The cell formats, made once.
struct Styles {
    header: Format,
    year: Format,
    /// Values with 0 to 20 decimals.
    values: Vec<Format>,
    /// Values too large or small for fixed decimals.
    exponent: Format,
    /// Percentages with 0 to 22 decimals.
    percents: Vec<Format>,
    /// The decimals of a percentage: 2, or `--precision`'s.
    percent_decimals: usize,
    good: Format,
    fair: Format,
    bad: Format,
    /// Decimals asked with `--precision`.
    precision: Option<usize>,
}

impl Styles {
    fn new(precision: Option<u8>) -> Styles {
        let decimals = |d: usize| match d {
            0 => String::new(),
            d => format!(".{}", "0".repeat(d)),
        };
        let precision = precision.map(usize::from);
        let tone = |(fill, text): (u32, u32)| {
            Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(text))
        };
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xEEEEEE))
                .set_border_bottom(FormatBorder::Thin),
            year: Format::new().set_num_format("0"),
            values: (0..=20)
                .map(|d| Format::new().set_num_format(format!("#,##0{}", decimals(d))))
                .collect(),
            exponent: Format::new().set_num_format(format!("0{}E+00", decimals(2))),
            percents: (0..=22)
                .map(|d| Format::new().set_num_format(format!("0{}%", decimals(d))))
                .collect(),
            percent_decimals: precision.unwrap_or(2),
            good: tone(GOOD),
            fair: tone(NEUTRAL),
            bad: tone(BAD),
            precision,
        }
    }

    /// The header's year cells are numbers too; its header is bold.
    fn header_year(&self) -> Format {
        self.header.clone().set_num_format("0")
    }

    /// The format of a value written with `decimals`.
    fn value(&self, decimals: usize) -> &Format {
        &self.values[decimals.min(20)]
    }

    /// The format of a percentage written with `decimals`.
    fn percent(&self, decimals: usize) -> &Format {
        &self.percents[decimals.min(22)]
    }
}

/// The column a record key names, for its header.
fn column(key: &str) -> Option<Column> {
    const KEYS: [(&str, Column); 44] = [
        ("scenario", Column::Scenario),
        ("metric", Column::Metric),
        ("name", Column::Name),
        ("unit", Column::Unit),
        ("goal", Column::Goal),
        ("op", Column::Op),
        ("target", Column::Target),
        ("tolerance", Column::Tolerance),
        ("base_year", Column::BaseYear),
        ("baseline", Column::Baseline),
        ("target_year", Column::TargetYear),
        ("projected", Column::Projected),
        ("status", Column::Status),
        ("gap", Column::Gap),
        ("attainment", Column::Attainment),
        ("required_rate", Column::RequiredRate),
        ("year_reached", Column::YearReached),
        ("latest_year", Column::LatestYear),
        ("latest_value", Column::LatestValue),
        ("plan_value", Column::PlanValue),
        ("deviation", Column::Deviation),
        ("progress", Column::Progress),
        ("expected_progress", Column::ExpectedProgress),
        ("time_elapsed", Column::TimeElapsed),
        ("remaining_rate", Column::RemainingRate),
        ("reference", Column::Reference),
        ("binding", Column::Binding),
        ("shift", Column::Shift),
        ("rate", Column::Rate),
        ("break_even_shift", Column::BreakEvenShift),
        ("break_even_rate", Column::BreakEvenRate),
        ("achieved_rate", Column::AchievedRate),
        ("as_of", Column::AsOf),
        ("method", Column::Method),
        ("verdict", Column::Verdict),
        ("probability", Column::Probability),
        ("p10", Column::P10),
        ("p50", Column::P50),
        ("p90", Column::P90),
        ("year_p10", Column::YearP10),
        ("year_p50", Column::YearP50),
        ("year_p90", Column::YearP90),
        ("paths", Column::Paths),
        ("seed", Column::Seed),
    ];
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

/// A column of years is keyed by its year.
fn year(key: &str) -> Option<i32> {
    key.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| key.parse().ok())
        .flatten()
}

/// The header a record key gets in the run's language; a key without a
/// word keeps its own name.
fn header<'k>(key: &'k str, words: &dyn Words) -> &'k str {
    column(key).map_or(key, |c| words.column(c))
}

/// What a text cell says about a goal: a status, or a review's verdict.
fn tone(key: &str, text: &str) -> Tone {
    let status = |s: Status| status_key(s) == text;
    match column(key) {
        Some(Column::Status) if status(Status::Reached) => Tone::Good,
        Some(Column::Status) if status(Status::Missed) => Tone::Bad,
        Some(Column::Verdict) => verdict_tone(text).unwrap_or(Tone::Plain),
        _ => Tone::Plain,
    }
}

/// One table: its header, then a row per record as the records are made,
/// frozen, filtered, fitted; what the charts need is noted in `found`.
fn write_table(
    sheet: &mut Worksheet,
    name: &str,
    records: Records<'_>,
    styles: &Styles,
    words: &dyn Words,
    found: &mut Found,
) -> Result<(), RenderError> {
    let Records { columns, rows } = records;
    if columns.len() > MAX_COLUMNS {
        return Err(RenderError::Workbook(format!(
            "the {name} table has {} columns, more than a sheet holds ({MAX_COLUMNS}); write \
             CSV instead",
            columns.len()
        )));
    }
    let mut widths: Vec<usize> = Vec::with_capacity(columns.len());
    let header_year = styles.header_year();
    for (col, key) in (0u16..).zip(&columns) {
        match year(key) {
            Some(year) => sheet.write_number_with_format(0, col, year, &header_year),
            None => sheet.write_string_with_format(0, col, header(key, words), &styles.header),
        }
        .map_err(failed)?;
        widths.push(text_width(header(key, words)) + 2);
    }
    let mut noting = found.table(name, &columns);
    let mut decimals = Decimals::new(&columns, styles.precision);
    let mut written = 0u32;
    let mut rows = rows;
    while let Some(fields) = rows.next() {
        let row = written + 1;
        if row as usize >= MAX_ROWS {
            let total = row as usize + rows.count();
            return Err(RenderError::Workbook(format!(
                "the {name} table has {total} rows, more than a sheet holds ({}); write CSV \
                 instead",
                MAX_ROWS - 1
            )));
        }
        let (row_decimals, again) = decimals.row(row, &fields);
        for Whole { row, col, x, floor } in again {
            let decimals = floor.max(2);
            sheet
                .write_number_with_format(row, col, x, styles.value(decimals))
                .map_err(failed)?;
            let width = &mut widths[usize::from(col)];
            *width = (*width).max(value_width(x, decimals));
        }
        for ((col, key), field) in (0u16..).zip(&columns).zip(&fields) {
            let shown =
                write_field(sheet, (row, col), key, field, row_decimals, styles).map_err(failed)?;
            let width = &mut widths[usize::from(col)];
            *width = (*width).max(text_width(&shown));
        }
        noting.row(row, &fields);
        written = row;
    }
    found.noted(noting);
    for (col, width) in (0u16..).zip(widths) {
        sheet
            .set_column_width(col, width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 1.0)
            .map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    let last_col = columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, written, last_col).map_err(failed)?;
    Ok(())
}

/// Whether `x` is shown with an exponent: too large or too small for fixed
/// decimals.
fn exponent(x: f64) -> bool {
    x.abs() >= 1e15 || (x != 0.0 && x.abs() < 1e-6)
}

/// The columns a value takes with `decimals`, thousands separators counted.
fn value_width(x: f64, decimals: usize) -> usize {
    let digits = number(x, Precision::Decimals(decimals));
    let separators = digits.split('.').next().map_or(0, |whole| whole.len() / 3);
    text_width(&digits) + separators
}

/// Writes one field and gives back the text it shows, for the width.
fn write_field(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    key: &str,
    field: &Field,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    Ok(match field {
        Field::Text(text) => {
            match tone(key, text) {
                Tone::Good => sheet.write_string_with_format(row, col, text, &styles.good)?,
                Tone::Fair => sheet.write_string_with_format(row, col, text, &styles.fair)?,
                Tone::Bad => sheet.write_string_with_format(row, col, text, &styles.bad)?,
                Tone::Plain => sheet.write_string(row, col, text)?,
            };
            text.clone()
        }
        Field::Int(i) => {
            sheet.write_number_with_format(row, col, *i as f64, &styles.year)?;
            i.to_string()
        }
        Field::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
            if *b { "TRUE" } else { "FALSE" }.to_owned()
        }
        // What no double holds stays blank, as in CSV.
        Field::Number(x)
        | Field::Fraction(x)
        | Field::Stated { x, .. }
        | Field::Missed { x, .. }
            if !x.is_finite() =>
        {
            String::new()
        }
        Field::Number(x)
        | Field::Stated { x, fraction: false }
        | Field::Missed {
            x, fraction: false, ..
        } if exponent(*x) => {
            sheet.write_number_with_format(row, col, *x, &styles.exponent)?;
            format!("{x:.2e}")
        }
        Field::Number(x) => write_value(sheet, (row, col), *x, decimals, styles)?,
        // A figure of the plan shows the decimals it is written with.
        Field::Stated { x, fraction: false } => {
            write_value(sheet, (row, col), *x, written_decimals(*x), styles)?
        }
        // Beside a missed goal, never rounded onto the goal.
        Field::Missed {
            x,
            fraction: false,
            unlike,
        } => {
            let decimals = decimals_unlike(*x, unlike, decimals);
            write_value(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Fraction(x) => {
            write_percent(sheet, (row, col), *x, styles.percent_decimals, styles)?
        }
        Field::Stated { x, fraction: true } => {
            let decimals = written_decimals(*x).saturating_sub(2);
            write_percent(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Missed {
            x,
            fraction: true,
            unlike,
        } => {
            // `telling` counts a fraction's decimals, two more than its
            // percentage's.
            let asked = Precision::Decimals(styles.percent_decimals);
            let decimals = match telling(*x, true, unlike, asked) {
                Precision::Decimals(d) => d.saturating_sub(2),
                Precision::Full => styles.percent_decimals,
            };
            write_percent(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Empty => String::new(),
    })
}

/// Writes a value with `decimals` and gives back the text it shows.
fn write_value(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    x: f64,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    sheet.write_number_with_format(row, col, x, styles.value(decimals))?;
    let digits = number(x, Precision::Decimals(decimals));
    // The thousands separators the format adds.
    let separators = digits.split('.').next().map_or(0, |whole| whole.len() / 3);
    Ok(format!("{digits}{}", ",".repeat(separators)))
}

/// Writes a fraction as a percentage with `decimals` and gives back the
/// text it shows.
fn write_percent(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    x: f64,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    sheet.write_number_with_format(row, col, x, styles.percent(decimals))?;
    Ok(format!(
        "{}%",
        number(x * 100.0, Precision::Decimals(decimals))
    ))
}

/// A value written without decimals, which a later row of its metric may
/// turn to two: its cell, and the decimals it needs at least (a figure
/// beside a missed goal may need some).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Whole {
    row: u32,
    col: u16,
    x: f64,
    floor: usize,
}

/// The decimals of each row's values, decided as the rows come: none for
/// a metric whose values are all whole (firms, people), in every row of
/// the table, else two. A metric's first value with decimals turns the
/// values of its earlier rows, written without, to two; `--precision`
/// decides alone.
struct Decimals {
    /// The column of metric ids; without one, each row is decided alone.
    metric: Option<usize>,
    precision: Option<usize>,
    /// The metrics with a value that has decimals.
    fractional: HashSet<String>,
    /// The cells of each metric written without decimals so far.
    whole: HashMap<String, Vec<Whole>>,
}

impl Decimals {
    fn new(columns: &[String], precision: Option<usize>) -> Decimals {
        Decimals {
            metric: columns.iter().position(|c| c == "metric"),
            precision,
            fractional: HashSet::new(),
            whole: HashMap::new(),
        }
    }

    /// The decimals of row `row`, and the cells of earlier rows to write
    /// again with two.
    fn row(&mut self, row: u32, fields: &[Field]) -> (usize, Vec<Whole>) {
        if let Some(precision) = self.precision {
            return (precision, Vec::new());
        }
        // The values written with the row's decimals.
        let values = || {
            (0u16..).zip(fields).filter_map(move |(col, f)| {
                let (x, floor) = match f {
                    Field::Number(x) => (*x, 0),
                    Field::Missed {
                        x,
                        fraction: false,
                        unlike,
                    } => (*x, decimals_unlike(*x, unlike, 0)),
                    _ => return None,
                };
                (x.is_finite() && !exponent(x)).then_some(Whole { row, col, x, floor })
            })
        };
        let whole = values().all(|w| w.x.fract() == 0.0);
        let Some(Field::Text(id)) = self.metric.and_then(|m| fields.get(m)) else {
            return (if whole { 0 } else { 2 }, Vec::new());
        };
        if self.fractional.contains(id) {
            (2, Vec::new())
        } else if !whole {
            self.fractional.insert(id.clone());
            (2, self.whole.remove(id).unwrap_or_default())
        } else {
            let cells = self.whole.entry(id.clone()).or_default();
            cells.extend(values());
            (0, Vec::new())
        }
    }
}

/// Columns a text takes in a spreadsheet: a Chinese character takes two.
fn text_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Charts beyond these many would make a workbook too slow to open; the
/// first metrics with a level goal, in file order, are charted.
const MAX_CHARTS: usize = 100;

/// What the tables written so far say about the charts: each metric's
/// level goal, as the first scenario of a table of goals has it, and where
/// each path of a table of years, one column per year, is.
#[derive(Default)]
struct Found {
    /// `None` until a table of goals is written.
    goals: Option<HashMap<String, Goal>>,
    years: Option<YearsTable>,
}

/// A table of years, one column per year, as written.
struct YearsTable {
    sheet: String,
    /// The sheet's first and last year columns, and the years.
    year_columns: (u16, u16),
    years: Vec<i32>,
    /// Each row: the scenario, then the metric's id, name and unit.
    rows: Vec<(u32, [String; 4])>,
}

/// What one table is, for the charts, as its columns say.
enum Noting {
    Other,
    /// A table of goals: the columns of `metric`, `goal`, `op`, `target`
    /// and `tolerance`, and the level goals found.
    Goals([usize; 5], HashMap<String, Goal>),
    Years(YearsTable),
}

impl Found {
    /// What to note of table `name`, whose columns are `columns`.
    fn table(&self, name: &str, columns: &[String]) -> Noting {
        let position = |key: &str| columns.iter().position(|c| c == key);
        let goal_columns = ["metric", "goal", "op", "target", "tolerance"].map(position);
        if let [Some(m), Some(g), Some(o), Some(t), Some(tol)] = goal_columns
            && self.goals.is_none()
        {
            return Noting::Goals([m, g, o, t, tol], HashMap::new());
        }
        let labels = LABEL_COLUMNS.len();
        let is_years = columns.len() > labels
            && columns[..labels].iter().eq(LABEL_COLUMNS.iter())
            && columns[labels..].iter().all(|c| year(c).is_some());
        if is_years && self.years.is_none() {
            let years: Vec<i32> = columns[labels..].iter().filter_map(|c| year(c)).collect();
            let first = labels as u16;
            return Noting::Years(YearsTable {
                sheet: name.to_owned(),
                year_columns: (first, first + years.len() as u16 - 1),
                years,
                rows: Vec::new(),
            });
        }
        Noting::Other
    }

    /// Keeps what a table noted.
    fn noted(&mut self, noting: Noting) {
        match noting {
            Noting::Goals(_, goals) => self.goals = Some(goals),
            Noting::Years(years) => self.years = Some(years),
            Noting::Other => {}
        }
    }

    /// The charts the tables allow: a metric with a level goal in the goals
    /// table and a path in the years table; none without both tables.
    fn charts(self) -> Option<Charts> {
        let (goals, years) = (self.goals?, self.years?);
        let mut metrics: Vec<Charted> = Vec::new();
        let mut charted: HashMap<&str, usize> = HashMap::new();
        for (row, [scenario, id, name, unit]) in &years.rows {
            if let Some(&index) = charted.get(id.as_str()) {
                metrics[index].rows.push((*row, scenario.clone()));
            } else if let Some(&goal) = goals.get(id)
                && metrics.len() < MAX_CHARTS
            {
                charted.insert(id, metrics.len());
                metrics.push(Charted {
                    name: name.clone(),
                    unit: unit.clone(),
                    goal,
                    rows: vec![(*row, scenario.clone())],
                });
            }
        }
        (!metrics.is_empty()).then_some(Charts {
            years_sheet: years.sheet,
            year_columns: years.year_columns,
            years: years.years,
            metrics,
        })
    }
}

impl Noting {
    /// Notes row `row` of the table.
    fn row(&mut self, row: u32, fields: &[Field]) {
        match self {
            Noting::Other => {}
            Noting::Goals([metric, goal, op, target, tolerance], goals) => {
                if text(fields, *goal) != goal_kind_key(GoalKind::Level) {
                    return;
                }
                let comparisons = [
                    Comparison::AtLeast,
                    Comparison::AtMost,
                    Comparison::About {
                        tolerance: number_in(fields, *tolerance),
                    },
                ];
                if let Some(comparison) = comparisons
                    .into_iter()
                    .find(|c| op_key(*c) == text(fields, *op))
                {
                    let value = number_in(fields, *target);
                    goals
                        .entry(text(fields, *metric).to_owned())
                        .or_insert(Goal { comparison, value });
                }
            }
            Noting::Years(years) => {
                let labels = [0, 1, 2, 3].map(|c| text(fields, c).to_owned());
                years.rows.push((row, labels));
            }
        }
    }
}

/// The text of a record's field, or nothing.
fn text(fields: &[Field], column: usize) -> &str {
    match fields.get(column) {
        Some(Field::Text(t)) => t,
        _ => "",
    }
}

/// The number of a record's field; not a number when it has none.
fn number_in(fields: &[Field], column: usize) -> f64 {
    match fields.get(column) {
        Some(
            Field::Number(x)
            | Field::Fraction(x)
            | Field::Stated { x, .. }
            | Field::Missed { x, .. },
        ) => *x,
        _ => f64::NAN,
    }
}

/// A metric's charted path: where its years are, and its level goal.
struct Charted {
    name: String,
    unit: String,
    goal: Goal,
    /// The years sheet's row of each scenario's path, with the scenario.
    rows: Vec<(u32, String)>,
}

/// The charts of a workbook that holds a report's goals and its years, one
/// column per year.
struct Charts {
    years_sheet: String,
    /// The years sheet's first and last year columns, and the years.
    year_columns: (u16, u16),
    years: Vec<i32>,
    metrics: Vec<Charted>,
}

impl Charts {
    /// The goal lines' values as a small table at the top (a chart draws
    /// only what cells hold), then the charts beneath, two to a row.
    fn draw(
        &self,
        sheet: &mut Worksheet,
        styles: &Styles,
        words: &dyn Words,
    ) -> Result<(), XlsxError> {
        sheet.write_string_with_format(0, 0, words.column(Column::Name), &styles.header)?;
        sheet.write_string_with_format(0, 1, words.goal(), &styles.header)?;
        let header_year = styles.header_year();
        for (col, year) in (2u16..).zip(&self.years) {
            sheet.write_number_with_format(0, col, *year, &header_year)?;
        }
        let mut name_width = text_width(words.column(Column::Name));
        let mut goal_width = text_width(words.goal());
        for (row, charted) in (1u32..).zip(&self.metrics) {
            let goal = level_text(&charted.goal);
            sheet.write_string(row, 0, &charted.name)?;
            sheet.write_string(row, 1, &goal)?;
            for col in (2u16..).take(self.years.len()) {
                sheet.write_number(row, col, charted.goal.value)?;
            }
            name_width = name_width.max(text_width(&charted.name));
            goal_width = goal_width.max(text_width(&goal));
        }
        sheet.set_column_width(0, name_width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 2.0)?;
        sheet.set_column_width(1, goal_width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 2.0)?;
        sheet.set_freeze_panes(1, 0)?;
        let first_chart_row = self.metrics.len() as u32 + 2;
        for (i, (goal_row, charted)) in (1u32..).zip(&self.metrics).enumerate() {
            let chart = self.chart(charted, goal_row, words);
            let i = i as u32;
            sheet.insert_chart_with_offset(
                first_chart_row + (i / CHARTS_PER_ROW) * ROWS_PER_CHART,
                0,
                &chart,
                (i % CHARTS_PER_ROW) * (CHART_SIZE.0 + 16),
                0,
            )?;
        }
        Ok(())
    }

    /// One metric's chart: a line per scenario, and the goal dashed.
    fn chart(&self, charted: &Charted, goal_row: u32, words: &dyn Words) -> Chart {
        let (first, last) = self.year_columns;
        let years_sheet = self.years_sheet.as_str();
        let mut chart = Chart::new(ChartType::Line);
        let title = if charted.unit.is_empty() {
            charted.name.clone()
        } else {
            format!("{} ({})", charted.name, charted.unit)
        };
        chart.title().set_name(&title);
        chart.set_width(CHART_SIZE.0).set_height(CHART_SIZE.1);
        chart.legend().set_position(ChartLegendPosition::Bottom);
        let several = charted.rows.len() > 1;
        for ((row, scenario), color) in charted.rows.iter().zip(PATH_COLORS.iter().cycle()) {
            let name = if several { scenario } else { &charted.name };
            chart
                .add_series()
                .set_name(name.as_str())
                .set_categories((years_sheet, 0, first, 0, last))
                .set_values((years_sheet, *row, first, *row, last))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(Color::RGB(*color))
                            .set_width(2.25),
                    ),
                )
                .set_marker(
                    ChartMarker::new()
                        .set_type(ChartMarkerType::Circle)
                        .set_size(6),
                );
        }
        let goal_name = format!("{} {}", words.goal(), level_text(&charted.goal));
        let charts_sheet = words.sheet(Sheet::Charts);
        let last_goal_col = 2 + self.years.len() as u16 - 1;
        chart
            .add_series()
            .set_name(goal_name.as_str())
            .set_categories((years_sheet, 0, first, 0, last))
            .set_values((charts_sheet, goal_row, 2, goal_row, last_goal_col))
            .set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color(Color::RGB(GOAL_COLOR))
                        .set_dash_type(ChartLineDashType::Dash),
                ),
            )
            .set_marker(ChartMarker::new().set_none());
        chart
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::GoalTableChoice;
    use crate::render::sensitivity::SensitivityTableChoice;
    use crate::render::{Destination, Format as OutputFormat, Lang, Misfit, check};
    use crate::report::GoalReport;
    use crate::report::review::{ReviewHistory, ReviewReport};
    use crate::report::sensitivity::SensitivityReport;

    fn options(terminal: bool) -> Options<GoalTableChoice> {
        Options {
            lang: Lang::En,
            precision: None,
            table: None,
            layout: None,
            bom: false,
            raw_csv: false,
            color: None,
            sparkline: false,
            wide: false,
            destination: Destination {
                terminal,
                no_color: false,
                width: None,
            },
        }
    }

    #[test]
    fn a_workbook_never_goes_to_a_terminal() {
        let xlsx = OutputFormat::Xlsx;
        assert_eq!(
            check::<[GoalReport]>(xlsx, &options(true)),
            Err(Misfit::Terminal)
        );
        assert_eq!(check::<[GoalReport]>(xlsx, &options(false)), Ok(()));
        // Text may.
        assert_eq!(
            check::<[GoalReport]>(OutputFormat::Table, &options(true)),
            Ok(())
        );
        // A workbook always holds every column.
        let wide = Options {
            wide: true,
            ..options(false)
        };
        assert_eq!(check::<[GoalReport]>(xlsx, &wide), Err(Misfit::Wide));
    }

    #[test]
    fn every_column_a_workbook_holds_has_a_header_in_each_language() {
        let keys = [
            &crate::render::records::SUMMARY_COLUMNS[..],
            &crate::render::records::LONG_YEAR_COLUMNS[..4],
            &["shift", "rate", "break_even_shift", "break_even_rate"],
            &["achieved_rate", "as_of", "method", "verdict"],
            &crate::render::odds::COLUMNS[..],
        ]
        .concat();
        for key in keys {
            assert!(column(key).is_some(), "no header for `{key}`");
        }
        assert_eq!(header("2016", Lang::Zh.words()), "2016");
        assert_eq!(header("required_rate", Lang::Zh.words()), "所需年均增速");
        // Every table of every report has a sheet.
        let sheets = <[SensitivityReport]>::sheets(Some(SensitivityTableChoice::All));
        assert_eq!(sheets.map(|s| s.len()), Ok(2));
        assert_eq!(
            <[ReviewReport]>::sheets(None).map(|s| s[0].1),
            Ok(Sheet::Review)
        );
        assert_eq!(
            <[ReviewHistory]>::sheets(None).map(|s| s[0].1),
            Ok(Sheet::History)
        );
    }

    #[test]
    fn whole_metrics_show_no_decimals_in_any_of_their_rows() {
        let text = |s: &str| Field::Text(s.to_owned());
        let columns = ["metric", "baseline", "projected"].map(String::from);
        let mut decimals = Decimals::new(&columns, None);
        let rows = [
            vec![text("firms"), Field::Number(120.0), Field::Number(200.0)],
            vec![
                text("investment"),
                Field::Number(68.0),
                Field::Fraction(0.16),
            ],
            vec![
                text("investment"),
                Field::Number(68.0),
                Field::Number(142.82),
            ],
            vec![text("firms"), Field::Number(130.0), Field::Number(210.0)],
            vec![text("investment"), Field::Number(70.0), Field::Number(71.0)],
        ];
        let decided: Vec<_> = (1u32..)
            .zip(&rows)
            .map(|(row, fields)| decimals.row(row, fields))
            .collect();
        assert_eq!(
            decided,
            [
                (0, vec![]),
                (0, vec![]),
                // The row written without decimals is written again.
                (
                    2,
                    vec![Whole {
                        row: 2,
                        col: 1,
                        x: 68.0,
                        floor: 0
                    }]
                ),
                (0, vec![]),
                (2, vec![]),
            ]
        );
        // --precision decides alone.
        let mut asked = Decimals::new(&columns, Some(1));
        assert_eq!(asked.row(1, &rows[2]), (1, vec![]));
    }
}
