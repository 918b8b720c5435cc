//! `dabiao report` (and bare `dabiao`) on the shipped plan, in every format.
//!
//! Whole tables are pinned as insta snapshots (reviewed by eye: the numbers
//! were checked against a spreadsheet's FV and RRI); the contracts scripts
//! rely on (headers, keys, counts) are also asserted directly, so a snapshot
//! accepted by mistake cannot hide a broken contract.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use crate::common::{assert_reviewed, dabiao, stdout_of};

const SUMMARY_HEADER: &str = "scenario,metric,name,unit,goal,op,target,tolerance,base_year,baseline,target_year,projected,status,gap,attainment,required_rate,year_reached,latest_year,latest_value,plan_value,deviation,progress,expected_progress,time_elapsed,remaining_rate,reference,binding,schedule";

#[test]
fn table_in_english() {
    assert_reviewed("report__table_in_english", stdout_of(&["--lang", "en"]));
}

#[test]
fn table_in_chinese() {
    assert_reviewed(
        "report__table_in_chinese",
        stdout_of(&["report", "--lang", "zh"]),
    );
}

#[test]
fn markdown() {
    assert_reviewed("report__markdown", stdout_of(&["--format", "markdown"]));
}

#[test]
fn csv_summary() {
    assert_reviewed("report__csv_summary", stdout_of(&["-f", "csv"]));
}

#[test]
fn csv_years_long() {
    assert_reviewed(
        "report__csv_years_long",
        stdout_of(&["-f", "csv", "--table", "years"]),
    );
}

#[test]
fn csv_years_wide() {
    assert_reviewed(
        "report__csv_years_wide",
        stdout_of(&["-f", "csv", "--table", "years", "--layout", "wide"]),
    );
}

#[test]
fn json() {
    assert_reviewed("report__json", stdout_of(&["-f", "json"]));
}

#[test]
fn the_shipped_plan_reaches_five_goals_and_misses_three() {
    let csv = stdout_of(&["-f", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(SUMMARY_HEADER));
    let statuses: Vec<&str> = lines.map(|l| l.split(',').nth(12).unwrap()).collect();
    assert_eq!(statuses.len(), 8);
    assert_eq!(statuses.iter().filter(|s| **s == "reached").count(), 5);
    assert_eq!(statuses.iter().filter(|s| **s == "missed").count(), 3);
    assert!(stdout_of(&[]).contains("5 of 8 goals reached"));
    assert!(stdout_of(&["--lang", "zh"]).contains("8 项目标中 5 项达标"));
}

#[test]
fn csv_numbers_match_spreadsheet_values_to_the_last_digit() {
    let csv = stdout_of(&["-f", "csv"]);
    let row = |metric: &str, goal: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
            .find(|f| f[1] == metric && f[4] == goal)
            .unwrap_or_else(|| panic!("no {goal} row for {metric}"))
    };
    // =FV(16%, 5, 0, -68) = 142.8232327168
    let investment = row("service_investment", "level");
    assert_eq!(investment[11], "142.8232327168");
    assert_eq!(investment[13], "-7.1767672832");
    assert_eq!(investment[16], "2021");
    // 16 % a year averages exactly 16 %.
    let investment_rate = row("service_investment", "rate");
    assert_eq!(&investment_rate[11..14], ["0.16", "reached", "0"]);
    // 120 + 5 × 16 = 200 exactly: reached, not missed by noise.
    let firms = row("service_firms", "level");
    assert_eq!(&firms[11..15], ["200", "reached", "0", "1"]);
    // =RRI(5, 420, 1000) = 0.18946…; =FV(18%, 5, 0, -420) = 960.858257856
    let revenue = row("service_revenue", "level");
    assert_eq!(revenue[11], "960.858257856");
    assert!(revenue[15].starts_with("0.18946"), "{}", revenue[15]);
}

