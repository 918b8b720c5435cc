//! Every refusal of a plan said in Chinese, with `--lang zh` or a Chinese
//! locale: each message keeps its place (file:line, cell or argument), the
//! metric and field it is about in Chinese words, and the fix; ids, fields
//! and TOML keys stay as the user typed them.

use crate::common::{Ran, dabiao, folder, plan};

/// Standard error of `dabiao args…` in a fresh folder holding `files`,
/// with the locale variables `env` set; the run must be refused.
fn refused_with(files: &[(&str, &[u8])], env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = folder(files);
    let mut cmd = dabiao();
    cmd.current_dir(dir.path());
    for (var, value) in env {
        cmd.env(var, value);
    }
    Ran::of(&mut cmd, args).refused()
}

/// Standard error of `dabiao report bad.toml --lang zh` and `extra`, with
/// `text` as bad.toml beside `files`.
fn zh(text: &str, files: &[(&str, &[u8])], extra: &[&str]) -> String {
    let mut all = vec![("bad.toml", text.as_bytes())];
    all.extend_from_slice(files);
    let mut args = vec!["report", "bad.toml", "--lang", "zh"];
    args.extend_from_slice(extra);
    refused_with(&all, &[], &args)
}

/// The messages of standard error, `错误：` (or `error: `, in English)
/// taken off: each runs up to the next (a TOML error carries the line it
/// is on below it).
fn messages(stderr: &str) -> Vec<String> {
    let mut messages: Vec<String> = Vec::new();
    for line in stderr.lines() {
        let first = line
            .strip_prefix("错误：")
            .or_else(|| line.strip_prefix("error: "));
        match (first, messages.last_mut()) {
            (Some(first), _) => messages.push(first.to_owned()),
            (None, Some(last)) => {
                last.push('\n');
                last.push_str(line);
            }
            (None, None) => panic!("stderr should start with `错误：` or `error: `:\n{stderr}"),
        }
    }
    messages
}

/// Asserts one message per entry of `expected`, in order, each holding
/// every part of its entry.
fn says(stderr: &str, expected: &[&[&str]]) {
    let found = messages(stderr);
    assert_eq!(
        found.len(),
        expected.len(),
        "expected {} message(s):\n{stderr}",
        expected.len()
    );
    for (message, parts) in found.iter().zip(expected) {
        for part in *parts {
            assert!(
                message.contains(part),
                "should contain {part:?}:\n{message}"
            );
        }
    }
}

