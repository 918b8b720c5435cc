//! Actual figures from a CSV file, as spreadsheets export them.
//!
//! Excel on Chinese Windows saves CSV in GB18030 (GBK) by default, and in
//! UTF-8 with a byte-order mark when asked; both are read. Its rows are then
//! read as any sheet is (`sheet`): long, with the columns `metric`, `year`
//! and `value`, or wide, with one column per year; values may carry
//! thousands separators ("1,234.5"). Whether a figure fits the plan is
//! checked where the plan is known.

use encoding_rs::{GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::error::Problems;
use super::lines::LineIndex;
use super::sheet::{self, Cell, Figures, Origin, Row};
use super::{Fault, Location, PlanError, Problem};

/// How the bytes of an actuals file are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark) when the bytes are valid
    /// UTF-8, GB18030 otherwise.
    Auto,
    /// UTF-8, with or without a byte-order mark. (`--help` lists this
    /// value without a note, as the name says it all.)
    #[value(name = "utf-8", alias = "utf8", help = None::<&str>)]
    Utf8,
    /// GB18030, a superset of GBK and GB2312.
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
}

/// One actual figure, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualRecord {
    /// The metric as the file names it, trimmed: its id, or its name;
    /// found in the plan when the figures join it.
    pub metric: String,
    /// The `year` cell, or the year heading the figure's column; whether
    /// the plan has that year (or it is history) is checked when the
    /// figures join it.
    pub year: i32,
    /// The figure, thousands separators and any percent sign removed, in
    /// the metric's unit.
    pub value: f64,
    /// Written with a percent sign ("69.9%" is 69.9), which only a metric
    /// whose unit is % may take.
    pub percent: bool,
    /// Where the figure was written, for messages: a CSV file's line, or a
    /// workbook's cell.
    pub at: Location,
    /// Where its metric was named, when that is another cell (a row of
    /// one column per year names it once).
    pub metric_at: Option<Location>,
}

impl ActualRecord {
    /// The place of the figure, as messages name it: `a.csv:3`, `a.xlsx#S!C4`.
    pub fn place(&self) -> String {
        self.at.elsewhere().unwrap_or_default()
    }
}

/// Decodes and reads an actuals CSV, refused when any row has a problem.
/// `file` names it in messages.
pub fn parse_actuals_csv(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<Vec<ActualRecord>, PlanError> {
    read_actuals_csv(bytes, file, encoding)?.into_result()
}

/// Decodes and reads an actuals CSV, long or wide (see [`super::sheet`]):
/// its figures, and the problems of its rows to report with the plan's.
/// Only a file that cannot be read as a table at all is refused at once.
pub(crate) fn read_actuals_csv(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<Figures, PlanError> {
    let fail = |line: Option<usize>, fault: Fault| refusal(file, line, fault);
    // Excel's "Unicode text" is UTF-16 with a byte-order mark.
    for (mark, codec) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(mark) && encoding == Encoding::Auto {
            let (text, _, had_errors) = codec.decode(bytes);
            if had_errors {
                return Err(fail(None, Fault::NotUtf16));
            }
            return parse_text(&text, file);
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match encoding {
        Encoding::Auto => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => decode(bytes, Encoding::Gb18030).map_err(|m| fail(None, m))?,
        },
        chosen => decode(bytes, chosen).map_err(|m| fail(None, m))?,
    };
    parse_text(&text, file)
}

/// A file refused for one reason, at a line when there is one.
fn refusal(file: &str, line: Option<usize>, fault: Fault) -> PlanError {
    let problem = Problem::new(fault);
    let problem = match line {
        Some(l) => problem.at(Location::Line(l)),
        None => problem,
    };
    Problems::from(problem).into_error(file)
}

/// Reads decoded CSV text.
fn parse_text(text: &str, file: &str) -> Result<Figures, PlanError> {
    let fail = |line: Option<usize>, fault: Fault| refusal(file, line, fault);

    // The csv crate counts lines its own way; byte offsets give the line
    // whatever the line ends (Windows, Unix or old Mac).
    let lines = LineIndex::new(text);
    // A record's position is where the reader started looking for it, which
    // can be a line end or a blank line before it: skip those.
    let line_at = |byte: u64| {
        let from = (byte as usize).min(text.len());
        let start = from
            + text.as_bytes()[from..]
                .iter()
                .take_while(|b| matches!(b, b'\n' | b'\r'))
                .count();
        lines.line_of(start)
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    // Read as they come: a file of a million rows is never held as cells.
    let rows = reader.records().map(|row| {
        let row = row.map_err(|e| {
            let line = e.position().map(|p| line_at(p.byte()));
            let fault = Fault::CannotRead {
                header: line == Some(1),
                error: e.to_string(),
            };
            fail(line, fault)
        })?;
        Ok(Row {
            number: row.position().map_or(0, |p| line_at(p.byte())),
            cells: row.iter().map(|c| Cell::Text(c.to_owned())).collect(),
        })
    });
    let origin = Origin::Csv {
        file: file.to_owned(),
    };
    sheet::figures(rows, &origin)
}
fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, Fault> {
    let (codec, name) = match encoding {
        Encoding::Gb18030 => (GB18030, "GB18030"),
        _ => (UTF_8, "UTF-8"),
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Fault::NotDecodable { encoding: name });
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Vec<ActualRecord>, PlanError> {
        parse_actuals_csv(bytes, "a.csv", Encoding::Auto)
    }

    #[test]
    fn utf8_with_or_without_bom_and_extra_columns() {
        let plain =
            read("metric,name,year,value\ngdp,地区生产总值,2016,\"1,234.5\"\n".as_bytes()).unwrap();
        assert_eq!(plain[0].metric, "gdp");
        assert_eq!(
            (plain[0].year, plain[0].value, plain[0].place()),
            (2016, 1234.5, "a.csv:2".to_owned())
        );
        let with_bom = read("\u{feff}metric,year,value\ngdp,2016,1234.5\n".as_bytes()).unwrap();
        assert_eq!(with_bom[0].value, 1234.5);
    }

    #[test]
    fn gb18030_is_detected_when_the_bytes_are_not_utf8() {
        let (bytes, _, _) = GB18030.encode("metric,name,year,value\ngdp,地区生产总值,2017,99.5\n");
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let records = read(&bytes).unwrap();
        assert_eq!((records[0].year, records[0].value), (2017, 99.5));
        // Forcing UTF-8 on GB18030 bytes is refused, not misread.
        assert!(parse_actuals_csv(&bytes, "a.csv", Encoding::Utf8).is_err());
    }

    #[test]
    fn bad_rows_are_named_by_line() {
        let error =
            read(b"metric,year,value\ngdp,2016,abc\ngdp,20x7,1\ngdp,2018,inf\n").unwrap_err();
        let lines: Vec<String> = error.lines().collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[0].starts_with("a.csv:2: metric `gdp`: 2016: \"abc\" is not a number"),
            "{}",
            lines[0]
        );
        assert!(lines[1].contains("a.csv:3:") && lines[1].contains("not a year"));
        assert!(lines[2].contains("not a finite number"));
        let error = read(b"name,value\nx,1\n").unwrap_err();
        assert!(
            error.to_string().contains("metric, year and value"),
            "{error}"
        );
    }
}
