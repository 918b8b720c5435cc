//! Line numbers from byte offsets, for messages that point at a line of the
//! plan or of an actuals CSV.
//!
//! Plans can have 100,000 metrics, so a line costs a binary search over where
//! the lines start rather than a scan of the text. A line ends at `\n`, at a
//! Windows `\r\n` (counted once) or at a lone `\r`, as old Mac editors and
//! some exports write them: otherwise every row of such a file is line 1.

pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ends = bytes.iter().enumerate().filter_map(|(i, &b)| {
            let end = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            end.then_some(i + 1)
        });
        let starts = std::iter::once(0).chain(ends).collect();
        LineIndex { text, starts }
    }

    /// How many lines the text has; a line end at the very end starts an
    /// empty last line.
    pub(crate) fn count(&self) -> usize {
        self.starts.len()
    }

    /// The text of 1-based line `line`, without its line end; empty past the
    /// last line.
    pub(crate) fn line(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        let text = &self.text[start..end];
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The 1-based line and column of byte `offset`; the column counts
    /// characters, not bytes, as editors do.
    pub(crate) fn line_and_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        let before = self.text[start..]
            .char_indices()
            .take_while(|(i, _)| start + i < offset)
            .count();
        (line, before + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one() {
        let text = "a = 1\nbb = 2\n\nc = 3";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(5), 1, "the newline ends its own line");
        assert_eq!(lines.line_of(6), 2);
        assert_eq!(lines.line_of(13), 3, "a blank line is a line");
        assert_eq!(lines.line_and_column(text.find("c =").unwrap()), (4, 1));
        assert_eq!(lines.line_and_column(text.find('2').unwrap()), (2, 6));
    }

    #[test]
    fn windows_line_ends_count_once() {
        let text = "a = 1\r\nb = x\r\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_and_column(text.find('x').unwrap()), (2, 5));
        assert_eq!(lines.line_of(text.find('\r').unwrap()), 1);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "a = 1\rb = x\r\nc = 2\r";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_and_column(text.find('x').unwrap()), (2, 5));
        assert_eq!(lines.line_of(text.find('c').unwrap()), 3);
        assert_eq!(
            [lines.line(1), lines.line(2), lines.line(3), lines.line(4)],
            ["a = 1", "b = x", "c = 2", ""]
        );
        assert_eq!(lines.line(0), "");
    }

    #[test]
    fn columns_count_characters_and_offsets_past_the_end_stay_on_the_last_line() {
        let text = "名称 = \"x\"\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_and_column(text.find('=').unwrap()), (1, 4));
        assert_eq!(lines.line_and_column(text.len() + 10), (2, 1));
        assert_eq!(LineIndex::new("").line_and_column(3), (1, 1));
    }
}
