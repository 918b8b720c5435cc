//! Destatis' "weather" symbols for the German sustainability indicators:
//! the average annual change over the last five years, extrapolated in a
//! straight line from the latest figure to the target year. Source: the
//! indicator report of the German Sustainable Development Strategy
//! (Destatis), which rates each indicator with a weather symbol.
//!
//! s = (G - extrapolated) / (G - v(t)) is the share of the remaining way the
//! extrapolation falls short by; both differences change sign for a goal
//! that must fall. A straight line understates a compound path, so a metric
//! exactly on its compound plan path reads a light cloud, as the method
//! reads it. A metric that does not move at all is not moving the desired
//! way: a thunderstorm, like one moving the other way. A goal met already
//! is sunny however few the figures.

use super::{Assessment, Case, Class, Direction, SoFar, at_least};
use crate::calc::noise::{difference, significant};
use crate::calc::trend::{Pace, mean_annual_change};

/// How many years back from the latest figure the average change reaches.
const WINDOW_YEARS: i32 = 5;
/// Fewer figures than this in the window (the baseline counts) give no trend.
const MIN_FIGURES: usize = 4;
/// Shortfalls below this are sunny ...
const SUN: f64 = 0.05;
/// ... and below this lightly clouded.
const LIGHT_CLOUD: f64 = 0.20;

pub(super) fn assess(case: &Case, latest: (i32, f64)) -> Assessment {
    let (year, value) = latest;
    let window: Vec<(i32, f64)> = case
        .history
        .iter()
        .copied()
        .chain([(case.base_year, case.baseline())])
        .chain(case.actual.iter().copied())
        .filter(|(y, _)| *y >= year - WINDOW_YEARS)
        .collect();
    let so_far = (window.len() >= MIN_FIGURES)
        .then(|| mean_annual_change(Pace::Linear, &window))
        .flatten()
        .map(|change| SoFar::at(latest, Pace::Linear, change, case.years_left(year)));
    let goal = case.goal.value;
    let met = case.meets(value);
    let shortfall = so_far
        .filter(|_| !met)
        .map(|s| difference(goal, s.end) / difference(goal, value));
    let toward = Direction::of(&case.goal, value);
    let class = match (so_far, shortfall) {
        _ if met => Class::Sun,
        (None, _) => Class::InsufficientData,
        (Some(s), _) if toward.sign() * s.rate.per_year <= 0.0 => Class::Thunderstorm,
        (_, Some(s)) if !at_least(s, SUN) => Class::Sun,
        (_, Some(s)) if !at_least(s, LIGHT_CLOUD) => Class::LightCloud,
        _ => Class::Cloud,
    };
    Assessment {
        shortfall: shortfall.map(significant),
        ..Assessment::new(class, so_far)
    }
}

#[cfg(test)]
mod tests {
    use super::super::example::{Example, classes};
    use super::super::{Class, Method};

    /// 100 in 2015 rising 10 a year to 130 in 2018: extrapolated 130 + 2 × 10
    /// = 150 in 2020, and s = (G - 150) / (G - 130).
    fn rising_to(goal: f64) -> Class {
        Example::linear(100.0, 10.0)
            .at_least(goal)
            .actual(&[(2016, 110.0), (2017, 120.0), (2018, 130.0)])
            .assess(Method::Destatis)
            .class
    }

    /// 100 in 2015 falling 10 a year to 70 in 2018: extrapolated 50, and
    /// s = (G - 50) / (G - 70).
    fn falling_to(goal: f64) -> Class {
        Example::linear(100.0, -10.0)
            .at_most(goal)
            .actual(&[(2016, 90.0), (2017, 80.0), (2018, 70.0)])
            .assess(Method::Destatis)
            .class
    }

    #[test]
    fn every_class() {
        let up = |goal: f64, figures: &[(i32, f64)]| {
            Example::linear(100.0, 10.0).at_least(goal).actual(figures)
        };
        let three_years = [(2016, 110.0), (2017, 120.0), (2018, 130.0)];
        let examples = [
            up(151.0, &three_years), // s = 1 / 21 = 0.048
            up(151.1, &three_years), // s = 1.1 / 21.1 = 0.052
            up(155.1, &three_years), // s = 5.1 / 25.1 = 0.203
            up(150.0, &[(2016, 99.0), (2017, 98.0), (2018, 97.0)]),
            // The baseline and two figures are three values.
            up(150.0, &[(2016, 110.0), (2017, 120.0)]),
        ];
        assert_eq!(
            classes(Method::Destatis, &examples),
            Method::Destatis.classes()
        );
    }

