//! A metric's trend: the constant yearly change that describes its figures.
//!
//! Two questions need one: which rate a plan should assume when it says
//! `growth = "trend"` (the figures before the base year, ending at the
//! baseline), and how fast a metric has moved so far when a review asks
//! whether it keeps up (the baseline and the actual figures). Both depend on
//! how the metric moves, its [`Pace`]: a compound metric changes by a rate,
//! a linear one by an increment. The estimators are the ones statistical
//! offices use for such series: the end points (CAGR, a spreadsheet's RRI),
//! least squares on the logarithms (or on the values for a linear metric),
//! and the mean of the latest annual changes.

use super::average::average_annual_rate;
use super::noise::{difference, significant};

/// How a metric moves from one year to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// By a rate: v(y) = v(y-1) × (1 + r).
    Compound,
    /// By an increment: v(y) = v(y-1) + d.
    Linear,
}

impl Pace {
    /// The constant yearly change that turns `start` into `end` over `years`
    /// years: the average annual rate (CAGR), or the average increment. None
    /// over no time, and for a rate unless both values are positive.
    pub fn between(self, start: f64, end: f64, years: f64) -> Option<f64> {
        match self {
            Pace::Compound => average_annual_rate(start, end, years),
            Pace::Linear => (years > 0.0).then(|| (end - start) / years),
        }
    }

    /// `value` carried on for `years` years at `per_year`. A rate of -100 %
    /// or less leaves nothing after a year, not a value of the other sign.
    pub fn extend(self, value: f64, per_year: f64, years: f64) -> f64 {
        match self {
            Pace::Compound => value * (1.0 + per_year).max(0.0).powf(years),
            Pace::Linear => value + per_year * years,
        }
    }
}

/// A yearly change and how it applies: a rate or an increment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Whether `per_year` is a rate or an increment.
    pub pace: Pace,
    /// The change: a fraction (0.118 for 11.8 % a year) for a compound
    /// pace, a value in the metric's unit for a linear one.
    pub per_year: f64,
}

/// The mean of the yearly changes between consecutive `figures` (year,
/// value; years ascending), each year counted once: a gap of several years
/// contributes its per-year change once for each of its years, as if filled
/// in the way projections fill years between figures. For a linear pace this
/// is the end points' average increment. None for fewer than two figures,
/// and for a rate when a value is not positive.
pub fn mean_annual_change(pace: Pace, figures: &[(i32, f64)]) -> Option<f64> {
    let (first, last) = (figures.first()?.0, figures.last()?.0);
    let mut weighted = 0.0;
    for pair in figures.windows(2) {
        let [(y0, v0), (y1, v1)] = [pair[0], pair[1]];
        let years = f64::from(y1 - y0);
        weighted += pace.between(v0, v1, years)? * years;
    }
    (last > first).then(|| weighted / f64::from(last - first))
}

/// How a trend is estimated from figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimator {
    /// From the first figure to the last: the average annual rate (CAGR),
    /// or the average increment.
    Cagr,
    /// The slope of a least-squares line through ln v (compound) or v
    /// (linear) against the year.
    LogLinear,
    /// The mean of the last five annual changes.
    Recent5,
}

impl Estimator {
    /// How many history figures (before the base year) the estimator needs.
    pub fn min_history(self) -> usize {
        match self {
            Estimator::Cagr | Estimator::LogLinear => 3,
            // Five figures before the baseline give it five annual changes.
            Estimator::Recent5 => 5,
        }
    }
}

/// How many annual changes `Recent5` averages.
const RECENT_CHANGES: usize = 5;

/// The trend found in a metric's history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// A rate (0.118 for 11.8 % a year) or an increment, as the pace says.
    pub rate: Rate,
    /// How many figures the estimate rests on, the baseline included.
    pub points: usize,
    /// The first year of those figures.
    pub from_year: i32,
    /// The last year of those figures (the base year).
    pub to_year: i32,
    /// How much of the figures' variation the least-squares line explains;
    /// for `LogLinear` only. Figures that do not vary are fitted exactly (1).
    pub r_squared: Option<f64>,
}

/// Why no trend can be estimated; the plan is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendError {
    /// Fewer history figures than the estimator needs.
    TooFewFigures {
        /// How many the estimator needs ([`Estimator::min_history`]).
        needed: usize,
        /// How many were given.
        given: usize,
    },
    /// A compound metric's figure that is zero or negative: it has no rate.
    NotPositive {
        /// The year of that figure.
        year: i32,
    },
}

