//! Why a plan was refused, in words that point at the place to fix.
//!
//! A plan can have several problems at once; they are all collected so that a
//! user fixes them in one pass instead of one run per mistake. Each problem is
//! shown as `file:line[:column]: metric `id`, field `name`: message`, the
//! shape compilers use, so editors can jump to it.
//!
//! A file of a million bad rows must not print a million lines: the first
//! [`SHOWN_PROBLEMS`] problems are kept and shown, the others only counted.

use std::fmt;

use super::escape_controls;

/// Where a problem was found: a line of the plan file, or a command-line
/// argument that changes the plan (`--set`).
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
}

/// One mistake in a plan, with where it is and what it is about.
#[derive(Debug, Clone, PartialEq)]
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
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Problem {
            location: None,
            column: None,
            scenario: None,
            metric: None,
            field: None,
            message: message.into(),
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

    /// The problem as one line, prefixed with the file it is in.
    pub fn describe(&self, file: &str) -> String {
        let mut place = file.to_owned();
        match &self.location {
            Some(Location::Line(line)) => {
                place.push_str(&format!(":{line}"));
                if let Some(column) = self.column {
                    place.push_str(&format!(":{column}"));
                }
            }
            Some(Location::Argument(argument)) => place.push_str(&format!(": {argument}")),
            Some(Location::FileLine { file, line }) => place = format!("{file}:{line}"),
            None => {}
        }
        let subject: Vec<String> = [
            self.scenario.as_ref().map(|s| format!("scenario `{s}`")),
            self.metric.as_ref().map(|m| format!("metric `{m}`")),
            self.field.as_ref().map(|f| format!("field `{f}`")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if subject.is_empty() {
            format!("{place}: {}", self.message)
        } else {
            format!("{place}: {}: {}", subject.join(", "), self.message)
        }
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
}

impl PlanError {
    /// The problems, one line each, in file order, with control characters
    /// escaped: they quote the file, which is not to be trusted.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let more = (self.not_shown > 0).then(|| {
            format!(
                "{}: and {} more problems, not shown; fix the first {SHOWN_PROBLEMS} and run again",
                self.file, self.not_shown
            )
        });
        self.problems
            .iter()
            .map(|p| p.describe(&self.file))
            .chain(more)
            .map(|line| escape_controls(&line).into_owned())
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.lines().collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for PlanError {}

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

    pub(crate) fn report(&mut self, location: Location, message: impl Into<String>) {
        self.problems.push(Problem {
            location: Some(location),
            column: None,
            scenario: self.scenario.map(str::to_owned),
            metric: self.metric.map(str::to_owned),
            field: self.field.map(str::to_owned),
            message: message.into(),
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
    fn describes_place_subject_and_message() {
        let p = Problem::new("must be positive")
            .at_line(12)
            .in_metric("gdp")
            .in_field("baseline");
        assert_eq!(
            p.describe("targets.toml"),
            "targets.toml:12: metric `gdp`, field `baseline`: must be positive"
        );
        let q = Problem::new("bad syntax").at_line(3).at_column(7);
        assert_eq!(q.describe("a.toml"), "a.toml:3:7: bad syntax");
        let r = Problem::new("expected a number")
            .at(Location::Argument("--set gdp.baseline=x".into()))
            .in_scenario(Some("slow"))
            .in_metric("gdp")
            .in_field("baseline");
        assert_eq!(
            r.describe("t.toml"),
            "t.toml: --set gdp.baseline=x: scenario `slow`, metric `gdp`, field `baseline`: expected a number"
        );
    }

    #[test]
    fn a_scope_names_what_is_reported_through_it_and_no_more() {
        let mut problems = Problems::new();
        {
            let mut whole = problems.scope();
            let mut slow = whole.in_scenario(Some("slow"));
            slow.in_metric("gdp")
                .in_field("growth")
                .report(Location::Line(4), "too fast");
            // Narrowing made a view; the scenario's own scope is unchanged.
            slow.report(Location::Line(9), "bad name");
            whole
                .in_field("plan.base_year")
                .report(Location::Line(2), "missing");
            assert_eq!(whole.count(), 3);
        }
        let error = problems.finish("t.toml").unwrap_err();
        assert_eq!(error.file, "t.toml");
        assert_eq!(
            error.lines().collect::<Vec<_>>(),
            [
                "t.toml:4: scenario `slow`, metric `gdp`, field `growth`: too fast",
                "t.toml:9: scenario `slow`: bad name",
                "t.toml:2: field `plan.base_year`: missing",
            ]
        );
    }

    #[test]
    fn the_first_problems_are_kept_and_the_others_counted() {
        let mut problems = Problems::new();
        problems.extend((1..=SHOWN_PROBLEMS + 5).map(|i| Problem::new("bad").at_line(i)));
        assert_eq!(problems.scope().count(), SHOWN_PROBLEMS + 5);
        let error = problems.into_error("a.csv");
        assert_eq!(error.problems.len(), SHOWN_PROBLEMS);
        assert_eq!(error.not_shown, 5);
        let lines: Vec<String> = error.lines().collect();
        assert_eq!(lines.len(), SHOWN_PROBLEMS + 1);
        assert_eq!(lines[SHOWN_PROBLEMS - 1], "a.csv:20: bad");
        assert_eq!(
            lines[SHOWN_PROBLEMS],
            "a.csv: and 5 more problems, not shown; fix the first 20 and run again"
        );
    }

    #[test]
    fn nothing_found_is_no_refusal() {
        assert_eq!(Problems::new().into_result("t.toml", 7), Ok(7));
        let mut problems = Problems::new();
        problems.push(Problem::new("no metrics"));
        let error = problems.into_result("t.toml", 7).unwrap_err();
        assert_eq!(error.problems, [Problem::new("no metrics")]);
    }
}
