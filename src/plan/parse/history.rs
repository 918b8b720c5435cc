//! A metric's history and the trend a plan takes from it: figures before
//! the base year (`history = { 2011 = 40.2, … }` in the plan file, or rows
//! of an actuals file for those years), and `growth = "trend"` (or
//! `increment = "trend"`) with the estimator that `trend` names.
//!
//! The rate is estimated only once every history figure is in, those of
//! actuals files included, so a metric is checked in two steps: its table
//! first ([`Checked`] holds what the trend still waits for), then its
//! history and trend ([`Checked::finish`]). Every projected year takes the
//! rate found, and the plan keeps the trend itself for the report to name.

use toml::Value;

use super::actuals::CsvFigures;
use super::value::number;
use crate::calc::trend::{Estimator, Pace, TrendError, trend};
use crate::plan::error::Scoped;
use crate::plan::{DerivedTrend, Fault, Location, Metric, Model, in_year};

/// What a growth or increment says to leave to the history.
const TREND: &str = "trend";

/// The estimators a plan can name in `trend`, the default first.
const ESTIMATORS: [(&str, Estimator); 3] = [
    ("cagr", Estimator::Cagr),
    ("loglinear", Estimator::LogLinear),
    ("recent5", Estimator::Recent5),
];

/// The name a plan gives `estimator` in `trend`, which JSON repeats.
pub fn estimator_name(estimator: Estimator) -> &'static str {
    ESTIMATORS
        .iter()
        .find(|(_, e)| *e == estimator)
        .map_or("", |(name, _)| name)
}

/// Whether a growth or increment is `"trend"`.
pub(super) fn is_trend(value: &Value) -> bool {
    value.as_str().is_some_and(|text| text.trim() == TREND)
}

/// The estimator `trend = "…"` names.
pub(super) fn estimator(value: &Value) -> Result<Estimator, Fault> {
    let Some(text) = value.as_str() else {
        return Err(Fault::NotAnEstimator { text: None });
    };
    ESTIMATORS
        .iter()
        .find(|(name, _)| *name == text.trim())
        .map(|(_, estimator)| *estimator)
        .ok_or_else(|| Fault::NotAnEstimator {
            text: Some(text.to_owned()),
        })
}

/// One `year = value` entry of a metric's `history` table. Without a usable
/// base year, only the value is checked.
pub(super) fn history_figure(
    key: &str,
    value: &Value,
    base_year: Option<i32>,
    must_be_positive: bool,
) -> Result<(i32, f64), Fault> {
    let year: i32 = key.trim().parse().map_err(|_| Fault::HistoryKeyNotAYear {
        key: key.to_owned(),
    })?;
    if let Some(base_year) = base_year {
        history_year(year, base_year)?;
    }
    let figure = number(value).map_err(|fault| in_year(year, fault))?;
    if must_be_positive && figure <= 0.0 {
        return Err(in_year(
            year,
            Fault::HistoryNotPositive {
                figure: figure.to_string(),
            },
        ));
    }
    Ok((year, figure))
}

/// History is for the years before the base year, from year 1.
pub(super) fn history_year(year: i32, base_year: i32) -> Result<(), Fault> {
    if year >= base_year {
        return Err(Fault::HistoryNotBefore { year, base_year });
    }
    if year < 1 {
        return Err(Fault::HistoryBeforeYearOne {
            year,
            last: base_year - 1,
        });
    }
    Ok(())
}

/// A growth or increment left to the history, waiting for every figure.
pub(super) struct Ask {
    pub(super) estimator: Estimator,
    /// `growth` or `increment`, and where it says `"trend"`.
    pub(super) field: &'static str,
    pub(super) at: Location,
}

/// Metrics checked but for the trends they ask for.
pub(super) struct Checked {
    pub(super) metrics: Vec<Metric>,
    /// The asks, each with its metric's place among `metrics`.
    pub(super) asks: Vec<(usize, Ask)>,
}

