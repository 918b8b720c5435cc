//! A ratio's path from its parts' paths: their quotient times the scale,
//! anchored to shares entered directly, and notes where an entered share
//! and its parts' actual figures disagree.

use std::collections::BTreeMap;

use super::noise::RELATIVE_SLACK;
use super::projection::{
    Path, PointSource, SHARE_NOTE_THRESHOLD, ShareNote, anchors_filled, latest_anchor,
};
use crate::plan::Metric;

/// Why a share cannot be computed, with the year index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ShareError {
    ZeroDenominator(usize),
    /// The parts' ratio is 0 or negative where entered shares need it positive.
    NotPositive(usize),
}

/// A ratio's path from its parts' paths. Shares entered directly anchor it:
/// filled in geometrically between them, and after the latest one the share
/// moves as its parts' ratio does.
pub(super) fn share(
    numerator: &Path,
    denominator: &Path,
    scale: f64,
    entered: &BTreeMap<i32, f64>,
    base_year: i32,
) -> Result<Path, ShareError> {
    let from_parts = divide(&numerator.values, &denominator.values, scale)
        .map_err(ShareError::ZeroDenominator)?;
    if entered.is_empty() {
        let sources = numerator
            .sources
            .iter()
            .zip(&denominator.sources)
            .map(|(n, d)| match (n, d) {
                (PointSource::Baseline, _) => PointSource::Baseline,
                (PointSource::Actual, PointSource::Actual) => PointSource::Actual,
                (PointSource::Projected, _) | (_, PointSource::Projected) => PointSource::Projected,
                _ => PointSource::Interpolated,
            })
            .collect();
        return Ok(Path {
            values: from_parts,
            sources,
        });
    }
    // Entered shares are filled in geometrically and carried forward in
    // proportion to the parts' ratio, which needs that ratio positive.
    if let Some(k) = from_parts.iter().position(|v| *v <= 0.0) {
        return Err(ShareError::NotPositive(k));
    }
    let mut path = anchors_filled(
        from_parts[0],
        entered,
        base_year,
        from_parts.len() - 1,
        true,
    );
    let latest = latest_anchor(&path.sources);
    for k in latest + 1..path.values.len() {
        path.values[k] = path.values[latest] * from_parts[k] / from_parts[latest];
        path.sources[k] = PointSource::Projected;
    }
    Ok(path)
}

/// Notes for the years where a share was entered and both parts have actual
/// figures whose ratio differs from it noticeably.
pub(super) fn share_notes(
    index: usize,
    metric: &Metric,
    numerator: &Path,
    denominator: &Path,
    scale: f64,
    base_year: i32,
) -> Vec<ShareNote> {
    metric
        .actual
        .iter()
        .filter_map(|(&year, &entered)| {
            let k = (year - base_year) as usize;
            let both_actual = numerator.sources.get(k) == Some(&PointSource::Actual)
                && denominator.sources.get(k) == Some(&PointSource::Actual);
            let from_parts = numerator.values[k] / denominator.values[k] * scale;
            // Exactly 0.05 apart is not more than 0.05, float noise or not.
            let slack = RELATIVE_SLACK * entered.abs().max(from_parts.abs());
            let differs = (entered - from_parts).abs() > SHARE_NOTE_THRESHOLD + slack;
            (both_actual && differs).then_some(ShareNote {
                metric: index,
                year,
                entered,
                from_parts,
            })
        })
        .collect()
}

/// numerator / denominator × scale, year by year; `Err(i)` for the first
/// year index where the denominator is 0 or has crossed 0.
pub(super) fn divide(
    numerator: &[f64],
    denominator: &[f64],
    scale: f64,
) -> Result<Vec<f64>, usize> {
    let base_sign = denominator.first().map_or(1.0, |d| d.signum());
    if let Some(i) = denominator
        .iter()
        .position(|d| *d == 0.0 || d.signum() != base_sign)
    {
        return Err(i);
    }
    Ok(numerator
        .iter()
        .zip(denominator)
        .map(|(n, d)| n / d * scale)
        .collect())
}
