//! What `dabiao report` shows in the terminal and in Markdown: the goals
//! table (or, for several scenarios, their comparison), the years table with
//! its sparklines and marks, and year-on-year growth.

use std::collections::HashMap;

use super::GoalTableChoice;
use super::share_notes;
use crate::render::TextOptions;
use crate::render::document::{
    Cell, Document, Grid, Section, Tone, attainment_text, figure_text, goal_decimals, goal_text,
    judged_cell, judged_decimals, judged_text, latest_text, level_decimals, level_text,
    missed_by_text, opening, pace_text, plain, positions, progress_text, scenario_lines,
    section_heading, signed_percent, tone, unit_decimals, unit_points_text, years_between,
};
use crate::render::number::{DEFAULT_DECIMALS, Precision, number, percent, signed};
use crate::report::{
    DerivedTrend, GoalKind, GoalReport, GoalRow, Pace, PointSource, ReportHeader, ScheduleVerdict,
    Series, estimator_name,
};
use crate::words::TrendFound;

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
    document.preamble.extend(trend_lines(reports, options));
    let several = reports.len() > 1;
    let mut sections = Vec::new();
    // A plan may list metrics only to see their paths.
    let has_goals = reports.iter().any(|r| !r.goals.is_empty());
    if tables.summary() && has_goals {
        sections.push(match reports {
            [single] => Section::table(
                words.goals_heading().to_owned(),
                summary(single, options),
                Some(words.tally(
                    single.reached_count(),
                    single.goals.len(),
                    binding_tally(single),
                )),
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
            notes.extend(share_notes(report, options.lang, options.precision));
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

/// One line per metric whose growth or increment the plan took from its
/// history: the rate found and how. With several scenarios shown, a line
/// that holds for some of them only names them (a scenario's baseline
/// changes the trend that ends at it).
fn trend_lines(reports: &[GoalReport], options: &TextOptions) -> Vec<String> {
    let words = options.lang.words();
    let texts: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            r.series
                .iter()
                .filter_map(|s| trend_line(s, options))
                .collect()
        })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    for text in texts.iter().flatten() {
        let holding: Vec<&str> = reports
            .iter()
            .zip(&texts)
            .filter(|(_, those)| those.contains(text))
            .map(|(r, _)| r.header.scenario.as_str())
            .collect();
        let line = if holding.len() == reports.len() {
            text.clone()
        } else {
            words.in_scenarios(text, &holding)
        };
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// The line for a metric whose growth or increment is its history's trend.
fn trend_line(series: &Series, options: &TextOptions) -> Option<String> {
    let DerivedTrend { estimator, found } = series.trend?;
    let (words, d) = (options.lang.words(), options.decimals());
    let compound = found.rate.pace == Pace::Compound;
    let change = if compound {
        percent(found.rate.per_year, d)
    } else {
        words.with_unit(signed(found.rate.per_year, d), &series.metric.unit)
    };
    Some(
        words.trend_found(&TrendFound {
            name: series.metric.name.clone(),
            change,
            compound,
            estimator,
            key: estimator_name(estimator),
            from_year: found.from_year,
            to_year: found.to_year,
            points: found.points,
            r_squared: found
                .r_squared
                .map(|r| number(r, Precision::Decimals(d.max(3)))),
        }),
    )
}

/// The binding goals reached and all of them, when the report has any.
fn binding_tally(report: &GoalReport) -> Option<(usize, usize)> {
    let (reached, all) = report.binding_count();
    (all > 0).then_some((reached, all))
}

/// One row per goal. A plan with binding goals (约束性) says which are, in
/// a column after the goal.
fn summary(report: &GoalReport, options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let marks_binding = binding_tally(report).is_some();
    let mut header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
    ];
    let mut numeric = vec![false, false, false];
    if marks_binding {
        header.push(words.binding_header().to_owned());
        numeric.push(false);
    }
    header.extend([
        words.baseline(report.header.base_year),
        words.projected(report.header.target_year),
        words.status_header().to_owned(),
    ]);
    numeric.extend([true, true, false]);
    let with_odds = report.has_odds();
    if with_odds {
        header.push(words.probability().to_owned());
        numeric.push(true);
    }
    header.extend([
        words.gap().to_owned(),
        words.attainment().to_owned(),
        words.required_rate().to_owned(),
        words.year_reached().to_owned(),
    ]);
    numeric.extend([true, true, true, true]);
    let last_year_searched = report.header.last_year_searched();
    let mut rows: Vec<Vec<Cell>> = report
        .goals
        .iter()
        .map(|row| summary_row(row, options, last_year_searched, marks_binding, with_odds))
        .collect();
    // Plans tracked against actual figures say where each goal stands.
    if report.goals.iter().any(|g| g.outcome.progress.is_some()) {
        header.extend([
            words.latest().to_owned(),
            words.deviation().to_owned(),
            words.progress_and_time().to_owned(),
            words.remaining_rate().to_owned(),
            words.schedule().to_owned(),
        ]);
        numeric.extend([true, true, true, true, false]);
        for (cells, goal) in rows.iter_mut().zip(&report.goals) {
            cells.extend(progress_cells(goal, options));
        }
    }
    // Too wide for the terminal, the table keeps the metric, its goal, the
    // projection and the status, and leaves out first what is furthest from
    // the verdict.
    let drop_order = positions(
        &header,
        [
            words.required_rate().to_owned(),
            words.remaining_rate().to_owned(),
            words.deviation().to_owned(),
            words.year_reached().to_owned(),
            words.latest().to_owned(),
            words.baseline(report.header.base_year),
            words.progress_and_time().to_owned(),
            words.attainment().to_owned(),
            words.unit().to_owned(),
            words.binding_header().to_owned(),
            words.schedule().to_owned(),
            words.gap().to_owned(),
        ],
    );
    Grid {
        header,
        rows,
        numeric,
        drop_order,
    }
}

/// Latest figure, how far it is better than the plan path, progress
/// against time, the rate (or points a year) needed from now, and the
/// schedule verdict.
fn progress_cells(goal: &GoalRow, options: &TextOptions) -> [Cell; 5] {
    let (words, d) = (options.lang.words(), options.decimals());
    let Some(p) = goal.outcome.progress.as_ref() else {
        return std::array::from_fn(|_| plain(""));
    };
    let schedule = match p.schedule() {
        ScheduleVerdict::FinalFigure => plain(words.final_figure()),
        ScheduleVerdict::AlreadyReached => Cell {
            text: words.already_reached().to_owned(),
            tone: Tone::Good,
        },
        ScheduleVerdict::BehindPlanPath => Cell {
            text: words.behind_schedule().to_owned(),
            tone: Tone::Bad,
        },
        ScheduleVerdict::OnPlanPath => plain(words.on_schedule()),
    };
    [
        plain(latest_text(
            p.latest_year,
            p.latest_value,
            goal.stated.latest,
            options.value_decimals(p.latest_value, unit_decimals(&goal.statement)),
        )),
        plain(
            p.deviation
                .map_or_else(String::new, |x| signed_percent(x, d)),
        ),
        plain(progress_text(p)),
        plain(pace_text(
            p.remaining_rate,
            p.remaining_points,
            words.points(),
            words,
            d,
        )),
        schedule,
    ]
}

fn summary_row(
    row: &GoalRow,
    options: &TextOptions,
    last_year_searched: i32,
    marks_binding: bool,
    with_odds: bool,
) -> Vec<Cell> {
    let (words, d) = (options.lang.words(), options.decimals());
    let (o, statement) = (&row.outcome, &row.statement);
    let judged = judged_decimals(statement, o.projected, o.status, options);
    // The gap has its goal's decimals, at least two, as the goal is stated.
    let gap = options
        .precision
        .unwrap_or_else(|| DEFAULT_DECIMALS.max(goal_decimals(statement)));
    let baseline_decimals = options.value_decimals(o.baseline, unit_decimals(statement));
    let status = Cell {
        text: words.status(o.status).to_owned(),
        tone: tone(o.status),
    };
    let year_reached = match o.kind {
        GoalKind::Level => o
            .year_reached
            .map_or_else(|| words.not_by(last_year_searched), |y| y.to_string()),
        _ => String::new(),
    };
    let mut cells = vec![
        plain(row.metric.name.clone()),
        plain(row.metric.unit.clone()),
        plain(goal_text(statement, words, Some(d))),
    ];
    if marks_binding {
        cells.push(plain(words.binding(o.binding)));
    }
    cells.extend([
        plain(figure_text(
            o.baseline,
            row.stated.baseline,
            baseline_decimals,
        )),
        plain(judged_text(statement, o.projected, words, judged)),
        status,
    ]);
    if with_odds {
        let probability = row.probability.map(|p| percent(p.value, d));
        cells.push(plain(probability.unwrap_or_default()));
    }
    cells.extend([
        plain(missed_by_text(statement, o.gap, o.status, words, gap)),
        plain(
            o.attainment
                .map_or_else(String::new, |a| attainment_text(a, o.status, d)),
        ),
        plain(pace_text(
            o.required_rate,
            o.required_points,
            words.points(),
            words,
            d,
        )),
        plain(year_reached),
    ]);
    cells
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
    // Figures the plan writes as written; the others as each needs, at
    // least with the decimals of the metric's level goal.
    if options.sparkline {
        header.push(words.trend().to_owned());
    }
    header.push(words.target_header().to_owned());
    let rows = report
        .series
        .iter()
        .map(|s| {
            let mut row = vec![plain(s.metric.name.clone()), plain(s.metric.unit.clone())];
            let stated = s.level_goal.as_ref().map_or(0, level_decimals);
            row.extend(s.points.iter().map(|p| {
                let decimals = options.value_decimals(p.value, stated);
                let value = figure_text(p.value, p.stated, decimals);
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
            row.push(plain(
                s.level_goal.as_ref().map_or_else(String::new, level_text),
            ));
            row
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(report.header.years().map(|_| true));
    if options.sparkline {
        numeric.push(false);
    }
    numeric.push(true);
    // Too wide, it leaves out the trend mark, the level goal (which the
    // goals table states), the unit, then the years between the first and
    // the last.
    let years = 2..2 + report.header.years().count();
    let target = header.len() - 1;
    let mut drop_order: Vec<usize> = options.sparkline.then_some(years.end).into_iter().collect();
    drop_order.extend([target, 1]);
    drop_order.extend(years_between(years));
    Grid {
        header,
        rows,
        numeric,
        drop_order,
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
            // A metric in % changes by points.
            let change = |g: f64| {
                if s.metric.in_points {
                    unit_points_text(g, words, options.decimals())
                } else {
                    percent(g, options.decimals())
                }
            };
            row.extend(
                s.growth
                    .iter()
                    .map(|growth| plain(growth.map_or_else(String::new, change))),
            );
            row
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(report.header.years().skip(1).map(|_| true));
    // Too wide, it leaves out the unit, then the years between the first
    // and the last.
    let mut drop_order = vec![1];
    drop_order.extend(years_between(2..header.len()));
    Grid {
        header,
        rows,
        numeric,
        drop_order,
    }
}

/// One row per goal, one column per scenario: the projected value and its
/// status; a last row counts the goals reached in each scenario, and one
/// more the binding goals, when there are any. A goal that a scenario
/// changes shows its own target beside the value.
fn comparison<'r>(reports: &'r [GoalReport], options: &TextOptions) -> Grid {
    let words = options.lang.words();
    let mut header = vec![
        words.metric().to_owned(),
        words.unit().to_owned(),
        words.goal().to_owned(),
    ];
    header.extend(reports.iter().map(|r| r.header.scenario.clone()));
    // Each scenario's goals by metric, so that finding a cell's goal is a
    // look-up: a search through every goal per cell grows as the square of
    // the metrics.
    let by_metric: Vec<HashMap<&str, Vec<&GoalRow>>> =
        reports.iter().map(goals_by_metric).collect();
    let find = |goals: &HashMap<&str, Vec<&'r GoalRow>>, (id, kind): (&str, GoalKind)| {
        goals
            .get(id)?
            .iter()
            .copied()
            .find(|g| g.outcome.kind == kind)
    };
    // Goals in plan order, each metric's in the order of their kinds, as
    // any scenario has them.
    let mut keys: Vec<(&str, GoalKind)> = Vec::new();
    for series in &reports[0].series {
        for kind in GoalKind::ALL {
            let key = (series.metric.id.as_str(), kind);
            if by_metric.iter().any(|goals| find(goals, key).is_some()) {
                keys.push(key);
            }
        }
    }
    // The rate an in-step goal keeps pace with differs by scenario: the
    // goal is shown as stated.
    let stated = |row: &GoalRow| goal_text(&row.statement, words, None);
    let mut rows = Vec::with_capacity(keys.len() + 2);
    for key in keys {
        let Some(shown) = by_metric.iter().find_map(|goals| find(goals, key)) else {
            continue;
        };
        let shown_goal = stated(shown);
        let mut row = vec![
            plain(shown.metric.name.clone()),
            plain(shown.metric.unit.clone()),
            plain(shown_goal.clone()),
        ];
        for goals in &by_metric {
            row.push(match find(goals, key) {
                None => plain(""),
                Some(goal) => {
                    let o = &goal.outcome;
                    let mut cell = judged_cell(&goal.statement, o.projected, o.status, options);
                    let own_goal = stated(goal);
                    if own_goal != shown_goal {
                        cell.text.push_str(&format!(" ({own_goal})"));
                    }
                    cell
                }
            });
        }
        rows.push(row);
    }
    let count_row = |label: &str, count: &dyn Fn(&GoalReport) -> Option<(usize, usize)>| {
        let mut row = vec![plain(label), plain(""), plain("")];
        row.extend(reports.iter().map(|r| {
            plain(count(r).map_or_else(String::new, |(reached, all)| format!("{reached}/{all}")))
        }));
        row
    };
    rows.push(count_row(words.goals_reached(), &|r| {
        Some((r.reached_count(), r.goals.len()))
    }));
    if reports.iter().any(|r| binding_tally(r).is_some()) {
        rows.push(count_row(words.binding_goals_reached(), &binding_tally));
    }
    let mut numeric = vec![false, false, false];
    numeric.extend(reports.iter().map(|_| true));
    // Too wide, it leaves out the unit, then the scenarios from the last,
    // keeping the first.
    let mut drop_order = vec![1];
    drop_order.extend((4..header.len()).rev());
    Grid {
        header,
        rows,
        numeric,
        drop_order,
    }
}

/// A scenario's goals by the id of their metric, in plan order.
fn goals_by_metric(report: &GoalReport) -> HashMap<&str, Vec<&GoalRow>> {
    let mut goals: HashMap<&str, Vec<&GoalRow>> = HashMap::new();
    for goal in &report.goals {
        goals.entry(goal.metric.id.as_str()).or_default().push(goal);
    }
    goals
}
