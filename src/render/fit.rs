//! Fitting the terminal table to the terminal's width.
//!
//! A table that fits is drawn whole. One that does not loses first the
//! columns it may leave out that are empty in every row, which take room
//! and say nothing (the line naming what was left out does not name them:
//! `--wide` would show nothing more there); then its least important
//! columns, in the order each table gives ([`Grid::drop_order`]), until
//! what is left fits with its text wrapped;
//! below [`NARROWEST_TABLE`] columns, or when even the columns that are
//! never left out do not fit, each row becomes a block of "label: value"
//! lines. Text wraps at spaces and between Chinese characters, where
//! Unicode allows a line to break, and never inside a word or a number:
//! numbers (the numeric columns) never wrap at all.

use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

use super::document::{Cell, Grid, plain};

/// Below this width, tables become blocks of "label: value" lines.
pub(super) const NARROWEST_TABLE: usize = 60;

/// A text column is not squeezed below this width (eight Chinese
/// characters), unless its text is narrower: a name one character wide
/// reads as a column of characters.
const NARROWEST_TEXT: usize = 16;

/// A header wraps to two lines at most: more reads as a column of words.
const HEADER_LINES: usize = 2;

/// How a table is drawn in the width it has.
pub(super) enum Fit {
    /// Every column, unwrapped: it fits as it is.
    Whole,
    /// The columns kept, their text wrapped to fit; the headers of those
    /// left out, in table order (none when wrapping was enough).
    Columns { grid: Grid, left_out: Vec<String> },
    /// One block of "label: value" lines per row.
    Blocks,
}

/// How `grid` is drawn within `width` display columns.
pub(super) fn fit(grid: &Grid, width: usize) -> Fit {
    let columns: Vec<Measure> = (0..grid.header.len())
        .map(|c| Measure::of(grid, c))
        .collect();
    let natural: Vec<usize> = columns.iter().map(|m| m.natural).collect();
    if table_width(&natural) <= width {
        return Fit::Whole;
    }
    if width < NARROWEST_TABLE {
        return Fit::Blocks;
    }
    let empty: Vec<bool> = (0..columns.len())
        .map(|c| grid.drop_order.contains(&c) && is_empty(grid, c))
        .collect();
    let mut kept: Vec<bool> = empty.iter().map(|e| !e).collect();
    let mut drop_order = grid.drop_order.iter();
    let narrowest = |kept: &[bool]| -> usize {
        let least: Vec<usize> = kept_values(&columns, kept, |m| m.least);
        table_width(&least)
    };
    while narrowest(&kept) > width {
        match drop_order.next() {
            Some(&c) if c < kept.len() => kept[c] = false,
            Some(_) => {}
            None => return Fit::Blocks,
        }
    }
    let kept_columns: Vec<usize> = (0..columns.len()).filter(|&c| kept[c]).collect();
    let mut widths: Vec<usize> = kept_columns.iter().map(|&c| columns[c].least).collect();
    widen(&mut widths, &kept_columns, &columns, width);
    let wrap_to = |text: &str, w: usize| balanced(text, w).join("\n");
    let fitted = Grid {
        header: kept_columns
            .iter()
            .zip(&widths)
            .map(|(&c, &w)| wrap_to(&grid.header[c], w))
            .collect(),
        rows: grid
            .rows
            .iter()
            .map(|row| {
                kept_columns
                    .iter()
                    .zip(&widths)
                    .map(|(&c, &w)| {
                        let cell = row.get(c).cloned().unwrap_or_else(|| plain(""));
                        if is_numeric(grid, c) {
                            cell
                        } else {
                            Cell {
                                text: wrap_to(&cell.text, w),
                                ..cell
                            }
                        }
                    })
                    .collect()
            })
            .collect(),
        numeric: kept_columns.iter().map(|&c| is_numeric(grid, c)).collect(),
        drop_order: Vec::new(),
    };
    let left_out = (0..columns.len())
        .filter(|&c| !kept[c] && !empty[c])
        .map(|c| grid.header[c].clone())
        .collect();
    Fit::Columns {
        grid: fitted,
        left_out,
    }
}

/// The width of a table drawn with content `widths`: each column padded by
/// a space on either side, and a border before, between and after them.
fn table_width(widths: &[usize]) -> usize {
    widths.iter().map(|w| w + 3).sum::<usize>() + 1
}

