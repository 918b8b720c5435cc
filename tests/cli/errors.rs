//! Every way a run can be refused: each bad input must exit with status 2,
//! print nothing on standard output, and say on standard error where the
//! mistake is (file, line, metric, field) and how to fix it.
//!
//! Each test writes its files into a fresh temporary folder and runs the
//! binary from there, so that messages name short, predictable paths.

use std::fs;
use std::path::Path;

use crate::common::{Ran, SHIPPED, dabiao, folder, ok, plan, refused, run};

/// Writes `plan` as bad.toml in a fresh folder, runs `dabiao args…` there
/// and asserts a refusal. Returns standard error.
fn refuse(plan: &str, args: &[&str]) -> String {
    let dir = folder(&[("bad.toml", plan.as_bytes())]);
    refused(dir.path(), args)
}

/// Runs `dabiao args…` beside a valid plan named targets.toml (the default
/// file) and asserts a refusal: only the arguments are wrong.
fn refuse_usage(args: &[&str]) -> String {
    let dir = folder(&[("targets.toml", SHIPPED.as_bytes())]);
    refused(dir.path(), args)
}

/// `dabiao validate bad.toml` on `plan`, which must be refused.
fn invalid(plan: &str) -> String {
    refuse(plan, &["validate", "bad.toml"])
}

/// Splits standard error into messages: each starts with `error: ` and runs
/// up to the next one (a TOML error carries the offending line below it).
fn messages(stderr: &str) -> Vec<String> {
    assert!(
        stderr.starts_with("error: "),
        "stderr should start with `error: `:\n{stderr}"
    );
    let mut messages: Vec<String> = Vec::new();
    for line in stderr.lines() {
        match messages.last_mut() {
            Some(last) if !line.starts_with("error: ") => {
                last.push('\n');
                last.push_str(line);
            }
            _ => messages.push(line.to_owned()),
        }
    }
    messages
}

/// Asserts that stderr holds exactly one message per entry of `expected`, in
/// order, and that each message contains every part of its entry.
fn assert_messages(stderr: &str, expected: &[&[&str]]) {
    let found = messages(stderr);
    assert_eq!(
        found.len(),
        expected.len(),
        "expected {} error message(s), found {}:\n{stderr}",
        expected.len(),
        found.len()
    );
    for (message, parts) in found.iter().zip(expected) {
        for part in *parts {
            assert!(
                message.contains(part),
                "message should contain {part:?}:\n{message}"
            );
        }
    }
}

/// Asserts that `validate` refuses `plan` with exactly these messages.
fn rejects(plan: &str, expected: &[&[&str]]) {
    assert_messages(&invalid(plan), expected);
}

/// The names of the files in `dir`, sorted: shows leftover temporary files.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list the folder")
        .map(|entry| entry.expect("read a folder entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    fs::read(path).expect("read a test file")
}

// 1. TOML syntax

#[test]
fn toml_syntax_error_names_line_and_column_and_shows_the_line() {
    rejects(
        &plan("[metrics.gdp]\ngrowth = 16%\n"),
        &[&[
            "bad.toml:6:10:",
            "in [metrics.gdp]",
            "must be quoted",
            " 6 | growth = 16%",
            "^",
        ]],
    );
}

#[test]
fn full_width_characters_are_named_with_their_ascii_form() {
    for (value, wide, ascii) in [
        ("５０００", '５', '5'),
        ("5000，", '，', ','),
        ("5000。", '。', '.'),
    ] {
        rejects(
            &plan(&format!(
                "[metrics.gdp]\nbaseline = {value}  # 亿元，\ngrowth = 0.1\n"
            )),
            &[&[
                "bad.toml:6:",
                "in [metrics.gdp]: ",
                &format!(
                    "`{wide}` is a full-width character, which TOML does not read as \
                     `{ascii}`: type `{ascii}`"
                ),
            ]],
        );
    }
    rejects(
        &plan("[metrics.gdp]\nbaseline = \"５０００\"\ngrowth = 0.1\n"),
        &[&[
            "bad.toml:6:",
            "found the string \"５０００\" of full-width digits; write 5000, without quotes",
        ]],
    );
}

#[test]
fn rates_and_numbers_in_full_width_digits_are_read() {
    let text = plan(
        "[metrics.gdp]\nname = \"地区生产总值\"\nbaseline = 100\ngrowth = \"６％\"\n\
         rate_target = { at_least = \"５．５％\" }\n",
    );
    let dir = folder(&[("t.toml", text.as_bytes())]);
    let base = ok(dir.path(), &["report", "t.toml", "-f", "csv"]);
    let set = ok(
        dir.path(),
        &[
            "report",
            "t.toml",
            "-f",
            "csv",
            "--set",
            "gdp.growth=１８％",
            "--set",
            "gdp.baseline=２００",
        ],
    );
    let growth = ok(
        dir.path(),
        &["report", "t.toml", "-f", "csv", "--set", "gdp.growth=0.06"],
    );
    assert_eq!(base, growth, "６％ is 6%");
    let plain = ok(
        dir.path(),
        &[
            "report",
            "t.toml",
            "-f",
            "csv",
            "--set",
            "gdp.growth=18%",
            "--set",
            "gdp.baseline=200",
        ],
    );
    assert_eq!(set, plain, "１８％ is 18% and ２００ is 200");
}

// 2. Unknown names

#[test]
fn unknown_metric_field_lists_the_expected_field_names() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\ncolour = \"red\"\n"),
        &[&[
            "bad.toml:8:1:",
            "in [metrics.gdp]",
            "unknown field `colour`",
            "`name`, `unit`, `baseline`, `growth`, `increment`, `trend`, `ratio`, `target`, \
             `rate_target`",
            "`actual`, `history`",
        ]],
    );
}

