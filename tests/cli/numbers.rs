//! Properties of how numbers are read and written: a percent is the decimal
//! it names divided by 100 to the last bit, `times_hundred` gives the decimal
//! back, and every number the CSV output writes reads back as exactly the
//! number the JSON output gives, so scripts and spreadsheets see the same
//! figures whichever format they read.
//!
//! The rate properties call the library and try hundreds of cases; the
//! round trip runs the binary three times a plan, so it tries a few dozen.

use std::collections::HashMap;

use dabiao::plan::{parse_rate_argument, times_hundred};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::{folder, ok, records};

/// A decimal as people write one: a sign or none, digits, and maybe a point
/// and more digits; at most 15 digits in all, as many as a double keeps.
const DECIMAL: &str = "[+-]?[0-9]{1,7}(\\.[0-9]{1,8})?";

/// `decimal` with its point moved two places to the left, as text: "1.1"
/// gives "0.011" and "-250" gives "-2.50". Parsed, it is the double nearest
/// to a hundredth of `decimal`, worked out with no arithmetic on doubles.
fn hundredth(decimal: &str) -> String {
    let unsigned = decimal.trim_start_matches(['+', '-']);
    let sign = &decimal[..decimal.len() - unsigned.len()];
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    // At least three digits before the point, so that two can move past it.
    let whole = format!("{whole:0>3}");
    let (whole, moved) = whole.split_at(whole.len() - 2);
    format!("{sign}{whole}.{moved}{fraction}")
}

#[test]
fn one_point_one_percent_is_exactly_0_011() {
    assert_eq!(hundredth("1.1"), "0.011");
    assert_eq!(parse_rate_argument("1.1%"), Ok(0.011));
}

#[test]
fn times_hundred_of_0_011_is_exactly_1_1() {
    assert_eq!(times_hundred(0.011), 1.1);
}

proptest! {
    #[test]
    fn a_percent_is_its_decimal_divided_by_100_to_the_last_bit(
        decimal in DECIMAL,
        sign in prop_oneof!["%", "％", " %"],
    ) {
        let rate = parse_rate_argument(&format!("{decimal}{sign}"));
        let expected: f64 = hundredth(&decimal).parse().expect("a decimal");
        prop_assert_eq!(rate.map(f64::to_bits), Ok(expected.to_bits()), "{}", decimal);
    }

    #[test]
    fn times_hundred_gives_back_the_decimal_of_a_percent(decimal in DECIMAL) {
        let rate = parse_rate_argument(&format!("{decimal}%")).expect("a rate");
        let expected: f64 = decimal.parse().expect("a decimal");
        prop_assert_eq!(times_hundred(rate).to_bits(), expected.to_bits(), "{}", decimal);
    }
}

/// A TOML number of up to 10 digits: `sign` is "" or "-?".
fn toml_number(sign: &str) -> impl Strategy<Value = String> + use<> {
    let pattern = format!("{sign}(0|[1-9][0-9]{{0,5}})(\\.[0-9]{{1,4}})?");
    proptest::string::string_regex(&pattern).expect("a valid pattern")
}

/// A metric table's fields, each metric with a level goal: compound (a
/// positive baseline, growth in percent and a rate goal) or linear (any
/// baseline and increment).
fn metric() -> impl Strategy<Value = String> {
    let percent = "-?[1-4]?[0-9](\\.[0-9]{1,2})?";
    let compound = (
        "[1-9][0-9]{0,5}(\\.[0-9]{1,4})?",
        percent,
        toml_number(""),
        percent,
    )
        .prop_map(|(baseline, growth, target, rate)| {
            format!(
                "baseline = {baseline}\ngrowth = \"{growth}%\"\ntarget = {target}\n\
                 rate_target = \"{rate}%\"\n"
            )
        });
    let linear = (toml_number("-?"), toml_number("-?"), toml_number("-?")).prop_map(
        |(baseline, increment, target)| {
            format!("baseline = {baseline}\nincrement = {increment}\ntarget = {target}\n")
        },
    );
    prop_oneof![compound, linear]
}

/// A plan of one to four metrics over one to ten years.
fn generated_plan() -> impl Strategy<Value = String> {
    (1..=10i32, prop::collection::vec(metric(), 1..=4)).prop_map(|(years, metrics)| {
        let mut text = format!("[plan]\nbase_year = 2015\ntarget_year = {}\n", 2015 + years);
        for (i, fields) in metrics.iter().enumerate() {
            text.push_str(&format!("[metrics.m{i}]\n{fields}"));
        }
        text
    })
}

/// Checks that every cell of a CSV row is what `json` holds under its column:
/// a number reads back as exactly the JSON number (compared as numbers, as
/// the CSV writes no negative zero), text is the same text, and an empty
/// cell is null.
fn same_as_json(
    row: &HashMap<String, String>,
    json: &Value,
    what: &str,
) -> Result<(), TestCaseError> {
    for (column, cell) in row {
        let matches = match &json[column] {
            Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
            Value::String(text) => cell == text,
            Value::Null => cell.is_empty(),
            other => cell == &other.to_string(),
        };
        prop_assert!(
            matches,
            "{}, {}: CSV {:?}, JSON {}",
            what,
            column,
            cell,
            json[column]
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn csv_numbers_read_back_as_the_json_numbers(
        plan in generated_plan(),
        precision in prop::option::of(0..=6usize),
    ) {
        let dir = folder(&[("plan.toml", plan.as_bytes())]);
        let precision = precision.map(|p| p.to_string());
        let mut options = vec!["plan.toml"];
        if let Some(p) = &precision {
            options.extend(["--precision", p]);
        }
        let output = |extra: &[&str]| ok(dir.path(), &[&options[..], extra].concat());
        let json: Value = serde_json::from_str(&output(&["-f", "json"])).expect("valid JSON");

        let goals = json["goals"].as_array().expect("a goals array");
        let summary = records(&output(&["-f", "csv"]));
        prop_assert_eq!(summary.len(), goals.len());
        for (row, goal) in summary.iter().zip(goals) {
            same_as_json(row, goal, "summary")?;
        }

        // The years table's rows are the series' points, series after series,
        // each with its series' fields.
        let mut points = Vec::new();
        for series in json["series"].as_array().expect("a series array") {
            for point in series["points"].as_array().expect("a points array") {
                let mut row = series.as_object().expect("a series object").clone();
                row.insert("scenario".into(), json["scenario"].clone());
                row.extend(point.as_object().expect("a point object").clone());
                points.push(Value::Object(row));
            }
        }
        let years = records(&output(&["-f", "csv", "--table", "years"]));
        prop_assert_eq!(years.len(), points.len());
        for (row, point) in years.iter().zip(&points) {
            same_as_json(row, point, "years")?;
        }
    }
}
