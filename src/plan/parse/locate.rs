//! Where a value was written: a line of the plan file, or a `--set` argument.
//!
//! `--set` values join the file's values as overrides, so they carry a span
//! too: one past the end of the text per argument, which `locate` maps back
//! to the argument as the user typed it.

use std::ops::Range;

use crate::plan::Location;
use crate::plan::lines::LineIndex;

pub(super) struct Locator<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// The `--set` arguments, as the user typed them.
    arguments: &'a [String],
}

impl<'a> Locator<'a> {
    pub(super) fn new(text: &'a str, arguments: &'a [String]) -> Self {
        Locator {
            text,
            lines: LineIndex::new(text),
            arguments,
        }
    }

    /// The `--set` arguments, each with the span that stands for it.
    pub(super) fn arguments(&self) -> impl Iterator<Item = (Range<usize>, &'a str)> + '_ {
        self.arguments.iter().enumerate().map(|(i, argument)| {
            let at = self.text.len() + 1 + i;
            (at..at, argument.as_str())
        })
    }

    /// The 1-based line holding byte `offset` of the plan file.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    pub(super) fn locate(&self, span: Range<usize>) -> Location {
        match span.start.checked_sub(self.text.len() + 1) {
            Some(i) => Location::Argument(format!("--set {}", self.arguments[i])),
            None => Location::Line(self.line_of(span.start)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_the_text_are_lines_and_past_it_arguments() {
        let text = "[plan]\r\nbase_year = 2015\r\n";
        let arguments = ["gdp.growth=5%".to_owned(), "gdp.target=9".to_owned()];
        let locator = Locator::new(text, &arguments);
        let year = text.find("2015").unwrap();
        assert_eq!(locator.locate(year..year + 4), Location::Line(2));
        let spans: Vec<_> = locator.arguments().map(|(span, _)| span).collect();
        assert_eq!(
            locator.locate(spans[1].clone()),
            Location::Argument("--set gdp.target=9".to_owned())
        );
        assert_eq!(
            locator.locate(spans[0].clone()),
            Location::Argument("--set gdp.growth=5%".to_owned())
        );
    }
}
