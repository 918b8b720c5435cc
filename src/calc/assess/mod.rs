//! Progress toward a goal judged the way statistical offices judge it.
//!
//! A planner must be able to say "assessed the way the NDRC (or UNSD, or
//! Eurostat) does it" and get that office's classes, so each method follows
//! its published rules in a module of its own: `plan` (this project's own
//! reading, against the plan path), `statcan`, `unsd`, `destatis`, `ndrc`.
//! `schedule` is the default judgement of the report's schedule column.
//!
//! What the methods share lives here, written once: the "desired direction"
//! (up for an at-least goal, down for an at-most goal, toward the value for
//! a band), which flips every comparison for a goal that must fall; whether
//! a value meets the goal, with `noise`'s slack like every other status; and
//! the pace so far (the metric's CAGR or average increment from the
//! baseline) with where it leads by the target year. Thresholds are compared
//! with the same slack, so a figure exactly on a threshold is on its upper
//! side. A method gives a class and the figures behind it; the words for
//! them belong to the renderers.

mod destatis;
mod ndrc;
mod plan;
mod schedule;
mod statcan;
mod unsd;

#[cfg(test)]
mod example;

pub use schedule::{Schedule, progress_toward, schedule};

use super::noise::{level_satisfies, significant};
use super::trend::{Pace, Rate};
use crate::plan::{Comparison, Goal};

/// An assessment method, as a planner names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Against the plan path and the pace so far.
    Plan,
    /// Statistics Canada and Eurostat, as in the Open SDG platform.
    Statcan,
    /// The UN SDG Progress Chart.
    Unsd,
    /// Destatis' sustainability indicators ("weather" symbols).
    Destatis,
    /// China's NDRC mid-term evaluations.
    Ndrc,
}

impl Method {
    /// Every method, the default (`Plan`) first.
    pub const ALL: [Method; 5] = [
        Method::Plan,
        Method::Statcan,
        Method::Unsd,
        Method::Destatis,
        Method::Ndrc,
    ];

    /// The classes the method gives, best first: the order a summary counts them in.
    pub fn classes(self) -> &'static [Class] {
        use Class::*;
        match self {
            Method::Plan => &[
                Reached,
                AlreadyReached,
                Ahead,
                OnTrack,
                Behind,
                OutOfReach,
                InsufficientData,
            ],
            Method::Statcan => &[
                TargetAchieved,
                OnTrack,
                AccelerationNeeded,
                LimitedProgress,
                Deterioration,
                InsufficientData,
            ],
            Method::Unsd => &[
                OnTrack,
                FairProgress,
                StagnationOrRegression,
                InsufficientData,
            ],
            Method::Destatis => &[Sun, LightCloud, Cloud, Thunderstorm, InsufficientData],
            Method::Ndrc => &[
                AchievedEarly,
                AheadOfPlan,
                BroadlyOnPlan,
                Lagging,
                InsufficientData,
            ],
        }
    }
}

