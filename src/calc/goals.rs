//! The verdict on each goal: reached or missed, by how much, what rate it
//! needs, and the first year it is met.
//!
//! Statuses are decided on the exact computed values (with the slack of
//! `noise`); the numbers reported are rounded to their reliable digits.

use super::assess::{progress_toward, schedule};
use super::average::{achieved_rate, average_annual_rate};
use super::noise::{difference, level_satisfies, rate_satisfies, significant};
use super::projection::{Projection, continuation};
use crate::plan::{
    Comparison, Goal, GoalKind, InStep, MAX_HORIZON, Model, Plan, RateMethod, Stated,
};

/// The verdict on a goal at the target year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The value judged meets the goal (within `noise`'s slack).
    Reached,
    /// It does not.
    Missed,
}

/// One goal judged against the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalOutcome {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// What the goal is on: the level, the average growth rate, the change,
    /// the increase or the total.
    pub kind: GoalKind,
    /// The goal as the plan states it.
    pub goal: Goal,
    /// The metric's base-year value.
    pub baseline: f64,
    /// The value judged (see [`judge`]): for a level goal the value at
    /// target_year; for a rate goal the achieved average annual rate from
    /// base_year to target_year; for a change, increase or total goal the
    /// change, increase or sum achieved.
    pub projected: f64,
    /// Whether `projected` meets the goal.
    pub status: Status,
    /// projected - goal value, in the goal's own terms (a rate difference
    /// for rate and change goals).
    pub gap: f64,
    /// How far the goal is met, reading 100 % or more exactly when it is
    /// (see [`attainment`]); not for rate goals.
    pub attainment: Option<f64>,
    /// The average annual rate that reaches a level goal exactly from the
    /// baseline; not for ratios, metrics in %, nor when baseline or goal is
    /// not positive.
    pub required_rate: Option<f64>,
    /// Metrics in % (see [`Metric::in_points`](crate::plan::Metric::in_points)):
    /// the change a year, in percentage points, that reaches a level goal
    /// exactly from the baseline, in place of `required_rate`.
    pub required_points: Option<f64>,
    /// Level goals: the first year from which the goal holds through
    /// target_year; when it is missed at target_year, the first later year
    /// (up to base_year + 100) in which it is met, each metric keeping its
    /// last rate or increment.
    pub year_reached: Option<i32>,
    /// Level goals of metrics with actual figures: how far along they are.
    pub progress: Option<Progress>,
    /// The metric's goals are binding (约束性) rather than expected (预期性).
    pub binding: bool,
    /// In-step goals: the metric kept pace with. The goal is then at least
    /// its rate less the tolerance.
    pub reference: Option<Reference>,
}

/// The metric an in-step goal keeps pace with, and its rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// Its average annual rate at comparable prices, by its own method.
    pub rate: f64,
    /// How far short of that rate the goal allows.
    pub tolerance: f64,
}

/// Where a level goal stands at the latest actual figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The year of the latest actual figure.
    pub latest_year: i32,
    /// The latest actual figure, in the metric's unit.
    pub latest_value: f64,
    /// The plan path's value in latest_year (the path from the baseline alone).
    pub plan_value: f64,
    /// How far the latest figure is better than the plan path's value,
    /// relative to it: latest_value / plan_value - 1 for a floor or a band,
    /// negated for a ceiling, so that positive always means better.
    pub deviation: Option<f64>,
    /// (latest_value - baseline) / (goal - baseline); none when the baseline
    /// already meets the goal (nothing to progress toward).
    pub progress: Option<f64>,
    /// The plan path's own progress toward the goal in latest_year: on a
    /// compound path it trails the time elapsed, and a metric on its path
    /// has exactly this progress.
    pub expected_progress: Option<f64>,
    /// (latest_year - base_year) / (target_year - base_year).
    pub time_elapsed: f64,
    /// The average annual rate that reaches the goal from latest_value over
    /// the years left; none for ratios, metrics in %, in the target year, or
    /// when a value is not positive.
    pub remaining_rate: Option<f64>,
    /// Metrics in %: the change a year, in percentage points, that reaches
    /// the goal from latest_value over the years left, in place of
    /// `remaining_rate`; none in the target year.
    pub remaining_points: Option<f64>,
    /// The latest actual figure, before target_year, already meets a goal
    /// the baseline did not (a floor risen to, a ceiling fallen under).
    pub already_reached: bool,
    /// The latest actual figure is for target_year itself: the verdict is final.
    pub final_figure: bool,
    /// Worse than the plan path's value for latest_year, in the goal's
    /// desired direction, on the way to a goal the baseline does not meet:
    /// a metric on its plan path is on schedule, though on a compound path
    /// less of the way is done than of the time gone.
    pub behind_schedule: bool,
}

