//! A figure or a year as one cell holds it, written as spreadsheets and
//! people write them (full-width digits, thousands separators, percent
//! signs): the reading shared by both layouts.

use super::Cell;
use crate::plan::Fault;

/// A figure as read from its cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Figure {
    pub(super) value: f64,
    /// Written with a percent sign: "69.9%" is 69.9.
    pub(super) percent: bool,
}

/// A cell's figure: `None` when it is blank. Text is read as spreadsheets
/// and people write it: " 80 ", "1,234.5", "69.9%", "５０００", "1，234".
pub(super) fn figure(cell: &Cell) -> Result<Option<Figure>, Fault> {
    let (value, percent) = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(x) => (*x, false),
        Cell::Text(text) => {
            let plain: String = ascii(text)
                .chars()
                .filter(|c| *c != ',' && !c.is_whitespace())
                .collect();
            if plain.is_empty() {
                return Ok(None);
            }
            let (digits, percent) = match plain.strip_suffix('%') {
                Some(digits) => (digits, true),
                None => (plain.as_str(), false),
            };
            match digits.parse::<f64>() {
                Ok(x) => (x, percent),
                Err(_) => {
                    return Err(Fault::CellNotANumber {
                        text: text.trim().to_owned(),
                    });
                }
            }
        }
    };
    if !value.is_finite() {
        return Err(Fault::CellNotFinite { text: cell.text() });
    }
    Ok(Some(Figure { value, percent }))
}

/// A year as a cell holds it: 2017, "2017", "2017年".
pub(super) fn year_cell(cell: &Cell) -> Option<i32> {
    match cell {
        Cell::Number(x) if x.fract() == 0.0 && x.abs() < 1e9 => Some(*x as i32),
        Cell::Text(text) => {
            let text = ascii(text);
            let text = text.trim();
            text.strip_suffix('年')
                .unwrap_or(text)
                .trim_end()
                .parse()
                .ok()
        }
        _ => None,
    }
}

/// A header cell that names a year of a wide sheet: a year of four digits,
/// so that a label such as "1" or "12月" is not taken for one.
pub(super) fn year_header(cell: &Cell) -> Option<i32> {
    year_cell(cell).filter(|year| (1000..=9999).contains(year))
}

/// Full-width digits, signs, point and comma, the Chinese comma and the
/// ideographic space as their ASCII twins, as IMEs type them in Chinese.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' | '、' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::sheet::tests::text;

    #[test]
    fn figures_are_read_as_people_write_them() {
        let read = |s: &str| figure(&text(s)).unwrap();
        let value = |s: &str| read(s).map(|f| (f.value, f.percent));
        assert_eq!(value(" 80 "), Some((80.0, false)));
        assert_eq!(value("1,234.5"), Some((1234.5, false)));
        assert_eq!(value("69.9%"), Some((69.9, true)));
        assert_eq!(value("69.9 ％"), Some((69.9, true)));
        assert_eq!(value("５０００"), Some((5000.0, false)));
        assert_eq!(value("１，２３４．５"), Some((1234.5, false)));
        assert_eq!(value("－3"), Some((-3.0, false)));
        assert_eq!(value("   "), None);
        assert_eq!(value(""), None);
        assert_eq!(
            figure(&Cell::Number(2.5)).unwrap().map(|f| f.value),
            Some(2.5)
        );
        assert_eq!(
            figure(&text("abc")).unwrap_err().to_string(),
            "\"abc\" is not a number"
        );
        assert_eq!(
            figure(&text("inf")).unwrap_err().to_string(),
            "\"inf\" is not a finite number"
        );
        assert!(figure(&text("5%%")).is_err());
    }

    #[test]
    fn years_are_read_from_numbers_and_text() {
        assert_eq!(year_cell(&Cell::Number(2016.0)), Some(2016));
        assert_eq!(year_cell(&Cell::Number(2016.5)), None);
        assert_eq!(year_cell(&text("2016年")), Some(2016));
        assert_eq!(year_cell(&text(" ２０１６ 年")), Some(2016));
        assert_eq!(year_header(&text("12")), None);
        assert_eq!(year_header(&text("unit")), None);
    }
}
