//! The odds of each goal: the plan simulated many times with yearly noise
//! around its growth, and how often each goal is met.
//!
//! A compound metric's growth factor in year y is (1 + g(y)) · exp(σ(y) Z),
//! a linear metric's increment d(y) + σ(y) Z, with Z standard normal, so the
//! plan path is every year's median and a plan that exactly meets a goal has
//! even odds. Each metric's Z is √ρ F(y) + √(1-ρ) ε(metric, y), one common
//! factor F per year. Ratios move with their simulated parts; figures already
//! known carry no noise.
//!
//! Every goal is judged on each path by the rule a projection is judged by
//! (`goals::Measure`): a level at target_year, a rate by the metric's
//! method and a change on the path at comparable prices, an increase, a
//! total of the plan years, or an average rate in step with another
//! metric's on the same path. Each is read from one number per path, the
//! metric's noise at target_year or the sum of its values, and holds on an
//! interval of it, except a rate in step, which reads two.
//!
//! The input, [`Simulation`], is plain numbers: the projection's paths (whose
//! deterministic part is reused, not recomputed) and each metric's
//! volatility, filled from a plan by [`Simulation::from_plan`]. `layout`
//! works out once what every block of paths needs, and `verdict` each goal's
//! interval; `block` simulates a block of paths from its own random
//! streams, seeded from (seed, block, metric), and adds what it found to a
//! tally of integer counts; `sketch` holds the mergeable histograms;
//! `history` estimates a volatility from past figures. Blocks are spread
//! over threads by rayon, and since tallies only add integers, a seed gives
//! the same odds whatever the number of threads, in memory that does not
//! grow with the number of paths.

mod block;
mod history;
mod layout;
mod sketch;
mod tally;
#[cfg(test)]
mod tests;
mod verdict;

use rayon::prelude::*;

pub use history::{Changes, HistoryError, MIN_HISTORY_CHANGES, history_volatility, volatilities};

use super::projection::{Projection, continuation, continuation_at, share_anchor};
use crate::plan::{GoalKind, Model, Plan, Prices, RateMethod, Stated};
use block::BLOCK;
use layout::{Layout, Statistic};
use sketch::{Histogram, first_year_quantile};
use tally::Tally;
use verdict::Map;

/// How many years past target_year a path is followed to find the year a
/// goal is first met.
pub const LATER_YEARS: usize = 30;

/// How the simulation runs: the plan's `[uncertainty]`, or the command
/// line's.
pub use crate::plan::Uncertainty as Options;
pub use crate::plan::{DEFAULT_PATHS, DEFAULT_SEED, PATHS};

/// Everything the simulation needs, as plain numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// The year the paths start from.
    pub base_year: i32,
    /// The year the goals are judged at.
    pub target_year: i32,
    /// Ratios and in-step goals refer to metrics by index in this list.
    pub metrics: Vec<SimMetric>,
    /// The goals, in the order their odds are returned.
    pub goals: Vec<SimGoal>,
    /// Paths, seed and correlation.
    pub options: Options,
}

/// One metric's projected path and its noise.
#[derive(Debug, Clone, PartialEq)]
pub struct SimMetric {
    /// The projected path, base_year..=target_year, then up to
    /// [`LATER_YEARS`] values of its continuation; a value that is not finite
    /// ends the path there, as the projection's continuation does.
    pub path: Vec<f64>,
    /// The same path at base-year prices, on which growth is judged (equal
    /// to `path` for a metric without a deflator); noise moves both alike.
    pub real: Vec<f64>,
    /// Year index of the latest value known for certain (0 for the base
    /// year, else the latest actual figure): noise starts after it.
    pub known_through: usize,
    /// How the metric's value moves around its path.
    pub noise: Noise,
    /// How the metric's average annual rate is computed.
    pub rate_method: RateMethod,
}

/// How a metric's value moves around its path.
#[derive(Debug, Clone, PartialEq)]
pub enum Noise {
    /// σ of the log growth factor for each projected year (element k - 1 for
    /// year index k; the last also after target_year); empty for none.
    Compound(Vec<f64>),
    /// σ of the increment, in the metric's unit, per projected year as above.
    Linear(Vec<f64>),
    /// numerator / denominator × `factor` (the ratio's scale and its
    /// proportion to its parts), moving with the parts' noise from
    /// `known_through` on. The parts are compound or linear metrics, taken
    /// at `prices`.
    Ratio {
        /// Index of the numerator in [`Simulation::metrics`].
        numerator: usize,
        /// Index of the denominator.
        denominator: usize,
        /// What the parts' quotient is multiplied by.
        factor: f64,
        /// Whether the parts' paths or their real paths are divided.
        prices: Prices,
    },
}

