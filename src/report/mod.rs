//! The report as data: every goal's verdict and every metric's path, with the
//! names and units needed to show them. Renderers read only this, so a new
//! output format never touches the arithmetic: the plain data types they
//! need from `calc` and `plan` are re-exported here, and every number they
//! show (a year-on-year growth, a value to its reliable digits) is computed
//! here or by a helper of this module.

pub mod chart;
pub mod explain;
pub mod metric;
pub mod odds;
pub mod plans;
pub mod review;
pub mod sensitivity;

use crate::ProjectedScenario;
use crate::calc::noise::{difference, significant};
use crate::calc::prices::price_index;
use crate::calc::{self, Projection};
use crate::plan::{MAX_HORIZON, Metric, Model, Plan, times_hundred};

pub use crate::calc::assess::{Assessment, Class, Method};
pub use crate::calc::explain::Finding;
pub use crate::calc::goals::{GoalOutcome, Progress, ScheduleVerdict, Status};
pub use crate::calc::projection::PointSource;
pub use crate::calc::review::{HistoryLine, ReviewLine};
pub use crate::calc::trend::{Estimator, Pace, Rate, Trend};
pub use crate::plan::{
    BASE_SCENARIO, Comparison, DerivedTrend, Goal, GoalKind, Prices, RateMethod, estimator_name,
};

/// What every report says about itself: the plan, its years, the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportHeader {
    /// The plan's title; `None` when it has none.
    pub title: Option<String>,
    /// The plan's source (its citation); `None` when it does not say.
    pub source: Option<String>,
    /// The year of the baselines.
    pub base_year: i32,
    /// The year the goals are for.
    pub target_year: i32,
    /// The scenario's name; [`BASE_SCENARIO`] for the plan itself.
    pub scenario: String,
    /// What the scenario assumes; `None` when it does not say, and for the
    /// plan itself.
    pub description: Option<String>,
}

impl ReportHeader {
    /// The header of a report on `projected`.
    pub(crate) fn of(projected: &ProjectedScenario) -> ReportHeader {
        let plan = &projected.scenario.plan;
        ReportHeader {
            title: plan.title.clone(),
            source: plan.source.clone(),
            base_year: plan.base_year,
            target_year: plan.target_year,
            scenario: projected.scenario.name.clone(),
            description: projected.scenario.description.clone(),
        }
    }

    /// The years of every path, base year to target year.
    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.base_year..=self.target_year
    }

    /// The last year in which a goal missed at the target year is looked
    /// for (see [`GoalOutcome::year_reached`]).
    pub fn last_year_searched(&self) -> i32 {
        self.base_year + MAX_HORIZON
    }
}

/// The goals report of `dabiao report` for one scenario: every goal's
/// verdict and every metric's path.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalReport {
    /// The plan, its years and the scenario.
    pub header: ReportHeader,
    /// Every goal, metrics in file order, each metric's goals in the order
    /// level, rate, change, increase, total; none in a report built without
    /// them (see [`Parts`]).
    pub goals: Vec<GoalRow>,
    /// Every metric of the plan, with or without goals, in file order; none
    /// in a report built without them.
    pub series: Vec<Series>,
    /// Shares entered directly that differ from their parts' actual figures.
    pub share_notes: Vec<ShareNote>,
}

/// Who a row is about.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricLabel {
    /// The metric's id, as CSV, JSON and `--metric` name it.
    pub id: String,
    /// The name people read.
    pub name: String,
    /// The unit of its values; may be empty.
    pub unit: String,
    /// Its unit is %: its changes are worded in percentage points.
    pub in_points: bool,
}

impl MetricLabel {
    /// The label of `metric`.
    pub(crate) fn of(metric: &Metric) -> MetricLabel {
        MetricLabel {
            id: metric.id.clone(),
            name: metric.name.clone(),
            unit: metric.unit.clone(),
            in_points: metric.in_points(),
        }
    }
}

/// One goal and its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    /// The metric the goal is on.
    pub metric: MetricLabel,
    /// The goal judged at the target year.
    pub outcome: GoalOutcome,
    /// The goal as the plan states it, in its own terms.
    pub statement: GoalStatement,
    /// Which of its figures the plan writes.
    pub stated: Stated,
    /// With `--odds`: how likely the goal is (see [`odds`]).
    pub probability: Option<Probability>,
}

/// Which of a goal's figures the plan writes (or an actuals file), so that
/// every format shows them as written, never rounded. The goal's own
/// figures are written too, unless it is in step with another metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stated {
    /// The baseline: a ratio's is computed from its parts.
    pub baseline: bool,
    /// The latest actual figure: a ratio's may be computed from its parts'.
    pub latest: bool,
}

