//! A metric named by the run (the chart's or the sweep's): found in one
//! place, and refused with what would fit instead.

use thiserror::Error;

use crate::plan::{Metric, Model, Plan};

/// What a report needs of a metric named by the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A level goal, to draw against (the chart).
    LevelGoal,
    /// A growth rate, to sweep (sensitivity).
    Compound,
}

impl Need {
    pub(crate) fn fits(self, metric: &Metric) -> bool {
        match self {
            Need::LevelGoal => metric.level_goal.is_some(),
            Need::Compound => matches!(metric.model, Model::Compound { .. }),
        }
    }

    /// The metrics that fit, as a list of them is headed.
    pub fn fitting(self) -> &'static str {
        match self {
            Need::LevelGoal => "metrics with a level goal",
            Need::Compound => "compound metrics",
        }
    }
}

/// A metric named by the run that the report cannot use.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.why())]
pub struct MetricError {
    /// The id as the run named it.
    pub id: String,
    /// Whether the plan has a metric of that id at all.
    pub in_plan: bool,
    /// What the report needed of the metric.
    pub need: Need,
    /// The ids of the metrics that fit, in file order.
    pub fitting: Vec<String>,
}

impl MetricError {
    fn why(&self) -> String {
        let id = &self.id;
        match (self.in_plan, self.need) {
            (false, Need::LevelGoal) => format!("`{id}` is not a metric of this plan"),
            (true, Need::LevelGoal) => format!("`{id}` has no level goal (`target`) to draw"),
            (false, Need::Compound) => "no such metric".to_owned(),
            (true, Need::Compound) => {
                "not a compound metric, so it has no growth rate to sweep".to_owned()
            }
        }
    }
}

/// The index of metric `id` in `plan`, when it has what `need` asks.
pub(crate) fn metric_index(plan: &Plan, id: &str, need: Need) -> Result<usize, MetricError> {
    match plan.metric_index(id) {
        Some(index) if need.fits(&plan.metrics[index]) => Ok(index),
        found => Err(MetricError {
            id: id.to_owned(),
            in_plan: found.is_some(),
            need,
            fitting: plan
                .metrics
                .iter()
                .filter(|m| need.fits(m))
                .map(|m| m.id.clone())
                .collect(),
        }),
    }
}
