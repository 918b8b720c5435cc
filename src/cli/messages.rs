//! What the command line refuses, as data: each refusal is said in the
//! run's language only when it is printed (`crate::words::cli` holds the
//! words), since it may arise where the language is not at hand. Its
//! `Display` is the English, for anything that prints it without a language.

use std::fmt;
use std::io;

use crate::plan::Problem;
use crate::render::{Lang, Misfit, RenderError};
use crate::report::chart::ChartError;
use crate::report::metric::MetricError;
use crate::report::odds::OddsReportError;
use crate::report::review::AsOfError;
use crate::report::sensitivity::TooManyCells;
use crate::words::cli::{CliWords, Held, Input, NotAFile, Unreadable};

/// Where output was going when it failed.
#[derive(Debug)]
pub(super) enum Output {
    Stdout,
    /// A file, as messages name it.
    File(String),
}

/// Every refusal of the command line, with what its message needs.
#[derive(Debug)]
pub(super) enum Refusal {
    Metric(MetricError),
    NothingToDraw,
    AsOf(AsOfError),
    Misfit(Misfit),
    /// A failure of rendering other than writing (see [`render`]).
    Render(RenderError),
    Odds(OddsReportError),
    TooManyCells {
        error: TooManyCells,
        held: Held,
        limit: u64,
        data_limit: u64,
    },
    /// `--from`, `--to` or `--step` is not a rate, for the reason a plan's
    /// rate would be refused.
    RateArgument {
        flag: &'static str,
        text: String,
        why: Box<Problem>,
    },
    StepNotPositive,
    RangeReversed,
    RateAtMostMinus100 {
        from: String,
    },
    TooManyPoints {
        step: String,
        count: Option<u64>,
        max: usize,
    },
    /// `--paths` or `--seed` without `flag`, which would use them.
    SimulationUnused {
        flag: &'static str,
    },
    PictureExtension {
        path: String,
        extension: Option<String>,
    },
    NamesAWorkbook {
        file: String,
    },
    OutputIsInput {
        output: String,
        input: Input,
    },
    StdinTwice,
    NoScenario {
        file: String,
        name: String,
        names: Vec<String>,
    },
    CannotReadStdin {
        input: Input,
        error: io::Error,
    },
    CannotRead {
        input: Input,
        name: String,
        error: io::Error,
        why: Option<Unreadable>,
    },
    NotUtf8 {
        name: String,
        line: usize,
    },
    CannotWrite {
        output: Output,
        error: io::Error,
    },
    NotARegularFile {
        name: String,
        what: NotAFile,
    },
    NoFolder {
        name: String,
        folder: String,
    },
    CannotCreateIn {
        name: String,
        folder: String,
        kind: io::ErrorKind,
    },
    TooManyLinks {
        name: String,
    },
    InitFolder {
        name: String,
    },
    InitExists {
        name: String,
    },
    /// Standard input (named `stdin`) among several plans.
    StdinOfSeveral {
        stdin: String,
    },
    ActualsOfSeveral {
        plans: usize,
    },
    GivenTwice {
        plan: String,
    },
    /// Two plans of one name, from two files.
    OneName {
        name: String,
        first: String,
        second: String,
    },
    CannotReadFolder {
        name: String,
        error: io::Error,
    },
    NoPlanInFolder {
        name: String,
    },
    ByStatusOfOnePlan,
    /// A refusal of one of several plans, led by the plan's file.
    InPlan {
        plan: String,
        refusal: Box<Refusal>,
    },
}

