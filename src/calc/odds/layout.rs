//! What every block of paths needs to know about the simulation, worked out
//! once: how each metric's value follows from its noise, how far that noise
//! spreads each year (where the histogram bins go), the statistics each
//! goal is read from and its test, and the checks that make the input
//! usable.
//!
//! A metric's noise is one number per path: the sum of its yearly log
//! shocks for a compound metric (value = path · e^x), of its yearly shocks
//! for a linear one (value = path + x). A ratio of parts whose noise is all
//! multiplicative is multiplicative too, x being the difference of its
//! parts' noise since the ratio was last known; a ratio with a noisy linear
//! part is not, and its x is its value minus its path.

use super::verdict::{Map, Test};
use super::{LATER_YEARS, Noise, OddsError, PATHS, SimGoal, Simulation};
use crate::plan::{GoalKind, Prices, RateMethod, Stated};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// value = path · e^x
    Log,
    /// value = path + x
    Additive,
}

impl Shape {
    /// The value for noise `x` around the path value `anchor`.
    #[inline]
    pub(super) fn value(self, anchor: f64, x: f64) -> f64 {
        match self {
            Shape::Log => anchor * x.exp(),
            Shape::Additive => anchor + x,
        }
    }

    /// The value for noise `x` less the path value `anchor`.
    #[inline]
    pub(super) fn deviation(self, anchor: f64, x: f64) -> f64 {
        match self {
            Shape::Log => anchor * x.exp_m1(),
            Shape::Additive => x,
        }
    }

    /// The standard deviation of the value around `anchor` for a noise of
    /// standard deviation `sd` (the log-normal's for a multiplicative one).
    fn value_spread(self, anchor: f64, sd: f64) -> f64 {
        match self {
            Shape::Log => {
                let variance = sd * sd;
                anchor.abs() * (variance.exp_m1() * variance.exp()).sqrt()
            }
            Shape::Additive => sd,
        }
    }
}

#[derive(Debug)]
pub(super) enum Source<'a> {
    /// A compound or linear metric's own shocks.
    Own {
        /// σ for each year index 0..=horizon; 0 where the value is known.
        steps: Vec<f64>,
        /// σ for each year after target_year.
        later: f64,
        /// Where a block keeps its noise; none for a metric that has none,
        /// so that a plan of many metrics and few volatilities keeps few rows.
        row: Option<usize>,
    },
    Ratio {
        numerator: usize,
        denominator: usize,
        factor: f64,
        /// The parts' paths at the ratio's prices, numerator first.
        parts: [&'a [f64]; 2],
        /// Where the block keeps the parts' noise at `known_through`.
        slot: usize,
    },
}

#[derive(Debug)]
pub(super) struct MetricLayout<'a> {
    /// The path up to its first value that is not finite.
    pub path: &'a [f64],
    /// The path at base-year prices, as long as `path`.
    pub real: &'a [f64],
    pub known_through: usize,
    pub shape: Shape,
    pub source: Source<'a>,
    /// The standard deviation of x for each year index 0..=horizon (a bound
    /// for a ratio with a noisy linear part); 0 where the value is certain.
    pub spread: Vec<f64>,
    pub rate_method: RateMethod,
}

/// One number per path that goals are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Statistic {
    /// Metric `m`'s noise at target_year.
    End(usize),
    /// Entry `i` of [`Layout::sums`].
    Sum(usize),
}

/// The sum of a metric's values over the plan years, base_year + 1 ..=
/// target_year, kept as its deviation from the plan's sum.
#[derive(Debug)]
pub(super) struct SumLayout<'a> {
    pub metric: usize,
    /// The path summed: as projected, or at base-year prices.
    pub anchors: &'a [f64],
    /// A bound on the deviation's standard deviation (0 when certain): the
    /// years' spreads added up.
    pub spread: f64,
}

/// How a goal is judged on each path.
#[derive(Debug)]
pub(super) enum Judge {
    /// A goal with a stated value: it holds on an interval of `on`. A level
    /// goal has a test for each year index of its metric's path (its
    /// statistic then being the metric's noise that year), any other one
    /// test, at target_year.
    Stated { on: Statistic, tests: Vec<Test> },
    /// Keeping pace: the metric's own rate against another's, each read
    /// from its own statistic, path by path.
    InStep {
        own: (Statistic, Map),
        reference: (Statistic, Map),
        tolerance: f64,
    },
}

