//! The report as data: every goal's verdict and every metric's path, with the
//! names and units needed to show them. Renderers read only this, so a new
//! output format never touches the arithmetic.

pub mod chart;
pub mod explain;
pub mod review;
pub mod sensitivity;

use crate::Projected;
use crate::calc::Projection;
pub use crate::calc::projection::PointSource;
use crate::calc::projection::ShareNote;
use crate::calc::{self, GoalOutcome, noise::significant};
use crate::plan::{Goal, Metric, Plan};

/// What every report says about itself: the plan, its years, the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportHeader {
    pub title: Option<String>,
    pub source: Option<String>,
    pub base_year: i32,
    pub target_year: i32,
    pub scenario: String,
    pub description: Option<String>,
}

impl ReportHeader {
    pub fn of(projected: &Projected) -> ReportHeader {
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

    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.base_year..=self.target_year
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub header: ReportHeader,
    pub goals: Vec<GoalRow>,
    /// Every metric of the plan, with or without goals, in file order.
    pub series: Vec<Series>,
    /// Shares entered directly that differ from their parts' actual figures.
    pub share_notes: Vec<(MetricLabel, ShareNote)>,
}

/// Who a row is about.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricLabel {
    pub id: String,
    pub name: String,
    pub unit: String,
}

impl MetricLabel {
    pub fn of(metric: &Metric) -> MetricLabel {
        MetricLabel {
            id: metric.id.clone(),
            name: metric.name.clone(),
            unit: metric.unit.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    pub metric: MetricLabel,
    pub outcome: GoalOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub metric: MetricLabel,
    pub points: Vec<Point>,
    pub level_goal: Option<Goal>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub source: PointSource,
}

/// Metric `index`'s values from base_year to target_year, as reported.
pub fn points<'a>(
    plan: &'a Plan,
    projection: &'a Projection,
    index: usize,
) -> impl Iterator<Item = Point> + 'a {
    plan.years()
        .zip(projection.series(index))
        .zip(projection.sources(index))
        .map(|((year, &value), &source)| Point {
            year,
            value: significant(value),
            source,
        })
}

impl Report {
    pub fn build(projected: &Projected) -> Report {
        let (plan, projection) = (&projected.scenario.plan, &projected.projection);
        let label = |i: usize| MetricLabel::of(&plan.metrics[i]);
        let goals = calc::evaluate(plan, projection)
            .into_iter()
            .map(|outcome| GoalRow {
                metric: label(outcome.metric),
                outcome,
            })
            .collect();
        let series = plan
            .metrics
            .iter()
            .enumerate()
            .map(|(i, metric)| Series {
                metric: label(i),
                points: points(plan, projection, i).collect(),
                level_goal: metric.level_goal,
            })
            .collect();
        let share_notes = projection
            .notes()
            .iter()
            .map(|note| (label(note.metric), *note))
            .collect();
        Report {
            header: ReportHeader::of(projected),
            goals,
            share_notes,
            series,
        }
    }

    /// Whether any value comes from an actual figure.
    pub fn has_actuals(&self) -> bool {
        self.series.iter().any(|s| {
            s.points
                .iter()
                .any(|p| matches!(p.source, PointSource::Actual | PointSource::Interpolated))
        })
    }

    pub fn reached_count(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.outcome.status == calc::Status::Reached)
            .count()
    }
}
