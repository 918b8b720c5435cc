//! What `dabiao explain` says: each finding as a sentence in English or
//! Chinese (for the terminal and Markdown), or as data (JSON).

use serde_json::{Map, Value, json};

use super::grid::goal_text;
use super::json as json_text;
use super::number::{Precision, number, percent, percent_shortest, signed};
use super::{Lang, TextOptions};
use crate::calc::explain::Finding;
use crate::plan::{BASE_SCENARIO, Goal, GoalKind};
use crate::report::MetricLabel;
use crate::report::explain::ExplainReport;

/// Plain text: a heading line, then one paragraph per finding.
pub fn text(reports: &[ExplainReport], options: &TextOptions) -> String {
    let mut out = String::new();
    for (i, report) in reports.iter().enumerate() {
        if i == 0 {
            for line in report.title.iter() {
                out.push_str(&format!("{line}\n"));
            }
            out.push_str(&format!(
                "{}\n",
                options.lang.period(report.base_year, report.target_year)
            ));
        }
        if reports.len() > 1 || report.scenario != BASE_SCENARIO {
            out.push_str(&format!(
                "\n{}\n",
                options
                    .lang
                    .scenario_line(&report.scenario, report.description.as_deref())
            ));
        }
        for finding in &report.findings {
            out.push_str(&format!("\n{}\n", sentence(report, finding, options)));
        }
    }
    out
}

/// Markdown: the same sentences as a list, the metric's name in bold.
pub fn markdown(reports: &[ExplainReport], options: &TextOptions) -> String {
    let mut out = String::new();
    for (i, report) in reports.iter().enumerate() {
        if i == 0 {
            if let Some(title) = &report.title {
                out.push_str(&format!("# {title}\n\n"));
            }
            out.push_str(&format!(
                "{}\n",
                options.lang.period(report.base_year, report.target_year)
            ));
        }
        if reports.len() > 1 || report.scenario != BASE_SCENARIO {
            out.push_str(&format!(
                "\n## {}\n",
                options
                    .lang
                    .scenario_line(&report.scenario, report.description.as_deref())
            ));
        }
        out.push('\n');
        for finding in &report.findings {
            let name = &report.metrics[metric_of(finding)].name;
            let text = sentence(report, finding, options);
            let rest = text.strip_prefix(name.as_str()).unwrap_or(&text);
            out.push_str(&format!("- **{name}**{rest}\n"));
        }
    }
    out
}

fn metric_of(finding: &Finding) -> usize {
    match finding {
        Finding::RateAndLevel { metric, .. }
        | Finding::LevelNeeds { metric, .. }
        | Finding::ShareNeeds { metric, .. } => *metric,
    }
}

/// A value with its unit: "150 亿元" in English, "150亿元" in Chinese, "15%" in both.
fn with_unit(value: String, unit: &str, lang: Lang) -> String {
    match (lang, unit) {
        (_, "") => value,
        (_, "%") | (Lang::Zh, _) => format!("{value}{unit}"),
        (Lang::En, _) => format!("{value} {unit}"),
    }
}

fn amount(x: f64, unit: &str, lang: Lang, d: usize) -> String {
    with_unit(number(x, Precision::Decimals(d)), unit, lang)
}

/// A value the plan states (a baseline, a goal), as written, with its unit.
fn as_written(x: f64, unit: &str, lang: Lang) -> String {
    with_unit(number(x, Precision::Full), unit, lang)
}

fn goal_amount(goal: &Goal, unit: &str, lang: Lang) -> String {
    as_written(goal.value, unit, lang)
}

