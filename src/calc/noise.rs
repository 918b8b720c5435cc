//! Floating-point noise: kept out of every status and every printed number.
//!
//! 120 + 5 × 16 is exactly 200, and 16 % a year averages exactly 16 %, but in
//! binary floating point both can land a few units in the last place off.
//! A goal met exactly must read `reached`, so every comparison allows a
//! relative slack of [`RELATIVE_SLACK`], far below any real-world precision.
//! And a reported number is rounded to the 15 significant digits a double
//! carries reliably (what a spreadsheet shows), so that 68 × 1.16⁵ reads
//! 142.8232327168 and not 142.82323271679994.

use crate::plan::Comparison;

/// About one part in a billion of the magnitudes compared.
pub const RELATIVE_SLACK: f64 = 1e-9;

/// Whether `value` satisfies `comparison` against `target`; `scale` is the
/// magnitude the slack is relative to.
fn satisfies(comparison: Comparison, value: f64, target: f64, scale: f64) -> bool {
    let slack = RELATIVE_SLACK * scale.abs();
    match comparison {
        Comparison::AtLeast => value >= target - slack,
        Comparison::AtMost => value <= target + slack,
        Comparison::About { tolerance } => (value - target).abs() <= tolerance + slack,
    }
}

/// A level compared with a level target: slack relative to the larger of the two.
pub fn level_satisfies(comparison: Comparison, value: f64, target: f64) -> bool {
    satisfies(comparison, value, target, value.abs().max(target.abs()))
}

/// A growth rate compared with a rate target: slack relative to the growth
/// factor (1 + rate), so that a 0 % target is not compared with zero slack.
pub fn rate_satisfies(comparison: Comparison, rate: f64, target: f64) -> bool {
    satisfies(comparison, rate, target, 1.0 + rate.abs().max(target.abs()))
}

/// Digits of a double that survive a few arithmetic steps; spreadsheets show as many.
const SIGNIFICANT_DIGITS: usize = 15;

/// `x` rounded to 15 significant digits (`SIGNIFICANT_DIGITS`). A finite value
/// stays finite: near the largest double, rounding up would overflow, so such
/// a value is kept as it is.
pub fn significant(x: f64) -> f64 {
    format!("{x:.prec$e}", prec = SIGNIFICANT_DIGITS - 1)
        .parse()
        .ok()
        .filter(|rounded: &f64| rounded.is_finite() || !x.is_finite())
        .unwrap_or(x)
}

/// `a - b`, rounded at the last reliable digit of the larger operand: the
/// difference of two nearly equal numbers has no more precision than they do.
pub fn difference(a: f64, b: f64) -> f64 {
    let d = a - b;
    let magnitude = a.abs().max(b.abs());
    if !d.is_finite() || magnitude == 0.0 {
        return d;
    }
    let decimals = SIGNIFICANT_DIGITS as i32 - 1 - magnitude.log10().floor() as i32;
    if decimals < 0 {
        return significant(d);
    }
    format!("{d:.prec$}", prec = decimals.min(340) as usize)
        .parse()
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Comparison::*;

    #[test]
    fn reported_numbers_lose_their_binary_noise() {
        let compounded = (0..5).fold(68.0, |v, _| v * 1.16);
        assert_ne!(compounded, 142.8232327168, "the test needs a noisy product");
        assert_eq!(significant(compounded), 142.8232327168);
        assert_eq!(difference(significant(compounded), 150.0), -7.1767672832);
        assert_eq!(difference(1.0 + 0.15999999999999992, 1.0), 0.16);
        assert_eq!(difference(0.16, 0.16), 0.0);
        assert_eq!(significant(0.0), 0.0);
        assert_eq!(significant(1e300), 1e300);
        assert!(significant(f64::NAN).is_nan());
    }

    #[test]
    fn finite_values_stay_finite() {
        assert_eq!(significant(f64::MAX), f64::MAX);
        assert_eq!(significant(-f64::MAX), -f64::MAX);
        assert_eq!(
            significant(1.797_693_134_862_3e308),
            1.797_693_134_862_3e308
        );
        assert!(significant(f64::MIN_POSITIVE) > 0.0);
        assert_eq!(significant(5e-324), 5e-324);
        assert_eq!(significant(f64::INFINITY), f64::INFINITY);
        assert_eq!(difference(f64::MAX, 1.0), f64::MAX);
    }

    #[test]
    fn rounding_keeps_real_differences() {
        assert_eq!(difference(200.0, 199.99), 0.01);
        assert_eq!(difference(1e-9, 0.0), 1e-9);
        assert_eq!(significant(123_456.789_012_345_6), 123_456.789_012_346);
    }

    #[test]
    fn exact_sums_with_float_noise_are_reached() {
        let firms = (0..5).fold(120.0, |v, _| v + 16.0);
        assert!(level_satisfies(AtLeast, firms, 200.0));
        let tenths = (0..10).fold(0.0, |v, _| v + 0.1);
        assert!(
            tenths < 1.0,
            "the test needs a sum that falls short by noise"
        );
        assert!(level_satisfies(AtLeast, tenths, 1.0));
        assert!(level_satisfies(AtMost, 1.0 + 1e-15, 1.0));
    }

    #[test]
    fn real_shortfalls_are_missed() {
        assert!(!level_satisfies(AtLeast, 199.99, 200.0));
        assert!(!level_satisfies(AtMost, 200.01, 200.0));
        assert!(!rate_satisfies(AtLeast, 0.1599, 0.16));
        assert!(!rate_satisfies(AtLeast, -1e-6, 0.0));
    }

    #[test]
    fn about_includes_its_band_edges() {
        let about = About { tolerance: 0.01 };
        assert!(rate_satisfies(about, 0.21, 0.20));
        assert!(rate_satisfies(about, 0.19, 0.20));
        assert!(!rate_satisfies(about, 0.2101, 0.20));
        assert!(level_satisfies(About { tolerance: 2.0 }, 62.0, 60.0));
        assert!(!level_satisfies(About { tolerance: 2.0 }, 57.9, 60.0));
    }

    #[test]
    fn zero_rate_targets_absorb_noise() {
        assert!(rate_satisfies(AtLeast, -1e-17, 0.0));
    }
}