/// Whether `text` holds a Chinese character.
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Words of the English messages that no Chinese message holds (ids,
/// fields and TOML keys aside, which stay as typed).
const ENGLISH: [&str; 16] = [
    " must ",
    " should ",
    "expected",
    "did you mean",
    "found ",
    " is not ",
    "remove ",
    "write ",
    "give ",
    "missing",
    " the ",
    " and ",
    " or ",
    "metric `",
    "field `",
    "scenario `",
];

/// Asserts that every message of `stderr` is Chinese: our words, never
/// the English ones. The TOML reader's own message, inside our framing,
/// is left as the reader wrote it.
fn all_chinese(stderr: &str, what: &str) {
    let found = messages(stderr);
    assert!(!found.is_empty(), "{what}: no message:\n{stderr}");
    for message in found {
        let first = message.lines().next().unwrap_or_default();
        assert!(has_cjk(first), "{what}: no Chinese in:\n{message}");
        if first.contains("TOML 解析错误") {
            continue;
        }
        for word in ENGLISH {
            assert!(
                !first.contains(word),
                "{what}: English {word:?} left in:\n{message}"
            );
        }
    }
}

#[test]
fn the_plan_table_and_its_years() {
    says(
        &zh("", &[], &[]),
        &[
            &[
                "bad.toml: ",
                "缺少 [plan] 表",
                "base_year = 2015",
                "target_year = 2020",
            ],
            &[
                "bad.toml: ",
                "规划中没有指标",
                "[metrics.<代码>]",
                "dabiao init",
            ],
        ],
    );
    says(
        &zh(
            "[plan]\nbase_year = 2020\ntarget_year = 2015\n\n[metrics.gdp]\nbaseline = 10\n\
             growth = \"5%\"\n",
            &[],
            &[],
        ),
        &[&[
            "bad.toml:3: ",
            "字段 `plan.target_year`：",
            "目标年 target_year 2015 必须晚于基期 base_year 2020",
        ]],
    );
    says(
        &zh(
            "[plan]\ntarget_year = 2020\n\n[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n",
            &[],
            &[],
        ),
        &[&[
            "bad.toml:1: ",
            "字段 `plan.base_year`：",
            "缺失",
            "`base_year = <年份>`",
        ]],
    );
}

#[test]
fn a_metric_its_model_baseline_and_rates() {
    says(
        &zh(
            &plan(
                "[metrics.gdp]\nbaseline = 10\n\n\
                 [metrics.firms]\nbaseline = 10\ngrowth = \"5%\"\nincrement = 3\n\n\
                 [metrics.jobs]\ngrowth = \"5%\"\n\n\
                 [metrics.cars]\nbaseline = 10\ngrowth = [\"5%\", \"6%\"]\n",
            ),
            &[],
            &[],
        ),
        &[
            &[
                "bad.toml:5: ",
                "指标 `gdp`：",
                "未指定模型",
                "`growth`",
                "`increment`",
            ],
            &[
                "bad.toml:8: ",
                "指标 `firms`：",
                "同时有 2 种模型",
                "请只保留一种",
            ],
            &[
                "bad.toml:13: ",
                "指标 `jobs`，字段 `baseline`：",
                "缺失；请添加 `baseline = <2015 年的数值>`",
            ],
            &[
                "bad.toml:18: ",
                "指标 `cars`，字段 `growth`：",
                "有 2 项，但 2016—2020 年共 5 个预测年份",
                "第一项为 2016 年",
            ],
        ],
    );
}

#[test]
fn goals_of_every_kind() {
    says(
        &zh(
            &plan(
                "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\
                 target = { at_least = 12, at_most = 20 }\n\
                 rate_target = { about = \"5%\" }\n\
                 change_target = -150\n\
                 increase_target = \"3\"\n\
                 total_target = { at_least = 60, tolerance = 1 }\n\n\
                 [metrics.jobs]\nbaseline = 10\nincrement = 1\n\
                 rate_target = { in_step_with = \"nope\" }\n",
            ),
            &[],
            &[],
        ),
        &[
            &[
                "bad.toml:8: ",
                "字段 `target`：",
                "`at_least`、`at_most`、`about` 必须恰好给出一个",
                "`at_least`、`at_most`",
            ],
            &[
                "bad.toml:9: ",
                "字段 `rate_target`：",
                "`about` 需要 `tolerance`",
                "tolerance = \"1%\"",
            ],
            &[
                "bad.toml:10: ",
                "字段 `change_target`：",
                "-150 表示变化 -15000%",
                "请写 -1.5 或 \"-150%\"",
            ],
            &[
                "bad.toml:11: ",
                "字段 `increase_target`：",
                "读到的是字符串 \"3\"；请去掉引号",
            ],
            &[
                "bad.toml:12: ",
                "字段 `total_target`：",
                "`tolerance` 只用于 `about` 目标",
                "把 `at_least` 改为 `about`",
            ],
            &[
                "bad.toml:17: ",
                "指标 `jobs`，字段 `rate_target`：",
                "`nope` 不是本规划的指标",
                "可同步的指标：gdp",
            ],
        ],
    );
}

#[test]
fn ratios_and_shares() {
    says(
        &zh(
            &plan(
                "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n\
                 [metrics.share]\nratio = { numerator = \"gdp\", denominator = \"nope\" }\n\n\
                 [metrics.twice]\nratio = { numerator = \"share\", denominator = \"gdp\" }\n\
                 total_target = 3\n",
            ),
            &[],
            &[],
        ),
        &[
            &[
                "bad.toml:10: ",
                "指标 `share`，字段 `ratio.denominator`：",
                "`nope` 不是本规划的指标；可作比重分子、分母的指标：gdp",
            ],
            &[
                "bad.toml:13: ",
                "指标 `twice`，字段 `ratio.numerator`：",
                "`share` 本身是比重",
            ],
            &[
                "bad.toml:14: ",
                "指标 `twice`，字段 `total_target`：",
                "比重的各年数值不能累加",
            ],
        ],
    );
    // A share's target written as a fraction: known once the paths are computed.
    says(
        &zh(
            &plan(
                "[metrics.part]\nbaseline = 50\ngrowth = \"5%\"\n\n\
                 [metrics.whole]\nbaseline = 100\ngrowth = \"5%\"\n\n\
                 [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\n\
                 target = 0.5\n",
            ),
            &[],
            &[],
        ),
        &[&[
            "bad.toml:13: ",
            "指标 `share`，字段 `target`：",
            "0.5 不到该比重最小值的 1/30（该比重为 50 至 50，以百分比计）：是否应为 50？",
            "请写 `target = 50`",
        ]],
    );
}

#[test]
fn scenarios_and_set() {
    let text = plan(
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n\
         [scenarios.base]\n\n\
         [scenarios.slow]\ngrowth_shift = \"-120%\"\n",
    );
    says(
        &zh(&text, &[], &["--scenario", "all"]),
        &[
            &[
                "bad.toml:9: ",
                "情景 `base`：",
                "`base` 是保留名称",
                "请为该情景改名",
            ],
            &[
                "bad.toml:12: ",
                "情景 `slow`，指标 `gdp`，字段 `growth_shift`：",
                "使 `gdp` 2016 年的增速变为 -115%",
                "增速必须大于 -100%",
            ],
        ],
    );
    let text = plan("[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n");
    says(
        &zh(&text, &[], &["--set", "gdp", "--set", "nope.growth=5%"]),
        &[
            &[
                "bad.toml: --set gdp: ",
                "应为 ID.FIELD=VALUE 的形式",
                "--set service_investment",
            ],
            &[
                "bad.toml: --set nope.growth=5%: ",
                "指标 `nope`：",
                "不是本规划的指标；规划中的指标：gdp",
            ],
        ],
    );
}

#[test]
fn rows_of_an_actuals_csv_and_cells_of_a_workbook() {
    let text = plan("[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n");
    let csv = "metric,year,value\ngdp,2016,abc\nnope,2017,1\ngdp,2030,1\n";
    says(
        &zh(&text, &[("a.csv", csv.as_bytes())], &["--actuals", "a.csv"]),
        &[
            &["a.csv:2: ", "指标 `gdp`：", "2016 年：\"abc\" 不是数值"],
            &[
                "a.csv:3: ",
                "指标 `nope`：",
                "2017 年：不是规划中的指标；规划中的指标：gdp",
            ],
            &[
                "a.csv:4: ",
                "指标 `gdp`：",
                "2030 年不在规划期内；实际数据应为 2016—2020 年",
            ],
        ],
    );
    let dir = folder(&[("bad.toml", text.as_bytes())]);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("figures").unwrap();
    for (c, cell) in (0u16..).zip(["metric", "2016", "2017"]) {
        sheet.write_string(0, c, cell).unwrap();
    }
    sheet.write_string(1, 0, "gdp").unwrap();
    sheet.write_number(1, 1, 10.5).unwrap();
    sheet.write_string(1, 2, "abc").unwrap();
    book.save(dir.path().join("book.xlsx")).unwrap();
    let stderr = Ran::of(
        dabiao().current_dir(dir.path()),
        &[
            "report",
            "bad.toml",
            "--lang",
            "zh",
            "--actuals",
            "book.xlsx#figures",
        ],
    )
    .refused();
    says(
        &stderr,
        &[&[
            "book.xlsx#figures!C2: ",
            "指标 `gdp`：",
            "2017 年：\"abc\" 不是数值",
        ]],
    );
}

#[test]
fn a_toml_syntax_error_is_framed_in_chinese() {
    says(
        &zh(&plan("[metrics.gdp]\ngrowth = 16%\n"), &[], &[]),
        &[&[
            "bad.toml:6:10: ",
            "TOML 解析错误（在 [metrics.gdp] 中）：",
            // The reader's own words, as it wrote them.
            "must be quoted",
            " 6 | growth = 16%",
            "^",
        ]],
    );
    says(
        &zh(
            &plan("[metrics.服务业]\nbaseline = 1\ngrowth = 0.1\n"),
            &[],
            &[],
        ),
        &[&[
            "bad.toml:5:",
            "TOML 解析错误（在 [plan] 中）：",
            "；含 A–Z、0–9、_ 和 - 以外字符的键必须加引号，如 [metrics.\"服务业投资\"]",
            " 5 | [metrics.服务业]",
        ]],
    );
}

#[test]
fn more_than_twenty_problems_are_counted_in_chinese() {
    let metrics: String = (1..=25)
        .map(|i| format!("[metrics.m{i}]\nbaseline = 1\n"))
        .collect();
    let stderr = zh(&plan(&metrics), &[], &[]);
    let found = messages(&stderr);
    assert_eq!(found.len(), 21, "{stderr}");
    assert_eq!(
        found[20],
        "bad.toml: 另有 5 个问题未列出；请先改正前 20 个，再重新运行"
    );
}

#[test]
fn a_chinese_locale_speaks_chinese_and_lang_overrides_it() {
    let text = plan("[metrics.gdp]\nbaseline = 10\ngrowth = 16\n");
    let files = [("bad.toml", text.as_bytes())];
    let chinese = [&[
        "bad.toml:7: ",
        "指标 `gdp`，字段 `growth`：",
        "16 表示每年增长 1600%",
    ][..]];
    for args in [&["validate", "bad.toml"][..], &["bad.toml"][..]] {
        says(
            &refused_with(&files, &[("LANG", "zh_CN.UTF-8")], args),
            &chinese,
        );
    }
    says(
        &refused_with(
            &files,
            &[("LANG", "zh_CN.UTF-8")],
            &["bad.toml", "--lang", "en"],
        ),
        &[&[
            "bad.toml:7: ",
            "metric `gdp`, field `growth`",
            "16 would mean 1600 % a year",
        ]],
    );
    for command in ["sensitivity", "explain", "review", "odds"] {
        says(
            &refused_with(&files, &[], &[command, "bad.toml", "--lang", "zh"]),
            &chinese,
        );
    }
    says(
        &refused_with(
            &files,
            &[],
            &["chart", "bad.toml", "--lang", "zh", "-o", "c.svg"],
        ),
        &chinese,
    );
}

/// The bad plans of the English error tests, and more: one of nearly every
/// refusal. Each runs as `report bad.toml --lang zh` with its extra arguments.
const BAD_PLANS: &[(&str, &[&str])] = &[
    ("[metrics.gdp]\ngrowth = 16%\n", &[]),
    ("[metrics.gdp]\nbaseline = 10\n", &[]),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nincrement = 3\n",
        &[],
    ),
    ("[metrics.gdp]\ngrowth = \"5%\"\n", &[]),
    (
        "[metrics.gdp]\nbaseline = nan\ngrowth = \"5%\"\ntarget = inf\n",
        &[],
    ),
    ("[metrics.gdp]\nbaseline = 0\ngrowth = \"5%\"\n", &[]),
    ("[metrics.gdp]\nbaseline = 10\ngrowth = 16\n", &[]),
    ("[metrics.gdp]\nbaseline = 10\ngrowth = \"-100%\"\n", &[]),
    ("[metrics.gdp]\nbaseline = \"68\"\ngrowth = \"5%\"\n", &[]),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5\"\ndeflator = \"x%\"\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = [\"5%\", true]\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nrate_method = \"x\"\nbinding = 1\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\ntrend = \"cagr\"\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"trend\"\ntrend = \"x\"\n",
        &[],
    ),
    ("[metrics.gdp]\nbaseline = 10\ngrowth = \"trend\"\n", &[]),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"trend\"\ndeflator = \"2%\"\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\nincrement = 1\ndeflator = \"2%\"\n",
        &[],
    ),
    ("[metrics.\"a b\"]\nbaseline = 10\ngrowth = \"5%\"\n", &[]),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\
         actual = { x = 1, 2010 = 2, 2016 = -1, 2030 = 1 }\n\
         history = { y = 1, 2016 = 1, 2014 = 0, 0 = 3 }\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nvolatility = \"-1%\"\n\
         target = \"3%\"\nrate_target = { at_least = \"5%\", in_step_with = \"gdp\" }\n\
         change_target = { in_step_with = \"gdp\" }\nincrease_target = { least = 1 }\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\
         rate_target = { in_step_with = \"gdp\", tolerence = 1 }\n\n\
         [metrics.b]\nbaseline = 10\ngrowth = \"5%\"\nrate_target = { in_step_with = 1 }\n\n\
         [metrics.c]\nbaseline = 10\ngrowth = \"5%\"\nrate_target = { in_step_with = \"c\" }\n\
         change_target = { at_most = \"-100%\" }\ntotal_target = { about = 5 }\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nrate_target = { about = \"5%\", \
         tolerance = \"-1%\" }\n\n[metrics.s]\nratio = { numerator = \"gdp\", denominator = \
         \"gdp\", scale = -1, prices = \"x\" }\nbaseline = 3\ndeflator = \"1%\"\n\
         volatility = \"1%\"\nhistory = { 2014 = 1 }\n",
        &[],
    ),
    (
        "[metrics.firms]\nbaseline = 10\nincrement = 1\n\n\
         [metrics.shrinking]\nbaseline = 10\nincrement = -2\nrate_target = \"1%\"\n\
         change_target = \"-10%\"\n\n\
         [metrics.share]\nratio = { numerator = \"firms\", denominator = \"shrinking\" }\n",
        &[],
    ),
    (
        "[metrics.huge]\nbaseline = 1e300\ngrowth = \"100000%\"\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nvolatility = \"history\"\n",
        &[],
    ),
    (
        "[uncertainty]\npaths = 5\nseed = -1\ncorrelation = 1\n\n\
         [metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n[metrics.share]\n\
         ratio = { numerator = \"gdp\", denominator = \"gdp\" }\n\n\
         [scenarios.all]\n\n[scenarios.\"a b\"]\n\n[scenarios.slow]\ngrowth_shift = true\n\n\
         [scenarios.fast.metrics.gdp]\nincrement = 3\n\n\
         [scenarios.other.metrics.share]\nbaseline = 3\ngrowth = \"1%\"\n\n\
         [scenarios.more.metrics.nope]\ngrowth = \"1%\"\n",
        &["--scenario", "all"],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n",
        &[
            "--set",
            "gdp",
            "--set",
            "nope.growth=5%",
            "--set",
            "gdp.growth=16",
            "--set",
            "gdp.name=x",
        ],
    ),
    (
        "[metrics.gdp]\nbaseline = true\ngrowth = [\"5%\", \"5%\", true, \"5%\", \"5%\"]\n\
         rate_target = { at_least = \"5%\", tolerance = \"1%\" }\n\
         change_target = -150\ntarget = { at_least = 1, at_most = 2 }\n\n\
         [metrics.b]\nbaseline = 1\ngrowth = inf\nrate_target = \"-100%\"\n\n\
         [metrics.c]\nbaseline = 1\ngrowth = true\nrate_target = { in_step_with = \"nope\" }\n\n\
         [metrics.s]\nratio = { numerator = \"gdp\", denominator = \"nope\" }\n\
         total_target = 5\n\n\
         [metrics.t]\nratio = { numerator = \"s\", denominator = \"gdp\" }\n",
        &[],
    ),
    (
        "[metrics.a]\nbaseline = 0\nincrement = 1\nchange_target = \"10%\"\n\n\
         [metrics.b]\nbaseline = 10\nincrement = -3\nrate_target = \"1%\"\n\n\
         [metrics.c]\nbaseline = 10\ngrowth = \"5%\"\nrate_target = { in_step_with = \"b\" }\n\n\
         [metrics.d]\nbaseline = 10\nincrement = 1\nvolatility = \"history\"\n\
         history = { 2011 = 1, 2012 = 0, 2013 = 1, 2014 = 2 }\n",
        &[],
    ),
    (
        "[metrics.part]\nbaseline = 50\ngrowth = \"5%\"\n\n\
         [metrics.whole]\nbaseline = 100\ngrowth = \"5%\"\n\n\
         [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\n\
         target = 0.5\nactual = { 2016 = 0.5 }\n",
        &[],
    ),
    (
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n[scenarios.slow]\n\
         growth_shift = \"-120%\"\n",
        &["--scenario", "slow", "--set", "gdp.growth=1%"],
    ),
];

