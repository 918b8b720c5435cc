//! The default method, this project's own: the latest figure against the
//! plan path, and the pace so far (the metric's own average rate or
//! increment since the baseline) against the goal. It refines the review's
//! verdicts (reached, already reached, on track, behind, out of reach) with
//! "ahead" of the plan path, which also needs the goal met at the pace so
//! far: above a plan path that itself falls short is not ahead.
//!
//! A goal that is missed at the pace so far is `behind` while a pace half as
//! fast again as the plan's for the remaining years still meets it (9 % a
//! year where the plan says 6 %); beyond that it is out of reach. Where the
//! plan itself moves the other way (a ceiling over a growing metric), "half
//! as fast again" means half the plan's pace better in the desired
//! direction.
//!
//! A band can be overshot: when that faster pace carries the metric past
//! the band's far edge, a pace in between lands inside it, and the goal is
//! `behind`, not out of reach.

use super::{Assessment, Case, Class, Direction};
use crate::plan::Comparison;

/// How much faster than the plan a metric may still be asked to move.
const ACCELERATION: f64 = 0.5;

pub(super) fn assess(case: &Case, latest: (i32, f64)) -> Assessment {
    let (year, value) = latest;
    let so_far = case.so_far(latest, case.pace);
    let class = if year == case.target_year {
        if case.meets(value) {
            Class::Reached
        } else {
            Class::OutOfReach
        }
    } else if case.met_early(latest) {
        Class::AlreadyReached
    } else if case.ahead(latest, so_far) {
        Class::Ahead
    } else {
        match (so_far, faster_than_plan(case, latest)) {
            (None, _) => Class::InsufficientData,
            (Some(s), _) if case.meets(s.end) => Class::OnTrack,
            (_, None) => Class::InsufficientData,
            (_, Some(end)) if case.meets(end) => Class::Behind,
            (Some(s), Some(end)) if crosses_band(case, s.end, end) => Class::Behind,
            (_, Some(_)) => Class::OutOfReach,
        }
    };
    Assessment::new(class, so_far)
}

/// Where the latest figure leads by the target year at the plan path's own
/// pace over the remaining years, stepped up by [`ACCELERATION`]; none
/// where that pace is undefined.
fn faster_than_plan(case: &Case, (year, value): (i32, f64)) -> Option<f64> {
    let left = case.years_left(year);
    let planned = case.pace.between(
        case.plan_value(year),
        case.plan_value(case.target_year),
        left,
    )?;
    let sign = Direction::of(&case.goal, case.baseline()).sign();
    let stepped_up = planned + sign * ACCELERATION * planned.abs();
    Some(case.pace.extend(value, stepped_up, left))
}

/// A band goal lies wholly between `from` and `to`: a pace between the two
/// that lead there lands inside it.
fn crosses_band(case: &Case, from: f64, to: f64) -> bool {
    let Comparison::About { tolerance } = case.goal.comparison else {
        return false;
    };
    let (low, high) = (case.goal.value - tolerance, case.goal.value + tolerance);
    (from < low && to > high) || (from > high && to < low)
}

#[cfg(test)]
mod tests {
    use super::super::example::{Example, classes};
    use super::super::{Class, Method};
    use crate::plan::Comparison;
    use Class::*;

    fn up(year: i32, value: f64) -> Class {
        Example::ten_percent_up()
            .at(year, value)
            .class(Method::Plan)
    }

    fn down(value: f64) -> Class {
        Example::ten_percent_down()
            .at(2018, value)
            .class(Method::Plan)
    }

    #[test]
    fn every_class() {
        let up = |v: f64| Example::ten_percent_up().at(2018, v);
        let examples = [
            Example::ten_percent_up().at(2020, 161.051),
            up(170.0),
            up(134.0), // above the path's 133.1
            // 130 in 2018 is under the path but 9.14 % a year → 130 × 1.0914² =
            // 154.85 ≥ 150.
            Example::ten_percent_up().at_least(150.0).at(2018, 130.0),
            // 122 in 2018 is 6.85 % a year → 139.3; at 15 % (the plan's 10 %
            // half as fast again) 122 × 1.15² = 161.34 ≥ 161.051.
            up(122.0),
            up(121.5), // 121.5 × 1.3225 = 160.68
            // A compound metric at -5 has no rate so far.
            up(-5.0),
        ];
        assert_eq!(classes(Method::Plan, &examples), Method::Plan.classes());
    }

    #[test]
    fn on_the_path_is_on_track_and_above_it_ahead() {
        assert_eq!(up(2018, 133.1), OnTrack);
        assert_eq!(up(2018, 133.2), Ahead);
        // 100 × 1.33^(5/3) = 160.85 < 161.051, but 133 × 1.15² = 175.9: behind.
        assert_eq!(up(2018, 133.0), Behind);
    }

