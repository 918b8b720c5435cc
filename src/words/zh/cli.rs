//! The command line's words in Chinese. Flag names stay as typed, and
//! Chinese punctuation (：；，) joins the parts of a message.

use std::io;

use super::Chinese;
use crate::plan::{Known, Problem};
use crate::report::metric::{MetricError, Need};
use crate::report::odds::OddsReportError;
use crate::report::review::AsOfError;
use crate::report::sensitivity::TooManyCells;
use crate::words::cli::{CliWords, Held, Input, NotAFile, Summary, Unreadable, UsageError};
use crate::words::plan::PlanWords;
use crate::words::{Lang, problem_text};

fn file(input: Input) -> &'static str {
    match input {
        Input::Plan => "规划文件",
        Input::Actuals => "实际数文件",
    }
}

/// The common failures in Chinese; the rarer ones keep the system's words.
fn kind(kind: io::ErrorKind) -> Option<&'static str> {
    use io::ErrorKind as K;
    Some(match kind {
        K::NotFound => "文件或文件夹不存在",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "文件已存在",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一项不是文件夹",
        K::ReadOnlyFilesystem => "文件系统只读",
        K::StorageFull => "磁盘已满",
        _ => return None,
    })
}

impl CliWords for Chinese {
    fn error_line(&self, line: &str) -> String {
        format!("错误：{line}")
    }

    fn usage_error(&self, error: &UsageError) -> Option<String> {
        let quoted = |s: &str| format!("`{s}`");
        let did_you_mean = |s: &Option<String>| {
            s.as_deref()
                .map_or(String::new(), |s| format!("；是否想用 {}？", quoted(s)))
        };
        let what = match error {
            UsageError::UnknownArgument {
                argument,
                suggestion,
            } => format!(
                "无法识别的参数 {}{}",
                quoted(argument),
                did_you_mean(suggestion)
            ),
            UsageError::UnknownCommand {
                command,
                suggestion,
            } => format!(
                "没有 {} 这个命令{}",
                quoted(command),
                did_you_mean(suggestion)
            ),
            UsageError::InvalidValue {
                option,
                value,
                valid,
            } if valid.is_empty() => format!("{} 的值 {} 无效", quoted(option), quoted(value)),
            UsageError::InvalidValue {
                option,
                value,
                valid,
            } => format!(
                "{} 的值 {} 无效；可选值：{}",
                quoted(option),
                quoted(value),
                valid.join("、")
            ),
            UsageError::Conflict { option, with } => match with {
                Some(with) if with == option => format!("{} 只能给出一次", quoted(option)),
                Some(with) => format!("{} 不能与 {} 同时使用", quoted(option), quoted(with)),
                None => format!("{} 不能与已给出的选项同时使用", quoted(option)),
            },
            UsageError::MissingValue { option } => format!("{} 需要一个值", quoted(option)),
        };
        Some(format!(
            "{}\n用法见 dabiao --help（英文）或 dabiao help-zh（中文简明参考）\n",
            self.error_line(&what)
        ))
    }

    fn warning_line(&self, line: &str) -> String {
        format!("警告：{line}")
    }

    fn io_error(&self, error: &io::Error) -> String {
        kind(error.kind()).map_or_else(|| error.to_string(), str::to_owned)
    }

    fn io_kind(&self, io_kind: io::ErrorKind) -> String {
        kind(io_kind).map_or_else(|| io_kind.to_string(), str::to_owned)
    }

    fn cannot_read_stdin(&self, input: Input, error: &str) -> String {
        format!("无法从标准输入读取{}：{error}", file(input))
    }

    fn cannot_read(
        &self,
        input: Input,
        name: &str,
        error: &str,
        why: Option<Unreadable>,
    ) -> String {
        let hint = match (why, input) {
            (Some(Unreadable::Command(command)), Input::Plan) => {
                format!("；是否想用命令 `{command}`？")
            }
            (Some(Unreadable::Folder), Input::Plan) => "；请指定规划文件，而不是文件夹".to_owned(),
            (Some(Unreadable::Folder), Input::Actuals) => {
                "；请指定 CSV 或 .xlsx 文件，而不是文件夹".to_owned()
            }
            (Some(Unreadable::Missing), Input::Plan) => {
                "；可用 `dabiao init` 新建一个，或指定其他文件".to_owned()
            }
            (Some(Unreadable::Missing | Unreadable::Command(_)), Input::Actuals) => {
                "；请检查 --actuals 给出的路径".to_owned()
            }
            (None, _) => String::new(),
        };
        format!("无法读取{} {name}：{error}{hint}", file(input))
    }

