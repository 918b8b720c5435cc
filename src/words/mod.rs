//! Every word people read, in every language: one folder per language
//! implements [`Words`] (the reports', and through `plan::PlanWords` a
//! refused plan's) and `cli::CliWords` (the command line's refusals, notes
//! and summaries), so a translator reads one folder top to bottom, and the
//! compiler refuses a language that leaves a word out.
//!
//! Only the terminal table, Markdown, the chart and a workbook's sheet and
//! header names follow the language; CSV and JSON keys and values stay
//! fixed (see `records`) so that scripts do not break with the locale.
//! Numbers arrive here already written, so a sentence only places them.

pub(crate) mod cli;
mod en;
mod plan;
mod zh;

pub use plan::{plan_error_lines, problem_text};
pub(crate) use zh::help::QUICK_REFERENCE as CHINESE_QUICK_REFERENCE;

use crate::report::{Class, Estimator, Method, RateMethod, Status};

/// The language people read (`--lang`). `--help` lists the values without
/// these notes (`help = None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[value(help = None::<&str>)]
    En,
    /// Chinese, in simplified characters.
    #[value(help = None::<&str>)]
    Zh,
}

impl Lang {
    /// The language of the first locale variable that is set, POSIX-style:
    /// LC_ALL, then LC_MESSAGES, then LANG; when none is, the `system`'s
    /// own locale (Windows and macOS keep it outside the environment, as
    /// "zh-CN" or "zh-Hans-CN"). Chinese when it starts with "zh".
    pub fn from_locale(
        var: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .or_else(system);
        match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The language of this process's locale: its variables, else the
    /// operating system's setting (on Unix, the LANGUAGE variable).
    pub fn of_locale() -> Lang {
        Lang::from_locale(|var| std::env::var(var).ok(), sys_locale::get_locale)
    }

    pub(crate) fn words(self) -> &'static dyn Words {
        match self {
            Lang::En => &en::English,
            Lang::Zh => &zh::Chinese,
        }
    }
}

/// The words of one language, command by command; those of a refused
/// plan are [`plan::PlanWords`].
pub(crate) trait Words: plan::PlanWords {
    // What every command's document opens with.

    fn source(&self, source: &str) -> String;
    fn period(&self, base_year: i32, target_year: i32) -> String;
    /// A scenario named above the tables, with what it assumes.
    fn scenario_line(&self, name: &str, description: Option<&str>) -> String;
    /// What the plan itself, shown beside its scenarios, assumes.
    fn the_plan_as_written(&self) -> &'static str;

    // Column headers and cells that several commands share.

    fn metric(&self) -> &'static str;
    fn unit(&self) -> &'static str;
    fn goal(&self) -> &'static str;
    /// A level that another goal implies, with that goal: "≤ 0.346 (change
    /// ≤ -13.5%)", `stated` the goal as the plan states it; for a chart's
    /// goal line and `explain`'s sentences.
    fn implied_by(&self, level: &str, stated: &str) -> String;
    fn status(&self, status: Status) -> &'static str;
    /// Prefix of a rate goal in the goal column: "avg growth ≥ 16%", with
    /// the method named when it is not the default (end points, 水平法).
    fn average_growth(&self, method: RateMethod) -> &'static str;
    /// Prefix of a change goal: "change ≤ -13.5%".
    fn change(&self) -> &'static str;
    /// Prefix of an increase goal: "increase ≥ 0.5 pp".
    fn increase(&self) -> &'static str;
    /// Prefix of a total goal: "total ≥ 27000".
    fn total(&self) -> &'static str;
    /// An in-step goal: growth at least that of the metric `name`, whose
    /// `rate` is shown where it stays put, less the `tolerance` if any.
    fn in_step(&self, name: &str, rate: Option<&str>, tolerance: Option<&str>) -> String;
    /// Suffix of a difference between two rates, or of a change of a
    /// metric in %: "+1.14 pp".
    fn points(&self) -> &'static str;
    /// A change a year, already signed and with its unit: "+0.16 pp a year".
    fn a_year(&self, change: &str) -> String;
    /// A value with its unit: "150 亿元" in English, "150亿元" in Chinese.
    fn with_unit(&self, value: String, unit: &str) -> String;
    fn latest(&self) -> &'static str;
    fn deviation(&self) -> &'static str;
    fn progress_and_time(&self) -> &'static str;
    fn remaining_rate(&self) -> &'static str;

