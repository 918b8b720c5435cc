//! Fields replaced by a scenario or by `--set`, and replacing them.
//!
//! `--set` applies on top of the scenarios requested on the command line (the
//! base plan when none is); the other scenarios are checked as the file has
//! them. A replacement keeps the metric's kind: compound stays compound,
//! linear stays linear, and a ratio keeps its parts.

use std::collections::HashMap;

use toml::{Spanned, Value};

use super::locate::Locator;
use super::raw::{RawMetric, RawMetrics, RawScenario};
use crate::plan::error::{Problems, Scoped};
use crate::plan::width::narrow_number;
use crate::plan::{Additions, Fault, Known, MetricKind};

/// One field replaced by a scenario or by `--set`; the value's span says
/// where it was written (see `Locator::locate`).
#[derive(Clone)]
pub(super) struct Override<'a> {
    pub(super) metric: &'a str,
    pub(super) field: &'a str,
    pub(super) value: Spanned<Value>,
}

/// The `--set` overrides and the scenarios they apply to.
pub(super) struct Sets<'a> {
    overrides: Vec<Override<'a>>,
    /// What the command line adds, which says the scenarios asked for.
    additions: Additions<'a>,
}

impl<'a> Sets<'a> {
    /// The `--set ID.FIELD=VALUE` arguments as overrides.
    pub(super) fn read(
        locator: &Locator<'a>,
        additions: Additions<'a>,
        problems: &mut Problems,
    ) -> Self {
        let mut overrides = Vec::new();
        for (at, argument) in locator.arguments() {
            match split_set(argument) {
                Some((metric, field, value)) => overrides.push(Override {
                    metric,
                    field,
                    value: Spanned::new(at, set_value(value)),
                }),
                None => problems.scope().report(locator.locate(at), Fault::BadSet),
            }
        }
        Sets {
            overrides,
            additions,
        }
    }

    /// The `--set` overrides that apply to the scenario `name`.
    pub(super) fn for_scenario(&self, name: &str) -> &[Override<'a>] {
        if self.additions.asks_for(name) {
            &self.overrides
        } else {
            &[]
        }
    }
}

/// `ID.FIELD=VALUE` as its three parts; the id may itself hold dots.
fn split_set(argument: &str) -> Option<(&str, &str, &str)> {
    let (target, value) = argument.split_once('=')?;
    let (metric, field) = target.trim().rsplit_once('.')?;
    (!metric.is_empty() && !field.is_empty()).then_some((metric, field, value.trim()))
}

/// A `--set` value as TOML reads it (`450`, `[0.1, 0.2]`, `{ at_most = 5 }`),
/// a number typed in full-width digits (`５０００`), or as text when it is
/// not TOML (`18%`, read as a rate where one is wanted).
fn set_value(text: &str) -> Value {
    let toml = |text: &str| {
        toml::from_str::<toml::Table>(&format!("value = {text}"))
            .ok()
            .filter(|table| table.len() == 1)
            .and_then(|mut table| table.remove("value"))
    };
    toml(text)
        .or_else(|| toml(&narrow_number(text)).filter(|v| v.is_integer() || v.is_float()))
        .unwrap_or_else(|| Value::String(text.to_owned()))
}

/// A scenario's own changes, metric by metric in file order.
pub(super) fn of_scenario(scenario: &RawScenario) -> Vec<Override<'_>> {
    scenario
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
        .collect()
}

/// The metrics `overrides` change, each with every change applied; a change
/// that names no metric of the plan, or a field it cannot change, is reported.
pub(super) fn apply<'m>(
    metrics: &'m RawMetrics,
    overrides: &[Override],
    locator: &Locator,
    all_ids: &[&str],
    problems: &mut Scoped,
) -> HashMap<&'m str, RawMetric> {
    let mut changed: HashMap<&str, RawMetric> = HashMap::new();
    for change in overrides {
        let at = locator.locate(change.value.span());
        let mut problems = problems.in_metric(change.metric);
        let Some((id, metric)) = metrics.get_key_value(change.metric) else {
            problems.report(
                at,
                Fault::UnknownMetric {
                    known: Known::of(all_ids),
                },
            );
            continue;
        };
        let metric = changed
            .entry(id.get_ref().as_str())
            .or_insert_with(|| metric.get_ref().clone());
        if let Err(fault) = override_field(metric, change.field, change.value.clone()) {
            problems.in_field(change.field).report(at, fault);
        }
    }
    changed
}

