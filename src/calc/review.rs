//! The mid-term review: where each goal stands at its latest actual figure,
//! and a verdict a planning office can act on.

use super::average::{achieved_rate, average_annual_rate, rate_for_sum};
use super::goals::{GoalOutcome, GoalPaths, Status, evaluate, judge, points_a_year};
use super::noise::significant;
use super::projection::{Projection, share_anchor};
use crate::plan::{GoalKind, Model, Plan, Prices, RateMethod};

/// How a goal stands, most settled first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No actual figure yet.
    NoFigures,
    /// The figure for the target year is in, and meets the goal.
    FinalReached,
    /// The figure for the target year is in, and misses the goal.
    FinalMissed,
    /// A figure before the target year already meets a goal the baseline did
    /// not (a floor risen to, a ceiling fallen under).
    AlreadyReached,
    /// Carrying on at the pace achieved so far misses the goal.
    OutOfReach,
    /// Reachable at the pace so far, but behind the plan path.
    Behind,
    OnTrack,
}

/// One goal at the latest actual figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    pub outcome: GoalOutcome,
    /// The latest actual figure and its year.
    pub latest: Option<(i32, f64)>,
    /// The average annual rate from the baseline to the latest figure, by
    /// the metric's rate method.
    pub achieved_rate: Option<f64>,
    /// The average annual rate needed from the latest figure to meet the
    /// goal (for a rate goal: for the whole period's average, by the
    /// metric's rate method, to meet it).
    pub remaining_rate: Option<f64>,
    /// Level and increase goals of metrics in %, in place of the two rates:
    /// the change a year in percentage points so far, and the change a year
    /// needed from the latest figure.
    pub achieved_points: Option<f64>,
    pub remaining_points: Option<f64>,
    pub verdict: Verdict,
}

pub fn review(plan: &Plan, projection: &Projection) -> Vec<ReviewLine> {
    let n = plan.horizon();
    evaluate(plan, projection)
        .into_iter()
        .map(|outcome| {
            let index = outcome.metric;
            let method = plan.metrics[index].rate_method;
            let path = projection.series(index);
            let Some(k) = projection.latest_actual(index) else {
                return ReviewLine {
                    outcome,
                    latest: None,
                    achieved_rate: None,
                    remaining_rate: None,
                    achieved_points: None,
                    remaining_points: None,
                    verdict: Verdict::NoFigures,
                };
            };
            let value = path[k];
            // Growth so far is real growth, at base-year prices.
            let known = &projection.real_series(index)[..=k];
            let goal = outcome.goal;
            let paced = |prices| paced_path(plan, projection, index, k, prices);
            let reachable = match (paced(Prices::Current), paced(Prices::Comparable)) {
                (Some(current), Some(real)) => {
                    let paths = GoalPaths {
                        current: &current,
                        real: &real,
                        method,
                    };
                    judge(outcome.kind, &goal, paths).1 == Status::Reached
                }
                _ => false,
            };
            // A level or an increase of a metric in % moves by points.
            let in_points = plan.metrics[index].in_points()
                && matches!(outcome.kind, GoalKind::Level | GoalKind::Increase);
            let (achieved_rate, remaining_rate, achieved_points, remaining_points) = if in_points {
                let remaining = match outcome.kind {
                    GoalKind::Increase => points_a_year(value, path[0] + goal.value, n - k),
                    _ => outcome.progress.as_ref().and_then(|p| p.remaining_points),
                };
                (None, None, points_a_year(path[0], value, k), remaining)
            } else {
                let remaining = remaining_rate(plan, projection, &outcome, k);
                (achieved_rate(known, method), remaining, None, None)
            };
            let progress = outcome.progress.as_ref();
            let verdict = if k == n {
                match outcome.status {
                    Status::Reached => Verdict::FinalReached,
                    Status::Missed => Verdict::FinalMissed,
                }
            } else if progress.is_some_and(|p| p.already_reached) {
                Verdict::AlreadyReached
            } else if !reachable {
                Verdict::OutOfReach
            } else if progress.is_some_and(|p| p.behind_schedule) {
                Verdict::Behind
            } else {
                Verdict::OnTrack
            };
            ReviewLine {
                outcome,
                latest: Some((plan.base_year + k as i32, significant(value))),
                achieved_rate,
                remaining_rate,
                achieved_points,
                remaining_points,
                verdict,
            }
        })
        .collect()
}

