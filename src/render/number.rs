//! How numbers are written: never with thousands separators, and in fixed
//! notation across the ordinary range, so that spreadsheets and scripts read
//! them back as the same numbers. From 10^15 up, and at full precision below
//! 10^-15, fixed notation would print hundreds of digits a double does not
//! hold: such values take the exponent form, `1.5e300` for people and in CSV
//! the form spreadsheets read (`1.5E+300`). A result too large for a double
//! (an overflow) is shown as [`NOT_A_NUMBER`], never as `inf`.
//!
//! People are shown a computed value with the decimals it needs
//! ([`needed_decimals`]) unless `--precision` says otherwise; figures the
//! plan writes are shown as written, whatever the precision.

use std::fmt::Write as _;

use crate::report::in_percent;

/// How many decimals to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The shortest text that reads back as exactly the same double.
    Full,
    /// This many decimals after the point (from 10^15 up, in the exponent
    /// form: further digits would be noise).
    Decimals(usize),
}

/// From this magnitude up, fixed notation would print digits a double does
/// not hold.
const FIXED_LIMIT: f64 = 1e15;

/// Below this magnitude, full precision takes the exponent form: as on the
/// large side, fixed notation would run past 15 zeros. Asked-for decimals
/// round such values to zero instead, as asked.
const SMALL_LIMIT: f64 = 1e-15;

/// Decimals of a computed figure people read when no `--precision` is
/// asked, at the least.
pub(super) const DEFAULT_DECIMALS: usize = 2;

/// The most decimals a figure is shown with, as many as `--precision` allows.
pub(super) const MAX_DECIMALS: usize = 20;

/// Significant digits a computed value keeps at the least.
const SIGNIFICANT_DIGITS: i32 = 4;

/// What people see for a result no double holds: spreadsheets show the same
/// for an overflowing formula such as `=RRI(5, 1E-300, 1E+300)`.
pub(super) const NOT_A_NUMBER: &str = "#NUM!";

/// `x` for people: `142.82`, `1.50e300`, [`NOT_A_NUMBER`].
pub(super) fn number(x: f64, precision: Precision) -> String {
    let mut text = String::new();
    write_number(&mut text, x, precision);
    text
}

/// [`number`], written at the end of `out`: a table of millions of cells
/// makes no string for each.
fn write_number(out: &mut String, x: f64, precision: Precision) {
    if !x.is_finite() {
        out.push_str(NOT_A_NUMBER);
        return;
    }
    let magnitude = x.abs();
    let tiny = precision == Precision::Full && magnitude != 0.0 && magnitude < SMALL_LIMIT;
    let exponent = magnitude >= FIXED_LIMIT || tiny;
    let start = out.len();
    // Writing into a String cannot fail.
    let _ = match (precision, exponent) {
        (Precision::Full, false) => write!(out, "{x}"),
        (Precision::Full, true) => write!(out, "{x:e}"),
        (Precision::Decimals(d), false) => write!(out, "{x:.d$}"),
        (Precision::Decimals(d), true) => write!(out, "{x:.d$e}"),
    };
    drop_negative_zero(out, start);
}

/// A number as a CSV cell, written at the end of `out`: as [`number`]
/// writes it, with the exponent in the form spreadsheets read (`1.5E+300`,
/// `2.5E-16`); nothing (an empty cell) when no double holds it, as JSON
/// writes null.
pub(super) fn write_spreadsheet_number(out: &mut String, x: f64, precision: Precision) {
    if !x.is_finite() {
        return;
    }
    let start = out.len();
    write_number(out, x, precision);
    let Some(at) = out[start..].find('e').map(|at| start + at) else {
        return;
    };
    if let Ok(exponent) = out[at + 1..].parse::<i32>() {
        out.truncate(at);
        let _ = write!(out, "E{exponent:+03}");
    }
}

pub(super) fn fraction_precision(precision: Precision) -> Precision {
    match precision {
        Precision::Full => Precision::Full,
        Precision::Decimals(d) => Precision::Decimals(d + 2),
    }
}

