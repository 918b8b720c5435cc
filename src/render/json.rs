//! JSON: each report as one object, for programs. Numbers are JSON numbers,
//! values that do not apply are null, and keys keep the order they are
//! written in; every object opens with the same `plan`.

use serde_json::{Value, json};

use super::number::{Precision, fraction_precision, rounded};
use super::records::Field;
use crate::report::ReportHeader;

/// Pretty JSON text with a final newline.
pub fn to_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// A field as a JSON value: numbers as numbers, missing values as null.
pub fn value(field: Field, precision: Precision) -> Value {
    match field {
        Field::Text(s) => Value::String(s),
        Field::Int(i) => Value::from(i),
        Field::Number(x) => Value::from(rounded(x, precision)),
        Field::Fraction(x) => Value::from(rounded(x, fraction_precision(precision))),
        Field::Bool(b) => Value::Bool(b),
        Field::Empty => Value::Null,
    }
}

/// An object of `keys` and `fields`, paired in order.
pub fn object(
    keys: &[&str],
    fields: impl IntoIterator<Item = Field>,
    precision: Precision,
) -> Value {
    Value::Object(
        keys.iter()
            .map(|k| k.to_string())
            .zip(fields.into_iter().map(|f| value(f, precision)))
            .collect(),
    )
}

/// The `plan` object that opens every JSON output.
pub fn plan_object(header: &ReportHeader) -> Value {
    json!({
        "title": header.title,
        "source": header.source,
        "base_year": header.base_year,
        "target_year": header.target_year,
    })
}
