//! The mid-term review: where each goal stands at its latest actual figure,
//! and the class an assessment method gives it (see `assess`); or, year by
//! year, the class it would have been given with the figures published by
//! then.
//!
//! What a method looks at is gathered here from the plan and its paths: the
//! plan path, the history, the actual figures, the goal and the metric's
//! pace. The methods judge a level at the target year, so every goal is
//! judged as the level it implies: a rate goal baseline × (1 + rate)ⁿ and a
//! change goal baseline × (1 + change), both at comparable prices, as their
//! growth is judged; an increase goal baseline + increase; and a total the
//! plan path's target-year value scaled as the total is to the plan path's
//! own (the level the plan's shape needs to make it up). A share moves by
//! its own average rate.

use super::assess::{Assessment, Case, Method, assess};
use super::average::{achieved_rate, average_annual_rate, rate_for_sum};
use super::goals::{GoalOutcome, evaluate, points_a_year};
use super::noise::significant;
use super::prices::{at_prices, price_index};
use super::projection::{PointSource, Projection};
use super::trend::Pace;
use crate::plan::{Comparison, Goal, GoalKind, Model, Plan, Prices, RateMethod};

/// One goal at the latest actual figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    /// The goal judged at the target year, as the report judges it.
    pub outcome: GoalOutcome,
    /// The latest actual figure and its year.
    pub latest: Option<(i32, f64)>,
    /// The average annual rate from the baseline to the latest figure, by
    /// the metric's rate method (None when the goal moves by points, or
    /// without a figure yet).
    pub achieved_rate: Option<f64>,
    /// The average annual rate needed from the latest figure to meet the
    /// goal (for a rate goal: for the whole period's average, by the
    /// metric's rate method, to meet it).
    pub remaining_rate: Option<f64>,
    /// In place of the two rates, where the metric moves by increments (a
    /// linear model, as the assessment carries it on) or the goal is a
    /// level or an increase of a metric in %: the change a year so far, in
    /// the metric's unit (percentage points for a metric in %), at the
    /// prices the assessment's levels are at; None otherwise, or when there
    /// is no figure yet.
    pub achieved_increment: Option<f64>,
    /// Alongside `achieved_increment`: the change a year needed from the
    /// latest figure to the level the goal implies, the level the
    /// assessment judges; None in the target year.
    pub remaining_increment: Option<f64>,
    /// The method's class and the figures behind it; none without an actual figure.
    pub assessment: Option<Assessment>,
    /// The prices the assessment's levels are at: comparable for a rate or
    /// change goal of a metric with a deflator, current otherwise. The
    /// latest figure is at current prices, as published.
    pub prices: Prices,
}

/// One goal as it would have been judged at the end of one year with a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    /// The goal, judged at the target year.
    pub outcome: GoalOutcome,
    /// The year judged: the end of a year with a figure.
    pub as_of: i32,
    /// The figure for that year, as published (at current prices).
    pub latest_value: f64,
    /// The plan path's value for that year, at current prices as the figure.
    pub plan_value: f64,
    /// The method's class on the figures published by then.
    pub assessment: Assessment,
    /// The prices the assessment's levels are at, as [`ReviewLine::prices`].
    pub prices: Prices,
}

/// Every goal at its metric's latest actual figure, judged by `method`.
pub fn review(plan: &Plan, projection: &Projection, method: Method) -> Vec<ReviewLine> {
    let n = plan.horizon();
    evaluate(plan, projection)
        .into_iter()
        .map(|outcome| {
            let index = outcome.metric;
            let metric = &plan.metrics[index];
            let path = projection.series(index);
            let figures = Figures::of(plan, projection, &outcome);
            let case = figures.case(plan, &outcome);
            let assessment = assess(method, &case);
            let prices = figures.prices;
            let Some(&(year, judged)) = figures.actual.last() else {
                return ReviewLine {
                    outcome,
                    latest: None,
                    achieved_rate: None,
                    remaining_rate: None,
                    achieved_increment: None,
                    remaining_increment: None,
                    assessment,
                    prices,
                };
            };
            let k = (year - plan.base_year) as usize;
            // A linear metric is carried on by its increment, and a level or
            // an increase of a metric in % moves by points: a rate beside
            // them could disagree with the verdict.
            let by_increments = case.pace == Pace::Linear
                || metric.in_points()
                    && matches!(outcome.kind, GoalKind::Level | GoalKind::Increase);
            let (achieved_rate, remaining_rate, achieved_increment, remaining_increment) =
                if by_increments {
                    (
                        None,
                        None,
                        points_a_year(case.plan_path[0], judged, k),
                        points_a_year(judged, case.goal.value, n - k),
                    )
                } else {
                    // Growth so far is real growth, at base-year prices.
                    let known = &projection.real_series(index)[..=k];
                    (
                        achieved_rate(known, metric.rate_method),
                        remaining_rate(plan, projection, &outcome, k),
                        None,
                        None,
                    )
                };
            ReviewLine {
                latest: Some((year, significant(path[k]))),
                achieved_rate,
                remaining_rate,
                achieved_increment,
                remaining_increment,
                assessment,
                prices,
                outcome,
            }
        })
        .collect()
}

