//! Actual figures: `actual = { year = value }` in the plan file and
//! `--actuals FILE.csv` on the command line. They anchor the paths (filled in
//! between known values, projected after the latest), feed the seven progress
//! columns of the summary and the `review` command, and every bad figure is
//! refused with status 2 and a message that says where it is.
//!
//! Every expected number is worked out by hand in the comment beside it
//! (checked with python3), never copied from the program's output.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use crate::common::{folder, ok, plan, records, refused, run, shipped, stdout_of, table_row};

/// The tracking example and its two actuals files, as shipped.
const TRACKING: &str = "examples/tracking.toml";
const ACTUALS_UTF8: &str = "examples/actuals-2016-2018.csv";
const ACTUALS_GB18030: &str = "examples/actuals-2016-2018.gb18030.csv";

/// The eight columns the summary CSV gained with actual figures.
const PROGRESS_COLUMNS: [&str; 8] = [
    "latest_year",
    "latest_value",
    "plan_value",
    "deviation",
    "progress",
    "expected_progress",
    "time_elapsed",
    "remaining_rate",
];

/// The long years table (`-f csv --table years`) of `plan.toml` in `dir`:
/// (metric, year) → (value, source).
fn years(dir: &Path, extra: &[&str]) -> HashMap<(String, i32), (f64, String)> {
    let args = [&["plan.toml", "-f", "csv", "--table", "years"], extra].concat();
    records(&ok(dir, &args))
        .into_iter()
        .map(|r| {
            let year = r["year"].parse().expect("a year");
            let value = r["value"].parse().expect("a value");
            ((r["metric"].clone(), year), (value, r["source"].clone()))
        })
        .collect()
}

/// One point of a years table: its value (to 1 part in 10¹⁰) and source.
fn assert_point(
    years: &HashMap<(String, i32), (f64, String)>,
    metric: &str,
    year: i32,
    value: f64,
    source: &str,
) {
    let (got, got_source) = &years[&(metric.to_owned(), year)];
    assert_close(*got, value, &format!("{metric} {year}"));
    assert_eq!(got_source, source, "{metric} {year}");
}

/// The summary CSV rows of `plan.toml` in `dir` whose goal is `goal`
/// (`level` or `rate`), by metric.
fn summary(dir: &Path, goal: &str) -> HashMap<String, HashMap<String, String>> {
    records(&ok(dir, &["plan.toml", "-f", "csv"]))
        .into_iter()
        .filter(|r| r["goal"] == goal)
        .map(|r| (r["metric"].clone(), r))
        .collect()
}

/// `got` equals `want` to 1 part in 10¹⁰ (the CSV carries 15 digits).
fn assert_close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-10 * want.abs().max(1.0),
        "{what}: got {got}, want {want}"
    );
}

/// A numeric cell of a CSV row, compared with `want`.
fn assert_cell(row: &HashMap<String, String>, column: &str, want: f64) {
    let cell = &row[column];
    let got: f64 = cell
        .parse()
        .unwrap_or_else(|_| panic!("{column} = {cell:?} is not a number"));
    assert_close(got, want, column);
}

/// The row of a text table that shows metric `name`, as one line of text.
fn row_text(table: &str, name: &str) -> String {
    table_row(table, name).join(" ┆ ")
}

// 1. Paths through actual figures ------------------------------------------

