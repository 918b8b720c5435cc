//! A metric's table checked into a [`Metric`]: its id, its one model
//! (compound, linear or ratio) with its per-year lists and prices, its rate
//! method, its goals (read in `targets`), its actual figures and its
//! history. A growth or increment left to the trend of the history waits
//! for the history of actuals files (see `history`).
//!
//! Metrics are checked even when the plan's years are unusable, so that one
//! run lists every problem; only the lengths of per-year lists need the years.

use std::collections::BTreeMap;

use toml::{Spanned, Value};

use super::actuals::file_figure;
use super::history::{self, Ask, Checked, history_figure, is_trend};
use super::locate::Locator;
use super::overrides::{self, Override};
use super::ratio;
use super::raw::{RawMetric, RawMetrics};
use super::targets::goals;
use super::uncertainty::{compound_volatility, linear_volatility};
use super::value::{is_id, number, show, shown};
use crate::calc::trend::Estimator;
use crate::plan::error::Scoped;
use crate::plan::rate::{parse_rate, times_hundred};
use crate::plan::{Location, Metric, Model, RateMethod, Volatility};

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

    /// Every metric of the plan with `overrides` applied, checked but for
    /// the trends they ask for; what is reported is named after the scope
    /// `problems` has.
    pub(super) fn checked(&self, overrides: &[Override], problems: &mut Scoped) -> Checked {
        let changed = overrides::apply(
            self.metrics,
            overrides,
            self.locator,
            &self.all_ids,
            problems,
        );
        let mut checked = Checked {
            metrics: Vec::with_capacity(self.metrics.len()),
            asks: Vec::new(),
        };
        for (id, original) in self.metrics {
            let raw = changed
                .get(id.get_ref().as_str())
                .unwrap_or(original.get_ref());
            if let Some((metric, ask)) = self.metric(id, raw, original.get_ref(), problems) {
                checked
                    .asks
                    .extend(ask.map(|ask| (checked.metrics.len(), ask)));
                checked.metrics.push(metric);
            }
        }
        checked
    }

    /// The metric `raw` (the plan file's `original` with any overrides), and
    /// the trend it asks for, if any.
    fn metric(
        &self,
        id: &Spanned<String>,
        raw: &RawMetric,
        original: &RawMetric,
        problems: &mut Scoped,
    ) -> Option<(Metric, Option<Ask>)> {
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

        let goals = goals(raw, id, &self.all_ids, self.locator, &mut problems);

        let rate_method = raw
            .rate_method
            .as_ref()
            .map_or(Some(RateMethod::Endpoint), |m| {
                rate_method(m.get_ref())
                    .map_err(|msg| {
                        let at = self.locator.locate(m.span());
                        problems.in_field("rate_method").report(at, msg);
                    })
                    .ok()
            });

        let binding = raw
            .binding
            .as_ref()
            .map_or(Some(false), |b| match b.get_ref() {
                Value::Boolean(binding) => Some(*binding),
                other => {
                    problems.in_field("binding").report(
                    self.locator.locate(b.span()),
                    format!(
                        "expected true (约束性: binding goals) or false (预期性: expected goals, \
                         the default), found {}",
                        show(other)
                    ),
                );
                    None
                }
            });

        let volatility = self.volatility(raw, &mut problems);

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
        let history = raw.history.as_ref().map_or_else(BTreeMap::new, |table| {
            let at = self.locator.locate(table.span());
            let mut problems = problems.in_field("history");
            if raw.ratio.is_some() {
                problems.report(
                    at,
                    "a ratio takes its figures from its numerator and denominator; give \
                     `history` to those metrics instead",
                );
                return BTreeMap::new();
            }
            let must_be_positive = raw.growth.is_some();
            table
                .get_ref()
                .iter()
                .filter_map(|(key, value)| {
                    history_figure(key, value, self.years.map(|y| y.0), must_be_positive)
                        .map_err(|msg| problems.report(at.clone(), msg))
                        .ok()
                })
                .collect()
        });
        let ask = self.trend_ask(raw, original, &mut problems);
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
        let metric = Metric {
            id: id.clone(),
            name: raw.name.as_deref().map_or_else(|| id.clone(), shown),
            unit,
            model,
            level_goal: goals.level,
            rate_goal: goals.rate,
            in_step_goal: goals.in_step,
            change_goal: goals.change,
            increase_goal: goals.increase,
            total_goal: goals.total,
            rate_method: rate_method?,
            volatility: volatility?,
            binding: binding?,
            actual,
            line: line_number,
            actual_line: raw
                .actual
                .as_ref()
                .map(|table| self.locator.line_of(table.span().start)),
            history,
            trend: None,
        };
        Some((metric, ask))
    }

    /// The trend a growth or increment of `"trend"` asks for, with the
    /// estimator `trend` names; a `trend` with nothing to estimate is
    /// refused, unless an override replaced the file's `"trend"`.
    fn trend_ask(
        &self,
        raw: &RawMetric,
        original: &RawMetric,
        problems: &mut Scoped,
    ) -> Option<Ask> {
        let asking = |m: &RawMetric| {
            [("growth", &m.growth), ("increment", &m.increment)]
                .into_iter()
                .find_map(|(field, value)| {
                    value
                        .as_ref()
                        .filter(|v| is_trend(v.get_ref()))
                        .map(|v| (field, v.span()))
                })
        };
        let asked = asking(raw);
        let estimator = match &raw.trend {
            None => Estimator::Cagr,
            Some(named) => {
                let at = self.locator.locate(named.span());
                let mut problems = problems.in_field("trend");
                if asked.is_none() && asking(original).is_none() {
                    let field = if raw.increment.is_some() {
                        "increment"
                    } else {
                        "growth"
                    };
                    problems.report(
                        at,
                        format!(
                            "`trend` says how `{field} = \"trend\"` is estimated from the \
                             history, but `{field}` is not \"trend\"; write \
                             `{field} = \"trend\"`, or remove `trend`"
                        ),
                    );
                    return None;
                }
                history::estimator(named.get_ref())
                    .map_err(|msg| problems.report(at, msg))
                    .ok()?
            }
        };
        let (field, span) = asked?;
        if raw.deflator.is_some() {
            // History is published at current prices; growth with a deflator is real.
            problems.in_field(field).report(
                self.locator.locate(span),
                "\"trend\" takes the rate of the history, which is at current prices, but \
                 with a deflator growth is real; give the real rate itself, as growth = \"6%\"",
            );
            return None;
        }
        Some(Ask {
            estimator,
            field,
            at: self.locator.locate(span),
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
            self.refuse_deflator(
                raw,
                "a ratio takes its prices from its parts: put `deflator` on its numerator or \
                 denominator, and `prices = \"comparable\"` in `ratio` to divide their real paths",
                problems,
            );
            return ratio::ratio(
                ratio.get_ref(),
                self.metrics,
                &self.part_ids,
                self.locator,
                problems,
            );
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

        // A trend's rate waits for the history of actuals files: until then
        // the model has no years.
        if let Some(growth) = &raw.growth {
            let rates = if is_trend(growth.get_ref()) {
                Ok(Vec::new())
            } else {
                self.per_year(growth, "rate", |v| {
                    rate_above_minus_100(v, ("a rate", "the value", "rates"))
                })
            }
            .map_err(|msg| problems.in_field("growth").report(at(growth), msg))
            .ok();
            let deflator = raw.deflator.as_ref().map(|deflator| {
                self.per_year(deflator, "rate", |v| {
                    rate_above_minus_100(v, ("a deflator", "the price level", "deflators"))
                })
                .map_err(|msg| problems.in_field("deflator").report(at(deflator), msg))
                .ok()
            });
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
                deflator: match deflator {
                    None => None,
                    Some(parsed) => Some(parsed?),
                },
            });
        }
        self.refuse_deflator(
            raw,
            "a deflator turns real growth into levels at current prices, and a linear metric \
             has no growth rate; remove `deflator`, or give the metric `growth` instead of \
             `increment`",
            problems,
        );
        let increment = raw.increment.as_ref()?;
        let steps = if is_trend(increment.get_ref()) {
            Ok(Vec::new())
        } else {
            self.per_year(increment, "number", number)
        }
        .map_err(|msg| problems.in_field("increment").report(at(increment), msg))
        .ok();
        Some(Model::Linear {
            baseline: baseline?,
            increment: steps?,
        })
    }

    /// The metric's `volatility`: "history", or one standard deviation (or
    /// one per projected year) as a rate for a compound metric, in the
    /// metric's unit for a linear one; a ratio moves with its parts. Outer
    /// none when refused.
    fn volatility(&self, raw: &RawMetric, problems: &mut Scoped) -> Option<Option<Volatility>> {
        let Some(value) = &raw.volatility else {
            return Some(None);
        };
        let at = self.locator.locate(value.span());
        let mut problems = problems.in_field("volatility");
        let parsed = if raw.ratio.is_some() {
            Err(
                "a ratio moves with its parts: give `volatility` to its numerator and \
                 denominator instead, and remove it here"
                    .to_owned(),
            )
        } else if value.get_ref().as_str() == Some("history") {
            Ok(Volatility::History {
                line: self.locator.line_of(value.span().start),
            })
        } else if raw.growth.is_some() {
            self.per_year(value, "volatility", compound_volatility)
                .map(Volatility::PerYear)
        } else {
            self.per_year(value, "volatility", linear_volatility)
                .map(Volatility::PerYear)
        };
        parsed
            .map_err(|message| problems.report(at, message))
            .ok()
            .map(Some)
    }

    /// Reports a `deflator` on a metric that cannot have one, saying `why`.
    fn refuse_deflator(&self, raw: &RawMetric, why: &str, problems: &mut Scoped) {
        if let Some(deflator) = &raw.deflator {
            let at = self.locator.locate(deflator.span());
            problems.in_field("deflator").report(at, why);
        }
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

/// `rate_method`: how the metric's average annual rate is computed.
fn rate_method(value: &Value) -> Result<RateMethod, String> {
    match value.as_str() {
        Some("endpoint") => Ok(RateMethod::Endpoint),
        Some("cumulative") => Ok(RateMethod::Cumulative),
        _ => Err(format!(
            "expected \"endpoint\" (水平法: from the base-year and target-year values) or \
             \"cumulative\" (累计法: from the sum of the plan years' values), found {}",
            show(value)
        )),
    }
}

/// A per-year rate above -100 %; `names` are how the refusal names it:
/// the rate, what it would wipe out, and rates of its kind.
fn rate_above_minus_100(value: &Value, names: (&str, &str, &str)) -> Result<f64, String> {
    let (rate_name, what, plural) = names;
    let rate = parse_rate(value)?;
    if rate <= -1.0 {
        return Err(format!(
            "{rate_name} of {} % would wipe {what} out; {plural} must be above -100 %",
            times_hundred(rate)
        ));
    }
    Ok(rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_methods_are_named_in_words() {
        let text = |s: &str| Value::String(s.to_owned());
        assert_eq!(rate_method(&text("cumulative")), Ok(RateMethod::Cumulative));
        assert_eq!(rate_method(&text("endpoint")), Ok(RateMethod::Endpoint));
        assert_eq!(
            rate_method(&text("geometric")),
            Err(
                "expected \"endpoint\" (水平法: from the base-year and target-year values) or \
                 \"cumulative\" (累计法: from the sum of the plan years' values), found the \
                 string \"geometric\""
                    .to_owned()
            )
        );
    }
}
