//! What `dabiao explain` says: each finding as a sentence (for the terminal
//! and Markdown), its numbers written here and its words in `words`, or as
//! data (JSON).

use serde_json::{Map, Value, json};

use super::document::{
    Body, Document, Paragraph, Section, drawn_goal_text, implied_number, implied_text,
    level_decimals, level_text, opening, points_text, scenario_lines, telling_decimals,
    unit_points_text,
};
use super::json::{self as json_text, Json};
use super::number::{Precision, nonzero_decimals, number, percent, percent_shortest};
use super::records::{Field, Records};
use super::{Lang, Layout, Misfit, Nothing, Render, Sheet, TextOptions};
use crate::report::explain::ExplainReport;
use crate::report::{Comparison, Finding, Goal, MetricLabel, ReportHeader, estimator_name};
use crate::words::{
    CeilingAllowsIncrement, CeilingAllowsRate, FallAtMost, LevelNeedsIncrement, LevelNeedsRate,
    RateAndLevel, ShareNeeds, TrendDiffers,
};

impl Render for [ExplainReport] {
    type TableChoice = Nothing;
    type OneTable = Nothing;

    fn one_table(_: Option<Nothing>, _: Option<Layout>) -> Result<Nothing, Misfit> {
        Err(Misfit::NotATable)
    }

    fn sheets(_: Option<Nothing>) -> Result<Vec<(Nothing, Sheet)>, Misfit> {
        Err(Misfit::NotATable)
    }

    /// The plan's title and years, then one paragraph per finding, under a
    /// line naming the scenario when it is not the plan itself.
    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        let words = options.lang.words();
        let headers = self.headers();
        let mut document = opening(&headers, words, None);
        let mut headings = scenario_lines(&headers, words).into_iter();
        document.sections = self
            .iter()
            .map(|report| {
                let mut paragraphs: Vec<Paragraph> = report
                    .findings
                    .iter()
                    .map(|finding| {
                        let name = &report.metrics[finding.metric()].name;
                        let text = sentence(report, finding, options);
                        match text.strip_prefix(name.as_str()) {
                            Some(rest) => Paragraph {
                                lead: Some(name.clone()),
                                text: rest.to_owned(),
                            },
                            None => Paragraph { lead: None, text },
                        }
                    })
                    .collect();
                if paragraphs.is_empty() {
                    paragraphs.push(Paragraph {
                        lead: None,
                        text: words.no_findings().to_owned(),
                    });
                }
                Section {
                    heading: headings.next(),
                    body: Body::Paragraphs(paragraphs),
                }
            })
            .collect();
        document
    }

    fn records(&self, table: Nothing) -> Records<'_> {
        match table {}
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    /// `plan`, then per scenario its findings as data: the metric, the kind
    /// of finding, and its numbers (rates as fractions).
    fn json(&self, _: Option<Nothing>, precision: Precision) -> Json<'_> {
        let mut root = Vec::new();
        if let Some(first) = self.first() {
            root.push(("plan", json_text::plan_object(&first.header).into()));
        }
        let findings = Json::array(move || {
            self.iter().flat_map(move |report| {
                report
                    .findings
                    .iter()
                    .map(move |finding| finding_object(report, finding, precision).into())
            })
        });
        root.push(("findings", findings));
        Json::Object(root)
    }
}

/// A change goal of at least a fall (`change`, negative) of the metric
/// `name`, said in `lang`: `explain`'s finding, and `validate`'s warning.
pub fn fall_at_most(name: &str, change: f64, lang: Lang) -> String {
    lang.words().fall_at_most(&FallAtMost {
        name: name.to_owned(),
        change: percent_shortest(change),
        fall: percent_shortest(-change),
    })
}

