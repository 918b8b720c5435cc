//! Goals the way plans state them (下降, 提高N个百分点, 累计, 同步, 累计法,
//! 可比价, 约束性), as the user sees them: the shipped
//! `examples/city-2025.toml` in every format, and small plans for what it
//! does not show. Its numbers are computed by hand in `src/calc/city_2025.rs`;
//! here the words, marks, columns and exit statuses are pinned.

use serde_json::Value;

use std::collections::HashMap;
use std::path::Path;

use crate::common::{
    BINDING_GOALS, CITY, Ran, assert_reviewed, dabiao, folder, ok, plan, records, run, stdout_of,
    table_row, table_rows,
};

/// The record of metric `id`'s goal of `kind`.
fn goal<'a>(
    rows: &'a [HashMap<String, String>],
    id: &str,
    kind: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r["metric"] == id && r["goal"] == kind)
        .unwrap_or_else(|| panic!("no {kind} goal of {id}"))
}

#[test]
fn city_table_in_english() {
    assert_reviewed("goals__city_table_in_english", stdout_of(&[CITY]));
}

#[test]
fn city_table_in_chinese() {
    assert_reviewed(
        "goals__city_table_in_chinese",
        stdout_of(&[CITY, "--lang", "zh"]),
    );
}

#[test]
fn the_closing_line_counts_binding_goals_apart() {
    assert!(stdout_of(&[CITY]).contains("\n9 of 13 goals reached; binding: 2 of 4\n"));
    assert!(
        stdout_of(&[CITY, "--lang", "zh"])
            .contains("\n13 项目标中 9 项达标；约束性目标 4 项中 2 项达标\n")
    );
    // A plan without binding goals keeps its line, and has no binding column.
    let shipped = stdout_of(&[]);
    assert!(shipped.contains("\n5 of 8 goals reached\n"));
    assert!(!shipped.contains("binding") && !shipped.contains("Type"));
}

#[test]
fn the_table_words_every_kind_of_goal() {
    let table = stdout_of(&[CITY, "--table", "summary"]);
    let cells = |name: &str, nth: usize| table_rows(&table, name)[nth].clone();
    // Metric, unit, goal, type, baseline, projected, status, gap, attainment,
    // required rate.
    assert_eq!(
        cells("居民人均可支配收入", 0)[2..8],
        [
            "in step with 地区生产总值: ≥ 6.65% − 0.5 pp",
            "expected",
            "42000",
            "6.20%",
            "✔ reached",
            "+0.05 pp"
        ]
    );
    assert_eq!(cells("固定资产投资", 0)[2], "avg growth (cumulative) ≥ 8%");
    assert_eq!(cells("固定资产投资", 1)[2], "total ≥ 27000");
    // A ratio's baseline is computed from its parts: four significant digits.
    assert_eq!(
        cells("单位地区生产总值能耗", 1)[2..9],
        [
            "change ≤ -13.5%",
            "binding",
            "0.3000",
            "-15.96%",
            "✔ reached",
            "-2.46 pp",
            "118.25%"
        ]
    );
    // A share in %: its increase in points, and "needs so many points a
    // year" where a rate would be: (2.8 - 2.2) / 5 = +0.12.
    let share = cells("研发经费投入强度", 0);
    assert_eq!(share[9], "+0.12 pp a year");
    let increase = cells("研发经费投入强度", 1);
    assert_eq!(
        increase[2..8],
        [
            "increase ≥ 0.5 pp",
            "expected",
            "2.200",
            "+0.58 pp",
            "✔ reached",
            "+0.08 pp"
        ]
    );
    // A linear metric in %: (67 - 62.5) / 5 = +0.90 points a year.
    assert_eq!(cells("常住人口城镇化率", 0)[9], "+0.90 pp a year");
}

#[test]
fn the_chinese_table_says_binding_points_and_methods_in_chinese() {
    let table = stdout_of(&[CITY, "--table", "summary", "--lang", "zh"]);
    for words in [
        "属性",
        "约束性",
        "预期性",
        "与地区生产总值同步：≥ 6.65% − 0.5个百分点",
        "年均增长（累计法） ≥ 8%",
        "较基期变化 ≤ -13.5%",
        "增加 ≥ 0.5个百分点",
        "累计 ≥ 27000",
        "每年+0.12个百分点",
        "好于规划路径",
    ] {
        assert!(table.contains(words), "{words:?} missing from\n{table}");
    }
}

