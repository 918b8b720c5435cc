//! The mid-term review as data: each goal at its latest actual figure.

use super::{MetricLabel, ReportHeader};
use crate::Projected;
use crate::calc::project;
use crate::calc::review::{ReviewLine, review};

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewReport {
    pub header: ReportHeader,
    /// The year the review stands at, when figures after it were set aside.
    pub as_of: Option<i32>,
    pub lines: Vec<(MetricLabel, ReviewLine)>,
}

impl ReviewReport {
    /// The review at the latest figures, or as the plan stood at the end of
    /// `as_of`: later figures set aside and the paths computed again.
    pub fn build(projected: &Projected, as_of: Option<i32>) -> Result<ReviewReport, String> {
        let earlier;
        let (plan, projection) = match as_of {
            None => (&projected.scenario.plan, &projected.projection),
            Some(year) => {
                let plan = &projected.scenario.plan;
                if year <= plan.base_year || year > plan.target_year {
                    return Err(format!(
                        "--as-of {year}: review a year of the plan, {} to {}",
                        plan.base_year + 1,
                        plan.target_year
                    ));
                }
                let mut scenario = projected.scenario.clone();
                scenario.plan = plan.as_of(year);
                // Without the later figures a path can still fail (an
                // interpolated denominator through 0, say).
                let projection = project(&scenario.plan).map_err(|error| {
                    let problem = crate::projection_problem(&scenario, error);
                    format!(
                        "--as-of {year}: without the later figures, {}",
                        problem.message
                    )
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
                .map(|line| (MetricLabel::of(&plan.metrics[line.outcome.metric]), line))
                .collect(),
        })
    }
}