    #[test]
    fn above_a_plan_path_that_misses_the_goal_is_not_ahead() {
        // Linear, 100 + 5 a year reaches only 125, short of 130. 116 in 2018
        // is above the path's 115, but 16 / 3 = 5.33 a year ends at 126.67 <
        // 130; at 7.5 a year 116 + 15 = 131. Down by 2 % a year, 100 reaches
        // 90.39, short of the ceiling 86.5: 95 in 2017 is under the path's
        // 96.04, but 0.95^(1/2) - 1 = -2.53 % a year ends at 87.97, and at
        // -3 % 95 × 0.97³ = 86.71.
        let linear = Example::linear(100.0, 5.0).at_least(130.0).at(2018, 116.0);
        assert_eq!(linear.class(Method::Plan), Behind);
        let falling = Example::compound(100.0, -0.02).at_most(86.5).at(2017, 95.0);
        assert_eq!(falling.class(Method::Plan), OutOfReach);
    }

    #[test]
    fn behind_reaches_to_half_as_fast_again_as_the_plan() {
        // 161.051 / 1.15² = 121.77769: 121.7777 × 1.3225 = 161.051008,
        // 121.7776 × 1.3225 = 161.050876.
        assert_eq!(up(2018, 121.7777), Behind);
        assert_eq!(up(2018, 121.7776), OutOfReach);
        // Linear, 100 + 5 a year to 125: 114 in 2018 is 4.67 a year → 123.33,
        // and at 7.5 a year 114 + 15 = 129. 110 + 15 = 125 exactly; 109.9 → 124.9.
        let linear = |v: f64| Example::linear(100.0, 5.0).at_least(125.0).at(2018, v);
        assert_eq!(linear(114.0).class(Method::Plan), Behind);
        assert_eq!(linear(110.0).class(Method::Plan), Behind);
        assert_eq!(linear(109.9).class(Method::Plan), OutOfReach);
        let a = linear(114.0).assess(Method::Plan);
        assert!((a.rate_so_far.unwrap().per_year - 14.0 / 3.0).abs() < 1e-12);
        assert!((a.extrapolated.unwrap() - 123.333333333333).abs() < 1e-9);
    }

    #[test]
    fn a_final_figure_is_reached_or_out_of_reach() {
        assert_eq!(up(2020, 161.051), Reached);
        assert_eq!(up(2020, 170.0), Reached);
        assert_eq!(up(2020, 161.05), OutOfReach);
    }

    #[test]
    fn a_goal_that_must_fall_flips_the_sign() {
        assert_eq!(down(50.0), AlreadyReached);
        assert_eq!(down(72.0), Ahead);
        assert_eq!(down(72.9), OnTrack);
        // 80 is -7.17 % a year → 68.94 > 59.049; at -15 %: 80 × 0.85² = 57.8.
        assert_eq!(down(80.0), Behind);
        // 59.049 / 0.85² = 81.7287: 81.72 → 59.0427, 81.73 → 59.0499.
        assert_eq!(down(81.72), Behind);
        assert_eq!(down(81.73), OutOfReach);
    }

    #[test]
    fn a_ceiling_over_a_growing_metric() {
        // 520 under a ceiling of 600, growing 2.5 % a year to 559.98 in 2018:
        // never reached early, since the baseline met it.
        let capped = |v: f64| Example::capped().at(2018, v).class(Method::Plan);
        assert_eq!(capped(500.0), Ahead);
        // 560 is 2.5 % a year → 588.4 ≤ 600.
        assert_eq!(capped(560.0), OnTrack);
        // 580 is 3.71 % a year → 623.8; half the plan's 2.5 % better is 1.25 %:
        // 580 × 1.0125² = 594.6 ≤ 600. 590 → 641.8, and 590 × 1.0125² = 604.8.
        assert_eq!(capped(580.0), Behind);
        assert_eq!(capped(590.0), OutOfReach);
    }

    #[test]
    fn a_band_overshot_at_the_faster_pace_is_behind() {
        // 161.051 ± 3: 125 in 2018 is 7.72 % a year → 145.0, short of 158.051;
        // at 15 % 125 × 1.3225 = 165.3 is past 164.051, so a pace in between
        // lands inside the band.
        let band = |v: f64| {
            Example::ten_percent_up()
                .goal(Comparison::About { tolerance: 3.0 }, 161.051)
                .at(2018, v)
                .class(Method::Plan)
        };
        assert_eq!(band(125.0), Behind);
        assert_eq!(band(120.0), Behind); // 120 × 1.3225 = 158.7, inside
        assert_eq!(band(119.0), OutOfReach); // 157.4, short of it
    }
}
