//! A metric's volatility read from its own past (`volatility = "history"`):
//! how much its annual growth has varied, on the scale of the simulation's
//! shocks (log growth for a compound metric, the change in its unit for a
//! linear one), so that a past as bumpy as the future would give it. The
//! past is every figure the plan has of the metric: its history before the
//! base year, its baseline and its actual figures.

use std::collections::BTreeMap;

use crate::plan::{Model, Plan, Volatility};

/// Fewer annual changes than this make a standard deviation of noise.
pub const MIN_HISTORY_CHANGES: usize = 4;

/// Why figures give no volatility.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HistoryError {
    /// Fewer than [`MIN_HISTORY_CHANGES`] pairs of consecutive years.
    TooFew {
        /// The annual changes there are.
        changes: usize,
    },
    /// A figure of 0 or less has no log growth.
    NotPositive {
        /// The year of that figure.
        year: i32,
    },
}

/// How a metric's annual changes are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changes {
    /// ln(v(y) / v(y-1)): a compound metric's.
    Log,
    /// v(y) - v(y-1): a linear metric's, in its unit.
    Difference,
}

/// The sample standard deviation of the annual changes over every pair of
/// consecutive years among `figures` (year → value); a gap's change spans
/// more than a year and is left out.
pub fn history_volatility(
    figures: &BTreeMap<i32, f64>,
    changes: Changes,
) -> Result<f64, HistoryError> {
    if changes == Changes::Log
        && let Some((&year, _)) = figures.iter().find(|(_, v)| v.is_nan() || **v <= 0.0)
    {
        return Err(HistoryError::NotPositive { year });
    }
    let changes: Vec<f64> = figures
        .iter()
        .zip(figures.iter().skip(1))
        .filter(|((y0, _), (y1, _))| **y1 == **y0 + 1)
        .map(|((_, v0), (_, v1))| match changes {
            Changes::Log => (v1 / v0).ln(),
            Changes::Difference => v1 - v0,
        })
        .collect();
    let n = changes.len();
    if n < MIN_HISTORY_CHANGES {
        return Err(HistoryError::TooFew { changes: n });
    }
    let mean = changes.iter().sum::<f64>() / n as f64;
    let squares: f64 = changes.iter().map(|c| (c - mean).powi(2)).sum();
    Ok((squares / (n - 1) as f64).sqrt())
}

/// Each metric's σ for each projected year, as [`super::Simulation::from_plan`]
/// takes them: as the plan gives them, read from the metric's figures for
/// `"history"`, none for a metric without a volatility (and for a ratio,
/// which moves with its parts). Refused with the metric's index when its
/// figures give none.
pub fn volatilities(plan: &Plan) -> Result<Vec<Vec<f64>>, (usize, HistoryError)> {
    plan.metrics
        .iter()
        .enumerate()
        .map(
            |(index, metric)| match (&metric.volatility, &metric.model) {
                (None, _) | (_, Model::Ratio { .. }) => Ok(Vec::new()),
                (Some(Volatility::PerYear(sigma)), _) => Ok(sigma.clone()),
                (Some(Volatility::History { .. }), Model::Compound { baseline, .. })
                | (Some(Volatility::History { .. }), Model::Linear { baseline, .. }) => {
                    let changes = match metric.model {
                        Model::Compound { .. } => Changes::Log,
                        _ => Changes::Difference,
                    };
                    let mut figures = metric.history.clone();
                    figures.insert(plan.base_year, *baseline);
                    figures.extend(&metric.actual);
                    history_volatility(&figures, changes)
                        .map(|sigma| vec![sigma; plan.horizon()])
                        .map_err(|error| (index, error))
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(pairs: &[(i32, f64)]) -> BTreeMap<i32, f64> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn steady_growth_has_no_volatility() {
        let steady = figures(&[
            (2011, 100.0),
            (2012, 110.0),
            (2013, 121.0),
            (2014, 133.1),
            (2015, 146.41),
        ]);
        assert!(history_volatility(&steady, Changes::Log).unwrap() < 1e-12);
    }

    #[test]
    fn alternating_growth_gives_the_sample_standard_deviation() {
        // Log changes +0.1, -0.1, +0.1, -0.1: mean 0, Σ squares 0.04 over 3.
        let values = [0.0, 0.1, 0.0, 0.1, 0.0];
        let bumpy: BTreeMap<i32, f64> =
            (2011..).zip(values.map(|l: f64| 100.0 * l.exp())).collect();
        let sigma = history_volatility(&bumpy, Changes::Log).unwrap();
        assert!((sigma - (0.04f64 / 3.0).sqrt()).abs() < 1e-12, "{sigma}");
    }

    #[test]
    fn gaps_and_short_or_non_positive_histories() {
        // 2013 missing: only 2011→2012, 2014→2015, 2015→2016 are annual.
        let gappy = figures(&[
            (2011, 1.0),
            (2012, 2.0),
            (2014, 3.0),
            (2015, 4.0),
            (2016, 5.0),
        ]);
        assert_eq!(
            history_volatility(&gappy, Changes::Log),
            Err(HistoryError::TooFew { changes: 3 })
        );
        let zero = figures(&[(2011, 1.0), (2012, 0.0)]);
        assert_eq!(
            history_volatility(&zero, Changes::Log),
            Err(HistoryError::NotPositive { year: 2012 })
        );
        // Changes in the unit: 2, -2, 2, -2 around a mean of 0, Σ squares 16 over 3.
        let linear = figures(&[(1, 0.0), (2, 2.0), (3, 0.0), (4, 2.0), (5, 0.0)]);
        let sigma = history_volatility(&linear, Changes::Difference).unwrap();
        assert!((sigma - (16.0f64 / 3.0).sqrt()).abs() < 1e-12, "{sigma}");
    }
}
