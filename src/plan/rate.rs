//! Growth rates as people write them: `0.16` or `"16%"`.
//!
//! A bare `16` is the most common mistake in hand-written plans (it reads as
//! 1600 % a year), so any bare number of magnitude 1 or more is refused with
//! the two spellings that were probably meant. Percent strings are converted
//! by shifting the decimal point in the text, not by dividing by 100, so that
//! `"1.1%"` is exactly the same double as `0.011`.

use super::{Fault, Kind, Problem};

/// A rate written as a TOML number or percent string, as a fraction.
pub(super) fn parse_rate(value: &toml::Value) -> Result<f64, Fault> {
    fraction(value, rate_from_number, false)
}

/// A change over the whole plan written as a rate: `-0.135` or `"-13.5%"`.
/// As with yearly rates, a bare number of magnitude 1 or more is refused:
/// `-13.5` is far likelier a percent than a fall of 1350 %.
pub(super) fn parse_change(value: &toml::Value) -> Result<f64, Fault> {
    fraction(value, change_from_number, true)
}

/// A TOML number read by `from_number`, or a percent string; `change`
/// says whether a change over the plan was wanted, else a rate.
fn fraction(
    value: &toml::Value,
    from_number: fn(f64) -> Result<f64, Fault>,
    change: bool,
) -> Result<f64, Fault> {
    match value {
        toml::Value::Integer(i) => from_number(*i as f64),
        toml::Value::Float(x) => from_number(*x),
        toml::Value::String(text) => rate_from_percent_text(text),
        other => Err(Fault::NotARate {
            change,
            kind: Kind::of(other),
        }),
    }
}

fn change_from_number(x: f64) -> Result<f64, Fault> {
    if x.is_finite() && x.abs() >= 1.0 {
        return Err(Fault::ChangeTooLarge {
            x: x.to_string(),
            percent: times_hundred(x).to_string(),
            fraction: (x / 100.0).to_string(),
        });
    }
    rate_from_number(x)
}

/// A percent string read in percent: `"3%"` is 3, a share's value in its
/// own unit; `None` for text without a percent sign.
pub(super) fn parse_percent_points(text: &str) -> Option<Result<f64, Fault>> {
    let trimmed = text.trim_end();
    (trimmed.ends_with('%') || trimmed.ends_with('％'))
        .then(|| rate_from_percent_text(text).map(times_hundred))
}

/// A rate typed on the command line: `0.16`, `"16%"` or `-3%`; refused
/// with the problem, which the words say.
pub fn parse_rate_argument(text: &str) -> Result<f64, Box<Problem>> {
    match text.trim().parse::<f64>() {
        Ok(x) => rate_from_number(x),
        Err(_) => rate_from_percent_text(text),
    }
    .map_err(|fault| Box::new(Problem::new(fault)))
}

fn rate_from_number(x: f64) -> Result<f64, Fault> {
    if !x.is_finite() {
        return Err(Fault::RateNotFinite { x: x.to_string() });
    }
    if x.abs() >= 1.0 {
        return Err(Fault::RateTooLarge {
            x: x.to_string(),
            percent: times_hundred(x).to_string(),
            fraction: (x / 100.0).to_string(),
        });
    }
    Ok(x)
}

fn rate_from_percent_text(text: &str) -> Result<f64, Fault> {
    // The full-width ％ of Chinese input methods means the same.
    let trimmed = text.trim();
    let Some(number) = trimmed
        .strip_suffix('%')
        .or_else(|| trimmed.strip_suffix('％'))
        .map(str::trim_end)
    else {
        return Err(Fault::NoPercentSign {
            text: text.to_owned(),
        });
    };
    let plain_decimal = !number.is_empty()
        && number
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && number.chars().filter(|&c| c == '.').count() <= 1
        && number.chars().filter(|c| matches!(c, '+' | '-')).count() <= 1
        && number.chars().any(|c| c.is_ascii_digit());
    let parsed = plain_decimal
        .then(|| format!("{number}e-2").parse::<f64>().ok())
        .flatten();
    match parsed {
        Some(rate) if rate.is_finite() => Ok(rate),
        _ => Err(Fault::BadPercent {
            text: text.to_owned(),
        }),
    }
}

/// `x` × 100 by moving the decimal point in x's shortest text, so that
/// 0.07 gives 7 and not 7.000000000000001.
pub fn times_hundred(x: f64) -> f64 {
    format!("{x}e2").parse().unwrap_or(x * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::Value;

    #[test]
    fn fractions_and_percent_strings_agree_to_the_last_bit() {
        assert_eq!(parse_rate(&Value::Float(0.16)), Ok(0.16));
        assert_eq!(parse_rate(&Value::String("16%".into())), Ok(0.16));
        assert_eq!(parse_rate(&Value::String("1.1%".into())), Ok(0.011));
        assert_eq!(parse_rate(&Value::String(" -3.5 % ".into())), Ok(-0.035));
        assert_eq!(parse_rate(&Value::String("+2%".into())), Ok(0.02));
        assert_eq!(parse_rate(&Value::String("250%".into())), Ok(2.5));
        assert_eq!(parse_rate(&Value::String("16％".into())), Ok(0.16));
        assert_eq!(parse_rate(&Value::Integer(0)), Ok(0.0));
    }

    #[test]
    fn bare_numbers_of_one_or_more_are_refused_with_the_likely_meaning() {
        assert_eq!(
            parse_rate(&Value::Integer(16)).map_err(|f| f.to_string()),
            Err("16 would mean 1600 % a year; write 0.16 or \"16%\"".into())
        );
        let err = parse_rate(&Value::Float(-1.5)).unwrap_err().to_string();
        assert!(err.contains("-150 % a year"), "{err}");
    }

    #[test]
    fn changes_are_rates_without_the_year() {
        assert_eq!(parse_change(&Value::String("-13.5%".into())), Ok(-0.135));
        assert_eq!(parse_change(&Value::Float(-0.135)), Ok(-0.135));
        assert_eq!(parse_change(&Value::String("100%".into())), Ok(1.0));
        assert_eq!(
            parse_change(&Value::Float(-13.5)).map_err(|f| f.to_string()),
            Err(
                "-13.5 would mean a change of -1350 %; write -0.135 or \"-13.5%\" for \
                 -13.5 %, or \"-1350%\" if that change is meant"
                    .into()
            )
        );
        assert!(parse_change(&Value::Boolean(true)).is_err());
    }

    #[test]
    fn percent_points_are_the_number_before_the_sign() {
        assert_eq!(parse_percent_points("3%"), Some(Ok(3.0)));
        assert_eq!(parse_percent_points("2.45 ％"), Some(Ok(2.45)));
        assert_eq!(parse_percent_points("3"), None);
        assert!(matches!(parse_percent_points("x%"), Some(Err(_))));
    }

    #[test]
    fn command_line_rates() {
        assert_eq!(parse_rate_argument("-5%"), Ok(-0.05));
        assert_eq!(parse_rate_argument("0.01"), Ok(0.01));
        assert!(
            parse_rate_argument("5")
                .unwrap_err()
                .to_string()
                .contains("500 % a year")
        );
        assert!(parse_rate_argument("five").is_err());
    }

    #[test]
    fn malformed_rates_are_refused() {
        for bad in ["16", "%", "abc%", "1e3%", "inf%", "1.2.3%", "--3%", "3-%"] {
            assert!(
                parse_rate(&Value::String(bad.into())).is_err(),
                "{bad} should be refused"
            );
        }
        assert!(parse_rate(&Value::Float(f64::NAN)).is_err());
        assert!(parse_rate(&Value::Boolean(true)).is_err());
    }
}
