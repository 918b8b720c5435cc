//! Reading a `targets.toml` into its scenarios' [`Plan`]s, and every refusal
//! on the way.
//!
//! serde does the shape of the file (`raw`; its errors are shown by
//! `syntax`); the meaning is checked here by hand, so that each message can
//! say what was probably meant: the years (`header`), each metric (`metric`,
//! with `goal` and `actuals`), what scenarios and `--set` change
//! (`overrides`), and each scenario (`scenario`). Every check reports into
//! one collector, and the file is refused once, with all its problems.

mod actuals;
mod goal;
mod header;
mod metric;
mod overrides;
mod raw;
mod scenario;
mod source;
mod syntax;
mod value;

use actuals::CsvFigures;
use metric::MetricContext;
use overrides::Sets;
use raw::RawFile;
use scenario::Scenarios;
use source::Source;

use super::error::Problems;
use super::{Additions, BASE_SCENARIO, Plan, PlanError, Problem, Scenario};

/// Parses and checks a plan and its scenarios, with what the command line
/// adds: `--set` overrides apply on top of the scenarios requested (the
/// others are checked as the file has them), and actual figures from CSV
/// files join those of the plan file in every scenario. The base plan comes
/// first, named `base`, then the scenarios in file order. `file` only names
/// the file in errors.
pub fn parse_plan(
    text: &str,
    file: &str,
    additions: &Additions,
) -> Result<Vec<Scenario>, PlanError> {
    let raw: RawFile = toml::from_str(text)
        .map_err(|error| Problems::from(syntax::toml_problem(text, &error)).into_error(file))?;
    let source = Source::new(text, additions.sets);
    let mut problems = Problems::new();
    let years = header::years(raw.plan.as_ref(), &source, &mut problems);
    if raw.metrics.is_empty() {
        problems.push(Problem::new(
            "the plan has no metrics; add at least one [metrics.<id>] table \
             (`dabiao init` writes a starter plan)",
        ));
    }
    let metrics = MetricContext::new(&raw.metrics, &source, years);
    let sets = Sets::read(&source, additions.scenarios, &mut problems);
    let mut base_metrics = metrics.checked(sets.for_scenario(BASE_SCENARIO), &mut problems.scope());
    // The CSV figures and the scenarios are checked against a sound base plan.
    let (Some(years), true) = (years, problems.is_empty()) else {
        return Err(problems.into_error(file));
    };
    let figures = CsvFigures::check(&base_metrics, additions.actuals, years, file)?;
    figures.add_to(&mut base_metrics);
    let header = raw.plan.as_ref().map(|header| header.get_ref());
    let base = Plan {
        title: header.and_then(|h| h.title.clone()),
        source: header.and_then(|h| h.source.clone()),
        base_year: years.0,
        target_year: years.1,
        metrics: base_metrics,
    };
    let scenarios = Scenarios {
        metrics: &metrics,
        sets: &sets,
        figures: &figures,
        source: &source,
        base: &base,
    };
    let others: Vec<Scenario> = raw
        .scenarios
        .iter()
        .filter_map(|(name, scenario)| scenarios.build(name, scenario.get_ref(), &mut problems))
        .collect();
    let base = Scenario {
        name: BASE_SCENARIO.to_owned(),
        description: None,
        plan: base,
    };
    problems.into_result(file, std::iter::once(base).chain(others).collect())
}
