//! Each metric's path from base_year to target_year, and beyond it.
//!
//! Compound and linear metrics are stepped year by year, exactly as a
//! spreadsheet column of `=B2*(1+C3)` or `=B2+C3` would be, so per-year rates
//! and increments need no special case. Actual figures anchor the path: years
//! between two known values are filled in (geometrically for compound
//! metrics, on a straight line for linear ones), and the projection restarts
//! from the latest actual figure. Ratios are computed afterwards from their
//! parts (`share`); a share entered directly anchors the ratio the same way. Past
//! target_year (to find the year a goal is first reached) a metric keeps its
//! last year's rate or increment.
//!
//! A compound metric with a deflator steps by its real growth and its price
//! change together, so its path (and its actual figures) are at current
//! prices; its real path is that path at base-year prices (`prices`). A
//! ratio divides its parts' current-price paths, or their real paths when it
//! asks for comparable prices.

use std::collections::BTreeMap;

use super::prices::{at_comparable_prices, at_prices, part_path, price_index};
use super::share::{ShareError, divide, share, share_notes};
use crate::plan::{Metric, Model, Plan, Prices};

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointSource {
    /// Given in the plan for base_year.
    Baseline,
    /// A published figure.
    Actual,
    /// Filled in between the baseline and an actual figure, or two of them.
    Interpolated,
    /// Computed from the latest known value with the plan's growth.
    Projected,
}

/// A path with the source of each value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Path {
    /// One value per year, base_year..=target_year, in the metric's unit.
    pub(super) values: Vec<f64>,
    /// Where each of `values` comes from.
    pub(super) sources: Vec<PointSource>,
}

/// A share entered directly that differs from the ratio of its parts' actual
/// figures by more than [`SHARE_NOTE_THRESHOLD`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareNote {
    /// Index into `Plan::metrics` of the share.
    pub metric: usize,
    /// The year of the entered share.
    pub year: i32,
    /// The share as entered, in its unit.
    pub entered: f64,
    /// The ratio of its parts' actual figures that year, in the same unit,
    /// every digit kept.
    pub from_parts: f64,
}

/// Differences between an entered share and its parts' ratio up to this
/// (in the share's unit, points for %) are rounding, not news.
pub const SHARE_NOTE_THRESHOLD: f64 = 0.05;

/// Every metric's path, in plan order, for every year base_year..=target_year:
/// with actual figures, and from the baseline alone (the plan path).
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    paths: Vec<Path>,
    /// At base-year prices, for the metrics with a deflator.
    real_paths: Vec<Option<Vec<f64>>>,
    plan_paths: Vec<Vec<f64>>,
    notes: Vec<ShareNote>,
}

impl Projection {
    /// The path of metric `index`; element 0 is the base year.
    pub fn series(&self, index: usize) -> &[f64] {
        &self.paths[index].values
    }

    /// The path of metric `index` at base-year prices (可比价), on which its
    /// growth is judged: for a metric with a deflator its path over the
    /// price index, for any other its path itself.
    pub fn real_series(&self, index: usize) -> &[f64] {
        self.real_paths[index]
            .as_deref()
            .unwrap_or_else(|| self.series(index))
    }

    /// The path of metric `index` as a ratio with `prices` divides it.
    pub fn part_series(&self, index: usize, prices: Prices) -> &[f64] {
        match prices {
            Prices::Current => self.series(index),
            Prices::Comparable => self.real_series(index),
        }
    }

    /// Where each value of metric `index`'s path comes from, year by year
    /// as [`series`](Projection::series) gives them.
    pub fn sources(&self, index: usize) -> &[PointSource] {
        &self.paths[index].sources
    }

    /// The path from the baseline alone, as if no actual figure were known.
    pub fn plan_series(&self, index: usize) -> &[f64] {
        &self.plan_paths[index]
    }

