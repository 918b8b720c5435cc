//! `dabiao odds`, `report --odds` and `chart --fan`: every format, the
//! closed form of a compound and a linear metric through the binary, the
//! same seed giving the same output, the fan in the SVG, and every refusal
//! of bad uncertainty input.

use std::f64::consts::SQRT_2;

use crate::common::{folder, ok, plan, records, refused, stdout_of, table_row};

const EXAMPLE: &str = "examples/odds.toml";

const COLUMNS: &str = "scenario,metric,name,unit,goal,op,target,probability,p10,p50,p90,\
                       year_p10,year_p50,year_p90,paths,seed";

/// Φ, the standard normal distribution function.
fn phi(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

#[test]
fn every_format_shows_each_goal_s_odds() {
    let table = stdout_of(&["odds", EXAMPLE, "--lang", "en"]);
    assert!(table.contains("Odds of each goal"), "{table}");
    let row = table_row(&table, "服务业投资");
    assert_eq!(row[2], "≥ 150");
    assert_eq!(row[3], "142.82");
    assert!(row[4].ends_with('%'), "{row:?}");
    assert!(table.contains("100000 simulated paths (seed 20160204, correlation 0.5)"));

    let markdown = stdout_of(&["odds", EXAMPLE, "-f", "markdown", "--lang", "zh"]);
    assert!(markdown.contains("## 各目标达成概率"), "{markdown}");
    assert!(markdown.contains("| 达成概率 |"), "{markdown}");

    let csv = stdout_of(&["odds", EXAMPLE, "-f", "csv"]);
    assert_eq!(csv.lines().next(), Some(COLUMNS));
    let rows = records(&csv);
    assert_eq!(rows.len(), 6);
    let total = &rows[4];
    assert_eq!(
        (total["goal"].as_str(), total["op"].as_str()),
        ("total", ">=")
    );
    assert_eq!(
        (total["paths"].as_str(), total["seed"].as_str()),
        ("100000", "20160204")
    );
    assert_eq!(total["year_p50"], "", "only level goals have a year");
    let p: f64 = total["probability"].parse().unwrap();
    assert!((0.0..=1.0).contains(&p));

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["odds", EXAMPLE, "-f", "json"])).unwrap();
    assert_eq!(json["uncertainty"]["correlation"], 0.5);
    let goal = &json["goals"][0];
    let (p, se) = (
        goal["probability"].as_f64().unwrap(),
        goal["probability_se"].as_f64().unwrap(),
    );
    assert!((se - (p * (1.0 - p) / 1e5).sqrt()).abs() < 1e-9, "{goal}");
    assert_eq!(goal["undefined"], 0.0);
    let bands = &json["bands"][0]["years"];
    assert_eq!(bands.as_array().unwrap().len(), 6);
    assert_eq!(bands[0]["p10"], 68.0, "the base year is known");
}

#[test]
fn the_same_seed_gives_the_same_odds_and_another_seed_others() {
    let run = |seed: &str| {
        stdout_of(&[
            "odds", EXAMPLE, "-f", "csv", "--paths", "5000", "--seed", seed,
        ])
    };
    let first = run("7");
    assert_eq!(first, run("7"));
    assert_ne!(first, run("8"));
    let rows = records(&first);
    assert_eq!(
        (rows[0]["paths"].as_str(), rows[0]["seed"].as_str()),
        ("5000", "7")
    );
}

#[test]
fn odds_agree_with_the_closed_forms_through_the_binary() {
    // ln v(2020) is normal around ln(100 × 1.05⁵) with sd 0.1 √5; the linear
    // metric's value normal around 120 + 5 × 16 = 200 with sd 5 √5.
    let text = plan(
        "[uncertainty]\npaths = 200000\n\n\
         [metrics.c]\nbaseline = 100\ngrowth = \"5%\"\nvolatility = \"10%\"\ntarget = 140\n\
         rate_target = \"7%\"\n\
         [metrics.l]\nbaseline = 120\nincrement = 16\nvolatility = 5\ntarget = { at_most = 190 }\n",
    );
    let dir = folder(&[("p.toml", text.as_bytes())]);
    let rows = records(&ok(dir.path(), &["odds", "p.toml", "-f", "csv"]));
    let end = 100.0 * 1.05f64.powi(5);
    let sd = 0.1 * 5f64.sqrt();
    let exact = [
        phi((end / 140.0).ln() / sd),
        phi((end / (100.0 * 1.07f64.powi(5))).ln() / sd),
        phi(-10.0 / (5.0 * 5f64.sqrt())),
    ];
    for (row, exact) in rows.iter().zip(exact) {
        let p: f64 = row["probability"].parse().unwrap();
        let se = (exact * (1.0 - exact) / 200_000.0).sqrt();
        assert!((p - exact).abs() <= 4.0 * se, "{row:?}: {p} vs {exact}");
    }
}

