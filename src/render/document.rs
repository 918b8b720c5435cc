//! The documents of the human-readable formats: a title, lines under it, and
//! sections of a table of cells or of paragraphs. Every command builds one;
//! the terminal table and Markdown draw it, so both always say the same
//! thing in the same columns.
//! The cell texts that several commands show (a goal, a value with its
//! status, progress against time) are written here once, and so are the
//! decimals they take: a figure the plan writes as written, a computed
//! value with as many as it needs, and never so few that a figure reads
//! against its goal's status.

use super::number::{
    DEFAULT_DECIMALS, NOT_A_NUMBER, Precision, decimals_unlike, needed_decimals, nonzero_decimals,
    number, percent, percent_shortest, signed, written_decimals,
};
use super::records::edges;
use super::{TextOptions, Words};
use crate::report::{
    BASE_SCENARIO, Comparison, Goal, GoalKind, GoalStatement, MetricLabel, Progress, ReportHeader,
    Status, in_percent,
};

/// A report for people: a title, lines under it, then sections.
pub struct Document {
    /// The plan's title; `None` when it has none.
    pub title: Option<String>,
    /// Lines under the title: the plan's source, its years, what the
    /// document shows, the scenarios shown.
    pub preamble: Vec<String>,
    /// The tables or paragraphs, in order.
    pub sections: Vec<Section>,
}

/// A part of a document: a heading and what is under it.
pub struct Section {
    /// The heading; `None` when the section needs none (the one section of
    /// a document about the plan alone).
    pub heading: Option<String>,
    /// A table or paragraphs.
    pub body: Body,
}

/// What a section holds.
pub enum Body {
    /// A table of cells, with lines under it.
    Table {
        /// The table's header and rows.
        grid: Grid,
        /// Lines under the table.
        note: Option<String>,
    },
    /// Sentences, one paragraph each.
    Paragraphs(Vec<Paragraph>),
    /// Lines set as a document's opening lines are (a plan's title and
    /// years, under its name, when several plans are shown).
    Lines(Vec<String>),
}

/// A paragraph, led by the name of what it is about where it has one.
pub struct Paragraph {
    /// The name the paragraph opens with (a metric's), which Markdown sets
    /// in bold; `None` when the text does not open with one.
    pub lead: Option<String>,
    /// The rest of the paragraph, after the lead.
    pub text: String,
}

impl Section {
    pub(super) fn table(heading: String, grid: Grid, note: Option<String>) -> Section {
        Section {
            heading: Some(heading),
            body: Body::Table { grid, note },
        }
    }
}

/// A document with no sections yet: the plan's title, then its source, its
/// years and `about` (what the tables show), for the scenarios in `headers`.
pub(super) fn opening(
    headers: &[&ReportHeader],
    words: &dyn Words,
    about: Option<String>,
) -> Document {
    let Some(first) = headers.first() else {
        return Document {
            title: None,
            preamble: Vec::new(),
            sections: Vec::new(),
        };
    };
    let mut preamble: Vec<String> = first.source.iter().map(|s| words.source(s)).collect();
    preamble.push(words.period(first.base_year, first.target_year));
    preamble.extend(about);
    Document {
        title: first.title.clone(),
        preamble,
        sections: Vec::new(),
    }
}

/// A section's heading, followed by its scenario's name when several are shown.
pub(super) fn section_heading(title: &str, header: &ReportHeader, several: bool) -> String {
    if several {
        format!("{title} · {}", header.scenario)
    } else {
        title.to_owned()
    }
}

/// One line per scenario shown, naming it and saying what it assumes; none
/// when only the plan itself is shown.
pub(super) fn scenario_lines(headers: &[&ReportHeader], words: &dyn Words) -> Vec<String> {
    let only_the_plan = matches!(headers, [single] if single.scenario == BASE_SCENARIO);
    if only_the_plan {
        return Vec::new();
    }
    headers
        .iter()
        .map(|h| scenario_line(&h.scenario, h.description.as_deref(), words))
        .collect()
}

/// A scenario named, with what it assumes; the plan itself, undescribed,
/// says that it is the plan as written.
pub(super) fn scenario_line(name: &str, description: Option<&str>, words: &dyn Words) -> String {
    let as_written = (name == BASE_SCENARIO).then(|| words.the_plan_as_written());
    words.scenario_line(name, description.or(as_written))
}

