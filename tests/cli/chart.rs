//! `dabiao chart`: the SVG parses as XML and holds what each panel must show.
//! Panels are found through their text (titles, goal labels) and their
//! polylines: plotters draws a path as one polyline with a point per year,
//! and axes, ticks and goal lines as two-point ones.

use crate::common::{BINDING_GOALS, Ran, dabiao, stdout_of};

fn svg(args: &[&str]) -> String {
    let mut all = vec!["chart", "-o", "-"];
    all.extend_from_slice(args);
    stdout_of(&all)
}

/// The chart of the panels of `metrics` only (`--metric` for each), then `args`.
fn panels(metrics: &[&str], args: &[&str]) -> String {
    let mut all: Vec<&str> = metrics.iter().flat_map(|m| ["--metric", m]).collect();
    all.extend_from_slice(args);
    svg(&all)
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

/// The number of points of every polyline that draws a path (three or more points).
fn path_lengths(doc: &roxmltree::Document) -> Vec<usize> {
    let mut lengths: Vec<usize> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .map(|n| {
            n.attribute("points")
                .unwrap_or("")
                .split_whitespace()
                .count()
        })
        .filter(|&count| count >= 3)
        .collect();
    lengths.sort();
    lengths
}

#[test]
fn one_panel_per_metric_with_a_level_goal() {
    let text = svg(&["--lang", "en"]);
    let doc = roxmltree::Document::parse(&text).expect("the chart is well-formed XML");
    let texts = texts(&doc);
    let titles = [
        "服务业投资 (亿元)",
        "服务业增加值 (亿元)",
        "服务业企业数 (家)",
        "服务业营业收入 (亿元)",
        "新兴产业增加值占GDP比重 (%)",
        "高新技术产业产值占规模以上工业增加值比重 (%)",
    ];
    for title in titles {
        assert!(
            texts.iter().any(|t| t == title),
            "no panel titled {title}: {texts:?}"
        );
    }
    for goal in ["≥ 150", "≥ 60", "≥ 200", "≥ 1000", "≥ 15", "≥ 30"] {
        assert!(
            texts.iter().any(|t| t == &format!("Goal {goal}")),
            "no goal label {goal}"
        );
    }
    // 2015–2020 is 6 points; investment and revenue are reached in 2021 (7 points),
    // high-tech's share in 2023 (68 × 1.16^6 = 165.7 ≥ 150; 420 × 1.18^6 = 1133.8 ≥ 1000;
    // the share 26.08 → 27.41 → 28.80 → 30.26), so those panels run on to that year.
    assert_eq!(path_lengths(&doc), [6, 6, 6, 7, 7, 9]);
    assert!(texts.iter().any(|t| t == "✘ missed -7.18"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t == "地区生产总值 (亿元)"),
        "GDP has no level goal"
    );
}

#[test]
fn the_chart_is_standalone_and_small() {
    let text = svg(&[]);
    assert!(!text.contains("href"), "no external references");
    assert!(text.len() < 60_000, "{} bytes", text.len());
    assert!(text.contains("font-family=\"Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif\""));
}

#[test]
fn metric_selects_panels_in_file_order() {
    let text = panels(&["emerging_share", "service_firms"], &["--lang", "zh"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let texts = texts(&doc);
    let firms = texts
        .iter()
        .position(|t| t == "服务业企业数 (家)")
        .expect("firms panel");
    let share = texts
        .iter()
        .position(|t| t == "新兴产业增加值占GDP比重 (%)")
        .expect("share panel");
    assert!(firms < share, "file order");
    assert!(texts.iter().any(|t| t == "目标 ≥ 200"));
    assert_eq!(path_lengths(&doc), [6, 6]);
    assert!(!texts.iter().any(|t| t.starts_with("服务业投资")));
}

#[test]
fn one_line_per_scenario_with_a_legend() {
    let text = panels(&["service_firms"], &["--scenario", "all"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    // The linear firms path is the same in all three scenarios: three lines of 6 points.
    assert_eq!(path_lengths(&doc), [6, 6, 6]);
    let texts = texts(&doc);
    for name in ["base", "slow", "fast"] {
        assert!(texts.iter().any(|t| t == name), "legend lacks {name}");
    }
}

#[test]
fn actual_figures_are_filled_points() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let text = panels(&["service_investment"], &[&format!("{dir}/tracking.toml")]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let circles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .collect();
    // 2015–2020 plus 2021 (104.2 × 1.16³ = 162.6 ≥ 150): 7 markers, of which the
    // actual figures for 2016 and 2018 are filled; a hollow one is a ring over a
    // white disc, so that the line does not run through it.
    let markers: Vec<_> = circles
        .iter()
        .filter(|c| c.attribute("fill") != Some("#FFFFFF"))
        .collect();
    assert_eq!(markers.len(), 7);
    let filled = markers
        .iter()
        .filter(|c| c.attribute("fill") != Some("none"))
        .count();
    assert_eq!(filled, 2);
}

#[test]
fn a_bad_metric_is_refused() {
    for (id, why) in [
        ("nope", "is not a metric of this plan"),
        ("gdp", "has no level goal"),
    ] {
        let stderr = Ran::of(&mut dabiao(), &["chart", "--metric", id, "-o", "-"]).refused();
        assert!(
            stderr.contains(&format!("--metric {id}")) && stderr.contains(why),
            "{stderr}"
        );
    }
}

#[test]
fn the_committed_chart_is_up_to_date() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/targets.svg"))
            .expect("docs/targets.svg is committed");
    assert!(
        committed == svg(&["--lang", "en"]),
        "docs/targets.svg is stale: regenerate it with `dabiao chart --lang en -o docs/targets.svg`"
    );
}

#[test]
fn a_plan_without_goals_to_draw_is_refused_not_drawn_empty() {
    let plan =
        "[plan]\nbase_year = 2015\ntarget_year = 2020\n[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n";
    let stderr = Ran::of(dabiao().write_stdin(plan), &["chart", "-", "-o", "-"]).refused();
    assert!(stderr.contains("no metric of this plan has a goal the chart can draw"));
}

#[test]
fn a_single_scenario_is_named_in_the_title_and_the_status() {
    let text = panels(
        &["service_investment"],
        &["--scenario", "slow", "--lang", "en"],
    );
    let doc = roxmltree::Document::parse(&text).unwrap();
    let texts = texts(&doc);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Scenario slow: 增速比规划低3个百分点")),
        "{texts:?}"
    );
    // slow: 68 × 1.09⁵ = 104.6264 → 104.63 - 150 = -45.37.
    assert!(
        texts.iter().any(|t| t == "slow: ✘ missed -45.37"),
        "{texts:?}"
    );
}

#[test]
fn a_small_gap_is_not_shown_as_none() {
    // Energy: 0.40 × 0.97⁵ = 0.343494 under its implied ceiling 0.346, a
    // gap of -0.002506: two decimals would read "0.00".
    let svg = Ran::of(
        dabiao().write_stdin(BINDING_GOALS),
        &["chart", "-", "-o", "-", "--lang", "en"],
    )
    .ok();
    let doc = roxmltree::Document::parse(&svg).expect("the SVG parses");
    let texts = texts(&doc);
    assert!(texts.iter().any(|t| t == "✔ reached -0.003"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "✘ missed -0.10"), "{texts:?}");
}

#[test]
fn change_increase_and_rate_goals_are_drawn_as_the_levels_they_imply() {
    let chart = |lang: &str| {
        let args = ["chart", "-", "-o", "-", "--lang", lang];
        Ran::of(dabiao().write_stdin(BINDING_GOALS), &args).ok()
    };
    let csv = Ran::of(
        dabiao().write_stdin(BINDING_GOALS),
        &["report", "-", "-f", "csv"],
    )
    .ok();
    // metric id → status, from the report's own columns.
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let status: Vec<(String, String)> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (
                cells[column("metric")].to_owned(),
                cells[column("status")].to_owned(),
            )
        })
        .collect();
    let ids: Vec<&str> = status.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["energy", "rd", "gdp"], "{csv}");
    for (lang, labels, reached, missed) in [
        (
            "en",
            [
                "Goal ≤ 0.346 (change ≤ -13.5%)",
                "Goal ≥ 2.7 (increase ≥ 0.5 pp)",
                "Goal ≥ 133.82 (avg growth ≥ 6%)",
            ],
            "✔ reached",
            "✘ missed",
        ),
        (
            "zh",
            [
                "目标 ≤ 0.346（较基期变化 ≤ -13.5%）",
                "目标 ≥ 2.7（增加 ≥ 0.5个百分点）",
                "目标 ≥ 133.82（年均增长 ≥ 6%）",
            ],
            "✔ 达标",
            "✘ 未达标",
        ),
    ] {
        let text = chart(lang);
        let doc = roxmltree::Document::parse(&text).expect("the SVG parses");
        let texts = texts(&doc);
        for ((id, verdict), label) in status.iter().zip(labels) {
            let at = texts.iter().position(|t| t == label);
            let at = at.unwrap_or_else(|| panic!("no `{label}` in {texts:?}"));
            // The panel's status, drawn after its goal line's label.
            let shown = texts[at..]
                .iter()
                .find(|t| t.starts_with(reached) || t.starts_with(missed))
                .unwrap_or_else(|| panic!("no status after `{label}` in {texts:?}"));
            let expected = if verdict == "reached" {
                reached
            } else {
                missed
            };
            assert!(
                shown.starts_with(expected),
                "{id}: {shown} against {verdict}"
            );
        }
    }
    // 0.40 × 0.97⁵ = 0.3435 is under the ceiling; the others fall short.
    let verdicts: Vec<&str> = status.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(verdicts, ["reached", "missed", "missed"]);
}
