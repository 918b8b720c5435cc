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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Entry, Found, PerYear, in_year};

    fn refusal(problems: Vec<Problem>, not_shown: usize) -> PlanError {
        PlanError {
            file: "t.toml".into(),
            problems,
            not_shown,
            others_not_shown: vec![("a.csv".into(), 2)],
        }
    }

    fn lines(error: &PlanError, lang: Lang) -> Vec<String> {
        plan_error_lines(error, lang).collect()
    }

    #[test]
    fn a_line_names_place_subject_and_fault_in_either_language() {
        let mut growth = Problem::new(Fault::RateTooLarge {
            x: "16".into(),
            percent: "1600".into(),
            fraction: "0.16".into(),
        });
        growth.location = Some(Location::Line(12));
        growth.metric = Some("gdp".into());
        growth.field = Some("growth".into());
        let mut set = Problem::new(Fault::NotANumber {
            found: Found::Text("x".into()),
        });
        set.location = Some(Location::Argument("--set gdp.baseline=x".into()));
        set.scenario = Some("slow".into());
        set.metric = Some("gdp".into());
        set.field = Some("baseline".into());
        let mut syntax = Problem::new(Fault::Syntax {
            table: None,
            message: "unclosed table, expected `]`".into(),
            quote_key: false,
            echo: None,
        });
        syntax.location = Some(Location::Line(3));
        syntax.column = Some(7);
        let mut cell = Problem::new(in_year(2017, Fault::CellNotANumber { text: "abc".into() }));
        cell.location = Some(Location::Cell {
            file: "a.xlsx".into(),
            sheet: "逐年".into(),
            row: 4,
            column: 2,
        });
        cell.metric = Some("gdp".into());
        let error = refusal(vec![growth, set, syntax, cell], 5);
        assert_eq!(
            lines(&error, Lang::En),
            [
                "t.toml:12: metric `gdp`, field `growth`: 16 would mean 1600 % a year; write \
                 0.16 or \"16%\"",
                "t.toml: --set gdp.baseline=x: scenario `slow`, metric `gdp`, field \
                 `baseline`: expected a number, found the string \"x\"",
                "t.toml:3:7: unclosed table, expected `]`",
                "a.xlsx#逐年!C4: metric `gdp`: 2017: \"abc\" is not a number",
                "t.toml: and 5 more problems, not shown; fix the first 20 and run again",
                "a.csv: and 2 more problems, not shown; fix the first 20 and run again",
            ]
        );
        assert_eq!(
            lines(&error, Lang::Zh),
            [
                "t.toml:12: 指标 `gdp`，字段 `growth`：16 表示每年增长 1600%；若指 16%，\
                 请写 0.16 或 \"16%\"",
                "t.toml: --set gdp.baseline=x: 情景 `slow`，指标 `gdp`，字段 `baseline`：\
                 应为数值，读到的是字符串 \"x\"",
                "t.toml:3:7: TOML 解析错误：unclosed table, expected `]`",
                "a.xlsx#逐年!C4: 指标 `gdp`：2017 年：\"abc\" 不是数值",
                "t.toml: 另有 5 个问题未列出；请先改正前 20 个，再重新运行",
                "a.csv: 另有 2 个问题未列出；请先改正前 20 个，再重新运行",
            ]
        );
        assert_eq!(error.to_string(), lines(&error, Lang::En).join("\n"));
    }

    #[test]
    fn what_a_file_says_is_shown_escaped() {
        let mut named = Problem::new(Fault::ReservedScenario {
            name: "a\u{1b}]0;x\u{7}".into(),
        });
        named.scenario = Some("s\rt".into());
        let error = refusal(vec![named], 0);
        for lang in [Lang::En, Lang::Zh] {
            let line = &lines(&error, lang)[0];
            assert!(!line.contains(['\u{1b}', '\u{7}', '\r']), "{line}");
            assert!(line.contains("a\\u{1b}]0;x\\u{7}"), "{line}");
        }
    }

    #[test]
    fn faults_place_their_data_in_either_language() {
        let cases = [
            (
                Fault::EntryCount {
                    count: 3,
                    first: 2016,
                    target_year: 2017,
                    horizon: 2,
                    what: PerYear::Rate,
                },
                "has 3 entries, but 2016–2017 has 2 projected years; give one rate per year \
                 (the first is for 2016) or a single rate",
                "有 3 项，但 2016—2017 年共 2 个预测年份；请每年给出一个增速（第一项为 2016 年），\
                 或只给一个增速",
            ),
            (
                Fault::InEntry {
                    entry: Entry::Year(2018),
                    fault: Box::new(Fault::QuotedNumber { text: "5".into() }),
                },
                "entry for 2018: expected a number, found the string \"5\"; remove the quotes",
                "对应 2018 年的一项：应为数值，读到的是字符串 \"5\"；请去掉引号",
            ),
            (
                Fault::GivenTwice {
                    year: 2017,
                    also: "a.csv:3".into(),
                },
                "2017 is given twice (also a.csv:3); keep one figure per metric and year",
                "2017 年的数据给了两次（另见 a.csv:3）；每个指标每年只保留一个数据",
            ),
            (
                Fault::TargetWrongUnit {
                    mistake: Box::new(crate::plan::WrongUnit {
                        figure: "0.571".into(),
                        times: "30".into(),
                        smaller: true,
                        smallest: "52.3".into(),
                        largest: "57.9".into(),
                        meant: "57.1".into(),
                    }),
                },
                "0.571 is more than 30 times smaller than every value of the share (52.3 to \
                 57.9), which is in percent: did you mean 57.1? Write `target = 57.1` (or \
                 \"57.1%\"), or give `scale` in `ratio` if the share is not in percent",
                "0.571 不到该比重最小值的 1/30（该比重为 52.3 至 57.9，以百分比计）：是否应为 \
                 57.1？请写 `target = 57.1`（或 \"57.1%\"）；若该比重不以百分比计，请在 `ratio` \
                 中给出 `scale`",
            ),
            (
                Fault::UnknownMetric {
                    known: Known::of(&(1..=13).map(|i| format!("m{i}")).collect::<Vec<_>>()),
                },
                "not a metric of this plan; metrics: m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, \
                 m11, m12, … (13 in all)",
                "不是本规划的指标；规划中的指标：m1、m2、m3、m4、m5、m6、m7、m8、m9、m10、m11、\
                 m12、…（共 13 个）",
            ),
            (
                Fault::InStepWithItself {
                    id: "gdp".into(),
                    others: Known::of::<&str>(&[]),
                },
                "a metric cannot keep pace with itself; the plan has no other metric: add one, \
                 or state the rate",
                "指标不能与自身同步增长；本规划没有其他指标：请添加一个，或直接给出增速",
            ),
        ];
        for (fault, english, chinese) in cases {
            assert_eq!(Lang::En.words().fault(&fault), english);
            assert_eq!(Lang::Zh.words().fault(&fault), chinese);
        }
        let ids: Vec<String> = (1..=13).map(|i| format!("m{i}")).collect();
        let (shown, all) = (Known::of(&ids[..2]), Known::of(&ids));
        assert_eq!(Lang::En.words().known(&shown), "m1, m2");
        assert_eq!(Lang::Zh.words().known(&shown), "m1、m2");
        assert!(Lang::Zh.words().known(&all).ends_with("m12、…（共 13 个）"));
    }
}