impl Stated {
    /// Which figures of metric `index` of `plan` are written, its latest
    /// actual figure being that of `latest_year`.
    pub fn of(plan: &Plan, index: usize, latest_year: Option<i32>) -> Stated {
        let metric = &plan.metrics[index];
        Stated {
            baseline: is_stated(plan, metric, plan.base_year),
            latest: latest_year.is_some_and(|year| is_stated(plan, metric, year)),
        }
    }
}

/// Whether the plan writes `metric`'s value for `year`: its baseline, or an
/// actual figure from the plan or an actuals file. A ratio's baseline, and
/// its figures in years whose share was not entered, are computed from its
/// parts.
fn is_stated(plan: &Plan, metric: &Metric, year: i32) -> bool {
    let ratio = matches!(metric.model, Model::Ratio { .. });
    (year == plan.base_year && !ratio) || metric.actual.contains_key(&year)
}

/// The share of simulated paths meeting a goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Probability {
    /// The share, 0 to 1.
    pub value: f64,
    /// Its Monte Carlo standard error.
    pub standard_error: f64,
}

/// A goal as people are told it: what it asks, in the plan's own terms.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalStatement {
    /// What the goal is on: the level, the average rate, the change, the
    /// increase or the total.
    pub kind: GoalKind,
    /// What the goal is compared with: for an in-step goal, the rate it
    /// keeps pace with less the tolerance.
    pub goal: Goal,
    /// In-step goals: the metric kept pace with; `None` for a goal stated
    /// as a value.
    pub in_step: Option<InStepWith>,
    /// How the metric's average rate is computed, which its rate goals name.
    pub rate_method: RateMethod,
    /// The metric's changes are in percentage points (an increase goal's).
    pub in_points: bool,
}

/// The metric an in-step goal keeps pace with, its average rate at
/// comparable prices in the plan, and how far short of it the goal allows.
#[derive(Debug, Clone, PartialEq)]
pub struct InStepWith {
    /// The metric kept pace with.
    pub metric: MetricLabel,
    /// Its average annual rate in the plan, at comparable prices and by its
    /// rate method, as a fraction.
    pub rate: f64,
    /// How far short of `rate` the goal still allows, as a fraction; 0 when
    /// the plan gives no tolerance.
    pub tolerance: f64,
}

impl GoalStatement {
    /// The statement of the goal `outcome` judged, of a metric of `plan`.
    pub(crate) fn of(plan: &Plan, outcome: &GoalOutcome) -> GoalStatement {
        let metric = &plan.metrics[outcome.metric];
        GoalStatement {
            kind: outcome.kind,
            goal: outcome.goal,
            in_step: outcome.reference.map(|reference| InStepWith {
                metric: MetricLabel::of(&plan.metrics[reference.metric]),
                rate: reference.rate,
                tolerance: reference.tolerance,
            }),
            rate_method: metric.rate_method,
            in_points: metric.in_points(),
        }
    }
}

/// One metric's path, as reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Whose path it is.
    pub metric: MetricLabel,
    /// One point per year, base year to target year.
    pub points: Vec<Point>,
    /// Year-on-year growth (同比增速) of the values reported, one per year
    /// after the base year; `None` where the previous value is not positive.
    /// For a metric in %, the change in percentage points instead.
    pub growth: Vec<Option<f64>>,
    /// The metric's level goal, shown beside its path; `None` when it has none.
    pub level_goal: Option<Goal>,
    /// The trend the plan took the metric's growth or increment from, when
    /// it says `"trend"`.
    pub trend: Option<DerivedTrend>,
    /// Metrics with a deflator: the values at base-year prices (可比价), on
    /// which their growth is judged, one per year from the base year.
    pub real: Option<Vec<f64>>,
}

/// A metric's value in one year, as reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The year of the value: base year to target year (and later in a
    /// chart's continued path).
    pub year: i32,
    /// The value in the metric's unit, to its reliable digits.
    pub value: f64,
    /// Where the value comes from: the baseline, an actual figure, one
    /// filled in between, or the projection.
    pub source: PointSource,
    /// The plan writes the value (see [`Stated`]): shown as written.
    pub stated: bool,
}

/// A share entered directly that differs from the ratio of its parts'
/// actual figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareNote {
    /// The share (a ratio metric) the value was entered for.
    pub metric: MetricLabel,
    /// The year of the entered share.
    pub year: i32,
    /// The share as entered, in its unit.
    pub entered: f64,
    /// The parts' ratio as computed, every digit kept.
    pub from_parts: f64,
}

impl ShareNote {
    /// The parts' ratio to its reliable digits, as data carries it.
    pub fn from_parts_reported(&self) -> f64 {
        significant(self.from_parts)
    }
}

