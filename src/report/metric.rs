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
    /// The id or name of a metric that fits, spelt closest to `id`, when it
    /// is close enough to be a slip of the keys.
    pub suggestion: Option<String>,
}

/// The index in `plan` of the metric `id` (or, as actuals files name
/// metrics, its name), when it has what `need` asks.
pub(crate) fn metric_index(plan: &Plan, id: &str, need: Need) -> Result<usize, MetricError> {
    match plan.metric_named(id) {
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
            suggestion: found.is_none().then(|| closest(plan, id, need)).flatten(),
        }),
    }
}

/// The id or name of a metric that fits `need` spelt closest to `typed`:
/// at most a third of its characters apart (one for a short word), so that
/// a slip of the keys is caught and an unrelated word is not.
fn closest(plan: &Plan, typed: &str, need: Need) -> Option<String> {
    let most = (typed.chars().count() / 3).max(1);
    plan.metrics
        .iter()
        .filter(|m| need.fits(m))
        .flat_map(|m| [&m.id, &m.name])
        .map(|known| (strsim::levenshtein(typed, known), known))
        .filter(|&(distance, _)| distance <= most)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Additions, parse_plan};

    #[test]
    fn a_metric_is_found_by_id_or_name_and_a_slip_is_caught() {
        let text = include_str!("../../targets.toml");
        let plan = parse_plan(text, "targets.toml", &Additions::default())
            .expect("the shipped plan")
            .remove(0)
            .plan;
        let by_id = metric_index(&plan, "service_investment", Need::Compound);
        assert_eq!(by_id, metric_index(&plan, "服务业投资", Need::Compound));
        assert!(by_id.is_ok());
        let slip = metric_index(&plan, "service_investmnt", Need::LevelGoal).unwrap_err();
        assert_eq!(slip.suggestion.as_deref(), Some("service_investment"));
        assert!(!slip.in_plan);
        let name = metric_index(&plan, "服务业投", Need::LevelGoal).unwrap_err();
        assert_eq!(name.suggestion.as_deref(), Some("服务业投资"));
        let unrelated = metric_index(&plan, "population", Need::LevelGoal).unwrap_err();
        assert_eq!(unrelated.suggestion, None);
    }
}