    fn not_utf8(&self, name: &str, line: usize) -> String {
        format!(
            "{name}:{line}：规划文件不是 UTF-8 文本；请另存为 UTF-8\
             （在 Excel 或记事本中：“另存为”，编码选 UTF-8）"
        )
    }

    fn output_is_input(&self, output: &str, input: Input) -> String {
        let what = match input {
            Input::Plan => "规划文件本身",
            Input::Actuals => "本次运行的实际数文件",
        };
        format!("--output {output} 就是{what}；请写到另一个文件")
    }

    fn stdin_twice(&self) -> String {
        "标准输入（`-`）只能读取一次：规划文件或一个实际数文件可以用 `-`，其余请给出文件".to_owned()
    }

    fn no_scenario(&self, file: &str, name: &str, names: &[String]) -> String {
        format!(
            "{file}：没有情景 `{name}`；本规划有：{}（或 `all`）",
            names.join("、")
        )
    }

    fn stdin_of_several(&self, stdin: &str) -> String {
        format!("标准输入（`{stdin}`）只能放一个规划：多个规划请以文件或文件夹给出")
    }

    fn actuals_of_several(&self, plans: usize) -> String {
        format!(
            "--actuals 读入的是一个规划的实际数，但给出了 {plans} 个规划：各规划的实际数\
             各不相同；请写在各自的规划中（`actual = {{ 2023 = … }}`），或每次运行一个规划并给出它的 --actuals"
        )
    }

    fn given_twice(&self, plan: &str) -> String {
        format!("{plan} 给出了两次；每个规划请只给一次")
    }

    fn one_name(&self, name: &str, first: &str, second: &str) -> String {
        format!(
            "两个规划都叫 `{name}`：{first} 和 {second}；规划以文件名命名，\
             请给其中一个改名，或分两次运行"
        )
    }

    fn cannot_read_folder(&self, name: &str, error: &str) -> String {
        format!("无法读取文件夹 {name}：{error}")
    }

    fn no_plan_in_folder(&self, name: &str) -> String {
        format!(
            "文件夹 {name} 中没有规划：文件夹给出的是其中的 *.toml 文件（不含子文件夹中的）；\
             请指定存放规划的文件夹，或各规划文件"
        )
    }

    fn by_status_of_one_plan(&self) -> String {
        "--by-status 统计多个规划中有几个实现了它们共有的各项目标，但只给出了一个规划：\
         请指定两个或更多规划文件，或存放它们的文件夹"
            .to_owned()
    }

    fn in_plan(&self, plan: &str, message: &str) -> String {
        format!("{plan}：{message}")
    }

    fn bom_misfit(&self) -> String {
        "--bom 只用于 CSV 输出：请加 --format csv，或去掉 --bom".to_owned()
    }

    fn raw_csv_misfit(&self) -> String {
        "--raw-csv 只用于 CSV 输出：请加 --format csv，或去掉 --raw-csv".to_owned()
    }

    fn color_misfit(&self) -> String {
        "--color 只用于终端表格：请去掉它，或使用 --format table".to_owned()
    }

    fn layout_misfit(&self) -> String {
        "--layout 只用于 CSV 中的逐年表：请加 --format csv --table years".to_owned()
    }

    fn every_table_misfit(&self, default: &str, other: &str) -> String {
        format!(
            "一个 CSV 文件只能容纳一张表：请用 --table {default}（CSV 的默认）\
             或 --table {other}，或用 --format json 同时输出两张表"
        )
    }

    fn not_a_table_misfit(&self) -> String {
        "explain 输出的是文字或数据：请用 --format table、markdown 或 json".to_owned()
    }

    fn terminal_misfit(&self) -> String {
        "--format xlsx 写出的是二进制工作簿，终端无法显示：请加 -o 文件.xlsx，\
         或把标准输出重定向到文件"
            .to_owned()
    }

    fn wide_misfit(&self) -> String {
        "--wide 只用于终端表格：CSV、JSON 和工作簿总是包含所有列；请去掉 --wide".to_owned()
    }

    fn names_a_workbook(&self, file: &str) -> String {
        format!(
            "--output {file} 是工作簿的文件名，写入文本后电子表格软件会拒绝打开：\
             请用 --format xlsx（或去掉 --format），或换一个其他类型的文件名"
        )
    }