    /// The shares entered directly that differ from their parts' ratio, in
    /// plan order, then year order.
    pub fn notes(&self) -> &[ShareNote] {
        &self.notes
    }

    /// The year index of metric `index`'s latest actual figure.
    pub fn latest_actual(&self, index: usize) -> Option<usize> {
        self.sources(index)
            .iter()
            .rposition(|s| *s == PointSource::Actual)
    }
}

/// The proportion, in year index `k`, between a ratio anchored to entered
/// shares and the ratio of its parts: the share keeps it as its parts move.
/// 1 for any metric without entered shares (a ratio is then its parts' ratio).
pub fn share_anchor(plan: &Plan, projection: &Projection, index: usize, k: usize) -> f64 {
    let metric = &plan.metrics[index];
    match metric.model {
        Model::Ratio {
            numerator,
            denominator,
            scale,
            prices,
            ..
        } if !metric.actual.is_empty() => {
            let at = |i: usize| projection.part_series(i, prices)[k];
            at(index) / (at(numerator) / at(denominator) * scale)
        }
        _ => 1.0,
    }
}

/// A path that cannot be computed: the plan is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProjectionError {
    /// The value exceeds what a 64-bit float can hold. `figure` is the year
    /// of the actual figure the path went on from (or towards), when the
    /// path from the baseline alone stays finite: that figure is to blame.
    Overflow {
        /// Index into `Plan::metrics` of the metric whose path overflows.
        metric: usize,
        /// The first year it overflows in.
        year: i32,
        /// The year of the actual figure to blame, if one is.
        figure: Option<i32>,
    },
    /// A ratio's denominator is 0 in `year`, or crosses 0 on the way to it.
    ZeroDenominator {
        /// Index into `Plan::metrics` of the ratio.
        metric: usize,
        /// Index into `Plan::metrics` of its denominator.
        denominator: usize,
        /// The year the denominator reaches 0 by.
        year: i32,
    },
    /// A ratio with entered shares whose parts' ratio is 0 or negative in `year`.
    ShareNotPositive {
        /// Index into `Plan::metrics` of the ratio.
        metric: usize,
        /// The first year its parts' ratio is not positive.
        year: i32,
    },
}

/// Every metric's path under `plan`, base year to target year: compound and
/// linear metrics stepped year by year through their actual figures, then
/// ratios from their parts. Refused when a value overflows or a ratio's
/// denominator reaches 0.
pub fn project(plan: &Plan) -> Result<Projection, ProjectionError> {
    let count = plan.metrics.len();
    let mut paths: Vec<Path> = Vec::with_capacity(count);
    let mut plan_paths: Vec<Vec<f64>> = Vec::with_capacity(count);
    let mut real_paths: Vec<Option<Vec<f64>>> = Vec::with_capacity(count);
    // Ratios are filled in below, once every part exists.
    for (index, metric) in plan.metrics.iter().enumerate() {
        let (path, plan_path) = match metric.model {
            Model::Ratio { .. } => (
                Path {
                    values: Vec::new(),
                    sources: Vec::new(),
                },
                Vec::new(),
            ),
            _ => (
                anchored(metric, &metric.actual, plan.base_year, |g| g),
                anchored(metric, &BTreeMap::new(), plan.base_year, |g| g).values,
            ),
        };
        // The plan path first: when it overflows, the figures are not to blame.
        check_finite(&plan_path, plan.base_year, index, &BTreeMap::new())?;
        check_finite(&path.values, plan.base_year, index, &metric.actual)?;
        real_paths.push(
            price_index(&metric.model).map(|prices| at_comparable_prices(&path.values, &prices)),
        );
        paths.push(path);
        plan_paths.push(plan_path);
    }
    let mut notes = Vec::new();
    for (index, metric) in plan.metrics.iter().enumerate() {
        if let Model::Ratio {
            numerator,
            denominator,
            scale,
            prices,
            ..
        } = metric.model
        {
            let part = |i: usize| part_path(&plan.metrics[i], &paths[i], prices);
            let plan_part = |i: usize| at_prices(&plan.metrics[i], &plan_paths[i], prices);
            let (num, den) = (part(numerator), part(denominator));
            let year = |k: usize| plan.base_year + k as i32;
            let zero = |k: usize| ProjectionError::ZeroDenominator {
                metric: index,
                denominator,
                year: year(k),
            };
            let path =
                share(&num, &den, scale, &metric.actual, plan.base_year).map_err(|error| {
                    match error {
                        ShareError::ZeroDenominator(k) => zero(k),
                        ShareError::NotPositive(k) => ProjectionError::ShareNotPositive {
                            metric: index,
                            year: year(k),
                        },
                    }
                })?;
            let plan_path =
                divide(&plan_part(numerator), &plan_part(denominator), scale).map_err(zero)?;
            let entered = if plan_path.iter().all(|v| v.is_finite()) {
                &metric.actual
            } else {
                &BTreeMap::new()
            };
            check_finite(&path.values, plan.base_year, index, entered)?;
            notes.extend(share_notes(
                index,
                metric,
                &num,
                &den,
                scale,
                plan.base_year,
            ));
            paths[index] = path;
            plan_paths[index] = plan_path;
        }
    }
    Ok(Projection {
        paths,
        real_paths,
        plan_paths,
        notes,
    })
}

