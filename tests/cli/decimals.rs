//! Honest decimals: a computed value is shown with the decimals it needs
//! (at least its goal's, at least four significant digits), the plan's own
//! figures as written in every format whatever `--precision` says, and a
//! rounded figure never reads against its status.

use crate::common::{folder, ok, plan, records, table_row};

/// Energy intensity with the goal of the issue, ≤ 0.4325, projected at
/// 0.5 × 0.967⁵ = 0.42277; and a level just short of its goal.
const INTENSITY: &str = "[metrics.intensity]\nname = \"intensity\"\nbaseline = 0.5\n\
                         growth = \"-3.3%\"\ntarget = { at_most = 0.4325 }\n\n\
                         [metrics.output]\nname = \"output\"\nbaseline = 99.996\n\
                         growth = \"0%\"\ntarget = 100\n";

/// Metric, unit, goal, baseline, projected, status, gap, attainment.
fn summary(args: &[&str], metric: &str) -> Vec<String> {
    let dir = folder(&[("plan.toml", plan(INTENSITY).as_bytes())]);
    let mut all = vec!["plan.toml", "--table", "summary"];
    all.extend(args);
    let table = ok(dir.path(), &all);
    table_row(&table, metric)[..8].to_vec()
}

#[test]
fn a_value_keeps_its_goal_s_decimals_and_four_significant_digits() {
    assert_eq!(
        summary(&[], "intensity")[2..],
        [
            "≤ 0.4325",
            "0.5",
            "0.4228",
            "✔ reached",
            "-0.0097",
            "102.30%"
        ]
    );
    // The years table too, and its plan figures as written.
    let dir = folder(&[("plan.toml", plan(INTENSITY).as_bytes())]);
    let years = ok(dir.path(), &["plan.toml", "--table", "years"]);
    assert_eq!(
        table_row(&years, "intensity")[2..8],
        ["0.5", "0.4835", "0.4675", "0.4521", "0.4372", "0.4228"]
    );
    // 142.8232327168 keeps two decimals: it has four significant digits.
    let shipped = crate::common::stdout_of(&["--table", "summary"]);
    assert_eq!(table_row(&shipped, "服务业投资")[4], "142.82");
}

#[test]
fn a_value_that_would_read_as_its_goal_shows_the_decimals_that_tell_them_apart() {
    // 99.996 against ≥ 100: "100.00 ✘ missed" would contradict itself.
    assert_eq!(
        summary(&[], "output")[2..],
        ["≥ 100", "99.996", "99.996", "✘ missed", "-0.004", "99.996%"]
    );
    // With --precision 0, "100" and "100%" beside "✘ missed" neither.
    assert_eq!(
        summary(&["--precision", "0"], "output")[2..],
        ["≥ 100", "99.996", "99.996", "✘ missed", "-0.004", "99.996%"]
    );
    // A goal met keeps the precision asked.
    assert_eq!(
        summary(&["--precision", "1"], "intensity")[4..7],
        ["0.4", "✔ reached", "0.0"]
    );
}

#[test]
fn sensitivity_never_shows_a_value_that_reads_against_its_mark() {
    let dir = folder(&[("plan.toml", plan(INTENSITY).as_bytes())]);
    let grid = ok(
        dir.path(),
        &[
            "sensitivity",
            "plan.toml",
            "--from",
            "-1%",
            "--to",
            "1%",
            "--step",
            "0.1%",
        ],
    );
    let row = table_row(&grid, "intensity");
    let cells: Vec<&String> = row.iter().filter(|c| c.ends_with(['✔', '✘'])).collect();
    assert_eq!(cells.len(), 21, "{grid}");
    for cell in cells {
        let (value, mark) = cell.split_once(' ').expect("a value and its mark");
        let value: f64 = value.parse().expect("a number");
        assert_eq!(value <= 0.4325, mark == "✔", "{cell} against ≤ 0.4325");
        assert!(cell.split_once('.').unwrap().1.len() >= 4 + 2, "{cell}");
    }
}

