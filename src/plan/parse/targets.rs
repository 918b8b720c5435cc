//! A metric's goal fields: `target` (the level), `rate_target` (average
//! growth), `change_target` (the relative change), `increase_target` (the
//! absolute change) and `total_target` (the sum of the plan years), each in
//! its own terms, and which of them a metric's kind allows.

use toml::{Spanned, Value};

use super::goal::{Terms, goal};
use super::raw::RawMetric;
use super::source::Source;
use crate::plan::Goal;
use crate::plan::error::Scoped;

/// A metric's goals, as read; a goal with a problem is reported and left out.
pub(super) struct Goals {
    pub(super) level: Option<Goal>,
    pub(super) rate: Option<Goal>,
    pub(super) change: Option<Goal>,
    pub(super) increase: Option<Goal>,
    pub(super) total: Option<Goal>,
}

pub(super) fn goals(raw: &RawMetric, source: &Source, problems: &mut Scoped) -> Goals {
    let mut read = |field: &str, value: &Option<Spanned<Value>>, terms: Terms| {
        let value = value.as_ref()?;
        goal(value.get_ref(), terms)
            .map_err(|msg| {
                let at = source.locate(value.span());
                problems.in_field(field).report(at, msg);
            })
            .ok()
    };
    let level = read("target", &raw.target, Terms::Unit);
    let rate = read("rate_target", &raw.rate_target, Terms::Rate);
    let change = read("change_target", &raw.change_target, Terms::Change);
    let increase = read("increase_target", &raw.increase_target, Terms::Unit);
    let total = match (&raw.total_target, &raw.ratio) {
        (Some(total), Some(_)) => {
            problems.in_field("total_target").report(
                source.locate(total.span()),
                "a share's values do not add up over the years; put `total_target` on its \
                 numerator or denominator, or use `target` for the share in the target year",
            );
            None
        }
        _ => read("total_target", &raw.total_target, Terms::Unit),
    };
    Goals {
        level,
        rate,
        change,
        increase,
        total,
    }
}
