//! Excel workbooks (.xlsx), written with rust_xlsxwriter: one sheet per
//! table of the report, as its records hold it, so that a workbook says
//! what CSV says, table by table. Numbers stay numbers, shown with a format
//! (rates and attainment as percentages, values with two decimals, or none
//! for a metric whose values are all whole, or `--precision`'s); sheet and
//! header names follow the language; the header row is frozen and
//! filtered; columns are as wide as their text, Chinese counted double;
//! status and verdict cells are filled green, amber or red. A workbook that
//! holds a report's goals and years also gets a Charts sheet: a native line
//! chart per metric with a level goal, its path (one line per scenario)
//! against the goal.
//!
//! Each table's records are taken once, row by row, as CSV takes them; what
//! a later row changes (a metric's first value with decimals) is written
//! again over the cells it concerns. Text is written as text, never as a
//! formula, so a name starting with `=` needs no apostrophe, unlike CSV.
//!
//! The records' keys (`required_rate`) name the columns through
//! [`Column`]; the keys that say which columns hold the goals and the years
//! come from `records`, where CSV and JSON take them.

mod chart;
mod format;

use std::collections::{HashMap, HashSet};

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker,
    ChartMarkerType, ChartType, Color, DocProperties, Format, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::document::{Tone, level_text, opening, scenario_lines};
use super::number::{Precision, decimals_unlike, number, telling, written_decimals};
use super::records::{Field, LABEL_COLUMNS, Records, goal_kind_key, op_key, status_key};
use super::review::verdict_tone;
use super::{Options, Render, RenderError};
use crate::report::{Comparison, Goal, GoalKind, Status};
use crate::words::{Column, Sheet, Words};

/// The most rows a worksheet holds, header included.
const MAX_ROWS: usize = 1_048_576;

/// The most columns a worksheet holds.
const MAX_COLUMNS: usize = 16_384;

use chart::Found;
use format::{Decimals, Styles, WIDTHS, Whole, text_width, value_width, write_field};

/// The workbook of `report`, as the options choose its tables.
pub(super) fn workbook<R: Render + ?Sized>(
    report: &R,
    options: &Options<R::TableChoice>,
) -> Result<Vec<u8>, RenderError> {
    let words = options.lang.words();
    let sheets = R::sheets(options.table)?;
    let mut book = Workbook::new();
    // The plan's title and the lines under it, as the documents open.
    let headers = report.headers();
    let mut opening = opening(&headers, words, None);
    opening.preamble.extend(scenario_lines(&headers, words));
    let mut properties = DocProperties::new().set_comment(opening.preamble.join("\n"));
    if let Some(title) = &opening.title {
        properties = properties.set_title(title);
    }
    book.set_properties(&properties);
    let styles = Styles::new(options.precision);
    let mut found = Found::default();
    for (table, sheet) in sheets {
        let name = words.sheet(sheet);
        let worksheet = book.add_worksheet().set_name(name).map_err(failed)?;
        write_table(
            worksheet,
            name,
            report.records(table),
            &styles,
            words,
            &mut found,
        )?;
    }
    if let Some(charts) = found.charts() {
        let sheet = book
            .add_worksheet()
            .set_name(words.sheet(Sheet::Charts))
            .map_err(failed)?;
        charts.draw(sheet, &styles, words).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn failed(error: XlsxError) -> RenderError {
    RenderError::Workbook(error.to_string())
}

/// The column a record key names, for its header.
fn column(key: &str) -> Option<Column> {
    const KEYS: [(&str, Column); 51] = [
        ("plan", Column::Plan),
        ("scenario", Column::Scenario),
        ("metric", Column::Metric),
        ("name", Column::Name),
        ("unit", Column::Unit),
        ("goal", Column::Goal),
        ("op", Column::Op),
        ("target", Column::Target),
        ("tolerance", Column::Tolerance),
        ("base_year", Column::BaseYear),
        ("baseline", Column::Baseline),
        ("target_year", Column::TargetYear),
        ("projected", Column::Projected),
        ("status", Column::Status),
        ("gap", Column::Gap),
        ("attainment", Column::Attainment),
        ("required_rate", Column::RequiredRate),
        ("year_reached", Column::YearReached),
        ("latest_year", Column::LatestYear),
        ("latest_value", Column::LatestValue),
        ("plan_value", Column::PlanValue),
        ("deviation", Column::Deviation),
        ("progress", Column::Progress),
        ("expected_progress", Column::ExpectedProgress),
        ("time_elapsed", Column::TimeElapsed),
        ("remaining_rate", Column::RemainingRate),
        ("reference", Column::Reference),
        ("binding", Column::Binding),
        ("schedule", Column::Schedule),
        ("shift", Column::Shift),
        ("rate", Column::Rate),
        ("break_even_shift", Column::BreakEvenShift),
        ("break_even_rate", Column::BreakEvenRate),
        ("achieved_rate", Column::AchievedRate),
        ("achieved_increment", Column::AchievedIncrement),
        ("remaining_increment", Column::RemainingIncrement),
        ("extrapolated", Column::Extrapolated),
        ("as_of", Column::AsOf),
        ("method", Column::Method),
        ("verdict", Column::Verdict),
        ("probability", Column::Probability),
        ("p10", Column::P10),
        ("p50", Column::P50),
        ("p90", Column::P90),
        ("year_p10", Column::YearP10),
        ("year_p50", Column::YearP50),
        ("year_p90", Column::YearP90),
        ("paths", Column::Paths),
        ("seed", Column::Seed),
        ("reached", Column::Reached),
        ("plans", Column::Plans),
    ];
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

/// A column of years is keyed by its year.
fn year(key: &str) -> Option<i32> {
    key.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| key.parse().ok())
        .flatten()
}

/// The header a record key gets in the run's language; a key without a
/// word keeps its own name.
fn header<'k>(key: &'k str, words: &dyn Words) -> &'k str {
    column(key).map_or(key, |c| words.column(c))
}

