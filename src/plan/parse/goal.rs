//! One goal as a plan writes it: a plain value (at least), or a table
//! naming the comparison, with its amounts in the goal's own terms.

use toml::Value;

use super::value::{number, show};
use crate::plan::rate::{parse_change, parse_rate};
use crate::plan::{Comparison, Goal};

/// How a goal's amounts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Terms {
    /// In the metric's unit: a number (level, increase and total goals).
    Unit,
    /// An average annual rate: 0.16 or "16%", above -100 %.
    Rate,
    /// A change over the plan years: -0.135 or "-13.5%", above -100 %.
    Change,
}

impl Terms {
    /// A goal's value in these terms.
    fn amount(self, value: &Value) -> Result<f64, String> {
        let fraction = match self {
            Terms::Unit => return number(value),
            Terms::Rate => parse_rate(value)?,
            Terms::Change => parse_change(value)?,
        };
        if fraction > -1.0 {
            return Ok(fraction);
        }
        Err(match self {
            Terms::Change => "a change of -100 % or less would wipe the value out; \
                              a change goal must be above -100 %"
                .to_owned(),
            _ => "a rate goal must be above -100 %".to_owned(),
        })
    }

    /// An `about` goal's tolerance in these terms: not negative.
    fn tolerance(self, value: &Value) -> Result<f64, String> {
        let tolerance = match self {
            Terms::Unit => number(value),
            Terms::Rate => parse_rate(value),
            Terms::Change => parse_change(value),
        }?;
        if tolerance < 0.0 {
            return Err(format!(
                "tolerance must not be negative, found {}",
                show(value)
            ));
        }
        Ok(tolerance)
    }

    /// An `about` goal as these terms write it.
    fn about_example(self) -> &'static str {
        match self {
            Terms::Unit => "{ about = 60, tolerance = 3 }",
            Terms::Rate | Terms::Change => "{ about = \"20%\", tolerance = \"1%\" }",
        }
    }
}

/// The keys a goal table may hold.
const KEYS: [&str; 4] = ["at_least", "at_most", "about", "tolerance"];

pub(super) fn goal(value: &Value, terms: Terms) -> Result<Goal, String> {
    let table = match value {
        Value::Table(table) => table,
        Value::String(text) if terms == Terms::Unit => {
            return Err(match number(value) {
                Err(quoted) if text.trim().parse::<f64>().is_ok() => quoted,
                _ => format!(
                    "expected a number or a table such as {{ at_least = 150 }}, found {}",
                    show(value)
                ),
            });
        }
        plain => {
            return Ok(Goal {
                comparison: Comparison::AtLeast,
                value: terms.amount(plain)?,
            });
        }
    };
    if let Some(unknown) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "unknown key `{unknown}`; a goal table takes one of `at_least`, `at_most`, \
             or `about` with `tolerance`"
        ));
    }
    let given: Vec<&str> = KEYS[..3]
        .iter()
        .copied()
        .filter(|k| table.contains_key(*k))
        .collect();
    let [op] = given.as_slice() else {
        return Err(format!(
            "give exactly one of `at_least`, `at_most` or `about`, found {}",
            if given.is_empty() {
                "none".to_owned()
            } else {
                format!("`{}`", given.join("`, `"))
            }
        ));
    };
    let goal_value = terms
        .amount(&table[*op])
        .map_err(|msg| format!("`{op}`: {msg}"))?;
    let comparison = match (*op, table.get("tolerance")) {
        ("about", Some(t)) => Comparison::About {
            tolerance: terms
                .tolerance(t)
                .map_err(|msg| format!("`tolerance`: {msg}"))?,
        },
        ("about", None) => {
            return Err(format!(
                "`about` needs a `tolerance`, the accepted distance either side: \
                 for example {}",
                terms.about_example()
            ));
        }
        (_, Some(_)) => {
            return Err(format!(
                "`tolerance` applies only to `about` goals; remove it or write `about` instead of `{op}`"
            ));
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
            assert_eq!(goal(&read(text), terms), Err(expected.to_owned()), "{text}");
        }
    }
}
