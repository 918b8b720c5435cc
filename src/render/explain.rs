//! What `dabiao explain` says: each finding as a sentence in English or
//! Chinese (for the terminal and Markdown), or as data (JSON).

use serde_json::{Map, Value, json};

use super::document::{Document, goal_text, opening, scenario_lines};
use super::json as json_text;
use super::number::{Precision, number, percent, percent_shortest, signed};
use super::records::Field;
use super::{Lang, TextOptions};
use crate::report::explain::ExplainReport;
use crate::report::{Comparison, Finding, GoalKind, MetricLabel, ReportHeader};

/// Plain text: the plan's title and years, then one paragraph per finding,
/// under a line naming the scenario when it is not the plan itself.
pub fn text(reports: &[ExplainReport], options: &TextOptions) -> String {
    let opening = opening_of(reports, options.lang);
    let mut out = String::new();
    for line in opening.title.iter().chain(&opening.preamble) {
        out.push_str(&format!("{line}\n"));
    }
    for (heading, findings) in groups(reports, options) {
        if let Some(line) = heading {
            out.push_str(&format!("\n{line}\n"));
        }
        if findings.is_empty() {
            out.push_str(&format!("\n{}\n", options.lang.no_findings()));
        }
        for (name, rest) in findings {
            out.push_str(&format!("\n{name}{rest}\n"));
        }
    }
    out
}

