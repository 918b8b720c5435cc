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
