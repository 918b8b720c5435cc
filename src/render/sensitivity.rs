//! What `dabiao sensitivity` is in each form: the document drawn by the
//! table and Markdown writers, the grid or break-even table as records, and
//! the JSON object, which holds both.

use serde_json::Value;

use super::document::{
    Cell, Document, Grid, Section, goal_text, judged_cell, opening, plain, points_text,
    scenario_lines, section_heading,
};
use super::json::{self, Json};
use super::number::{Precision, percent, percent_shortest};
use super::records::{Field, Records, goal_kind_key, judged, status_key};
use super::{Layout, Misfit, Render, Sheet, TextOptions, Words, chosen, no_layout, table_name};
use crate::report::sensitivity::{BreakEvenPoint, SensitivityReport, SensitivityRow};
use crate::report::{ReportHeader, Status};

/// The grid CSV's header; in `--metric` mode the fourth column is `rate`.
fn grid_columns(reports: &[SensitivityReport]) -> [&'static str; 6] {
    let point = if is_uniform(reports) { "shift" } else { "rate" };
    ["scenario", "metric", "goal", point, "projected", "status"]
}

const BREAK_EVEN_COLUMNS: [&str; 5] = [
    "scenario",
    "metric",
    "goal",
    "break_even_shift",
    "break_even_rate",
];

fn is_uniform(reports: &[SensitivityReport]) -> bool {
    reports.first().is_none_or(|r| r.swept_metric.is_none())
}

/// One record per goal and point.
fn grid_records(report: &SensitivityReport) -> impl Iterator<Item = [Field<'_>; 6]> + '_ {
    report.rows.iter().flat_map(move |row| {
        report
            .points
            .iter()
            .zip(&row.cells)
            .map(move |(point, cell)| {
                let (projected, status) = match cell {
                    Some((value, status)) => (
                        judged(row.statement.kind, &row.statement.goal, *status, *value),
                        Field::Text(status_key(*status)),
                    ),
                    None => (Field::Empty, Field::Empty),
                };
                [
                    Field::Text(&report.header.scenario),
                    Field::Text(&row.metric.id),
                    Field::Text(goal_kind_key(row.statement.kind)),
                    Field::Fraction(*point),
                    projected,
                    status,
                ]
            })
    })
}

/// One record per goal.
fn break_even_records(report: &SensitivityReport) -> impl Iterator<Item = [Field<'_>; 5]> + '_ {
    report.rows.iter().map(move |row| {
        let (shift, rate) = match row.break_even {
            BreakEvenPoint::At { shift, rate } => (
                Field::Fraction(shift),
                rate.map_or(Field::Empty, Field::Fraction),
            ),
            _ => (Field::Empty, Field::Empty),
        };
        [
            Field::Text(&report.header.scenario),
            Field::Text(&row.metric.id),
            Field::Text(goal_kind_key(row.statement.kind)),
            shift,
            rate,
        ]
    })
}

/// Why a goal has no break-even point, in words a program can match.
fn reason_key(point: BreakEvenPoint) -> Option<&'static str> {
    match point {
        BreakEvenPoint::At { .. } => None,
        BreakEvenPoint::Unaffected => Some("unaffected"),
        BreakEvenPoint::NoFlip => Some("no_flip_in_range"),
    }
}

/// JSON: `plan`, what was swept, then the grid and break-even records of
/// every scenario (each carries its `scenario`); break-even records add a
/// `reason` when there is no break-even point. Both are made as they are
/// written: the grid may hold millions of cells.
fn json(reports: &[SensitivityReport], precision: Precision) -> Json<'_> {
    let mut root = Vec::new();
    if let Some(first) = reports.first() {
        root.push(("plan", json::plan_object(&first.header).into()));
        let sweep = match &first.swept_metric {
            None => {
                serde_json::json!({ "kind": "shift", "metric": null, "points": first.points })
            }
            Some(m) => {
                serde_json::json!({ "kind": "rate", "metric": m.id, "points": first.points })
            }
        };
        root.push(("sweep", sweep.into()));
    }
    let columns = grid_columns(reports);
    let grid = Json::array(move || {
        reports.iter().flat_map(move |r| {
            grid_records(r).map(move |fields| json::object(&columns, fields, precision).into())
        })
    });
    let break_even = Json::array(move || {
        reports.iter().flat_map(move |r| {
            r.rows
                .iter()
                .zip(break_even_records(r))
                .map(move |(row, fields)| {
                    let mut object = json::object(&BREAK_EVEN_COLUMNS, fields, precision);
                    if let (Value::Object(map), Some(reason)) =
                        (&mut object, reason_key(row.break_even))
                    {
                        map.insert("reason".into(), Value::String(reason.into()));
                    }
                    object.into()
                })
        })
    });
    root.push(("grid", grid));
    root.push(("break_even", break_even));
    Json::Object(root)
}

