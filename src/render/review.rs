//! What `dabiao review` is in each form: the document drawn by the table and
//! Markdown writers, and the fields of its CSV rows and JSON objects; and
//! the same for `review --history`, one row per goal and year.
//!
//! The `verdict` column holds the method's class as a fixed id; the
//! documents show it in the language asked, toned for the terminal, beside
//! the figure it rests on, and close with how many goals each class holds,
//! as mid-term evaluation reports state them. JSON adds the method and the
//! figures behind each class.

use serde_json::Value;

use super::document::{
    Cell, Document, Grid, Section, Tone, change_unit, figure_text, goal_text, latest_text, opening,
    pace_text, plain, positions, progress_text, scenario_lines, section_heading, signed_percent,
    unit_decimals,
};
use super::json::{self, Json};
use super::number::{Precision, number};
use super::records::{
    Field, NO_FIGURES, Records, class_key, figure, goal_columns, goal_fields, method_key,
    optional_fraction,
};
use super::{Layout, Misfit, Nothing, Render, Sheet, TextOptions, no_layout};
use crate::report::review::{ReviewHistory, ReviewReport, ReviewRow};
use crate::report::{Assessment, Class, Method, Prices, ReportHeader};

/// The columns of a review; those added since the first come last, so that
/// a script reading columns by position keeps reading the same ones.
pub(super) const COLUMNS: [&str; 20] = goal_columns([
    "latest_year",
    "latest_value",
    "plan_value",
    "deviation",
    "progress",
    "expected_progress",
    "time_elapsed",
    "achieved_rate",
    "remaining_rate",
    "verdict",
    "achieved_increment",
    "remaining_increment",
    "extrapolated",
]);

/// The columns of `review --history`, one row per goal and year.
pub(super) const HISTORY_COLUMNS: [&str; 13] = goal_columns([
    "as_of",
    "latest_value",
    "plan_value",
    "method",
    "verdict",
    "extrapolated",
]);

/// The figures behind a class that only JSON adds to each goal: R
/// (statcan), P (unsd) and s (destatis); the value extrapolated to the
/// target year, which the table shows as the basis, is a column.
const FIGURE_KEYS: [&str; 3] = ["rate_ratio", "projected_progress", "shortfall"];

fn figures(assessment: Option<&Assessment>) -> [Field<'static>; 3] {
    let a = assessment;
    [
        optional_fraction(a.and_then(|a| a.rate_ratio)),
        optional_fraction(a.and_then(|a| a.projected_progress)),
        optional_fraction(a.and_then(|a| a.shortfall)),
    ]
}

/// The level the pace so far leads to by the target year, when the method gives one.
fn extrapolated(assessment: Option<&Assessment>) -> Field<'static> {
    assessment
        .and_then(|a| a.extrapolated)
        .map_or(Field::Empty, Field::Number)
}

fn verdict_key(assessment: Option<&Assessment>) -> &'static str {
    assessment.map_or(NO_FIGURES, |a| class_key(a.class))
}

/// One record per goal, in the order of [`COLUMNS`].
fn records(report: &ReviewReport) -> impl Iterator<Item = Vec<Field<'_>>> + '_ {
    report.lines.iter().map(move |row| {
        let (line, stated) = (&row.line, row.stated);
        let o = &line.outcome;
        let p = o.progress.as_ref();
        let mut fields = goal_fields(&report.header, &row.metric, &row.statement, o).to_vec();
        fields.extend([
            line.latest
                .map_or(Field::Empty, |(y, _)| Field::Int(y.into())),
            line.latest
                .map_or(Field::Empty, |(_, v)| figure(v, stated.latest)),
            p.map_or(Field::Empty, |p| Field::Number(p.plan_value)),
            optional_fraction(p.and_then(|p| p.deviation)),
            optional_fraction(p.and_then(|p| p.progress)),
            optional_fraction(p.and_then(|p| p.expected_progress)),
            optional_fraction(p.map(|p| p.time_elapsed)),
            optional_fraction(line.achieved_rate),
            optional_fraction(line.remaining_rate),
            Field::Text(verdict_key(line.assessment.as_ref())),
            line.achieved_increment.map_or(Field::Empty, Field::Number),
            line.remaining_increment.map_or(Field::Empty, Field::Number),
            extrapolated(line.assessment.as_ref()),
        ]);
        fields
    })
}

