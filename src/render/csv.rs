//! CSV: one table per file, for spreadsheets and scripts.
//!
//! Excel opens a UTF-8 CSV as the local code page unless it starts with a
//! byte-order mark, which turns Chinese names into mojibake; `--bom` adds it.

use super::Layout;
use super::number::{Precision, fraction, number};
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
    let mut rows: Vec<Vec<String>> = Vec::new();
    let cells = |fields: &[Field]| -> Vec<String> {
        fields.iter().map(|f| cell(f, options.precision)).collect()
    };
    match options.table {
        CsvTable::Summary => {
            rows.push(SUMMARY_COLUMNS.iter().map(|c| c.to_string()).collect());
            for report in reports {
                rows.extend(
                    report
                        .goals
                        .iter()
                        .map(|g| cells(&records::summary(report, g))),
                );
            }
        }
        CsvTable::Years(Layout::Long) => {
            rows.push(LONG_YEAR_COLUMNS.iter().map(|c| c.to_string()).collect());
            for report in reports {
                rows.extend(records::long_years(report).map(|r| cells(&r)));
            }
        }
        CsvTable::Years(Layout::Wide) => {
            let mut header: Vec<String> = LABEL_COLUMNS.iter().map(|c| c.to_string()).collect();
            if let Some(first) = reports.first() {
                header.extend(first.header.years().map(|y| y.to_string()));
            }
            rows.push(header);
            for report in reports {
                for series in &report.series {
                    let mut row = cells(&records::labels(report, &series.metric));
                    row.extend(
                        series
                            .points
                            .iter()
                            .map(|p| number(p.value, options.precision)),
                    );
                    rows.push(row);
                }
            }
        }
    }
    write(&rows, options.bom)
}

/// CSV text of `rows` (the first is the header), with a byte-order mark if asked.
pub fn write(rows: &[Vec<String>], bom: bool) -> String {
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
pub fn cell(field: &Field, precision: Precision) -> String {
    match field {
        Field::Text(s) => s.clone(),
        Field::Int(i) => i.to_string(),
        Field::Number(x) => number(*x, precision),
        Field::Fraction(x) => fraction(*x, precision),
        Field::Empty => String::new(),
    }
}
