//! What `dabiao report` is in each form: the document (in `document`), the
//! summary or years table as records, and the JSON object.
//!
//! In JSON, `goals` holds objects with the summary CSV's keys, in its
//! order, then `rate_method` (`endpoint` or `cumulative` for rate goals,
//! null for the others), and with `--odds` `probability` and
//! `probability_se` (in CSV, a last column `probability`); and `series`
//! each metric's points, with
//! `real_value` (at base-year prices) for a metric with a deflator, and its
//! `trend` when the plan took its growth or increment from the history.
//! With several scenarios, each scenario's `scenario`, `goals` and `series`
//! sit in one object of a `scenarios` array, under the same `plan`.

mod document;

use serde_json::{Value, json};

use super::document::Document;
use super::json::{Json, plan_object, value};
use super::number::{DEFAULT_DECIMALS, Precision, needed_decimals, number, written_decimals};
use super::records::{
    self, Field, LABEL_COLUMNS, LONG_YEAR_COLUMNS, Records, SCHEDULE_COLUMN, SUMMARY_COLUMNS,
    rate_method_key, source_key,
};
use super::{Lang, Layout, Misfit, Render, Sheet, TextOptions, chosen, table_name};
use crate::report::{DerivedTrend, GoalKind, GoalReport, Pace, ReportHeader, estimator_name};

/// Which of the report's tables to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GoalTableChoice {
    /// One row per goal.
    Summary,
    /// Every metric's value in every year.
    Years,
    /// Both.
    All,
}

impl GoalTableChoice {
    fn summary(self) -> bool {
        matches!(self, GoalTableChoice::Summary | GoalTableChoice::All)
    }

    fn years(self) -> bool {
        matches!(self, GoalTableChoice::Years | GoalTableChoice::All)
    }
}

/// The table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OneTable {
    /// One row per goal.
    Summary,
    /// Every metric's value in every year, laid out long or wide.
    Years(Layout),
}

impl Render for [GoalReport] {
    type TableChoice = GoalTableChoice;
    type OneTable = OneTable;

    fn one_table(
        table: Option<GoalTableChoice>,
        layout: Option<Layout>,
    ) -> Result<OneTable, Misfit> {
        match (table, layout) {
            (Some(GoalTableChoice::All), _) => Err(Misfit::EveryTable {
                default: table_name(GoalTableChoice::Summary),
                other: table_name(GoalTableChoice::Years),
            }),
            (Some(GoalTableChoice::Years), layout) => {
                Ok(OneTable::Years(layout.unwrap_or(Layout::Long)))
            }
            (_, Some(_)) => Err(Misfit::Layout),
            (_, None) => Ok(OneTable::Summary),
        }
    }

    fn sheets(table: Option<GoalTableChoice>) -> Result<Vec<(OneTable, Sheet)>, Misfit> {
        let tables = table.unwrap_or(GoalTableChoice::All);
        let summary = (OneTable::Summary, Sheet::Goals);
        // A spreadsheet shows a metric's years side by side.
        let years = (OneTable::Years(Layout::Wide), Sheet::Years);
        Ok(chosen([
            (tables.summary(), summary),
            (tables.years(), years),
        ]))
    }

    fn one_grid(table: Option<GoalTableChoice>) -> bool {
        table == Some(GoalTableChoice::Summary)
    }

    fn document(&self, table: Option<GoalTableChoice>, options: &TextOptions) -> Document {
        document::document(self, table.unwrap_or(GoalTableChoice::All), options)
    }

    /// One table for all scenarios, told apart by the `scenario` column.
    fn records(&self, table: OneTable) -> Records<'_> {
        match table {
            OneTable::Summary => {
                // With --odds, each goal's probability; then its schedule.
                let with_odds = self.iter().any(GoalReport::has_odds);
                let mut columns = SUMMARY_COLUMNS.to_vec();
                columns.extend(with_odds.then_some("probability"));
                columns.push(SCHEDULE_COLUMN);
                let rows = self.iter().flat_map(move |r| {
                    r.goals.iter().map(move |g| {
                        let mut row = records::summary(r, g).to_vec();
                        if with_odds {
                            row.push(records::optional_fraction(g.probability.map(|p| p.value)));
                        }
                        row.push(records::schedule(g));
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
                        row.extend(
                            series
                                .points
                                .iter()
                                .map(|p| records::figure(p.value, p.stated)),
                        );
                        row
                    })
                });
                Records::new(&columns, rows)
            }
        }
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    fn json(&self, table: Option<GoalTableChoice>, precision: Precision) -> Json<'_> {
        let tables = table.unwrap_or(GoalTableChoice::All);
        let mut root = Vec::new();
        if let Some(first) = self.first() {
            root.push(("plan", plan_object(&first.header).into()));
        }
        match self {
            [single] => root.extend(scenario(single, tables, precision)),
            several => root.push((
                "scenarios",
                Json::array(move || {
                    several
                        .iter()
                        .map(move |r| Json::Object(scenario(r, tables, precision)))
                }),
            )),
        }
        Json::Object(root)
    }
}

