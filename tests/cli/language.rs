//! The language of everything the command line says besides the report:
//! refusals of options and inputs, failures to write, `validate` and
//! `init`, chosen by `--lang` on every command or by the locale.

use std::path::Path;

use crate::common::{Ran, dabiao, folder, ok, plan, refused, run, shipped};

/// A plan with one compound metric with a level goal, and one linear
/// metric with none.
fn small_plan() -> String {
    plan(
        "[metrics.gdp]\nbaseline = 100\ngrowth = \"5%\"\ntarget = 120\n\n\
         [metrics.firms]\nbaseline = 10\nincrement = 1\n",
    )
}

/// A plan with no goal that implies a level of its path (a total asks
/// for a sum): nothing for `chart` to draw.
fn no_goal_to_draw() -> String {
    plan("[metrics.gdp]\nbaseline = 100\ngrowth = \"5%\"\ntotal_target = 600\n")
}

/// A plan of 100 level goals: a sweep of 10001 points over it is more than
/// the table holds.
fn hundred_goals() -> String {
    plan(
        &(0..100)
            .map(|i| format!("[metrics.m{i}]\nbaseline = 1\ngrowth = \"5%\"\ntarget = 2\n"))
            .collect::<String>(),
    )
}

/// A folder holding the test files every refusal below reads.
fn files() -> tempfile::TempDir {
    let dir = folder(&[
        ("p.toml", small_plan().as_bytes()),
        ("flat.toml", no_goal_to_draw().as_bytes()),
        ("big.toml", hundred_goals().as_bytes()),
        ("latin1.toml", b"[plan]\n# caf\xe9\n"),
    ]);
    std::fs::create_dir(dir.path().join("sub")).expect("a folder");
    std::fs::create_dir(dir.path().join("again")).expect("a folder");
    std::fs::write(dir.path().join("again/p.toml"), small_plan()).expect("a plan");
    dir
}

/// Every refusal of the command line's own (the plan's problems are the
/// plan's), as run in the folder of [`files`].
const REFUSALS: &[&[&str]] = &[
    // Options that do not fit the format.
    &["p.toml", "--bom"],
    &["p.toml", "--raw-csv"],
    &["p.toml", "-f", "json", "--color", "always"],
    &["p.toml", "--layout", "wide"],
    &["p.toml", "-f", "csv", "--table", "all"],
    &["explain", "p.toml", "-f", "csv"],
    &["p.toml", "--wide", "-f", "csv"],
    &["p.toml", "--wide", "-f", "json"],
    &["p.toml", "-f", "csv", "-o", "goals.xlsx"],
    // Inputs.
    &["missing.toml"],
    &["p.toml", "--actuals", "missing.csv"],
    &["p.toml", "--actuals", "sub"],
    &["latin1.toml"],
    &["-", "--actuals", "-"],
    &["p.toml", "--scenario", "fast"],
    // Several plans.
    &["p.toml", "flat.toml", "--actuals", "a.csv"],
    &["p.toml", "p.toml"],
    &["p.toml", "again/p.toml"],
    &["-", "p.toml"],
    &["sub"],
    &["p.toml", "--by-status"],
    &["review", "p.toml", "flat.toml", "--as-of", "1999"],
    // Outputs.
    &["p.toml", "-o", "p.toml"],
    &["p.toml", "-o", "sub"],
    &["p.toml", "-o", "nowhere/goals.txt"],
    &["man", "-o", "sub"],
    // --metric, --as-of, the simulation, the chart.
    &["sensitivity", "p.toml", "--metric", "nope"],
    &["sensitivity", "p.toml", "--metric", "firms"],
    &["chart", "p.toml", "-o", "c.svg", "--metric", "nope"],
    &["chart", "p.toml", "-o", "c.svg", "--metric", "firms"],
    &["chart", "flat.toml", "-o", "c.svg"],
    &["chart", "p.toml", "-o", "c.gif"],
    &["chart", "p.toml", "-o", "chart"],
    &["chart", "p.toml", "-o", "c.svg", "--seed", "1"],
    &["p.toml", "--paths", "1000"],
    &["review", "p.toml", "--as-of", "1999"],
    // The sweep.
    &["sensitivity", "p.toml", "--step", "abc"],
    &["sensitivity", "p.toml", "--from", "200"],
    &["sensitivity", "p.toml", "--step", "0"],
    &["sensitivity", "p.toml", "--from", "5%", "--to", "1%"],
    &["sensitivity", "p.toml", "--metric", "gdp", "--from=-100%"],
    &["sensitivity", "p.toml", "--step", "1e-300"],
    &["sensitivity", "big.toml", "--step", "0.001%"],
    // init.
    &["init", "p.toml"],
    &["init", "sub"],
    // The command line as the argument parser refuses it.
    &["p.toml", "--bogus"],
    &["p.toml", "--tabel", "summary"],
    &["p.toml", "-f", "pdf"],
    &["p.toml", "--precision", "99"],
    &["odds", "p.toml", "--pathz", "5"],
    &["p.toml", "--table", "years", "--table", "summary"],
];

