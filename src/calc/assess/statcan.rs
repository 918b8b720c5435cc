//! Statistics Canada's and Eurostat's progress measure: the growth achieved
//! so far against the growth the target needs, both as compound annual
//! rates from the baseline. Source: the Open SDG platform's progress
//! methodology (its "progress status" calculation), which both follow.
//!
//! R = CAGR(B, t) / CAGR_required with CAGR_required = (G / v(B))^(1/(T-B)) - 1.
//! A goal that must fall needs a negative rate, so the ratio flips with it:
//! R is positive whenever the metric moves the desired way.

use super::{Assessment, Case, Class, at_least};
use crate::calc::average_annual_rate;
use crate::calc::noise::significant;
use crate::calc::trend::Pace;

/// The share of the required pace at or above which a metric is on track.
const ON_TRACK: f64 = 0.95;
/// ... and below which it has made limited progress.
const ACCELERATION_NEEDED: f64 = 0.60;

pub(super) fn assess(case: &Case, latest: (i32, f64)) -> Assessment {
    let so_far = case.so_far(latest, Pace::Compound);
    let required = average_annual_rate(
        case.baseline(),
        case.goal.value,
        f64::from(case.target_year - case.base_year),
    );
    // A baseline that meets the goal needs no growth: there is nothing to
    // divide by.
    let ratio = match (so_far, required) {
        (Some(s), Some(r)) if case.needs_movement() => Some(s.rate.per_year / r),
        _ => None,
    };
    let class = if case.meets(latest.1) {
        Class::TargetAchieved
    } else if !case.needs_movement() {
        // Met at the baseline, missed now: it has moved the other way.
        Class::Deterioration
    } else {
        match ratio {
            None => Class::InsufficientData,
            Some(r) if at_least(r, ON_TRACK) => Class::OnTrack,
            Some(r) if at_least(r, ACCELERATION_NEEDED) => Class::AccelerationNeeded,
            Some(r) if at_least(r, 0.0) => Class::LimitedProgress,
            Some(_) => Class::Deterioration,
        }
    };
    Assessment {
        required_rate: required,
        rate_ratio: ratio.map(significant),
        ..Assessment::new(class, so_far)
    }
}

#[cfg(test)]
mod tests {
    use super::super::example::{Example, classes};
    use super::super::{Class, Method};

    /// 100 in 2015, a goal that needs 10 % a year: 100 × 1.1⁵ = 161.051
    /// (at least) or 100 × 0.9⁵ = 59.049 (at most), and a 2017 figure
    /// of 100 × (1 + r)², so that R = r / ±10 %.
    fn two_years_at(rate: f64, rising: bool) -> Example {
        let e = if rising {
            Example::ten_percent_up()
        } else {
            Example::ten_percent_down()
        };
        e.at(2017, 100.0 * (1.0 + rate) * (1.0 + rate))
    }

    fn class(rate: f64, rising: bool) -> Class {
        two_years_at(rate, rising).class(Method::Statcan)
    }

    #[test]
    fn every_class() {
        let examples = [
            Example::ten_percent_up().at(2017, 161.051),
            two_years_at(0.096, true),  // R = 0.96
            two_years_at(0.094, true),  // R = 0.94
            two_years_at(0.059, true),  // R = 0.59
            two_years_at(-0.001, true), // R = -0.01
            // CAGR from a baseline of 0 is undefined.
            Example::linear(0.0, 10.0).at_least(50.0).at(2017, 20.0),
        ];
        assert_eq!(
            classes(Method::Statcan, &examples),
            Method::Statcan.classes()
        );
    }

    #[test]
    fn thresholds_from_both_sides() {
        use Class::*;
        // 100 × 1.096² = 120.1216 (R 0.96); 1.094² → 0.94; 1.095² → exactly 0.95.
        assert_eq!(class(0.096, true), OnTrack);
        assert_eq!(class(0.095, true), OnTrack);
        assert_eq!(class(0.094, true), AccelerationNeeded);
        // 1.061² = 1.125721 (R 0.61), 1.06² (R 0.60), 1.059² (R 0.59).
        assert_eq!(class(0.061, true), AccelerationNeeded);
        assert_eq!(class(0.06, true), AccelerationNeeded);
        assert_eq!(class(0.059, true), LimitedProgress);
        // 1.001² (R 0.01), no change (R 0), 0.999² (R -0.01).
        assert_eq!(class(0.001, true), LimitedProgress);
        assert_eq!(class(0.0, true), LimitedProgress);
        assert_eq!(class(-0.001, true), Deterioration);
    }

    #[test]
    fn a_goal_that_must_fall_flips_the_sign() {
        use Class::*;
        // 100 × 0.904² = 81.7216: -9.6 % a year against the -10 % needed, R 0.96.
        assert_eq!(class(-0.096, false), OnTrack);
        assert_eq!(class(-0.094, false), AccelerationNeeded);
        assert_eq!(class(-0.059, false), LimitedProgress);
        // Rising 0.1 % a year toward a ceiling below: R = 0.001 / -0.1 = -0.01.
        assert_eq!(class(0.001, false), Deterioration);
        let a = two_years_at(-0.096, false).assess(Method::Statcan);
        assert_eq!(a.rate_ratio, Some(0.96));
        assert_eq!(a.required_rate, Some(-0.1));
        assert_eq!(a.rate_so_far.unwrap().per_year, -0.096);
    }

    #[test]
    fn a_ceiling_the_baseline_respects() {
        // 520 is under the ceiling of 600: no rate is required, so no R; a
        // figure under it has achieved the target, one above it has deteriorated.
        let under = Example::capped().at(2018, 560.0).assess(Method::Statcan);
        assert_eq!(
            (under.class, under.rate_ratio),
            (Class::TargetAchieved, None)
        );
        let over = Example::capped().at(2018, 610.0).assess(Method::Statcan);
        assert_eq!((over.class, over.rate_ratio), (Class::Deterioration, None));
    }
}
