//! The chart as data: one panel per metric with a goal to draw (its level
//! goal, or the level a rate, change or increase goal implies), each with
//! the path of every scenario drawn, and where the x axis ends.

use thiserror::Error;

use super::metric::{MetricError, Need, metric_index};
use super::odds::{Band, OddsReport};
use super::{GoalStatement, MetricLabel, ReportHeader};
use crate::ProjectedScenario;
use crate::calc::noise::{difference, significant};
use crate::calc::projection::{PointSource, continuation};
use crate::calc::review::implied_path_level;
use crate::calc::{GoalOutcome, Status, evaluate};
use crate::plan::{Goal, GoalKind};
use crate::report::Point;

/// How far past the target year a panel reaches to show the year its goal
/// is met.
pub const EXTENSION_YEARS: i32 = 10;

/// What `dabiao chart` draws: small multiples of the metrics' paths
/// against their level goals.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The plan, its years and the first scenario drawn.
    pub header: ReportHeader,
    /// The scenarios drawn, with their descriptions, in the order asked.
    pub scenarios: Vec<(String, Option<String>)>,
    /// One panel per metric drawn, in file order.
    pub panels: Vec<Panel>,
}

/// One metric's paths against its level goal, or the level another goal
/// implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The metric drawn.
    pub metric: MetricLabel,
    /// Its level goal, or the level at the target year that `implied_by`
    /// implies, in the first scenario.
    pub goal: Goal,
    /// The rate, change or increase goal as the plan states it, when
    /// `goal` is the level it implies; `None` for a level goal.
    pub implied_by: Option<GoalStatement>,
    /// The x axis: base_year to target_year, or to the year the goal is met
    /// when that is later and within [`EXTENSION_YEARS`].
    pub last_year: i32,
    /// One line per scenario, in the order asked.
    pub lines: Vec<Line>,
    /// The first scenario's verdict at the target year on the goal drawn,
    /// as the report gives it.
    pub status: Status,
    /// The value at the target year minus the goal's value, in the
    /// metric's unit.
    pub gap: f64,
    /// With `--fan`: the first scenario's spread year by year, from the
    /// base year to the target year; empty without.
    pub fan: Vec<Band>,
}

/// One scenario's path in a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The name of the scenario whose path it is.
    pub scenario: String,
    /// One point per year, base year to the panel's last year; the years
    /// after the target year are projected, and end early where a value
    /// would not be finite.
    pub points: Vec<Point>,
    /// The plan path from the baseline alone (base_year to target_year),
    /// when actual figures took the path away from it.
    pub plan: Option<Vec<(i32, f64)>>,
}

/// Why there is no chart to draw. Its words are in `crate::words::cli`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChartError {
    /// A metric asked for (`--metric`) is unknown or has no level goal.
    Metric(#[from] MetricError),
    /// No metric of the plan has a goal to draw, or no scenario was given.
    NothingToDraw,
}