/// A compound or linear metric's path through its baseline and the figures
/// `actual`: filled in between them, then stepped from the latest with the
/// plan's growth (each year's passed through `rate`, which a sweep shifts or
/// replaces) and deflator, or increment. With no figures, it is the plan path.
pub(super) fn anchored(
    metric: &Metric,
    actual: &BTreeMap<i32, f64>,
    base_year: i32,
    rate: impl Fn(f64) -> f64,
) -> Path {
    let (baseline, steps, compound) = match &metric.model {
        Model::Compound {
            baseline, growth, ..
        } => (*baseline, growth, true),
        Model::Linear {
            baseline,
            increment,
        } => (*baseline, increment, false),
        Model::Ratio { .. } => {
            return Path {
                values: Vec::new(),
                sources: Vec::new(),
            };
        }
    };
    let mut path = anchors_filled(baseline, actual, base_year, steps.len(), compound);
    let latest = latest_anchor(&path.sources);
    let deflator = match &metric.model {
        Model::Compound {
            deflator: Some(deflator),
            ..
        } => Some(deflator),
        _ => None,
    };
    for k in latest + 1..path.values.len() {
        let previous = path.values[k - 1];
        path.values[k] = if compound {
            let real = previous * (1.0 + rate(steps[k - 1]));
            deflator.map_or(real, |prices| real * (1.0 + prices[k - 1]))
        } else {
            previous + steps[k - 1]
        };
        path.sources[k] = PointSource::Projected;
    }
    path
}

/// A path of `horizon + 1` years holding the base value and the actual
/// figures, with the years between them filled in, geometrically or on a
/// straight line; years after the latest figure are left for the caller.
pub(super) fn anchors_filled(
    base_value: f64,
    actual: &BTreeMap<i32, f64>,
    base_year: i32,
    horizon: usize,
    geometric: bool,
) -> Path {
    let mut values = vec![f64::NAN; horizon + 1];
    let mut sources = vec![PointSource::Projected; horizon + 1];
    values[0] = base_value;
    sources[0] = PointSource::Baseline;
    let mut previous = (0usize, base_value);
    for (&year, &value) in actual {
        let k = (year - base_year) as usize;
        if k == 0 || k > horizon {
            continue;
        }
        let (k0, v0) = previous;
        for j in k0 + 1..k {
            let t = (j - k0) as f64 / (k - k0) as f64;
            values[j] = if geometric {
                v0 * (value / v0).powf(t)
            } else {
                v0 + (value - v0) * t
            };
            sources[j] = PointSource::Interpolated;
        }
        values[k] = value;
        sources[k] = PointSource::Actual;
        previous = (k, value);
    }
    Path { values, sources }
}

