//! TOML syntax and shape errors, in the words of a compiler: the table the
//! mistake is in (serde's message names the field but not which metric it
//! belongs to) and the line itself, marked where the parser stopped.

use unicode_width::UnicodeWidthChar;

use crate::plan::lines::LineIndex;
use crate::plan::{Fault, Problem, escape_controls};

/// The TOML reader's `error` as a problem: its own message, framed by the
/// words with the table it is in and the line echoed.
pub(super) fn toml_problem(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim_end().to_owned();
    let lines = LineIndex::new(text);
    let Some(span) = error.span() else {
        return match deepest_key(&lines) {
            // The reader refuses a key of too many parts without saying where.
            Some((line, parts)) if message == "recursion limit" => {
                Problem::new(Fault::KeyTooDeep {
                    parts,
                    max: MAX_KEY_PARTS,
                    echo: echoed(&lines, line, 1),
                })
                .at_line(line)
            }
            _ => Problem::new(Fault::Syntax {
                table: None,
                message,
                quote_key: false,
                echo: None,
            }),
        };
    };
    let (line, column) = lines.line_and_column(span.start);
    let enclosing_table = (1..=line).rev().find_map(|n| table_header(lines.line(n)));
    let source_line = lines.line(line);
    let fault = Fault::Syntax {
        table: enclosing_table.map(|table| echo(table, 1).0),
        quote_key: message.contains("invalid unquoted key") && !source_line.is_ascii(),
        message,
        // A mistake at the very end of the file has no line to show.
        echo: (!source_line.is_empty()).then(|| echoed(&lines, line, column)),
    };
    Problem::new(fault).at_line(line).at_column(column)
}

/// Line `line` as a compiler shows it under a message, with a caret under
/// `column`.
fn echoed(lines: &LineIndex, line: usize, column: usize) -> String {
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let (shown, indent) = echo(lines.line(line), column);
    format!(" {pad} |\n {number} | {shown}\n {pad} | {indent}^")
}

/// The most dotted parts the TOML reader takes in one key or table header.
const MAX_KEY_PARTS: usize = 80;

/// The line whose key has the most dotted parts, and how many, when that is
/// more than the reader takes. Parts are counted by the dots outside quotes
/// and comments, but for those of a number (`1.5`).
fn deepest_key(lines: &LineIndex) -> Option<(usize, usize)> {
    let parts = |line: &str| {
        let code = without_comment(line).as_bytes();
        let mut quote = None;
        let mut dots = 0;
        for (i, &b) in code.iter().enumerate() {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                (None, b'.') => {
                    let digit = |j: Option<usize>| {
                        j.and_then(|j| code.get(j)).is_some_and(u8::is_ascii_digit)
                    };
                    if !(digit(i.checked_sub(1)) && digit(Some(i + 1))) {
                        dots += 1;
                    }
                }
                _ => {}
            }
        }
        dots + 1
    };
    (1..=lines.count())
        .map(|line| (line, parts(lines.line(line))))
        .filter(|&(_, parts)| parts > MAX_KEY_PARTS)
        .max_by_key(|&(line, parts)| (parts, std::cmp::Reverse(line)))
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
            found.fault.to_string().starts_with("in [metrics.gdp]: "),
            "{}",
            found.fault.to_string()
        );
        assert!(
            found
                .fault
                .to_string()
                .ends_with("\n   |\n 4 | baseline = = 1\n   |            ^"),
            "{}",
            found.fault.to_string()
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
        assert!(
            found.fault.to_string().len() < 1_000,
            "{}",
            found.fault.to_string()
        );
    }

    #[test]
    fn a_key_too_deep_for_the_reader_is_found_on_its_line() {
        let key = vec!["a"; 100_000].join(".");
        for text in [
            format!("[plan]\nbase_year = 2015\r\n[{key}]\n"),
            format!("x = 1.5\n\n{key} = 1\n"),
        ] {
            let found = problem(&text);
            assert_eq!(found.location, Some(crate::plan::Location::Line(3)));
            assert!(
                found
                    .fault
                    .to_string()
                    .starts_with("a key of 100000 dotted parts nests tables deeper"),
                "{}",
                found.fault.to_string()
            );
            assert!(
                found.fault.to_string().len() < 1_000,
                "{}",
                found.fault.to_string()
            );
        }
        let numbers = format!("x = [{}]\n", vec!["1.5"; 100].join(", "));
        assert_eq!(deepest_key(&LineIndex::new(&numbers)), None);
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
