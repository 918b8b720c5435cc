//! The mid-term review: where each goal stands at its latest actual figure,
//! and a verdict a planning office can act on.

use super::goals::{GoalOutcome, Status, average_annual_rate, evaluate};
use super::noise::{level_satisfies, rate_satisfies, significant};
use super::projection::{Projection, share_anchor};
use crate::plan::{GoalKind, Model, Plan};

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
    /// Reachable at the pace so far, and not behind the plan path.
    OnTrack,
}

/// One goal at the latest actual figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    /// The goal judged at the target year, as the report judges it.
    pub outcome: GoalOutcome,
    /// The latest actual figure and its year.
    pub latest: Option<(i32, f64)>,
    /// The average annual rate from the baseline to the latest figure.
    pub achieved_rate: Option<f64>,
    /// The average annual rate needed from the latest figure to meet the
    /// goal (for a rate goal: for the whole period's average to meet it).
    pub remaining_rate: Option<f64>,
    /// Where the goal stands.
    pub verdict: Verdict,
}

/// Every goal of the plan at its metric's latest actual figure, in the
/// order of [`evaluate`]: a goal whose metric has no figure yet reads
/// [`Verdict::NoFigures`].
pub fn review(plan: &Plan, projection: &Projection) -> Vec<ReviewLine> {
    let n = plan.horizon() as f64;
    evaluate(plan, projection)
        .into_iter()
        .map(|outcome| {
            let index = outcome.metric;
            let path = projection.series(index);
            let baseline = path[0];
            let Some(k) = projection.latest_actual(index) else {
                return ReviewLine {
                    outcome,
                    latest: None,
                    achieved_rate: None,
                    remaining_rate: None,
                    verdict: Verdict::NoFigures,
                };
            };
            let value = path[k];
            let left = n - k as f64;
            let achieved_rate = average_annual_rate(baseline, value, k as f64);
            let end_at_this_pace = at_this_pace(plan, projection, index, k);
            let goal = outcome.goal;
            let (remaining_rate, reachable) = match outcome.kind {
                GoalKind::Level => (
                    outcome.progress.as_ref().and_then(|p| p.remaining_rate),
                    end_at_this_pace
                        .is_some_and(|v| level_satisfies(goal.comparison, v, goal.value)),
                ),
                GoalKind::Rate => {
                    // The level the rate goal implies at target_year.
                    let implied = baseline * (1.0 + goal.value).powf(n);
                    let finishes = end_at_this_pace
                        .and_then(|end| average_annual_rate(baseline, end, n))
                        .is_some_and(|r| rate_satisfies(goal.comparison, r, goal.value));
                    (
                        (left > 0.0)
                            .then(|| average_annual_rate(value, implied, left))
                            .flatten(),
                        finishes,
                    )
                }
            };
            let progress = outcome.progress.as_ref();
            let verdict = if left == 0.0 {
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
                verdict,
            }
        })
        .collect()
}

/// Where metric `index` ends at target_year if it keeps, from year index
/// `k`, the pace it has had since the baseline: its average rate (compound),
/// its average increment (linear), or for a ratio its parts' paces.
fn at_this_pace(plan: &Plan, projection: &Projection, index: usize, k: usize) -> Option<f64> {
    let path = projection.series(index);
    let (baseline, value) = (path[0], path[k]);
    let left = (plan.horizon() - k) as f64;
    match plan.metrics[index].model {
        Model::Linear { .. } => Some(value + (value - baseline) / k as f64 * left),
        Model::Compound { .. } => {
            average_annual_rate(baseline, value, k as f64).map(|r| value * (1.0 + r).powf(left))
        }
        Model::Ratio {
            numerator,
            denominator,
            scale,
        } => {
            // An entered share keeps its proportion to the parts' ratio.
            let anchor = share_anchor(plan, projection, index, k);
            let num = at_this_pace(plan, projection, numerator, k)?;
            let den = at_this_pace(plan, projection, denominator, k)?;
            (den != 0.0).then(|| num / den * scale * anchor)
        }
    }
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
