//! The mid-term review as data: each goal at its latest actual figure.

use thiserror::Error;

use super::{GoalStatement, MetricLabel, ReportHeader};
use crate::Projected;
use crate::calc::project;
use crate::calc::review::{ReviewLine, review};

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewReport {
    pub header: ReportHeader,
    /// The year the review stands at, when figures after it were set aside.
    pub as_of: Option<i32>,
    pub lines: Vec<ReviewRow>,
}

/// One goal in the review: whose, as stated, and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub metric: MetricLabel,
    pub statement: GoalStatement,
    pub line: ReviewLine,
}

/// Why the plan cannot be reviewed as it stood at the end of a year.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AsOfError {
    #[error("review a year of the plan, {first} to {last}")]
    OutsidePlan { year: i32, first: i32, last: i32 },
    #[error("without the later figures, {problem}")]
    NoPath { year: i32, problem: String },
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
    /// The review at the latest figures, or as the plan stood at the end of
    /// `as_of`: later figures set aside and the paths computed again.
    pub fn build(projected: &Projected, as_of: Option<i32>) -> Result<ReviewReport, AsOfError> {
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
                    problem: crate::projection_problem(&scenario, error).message,
                })?;
                earlier = (scenario.plan, projection);
                (&earlier.0, &earlier.1)
            }
        };
        Ok(ReviewReport {
            header: ReportHeader::of(projected),
            as_of,
            lines: review(plan, projection)
                .into_iter()
                .map(|line| ReviewRow {
                    metric: MetricLabel::of(&plan.metrics[line.outcome.metric]),
                    statement: GoalStatement::of(plan, &line.outcome),
                    line,
                })
                .collect(),
        })
    }
}
