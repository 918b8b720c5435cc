//! Where a value was written: a line of the plan file, or a `--set` argument.
//!
//! `--set` values join the file's values as overrides, so they carry a span
//! too: one past the end of the text per argument, which `locate` maps back
//! to the argument as the user typed it.

use std::ops::Range;

use crate::plan::Location;
use crate::plan::lines::LineIndex;

pub(super) struct Source<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// The `--set` arguments, as the user typed them.
    arguments: &'a [String],
}

impl<'a> Source<'a> {
    pub(super) fn new(text: &'a str, arguments: &'a [String]) -> Self {
        Source {
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
