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

/// A text of the plan (a title, a name, a unit) as every output shows it:
/// with its control characters escaped, once, where it is read.
pub(super) fn shown(text: &str) -> String {
    crate::plan::escape_controls(text).into_owned()
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
pub fn known_ids<S: AsRef<str>>(ids: &[S]) -> String {
    const SHOWN: usize = 12;
    let mut list = ids
        .iter()
        .take(SHOWN)
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(", … ({} in all)", ids.len()));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_refuse_quotes_and_infinities_with_the_fix() {
        assert_eq!(number(&Value::Integer(450)), Ok(450.0));
        assert_eq!(
            number(&Value::String(" 450 ".into())),
            Err("expected a number, found the string \" 450 \"; remove the quotes".into())
        );
        assert_eq!(
            number(&Value::String("abc".into())),
            Err("expected a number, found the string \"abc\"".into())
        );
        assert_eq!(
            number(&Value::Float(f64::INFINITY)),
            Err("inf is not a finite number; give a real value".into())
        );
        assert_eq!(
            number(&Value::Boolean(true)),
            Err("expected a number, found a boolean".into())
        );
    }

    #[test]
    fn ids_and_long_id_lists() {
        assert!(is_id("服务业-2_投资"));
        assert!(!is_id("gdp.growth") && !is_id("a b") && !is_id(""));
        let ids: Vec<String> = (1..=13).map(|i| format!("m{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(
            known_ids(&ids),
            "m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, … (13 in all)"
        );
        assert_eq!(known_ids(&ids[..2]), "m1, m2");
    }
}
