//! Markdown: the same tables as the terminal, for reports and issue trackers.

use comfy_table::presets::ASCII_MARKDOWN;

use super::document::{Body, Document, Grid, Paragraph};
use super::table::build;

pub(super) fn draw(document: Document) -> String {
    let mut out = String::new();
    if let Some(title) = &document.title {
        out.push_str(&format!("# {}\n\n", inline(title)));
    }
    for line in &document.preamble {
        out.push_str(&format!("{}\n\n", inline(line)));
    }
    for section in document.sections {
        if let Some(heading) = &section.heading {
            out.push_str(&format!("## {}\n\n", inline(heading)));
        }
        match section.body {
            Body::Table { grid, note } => {
                out.push_str(&format!("{}\n\n", markdown_table(grid)));
                // One paragraph per line; a leading * would start a list.
                for line in note.iter().flat_map(|note| note.lines()) {
                    let line = inline(line);
                    let line = match line.strip_prefix('*') {
                        Some(rest) => format!("\\*{rest}"),
                        None => line,
                    };
                    out.push_str(&format!("{line}\n\n"));
                }
            }
            Body::Lines(lines) => {
                for line in &lines {
                    out.push_str(&format!("{}\n\n", inline(line)));
                }
            }
            // A list of what each paragraph is about, its name in bold.
            Body::Paragraphs(paragraphs) => {
                for Paragraph { lead, text } in paragraphs {
                    match lead {
                        Some(lead) => {
                            out.push_str(&format!("- **{}**{}\n", inline(&lead), inline(&text)))
                        }
                        None => out.push_str(&format!("{}\n", inline(&text))),
                    }
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn markdown_table(mut grid: Grid) -> String {
    for text in grid.header.iter_mut() {
        *text = cell(text);
    }
    for row in grid.rows.iter_mut() {
        for c in row.iter_mut() {
            c.text = cell(&c.text);
        }
    }
    let text = build(&grid, ASCII_MARKDOWN, false).to_string();
    // Padding aligns the source; a `---:` rule aligns the rendered page.
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if let Some(rule) = lines.get_mut(1) {
        *rule = align_rule(rule, &grid.numeric);
    }
    lines.join("\n")
}

/// `|-----|-----|` with the rule of each numeric column ending in `:`.
fn align_rule(rule: &str, numeric: &[bool]) -> String {
    let cells: Vec<&str> = rule.trim_matches('|').split('|').collect();
    let aligned: Vec<String> = cells
        .iter()
        .zip(numeric.iter().chain(std::iter::repeat(&false)))
        .map(|(cell, &right)| match cell.len() {
            len if right && len > 1 => format!("{}:", &cell[..len - 1]),
            _ => cell.to_string(),
        })
        .collect();
    format!("|{}|", aligned.join("|"))
}

/// Text that cannot break a table row: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

fn inline(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}