/// The average annual rate needed from the latest figure, in year index
/// `k`, for the goal to be met: for a level goal as its progress says; for
/// a rate goal, for the whole period's average by the metric's method to
/// meet it; for a change goal, to the real level it implies; for an
/// increase goal, to the level it implies (none for a share, as for level
/// goals); for a total, at which the years left make up what is missing.
/// None in the target year.
fn remaining_rate(
    plan: &Plan,
    projection: &Projection,
    outcome: &GoalOutcome,
    k: usize,
) -> Option<f64> {
    let (n, index, target) = (plan.horizon(), outcome.metric, outcome.goal.value);
    let left = n.checked_sub(k).filter(|left| *left > 0)?;
    let metric = &plan.metrics[index];
    let current = &projection.series(index)[..=k];
    let real = &projection.real_series(index)[..=k];
    match outcome.kind {
        GoalKind::Level => outcome.progress.as_ref().and_then(|p| p.remaining_rate),
        GoalKind::Rate => rate_still_needed(real, target, n, metric.rate_method),
        GoalKind::Change => average_annual_rate(real[k], real[0] * (1.0 + target), left as f64),
        GoalKind::Increase if matches!(metric.model, Model::Ratio { .. }) => None,
        GoalKind::Increase => average_annual_rate(current[k], current[0] + target, left as f64),
        GoalKind::Total => {
            let done: f64 = current[1..].iter().sum();
            rate_for_sum(current[k], target - done, left)
        }
    }
}

/// The average annual rate needed from the last of the `known` values (the
/// first is the baseline) for the average over all `n` years, by `method`,
/// to come to `rate`: the rate to the level `rate` implies (endpoint), or
/// the rate at which the years left make up the sum it implies (cumulative).
fn rate_still_needed(known: &[f64], rate: f64, n: usize, method: RateMethod) -> Option<f64> {
    let (baseline, value) = (known[0], known[known.len() - 1]);
    let left = n + 1 - known.len();
    match method {
        RateMethod::Endpoint => {
            let implied = baseline * (1.0 + rate).powf(n as f64);
            average_annual_rate(value, implied, left as f64)
        }
        RateMethod::Cumulative => {
            let implied: f64 = (1..=n)
                .map(|j| baseline * (1.0 + rate).powi(j as i32))
                .sum();
            let done: f64 = known[1..].iter().sum();
            rate_for_sum(value, implied - done, left)
        }
    }
}