/// Digits after the point in the shortest text that reads back as `x`: the
/// decimals the plan writes it with, trailing zeros aside.
pub(super) fn written_decimals(x: f64) -> usize {
    let text = number(x, Precision::Full);
    // An extreme value is written 2.5e-16: its mantissa's decimals, moved.
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let decimals = mantissa
        .split_once('.')
        .map_or(0, |(_, digits)| digits.len());
    let moved = i64::try_from(decimals).unwrap_or(0) - exponent;
    usize::try_from(moved.clamp(0, MAX_DECIMALS as i64)).unwrap_or(0)
}

/// The decimals a computed value needs to be shown honestly: at least
/// [`DEFAULT_DECIMALS`], at least `stated` (its goal's, as written), and
/// enough for four significant digits: 0.42273 → 0.4227, 142.8232 → 142.82.
/// A value too small for four digits within [`MAX_DECIMALS`] keeps the
/// others: twenty zeros say no more than two.
pub(super) fn needed_decimals(x: f64, stated: usize) -> usize {
    let significant = if x.is_finite() && x != 0.0 {
        let magnitude = x.abs().log10().floor() as i32;
        usize::try_from(SIGNIFICANT_DIGITS - 1 - magnitude)
            .ok()
            .filter(|&d| d <= MAX_DECIMALS)
            .unwrap_or(0)
    } else {
        0
    };
    DEFAULT_DECIMALS
        .max(stated)
        .max(significant)
        .min(MAX_DECIMALS)
}

/// `decimals`, or more while `x` written with them reads as one of
/// `unlike`: a figure beside a missed goal never reads as the goal, nor
/// its gap as none. Rounding carries a value onto a bound written with as
/// many decimals at most, never past it, so differing text is enough.
pub(super) fn decimals_unlike(x: f64, unlike: &[f64], decimals: usize) -> usize {
    let written = |y: f64, d: usize| number(y, Precision::Decimals(d));
    if unlike.contains(&x) {
        return decimals;
    }
    (decimals..MAX_DECIMALS)
        .find(|&d| unlike.iter().all(|&u| written(x, d) != written(u, d)))
        .unwrap_or(MAX_DECIMALS)
}

/// `decimals`, or more while `x` written with them reads as zero: a
/// difference that is there is never shown as none.
pub(super) fn nonzero_decimals(x: f64, decimals: usize) -> usize {
    decimals_unlike(x, &[0.0], decimals)
}

/// The precision of a figure beside a missed goal's status, in the metric's
/// unit or a `fraction`: `precision` (a fraction's two decimals more), or
/// more decimals while it would read as one of `unlike`.
pub(super) fn telling(x: f64, fraction: bool, unlike: &[f64], precision: Precision) -> Precision {
    let precision = if fraction {
        fraction_precision(precision)
    } else {
        precision
    };
    match precision {
        Precision::Full => Precision::Full,
        Precision::Decimals(d) => Precision::Decimals(decimals_unlike(x, unlike, d)),
    }
}

/// A value rounded the way `number` writes it, for formats that carry
/// numbers rather than text (JSON).
pub(super) fn rounded(x: f64, precision: Precision) -> f64 {
    match precision {
        Precision::Full => x,
        Precision::Decimals(_) => number(x, precision).parse().unwrap_or(x),
    }
}

