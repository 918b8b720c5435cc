//! `report` and `review` of several plans: files and folders, a section per
//! plan for people and one table with a `plan` column for programs, the
//! combined summary, `--by-status`, `--keep-going`, and every refusal.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{
    assert_reviewed, dabiao, folder, ok, plan, records, refused, run, shipped, table_row,
};

/// The example folder of three zone plans, and their names in name order.
const ZONES: &str = "examples/zones";
const ZONE_NAMES: [&str; 3] = ["临港产业区", "经开区", "高新区"];

/// A 2015–2020 plan of one metric `m` growing 10 % a year from `baseline`
/// (to 1.61 × baseline by 2020), with a level goal of `target`.
fn zone(baseline: u32, target: u32) -> String {
    plan(&format!(
        "[metrics.m]\nname = \"投资\"\nbaseline = {baseline}\ngrowth = \"10%\"\ntarget = {target}\n"
    ))
}

/// Standard output of `dabiao args…` from the repository root.
fn root(args: &[&str]) -> String {
    ok(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// The lines after the header of a CSV text.
fn body(csv: &str) -> Vec<&str> {
    csv.lines().skip(1).collect()
}

#[test]
fn csv_of_a_folder_is_each_plan_s_own_csv_after_its_name() {
    for extra in [
        &[][..],
        &["--table", "years"],
        &["--table", "years", "--layout", "wide"],
    ] {
        let all = root(&[&[ZONES, "-f", "csv"][..], extra].concat());
        let mut lines = all.lines();
        let header = lines.next().expect("a header");
        let mut expected = Vec::new();
        for name in ZONE_NAMES {
            let file = format!("{ZONES}/{name}.toml");
            let alone = root(&[&[file.as_str(), "-f", "csv"][..], extra].concat());
            assert_eq!(
                header,
                format!("plan,{}", alone.lines().next().expect("a header")),
                "{extra:?}"
            );
            expected.extend(body(&alone).into_iter().map(|row| format!("{name},{row}")));
        }
        assert_eq!(lines.collect::<Vec<_>>(), expected, "{extra:?}");
    }
}

#[test]
fn json_of_a_folder_names_each_plan_once_and_leads_each_goal_with_it() {
    let all: Value = serde_json::from_str(&root(&[ZONES, "-f", "json"])).expect("JSON");
    let plans = all["plans"].as_array().expect("a plans array");
    let names: Vec<&str> = plans.iter().map(|p| p["plan"].as_str().unwrap()).collect();
    assert_eq!(names, ZONE_NAMES);
    assert_eq!(plans[2]["title"], "高新区“十四五”主要目标（示例数据）");
    assert_eq!(plans[2]["base_year"], 2020);
    let mut goals = all["goals"].as_array().expect("goals").iter();
    let mut series = all["series"].as_array().expect("series").iter();
    for name in ZONE_NAMES {
        let alone: Value =
            serde_json::from_str(&root(&[&format!("{ZONES}/{name}.toml"), "-f", "json"]))
                .expect("JSON");
        for (key, all) in [("goals", &mut goals), ("series", &mut series)] {
            for item in alone[key].as_array().expect("an array") {
                let mut named = serde_json::Map::new();
                named.insert("plan".into(), name.into());
                named.extend(item.as_object().expect("an object").clone());
                let got = all.next().expect("as many items as the plans have");
                assert_eq!(got, &Value::Object(named.clone()));
                // The plan's name comes first.
                assert_eq!(got.as_object().unwrap().keys().next().unwrap(), "plan");
            }
        }
    }
    assert!(goals.next().is_none() && series.next().is_none());
}

#[test]
fn people_read_a_section_per_plan_under_its_name() {
    let table = root(&[ZONES]);
    assert!(table.starts_with("3 plans\n\n临港产业区\n临港产业区“十四五”主要目标（示例数据）\n"));
    let headings: Vec<&str> = table.lines().filter(|l| l.contains(" · ")).collect();
    let expected: Vec<String> = ZONE_NAMES
        .iter()
        .flat_map(|name| {
            ["Goals", "Year by year", "Year-on-year growth"].map(|h| format!("{name} · {h}"))
        })
        .collect();
    assert_eq!(headings, expected);
    // Each plan's section is what it shows alone, below its name.
    let alone = root(&[&format!("{ZONES}/经开区.toml"), "--table", "summary"]);
    let goals = alone.split("\nGoals\n").nth(1).expect("the goals table");
    let section = table
        .split("\n经开区 · Goals\n")
        .nth(1)
        .expect("the section");
    assert!(section.starts_with(goals), "{section}");

    let markdown = root(&[ZONES, "-f", "markdown", "--lang", "zh"]);
    assert!(markdown.starts_with("共 3 个规划\n\n## 临港产业区\n\n临港产业区“十四五”"));
    for name in ZONE_NAMES {
        assert!(
            markdown.contains(&format!("\n## {name} · 目标达成情况\n")),
            "{name}"
        );
    }
}

#[test]
fn the_summary_of_several_plans_is_one_table_led_by_the_plan() {
    let table = root(&[ZONES, "--table", "summary"]);
    assert_reviewed("many_plans__combined_summary", table.clone());
    assert_eq!(table.matches("┌").count(), 1, "one table:\n{table}");
    let rows: Vec<Vec<String>> = ZONE_NAMES
        .iter()
        .map(|name| table_row(&table, name))
        .collect();
    assert_eq!(rows[0][1], "地区生产总值");
    // Each plan's tally, under its name.
    assert!(table.ends_with(
        "临港产业区: 2 of 3 goals reached\n经开区: 1 of 3 goals reached\n高新区: 2 of 3 goals reached\n"
    ));
    let markdown = root(&[
        ZONES, "--table", "summary", "-f", "markdown", "--lang", "zh",
    ]);
    assert!(markdown.contains("\n| 规划       | 指标 "), "{markdown}");
    assert!(
        markdown.contains("\n| 高新区     | 发明专利授权量 "),
        "{markdown}"
    );
}

#[test]
fn plans_with_other_columns_leave_theirs_empty() {
    let binding =
        plan("[metrics.m]\nbaseline = 10\ngrowth = \"10%\"\ntarget = 20\nbinding = true\n");
    let later = zone(10, 20).replace(
        "base_year = 2015\ntarget_year = 2020",
        "base_year = 2016\ntarget_year = 2021",
    );
    let dir = folder(&[("a.toml", binding.as_bytes()), ("b.toml", later.as_bytes())]);
    // The binding column of a's table, empty in b's row.
    let table = ok(dir.path(), &[".", "--table", "summary"]);
    let header = table_row(&table, "Plan");
    let kind = header
        .iter()
        .position(|h| h == "Type")
        .expect("a's Type column");
    assert_eq!(table_row(&table, "a")[kind], "binding");
    assert_eq!(table_row(&table, "b")[kind], "");
    // Each base year its own column; years in order.
    assert!(
        header.contains(&"Baseline 2015".to_owned())
            && header.contains(&"Baseline 2016".to_owned())
    );
    let wide = ok(
        dir.path(),
        &[".", "-f", "csv", "--table", "years", "--layout", "wide"],
    );
    assert!(
        wide.starts_with("plan,scenario,metric,name,unit,2015,2016,2017,2018,2019,2020,2021\n")
    );
    assert_eq!(
        body(&wide),
        [
            "a,base,m,m,,10,11,12.1,13.31,14.641,16.1051,",
            "b,base,m,投资,,,10,11,12.1,13.31,14.641,16.1051"
        ]
    );
}

#[test]
fn a_workbook_of_several_plans_leads_each_sheet_with_the_plan() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("zones.xlsx");
    let out = out.to_str().expect("a UTF-8 path");
    root(&[ZONES, "-o", out]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(out).expect("a workbook");
    use calamine::Reader;
    assert_eq!(book.sheet_names(), ["Goals", "Years"]);
    for sheet in ["Goals", "Years"] {
        let range = book.worksheet_range(sheet).expect("the sheet");
        let first: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(first[0], "Plan", "{sheet}");
        let mut names = first[1..].to_vec();
        names.dedup();
        assert_eq!(names, ZONE_NAMES, "{sheet}");
    }
}

#[test]
fn by_status_counts_the_plans_that_reach_each_shared_goal() {
    // m reaches 161 from 100, 145 from 90, 177 from 110: ≥ 150 in 2 of 3.
    // n grows 10 % a year: a rate goal of 8 % met in a and b, 12 % in c is
    // not; n is in c only, its own goal, so 2 of 3, each plan's own.
    // Only a has `solo`: no row.
    let with = |baseline: u32, rate: &str, solo: bool| {
        let mut text = zone(baseline, 150);
        text.push_str(&format!(
            "[metrics.n]\nbaseline = 5\ngrowth = \"10%\"\nrate_target = {{ at_least = \"{rate}\" }}\n"
        ));
        if solo {
            text.push_str("[metrics.solo]\nbaseline = 1\ngrowth = \"1%\"\ntarget = 9\n");
        }
        text
    };
    let dir = folder(&[
        ("a.toml", with(100, "8%", true).as_bytes()),
        ("b.toml", with(90, "8%", false).as_bytes()),
        ("c.toml", with(110, "12%", false).as_bytes()),
    ]);
    let table = ok(dir.path(), &[".", "--by-status"]);
    assert_eq!(table_row(&table, "投资"), ["投资", "≥ 150", "2 of 3 plans"]);
    assert_eq!(
        table_row(&table, "n"),
        ["n", "avg growth: each plan's own target", "2 of 3 plans"]
    );
    assert!(!table.contains("solo"), "{table}");
    let zh = ok(dir.path(), &[".", "--by-status", "--lang", "zh"]);
    assert_eq!(table_row(&zh, "投资"), ["投资", "≥ 150", "3 个中 2 个"]);
    assert_eq!(table_row(&zh, "n")[1], "年均增长：各规划目标不同");
    let csv = ok(dir.path(), &[".", "--by-status", "-f", "csv"]);
    assert_eq!(
        csv,
        "scenario,metric,name,goal,op,target,reached,plans\n\
         base,m,投资,level,>=,150,2,3\n\
         base,n,n,rate,,,2,3\n"
    );
    let json: Value =
        serde_json::from_str(&ok(dir.path(), &[".", "--by-status", "-f", "json"])).expect("JSON");
    assert_eq!(json["plans"], 3);
    assert_eq!(json["goals"][0]["reached"], 2);
    assert_eq!(json["goals"][1]["target"], Value::Null);
    // Two of the files given by name: b misses m, so 1 of 2.
    let two = ok(dir.path(), &["a.toml", "b.toml", "--by-status"]);
    assert_eq!(table_row(&two, "投资")[2], "1 of 2 plans");
}

#[test]
fn review_of_several_plans_is_each_plan_s_review_after_its_name() {
    for extra in [&[][..], &["--history"], &["--method", "ndrc"]] {
        let all = root(&[&["review", ZONES, "-f", "csv"][..], extra].concat());
        let mut expected = Vec::new();
        for name in ZONE_NAMES {
            let file = format!("{ZONES}/{name}.toml");
            let alone = root(&[&["review", file.as_str(), "-f", "csv"][..], extra].concat());
            expected.extend(body(&alone).into_iter().map(|row| format!("{name},{row}")));
        }
        assert_eq!(body(&all), expected, "{extra:?}");
    }
    let table = root(&["review", ZONES]);
    for name in ZONE_NAMES {
        assert!(table.contains(&format!("\n{name} · Review at the latest actual figures\n")));
    }
}

#[test]
fn plans_are_given_as_files_in_the_order_given() {
    let dir = folder(&[
        ("a.toml", zone(100, 150).as_bytes()),
        ("b.toml", zone(90, 150).as_bytes()),
    ]);
    let csv = ok(dir.path(), &["b.toml", "a.toml", "-f", "csv"]);
    let plans: Vec<String> = records(&csv).iter().map(|r| r["plan"].clone()).collect();
    assert_eq!(plans, ["b", "a"]);
    // --set and --scenario apply to every plan.
    let set = ok(dir.path(), &[".", "-f", "csv", "--set", "m.baseline=200"]);
    assert!(
        records(&set).iter().all(|r| r["baseline"] == "200"),
        "{set}"
    );
}

#[test]
fn a_folder_gives_its_own_plans_not_its_subfolders() {
    let dir = folder(&[
        ("a.toml", zone(100, 150).as_bytes()),
        ("b.TOML", zone(90, 150).as_bytes()),
        ("notes.txt", b"not a plan"),
    ]);
    fs::create_dir(dir.path().join("drafts")).expect("a subfolder");
    fs::write(dir.path().join("drafts/c.toml"), "not even TOML [").expect("a draft");
    let csv = ok(dir.path(), &[".", "-f", "csv"]);
    let plans: Vec<String> = records(&csv).iter().map(|r| r["plan"].clone()).collect();
    assert_eq!(plans, ["a", "b"]);
}

#[test]
fn one_plan_reads_as_it_always_has() {
    let dir = folder(&[("targets.toml", crate::common::SHIPPED.as_bytes())]);
    for format in ["table", "csv", "json", "markdown"] {
        let alone = ok(dir.path(), &["targets.toml", "-f", format]);
        assert_eq!(ok(dir.path(), &[".", "-f", format]), alone, "{format}");
        assert_eq!(ok(dir.path(), &["-f", format]), alone, "{format}");
        assert!(
            !alone.contains("plan,") && !alone.contains("1 plans"),
            "{format}"
        );
    }
    let review = ok(dir.path(), &["review", "targets.toml", "-f", "csv"]);
    assert_eq!(ok(dir.path(), &["review", ".", "-f", "csv"]), review);
}

#[test]
fn the_output_is_the_same_on_any_number_of_threads() {
    let plans: Vec<(String, String)> = (0..12)
        .map(|i| (format!("p{i:02}.toml"), zone(80 + 5 * i, 150)))
        .collect();
    let files: Vec<(&str, &[u8])> = plans
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    let dir = folder(&files);
    for format in ["table", "csv", "json"] {
        let on = |threads: &str| {
            let mut cmd = dabiao();
            cmd.current_dir(dir.path())
                .env("RAYON_NUM_THREADS", threads);
            crate::common::Ran::of(&mut cmd, &[".", "-f", format]).ok()
        };
        let one = on("1");
        assert!(one.contains("p11"));
        assert_eq!(on("3"), one, "{format}");
    }
}

#[test]
fn fail_on_miss_looks_at_every_plan() {
    let dir = folder(&[
        ("a.toml", zone(100, 150).as_bytes()),
        ("b.toml", zone(90, 150).as_bytes()),
    ]);
    let ran = run(dir.path(), &[".", "--fail-on-miss"]);
    assert_eq!(ran.code, 1, "b misses its goal");
    assert!(ran.stdout.contains("b · Goals"));
    let ran = run(dir.path(), &[".", "--by-status", "--fail-on-miss"]);
    assert_eq!(ran.code, 1, "b misses its goal");
    assert!(ran.stdout.contains("1 of 2 plans"));
    assert_eq!(run(dir.path(), &["a.toml", "--fail-on-miss"]).code, 0);
    let ran = run(dir.path(), &["a.toml", "a.toml", "--fail-on-miss"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
}

#[test]
fn every_invalid_plan_is_reported_under_its_name_and_nothing_is_written() {
    let bad = plan("[metrics.m]\nbaseline = 1\n");
    let dir = folder(&[
        ("a.toml", zone(100, 150).as_bytes()),
        ("b.toml", bad.as_bytes()),
        ("c.toml", b"[plan]\nbase_year = 2015\n"),
    ]);
    let stderr = refused(dir.path(), &[".", "-o", "out.csv"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("error: ./b.toml:5: metric `m`")),
        "{stderr}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("error: ./c.toml")),
        "{stderr}"
    );
    assert!(!stderr.contains("a.toml"), "{stderr}");
    assert!(!dir.path().join("out.csv").exists());
    let review = refused(dir.path(), &["review", "b.toml", "c.toml", "a.toml"]);
    assert!(
        review.contains("error: b.toml:5") && review.contains("error: c.toml"),
        "{review}"
    );
    // A plan without the scenario asked is refused under its name.
    let scenario = refused(
        dir.path(),
        &["a.toml", "a.toml/../a.toml", "--scenario", "fast"],
    );
    assert!(scenario.contains("two plans are named `a`"), "{scenario}");
}

#[test]
fn keep_going_writes_the_valid_plans_and_still_fails() {
    let bad = plan("[metrics.m]\nbaseline = 1\n");
    let dir = folder(&[
        ("a.toml", zone(100, 150).as_bytes()),
        ("b.toml", bad.as_bytes()),
        ("c.toml", zone(90, 150).as_bytes()),
    ]);
    let ran = run(dir.path(), &[".", "--keep-going", "-f", "csv"]);
    assert_eq!(ran.code, 2);
    let plans: Vec<String> = records(&ran.stdout)
        .iter()
        .map(|r| r["plan"].clone())
        .collect();
    assert_eq!(plans, ["a", "c"]);
    assert!(
        ran.stderr.starts_with("error: ./b.toml:5: metric `m`"),
        "{}",
        ran.stderr
    );
    let ran = run(
        dir.path(),
        &[
            ".",
            "--keep-going",
            "--by-status",
            "-f",
            "csv",
            "-o",
            "s.csv",
        ],
    );
    assert_eq!(ran.code, 2);
    let written = fs::read_to_string(dir.path().join("s.csv")).expect("written");
    assert_eq!(body(&written), ["base,m,投资,level,>=,150,1,2"]);
    // With no valid plan there is nothing to write.
    let none = refused(dir.path(), &["b.toml", "b.toml/../b.toml", "--keep-going"]);
    assert!(none.contains("two plans are named `b`"), "{none}");
}

#[test]
fn folders_without_plans_clashing_names_and_misfits_are_refused() {
    let dir = folder(&[("a.toml", zone(100, 150).as_bytes())]);
    let path = dir.path();
    fs::create_dir(path.join("empty")).expect("a folder");
    fs::create_dir(path.join("text")).expect("a folder");
    fs::write(path.join("text/readme.txt"), "no plans here").expect("a file");
    fs::create_dir(path.join("other")).expect("a folder");
    fs::write(path.join("other/a.toml"), zone(90, 150)).expect("a plan");
    for folder in ["empty", "text"] {
        let stderr = refused(path, &[".", folder]);
        assert!(
            stderr.contains(&format!("folder {folder} holds no plan")),
            "{stderr}"
        );
    }
    let clash = refused(path, &["a.toml", "other"]);
    assert!(
        clash.contains("two plans are named `a`: a.toml and other/a.toml"),
        "{clash}"
    );
    let twice = refused(path, &["a.toml", "a.toml"]);
    assert!(twice.contains("a.toml is given twice"), "{twice}");
    let one = refused(path, &["a.toml", "--by-status"]);
    assert!(
        one.contains("--by-status counts how many plans reach each goal"),
        "{one}"
    );
    let stdin = refused(path, &["a.toml", "other/a.toml", "-"]);
    assert!(
        stdin.contains("standard input (`-`) holds one plan"),
        "{stdin}"
    );
    let actuals = shipped("examples/actuals-2016-2018.csv");
    let both = refused(path, &["review", "a.toml", "other", "--actuals", &actuals]);
    assert!(
        both.contains("--actuals reads one plan's figures, but 2 plans"),
        "{both}"
    );
}
