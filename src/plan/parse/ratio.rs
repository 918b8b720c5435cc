//! A ratio's table: its two parts, which must be compound or linear metrics
//! of the plan, its scale, and the prices it divides its parts at.

use toml::{Spanned, Value};

use super::locate::Locator;
use super::raw::{RawMetrics, RawRatio};
use super::value::number;
use crate::plan::error::Scoped;
use crate::plan::{Fault, Found, Known, Model, Prices};

/// A ratio's model, or `None` when its table has problems, which are
/// reported under `ratio.numerator`, `ratio.denominator`, `ratio.scale` or
/// `ratio.prices`.
pub(super) fn ratio(
    ratio: &RawRatio,
    metrics: &RawMetrics,
    part_ids: &[&str],
    locator: &Locator,
    problems: &mut Scoped,
) -> Option<Model> {
    let mut part = |field: &str, name: &Spanned<String>| {
        let at = locator.locate(name.span());
        let name = name.get_ref();
        let mut problems = problems.in_field(field);
        match metrics.get_full(name.as_str()) {
            Some((_, _, metric)) if metric.get_ref().ratio.is_some() => {
                problems.report(at, Fault::PartIsRatio { name: name.clone() });
                None
            }
            Some((index, _, _)) => Some(index),
            None => {
                problems.report(
                    at,
                    Fault::NotAPart {
                        name: name.clone(),
                        parts: Known::of(part_ids),
                    },
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
            let at = locator.locate(s.span());
            let mut problems = problems.in_field("ratio.scale");
            match number(s.get_ref()) {
                Ok(x) if x > 0.0 => Some(x),
                Ok(x) => {
                    problems.report(
                        at,
                        Fault::ScaleNotPositive {
                            scale: x.to_string(),
                        },
                    );
                    None
                }
                Err(fault) => {
                    problems.report(at, fault);
                    None
                }
            }
        }
    };
    let prices = ratio.prices.as_ref().map_or(Some(Prices::Current), |p| {
        prices(p.get_ref())
            .map_err(|msg| {
                let at = locator.locate(p.span());
                problems.in_field("ratio.prices").report(at, msg);
            })
            .ok()
    });
    Some(Model::Ratio {
        numerator: numerator?,
        denominator: denominator?,
        scale: scale?,
        scale_given: ratio.scale.is_some(),
        prices: prices?,
    })
}

/// `prices` in a ratio's table: which of its parts' paths it divides.
fn prices(value: &Value) -> Result<Prices, Fault> {
    match value.as_str() {
        Some("current") => Ok(Prices::Current),
        Some("comparable") => Ok(Prices::Comparable),
        _ => Err(Fault::NotPrices {
            found: Found::of(value),
        }),
    }
}
