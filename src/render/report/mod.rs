//! What `dabiao report` is in each form: the document (in `document`), the
//! summary or years table as records, and the JSON object.
//!
//! In JSON, `goals` holds objects with the summary CSV's keys, in its
//! order, then `rate_method` (`endpoint` or `cumulative` for rate goals,
//! null for the others), and with `--odds` `probability` and
//! `probability_se` (in CSV, a last column `probability`), and `series` each metric's points, with
//! `real_value` (at base-year prices) for a metric with a deflator. With
//! several scenarios, each scenario's `scenario`, `goals` and `series` sit
//! in one object of a `scenarios` array, under the same `plan`.

mod document;

use serde_json::{Map, Value, json};

use super::document::Document;
use super::json::{object, plan_object, value};
use super::number::{Precision, number};
use super::records::{
    self, Field, LABEL_COLUMNS, LONG_YEAR_COLUMNS, Records, SUMMARY_COLUMNS, rate_method_key,
    source_key,
};
use super::{Lang, Layout, Misfit, Render, TextOptions, table_name};
use crate::report::{GoalKind, Report};

/// Which of the report's tables to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tables {
    /// One row per goal.
    Summary,
    /// Every metric's value in every year.
    Years,
    /// Both.
    All,
}

impl Tables {
    pub fn summary(self) -> bool {
        matches!(self, Tables::Summary | Tables::All)
    }

    pub fn years(self) -> bool {
        matches!(self, Tables::Years | Tables::All)
    }
}

/// The table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OneTable {
    Summary,
    Years(Layout),
}

impl Render for [Report] {
    type Table = Tables;
    type OneTable = OneTable;

    fn one_table(table: Option<Tables>, layout: Option<Layout>) -> Result<OneTable, Misfit> {
        match (table, layout) {
            (Some(Tables::All), _) => Err(Misfit::EveryTable {
                default: table_name(Tables::Summary),
                other: table_name(Tables::Years),
            }),
            (Some(Tables::Years), layout) => Ok(OneTable::Years(layout.unwrap_or(Layout::Long))),
            (_, Some(_)) => Err(Misfit::Layout),
            (_, None) => Ok(OneTable::Summary),
        }
    }

    fn document(&self, table: Option<Tables>, options: &TextOptions) -> Document {
        document::document(self, table.unwrap_or(Tables::All), options)
    }

    /// One table for all scenarios, told apart by the `scenario` column.
    fn records(&self, table: OneTable) -> Records {
        match table {
            OneTable::Summary => {
                // With --odds, each goal's probability last.
                let with_odds = self.iter().any(Report::has_odds);
                let mut columns = SUMMARY_COLUMNS.to_vec();
                columns.extend(with_odds.then_some("probability"));
                let rows = self.iter().flat_map(|r| {
                    r.goals.iter().map(move |g| {
                        let mut row = records::summary(r, g).to_vec();
                        if with_odds {
                            row.push(records::optional_fraction(g.probability.map(|p| p.value)));
                        }
                        row
                    })
                });
                Records::new(&columns, rows)
            }
            OneTable::Years(Layout::Long) => Records::new(
                &LONG_YEAR_COLUMNS,
                self.iter().flat_map(records::long_years),
            ),
            OneTable::Years(Layout::Wide) => {
                let years: Vec<String> = self
                    .first()
                    .map(|r| r.header.years().map(|y| y.to_string()).collect())
                    .unwrap_or_default();
                let mut columns: Vec<&str> = LABEL_COLUMNS.to_vec();
                columns.extend(years.iter().map(String::as_str));
                let rows = self.iter().flat_map(|report| {
                    report.series.iter().map(move |series| {
                        let mut row = records::labels(&report.header, &series.metric).to_vec();
                        row.extend(series.points.iter().map(|p| Field::Number(p.value)));
                        row
                    })
                });
                Records::new(&columns, rows)
            }
        }
    }

    fn json(&self, table: Option<Tables>, precision: Precision) -> Value {
        let tables = table.unwrap_or(Tables::All);
        let mut root = Map::new();
        if let Some(first) = self.first() {
            root.insert("plan".into(), plan_object(&first.header));
        }
        match self {
            [single] => root.extend(scenario(single, tables, precision)),
            several => {
                let scenarios = several
                    .iter()
                    .map(|r| Value::Object(scenario(r, tables, precision)))
                    .collect();
                root.insert("scenarios".into(), Value::Array(scenarios));
            }
        }
        Value::Object(root)
    }
}

/// A line for each share entered directly that differs from its parts'
/// actual figures; at least two decimals, as the difference is small.
pub fn share_notes(report: &Report, lang: Lang, decimals: usize) -> impl Iterator<Item = String> {
    let shown = move |x: f64| number(x, Precision::Decimals(decimals.max(2)));
    report.share_notes.iter().map(move |note| {
        lang.words().share_note(
            &note.metric.name,
            note.year,
            &shown(note.entered),
            &shown(note.from_parts),
        )
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
            .map(|row| {
                let mut goal = object(&SUMMARY_COLUMNS, records::summary(report, row), precision);
                if let Value::Object(keys) = &mut goal {
                    let method = (row.statement.kind == GoalKind::Rate)
                        .then(|| rate_method_key(row.statement.rate_method));
                    keys.insert("rate_method".into(), method.into());
                    if let Some(p) = row.probability {
                        let fraction = |x: f64| value(Field::Fraction(x), precision);
                        keys.insert("probability".into(), fraction(p.value));
                        keys.insert("probability_se".into(), fraction(p.standard_error));
                    }
                }
                goal
            })
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
                    .enumerate()
                    .map(|(k, p)| {
                        let mut point = json!({
                            "year": p.year,
                            "value": value(Field::Number(p.value), precision),
                            "source": source_key(p.source),
                        });
                        // A deflated metric's value at base-year prices too.
                        if let (Some(real), Value::Object(keys)) = (&s.real, &mut point) {
                            let real = value(Field::Number(real[k]), precision);
                            keys.insert("real_value".into(), real);
                        }
                        point
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