#[test]
fn unknown_top_level_table_lists_the_known_tables() {
    rejects(
        &plan("[extra]\nx = 1\n\n[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n"),
        &[&[
            "bad.toml:5:",
            "`extra`",
            "expected one of `plan`, `metrics`, `scenarios`",
        ]],
    );
}

// 3. Models

#[test]
fn metric_without_a_model_is_told_the_three_models() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = 10\n"),
        &[&[
            "bad.toml:5:",
            "metric `gdp`",
            "has no model",
            "`growth`",
            "`increment`",
            "ratio = { numerator",
        ]],
    );
}

#[test]
fn metric_with_two_models_is_told_to_keep_one() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\nincrement = 3\n"),
        &[&[
            "bad.toml:5:",
            "metric `gdp`",
            "has 2 models (`growth`, `increment`)",
            "keep one",
        ]],
    );
}

#[test]
fn ratio_naming_an_unknown_metric_lists_the_known_ones() {
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n\
             [metrics.share]\nratio = { numerator = \"gdp\", denominator = \"nope\" }\n",
        ),
        &[&[
            "bad.toml:10:",
            "metric `share`, field `ratio.denominator`",
            "`nope` is not a metric of this plan",
            "metrics that can be parts of a ratio: gdp",
        ]],
    );
    let stderr = invalid(&plan(
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n\
         [metrics.share]\nratio = { numerator = \"gdp\", denominator = \"nope\" }\n",
    ));
    assert!(
        !stderr.contains("gdp, share"),
        "a ratio cannot be a part: {stderr}"
    );
}

#[test]
fn ratio_naming_another_ratio_is_refused() {
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n\n\
             [metrics.share]\nratio = { numerator = \"gdp\", denominator = \"gdp\" }\n\n\
             [metrics.share_of_share]\nratio = { numerator = \"share\", denominator = \"gdp\" }\n",
        ),
        &[&[
            "bad.toml:13:",
            "metric `share_of_share`, field `ratio.numerator`",
            "`share` is itself a ratio",
            "compound or linear",
        ]],
    );
}

// 4. Baseline and per-year lists

#[test]
fn missing_baseline_asks_for_the_base_year_value() {
    rejects(
        &plan("[metrics.gdp]\ngrowth = \"5%\"\n"),
        &[&[
            "bad.toml:5:",
            "metric `gdp`, field `baseline`",
            "missing",
            "add `baseline = <value in 2015>`",
        ]],
    );
}

#[test]
fn per_year_lists_must_have_one_entry_per_projected_year() {
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = 10\ngrowth = [\"5%\", \"6%\"]\n\n\
             [metrics.firms]\nbaseline = 10\nincrement = [1, 2, 3, 4, 5, 6]\n",
        ),
        &[
            &[
                "bad.toml:7:",
                "metric `gdp`, field `growth`",
                "has 2 entries",
                "2016–2020 has 5 projected years",
                "one rate per year (the first is for 2016) or a single rate",
            ],
            &[
                "bad.toml:11:",
                "metric `firms`, field `increment`",
                "has 6 entries",
                "one number per year",
            ],
        ],
    );
}

