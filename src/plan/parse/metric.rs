//! A metric's table checked into a [`Metric`]: its id, its one model
//! (compound, linear or ratio) with its per-year lists, its goals and its
//! actual figures.
//!
//! Metrics are checked even when the plan's years are unusable, so that one
//! run lists every problem; only the lengths of per-year lists need the years.

use std::collections::BTreeMap;

use toml::{Spanned, Value};

use super::actuals::file_figure;
use super::goal::goal;
use super::locate::Locator;
use super::overrides::{self, Override};
use super::raw::{RawMetric, RawMetrics, RawRatio};
use super::value::{is_id, known_ids, number, shown};
use crate::plan::error::Scoped;
use crate::plan::rate::{parse_rate, times_hundred};
use crate::plan::{GoalKind, Location, Metric, Model};

/// What checking one metric needs to know of the plan around it.
pub(super) struct MetricContext<'a> {
    metrics: &'a RawMetrics,
    locator: &'a Locator<'a>,
    /// base_year and target_year, when `[plan]` gives usable ones.
    years: Option<(i32, i32)>,
    /// Ids of the metrics that can be a ratio's parts.
    part_ids: Vec<&'a str>,
    all_ids: Vec<&'a str>,
}

impl<'a> MetricContext<'a> {
    pub(super) fn new(
        metrics: &'a RawMetrics,
        locator: &'a Locator<'a>,
        years: Option<(i32, i32)>,
    ) -> Self {
        let ids = |ratios_too: bool| {
            metrics
                .iter()
                .filter(|(_, m)| ratios_too || m.get_ref().ratio.is_none())
                .map(|(id, _)| id.get_ref().as_str())
                .collect()
        };
        MetricContext {
            metrics,
            locator,
            years,
            part_ids: ids(false),
            all_ids: ids(true),
        }
    }

    /// Every metric of the plan with `overrides` applied, checked; what is
    /// reported is named after the scope `problems` has.
    pub(super) fn checked(&self, overrides: &[Override], problems: &mut Scoped) -> Vec<Metric> {
        let changed = overrides::apply(
            self.metrics,
            overrides,
            self.locator,
            &self.all_ids,
            problems,
        );
        self.metrics
            .iter()
            .filter_map(|(id, raw)| {
                let raw = changed.get(id.get_ref().as_str()).unwrap_or(raw.get_ref());
                self.metric(id, raw, problems)
            })
            .collect()
    }

