//! Actual figures from a sheet of cells, as a CSV file or a workbook's
//! worksheet holds them, in either of the two layouts people keep them in:
//!
//! - long: columns `metric`, `year` and `value` (in any order, others
//!   ignored), one row per metric and year, as scripts write them;
//! - wide: a metric column and one column per year (headers 2016, "2016" or
//!   "2016年"), one row per metric, as spreadsheets show them and as
//!   `dabiao report --layout wide` and `-f xlsx` write them.
//!
//! The header tells the two apart. A blank cell is no figure (a year not
//! yet published); "69.9%" is 69.9 with a percent sign, which only a metric
//! in % may take (checked where the plan is known); full-width digits and
//! the Chinese comma read as their ASCII twins. Years before the base year
//! are history, as in any actuals file (checked where the plan is known).
//! Every problem of the rows is collected, so that a file is corrected in
//! one pass (the first [`SHOWN_PROBLEMS`] kept, the others counted), and
//! reported with those the plan finds ([`joined`]); only a sheet whose
//! header fits neither layout, or that holds the rows of several scenarios,
//! is refused at once. Rows are read as they come, never held whole.

use super::actuals::ActualRecord;
use super::error::{Problems, SHOWN_PROBLEMS};
use super::{Location, PlanError, Problem};

/// A cell as read: a workbook keeps numbers as numbers, CSV has only text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Nothing in it.
    Empty,
    /// Text, as CSV holds every cell.
    Text(String),
    /// A number, as a workbook holds one.
    Number(f64),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }

    /// The cell as it reads, for messages and metric names.
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(x) => x.to_string(),
        }
    }
}

/// One row of a sheet: its number (a CSV file's line, a worksheet's
/// 1-based row) and its cells from the first column on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// A CSV file's 1-based line, or a worksheet's 1-based row.
    pub(crate) number: usize,
    /// The cells, column A (or the first field) first.
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// Where the rows come from, to name the place of each problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A CSV file: places are lines, and a row must have as many fields as
    /// the header.
    Csv {
        /// The file, as named in messages.
        file: String,
    },
    /// A workbook's sheet: places are cells (`book.xlsx#Sheet1!C4`).
    Worksheet {
        /// The workbook, as named in messages.
        file: String,
        /// The sheet's name.
        sheet: String,
    },
}

impl Origin {
    fn at(&self, row: &Row, column: usize) -> Location {
        match self {
            Origin::Csv { file } => Location::FileLine {
                file: file.clone(),
                line: row.number,
            },
            Origin::Worksheet { file, sheet } => Location::Cell {
                file: file.clone(),
                sheet: sheet.clone(),
                row: row.number,
                column,
            },
        }
    }

    /// The file, as named in messages.
    fn file(&self) -> &str {
        match self {
            Origin::Csv { file } | Origin::Worksheet { file, .. } => file,
        }
    }

    /// The sheet refused for `problem`.
    fn refuse(&self, problem: Problem) -> PlanError {
        Problems::from(problem).into_error(self.file())
    }

    /// "column C" in a workbook; in CSV, where columns have no letters,
    /// the header's name for it.
    fn column_name(&self, header: &Row, column: usize) -> String {
        match self {
            Origin::Csv { .. } => format!("column `{}`", header.cell(column).text()),
            Origin::Worksheet { .. } => {
                format!("column {}", super::error::column_letters(column))
            }
        }
    }
}

/// What an actuals file gives: its figures, and the problems of its rows,
/// which are reported together with those the plan finds in the figures.
#[derive(Debug)]
pub struct Figures {
    /// The figures of the rows without problems, in the order read.
    pub records: Vec<ActualRecord>,
    /// The file, as named in messages.
    file: String,
    /// The problems of the rows: the first [`SHOWN_PROBLEMS`], the others
    /// counted.
    problems: Problems,
}

impl Figures {
    fn new(file: &str) -> Figures {
        Figures {
            records: Vec::new(),
            file: file.to_owned(),
            problems: Problems::new(),
        }
    }

    /// The figures when no row had a problem, else the refusal of the file.
    pub fn into_result(self) -> Result<Vec<ActualRecord>, PlanError> {
        self.problems.into_result(&self.file, self.records)
    }

