//! History, trends and assessment methods through the binary: figures
//! before the base year (in the plan and in actuals files), growth and
//! increments taken from their trend, and every refusal of them.

use crate::common::{folder, ok, plan, records, refused};

/// GDP 146.41 in 2015 after 10 % a year from 100 in 2011 (110, 121, 133.1),
/// its growth as given; `more` follows its table.
fn gdp(growth: &str, history: &str, more: &str) -> String {
    plan(&format!(
        "[metrics.gdp]\nbaseline = 146.41\ngrowth = {growth}\nhistory = {{ {history} }}\n{more}"
    ))
}

const TEN_PERCENT: &str = "2011 = 100, 2012 = 110, 2013 = 121, 2014 = 133.1";

#[test]
fn growth_from_the_trend_is_named_above_the_tables_and_carried_in_json() {
    let text = gdp(
        "\"trend\"",
        TEN_PERCENT,
        "trend = \"loglinear\"\ntarget = 235\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let table = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    assert!(
        table.contains(
            "gdp grows 10.00% a year: the trend of 2011–2015 \
             (loglinear: least squares on the logarithms, 5 figures, R² 1.000)"
        ),
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["plan.toml", "-f", "json"])).unwrap();
    let trend = &json["series"][0]["trend"];
    assert_eq!(trend["estimator"], "loglinear");
    assert!(
        (trend["rate"].as_f64().unwrap() - 0.1).abs() < 1e-12,
        "{trend}"
    );
    assert_eq!(
        (trend["points"].as_u64(), trend["from_year"].as_i64()),
        (Some(5), Some(2011))
    );
    assert!((trend["r_squared"].as_f64().unwrap() - 1.0).abs() < 1e-12);
    // 146.41 × 1.1⁵ = 235.7947…: the trend's rate, every year.
    let summary = records(&ok(dir.path(), &["plan.toml", "-f", "csv"]));
    assert_eq!(summary[0]["status"], "reached");
}

#[test]
fn an_increment_from_the_trend_of_a_history_in_an_actuals_file() {
    // Linear 20, 22, 24 in 2012–2014 and the 2015 baseline 26, from the CSV:
    // the end points give (26 - 20) / 3 = 2 a year; the 2015 row is the baseline.
    let text = plan("[metrics.jobs]\nbaseline = 26\nincrement = \"trend\"\ntarget = 36\n");
    let csv = "metric,year,value\njobs,2012,20\njobs,2013,22\njobs,2014,24\njobs,2015,26\n";
    let dir = folder(&[("plan.toml", text.as_bytes()), ("h.csv", csv.as_bytes())]);
    let args = [
        "plan.toml",
        "--actuals",
        "h.csv",
        "-f",
        "csv",
        "--table",
        "years",
    ];
    let years = records(&ok(dir.path(), &args));
    let values: Vec<&str> = years.iter().map(|r| r["value"].as_str()).collect();
    assert_eq!(values, ["26", "28", "30", "32", "34", "36"]);
    let valid = ok(dir.path(), &["validate", "plan.toml", "--actuals", "h.csv"]);
    assert!(valid.ends_with(", 3 history figures\n"), "{valid}");
}

#[test]
fn too_few_figures_for_the_estimator_are_refused_with_the_fix() {
    let text = gdp("\"trend\"", "2013 = 121, 2014 = 133.1", "");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    assert_eq!(
        refused(dir.path(), &["plan.toml"]),
        "error: plan.toml:7: metric `gdp`, field `growth`: \"trend\" by cagr needs at least 3 \
         history figures before 2015, found 2; add them, as history = { 2013 = …, 2014 = … } \
         or rows of an actuals file, or give the change itself, as growth = \"6%\"\n"
    );
    let text = gdp("\"trend\"", TEN_PERCENT, "trend = \"recent5\"\n");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["plan.toml"]);
    assert!(
        stderr
            .contains("\"trend\" by recent5 needs at least 5 history figures before 2015, found 4"),
        "{stderr}"
    );
    // A --set that asks for the trend is blamed as typed.
    let text = gdp("\"5%\"", "2014 = 133.1", "");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["plan.toml", "--set", "gdp.growth=trend"]);
    assert!(
        stderr
            .starts_with("error: plan.toml: --set gdp.growth=trend: metric `gdp`, field `growth`"),
        "{stderr}"
    );
}

