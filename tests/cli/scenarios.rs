//! Scenarios, `--set`, `sensitivity` and `explain`, checked against values
//! worked out by hand from the shipped plan (targets.toml):
//!
//! | metric              | baseline | model            | level goal | rate goal    |
//! |---------------------|----------|------------------|------------|--------------|
//! | service_investment  | 68       | +16 % a year     | ≥ 150      | ≥ 16 %       |
//! | service_value_added | 25       | +20 % a year     | ≥ 60       | 20 % ± 1 %   |
//! | service_firms       | 120      | +16 a year       | ≥ 200      |              |
//! | service_revenue     | 420      | +18 % a year     | ≥ 1000     |              |
//! | emerging_share      | 40 / 420 | 20 % over 9 %    | ≥ 15 %     |              |
//! | hightech_share      | 55 / 270 | 14 % over 8.5 %  | ≥ 30 %     |              |
//!
//! Scenario `slow` sets service_investment to 12 % and shifts every compound
//! growth by -3 points; `fast` shifts by +2 points. Five years are projected
//! (2015–2020). Numbers are printed rounded to 15 significant digits.

use std::collections::BTreeSet;
use std::fs;

use serde_json::Value;
use tempfile::TempDir;

use crate::common::{Ran, SHIPPED, dabiao, plan, stdout_of, table_row};

/// The shipped plan's scenarios, in the order `--scenario all` reports them.
const SCENARIOS: [&str; 3] = ["base", "slow", "fast"];

/// The shipped plan's goals as (metric, goal kind), in report order.
const GOALS: [(&str, &str); 8] = [
    ("service_investment", "level"),
    ("service_investment", "rate"),
    ("service_value_added", "level"),
    ("service_value_added", "rate"),
    ("service_firms", "level"),
    ("service_revenue", "level"),
    ("emerging_share", "level"),
    ("hightech_share", "level"),
];

// Helpers

/// CSV as dabiao writes it, split into a header and rows. None of the
/// outputs read here needs quoting, which `parse` checks.
struct Csv {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    fn parse(text: &str) -> Csv {
        assert!(!text.contains('"'), "no quoted fields expected:\n{text}");
        let mut lines = text
            .lines()
            .map(|line| line.split(',').map(str::to_owned).collect::<Vec<_>>());
        let header = lines.next().expect("a header line");
        let rows: Vec<Vec<String>> = lines.collect();
        for row in &rows {
            assert_eq!(row.len(), header.len(), "ragged row {row:?} in:\n{text}");
        }
        Csv { header, rows }
    }

    fn index(&self, column: &str) -> usize {
        self.header
            .iter()
            .position(|c| c == column)
            .unwrap_or_else(|| panic!("no column `{column}` in {:?}", self.header))
    }

    /// Row `row`'s cell in `column`.
    fn value(&self, row: usize, column: &str) -> &str {
        &self.rows[row][self.index(column)]
    }

    /// Every cell of `column`, top to bottom.
    fn column(&self, column: &str) -> Vec<&str> {
        (0..self.rows.len())
            .map(|row| self.value(row, column))
            .collect()
    }

    /// The cell in `column` of the one row for this scenario, metric and goal kind.
    fn cell(&self, scenario: &str, metric: &str, goal: &str, column: &str) -> &str {
        let key = [scenario, metric, goal];
        let matching: Vec<usize> = (0..self.rows.len())
            .filter(|&row| {
                ["scenario", "metric", "goal"]
                    .iter()
                    .zip(key)
                    .all(|(c, want)| self.value(row, c) == want)
            })
            .collect();
        let [row] = matching[..] else {
            panic!("expected one row for {key:?}, found {}", matching.len());
        };
        self.value(row, column)
    }
}

/// `dabiao args…` from the repository root, as CSV.
fn csv_of(args: &[&str]) -> Csv {
    Csv::parse(&stdout_of(args))
}

/// `dabiao args…` from the repository root, as JSON.
fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).expect("dabiao writes valid JSON")
}

fn number(text: &str) -> f64 {
    text.parse()
        .unwrap_or_else(|_| panic!("expected a number, found {text:?}"))
}

/// Asserts |actual - expected| ≤ relative × |expected|.
fn assert_close(actual: f64, expected: f64, relative: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= relative * expected.abs(),
        "{what}: {actual} is not within {relative} (relative) of {expected}"
    );
}