/// The index of the latest baseline or actual value.
pub(super) fn latest_anchor(sources: &[PointSource]) -> usize {
    sources
        .iter()
        .rposition(|s| matches!(s, PointSource::Actual | PointSource::Baseline))
        .unwrap_or(0)
}

/// An overflow at the first value of `path` that is not finite. A path goes
/// on from the latest of the `actual` figures before it, or, between two
/// figures, towards the next: that figure is named.
fn check_finite(
    path: &[f64],
    base_year: i32,
    metric: usize,
    actual: &BTreeMap<i32, f64>,
) -> Result<(), ProjectionError> {
    let Some(i) = path.iter().position(|v| !v.is_finite()) else {
        return Ok(());
    };
    let year = base_year + i as i32;
    let figure = actual
        .range(..=year)
        .next_back()
        .or_else(|| actual.range(year..).next())
        .map(|(&figure, _)| figure);
    Err(ProjectionError::Overflow {
        metric,
        year,
        figure,
    })
}

/// The values of metric `index` after target_year, one per year, for as long
/// as the caller takes them. Each component keeps its last rate or increment;
/// a ratio whose denominator reaches 0 or changes sign gives NaN from then on,
/// and values may overflow: callers stop at the first value that is not finite.
pub fn continuation(
    plan: &Plan,
    projection: &Projection,
    index: usize,
) -> impl Iterator<Item = f64> {
    let continued = |i: usize, prices: Prices| {
        Continued::after(
            &plan.metrics[i].model,
            projection.part_series(i, prices),
            prices,
        )
    };
    let (numerator, denominator, scale) = match plan.metrics[index].model {
        Model::Ratio {
            numerator,
            denominator,
            scale,
            prices,
            ..
        } => {
            let anchor = share_anchor(plan, projection, index, plan.horizon());
            (
                continued(numerator, prices),
                continued(denominator, prices),
                scale * anchor,
            )
        }
        _ => (continued(index, Prices::Current), None, 1.0),
    };
    let sign = denominator.as_ref().map_or(1.0, |d| d.value.signum());
    let mut denominator = denominator;
    numerator.into_iter().flatten().map(move |n| {
        match denominator.as_mut().and_then(Iterator::next) {
            None => n,
            Some(d) if d == 0.0 || d.signum() != sign => f64::NAN,
            Some(d) => n / d * scale,
        }
    })
}

/// The values of compound or linear metric `index` after target_year at
/// `prices`, as [`continuation`] steps them; at comparable prices, its real
/// path goes on without the deflator. None for a ratio.
pub fn continuation_at(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    prices: Prices,
) -> impl Iterator<Item = f64> + use<> {
    let model = &plan.metrics[index].model;
    Continued::after(model, projection.part_series(index, prices), prices)
        .into_iter()
        .flatten()
}

/// A compound or linear path continued with its last step.
struct Continued {
    value: f64,
    step: Step,
}

enum Step {
    /// Growth, and for a path at current prices its deflator.
    Rate(f64, Option<f64>),
    Increment(f64),
}

impl Continued {
    /// The continuation of `path` at `prices` (comparable prices leave the
    /// deflator out); none for a ratio, which has no step of its own.
    fn after(model: &Model, path: &[f64], prices: Prices) -> Option<Continued> {
        let step = match model {
            Model::Compound {
                growth, deflator, ..
            } => {
                let deflator = match prices {
                    Prices::Current => deflator.as_ref().and_then(|d| d.last().copied()),
                    Prices::Comparable => None,
                };
                Step::Rate(*growth.last()?, deflator)
            }
            Model::Linear { increment, .. } => Step::Increment(*increment.last()?),
            Model::Ratio { .. } => return None,
        };
        Some(Continued {
            value: *path.last()?,
            step,
        })
    }
}