// 5. The [plan] table

#[test]
fn target_year_must_come_after_base_year() {
    for (base, target) in [(2020, 2020), (2020, 2015)] {
        let text = format!(
            "[plan]\nbase_year = {base}\ntarget_year = {target}\n\n\
             [metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n"
        );
        let expected = format!("target_year {target} must come after base_year {base}");
        rejects(
            &text,
            &[&["bad.toml:3:", "field `plan.target_year`", &expected]],
        );
    }
}

#[test]
fn plan_may_span_at_most_100_years() {
    let text = |base: i32| {
        format!(
            "[plan]\nbase_year = {base}\ntarget_year = 2020\n\n\
             [metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n"
        )
    };
    rejects(
        &text(1919),
        &[&[
            "bad.toml:3:",
            "field `plan.target_year`",
            "1919–2020 spans 101 years",
            "at most 100",
        ]],
    );
    // The limit itself is allowed.
    let dir = folder(&[("ok.toml", text(1920).as_bytes())]);
    let ran = run(dir.path(), &["validate", "ok.toml"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
}

#[test]
fn missing_plan_table_asks_for_both_years() {
    rejects(
        "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n",
        &[&[
            "bad.toml: ",
            "missing [plan] table",
            "base_year = 2015",
            "target_year = 2020",
        ]],
    );
}

#[test]
fn missing_base_year_is_named_with_the_line_of_plan() {
    rejects(
        "[plan]\ntarget_year = 2020\n\n[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n",
        &[&[
            "bad.toml:1:",
            "field `plan.base_year`",
            "missing",
            "add `base_year = <year>` to [plan]",
        ]],
    );
}

// 6–9. Numbers

#[test]
fn non_finite_numbers_are_refused() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = nan\ngrowth = \"5%\"\ntarget = inf\n"),
        &[
            &[
                "bad.toml:6:",
                "metric `gdp`, field `baseline`",
                "NaN is not a finite number",
            ],
            &[
                "bad.toml:8:",
                "metric `gdp`, field `target`",
                "inf is not a finite number",
            ],
        ],
    );
}

#[test]
fn compound_growth_needs_a_positive_baseline() {
    for baseline in ["0", "-3"] {
        let expected = format!("compound growth needs a positive baseline, found {baseline}");
        rejects(
            &plan(&format!(
                "[metrics.gdp]\nbaseline = {baseline}\ngrowth = \"5%\"\n"
            )),
            &[&[
                "bad.toml:6:",
                "metric `gdp`, field `baseline`",
                &expected,
                "use `increment`",
            ]],
        );
    }
}

#[test]
fn ratio_whose_denominator_reaches_zero_is_refused() {
    // The denominator goes 10, 8, 6, 4, 2, 0.
    rejects(
        &plan(
            "[metrics.firms]\nbaseline = 10\nincrement = 1\n\n\
             [metrics.shrinking]\nbaseline = 10\nincrement = -2\n\n\
             [metrics.share]\nratio = { numerator = \"firms\", denominator = \"shrinking\" }\n",
        ),
        &[&[
            "bad.toml:13:",
            "metric `share`",
            "the denominator `shrinking` reaches 0 by 2020",
            "baseline, growth or increment",
        ]],
    );
}

#[test]
fn path_that_overflows_to_infinity_is_refused_with_its_year() {
    // 1e300 × 1001 a year passes f64::MAX in the third year.
    rejects(
        &plan("[metrics.huge]\nbaseline = 1e300\ngrowth = \"100000%\"\n"),
        &[&[
            "bad.toml:5:",
            "metric `huge`",
            "leaves the range of numbers",
            "in 2018",
            "misplaced digit",
        ]],
    );
}

// 10. Goal tables

