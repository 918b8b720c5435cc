//! The documents of the human-readable formats: a title, lines under it, and
//! sections of a table of cells or of paragraphs. Every command builds one;
//! the terminal table and Markdown draw it, so both always say the same
//! thing in the same columns.
//! The cell texts that several commands show (a goal, a value with its
//! status, progress against time) are written here once.

use super::Words;
use super::number::{Precision, number, percent, percent_shortest, signed};
use crate::report::{BASE_SCENARIO, Comparison, Goal, GoalKind, Progress, ReportHeader, Status};

/// A report for people: a title, lines under it, then sections.
pub struct Document {
    pub title: Option<String>,
    pub preamble: Vec<String>,
    pub sections: Vec<Section>,
}

pub struct Section {
    pub heading: Option<String>,
    pub body: Body,
}

pub enum Body {
    Table {
        grid: Grid,
        /// Lines under the table.
        note: Option<String>,
    },
    Paragraphs(Vec<Paragraph>),
}

/// A paragraph, led by the name of what it is about where it has one.
pub struct Paragraph {
    pub lead: Option<String>,
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

pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns of numbers, which read best right-aligned.
    pub numeric: Vec<bool>,
}

pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

/// What a cell says about the goal, for formats that can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
}

pub(super) fn plain(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        tone: Tone::Plain,
    }
}

/// "104.20 (2018)"
pub(super) fn latest_text(year: i32, value: f64, decimals: usize) -> String {
    format!("{} ({year})", number(value, Precision::Decimals(decimals)))
}

/// Progress against time elapsed: "44% / 60%".
pub(super) fn progress_text(p: &Progress) -> String {
    format!(
        "{} / {}",
        p.progress.map_or_else(|| "—".to_owned(), |x| percent(x, 0)),
        percent(p.time_elapsed, 0)
    )
}

/// A difference between two rates, in percentage points: "+1.14 pp".
pub(super) fn points_text(x: f64, words: &dyn Words, d: usize) -> String {
    format!("{}{}", signed(x * 100.0, d), words.points())
}

/// A fraction as a signed percent: "+2.40%", "-1.05%".
pub(super) fn signed_percent(x: f64, d: usize) -> String {
    format!("{}%", signed(x * 100.0, d))
}

/// A goal's value (a level, or a rate in percent) with its status mark,
/// coloured by status: "142.82 ✘".
pub(super) fn judged_cell(
    kind: GoalKind,
    value: f64,
    status: Status,
    words: &dyn Words,
    decimals: usize,
) -> Cell {
    let shown = match kind {
        GoalKind::Level => number(value, Precision::Decimals(decimals)),
        GoalKind::Rate => percent(value, decimals),
    };
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

/// "≥ 150", "≤ 80", "≈ 60 ± 3", "avg growth ≥ 16%": goal values are shown as
/// written in the plan, not rounded to the table's decimals.
pub(super) fn goal_text(kind: GoalKind, goal: &Goal, words: &dyn Words) -> String {
    let amount = |x: f64| match kind {
        GoalKind::Level => number(x, Precision::Full),
        GoalKind::Rate => percent_shortest(x),
    };
    let condition = match goal.comparison {
        Comparison::AtLeast => format!("≥ {}", amount(goal.value)),
        Comparison::AtMost => format!("≤ {}", amount(goal.value)),
        Comparison::About { tolerance } => {
            format!("≈ {} ± {}", amount(goal.value), amount(tolerance))
        }
    };
    match kind {
        GoalKind::Level => condition,
        GoalKind::Rate => format!("{} {condition}", words.average_growth()),
    }
}