impl Iterator for Continued {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        self.value = match self.step {
            Step::Rate(g, None) => self.value * (1.0 + g),
            Step::Rate(g, Some(p)) => self.value * (1.0 + g) * (1.0 + p),
            Step::Increment(d) => self.value + d,
        };
        Some(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::test_plan as plan;

    #[test]
    fn compound_matches_spreadsheet_fv() {
        // =FV(16%, 5, 0, -68) in a spreadsheet: 142.8232327168
        let p = plan("[metrics.a]\nbaseline = 68\ngrowth = \"16%\"\n");
        let path = project(&p).unwrap().series(0).to_vec();
        assert_eq!(path.len(), 6);
        assert!((path[5] - 142.8232327168).abs() < 1e-9, "{}", path[5]);
        assert!((path[1] - 78.88).abs() < 1e-12);
    }

    #[test]
    fn per_year_rates_apply_from_the_first_projected_year() {
        let p = plan("[metrics.a]\nbaseline = 100\ngrowth = [\"10%\", 0, 0, 0, \"-50%\"]\n");
        let path = project(&p).unwrap().series(0).to_vec();
        let expected = [100.0, 110.0, 110.0, 110.0, 110.0, 55.0];
        for (got, want) in path.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{path:?}");
        }
    }

    #[test]
    fn linear_adds_increments() {
        let p = plan("[metrics.a]\nbaseline = 120\nincrement = 16\n");
        assert_eq!(
            project(&p).unwrap().series(0),
            &[120.0, 136.0, 152.0, 168.0, 184.0, 200.0]
        );
    }

    #[test]
    fn ratio_divides_components_and_scales() {
        let p = plan(
            "[metrics.part]\nbaseline = 40\nincrement = 10\n\
             [metrics.whole]\nbaseline = 400\nincrement = 0\n\
             [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\n",
        );
        assert_eq!(
            project(&p).unwrap().series(2),
            &[10.0, 12.5, 15.0, 17.5, 20.0, 22.5]
        );
    }

    #[test]
    fn a_denominator_crossing_zero_is_refused() {
        let p = plan(
            "[metrics.part]\nbaseline = 1\nincrement = 0\n\
             [metrics.whole]\nbaseline = 2\nincrement = -1\n\
             [metrics.share]\nratio = { numerator = \"part\", denominator = \"whole\" }\n",
        );
        assert_eq!(
            project(&p),
            Err(ProjectionError::ZeroDenominator {
                metric: 2,
                denominator: 1,
                year: 2017
            })
        );
    }

    #[test]
    fn overflow_is_refused_with_its_year() {
        let p = plan("[metrics.a]\nbaseline = 1e300\ngrowth = \"100000%\"\n");
        assert_eq!(
            project(&p),
            Err(ProjectionError::Overflow {
                metric: 0,
                year: 2018,
                figure: None
            })
        );
    }

    #[test]
    fn an_overflow_from_an_actual_figure_names_it() {
        let p = plan(
            "[metrics.a]\nbaseline = 1\ngrowth = 0.1\nactual = { 2017 = 1.7e308 }\n\
             [metrics.b]\nbaseline = 1e-300\ngrowth = 0.1\nactual = { 2019 = 1e300 }\n",
        );
        assert_eq!(
            project(&p),
            Err(ProjectionError::Overflow {
                metric: 0,
                year: 2018,
                figure: Some(2017)
            })
        );
        let mut p = p;
        p.metrics.remove(0);
        assert_eq!(
            project(&p),
            Err(ProjectionError::Overflow {
                metric: 0,
                year: 2016,
                figure: Some(2019)
            }),
            "filled in towards a figure too far from the baseline"
        );
    }