/// Words of the English messages above that no Chinese one holds: a
/// message left in English is caught by them even where it quotes a CJK
/// name. Flags, their values and `quoted` text are set aside first.
const ENGLISH: &[&str] = &[
    "error", "warning", "cannot", "applies", "only", "drop", "use", "add", "name", "file",
    "folder", "plan", "metric", "metrics", "goal", "goals", "scenario", "write", "read", "exists",
    "already", "must", "above", "positive", "points", "between", "sweep", "would", "level", "the",
    "and", "or", "not", "with", "is", "no", "has", "of", "to", "for", "in", "which", "such",
    "another", "this", "there", "create", "check", "holds", "chart", "rate", "growth", "figures",
    "review", "widen", "narrow", "neither", "none", "save", "text",
];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The ASCII words of `line` outside flags, their values, paths and
/// `quotes`.
fn prose_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut after_flag = false;
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 1 {
            continue;
        }
        for token in part.split(|c: char| c.is_whitespace() || !c.is_ascii()) {
            if token.starts_with('-') {
                after_flag = true;
                continue;
            }
            if std::mem::take(&mut after_flag) || token.contains(['/', '.']) {
                continue;
            }
            words.extend(
                token
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase),
            );
        }
    }
    words
}

/// Asserts that every line of `stderr` is Chinese.
fn assert_chinese(args: &[&str], how: &str, stderr: &str) {
    assert!(!stderr.is_empty(), "{how} {args:?}: nothing said");
    for line in stderr.lines() {
        assert!(
            line.chars().any(is_cjk),
            "{how} {args:?}: a line without Chinese: {line}"
        );
        let english: Vec<String> = prose_words(line)
            .into_iter()
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect();
        assert!(
            english.is_empty(),
            "{how} {args:?}: English words {english:?} in: {line}"
        );
    }
}

#[test]
fn every_refusal_of_the_command_line_is_chinese_with_lang_zh_or_a_chinese_locale() {
    let dir = files();
    for args in REFUSALS {
        let flagged: Vec<&str> = args.iter().copied().chain(["--lang", "zh"]).collect();
        assert_chinese(args, "--lang zh", &refused(dir.path(), &flagged));
        let by_locale = Ran::of(
            dabiao().current_dir(dir.path()).env("LANG", "zh_CN.UTF-8"),
            args,
        )
        .refused();
        assert_chinese(args, "LANG=zh_CN.UTF-8", &by_locale);
    }
}

#[test]
fn the_same_refusals_stay_english_without_a_chinese_locale() {
    let dir = files();
    for args in REFUSALS {
        let stderr = refused(dir.path(), args);
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(!stderr.chars().any(is_cjk), "{args:?} in English: {stderr}");
    }
}