#[test]
fn volatility_from_history_reads_the_metric_s_figures() {
    let metric = |actual: &str| {
        plan(&format!(
            "[metrics.g]\nbaseline = 100\ngrowth = \"5%\"\nvolatility = \"history\"\ntarget = 130\n\
             actual = {{ {actual} }}\n"
        ))
    };
    let enough = metric("2016 = 104, 2017 = 110, 2018 = 114, 2019 = 121");
    let dir = folder(&[
        ("p.toml", enough.as_bytes()),
        ("short.toml", metric("2016 = 104, 2017 = 110").as_bytes()),
    ]);
    let rows = records(&ok(dir.path(), &["odds", "p.toml", "-f", "csv"]));
    let p: f64 = rows[0]["probability"].parse().unwrap();
    assert!(p > 0.0 && p < 1.0, "{rows:?}");
    let error = refused(dir.path(), &["odds", "short.toml"]);
    // Figures before the base year count too: 2012–2015 give three more changes.
    let with_history = metric("2016 = 104, 2017 = 110").replace(
        "actual =",
        "history = { 2012 = 90, 2013 = 94, 2014 = 97 }\nactual =",
    );
    let dir = folder(&[("h.toml", with_history.as_bytes())]);
    let rows = records(&ok(dir.path(), &["odds", "h.toml", "-f", "csv"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        error,
        "error: short.toml:8: metric `g`, field `volatility`: \"history\" needs at least 4 annual \
         changes among the metric's figures (its `history`, its baseline for 2015 and its actual \
         figures, in consecutive years), but they give 2; add `history` or actual figures, or \
         give the volatility itself, such as \"3%\" for a compound metric or a number in its \
         unit for a linear one\n"
    );
}

#[test]
fn bad_uncertainty_input_is_refused_with_its_line_and_fix() {
    let cases = [
        (
            "[metrics.g]\nbaseline = 1\ngrowth = \"5%\"\nvolatility = \"-3%\"\n",
            "error: p.toml:8: metric `g`, field `volatility`: a volatility is a standard deviation \
             and cannot be negative; write \"3%\" (the spread is the same either way up)\n",
        ),
        (
            "[metrics.g]\nbaseline = 1\nincrement = 1\nvolatility = nan\n",
            "error: p.toml:8: metric `g`, field `volatility`: NaN is not a finite number; give a \
             real value\n",
        ),
        (
            "[metrics.a]\nbaseline = 1\ngrowth = 0.1\n[metrics.b]\nbaseline = 2\ngrowth = 0.1\n\
             [metrics.s]\nratio = { numerator = \"a\", denominator = \"b\" }\nvolatility = \"3%\"\n",
            "error: p.toml:13: metric `s`, field `volatility`: a ratio moves with its parts: give \
             `volatility` to its numerator and denominator instead, and remove it here\n",
        ),
        (
            "[uncertainty]\ncorrelation = 1\n[metrics.g]\nbaseline = 1\ngrowth = 0.1\n",
            "error: p.toml:6: field `uncertainty.correlation`: 1 is outside [0, 1): give the share \
             of each year's shock that all metrics have in common, from 0 (independent, the \
             default) up to but not including 1\n",
        ),
        (
            "[uncertainty]\npaths = 99\n[metrics.g]\nbaseline = 1\ngrowth = 0.1\n",
            "error: p.toml:6: field `uncertainty.paths`: 99 paths is outside 100 to 100000000: \
             fewer say little, more take long; give a number in that range (100000 is the \
             default)\n",
        ),
    ];
    for (metrics, message) in cases {
        let dir = folder(&[("p.toml", plan(metrics).as_bytes())]);
        assert_eq!(
            refused(dir.path(), &["odds", "p.toml"]),
            message,
            "{metrics}"
        );
    }
    let dir = folder(&[]);
    let shipped = crate::common::shipped("targets.toml");
    let usage = refused(dir.path(), &["odds", &shipped, "--paths", "100000001"]);
    assert!(
        usage.contains("100000001 is not in 100..=100000000"),
        "{usage}"
    );
    let misplaced = refused(dir.path(), &["report", &shipped, "--seed", "3"]);
    assert_eq!(
        misplaced,
        "error: --paths and --seed set the simulation of --odds: add --odds, or drop them\n"
    );
}

#[test]
fn report_odds_adds_the_same_probabilities() {
    let odds = records(&stdout_of(&["odds", EXAMPLE, "-f", "csv"]));
    let report = records(&stdout_of(&[EXAMPLE, "--odds", "-f", "csv"]));
    for (odds, report) in odds.iter().zip(&report) {
        assert_eq!(odds["probability"], report["probability"]);
    }
    let table = stdout_of(&[EXAMPLE, "--odds", "--table", "summary", "--lang", "en"]);
    assert!(table.contains("┆ Probability ┆"), "{table}");
    let without = stdout_of(&[EXAMPLE, "--table", "summary", "--lang", "en"]);
    assert!(!without.contains("Probability"));
}

#[test]
fn the_fan_shades_two_bands_per_panel() {
    let svg = stdout_of(&["chart", EXAMPLE, "--fan", "-o", "-", "--lang", "en"]);
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    let polygons: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polygon"))
        .collect();
    // Four panels, each with a 10–90 % and a 25–75 % band over six years.
    assert_eq!(polygons.len(), 8);
    for (i, polygon) in polygons.iter().enumerate() {
        let opacity = if i % 2 == 0 { "0.14" } else { "0.28" };
        assert_eq!(polygon.attribute("opacity"), Some(opacity));
        let points = polygon
            .attribute("points")
            .unwrap()
            .split_whitespace()
            .count();
        assert_eq!(points, 12);
    }
    assert!(svg.contains("shaded: 10–90 % and 25–75 % of simulated paths"));
    let plain = stdout_of(&["chart", EXAMPLE, "-o", "-"]);
    assert!(!plain.contains("<polygon"));
}
