//! The output side of hardening: values at the edge of a double written
//! readably in every format, CSV cells that a spreadsheet would run as
//! formulas defused, and limits that refuse outputs too large to hold.

use crate::common::{folder, ok, plan, table_row};

/// A goal of 1e300 from 1e-300 over five years: the ratio overflows a
/// double, the rate it needs (1e120 a year) does not.
const TINY_TO_HUGE: &str =
    "[metrics.a]\nname = \"A\"\nbaseline = 1e-300\ngrowth = \"5%\"\ntarget = 1e300\n";

/// No run of 16 zeros: hundreds of digits were written where an exponent belongs.
fn assert_no_long_digits(text: &str) {
    assert!(!text.contains("0000000000000000"), "{text}");
    assert!(!text.contains("inf"), "{text}");
}

#[test]
fn tables_write_extreme_goals_and_rates_with_an_exponent() {
    let dir = folder(&[("p.toml", plan(TINY_TO_HUGE).as_bytes())]);
    let table = ok(
        dir.path(),
        &["p.toml", "--table", "summary", "--lang", "en"],
    );
    let row = table_row(&table, "A");
    // goal, gap, required rate
    assert_eq!(
        [&row[2], &row[6], &row[8]],
        ["≥ 1e300", "-1.00e300", "1.00e122%"]
    );
    let markdown = ok(dir.path(), &["p.toml", "-f", "markdown", "--lang", "en"]);
    assert!(markdown.contains("| ≥ 1e300 "), "{markdown}");
    let explain = ok(dir.path(), &["explain", "p.toml", "--lang", "en"]);
    assert!(
        explain.contains("from 1e-300 needs 1.00e122% a year"),
        "{explain}"
    );
    for text in [&table, &markdown, &explain] {
        assert_no_long_digits(text);
    }
}

#[test]
fn data_carries_the_rate_whose_ratio_overflows() {
    let dir = folder(&[("p.toml", plan(TINY_TO_HUGE).as_bytes())]);
    let csv = ok(dir.path(), &["p.toml", "-f", "csv"]);
    let rows = crate::common::records(&csv);
    let rate: f64 = rows[0]["required_rate"].parse().expect("a number");
    assert!((rate / 1e120 - 1.0).abs() < 1e-12, "{csv}");
    let json = ok(dir.path(), &["p.toml", "-f", "json", "--table", "summary"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let rate = value["goals"][0]["required_rate"]
        .as_f64()
        .expect("a number");
    assert!((rate / 1e120 - 1.0).abs() < 1e-12, "{json}");
}