#[test]
fn history_at_or_after_the_base_year_and_non_positive_history_are_refused() {
    let text = gdp("\"5%\"", "2013 = 0, 2015 = 146.41, 2016 = 150", "");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["plan.toml"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: plan.toml:8: metric `gdp`, field `history`: 2013: 0 is not positive; a \
             compound metric's history needs positive figures (it has a growth rate only \
             between them)",
            "error: plan.toml:8: metric `gdp`, field `history`: 2015 is not before the base \
             year 2015; history holds the years before it (the 2015 value is the baseline)",
            "error: plan.toml:8: metric `gdp`, field `history`: 2016 is not before the base \
             year 2015; history holds the years before it (figures for 2016 on go in `actual`)",
        ]
    );
}

#[test]
fn history_rows_of_an_actuals_file_are_checked_like_the_plans() {
    let text = gdp("\"5%\"", "2014 = 133.1", "");
    let refuses = |csv: &str, expected: &str| {
        let dir = folder(&[("plan.toml", text.as_bytes()), ("h.csv", csv.as_bytes())]);
        let stderr = refused(dir.path(), &["plan.toml", "--actuals", "h.csv"]);
        assert_eq!(
            stderr,
            format!("error: h.csv:2: metric `gdp`: {expected}\n")
        );
    };
    refuses(
        "metric,year,value\ngdp,2015,146.4\n",
        "2015: 146.4 here, but the baseline is 146.41 (line 5); the two must agree: \
         correct one, or drop one",
    );
    refuses(
        "metric,year,value\ngdp,2014,133\n",
        "2014: 133 here, but the plan file says 133.1 (line 5); the two must agree: \
         correct one, or drop one",
    );
    refuses(
        "metric,year,value\ngdp,2012,-1\n",
        "2012: -1 is not positive; a compound metric or a share needs positive figures",
    );
    // The base year's figure equal to the baseline adds nothing.
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        (
            "h.csv",
            b"metric,year,value\ngdp,2015,146.41\ngdp,2013,121\n",
        ),
    ]);
    let valid = ok(dir.path(), &["validate", "plan.toml", "--actuals", "h.csv"]);
    assert!(valid.ends_with(", 2 history figures\n"), "{valid}");
}

#[test]
fn a_share_takes_its_history_from_its_parts() {
    let text = plan(
        "[metrics.part]\nbaseline = 10\ngrowth = \"5%\"\n\
         [metrics.whole]\nbaseline = 100\ngrowth = \"5%\"\n\
         [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\n\
         history = { 2014 = 9.5 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["plan.toml"]);
    assert!(
        stderr.starts_with(
            "error: plan.toml:13: metric `share`, field `history`: a ratio takes its figures \
             from its numerator and denominator"
        ),
        "{stderr}"
    );
}

/// GDP 1000 growing 6 % a year, exactly on its plan path for 2016–2018, with
/// the plan's own 2020 value as the goal: 1000 × 1.06⁵ = 1338.2255776.
const ON_PATH: &str = "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ntarget = 1338.2255776\n\
    actual = { 2016 = 1060, 2017 = 1123.6, 2018 = 1191.016 }\n";

#[test]
fn a_metric_on_its_compound_plan_path_is_on_schedule_in_the_report() {
    let text = plan(ON_PATH);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let table = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    // Progress (1191.016 - 1000) / 338.2255776 = 56.48 % trails the 60 % of
    // time gone, as on any compound path, and is exactly what the plan expects.
    assert!(table.contains("56% / 56% / 60%"), "{table}");
    assert!(table.contains("on schedule"), "{table}");
    let row = &records(&ok(dir.path(), &["plan.toml", "-f", "csv"]))[0];
    let cell = |column: &str| row[column].parse::<f64>().unwrap();
    assert!((cell("progress") - 0.564759180412735).abs() < 1e-12);
    assert_eq!(cell("progress"), cell("expected_progress"));
    assert_eq!(cell("time_elapsed"), 0.6);
}