/// Writes a finding's numbers the way its sentence shows them, then says it
/// in the language asked.
fn sentence(report: &ExplainReport, finding: &Finding, options: &TextOptions) -> String {
    let (words, d) = (options.lang.words(), options.decimals());
    let (base_year, target_year) = (report.header.base_year, report.header.target_year);
    let label = |i: usize| -> &MetricLabel { &report.metrics[i] };
    let rate = |r: f64| percent(r, d);
    let gap = |r: f64| points_text(r, words, d);
    // Values the plan states (a baseline, a goal) are shown as written;
    // computed ones with the decimals they need, at least their goal's.
    let stated = |x: f64, unit: &str| words.with_unit(number(x, Precision::Full), unit);
    let computed = |x: f64, decimals: usize, unit: &str| {
        words.with_unit(number(x, Precision::Decimals(decimals)), unit)
    };
    let needs = |x: f64, level: &Goal| options.value_decimals(x, level_decimals(level));
    let value = |x: f64, level: &Goal, unit: &str| computed(x, needs(x, level), unit);
    // A yearly step: in the metric's unit, or signed points for a metric in %.
    let step = |x: f64, metric: &MetricLabel, level: &Goal| {
        if metric.in_points {
            unit_points_text(x, words, d)
        } else {
            value(x, level, &metric.unit)
        }
    };
    let goal = level_text;
    match finding {
        Finding::RateAndLevel(f) => {
            let MetricLabel { name, unit, .. } = label(f.metric);
            // Where the rate leads never reads as the goal it misses.
            let reached = needs(f.reached, &f.level);
            let reached = telling_decimals(&f.level, |x| x, f.reached, f.meets, reached);
            words.rate_and_level(&RateAndLevel {
                name: name.clone(),
                base_year,
                target_year,
                rate: percent_shortest(f.stated_rate),
                baseline: stated(f.baseline, unit),
                reached: computed(f.reached, reached, unit),
                goal: goal(&f.level),
                shortfall: (!f.meets)
                    .then(|| computed(f.distance, nonzero_decimals(f.distance, reached), unit)),
                level: stated(f.level.value, unit),
                needed_rate: rate(f.needed_rate),
                implied_baseline: value(f.implied_baseline, &f.level, unit),
            })
        }
        Finding::LevelNeeds(f) => {
            let metric = label(f.metric);
            let MetricLabel { name, unit, .. } = metric;
            let (name, baseline, enough) = (name.clone(), stated(f.baseline, unit), f.meets);
            // A level another goal implies is said with that goal.
            let implied = report.implied_by.get(f.metric).and_then(Option::as_ref);
            let goal = |level: &Goal| drawn_goal_text(implied, level, words);
            let level = match implied {
                Some(by) => {
                    let level = words.with_unit(implied_number(f.level.value), unit);
                    implied_text(by, &level, words)
                }
                None => stated(f.level.value, unit),
            };
            // For a ceiling, the rate found is the most the metric may grow.
            let ceiling = matches!(f.level.comparison, Comparison::AtMost);
            match (f.increments, ceiling) {
                (None, false) => words.level_needs_rate(&LevelNeedsRate {
                    name,
                    target_year,
                    baseline,
                    level,
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
                    ceiling: level,
                    allowed_rate: rate(f.needed_rate),
                    own_rate: rate(f.own_rate),
                    enough,
                }),
                (Some((increment, own)), false) => {
                    words.level_needs_increment(&LevelNeedsIncrement {
                        name,
                        target_year,
                        baseline,
                        level,
                        increment: step(increment, metric, &f.level),
                        // A metric in % moves by points, not by a rate.
                        needed_rate: (!metric.in_points).then(|| rate(f.needed_rate)),
                        own_increment: step(own, metric, &f.level),
                        enough,
                    })
                }
                (Some((increment, own)), true) => {
                    words.ceiling_allows_increment(&CeilingAllowsIncrement {
                        name,
                        target_year,
                        baseline,
                        goal: goal(&f.level),
                        ceiling: level,
                        increment: step(increment, metric, &f.level),
                        own_increment: step(own, metric, &f.level),
                        enough,
                    })
                }
            }
        }
        Finding::FallAtMost(f) => fall_at_most(&label(f.metric).name, f.change, options.lang),
        Finding::ShareNeeds(f) => {
            let MetricLabel { name, unit, .. } = label(f.metric);
            words.share_needs(&ShareNeeds {
                name: name.clone(),
                base_year,
                target_year,
                share_at_base: value(f.share_at_base, &f.level, unit),
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
        Finding::TrendDiffers(f) => words.trend_differs(&TrendDiffers {
            name: label(f.metric).name.clone(),
            plan_rate: rate(f.plan_rate),
            from_year: f.trend.from_year,
            to_year: f.trend.to_year,
            trend_rate: rate(f.trend.rate.per_year),
        }),
    }
}

/// A finding as data, with its scenario.
fn finding_object(report: &ExplainReport, finding: &Finding, precision: Precision) -> Value {
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
        Finding::TrendDiffers(f) => json!({
            "metric": id(f.metric),
            "kind": "trend_differs",
            "plan_rate": f.plan_rate,
            "estimator": estimator_name(f.estimator),
            "trend_rate": f.trend.rate.per_year,
            "from_year": f.trend.from_year,
            "to_year": f.trend.to_year,
        }),
        Finding::FallAtMost(f) => json!({
            "metric": id(f.metric),
            "kind": "fall_at_most",
            "change_target": f.change,
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
        let scenario = Value::String(report.header.scenario.clone());
        map.shift_insert(0, "scenario".into(), scenario);
        round_numbers(map, precision);
    }
    object
}

/// Keys whose numbers the plan writes, kept as written.
const STATED_KEYS: [&str; 4] = ["baseline", "target", "stated_rate", "change_target"];

/// Keys whose numbers are computed values in the metric's unit; the others
/// are rates.
const VALUE_KEYS: [&str; 5] = [
    "reached",
    "implied_baseline",
    "share_at_base",
    "needed_increment",
    "own_increment",
];

/// `--precision` for JSON: values keep N decimals, rates N + 2; figures the
/// plan writes keep theirs.
fn round_numbers(map: &mut Map<String, Value>, precision: Precision) {
    for (key, value) in map.iter_mut() {
        if let Some(x) = value.as_f64().filter(|_| value.is_f64()) {
            let field = if STATED_KEYS.contains(&key.as_str()) {
                // JSON writes a stated figure alike in either terms.
                Field::Stated { x, fraction: false }
            } else if VALUE_KEYS.contains(&key.as_str()) {
                Field::Number(x)
            } else {
                Field::Fraction(x)
            };
            *value = json_text::value(field, precision);
        }
    }
}
