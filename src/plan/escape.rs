//! Control characters shown escaped, so that what a plan, an actuals file or
//! an argument says cannot drive the terminal it is printed on.
//!
//! A plan is untrusted input: people receive plans by e-mail. ESC and BEL in
//! a metric's name can set a terminal's title, move the cursor or recolour
//! what follows; a carriage return can hide the start of an error line. So
//! every text from those sources passes through [`escape_controls`] before it
//! is shown: the plan's own texts when the plan is read (so every format,
//! table, Markdown, CSV, JSON or SVG, receives safe text), and every message
//! where it is printed.

use std::borrow::Cow;

/// `text` with every control character (C0 but tab and newline, DEL, C1)
/// written as Rust writes it, `\u{1b}`. Tab and newline stay: they lay out
/// a message or a note and move no cursor but the usual way. Text without
/// control characters is returned as it is, and escaping twice changes
/// nothing, since an escape holds none.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c0_del_and_c1_are_escaped_and_tab_and_newline_kept() {
        assert_eq!(
            escape_controls("N\u{1b}]0;pwned\u{7}X"),
            "N\\u{1b}]0;pwned\\u{7}X"
        );
        assert_eq!(escape_controls("a\rb\u{0}c"), "a\\u{d}b\\u{0}c");
        assert_eq!(escape_controls("\u{7f}\u{9b}31m"), "\\u{7f}\\u{9b}31m");
        assert_eq!(escape_controls("line\n\tnext"), "line\n\tnext");
        assert!(matches!(
            escape_controls("地区生产总值 %"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escaping_twice_changes_nothing() {
        let once = escape_controls("\u{1b}[2J\u{85}").into_owned();
        assert_eq!(escape_controls(&once), once);
    }
}
