//! The verdict on each goal: reached or missed, by how much, what rate it
//! needs, and the first year it is met.
//!
//! Statuses are decided on the exact computed values (with the slack of
//! `noise`); the numbers reported are rounded to their reliable digits.

use super::assess::{progress_toward, schedule};
use super::noise::{difference, level_satisfies, rate_satisfies, significant};
use super::projection::{Projection, continuation};
use crate::plan::{Comparison, Goal, GoalKind, MAX_HORIZON, Model, Plan};

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
    /// Whether the goal is on the level or on the average growth rate.
    pub kind: GoalKind,
    /// The goal as the plan states it.
    pub goal: Goal,
    /// The metric's base-year value.
    pub baseline: f64,
    /// Level goals: the value at target_year. Rate goals: the achieved
    /// average annual rate from base_year to target_year.
    pub projected: f64,
    /// Whether `projected` meets the goal.
    pub status: Status,
    /// projected - goal value (a rate difference for rate goals).
    pub gap: f64,
    /// projected / goal value; level goals with a non-zero goal only.
    pub attainment: Option<f64>,
    /// The average annual rate that reaches a level goal exactly from the
    /// baseline; not for ratios, nor when baseline or goal is not positive.
    pub required_rate: Option<f64>,
    /// Level goals: the first year from which the goal holds through
    /// target_year; when it is missed at target_year, the first later year
    /// (up to base_year + 100) in which it is met, each metric keeping its
    /// last rate or increment.
    pub year_reached: Option<i32>,
    /// Level goals of metrics with actual figures: how far along they are.
    pub progress: Option<Progress>,
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
    /// latest_value / plan_value - 1: ahead of the plan when positive.
    pub deviation: Option<f64>,
    /// (latest_value - baseline) / (goal - baseline); none when the baseline
    /// already meets the goal (nothing to progress toward).
    pub progress: Option<f64>,
    /// (latest_year - base_year) / (target_year - base_year).
    pub time_elapsed: f64,
    /// The average annual rate that reaches the goal from latest_value over
    /// the years left; none for ratios, in the target year, or when a value
    /// is not positive.
    pub remaining_rate: Option<f64>,
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

/// Every goal of the plan, metrics in file order, level before rate.
pub fn evaluate(plan: &Plan, projection: &Projection) -> Vec<GoalOutcome> {
    let n = plan.horizon() as f64;
    let mut outcomes = Vec::with_capacity(plan.goal_count());
    for (index, metric) in plan.metrics.iter().enumerate() {
        let path = projection.series(index);
        let (baseline, last) = (path[0], path[path.len() - 1]);
        let (shown_baseline, shown_last) = (significant(baseline), significant(last));
        for (kind, goal) in metric.goals() {
            let (judged, status) = judge(kind, goal, path);
            let outcome = match kind {
                GoalKind::Level => {
                    let meets = |v: f64| level_satisfies(goal.comparison, v, goal.value);
                    let year_reached = if status == Status::Reached {
                        // The first year from which the goal holds through target_year.
                        let holding = path.iter().rev().take_while(|v| meets(**v)).count();
                        Some(plan.target_year + 1 - holding as i32)
                    } else {
                        let later_years = (plan.target_year + 1)..=(plan.base_year + MAX_HORIZON);
                        later_years
                            .zip(continuation(plan, projection, index))
                            .take_while(|(_, v)| v.is_finite())
                            .find(|(_, v)| meets(*v))
                            .map(|(year, _)| year)
                    };
                    let is_ratio = matches!(metric.model, Model::Ratio { .. });
                    let progress = progress(plan, projection, index, goal, is_ratio);
                    GoalOutcome {
                        metric: index,
                        kind,
                        goal: *goal,
                        baseline: shown_baseline,
                        projected: shown_last,
                        status,
                        gap: difference(shown_last, goal.value),
                        attainment: (goal.value != 0.0)
                            .then(|| significant(shown_last / goal.value)),
                        required_rate: if is_ratio {
                            None
                        } else {
                            average_annual_rate(baseline, goal.value, n)
                        },
                        year_reached,
                        progress,
                    }
                }
                GoalKind::Rate => GoalOutcome {
                    metric: index,
                    kind,
                    goal: *goal,
                    baseline: shown_baseline,
                    projected: judged,
                    status,
                    gap: difference(judged, goal.value),
                    attainment: None,
                    required_rate: None,
                    year_reached: None,
                    progress: None,
                },
            };
            outcomes.push(outcome);
        }
    }
    outcomes
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
    // Progress means moving from the baseline toward a goal the baseline
    // does not meet yet: rising to a floor, falling to a ceiling. Staying
    // under a ceiling that the baseline already respects is no progress.
    let needs_movement = !level_satisfies(goal.comparison, baseline, goal.value);
    let progress = progress_toward(goal, baseline, latest_value);
    let time_elapsed = significant(k as f64 / plan.horizon() as f64);
    let meets_now = level_satisfies(goal.comparison, path[k], goal.value);
    Some(Progress {
        latest_year,
        latest_value,
        plan_value,
        deviation: (plan_value != 0.0).then(|| difference(latest_value / plan_value, 1.0)),
        progress,
        time_elapsed,
        remaining_rate: if is_ratio || years_left == 0 {
            None
        } else {
            average_annual_rate(latest_value, goal.value, years_left as f64)
        },
        // A band can still be overshot; a floor or ceiling once crossed is
        // what the plan asked for.
        already_reached: years_left > 0
            && needs_movement
            && !matches!(goal.comparison, Comparison::About { .. })
            && meets_now,
        final_figure: years_left == 0,
        behind_schedule: years_left > 0
            && progress.is_some()
            && !schedule(goal, baseline, path[k], exact_plan_value).on_schedule,
    })
}

