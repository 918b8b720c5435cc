//! What the odds need from a plan: the `[uncertainty]` table (paths, seed,
//! correlation) and each metric's `volatility`, checked into numbers the
//! simulation can use, each refusal saying what to write instead.

use toml::{Spanned, Value};

use super::locate::Locator;
use super::raw::RawUncertainty;
use super::value::number;
use crate::plan::error::Problems;
use crate::plan::rate::{parse_rate, times_hundred};
use crate::plan::{Fault, Found, PATHS, Uncertainty};

/// The `[uncertainty]` table, defaults for what it leaves out; none when
/// it has problems, which are reported.
pub(super) fn uncertainty(
    raw: Option<&Spanned<RawUncertainty>>,
    locator: &Locator,
    problems: &mut Problems,
) -> Option<Uncertainty> {
    let defaults = Uncertainty::default();
    let Some(raw) = raw else {
        return Some(defaults);
    };
    let raw = raw.get_ref();
    let paths = checked(
        "paths",
        raw.paths.as_ref(),
        &|v| whole(v).and_then(paths),
        locator,
        problems,
    );
    let seed = checked("seed", raw.seed.as_ref(), &whole, locator, problems);
    let correlation = checked(
        "correlation",
        raw.correlation.as_ref(),
        &correlation,
        locator,
        problems,
    );
    Some(Uncertainty {
        paths: paths?.unwrap_or(defaults.paths),
        seed: seed?.unwrap_or(defaults.seed),
        correlation: correlation?.unwrap_or(defaults.correlation),
    })
}

/// A field of `[uncertainty]` checked by `check`: `Some(None)` when the
/// table leaves it out, none when it is refused (and reported).
fn checked<T>(
    name: &str,
    value: Option<&Spanned<Value>>,
    check: &dyn Fn(&Value) -> Result<T, Fault>,
    locator: &Locator,
    problems: &mut Problems,
) -> Option<Option<T>> {
    let Some(value) = value else {
        return Some(None);
    };
    match check(value.get_ref()) {
        Ok(checked) => Some(Some(checked)),
        Err(fault) => {
            let field = format!("uncertainty.{name}");
            let at = locator.locate(value.span());
            problems.scope().in_field(&field).report(at, fault);
            None
        }
    }
}

/// A whole number of 0 or more.
fn whole(value: &Value) -> Result<u64, Fault> {
    match value {
        Value::Integer(i) if *i >= 0 => Ok(*i as u64),
        other => Err(Fault::NotWhole {
            found: Found::of(other),
        }),
    }
}

fn paths(paths: u64) -> Result<u64, Fault> {
    if PATHS.contains(&paths) {
        return Ok(paths);
    }
    Err(Fault::PathsOutOfRange {
        paths,
        min: *PATHS.start(),
        max: *PATHS.end(),
    })
}

/// ρ in [0, 1): 1 would leave no noise of each metric's own.
fn correlation(value: &Value) -> Result<f64, Fault> {
    let rho = number(value)?;
    if (0.0..1.0).contains(&rho) {
        return Ok(rho);
    }
    Err(Fault::CorrelationOutOfRange {
        rho: rho.to_string(),
    })
}

/// A compound metric's volatility: the standard deviation of its log
/// growth factor, written as a rate.
pub(super) fn compound_volatility(value: &Value) -> Result<f64, Fault> {
    let sigma = parse_rate(value)?;
    not_negative(sigma, || format!("\"{}%\"", times_hundred(-sigma)))
}

/// A linear metric's volatility: the standard deviation of its yearly
/// increment, in the metric's unit.
pub(super) fn linear_volatility(value: &Value) -> Result<f64, Fault> {
    let sigma = number(value)?;
    not_negative(sigma, || (-sigma).to_string())
}

fn not_negative(sigma: f64, positive: impl Fn() -> String) -> Result<f64, Fault> {
    if sigma >= 0.0 {
        return Ok(sigma);
    }
    Err(Fault::NegativeVolatility {
        positive: positive(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volatilities_are_standard_deviations() {
        let text = |s: &str| Value::String(s.to_owned());
        assert_eq!(compound_volatility(&text("3%")), Ok(0.03));
        assert_eq!(compound_volatility(&Value::Float(0.03)), Ok(0.03));
        assert_eq!(
            compound_volatility(&text("-3%")).map_err(|f| f.to_string()),
            Err(
                "a volatility is a standard deviation and cannot be negative; write \"3%\" \
                 (the spread is the same either way up)"
                    .to_owned()
            )
        );
        assert!(compound_volatility(&Value::Float(f64::NAN)).is_err());
        assert_eq!(linear_volatility(&Value::Integer(4)), Ok(4.0));
        assert!(linear_volatility(&Value::Float(f64::INFINITY)).is_err());
        assert!(
            linear_volatility(&Value::Integer(-4))
                .unwrap_err()
                .to_string()
                .contains("write 4 ")
        );
    }

    #[test]
    fn paths_and_correlation_stay_in_range() {
        assert_eq!(paths(100), Ok(100));
        assert!(
            paths(99)
                .unwrap_err()
                .to_string()
                .starts_with("99 paths is outside 100 to 100000000")
        );
        assert_eq!(correlation(&Value::Float(0.5)), Ok(0.5));
        assert!(correlation(&Value::Integer(1)).is_err());
        assert!(correlation(&Value::Float(-0.1)).is_err());
        assert!(whole(&Value::Integer(-1)).is_err());
    }
}
