//! Which metric of the plan an actual figure is for, and what the metric
//! makes of the figure's form. A file names the metric by id, or by its
//! `name` (地区生产总值) when no id matches and no other metric has that
//! name, as a sheet kept by hand does. A figure written with a percent sign
//! must be for a metric in %. A figure of a wide row for the base year that
//! repeats the baseline as far as it is written, as the first year column
//! of a sheet dabiao wrote does, is no actual figure and is passed over. This is the one look-up of metrics
//! for the figures of every actuals file, built once per plan.

use std::collections::{HashMap, HashSet};

use super::{ActualRecord, Fault, Known, Location, Metric, Model, in_year};

/// The plan's metrics by id and by name, found in constant time however
/// many there are: files can hold 100,000 rows against 100,000 metrics.
pub(crate) struct FigureMetrics<'m> {
    metrics: &'m [Metric],
    base_year: i32,
    ids: HashMap<&'m str, usize>,
    names: HashMap<&'m str, Vec<usize>>,
    /// The rows of one column per year whose metric was refused already:
    /// such a row is refused once, not once per figure.
    refused: HashSet<(String, usize)>,
    /// The plan's ids as a refusal lists them, made once when first needed.
    known: Option<Known>,
}

/// What a figure's metric turned out to be.
pub(crate) enum Found {
    Metric(usize),
    /// Not a metric of the plan, or a figure it cannot take: the place to
    /// name and why.
    Refused {
        at: Location,
        fault: Fault,
    },
    /// Its row's metric was refused already.
    Again,
    /// The base year's value, repeating the baseline.
    Baseline,
}

impl<'m> FigureMetrics<'m> {
    pub(crate) fn new(metrics: &'m [Metric], base_year: i32) -> Self {
        let mut names: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, metric) in metrics.iter().enumerate() {
            names.entry(metric.name.as_str()).or_default().push(index);
        }
        FigureMetrics {
            metrics,
            base_year,
            ids: metrics
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i))
                .collect(),
            names,
            refused: HashSet::new(),
            known: None,
        }
    }

    /// The metric `record` is for, by id, else by a name no other metric has.
    pub(crate) fn find(&mut self, record: &ActualRecord) -> Found {
        let named = record.metric.as_str();
        let index = match (
            self.ids.get(named),
            self.names.get(named).map(Vec::as_slice),
        ) {
            (Some(&index), _) | (None, Some(&[index])) => index,
            (None, found) => {
                let at = record
                    .metric_at
                    .clone()
                    .unwrap_or_else(|| record.at.clone());
                if record.metric_at.is_some() && !self.refused.insert(row_of(&at)) {
                    return Found::Again;
                }
                let fault = match found {
                    Some(several) => Fault::SeveralNamed {
                        ids: several
                            .iter()
                            .map(|&i| self.metrics[i].id.clone())
                            .collect(),
                    },
                    None => {
                        let metrics = self.metrics;
                        let known = self.known.get_or_insert_with(|| {
                            let ids: Vec<&str> = metrics.iter().map(|m| m.id.as_str()).collect();
                            Known::of(&ids)
                        });
                        let unknown = Fault::UnknownFigureMetric {
                            known: known.clone(),
                        };
                        // A long row names its metric beside the year;
                        // a wide row names it once for all its years.
                        match record.metric_at {
                            None => in_year(record.year, unknown),
                            Some(_) => unknown,
                        }
                    }
                };
                return Found::Refused { at, fault };
            }
        };
        let metric = &self.metrics[index];
        if record.percent && !in_percent(&metric.unit) {
            return Found::Refused {
                at: record.at.clone(),
                fault: in_year(
                    record.year,
                    Fault::PercentSign {
                        value: record.value.to_string(),
                        id: metric.id.clone(),
                        unit: metric.unit.trim().to_owned(),
                    },
                ),
            };
        }
        // A wide row's base-year column; a long row's base-year figure
        // must be the baseline itself, which the plan checks.
        if record.year == self.base_year
            && record.metric_at.is_some()
            && self
                .baseline(index)
                .is_some_and(|baseline| repeats(baseline, record.value))
        {
            return Found::Baseline;
        }
        Found::Metric(index)
    }

    /// A metric's base-year value: its baseline, or its parts' ratio.
    fn baseline(&self, index: usize) -> Option<f64> {
        match self.metrics[index].model {
            Model::Compound { baseline, .. } | Model::Linear { baseline, .. } => Some(baseline),
            Model::Ratio {
                numerator,
                denominator,
                scale,
                ..
            } => Some(self.baseline(numerator)? / self.baseline(denominator)? * scale),
        }
    }
}

/// Whether `written` is `exact` as far as it is written: 9.52 repeats
/// 9.5238…, shown to two decimals; 9.5238095238095237 repeats it too.
fn repeats(exact: f64, written: f64) -> bool {
    let shown = written.to_string();
    let decimals = shown.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let scale = 10f64.powi(decimals.min(15));
    let rounded = (exact * scale).round() / scale;
    (rounded - written).abs() <= 1e-9 * written.abs().max(exact.abs()).max(1e-300)
}

fn in_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％")
}

/// A place's file and row: the figures of one row share them.
fn row_of(at: &Location) -> (String, usize) {
    match at {
        Location::FileLine { file, line } => (file.clone(), *line),
        Location::Cell { file, row, .. } => (file.clone(), *row),
        Location::Line(line) => (String::new(), *line),
        Location::Argument(argument) => (argument.clone(), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_is_repeated_as_far_as_it_is_written() {
        let share = 40.0 / 420.0 * 100.0;
        assert!(repeats(share, 9.52));
        assert!(repeats(share, share));
        assert!(repeats(68.0, 68.0));
        assert!(!repeats(share, 9.53));
        assert!(!repeats(68.0, 70.0));
        assert!(!repeats(68.0, 68.5));
    }
}