/// What the schedule column says of a goal at its latest figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleVerdict {
    /// As good as the plan path's value for its year, or better.
    OnPlanPath,
    /// Worse than the plan path's value for its year.
    BehindPlanPath,
    /// A figure before the target year already meets the goal.
    AlreadyReached,
    /// The figure is for the target year: the goal's status is final.
    FinalFigure,
}

impl Progress {
    /// The schedule column's verdict: a final figure or a goal already
    /// reached says so before where the figure stands against the path.
    pub fn schedule(&self) -> ScheduleVerdict {
        if self.final_figure {
            ScheduleVerdict::FinalFigure
        } else if self.already_reached {
            ScheduleVerdict::AlreadyReached
        } else if self.behind_schedule {
            ScheduleVerdict::BehindPlanPath
        } else {
            ScheduleVerdict::OnPlanPath
        }
    }
}

/// Every goal of the plan, metrics in file order, each metric's goals in
/// the order level, rate, change, increase, total.
pub fn evaluate(plan: &Plan, projection: &Projection) -> Vec<GoalOutcome> {
    let mut outcomes = Vec::with_capacity(plan.goal_count());
    for (index, metric) in plan.metrics.iter().enumerate() {
        let paths = GoalPaths {
            current: projection.series(index),
            real: projection.real_series(index),
            method: metric.rate_method,
        };
        for (kind, stated) in metric.goals() {
            outcomes.push(match stated {
                Stated::Value(goal) => outcome(plan, projection, index, kind, &goal, paths),
                Stated::InStep(in_step) => {
                    let reference = reference(plan, projection, in_step);
                    let goal = in_step_goal(reference.rate, in_step.tolerance);
                    let mut outcome = outcome(plan, projection, index, kind, &goal, paths);
                    outcome.reference = Some(reference);
                    outcome
                }
            });
        }
    }
    outcomes
}

/// The rate an in-step goal keeps pace with. Loading refuses a metric
/// kept pace with that has no average rate.
fn reference(plan: &Plan, projection: &Projection, in_step: InStep) -> Reference {
    let other = &plan.metrics[in_step.metric];
    let rate = achieved_rate(projection.real_series(in_step.metric), other.rate_method);
    Reference {
        metric: in_step.metric,
        rate: rate.unwrap_or(f64::NAN),
        tolerance: in_step.tolerance,
    }
}

/// The rate goal of keeping pace with a metric growing at `rate`: at
/// least that rate less the tolerance.
pub fn in_step_goal(rate: f64, tolerance: f64) -> Goal {
    Goal {
        comparison: Comparison::AtLeast,
        value: difference(rate, tolerance),
    }
}

/// One goal of metric `index` judged on its `paths`.
fn outcome(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    kind: GoalKind,
    goal: &Goal,
    paths: GoalPaths,
) -> GoalOutcome {
    let (judged, status) = judge(kind, goal, paths);
    // Rates, changes and increases come out of `judge` at their reliable
    // digits; levels and sums are rounded here.
    let projected = match kind {
        GoalKind::Level | GoalKind::Total => significant(judged),
        GoalKind::Rate | GoalKind::Change | GoalKind::Increase => judged,
    };
    let mut outcome = GoalOutcome {
        metric: index,
        kind,
        goal: *goal,
        baseline: significant(paths.current[0]),
        projected,
        status,
        gap: difference(projected, goal.value),
        attainment: match kind {
            GoalKind::Rate => None,
            _ => attainment(goal, projected),
        },
        required_rate: None,
        required_points: None,
        year_reached: None,
        progress: None,
        binding: plan.metrics[index].binding,
        reference: None,
    };
    if kind == GoalKind::Level {
        let path = paths.current;
        let meets = |v: f64| level_satisfies(goal.comparison, v, goal.value);
        // The plan years, then the continuation up to base_year + 100.
        let later =
            continuation(plan, projection, index).take(MAX_HORIZON as usize - path.len() + 1);
        let held = path
            .iter()
            .copied()
            .chain(later)
            .take_while(|v| v.is_finite())
            .map(meets);
        outcome.year_reached =
            first_year_held(held, plan.horizon()).map(|k| plan.base_year + k as i32);
        let metric = &plan.metrics[index];
        let is_ratio = matches!(metric.model, Model::Ratio { .. });
        outcome.progress = progress(plan, projection, index, goal, is_ratio);
        let n = plan.horizon();
        if metric.in_points() {
            outcome.required_points = points_a_year(path[0], goal.value, n);
        } else if !is_ratio {
            outcome.required_rate = average_annual_rate(path[0], goal.value, n as f64);
        }
    }
    outcome
}

/// The change a year, in the metric's unit, from `from` to `to` in `years`
/// years: for a metric in %, percentage points. None for no years.
pub fn points_a_year(from: f64, to: f64, years: usize) -> Option<f64> {
    (years > 0).then(|| significant(difference(to, from) / years as f64))
}

