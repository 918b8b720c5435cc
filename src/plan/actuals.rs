//! Actual figures from a CSV file, as spreadsheets export them.
//!
//! Excel on Chinese Windows saves CSV in GB18030 (GBK) by default, and in
//! UTF-8 with a byte-order mark when asked; both are read. The file needs the
//! columns `metric`, `year` and `value` (in any order; others, such as a
//! name, are ignored), and values may carry thousands separators ("1,234.5").
//! Whether a figure fits the plan is checked where the plan is known.

use encoding_rs::{GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::error::Problems;
use super::lines::LineIndex;
use super::{Location, PlanError, Problem};

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
    /// The `metric` cell, trimmed: a metric id, checked against the plan
    /// when the figures join it.
    pub metric: String,
    /// The `year` cell; whether the plan has that year is checked when the
    /// figures join it.
    pub year: i32,
    /// The `value` cell, thousands separators removed, in the metric's unit.
    pub value: f64,
    /// The file it came from, as named in messages.
    pub file: String,
    /// The 1-based line of the file it came from.
    pub line: usize,
}

/// Decodes and reads an actuals CSV. `file` names it in messages.
pub fn parse_actuals_csv(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<Vec<ActualRecord>, PlanError> {
    let fail = |line: Option<usize>, message: String| refusal(file, line, message);
    // Excel's "Unicode text" is UTF-16 with a byte-order mark.
    for (mark, codec) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(mark) && encoding == Encoding::Auto {
            let (text, _, had_errors) = codec.decode(bytes);
            if had_errors {
                return Err(fail(None, "the file is not valid UTF-16 text".to_owned()));
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
fn refusal(file: &str, line: Option<usize>, message: String) -> PlanError {
    let problem = Problem::new(message);
    let problem = match line {
        Some(l) => problem.at(Location::Line(l)),
        None => problem,
    };
    Problems::from(problem).into_error(file)
}

/// Reads decoded CSV text.
fn parse_text(text: &str, file: &str) -> Result<Vec<ActualRecord>, PlanError> {
    let fail = |line: Option<usize>, message: String| refusal(file, line, message);

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
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| fail(Some(1), format!("cannot read the header: {e}")))?
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(metric_col), Some(year_col), Some(value_col)) =
        (column("metric"), column("year"), column("value"))
    else {
        return Err(fail(
            Some(1),
            format!(
                "the header must name the columns metric, year and value (found: {}); \
                 one row per metric and year",
                header.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    };

    let mut records = Vec::new();
    let mut problems = Problems::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            fail(
                e.position().map(|p| line_at(p.byte())),
                format!("cannot read the row: {e}"),
            )
        })?;
        let line = row.position().map_or(0, |p| line_at(p.byte()));
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let metric = row.get(metric_col).unwrap_or("").trim().to_owned();
        match row_figure(&row, header.len(), year_col, value_col) {
            // Once the file is refused its figures are not needed: a file of
            // a million bad rows holds only the problems it shows.
            Ok(_) if !problems.is_empty() => {}
            Ok((year, value)) => records.push(ActualRecord {
                metric,
                year,
                value,
                file: file.to_owned(),
                line,
            }),
            Err(message) => {
                records = Vec::new();
                problems
                    .scope()
                    .in_metric(&metric)
                    .report(Location::Line(line), message);
            }
        }
    }
    problems.into_result(file, records)
}

/// The year and value of a row of `fields` cells, or what is wrong with it.
fn row_figure(
    row: &csv::StringRecord,
    fields: usize,
    year_col: usize,
    value_col: usize,
) -> Result<(i32, f64), String> {
    if row.len() != fields {
        return Err(format!(
            "the row has {} fields but the header {fields}; a number with a thousands \
             separator must be quoted (\"1,100\"), and a text with a comma too",
            row.len(),
        ));
    }
    let cell = |i: usize| row.get(i).unwrap_or("").trim();
    let year = cell(year_col)
        .parse::<i32>()
        .map_err(|_| format!("year \"{}\" is not a year such as 2017", cell(year_col)))?;
    let value = parse_figure(cell(value_col)).map_err(|message| format!("{year}: {message}"))?;
    Ok((year, value))
}

fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, String> {
    let (codec, name) = match encoding {
        Encoding::Gb18030 => (GB18030, "GB18030"),
        _ => (UTF_8, "UTF-8"),
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(format!(
            "the file is not valid {name} text; save it from the spreadsheet as CSV (UTF-8), \
             or name its encoding with --actuals-encoding"
        ));
    }
    Ok(text.into_owned())
}

/// A figure as spreadsheets write it: "1234.5", "1,234.5", " 80 ".
fn parse_figure(text: &str) -> Result<f64, String> {
    let plain: String = text
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    match plain.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("\"{text}\" is not a finite number")),
        Err(_) => Err(format!("\"{text}\" is not a number")),
    }
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
            (plain[0].year, plain[0].value, plain[0].line),
            (2016, 1234.5, 2)
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