impl Refusal {
    /// The refusal in `words`.
    pub(super) fn say(&self, words: &dyn CliWords) -> String {
        match self {
            Refusal::Metric(error) => words.metric_refused(error),
            Refusal::NothingToDraw => words.nothing_to_draw_refused(),
            Refusal::AsOf(error) => words.as_of_refused(error),
            Refusal::Misfit(misfit) => misfit.say(words),
            Refusal::Render(error) => error.say(words),
            Refusal::Odds(error) => words.odds_error(error),
            Refusal::TooManyCells {
                error,
                held,
                limit,
                data_limit,
            } => words.too_many_cells(error, *held, *limit, *data_limit),
            Refusal::RateArgument { flag, text, why } => words.rate_argument(flag, text, why),
            Refusal::StepNotPositive => words.step_not_positive(),
            Refusal::RangeReversed => words.range_reversed(),
            Refusal::RateAtMostMinus100 { from } => words.rate_at_most_minus_100(from),
            Refusal::TooManyPoints { step, count, max } => {
                words.too_many_points(step, *count, *max)
            }
            Refusal::SimulationUnused { flag } => words.simulation_unused(flag),
            Refusal::PictureExtension { path, extension } => {
                words.picture_extension(path, extension.as_deref())
            }
            Refusal::NamesAWorkbook { file } => words.names_a_workbook(file),
            Refusal::OutputIsInput { output, input } => words.output_is_input(output, *input),
            Refusal::StdinTwice => words.stdin_twice(),
            Refusal::NoScenario { file, name, names } => words.no_scenario(file, name, names),
            Refusal::CannotReadStdin { input, error } => {
                words.cannot_read_stdin(*input, &words.io_error(error))
            }
            Refusal::CannotRead {
                input,
                name,
                error,
                why,
            } => words.cannot_read(*input, name, &words.io_error(error), *why),
            Refusal::NotUtf8 { name, line } => words.not_utf8(name, *line),
            Refusal::CannotWrite { output, error } => {
                let error = words.io_error(error);
                match output {
                    Output::Stdout => words.cannot_write_stdout(&error),
                    Output::File(name) => words.cannot_write(name, &error),
                }
            }
            Refusal::NotARegularFile { name, what } => words.not_a_regular_file(name, *what),
            Refusal::NoFolder { name, folder } => words.no_folder(name, folder),
            Refusal::CannotCreateIn { name, folder, kind } => {
                words.cannot_create_in(name, folder, &words.io_kind(*kind))
            }
            Refusal::TooManyLinks { name } => words.too_many_links(name),
            Refusal::InitFolder { name } => words.init_folder(name),
            Refusal::InitExists { name } => words.init_exists(name),
            Refusal::StdinOfSeveral { stdin } => words.stdin_of_several(stdin),
            Refusal::ActualsOfSeveral { plans } => words.actuals_of_several(*plans),
            Refusal::GivenTwice { plan } => words.given_twice(plan),
            Refusal::OneName {
                name,
                first,
                second,
            } => words.one_name(name, first, second),
            Refusal::CannotReadFolder { name, error } => {
                words.cannot_read_folder(name, &words.io_error(error))
            }
            Refusal::NoPlanInFolder { name } => words.no_plan_in_folder(name),
            Refusal::ByStatusOfOnePlan => words.by_status_of_one_plan(),
            Refusal::InPlan { plan, refusal } => words.in_plan(plan, &refusal.say(words)),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En.cli()))
    }
}

impl std::error::Error for Refusal {}

/// An error as the run's language says it: a refusal in its words, any
/// other error (a library's own) as it says itself.
pub(super) fn say(error: &anyhow::Error, lang: Lang) -> String {
    match error.downcast_ref::<Refusal>() {
        Some(refusal) => refusal.say(lang.cli()),
        None => format!("{error:#}"),
    }
}

pub(super) fn chart(error: ChartError) -> anyhow::Error {
    match error {
        ChartError::Metric(error) => Refusal::Metric(error),
        ChartError::NothingToDraw => Refusal::NothingToDraw,
    }
    .into()
}

/// The warning for a PNG whose Chinese text no font could draw, with the
/// fonts to install.
pub(super) fn missing_glyphs(missing: &[char], lang: Lang) -> String {
    const SHOWN: usize = 12;
    let mut shown: String = missing.iter().take(SHOWN).collect();
    if missing.len() > SHOWN {
        shown.push('…');
    }
    let words = lang.cli();
    words.warning_line(&words.missing_glyphs(&shown))
}

/// A failure to write is the output's own (see `output`), named there after
/// the file or standard output.
pub(super) fn render(error: RenderError) -> anyhow::Error {
    match error {
        RenderError::Misfit(m) => Refusal::Misfit(m).into(),
        RenderError::Write(e) => e.into(),
        other => Refusal::Render(other).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_warning_is_said_in_the_run_s_language() {
        let missing: Vec<char> = "达标服务业投资营业收入新兴产业增加值".chars().collect();
        let english = missing_glyphs(&missing, Lang::En);
        assert!(
            english.starts_with(
                "warning: no font on this machine draws Chinese (达标服务业投资营业收入新…)"
            ),
            "{english}"
        );
        let chinese = missing_glyphs(&missing, Lang::Zh);
        assert!(
            chinese.starts_with("警告：本机没有能显示中文的字体（达标服务业投资营业收入新…）"),
            "{chinese}"
        );
        assert!(chinese.contains("fonts-noto-cjk"), "{chinese}");
    }

    #[test]
    fn a_refusal_displays_as_it_is_said_in_english() {
        let refusal = Refusal::NoFolder {
            name: "out/a.csv".to_owned(),
            folder: "out".to_owned(),
        };
        assert_eq!(
            refusal.to_string(),
            "cannot write out/a.csv: there is no folder out; create it first"
        );
        assert_eq!(
            say(&refusal.into(), Lang::Zh),
            "无法写入 out/a.csv：文件夹 out 不存在；请先创建它"
        );
    }
}
