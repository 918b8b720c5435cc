//! One goal as a plan writes it: a plain value (at least), or a table
//! naming the comparison, with its amounts in the goal's own terms; and a
//! rate goal's second form, in step with another metric's growth.

use toml::Value;

use super::value::number;
use crate::plan::rate::{parse_change, parse_percent_points, parse_rate};
use crate::plan::{Comparison, Fault, Found, Goal};

/// How a goal's amounts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Terms {
    /// In the metric's unit: a number (level, increase and total goals).
    Unit,
    /// In a share's unit, percent (a ratio of scale 100): a number, or a
    /// percent string meaning as many of that unit ("3%" is 3).
    Share,
    /// An average annual rate: 0.16 or "16%", above -100 %.
    Rate,
    /// A change over the plan years: -0.135 or "-13.5%", above -100 %.
    Change,
}

impl Terms {
    /// A goal's value in these terms.
    fn amount(self, value: &Value) -> Result<f64, Fault> {
        let fraction = match self {
            Terms::Unit => return number(value),
            Terms::Share => return share_amount(value),
            Terms::Rate => parse_rate(value)?,
            Terms::Change => parse_change(value)?,
        };
        if fraction > -1.0 {
            return Ok(fraction);
        }
        Err(match self {
            Terms::Change => Fault::ChangeGoalWipesOut,
            _ => Fault::RateGoalWipesOut,
        })
    }

    /// An `about` goal's tolerance in these terms: not negative.
    fn tolerance(self, value: &Value) -> Result<f64, Fault> {
        let tolerance = match self {
            Terms::Unit => number(value),
            Terms::Share => share_amount(value),
            Terms::Rate => parse_rate(value),
            Terms::Change => parse_change(value),
        }?;
        if tolerance < 0.0 {
            return Err(Fault::NegativeTolerance {
                found: Found::of(value),
            });
        }
        Ok(tolerance)
    }

    /// An `about` goal as these terms write it.
    fn about_example(self) -> &'static str {
        match self {
            Terms::Unit | Terms::Share => "{ about = 60, tolerance = 3 }",
            Terms::Rate | Terms::Change => "{ about = \"20%\", tolerance = \"1%\" }",
        }
    }
}

/// A share's amount: a number, or a percent string in the share's unit.
fn share_amount(value: &Value) -> Result<f64, Fault> {
    match value {
        Value::String(text) => parse_percent_points(text).unwrap_or_else(|| number(value)),
        _ => number(value),
    }
}

/// The keys a goal table may hold.
const KEYS: [&str; 4] = ["at_least", "at_most", "about", "tolerance"];

/// The key of a rate goal's in-step form.
const IN_STEP: &str = "in_step_with";

/// A `rate_target` as written: a rate, or in step with another metric.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RateTarget {
    Stated(Goal),
    /// At least the rate of the metric named `with`, less `tolerance`.
    InStep {
        with: String,
        tolerance: f64,
    },
}

pub(super) fn rate_target(value: &Value) -> Result<RateTarget, Fault> {
    match value {
        Value::Table(table) if table.contains_key(IN_STEP) => {
            let stated: Vec<&str> = KEYS[..3]
                .iter()
                .copied()
                .filter(|k| table.contains_key(*k))
                .collect();
            if let Some(op) = stated.first() {
                return Err(Fault::InStepAndStated {
                    op: (*op).to_owned(),
                });
            }
            if let Some(unknown) = table
                .keys()
                .find(|k| ![IN_STEP, "tolerance"].contains(&k.as_str()))
            {
                return Err(Fault::InStepUnknownKey {
                    key: unknown.clone(),
                });
            }
            let Some(with) = table[IN_STEP].as_str() else {
                return Err(Fault::InStepNotAnId {
                    found: Found::of(&table[IN_STEP]),
                });
            };
            let tolerance = match table.get("tolerance") {
                Some(t) => Terms::Rate
                    .tolerance(t)
                    .map_err(|fault| in_key("tolerance", fault))?,
                None => 0.0,
            };
            Ok(RateTarget::InStep {
                with: with.to_owned(),
                tolerance,
            })
        }
        _ => goal(value, Terms::Rate).map(RateTarget::Stated),
    }
}

