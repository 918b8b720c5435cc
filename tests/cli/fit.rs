//! Tables that fit the terminal: every command at 80, 100, 120 and 160
//! columns (from `COLUMNS`, which the binary honours through a pipe) prints
//! no line wider than the width, a Chinese character counting two, and
//! never splits a number; the columns left out are named under the table;
//! `--wide`, a pipe without `COLUMNS` and `-o` draw tables whole.

use std::collections::HashSet;

use unicode_width::UnicodeWidthStr;

use crate::common::{CITY, Ran, assert_reviewed, dabiao, folder, ok, refused, shipped};

const WIDTHS: [usize; 4] = [80, 100, 120, 160];

/// Every command that prints a table or sentences, on both shipped plans,
/// in both languages.
fn runs() -> Vec<Vec<&'static str>> {
    let mut runs = Vec::new();
    for plan in ["targets.toml", CITY] {
        for lang in ["en", "zh"] {
            for command in [
                vec!["report"],
                vec!["sensitivity"],
                vec!["sensitivity", "--table", "break-even"],
                vec!["explain"],
                vec!["review"],
                vec!["report", "--scenario", "all"],
            ] {
                if plan == CITY && command.contains(&"--scenario") {
                    continue;
                }
                let mut args = command;
                args.extend([plan, "--lang", lang]);
                runs.push(args);
            }
        }
    }
    runs.push(vec!["sensitivity", "--metric", "service_investment"]);
    // Tracked against actual figures: the progress columns, the review by
    // an office's method and year by year.
    let tracked = [
        "examples/tracking.toml",
        "--actuals",
        "examples/actuals-2016-2018.csv",
    ];
    for command in [
        vec!["report"],
        vec!["review", "--method", "ndrc"],
        vec!["review", "--history"],
    ] {
        let mut args = command;
        args.extend(tracked);
        runs.push(args);
    }
    runs
}

/// Standard output of `dabiao args…` with `COLUMNS` set to `columns`.
fn at_width(columns: &str, args: &[&str]) -> String {
    Ran::of(dabiao().env("COLUMNS", columns), args).ok()
}

/// The numbers in `text`: runs of digits and points that start with a digit.
fn numbers(text: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            found.insert(std::mem::take(&mut current));
        }
    }
    found
}

#[test]
fn every_command_fits_80_to_160_columns_and_splits_no_number() {
    for args in runs() {
        let whole = Ran::of(&mut dabiao(), &args).ok();
        let whole_numbers = numbers(&whole);
        for width in WIDTHS {
            let fitted = at_width(&width.to_string(), &args);
            for line in fitted.lines() {
                assert!(
                    line.width() <= width,
                    "`dabiao {}` at {width} columns prints a line {} wide:\n{line}\n\n{fitted}",
                    args.join(" "),
                    line.width()
                );
            }
            // A note names the columns left out, and is there only then.
            assert!(
                !fitted.contains("terminal: ;") && !fitted.contains("未显示：；"),
                "`dabiao {}` at {width} columns names no column left out:\n{fitted}",
                args.join(" ")
            );
            for number in numbers(&fitted) {
                assert!(
                    whole_numbers.contains(&number),
                    "`dabiao {}` at {width} columns splits a number: {number}\n\n{fitted}",
                    args.join(" ")
                );
            }
        }
    }
}

#[test]
fn the_shipped_report_at_80_columns_in_english() {
    assert_reviewed(
        "fit__report_80_columns_in_english",
        at_width("80", &["--lang", "en"]),
    );
}

#[test]
fn the_shipped_report_at_80_columns_in_chinese() {
    assert_reviewed(
        "fit__report_80_columns_in_chinese",
        at_width("80", &["--lang", "zh"]),
    );
}

#[test]
fn columns_left_out_are_named_under_the_table() {
    let fitted = at_width("80", &[CITY, "--table", "summary"]);
    // The note, its lines joined as it was written.
    let note = fitted.replace('\n', " ");
    let note = note
        .split_once("Left out to fit the terminal:")
        .and_then(|(_, rest)| rest.split_once("shows them"))
        .map_or("", |(note, _)| note);
    for column in [
        "Unit",
        "Baseline 2020",
        "Required rate",
        "Rate needed from now",
    ] {
        assert!(note.contains(column), "{column} is named:\n{fitted}");
    }
    assert!(note.ends_with("--wide or -f csv "), "{fitted}");
    // What is kept is what is never left out.
    for header in ["Metric", "Goal", "Projected", "Status"] {
        assert!(fitted.contains(header), "{header} is kept:\n{fitted}");
    }
    let chinese = at_width("80", &[CITY, "--table", "summary", "--lang", "zh"]);
    assert!(
        chinese.contains("为适应终端宽度未显示：单位、"),
        "{chinese}"
    );
}

#[test]
fn below_60_columns_each_row_is_a_block_of_labelled_lines() {
    let blocks = at_width("50", &["--table", "summary"]);
    assert!(!blocks.contains('┆'), "no table:\n{blocks}");
    for line in [
        "Metric: 服务业投资",
        "Goal: ≥ 150",
        "Status: ✘ missed",
        "Year reached: 2021",
    ] {
        assert!(blocks.lines().any(|l| l == line), "{line}:\n{blocks}");
    }
    assert!(blocks.lines().all(|l| l.width() <= 50), "{blocks}");
    let chinese = at_width("50", &["--table", "summary", "--lang", "zh"]);
    assert!(chinese.lines().any(|l| l == "目标：≥ 150"), "{chinese}");
}

#[test]
fn wide_piped_and_written_tables_are_whole() {
    let whole = Ran::of(&mut dabiao(), &[CITY]).ok();
    assert!(
        whole.lines().any(|l| l.width() > 160),
        "the city report is wide"
    );
    assert_eq!(at_width("80", &[CITY, "--wide"]), whole);
    // A width the table fits in changes nothing.
    assert_eq!(at_width("1000", &[CITY]), whole);
    // COLUMNS that is not a positive number is ignored, as other tools do.
    for ignored in ["0", "-80", "-5", "eighty", "abc", "", " "] {
        assert_eq!(at_width(ignored, &[CITY]), whole, "COLUMNS={ignored:?}");
    }
    let dir = folder(&[]);
    let city = shipped(CITY);
    ok(dir.path(), &[&city, "-o", "out.txt"]);
    let written = Ran::of(
        dabiao().current_dir(dir.path()).env("COLUMNS", "80"),
        &[&city, "-o", "report.txt"],
    )
    .ok();
    assert_eq!(written, "");
    let file = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert_eq!(file, whole);
}

#[test]
fn wide_is_refused_where_every_column_is_always_written() {
    let dir = folder(&[]);
    let plan = shipped("targets.toml");
    for format in ["csv", "json"] {
        let stderr = refused(dir.path(), &[&plan, "--wide", "-f", format]);
        assert!(
            stderr.contains("--wide applies to the terminal table"),
            "{stderr}"
        );
    }
    ok(dir.path(), &[&plan, "--wide", "-f", "markdown"]);
    ok(dir.path(), &["sensitivity", &plan, "--wide"]);
}
