//! The fields of machine-readable output, named once for CSV and JSON.
//!
//! These names and values are a contract with scripts: they never change with
//! `--lang`, rates are fractions (0.16), and a value that does not apply is
//! an empty CSV cell or a JSON null. Figures the plan writes (targets,
//! tolerances, baselines, actual figures) are written as the plan writes
//! them, whatever `--precision` asks.

use crate::report::{
    Class, Comparison, Goal, GoalKind, GoalOutcome, GoalReport, GoalRow, GoalStatement, Method,
    MetricLabel, PointSource, RateMethod, ReportHeader, ScheduleVerdict, Status,
};

/// One table as data: its columns, then one row of fields per record, in
/// the order of the columns. The rows are made as they are written, so that
/// a table of millions of rows is never held whole.
pub struct Records<'a> {
    /// The column names: CSV's header, JSON's keys.
    pub columns: Vec<String>,
    /// The records, each a field per column, made one at a time as they are
    /// taken: they can be read once. Their text borrows from the report.
    pub rows: Box<dyn Iterator<Item = Vec<Field<'a>>> + 'a>,
}

impl<'a> Records<'a> {
    pub(super) fn new<I, R>(columns: &[&str], rows: I) -> Records<'a>
    where
        I: IntoIterator<Item = R>,
        I::IntoIter: 'a,
        R: Into<Vec<Field<'a>>> + 'a,
    {
        Records {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Box::new(rows.into_iter().map(Into::into)),
        }
    }
}

/// One value of a record, before it is written as CSV text or JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<'a> {
    /// A name, an id, or a key such as `reached`, borrowed from the report:
    /// a table of millions of rows copies none of them.
    Text(&'a str),
    /// A whole number: a year.
    Int(i64),
    /// A value in a metric's unit.
    Number(f64),
    /// A fraction: a rate (0.16) or a ratio such as attainment (0.95). With
    /// `--precision N` it keeps N + 2 decimals, as many as N in percent.
    Fraction(f64),
    /// A figure the plan writes, in the metric's unit or a fraction:
    /// written in full whatever the precision.
    Stated {
        /// The figure.
        x: f64,
        /// A fraction (a rate goal's target), which a workbook shows as a
        /// percentage, rather than a value.
        fraction: bool,
    },
    /// A figure beside a missed goal's status, in the metric's unit or a
    /// fraction: rounded as asked, but with more decimals while it would
    /// read as one of `unlike` (the goal's edge, or no gap at all).
    Missed {
        /// The figure.
        x: f64,
        /// A fraction, which keeps two decimals more, rather than a value.
        fraction: bool,
        /// What it must not read as.
        unlike: Vec<f64>,
    },
    /// `true` or `false`.
    Bool(bool),
    /// No value: an empty CSV cell, a JSON null.
    Empty,
}

fn text(s: &str) -> Field<'_> {
    Field::Text(s)
}

/// A value in a metric's unit: as written when the plan writes it.
pub(super) fn figure(x: f64, stated: bool) -> Field<'static> {
    if stated {
        Field::Stated { x, fraction: false }
    } else {
        Field::Number(x)
    }
}

/// A goal's own figure (its target or tolerance) in its terms: as the plan
/// writes it, unless the goal is in step with another metric, whose rate
/// it is computed from.
pub(super) fn goal_figure(statement: &GoalStatement, x: f64) -> Field<'static> {
    match statement.in_step {
        Some(_) => in_goal_terms(statement.kind, x),
        None => Field::Stated {
            x,
            fraction: is_fraction(statement.kind),
        },
    }
}

pub(super) fn optional_fraction(x: Option<f64>) -> Field<'static> {
    x.map_or(Field::Empty, Field::Fraction)
}

/// A value in a goal's own terms: the metric's unit for a level, increase
/// or total goal, a fraction for a rate or change goal.
pub(super) fn in_goal_terms(kind: GoalKind, value: f64) -> Field<'static> {
    if is_fraction(kind) {
        Field::Fraction(value)
    } else {
        Field::Number(value)
    }
}

fn is_fraction(kind: GoalKind) -> bool {
    match kind {
        GoalKind::Level | GoalKind::Increase | GoalKind::Total => false,
        GoalKind::Rate | GoalKind::Change => true,
    }
}

/// The values a goal's figure is judged against: its target, or the two
/// edges of an `about` band.
pub(super) fn edges(goal: &Goal) -> Vec<f64> {
    match goal.comparison {
        Comparison::About { tolerance } => vec![goal.value - tolerance, goal.value + tolerance],
        Comparison::AtLeast | Comparison::AtMost => vec![goal.value],
    }
}

/// A goal's judged value in its terms: beside a missed status, never
/// rounded onto the goal it misses.
pub(super) fn judged(kind: GoalKind, goal: &Goal, status: Status, x: f64) -> Field<'static> {
    missed_unlike(kind, status, x, edges(goal))
}

