//! Hostile input: plans, actuals files and arguments written to do harm or
//! to swamp the reader. Control characters must never reach the terminal
//! raw, messages stay few and short, and each problem is blamed on the file,
//! row or argument that caused it.

use crate::common::{Ran, folder, plan, refused, run};

/// Whether `text` holds a control character that moves or recolours a
/// terminal: any but tab and newline.
fn has_raw_controls(text: &str) -> bool {
    text.contains(|c: char| c.is_control() && c != '\t' && c != '\n')
}

/// Asserts that neither standard output nor standard error of `ran` holds a
/// raw control character, and gives `ran` back.
fn assert_no_raw_controls(ran: Ran, what: &str) -> Ran {
    assert!(
        !has_raw_controls(&ran.stdout) && !has_raw_controls(&ran.stderr),
        "{what}: a raw control character reached the output\nstdout:\n{:?}\nstderr:\n{:?}",
        ran.stdout,
        ran.stderr
    );
    ran
}

/// A plan whose every free text sets the terminal's title, clears the screen
/// or recolours it: ESC, BEL, CR, DEL and C1 (CSI) characters.
const HOSTILE_TEXTS: &str = "[plan]\ntitle = \"T\\u001b]0;pwned\\u0007X\"\n\
     source = \"S\\u009b31m\\r\"\nbase_year = 2015\ntarget_year = 2020\n\n\
     [metrics.gdp]\nname = \"N\\u001b]0;pwned\\u0007X\"\nunit = \"\\u007f%\"\n\
     baseline = 1\ngrowth = 0.1\ntarget = 2\nactual = { 2016 = 1.2 }\n\n\
     [scenarios.slow]\ndescription = \"D\\u001b[2J\"\ngrowth_shift = -0.01\n";

#[test]
fn texts_of_a_plan_reach_no_output_with_raw_control_characters() {
    let dir = folder(&[("p.toml", HOSTILE_TEXTS.as_bytes())]);
    let commands: [&[&str]; 12] = [
        &["report", "p.toml"],
        &["report", "p.toml", "--scenario", "all"],
        &["report", "p.toml", "--format", "markdown"],
        &["report", "p.toml", "--format", "csv"],
        &["report", "p.toml", "--format", "csv", "--table", "years"],
        &["report", "p.toml", "--format", "json"],
        &["explain", "p.toml"],
        &["review", "p.toml"],
        &["sensitivity", "p.toml", "--scenario", "all"],
        &["sensitivity", "p.toml", "--format", "csv"],
        &["chart", "p.toml", "-o", "-"],
        &["validate", "p.toml"],
    ];
    for args in commands {
        let out = assert_no_raw_controls(run(dir.path(), args), &args.join(" ")).ok();
        if args == ["report", "p.toml"] {
            assert!(out.contains("N\\u{1b}]0;pwned\\u{7}X"), "{out}");
            assert!(out.contains("T\\u{1b}]0;pwned\\u{7}X"), "{out}");
        }
    }
}

#[test]
fn messages_quoting_a_plan_an_actuals_file_or_an_argument_escape_control_characters() {
    let quoted_value = plan("[metrics.gdp]\nbaseline = \"\\u001b[2J\"\ngrowth = 0.1\n");
    let raw_in_source_line = plan("[metrics.gdp]\nbaseline = \u{1b}]0;pwned\u{7}\n");
    let unknown_id = "metric,year,value\n\u{1b}]0;pwned\u{7},2016,1\n";
    let bad_value = "metric,year,value\ngdp,2016,\u{9b}1\n";
    let good = plan("[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n");
    let dir = folder(&[
        ("quoted.toml", quoted_value.as_bytes()),
        ("raw.toml", raw_in_source_line.as_bytes()),
        ("good.toml", good.as_bytes()),
        ("a.csv", unknown_id.as_bytes()),
        ("b.csv", bad_value.as_bytes()),
        ("\u{1b}]0;name\u{7}.toml", good.as_bytes()),
    ]);
    let cases: [(&[&str], &str); 8] = [
        (&["validate", "quoted.toml"], "the string \"\\u{1b}[2J\""),
        (
            &["validate", "raw.toml"],
            "baseline = \\u{1b}]0;pwned\\u{7}",
        ),
        (
            &["validate", "good.toml", "--actuals", "a.csv"],
            "metric `\\u{1b}]0;pwned\\u{7}`",
        ),
        (
            &["validate", "good.toml", "--actuals", "b.csv"],
            "\"\\u{9b}1\" is not a number",
        ),
        (
            &["validate", "good.toml", "--set", "gdp.growth\u{1b}[2J=1"],
            "--set gdp.growth\\u{1b}[2J=1",
        ),
        (
            &["validate", "missing\u{1b}]0;x\u{7}.toml"],
            "missing\\u{1b}]0;x\\u{7}.toml",
        ),
        (
            &["sensitivity", "good.toml", "--metric", "\u{1b}[2J"],
            "--metric \\u{1b}[2J",
        ),
        (
            &["report", "good.toml", "--format", "\u{1b}]0;pwned\u{7}"],
            "invalid value",
        ),
    ];
    for (args, shown) in cases {
        let ran = assert_no_raw_controls(run(dir.path(), args), &args.join(" "));
        let stderr = ran.refused();
        assert!(stderr.contains(shown), "expected {shown:?} in:\n{stderr}");
    }
    let raw_caret = refused(dir.path(), &["validate", "raw.toml"]);
    let lines: Vec<&str> = raw_caret.lines().collect();
    let (source, caret) = (lines[lines.len() - 2], lines[lines.len() - 1]);
    assert_eq!(
        caret.find('^'),
        source.find("]0;pwned"),
        "the caret is under the character the reader stopped at, past the escape:\n{raw_caret}"
    );
    let summary = assert_no_raw_controls(
        run(dir.path(), &["validate", "\u{1b}]0;name\u{7}.toml"]),
        "validate of a file whose name holds ESC",
    )
    .ok();
    assert!(
        summary.starts_with("\\u{1b}]0;name\\u{7}.toml: valid plan"),
        "{summary}"
    );
}

