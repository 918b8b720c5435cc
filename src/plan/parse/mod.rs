//! Reading a `targets.toml` into its scenarios' [`Plan`](crate::plan::Plan)s, and every refusal
//! on the way.
//!
//! serde does the shape of the file (`raw`; its errors are shown by
//! `syntax`); the meaning is checked here by hand, so that each message can
//! say what was probably meant: the years (`header`), each metric (`metric`,
//! with its `ratio`, its goal fields in `targets`, each read by `goal`,
//! `actuals` and `history`), what scenarios and `--set` change
//! (`overrides`), each scenario (`scenario`), and what the odds need,
//! `[uncertainty]` and each metric's `volatility` (`uncertainty`). Every
//! check reports into one collector, and the file is refused once, with all
//! its problems.

mod actuals;
mod goal;
mod header;
mod history;
mod locate;
mod metric;
mod origins;
mod overrides;
mod ratio;
mod raw;
mod scenario;
mod syntax;
mod targets;
mod uncertainty;
mod value;

pub use history::estimator_name;

use actuals::CsvFigures;
use locate::Locator;
use metric::MetricContext;
use overrides::Sets;
use raw::RawFile;
use scenario::{Header, Scenarios};

use super::error::Problems;
use super::{Additions, BASE_SCENARIO, Fault, PlanError, Problem, Scenario};
pub(crate) use origins::Origins;
use value::shown;

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
    let mut scenarios = Vec::new();
    read_plan(text, file, additions, |scenario, _| {
        scenarios.push(scenario)
    })?;
    Ok(scenarios)
}

