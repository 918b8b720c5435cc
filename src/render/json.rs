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
use super::records::{self, Field, SUMMARY_COLUMNS};
use crate::report::Report;

pub fn render(reports: &[Report], tables: Tables, precision: Precision) -> String {
    let mut root = Map::new();
    if let Some(first) = reports.first() {
        root.insert(
            "plan".into(),
            json!({
                "title": first.title,
                "source": first.source,
                "base_year": first.base_year,
                "target_year": first.target_year,
            }),
        );
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
    let mut text =
        serde_json::to_string_pretty(&Value::Object(root)).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// One scenario's `scenario`, `description` (when it has one), `goals` and `series`.
fn scenario(report: &Report, tables: Tables, precision: Precision) -> Map<String, Value> {
    let value = |field: Field| match field {
        Field::Text(s) => Value::String(s),
        Field::Int(i) => Value::from(i),
        Field::Number(x) => Value::from(rounded(x, precision)),
        Field::Fraction(x) => Value::from(rounded(x, fraction_precision(precision))),
        Field::Empty => Value::Null,
    };
    let mut object = Map::new();
    object.insert("scenario".into(), Value::String(report.scenario.clone()));
    if let Some(description) = &report.description {
        object.insert("description".into(), Value::String(description.clone()));
    }
    if tables.summary() {
        let goals = report
            .goals
            .iter()
            .map(|row| {
                let fields = records::summary(report, row);
                let goal: Map<String, Value> = SUMMARY_COLUMNS
                    .iter()
                    .map(|k| k.to_string())
                    .zip(fields.into_iter().map(value))
                    .collect();
                Value::Object(goal)
            })
            .collect();
        object.insert("goals".into(), Value::Array(goals));
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
        object.insert("series".into(), Value::Array(series));
    }
    object
}
