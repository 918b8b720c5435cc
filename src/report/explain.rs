//! The plan-consistency report as data: the findings of one scenario, with
//! the names and units needed to say them.

use super::{GoalStatement, MetricLabel, ReportHeader};
use crate::ProjectedScenario;
use crate::calc::explain::{Finding, LevelNeeds, findings};

/// The plan-consistency report of `dabiao explain` for one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainReport {
    /// The plan, its years and the scenario.
    pub header: ReportHeader,
    /// Every metric, by position in the plan, for the findings' indices.
    pub metrics: Vec<MetricLabel>,
    /// In file order, for each metric: a finding on its level goal, when it
    /// has one whose rates are defined, then one on a change goal of at
    /// least a fall.
    pub findings: Vec<Finding>,
    /// For each metric, by position in the plan: the rate, change or
    /// increase goal as stated whose implied level its finding checks.
    pub implied_by: Vec<Option<GoalStatement>>,
}

impl ExplainReport {
    /// Works out the scenario's findings.
    pub fn build(projected: &ProjectedScenario) -> ExplainReport {
        let plan = &projected.scenario.plan;
        let findings = findings(plan, &projected.projection);
        let mut implied_by = vec![None; plan.metrics.len()];
        for finding in &findings {
            if let Finding::LevelNeeds(LevelNeeds {
                implied_by: Some(outcome),
                ..
            }) = finding
                && let Some(slot) = implied_by.get_mut(outcome.metric)
            {
                *slot = Some(GoalStatement::of(plan, outcome));
            }
        }
        ExplainReport {
            header: ReportHeader::of(projected),
            metrics: plan.metrics.iter().map(MetricLabel::of).collect(),
            findings,
            implied_by,
        }
    }
}
