//! Several plans in each form (`report` and `review` of many files), and
//! `report --by-status`.
//!
//! Each plan is rendered as a run on it alone renders it, and the plans are
//! told apart by name: CSV, workbooks and JSON hold one table of every
//! plan's records with a first field `plan`; the terminal table and
//! Markdown give each plan its sections under its name, or, where each plan
//! shows a single table (`report --table summary`), one table whose first
//! column names the plan. Plans need not share their columns (a binding
//! column, actual figures, other years): each column is placed once, after
//! the column it follows in the plan that has it, and a plan without it
//! leaves its cells empty.

use serde_json::{Map, Value};

use super::document::{Body, Cell, Document, Grid, Section, goal_prefix, goal_text, plain};
use super::json::{Items, Json, object};
use super::records::{Field, Records, goal_figure, goal_kind_key, op_key};
use super::{Layout, Misfit, Nothing, Precision, Render, Sheet, TextOptions, Words, no_layout};
use crate::report::ReportHeader;
use crate::report::plans::{PlanReport, StatusTally, TallyRow};

/// The field and column that name the plan.
const PLAN_KEY: &str = "plan";

impl<T> Render for [PlanReport<T>]
where
    [T]: Render,
    <[T] as Render>::OneTable: Copy,
{
    type TableChoice = <[T] as Render>::TableChoice;
    type OneTable = <[T] as Render>::OneTable;

    fn one_table(
        table: Option<Self::TableChoice>,
        layout: Option<Layout>,
    ) -> Result<Self::OneTable, Misfit> {
        <[T]>::one_table(table, layout)
    }

    fn one_grid(table: Option<Self::TableChoice>) -> bool {
        <[T]>::one_grid(table)
    }

    fn document(&self, table: Option<Self::TableChoice>, options: &TextOptions) -> Document {
        let words = options.lang.words();
        let documents = self
            .iter()
            .map(|plan| (plan.name.as_str(), plan.reports.document(table, options)));
        let sections = if <[T]>::one_grid(table) {
            one_table(documents, words)
        } else {
            documents
                .flat_map(|(name, document)| plan_sections(name, document))
                .collect()
        };
        Document {
            title: None,
            preamble: vec![words.plan_count(self.len())],
            sections,
        }
    }

    fn sheets(table: Option<Self::TableChoice>) -> Result<Vec<(Self::OneTable, Sheet)>, Misfit> {
        <[T]>::sheets(table)
    }

    /// Each plan's records of `table`, after the plan's name.
    fn records(&self, table: Self::OneTable) -> Records<'_> {
        let parts: Vec<Records<'_>> = self.iter().map(|p| p.reports.records(table)).collect();
        let (columns, places) = union(parts.iter().map(|r| r.columns.as_slice()));
        let width = columns.len() + 1;
        let rows = self
            .iter()
            .zip(parts)
            .zip(places)
            .flat_map(move |((plan, part), places)| {
                part.rows.map(move |fields| {
                    let mut row = vec![Field::Empty; width];
                    row[0] = Field::Text(&plan.name);
                    for (field, &at) in fields.into_iter().zip(&places) {
                        row[at + 1] = field;
                    }
                    row
                })
            });
        Records {
            columns: std::iter::once(PLAN_KEY.to_owned())
                .chain(columns)
                .collect(),
            rows: Box::new(rows),
        }
    }

    /// Several plans have no one title: a workbook names none.
    fn headers(&self) -> Vec<&ReportHeader> {
        Vec::new()
    }

    /// `plans`: each plan's name (`plan`) with what its own JSON says of it
    /// once (its `plan` object's title and years, its scenario, method,
    /// …); then each array its own JSON holds (`goals`, `series`,
    /// `scenarios`, …), the plans' items in one array, each item opening
    /// with the plan's name.
    fn json(&self, table: Option<Self::TableChoice>, precision: Precision) -> Json<'_> {
        let mut plans = Vec::with_capacity(self.len());
        let mut arrays: Vec<(&'static str, Vec<Part<'_>>)> = Vec::new();
        for plan in self {
            let mut about = Map::new();
            about.insert(PLAN_KEY.to_owned(), Value::String(plan.name.clone()));
            for (key, member) in members(plan.reports.json(table, precision)) {
                let part = match member {
                    Json::Array(items) => Part::Items(plan.name.clone(), items),
                    Json::Value(Value::Array(values)) => Part::Values(plan.name.clone(), values),
                    Json::Value(Value::Object(fields)) if key == PLAN_KEY => {
                        about.extend(fields);
                        continue;
                    }
                    Json::Value(value) => {
                        about.insert(key.to_owned(), value);
                        continue;
                    }
                    nested @ (Json::Object(_) | Json::Field(..)) => {
                        let value = serde_json::to_value(&nested).unwrap_or(Value::Null);
                        about.insert(key.to_owned(), value);
                        continue;
                    }
                };
                match arrays.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, parts)) => parts.push(part),
                    None => arrays.push((key, vec![part])),
                }
            }
            plans.push(Value::Object(about));
        }
        let mut root = vec![("plans", Json::Value(Value::Array(plans)))];
        for (key, parts) in arrays {
            root.push((
                key,
                Json::array(move || {
                    let each: Vec<Box<dyn Iterator<Item = Json<'_>> + '_>> =
                        parts.iter().map(Part::items).collect();
                    each.into_iter().flatten()
                }),
            ));
        }
        Json::Object(root)
    }
}