    #[test]
    fn actual_figures_anchor_the_path() {
        let p = plan(
            "[metrics.c]\nbaseline = 68\ngrowth = \"16%\"\nactual = { 2018 = 104.2 }\n\
             [metrics.l]\nbaseline = 120\nincrement = 16\nactual = { 2017 = 150, 2019 = 170 }\n",
        );
        let projection = project(&p).unwrap();
        // Geometric fill: 68 × (104.2/68)^(1/3) = 78.3962, ^(2/3) = 90.3819; then 16 % a year.
        let c = projection.series(0);
        let expected = [68.0, 78.396_2, 90.381_9, 104.2, 120.872, 140.211_52];
        for (got, want) in c.iter().zip(expected) {
            assert!((got - want).abs() < 1e-3, "{c:?}");
        }
        use PointSource::*;
        assert_eq!(
            projection.sources(0),
            &[
                Baseline,
                Interpolated,
                Interpolated,
                Actual,
                Projected,
                Projected
            ]
        );
        // Straight line 120 → 150 over two years, 150 → 170 over two, then +16.
        assert_eq!(
            projection.series(1),
            &[120.0, 135.0, 150.0, 160.0, 170.0, 186.0]
        );
        assert_eq!(
            projection.sources(1),
            &[
                Baseline,
                Interpolated,
                Actual,
                Interpolated,
                Actual,
                Projected
            ]
        );
        // The plan path ignores the figures.
        assert_eq!(
            projection.plan_series(1),
            &[120.0, 136.0, 152.0, 168.0, 184.0, 200.0]
        );
    }

    /// GDP growing 6.5 % a year in real terms with prices rising 2 %, energy
    /// growing 3 %, and energy per unit of GDP at comparable and at current
    /// prices; `extra` adds to GDP's table.
    fn priced_plan(extra: &str) -> Plan {
        plan(&format!(
            "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6.5%\"\ndeflator = \"2%\"\n{extra}\
             [metrics.energy]\nbaseline = 500\ngrowth = \"3%\"\n\
             [metrics.real]\nratio = {{ numerator = \"energy\", denominator = \"gdp\", scale = 1, \
             prices = \"comparable\" }}\n\
             [metrics.nominal]\nratio = {{ numerator = \"energy\", denominator = \"gdp\", scale = 1 }}\n"
        ))
    }

    fn assert_close(got: f64, want: f64, tolerance: f64) {
        assert!((got - want).abs() < tolerance, "{got} vs {want}");
    }

    #[test]
    fn a_deflator_gives_levels_at_current_prices_and_a_real_path() {
        let p = priced_plan("");
        let projection = project(&p).unwrap();
        // 1000 × 1.065 × 1.02 = 1086.3 in 2016; 1000 × 1.0863⁵ = 1512.6864 in 2020.
        let gdp = projection.series(0);
        assert_close(gdp[1], 1086.3, 1e-9);
        assert_close(gdp[5], 1_512.686_383_797_5, 1e-9);
        // At 2015 prices: 1000 × 1.065⁵ = 1370.0867.
        assert_close(projection.real_series(0)[5], 1_370.086_663_415_6, 1e-9);
        // Energy has no deflator: its real path is its path.
        assert_eq!(projection.real_series(1), projection.series(1));
        // 500 × 1.03⁵ = 579.6370; over GDP at comparable prices 579.6370 /
        // 1370.0867 = 0.4230660, at current prices 579.6370 / 1512.6864 = 0.3831839.
        assert_close(projection.series(2)[5], 0.423_065_965_553_6, 1e-12);
        assert_close(projection.series(3)[5], 0.383_183_879_592_3, 1e-12);
        assert_eq!(projection.plan_series(2), projection.series(2));
        assert_eq!(projection.real_series(2), projection.series(2));
    }