/// One record per goal and year, in the order of [`HISTORY_COLUMNS`].
fn history_records(report: &ReviewHistory) -> impl Iterator<Item = Vec<Field<'_>>> + '_ {
    report.lines.iter().map(move |row| {
        let line = &row.line;
        let mut fields =
            goal_fields(&report.header, &row.metric, &row.statement, &line.outcome).to_vec();
        fields.extend([
            Field::Int(line.as_of.into()),
            figure(line.latest_value, row.stated.latest),
            Field::Number(line.plan_value),
            Field::Text(method_key(report.method)),
            Field::Text(class_key(line.assessment.class)),
            extrapolated(Some(&line.assessment)),
        ]);
        fields
    })
}

/// `keys` paired with `fields`, then the figures behind the class.
fn object_with_figures(
    keys: &[&str],
    fields: Vec<Field>,
    assessment: Option<&Assessment>,
    precision: Precision,
) -> Value {
    let mut all: Vec<&str> = keys.to_vec();
    all.extend(FIGURE_KEYS);
    let mut fields = fields;
    fields.extend(figures(assessment));
    json::object(&all, fields, precision)
}

impl Render for [ReviewReport] {
    type TableChoice = Nothing;
    type OneTable = ();

    fn one_table(_: Option<Nothing>, layout: Option<Layout>) -> Result<(), Misfit> {
        no_layout(layout)
    }

    fn sheets(_: Option<Nothing>) -> Result<Vec<((), Sheet)>, Misfit> {
        Ok(vec![((), Sheet::Review)])
    }

    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        let headers = self.headers();
        let words = options.lang.words();
        let sections = self.iter().map(|report| {
            let heading = words.review_heading(report.as_of);
            let assessments: Vec<Option<&Assessment>> = report
                .lines
                .iter()
                .map(|row| row.line.assessment.as_ref())
                .collect();
            Section::table(
                section_heading(&heading, &report.header, self.len() > 1),
                grid(report, options),
                Some(class_counts(report.method, &assessments, options)),
            )
        });
        with_sections(&headers, sections.collect(), options)
    }

    fn records(&self, (): ()) -> Records<'_> {
        Records::new(&COLUMNS, self.iter().flat_map(records))
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    /// `plan`, `as_of`, `method`, then `goals`: the CSV's keys and the
    /// figures behind each class, each goal made as it is written.
    fn json(&self, _: Option<Nothing>, precision: Precision) -> Json<'_> {
        let mut root = self.first().map_or_else(Vec::new, |first| {
            json_root(&first.header, Some(first.as_of), first.method)
        });
        let goals = figured_goals(&COLUMNS, precision, move || {
            self.iter().flat_map(|report| {
                let assessments = report.lines.iter().map(|row| row.line.assessment.as_ref());
                records(report).zip(assessments)
            })
        });
        root.push(("goals", goals));
        Json::Object(root)
    }
}

impl Render for [ReviewHistory] {
    type TableChoice = Nothing;
    type OneTable = ();

    fn one_table(_: Option<Nothing>, layout: Option<Layout>) -> Result<(), Misfit> {
        no_layout(layout)
    }

    fn sheets(_: Option<Nothing>) -> Result<Vec<((), Sheet)>, Misfit> {
        Ok(vec![((), Sheet::History)])
    }

    fn document(&self, _: Option<Nothing>, options: &TextOptions) -> Document {
        let headers = self.headers();
        let words = options.lang.words();
        let sections = self.iter().map(|report| {
            Section::table(
                section_heading(words.history_heading(), &report.header, self.len() > 1),
                history_grid(report, options),
                None,
            )
        });
        with_sections(&headers, sections.collect(), options)
    }

    fn records(&self, (): ()) -> Records<'_> {
        Records::new(&HISTORY_COLUMNS, self.iter().flat_map(history_records))
    }

    fn headers(&self) -> Vec<&ReportHeader> {
        self.iter().map(|r| &r.header).collect()
    }

    /// `plan`, `method`, then `history`: the CSV's keys and the figures
    /// behind each class, each goal and year made as it is written.
    fn json(&self, _: Option<Nothing>, precision: Precision) -> Json<'_> {
        let mut root = self.first().map_or_else(Vec::new, |first| {
            json_root(&first.header, None, first.method)
        });
        let history = figured_goals(&HISTORY_COLUMNS, precision, move || {
            self.iter().flat_map(|report| {
                let assessments = report.lines.iter().map(|row| Some(&row.line.assessment));
                history_records(report).zip(assessments)
            })
        });
        root.push(("history", history));
        Json::Object(root)
    }
}