/// `x` in a goal's terms: beside a missed status, never rounded onto one
/// of `unlike`.
fn missed_unlike(kind: GoalKind, status: Status, x: f64, unlike: Vec<f64>) -> Field<'static> {
    match status {
        Status::Reached => in_goal_terms(kind, x),
        Status::Missed => Field::Missed {
            x,
            fraction: is_fraction(kind),
            unlike,
        },
    }
}

/// The columns a goal's table opens with, in the order of [`goal_fields`].
pub(super) const GOAL_COLUMNS: [&str; 7] =
    ["scenario", "metric", "name", "unit", "goal", "op", "target"];

/// A table's columns: [`GOAL_COLUMNS`], then its own `rest`.
pub(super) const fn goal_columns<const R: usize, const N: usize>(
    rest: [&'static str; R],
) -> [&'static str; N] {
    assert!(
        GOAL_COLUMNS.len() + R == N,
        "N counts the goal's columns and the rest"
    );
    let mut all = [""; N];
    let mut i = 0;
    while i < N {
        all[i] = if i < GOAL_COLUMNS.len() {
            GOAL_COLUMNS[i]
        } else {
            rest[i - GOAL_COLUMNS.len()]
        };
        i += 1;
    }
    all
}

/// Which goal a row is about: its labels, kind, comparison and target (as
/// the plan writes it), as the [`GOAL_COLUMNS`] that the tables of review
/// and odds open with.
pub(super) fn goal_fields<'a>(
    header: &'a ReportHeader,
    metric: &'a MetricLabel,
    statement: &GoalStatement,
    o: &GoalOutcome,
) -> [Field<'a>; 7] {
    let [scenario, id, name, unit] = labels(header, metric);
    [
        scenario,
        id,
        name,
        unit,
        text(goal_kind_key(o.kind)),
        text(op_key(o.goal.comparison)),
        goal_figure(statement, o.goal.value),
    ]
}

pub(super) const SUMMARY_COLUMNS: [&str; 27] = goal_columns([
    "tolerance",
    "base_year",
    "baseline",
    "target_year",
    "projected",
    "status",
    "gap",
    "attainment",
    "required_rate",
    "year_reached",
    "latest_year",
    "latest_value",
    "plan_value",
    "deviation",
    "progress",
    "expected_progress",
    "time_elapsed",
    "remaining_rate",
    "reference",
    "binding",
]);

/// A goal's fields, in the order of [`SUMMARY_COLUMNS`]. An in-step goal
/// is a rate goal whose target is the rate of the metric named in
/// `reference`, less the tolerance.
pub(super) fn summary<'a>(report: &'a GoalReport, row: &'a GoalRow) -> [Field<'a>; 27] {
    let o = &row.outcome;
    let p = o.progress.as_ref();
    let [scenario, metric, name, unit] = labels(&report.header, &row.metric);
    let tolerance = match o.goal.comparison {
        Comparison::About { tolerance } => Some(tolerance),
        _ => None,
    };
    [
        scenario,
        metric,
        name,
        unit,
        text(goal_kind_key(o.kind)),
        text(op_key(o.goal.comparison)),
        goal_figure(&row.statement, o.goal.value),
        tolerance.map_or(Field::Empty, |t| goal_figure(&row.statement, t)),
        Field::Int(report.header.base_year.into()),
        figure(o.baseline, row.stated.baseline),
        Field::Int(report.header.target_year.into()),
        judged(o.kind, &o.goal, o.status, o.projected),
        text(status_key(o.status)),
        missed_unlike(o.kind, o.status, o.gap, vec![0.0]),
        o.attainment.map_or(Field::Empty, |a| {
            // A missed goal's attainment never reads 100 %.
            missed_unlike(GoalKind::Rate, o.status, a, vec![1.0])
        }),
        optional_fraction(o.required_rate),
        o.year_reached
            .map_or(Field::Empty, |y| Field::Int(y.into())),
        p.map_or(Field::Empty, |p| Field::Int(p.latest_year.into())),
        p.map_or(Field::Empty, |p| figure(p.latest_value, row.stated.latest)),
        p.map_or(Field::Empty, |p| Field::Number(p.plan_value)),
        optional_fraction(p.and_then(|p| p.deviation)),
        optional_fraction(p.and_then(|p| p.progress)),
        optional_fraction(p.and_then(|p| p.expected_progress)),
        p.map_or(Field::Empty, |p| Field::Fraction(p.time_elapsed)),
        optional_fraction(p.and_then(|p| p.remaining_rate)),
        row.statement
            .in_step
            .as_ref()
            .map_or(Field::Empty, |with| text(&with.metric.id)),
        Field::Bool(o.binding),
    ]
}

