//! Each goal's verdict on one path, as an interval of one number per path.
//!
//! A goal is read from one statistic of a path: the metric's noise at a
//! year (its level there is monotone in it), or the deviation of the sum of
//! its values from the plan's sum. What the goal is judged on, a level, a
//! rate, a change, an increase or a total, moves monotonically with that
//! statistic, and every goal holds on an interval of what it is judged on
//! (a floor, a ceiling, a band), so it holds on an interval of the
//! statistic. Its ends are found once, by bisection on the goal rule itself
//! (`goals::Measure`, the one home of the rule and its slack), down to
//! adjacent floating-point numbers: testing a path is then two comparisons
//! instead of an exponential and a power, and gives exactly the rule's
//! verdict. Outside the range where the value stays finite, the rule is
//! asked directly.

use super::layout::Shape;
use crate::calc::average::{average_annual_rate, rate_for_sum};
use crate::calc::goals::Measure;
use crate::plan::Goal;

/// How a goal's measure follows from a path's statistic s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Map {
    /// A level goal: the value, `shape.value(anchor, s)`.
    Level { shape: Shape, anchor: f64 },
    /// An increase goal: the target-year value less `first`.
    Increase {
        shape: Shape,
        anchor: f64,
        first: f64,
    },
    /// A change goal: the real target-year value over `first`, less 1.
    Change {
        shape: Shape,
        anchor: f64,
        first: f64,
    },
    /// An average rate by the endpoint method, from `first` to the real
    /// target-year value over `years`.
    Rate {
        shape: Shape,
        anchor: f64,
        first: f64,
        years: f64,
    },
    /// An average rate by the cumulative method: s is the real sum's
    /// deviation from the plan's sum, `plan`.
    RateOfSum { plan: f64, first: f64, years: usize },
    /// A total goal: s is the sum's deviation from the plan's sum, `plan`.
    Total { plan: f64 },
}

impl Map {
    /// The level (or sum) for statistic `s`.
    #[inline]
    pub(super) fn level(self, s: f64) -> f64 {
        match self {
            Map::Level { shape, anchor }
            | Map::Increase { shape, anchor, .. }
            | Map::Change { shape, anchor, .. }
            | Map::Rate { shape, anchor, .. } => shape.value(anchor, s),
            Map::RateOfSum { plan, .. } | Map::Total { plan } => plan + s,
        }
    }

    /// What the goal is judged on for statistic `s`.
    pub(super) fn measure(self, s: f64) -> Measure {
        let level = self.level(s);
        match self {
            Map::Level { .. } => Measure::Level(level),
            Map::Increase { first, .. } => Measure::Increase { first, last: level },
            Map::Change { first, .. } => Measure::Change { first, last: level },
            Map::Rate { first, years, .. } => {
                Measure::Rate(average_annual_rate(first, level, years))
            }
            Map::RateOfSum { first, years, .. } => Measure::Rate(rate_for_sum(first, level, years)),
            Map::Total { .. } => Measure::Total(level),
        }
    }

    /// Whether the measure falls as `s` rises: a compound value below 0.
    pub(super) fn falling(self) -> bool {
        match self {
            Map::Level { shape, anchor }
            | Map::Increase { shape, anchor, .. }
            | Map::Change { shape, anchor, .. }
            | Map::Rate { shape, anchor, .. } => shape == Shape::Log && anchor < 0.0,
            Map::RateOfSum { .. } | Map::Total { .. } => false,
        }
    }

    /// The statistic at which the measure is the goal's own value, where
    /// the goal holds if anywhere (NaN when none gives it).
    fn at_goal(self, goal: f64) -> f64 {
        let (shape, anchor, level) = match self {
            Map::Level { shape, anchor } => (shape, anchor, goal),
            Map::Increase {
                shape,
                anchor,
                first,
            } => (shape, anchor, first + goal),
            Map::Change {
                shape,
                anchor,
                first,
            } => (shape, anchor, first * (1.0 + goal)),
            Map::Rate {
                shape,
                anchor,
                first,
                years,
            } => (shape, anchor, first * (1.0 + goal).powf(years)),
            Map::RateOfSum { plan, first, years } => {
                let factor = 1.0 + goal;
                let sum: f64 = (1..=years).map(|k| factor.powi(k as i32)).sum();
                (Shape::Additive, plan, first * sum)
            }
            Map::Total { plan } => (Shape::Additive, plan, goal),
        };
        match shape {
            Shape::Log => (level / anchor).ln(),
            Shape::Additive => level - anchor,
        }
    }