/// The keys a review's JSON opens with, from its first report: `plan`,
/// then `as_of` when given (a history has none), then `method`.
fn json_root<'a>(
    header: &ReportHeader,
    as_of: Option<Option<i32>>,
    method: Method,
) -> Vec<(&'static str, Json<'a>)> {
    let mut root = vec![("plan", json::plan_object(header).into())];
    if let Some(as_of) = as_of {
        root.push(("as_of", as_of.map_or(Value::Null, Value::from).into()));
    }
    root.push(("method", Value::from(method_key(method)).into()));
    root
}

/// Each goal's fields under `columns`, with the figures behind its class,
/// made as they are written.
fn figured_goals<'a, I>(
    columns: &'static [&'static str],
    precision: Precision,
    goals: impl Fn() -> I + 'a,
) -> Json<'a>
where
    I: Iterator<Item = (Vec<Field<'a>>, Option<&'a Assessment>)> + 'a,
{
    Json::array(move || {
        goals().map(move |(fields, assessment)| {
            object_with_figures(columns, fields, assessment, precision).into()
        })
    })
}

/// The plan's title, years and scenarios, then `sections`.
fn with_sections(
    headers: &[&ReportHeader],
    sections: Vec<Section>,
    options: &TextOptions,
) -> Document {
    let words = options.lang.words();
    let mut document = opening(headers, words, None);
    document.preamble.extend(scenario_lines(headers, words));
    document.sections = sections;
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
        words.basis_header().to_owned(),
        words.verdict_header().to_owned(),
    ];
    let rows = report
        .lines
        .iter()
        .map(|review_row| row(review_row, report.method, options))
        .collect();
    // Too wide for the terminal, the table keeps the metric, its goal and
    // the verdict, and leaves out first what leads to the verdict least.
    let drop_order = positions(
        &header,
        [
            words.deviation(),
            words.achieved_rate(),
            words.remaining_rate(),
            words.basis_header(),
            words.progress_and_time(),
            words.latest(),
        ],
    );
    Grid {
        header,
        rows,
        numeric: vec![false, false, true, true, true, true, true, true, false],
        drop_order,
    }
}

fn row(review_row: &ReviewRow, method: Method, options: &TextOptions) -> Vec<Cell> {
    let (words, d) = (options.lang.words(), options.decimals());
    let ReviewRow {
        metric,
        statement,
        line,
        stated,
    } = review_row;
    let p = line.outcome.progress.as_ref();
    vec![
        plain(metric.name.clone()),
        plain(goal_text(statement, words, Some(d))),
        plain(line.latest.map_or_else(String::new, |(year, value)| {
            let decimals = options.value_decimals(value, unit_decimals(statement));
            latest_text(year, value, stated.latest, decimals)
        })),
        plain(
            p.and_then(|p| p.deviation)
                .map_or_else(String::new, |x| signed_percent(x, d)),
        ),
        plain(p.map_or_else(String::new, progress_text)),
        plain(pace_text(
            line.achieved_rate,
            line.achieved_increment,
            &change_unit(metric, words),
            words,
            d,
        )),
        plain(pace_text(
            line.remaining_rate,
            line.remaining_increment,
            &change_unit(metric, words),
            words,
            d,
        )),
        plain(line.assessment.map_or_else(String::new, |a| {
            basis(method, &a, line.prices, unit_decimals(statement), options)
        })),
        verdict_cell(line.assessment.map(|a| a.class), options),
    ]
}

/// The figure a class rests on, its short reason: R for statcan, P for
/// unsd, s for destatis, and where the pace so far leads by the target year
/// for the others (and for a goal Destatis finds met), marked when that
/// level is at comparable prices. The level is a computed value in the
/// metric's unit, shown with the decimals it needs like the others, at
/// least the `stated` decimals of its goal: rounded to two, 2.6639 would
/// read as 2.66 beside a goal of 2.7.
fn basis(
    method: Method,
    a: &Assessment,
    prices: Prices,
    stated: usize,
    options: &TextOptions,
) -> String {
    let (words, d) = (options.lang.words(), options.decimals());
    let symbol = |symbol: &str, x: Option<f64>| {
        x.map(|x| format!("{symbol} = {}", number(x, Precision::Decimals(d))))
    };
    let marked = match prices {
        Prices::Comparable => words.comparable_prices(),
        Prices::Current => "",
    };
    let extrapolated = a.extrapolated.map(|x| {
        let level = number(x, Precision::Decimals(options.value_decimals(x, stated)));
        format!("→ {level}{marked}")
    });
    match method {
        Method::Statcan => symbol("R", a.rate_ratio),
        Method::Unsd => symbol("P", a.projected_progress),
        Method::Destatis => symbol("s", a.shortfall).or(extrapolated),
        Method::Plan | Method::Ndrc => extrapolated,
    }
    .unwrap_or_default()
}

