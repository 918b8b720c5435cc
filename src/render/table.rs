//! The terminal table: what a person sees when they run `dabiao`.
//!
//! comfy-table measures CJK characters as two columns wide, so Chinese names
//! line up. Colour and fitting to the terminal width are decided by the
//! caller, which knows whether the output is a terminal at all.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, TableStyle};

use super::document::{Body, Document, Grid, Paragraph, Tone};

#[derive(Debug, Clone, Copy)]
pub struct TerminalOptions {
    /// Colour the status cells.
    pub color: bool,
    /// Wrap wide tables to the terminal's width (only when writing to one).
    pub fit_terminal: bool,
}

pub fn draw(document: &Document, terminal: TerminalOptions) -> String {
    let mut out = String::new();
    for line in document.title.iter().chain(&document.preamble) {
        out.push_str(&format!("{line}\n"));
    }
    for section in &document.sections {
        if let Some(heading) = &section.heading {
            out.push_str(&format!("\n{heading}\n"));
        }
        match &section.body {
            Body::Table { grid, note } => {
                let table = build(grid, UTF8_FULL_CONDENSED, terminal);
                out.push_str(&format!("{table}\n"));
                if let Some(note) = note {
                    out.push_str(&format!("{note}\n"));
                }
            }
            Body::Paragraphs(paragraphs) => {
                for Paragraph { lead, text } in paragraphs {
                    let lead = lead.as_deref().unwrap_or_default();
                    out.push_str(&format!("\n{lead}{text}\n"));
                }
            }
        }
    }
    out
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
