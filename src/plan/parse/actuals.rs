//! Actual figures checked against the plan: those of the plan file's
//! `actual` tables, and those of CSV files, which must also agree with the
//! plan file and with each other. A CSV row for a year before the base year
//! is history; one for the base year itself must be the baseline, and adds
//! nothing.

use std::cmp::Ordering;
use std::collections::HashMap;

use toml::Value;

use super::history::history_year;
use super::value::number;
use crate::plan::error::Problems;
use crate::plan::figure_metrics::{FigureMetrics, Found};
use crate::plan::{ActualRecord, Fault, Metric, Model, PlanError, in_year};

/// One `year = value` entry of a metric's `actual` table. Without usable
/// years, only the value is checked.
pub(super) fn file_figure(
    key: &str,
    value: &Value,
    years: Option<(i32, i32)>,
    must_be_positive: bool,
) -> Result<(i32, f64), Fault> {
    let year: i32 = key.trim().parse().map_err(|_| Fault::ActualKeyNotAYear {
        key: key.to_owned(),
    })?;
    if let Some(years) = years {
        check_year(year, years)?;
    }
    let figure = number(value).map_err(|fault| in_year(year, fault))?;
    check_value(figure, must_be_positive).map_err(|fault| in_year(year, fault))?;
    Ok((year, figure))
}

fn check_year(year: i32, (base_year, target_year): (i32, i32)) -> Result<(), Fault> {
    let first = base_year + 1;
    if year < base_year {
        return Err(Fault::ActualBeforePlan {
            year,
            first,
            base_year,
            target_year,
        });
    }
    if year == base_year || year > target_year {
        return Err(Fault::ActualOutsidePlan {
            year,
            first,
            base_year,
            target_year,
        });
    }
    Ok(())
}

/// Compound paths and shares are interpolated geometrically, which needs
/// positive values; a linear path may pass through zero.
fn check_value(figure: f64, must_be_positive: bool) -> Result<(), Fault> {
    if must_be_positive && figure <= 0.0 {
        return Err(Fault::FigureNotPositive {
            figure: figure.to_string(),
        });
    }
    Ok(())
}

/// The figures of CSV files that the plan file does not already give, by
/// metric position.
pub(super) struct CsvFigures<'r>(Vec<(usize, &'r ActualRecord)>);

impl<'r> CsvFigures<'r> {
    /// The records checked against the base plan's metrics: the metric
    /// exists, the year is in range, the value fits the metric, no figure is
    /// given twice, and none disagrees with the plan file. `file` is the plan.
    pub(super) fn check(
        metrics: &[Metric],
        records: &'r [ActualRecord],
        years: (i32, i32),
        file: &str,
    ) -> Result<Self, PlanError> {
        let mut problems = Problems::new();
        let mut seen: HashMap<(usize, i32), &ActualRecord> = HashMap::new();
        let mut figures = Vec::new();
        // Metrics are found through one map, by id or name, not by a
        // search per row.
        let mut metrics_of = FigureMetrics::new(metrics, years.0);
        for record in records {
            let mut scope = problems.scope();
            let mut problems = scope.in_metric(&record.metric);
            let index = match metrics_of.find(record) {
                Found::Metric(index) => index,
                Found::Refused { at, fault } => {
                    problems.report(at, fault);
                    continue;
                }
                Found::Again | Found::Baseline => continue,
            };
            let mut report = |fault: Fault| problems.report(record.at.clone(), fault);
            let metric = &metrics[index];
            let (year, value) = (record.year, record.value);
            let base_year = years.0;
            let checked = match year.cmp(&base_year) {
                Ordering::Less => history_year(year, base_year),
                Ordering::Equal => Ok(()),
                Ordering::Greater => check_year(year, years),
            }
            .and_then(|()| {
                let positive = !matches!(metric.model, Model::Linear { .. });
                check_value(value, positive).map_err(|fault| in_year(year, fault))
            });
            if let Err(fault) = checked {
                report(fault);
                continue;
            }
            let baseline = match metric.model {
                Model::Compound { baseline, .. } | Model::Linear { baseline, .. } => Some(baseline),
                Model::Ratio { .. } if year <= base_year => {
                    report(in_year(year, Fault::ShareFiguresFromParts { base_year }));
                    continue;
                }
                Model::Ratio { .. } => None,
            };
            if let Some(earlier) = seen.insert((index, year), record) {
                report(Fault::GivenTwice {
                    year,
                    also: earlier.place(),
                });
                continue;
            }
            // The base year's figure is the baseline: it agrees, or it is refused.
            let in_plan = match year.cmp(&base_year) {
                Ordering::Equal => baseline,
                Ordering::Less => metric.history.get(&year).copied(),
                Ordering::Greater => metric.actual.get(&year).copied(),
            };
            if let Some(in_plan) = in_plan {
                let agree = (in_plan - value).abs() <= 1e-9 * in_plan.abs().max(value.abs());
                if !agree {
                    let line = match year.cmp(&base_year) {
                        Ordering::Greater => metric.actual_line.unwrap_or(metric.line),
                        _ => metric.line,
                    };
                    report(in_year(
                        year,
                        Fault::Disagrees {
                            value: value.to_string(),
                            baseline: year == base_year,
                            in_plan: in_plan.to_string(),
                            line,
                        },
                    ));
                }
                continue;
            }
            figures.push((index, record));
        }
        problems.into_result(file, CsvFigures(figures))
    }

    /// Adds the figures to the metrics they are for: as history before
    /// `base_year`, as actual figures after it.
    pub(super) fn add_to(&self, metrics: &mut [Metric], base_year: i32) {
        for (index, record) in &self.0 {
            let metric = &mut metrics[*index];
            let figures = if record.year < base_year {
                &mut metric.history
            } else {
                &mut metric.actual
            };
            figures.insert(record.year, record.value);
        }
    }

    /// The row that gave metric `index` its figure for `year`, if a CSV
    /// file did. A search, for the rare message that needs it.
    pub(super) fn row(&self, index: usize, year: i32) -> Option<&'r ActualRecord> {
        self.0
            .iter()
            .find(|(i, record)| *i == index && record.year == year)
            .map(|(_, record)| *record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_file_figures_need_a_year_of_the_plan_and_a_fitting_value() {
        let years = Some((2015, 2020));
        assert_eq!(
            file_figure("2016", &Value::Float(80.5), years, true),
            Ok((2016, 80.5))
        );
        assert_eq!(
            file_figure("2015", &Value::Integer(1), years, true).map_err(|f| f.to_string()),
            Err(
                "2015 is outside the plan's years; actual figures are for 2016–2020 \
                 (the 2015 value is the baseline)"
                    .into()
            )
        );
        assert_eq!(
            file_figure("2017", &Value::Integer(0), years, true).map_err(|f| f.to_string()),
            Err(
                "2017: 0 is not positive; a compound metric or a share needs positive figures"
                    .into()
            )
        );
        assert_eq!(
            file_figure("2017", &Value::Integer(0), years, false),
            Ok((2017, 0.0))
        );
        assert_eq!(
            file_figure("2030", &Value::Integer(5), None, false),
            Ok((2030, 5.0)),
            "without usable years only the value is checked"
        );
        assert!(
            file_figure("next", &Value::Integer(5), years, false)
                .unwrap_err()
                .to_string()
                .starts_with("`next` is not a year")
        );
    }
}
