//! Plan-consistency checks: what a careful reader of a plan works out by
//! hand. Do the stated rate and the stated level agree? What does a level
//! need against the metric's own growth? How much faster must a share's
//! numerator grow than its denominator? Does the plan assume a growth its
//! history never showed?

use super::average::average_annual_rate;
use super::goals::{GoalOutcome, evaluate};
use super::noise::{difference, level_satisfies, significant};
use super::prices::price_index;
use super::projection::{Projection, share_anchor};
use super::review::implied_path_level;
use super::trend::{Estimator, Pace, Trend, trend};
use crate::plan::{Comparison, Goal, GoalKind, Model, Plan, Prices};

/// What a careful reader works out about one metric's level goal (or the
/// level its rate, change or increase goal implies), which
/// depends on the metric, or about a change goal of at least a fall (see
/// [`findings`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A level goal beside a rate goal: do the two agree?
    RateAndLevel(RateAndLevel),
    /// A level goal alone, of a compound or linear metric: what it needs.
    LevelNeeds(LevelNeeds),
    /// A level goal of a share (a ratio metric): what its parts need.
    ShareNeeds(ShareNeeds),
    /// A change goal of at least a fall, which a smaller fall, or a rise,
    /// meets too: a fall of at least so much (下降…以上) is `at_most`.
    FallAtMost(FallAtMost),
    /// A compound metric whose plan rate is far from its history's trend.
    TrendDiffers(TrendDiffers),
}

impl Finding {
    /// The metric the finding is about.
    pub fn metric(&self) -> usize {
        match self {
            Finding::RateAndLevel(f) => f.metric,
            Finding::LevelNeeds(f) => f.metric,
            Finding::ShareNeeds(f) => f.metric,
            Finding::FallAtMost(f) => f.metric,
            Finding::TrendDiffers(f) => f.metric,
        }
    }
}

/// A metric with a level goal and a rate goal: whether the stated rate,
/// from the baseline, reaches the stated level.
#[derive(Debug, Clone, PartialEq)]
pub struct RateAndLevel {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// The rate goal's value (its `at_least`, `at_most` or `about` rate):
    /// real growth, for a metric with a deflator.
    pub stated_rate: f64,
    /// The metric's base-year value, in its unit.
    pub baseline: f64,
    /// baseline × (1 + stated_rate)^n × P, with P the price level of
    /// target_year against base_year (1 without a deflator).
    pub reached: f64,
    /// The level goal, in the metric's unit.
    pub level: Goal,
    /// Whether `reached` meets the level goal.
    pub meets: bool,
    /// |reached - level|: by how much the stated rate misses (or clears) the level.
    pub distance: f64,
    /// The rate (real, with a deflator) that reaches the level exactly.
    pub needed_rate: f64,
    /// level / ((1 + stated_rate)^n × P): the base-year value rate and
    /// level imply together.
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
    /// Linear metrics and metrics in %: (level - baseline) / n, and the
    /// plan's average increment (in percentage points for a metric in %).
    pub increments: Option<(f64, f64)>,
    /// Whether the metric's own path meets the goal.
    pub meets: bool,
    /// The rate, change or increase goal, as judged, when `level` is the
    /// level it implies (see [`implied_path_level`]); `None` for a level goal.
    pub implied_by: Option<Box<GoalOutcome>>,
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

/// A change goal of at least a fall (`change_target = "-13.5%"`): it lets
/// the metric fall by less, or even rise. A plan that says 下降13.5%以上,
/// a fall of at least 13.5 %, means `{ at_most = "-13.5%" }`.
#[derive(Debug, Clone, PartialEq)]
pub struct FallAtMost {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// The goal's value: a negative change.
    pub change: f64,
}

/// A compound metric whose plan assumes a growth rate more than
/// [`TREND_GAP`] away from the trend of its history.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendDiffers {
    /// Index into `Plan::metrics`.
    pub metric: usize,
    /// The plan path's average annual rate from the baseline.
    pub plan_rate: f64,
    /// How the trend was estimated: as the plan names it for a growth it
    /// took from the trend (and a scenario then changed), else the end points.
    pub estimator: Estimator,
    /// The trend found: its rate, and the years and figures it rests on.
    pub trend: Trend,
}

/// Rates further apart than this (2 points) are worth a note: a plan may
/// expect a metric to speed up or slow down, but should know it does.
pub const TREND_GAP: f64 = 0.02;

