//! The mid-term review: where each goal stands at its latest actual figure,
//! and the class an assessment method gives it (see `assess`); or, year by
//! year, the class it would have been given with the figures published by
//! then.
//!
//! What a method looks at is gathered here from the plan and its paths: the
//! plan path, the history, the actual figures, the goal and the metric's
//! pace. A rate goal is judged as the level it implies at the target year
//! (at least a rate is at least baseline × (1 + rate)ⁿ), and a share moves
//! by its own average rate.

use super::assess::{Assessment, Case, Method, assess};
use super::goals::{GoalOutcome, average_annual_rate, evaluate};
use super::noise::significant;
use super::projection::{PointSource, Projection};
use super::trend::Pace;
use crate::plan::{Comparison, Goal, GoalKind, Model, Plan};

/// One goal at the latest actual figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    /// The goal, judged at the target year.
    pub outcome: GoalOutcome,
    /// The latest actual figure and its year.
    pub latest: Option<(i32, f64)>,
    /// The average annual rate from the baseline to the latest figure.
    pub achieved_rate: Option<f64>,
    /// The average annual rate needed from the latest figure to meet the
    /// goal (for a rate goal: for the whole period's average to meet it).
    pub remaining_rate: Option<f64>,
    /// The method's class and the figures behind it; none without an actual figure.
    pub assessment: Option<Assessment>,
}

/// One goal as it would have been judged at the end of one year with a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    /// The goal, judged at the target year.
    pub outcome: GoalOutcome,
    /// The year judged: the end of a year with a figure.
    pub as_of: i32,
    /// The figure for that year.
    pub latest_value: f64,
    /// The plan path's value for that year.
    pub plan_value: f64,
    /// The method's class on the figures published by then.
    pub assessment: Assessment,
}

/// Every goal at its metric's latest actual figure, judged by `method`.
pub fn review(plan: &Plan, projection: &Projection, method: Method) -> Vec<ReviewLine> {
    let n = plan.horizon() as f64;
    evaluate(plan, projection)
        .into_iter()
        .map(|outcome| {
            let figures = Figures::of(plan, projection, outcome.metric);
            let assessment = assess(method, &figures.case(plan, projection, &outcome));
            let Some(&(year, value)) = figures.actual.last() else {
                return ReviewLine {
                    outcome,
                    latest: None,
                    achieved_rate: None,
                    remaining_rate: None,
                    assessment,
                };
            };
            let baseline = projection.series(outcome.metric)[0];
            let (elapsed, left) = (
                f64::from(year - plan.base_year),
                n - f64::from(year - plan.base_year),
            );
            let remaining_rate = match outcome.kind {
                GoalKind::Level => outcome.progress.as_ref().and_then(|p| p.remaining_rate),
                GoalKind::Rate => (left > 0.0)
                    .then(|| average_annual_rate(value, implied(&outcome, baseline, n).value, left))
                    .flatten(),
            };
            ReviewLine {
                latest: Some((year, significant(value))),
                achieved_rate: average_annual_rate(baseline, value, elapsed),
                remaining_rate,
                assessment,
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
        let figures = Figures::of(plan, projection, outcome.metric);
        let plan_path = projection.plan_series(outcome.metric);
        for known in 1..=figures.actual.len() {
            let (year, value) = figures.actual[known - 1];
            let then = Figures {
                history: figures.history.clone(),
                actual: figures.actual[..known].to_vec(),
            };
            let Some(assessment) = assess(method, &then.case(plan, projection, &outcome)) else {
                continue;
            };
            lines.push(HistoryLine {
                outcome: outcome.clone(),
                as_of: year,
                latest_value: significant(value),
                plan_value: significant(plan_path[(year - plan.base_year) as usize]),
                assessment,
            });
        }
    }
    lines
}

/// A metric's published figures: before the base year, and after it.
struct Figures {
    history: Vec<(i32, f64)>,
    actual: Vec<(i32, f64)>,
}

impl Figures {
    fn of(plan: &Plan, projection: &Projection, index: usize) -> Figures {
        let path = projection.series(index);
        let actual = projection
            .sources(index)
            .iter()
            .zip(path)
            .zip(plan.years())
            .filter(|((source, _), _)| **source == PointSource::Actual)
            .map(|((_, &value), year)| (year, value))
            .collect();
        let history = plan.metrics[index].history.iter().map(|(&y, &v)| (y, v));
        Figures {
            history: history.collect(),
            actual,
        }
    }

    /// What a method looks at for `outcome`'s goal.
    fn case<'a>(
        &'a self,
        plan: &Plan,
        projection: &'a Projection,
        outcome: &GoalOutcome,
    ) -> Case<'a> {
        let index = outcome.metric;
        let plan_path = projection.plan_series(index);
        Case {
            base_year: plan.base_year,
            target_year: plan.target_year,
            plan_path,
            history: &self.history,
            actual: &self.actual,
            goal: implied(outcome, plan_path[0], plan.horizon() as f64),
            pace: match plan.metrics[index].model {
                Model::Linear { .. } => Pace::Linear,
                Model::Compound { .. } | Model::Ratio { .. } => Pace::Compound,
            },
        }
    }
}

