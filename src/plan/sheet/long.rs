//! The rows of a long sheet (`metric`, `year`, `value`): one figure per
//! row, apart from the wide layout since each row names its own year.

use super::cell::{figure, year_cell};
use super::{Figures, Origin, Row, about};
use crate::plan::actuals::ActualRecord;
use crate::plan::{Fault, Problem, in_year};

/// One row of the long layout: a figure, unless its value is blank.
pub(super) fn long_row(
    row: &Row,
    (metric_col, year_col, value_col): (usize, usize, usize),
    origin: &Origin,
    figures: &mut Figures,
) {
    let metric = row.cell(metric_col).text();
    let at = origin.at(row, value_col);
    let mut report = |column: usize, fault: Fault| {
        let problem = Problem::new(fault).at(origin.at(row, column));
        figures.problems.push(about(problem, &metric));
    };
    let year = match year_cell(row.cell(year_col)) {
        Some(year) => year,
        None => {
            report(
                year_col,
                Fault::BadYearCell {
                    text: row.cell(year_col).text(),
                },
            );
            return;
        }
    };
    let figure = match figure(row.cell(value_col)) {
        Ok(Some(figure)) => figure,
        // Not published yet.
        Ok(None) => return,
        Err(fault) => {
            report(value_col, in_year(year, fault));
            return;
        }
    };
    if metric.is_empty() {
        report(metric_col, in_year(year, Fault::RowNamesNoMetric));
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
