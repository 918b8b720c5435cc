//! What `dabiao report` shows in the terminal and in Markdown: the goals
//! table (or, for several scenarios, their comparison), the years table with
//! its sparklines and marks, and year-on-year growth.

use super::GoalTableChoice;
use super::share_notes;
use crate::render::TextOptions;
use crate::render::document::{
    Cell, Document, Grid, Section, Tone, goal_text, judged_cell, latest_text, opening, plain,
    points_text, progress_text, scenario_lines, section_heading, signed_percent, tone,
};
use crate::render::number::{Precision, number, percent, signed};
use crate::report::{GoalKind, GoalReport, GoalRow, PointSource, Progress, ReportHeader};

/// The document for one scenario (goals, then years), or for several (a
/// comparison of the goals, then each scenario's years).
pub(super) fn document(
    reports: &[GoalReport],
    tables: GoalTableChoice,
    options: &TextOptions,
) -> Document {
    let words = options.lang.words();
    let headers: Vec<&ReportHeader> = reports.iter().map(|r| &r.header).collect();
    let mut document = opening(&headers, words, None);
    document.preamble.extend(scenario_lines(&headers, words));
    let several = reports.len() > 1;
    let mut sections = Vec::new();
    // A plan may list metrics only to see their paths.
    let has_goals = reports.iter().any(|r| !r.goals.is_empty());
    if tables.summary() && has_goals {
        sections.push(match reports {
            [single] => Section::table(
                words.goals_heading().to_owned(),
                summary(single, options),
                Some(words.tally(single.reached_count(), single.goals.len())),
            ),
            several => Section::table(
                words.comparison_heading().to_owned(),
                comparison(several, options),
                None,
            ),
        });
    }
    if tables.years() {
        for report in reports {
            let heading = section_heading(words.years_heading(), &report.header, several);
            let mut notes: Vec<String> = Vec::new();
            if report.has_actuals() {
                notes.push(words.source_legend(ACTUAL_MARK, INTERPOLATED_MARK));
            }
            notes.extend(share_notes(report, options.lang, options.decimals));
            let note = (!notes.is_empty()).then(|| notes.join("\n"));
            sections.push(Section::table(heading, years(report, options), note));
            if report.has_actuals() {
                let heading = section_heading(words.growth_heading(), &report.header, several);
                sections.push(Section::table(heading, growth(report, options), None));
            }
        }
    }
    document.sections = sections;
    document
}

/// One row per goal.
fn summary(report: &GoalReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
        words.baseline(report.header.base_year),
        words.projected(report.header.target_year),
        words.status_header().to_owned(),
        words.gap().to_owned(),
        words.attainment().to_owned(),
        words.required_rate().to_owned(),
        words.year_reached().to_owned(),
    ];
    let last_year_searched = report.header.last_year_searched();
    let mut rows: Vec<Vec<Cell>> = report
        .goals
        .iter()
        .map(|row| summary_row(row, options, last_year_searched))
        .collect();
    let mut grid = Grid {
        header,
        rows: Vec::new(),
        numeric: vec![
            false, false, false, true, true, false, true, true, true, true,
        ],
    };
    // Plans tracked against actual figures say where each goal stands.
    if report.goals.iter().any(|g| g.outcome.progress.is_some()) {
        grid.header.extend([
            words.latest().to_owned(),
            words.deviation().to_owned(),
            words.progress_and_time().to_owned(),
            words.remaining_rate().to_owned(),
            words.schedule().to_owned(),
        ]);
        grid.numeric.extend([true, true, true, true, false]);
        for (cells, goal) in rows.iter_mut().zip(&report.goals) {
            cells.extend(progress_cells(goal.outcome.progress.as_ref(), options));
        }
    }
    grid.rows = rows;
    grid
}

/// Latest figure, its deviation from the plan path, progress against time,
/// the rate needed from now, and the schedule verdict.
fn progress_cells(progress: Option<&Progress>, options: &TextOptions) -> [Cell; 5] {
    let (words, d) = (options.lang.words(), options.decimals);
    let Some(p) = progress else {
        return std::array::from_fn(|_| plain(""));
    };
    let schedule = if p.final_figure {
        plain(words.final_figure())
    } else if p.already_reached {
        Cell {
            text: words.already_reached().to_owned(),
            tone: Tone::Good,
        }
    } else if p.behind_schedule {
        Cell {
            text: words.behind_schedule().to_owned(),
            tone: Tone::Bad,
        }
    } else {
        plain(words.on_schedule())
    };
    [
        plain(latest_text(p.latest_year, p.latest_value, d)),
        plain(
            p.deviation
                .map_or_else(String::new, |x| signed_percent(x, d)),
        ),
        plain(progress_text(p)),
        plain(p.remaining_rate.map_or_else(String::new, |r| percent(r, d))),
        schedule,
    ]
}

fn summary_row(row: &GoalRow, options: &TextOptions, last_year_searched: i32) -> Vec<Cell> {
    let (words, d) = (options.lang.words(), options.decimals);
    let o = &row.outcome;
    let value = |x: f64| number(x, Precision::Decimals(d));
    let status = Cell {
        text: words.status(o.status).to_owned(),
        tone: tone(o.status),
    };
    let (projected, gap, year_reached) = match o.kind {
        GoalKind::Level => (
            value(o.projected),
            signed(o.gap, d),
            o.year_reached
                .map_or_else(|| words.not_by(last_year_searched), |y| y.to_string()),
        ),
        GoalKind::Rate => (
            percent(o.projected, d),
            points_text(o.gap, words, d),
            String::new(),
        ),
    };
    vec![
        plain(row.metric.name.clone()),
        plain(row.metric.unit.clone()),
        plain(goal_text(o.kind, &o.goal, options.lang.words())),
        plain(value(o.baseline)),
        plain(projected),
        status,
        plain(gap),
        plain(o.attainment.map_or_else(String::new, |a| percent(a, d))),
        plain(o.required_rate.map_or_else(String::new, |r| percent(r, d))),
        plain(year_reached),
    ]
}

