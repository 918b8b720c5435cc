//! The sensitivity report as data: each goal's value and status at every
//! point of a sweep, and where it flips.

use thiserror::Error;

use super::metric::{MetricError, Need, metric_index};
use super::{GoalStatement, MetricLabel, ReportHeader};
use crate::ProjectedScenario;
use crate::calc::noise::significant;
use crate::calc::sensitivity::{self, BreakEven, Sweep, judge_at};
use crate::calc::{self, Status};
use crate::plan::{GoalKind, Metric, Plan, Stated};

/// The sweep of `dabiao sensitivity` for one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityReport {
    /// The plan, its years and the scenario.
    pub header: ReportHeader,
    /// The swept metric in `--metric` mode; `None` for a uniform shift.
    pub swept_metric: Option<MetricLabel>,
    /// Shifts, or rates of the swept metric.
    pub points: Vec<f64>,
    /// One row per goal the sweep is about, metrics in file order, each
    /// metric's goals in the order level, rate, change, increase, total.
    pub rows: Vec<SensitivityRow>,
}

/// One goal across the sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityRow {
    /// The metric the goal is on.
    pub metric: MetricLabel,
    /// The goal as the plan states it; an in-step goal's rate moves with
    /// the sweep.
    pub statement: GoalStatement,
    /// One per point: the value judged, in the goal's own terms (a level,
    /// increase or total in the metric's unit; an average rate or a change
    /// as a fraction), and the status; `None` where the sweep is undefined
    /// (a rate at -100 %).
    pub cells: Vec<Option<(f64, Status)>>,
    /// Where the goal flips between missed and reached.
    pub break_even: BreakEvenPoint,
}

/// Where a goal flips, as shown: both the shift and the rate where known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BreakEvenPoint {
    /// The goal flips here, rounded toward the side where it is reached.
    At {
        /// The uniform shift, or in `--metric` mode the change from the
        /// metric's own average rate.
        shift: f64,
        /// The metric's average annual rate there (compound metrics), or the
        /// swept rate in `--metric` mode.
        rate: Option<f64>,
    },
    /// The sweep does not move the goal's metric (a linear metric, say).
    Unaffected,
    /// No point of the search range changes the goal's status.
    NoFlip,
}

/// What to sweep: every compound metric's growth shifted alike, or the
/// growth of the compound metric `metric`.
pub fn sweep(projected: &ProjectedScenario, metric: Option<&str>) -> Result<Sweep, MetricError> {
    Ok(match metric {
        None => Sweep::UniformShift,
        Some(id) => Sweep::OwnRate {
            metric: metric_index(&projected.scenario.plan, id, Need::Compound)?,
        },
    })
}

impl SensitivityReport {
    /// Sweeps `points` over the scenario's goals: all of them for a uniform
    /// shift, those the metric moves for `Sweep::OwnRate`.
    pub fn build(projected: &ProjectedScenario, sweep: Sweep, points: &[f64]) -> SensitivityReport {
        let plan = &projected.scenario.plan;
        let label = |i: usize| MetricLabel::of(&plan.metrics[i]);
        let mut rows = Vec::new();
        for outcome in calc::evaluate(plan, &projected.projection) {
            let (index, kind) = (outcome.metric, outcome.kind);
            let Some(stated) = plan.metrics[index].stated(kind) else {
                continue;
            };
            if !shows(plan, sweep, index, stated) {
                continue;
            }
            let cells = points
                .iter()
                .map(|&x| {
                    judge_at(plan, sweep, index, kind, stated, x).map(|(value, status)| {
                        let shown = match kind {
                            GoalKind::Level | GoalKind::Increase | GoalKind::Total => {
                                significant(value)
                            }
                            GoalKind::Rate | GoalKind::Change => value,
                        };
                        (shown, status)
                    })
                })
                .collect();
            let break_even = match sensitivity::break_even(plan, sweep, index, kind, stated) {
                BreakEven::Unaffected => BreakEvenPoint::Unaffected,
                BreakEven::NoFlip => BreakEvenPoint::NoFlip,
                BreakEven::At {
                    at,
                    rate,
                    reached_above,
                } => {
                    // Rounded toward the reached side, so that the
                    // printed point still reads `reached`.
                    let round = |x: f64| rounded_rate(x, reached_above);
                    match sweep {
                        Sweep::UniformShift => BreakEvenPoint::At {
                            shift: round(at),
                            rate: rate.map(round),
                        },
                        Sweep::OwnRate { .. } => BreakEvenPoint::At {
                            shift: round(at - sweep.origin(plan)),
                            rate: Some(round(at)),
                        },
                    }
                }
            };
            rows.push(SensitivityRow {
                metric: label(index),
                statement: GoalStatement::of(plan, &outcome),
                cells,
                break_even,
            });
        }
        SensitivityReport {
            header: ReportHeader::of(projected),
            swept_metric: match sweep {
                Sweep::OwnRate { metric } => Some(label(metric)),
                Sweep::UniformShift => None,
            },
            points: points.to_vec(),
            rows,
        }
    }
}

/// Whether a sweep shows metric `index`'s goal `stated`, as a row: every
/// goal for a uniform shift, those the metric moves for `Sweep::OwnRate`.
fn shows(plan: &Plan, sweep: Sweep, index: usize, stated: Stated) -> bool {
    sweep == Sweep::UniformShift || sweep.moves_goal(plan, index, stated)
}

/// A sweep whose grid would hold more cells than the output can take. Its
/// words are in `crate::words::cli`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub struct TooManyCells {
    /// Goals swept, over every scenario run.
    pub goals: u64,
    /// Points of the sweep.
    pub points: u64,
    /// Goals × points: the cells the grid would hold.
    pub cells: u64,
}

/// Refuses a sweep of `points` points over `scenarios` whose grid would hold
/// more than `limit` cells: counted before any of it is computed, so that a
/// sweep too large fails at once instead of exhausting memory.
pub fn check_size(
    scenarios: &[ProjectedScenario],
    sweep: Sweep,
    points: usize,
    limit: u64,
) -> Result<(), TooManyCells> {
    let goals: usize = scenarios
        .iter()
        .map(|s| {
            let plan = &s.scenario.plan;
            let shown = |(index, metric): (usize, &Metric)| {
                let goals = metric.goals();
                goals
                    .filter(|&(_, stated)| shows(plan, sweep, index, stated))
                    .count()
            };
            plan.metrics.iter().enumerate().map(shown).sum::<usize>()
        })
        .sum();
    let (goals, points) = (goals as u64, points as u64);
    let cells = goals.saturating_mul(points);
    if cells > limit {
        return Err(TooManyCells {
            goals,
            points,
            cells,
        });
    }
    Ok(())
}

/// A break-even rate to 8 decimals (a millionth of a percentage point),
/// rounded up or down: the search finds it to 1e-9, so further digits would
/// only show noise.
fn rounded_rate(x: f64, up: bool) -> f64 {
    let scaled = x * 1e8;
    let whole = if up { scaled.ceil() } else { scaled.floor() };
    // Through text, so that the result prints with 8 decimals at most.
    let rounded: f64 = format!("{:.8}", whole / 1e8).parse().unwrap_or(x);
    if rounded == 0.0 { 0.0 } else { rounded }
}
