//! What every block of paths needs to know about the simulation, worked out
//! once: how each metric's value follows from its noise, how far that noise
//! spreads each year (where the histogram bins go), and the checks that make
//! the input usable.
//!
//! A metric's noise is one number per path: the sum of its yearly log
//! shocks for a compound metric (value = path · e^x), of its yearly shocks
//! for a linear one (value = path + x). A ratio of parts whose noise is all
//! multiplicative is multiplicative too, x being the difference of its
//! parts' noise since the ratio was last known; a ratio with a noisy linear
//! part is not, and its x is its value minus its path.

use super::verdict::Test;
use super::{LATER_YEARS, Noise, OddsError, PATHS, SimGoal, Simulation};
use crate::plan::GoalKind;

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
}

#[derive(Debug)]
pub(super) enum Source {
    /// A compound or linear metric's own shocks.
    Own {
        /// σ for each year index 0..=horizon; 0 where the value is known.
        steps: Vec<f64>,
        /// σ for each year after target_year.
        later: f64,
    },
    Ratio {
        numerator: usize,
        denominator: usize,
        factor: f64,
        /// Where the block keeps the parts' noise at `known_through`.
        slot: usize,
    },
}

#[derive(Debug)]
pub(super) struct MetricLayout<'a> {
    /// The path up to its first value that is not finite.
    pub path: &'a [f64],
    pub known_through: usize,
    pub shape: Shape,
    pub source: Source,
    /// The standard deviation of x for each year index 0..=horizon (a bound
    /// for a ratio with a noisy linear part); 0 where the value is certain.
    pub spread: Vec<f64>,
    /// Indices into the simulation's goals.
    pub goals: Vec<usize>,
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
    /// Per goal: a level goal's test for each year index of its metric's
    /// path; a rate goal's single test, at target_year.
    pub tests: Vec<Vec<Test>>,
    pub ratios: usize,
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
        let mut metrics = Vec::with_capacity(simulation.metrics.len());
        let mut ratios = 0;
        for (index, metric) in simulation.metrics.iter().enumerate() {
            let finite = metric.path.iter().take_while(|v| v.is_finite()).count();
            assert!(
                finite > horizon,
                "metric {index}: path not finite to target_year"
            );
            let path = &metric.path[..finite.min(horizon + 1 + LATER_YEARS)];
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
                    let steps = (0..=horizon)
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
                    (shape, Source::Own { steps, later })
                }
                &Noise::Ratio {
                    numerator,
                    denominator,
                    factor,
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
                    ratios += 1;
                    let source = Source::Ratio {
                        numerator,
                        denominator,
                        factor,
                        slot: ratios - 1,
                    };
                    (shape, source)
                }
            };
            metrics.push(MetricLayout {
                path,
                known_through: known,
                shape,
                source,
                spread: Vec::new(),
                goals: Vec::new(),
            });
        }
        for (g, goal) in simulation.goals.iter().enumerate() {
            metrics[goal.metric].goals.push(g);
        }
        let mut layout = Layout {
            horizon,
            paths: options.paths,
            seed: options.seed,
            common: rho.sqrt(),
            own: (1.0 - rho).sqrt(),
            metrics,
            goals: &simulation.goals,
            tests: Vec::new(),
            ratios,
        };
        for m in 0..layout.metrics.len() {
            layout.metrics[m].spread = (0..=horizon).map(|k| layout.spread(m, k, rho)).collect();
        }
        layout.tests = simulation
            .goals
            .iter()
            .map(|goal| {
                let metric = &layout.metrics[goal.metric];
                let test = |k: usize| {
                    let (path, shape) = (metric.path, metric.shape);
                    Test::new(goal.kind, goal.goal, shape, path[k], path[0], horizon)
                };
                match goal.kind {
                    GoalKind::Level => (0..metric.path.len()).map(test).collect(),
                    GoalKind::Rate => vec![test(horizon)],
                }
            })
            .collect();
        Ok(layout)
    }

    /// Goal `g`'s test in year index `k` (a rate goal's is for target_year).
    pub(super) fn test(&self, g: usize, k: usize) -> &Test {
        match self.goals[g].kind {
            GoalKind::Level => &self.tests[g][k],
            GoalKind::Rate => &self.tests[g][0],
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
            Source::Own { steps, later } => steps.get(k).copied().unwrap_or(*later),
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
                        let deviation = |part: usize| {
                            let v = variance(part, from);
                            match self.metrics[part].shape {
                                Shape::Log => self.metrics[part].path[k].abs() * v.exp_m1().sqrt(),
                                Shape::Additive => v.sqrt(),
                            }
                        };
                        let (top, bottom) = (self.metrics[n].path[k], self.metrics[d].path[k]);
                        factor.abs()
                            * (deviation(n) / bottom.abs()
                                + top.abs() * deviation(d) / (bottom * bottom))
                    }
                }
            }
        }
    }
}
