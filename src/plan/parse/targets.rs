//! A metric's goal fields: `target` (the level), `rate_target` (average
//! growth, stated or in step with another metric), `change_target` (the
//! relative change), `increase_target` (the absolute change) and
//! `total_target` (the sum of the plan years), each in its own terms, and
//! which of them a metric's kind allows.

use toml::Value;

use super::goal::{RateTarget, Terms, goal, rate_target};
use super::locate::Locator;
use super::raw::{Boxed, RawMetric};
use super::value::number;
use crate::plan::error::Scoped;
use crate::plan::{Fault, Goal, InStep, Known};

/// A metric's goals, as read; a goal with a problem is reported and left out.
pub(super) struct Goals {
    pub(super) level: Option<Goal>,
    pub(super) rate: Option<Goal>,
    pub(super) in_step: Option<InStep>,
    pub(super) change: Option<Goal>,
    pub(super) increase: Option<Goal>,
    pub(super) total: Option<Goal>,
}

/// The goals of the metric `id`; `ids` are the plan's metric ids, in
/// order, which an in-step goal names.
pub(super) fn goals(
    raw: &RawMetric,
    id: &str,
    ids: &[&str],
    locator: &Locator,
    problems: &mut Scoped,
) -> Goals {
    let read = |field: &str, value: &Boxed<Value>, terms: Terms, problems: &mut Scoped| {
        read_field(field, value, |v| goal(v, terms), locator, problems)
    };
    // A share in percent may write its levels and points as "3%".
    let in_percent = raw.ratio.as_ref().is_some_and(|ratio| {
        ratio
            .get_ref()
            .scale
            .as_ref()
            .is_none_or(|scale| number(scale.get_ref()) == Ok(100.0))
    });
    let unit = if in_percent {
        Terms::Share
    } else {
        Terms::Unit
    };
    // Read in the order goals are listed, so that their problems come in it.
    let level = read("target", &raw.target, unit, problems);
    let rate_goal = |value: &Value| match rate_target(value)? {
        RateTarget::Stated(goal) => Ok((Some(goal), None)),
        RateTarget::InStep { with, tolerance } => {
            in_step_with(&with, id, ids).map(|metric| (None, Some(InStep { metric, tolerance })))
        }
    };
    let (rate, in_step) = read_field(
        "rate_target",
        &raw.rate_target,
        rate_goal,
        locator,
        problems,
    )
    .unwrap_or_default();
    let change = read("change_target", &raw.change_target, Terms::Change, problems);
    let increase = read("increase_target", &raw.increase_target, unit, problems);
    let total = match (&raw.total_target, &raw.ratio) {
        (Some(total), Some(_)) => {
            problems
                .in_field("total_target")
                .report(locator.locate(total.span()), Fault::TotalOfShare);
            None
        }
        _ => read("total_target", &raw.total_target, Terms::Unit, problems),
    };
    Goals {
        level,
        rate,
        in_step,
        change,
        increase,
        total,
    }
}

/// The goal field `field`, when given, read by `parse`; a refusal is
/// reported at the value.
fn read_field<T>(
    field: &str,
    value: &Boxed<Value>,
    parse: impl FnOnce(&Value) -> Result<T, Fault>,
    locator: &Locator,
    problems: &mut Scoped,
) -> Option<T> {
    let value = value.as_ref()?;
    parse(value.get_ref())
        .map_err(|msg| {
            let at = locator.locate(value.span());
            problems.in_field(field).report(at, msg);
        })
        .ok()
}

/// The index of the metric `with` that metric `id` keeps pace with.
fn in_step_with(with: &str, id: &str, ids: &[&str]) -> Result<usize, Fault> {
    let others: Vec<&str> = ids.iter().copied().filter(|other| *other != id).collect();
    let others = Known::of(&others);
    match ids.iter().position(|other| *other == with) {
        Some(_) if with == id => Err(Fault::InStepWithItself {
            id: id.to_owned(),
            others,
        }),
        Some(index) => Ok(index),
        None => Err(Fault::InStepUnknown {
            with: with.to_owned(),
            others,
        }),
    }
}