/// Where a level goal stands at the metric's latest actual figure, if any.
fn progress(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    goal: &Goal,
    is_ratio: bool,
) -> Option<Progress> {
    let k = projection.latest_actual(index)?;
    let path = projection.series(index);
    let (baseline, latest_value) = (path[0], significant(path[k]));
    let exact_plan_value = projection.plan_series(index)[k];
    let plan_value = significant(exact_plan_value);
    let latest_year = plan.base_year + k as i32;
    let years_left = plan.target_year - latest_year;
    let in_points = plan.metrics[index].in_points();
    // Progress means moving from the baseline toward a goal the baseline
    // does not meet yet: rising to a floor, falling to a ceiling. Staying
    // under a ceiling that the baseline already respects is no progress.
    let needs_movement = !level_satisfies(goal.comparison, baseline, goal.value);
    let progress = progress_toward(goal, baseline, latest_value);
    let time_elapsed = significant(k as f64 / plan.horizon() as f64);
    let meets_now = level_satisfies(goal.comparison, path[k], goal.value);
    let schedule = schedule(goal, baseline, path[k], exact_plan_value);
    Some(Progress {
        latest_year,
        latest_value,
        plan_value,
        deviation: (plan_value != 0.0).then(|| {
            let above = difference(latest_value / plan_value, 1.0);
            match goal.comparison {
                // Subtracted rather than negated, so that on the path reads 0, not -0.
                Comparison::AtMost => 0.0 - above,
                Comparison::AtLeast | Comparison::About { .. } => above,
            }
        }),
        progress,
        expected_progress: schedule.expected_progress,
        time_elapsed,
        remaining_rate: if is_ratio || in_points || years_left == 0 {
            None
        } else {
            average_annual_rate(latest_value, goal.value, years_left as f64)
        },
        remaining_points: if in_points {
            points_a_year(latest_value, goal.value, years_left as usize)
        } else {
            None
        },
        // A band can still be overshot; a floor or ceiling once crossed is
        // what the plan asked for.
        already_reached: years_left > 0
            && needs_movement
            && !matches!(goal.comparison, Comparison::About { .. })
            && meets_now,
        final_figure: years_left == 0,
        behind_schedule: years_left > 0 && progress.is_some() && !schedule.on_schedule,
    })
}

/// How far `projected` meets `goal`, as a fraction that reads 100 % or
/// more exactly when the goal is met: projected / target for a floor or a
/// band, target / projected for a ceiling (none when projected is 0 or
/// less, where no ratio says how far below the ceiling it is). A negative
/// target is a fall whose size is what counts (下降13.5%以上), so there the
/// two swap: a ceiling of -13.5 % met by -20 % reads 20 / 13.5 = 148 %. None
/// for a target of 0.
pub fn attainment(goal: &Goal, projected: f64) -> Option<f64> {
    let target = goal.value;
    // Whether less is better in size: a positive ceiling, a negative floor.
    let inverted = match goal.comparison {
        Comparison::About { .. } => false,
        Comparison::AtLeast => target < 0.0,
        Comparison::AtMost => target > 0.0,
    };
    let ratio = if target == 0.0 {
        None
    } else if !inverted {
        Some(projected / target)
    } else {
        // Past the ceiling's zero (below a positive ceiling, above a
        // negative floor) the goal is met with no ratio to show it.
        (projected / target > 0.0).then(|| target / projected)
    };
    ratio.map(significant)
}

/// A metric's path as its goals are judged on it.
#[derive(Debug, Clone, Copy)]
pub struct GoalPaths<'a> {
    /// The levels as reported: at current prices for a metric with a deflator.
    pub current: &'a [f64],
    /// At base-year prices: what growth is judged on (the same path for a
    /// metric without a deflator).
    pub real: &'a [f64],
    /// How the metric's average rate is computed.
    pub method: RateMethod,
}

/// The value a goal is judged on, and the verdict (see [`Measure`]).
pub fn judge(kind: GoalKind, goal: &Goal, paths: GoalPaths) -> (f64, Status) {
    let measure = Measure::of(kind, paths);
    let status = if measure.meets(goal) {
        Status::Reached
    } else {
        Status::Missed
    };
    (measure.value(), status)
}

/// What a goal is judged on, reduced to the numbers its rule reads: the one
/// rule for a projected path and for each simulated one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    /// Level goals: the target-year value.
    Level(f64),
    /// Rate goals: the average annual rate of the real path by the metric's
    /// method; none where the method has no answer.
    Rate(Option<f64>),
    /// Change goals: the base- and target-year values at comparable prices.
    Change {
        /// The base-year value.
        first: f64,
        /// The target-year value.
        last: f64,
    },
    /// Increase goals: the base- and target-year values.
    Increase {
        /// The base-year value.
        first: f64,
        /// The target-year value.
        last: f64,
    },
    /// Total goals: the sum of the values of the plan years.
    Total(f64),
}

