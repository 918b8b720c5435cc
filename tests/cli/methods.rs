//! History, trends and assessment methods through the binary: figures
//! before the base year (in the plan and in actuals files), growth and
//! increments taken from their trend, and every refusal of them.

use crate::common::{folder, ok, plan, records, refused, table_row, table_rows};

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
    assert!(table.contains("on plan path"), "{table}");
    let row = &records(&ok(dir.path(), &["plan.toml", "-f", "csv"]))[0];
    let cell = |column: &str| row[column].parse::<f64>().unwrap();
    assert!((cell("progress") - 0.564759180412735).abs() < 1e-12);
    assert_eq!(cell("progress"), cell("expected_progress"));
    assert_eq!(cell("time_elapsed"), 0.6);
}

/// 100 growing 10 % a year to 161.051 in 2020 (110, 121, 133.1, 146.41), with
/// `goal` as its level goal and `actual` as its figures.
fn ten_percent(id: &str, goal: &str, actual: &str) -> String {
    format!(
        "[metrics.{id}]\nbaseline = 100\ngrowth = \"10%\"\ntarget = {goal}\n\
         actual = {{ {actual} }}\n"
    )
}

/// One metric per way of standing against 10 % a year to 161.051.
fn compound_goals() -> String {
    plan(
        &[
            ten_percent("final", "161.051", "2020 = 170"),
            ten_percent("early", "150", "2018 = 155"),
            ten_percent("above", "161.051", "2018 = 140"),
            ten_percent("onpath", "161.051", "2018 = 133.1"),
            ten_percent("under", "161.051", "2018 = 125"),
            ten_percent("stalled", "161.051", "2018 = 105"),
            ten_percent("falling", "161.051", "2018 = 95"),
        ]
        .concat(),
    )
}