/// One goal to find the odds of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimGoal {
    /// Index into [`Simulation::metrics`].
    pub metric: usize,
    /// What the goal is on.
    pub kind: GoalKind,
    /// The goal as the plan states it: an in-step goal refers to another
    /// metric of the simulation by index.
    pub goal: Stated,
}

/// What the simulation found, goals in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct Odds {
    /// The number of paths simulated.
    pub paths: u64,
    /// Each goal's odds.
    pub goals: Vec<GoalOdds>,
    /// For each metric, each year base_year..=target_year.
    pub bands: Vec<Vec<Band>>,
}

/// One goal's odds.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalOdds {
    /// Index into [`Simulation::metrics`].
    pub metric: usize,
    /// What the goal is on.
    pub kind: GoalKind,
    /// The goal as stated.
    pub goal: Stated,
    /// The share of paths meeting the goal at target_year.
    pub probability: f64,
    /// Monte Carlo standard error of `probability`: √(p(1-p)/n).
    pub standard_error: f64,
    /// The share of paths on which the judged value does not exist (a
    /// ratio's denominator crossing 0; a rate from a value not above 0);
    /// they count as missing the goal.
    pub undefined: f64,
    /// Percentiles of the value judged, as `goals::Measure::value` reports
    /// it: the target-year value, the average annual rate (an in-step
    /// goal's own), the change, the increase or the total; none where
    /// undefined.
    pub value: Percentiles<Option<f64>>,
    /// Level goals: percentiles of the first year from which the goal holds
    /// (by `goals::HeldSince`); none for a year later than
    /// target_year + [`LATER_YEARS`].
    pub year: Option<Percentiles<Option<i32>>>,
}

/// The 10th, 50th and 90th percentiles of something.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percentiles<T> {
    /// One in ten paths is below.
    pub p10: T,
    /// The median.
    pub p50: T,
    /// Nine in ten paths are below.
    pub p90: T,
}

/// The spread of a metric's value in one year, over the paths where it is
/// defined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// The calendar year.
    pub year: i32,
    /// The 10th percentile.
    pub p10: Option<f64>,
    /// The 25th percentile.
    pub p25: Option<f64>,
    /// The 75th percentile.
    pub p75: Option<f64>,
    /// The 90th percentile.
    pub p90: Option<f64>,
}

/// Options or volatilities the simulation cannot use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OddsError {
    /// Outside [`PATHS`].
    Paths(u64),
    /// Outside [0, 1).
    Correlation(f64),
    /// Negative or not finite.
    Volatility {
        /// Index into [`Simulation::metrics`].
        metric: usize,
        /// The year it is for.
        year: i32,
        /// The volatility given.
        sigma: f64,
    },
}

impl Simulation {
    /// The simulation of a plan's goals: `volatility[i]` is metric i's σ for
    /// each projected year (empty for none; ratios take theirs from their
    /// parts).
    pub fn from_plan(
        plan: &Plan,
        projection: &Projection,
        volatility: &[Vec<f64>],
        options: Options,
    ) -> Simulation {
        let horizon = plan.horizon();
        let metrics = plan
            .metrics
            .iter()
            .enumerate()
            .map(|(index, metric)| {
                let continued = |values: &[f64], later: &mut dyn Iterator<Item = f64>| {
                    let later = later.take(LATER_YEARS);
                    values.iter().copied().chain(later).collect::<Vec<f64>>()
                };
                let path = continued(
                    projection.series(index),
                    &mut continuation(plan, projection, index),
                );
                let (noise, real) = match metric.model {
                    Model::Compound { .. } => (
                        Noise::Compound(volatility[index].clone()),
                        continued(
                            projection.real_series(index),
                            &mut continuation_at(plan, projection, index, Prices::Comparable),
                        ),
                    ),
                    Model::Linear { .. } => {
                        (Noise::Linear(volatility[index].clone()), path.clone())
                    }
                    Model::Ratio {
                        numerator,
                        denominator,
                        scale,
                        prices,
                        ..
                    } => (
                        Noise::Ratio {
                            numerator,
                            denominator,
                            factor: scale * share_anchor(plan, projection, index, horizon),
                            prices,
                        },
                        path.clone(),
                    ),
                };
                SimMetric {
                    path,
                    real,
                    known_through: projection.latest_actual(index).unwrap_or(0),
                    noise,
                    rate_method: metric.rate_method,
                }
            })
            .collect();
        let goals = plan
            .metrics
            .iter()
            .enumerate()
            .flat_map(|(metric, m)| {
                m.goals()
                    .map(move |(kind, goal)| SimGoal { metric, kind, goal })
            })
            .collect();
        Simulation {
            base_year: plan.base_year,
            target_year: plan.target_year,
            metrics,
            goals,
            options,
        }
    }
}

