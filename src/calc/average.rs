//! Average annual growth rates, by the two methods of national statistics.
//!
//! The endpoint method (水平法) looks at the first and last values only: the
//! constant rate that turns one into the other. The cumulative method
//! (累计法), which statistical bureaus use for investment, asks instead that
//! the plan years' values add up to what the constant rate would give:
//! Σ_{k=1..n} v(B)(1+r)^k = Σ_{k=1..n} v(B+k). On a path of constant growth
//! both give that growth; on any other path they differ. Both are rounded
//! to their reliable digits, so that 16 % a year averages exactly 16 %.

use super::noise::difference;
use crate::plan::RateMethod;

/// The constant annual rate that turns `start` into `end` over `years` years
/// (a spreadsheet's RRI), to its reliable digits; `None` unless both values
/// are positive.
pub fn average_annual_rate(start: f64, end: f64, years: f64) -> Option<f64> {
    (start > 0.0 && end > 0.0 && years > 0.0).then(|| {
        let ratio = end / start;
        // A ratio beyond a double (1e300 / 1e-300) may still have a root
        // within one (1e120 over five years): the ratio of the roots.
        let growth = if ratio.is_normal() {
            ratio.powf(1.0 / years)
        } else {
            end.powf(1.0 / years) / start.powf(1.0 / years)
        };
        difference(growth, 1.0)
    })
}

/// The average annual rate of `path` (element 0 the base year) by `method`;
/// `None` where the method has no answer: an end value that is not positive
/// (endpoint), a base value or a sum of the later values that is not
/// positive (cumulative).
pub fn achieved_rate(path: &[f64], method: RateMethod) -> Option<f64> {
    let (&first, later) = path.split_first()?;
    match method {
        RateMethod::Endpoint => average_annual_rate(first, *later.last()?, later.len() as f64),
        RateMethod::Cumulative => rate_for_sum(first, later.iter().sum(), later.len()),
    }
}

/// The constant rate r at which `start` grows into `years` values that add
/// up to `sum`: Σ_{k=1..years} start × (1 + r)^k = sum. It exists, and is
/// unique, exactly when `start` and `sum` are positive (the left side rises
/// from 0 to infinity as r goes from -100 % up).
pub fn rate_for_sum(start: f64, sum: f64, years: usize) -> Option<f64> {
    let target = sum / start;
    if !(start > 0.0 && sum > 0.0 && years > 0 && target.is_finite()) {
        return None;
    }
    growth_factor_for_sum(target, years).map(|factor| difference(factor, 1.0))
}

/// The x > 0 with x + x² + … + x^n = `target` (> 0), to the last bit a
/// double holds. The sum is increasing and convex in x, so Newton's method
/// from above the root approaches it from above; a step that does not halve
/// the bracket is replaced by bisection, so far-off starts converge too.
fn growth_factor_for_sum(target: f64, n: usize) -> Option<f64> {
    let excess = |x: f64| powers_sum(x, n) - target;
    // At target^(1/n) the last power alone reaches the target: an upper bound.
    let (mut low, mut high) = (0.0_f64, target.powf(1.0 / n as f64));
    let mut f_high = excess(high);
    if !f_high.is_finite() {
        return None;
    }
    // Enough for a bisection of every bit of a double; Newton takes a handful.
    for _ in 0..2200 {
        if f_high == 0.0 || high - low <= f64::EPSILON * high {
            break;
        }
        let newton = high - f_high / powers_sum_slope(high, n);
        let next = if newton > low && high - newton >= (high - low) / 2.0 {
            newton
        } else {
            (low + high) / 2.0
        };
        let f_next = excess(next);
        if f_next >= 0.0 {
            (high, f_high) = (next, f_next);
        } else {
            low = next;
        }
    }
    Some(high)
}

/// x + x² + … + x^n, by Horner's rule.
fn powers_sum(x: f64, n: usize) -> f64 {
    (0..n).fold(0.0, |sum, _| (sum + 1.0) * x)
}

