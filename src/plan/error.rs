//! Why a plan was refused, in words that point at the place to fix.
//!
//! A plan can have several problems at once; they are all collected so that a
//! user fixes them in one pass instead of one run per mistake. Each problem is
//! shown as `file:line[:column]: metric `id`, field `name`: message`, the
//! shape compilers use, so editors can jump to it.

use std::fmt;

/// Where a problem was found: a line of the plan file, or a command-line
/// argument that changes the plan (`--set`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Line(usize),
    Argument(String),
    /// A line of another file than the plan (an actuals CSV).
    FileLine {
        file: String,
        line: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub location: Option<Location>,
    pub column: Option<usize>,
    pub scenario: Option<String>,
    pub metric: Option<String>,
    pub field: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            location: None,
            column: None,
            scenario: None,
            metric: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn at_line(self, line: usize) -> Self {
        self.at(Location::Line(line))
    }

    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub fn in_scenario(mut self, name: Option<&str>) -> Self {
        self.scenario = name.map(str::to_owned);
        self
    }

    pub fn in_metric(mut self, id: &str) -> Self {
        self.metric = Some(id.to_owned());
        self
    }

    pub fn in_field(mut self, field: &str) -> Self {
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

/// Every problem found in one plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    /// The file as the user named it (`-` is shown as `<stdin>`).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl PlanError {
    /// The problems, one line each, in file order.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.iter().map(|p| p.describe(&self.file))
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.lines().collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for PlanError {}

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
}