#[test]
fn years_between_actuals_are_interpolated_and_later_years_projected_from_the_latest() {
    let text = plan(
        "[metrics.inv]\nbaseline = 68\ngrowth = \"16%\"\nactual = { 2018 = 104.2 }\n\
         [metrics.firms]\nbaseline = 120\nincrement = 16\nactual = { 2018 = 150 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let y = years(dir.path(), &[]);
    let expect = |metric: &str, year: i32, value: f64, source: &str| {
        assert_point(&y, metric, year, value, source)
    };
    // Compound: geometric fill between 68 (2015) and 104.2 (2018):
    // 68 × (104.2/68)^(1/3) = 78.39623055596222, 68 × (104.2/68)^(2/3) = 90.3818965497586.
    expect("inv", 2015, 68.0, "baseline");
    expect(
        "inv",
        2016,
        68.0 * (104.2f64 / 68.0).powf(1.0 / 3.0),
        "interpolated",
    );
    expect(
        "inv",
        2017,
        68.0 * (104.2f64 / 68.0).powf(2.0 / 3.0),
        "interpolated",
    );
    expect("inv", 2018, 104.2, "actual");
    // Then the plan's 16 % from 104.2: 104.2 × 1.16 = 120.872, × 1.16² = 140.21152.
    expect("inv", 2019, 120.872, "projected");
    expect("inv", 2020, 140.21152, "projected");
    // Linear: a straight line 120 → 150 over three years is 10 a year: 130, 140;
    // then the plan's 16 a year: 166, 182.
    expect("firms", 2015, 120.0, "baseline");
    expect("firms", 2016, 130.0, "interpolated");
    expect("firms", 2017, 140.0, "interpolated");
    expect("firms", 2018, 150.0, "actual");
    expect("firms", 2019, 166.0, "projected");
    expect("firms", 2020, 182.0, "projected");
}

#[test]
fn a_ratio_is_actual_where_both_parts_are_and_an_entered_share_anchors_its_path() {
    let text = plan(
        "[metrics.part]\nbaseline = 40\ngrowth = \"20%\"\nactual = { 2016 = 50, 2017 = 60 }\n\
         [metrics.whole]\nbaseline = 400\ngrowth = \"10%\"\nactual = { 2016 = 450, 2017 = 500 }\n\
         [metrics.whole_2017]\nbaseline = 400\ngrowth = \"10%\"\nactual = { 2017 = 500 }\n\
         [metrics.of_parts]\nratio = { numerator = \"part\", denominator = \"whole\" }\n\
         [metrics.mixed]\nratio = { numerator = \"part\", denominator = \"whole_2017\" }\n\
         [metrics.entered]\nratio = { numerator = \"part\", denominator = \"whole\" }\n\
         actual = { 2018 = 14 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let y = years(dir.path(), &[]);
    let expect = |metric: &str, year: i32, value: f64, source: &str| {
        assert_point(&y, metric, year, value, source)
    };
    // Both parts actual: 50/450 × 100 = 11.1111, 60/500 × 100 = 12.
    expect("of_parts", 2015, 10.0, "baseline");
    expect("of_parts", 2016, 50.0 / 450.0 * 100.0, "actual");
    expect("of_parts", 2017, 12.0, "actual");
    // Parts projected from 2017: 60 × 1.2 = 72, 500 × 1.1 = 550 → 13.0909.
    expect("of_parts", 2018, 72.0 / 550.0 * 100.0, "projected");
    // One part actual, the other filled in: 400 × (500/400)^(1/2) = 447.2136 →
    // 50 / 447.2136 × 100 = 11.180339887.
    expect(
        "mixed",
        2016,
        50.0 / (400.0 * 1.25f64.sqrt()) * 100.0,
        "interpolated",
    );
    expect("mixed", 2017, 12.0, "actual");
    // Entered share 14 in 2018, from the parts' 10 in 2015, filled in geometrically:
    // 10 × 1.4^(1/3) = 11.186889, 10 × 1.4^(2/3) = 12.514649.
    expect(
        "entered",
        2016,
        10.0 * 1.4f64.powf(1.0 / 3.0),
        "interpolated",
    );
    expect(
        "entered",
        2017,
        10.0 * 1.4f64.powf(2.0 / 3.0),
        "interpolated",
    );
    expect("entered", 2018, 14.0, "actual");
    // Afterwards it moves as the parts' ratio does: ×1.2/1.1 a year →
    // 14 × 1.2/1.1 = 15.272727, 14 × (1.2/1.1)² = 16.661157.
    expect("entered", 2019, 14.0 * 1.2 / 1.1, "projected");
    expect("entered", 2020, 14.0 * (1.2f64 / 1.1).powi(2), "projected");
}

// 2. The summary's progress columns ---------------------------------------

/// A compound metric behind its plan and one ahead of it, each with a level
/// goal whose status the actual figure flips, and a rate goal on the first.
fn flipping_plan(with_actuals: bool) -> String {
    let actual = |a: &'static str| if with_actuals { a } else { "" };
    plan(&format!(
        "[metrics.slow]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 160\n\
         rate_target = {{ at_least = \"10%\" }}\n{}\n\
         [metrics.fast]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 170\n{}\n",
        actual("actual = { 2017 = 118 }"),
        actual("actual = { 2019 = 160 }"),
    ))
}

#[test]
fn summary_columns_measure_the_latest_actual_against_plan_path_goal_and_time() {
    let text = flipping_plan(true);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let level = summary(dir.path(), "level");
    let slow = &level["slow"];
    assert_eq!(slow["latest_year"], "2017");
    assert_cell(slow, "latest_value", 118.0);
    // Plan path in 2017: 100 × 1.1² = 121.
    assert_cell(slow, "plan_value", 121.0);
    // 118 / 121 - 1 = -0.024793388429752.
    assert_cell(slow, "deviation", 118.0 / 121.0 - 1.0);
    // (118 - 100) / (160 - 100) = 18/60 = 0.3; (2017 - 2015) / (2020 - 2015) = 0.4.
    assert_cell(slow, "progress", 0.3);
    // The plan path's own: (121 - 100) / 60 = 0.35.
    assert_cell(slow, "expected_progress", 0.35);
    assert_cell(slow, "time_elapsed", 0.4);
    // (160/118)^(1/3) - 1 = 0.106825930405389.
    assert_cell(
        slow,
        "remaining_rate",
        (160.0f64 / 118.0).powf(1.0 / 3.0) - 1.0,
    );

    let fast = &level["fast"];
    assert_eq!(fast["latest_year"], "2019");
    // Plan path 100 × 1.1⁴ = 146.41; 160/146.41 - 1 = 0.0928215285841131.
    assert_cell(fast, "plan_value", 146.41);
    assert_cell(fast, "deviation", 160.0 / 146.41 - 1.0);
    // 60/70 = 0.857142857142857; 4/5 = 0.8; (170/160)^(1/1) - 1 = 0.0625.
    assert_cell(fast, "progress", 60.0 / 70.0);
    assert_cell(fast, "time_elapsed", 0.8);
    assert_cell(fast, "remaining_rate", 0.0625);

    // A rate goal has none of the eight columns.
    let rate = &summary(dir.path(), "rate")["slow"];
    for column in PROGRESS_COLUMNS {
        assert_eq!(rate[column], "", "{column} of a rate goal");
    }
}

#[test]
fn actual_figures_flip_statuses_and_rate_goals_use_the_path_through_them() {
    let dir = folder(&[("plan.toml", flipping_plan(true).as_bytes())]);
    let before_dir = folder(&[("plan.toml", flipping_plan(false).as_bytes())]);
    let (after, before) = (
        summary(dir.path(), "level"),
        summary(before_dir.path(), "level"),
    );
    // slow without figures: 100 × 1.1⁵ = 161.051 ≥ 160 reached; with 118 in 2017:
    // 118 × 1.1³ = 157.058 < 160 missed.
    assert_eq!(before["slow"]["status"], "reached");
    assert_cell(&after["slow"], "projected", 118.0 * 1.1f64.powi(3));
    assert_eq!(after["slow"]["status"], "missed");
    // fast without figures: 161.051 < 170 missed; with 160 in 2019: 176 reached.
    assert_eq!(before["fast"]["status"], "missed");
    assert_cell(&after["fast"], "projected", 176.0);
    assert_eq!(after["fast"]["status"], "reached");

    // The rate goal (≥ 10 %): exactly 10 % from the baseline alone; through the
    // actual figure (157.058/100)^(1/5) - 1 = 0.0944905409311514: missed.
    let rate_before = &summary(before_dir.path(), "rate")["slow"];
    let rate_after = &summary(dir.path(), "rate")["slow"];
    assert_cell(rate_before, "projected", 0.1);
    assert_eq!(rate_before["status"], "reached");
    assert_cell(
        rate_after,
        "projected",
        (118.0 * 1.1f64.powi(3) / 100.0).powf(0.2) - 1.0,
    );
    assert_eq!(rate_after["status"], "missed");
}

#[test]
fn a_ratio_goal_has_progress_but_no_remaining_rate() {
    let text = plan(
        "[metrics.part]\nbaseline = 40\ngrowth = \"20%\"\nactual = { 2017 = 60 }\n\
         [metrics.whole]\nbaseline = 400\ngrowth = \"10%\"\nactual = { 2017 = 500 }\n\
         [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\ntarget = 15\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let share = &summary(dir.path(), "level")["share"];
    assert_eq!(share["latest_year"], "2017");
    // 60/500 × 100 = 12; plan path 40 × 1.2² / (400 × 1.1²) × 100 = 57.6/484 × 100
    // = 11.900826446281; 12/11.900826446281 - 1 = 0.00833333333.
    assert_cell(share, "latest_value", 12.0);
    assert_cell(share, "plan_value", 57.6 / 484.0 * 100.0);
    assert_cell(share, "deviation", 12.0 / (57.6 / 484.0 * 100.0) - 1.0);
    // (12 - 10) / (15 - 10) = 0.4; time 2/5 = 0.4.
    assert_cell(share, "progress", 0.4);
    assert_cell(share, "time_elapsed", 0.4);
    assert_eq!(share["remaining_rate"], "");
}

// 3. Progress against time ------------------------------------------------

/// Linear 100 → 150 over 2015–2020 (10 a year), one metric per actual figure.
fn schedule_plan() -> String {
    let metric = |id: &str, actual: &str| {
        format!(
            "[metrics.{id}]\nbaseline = 100\nincrement = 10\ntarget = 150\nactual = {{ {actual} }}\n"
        )
    };
    plan(
        &[
            metric("even", "2018 = 130"),
            metric("lagging", "2018 = 129.99"),
            metric("early", "2019 = 155"),
            metric("on_time", "2020 = 155"),
        ]
        .concat(),
    )
}

#[test]
fn progress_equal_to_time_elapsed_is_on_schedule_and_just_below_is_behind() {
    let dir = folder(&[("plan.toml", schedule_plan().as_bytes())]);
    let table = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    // even: (130 - 100) / (150 - 100) = 30/50 = 0.6 = 3/5 = (2018 - 2015) / 5.
    assert!(row_text(&table, "even").contains("on plan path"), "{table}");
    // lagging: 29.99/50 = 0.5998 < 0.6.
    assert!(
        row_text(&table, "lagging").contains("behind plan path"),
        "{table}"
    );
    let level = summary(dir.path(), "level");
    assert_cell(&level["even"], "progress", 0.6);
    assert_cell(&level["even"], "time_elapsed", 0.6);
    assert_cell(&level["lagging"], "progress", 29.99 / 50.0);
}

#[test]
fn a_goal_met_by_an_actual_before_the_target_year_reads_already_reached() {
    let dir = folder(&[("plan.toml", schedule_plan().as_bytes())]);
    let table = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    // early: 155 ≥ 150 in 2019, a year before 2020.
    assert!(
        row_text(&table, "early").contains("already reached"),
        "{table}"
    );
    // on_time: 155 in 2020 is the target year itself: the figure is final,
    // so the schedule reads "final figure", not "already reached".
    let on_time = row_text(&table, "on_time");
    assert!(
        on_time.contains("final figure") && !on_time.contains("already"),
        "{table}"
    );
    // With no year left there is no rate needed from now.
    let level = summary(dir.path(), "level");
    assert_cell(&level["on_time"], "time_elapsed", 1.0);
    assert_eq!(level["on_time"]["remaining_rate"], "");
    // early: one year left, (150/155)^(1/1) - 1 = -0.032258064516129.
    assert_cell(&level["early"], "remaining_rate", 150.0 / 155.0 - 1.0);
}

// 4. Reading CSV files ----------------------------------------------------

#[test]
fn utf8_utf8_with_bom_and_gb18030_files_give_the_same_report() {
    let utf8 = fs::read(shipped(ACTUALS_UTF8)).expect("read the UTF-8 example");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &utf8].concat();
    let dir = folder(&[("bom.csv", &with_bom)]);
    let plan_path = shipped(TRACKING);
    let bom_path = dir.path().join("bom.csv");
    let files = [
        shipped(ACTUALS_UTF8),
        bom_path.display().to_string(),
        shipped(ACTUALS_GB18030),
    ];
    for format in ["table", "json"] {
        let outputs: Vec<String> = files
            .iter()
            .map(|f| ok(dir.path(), &[&plan_path, "--actuals", f, "-f", format]))
            .collect();
        assert_eq!(
            outputs[0], outputs[1],
            "UTF-8 with and without BOM, {format}"
        );
        assert_eq!(outputs[0], outputs[2], "UTF-8 and GB18030, {format}");
    }
    // And the figures did arrive: service_revenue 2017 is "571.9" in the file.
    let forced = ok(
        dir.path(),
        &[
            &plan_path,
            "--actuals",
            &files[2],
            "--actuals-encoding",
            "gb18030",
            "-f",
            "csv",
            "--table",
            "years",
        ],
    );
    assert!(
        forced.contains("base,service_revenue,服务业营业收入,亿元,2017,571.9,actual"),
        "{forced}"
    );
}

#[test]
fn forcing_utf8_on_the_gb18030_file_is_refused() {
    let stderr = refused(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            TRACKING,
            "--actuals",
            ACTUALS_GB18030,
            "--actuals-encoding",
            "utf-8",
        ],
    );
    assert!(
        stderr.contains(ACTUALS_GB18030) && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
}

#[test]
fn columns_in_any_order_extra_columns_and_thousands_separators_are_read() {
    let text = plan(
        "[metrics.big]\nbaseline = 1000\ngrowth = \"10%\"\n\
         [metrics.huge]\nbaseline = 1000000\nincrement = 0\n",
    );
    let figures = "value,source,Year,名称,Metric\n\
                   \"1,234.5\",统计公报,2017,大,big\n\
                   \"1,234,567.5\",年鉴,2016,巨,huge\n";
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("figures.csv", figures.as_bytes()),
    ]);
    let y = years(dir.path(), &["--actuals", "figures.csv"]);
    assert_point(&y, "big", 2017, 1234.5, "actual");
    // 1000 × 1.2345^(1/2) = 1111.0805551354.
    assert_point(&y, "big", 2016, 1000.0 * 1.2345f64.sqrt(), "interpolated");
    assert_point(&y, "huge", 2016, 1_234_567.5, "actual");
}