    // The terminal table fitted to a narrow terminal.

    /// Under a table too wide for the terminal: the columns left out, and
    /// how to see them.
    fn left_out(&self, columns: &[String]) -> String;
    /// A cell of a row shown as a block of lines: "Goal: ≥ 150".
    fn labelled(&self, label: &str, value: &str) -> String;

    // `report`: the goals, the years, year-on-year growth.

    fn goals_heading(&self) -> &'static str;
    fn comparison_heading(&self) -> &'static str;
    fn years_heading(&self) -> &'static str;
    fn growth_heading(&self) -> &'static str;
    /// Under the goals table; `binding` counts the binding goals reached
    /// and all of them, when there are any.
    fn tally(&self, reached: usize, total: usize, binding: Option<(usize, usize)>) -> String;
    /// The last row of the scenario comparison.
    fn goals_reached(&self) -> &'static str;
    /// The row under it, when some goals are binding.
    fn binding_goals_reached(&self) -> &'static str;
    /// The column saying whether a goal is binding (约束性) or expected (预期性).
    fn binding_header(&self) -> &'static str;
    fn binding(&self, binding: bool) -> &'static str;
    fn baseline(&self, year: i32) -> String;
    fn projected(&self, year: i32) -> String;
    fn status_header(&self) -> &'static str;
    fn gap(&self) -> &'static str;
    fn attainment(&self) -> &'static str;
    fn required_rate(&self) -> &'static str;
    fn year_reached(&self) -> &'static str;
    /// Shown as the year reached when a goal is not met within the years searched.
    fn not_by(&self, last_year: i32) -> String;
    fn schedule(&self) -> &'static str;
    fn already_reached(&self) -> &'static str;
    /// The schedule column's "the latest figure is worse than the plan
    /// path's value for its year": a word of its own, apart from the
    /// review's classes, which judge where the pace so far leads.
    fn behind_schedule(&self) -> &'static str;
    fn final_figure(&self) -> &'static str;
    /// The schedule column's "as good as the plan path's value, or better".
    fn on_schedule(&self) -> &'static str;
    fn trend(&self) -> &'static str;
    fn target_header(&self) -> &'static str;
    /// Under a years table with actual figures: what the marks mean.
    fn source_legend(&self, actual: &str, interpolated: &str) -> String;
    /// A share entered directly that differs from its parts' ratio.
    fn share_note(&self, name: &str, year: i32, entered: &str, from_parts: &str) -> String;
    /// Above the tables: a growth or increment the plan took from the history.
    fn trend_found(&self, f: &TrendFound) -> String;
    /// A line of the preamble that holds for some of the scenarios shown only.
    fn in_scenarios(&self, line: &str, scenarios: &[&str]) -> String;

    // `sensitivity`.

    fn sensitivity_heading(&self) -> &'static str;
    /// What a uniform sweep does, above its table.
    fn uniform_sweep(&self) -> &'static str;
    /// What a one-metric sweep does, above its table.
    fn metric_sweep(&self, name: &str, id: &str) -> String;
    fn break_even(&self) -> &'static str;
    /// Under the table: how to read the break-even column.
    fn break_even_legend(&self, uniform: bool) -> &'static str;
    /// Under a sweep with points where a rate would reach -100 %.
    fn undefined_point(&self) -> &'static str;
    /// Why a goal has no break-even point: growth does not move it.
    fn unaffected(&self) -> &'static str;
    /// Why a goal has no break-even point: no point of the range flips it.
    fn no_flip(&self) -> &'static str;

    // `explain`: one sentence per finding, opening with the metric's name.

    fn rate_and_level(&self, f: &RateAndLevel) -> String;
    fn level_needs_rate(&self, f: &LevelNeedsRate) -> String;
    fn ceiling_allows_rate(&self, f: &CeilingAllowsRate) -> String;
    fn level_needs_increment(&self, f: &LevelNeedsIncrement) -> String;
    fn ceiling_allows_increment(&self, f: &CeilingAllowsIncrement) -> String;
    fn share_needs(&self, f: &ShareNeeds) -> String;
    fn fall_at_most(&self, f: &FallAtMost) -> String;
    /// A plan rate far from the history's trend.
    fn trend_differs(&self, f: &TrendDiffers) -> String;
    /// When explain has nothing to check.
    fn no_findings(&self) -> &'static str;