#[test]
fn csv_carries_the_reference_binding_and_schedule_last() {
    let text = stdout_of(&[CITY, "-f", "csv"]);
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(",remaining_rate,reference,binding,schedule"),
        "{header}"
    );
    let rows = records(&text);
    // The in-step goal is a rate goal aiming at GDP's rate less 0.5 points.
    let income = goal(&rows, "income", "rate");
    assert_eq!(income["reference"], "gdp");
    assert_eq!(income["op"], ">=");
    assert_eq!(income["target"], "0.06145679341789");
    assert_eq!(income["projected"], "0.062");
    assert_eq!(goal(&rows, "gdp", "rate")["reference"], "");
    assert_eq!(goal(&rows, "energy", "level")["binding"], "true");
    assert_eq!(goal(&rows, "gdp", "level")["binding"], "false");
    let kinds: Vec<&str> = rows.iter().map(|r| r["goal"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "level", "rate", "rate", "rate", "total", "level", "rate", "change", "change", "level",
            "increase", "level", "increase"
        ]
    );
    // A share's increase is in its unit (points); required_rate stays
    // empty for metrics in %.
    let share = goal(&rows, "rd_intensity", "level");
    assert_eq!(share["required_rate"], "");
    assert_eq!(goal(&rows, "urbanization", "level")["required_rate"], "");
}

#[test]
fn json_names_the_rate_method_and_carries_the_real_path() {
    let json: Value = serde_json::from_str(&stdout_of(&[CITY, "-f", "json"])).unwrap();
    let goals = json["goals"].as_array().unwrap();
    let find = |id: &str, kind: &str| {
        goals
            .iter()
            .find(|g| g["metric"] == id && g["goal"] == kind)
            .unwrap()
    };
    assert_eq!(find("investment", "rate")["rate_method"], "cumulative");
    assert_eq!(find("gdp", "rate")["rate_method"], "endpoint");
    assert_eq!(find("investment", "total")["rate_method"], Value::Null);
    assert_eq!(find("income", "rate")["reference"], "gdp");
    assert_eq!(find("energy", "level")["binding"], true);
    let series = json["series"].as_array().unwrap();
    let gdp = &series[0]["points"];
    // 8750 at current prices in 2021 is 8750 / 1.02 = 8578.43 at 2020
    // prices; 12184.48 in 2025 is 11035.86.
    assert_eq!(gdp[1]["value"], 8750.0);
    assert_eq!(gdp[1]["real_value"], 8578.43137254902);
    assert_eq!(gdp[5]["real_value"], 11035.8633019301);
    // A metric without a deflator has no second path.
    let investment = &series[2]["points"][1];
    assert!(investment.get("real_value").is_none(), "{investment}");
}