impl Chart {
    /// Panels for the metrics `ids` (all with a goal to draw, in file
    /// order, when empty). An id that is unknown or has no level goal is
    /// refused.
    pub fn build(scenarios: &[ProjectedScenario], ids: &[String]) -> Result<Chart, ChartError> {
        let first = scenarios.first().ok_or(ChartError::NothingToDraw)?;
        let plan = &first.scenario.plan;
        let named = ids
            .iter()
            .map(|id| metric_index(plan, id, Need::LevelGoal))
            .collect::<Result<Vec<usize>, _>>()?;
        let outcomes: Vec<_> = scenarios
            .iter()
            .map(|s| evaluate(&s.scenario.plan, &s.projection))
            .collect();
        let chosen: Vec<(usize, GoalKind)> = plan
            .metrics
            .iter()
            .enumerate()
            .filter(|&(i, _)| ids.is_empty() || named.contains(&i))
            .filter_map(|(i, _)| drawn_kind(first, &outcomes[0], i).map(|kind| (i, kind)))
            .collect();
        if chosen.is_empty() {
            return Err(ChartError::NothingToDraw);
        }
        let panels = chosen
            .into_iter()
            .map(|(index, kind)| {
                let own: Vec<_> = outcomes
                    .iter()
                    .filter_map(|list| list.iter().find(|o| o.metric == index && o.kind == kind))
                    .collect();
                let last_year = own
                    .iter()
                    .filter_map(|o| o.year_reached)
                    .filter(|&y| y <= plan.target_year + EXTENSION_YEARS)
                    .fold(plan.target_year, i32::max);
                let lines = scenarios
                    .iter()
                    .map(|s| {
                        let points = points(s, index, last_year);
                        let tracked = points.iter().any(|p| p.source == PointSource::Actual);
                        Line {
                            scenario: s.scenario.name.clone(),
                            plan: tracked.then(|| plan_path(s, index)),
                            points,
                        }
                    })
                    .collect();
                let (goal, implied_by, gap) = drawn_goal(first, own[0]);
                Panel {
                    metric: MetricLabel::of(&plan.metrics[index]),
                    goal,
                    implied_by,
                    last_year,
                    lines,
                    status: own[0].status,
                    gap,
                    fan: Vec::new(),
                }
            })
            .collect();
        Ok(Chart {
            header: ReportHeader::of(first),
            scenarios: scenarios
                .iter()
                .map(|s| (s.scenario.name.clone(), s.scenario.description.clone()))
                .collect(),
            panels,
        })
    }
}

/// The goal metric `index`'s panel draws, in the first scenario's
/// `outcomes`: its level goal, else the first goal whose level
/// [`implied_path_level`] gives.
fn drawn_kind(
    first: &ProjectedScenario,
    outcomes: &[GoalOutcome],
    index: usize,
) -> Option<GoalKind> {
    let plan = &first.scenario.plan;
    let own = || outcomes.iter().filter(|o| o.metric == index);
    own()
        .find(|o| o.kind == GoalKind::Level)
        .or_else(|| own().find(|o| implied_path_level(plan, &first.projection, o).is_some()))
        .map(|o| o.kind)
}

/// The level a panel draws for `outcome` of the first scenario, the goal
/// it is implied by (none for a level goal), and the target-year value's
/// gap to it.
fn drawn_goal(
    first: &ProjectedScenario,
    outcome: &GoalOutcome,
) -> (Goal, Option<GoalStatement>, f64) {
    let plan = &first.scenario.plan;
    match implied_path_level(plan, &first.projection, outcome) {
        Some(level) => {
            let path = first.projection.series(outcome.metric);
            let last = path.last().copied().unwrap_or(f64::NAN);
            let statement = GoalStatement::of(plan, outcome);
            (level, Some(statement), difference(last, level.value))
        }
        None => (outcome.goal, None, outcome.gap),
    }
}

/// A scenario's plan path of metric `index`, from its baseline alone.
fn plan_path(projected: &ProjectedScenario, index: usize) -> Vec<(i32, f64)> {
    let plan = &projected.scenario.plan;
    plan.years()
        .zip(projected.projection.plan_series(index))
        .map(|(year, &value)| (year, significant(value)))
        .collect()
}

impl Chart {
    /// The chart with each panel's fan from `odds`, the simulation of its
    /// first scenario.
    pub fn with_fan(mut self, odds: &OddsReport) -> Chart {
        for panel in &mut self.panels {
            if let Some(bands) = odds.bands.iter().find(|b| b.metric.id == panel.metric.id) {
                panel.fan = bands.bands.clone();
            }
        }
        self
    }
}

/// A scenario's path of metric `index` through `last_year`, continued past
/// the target year with each metric's last rate or increment.
fn points(projected: &ProjectedScenario, index: usize, last_year: i32) -> Vec<Point> {
    let plan = &projected.scenario.plan;
    let projection = &projected.projection;
    let within = super::points(plan, projection, index);
    let beyond = (plan.target_year + 1..=last_year)
        .zip(continuation(plan, projection, index))
        .take_while(|(_, v)| v.is_finite())
        .map(|(year, value)| Point {
            year,
            value: significant(value),
            source: PointSource::Projected,
            stated: false,
        });
    within.chain(beyond).collect()
}