/// The memory the tallies of a few folds a thread may take at once.
const TALLY_BUDGET: usize = 256 << 20;

/// Runs the simulation on the current rayon thread pool.
pub fn simulate(simulation: &Simulation) -> Result<Odds, OddsError> {
    let layout = Layout::new(simulation)?;
    let blocks = simulation.options.paths.div_ceil(BLOCK as u64) as usize;
    // A few folds per thread balance the load; each holds one tally, so
    // their number, not the number of blocks, bounds the memory: a plan of
    // thousands of noisy metrics, whose tally is large, gets one a thread.
    let threads = rayon::current_num_threads();
    let folds = if Tally::bytes(&layout) > TALLY_BUDGET / 4 {
        threads
    } else {
        4 * threads
    };
    let per_fold = (blocks / folds).max(1);
    let mut tally = (0..blocks)
        .into_par_iter()
        .with_min_len(per_fold)
        .fold(
            || Tally::new(&layout),
            |mut tally, block| {
                block::simulate(&layout, block as u64, &mut tally);
                tally
            },
        )
        .reduce_with(|mut a, b| {
            a.merge(&b);
            a
        })
        .expect("there is at least one block");
    block::settle_certain(&layout, &mut tally);
    Ok(summarise(simulation, &layout, &tally))
}

fn summarise(simulation: &Simulation, layout: &Layout, tally: &Tally) -> Odds {
    let n = simulation.options.paths as f64;
    let year = |index: usize| simulation.base_year + index as i32;
    let horizon = layout.horizon;
    let goals = simulation
        .goals
        .iter()
        .enumerate()
        .map(|(g, goal)| {
            let probability = tally.met[g] as f64 / n;
            let (on, map) = layout.judged(g);
            let value = |q: f64| {
                let q = if map.falling() { 1.0 - q } else { q };
                let value = map.measure(layout.quantile(tally, on, q)?).value();
                (!value.is_nan()).then_some(value)
            };
            let first = |q: f64| first_year_quantile(&tally.years[g], q).map(year);
            GoalOdds {
                metric: goal.metric,
                kind: goal.kind,
                goal: goal.goal,
                probability,
                standard_error: (probability * (1.0 - probability) / n).sqrt(),
                undefined: tally.undefined[g] as f64 / n,
                value: Percentiles {
                    p10: value(0.1),
                    p50: value(0.5),
                    p90: value(0.9),
                },
                year: (goal.kind == GoalKind::Level).then(|| Percentiles {
                    p10: first(0.1),
                    p50: first(0.5),
                    p90: first(0.9),
                }),
            }
        })
        .collect();
    let bands = layout
        .metrics
        .iter()
        .enumerate()
        .map(|(m, metric)| {
            (0..=horizon)
                .map(|k| {
                    let map = Map::Level {
                        shape: metric.shape,
                        anchor: metric.path[k],
                    };
                    let q = |q: f64| {
                        let q = if map.falling() { 1.0 - q } else { q };
                        let x = layout.noise_quantile(tally.bands[m][k].as_ref(), q)?;
                        Some(map.level(x))
                    };
                    Band {
                        year: year(k),
                        p10: q(0.1),
                        p25: q(0.25),
                        p75: q(0.75),
                        p90: q(0.9),
                    }
                })
                .collect()
        })
        .collect();
    Odds {
        paths: simulation.options.paths,
        goals,
        bands,
    }
}

impl Layout<'_> {
    /// The q-quantile of a statistic at target_year.
    fn quantile(&self, tally: &Tally, on: Statistic, q: f64) -> Option<f64> {
        let histogram = match on {
            Statistic::End(m) => &tally.bands[m][self.horizon],
            Statistic::Sum(i) => &tally.sums[i],
        };
        self.noise_quantile(histogram.as_ref(), q)
    }

    /// The q-quantile of what `histogram` counts; 0 where it is certain.
    fn noise_quantile(&self, histogram: Option<&Histogram>, q: f64) -> Option<f64> {
        histogram.map_or(Some(0.0), |histogram| histogram.quantile(q))
    }
}