    /// How far either side of 0 the statistic may go with the level finite.
    fn reach(self) -> f64 {
        match self {
            Map::Level { shape, .. }
            | Map::Increase { shape, .. }
            | Map::Change { shape, .. }
            | Map::Rate { shape, .. } => shape.reach(),
            Map::RateOfSum { .. } | Map::Total { .. } => Shape::Additive.reach(),
        }
    }
}

impl Shape {
    /// e^700 is near the largest double.
    fn reach(self) -> f64 {
        match self {
            Shape::Log => 700.0,
            Shape::Additive => f64::MAX,
        }
    }
}

/// A goal's test on one statistic.
#[derive(Debug, Clone, Copy)]
pub(super) struct Test {
    goal: Goal,
    map: Map,
    /// Within ±reach the level is finite and the interval below is exact.
    reach: f64,
    lo: f64,
    hi: f64,
}

impl Test {
    pub(super) fn new(map: Map, goal: Goal) -> Test {
        let mut test = Test {
            goal,
            map,
            reach: map.reach(),
            lo: f64::INFINITY,
            hi: f64::NEG_INFINITY,
        };
        // An overflow would break the order: a ceiling is met by infinity.
        while [test.reach, -test.reach]
            .iter()
            .any(|&s| map.level(s).is_infinite() || map.measure(s).value().is_infinite())
        {
            test.reach /= 2.0;
        }
        let reach = test.reach;
        let inside = [map.at_goal(goal.value), 0.0, -reach, reach]
            .into_iter()
            .find(|s| s.abs() <= reach && test.holds_exactly(*s));
        if let Some(inside) = inside {
            let end = |outside: f64| {
                if test.holds_exactly(outside) {
                    outside
                } else {
                    last_holding(|s| test.holds_exactly(s), inside, outside)
                }
            };
            (test.lo, test.hi) = (end(-reach), end(reach));
        }
        test
    }

    /// How the goal's measure follows from the statistic.
    pub(super) fn map(&self) -> Map {
        self.map
    }

    /// Whether the goal holds for statistic `s`: the rule's verdict.
    #[inline]
    pub(super) fn holds(&self, s: f64) -> bool {
        if s.abs() <= self.reach {
            // Both comparisons, without a branch: whether a path meets its
            // goal is a coin toss the processor cannot predict.
            (self.lo <= s) & (s <= self.hi)
        } else {
            self.holds_exactly(s)
        }
    }

    /// Whether the level for statistic `s` does not exist or is not
    /// finite: a path that ends there, as a projection's continuation does.
    pub(super) fn ends(&self, s: f64) -> bool {
        !(s.abs() <= self.reach || self.map.level(s).is_finite())
    }

    /// Whether the measure for statistic `s` does not exist: cheaper than
    /// asking for it, for rates.
    pub(super) fn undefined(&self, s: f64) -> bool {
        let level = self.map.level(s);
        match self.map {
            // An average growth rate exists only between two positive values.
            Map::Rate { first, .. } | Map::RateOfSum { first, .. } => !(first > 0.0 && level > 0.0),
            Map::Change { first, .. } => first <= 0.0 || first.is_nan() || level.is_nan(),
            Map::Level { .. } | Map::Increase { .. } | Map::Total { .. } => level.is_nan(),
        }
    }

    fn holds_exactly(&self, s: f64) -> bool {
        self.map.measure(s).meets(&self.goal)
    }
}

/// The last number on the way from `inside` (where `holds`) to `outside`
/// (where it does not) at which `holds` is still true, for `holds` true on
/// an interval: bisection over the floating-point numbers in order.
fn last_holding(holds: impl Fn(f64) -> bool, inside: f64, outside: f64) -> f64 {
    let (mut yes, mut no) = (ordered(inside), ordered(outside));
    while (yes - no).abs() > 1 {
        let middle = yes + (no - yes) / 2;
        if holds(unordered(middle)) {
            yes = middle;
        } else {
            no = middle;
        }
    }
    unordered(yes)
}

/// A finite double's place among all doubles, as an integer.
fn ordered(x: f64) -> i128 {
    let bits = x.to_bits() as i64;
    i128::from(if bits < 0 { bits ^ i64::MAX } else { bits })
}