    /// The figures, and the refusal of the file when a row had a problem:
    /// to be [`joined`] with the plan's.
    pub(crate) fn split(self) -> (Vec<ActualRecord>, Option<PlanError>) {
        let refusal = (!self.problems.is_empty()).then(|| self.problems.into_error(&self.file));
        (self.records, refusal)
    }
}

/// How the columns of a sheet are read, as its header says.
enum Layout {
    Long {
        metric: usize,
        year: usize,
        value: usize,
    },
    Wide {
        metric: usize,
        /// Each year column, with its year.
        years: Vec<(usize, i32)>,
    },
}

/// Headers of the metric column of a wide sheet, ids first: what dabiao
/// writes in either language, and what people write by hand. Without any,
/// the first column names the metrics.
const METRIC_HEADERS: [&str; 8] = [
    "metric",
    "id",
    "指标代码",
    "代码",
    "name",
    "指标名称",
    "指标",
    "名称",
];

/// Reads the figures of `rows` as they come, the first of which is the
/// header. A header that fits neither layout, a row that cannot be read
/// (the `Err` of `rows`) or a second scenario is refused at once.
pub(crate) fn figures(
    rows: impl IntoIterator<Item = Result<Row, PlanError>>,
    origin: &Origin,
) -> Result<Figures, PlanError> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next().transpose()? else {
        return Err(origin.refuse(Problem::new(
            "the sheet is empty; it needs a header (metric,year,value, or a metric \
             column and one column per year) and a row per figure or metric",
        )));
    };
    let layout = layout(&header, origin)?;
    let mut scenarios = OneScenario::new(&header);
    let mut figures = Figures::new(origin.file());
    for row in rows {
        let row = row?;
        scenarios.check(&row, origin)?;
        if row.is_blank() {
            continue;
        }
        let row = &row;
        if let Origin::Csv { .. } = origin
            && row.cells.len() != header.cells.len()
        {
            let problem = Problem::new(format!(
                "the row has {} fields but the header {}; a number with a thousands \
                 separator must be quoted (\"1,100\"), and a text with a comma too",
                row.cells.len(),
                header.cells.len()
            ))
            .at(origin.at(row, 0));
            figures
                .problems
                .push(about(problem, &row.cell(layout.metric()).text()));
            continue;
        }
        match &layout {
            Layout::Long {
                metric,
                year,
                value,
            } => long_row(row, (*metric, *year, *value), origin, &mut figures),
            Layout::Wide { metric, years } => {
                wide_row(row, *metric, years, &header, origin, &mut figures)
            }
        }
    }
    Ok(figures)
}

/// Headers of a scenario column, as dabiao writes it in either language.
const SCENARIO_HEADERS: [&str; 2] = ["scenario", "情景"];

/// A sheet of several scenarios' paths (`dabiao report --scenario all`) is
/// refused at the first row of a second scenario: actual figures are the
/// same in every scenario, and each year would be given once per scenario.
struct OneScenario {
    /// The scenario column, when the header has one.
    column: Option<usize>,
    /// The scenario of the rows so far.
    first: Option<String>,
}

impl OneScenario {
    fn new(header: &Row) -> OneScenario {
        let column = header.cells.iter().position(|c| {
            SCENARIO_HEADERS
                .iter()
                .any(|name| c.text().eq_ignore_ascii_case(name))
        });
        OneScenario {
            column,
            first: None,
        }
    }

    /// Refuses `row` when it is for another scenario than the rows above.
    fn check(&mut self, row: &Row, origin: &Origin) -> Result<(), PlanError> {
        let Some(column) = self.column else {
            return Ok(());
        };
        let scenario = row.cell(column).text();
        match &self.first {
            _ if scenario.is_empty() => {}
            None => self.first = Some(scenario),
            Some(first) if *first != scenario => {
                return Err(origin.refuse(
                    Problem::new(format!(
                        "this row is for scenario `{scenario}`, the rows above for `{first}`; \
                         actual figures hold in every scenario: keep the rows of one \
                         scenario and delete the others"
                    ))
                    .at(origin.at(row, column)),
                ));
            }
            Some(_) => {}
        }
        Ok(())
    }
}