#[test]
fn refusals_in_chinese_say_what_the_english_say() {
    let dir = files();
    let zh = |args: &[&str]| {
        let args: Vec<&str> = args.iter().copied().chain(["--lang", "zh"]).collect();
        refused(dir.path(), &args)
    };
    assert_eq!(
        zh(&["p.toml", "--bom"]),
        "错误：--bom 只用于 CSV 输出：请加 --format csv，或去掉 --bom\n"
    );
    assert_eq!(
        zh(&["p.toml", "--wide", "-f", "json"]),
        "错误：--wide 只用于终端表格：CSV、JSON 和工作簿总是包含所有列；请去掉 --wide\n"
    );
    assert_eq!(
        zh(&["sensitivity", "p.toml", "--metric", "firms"]),
        "错误：--metric firms：不是复合增长指标，没有可扫描的增长率；复合增长指标：gdp\n"
    );
    assert_eq!(
        zh(&["chart", "big.toml", "-o", "c.svg", "--metric", "nope"]),
        "错误：--metric nope：`nope` 不是本规划的指标；有水平目标的指标：\
         m0、m1、m2、m3、m4、m5、m6、m7、m8、m9、m10、m11、…（共 100 个）\n"
    );
    assert_eq!(
        zh(&["review", "p.toml", "--as-of", "1999"]),
        "错误：--as-of 1999：请评估规划期内的年份：2016 至 2020 年\n"
    );
    assert_eq!(
        zh(&["missing.toml"]),
        "错误：无法读取规划文件 missing.toml：文件或文件夹不存在；\
         可用 `dabiao init` 新建一个，或指定其他文件\n"
    );
    assert_eq!(
        zh(&["p.toml", "-o", "nowhere/goals.txt"]),
        "错误：无法写入 nowhere/goals.txt：文件夹 nowhere 不存在；请先创建它\n"
    );
    assert_eq!(
        zh(&["sensitivity", "big.toml", "--step", "0.001%"]),
        "错误：扫描将计算 100 个目标 × 10001 个点 = 1000100 个单元格，\
         而终端表格和 Markdown 最多容纳 1000000 个（CSV 和 JSON 可达 20000000 个）：\
         请加大 --step，缩小 --from 到 --to 的范围，或只扫描一个 --metric 或更少的情景\n"
    );
}

#[test]
fn lang_given_beats_the_locale_and_lc_all_beats_lang() {
    let dir = files();
    let english = "error: --bom applies to CSV output only: add --format csv, or drop --bom\n";
    let chinese = "错误：--bom 只用于 CSV 输出：请加 --format csv，或去掉 --bom\n";
    let with = |vars: &[(&str, &str)], args: &[&str]| {
        let mut cmd = dabiao();
        cmd.current_dir(dir.path());
        for (name, value) in vars {
            cmd.env(name, value);
        }
        Ran::of(&mut cmd, args).refused()
    };
    let bom = ["p.toml", "--bom"];
    assert_eq!(with(&[("LANG", "zh_CN.UTF-8")], &bom), chinese);
    assert_eq!(with(&[("LC_MESSAGES", "zh_TW")], &bom), chinese);
    assert_eq!(
        with(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")], &bom),
        english
    );
    assert_eq!(
        with(
            &[("LANG", "zh_CN.UTF-8")],
            &["p.toml", "--bom", "--lang", "en"]
        ),
        english
    );
    assert_eq!(
        with(
            &[("LANG", "en_US.UTF-8")],
            &["p.toml", "--bom", "--lang", "zh"]
        ),
        chinese
    );
}

/// Where no locale variable is set, the system's language counts: on Linux
/// the system's answer is read from LANGUAGE.
#[cfg(target_os = "linux")]
#[test]
fn the_system_language_counts_where_no_locale_variable_is_set() {
    let dir = files();
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = dabiao();
        cmd.current_dir(dir.path());
        for (name, value) in vars {
            cmd.env(name, value);
        }
        Ran::of(&mut cmd, &["validate", "p.toml"]).ok()
    };
    let chinese = "p.toml：规划有效：2 个指标，1 个目标，2015–2020 年（预测 5 年）\n";
    let english = "p.toml: valid plan: 2 metrics, 1 goal, 2015–2020 (5 projected years)\n";
    assert_eq!(run(&[("LANGUAGE", "zh_CN:en")]), chinese);
    assert_eq!(
        run(&[("LANGUAGE", "zh_CN:en"), ("LANG", "en_US.UTF-8")]),
        english
    );
    assert_eq!(run(&[("LANGUAGE", "en_US")]), english);
}

#[test]
fn validate_says_its_summary_in_chinese() {
    let summary = ok(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["validate", "--lang", "zh"],
    );
    assert_eq!(
        summary,
        "targets.toml：规划有效：10 个指标，8 个目标，2015–2020 年（预测 5 年），2 个情景\n"
    );
    let dir = files();
    let summary = Ran::of(
        dabiao().current_dir(dir.path()).env("LANG", "zh_CN.UTF-8"),
        &["validate", "p.toml"],
    )
    .ok();
    assert_eq!(
        summary,
        "p.toml：规划有效：2 个指标，1 个目标，2015–2020 年（预测 5 年）\n"
    );
    let city = shipped(crate::common::CITY);
    let summary = ok(dir.path(), &["validate", &city, "--lang", "zh"]);
    assert!(summary.contains("个实际数"), "{summary}");
}