fn unordered(place: i128) -> f64 {
    let bits = place as i64;
    f64::from_bits((if bits < 0 { bits ^ i64::MAX } else { bits }) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparison::{self, *};

    fn level(comparison: Comparison, value: f64, shape: Shape, anchor: f64) -> Test {
        Test::new(Map::Level { shape, anchor }, Goal { comparison, value })
    }

    fn rate(comparison: Comparison, value: f64, shape: Shape, anchor: f64) -> Test {
        let map = Map::Rate {
            shape,
            anchor,
            first: 68.0,
            years: 5.0,
        };
        Test::new(map, Goal { comparison, value })
    }

    /// The interval test against the rule itself on many statistics,
    /// including those next to the interval's ends.
    fn agrees(test: &Test) {
        let mut xs: Vec<f64> = (-2000..=2000).map(|i| i as f64 * 0.01).collect();
        for end in [test.lo, test.hi].into_iter().filter(|x| x.is_finite()) {
            let near = |step: i128| unordered(ordered(end) + step);
            xs.extend([end, near(1), near(-1), near(2)]);
        }
        xs.extend([1e3, -1e3, 1e6, -1e6, f64::NAN, f64::INFINITY]);
        for x in xs {
            assert_eq!(test.holds(x), test.holds_exactly(x), "{x} in {test:?}");
        }
    }

    #[test]
    fn floating_point_numbers_in_order() {
        let xs = [
            -1e300,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            1e-300,
            1.0,
            7e200,
        ];
        for pair in xs.windows(2) {
            assert!(ordered(pair[0]) <= ordered(pair[1]), "{pair:?}");
        }
        for x in xs {
            assert_eq!(unordered(ordered(x)).to_bits(), x.to_bits());
        }
        assert_eq!(unordered(ordered(1.0) + 1), 1.0 + f64::EPSILON);
    }

    #[test]
    fn intervals_give_the_rules_verdicts() {
        for shape in [Shape::Log, Shape::Additive] {
            for anchor in [142.8232327168, 0.3, 1e-200, 5e300] {
                agrees(&level(AtLeast, 150.0, shape, anchor));
                agrees(&level(AtMost, 150.0, shape, anchor));
                agrees(&level(About { tolerance: 3.0 }, 60.0, shape, anchor));
            }
            agrees(&level(AtMost, -5.0, shape, -3.0));
        }
        agrees(&rate(AtLeast, 0.16, Shape::Log, 142.8232327168));
        agrees(&rate(
            About { tolerance: 0.01 },
            0.2,
            Shape::Additive,
            160.0,
        ));
        agrees(&rate(AtMost, 0.0, Shape::Additive, 60.0));
    }

    #[test]
    fn intervals_of_changes_increases_totals_and_cumulative_rates() {
        let goal = |comparison, value| Goal { comparison, value };
        let change = Map::Change {
            shape: Shape::Log,
            anchor: 0.4,
            first: 0.5,
        };
        agrees(&Test::new(change, goal(AtMost, -0.135)));
        let increase = Map::Increase {
            shape: Shape::Additive,
            anchor: 2.9,
            first: 2.4,
        };
        agrees(&Test::new(increase, goal(AtLeast, 0.5)));
        agrees(&Test::new(
            Map::Total { plan: 633.6 },
            goal(About { tolerance: 20.0 }, 600.0),
        ));
        let cumulative = Map::RateOfSum {
            plan: 633.6,
            first: 100.0,
            years: 5,
        };
        agrees(&Test::new(cumulative, goal(AtLeast, 0.08)));
        agrees(&Test::new(cumulative, goal(AtMost, 0.0)));
    }

    #[test]
    fn an_exact_goal_holds_at_no_noise() {
        // 120 + 5 × 16 falls short of 200 by float noise; the slack forgives it.
        let firms = (0..5).fold(120.0, |v, _| v + 16.0);
        assert!(level(AtLeast, 200.0, Shape::Additive, firms).holds(0.0));
        let revenue = (0..5).fold(68.0, |v, _| v * 1.16);
        assert!(rate(AtLeast, 0.16, Shape::Log, revenue).holds(0.0));
        // 100 × (1.08 + … + 1.08⁵), summed as a projection sums it.
        let years: Vec<f64> = (1..=5).map(|k| 100.0 * 1.08f64.powi(k)).collect();
        let plan: f64 = years.iter().sum();
        let cumulative = Map::RateOfSum {
            plan,
            first: 100.0,
            years: 5,
        };
        let at_least = |value| Goal {
            comparison: AtLeast,
            value,
        };
        assert!(Test::new(cumulative, at_least(0.08)).holds(0.0));
        assert!(Test::new(Map::Total { plan }, at_least(plan)).holds(0.0));
    }
}