/// A table: a header and rows of cells, as many in each as in the header.
pub struct Grid {
    /// The column headers.
    pub header: Vec<String>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Columns of numbers, which read best right-aligned and never wrap.
    pub numeric: Vec<bool>,
    /// The columns left out, in this order, when the table is too wide for
    /// the terminal; the others are always shown.
    pub drop_order: Vec<usize>,
}

/// Where the columns headed `headers` are in `header`, in the order given,
/// passing over those it does not have: a drop order named by headers.
pub(super) fn positions<S: AsRef<str>>(
    header: &[String],
    headers: impl IntoIterator<Item = S>,
) -> Vec<usize> {
    headers
        .into_iter()
        .filter_map(|h| header.iter().position(|x| x == h.as_ref()))
        .collect()
}

/// The columns between the first and the last of `columns`, the latest
/// first: the years a table of years leaves out, keeping its first year,
/// the actual figures that follow it, and its last year longest.
pub(super) fn years_between(columns: std::ops::Range<usize>) -> impl Iterator<Item = usize> {
    let (first, last) = (columns.start, columns.end.saturating_sub(1));
    (first + 1..last).rev()
}

/// One cell of a table: its text and its tone.
#[derive(Clone)]
pub struct Cell {
    /// The text shown, already written in the language and decimals asked.
    pub text: String,
    /// How the cell is coloured where colour is shown.
    pub tone: Tone,
}

/// What a cell says about the goal, for formats that can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neither good nor bad news: not coloured.
    Plain,
    /// Reached, or on track: green.
    Good,
    /// Between good and bad: a method's middle classes (behind, a light cloud).
    Fair,
    /// Missed, or behind: red.
    Bad,
}

pub(super) fn plain(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        tone: Tone::Plain,
    }
}

/// A figure the plan writes as written; a computed one with `decimals`.
pub(super) fn figure_text(value: f64, stated: bool, decimals: usize) -> String {
    if stated {
        number(value, Precision::Full)
    } else {
        number(value, Precision::Decimals(decimals))
    }
}

/// "104.2 (2018)": the latest actual figure, as written when the plan
/// writes it, else with `decimals`.
pub(super) fn latest_text(year: i32, value: f64, stated: bool, decimals: usize) -> String {
    format!("{} ({year})", figure_text(value, stated, decimals))
}

/// Progress, the plan path's own progress by then, and time elapsed:
/// "44% / 51% / 60%".
pub(super) fn progress_text(p: &Progress) -> String {
    let share = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| percent(x, 0));
    format!(
        "{} / {} / {}",
        share(p.progress),
        share(p.expected_progress),
        percent(p.time_elapsed, 0)
    )
}

/// A difference between two rates, in percentage points: "+1.14 pp".
pub(super) fn points_text(x: f64, words: &dyn Words, d: usize) -> String {
    unit_points_text(x * 100.0, words, d)
}

/// A change of a metric in %, in percentage points: "+0.80 pp".
pub(super) fn unit_points_text(x: f64, words: &dyn Words, d: usize) -> String {
    signed_with_unit(x, d, words.points())
}

/// A fraction as a signed percent: "+2.40%", "-1.05%".
pub(super) fn signed_percent(x: f64, d: usize) -> String {
    signed_with_unit(x * 100.0, d, "%")
}

/// `x`, signed, then `unit`; an overflow is no amount of anything, so its
/// marker stands alone.
fn signed_with_unit(x: f64, d: usize, unit: &str) -> String {
    let text = signed(x, d);
    if x.is_finite() {
        format!("{text}{unit}")
    } else {
        text
    }
}

/// How fast a metric must move: an average rate, or a change a year
/// followed by `unit` ("+0.16 pp a year" for a metric in %, "+53.67 a
/// year" for one that moves by increments); empty when neither applies.
pub(super) fn pace_text(
    rate: Option<f64>,
    change: Option<f64>,
    unit: &str,
    words: &dyn Words,
    d: usize,
) -> String {
    match (rate, change) {
        (Some(rate), _) => percent(rate, d),
        (None, Some(change)) if !change.is_finite() => NOT_A_NUMBER.to_owned(),
        (None, Some(change)) => words.a_year(&signed_with_unit(change, d, unit)),
        (None, None) => String::new(),
    }
}

