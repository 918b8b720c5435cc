//! How cells look: the formats made once per workbook, the fills of
//! status and verdict cells, the decimals a metric's values are shown with
//! and the widths columns are fitted to, apart from what the cells hold.

use super::*;

/// Column widths, in characters, within which every column is fitted.
pub(super) const WIDTHS: (usize, usize) = (6, 60);

/// Excel's own "Good", "Neutral" and "Bad" cell styles: fill, then text.
pub(super) const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
pub(super) const NEUTRAL: (u32, u32) = (0xFFEB9C, 0x9C5700);
pub(super) const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);

/// The cell formats, made once.
pub(super) struct Styles {
    pub(super) header: Format,
    pub(super) year: Format,
    /// Values with 0 to 20 decimals.
    pub(super) values: Vec<Format>,
    /// Values too large or small for fixed decimals.
    pub(super) exponent: Format,
    /// Percentages with 0 to 22 decimals.
    pub(super) percents: Vec<Format>,
    /// The decimals of a percentage: 2, or `--precision`'s.
    pub(super) percent_decimals: usize,
    pub(super) good: Format,
    pub(super) fair: Format,
    pub(super) bad: Format,
    /// Decimals asked with `--precision`.
    pub(super) precision: Option<usize>,
}

impl Styles {
    pub(super) fn new(precision: Option<u8>) -> Styles {
        let decimals = |d: usize| match d {
            0 => String::new(),
            d => format!(".{}", "0".repeat(d)),
        };
        let precision = precision.map(usize::from);
        let tone = |(fill, text): (u32, u32)| {
            Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(text))
        };
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xEEEEEE))
                .set_border_bottom(FormatBorder::Thin),
            year: Format::new().set_num_format("0"),
            values: (0..=20)
                .map(|d| Format::new().set_num_format(format!("#,##0{}", decimals(d))))
                .collect(),
            exponent: Format::new().set_num_format(format!("0{}E+00", decimals(2))),
            percents: (0..=22)
                .map(|d| Format::new().set_num_format(format!("0{}%", decimals(d))))
                .collect(),
            percent_decimals: precision.unwrap_or(2),
            good: tone(GOOD),
            fair: tone(NEUTRAL),
            bad: tone(BAD),
            precision,
        }
    }

    /// The header's year cells are numbers too; its header is bold.
    pub(super) fn header_year(&self) -> Format {
        self.header.clone().set_num_format("0")
    }

    /// The format of a value written with `decimals`.
    pub(super) fn value(&self, decimals: usize) -> &Format {
        &self.values[decimals.min(20)]
    }

    /// The format of a percentage written with `decimals`.
    pub(super) fn percent(&self, decimals: usize) -> &Format {
        &self.percents[decimals.min(22)]
    }
}

/// Whether `x` is shown with an exponent: too large or too small for fixed
/// decimals.
pub(super) fn exponent(x: f64) -> bool {
    x.abs() >= 1e15 || (x != 0.0 && x.abs() < 1e-6)
}

/// The columns a value takes with `decimals`, thousands separators counted.
pub(super) fn value_width(x: f64, decimals: usize) -> usize {
    let digits = number(x, Precision::Decimals(decimals));
    let separators = digits.split('.').next().map_or(0, |whole| whole.len() / 3);
    text_width(&digits) + separators
}

