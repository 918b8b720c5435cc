//! Which of the two layouts a sheet's header asks for, and where its
//! metric, year and value columns are: read once, from the header, before
//! any row, so that a header fitting neither is refused at once.

use super::cell::year_header;
use super::{Cell, Origin, PlanError, Problem, Row};
use crate::plan::Fault;

/// How the columns of a sheet are read, as its header says.
pub(super) enum Layout {
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

impl Layout {
    pub(super) fn metric(&self) -> usize {
        match self {
            Layout::Long { metric, .. } | Layout::Wide { metric, .. } => *metric,
        }
    }
}

/// The layout the header asks for: long when it names metric, year and
/// value; wide when it has a year; else refused, saying what either needs.
pub(super) fn layout(header: &Row, origin: &Origin) -> Result<Layout, PlanError> {
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
        let problem = Problem::new(Fault::NoLayout {
            found: found.join(","),
        });
        return refuse(problem, 0);
    };
    let mut years: Vec<(usize, i32)> = Vec::new();
    for (column, cell) in header.cells.iter().enumerate().skip(first_year) {
        match year_header(cell) {
            Some(year) => {
                if let Some((other, _)) = years.iter().find(|(_, y)| *y == year) {
                    let problem = Problem::new(Fault::YearTwice {
                        year,
                        first: origin.column_name(header, *other),
                        second: origin.column_name(header, column),
                    });
                    return refuse(problem, column);
                }
                years.push((column, year));
            }
            // A blank header past the years is checked row by row: its
            // cells must be blank too.
            None if cell.is_blank() => {}
            None => {
                let problem = Problem::new(Fault::NotAYearHeader { text: cell.text() });
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
        let problem = Problem::new(Fault::FirstColumnIsYear);
        return refuse(problem, 0);
    }
    Ok(Layout::Wide { metric, years })
}