/// How a rate goal's average rate is computed, as JSON names it.
pub(super) fn rate_method_key(method: RateMethod) -> &'static str {
    match method {
        RateMethod::Endpoint => "endpoint",
        RateMethod::Cumulative => "cumulative",
    }
}

pub(super) fn op_key(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::AtLeast => ">=",
        Comparison::AtMost => "<=",
        Comparison::About { .. } => "~",
    }
}

pub(super) fn goal_kind_key(kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Level => "level",
        GoalKind::Rate => "rate",
        GoalKind::Change => "change",
        GoalKind::Increase => "increase",
        GoalKind::Total => "total",
    }
}

/// The summary's last column, after `probability` when there is one, so
/// that every column before it keeps its place.
pub(super) const SCHEDULE_COLUMN: &str = "schedule";

/// The schedule column's verdict as CSV and JSON key it; empty for a goal
/// without actual figures.
pub(super) fn schedule(row: &GoalRow) -> Field<'static> {
    row.outcome
        .progress
        .as_ref()
        .map_or(Field::Empty, |p| text(schedule_key(p.schedule())))
}

fn schedule_key(schedule: ScheduleVerdict) -> &'static str {
    match schedule {
        ScheduleVerdict::OnPlanPath => "on_plan_path",
        ScheduleVerdict::BehindPlanPath => "behind_plan_path",
        ScheduleVerdict::AlreadyReached => "already_reached",
        ScheduleVerdict::FinalFigure => "final_figure",
    }
}

pub(super) fn status_key(status: Status) -> &'static str {
    match status {
        Status::Reached => "reached",
        Status::Missed => "missed",
    }
}

/// A method as `review --method` names it, and CSV and JSON repeat it.
pub fn method_key(method: Method) -> &'static str {
    match method {
        Method::Plan => "plan",
        Method::Statcan => "statcan",
        Method::Unsd => "unsd",
        Method::Destatis => "destatis",
        Method::Ndrc => "ndrc",
    }
}

/// A method's class in the `verdict` column.
pub(super) fn class_key(class: Class) -> &'static str {
    match class {
        Class::Reached => "reached",
        Class::AlreadyReached => "already_reached",
        Class::Ahead => "ahead",
        Class::OnTrack => "on_track",
        Class::Behind => "behind",
        Class::OutOfReach => "out_of_reach",
        Class::TargetAchieved => "target_achieved",
        Class::AccelerationNeeded => "acceleration_needed",
        Class::LimitedProgress => "limited_progress",
        Class::Deterioration => "deterioration",
        Class::FairProgress => "fair_progress",
        Class::StagnationOrRegression => "stagnation_or_regression",
        Class::Sun => "sun",
        Class::LightCloud => "light_cloud",
        Class::Cloud => "cloud",
        Class::Thunderstorm => "thunderstorm",
        Class::AchievedEarly => "achieved_early",
        Class::AheadOfPlan => "ahead_of_plan",
        Class::BroadlyOnPlan => "broadly_on_plan",
        Class::Lagging => "lagging",
        Class::InsufficientData => "insufficient_data",
    }
}

/// The verdict on a goal without actual figures, in the `verdict` column.
pub(super) const NO_FIGURES: &str = "no_figures";

pub(super) fn source_key(source: PointSource) -> &'static str {
    match source {
        PointSource::Baseline => "baseline",
        PointSource::Actual => "actual",
        PointSource::Interpolated => "interpolated",
        PointSource::Projected => "projected",
    }
}

/// The columns that say which scenario and metric a row is about.
pub(super) const LABEL_COLUMNS: [&str; 4] = ["scenario", "metric", "name", "unit"];

pub(super) fn labels<'a>(header: &'a ReportHeader, metric: &'a MetricLabel) -> [Field<'a>; 4] {
    [
        text(&header.scenario),
        text(&metric.id),
        text(&metric.name),
        text(&metric.unit),
    ]
}

pub(super) const LONG_YEAR_COLUMNS: [&str; 7] = [
    "scenario", "metric", "name", "unit", "year", "value", "source",
];

/// One record per metric and year, metrics in file order, years ascending.
pub(super) fn long_years(report: &GoalReport) -> impl Iterator<Item = [Field<'_>; 7]> + '_ {
    report.series.iter().flat_map(move |s| {
        s.points.iter().map(move |p| {
            let [scenario, metric, name, unit] = labels(&report.header, &s.metric);
            [
                scenario,
                metric,
                name,
                unit,
                Field::Int(p.year.into()),
                figure(p.value, p.stated),
                text(source_key(p.source)),
            ]
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_columns_open_both_tables() {
        assert_eq!(SUMMARY_COLUMNS[..4], LABEL_COLUMNS);
        assert_eq!(LONG_YEAR_COLUMNS[..4], LABEL_COLUMNS);
    }
}
