//! Spreadsheets as partners: the workbooks `-f xlsx` writes, read back cell
//! by cell with calamine (and, where LibreOffice is installed, converted by
//! it and compared with the CSV), and actual figures read from workbooks
//! and from wide CSV, with every problem of a file named at once.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::common::{SHIPPED, dabiao, folder, ok, plan, records, refused};

/// Every sheet of the workbook at `path`, by name, as rows of cells from A1.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("the sheet reads");
            let (first_row, first_col) = range.start().unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); first_row as usize];
            rows.extend(range.rows().map(|cells| {
                let mut row = vec![Data::Empty; first_col as usize];
                row.extend(cells.iter().cloned());
                row
            }));
            (name, rows)
        })
        .collect()
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    sheets(path)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
        .1
}

/// One part of the workbook's zip archive, as text.
fn part(path: &Path, name: &str) -> String {
    let file = fs::File::open(path).expect("the workbook opens");
    let mut archive = zip::ZipArchive::new(file).expect("a workbook is a zip archive");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"))
        .read_to_string(&mut text)
        .expect("the part is text");
    text
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

/// Every cell below the header, against the CSV of the same table: a
/// number exactly the number CSV writes, a text the same text, a blank a
/// blank.
fn assert_cells_match(sheet: &[Vec<Data>], csv: &str, what: &str) {
    let expected = csv_rows(csv);
    assert_eq!(sheet.len(), expected.len(), "{what}: rows");
    for (r, (row, want)) in sheet.iter().zip(&expected).enumerate().skip(1) {
        assert_eq!(row.len(), want.len(), "{what}: row {r} has {row:?}");
        for (c, (cell, want)) in row.iter().zip(want).enumerate() {
            let place = format!("{what}: row {}, column {}", r + 1, c + 1);
            match (cell, want.parse::<f64>()) {
                (Data::Empty, _) => assert_eq!(want, "", "{place}"),
                (Data::Float(x), Ok(number)) => assert_eq!(*x, number, "{place}"),
                (Data::String(s), Err(_)) => assert_eq!(s, want, "{place}"),
                (Data::Bool(b), Err(_)) => assert_eq!(b.to_string(), *want, "{place}"),
                (other, _) => panic!("{place}: {other:?} where CSV has {want:?}"),
            }
        }
    }
}

/// The header cells of a sheet, as text (a year as its number).
fn header(sheet: &[Vec<Data>]) -> Vec<String> {
    sheet[0].iter().map(|d| d.to_string()).collect()
}

const SUMMARY_HEADER_EN: [&str; 28] = [
    "Scenario",
    "Metric",
    "Name",
    "Unit",
    "Goal type",
    "Comparison",
    "Target",
    "Tolerance",
    "Base year",
    "Baseline",
    "Target year",
    "Projected",
    "Status",
    "Gap",
    "Attainment",
    "Required rate",
    "Year reached",
    "Latest year",
    "Latest actual",
    "Plan path value",
    "Better than plan",
    "Progress",
    "Expected progress",
    "Time elapsed",
    "Rate needed from now",
    "In step with",
    "Binding",
    "Schedule",
];

#[test]
fn every_cell_of_the_report_workbook_is_the_csv_cell_as_a_typed_value() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    for (lang, names) in [
        ("en", ["Goals", "Years", "Charts"]),
        ("zh", ["目标", "逐年", "图表"]),
    ] {
        let book = dir.path().join(format!("{lang}.xlsx"));
        let args = ["plan.toml", "--scenario", "all", "--lang", lang];
        let mut write = args.to_vec();
        write.extend(["-o", book.to_str().unwrap()]);
        assert_eq!(ok(dir.path(), &write), "", "a workbook goes to its file");
        let found: Vec<String> = sheets(&book).into_iter().map(|(n, _)| n).collect();
        assert_eq!(found, names);
        let mut summary = args.to_vec();
        summary.extend(["-f", "csv"]);
        let goals = sheet(&book, names[0]);
        assert_cells_match(&goals, &ok(dir.path(), &summary), names[0]);
        let mut years = args.to_vec();
        years.extend(["-f", "csv", "--table", "years", "--layout", "wide"]);
        let by_year = sheet(&book, names[1]);
        assert_cells_match(&by_year, &ok(dir.path(), &years), names[1]);
        let year_headers: Vec<Data> = by_year[0][4..].to_vec();
        assert_eq!(
            year_headers,
            (2015..=2020)
                .map(|y| Data::Float(y.into()))
                .collect::<Vec<_>>(),
            "years head their columns as numbers"
        );
        match lang {
            "en" => assert_eq!(header(&goals), SUMMARY_HEADER_EN),
            _ => {
                assert_eq!(
                    header(&goals)[..4],
                    ["情景", "指标代码", "指标名称", "单位"]
                );
                assert_eq!(header(&goals)[15], "所需年均增速");
                assert_eq!(
                    header(&by_year)[..4],
                    ["情景", "指标代码", "指标名称", "单位"]
                );
            }
        }
    }
}

