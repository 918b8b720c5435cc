//! Several plans reported at once (`report` and `review` of many files): each
//! plan's own report under its name, and, across the plans, how many reach
//! each goal they share (`report --by-status`).

use indexmap::IndexMap;

use super::{GoalKind, GoalReport, GoalStatement, MetricLabel, Status};

/// One plan's report among several: the name it is shown under and its
/// report, one per scenario shown, exactly as a run on that plan alone
/// makes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport<T> {
    /// The plan's name: its file's stem (`高新区` for `zones/高新区.toml`),
    /// which tells the plans apart in every format.
    pub name: String,
    /// The plan's reports, one per scenario shown, in order.
    pub reports: Vec<T>,
}

/// How many plans reach each goal that at least two of them state: a goal
/// is the same goal in two plans when it is on the same metric id, of the
/// same kind (level, rate, …), in the same scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusTally {
    /// How many plans were read.
    pub plans: usize,
    /// One row per shared goal, in the order the goals first appear, the
    /// plans taken in order.
    pub rows: Vec<TallyRow>,
}

/// One goal shared by several plans, and how many of them reach it.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyRow {
    /// The scenario the goal is judged in.
    pub scenario: String,
    /// The metric, as the first plan stating the goal names it.
    pub metric: MetricLabel,
    /// What the goal is on.
    pub kind: GoalKind,
    /// The goal as the first plan stating it states it.
    pub statement: GoalStatement,
    /// Whether every plan states the goal alike; else each sets its own
    /// target, and `statement` is only the first plan's.
    pub alike: bool,
    /// How many of the plans stating the goal reach it.
    pub reached: usize,
    /// How many plans state it.
    pub plans: usize,
}

impl StatusTally {
    /// Counts, goal by goal, the plans of `plans` that reach it; a goal
    /// that one plan alone states is left out, as there is nothing to
    /// compare it with.
    pub fn build(plans: &[PlanReport<GoalReport>]) -> StatusTally {
        let mut rows: IndexMap<(String, String, GoalKind), TallyRow> = IndexMap::new();
        let goals = plans
            .iter()
            .flat_map(|plan| &plan.reports)
            .flat_map(|report| report.goals.iter().map(move |g| (&report.header, g)));
        for (header, goal) in goals {
            let kind = goal.statement.kind;
            let key = (header.scenario.clone(), goal.metric.id.clone(), kind);
            let reached = usize::from(goal.outcome.status == Status::Reached);
            rows.entry(key)
                .and_modify(|row| {
                    row.reached += reached;
                    row.plans += 1;
                    row.alike &= row.statement == goal.statement;
                })
                .or_insert_with(|| TallyRow {
                    scenario: header.scenario.clone(),
                    metric: goal.metric.clone(),
                    kind,
                    statement: goal.statement.clone(),
                    alike: true,
                    reached,
                    plans: 1,
                });
        }
        StatusTally {
            plans: plans.len(),
            rows: rows.into_values().filter(|row| row.plans > 1).collect(),
        }
    }
}
