//! The terminal table: what a person sees when they run `dabiao`.
//!
//! comfy-table measures CJK characters as two columns wide, so Chinese names
//! line up. Colour and the width to fit are decided by the caller, which
//! knows whether the output is a terminal at all; how a table fits that
//! width is `fit`'s to say.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Color, ColumnConstraint, Table, TableStyle};

use super::Words;
use super::document::{Body, Document, Grid, Paragraph, Tone};
use super::fit::{Fit, fit, wrap, wrap_indented};

#[derive(Debug, Clone, Copy)]
pub struct TerminalOptions {
    /// Colour the status cells.
    pub color: bool,
    /// The width to fit the output to; none to draw every table whole.
    pub width: Option<usize>,
}

pub fn draw(document: &Document, terminal: TerminalOptions, words: &dyn Words) -> String {
    let mut out = String::new();
    let width = terminal.width;
    for text in document.title.iter().chain(&document.preamble) {
        push_text(&mut out, text, width);
    }
    for section in &document.sections {
        if let Some(heading) = &section.heading {
            out.push('\n');
            push_text(&mut out, heading, width);
        }
        match &section.body {
            Body::Table { grid, note } => {
                match width.map(|width| (width, fit(grid, width))) {
                    None | Some((_, Fit::Whole)) => push_table(&mut out, grid, terminal),
                    Some((width, Fit::Columns { grid, left_out })) => {
                        push_table(&mut out, &grid, terminal);
                        push_text(&mut out, &words.left_out(&left_out), Some(width));
                    }
                    Some((width, Fit::Blocks)) => out.push_str(&blocks(grid, width, words)),
                }
                if let Some(note) = note {
                    push_text(&mut out, note, width);
                }
            }
            Body::Paragraphs(paragraphs) => {
                for Paragraph { lead, text } in paragraphs {
                    let lead = lead.as_deref().unwrap_or_default();
                    out.push('\n');
                    push_text(&mut out, &format!("{lead}{text}"), width);
                }
            }
        }
    }
    out
}

/// `text` and a newline; every line wrapped to `width` when there is one.
fn push_text(out: &mut String, text: &str, width: Option<usize>) {
    match width {
        Some(width) => {
            for line in text.split('\n').flat_map(|line| wrap(line, width)) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        None => {
            out.push_str(text);
            out.push('\n');
        }
    }
}

fn push_table(out: &mut String, grid: &Grid, terminal: TerminalOptions) {
    let table = build(grid, UTF8_FULL_CONDENSED, terminal.color);
    out.push_str(&format!("{table}\n"));
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
