//! 中文：规划文件为何被拒绝，以及如何改正。
//!
//! 字段名、指标代码、TOML 键和示例照用户所写原样保留，便于照抄。

use super::Chinese;
use crate::plan::{
    ColumnName, Entry, Fault, Found, Kind, Known, MetricKind, NoRate, PerYear, PerYearRate,
    WrongUnit,
};
use crate::words::plan::PlanWords;

/// 读到的值，如消息所称。
fn found(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("字符串 \"{s}\""),
        Found::Number(n) => n.clone(),
        Found::Other(kind) => kind_name(*kind).to_owned(),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "布尔值",
        Kind::Datetime => "日期时间",
        Kind::Array => "数组",
        Kind::Table => "表",
        Kind::Scalar(name) => name,
    }
}

fn column(column: &ColumnName) -> String {
    match column {
        ColumnName::Header(header) => format!("列 `{header}`"),
        ColumnName::Letters(letters) => format!("{letters} 列"),
    }
}

/// 路径为何没有年均增速。
fn no_rate(why: &NoRate) -> String {
    match why {
        NoRate::Endpoint {
            first,
            base,
            last,
            target,
        } => format!(
            "年均增速要求首末两端均为正值，但路径从 {base} 年的 {first} 变为 {target} 年的 {last}"
        ),
        NoRate::Cumulative {
            first,
            base,
            from,
            target,
            sum,
        } => format!(
            "累计法年均增速无解：它要求 {base} 年为正值，且 {from}—{target} 年各年数值之和为正，\
             但路径起点为 {first}，各年之和为 {sum}"
        ),
    }
}

/// 比重数值的单位像是写错了。
fn wrong_unit(m: &WrongUnit) -> String {
    let size = if m.smaller {
        format!("不到该比重最小值的 1/{}", m.times)
    } else {
        format!("超过该比重最大值的 {} 倍", m.times)
    };
    format!(
        "{} {size}（该比重为 {} 至 {}，以百分比计）：是否应为 {}？",
        m.figure, m.smallest, m.largest, m.meant
    )
}

/// 改写为直接给出的变化。
fn instead(compound: bool) -> &'static str {
    if compound {
        "growth = \"6%\""
    } else {
        "increment = 5"
    }
}

/// `trend` 可选的估计方法。
const ESTIMATORS: &str = "`cagr`（从最早数据到基期值的年均增速，默认）、`loglinear`（最小二乘）\
                          或 `recent5`（最近五年年度变化的平均）";