/// Metric `index`'s values from base_year to target_year, as reported.
fn points<'a>(
    plan: &'a Plan,
    projection: &'a Projection,
    index: usize,
) -> impl Iterator<Item = Point> + 'a {
    let metric = &plan.metrics[index];
    plan.years()
        .zip(projection.series(index))
        .zip(projection.sources(index))
        .map(move |((year, &value), &source)| Point {
            year,
            value: significant(value),
            source,
            stated: is_stated(plan, metric, year),
        })
}

/// Which parts of a [`GoalReport`] to build. Output of one table (a CSV
/// file) needs only its own: on a plan of 100,000 metrics the other costs
/// about as much as writing the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Every goal's verdict ([`GoalReport::goals`]).
    pub goals: bool,
    /// Every metric's path ([`GoalReport::series`]).
    pub series: bool,
}

impl Parts {
    /// Both parts: what every format but CSV shows.
    pub const ALL: Parts = Parts {
        goals: true,
        series: true,
    };
}

impl GoalReport {
    /// Judges every goal of the scenario and reports every metric's path.
    pub fn build(projected: &ProjectedScenario) -> GoalReport {
        GoalReport::build_parts(projected, Parts::ALL)
    }

    /// [`GoalReport::build`] with only `parts`: the goals or the series
    /// left out are empty.
    pub fn build_parts(projected: &ProjectedScenario, parts: Parts) -> GoalReport {
        let (plan, projection) = (&projected.scenario.plan, &projected.projection);
        let label = |i: usize| MetricLabel::of(&plan.metrics[i]);
        let outcomes = if parts.goals {
            calc::evaluate(plan, projection)
        } else {
            Vec::new()
        };
        let goals = outcomes
            .into_iter()
            .map(|outcome| GoalRow {
                metric: label(outcome.metric),
                statement: GoalStatement::of(plan, &outcome),
                stated: Stated::of(
                    plan,
                    outcome.metric,
                    outcome.progress.map(|p| p.latest_year),
                ),
                outcome,
                probability: None,
            })
            .collect();
        let series = if parts.series {
            plan.metrics
                .iter()
                .enumerate()
                .map(|(i, metric)| {
                    let points: Vec<Point> = points(plan, projection, i).collect();
                    let deflated = price_index(&metric.model).is_some();
                    Series {
                        metric: label(i),
                        growth: year_on_year(&points, metric.in_points()),
                        points,
                        level_goal: metric.level_goal,
                        trend: metric.trend,
                        real: deflated.then(|| {
                            projection
                                .real_series(i)
                                .iter()
                                .map(|v| significant(*v))
                                .collect()
                        }),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let share_notes = projection
            .notes()
            .iter()
            .map(|note| ShareNote {
                metric: label(note.metric),
                year: note.year,
                entered: note.entered,
                from_parts: note.from_parts,
            })
            .collect();
        GoalReport {
            header: ReportHeader::of(projected),
            goals,
            share_notes,
            series,
        }
    }

    /// The report with each goal's probability from the odds of the same
    /// scenario, whose goals come in the same order.
    pub fn with_odds(mut self, odds: &odds::OddsReport) -> GoalReport {
        for (goal, row) in self.goals.iter_mut().zip(&odds.goals) {
            goal.probability = Some(Probability {
                value: row.probability,
                standard_error: row.standard_error,
            });
        }
        self
    }

    /// Whether the goals carry their probabilities.
    pub fn has_odds(&self) -> bool {
        self.goals.iter().any(|g| g.probability.is_some())
    }

    /// Whether any value comes from an actual figure.
    pub fn has_actuals(&self) -> bool {
        self.series.iter().any(|s| {
            s.points
                .iter()
                .any(|p| matches!(p.source, PointSource::Actual | PointSource::Interpolated))
        })
    }

    /// How many of the goals are reached.
    pub fn reached_count(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.outcome.status == Status::Reached)
            .count()
    }

    /// The binding goals (约束性): how many are reached, and how many there
    /// are.
    pub fn binding_count(&self) -> (usize, usize) {
        let binding = self.goals.iter().filter(|g| g.outcome.binding);
        binding.fold((0, 0), |(reached, all), g| {
            let met = usize::from(g.outcome.status == Status::Reached);
            (reached + met, all + 1)
        })
    }
}

/// Each value against the one before it: `after / before - 1`, where
/// `before` is positive; for a metric in %, `after - before` (points).
fn year_on_year(points: &[Point], in_points: bool) -> Vec<Option<f64>> {
    points
        .windows(2)
        .map(|pair| {
            let (before, after) = (pair[0].value, pair[1].value);
            if in_points {
                Some(difference(after, before))
            } else {
                (before > 0.0).then(|| after / before - 1.0)
            }
        })
        .collect()
}

/// A fraction in percent, by moving the decimal point in its shortest text,
/// so that a rate the plan states as 0.07 shows as 7 and not
/// 7.000000000000001.
pub(crate) fn in_percent(fraction: f64) -> f64 {
    times_hundred(fraction)
}
