//! How goals respond to growth: sweeps and break-even points.
//!
//! A sweep recomputes only the paths a goal depends on (its metric, or a
//! ratio's two parts), so a 101-point sweep over 10,000 metrics stays in
//! seconds. The break-even point, where a goal flips between missed and
//! reached, is found by stepping away from the plan's own value until the
//! status changes and then bisecting: a few dozen paths per goal.

use super::average::{achieved_rate, average_annual_rate};
use super::goals::{GoalPaths, Status, in_step_goal, judge};
use super::prices::{at_prices, part_path};
use super::projection::{Path, anchored};
use super::share::share;
use crate::plan::{Goal, GoalKind, Model, Plan, Prices, RateMethod, Stated};

/// What a sweep varies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sweep {
    /// The same shift added to every compound metric's growth, every year.
    UniformShift,
    /// One metric's growth replaced by a constant rate.
    OwnRate {
        /// Index into `Plan::metrics` of the compound metric swept.
        metric: usize,
    },
}

/// The bounds of a break-even search: -99 % to +1000 %.
pub const SEARCH_RANGE: (f64, f64) = (-0.99, 10.0);

/// The tolerance to which break-even points are found.
pub const BREAK_EVEN_PRECISION: f64 = 1e-9;

impl Sweep {
    /// The path of metric `index` with this sweep at `x` (a shift, or a
    /// rate); `None` where a rate would fall to -100 %, a ratio's
    /// denominator reaches 0, or a value is not finite.
    pub fn path(self, plan: &Plan, index: usize, x: f64) -> Option<Vec<f64>> {
        let path = self.anchored_path(plan, index, x)?.values;
        path.iter().all(|v| v.is_finite()).then_some(path)
    }

    /// The path with its sources: actual figures stay as they are; the sweep
    /// changes the growth of the years projected after them.
    fn anchored_path(self, plan: &Plan, index: usize, x: f64) -> Option<Path> {
        let metric = &plan.metrics[index];
        match &metric.model {
            Model::Compound { growth, .. } => {
                let rate = |g: f64| match self {
                    Sweep::UniformShift => g + x,
                    Sweep::OwnRate { metric } if metric == index => x,
                    Sweep::OwnRate { .. } => g,
                };
                if growth.iter().any(|g| rate(*g) <= -1.0) {
                    return None;
                }
                Some(anchored(metric, &metric.actual, plan.base_year, rate))
            }
            Model::Linear { .. } => Some(anchored(metric, &metric.actual, plan.base_year, |g| g)),
            Model::Ratio {
                numerator,
                denominator,
                scale,
                prices,
                ..
            } => {
                let part = |i: usize| {
                    let path = self.anchored_path(plan, i, x)?;
                    Some(part_path(&plan.metrics[i], &path, *prices).into_owned())
                };
                share(
                    &part(*numerator)?,
                    &part(*denominator)?,
                    *scale,
                    &metric.actual,
                    plan.base_year,
                )
                .ok()
            }
        }
    }

    /// Whether the sweep can change the goal `stated` of metric `index`:
    /// the metric itself, or the metric an in-step goal keeps pace with.
    pub fn moves_goal(self, plan: &Plan, index: usize, stated: Stated) -> bool {
        self.moves(plan, index)
            || matches!(stated, Stated::InStep(in_step) if self.moves(plan, in_step.metric))
    }

    /// Whether the sweep can change metric `index` at all.
    pub fn moves(self, plan: &Plan, index: usize) -> bool {
        // A figure published for the target year settles the metric.
        if plan.metrics[index].actual.contains_key(&plan.target_year) {
            return false;
        }
        match (&plan.metrics[index].model, self) {
            (Model::Compound { .. }, Sweep::UniformShift) => true,
            (Model::Compound { .. }, Sweep::OwnRate { metric }) => metric == index,
            (Model::Linear { .. }, _) => false,
            (
                Model::Ratio {
                    numerator,
                    denominator,
                    ..
                },
                _,
            ) => self.moves(plan, *numerator) || self.moves(plan, *denominator),
        }
    }

