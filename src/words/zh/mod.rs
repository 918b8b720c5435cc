//! 中文。

mod cli;
pub(super) mod help;
mod plan;

use super::{
    CeilingAllowsIncrement, CeilingAllowsRate, Column, FallAtMost, LevelNeedsIncrement,
    LevelNeedsRate, RateAndLevel, ShareNeeds, Sheet, TrendDiffers, TrendFound, Words,
};
use crate::report::{Class, Estimator, Method, RateMethod, Status};

pub(super) struct Chinese;

fn enough(enough: bool) -> &'static str {
    if enough { "足够" } else { "不够" }
}

impl Words for Chinese {
    fn source(&self, source: &str) -> String {
        format!("来源：{source}")
    }

    fn period(&self, base_year: i32, target_year: i32) -> String {
        format!("基期 {base_year} 年，目标年 {target_year} 年")
    }

    fn scenario_line(&self, name: &str, description: Option<&str>) -> String {
        match description {
            Some(d) => format!("情景 {name}: {d}"),
            None => format!("情景 {name}"),
        }
    }

    fn the_plan_as_written(&self) -> &'static str {
        "规划原文"
    }

    fn metric(&self) -> &'static str {
        "指标"
    }

    fn unit(&self) -> &'static str {
        "单位"
    }

    fn goal(&self) -> &'static str {
        "目标"
    }

    fn implied_by(&self, level: &str, stated: &str) -> String {
        format!("{level}（{stated}）")
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Reached => "✔ 达标",
            Status::Missed => "✘ 未达标",
        }
    }

    fn average_growth(&self, method: RateMethod) -> &'static str {
        match method {
            RateMethod::Endpoint => "年均增长",
            RateMethod::Cumulative => "年均增长（累计法）",
        }
    }

    fn change(&self) -> &'static str {
        "较基期变化"
    }

    fn increase(&self) -> &'static str {
        "增加"
    }

    fn total(&self) -> &'static str {
        "累计"
    }

    fn in_step(&self, name: &str, rate: Option<&str>, tolerance: Option<&str>) -> String {
        match (rate, tolerance) {
            (Some(rate), Some(tolerance)) => format!("与{name}同步：≥ {rate} − {tolerance}"),
            (Some(rate), None) => format!("与{name}同步：≥ {rate}"),
            (None, Some(tolerance)) => format!("与{name}同步 − {tolerance}"),
            (None, None) => format!("与{name}同步"),
        }
    }

    fn points(&self) -> &'static str {
        "个百分点"
    }

    fn a_year(&self, change: &str) -> String {
        format!("每年{change}")
    }

    fn with_unit(&self, value: String, unit: &str) -> String {
        format!("{value}{unit}")
    }

    fn latest(&self) -> &'static str {
        "最新实际数"
    }

    fn deviation(&self) -> &'static str {
        "好于规划路径"
    }

    fn progress_and_time(&self) -> &'static str {
        "任务 / 规划 / 时间进度"
    }

    fn remaining_rate(&self) -> &'static str {
        "此后所需年均增速"
    }

    fn left_out(&self, columns: &[String]) -> String {
        format!(
            "为适应终端宽度未显示：{}；加 --wide 或用 -f csv 可查看",
            columns.join("、")
        )
    }

    fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}：{value}")
    }

    fn goals_heading(&self) -> &'static str {
        "目标达成情况"
    }

    fn comparison_heading(&self) -> &'static str {
        "各情景目标达成情况"
    }

    fn years_heading(&self) -> &'static str {
        "逐年预测"
    }

    fn growth_heading(&self) -> &'static str {
        "同比增速"
    }

    fn tally(&self, reached: usize, total: usize, binding: Option<(usize, usize)>) -> String {
        let tally = format!("{total} 项目标中 {reached} 项达标");
        match binding {
            Some((reached, total)) => format!("{tally}；约束性目标 {total} 项中 {reached} 项达标"),
            None => tally,
        }
    }

    fn goals_reached(&self) -> &'static str {
        "达标目标数"
    }

    fn binding_goals_reached(&self) -> &'static str {
        "约束性目标达标数"
    }

    fn binding_header(&self) -> &'static str {
        "属性"
    }

    fn binding(&self, binding: bool) -> &'static str {
        if binding { "约束性" } else { "预期性" }
    }

    fn baseline(&self, year: i32) -> String {
        format!("{year}年基数")
    }

    fn projected(&self, year: i32) -> String {
        format!("{year}年预计")
    }

    fn status_header(&self) -> &'static str {
        "状态"
    }

    fn gap(&self) -> &'static str {
        "差距"
    }

    fn attainment(&self) -> &'static str {
        "完成度"
    }

    fn required_rate(&self) -> &'static str {
        "所需年均增速"
    }

    fn year_reached(&self) -> &'static str {
        "达标年份"
    }

    fn not_by(&self, last_year: i32) -> String {
        format!("{last_year}年前未达到")
    }

    fn schedule(&self) -> &'static str {
        "进度"
    }

    fn already_reached(&self) -> &'static str {
        "已提前达标"
    }

    fn behind_schedule(&self) -> &'static str {
        "落后规划路径"
    }

    fn final_figure(&self) -> &'static str {
        "终值"
    }

    fn on_schedule(&self) -> &'static str {
        "达到规划路径"
    }

    fn trend(&self) -> &'static str {
        "走势"
    }

    fn target_header(&self) -> &'static str {
        "目标值"
    }

    fn source_legend(&self, actual: &str, interpolated: &str) -> String {
        format!("{actual} 实际数   {interpolated} 已知数之间插值   无标记：预测值")
    }

    fn share_note(&self, name: &str, year: i32, entered: &str, from_parts: &str) -> String {
        format!(
            "注意：{name}{year}年填报为{entered}，按分子分母实际数计算为{from_parts}；表中采用填报值"
        )
    }

    fn trend_found(&self, f: &TrendFound) -> String {
        let TrendFound {
            name,
            change,
            compound,
            estimator,
            key,
            from_year,
            to_year,
            points,
            r_squared,
        } = f;
        let how = match (estimator, compound) {
            (Estimator::Cagr, _) => "首末两年",
            (Estimator::LogLinear, true) => "对数最小二乘",
            (Estimator::LogLinear, false) => "最小二乘",
            (Estimator::Recent5, _) => "最近五年变动的平均",
        };
        let fit = r_squared
            .as_ref()
            .map_or_else(String::new, |r| format!("，R² {r}"));
        let change = if *compound {
            format!("年均增长{change}")
        } else {
            format!("每年变动{change}")
        };
        format!(
            "{name}{change}：取{from_year}—{to_year}年的趋势（{key}：{how}，{points}个数据{fit}）"
        )
    }

    fn in_scenarios(&self, line: &str, scenarios: &[&str]) -> String {
        format!("{line}［情景 {}］", scenarios.join("、"))
    }

    fn sensitivity_heading(&self) -> &'static str {
        "敏感性分析"
    }

    fn uniform_sweep(&self) -> &'static str {
        "各列：所有复合增长指标的年增速同时加上该幅度"
    }

    fn metric_sweep(&self, name: &str, id: &str) -> String {
        format!("各列：{name}（{id}）的年增速取该数值")
    }

    fn break_even(&self) -> &'static str {
        "临界点"
    }

    fn break_even_legend(&self, uniform: bool) -> &'static str {
        if uniform {
            "临界点：目标达成与否发生变化时的增速调整幅度，及该指标届时的年均增速"
        } else {
            "临界点：目标达成与否发生变化时的增速，及其与规划增速之差"
        }
    }

    fn undefined_point(&self) -> &'static str {
        "—：该调整使增速降至-100%或以下"
    }

    fn unaffected(&self) -> &'static str {
        "不受增速影响"
    }

    fn no_flip(&self) -> &'static str {
        "-99%至+1000%间不变"
    }

    fn rate_and_level(&self, f: &RateAndLevel) -> String {
        let RateAndLevel {
            name,
            base_year: base,
            baseline: b,
            rate,
            target_year: target,
            reached,
            goal,
            shortfall,
            level,
            needed_rate,
            implied_baseline,
        } = f;
        let verdict = match shortfall {
            None => format!("满足目标{goal}"),
            Some(gap) => format!("未满足目标{goal}，相差{gap}"),
        };
        format!(
            "{name}：从{base}年的{b}按年均{rate}增长，{target}年达到{reached}，{verdict}。\
             要正好达到{level}，需年均增长{needed_rate}。按年均{rate}和{level}倒推，{base}年基数应为\
             {implied_baseline}，规划中为{b}。"
        )
    }

    fn level_needs_rate(&self, f: &LevelNeedsRate) -> String {
        let LevelNeedsRate {
            name,
            baseline: b,
            target_year: target,
            level,
            needed_rate,
            own_rate,
            margin,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}：从{b}到{target}年达到{level}，需年均增长{needed_rate}；\
             规划自身增速为{own_rate}（{margin}），{verdict}。"
        )
    }

    fn ceiling_allows_rate(&self, f: &CeilingAllowsRate) -> String {
        let CeilingAllowsRate {
            name,
            baseline: b,
            target_year: target,
            ceiling,
            allowed_rate,
            own_rate,
            enough: is_enough,
            ..
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}：从{b}到{target}年控制在{ceiling}以内，年均增速最多为{allowed_rate}；\
             规划自身增速为{own_rate}，{verdict}。"
        )
    }

    fn level_needs_increment(&self, f: &LevelNeedsIncrement) -> String {
        let LevelNeedsIncrement {
            name,
            baseline: b,
            target_year: target,
            level,
            increment,
            needed_rate,
            own_increment,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        match needed_rate {
            Some(rate) => format!(
                "{name}：从{b}到{target}年达到{level}，每年需增加{increment}（年均增长{rate}）；\
                 规划每年增加{own_increment}，{verdict}。"
            ),
            None => format!(
                "{name}：从{b}到{target}年达到{level}，需每年变动{increment}；\
                 规划每年变动{own_increment}，{verdict}。"
            ),
        }
    }

    fn ceiling_allows_increment(&self, f: &CeilingAllowsIncrement) -> String {
        let CeilingAllowsIncrement {
            name,
            baseline: b,
            target_year: target,
            ceiling,
            increment,
            own_increment,
            enough: is_enough,
            ..
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}：从{b}到{target}年控制在{ceiling}以内，每年变动最多为{increment}；\
             规划每年变动{own_increment}，{verdict}。"
        )
    }

    fn share_needs(&self, f: &ShareNeeds) -> String {
        let ShareNeeds {
            name,
            base_year: base,
            share_at_base,
            target_year: target,
            level,
            numerator: num,
            needed_numerator_rate,
            denominator: den,
            denominator_rate,
            needed_gap,
            numerator_rate,
            plan_gap,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}：要从{base}年的{share_at_base}变为{target}年的{level}，\
             {num}需年均增长{needed_numerator_rate}，{den}年均增长{denominator_rate}，\
             增速差{needed_gap}；规划中{num}年均增长{numerator_rate}，增速差{plan_gap}，{verdict}。"
        )
    }

    fn fall_at_most(&self, f: &FallAtMost) -> String {
        let FallAtMost { name, change, fall } = f;
        format!(
            "{name}：change_target = {change} 要求变化不低于{change}，即下降不超过{fall}：\
             降得更少甚至上升也算达标。若规划要求下降{fall}以上，应写作 \
             change_target = {{ at_most = \"{change}\" }}。"
        )
    }

    fn trend_differs(&self, f: &TrendDiffers) -> String {
        let TrendDiffers {
            name,
            plan_rate,
            from_year,
            to_year,
            trend_rate,
        } = f;
        format!(
            "{name}：规划假定年均增长{plan_rate}；{from_year}—{to_year}年年均增长{trend_rate}。"
        )
    }

    fn no_findings(&self) -> &'static str {
        "没有可检查的水平目标：explain 只检查用 `target` 设定的目标。"
    }

    fn review_heading(&self, as_of: Option<i32>) -> String {
        match as_of {
            Some(year) => format!("截至{year}年的评估"),
            None => "按最新实际数评估".to_owned(),
        }
    }

    fn achieved_rate(&self) -> &'static str {
        "已实现年均增速"
    }

    fn basis_header(&self) -> &'static str {
        "依据"
    }

    fn comparable_prices(&self) -> &'static str {
        "（可比价）"
    }

    fn verdict_header(&self) -> &'static str {
        "结论"
    }

    fn history_heading(&self) -> &'static str {
        "逐年评估（每年只用当时已公布的数据）"
    }

    fn class(&self, class: Class) -> &'static str {
        match class {
            Class::Reached => "已达标",
            Class::AlreadyReached => "已提前达标",
            Class::Ahead => "快于规划路径",
            Class::OnTrack => "有望达标",
            Class::Behind => "加快可达标",
            Class::OutOfReach => "难以达标",
            Class::TargetAchieved => "已实现目标",
            Class::AccelerationNeeded => "需要加快",
            Class::LimitedProgress => "进展有限",
            Class::Deterioration => "趋于恶化",
            Class::FairProgress => "进展尚可",
            Class::StagnationOrRegression => "停滞或倒退",
            Class::Sun => "晴",
            Class::LightCloud => "少云",
            Class::Cloud => "多云",
            Class::Thunderstorm => "雷雨",
            Class::AchievedEarly => "提前实现",
            Class::AheadOfPlan => "快于预期",
            Class::BroadlyOnPlan => "基本符合预期",
            Class::Lagging => "滞后",
            Class::InsufficientData => "数据不足",
        }
    }

    fn no_figures(&self) -> &'static str {
        "尚无实际数"
    }

    fn method_name(&self, method: Method) -> &'static str {
        match method {
            Method::Plan => "规划路径",
            Method::Statcan => "加拿大统计局",
            Method::Unsd => "联合国统计司",
            Method::Destatis => "德国联邦统计局",
            Method::Ndrc => "国家发展改革委",
        }
    }

    fn class_counts(&self, method: Method, counts: &[String]) -> String {
        format!("{}：{}", self.method_name(method), counts.join("，"))
    }

    fn class_count(&self, count: usize, class: &str) -> String {
        format!("{class}{count}项")
    }

    fn as_of_header(&self) -> &'static str {
        "截至"
    }

    fn plan_value_header(&self) -> &'static str {
        "规划路径值"
    }

    fn marker_legend(&self) -> &'static str {
        "● 实际数   ○ 预测或插值"
    }

    fn fan_legend(&self) -> &'static str {
        "阴影：模拟路径的10–90%和25–75%区间"
    }

    fn odds_heading(&self) -> &'static str {
        "各目标达成概率"
    }

    fn probability(&self) -> &'static str {
        "达成概率"
    }

    fn percentile(&self, percent: u32) -> String {
        format!("{percent}%分位")
    }

    fn year_held(&self) -> &'static str {
        "达标年份（10%/50%/90%分位）"
    }

    fn odds_note(&self, paths: u64, seed: u64, correlation: &str, largest_error: &str) -> String {
        format!(
            "模拟{paths}条路径（随机种子{seed}，相关系数{correlation}）；蒙特卡洛标准误差\
             不超过{largest_error}。10%、50%、90%分位：目标年份的考核值，分别有10%、50%、90%\
             的路径低于此值。"
        )
    }

    fn no_volatility(&self) -> &'static str {
        "没有指标设定波动率（`volatility`），所有路径都与规划路径相同，概率只能是0%或100%：\
         请为指标设定波动率（如\"3%\"、以指标单位计的数值，或\"history\"）。"
    }

    fn plan_path(&self) -> &'static str {
        "规划路径"
    }

    fn plan_count(&self, plans: usize) -> String {
        format!("共 {plans} 个规划")
    }

    fn plan_header(&self) -> &'static str {
        "规划"
    }

    fn by_status_heading(&self) -> &'static str {
        "多个规划共有的目标"
    }

    fn plans_reaching_header(&self) -> &'static str {
        "达标规划"
    }

    fn plans_reaching(&self, reached: usize, plans: usize) -> String {
        format!("{plans} 个中 {reached} 个")
    }

    fn own_targets(&self, kind: Option<&str>) -> String {
        match kind {
            None => "各规划目标不同".to_owned(),
            Some(kind) => format!("{kind}：各规划目标不同"),
        }
    }

    fn sheet(&self, sheet: Sheet) -> &'static str {
        match sheet {
            Sheet::Goals => "目标",
            Sheet::Years => "逐年",
            Sheet::Sensitivity => "敏感性",
            Sheet::BreakEven => "临界点",
            Sheet::Review => "评估",
            Sheet::Odds => "达成概率",
            Sheet::History => "逐年评估",
            Sheet::Charts => "图表",
            Sheet::ByStatus => "达标情况",
        }
    }

    fn column(&self, column: Column) -> &'static str {
        match column {
            Column::Plan => "规划",
            Column::Scenario => "情景",
            Column::Metric => "指标代码",
            Column::Name => "指标名称",
            Column::Unit => self.unit(),
            Column::Goal => "目标类型",
            Column::Op => "比较",
            Column::Target => "目标值",
            Column::Tolerance => "容差",
            Column::BaseYear => "基期",
            Column::Baseline => "基数",
            Column::TargetYear => "目标年",
            Column::Projected => "预计值",
            Column::Status => self.status_header(),
            Column::Gap => self.gap(),
            Column::Attainment => self.attainment(),
            Column::RequiredRate => self.required_rate(),
            Column::YearReached => self.year_reached(),
            Column::LatestYear => "最新年份",
            Column::LatestValue => self.latest(),
            Column::PlanValue => "规划路径值",
            Column::Deviation => self.deviation(),
            Column::Progress => "任务进度",
            Column::ExpectedProgress => "应达进度",
            Column::TimeElapsed => "时间进度",
            Column::RemainingRate => self.remaining_rate(),
            Column::Reference => "同步指标",
            Column::Binding => "约束性",
            Column::Schedule => self.schedule(),
            Column::Shift => "增速调整",
            Column::Rate => "增速",
            Column::BreakEvenShift => "临界调整幅度",
            Column::BreakEvenRate => "临界增速",
            Column::AchievedRate => self.achieved_rate(),
            Column::AchievedIncrement => "已实现年均变化",
            Column::RemainingIncrement => "此后所需年均变化",
            Column::Extrapolated => "按已实现速度推算",
            Column::AsOf => self.as_of_header(),
            Column::Method => "评估方法",
            Column::Verdict => self.verdict_header(),
            Column::Probability => self.probability(),
            Column::P10 => "P10",
            Column::P50 => "P50",
            Column::P90 => "P90",
            Column::YearP10 => "达标年份P10",
            Column::YearP50 => "达标年份P50",
            Column::YearP90 => "达标年份P90",
            Column::Paths => "模拟路径数",
            Column::Seed => "随机种子",
            Column::Reached => "达标数",
            Column::Plans => "规划数",
        }
    }
}
