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
    /// Columns of numbers, which read best right-aligned.
    pub numeric: Vec<bool>,
}

/// One cell of a table: its text and its tone.
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
    /// Missed, or behind: red.
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
