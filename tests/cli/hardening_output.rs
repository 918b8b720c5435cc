//! The output side of hardening: values at the edge of a double written
//! readably in every format, CSV cells that a spreadsheet would run as
//! formulas defused, and limits that refuse outputs too large to hold.

use crate::common::{folder, ok, plan, records, refused, table_row};

/// A goal of 1e300 from 1e-300 over five years: the ratio overflows a
/// double, the rate it needs (1e120 a year) does not.
const TINY_TO_HUGE: &str =
    "[metrics.a]\nname = \"A\"\nbaseline = 1e-300\ngrowth = \"5%\"\ntarget = 1e300\n";

/// No run of 16 zeros: hundreds of digits were written where an exponent belongs.
fn assert_no_long_digits(text: &str) {
    assert!(!text.contains("0000000000000000"), "{text}");
    assert!(!text.contains("inf"), "{text}");
}

#[test]
fn tables_write_extreme_goals_and_rates_with_an_exponent() {
    let dir = folder(&[("p.toml", plan(TINY_TO_HUGE).as_bytes())]);
    let table = ok(
        dir.path(),
        &["p.toml", "--table", "summary", "--lang", "en"],
    );
    let row = table_row(&table, "A");
    // goal, gap, required rate
    assert_eq!(
        [&row[2], &row[6], &row[8]],
        ["≥ 1e300", "-1.00e300", "1.00e122%"]
    );
    let markdown = ok(dir.path(), &["p.toml", "-f", "markdown", "--lang", "en"]);
    assert!(markdown.contains("| ≥ 1e300 "), "{markdown}");
    let explain = ok(dir.path(), &["explain", "p.toml", "--lang", "en"]);
    assert!(
        explain.contains("from 1e-300 needs 1.00e122% a year"),
        "{explain}"
    );
    for text in [&table, &markdown, &explain] {
        assert_no_long_digits(text);
    }
}