/// `fault` of the value under `key`.
fn in_key(key: &str, fault: Fault) -> Fault {
    Fault::InKey {
        key: key.to_owned(),
        fault: Box::new(fault),
    }
}

pub(super) fn goal(value: &Value, terms: Terms) -> Result<Goal, Fault> {
    let table = match value {
        Value::Table(table) => table,
        Value::String(text) if terms == Terms::Unit => {
            return Err(match number(value) {
                Err(quoted) if text.trim().parse::<f64>().is_ok() => quoted,
                _ => Fault::NotAGoal {
                    found: Found::of(value),
                },
            });
        }
        plain => {
            return Ok(Goal {
                comparison: Comparison::AtLeast,
                value: terms.amount(plain)?,
            });
        }
    };
    if table.contains_key(IN_STEP) {
        return Err(Fault::InStepOutsideRate);
    }
    if let Some(unknown) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(Fault::UnknownGoalKey {
            key: unknown.clone(),
        });
    }
    let given: Vec<&str> = KEYS[..3]
        .iter()
        .copied()
        .filter(|k| table.contains_key(*k))
        .collect();
    let [op] = given.as_slice() else {
        return Err(Fault::GoalOps {
            given: given.iter().map(|k| (*k).to_owned()).collect(),
        });
    };
    let goal_value = terms
        .amount(&table[*op])
        .map_err(|fault| in_key(op, fault))?;
    let comparison = match (*op, table.get("tolerance")) {
        ("about", Some(t)) => Comparison::About {
            tolerance: terms
                .tolerance(t)
                .map_err(|fault| in_key("tolerance", fault))?,
        },
        ("about", None) => {
            return Err(Fault::AboutWithoutTolerance {
                example: terms.about_example(),
            });
        }
        (_, Some(_)) => {
            return Err(Fault::ToleranceWithoutAbout {
                op: (*op).to_owned(),
            });
        }
        ("at_least", None) => Comparison::AtLeast,
        _ => Comparison::AtMost,
    };
    Ok(Goal {
        comparison,
        value: goal_value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(toml_value: &str) -> Value {
        toml::from_str::<toml::Table>(&format!("v = {toml_value}")).unwrap()["v"].clone()
    }

    #[test]
    fn plain_values_are_at_least_and_tables_name_the_comparison() {
        assert_eq!(
            goal(&read("150"), Terms::Unit),
            Ok(Goal {
                comparison: Comparison::AtLeast,
                value: 150.0
            })
        );
        assert_eq!(
            goal(&read("{ at_most = \"5%\" }"), Terms::Rate),
            Ok(Goal {
                comparison: Comparison::AtMost,
                value: 0.05
            })
        );
        assert_eq!(
            goal(&read("{ at_most = \"-13.5%\" }"), Terms::Change),
            Ok(Goal {
                comparison: Comparison::AtMost,
                value: -0.135
            })
        );
        assert_eq!(
            goal(&read("{ about = 60, tolerance = 3 }"), Terms::Unit),
            Ok(Goal {
                comparison: Comparison::About { tolerance: 3.0 },
                value: 60.0
            })
        );
    }

    #[test]
    fn a_share_in_percent_may_write_its_amounts_with_a_percent_sign() {
        assert_eq!(
            goal(
                &read("{ about = \"3%\", tolerance = \"0.2%\" }"),
                Terms::Share
            ),
            Ok(Goal {
                comparison: Comparison::About { tolerance: 0.2 },
                value: 3.0
            })
        );
        assert_eq!(goal(&read("2.5"), Terms::Share).map(|g| g.value), Ok(2.5));
        assert_eq!(
            goal(&read("\"3\""), Terms::Share).map_err(|f| f.to_string()),
            Err("expected a number, found the string \"3\"; remove the quotes".to_owned())
        );
        assert_eq!(
            goal(&read("\"3%\""), Terms::Unit).map_err(|f| f.to_string()),
            Err(
                "expected a number or a table such as { at_least = 150 }, found the string \"3%\""
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_rate_goal_may_keep_pace_with_another_metric() {
        let in_step = |text| rate_target(&read(text));
        assert_eq!(
            in_step("{ in_step_with = \"gdp\", tolerance = \"0.5%\" }")
                .as_ref()
                .ok(),
            Some(&RateTarget::InStep {
                with: "gdp".to_owned(),
                tolerance: 0.005
            })
        );
        assert_eq!(
            in_step("\"5%\"").as_ref().ok(),
            Some(&RateTarget::Stated(Goal {
                comparison: Comparison::AtLeast,
                value: 0.05
            }))
        );
        let refusals = [
            (
                "{ in_step_with = \"gdp\", at_least = \"5%\" }",
                "`in_step_with` and `at_least` are two forms of one rate goal; give either the \
                 rate (`at_least`) or the metric whose growth to keep pace with (`in_step_with`)",
            ),
            (
                "{ in_step_with = \"gdp\", tolerence = \"1%\" }",
                "unknown key `tolerence`; a rate goal in step with another metric takes \
                 `in_step_with` and, if it may fall short, `tolerance`",
            ),
            (
                "{ in_step_with = 1 }",
                "`in_step_with`: expected the id of another metric in quotes, such as \"gdp\", \
                 found 1",
            ),
            (
                "{ in_step_with = \"gdp\", tolerance = \"-1%\" }",
                "`tolerance`: tolerance must not be negative, found the string \"-1%\"",
            ),
        ];
        for (text, expected) in refusals {
            assert_eq!(
                in_step(text).map_err(|f| f.to_string()),
                Err(expected.to_owned()),
                "{text}"
            );
        }
        assert_eq!(
            goal(&read("{ in_step_with = \"gdp\" }"), Terms::Change).map_err(|f| f.to_string()),
            Err("`in_step_with` states a rate goal: write it in `rate_target`".to_owned())
        );
    }

    #[test]
    fn refusals_say_what_to_write() {
        let refusals = [
            (
                "{ about = \"20%\" }",
                Terms::Rate,
                "`about` needs a `tolerance`, the accepted distance either side: \
                 for example { about = \"20%\", tolerance = \"1%\" }",
            ),
            (
                "{ at_least = 1, at_most = 2 }",
                Terms::Unit,
                "give exactly one of `at_least`, `at_most` or `about`, found `at_least`, `at_most`",
            ),
            (
                "{ at_least = 1, tolerance = 2 }",
                Terms::Unit,
                "`tolerance` applies only to `about` goals; remove it or write `about` instead of `at_least`",
            ),
            (
                "{ about = 1, tolerance = -2 }",
                Terms::Unit,
                "`tolerance`: tolerance must not be negative, found -2",
            ),
            (
                "\"150\"",
                Terms::Unit,
                "expected a number, found the string \"150\"; remove the quotes",
            ),
            ("\"-100%\"", Terms::Rate, "a rate goal must be above -100 %"),
            (
                "{ at_most = \"-100%\" }",
                Terms::Change,
                "`at_most`: a change of -100 % or less would wipe the value out; \
                 a change goal must be above -100 %",
            ),
            (
                "{ least = 1 }",
                Terms::Unit,
                "unknown key `least`; a goal table takes one of `at_least`, `at_most`, \
                 or `about` with `tolerance`",
            ),
        ];
        for (text, terms, expected) in refusals {
            assert_eq!(
                goal(&read(text), terms).map_err(|f| f.to_string()),
                Err(expected.to_owned()),
                "{text}"
            );
        }
    }
}