    // `review`.

    fn review_heading(&self, as_of: Option<i32>) -> String;
    /// Above the verdicts of `review --history`.
    fn history_heading(&self) -> &'static str;
    fn achieved_rate(&self) -> &'static str;
    fn verdict_header(&self) -> &'static str;
    /// The figure a verdict rests on (R, P, s, or where the pace so far leads).
    fn basis_header(&self) -> &'static str;
    /// After a level in the basis that is at base-year prices (可比价), as a
    /// rate or change goal of a metric with a deflator is judged.
    fn comparable_prices(&self) -> &'static str;
    /// A method's class, as its office words it.
    fn class(&self, class: Class) -> &'static str;
    /// The verdict on a goal without actual figures.
    fn no_figures(&self) -> &'static str;
    /// A method as the closing line names it.
    fn method_name(&self, method: Method) -> &'static str;
    /// Under the review: how many goals each class holds, as `counts` are
    /// written ("4 滞后").
    fn class_counts(&self, method: Method, counts: &[String]) -> String;
    /// One class's count in that line.
    fn class_count(&self, count: usize, class: &str) -> String;
    /// The year a verdict of `review --history` was given in.
    fn as_of_header(&self) -> &'static str;
    /// The plan path's value for that year.
    fn plan_value_header(&self) -> &'static str;

    // `odds`, and the probability column of `report --odds`.

    fn odds_heading(&self) -> &'static str;
    fn probability(&self) -> &'static str;
    /// A percentile of what a goal is judged on, as a column header: "P10".
    fn percentile(&self, percent: u32) -> String;
    /// The column of the 10th, 50th and 90th percentiles of the first year
    /// a level goal holds.
    fn year_held(&self) -> &'static str;
    /// Under the odds table: how they were simulated, and the largest
    /// Monte Carlo standard error, already written ("0.16 pp").
    fn odds_note(&self, paths: u64, seed: u64, correlation: &str, largest_error: &str) -> String;
    /// Under the odds table when no metric has a volatility.
    fn no_volatility(&self) -> &'static str;

    // `chart`.

    /// Above a chart with actual figures: what the markers mean.
    fn marker_legend(&self) -> &'static str;
    /// Above a chart with fans: what the shading means.
    fn fan_legend(&self) -> &'static str;
    /// In a panel's legend: the dashed path of the plan as written.
    fn plan_path(&self) -> &'static str;

    // `report` and `review` of several plans at once.

    /// Above the plans' sections: how many plans are shown.
    fn plan_count(&self, plans: usize) -> String;
    /// The column naming each plan in a table of several plans.
    fn plan_header(&self) -> &'static str;
    /// `report --by-status`: the heading of the goals several plans share.
    fn by_status_heading(&self) -> &'static str;
    /// The column of how many plans reach a shared goal.
    fn plans_reaching_header(&self) -> &'static str;
    /// "37 of 52 plans": of the `plans` stating a goal, `reached` reach it.
    fn plans_reaching(&self, reached: usize, plans: usize) -> String;
    /// The goal of a metric whose plans state it differently, after what
    /// the goal is on ("avg growth") unless it is a level.
    fn own_targets(&self, kind: Option<&str>) -> String;

    // Workbooks (`-f xlsx`).

    /// A sheet's name: at most 31 characters, none of `[]:*?/\`.
    fn sheet(&self, sheet: Sheet) -> &'static str;
    /// A header cell, for a column of the records CSV names by key.
    fn column(&self, column: Column) -> &'static str;
}

/// A sheet of a workbook (`-f xlsx`): one per table of the report, and
/// the charts; its name follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// `report`'s summary: one row per goal.
    Goals,
    /// `report`'s years: one row per metric, one column per year.
    Years,
    /// `sensitivity`'s grid: each goal's outcome at each point of the sweep.
    Sensitivity,
    /// `sensitivity`'s break-even points.
    BreakEven,
    /// `review`: one row per goal, at the latest figures.
    Review,
    /// `review --history`: one row per goal and year with a figure.
    History,
    /// `odds`: one row per goal with its probability.
    Odds,
    /// A line chart per metric with a level goal, beside the goals and years.
    Charts,
    /// `report --by-status`: how many plans reach each goal they share.
    ByStatus,
}