#[test]
fn years_csv_has_every_metric_and_year_in_file_order() {
    let csv = stdout_of(&["-f", "csv", "--table", "years"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("scenario,metric,name,unit,year,value,source")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 10 * 6);
    assert_eq!(rows[0][1], "service_investment");
    assert_eq!(rows[0][6], "baseline");
    assert_eq!(rows[1][6], "projected");
    assert_eq!(rows[59][1], "hightech_share");
    let years: Vec<&str> = rows[..6].iter().map(|r| r[4]).collect();
    assert_eq!(years, ["2015", "2016", "2017", "2018", "2019", "2020"]);

    let wide = stdout_of(&["-f", "csv", "--table", "years", "--layout", "wide"]);
    assert_eq!(
        wide.lines().next(),
        Some("scenario,metric,name,unit,2015,2016,2017,2018,2019,2020")
    );
    assert_eq!(wide.lines().count(), 11);
}

#[test]
fn json_goals_carry_the_csv_keys_in_order() {
    let text = stdout_of(&["-f", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["scenario"], "base");
    assert_eq!(json["plan"]["base_year"], 2015);
    let goals = json["goals"].as_array().unwrap();
    assert_eq!(goals.len(), 8);
    let keys: Vec<&str> = goals[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.join(","), format!("{SUMMARY_HEADER},rate_method"));
    assert_eq!(goals[0]["rate_method"], serde_json::Value::Null);
    assert_eq!(goals[1]["rate_method"], "endpoint");
    assert_eq!(goals[0]["binding"], false);
    assert_eq!(goals[0]["projected"], 142.8232327168);
    assert_eq!(goals[1]["attainment"], serde_json::Value::Null);
    let series = json["series"].as_array().unwrap();
    assert_eq!(series.len(), 10);
    assert_eq!(series[0]["points"].as_array().unwrap().len(), 6);
    assert_eq!(series[0]["points"][0]["source"], "baseline");

    let summary_only: serde_json::Value =
        serde_json::from_str(&stdout_of(&["-f", "json", "--table", "summary"])).unwrap();
    assert!(summary_only.get("series").is_none());
    assert_eq!(summary_only["goals"].as_array().unwrap().len(), 8);
}

#[test]
fn bom_starts_csv_for_excel() {
    let output = dabiao().args(["-f", "csv", "--bom"]).output().unwrap();
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBFscenario,metric,"));
    let plain = dabiao().args(["-f", "csv"]).output().unwrap();
    assert!(plain.stdout.starts_with(b"scenario,"));
}

#[test]
fn precision_rounds_csv_json_and_tables() {
    // Values get N decimals; fractions (rates, attainment) N + 2, as many in
    // percent; the plan's own figures (target 0.16, baseline 68) as written.
    let csv = stdout_of(&["-f", "csv", "--precision", "2"]);
    assert!(
        csv.contains(",142.82,missed,-7.18,0.9522,0.1714,2021"),
        "{csv}"
    );
    assert!(
        csv.contains(",rate,>=,0.16,,2015,68,2020,0.1600,reached,0.0000,,,"),
        "{csv}"
    );
    let json = stdout_of(&["-f", "json", "--precision", "1"]);
    assert!(json.contains("\"projected\": 142.8,"), "{json}");
    assert!(json.contains("\"required_rate\": 0.171,"), "{json}");
    let table = stdout_of(&["--precision", "4", "--table", "years"]);
    assert!(table.contains("142.8232"), "{table}");
    let table = stdout_of(&["--precision", "0", "--table", "years"]);
    assert!(table.contains(" 143 "), "{table}");
}

#[test]
fn language_comes_from_the_locale_unless_given() {
    let zh = dabiao().env("LANG", "zh_CN.UTF-8").output().unwrap();
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("✔ 达标") && zh.contains("✘ 未达标"), "{zh}");
    let c = dabiao()
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(String::from_utf8(c.stdout).unwrap().contains("✔ reached"));
    let forced = dabiao()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(forced.stdout)
            .unwrap()
            .contains("✘ missed")
    );
    // CSV and JSON never change with the language.
    let csv_zh = dabiao()
        .env("LANG", "zh_CN.UTF-8")
        .args(["-f", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(csv_zh.stdout).unwrap(),
        stdout_of(&["-f", "csv"])
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let escape = "\u{1b}[";
    assert!(
        !stdout_of(&[]).contains(escape),
        "a pipe gets no colour by default"
    );
    assert!(stdout_of(&["--color", "always"]).contains(escape));
    assert!(!stdout_of(&["--color", "never"]).contains(escape));
    let no_color = dabiao()
        .env("NO_COLOR", "1")
        .args(["--color", "auto"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(no_color.stdout).unwrap().contains(escape));
}

#[test]
fn bare_command_and_report_subcommand_agree() {
    assert_eq!(
        stdout_of(&["targets.toml", "-f", "csv"]),
        stdout_of(&["report", "-f", "csv"])
    );
    assert_eq!(
        stdout_of(&["--lang", "zh"]),
        stdout_of(&["report", "--lang", "zh"])
    );
}

#[test]
fn plan_from_standard_input() {
    let plan =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/targets.toml")).unwrap();
    let output = dabiao()
        .args(["-", "-f", "csv"])
        .write_stdin(plan)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        stdout_of(&["-f", "csv"])
    );
}

#[test]
fn validate_prints_a_one_line_summary() {
    let out = stdout_of(&["validate"]);
    assert_eq!(
        out,
        "targets.toml: valid plan: 10 metrics, 8 goals, 2015–2020 (5 projected years), 2 scenarios\n"
    );
}

#[test]
fn every_example_plan_is_valid_and_reports() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut count = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let path = path.to_str().unwrap();
            stdout_of(&["validate", path]);
            for format in ["table", "csv", "json", "markdown"] {
                stdout_of(&[path, "-f", format]);
            }
            count += 1;
        }
    }
    assert!(count >= 3, "examples/ holds at least three plans");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    // Enough metrics that the output cannot fit in the pipe's buffer.
    let mut plan = String::from("[plan]\nbase_year = 2015\ntarget_year = 2020\n");
    for i in 0..5000 {
        plan.push_str(&format!(
            "[metrics.m{i}]\nbaseline = 1\ngrowth = 0.1\ntarget = 2\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.toml"), plan).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("dabiao");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args(["big.toml", "-f", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("scenario,"));
    // The reader is dropped here: the pipe closes while dabiao is still writing.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn one_goal_is_counted_in_the_singular() {
    let text =
        crate::common::plan("[metrics.gdp]\nbaseline = 100\ngrowth = \"5%\"\ntarget = 200\n");
    let dir = crate::common::folder(&[("plan.toml", text.as_bytes())]);
    let table = crate::common::ok(dir.path(), &["plan.toml"]);
    assert!(table.contains("\n0 of 1 goal reached\n"), "{table}");
}
