//! Actual figures checked against the plan: those of the plan file's
//! `actual` tables, and those of CSV files, which must also agree with the
//! plan file and with each other. A CSV row for a year before the base year
//! is history; one for the base year itself must be the baseline, and adds
//! nothing.

use std::cmp::Ordering;
use std::collections::HashMap;

use toml::Value;

use super::history::history_year;
use super::value::{known_ids, number};
use crate::plan::error::Problems;
use crate::plan::{ActualRecord, Location, Metric, Model, PlanError};

/// One `year = value` entry of a metric's `actual` table. Without usable
/// years, only the value is checked.
pub(super) fn file_figure(
    key: &str,
    value: &Value,
    years: Option<(i32, i32)>,
    must_be_positive: bool,
) -> Result<(i32, f64), String> {
    let year: i32 = key.trim().parse().map_err(|_| {
        format!("`{key}` is not a year; write actual = {{ 2016 = 80.1, 2017 = 93.5 }}")
    })?;
    if let Some(years) = years {
        check_year(year, years)?;
    }
    let figure = number(value).map_err(|msg| format!("{year}: {msg}"))?;
    check_value(figure, must_be_positive).map_err(|msg| format!("{year}: {msg}"))?;
    Ok((year, figure))
}

fn check_year(year: i32, (base_year, target_year): (i32, i32)) -> Result<(), String> {
    if year < base_year {
        return Err(format!(
            "{year} is before the plan's years; actual figures are for {}–{target_year} \
             (the {base_year} value is the baseline): move it to `history`",
            base_year + 1
        ));
    }
    if year == base_year || year > target_year {
        return Err(format!(
            "{year} is outside the plan's years; actual figures are for {}–{target_year} \
             (the {base_year} value is the baseline)",
            base_year + 1
        ));
    }
    Ok(())
}

/// Compound paths and shares are interpolated geometrically, which needs
/// positive values; a linear path may pass through zero.
fn check_value(figure: f64, must_be_positive: bool) -> Result<(), String> {
    if must_be_positive && figure <= 0.0 {
        return Err(format!(
            "{figure} is not positive; a compound metric or a share needs positive figures"
        ));
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
        // Files can hold 100,000 rows against 100,000 metrics: metrics are
        // found by id, not by a search per row.
        let by_id: HashMap<&str, usize> = metrics
            .iter()
            .enumerate()
            .map(|(index, metric)| (metric.id.as_str(), index))
            .collect();
        let mut known: Option<String> = None;
        let mut seen: HashMap<(usize, i32), &ActualRecord> = HashMap::new();
        let mut figures = Vec::new();
        for record in records {
            let mut scope = problems.scope();
            let mut problems = scope.in_metric(&record.metric);
            let mut report = |message: String| {
                let at = Location::FileLine {
                    file: record.file.clone(),
                    line: record.line,
                };
                problems.report(at, message);
            };
            let Some(&index) = by_id.get(record.metric.as_str()) else {
                let known = known.get_or_insert_with(|| {
                    let ids: Vec<&str> = metrics.iter().map(|m| m.id.as_str()).collect();
                    known_ids(&ids)
                });
                report(format!(
                    "{}: not a metric of the plan; metrics: {known}",
                    record.year,
                ));
                continue;
            };
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
                check_value(value, positive).map_err(|msg| format!("{year}: {msg}"))
            });
            if let Err(msg) = checked {
                report(msg);
                continue;
            }
            let baseline = match metric.model {
                Model::Compound { baseline, .. } | Model::Linear { baseline, .. } => Some(baseline),
                Model::Ratio { .. } if year <= base_year => {
                    report(format!(
                        "{year}: a share's figures up to {base_year} come from its numerator \
                         and denominator; drop the row, or give the figures to those metrics"
                    ));
                    continue;
                }
                Model::Ratio { .. } => None,
            };
            if let Some(earlier) = seen.insert((index, year), record) {
                report(format!(
                    "{year} is given twice (also {}:{}); keep one figure per metric and year",
                    earlier.file, earlier.line
                ));
                continue;
            }
            // The base year's figure is the baseline: it agrees, or it is refused.
            let (in_plan, said) = match year.cmp(&base_year) {
                Ordering::Equal => (baseline, "the baseline is"),
                Ordering::Less => (metric.history.get(&year).copied(), "the plan file says"),
                Ordering::Greater => (metric.actual.get(&year).copied(), "the plan file says"),
            };
            if let Some(in_plan) = in_plan {
                let agree = (in_plan - value).abs() <= 1e-9 * in_plan.abs().max(value.abs());
                if !agree {
                    let line = match year.cmp(&base_year) {
                        Ordering::Greater => metric.actual_line.unwrap_or(metric.line),
                        _ => metric.line,
                    };
                    report(format!(
                        "{year}: {value} here, but {said} {in_plan} (line {line}); \
                         the two must agree: correct one, or drop one"
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
            file_figure("2015", &Value::Integer(1), years, true),
            Err(
                "2015 is outside the plan's years; actual figures are for 2016–2020 \
                 (the 2015 value is the baseline)"
                    .into()
            )
        );
        assert_eq!(
            file_figure("2017", &Value::Integer(0), years, true),
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
                .starts_with("`next` is not a year")
        );
    }
}
