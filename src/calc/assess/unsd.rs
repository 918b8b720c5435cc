//! The UN SDG Progress Chart: where the metric would be by the target year
//! at its compound annual rate so far, as a share of the way to the goal.
//! Source: the technical note to the UN Statistics Division's SDG Progress
//! Chart.
//!
//! E = v(t) · (1 + CAGR(B, t))^(T-t), P = (E - v(B)) / (G - v(B)). Both
//! differences change sign for a goal that must fall, so P is positive
//! whenever the metric moves the desired way.

use super::{Assessment, Case, Class, at_least};
use crate::calc::noise::{difference, significant};
use crate::calc::trend::Pace;

/// The share of the way expected by the target year at or above which a metric is on track.
const ON_TRACK: f64 = 0.95;
/// ... and below which it stagnates or regresses.
const FAIR_PROGRESS: f64 = 0.10;

pub(super) fn assess(case: &Case, latest: (i32, f64)) -> Assessment {
    let so_far = case.so_far(latest, Pace::Compound);
    let baseline = case.baseline();
    // A baseline that meets the goal leaves no way to share out. The
    // differences lose their noise, so that E equal to G gives P = 1.
    let share = so_far
        .filter(|_| case.needs_movement())
        .map(|s| difference(s.end, baseline) / difference(case.goal.value, baseline));
    let class = match (so_far, share) {
        (None, _) => Class::InsufficientData,
        (Some(s), None) if case.meets(s.end) => Class::OnTrack,
        (Some(_), None) => Class::StagnationOrRegression,
        (_, Some(p)) if at_least(p, ON_TRACK) => Class::OnTrack,
        (_, Some(p)) if at_least(p, FAIR_PROGRESS) => Class::FairProgress,
        (_, Some(_)) => Class::StagnationOrRegression,
    };
    Assessment {
        projected_progress: share.map(significant),
        ..Assessment::new(class, so_far)
    }
}

#[cfg(test)]
mod tests {
    use super::super::example::{Example, classes};
    use super::super::{Class, Method};

    /// 100 in 2015 and a 2017 figure v: CAGR (v/100)^(1/2) - 1 carried on
    /// three more years gives E = 100 · (v/100)^(5/2).
    fn at_2017(latest: f64, goal: Example) -> Class {
        goal.at(2017, latest).class(Method::Unsd)
    }

    fn to_200() -> Example {
        // P = (E - 100) / (200 - 100) = (v/100)^2.5 - 1.
        Example::compound(100.0, 0.1).at_least(200.0)
    }

    fn down_to_50() -> Example {
        // P = (E - 100) / (50 - 100) = (100 - E) / 50.
        Example::compound(100.0, -0.1).at_most(50.0)
    }

    #[test]
    fn every_class() {
        let examples = [
            to_200().at(2017, 130.89), // P = 1.3089^2.5 - 1 = 0.96005
            to_200().at(2017, 104.26), // P = 0.10993
            to_200().at(2017, 103.0),  // P = 0.07669
            // A latest figure of 0 has no CAGR.
            to_200().at(2017, 0.0),
        ];
        assert_eq!(classes(Method::Unsd, &examples), Method::Unsd.classes());
    }

    #[test]
    fn thresholds_from_both_sides() {
        use Class::*;
        // 1.3063^2.5 - 1 = 0.95033; 1.3062^2.5 - 1 = 0.94995.
        assert_eq!(at_2017(130.63, to_200()), OnTrack);
        assert_eq!(at_2017(130.62, to_200()), FairProgress);
        // 1.0389^2.5 - 1 = 0.10011; 1.0388^2.5 - 1 = 0.09984.
        assert_eq!(at_2017(103.89, to_200()), FairProgress);
        assert_eq!(at_2017(103.88, to_200()), StagnationOrRegression);
        // Falling: v = 95 gives E = 87.96, P = -0.24.
        assert_eq!(at_2017(95.0, to_200()), StagnationOrRegression);
        let a = to_200().at(2017, 130.89).assess(Method::Unsd);
        assert!((a.projected_progress.unwrap() - 0.960045573070789).abs() < 1e-12);
        assert!((a.extrapolated.unwrap() - 196.0045573070789).abs() < 1e-9);
    }

    #[test]
    fn a_goal_that_must_fall_flips_the_sign() {
        use Class::*;
        // (100 - 100 · 0.7698^2.5) / 50 = 0.96014; 0.7757 → 0.94010.
        assert_eq!(at_2017(76.98, down_to_50()), OnTrack);
        assert_eq!(at_2017(77.57, down_to_50()), FairProgress);
        // 0.9776 → 0.11013; 0.9818 → 0.08976.
        assert_eq!(at_2017(97.76, down_to_50()), FairProgress);
        assert_eq!(at_2017(98.18, down_to_50()), StagnationOrRegression);
        // Rising toward a ceiling below: P = -0.005.
        assert_eq!(at_2017(100.1, down_to_50()), StagnationOrRegression);
    }

    #[test]
    fn a_ceiling_the_baseline_respects() {
        use Class::*;
        // 520 is under 600: no P; on track if the pace so far stays under it.
        // 540 by 2018 is 1.27 % a year → 540 · 1.0127² = 553.8; 580 by 2017 is
        // 5.61 % a year → 580 · 1.0561³ = 683.2.
        let a = Example::capped().at(2018, 540.0).assess(Method::Unsd);
        assert_eq!((a.class, a.projected_progress), (OnTrack, None));
        assert_eq!(at_2017(580.0, Example::capped()), StagnationOrRegression);
    }
}