#[derive(Debug)]
pub(super) struct Layout<'a> {
    pub horizon: usize,
    pub paths: u64,
    pub seed: u64,
    /// √ρ and √(1-ρ): the weights of the common and the own shock.
    pub common: f64,
    pub own: f64,
    pub metrics: Vec<MetricLayout<'a>>,
    pub goals: &'a [SimGoal],
    /// Per goal.
    pub judges: Vec<Judge>,
    pub sums: Vec<SumLayout<'a>>,
    pub ratios: usize,
    /// The metrics with noise of their own, each a row of a block.
    pub rows: usize,
    /// Per goal: it reads only values without noise, so every path gives
    /// the plan's own verdict, found once rather than path by path.
    pub certain: Vec<bool>,
}

impl<'a> Layout<'a> {
    /// # Panics
    /// On input that no plan gives: a path shorter than the plan or not
    /// finite there, a volatility list of the wrong length, a ratio of
    /// ratios, an index out of range.
    pub(super) fn new(simulation: &'a Simulation) -> Result<Layout<'a>, OddsError> {
        let options = simulation.options;
        if !PATHS.contains(&options.paths) {
            return Err(OddsError::Paths(options.paths));
        }
        let rho = options.correlation;
        if !(0.0..1.0).contains(&rho) {
            return Err(OddsError::Correlation(rho));
        }
        let horizon = (simulation.target_year - simulation.base_year) as usize;
        assert!(
            horizon + LATER_YEARS < usize::from(u16::MAX),
            "a plan of centuries"
        );
        let finite = |values: &[f64]| values.iter().take_while(|v| v.is_finite()).count();
        let mut metrics = Vec::with_capacity(simulation.metrics.len());
        let (mut ratios, mut rows) = (0, 0);
        for (index, metric) in simulation.metrics.iter().enumerate() {
            let length = finite(&metric.path)
                .min(finite(&metric.real))
                .min(horizon + 1 + LATER_YEARS);
            assert!(
                length > horizon,
                "metric {index}: path not finite to target_year"
            );
            let (path, real) = (&metric.path[..length], &metric.real[..length]);
            let known = metric.known_through;
            assert!(known <= horizon, "metric {index}: known after target_year");
            let (shape, source) = match &metric.noise {
                Noise::Compound(sigma) | Noise::Linear(sigma) => {
                    assert!(
                        sigma.is_empty() || sigma.len() == horizon,
                        "metric {index}: one volatility per projected year"
                    );
                    if let Some((k, &bad)) = sigma
                        .iter()
                        .enumerate()
                        .find(|(_, s)| !(**s >= 0.0 && s.is_finite()))
                    {
                        return Err(OddsError::Volatility {
                            metric: index,
                            year: simulation.base_year + 1 + k as i32,
                            sigma: bad,
                        });
                    }
                    let steps: Vec<f64> = (0..=horizon)
                        .map(|k| match sigma.get(k.wrapping_sub(1)) {
                            Some(&sigma) if k > known => sigma,
                            _ => 0.0,
                        })
                        .collect();
                    let later = sigma.last().copied().unwrap_or(0.0);
                    let shape = match metric.noise {
                        Noise::Compound(_) => Shape::Log,
                        _ => Shape::Additive,
                    };
                    let noisy = later > 0.0 || steps.iter().any(|s| *s > 0.0);
                    let row = noisy.then(|| {
                        rows += 1;
                        rows - 1
                    });
                    (shape, Source::Own { steps, later, row })
                }
                &Noise::Ratio {
                    numerator,
                    denominator,
                    factor,
                    prices,
                } => {
                    let additive_noise = [numerator, denominator].iter().any(|&part| {
                        match &simulation.metrics[part].noise {
                            Noise::Linear(sigma) => sigma.iter().any(|s| *s > 0.0),
                            Noise::Compound(_) => false,
                            Noise::Ratio { .. } => panic!("metric {index}: a ratio of ratios"),
                        }
                    });
                    let shape = if additive_noise {
                        Shape::Additive
                    } else {
                        Shape::Log
                    };
                    let at_prices = |part: usize| {
                        let part = &simulation.metrics[part];
                        match prices {
                            Prices::Current => &part.path[..],
                            Prices::Comparable => &part.real[..],
                        }
                    };
                    ratios += 1;
                    let source = Source::Ratio {
                        numerator,
                        denominator,
                        factor,
                        parts: [at_prices(numerator), at_prices(denominator)],
                        slot: ratios - 1,
                    };
                    (shape, source)
                }
            };
            metrics.push(MetricLayout {
                path,
                real,
                known_through: known,
                shape,
                source,
                spread: Vec::new(),
                rate_method: metric.rate_method,
            });
        }
        let mut layout = Layout {
            horizon,
            paths: options.paths,
            seed: options.seed,
            common: rho.sqrt(),
            own: (1.0 - rho).sqrt(),
            metrics,
            goals: &simulation.goals,
            judges: Vec::new(),
            sums: Vec::new(),
            ratios,
            rows,
            certain: Vec::new(),
        };
        for m in 0..layout.metrics.len() {
            layout.metrics[m].spread = (0..=horizon).map(|k| layout.spread(m, k, rho)).collect();
        }
        layout.judges = simulation
            .goals
            .iter()
            .map(|goal| layout.judge(goal))
            .collect();
        layout.certain = (0..simulation.goals.len())
            .map(|g| layout.is_certain(g))
            .collect();
        Ok(layout)
    }

    /// How `goal` is judged, adding the sums it needs.
    fn judge(&mut self, goal: &SimGoal) -> Judge {
        let m = goal.metric;
        let horizon = self.horizon;
        match (goal.goal, goal.kind) {
            (Stated::Value(value), GoalKind::Level) => {
                let metric = &self.metrics[m];
                let tests = metric
                    .path
                    .iter()
                    .map(|&anchor| {
                        let map = Map::Level {
                            shape: metric.shape,
                            anchor,
                        };
                        Test::new(map, value)
                    })
                    .collect();
                // Year by year, a level goal reads the noise of that year.
                Judge::Stated {
                    on: Statistic::End(m),
                    tests,
                }
            }
            (Stated::Value(value), kind) => {
                let metric = &self.metrics[m];
                let shape = metric.shape;
                let (on, map) = match kind {
                    GoalKind::Change => (
                        Statistic::End(m),
                        Map::Change {
                            shape,
                            anchor: metric.real[horizon],
                            first: metric.real[0],
                        },
                    ),
                    GoalKind::Increase => (
                        Statistic::End(m),
                        Map::Increase {
                            shape,
                            anchor: metric.path[horizon],
                            first: metric.path[0],
                        },
                    ),
                    GoalKind::Total => {
                        let (on, plan) = self.sum(m, false);
                        (on, Map::Total { plan })
                    }
                    // Level goals took the arm above.
                    GoalKind::Rate | GoalKind::Level => self.rate(m),
                };
                Judge::Stated {
                    on,
                    tests: vec![Test::new(map, value)],
                }
            }
            (Stated::InStep(in_step), _) => Judge::InStep {
                own: self.rate(m),
                reference: self.rate(in_step.metric),
                tolerance: in_step.tolerance,
            },
        }
    }

    /// Metric `m`'s average annual rate by its method, on its real path.
    fn rate(&mut self, m: usize) -> (Statistic, Map) {
        let metric = &self.metrics[m];
        let (horizon, first) = (self.horizon, metric.real[0]);
        match metric.rate_method {
            RateMethod::Endpoint => (
                Statistic::End(m),
                Map::Rate {
                    shape: metric.shape,
                    anchor: metric.real[horizon],
                    first,
                    years: horizon as f64,
                },
            ),
            RateMethod::Cumulative => {
                let (on, plan) = self.sum(m, true);
                let map = Map::RateOfSum {
                    plan,
                    first,
                    years: horizon,
                };
                (on, map)
            }
        }
    }

    /// The sum of metric `m`'s values, at base-year prices if `real`, and
    /// the plan's sum, added as the projection adds it; one per metric and
    /// path summed.
    fn sum(&mut self, m: usize, real: bool) -> (Statistic, f64) {
        let metric = &self.metrics[m];
        let anchors = &(if real { metric.real } else { metric.path })[..=self.horizon];
        let plan: f64 = anchors[1..].iter().sum();
        let found = self
            .sums
            .iter()
            .position(|sum| sum.metric == m && sum.anchors == anchors);
        let i = found.unwrap_or_else(|| {
            let spread = (1..=self.horizon)
                .map(|k| metric.shape.value_spread(anchors[k], metric.spread[k]))
                .sum();
            self.sums.push(SumLayout {
                metric: m,
                anchors,
                spread,
            });
            self.sums.len() - 1
        });
        (Statistic::Sum(i), plan)
    }

    /// Goal `g`'s test in year index `k` (any goal but a level goal has
    /// one, at target_year); none for an in-step goal.
    pub(super) fn test(&self, g: usize, k: usize) -> Option<&Test> {
        match &self.judges[g] {
            Judge::Stated { tests, .. } if self.goals[g].kind == GoalKind::Level => tests.get(k),
            Judge::Stated { tests, .. } => tests.first(),
            Judge::InStep { .. } => None,
        }
    }

    /// Whether goal `g` reads only values without noise (see
    /// [`Layout::certain`]).
    fn is_certain(&self, g: usize) -> bool {
        let certain = |on: Statistic| match on {
            Statistic::End(m) => self.metrics[m].spread[self.horizon] == 0.0,
            Statistic::Sum(i) => self.sums[i].spread == 0.0,
        };
        match &self.judges[g] {
            // A level goal is followed through every year, and past them.
            Judge::Stated { .. } if self.goals[g].kind == GoalKind::Level => {
                let m = self.goals[g].metric;
                self.metrics[m].spread.iter().all(|s| *s == 0.0)
                    && self.movers(m).all(|part| match &self.metrics[part].source {
                        Source::Own { row, .. } => row.is_none(),
                        Source::Ratio { .. } => true,
                    })
            }
            Judge::Stated { on, .. } => certain(*on),
            Judge::InStep { own, reference, .. } => certain(own.0) && certain(reference.0),
        }
    }

    /// The statistic goal `g` reports at target_year, and how its value
    /// follows from it.
    pub(super) fn judged(&self, g: usize) -> (Statistic, Map) {
        match &self.judges[g] {
            Judge::Stated { on, tests } => {
                let level = self.goals[g].kind == GoalKind::Level;
                (*on, tests[if level { self.horizon } else { 0 }].map())
            }
            Judge::InStep { own, .. } => *own,
        }
    }

    /// The metrics whose shocks move metric `m`: itself, or a ratio's parts.
    pub(super) fn movers(&self, m: usize) -> impl Iterator<Item = usize> {
        let (first, second) = match self.metrics[m].source {
            Source::Own { .. } => (m, m),
            Source::Ratio {
                numerator,
                denominator,
                ..
            } => (numerator, denominator),
        };
        std::iter::once(first).chain((second != first).then_some(second))
    }

    /// σ of metric `m`'s own shock in year index `k` (also after target_year).
    pub(super) fn step(&self, m: usize, k: usize) -> f64 {
        match &self.metrics[m].source {
            Source::Own { steps, later, .. } => steps.get(k).copied().unwrap_or(*later),
            Source::Ratio { .. } => 0.0,
        }
    }

    /// The standard deviation of metric `m`'s noise in year index `k`.
    fn spread(&self, m: usize, k: usize, rho: f64) -> f64 {
        let metric = &self.metrics[m];
        // Sum of σ² over the years after `from` up to k, for a part.
        let variance = |part: usize, from: usize| -> f64 {
            (from + 1..=k).map(|j| self.step(part, j).powi(2)).sum()
        };
        match metric.source {
            Source::Own { .. } => variance(m, 0).sqrt(),
            Source::Ratio {
                numerator: n,
                denominator: d,
                factor,
                parts,
                ..
            } => {
                let from = metric.known_through;
                match metric.shape {
                    Shape::Log => {
                        // One metric over itself has no noise at all.
                        let correlation = if n == d { 1.0 } else { rho };
                        let covariance: f64 = (from + 1..=k)
                            .map(|j| self.step(n, j) * self.step(d, j))
                            .sum();
                        (variance(n, from) + variance(d, from) - 2.0 * correlation * covariance)
                            .max(0.0)
                            .sqrt()
                    }
                    Shape::Additive => {
                        // Linearised, with the parts' deviations adding up
                        // at worst: a bound for placing the bins.
                        let deviation = |part: usize, path: &[f64]| {
                            let v = variance(part, from);
                            match self.metrics[part].shape {
                                Shape::Log => path[k].abs() * v.exp_m1().sqrt(),
                                Shape::Additive => v.sqrt(),
                            }
                        };
                        let (top, bottom) = (parts[0][k], parts[1][k]);
                        factor.abs()
                            * (deviation(n, parts[0]) / bottom.abs()
                                + top.abs() * deviation(d, parts[1]) / (bottom * bottom))
                    }
                }
            }
        }
    }
}