impl Layout {
    fn metric(&self) -> usize {
        match self {
            Layout::Long { metric, .. } | Layout::Wide { metric, .. } => *metric,
        }
    }
}

/// `problem`, named after the metric its row is about when the row names one.
fn about(problem: Problem, metric: &str) -> Problem {
    if metric.is_empty() {
        problem
    } else {
        problem.in_metric(metric)
    }
}

/// The layout the header asks for: long when it names metric, year and
/// value; wide when it has a year; else refused, saying what either needs.
fn layout(header: &Row, origin: &Origin) -> Result<Layout, PlanError> {
    let refuse =
        |problem: Problem, column: usize| Err(origin.refuse(problem.at(origin.at(header, column))));
    let named = |name: &str| {
        header
            .cells
            .iter()
            .position(|c| c.text().eq_ignore_ascii_case(name))
    };
    if let (Some(metric), Some(year), Some(value)) =
        (named("metric"), named("year"), named("value"))
    {
        return Ok(Layout::Long {
            metric,
            year,
            value,
        });
    }
    let Some(first_year) = header.cells.iter().position(|c| year_header(c).is_some()) else {
        let found: Vec<String> = header.cells.iter().map(Cell::text).collect();
        let problem = Problem::new(format!(
            "the header must name the columns metric, year and value (found: {}); \
             one row per metric and year, or else have a metric column and one column \
             per year (2016, 2017, …), one row per metric",
            found.join(",")
        ));
        return refuse(problem, 0);
    };
    let mut years: Vec<(usize, i32)> = Vec::new();
    for (column, cell) in header.cells.iter().enumerate().skip(first_year) {
        match year_header(cell) {
            Some(year) => {
                if let Some((other, _)) = years.iter().find(|(_, y)| *y == year) {
                    let problem = Problem::new(format!(
                        "{year} heads both {} and {}; give each year one column",
                        origin.column_name(header, *other),
                        origin.column_name(header, column)
                    ));
                    return refuse(problem, column);
                }
                years.push((column, year));
            }
            // A blank header past the years is checked row by row: its
            // cells must be blank too.
            None if cell.is_blank() => {}
            None => {
                let problem = Problem::new(format!(
                    "\"{}\" heads a column among the years, but is not a year; in a sheet \
                     with one column per year, labels (metric, name, unit) come before the \
                     first year and only years after it: move or delete the column",
                    cell.text()
                ));
                return refuse(problem, column);
            }
        }
    }
    let metric = METRIC_HEADERS
        .iter()
        .find_map(|name| {
            header.cells[..first_year]
                .iter()
                .position(|c| c.text().eq_ignore_ascii_case(name))
        })
        .unwrap_or(0);
    if metric >= first_year {
        let problem = Problem::new(
            "the first column is a year, so no column names the metrics; put the metric \
             ids or names in a column before the years",
        );
        return refuse(problem, 0);
    }
    Ok(Layout::Wide { metric, years })
}

/// One row of the long layout: a figure, unless its value is blank.
fn long_row(
    row: &Row,
    (metric_col, year_col, value_col): (usize, usize, usize),
    origin: &Origin,
    figures: &mut Figures,
) {
    let metric = row.cell(metric_col).text();
    let at = origin.at(row, value_col);
    let mut report = |column: usize, message: String| {
        let problem = Problem::new(message).at(origin.at(row, column));
        figures.problems.push(about(problem, &metric));
    };
    let year = match year_cell(row.cell(year_col)) {
        Some(year) => year,
        None => {
            report(
                year_col,
                format!(
                    "year \"{}\" is not a year such as 2017",
                    row.cell(year_col).text()
                ),
            );
            return;
        }
    };
    let figure = match figure(row.cell(value_col)) {
        Ok(Some(figure)) => figure,
        // Not published yet.
        Ok(None) => return,
        Err(message) => {
            report(value_col, format!("{year}: {message}"));
            return;
        }
    };
    if metric.is_empty() {
        report(
            metric_col,
            format!("{year}: the row names no metric; write the metric's id or name"),
        );
        return;
    }
    figures.records.push(ActualRecord {
        metric,
        year,
        value: figure.value,
        percent: figure.percent,
        at,
        metric_at: None,
    });
}

