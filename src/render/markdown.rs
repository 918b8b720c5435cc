//! Markdown: the same tables as the terminal, for reports and issue trackers.

use comfy_table::presets::ASCII_MARKDOWN;

use super::TextOptions;
use super::grid::{self, Grid};
use super::table::{TerminalOptions, build};
use crate::report::Report;

pub fn render(report: &Report, options: &TextOptions) -> String {
    let lang = options.lang;
    let mut out = String::new();
    if let Some(title) = &report.title {
        out.push_str(&format!("# {}\n\n", inline(title)));
    }
    if let Some(source) = &report.source {
        out.push_str(&format!("{}\n\n", inline(&lang.source(source))));
    }
    out.push_str(&format!(
        "{}\n",
        lang.period(report.base_year, report.target_year)
    ));
    if options.tables.summary() {
        let table = markdown_table(grid::summary(report, options));
        out.push_str(&format!("\n## {}\n\n{table}\n\n", lang.goals_heading()));
        out.push_str(&format!(
            "{}\n",
            lang.tally(report.reached_count(), report.goals.len())
        ));
    }
    if options.tables.years() {
        let table = markdown_table(grid::years(report, options));
        out.push_str(&format!("\n## {}\n\n{table}\n", lang.years_heading()));
    }
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
    let plain = TerminalOptions {
        color: false,
        fit_terminal: false,
    };
    let text = build(&grid, ASCII_MARKDOWN, plain).to_string();
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