#[test]
fn goal_tables_need_exactly_one_op_and_tolerance_only_with_about() {
    let cases: [(&str, &[&str]); 3] = [
        (
            "rate_target = { about = \"5%\" }",
            &["`about` needs a `tolerance`", "tolerance = \"1%\""],
        ),
        (
            "rate_target = { at_least = \"5%\", tolerance = \"1%\" }",
            &[
                "`tolerance` applies only to `about` goals",
                "remove it or write `about` instead of `at_least`",
            ],
        ),
        (
            "target = { at_least = 12, at_most = 20 }",
            &[
                "give exactly one of `at_least`, `at_most` or `about`",
                "found `at_least`, `at_most`",
            ],
        ),
    ];
    for (goal, words) in cases {
        let field = goal.split(' ').next().expect("a field name");
        let subject = format!("metric `gdp`, field `{field}`");
        let mut expected = vec!["bad.toml:8:", subject.as_str()];
        expected.extend_from_slice(words);
        rejects(
            &plan(&format!(
                "[metrics.gdp]\nbaseline = 10\ngrowth = \"5%\"\n{goal}\n"
            )),
            &[&expected],
        );
    }
}

// 11. Empty plans

#[test]
fn empty_file_is_refused_for_both_missing_parts() {
    rejects(
        "",
        &[
            &["bad.toml: ", "missing [plan] table"],
            &["bad.toml: ", "the plan has no metrics", "dabiao init"],
        ],
    );
}

#[test]
fn plan_without_metrics_is_told_to_add_one() {
    rejects(
        &plan(""),
        &[&[
            "bad.toml: ",
            "the plan has no metrics",
            "[metrics.<id>]",
            "dabiao init",
        ]],
    );
}

// 12. Reading the file

#[test]
fn missing_plan_file_suggests_init() {
    let dir = folder(&[]);
    let stderr = refused(dir.path(), &["validate", "missing.toml"]);
    assert_messages(
        &stderr,
        &[&["cannot read plan file missing.toml", "`dabiao init`"]],
    );
}

#[test]
fn a_missing_plan_spelt_like_a_command_suggests_the_command() {
    let dir = folder(&[]);
    for (typed, command) in [
        ("reprot", "report"),
        ("valdate", "validate"),
        ("chrat", "chart"),
    ] {
        let stderr = refused(dir.path(), &[typed]);
        assert_messages(
            &stderr,
            &[&[
                &format!("cannot read plan file {typed}: "),
                &format!("; did you mean the command `{command}`?"),
            ]],
        );
    }
    let zh = refused(dir.path(), &["reprot", "--lang", "zh"]);
    assert!(zh.contains("；是否想用命令 `report`？"), "{zh}");
    // A name far from every command, or a file's, is just missing.
    for typed in ["plans", "report.toml"] {
        let stderr = refused(dir.path(), &[typed]);
        assert!(stderr.contains("`dabiao init`"), "{stderr}");
        assert!(!stderr.contains("the command"), "{stderr}");
    }
}

#[test]
fn plan_path_that_is_a_folder_is_refused() {
    let dir = folder(&[]);
    fs::create_dir(dir.path().join("plans")).expect("create a folder");
    let stderr = refused(dir.path(), &["explain", "plans"]);
    assert_messages(&stderr, &[&["cannot read plan file plans"]]);
    // validate, as report, reads a folder's plans.
    let stderr = refused(dir.path(), &["validate", "plans"]);
    assert_messages(&stderr, &[&["folder plans holds no plan"]]);
}

#[test]
fn plan_that_is_not_utf8_names_the_line_and_asks_for_utf8() {
    let dir = folder(&[("bad.toml", b"[plan]\nbase_year = 2015\n\xff\xfe\n")]);
    let stderr = refused(dir.path(), &["validate", "bad.toml"]);
    assert_messages(
        &stderr,
        &[&["bad.toml:3:", "not UTF-8", "save it as UTF-8"]],
    );
}

#[test]
fn plan_from_stdin_is_named_stdin_in_errors() {
    let dir = folder(&[]);
    let text = plan("[metrics.gdp]\ngrowth = \"5%\"\n");
    for command in ["validate", "report"] {
        let stderr = Ran::of(
            dabiao().current_dir(dir.path()).write_stdin(text.as_str()),
            &[command, "-"],
        )
        .refused();
        assert_messages(
            &stderr,
            &[&["<stdin>:5:", "metric `gdp`, field `baseline`", "missing"]],
        );
    }
}

// 13–14. Rates and quoted numbers

#[test]
fn bare_rate_of_16_is_read_as_a_percent_mistake() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = 10\ngrowth = 16\n"),
        &[&[
            "bad.toml:7:",
            "metric `gdp`, field `growth`",
            r#"16 would mean 1600 % a year; write 0.16 or "16%""#,
        ]],
    );
}