/// Every goal judged by `method` as of each year with an actual figure, on
/// the figures published by then: goals in plan order, years ascending.
pub fn review_history(plan: &Plan, projection: &Projection, method: Method) -> Vec<HistoryLine> {
    let mut lines = Vec::new();
    for outcome in evaluate(plan, projection) {
        let figures = Figures::of(plan, projection, &outcome);
        // The figure as published and the plan path beside it, at current
        // prices, whatever prices the goal is judged at.
        let published = projection.series(outcome.metric);
        let plan_path = projection.plan_series(outcome.metric);
        for known in 1..=figures.actual.len() {
            let year = figures.actual[known - 1].0;
            let k = (year - plan.base_year) as usize;
            let then = Figures {
                actual: figures.actual[..known].to_vec(),
                ..figures.clone()
            };
            let Some(assessment) = assess(method, &then.case(plan, &outcome)) else {
                continue;
            };
            lines.push(HistoryLine {
                outcome: outcome.clone(),
                as_of: year,
                latest_value: significant(published[k]),
                plan_value: significant(plan_path[k]),
                assessment,
                prices: figures.prices,
            });
        }
    }
    lines
}

/// A metric's plan path and published figures at the prices a goal is
/// judged at: before the base year, and after it.
#[derive(Clone)]
struct Figures {
    plan_path: Vec<f64>,
    history: Vec<(i32, f64)>,
    actual: Vec<(i32, f64)>,
    /// Comparable only when the goal is judged on a deflated path.
    prices: Prices,
}

impl Figures {
    fn of(plan: &Plan, projection: &Projection, outcome: &GoalOutcome) -> Figures {
        let index = outcome.metric;
        let metric = &plan.metrics[index];
        // Rates and changes are judged on real growth, at base-year prices.
        let prices = match outcome.kind {
            GoalKind::Rate | GoalKind::Change => Prices::Comparable,
            GoalKind::Level | GoalKind::Increase | GoalKind::Total => Prices::Current,
        };
        let path = projection.part_series(index, prices);
        let actual = projection
            .sources(index)
            .iter()
            .zip(path)
            .zip(plan.years())
            .filter(|((source, _), _)| **source == PointSource::Actual)
            .map(|((_, &value), year)| (year, value))
            .collect();
        // History is published at current prices, and no price index
        // reaches back before the base year.
        let deflated = prices == Prices::Comparable && price_index(&metric.model).is_some();
        let history = metric.history.iter().map(|(&y, &v)| (y, v));
        Figures {
            plan_path: at_prices(metric, projection.plan_series(index), prices).into_owned(),
            history: if deflated {
                Vec::new()
            } else {
                history.collect()
            },
            actual,
            prices: if deflated {
                Prices::Comparable
            } else {
                Prices::Current
            },
        }
    }

    /// What a method looks at for `outcome`'s goal.
    fn case<'a>(&'a self, plan: &Plan, outcome: &GoalOutcome) -> Case<'a> {
        Case {
            base_year: plan.base_year,
            target_year: plan.target_year,
            plan_path: &self.plan_path,
            history: &self.history,
            actual: &self.actual,
            goal: implied_level(outcome, &self.plan_path),
            pace: match plan.metrics[outcome.metric].model {
                Model::Linear { .. } => Pace::Linear,
                Model::Compound { .. } | Model::Ratio { .. } => Pace::Compound,
            },
        }
    }
}