// 5. Bad figures ----------------------------------------------------------

/// A plan whose compound metric `inv` has 90 for 2017 in the plan file, and
/// a linear metric `firms`.
fn figures_plan() -> String {
    plan(
        "[metrics.inv]\nbaseline = 68\ngrowth = \"16%\"\ntarget = 150\nactual = { 2017 = 90 }\n\n\
         [metrics.firms]\nbaseline = 120\nincrement = 16\ntarget = 200\n",
    )
}

/// Runs the plan above with `csvs` (name, content) given to --actuals in
/// order; asserts a refusal whose message holds every one of `expected`.
fn refuses_figures(csvs: &[(&str, &str)], expected: &[&str]) {
    let plan = figures_plan();
    let mut files = vec![("plan.toml", plan.as_bytes())];
    files.extend(csvs.iter().map(|(name, text)| (*name, text.as_bytes())));
    let dir = folder(&files);
    let mut args = vec!["plan.toml"];
    for (name, _) in csvs {
        args.extend(["--actuals", name]);
    }
    let stderr = refused(dir.path(), &args);
    for part in expected {
        assert!(stderr.contains(part), "{part:?} missing from:\n{stderr}");
    }
}

/// One bad CSV row after a good one: the bad row is line 3.
fn bad_row(row: &str) -> String {
    format!("metric,year,value\nfirms,2016,130\n{row}\n")
}

