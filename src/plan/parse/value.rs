//! Numbers and names as a plan writes them, and how a message shows them.

use toml::Value;

/// A finite number; a number in quotes is refused with the fix.
pub(super) fn number(value: &Value) -> Result<f64, String> {
    match value {
        Value::Integer(i) => Ok(*i as f64),
        Value::Float(x) if x.is_finite() => Ok(*x),
        Value::Float(x) => Err(format!("{x} is not a finite number; give a real value")),
        Value::String(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => Err(format!(
            "expected a number, found the string \"{s}\"; remove the quotes"
        )),
        other => Err(format!("expected a number, found {}", show(other))),
    }
}

/// A value as a message names what was found.
pub(super) fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("the string \"{s}\""),
        Value::Integer(i) => i.to_string(),
        Value::Float(x) => format!("{x:?}"),
        Value::Array(_) => "an array".to_owned(),
        other => format!("a {}", other.type_str()),
    }
}

/// Whether `text` can name a metric or scenario: it is used in CSV, JSON and
/// on the command line.
pub(super) fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The ids a message offers as choices, the first dozen of a long list.
pub(super) fn known_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut list = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(", … ({} in all)", ids.len()));
    }
    list
}
