//! Numbers and names as a plan writes them, and how a message shows them.

use toml::Value;

use crate::plan::{Fault, Found};

/// A finite number; a number in quotes is refused with the fix.
pub(super) fn number(value: &Value) -> Result<f64, Fault> {
    match value {
        Value::Integer(i) => Ok(*i as f64),
        Value::Float(x) if x.is_finite() => Ok(*x),
        Value::Float(x) => Err(Fault::NotFinite {
            value: x.to_string(),
        }),
        Value::String(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            Err(Fault::QuotedNumber { text: s.clone() })
        }
        other => Err(Fault::NotANumber {
            found: Found::of(other),
        }),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_refuse_quotes_and_infinities_with_the_fix() {
        assert_eq!(number(&Value::Integer(450)), Ok(450.0));
        assert_eq!(
            number(&Value::String(" 450 ".into())),
            Err(Fault::QuotedNumber {
                text: " 450 ".into()
            })
        );
        assert_eq!(
            number(&Value::String("abc".into())),
            Err(Fault::NotANumber {
                found: Found::Text("abc".into())
            })
        );
        assert_eq!(
            number(&Value::Float(f64::INFINITY)),
            Err(Fault::NotFinite {
                value: "inf".into()
            })
        );
        assert_eq!(
            number(&Value::Boolean(true)),
            Err(Fault::NotANumber {
                found: Found::Other(crate::plan::Kind::Boolean)
            })
        );
    }

    #[test]
    fn ids() {
        assert!(is_id("服务业-2_投资"));
        assert!(!is_id("gdp.growth") && !is_id("a b") && !is_id(""));
    }
}