/// The value a goal is judged on, and the verdict: the last value of the
/// path for a level goal, its average annual rate for a rate goal. The
/// value is exact (not rounded for display).
pub fn judge(kind: GoalKind, goal: &Goal, path: &[f64]) -> (f64, Status) {
    let (first, last) = (path[0], path[path.len() - 1]);
    let years = (path.len() - 1) as f64;
    let (value, met) = match kind {
        GoalKind::Level => (last, level_satisfies(goal.comparison, last, goal.value)),
        GoalKind::Rate => {
            // Loading refuses rate goals whose path is not positive at both
            // ends; a sweep can still produce one, which then reads missed.
            let achieved = average_annual_rate(first, last, years).unwrap_or(f64::NAN);
            (
                achieved,
                rate_satisfies(goal.comparison, achieved, goal.value),
            )
        }
    };
    (value, if met { Status::Reached } else { Status::Missed })
}

/// The constant annual rate that turns `start` into `end` over `years` years
/// (a spreadsheet's RRI), to its reliable digits; `None` unless both values
/// are positive.
pub fn average_annual_rate(start: f64, end: f64, years: f64) -> Option<f64> {
    (start > 0.0 && end > 0.0 && years > 0.0)
        .then(|| difference((end / start).powf(1.0 / years), 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::project;
    use crate::plan::parse_plan;
    use proptest::prelude::*;

    fn outcomes(metrics: &str) -> Vec<GoalOutcome> {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        let plan = parse_plan(&text, "test.toml", &Default::default())
            .expect("test plan parses")
            .remove(0)
            .plan;
        evaluate(&plan, &project(&plan).unwrap())
    }

    #[test]
    fn average_rate_matches_spreadsheet_rri() {
        // =RRI(5, 420, 1000) = 0.189464...
        let r = average_annual_rate(420.0, 1000.0, 5.0).unwrap();
        assert!((r - 0.18946).abs() < 1e-5, "{r}");
        // =RRI(5, 68, 150) = 0.1714303...
        let r = average_annual_rate(68.0, 150.0, 5.0).unwrap();
        assert!((r - 0.1714303).abs() < 1e-7, "{r}");
        assert_eq!(average_annual_rate(0.0, 10.0, 5.0), None);
        assert_eq!(average_annual_rate(10.0, -1.0, 5.0), None);
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
    }
}