    /// Where the sweep starts from: no shift, or the metric's own average rate.
    pub fn origin(self, plan: &Plan) -> f64 {
        match self {
            Sweep::UniformShift => 0.0,
            Sweep::OwnRate { metric } => match &plan.metrics[metric].model {
                Model::Compound { growth, .. } => {
                    let factor: f64 = growth.iter().map(|g| 1.0 + g).product();
                    average_annual_rate(1.0, factor, growth.len() as f64).unwrap_or(0.0)
                }
                _ => 0.0,
            },
        }
    }
}

/// Where a goal flips, if it does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BreakEven {
    /// The goal flips at `at` (a shift or a rate): it is reached at `at`, and
    /// on the side `reached_above` says, missed on the other. `rate` is the
    /// metric's average annual growth there, for compound metrics.
    At {
        /// The shift, or the rate, where the goal flips.
        at: f64,
        /// The metric's average annual growth at `at`; `None` for metrics
        /// that are not compound.
        rate: Option<f64>,
        /// Whether the goal is reached above `at` (and missed below it), or
        /// the other way round.
        reached_above: bool,
    },
    /// The sweep does not move the metric (a linear metric, say).
    Unaffected,
    /// No point of the search range changes the goal's status.
    NoFlip,
}

/// A goal's value and status at one point of a sweep (`None`: undefined
/// there). An in-step goal is judged against the rate the other metric has
/// at that point.
pub fn judge_at(
    plan: &Plan,
    sweep: Sweep,
    index: usize,
    kind: GoalKind,
    stated: Stated,
    x: f64,
) -> Option<(f64, Status)> {
    let metric = &plan.metrics[index];
    let goal = goal_at(plan, sweep, stated, x)?;
    let path = sweep.path(plan, index, x)?;
    let paths = GoalPaths {
        current: &path,
        real: &at_prices(metric, &path, Prices::Comparable),
        method: metric.rate_method,
    };
    Some(judge(kind, &goal, paths))
}

/// The goal at point `x` of the sweep: as stated, or keeping pace with the
/// other metric's real growth there (`None` where that has no average rate).
fn goal_at(plan: &Plan, sweep: Sweep, stated: Stated, x: f64) -> Option<Goal> {
    match stated {
        Stated::Value(goal) => Some(goal),
        Stated::InStep(in_step) => {
            let other = &plan.metrics[in_step.metric];
            let path = sweep.path(plan, in_step.metric, x)?;
            let real = at_prices(other, &path, Prices::Comparable);
            let rate = achieved_rate(&real, other.rate_method)?;
            Some(in_step_goal(rate, in_step.tolerance))
        }
    }
}

/// The point nearest the sweep's origin at which the goal changes status.
pub fn break_even(
    plan: &Plan,
    sweep: Sweep,
    index: usize,
    kind: GoalKind,
    stated: Stated,
) -> BreakEven {
    if !sweep.moves_goal(plan, index, stated) {
        return BreakEven::Unaffected;
    }
    let status_at = |x: f64| judge_at(plan, sweep, index, kind, stated, x).map(|(_, s)| s);
    let Some(Flip { at, reached_above }) = find_flip(sweep.origin(plan), status_at) else {
        return BreakEven::NoFlip;
    };
    let metric = &plan.metrics[index];
    let rate = match metric.model {
        Model::Compound { .. } => sweep.path(plan, index, at).and_then(|path| {
            let real = at_prices(metric, &path, Prices::Comparable);
            achieved_rate(&real, RateMethod::Endpoint)
        }),
        _ => None,
    };
    BreakEven::At {
        at,
        rate,
        reached_above,
    }
}

