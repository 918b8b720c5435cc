//! CSV: one table per file, for spreadsheets and scripts.
//!
//! Excel opens a UTF-8 CSV as the local code page unless it starts with a
//! byte-order mark, which turns Chinese names into mojibake; `--bom` adds it.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (`=HYPERLINK(…)` leaks data, `=cmd|…` runs programs), and names,
//! units and scenarios come from a plan file that may have been sent by
//! anyone. Such a text cell is written after an apostrophe, which makes the
//! spreadsheet show it as text (OWASP's advice for CSV injection); numbers,
//! negative ones included, stay numbers. `--raw-csv` writes every cell as
//! it is, for scripts that read the text back.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::number::{Precision, fraction_precision, telling, write_spreadsheet_number};
use super::records::{Field, Records};

const BOM: &str = "\u{feff}";

/// How a CSV file is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct CsvOptions {
    /// Decimals of numbers and fractions.
    pub precision: Precision,
    /// Start with a byte-order mark.
    pub bom: bool,
    /// Write text cells as they are, even those a spreadsheet would run as
    /// formulas.
    pub raw: bool,
}

/// Writes the table to `out` as it is made: the header, then one row per
/// record; with a byte-order mark first if asked.
pub(super) fn write(records: Records, options: CsvOptions, out: &mut dyn Write) -> io::Result<()> {
    if options.bom {
        out.write_all(BOM.as_bytes())?;
    }
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(&records.columns)
        .map_err(output_error)?;
    // Each number is written into one buffer, reused for every cell.
    let mut buffer = String::new();
    for row in records.rows {
        for field in &row {
            buffer.clear();
            let cell = cell(field, options, &mut buffer);
            writer.write_field(cell.as_bytes()).map_err(output_error)?;
        }
        // An empty record after its fields ends the row.
        writer
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(output_error)?;
    }
    writer.flush()
}

/// The output's own failure as it is, so that a closed pipe is still told
/// apart (the csv crate's conversion would make it "other").
fn output_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A field as CSV text: its own text, or what is written into `buffer`.
fn cell<'a>(field: &Field<'a>, options: CsvOptions, buffer: &'a mut String) -> Cow<'a, str> {
    let precision = options.precision;
    let number = match field {
        Field::Text(s) if options.raw => return Cow::Borrowed(s),
        Field::Text(s) => return defused(s),
        Field::Bool(b) => return Cow::Borrowed(if *b { "true" } else { "false" }),
        Field::Empty => return Cow::Borrowed(""),
        Field::Int(i) => {
            // Writing into a String cannot fail.
            let _ = write!(buffer, "{i}");
            return Cow::Borrowed(buffer);
        }
        Field::Number(x) => (*x, precision),
        Field::Fraction(x) => (*x, fraction_precision(precision)),
        Field::Stated { x, .. } => (*x, Precision::Full),
        Field::Missed {
            x,
            fraction,
            unlike,
        } => (*x, telling(*x, *fraction, unlike, precision)),
    };
    write_spreadsheet_number(buffer, number.0, number.1);
    Cow::Borrowed(buffer)
}

/// What starts a formula in a spreadsheet, as OWASP lists it: `=`, `+`,
/// `-`, `@`, and tab and carriage return, which some spreadsheets skip
/// before one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text`, after an apostrophe when a spreadsheet would run it as a formula.
fn defused(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A number as dabiao writes one (`-7.18`, `-1.5E+300`), which a spreadsheet
/// reads as that number. `+1` is not one: a spreadsheet would compute it.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (digits, None),
    };
    let (whole, decimals) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !whole.is_empty()
        && all_digits(whole)
        && all_digits(decimals)
        && exponent.is_none_or(|e| !e.is_empty() && all_digits(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\",\"x\")",
                "'=HYPERLINK(\"http://x\",\"x\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-1e", "'-1e"),
            ("-.5", "'-.5"),
            ("-2", "-2"),
            ("-7.18", "-7.18"),
            ("-1.5E+300", "-1.5E+300"),
            ("-2.5e-16", "-2.5e-16"),
            ("亿元", "亿元"),
            ("a=b", "a=b"),
            (">=", ">="),
            ("'=x", "'=x"),
        ] {
            assert_eq!(defused(text), written, "{text:?}");
        }
    }
}