/// A column of the records, which CSV and JSON name by a fixed key
/// (`required_rate`) and a workbook by a header in the run's language. Each
/// variant is the column of the key it is named after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The plan a row is about, by its file's stem, when several are reported.
    Plan,
    Scenario,
    /// The metric's id.
    Metric,
    Name,
    Unit,
    /// What the goal is on: level, rate, change, increase or total.
    Goal,
    Op,
    Target,
    Tolerance,
    BaseYear,
    Baseline,
    TargetYear,
    Projected,
    Status,
    Gap,
    Attainment,
    RequiredRate,
    YearReached,
    LatestYear,
    LatestValue,
    PlanValue,
    Deviation,
    Progress,
    ExpectedProgress,
    TimeElapsed,
    RemainingRate,
    /// The metric an in-step rate goal keeps pace with.
    Reference,
    /// Whether the goal is binding (约束性) rather than expected (预期性).
    Binding,
    /// The latest figure against the plan path: the report's schedule column.
    Schedule,
    Shift,
    Rate,
    BreakEvenShift,
    BreakEvenRate,
    AchievedRate,
    /// The change a year so far, where a review shows one in place of rates.
    AchievedIncrement,
    /// The change a year needed from the latest figure, likewise.
    RemainingIncrement,
    /// Where the pace so far leads by the target year: a review's basis.
    Extrapolated,
    /// The year a verdict of `review --history` was given in.
    AsOf,
    /// The review's method.
    Method,
    Verdict,
    /// The odds of a goal.
    Probability,
    P10,
    P50,
    P90,
    /// The first year a level goal holds, on 10 % of paths.
    YearP10,
    YearP50,
    YearP90,
    /// The simulated paths.
    Paths,
    /// The simulation's seed.
    Seed,
    /// How many plans reach a goal they share.
    Reached,
    /// How many plans state it.
    Plans,
}

/// A growth or increment the plan took from a metric's history.
pub(crate) struct TrendFound {
    /// The metric's name.
    pub name: String,
    /// The rate ("11.80%") of a compound metric, or the increment with its
    /// unit ("+2.50 家") of a linear one.
    pub change: String,
    /// Whether the metric grows by a rate (else by an increment).
    pub compound: bool,
    /// How the trend was estimated.
    pub estimator: Estimator,
    /// The estimator as the plan names it in `trend`.
    pub key: &'static str,
    /// The first year of the figures the estimate rests on.
    pub from_year: i32,
    /// The last: the base year.
    pub to_year: i32,
    /// How many figures the estimate rests on, the baseline included.
    pub points: usize,
    /// R² of a least-squares estimate.
    pub r_squared: Option<String>,
}

/// A metric with a level and a rate goal: whether the stated rate, from the
/// baseline, reaches the stated level.
pub(crate) struct RateAndLevel {
    pub name: String,
    pub base_year: i32,
    pub target_year: i32,
    /// The rate goal as written: "16%".
    pub rate: String,
    pub baseline: String,
    /// Where the stated rate leads by the target year.
    pub reached: String,
    /// The level goal with its comparison: "≥ 150".
    pub goal: String,
    /// By how much the stated rate misses the goal; `None` when it meets it.
    pub shortfall: Option<String>,
    /// The level goal's value with its unit.
    pub level: String,
    /// The rate that reaches the level exactly.
    pub needed_rate: String,
    /// The base-year value that the rate and the level imply together.
    pub implied_baseline: String,
}

/// A floor (or `about`) without a rate goal: the rate it needs against the
/// metric's own.
pub(crate) struct LevelNeedsRate {
    pub name: String,
    pub target_year: i32,
    pub baseline: String,
    pub level: String,
    pub needed_rate: String,
    pub own_rate: String,
    /// The own rate less the needed one, in points: "-0.95 pp".
    pub margin: String,
    pub enough: bool,
}

/// A ceiling without a rate goal: the most growth it allows against the
/// metric's own.
pub(crate) struct CeilingAllowsRate {
    pub name: String,
    pub target_year: i32,
    pub baseline: String,
    pub goal: String,
    /// The ceiling alone in its unit, "5.5%", for a language whose words say "at most".
    pub ceiling: String,
    pub allowed_rate: String,
    pub own_rate: String,
    pub enough: bool,
}