/// Which of the sensitivity tables to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SensitivityTableChoice {
    /// Every goal at every point.
    Grid,
    /// Where each goal flips.
    BreakEven,
    /// Both.
    All,
}

impl SensitivityTableChoice {
    fn grid(self) -> bool {
        self != SensitivityTableChoice::BreakEven
    }

    fn break_even(self) -> bool {
        self != SensitivityTableChoice::Grid
    }
}

/// The table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OneTable {
    /// One row per goal and point of the sweep.
    Grid,
    /// One row per goal: where it flips.
    BreakEven,
}

impl Render for [SensitivityReport] {
    type TableChoice = SensitivityTableChoice;
    type OneTable = OneTable;

    fn one_table(
        table: Option<SensitivityTableChoice>,
        layout: Option<Layout>,
    ) -> Result<OneTable, Misfit> {
        if table == Some(SensitivityTableChoice::All) {
            return Err(Misfit::EveryTable {
                default: table_name(SensitivityTableChoice::Grid),
                other: table_name(SensitivityTableChoice::BreakEven),
            });
        }
        no_layout(layout)?;
        Ok(match table {
            Some(SensitivityTableChoice::BreakEven) => OneTable::BreakEven,
            _ => OneTable::Grid,
        })
    }

    fn sheets(table: Option<SensitivityTableChoice>) -> Result<Vec<(OneTable, Sheet)>, Misfit> {
        let table = table.unwrap_or(SensitivityTableChoice::All);
        let grid = (OneTable::Grid, Sheet::Sensitivity);
        let break_even = (OneTable::BreakEven, Sheet::BreakEven);
        Ok(chosen([
            (table.grid(), grid),
            (table.break_even(), break_even),
        ]))
    }

    fn document(&self, table: Option<SensitivityTableChoice>, options: &TextOptions) -> Document {
        document(self, options, table.unwrap_or(SensitivityTableChoice::All))
    }

    fn records(&self, table: OneTable) -> Records<'_> {
        match table {
            OneTable::Grid => Records::new(&grid_columns(self), self.iter().flat_map(grid_records)),
            OneTable::BreakEven => Records::new(
                &BREAK_EVEN_COLUMNS,
                self.iter().flat_map(break_even_records),
            ),
        }
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    /// Both tables, whichever is chosen.
    fn json(&self, _: Option<SensitivityTableChoice>, precision: Precision) -> Json<'_> {
        json(self, precision)
    }
}

/// The table and Markdown document: one section per scenario, one row per
/// goal, one column per point, and the break-even point last.
fn document(
    reports: &[SensitivityReport],
    options: &TextOptions,
    table: SensitivityTableChoice,
) -> Document {
    let words = options.lang.words();
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    let about = reports.first().map(|first| match &first.swept_metric {
        None => words.uniform_sweep().to_owned(),
        Some(m) => words.metric_sweep(&m.name, &m.id),
    });
    let mut document = opening(&headers, words, about);
    document.preamble.extend(scenario_lines(&headers, words));
    let several = reports.len() > 1;
    let sections = reports
        .iter()
        .map(|report| {
            let undefined = table.grid()
                && report
                    .rows
                    .iter()
                    .any(|r| r.cells.iter().any(Option::is_none));
            let lines: Vec<&str> = [
                table
                    .break_even()
                    .then(|| words.break_even_legend(report.swept_metric.is_none())),
                undefined.then(|| words.undefined_point()),
            ]
            .into_iter()
            .flatten()
            .collect();
            Section::table(
                section_heading(words.sensitivity_heading(), &report.header, several),
                grid(report, options, table),
                (!lines.is_empty()).then(|| lines.join("\n")),
            )
        })
        .collect();
    document.sections = sections;
    document
}

