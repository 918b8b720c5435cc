//! dabiao (达标, "meets the target"): projects a plan's targets year by year
//! from a TOML plan file and says, goal by goal, whether each is reached.
//!
//! The crate is laid out as the data flows:
//! - [`plan`] reads and checks a `targets.toml` into a [`plan::Plan`];
//! - [`calc`] computes paths and judges goals, with no I/O;
//! - [`report`] gathers the results of each command into data (goals,
//!   sensitivity, explain, review, chart);
//! - [`words`] holds every word people read, one folder per language;
//! - [`render`] turns those into a terminal table, Markdown, CSV, JSON or SVG;
//! - [`cli`] is the command line: arguments, files, exit codes.

pub mod calc;
pub mod cli;
pub mod plan;
pub mod render;
pub mod report;
pub mod words;

use calc::noise::significant;
use calc::{Projection, ProjectionError};
use plan::{
    Additions, Fault, Location, NoRate, Origins, PlanError, Problem, Problems, RateMethod,
    Scenario, WrongUnit, in_year,
};

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
                problems.extend(goal_problems(&scenario, &projection));
                problems.extend(volatility_problem(&scenario));
                // Every scenario shares the actual figures: the base plan judges them.
                if scenario.name == plan::BASE_SCENARIO {
                    problems.extend(fractions_in_actuals(&scenario, &projection, origins));
                }
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

/// Goals that a scenario's paths leave without an answer or show to be
/// mistaken, as problems of the plan: they are refused like any other.
fn goal_problems<'a>(
    scenario: &'a Scenario,
    projection: &'a Projection,
) -> impl Iterator<Item = Problem> + 'a {
    let plan = &scenario.plan;
    plan.metrics
        .iter()
        .enumerate()
        .flat_map(move |(index, metric)| {
            refused_goals(plan, projection, index)
                .into_iter()
                .map(move |(field, fault)| {
                    Problem::new(fault)
                        .at_line(metric.line)
                        .in_scenario(named(scenario))
                        .in_metric(&metric.id)
                        .in_field(field)
                })
        })
}

/// The goals of metric `index` its path cannot judge, with their field and
/// why: a rate goal needs an average rate, which by the endpoint method
/// exists only between two positive values (a linear path can fall to 0 or
/// below) and by the cumulative method only from a positive base-year value
/// to a positive sum of the plan years; an in-step goal needs that of the
/// metric it keeps pace with too; a change goal needs a positive base-year
/// value to be relative to. And a share's target that is a fraction of
/// the share in percent was meant in percent (see [`fraction_for_percent`]).
fn refused_goals(
    plan: &plan::Plan,
    projection: &Projection,
    index: usize,
) -> Vec<(&'static str, Fault)> {
    let metric = &plan.metrics[index];
    let path = projection.real_series(index);
    let mut refused = Vec::new();
    let has_rate_goal = metric.rate_goal.is_some() || metric.in_step_goal.is_some();
    if has_rate_goal && calc::achieved_rate(path, metric.rate_method).is_none() {
        let why = no_average_rate(plan, path, metric.rate_method);
        refused.push(("rate_target", Fault::NoAverageRate { why }));
    }
    if let Some(in_step) = metric.in_step_goal {
        let other = &plan.metrics[in_step.metric];
        let path = projection.real_series(in_step.metric);
        if calc::achieved_rate(path, other.rate_method).is_none() {
            let why = no_average_rate(plan, path, other.rate_method);
            refused.push((
                "rate_target",
                Fault::InStepNoRate {
                    other: other.id.clone(),
                    why,
                },
            ));
        }
    }
    if metric.change_goal.is_some() && path[0] <= 0.0 {
        refused.push((
            "change_target",
            Fault::ChangeNeedsPositive {
                base_year: plan.base_year,
                start: path[0].to_string(),
            },
        ));
    }
    if let Some(fault) = fraction_for_percent(metric, projection.plan_series(index)) {
        refused.push(("target", fault));
    }
    refused
}

