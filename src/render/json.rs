//! JSON: each report as one object, for programs. Numbers are JSON numbers,
//! values that do not apply are null, and keys keep the order they are
//! written in; every object opens with the same `plan`.
//!
//! A report is written as it is produced ([`Json`]): each goal, point or
//! grid cell is made into a small value, written and dropped, so that the
//! output of 100,000 metrics is never held as one value or one string. The
//! many small objects of a long table are not even built as values: their
//! fields are written as they are converted ([`Json::Field`]).

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use super::number::{Precision, fraction_precision, rounded, telling};
use super::records::Field;
use crate::report::ReportHeader;

/// JSON to be written: small values built whole, and arrays made one item
/// at a time while they are written.
pub enum Json<'a> {
    /// A value small enough to build whole: the `plan` object.
    Value(Value),
    /// A field of a record, written as `value` would make it.
    Field(Field<'a>, Precision),
    /// An object, its members in order.
    Object(Vec<(&'static str, Json<'a>)>),
    /// An array, its items made as they are written.
    Array(Items<'a>),
}

/// Makes an array's items, each time the array is written.
pub type Items<'a> = Box<dyn Fn() -> Box<dyn Iterator<Item = Json<'a>> + 'a> + 'a>;

impl<'a> Json<'a> {
    /// An array of what `items` makes, when it is written.
    pub fn array<I>(items: impl Fn() -> I + 'a) -> Json<'a>
    where
        I: IntoIterator<Item = Json<'a>>,
        I::IntoIter: 'a,
    {
        Json::Array(Box::new(move || Box::new(items().into_iter())))
    }
}

impl From<Value> for Json<'_> {
    fn from(value: Value) -> Self {
        Json::Value(value)
    }
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Value(value) => value.serialize(serializer),
            Json::Field(field, precision) => serialize_field(field, *precision, serializer),
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Json::Array(items) => serializer.collect_seq(items()),
        }
    }
}

/// Writes `json` as pretty text with a final newline, as it is produced.
pub(super) fn write(json: &Json, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, json)?;
    out.write_all(b"\n")
}

/// A field as JSON: numbers as numbers (null when no double holds them),
/// missing values as null.
fn serialize_field<S: Serializer>(
    field: &Field,
    precision: Precision,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match field {
        Field::Text(s) => serializer.serialize_str(s),
        Field::Int(i) => serializer.serialize_i64(*i),
        Field::Number(x) => serializer.serialize_f64(rounded(*x, precision)),
        Field::Fraction(x) => serializer.serialize_f64(rounded(*x, fraction_precision(precision))),
        Field::Stated { x, .. } => serializer.serialize_f64(*x),
        Field::Missed {
            x,
            fraction,
            unlike,
        } => serializer.serialize_f64(rounded(*x, telling(*x, *fraction, unlike, precision))),
        Field::Bool(b) => serializer.serialize_bool(*b),
        Field::Empty => serializer.serialize_unit(),
    }
}

/// A field as a JSON value, for objects small enough to build whole.
pub(super) fn value(field: Field, precision: Precision) -> Value {
    // Building a value cannot fail; null would be what a failure reads as.
    serde_json::to_value(Json::Field(field, precision)).unwrap_or(Value::Null)
}

/// An object of `keys` and `fields`, paired in order.
pub(super) fn object<'a>(
    keys: &[&str],
    fields: impl IntoIterator<Item = Field<'a>>,
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
pub(super) fn plan_object(header: &ReportHeader) -> Value {
    json!({
        "title": header.title,
        "source": header.source,
        "base_year": header.base_year,
        "target_year": header.target_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is streamed reads exactly as the same value written whole.
    #[test]
    fn streamed_json_is_the_text_of_the_whole_value() {
        let items = [json!({"a": 1.5, "b": null}), json!([]), json!("x")];
        let streamed = Json::Object(vec![
            ("plan", json!({"title": "t"}).into()),
            ("empty", Json::array(std::iter::empty)),
            (
                "items",
                Json::array(|| items.iter().cloned().map(Json::from)),
            ),
        ]);
        let whole = json!({"plan": {"title": "t"}, "empty": [], "items": items});
        let mut out = Vec::new();
        write(&streamed, &mut out).unwrap();
        let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