/// The trend of `history` (figures before the base year, years ascending)
/// followed by `base` (the base year and the baseline).
pub fn trend(
    estimator: Estimator,
    pace: Pace,
    history: &[(i32, f64)],
    base: (i32, f64),
) -> Result<Trend, TrendError> {
    let needed = estimator.min_history();
    if history.len() < needed {
        return Err(TrendError::TooFewFigures {
            needed,
            given: history.len(),
        });
    }
    debug_assert!(
        history.windows(2).all(|p| p[0].0 < p[1].0) && history[history.len() - 1].0 < base.0
    );
    let mut figures = history.to_vec();
    figures.push(base);
    let has_no_rate = |v: f64| pace == Pace::Compound && v <= 0.0;
    if let Some(&(year, _)) = figures.iter().find(|(_, v)| has_no_rate(*v)) {
        return Err(TrendError::NotPositive { year });
    }
    let used = match estimator {
        Estimator::Recent5 => &figures[figures.len() - (RECENT_CHANGES + 1)..],
        Estimator::Cagr | Estimator::LogLinear => &figures[..],
    };
    let (from_year, to_year) = (used[0].0, base.0);
    let (per_year, r_squared) = match estimator {
        Estimator::Cagr => (
            pace.between(used[0].1, base.1, f64::from(to_year - from_year)),
            None,
        ),
        Estimator::Recent5 => (mean_annual_change(pace, used), None),
        Estimator::LogLinear => {
            let (slope, r_squared) = least_squares(used, pace);
            let per_year = match pace {
                Pace::Compound => difference(slope.exp(), 1.0),
                Pace::Linear => significant(slope),
            };
            (Some(per_year), Some(significant(r_squared)))
        }
    };
    Ok(Trend {
        // Figures are positive for a rate and span at least three years,
        // so every estimator has a value.
        rate: Rate {
            pace,
            per_year: per_year.expect("a trend of checked figures"),
        },
        points: used.len(),
        from_year,
        to_year,
        r_squared,
    })
}