/// [`parse_plan`], handing each scenario to `each` as soon as it is built,
/// with where its numbers came from, instead of holding them all: a plan of
/// 3,000 scenarios of 3,000 metrics over 100 years is gigabytes at once.
/// Once a problem is found the file is refused, and `each` is not called
/// again; the other scenarios are still checked, so that every problem is
/// listed.
pub(crate) fn read_plan(
    text: &str,
    file: &str,
    additions: &Additions,
    mut each: impl FnMut(Scenario, &Origins),
) -> Result<(), PlanError> {
    let raw: RawFile = toml::from_str(text)
        .map_err(|error| Problems::from(syntax::toml_problem(text, &error)).into_error(file))?;
    let locator = Locator::new(text, additions.sets);
    let mut problems = Problems::new();
    let years = header::years(raw.plan.as_ref(), &locator, &mut problems);
    let uncertainty = uncertainty::uncertainty(raw.uncertainty.as_ref(), &locator, &mut problems);
    if raw.metrics.is_empty() {
        problems.push(Problem::new(Fault::NoMetrics));
    }
    let metrics = MetricContext::new(&raw.metrics, &locator, years);
    let sets = Sets::read(&locator, *additions, &mut problems);
    let base_metrics = metrics.checked(sets.for_scenario(BASE_SCENARIO), &mut problems.scope());
    // The CSV figures and the scenarios are checked against a sound base plan.
    let (Some(years), Some(uncertainty), true) = (years, uncertainty, problems.is_empty()) else {
        return Err(problems.into_error(file));
    };
    let figures = CsvFigures::check(&base_metrics.metrics, additions.actuals, years, file)?;
    // A trend the base plan cannot estimate would fail every scenario alike.
    let Some(base_metrics) = base_metrics.finish(&figures, years, &mut problems.scope()) else {
        return Err(problems.into_error(file));
    };
    let header = raw.plan.as_ref().map(|header| header.get_ref());
    let header = Header {
        title: header.and_then(|h| h.title.as_deref()).map(shown),
        source: header.and_then(|h| h.source.as_deref()).map(shown),
        years,
        uncertainty,
    };
    let origins = |name: &str| Origins::new(&locator, sets.for_scenario(name), &figures);
    let base = Scenario {
        name: BASE_SCENARIO.to_owned(),
        description: None,
        plan: header.plan(base_metrics),
    };
    each(base, &origins(BASE_SCENARIO));
    let scenarios = Scenarios {
        metrics: &metrics,
        sets: &sets,
        figures: &figures,
        locator: &locator,
        header: &header,
    };
    for (name, scenario) in &raw.scenarios {
        let built = scenarios.build(name, scenario.get_ref(), &mut problems);
        if let (Some(scenario), true) = (built, problems.is_empty()) {
            let origins = origins(&scenario.name);
            each(scenario, &origins);
        }
    }
    problems.finish(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Comparison, Goal, GoalKind, InStep, Location, Model, RateMethod, Stated};

    const PLAN: &str = "[plan]
base_year = 2015
target_year = 2017

[metrics.gdp]
baseline = 100
growth = \"5%\"
target = 110

[metrics.jobs]
baseline = 20
increment = [1, 2]

[scenarios.slow]
growth_shift = \"-2%\"
";

    fn parse(
        text: &str,
        sets: &[String],
        scenarios: &[String],
    ) -> Result<Vec<Scenario>, PlanError> {
        let additions = Additions {
            sets,
            scenarios,
            actuals: &[],
        };
        parse_plan(text, "t.toml", &additions)
    }

    /// The growth of the first metric, `gdp`.
    fn growth(scenario: &Scenario) -> Vec<f64> {
        match &scenario.plan.metrics[0].model {
            Model::Compound { growth, .. } => growth.clone(),
            other => panic!("gdp is compound, not {other:?}"),
        }
    }

    fn problems(text: &str) -> Vec<Problem> {
        parse(text, &[], &[]).unwrap_err().problems
    }

    /// The problems of `text`, one line each.
    fn described(text: &str) -> Vec<String> {
        parse(text, &[], &[]).unwrap_err().lines().collect()
    }

    #[test]
    fn the_base_plan_comes_first_then_the_scenarios_with_their_changes() {
        let scenarios = parse(PLAN, &[], &[]).unwrap();
        let names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["base", "slow"]);
        assert_eq!(growth(&scenarios[0]), [0.05, 0.05]);
        assert_eq!(growth(&scenarios[1]), [0.05 - 0.02, 0.05 - 0.02]);
        assert_eq!(scenarios[0].plan.metrics[1].line, 10);
    }

    #[test]
    fn a_metric_refusal_names_its_field_and_line() {
        let text = PLAN.replace("increment = [1, 2]", "increment = [1, 2, 3]");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].location, Some(Location::Line(12)));
        assert_eq!(found[0].metric.as_deref(), Some("jobs"));
        assert_eq!(found[0].field.as_deref(), Some("increment"));
        assert_eq!(
            found[0].fault.to_string(),
            "has 3 entries, but 2016–2017 has 2 projected years; give one number per year \
             (the first is for 2016) or a single number"
        );
    }

    #[test]
    fn a_goal_refusal_names_its_field_and_line() {
        let text = PLAN.replace("target = 110", "target = { about = 110 }");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].location.clone(), found[0].field.as_deref()),
            (Some(Location::Line(8)), Some("target"))
        );
        assert!(
            found[0]
                .fault
                .to_string()
                .starts_with("`about` needs a `tolerance`")
        );
    }

    #[test]
    fn problems_of_the_header_and_the_metrics_come_in_one_refusal() {
        let text = PLAN
            .replace("target_year = 2017", "target_year = 2015")
            .replace("baseline = 20\n", "");
        let lines: Vec<String> = parse(&text, &[], &[]).unwrap_err().lines().collect();
        assert_eq!(
            lines,
            [
                "t.toml:3: field `plan.target_year`: target_year 2015 must come after base_year 2015",
                "t.toml:10: metric `jobs`, field `baseline`: missing; add `baseline = <value in the base year>`",
            ]
        );
    }

    #[test]
    fn set_applies_to_the_requested_scenarios_and_is_named_when_it_fails() {
        let sets = ["gdp.growth=-99%".to_owned()];
        // Without --scenario, --set changes the base plan only.
        let scenarios = parse(PLAN, &sets, &[]).unwrap();
        assert_eq!(growth(&scenarios[0]), [-0.99, -0.99]);
        assert_eq!(growth(&scenarios[1]), [0.05 - 0.02, 0.05 - 0.02]);
        let lines: Vec<String> = parse(PLAN, &sets, &["slow".to_owned()])
            .unwrap_err()
            .lines()
            .collect();
        assert_eq!(
            lines,
            [
                "t.toml:15: scenario `slow`, metric `gdp`, field `growth_shift`: shifting by -2 % \
              takes the growth of `gdp` in 2016 to -101 % (that growth comes from \
              --set gdp.growth=-99%); rates must stay above -100 %"
            ]
        );
    }

    #[test]
    fn a_misspelt_set_is_refused_at_its_argument() {
        let sets = ["gdp.grwth=5%".to_owned(), "gdp".to_owned()];
        let found = parse(PLAN, &sets, &[]).unwrap_err().problems;
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].location,
            Some(Location::Argument("--set gdp".to_owned()))
        );
        assert!(
            found[0]
                .fault
                .to_string()
                .starts_with("expected ID.FIELD=VALUE")
        );
        assert_eq!(
            (found[1].location.clone(), found[1].field.as_deref()),
            (
                Some(Location::Argument("--set gdp.grwth=5%".to_owned())),
                Some("grwth")
            )
        );
    }

    #[test]
    fn a_reserved_scenario_name_is_refused_at_its_table() {
        let text = PLAN.replace("[scenarios.slow]", "[scenarios.all]");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].scenario.as_deref(), Some("all"));
        assert_eq!(found[0].location, Some(Location::Line(14)));
    }

    /// GDP with four history figures and `growth` as given.
    fn with_history(growth: &str, more: &str) -> String {
        format!(
            "[plan]\nbase_year = 2015\ntarget_year = 2017\n\n\
             [metrics.gdp]\nbaseline = 146.41\ngrowth = {growth}\n\
             history = {{ 2011 = 100, 2012 = 110, 2013 = 121, 2014 = 133.1 }}\n{more}"
        )
    }

    #[test]
    fn growth_from_the_trend_of_the_history() {
        let scenarios = parse(&with_history("\"trend\"", ""), &[], &[]).unwrap();
        let gdp = &scenarios[0].plan.metrics[0];
        assert_eq!(gdp.history.len(), 4);
        // (146.41 / 100)^(1/4) - 1 = 10 % a year, every projected year.
        assert_eq!(growth(&scenarios[0]), [0.1, 0.1]);
        let derived = gdp.trend.unwrap();
        assert_eq!(derived.estimator, crate::calc::trend::Estimator::Cagr);
        assert_eq!((derived.found.points, derived.found.from_year), (5, 2011));
        // A rate set on top replaces the trend, and "trend" replaces a rate.
        let sets = ["gdp.growth=5%".to_owned()];
        let set = parse(&with_history("\"trend\"", ""), &sets, &[]).unwrap();
        assert_eq!(
            (growth(&set[0]), set[0].plan.metrics[0].trend),
            (vec![0.05, 0.05], None)
        );
        let sets = ["gdp.growth=trend".to_owned()];
        let set = parse(&with_history("0.05", ""), &sets, &[]).unwrap();
        assert_eq!(growth(&set[0]), [0.1, 0.1]);
    }

    #[test]
    fn trend_refusals_name_the_line_metric_and_field() {
        let text = with_history("\"trend\"", "trend = \"recent5\"\n");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].location.clone(), found[0].field.as_deref()),
            (Some(Location::Line(7)), Some("growth"))
        );
        assert!(
            found[0].fault.to_string().starts_with(
                "\"trend\" by recent5 needs at least 5 history figures before 2015, found 4"
            ),
            "{}",
            found[0].fault.to_string()
        );
        // `trend` without "trend" to estimate, and an unknown estimator.
        let found = problems(&with_history("0.05", "trend = \"loglinear\"\n"));
        assert_eq!(found[0].field.as_deref(), Some("trend"));
        assert!(
            found[0]
                .fault
                .to_string()
                .contains("but `growth` is not \"trend\"")
        );
        let found = problems(&with_history("\"trend\"", "trend = \"spline\"\n"));
        assert!(
            found[0]
                .fault
                .to_string()
                .starts_with("\"spline\" is not an estimator")
        );
        // History at or after the base year, or not positive on a compound metric.
        let text = with_history("0.05", "")
            .replace("2013 = 121, 2014 = 133.1", "2013 = -1, 2015 = 146.41");
        let lines: Vec<String> = parse(&text, &[], &[]).unwrap_err().lines().collect();
        assert!(
            lines.iter().any(|l| l.starts_with(
                "t.toml:8: metric `gdp`, field `history`: 2015 is not before the base year 2015"
            )),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.contains("2013: -1 is not positive")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_scenario_that_replaces_the_trend_keeps_the_estimator_quiet() {
        let text = with_history(
            "\"trend\"",
            "trend = \"loglinear\"\n\n[scenarios.fixed.metrics.gdp]\ngrowth = \"3%\"\n",
        );
        let scenarios = parse(&text, &[], &[]).unwrap();
        assert_eq!(growth(&scenarios[1]), [0.03, 0.03]);
        assert!(scenarios[0].plan.metrics[0].trend.is_some());
    }

    #[test]
    fn a_deflator_belongs_to_a_compound_metric_and_stays_above_minus_100_percent() {
        let text = PLAN
            .replace(
                "growth = \"5%\"\n",
                "growth = \"5%\"\ndeflator = [\"2%\", \"-100%\"]\n",
            )
            .replace(
                "increment = [1, 2]\n",
                "increment = [1, 2]\ndeflator = \"2%\"\n",
            )
            + "[metrics.share]\nratio = { numerator = \"jobs\", denominator = \"gdp\", prices = \"real\" }\n\
               deflator = 0.01\n";
        assert_eq!(
            described(&text),
            [
                "t.toml:8: metric `gdp`, field `deflator`: entry for 2017: a deflator of -100 % \
                 would wipe the price level out; deflators must be above -100 %",
                "t.toml:14: metric `jobs`, field `deflator`: a deflator turns real growth into \
                 levels at current prices, and a linear metric has no growth rate; remove \
                 `deflator`, or give the metric `growth` instead of `increment`",
                "t.toml:20: metric `share`, field `deflator`: a ratio takes its prices from its \
                 parts: put `deflator` on its numerator or denominator, and \
                 `prices = \"comparable\"` in `ratio` to divide their real paths",
                "t.toml:19: metric `share`, field `ratio.prices`: expected \"current\" (现价: the \
                 parts' levels) or \"comparable\" (可比价: the parts' real paths, without their \
                 deflators), found the string \"real\"",
            ]
        );
    }

    #[test]
    fn a_scenario_may_change_a_deflator() {
        let text = PLAN.replace("growth = \"5%\"\n", "growth = \"5%\"\ndeflator = \"2%\"\n")
            + "[scenarios.slow.metrics.gdp]\ndeflator = \"4%\"\n";
        let scenarios = parse(&text, &["gdp.deflator=3%".to_owned()], &[]).unwrap();
        let deflator = |s: &Scenario| match &s.plan.metrics[0].model {
            Model::Compound { deflator, .. } => deflator.clone(),
            other => panic!("gdp is compound, not {other:?}"),
        };
        assert_eq!(deflator(&scenarios[0]), Some(vec![0.03, 0.03]));
        assert_eq!(deflator(&scenarios[1]), Some(vec![0.04, 0.04]));
    }

    #[test]
    fn goal_fields_are_read_in_their_own_terms_and_set_like_the_others() {
        let text = PLAN.replace(
            "target = 110\n",
            "target = 110\nchange_target = { at_most = \"-13.5%\" }\nincrease_target = 5\n\
             total_target = { about = 600, tolerance = 10 }\nrate_target = \"4%\"\n",
        );
        let scenarios = parse(&text, &["gdp.change_target=20%".to_owned()], &[]).unwrap();
        let goal = |comparison, value| Goal { comparison, value };
        let gdp = &scenarios[1].plan.metrics[0];
        let goals: Vec<(GoalKind, Goal)> = gdp
            .goals()
            .filter_map(|(kind, stated)| match stated {
                Stated::Value(g) => Some((kind, g)),
                Stated::InStep(_) => None,
            })
            .collect();
        assert_eq!(
            goals,
            [
                (GoalKind::Level, goal(Comparison::AtLeast, 110.0)),
                (GoalKind::Rate, goal(Comparison::AtLeast, 0.04)),
                (GoalKind::Change, goal(Comparison::AtMost, -0.135)),
                (GoalKind::Increase, goal(Comparison::AtLeast, 5.0)),
                (
                    GoalKind::Total,
                    goal(Comparison::About { tolerance: 10.0 }, 600.0)
                ),
            ]
        );
        // --set replaced the change goal of the base plan only.
        let set = scenarios[0].plan.metrics[0].change_goal;
        assert_eq!(set, Some(goal(Comparison::AtLeast, 0.2)));
    }

    #[test]
    fn a_total_of_a_share_and_a_change_without_its_percent_sign_are_refused() {
        let text = PLAN.replace("target = 110\n", "target = 110\nchange_target = -13.5\n")
            + "[metrics.share]\nratio = { numerator = \"jobs\", denominator = \"gdp\" }\n\
               total_target = 100\nrate_target = { at_most = \"-3%\" }\n";
        assert_eq!(
            described(&text),
            [
                "t.toml:9: metric `gdp`, field `change_target`: -13.5 would mean a change of \
                 -1350 %; write -0.135 or \"-13.5%\" for -13.5 %, or \"-1350%\" if that \
                 change is meant",
                "t.toml:19: metric `share`, field `total_target`: a share's values do not add \
                 up over the years; put `total_target` on its numerator or denominator, or use \
                 `target` for the share in the target year",
            ]
        );
    }

    #[test]
    fn an_in_step_goal_alone_in_its_plan_says_there_is_no_other_metric() {
        let text = "[plan]\nbase_year = 2015\ntarget_year = 2017\n\n[metrics.gdp]\n\
                    baseline = 100\ngrowth = \"5%\"\nrate_target = { in_step_with = \"gdp\" }\n";
        assert_eq!(
            described(text),
            [
                "t.toml:8: metric `gdp`, field `rate_target`: a metric cannot keep pace with \
              itself; the plan has no other metric: add one, or state the rate"
            ]
        );
    }

    #[test]
    fn an_in_step_goal_names_another_metric_of_the_plan() {
        let text = PLAN.replace(
            "target = 110\n",
            "target = 110\nrate_target = { in_step_with = \"gdp\" }\n",
        ) + "[metrics.income]\nbaseline = 3\ngrowth = 0.05\nrate_target = { in_step_with = \"GDP\" }\n";
        assert_eq!(
            described(&text),
            [
                "t.toml:9: metric `gdp`, field `rate_target`: a metric cannot keep pace with \
                 itself; name the metric whose growth `gdp` should keep pace with: jobs, income",
                "t.toml:20: metric `income`, field `rate_target`: `GDP` is not a metric of this \
                 plan; metrics it can keep pace with: gdp, jobs",
            ]
        );
        let text = text
            .replace(
                "{ in_step_with = \"GDP\" }",
                "{ in_step_with = \"gdp\", tolerance = \"1%\" }",
            )
            .replace("rate_target = { in_step_with = \"gdp\" }\n", "");
        let income = &parse(&text, &[], &[]).unwrap()[0].plan.metrics[2];
        assert_eq!(
            income.in_step_goal,
            Some(InStep {
                metric: 0,
                tolerance: 0.01
            })
        );
        assert_eq!(income.rate_goal, None);
    }

    #[test]
    fn binding_goals_and_the_rate_method_are_marked_and_may_be_set() {
        let text = PLAN.replace("target = 110\n", "target = 110\nbinding = true\n");
        let sets = [
            "jobs.binding=true".to_owned(),
            "gdp.rate_method=cumulative".to_owned(),
        ];
        let scenarios = parse(&text, &sets, &[]).unwrap();
        let marks = |s: &Scenario| -> Vec<(bool, RateMethod)> {
            s.plan
                .metrics
                .iter()
                .map(|m| (m.binding, m.rate_method))
                .collect()
        };
        assert_eq!(
            marks(&scenarios[0]),
            [(true, RateMethod::Cumulative), (true, RateMethod::Endpoint)]
        );
        assert_eq!(
            marks(&scenarios[1]),
            [(true, RateMethod::Endpoint), (false, RateMethod::Endpoint)]
        );
        assert_eq!(
            described(&PLAN.replace("target = 110\n", "target = 110\nbinding = \"yes\"\n")),
            [
                "t.toml:9: metric `gdp`, field `binding`: expected true (约束性: binding goals) or \
              false (预期性: expected goals, the default), found the string \"yes\""
            ]
        );
    }

    #[test]
    fn a_syntax_error_is_refused_alone() {
        let found = problems("[plan\nbase_year = 2015\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].location.clone(), found[0].column),
            (Some(Location::Line(1)), Some(6))
        );
    }
}