/// A method's verdict on a goal; [`Method::classes`] lists which method gives which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// plan: the figure for the target year meets the goal.
    Reached,
    /// plan: a figure before the target year meets a goal the baseline did not.
    AlreadyReached,
    /// plan: better than the plan path, and met by the target year at the pace so far.
    Ahead,
    /// plan: met by the target year at the pace so far. statcan: R ≥ 0.95.
    /// unsd: P ≥ 0.95.
    OnTrack,
    /// plan: missed at the pace so far, met at a pace half as fast again as the plan's.
    Behind,
    /// plan: missed even at that pace.
    OutOfReach,
    /// statcan: the latest figure meets the goal.
    TargetAchieved,
    /// statcan: 0.60 ≤ R < 0.95.
    AccelerationNeeded,
    /// statcan: 0 ≤ R < 0.60.
    LimitedProgress,
    /// statcan: R < 0, or a goal the baseline met is missed now.
    Deterioration,
    /// unsd: 0.10 ≤ P < 0.95.
    FairProgress,
    /// unsd: P < 0.10.
    StagnationOrRegression,
    /// destatis: the goal is met, or the shortfall s < 0.05.
    Sun,
    /// destatis: 0.05 ≤ s < 0.20.
    LightCloud,
    /// destatis: s ≥ 0.20, moving the desired way.
    Cloud,
    /// destatis: not moving the desired way.
    Thunderstorm,
    /// ndrc 提前实现: a figure before the target year meets a goal the baseline did not.
    AchievedEarly,
    /// ndrc 快于预期: better than the plan path, and met by the target year at the pace so far.
    AheadOfPlan,
    /// ndrc 基本符合预期: not better than the plan path, but met by the target year at the pace so far.
    BroadlyOnPlan,
    /// ndrc 滞后: missed by the target year at the pace so far.
    Lagging,
    /// Any method: too few figures, or values for which the method's rate is
    /// undefined (a CAGR from or to a value that is not positive).
    InsufficientData,
}

/// A class and the figures behind it; a method fills the ones it uses, rounded
/// to their reliable digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// The method's verdict.
    pub class: Class,
    /// The yearly change so far: plan and ndrc, the metric's own pace from
    /// the baseline to the latest figure; statcan and unsd, its CAGR;
    /// destatis, the average annual change over its five-year window.
    pub rate_so_far: Option<Rate>,
    /// The value at the target year if the rate so far holds (unsd's E,
    /// destatis' linear extrapolation).
    pub extrapolated: Option<f64>,
    /// statcan: the CAGR that reaches the goal from the baseline.
    pub required_rate: Option<f64>,
    /// statcan: R, the rate so far over the required rate.
    pub rate_ratio: Option<f64>,
    /// unsd: P, the share of the way to the goal covered by the target year.
    pub projected_progress: Option<f64>,
    /// destatis: s, the share of the remaining way the extrapolation falls short by.
    pub shortfall: Option<f64>,
}

impl Assessment {
    fn new(class: Class, so_far: Option<SoFar>) -> Assessment {
        Assessment {
            class,
            rate_so_far: so_far.map(|s| s.rate),
            extrapolated: so_far.map(|s| significant(s.end)),
            required_rate: None,
            rate_ratio: None,
            projected_progress: None,
            shortfall: None,
        }
    }
}

/// What a method looks at for one goal. A verdict as of an earlier year is
/// given on the figures published by then alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Case<'a> {
    /// The plan's base year: the year of the baseline.
    pub base_year: i32,
    /// The plan's target year: the year the goal is for.
    pub target_year: i32,
    /// The plan path from the baseline alone, base_year..=target_year;
    /// element 0 is the baseline.
    pub plan_path: &'a [f64],
    /// Figures before the base year, years ascending.
    pub history: &'a [(i32, f64)],
    /// Actual figures after the base year up to the year assessed, years
    /// ascending; the last one is the figure assessed.
    pub actual: &'a [(i32, f64)],
    /// A level goal for target_year (a rate goal: the level it implies).
    pub goal: Goal,
    /// How the metric moves: by a rate or by an increment.
    pub pace: Pace,
}

/// Judges a goal by `method`; none without an actual figure.
pub fn assess(method: Method, case: &Case) -> Option<Assessment> {
    let latest = *case.actual.last()?;
    debug_assert!(latest.0 > case.base_year && latest.0 <= case.target_year);
    Some(match method {
        Method::Plan => plan::assess(case, latest),
        Method::Statcan => statcan::assess(case, latest),
        Method::Unsd => unsd::assess(case, latest),
        Method::Destatis => destatis::assess(case, latest),
        Method::Ndrc => ndrc::assess(case, latest),
    })
}