/// Metric `index`'s path at `prices` through year index `k`, then on to
/// target_year at the pace it has had since the baseline at those prices:
/// its average rate (compound), its average increment (linear), or for a
/// ratio its parts' paces at the prices it divides them at. A ratio whose
/// paced denominator is 0 has no value that year (NaN).
fn paced_path(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    k: usize,
    prices: Prices,
) -> Option<Vec<f64>> {
    let path = projection.part_series(index, prices);
    let (baseline, value) = (path[0], path[k]);
    let ahead = 1..=plan.horizon() - k;
    let later: Vec<f64> = match plan.metrics[index].model {
        Model::Linear { .. } => {
            let step = (value - baseline) / k as f64;
            ahead.map(|j| value + step * j as f64).collect()
        }
        Model::Compound { .. } => {
            let rate = average_annual_rate(baseline, value, k as f64)?;
            ahead.map(|j| value * (1.0 + rate).powf(j as f64)).collect()
        }
        Model::Ratio {
            numerator,
            denominator,
            scale,
            prices,
            ..
        } => {
            // An entered share keeps its proportion to the parts' ratio.
            let anchor = share_anchor(plan, projection, index, k);
            let num = paced_path(plan, projection, numerator, k, prices)?;
            let den = paced_path(plan, projection, denominator, k, prices)?;
            ahead
                .map(|j| {
                    let (n, d) = (num[k + j], den[k + j]);
                    if d == 0.0 {
                        f64::NAN
                    } else {
                        n / d * scale * anchor
                    }
                })
                .collect()
        }
    };
    Some(path[..=k].iter().copied().chain(later).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::project;
    use crate::plan::parse_plan;

    fn review_of(metrics: &str) -> Vec<ReviewLine> {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        let plan = parse_plan(&text, "t.toml", &Default::default())
            .unwrap()
            .remove(0)
            .plan;
        review(&plan, &project(&plan).unwrap())
    }

    #[test]
    fn a_metric_in_percent_is_reviewed_in_points_a_year() {
        // 62.5 %, 64.5 % in 2017: 1 point a year so far. The level 67 needs
        // (67 - 64.5) / 3 = 0.8333 a year; the increase of 4, to 66.5,
        // (66.5 - 64.5) / 3 = 0.6667; the rate goal stays a rate,
        // (64.5 / 62.5)^(1/2) - 1 = 1.5874 %.
        let lines = review_of(
            "[metrics.u]\nunit = \"%\"\nbaseline = 62.5\nincrement = 0.8\ntarget = 67\n\
             rate_target = \"1%\"\nincrease_target = 4\nactual = { 2017 = 64.5 }\n",
        );
        let points = |l: &ReviewLine| (l.achieved_points, l.remaining_points);
        let rates = |l: &ReviewLine| (l.achieved_rate, l.remaining_rate);
        assert_eq!(points(&lines[0]), (Some(1.0), Some(0.833333333333333)));
        assert_eq!(rates(&lines[0]), (None, None));
        assert_eq!(points(&lines[1]), (None, None));
        assert!((lines[1].achieved_rate.unwrap() - 0.015874).abs() < 1e-6);
        assert_eq!(points(&lines[2]), (Some(1.0), Some(0.666666666666667)));
        assert_eq!(rates(&lines[2]), (None, None));
    }

    #[test]
    fn verdicts() {
        let lines = review_of(
            "[metrics.none]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\n\
             [metrics.done]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 151 }\n\
             [metrics.slow]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 101 }\n\
             [metrics.lag]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 125 }\n\
             [metrics.fine]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 135 }\n",
        );
        let verdicts: Vec<Verdict> = lines.iter().map(|l| l.verdict).collect();
        // slow: 101 after 2 years (0.5 %/yr) ends near 103. lag: 125 after 3 years is
        // 7.72 % a year, which ends at 125 × 1.0772² = 145.0 < 150: out of reach.
        // fine: 135 is 10.52 % a year → 164.9 ≥ 150, and progress 70 % ≥ 60 %.
        assert_eq!(
            verdicts,
            [
                Verdict::NoFigures,
                Verdict::AlreadyReached,
                Verdict::OutOfReach,
                Verdict::OutOfReach,
                Verdict::OnTrack
            ]
        );
        let fine = &lines[4];
        assert_eq!(fine.latest, Some((2018, 135.0)));
        // (135/100)^(1/3) - 1 = 10.5209 %; (150/135)^(1/2) - 1 = 5.4093 %.
        assert!((fine.achieved_rate.unwrap() - 0.105209).abs() < 1e-6);
        assert!((fine.remaining_rate.unwrap() - 0.054093).abs() < 1e-6);
    }

    #[test]
    fn a_ceiling_the_baseline_respects_is_not_already_reached() {
        // 520 is under the ceiling of 600; actual 560 (2017) and 590 (2018) rise
        // (590/520)^(1/3) - 1 = 4.30 % a year, which ends at 590 × 1.043² = 642 > 600.
        let lines = review_of(
            "[metrics.e]\nbaseline = 520\ngrowth = \"2.5%\"\ntarget = { at_most = 600 }\n\
             actual = { 2017 = 560, 2018 = 590 }\n\
             [metrics.cut]\nbaseline = 300\nincrement = -8\ntarget = { at_most = 250 }\n\
             actual = { 2018 = 245 }\n",
        );
        assert_eq!(lines[0].verdict, Verdict::OutOfReach);
        assert_eq!(lines[0].outcome.progress.unwrap().progress, None);
        // Coal cut from 300 to 245 by 2018 is under the ceiling of 250: reached early.
        assert_eq!(lines[1].verdict, Verdict::AlreadyReached);
    }

    #[test]
    fn a_cumulative_rate_goal_is_reviewed_by_the_sum_so_far() {
        // 100 in 2015, 100 in 2016 and 2017. The rate so far by the cumulative
        // method: 100x + 100x² = 200 at x = 1, so 0 %. A 5 % average needs
        // 100 × (1.05 + … + 1.05⁵) = 580.19128125 over the five years, 200 of
        // it done: the three years left must add up to 380.19128125 from 100,
        // x + x² + x³ = 3.8019128125 at x = 1.1232185 (1.1232 + 1.2616 +
        // 1.4171 = 3.8019): 12.32185 % a year. At the pace so far (0 %) the
        // path stays at 100 and averages 0 %: out of reach.
        let lines = review_of(
            "[metrics.i]\nbaseline = 100\ngrowth = \"5%\"\nrate_method = \"cumulative\"\n\
             rate_target = \"5%\"\nactual = { 2017 = 100 }\n",
        );
        assert_eq!(lines[0].achieved_rate, Some(0.0));
        let remaining = lines[0].remaining_rate.unwrap();
        assert!((remaining - 0.1232184738).abs() < 1e-10, "{remaining}");
        assert_eq!(lines[0].verdict, Verdict::OutOfReach);
    }

    #[test]
    fn growth_so_far_is_real_growth() {
        // 1200 published for 2017 at current prices is 1200 / 1.02² = 1153.4025
        // at 2015 prices: (1153.4025 / 1000)^(1/2) - 1 = 7.3966 % a year so far
        // (the nominal 1.2^(1/2) - 1 = 9.54 % would overstate it). A real 6.5 %
        // average needs 1000 × 1.065⁵ = 1370.0867 in 2020 at 2015 prices:
        // (1370.0867 / 1153.4025)^(1/3) - 1 = 5.9064 % a year from here, and
        // at 7.3966 % it is on track.
        let lines = review_of(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             rate_target = \"6.5%\"\nactual = { 2017 = 1200 }\n",
        );
        let line = &lines[0];
        assert!((line.achieved_rate.unwrap() - 0.0739657990).abs() < 1e-10);
        assert!((line.remaining_rate.unwrap() - 0.0590644223).abs() < 1e-10);
        assert_eq!(line.latest, Some((2017, 1200.0)));
        assert_eq!(line.verdict, Verdict::OnTrack);
    }

    #[test]
    fn a_total_is_reviewed_by_what_is_still_missing() {
        // 120 published for 2017; 2016 is filled in as 100 × 1.2^(1/2) =
        // 109.5445, so 229.5445 of the 600 is done and 370.4555 is missing:
        // 120 (x + x² + x³) = 370.4555 at x = 1.014383, 1.4383 % a year. At the
        // pace so far, 1.2^(1/2) - 1 = 9.5445 % a year, the five years add up
        // to 229.5445 + 120 × (1.0954 + 1.2 + 1.3145) = 662.74 ≥ 600.
        let lines = review_of(
            "[metrics.i]\nbaseline = 100\ngrowth = \"8%\"\ntotal_target = 600\n\
             change_target = \"30%\"\nactual = { 2017 = 120 }\n",
        );
        let total = &lines[1];
        assert_eq!(total.outcome.kind, GoalKind::Total);
        assert!((total.remaining_rate.unwrap() - 0.0143831002).abs() < 1e-10);
        assert_eq!(total.verdict, Verdict::OnTrack);
        // A change of +30 % means 130 in 2020: (130 / 120)^(1/3) - 1 = 2.7040 % a
        // year from 2017, and at 9.5445 % a year 120 × 1.2^(3/2) = 157.7 ≥ 130.
        let change = &lines[0];
        let needed = (130.0f64 / 120.0).powf(1.0 / 3.0) - 1.0;
        assert!((change.remaining_rate.unwrap() - needed).abs() < 1e-12);
        assert_eq!(change.verdict, Verdict::OnTrack);
    }

    #[test]
    fn a_figure_for_the_target_year_is_final() {
        let lines = review_of(
            "[metrics.a]\nbaseline = 100\ngrowth = 0.1\ntarget = 160\nactual = { 2020 = 155 }\n\
             [metrics.b]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2020 = 155 }\n",
        );
        assert_eq!(lines[0].verdict, Verdict::FinalMissed);
        assert_eq!(lines[1].verdict, Verdict::FinalReached);
    }

    #[test]
    fn behind_when_under_the_plan_path_but_the_pace_suffices() {
        // Linear a: 100 → 115 by 2018 is 5 a year, which ends at exactly 125, and
        // 115 is the plan path's value: on track, not behind.
        // Linear b: 100 → 120 is 6.67 a year, which ends at 133.3 < 134: out of reach.
        let lines = review_of(
            "[metrics.a]\nbaseline = 100\nincrement = 5\ntarget = 125\nactual = { 2018 = 115 }\n\
             [metrics.b]\nbaseline = 100\nincrement = 5\ntarget = 134\nactual = { 2018 = 120 }\n",
        );
        assert_eq!(lines[0].verdict, Verdict::OnTrack);
        assert_eq!(lines[1].verdict, Verdict::OutOfReach);
        // Compound: 100 → 120 in 2018 (6.27 %/yr) reaches 135.5 ≥ 135, but the
        // plan path is at 133.1: behind schedule.
        let lines = review_of(
            "[metrics.c]\nbaseline = 100\ngrowth = 0.1\ntarget = 135\nactual = { 2018 = 120 }\n",
        );
        assert_eq!(lines[0].verdict, Verdict::Behind);
    }

    #[test]
    fn a_metric_on_its_compound_plan_path_is_on_track() {
        // GDP 1000 growing 6 % a year, with figures on the path and the plan's
        // own 2020 value, 1000 × 1.06⁵ = 1338.2255776, as the goal. Progress
        // (1191.016 - 1000) / 338.2255776 = 56 % lags the 60 % of time gone, as
        // on any compound path, but the figure is where the plan put it.
        let lines = review_of(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ntarget = 1338.2255776\n\
             actual = { 2016 = 1060, 2017 = 1123.6, 2018 = 1191.016 }\n",
        );
        let progress = lines[0].outcome.progress.unwrap();
        assert!(progress.progress.unwrap() < progress.time_elapsed);
        assert!(!progress.behind_schedule);
        assert_eq!(lines[0].verdict, Verdict::OnTrack);
    }
}
