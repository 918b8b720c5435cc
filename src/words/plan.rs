//! The words of a refused plan: each problem as one line, `file:line:
//! subject: what is wrong and how to fix it`, in the run's language. The
//! place is written the same in every language, the shape compilers use,
//! so editors can jump to it; what is wrong comes from [`PlanWords::fault`],
//! one exhaustive match per language.

use std::fmt;

use super::Lang;
use crate::plan::{Fault, Known, Location, PlanError, Problem, SHOWN_PROBLEMS, escape_controls};

/// The words of plan problems in one language.
pub(crate) trait PlanWords {
    /// What is wrong, and how to fix it.
    fn fault(&self, fault: &Fault) -> String;
    /// What a problem is about, its parts already named (see
    /// [`PlanWords::scenario_named`]), joined: "scenario `slow`, metric `gdp`".
    fn subject(&self, parts: &[String]) -> String;
    fn scenario_named(&self, name: &str) -> String;
    fn metric_named(&self, id: &str) -> String;
    fn field_named(&self, name: &str) -> String;
    /// What is wrong with what a problem is about: "subject: fault".
    fn about(&self, subject: &str, fault: &str) -> String;
    /// The line under a file's problems when more were found than shown.
    fn not_shown(&self, file: &str, not_shown: usize, shown: usize) -> String;
    /// The ids a message offers as choices.
    fn known(&self, known: &Known) -> String;
}

/// The refusal `error`, one line per problem in file order, then one per
/// file with problems not shown, in `lang`, with control characters
/// escaped: the lines quote the files, which are not to be trusted.
pub fn plan_error_lines(error: &PlanError, lang: Lang) -> impl Iterator<Item = String> + '_ {
    let words = lang.words();
    let more = move |(file, not_shown): (&str, usize)| {
        (not_shown > 0).then(|| words.not_shown(file, not_shown, SHOWN_PROBLEMS))
    };
    let others = error
        .others_not_shown
        .iter()
        .map(|(file, n)| (file.as_str(), *n));
    error
        .problems
        .iter()
        .map(move |p| problem_line(p, &error.file, lang))
        .chain(
            std::iter::once((error.file.as_str(), error.not_shown))
                .chain(others)
                .filter_map(more),
        )
        .map(|line| escape_controls(&line).into_owned())
}

/// One problem as a line, its place in or beside `file` first.
fn problem_line(problem: &Problem, file: &str, lang: Lang) -> String {
    let mut place = file.to_owned();
    match &problem.location {
        Some(Location::Line(line)) => {
            place.push_str(&format!(":{line}"));
            if let Some(column) = problem.column {
                place.push_str(&format!(":{column}"));
            }
        }
        Some(Location::Argument(argument)) => place.push_str(&format!(": {argument}")),
        Some(other) => place = other.elsewhere().unwrap_or(place),
        None => {}
    }
    format!("{place}: {}", problem_text(problem, lang))
}

/// What `problem` is about, when it names anything.
fn subject(problem: &Problem, lang: Lang) -> Option<String> {
    let words = lang.words();
    let parts: Vec<String> = [
        problem.scenario.as_deref().map(|s| words.scenario_named(s)),
        problem.metric.as_deref().map(|m| words.metric_named(m)),
        problem.field.as_deref().map(|f| words.field_named(f)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| words.subject(&parts))
}

/// A problem without its place, in `lang`: what it is about and what is wrong.
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    let words = lang.words();
    let fault = words.fault(&problem.fault);
    match subject(problem, lang) {
        Some(subject) => words.about(&subject, &fault),
        None => fault,
    }
}

/// The ids a message offers as choices, in English: the first dozen of a
/// long list.
pub(crate) fn known_ids<S: AsRef<str>>(ids: &[S]) -> String {
    Lang::En.words().known(&Known::of(ids))
}

/// Every problem, in English.
impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = plan_error_lines(self, Lang::En).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// The problem without its place, in English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_text(self, Lang::En))
    }
}

/// What is wrong, in English.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.words().fault(self))
    }
}