#[test]
fn every_refusal_of_a_bad_plan_is_chinese() {
    for (metrics, extra) in BAD_PLANS {
        all_chinese(&zh(&plan(metrics), &[], extra), metrics);
    }
    let deep = format!("{} = 1\n", vec!["a"; 100].join("."));
    let header_problems = [
        "",
        "[plan]\nbase_year = \"2015\"\ntarget_year = 2020.5\n",
        "[plan]\nbase_year = 1900\ntarget_year = 2020\n",
        "[plan]\ntarget_year = 2020\n",
        "[plan]\nbase_year = 2020\ntarget_year = 2015\n",
        &deep,
    ];
    for text in header_problems {
        all_chinese(&zh(text, &[], &[]), text);
    }
}

#[test]
fn every_refusal_of_an_actuals_file_is_chinese() {
    let text = plan(
        "[metrics.gdp]\nname = \"产值\"\nbaseline = 10\ngrowth = \"5%\"\nactual = { 2017 = 11 }\n\n\
         [metrics.a]\nname = \"重名\"\nbaseline = 10\nincrement = 1\n\n\
         [metrics.b]\nname = \"重名\"\nbaseline = 10\nincrement = 1\n\n\
         [metrics.share]\nratio = { numerator = \"a\", denominator = \"gdp\" }\n",
    );
    let files: [(&str, &str); 8] = [
        (
            "long.csv",
            "metric,year,value\ngdp,2016,abc\nnope,2017,1\ngdp,2030,1\ngdp,2016,inf\n\
             重名,2016,1\na,2016,5%\ngdp,2017,12\ngdp,2018,1\ngdp,2018,2\nshare,2015,1\n\
             ,2016,1\ngdp,x,1\ngdp,2015,11\ngdp,2019,0\na,2016,1,9\n",
        ),
        ("wide.csv", "metric,2016,2017,\ngdp,1,2,4\n,3,,\n"),
        ("years.csv", "2016,2017\n1,2\n"),
        ("label.csv", "metric,2016,unit\ngdp,1,x\n"),
        (
            "scenarios.csv",
            "scenario,metric,year,value\nbase,gdp,2016,1\nslow,gdp,2016,2\n",
        ),
        ("twice.csv", "metric,2016,2016\ngdp,1,2\n"),
        ("empty.csv", ""),
        ("noyear.csv", "a,b\n1,2\n"),
    ];
    for (name, csv) in files {
        let stderr = zh(&text, &[(name, csv.as_bytes())], &["--actuals", name]);
        all_chinese(&stderr, name);
    }
    let stderr = zh(
        &text,
        &[("x.xlsx", b"PK\x03\x04 not a workbook")],
        &["--actuals", "x.xlsx"],
    );
    all_chinese(&stderr, "x.xlsx");
    let stderr = zh(&text, &[("a.csv", b"\xFF\xFEa")], &["--actuals", "a.csv"]);
    all_chinese(&stderr, "UTF-16");
    let stderr = zh(
        &text,
        &[("a.csv", b"metric,year,value\n\xFF,2016,1\n")],
        &["--actuals", "a.csv", "--actuals-encoding", "utf-8"],
    );
    all_chinese(&stderr, "UTF-8");
    // A workbook whose first sheet holds notes, and one without the sheet asked.
    let dir = folder(&[("bad.toml", text.as_bytes())]);
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("说明")
        .unwrap()
        .write_string(0, 0, "见下一张表")
        .unwrap();
    book.add_worksheet().set_name("figures").unwrap();
    book.save(dir.path().join("book.xlsx")).unwrap();
    for actuals in ["book.xlsx", "book.xlsx#nope"] {
        let stderr = Ran::of(
            dabiao().current_dir(dir.path()),
            &["report", "bad.toml", "--lang", "zh", "--actuals", actuals],
        )
        .refused();
        all_chinese(&stderr, actuals);
    }
}

#[test]
fn the_refusals_of_several_plans_are_chinese_too() {
    let good = crate::common::SHIPPED;
    let bad = plan("[metrics.gdp]\nbaseline = 10\ngrowth = 16\n");
    let files = [("good.toml", good.as_bytes()), ("bad.toml", bad.as_bytes())];
    // Refused at once, or, with --keep-going, after the good plan's output.
    for command in ["report", "review"] {
        for keep_going in [false, true] {
            let dir = folder(&files);
            let mut args = vec![command, "good.toml", "bad.toml", "--lang", "zh"];
            if keep_going {
                args.push("--keep-going");
            }
            let ran = Ran::of(dabiao().current_dir(dir.path()), &args);
            assert_eq!(ran.code, crate::common::REFUSED, "{}", ran.stderr);
            says(
                &ran.stderr,
                &[&[
                    "bad.toml:7: ",
                    "指标 `gdp`，字段 `growth`：",
                    "16 表示每年增长 1600%",
                ]],
            );
        }
    }
}