/// The level goal at the target year: a level goal itself, or the level a
/// rate goal implies from `baseline` over `n` years; a band of rates is the
/// band of levels between its ends.
fn implied(outcome: &GoalOutcome, baseline: f64, n: f64) -> Goal {
    let goal = outcome.goal;
    if outcome.kind == GoalKind::Level {
        return goal;
    }
    let level = |rate: f64| baseline * (1.0 + rate).max(0.0).powf(n);
    match goal.comparison {
        Comparison::About { tolerance } => {
            let (low, high) = (level(goal.value - tolerance), level(goal.value + tolerance));
            Goal {
                comparison: Comparison::About {
                    tolerance: (high - low) / 2.0,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess::Class;
    use crate::calc::project;
    use crate::plan::parse_plan;

    fn plan_of(metrics: &str) -> (Plan, Projection) {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        let plan = parse_plan(&text, "t.toml", &Default::default())
            .unwrap()
            .remove(0)
            .plan;
        let projection = project(&plan).unwrap();
        (plan, projection)
    }

    fn review_of(metrics: &str, method: Method) -> Vec<ReviewLine> {
        let (plan, projection) = plan_of(metrics);
        review(&plan, &projection, method)
    }

    fn classes(lines: &[ReviewLine]) -> Vec<Option<Class>> {
        lines
            .iter()
            .map(|l| l.assessment.map(|a| a.class))
            .collect()
    }

    #[test]
    fn each_goal_at_its_latest_figure() {
        let lines = review_of(
            "[metrics.none]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\n\
             [metrics.done]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 151 }\n\
             [metrics.slow]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2017 = 101 }\n\
             [metrics.fine]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 135 }\n",
            Method::Plan,
        );
        // slow: 101 after 2 years (0.5 %/yr) ends near 103; even 15 % a year
        // from 101 ends at 101 × 1.15³ = 153.6 ≥ 150: behind. fine: 135 is
        // above the path's 133.1: ahead.
        assert_eq!(
            classes(&lines),
            [
                None,
                Some(Class::AlreadyReached),
                Some(Class::Behind),
                Some(Class::Ahead)
            ]
        );
        let fine = &lines[3];
        assert_eq!(fine.latest, Some((2018, 135.0)));
        // (135/100)^(1/3) - 1 = 10.5209 %; (150/135)^(1/2) - 1 = 5.4093 %.
        assert!((fine.achieved_rate.unwrap() - 0.105209).abs() < 1e-6);
        assert!((fine.remaining_rate.unwrap() - 0.054093).abs() < 1e-6);
    }

    #[test]
    fn a_rate_goal_is_judged_as_the_level_it_implies() {
        // ≥ 10 % a year from 100 is ≥ 161.051 by 2020. 125 in 2018 is 7.72 %
        // a year, which ends at 125 × 1.0772² = 145.0: missed at the pace so
        // far, met at 15 %: 125 × 1.15² = 165.3.
        let lines = review_of(
            "[metrics.m]\nbaseline = 100\ngrowth = 0.1\nrate_target = { at_least = 0.1 }\n\
             actual = { 2018 = 125 }\n",
            Method::Plan,
        );
        assert_eq!(classes(&lines), [Some(Class::Behind)]);
        // (161.051 / 125)^(1/2) - 1 = 13.51 %.
        assert!(
            (lines[0].remaining_rate.unwrap() - (161.051f64 / 125.0).sqrt() + 1.0).abs() < 1e-9
        );
        // A band of rates, 10 % ± 1 %: 100 × 1.09⁵ = 153.86 to 100 × 1.11⁵ = 168.51.
        let band = GoalOutcome {
            goal: Goal {
                comparison: Comparison::About { tolerance: 0.01 },
                value: 0.1,
            },
            ..lines[0].outcome.clone()
        };
        let level = implied(&band, 100.0, 5.0);
        let Comparison::About { tolerance } = level.comparison else {
            panic!("a band stays a band");
        };
        assert!((level.value - tolerance - 1.09f64.powi(5) * 100.0).abs() < 1e-9);
        assert!((level.value + tolerance - 1.11f64.powi(5) * 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_share_moves_by_its_own_rate_and_a_linear_metric_by_its_increment() {
        // The share: 40/400 = 10 % in 2015, 60/500 = 12 % in 2017, 9.54 % a
        // year, which ends at 12 × 1.0954³ = 15.77 ≥ 15; the plan path is at
        // 57.6/484 = 11.90 %: ahead. The linear metric: 100 + 3 × 10 = 130 on
        // its path: on track (130 + 2 × 10 = 150 ≥ 150).
        let lines = review_of(
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
        // own 2020 value, 1000 × 1.06⁵ = 1338.2255776, as the goal.
        let metrics = "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ntarget = 1338.2255776\n\
             actual = { 2016 = 1060, 2017 = 1123.6, 2018 = 1191.016 }\n";
        let class = |method| review_of(metrics, method)[0].assessment.unwrap().class;
        assert_eq!(class(Method::Plan), Class::OnTrack);
        assert_eq!(class(Method::Statcan), Class::OnTrack);
        assert_eq!(class(Method::Unsd), Class::OnTrack);
        assert_eq!(class(Method::Ndrc), Class::BroadlyOnPlan);
        assert_eq!(class(Method::Destatis), Class::LightCloud);
    }
}