/// The level at the target year that `outcome`'s goal implies on
/// `plan_path` (element 0 the baseline); a band stays a band of levels.
/// A rate reads as the endpoint rate, and a rate or change on a deflated
/// path gives a level at base-year prices: the one formula that the
/// review and the chart judge such goals by.
pub fn implied_level(outcome: &GoalOutcome, plan_path: &[f64]) -> Goal {
    let goal = outcome.goal;
    let baseline = plan_path[0];
    let n = (plan_path.len() - 1) as f64;
    // The level for a goal of `x`, as the kind reads it.
    let level = |x: f64| match outcome.kind {
        GoalKind::Level => x,
        GoalKind::Rate => baseline * (1.0 + x).max(0.0).powf(n),
        GoalKind::Change => baseline * (1.0 + x),
        GoalKind::Increase => baseline + x,
        GoalKind::Total => {
            let total: f64 = plan_path[1..].iter().sum();
            let last = plan_path[plan_path.len() - 1];
            if total == 0.0 {
                x / n
            } else {
                last * x / total
            }
        }
    };
    match goal.comparison {
        Comparison::About { tolerance } => {
            let (low, high) = (level(goal.value - tolerance), level(goal.value + tolerance));
            Goal {
                comparison: Comparison::About {
                    tolerance: ((high - low) / 2.0).abs(),
                },
                value: (high + low) / 2.0,
            }
        }
        comparison => Goal {
            comparison,
            value: level(goal.value),
        },
    }
}