fn kept_values(
    columns: &[Measure],
    kept: &[bool],
    value: impl Fn(&Measure) -> usize,
) -> Vec<usize> {
    columns
        .iter()
        .zip(kept)
        .filter(|(_, k)| **k)
        .map(|(m, _)| value(m))
        .collect()
}

/// Gives the width left over to the columns that wrap, one column at a
/// time to the one furthest from its natural width, so that their lines
/// even out.
fn widen(widths: &mut [usize], kept: &[usize], columns: &[Measure], width: usize) {
    let mut spare = width.saturating_sub(table_width(widths));
    while spare > 0 {
        let furthest = widths
            .iter()
            .zip(kept)
            .enumerate()
            .map(|(k, (w, &c))| (k, columns[c].natural.saturating_sub(*w)))
            .filter(|(_, short)| *short > 0)
            .max_by_key(|(k, short)| (*short, std::cmp::Reverse(*k)));
        match furthest {
            Some((k, _)) => widths[k] += 1,
            None => break,
        }
        spare -= 1;
    }
}

/// No row has text in `column`; a table without rows has no empty column.
fn is_empty(grid: &Grid, column: usize) -> bool {
    !grid.rows.is_empty()
        && grid.rows.iter().all(|row| {
            row.get(column)
                .is_none_or(|cell| cell.text.trim().is_empty())
        })
}

fn is_numeric(grid: &Grid, column: usize) -> bool {
    grid.numeric.get(column).copied().unwrap_or(false)
}

/// How wide a column is: as drawn whole, and at the least it may be.
struct Measure {
    natural: usize,
    least: usize,
}

impl Measure {
    /// A numeric column is at least as wide as its widest number, a text
    /// column as its widest word, and not below [`NARROWEST_TEXT`] when its
    /// text is wider; either is wide enough for its header in two lines.
    fn of(grid: &Grid, column: usize) -> Measure {
        let header = grid.header.get(column).map_or("", String::as_str);
        let cells = || {
            grid.rows
                .iter()
                .filter_map(move |row| row.get(column))
                .map(|cell| cell.text.as_str())
        };
        let natural = cells()
            .chain([header])
            .map(display_width)
            .max()
            .unwrap_or(0);
        let header_width = display_width(header);
        let header_least = (widest_word(header)..header_width)
            .find(|&w| wrap(header, w).len() <= HEADER_LINES)
            .unwrap_or(header_width);
        let cells_least = if is_numeric(grid, column) {
            cells().map(display_width).max().unwrap_or(0)
        } else {
            let widest = cells().map(widest_word).max().unwrap_or(0);
            widest.max(natural.min(NARROWEST_TEXT))
        };
        Measure {
            natural,
            least: cells_least.max(header_least),
        }
    }
}

/// Display columns of the widest line of `text`, a Chinese character
/// counting two.
pub(super) fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The widest piece of `text` that no line may break.
fn widest_word(text: &str) -> usize {
    wrap(text, 1)
        .iter()
        .map(|l| display_width(l))
        .max()
        .unwrap_or(0)
}

/// `text` in as few lines of at most `width` columns as [`wrap`] makes, but
/// as even as they can be: a name wrapped in a cell does not leave one
/// character on a line of its own.
fn balanced(text: &str, width: usize) -> Vec<String> {
    let lines = wrap(text, width);
    let narrowest = (widest_word(text)..width)
        .map(|w| wrap(text, w))
        .find(|narrower| narrower.len() == lines.len());
    narrowest.unwrap_or(lines)
}

/// `text` in lines of at most `width` columns, broken only where Unicode
/// allows; a piece wider than `width` keeps a line of its own.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, "")
}