#[test]
fn a_file_of_many_bad_rows_shows_the_first_twenty_problems_and_counts_the_rest() {
    let mut csv = String::from("metric,year,value\n");
    for i in 0..200_000 {
        csv.push_str(&format!("m{},2016,abc\n", i % 10));
    }
    let good = plan("[metrics.m0]\nbaseline = 1\ngrowth = 0.1\n");
    let dir = folder(&[("p.toml", good.as_bytes()), ("bad.csv", csv.as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "p.toml", "--actuals", "bad.csv"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 21, "{stderr}");
    assert!(lines[19].starts_with("error: bad.csv:21: metric `m9`: 2016: \"abc\""));
    assert_eq!(
        lines[20],
        "error: bad.csv: and 199980 more problems, not shown; fix the first 20 and run again"
    );

    let metrics: String = (0..30)
        .map(|i| format!("[metrics.m{i}]\ngrowth = 0.1\n"))
        .collect();
    let dir = folder(&[("p.toml", plan(&metrics).as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "p.toml"]);
    assert_eq!(stderr.lines().count(), 21, "{stderr}");
    assert!(stderr.ends_with(
        "error: p.toml: and 10 more problems, not shown; fix the first 20 and run again\n"
    ));
}

#[test]
fn rows_of_a_file_with_old_mac_line_ends_are_counted_as_lines() {
    let good = plan("[metrics.m0]\nbaseline = 1\ngrowth = 0.1\n");
    let dir = folder(&[
        ("p.toml", good.as_bytes()),
        (
            "cr.csv",
            b"metric,year,value\rm0,2016,1\rm0,2017,x\r\rm0,2018,y\r",
        ),
    ]);
    let stderr = refused(dir.path(), &["validate", "p.toml", "--actuals", "cr.csv"]);
    assert_eq!(
        stderr,
        "error: cr.csv:3: metric `m0`: 2017: \"x\" is not a number\n\
         error: cr.csv:5: metric `m0`: 2018: \"y\" is not a number\n"
    );
    let cr_plan = good.replace('\n', "\r");
    let dir = folder(&[("cr.toml", cr_plan.as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "cr.toml"]);
    assert!(
        stderr.starts_with("error: cr.toml:2:1: in [plan]: ")
            && stderr.contains("\n 2 | base_year = 2015\n"),
        "{stderr}"
    );
}

#[test]
fn a_key_nested_beyond_the_toml_reader_is_refused_at_its_line() {
    let key = vec!["a"; 100_000].join(".");
    let dir = folder(&[
        ("header.toml", plan(&format!("[{key}]\n")).as_bytes()),
        (
            "array.toml",
            plan(&format!("x = {}\n", "[".repeat(100_000))).as_bytes(),
        ),
    ]);
    let stderr = refused(dir.path(), &["validate", "header.toml"]);
    assert!(
        stderr.starts_with("error: header.toml:5: a key of 100000 dotted parts"),
        "{stderr}"
    );
    let stderr = refused(dir.path(), &["validate", "array.toml"]);
    assert!(stderr.starts_with("error: array.toml:5:"), "{stderr}");
    for stderr in [stderr, refused(dir.path(), &["validate", "header.toml"])] {
        assert!(stderr.len() < 1_000, "an echoed line is cut:\n{stderr}");
    }
}

#[test]
fn an_overflow_is_blamed_on_the_csv_row_or_the_argument_that_caused_it() {
    let overflowing = "the path leaves the range of numbers a computer can hold";
    let text = plan(
        "[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n\n\
         [metrics.jobs]\nbaseline = 1\ngrowth = 0.1\nactual = { 2017 = 1.7e308 }\n",
    );
    let good = plan("[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n");
    let dir = folder(&[
        ("p.toml", text.as_bytes()),
        ("good.toml", good.as_bytes()),
        (
            "a.csv",
            b"metric,year,value\ngdp,2016,2\ngdp,2017,1.7e308\n",
        ),
    ]);
    let from_csv = refused(dir.path(), &["validate", "good.toml", "--actuals", "a.csv"]);
    assert_eq!(
        from_csv,
        format!(
            "error: a.csv:3: metric `gdp`: {overflowing} (about ±1.8e308) in 2018, going from \
             the actual figure for 2017; check that figure for a misplaced digit\n"
        )
    );
    let from_plan_figure = refused(dir.path(), &["validate", "p.toml"]);
    assert!(
        from_plan_figure.starts_with("error: p.toml:12: metric `jobs`: "),
        "the plan's own figure is blamed at its `actual` line:\n{from_plan_figure}"
    );
    let args = [
        "validate",
        "good.toml",
        "--set",
        "gdp.baseline=1e308",
        "--set",
        "gdp.growth=100%",
        "--set",
        "gdp.target=1",
    ];
    let from_set = refused(dir.path(), &args);
    assert!(
        from_set.starts_with(&format!(
            "error: good.toml: --set gdp.baseline=1e308, --set gdp.growth=100%: \
             metric `gdp`: {overflowing}"
        )),
        "{from_set}"
    );
}
