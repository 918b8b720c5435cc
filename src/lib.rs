//! dabiao (达标, "meets the target"): projects a plan's targets year by year
//! from a TOML plan file and says, goal by goal, whether each is reached.
//!
//! The crate is laid out as the data flows:
//! - [`plan`] reads and checks a `targets.toml` into a [`plan::Plan`];
//! - [`calc`] computes paths and judges goals, with no I/O;
//! - [`report`] gathers the results into one data structure;
//! - [`render`] turns that into a terminal table, Markdown, CSV or JSON;
//! - [`cli`] is the command line: arguments, files, exit codes.

pub mod calc;
pub mod cli;
pub mod plan;
pub mod render;
pub mod report;

use calc::{Projection, ProjectionError};
use plan::{Plan, PlanError, Problem};

/// Parses a plan and computes its paths. A plan whose paths cannot be
/// computed (an overflow, a ratio over zero) is refused like any other mistake.
pub fn load_plan(text: &str, file: &str) -> Result<(Plan, Projection), PlanError> {
    let plan = plan::parse_plan(text, file)?;
    let projection = calc::project(&plan).map_err(|error| {
        let (index, message) = match error {
            ProjectionError::Overflow { metric, year } => (
                metric,
                format!(
                    "the path grows past the largest number a computer can hold in {year}; \
                     check the baseline and the growth for a misplaced digit"
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
                     check that metric's baseline and increment",
                    plan.metrics[denominator].id
                ),
            ),
        };
        let metric = &plan.metrics[index];
        PlanError {
            file: file.to_owned(),
            problems: vec![
                Problem::new(message)
                    .at_line(metric.line)
                    .in_metric(&metric.id),
            ],
        }
    })?;
    Ok((plan, projection))
}
