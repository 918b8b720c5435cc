//! The plan-consistency report as data: the findings of one scenario, with
//! the names and units needed to say them.

use super::MetricLabel;
use crate::Projected;
use crate::calc::explain::{Finding, findings};

#[derive(Debug, Clone, PartialEq)]
pub struct ExplainReport {
    pub title: Option<String>,
    pub source: Option<String>,
    pub base_year: i32,
    pub target_year: i32,
    pub scenario: String,
    pub description: Option<String>,
    /// Every metric, by position in the plan, for the findings' indices.
    pub metrics: Vec<MetricLabel>,
    pub findings: Vec<Finding>,
}

impl ExplainReport {
    pub fn build(projected: &Projected) -> ExplainReport {
        let plan = &projected.scenario.plan;
        ExplainReport {
            title: plan.title.clone(),
            source: plan.source.clone(),
            base_year: plan.base_year,
            target_year: plan.target_year,
            scenario: projected.scenario.name.clone(),
            description: projected.scenario.description.clone(),
            metrics: plan
                .metrics
                .iter()
                .map(|m| MetricLabel {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    unit: m.unit.clone(),
                })
                .collect(),
            findings: findings(plan, &projected.projection),
        }
    }
}