impl Case<'_> {
    fn baseline(&self) -> f64 {
        self.plan_path[0]
    }

    fn years_left(&self, year: i32) -> f64 {
        f64::from(self.target_year - year)
    }

    fn plan_value(&self, year: i32) -> f64 {
        self.plan_path[(year - self.base_year) as usize]
    }

    fn meets(&self, value: f64) -> bool {
        level_satisfies(self.goal.comparison, value, self.goal.value)
    }

    /// The baseline does not meet the goal yet: there is a way to go.
    fn needs_movement(&self) -> bool {
        !self.meets(self.baseline())
    }

    /// A floor risen to or a ceiling fallen under before the target year,
    /// by a metric whose baseline did not meet it; a band can still be
    /// overshot, so it is never met early.
    fn met_early(&self, (year, value): (i32, f64)) -> bool {
        year < self.target_year
            && self.needs_movement()
            && !matches!(self.goal.comparison, Comparison::About { .. })
            && self.meets(value)
    }

    /// Better than the plan path in the goal's desired direction, by more
    /// than noise, and meeting the goal at the pace so far: a plan path may
    /// itself fall short of the goal (a plan growing 0.08 points a year
    /// toward an increase of 0.5 in five years), and a figure above such a
    /// path can still be heading for a miss, which is never "ahead".
    fn ahead(&self, (year, value): (i32, f64), so_far: Option<SoFar>) -> bool {
        Direction::of(&self.goal, self.baseline()).better(value, self.plan_value(year))
            && so_far.is_some_and(|s| self.meets(s.end))
    }

    /// The latest figure carried on to the target year at `pace` at the rate
    /// it has had since the baseline; none where that rate is undefined.
    fn so_far(&self, latest: (i32, f64), pace: Pace) -> Option<SoFar> {
        let (year, value) = latest;
        let per_year = pace.between(self.baseline(), value, f64::from(year - self.base_year))?;
        Some(SoFar::at(latest, pace, per_year, self.years_left(year)))
    }
}

/// A rate so far and where it leads by the target year.
#[derive(Debug, Clone, Copy)]
struct SoFar {
    rate: Rate,
    end: f64,
}

impl SoFar {
    /// The latest figure carried on `years_left` years at `per_year`.
    fn at(latest: (i32, f64), pace: Pace, per_year: f64, years_left: f64) -> SoFar {
        SoFar {
            rate: Rate { pace, per_year },
            end: pace.extend(latest.1, per_year, years_left),
        }
    }
}

/// The way a goal wants its metric to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

impl Direction {
    /// Up for a floor, down for a ceiling; for a band, toward its value from `from`.
    fn of(goal: &Goal, from: f64) -> Direction {
        match goal.comparison {
            Comparison::AtLeast => Direction::Up,
            Comparison::AtMost => Direction::Down,
            Comparison::About { .. } if goal.value >= from => Direction::Up,
            Comparison::About { .. } => Direction::Down,
        }
    }

    /// +1 up, -1 down: a change times the sign is positive when it goes the desired way.
    fn sign(self) -> f64 {
        match self {
            Direction::Up => 1.0,
            Direction::Down => -1.0,
        }
    }

    /// `a` is as good as `b` or better, noise aside.
    fn as_good(self, a: f64, b: f64) -> bool {
        let comparison = match self {
            Direction::Up => Comparison::AtLeast,
            Direction::Down => Comparison::AtMost,
        };
        level_satisfies(comparison, a, b)
    }

    /// `a` is better than `b` by more than noise.
    fn better(self, a: f64, b: f64) -> bool {
        !self.as_good(b, a)
    }
}

/// `x` ≥ `threshold`, noise aside: a ratio that lands exactly on a
/// threshold is on its upper side.
fn at_least(x: f64, threshold: f64) -> bool {
    Direction::Up.as_good(x, threshold)
}

#[cfg(test)]
mod tests {
    use super::example::Example;
    use super::*;