/// One row of the wide layout: a figure for each year whose cell is not blank.
fn wide_row(
    row: &Row,
    metric_col: usize,
    years: &[(usize, i32)],
    header: &Row,
    origin: &Origin,
    figures: &mut Figures,
) {
    let metric = row.cell(metric_col).text();
    let metric_at = origin.at(row, metric_col);
    let mut named = false;
    for (column, cell) in row.cells.iter().enumerate() {
        if cell.is_blank() {
            continue;
        }
        let Some(&(_, year)) = years.iter().find(|(c, _)| *c == column) else {
            if years.first().is_some_and(|(first, _)| column > *first) {
                let problem = Problem::new(format!(
                    "{} has no year in its header (row {}); write the year there, or \
                     clear the column",
                    origin.column_name(header, column),
                    header.number
                ))
                .at(origin.at(row, column));
                figures.problems.push(about(problem, &metric));
            }
            continue;
        };
        match figure(cell) {
            Ok(Some(_)) if metric.is_empty() => {
                if !named {
                    figures.problems.push(
                        Problem::new(
                            "the row has figures but names no metric; write the metric's id \
                             or name",
                        )
                        .at(metric_at.clone()),
                    );
                    named = true;
                }
            }
            Ok(Some(figure)) => figures.records.push(ActualRecord {
                metric: metric.clone(),
                year,
                value: figure.value,
                percent: figure.percent,
                at: origin.at(row, column),
                metric_at: Some(metric_at.clone()),
            }),
            Ok(None) => {}
            Err(message) => {
                let problem = Problem::new(format!("{year}: {message}")).at(origin.at(row, column));
                figures.problems.push(about(problem, &metric));
            }
        }
    }
}

/// A figure as read from its cell.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figure {
    value: f64,
    /// Written with a percent sign: "69.9%" is 69.9.
    percent: bool,
}

/// A cell's figure: `None` when it is blank. Text is read as spreadsheets
/// and people write it: " 80 ", "1,234.5", "69.9%", "５０００", "1，234".
fn figure(cell: &Cell) -> Result<Option<Figure>, String> {
    let (value, percent) = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(x) => (*x, false),
        Cell::Text(text) => {
            let plain: String = ascii(text)
                .chars()
                .filter(|c| *c != ',' && !c.is_whitespace())
                .collect();
            if plain.is_empty() {
                return Ok(None);
            }
            let (digits, percent) = match plain.strip_suffix('%') {
                Some(digits) => (digits, true),
                None => (plain.as_str(), false),
            };
            match digits.parse::<f64>() {
                Ok(x) => (x, percent),
                Err(_) => return Err(format!("\"{}\" is not a number", text.trim())),
            }
        }
    };
    if !value.is_finite() {
        return Err(format!("\"{}\" is not a finite number", cell.text()));
    }
    Ok(Some(Figure { value, percent }))
}

/// A year as a cell holds it: 2017, "2017", "2017年".
fn year_cell(cell: &Cell) -> Option<i32> {
    match cell {
        Cell::Number(x) if x.fract() == 0.0 && x.abs() < 1e9 => Some(*x as i32),
        Cell::Text(text) => {
            let text = ascii(text);
            let text = text.trim();
            text.strip_suffix('年')
                .unwrap_or(text)
                .trim_end()
                .parse()
                .ok()
        }
        _ => None,
    }
}

/// A header cell that names a year of a wide sheet: a year of four digits,
/// so that a label such as "1" or "12月" is not taken for one.
fn year_header(cell: &Cell) -> Option<i32> {
    year_cell(cell).filter(|year| (1000..=9999).contains(year))
}

/// Full-width digits, signs, point and comma, the Chinese comma and the
/// ideographic space as their ASCII twins, as IMEs type them in Chinese.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' | '、' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

