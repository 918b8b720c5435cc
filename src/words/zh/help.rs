//! `dabiao help-zh`: the Chinese quick reference.
//!
//! It has no English twin: the English reference is clap's `--help`, made
//! from the argument definitions themselves, and each command's own
//! `--help` gives every option. This page is a digest for Chinese readers,
//! with the full manual named at its end.

/// The quick reference, printed as it is.
pub(crate) const QUICK_REFERENCE: &str = "\
达标 dabiao：按年推算规划指标，逐项判断目标能否实现

用法：
  dabiao [文件…] [选项]          等同于 dabiao report [文件…] [选项]
  dabiao <命令> [文件] [选项]

  文件默认为当前文件夹的 targets.toml；`-` 表示从标准输入读取。report 和
  review 可一次读多个规划文件或文件夹（文件夹中的 *.toml，不含子文件夹）。

命令：
  report       推算规划，列出各项目标是否达标及逐年数值（默认命令）
  sensitivity  扫描增长率，找出每个目标由未达标转为达标的临界点
  explain      检查规划自身的数字是否相互一致
  review       中期评估：对照实际数，按评估方法（--method）判断各目标进度
  odds         按模拟的增长路径，估算每个目标实现的概率
  chart        画出各指标的路径与目标（-o 文件.svg 或 文件.png）
  validate     只检查规划文件，输出一行摘要，或列出所有问题
  init         写出一份示例规划（默认 targets.toml），供修改使用
  completions  输出 shell 补全脚本：bash、zsh、fish、powershell、elvish
  man          输出 man 手册页（-o 文件 写入文件）
  help-zh      显示本中文简明参考

常用选项：
  --scenario 名称          运行规划中的情景（可重复）；all 表示全部情景
  --set 指标.字段=值       本次运行临时修改某指标，如 --set gdp.growth=8%
  --actuals 文件           从 CSV 或 .xlsx 文件读入实际数（可重复）
  -f, --format 格式        table（默认）、csv、json、markdown 或 xlsx
  -o, --output 文件        写入文件（写完整后才替换原文件），`-` 为标准输出
  --precision 位数         计算结果显示的小数位数（0 到 20）
  --bom                    CSV 以 UTF-8 BOM 开头，便于 Excel 正确显示中文
  --lang en|zh             输出与提示信息的语言；默认取 LC_ALL、LC_MESSAGES、
                           LANG，都未设置时取操作系统的语言
  --wide                   终端表格显示所有列，不按终端宽度收窄
  --fail-on-miss [binding] 有目标未达标时（binding：约束性目标未达标时）
                           以退出码 1 结束
  --odds                   report 中加入各目标实现的概率
  --by-status              多个规划时，统计各项共有目标有几个规划达标
  --keep-going             多个规划时，写出有效规划的结果并列出其余规划的
                           问题（退出码仍为 2）
  --metric 指标            sensitivity 或 chart 只处理该指标
  --as-of 年份             review 按该年年底的数据评估

每个命令的全部选项（英文）：dabiao <命令> --help

规划文件（TOML）的主要键：
  [plan]                   title 标题、source 来源、base_year 基期年、
                           target_year 目标年
  [metrics.指标代码]       name 名称、unit 单位、baseline 基期值，以及
                           growth 年增速（如 \"16%\"）或 increment 年增量，
                           或 ratio = { numerator = ..., denominator = ... } 比重
    目标                   target 水平目标、rate_target 年均增速目标、
                           change_target 较基期变化、increase_target 增加量、
                           total_target 累计目标；binding = true 为约束性指标
    实际数与波动           actual = { 2016 = ... }、history 历史数、
                           volatility 波动率、trend、deflator、rate_method
  [scenarios.情景名]       description 说明、growth_shift 增速整体调整，
                           [scenarios.情景名.metrics.指标代码] 改写单个指标
  [uncertainty]            odds 的模拟设置：paths、seed、correlation

退出码：
  0  完成（可能有目标未达标；见 --fail-on-miss）
  1  给了 --fail-on-miss 且有目标未达标；报告照常输出
  2  用法错误、无法读取的文件、无效的规划，或无法写出的输出

完整的中文使用手册：docs/guide.zh.md
";