/// A floor (or `about`) of a linear metric: the yearly increment it needs
/// against the plan's.
pub(crate) struct LevelNeedsIncrement {
    pub name: String,
    pub target_year: i32,
    pub baseline: String,
    pub level: String,
    pub increment: String,
    /// The same as an average annual rate; none for a metric in %, whose
    /// increments are percentage points.
    pub needed_rate: Option<String>,
    pub own_increment: String,
    pub enough: bool,
}

/// A ceiling of a linear metric: the largest yearly change it allows
/// against the plan's.
pub(crate) struct CeilingAllowsIncrement {
    pub name: String,
    pub target_year: i32,
    pub baseline: String,
    pub goal: String,
    /// The ceiling alone in its unit, "5.5%", for a language whose words say "at most".
    pub ceiling: String,
    pub increment: String,
    pub own_increment: String,
    pub enough: bool,
}

/// A compound metric whose plan rate is far from its history's trend.
pub(crate) struct TrendDiffers {
    /// The metric's name.
    pub name: String,
    /// The plan path's average growth: "16.00%".
    pub plan_rate: String,
    /// The years of the history's trend, the base year last.
    pub from_year: i32,
    pub to_year: i32,
    /// The history's trend: "11.82%".
    pub trend_rate: String,
}

/// A share goal: how much faster its numerator must grow than its
/// denominator, against the plan.
pub(crate) struct ShareNeeds {
    pub name: String,
    pub base_year: i32,
    pub target_year: i32,
    pub share_at_base: String,
    pub level: String,
    /// The names of the numerator and the denominator.
    pub numerator: String,
    pub denominator: String,
    pub needed_numerator_rate: String,
    pub numerator_rate: String,
    pub denominator_rate: String,
    /// The needed gap between the two rates, and the plan's, in points.
    pub needed_gap: String,
    pub plan_gap: String,
    pub enough: bool,
}

/// A change goal of at least a fall: it lets the metric fall by less.
pub(crate) struct FallAtMost {
    pub name: String,
    /// The goal as written: "-13.5%".
    pub change: String,
    /// The size of the fall: "13.5%".
    pub fall: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn locale_variables_are_read_in_posix_order() {
        let none = || None;
        assert_eq!(Lang::from_locale(env(&[]), none), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")]), none),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")]), none),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")]),
                none
            ),
            Lang::Zh
        );
    }

    #[test]
    fn the_schedule_and_the_review_s_classes_use_words_of_their_own() {
        for lang in [Lang::En, Lang::Zh] {
            let words = lang.words();
            let classes: Vec<&str> = Method::ALL
                .iter()
                .flat_map(|method| method.classes())
                .map(|class| words.class(*class))
                .collect();
            for schedule in [words.behind_schedule(), words.on_schedule()] {
                assert!(!classes.contains(&schedule), "{lang:?}: {schedule}");
            }
            // Within a method, each class has its own word.
            for method in Method::ALL {
                let mut own: Vec<&str> = method.classes().iter().map(|c| words.class(*c)).collect();
                own.sort_unstable();
                own.dedup();
                assert_eq!(own.len(), method.classes().len(), "{lang:?}: {method:?}");
            }
        }
    }

    #[test]
    fn the_system_locale_counts_only_when_no_variable_is_set() {
        for chinese in ["zh-CN", "zh-Hans-CN", "zh_TW", "zh"] {
            let system = || Some(chinese.to_owned());
            assert_eq!(Lang::from_locale(env(&[]), system), Lang::Zh, "{chinese}");
            assert_eq!(
                Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "")]), system),
                Lang::Zh,
                "{chinese} under empty variables"
            );
            assert_eq!(
                Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")]), system),
                Lang::En,
                "{chinese} under LANG=en_GB"
            );
        }
        for other in ["en-US", "de-DE", "C", ""] {
            let system = || Some(other.to_owned());
            assert_eq!(Lang::from_locale(env(&[]), system), Lang::En, "{other}");
        }
        let asked = std::cell::Cell::new(false);
        let system = || {
            asked.set(true);
            Some("zh-CN".to_owned())
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")]), system), Lang::En);
        assert!(
            !asked.get(),
            "the system is asked only when no variable is set"
        );
    }
}
