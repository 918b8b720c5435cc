//! `--metric` names one metric of a plan that may hold thousands: an id that
//! does not fit is refused with a handful of the ids that would, not with
//! every one of them.

use crate::common::{self, folder};

const METRICS: usize = 2_000;

/// A plan of `METRICS` metrics, every one with a level goal; the even ones
/// compound (with a growth rate to sweep), the odd ones linear.
fn plan() -> String {
    let mut text = String::from("[plan]\nbase_year = 2015\ntarget_year = 2020\n");
    for i in 0..METRICS {
        let model = if i % 2 == 0 {
            "growth = \"5%\""
        } else {
            "increment = 5"
        };
        text.push_str(&format!(
            "[metrics.metric_{i}]\nbaseline = 100\n{model}\ntarget = 120\n"
        ));
    }
    text
}

/// Standard error of `dabiao` run on the plan, which must refuse with status 2.
fn refused(args: &[&str]) -> String {
    let dir = folder(&[("plan.toml", plan().as_bytes())]);
    common::refused(dir.path(), args)
}

/// The ids listed after `heading: `, and the count said after them.
fn listed<'a>(stderr: &'a str, heading: &str) -> (Vec<&'a str>, &'a str) {
    let list = stderr
        .split_once(&format!("{heading}: "))
        .unwrap_or_else(|| panic!("no `{heading}` in {stderr}"))
        .1
        .trim_end();
    let (ids, count) = list.split_once(", … ").unwrap_or((list, ""));
    (ids.split(", ").collect(), count)
}

#[test]
fn sensitivity_lists_a_handful_of_compound_metrics() {
    for (id, why) in [
        ("nope", "--metric nope: no such metric"),
        ("metric_1", "--metric metric_1: not a compound metric"),
    ] {
        let stderr = refused(&["sensitivity", "plan.toml", "--metric", id]);
        assert!(stderr.contains(why), "{stderr}");
        assert!(stderr.len() < 500, "{} bytes: {stderr}", stderr.len());
        let (ids, count) = listed(&stderr, "compound metrics");
        assert_eq!(ids[..3], ["metric_0", "metric_2", "metric_4"]);
        assert!(ids.len() <= 12, "{ids:?}");
        assert_eq!(count, format!("({} in all)", METRICS / 2));
    }
}

#[test]
fn chart_lists_a_handful_of_metrics_with_a_level_goal() {
    let stderr = refused(&["chart", "plan.toml", "--metric", "nope", "-o", "-"]);
    assert!(
        stderr.contains("--metric nope: `nope` is not a metric of this plan"),
        "{stderr}"
    );
    assert!(stderr.len() < 500, "{} bytes: {stderr}", stderr.len());
    let (ids, count) = listed(&stderr, "metrics with a level goal");
    assert_eq!(ids[..3], ["metric_0", "metric_1", "metric_2"]);
    assert!(ids.len() <= 12, "{ids:?}");
    assert_eq!(count, format!("({METRICS} in all)"));
}

#[test]
fn a_misspelt_metric_is_suggested_and_a_name_is_taken_for_its_id() {
    let dir = folder(&[("targets.toml", common::SHIPPED.as_bytes())]);
    let slip = common::refused(
        dir.path(),
        &["sensitivity", "--metric", "service_investmnt"],
    );
    assert!(
        slip.contains(
            "--metric service_investmnt: no such metric (did you mean `service_investment`?); \
             compound metrics: "
        ),
        "{slip}"
    );
    let zh = common::refused(
        dir.path(),
        &[
            "chart",
            "--metric",
            "service_investmnt",
            "-o",
            "-",
            "--lang",
            "zh",
        ],
    );
    assert!(
        zh.contains("不是本规划的指标（是否想写 `service_investment`？）；"),
        "{zh}"
    );
    let far = common::refused(dir.path(), &["sensitivity", "--metric", "population"]);
    assert!(!far.contains("did you mean"), "{far}");
    let by_id = common::ok(
        dir.path(),
        &["sensitivity", "--metric", "service_investment", "-f", "csv"],
    );
    let by_name = common::ok(
        dir.path(),
        &["sensitivity", "--metric", "服务业投资", "-f", "csv"],
    );
    assert_eq!(by_id, by_name);
    let chart = |metric: &str| common::ok(dir.path(), &["chart", "--metric", metric, "-o", "-"]);
    assert_eq!(chart("服务业投资"), chart("service_investment"));
}