    /// GDP 1000 growing 6 % a year from 2015, on its plan path for three of
    /// five years, with the plan's own 2020 value as the goal:
    /// 1000 × 1.06⁵ = 1338.2255776.
    fn on_path() -> Example {
        Example::compound(1000.0, 0.06)
            .at_least(1000.0 * 1.06f64.powi(5))
            .actual(&[(2016, 1060.0), (2017, 1123.6), (2018, 1191.016)])
    }

    #[test]
    fn a_metric_on_its_compound_plan_path_is_on_schedule() {
        let e = on_path();
        let s = schedule(&e.goal, 1000.0, 1191.016, e.plan_path[3]);
        assert!(s.on_schedule);
        // (1191.016 - 1000) / (1338.2255776 - 1000) = 0.56476, below the 60 %
        // of the time gone: progress toward the goal lags time on any
        // compound path, which is why the schedule compares with the path.
        assert!((s.expected_progress.unwrap() - 0.564759180412735).abs() < 1e-12);
    }

    #[test]
    fn a_metric_on_its_compound_plan_path_is_on_track_by_every_method() {
        let e = on_path();
        // plan: not better than the path (equal), and 6 % a year from 1191.016
        // gives 1191.016 × 1.06² = 1338.2255776, which meets the goal.
        let a = e.assess(Method::Plan);
        assert_eq!(a.class, Class::OnTrack);
        assert_eq!(a.extrapolated, Some(1338.2255776));
        // statcan: R = CAGR(2015, 2018) / CAGR_required = 6 % / 6 % = 1 ≥ 0.95.
        let a = e.assess(Method::Statcan);
        assert_eq!(a.class, Class::OnTrack);
        assert_eq!(a.rate_ratio, Some(1.0));
        assert_eq!(a.required_rate, Some(0.06));
        // unsd: E = 1338.2255776 = G, so P = (E - 1000) / (G - 1000) = 1 ≥ 0.95.
        let a = e.assess(Method::Unsd);
        assert_eq!(a.class, Class::OnTrack);
        assert_eq!(a.projected_progress, Some(1.0));
        // ndrc: not ahead of the path, met by 2020 at the pace so far.
        assert_eq!(e.assess(Method::Ndrc).class, Class::BroadlyOnPlan);
        // destatis: (1191.016 - 1000) / 3 = 63.672 a year, extrapolated
        // linearly 1191.016 + 2 × 63.672 = 1318.36; s = (1338.2255776 -
        // 1318.36) / (1338.2255776 - 1191.016) = 19.8655776 / 147.2095776 =
        // 0.1349: a straight line understates a compound path.
        let a = e.assess(Method::Destatis);
        assert_eq!(a.class, Class::LightCloud);
        assert_eq!(a.extrapolated, Some(1318.36));
        assert!((a.shortfall.unwrap() - 0.134947589170992).abs() < 1e-12);
    }

    #[test]
    fn no_actual_figure_no_assessment() {
        let e = Example::compound(100.0, 0.1).at_least(150.0);
        assert_eq!(assess(Method::Plan, &e.case()), None);
    }

    #[test]
    fn direction_flips_for_ceilings_and_follows_a_band() {
        let floor = Goal {
            comparison: Comparison::AtLeast,
            value: 10.0,
        };
        let ceiling = Goal {
            comparison: Comparison::AtMost,
            ..floor
        };
        let band = Goal {
            comparison: Comparison::About { tolerance: 1.0 },
            ..floor
        };
        assert_eq!(Direction::of(&floor, 20.0), Direction::Up);
        assert_eq!(Direction::of(&ceiling, 5.0), Direction::Down);
        assert_eq!(Direction::of(&band, 5.0), Direction::Up);
        assert_eq!(Direction::of(&band, 20.0), Direction::Down);
        assert!(Direction::Down.better(9.0, 10.0));
        assert!(!Direction::Down.better(10.0 - 1e-12, 10.0));
        assert!(Direction::Up.as_good(10.0 - 1e-12, 10.0));
        assert!(at_least(0.95 - 1e-15, 0.95));
        assert!(!at_least(0.9499, 0.95));
    }
}