#[test]
fn rate_of_minus_100_percent_is_refused() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = 10\ngrowth = \"-100%\"\n"),
        &[&[
            "bad.toml:7:",
            "metric `gdp`, field `growth`",
            "-100 % would wipe the value out",
            "above -100 %",
        ]],
    );
}

#[test]
fn quoted_number_is_told_to_remove_the_quotes() {
    rejects(
        &plan("[metrics.gdp]\nbaseline = \"68\"\ngrowth = \"5%\"\n"),
        &[&[
            "bad.toml:6:",
            "metric `gdp`, field `baseline`",
            r#"found the string "68""#,
            "remove the quotes",
        ]],
    );
}

// 15. Several problems

#[test]
fn every_problem_in_a_file_is_reported_in_one_run() {
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = \"10\"\ngrowth = 16\n\n\
             [metrics.firms]\nincrement = 3\ntarget = { about = 5 }\n\n\
             [metrics.share]\nratio = { numerator = \"gdp\", denominator = \"nope\" }\n",
        ),
        &[
            &["bad.toml:6:", "metric `gdp`, field `baseline`"],
            &["bad.toml:7:", "metric `gdp`, field `growth`"],
            &["bad.toml:9:", "metric `firms`, field `baseline`"],
            &["bad.toml:11:", "metric `firms`, field `target`"],
            &["bad.toml:14:", "metric `share`, field `ratio.denominator`"],
        ],
    );
}

// 16. Bad usage

#[test]
fn unknown_flag_and_out_of_range_precision_are_usage_errors() {
    let cases: [(&[&str], &[&str]); 2] = [
        (&["--frobnicate"], &["unexpected argument '--frobnicate'"]),
        (&["--precision", "99"], &["'99'", "--precision", "0..=20"]),
    ];
    for (args, words) in cases {
        assert_messages(&refuse_usage(args), &[words]);
    }
}

#[test]
fn options_that_do_not_fit_together_are_refused_with_the_fix() {
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["--format", "csv", "--table", "all"],
            &[
                "a CSV file holds one table",
                "--table summary",
                "--table years",
            ],
        ),
        (
            &["--layout", "wide"],
            &[
                "--layout applies to the years table in CSV",
                "--format csv --table years",
            ],
        ),
        (
            &["--bom"],
            &["--bom applies to CSV output only", "add --format csv"],
        ),
    ];
    for (args, words) in cases {
        assert_messages(&refuse_usage(args), &[words]);
    }
}

// 17. `report` refuses like `validate`

#[test]
fn report_refuses_an_invalid_plan_and_prints_nothing() {
    let text = plan("[metrics.gdp]\nbaseline = 10\ngrowth = 16\n");
    for args in [
        &["report", "bad.toml"][..],
        &["bad.toml"],
        &["bad.toml", "-f", "json"],
    ] {
        let stderr = refuse(&text, args);
        assert_messages(&stderr, &[&["bad.toml:7:", "16 would mean 1600 %"]]);
    }
}

// --output

#[test]
fn invalid_plan_leaves_an_existing_output_file_untouched() {
    let old = b"old,content\n\xe8\x80\x81\n";
    let dir = folder(&[
        ("bad.toml", plan("[metrics.gdp]\ngrowth = 16\n").as_bytes()),
        ("out.csv", old),
    ]);
    refused(
        dir.path(),
        &["report", "bad.toml", "-f", "csv", "-o", "out.csv"],
    );
    assert_eq!(read(dir.path().join("out.csv")), old);
    assert_eq!(file_names(dir.path()), ["bad.toml", "out.csv"]);
}

#[test]
fn output_inside_a_missing_folder_is_refused_and_named() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    let stderr = refused(
        dir.path(),
        &["report", "plan.toml", "-o", "nowhere/out.csv"],
    );
    assert_messages(
        &stderr,
        &[&[
            "cannot write nowhere/out.csv",
            "there is no folder nowhere; create it first",
        ]],
    );
    assert!(!stderr.contains(".dabiao-"), "no temporary name: {stderr}");
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    let ran = run(
        dir.path(),
        &["report", "plan.toml", "-f", "csv", "-o", "out.csv"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, "");
    let csv = String::from_utf8(read(dir.path().join("out.csv"))).expect("UTF-8 CSV");
    assert!(csv.starts_with("scenario,metric,"), "{csv}");
    assert!(csv.contains("service_investment"), "{csv}");
    // No temporary file is left beside it.
    assert_eq!(file_names(dir.path()), ["out.csv", "plan.toml"]);
}

