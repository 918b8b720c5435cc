//! What `dabiao review` is in each form: the document drawn by the table and
//! Markdown writers, and the fields of its CSV rows and JSON objects.

use serde_json::{Map, Value};

use super::document::{
    Cell, Document, Grid, Section, Tone, goal_text, latest_text, opening, pace_text, plain,
    progress_text, scenario_lines, section_heading, signed_percent,
};
use super::json;
use super::number::Precision;
use super::records::{
    Field, Records, goal_kind_key, in_goal_terms, labels, op_key, optional_fraction,
};
use super::{Layout, Misfit, Nothing, Render, TextOptions, no_layout};
use crate::report::review::{ReviewReport, ReviewRow};
use crate::report::{ReportHeader, Verdict};

const COLUMNS: [&str; 16] = [
    "scenario",
    "metric",
    "name",
    "unit",
    "goal",
    "op",
    "target",
    "latest_year",
    "latest_value",
    "plan_value",
    "deviation",
    "progress",
    "time_elapsed",
    "achieved_rate",
    "remaining_rate",
    "verdict",
];

fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::NoFigures => "no_figures",
        Verdict::FinalReached => "reached",
        Verdict::FinalMissed => "missed",
        Verdict::AlreadyReached => "already_reached",
        Verdict::OutOfReach => "out_of_reach",
        Verdict::Behind => "behind",
        Verdict::OnTrack => "on_track",
    }
}

/// One record per goal, in the order of [`COLUMNS`].
fn records(report: &ReviewReport) -> impl Iterator<Item = [Field; 16]> + '_ {
    report
        .lines
        .iter()
        .map(move |ReviewRow { metric, line, .. }| {
            let o = &line.outcome;
            let p = o.progress.as_ref();
            let [scenario, id, name, unit] = labels(&report.header, metric);
            [
                scenario,
                id,
                name,
                unit,
                Field::Text(goal_kind_key(o.kind).into()),
                Field::Text(op_key(o.goal.comparison).into()),
                in_goal_terms(o.kind, o.goal.value),
                line.latest
                    .map_or(Field::Empty, |(y, _)| Field::Int(y.into())),
                line.latest.map_or(Field::Empty, |(_, v)| Field::Number(v)),
                p.map_or(Field::Empty, |p| Field::Number(p.plan_value)),
                optional_fraction(p.and_then(|p| p.deviation)),
                optional_fraction(p.and_then(|p| p.progress)),
                optional_fraction(p.map(|p| p.time_elapsed)),
                optional_fraction(line.achieved_rate),
                optional_fraction(line.remaining_rate),
                Field::Text(verdict_key(line.verdict).into()),
            ]
        })
}

impl Render for [ReviewReport] {
    type Table = Nothing;
    type OneTable = ();

    fn one_table(_: Option<Nothing>, layout: Option<Layout>) -> Result<(), Misfit> {
        no_layout(layout)
    }

    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        document(self, options)
    }

    fn records(&self, (): ()) -> Records {
        Records::new(&COLUMNS, self.iter().flat_map(records))
    }

    fn json(&self, _: Option<Nothing>, precision: Precision) -> Value {
        let mut root = Map::new();
        if let Some(first) = self.first() {
            root.insert("plan".into(), json::plan_object(&first.header));
            root.insert("as_of".into(), first.as_of.map_or(Value::Null, Value::from));
        }
        let goals: Vec<Value> = self
            .iter()
            .flat_map(|r| records(r).map(|fields| json::object(&COLUMNS, fields, precision)))
            .collect();
        root.insert("goals".into(), Value::Array(goals));
        Value::Object(root)
    }
}

/// One section per scenario: one row per goal.
fn document(reports: &[ReviewReport], options: &TextOptions) -> Document {
    let words = options.lang.words();
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    let mut document = opening(&headers, words, None);
    document.preamble.extend(scenario_lines(&headers, words));
    let several = reports.len() > 1;
    document.sections = reports
        .iter()
        .map(|report| {
            let heading = words.review_heading(report.as_of);
            Section::table(
                section_heading(&heading, &report.header, several),
                grid(report, options),
                None,
            )
        })
        .collect();
    document
}

fn grid(report: &ReviewReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let header = vec![
        words.metric().to_owned(),
        words.goal().to_owned(),
        words.latest().to_owned(),
        words.deviation().to_owned(),
        words.progress_and_time().to_owned(),
        words.achieved_rate().to_owned(),
        words.remaining_rate().to_owned(),
        words.verdict_header().to_owned(),
    ];
    let rows = report
        .lines
        .iter()
        .map(|review_row| row(review_row, options))
        .collect();
    Grid {
        header,
        rows,
        numeric: vec![false, false, true, true, true, true, true, false],
    }
}

fn row(review_row: &ReviewRow, options: &TextOptions) -> Vec<Cell> {
    let (words, d) = (options.lang.words(), options.decimals);
    let ReviewRow {
        metric,
        statement,
        line,
    } = review_row;
    let p = line.outcome.progress.as_ref();
    let verdict = Cell {
        text: words.verdict(line.verdict).to_owned(),
        tone: match line.verdict {
            Verdict::AlreadyReached | Verdict::OnTrack | Verdict::FinalReached => Tone::Good,
            Verdict::OutOfReach | Verdict::Behind | Verdict::FinalMissed => Tone::Bad,
            Verdict::NoFigures => Tone::Plain,
        },
    };
    vec![
        plain(metric.name.clone()),
        plain(goal_text(statement, words, Some(d))),
        plain(
            line.latest
                .map_or_else(String::new, |(year, value)| latest_text(year, value, d)),
        ),
        plain(
            p.and_then(|p| p.deviation)
                .map_or_else(String::new, |x| signed_percent(x, d)),
        ),
        plain(p.map_or_else(String::new, progress_text)),
        plain(pace_text(
            line.achieved_rate,
            line.achieved_points,
            words,
            d,
        )),
        plain(pace_text(
            line.remaining_rate,
            line.remaining_points,
            words,
            d,
        )),
        verdict,
    ]
}