#[test]
fn sensitivity_and_review_workbooks_hold_their_tables() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    ok(dir.path(), &["sensitivity", "plan.toml", "-o", "s.xlsx"]);
    let book = dir.path().join("s.xlsx");
    let names: Vec<String> = sheets(&book).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Sensitivity", "Break-even"]);
    let grid = ok(dir.path(), &["sensitivity", "plan.toml", "-f", "csv"]);
    assert_cells_match(&sheet(&book, "Sensitivity"), &grid, "grid");
    let break_even = ok(
        dir.path(),
        &[
            "sensitivity",
            "plan.toml",
            "-f",
            "csv",
            "--table",
            "break-even",
        ],
    );
    assert_cells_match(&sheet(&book, "Break-even"), &break_even, "break-even");

    let tracking = crate::common::shipped("examples/tracking.toml");
    let actuals = crate::common::shipped("examples/actuals-2016-2018.csv");
    let review = ["review", &tracking, "--actuals", &actuals, "--lang", "zh"];
    let mut write = review.to_vec();
    write.extend(["-o", "r.xlsx"]);
    ok(dir.path(), &write);
    let mut csv = review.to_vec();
    csv.extend(["-f", "csv"]);
    let book = dir.path().join("r.xlsx");
    assert_cells_match(&sheet(&book, "评估"), &ok(dir.path(), &csv), "review");
    assert_eq!(header(&sheet(&book, "评估"))[16], "结论");
}