fn grid(report: &SensitivityReport, options: &TextOptions, table: SensitivityTableChoice) -> Grid {
    let (words, d) = (options.lang.words(), options.decimals());
    let uniform = report.swept_metric.is_none();
    let mut header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
    ];
    if table.grid() {
        header.extend(report.points.iter().map(|&p| {
            if uniform {
                shift_header(p)
            } else {
                percent_shortest(p)
            }
        }));
    }
    if table.break_even() {
        header.push(words.break_even().to_owned());
    }
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                plain(row.metric.name.clone()),
                plain(row.metric.unit.clone()),
                // The rate an in-step goal keeps pace with moves along the sweep.
                plain(goal_text(&row.statement, words, None)),
            ];
            if table.grid() {
                cells.extend(row.cells.iter().map(|cell| point_cell(row, *cell, options)));
            }
            if table.break_even() {
                cells.push(plain(break_even_text(row.break_even, uniform, words, d)));
            }
            cells
        })
        .collect();
    let mut numeric = vec![false, false, false];
    numeric.resize(header_len(&report.points, table), true);
    let mut drop_order = vec![1];
    if table.grid() {
        drop_order.extend(outermost_first(&report.points, uniform).map(|k| 3 + k));
    }
    Grid {
        header,
        rows,
        numeric,
        drop_order,
    }
}

/// The points of a sweep, furthest from its centre first (the later of two
/// as far), the centre never: the plan's own growth (a shift of 0) for a
/// uniform sweep, the middle point for one metric's. Too wide for the
/// terminal, the table leaves out its unit, then its points in this order,
/// and keeps the break-even point.
fn outermost_first(points: &[f64], uniform: bool) -> impl Iterator<Item = usize> + use<> {
    let centre = if uniform {
        (0..points.len())
            .min_by(|&a, &b| points[a].abs().total_cmp(&points[b].abs()))
            .unwrap_or(0)
    } else {
        points.len() / 2
    };
    let mut order: Vec<usize> = (0..points.len()).filter(|&k| k != centre).collect();
    order.sort_by_key(|&k| std::cmp::Reverse((k.abs_diff(centre), k)));
    order.into_iter()
}

fn point_cell(row: &SensitivityRow, cell: Option<(f64, Status)>, options: &TextOptions) -> Cell {
    match cell {
        Some((value, status)) => judged_cell(&row.statement, value, status, options),
        None => plain("—"),
    }
}

fn break_even_text(point: BreakEvenPoint, uniform: bool, words: &dyn Words, d: usize) -> String {
    let points = |shift: f64| points_text(shift, words, d);
    match (point, uniform) {
        (
            BreakEvenPoint::At {
                shift,
                rate: Some(rate),
            },
            true,
        ) => {
            format!("{} → {}", points(shift), percent(rate, d))
        }
        (BreakEvenPoint::At { shift, rate: None }, true) => points(shift),
        (BreakEvenPoint::At { shift, rate }, false) => match rate {
            Some(rate) => format!("{} ({})", percent(rate, d), points(shift)),
            None => points(shift),
        },
        (BreakEvenPoint::Unaffected, _) => words.unaffected().to_owned(),
        (BreakEvenPoint::NoFlip, _) => words.no_flip().to_owned(),
    }
}

/// How many columns the table has: three labels, the points, the break-even.
fn header_len(points: &[f64], table: SensitivityTableChoice) -> usize {
    3 + if table.grid() { points.len() } else { 0 } + usize::from(table.break_even())
}

/// A shift as a column header: "-5%", "0%", "+1%".
fn shift_header(shift: f64) -> String {
    let text = percent_shortest(shift);
    if shift > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}
