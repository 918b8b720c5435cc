//! What the command line says when the report or its rendering refuses:
//! the library's errors in the words of the options a user typed.

use anyhow::anyhow;

use crate::render::{Misfit, RenderError};

/// An option that does not fit the format, with the fix.
pub fn misfit(misfit: Misfit) -> anyhow::Error {
    anyhow!(match misfit {
        Misfit::Bom =>
            "--bom applies to CSV output only: add --format csv, or drop --bom".to_owned(),
        Misfit::Color => {
            "--color applies to the terminal table only: drop it, or use --format table".to_owned()
        }
        Misfit::Layout => {
            "--layout applies to the years table in CSV: add --format csv --table years".to_owned()
        }
        Misfit::EveryTable { default, other } => format!(
            "a CSV file holds one table: use --table {default} (the default for CSV) \
             or --table {other}, or --format json for both"
        ),
        Misfit::NotATable => {
            "explain writes sentences or data: use --format table, markdown or json".to_owned()
        }
    })
}

pub fn render(error: RenderError) -> anyhow::Error {
    match error {
        RenderError::Misfit(m) => misfit(m),
        other => other.into(),
    }
}
