//! The mid-term review as data: each goal at its latest actual figure.

use super::{MetricLabel, ReportHeader};
use crate::Projected;
use crate::calc::review::{ReviewLine, review};

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewReport {
    pub header: ReportHeader,
    /// The year the review stands at, when figures after it were set aside.
    pub as_of: Option<i32>,
    pub lines: Vec<(MetricLabel, ReviewLine)>,
}

impl ReviewReport {
    /// `projected` must already hold only the figures up to `as_of`.
    pub fn build(projected: &Projected, as_of: Option<i32>) -> ReviewReport {
        let plan = &projected.scenario.plan;
        ReviewReport {
            header: ReportHeader::of(projected),
            as_of,
            lines: review(plan, &projected.projection)
                .into_iter()
                .map(|line| (MetricLabel::of(&plan.metrics[line.outcome.metric]), line))
                .collect(),
        }
    }
}