#[test]
fn data_carries_the_rate_whose_ratio_overflows() {
    let dir = folder(&[("p.toml", plan(TINY_TO_HUGE).as_bytes())]);
    let csv = ok(dir.path(), &["p.toml", "-f", "csv"]);
    let rows = records(&csv);
    let rate: f64 = rows[0]["required_rate"].parse().expect("a number");
    assert!((rate / 1e120 - 1.0).abs() < 1e-12, "{csv}");
    let json = ok(dir.path(), &["p.toml", "-f", "json", "--table", "summary"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let rate = value["goals"][0]["required_rate"]
        .as_f64()
        .expect("a number");
    assert!((rate / 1e120 - 1.0).abs() < 1e-12, "{json}");
}

// CSV cells a spreadsheet would run as formulas

/// Names, units, ids and a scenario that a spreadsheet would run, and
/// negative numbers, which must stay numbers.
const FORMULAS: &str = "[metrics.-a]\nname = '=HYPERLINK(\"http://x\",\"x\")'\nunit = \"+1\"\n\
    baseline = -2\nincrement = 1\ntarget = -1\n\
    [metrics.b]\nname = \"-2+3\"\nunit = \"@SUM(A1)\"\nbaseline = 10\ngrowth = \"-5%\"\n\
    [metrics.c]\nname = \"-2\"\nunit = \"a=b\"\nbaseline = 1\nincrement = 1\n\
    [scenarios.-s]\ngrowth_shift = \"1%\"\n";

/// Every (metric, name, unit) of a CSV file, with its scenario.
fn labels(csv: &str) -> Vec<[String; 4]> {
    records(csv)
        .into_iter()
        .map(|r| ["scenario", "metric", "name", "unit"].map(|c| r[c].clone()))
        .collect()
}

#[test]
fn csv_text_that_would_run_as_a_formula_starts_with_an_apostrophe() {
    let dir = folder(&[("p.toml", plan(FORMULAS).as_bytes())]);
    let csv = ok(dir.path(), &["p.toml", "-f", "csv", "--scenario", "all"]);
    let defused = |scenario: &str| {
        [scenario, "'-a", "'=HYPERLINK(\"http://x\",\"x\")", "'+1"].map(str::to_owned)
    };
    assert_eq!(labels(&csv), [defused("base"), defused("'-s")], "{csv}");
    let row = &records(&csv)[0];
    assert_eq!([&row["target"], &row["baseline"]], ["-1", "-2"], "{csv}");
    for layout in ["long", "wide"] {
        let csv = ok(
            dir.path(),
            &[
                "p.toml", "-f", "csv", "--table", "years", "--layout", layout,
            ],
        );
        let rows = labels(&csv);
        let expected =
            |id: &str, name: &str, unit: &str| ["base", id, name, unit].map(str::to_owned);
        assert!(rows.contains(&expected("b", "'-2+3", "'@SUM(A1)")), "{csv}");
        // A number stays a number; text that does not start a formula stays as it is.
        assert!(rows.contains(&expected("c", "-2", "a=b")), "{csv}");
    }
    let long = records(&ok(
        dir.path(),
        &["p.toml", "-f", "csv", "--table", "years"],
    ));
    assert_eq!(long[0]["value"], "-2");
    let grid = ok(dir.path(), &["sensitivity", "p.toml", "-f", "csv"]);
    assert!(
        grid.lines().skip(1).all(|l| l.starts_with("base,'-a,")),
        "{grid}"
    );
}

/// `FORMULAS`' first two metrics with actual figures, for `review`.
const REVIEWED_FORMULAS: &str = "[metrics.-a]\nname = '=HYPERLINK(\"http://x\",\"x\")'\nunit = \"+1\"\n\
    baseline = -2\nincrement = 1\ntarget = -1\nactual = { 2016 = -1.5 }\n\
    [metrics.b]\nname = \"-2+3\"\nunit = \"@SUM(A1)\"\nbaseline = 10\ngrowth = \"-5%\"\n\
    target = 5\nactual = { 2016 = 9, 2017 = 8.5 }\n\
    [scenarios.-s]\ngrowth_shift = \"1%\"\n";

#[test]
fn review_csv_defuses_formulas_at_the_latest_figures_and_year_by_year() {
    let dir = folder(&[("p.toml", plan(REVIEWED_FORMULAS).as_bytes())]);
    let first = ["'-a", "'=HYPERLINK(\"http://x\",\"x\")", "'+1"];
    let second = ["b", "'-2+3", "'@SUM(A1)"];
    let label =
        |scenario: &str, [id, name, unit]: [&str; 3]| [scenario, id, name, unit].map(str::to_owned);
    for method in ["plan", "ndrc"] {
        let args = [
            "review",
            "p.toml",
            "--method",
            method,
            "-f",
            "csv",
            "--scenario",
            "all",
        ];
        let csv = ok(dir.path(), &args);
        let expected = [
            label("base", first),
            label("base", second),
            label("'-s", first),
            label("'-s", second),
        ];
        assert_eq!(labels(&csv), expected, "{method}: {csv}");
        // Numbers, negative ones included, stay numbers.
        let row = &records(&csv)[0];
        assert_eq!(
            [&row["target"], &row["latest_value"]],
            ["-1", "-1.5"],
            "{csv}"
        );
    }
    let history = ok(dir.path(), &["review", "p.toml", "--history", "-f", "csv"]);
    let expected = [
        label("base", first),
        label("base", second),
        label("base", second),
    ];
    assert_eq!(labels(&history), expected, "{history}");
    let raw = ok(
        dir.path(),
        &["review", "p.toml", "--history", "-f", "csv", "--raw-csv"],
    );
    assert_eq!(
        labels(&raw)[0],
        ["base", "-a", "=HYPERLINK(\"http://x\",\"x\")", "+1"].map(str::to_owned),
        "{raw}"
    );
    // JSON carries text as text: no apostrophe.
    for args in [
        &["review", "p.toml", "-f", "json"][..],
        &["review", "p.toml", "--history", "-f", "json"],
    ] {
        let json = ok(dir.path(), args);
        assert!(json.contains("\"name\": \"=HYPERLINK("), "{json}");
        assert!(!json.contains("'"), "{json}");
    }
}

#[test]
fn raw_csv_writes_cells_as_they_are() {
    let dir = folder(&[("p.toml", plan(FORMULAS).as_bytes())]);
    let csv = ok(dir.path(), &["p.toml", "-f", "csv", "--raw-csv"]);
    assert_eq!(
        labels(&csv)[0],
        ["base", "-a", "=HYPERLINK(\"http://x\",\"x\")", "+1"].map(str::to_owned),
        "{csv}"
    );
    // JSON carries text as text: no apostrophe, with or without the option.
    let json = ok(dir.path(), &["p.toml", "-f", "json", "--table", "summary"]);
    assert!(json.contains("\"name\": \"=HYPERLINK("), "{json}");
}

#[test]
fn raw_csv_is_refused_with_other_formats() {
    let dir = folder(&[("p.toml", plan(FORMULAS).as_bytes())]);
    for args in [
        &["p.toml", "--raw-csv"][..],
        &["p.toml", "-f", "json", "--raw-csv"],
        &["sensitivity", "p.toml", "-f", "markdown", "--raw-csv"],
        &["explain", "p.toml", "--raw-csv"],
    ] {
        let stderr = refused(dir.path(), args);
        assert!(
            stderr.contains(
                "--raw-csv applies to CSV output only: add --format csv, or drop --raw-csv"
            ),
            "{args:?}: {stderr}"
        );
    }
}

// Output written as it is made

/// A plan of `count` compound metrics with a goal each.
fn many_metrics(count: usize) -> String {
    plan(
        &(0..count)
            .map(|i| {
                format!(
                    "[metrics.m{i}]\nbaseline = {}\ngrowth = \"5%\"\ntarget = 100\n",
                    i + 1
                )
            })
            .collect::<String>(),
    )
}

#[test]
fn a_file_gets_what_standard_output_gets_and_no_temporary_file_is_left() {
    let dir = folder(&[("p.toml", many_metrics(1_000).as_bytes())]);
    for args in [
        &["p.toml", "-f", "csv"][..],
        &["p.toml", "-f", "csv", "--table", "years", "--bom"],
        &["p.toml", "-f", "json"],
        &["p.toml", "-f", "table"],
        &["sensitivity", "p.toml", "-f", "json"],
        &["review", "p.toml", "-f", "csv"],
        &["review", "p.toml", "--history", "-f", "json"],
    ] {
        let printed = ok(dir.path(), args);
        ok(dir.path(), &[args, &["-o", "out"]].concat());
        let written = std::fs::read_to_string(dir.path().join("out")).expect("the file");
        assert!(
            written == printed,
            "{args:?}: the file differs from standard output"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names, ["out", "p.toml"]);
}

#[test]
fn a_closed_pipe_ends_a_json_run_quietly() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};
    let dir = folder(&[("p.toml", many_metrics(5_000).as_bytes())]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dabiao"))
        .current_dir(dir.path())
        .args(["p.toml", "-f", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dabiao starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    assert_eq!(first, "{\n");
    // The reader is dropped: the pipe closes while dabiao is still writing.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    let status = child.wait().expect("dabiao ends");
    assert!(
        status.success() && stderr.is_empty(),
        "{status:?}: {stderr}"
    );
}

// Limits of a sensitivity sweep

#[test]
fn a_sweep_of_too_many_points_is_refused_with_a_short_count() {
    let dir = folder(&[("p.toml", many_metrics(1).as_bytes())]);
    let stderr = refused(dir.path(), &["sensitivity", "p.toml", "--step", "1e-300"]);
    assert!(
        stderr.contains("--step 1e-300: more than 1000000000 points between --from and --to")
            && stderr.contains("at most 10001: widen --step or narrow the range"),
        "{stderr}"
    );
    assert!(stderr.len() < 300, "{stderr}");
    let stderr = refused(
        dir.path(),
        &[
            "sensitivity",
            "p.toml",
            "--from=-50%",
            "--to",
            "50%",
            "--step",
            "0.005%",
        ],
    );
    assert!(stderr.contains("--step 0.005%: 20001 points"), "{stderr}");
}

#[test]
fn a_sweep_of_too_many_cells_is_refused_before_it_is_computed() {
    let sweep = ["--from=-50%", "--to", "50%", "--step", "0.01%"];
    // 2,000 goals × 10,001 points: more than CSV and JSON hold.
    let dir = folder(&[("p.toml", many_metrics(2_000).as_bytes())]);
    for format in ["csv", "json"] {
        let stderr = refused(
            dir.path(),
            &[&["sensitivity", "p.toml", "-f", format], &sweep[..]].concat(),
        );
        assert!(
            stderr.contains(
                "2000 goals × 10001 points = 20002000 cells, and at most 20000000 are held"
            ) && stderr.contains("widen --step, narrow --from and --to, or sweep one --metric"),
            "{stderr}"
        );
    }
    // 100 goals × 10,001 points: more than a table is drawn with.
    let dir = folder(&[("p.toml", many_metrics(100).as_bytes())]);
    for format in ["table", "markdown"] {
        let stderr = refused(
            dir.path(),
            &[&["sensitivity", "p.toml", "-f", format], &sweep[..]].concat(),
        );
        assert!(
            stderr.contains("100 goals × 10001 points = 1000100 cells, and the table and Markdown hold at most 1000000 (CSV and JSON up to 20000000)"),
            "{stderr}"
        );
    }
}
