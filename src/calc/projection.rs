//! Each metric's path from base_year to target_year, and beyond it.
//!
//! Compound and linear metrics are stepped year by year, exactly as a
//! spreadsheet column of `=B2*(1+C3)` or `=B2+C3` would be, so per-year rates
//! and increments need no special case. Ratios are computed afterwards from
//! their two components. Past target_year (to find the year a goal is first
//! reached) a metric keeps its last year's rate or increment.

use crate::plan::{Model, Plan};

/// Values per metric, in plan order, for every year base_year..=target_year.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    series: Vec<Vec<f64>>,
}

impl Projection {
    /// The path of metric `index`; element 0 is the base year.
    pub fn series(&self, index: usize) -> &[f64] {
        &self.series[index]
    }
}

/// A path that cannot be computed: the plan is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProjectionError {
    /// The value exceeds what a 64-bit float can hold.
    Overflow { metric: usize, year: i32 },
    /// A ratio's denominator is 0 in `year`, or crosses 0 on the way to it.
    ZeroDenominator {
        metric: usize,
        denominator: usize,
        year: i32,
    },
}

pub fn project(plan: &Plan) -> Result<Projection, ProjectionError> {
    let mut series: Vec<Vec<f64>> = Vec::with_capacity(plan.metrics.len());
    for (index, metric) in plan.metrics.iter().enumerate() {
        let path = match &metric.model {
            Model::Compound { baseline, growth } => walk(*baseline, growth, |v, g| v * (1.0 + g)),
            Model::Linear {
                baseline,
                increment,
            } => walk(*baseline, increment, |v, d| v + d),
            // Filled in below, once every component exists.
            Model::Ratio { .. } => Vec::new(),
        };
        check_finite(&path, plan.base_year, index)?;
        series.push(path);
    }
    for (index, metric) in plan.metrics.iter().enumerate() {
        if let Model::Ratio {
            numerator,
            denominator,
            scale,
        } = metric.model
        {
            let path =
                divide(&series[numerator], &series[denominator], scale).map_err(|year_index| {
                    ProjectionError::ZeroDenominator {
                        metric: index,
                        denominator,
                        year: plan.base_year + year_index as i32,
                    }
                })?;
            check_finite(&path, plan.base_year, index)?;
            series[index] = path;
        }
    }
    Ok(Projection { series })
}

/// numerator / denominator × scale, year by year; `Err(i)` for the first
/// year index where the denominator is 0 or has crossed 0.
pub(super) fn divide(
    numerator: &[f64],
    denominator: &[f64],
    scale: f64,
) -> Result<Vec<f64>, usize> {
    let base_sign = denominator.first().map_or(1.0, |d| d.signum());
    if let Some(i) = denominator
        .iter()
        .position(|d| *d == 0.0 || d.signum() != base_sign)
    {
        return Err(i);
    }
    Ok(numerator
        .iter()
        .zip(denominator)
        .map(|(n, d)| n / d * scale)
        .collect())
}

pub(super) fn walk(baseline: f64, steps: &[f64], step: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    let mut path = Vec::with_capacity(steps.len() + 1);
    path.push(baseline);
    let mut value = baseline;
    for s in steps {
        value = step(value, *s);
        path.push(value);
    }
    path
}

fn check_finite(path: &[f64], base_year: i32, metric: usize) -> Result<(), ProjectionError> {
    match path.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(ProjectionError::Overflow {
            metric,
            year: base_year + i as i32,
        }),
        None => Ok(()),
    }
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
    let trend = |i: usize| Trend::after(&plan.metrics[i].model, projection.series(i));
    let (numerator, denominator, scale) = match plan.metrics[index].model {
        Model::Ratio {
            numerator,
            denominator,
            scale,
        } => (trend(numerator), trend(denominator), scale),
        _ => (trend(index), None, 1.0),
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

/// A compound or linear path continued with its last step.
struct Trend {
    value: f64,
    step: Step,
}

enum Step {
    Rate(f64),
    Increment(f64),
}

impl Trend {
    /// The path's continuation; none for a ratio, which has no step of its own.
    fn after(model: &Model, path: &[f64]) -> Option<Trend> {
        let step = match model {
            Model::Compound { growth, .. } => Step::Rate(*growth.last()?),
            Model::Linear { increment, .. } => Step::Increment(*increment.last()?),
            Model::Ratio { .. } => return None,
        };
        Some(Trend {
            value: *path.last()?,
            step,
        })
    }
}

impl Iterator for Trend {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        self.value = match self.step {
            Step::Rate(g) => self.value * (1.0 + g),
            Step::Increment(d) => self.value + d,
        };
        Some(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse_plan;

    fn plan(metrics: &str) -> Plan {
        let text = format!("[plan]\nbase_year = 2015\ntarget_year = 2020\n{metrics}");
        parse_plan(&text, "test.toml", &Default::default())
            .expect("test plan parses")
            .remove(0)
            .plan
    }

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
                year: 2018
            })
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