#[test]
fn every_format_writes_the_plan_s_figures_as_written() {
    let dir = folder(&[("plan.toml", plan(INTENSITY).as_bytes())]);
    let csv = ok(dir.path(), &["plan.toml", "-f", "csv", "--precision", "2"]);
    let rows = records(&csv);
    assert_eq!(rows[0]["target"], "0.4325");
    assert_eq!(rows[0]["baseline"], "0.5");
    assert_eq!(rows[0]["projected"], "0.42");
    assert_eq!(rows[1]["baseline"], "99.996");
    // Beside a missed status, no more rounded than tells it from the goal.
    assert_eq!(rows[1]["projected"], "99.996");
    assert_eq!(rows[1]["gap"], "-0.004");
    assert_eq!(rows[1]["attainment"], "0.99996");
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["plan.toml", "-f", "json", "--precision", "0"],
    ))
    .expect("JSON parses");
    assert_eq!(json["goals"][0]["target"], 0.4325);
    assert_eq!(json["goals"][0]["baseline"], 0.5);
    assert_eq!(json["goals"][0]["projected"], 0.0);
    assert_eq!(json["series"][0]["points"][0]["value"], 0.5);
    let years = ok(
        dir.path(),
        &[
            "plan.toml",
            "-f",
            "csv",
            "--table",
            "years",
            "--precision",
            "1",
        ],
    );
    let years = records(&years);
    assert_eq!(years[0]["value"], "0.5");
    assert_eq!(years[1]["value"], "0.5");
    assert_eq!(years[6]["value"], "99.996");
}

#[test]
fn actual_figures_are_shown_as_written_and_rates_keep_two_decimals() {
    let text = plan(
        "[metrics.gdp]\nname = \"gdp\"\nbaseline = 100\ngrowth = \"6.5%\"\ntarget = 140\n\
         rate_target = \"6.5%\"\nactual = { 2016 = 106.25, 2017 = 113.1 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let table = ok(dir.path(), &["plan.toml", "--precision", "0"]);
    let years = crate::common::table_rows(&table, "gdp");
    assert_eq!(years[2][2..5], ["100", "106.25*", "113.1*"]);
    let goals = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    let rate = &crate::common::table_rows(&goals, "gdp")[1];
    assert!(rate[4].ends_with('%') && rate[4].split_once('.').unwrap().1.len() == 3);
    assert!(goals.contains("113.1 (2017)"), "{goals}");
}

#[test]
fn the_review_s_basis_keeps_four_significant_digits_and_its_goal_s_decimals() {
    // rd: 2.46 in 2018 is (2.46 - 2.2) / 3 a year, which ends at 2.63333;
    // share: 0.28 in 2018 is 0.08 / 3 a year, which ends at 0.33333; 0.4
    // written with one decimal needs four significant digits still.
    let text = plan(
        "[metrics.rd]\nunit = \"%\"\nbaseline = 2.2\nincrement = 0.08\nincrease_target = 0.5\n\
         actual = { 2018 = 2.46 }\n\
         [metrics.share]\nbaseline = 0.2\nincrement = 0.05\ntarget = 0.4\nactual = { 2018 = 0.28 }\n\
         [metrics.big]\nbaseline = 100\nincrement = 10\ntarget = 150.125\nactual = { 2018 = 130 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let table = ok(dir.path(), &["review", "plan.toml", "--wide"]);
    let basis = |metric: &str| table_row(&table, metric)[7].clone();
    assert_eq!(basis("rd"), "→ 2.633");
    assert_eq!(basis("share"), "→ 0.3333");
    // 130 + 2 × 10 = 150, with the goal's three decimals.
    assert_eq!(basis("big"), "→ 150.000");
    // --precision asks for decimals, as for every computed value.
    let table = ok(
        dir.path(),
        &["review", "plan.toml", "--wide", "--precision", "1"],
    );
    assert_eq!(table_row(&table, "rd")[7], "→ 2.6");
}