/// Why a share's target looks written in the wrong unit, if it does (see
/// [`unit_mistake`]).
fn fraction_for_percent(metric: &plan::Metric, path: &[f64]) -> Option<Fault> {
    let target = metric.level_goal?.value;
    let mistake = unit_mistake(metric, path, target)?;
    Some(Fault::TargetWrongUnit {
        mistake: Box::new(mistake.because(target)),
    })
}

/// Why each actual figure of a share looks written in the wrong unit (see
/// [`unit_mistake`]), blamed on the CSV row or the plan's `actual` table
/// that gave it.
fn fractions_in_actuals(
    scenario: &Scenario,
    projection: &Projection,
    origins: &Origins,
) -> Vec<Problem> {
    let plan = &scenario.plan;
    let mut problems = Vec::new();
    for (index, metric) in plan.metrics.iter().enumerate() {
        for (&year, &figure) in &metric.actual {
            let Some(mistake) = unit_mistake(metric, projection.plan_series(index), figure) else {
                continue;
            };
            let fault = in_year(
                year,
                Fault::ActualWrongUnit {
                    mistake: Box::new(mistake.because(figure)),
                },
            );
            let at = origins
                .csv_row(index, year)
                .unwrap_or(Location::Line(metric.actual_line.unwrap_or(metric.line)));
            problems.push(Problem::new(fault).at(at).in_metric(&metric.id));
        }
    }
    problems
}

/// How many times smaller (or larger) than every value of its share a
/// figure must be to have been written in the wrong unit.
const UNIT_MISTAKE: f64 = 30.0;

/// A share's figure that looks written in the wrong unit.
struct UnitMistake {
    /// Whether the figure is smaller than the share's values, else larger.
    smaller: bool,
    /// The figure in percent.
    meant: f64,
    /// The share's path, from its smallest value to its largest.
    range: (f64, f64),
}

impl UnitMistake {
    /// Why `figure` looks written in the wrong unit.
    fn because(&self, figure: f64) -> WrongUnit {
        let (smallest, largest) = self.range;
        WrongUnit {
            figure: figure.to_string(),
            times: UNIT_MISTAKE.to_string(),
            smaller: self.smaller,
            smallest: four_digits(smallest).to_string(),
            largest: four_digits(largest).to_string(),
            meant: self.meant.to_string(),
        }
    }
}

/// Whether a share's `figure` (a target or an actual figure) looks written
/// in the wrong unit against its `path`: with the default scale a share is
/// in percent, so a figure below 1 that is more than 30 times smaller than
/// every value of the path was meant in percent (0.03 for 3 %), and one
/// above 1 more than 30 times larger was meant as a fraction. A plan that
/// gives `scale` says what it means.
fn unit_mistake(metric: &plan::Metric, path: &[f64], figure: f64) -> Option<UnitMistake> {
    let plan::Model::Ratio {
        scale_given: false, ..
    } = metric.model
    else {
        return None;
    };
    let (smallest, largest) = path
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let (smaller, meant) = if figure > 0.0 && figure < 1.0 && figure * UNIT_MISTAKE < smallest {
        (true, plan::times_hundred(figure))
    } else if figure > 1.0 && largest > 0.0 && figure > largest * UNIT_MISTAKE {
        (false, figure / 100.0)
    } else {
        return None;
    };
    Some(UnitMistake {
        smaller,
        meant,
        range: (smallest, largest),
    })
}

/// `x` to four significant digits, as a message shows a path's range.
fn four_digits(x: f64) -> f64 {
    format!("{x:.3e}").parse().unwrap_or(x)
}

