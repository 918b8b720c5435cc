//! What `dabiao odds` is in each form: one row per goal with its
//! probability, the percentiles of what it is judged on, and for level
//! goals those of the first year it holds. CSV holds the goals; JSON adds
//! each probability's standard error, the paths on which the judged value
//! does not exist, and each metric's bands year by year.

use serde_json::{Value, json};

use super::document::{
    Cell, Document, Grid, Section, goal_text, judged_decimals, judged_text, opening, plain,
    positions, scenario_lines, section_heading,
};
use super::json::{self, Json, plan_object};
use super::number::{Precision, number, percent};
use super::records::{Field, Records, goal_columns, goal_fields, in_goal_terms};
use super::{Layout, Misfit, Nothing, Render, Sheet, TextOptions, no_layout};
use crate::report::ReportHeader;
use crate::report::odds::{OddsReport, OddsRow, Percentiles};

pub(super) const COLUMNS: [&str; 16] = goal_columns([
    "probability",
    "p10",
    "p50",
    "p90",
    "year_p10",
    "year_p50",
    "year_p90",
    "paths",
    "seed",
]);

/// One record per goal, in the order of [`COLUMNS`].
fn records(report: &OddsReport) -> impl Iterator<Item = Vec<Field<'_>>> + '_ {
    report.goals.iter().map(move |row| {
        let kind = row.statement.kind;
        let value = |v: Option<f64>| v.map_or(Field::Empty, |v| in_goal_terms(kind, v));
        let year = |q: fn(&Percentiles<Option<i32>>) -> Option<i32>| {
            row.year
                .as_ref()
                .and_then(q)
                .map_or(Field::Empty, |y| Field::Int(y.into()))
        };
        let uncertainty = report.uncertainty;
        let mut fields =
            goal_fields(&report.header, &row.metric, &row.statement, &row.outcome).to_vec();
        fields.extend([
            Field::Fraction(row.probability),
            value(row.value.p10),
            value(row.value.p50),
            value(row.value.p90),
            year(|p| p.p10),
            year(|p| p.p50),
            year(|p| p.p90),
            Field::Int(uncertainty.paths as i64),
            // Plans and the command line give seeds up to i64::MAX.
            Field::Int(i64::try_from(uncertainty.seed).unwrap_or(i64::MAX)),
        ]);
        fields
    })
}

impl Render for [OddsReport] {
    type TableChoice = Nothing;
    type OneTable = ();

    fn one_table(_: Option<Nothing>, layout: Option<Layout>) -> Result<(), Misfit> {
        no_layout(layout)
    }

    fn sheets(_: Option<Nothing>) -> Result<Vec<((), Sheet)>, Misfit> {
        Ok(vec![((), Sheet::Odds)])
    }

    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        document(self, options)
    }

    fn records(&self, (): ()) -> Records<'_> {
        Records::new(&COLUMNS, self.iter().flat_map(records))
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    /// `plan`, `uncertainty`, then one scenario's `scenario`, `goals` and
    /// `bands`, or with several a `scenarios` array of them.
    fn json(&self, _: Option<Nothing>, precision: Precision) -> Json<'_> {
        let mut root = Vec::new();
        if let Some(first) = self.first() {
            root.push(("plan", plan_object(&first.header).into()));
            let u = first.uncertainty;
            let uncertainty =
                json!({ "paths": u.paths, "seed": u.seed, "correlation": u.correlation });
            root.push(("uncertainty", uncertainty.into()));
        }
        match self {
            [single] => root.extend(scenario(single, precision)),
            several => root.push((
                "scenarios",
                Json::array(move || {
                    several
                        .iter()
                        .map(move |r| Json::Object(scenario(r, precision)))
                }),
            )),
        }
        Json::Object(root)
    }
}