#[test]
fn an_unknown_metric_is_refused_with_file_line_and_metric() {
    refuses_figures(
        &[("bad.csv", &bad_row("nope,2016,1"))],
        &[
            "bad.csv:3:",
            "metric `nope`",
            "not a metric of the plan",
            "inv, firms",
        ],
    );
}

#[test]
fn a_year_after_the_plan_and_a_base_year_figure_other_than_the_baseline_are_refused() {
    refuses_figures(
        &[("bad.csv", &bad_row("inv,2021,80"))],
        &[
            "bad.csv:3:",
            "metric `inv`",
            "2021 is outside the plan's years",
            "2016–2020",
        ],
    );
    // Years before 2015 are history; 2015's figure is the baseline, 68.
    refuses_figures(
        &[("bad.csv", &bad_row("inv,2015,80"))],
        &[
            "bad.csv:3:",
            "metric `inv`",
            "2015: 80 here, but the baseline is 68 (line 5)",
        ],
    );
}

#[test]
fn a_year_given_twice_is_refused_within_one_file_and_across_two() {
    refuses_figures(
        &[("bad.csv", &bad_row("firms,2016,131"))],
        &[
            "bad.csv:3:",
            "metric `firms`",
            "2016 is given twice (also bad.csv:2)",
        ],
    );
    refuses_figures(
        &[
            ("first.csv", "metric,year,value\nfirms,2019,150\n"),
            ("second.csv", "metric,year,value\nfirms,2019,151\n"),
        ],
        &[
            "second.csv:2:",
            "metric `firms`",
            "2019 is given twice (also first.csv:2)",
        ],
    );
}