#[test]
fn output_naming_the_plan_file_is_refused_and_the_plan_kept() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    for out in ["plan.toml", "./plan.toml"] {
        let stderr = refused(dir.path(), &["report", "plan.toml", "-o", out]);
        let expected = format!("--output {out} is the plan file itself");
        assert_messages(&stderr, &[&[&expected, "another file"]]);
        assert_eq!(read(dir.path().join("plan.toml")), SHIPPED.as_bytes());
    }
}

// init

#[test]
fn init_writes_the_shipped_plan_into_an_empty_folder() {
    let dir = folder(&[]);
    let ran = run(dir.path(), &["init"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("wrote targets.toml"), "{}", ran.stdout);
    assert_eq!(read(dir.path().join("targets.toml")), SHIPPED.as_bytes());
    assert_eq!(file_names(dir.path()), ["targets.toml"]);
}

#[test]
fn init_refuses_a_second_time_without_force_and_keeps_the_file() {
    let dir = folder(&[]);
    assert_eq!(run(dir.path(), &["init"]).code, 0);
    // The user edits the plan; a second init must not lose that.
    let edited = format!("{SHIPPED}\n# my edit\n");
    fs::write(dir.path().join("targets.toml"), &edited).expect("edit the plan");
    let stderr = refused(dir.path(), &["init"]);
    assert_messages(
        &stderr,
        &[&[
            "targets.toml already exists",
            "--force",
            "name another file",
        ]],
    );
    assert_eq!(read(dir.path().join("targets.toml")), edited.as_bytes());
}

#[test]
fn init_with_force_replaces_an_existing_file() {
    let dir = folder(&[("targets.toml", b"# an old plan\n")]);
    let ran = run(dir.path(), &["init", "--force"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(read(dir.path().join("targets.toml")), SHIPPED.as_bytes());
    assert_eq!(file_names(dir.path()), ["targets.toml"]);
}

// --fail-on-miss

/// Runs `dabiao report plan.toml -f csv --fail-on-miss` on `text`; returns
/// the exit status, then the number of goals and of missed goals in the CSV
/// report on stdout.
fn fail_on_miss(text: &str) -> (i32, usize, usize) {
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let ran = run(
        dir.path(),
        &["report", "plan.toml", "-f", "csv", "--fail-on-miss"],
    );
    assert!(
        ran.stdout.starts_with("scenario,metric,"),
        "the report is printed whatever the outcome:\n{}\nstderr:\n{}",
        ran.stdout,
        ran.stderr
    );
    let goals = ran.stdout.lines().count() - 1;
    let missed = ran
        .stdout
        .lines()
        .filter(|l| l.contains(",missed,"))
        .count();
    (ran.code, goals, missed)
}

#[test]
fn fail_on_miss_exits_1_after_printing_when_goals_are_missed() {
    assert_eq!(fail_on_miss(SHIPPED), (1, 8, 3));
}

#[test]
fn fail_on_miss_exits_0_when_every_goal_is_reached() {
    let text = plan(
        "[metrics.gdp]\nbaseline = 100\ngrowth = \"10%\"\ntarget = 150\n\
         rate_target = { at_least = \"9%\" }\n",
    );
    assert_eq!(fail_on_miss(&text), (0, 2, 0));
}

#[test]
fn metrics_are_checked_even_when_the_years_are_unusable() {
    rejects(
        "[plan]\nbase_year = 2015\n\n[metrics.a]\nbaseline = \"10\"\ngrowth = [16, 0.1]\n",
        &[
            &["bad.toml:1:", "field `plan.target_year`", "missing"],
            &[
                "bad.toml:5:",
                "metric `a`, field `baseline`",
                "remove the quotes",
            ],
            &[
                "bad.toml:6:",
                "field `growth`",
                "entry 1: 16 would mean 1600 % a year",
            ],
        ],
    );
}

#[test]
fn goal_hints_fit_the_kind_of_goal() {
    rejects(
        &plan(
            "[metrics.a]\nbaseline = 10\ngrowth = \"5%\"\ntarget = { about = 20 }\n\
             rate_target = { about = \"5%\" }\n\n\
             [metrics.b]\nbaseline = 10\ngrowth = \"5%\"\ntarget = \"150\"\n",
        ),
        &[
            &[
                "metric `a`, field `target`",
                "{ about = 60, tolerance = 3 }",
            ],
            &[
                "metric `a`, field `rate_target`",
                "{ about = \"20%\", tolerance = \"1%\" }",
            ],
            &[
                "metric `b`, field `target`",
                "the string \"150\"; remove the quotes",
            ],
        ],
    );
}

#[test]
fn rates_below_minus_100_percent_are_shown_without_float_noise() {
    rejects(
        &plan("[metrics.a]\nbaseline = 10\ngrowth = \"-100.7%\"\n"),
        &[&["a rate of -100.7 % would wipe the value out"]],
    );
}

#[test]
fn toml_errors_name_the_table_even_after_nested_arrays() {
    rejects(
        &plan("[metrics.a]\nbaseline = 10\ngrowth = [\n[\"5%\"],\n]\ncolour = 1\n"),
        &[&["bad.toml:10:1:", "in [metrics.a]: unknown field `colour`"]],
    );
}

#[test]
fn validate_counts_in_the_singular_too() {
    let dir = folder(&[(
        "one.toml",
        plan("[metrics.a]\nbaseline = 10\ngrowth = \"5%\"\ntarget = 12\n").as_bytes(),
    )]);
    let ran = run(dir.path(), &["validate", "one.toml"]);
    assert_eq!(ran.code, 0);
    assert_eq!(
        ran.stdout,
        "one.toml: valid plan: 1 metric, 1 goal, 2015–2020 (5 projected years)\n"
    );
}

#[test]
fn rate_goal_needs_a_path_between_positive_values() {
    rejects(
        &plan("[metrics.b]\nbaseline = -100\nincrement = 30\nrate_target = \"5%\"\n"),
        &[&[
            "bad.toml:5:",
            "metric `b`, field `rate_target`",
            "needs positive values",
            "from -100 in 2015 to 50 in 2020",
        ]],
    );
}

#[test]
fn non_ascii_keys_are_told_to_be_quoted() {
    // The header is at fault, not the table above it, and the fix shown is
    // the plan's own line, quoted.
    rejects(
        &plan("[metrics.服务业]\nbaseline = 1\ngrowth = 0.1\n"),
        &[&[
            "bad.toml:5:10: in a table's header: invalid unquoted key",
            "must be quoted: [metrics.\"服务业\"]\n",
        ]],
    );
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n\
             [scenarios.节能]  # 节能情景\n",
        ),
        &[&[
            "bad.toml:8:12: in a table's header: invalid unquoted key",
            "must be quoted: [scenarios.\"节能\"]\n",
        ]],
    );
    rejects(
        &plan("[metrics.gdp]\nbaseline = 1\n增长 = 0.1\n"),
        &[&[
            "bad.toml:7:1: in [metrics.gdp]: invalid unquoted key",
            "must be quoted: \"增长\" = 0.1\n",
        ]],
    );
}

#[test]
fn a_comment_after_a_header_does_not_hide_the_table() {
    rejects(
        &plan(
            "[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n\
             [metrics.coal]# 煤炭\nbaseline = 1\ngrwth = 0.1\n",
        ),
        &[&["bad.toml:10:1:", "in [metrics.coal]: unknown field `grwth`"]],
    );
}

#[test]
fn color_is_refused_outside_the_table() {
    let stderr = refuse_usage(&["--format", "csv", "--color", "always"]);
    assert!(
        stderr.contains("--color applies to the terminal table only"),
        "{stderr}"
    );
}

#[test]
fn no_output_may_replace_an_input() {
    let plan = plan("[metrics.a]\nbaseline = 1\ngrowth = 0.1\ntarget = 2\n");
    let csv = "metric,year,value\na,2016,1.1\n";
    let dir = folder(&[("plan.toml", plan.as_bytes()), ("a.csv", csv.as_bytes())]);
    for args in [
        &["chart", "plan.toml", "-o", "plan.toml"][..],
        &[
            "plan.toml",
            "--actuals",
            "a.csv",
            "-f",
            "csv",
            "-o",
            "a.csv",
        ][..],
        &["review", "plan.toml", "--actuals", "a.csv", "-o", "./a.csv"][..],
    ] {
        let stderr = refused(dir.path(), args);
        assert!(
            stderr.contains("write the output to another file"),
            "{stderr}"
        );
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.toml")).unwrap(),
        plan
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.csv")).unwrap(), csv);
}