/// Replaces `field` of `metric` with `value`, unless that would change the
/// metric's kind or the field cannot be replaced.
fn override_field(metric: &mut RawMetric, field: &str, value: Spanned<Value>) -> Result<(), Fault> {
    let kind_is_fixed = |kind| Err(Fault::KindIsFixed { kind });
    let slot = match field {
        "baseline" if metric.ratio.is_some() => {
            return Err(Fault::RatioHasNoBaseline);
        }
        "growth" | "increment" if metric.ratio.is_some() => {
            return kind_is_fixed(MetricKind::Ratio);
        }
        "growth" if metric.growth.is_none() => {
            return kind_is_fixed(MetricKind::Linear);
        }
        "increment" if metric.increment.is_none() => {
            return kind_is_fixed(MetricKind::Compound);
        }
        "baseline" => &mut metric.baseline,
        "growth" => &mut metric.growth,
        "increment" => &mut metric.increment,
        "deflator" => &mut metric.deflator,
        "rate_method" => &mut metric.rate_method,
        "binding" => &mut metric.binding,
        "volatility" => &mut metric.volatility,
        "target" => &mut metric.target,
        "rate_target" => &mut metric.rate_target,
        "change_target" => &mut metric.change_target,
        "increase_target" => &mut metric.increase_target,
        "total_target" => &mut metric.total_target,
        other => {
            return Err(Fault::Unchangeable {
                field: other.to_owned(),
            });
        }
    };
    *slot = Some(Box::new(value));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_values_are_read_as_toml_or_else_as_text() {
        assert_eq!(set_value("450"), Value::Integer(450));
        assert_eq!(set_value(" 0.5 "), Value::Float(0.5));
        assert_eq!(
            set_value("[0.1, 0.2]"),
            Value::Array(vec![Value::Float(0.1), Value::Float(0.2)])
        );
        let Value::Table(goal) = set_value("{ at_most = 5 }") else {
            panic!("an inline table is a table");
        };
        assert_eq!(goal.get("at_most"), Some(&Value::Integer(5)));
        assert_eq!(set_value("18%"), Value::String("18%".to_owned()));
        assert_eq!(set_value("５０００"), Value::Integer(5000));
        assert_eq!(set_value("－０．５"), Value::Float(-0.5));
        assert_eq!(set_value("１８％"), Value::String("１８％".to_owned()));
        // A second key would be a second value: taken as text, not half-read.
        assert_eq!(
            set_value("1\nother = 2"),
            Value::String("1\nother = 2".to_owned())
        );
    }

    #[test]
    fn set_arguments_split_at_the_last_dot_before_the_first_equals() {
        assert_eq!(
            split_set(" gdp.growth = 18% "),
            Some(("gdp", "growth", "18%"))
        );
        assert_eq!(
            split_set("a.b.target={ about = 1 }"),
            Some(("a.b", "target", "{ about = 1 }"))
        );
        assert_eq!(split_set("gdp.growth"), None);
        assert_eq!(split_set(".growth=1"), None);
        assert_eq!(split_set("gdp.=1"), None);
    }

    #[test]
    fn a_metric_keeps_its_kind() {
        let metric: RawMetric = toml::from_str("baseline = 1\ngrowth = 0.1").unwrap();
        let mut changed = metric.clone();
        let value = |v| Spanned::new(0..0, Value::Integer(v));
        assert_eq!(override_field(&mut changed, "baseline", value(2)), Ok(()));
        assert_eq!(
            changed.baseline.map(|b| b.into_inner()),
            Some(Value::Integer(2))
        );
        assert_eq!(
            override_field(&mut metric.clone(), "increment", value(1)).map_err(|f| f.to_string()),
            Err(
                "the metric is compound, and a scenario or --set cannot change a metric's \
                 kind; change `growth` instead"
                    .to_owned()
            )
        );
        assert!(
            override_field(&mut metric.clone(), "name", value(1))
                .unwrap_err()
                .to_string()
                .starts_with("`name` cannot be changed")
        );
    }
}