/// Runs `dabiao args…` from the repository root and asserts a refusal:
/// status 2, nothing on stdout, one `error: ` message holding every part.
fn refused_with(args: &[&str], parts: &[&str]) {
    let stderr = Ran::of(&mut dabiao(), args).refused();
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "dabiao {args:?} should give one message:\n{stderr}"
    );
    for part in parts {
        assert!(
            stderr.contains(part),
            "dabiao {args:?}: message should contain {part:?}:\n{stderr}"
        );
    }
}

/// A plan file in a fresh temporary folder, named by its absolute path so
/// that the binary can run from the repository root as everywhere else.
struct PlanFile {
    _dir: TempDir,
    path: String,
}

impl PlanFile {
    fn new(text: &str) -> PlanFile {
        let dir = TempDir::new().expect("create a temporary folder");
        let path = dir.path().join("plan.toml");
        fs::write(&path, text).expect("write the plan");
        let path = path.to_str().expect("a UTF-8 temporary path").to_owned();
        PlanFile { _dir: dir, path }
    }

    /// `file:line:` as messages name a line of this file.
    fn at(&self, line: usize) -> String {
        format!("{}:{line}:", self.path)
    }
}

/// A plan with one compound metric `gdp` growing at `growth` (lines 1–8),
/// a blank line, then `scenarios` from line 10 on.
fn plan_with_scenarios(growth: &str, scenarios: &str) -> String {
    plan(&format!(
        "[metrics.gdp]\nbaseline = 100\ngrowth = {growth}\ntarget = 50\n\n{scenarios}"
    ))
}

/// Asserts that `validate` and `report` both refuse `text` with one message
/// holding `parts` and naming line `line` of the file.
fn plan_refused(text: &str, line: usize, parts: &[&str]) {
    let plan = PlanFile::new(text);
    let at = plan.at(line);
    let mut expected = vec![at.as_str()];
    expected.extend_from_slice(parts);
    refused_with(&["validate", &plan.path], &expected);
    refused_with(&[&plan.path], &expected);
}

/// The goals reached in the summary CSV `csv` for `scenario`, as "metric/goal".
fn reached(csv: &Csv, scenario: &str) -> BTreeSet<String> {
    (0..csv.rows.len())
        .filter(|&row| {
            csv.value(row, "scenario") == scenario && csv.value(row, "status") == "reached"
        })
        .map(|row| format!("{}/{}", csv.value(row, "metric"), csv.value(row, "goal")))
        .collect()
}

