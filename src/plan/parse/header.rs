//! The `[plan]` table: base and target year, which every per-year list and
//! actual figure is checked against.

use toml::{Spanned, Value};

use super::locate::Locator;
use super::raw::RawHeader;
use crate::plan::error::Problems;
use crate::plan::{Fault, Found, MAX_HORIZON, Problem};

/// base_year and target_year, when both are usable.
pub(super) fn years(
    header: Option<&Spanned<RawHeader>>,
    locator: &Locator,
    problems: &mut Problems,
) -> Option<(i32, i32)> {
    let Some(header) = header else {
        problems.push(Problem::new(Fault::NoPlanTable));
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
                    Fault::MissingYear {
                        field: field.to_owned(),
                    },
                );
                None
            }
            Some(v) => match v.get_ref() {
                Value::Integer(y) if (1..=9999).contains(y) => Some(*y as i32),
                other => {
                    problems.report(
                        locator.locate(v.span()),
                        Fault::NotAYear {
                            found: Found::of(other),
                        },
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
        problems.report(line, Fault::TargetNotAfterBase { base, target });
        return None;
    }
    if target - base > MAX_HORIZON {
        problems.report(
            line,
            Fault::TooLong {
                base,
                target,
                max: MAX_HORIZON,
            },
        );
        return None;
    }
    Some((base, target))
}
