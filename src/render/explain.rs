//! What `dabiao explain` says: each finding as a sentence (for the terminal
//! and Markdown), its numbers written here and its words in `words`, or as
//! data (JSON).

use serde_json::{Map, Value, json};

use super::document::{Document, goal_text, opening, points_text, scenario_lines};
use super::json as json_text;
use super::number::{Precision, number, percent, percent_shortest};
use super::records::Field;
use super::words::{
    CeilingAllowsIncrement, CeilingAllowsRate, LevelNeedsIncrement, LevelNeedsRate, RateAndLevel,
    ShareNeeds,
};
use super::{TextOptions, Words};
use crate::report::explain::ExplainReport;
use crate::report::{Comparison, Finding, Goal, GoalKind, MetricLabel, ReportHeader};

/// Plain text: the plan's title and years, then one paragraph per finding,
/// under a line naming the scenario when it is not the plan itself.
pub fn text(reports: &[ExplainReport], options: &TextOptions) -> String {
    let opening = opening_of(reports, options.lang.words());
    let mut out = String::new();
    for line in opening.title.iter().chain(&opening.preamble) {
        out.push_str(&format!("{line}\n"));
    }
    for (heading, findings) in groups(reports, options) {
        if let Some(line) = heading {
            out.push_str(&format!("\n{line}\n"));
        }
        if findings.is_empty() {
            out.push_str(&format!("\n{}\n", options.lang.words().no_findings()));
        }
        for (name, rest) in findings {
            out.push_str(&format!("\n{name}{rest}\n"));
        }
    }
    out
}