#[test]
fn a_value_that_is_not_a_finite_number_is_refused() {
    for (value, complaint) in [
        ("abc", "\"abc\" is not a number"),
        ("12..5", "\"12..5\" is not a number"),
        ("inf", "\"inf\" is not a finite number"),
        ("NaN", "\"NaN\" is not a finite number"),
        // 1e400 overflows a double to infinity.
        ("1e400", "\"1e400\" is not a finite number"),
    ] {
        let row = format!("inv,2016,{value}");
        refuses_figures(
            &[("bad.csv", &bad_row(&row))],
            &["bad.csv:3:", "metric `inv`", "2016", complaint],
        );
    }
}

#[test]
fn a_non_positive_figure_on_a_compound_metric_is_refused_but_not_on_a_linear_one() {
    for value in ["0", "-1"] {
        let row = format!("inv,2018,{value}");
        refuses_figures(
            &[("bad.csv", &bad_row(&row))],
            &[
                "bad.csv:3:",
                "metric `inv`",
                &format!("2018: {value} is not positive"),
            ],
        );
    }
    // A linear path may pass through zero: firms -5 in 2018 is taken as it is.
    let dir = folder(&[
        ("plan.toml", figures_plan().as_bytes()),
        ("ok.csv", b"metric,year,value\nfirms,2018,-5\n"),
    ]);
    let y = years(dir.path(), &["--actuals", "ok.csv"]);
    assert_point(&y, "firms", 2018, -5.0, "actual");
}

#[test]
fn a_figure_in_both_plan_and_csv_must_agree() {
    refuses_figures(
        &[("bad.csv", &bad_row("inv,2017,91"))],
        &[
            "bad.csv:3:",
            "metric `inv`",
            "2017: 91 here, but the plan file says 90",
        ],
    );
    // The same figure written differently agrees, and is taken once.
    let dir = folder(&[
        ("plan.toml", figures_plan().as_bytes()),
        ("same.csv", b"metric,year,value\ninv,2017,90.0\n"),
    ]);
    let y = years(dir.path(), &["--actuals", "same.csv"]);
    assert_point(&y, "inv", 2017, 90.0, "actual");
}

#[test]
fn a_header_without_metric_year_and_value_is_refused() {
    for header in ["metric,yr,value", "year,value", "name,year,amount"] {
        let text = format!("{header}\ninv,2016,80\n");
        refuses_figures(
            &[("bad.csv", &text)],
            &["bad.csv:1:", "metric, year and value", header],
        );
    }
}

#[test]
fn bad_actual_tables_in_the_plan_file_are_refused_with_line_metric_and_year() {
    // The `actual` line of `inv` is line 9 of the plan: [plan] and its two
    // years, a blank line, then [metrics.inv], baseline, growth, target, actual.
    for (actual, complaint) in [
        ("{ x = 90 }", "`x` is not a year"),
        ("{ 2015 = 70 }", "2015 is outside the plan's years"),
        ("{ 2021 = 70 }", "2021 is outside the plan's years"),
        ("{ 2017 = -90 }", "2017: -90 is not positive"),
        ("{ 2017 = \"many\" }", "2017:"),
    ] {
        let text = figures_plan().replace("{ 2017 = 90 }", actual);
        let dir = folder(&[("bad.toml", text.as_bytes())]);
        let stderr = refused(dir.path(), &["bad.toml"]);
        for part in ["bad.toml:9:", "metric `inv`", "field `actual`", complaint] {
            assert!(stderr.contains(part), "{part:?} missing from:\n{stderr}");
        }
    }
}

// 6. Plans without actual figures -----------------------------------------

/// `dabiao -f csv` of the shipped targets.toml before actual figures existed
/// (tests/snapshots/report__csv_summary.snap at commit d24790d).
const SHIPPED_SUMMARY_BEFORE_ACTUALS: &str = "\
scenario,metric,name,unit,goal,op,target,tolerance,base_year,baseline,target_year,projected,status,gap,attainment,required_rate,year_reached
base,service_investment,服务业投资,亿元,level,>=,150,,2015,68,2020,142.8232327168,missed,-7.1767672832,0.952154884778667,0.17143034329661,2021
base,service_investment,服务业投资,亿元,rate,>=,0.16,,2015,68,2020,0.16,reached,0,,,
base,service_value_added,服务业增加值,亿元,level,>=,60,,2015,25,2020,62.208,reached,2.208,1.0368,0.19135789816709,2020
base,service_value_added,服务业增加值,亿元,rate,~,0.2,0.01,2015,25,2020,0.2,reached,0,,,
base,service_firms,服务业企业数,家,level,>=,200,,2015,120,2020,200,reached,0,1,0.10756634324829,2020
base,service_revenue,服务业营业收入,亿元,level,>=,1000,,2015,420,2020,960.858257856,missed,-39.141742144,0.960858257856,0.18946082182211,2021
base,emerging_share,新兴产业增加值占GDP比重,%,level,>=,15,,2015,9.52380952380952,2020,15.40225968718,reached,0.40225968718,1.02681731247867,,2020
base,hightech_share,高新技术产业产值占规模以上工业增加值比重,%,level,>=,30,,2015,20.3703703703704,2020,26.0840179917357,missed,-3.9159820082643,0.86946726639119,,2023
";

