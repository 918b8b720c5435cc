//! Plan-consistency checks: what a careful reader of a plan works out by
//! hand. Do the stated rate and the stated level agree? What does a level
//! need against the metric's own growth? How much faster must a share's
//! numerator grow than its denominator?

use super::goals::average_annual_rate;
use super::noise::{difference, level_satisfies, significant};
use super::projection::{Projection, share_anchor};
use crate::plan::{Goal, Model, Plan};

/// What a careful reader works out about one metric's level goal; which
/// one depends on the metric (see [`findings`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A level goal beside a rate goal: do the two agree?
    RateAndLevel(RateAndLevel),
    /// A level goal alone, of a compound or linear metric: what it needs.
    LevelNeeds(LevelNeeds),
    /// A level goal of a share (a ratio metric): what its parts need.
    ShareNeeds(ShareNeeds),
}

impl Finding {
    /// The metric the finding is about.
    pub fn metric(&self) -> usize {
        match self {
            Finding::RateAndLevel(f) => f.metric,
            Finding::LevelNeeds(f) => f.metric,
            Finding::ShareNeeds(f) => f.metric,
        }
    }
}

/// A metric with a level goal and a rate goal: whether the stated rate,
/// from the baseline, reaches the stated level.
#[derive(Debug, Clone, PartialEq)]
pub struct RateAndLevel {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// The rate goal's value (its `at_least`, `at_most` or `about` rate).
    pub stated_rate: f64,
    /// The metric's base-year value, in its unit.
    pub baseline: f64,
    /// baseline × (1 + stated_rate)^n.
    pub reached: f64,
    /// The level goal, in the metric's unit.
    pub level: Goal,
    /// Whether `reached` meets the level goal.
    pub meets: bool,
    /// |reached - level|: by how much the stated rate misses (or clears) the level.
    pub distance: f64,
    /// The rate that reaches the level exactly.
    pub needed_rate: f64,
    /// level / (1 + stated_rate)^n: the base-year value rate and level imply together.
    pub implied_baseline: f64,
}

/// A level goal without a rate goal: the rate it needs from the baseline
/// against the metric's own; for a linear metric also the yearly increment.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelNeeds {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// The metric's base-year value, in its unit.
    pub baseline: f64,
    /// The level goal, in the metric's unit.
    pub level: Goal,
    /// The average annual rate that reaches the level exactly from the baseline.
    pub needed_rate: f64,
    /// The metric's own average annual rate, base year to target year, on
    /// its projected path.
    pub own_rate: f64,
    /// own_rate - needed_rate: how much faster (or slower) the plan grows than the level needs.
    pub margin: f64,
    /// Linear metrics: (level - baseline) / n, and the plan's average increment.
    pub increments: Option<(f64, f64)>,
    /// Whether the metric's own path meets the goal.
    pub meets: bool,
}

/// A share goal: how many points a year faster the numerator must grow
/// than the denominator, against the gap in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareNeeds {
    /// Index into `Plan::metrics` of the share.
    pub metric: usize,
    /// Index into `Plan::metrics` of the share's numerator.
    pub numerator: usize,
    /// Index into `Plan::metrics` of the share's denominator.
    pub denominator: usize,
    /// The share in the base year, in its own unit (percent for a share
    /// scaled by 100).
    pub share_at_base: f64,
    /// The level goal, in the share's unit.
    pub level: Goal,
    /// The numerator's average rate that gives the share exactly, with the
    /// denominator on its own path.
    pub needed_numerator_rate: f64,
    /// The numerator's own average annual rate on its projected path.
    pub numerator_rate: f64,
    /// The denominator's own average annual rate on its projected path.
    pub denominator_rate: f64,
    /// needed_numerator_rate - denominator_rate: how much faster the
    /// numerator must grow than the denominator.
    pub needed_gap: f64,
    /// numerator_rate - denominator_rate: how much faster it grows in the plan.
    pub plan_gap: f64,
    /// Whether the share in the plan meets its goal.
    pub meets: bool,
}