/// The findings of every metric, in plan order: for a level goal as the
/// variants say (without one, what the level its first rate, change or
/// increase goal implies needs, where [`implied_path_level`] gives it) (none for a metric whose base-year or target-year value is
/// not positive, whose average rate is undefined), then a change goal of at
/// least a fall, then a compound metric's plan rate far from its history's.
pub fn findings(plan: &Plan, projection: &Projection) -> Vec<Finding> {
    let mut findings = Vec::new();
    let outcomes = evaluate(plan, projection);
    for (index, metric) in plan.metrics.iter().enumerate() {
        let inverted = fall_at_most(plan, index);
        if let Some(level) = metric.level_goal {
            findings.extend(level_finding(plan, projection, index, level));
        } else if let Some((outcome, level)) = outcomes
            .iter()
            // A change goal that likely says the opposite of what the plan
            // means gets its note, not a level it would mislead with.
            .filter(|o| o.metric == index && !(o.kind == GoalKind::Change && inverted.is_some()))
            .find_map(|o| implied_path_level(plan, projection, o).map(|level| (o, level)))
        {
            findings.extend(level_needs(plan, projection, index, level).map(|needs| {
                Finding::LevelNeeds(LevelNeeds {
                    implied_by: Some(Box::new(outcome.clone())),
                    ..needs
                })
            }));
        }
        findings.extend(inverted.map(Finding::FallAtMost));
        findings.extend(trend_differs(plan, projection, index));
    }
    findings
}

/// Metric `index`'s change goal when it asks for at least a fall, which
/// reads a smaller fall, or a rise, as reached: the classic slip of writing
/// 下降13.5%以上 as `change_target = -0.135`. `explain` notes it, and
/// `validate` warns of it.
pub fn fall_at_most(plan: &Plan, index: usize) -> Option<FallAtMost> {
    let goal = plan.metrics.get(index)?.change_goal?;
    (goal.comparison == Comparison::AtLeast && goal.value < 0.0).then_some(FallAtMost {
        metric: index,
        change: goal.value,
    })
}

/// The note on a compound metric whose plan path grows more than
/// [`TREND_GAP`] faster or slower a year than its history did; none without
/// enough history for the estimator.
fn trend_differs(plan: &Plan, projection: &Projection, index: usize) -> Option<Finding> {
    let metric = &plan.metrics[index];
    let Model::Compound { baseline, .. } = metric.model else {
        return None;
    };
    let estimator = metric.trend.map_or(Estimator::Cagr, |t| t.estimator);
    let history: Vec<(i32, f64)> = metric.history.iter().map(|(&y, &v)| (y, v)).collect();
    let found = trend(
        estimator,
        Pace::Compound,
        &history,
        (plan.base_year, baseline),
    )
    .ok()?;
    let path = projection.plan_series(index);
    let plan_rate = average_annual_rate(path[0], path[path.len() - 1], plan.horizon() as f64)?;
    let gap = difference(plan_rate, found.rate.per_year).abs();
    let far = !level_satisfies(Comparison::AtMost, gap, TREND_GAP);
    far.then_some(Finding::TrendDiffers(TrendDiffers {
        metric: index,
        plan_rate,
        estimator,
        trend: found,
    }))
}