#[test]
fn without_actuals_the_summary_csv_only_gains_empty_columns_binding_and_schedule() {
    let now = stdout_of(&["-f", "csv"]);
    let before: Vec<&str> = SHIPPED_SUMMARY_BEFORE_ACTUALS.lines().collect();
    let after: Vec<&str> = now.lines().collect();
    assert_eq!(after.len(), before.len(), "{now}");
    // Spot checks of the old figures: 68 × 1.16⁵ = 142.8232327168;
    // 120 + 5 × 16 = 200; 25 × 1.2⁵ = 62.208.
    for (old, new) in before.iter().zip(&after) {
        let cells: Vec<&str> = new.split(',').collect();
        assert_eq!(cells.len(), 28, "{new}");
        assert_eq!(cells[..17].join(","), *old);
        if old.starts_with("scenario,") {
            assert_eq!(cells[17..25], PROGRESS_COLUMNS);
            assert_eq!(cells[25..], ["reference", "binding", "schedule"]);
        } else {
            // No figures, no in-step goals, nothing binding, no schedule.
            assert!(cells[17..26].iter().all(|c| c.is_empty()), "{new}");
            assert_eq!(cells[26], "false", "{new}");
            assert_eq!(cells[27], "", "{new}");
        }
    }
}

#[test]
fn without_actuals_the_table_has_no_progress_columns_and_no_marks() {
    let table = stdout_of(&[]);
    for word in [
        "Latest actual",
        "Better than plan",
        "Progress / plan / time",
        "Schedule",
        "actual figure",
    ] {
        assert!(!table.contains(word), "{word:?} in\n{table}");
    }
    let sources: Vec<String> = records(&stdout_of(&["-f", "csv", "--table", "years"]))
        .into_iter()
        .map(|r| r["source"].clone())
        .collect();
    assert!(
        sources.iter().all(|s| s == "baseline" || s == "projected"),
        "{sources:?}"
    );
}

// 7. dabiao review ----------------------------------------------------------

/// One goal for each verdict of the default method, `plan` (compound 10 %
/// a year unless said otherwise).
const VERDICT_METRICS: &str = "\
[metrics.none]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\n
[metrics.done]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\nactual = { 2017 = 151 }\n
[metrics.stalled]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\nactual = { 2018 = 110 }\n
[metrics.lagging]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\nactual = { 2018 = 125 }\n
[metrics.onpath]\nbaseline = 100\nincrement = 10\ntarget = 150\nactual = { 2018 = 130 }\n
[metrics.steady]\nbaseline = 100\nincrement = 10\ntarget = 150\nactual = { 2018 = 135 }\n";

const REVIEW_HEADER: &str = "scenario,metric,name,unit,goal,op,target,latest_year,latest_value,\
plan_value,deviation,progress,expected_progress,time_elapsed,achieved_rate,remaining_rate,verdict,\
achieved_increment,remaining_increment,extrapolated";

/// `dabiao review plan.toml -f csv extra…` in `dir`, rows by metric.
fn review(dir: &Path, extra: &[&str]) -> HashMap<String, HashMap<String, String>> {
    let args = [&["review", "plan.toml", "-f", "csv"], extra].concat();
    let text = ok(dir, &args);
    assert_eq!(text.lines().next(), Some(REVIEW_HEADER));
    records(&text)
        .into_iter()
        .map(|r| (r["metric"].clone(), r))
        .collect()
}

