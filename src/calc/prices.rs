//! Real growth and current prices.
//!
//! A compound metric with a deflator grows by its real rate and its price
//! level together, so its path is at current prices (现价), as published
//! figures are. Divided by the price index, the path is at base-year prices
//! (可比价): the real path, on which statistical bureaus judge growth.

use std::borrow::Cow;

use super::projection::Path;
use crate::plan::{Metric, Model, Prices};

/// The price level of each year relative to the base year,
/// `Π_{j=1..k} (1 + deflator[j])` with 1 for the base year; `None` for a
/// metric without a deflator.
pub fn price_index(model: &Model) -> Option<Vec<f64>> {
    let Model::Compound {
        deflator: Some(deflator),
        ..
    } = model
    else {
        return None;
    };
    let later = deflator.iter().scan(1.0, |level, p| {
        *level *= 1.0 + p;
        Some(*level)
    });
    Some(std::iter::once(1.0).chain(later).collect())
}

/// `path` at base-year prices: each year's value over its price level.
pub fn at_comparable_prices(path: &[f64], index: &[f64]) -> Vec<f64> {
    path.iter().zip(index).map(|(v, level)| v / level).collect()
}

/// A path of `metric` at `prices`: as projected, or at base-year prices
/// when comparable prices are asked for and the metric has a deflator (a
/// ratio's parts as it divides them; a metric's real path).
pub fn at_prices<'a>(metric: &Metric, values: &'a [f64], prices: Prices) -> Cow<'a, [f64]> {
    match (prices, price_index(&metric.model)) {
        (Prices::Comparable, Some(index)) => Cow::Owned(at_comparable_prices(values, &index)),
        _ => Cow::Borrowed(values),
    }
}

/// [`at_prices`] for a ratio's part, with its sources.
pub(super) fn part_path<'a>(part: &Metric, path: &'a Path, prices: Prices) -> Cow<'a, Path> {
    match at_prices(part, &path.values, prices) {
        Cow::Borrowed(_) => Cow::Borrowed(path),
        Cow::Owned(values) => Cow::Owned(Path {
            values,
            sources: path.sources.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_price_index_compounds_the_deflator() {
        let model = Model::Compound {
            baseline: 100.0,
            growth: vec![0.05; 3],
            deflator: Some(vec![0.02, 0.03, -0.01]),
        };
        // 1, 1.02, 1.02 × 1.03 = 1.0506, 1.0506 × 0.99 = 1.040094.
        let index = price_index(&model).unwrap();
        let expected = [1.0, 1.02, 1.0506, 1.040094];
        for (got, want) in index.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{index:?}");
        }
        // 100 × 1.05 × 1.02 = 107.1 at current prices is 105 at 2015 prices.
        let real = at_comparable_prices(&[100.0, 107.1], &index);
        assert!((real[1] - 105.0).abs() < 1e-12, "{real:?}");
        let without = Model::Linear {
            baseline: 1.0,
            increment: vec![1.0],
        };
        assert_eq!(price_index(&without), None);
    }
}