impl Checked {
    /// The metrics with the figures of actuals files and the rates their
    /// trends give over `horizon` years from `base_year`; none when a trend
    /// cannot be estimated, which is reported.
    pub(super) fn finish(
        mut self,
        figures: &CsvFigures,
        (base_year, target_year): (i32, i32),
        problems: &mut Scoped,
    ) -> Option<Vec<Metric>> {
        figures.add_to(&mut self.metrics, base_year);
        let horizon = (target_year - base_year) as usize;
        let before = problems.count();
        for (index, ask) in &self.asks {
            let metric = &mut self.metrics[*index];
            let history: Vec<(i32, f64)> = metric.history.iter().map(|(&y, &v)| (y, v)).collect();
            let (pace, baseline, steps) = match &mut metric.model {
                Model::Compound {
                    baseline, growth, ..
                } => (Pace::Compound, *baseline, growth),
                Model::Linear {
                    baseline,
                    increment,
                } => (Pace::Linear, *baseline, increment),
                // A ratio has neither growth nor increment to ask with.
                Model::Ratio { .. } => continue,
            };
            let found = trend(ask.estimator, pace, &history, (base_year, baseline));
            let fault = match found {
                Ok(found) if pace == Pace::Compound && found.rate.per_year <= -1.0 => {
                    Fault::TrendWipesOut {
                        field: ask.field.to_owned(),
                    }
                }
                Ok(found) => {
                    *steps = vec![found.rate.per_year; horizon];
                    metric.trend = Some(DerivedTrend {
                        estimator: ask.estimator,
                        found,
                    });
                    continue;
                }
                Err(error) => refusal(error, ask, pace, base_year),
            };
            problems
                .in_metric(&metric.id)
                .in_field(ask.field)
                .report(ask.at.clone(), fault);
        }
        (problems.count() == before).then_some(self.metrics)
    }
}

/// Why `"trend"` cannot be estimated, and what to write instead.
fn refusal(error: TrendError, ask: &Ask, pace: Pace, base_year: i32) -> Fault {
    let compound = pace == Pace::Compound;
    match error {
        TrendError::TooFewFigures { needed, given } => Fault::TooFewForTrend {
            estimator: estimator_name(ask.estimator),
            needed,
            given,
            base_year,
            compound,
        },
        TrendError::NotPositive { year } => Fault::TrendNotPositive { year, compound },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_is_before_the_base_year() {
        assert_eq!(
            history_figure("2014", &Value::Float(40.5), Some(2015), true),
            Ok((2014, 40.5))
        );
        assert_eq!(
            history_figure("2015", &Value::Integer(1), Some(2015), true).map_err(|f| f.to_string()),
            Err(
                "2015 is not before the base year 2015; history holds the years before it \
                 (the 2015 value is the baseline)"
                    .into()
            )
        );
        assert!(
            history_figure("2016", &Value::Integer(1), Some(2015), true)
                .unwrap_err()
                .to_string()
                .ends_with("(figures for 2016 on go in `actual`)")
        );
        assert!(
            history_figure("0", &Value::Integer(1), Some(2015), true)
                .unwrap_err()
                .to_string()
                .starts_with("0 is not a year")
        );
        assert!(
            history_figure("2014", &Value::Integer(0), Some(2015), true)
                .unwrap_err()
                .to_string()
                .starts_with("2014: 0 is not positive")
        );
        assert_eq!(
            history_figure("2014", &Value::Integer(-3), Some(2015), false),
            Ok((2014, -3.0))
        );
        assert_eq!(
            history_figure("2030", &Value::Integer(5), None, false),
            Ok((2030, 5.0)),
            "without a usable base year only the value is checked"
        );
    }

    #[test]
    fn estimators_by_name() {
        assert_eq!(
            estimator(&Value::String(" loglinear ".into())),
            Ok(Estimator::LogLinear)
        );
        assert_eq!(
            estimator(&Value::String("recent5".into())),
            Ok(Estimator::Recent5)
        );
        let refused = estimator(&Value::String("linear".into()))
            .unwrap_err()
            .to_string();
        assert!(
            refused.starts_with("\"linear\" is not an estimator; write one of `cagr`"),
            "{refused}"
        );
        assert!(estimator(&Value::Integer(5)).is_err());
        for (name, e) in ESTIMATORS {
            assert_eq!(estimator_name(e), name);
        }
        assert!(is_trend(&Value::String(" trend".into())));
        assert!(!is_trend(&Value::String("6%".into())));
    }
}
