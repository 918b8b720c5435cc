//! The cells of the human-readable tables, shared by the terminal table and
//! Markdown so that both always say the same thing in the same columns.

use super::TextOptions;
use super::number::{Precision, number, percent, percent_shortest, signed};
use crate::calc::Status;
use crate::plan::{Comparison, Goal, GoalKind, MAX_HORIZON};
use crate::report::{GoalRow, Report};

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

fn plain(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        tone: Tone::Plain,
    }
}

/// One row per goal.
pub fn summary(report: &Report, options: &TextOptions) -> Grid {
    let lang = options.lang;
    let header = vec![
        lang.metric().to_owned(),
        lang.unit().to_owned(),
        lang.goal().to_owned(),
        lang.baseline(report.base_year),
        lang.projected(report.target_year),
        lang.status_header().to_owned(),
        lang.gap().to_owned(),
        lang.attainment().to_owned(),
        lang.required_rate().to_owned(),
        lang.year_reached().to_owned(),
    ];
    let last_year_searched = report.base_year + MAX_HORIZON;
    let rows = report
        .goals
        .iter()
        .map(|row| summary_row(row, options, last_year_searched))
        .collect();
    Grid {
        header,
        rows,
        numeric: vec![
            false, false, false, true, true, false, true, true, true, true,
        ],
    }
}

fn summary_row(row: &GoalRow, options: &TextOptions, last_year_searched: i32) -> Vec<Cell> {
    let (lang, d) = (options.lang, options.decimals);
    let o = &row.outcome;
    let value = |x: f64| number(x, Precision::Decimals(d));
    let status = Cell {
        text: lang.status(o.status).to_owned(),
        tone: match o.status {
            Status::Reached => Tone::Good,
            Status::Missed => Tone::Bad,
        },
    };
    let (projected, gap, year_reached) = match o.kind {
        GoalKind::Level => (
            value(o.projected),
            signed(o.gap, d),
            o.year_reached
                .map_or_else(|| lang.not_by(last_year_searched), |y| y.to_string()),
        ),
        GoalKind::Rate => (
            percent(o.projected, d),
            format!("{}{}", signed(o.gap * 100.0, d), lang.points()),
            String::new(),
        ),
    };
    vec![
        plain(row.metric.name.clone()),
        plain(row.metric.unit.clone()),
        plain(goal_text(o.kind, &o.goal, options)),
        plain(value(o.baseline)),
        plain(projected),
        status,
        plain(gap),
        plain(o.attainment.map_or_else(String::new, |a| percent(a, d))),
        plain(o.required_rate.map_or_else(String::new, |r| percent(r, d))),
        plain(year_reached),
    ]
}

/// One row per metric, one column per year, then the level goal.
pub fn years(report: &Report, options: &TextOptions) -> Grid {
    let lang = options.lang;
    let mut header = vec![lang.metric().to_owned(), lang.unit().to_owned()];
    header.extend(report.years().map(|y| y.to_string()));
    header.push(lang.target_header().to_owned());
    let rows = report
        .series
        .iter()
        .map(|s| {
            let mut row = vec![plain(s.metric.name.clone()), plain(s.metric.unit.clone())];
            row.extend(
                s.points
                    .iter()
                    .map(|p| plain(number(p.value, Precision::Decimals(options.decimals)))),
            );
            row.push(plain(s.level_goal.map_or_else(String::new, |g| {
                goal_text(GoalKind::Level, &g, options)
            })));
            row
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(report.years().map(|_| true));
    numeric.push(true);
    Grid {
        header,
        rows,
        numeric,
    }
}

/// "≥ 150", "≤ 80", "≈ 60 ± 3", "avg growth ≥ 16%": goal values are shown as
/// written in the plan, not rounded to the table's decimals.
fn goal_text(kind: GoalKind, goal: &Goal, options: &TextOptions) -> String {
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
        GoalKind::Rate => format!("{} {condition}", options.lang.average_growth()),
    }
}