/// The plan's refusal (`refusal`, when it has one) with the refusals of
/// its actuals files as read (`read`, in the order the files were named):
/// the plan's own problems first, then those of each actuals file, in the
/// order the files were named, row by row and column by column, whichever
/// step found them. Each file shows at most [`SHOWN_PROBLEMS`], and counts
/// the others.
pub(crate) fn joined(
    plan_file: &str,
    refusal: Option<PlanError>,
    read: Vec<PlanError>,
) -> PlanError {
    // The files are ranked in the order their problems were read; each
    // counts the problems it does not show, the plan's at `None`.
    let mut files: Vec<(String, usize)> = Vec::new();
    let mut plan_not_shown = 0;
    let mut problems = Vec::new();
    for error in read {
        let index = rank(&mut files, &error.file);
        files[index].1 += error.not_shown;
        problems.extend(error.problems);
    }
    if let Some(refusal) = refusal {
        plan_not_shown += refusal.not_shown;
        for (file, not_shown) in refusal.others_not_shown {
            let index = rank(&mut files, &file);
            files[index].1 += not_shown;
        }
        problems.extend(refusal.problems);
    }
    let mut key = |problem: &Problem| match &problem.location {
        Some(Location::FileLine { file, line }) => (Some(rank(&mut files, file)), *line, 0),
        Some(Location::Cell {
            file, row, column, ..
        }) => (Some(rank(&mut files, file)), *row, *column),
        _ => (None, 0, 0),
    };
    let keys: Vec<_> = problems.iter().map(&mut key).collect();
    let mut ordered: Vec<(_, Problem)> = keys.into_iter().zip(problems).collect();
    // Stable: the plan's problems keep their order, and so do several
    // problems of one place.
    ordered.sort_by_key(|(key, _)| *key);
    let mut shown = Vec::new();
    let mut shown_of_file = 0;
    let mut last_file = None;
    for ((file, ..), problem) in ordered {
        if file != last_file {
            (last_file, shown_of_file) = (file, 0);
        }
        if shown_of_file < SHOWN_PROBLEMS {
            shown.push(problem);
            shown_of_file += 1;
        } else {
            match file {
                Some(index) => files[index].1 += 1,
                None => plan_not_shown += 1,
            }
        }
    }
    PlanError {
        file: plan_file.to_owned(),
        problems: shown,
        not_shown: plan_not_shown,
        others_not_shown: files.into_iter().filter(|(_, n)| *n > 0).collect(),
    }
}