/// What follows a metric's change in the text: percentage points for a
/// metric in %, else its unit as the language writes one after a number.
pub(super) fn change_unit(metric: &MetricLabel, words: &dyn Words) -> String {
    if metric.in_points {
        words.points().to_owned()
    } else {
        words.with_unit(String::new(), &metric.unit)
    }
}

/// The value a goal is judged on, as its kind writes it: a level or a sum
/// in the metric's unit, a rate or a change in percent, an increase signed
/// (in points for a metric in %).
pub(super) fn judged_text(
    statement: &GoalStatement,
    value: f64,
    words: &dyn Words,
    d: usize,
) -> String {
    match statement.kind {
        GoalKind::Level | GoalKind::Total => number(value, Precision::Decimals(d)),
        GoalKind::Rate | GoalKind::Change => percent(value, d),
        GoalKind::Increase => increase_text(statement, value, words, d),
    }
}

/// How far the judged value is from the goal: in the metric's unit, in
/// percentage points for rates and changes (and increases of a metric in %).
pub(super) fn gap_text(statement: &GoalStatement, gap: f64, words: &dyn Words, d: usize) -> String {
    match statement.kind {
        GoalKind::Level | GoalKind::Total => signed(gap, d),
        GoalKind::Rate | GoalKind::Change => points_text(gap, words, d),
        GoalKind::Increase => increase_text(statement, gap, words, d),
    }
}

/// An increase, signed, in points for a metric in %.
fn increase_text(statement: &GoalStatement, x: f64, words: &dyn Words, d: usize) -> String {
    if statement.in_points {
        unit_points_text(x, words, d)
    } else {
        signed(x, d)
    }
}

/// How far the judged value is from the goal, with `decimals`, or more
/// while a missed goal's gap would read as none.
pub(super) fn missed_by_text(
    statement: &GoalStatement,
    gap: f64,
    status: Status,
    words: &dyn Words,
    decimals: usize,
) -> String {
    let decimals = match status {
        Status::Missed => nonzero_decimals(in_goal_terms(statement.kind, gap), decimals),
        Status::Reached => decimals,
    };
    gap_text(statement, gap, words, decimals)
}

/// How far a goal is met, in percent with `decimals`, or more while a
/// missed goal would read 100 %.
pub(super) fn attainment_text(attainment: f64, status: Status, decimals: usize) -> String {
    let decimals = match status {
        Status::Missed => decimals_unlike(attainment * 100.0, &[100.0], decimals),
        Status::Reached => decimals,
    };
    percent(attainment, decimals)
}

/// A value in the terms its goal is written in: in percent for a rate or
/// a change, as it is for the others.
fn in_goal_terms(kind: GoalKind, x: f64) -> f64 {
    match kind {
        GoalKind::Rate | GoalKind::Change => x * 100.0,
        GoalKind::Level | GoalKind::Increase | GoalKind::Total => x,
    }
}

/// The decimals `goal` is written with, its tolerance's included, each
/// figure's counted by `written`.
fn decimals_of(goal: &Goal, written: impl Fn(f64) -> usize) -> usize {
    let tolerance = match goal.comparison {
        Comparison::About { tolerance } => written(tolerance),
        Comparison::AtLeast | Comparison::AtMost => 0,
    };
    written(goal.value).max(tolerance)
}

/// The decimals a level goal is written with, in the metric's unit.
pub(super) fn level_decimals(goal: &Goal) -> usize {
    decimals_of(goal, written_decimals)
}

/// The decimals a goal is written with in its own terms (the percent of a
/// rate or a change); none for a goal in step with another metric, which
/// is computed.
pub(super) fn goal_decimals(statement: &GoalStatement) -> usize {
    match statement.kind {
        _ if statement.in_step.is_some() => 0,
        GoalKind::Rate | GoalKind::Change => {
            decimals_of(&statement.goal, |x| written_decimals(in_percent(x)))
        }
        GoalKind::Level | GoalKind::Increase | GoalKind::Total => level_decimals(&statement.goal),
    }
}

/// The decimals the goal gives the metric's values in its unit: a level's,
/// a total's or an increase's; none for a rate or a change, in percent.
pub(super) fn unit_decimals(statement: &GoalStatement) -> usize {
    match statement.kind {
        GoalKind::Rate | GoalKind::Change => 0,
        GoalKind::Level | GoalKind::Increase | GoalKind::Total => goal_decimals(statement),
    }
}

