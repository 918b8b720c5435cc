//! Why a plan was refused, in words that point at the place to fix.
//!
//! A plan can have several problems at once; they are all collected so that a
//! user fixes them in one pass instead of one run per mistake. Each problem
//! holds where it is, what it is about and what is wrong (a [`Fault`]); the
//! words (`words::plan`) show it as `file:line[:column]: metric `id`, field
//! `name`: message`, the shape compilers use, so editors can jump to it, in
//! the language asked.
//!
//! A file of a million bad rows must not print a million lines: the first
//! [`SHOWN_PROBLEMS`] problems are kept and shown, the others only counted.

use super::fault::Fault;

/// Where a problem was found: a line of the plan file, a command-line
/// argument that changes the plan (`--set`), or a place in an actuals file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A 1-based line of the plan file.
    Line(usize),
    /// A command-line argument, as typed: `--set gdp.growth=5%`.
    Argument(String),
    /// A line of another file than the plan (an actuals CSV).
    FileLine {
        /// The file, as named in messages.
        file: String,
        /// The 1-based line.
        line: usize,
    },
    /// A cell of a workbook's sheet (an actuals .xlsx), shown as
    /// `book.xlsx#Sheet1!C4`: the file, then the reference a spreadsheet
    /// takes in its name box.
    Cell {
        /// The workbook, as named in messages.
        file: String,
        /// The sheet's name.
        sheet: String,
        /// The row, 1-based, as spreadsheets number rows.
        row: usize,
        /// The column, 0-based: column A is 0.
        column: usize,
    },
}

impl Location {
    /// The place in another file than the plan, as messages name it
    /// (`a.csv:3`, `a.xlsx#Sheet1!C4`); `None` for a place of the plan.
    pub fn elsewhere(&self) -> Option<String> {
        match self {
            Location::FileLine { file, line } => Some(format!("{file}:{line}")),
            Location::Cell {
                file,
                sheet,
                row,
                column,
            } => Some(format!("{file}#{sheet}!{}{row}", column_letters(*column))),
            Location::Line(_) | Location::Argument(_) => None,
        }
    }
}

/// A 0-based column as spreadsheets name it: 0 is A, 25 is Z, 26 is AA.
pub(crate) fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One mistake in a plan, with where it is and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it was found; `None` for a problem of the file as a whole
    /// (no `[plan]` table, say).
    pub location: Option<Location>,
    /// The 1-based column on the line, when it is known (TOML syntax errors).
    pub column: Option<usize>,
    /// The scenario it is in; `None` for the base plan.
    pub scenario: Option<String>,
    /// The id of the metric it is about, if one.
    pub metric: Option<String>,
    /// The field it is about (`growth`, `plan.base_year`), if one.
    pub field: Option<String>,
    /// What is wrong; the words say it, with how to fix it.
    pub(crate) fault: Fault,
}

impl Problem {
    pub(crate) fn new(fault: Fault) -> Self {
        Problem {
            location: None,
            column: None,
            scenario: None,
            metric: None,
            field: None,
            fault,
        }
    }

    pub(crate) fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub(crate) fn at_line(self, line: usize) -> Self {
        self.at(Location::Line(line))
    }

    pub(crate) fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub(crate) fn in_scenario(mut self, name: Option<&str>) -> Self {
        self.scenario = name.map(str::to_owned);
        self
    }

    pub(crate) fn in_metric(mut self, id: &str) -> Self {
        self.metric = Some(id.to_owned());
        self
    }

    pub(crate) fn in_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }
}

/// How many problems of one file are kept and shown; fixing those usually
/// fixes many of the rest, and the count says how many there are.
pub const SHOWN_PROBLEMS: usize = 20;

/// Every problem found in one plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    /// The file as the user named it (`-` is shown as `<stdin>`).
    pub file: String,
    /// The first [`SHOWN_PROBLEMS`] problems, in the order found.
    pub problems: Vec<Problem>,
    /// How many more were found but not kept.
    pub not_shown: usize,
    /// For a plan refused together with the actuals files read for it:
    /// how many more problems each of those files had than it shows
    /// (at most [`SHOWN_PROBLEMS`] a file), in the order the files were
    /// named; only files with some.
    pub others_not_shown: Vec<(String, usize)>,
}

impl std::error::Error for PlanError {}

#[cfg(test)]
impl PlanError {
    /// The lines of the refusal in English, as tests read them: its
    /// `Display`, which the words give.
    pub(crate) fn lines(&self) -> impl Iterator<Item = String> {
        let text = self.to_string();
        text.lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// The problems found so far in one file. Checks report here instead of
/// stopping at the first mistake; whether the file is refused is decided once,
/// at the end (`finish`, `into_result`).
#[derive(Debug, Default)]
pub(crate) struct Problems {
    /// The first [`SHOWN_PROBLEMS`] found.
    found: Vec<Problem>,
    /// How many were found after those.
    not_shown: usize,
}

impl Problems {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn push(&mut self, problem: Problem) {
        if self.found.len() < SHOWN_PROBLEMS {
            self.found.push(problem);
        } else {
            self.not_shown += 1;
        }
    }

    /// The problems kept, in the order found.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.found.iter()
    }

    /// How many problems were found, shown or not.
    fn count(&self) -> usize {
        self.found.len() + self.not_shown
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The collector as seen from the whole file; narrow it with
    /// `in_scenario`, `in_metric` and `in_field`.
    pub(crate) fn scope(&mut self) -> Scoped<'_> {
        Scoped {
            problems: self,
            scenario: None,
            metric: None,
            field: None,
        }
    }

    /// `Ok` when nothing was found, else the refusal of `file` with every
    /// problem in the order found.
    pub(crate) fn finish(self, file: &str) -> Result<(), PlanError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.into_error(file))
        }
    }

    /// `value` when nothing was found, else the refusal of `file`.
    pub(crate) fn into_result<T>(self, file: &str, value: T) -> Result<T, PlanError> {
        self.finish(file).map(|()| value)
    }

    /// The refusal of `file`, for a caller that already knows it must refuse.
    pub(crate) fn into_error(self, file: &str) -> PlanError {
        PlanError {
            file: file.to_owned(),
            problems: self.found,
            not_shown: self.not_shown,
            others_not_shown: Vec::new(),
        }
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Problems {
            found: vec![problem],
            not_shown: 0,
        }
    }
}