/// Why `path` has no average rate by `method`.
fn no_average_rate(plan: &plan::Plan, path: &[f64], method: RateMethod) -> NoRate {
    let (first, last) = (significant(path[0]), significant(path[path.len() - 1]));
    let (base, target) = (plan.base_year, plan.target_year);
    match method {
        RateMethod::Endpoint => NoRate::Endpoint {
            first: first.to_string(),
            base,
            last: last.to_string(),
            target,
        },
        RateMethod::Cumulative => NoRate::Cumulative {
            first: first.to_string(),
            base,
            from: base + 1,
            target,
            sum: significant(path[1..].iter().sum::<f64>()).to_string(),
        },
    }
}

/// A `volatility = "history"` whose metric's figures give no volatility,
/// as a problem of the plan: known only once the actual figures of CSV
/// files have joined the plan's.
fn volatility_problem(scenario: &Scenario) -> Option<Problem> {
    let plan = &scenario.plan;
    let (index, error) = calc::odds::volatilities(plan).err()?;
    let metric = &plan.metrics[index];
    let line = match metric.volatility {
        Some(plan::Volatility::History { line }) => line,
        _ => metric.line,
    };
    let fault = match error {
        calc::odds::HistoryError::TooFew { changes } => Fault::HistoryTooFewChanges {
            needed: calc::odds::MIN_HISTORY_CHANGES,
            base_year: plan.base_year,
            changes,
        },
        calc::odds::HistoryError::NotPositive { year } => {
            Fault::HistoryVolatilityNotPositive { year }
        }
    };
    Some(
        Problem::new(fault)
            .at_line(line)
            .in_scenario(named(scenario))
            .in_metric(&metric.id)
            .in_field("volatility"),
    )
}