/// Whether a goal's judged value is a percentage or percentage points: a
/// rate, a change, or an increase of a metric in %.
fn judged_in_percent(statement: &GoalStatement) -> bool {
    match statement.kind {
        GoalKind::Rate | GoalKind::Change => true,
        GoalKind::Increase => statement.in_points,
        GoalKind::Level | GoalKind::Total => false,
    }
}

/// The decimals of a goal's judged value, and of its gap: as asked, else
/// at least its goal's, and for a value in the metric's unit as many as
/// it needs (a percentage keeps two, a hundredth of a point being finer
/// than plans state rates); then more, while the value would read as met
/// though the goal is missed.
pub(super) fn judged_decimals(
    statement: &GoalStatement,
    value: f64,
    status: Status,
    options: &TextOptions,
) -> usize {
    let terms = |x: f64| in_goal_terms(statement.kind, x);
    let stated = goal_decimals(statement);
    let decimals = options.precision.unwrap_or_else(|| {
        if judged_in_percent(statement) {
            DEFAULT_DECIMALS.max(stated)
        } else {
            needed_decimals(terms(value), stated)
        }
    });
    telling_decimals(
        &statement.goal,
        terms,
        value,
        status == Status::Reached,
        decimals,
    )
}

/// `decimals`, or more while `value`, written with them in the terms
/// `terms` gives, reads as an edge of `goal` that it does not meet: a
/// rounded figure never contradicts its status. A met goal keeps its
/// decimals: rounding carries a value onto an edge at most, where it reads
/// as met.
pub(super) fn telling_decimals(
    goal: &Goal,
    terms: impl Fn(f64) -> f64,
    value: f64,
    met: bool,
    decimals: usize,
) -> usize {
    if met {
        return decimals;
    }
    let edges: Vec<f64> = edges(goal).into_iter().map(&terms).collect();
    decimals_unlike(terms(value), &edges, decimals)
}

/// A goal's judged value with its status mark, coloured by status:
/// "142.82 ✘", with the decimals [`judged_decimals`] gives it.
pub(super) fn judged_cell(
    statement: &GoalStatement,
    value: f64,
    status: Status,
    options: &TextOptions,
) -> Cell {
    let words = options.lang.words();
    let decimals = judged_decimals(statement, value, status, options);
    let shown = judged_text(statement, value, words, decimals);
    let mark = words.status(status).chars().next().unwrap_or(' ');
    Cell {
        text: format!("{shown} {mark}"),
        tone: tone(status),
    }
}

pub(super) fn tone(status: Status) -> Tone {
    match status {
        Status::Reached => Tone::Good,
        Status::Missed => Tone::Bad,
    }
}

/// "≥ 150", "≤ 80", "≈ 60 ± 3": a level goal as written in the plan, not
/// rounded to the table's decimals.
pub(super) fn level_text(goal: &Goal) -> String {
    condition(goal, |x| number(x, Precision::Full))
}

/// A level goal as written ("≥ 150"), or the level that the goal
/// `implied_by` implies, with that goal: "≤ 0.346 (change ≤ -13.5%)".
pub(super) fn drawn_goal_text(
    implied_by: Option<&GoalStatement>,
    goal: &Goal,
    words: &dyn Words,
) -> String {
    match implied_by {
        Some(stated) => implied_text(stated, &condition(goal, implied_number), words),
        None => level_text(goal),
    }
}

/// `level`, which `stated` implies, with that goal.
pub(super) fn implied_text(stated: &GoalStatement, level: &str, words: &dyn Words) -> String {
    words.implied_by(level, &goal_text(stated, words, None))
}

/// A level a goal implies, computed rather than written: to five
/// significant digits, which tell it from its neighbours without the
/// noise of its last digits (100 × 1.06⁵ reads 133.82).
pub(super) fn implied_number(x: f64) -> String {
    let rounded = if x.is_finite() && x != 0.0 {
        let scale = 10f64.powi(4 - x.abs().log10().floor() as i32);
        let scaled = (x * scale).round() / scale;
        if scaled.is_finite() { scaled } else { x }
    } else {
        x
    };
    number(rounded, Precision::Full)
}