#[test]
fn review_gives_each_goal_its_verdict() {
    let text = plan(VERDICT_METRICS);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let rows = review(dir.path(), &[]);
    let verdict = |m: &str| rows[m]["verdict"].as_str();
    // none: no actual figure.
    assert_eq!(verdict("none"), "no_figures");
    assert_eq!(rows["none"]["latest_year"], "");
    // done: 151 ≥ 150 in 2017.
    assert_eq!(verdict("done"), "already_reached");
    // stalled: 1.1^(1/3) - 1 = 3.228 % a year so far; 110 × 1.1^(2/3) = 117.2 < 150,
    // and even the plan's 10 % half as fast again gives 110 × 1.15² = 145.5 < 150.
    assert_eq!(verdict("stalled"), "out_of_reach");
    assert_cell(
        &rows["stalled"],
        "achieved_rate",
        1.1f64.powf(1.0 / 3.0) - 1.0,
    );
    // lagging: 1.25^(1/3) - 1 = 7.72 % so far ends at 125 × 1.25^(2/3) = 145.0 < 150,
    // but 15 % a year gives 125 × 1.15² = 165.3 ≥ 150.
    assert_eq!(verdict("lagging"), "behind");
    assert_cell(&rows["lagging"], "progress", 25.0 / 50.0);
    // onpath (linear): 130 is the path's 100 + 3 × 10, and 10 a year ends at 150.
    assert_eq!(verdict("onpath"), "on_track");
    // steady (linear): 135 is above the path's 130.
    assert_eq!(verdict("steady"), "ahead");
    let steady = &rows["steady"];
    assert_eq!(steady["latest_year"], "2018");
    assert_cell(steady, "latest_value", 135.0);
    // Plan path 100 + 3 × 10 = 130; 135/130 - 1 = 0.0384615384615385.
    assert_cell(steady, "plan_value", 130.0);
    assert_cell(steady, "deviation", 135.0 / 130.0 - 1.0);
    assert_cell(steady, "progress", 0.7);
    assert_cell(steady, "time_elapsed", 0.6);
    // A linear metric moves by increments, (135 - 100) / 3 = 11.67 a year so
    // far and (150 - 135) / 2 = 7.5 needed, not by rates.
    assert_eq!(
        (&*steady["achieved_rate"], &*steady["remaining_rate"]),
        ("", "")
    );
    assert_cell(steady, "achieved_increment", 35.0 / 3.0);
    assert_cell(steady, "remaining_increment", 7.5);
    // The basis: 135 + 2 × 35 / 3 = 158.33.
    assert_cell(steady, "extrapolated", 135.0 + 70.0 / 3.0);
    // A compound metric's pace is a rate, and no increment.
    assert_eq!(rows["lagging"]["achieved_increment"], "");
    let table = ok(dir.path(), &["review", "plan.toml", "--wide"]);
    let row = row_text(&table, "steady");
    assert!(row.contains("+11.67 a year ┆ +7.50 a year"), "{row}");
}

#[test]
fn review_as_of_sets_later_figures_aside() {
    let text = plan(
        "[metrics.m]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\nactual = { 2017 = 112 }\n",
    );
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("later.csv", b"metric,year,value\nm,2019,155\n"),
    ]);
    let actuals = ["--actuals", "later.csv"];
    // All figures: 155 ≥ 150 in 2019.
    let all = &review(dir.path(), &actuals)["m"];
    assert_eq!(all["latest_year"], "2019");
    assert_eq!(all["verdict"], "already_reached");
    // As of 2018 the 2019 figure (from the CSV) is set aside: 112 in 2017 is
    // 1.12^(1/2) - 1 = 5.83 % a year, which ends at 112 × 1.12^(3/2) = 132.75 < 150,
    // and 15 % a year ends at 112 × 1.15³ = 170.3 ≥ 150.
    let as_of = &review(dir.path(), &[&actuals[..], &["--as-of", "2018"]].concat())["m"];
    assert_eq!(as_of["latest_year"], "2017");
    assert_cell(as_of, "latest_value", 112.0);
    assert_cell(as_of, "achieved_rate", 1.12f64.sqrt() - 1.0);
    assert_eq!(as_of["verdict"], "behind");
    // As of 2016 no figure is left.
    let early = &review(dir.path(), &[&actuals[..], &["--as-of", "2016"]].concat())["m"];
    assert_eq!(early["verdict"], "no_figures");
}

#[test]
fn review_as_of_outside_the_plans_years_is_refused() {
    let text = plan(VERDICT_METRICS);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    for year in ["2014", "2015", "2021"] {
        let stderr = refused(dir.path(), &["review", "plan.toml", "--as-of", year]);
        assert!(
            stderr.contains(&format!("--as-of {year}")) && stderr.contains("2016 to 2020"),
            "{stderr}"
        );
    }
}