#[test]
fn init_says_what_it_wrote_in_chinese() {
    let dir = folder(&[]);
    let said = ok(dir.path(), &["init", "--lang", "zh"]);
    assert_eq!(
        said,
        "已写入 targets.toml；请修改各指标的基期值，然后运行 `dabiao targets.toml`\n"
    );
    let again = refused(dir.path(), &["init", "--lang", "zh"]);
    assert_eq!(
        again,
        "错误：targets.toml 已存在；加 --force 可替换它，或换一个文件名\n"
    );
    let forced = run(dir.path(), &["init", "--force", "--lang", "en"]).ok();
    assert_eq!(
        forced,
        "wrote targets.toml; edit the baselines, then run `dabiao targets.toml`\n"
    );
}

#[test]
fn init_in_chinese_writes_the_shipped_plan_commented_in_chinese() {
    let dir = folder(&[]);
    ok(dir.path(), &["init", "en.toml", "--lang", "en"]);
    ok(dir.path(), &["init", "zh.toml", "--lang", "zh"]);
    let english = std::fs::read_to_string(dir.path().join("en.toml")).unwrap();
    let chinese = std::fs::read_to_string(dir.path().join("zh.toml")).unwrap();
    assert_eq!(english, crate::common::SHIPPED);
    assert_eq!(ok(dir.path(), &["init", "-", "--lang", "zh"]), chinese);
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split_once('#').map(|(_, c)| c.trim().to_owned()))
            .filter(|c| !c.is_empty())
            .collect()
    };
    // Each comment is Chinese, or a quotation of the article.
    for comment in comments(&chinese) {
        assert!(comment.chars().any(is_cjk), "{comment}");
        assert!(
            !prose_words(&comment)
                .iter()
                .any(|w| ["illustrative", "the", "of", "and"].contains(&w.as_str())),
            "{comment}"
        );
    }
    // The same plan: the same goals and paths in every scenario.
    for table in ["summary", "years"] {
        let report = |file: &str| {
            ok(
                dir.path(),
                &[file, "--scenario", "all", "-f", "csv", "--table", table],
            )
        };
        assert_eq!(report("zh.toml"), report("en.toml"), "--table {table}");
    }
}

#[test]
fn every_command_takes_lang() {
    let dir = files();
    for command in [
        "report",
        "sensitivity",
        "explain",
        "review",
        "odds",
        "validate",
    ] {
        ok(dir.path(), &[command, "p.toml", "--lang", "zh"]);
    }
    ok(
        dir.path(),
        &["chart", "p.toml", "-o", "c.svg", "--lang", "zh"],
    );
    ok(dir.path(), &["init", "new.toml", "--lang", "zh"]);
    ok(dir.path(), &["completions", "bash", "--lang", "zh"]);
    ok(dir.path(), &["man", "--lang", "zh"]);
}

#[test]
fn usage_errors_in_chinese_name_the_argument_the_suggestion_and_the_values() {
    let dir = files();
    let said = |args: &[&str]| refused(dir.path(), args);
    assert_eq!(
        said(&["p.toml", "--tabel", "summary", "--lang", "zh"]),
        "错误：无法识别的参数 `--tabel`；是否想用 `--table`？\n\
         用法见 dabiao --help（英文）或 dabiao help-zh（中文简明参考）\n"
    );
    assert!(said(&["p.toml", "--lang=zh", "-f", "pdf"]).starts_with(
        "错误：`--format <FORMAT>` 的值 `pdf` 无效；可选值：table、csv、json、markdown、xlsx\n"
    ));
    assert!(
        said(&["p.toml", "--lang", "zh", "--format"])
            .starts_with("错误：`--format <FORMAT>` 需要一个值\n")
    );
    // An unknown language is refused in the locale's language: the value
    // asked for is not one.
    let by_locale = Ran::of(
        dabiao().current_dir(dir.path()).env("LANG", "zh_CN.UTF-8"),
        &["p.toml", "--lang", "fr"],
    )
    .refused();
    assert!(
        by_locale.starts_with("错误：`--lang <LANG>` 的值 `fr` 无效；可选值：en、zh\n"),
        "{by_locale}"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_languages() {
    let dir = files();
    for args in [
        &["p.toml", "--lang", "fr"][..],
        &["validate", "p.toml", "--lang", "zh_CN"],
        &["init", "--lang", "chinese"],
    ] {
        let stderr = refused(dir.path(), args);
        assert!(
            stderr.contains("invalid value") && stderr.contains("[possible values: en, zh]"),
            "{args:?}: {stderr}"
        );
    }
}