impl Extend<Problem> for Problems {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, problems: I) {
        for problem in problems {
            self.push(problem);
        }
    }
}

/// The collector as one place of a plan sees it: every problem reported
/// through it is named after that scenario, metric and field, so a check
/// says only what is wrong and where.
pub(crate) struct Scoped<'a> {
    problems: &'a mut Problems,
    scenario: Option<&'a str>,
    metric: Option<&'a str>,
    field: Option<&'a str>,
}

impl Scoped<'_> {
    /// Narrowed to a scenario; `None` is the base plan, which needs no name.
    pub(crate) fn in_scenario<'b>(&'b mut self, name: Option<&'b str>) -> Scoped<'b> {
        Scoped {
            problems: self.problems,
            scenario: name,
            metric: self.metric,
            field: self.field,
        }
    }

    pub(crate) fn in_metric<'b>(&'b mut self, id: &'b str) -> Scoped<'b> {
        Scoped {
            problems: self.problems,
            scenario: self.scenario,
            metric: Some(id),
            field: self.field,
        }
    }

    pub(crate) fn in_field<'b>(&'b mut self, field: &'b str) -> Scoped<'b> {
        Scoped {
            problems: self.problems,
            scenario: self.scenario,
            metric: self.metric,
            field: Some(field),
        }
    }

    pub(crate) fn report(&mut self, location: Location, fault: Fault) {
        self.problems.push(Problem {
            location: Some(location),
            column: None,
            scenario: self.scenario.map(str::to_owned),
            metric: self.metric.map(str::to_owned),
            field: self.field.map(str::to_owned),
            fault,
        });
    }

    /// How many problems the whole collector holds, so that a check can tell
    /// whether its own part found any.
    pub(crate) fn count(&self) -> usize {
        self.problems.count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let cell = Location::Cell {
            file: "a.xlsx".into(),
            sheet: "逐年".into(),
            row: 4,
            column: 2,
        };
        assert_eq!(cell.elsewhere().as_deref(), Some("a.xlsx#逐年!C4"));
        assert_eq!(Location::Line(3).elsewhere(), None);
    }

    #[test]
    fn a_scope_names_what_is_reported_through_it_and_no_more() {
        let mut problems = Problems::new();
        {
            let mut whole = problems.scope();
            let mut slow = whole.in_scenario(Some("slow"));
            slow.in_metric("gdp")
                .in_field("growth")
                .report(Location::Line(4), Fault::NoModel);
            // Narrowing made a view; the scenario's own scope is unchanged.
            slow.report(Location::Line(9), Fault::BadScenarioName);
            whole
                .in_field("plan.base_year")
                .report(Location::Line(2), Fault::NoPlanTable);
            assert_eq!(whole.count(), 3);
        }
        let error = problems.finish("t.toml").unwrap_err();
        assert_eq!(error.file, "t.toml");
        let named: Vec<_> = error
            .problems
            .iter()
            .map(|p| {
                (
                    p.scenario.as_deref(),
                    p.metric.as_deref(),
                    p.field.as_deref(),
                    &p.fault,
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (Some("slow"), Some("gdp"), Some("growth"), &Fault::NoModel),
                (Some("slow"), None, None, &Fault::BadScenarioName),
                (None, None, Some("plan.base_year"), &Fault::NoPlanTable),
            ]
        );
    }

    #[test]
    fn the_first_problems_are_kept_and_the_others_counted() {
        let mut problems = Problems::new();
        problems.extend((1..=SHOWN_PROBLEMS + 5).map(|i| Problem::new(Fault::BadSet).at_line(i)));
        assert_eq!(problems.scope().count(), SHOWN_PROBLEMS + 5);
        let error = problems.into_error("a.csv");
        assert_eq!(error.problems.len(), SHOWN_PROBLEMS);
        assert_eq!(
            error.problems[SHOWN_PROBLEMS - 1].location,
            Some(Location::Line(SHOWN_PROBLEMS))
        );
        assert_eq!(error.not_shown, 5);
    }

    #[test]
    fn nothing_found_is_no_refusal() {
        assert_eq!(Problems::new().into_result("t.toml", 7), Ok(7));
        let mut problems = Problems::new();
        problems.push(Problem::new(Fault::NoMetrics));
        let error = problems.into_result("t.toml", 7).unwrap_err();
        assert_eq!(error.problems, [Problem::new(Fault::NoMetrics)]);
    }
}
