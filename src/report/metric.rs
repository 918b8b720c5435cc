//! A metric named by the run (the chart's or the sweep's): found in one
//! place, and refused with what would fit instead. The refusal's words,
//! and its English `Display`, are in `crate::words::cli`.

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
}

/// A metric named by the run that the report cannot use.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
