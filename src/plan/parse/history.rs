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
use crate::plan::{DerivedTrend, Location, Metric, Model};

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
pub(super) fn estimator(value: &Value) -> Result<Estimator, String> {
    let known = || {
        "`cagr` (from the first figure to the baseline, the default), `loglinear` \
         (least squares) or `recent5` (the mean of the last five annual changes)"
    };
    let Some(text) = value.as_str() else {
        return Err(format!("expected one of {}", known()));
    };
    ESTIMATORS
        .iter()
        .find(|(name, _)| *name == text.trim())
        .map(|(_, estimator)| *estimator)
        .ok_or_else(|| format!("\"{text}\" is not an estimator; write one of {}", known()))
}

/// One `year = value` entry of a metric's `history` table. Without a usable
/// base year, only the value is checked.
pub(super) fn history_figure(
    key: &str,
    value: &Value,
    base_year: Option<i32>,
    must_be_positive: bool,
) -> Result<(i32, f64), String> {
    let year: i32 = key.trim().parse().map_err(|_| {
        format!("`{key}` is not a year; write history = {{ 2012 = 40.2, 2013 = 45.1 }}")
    })?;
    if let Some(base_year) = base_year {
        history_year(year, base_year)?;
    }
    let figure = number(value).map_err(|msg| format!("{year}: {msg}"))?;
    if must_be_positive && figure <= 0.0 {
        return Err(format!(
            "{year}: {figure} is not positive; a compound metric's history needs positive \
             figures (it has a growth rate only between them)"
        ));
    }
    Ok((year, figure))
}

/// History is for the years before the base year, from year 1.
pub(super) fn history_year(year: i32, base_year: i32) -> Result<(), String> {
    if year >= base_year {
        let instead = if year == base_year {
            format!("the {base_year} value is the baseline")
        } else {
            format!("figures for {} on go in `actual`", base_year + 1)
        };
        return Err(format!(
            "{year} is not before the base year {base_year}; history holds the years \
             before it ({instead})"
        ));
    }
    if year < 1 {
        return Err(format!(
            "{year} is not a year; history holds years from 1 to {}",
            base_year - 1
        ));
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
            let message = match found {
                Ok(found) if pace == Pace::Compound && found.rate.per_year <= -1.0 => format!(
                    "the trend of its history is a fall of 100 % a year or more, which \
                     would wipe the value out; give the rate itself, as {} = \"-5%\"",
                    ask.field
                ),
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
                .report(ask.at.clone(), message);
        }
        (problems.count() == before).then_some(self.metrics)
    }
}

/// Why `"trend"` cannot be estimated, and what to write instead.
fn refusal(error: TrendError, ask: &Ask, pace: Pace, base_year: i32) -> String {
    let instead = match pace {
        Pace::Compound => "growth = \"6%\"",
        Pace::Linear => "increment = 5",
    };
    match error {
        TrendError::TooFewFigures { needed, given } => format!(
            "\"trend\" by {} needs at least {needed} history figures before {base_year}, \
             found {given}; add them, as history = {{ {} = …, {} = … }} or rows of an \
             actuals file, or give the change itself, as {instead}",
            estimator_name(ask.estimator),
            base_year - 2,
            base_year - 1,
        ),
        TrendError::NotPositive { year } => format!(
            "\"trend\" needs positive figures on a compound metric, but the one for {year} \
             is not; correct it, or give the rate itself, as {instead}"
        ),
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
            history_figure("2015", &Value::Integer(1), Some(2015), true),
            Err(
                "2015 is not before the base year 2015; history holds the years before it \
                 (the 2015 value is the baseline)"
                    .into()
            )
        );
        assert!(
            history_figure("2016", &Value::Integer(1), Some(2015), true)
                .unwrap_err()
                .ends_with("(figures for 2016 on go in `actual`)")
        );
        assert!(
            history_figure("0", &Value::Integer(1), Some(2015), true)
                .unwrap_err()
                .starts_with("0 is not a year")
        );
        assert!(
            history_figure("2014", &Value::Integer(0), Some(2015), true)
                .unwrap_err()
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
        let refused = estimator(&Value::String("linear".into())).unwrap_err();
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
