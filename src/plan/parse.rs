//! Reading a `targets.toml` into a [`Plan`], and every refusal on the way.
//!
//! serde does the shape of the file (unknown fields, wrong types, TOML syntax,
//! each with its position); the meaning (models, rates, goals, years) is
//! checked here by hand so that each message can say what was probably meant.
//! All problems of the file are collected before giving up.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use indexmap::IndexMap;
use serde::Deserialize;
use toml::{Spanned, Value};
use unicode_width::UnicodeWidthChar;

use super::lines::LineIndex;
use super::rate::parse_rate;
use super::rate::times_hundred;
use super::{
    ActualRecord, Additions, BASE_SCENARIO, Comparison, Goal, GoalKind, Location, MAX_HORIZON,
    Metric, Model, Plan, PlanError, Problem, Scenario,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: Option<Spanned<RawHeader>>,
    #[serde(default)]
    metrics: IndexMap<Spanned<String>, Spanned<RawMetric>>,
    #[serde(default)]
    scenarios: IndexMap<Spanned<String>, Spanned<RawScenario>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    title: Option<String>,
    source: Option<String>,
    base_year: Option<Spanned<Value>>,
    target_year: Option<Spanned<Value>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    name: Option<String>,
    unit: Option<String>,
    baseline: Option<Spanned<Value>>,
    growth: Option<Spanned<Value>>,
    increment: Option<Spanned<Value>>,
    ratio: Option<Spanned<RawRatio>>,
    target: Option<Spanned<Value>>,
    rate_target: Option<Spanned<Value>>,
    actual: Option<Spanned<toml::Table>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawRatio {
    numerator: Spanned<String>,
    denominator: Spanned<String>,
    scale: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    description: Option<String>,
    growth_shift: Option<Spanned<Value>>,
    #[serde(default)]
    metrics: IndexMap<Spanned<String>, Spanned<RawOverride>>,
}

/// The fields a scenario may replace; a metric's kind stays what it is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    baseline: Option<Spanned<Value>>,
    growth: Option<Spanned<Value>>,
    increment: Option<Spanned<Value>>,
    target: Option<Spanned<Value>>,
    rate_target: Option<Spanned<Value>>,
}

impl RawOverride {
    fn fields(&self) -> impl Iterator<Item = (&'static str, &Spanned<Value>)> {
        [
            ("baseline", &self.baseline),
            ("growth", &self.growth),
            ("increment", &self.increment),
            ("target", &self.target),
            ("rate_target", &self.rate_target),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| (name, v)))
    }
}

/// One field replaced by a scenario or by `--set`; the value's span says
/// where it was written (see `Source::locate`).
#[derive(Clone)]
struct Override<'a> {
    metric: &'a str,
    field: &'a str,
    value: Spanned<Value>,
}