/// What a text cell says about a goal: a status, or a review's verdict.
fn tone(key: &str, text: &str) -> Tone {
    let status = |s: Status| status_key(s) == text;
    match column(key) {
        Some(Column::Status) if status(Status::Reached) => Tone::Good,
        Some(Column::Status) if status(Status::Missed) => Tone::Bad,
        Some(Column::Verdict) => verdict_tone(text).unwrap_or(Tone::Plain),
        _ => Tone::Plain,
    }
}

/// One table: its header, then a row per record as the records are made,
/// frozen, filtered, fitted; what the charts need is noted in `found`.
fn write_table(
    sheet: &mut Worksheet,
    name: &str,
    records: Records<'_>,
    styles: &Styles,
    words: &dyn Words,
    found: &mut Found,
) -> Result<(), RenderError> {
    let Records { columns, rows } = records;
    if columns.len() > MAX_COLUMNS {
        return Err(RenderError::TooManyColumns {
            sheet: name.to_owned(),
            columns: columns.len(),
            max: MAX_COLUMNS,
        });
    }
    let mut widths: Vec<usize> = Vec::with_capacity(columns.len());
    let header_year = styles.header_year();
    for (col, key) in (0u16..).zip(&columns) {
        match year(key) {
            Some(year) => sheet.write_number_with_format(0, col, year, &header_year),
            None => sheet.write_string_with_format(0, col, header(key, words), &styles.header),
        }
        .map_err(failed)?;
        widths.push(text_width(header(key, words)) + 2);
    }
    let mut noting = found.table(name, &columns);
    let mut decimals = Decimals::new(&columns, styles.precision);
    let mut written = 0u32;
    let mut rows = rows;
    while let Some(fields) = rows.next() {
        let row = written + 1;
        if row as usize >= MAX_ROWS {
            let total = row as usize + rows.count();
            return Err(RenderError::TooManyRows {
                sheet: name.to_owned(),
                rows: total,
                max: MAX_ROWS - 1,
            });
        }
        let (row_decimals, again) = decimals.row(row, &fields);
        for Whole { row, col, x, floor } in again {
            let decimals = floor.max(2);
            sheet
                .write_number_with_format(row, col, x, styles.value(decimals))
                .map_err(failed)?;
            let width = &mut widths[usize::from(col)];
            *width = (*width).max(value_width(x, decimals));
        }
        for ((col, key), field) in (0u16..).zip(&columns).zip(&fields) {
            let shown =
                write_field(sheet, (row, col), key, field, row_decimals, styles).map_err(failed)?;
            let width = &mut widths[usize::from(col)];
            *width = (*width).max(text_width(&shown));
        }
        noting.row(row, &fields);
        written = row;
    }
    found.noted(noting);
    for (col, width) in (0u16..).zip(widths) {
        sheet
            .set_column_width(col, width.clamp(WIDTHS.0, WIDTHS.1) as f64 + 1.0)
            .map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    let last_col = columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, written, last_col).map_err(failed)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::GoalTableChoice;
    use crate::render::sensitivity::SensitivityTableChoice;
    use crate::render::{Destination, Format as OutputFormat, Lang, Misfit, check};
    use crate::report::GoalReport;
    use crate::report::review::{ReviewHistory, ReviewReport};
    use crate::report::sensitivity::SensitivityReport;

    fn options(terminal: bool) -> Options<GoalTableChoice> {
        Options {
            lang: Lang::En,
            precision: None,
            table: None,
            layout: None,
            bom: false,
            raw_csv: false,
            color: None,
            sparkline: false,
            wide: false,
            destination: Destination {
                terminal,
                no_color: false,
                width: None,
            },
        }
    }

    #[test]
    fn a_workbook_never_goes_to_a_terminal() {
        let xlsx = OutputFormat::Xlsx;
        assert_eq!(
            check::<[GoalReport]>(xlsx, &options(true)),
            Err(Misfit::Terminal)
        );
        assert_eq!(check::<[GoalReport]>(xlsx, &options(false)), Ok(()));
        // Text may.
        assert_eq!(
            check::<[GoalReport]>(OutputFormat::Table, &options(true)),
            Ok(())
        );
        // A workbook always holds every column.
        let wide = Options {
            wide: true,
            ..options(false)
        };
        assert_eq!(check::<[GoalReport]>(xlsx, &wide), Err(Misfit::Wide));
    }

    #[test]
    fn every_column_a_workbook_holds_has_a_header_in_each_language() {
        let keys = [
            &crate::render::records::SUMMARY_COLUMNS[..],
            &[crate::render::records::SCHEDULE_COLUMN],
            &crate::render::records::LONG_YEAR_COLUMNS[..4],
            &["shift", "rate", "break_even_shift", "break_even_rate"],
            &crate::render::review::COLUMNS[..],
            &crate::render::review::HISTORY_COLUMNS[..],
            &crate::render::odds::COLUMNS[..],
        ]
        .concat();
        for key in keys {
            assert!(column(key).is_some(), "no header for `{key}`");
        }
        assert_eq!(header("2016", Lang::Zh.words()), "2016");
        assert_eq!(header("required_rate", Lang::Zh.words()), "所需年均增速");
        // Every table of every report has a sheet.
        let sheets = <[SensitivityReport]>::sheets(Some(SensitivityTableChoice::All));
        assert_eq!(sheets.map(|s| s.len()), Ok(2));
        assert_eq!(
            <[ReviewReport]>::sheets(None).map(|s| s[0].1),
            Ok(Sheet::Review)
        );
        assert_eq!(
            <[ReviewHistory]>::sheets(None).map(|s| s[0].1),
            Ok(Sheet::History)
        );
    }

    #[test]
    fn whole_metrics_show_no_decimals_in_any_of_their_rows() {
        let text = Field::Text;
        let columns = ["metric", "baseline", "projected"].map(String::from);
        let mut decimals = Decimals::new(&columns, None);
        let rows = [
            vec![text("firms"), Field::Number(120.0), Field::Number(200.0)],
            vec![
                text("investment"),
                Field::Number(68.0),
                Field::Fraction(0.16),
            ],
            vec![
                text("investment"),
                Field::Number(68.0),
                Field::Number(142.82),
            ],
            vec![text("firms"), Field::Number(130.0), Field::Number(210.0)],
            vec![text("investment"), Field::Number(70.0), Field::Number(71.0)],
        ];
        let decided: Vec<_> = (1u32..)
            .zip(&rows)
            .map(|(row, fields)| decimals.row(row, fields))
            .collect();
        assert_eq!(
            decided,
            [
                (0, vec![]),
                (0, vec![]),
                // The row written without decimals is written again.
                (
                    2,
                    vec![Whole {
                        row: 2,
                        col: 1,
                        x: 68.0,
                        floor: 0
                    }]
                ),
                (0, vec![]),
                (2, vec![]),
            ]
        );
        // --precision decides alone.
        let mut asked = Decimals::new(&columns, Some(1));
        assert_eq!(asked.row(1, &rows[2]), (1, vec![]));
    }
}
