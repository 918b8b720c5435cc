//! The words of the human-readable formats, in English and Chinese.
//!
//! Only the terminal table and Markdown follow the language; CSV and JSON
//! keys and values stay fixed so that scripts do not break with the locale.

use crate::report::{BASE_SCENARIO, Status, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The language of the first locale variable that is set, POSIX-style:
    /// LC_ALL, then LC_MESSAGES, then LANG; Chinese when it starts with "zh".
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty());
        match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::En, Status::Reached) => "✔ reached",
            (Lang::En, Status::Missed) => "✘ missed",
            (Lang::Zh, Status::Reached) => "✔ 达标",
            (Lang::Zh, Status::Missed) => "✘ 未达标",
        }
    }

    pub fn goals_heading(self) -> &'static str {
        match self {
            Lang::En => "Goals",
            Lang::Zh => "目标达成情况",
        }
    }

    pub fn years_heading(self) -> &'static str {
        match self {
            Lang::En => "Year by year",
            Lang::Zh => "逐年预测",
        }
    }

    pub fn comparison_heading(self) -> &'static str {
        match self {
            Lang::En => "Goals by scenario",
            Lang::Zh => "各情景目标达成情况",
        }
    }

    pub fn goals_reached(self) -> &'static str {
        match self {
            Lang::En => "Goals reached",
            Lang::Zh => "达标目标数",
        }
    }

    /// A scenario named above the tables, with its description.
    pub fn scenario_line(self, name: &str, description: Option<&str>) -> String {
        let (label, the_plan) = match self {
            Lang::En => ("Scenario", "the plan as written"),
            Lang::Zh => ("情景", "规划原文"),
        };
        match description {
            Some(d) => format!("{label} {name}: {d}"),
            None if name == BASE_SCENARIO => format!("{label} {name}: {the_plan}"),
            None => format!("{label} {name}"),
        }
    }

    pub fn source(self, source: &str) -> String {
        match self {
            Lang::En => format!("Source: {source}"),
            Lang::Zh => format!("来源：{source}"),
        }
    }

    pub fn period(self, base_year: i32, target_year: i32) -> String {
        match self {
            Lang::En => format!("Base year {base_year}, goals judged at {target_year}"),
            Lang::Zh => format!("基期 {base_year} 年，目标年 {target_year} 年"),
        }
    }

    pub fn tally(self, reached: usize, total: usize) -> String {
        match self {
            Lang::En => format!("{reached} of {total} goals reached"),
            Lang::Zh => format!("{total} 项目标中 {reached} 项达标"),
        }
    }

    pub fn metric(self) -> &'static str {
        match self {
            Lang::En => "Metric",
            Lang::Zh => "指标",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Lang::En => "Unit",
            Lang::Zh => "单位",
        }
    }

    pub fn goal(self) -> &'static str {
        match self {
            Lang::En => "Goal",
            Lang::Zh => "目标",
        }
    }

    pub fn baseline(self, year: i32) -> String {
        match self {
            Lang::En => format!("Baseline {year}"),
            Lang::Zh => format!("{year}年基数"),
        }
    }

    pub fn projected(self, year: i32) -> String {
        match self {
            Lang::En => format!("Projected {year}"),
            Lang::Zh => format!("{year}年预计"),
        }
    }

    pub fn status_header(self) -> &'static str {
        match self {
            Lang::En => "Status",
            Lang::Zh => "状态",
        }
    }

    pub fn gap(self) -> &'static str {
        match self {
            Lang::En => "Gap",
            Lang::Zh => "差距",
        }
    }

    pub fn attainment(self) -> &'static str {
        match self {
            Lang::En => "Attainment",
            Lang::Zh => "完成度",
        }
    }

    pub fn required_rate(self) -> &'static str {
        match self {
            Lang::En => "Required rate",
            Lang::Zh => "所需年均增速",
        }
    }

    pub fn year_reached(self) -> &'static str {
        match self {
            Lang::En => "Year reached",
            Lang::Zh => "达标年份",
        }
    }

    /// Shown as year_reached when the goal is not met within the search window.
    pub fn not_by(self, last_year: i32) -> String {
        match self {
            Lang::En => format!("not by {last_year}"),
            Lang::Zh => format!("{last_year}年前未达到"),
        }
    }

    /// Prefix of a rate goal in the goal column.
    pub fn average_growth(self) -> &'static str {
        match self {
            Lang::En => "avg growth",
            Lang::Zh => "年均增长",
        }
    }

    /// Suffix of a difference between two rates.
    pub fn points(self) -> &'static str {
        match self {
            Lang::En => " pp",
            Lang::Zh => "个百分点",
        }
    }

    pub fn sensitivity_heading(self) -> &'static str {
        match self {
            Lang::En => "Sensitivity",
            Lang::Zh => "敏感性分析",
        }
    }

    /// What a uniform sweep does, above its table.
    pub fn uniform_sweep(self) -> &'static str {
        match self {
            Lang::En => {
                "Columns: the same shift added to every compound metric's growth, every year"
            }
            Lang::Zh => "各列：所有复合增长指标的年增速同时加上该幅度",
        }
    }

    /// What a one-metric sweep does, above its table.
    pub fn metric_sweep(self, name: &str, id: &str) -> String {
        match self {
            Lang::En => {
                format!("Columns: the growth of {name} ({id}) set to that rate, every year")
            }
            Lang::Zh => format!("各列：{name}（{id}）的年增速取该数值"),
        }
    }

    pub fn break_even(self) -> &'static str {
        match self {
            Lang::En => "Break-even",
            Lang::Zh => "临界点",
        }
    }

    /// Under the table: how to read the break-even column.
    pub fn break_even_legend(self, uniform: bool) -> &'static str {
        match (self, uniform) {
            (Lang::En, true) => {
                "Break-even: the shift at which the goal flips, and the metric's average growth there"
            }
            (Lang::En, false) => {
                "Break-even: the rate at which the goal flips, and its distance from the plan's rate"
            }
            (Lang::Zh, true) => {
                "临界点：目标达成与否发生变化时的增速调整幅度，及该指标届时的年均增速"
            }
            (Lang::Zh, false) => "临界点：目标达成与否发生变化时的增速，及其与规划增速之差",
        }
    }

    /// Under a sweep with points where a rate would reach -100 %.
    pub fn undefined_point(self) -> &'static str {
        match self {
            Lang::En => "—: the shift takes a growth rate to -100 % or below",
            Lang::Zh => "—：该调整使增速降至-100%或以下",
        }
    }

    /// When explain has nothing to check.
    pub fn no_findings(self) -> &'static str {
        match self {
            Lang::En => "No level goals to check: explain looks at goals set with `target`.",
            Lang::Zh => "没有可检查的水平目标：explain 只检查用 `target` 设定的目标。",
        }
    }

    /// Why a goal has no break-even point: growth does not move it.
    pub fn unaffected(self) -> &'static str {
        match self {
            Lang::En => "growth does not move it",
            Lang::Zh => "不受增速影响",
        }
    }

    /// Why a goal has no break-even point: no point of the range flips it.
    pub fn no_flip(self) -> &'static str {
        match self {
            Lang::En => "no flip from -99% to +1000%",
            Lang::Zh => "-99%至+1000%间不变",
        }
    }

    pub fn latest(self) -> &'static str {
        match self {
            Lang::En => "Latest actual",
            Lang::Zh => "最新实际数",
        }
    }

    pub fn deviation(self) -> &'static str {
        match self {
            Lang::En => "vs plan path",
            Lang::Zh => "较规划路径",
        }
    }

    pub fn progress_and_time(self) -> &'static str {
        match self {
            Lang::En => "Progress / time",
            Lang::Zh => "任务 / 时间进度",
        }
    }

    pub fn remaining_rate(self) -> &'static str {
        match self {
            Lang::En => "Rate needed from now",
            Lang::Zh => "此后所需年均增速",
        }
    }

    pub fn schedule(self) -> &'static str {
        match self {
            Lang::En => "Schedule",
            Lang::Zh => "进度",
        }
    }

    pub fn already_reached(self) -> &'static str {
        match self {
            Lang::En => "already reached",
            Lang::Zh => "已提前达标",
        }
    }

    pub fn behind_schedule(self) -> &'static str {
        match self {
            Lang::En => "behind schedule",
            Lang::Zh => "进度滞后",
        }
    }

    pub fn final_figure(self) -> &'static str {
        match self {
            Lang::En => "final figure",
            Lang::Zh => "终值",
        }
    }

    pub fn on_schedule(self) -> &'static str {
        match self {
            Lang::En => "on schedule",
            Lang::Zh => "进度正常",
        }
    }

    /// Under a years table with actual figures: what the marks mean.
    pub fn source_legend(self, actual: &str, interpolated: &str) -> String {
        match self {
            Lang::En => format!(
                "{actual} actual figure   {interpolated} filled in between known values   unmarked: projected"
            ),
            Lang::Zh => format!("{actual} 实际数   {interpolated} 已知数之间插值   无标记：预测值"),
        }
    }

    pub fn growth_heading(self) -> &'static str {
        match self {
            Lang::En => "Year-on-year growth",
            Lang::Zh => "同比增速",
        }
    }

    /// A share entered directly that differs from its parts' ratio.
    pub fn share_note(self, name: &str, year: i32, entered: &str, from_parts: &str) -> String {
        match self {
            Lang::En => format!(
                "Note: {name} {year} is entered as {entered}, but its parts' actual figures give {from_parts}; the entered share is shown"
            ),
            Lang::Zh => format!(
                "注意：{name}{year}年填报为{entered}，按分子分母实际数计算为{from_parts}；表中采用填报值"
            ),
        }
    }

    pub fn review_heading(self, as_of: Option<i32>) -> String {
        match (self, as_of) {
            (Lang::En, Some(year)) => format!("Review as of {year}"),
            (Lang::En, None) => "Review at the latest actual figures".to_owned(),
            (Lang::Zh, Some(year)) => format!("截至{year}年的评估"),
            (Lang::Zh, None) => "按最新实际数评估".to_owned(),
        }
    }

    pub fn achieved_rate(self) -> &'static str {
        match self {
            Lang::En => "Rate so far",
            Lang::Zh => "已实现年均增速",
        }
    }

    pub fn verdict_header(self) -> &'static str {
        match self {
            Lang::En => "Verdict",
            Lang::Zh => "结论",
        }
    }

    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match (self, verdict) {
            (Lang::En, Verdict::NoFigures) => "no actual figures yet",
            (Lang::En, Verdict::FinalReached) => "reached (final figure)",
            (Lang::En, Verdict::FinalMissed) => "missed (final figure)",
            (Lang::Zh, Verdict::FinalReached) => "已达标（终值）",
            (Lang::Zh, Verdict::FinalMissed) => "未达标（终值）",
            (Lang::En, Verdict::AlreadyReached) => "already reached",
            (Lang::En, Verdict::OutOfReach) => "cannot be reached at the rate so far",
            (Lang::En, Verdict::Behind) => "behind schedule",
            (Lang::En, Verdict::OnTrack) => "on track",
            (Lang::Zh, Verdict::NoFigures) => "尚无实际数",
            (Lang::Zh, Verdict::AlreadyReached) => "已提前达标",
            (Lang::Zh, Verdict::OutOfReach) => "按已实现增速无法达标",
            (Lang::Zh, Verdict::Behind) => "进度滞后",
            (Lang::Zh, Verdict::OnTrack) => "进展顺利",
        }
    }

    /// Above a chart with actual figures: what the markers mean.
    pub fn marker_legend(self) -> &'static str {
        match self {
            Lang::En => "● actual figure   ○ projected or filled in",
            Lang::Zh => "● 实际数   ○ 预测或插值",
        }
    }

    pub fn trend(self) -> &'static str {
        match self {
            Lang::En => "Trend",
            Lang::Zh => "走势",
        }
    }

    pub fn target_header(self) -> &'static str {
        match self {
            Lang::En => "Level goal",
            Lang::Zh => "目标值",
        }
    }
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
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "en_US")
            ])),
            Lang::Zh
        );
    }
}