#[test]
fn review_json_is_valid_and_agrees_with_the_csv() {
    let text = plan(VERDICT_METRICS);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let json = ok(
        dir.path(),
        &["review", "plan.toml", "-f", "json", "--as-of", "2019"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("review JSON parses");
    assert_eq!(value["as_of"], 2019);
    let goals = value["goals"].as_array().expect("a goals array");
    let verdicts: Vec<(&str, &str)> = goals
        .iter()
        .map(|g| {
            (
                g["metric"].as_str().unwrap(),
                g["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    // The same verdicts as review_gives_each_goal_its_verdict: every figure is
    // before 2019.
    assert_eq!(
        verdicts,
        [
            ("none", "no_figures"),
            ("done", "already_reached"),
            ("stalled", "out_of_reach"),
            ("lagging", "behind"),
            ("onpath", "on_track"),
            ("steady", "ahead"),
        ]
    );
    assert!(goals[0]["latest_year"].is_null());
    assert_eq!(goals[5]["latest_year"], 2018);
    assert_eq!(value["method"], "plan");
    // The plan method's figure behind the class: 130 + 2 × 10 = 150.
    assert_eq!(goals[4]["extrapolated"], 150.0);
    assert!(goals[4]["rate_ratio"].is_null());
}

// 8. An entered share that its parts contradict ---------------------------

/// Parts 60/500 = 12 % in 2017, the share entered as `entered` for 2017.
fn share_plan(entered: &str) -> String {
    plan(&format!(
        "[metrics.part]\nbaseline = 40\ngrowth = \"20%\"\nactual = {{ 2017 = 60 }}\n\
         [metrics.whole]\nbaseline = 400\ngrowth = \"10%\"\nactual = {{ 2017 = 500 }}\n\
         [metrics.share]\nratio = {{ numerator = \"part\", denominator = \"whole\" }}\n\
         target = 15\nactual = {{ 2017 = {entered} }}\n"
    ))
}

#[test]
fn an_entered_share_off_its_parts_is_noted_in_table_and_json() {
    // 12.5 entered against 60/500 × 100 = 12: 0.5 points apart, over 0.05.
    let dir = folder(&[("plan.toml", share_plan("12.5").as_bytes())]);
    let table = ok(dir.path(), &["plan.toml"]);
    let note = table
        .lines()
        .find(|l| l.starts_with("Note:"))
        .unwrap_or_else(|| panic!("no note in\n{table}"));
    assert!(
        note.contains("share")
            && note.contains("2017")
            && note.contains("entered as 12.5,")
            && note.contains("12.00"),
        "{note}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["plan.toml", "-f", "json"])).expect("JSON parses");
    assert_eq!(
        json["notes"],
        serde_json::json!([{ "metric": "share", "year": 2017, "entered": 12.5, "from_parts": 12.0 }])
    );
}

#[test]
fn with_csv_output_the_share_note_goes_to_stderr_and_stdout_stays_csv() {
    let dir = folder(&[("plan.toml", share_plan("12.5").as_bytes())]);
    for table in ["summary", "years"] {
        let ran = run(dir.path(), &["plan.toml", "-f", "csv", "--table", table]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        assert!(
            ran.stderr.contains("entered as 12.5,") && ran.stderr.contains("12.00"),
            "{}",
            ran.stderr
        );
        assert!(!ran.stdout.contains("Note"), "{}", ran.stdout);
        let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
        let width = reader.headers().expect("a header").len();
        for row in reader.records() {
            assert_eq!(row.expect("a CSV row").len(), width, "{}", ran.stdout);
        }
    }
}

#[test]
fn an_entered_share_within_rounding_of_its_parts_has_no_note() {
    // 12.04 against 12: 0.04 points apart, under 0.05.
    let dir = folder(&[("plan.toml", share_plan("12.04").as_bytes())]);
    let table = ok(dir.path(), &["plan.toml"]);
    assert!(!table.contains("Note:"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["plan.toml", "-f", "json"])).expect("JSON parses");
    assert!(json.get("notes").is_none(), "{json}");
}

// 9. Once known bugs, fixed since ------------------------------------------

#[test]
fn bad_rows_are_named_by_their_line_in_crlf_files_and_after_blank_lines() {
    // The bad row is line 3 in both files.
    refuses_figures(
        &[(
            "crlf.csv",
            "metric,year,value\r\nfirms,2016,130\r\ninv,2016,abc\r\n",
        )],
        &["crlf.csv:3:"],
    );
    refuses_figures(
        &[("blank.csv", "metric,year,value\n\ninv,2016,abc\n")],
        &["blank.csv:3:"],
    );
}

#[test]
fn an_unknown_metric_message_names_the_year() {
    refuses_figures(&[("bad.csv", &bad_row("nope,2016,1"))], &["2016"]);
}

#[test]
fn an_entered_share_exactly_at_the_threshold_has_no_note() {
    // 12.05 against 60/500 × 100 = 12: 0.05 points apart, not more than 0.05
    // (12.05 - 12 is 0.05000000000000071 in binary floating point).
    let dir = folder(&[("plan.toml", share_plan("12.05").as_bytes())]);
    let table = ok(dir.path(), &["plan.toml"]);
    assert!(!table.contains("Note:"), "{table}");
}

/// A share in percent whose actual figure is written as a fraction is
/// refused like such a target, blamed on the CSV row or the plan's line,
/// unless the plan gives `scale`.
#[test]
fn a_share_figure_written_as_a_fraction_is_refused_where_it_was_given() {
    let share = |extra: &str| {
        plan(&format!(
            "[metrics.service]\nbaseline = 57\ngrowth = \"6%\"\n\
             [metrics.gdp]\nbaseline = 100\ngrowth = \"5%\"\n\
             [metrics.service_share]\nratio = {{ numerator = \"service\", denominator = \"gdp\"{extra} }}\n\
             target = 60\n"
        ))
    };
    let csv = "metric,year,value\nservice_share,2018,0.571\n";
    let text = share("");
    let dir = folder(&[("plan.toml", text.as_bytes()), ("a.csv", csv.as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "plan.toml", "--actuals", "a.csv"]);
    assert!(stderr.contains("a.csv:2"), "{stderr}");
    assert!(stderr.contains("did you mean 57.1?"), "{stderr}");
    // In the plan file: its line is blamed.
    let text = format!("{}actual = {{ 2017 = 0.58 }}\n", share(""));
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "plan.toml"]);
    assert!(stderr.contains("plan.toml:14"), "{stderr}");
    assert!(stderr.contains("did you mean 58?"), "{stderr}");
    // A given scale says what the share means.
    let text = share(", scale = 100");
    let dir = folder(&[("plan.toml", text.as_bytes()), ("a.csv", csv.as_bytes())]);
    ok(dir.path(), &["validate", "plan.toml", "--actuals", "a.csv"]);
}