/// A line for each share entered directly that differs from its parts'
/// actual figures: the share as entered, the parts' ratio with the
/// decimals `precision` asks (two at least, as the difference is small),
/// else as many as it needs and at least the entered share's.
pub(crate) fn share_notes(
    report: &GoalReport,
    lang: Lang,
    precision: Option<usize>,
) -> impl Iterator<Item = String> {
    report.share_notes.iter().map(move |note| {
        let decimals = precision.map_or_else(
            || needed_decimals(note.from_parts, written_decimals(note.entered)),
            |asked| asked.max(DEFAULT_DECIMALS),
        );
        lang.words().share_note(
            &note.metric.name,
            note.year,
            &number(note.entered, Precision::Full),
            &number(note.from_parts, Precision::Decimals(decimals)),
        )
    })
}

/// One scenario's `scenario`, `description` (when it has one), `goals` and
/// `series`, the goals and series made as they are written.
fn scenario(
    report: &GoalReport,
    tables: GoalTableChoice,
    precision: Precision,
) -> Vec<(&'static str, Json<'_>)> {
    let mut scenario = vec![(
        "scenario",
        Value::String(report.header.scenario.clone()).into(),
    )];
    if let Some(description) = &report.header.description {
        scenario.push(("description", Value::String(description.clone()).into()));
    }
    if tables.summary() {
        let goals = Json::array(move || {
            report.goals.iter().map(move |row| {
                let field = |field| Json::Field(field, precision);
                let mut goal: Vec<_> = SUMMARY_COLUMNS
                    .into_iter()
                    .zip(records::summary(report, row).map(field))
                    .collect();
                // The CSV's last column, before what JSON alone adds.
                goal.push((SCHEDULE_COLUMN, field(records::schedule(row))));
                let method = (row.statement.kind == GoalKind::Rate)
                    .then(|| rate_method_key(row.statement.rate_method));
                goal.push((
                    "rate_method",
                    field(method.map_or(Field::Empty, Field::Text)),
                ));
                if let Some(p) = row.probability {
                    goal.push(("probability", field(Field::Fraction(p.value))));
                    goal.push(("probability_se", field(Field::Fraction(p.standard_error))));
                }
                Json::Object(goal)
            })
        });
        scenario.push(("goals", goals));
    }
    if !report.share_notes.is_empty() {
        let notes = report
            .share_notes
            .iter()
            .map(|note| {
                json!({
                    "metric": note.metric.id,
                    "year": note.year,
                    "entered": value(
                        Field::Stated {
                            x: note.entered,
                            fraction: false,
                        },
                        precision,
                    ),
                    "from_parts": value(Field::Number(note.from_parts_reported()), precision),
                })
            })
            .collect();
        scenario.push(("notes", Value::Array(notes).into()));
    }
    if tables.years() {
        let series = Json::array(move || {
            report.series.iter().map(move |s| {
                let field = move |field| Json::Field(field, precision);
                let points = Json::array(move || {
                    s.points.iter().enumerate().map(move |(k, p)| {
                        let mut point = vec![
                            ("year", field(Field::Int(p.year.into()))),
                            ("value", field(records::figure(p.value, p.stated))),
                            ("source", field(Field::Text(source_key(p.source)))),
                        ];
                        // A deflated metric's value at base-year prices too.
                        if let Some(real) = s.real.as_ref().and_then(|real| real.get(k)) {
                            point.push(("real_value", field(Field::Number(*real))));
                        }
                        Json::Object(point)
                    })
                });
                let mut object = vec![
                    ("metric", field(Field::Text(&s.metric.id))),
                    ("name", field(Field::Text(&s.metric.name))),
                    ("unit", field(Field::Text(&s.metric.unit))),
                    ("points", points),
                ];
                if let Some(trend) = &s.trend {
                    object.push(("trend", trend_object(trend, precision).into()));
                }
                Json::Object(object)
            })
        });
        scenario.push(("series", series));
    }
    scenario
}

/// A growth or increment taken from the history: the estimator, the rate
/// (a fraction for a compound metric, the yearly increment in the metric's
/// unit for a linear one), the figures it rests on, and R² for least squares.
fn trend_object(trend: &DerivedTrend, precision: Precision) -> Value {
    let found = &trend.found;
    let rate = match found.rate.pace {
        Pace::Compound => Field::Fraction(found.rate.per_year),
        Pace::Linear => Field::Number(found.rate.per_year),
    };
    json!({
        "estimator": estimator_name(trend.estimator),
        "rate": value(rate, precision),
        "points": found.points,
        "from_year": found.from_year,
        "to_year": found.to_year,
        "r_squared": found.r_squared.map_or(Value::Null, |r| value(Field::Fraction(r), precision)),
    })
}