/// A plan's share of one of the arrays of the JSON of several plans.
enum Part<'a> {
    /// Items made as they are written, and the plan's name.
    Items(String, Items<'a>),
    /// Items already made (a few notes), and the plan's name.
    Values(String, Vec<Value>),
}

impl<'a> Part<'a> {
    /// The items, each opening with the plan's name.
    fn items(&self) -> Box<dyn Iterator<Item = Json<'a>> + 'a> {
        match self {
            Part::Items(name, items) => {
                let name = name.clone();
                Box::new(items().map(move |item| named(&name, item)))
            }
            Part::Values(name, values) => {
                let name = name.clone();
                let values = values.clone();
                Box::new(
                    values
                        .into_iter()
                        .map(move |value| named(&name, Json::Value(value))),
                )
            }
        }
    }
}

/// `item` with the plan's name as its first member, when it is an object.
fn named<'a>(name: &str, item: Json<'a>) -> Json<'a> {
    let name = Value::String(name.to_owned());
    match item {
        Json::Value(Value::Object(fields)) => {
            let mut object = Map::new();
            object.insert(PLAN_KEY.to_owned(), name);
            object.extend(fields);
            Json::Value(Value::Object(object))
        }
        Json::Object(mut members) => {
            members.insert(0, (PLAN_KEY, name.into()));
            Json::Object(members)
        }
        other => other,
    }
}

/// The members of a report's JSON object; a report that is not an object
/// is its one member.
fn members(json: Json<'_>) -> Vec<(&'static str, Json<'_>)> {
    match json {
        Json::Object(members) => members,
        other => vec![("report", other)],
    }
}

/// The columns of several tables, each once: a column not yet placed goes
/// after the one it follows in its own table. Then, for each table, where
/// each of its columns is among them.
fn union<'c>(tables: impl Iterator<Item = &'c [String]> + Clone) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut all: Vec<String> = Vec::new();
    for columns in tables.clone() {
        let mut next = 0;
        for column in columns {
            next = match all.iter().position(|c| c == column) {
                Some(at) => at + 1,
                None => {
                    all.insert(next, column.clone());
                    next + 1
                }
            };
        }
    }
    let places = tables
        .map(|columns| {
            columns
                .iter()
                .map(|column| all.iter().position(|c| c == column).unwrap_or_default())
                .collect()
        })
        .collect();
    (all, places)
}

/// A plan's sections under its name: the lines its document opens with,
/// then its own sections, each heading led by the plan's name.
fn plan_sections(name: &str, document: Document) -> Vec<Section> {
    let opening = document
        .title
        .into_iter()
        .chain(document.preamble)
        .collect();
    let mut sections = vec![Section {
        heading: Some(name.to_owned()),
        body: Body::Lines(opening),
    }];
    sections.extend(document.sections.into_iter().map(|section| Section {
        heading: Some(match section.heading {
            Some(heading) => format!("{name} · {heading}"),
            None => name.to_owned(),
        }),
        body: section.body,
    }));
    sections
}

/// The plans' tables as one, its first column naming the plan of each row;
/// the lines under each plan's table, under it, each led by the plan's name.
fn one_table<'n>(
    documents: impl Iterator<Item = (&'n str, Document)>,
    words: &dyn Words,
) -> Vec<Section> {
    let mut heading = None;
    let mut grids: Vec<(&str, Grid)> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (name, document) in documents {
        for section in document.sections {
            if let Body::Table { grid, note } = section.body {
                heading = heading.or(section.heading);
                let lines = note.iter().flat_map(|note| note.lines());
                notes.extend(lines.map(|line| words.labelled(name, line)));
                grids.push((name, grid));
            }
        }
    }
    if grids.is_empty() {
        return Vec::new();
    }
    let (columns, places) = union(grids.iter().map(|(_, grid)| grid.header.as_slice()));
    let width = columns.len() + 1;
    let mut numeric = vec![false; width];
    let mut drop_order: Vec<usize> = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for ((name, grid), places) in grids.into_iter().zip(&places) {
        for (&at, &is_numeric) in places.iter().zip(&grid.numeric) {
            numeric[at + 1] |= is_numeric;
        }
        for column in grid.drop_order.iter().filter_map(|&d| places.get(d)) {
            if !drop_order.contains(&(column + 1)) {
                drop_order.push(column + 1);
            }
        }
        for cells in grid.rows {
            let mut row = vec![plain(""); width];
            row[0] = plain(name);
            for (cell, &at) in cells.into_iter().zip(places) {
                row[at + 1] = cell;
            }
            rows.push(row);
        }
    }
    let header = std::iter::once(words.plan_header().to_owned())
        .chain(columns)
        .collect();
    vec![Section {
        heading,
        body: Body::Table {
            grid: Grid {
                header,
                rows,
                numeric,
                drop_order,
            },
            note: (!notes.is_empty()).then(|| notes.join("\n")),
        },
    }]
}

