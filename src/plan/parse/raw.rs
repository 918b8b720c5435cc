//! The shape of a `targets.toml`, as serde reads it.
//!
//! serde refuses unknown fields, wrong types and bad syntax, each with its
//! position; values whose meaning needs a check (numbers, rates, goals,
//! years) are kept as spanned TOML values so that the checks can say where.

use indexmap::IndexMap;
use serde::Deserialize;
use toml::{Spanned, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub(super) plan: Option<Spanned<RawHeader>>,
    #[serde(default)]
    pub(super) metrics: RawMetrics,
    #[serde(default)]
    pub(super) scenarios: IndexMap<Spanned<String>, Spanned<RawScenario>>,
    pub(super) uncertainty: Option<Spanned<RawUncertainty>>,
}

/// `[uncertainty]`: how the odds are simulated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUncertainty {
    pub(super) paths: Option<Spanned<Value>>,
    pub(super) seed: Option<Spanned<Value>>,
    pub(super) correlation: Option<Spanned<Value>>,
}

/// The metrics by id, in file order.
pub(super) type RawMetrics = IndexMap<Spanned<String>, Spanned<RawMetric>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub(super) title: Option<String>,
    pub(super) source: Option<String>,
    pub(super) base_year: Option<Spanned<Value>>,
    pub(super) target_year: Option<Spanned<Value>>,
}

/// A field a metric may give, boxed: most metrics give few of their
/// eighteen fields, and an absent field then takes a pointer's room, not a
/// TOML value's (a plan of a million metrics is gigabytes less).
pub(super) type Boxed<T> = Option<Box<Spanned<T>>>;

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMetric {
    pub(super) name: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) baseline: Boxed<Value>,
    pub(super) growth: Boxed<Value>,
    pub(super) increment: Boxed<Value>,
    pub(super) trend: Boxed<Value>,
    pub(super) ratio: Boxed<RawRatio>,
    pub(super) target: Boxed<Value>,
    pub(super) rate_target: Boxed<Value>,
    pub(super) change_target: Boxed<Value>,
    pub(super) increase_target: Boxed<Value>,
    pub(super) total_target: Boxed<Value>,
    pub(super) deflator: Boxed<Value>,
    pub(super) rate_method: Boxed<Value>,
    pub(super) binding: Boxed<Value>,
    pub(super) volatility: Boxed<Value>,
    pub(super) actual: Boxed<toml::Table>,
    pub(super) history: Boxed<toml::Table>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRatio {
    pub(super) numerator: Spanned<String>,
    pub(super) denominator: Spanned<String>,
    pub(super) scale: Option<Spanned<Value>>,
    pub(super) prices: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScenario {
    pub(super) description: Option<String>,
    pub(super) growth_shift: Option<Spanned<Value>>,
    #[serde(default)]
    pub(super) metrics: IndexMap<Spanned<String>, Spanned<RawOverride>>,
}

/// The fields a scenario may replace; a metric's kind stays what it is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOverride {
    baseline: Option<Spanned<Value>>,
    growth: Option<Spanned<Value>>,
    increment: Option<Spanned<Value>>,
    target: Option<Spanned<Value>>,
    rate_target: Option<Spanned<Value>>,
    change_target: Option<Spanned<Value>>,
    increase_target: Option<Spanned<Value>>,
    total_target: Option<Spanned<Value>>,
    deflator: Option<Spanned<Value>>,
    rate_method: Option<Spanned<Value>>,
    binding: Option<Spanned<Value>>,
    volatility: Option<Spanned<Value>>,
}

impl RawOverride {
    /// The fields the scenario gives, by name.
    pub(super) fn fields(&self) -> impl Iterator<Item = (&'static str, &Spanned<Value>)> {
        [
            ("baseline", &self.baseline),
            ("growth", &self.growth),
            ("increment", &self.increment),
            ("target", &self.target),
            ("rate_target", &self.rate_target),
            ("change_target", &self.change_target),
            ("increase_target", &self.increase_target),
            ("total_target", &self.total_target),
            ("deflator", &self.deflator),
            ("rate_method", &self.rate_method),
            ("binding", &self.binding),
            ("volatility", &self.volatility),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| (name, v)))
    }
}