pub fn sentence(report: &ExplainReport, finding: &Finding, options: &TextOptions) -> String {
    let (lang, d) = (options.lang, options.decimals);
    let (base, target) = (report.base_year, report.target_year);
    let label = |i: usize| -> &MetricLabel { &report.metrics[i] };
    let pct = |r: f64| percent(r, d);
    let pts = |r: f64| format!("{}{}", signed(r * 100.0, d), lang.points());
    match *finding {
        Finding::RateAndLevel {
            metric,
            stated_rate,
            baseline,
            reached,
            level,
            meets,
            needed_rate,
            implied_baseline,
        } => {
            let m = label(metric);
            let unit = m.unit.as_str();
            let goal = goal_text(GoalKind::Level, &level, options);
            let gap = amount((reached - level.value).abs(), unit, lang, d);
            match lang {
                Lang::En => format!(
                    "{name}: {rate} a year from {b} in {base} reaches {r} in {target}, {verdict}. \
                     Reaching {l} exactly needs {needed} a year. Together, {rate} a year and {l} \
                     imply a {base} value of {implied}, against {b} in the plan.",
                    name = m.name,
                    rate = percent_shortest(stated_rate),
                    b = as_written(baseline, unit, lang),
                    r = amount(reached, unit, lang, d),
                    verdict = if meets {
                        format!("which meets the goal {goal}")
                    } else {
                        format!("which misses the goal {goal} by {gap}")
                    },
                    l = goal_amount(&level, unit, lang),
                    needed = pct(needed_rate),
                    implied = amount(implied_baseline, unit, lang, d),
                ),
                Lang::Zh => format!(
                    "{name}：从{base}年的{b}按年均{rate}增长，{target}年达到{r}，{verdict}。\
                     要正好达到{l}，需年均增长{needed}。按年均{rate}和{l}倒推，{base}年基数应为\
                     {implied}，规划中为{b}。",
                    name = m.name,
                    rate = percent_shortest(stated_rate),
                    b = as_written(baseline, unit, lang),
                    r = amount(reached, unit, lang, d),
                    verdict = if meets {
                        format!("满足目标{goal}")
                    } else {
                        format!("未满足目标{goal}，相差{gap}")
                    },
                    l = goal_amount(&level, unit, lang),
                    needed = pct(needed_rate),
                    implied = amount(implied_baseline, unit, lang, d),
                ),
            }
        }
        Finding::LevelNeeds {
            metric,
            baseline,
            level,
            needed_rate,
            own_rate,
            increments,
        } => {
            let m = label(metric);
            let unit = m.unit.as_str();
            let (b, l) = (
                as_written(baseline, unit, lang),
                goal_amount(&level, unit, lang),
            );
            match (lang, increments) {
                (Lang::En, None) => format!(
                    "{name}: reaching {l} in {target} from {b} needs {needed} a year; the plan's own \
                     growth is {own} ({diff}).",
                    name = m.name,
                    needed = pct(needed_rate),
                    own = pct(own_rate),
                    diff = pts(own_rate - needed_rate),
                ),
                (Lang::En, Some((needed, own))) => format!(
                    "{name}: reaching {l} in {target} from {b} needs {inc} more a year ({needed} a \
                     year on average); the plan adds {own_inc} a year.",
                    name = m.name,
                    inc = amount(needed, unit, lang, d),
                    needed = pct(needed_rate),
                    own_inc = amount(own, unit, lang, d),
                ),
                (Lang::Zh, None) => format!(
                    "{name}：从{b}到{target}年达到{l}，需年均增长{needed}；规划自身增速为{own}（{diff}）。",
                    name = m.name,
                    needed = pct(needed_rate),
                    own = pct(own_rate),
                    diff = pts(own_rate - needed_rate),
                ),
                (Lang::Zh, Some((needed, own))) => format!(
                    "{name}：从{b}到{target}年达到{l}，每年需增加{inc}（年均增长{needed}）；\
                     规划每年增加{own_inc}。",
                    name = m.name,
                    inc = amount(needed, unit, lang, d),
                    needed = pct(needed_rate),
                    own_inc = amount(own, unit, lang, d),
                ),
            }
        }
        Finding::ShareNeeds {
            metric,
            numerator,
            denominator,
            share_at_base,
            level,
            needed_numerator_rate,
            numerator_rate,
            denominator_rate,
            needed_gap,
            plan_gap,
            meets,
        } => {
            let (m, num, den) = (label(metric), label(numerator), label(denominator));
            let unit = m.unit.as_str();
            match lang {
                Lang::En => format!(
                    "{name}: to go from {s} in {base} to {l} in {target}, {num} must grow \
                     {needed_num} a year against {den}'s {den_rate}, a gap of {needed_gap}; the plan \
                     has {num_rate} against {den_rate}, a gap of {plan_gap}, which is {verdict}.",
                    name = m.name,
                    s = amount(share_at_base, unit, lang, d),
                    l = goal_amount(&level, unit, lang),
                    num = num.name,
                    den = den.name,
                    needed_num = pct(needed_numerator_rate),
                    den_rate = pct(denominator_rate),
                    needed_gap = pts(needed_gap),
                    num_rate = pct(numerator_rate),
                    plan_gap = pts(plan_gap),
                    verdict = if meets { "enough" } else { "not enough" },
                ),
                Lang::Zh => format!(
                    "{name}：要从{base}年的{s}变为{target}年的{l}，{num}需年均增长{needed_num}，\
                     {den}年均增长{den_rate}，增速差{needed_gap}；规划中{num}年均增长{num_rate}，\
                     增速差{plan_gap}，{verdict}。",
                    name = m.name,
                    s = amount(share_at_base, unit, lang, d),
                    l = goal_amount(&level, unit, lang),
                    num = num.name,
                    den = den.name,
                    needed_num = pct(needed_numerator_rate),
                    den_rate = pct(denominator_rate),
                    needed_gap = pts(needed_gap),
                    num_rate = pct(numerator_rate),
                    plan_gap = pts(plan_gap),
                    verdict = if meets { "足够" } else { "不够" },
                ),
            }
        }
    }
}

