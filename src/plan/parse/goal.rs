//! A metric's goals: `target` on its level, `rate_target` on its average
//! growth, each a plain value (at least) or a table naming the comparison.

use toml::Value;

use super::value::{number, show};
use crate::plan::rate::parse_rate;
use crate::plan::{Comparison, Goal, GoalKind};

pub(super) fn goal(value: &Value, kind: GoalKind) -> Result<Goal, String> {
    let amount = |v: &Value| match kind {
        GoalKind::Level => number(v),
        GoalKind::Rate => parse_rate(v).and_then(|r| {
            if r <= -1.0 {
                Err("a rate goal must be above -100 %".to_owned())
            } else {
                Ok(r)
            }
        }),
    };
    let tolerance = |v: &Value| {
        let t = match kind {
            GoalKind::Level => number(v),
            GoalKind::Rate => parse_rate(v),
        }?;
        if t < 0.0 {
            return Err(format!("tolerance must not be negative, found {}", show(v)));
        }
        Ok(t)
    };
    let table = match value {
        Value::Table(table) => table,
        Value::String(text) if kind == GoalKind::Level => {
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
                value: amount(plain)?,
            });
        }
    };
    const KEYS: [&str; 4] = ["at_least", "at_most", "about", "tolerance"];
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
    let goal_value = amount(&table[*op]).map_err(|msg| format!("`{op}`: {msg}"))?;
    let comparison = match (*op, table.get("tolerance")) {
        ("about", Some(t)) => Comparison::About {
            tolerance: tolerance(t).map_err(|msg| format!("`tolerance`: {msg}"))?,
        },
        ("about", None) => {
            let example = match kind {
                GoalKind::Level => "{ about = 60, tolerance = 3 }",
                GoalKind::Rate => "{ about = \"20%\", tolerance = \"1%\" }",
            };
            return Err(format!(
                "`about` needs a `tolerance`, the accepted distance either side: \
                 for example {example}"
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
            goal(&read("150"), GoalKind::Level),
            Ok(Goal {
                comparison: Comparison::AtLeast,
                value: 150.0
            })
        );
        assert_eq!(
            goal(&read("{ at_most = \"5%\" }"), GoalKind::Rate),
            Ok(Goal {
                comparison: Comparison::AtMost,
                value: 0.05
            })
        );
        assert_eq!(
            goal(&read("{ about = 60, tolerance = 3 }"), GoalKind::Level),
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
                GoalKind::Rate,
                "`about` needs a `tolerance`, the accepted distance either side: \
                 for example { about = \"20%\", tolerance = \"1%\" }",
            ),
            (
                "{ at_least = 1, at_most = 2 }",
                GoalKind::Level,
                "give exactly one of `at_least`, `at_most` or `about`, found `at_least`, `at_most`",
            ),
            (
                "{ at_least = 1, tolerance = 2 }",
                GoalKind::Level,
                "`tolerance` applies only to `about` goals; remove it or write `about` instead of `at_least`",
            ),
            (
                "{ about = 1, tolerance = -2 }",
                GoalKind::Level,
                "`tolerance`: tolerance must not be negative, found -2",
            ),
            (
                "\"150\"",
                GoalKind::Level,
                "expected a number, found the string \"150\"; remove the quotes",
            ),
            (
                "\"-100%\"",
                GoalKind::Rate,
                "a rate goal must be above -100 %",
            ),
            (
                "{ least = 1 }",
                GoalKind::Level,
                "unknown key `least`; a goal table takes one of `at_least`, `at_most`, \
                 or `about` with `tolerance`",
            ),
        ];
        for (text, kind, expected) in refusals {
            assert_eq!(goal(&read(text), kind), Err(expected.to_owned()), "{text}");
        }
    }
}
