//! The mid-term review as data: each goal at its latest actual figure, or
//! as of every year with a figure, judged by an assessment method.

use thiserror::Error;

use super::{GoalStatement, MetricLabel, ReportHeader, Stated};
use crate::ProjectedScenario;
use crate::calc::assess::Method;
use crate::calc::project;
use crate::calc::review::{HistoryLine, ReviewLine, review, review_history};
use crate::plan::Problem;

/// The mid-term review of `dabiao review` for one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewReport {
    /// The plan, its years and the scenario.
    pub header: ReportHeader,
    /// The year the review stands at, when figures after it were set aside.
    pub as_of: Option<i32>,
    /// How each goal is judged.
    pub method: Method,
    /// Every goal, in the order of the goals report.
    pub lines: Vec<ReviewRow>,
}

/// One goal in the review: whose, as stated, and where it stands (`line`,
/// a [`ReviewLine`], or a [`HistoryLine`] for each year in the history).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow<L = ReviewLine> {
    /// The metric the goal is on.
    pub metric: MetricLabel,
    /// The goal as the plan states it, an in-step goal with the rate it
    /// keeps pace with.
    pub statement: GoalStatement,
    /// Where it stands: at the latest actual figure ([`ReviewLine`]), or
    /// as of one year with a figure ([`HistoryLine`]).
    pub line: L,
    /// Which of its figures the plan writes: its latest, that of the line.
    pub stated: Stated,
}

/// The verdicts a method would have given in each year with a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewHistory {
    /// The plan, its years and the scenario.
    pub header: ReportHeader,
    /// How each goal is judged.
    pub method: Method,
    /// Goals in plan order, each with its years ascending.
    pub lines: Vec<ReviewRow<HistoryLine>>,
}

impl ReviewHistory {
    /// Every goal of the scenario judged by `method` as of each year with a figure.
    pub fn build(projected: &ProjectedScenario, method: Method) -> ReviewHistory {
        let (plan, projection) = (&projected.scenario.plan, &projected.projection);
        ReviewHistory {
            header: ReportHeader::of(projected),
            method,
            lines: review_history(plan, projection, method)
                .into_iter()
                .map(|line| ReviewRow {
                    metric: MetricLabel::of(&plan.metrics[line.outcome.metric]),
                    statement: GoalStatement::of(plan, &line.outcome),
                    stated: Stated::of(plan, line.outcome.metric, Some(line.as_of)),
                    line,
                })
                .collect(),
        }
    }
}

/// Why the plan cannot be reviewed as it stood at the end of a year. Its
/// words are in `crate::words::cli`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AsOfError {
    /// The year is not one after the base year, up to the target year.
    OutsidePlan {
        /// The year asked for.
        year: i32,
        /// The first year that can be asked for: the one after the base year.
        first: i32,
        /// The last: the target year.
        last: i32,
    },
    /// Without the figures after the year, a path cannot be computed.
    NoPath {
        /// The year asked for.
        year: i32,
        /// Why the path cannot be computed, as a problem of the plan.
        problem: Box<Problem>,
    },
}

impl AsOfError {
    /// The year asked for.
    pub fn year(&self) -> i32 {
        match self {
            AsOfError::OutsidePlan { year, .. } | AsOfError::NoPath { year, .. } => *year,
        }
    }
}

impl ReviewReport {
    /// The review by `method` at the latest figures, or as the plan stood
    /// at the end of `as_of`: later figures set aside and the paths computed
    /// again.
    pub fn build(
        projected: &ProjectedScenario,
        as_of: Option<i32>,
        method: Method,
    ) -> Result<ReviewReport, AsOfError> {
        let earlier;
        let (plan, projection) = match as_of {
            None => (&projected.scenario.plan, &projected.projection),
            Some(year) => {
                let plan = &projected.scenario.plan;
                if year <= plan.base_year || year > plan.target_year {
                    return Err(AsOfError::OutsidePlan {
                        year,
                        first: plan.base_year + 1,
                        last: plan.target_year,
                    });
                }
                let mut scenario = projected.scenario.clone();
                scenario.plan = plan.as_of(year);
                // Without the later figures a path can still fail (an
                // interpolated denominator through 0, say).
                let projection = project(&scenario.plan).map_err(|error| AsOfError::NoPath {
                    year,
                    problem: Box::new(crate::projection_problem(&scenario, error)),
                })?;
                earlier = (scenario.plan, projection);
                (&earlier.0, &earlier.1)
            }
        };
        Ok(ReviewReport {
            header: ReportHeader::of(projected),
            as_of,
            method,
            lines: review(plan, projection, method)
                .into_iter()
                .map(|line| ReviewRow {
                    metric: MetricLabel::of(&plan.metrics[line.outcome.metric]),
                    statement: GoalStatement::of(plan, &line.outcome),
                    stated: Stated::of(
                        plan,
                        line.outcome.metric,
                        line.latest.map(|(year, _)| year),
                    ),
                    line,
                })
                .collect(),
        })
    }
}
