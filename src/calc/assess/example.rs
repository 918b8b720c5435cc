//! Hand-built goals for the methods' tests: a plan from 2015 to 2020.

use super::{Assessment, Case, Class, Method, assess};
use crate::calc::trend::Pace;
use crate::plan::{Comparison, Goal};

pub(super) struct Example {
    pub plan_path: Vec<f64>,
    pub history: Vec<(i32, f64)>,
    pub actual: Vec<(i32, f64)>,
    pub goal: Goal,
    pub pace: Pace,
}

impl Example {
    /// `baseline` growing `rate` a year, stepped as a projection steps it.
    pub(super) fn compound(baseline: f64, rate: f64) -> Example {
        Example::stepped(baseline, Pace::Compound, |v| v * (1.0 + rate))
    }

    /// 100 growing 10 % a year (110, 121, 133.1, 146.41, 161.051 by 2020),
    /// with its 2020 value as a floor.
    pub(super) fn ten_percent_up() -> Example {
        Example::compound(100.0, 0.1).at_least(161.051)
    }

    /// 100 falling 10 % a year (90, 81, 72.9, 65.61, 59.049 by 2020), with
    /// its 2020 value as a ceiling.
    pub(super) fn ten_percent_down() -> Example {
        Example::compound(100.0, -0.1).at_most(59.049)
    }

    /// 520 growing 2.5 % a year (559.98 by 2018) under a ceiling of 600
    /// that the baseline already respects.
    pub(super) fn capped() -> Example {
        Example::compound(520.0, 0.025).at_most(600.0)
    }

    /// `baseline` rising `increment` a year.
    pub(super) fn linear(baseline: f64, increment: f64) -> Example {
        Example::stepped(baseline, Pace::Linear, |v| v + increment)
    }

    fn stepped(baseline: f64, pace: Pace, step: impl Fn(f64) -> f64) -> Example {
        let plan_path = std::iter::successors(Some(baseline), |v| Some(step(*v)))
            .take(6)
            .collect();
        Example {
            plan_path,
            history: Vec::new(),
            actual: Vec::new(),
            goal: Goal {
                comparison: Comparison::AtLeast,
                value: baseline,
            },
            pace,
        }
    }

    pub(super) fn at_least(self, value: f64) -> Example {
        self.goal(Comparison::AtLeast, value)
    }

    pub(super) fn at_most(self, value: f64) -> Example {
        self.goal(Comparison::AtMost, value)
    }

    pub(super) fn goal(self, comparison: Comparison, value: f64) -> Example {
        Example {
            goal: Goal { comparison, value },
            ..self
        }
    }

    pub(super) fn history(self, figures: &[(i32, f64)]) -> Example {
        Example {
            history: figures.to_vec(),
            ..self
        }
    }

    pub(super) fn actual(self, figures: &[(i32, f64)]) -> Example {
        Example {
            actual: figures.to_vec(),
            ..self
        }
    }

    /// The example with one actual figure.
    pub(super) fn at(self, year: i32, value: f64) -> Example {
        self.actual(&[(year, value)])
    }

    pub(super) fn case(&self) -> Case<'_> {
        Case {
            base_year: 2015,
            target_year: 2020,
            plan_path: &self.plan_path,
            history: &self.history,
            actual: &self.actual,
            goal: self.goal,
            pace: self.pace,
        }
    }

    pub(super) fn assess(&self, method: Method) -> Assessment {
        assess(method, &self.case()).expect("the example has actual figures")
    }

    pub(super) fn class(&self, method: Method) -> Class {
        self.assess(method).class
    }
}

/// The class `method` gives each example.
pub(super) fn classes(method: Method, examples: &[Example]) -> Vec<Class> {
    examples.iter().map(|e| e.class(method)).collect()
}