/// With a sign always shown, for gaps: "+2.30", "-7.18", "0.00".
pub(super) fn signed(x: f64, decimals: usize) -> String {
    let text = number(x, Precision::Decimals(decimals));
    if !x.is_finite() || text.starts_with('-') || text.trim_start_matches(['0', '.']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

/// A fraction as a percent: 0.171398 → "17.14%".
pub(super) fn percent(fraction: f64, decimals: usize) -> String {
    with_percent_sign(fraction * 100.0, Precision::Decimals(decimals))
}

/// A fraction as a percent with just the digits it needs: 0.16 → "16%".
pub(super) fn percent_shortest(fraction: f64) -> String {
    with_percent_sign(in_percent(fraction), Precision::Full)
}

/// "17.14%"; an overflow is no percentage.
fn with_percent_sign(hundredfold: f64, precision: Precision) -> String {
    if hundredfold.is_finite() {
        format!("{}%", number(hundredfold, precision))
    } else {
        NOT_A_NUMBER.to_owned()
    }
}

/// "-0.00" says nothing "0.00" does not, and looks like a miss: the minus
/// of the number written from `start` of `text` goes.
fn drop_negative_zero(text: &mut String, start: usize) {
    let zero = |rest: &str| rest.chars().all(|c| c == '0' || c == '.');
    if text[start..].strip_prefix('-').is_some_and(zero) {
        text.remove(start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number as a CSV cell.
    fn spreadsheet_number(x: f64, precision: Precision) -> String {
        let mut text = String::new();
        write_spreadsheet_number(&mut text, x, precision);
        text
    }

    /// A fraction (rate, attainment) as a CSV cell, with `precision`
    /// counted in percent: two more decimals than a value gets.
    fn fraction(x: f64, precision: Precision) -> String {
        spreadsheet_number(x, fraction_precision(precision))
    }

    #[test]
    fn full_precision_round_trips_without_exponents_in_the_ordinary_range() {
        assert_eq!(number(142.8232327168, Precision::Full), "142.8232327168");
        assert_eq!(
            number(999_999_999_999_999.0, Precision::Full),
            "999999999999999"
        );
        assert_eq!(number(1e-15, Precision::Full), "0.000000000000001");
        assert_eq!(number(0.16, Precision::Full), "0.16");
        let x = 0.1 + 0.2;
        assert_eq!(number(x, Precision::Full).parse::<f64>().unwrap(), x);
    }

    #[test]
    fn decimals_round_and_never_show_negative_zero() {
        assert_eq!(number(142.8232327168, Precision::Decimals(2)), "142.82");
        assert_eq!(number(-0.001, Precision::Decimals(2)), "0.00");
        assert_eq!(number(-0.0, Precision::Full), "0");
        assert_eq!(number(-7.18, Precision::Decimals(1)), "-7.2");
        assert_eq!(rounded(0.171398, Precision::Decimals(4)), 0.1714);
        assert_eq!(fraction(0.171398, Precision::Decimals(0)), "0.17");
        assert_eq!(number(1e300, Precision::Decimals(2)), "1.00e300");
    }

    #[test]
    fn computed_values_keep_four_significant_digits_and_their_goal_s_decimals() {
        assert_eq!(needed_decimals(0.42273, 0), 4);
        assert_eq!(number(0.42273, Precision::Decimals(4)), "0.4227");
        assert_eq!(needed_decimals(142.8232, 0), 2);
        assert_eq!(needed_decimals(0.0012345, 0), 6);
        assert_eq!(needed_decimals(12184.48, 0), 2);
        // The goal ≤ 0.4325 asks for four decimals of a value of any size.
        assert_eq!(needed_decimals(12.5, written_decimals(0.4325)), 4);
        assert_eq!(needed_decimals(0.0, 0), 2);
        assert_eq!(needed_decimals(f64::INFINITY, 0), 2);
        assert_eq!(needed_decimals(1e-300, 0), 2);
        assert_eq!(needed_decimals(1.5e-17, 0), 20);
        assert_eq!(written_decimals(0.4325), 4);
        assert_eq!(written_decimals(150.0), 0);
        assert_eq!(written_decimals(6.5), 1);
        assert_eq!(written_decimals(2.5e-16), 17);
        assert_eq!(written_decimals(1.5e300), 0);
        assert_eq!(nonzero_decimals(-0.0002, 2), 4);
        assert_eq!(nonzero_decimals(0.0, 2), 2);
        assert_eq!(nonzero_decimals(1.5, 0), 0);
        // 99.996 against 100: "100.00" would read as the goal it misses.
        assert_eq!(decimals_unlike(99.996, &[100.0], 2), 3);
        assert_eq!(decimals_unlike(99.996, &[100.0], 0), 3);
        assert_eq!(decimals_unlike(0.43254, &[0.4325], 4), 5);
        assert_eq!(decimals_unlike(98.0, &[100.0], 0), 0);
        assert_eq!(
            telling(0.99996, true, &[1.0], Precision::Decimals(0)),
            Precision::Decimals(5)
        );
        assert_eq!(
            telling(0.5, false, &[1.0], Precision::Full),
            Precision::Full
        );
    }

    #[test]
    fn signed_and_percent() {
        assert_eq!(signed(2.3, 2), "+2.30");
        assert_eq!(signed(-7.177, 2), "-7.18");
        assert_eq!(signed(0.0001, 2), "0.00");
        assert_eq!(percent(0.171398, 2), "17.14%");
        assert_eq!(percent(0.16, 0), "16%");
        assert_eq!(percent_shortest(0.07), "7%");
        assert_eq!(percent_shortest(-0.035), "-3.5%");
    }

    #[test]
    fn extremes_take_the_exponent_form_not_hundreds_of_digits() {
        assert_eq!(number(1e300, Precision::Full), "1e300");
        assert_eq!(number(-1.5e21, Precision::Full), "-1.5e21");
        assert_eq!(number(1e15, Precision::Full), "1e15");
        assert_eq!(number(1e-300, Precision::Full), "1e-300");
        assert_eq!(number(-1.5e300, Precision::Decimals(2)), "-1.50e300");
        assert_eq!(number(f64::MAX, Precision::Full), "1.7976931348623157e308");
        assert_eq!(percent_shortest(1e20), "1e22%");
        // Asked-for decimals round the very small to zero, as asked.
        assert_eq!(number(1e-300, Precision::Decimals(2)), "0.00");
    }

    #[test]
    fn overflows_show_a_marker_not_inf() {
        assert_eq!(number(f64::INFINITY, Precision::Full), NOT_A_NUMBER);
        assert_eq!(
            number(f64::NEG_INFINITY, Precision::Decimals(2)),
            NOT_A_NUMBER
        );
        assert_eq!(number(f64::NAN, Precision::Decimals(2)), NOT_A_NUMBER);
        assert_eq!(signed(f64::INFINITY, 2), NOT_A_NUMBER);
        assert_eq!(signed(f64::NEG_INFINITY, 2), NOT_A_NUMBER);
        assert_eq!(percent(f64::INFINITY, 2), NOT_A_NUMBER);
        // Finite, but a hundred times it is not.
        assert_eq!(percent(1e307, 2), NOT_A_NUMBER);
        assert_eq!(percent_shortest(f64::INFINITY), NOT_A_NUMBER);
        assert_eq!(number(f64::MAX, Precision::Decimals(2)), "1.80e308");
        assert!(rounded(f64::INFINITY, Precision::Decimals(2)).is_infinite());
    }

    #[test]
    fn spreadsheet_cells_write_extremes_in_exponent_form() {
        let cell = spreadsheet_number;
        assert_eq!(cell(1.5e300, Precision::Full), "1.5E+300");
        assert_eq!(cell(-1e300, Precision::Full), "-1E+300");
        assert_eq!(cell(1e15, Precision::Full), "1E+15");
        assert_eq!(cell(1e-300, Precision::Full), "1E-300");
        assert_eq!(cell(2.5e-16, Precision::Full), "2.5E-16");
        assert_eq!(
            cell(1.2762815625e-300, Precision::Full),
            "1.2762815625E-300"
        );
        assert_eq!(cell(f64::MAX, Precision::Full), "1.7976931348623157E+308");
        assert_eq!(cell(1e300, Precision::Decimals(2)), "1.00E+300");
        assert_eq!(cell(f64::INFINITY, Precision::Full), "");
        assert_eq!(cell(f64::NAN, Precision::Decimals(2)), "");
        for x in [1.5e300, -2.5e-16, f64::MAX, 5e-324, 1.234_567_890_123_4e16] {
            let text = cell(x, Precision::Full);
            assert_eq!(text.parse::<f64>().unwrap(), x, "{text} reads back");
        }
    }

    #[test]
    fn spreadsheet_cells_write_ordinary_values_as_before() {
        for x in [
            0.0,
            68.0,
            142.8232327168,
            -7.1767672832,
            0.16,
            1e-8,
            1e-15,
            999_999_999_999_999.0,
        ] {
            for precision in [Precision::Full, Precision::Decimals(2)] {
                assert_eq!(spreadsheet_number(x, precision), number(x, precision));
            }
        }
        // Asked-for decimals round the very small to zero, as before.
        assert_eq!(spreadsheet_number(1e-9, Precision::Decimals(4)), "0.0000");
        assert_eq!(fraction(0.171398, Precision::Full), "0.171398");
    }
}
