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
use super::value::{is_id, number, shown};
use crate::calc::trend::Estimator;
use crate::plan::error::Scoped;
use crate::plan::rate::{parse_rate, times_hundred};
use crate::plan::{
    Entry, Fault, Found, Location, Metric, Model, PerYear, PerYearRate, RateMethod, Volatility,
};

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
            problems.report(line.clone(), Fault::BadMetricId);
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
                problems.report(line, Fault::NoModel);
                None
            }
            [_] => self.model(raw, line, &mut problems),
            several => {
                problems.report(
                    line,
                    Fault::SeveralModels {
                        models: several.iter().map(|m| (*m).to_owned()).collect(),
                    },
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
                        Fault::NotBinding {
                            found: Found::of(other),
                        },
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
                problems.report(at, Fault::HistoryOfRatio);
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
                        Fault::TrendNotAsked {
                            field: field.to_owned(),
                        },
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
            problems
                .in_field(field)
                .report(self.locator.locate(span), Fault::TrendWithDeflator);
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
                problems
                    .in_field("baseline")
                    .report(at(b), Fault::BaselineOfRatio);
            }
            self.refuse_deflator(raw, Fault::DeflatorOfRatio, problems);
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
                Fault::MissingBaseline {
                    base_year: self.years.map(|(base_year, _)| base_year),
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
                self.per_year(growth, PerYear::Rate, |v| {
                    rate_above_minus_100(v, PerYearRate::Growth)
                })
            }
            .map_err(|msg| problems.in_field("growth").report(at(growth), msg))
            .ok();
            let deflator = raw.deflator.as_ref().map(|deflator| {
                self.per_year(deflator, PerYear::Rate, |v| {
                    rate_above_minus_100(v, PerYearRate::Deflator)
                })
                .map_err(|msg| problems.in_field("deflator").report(at(deflator), msg))
                .ok()
            });
            if let Some(b) = baseline.filter(|b| *b <= 0.0) {
                problems.in_field("baseline").report(
                    at(baseline_value),
                    Fault::BaselineNotPositive {
                        baseline: b.to_string(),
                    },
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
        self.refuse_deflator(raw, Fault::DeflatorOfLinear, problems);
        let increment = raw.increment.as_ref()?;
        let steps = if is_trend(increment.get_ref()) {
            Ok(Vec::new())
        } else {
            self.per_year(increment, PerYear::Number, number)
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
            Err(Fault::VolatilityOfRatio)
        } else if value.get_ref().as_str() == Some("history") {
            Ok(Volatility::History {
                line: self.locator.line_of(value.span().start),
            })
        } else if raw.growth.is_some() {
            self.per_year(value, PerYear::Volatility, compound_volatility)
                .map(Volatility::PerYear)
        } else {
            self.per_year(value, PerYear::Volatility, linear_volatility)
                .map(Volatility::PerYear)
        };
        parsed
            .map_err(|fault| problems.report(at, fault))
            .ok()
            .map(Some)
    }

    /// Reports a `deflator` on a metric that cannot have one, saying `why`.
    fn refuse_deflator(&self, raw: &RawMetric, why: Fault, problems: &mut Scoped) {
        if let Some(deflator) = &raw.deflator {
            let at = self.locator.locate(deflator.span());
            problems.in_field("deflator").report(at, why);
        }
    }

    /// One value, or an array of exactly one value per projected year.
    fn per_year(
        &self,
        value: &Spanned<Value>,
        what: PerYear,
        mut parse: impl FnMut(&Value) -> Result<f64, Fault>,
    ) -> Result<Vec<f64>, Fault> {
        // Without usable years, entries are still checked one by one.
        let (base_year, target_year) = self.years.unwrap_or((0, 0));
        let horizon = (target_year - base_year) as usize;
        let first = base_year + 1;
        match value.get_ref() {
            Value::Array(items) => {
                if self.years.is_some() && items.len() != horizon {
                    return Err(Fault::EntryCount {
                        count: items.len(),
                        first,
                        target_year,
                        horizon,
                        what,
                    });
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        parse(item).map_err(|fault| Fault::InEntry {
                            entry: match self.years {
                                Some(_) => Entry::Year(first + i as i32),
                                None => Entry::Index(i + 1),
                            },
                            fault: Box::new(fault),
                        })
                    })
                    .collect()
            }
            single => parse(single).map(|v| vec![v; horizon]),
        }
    }
}

/// `rate_method`: how the metric's average annual rate is computed.
fn rate_method(value: &Value) -> Result<RateMethod, Fault> {
    match value.as_str() {
        Some("endpoint") => Ok(RateMethod::Endpoint),
        Some("cumulative") => Ok(RateMethod::Cumulative),
        _ => Err(Fault::NotARateMethod {
            found: Found::of(value),
        }),
    }
}

/// A per-year `rate` above -100 %; the refusal names which rate it is.
fn rate_above_minus_100(value: &Value, rate: PerYearRate) -> Result<f64, Fault> {
    let fraction = parse_rate(value)?;
    if fraction <= -1.0 {
        return Err(Fault::WipesOut {
            rate,
            percent: times_hundred(fraction).to_string(),
        });
    }
    Ok(fraction)
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
            rate_method(&text("geometric")).map_err(|f| f.to_string()),
            Err(
                "expected \"endpoint\" (水平法: from the base-year and target-year values) or \
                 \"cumulative\" (累计法: from the sum of the plan years' values), found the \
                 string \"geometric\""
                    .to_owned()
            )
        );
    }
}