    #[test]
    fn thresholds_from_both_sides() {
        use Class::*;
        // s = 0.05 at G = 151.0526: 1.05 / 21.05 = 0.04988, 1.06 / 21.06 = 0.05033.
        assert_eq!(rising_to(151.05), Sun);
        assert_eq!(rising_to(151.06), LightCloud);
        // s = 0.20 at G = 155: 4.99 / 24.99 = 0.19968, 5 / 25, 5.01 / 25.01 = 0.20032.
        assert_eq!(rising_to(154.99), LightCloud);
        assert_eq!(rising_to(155.0), Cloud);
        assert_eq!(rising_to(155.01), Cloud);
        // Met already: 130 ≥ 125.
        let a = Example::linear(100.0, 10.0)
            .at_least(125.0)
            .actual(&[(2016, 110.0), (2017, 120.0), (2018, 130.0)])
            .assess(Method::Destatis);
        assert_eq!(
            (a.class, a.shortfall, a.extrapolated),
            (Sun, None, Some(150.0))
        );
    }

    #[test]
    fn a_goal_that_must_fall_flips_the_sign() {
        use Class::*;
        // (49 - 50) / (49 - 70) = 0.048; (48.9 - 50) / (48.9 - 70) = 0.052;
        // (45 - 50) / (45 - 70) = 0.2.
        assert_eq!(falling_to(49.0), Sun);
        assert_eq!(falling_to(48.9), LightCloud);
        assert_eq!(falling_to(45.0), Cloud);
        let rising = Example::linear(100.0, -10.0).at_most(50.0).actual(&[
            (2016, 101.0),
            (2017, 102.0),
            (2018, 103.0),
        ]);
        assert_eq!(rising.assess(Method::Destatis).class, Thunderstorm);
    }

    #[test]
    fn standing_still_is_a_thunderstorm() {
        let flat = Example::linear(100.0, 10.0).at_least(150.0).actual(&[
            (2016, 100.0),
            (2017, 100.0),
            (2018, 100.0),
        ]);
        assert_eq!(flat.assess(Method::Destatis).class, Class::Thunderstorm);
    }

    #[test]
    fn the_window_is_the_last_five_years_of_figures() {
        let e = Example::linear(100.0, 10.0)
            .at_least(200.0)
            .history(&[(2012, 10.0), (2013, 70.0), (2014, 85.0)])
            .actual(&[(2016, 110.0), (2017, 120.0), (2018, 130.0)]);
        // From 2013: (130 - 70) / 5 = 12 a year → 130 + 2 × 12 = 154; the 2012
        // figure is older than five years and does not count.
        let a = e.assess(Method::Destatis);
        assert_eq!(a.rate_so_far.unwrap().per_year, 12.0);
        assert_eq!(a.extrapolated, Some(154.0));
        // (200 - 154) / (200 - 130) = 46 / 70 = 0.657.
        assert!((a.shortfall.unwrap() - 46.0 / 70.0).abs() < 1e-12);
        // As of 2017, only history from 2012 on counts: with the baseline and
        // the two figures after it, four. (120 - 10) / 5 = 22 a year → 120 +
        // 3 × 22 = 186, s = (200 - 186) / (200 - 120) = 0.175.
        let e = Example::linear(100.0, 10.0)
            .at_least(200.0)
            .history(&[(2011, 1.0), (2012, 10.0)])
            .actual(&[(2016, 110.0), (2017, 120.0)]);
        assert_eq!(e.assess(Method::Destatis).class, Class::LightCloud);
        let e = Example::linear(100.0, 10.0)
            .at_least(200.0)
            .history(&[(2011, 1.0)])
            .actual(&[(2016, 110.0), (2017, 120.0)]);
        assert_eq!(e.assess(Method::Destatis).class, Class::InsufficientData);
    }
}
