//! The plan: what a `targets.toml` says once it has been read and checked.
//!
//! Everything downstream (projection, goals, rendering) works on these types
//! and may rely on their invariants: years are in order, every per-year list
//! has one entry per projected year, rates are above -100 %, numbers are
//! finite, a ratio points at two non-ratio metrics of the same plan, and
//! history figures come before the base year (positive on a compound
//! metric). Reading TOML and turning its mistakes into messages lives in
//! `parse`. A growth or increment given as `"trend"` is estimated from the
//! history as the plan is read, with `calc::trend`, the one piece of
//! arithmetic the plan borrows: everything after it sees a plain rate.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use crate::calc::trend::{Estimator, Trend};

mod actuals;
mod error;
mod escape;
mod fault;
mod figure_metrics;
mod lines;
mod parse;
mod rate;
mod sheet;
mod workbook;

pub(crate) use actuals::read_actuals_csv;
pub use actuals::{ActualRecord, Encoding, parse_actuals_csv};
pub(crate) use error::Problems;
pub use error::{Location, PlanError, Problem, SHOWN_PROBLEMS};
pub use escape::escape_controls;
pub(crate) use fault::{
    ColumnName, Entry, Fault, Found, Kind, Known, MetricKind, NoRate, PerYear, PerYearRate,
    WrongUnit, in_year,
};
pub(crate) use parse::{Origins, read_plan};
pub use parse::{estimator_name, parse_plan};
pub use rate::{parse_rate_argument, times_hundred};
pub use sheet::Figures;
pub(crate) use sheet::joined;
pub(crate) use workbook::looks_like_a_workbook;
pub use workbook::read_workbook;

/// What the command line adds to a plan file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Additions<'a> {
    /// `--set ID.FIELD=VALUE` arguments, as typed.
    pub sets: &'a [String],
    /// The scenarios `--set` applies to: `--scenario` names (`all` for
    /// every one); none means the base plan.
    pub scenarios: &'a [String],
    /// Actual figures read from CSV files.
    pub actuals: &'a [ActualRecord],
}

impl Additions<'_> {
    /// Whether the command line asks for the scenario `name`: `--scenario`
    /// names it or says `all`; without `--scenario`, the base plan alone.
    pub fn asks_for(&self, name: &str) -> bool {
        match self.scenarios {
            [] => name == BASE_SCENARIO,
            names => names.iter().any(|n| n == name || n == "all"),
        }
    }
}

/// The name under which the plan's own numbers are reported.
pub const BASE_SCENARIO: &str = "base";

/// The plan as one scenario sees it: the base plan (named `base`), or the
/// base plan with a scenario's overrides and growth shift applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The scenario's id from `[scenarios.<id>]`, or [`BASE_SCENARIO`].
    pub name: String,
    /// What the scenario assumes, as its `description` says (control
    /// characters escaped); `None` when it says nothing, and for the base plan.
    pub description: Option<String>,
    /// The plan with the scenario's changes applied.
    pub plan: Plan,
}

/// A growth shift that would take a rate to -100 % or below.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShiftTooLow {
    /// Index into `Plan::metrics` of the first metric it happens to.
    pub metric: usize,
    /// The first year it happens in.
    pub year: i32,
    /// The rate the shift would give.
    pub rate: f64,
}

/// The latest gap allowed between base and target year; also how far past the
/// base year `year_reached` looks.
pub const MAX_HORIZON: i32 = 100;

/// A plan file's `[plan]` table and its metrics, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The plan's title, shown above every output; `None` when it has none.
    /// Control characters are escaped, as in every text of the plan.
    pub title: Option<String>,
    /// Where the plan's numbers come from (a citation), shown under the
    /// title; `None` when the plan does not say.
    pub source: Option<String>,
    /// The year of the baselines.
    pub base_year: i32,
    /// The year the goals are for: after base_year, at most
    /// [`MAX_HORIZON`] years later.
    pub target_year: i32,
    /// The metrics, in file order; at least one.
    pub metrics: Vec<Metric>,
    /// How the odds of the goals are simulated (`[uncertainty]`).
    pub uncertainty: Uncertainty,
}

/// The number of simulated paths allowed: fewer say little, more take long.
pub const PATHS: RangeInclusive<u64> = 100..=100_000_000;

