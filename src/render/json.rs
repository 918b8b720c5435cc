//! JSON: the whole report as one object, for programs.
//!
//! `goals` holds objects with exactly the summary CSV's keys; `series` holds
//! each metric's points. Numbers are JSON numbers, values that do not apply
//! are null, and keys follow the file's order.

use serde_json::{Map, Value, json};

use super::Tables;
use super::number::{Precision, rounded};
use super::records::{self, Field, SUMMARY_COLUMNS};
use crate::report::Report;

pub fn render(report: &Report, tables: Tables, precision: Precision) -> String {
    let value = |field: Field| match field {
        Field::Text(s) => Value::String(s),
        Field::Int(i) => Value::from(i),
        Field::Number(x) => Value::from(rounded(x, precision)),
        Field::Empty => Value::Null,
    };
    let mut root = Map::new();
    root.insert(
        "plan".into(),
        json!({
            "title": report.title,
            "source": report.source,
            "base_year": report.base_year,
            "target_year": report.target_year,
        }),
    );
    root.insert("scenario".into(), Value::String(report.scenario.clone()));
    if tables.summary() {
        let goals = report
            .goals
            .iter()
            .map(|row| {
                let fields = records::summary(report, row);
                let object: Map<String, Value> = SUMMARY_COLUMNS
                    .iter()
                    .map(|k| k.to_string())
                    .zip(fields.into_iter().map(value))
                    .collect();
                Value::Object(object)
            })
            .collect();
        root.insert("goals".into(), Value::Array(goals));
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
                            "value": value(Field::Number(p.value)),
                            "source": p.source.key(),
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
        root.insert("series".into(), Value::Array(series));
    }
    let mut text =
        serde_json::to_string_pretty(&Value::Object(root)).expect("a JSON value always serializes");
    text.push('\n');
    text
}