#[test]
fn the_workbook_is_frozen_filtered_fitted_filled_and_charted() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    ok(dir.path(), &["plan.toml", "--lang", "zh", "-o", "out.xlsx"]);
    let book = dir.path().join("out.xlsx");
    let goals = part(&book, "xl/worksheets/sheet1.xml");
    assert!(
        goals.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{goals}"
    );
    // Eight goals under the header, 28 columns: A1:AB9.
    assert!(goals.contains(r#"<autoFilter ref="A1:AB9"/>"#), "{goals}");
    // The names column (C) fits 高新技术产业产值占规模以上工业增加值比重:
    // 20 characters, each two columns wide.
    let name_width: f64 = goals
        .split("<col ")
        .find(|c| c.contains(r#"min="3" max="3""#))
        .and_then(|c| c.split("width=\"").nth(1))
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .expect("column C has a width");
    assert!(name_width >= 40.0, "{name_width}");
    let styles = part(&book, "xl/styles.xml");
    for fill in ["FFC6EFCE", "FFFFC7CE"] {
        assert!(
            styles.contains(fill),
            "the reached and missed fills: {styles}"
        );
    }
    assert!(styles.contains(r#"formatCode="0.00%""#), "{styles}");
    assert!(styles.contains(r##"formatCode="#,##0.00""##), "{styles}");
    // One native line chart per metric with a level goal: six.
    for n in 1..=6 {
        let chart = part(&book, &format!("xl/charts/chart{n}.xml"));
        assert!(chart.contains("<c:lineChart>"), "{chart}");
        assert!(
            chart.contains(r#"<c:legendPos val="b"/>"#),
            "legend under the plot"
        );
        assert!(
            chart.contains("逐年!$E$1:$J$1"),
            "years from the Years sheet: {chart}"
        );
        assert!(
            chart.contains(r#"<a:prstDash val="dash"/>"#),
            "the goal dashed"
        );
    }
    let charts = sheet(&book, "图表");
    assert_eq!(header(&charts)[..3], ["指标名称", "目标", "2015"]);
    assert_eq!(
        charts[1][..3],
        [
            Data::String("服务业投资".into()),
            Data::String("≥ 150".into()),
            Data::Float(150.0),
        ]
    );
}

#[test]
fn a_workbook_is_asked_by_name_or_format_and_never_holds_text() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    // Inferred from the extension, whatever its case.
    ok(dir.path(), &["plan.toml", "-o", "out.XLSX"]);
    let bytes = fs::read(dir.path().join("out.XLSX")).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
    // Standard output that is not a terminal takes it.
    let piped = dabiao()
        .current_dir(dir.path())
        .args(["plan.toml", "-f", "xlsx"])
        .output()
        .expect("dabiao runs");
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip archive");
    for (args, says) in [
        (
            vec!["plan.toml", "-f", "csv", "-o", "x.xlsx"],
            "--output x.xlsx names a workbook",
        ),
        (
            vec!["plan.toml", "-o", "x.xlsx", "--bom"],
            "--bom applies to CSV",
        ),
        (
            vec![
                "plan.toml",
                "-o",
                "x.xlsx",
                "--table",
                "years",
                "--layout",
                "wide",
            ],
            "--layout applies",
        ),
        (
            vec!["plan.toml", "-o", "x.xlsx", "--color", "always"],
            "--color",
        ),
        (
            vec!["explain", "plan.toml", "-o", "x.xlsx"],
            "explain writes sentences",
        ),
    ] {
        let stderr = refused(dir.path(), &args);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!dir.path().join("x.xlsx").exists(), "nothing written");
    }
}

#[test]
fn a_failed_run_leaves_the_workbook_as_it_was() {
    let dir = folder(&[
        ("plan.toml", SHIPPED.as_bytes()),
        ("bad.toml", b"[plan]\nbase_year = 2015\n"),
    ]);
    ok(dir.path(), &["plan.toml", "-o", "out.xlsx"]);
    let before = fs::read(dir.path().join("out.xlsx")).unwrap();
    refused(dir.path(), &["bad.toml", "-o", "out.xlsx"]);
    assert_eq!(fs::read(dir.path().join("out.xlsx")).unwrap(), before);
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".dabiao-"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left");
}

/// `soffice` on the search path, if LibreOffice is installed.
fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("soffice"))
        .find(|p| p.is_file())
}

/// A number as LibreOffice writes it in CSV: "95.2154884778667%" is a percentage.
fn libreoffice_number(text: &str) -> Option<f64> {
    match text.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|x| x / 100.0),
        None => text.parse().ok(),
    }
}

#[test]
fn libreoffice_reads_the_numbers_dabiao_wrote() {
    let Some(soffice) = soffice() else {
        eprintln!(
            "skipped: LibreOffice (soffice) is not installed, so the workbook is not converted; \
             the calamine tests still read every cell"
        );
        return;
    };
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    let args = ["plan.toml", "--scenario", "all"];
    let mut write = args.to_vec();
    write.extend(["-o", "book.xlsx"]);
    ok(dir.path(), &write);
    let profile = format!("file://{}/profile", dir.path().display());
    // Every sheet to its own CSV file (the last option, -1), values as
    // stored rather than as shown.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    let mut child = Command::new(soffice)
        .current_dir(dir.path())
        .args([
            &format!("-env:UserInstallation={profile}"),
            "--headless",
            "--convert-to",
            filter,
            "--outdir",
            "converted",
            "book.xlsx",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("soffice starts");
    let started = Instant::now();
    while child.try_wait().expect("soffice runs").is_none() {
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("soffice did not finish converting within three minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let converted = |sheet: &str| {
        fs::read_to_string(dir.path().join(format!("converted/book-{sheet}.csv")))
            .unwrap_or_else(|e| panic!("LibreOffice wrote no CSV for {sheet}: {e}"))
    };
    let mut summary = args.to_vec();
    summary.extend(["-f", "csv"]);
    let mut years = args.to_vec();
    years.extend(["-f", "csv", "--table", "years", "--layout", "wide"]);
    for (sheet, ours) in [("Goals", summary), ("Years", years)] {
        let theirs = csv_rows(&converted(sheet));
        let ours = csv_rows(&ok(dir.path(), &ours));
        assert_eq!(theirs.len(), ours.len(), "{sheet}: rows");
        let mut numbers = 0;
        for (r, (their_row, our_row)) in theirs.iter().zip(&ours).enumerate().skip(1) {
            for (c, (theirs, ours)) in their_row.iter().zip(our_row).enumerate() {
                let place = format!("{sheet} row {} column {}", r + 1, c + 1);
                match (libreoffice_number(theirs), ours.parse::<f64>()) {
                    (Some(theirs), Ok(ours)) => {
                        numbers += 1;
                        let slack = 1e-12 * ours.abs().max(1e-300);
                        assert!((theirs - ours).abs() <= slack, "{place}: {theirs} ≠ {ours}");
                    }
                    // A boolean, which CSV writes in lower case.
                    _ if matches!(ours.as_str(), "true" | "false") => {
                        assert_eq!(theirs.to_lowercase(), *ours, "{place}")
                    }
                    _ => assert_eq!(theirs, ours, "{place}"),
                }
            }
        }
        assert!(numbers > 50, "{sheet}: only {numbers} numbers compared");
    }
}

// Actual figures from workbooks and wide CSV.

/// The long years table of `plan.toml` in `dir` with `extra` arguments:
/// (metric, year) → (value, source).
fn years_of(dir: &Path, extra: &[&str]) -> HashMap<(String, i32), (f64, String)> {
    let mut args = vec!["plan.toml", "-f", "csv", "--table", "years"];
    args.extend_from_slice(extra);
    records(&ok(dir, &args))
        .into_iter()
        .map(|r| {
            (
                (r["metric"].clone(), r["year"].parse().unwrap()),
                (r["value"].parse().unwrap(), r["source"].clone()),
            )
        })
        .collect()
}

#[test]
fn a_workbook_filled_in_by_hand_round_trips() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    ok(
        dir.path(),
        &["plan.toml", "--lang", "zh", "-o", "plan.xlsx"],
    );
    // The planner types the figures for 2016–2018 over the projections in
    // the Years sheet, and clears the years not yet published and the
    // shares, which follow their parts.
    let mut book = rust_xlsxwriter::Workbook::new();
    let mut typed: Vec<(String, i32, f64)> = Vec::new();
    for (name, rows) in sheets(&dir.path().join("plan.xlsx")) {
        let out = book.add_worksheet().set_name(&name).unwrap();
        for (r, row) in (0u32..).zip(&rows) {
            let id = row.get(1).map(|d| d.to_string()).unwrap_or_default();
            let share = row.get(3) == Some(&Data::String("%".into()));
            for (c, cell) in (0u16..).zip(row) {
                let year = 2015 + i32::from(c) - 4;
                let edited = name == "逐年" && r > 0 && (2016..=2020).contains(&year);
                let typed_over = edited && !share && year <= 2018;
                match cell {
                    Data::Float(x) if typed_over => {
                        // To one decimal, as typed.
                        let figure = (x * (10.0 + 0.1 * f64::from(r))).round() / 10.0;
                        out.write_number(r, c, figure).unwrap();
                        typed.push((id.clone(), year, figure));
                    }
                    // Cleared.
                    Data::Float(_) if edited => {}
                    Data::Float(x) => drop(out.write_number(r, c, *x).unwrap()),
                    Data::String(s) => drop(out.write_string(r, c, s).unwrap()),
                    _ => {}
                }
            }
        }
    }
    book.save(dir.path().join("filled.xlsx")).unwrap();
    // Eight metrics that are no shares, three years each.
    assert_eq!(typed.len(), 24);
    let summary = ok(
        dir.path(),
        &["validate", "plan.toml", "--actuals", "filled.xlsx#逐年"],
    );
    assert!(summary.contains("24 actual figures"), "{summary}");
    let read = years_of(dir.path(), &["--actuals", "filled.xlsx#逐年"]);
    for (id, year, figure) in typed {
        assert_eq!(
            read[&(id.clone(), year)],
            (figure, "actual".to_owned()),
            "{id} {year}"
        );
        assert_eq!(read[&(id.clone(), 2019)].1, "projected", "{id}");
    }
}

#[test]
fn the_wide_csv_and_workbook_dabiao_writes_read_back_as_actual_figures() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    let projected = years_of(dir.path(), &[]);
    ok(
        dir.path(),
        &[
            "plan.toml",
            "-f",
            "csv",
            "--table",
            "years",
            "--layout",
            "wide",
            "-o",
            "years.csv",
        ],
    );
    ok(dir.path(), &["plan.toml", "-o", "book.xlsx"]);
    for actuals in ["years.csv", "book.xlsx#Years"] {
        let read = years_of(dir.path(), &["--actuals", actuals]);
        for ((id, year), (value, source)) in &read {
            let (planned, _) = projected[&(id.clone(), *year)];
            assert_eq!(*value, planned, "{actuals}: {id} {year}");
            // The base year repeats the baseline; every later year is a figure.
            let expected = if *year == 2015 { "baseline" } else { "actual" };
            assert_eq!(source, expected, "{actuals}: {id} {year}");
        }
    }
}

#[test]
fn every_problem_of_an_actuals_file_is_reported_in_one_run() {
    let csv = "metric,year,value\n\
               gdp,20x6,1\n\
               gdp,2016,abc\n\
               gdp,2017,\n\
               gdp,2018,inf\n\
               nope,2016,5\n";
    let text = plan("[metrics.gdp]\nbaseline = 420\ngrowth = 0.09\n");
    let dir = folder(&[("plan.toml", text.as_bytes()), ("a.csv", csv.as_bytes())]);
    let stderr = refused(dir.path(), &["validate", "plan.toml", "--actuals", "a.csv"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: a.csv:2: metric `gdp`: year \"20x6\" is not a year such as 2017",
            "error: a.csv:3: metric `gdp`: 2016: \"abc\" is not a number",
            "error: a.csv:5: metric `gdp`: 2018: \"inf\" is not a finite number",
            "error: a.csv:6: metric `nope`: 2016: not a metric of the plan; metrics: gdp",
        ]
    );
}

/// Two metrics named 产值, a share in %, and GDP by its Chinese name.
const NAMED: &str = "[metrics.gdp]\nname = \"地区生产总值\"\nunit = \"亿元\"\nbaseline = 420\ngrowth = 0.09\n\
[metrics.a]\nname = \"产值\"\nbaseline = 10\ngrowth = 0.1\n\
[metrics.b]\nname = \"产值\"\nbaseline = 20\ngrowth = 0.1\n\
[metrics.share]\nratio = { numerator = \"a\", denominator = \"gdp\" }\ntarget = 5\n";

#[test]
fn a_wide_csv_takes_names_blanks_percent_signs_and_full_width_digits() {
    let csv = "指标,单位,2016,2017年,2018\n\
               地区生产总值,亿元,455.2,,\"５００，０\"\n\
               share,%,2.5%,２．６,\n\
               a,,11,,\n";
    let text = plan(NAMED);
    let dir = folder(&[("plan.toml", text.as_bytes()), ("w.csv", csv.as_bytes())]);
    let read = years_of(dir.path(), &["--actuals", "w.csv"]);
    let actual = |id: &str, year: i32| {
        let (value, source) = &read[&(id.to_owned(), year)];
        assert_eq!(source, "actual", "{id} {year}");
        *value
    };
    assert_eq!(actual("gdp", 2016), 455.2);
    assert_eq!(actual("gdp", 2018), 5000.0);
    assert_eq!(actual("share", 2016), 2.5);
    assert_eq!(actual("share", 2017), 2.6);
    assert_eq!(actual("a", 2016), 11.0);
    assert_eq!(read[&("gdp".to_owned(), 2017)].1, "interpolated");
}

/// A workbook with a first sheet of notes and the figures on `figures`,
/// whose rows are given as cells: numbers as numbers, the rest as text.
fn workbook(path: &Path, rows: &[&[&str]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("说明")
        .unwrap()
        .write_string(0, 0, "实际数见下一张表")
        .unwrap();
    let sheet = book.add_worksheet().set_name("figures").unwrap();
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(*row) {
            match cell.parse::<f64>() {
                Ok(x) => drop(sheet.write_number(r, c, x).unwrap()),
                Err(_) if cell.is_empty() => {}
                Err(_) => drop(sheet.write_string(r, c, *cell).unwrap()),
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_workbook_sheet_is_read_and_its_problems_named_by_cell() {
    let text = plan(NAMED);
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let header: &[&str] = &["指标", "单位", "2016", "2017年", "2018"];
    workbook(
        &dir.path().join("good.xlsx"),
        &[
            header,
            &["地区生产总值", "亿元", "455.2", "", "５００．５"],
            &["share", "%", "2.5%", "2.6", ""],
        ],
    );
    let read = years_of(dir.path(), &["--actuals", "good.xlsx#figures"]);
    assert_eq!(
        read[&("gdp".to_owned(), 2016)],
        (455.2, "actual".to_owned())
    );
    assert_eq!(
        read[&("gdp".to_owned(), 2018)],
        (500.5, "actual".to_owned())
    );
    assert_eq!(
        read[&("share".to_owned(), 2016)],
        (2.5, "actual".to_owned())
    );

    workbook(
        &dir.path().join("bad.xlsx"),
        &[
            header,
            &["gdp", "亿元", "455.2", "", "500.5"],
            &["产值", "", "11", "", ""],
            &["nope", "", "1", "2", ""],
            &["gdp", "", "", "abc", ""],
            &["gdp", "", "", "", "501"],
            &["a", "", "70%", "", ""],
        ],
    );
    let stderr = refused(
        dir.path(),
        &["validate", "plan.toml", "--actuals", "bad.xlsx#figures"],
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: bad.xlsx#figures!A3: metric `产值`: several metrics have this name (a, b); name the figure's metric by its id",
            "error: bad.xlsx#figures!A4: metric `nope`: not a metric of the plan; metrics: gdp, a, b, share",
            "error: bad.xlsx#figures!D5: metric `gdp`: 2017: \"abc\" is not a number",
            "error: bad.xlsx#figures!E6: metric `gdp`: 2018 is given twice (also bad.xlsx#figures!E2); keep one figure per metric and year",
            "error: bad.xlsx#figures!C7: metric `a`: 2016: 70% has a percent sign, but `a` has no unit; write the figure without %, in the metric's unit",
        ]
    );
}

#[test]
fn a_workbook_that_cannot_be_read_is_refused_with_the_fix() {
    let text = plan(NAMED);
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("not.xlsx", b"metric,year,value\n"),
    ]);
    workbook(
        &dir.path().join("notes.xlsx"),
        &[&["metric", "2016", "备注"], &["gdp", "1", "x"]],
    );
    for (actuals, says) in [
        ("not.xlsx", "not.xlsx: not an Excel workbook (.xlsx)"),
        (
            "notes.xlsx#nope",
            "notes.xlsx: the workbook has no sheet `nope`; its sheets: 说明, figures",
        ),
        (
            "notes.xlsx#figures",
            "notes.xlsx#figures!C1: \"备注\" heads a column among the years, but is not a year",
        ),
        // The first sheet, by default, holds only a note.
        (
            "notes.xlsx",
            "name it after `#`: notes.xlsx#figures (its sheets: 说明, figures)",
        ),
    ] {
        let stderr = refused(dir.path(), &["validate", "plan.toml", "--actuals", actuals]);
        assert!(stderr.contains(says), "{actuals}: {stderr}");
    }
}

#[test]
fn a_sheet_of_several_scenarios_is_refused_once() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    ok(
        dir.path(),
        &["plan.toml", "--scenario", "all", "-o", "all.xlsx"],
    );
    let stderr = refused(
        dir.path(),
        &["validate", "plan.toml", "--actuals", "all.xlsx#Years"],
    );
    assert_eq!(
        stderr,
        "error: all.xlsx#Years!A12: this row is for scenario `slow`, the rows above for `base`; \
         actual figures hold in every scenario: keep the rows of one scenario and delete the \
         others\n"
    );
}

#[test]
fn the_reviews_methods_and_history_go_into_the_workbook() {
    let dir = folder(&[]);
    let tracking = crate::common::shipped("examples/tracking.toml");
    let actuals = crate::common::shipped("examples/actuals-2016-2018.csv");
    for (extra, sheet_name) in [
        (&["--method", "statcan"][..], "Review"),
        (&["--method", "ndrc", "--history"], "History"),
    ] {
        let mut review = vec!["review", &tracking, "--actuals", &actuals];
        review.extend(extra);
        let mut write = review.clone();
        write.extend(["-o", "r.xlsx"]);
        ok(dir.path(), &write);
        let book = dir.path().join("r.xlsx");
        let names: Vec<String> = sheets(&book).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, [sheet_name]);
        let mut csv = review.clone();
        csv.extend(["-f", "csv"]);
        assert_cells_match(&sheet(&book, sheet_name), &ok(dir.path(), &csv), sheet_name);
    }
    let history = sheet(&dir.path().join("r.xlsx"), "History");
    let header = header(&history);
    assert_eq!(header[7], "As of");
    assert_eq!(header[10], "Method");
}

/// GDP with a history figure for 2014 in the plan.
const WITH_HISTORY: &str =
    "[metrics.gdp]\nbaseline = 146.41\ngrowth = \"5%\"\nhistory = { 2014 = 133.1 }\n";

#[test]
fn history_columns_of_a_wide_sheet_are_read_like_the_rows_of_a_long_csv() {
    let text = plan(WITH_HISTORY);
    let wide = "metric,2013,2014,2015,2016\ngdp,121,133.1,146.41,153.7\n";
    let long = "metric,year,value\ngdp,2013,121\ngdp,2014,133.1\ngdp,2015,146.41\n\
                gdp,2016,153.7\n";
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("wide.csv", wide.as_bytes()),
        ("long.csv", long.as_bytes()),
    ]);
    workbook(
        &dir.path().join("h.xlsx"),
        &[
            &["metric", "2013", "2014", "2015", "2016"],
            &["gdp", "121", "133.1", "146.41", "153.7"],
        ],
    );
    for actuals in ["wide.csv", "long.csv", "h.xlsx#figures"] {
        let summary = ok(dir.path(), &["validate", "plan.toml", "--actuals", actuals]);
        assert!(
            summary.ends_with(", 1 actual figure, 2 history figures\n"),
            "{actuals}: {summary}"
        );
    }
    workbook(
        &dir.path().join("bad.xlsx"),
        &[&["metric", "2012", "2014"], &["gdp", "-1", "133"]],
    );
    let stderr = refused(
        dir.path(),
        &["validate", "plan.toml", "--actuals", "bad.xlsx#figures"],
    );
    assert_eq!(
        stderr,
        "error: bad.xlsx#figures!B2: metric `gdp`: 2012: -1 is not positive; a compound metric \
         or a share needs positive figures\n\
         error: bad.xlsx#figures!C2: metric `gdp`: 2014: 133 here, but the plan file says 133.1 \
         (line 5); the two must agree: correct one, or drop one\n"
    );
}

#[test]
fn an_overflow_is_blamed_on_the_workbook_cell_that_caused_it() {
    let text = plan("[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n");
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    workbook(
        &dir.path().join("a.xlsx"),
        &[&["metric", "2016", "2017"], &["gdp", "2", "1.7e308"]],
    );
    let stderr = refused(
        dir.path(),
        &["validate", "plan.toml", "--actuals", "a.xlsx#figures"],
    );
    assert!(
        stderr.starts_with(
            "error: a.xlsx#figures!C2: metric `gdp`: the path leaves the range of numbers a \
             computer can hold"
        ),
        "{stderr}"
    );
}

#[test]
fn each_actuals_file_shows_its_first_twenty_problems_and_counts_the_rest() {
    let bad = |metric: &str| {
        let mut csv = String::from("metric,2016,2017\n");
        for _ in 0..25 {
            csv.push_str(&format!("{metric},abc,x\n"));
        }
        csv
    };
    let text = plan("[metrics.gdp]\nbaseline = 1\ngrowth = 0.1\n");
    let (a, b) = (bad("gdp"), bad("nope"));
    let dir = folder(&[
        ("plan.toml", text.as_bytes()),
        ("a.csv", a.as_bytes()),
        ("b.csv", b.as_bytes()),
    ]);
    let stderr = refused(
        dir.path(),
        &[
            "validate",
            "plan.toml",
            "--actuals",
            "a.csv",
            "--actuals",
            "b.csv",
        ],
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 42, "{stderr}");
    assert!(lines[0].starts_with("error: a.csv:2: metric `gdp`: 2016: \"abc\""));
    assert!(lines[20].starts_with("error: b.csv:2: metric `nope`: 2016: \"abc\""));
    assert_eq!(
        lines[40..],
        [
            "error: a.csv: and 30 more problems, not shown; fix the first 20 and run again",
            "error: b.csv: and 30 more problems, not shown; fix the first 20 and run again",
        ]
    );
}

#[test]
fn a_sweep_larger_than_a_sheet_is_refused_before_any_work() {
    let metrics: String = (0..110)
        .map(|i| format!("[metrics.m{i}]\nbaseline = 1\ngrowth = 0.1\ntarget = 2\n"))
        .collect();
    let dir = folder(&[("plan.toml", plan(&metrics).as_bytes())]);
    // 110 goals × 10,001 points: more cells than a sheet has rows, though
    // CSV would take them.
    let sweep = ["sensitivity", "plan.toml", "--from", "-50%", "--to", "50%"];
    let mut args = sweep.to_vec();
    args.extend(["--step", "0.01%", "-o", "s.xlsx"]);
    let stderr = refused(dir.path(), &args);
    assert!(
        stderr.contains(
            "= 1100110 cells, and a workbook's sheet holds at most 1048575, a row each (CSV \
             and JSON up to 20000000)"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("s.xlsx").exists());
    // The break-even points alone fit.
    args.extend(["--table", "break-even"]);
    ok(dir.path(), &args);
}

#[test]
fn the_odds_go_into_the_workbook() {
    let dir = folder(&[]);
    let example = crate::common::shipped("examples/odds.toml");
    let odds = ["odds", &example, "--paths", "2000", "--seed", "7"];
    let mut write = odds.to_vec();
    write.extend(["-o", "o.xlsx", "--lang", "zh"]);
    ok(dir.path(), &write);
    let book = dir.path().join("o.xlsx");
    let names: Vec<String> = sheets(&book).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["达成概率"]);
    let mut csv = odds.to_vec();
    csv.extend(["-f", "csv"]);
    let sheet = sheet(&book, "达成概率");
    assert_cells_match(&sheet, &ok(dir.path(), &csv), "odds");
    assert_eq!(header(&sheet)[7], "达成概率");
}

#[test]
fn the_schedule_is_a_column_of_the_csv_the_json_and_the_workbook() {
    // ahead: 135 in 2018 above the path's 133.1; behind: 125 under it;
    // early: 151 ≥ 150 before 2020; final: a figure for 2020; none: no
    // figure; rate: a rate goal has no schedule.
    let text = plan(
        "[metrics.ahead]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 135 }\n\
         [metrics.behind]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 125 }\n\
         [metrics.early]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2018 = 151 }\n\
         [metrics.final]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\nactual = { 2020 = 149 }\n\
         [metrics.none]\nbaseline = 100\ngrowth = 0.1\ntarget = 150\n\
         [metrics.rate]\nbaseline = 100\ngrowth = 0.1\nrate_target = 0.1\nactual = { 2018 = 135 }\n",
    );
    let dir = folder(&[("plan.toml", text.as_bytes())]);
    let want = [
        "on_plan_path",
        "behind_plan_path",
        "already_reached",
        "final_figure",
        "",
        "",
    ];
    let csv = ok(dir.path(), &["plan.toml", "-f", "csv"]);
    let columns: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    // Last, after the columns there were before it, in their order.
    assert_eq!(columns[25..], ["reference", "binding", "schedule"]);
    let schedules: Vec<String> = records(&csv)
        .iter()
        .map(|r| r["schedule"].clone())
        .collect();
    assert_eq!(schedules, want);
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["plan.toml", "-f", "json"])).unwrap();
    let from_json: Vec<String> = json["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["schedule"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(from_json, want);
    assert!(json["goals"][4]["schedule"].is_null());
    // With --odds, the probability keeps its place before the schedule.
    let odds = ok(dir.path(), &["plan.toml", "--odds", "-f", "csv"]);
    let columns: Vec<&str> = odds.lines().next().unwrap().split(',').collect();
    assert_eq!(columns[26..], ["binding", "probability", "schedule"]);
    let book = dir.path().join("goals.xlsx");
    ok(
        dir.path(),
        &["plan.toml", "--lang", "zh", "-o", book.to_str().unwrap()],
    );
    let goals = sheet(&book, "目标");
    assert_eq!(header(&goals).last().map(String::as_str), Some("进度"));
    assert_cells_match(&goals, &csv, "目标");
}
