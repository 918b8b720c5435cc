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

/// `x` rounded to 15 significant digits (`SIGNIFICANT_DIGITS`), ties to
/// even, as formatting with 15 digits and reading the text back would round
/// it. A finite value stays finite: near the largest double, rounding up
/// would overflow, so such a value is kept as it is.
pub fn significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mut decimals = SIGNIFICANT_DIGITS as i32 - 1 - x.abs().log10().floor() as i32;
    // log10 can be a unit off next to a power of ten: the scaled value
    // must have exactly 15 digits before the point.
    for _ in 0..3 {
        let Some(scaled) = Scaled::new(x.abs(), decimals) else {
            break;
        };
        if scaled.value >= 1e15 {
            decimals -= 1;
        } else if scaled.value < 1e14 {
            decimals += 1;
        } else {
            return scaled.rounded().copysign(x);
        }
    }
    significant_by_text(x)
}

/// [`significant`] through text: the definition, for the values (below
/// 10^-8 or from 10^37) whose power of ten no double holds exactly.
fn significant_by_text(x: f64) -> f64 {
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
    match Scaled::new(d.abs(), decimals) {
        Some(scaled) => scaled.rounded().copysign(d),
        None => format!("{d:.prec$}", prec = decimals.min(340) as usize)
            .parse()
            .unwrap_or(d),
    }
}

/// The powers of ten that a double holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A positive value times 10^`decimals`, as a double and the exact sign of
/// the error of that double, so that rounding it to a whole number rounds
/// the exact product: text formatting rounds the exact binary value, never
/// a product already rounded once.
struct Scaled {
    /// The product (or quotient, for negative `decimals`), rounded.
    value: f64,
    /// Exact product minus `value`, or a number of the same sign.
    error: f64,
    /// The exact power of ten.
    power: f64,
    /// Whether `value` is a product (else a quotient).
    product: bool,
}

impl Scaled {
    /// `x` (positive) scaled by 10^`decimals`; `None` when the power of ten
    /// is no exact double, or the scaled value is too large for its halves
    /// to be exact.
    fn new(x: f64, decimals: i32) -> Option<Scaled> {
        let power = *EXACT_POWERS.get(decimals.unsigned_abs() as usize)?;
        let product = decimals >= 0;
        let (value, error) = if product {
            let value = x * power;
            // The error of a product is a double, and a fused multiply-add
            // gives it exactly.
            (value, x.mul_add(power, -value))
        } else {
            let value = x / power;
            // So is the remainder of a quotient, of the error's sign.
            (value, (-value).mul_add(power, x))
        };
        (value < 2f64.powi(52)).then_some(Scaled {
            value,
            error,
            power,
            product,
        })
    }

    /// The exact scaled value rounded to a whole number, ties to even, and
    /// scaled back: one correctly rounded operation on exact operands, as
    /// reading the digits back would give.
    fn rounded(&self) -> f64 {
        let floor = self.value.floor();
        // Exact: below 2^52 a double's fraction and halves are exact.
        let fraction = self.value - floor;
        let up = match fraction.partial_cmp(&0.5) {
            Some(std::cmp::Ordering::Greater) => true,
            Some(std::cmp::Ordering::Less) | None => false,
            // The rounded value sits on the half: the error says on which
            // side the exact one is, and a true tie goes to the even one.
            Some(std::cmp::Ordering::Equal) => {
                self.error > 0.0 || (self.error == 0.0 && floor % 2.0 != 0.0)
            }
        };
        let whole = if up { floor + 1.0 } else { floor };
        if self.product {
            whole / self.power
        } else {
            whole * self.power
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Comparison::*;
    use proptest::prelude::*;

    /// `difference` as it was defined, through text.
    fn difference_by_text(a: f64, b: f64) -> f64 {
        let d = a - b;
        let magnitude = a.abs().max(b.abs());
        if !d.is_finite() || magnitude == 0.0 {
            return d;
        }
        let decimals = SIGNIFICANT_DIGITS as i32 - 1 - magnitude.log10().floor() as i32;
        if decimals < 0 {
            return significant_by_text(d);
        }
        format!("{d:.prec$}", prec = decimals.min(340) as usize)
            .parse()
            .unwrap_or(d)
    }

    /// Bit for bit, so that -0 and 0 are told apart.
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// Doubles of every kind: any bit pattern, ordinary magnitudes, and
    /// those that sit on a half of the 15th digit (or next to one).
    fn any_double() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<u64>().prop_map(f64::from_bits),
            (-1e6f64..1e6),
            (1u64..1_000_000_000_000_000, -30i32..40, -2i64..=2).prop_map(|(n, e, ulps)| {
                let half = (n as f64 + 0.5) * 10f64.powi(e);
                f64::from_bits((half.to_bits() as i64 + ulps) as u64)
            }),
            Just(0.0),
            Just(-0.0),
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
            Just(5e-324),
            Just(1e308),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn significant_is_the_text_rounding_bit_for_bit(x in any_double()) {
            prop_assert!(same(significant(x), significant_by_text(x)), "{x:e}");
        }

        #[test]
        fn difference_is_the_text_rounding_bit_for_bit(a in any_double(), b in any_double()) {
            prop_assert!(same(difference(a, b), difference_by_text(a, b)), "{a:e} - {b:e}");
            let near = f64::from_bits(a.to_bits() ^ 0xff);
            prop_assert!(same(difference(a, near), difference_by_text(a, near)), "{a:e} - {near:e}");
        }
    }

    #[test]
    fn ties_of_the_last_digit_go_to_even_as_in_text() {
        for x in [
            100000000000000.5,
            100000000000001.5,
            0.5,
            2.5e-8,
            1.25e20,
            9.999999999999995,
        ] {
            assert!(same(significant(x), significant_by_text(x)), "{x:e}");
            assert!(same(significant(-x), significant_by_text(-x)), "{x:e}");
        }
    }

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
