//! Inputs at the edges: values at the limits of a double, control
//! characters in names, and outputs that are not plain files. Every run must
//! end, in time, with a clear result; none may hang or panic.
//!
//! The edge plans are the fuzzers' seed corpus (`fuzz/corpus`), run here
//! both through the binary and through the checks the fuzz targets make.

// The fuzz crate's library: its functions are public there, for the fuzz
// targets, and reached here only by this module.
#[path = "../../fuzz/src/lib.rs"]
#[allow(unreachable_pub)]
mod fuzz_checks;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{REFUSED, SHIPPED, dabiao, folder};

/// Far longer than any of these runs takes; a run past it is hung.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// `dabiao args…` run in `dir`, with no locale inherited, killed once past
/// [`TIME_LIMIT`].
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let output = dabiao()
        .current_dir(dir)
        .args(args)
        .timeout(TIME_LIMIT)
        .output()
        .expect("run dabiao");
    assert!(
        output.status.code().is_some(),
        "`dabiao {}` did not finish within {TIME_LIMIT:?}",
        args.join(" ")
    );
    output
}

fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout_of(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "`dabiao {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// The seed files of one fuzz target, in name order.
fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
}

fn edge_plan(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus/plan")
        .join(name);
    path.to_str().expect("a UTF-8 path").to_owned()
}

// The chart

#[test]
fn chart_of_every_edge_plan_finishes_as_well_formed_xml() {
    for plan in corpus("plan") {
        let plan = plan.to_str().expect("a UTF-8 path");
        for lang in ["en", "zh"] {
            let svg = stdout_of(&[
                "chart",
                plan,
                "--scenario",
                "all",
                "--lang",
                lang,
                "-o",
                "-",
            ]);
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("the chart of {plan} is not XML: {e}"));
            for node in doc.descendants().filter(|n| n.is_text()) {
                let text = node.text().unwrap_or("").trim();
                assert!(
                    !text
                        .chars()
                        .any(|c| c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}')),
                    "{plan}: a control character in {text:?}"
                );
                assert!(!text.contains("inf"), "{plan}: {text:?}");
            }
        }
    }
}

#[test]
fn control_characters_reach_chart_labels_escaped_and_noncharacters_dropped() {
    let svg = stdout_of(&[
        "chart",
        &edge_plan("control-characters.toml"),
        "--scenario",
        "all",
        "--lang",
        "en",
        "-o",
        "-",
    ]);
    let doc = roxmltree::Document::parse(&svg).expect("the chart is XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim())
        .collect();
    // The plan reader escapes control characters (`\u{1}`); the chart drops
    // U+FFFE and U+FFFF, which XML cannot hold at all.
    for expected in [
        r"T\u{1}itle \u{0}\u{7f}\u{85}<&>\u{d}",
        r"n\u{0}a\u{1f}me (u\u{8}\u{9f})",
        "base",
        "b",
    ] {
        assert!(texts.contains(&expected), "no {expected:?} in {texts:?}");
    }
}

// Numbers at the edge of a double

#[test]
fn the_largest_double_stays_finite() {
    let plan = edge_plan("baseline-f64-max.toml");
    let table = stdout_of(&[&plan, "--table", "summary", "--lang", "en"]);
    assert!(table.contains("1.80e308"), "{table}");
    assert!(!table.contains("inf"), "{table}");
    let csv = stdout_of(&[&plan, "-f", "csv"]);
    assert!(csv.contains(",1.7976931348623157E+308,"), "{csv}");
    assert!(!csv.contains("inf"), "{csv}");
}

#[test]
fn an_overflowing_rate_is_marked_not_shown_as_inf() {
    let plan = edge_plan("tiny-to-huge.toml");
    let explain = stdout_of(&["explain", &plan, "--lang", "en"]);
    // (1e300 / 1e-300)^(1/5) overflows as a ratio, but not as a rate.
    assert!(explain.contains("needs 1.00e122% a year"), "{explain}");
    for args in [
        &[plan.as_str(), "--lang", "en"][..],
        &[plan.as_str(), "--lang", "zh", "-f", "markdown"],
        &["sensitivity", &plan, "--lang", "en"],
        &["review", &plan, "--lang", "en"],
    ] {
        let text = stdout_of(args);
        assert!(!text.contains("inf"), "{args:?}: {text}");
    }
}

#[test]
fn csv_writes_extreme_magnitudes_in_exponent_form() {
    let plan = edge_plan("tiny-to-huge.toml");
    let csv = stdout_of(&[&plan, "-f", "csv"]);
    let row: Vec<&str> = csv.lines().nth(1).expect("a goal row").split(',').collect();
    // target, baseline, projected, gap
    assert_eq!(
        [row[6], row[9], row[11], row[13]],
        ["1E+300", "1E-300", "1.2762815625E-300", "-1E+300"],
        "{csv}"
    );
    let json = stdout_of(&[&plan, "-f", "json", "--table", "summary"]);
    assert!(json.contains("\"target\": 1e+300,"), "{json}");
    assert!(json.contains("\"baseline\": 1e-300,"), "{json}");
    for text in [&csv, &json] {
        assert!(!text.contains("0000000000000000"), "{text}");
    }
}

// -o: regular files only

/// A fresh folder holding the shipped plan as `plan.toml`.
fn folder_with_plan() -> tempfile::TempDir {
    folder(&[("plan.toml", SHIPPED.as_bytes())])
}

/// Asserts a refusal with status 2, nothing on stdout and each of `parts`
/// in the message.
fn assert_refused(output: &Output, parts: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(REFUSED), "{stderr}");
    assert!(output.stdout.is_empty());
    for part in parts {
        assert!(stderr.contains(part), "no {part:?} in {stderr}");
    }
}