/// Markdown: the same sentences as a list, the metric's name in bold.
pub fn markdown(reports: &[ExplainReport], options: &TextOptions) -> String {
    let opening = opening_of(reports, options.lang.words());
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
            out.push_str(&format!("{}\n", options.lang.words().no_findings()));
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

fn opening_of(reports: &[ExplainReport], words: &dyn Words) -> Document {
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    opening(&headers, words, None)
}

/// A scenario's findings: the line that names the scenario (if any), and each
/// finding's sentence split after the metric's name.
type Group = (Option<String>, Vec<(String, String)>);

fn groups(reports: &[ExplainReport], options: &TextOptions) -> Vec<Group> {
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    let mut lines = scenario_lines(&headers, options.lang.words()).into_iter();
    reports
        .iter()
        .map(|report| {
            let findings = report
                .findings
                .iter()
                .map(|finding| {
                    let name = report.metrics[finding.metric()].name.clone();
                    let text = sentence(report, finding, options);
                    let rest = text.strip_prefix(name.as_str()).unwrap_or(&text).to_owned();
                    (name, rest)
                })
                .collect();
            (lines.next(), findings)
        })
        .collect()
}

/// Writes a finding's numbers the way its sentence shows them, then says it
/// in the language asked.
fn sentence(report: &ExplainReport, finding: &Finding, options: &TextOptions) -> String {
    let (words, d) = (options.lang.words(), options.decimals);
    let (base_year, target_year) = (report.header.base_year, report.header.target_year);
    let label = |i: usize| -> &MetricLabel { &report.metrics[i] };
    let rate = |r: f64| percent(r, d);
    let gap = |r: f64| points_text(r, words, d);
    // Values the plan states (a baseline, a goal) are shown as written.
    let stated = |x: f64, unit: &str| words.with_unit(number(x, Precision::Full), unit);
    let computed = |x: f64, unit: &str| words.with_unit(number(x, Precision::Decimals(d)), unit);
    let goal = |level: &Goal| goal_text(GoalKind::Level, level, words);
    match finding {
        Finding::RateAndLevel(f) => {
            let MetricLabel { name, unit, .. } = label(f.metric);
            words.rate_and_level(&RateAndLevel {
                name: name.clone(),
                base_year,
                target_year,
                rate: percent_shortest(f.stated_rate),
                baseline: stated(f.baseline, unit),
                reached: computed(f.reached, unit),
                goal: goal(&f.level),
                shortfall: (!f.meets).then(|| computed(f.distance, unit)),
                level: stated(f.level.value, unit),
                needed_rate: rate(f.needed_rate),
                implied_baseline: computed(f.implied_baseline, unit),
            })
        }
        Finding::LevelNeeds(f) => {
            let MetricLabel { name, unit, .. } = label(f.metric);
            let (name, baseline, enough) = (name.clone(), stated(f.baseline, unit), f.meets);
            // For a ceiling, the rate found is the most the metric may grow.
            let ceiling = matches!(f.level.comparison, Comparison::AtMost);
            match (f.increments, ceiling) {
                (None, false) => words.level_needs_rate(&LevelNeedsRate {
                    name,
                    target_year,
                    baseline,
                    level: stated(f.level.value, unit),
                    needed_rate: rate(f.needed_rate),
                    own_rate: rate(f.own_rate),
                    margin: gap(f.margin),
                    enough,
                }),
                (None, true) => words.ceiling_allows_rate(&CeilingAllowsRate {
                    name,
                    target_year,
                    baseline,
                    goal: goal(&f.level),
                    allowed_rate: rate(f.needed_rate),
                    own_rate: rate(f.own_rate),
                    enough,
                }),
                (Some((increment, own)), false) => {
                    words.level_needs_increment(&LevelNeedsIncrement {
                        name,
                        target_year,
                        baseline,
                        level: stated(f.level.value, unit),
                        increment: computed(increment, unit),
                        needed_rate: rate(f.needed_rate),
                        own_increment: computed(own, unit),
                        enough,
                    })
                }
                (Some((increment, own)), true) => {
                    words.ceiling_allows_increment(&CeilingAllowsIncrement {
                        name,
                        target_year,
                        baseline,
                        goal: goal(&f.level),
                        increment: computed(increment, unit),
                        own_increment: computed(own, unit),
                        enough,
                    })
                }
            }
        }
        Finding::ShareNeeds(f) => {
            let MetricLabel { name, unit, .. } = label(f.metric);
            words.share_needs(&ShareNeeds {
                name: name.clone(),
                base_year,
                target_year,
                share_at_base: computed(f.share_at_base, unit),
                level: stated(f.level.value, unit),
                numerator: label(f.numerator).name.clone(),
                denominator: label(f.denominator).name.clone(),
                needed_numerator_rate: rate(f.needed_numerator_rate),
                numerator_rate: rate(f.numerator_rate),
                denominator_rate: rate(f.denominator_rate),
                needed_gap: gap(f.needed_gap),
                plan_gap: gap(f.plan_gap),
                enough: f.meets,
            })
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
            report.findings.iter().map(move |finding| {
                let id = |i: usize| report.metrics[i].id.clone();
                let mut object = match finding {
                    Finding::RateAndLevel(f) => json!({
                        "metric": id(f.metric),
                        "kind": "rate_and_level",
                        "stated_rate": f.stated_rate,
                        "baseline": f.baseline,
                        "reached": f.reached,
                        "target": f.level.value,
                        "meets": f.meets,
                        "needed_rate": f.needed_rate,
                        "implied_baseline": f.implied_baseline,
                    }),
                    Finding::LevelNeeds(f) => json!({
                        "metric": id(f.metric),
                        "kind": if f.increments.is_some() { "increment_needed" } else { "rate_needed" },
                        "baseline": f.baseline,
                        "target": f.level.value,
                        "needed_rate": f.needed_rate,
                        "own_rate": f.own_rate,
                        "needed_increment": f.increments.map(|i| i.0),
                        "own_increment": f.increments.map(|i| i.1),
                        "meets": f.meets,
                    }),
                    Finding::ShareNeeds(f) => json!({
                        "metric": id(f.metric),
                        "kind": "share_growth_gap",
                        "numerator": id(f.numerator),
                        "denominator": id(f.denominator),
                        "share_at_base": f.share_at_base,
                        "target": f.level.value,
                        "needed_numerator_rate": f.needed_numerator_rate,
                        "numerator_rate": f.numerator_rate,
                        "denominator_rate": f.denominator_rate,
                        "needed_gap": f.needed_gap,
                        "plan_gap": f.plan_gap,
                        "meets": f.meets,
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
