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
//! one pass (the first [`SHOWN_PROBLEMS`](super::error::SHOWN_PROBLEMS) kept, the others counted), and
//! reported with those the plan finds ([`joined`]); only a sheet whose
//! header fits neither layout, or that holds the rows of several scenarios,
//! is refused at once. Rows are read as they come, never held whole.

mod cell;
mod join;
mod layout;
mod long;
mod wide;

use super::actuals::ActualRecord;
use super::error::Problems;
use super::{ColumnName, Fault, Location, PlanError, Problem};
use layout::{Layout, layout};
use long::long_row;
use wide::wide_row;

pub(crate) use join::joined;

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
    fn column_name(&self, header: &Row, column: usize) -> ColumnName {
        match self {
            Origin::Csv { .. } => ColumnName::Header(header.cell(column).text()),
            Origin::Worksheet { .. } => ColumnName::Letters(super::error::column_letters(column)),
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

/// Reads the figures of `rows` as they come, the first of which is the
/// header. A header that fits neither layout, a row that cannot be read
/// (the `Err` of `rows`) or a second scenario is refused at once.
pub(crate) fn figures(
    rows: impl IntoIterator<Item = Result<Row, PlanError>>,
    origin: &Origin,
) -> Result<Figures, PlanError> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next().transpose()? else {
        return Err(origin.refuse(Problem::new(Fault::EmptySheet)));
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
            let problem = Problem::new(Fault::FieldCount {
                row: row.cells.len(),
                header: header.cells.len(),
            })
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
                    Problem::new(Fault::SecondScenario {
                        scenario,
                        first: first.clone(),
                    })
                    .at(origin.at(row, column)),
                ));
            }
            Some(_) => {}
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn text(s: &str) -> Cell {
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
        let error = PlanError {
            file: "t.toml".into(),
            problems: figures.problems.iter().cloned().collect(),
            not_shown: 0,
            others_not_shown: Vec::new(),
        };
        error.lines().collect()
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
}