/// The number of paths when the plan and the command line say none.
pub const DEFAULT_PATHS: u64 = 100_000;

/// The day the plan was announced (2016-02-04), so that runs repeat exactly.
pub const DEFAULT_SEED: u64 = 20_160_204;

/// The plan's `[uncertainty]` table: how `dabiao odds` simulates it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Uncertainty {
    /// Simulated paths, 100 to 100,000,000 (the command line may say
    /// another number).
    pub paths: u64,
    /// Where the random numbers start, so that runs repeat exactly.
    pub seed: u64,
    /// ρ in [0, 1): the share of each year's shock common to every metric.
    pub correlation: f64,
}

impl Default for Uncertainty {
    fn default() -> Uncertainty {
        Uncertainty {
            paths: DEFAULT_PATHS,
            seed: DEFAULT_SEED,
            correlation: 0.0,
        }
    }
}

/// How much a metric's yearly growth may stray from the plan's
/// (`volatility`), for the odds of its goals.
#[derive(Debug, Clone, PartialEq)]
pub enum Volatility {
    /// σ for each projected year: of the log growth factor for a compound
    /// metric (0.03 for "3%"), in the metric's unit for a linear one.
    PerYear(Vec<f64>),
    /// `"history"`: read from the metric's own figures, once they are all
    /// known (actual figures may come from CSV files); `line` is where it
    /// is asked for.
    History {
        /// The line of the plan file that asks for it.
        line: usize,
    },
}

impl Plan {
    /// Number of projected years (n in the formulas): target_year - base_year.
    pub fn horizon(&self) -> usize {
        (self.target_year - self.base_year) as usize
    }

    /// The years every series covers, base year included.
    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.base_year..=self.target_year
    }

    /// How many goals the metrics have, goals of every kind alike (an
    /// in-step goal counts as a rate goal).
    pub fn goal_count(&self) -> usize {
        self.metrics.iter().map(|m| m.goals().count()).sum()
    }

    /// The position in `metrics` of the metric `id`; `None` when the plan
    /// has no such metric.
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    /// The plan as it stood at the end of `year`: actual figures for later
    /// years are set aside (history, all before the base year, stays).
    pub fn as_of(&self, year: i32) -> Plan {
        let mut earlier = self.clone();
        for metric in &mut earlier.metrics {
            metric.actual.retain(|&y, _| y <= year);
        }
        earlier
    }

    /// The plan with `shift` added to every compound metric's growth in every
    /// year (linear metrics and ratios' own definitions are unaffected).
    pub fn with_growth_shift(&self, shift: f64) -> Result<Plan, ShiftTooLow> {
        let mut shifted = self.clone();
        for (index, metric) in shifted.metrics.iter_mut().enumerate() {
            if let Model::Compound { growth, .. } = &mut metric.model {
                for (year, rate) in (self.base_year + 1..).zip(growth.iter_mut()) {
                    *rate += shift;
                    if *rate <= -1.0 {
                        return Err(ShiftTooLow {
                            metric: index,
                            year,
                            rate: *rate,
                        });
                    }
                }
            }
        }
        Ok(shifted)
    }
}

