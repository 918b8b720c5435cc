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
//! The input, [`Simulation`], is plain numbers: the projection's paths (whose
//! deterministic part is reused, not recomputed) and each metric's
//! volatility, filled from a plan by [`Simulation::from_plan`]. `layout`
//! works out once what every block of paths needs, and `verdict` each goal's
//! test per year; `block` simulates a block of paths from its own random
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
#[cfg(test)]
mod tests;
mod verdict;

use std::ops::RangeInclusive;

use rayon::prelude::*;

pub use history::{HistoryError, MIN_HISTORY_CHANGES, history_volatility};

use super::goals::average_annual_rate;
use super::projection::{Projection, continuation, share_anchor};
use crate::plan::{Goal, GoalKind, Model, Plan};
use block::{BLOCK, Tally};
use layout::{Layout, Shape};
use sketch::first_year_quantile;

/// How many years past target_year a path is followed to find the year a
/// goal is first met.
pub const LATER_YEARS: usize = 30;

/// The number of simulated paths allowed: fewer say little, more take long.
pub const PATHS: RangeInclusive<u64> = 100..=100_000_000;

pub const DEFAULT_PATHS: u64 = 100_000;

/// The day the plan was announced (2016-02-04), so that runs repeat exactly.
pub const DEFAULT_SEED: u64 = 20_160_204;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Number of simulated paths, within [`PATHS`].
    pub paths: u64,
    pub seed: u64,
    /// ρ in [0, 1): the share of each year's noise common to every metric.
    pub correlation: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            paths: DEFAULT_PATHS,
            seed: DEFAULT_SEED,
            correlation: 0.0,
        }
    }
}

/// Everything the simulation needs, as plain numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub base_year: i32,
    pub target_year: i32,
    /// Ratios refer to their parts by index in this list.
    pub metrics: Vec<SimMetric>,
    pub goals: Vec<SimGoal>,
    pub options: Options,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimMetric {
    /// The projected path, base_year..=target_year, then up to
    /// [`LATER_YEARS`] values of its continuation; a value that is not finite
    /// ends the path there, as the projection's continuation does.
    pub path: Vec<f64>,
    /// Year index of the latest value known for certain (0 for the base
    /// year, else the latest actual figure): noise starts after it.
    pub known_through: usize,
    pub noise: Noise,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Noise {
    /// σ of the log growth factor for each projected year (element k - 1 for
    /// year index k; the last also after target_year); empty for none.
    Compound(Vec<f64>),
    /// σ of the increment, in the metric's unit, per projected year as above.
    Linear(Vec<f64>),
    /// numerator / denominator × `factor` (the ratio's scale and its
    /// proportion to its parts), moving with the parts' noise from
    /// `known_through` on. The parts are compound or linear metrics.
    Ratio {
        numerator: usize,
        denominator: usize,
        factor: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimGoal {
    pub metric: usize,
    pub kind: GoalKind,
    pub goal: Goal,
}

/// What the simulation found, goals in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct Odds {
    pub paths: u64,
    pub goals: Vec<GoalOdds>,
    /// For each metric, each year base_year..=target_year.
    pub bands: Vec<Vec<Band>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalOdds {
    pub metric: usize,
    pub kind: GoalKind,
    pub goal: Goal,
    /// The share of paths meeting the goal at target_year.
    pub probability: f64,
    /// Monte Carlo standard error of `probability`: √(p(1-p)/n).
    pub standard_error: f64,
    /// The share of paths on which the judged value does not exist (a
    /// ratio's denominator crossing 0; a rate from a value not above 0);
    /// they count as missing the goal.
    pub undefined: f64,
    /// Percentiles of the value judged: the target-year value for a level
    /// goal, the average annual rate for a rate goal; none where undefined.
    pub value: Percentiles<Option<f64>>,
    /// Level goals: percentiles of the first year from which the goal holds
    /// (by the rule of `goals::evaluate`); none for a year later than
    /// target_year + [`LATER_YEARS`].
    pub year: Option<Percentiles<Option<i32>>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percentiles<T> {
    pub p10: T,
    pub p50: T,
    pub p90: T,
}

/// The spread of a metric's value in one year, over the paths where it is
/// defined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub year: i32,
    pub p10: Option<f64>,
    pub p25: Option<f64>,
    pub p75: Option<f64>,
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
        metric: usize,
        year: i32,
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
        let metrics = plan
            .metrics
            .iter()
            .enumerate()
            .map(|(index, metric)| SimMetric {
                path: projection
                    .series(index)
                    .iter()
                    .copied()
                    .chain(continuation(plan, projection, index).take(LATER_YEARS))
                    .collect(),
                known_through: projection.latest_actual(index).unwrap_or(0),
                noise: match metric.model {
                    Model::Compound { .. } => Noise::Compound(volatility[index].clone()),
                    Model::Linear { .. } => Noise::Linear(volatility[index].clone()),
                    Model::Ratio {
                        numerator,
                        denominator,
                        scale,
                    } => Noise::Ratio {
                        numerator,
                        denominator,
                        factor: scale * share_anchor(plan, projection, index, plan.horizon()),
                    },
                },
            })
            .collect();
        let goals = plan
            .metrics
            .iter()
            .enumerate()
            .flat_map(|(metric, m)| {
                m.goals().map(move |(kind, goal)| SimGoal {
                    metric,
                    kind,
                    goal: *goal,
                })
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

/// Runs the simulation on the current rayon thread pool.
pub fn simulate(simulation: &Simulation) -> Result<Odds, OddsError> {
    let layout = Layout::new(simulation)?;
    let blocks = simulation.options.paths.div_ceil(BLOCK as u64) as usize;
    // A few folds per thread balance the load; each holds one tally, so
    // their number, not the number of blocks, bounds the memory.
    let per_fold = (blocks / (4 * rayon::current_num_threads())).max(1);
    let tally = (0..blocks)
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
            let level = |q: f64| layout.quantile(tally, goal.metric, horizon, q);
            let judged = |q: f64| match goal.kind {
                GoalKind::Level => level(q),
                GoalKind::Rate => {
                    let start = simulation.metrics[goal.metric].path[0];
                    level(q).and_then(|end| average_annual_rate(start, end, horizon as f64))
                }
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
                    p10: judged(0.1),
                    p50: judged(0.5),
                    p90: judged(0.9),
                },
                year: (goal.kind == GoalKind::Level).then(|| Percentiles {
                    p10: first(0.1),
                    p50: first(0.5),
                    p90: first(0.9),
                }),
            }
        })
        .collect();
    let bands = (0..simulation.metrics.len())
        .map(|m| {
            (0..=horizon)
                .map(|k| {
                    let q = |q: f64| layout.quantile(tally, m, k, q);
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
    /// The q-quantile of metric `m`'s value in year index `k`: its noise's
    /// quantile carried through the value's shape, which keeps order except
    /// that a negative path turns a multiplicative noise's order round.
    fn quantile(&self, tally: &Tally, m: usize, k: usize, q: f64) -> Option<f64> {
        let anchor = self.metrics[m].path[k];
        let Some(histogram) = &tally.bands[m][k] else {
            return Some(anchor);
        };
        match self.metrics[m].shape {
            Shape::Additive => histogram.quantile(q).map(|x| anchor + x),
            Shape::Log if anchor < 0.0 => histogram.quantile(1.0 - q).map(|x| anchor * x.exp()),
            Shape::Log => histogram.quantile(q).map(|x| anchor * x.exp()),
        }
    }
}