/// The findings for every metric with a level goal, in plan order. A metric
/// whose base-year or target-year value is not positive gets none (its
/// average rate is undefined).
pub fn findings(plan: &Plan, projection: &Projection) -> Vec<Finding> {
    let n = plan.horizon() as f64;
    let ends = |i: usize| {
        let path = projection.series(i);
        (path[0], path[path.len() - 1])
    };
    let rate_of = |i: usize| {
        let (first, last) = ends(i);
        average_annual_rate(first, last, n)
    };
    let mut findings = Vec::new();
    for (index, metric) in plan.metrics.iter().enumerate() {
        let Some(level) = metric.level_goal else {
            continue;
        };
        let (baseline, _) = ends(index);
        let finding = match (&metric.model, metric.rate_goal) {
            (
                Model::Ratio {
                    numerator,
                    denominator,
                    scale,
                },
                _,
            ) => {
                let (num_base, _) = ends(*numerator);
                let (_, den_last) = ends(*denominator);
                // An entered share keeps its proportion to the parts' ratio,
                // so the parts must reach the goal divided by that proportion.
                let anchor = share_anchor(plan, projection, index, plan.horizon());
                let needed_numerator = level.value / anchor * den_last / scale;
                match (
                    average_annual_rate(num_base, needed_numerator, n),
                    rate_of(*numerator),
                    rate_of(*denominator),
                ) {
                    (Some(needed), Some(num_rate), Some(den_rate)) => {
                        Some(Finding::ShareNeeds(ShareNeeds {
                            metric: index,
                            numerator: *numerator,
                            denominator: *denominator,
                            share_at_base: significant(baseline),
                            level,
                            needed_numerator_rate: needed,
                            numerator_rate: num_rate,
                            denominator_rate: den_rate,
                            needed_gap: difference(needed, den_rate),
                            plan_gap: difference(num_rate, den_rate),
                            meets: level_satisfies(level.comparison, ends(index).1, level.value),
                        }))
                    }
                    _ => None,
                }
            }
            (_, Some(rate_goal)) => {
                let factor = (1.0 + rate_goal.value).powf(n);
                let reached = baseline * factor;
                let shown = significant(reached);
                average_annual_rate(baseline, level.value, n).map(|needed_rate| {
                    Finding::RateAndLevel(RateAndLevel {
                        metric: index,
                        stated_rate: rate_goal.value,
                        baseline,
                        reached: shown,
                        level,
                        meets: level_satisfies(level.comparison, reached, level.value),
                        distance: (shown - level.value).abs(),
                        needed_rate,
                        implied_baseline: significant(level.value / factor),
                    })
                })
            }
            (model, None) => match (
                average_annual_rate(baseline, level.value, n),
                rate_of(index),
            ) {
                (Some(needed_rate), Some(own_rate)) => Some(Finding::LevelNeeds(LevelNeeds {
                    metric: index,
                    baseline,
                    level,
                    needed_rate,
                    own_rate,
                    margin: own_rate - needed_rate,
                    increments: match model {
                        Model::Linear { increment, .. } => Some((
                            significant((level.value - baseline) / n),
                            significant(increment.iter().sum::<f64>() / n),
                        )),
                        _ => None,
                    },
                    meets: level_satisfies(level.comparison, ends(index).1, level.value),
                })),
                _ => None,
            },
        };
        findings.extend(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::project;
    use crate::plan::parse_plan;

    fn findings_of(text: &str) -> Vec<Finding> {
        let plan = parse_plan(text, "t.toml", &Default::default())
            .unwrap()
            .remove(0)
            .plan;
        findings(&plan, &project(&plan).unwrap())
    }

    #[test]
    fn the_shipped_plan_states_a_rate_that_misses_its_own_level() {
        let found = findings_of(include_str!("../../targets.toml"));
        let Finding::RateAndLevel(RateAndLevel {
            reached,
            meets,
            needed_rate,
            implied_baseline,
            ..
        }) = &found[0]
        else {
            panic!("service_investment has a level and a rate goal: {found:?}");
        };
        // 68 × 1.16^5 = 142.8232327168 < 150; (150/68)^(1/5) - 1 = 17.143 %; 150 / 1.16^5 = 71.4170.
        assert_eq!(*reached, 142.8232327168);
        assert!(!meets);
        assert!((needed_rate - 0.171430343).abs() < 1e-9);
        assert!(
            (implied_baseline - 71.41695).abs() < 1e-4,
            "{implied_baseline}"
        );
    }

    #[test]
    fn level_only_and_linear_findings() {
        let found = findings_of(include_str!("../../targets.toml"));
        let firms = found
            .iter()
            .find_map(|f| match f {
                Finding::LevelNeeds(LevelNeeds {
                    increments: Some(increments),
                    ..
                }) => Some(*increments),
                _ => None,
            })
            .unwrap();
        // (200 - 120) / 5 = 16 a year needed; the plan adds 16.
        assert_eq!(firms, (16.0, 16.0));
        let revenue = found
            .iter()
            .find_map(|f| match f {
                Finding::LevelNeeds(LevelNeeds {
                    needed_rate,
                    own_rate,
                    increments: None,
                    ..
                }) => Some((*needed_rate, *own_rate)),
                _ => None,
            })
            .unwrap();
        // RRI(5, 420, 1000) = 18.946 %, against 18 %.
        assert!((revenue.0 - 0.18946082).abs() < 1e-8);
        assert_eq!(revenue.1, 0.18);
    }

    #[test]
    fn a_share_needs_its_numerator_to_outgrow_the_denominator() {
        let found = findings_of(include_str!("../../targets.toml"));
        let share = found
            .iter()
            .find_map(|f| match f {
                Finding::ShareNeeds(share) => Some((
                    share.needed_numerator_rate,
                    share.needed_gap,
                    share.plan_gap,
                )),
                _ => None,
            })
            .unwrap();
        // 15 % of GDP in 2020 (420 × 1.09^5 = 646.222) is 96.933; from 40 that needs
        // (96.933/40)^(1/5) - 1 = 19.367 % a year: 10.367 points above GDP's 9 %.
        let needed = (0.15 * 420.0 * 1.09f64.powi(5) / 40.0).powf(0.2) - 1.0;
        assert!((share.0 - needed).abs() < 1e-9);
        assert!((share.1 - (needed - 0.09)).abs() < 1e-9);
        assert_eq!(share.2, 0.11);
    }
}
