//! dabiao (达标, "meets the target"): projects a plan's targets year by year
//! from a TOML plan file and says, goal by goal, whether each is reached.
//!
//! The crate is laid out as the data flows:
//! - [`plan`] reads and checks a `targets.toml` into a [`plan::Plan`];
//! - [`calc`] computes paths and judges goals, with no I/O;
//! - [`report`] gathers the results of each command into data (goals,
//!   sensitivity, explain, review, chart);
//! - [`render`] turns those into a terminal table, Markdown, CSV, JSON or SVG;
//! - [`cli`] is the command line: arguments, files, exit codes.

pub mod calc;
pub mod cli;
pub mod plan;
pub mod render;
pub mod report;

use calc::{Projection, ProjectionError};
use plan::{Additions, PlanError, Problem, Problems, Scenario};

/// A scenario of the plan with its computed paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Projected {
    pub scenario: Scenario,
    pub projection: Projection,
}

/// Parses a plan with its scenarios and what the command line adds (see
/// [`plan::parse_plan`]) and computes every path. A plan whose paths cannot
/// be computed (an overflow, a ratio over zero) is refused like any other
/// mistake. The base plan comes first.
pub fn load_plan(
    text: &str,
    file: &str,
    additions: &Additions,
) -> Result<Vec<Projected>, PlanError> {
    let scenarios = plan::parse_plan(text, file, additions)?;
    let mut problems = Problems::new();
    let mut projected = Vec::with_capacity(scenarios.len());
    for scenario in scenarios {
        match calc::project(&scenario.plan) {
            Ok(projection) => {
                problems.extend(rate_goal_problems(&scenario, &projection));
                projected.push(Projected {
                    scenario,
                    projection,
                });
            }
            Err(error) => problems.push(projection_problem(&scenario, error)),
        }
    }
    problems.into_result(file, projected)
}

/// The scenario's name for messages; the base plan needs none.
fn named(scenario: &Scenario) -> Option<&str> {
    (scenario.name != plan::BASE_SCENARIO).then_some(scenario.name.as_str())
}

/// An average growth rate exists only between two positive values, which a
/// linear path need not keep.
fn rate_goal_problems<'a>(
    scenario: &'a Scenario,
    projection: &'a Projection,
) -> impl Iterator<Item = Problem> + 'a {
    let plan = &scenario.plan;
    plan.metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| m.rate_goal.is_some())
        .filter_map(move |(i, metric)| {
            let path = projection.series(i);
            let (first, last) = (path[0], path[path.len() - 1]);
            (first <= 0.0 || last <= 0.0).then(|| {
                Problem::new(format!(
                    "an average growth rate needs positive values, but the path goes from \
                     {first} in {} to {last} in {}; drop `rate_target` or use a level `target`",
                    plan.base_year, plan.target_year
                ))
                .at_line(metric.line)
                .in_scenario(named(scenario))
                .in_metric(&metric.id)
                .in_field("rate_target")
            })
        })
}

/// Why a scenario's paths cannot be computed, as a problem of the plan.
pub(crate) fn projection_problem(scenario: &Scenario, error: ProjectionError) -> Problem {
    let plan = &scenario.plan;
    let (index, message) = match error {
        ProjectionError::Overflow { metric, year } => (
            metric,
            format!(
                "the path leaves the range of numbers a computer can hold (about ±1.8e308) \
                 in {year}; check the baseline, growth and increment for a misplaced digit"
            ),
        ),
        ProjectionError::ZeroDenominator {
            metric,
            denominator,
            year,
        } => (
            metric,
            format!(
                "the denominator `{}` reaches 0 by {year}, so the share is undefined; \
                 check that metric's baseline, growth or increment",
                plan.metrics[denominator].id
            ),
        ),
        ProjectionError::ShareNotPositive { metric, year } => (
            metric,
            format!(
                "its parts give a share of 0 or less in {year}; entered shares are filled in \
                 and carried forward in proportion to the parts' ratio, which must stay \
                 positive: check the parts' figures, or drop the entered shares"
            ),
        ),
    };
    let metric = &plan.metrics[index];
    Problem::new(message)
        .at_line(metric.line)
        .in_scenario(named(scenario))
        .in_metric(&metric.id)
}