/// The slope of the least-squares line through (year, ln v) for a compound
/// pace, (year, v) for a linear one, and its R².
fn least_squares(figures: &[(i32, f64)], pace: Pace) -> (f64, f64) {
    let points: Vec<(f64, f64)> = figures
        .iter()
        .map(|&(year, v)| {
            let y = match pace {
                Pace::Compound => v.ln(),
                Pace::Linear => v,
            };
            (f64::from(year), y)
        })
        .collect();
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let syy: f64 = points.iter().map(|p| (p.1 - mean_y).powi(2)).sum();
    let slope = sxy / sxx;
    let residual: f64 = points
        .iter()
        .map(|p| (p.1 - mean_y - slope * (p.0 - mean_x)).powi(2))
        .sum();
    let r_squared = if syy > 0.0 { 1.0 - residual / syy } else { 1.0 };
    (slope, r_squared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Estimator::*;
    use Pace::*;

    fn close(got: f64, want: f64) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }

    #[test]
    fn pace_between_and_extend_undo_each_other() {
        // (121/100)^(1/2) - 1 = 10 %; (121 - 100) / 2 = 10.5.
        assert_eq!(Compound.between(100.0, 121.0, 2.0), Some(0.1));
        assert_eq!(Linear.between(100.0, 121.0, 2.0), Some(10.5));
        close(Compound.extend(100.0, 0.1, 2.0), 121.0);
        assert_eq!(Linear.extend(100.0, 10.5, 2.0), 121.0);
        assert_eq!(Compound.between(0.0, 121.0, 2.0), None);
        assert_eq!(Linear.between(100.0, 121.0, 0.0), None);
        assert_eq!(Compound.extend(100.0, -1.5, 2.0), 0.0);
    }

    #[test]
    fn mean_annual_change_counts_each_year_once() {
        // Rates 10 %, 20 %, 0 %: mean 10 %.
        let figures = [(2015, 100.0), (2016, 110.0), (2017, 132.0), (2018, 132.0)];
        close(mean_annual_change(Compound, &figures).unwrap(), 0.1);
        // 2015 → 2017 is 10 % a year for each of its two years, then 40 %:
        // (10 + 10 + 40) / 3 = 20 %.
        let gap = [(2015, 100.0), (2017, 121.0), (2018, 169.4)];
        close(mean_annual_change(Compound, &gap).unwrap(), 0.2);
        // Linear: (169.4 - 100) / 3.
        close(mean_annual_change(Linear, &gap).unwrap(), 69.4 / 3.0);
        assert_eq!(mean_annual_change(Linear, &[(2015, 1.0)]), None);
        assert_eq!(
            mean_annual_change(Compound, &[(2015, 1.0), (2016, -1.0)]),
            None
        );
    }

    // 100 growing 10 % a year from 2011 to the 2015 baseline.
    const GEOMETRIC: [(i32, f64); 4] = [(2011, 100.0), (2012, 110.0), (2013, 121.0), (2014, 133.1)];
    const BASE: (i32, f64) = (2015, 146.41);

    #[test]
    fn every_estimator_recovers_a_constant_rate() {
        for estimator in [Cagr, LogLinear] {
            let t = trend(estimator, Compound, &GEOMETRIC, BASE).unwrap();
            close(t.rate.per_year, 0.1);
            assert_eq!((t.points, t.from_year, t.to_year), (5, 2011, 2015));
        }
        let t = trend(LogLinear, Compound, &GEOMETRIC, BASE).unwrap();
        close(t.r_squared.unwrap(), 1.0);
        assert_eq!(
            trend(Cagr, Compound, &GEOMETRIC, BASE).unwrap().r_squared,
            None
        );
        let history = [(2010, 100.0 / 1.1)].iter().chain(&GEOMETRIC).copied();
        let t = trend(Recent5, Compound, &history.collect::<Vec<_>>(), BASE).unwrap();
        close(t.rate.per_year, 0.1);
        assert_eq!((t.points, t.from_year), (6, 2010));
    }

    #[test]
    fn cagr_uses_the_end_points() {
        // (146.41 / 50)^(1/4) - 1 = 30.81 %: the middle figures do not count.
        let history = [(2011, 50.0), (2012, 500.0), (2013, 5.0), (2014, 120.0)];
        let t = trend(Cagr, Compound, &history, BASE).unwrap();
        close(t.rate.per_year, (146.41f64 / 50.0).powf(0.25) - 1.0);
        // Linear: (146.41 - 50) / 4 = 24.1025 a year.
        let t = trend(Cagr, Linear, &history, BASE).unwrap();
        close(t.rate.per_year, 24.1025);
    }

    #[test]
    fn least_squares_by_hand() {
        // y = 0, 1, 3, 4 at x = 0..3: x̄ = 1.5, ȳ = 2, Sxy = 3 + 0.5 + 0.5 + 3 = 7,
        // Sxx = 5, slope 1.4; fitted -0.1, 1.3, 2.7, 4.1, residuals ±0.1, ±0.3:
        // SSres = 0.2, SStot = 4 + 1 + 1 + 4 = 10, R² = 1 - 0.02 = 0.98.
        let t = trend(
            LogLinear,
            Linear,
            &[(2012, 0.0), (2013, 1.0), (2014, 3.0)],
            (2015, 4.0),
        )
        .unwrap();
        close(t.rate.per_year, 1.4);
        close(t.r_squared.unwrap(), 0.98);
        // The same on ln v: v = e^0, e^1, e^3, e^4 grows e^1.4 - 1 = 305.52 % a year.
        let e = std::f64::consts::E;
        let t = trend(
            LogLinear,
            Compound,
            &[(2012, 1.0), (2013, e), (2014, e.powi(3))],
            (2015, e.powi(4)),
        )
        .unwrap();
        assert!((t.rate.per_year - (1.4f64.exp() - 1.0)).abs() < 1e-9);
        assert!((t.r_squared.unwrap() - 0.98).abs() < 1e-12);
        // Figures that do not vary are a flat line, fitted exactly.
        let flat = [(2012, 7.0), (2013, 7.0), (2014, 7.0)];
        let t = trend(LogLinear, Compound, &flat, (2015, 7.0)).unwrap();
        assert_eq!((t.rate.per_year, t.r_squared), (0.0, Some(1.0)));
    }

    #[test]
    fn recent5_averages_the_last_five_annual_changes() {
        // Rates 10 %, 20 %, 0 %, -10 %, 30 % from 2010: mean 50 / 5 = 10 %, while
        // the end points give (154.44 / 100)^(1/5) - 1 = 9.08 %. The 2009 figure
        // is older than the last five changes and does not count.
        let history = [
            (2009, 1.0),
            (2010, 100.0),
            (2011, 110.0),
            (2012, 132.0),
            (2013, 132.0),
            (2014, 118.8),
        ];
        let t = trend(Recent5, Compound, &history, (2015, 154.44)).unwrap();
        close(t.rate.per_year, 0.1);
        assert_eq!((t.points, t.from_year), (6, 2010));
        // Linear: (154.44 - 100) / 5 = 10.888.
        let t = trend(Recent5, Linear, &history, (2015, 154.44)).unwrap();
        close(t.rate.per_year, 10.888);
    }

    #[test]
    fn too_few_figures_and_non_positive_figures_are_refused() {
        assert_eq!(
            trend(Cagr, Compound, &GEOMETRIC[..2], BASE),
            Err(TrendError::TooFewFigures {
                needed: 3,
                given: 2
            })
        );
        assert_eq!(
            trend(Recent5, Linear, &GEOMETRIC, BASE),
            Err(TrendError::TooFewFigures {
                needed: 5,
                given: 4
            })
        );
        assert!(trend(LogLinear, Compound, &GEOMETRIC[1..], BASE).is_ok());
        let history = [(2012, 3.0), (2013, 0.0), (2014, -1.0)];
        assert_eq!(
            trend(LogLinear, Compound, &history, BASE),
            Err(TrendError::NotPositive { year: 2013 })
        );
        assert_eq!(
            trend(Cagr, Compound, &GEOMETRIC[1..], (2015, 0.0)),
            Err(TrendError::NotPositive { year: 2015 })
        );
        // A linear metric may pass through zero.
        assert!(trend(Cagr, Linear, &history, BASE).is_ok());
    }
}
