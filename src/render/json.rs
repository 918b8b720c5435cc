//! JSON: the whole report as one object, for programs.
//!
//! `goals` holds objects with exactly the summary CSV's keys; `series` holds
//! each metric's points. Numbers are JSON numbers, values that do not apply
//! are null, and keys follow the file's order. With several scenarios, each
//! scenario's `scenario`, `goals` and `series` sit in one object of a
//! `scenarios` array, under the same `plan`.

use serde_json::{Map, Value, json};

use super::Tables;
use super::number::{Precision, fraction_precision, rounded};
use super::records::{self, Field, SUMMARY_COLUMNS, source_key};
use crate::report::{Report, ReportHeader};

pub fn render(reports: &[Report], tables: Tables, precision: Precision) -> String {
    let mut root = Map::new();
    if let Some(first) = reports.first() {
        root.insert("plan".into(), plan_object(&first.header));
    }
    match reports {
        [single] => root.extend(scenario(single, tables, precision)),
        several => {
            let scenarios = several
                .iter()
                .map(|r| Value::Object(scenario(r, tables, precision)))
                .collect();
            root.insert("scenarios".into(), Value::Array(scenarios));
        }
    }
    to_text(&Value::Object(root))
}

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

/// One scenario's `scenario`, `description` (when it has one), `goals` and `series`.
fn scenario(report: &Report, tables: Tables, precision: Precision) -> Map<String, Value> {
    let mut scenario = Map::new();
    scenario.insert(
        "scenario".into(),
        Value::String(report.header.scenario.clone()),
    );
    if let Some(description) = &report.header.description {
        scenario.insert("description".into(), Value::String(description.clone()));
    }
    if tables.summary() {
        let goals = report
            .goals
            .iter()
            .map(|row| object(&SUMMARY_COLUMNS, records::summary(report, row), precision))
            .collect();
        scenario.insert("goals".into(), Value::Array(goals));
    }
    if !report.share_notes.is_empty() {
        let notes = report
            .share_notes
            .iter()
            .map(|note| {
                json!({
                    "metric": note.metric.id,
                    "year": note.year,
                    "entered": value(Field::Number(note.entered), precision),
                    "from_parts": value(Field::Number(note.from_parts_reported()), precision),
                })
            })
            .collect();
        scenario.insert("notes".into(), Value::Array(notes));
    }
    if tables.years() {
        let series = report
            .series
            .iter()
            .map(|s| {
                let points: Vec<Value> = s
                    .points
                    .iter()
                    .map(|p| {
                        json!({
                            "year": p.year,
                            "value": value(Field::Number(p.value), precision),
                            "source": source_key(p.source),
                        })
                    })
                    .collect();
                json!({
                    "metric": s.metric.id,
                    "name": s.metric.name,
                    "unit": s.metric.unit,
                    "points": points,
                })
            })
            .collect();
        scenario.insert("series".into(), Value::Array(series));
    }
    scenario
}
