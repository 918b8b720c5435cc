//! The Charts sheet: what the tables written say about the goals and the
//! paths, and a native line chart per metric with a level goal drawn from
//! the cells of the table of years, apart from the tables themselves.

use super::*;

/// A chart's size in pixels, and how many stand side by side.
pub(super) const CHART_SIZE: (u32, u32) = (520, 320);
pub(super) const CHARTS_PER_ROW: u32 = 2;
/// The rows a chart takes at the default row height of 20 pixels, with a gap.
pub(super) const ROWS_PER_CHART: u32 = 17;

pub(super) const PATH_COLORS: [u32; 5] = [0x1F5B99, 0xD66E14, 0x2C8C46, 0x8046A0, 0xAA3C3C];
pub(super) const GOAL_COLOR: u32 = 0x787878;

/// Charts beyond these many would make a workbook too slow to open; the
/// first metrics with a level goal, in file order, are charted.
pub(super) const MAX_CHARTS: usize = 100;

/// What the tables written so far say about the charts: each metric's
/// level goal, as the first scenario of a table of goals has it, and where
/// each path of a table of years, one column per year, is.
#[derive(Default)]
pub(super) struct Found {
    /// `None` until a table of goals is written.
    goals: Option<HashMap<String, Goal>>,
    years: Option<YearsTable>,
}

/// A table of years, one column per year, as written.
pub(super) struct YearsTable {
    sheet: String,
    /// The sheet's first and last year columns, and the years.
    year_columns: (u16, u16),
    years: Vec<i32>,
    /// Each row: the scenario, then the metric's id, name and unit.
    rows: Vec<(u32, [String; 4])>,
}

/// What one table is, for the charts, as its columns say.
pub(super) enum Noting {
    Other,
    /// A table of goals: the columns of `metric`, `goal`, `op`, `target`
    /// and `tolerance`, and the level goals found.
    Goals([usize; 5], HashMap<String, Goal>),
    Years(YearsTable),
}

impl Found {
    /// What to note of table `name`, whose columns are `columns`.
    pub(super) fn table(&self, name: &str, columns: &[String]) -> Noting {
        let position = |key: &str| columns.iter().position(|c| c == key);
        let goal_columns = ["metric", "goal", "op", "target", "tolerance"].map(position);
        if let [Some(m), Some(g), Some(o), Some(t), Some(tol)] = goal_columns
            && self.goals.is_none()
        {
            return Noting::Goals([m, g, o, t, tol], HashMap::new());
        }
        let labels = LABEL_COLUMNS.len();
        let is_years = columns.len() > labels
            && columns[..labels].iter().eq(LABEL_COLUMNS.iter())
            && columns[labels..].iter().all(|c| year(c).is_some());
        if is_years && self.years.is_none() {
            let years: Vec<i32> = columns[labels..].iter().filter_map(|c| year(c)).collect();
            let first = labels as u16;
            return Noting::Years(YearsTable {
                sheet: name.to_owned(),
                year_columns: (first, first + years.len() as u16 - 1),
                years,
                rows: Vec::new(),
            });
        }
        Noting::Other
    }

    /// Keeps what a table noted.
    pub(super) fn noted(&mut self, noting: Noting) {
        match noting {
            Noting::Goals(_, goals) => self.goals = Some(goals),
            Noting::Years(years) => self.years = Some(years),
            Noting::Other => {}
        }
    }

    /// The charts the tables allow: a metric with a level goal in the goals
    /// table and a path in the years table; none without both tables.
    pub(super) fn charts(self) -> Option<Charts> {
        let (goals, years) = (self.goals?, self.years?);
        let mut metrics: Vec<Charted> = Vec::new();
        let mut charted: HashMap<&str, usize> = HashMap::new();
        for (row, [scenario, id, name, unit]) in &years.rows {
            if let Some(&index) = charted.get(id.as_str()) {
                metrics[index].rows.push((*row, scenario.clone()));
            } else if let Some(&goal) = goals.get(id)
                && metrics.len() < MAX_CHARTS
            {
                charted.insert(id, metrics.len());
                metrics.push(Charted {
                    name: name.clone(),
                    unit: unit.clone(),
                    goal,
                    rows: vec![(*row, scenario.clone())],
                });
            }
        }
        (!metrics.is_empty()).then_some(Charts {
            years_sheet: years.sheet,
            year_columns: years.year_columns,
            years: years.years,
            metrics,
        })
    }
}

impl Noting {
    /// Notes row `row` of the table.
    pub(super) fn row(&mut self, row: u32, fields: &[Field]) {
        match self {
            Noting::Other => {}
            Noting::Goals([metric, goal, op, target, tolerance], goals) => {
                if text(fields, *goal) != goal_kind_key(GoalKind::Level) {
                    return;
                }
                let comparisons = [
                    Comparison::AtLeast,
                    Comparison::AtMost,
                    Comparison::About {
                        tolerance: number_in(fields, *tolerance),
                    },
                ];
                if let Some(comparison) = comparisons
                    .into_iter()
                    .find(|c| op_key(*c) == text(fields, *op))
                {
                    let value = number_in(fields, *target);
                    goals
                        .entry(text(fields, *metric).to_owned())
                        .or_insert(Goal { comparison, value });
                }
            }
            Noting::Years(years) => {
                let labels = [0, 1, 2, 3].map(|c| text(fields, c).to_owned());
                years.rows.push((row, labels));
            }
        }
    }
}