fn set_of(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

// 1. Scenario overrides and growth shifts

#[test]
fn slow_scenario_replaces_growth_then_shifts_it_down() {
    let csv = csv_of(&["--scenario", "slow", "-f", "csv"]);
    assert_eq!(csv.column("scenario"), ["slow"; 8]);
    // service_investment: 12 % from the override, -3 points from the shift: 9 %.
    // 68 × 1.09⁵ = 104.62642893320003 → 15 digits: 104.6264289332.
    let projected = |metric, goal| csv.cell("slow", metric, goal, "projected");
    assert_eq!(projected("service_investment", "level"), "104.6264289332");
    assert_eq!(projected("service_investment", "rate"), "0.09");
    // Metrics without an override only shift: 420 × 1.15⁵ = 844.77001875.
    assert_eq!(projected("service_revenue", "level"), "844.77001875");
}

#[test]
fn fast_scenario_shifts_every_compound_growth_up() {
    let csv = csv_of(&["--scenario", "fast", "-f", "csv"]);
    let projected = |metric, goal| csv.cell("fast", metric, goal, "projected");
    // 420 × 1.20⁵ = 1045.0944; 68 × 1.18⁵ = 155.56752746239997 → 155.5675274624.
    assert_eq!(projected("service_revenue", "level"), "1045.0944");
    assert_eq!(projected("service_investment", "level"), "155.5675274624");
    assert_eq!(projected("service_value_added", "rate"), "0.22");
}

#[test]
fn linear_metric_is_the_same_in_every_scenario() {
    // 120 + 16 a year: 136, 152, 168, 184, 200, whatever the growth shift.
    let years = csv_of(&["--scenario", "all", "-f", "csv", "--table", "years"]);
    for scenario in SCENARIOS {
        let values: Vec<&str> = (0..years.rows.len())
            .filter(|&row| {
                years.value(row, "scenario") == scenario
                    && years.value(row, "metric") == "service_firms"
            })
            .map(|row| years.value(row, "value"))
            .collect();
        assert_eq!(
            values,
            ["120", "136", "152", "168", "184", "200"],
            "{scenario}"
        );
    }
}

// 2. `--scenario all`

#[test]
fn scenario_all_csv_has_eight_goals_per_scenario_in_order() {
    let csv = csv_of(&["--scenario", "all", "-f", "csv"]);
    assert_eq!(csv.rows.len(), 24);
    let expected: Vec<(&str, &str, &str)> = SCENARIOS
        .iter()
        .flat_map(|s| GOALS.iter().map(move |(m, g)| (*s, *m, *g)))
        .collect();
    let found: Vec<(&str, &str, &str)> = (0..csv.rows.len())
        .map(|row| {
            (
                csv.value(row, "scenario"),
                csv.value(row, "metric"),
                csv.value(row, "goal"),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn scenario_all_reaches_five_two_and_six_goals() {
    let csv = csv_of(&["--scenario", "all", "-f", "csv"]);
    // base: 68 × 1.16⁵ = 142.82 < 150 and 420 × 1.18⁵ = 960.86 < 1000 missed;
    // shares 40·1.2⁵ / (420·1.09⁵) = 15.40 % ≥ 15 reached, 55·1.14⁵ / (270·1.085⁵)
    // = 26.08 % < 30 missed.
    assert_eq!(
        reached(&csv, "base"),
        set_of(&[
            "service_investment/rate",
            "service_value_added/level",
            "service_value_added/rate",
            "service_firms/level",
            "emerging_share/level",
        ])
    );
    // slow: 9 % (104.63, rate 9 %), 17 % (25 × 1.17⁵ = 54.81 < 60, 17 % outside
    // 19–21 %), 15 % (844.77) all missed; the share 40·1.17⁵ / (420·1.06⁵) = 15.60 %
    // still reached, 55·1.11⁵ / (270·1.055⁵) = 26.26 % still missed.
    assert_eq!(
        reached(&csv, "slow"),
        set_of(&["service_firms/level", "emerging_share/level"])
    );
    // fast: 155.57 ≥ 150 at 18 % ≥ 16 %; 67.57 ≥ 60 but 22 % outside 19–21 %;
    // 1045.09 ≥ 1000; shares 15.28 % reached, 25.97 % missed.
    assert_eq!(
        reached(&csv, "fast"),
        set_of(&[
            "service_investment/level",
            "service_investment/rate",
            "service_value_added/level",
            "service_firms/level",
            "service_revenue/level",
            "emerging_share/level",
        ])
    );
}

#[test]
fn repeated_scenarios_run_once_in_the_order_asked() {
    let csv = csv_of(&[
        "--scenario",
        "fast",
        "--scenario",
        "slow",
        "--scenario",
        "fast",
        "-f",
        "csv",
    ]);
    let mut order = csv.column("scenario");
    order.dedup();
    assert_eq!(order, ["fast", "slow"]);
    assert_eq!(csv.rows.len(), 16);
}

#[test]
fn scenario_all_table_ends_with_goals_reached_per_scenario() {
    let text = stdout_of(&["--scenario", "all", "--table", "summary"]);
    assert!(text.contains("Goals by scenario"), "{text}");
    assert_eq!(
        table_row(&text, "Metric")[3..],
        ["base", "slow", "fast"],
        "one column per scenario"
    );
    assert_eq!(
        table_row(&text, "Goals reached"),
        ["Goals reached", "", "", "5/8", "2/8", "6/8"]
    );
    // It is the last row: the table's bottom border follows it.
    let lines: Vec<&str> = text.lines().collect();
    let last_row = lines
        .iter()
        .position(|l| l.contains("Goals reached"))
        .expect("a Goals reached row");
    assert!(lines[last_row + 1].starts_with('└'), "{text}");
}

#[test]
fn scenario_all_json_holds_one_object_per_scenario() {
    let json = json_of(&["--scenario", "all", "-f", "json"]);
    assert!(json.get("scenario").is_none() && json.get("goals").is_none());
    let scenarios = json["scenarios"].as_array().expect("a scenarios array");
    let names: Vec<&str> = scenarios
        .iter()
        .map(|s| s["scenario"].as_str().expect("a scenario name"))
        .collect();
    assert_eq!(names, SCENARIOS);
    for scenario in scenarios {
        assert_eq!(scenario["goals"].as_array().map(Vec::len), Some(8));
        assert_eq!(scenario["series"].as_array().map(Vec::len), Some(10));
        let name = &scenario["scenario"];
        assert!(
            scenario["goals"]
                .as_array()
                .into_iter()
                .flatten()
                .all(|g| &g["scenario"] == name),
            "every goal carries its scenario"
        );
    }
    assert!(scenarios[0].get("description").is_none());
    assert_eq!(scenarios[1]["description"], "增速比规划低3个百分点");
    assert_eq!(scenarios[2]["description"], "增速比规划高2个百分点");
}

#[test]
fn plain_json_keeps_the_single_scenario_shape() {
    let json = json_of(&["-f", "json"]);
    assert!(json.get("scenarios").is_none());
    assert_eq!(json["scenario"], "base");
    assert_eq!(json["goals"].as_array().map(Vec::len), Some(8));
    assert_eq!(json["series"].as_array().map(Vec::len), Some(10));
}

// 3. `--set`

#[test]
fn set_growth_replaces_the_plan_rate() {
    let csv = csv_of(&["-f", "csv", "--set", "service_investment.growth=18%"]);
    // 68 × 1.18⁵ = 155.56752746239997 → 155.5675274624 ≥ 150.
    assert_eq!(
        csv.cell("base", "service_investment", "level", "projected"),
        "155.5675274624"
    );
    assert_eq!(
        csv.cell("base", "service_investment", "level", "status"),
        "reached"
    );
    assert_eq!(
        csv.cell("base", "service_investment", "rate", "projected"),
        "0.18"
    );
}

#[test]
fn set_baseline_moves_the_path_and_the_share_built_on_it() {
    let set = ["--set", "gdp.baseline=450"];
    let years = csv_of(&[&["-f", "csv", "--table", "years"][..], &set].concat());
    let gdp: Vec<&str> = (0..years.rows.len())
        .filter(|&row| years.value(row, "metric") == "gdp")
        .map(|row| years.value(row, "value"))
        .collect();
    // 450 × 1.09⁵ = 692.380779705.
    assert_eq!(gdp.first(), Some(&"450"));
    assert_eq!(gdp.last(), Some(&"692.380779705"));
    // The share falls: 40 / 450 = 8.88888888888889 % in 2015, and
    // 40 × 1.2⁵ / 692.380779705 = 14.3754423747013 % < 15 in 2020.
    let summary = csv_of(&[&["-f", "csv"][..], &set].concat());
    let share = |column| summary.cell("base", "emerging_share", "level", column);
    assert_eq!(share("baseline"), "8.88888888888889");
    assert_eq!(share("projected"), "14.3754423747013");
    assert_eq!(share("status"), "missed");
}

#[test]
fn set_target_changes_the_goal_column() {
    let csv = csv_of(&["-f", "csv", "--set", "hightech_share.target=28"]);
    let cell = |column| csv.cell("base", "hightech_share", "level", column);
    assert_eq!(cell("target"), "28");
    // 26.0840179917357 - 28 = -1.9159820082643: still missed.
    assert_eq!(cell("gap"), "-1.9159820082643");
    assert_eq!(cell("status"), "missed");
}

#[test]
fn set_applies_on_top_of_a_scenario_and_its_shift_on_top_of_both() {
    let csv = csv_of(&[
        "--scenario",
        "all",
        "-f",
        "csv",
        "--set",
        "service_investment.growth=18%",
    ]);
    let projected = |scenario| csv.cell(scenario, "service_investment", "level", "projected");
    // base 18 %: 68 × 1.18⁵; slow replaces 12 % by 18 % then shifts to 15 %:
    // 68 × 1.15⁵ = 136.77228875; fast shifts to 20 %: 68 × 1.2⁵ = 169.20576.
    assert_eq!(projected("base"), "155.5675274624");
    assert_eq!(projected("slow"), "136.77228875");
    assert_eq!(projected("fast"), "169.20576");
}

#[test]
fn bad_set_arguments_are_refused_naming_the_argument() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "nope.growth=1%",
            &[
                "metric `nope`",
                "not a metric of this plan",
                "service_firms",
            ],
        ),
        (
            "gdp.name=x",
            &["field `name`", "`name` cannot be changed", "`rate_target`"],
        ),
        (
            "service_firms.growth=5%",
            &["the metric is linear", "cannot change a metric's kind"],
        ),
        ("gdp.growth=16", &["16 would mean 1600 % a year"]),
        ("gdp", &["expected ID.FIELD=VALUE"]),
    ];
    for (argument, parts) in cases {
        let named = format!("targets.toml: --set {argument}: ");
        let mut expected = vec![named.as_str()];
        expected.extend_from_slice(parts);
        refused_with(&["--set", argument], &expected);
    }
}

// 4. Bad scenarios in a plan file

#[test]
fn scenarios_named_base_or_all_are_reserved() {
    for name in ["base", "all"] {
        let expected = format!("`{name}` is reserved");
        plan_refused(
            &plan_with_scenarios(
                "\"5%\"",
                &format!("[scenarios.{name}]\ngrowth_shift = \"1%\"\n"),
            ),
            10,
            &[&format!("scenario `{name}`"), &expected, "rename"],
        );
    }
}

#[test]
fn scenario_override_of_an_unknown_metric_lists_the_metrics() {
    plan_refused(
        &plan_with_scenarios("\"5%\"", "[scenarios.x.metrics.nope]\ngrowth = \"1%\"\n"),
        11,
        &[
            "scenario `x`, metric `nope`",
            "not a metric of this plan; metrics: gdp",
        ],
    );
}

#[test]
fn scenario_override_of_an_unknown_field_shows_the_line() {
    plan_refused(
        &plan_with_scenarios("\"5%\"", "[scenarios.x.metrics.gdp]\nname = \"y\"\n"),
        11,
        &[
            "in [scenarios.x.metrics.gdp]: unknown field `name`",
            "`baseline`, `growth`, `increment`, `target`, `rate_target`",
            " 11 | name = \"y\"",
        ],
    );
}

#[test]
fn growth_shift_to_minus_100_percent_names_scenario_metric_and_year() {
    // (growth, year in which growth + shift first reaches -100 %, that rate).
    let cases = [
        // -5 % - 96 % = -101 % from the first projected year.
        ("\"-5%\"", "2016", "-101 %"),
        // Exactly -100 % is refused too.
        ("\"-4%\"", "2016", "-100 %"),
        // Only the third year's -5 % falls that low.
        (
            "[\"1%\", \"1%\", \"-5%\", \"1%\", \"1%\"]",
            "2018",
            "-101 %",
        ),
    ];
    for (growth, year, rate) in cases {
        let expected = format!("takes the growth of `gdp` in {year} to {rate}");
        plan_refused(
            &plan_with_scenarios(growth, "[scenarios.crash]\ngrowth_shift = \"-96%\"\n"),
            11,
            &[
                "scenario `crash`, metric `gdp`, field `growth_shift`",
                "shifting by -96 %",
                &expected,
            ],
        );
    }
    // -3 % - 96 % = -99 % is still a rate.
    let plan = PlanFile::new(&plan_with_scenarios(
        "\"-3%\"",
        "[scenarios.crash]\ngrowth_shift = \"-96%\"\n",
    ));
    let csv = csv_of(&[&plan.path, "--scenario", "crash", "-f", "csv"]);
    // 100 × 0.01⁵ = 1e-8.
    assert_eq!(csv.cell("crash", "gdp", "level", "projected"), "0.00000001");
}

#[test]
fn unknown_scenario_on_the_command_line_lists_the_available_ones() {
    refused_with(
        &["--scenario", "nope"],
        &[
            "targets.toml: no scenario `nope`",
            "this plan has: base, slow, fast (or `all`)",
        ],
    );
}

// 5. `dabiao sensitivity`

#[test]
fn default_sweep_shifts_growth_from_minus_5_to_plus_5_percent() {
    let grid = csv_of(&["sensitivity", "-f", "csv", "--table", "grid"]);
    assert_eq!(
        grid.header.join(","),
        "scenario,metric,goal,shift,projected,status"
    );
    assert_eq!(grid.rows.len(), 8 * 11);
    let shifts = [
        "-0.05", "-0.04", "-0.03", "-0.02", "-0.01", "0", "0.01", "0.02", "0.03", "0.04", "0.05",
    ];
    for (block, (metric, goal)) in GOALS.iter().enumerate() {
        let rows = block * 11..(block + 1) * 11;
        for (row, shift) in rows.zip(shifts) {
            assert_eq!(
                [grid.value(row, "metric"), grid.value(row, "goal")],
                [*metric, *goal]
            );
            assert_eq!(grid.value(row, "shift"), shift);
        }
    }
    // service_investment's level at each shift s is 68 × (1.16 + s)⁵, reached from 150.
    for row in 0..11 {
        let shift = number(grid.value(row, "shift"));
        let expected = 68.0 * (1.16 + shift).powi(5);
        let projected = number(grid.value(row, "projected"));
        assert_close(projected, expected, 1e-12, &format!("shift {shift}"));
        let status = if expected >= 150.0 {
            "reached"
        } else {
            "missed"
        };
        assert_eq!(grid.value(row, "status"), status, "shift {shift}");
    }
    // The terminal table has the same eleven columns.
    let header = table_row(&stdout_of(&["sensitivity", "--table", "grid"]), "Metric");
    assert_eq!(
        header[3..],
        [
            "-5%", "-4%", "-3%", "-2%", "-1%", "0%", "+1%", "+2%", "+3%", "+4%", "+5%"
        ]
    );
}

#[test]
fn break_even_shifts_match_hand_computed_values() {
    let csv = csv_of(&["sensitivity", "-f", "csv", "--table", "break-even"]);
    assert_eq!(
        csv.header.join(","),
        "scenario,metric,goal,break_even_shift,break_even_rate"
    );
    assert_eq!(csv.rows.len(), 8);
    let shift = |metric, goal| number(csv.cell("base", metric, goal, "break_even_shift"));
    // The rate that reaches the level exactly, minus the plan's rate; printed to 8 decimals.
    let cases = [
        // (150/68)^(1/5) - 1 - 0.16 = 0.0114303433
        ("service_investment", (150.0f64 / 68.0).powf(0.2) - 1.16),
        // (60/25)^(1/5) - 1.20 = -0.0086421018
        ("service_value_added", (60.0f64 / 25.0).powf(0.2) - 1.2),
        // (1000/420)^(1/5) - 1.18 = 0.0094608218
        ("service_revenue", (1000.0f64 / 420.0).powf(0.2) - 1.18),
    ];
    for (metric, expected) in cases {
        let found = shift(metric, "level");
        assert!((found - expected).abs() < 1e-8, "{metric}: {found}");
    }
    // 0.1714303433 rounded up, to the side where 150 is reached.
    assert_eq!(
        csv.cell("base", "service_investment", "level", "break_even_rate"),
        "0.17143035"
    );
    // The rate goals sit on their edges: 16 % exactly, and the top of 20 % ± 1 %.
    assert_eq!(shift("service_investment", "rate"), 0.0);
    assert_eq!(shift("service_value_added", "rate"), 0.01);
    // A linear metric does not move with growth.
    for column in ["break_even_shift", "break_even_rate"] {
        assert_eq!(csv.cell("base", "service_firms", "level", column), "");
    }
}

#[test]
fn break_even_shifts_flip_the_status_when_rerun_as_scenarios() {
    let break_even = csv_of(&["sensitivity", "-f", "csv", "--table", "break-even"]);
    // For every goal with a break-even shift s: scenarios at s - 1e-6, s and s + 1e-6.
    let mut scenarios = String::new();
    let mut checked = Vec::new();
    for row in 0..break_even.rows.len() {
        let text = break_even.value(row, "break_even_shift");
        if text.is_empty() {
            continue;
        }
        let s = number(text);
        for (side, x) in [("below", s - 1e-6), ("at", s), ("above", s + 1e-6)] {
            scenarios.push_str(&format!(
                "\n[scenarios.edge{row}_{side}]\ngrowth_shift = {x:.12}\n"
            ));
        }
        checked.push((
            row,
            break_even.value(row, "metric"),
            break_even.value(row, "goal"),
        ));
    }
    assert_eq!(checked.len(), 7, "every goal but service_firms can flip");
    let plan = PlanFile::new(&format!("{SHIPPED}{scenarios}"));
    let report = csv_of(&[&plan.path, "--scenario", "all", "-f", "csv"]);
    for (row, metric, goal) in checked {
        let cell =
            |side: &str, column| report.cell(&format!("edge{row}_{side}"), metric, goal, column);
        assert_ne!(
            cell("below", "status"),
            cell("above", "status"),
            "{metric} {goal}: the status should flip across the break-even shift"
        );
        // At the break-even shift the value sits on the goal's edge: the
        // target, or for an `about` goal the target ± the tolerance.
        let target = number(cell("at", "target"));
        let edges = match cell("at", "op") {
            "~" => {
                let tolerance = number(cell("at", "tolerance"));
                vec![target - tolerance, target + tolerance]
            }
            _ => vec![target],
        };
        let projected = number(cell("at", "projected"));
        let nearest = edges
            .into_iter()
            .min_by(|a, b| (projected - a).abs().total_cmp(&(projected - b).abs()))
            .expect("an edge");
        assert_close(projected, nearest, 1e-6, &format!("{metric} {goal}"));
    }
}

#[test]
fn linear_metric_has_no_break_even_and_json_says_unaffected() {
    let json = json_of(&["sensitivity", "-f", "json"]);
    let rows = json["break_even"].as_array().expect("a break_even array");
    assert_eq!(rows.len(), 8);
    let firms = rows
        .iter()
        .find(|r| r["metric"] == "service_firms")
        .expect("a row for service_firms");
    assert_eq!(firms["reason"], "unaffected");
    assert!(firms["break_even_shift"].is_null() && firms["break_even_rate"].is_null());
    let others_without_reason = rows
        .iter()
        .filter(|r| r["metric"] != "service_firms")
        .all(|r| r.get("reason").is_none() && r["break_even_shift"].is_number());
    assert!(others_without_reason, "{rows:?}");
}

#[test]
fn metric_sweep_sets_one_rate_and_finds_the_rate_the_level_needs() {
    let sweep = [
        "sensitivity",
        "--metric",
        "service_investment",
        "--from",
        "10%",
        "--to",
        "20%",
        "--step",
        "2%",
        "-f",
        "csv",
    ];
    let grid = csv_of(&sweep);
    assert_eq!(
        grid.header.join(","),
        "scenario,metric,goal,rate,projected,status"
    );
    // Only the goals the metric moves: its level and rate goals, 6 rates each.
    assert_eq!(grid.rows.len(), 12);
    assert!(
        grid.column("metric")
            .iter()
            .all(|m| *m == "service_investment")
    );
    let rates = ["0.1", "0.12", "0.14", "0.16", "0.18", "0.2"];
    assert_eq!(grid.column("rate"), [rates, rates].concat());
    // 68 × 1.1⁵ = 109.51468; 68 × 1.16⁵ = 142.8232327168 < 150 ≤ 68 × 1.18⁵.
    assert_eq!(grid.value(0, "projected"), "109.51468");
    assert_eq!(grid.value(3, "status"), "missed");
    assert_eq!(grid.value(4, "status"), "reached");

    let break_even = csv_of(&[&sweep[..], &["--table", "break-even"]].concat());
    let rate = number(break_even.cell("base", "service_investment", "level", "break_even_rate"));
    // (150/68)^(1/5) - 1 = 0.1714303433, 1.143 points above the plan's 16 %.
    assert!((rate - ((150.0f64 / 68.0).powf(0.2) - 1.0)).abs() < 1e-8);
    // 0.0114303433 rounded up, to the side where 150 is reached.
    assert_eq!(
        break_even.cell("base", "service_investment", "level", "break_even_shift"),
        "0.01143035"
    );
    // Re-run with that growth set just below and just above: the goal flips.
    for (x, status) in [(rate - 1e-6, "missed"), (rate + 1e-6, "reached")] {
        let set = format!("service_investment.growth={x:.12}");
        let csv = csv_of(&["-f", "csv", "--set", &set]);
        assert_eq!(
            csv.cell("base", "service_investment", "level", "status"),
            status,
            "{set}"
        );
    }
}

#[test]
fn bad_sensitivity_arguments_are_refused() {
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["--metric", "service_firms"],
            &[
                "--metric service_firms: not a compound metric",
                "service_investment",
            ],
        ),
        (&["--metric", "nope"], &["--metric nope: no such metric"]),
        (&["--step", "0"], &["--step must be positive"]),
        (
            &["-f", "csv", "--table", "all"],
            &["a CSV file holds one table", "--table break-even"],
        ),
    ];
    for (args, parts) in cases {
        refused_with(&[&["sensitivity"], args].concat(), parts);
    }
}

