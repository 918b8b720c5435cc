//! The `[plan]` table: base and target year, which every per-year list and
//! actual figure is checked against.

use toml::{Spanned, Value};

use super::locate::Locator;
use super::raw::RawHeader;
use super::value::show;
use crate::plan::error::Problems;
use crate::plan::{MAX_HORIZON, Problem};

/// base_year and target_year, when both are usable.
pub(super) fn years(
    header: Option<&Spanned<RawHeader>>,
    locator: &Locator,
    problems: &mut Problems,
) -> Option<(i32, i32)> {
    let Some(header) = header else {
        problems.push(Problem::new(
            "missing [plan] table; add one with base_year and target_year, \
             for example base_year = 2015 and target_year = 2020",
        ));
        return None;
    };
    let header_line = locator.locate(header.span());
    let mut year = |field: &str, value: &Option<Spanned<Value>>| {
        let scoped_field = format!("plan.{field}");
        let mut scope = problems.scope();
        let mut problems = scope.in_field(&scoped_field);
        match value {
            None => {
                problems.report(
                    header_line.clone(),
                    format!("missing; add `{field} = <year>` to [plan]"),
                );
                None
            }
            Some(v) => match v.get_ref() {
                Value::Integer(y) if (1..=9999).contains(y) => Some(*y as i32),
                other => {
                    problems.report(
                        locator.locate(v.span()),
                        format!(
                            "expected a year, a whole number between 1 and 9999, found {}",
                            show(other)
                        ),
                    );
                    None
                }
            },
        }
    };
    let header = header.get_ref();
    let base = year("base_year", &header.base_year);
    let target = year("target_year", &header.target_year);
    let (base, target) = (base?, target?);
    let line = header
        .target_year
        .as_ref()
        .map_or(header_line, |v| locator.locate(v.span()));
    let mut scope = problems.scope();
    let mut problems = scope.in_field("plan.target_year");
    if target <= base {
        problems.report(
            line,
            format!("target_year {target} must come after base_year {base}"),
        );
        return None;
    }
    if target - base > MAX_HORIZON {
        problems.report(
            line,
            format!(
                "{base}–{target} spans {} years; a plan may span at most {MAX_HORIZON}",
                target - base
            ),
        );
        return None;
    }
    Some((base, target))
}