/// (metric, verdict) of `dabiao review plan.toml --method METHOD -f csv extra…`.
fn verdicts(text: &str, method: &str, extra: &[&str]) -> Vec<(String, String)> {
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let args = [
        &["review", "plan.toml", "--method", method, "-f", "csv"],
        extra,
    ]
    .concat();
    records(&ok(dir.path(), &args))
        .into_iter()
        .map(|r| (r["metric"].clone(), r["verdict"].clone()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let owned = expected.iter().map(|(m, v)| (m.to_string(), v.to_string()));
    owned.collect()
}

#[test]
fn plan_method_classes() {
    // final: 170 for 2020 meets 161.051. early: 155 ≥ 150 before 2020. above:
    // 140 beats the path's 133.1. onpath: 133.1, and 10 % a year ends at
    // 161.051. under: 125 is 7.72 % a year → 145.0 < 161.051, but the plan's
    // 10 % half as fast again gives 125 × 1.15² = 165.3. stalled: 105 × 1.15² =
    // 138.9 < 161.051. falling: 95 × 1.15² = 125.6.
    assert_eq!(
        verdicts(&compound_goals(), "plan", &[]),
        pairs(&[
            ("final", "reached"),
            ("early", "already_reached"),
            ("above", "ahead"),
            ("onpath", "on_track"),
            ("under", "behind"),
            ("stalled", "out_of_reach"),
            ("falling", "out_of_reach"),
        ])
    );
}

#[test]
fn statcan_method_classes() {
    // The goal needs 10 % a year from 100 (early: (150/100)^(1/5) - 1 = 8.45 %).
    // above: 1.4^(1/3) - 1 = 11.87 %, R = 1.19; onpath R = 1; under: 7.72 %,
    // R = 0.77; stalled: 1.05^(1/3) - 1 = 1.64 %, R = 0.16; falling: R < 0.
    assert_eq!(
        verdicts(&compound_goals(), "statcan", &[]),
        pairs(&[
            ("final", "target_achieved"),
            ("early", "target_achieved"),
            ("above", "on_track"),
            ("onpath", "on_track"),
            ("under", "acceleration_needed"),
            ("stalled", "limited_progress"),
            ("falling", "deterioration"),
        ])
    );
}

#[test]
fn unsd_method_classes() {
    // E = v(t) × (1 + CAGR)^(2020 - t), P = (E - 100) / (G - 100). final: E = 170,
    // P = 1.15. under: E = 125 × 1.25^(2/3) = 145.0, P = 0.74. stalled: E = 105 ×
    // 1.05^(2/3) = 108.4, P = 0.14. falling: E = 95 × 0.95^(2/3) = 91.8, P < 0.
    assert_eq!(
        verdicts(&compound_goals(), "unsd", &[]),
        pairs(&[
            ("final", "on_track"),
            ("early", "on_track"),
            ("above", "on_track"),
            ("onpath", "on_track"),
            ("under", "fair_progress"),
            ("stalled", "fair_progress"),
            ("falling", "stagnation_or_regression"),
        ])
    );
}

#[test]
fn ndrc_method_classes_and_a_ceiling() {
    let text = compound_goals().replace("[metrics.stalled]", "[metrics.stalled_]")
        + "[metrics.energy]\nbaseline = 100\ngrowth = \"-10%\"\ntarget = { at_most = 59.049 }\n\
           actual = { 2018 = 72 }\n";
    // energy falls 10 % a year to 72.9 in 2018; 72 is under it: ahead.
    assert_eq!(
        verdicts(&text, "ndrc", &[]),
        pairs(&[
            ("final", "ahead_of_plan"),
            ("early", "achieved_early"),
            ("above", "ahead_of_plan"),
            ("onpath", "broadly_on_plan"),
            ("under", "lagging"),
            ("stalled_", "lagging"),
            ("falling", "lagging"),
            ("energy", "ahead_of_plan"),
        ])
    );
}

#[test]
fn destatis_method_classes_with_history_in_the_window() {
    // Linear 100 rising 10 a year to 130 in 2018: extrapolated 130 + 2 × 10 =
    // 150, s = (G - 150) / (G - 130).
    let rising = |id: &str, goal: &str, actual: &str| {
        format!(
            "[metrics.{id}]\nbaseline = 100\nincrement = 10\ntarget = {goal}\n\
             actual = {{ {actual} }}\n"
        )
    };
    let three = "2016 = 110, 2017 = 120, 2018 = 130";
    let text = plan(
        &[
            rising("sun", "151", three),   // s = 1 / 21 = 0.048
            rising("light", "152", three), // s = 2 / 22 = 0.091
            rising("cloud", "160", three), // s = 10 / 30 = 0.33
            rising("storm", "150", "2016 = 99, 2017 = 98, 2018 = 97"),
            rising("short", "150", "2016 = 110, 2017 = 120"), // three values
            // 2013, 2014, the baseline and 2016 are four values: (110 - 80) / 3 = 10
            // a year → 150 by 2020, s = 5 / 45 = 0.11.
            rising("history", "155", "2016 = 110")
                .replace("actual", "history = { 2013 = 80, 2014 = 90 }\nactual"),
        ]
        .concat(),
    );
    assert_eq!(
        verdicts(&text, "destatis", &[]),
        pairs(&[
            ("sun", "sun"),
            ("light", "light_cloud"),
            ("cloud", "cloud"),
            ("storm", "thunderstorm"),
            ("short", "insufficient_data"),
            ("history", "light_cloud"),
        ])
    );
}

#[test]
fn the_on_path_metric_by_every_method() {
    let text = plan(ON_PATH);
    let verdict = |method: &str| verdicts(&text, method, &[])[0].1.clone();
    assert_eq!(verdict("plan"), "on_track");
    assert_eq!(verdict("statcan"), "on_track");
    assert_eq!(verdict("unsd"), "on_track");
    assert_eq!(verdict("ndrc"), "broadly_on_plan");
    // A straight line from 1191.016 at 63.672 a year reaches 1318.36 < 1338.23:
    // s = 19.866 / 147.21 = 0.135.
    assert_eq!(verdict("destatis"), "light_cloud");
}

#[test]
fn the_table_words_each_class_and_counts_them() {
    let dir = folder(&[("plan.toml", compound_goals().as_bytes())]);
    let table = ok(
        dir.path(),
        &["review", "plan.toml", "--method", "ndrc", "--lang", "zh"],
    );
    assert!(table.contains("┆ 提前实现 "), "{table}");
    assert!(
        table.ends_with("国家发展改革委：提前实现1项，快于预期2项，基本符合预期1项，滞后3项\n"),
        "{table}"
    );
    let table = ok(dir.path(), &["review", "plan.toml", "--method", "statcan"]);
    // Each class beside the figure it rests on: R = 7.72 % / 10 % for `under`.
    assert!(table.contains("R = 0.77 ┆ acceleration needed"), "{table}");
    assert!(
        table.ends_with(
            "Statistics Canada: 2 target achieved, 2 on track, 1 acceleration needed, \
             1 limited progress, 1 deterioration\n"
        ),
        "{table}"
    );
    // Coloured on request: green, yellow and red.
    let coloured = ok(
        dir.path(),
        &[
            "review",
            "plan.toml",
            "--method",
            "statcan",
            "--color",
            "always",
        ],
    );
    for code in ["\u{1b}[38;5;10m", "\u{1b}[38;5;11m", "\u{1b}[38;5;9m"] {
        assert!(coloured.contains(code), "{code:?} in {coloured}");
    }
}

#[test]
fn json_names_the_method_and_the_figures_behind_each_class() {
    let dir = folder(&[("plan.toml", compound_goals().as_bytes())]);
    let json = ok(
        dir.path(),
        &["review", "plan.toml", "--method", "statcan", "-f", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["method"], "statcan");
    let under = &value["goals"][4];
    assert_eq!(under["metric"], "under");
    // R = (1.25^(1/3) - 1) / 0.1 = 0.7721.
    let r = under["rate_ratio"].as_f64().unwrap();
    assert!(
        (r - (1.25f64.powf(1.0 / 3.0) - 1.0) / 0.1).abs() < 1e-9,
        "{r}"
    );
    assert!(under["projected_progress"].is_null() && under["shortfall"].is_null());
    let unsd = ok(
        dir.path(),
        &["review", "plan.toml", "--method", "unsd", "-f", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&unsd).unwrap();
    let under = &value["goals"][4];
    // E = 125 × 1.25^(2/3) = 145.0, P = 45.0 / 61.051.
    let e = 125.0 * 1.25f64.powf(2.0 / 3.0);
    assert!((under["extrapolated"].as_f64().unwrap() - e).abs() < 1e-9);
    assert!((under["projected_progress"].as_f64().unwrap() - (e - 100.0) / 61.051).abs() < 1e-9);
}

#[test]
fn history_gives_the_verdict_of_each_year_on_the_figures_then() {
    let text = plan(&ten_percent(
        "m",
        "161.051",
        "2016 = 110, 2017 = 118, 2019 = 150",
    ));
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let csv = ok(
        dir.path(),
        &[
            "review",
            "plan.toml",
            "--history",
            "--method",
            "ndrc",
            "-f",
            "csv",
        ],
    );
    // 2016: on the path, 110 × 1.1⁴ = 161.051. 2017: 118 under the path's
    // 121, 8.63 % a year → 118 × 1.0863³ = 151.3 < 161.051. 2019: 150 above
    // the path's 146.41, 1.5^(1/4) a year → 150 × 1.5^(1/4) = 166.0.
    assert_eq!(
        csv,
        "scenario,metric,name,unit,goal,op,target,as_of,latest_value,plan_value,method,verdict,\
         extrapolated\n\
         base,m,m,,level,>=,161.051,2016,110,110,ndrc,broadly_on_plan,161.051\n\
         base,m,m,,level,>=,161.051,2017,118,121,ndrc,lagging,151.253355559471\n\
         base,m,m,,level,>=,161.051,2019,150,146.41,ndrc,ahead_of_plan,166.002287955048\n"
    );
    let json = ok(
        dir.path(),
        &["review", "plan.toml", "--history", "-f", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["method"], "plan");
    let history = value["history"].as_array().unwrap();
    let years: Vec<i64> = history
        .iter()
        .map(|h| h["as_of"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2016, 2017, 2019]);
    assert_eq!(history[1]["verdict"], "behind");
    let table = ok(dir.path(), &["review", "plan.toml", "--history"]);
    assert!(table.contains("Verdicts year by year"), "{table}");
    let markdown = ok(
        dir.path(),
        &["review", "plan.toml", "--history", "-f", "markdown"],
    );
    assert!(markdown.contains(" 2019 |"), "{markdown}");
}

#[test]
fn an_unknown_method_and_history_as_of_a_year_are_refused() {
    let dir = folder(&[("plan.toml", compound_goals().as_bytes())]);
    let stderr = refused(dir.path(), &["review", "plan.toml", "--method", "eurostat"]);
    assert!(
        stderr.contains("invalid value 'eurostat' for '--method <NAME>'")
            && stderr.contains("[possible values: plan, statcan, unsd, destatis, ndrc]"),
        "{stderr}"
    );
    let stderr = refused(
        dir.path(),
        &["review", "plan.toml", "--history", "--as-of", "2018"],
    );
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn explain_notes_a_plan_rate_far_from_the_history() {
    // 43.5 in 2011 to 68 in 2015: (68 / 43.5)^(1/4) - 1 = 11.82 % a year, 4.18
    // points under the plan's 16 %; gdp's 10.5 % is half a point over its 10 %.
    let text = plan(
        "[metrics.inv]\nname = \"服务业投资\"\nbaseline = 68\ngrowth = \"16%\"\n\
         history = { 2011 = 43.5, 2012 = 48.9, 2013 = 54.4 }\n\
         [metrics.gdp]\nbaseline = 146.41\ngrowth = \"10.5%\"\n\
         history = { 2011 = 100, 2012 = 110, 2013 = 121 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let english = ok(dir.path(), &["explain", "plan.toml"]);
    assert!(
        english.contains(
            "\n服务业投资: the plan assumes 16.00% a year; 2011–2015 grew 11.82% a year.\n"
        ),
        "{english}"
    );
    assert!(!english.contains("gdp"), "{english}");
    let chinese = ok(dir.path(), &["explain", "plan.toml", "--lang", "zh"]);
    assert!(
        chinese.contains("服务业投资：规划假定年均增长16.00%；2011—2015年年均增长11.82%。"),
        "{chinese}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["explain", "plan.toml", "-f", "json"])).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "trend_differs");
    assert_eq!(
        (finding["plan_rate"].as_f64(), finding["from_year"].as_i64()),
        (Some(0.16), Some(2011))
    );
    assert!(
        (finding["trend_rate"].as_f64().unwrap() - ((68.0f64 / 43.5).powf(0.25) - 1.0)).abs()
            < 1e-12
    );
}

#[test]
fn goals_on_changes_increases_and_totals_are_judged_as_the_levels_they_imply() {
    // 100 growing 8 % a year: 108, 116.64, 125.97, 136.05, 146.93, adding up to
    // 633.6. 120 in 2017 is above the path's 116.64: ahead of plan for a change
    // of +30 % (the level 130), an increase of 30 (130) and a total of 600 (the
    // level 146.93 × 600 / 633.6 = 139.14); 110 is under it, and its 4.88 % a
    // year ends at 110 × 1.0488³ = 126.9: lagging for each of the three.
    let metric = |id: &str, actual: &str| {
        format!(
            "[metrics.{id}]\nbaseline = 100\ngrowth = \"8%\"\nchange_target = \"30%\"\n\
             increase_target = 30\ntotal_target = 600\nactual = {{ 2017 = {actual} }}\n"
        )
    };
    let text = plan(&[metric("fast", "120"), metric("slow", "110")].concat());
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let csv = ok(
        dir.path(),
        &["review", "plan.toml", "--method", "ndrc", "-f", "csv"],
    );
    let rows: Vec<(String, String, String)> = records(&csv)
        .into_iter()
        .map(|r| (r["metric"].clone(), r["goal"].clone(), r["verdict"].clone()))
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("fast", "change", "ahead_of_plan"),
        ("fast", "increase", "ahead_of_plan"),
        ("fast", "total", "ahead_of_plan"),
        ("slow", "change", "lagging"),
        ("slow", "increase", "lagging"),
        ("slow", "total", "lagging"),
    ]
    .iter()
    .map(|(m, g, v)| (m.to_string(), g.to_string(), v.to_string()))
    .collect();
    assert_eq!(rows, expected);
}

#[test]
fn a_trend_with_a_deflator_is_refused() {
    let text = gdp("\"trend\"", TEN_PERCENT, "deflator = \"2%\"\n");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let stderr = refused(dir.path(), &["plan.toml"]);
    assert!(
        stderr.starts_with(
            "error: plan.toml:7: metric `gdp`, field `growth`: \"trend\" takes the rate of the \
             history, which is at current prices, but with a deflator growth is real"
        ),
        "{stderr}"
    );
}

#[test]
fn the_latest_actual_of_a_deflated_metric_is_the_published_figure() {
    // Growth at comparable prices, levels at current prices: the figures
    // are shown as published, and a level at base-year prices says so.
    let text = "[plan]\nbase_year = 2020\ntarget_year = 2025\n\n\
                [metrics.gdp]\nbaseline = 5000\ngrowth = \"6%\"\ndeflator = \"2.5%\"\n\
                target = { at_least = 7000 }\nrate_target = { at_least = \"6%\" }\n";
    let actuals = "metric,2021,2022\ngdp,5690,6480\n";
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("a.csv", actuals.as_bytes()),
    ]);
    let history = ok(
        dir.path(),
        &["review", "plan.toml", "--actuals", "a.csv", "--history"],
    );
    let rows = table_rows(&history, "gdp");
    let cells = |row: &Vec<String>| (row[2].clone(), row[3].clone(), row[4].clone());
    // 2021: 5690 as published beside the plan path's 5000 × 1.06 × 1.025.
    assert_eq!(
        cells(&rows[0]),
        ("2021".into(), "5690".into(), "5432.50".into())
    );
    assert_eq!(
        cells(&rows[2]),
        ("2021".into(), "5690".into(), "5432.50".into())
    );
    assert_eq!(
        cells(&rows[3]),
        ("2022".into(), "6480".into(), "5902.41".into())
    );
    // A level goal is judged at current prices, a rate goal on the real path.
    assert_eq!(rows[1][5], "→ 9560.54", "{history}");
    assert_eq!(rows[3][5], "→ 8450.13 (comparable prices)", "{history}");
    let table = ok(dir.path(), &["review", "plan.toml", "--actuals", "a.csv"]);
    let rows = table_rows(&table, "gdp");
    assert_eq!(rows[1][2], "6480 (2022)", "{table}");
    assert_eq!(rows[1][7], "→ 8450.13 (comparable prices)", "{table}");
    let zh = ok(
        dir.path(),
        &["review", "plan.toml", "--actuals", "a.csv", "--lang", "zh"],
    );
    assert_eq!(table_rows(&zh, "gdp")[1][7], "→ 8450.13（可比价）", "{zh}");
    let csv = ok(
        dir.path(),
        &[
            "review",
            "plan.toml",
            "--actuals",
            "a.csv",
            "--history",
            "-f",
            "csv",
        ],
    );
    assert!(csv.contains("rate,>=,0.06,2021,5690,5432.5,"), "{csv}");
}

#[test]
fn a_figure_above_a_plan_path_that_falls_short_is_not_ahead() {
    // R&D intensity 2.2 % to rise 0.5 points, to 2.7, on a plan path of
    // 0.08 a year that reaches only 2.6. 2.47 in 2018 is above the path's
    // 2.44, but 0.09 a year so far ends at 2.65; 0.12 a year (the plan's
    // 0.08 half as fast again) at 2.71. Energy intensity 100 planned to fall
    // 2 % a year, to 90.39, against a change of -13.5 %, to 86.5: 95 in 2017
    // is under the path's 96.04, but -2.53 % a year so far ends at 87.97.
    let text = plan(
        "[metrics.rd]\nunit = \"%\"\nbaseline = 2.2\nincrement = 0.08\nincrease_target = 0.5\n\
         actual = { 2016 = 2.29, 2017 = 2.38, 2018 = 2.47 }\n\
         [metrics.energy]\nbaseline = 100\ngrowth = \"-2%\"\n\
         change_target = { at_most = \"-13.5%\" }\nactual = { 2017 = 95 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let verdicts = |method: &str| -> Vec<String> {
        let csv = ok(
            dir.path(),
            &["review", "plan.toml", "--method", method, "-f", "csv"],
        );
        records(&csv).iter().map(|r| r["verdict"].clone()).collect()
    };
    assert_eq!(verdicts("plan"), ["behind", "out_of_reach"]);
    assert_eq!(verdicts("ndrc"), ["lagging", "lagging"]);
}

#[test]
fn review_csv_and_json_write_the_changes_a_year_and_the_basis_the_table_shows() {
    // 2.2 % to 2.46 % in 2018: (2.46 - 2.2) / 3 = 0.0867 points a year so
    // far, (2.7 - 2.46) / 2 = 0.12 needed, and 2.46 + 2 × 0.0867 = 2.6333.
    let text = plan(
        "[metrics.rd]\nunit = \"%\"\nbaseline = 2.2\nincrement = 0.08\nincrease_target = 0.5\n\
         actual = { 2018 = 2.46 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let csv = ok(dir.path(), &["review", "plan.toml", "-f", "csv"]);
    let row = &records(&csv)[0];
    let cell = |key: &str| row[key].parse::<f64>().unwrap();
    assert!(
        (cell("achieved_increment") - 0.26 / 3.0).abs() < 1e-12,
        "{csv}"
    );
    assert!((cell("remaining_increment") - 0.12).abs() < 1e-12, "{csv}");
    assert!(
        (cell("extrapolated") - (2.46 + 0.52 / 3.0)).abs() < 1e-12,
        "{csv}"
    );
    assert_eq!((&*row["achieved_rate"], &*row["remaining_rate"]), ("", ""));
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["review", "plan.toml", "-f", "json"])).unwrap();
    let goal = &json["goals"][0];
    assert!((goal["remaining_increment"].as_f64().unwrap() - 0.12).abs() < 1e-12);
    assert_eq!(goal["extrapolated"].as_f64(), Some(cell("extrapolated")));
    // The table's cells, from the same figures.
    let table = ok(dir.path(), &["review", "plan.toml", "--wide"]);
    assert_eq!(
        table_row(&table, "rd")[5..8],
        ["+0.09 pp a year", "+0.12 pp a year", "→ 2.633"]
    );
}