/// The point nearest `origin` (within a factor of two) at which `status_at`
/// changes, to [`BREAK_EVEN_PRECISION`], searching [`SEARCH_RANGE`]; `None`
/// if the status is the same (or undefined) everywhere reached.
fn find_flip(origin: f64, status_at: impl Fn(f64) -> Option<Status>) -> Option<Flip> {
    let start = status_at(origin)?;
    let (low, high) = SEARCH_RANGE;
    // Step out on both sides, doubling, until the status changes.
    let mut step = 0.001;
    let mut found = None;
    let (mut up_open, mut down_open) = (true, true);
    while found.is_none() && (up_open || down_open) {
        for (direction, open) in [(1.0, &mut up_open), (-1.0, &mut down_open)] {
            if !*open || found.is_some() {
                continue;
            }
            let x = (origin + direction * step).clamp(low, high);
            match status_at(x) {
                Some(s) if s != start => found = Some((origin + direction * step / 2.0, x)),
                Some(_) => {}
                // Undefined beyond here (a rate at -100 %): stop this side.
                None => *open = false,
            }
            if x <= low || x >= high {
                *open = false;
            }
        }
        step *= 2.0;
    }
    let (mut same, mut different) = found?;
    // On the first step, half a step out was never checked.
    if status_at(same) != Some(start) {
        same = origin;
    }
    while (different - same).abs() > BREAK_EVEN_PRECISION / 4.0 {
        let middle = (same + different) / 2.0;
        if status_at(middle) == Some(start) {
            same = middle;
        } else {
            different = middle;
        }
    }
    // Report the side where the goal is reached, so that re-running at the
    // point found reads `reached`.
    let reached = if start == Status::Reached {
        same
    } else {
        different
    };
    let missed = if start == Status::Reached {
        different
    } else {
        same
    };
    Some(Flip {
        at: reached,
        reached_above: reached > missed,
    })
}