    #[test]
    fn actual_figures_are_at_current_prices() {
        let p = priced_plan("actual = { 2017 = 1200 }\n");
        let projection = project(&p).unwrap();
        // 1200 in 2017 is 1200 / 1.02² = 1153.4025 at 2015 prices; then 6.5 % real
        // and 2 % prices: 1200 × 1.0863³ = 1538.2630, real 1153.4025 × 1.065³ = 1393.2522.
        assert_close(projection.real_series(0)[2], 1_153.402_537_485_6, 1e-9);
        assert_close(projection.series(0)[5], 1_538.262_966_776_4, 1e-9);
        assert_close(projection.real_series(0)[5], 1_393.252_162_629_8, 1e-9);
        // Past 2020 GDP keeps both its growth and its deflator: 1538.2630 × 1.0863.
        let next = continuation(&p, &projection, 0).next().unwrap();
        assert_close(next, 1_538.262_966_776_4 * 1.0863, 1e-9);
        // The comparable-price ratio continues on GDP's real growth alone:
        // 579.6370 × 1.03 / (1393.2522 × 1.065).
        let next = continuation(&p, &projection, 2).next().unwrap();
        let energy = 500.0 * 1.03f64.powi(6);
        assert_close(next, energy / (1_393.252_162_629_8 * 1.065), 1e-12);
    }

    #[test]
    fn an_entered_share_anchors_a_ratio_and_moves_with_its_parts_after() {
        let p = plan(
            "[metrics.a]\nbaseline = 10\ngrowth = \"10%\"\n[metrics.b]\nbaseline = 100\ngrowth = 0\n\
             [metrics.s]\nratio = { numerator = \"a\", denominator = \"b\" }\nactual = { 2017 = 15 }\n",
        );
        let projection = project(&p).unwrap();
        let s = projection.series(2);
        // Base 10 %; 2017 entered 15 %; 2016 = 10 × (15/10)^(1/2) = 12.2474;
        // after 2017 the share grows as a/b does, 10 % a year: 16.5, 18.15, 19.965.
        let expected = [10.0, 12.247_449, 15.0, 16.5, 18.15, 19.965];
        for (got, want) in s.iter().zip(expected) {
            assert!((got - want).abs() < 1e-6, "{s:?}");
        }
        assert_eq!(projection.sources(2)[2], PointSource::Actual);
        assert!(
            projection.notes().is_empty(),
            "the parts have no actual figures"
        );
    }

    #[test]
    fn continuation_keeps_the_last_step() {
        let p = plan(
            "[metrics.a]\nbaseline = 100\ngrowth = [0, 0, 0, 0, \"10%\"]\n\
             [metrics.b]\nbaseline = 10\nincrement = [1, 1, 1, 1, 5]\n\
             [metrics.r]\nratio = { numerator = \"b\", denominator = \"a\", scale = 1 }\n",
        );
        let projection = project(&p).unwrap();
        let a: Vec<f64> = continuation(&p, &projection, 0).take(2).collect();
        assert!(
            (a[0] - 121.0).abs() < 1e-9 && (a[1] - 133.1).abs() < 1e-9,
            "{a:?}"
        );
        let b: Vec<f64> = continuation(&p, &projection, 1).take(2).collect();
        assert_eq!(b, vec![24.0, 29.0]);
        let r: Vec<f64> = continuation(&p, &projection, 2).take(1).collect();
        assert!((r[0] - 24.0 / 121.0).abs() < 1e-12);
    }

    #[test]
    fn continuation_of_a_ratio_ends_where_its_denominator_crosses_zero() {
        let p = plan(
            "[metrics.pop]\nbaseline = 10\nincrement = -1.5\n\
             [metrics.x]\nbaseline = 5\nincrement = 0\n\
             [metrics.r]\nratio = { numerator = \"x\", denominator = \"pop\", scale = 1 }\n",
        );
        let projection = project(&p).unwrap();
        // pop: 2.5 in 2020, 1.0 in 2021, -0.5 in 2022.
        let r: Vec<f64> = continuation(&p, &projection, 2).take(2).collect();
        assert!((r[0] - 5.0).abs() < 1e-12, "{r:?}");
        assert!(r[1].is_nan(), "{r:?}");
    }
}