/// One row per goal and year with a figure.
fn history_grid(report: &ReviewHistory, options: &TextOptions) -> Grid {
    let (words, d) = (options.lang.words(), options.decimals());
    let header = vec![
        words.metric().to_owned(),
        words.goal().to_owned(),
        words.as_of_header().to_owned(),
        words.latest().to_owned(),
        words.plan_value_header().to_owned(),
        words.basis_header().to_owned(),
        words.verdict_header().to_owned(),
    ];
    let rows = report
        .lines
        .iter()
        .map(|row| {
            let ReviewRow {
                metric,
                statement,
                line,
                stated,
            } = row;
            // The figure as written; the plan path's value as it needs.
            let decimals = |x: f64| options.value_decimals(x, unit_decimals(statement));
            let plan_value = line.plan_value;
            vec![
                plain(metric.name.clone()),
                plain(goal_text(statement, words, Some(d))),
                plain(line.as_of.to_string()),
                plain(figure_text(
                    line.latest_value,
                    stated.latest,
                    decimals(line.latest_value),
                )),
                plain(number(
                    plan_value,
                    Precision::Decimals(decimals(plan_value)),
                )),
                plain(basis(
                    report.method,
                    &line.assessment,
                    line.prices,
                    unit_decimals(statement),
                    options,
                )),
                verdict_cell(Some(line.assessment.class), options),
            ]
        })
        .collect();
    // Too wide, it keeps the metric, the goal, the year and the verdict.
    let drop_order = positions(
        &header,
        [
            words.plan_value_header(),
            words.basis_header(),
            words.latest(),
        ],
    );
    Grid {
        header,
        rows,
        numeric: vec![false, false, true, true, true, true, false],
        drop_order,
    }
}

/// A class in the language asked, toned by what it asks of the planner.
fn verdict_cell(class: Option<Class>, options: &TextOptions) -> Cell {
    let words = options.lang.words();
    match class {
        None => plain(words.no_figures()),
        Some(class) => Cell {
            text: words.class(class).to_owned(),
            tone: tone(class),
        },
    }
}

/// The tone of a class's record key (`on_track`, `no_figures`), for a
/// format that colours the records: the tone the documents give it.
pub(super) fn verdict_tone(key: &str) -> Option<Tone> {
    if key == NO_FIGURES {
        return Some(Tone::Plain);
    }
    Method::ALL
        .iter()
        .flat_map(|method| method.classes())
        .find(|class| class_key(**class) == key)
        .map(|class| tone(*class))
}

fn tone(class: Class) -> Tone {
    use Class::*;
    match class {
        Reached | AlreadyReached | Ahead | OnTrack | TargetAchieved | Sun | AchievedEarly
        | AheadOfPlan | BroadlyOnPlan => Tone::Good,
        Behind | AccelerationNeeded | FairProgress | LightCloud => Tone::Fair,
        OutOfReach
        | LimitedProgress
        | Deterioration
        | StagnationOrRegression
        | Cloud
        | Thunderstorm
        | Lagging => Tone::Bad,
        InsufficientData => Tone::Plain,
    }
}

/// "NDRC: 4 achieved early, 5 ahead of plan, …" (国家发展改革委：提前实现4项，…): every class of the
/// method, best first, then those of goals it could not judge, when any.
fn class_counts(
    method: Method,
    assessments: &[Option<&Assessment>],
    options: &TextOptions,
) -> String {
    let words = options.lang.words();
    let count = |class: Option<Class>| {
        assessments
            .iter()
            .filter(|a| a.map(|a| a.class) == class)
            .count()
    };
    let mut counts: Vec<String> = method
        .classes()
        .iter()
        .filter_map(|&class| {
            let n = count(Some(class));
            let shown = class != Class::InsufficientData || n > 0;
            shown.then(|| words.class_count(n, words.class(class)))
        })
        .collect();
    let without = count(None);
    if without > 0 {
        counts.push(words.class_count(without, words.no_figures()));
    }
    words.class_counts(method, &counts)
}