    fn cannot_write_stdout(&self, error: &str) -> String {
        format!("无法写入标准输出：{error}")
    }

    fn cannot_write(&self, name: &str, error: &str) -> String {
        format!("无法写入 {name}：{error}")
    }

    fn not_a_regular_file(&self, name: &str, what: NotAFile) -> String {
        let what = match what {
            NotAFile::Folder => "文件夹",
            NotAFile::Fifo => "FIFO（命名管道）",
            NotAFile::Socket => "套接字",
            NotAFile::Device => "设备",
            NotAFile::Special => "特殊文件",
        };
        format!("无法写入 {name}：它是{what}，不是普通文件；请指定一个文件，或用 `-` 表示标准输出")
    }

    fn no_folder(&self, name: &str, folder: &str) -> String {
        format!("无法写入 {name}：文件夹 {folder} 不存在；请先创建它")
    }

    fn cannot_create_in(&self, name: &str, folder: &str, error: &str) -> String {
        format!("无法写入 {name}：无法在 {folder} 中新建文件：{error}")
    }

    fn too_many_links(&self, name: &str) -> String {
        format!("无法写入 {name}：连续的符号链接太多")
    }

    fn cannot_draw(&self, error: &str) -> String {
        format!("无法绘制图表：{error}")
    }

    fn too_large_for_png(&self) -> String {
        self.cannot_draw("图表太大，无法输出为 PNG")
    }

    fn cannot_write_workbook(&self, error: &str) -> String {
        format!("无法写入工作簿：{error}")
    }

    fn too_many_sheet_columns(&self, sheet: &str, columns: usize, max: usize) -> String {
        self.cannot_write_workbook(&format!(
            "“{sheet}”表有 {columns} 列，超过一张工作表的上限（{max}）；请改用 CSV"
        ))
    }

    fn too_many_sheet_rows(&self, sheet: &str, rows: usize, max: usize) -> String {
        self.cannot_write_workbook(&format!(
            "“{sheet}”表有 {rows} 行，超过一张工作表的上限（{max}）；请改用 CSV"
        ))
    }

    fn cannot_write_output(&self) -> String {
        "无法写入输出".to_owned()
    }

    fn metric_why(&self, error: &MetricError) -> String {
        let id = &error.id;
        match (error.in_plan, error.need) {
            (false, Need::LevelGoal) => format!("`{id}` 不是本规划的指标"),
            (true, Need::LevelGoal) => format!("`{id}` 没有可绘制的水平目标（`target`）"),
            (false, Need::Compound) => "没有这个指标".to_owned(),
            (true, Need::Compound) => "不是复合增长指标，没有可扫描的增长率".to_owned(),
        }
    }

    fn metric_refused(&self, error: &MetricError) -> String {
        let fitting = self.known(&Known::of(&error.fitting));
        let heading = match error.need {
            Need::LevelGoal => "有水平目标的指标",
            Need::Compound => "复合增长指标",
        };
        let suggestion = match &error.suggestion {
            Some(known) => format!("（是否想写 `{known}`？）"),
            None => String::new(),
        };
        format!(
            "--metric {}：{}{suggestion}；{heading}：{fitting}",
            error.id,
            self.metric_why(error)
        )
    }

    fn nothing_to_draw(&self) -> String {
        "本规划没有图表可以绘制的目标（水平目标，或可折算为水平的增速、变化、提高目标）".to_owned()
    }

    fn nothing_to_draw_refused(&self) -> String {
        format!(
            "{}；请添加一个，或用 `dabiao report` 查看各年路径",
            self.nothing_to_draw()
        )
    }

    fn as_of_why(&self, error: &AsOfError) -> String {
        match error {
            AsOfError::OutsidePlan { first, last, .. } => {
                format!("请评估规划期内的年份：{first} 至 {last} 年")
            }
            AsOfError::NoPath { problem, .. } => {
                format!("去掉此后的数据后，{}", problem_text(problem, Lang::Zh))
            }
        }
    }

    fn as_of_refused(&self, error: &AsOfError) -> String {
        format!("--as-of {}：{}", error.year(), self.as_of_why(error))
    }

    fn odds_error(&self, error: &OddsReportError) -> String {
        match error {
            OddsReportError::History(id) => format!("指标 `{id}`：其数据得不出波动率"),
            OddsReportError::Simulation(error) => format!("模拟无法使用其输入：{error:?}"),
        }
    }

