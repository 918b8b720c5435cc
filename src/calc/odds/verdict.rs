//! Each goal's verdict in a given year, as an interval of the metric's noise.
//!
//! A metric's value is monotone in its noise x, and every goal holds on an
//! interval of values (a floor, a ceiling, a band; a rate rises with the
//! value), so in each year a goal holds on an interval of x. Its ends are
//! found once, by bisection on the goal rule itself (`noise::level_satisfies`
//! or `noise::rate_satisfies`, the one home of the slack), down to adjacent
//! floating-point numbers: testing a path is then two comparisons instead of
//! an exponential and a power, and gives exactly the rule's verdict. Outside
//! the range where the value stays finite, the rule is asked directly.

use super::layout::Shape;
use crate::calc::noise::{level_satisfies, rate_satisfies};
use crate::plan::{Goal, GoalKind};

/// A goal's test in one year.
#[derive(Debug, Clone, Copy)]
pub(super) struct Test {
    kind: GoalKind,
    goal: Goal,
    shape: Shape,
    /// The metric's path value this year.
    anchor: f64,
    /// The metric's base-year value, where a rate starts.
    start: f64,
    /// The years a rate is averaged over.
    years: f64,
    /// Within ±reach the value is finite and the interval below is exact.
    reach: f64,
    lo: f64,
    hi: f64,
}

impl Test {
    pub(super) fn new(
        kind: GoalKind,
        goal: Goal,
        shape: Shape,
        anchor: f64,
        start: f64,
        years: usize,
    ) -> Test {
        let mut test = Test {
            kind,
            goal,
            shape,
            anchor,
            start,
            years: years as f64,
            reach: match shape {
                Shape::Log => 700.0,
                Shape::Additive => f64::MAX,
            },
            lo: f64::INFINITY,
            hi: f64::NEG_INFINITY,
        };
        // An overflow would break the order: a ceiling is met by infinity.
        while [test.reach, -test.reach]
            .iter()
            .any(|&x| test.judged(x).is_infinite())
        {
            test.reach /= 2.0;
        }
        let reach = test.reach;
        let inside = [test.at_goal(), 0.0, -reach, reach]
            .into_iter()
            .find(|x| x.abs() <= reach && test.holds_exactly(*x));
        if let Some(inside) = inside {
            let end = |outside: f64| {
                if test.holds_exactly(outside) {
                    outside
                } else {
                    last_holding(|x| test.holds_exactly(x), inside, outside)
                }
            };
            (test.lo, test.hi) = (end(-reach), end(reach));
        }
        test
    }

    /// Whether the goal holds for noise `x`: the rule's verdict.
    #[inline]
    pub(super) fn holds(&self, x: f64) -> bool {
        if x.abs() <= self.reach {
            // Both comparisons, without a branch: whether a path meets its
            // goal is a coin toss the processor cannot predict.
            (self.lo <= x) & (x <= self.hi)
        } else {
            self.holds_exactly(x)
        }
    }

    /// Whether the value for noise `x` does not exist or is not finite: a
    /// path that ends there, as a projection's continuation does.
    pub(super) fn ends(&self, x: f64) -> bool {
        !(x.abs() <= self.reach || self.value(x).is_finite())
    }

    /// Whether the judged value for noise `x` does not exist.
    pub(super) fn undefined(&self, x: f64) -> bool {
        match self.kind {
            // Within reach a level is a finite number.
            GoalKind::Level if x.abs() <= self.reach => false,
            GoalKind::Level => self.value(x).is_nan(),
            GoalKind::Rate => !self.has_rate(self.value(x)),
        }
    }

    /// An average growth rate exists only between two positive values.
    fn has_rate(&self, value: f64) -> bool {
        self.start > 0.0 && value > 0.0
    }

    fn holds_exactly(&self, x: f64) -> bool {
        let judged = self.judged(x);
        let Goal { comparison, value } = self.goal;
        match self.kind {
            GoalKind::Level => level_satisfies(comparison, judged, value),
            GoalKind::Rate => rate_satisfies(comparison, judged, value),
        }
    }

    fn value(&self, x: f64) -> f64 {
        self.shape.value(self.anchor, x)
    }

    /// The value a goal is judged on: the level, or the average annual rate
    /// (unrounded: the rule's slack covers float noise).
    fn judged(&self, x: f64) -> f64 {
        let value = self.value(x);
        match self.kind {
            GoalKind::Level => value,
            GoalKind::Rate if self.has_rate(value) => {
                (value / self.start).powf(1.0 / self.years) - 1.0
            }
            GoalKind::Rate => f64::NAN,
        }
    }

    /// The noise that gives the goal's own value, where the goal holds if
    /// anywhere (NaN when no noise gives it).
    fn at_goal(&self) -> f64 {
        let level = match self.kind {
            GoalKind::Level => self.goal.value,
            GoalKind::Rate => self.start * (1.0 + self.goal.value).powf(self.years),
        };
        match self.shape {
            Shape::Log => (level / self.anchor).ln(),
            Shape::Additive => level - self.anchor,
        }
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
        Test::new(
            GoalKind::Level,
            Goal { comparison, value },
            shape,
            anchor,
            1.0,
            5,
        )
    }

    /// The interval test against the rule itself on many noises, including
    /// those next to the interval's ends.
    fn agrees(test: &Test) {
        let mut xs: Vec<f64> = (-2000..=2000).map(|i| i as f64 * 0.01).collect();
        for end in [test.lo, test.hi].into_iter().filter(|x| x.is_finite()) {
            let near = |step: i128| unordered(ordered(end) + step);
            xs.extend([end, near(1), near(-1), near(2)]);
        }
        xs.extend([1e3, -1e3, f64::NAN, f64::INFINITY]);
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
        let rate = |comparison, value, shape, anchor| {
            Test::new(
                GoalKind::Rate,
                Goal { comparison, value },
                shape,
                anchor,
                68.0,
                5,
            )
        };
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
    fn an_exact_goal_holds_at_no_noise() {
        // 120 + 5 × 16 falls short of 200 by float noise; the slack forgives it.
        let firms = (0..5).fold(120.0, |v, _| v + 16.0);
        assert!(level(AtLeast, 200.0, Shape::Additive, firms).holds(0.0));
        let revenue = (0..5).fold(68.0, |v, _| v * 1.16);
        let rate = Test::new(
            GoalKind::Rate,
            Goal {
                comparison: AtLeast,
                value: 0.16,
            },
            Shape::Log,
            revenue,
            68.0,
            5,
        );
        assert!(rate.holds(0.0));
    }
}