/// Parses and checks a plan and its scenarios, with what the command line
/// adds: `--set` overrides apply on top of the scenarios requested (the
/// others are checked as the file has them), and actual figures from CSV
/// files join those of the plan file in every scenario. The base plan comes
/// first, named `base`, then the scenarios in file order. `file` only names
/// the file in errors.
pub fn parse_plan(
    text: &str,
    file: &str,
    additions: &Additions,
) -> Result<Vec<Scenario>, PlanError> {
    let Additions {
        sets,
        scenarios: requested,
        actuals,
    } = *additions;
    let wanted = |name: &str| match requested {
        [] => name == BASE_SCENARIO,
        names => names.iter().any(|n| n == name || n == "all"),
    };
    let fail = |problems| PlanError {
        file: file.to_owned(),
        problems,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| fail(vec![toml_problem(text, &e)]))?;
    let lines = LineIndex::new(text);
    let source = Source {
        text,
        lines: &lines,
        arguments: sets,
    };
    let mut problems = Vec::new();

    let years = source.header(raw.plan.as_ref(), &mut problems);
    if raw.metrics.is_empty() {
        problems.push(Problem::new(
            "the plan has no metrics; add at least one [metrics.<id>] table \
             (`dabiao init` writes a starter plan)",
        ));
    }

    // Metrics are checked even when the years are unusable, so that one run
    // lists every problem; only the per-year list lengths need the years.
    let index: HashMap<&str, (usize, bool)> = raw
        .metrics
        .iter()
        .enumerate()
        .map(|(i, (id, m))| (id.get_ref().as_str(), (i, m.get_ref().ratio.is_some())))
        .collect();
    let ctx = MetricContext {
        source,
        years,
        index: &index,
        part_ids: raw
            .metrics
            .iter()
            .filter(|(_, m)| m.get_ref().ratio.is_none())
            .map(|(k, _)| k.get_ref().as_str())
            .collect(),
        all_ids: raw.metrics.keys().map(|k| k.get_ref().as_str()).collect(),
    };
    let set_overrides = source.set_overrides(&mut problems);
    let sets_for = |name: &str| {
        if wanted(name) {
            &set_overrides[..]
        } else {
            &[]
        }
    };
    let mut base_metrics =
        ctx.scenario_metrics(&raw.metrics, sets_for(BASE_SCENARIO), None, &mut problems);
    let (Some((base_year, target_year)), true) = (years, problems.is_empty()) else {
        return Err(fail(problems));
    };
    let figures = checked_actuals(
        &base_metrics,
        actuals,
        (base_year, target_year),
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    add_actuals(&mut base_metrics, &figures);
    let header = raw.plan.map(Spanned::into_inner);
    let (title, plan_source) = header.map_or((None, None), |h| (h.title, h.source));
    let plan_with = |metrics| Plan {
        title: title.clone(),
        source: plan_source.clone(),
        base_year,
        target_year,
        metrics,
    };

    let mut scenarios = vec![Scenario {
        name: BASE_SCENARIO.to_owned(),
        description: None,
        plan: plan_with(base_metrics),
    }];
    for (name, scenario) in &raw.scenarios {
        let scenario_name = name.get_ref().as_str();
        let at = source.locate(name.span());
        if let Some(problem) = scenario_name_problem(scenario_name) {
            problems.push(
                Problem::new(problem)
                    .at(at)
                    .in_scenario(Some(scenario_name)),
            );
            continue;
        }
        let scenario = scenario.get_ref();
        let mut overrides: Vec<Override> = scenario
            .metrics
            .iter()
            .flat_map(|(metric, fields)| {
                fields
                    .get_ref()
                    .fields()
                    .map(move |(field, value)| Override {
                        metric: metric.get_ref(),
                        field,
                        value: value.clone(),
                    })
            })
            .collect();
        // --set applies on top of the scenario's own changes.
        overrides.extend(sets_for(scenario_name).iter().cloned());
        let before = problems.len();
        let metrics =
            ctx.scenario_metrics(&raw.metrics, &overrides, Some(scenario_name), &mut problems);
        if problems.len() > before {
            continue;
        }
        let mut metrics = metrics;
        add_actuals(&mut metrics, &figures);
        let mut plan = plan_with(metrics);
        if let Some(shift) = &scenario.growth_shift {
            let problem = |msg: String| {
                Problem::new(msg)
                    .at(source.locate(shift.span()))
                    .in_scenario(Some(scenario_name))
                    .in_field("growth_shift")
            };
            match parse_rate(shift.get_ref()) {
                Err(msg) => problems.push(problem(msg)),
                Ok(rate) => match plan.with_growth_shift(rate) {
                    Ok(shifted) => plan = shifted,
                    Err(too_low) => {
                        let id = &plan.metrics[too_low.metric].id;
                        // Say so when the rate being shifted came from --set.
                        let origin = sets_for(scenario_name)
                            .iter()
                            .rfind(|o| o.metric == id && o.field == "growth")
                            .map(|o| source.locate(o.value.span()));
                        let from_set = match origin {
                            Some(Location::Argument(argument)) => {
                                format!(" (that growth comes from {argument})")
                            }
                            _ => String::new(),
                        };
                        problems.push(
                            problem(format!(
                                "shifting by {} % takes the growth of `{id}` in {} to {} %{from_set}; \
                                 rates must stay above -100 %",
                                times_hundred(rate),
                                too_low.year,
                                times_hundred(too_low.rate)
                            ))
                            .in_metric(id),
                        )
                    }
                },
            }
        }
        scenarios.push(Scenario {
            name: scenario_name.to_owned(),
            description: scenario.description.clone(),
            plan,
        });
    }
    if problems.is_empty() {
        Ok(scenarios)
    } else {
        Err(fail(problems))
    }
}

fn check_actual_year(year: i32, base_year: i32, target_year: i32) -> Result<(), String> {
    if year <= base_year || year > target_year {
        return Err(format!(
            "{year} is outside the plan's years; actual figures are for {}–{target_year} \
             (the {base_year} value is the baseline)",
            base_year + 1
        ));
    }
    Ok(())
}

/// Compound paths and shares are interpolated geometrically, which needs
/// positive values; a linear path may pass through zero.
fn check_actual_value(figure: f64, must_be_positive: bool) -> Result<(), String> {
    if must_be_positive && figure <= 0.0 {
        return Err(format!(
            "{figure} is not positive; a compound metric or a share needs positive figures"
        ));
    }
    Ok(())
}

/// The actual figures from CSV files, checked against the plan: the metric
/// exists, the year is in range, the value fits the metric, no figure is
/// given twice, and none disagrees with the plan file.
fn checked_actuals<'r>(
    metrics: &[Metric],
    records: &'r [ActualRecord],
    (base_year, target_year): (i32, i32),
    problems: &mut Vec<Problem>,
) -> Vec<(usize, &'r ActualRecord)> {
    let mut seen: HashMap<(usize, i32), &ActualRecord> = HashMap::new();
    let mut figures = Vec::new();
    for record in records {
        let problem = |msg: String| {
            Problem::new(msg)
                .at(Location::FileLine {
                    file: record.file.clone(),
                    line: record.line,
                })
                .in_metric(&record.metric)
        };
        let Some(index) = metrics.iter().position(|m| m.id == record.metric) else {
            let ids: Vec<&str> = metrics.iter().map(|m| m.id.as_str()).collect();
            problems.push(problem(format!(
                "{}: not a metric of the plan; metrics: {}",
                record.year,
                known_ids(&ids)
            )));
            continue;
        };
        let metric = &metrics[index];
        let year = record.year;
        let checked = check_actual_year(year, base_year, target_year).and_then(|()| {
            let positive = !matches!(metric.model, Model::Linear { .. });
            check_actual_value(record.value, positive).map_err(|msg| format!("{year}: {msg}"))
        });
        if let Err(msg) = checked {
            problems.push(problem(msg));
            continue;
        }
        if let Some(earlier) = seen.insert((index, year), record) {
            problems.push(problem(format!(
                "{year} is given twice (also {}:{}); keep one figure per metric and year",
                earlier.file, earlier.line
            )));
            continue;
        }
        if let Some(&in_plan) = metric.actual.get(&year) {
            let agree =
                (in_plan - record.value).abs() <= 1e-9 * in_plan.abs().max(record.value.abs());
            if !agree {
                problems.push(problem(format!(
                    "{year}: {} here, but the plan file says {in_plan} (line {}); \
                     the two must agree: correct one, or drop one",
                    record.value,
                    metric.actual_line.unwrap_or(metric.line)
                )));
            }
            continue;
        }
        figures.push((index, record));
    }
    figures
}

