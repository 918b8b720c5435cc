//! Actual figures from an Excel workbook (.xlsx), read with calamine: the
//! first sheet, or the one named after `#` (`book.xlsx#2018年`). Its cells
//! keep their types, numbers as numbers, and are then read as any sheet is
//! (`sheet`), so that problems are named by cell (`book.xlsx#逐年!C4`).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::error::Problems;
use super::sheet::{self, Cell, Figures, Origin, Row};
use super::{Fault, PlanError, Problem};

/// Reads the figures of `sheet` (the first when `None`) of the workbook
/// `bytes`; `file` names it in messages. A file that is not a workbook, a
/// sheet it does not have, or a header that fits no layout is refused.
pub fn read_workbook(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<Figures, PlanError> {
    let refuse = |fault: Fault| Problems::from(Problem::new(fault)).into_error(file);
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|error| {
        refuse(Fault::NotAWorkbook {
            error: error.to_string(),
        })
    })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .ok_or_else(|| {
                refuse(Fault::NoSuchSheet {
                    wanted: wanted.to_owned(),
                    sheets: names.clone(),
                })
            })?
            .clone(),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| refuse(Fault::NoSheets))?,
    };
    let range = workbook.worksheet_range(&name).map_err(|error| {
        refuse(Fault::SheetUnreadable {
            name: name.clone(),
            error: error.to_string(),
        })
    })?;
    // Rows and columns count from the sheet's first cell, A1, wherever the
    // used range starts.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range.rows().enumerate().map(|(i, cells)| {
        Ok(Row {
            number: first_row as usize + i + 1,
            cells: std::iter::repeat_n(Cell::Empty, first_column as usize)
                .chain(cells.iter().map(cell))
                .collect(),
        })
    });
    let origin = Origin::Worksheet {
        file: file.to_owned(),
        sheet: name,
    };
    sheet::figures(rows, &origin).map_err(|mut refusal| {
        // The figures may be on another sheet, as in a workbook dabiao wrote.
        if let (None, [_, others @ ..]) = (sheet, names.as_slice())
            && !others.is_empty()
            && let Some(last) = refusal.problems.last_mut()
        {
            last.fault = Fault::OrOtherSheet {
                fault: Box::new(last.fault.clone()),
                file: file.to_owned(),
                other: others[0].clone(),
                sheets: names.clone(),
            };
        }
        refusal
    })
}

/// A workbook's cell as the sheet reader takes it: numbers as numbers;
/// anything else as the text it shows, which is refused where a figure or
/// a year is expected (an error such as #DIV/0!, a date).
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(x) => Cell::Number(*x),
        Data::String(s) => Cell::Text(s.clone()),
        other => Cell::Text(other.to_string()),
    }
}

/// Whether `bytes` are a zip archive, as every .xlsx workbook is.
pub(crate) fn looks_like_a_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_workbook_is_refused_with_the_fix() {
        let error = read_workbook(b"metric,year,value\n", "a.xlsx", None).unwrap_err();
        let line = error.lines().next().unwrap_or_default();
        assert!(
            line.starts_with("a.xlsx: not an Excel workbook (.xlsx): "),
            "{line}"
        );
        assert!(line.ends_with("or as CSV"), "{line}");
        assert!(!looks_like_a_workbook(b"metric,year,value\n"));
    }
}