/// One metric of the plan: what it is called, how it moves, what it has
/// reached so far, and what it should reach.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// The id of its `[metrics.<id>]` table, as CSV, JSON and `--set` name it.
    pub id: String,
    /// The name people read; the id when the plan gives none.
    pub name: String,
    /// The unit its values are in; empty when the plan gives none, except
    /// `%` for a ratio scaled by 100.
    pub unit: String,
    /// How its value moves from year to year.
    pub model: Model,
    /// Published figures by year (base_year + 1 ..= target_year), from the
    /// plan file and actuals CSV files. For a ratio, shares entered directly.
    pub actual: BTreeMap<i32, f64>,
    /// The goal for its value at target_year (`target`), in its unit.
    pub level_goal: Option<Goal>,
    /// The goal for its average annual growth rate (`rate_target`), stated
    /// as a rate: a fraction, judged at comparable prices by the metric's
    /// rate method. A ratio may have one too (an intensity's average
    /// decline). `None` when the metric has no rate goal, or keeps pace with
    /// another metric instead (`in_step_goal`).
    pub rate_goal: Option<Goal>,
    /// A rate goal stated as keeping pace with another metric (同步); a
    /// metric has at most one of this and `rate_goal`.
    pub in_step_goal: Option<InStep>,
    /// The goal for its relative change from base_year to target_year at
    /// comparable prices (`change_target`), as a fraction (-0.135 for
    /// 下降13.5%); `None` when it has none.
    pub change_goal: Option<Goal>,
    /// The goal for its absolute change from base_year to target_year
    /// (`increase_target`), in its unit (percentage points for a share);
    /// `None` when it has none.
    pub increase_goal: Option<Goal>,
    /// The goal for the sum of its values over the plan years, base_year + 1
    /// ..= target_year (`total_target`), in its unit; `None` when it has
    /// none, and always for a ratio.
    pub total_goal: Option<Goal>,
    /// How the metric's average annual rate is computed, for its rate goals.
    pub rate_method: RateMethod,
    /// How much its growth may stray from the plan's, for the odds; none
    /// for a metric that follows its plan path exactly.
    pub volatility: Option<Volatility>,
    /// Its goals are binding (约束性), which the government answers for,
    /// rather than expected (预期性).
    pub binding: bool,
    /// Line of the metric's table in the plan file, so that problems found
    /// after parsing (an overflowing path, say) can still point at it.
    pub line: usize,
    /// Line of the metric's `actual` table, when it has one.
    pub actual_line: Option<usize>,
    /// Published figures before base_year, from the plan file's `history`
    /// table and actuals CSV files: what trends are estimated from, and what
    /// a method that looks back past the baseline (Destatis) reads.
    pub history: BTreeMap<i32, f64>,
    /// The trend the plan's growth or increment was derived from, when the
    /// plan says `growth = "trend"` (or `increment = "trend"`).
    pub trend: Option<DerivedTrend>,
}

/// A growth or increment the plan leaves to the metric's history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DerivedTrend {
    /// How the trend was estimated (`trend = "cagr"`, the default).
    pub estimator: Estimator,
    /// What it found: the rate or increment every projected year takes.
    pub found: Trend,
}

impl Metric {
    /// The metric's goal of `kind`, if it has one.
    pub fn goal(&self, kind: GoalKind) -> Option<&Goal> {
        match kind {
            GoalKind::Level => self.level_goal.as_ref(),
            GoalKind::Rate => self.rate_goal.as_ref(),
            GoalKind::Change => self.change_goal.as_ref(),
            GoalKind::Increase => self.increase_goal.as_ref(),
            GoalKind::Total => self.total_goal.as_ref(),
        }
    }

    /// Every goal of the metric, in output order: level, rate (stated, or
    /// in step with another metric), change, increase, total.
    pub fn goals(&self) -> impl Iterator<Item = (GoalKind, Stated)> + '_ {
        GoalKind::ALL
            .into_iter()
            .filter_map(|kind| self.stated(kind).map(|stated| (kind, stated)))
    }

    /// The metric's goal of `kind` as stated, if it has one.
    pub fn stated(&self, kind: GoalKind) -> Option<Stated> {
        match (self.goal(kind), kind, self.in_step_goal) {
            (Some(goal), ..) => Some(Stated::Value(*goal)),
            (None, GoalKind::Rate, Some(in_step)) => Some(Stated::InStep(in_step)),
            _ => None,
        }
    }

    /// Whether a change of the metric is worded in percentage points (pp,
    /// 个百分点): its unit is %, as a share's is. Its level goals then need
    /// so many points a year rather than a growth rate.
    pub fn in_points(&self) -> bool {
        matches!(self.unit.trim(), "%" | "％")
    }
}