impl Measure {
    /// What a goal of `kind` is judged on in `paths`.
    pub fn of(kind: GoalKind, paths: GoalPaths) -> Measure {
        let (first, last) = (paths.current[0], paths.current[paths.current.len() - 1]);
        match kind {
            GoalKind::Level => Measure::Level(last),
            // Loading refuses rate goals whose path has no average rate; a
            // sweep can still produce one, which then reads missed.
            GoalKind::Rate => Measure::Rate(achieved_rate(paths.real, paths.method)),
            GoalKind::Change => Measure::Change {
                first: paths.real[0],
                last: paths.real[paths.real.len() - 1],
            },
            GoalKind::Increase => Measure::Increase { first, last },
            GoalKind::Total => Measure::Total(paths.current[1..].iter().sum()),
        }
    }

    /// The value reported: levels and sums exact; rates, changes and
    /// increases are differences, rounded at their reliable digits. NaN
    /// where none exists.
    pub fn value(self) -> f64 {
        match self {
            Measure::Level(value) | Measure::Total(value) => value,
            Measure::Rate(rate) => rate.unwrap_or(f64::NAN),
            // Loading refuses change goals from a base value that is not
            // positive; a sweep cannot make a positive base value otherwise.
            Measure::Change { first, last } if first > 0.0 => difference(last / first, 1.0),
            Measure::Change { .. } => f64::NAN,
            Measure::Increase { first, last } => difference(last, first),
        }
    }

    /// Whether `goal` is met.
    pub fn meets(self, goal: &Goal) -> bool {
        let Goal { comparison, value } = *goal;
        match self {
            Measure::Level(level) | Measure::Total(level) => {
                level_satisfies(comparison, level, value)
            }
            Measure::Rate(_) | Measure::Change { .. } => {
                rate_satisfies(comparison, self.value(), value)
            }
            // Compared as the level the increase implies, so that the slack
            // is relative to the levels whose noise it absorbs.
            Measure::Increase { first, last } => level_satisfies(comparison, last, first + value),
        }
    }
}

/// Since which year index a level goal has held without a break, followed
/// year by year: with [`HeldSince::settled`], the one rule for the year a
/// goal is reached, on the projected path and on each simulated one. Two
/// bytes, so that a simulation can keep one per path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldSince(u16);

impl HeldSince {
    /// The goal does not hold (yet).
    pub const NOT: HeldSince = HeldSince(u16::MAX);

    /// After year index `k` (taken in order), in which the goal `holds` or not.
    #[inline]
    pub fn then(self, k: usize, holds: bool) -> HeldSince {
        match (holds, self == HeldSince::NOT) {
            (false, _) => HeldSince::NOT,
            // Year indices stay below a plan's 100 years and the 100 after.
            (true, true) => HeldSince(k as u16),
            (true, false) => self,
        }
    }

    /// The year index reached, once year index `k` is the target year
    /// `horizon` or later: through target_year, the goal holds from the
    /// first year of its last unbroken run; after it, from the first year
    /// it holds.
    #[inline]
    pub fn settled(self, k: usize, horizon: usize) -> Option<usize> {
        (k >= horizon && self != HeldSince::NOT).then_some(usize::from(self.0))
    }
}