/// As [`wrap`], the lines after the first indented by `indent`.
pub(super) fn wrap_indented(text: &str, width: usize, indent: &str) -> Vec<String> {
    let options = Options::new(width.max(1))
        .break_words(false)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .subsequent_indent(indent);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(header: &[&str], rows: &[&[&str]], numeric: &[bool], drop_order: &[usize]) -> Grid {
        Grid {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .map(|row| row.iter().map(|t| plain(*t)).collect())
                .collect(),
            numeric: numeric.to_vec(),
            drop_order: drop_order.to_vec(),
        }
    }

    #[test]
    fn words_and_numbers_never_break() {
        assert_eq!(wrap("✘ missed", 3), ["✘", "missed"]);
        assert_eq!(wrap("avg growth ≤ -2.9%", 8), ["avg", "growth ≤", "-2.9%"]);
        assert_eq!(widest_word("12184.48 ✘"), 8);
        assert_eq!(widest_word("+0.12 pp a year"), 5);
        // Chinese breaks between characters, as it is typeset.
        assert_eq!(
            wrap("单位地区生产总值能耗", 8),
            ["单位地区", "生产总值", "能耗"]
        );
        assert_eq!(display_width("单位地区"), 8);
        assert_eq!(
            wrap("新兴产业增加值占比重", 18),
            ["新兴产业增加值占比", "重"]
        );
        assert_eq!(
            balanced("新兴产业增加值占比重", 18),
            ["新兴产业增", "加值占比重"]
        );
        assert_eq!(balanced("avg growth ≥ 16%", 20), ["avg growth ≥ 16%"]);
    }

    #[test]
    fn a_table_that_fits_is_drawn_whole() {
        let g = grid(
            &["Metric", "Value"],
            &[&["GDP", "1.5"]],
            &[false, true],
            &[],
        );
        assert!(matches!(fit(&g, 60), Fit::Whole));
        // │ Metric ┆ Value │
        assert_eq!(table_width(&[6, 5]), 18);
    }

    #[test]
    fn columns_are_left_out_in_the_order_given() {
        let wide = "x".repeat(30);
        let g = grid(
            &["Metric", "A", "B", "C"],
            &[&["GDP", &wide, &wide, &wide]],
            &[false, true, true, true],
            &[2],
        );
        let Fit::Columns {
            grid: kept,
            left_out,
        } = fit(&g, 80)
        else {
            panic!("columns are left out");
        };
        assert_eq!(left_out, ["B"]);
        assert_eq!(kept.header, ["Metric", "A", "C"]);
        // With nothing more to leave out, rows become blocks.
        assert!(matches!(fit(&g, 70), Fit::Blocks));
        // And below 60 columns, always.
        let small = grid(&["Metric", "A"], &[&["GDP", &wide]], &[false, true], &[]);
        assert!(matches!(fit(&small, 40), Fit::Blocks));
    }

    #[test]
    fn columns_empty_in_every_row_go_first_and_unnamed() {
        let wide = "x".repeat(30);
        // B is empty, A and C full; A is first in the order given.
        let g = grid(
            &["Metric", "A", "B", "C"],
            &[&["GDP", &wide, "", &wide], &["CPI", &wide, " ", &wide]],
            &[false, true, true, true],
            &[1, 2, 3],
        );
        let Fit::Columns {
            grid: kept,
            left_out,
        } = fit(&g, 79)
        else {
            panic!("columns are left out");
        };
        assert_eq!(kept.header, ["Metric", "A", "C"]);
        assert!(left_out.is_empty(), "{left_out:?}");
        // Narrower, A goes next in the order given, and is named.
        let Fit::Columns {
            grid: kept,
            left_out,
        } = fit(&g, 60)
        else {
            panic!("columns are left out");
        };
        assert_eq!(kept.header, ["Metric", "C"]);
        assert_eq!(left_out, ["A"]);
        // A column the table never leaves out stays, empty or not.
        let g = grid(
            &["Metric", "A", "B"],
            &[&["", &wide, &wide], &["", &wide, &wide]],
            &[false, true, true],
            &[1],
        );
        let Fit::Columns { grid: kept, .. } = fit(&g, 60) else {
            panic!("columns are left out");
        };
        assert_eq!(kept.header, ["Metric", "B"]);
    }

    #[test]
    fn text_wraps_to_the_width_left_and_numbers_stay_whole() {
        let name = "a very long name of a metric that takes room";
        let number = "1".repeat(40);
        let g = grid(
            &["Metric", "Value"],
            &[&[name, &number]],
            &[false, true],
            &[],
        );
        let Fit::Columns { grid, left_out } = fit(&g, 70) else {
            panic!("the name wraps");
        };
        assert!(left_out.is_empty());
        assert_eq!(grid.rows[0][1].text, number);
        let name_lines: Vec<&str> = grid.rows[0][0].text.lines().collect();
        assert!(name_lines.len() > 1);
        let widest = name_lines.iter().map(|l| display_width(l)).max().unwrap();
        assert!(table_width(&[widest, 40]) <= 70);
    }
}