/// The level at the target year, at the prices of the metric's path
/// ([`Projection::series`]), that `outcome`'s rate, change or increase
/// goal implies, rounded at its reliable digits (0.40 × 0.865 reads
/// 0.346). None where that is not clear-cut: a level goal (nothing is
/// implied), a rate or change of a metric with a deflator (its level is at
/// base-year prices), a rate by the cumulative method (it asks for a sum),
/// an in-step goal (its rate moves with another metric's) and a total.
pub fn implied_path_level(
    plan: &Plan,
    projection: &Projection,
    outcome: &GoalOutcome,
) -> Option<Goal> {
    let metric = plan.metrics.get(outcome.metric)?;
    let deflated = price_index(&metric.model).is_some();
    let clear = outcome.reference.is_none()
        && match outcome.kind {
            GoalKind::Increase => true,
            GoalKind::Change => !deflated,
            GoalKind::Rate => !deflated && metric.rate_method == RateMethod::Endpoint,
            GoalKind::Level | GoalKind::Total => false,
        };
    let path = projection.series(outcome.metric);
    (clear && path.len() > 1).then(|| {
        let goal = implied_level(outcome, path);
        Goal {
            value: significant(goal.value),
            ..goal
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess::Class;
    use crate::calc::project;
    use crate::plan::test_plan;

    fn plan_of(metrics: &str) -> (Plan, Projection) {
        let plan = test_plan(metrics);
        let projection = project(&plan).unwrap();
        (plan, projection)
    }

    fn review_by(metrics: &str, method: Method) -> Vec<ReviewLine> {
        let (plan, projection) = plan_of(metrics);
        review(&plan, &projection, method)
    }

    fn review_of(metrics: &str) -> Vec<ReviewLine> {
        review_by(metrics, Method::Plan)
    }

    fn classes(lines: &[ReviewLine]) -> Vec<Option<Class>> {
        lines
            .iter()
            .map(|l| l.assessment.map(|a| a.class))
            .collect()
    }

    #[test]
    fn a_metric_in_percent_is_reviewed_in_points_a_year() {
        // 62.5 %, 64.5 % in 2017: 1 point a year so far. The level 67 needs
        // (67 - 64.5) / 3 = 0.8333 a year; the increase of 4, to 66.5,
        // (66.5 - 64.5) / 3 = 0.6667. A compound metric's rate goal stays a
        // rate, (64.5 / 62.5)^(1/2) - 1 = 1.5874 %.
        let lines = review_of(
            "[metrics.u]\nunit = \"%\"\nbaseline = 62.5\ngrowth = \"1%\"\ntarget = 67\n\
             rate_target = \"1%\"\nincrease_target = 4\nactual = { 2017 = 64.5 }\n",
        );
        let increments = |l: &ReviewLine| (l.achieved_increment, l.remaining_increment);
        let rates = |l: &ReviewLine| (l.achieved_rate, l.remaining_rate);
        assert_eq!(increments(&lines[0]), (Some(1.0), Some(0.833333333333333)));
        assert_eq!(rates(&lines[0]), (None, None));
        assert_eq!(increments(&lines[1]), (None, None));
        assert!((lines[1].achieved_rate.unwrap() - 0.015874).abs() < 1e-6);
        assert_eq!(increments(&lines[2]), (Some(1.0), Some(0.666666666666667)));
        assert_eq!(rates(&lines[2]), (None, None));
    }

    #[test]
    fn a_linear_metric_is_reviewed_in_increments_as_it_is_judged() {
        // 400 + 60 a year toward 700: 561 in 2018 is (561 - 400) / 3 =
        // 53.67 a year, which ends at 668.33 < 700, and needs (700 - 561) / 2
        // = 69.5 a year. Its CAGR so far, 11.94 %, is above the 11.70 % the
        // years left need, which would read as on track beside the verdict.
        // A rate goal of 10 % is the level 400 × 1.1⁵ = 644.204: (644.204 -
        // 561) / 2 = 41.602 a year, and 53.67 a year ends above it: on track,
        // though under the plan path's 580.
        let lines = review_of(
            "[metrics.patents]\nbaseline = 400\nincrement = 60\ntarget = 700\n\
             rate_target = \"10%\"\nactual = { 2018 = 561 }\n",
        );
        let (level, rate) = (&lines[0], &lines[1]);
        assert_eq!((level.achieved_rate, level.remaining_rate), (None, None));
        assert_eq!(level.achieved_increment, Some(53.6666666666667));
        assert_eq!(level.remaining_increment, Some(69.5));
        assert_eq!(level.assessment.unwrap().class, Class::Behind);
        assert_eq!(rate.achieved_increment, Some(53.6666666666667));
        assert!((rate.remaining_increment.unwrap() - 41.602).abs() < 1e-9);
        assert_eq!(rate.assessment.unwrap().class, Class::OnTrack);
    }

    #[test]
    fn each_goal_at_its_latest_figure() {
        let lines = review_of(
            "[metrics.none]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\n\
             [metrics.done]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 151 }\n\
             [metrics.slow]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 101 }\n\
             [metrics.lag]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 125 }\n\
             [metrics.fine]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 135 }\n",
        );
        // slow: 101 after 2 years (0.5 %/yr) ends near 103, but the plan's 10 %
        // half as fast again ends at 101 × 1.15³ = 153.6 ≥ 150: behind. lag: 125
        // is 7.72 % a year → 145.0 < 150, and 125 × 1.15² = 165.3: behind. fine:
        // 135 is above the path's 133.1: ahead.
        assert_eq!(
            classes(&lines),
            [
                None,
                Some(Class::AlreadyReached),
                Some(Class::Behind),
                Some(Class::Behind),
                Some(Class::Ahead)
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
        // (590/520)^(1/3) - 1 = 4.30 % a year, which ends at 590 × 1.043² = 642 >
        // 600, and half the plan's 2.5 % better, 1.25 %, at 590 × 1.0125² = 604.8.
        let lines = review_of(
            "[metrics.e]\nbaseline = 520\ngrowth = \"2.5%\"\ntarget = { at_most = 600 }\n\
             actual = { 2017 = 560, 2018 = 590 }\n\
             [metrics.cut]\nbaseline = 300\nincrement = -8\ntarget = { at_most = 250 }\n\
             actual = { 2018 = 245 }\n",
        );
        assert_eq!(
            classes(&lines),
            [Some(Class::OutOfReach), Some(Class::AlreadyReached)]
        );
        assert_eq!(lines[0].outcome.progress.unwrap().progress, None);
    }

    #[test]
    fn a_rate_goal_is_judged_as_the_level_it_implies() {
        // ≥ 10 % a year from 100 is ≥ 161.051 by 2020. 125 in 2018 is 7.72 %
        // a year, which ends at 125 × 1.0772² = 145.0: missed at the pace so
        // far, met at 15 %: 125 × 1.15² = 165.3.
        let lines = review_of(
            "[metrics.m]\nbaseline = 100\ngrowth = 0.1\nrate_target = { at_least = 0.1 }\n\
             actual = { 2018 = 125 }\n",
        );
        assert_eq!(classes(&lines), [Some(Class::Behind)]);
        // A band of rates, 10 % ± 1 %: 100 × 1.09⁵ = 153.86 to 100 × 1.11⁵ = 168.51.
        let band = GoalOutcome {
            goal: Goal {
                comparison: Comparison::About { tolerance: 0.01 },
                value: 0.1,
            },
            ..lines[0].outcome.clone()
        };
        let path = [100.0, 110.0, 121.0, 133.1, 146.41, 161.051];
        let level = implied_level(&band, &path);
        let Comparison::About { tolerance } = level.comparison else {
            panic!("a band stays a band");
        };
        assert!((level.value - tolerance - 1.09f64.powi(5) * 100.0).abs() < 1e-9);
        assert!((level.value + tolerance - 1.11f64.powi(5) * 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_cumulative_rate_goal_is_reviewed_by_the_sum_so_far() {
        // 100 in 2015, 100 in 2016 and 2017. The rate so far by the cumulative
        // method: 100x + 100x² = 200 at x = 1, so 0 %. A 5 % average needs
        // 100 × (1.05 + … + 1.05⁵) = 580.19128125 over the five years, 200 of
        // it done: the three years left must add up to 380.19128125 from 100,
        // x + x² + x³ = 3.8019128125 at x = 1.1232185 (1.1232 + 1.2616 +
        // 1.4171 = 3.8019): 12.32185 % a year. Judged as the level 5 % a year
        // implies, 100 × 1.05⁵ = 127.63: 0 % so far stays at 100, and the
        // plan's 5 % half as fast again ends at 100 × 1.075³ = 124.2.
        let lines = review_of(
            "[metrics.i]\nbaseline = 100\ngrowth = \"5%\"\nrate_method = \"cumulative\"\n\
             rate_target = \"5%\"\nactual = { 2017 = 100 }\n",
        );
        assert_eq!(lines[0].achieved_rate, Some(0.0));
        let remaining = lines[0].remaining_rate.unwrap();
        assert!((remaining - 0.1232184738).abs() < 1e-10, "{remaining}");
        assert_eq!(classes(&lines), [Some(Class::OutOfReach)]);
    }

    #[test]
    fn growth_so_far_is_real_growth() {
        // 1200 published for 2017 at current prices is 1200 / 1.02² = 1153.4025
        // at 2015 prices: (1153.4025 / 1000)^(1/2) - 1 = 7.3966 % a year so far
        // (the nominal 1.2^(1/2) - 1 = 9.54 % would overstate it). A real 6.5 %
        // average needs 1000 × 1.065⁵ = 1370.0867 in 2020 at 2015 prices:
        // (1370.0867 / 1153.4025)^(1/3) - 1 = 5.9064 % a year from here; the
        // real plan path is at 1000 × 1.065² = 1134.225 in 2017: ahead.
        let lines = review_of(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             rate_target = \"6.5%\"\nactual = { 2017 = 1200 }\n",
        );
        let line = &lines[0];
        assert!((line.achieved_rate.unwrap() - 0.0739657990).abs() < 1e-10);
        assert!((line.remaining_rate.unwrap() - 0.0590644223).abs() < 1e-10);
        assert_eq!(line.latest, Some((2017, 1200.0)));
        assert_eq!(classes(&lines), [Some(Class::Ahead)]);
        // By NDRC, the real figure is on a path that meets the level 1370.0867:
        // 1153.4025 × 1.073966³ = 1428.6.
        let ndrc = review_by(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             rate_target = \"6.5%\"\nactual = { 2017 = 1200 }\n",
            Method::Ndrc,
        );
        let a = ndrc[0].assessment.unwrap();
        assert_eq!(a.class, Class::AheadOfPlan);
        let real = 1200.0 / 1.0404;
        let expected = real * (real / 1000.0f64).powf(1.5);
        assert!((a.extrapolated.unwrap() - expected).abs() < 1e-9);
    }

    #[test]
    fn a_change_an_increase_and_a_rate_imply_their_levels() {
        // By hand: 0.40 × (1 - 13.5 %) = 0.346; 2.2 + 0.5 = 2.7;
        // 100 × 1.06^5 = 133.8225577.
        let (plan, projection) = plan_of(
            "[metrics.energy]\nbaseline = 0.40\ngrowth = \"-3%\"\n\
             change_target = { at_most = \"-13.5%\" }\n\
             [metrics.rd]\nunit = \"%\"\nbaseline = 2.2\nincrement = 0.1\nincrease_target = 0.5\n\
             [metrics.gdp]\nbaseline = 100\ngrowth = \"6%\"\nrate_target = \"6%\"\n",
        );
        let levels: Vec<Goal> = evaluate(&plan, &projection)
            .iter()
            .map(|o| implied_level(o, projection.series(o.metric)))
            .collect();
        assert_eq!(levels[0].comparison, Comparison::AtMost);
        assert!((levels[0].value - 0.346).abs() < 1e-12, "{:?}", levels[0]);
        assert_eq!(levels[1].comparison, Comparison::AtLeast);
        assert!((levels[1].value - 2.7).abs() < 1e-12, "{:?}", levels[1]);
        assert_eq!(levels[2].comparison, Comparison::AtLeast);
        assert!(
            (levels[2].value - 133.8225577).abs() < 1e-6,
            "{:?}",
            levels[2]
        );
        // The level a chart draws is rounded at its reliable digits.
        let drawn: Vec<Option<f64>> = evaluate(&plan, &projection)
            .iter()
            .map(|o| implied_path_level(&plan, &projection, o).map(|g| g.value))
            .collect();
        assert_eq!(drawn, [Some(0.346), Some(2.7), Some(133.82255776)]);
    }

    #[test]
    fn no_level_is_drawn_at_other_prices_or_for_a_sum() {
        // A deflated change is a level at base-year prices, a cumulative
        // rate asks for a sum, and a total is no level of the path.
        let (plan, projection) = plan_of(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             change_target = \"30%\"\n\
             [metrics.m]\nbaseline = 100\ngrowth = \"5%\"\nrate_target = \"5%\"\n\
             rate_method = \"cumulative\"\ntotal_target = 600\n",
        );
        for outcome in evaluate(&plan, &projection) {
            assert_eq!(
                implied_path_level(&plan, &projection, &outcome),
                None,
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn a_total_and_a_change_are_judged_as_the_levels_they_imply() {
        // 120 published for 2017; 2016 is filled in as 100 × 1.2^(1/2) =
        // 109.5445, so 229.5445 of the 600 is done and 370.4555 is missing:
        // 120 (x + x² + x³) = 370.4555 at x = 1.014383, 1.4383 % a year.
        let lines = review_of(
            "[metrics.i]\nbaseline = 100\ngrowth = \"8%\"\ntotal_target = 600\n\
             change_target = \"30%\"\nactual = { 2017 = 120 }\n",
        );
        let total = &lines[1];
        assert_eq!(total.outcome.kind, GoalKind::Total);
        assert!((total.remaining_rate.unwrap() - 0.0143831002).abs() < 1e-10);
        // The plan path, 108, 116.64, 125.97, 136.05, 146.93, adds up to 633.6:
        // the total of 600 is the level 146.93 × 600 / 633.6 = 139.14 by 2020.
        // 120 is above the path's 116.64 in 2017: ahead for both.
        let (plan, projection) =
            plan_of("[metrics.i]\nbaseline = 100\ngrowth = \"8%\"\ntotal_target = 600\n");
        let outcome = &evaluate(&plan, &projection)[0];
        let path = projection.plan_series(0);
        let sum: f64 = path[1..].iter().sum();
        assert!((implied_level(outcome, path).value - path[5] * 600.0 / sum).abs() < 1e-9);
        // A change of +30 % means 130 in 2020: (130 / 120)^(1/3) - 1 = 2.7040 % a
        // year from 2017.
        let change = &lines[0];
        let needed = (130.0f64 / 120.0).powf(1.0 / 3.0) - 1.0;
        assert!((change.remaining_rate.unwrap() - needed).abs() < 1e-12);
        assert_eq!(classes(&lines), [Some(Class::Ahead), Some(Class::Ahead)]);
    }

    #[test]
    fn a_figure_for_the_target_year_is_final() {
        let lines = review_of(
            "[metrics.a]\nbaseline = 100\ngrowth = 0.1\ntarget = 160\nactual = { 2020 = 155 }\n\
             [metrics.b]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2020 = 155 }\n",
        );
        assert_eq!(
            classes(&lines),
            [Some(Class::OutOfReach), Some(Class::Reached)]
        );
    }

    #[test]
    fn under_the_plan_path_but_the_pace_suffices_is_on_track() {
        // Linear a: 100 → 115 by 2018 is 5 a year, which ends at exactly 125, and
        // 115 is the plan path's value. Compound c: 100 → 120 in 2018 (6.27 %/yr)
        // reaches 135.5 ≥ 135, though the plan path is at 133.1.
        let lines = review_of(
            "[metrics.a]\nbaseline = 100\nincrement = 5\ntarget = 125\nactual = { 2018 = 115 }\n\
             [metrics.c]\nbaseline = 100\ngrowth = 0.1\ntarget = 135\nactual = { 2018 = 120 }\n",
        );
        assert_eq!(
            classes(&lines),
            [Some(Class::OnTrack), Some(Class::OnTrack)]
        );
    }

    #[test]
    fn a_share_moves_by_its_own_rate_and_a_linear_metric_by_its_increment() {
        // The share: 40/400 = 10 % in 2015, 60/500 = 12 % in 2017, above the
        // plan path's 57.6/484 = 11.90 %: ahead. The linear metric: 100 + 3 × 10
        // = 130 on its path: on track (130 + 2 × 10 = 150 ≥ 150).
        let lines = review_by(
            "[metrics.part]\nbaseline = 40\ngrowth = \"20%\"\nactual = { 2017 = 60 }\n\
             [metrics.whole]\nbaseline = 400\ngrowth = \"10%\"\nactual = { 2017 = 500 }\n\
             [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\ntarget = 15\n\
             [metrics.lin]\nbaseline = 100\nincrement = 10\ntarget = 150\nactual = { 2018 = 130 }\n",
            Method::Ndrc,
        );
        assert_eq!(
            classes(&lines),
            [Some(Class::AheadOfPlan), Some(Class::BroadlyOnPlan)]
        );
        let lin = lines[1].assessment.unwrap();
        assert_eq!(lin.rate_so_far.unwrap().pace, Pace::Linear);
        assert_eq!(lin.extrapolated, Some(150.0));
    }

    #[test]
    fn the_history_gives_each_year_with_a_figure_its_verdict() {
        // 100 growing 10 % a year to 161.051: 110 in 2016 is on the path
        // (on track), 118 in 2017 under the path's 121 but 8.63 % a year,
        // which ends at 118 × 1.0863³ = 151.3 < 161.051, and 15 % a year ends at
        // 118 × 1.15³ = 179.5: behind; 150 in 2019 is above the path's 146.41.
        let (plan, projection) = plan_of(
            "[metrics.m]\nbaseline = 100\ngrowth = 0.1\ntarget = 161.051\n\
             actual = { 2016 = 110, 2017 = 118, 2019 = 150 }\n",
        );
        let lines = review_history(&plan, &projection, Method::Plan);
        let seen: Vec<(i32, f64, f64, Class)> = lines
            .iter()
            .map(|l| (l.as_of, l.latest_value, l.plan_value, l.assessment.class))
            .collect();
        assert_eq!(
            seen,
            [
                (2016, 110.0, 110.0, Class::OnTrack),
                (2017, 118.0, 121.0, Class::Behind),
                (2019, 150.0, 146.41, Class::Ahead),
            ]
        );
        // The latest year's verdict is the review's.
        let now = review(&plan, &projection, Method::Plan);
        assert_eq!(now[0].assessment, Some(lines[2].assessment));
    }

    #[test]
    fn a_metric_on_its_compound_plan_path_is_on_track() {
        // GDP 1000 growing 6 % a year, with figures on the path and the plan's
        // own 2020 value, 1000 × 1.06⁵ = 1338.2255776, as the goal. Progress
        // (1191.016 - 1000) / 338.2255776 = 56 % lags the 60 % of time gone, as
        // on any compound path, but the figure is where the plan put it.
        let metrics = "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ntarget = 1338.2255776\n\
             actual = { 2016 = 1060, 2017 = 1123.6, 2018 = 1191.016 }\n";
        let progress = review_of(metrics)[0].outcome.progress.unwrap();
        assert!(progress.progress.unwrap() < progress.time_elapsed);
        assert!(!progress.behind_schedule);
        let class = |method| review_by(metrics, method)[0].assessment.unwrap().class;
        assert_eq!(class(Method::Plan), Class::OnTrack);
        assert_eq!(class(Method::Statcan), Class::OnTrack);
        assert_eq!(class(Method::Unsd), Class::OnTrack);
        assert_eq!(class(Method::Ndrc), Class::BroadlyOnPlan);
        assert_eq!(class(Method::Destatis), Class::LightCloud);
    }
}