/// A goal as the plan states it: "≥ 150", "avg growth ≥ 16%", "change ≤
/// -13.5%", "increase ≥ 0.5 pp", "total ≥ 27000", "in step with 地区生产总值:
/// ≥ 6.65% − 0.5 pp". Values are shown as written; the rate an in-step goal
/// keeps pace with is computed, and shown to `decimals` when given (left
/// out where it moves: across scenarios, along a sweep).
pub(super) fn goal_text(
    statement: &GoalStatement,
    words: &dyn Words,
    decimals: Option<usize>,
) -> String {
    let GoalStatement {
        kind,
        goal,
        in_step,
        in_points,
        ..
    } = statement;
    if let Some(with) = in_step {
        let rate = decimals.map(|d| percent(with.rate, d));
        let tolerance = (with.tolerance != 0.0).then(|| {
            let points = number(in_percent(with.tolerance), Precision::Full);
            format!("{points}{}", words.points())
        });
        return words.in_step(&with.metric.name, rate.as_deref(), tolerance.as_deref());
    }
    let condition = match kind {
        GoalKind::Rate | GoalKind::Change => condition(goal, percent_shortest),
        GoalKind::Increase if *in_points => condition(goal, |x| {
            format!("{}{}", number(x, Precision::Full), words.points())
        }),
        GoalKind::Level | GoalKind::Increase | GoalKind::Total => level_text(goal),
    };
    match goal_prefix(statement, words) {
        Some(prefix) => format!("{prefix} {condition}"),
        None => condition,
    }
}

/// What a goal's text opens with, by its kind: "avg growth", "change", …;
/// none for a level goal, whose comparison says it all.
pub(super) fn goal_prefix(statement: &GoalStatement, words: &dyn Words) -> Option<&'static str> {
    match statement.kind {
        GoalKind::Level => None,
        GoalKind::Rate => Some(words.average_growth(statement.rate_method)),
        GoalKind::Change => Some(words.change()),
        GoalKind::Increase => Some(words.increase()),
        GoalKind::Total => Some(words.total()),
    }
}

/// A goal's comparison with its amounts written by `amount`.
fn condition(goal: &Goal, amount: impl Fn(f64) -> String) -> String {
    match goal.comparison {
        Comparison::AtLeast => format!("≥ {}", amount(goal.value)),
        Comparison::AtMost => format!("≤ {}", amount(goal.value)),
        Comparison::About { tolerance } => {
            format!("≈ {} ± {}", amount(goal.value), amount(tolerance))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Lang;
    use crate::report::RateMethod;

    #[test]
    fn an_overflow_carries_no_unit() {
        let words = Lang::En.words();
        assert_eq!(signed_percent(0.024, 2), "+2.40%");
        assert_eq!(points_text(-0.0105, words, 2), "-1.05 pp");
        assert_eq!(unit_points_text(0.8, words, 2), "+0.80 pp");
        for x in [f64::INFINITY, f64::NAN, 1e307] {
            assert_eq!(signed_percent(x, 2), NOT_A_NUMBER);
            assert_eq!(points_text(x, words, 2), NOT_A_NUMBER);
        }
        assert_eq!(unit_points_text(f64::INFINITY, words, 2), NOT_A_NUMBER);
        assert_eq!(
            pace_text(None, Some(f64::INFINITY), words.points(), words, 2),
            NOT_A_NUMBER
        );
        assert_eq!(pace_text(None, Some(53.666), "", words, 2), "+53.67 a year");
    }

    #[test]
    fn goals_as_written_take_the_exponent_form_when_extreme() {
        let words = Lang::En.words();
        let goal = |kind: GoalKind, value: f64| GoalStatement {
            kind,
            goal: Goal {
                comparison: Comparison::AtLeast,
                value,
            },
            in_step: None,
            rate_method: RateMethod::Endpoint,
            in_points: false,
        };
        let text = |kind, value| goal_text(&goal(kind, value), words, None);
        assert_eq!(text(GoalKind::Level, 150.0), "≥ 150");
        assert_eq!(text(GoalKind::Level, 1e300), "≥ 1e300");
        assert_eq!(text(GoalKind::Total, -2.5e-300), "total ≥ -2.5e-300");
        assert_eq!(text(GoalKind::Rate, 1e20), "avg growth ≥ 1e22%");
    }
}
