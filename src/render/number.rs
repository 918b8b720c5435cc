//! How numbers are written: never with thousands separators, and never with
//! exponents below 10^15, so that spreadsheets and scripts read them back
//! as the same numbers.

use crate::report::in_percent;

/// How many decimals to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The shortest text that reads back as exactly the same double.
    Full,
    Decimals(usize),
}

/// Beyond this, fixed decimals would print digits a double does not hold.
const FIXED_LIMIT: f64 = 1e15;

pub fn number(x: f64, precision: Precision) -> String {
    let text = match precision {
        Precision::Full => x.to_string(),
        Precision::Decimals(d) if x.abs() >= FIXED_LIMIT => format!("{x:.d$e}"),
        Precision::Decimals(d) => format!("{x:.d$}"),
    };
    drop_negative_zero(text)
}

/// A fraction (rate, attainment) with `precision` counted in percent: two
/// more decimals than a value gets.
pub fn fraction(x: f64, precision: Precision) -> String {
    number(x, fraction_precision(precision))
}

pub fn fraction_precision(precision: Precision) -> Precision {
    match precision {
        Precision::Full => Precision::Full,
        Precision::Decimals(d) => Precision::Decimals(d + 2),
    }
}

/// A value rounded the way `number` writes it, for formats that carry
/// numbers rather than text (JSON).
pub fn rounded(x: f64, precision: Precision) -> f64 {
    match precision {
        Precision::Full => x,
        Precision::Decimals(_) => number(x, precision).parse().unwrap_or(x),
    }
}

/// With a sign always shown, for gaps: "+2.30", "-7.18", "0.00".
pub fn signed(x: f64, decimals: usize) -> String {
    let text = number(x, Precision::Decimals(decimals));
    if text.starts_with('-') || text.trim_start_matches(['0', '.']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

/// A fraction as a percent: 0.171398 → "17.14%".
pub fn percent(fraction: f64, decimals: usize) -> String {
    format!(
        "{}%",
        number(fraction * 100.0, Precision::Decimals(decimals))
    )
}

/// A fraction as a percent with just the digits it needs: 0.16 → "16%".
pub fn percent_shortest(fraction: f64) -> String {
    format!("{}%", number(in_percent(fraction), Precision::Full))
}

/// "-0.00" says nothing "0.00" does not, and looks like a miss.
fn drop_negative_zero(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_precision_round_trips_without_exponents() {
        assert_eq!(number(142.8232327168, Precision::Full), "142.8232327168");
        assert_eq!(number(1e21, Precision::Full), "1000000000000000000000");
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
    fn signed_and_percent() {
        assert_eq!(signed(2.3, 2), "+2.30");
        assert_eq!(signed(-7.177, 2), "-7.18");
        assert_eq!(signed(0.0001, 2), "0.00");
        assert_eq!(percent(0.171398, 2), "17.14%");
        assert_eq!(percent(0.16, 0), "16%");
        assert_eq!(percent_shortest(0.07), "7%");
        assert_eq!(percent_shortest(-0.035), "-3.5%");
    }
}
