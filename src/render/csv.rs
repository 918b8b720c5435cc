//! CSV: one table per file, for spreadsheets and scripts.
//!
//! Excel opens a UTF-8 CSV as the local code page unless it starts with a
//! byte-order mark, which turns Chinese names into mojibake; `--bom` adds it.

use super::number::{Precision, fraction, spreadsheet_number};
use super::records::{Field, Records};

const BOM: &str = "\u{feff}";

/// The table as CSV text: the header, then one row per record; with a
/// byte-order mark first if asked.
pub fn write(records: &Records, precision: Precision, bom: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let rows = records
        .rows
        .iter()
        .map(|row| row.iter().map(|f| cell(f, precision)).collect::<Vec<_>>());
    for row in std::iter::once(records.columns.clone()).chain(rows) {
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
        Field::Bool(b) => b.to_string(),
        Field::Empty => String::new(),
    }
}
