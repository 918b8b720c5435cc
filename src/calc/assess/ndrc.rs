//! China's mid-term evaluations of five-year plans: a target met early
//! (提前实现), a metric ahead of the plan path (快于预期), one not ahead but
//! meeting the target by the end at the pace so far (基本符合预期), and one
//! lagging (滞后). Source: the NDRC's mid-term evaluation practice, whose
//! reports count the targets in these four classes.
//!
//! "Met early" and "ahead" mean what they mean for the `plan` method: a
//! floor risen to or a ceiling fallen under by a metric whose baseline did
//! not meet it, and better than the plan path in the desired direction
//! while meeting the goal at the pace so far (a plan path may itself fall
//! short of the goal).

use super::{Assessment, Case, Class};

pub(super) fn assess(case: &Case, latest: (i32, f64)) -> Assessment {
    let so_far = case.so_far(latest, case.pace);
    let class = if case.met_early(latest) {
        Class::AchievedEarly
    } else if case.ahead(latest, so_far) {
        Class::AheadOfPlan
    } else {
        match so_far {
            None => Class::InsufficientData,
            Some(s) if case.meets(s.end) => Class::BroadlyOnPlan,
            Some(_) => Class::Lagging,
        }
    };
    Assessment::new(class, so_far)
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
            .class(Method::Ndrc)
    }

    #[test]
    fn every_class() {
        let up = |v: f64| Example::ten_percent_up().at(2018, v);
        // 133 in 2018: 100 × 1.33^(5/3) = 160.85 < 161.051 by 2020.
        let examples = [up(170.0), up(134.0), up(133.1), up(133.0), up(-5.0)];
        assert_eq!(classes(Method::Ndrc, &examples), Method::Ndrc.classes());
    }

    #[test]
    fn the_plan_path_and_the_pace_so_far() {
        assert_eq!(up(2018, 133.2), AheadOfPlan);
        assert_eq!(up(2018, 133.1), BroadlyOnPlan);
        // Under the path, but 9.14 % a year → 130 × 1.0914² = 154.85 ≥ 150.
        let lower_goal = Example::ten_percent_up().at_least(150.0).at(2018, 130.0);
        assert_eq!(lower_goal.class(Method::Ndrc), BroadlyOnPlan);
        // A figure for 2020 is not early.
        assert_eq!(up(2020, 162.0), AheadOfPlan);
        assert_eq!(up(2020, 161.051), BroadlyOnPlan);
        assert_eq!(up(2020, 161.0), Lagging);
    }

    #[test]
    fn above_a_plan_path_that_misses_the_goal_is_lagging() {
        // 100 + 5 a year reaches only 125 < 130; 116 in 2018 is above the
        // path's 115, but 16 / 3 a year ends at 126.67.
        let linear = Example::linear(100.0, 5.0).at_least(130.0).at(2018, 116.0);
        assert_eq!(linear.class(Method::Ndrc), Lagging);
    }

    #[test]
    fn a_goal_that_must_fall_flips_the_sign() {
        let down = |v: f64| Example::ten_percent_down().at(2018, v).class(Method::Ndrc);
        assert_eq!(down(50.0), AchievedEarly);
        assert_eq!(down(72.0), AheadOfPlan);
        assert_eq!(down(72.9), BroadlyOnPlan);
        // 100 × 0.73^(5/3) = 59.18 > 59.049.
        assert_eq!(down(73.0), Lagging);
    }

    #[test]
    fn a_band_is_never_met_early() {
        // 25 growing 20 % a year is at 43.2 in 2018: 60 is inside 60 ± 3, but
        // 33.9 % a year so far carries it far past the band by 2020.
        let band = |v: f64| {
            Example::compound(25.0, 0.2)
                .goal(Comparison::About { tolerance: 3.0 }, 60.0)
                .at(2018, v)
                .class(Method::Ndrc)
        };
        assert_eq!(band(60.0), Lagging);
        // 43.4 is above the path, and (43.4 / 25)^(2/3) × 43.4 = 62.68 inside.
        assert_eq!(band(43.4), AheadOfPlan);
    }
}