/// Marks after a value in the years table: an actual figure, or one filled in
/// between known values. Projected values and baselines carry none.
const ACTUAL_MARK: &str = "*";
const INTERPOLATED_MARK: &str = "~";

/// One row per metric, one column per year, then the level goal.
fn years(report: &GoalReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let mut header = vec![words.metric().to_owned(), words.unit().to_owned()];
    header.extend(report.header.years().map(|y| y.to_string()));
    if options.sparkline {
        header.push(words.trend().to_owned());
    }
    header.push(words.target_header().to_owned());
    let rows = report
        .series
        .iter()
        .map(|s| {
            let mut row = vec![plain(s.metric.name.clone()), plain(s.metric.unit.clone())];
            row.extend(s.points.iter().map(|p| {
                let value = number(p.value, Precision::Decimals(options.decimals));
                plain(match p.source {
                    PointSource::Actual => format!("{value}{ACTUAL_MARK}"),
                    PointSource::Interpolated => format!("{value}{INTERPOLATED_MARK}"),
                    _ => value,
                })
            }));
            if options.sparkline {
                let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
                row.push(plain(sparkline(&values)));
            }
            row.push(plain(s.level_goal.map_or_else(String::new, |g| {
                goal_text(GoalKind::Level, &g, options.lang.words())
            })));
            row
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(report.header.years().map(|_| true));
    if options.sparkline {
        numeric.push(false);
    }
    numeric.push(true);
    Grid {
        header,
        rows,
        numeric,
    }
}

/// A row's shape at a glance: one block per value, from ▁ (its lowest) to █
/// (its highest); a flat row is drawn at mid height.
fn sparkline(values: &[f64]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (low, high) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    values
        .iter()
        .map(|&v| {
            if high > low {
                BLOCKS[(((v - low) / (high - low)) * 7.0).round() as usize]
            } else {
                BLOCKS[3]
            }
        })
        .collect()
}

/// Year-on-year growth (同比增速) of every metric, the years after the base
/// year as columns; blank where the previous value is not positive.
fn growth(report: &GoalReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let mut header = vec![words.metric().to_owned(), words.unit().to_owned()];
    header.extend(report.header.years().skip(1).map(|y| y.to_string()));
    let rows = report
        .series
        .iter()
        .map(|s| {
            let mut row = vec![plain(s.metric.name.clone()), plain(s.metric.unit.clone())];
            row.extend(s.growth.iter().map(|growth| {
                plain(growth.map_or_else(String::new, |g| percent(g, options.decimals)))
            }));
            row
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(report.header.years().skip(1).map(|_| true));
    Grid {
        header,
        rows,
        numeric,
    }
}

/// One row per goal, one column per scenario: the projected value and its
/// status; a last row counts the goals reached in each scenario. A goal that
/// a scenario changes shows its own target beside the value.
fn comparison(reports: &[GoalReport], options: &TextOptions) -> Grid {
    let (words, d) = (options.lang.words(), options.decimals);
    let mut header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
    ];
    header.extend(reports.iter().map(|r| r.header.scenario.clone()));
    // Goals in plan order, level before rate, as any scenario has them.
    let mut keys: Vec<(&str, GoalKind)> = Vec::new();
    for series in &reports[0].series {
        for kind in [GoalKind::Level, GoalKind::Rate] {
            let has = |r: &GoalReport| {
                r.goals
                    .iter()
                    .any(|g| g.metric.id == series.metric.id && g.outcome.kind == kind)
            };
            if reports.iter().any(has) {
                keys.push((series.metric.id.as_str(), kind));
            }
        }
    }
    fn find<'r>(report: &'r GoalReport, (id, kind): (&str, GoalKind)) -> Option<&'r GoalRow> {
        report
            .goals
            .iter()
            .find(|g| g.metric.id == id && g.outcome.kind == kind)
    }
    let mut rows = Vec::with_capacity(keys.len() + 1);
    for key in keys {
        let Some(shown) = reports.iter().find_map(|r| find(r, key)) else {
            continue;
        };
        let shown_goal = goal_text(
            shown.outcome.kind,
            &shown.outcome.goal,
            options.lang.words(),
        );
        let mut row = vec![
            plain(shown.metric.name.clone()),
            plain(shown.metric.unit.clone()),
            plain(shown_goal.clone()),
        ];
        for report in reports {
            row.push(match find(report, key) {
                None => plain(""),
                Some(goal) => {
                    let o = &goal.outcome;
                    let mut cell = judged_cell(o.kind, o.projected, o.status, words, d);
                    let own_goal = goal_text(o.kind, &o.goal, options.lang.words());
                    if own_goal != shown_goal {
                        cell.text.push_str(&format!(" ({own_goal})"));
                    }
                    cell
                }
            });
        }
        rows.push(row);
    }
    let mut total = vec![plain(words.goals_reached()), plain(""), plain("")];
    total.extend(
        reports
            .iter()
            .map(|r| plain(format!("{}/{}", r.reached_count(), r.goals.len()))),
    );
    rows.push(total);
    let mut numeric = vec![false, false, false];
    numeric.extend(reports.iter().map(|_| true));
    Grid {
        header,
        rows,
        numeric,
    }
}