#[test]
#[cfg(unix)]
fn output_to_a_fifo_is_refused_without_blocking() {
    let dir = folder_with_plan();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    for args in [
        &["plan.toml", "-o", "pipe"][..],
        &["chart", "plan.toml", "-o", "pipe"],
    ] {
        let output = run_in(dir.path(), args);
        assert_refused(
            &output,
            &["cannot write pipe: it is a FIFO", "not a regular file"],
        );
    }
}

#[test]
fn output_to_a_folder_is_refused() {
    let dir = folder_with_plan();
    fs::create_dir(dir.path().join("out")).expect("a folder");
    let output = run_in(dir.path(), &["plan.toml", "-f", "csv", "-o", "out"]);
    assert_refused(
        &output,
        &["cannot write out: it is a folder", "name a file"],
    );
}

#[test]
#[cfg(unix)]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let dir = folder_with_plan();
    let path = |name: &str| dir.path().join(name);
    fs::create_dir(path("real")).expect("a folder");
    fs::write(path("real/goals.csv"), "old\n").expect("an old file");
    std::os::unix::fs::symlink("real/goals.csv", path("goals.csv")).expect("a link");
    let output = run_in(dir.path(), &["plan.toml", "-f", "csv", "-o", "goals.csv"]);
    assert!(output.status.success(), "{output:?}");
    let link = fs::symlink_metadata(path("goals.csv")).expect("the link");
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let written = fs::read_to_string(path("real/goals.csv")).expect("the target");
    assert!(written.starts_with("scenario,metric,"), "{written}");
    // Nothing is left beside the link or the target.
    for folder in [dir.path(), &path("real")] {
        let names: Vec<_> = fs::read_dir(folder)
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.to_string_lossy().starts_with(".dabiao-")),
            "{names:?}"
        );
    }
}

#[test]
#[cfg(unix)]
fn output_to_a_hard_link_of_an_input_is_refused() {
    let dir = folder_with_plan();
    fs::hard_link(dir.path().join("plan.toml"), dir.path().join("same.toml")).expect("link");
    for args in [
        &["plan.toml", "-o", "same.toml"][..],
        &["chart", "plan.toml", "-o", "same.toml"],
    ] {
        let output = run_in(dir.path(), args);
        assert_refused(&output, &["--output same.toml is the plan file itself"]);
    }
    let actuals = "metric,year,value\nservice_revenue,2016,488.3\n";
    fs::write(dir.path().join("a.csv"), actuals).expect("actuals");
    fs::hard_link(dir.path().join("a.csv"), dir.path().join("b.csv")).expect("link");
    let output = run_in(
        dir.path(),
        &["review", "plan.toml", "--actuals", "a.csv", "-o", "b.csv"],
    );
    assert_refused(&output, &["--output b.csv is an actuals file of this run"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.toml")).unwrap(),
        SHIPPED
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.csv")).unwrap(),
        actuals
    );
}

#[test]
#[cfg(unix)]
fn output_to_dev_stdout_is_standard_output() {
    for args in [
        &["-f", "csv", "--table", "summary"][..],
        &["chart", "--lang", "en"],
    ] {
        let to_dash = stdout_of(&[args, &["-o", "-"]].concat());
        let to_dev = stdout_of(&[args, &["-o", "/dev/stdout"]].concat());
        assert!(!to_dash.is_empty());
        assert_eq!(to_dev, to_dash, "{args:?}");
    }
}

// The fuzz targets' checks over their seeds

/// Runs `check` on `seed` on its own thread, failing once past [`TIME_LIMIT`].
fn within_time_limit(seed: &Path, check: fn(&[u8])) {
    let bytes = fs::read(seed).expect("read a seed");
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        check(&bytes);
        let _ = done.send(());
    });
    match finished.recv_timeout(TIME_LIMIT) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{} did not finish within {TIME_LIMIT:?}", seed.display())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{} panicked", seed.display()),
    }
}

#[test]
fn seed_corpus_passes_the_fuzz_checks() {
    for seed in corpus("plan") {
        within_time_limit(&seed, fuzz_checks::plan);
        within_time_limit(&seed, fuzz_checks::chart);
    }
    for seed in corpus("actuals") {
        within_time_limit(&seed, fuzz_checks::actuals);
    }
}