fn add_actuals(metrics: &mut [Metric], figures: &[(usize, &ActualRecord)]) {
    for (index, record) in figures {
        metrics[*index].actual.insert(record.year, record.value);
    }
}

/// Why a scenario cannot have this name, if it cannot.
fn scenario_name_problem(name: &str) -> Option<String> {
    if name == BASE_SCENARIO || name == "all" {
        Some(format!(
            "`{name}` is reserved (`base` is the plan itself, `--scenario all` runs every \
             scenario); rename this scenario"
        ))
    } else if !is_id(name) {
        Some(
            "a scenario name may hold only letters, digits, `_` and `-` \
             (it is used in CSV, JSON and on the command line); rename it"
                .to_owned(),
        )
    } else {
        None
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A `--set` value as TOML reads it (`450`, `[0.1, 0.2]`, `{ at_most = 5 }`),
/// or as text when it is not TOML (`18%`).
fn set_value(text: &str) -> Value {
    toml::from_str::<toml::Table>(&format!("value = {text}"))
        .ok()
        .filter(|table| table.len() == 1)
        .and_then(|mut table| table.remove("value"))
        .unwrap_or_else(|| Value::String(text.to_owned()))
}

/// A TOML syntax or shape error, with the table it happened in (serde's
/// message names the field but not which metric it belongs to) and the line
/// itself, marked where the parser stopped.
fn toml_problem(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim_end().to_owned();
    let Some(span) = error.span() else {
        return Problem::new(message);
    };
    let (line, column) = LineIndex::new(text).line_and_column(span.start);
    let enclosing_table = text.lines().take(line).filter_map(table_header).last();
    let mut message = match enclosing_table {
        Some(table) => format!("in {table}: {message}"),
        None => message,
    };
    let source_line = text.lines().nth(line - 1).unwrap_or("");
    if message.contains("invalid unquoted key") && !source_line.is_ascii() {
        message.push_str("; a key with characters other than A–Z, 0–9, _ and - must be quoted, as in [metrics.\"服务业投资\"]");
    }
    if let Some(source_line) = text.lines().nth(line - 1) {
        let number = line.to_string();
        let pad = " ".repeat(number.len());
        let indent: String = source_line
            .chars()
            .take(column - 1)
            .map(|c| match c {
                '\t' => "\t".to_owned(),
                c => " ".repeat(UnicodeWidthChar::width(c).unwrap_or(0)),
            })
            .collect();
        message.push_str(&format!(
            "\n {pad} |\n {number} | {source_line}\n {pad} | {indent}^"
        ));
    }
    Problem::new(message).at_line(line).at_column(column)
}

/// The `[table]` or `[[array]]` header on this line, if it is one: a dotted
/// key of bare or quoted parts in brackets, alone on its line but for a comment.
fn table_header(line: &str) -> Option<&str> {
    let code = without_comment(line).trim();
    let inner = code
        .strip_prefix('[')?
        .strip_suffix(']')?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let key_like = inner.split('.').all(|part| {
        let part = part.trim();
        let quoted = part.len() >= 2
            && (part.starts_with('"') && part.ends_with('"')
                || part.starts_with('\'') && part.ends_with('\''));
        quoted
            || (!part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    });
    key_like.then_some(code)
}

/// The line up to a `#` that is not inside quotes.
fn without_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

#[derive(Clone, Copy)]
struct Source<'a> {
    text: &'a str,
    lines: &'a LineIndex<'a>,
    /// The `--set` arguments, as the user typed them.
    arguments: &'a [String],
}

impl<'a> Source<'a> {
    /// The `--set ID.FIELD=VALUE` arguments as overrides; each gets a span
    /// past the end of the text, which `locate` maps back to the argument.
    fn set_overrides(&self, problems: &mut Vec<Problem>) -> Vec<Override<'a>> {
        let mut overrides = Vec::new();
        for (i, argument) in self.arguments.iter().enumerate() {
            let at = (self.text.len() + 1 + i)..(self.text.len() + 1 + i);
            let parsed = argument.split_once('=').and_then(|(target, value)| {
                let (metric, field) = target.trim().rsplit_once('.')?;
                (!metric.is_empty() && !field.is_empty()).then_some((metric, field, value.trim()))
            });
            match parsed {
                Some((metric, field, value)) => overrides.push(Override {
                    metric,
                    field,
                    value: Spanned::new(at, set_value(value)),
                }),
                None => problems.push(
                    Problem::new(
                        "expected ID.FIELD=VALUE, for example --set service_investment.growth=18%",
                    )
                    .at(self.locate(at)),
                ),
            }
        }
        overrides
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// Spans past the end of the text stand for `--set` arguments, in order.
    fn locate(&self, span: Range<usize>) -> Location {
        match span.start.checked_sub(self.text.len() + 1) {
            Some(i) => Location::Argument(format!("--set {}", self.arguments[i])),
            None => Location::Line(self.line_of(span.start)),
        }
    }

    /// base_year and target_year, when both are usable.
    fn header(
        &self,
        header: Option<&Spanned<RawHeader>>,
        problems: &mut Vec<Problem>,
    ) -> Option<(i32, i32)> {
        let Some(header) = header else {
            problems.push(Problem::new(
                "missing [plan] table; add one with base_year and target_year, \
                 for example base_year = 2015 and target_year = 2020",
            ));
            return None;
        };
        let header_line = self.locate(header.span());
        let year = |field: &str, value: &Option<Spanned<Value>>, problems: &mut Vec<Problem>| {
            let problem = |msg: String, location| {
                Problem::new(msg)
                    .at(location)
                    .in_field(&format!("plan.{field}"))
            };
            match value {
                None => {
                    problems.push(problem(
                        format!("missing; add `{field} = <year>` to [plan]"),
                        header_line.clone(),
                    ));
                    None
                }
                Some(v) => match v.get_ref() {
                    Value::Integer(y) if (1..=9999).contains(y) => Some(*y as i32),
                    other => {
                        problems.push(problem(
                            format!(
                                "expected a year, a whole number between 1 and 9999, found {}",
                                show(other)
                            ),
                            self.locate(v.span()),
                        ));
                        None
                    }
                },
            }
        };
        let header_ref = header.get_ref();
        let base = year("base_year", &header_ref.base_year, problems);
        let target = year("target_year", &header_ref.target_year, problems);
        let (base, target) = (base?, target?);
        let line = header_ref
            .target_year
            .as_ref()
            .map_or(header_line.clone(), |v| self.locate(v.span()));
        if target <= base {
            problems.push(
                Problem::new(format!(
                    "target_year {target} must come after base_year {base}"
                ))
                .at(line.clone())
                .in_field("plan.target_year"),
            );
            return None;
        }
        if target - base > MAX_HORIZON {
            problems.push(
                Problem::new(format!(
                    "{base}–{target} spans {} years; a plan may span at most {MAX_HORIZON}",
                    target - base
                ))
                .at(line.clone())
                .in_field("plan.target_year"),
            );
            return None;
        }
        Some((base, target))
    }
}

struct MetricContext<'a> {
    source: Source<'a>,
    /// base_year and target_year, when [plan] gives usable ones.
    years: Option<(i32, i32)>,
    /// Metric id → (position in the file, whether it is a ratio).
    index: &'a HashMap<&'a str, (usize, bool)>,
    /// Ids of the metrics that can be a ratio's parts.
    part_ids: Vec<&'a str>,
    all_ids: Vec<&'a str>,
}

impl MetricContext<'_> {
    /// Every metric of the plan with `overrides` applied, checked; a problem
    /// is named after `scenario` when there is one.
    fn scenario_metrics(
        &self,
        metrics: &IndexMap<Spanned<String>, Spanned<RawMetric>>,
        overrides: &[Override],
        scenario: Option<&str>,
        problems: &mut Vec<Problem>,
    ) -> Vec<Metric> {
        let mut changed: HashMap<&str, RawMetric> = HashMap::new();
        for o in overrides {
            let problem = |msg: String| {
                Problem::new(msg)
                    .at(self.source.locate(o.value.span()))
                    .in_scenario(scenario)
                    .in_metric(o.metric)
            };
            let Some(&(index, _)) = self.index.get(o.metric) else {
                problems.push(problem(format!(
                    "not a metric of this plan; metrics: {}",
                    known_ids(&self.all_ids)
                )));
                continue;
            };
            let metric = changed
                .entry(o.metric)
                .or_insert_with(|| metrics[index].get_ref().clone());
            if let Err(msg) = override_field(metric, o.field, o.value.clone()) {
                problems.push(problem(msg).in_field(o.field));
            }
        }
        metrics
            .iter()
            .filter_map(|(id, raw)| {
                let raw = changed.get(id.get_ref().as_str()).unwrap_or(raw.get_ref());
                self.metric(id, raw, scenario, problems)
            })
            .collect()
    }

    fn metric(
        &self,
        id: &Spanned<String>,
        raw: &RawMetric,
        scenario: Option<&str>,
        problems: &mut Vec<Problem>,
    ) -> Option<Metric> {
        let line = self.source.locate(id.span());
        let line_number = self.source.line_of(id.span().start);
        let id = id.get_ref();
        let before = problems.len();
        let report =
            |problems: &mut Vec<Problem>, field: Option<&str>, line: Location, msg: String| {
                let p = Problem::new(msg)
                    .at(line)
                    .in_scenario(scenario)
                    .in_metric(id);
                problems.push(match field {
                    Some(f) => p.in_field(f),
                    None => p,
                });
            };

        if !is_id(id) {
            report(
                problems,
                None,
                line.clone(),
                "a metric id may hold only letters, digits, `_` and `-` \
                 (it is used in CSV, JSON and on the command line); rename the table"
                    .to_owned(),
            );
        }

        let models: Vec<&str> = [
            ("growth", raw.growth.is_some()),
            ("increment", raw.increment.is_some()),
            ("ratio", raw.ratio.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        let model = match models.as_slice() {
            [] => {
                report(
                    problems,
                    None,
                    line.clone(),
                    "has no model; give `baseline` with `growth` (compound) or with \
                     `increment` (linear), or give `ratio = { numerator = \"…\", denominator = \"…\" }`"
                        .to_owned(),
                );
                None
            }
            [_] => self.model(raw, line.clone(), &mut |field, line, msg| {
                report(problems, Some(field), line, msg)
            }),
            several => {
                report(
                    problems,
                    None,
                    line.clone(),
                    format!(
                        "has {} models (`{}`); a metric is exactly one of compound \
                         (`growth`), linear (`increment`) or `ratio`: keep one",
                        several.len(),
                        several.join("`, `")
                    ),
                );
                None
            }
        };

        let is_ratio = raw.ratio.is_some();
        let level_goal = raw.target.as_ref().and_then(|t| {
            self.goal(t, GoalKind::Level)
                .map_err(|msg| report(problems, Some("target"), self.source.locate(t.span()), msg))
                .ok()
        });
        let rate_goal = raw.rate_target.as_ref().and_then(|t| {
            let line = self.source.locate(t.span());
            if is_ratio {
                report(
                    problems,
                    Some("rate_target"),
                    line.clone(),
                    "a ratio metric has no growth rate of its own; put the rate goal on its \
                     numerator or denominator metric, or use `target` for the share"
                        .to_owned(),
                );
                return None;
            }
            self.goal(t, GoalKind::Rate)
                .map_err(|msg| report(problems, Some("rate_target"), line, msg))
                .ok()
        });

        let actual = raw.actual.as_ref().map_or_else(BTreeMap::new, |table| {
            let location = self.source.locate(table.span());
            let mut figures = BTreeMap::new();
            for (key, value) in table.get_ref() {
                match self.actual_figure(key, value, raw) {
                    Ok((year, figure)) => {
                        figures.insert(year, figure);
                    }
                    Err(msg) => report(problems, Some("actual"), location.clone(), msg),
                }
            }
            figures
        });
        if problems.len() > before {
            return None;
        }
        let model = model?;
        let unit = raw.unit.clone().unwrap_or_else(|| match model {
            Model::Ratio { scale: 100.0, .. } => "%".to_owned(),
            _ => String::new(),
        });
        Some(Metric {
            id: id.clone(),
            name: raw.name.clone().unwrap_or_else(|| id.clone()),
            unit,
            model,
            level_goal,
            rate_goal,
            actual,
            line: line_number,
            actual_line: raw
                .actual
                .as_ref()
                .map(|table| self.source.line_of(table.span().start)),
        })
    }

    /// The metric's single model; `report(field, line, message)` records a problem.
    fn model(
        &self,
        raw: &RawMetric,
        metric_line: Location,
        report: &mut dyn FnMut(&str, Location, String),
    ) -> Option<Model> {
        let line = |v: &Spanned<Value>| self.source.locate(v.span());
        if let Some(ratio) = &raw.ratio {
            if let Some(b) = &raw.baseline {
                report(
                    "baseline",
                    line(b),
                    "a ratio metric takes its values from its numerator and denominator; \
                     remove `baseline`"
                        .to_owned(),
                );
            }
            return self.ratio(ratio, report);
        }
        let Some(baseline_value) = &raw.baseline else {
            report(
                "baseline",
                metric_line,
                match self.years {
                    Some((base_year, _)) => {
                        format!("missing; add `baseline = <value in {base_year}>`")
                    }
                    None => "missing; add `baseline = <value in the base year>`".to_owned(),
                },
            );
            return None;
        };
        let baseline = number(baseline_value.get_ref())
            .map_err(|msg| report("baseline", line(baseline_value), msg))
            .ok();

        if let Some(growth) = &raw.growth {
            let rates = self
                .per_year(growth, "rate", |v| {
                    let rate = parse_rate(v)?;
                    if rate <= -1.0 {
                        return Err(format!(
                            "a rate of {} % would wipe the value out; rates must be above -100 %",
                            times_hundred(rate)
                        ));
                    }
                    Ok(rate)
                })
                .map_err(|msg| report("growth", line(growth), msg))
                .ok();
            if let Some(b) = baseline.filter(|b| *b <= 0.0) {
                report(
                    "baseline",
                    line(baseline_value),
                    format!(
                        "compound growth needs a positive baseline, found {b}; \
                         correct it, or use `increment` for a linear path"
                    ),
                );
                return None;
            }
            return Some(Model::Compound {
                baseline: baseline?,
                growth: rates?,
            });
        }
        let increment = raw.increment.as_ref()?;
        let steps = self
            .per_year(increment, "number", number)
            .map_err(|msg| report("increment", line(increment), msg))
            .ok();
        Some(Model::Linear {
            baseline: baseline?,
            increment: steps?,
        })
    }

    fn ratio(
        &self,
        ratio: &Spanned<RawRatio>,
        report: &mut dyn FnMut(&str, Location, String),
    ) -> Option<Model> {
        let ratio = ratio.get_ref();
        let mut component = |field: &str, name: &Spanned<String>| {
            let line = self.source.locate(name.span());
            let field = format!("ratio.{field}");
            match self.index.get(name.get_ref().as_str()) {
                Some((_, true)) => {
                    report(
                        &field,
                        line,
                        format!(
                            "`{}` is itself a ratio; a ratio's parts must be compound or linear metrics",
                            name.get_ref()
                        ),
                    );
                    None
                }
                Some((i, false)) => Some(*i),
                None => {
                    report(
                        &field,
                        line,
                        format!(
                            "`{}` is not a metric of this plan; metrics that can be parts of a ratio: {}",
                            name.get_ref(),
                            known_ids(&self.part_ids)
                        ),
                    );
                    None
                }
            }
        };
        let numerator = component("numerator", &ratio.numerator);
        let denominator = component("denominator", &ratio.denominator);
        let scale = match &ratio.scale {
            None => Some(100.0),
            Some(s) => match number(s.get_ref()) {
                Ok(x) if x > 0.0 => Some(x),
                Ok(x) => {
                    report(
                        "ratio.scale",
                        self.source.locate(s.span()),
                        format!("must be positive (100 for %, 1000 for ‰), found {x}"),
                    );
                    None
                }
                Err(msg) => {
                    report("ratio.scale", self.source.locate(s.span()), msg);
                    None
                }
            },
        };
        Some(Model::Ratio {
            numerator: numerator?,
            denominator: denominator?,
            scale: scale?,
        })
    }

    /// One `year = value` entry of a metric's `actual` table.
    fn actual_figure(
        &self,
        key: &str,
        value: &Value,
        raw: &RawMetric,
    ) -> Result<(i32, f64), String> {
        let year: i32 = key.trim().parse().map_err(|_| {
            format!("`{key}` is not a year; write actual = {{ 2016 = 80.1, 2017 = 93.5 }}")
        })?;
        if let Some((base_year, target_year)) = self.years {
            check_actual_year(year, base_year, target_year)?;
        }
        let figure = number(value).map_err(|msg| format!("{year}: {msg}"))?;
        check_actual_value(figure, raw.growth.is_some() || raw.ratio.is_some())
            .map_err(|msg| format!("{year}: {msg}"))?;
        Ok((year, figure))
    }

    /// One value, or an array of exactly one value per projected year.
    fn per_year(
        &self,
        value: &Spanned<Value>,
        what: &str,
        mut parse: impl FnMut(&Value) -> Result<f64, String>,
    ) -> Result<Vec<f64>, String> {
        // Without usable years, entries are still checked one by one.
        let (base_year, target_year) = self.years.unwrap_or((0, 0));
        let horizon = (target_year - base_year) as usize;
        let first = base_year + 1;
        match value.get_ref() {
            Value::Array(items) => {
                if self.years.is_some() && items.len() != horizon {
                    return Err(format!(
                        "has {} {}, but {first}–{target_year} has {horizon} projected years; \
                         give one {what} per year (the first is for {first}) or a single {what}",
                        items.len(),
                        if items.len() == 1 { "entry" } else { "entries" },
                    ));
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        parse(item).map_err(|msg| match self.years {
                            Some(_) => format!("entry for {}: {msg}", first + i as i32),
                            None => format!("entry {}: {msg}", i + 1),
                        })
                    })
                    .collect()
            }
            single => parse(single).map(|v| vec![v; horizon]),
        }
    }

    fn goal(&self, value: &Spanned<Value>, kind: GoalKind) -> Result<Goal, String> {
        let amount = |v: &Value| match kind {
            GoalKind::Level => number(v),
            GoalKind::Rate => parse_rate(v).and_then(|r| {
                if r <= -1.0 {
                    Err("a rate goal must be above -100 %".to_owned())
                } else {
                    Ok(r)
                }
            }),
        };
        let tolerance = |v: &Value| {
            let t = match kind {
                GoalKind::Level => number(v),
                GoalKind::Rate => parse_rate(v),
            }?;
            if t < 0.0 {
                return Err(format!("tolerance must not be negative, found {}", show(v)));
            }
            Ok(t)
        };
        let table = match value.get_ref() {
            Value::Table(table) => table,
            Value::String(text) if kind == GoalKind::Level => {
                return Err(match number(value.get_ref()) {
                    Err(quoted) if text.trim().parse::<f64>().is_ok() => quoted,
                    _ => format!(
                        "expected a number or a table such as {{ at_least = 150 }}, found {}",
                        show(value.get_ref())
                    ),
                });
            }
            plain => {
                return Ok(Goal {
                    comparison: Comparison::AtLeast,
                    value: amount(plain)?,
                });
            }
        };
        const KEYS: [&str; 4] = ["at_least", "at_most", "about", "tolerance"];
        if let Some(unknown) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(format!(
                "unknown key `{unknown}`; a goal table takes one of `at_least`, `at_most`, \
                 or `about` with `tolerance`"
            ));
        }
        let given: Vec<&str> = KEYS[..3]
            .iter()
            .copied()
            .filter(|k| table.contains_key(*k))
            .collect();
        let [op] = given.as_slice() else {
            return Err(format!(
                "give exactly one of `at_least`, `at_most` or `about`, found {}",
                if given.is_empty() {
                    "none".to_owned()
                } else {
                    format!("`{}`", given.join("`, `"))
                }
            ));
        };
        let goal_value = amount(&table[*op]).map_err(|msg| format!("`{op}`: {msg}"))?;
        let comparison = match (*op, table.get("tolerance")) {
            ("about", Some(t)) => Comparison::About {
                tolerance: tolerance(t).map_err(|msg| format!("`tolerance`: {msg}"))?,
            },
            ("about", None) => {
                let example = match kind {
                    GoalKind::Level => "{ about = 60, tolerance = 3 }",
                    GoalKind::Rate => "{ about = \"20%\", tolerance = \"1%\" }",
                };
                return Err(format!(
                    "`about` needs a `tolerance`, the accepted distance either side: \
                     for example {example}"
                ));
            }
            (_, Some(_)) => {
                return Err(format!(
                    "`tolerance` applies only to `about` goals; remove it or write `about` instead of `{op}`"
                ));
            }
            ("at_least", None) => Comparison::AtLeast,
            _ => Comparison::AtMost,
        };
        Ok(Goal {
            comparison,
            value: goal_value,
        })
    }
}