/// Writes one field and gives back the text it shows, for the width.
pub(super) fn write_field(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    key: &str,
    field: &Field,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    Ok(match field {
        Field::Text(text) => {
            match tone(key, text) {
                Tone::Good => sheet.write_string_with_format(row, col, *text, &styles.good)?,
                Tone::Fair => sheet.write_string_with_format(row, col, *text, &styles.fair)?,
                Tone::Bad => sheet.write_string_with_format(row, col, *text, &styles.bad)?,
                Tone::Plain => sheet.write_string(row, col, *text)?,
            };
            (*text).to_owned()
        }
        Field::Int(i) => {
            sheet.write_number_with_format(row, col, *i as f64, &styles.year)?;
            i.to_string()
        }
        Field::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
            if *b { "TRUE" } else { "FALSE" }.to_owned()
        }
        // What no double holds stays blank, as in CSV.
        Field::Number(x)
        | Field::Fraction(x)
        | Field::Stated { x, .. }
        | Field::Missed { x, .. }
            if !x.is_finite() =>
        {
            String::new()
        }
        Field::Number(x)
        | Field::Stated { x, fraction: false }
        | Field::Missed {
            x, fraction: false, ..
        } if exponent(*x) => {
            sheet.write_number_with_format(row, col, *x, &styles.exponent)?;
            format!("{x:.2e}")
        }
        Field::Number(x) => write_value(sheet, (row, col), *x, decimals, styles)?,
        // A figure of the plan shows the decimals it is written with.
        Field::Stated { x, fraction: false } => {
            write_value(sheet, (row, col), *x, written_decimals(*x), styles)?
        }
        // Beside a missed goal, never rounded onto the goal.
        Field::Missed {
            x,
            fraction: false,
            unlike,
        } => {
            let decimals = decimals_unlike(*x, unlike, decimals);
            write_value(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Fraction(x) => {
            write_percent(sheet, (row, col), *x, styles.percent_decimals, styles)?
        }
        Field::Stated { x, fraction: true } => {
            let decimals = written_decimals(*x).saturating_sub(2);
            write_percent(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Missed {
            x,
            fraction: true,
            unlike,
        } => {
            // `telling` counts a fraction's decimals, two more than its
            // percentage's.
            let asked = Precision::Decimals(styles.percent_decimals);
            let decimals = match telling(*x, true, unlike, asked) {
                Precision::Decimals(d) => d.saturating_sub(2),
                Precision::Full => styles.percent_decimals,
            };
            write_percent(sheet, (row, col), *x, decimals, styles)?
        }
        Field::Empty => String::new(),
    })
}

/// Writes a value with `decimals` and gives back the text it shows.
pub(super) fn write_value(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    x: f64,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    sheet.write_number_with_format(row, col, x, styles.value(decimals))?;
    let digits = number(x, Precision::Decimals(decimals));
    // The thousands separators the format adds.
    let separators = digits.split('.').next().map_or(0, |whole| whole.len() / 3);
    Ok(format!("{digits}{}", ",".repeat(separators)))
}

/// Writes a fraction as a percentage with `decimals` and gives back the
/// text it shows.
pub(super) fn write_percent(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    x: f64,
    decimals: usize,
    styles: &Styles,
) -> Result<String, XlsxError> {
    sheet.write_number_with_format(row, col, x, styles.percent(decimals))?;
    Ok(format!(
        "{}%",
        number(x * 100.0, Precision::Decimals(decimals))
    ))
}

/// A value written without decimals, which a later row of its metric may
/// turn to two: its cell, and the decimals it needs at least (a figure
/// beside a missed goal may need some).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Whole {
    pub(super) row: u32,
    pub(super) col: u16,
    pub(super) x: f64,
    pub(super) floor: usize,
}

/// The decimals of each row's values, decided as the rows come: none for
/// a metric whose values are all whole (firms, people), in every row of
/// the table, else two. A metric's first value with decimals turns the
/// values of its earlier rows, written without, to two; `--precision`
/// decides alone.
pub(super) struct Decimals {
    /// The column of metric ids; without one, each row is decided alone.
    pub(super) metric: Option<usize>,
    pub(super) precision: Option<usize>,
    /// The metrics with a value that has decimals.
    pub(super) fractional: HashSet<String>,
    /// The cells of each metric written without decimals so far.
    pub(super) whole: HashMap<String, Vec<Whole>>,
}

impl Decimals {
    pub(super) fn new(columns: &[String], precision: Option<usize>) -> Decimals {
        Decimals {
            metric: columns.iter().position(|c| c == "metric"),
            precision,
            fractional: HashSet::new(),
            whole: HashMap::new(),
        }
    }

    /// The decimals of row `row`, and the cells of earlier rows to write
    /// again with two.
    pub(super) fn row(&mut self, row: u32, fields: &[Field]) -> (usize, Vec<Whole>) {
        if let Some(precision) = self.precision {
            return (precision, Vec::new());
        }
        // The values written with the row's decimals.
        let values = || {
            (0u16..).zip(fields).filter_map(move |(col, f)| {
                let (x, floor) = match f {
                    Field::Number(x) => (*x, 0),
                    Field::Missed {
                        x,
                        fraction: false,
                        unlike,
                    } => (*x, decimals_unlike(*x, unlike, 0)),
                    _ => return None,
                };
                (x.is_finite() && !exponent(x)).then_some(Whole { row, col, x, floor })
            })
        };
        let whole = values().all(|w| w.x.fract() == 0.0);
        let Some(Field::Text(id)) = self.metric.and_then(|m| fields.get(m)) else {
            return (if whole { 0 } else { 2 }, Vec::new());
        };
        if self.fractional.contains(*id) {
            (2, Vec::new())
        } else if !whole {
            self.fractional.insert((*id).to_owned());
            (2, self.whole.remove(*id).unwrap_or_default())
        } else {
            let cells = self.whole.entry((*id).to_owned()).or_default();
            cells.extend(values());
            (0, Vec::new())
        }
    }
}

/// Columns a text takes in a spreadsheet: a Chinese character takes two.
pub(super) fn text_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}