/// The position of `file` among the files seen so far, in the order first
/// seen, each with its count of problems not shown.
fn rank(files: &mut Vec<(String, usize)>, file: &str) -> usize {
    match files.iter().position(|(f, _)| f == file) {
        Some(index) => index,
        None => {
            files.push((file.to_owned(), 0));
            files.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }

    fn rows(lines: &[&[&str]]) -> Vec<Result<Row, PlanError>> {
        lines
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                Ok(Row {
                    number: i + 1,
                    cells: cells.iter().map(|c| text(c)).collect(),
                })
            })
            .collect()
    }

    fn sheet() -> Origin {
        Origin::Worksheet {
            file: "a.xlsx".into(),
            sheet: "S".into(),
        }
    }

    fn described(figures: &Figures) -> Vec<String> {
        figures
            .problems
            .iter()
            .map(|p| p.describe("t.toml"))
            .collect()
    }

    fn refused(file: &str, problems: Vec<Problem>, not_shown: usize) -> PlanError {
        PlanError {
            file: file.into(),
            problems,
            not_shown,
            others_not_shown: Vec::new(),
        }
    }

    #[test]
    fn figures_are_read_as_people_write_them() {
        let read = |s: &str| figure(&text(s)).unwrap();
        let value = |s: &str| read(s).map(|f| (f.value, f.percent));
        assert_eq!(value(" 80 "), Some((80.0, false)));
        assert_eq!(value("1,234.5"), Some((1234.5, false)));
        assert_eq!(value("69.9%"), Some((69.9, true)));
        assert_eq!(value("69.9 ％"), Some((69.9, true)));
        assert_eq!(value("５０００"), Some((5000.0, false)));
        assert_eq!(value("１，２３４．５"), Some((1234.5, false)));
        assert_eq!(value("－3"), Some((-3.0, false)));
        assert_eq!(value("   "), None);
        assert_eq!(value(""), None);
        assert_eq!(
            figure(&Cell::Number(2.5)).unwrap().map(|f| f.value),
            Some(2.5)
        );
        assert_eq!(figure(&text("abc")).unwrap_err(), "\"abc\" is not a number");
        assert_eq!(
            figure(&text("inf")).unwrap_err(),
            "\"inf\" is not a finite number"
        );
        assert!(figure(&text("5%%")).is_err());
    }

    #[test]
    fn years_are_read_from_numbers_and_text() {
        assert_eq!(year_cell(&Cell::Number(2016.0)), Some(2016));
        assert_eq!(year_cell(&Cell::Number(2016.5)), None);
        assert_eq!(year_cell(&text("2016年")), Some(2016));
        assert_eq!(year_cell(&text(" ２０１６ 年")), Some(2016));
        assert_eq!(year_header(&text("12")), None);
        assert_eq!(year_header(&text("unit")), None);
    }

    #[test]
    fn a_wide_sheet_gives_a_figure_per_filled_cell_and_skips_blanks() {
        let read = figures(
            rows(&[
                &["scenario", "metric", "name", "2015", "2016年", "2017"],
                &["base", "gdp", "地区生产总值", "420", "455.2", ""],
                &["", "", "", "", "", ""],
                &["base", "地区生产总值", "", "", "", "69.9%"],
            ]),
            &sheet(),
        )
        .unwrap();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let found: Vec<(&str, i32, f64, bool)> = read
            .records
            .iter()
            .map(|r| (r.metric.as_str(), r.year, r.value, r.percent))
            .collect();
        assert_eq!(
            found,
            [
                ("gdp", 2015, 420.0, false),
                ("gdp", 2016, 455.2, false),
                ("地区生产总值", 2017, 69.9, true)
            ]
        );
        assert_eq!(
            read.records[1].at.elsewhere().as_deref(),
            Some("a.xlsx#S!E2")
        );
        assert_eq!(
            read.records[1]
                .metric_at
                .as_ref()
                .and_then(|l| l.elsewhere()),
            Some("a.xlsx#S!B2".to_owned())
        );
    }

    #[test]
    fn every_bad_cell_of_a_wide_sheet_is_named() {
        let read = figures(
            rows(&[
                &["指标", "2016", "2017", ""],
                &["gdp", "abc", "1", ""],
                &["", "5", "", ""],
                &["jobs", "1", "inf", "7"],
            ]),
            &sheet(),
        )
        .unwrap();
        assert_eq!(
            described(&read),
            [
                "a.xlsx#S!B2: metric `gdp`: 2016: \"abc\" is not a number",
                "a.xlsx#S!A3: the row has figures but names no metric; write the metric's id or name",
                "a.xlsx#S!C4: metric `jobs`: 2017: \"inf\" is not a finite number",
                "a.xlsx#S!D4: metric `jobs`: column D has no year in its header (row 1); write the year there, or clear the column",
            ]
        );
        assert_eq!(read.records.len(), 2);
    }

    #[test]
    fn wide_headers_are_refused_with_the_cell_and_the_fix() {
        let refused = |header: &[&str]| {
            figures(rows(&[header]), &sheet())
                .unwrap_err()
                .lines()
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            refused(&["metric", "2016", "备注", "2017"]),
            "a.xlsx#S!C1: \"备注\" heads a column among the years, but is not a year; in a \
             sheet with one column per year, labels (metric, name, unit) come before the first \
             year and only years after it: move or delete the column"
        );
        assert_eq!(
            refused(&["metric", "2016", "2016年"]),
            "a.xlsx#S!C1: 2016 heads both column B and column C; give each year one column"
        );
        assert!(refused(&["2016", "2017"]).contains("no column names the metrics"));
        assert!(refused(&["name", "value"]).contains("metric, year and value (found: name,value)"));
    }

    #[test]
    fn the_metric_column_is_found_by_its_header_or_is_the_first() {
        let metric_of = |header: &[&str], row: &[&str]| {
            figures(rows(&[header, row]), &sheet()).unwrap().records[0]
                .metric
                .clone()
        };
        assert_eq!(
            metric_of(
                &["情景", "指标代码", "指标名称", "2016"],
                &["base", "gdp", "地区生产总值", "1"]
            ),
            "gdp"
        );
        assert_eq!(
            metric_of(
                &["指标名称", "单位", "2016"],
                &["地区生产总值", "亿元", "1"]
            ),
            "地区生产总值"
        );
        assert_eq!(metric_of(&["项目", "2016"], &["gdp", "1"]), "gdp");
    }

    #[test]
    fn a_sheet_of_several_scenarios_is_refused_at_the_second() {
        let error = figures(
            rows(&[
                &["情景", "metric", "2016"],
                &["base", "gdp", "1"],
                &["", "jobs", "2"],
                &["slow", "gdp", "1"],
            ]),
            &sheet(),
        )
        .unwrap_err();
        assert_eq!(
            error.lines().collect::<Vec<_>>(),
            [
                "a.xlsx#S!A4: this row is for scenario `slow`, the rows above for `base`; actual \
              figures hold in every scenario: keep the rows of one scenario and delete the others"
            ]
        );
    }

    #[test]
    fn a_long_row_with_a_blank_value_is_no_figure() {
        let origin = Origin::Csv {
            file: "a.csv".into(),
        };
        let read = figures(
            rows(&[
                &["metric", "year", "value"],
                &["gdp", "2016", ""],
                &["gdp", "2017年", "１，２００"],
                &["", "2018", "5"],
            ]),
            &origin,
        )
        .unwrap();
        assert_eq!(read.records.len(), 1);
        assert_eq!(
            (read.records[0].year, read.records[0].value),
            (2017, 1200.0)
        );
        assert_eq!(
            described(&read),
            ["a.csv:4: 2018: the row names no metric; write the metric's id or name"]
        );
    }

    #[test]
    fn joined_problems_come_in_file_and_row_order() {
        let at = |file: &str, line| {
            Problem::new(format!("{file} {line}")).at(Location::FileLine {
                file: file.into(),
                line,
            })
        };
        let refusal = refused(
            "t.toml",
            vec![
                Problem::new("plan").at_line(3),
                at("b.csv", 2),
                at("a.csv", 6),
            ],
            0,
        );
        let read = vec![
            refused("a.csv", vec![at("a.csv", 2), at("a.csv", 5)], 0),
            refused("b.csv", vec![at("b.csv", 1)], 0),
        ];
        let order: Vec<String> = joined("t.toml", Some(refusal), read)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(
            order,
            [
                "plan", "a.csv 2", "a.csv 5", "a.csv 6", "b.csv 1", "b.csv 2"
            ]
        );
    }

    #[test]
    fn each_file_shows_its_first_problems_and_counts_the_others() {
        let at = |file: &str, line| {
            Problem::new(format!("{file} {line}")).at(Location::FileLine {
                file: file.into(),
                line,
            })
        };
        let many = |file: &str, from: usize| -> Vec<Problem> {
            (from..from + SHOWN_PROBLEMS)
                .map(|line| at(file, line))
                .collect()
        };
        // The plan found problems in a.csv too: a.csv shows its first 20 of
        // all, and counts the rest with those it did not keep itself.
        let refusal = refused("t.toml", vec![at("a.csv", 1), at("b.csv", 500)], 3);
        let read = vec![
            refused("a.csv", many("a.csv", 2), 100),
            refused("b.csv", many("b.csv", 2), 0),
        ];
        let error = joined("t.toml", Some(refusal), read);
        assert_eq!(error.problems.len(), 2 * SHOWN_PROBLEMS);
        assert_eq!(error.problems[0].message, "a.csv 1");
        assert_eq!(error.problems[SHOWN_PROBLEMS].message, "b.csv 2");
        assert_eq!(error.not_shown, 3);
        assert_eq!(
            error.others_not_shown,
            [("a.csv".to_owned(), 101), ("b.csv".to_owned(), 1)]
        );
        let lines: Vec<String> = error.lines().collect();
        assert_eq!(
            lines[2 * SHOWN_PROBLEMS..],
            [
                "t.toml: and 3 more problems, not shown; fix the first 20 and run again",
                "a.csv: and 101 more problems, not shown; fix the first 20 and run again",
                "b.csv: and 1 more problems, not shown; fix the first 20 and run again",
            ]
        );
    }
}
