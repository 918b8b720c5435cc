//! The schedule column: is a metric where its plan path said it would be?
//!
//! Comparing progress toward the goal with the share of time gone
//! (时间过半、任务过半) calls every compound path behind schedule in its
//! first years, since growth compounds toward the end; a planner reads
//! "behind schedule" as a call to act, so the schedule compares the latest
//! figure with the plan path's value for its year instead, in the goal's
//! desired direction. The share of time gone stays worth seeing next to the
//! progress the plan path itself expects by then.

use super::Direction;
use crate::calc::noise::{level_satisfies, significant};
use crate::plan::Goal;

/// Where a goal stands against its plan path at the latest figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    /// The latest figure is as good as the plan path's value for its year,
    /// or better, in the goal's desired direction (noise aside).
    pub on_schedule: bool,
    /// The plan path's own progress toward the goal in that year.
    pub expected_progress: Option<f64>,
}

/// The schedule of a goal whose metric started at `baseline` and stands at
/// `latest` in a year for which the plan path says `plan_value`.
pub fn schedule(goal: &Goal, baseline: f64, latest: f64, plan_value: f64) -> Schedule {
    Schedule {
        on_schedule: Direction::of(goal, baseline).as_good(latest, plan_value),
        expected_progress: progress_toward(goal, baseline, plan_value),
    }
}

/// (value - baseline) / (goal - baseline): how much of the way from the
/// baseline to the goal `value` has come. None when the baseline already
/// meets the goal: staying under a ceiling the baseline respects is no
/// progress, and there is no way to cover.
pub fn progress_toward(goal: &Goal, baseline: f64, value: f64) -> Option<f64> {
    let needs_movement = !level_satisfies(goal.comparison, baseline, goal.value);
    (needs_movement && goal.value != baseline)
        .then(|| significant((value - baseline) / (goal.value - baseline)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparison::*;

    fn goal(comparison: crate::plan::Comparison, value: f64) -> Goal {
        Goal { comparison, value }
    }

    #[test]
    fn on_schedule_means_as_good_as_the_plan_path() {
        // Plan 100 → 133.1 by the third year (10 % a year), goal 161.051.
        let g = goal(AtLeast, 161.051);
        assert!(schedule(&g, 100.0, 133.1, 133.1).on_schedule);
        assert!(schedule(&g, 100.0, 140.0, 133.1).on_schedule);
        assert!(!schedule(&g, 100.0, 133.0, 133.1).on_schedule);
        // (133.1 - 100) / 61.051 = 0.54217
        let p = schedule(&g, 100.0, 120.0, 133.1).expected_progress.unwrap();
        assert!((p - 33.1 / 61.051).abs() < 1e-12);
    }

    #[test]
    fn a_ceiling_wants_the_figure_under_its_path() {
        // Plan 100 falling 10 % a year: 72.9 by the third year, goal ≤ 59.049.
        let g = goal(AtMost, 59.049);
        assert!(schedule(&g, 100.0, 72.0, 72.9).on_schedule);
        assert!(!schedule(&g, 100.0, 73.0, 72.9).on_schedule);
        // (72.9 - 100) / (59.049 - 100) = 27.1 / 40.951 = 0.66177
        let p = schedule(&g, 100.0, 72.0, 72.9).expected_progress.unwrap();
        assert!((p - 27.1 / 40.951).abs() < 1e-12);
    }

    #[test]
    fn a_band_is_approached_from_the_baseline() {
        let g = goal(About { tolerance: 3.0 }, 60.0);
        assert!(schedule(&g, 25.0, 50.0, 43.2).on_schedule);
        assert!(!schedule(&g, 80.0, 75.0, 70.0).on_schedule);
        assert!(schedule(&g, 80.0, 65.0, 70.0).on_schedule);
    }

    #[test]
    fn no_expected_progress_without_a_way_to_go() {
        // 520 already respects the ceiling of 600.
        assert_eq!(progress_toward(&goal(AtMost, 600.0), 520.0, 546.0), None);
        assert_eq!(progress_toward(&goal(AtLeast, 100.0), 100.0, 110.0), None);
        assert_eq!(
            progress_toward(&goal(AtLeast, 150.0), 100.0, 125.0),
            Some(0.5)
        );
    }
}