/// The text of a record's field, or nothing.
pub(super) fn text<'a>(fields: &[Field<'a>], column: usize) -> &'a str {
    match fields.get(column) {
        Some(Field::Text(t)) => t,
        _ => "",
    }
}

/// The number of a record's field; not a number when it has none.
pub(super) fn number_in(fields: &[Field], column: usize) -> f64 {
    match fields.get(column) {
        Some(
            Field::Number(x)
            | Field::Fraction(x)
            | Field::Stated { x, .. }
            | Field::Missed { x, .. },
        ) => *x,
        _ => f64::NAN,
    }
}

/// A metric's charted path: where its years are, and its level goal.
pub(super) struct Charted {
    name: String,
    unit: String,
    goal: Goal,
    /// The years sheet's row of each scenario's path, with the scenario.
    rows: Vec<(u32, String)>,
}

/// The charts of a workbook that holds a report's goals and its years, one
/// column per year.
pub(super) struct Charts {
    years_sheet: String,
    /// The years sheet's first and last year columns, and the years.
    year_columns: (u16, u16),
    years: Vec<i32>,
    metrics: Vec<Charted>,
}

impl Charts {
    /// The goal lines' values as a small table at the top (a chart draws
    /// only what cells hold), then the charts beneath, two to a row.
    pub(super) fn draw(
        &self,
        sheet: &mut Worksheet,
        styles: &Styles,
        words: &dyn Words,
    ) -> Result<(), XlsxError> {
        sheet.write_string_with_format(0, 0, words.column(Column::Name), &styles.header)?;
        sheet.write_string_with_format(0, 1, words.goal(), &styles.header)?;
        let header_year = styles.header_year();
        for (col, year) in (2u16..).zip(&self.years) {
            sheet.write_number_with_format(0, col, *year, &header_year)?;
        }
        let mut name_width = text_width(words.column(Column::Name));
        let mut goal_width = text_width(words.goal());
        for (row, charted) in (1u32..).zip(&self.metrics) {
            let goal = level_text(&charted.goal);
            sheet.write_string(row, 0, &charted.name)?;
            sheet.write_string(row, 1, &goal)?;
            for col in (2u16..).take(self.years.len()) {
                sheet.write_number(row, col, charted.goal.value)?;
            }
            name_width = name_width.max(text_width(&charted.name));
            goal_width = goal_width.max(text_width(&goal));
        }
        sheet.set_column_width(0, name_width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 2.0)?;
        sheet.set_column_width(1, goal_width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 2.0)?;
        sheet.set_freeze_panes(1, 0)?;
        let first_chart_row = self.metrics.len() as u32 + 2;
        for (i, (goal_row, charted)) in (1u32..).zip(&self.metrics).enumerate() {
            let chart = self.chart(charted, goal_row, words);
            let i = i as u32;
            sheet.insert_chart_with_offset(
                first_chart_row + (i / CHARTS_PER_ROW) * ROWS_PER_CHART,
                0,
                &chart,
                (i % CHARTS_PER_ROW) * (CHART_SIZE.0 + 16),
                0,
            )?;
        }
        Ok(())
    }

    /// One metric's chart: a line per scenario, and the goal dashed.
    pub(super) fn chart(&self, charted: &Charted, goal_row: u32, words: &dyn Words) -> Chart {
        let (first, last) = self.year_columns;
        let years_sheet = self.years_sheet.as_str();
        let mut chart = Chart::new(ChartType::Line);
        let title = if charted.unit.is_empty() {
            charted.name.clone()
        } else {
            format!("{} ({})", charted.name, charted.unit)
        };
        chart.title().set_name(&title);
        chart.set_width(CHART_SIZE.0).set_height(CHART_SIZE.1);
        chart.legend().set_position(ChartLegendPosition::Bottom);
        let several = charted.rows.len() > 1;
        for ((row, scenario), color) in charted.rows.iter().zip(PATH_COLORS.iter().cycle()) {
            let name = if several { scenario } else { &charted.name };
            chart
                .add_series()
                .set_name(name.as_str())
                .set_categories((years_sheet, 0, first, 0, last))
                .set_values((years_sheet, *row, first, *row, last))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(Color::RGB(*color))
                            .set_width(2.25),
                    ),
                )
                .set_marker(
                    ChartMarker::new()
                        .set_type(ChartMarkerType::Circle)
                        .set_size(6),
                );
        }
        let goal_name = format!("{} {}", words.goal(), level_text(&charted.goal));
        let charts_sheet = words.sheet(Sheet::Charts);
        let last_goal_col = 2 + self.years.len() as u16 - 1;
        chart
            .add_series()
            .set_name(goal_name.as_str())
            .set_categories((years_sheet, 0, first, 0, last))
            .set_values((charts_sheet, goal_row, 2, goal_row, last_goal_col))
            .set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color(Color::RGB(GOAL_COLOR))
                        .set_dash_type(ChartLineDashType::Dash),
                ),
            )
            .set_marker(ChartMarker::new().set_none());
        chart
    }
}