    fn metric(
        &self,
        id: &Spanned<String>,
        raw: &RawMetric,
        problems: &mut Scoped,
    ) -> Option<Metric> {
        let line = self.locator.locate(id.span());
        let line_number = self.locator.line_of(id.span().start);
        let id = id.get_ref();
        let before = problems.count();
        let mut problems = problems.in_metric(id);

        if !is_id(id) {
            problems.report(
                line.clone(),
                "a metric id may hold only letters, digits, `_` and `-` \
                 (it is used in CSV, JSON and on the command line); rename the table",
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
                problems.report(
                    line,
                    "has no model; give `baseline` with `growth` (compound) or with \
                     `increment` (linear), or give `ratio = { numerator = \"…\", denominator = \"…\" }`",
                );
                None
            }
            [_] => self.model(raw, line, &mut problems),
            several => {
                problems.report(
                    line,
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

        let level_goal = raw.target.as_ref().and_then(|t| {
            goal(t.get_ref(), GoalKind::Level)
                .map_err(|msg| {
                    let at = self.locator.locate(t.span());
                    problems.in_field("target").report(at, msg);
                })
                .ok()
        });
        let rate_goal = raw.rate_target.as_ref().and_then(|t| {
            let at = self.locator.locate(t.span());
            let mut problems = problems.in_field("rate_target");
            if raw.ratio.is_some() {
                problems.report(
                    at,
                    "a ratio metric has no growth rate of its own; put the rate goal on its \
                     numerator or denominator metric, or use `target` for the share",
                );
                return None;
            }
            goal(t.get_ref(), GoalKind::Rate)
                .map_err(|msg| problems.report(at, msg))
                .ok()
        });

        let actual = raw.actual.as_ref().map_or_else(BTreeMap::new, |table| {
            let at = self.locator.locate(table.span());
            let mut problems = problems.in_field("actual");
            let must_be_positive = raw.growth.is_some() || raw.ratio.is_some();
            table
                .get_ref()
                .iter()
                .filter_map(|(key, value)| {
                    file_figure(key, value, self.years, must_be_positive)
                        .map_err(|msg| problems.report(at.clone(), msg))
                        .ok()
                })
                .collect()
        });
        if problems.count() > before {
            return None;
        }
        let model = model?;
        let unit = raw
            .unit
            .as_deref()
            .map(shown)
            .unwrap_or_else(|| match model {
                Model::Ratio { scale: 100.0, .. } => "%".to_owned(),
                _ => String::new(),
            });
        Some(Metric {
            id: id.clone(),
            name: raw.name.as_deref().map_or_else(|| id.clone(), shown),
            unit,
            model,
            level_goal,
            rate_goal,
            actual,
            line: line_number,
            actual_line: raw
                .actual
                .as_ref()
                .map(|table| self.locator.line_of(table.span().start)),
        })
    }

    /// The metric's single model.
    fn model(
        &self,
        raw: &RawMetric,
        metric_line: Location,
        problems: &mut Scoped,
    ) -> Option<Model> {
        let at = |v: &Spanned<Value>| self.locator.locate(v.span());
        if let Some(ratio) = &raw.ratio {
            if let Some(b) = &raw.baseline {
                problems.in_field("baseline").report(
                    at(b),
                    "a ratio metric takes its values from its numerator and denominator; \
                     remove `baseline`",
                );
            }
            return self.ratio(ratio.get_ref(), problems);
        }
        let Some(baseline_value) = &raw.baseline else {
            problems.in_field("baseline").report(
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
            .map_err(|msg| {
                problems
                    .in_field("baseline")
                    .report(at(baseline_value), msg)
            })
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
                .map_err(|msg| problems.in_field("growth").report(at(growth), msg))
                .ok();
            if let Some(b) = baseline.filter(|b| *b <= 0.0) {
                problems.in_field("baseline").report(
                    at(baseline_value),
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
            .map_err(|msg| problems.in_field("increment").report(at(increment), msg))
            .ok();
        Some(Model::Linear {
            baseline: baseline?,
            increment: steps?,
        })
    }

    fn ratio(&self, ratio: &RawRatio, problems: &mut Scoped) -> Option<Model> {
        let mut part = |field: &str, name: &Spanned<String>| {
            let at = self.locator.locate(name.span());
            let name = name.get_ref();
            let mut problems = problems.in_field(field);
            match self.metrics.get_full(name.as_str()) {
                Some((_, _, metric)) if metric.get_ref().ratio.is_some() => {
                    problems.report(
                        at,
                        format!(
                            "`{name}` is itself a ratio; a ratio's parts must be compound or linear metrics"
                        ),
                    );
                    None
                }
                Some((index, _, _)) => Some(index),
                None => {
                    problems.report(
                        at,
                        format!(
                            "`{name}` is not a metric of this plan; metrics that can be parts of a ratio: {}",
                            known_ids(&self.part_ids)
                        ),
                    );
                    None
                }
            }
        };
        let numerator = part("ratio.numerator", &ratio.numerator);
        let denominator = part("ratio.denominator", &ratio.denominator);
        let scale = match &ratio.scale {
            None => Some(100.0),
            Some(s) => {
                let at = self.locator.locate(s.span());
                let mut problems = problems.in_field("ratio.scale");
                match number(s.get_ref()) {
                    Ok(x) if x > 0.0 => Some(x),
                    Ok(x) => {
                        problems.report(
                            at,
                            format!("must be positive (100 for %, 1000 for ‰), found {x}"),
                        );
                        None
                    }
                    Err(msg) => {
                        problems.report(at, msg);
                        None
                    }
                }
            }
        };
        Some(Model::Ratio {
            numerator: numerator?,
            denominator: denominator?,
            scale: scale?,
        })
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
}