    fn simulation_unused(&self, flag: &str) -> String {
        format!("--paths 和 --seed 设定的是 {flag} 的模拟：请加 {flag}，或去掉它们")
    }

    fn picture_extension(&self, path: &str, extension: Option<&str>) -> String {
        let found = match extension {
            None => "这个文件名没有扩展名".to_owned(),
            Some(e) => format!("扩展名 .{e} 既不是 .svg 也不是 .png"),
        };
        format!(
            "--output {path}：图表写为 SVG 或 PNG，由文件的扩展名决定，但{found}；\
             请将文件命名为 .svg 或 .png"
        )
    }

    fn missing_glyphs(&self, shown: &str) -> String {
        format!(
            "本机没有能显示中文的字体（{shown}），PNG 中这些字会显示为方框；请安装中日韩字体\
             （Debian 和 Ubuntu：fonts-noto-cjk；Fedora：google-noto-sans-cjk-fonts；\
             Alpine：font-noto-cjk）后重新绘制，或输出 SVG，由浏览器用自带的字体显示"
        )
    }

    fn sweep_size(&self, error: &TooManyCells) -> String {
        let TooManyCells {
            goals,
            points,
            cells,
        } = error;
        format!("扫描将计算 {goals} 个目标 × {points} 个点 = {cells} 个单元格")
    }

    fn too_many_cells(
        &self,
        error: &TooManyCells,
        held: Held,
        limit: u64,
        data_limit: u64,
    ) -> String {
        let held = match held {
            Held::AsText => format!(
                "终端表格和 Markdown 最多容纳 {limit} 个（CSV 和 JSON 可达 {data_limit} 个）"
            ),
            Held::InASheet => format!(
                "一张工作表最多容纳 {limit} 个，每个一行（CSV 和 JSON 可达 {data_limit} 个）"
            ),
            Held::AsData => format!("最多只能容纳 {limit} 个"),
        };
        format!(
            "{}，而{held}：请加大 --step，缩小 --from 到 --to 的范围，\
             或只扫描一个 --metric 或更少的情景",
            self.sweep_size(error)
        )
    }

    fn rate_argument(&self, flag: &str, text: &str, why: &Problem) -> String {
        format!("--{flag} {text}：{}", problem_text(why, Lang::Zh))
    }

    fn step_not_positive(&self) -> String {
        "--step 必须为正数".to_owned()
    }

    fn range_reversed(&self) -> String {
        "--from 不能大于 --to".to_owned()
    }

    fn rate_at_most_minus_100(&self, from: &str) -> String {
        format!("--from {from}：增长率必须大于 -100%")
    }

    fn too_many_points(&self, step: &str, count: Option<u64>, max: usize) -> String {
        let count = count.map_or_else(|| "超过 1000000000".to_owned(), |c| c.to_string());
        format!(
            "--step {step}：--from 与 --to 之间有 {count} 个点，而一次扫描最多 {max} 个点：\
             请加大 --step 或缩小范围"
        )
    }

    fn valid_plan(&self, s: &Summary) -> String {
        let mut extra = String::new();
        if s.scenarios > 0 {
            extra.push_str(&format!("，{} 个情景", s.scenarios));
        }
        if s.actual_figures > 0 {
            extra.push_str(&format!("，{} 个实际数", s.actual_figures));
        }
        if s.history_figures > 0 {
            extra.push_str(&format!("，{} 个历史数据", s.history_figures));
        }
        format!(
            "{}：规划有效：{} 个指标，{} 个目标，{}–{} 年（预测 {} 年）{extra}",
            s.name, s.metrics, s.goals, s.base_year, s.target_year, s.projected_years,
        )
    }

    fn init_folder(&self, name: &str) -> String {
        format!("{name} 是一个文件夹；请指定要写入的规划文件，例如 {name}/targets.toml")
    }

    fn init_exists(&self, name: &str) -> String {
        format!("{name} 已存在；加 --force 可替换它，或换一个文件名")
    }

    fn init_wrote(&self, name: &str) -> String {
        format!("已写入 {name}；请修改各指标的基期值，然后运行 `dabiao {name}`")
    }

    fn starter_plan(&self) -> &'static str {
        // The shipped targets.toml with its comments in Chinese; a test
        // keeps its figures those of the original.
        include_str!("targets.toml")
    }
}