/// One scenario's `scenario`, `goals` (the CSV's keys, then
/// `probability_se` and `undefined`) and `bands`.
fn scenario(report: &OddsReport, precision: Precision) -> Vec<(&'static str, Json<'_>)> {
    let name = Value::String(report.header.scenario.clone());
    let goals = Json::array(move || {
        records(report)
            .zip(&report.goals)
            .map(move |(fields, row)| {
                let mut goal = json::object(&COLUMNS, fields, precision);
                if let Value::Object(keys) = &mut goal {
                    let fraction = |x: f64| json::value(Field::Fraction(x), precision);
                    keys.insert("probability_se".into(), fraction(row.standard_error));
                    keys.insert("undefined".into(), fraction(row.undefined));
                }
                goal.into()
            })
    });
    let bands = Json::array(move || {
        report.bands.iter().map(move |metric| {
            let number = |x: Option<f64>| {
                x.map_or(Value::Null, |x| json::value(Field::Number(x), precision))
            };
            let years: Vec<Value> = metric
                .bands
                .iter()
                .map(|b| {
                    json!({
                        "year": b.year,
                        "p10": number(b.p10),
                        "p25": number(b.p25),
                        "p75": number(b.p75),
                        "p90": number(b.p90),
                    })
                })
                .collect();
            json!({ "metric": metric.metric.id, "years": years }).into()
        })
    });
    vec![
        ("scenario", name.into()),
        ("goals", goals),
        ("bands", bands),
    ]
}

/// One section per scenario: one row per goal, and how it was simulated.
fn document(reports: &[OddsReport], options: &TextOptions) -> Document {
    let words = options.lang.words();
    let headers: Vec<_> = reports.iter().map(|r| &r.header).collect();
    let mut document = opening(&headers, words, None);
    document.preamble.extend(scenario_lines(&headers, words));
    let several = reports.len() > 1;
    document.sections = reports
        .iter()
        .map(|report| {
            Section::table(
                section_heading(words.odds_heading(), &report.header, several),
                grid(report, options),
                Some(note(report, options)),
            )
        })
        .collect();
    document
}

/// How the odds were simulated, or that nothing varies.
fn note(report: &OddsReport, options: &TextOptions) -> String {
    let words = options.lang.words();
    if report.certain {
        return words.no_volatility().to_owned();
    }
    let largest = report
        .goals
        .iter()
        .map(|g| g.standard_error)
        .fold(0.0, f64::max);
    let u = report.uncertainty;
    words.odds_note(
        u.paths,
        u.seed,
        &number(u.correlation, Precision::Full),
        &format!(
            "{}{}",
            number(largest * 100.0, Precision::Decimals(2)),
            words.points()
        ),
    )
}

fn grid(report: &OddsReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
        words.projected(report.header.target_year),
        words.probability().to_owned(),
        words.percentile(10),
        words.percentile(50),
        words.percentile(90),
        words.year_held().to_owned(),
    ];
    let last_year = report.last_year_searched();
    let rows = report
        .goals
        .iter()
        .map(|row| cells(row, options, last_year))
        .collect();
    // Too wide for the terminal, the table keeps the metric, its goal and
    // its probability, and leaves out first the spread around them.
    let drop_order = positions(
        &header,
        [
            words.year_held().to_owned(),
            words.percentile(10),
            words.percentile(90),
            words.unit().to_owned(),
            words.percentile(50),
            words.projected(report.header.target_year),
        ],
    );
    Grid {
        header,
        rows,
        numeric: vec![false, false, false, true, true, true, true, true, true],
        drop_order,
    }
}

fn cells(row: &OddsRow, options: &TextOptions, last_year: i32) -> Vec<Cell> {
    let (words, d) = (options.lang.words(), options.decimals());
    let statement = &row.statement;
    // The percentiles with the decimals of the plan's own value.
    let o = &row.outcome;
    let decimals = judged_decimals(statement, o.projected, o.status, options);
    let judged = |v: Option<f64>| {
        v.map_or_else(
            || "—".to_owned(),
            |v| judged_text(statement, v, words, decimals),
        )
    };
    let year = |y: Option<i32>| y.map_or_else(|| words.not_by(last_year), |y| y.to_string());
    let years = row.year.as_ref().map_or_else(String::new, |p| {
        format!("{} / {} / {}", year(p.p10), year(p.p50), year(p.p90))
    });
    vec![
        plain(row.metric.name.clone()),
        plain(row.metric.unit.clone()),
        plain(goal_text(statement, words, Some(d))),
        plain(judged_text(statement, o.projected, words, decimals)),
        plain(percent(row.probability, d)),
        plain(judged(row.value.p10)),
        plain(judged(row.value.p50)),
        plain(judged(row.value.p90)),
        plain(years),
    ]
}