/// How a metric's value moves from one year to the next.
#[derive(Debug, Clone, PartialEq)]
pub enum Model {
    /// `v(y) = v(y-1) × (1 + growth[y])`; one rate per projected year. With
    /// a deflator, growth is real (at comparable prices) and the levels are
    /// at current prices: `v(y) = v(y-1) × (1 + growth[y]) × (1 + deflator[y])`.
    Compound {
        /// The value in base_year, positive (at current prices, which are
        /// base-year prices in base_year).
        baseline: f64,
        /// The growth rates, fractions above -1, for base_year + 1 ..=
        /// target_year; real growth when the metric has a deflator.
        growth: Vec<f64>,
        /// The price rises (`deflator`), fractions above -1, for base_year +
        /// 1 ..= target_year; `None` when the plan gives none, and the levels
        /// then grow by `growth` alone.
        deflator: Option<Vec<f64>>,
    },
    /// `v(y) = v(y-1) + increment[y]`; one increment per projected year.
    Linear {
        /// The value in base_year.
        baseline: f64,
        /// The increments, in the metric's unit, for base_year + 1 ..= target_year.
        increment: Vec<f64>,
    },
    /// `v(y) = numerator(y) / denominator(y) × scale`; indices into `Plan::metrics`.
    Ratio {
        /// Index of the numerator, a metric that is not a ratio.
        numerator: usize,
        /// Index of the denominator, a metric that is not a ratio.
        denominator: usize,
        /// The factor applied to the quotient: 100 (the default) for a
        /// percentage.
        scale: f64,
        /// Whether the plan gives the scale. The default, 100, reads the
        /// share in percent, which a target written as a fraction betrays.
        scale_given: bool,
        /// Which of its parts' paths the ratio divides.
        prices: Prices,
    },
}

/// The prices a ratio's parts are taken at, for parts with a deflator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prices {
    /// Their levels as projected, at current prices (现价).
    #[default]
    Current,
    /// Their real paths, at base-year prices (可比价): energy per unit of
    /// GDP is computed on GDP at comparable prices.
    Comparable,
}

/// How an average annual rate is computed from a path (see
/// `calc::average`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateMethod {
    /// From the base-year and target-year values alone (水平法).
    #[default]
    Endpoint,
    /// From the sum of the plan years' values (累计法).
    Cumulative,
}

/// What a goal is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalKind {
    /// The metric's value at target_year.
    Level,
    /// The average annual growth rate from base_year to target_year, at
    /// comparable prices, by the metric's rate method.
    Rate,
    /// The relative change from base_year to target_year, v(T) / v(B) - 1,
    /// at comparable prices (下降13.5%).
    Change,
    /// The absolute change v(T) - v(B) in the metric's unit: percentage
    /// points for a share (提高0.5个百分点).
    Increase,
    /// The sum of the values of the plan years, base_year + 1 ..=
    /// target_year (五年累计).
    Total,
}

impl GoalKind {
    /// Every kind, in the order a metric's goals are listed.
    pub const ALL: [GoalKind; 5] = [
        GoalKind::Level,
        GoalKind::Rate,
        GoalKind::Change,
        GoalKind::Increase,
        GoalKind::Total,
    ];
}

/// A rate goal met when the metric's average rate is at least another
/// metric's, less a tolerance: growth in step with the economy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InStep {
    /// Index into `Plan::metrics` of the metric to keep pace with.
    pub metric: usize,
    /// How far, as a rate, the metric may fall short of the other's rate.
    pub tolerance: f64,
}

/// A goal as the plan states it: a value to compare with, or, for a rate
/// goal, keeping pace with another metric, whose rate is known only once
/// its path is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stated {
    /// A value the figure is compared with.
    Value(Goal),
    /// A rate goal: growth at least another metric's, less a tolerance.
    InStep(InStep),
}

/// A goal: a value and how the metric's figure must compare with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goal {
    /// At least, at most, or about the value.
    pub comparison: Comparison,
    /// In the metric's unit for level, increase and total goals; a fraction
    /// (0.16) for rate and change goals.
    pub value: f64,
}

/// How a figure must compare with a goal's value to meet it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Comparison {
    /// At least the value (`at_least`, or a plain number): a floor.
    AtLeast,
    /// At most the value (`at_most`): a ceiling.
    AtMost,
    /// Within ± tolerance of the value, in the goal's own terms.
    About {
        /// How far from the value still meets the goal; not negative.
        tolerance: f64,
    },
}

/// The base plan of a 2015–2020 plan file holding `metrics`, for the unit
/// tests of the layers above, which check arithmetic, not reading.
#[cfg(test)]
pub(crate) fn test_plan(metrics: &str) -> Plan {
    let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
    parse_plan(&text, "test.toml", &Additions::default())
        .expect("test plan parses")
        .remove(0)
        .plan
}
