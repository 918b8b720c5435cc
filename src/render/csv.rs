//! CSV: one table per file, for spreadsheets and scripts.
//!
//! Excel opens a UTF-8 CSV as the local code page unless it starts with a
//! byte-order mark, which turns Chinese names into mojibake; `--bom` adds it.

use super::Layout;
use super::number::{Precision, fraction, spreadsheet_number};
use super::records::{self, Field, LABEL_COLUMNS, LONG_YEAR_COLUMNS, SUMMARY_COLUMNS};
use crate::report::Report;

/// Which table to write, since a CSV file holds exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvTable {
    Summary,
    Years(Layout),
}

#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    pub table: CsvTable,
    pub precision: Precision,
    pub bom: bool,
}

const BOM: &str = "\u{feff}";

/// One table for all `reports` (scenarios), told apart by the `scenario` column.
pub fn render(reports: &[Report], options: &CsvOptions) -> String {
    let (precision, bom) = (options.precision, options.bom);
    match options.table {
        CsvTable::Summary => table(
            &SUMMARY_COLUMNS,
            reports
                .iter()
                .flat_map(|r| r.goals.iter().map(move |g| records::summary(r, g))),
            precision,
            bom,
        ),
        CsvTable::Years(Layout::Long) => table(
            &LONG_YEAR_COLUMNS,
            reports.iter().flat_map(records::long_years),
            precision,
            bom,
        ),
        CsvTable::Years(Layout::Wide) => {
            let years: Vec<String> = reports
                .first()
                .map(|r| r.header.years().map(|y| y.to_string()).collect())
                .unwrap_or_default();
            let mut columns: Vec<&str> = LABEL_COLUMNS.to_vec();
            columns.extend(years.iter().map(String::as_str));
            let rows = reports.iter().flat_map(|report| {
                report.series.iter().map(move |series| {
                    let mut row = records::labels(&report.header, &series.metric).to_vec();
                    row.extend(series.points.iter().map(|p| Field::Number(p.value)));
                    row
                })
            });
            table(&columns, rows, precision, bom)
        }
    }
}

/// A CSV table: the header `columns`, then one row per record.
pub fn table<R: AsRef<[Field]>>(
    columns: &[&str],
    records: impl IntoIterator<Item = R>,
    precision: Precision,
    bom: bool,
) -> String {
    let mut rows: Vec<Vec<String>> = vec![columns.iter().map(|c| c.to_string()).collect()];
    rows.extend(
        records
            .into_iter()
            .map(|r| r.as_ref().iter().map(|f| cell(f, precision)).collect()),
    );
    write(&rows, bom)
}

/// CSV text of `rows` (the first is the header), with a byte-order mark if asked.
fn write(rows: &[Vec<String>], bom: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row)
            .expect("writing CSV into memory cannot fail");
    }
    let body = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    let body = String::from_utf8(body).expect("CSV of UTF-8 fields is UTF-8");
    if bom { format!("{BOM}{body}") } else { body }
}

/// A field as CSV text.
fn cell(field: &Field, precision: Precision) -> String {
    match field {
        Field::Text(s) => s.clone(),
        Field::Int(i) => i.to_string(),
        Field::Number(x) => spreadsheet_number(*x, precision),
        Field::Fraction(x) => fraction(*x, precision),
        Field::Empty => String::new(),
    }
}