/// JSON: `plan`, then per scenario its findings as data: the metric, the
/// kind of finding, and its numbers (rates as fractions).
pub fn json(reports: &[ExplainReport], precision: Precision) -> String {
    let mut root = Map::new();
    if let Some(first) = reports.first() {
        root.insert(
            "plan".into(),
            json_text::plan_object(
                &first.title,
                &first.source,
                first.base_year,
                first.target_year,
            ),
        );
    }
    let findings: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            report.findings.iter().map(move |f| {
                let id = |i: usize| report.metrics[i].id.clone();
                let mut object = match *f {
                    Finding::RateAndLevel {
                        metric,
                        stated_rate,
                        baseline,
                        reached,
                        level,
                        meets,
                        needed_rate,
                        implied_baseline,
                    } => json!({
                        "metric": id(metric),
                        "kind": "rate_and_level",
                        "stated_rate": stated_rate,
                        "baseline": baseline,
                        "reached": reached,
                        "target": level.value,
                        "meets": meets,
                        "needed_rate": needed_rate,
                        "implied_baseline": implied_baseline,
                    }),
                    Finding::LevelNeeds {
                        metric,
                        baseline,
                        level,
                        needed_rate,
                        own_rate,
                        increments,
                    } => json!({
                        "metric": id(metric),
                        "kind": if increments.is_some() { "increment_needed" } else { "rate_needed" },
                        "baseline": baseline,
                        "target": level.value,
                        "needed_rate": needed_rate,
                        "own_rate": own_rate,
                        "needed_increment": increments.map(|i| i.0),
                        "own_increment": increments.map(|i| i.1),
                    }),
                    Finding::ShareNeeds {
                        metric,
                        numerator,
                        denominator,
                        share_at_base,
                        level,
                        needed_numerator_rate,
                        numerator_rate,
                        denominator_rate,
                        needed_gap,
                        plan_gap,
                        meets,
                    } => json!({
                        "metric": id(metric),
                        "kind": "share_growth_gap",
                        "numerator": id(numerator),
                        "denominator": id(denominator),
                        "share_at_base": share_at_base,
                        "target": level.value,
                        "needed_numerator_rate": needed_numerator_rate,
                        "numerator_rate": numerator_rate,
                        "denominator_rate": denominator_rate,
                        "needed_gap": needed_gap,
                        "plan_gap": plan_gap,
                        "meets": meets,
                    }),
                };
                if let Value::Object(map) = &mut object {
                    map.shift_insert(0, "scenario".into(), Value::String(report.scenario.clone()));
                    round_numbers(map, precision);
                }
                object
            })
        })
        .collect();
    root.insert("findings".into(), Value::Array(findings));
    json_text::to_text(&Value::Object(root))
}

/// `--precision` for JSON: every number keeps N + 2 decimals (most are rates).
fn round_numbers(map: &mut Map<String, Value>, precision: Precision) {
    for value in map.values_mut() {
        if let Some(x) = value.as_f64().filter(|_| value.is_f64()) {
            *value = json_text::value(super::records::Field::Fraction(x), precision);
        }
    }
}