/// What metric `index`'s level goal needs against its plan.
fn level_finding(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    level: Goal,
) -> Option<Finding> {
    let n = plan.horizon() as f64;
    let ends_at = |i: usize, prices: Prices| {
        let path = projection.part_series(i, prices);
        (path[0], path[path.len() - 1])
    };
    let ends = |i: usize| ends_at(i, Prices::Current);
    let rate_of = |i: usize, prices: Prices| {
        let (first, last) = ends_at(i, prices);
        average_annual_rate(first, last, n)
    };
    let metric = &plan.metrics[index];
    let (baseline, _) = ends(index);
    match (&metric.model, metric.rate_goal) {
        (
            Model::Ratio {
                numerator,
                denominator,
                scale,
                prices,
                ..
            },
            _,
        ) => {
            let (num_base, _) = ends_at(*numerator, *prices);
            let (_, den_last) = ends_at(*denominator, *prices);
            // An entered share keeps its proportion to the parts' ratio,
            // so the parts must reach the goal divided by that proportion.
            let anchor = share_anchor(plan, projection, index, plan.horizon());
            let needed_numerator = level.value / anchor * den_last / scale;
            match (
                average_annual_rate(num_base, needed_numerator, n),
                rate_of(*numerator, *prices),
                rate_of(*denominator, *prices),
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
        (model, Some(rate_goal)) => {
            // The stated rate is real growth; the level is at current
            // prices, so the price change over the plan years joins it.
            let prices = price_index(model).map_or(1.0, |index| index[index.len() - 1]);
            let factor = (1.0 + rate_goal.value).powf(n) * prices;
            let reached = baseline * factor;
            let shown = significant(reached);
            average_annual_rate(baseline * prices, level.value, n).map(|needed_rate| {
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
        (_, None) => level_needs(plan, projection, index, level).map(Finding::LevelNeeds),
    }
}

/// What `level`, at metric `index`'s target year, needs from its baseline
/// against the metric's own path; none where a rate is undefined.
fn level_needs(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    level: Goal,
) -> Option<LevelNeeds> {
    let n = plan.horizon() as f64;
    let metric = &plan.metrics[index];
    let path = projection.part_series(index, Prices::Current);
    let (baseline, last) = (path[0], path[path.len() - 1]);
    let needed_rate = average_annual_rate(baseline, level.value, n)?;
    let own_rate = average_annual_rate(baseline, last, n)?;
    let needed = significant((level.value - baseline) / n);
    Some(LevelNeeds {
        metric: index,
        baseline,
        level,
        needed_rate,
        own_rate,
        margin: own_rate - needed_rate,
        increments: match &metric.model {
            Model::Linear { increment, .. } => {
                Some((needed, significant(increment.iter().sum::<f64>() / n)))
            }
            // A metric in % moves by points, whatever its model.
            _ if metric.in_points() => {
                let plan_path = projection.plan_series(index);
                let own = (plan_path[plan_path.len() - 1] - baseline) / n;
                Some((needed, significant(own)))
            }
            _ => None,
        },
        meets: level_satisfies(level.comparison, last, level.value),
        implied_by: None,
    })
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

    /// A `RateAndLevel` finding's reached level, whether it meets the goal,
    /// the rate needed and the baseline implied.
    fn rate_and_level(finding: &Finding) -> (f64, bool, f64, f64) {
        let Finding::RateAndLevel(RateAndLevel {
            reached,
            meets,
            needed_rate,
            implied_baseline,
            ..
        }) = finding
        else {
            panic!("a metric with a level and a rate goal: {finding:?}");
        };
        (*reached, *meets, *needed_rate, *implied_baseline)
    }

    #[test]
    fn the_shipped_plan_states_a_rate_that_misses_its_own_level() {
        let (reached, meets, needed_rate, implied_baseline) =
            rate_and_level(&findings_of(include_str!("../../targets.toml"))[0]);
        // 68 × 1.16^5 = 142.8232327168 < 150; (150/68)^(1/5) - 1 = 17.143 %; 150 / 1.16^5 = 71.4170.
        assert_eq!(reached, 142.8232327168);
        assert!(!meets);
        assert!((needed_rate - 0.171430343).abs() < 1e-9);
        assert!(
            (implied_baseline - 71.41695).abs() < 1e-4,
            "{implied_baseline}"
        );
    }

    #[test]
    fn a_real_rate_reaches_a_level_at_current_prices_with_the_price_change() {
        let found = findings_of(
            "[plan]\nbase_year = 2020\ntarget_year = 2025\n\
             [metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n\
             target = 1500\nrate_target = \"6.5%\"\n",
        );
        let (reached, meets, needed_rate, implied_baseline) = rate_and_level(&found[0]);
        // 1000 × 1.065⁵ × 1.02⁵ = 1370.0867 × 1.1040808 = 1512.6864 ≥ 1500; the
        // real rate 1500 needs is (1500 / 1104.0808)^(1/5) - 1 = 6.3208 %, and
        // 1500 / 1.5126864 = 991.6133 is the baseline both goals imply.
        assert_eq!(reached, 1512.68638379753);
        assert!(meets);
        assert!((needed_rate - 0.0632076188).abs() < 1e-10, "{needed_rate}");
        assert!(
            (implied_baseline - 991.6133417).abs() < 1e-6,
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

    #[test]
    fn a_change_goal_of_at_least_a_fall_is_pointed_out() {
        let found = findings_of(
            "[plan]\nbase_year = 2020\ntarget_year = 2025\n\
             [metrics.loose]\nbaseline = 1\ngrowth = \"-2%\"\nchange_target = \"-13.5%\"\n\
             [metrics.tight]\nbaseline = 1\ngrowth = \"-2%\"\nchange_target = { at_most = \"-13.5%\" }\n\
             [metrics.rise]\nbaseline = 1\ngrowth = \"2%\"\nchange_target = \"10%\"\n",
        );
        // The loose goal gets its note, and no level it would mislead
        // with; the others are checked as the levels they imply.
        assert_eq!(
            found[0],
            Finding::FallAtMost(FallAtMost {
                metric: 0,
                change: -0.135
            })
        );
        let levels: Vec<(usize, Goal, bool)> = found[1..]
            .iter()
            .filter_map(|f| match f {
                Finding::LevelNeeds(n) if n.implied_by.is_some() => {
                    Some((n.metric, n.level, n.meets))
                }
                _ => None,
            })
            .collect();
        // 1 × 0.865 as a ceiling, which 0.98⁵ = 0.9039 misses; 1 × 1.1 as a
        // floor, which 1.02⁵ = 1.1041 clears.
        let goal = |comparison, value| Goal { comparison, value };
        assert_eq!(
            levels,
            [
                (1, goal(Comparison::AtMost, 0.865), false),
                (2, goal(Comparison::AtLeast, 1.1), true)
            ]
        );
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn a_compound_metric_in_percent_needs_points_a_year() {
        // 40 % growing 2 % a year ends at 40 × 1.02⁵ = 44.163: 0.8326 points
        // a year, against (45 - 40) / 5 = 1 needed.
        let found = findings_of(
            "[plan]\nbase_year = 2020\ntarget_year = 2025\n\
             [metrics.forest]\nunit = \"%\"\nbaseline = 40\ngrowth = \"2%\"\ntarget = 45\n",
        );
        let Finding::LevelNeeds(LevelNeeds {
            increments: Some((needed, own)),
            meets: false,
            ..
        }) = found[0]
        else {
            panic!("a level goal of a metric in %: {found:?}");
        };
        assert_eq!(needed, 1.0);
        assert!((own - (40.0 * 1.02f64.powi(5) - 40.0) / 5.0).abs() < 1e-9);
    }

    #[test]
    fn a_plan_rate_far_from_the_history_is_noted() {
        // 43.5 in 2011 to 68 in 2015 is (68 / 43.5)^(1/4) - 1 = 11.82 % a year,
        // 4.18 points under the plan's 16 %; the other metric's 10.5 % is 0.5
        // points above its history's 10 %.
        let found = findings_of(
            "[plan]\nbase_year = 2015\ntarget_year = 2020\n\
             [metrics.inv]\nbaseline = 68\ngrowth = \"16%\"\n\
             history = { 2011 = 43.5, 2012 = 49, 2013 = 55 }\n\
             [metrics.gdp]\nbaseline = 146.41\ngrowth = \"10.5%\"\n\
             history = { 2011 = 100, 2012 = 110, 2014 = 133.1 }\n",
        );
        let [Finding::TrendDiffers(note)] = found.as_slice() else {
            panic!("one note, on inv: {found:?}");
        };
        assert_eq!((note.metric, note.plan_rate), (0, 0.16));
        assert!((note.trend.rate.per_year - ((68.0f64 / 43.5).powf(0.25) - 1.0)).abs() < 1e-12);
        assert_eq!((note.trend.from_year, note.trend.to_year), (2011, 2015));
    }

    #[test]
    fn two_points_apart_is_not_noted() {
        // 100 to 146.41 over four years is 10 % a year; 12 % is exactly 2 points
        // more, 12.01 % more than 2.
        let text = |growth: &str| {
            format!(
                "[plan]\nbase_year = 2015\ntarget_year = 2020\n\
                 [metrics.gdp]\nbaseline = 146.41\ngrowth = \"{growth}\"\n\
                 history = {{ 2011 = 100, 2012 = 110, 2013 = 121 }}\n"
            )
        };
        assert!(findings_of(&text("12%")).is_empty());
        assert_eq!(findings_of(&text("12.01%")).len(), 1);
        assert_eq!(findings_of(&text("7.99%")).len(), 1);
    }
}