#[test]
fn fail_on_miss_binding_fails_only_on_a_missed_binding_goal() {
    // The city misses two binding goals and two expected ones.
    for args in [
        vec![CITY, "--fail-on-miss"],
        vec![CITY, "--fail-on-miss", "any"],
        vec![CITY, "--fail-on-miss", "binding"],
        vec![CITY, "-f", "csv", "--fail-on-miss=binding"],
    ] {
        let ran = run(Path::new(env!("CARGO_MANIFEST_DIR")), &args);
        assert_eq!(ran.code, 1, "{args:?}");
        assert!(!ran.stdout.is_empty(), "the report is still written");
    }
    // Binding goals all reached, an expected one missed.
    let text = plan(
        "[metrics.energy]\nbaseline = 100\ngrowth = \"1%\"\ntarget = { at_most = 110 }\n\
         binding = true\n\n\
         [metrics.gdp]\nbaseline = 100\ngrowth = \"5%\"\ntarget = 200\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let code = |args: &[&str]| run(dir.path(), args).code;
    assert_eq!(code(&["plan.toml", "--fail-on-miss", "binding"]), 0);
    assert_eq!(code(&["plan.toml", "--fail-on-miss"]), 1);
    assert_eq!(code(&["report", "plan.toml", "--fail-on-miss", "any"]), 1);
    assert_eq!(code(&["plan.toml"]), 0);
}

#[test]
fn the_scenario_comparison_lists_every_kind_and_counts_binding_goals() {
    let text = plan(
        "[metrics.energy]\nname = \"能耗\"\nbaseline = 100\ngrowth = \"1%\"\nbinding = true\n\
         change_target = { at_most = \"-5%\" }\n\n\
         [metrics.investment]\nname = \"投资\"\nbaseline = 100\ngrowth = \"8%\"\n\
         total_target = 600\nincrease_target = 40\n\n\
         [metrics.income]\nname = \"收入\"\nbaseline = 10\ngrowth = \"8%\"\n\
         rate_target = { in_step_with = \"investment\" }\n\n\
         [scenarios.slow]\ngrowth_shift = \"-4%\"\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let table = ok(
        dir.path(),
        &["plan.toml", "--scenario", "all", "--table", "summary"],
    );
    // 100 × 1.01⁵ = 105.10: up 5.10 %, not down 5 %; slowed by 4 points,
    // 100 × 0.97⁵ = 85.87, down 14.13 %.
    assert_eq!(
        table_row(&table, "能耗")[2..],
        ["change ≤ -5%", "5.10% ✘", "-14.13% ✔"]
    );
    // 100 × 1.08⁵ = 146.93, up 46.93 ≥ 40; the five years add up to 108 +
    // 116.64 + 125.97 + 136.05 + 146.93 = 633.59 ≥ 600. Slowed to 4 %:
    // up 21.67, and 563.30 in all.
    let investment = table_rows(&table, "投资");
    assert_eq!(
        investment[0][2..],
        ["increase ≥ 40", "+46.93 ✔", "+21.67 ✘"]
    );
    assert_eq!(investment[1][2..], ["total ≥ 600", "633.59 ✔", "563.30 ✘"]);
    // In step: the rate kept pace with differs by scenario, so it is left out.
    assert_eq!(table_row(&table, "收入")[2], "in step with 投资");
    assert_eq!(
        table_row(&table, "Binding goals reached")[3..],
        ["0/1", "1/1"]
    );
    assert_eq!(table_row(&table, "Goals reached")[3..], ["3/4", "2/4"]);
}

#[test]
fn a_bare_negative_change_target_is_met_by_a_smaller_fall_and_explained() {
    // 100 × 0.98⁵ = 90.39: down 9.61 %, which is "at least -13.5 %".
    let text = plan(
        "[metrics.intensity]\nname = \"单位GDP能耗\"\nbaseline = 100\ngrowth = \"-2%\"\n\
         change_target = \"-13.5%\"\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let report = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    assert_eq!(
        table_row(&report, "单位GDP能耗")[2..6],
        ["change ≥ -13.5%", "100", "-9.61%", "✔ reached"]
    );
    let explain = ok(dir.path(), &["explain", "plan.toml"]);
    assert!(
        explain.contains(
            "单位GDP能耗: change_target = -13.5% asks for a change of at least -13.5%, a fall \
             of at most 13.5%: falling less, or rising, meets it too. If the plan asks for a \
             fall of at least 13.5% (下降13.5%以上), write change_target = { at_most = \
             \"-13.5%\" }."
        ),
        "{explain}"
    );
    let zh = ok(dir.path(), &["explain", "plan.toml", "--lang", "zh"]);
    assert!(
        zh.contains("若规划要求下降13.5%以上，应写作 change_target = { at_most = \"-13.5%\" }。"),
        "{zh}"
    );
    let json: Value =
        serde_json::from_str(&ok(dir.path(), &["explain", "plan.toml", "-f", "json"])).unwrap();
    assert_eq!(json["findings"][0]["kind"], "fall_at_most");
    assert_eq!(json["findings"][0]["change_target"], -0.135);
    // Written with `at_most`, the goal says what the plan says: no note.
    let at_most = text.replace("\"-13.5%\"\n", "{ at_most = \"-13.5%\" }\n");
    let dir = folder(&[("plan.toml", at_most.as_bytes())]);
    let explain = ok(dir.path(), &["explain", "plan.toml"]);
    assert!(!explain.contains("change_target"), "{explain}");
}

/// A linear metric in % with an actual figure: 62.5, 64.5 in 2017, on by
/// 0.8 points a year to 2020.
const URBANIZATION: &str = "[metrics.urban]\nname = \"城镇化率\"\nunit = \"%\"\n\
    baseline = 62.5\nincrement = 0.8\ntarget = 67\nincrease_target = 4\n\
    actual = { 2017 = 64.5 }\n";

#[test]
fn changes_of_a_metric_in_percent_are_in_points() {
    let dir = folder(&[("plan.toml", plan(URBANIZATION).as_bytes())]);
    let report = ok(dir.path(), &["plan.toml"]);
    // Year on year: 63.5 (filled in), 64.5, then 0.8 a year.
    let growth = table_rows(&report, "城镇化率").pop().unwrap();
    assert_eq!(
        growth[2..],
        ["+1.00 pp", "+1.00 pp", "+0.80 pp", "+0.80 pp", "+0.80 pp"]
    );
    // (67 - 62.5) / 5 = 0.90 points a year from the baseline, and from
    // 64.5 in 2017, (67 - 64.5) / 3 = 0.83 a year.
    let summary = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    let level = table_row(&summary, "城镇化率");
    assert_eq!(level[8], "+0.90 pp a year");
    assert_eq!(level[13], "+0.83 pp a year");
    // So far (64.5 - 62.5) / 2 = 1 point a year; the increase of 4 needs
    // (66.5 - 64.5) / 3 = 0.67 a year.
    let review = ok(dir.path(), &["review", "plan.toml"]);
    let rows = table_rows(&review, "城镇化率");
    assert_eq!(rows[0][5..7], ["+1.00 pp a year", "+0.83 pp a year"]);
    assert_eq!(rows[1][1], "increase ≥ 4 pp");
    assert_eq!(rows[1][5..7], ["+1.00 pp a year", "+0.67 pp a year"]);
    let csv = records(&ok(dir.path(), &["review", "plan.toml", "-f", "csv"]));
    assert_eq!(csv[0]["achieved_rate"], "");
    assert_eq!(csv[0]["remaining_rate"], "");
}

#[test]
fn explain_words_a_metric_in_percent_in_points() {
    let dir = folder(&[("plan.toml", plan(URBANIZATION).as_bytes())]);
    let explain = ok(dir.path(), &["explain", "plan.toml"]);
    assert!(
        explain.contains(
            "城镇化率: reaching 67% in 2020 from 62.5% needs +0.90 pp a year; the plan changes \
             it by +0.80 pp a year, not enough."
        ),
        "{explain}"
    );
    let zh = ok(dir.path(), &["explain", "plan.toml", "--lang", "zh"]);
    assert!(
        zh.contains("需每年变动+0.90个百分点；规划每年变动+0.80个百分点，不够。"),
        "{zh}"
    );
}

#[test]
fn better_than_plan_is_positive_below_the_path_of_a_ceiling() {
    // Energy 100 growing 2 % a year is planned at 104.04 for 2017; 103 is
    // 1.04 / 104.04 = 0.9996 % under the path, which for a ceiling is better.
    let text = plan(
        "[metrics.energy]\nbaseline = 100\ngrowth = \"2%\"\ntarget = { at_most = 108 }\n\
         actual = { 2017 = 103 }\n\n\
         [metrics.gdp]\nbaseline = 100\ngrowth = \"2%\"\ntarget = 108\nactual = { 2017 = 103 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let csv = records(&ok(dir.path(), &["plan.toml", "-f", "csv"]));
    assert_eq!(csv[0]["deviation"], "0.00999615532488");
    assert_eq!(csv[1]["deviation"], "-0.00999615532488");
    let summary = ok(dir.path(), &["plan.toml", "--table", "summary"]);
    assert!(summary.contains("Better than plan"), "{summary}");
    assert_eq!(table_row(&summary, "energy")[11], "+1.00%");
    assert_eq!(table_row(&summary, "gdp")[11], "-1.00%");
    let review = records(&ok(dir.path(), &["review", "plan.toml", "-f", "csv"]));
    assert_eq!(review[0]["deviation"], "0.00999615532488");
}

#[test]
fn sensitivity_sweeps_in_step_goals_with_the_rate_they_keep_pace_with() {
    let sweep = stdout_of(&["sensitivity", CITY, "--from", "-1%", "--to", "1%"]);
    // Shifted alike, GDP's actual 2021 figure holds it back: income keeps
    // pace down to a shift of -0.27 points.
    assert_eq!(
        table_row(&sweep, "居民人均可支配收入")[2..],
        [
            "in step with 地区生产总值 − 0.5 pp",
            "5.20% ✘",
            "6.20% ✔",
            "7.20% ✔",
            "-0.27 pp → 5.93%"
        ]
    );
    // GDP's own rate moves income's goal though not income: met while GDP
    // grows no faster than 6.57 % a year after 2021.
    let gdp = stdout_of(&[
        "sensitivity",
        CITY,
        "--metric",
        "gdp",
        "--from",
        "6%",
        "--to",
        "7%",
    ]);
    assert_eq!(
        table_row(&gdp, "居民人均可支配收入")[2..],
        [
            "in step with 地区生产总值 − 0.5 pp",
            "6.20% ✔",
            "6.20% ✘",
            "6.57% (+0.07 pp)"
        ]
    );
}

#[test]
fn shipped_ceilings_read_100_percent_or_more_when_met() {
    let rows = records(&stdout_of(&["examples/energy_at_most.toml", "-f", "csv"]));
    // Rate goals have no attainment.
    for row in rows.iter().filter(|r| r["goal"] == "level") {
        let attainment: f64 = row["attainment"].parse().unwrap();
        let met = row["status"] == "reached";
        assert_eq!(attainment >= 1.0, met, "{row:?}");
    }
}

#[test]
fn explain_in_chinese_words_a_ceiling_once_and_in_its_unit() {
    // 5.2 % growing 1 % a year stays under 5.5 % by 2020 if it grows at most
    // (5.5 / 5.2)^(1/5) - 1 = 1.13 % a year.
    let text = plan(
        "[metrics.unemployment]\nname = \"失业率\"\nunit = \"%\"\nbaseline = 5.2\n\
         growth = \"1%\"\ntarget = { at_most = 5.5 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let zh = ok(dir.path(), &["explain", "plan.toml", "--lang", "zh"]);
    assert!(
        zh.contains("失业率：从5.2%到2020年控制在5.5%以内，"),
        "{zh}"
    );
}

#[test]
fn validate_warns_of_a_fall_written_as_at_least_and_still_passes() {
    let goal = |change: &str| {
        plan(&format!(
            "[metrics.energy]\nname = \"单位GDP能耗\"\nunit = \"吨\"\nbaseline = 0.5\n\
             growth = \"-3%\"\nchange_target = {change}\n"
        ))
    };
    let dir = folder(&[
        ("at_least.toml", goal("-0.135").as_bytes()),
        ("at_most.toml", goal("{ at_most = \"-13.5%\" }").as_bytes()),
    ]);
    let english = run(dir.path(), &["validate", "at_least.toml"]);
    assert_eq!(english.code, 0, "{}", english.stderr);
    assert!(english.stdout.starts_with("at_least.toml: valid plan"));
    assert_eq!(
        english.stderr,
        "warning: 单位GDP能耗: change_target = -13.5% asks for a change of at least -13.5%, a \
         fall of at most 13.5%: falling less, or rising, meets it too. If the plan asks for a \
         fall of at least 13.5% (下降13.5%以上), write change_target = { at_most = \"-13.5%\" }.\n"
    );
    let chinese = run(dir.path(), &["validate", "at_least.toml", "--lang", "zh"]);
    assert_eq!(chinese.code, 0, "{}", chinese.stderr);
    assert!(
        chinese
            .stderr
            .starts_with("警告：单位GDP能耗：change_target = -13.5% 要求变化不低于-13.5%"),
        "{}",
        chinese.stderr
    );
    let meant = run(dir.path(), &["validate", "at_most.toml"]);
    assert_eq!((meant.code, meant.stderr.as_str()), (0, ""));
}

#[test]
fn change_increase_and_rate_goals_are_explained_by_the_levels_they_imply() {
    let explain = |lang: &str| {
        let args = ["explain", "-", "--lang", lang];
        Ran::of(dabiao().write_stdin(BINDING_GOALS), &args).ok()
    };
    let en = explain("en");
    for sentence in [
        "Energy: staying within ≤ 0.346 (change ≤ -13.5%) in 2020 from 0.4 allows at most \
         -2.86% a year; the plan's own growth is -3.00%, enough.",
        "R&D: reaching 2.7% (increase ≥ 0.5 pp) in 2020 from 2.2% needs +0.10 pp a year; the \
         plan changes it by +0.08 pp a year, not enough.",
        "GDP: reaching 133.82 (avg growth ≥ 6%) in 2020 from 100 needs 6.00% a year; the \
         plan's own growth is 5.50% (-0.50 pp), not enough.",
    ] {
        assert!(en.contains(sentence), "{sentence}\nnot in\n{en}");
    }
    let zh = explain("zh");
    for sentence in [
        "Energy：从0.4到2020年控制在0.346（较基期变化 ≤ -13.5%）以内，年均增速最多为-2.86%；\
         规划自身增速为-3.00%，足够。",
        "R&D：从2.2%到2020年达到2.7%（增加 ≥ 0.5个百分点），需每年变动+0.10个百分点；\
         规划每年变动+0.08个百分点，不够。",
        "GDP：从100到2020年达到133.82（年均增长 ≥ 6%），需年均增长6.00%；\
         规划自身增速为5.50%（-0.50个百分点），不够。",
    ] {
        assert!(zh.contains(sentence), "{sentence}\nnot in\n{zh}");
    }
}