impl PlanWords for Chinese {
    fn fault(&self, fault: &Fault) -> String {
        match fault {
            Fault::InKey { key, fault } => format!("`{key}`：{}", self.fault(fault)),
            Fault::InYear { year, fault } => format!("{year} 年：{}", self.fault(fault)),
            Fault::InEntry {
                entry: Entry::Year(year),
                fault,
            } => format!("对应 {year} 年的一项：{}", self.fault(fault)),
            Fault::InEntry {
                entry: Entry::Index(index),
                fault,
            } => format!("第 {index} 项：{}", self.fault(fault)),
            Fault::OrOtherSheet {
                fault,
                file,
                other,
                sheets,
            } => format!(
                "{}；若数据在其他工作表，请在 `#` 后写明表名：{file}#{other}（工作簿中的表：{}）",
                self.fault(fault),
                sheets.join("、")
            ),

            Fault::NotFinite { value } => format!("{value} 不是有限数值；请给出实际数值"),
            Fault::QuotedNumber { text } => {
                format!("应为数值，读到的是字符串 \"{text}\"；请去掉引号")
            }
            Fault::NotANumber { found: f } => format!("应为数值，读到的是{}", found(f)),
            Fault::NotARate { change, kind } => format!(
                "应为{}，读到的是{}",
                if *change {
                    "变化率，如 -0.135 或 \"-13.5%\""
                } else {
                    "增速，如 0.16 或 \"16%\""
                },
                kind_name(*kind)
            ),
            Fault::RateTooLarge {
                x,
                percent,
                fraction,
            } => format!("{x} 表示每年增长 {percent}%；若指 {x}%，请写 {fraction} 或 \"{x}%\""),
            Fault::ChangeTooLarge {
                x,
                percent,
                fraction,
            } => format!(
                "{x} 表示变化 {percent}%；若指 {x}%，请写 {fraction} 或 \"{x}%\"；\
                 若确指变化 {percent}%，请写 \"{percent}%\""
            ),
            Fault::RateNotFinite { x } => {
                format!("{x} 不是有限的增速；请写 0.16 或 \"16%\" 这样的增速")
            }
            Fault::NoPercentSign { text } => {
                format!("\"{text}\" 不是增速：请写带 % 号的百分数（\"16%\"）或普通数值（0.16）")
            }
            Fault::BadPercent { text } => {
                format!("\"{text}\" 不是增速：请写 \"16%\" 或 \"-3.5%\" 这样的百分数")
            }
            Fault::WipesOut { rate, percent } => match rate {
                PerYearRate::Growth => format!("增速 {percent}% 会使数值归零；增速必须大于 -100%"),
                PerYearRate::Deflator => {
                    format!("价格指数变化 {percent}% 会使价格水平归零；平减指数必须大于 -100%")
                }
            },

            Fault::NoPlanTable => "缺少 [plan] 表；请添加该表并写明 base_year 和 target_year，\
                                   例如 base_year = 2015、target_year = 2020"
                .to_owned(),
            Fault::MissingYear { field } => {
                format!("缺失；请在 [plan] 中添加 `{field} = <年份>`")
            }
            Fault::NotAYear { found: f } => {
                format!("应为年份，即 1 至 9999 之间的整数，读到的是{}", found(f))
            }
            Fault::TargetNotAfterBase { base, target } => {
                format!("目标年 target_year {target} 必须晚于基期 base_year {base}")
            }
            Fault::TooLong { base, target, max } => format!(
                "{base}—{target} 年跨度为 {} 年；规划期最长 {max} 年",
                target - base
            ),
            Fault::NoMetrics => "规划中没有指标；请至少添加一个 [metrics.<代码>] 表\
                                 （`dabiao init` 可生成示例规划）"
                .to_owned(),

            Fault::BadMetricId => "指标代码只能包含字母、数字、`_` 和 `-`\
                                   （它用于 CSV、JSON 和命令行）；请重命名该表"
                .to_owned(),
            Fault::NoModel => "未指定模型；请给出 `baseline` 并配以 `growth`（复合增长）或 \
                               `increment`（线性增长），或给出 `ratio = { numerator = \"…\", \
                               denominator = \"…\" }`"
                .to_owned(),
            Fault::SeveralModels { models } => format!(
                "同时有 {} 种模型（`{}`）；一个指标只能是复合增长（`growth`）、线性增长\
                 （`increment`）或比重（`ratio`）之一：请只保留一种",
                models.len(),
                models.join("`、`")
            ),
            Fault::MissingBaseline {
                base_year: Some(year),
            } => format!("缺失；请添加 `baseline = <{year} 年的数值>`"),
            Fault::MissingBaseline { base_year: None } => {
                "缺失；请添加 `baseline = <基期数值>`".to_owned()
            }
            Fault::BaselineNotPositive { baseline } => format!(
                "复合增长要求基期值为正，读到的是 {baseline}；请改正，或改用 `increment` 按线性增长"
            ),
            Fault::BaselineOfRatio => {
                "比重指标的数值来自其分子和分母；请删除 `baseline`".to_owned()
            }
            Fault::DeflatorOfRatio => "比重的价格口径取自其分子和分母：请把 `deflator` 写在分子或\
                                       分母上，并在 `ratio` 中写 `prices = \"comparable\"` \
                                       以按可比价相除"
                .to_owned(),
            Fault::DeflatorOfLinear => "平减指数把实际增速换算为现价水平，而线性指标没有增速；\
                                        请删除 `deflator`，或把 `increment` 改为 `growth`"
                .to_owned(),
            Fault::EntryCount {
                count,
                first,
                target_year,
                horizon,
                what,
            } => {
                let what = match what {
                    PerYear::Rate => "增速",
                    PerYear::Number => "数值",
                    PerYear::Volatility => "波动率",
                };
                format!(
                    "有 {count} 项，但 {first}—{target_year} 年共 {horizon} 个预测年份；\
                     请每年给出一个{what}（第一项为 {first} 年），或只给一个{what}"
                )
            }
            Fault::NotARateMethod { found: f } => format!(
                "应为 \"endpoint\"（水平法：按基期值和目标年值计算）或 \"cumulative\"\
                 （累计法：按规划期各年数值之和计算），读到的是{}",
                found(f)
            ),
            Fault::NotBinding { found: f } => format!(
                "应为 true（约束性指标）或 false（预期性指标，默认），读到的是{}",
                found(f)
            ),
            Fault::VolatilityOfRatio => "比重随其分子和分母变动：请把 `volatility` 写在分子和\
                                         分母上，并从此处删除"
                .to_owned(),
            Fault::HistoryOfRatio => {
                "比重的数值来自其分子和分母；请把 `history` 写在这两个指标上".to_owned()
            }
            Fault::TrendNotAsked { field } => format!(
                "`trend` 说明如何由历史数据估计 `{field} = \"trend\"`，但 `{field}` 不是 \
                 \"trend\"；请写 `{field} = \"trend\"`，或删除 `trend`"
            ),
            Fault::TrendWithDeflator => "\"trend\" 取历史数据的增速，而历史数据按现价计，\
                                         有平减指数时增速为实际增速；请直接给出实际增速，\
                                         如 growth = \"6%\""
                .to_owned(),

            Fault::ChangeGoalWipesOut => {
                "变化 -100% 或更低会使数值归零；变化目标必须大于 -100%".to_owned()
            }
            Fault::RateGoalWipesOut => "增速目标必须大于 -100%".to_owned(),
            Fault::NegativeTolerance { found: f } => {
                format!("容差 tolerance 不能为负，读到的是{}", found(f))
            }
            Fault::InStepAndStated { op } => format!(
                "`in_step_with` 和 `{op}` 是增速目标的两种写法，只能选一种：要么给出增速\
                 （`{op}`），要么指定与之同步增长的指标（`in_step_with`）"
            ),
            Fault::InStepUnknownKey { key } => format!(
                "未知的键 `{key}`；与其他指标同步的增速目标只接受 `in_step_with`，\
                 以及允许略低时的 `tolerance`"
            ),
            Fault::InStepNotAnId { found: f } => format!(
                "`in_step_with`：应为加引号的另一指标代码，如 \"gdp\"，读到的是{}",
                found(f)
            ),
            Fault::InStepOutsideRate => {
                "`in_step_with` 表示增速目标：请写在 `rate_target` 中".to_owned()
            }
            Fault::NotAGoal { found: f } => format!(
                "应为数值或 {{ at_least = 150 }} 这样的表，读到的是{}",
                found(f)
            ),
            Fault::UnknownGoalKey { key } => format!(
                "未知的键 `{key}`；目标表只接受 `at_least`、`at_most` 之一，或 `about` 加 `tolerance`"
            ),
            Fault::GoalOps { given } => format!(
                "`at_least`、`at_most`、`about` 必须恰好给出一个，读到的是{}",
                if given.is_empty() {
                    "一个也没有".to_owned()
                } else {
                    format!(" `{}`", given.join("`、`"))
                }
            ),
            Fault::AboutWithoutTolerance { example } => {
                format!("`about` 需要 `tolerance`，即上下允许的偏差：例如 {example}")
            }
            Fault::ToleranceWithoutAbout { op } => {
                format!("`tolerance` 只用于 `about` 目标；请删除它，或把 `{op}` 改为 `about`")
            }
            Fault::TotalOfShare => "比重的各年数值不能累加；请把 `total_target` 写在其分子或\
                                    分母上，或用 `target` 表示目标年的比重"
                .to_owned(),
            Fault::InStepWithItself { id, others } => format!(
                "指标不能与自身同步增长；{}",
                self.choice(&format!("请指定 `{id}` 应与之同步增长的指标"), others)
            ),
            Fault::InStepUnknown { with, others } => format!(
                "`{with}` 不是本规划的指标；{}",
                self.choice("可同步的指标", others)
            ),

            Fault::PartIsRatio { name } => {
                format!("`{name}` 本身是比重；比重的分子和分母必须是复合或线性增长的指标")
            }
            Fault::NotAPart { name, parts } => format!(
                "`{name}` 不是本规划的指标；可作比重分子、分母的指标：{}",
                self.known(parts)
            ),
            Fault::ScaleNotPositive { scale } => {
                format!("必须为正（百分比为 100，千分比为 1000），读到的是 {scale}")
            }
            Fault::NotPrices { found: f } => format!(
                "应为 \"current\"（现价：分子分母的现价水平）或 \"comparable\"（可比价：\
                 剔除平减指数后的实际路径），读到的是{}",
                found(f)
            ),

            Fault::ActualKeyNotAYear { key } => {
                format!("`{key}` 不是年份；请写 actual = {{ 2016 = 80.1, 2017 = 93.5 }}")
            }
            Fault::HistoryKeyNotAYear { key } => {
                format!("`{key}` 不是年份；请写 history = {{ 2012 = 40.2, 2013 = 45.1 }}")
            }
            Fault::ActualBeforePlan {
                year,
                first,
                base_year,
                target_year,
            } => format!(
                "{year} 年早于规划期；实际数据应为 {first}—{target_year} 年（{base_year} 年的数值\
                 即基期值）：请移到 `history`"
            ),
            Fault::ActualOutsidePlan {
                year,
                first,
                base_year,
                target_year,
            } => format!(
                "{year} 年不在规划期内；实际数据应为 {first}—{target_year} 年（{base_year} 年的\
                 数值即基期值）"
            ),
            Fault::FigureNotPositive { figure } => {
                format!("{figure} 不是正数；复合增长指标和比重的数据必须为正")
            }
            Fault::HistoryNotPositive { figure } => format!(
                "{figure} 不是正数；复合增长指标的历史数据必须为正（增速只能在正值之间计算）"
            ),
            Fault::HistoryNotBefore { year, base_year } => {
                let instead = if year == base_year {
                    format!("{base_year} 年的数值即基期值")
                } else {
                    format!("{} 年起的数据写在 `actual` 中", base_year + 1)
                };
                format!(
                    "{year} 年不早于基期 {base_year} 年；历史数据只收基期以前的年份（{instead}）"
                )
            }
            Fault::HistoryBeforeYearOne { year, last } => {
                format!("{year} 不是年份；历史数据的年份应在 1 至 {last} 之间")
            }
            Fault::NotAnEstimator { text: None } => format!("应为以下之一：{ESTIMATORS}"),
            Fault::NotAnEstimator { text: Some(text) } => {
                format!("\"{text}\" 不是估计方法；请写以下之一：{ESTIMATORS}")
            }
            Fault::TrendWipesOut { field } => format!(
                "其历史趋势为每年下降 100% 或更多，会使数值归零；请直接给出增速，如 {field} = \"-5%\""
            ),
            Fault::TooFewForTrend {
                estimator,
                needed,
                given,
                base_year,
                compound,
            } => format!(
                "按 {estimator} 估计 \"trend\" 需要 {base_year} 年以前至少 {needed} 个历史数据，\
                 现有 {given} 个；请补充，如 history = {{ {} = …, {} = … }} 或实际数据文件中的行，\
                 或直接给出变化，如 {}",
                base_year - 2,
                base_year - 1,
                instead(*compound)
            ),
            Fault::TrendNotPositive { year, compound } => format!(
                "复合增长指标的 \"trend\" 需要正值数据，但 {year} 年的数据不是正数；\
                 请改正，或直接给出增速，如 {}",
                instead(*compound)
            ),

            Fault::ShareFiguresFromParts { base_year } => format!(
                "比重在 {base_year} 年及以前的数据来自其分子和分母；请删除该行，或把数据给这两个指标"
            ),
            Fault::GivenTwice { year, also } => {
                format!("{year} 年的数据给了两次（另见 {also}）；每个指标每年只保留一个数据")
            }
            Fault::Disagrees {
                value,
                baseline,
                in_plan,
                line,
            } => format!(
                "此处为 {value}，但{}为 {in_plan}（第 {line} 行）；两者必须一致：请改正或删除其一",
                if *baseline {
                    "基期值"
                } else {
                    "规划文件"
                }
            ),
            Fault::SeveralNamed { ids } => format!(
                "有多个指标同名（{}）；请用指标代码指明该数据所属指标",
                ids.join("、")
            ),
            Fault::UnknownFigureMetric { known } => {
                format!("不是规划中的指标；规划中的指标：{}", self.known(known))
            }
            Fault::PercentSign { value, id, unit } => {
                let unit = match unit.as_str() {
                    "" => "没有单位".to_owned(),
                    unit => format!("单位为 {unit}"),
                };
                format!("{value}% 带百分号，但 `{id}` {unit}；请去掉 %，按该指标的单位填写")
            }

            Fault::ShiftTooLow {
                shift,
                id,
                year,
                rate,
                from_set,
            } => {
                let from_set = match from_set {
                    Some(argument) => format!("（该增速来自 {argument}）"),
                    None => String::new(),
                };
                format!(
                    "整体调整 {shift} 个百分点使 `{id}` {year} 年的增速变为 {rate}%{from_set}；\
                     增速必须大于 -100%"
                )
            }
            Fault::ReservedScenario { name } => format!(
                "`{name}` 是保留名称（`base` 指规划本身，`--scenario all` 运行全部情景）；\
                 请为该情景改名"
            ),
            Fault::BadScenarioName => "情景名称只能包含字母、数字、`_` 和 `-`\
                                       （它用于 CSV、JSON 和命令行）；请改名"
                .to_owned(),
            Fault::BadSet => {
                "应为 ID.FIELD=VALUE 的形式，例如 --set service_investment.growth=18%".to_owned()
            }
            Fault::UnknownMetric { known } => {
                format!("不是本规划的指标；规划中的指标：{}", self.known(known))
            }
            Fault::RatioHasNoBaseline => "比重指标没有自己的基期值；请改其分子或分母".to_owned(),
            Fault::KindIsFixed { kind } => {
                let (kind, instead) = match kind {
                    MetricKind::Ratio => ("比重", "请改其分子或分母"),
                    MetricKind::Linear => ("线性增长指标", "请改 `increment`"),
                    MetricKind::Compound => ("复合增长指标", "请改 `growth`"),
                };
                format!("该指标是{kind}，情景和 --set 不能改变指标类型；{instead}")
            }
            Fault::Unchangeable { field } => format!(
                "`{field}` 不可修改；情景和 --set 可以修改 `baseline`、`growth`、`increment`、\
                 `target`、`rate_target`、`change_target`、`increase_target`、`total_target`、\
                 `deflator`、`rate_method`、`binding` 或 `volatility`"
            ),

            Fault::NotWhole { found: f } => {
                format!("应为 0 或更大的整数，读到的是{}", found(f))
            }
            Fault::PathsOutOfRange { paths, min, max } => format!(
                "路径数 {paths} 不在 {min} 至 {max} 之间：太少说明不了问题，太多耗时太长；\
                 请在此范围内取值（默认 100000）"
            ),
            Fault::CorrelationOutOfRange { rho } => format!(
                "{rho} 不在 [0, 1) 之内：请给出各指标每年冲击中共同部分的占比，\
                 从 0（相互独立，默认）到小于 1"
            ),
            Fault::NegativeVolatility { positive } => {
                format!("波动率是标准差，不能为负；请写 {positive}（正负号不影响离散程度）")
            }
            Fault::HistoryTooFewChanges {
                needed,
                base_year,
                changes,
            } => format!(
                "\"history\" 需要该指标的数据（`history`、{base_year} 年基期值和实际数据，\
                 连续年份）中至少 {needed} 个年度变化，现只有 {changes} 个；请补充 `history` \
                 或实际数据，或直接给出波动率，复合增长指标如 \"3%\"，线性指标按其单位给出数值"
            ),
            Fault::HistoryVolatilityNotPositive { year } => format!(
                "\"history\" 按对数增长计算波动率，但 {year} 年的数据不是正数；\
                 请改正，或直接给出波动率，如 \"3%\""
            ),

            Fault::NoAverageRate { why } => format!(
                "{}；请删除 `rate_target`，或改用水平目标 `target`",
                no_rate(why)
            ),
            Fault::InStepNoRate { other, why } => format!(
                "本目标与之同步增长的 `{other}` 没有年均增速：{}；\
                 请在 `in_step_with` 中改用其他指标，或直接给出增速",
                no_rate(why)
            ),
            Fault::ChangeNeedsPositive { base_year, start } => format!(
                "相对变化要求 {base_year} 年为正值，但路径起点为 {start}；\
                 按指标单位计的变化请用 `increase_target`"
            ),
            Fault::TargetWrongUnit { mistake } => format!(
                "{}请写 `target = {meant}`（或 \"{meant}%\"）；若该比重不以百分比计，\
                 请在 `ratio` 中给出 `scale`",
                wrong_unit(mistake),
                meant = mistake.meant
            ),
            Fault::ActualWrongUnit { mistake } => format!(
                "{}请写 {}；若该比重不以百分比计，请在 `ratio` 中给出 `scale`",
                wrong_unit(mistake),
                mistake.meant
            ),
            Fault::Overflow { year, from_figure } => {
                let cause = match from_figure {
                    None => "请检查基期值、增速和增量".to_owned(),
                    Some(figure) => format!("该路径从 {figure} 年的实际数据出发，请检查该数据"),
                };
                format!(
                    "路径在 {year} 年超出了计算机能表示的数值范围（约 ±1.8e308）；\
                     {cause}是否多写或错位了数字"
                )
            }
            Fault::ZeroDenominator { denominator, year } => format!(
                "分母 `{denominator}` 到 {year} 年降至 0，比重无定义；\
                 请检查该指标的基期值、增速或增量"
            ),
            Fault::ShareNotPositive { year } => format!(
                "其分子分母在 {year} 年得出的比重为 0 或负数；填入的比重按分子分母之比推算和\
                 延续，该比值必须为正：请检查分子分母的数据，或删除填入的比重"
            ),

            Fault::Syntax {
                table,
                message,
                quote_key,
                echo,
            } => {
                let mut text = match table {
                    Some(table) => format!("TOML 解析错误（在 {table} 中）：{message}"),
                    None => format!("TOML 解析错误：{message}"),
                };
                if *quote_key {
                    text.push_str(
                        "；含 A–Z、0–9、_ 和 - 以外字符的键必须加引号，如 [metrics.\"服务业投资\"]",
                    );
                }
                if let Some(echo) = echo {
                    text.push('\n');
                    text.push_str(echo);
                }
                text
            }
            Fault::KeyTooDeep { parts, max, echo } => format!(
                "该键有 {parts} 段（以点分隔），嵌套层数超出 TOML 读取器的上限（最多 {max} 段）；\
                 请缩短\n{echo}"
            ),

            Fault::NotUtf16 => "该文件不是有效的 UTF-16 文本".to_owned(),
            Fault::NotDecodable { encoding } => format!(
                "该文件不是有效的 {encoding} 文本；请在电子表格中另存为 CSV（UTF-8），\
                 或用 --actuals-encoding 指明其编码"
            ),
            Fault::CannotRead {
                header: true,
                error,
            } => format!("无法读取表头：{error}"),
            Fault::CannotRead {
                header: false,
                error,
            } => format!("无法读取该行：{error}"),
            Fault::NotAWorkbook { error } => format!(
                "不是 Excel 工作簿（.xlsx）：{error}；请在电子表格中另存为\
                 “Excel 工作簿 (.xlsx)”，或另存为 CSV"
            ),
            Fault::NoSuchSheet { wanted, sheets } => format!(
                "工作簿中没有工作表 `{wanted}`；其工作表：{}（在 `#` 后写表名，不写则读第一张）",
                sheets.join("、")
            ),
            Fault::NoSheets => "工作簿中没有工作表；请保存一张含数据的表".to_owned(),
            Fault::SheetUnreadable { name, error } => {
                format!("无法读取工作表 `{name}`：{error}；请在电子表格中重新保存该工作簿")
            }
            Fault::EmptySheet => "表格为空；需要表头（metric,year,value，或一列指标加每年一列）\
                                  以及每个数据或每个指标一行"
                .to_owned(),
            Fault::NoLayout { found } => format!(
                "表头须包含 metric、year、value 三列（现为：{found}），每个指标每年一行；\
                 或者一列指标加每年一列（2016、2017……），每个指标一行"
            ),
            Fault::YearTwice {
                year,
                first,
                second,
            } => format!(
                "{year} 年同时是{}和{}的表头；每年只应有一列",
                column(first),
                column(second)
            ),
            Fault::NotAYearHeader { text } => format!(
                "\"{text}\" 位于年份列之间，但不是年份；每年一列的表格中，标签列（指标、名称、\
                 单位）应在第一个年份之前，其后只能是年份：请移动或删除该列"
            ),
            Fault::FirstColumnIsYear => "第一列就是年份，没有列给出指标；请在年份之前加一列，\
                                         写明指标代码或名称"
                .to_owned(),
            Fault::FieldCount { row, header } => format!(
                "该行有 {row} 个字段，表头有 {header} 个；带千位分隔符的数字须加引号（\"1,100\"），\
                 含逗号的文字也须加引号"
            ),
            Fault::SecondScenario { scenario, first } => format!(
                "该行属于情景 `{scenario}`，上面各行属于 `{first}`；实际数据对所有情景相同：\
                 请只保留一个情景的行，删除其余"
            ),
            Fault::NoYearHeader { column: c, row } => format!(
                "{}的表头（第 {row} 行）没有年份；请在表头写上年份，或清空该列",
                column(c)
            ),
            Fault::RowNamesNoMetric => "该行没有写明指标；请写上指标代码或名称".to_owned(),
            Fault::FiguresNameNoMetric => {
                "该行有数据但没有写明指标；请写上指标代码或名称".to_owned()
            }
            Fault::BadYearCell { text } => {
                format!("年份 \"{text}\" 不是 2017 这样的年份")
            }
            Fault::CellNotANumber { text } => format!("\"{text}\" 不是数值"),
            Fault::CellNotFinite { text } => format!("\"{text}\" 不是有限数值"),
        }
    }

    fn subject(&self, parts: &[String]) -> String {
        parts.join("，")
    }

    fn scenario_named(&self, name: &str) -> String {
        format!("情景 `{name}`")
    }

    fn metric_named(&self, id: &str) -> String {
        format!("指标 `{id}`")
    }

    fn field_named(&self, name: &str) -> String {
        format!("字段 `{name}`")
    }

    fn about(&self, subject: &str, fault: &str) -> String {
        format!("{subject}：{fault}")
    }

    fn not_shown(&self, file: &str, not_shown: usize, shown: usize) -> String {
        format!("{file}: 另有 {not_shown} 个问题未列出；请先改正前 {shown} 个，再重新运行")
    }

    fn known(&self, known: &Known) -> String {
        let mut list = known.shown.join("、");
        if known.total > known.shown.len() {
            list.push_str(&format!("、…（共 {} 个）", known.total));
        }
        list
    }
}

impl Chinese {
    /// 同步目标可指定的指标；没有时，说明怎么办。
    fn choice(&self, named: &str, others: &Known) -> String {
        if others.total == 0 {
            "本规划没有其他指标：请添加一个，或直接给出增速".to_owned()
        } else {
            format!("{named}：{}", self.known(others))
        }
    }
}
