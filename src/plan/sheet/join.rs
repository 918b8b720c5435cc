//! The plan's refusal joined with those of its actuals files, so that
//! every problem is reported at once, file by file and row by row, each
//! file showing only its first problems.

use crate::plan::error::SHOWN_PROBLEMS;
use crate::plan::{Location, PlanError, Problem};

/// The plan's refusal (`refusal`, when it has one) with the refusals of
/// its actuals files as read (`read`, in the order the files were named):
/// the plan's own problems first, then those of each actuals file, in the
/// order the files were named, row by row and column by column, whichever
/// step found them. Each file shows at most [`SHOWN_PROBLEMS`], and counts
/// the others.
pub(crate) fn joined(
    plan_file: &str,
    refusal: Option<PlanError>,
    read: Vec<PlanError>,
) -> PlanError {
    // The files are ranked in the order their problems were read; each
    // counts the problems it does not show, the plan's at `None`.
    let mut files: Vec<(String, usize)> = Vec::new();
    let mut plan_not_shown = 0;
    let mut problems = Vec::new();
    for error in read {
        let index = rank(&mut files, &error.file);
        files[index].1 += error.not_shown;
        problems.extend(error.problems);
    }
    if let Some(refusal) = refusal {
        plan_not_shown += refusal.not_shown;
        for (file, not_shown) in refusal.others_not_shown {
            let index = rank(&mut files, &file);
            files[index].1 += not_shown;
        }
        problems.extend(refusal.problems);
    }
    let mut key = |problem: &Problem| match &problem.location {
        Some(Location::FileLine { file, line }) => (Some(rank(&mut files, file)), *line, 0),
        Some(Location::Cell {
            file, row, column, ..
        }) => (Some(rank(&mut files, file)), *row, *column),
        _ => (None, 0, 0),
    };
    let keys: Vec<_> = problems.iter().map(&mut key).collect();
    let mut ordered: Vec<(_, Problem)> = keys.into_iter().zip(problems).collect();
    // Stable: the plan's problems keep their order, and so do several
    // problems of one place.
    ordered.sort_by_key(|(key, _)| *key);
    let mut shown = Vec::new();
    let mut shown_of_file = 0;
    let mut last_file = None;
    for ((file, ..), problem) in ordered {
        if file != last_file {
            (last_file, shown_of_file) = (file, 0);
        }
        if shown_of_file < SHOWN_PROBLEMS {
            shown.push(problem);
            shown_of_file += 1;
        } else {
            match file {
                Some(index) => files[index].1 += 1,
                None => plan_not_shown += 1,
            }
        }
    }
    PlanError {
        file: plan_file.to_owned(),
        problems: shown,
        not_shown: plan_not_shown,
        others_not_shown: files.into_iter().filter(|(_, n)| *n > 0).collect(),
    }
}

/// The position of `file` among the files seen so far, in the order first
/// seen, each with its count of problems not shown.
fn rank(files: &mut Vec<(String, usize)>, file: &str) -> usize {
    match files.iter().position(|(f, _)| f == file) {
        Some(index) => index,
        None => {
            files.push((file.to_owned(), 0));
            files.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Fault;

    /// A problem told from the others by `text`.
    fn tag(text: &str) -> Fault {
        Fault::CellNotANumber {
            text: text.to_owned(),
        }
    }

    fn refused(file: &str, problems: Vec<Problem>, not_shown: usize) -> PlanError {
        PlanError {
            file: file.into(),
            problems,
            not_shown,
            others_not_shown: Vec::new(),
        }
    }

    #[test]
    fn joined_problems_come_in_file_and_row_order() {
        let at = |file: &str, line| {
            Problem::new(tag(&format!("{file} {line}"))).at(Location::FileLine {
                file: file.into(),
                line,
            })
        };
        let refusal = refused(
            "t.toml",
            vec![
                Problem::new(tag("plan")).at_line(3),
                at("b.csv", 2),
                at("a.csv", 6),
            ],
            0,
        );
        let read = vec![
            refused("a.csv", vec![at("a.csv", 2), at("a.csv", 5)], 0),
            refused("b.csv", vec![at("b.csv", 1)], 0),
        ];
        let order: Vec<Fault> = joined("t.toml", Some(refusal), read)
            .problems
            .into_iter()
            .map(|p| p.fault)
            .collect();
        assert_eq!(
            order,
            [
                "plan", "a.csv 2", "a.csv 5", "a.csv 6", "b.csv 1", "b.csv 2"
            ]
            .map(tag)
        );
    }

    #[test]
    fn each_file_shows_its_first_problems_and_counts_the_others() {
        let at = |file: &str, line| {
            Problem::new(tag(&format!("{file} {line}"))).at(Location::FileLine {
                file: file.into(),
                line,
            })
        };
        let many = |file: &str, from: usize| -> Vec<Problem> {
            (from..from + SHOWN_PROBLEMS)
                .map(|line| at(file, line))
                .collect()
        };
        // The plan found problems in a.csv too: a.csv shows its first 20 of
        // all, and counts the rest with those it did not keep itself.
        let refusal = refused("t.toml", vec![at("a.csv", 1), at("b.csv", 500)], 3);
        let read = vec![
            refused("a.csv", many("a.csv", 2), 100),
            refused("b.csv", many("b.csv", 2), 0),
        ];
        let error = joined("t.toml", Some(refusal), read);
        assert_eq!(error.problems.len(), 2 * SHOWN_PROBLEMS);
        assert_eq!(error.problems[0].fault, tag("a.csv 1"));
        assert_eq!(error.problems[SHOWN_PROBLEMS].fault, tag("b.csv 2"));
        assert_eq!(error.not_shown, 3);
        assert_eq!(
            error.others_not_shown,
            [("a.csv".to_owned(), 101), ("b.csv".to_owned(), 1)]
        );
        let lines: Vec<String> = error.lines().collect();
        assert_eq!(
            lines[2 * SHOWN_PROBLEMS..],
            [
                "t.toml: and 3 more problems, not shown; fix the first 20 and run again",
                "a.csv: and 101 more problems, not shown; fix the first 20 and run again",
                "b.csv: and 1 more problems, not shown; fix the first 20 and run again",
            ]
        );
    }
}