/// Markdown: the same sentences as a list, the metric's name in bold.
pub fn markdown(reports: &[ExplainReport], options: &TextOptions) -> String {
    let opening = opening_of(reports, options.lang);
    let mut out = String::new();
    if let Some(title) = &opening.title {
        out.push_str(&format!("# {title}\n\n"));
    }
    for line in &opening.preamble {
        out.push_str(&format!("{line}\n\n"));
    }
    for (heading, findings) in groups(reports, options) {
        if let Some(line) = heading {
            out.push_str(&format!("## {line}\n\n"));
        }
        if findings.is_empty() {
            out.push_str(&format!("{}\n", options.lang.no_findings()));
        }
        for (name, rest) in findings {
            out.push_str(&format!("- **{name}**{rest}\n"));
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn opening_of(reports: &[ExplainReport], lang: Lang) -> Document {
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    opening(&headers, lang, None)
}

/// A scenario's findings: the line that names the scenario (if any), and each
/// finding's sentence split after the metric's name.
type Group = (Option<String>, Vec<(String, String)>);

fn groups(reports: &[ExplainReport], options: &TextOptions) -> Vec<Group> {
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    let mut lines = scenario_lines(&headers, options.lang).into_iter();
    reports
        .iter()
        .map(|report| {
            let findings = report
                .findings
                .iter()
                .map(|finding| {
                    let name = report.metrics[metric_of(finding)].name.clone();
                    let text = sentence(report, finding, options);
                    let rest = text.strip_prefix(name.as_str()).unwrap_or(&text).to_owned();
                    (name, rest)
                })
                .collect();
            (lines.next(), findings)
        })
        .collect()
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

pub fn sentence(report: &ExplainReport, finding: &Finding, options: &TextOptions) -> String {
    let (lang, d) = (options.lang, options.decimals);
    let (base, target) = (report.header.base_year, report.header.target_year);
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
            distance,
            needed_rate,
            implied_baseline,
        } => {
            let m = label(metric);
            let (name, unit) = (&m.name, m.unit.as_str());
            let goal = goal_text(GoalKind::Level, &level, options.lang);
            let gap = amount(distance, unit, lang, d);
            let rate = percent_shortest(stated_rate);
            let b = as_written(baseline, unit, lang);
            let r = amount(reached, unit, lang, d);
            let l = as_written(level.value, unit, lang);
            let needed = pct(needed_rate);
            let implied = amount(implied_baseline, unit, lang, d);
            match (lang, meets) {
                (Lang::En, _) => {
                    let verdict = if meets {
                        format!("which meets the goal {goal}")
                    } else {
                        format!("which misses the goal {goal} by {gap}")
                    };
                    format!(
                        "{name}: {rate} a year from {b} in {base} reaches {r} in {target}, {verdict}. \
                         Reaching {l} exactly needs {needed} a year. Together, {rate} a year and {l} \
                         imply a {base} value of {implied}, against {b} in the plan."
                    )
                }
                (Lang::Zh, _) => {
                    let verdict = if meets {
                        format!("满足目标{goal}")
                    } else {
                        format!("未满足目标{goal}，相差{gap}")
                    };
                    format!(
                        "{name}：从{base}年的{b}按年均{rate}增长，{target}年达到{r}，{verdict}。\
                         要正好达到{l}，需年均增长{needed}。按年均{rate}和{l}倒推，{base}年基数应为\
                         {implied}，规划中为{b}。"
                    )
                }
            }
        }
        Finding::LevelNeeds {
            metric,
            baseline,
            level,
            needed_rate,
            own_rate,
            margin,
            increments,
            meets,
        } => {
            let m = label(metric);
            let (name, unit) = (&m.name, m.unit.as_str());
            let (b, l) = (
                as_written(baseline, unit, lang),
                as_written(level.value, unit, lang),
            );
            let needed = pct(needed_rate);
            // For a ceiling, the rate found is the most the metric may grow.
            let ceiling = matches!(level.comparison, Comparison::AtMost);
            let goal = goal_text(GoalKind::Level, &level, lang);
            let verdict = match (lang, meets) {
                (Lang::En, true) => "enough",
                (Lang::En, false) => "not enough",
                (Lang::Zh, true) => "足够",
                (Lang::Zh, false) => "不够",
            };
            match (lang, increments, ceiling) {
                (Lang::En, None, false) => format!(
                    "{name}: reaching {l} in {target} from {b} needs {needed} a year; the plan's own \
                     growth is {own} ({diff}), {verdict}.",
                    own = pct(own_rate),
                    diff = pts(margin),
                ),
                (Lang::En, None, true) => format!(
                    "{name}: staying within {goal} in {target} from {b} allows at most {needed} a \
                     year; the plan's own growth is {own}, {verdict}.",
                    own = pct(own_rate),
                ),
                (Lang::Zh, None, false) => format!(
                    "{name}：从{b}到{target}年达到{l}，需年均增长{needed}；规划自身增速为{own}（{diff}），{verdict}。",
                    own = pct(own_rate),
                    diff = pts(margin),
                ),
                (Lang::Zh, None, true) => format!(
                    "{name}：从{b}到{target}年控制在{goal}以内，年均增速最多为{needed}；规划自身增速为{own}，{verdict}。",
                    own = pct(own_rate),
                ),
                (Lang::En, Some((inc, own)), false) => format!(
                    "{name}: reaching {l} in {target} from {b} needs {inc} more a year ({needed} a \
                     year on average); the plan adds {own} a year, {verdict}.",
                    inc = amount(inc, unit, lang, d),
                    own = amount(own, unit, lang, d),
                ),
                (Lang::En, Some((inc, own)), true) => format!(
                    "{name}: staying within {goal} in {target} from {b} allows a change of at most \
                     {inc} a year; the plan changes it by {own} a year, {verdict}.",
                    inc = amount(inc, unit, lang, d),
                    own = amount(own, unit, lang, d),
                ),
                (Lang::Zh, Some((inc, own)), false) => format!(
                    "{name}：从{b}到{target}年达到{l}，每年需增加{inc}（年均增长{needed}）；\
                     规划每年增加{own}，{verdict}。",
                    inc = amount(inc, unit, lang, d),
                    own = amount(own, unit, lang, d),
                ),
                (Lang::Zh, Some((inc, own)), true) => format!(
                    "{name}：从{b}到{target}年控制在{goal}以内，每年变动最多为{inc}；\
                     规划每年变动{own}，{verdict}。",
                    inc = amount(inc, unit, lang, d),
                    own = amount(own, unit, lang, d),
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
            let m = label(metric);
            let (name, unit) = (&m.name, m.unit.as_str());
            let (num, den) = (&label(numerator).name, &label(denominator).name);
            let s = amount(share_at_base, unit, lang, d);
            let l = as_written(level.value, unit, lang);
            let needed_num = pct(needed_numerator_rate);
            let (num_rate, den_rate) = (pct(numerator_rate), pct(denominator_rate));
            let (needed_gap, plan_gap) = (pts(needed_gap), pts(plan_gap));
            match lang {
                Lang::En => {
                    let verdict = if meets { "enough" } else { "not enough" };
                    format!(
                        "{name}: to go from {s} in {base} to {l} in {target}, {num} must grow \
                         {needed_num} a year against {den}'s {den_rate}, a gap of {needed_gap}; the \
                         plan has {num_rate} against {den_rate}, a gap of {plan_gap}, which is {verdict}."
                    )
                }
                Lang::Zh => {
                    let verdict = if meets { "足够" } else { "不够" };
                    format!(
                        "{name}：要从{base}年的{s}变为{target}年的{l}，{num}需年均增长{needed_num}，\
                         {den}年均增长{den_rate}，增速差{needed_gap}；规划中{num}年均增长{num_rate}，\
                         增速差{plan_gap}，{verdict}。"
                    )
                }
            }
        }
    }
}

/// JSON: `plan`, then per scenario its findings as data: the metric, the
/// kind of finding, and its numbers (rates as fractions).
pub fn json(reports: &[ExplainReport], precision: Precision) -> String {
    let mut root = Map::new();
    if let Some(first) = reports.first() {
        root.insert("plan".into(), json_text::plan_object(&first.header));
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
                        ..
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
                        meets,
                        ..
                    } => json!({
                        "metric": id(metric),
                        "kind": if increments.is_some() { "increment_needed" } else { "rate_needed" },
                        "baseline": baseline,
                        "target": level.value,
                        "needed_rate": needed_rate,
                        "own_rate": own_rate,
                        "needed_increment": increments.map(|i| i.0),
                        "own_increment": increments.map(|i| i.1),
                        "meets": meets,
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
                    map.shift_insert(0, "scenario".into(), Value::String(report.header.scenario.clone()));
                    round_numbers(map, precision);
                }
                object
            })
        })
        .collect();
    root.insert("findings".into(), Value::Array(findings));
    json_text::to_text(&Value::Object(root))
}

/// Keys whose numbers are values in the metric's unit; the others are rates.
const VALUE_KEYS: [&str; 7] = [
    "baseline",
    "reached",
    "target",
    "implied_baseline",
    "share_at_base",
    "needed_increment",
    "own_increment",
];

/// `--precision` for JSON: values keep N decimals, rates N + 2.
fn round_numbers(map: &mut Map<String, Value>, precision: Precision) {
    for (key, value) in map.iter_mut() {
        if let Some(x) = value.as_f64().filter(|_| value.is_f64()) {
            let field = if VALUE_KEYS.contains(&key.as_str()) {
                Field::Number(x)
            } else {
                Field::Fraction(x)
            };
            *value = json_text::value(field, precision);
        }
    }
}