/// 1 + 2x + … + n x^(n-1), the slope of [`powers_sum`].
fn powers_sum_slope(x: f64, n: usize) -> f64 {
    (1..=n).rev().fold(0.0, |slope, k| slope * x + k as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_rate_whose_ratio_overflows_is_found_from_the_roots() {
        // (1e300 / 1e-300)^(1/5) = 1e120: the ratio is beyond a double, the rate is not.
        let rate = average_annual_rate(1e-300, 1e300, 5.0).unwrap();
        assert!((rate / 1e120 - 1.0).abs() < 1e-12, "{rate}");
        // Falling to 1e-120 of itself a year: -100 % to a double's digits.
        assert_eq!(average_annual_rate(1e300, 1e-300, 5.0), Some(-1.0));
        assert_eq!(
            average_annual_rate(68.0, 150.0, 5.0),
            Some(0.17143034329661)
        );
    }

    #[test]
    fn endpoint_rate_matches_spreadsheet_rri() {
        // =RRI(5, 420, 1000) = 0.189464...
        let r = average_annual_rate(420.0, 1000.0, 5.0).unwrap();
        assert!((r - 0.18946).abs() < 1e-5, "{r}");
        // =RRI(5, 68, 150) = 0.1714303...
        let r = average_annual_rate(68.0, 150.0, 5.0).unwrap();
        assert!((r - 0.1714303).abs() < 1e-7, "{r}");
        assert_eq!(average_annual_rate(0.0, 10.0, 5.0), None);
        assert_eq!(average_annual_rate(10.0, -1.0, 5.0), None);
    }

    #[test]
    fn cumulative_rate_of_two_years_solves_a_quadratic() {
        // 100 → 105, 120: 100x + 100x² = 225, so x² + x - 2.25 = 0 and
        // x = (-1 + √10) / 2 = 1.0811388300841898: 8.11388300841898 % a year,
        // where the endpoint method gives √1.2 - 1 = 9.5445115 %.
        let path = [100.0, 105.0, 120.0];
        let cumulative = achieved_rate(&path, RateMethod::Cumulative).unwrap();
        assert!(
            (cumulative - 0.081138830084190).abs() < 1e-14,
            "{cumulative}"
        );
        let endpoint = achieved_rate(&path, RateMethod::Endpoint).unwrap();
        assert!((endpoint - 0.0954451150103).abs() < 1e-12, "{endpoint}");
    }

    #[test]
    fn cumulative_rate_of_a_late_jump() {
        // 100 → 100, 100, 160: x + x² + x³ = 3.6. Newton by hand from 1.1
        // (f = 0.041, f' = 1 + 2.2 + 3.63 = 6.83) gives 1.0939971, then
        // 1.0939742: 9.39742 % a year. The endpoint method gives
        // 1.6^(1/3) - 1 = 16.9607 %: a jump in the last year counts once in
        // the sum, but fully in the end point.
        let path = [100.0, 100.0, 100.0, 160.0];
        let r = achieved_rate(&path, RateMethod::Cumulative).unwrap();
        assert!((r - 0.0939742).abs() < 1e-7, "{r}");
        let x = 1.0 + r;
        let sum = 100.0 * (x + x * x + x * x * x);
        assert!((sum - 360.0).abs() <= 1e-12 * 360.0, "{sum}");
    }

    #[test]
    fn cumulative_rate_needs_a_positive_base_and_sum() {
        assert_eq!(rate_for_sum(0.0, 10.0, 5), None);
        assert_eq!(rate_for_sum(10.0, 0.0, 5), None);
        assert_eq!(rate_for_sum(10.0, 10.0, 0), None);
        assert_eq!(rate_for_sum(1e-300, 1e300, 5), None, "an overflowing ratio");
        // A linear path through zero still has a positive sum: -2 + 0 + 8 = 6
        // from 2 solves 2(x + x² + x³) = 6: x = 1, no growth on average.
        let r = achieved_rate(&[2.0, -2.0, 0.0, 8.0], RateMethod::Cumulative);
        assert_eq!(r, Some(0.0));
        assert_eq!(
            achieved_rate(&[2.0, -2.0, 0.0, 8.0], RateMethod::Endpoint).map(|r| r > 0.0),
            Some(true)
        );
        assert_eq!(
            achieved_rate(&[2.0, 1.0, -5.0], RateMethod::Cumulative),
            None
        );
        assert_eq!(achieved_rate(&[2.0], RateMethod::Cumulative), None);
    }

    #[test]
    fn far_off_starts_converge() {
        // x + … + x^100 = 1e-6 has its root just under 1e-6; the start,
        // (1e-6)^(1/100) = 0.87, is far above it.
        let x = growth_factor_for_sum(1e-6, 100).unwrap();
        assert!((powers_sum(x, 100) - 1e-6).abs() <= 1e-18, "{x}");
        let x = growth_factor_for_sum(1e250, 100).unwrap();
        assert!((powers_sum(x, 100) / 1e250 - 1.0).abs() <= 1e-12, "{x}");
    }

    proptest! {
        #[test]
        fn both_methods_agree_on_a_path_of_constant_growth(
            baseline in 0.01f64..1e6,
            rate in -0.5f64..2.0,
            years in 1usize..=100,
        ) {
            let path: Vec<f64> = (0..=years)
                .scan(baseline / (1.0 + rate), |v, _| { *v *= 1.0 + rate; Some(*v) })
                .collect();
            let endpoint = achieved_rate(&path, RateMethod::Endpoint).unwrap();
            let cumulative = achieved_rate(&path, RateMethod::Cumulative).unwrap();
            prop_assert!((endpoint - rate).abs() <= 1e-9 * (1.0 + rate.abs()), "{endpoint} vs {rate}");
            prop_assert!((cumulative - rate).abs() <= 1e-9 * (1.0 + rate.abs()), "{cumulative} vs {rate}");
        }

        #[test]
        fn the_cumulative_equation_is_solved_to_a_relative_1e_12(
            start in 0.01f64..1e6,
            values in prop::collection::vec(0.01f64..1e6, 1..=100),
        ) {
            let sum: f64 = values.iter().sum();
            let n = values.len();
            let x = growth_factor_for_sum(sum / start, n).unwrap();
            let grown = start * powers_sum(x, n);
            prop_assert!((grown - sum).abs() <= 1e-12 * sum, "{grown} vs {sum} at {x}");
            // The rate reported is that factor less 1, at its reliable digits.
            prop_assert_eq!(rate_for_sum(start, sum, n), Some(difference(x, 1.0)));
        }
    }
}
