//! The terminal table: what a person sees when they run `dabiao`.
//!
//! comfy-table measures CJK characters as two columns wide, so Chinese names
//! line up. Colour and the width to fit are decided by the caller, which
//! knows whether the output is a terminal at all; how a table fits that
//! width is `fit`'s to say.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Color, ColumnConstraint, Table, TableStyle};

use super::Words;
use super::document::{Body, Document, Grid, Paragraph, Tone};
use super::fit::{Fit, fit, wrap, wrap_indented};

#[derive(Debug, Clone, Copy)]
pub(super) struct TerminalOptions {
    /// Colour the status cells.
    pub color: bool,
    /// The width to fit the output to; none to draw every table whole.
    pub width: Option<usize>,
}

/// Writes `document` to `out`, each table as soon as it is drawn and its
/// section dropped after it: a table needs all its rows to size its
/// columns, but not those of the tables after it. With a width, every
/// table and line of text fits it; `words` name the columns left out.
pub(super) fn draw(
    document: Document,
    terminal: TerminalOptions,
    words: &dyn Words,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = terminal.width;
    for text in document.title.iter().chain(&document.preamble) {
        write_text(out, text, width)?;
    }
    for section in document.sections {
        if let Some(heading) = &section.heading {
            writeln!(out)?;
            write_text(out, heading, width)?;
        }
        match section.body {
            Body::Table { grid, note } => {
                match width.map(|width| (width, fit(&grid, width))) {
                    None | Some((_, Fit::Whole)) => write_table(out, &grid, terminal)?,
                    Some((width, Fit::Columns { grid, left_out })) => {
                        write_table(out, &grid, terminal)?;
                        // Text wrapped may be all it took.
                        if !left_out.is_empty() {
                            write_text(out, &words.left_out(&left_out), Some(width))?;
                        }
                    }
                    Some((width, Fit::Blocks)) => write!(out, "{}", blocks(&grid, width, words))?,
                }
                drop(grid);
                if let Some(note) = note {
                    write_text(out, &note, width)?;
                }
            }
            Body::Lines(lines) => {
                for line in &lines {
                    write_text(out, line, width)?;
                }
            }
            Body::Paragraphs(paragraphs) => {
                for Paragraph { lead, text } in paragraphs {
                    let lead = lead.as_deref().unwrap_or_default();
                    writeln!(out)?;
                    write_text(out, &format!("{lead}{text}"), width)?;
                }
            }
        }
    }
    Ok(())
}

/// `text` and a newline; every line wrapped to `width` when there is one.
fn write_text(out: &mut dyn Write, text: &str, width: Option<usize>) -> io::Result<()> {
    match width {
        Some(width) => {
            for line in text.split('\n').flat_map(|line| wrap(line, width)) {
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
        None => writeln!(out, "{text}"),
    }
}

fn write_table(out: &mut dyn Write, grid: &Grid, terminal: TerminalOptions) -> io::Result<()> {
    let table = build(grid, UTF8_FULL_CONDENSED, terminal.color);
    writeln!(out, "{table}")
}

/// Each row as a block of "label: value" lines, its cells that say
/// nothing left out, a blank line between blocks; a line too long for
/// `width` goes on indented.
fn blocks(grid: &Grid, width: usize, words: &dyn Words) -> String {
    let blocks: Vec<String> = grid
        .rows
        .iter()
        .map(|row| {
            grid.header
                .iter()
                .zip(row)
                .filter(|(_, cell)| !cell.text.is_empty())
                .flat_map(|(label, cell)| {
                    wrap_indented(&words.labelled(label, &cell.text), width, "  ")
                })
                .map(|line| format!("{line}\n"))
                .collect::<String>()
        })
        .collect();
    blocks.join("\n")
}

/// A comfy-table of `grid` drawn with `style`, never wrapped by
/// comfy-table itself; shared with Markdown.
pub(super) fn build(grid: &Grid, style: TableStyle, color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(style);
    table.force_no_tty();
    if color {
        table.enforce_styling();
    }
    table.set_header(grid.header.clone());
    for row in &grid.rows {
        table.add_row(row.iter().map(|cell| {
            let c = comfy_table::Cell::new(&cell.text);
            match (color, cell.tone) {
                (true, Tone::Good) => c.fg(Color::Green),
                (true, Tone::Fair) => c.fg(Color::Yellow),
                (true, Tone::Bad) => c.fg(Color::Red),
                _ => c,
            }
        }));
    }
    for (index, numeric) in grid.numeric.iter().enumerate() {
        if let (true, Some(column)) = (*numeric, table.column_mut(index)) {
            column.set_cell_alignment(CellAlignment::Right);
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}
