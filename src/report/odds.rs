//! The odds of each goal as data (`dabiao odds`, `report --odds`, `chart
//! --fan`): for every goal the share of simulated paths that meet it, with
//! its Monte Carlo standard error, the spread of what it is judged on and of
//! the first year it holds; and each metric's spread year by year, which
//! the fan chart draws.

use thiserror::Error;

use super::{GoalStatement, MetricLabel, ReportHeader};
use crate::ProjectedScenario;
use crate::calc::odds::{self, OddsError, Simulation, simulate};
use crate::calc::{GoalOutcome, evaluate};

pub use crate::calc::odds::{Band, LATER_YEARS, Percentiles};
pub use crate::plan::Uncertainty;

/// One scenario's odds.
#[derive(Debug, Clone, PartialEq)]
pub struct OddsReport {
    /// The plan and scenario.
    pub header: ReportHeader,
    /// Paths, seed and correlation, as the run used them.
    pub uncertainty: Uncertainty,
    /// One row per goal, in the report's order.
    pub goals: Vec<OddsRow>,
    /// Every metric's spread in every year, base_year..=target_year, in
    /// file order.
    pub bands: Vec<MetricBands>,
    /// No metric has a volatility: every path is the plan's, and each
    /// probability is 0 or 1.
    pub certain: bool,
}

/// One goal's odds, beside the plan's own verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct OddsRow {
    /// Whose goal.
    pub metric: MetricLabel,
    /// The goal as stated.
    pub statement: GoalStatement,
    /// The verdict on the plan's own path.
    pub outcome: GoalOutcome,
    /// The share of paths meeting the goal at target_year.
    pub probability: f64,
    /// Its Monte Carlo standard error.
    pub standard_error: f64,
    /// The share of paths on which what the goal is judged on does not
    /// exist (a rate from a value not above 0, a share over 0).
    pub undefined: f64,
    /// Percentiles of what the goal is judged on, in the terms of
    /// [`GoalOutcome::projected`].
    pub value: Percentiles<Option<f64>>,
    /// Level goals: percentiles of the first year from which the goal
    /// holds; none for later than [`OddsReport::last_year_searched`].
    pub year: Option<Percentiles<Option<i32>>>,
}

/// A metric's spread year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricBands {
    /// Which metric.
    pub metric: MetricLabel,
    /// One band per year from the base year.
    pub bands: Vec<Band>,
}

/// Why the odds cannot be computed. Loading a plan refuses both, so a
/// checked plan never meets them. Its words are in `crate::words::cli`.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum OddsReportError {
    /// A `volatility = "history"` whose figures give none.
    History(String),
    /// Options or volatilities the simulation cannot use.
    Simulation(OddsError),
}

impl OddsReport {
    /// The odds of a scenario's goals, simulated as `uncertainty` says.
    pub fn build(
        projected: &ProjectedScenario,
        uncertainty: Uncertainty,
    ) -> Result<OddsReport, OddsReportError> {
        let (plan, projection) = (&projected.scenario.plan, &projected.projection);
        let volatility = odds::volatilities(plan)
            .map_err(|(index, _)| OddsReportError::History(plan.metrics[index].id.clone()))?;
        let simulation = Simulation::from_plan(plan, projection, &volatility, uncertainty);
        let found = simulate(&simulation).map_err(OddsReportError::Simulation)?;
        let label = |i: usize| MetricLabel::of(&plan.metrics[i]);
        let goals = evaluate(plan, projection)
            .into_iter()
            .zip(found.goals)
            .map(|(outcome, odds)| OddsRow {
                metric: label(outcome.metric),
                statement: GoalStatement::of(plan, &outcome),
                outcome,
                probability: odds.probability,
                standard_error: odds.standard_error,
                undefined: odds.undefined,
                value: odds.value,
                year: odds.year,
            })
            .collect();
        let bands = found
            .bands
            .into_iter()
            .enumerate()
            .map(|(i, bands)| MetricBands {
                metric: label(i),
                bands,
            })
            .collect();
        Ok(OddsReport {
            header: ReportHeader::of(projected),
            uncertainty,
            goals,
            bands,
            certain: volatility.iter().flatten().all(|sigma| *sigma == 0.0),
        })
    }

    /// The last year in which the first year a goal holds is looked for.
    pub fn last_year_searched(&self) -> i32 {
        self.header.target_year + LATER_YEARS as i32
    }
}
