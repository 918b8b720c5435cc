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
use plan::{Additions, Location, Origins, PlanError, Problem, Problems, Scenario};

/// A scenario of the plan with its computed paths.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedScenario {
    /// The scenario: its name, description and the plan as it sees it.
    pub scenario: Scenario,
    /// Every metric's path under that plan, base year to target year.
    pub projection: Projection,
}

/// Which scenarios' paths [`load_plan`] keeps. Every scenario is computed
/// and checked either way, one at a time; those not kept are dropped once
/// checked, so that a plan of thousands of scenarios is never held whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The base plan alone (`validate`).
    Base,
    /// The scenarios the command line asks for (see [`Additions::asks_for`]).
    Asked,
}

/// A loaded plan: what [`load_plan`] kept, and what else there was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// Every scenario's name, the base plan first, then in file order.
    pub names: Vec<String>,
    /// The scenarios kept, in the same order.
    pub scenarios: Vec<ProjectedScenario>,
}

/// Parses a plan with its scenarios and what the command line adds (see
/// [`plan::parse_plan`]), computes every scenario's paths and keeps those
/// `keep` says. A plan whose paths cannot be computed (an overflow, a ratio
/// over zero) is refused like any other mistake.
pub fn load_plan(
    text: &str,
    file: &str,
    additions: &Additions,
    keep: Keep,
) -> Result<Loaded, PlanError> {
    let mut problems = Problems::new();
    let mut loaded = Loaded::default();
    plan::read_plan(text, file, additions, |scenario, origins| {
        loaded.names.push(scenario.name.clone());
        match calc::project(&scenario.plan) {
            Ok(projection) => {
                problems.extend(rate_goal_problems(&scenario, &projection));
                let kept = match keep {
                    Keep::Base => scenario.name == plan::BASE_SCENARIO,
                    Keep::Asked => additions.asks_for(&scenario.name),
                };
                if kept {
                    loaded.scenarios.push(ProjectedScenario {
                        scenario,
                        projection,
                    });
                }
            }
            Err(error) => {
                let problem = projection_problem(&scenario, error);
                problems.push(match blame(&scenario, error, origins) {
                    Some(origin) => problem.at(origin),
                    None => problem,
                });
            }
        }
        // A refused plan shows nothing: what was kept is no longer needed.
        if !problems.is_empty() {
            loaded.scenarios = Vec::new();
        }
    })?;
    problems.into_result(file, loaded)
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
        ProjectionError::Overflow {
            metric,
            year,
            figure,
        } => {
            let cause = match figure {
                None => "; check the baseline, growth and increment".to_owned(),
                Some(figure) => {
                    format!(", going from the actual figure for {figure}; check that figure")
                }
            };
            (
                metric,
                format!(
                    "the path leaves the range of numbers a computer can hold (about ±1.8e308) \
                     in {year}{cause} for a misplaced digit"
                ),
            )
        }
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
    let line = match error {
        ProjectionError::Overflow {
            figure: Some(_), ..
        } => metric.actual_line.unwrap_or(metric.line),
        _ => metric.line,
    };
    Problem::new(message)
        .at_line(line)
        .in_scenario(named(scenario))
        .in_metric(&metric.id)
}

/// The input outside the plan file that caused an overflow, if one did: the
/// CSV row of the actual figure the path went from, or the `--set` argument
/// that changed the metric's baseline, growth or increment.
fn blame(scenario: &Scenario, error: ProjectionError, origins: &Origins) -> Option<Location> {
    let ProjectionError::Overflow { metric, figure, .. } = error else {
        return None;
    };
    match figure {
        Some(year) => origins.csv_row(metric, year),
        None => origins.sets(
            &scenario.plan.metrics[metric].id,
            &["baseline", "growth", "increment"],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "[plan]\nbase_year = 2015\ntarget_year = 2020\n\n\
        [metrics.gdp]\nbaseline = 100\ngrowth = 0.1\n\n\
        [scenarios.slow]\ngrowth_shift = -0.05\n\n\
        [scenarios.fast]\ngrowth_shift = 0.05\n";

    fn load(text: &str, scenarios: &[String], keep: Keep) -> Result<Loaded, PlanError> {
        let additions = Additions {
            scenarios,
            ..Default::default()
        };
        load_plan(text, "t.toml", &additions, keep)
    }

    fn kept(loaded: &Loaded) -> Vec<&str> {
        let names = loaded.scenarios.iter().map(|p| p.scenario.name.as_str());
        names.collect()
    }

    #[test]
    fn every_scenario_is_named_and_only_those_asked_for_are_kept() {
        let base = load(PLAN, &[], Keep::Asked).unwrap();
        assert_eq!(base.names, ["base", "slow", "fast"]);
        assert_eq!(kept(&base), ["base"]);
        let fast = load(PLAN, &["fast".to_owned()], Keep::Asked).unwrap();
        assert_eq!(kept(&fast), ["fast"]);
        let all = load(PLAN, &["all".to_owned()], Keep::Asked).unwrap();
        assert_eq!(kept(&all), ["base", "slow", "fast"]);
        let validate = load(PLAN, &["all".to_owned()], Keep::Base).unwrap();
        assert_eq!(kept(&validate), ["base"]);
        assert_eq!(validate.names.len(), 3);
    }

    #[test]
    fn a_scenario_not_kept_is_still_checked() {
        let text = PLAN.replace(
            "growth_shift = 0.05",
            "[scenarios.fast.metrics.gdp]\nbaseline = 1.7e308",
        );
        let error = load(&text, &[], Keep::Base).unwrap_err();
        let lines: Vec<String> = error.lines().collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("t.toml:5: scenario `fast`, metric `gdp`: the path leaves"),
            "{lines:?}"
        );
    }
}