fn number(value: &Value) -> Result<f64, String> {
    match value {
        Value::Integer(i) => Ok(*i as f64),
        Value::Float(x) if x.is_finite() => Ok(*x),
        Value::Float(x) => Err(format!("{x} is not a finite number; give a real value")),
        Value::String(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => Err(format!(
            "expected a number, found the string \"{s}\"; remove the quotes"
        )),
        other => Err(format!("expected a number, found {}", show(other))),
    }
}

fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("the string \"{s}\""),
        Value::Integer(i) => i.to_string(),
        Value::Float(x) => format!("{x:?}"),
        Value::Array(_) => "an array".to_owned(),
        other => format!("a {}", other.type_str()),
    }
}

fn known_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut list = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(", … ({} in all)", ids.len()));
    }
    list
}

/// Replaces `field` of `metric` with `value`, as a scenario or `--set` does.
/// The metric's kind cannot change: compound stays compound, linear stays
/// linear, and a ratio keeps its parts.
fn override_field(
    metric: &mut RawMetric,
    field: &str,
    value: Spanned<Value>,
) -> Result<(), String> {
    let kind_is_fixed = |kind: &str, instead: &str| {
        Err(format!(
            "the metric is {kind}, and a scenario or --set cannot change a metric's kind; {instead}"
        ))
    };
    let slot = match field {
        "baseline" if metric.ratio.is_some() => {
            return Err(
                "a ratio metric has no baseline of its own; change its numerator \
                        or denominator instead"
                    .to_owned(),
            );
        }
        "growth" | "increment" if metric.ratio.is_some() => {
            return kind_is_fixed("a ratio", "change its numerator or denominator instead");
        }
        "growth" if metric.growth.is_none() => {
            return kind_is_fixed("linear", "change `increment` instead");
        }
        "increment" if metric.increment.is_none() => {
            return kind_is_fixed("compound", "change `growth` instead");
        }
        "baseline" => &mut metric.baseline,
        "growth" => &mut metric.growth,
        "increment" => &mut metric.increment,
        "target" => &mut metric.target,
        "rate_target" => &mut metric.rate_target,
        other => {
            return Err(format!(
                "`{other}` cannot be changed; a scenario or --set may change `baseline`, \
                 `growth`, `increment`, `target` or `rate_target`"
            ));
        }
    };
    *slot = Some(value);
    Ok(())
}