/// The year index from which a level goal holds, by [`HeldSince`], from
/// each year's verdict from the base year on; none when the verdicts end
/// before it is settled.
pub fn first_year_held(holds: impl IntoIterator<Item = bool>, horizon: usize) -> Option<usize> {
    let mut since = HeldSince::NOT;
    holds.into_iter().enumerate().find_map(|(k, holds)| {
        since = since.then(k, holds);
        since.settled(k, horizon)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::project;
    use crate::plan::test_plan;
    use proptest::prelude::*;

    fn outcomes(metrics: &str) -> Vec<GoalOutcome> {
        let plan = test_plan(metrics);
        evaluate(&plan, &project(&plan).unwrap())
    }

    #[test]
    fn service_investment_misses_its_level_but_meets_its_rate() {
        let o = outcomes(
            "[metrics.i]\nbaseline = 68\ngrowth = \"16%\"\ntarget = 150\nrate_target = { at_least = \"16%\" }\n",
        );
        assert_eq!(o.len(), 2);
        assert_eq!(o[0].kind, GoalKind::Level);
        assert_eq!(o[0].status, Status::Missed);
        // =FV(16%, 5, 0, -68) = 142.8232327168, to the last digit.
        assert_eq!(o[0].projected, 142.8232327168);
        assert_eq!(o[0].gap, -7.1767672832);
        assert!((o[0].attainment.unwrap() - 142.8232327168 / 150.0).abs() < 1e-12);
        // 68 × 1.16^5 = 142.82 < 150 ≤ 68 × 1.16^6 = 165.67: reached in 2021.
        assert_eq!(o[0].year_reached, Some(2021));
        assert_eq!(o[1].kind, GoalKind::Rate);
        assert_eq!(
            o[1].status,
            Status::Reached,
            "16 % a year averages exactly 16 %"
        );
        assert_eq!(o[1].projected, 0.16);
        assert_eq!(o[1].gap, 0.0);
        assert_eq!(o[1].required_rate, None);
        assert_eq!(o[1].year_reached, None);
    }

    #[test]
    fn a_rate_goal_is_judged_by_the_metric_s_rate_method() {
        // 100 for four years, then 160 in 2020. Endpoint: 1.6^(1/5) - 1 = 9.856 %.
        // Cumulative: x + x² + … + x⁵ = 560 / 100 = 5.6 at x = 1.0380171
        // (1.0380 + 1.0775 + 1.1184 + 1.1610 + 1.2051 = 5.6000): 3.80171 %.
        let metric = |method: &str| {
            format!(
                "[metrics.m]\nbaseline = 100\ngrowth = [0, 0, 0, 0, \"60%\"]\n\
                 rate_target = \"5%\"\nrate_method = \"{method}\"\n"
            )
        };
        for (method, rate, status) in [
            ("endpoint", 0.0985605433, Status::Reached),
            ("cumulative", 0.0380171421, Status::Missed),
        ] {
            let o = outcomes(&metric(method));
            assert!((o[0].projected - rate).abs() < 1e-10, "{method}: {o:?}");
            assert_eq!(o[0].status, status, "{method}");
        }
        let o = outcomes(&metric("cumulative"));
        assert_eq!(o[0].gap, difference(o[0].projected, 0.05));
    }

    #[test]
    fn growth_is_judged_real_and_levels_at_current_prices() {
        // 6.5 % real growth with 2 % inflation: the rate goal of 6.5 % is met
        // exactly; the level 1000 × (1.065 × 1.02)⁵ = 1512.6864 meets 1500,
        // which the real path 1000 × 1.065⁵ = 1370.0867 would not; 1600 is
        // first met in 2021, at 1512.6864 × 1.0863 = 1643.2311.
        let o = outcomes(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             target = 1500\nrate_target = \"6.5%\"\n\
             [metrics.high]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\ntarget = 1600\n",
        );
        assert_eq!((o[0].kind, o[0].status), (GoalKind::Level, Status::Reached));
        assert_eq!(o[0].projected, 1512.68638379753);
        assert_eq!((o[1].kind, o[1].status), (GoalKind::Rate, Status::Reached));
        assert_eq!(o[1].projected, 0.065);
        assert_eq!(o[2].status, Status::Missed);
        assert_eq!(o[2].year_reached, Some(2021));
    }

    #[test]
    fn changes_increases_and_totals() {
        let o = outcomes(
            "[metrics.energy]\nbaseline = 500\ngrowth = \"1%\"\n\
             [metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\n\
             [metrics.intensity]\nratio = { numerator = \"energy\", denominator = \"gdp\", scale = 1 }\n\
             rate_target = { at_most = \"-3%\" }\nchange_target = { at_most = \"-13.5%\" }\n\
             [metrics.rd]\nbaseline = 24\ngrowth = \"10%\"\n\
             [metrics.rd_share]\nratio = { numerator = \"rd\", denominator = \"gdp\" }\n\
             increase_target = 0.5\n\
             [metrics.investment]\nbaseline = 100\ngrowth = \"8%\"\ntotal_target = 600\n",
        );
        let kinds: Vec<GoalKind> = o.iter().map(|o| o.kind).collect();
        use GoalKind::*;
        assert_eq!(kinds, [Rate, Change, Increase, Total]);
        // Intensity 0.5 × (1.01 / 1.06)^t falls 1 - 1.01 / 1.06 = 4.717 % a year,
        // within the ceiling of -3 %; over five years (1.01 / 1.06)⁵ - 1 = -21.462 %,
        // a fall of more than 13.5 %.
        assert!((o[0].projected - -0.0471698113).abs() < 1e-10, "{:?}", o[0]);
        assert_eq!(o[0].status, Status::Reached);
        assert!((o[1].projected - -0.2146241503).abs() < 1e-10, "{:?}", o[1]);
        assert_eq!(o[1].status, Status::Reached);
        assert_eq!(o[1].gap, difference(o[1].projected, -0.135));
        // The fall is 21.462 / 13.5 = 158.98 % of the one asked for.
        assert!(
            (o[1].attainment.unwrap() - 1.5898085207).abs() < 1e-10,
            "{:?}",
            o[1]
        );
        // R&D share 2.4 % × (1.1 / 1.06)⁵ = 2.888320 %: up 0.488320 points, short
        // of 0.5.
        assert!((o[2].projected - 0.4883202240).abs() < 1e-10, "{:?}", o[2]);
        assert_eq!(o[2].baseline, 2.4);
        assert_eq!(o[2].status, Status::Missed);
        // 100 × (1.08 + 1.08² + … + 1.08⁵) = 633.5929037 over 2016–2020 ≥ 600.
        assert!((o[3].projected - 633.59290368).abs() < 1e-8, "{:?}", o[3]);
        assert_eq!(o[3].status, Status::Reached);
        assert!((o[3].attainment.unwrap() - 633.59290368 / 600.0).abs() < 1e-12);
        assert_eq!(o[0].attainment, None, "rate goals have none");
        for o in &o {
            assert_eq!(
                (o.required_rate, o.year_reached, o.progress),
                (None, None, None)
            );
        }
    }

    #[test]
    fn an_increase_of_exactly_the_goal_is_reached_despite_float_noise() {
        // 0.1 + 0.2 = 0.30000000000000004 in binary, an increase of 0.2 exactly.
        let o = outcomes(
            "[metrics.s]\nbaseline = 0.1\nincrement = [0.2, 0, 0, 0, 0]\nincrease_target = 0.2\n",
        );
        assert_eq!((o[0].projected, o[0].status), (0.2, Status::Reached));
    }

    #[test]
    fn an_in_step_goal_keeps_pace_with_the_other_metric_s_real_growth() {
        // GDP grows 6 % real (8.12 % at current prices); income 5.8 %. In step
        // within 0.5 points: 5.8 % ≥ 6 % - 0.5 % = 5.5 %, reached; strictly in
        // step: 5.8 % < 6 %, missed by 0.2 points.
        let o = outcomes(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ndeflator = \"2%\"\n\
             [metrics.income]\nbaseline = 30\ngrowth = \"5.8%\"\nbinding = true\n\
             rate_target = { in_step_with = \"gdp\", tolerance = \"0.5%\" }\n\
             [metrics.strict]\nbaseline = 30\ngrowth = \"5.8%\"\nrate_target = { in_step_with = \"gdp\" }\n",
        );
        let reference = |tolerance| {
            Some(Reference {
                metric: 0,
                rate: 0.06,
                tolerance,
            })
        };
        assert_eq!(o[0].kind, GoalKind::Rate);
        assert_eq!(
            o[0].goal,
            Goal {
                comparison: Comparison::AtLeast,
                value: 0.055
            }
        );
        assert_eq!(o[0].reference, reference(0.005));
        assert_eq!((o[0].projected, o[0].status), (0.058, Status::Reached));
        assert_eq!(o[0].gap, 0.003);
        assert_eq!(o[1].reference, reference(0.0));
        // Only the first metric says its goals are binding (约束性).
        assert_eq!((o[0].binding, o[1].binding), (true, false));
        assert_eq!((o[1].status, o[1].gap), (Status::Missed, -0.002));
    }

    #[test]
    fn attainment_reads_100_percent_or_more_exactly_when_met() {
        use Comparison::*;
        let read =
            |comparison, value, projected| attainment(&Goal { comparison, value }, projected);
        // A floor: 142.82 / 150 = 95.2 %.
        assert_eq!(read(AtLeast, 150.0, 142.82), Some(0.952133333333333));
        // A ceiling of 600 met at 588.33: 600 / 588.33 = 101.98 %; broken at 625: 96 %.
        assert_eq!(read(AtMost, 600.0, 588.33), Some(1.01983580643516));
        assert_eq!(read(AtMost, 600.0, 625.0), Some(0.96));
        assert_eq!(read(AtMost, 600.0, 0.0), None);
        // A fall of at least 13.5 % achieved with -21.46 %: 21.46 / 13.5 = 159 %.
        assert_eq!(read(AtMost, -0.135, -0.2146), Some(1.58962962962963));
        // A fall of no more than 5 %: -4 % reads 5 / 4 = 125 %; a rise, no ratio.
        assert_eq!(read(AtLeast, -0.05, -0.04), Some(1.25));
        assert_eq!(read(AtLeast, -0.05, 0.01), None);
        assert_eq!(read(About { tolerance: 3.0 }, 60.0, 62.208), Some(1.0368));
        assert_eq!(read(AtLeast, 0.0, 5.0), None);
    }

    #[test]
    fn a_metric_in_percent_needs_points_a_year_rather_than_a_rate() {
        // 62.5 % rising to 67 %: (67 - 62.5) / 5 = 0.9 points a year; from
        // 64.5 in 2017, (67 - 64.5) / 3 = 0.8333 a year.
        let o = outcomes(
            "[metrics.u]\nunit = \"%\"\nbaseline = 62.5\nincrement = 0.8\ntarget = 67\n\
             actual = { 2017 = 64.5 }\n\
             [metrics.v]\nunit = \"万人\"\nbaseline = 62.5\nincrement = 0.8\ntarget = 67\n",
        );
        assert_eq!(
            (o[0].required_rate, o[0].required_points),
            (None, Some(0.9))
        );
        let progress = o[0].progress.unwrap();
        assert_eq!(progress.remaining_rate, None);
        assert_eq!(progress.remaining_points, Some(0.833333333333333));
        // The same figures in another unit need a rate: (67 / 62.5)^(1/5) - 1.
        assert_eq!(o[1].required_points, None);
        assert!((o[1].required_rate.unwrap() - 0.0140023).abs() < 1e-6);
    }

    #[test]
    fn better_than_the_plan_path_is_lower_for_a_ceiling() {
        // The plan path gives 104.04 in 2017; 103 is 1.04 / 104.04 under it.
        let metric = |goal: &str| {
            format!(
                "[metrics.m]\nbaseline = 100\ngrowth = \"2%\"\ntarget = {goal}\n\
                 actual = {{ 2017 = 103 }}\n"
            )
        };
        let deviation = |goal: &str| outcomes(&metric(goal))[0].progress.unwrap().deviation;
        let under = 1.04 / 104.04;
        assert!((deviation("{ at_most = 108 }").unwrap() - under).abs() < 1e-12);
        assert!((deviation("108").unwrap() + under).abs() < 1e-12);
        assert!((deviation("{ about = 108, tolerance = 1 }").unwrap() + under).abs() < 1e-12);
        // On the path, better by nothing, and not by -0.
        let on_path = outcomes(&metric("{ at_most = 108 }").replace("103", "104.04"));
        let zero = on_path[0].progress.unwrap().deviation.unwrap();
        assert!(zero == 0.0 && zero.is_sign_positive());
    }

    #[test]
    fn an_exactly_met_linear_goal_is_reached_in_its_year() {
        let o =
            outcomes("[metrics.f]\nbaseline = 120\nincrement = 16\ntarget = { at_least = 200 }\n");
        assert_eq!(o[0].status, Status::Reached);
        assert_eq!(o[0].year_reached, Some(2020));
        assert_eq!(o[0].gap, 0.0);
    }

    #[test]
    fn year_reached_continues_past_the_target_year() {
        // 420 × 1.18^5 = 960.86 < 1000; 420 × 1.18^6 = 1133.8: NPER(18%, 0, -420, 1000) = 5.24 → 2021.
        let o = outcomes("[metrics.r]\nbaseline = 420\ngrowth = \"18%\"\ntarget = 1000\n");
        assert!(
            (o[0].projected - 960.8587).abs() < 1e-3,
            "{}",
            o[0].projected
        );
        assert_eq!(o[0].status, Status::Missed);
        assert_eq!(o[0].year_reached, Some(2021));
        // NPER(1%, 0, -100, 200) = 69.66 years → base 2015 + 70 = 2085.
        let o = outcomes("[metrics.s]\nbaseline = 100\ngrowth = \"1%\"\ntarget = 200\n");
        assert_eq!(o[0].year_reached, Some(2085));
        // NPER(0.5%, 0, -100, 200) = 138.98 years: beyond the 100-year window.
        let o = outcomes("[metrics.t]\nbaseline = 100\ngrowth = \"0.5%\"\ntarget = 200\n");
        assert_eq!(o[0].year_reached, None);
    }

    #[test]
    fn year_reached_is_when_the_goal_starts_to_hold_for_good() {
        // 100 → 110 (meets 105) → 110 → 110 → 110 → 99 (misses): missed at 2020,
        // and the path keeps falling 10 % a year, so never met again.
        let o = outcomes(
            "[metrics.a]\nbaseline = 100\ngrowth = [\"10%\", 0, 0, 0, \"-10%\"]\ntarget = 105\n",
        );
        assert_eq!(o[0].status, Status::Missed);
        assert_eq!(o[0].year_reached, None);
        // A ceiling met at the base year but broken by 2020 is not "reached in 2020".
        let o = outcomes(
            "[metrics.e]\nbaseline = 520\ngrowth = \"2.5%\"\ntarget = { at_most = 550 }\n",
        );
        assert_eq!(o[0].status, Status::Missed);
        assert_eq!(o[0].year_reached, None);
        // Dips below and recovers: holds from 2019 on.
        let o = outcomes(
            "[metrics.b]\nbaseline = 100\ngrowth = [\"10%\", \"-20%\", 0, \"30%\", 0]\ntarget = 100\n",
        );
        assert_eq!(o[0].status, Status::Reached);
        assert_eq!(o[0].year_reached, Some(2019));
    }

    #[test]
    fn at_most_and_about_goals() {
        let o = outcomes(
            "[metrics.e]\nbaseline = 100\ngrowth = \"-5%\"\ntarget = { at_most = 80 }\n\
             [metrics.v]\nbaseline = 25\ngrowth = \"20%\"\ntarget = { about = 60, tolerance = 3 }\n\
             rate_target = { about = \"20%\", tolerance = \"1%\" }\n",
        );
        // 100 × 0.95^5 = 77.378; 0.95^4 = 81.45 > 80, so first met in 2020.
        assert_eq!(o[0].status, Status::Reached);
        assert_eq!(o[0].year_reached, Some(2020));
        // Under its ceiling, it reads 80 / 77.37809375 = 103.39 %.
        assert_eq!(o[0].attainment, Some(1.03388434791985));
        // 25 × 1.2^5 = 62.208, inside 60 ± 3; 1.2^4 × 25 = 51.84 is outside.
        assert_eq!(o[1].status, Status::Reached);
        assert_eq!(o[1].year_reached, Some(2020));
        assert_eq!(o[2].status, Status::Reached);
    }

    #[test]
    fn ratio_goals_have_no_required_rate() {
        let o = outcomes(
            "[metrics.a]\nbaseline = 40\ngrowth = \"20%\"\n[metrics.g]\nbaseline = 420\ngrowth = \"9%\"\n\
             [metrics.s]\nratio = { numerator = \"a\", denominator = \"g\" }\ntarget = 15\n",
        );
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].required_rate, None);
        // 40 × 1.2^5 / (420 × 1.09^5) × 100 = 99.5328 / 646.222061058 × 100 = 15.4023 %
        assert!(
            (o[0].projected - 15.4023).abs() < 1e-4,
            "{}",
            o[0].projected
        );
        assert_eq!(o[0].status, Status::Reached);
    }

    proptest! {
        #[test]
        fn required_rate_of_a_compound_path_is_its_own_rate(
            baseline in 0.01f64..1e6,
            rate in -0.5f64..2.0,
            years in 1u32..=100,
        ) {
            let end = (0..years).fold(baseline, |v, _| v * (1.0 + rate));
            let r = average_annual_rate(baseline, end, years as f64).unwrap();
            prop_assert!((r - rate).abs() <= 1e-9 * (1.0 + rate.abs()), "{r} vs {rate}");
        }

        #[test]
        fn attainment_is_100_percent_or_more_when_and_only_when_the_goal_is_met(
            target in prop_oneof![-1e6f64..-1e-3, 1e-3f64..1e6],
            projected in -1e6f64..1e6,
            at_most in any::<bool>(),
        ) {
            prop_assume!((projected / target - 1.0).abs() > 1e-9);
            let comparison = if at_most { Comparison::AtMost } else { Comparison::AtLeast };
            let met = level_satisfies(comparison, projected, target);
            match attainment(&Goal { comparison, value: target }, projected) {
                Some(a) => prop_assert_eq!(a >= 1.0, met, "{}", a),
                None => prop_assert!(met, "no attainment for a missed goal"),
            }
        }

        #[test]
        fn a_higher_rate_never_lowers_the_projection(
            baseline in 0.01f64..1e6,
            low in -0.9f64..0.5,
            extra in 0.0f64..0.49,
        ) {
            let metrics = |r: f64| format!("[metrics.m]\nbaseline = {baseline:?}\ngrowth = {r:?}\ntarget = 1\n");
            let a = outcomes(&metrics(low))[0].projected;
            let b = outcomes(&metrics(low + extra))[0].projected;
            prop_assert!(b >= a);
        }

        #[test]
        fn a_goal_set_at_its_own_projection_is_reached(
            baseline in 0.01f64..1e6,
            rate in -0.5f64..0.99,
        ) {
            let end = baseline * (1.0 + rate).powi(5);
            let o = outcomes(&format!(
                "[metrics.m]\nbaseline = {baseline:?}\ngrowth = {rate:?}\ntarget = {end:?}\nrate_target = {rate:?}\n"
            ));
            prop_assert_eq!(o[0].status, Status::Reached);
            prop_assert_eq!(o[1].status, Status::Reached);
            prop_assert_eq!(o[0].year_reached.is_some(), true);
        }

        #[test]
        fn goals_of_every_kind_set_at_their_own_values_are_reached(
            baseline in 0.01f64..1e6,
            rate in -0.5f64..0.14,
            prices in -0.1f64..0.1,
        ) {
            // Levels grow by (1 + rate)(1 + prices) a year; growth is real.
            let factor = (1.0 + rate) * (1.0 + prices);
            let levels: Vec<f64> = (1..=5).map(|k| baseline * factor.powi(k)).collect();
            let change = (1.0 + rate).powi(5) - 1.0;
            let increase = levels[4] - baseline;
            let total: f64 = levels.iter().sum();
            let o = outcomes(&format!(
                "[metrics.m]\nbaseline = {baseline:?}\ngrowth = {rate:?}\ndeflator = {prices:?}\n\
                 target = {:?}\nrate_target = {rate:?}\nchange_target = {change:?}\n\
                 increase_target = {increase:?}\ntotal_target = {total:?}\n",
                levels[4]
            ));
            for outcome in &o {
                prop_assert_eq!(outcome.status, Status::Reached, "{:?}", outcome);
            }
            prop_assert_eq!(o.len(), 5);
        }
    }
}