// 6. `dabiao explain`

/// The paragraph of `explain`'s text about `name`.
fn paragraph<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find(|line| line.starts_with(name))
        .unwrap_or_else(|| panic!("no paragraph on {name}:\n{text}"))
}

#[test]
fn explain_in_english_gives_reach_needed_rate_and_implied_baseline() {
    let text = stdout_of(&["explain", "--lang", "en"]);
    // 68 × 1.16⁵ = 142.82 < 150; (150/68)^(1/5) - 1 = 17.14 %; 150 / 1.16⁵ = 71.42.
    let investment = paragraph(&text, "服务业投资");
    for part in ["142.82", "150", "17.14%", "71.42"] {
        assert!(investment.contains(part), "{part:?} in:\n{investment}");
    }
}

#[test]
fn explain_in_chinese_writes_units_without_spaces() {
    let text = stdout_of(&["explain", "--lang", "zh"]);
    let investment = paragraph(&text, "服务业投资");
    for part in ["71.42亿元", "17.14%"] {
        assert!(investment.contains(part), "{part:?} in:\n{investment}");
    }
}

#[test]
fn explain_json_findings_match_hand_computed_values() {
    let json = json_of(&["explain", "-f", "json"]);
    let findings = json["findings"].as_array().expect("a findings array");
    let finding = |metric: &str| {
        findings
            .iter()
            .find(|f| f["metric"] == metric)
            .unwrap_or_else(|| panic!("no finding on {metric}"))
    };
    let first = &findings[0];
    assert_eq!(first["metric"], "service_investment");
    assert_eq!(first["kind"], "rate_and_level");
    assert_eq!(first["reached"].as_f64(), Some(142.8232327168));
    assert_eq!(first["meets"], false);
    let needed = first["needed_rate"].as_f64().expect("a needed rate");
    assert_close(
        needed,
        (150.0f64 / 68.0).powf(0.2) - 1.0,
        1e-12,
        "needed_rate",
    );
    assert!((needed - 0.1714303433).abs() < 1e-10);
    let implied = first["implied_baseline"]
        .as_f64()
        .expect("an implied baseline");
    assert_close(implied, 150.0 / 1.16f64.powi(5), 1e-12, "implied_baseline");
    assert!((implied - 71.41695).abs() < 1e-5);

    // (200 - 120) / 5 = 16 firms a year.
    let firms = finding("service_firms");
    assert_eq!(firms["kind"], "increment_needed");
    assert_eq!(firms["needed_increment"].as_f64(), Some(16.0));
    // 15.40 % ≥ 15 and 26.08 % < 30.
    assert_eq!(finding("emerging_share")["kind"], "share_growth_gap");
    assert_eq!(finding("emerging_share")["meets"], true);
    assert_eq!(finding("hightech_share")["kind"], "share_growth_gap");
    assert_eq!(finding("hightech_share")["meets"], false);
}

#[test]
fn explain_refuses_csv() {
    refused_with(
        &["explain", "-f", "csv"],
        &[
            "explain writes sentences or data",
            "--format table, markdown or json",
        ],
    );
}

#[test]
fn set_applies_only_to_the_scenarios_that_run() {
    // -98 % is a valid rate for the plan itself; only the `slow` scenario's
    // -3 % shift would take it below -100 %, so only asking for `slow` fails.
    stdout_of(&["--set", "gdp.growth=-98%", "--table", "summary"]);
    let output = dabiao()
        .args(["--set", "gdp.growth=-98%", "--scenario", "slow"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("scenario `slow`, metric `gdp`, field `growth_shift`")
            && stderr.contains("(that growth comes from --set gdp.growth=-98%)"),
        "{stderr}"
    );
}
