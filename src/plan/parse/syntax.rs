//! TOML syntax and shape errors, in the words of a compiler: the table the
//! mistake is in (serde's message names the field but not which metric it
//! belongs to) and the line itself, marked where the parser stopped.

use unicode_width::UnicodeWidthChar;

use crate::plan::lines::LineIndex;
use crate::plan::width::ascii_form;
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
                header: false,
                message,
                quoted: None,
                full_width: None,
                echo: None,
            }),
        };
    };
    let (line, column) = lines.line_and_column(span.start);
    let source_line = lines.line(line);
    // A mistake in a header is in no table yet: the one above it is not
    // where to look.
    let header = looks_like_header(source_line);
    let enclosing_table = (!header)
        .then(|| (1..=line).rev().find_map(|n| table_header(lines.line(n))))
        .flatten();
    let fault = Fault::Syntax {
        table: enclosing_table.map(|table| echo(table, 1).0),
        header,
        quoted: if message.contains("invalid unquoted key") {
            with_keys_quoted(source_line)
        } else {
            None
        },
        message,
        full_width: full_width(source_line),
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

/// Whether `line` is a `[table]` or `[[array]]` header, well formed or
/// not: brackets around what is neither a value nor a list.
fn looks_like_header(line: &str) -> bool {
    let code = without_comment(line).trim();
    code.starts_with('[') && code.ends_with(']') && !code.contains(['=', ','])
}

/// `line`, without its comment, with every bare word of it that is no
/// bare key (a word of characters other than A–Z, a–z, 0–9, `_` and `-`)
/// in quotes: `[scenarios.节能]` as `[scenarios."节能"]`, `节能 = 1` as
/// `"节能" = 1`. `None` when nothing is to be quoted, when a word holds a
/// full-width character (its ASCII form is the fix, not quotes), or when
/// the line is too long to show.
fn with_keys_quoted(line: &str) -> Option<String> {
    let code = without_comment(line).trim();
    if code.chars().count() > ECHOED {
        return None;
    }
    let mut fixed = String::with_capacity(code.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, fixed: &mut String| -> Option<()> {
        let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        if word.chars().all(bare) {
            fixed.push_str(word);
        } else if word.chars().any(|c| ascii_form(c).is_some()) {
            return None;
        } else {
            fixed.push('"');
            fixed.push_str(word);
            fixed.push('"');
        }
        word.clear();
        Some(())
    };
    for (_, c, quoted) in in_strings(code) {
        if quoted || matches!(c, '.' | '=' | '[' | ']' | '{' | '}' | ',') || c.is_whitespace() {
            flush(&mut word, &mut fixed)?;
            fixed.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut fixed)?;
    (fixed != code).then(|| escape_controls(&fixed).into_owned())
}

/// The first character of `line`, outside its strings and comment, that
/// is full-width or Chinese punctuation, and its ASCII form: TOML reads
/// `５０００`, `5000，` or `“6%”` as none of what they look like.
fn full_width(line: &str) -> Option<(char, char)> {
    in_strings(without_comment(line))
        .filter(|&(_, _, quoted)| !quoted)
        .find_map(|(_, c, _)| Some((c, ascii_form(c)?)))
}

/// The line up to a `#` that is not inside quotes.
fn without_comment(line: &str) -> &str {
    in_strings(line)
        .find(|&(_, c, quoted)| c == '#' && !quoted)
        .map_or(line, |(at, ..)| &line[..at])
}

/// Each character of `line` with its byte offset, and whether it is part
/// of a string, quotes included: a basic string (`"…"`) ends at a quote
/// not escaped by `\`, a literal one (`'…'`) at the next quote.
fn in_strings(line: &str) -> impl Iterator<Item = (usize, char, bool)> + '_ {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    line.char_indices().map(move |(at, c)| match quote {
        Some(q) => {
            if c == q && !escaped {
                quote = None;
            }
            escaped = q == '"' && c == '\\' && !escaped;
            (at, c, true)
        }
        None => {
            if matches!(c, '"' | '\'') {
                quote = Some(c);
            }
            (at, c, quote.is_some())
        }
    })
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
    fn bare_words_of_other_characters_are_quoted_in_the_fix() {
        for (line, fixed) in [
            ("[scenarios.节能]", Some("[scenarios.\"节能\"]")),
            ("[[区.节能]] # 注释", Some("[[\"区\".\"节能\"]]")),
            (
                "[metrics.\"服务业\".节能]",
                Some("[metrics.\"服务业\".\"节能\"]"),
            ),
            ("节能 = 1", Some("\"节能\" = 1")),
            ("a = { 节能 = 1.5 }", Some("a = { \"节能\" = 1.5 }")),
            ("名 = \"a\\\"b\" # x", Some("\"名\" = \"a\\\"b\"")),
            ("a = 1", None),
            // The full-width `＝` is to be typed in ASCII, not quoted.
            ("节能 ＝ 1", None),
        ] {
            assert_eq!(with_keys_quoted(line).as_deref(), fixed, "{line}");
        }
        assert_eq!(
            with_keys_quoted(&format!("节能 = \"{}\"", "x".repeat(300))),
            None
        );
    }

    #[test]
    fn full_width_characters_outside_strings_are_found() {
        assert_eq!(full_width("baseline = ５０００"), Some(('５', '5')));
        assert_eq!(full_width("baseline = 5000，# 亿元，"), Some(('，', ',')));
        assert_eq!(full_width("growth = “6%”"), Some(('“', '"')));
        assert_eq!(full_width("name = \"（一）\\\"，\" # ％"), None);
        assert_eq!(full_width("节能 = 1"), None);
    }

    #[test]
    fn a_mistake_in_a_header_is_in_no_table() {
        let found = problem("[metrics.gdp]\nbaseline = 1\n[scenarios.节能]\n");
        assert!(
            found
                .fault
                .to_string()
                .starts_with("in a table's header: invalid unquoted key"),
            "{}",
            found.fault
        );
        assert!(looks_like_header("  [[a.b]] # c"));
        assert!(!looks_like_header("[1, 2]"));
        assert!(!looks_like_header("a = [1]"));
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
