//! The terminal table: what a person sees when they run `dabiao`.
//!
//! comfy-table measures CJK characters as two columns wide, so Chinese names
//! line up. Colour and fitting to the terminal width are decided by the
//! caller, which knows whether the output is a terminal at all.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, TableStyle};

use super::document::{Body, Document, Grid, Paragraph, Tone};

#[derive(Debug, Clone, Copy)]
pub(super) struct TerminalOptions {
    /// Colour the status cells.
    pub color: bool,
    /// Wrap wide tables to the terminal's width (only when writing to one).
    pub fit_terminal: bool,
}

/// Writes `document` to `out`, each table as soon as it is drawn and its
/// section dropped after it: a table needs all its rows to size its
/// columns, but not those of the tables after it.
pub(super) fn draw(
    document: Document,
    terminal: TerminalOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for line in document.title.iter().chain(&document.preamble) {
        writeln!(out, "{line}")?;
    }
    for section in document.sections {
        if let Some(heading) = &section.heading {
            write!(out, "\n{heading}\n")?;
        }
        match section.body {
            Body::Table { grid, note } => {
                let table = build(&grid, UTF8_FULL_CONDENSED, terminal);
                drop(grid);
                writeln!(out, "{table}")?;
                if let Some(note) = note {
                    writeln!(out, "{note}")?;
                }
            }
            Body::Paragraphs(paragraphs) => {
                for Paragraph { lead, text } in paragraphs {
                    let lead = lead.as_deref().unwrap_or_default();
                    write!(out, "\n{lead}{text}\n")?;
                }
            }
        }
    }
    Ok(())
}

/// A comfy-table of `grid` drawn with `style`; shared with Markdown.
pub(super) fn build(grid: &Grid, style: TableStyle, terminal: TerminalOptions) -> Table {
    let mut table = Table::new();
    table.load_style(style);
    if terminal.fit_terminal {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.force_no_tty();
    }
    if terminal.color {
        table.enforce_styling();
    }
    table.set_header(grid.header.clone());
    for row in &grid.rows {
        table.add_row(row.iter().map(|cell| {
            let c = comfy_table::Cell::new(&cell.text);
            match (terminal.color, cell.tone) {
                (true, Tone::Good) => c.fg(Color::Green),
                (true, Tone::Fair) => c.fg(Color::Yellow),
                (true, Tone::Bad) => c.fg(Color::Red),
                _ => c,
            }
        }));
    }
    for (index, numeric) in grid.numeric.iter().enumerate() {
        if let (true, Some(column)) = (*numeric, table.column_mut(index)) {
            // Names may wrap on a narrow terminal; numbers never break.
            column.set_cell_alignment(CellAlignment::Right);
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}