/// Why a scenario's paths cannot be computed, as a problem of the plan.
pub(crate) fn projection_problem(scenario: &Scenario, error: ProjectionError) -> Problem {
    let plan = &scenario.plan;
    let (index, fault) = match error {
        ProjectionError::Overflow {
            metric,
            year,
            figure,
        } => (
            metric,
            Fault::Overflow {
                year,
                from_figure: figure,
            },
        ),
        ProjectionError::ZeroDenominator {
            metric,
            denominator,
            year,
        } => (
            metric,
            Fault::ZeroDenominator {
                denominator: plan.metrics[denominator].id.clone(),
                year,
            },
        ),
        ProjectionError::ShareNotPositive { metric, year } => {
            (metric, Fault::ShareNotPositive { year })
        }
    };
    let metric = &plan.metrics[index];
    let line = match error {
        ProjectionError::Overflow {
            figure: Some(_), ..
        } => metric.actual_line.unwrap_or(metric.line),
        _ => metric.line,
    };
    Problem::new(fault)
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

/// Every file under `dir`, with its text: the tests that keep each layer
/// to the layers below it read the sources.
#[cfg(test)]
pub(crate) fn source_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder is readable") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            found.extend(source_files(&path));
        } else {
            let text = std::fs::read_to_string(&path).expect("a source file is text");
            found.push((path.display().to_string(), text));
        }
    }
    found
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

    /// The lines of the refusal of a 2015–2020 plan with these metrics.
    fn refusal(metrics: &str) -> Vec<String> {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        load_plan(&text, "t.toml", &Additions::default(), Keep::Asked)
            .unwrap_err()
            .lines()
            .collect()
    }

    #[test]
    fn a_rate_goal_without_an_average_rate_is_refused_by_its_method() {
        // 10 - 3 × 5 = -5 in 2020: no endpoint rate. By the cumulative method
        // the plan years add up to 7 + 4 + 1 - 2 - 5 = 5 > 0: a rate exists.
        let metric = "[metrics.m]\nbaseline = 10\nincrement = -3\nrate_target = \"-5%\"\n";
        assert_eq!(
            refusal(metric),
            [
                "t.toml:4: metric `m`, field `rate_target`: an average growth rate needs positive \
              values, but the path goes from 10 in 2015 to -5 in 2020; drop `rate_target` or use \
              a level `target`"
            ]
        );
        let cumulative = format!("{metric}rate_method = \"cumulative\"\n");
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{cumulative}");
        assert!(load_plan(&text, "t.toml", &Additions::default(), Keep::Asked).is_ok());
        // Falling 4 a year the years add up to 6 + 2 - 2 - 6 - 10 = -10.
        let falling = cumulative.replace("increment = -3", "increment = -4");
        assert_eq!(
            refusal(&falling),
            [
                "t.toml:4: metric `m`, field `rate_target`: the cumulative average (累计法) has no \
              solution: it needs a positive value in 2015 and a positive sum of the values for \
              2016–2020, but the path starts at 10 and those values add up to -10; drop \
              `rate_target` or use a level `target`"
            ]
        );
    }

    #[test]
    fn a_change_from_a_base_value_that_is_not_positive_is_refused() {
        assert_eq!(
            refusal("[metrics.m]\nbaseline = 0\nincrement = 2\nchange_target = \"10%\"\n"),
            [
                "t.toml:4: metric `m`, field `change_target`: a relative change needs a positive \
              value in 2015, but the path starts at 0; use `increase_target` for the change in \
              the metric's unit"
            ]
        );
    }

    #[test]
    fn an_in_step_goal_needs_the_other_metric_s_average_rate() {
        // Jobs fall 10 - 3 × 5 = -5 by 2020: no average rate to keep pace with.
        assert_eq!(
            refusal(
                "[metrics.jobs]\nbaseline = 10\nincrement = -3\n\
                 [metrics.pay]\nbaseline = 5\ngrowth = 0.05\nrate_target = { in_step_with = \"jobs\" }\n"
            ),
            [
                "t.toml:7: metric `pay`, field `rate_target`: `jobs`, whose growth this goal keeps \
              pace with, has no average rate: an average growth rate needs positive values, but \
              the path goes from 10 in 2015 to -5 in 2020; name another metric in \
              `in_step_with`, or state the rate"
            ]
        );
    }

    /// R&D spending 24 growing 10 % a year against GDP 1000 growing 6 %: a
    /// share of 2.4 % in 2015 rising to 2.4 × (1.1 / 1.06)⁵ = 2.888 % in 2020.
    fn share_with(ratio_extra: &str, target: &str) -> String {
        format!(
            "[metrics.rd]\nbaseline = 24\ngrowth = \"10%\"\n\
             [metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\n\
             [metrics.share]\nratio = {{ numerator = \"rd\", denominator = \"gdp\"{ratio_extra} }}\n\
             target = {target}\n"
        )
    }

    fn loads(metrics: &str) -> Vec<ProjectedScenario> {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        load_plan(&text, "t.toml", &Additions::default(), Keep::Asked)
            .unwrap()
            .scenarios
    }

    #[test]
    fn a_share_target_in_the_wrong_unit_is_refused_with_what_was_meant() {
        // 0.03 × 30 = 0.9 < 2.4: a fraction, for a share in percent.
        assert_eq!(
            refusal(&share_with("", "0.03")),
            [
                "t.toml:10: metric `share`, field `target`: 0.03 is more than 30 times smaller \
              than every value of the share (2.4 to 2.888), which is in percent: did you mean \
              3? Write `target = 3` (or \"3%\"), or give `scale` in `ratio` if the share is not \
              in percent"
            ]
        );
        // 300 > 30 × 2.888 = 86.6: a percent of a percent.
        assert!(refusal(&share_with("", "300"))[0].contains("did you mean 3?"));
        // Written as a percent, or with the scale given, the target stands.
        let goal =
            |projected: &[ProjectedScenario]| projected[0].scenario.plan.metrics[2].level_goal;
        assert_eq!(
            goal(&loads(&share_with("", "\"3%\""))).map(|g| g.value),
            Some(3.0)
        );
        let given = loads(&share_with(", scale = 100", "0.03"));
        assert_eq!(goal(&given).map(|g| g.value), Some(0.03));
    }
}