/// Where a goal flips: the last point where it is reached, and on which side
/// of the flip the reached points lie.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Flip {
    at: f64,
    reached_above: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::noise::level_satisfies;
    use crate::plan::Comparison;

    use crate::plan::test_plan as plan;

    fn goal(plan: &Plan, index: usize) -> Stated {
        Stated::Value(plan.metrics[index].level_goal.unwrap())
    }

    #[test]
    fn break_even_shift_puts_the_goal_on_its_boundary() {
        // 68 growing 16 %: 150 needs (150/68)^(1/5) - 1 = 17.143 %, a shift of +1.143 points.
        let p = plan("[metrics.i]\nbaseline = 68\ngrowth = \"16%\"\ntarget = 150\n");
        let BreakEven::At { at, rate, .. } =
            break_even(&p, Sweep::UniformShift, 0, GoalKind::Level, goal(&p, 0))
        else {
            panic!("the goal can flip");
        };
        let needed = (150.0f64 / 68.0).powf(0.2) - 1.0;
        assert!((at - (needed - 0.16)).abs() < 1e-9, "{at}");
        assert!((rate.unwrap() - needed).abs() < 1e-9);
        let path = Sweep::UniformShift.path(&p, 0, at).unwrap();
        assert!((path[5] - 150.0).abs() < 1e-6, "{}", path[5]);
    }

    #[test]
    fn break_even_below_the_plan_for_a_goal_with_slack() {
        // 25 growing 20 % reaches 62.208 ≥ 60: the goal survives down to (60/25)^(1/5) - 1 = 19.136 %.
        let p = plan("[metrics.v]\nbaseline = 25\ngrowth = \"20%\"\ntarget = 60\n");
        let BreakEven::At { at, .. } =
            break_even(&p, Sweep::UniformShift, 0, GoalKind::Level, goal(&p, 0))
        else {
            panic!("the goal can flip");
        };
        assert!((at - ((2.4f64).powf(0.2) - 1.2)).abs() < 1e-9, "{at}");
        // Just above the break-even the goal holds, just below it does not.
        let value = |x: f64| Sweep::UniformShift.path(&p, 0, x).unwrap()[5];
        assert!(level_satisfies(Comparison::AtLeast, value(at + 1e-8), 60.0));
        assert!(!level_satisfies(
            Comparison::AtLeast,
            value(at - 1e-8),
            60.0
        ));
    }

    #[test]
    fn a_search_costs_a_few_dozen_evaluations_not_thousands() {
        for boundary in [0.0000001, 0.0114, -0.3, 2.5, 9.9] {
            let calls = std::cell::Cell::new(0);
            let status_at = |x: f64| {
                calls.set(calls.get() + 1);
                Some(if x >= boundary {
                    Status::Reached
                } else {
                    Status::Missed
                })
            };
            let flip = find_flip(0.0, status_at).unwrap();
            assert!(
                (flip.at - boundary).abs() < BREAK_EVEN_PRECISION,
                "{flip:?} vs {boundary}"
            );
            assert!(
                flip.at >= boundary && flip.reached_above,
                "the reached side"
            );
            assert!(
                calls.get() <= 70,
                "{} evaluations for {boundary}",
                calls.get()
            );
        }
    }

    #[test]
    fn a_deflated_metric_is_swept_in_real_growth() {
        // A real 7 % average needs 6.5 % shifted by +0.5 points, whatever the
        // prices do; the rate reported there is the real 7 %, not the nominal
        // 1.07 × 1.02 - 1 = 9.14 %.
        let p = plan(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             rate_target = \"7%\"\n",
        );
        let goal = Stated::Value(p.metrics[0].rate_goal.unwrap());
        let BreakEven::At { at, rate, .. } =
            break_even(&p, Sweep::UniformShift, 0, GoalKind::Rate, goal)
        else {
            panic!("the goal can flip");
        };
        assert!((at - 0.005).abs() < 1e-9, "{at}");
        assert!((rate.unwrap() - 0.07).abs() < 1e-9, "{rate:?}");
    }

    #[test]
    fn linear_metrics_are_unaffected_by_growth_shifts() {
        let p = plan("[metrics.f]\nbaseline = 120\nincrement = 16\ntarget = 200\n");
        assert_eq!(
            break_even(&p, Sweep::UniformShift, 0, GoalKind::Level, goal(&p, 0)),
            BreakEven::Unaffected
        );
    }

    #[test]
    fn own_rate_sweep_finds_the_rate_a_ratio_needs() {
        // share = a / g × 100 with g = 420 × 1.09^5; 15 % needs a = 0.15 × 646.222 = 96.933,
        // so a's rate r with 40 (1 + r)^5 = 96.933: r = 19.367 %.
        let p = plan(
            "[metrics.a]\nbaseline = 40\ngrowth = \"20%\"\n[metrics.g]\nbaseline = 420\ngrowth = \"9%\"\n\
             [metrics.s]\nratio = { numerator = \"a\", denominator = \"g\" }\ntarget = 15\n",
        );
        let sweep = Sweep::OwnRate { metric: 0 };
        assert_eq!(sweep.origin(&p), 0.2);
        let BreakEven::At { at, rate, .. } = break_even(&p, sweep, 2, GoalKind::Level, goal(&p, 2))
        else {
            panic!("the goal can flip");
        };
        let needed = (0.15 * 420.0 * 1.09f64.powi(5) / 40.0).powf(0.2) - 1.0;
        assert!((at - needed).abs() < 1e-9, "{at} vs {needed}");
        assert_eq!(rate, None, "a ratio has no growth rate of its own");
    }

    #[test]
    fn goals_that_no_shift_can_flip() {
        // A floor of 0 is met by any positive path: no shift flips it.
        let p = plan("[metrics.a]\nbaseline = 10\ngrowth = \"5%\"\ntarget = 0\n");
        assert_eq!(
            break_even(&p, Sweep::UniformShift, 0, GoalKind::Level, goal(&p, 0)),
            BreakEven::NoFlip
        );
    }

    #[test]
    fn an_in_step_goal_moves_with_the_metric_it_keeps_pace_with() {
        // Income grows 6.2 % against GDP's 6.5 %, within 0.5 points of it.
        let p = plan(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\n\
             [metrics.income]\nbaseline = 40\ngrowth = \"6.2%\"\n\
             rate_target = { in_step_with = \"gdp\", tolerance = \"0.5%\" }\n",
        );
        let in_step = p.metrics[1].goals().next().unwrap().1;
        // Shifted alike, the two keep their 0.3-point gap: no shift flips it.
        assert_eq!(
            break_even(&p, Sweep::UniformShift, 1, GoalKind::Rate, in_step),
            BreakEven::NoFlip
        );
        // GDP's own rate moves the goal, though not income: met while GDP
        // grows at most 6.2 % + 0.5 % = 6.7 %.
        let sweep = Sweep::OwnRate { metric: 0 };
        assert!(!sweep.moves(&p, 1));
        assert!(sweep.moves_goal(&p, 1, in_step));
        let BreakEven::At {
            at, reached_above, ..
        } = break_even(&p, sweep, 1, GoalKind::Rate, in_step)
        else {
            panic!("GDP's rate flips the goal");
        };
        assert!((at - 0.067).abs() < 1e-9, "{at}");
        assert!(!reached_above);
        let judged = |x: f64| judge_at(&p, sweep, 1, GoalKind::Rate, in_step, x);
        assert_eq!(judged(0.06).map(|(_, s)| s), Some(Status::Reached));
        assert_eq!(judged(0.07).map(|(_, s)| s), Some(Status::Missed));
    }
}
