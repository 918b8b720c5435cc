//! The rows of a wide sheet (a metric column, one column per year): a
//! figure per filled year cell, apart from the long layout since the years
//! come from the header.

use super::cell::figure;
use super::{Figures, Origin, Row, about};
use crate::plan::actuals::ActualRecord;
use crate::plan::{Fault, Problem, in_year};

/// One row of the wide layout: a figure for each year whose cell is not blank.
pub(super) fn wide_row(
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
                let problem = Problem::new(Fault::NoYearHeader {
                    column: origin.column_name(header, column),
                    row: header.number,
                })
                .at(origin.at(row, column));
                figures.problems.push(about(problem, &metric));
            }
            continue;
        };
        match figure(cell) {
            Ok(Some(_)) if metric.is_empty() => {
                if !named {
                    figures
                        .problems
                        .push(Problem::new(Fault::FiguresNameNoMetric).at(metric_at.clone()));
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
            Err(fault) => {
                let problem = Problem::new(in_year(year, fault)).at(origin.at(row, column));
                figures.problems.push(about(problem, &metric));
            }
        }
    }
}