/// The columns of `report --by-status` in CSV and a workbook, and the keys
/// of each goal in JSON. `op` and `target` are empty where the plans state
/// the goal each their own way.
const TALLY_COLUMNS: [&str; 8] = [
    "scenario", "metric", "name", "goal", "op", "target", "reached", "plans",
];

fn tally_fields(row: &TallyRow) -> [Field<'_>; 8] {
    let text = Field::Text;
    let count = |n: usize| Field::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let goal = &row.statement.goal;
    let (op, target) = if row.alike {
        (
            text(op_key(goal.comparison)),
            goal_figure(&row.statement, goal.value),
        )
    } else {
        (Field::Empty, Field::Empty)
    };
    [
        text(&row.scenario),
        text(&row.metric.id),
        text(&row.metric.name),
        text(goal_kind_key(row.kind)),
        op,
        target,
        count(row.reached),
        count(row.plans),
    ]
}

impl Render for StatusTally {
    type TableChoice = Nothing;
    type OneTable = ();

    fn one_table(_: Option<Nothing>, layout: Option<Layout>) -> Result<(), Misfit> {
        no_layout(layout)
    }

    /// One section per scenario, each goal with how many plans reach it.
    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        let words = options.lang.words();
        let mut scenarios: Vec<&str> = Vec::new();
        for row in &self.rows {
            if !scenarios.contains(&row.scenario.as_str()) {
                scenarios.push(&row.scenario);
            }
        }
        let sections = scenarios
            .iter()
            .map(|&scenario| {
                let heading = match scenarios.len() {
                    1 => words.by_status_heading().to_owned(),
                    _ => format!("{} · {scenario}", words.by_status_heading()),
                };
                let rows = self.rows.iter().filter(|row| row.scenario == scenario);
                Section::table(heading, tally_grid(rows, options), None)
            })
            .collect();
        Document {
            title: None,
            preamble: vec![words.plan_count(self.plans)],
            sections,
        }
    }

    fn sheets(_: Option<Nothing>) -> Result<Vec<((), Sheet)>, Misfit> {
        Ok(vec![((), Sheet::ByStatus)])
    }

    fn records(&self, (): ()) -> Records<'_> {
        Records::new(&TALLY_COLUMNS, self.rows.iter().map(tally_fields))
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        Vec::new()
    }

    /// `plans`, the number of plans read, then `goals`: the CSV's keys.
    fn json(&self, _: Option<Nothing>, precision: Precision) -> Json<'_> {
        let goals = Json::array(move || {
            self.rows
                .iter()
                .map(move |row| object(&TALLY_COLUMNS, tally_fields(row), precision).into())
        });
        Json::Object(vec![
            ("plans", Value::from(self.plans).into()),
            ("goals", goals),
        ])
    }
}

/// A row per goal: the metric, the goal, and how many plans reach it.
fn tally_grid<'r>(rows: impl Iterator<Item = &'r TallyRow>, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let rows = rows
        .map(|row| {
            let goal = if row.alike {
                goal_text(&row.statement, words, Some(options.decimals()))
            } else {
                words.own_targets(goal_prefix(&row.statement, words))
            };
            vec![
                plain(row.metric.name.clone()),
                plain(goal),
                plain(words.plans_reaching(row.reached, row.plans)),
            ]
        })
        .collect();
    Grid {
        header: vec![
            words.metric().to_owned(),
            words.goal().to_owned(),
            words.plans_reaching_header().to_owned(),
        ],
        rows,
        numeric: vec![false, false, true],
        drop_order: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::union;

    fn columns(text: &str) -> Vec<String> {
        text.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn each_column_is_placed_once_after_the_one_it_follows() {
        let tables = [
            columns("metric,2016,2017,2018"),
            columns("metric,2015,2016,2017"),
            columns("metric,type,2016,2017,2018,2019"),
        ];
        let (all, places) = union(tables.iter().map(Vec::as_slice));
        assert_eq!(all, columns("metric,type,2015,2016,2017,2018,2019"));
        assert_eq!(
            places,
            [vec![0, 3, 4, 5], vec![0, 2, 3, 4], vec![0, 1, 3, 4, 5, 6]]
        );
    }
}
