//! TOML syntax and shape errors, in the words of a compiler: the table the
//! mistake is in (serde's message names the field but not which metric it
//! belongs to) and the line itself, marked where the parser stopped.

use unicode_width::UnicodeWidthChar;

use crate::plan::lines::LineIndex;
use crate::plan::{Problem, escape_controls};

pub(super) fn toml_problem(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim_end().to_owned();
    let Some(span) = error.span() else {
        return Problem::new(message);
    };
    let (line, column) = LineIndex::new(text).line_and_column(span.start);
    let enclosing_table = text.lines().take(line).filter_map(table_header).last();
    let mut message = match enclosing_table {
        Some(table) => format!("in {}: {message}", echo(table, 1).0),
        None => message,
    };
    let source_line = text.lines().nth(line - 1).unwrap_or("");
    if message.contains("invalid unquoted key") && !source_line.is_ascii() {
        message.push_str("; a key with characters other than A–Z, 0–9, _ and - must be quoted, as in [metrics.\"服务业投资\"]");
    }
    if let Some(source_line) = text.lines().nth(line - 1) {
        let number = line.to_string();
        let pad = " ".repeat(number.len());
        let (shown, indent) = echo(source_line, column);
        message.push_str(&format!(
            "\n {pad} |\n {number} | {shown}\n {pad} | {indent}^"
        ));
    }
    Problem::new(message).at_line(line).at_column(column)
}

/// At most this many characters of a source line are echoed under a
/// message: a line can be a megabyte long, and the place is what matters.
const ECHOED: usize = 200;

/// The part of `line` echoed under a message, and the indent that puts a
/// caret under the character at `column` (1-based). A long line is cut to
/// [`ECHOED`] characters around the column, marked `…` where cut; control
/// characters are shown escaped, and the indent counts their escapes.
fn echo(line: &str, column: usize) -> (String, String) {
    let count = line.chars().count();
    let at = column - 1;
    let start = if count > ECHOED {
        at.saturating_sub(ECHOED / 2).min(count - ECHOED)
    } else {
        0
    };
    let end = count.min(start + ECHOED);
    let mut shown = String::new();
    let mut indent = String::new();
    if start > 0 {
        shown.push('…');
        indent.push(' ');
    }
    for (i, c) in line.chars().enumerate().take(end).skip(start) {
        let text = escape_controls(c.encode_utf8(&mut [0; 4])).into_owned();
        if i < at {
            match c {
                '\t' => indent.push('\t'),
                _ if text.len() > c.len_utf8() => indent.push_str(&" ".repeat(text.len())),
                c => indent.push_str(&" ".repeat(UnicodeWidthChar::width(c).unwrap_or(0))),
            }
        }
        shown.push_str(&text);
    }
    if end < count {
        shown.push('…');
    }
    (shown, indent)
}

/// The `[table]` or `[[array]]` header on this line, if it is one: a dotted
/// key of bare or quoted parts in brackets, alone on its line but for a comment.
fn table_header(line: &str) -> Option<&str> {
    let code = without_comment(line).trim();
    let inner = code
        .strip_prefix('[')?
        .strip_suffix(']')?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let key_like = inner.split('.').all(|part| {
        let part = part.trim();
        let quoted = part.len() >= 2
            && (part.starts_with('"') && part.ends_with('"')
                || part.starts_with('\'') && part.ends_with('\''));
        quoted
            || (!part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    });
    key_like.then_some(code)
}

/// The line up to a `#` that is not inside quotes.
fn without_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> Problem {
        let error = toml::from_str::<toml::Table>(text).unwrap_err();
        toml_problem(text, &error)
    }

    #[test]
    fn names_the_enclosing_table_and_marks_the_column_with_windows_line_ends() {
        let text = "[plan]\r\nbase_year = 2015\r\n[metrics.gdp]\r\nbaseline = = 1\r\n";
        let found = problem(text);
        assert_eq!(found.location, Some(crate::plan::Location::Line(4)));
        assert_eq!(found.column, Some(12));
        assert!(
            found.message.starts_with("in [metrics.gdp]: "),
            "{}",
            found.message
        );
        assert!(
            found
                .message
                .ends_with("\n   |\n 4 | baseline = = 1\n   |            ^"),
            "{}",
            found.message
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_controls_are_escaped() {
        let line = format!("x = {}", "1".repeat(1_000_000));
        let (shown, indent) = echo(&line, 500_000);
        assert_eq!(shown.chars().count(), ECHOED + 2, "two ellipses");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            indent.len(),
            1 + ECHOED / 2,
            "the caret stays on its character"
        );
        let (shown, indent) = echo("a = \"\u{1b}]0;x\u{7}\" =", 14);
        assert_eq!(shown, "a = \"\\u{1b}]0;x\\u{7}\" =");
        assert_eq!(
            indent.len(),
            shown.len() - 1,
            "the caret is under the last `=`"
        );
        let found = problem(&format!("a = {}\n", "[".repeat(100_000)));
        assert!(found.message.len() < 1_000, "{}", found.message);
    }

    #[test]
    fn table_headers_are_told_from_arrays_and_values() {
        assert_eq!(
            table_header("[metrics.\"服务业\"]  # 注释"),
            Some("[metrics.\"服务业\"]")
        );
        assert_eq!(table_header("[[items]]"), Some("[[items]]"));
        assert_eq!(table_header("[1, 2]"), None);
        assert_eq!(table_header("growth = [0.1]"), None);
        assert_eq!(without_comment("a = \"#1\" # note"), "a = \"#1\" ");
    }
}
