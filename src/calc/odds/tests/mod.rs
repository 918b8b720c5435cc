//! The engine against closed forms: a compound metric's log value and a
//! linear metric's value at target_year are normal, so each goal's odds and
//! each percentile are known exactly, and the simulation must agree within
//! its Monte Carlo error.

mod plans;

use std::f64::consts::SQRT_2;

use super::*;
use crate::plan::{Comparison, Goal, InStep, Prices, RateMethod};

const HORIZON: usize = 5;
const PATHS_FOR_TESTS: u64 = 200_000;

/// z such that Φ(z) = q, for the quantiles used here (to 16 digits).
const Z10: f64 = -1.281_551_565_544_600_5;
const Z25: f64 = -0.674_489_750_196_081_7;

/// Φ, the standard normal distribution function.
fn phi(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

/// A path stepped as the projection does, continued with its last step.
fn stepped(start: f64, steps: &[f64], step: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    let last = *steps.last().unwrap();
    let all = steps
        .iter()
        .copied()
        .chain(std::iter::repeat_n(last, LATER_YEARS));
    std::iter::once(start)
        .chain(all.scan(start, |v, s| {
            *v = step(*v, s);
            Some(*v)
        }))
        .collect()
}

/// A metric without a deflator on `path`.
fn metric(path: Vec<f64>, noise: Noise) -> SimMetric {
    SimMetric {
        real: path.clone(),
        path,
        known_through: 0,
        noise,
        rate_method: RateMethod::Endpoint,
    }
}

fn compound(baseline: f64, growth: &[f64], sigma: &[f64]) -> SimMetric {
    let path = stepped(baseline, growth, |v, g| v * (1.0 + g));
    metric(path, Noise::Compound(sigma.to_vec()))
}

fn linear(baseline: f64, increment: &[f64], sigma: &[f64]) -> SimMetric {
    let path = stepped(baseline, increment, |v, d| v + d);
    metric(path, Noise::Linear(sigma.to_vec()))
}

fn ratio(metrics: &[SimMetric], numerator: usize, denominator: usize, factor: f64) -> SimMetric {
    let (top, bottom) = (&metrics[numerator].path, &metrics[denominator].path);
    let path = top
        .iter()
        .zip(bottom)
        .map(|(n, d)| factor * n / d)
        .collect();
    let noise = Noise::Ratio {
        numerator,
        denominator,
        factor,
        prices: Prices::Current,
    };
    metric(path, noise)
}

fn goal(metric: usize, kind: GoalKind, comparison: Comparison, value: f64) -> SimGoal {
    SimGoal {
        metric,
        kind,
        goal: Stated::Value(Goal { comparison, value }),
    }
}

fn run(metrics: Vec<SimMetric>, goals: Vec<SimGoal>, correlation: f64) -> Odds {
    simulate(&Simulation {
        base_year: 2015,
        target_year: 2020,
        metrics,
        goals,
        options: Options {
            paths: PATHS_FOR_TESTS,
            correlation,
            ..Options::default()
        },
    })
    .unwrap()
}

/// Within 4 standard errors of the exact probability.
fn assert_close(odds: &GoalOdds, exact: f64) {
    let se = (exact * (1.0 - exact) / PATHS_FOR_TESTS as f64).sqrt();
    let p = odds.probability;
    assert!(
        (p - exact).abs() <= 4.0 * se,
        "{p} vs exact {exact} (se {se}): {odds:?}"
    );
}

#[test]
fn phi_matches_known_values() {
    assert!((phi(1.0) - 0.841_344_746_068_542_9).abs() < 1e-15);
    assert!((phi(-1.96) - 0.024_997_895_148_220_4).abs() < 1e-15);
    assert_eq!(phi(0.0), 0.5);
    assert!((phi(Z10) - 0.1).abs() < 1e-15 && (phi(Z25) - 0.25).abs() < 1e-15);
}

#[test]
fn compound_goals_match_the_lognormal_closed_form() {
    use Comparison::*;
    use GoalKind::Level;
    let growth = [0.08, 0.06, 0.10, 0.07, 0.05];
    let sigma = [0.05, 0.10, 0.15, 0.10, 0.05];
    let metric = compound(100.0, &growth, &sigma);
    let mean = metric.path[HORIZON].ln();
    let sd = sigma.iter().map(|s| s * s).sum::<f64>().sqrt();
    let at = |z: f64| (mean + z * sd).exp();
    let goals = vec![
        goal(0, Level, AtLeast, at(-1.2)),
        goal(0, Level, AtLeast, at(0.7)),
        goal(0, Level, AtMost, at(0.3)),
        goal(0, Level, About { tolerance: 10.0 }, at(0.5)),
    ];
    // A correlated companion must not change the metric's own odds.
    let metrics = vec![metric, compound(50.0, &[0.03; 5], &[0.2; 5])];
    let odds = run(metrics, goals, 0.5);
    assert_close(&odds.goals[0], phi(1.2));
    assert_close(&odds.goals[1], phi(-0.7));
    assert_close(&odds.goals[2], phi(0.3));
    let g = at(0.5);
    let z = |v: f64| (v.ln() - mean) / sd;
    assert_close(&odds.goals[3], phi(z(g + 10.0)) - phi(z(g - 10.0)));
}

#[test]
fn linear_goals_match_the_normal_closed_form() {
    use Comparison::*;
    use GoalKind::Level;
    // 120 + 5 × 16 = 200, σ² summed over 5 years: 125.
    let metric = linear(120.0, &[16.0; 5], &[5.0; 5]);
    let sd = 125f64.sqrt();
    let goals = vec![
        goal(0, Level, AtLeast, 190.0),
        goal(0, Level, AtMost, 210.0),
        goal(0, Level, About { tolerance: 5.0 }, 203.0),
    ];
    let odds = run(vec![metric], goals, 0.0);
    assert_close(&odds.goals[0], phi(10.0 / sd));
    assert_close(&odds.goals[1], phi(10.0 / sd));
    assert_close(&odds.goals[2], phi(8.0 / sd) - phi(-2.0 / sd));
}

#[test]
fn a_rate_goal_is_the_level_goal_at_its_compounded_value() {
    use Comparison::AtLeast;
    let metric = compound(68.0, &[0.16; 5], &[0.08; 5]);
    let level = 68.0 * 1.17f64.powi(5);
    let goals = vec![
        goal(0, GoalKind::Rate, AtLeast, 0.17),
        goal(0, GoalKind::Level, AtLeast, level),
    ];
    let exact = phi((metric.path[HORIZON] / level).ln() / (0.08 * 5f64.sqrt()));
    let odds = run(vec![metric], goals, 0.0);
    assert_close(&odds.goals[0], exact);
    let (rate, level) = (odds.goals[0].probability, odds.goals[1].probability);
    assert!(
        (rate - level).abs() <= 2.0 / PATHS_FOR_TESTS as f64,
        "{rate} vs {level}"
    );
}

#[test]
fn increases_and_totals_of_a_linear_metric_are_normal() {
    use Comparison::*;
    // v(T) - v(B) = 5 × 16 + Σ σZ: normal, variance 5 × 5² = 125. The sum
    // of the plan years' values, 136 + 152 + … + 200 = 840, moves by
    // Σ_j σ Z_j × (6 - j), variance 5² × (5² + 4² + 3² + 2² + 1²) = 1375.
    let metric = linear(120.0, &[16.0; 5], &[5.0; 5]);
    let (increase, total) = (125f64.sqrt(), 1375f64.sqrt());
    let goals = vec![
        goal(0, GoalKind::Increase, AtLeast, 90.0),
        goal(0, GoalKind::Increase, AtMost, 75.0),
        goal(0, GoalKind::Total, AtLeast, 860.0),
        goal(0, GoalKind::Total, About { tolerance: 30.0 }, 830.0),
    ];
    let odds = run(vec![metric], goals, 0.0);
    assert_close(&odds.goals[0], phi(-10.0 / increase));
    assert_close(&odds.goals[1], phi(-5.0 / increase));
    assert_close(&odds.goals[2], phi(-20.0 / total));
    assert_close(&odds.goals[3], phi(20.0 / total) - phi(-40.0 / total));
    // The median total is the plan's; the 90th percentile 1.2816 sd above.
    let value = odds.goals[2].value;
    assert!(
        (value.p50.unwrap() - 840.0).abs() < 0.02 * total,
        "{value:?}"
    );
    assert!(
        (value.p90.unwrap() - (840.0 - Z10 * total)).abs() < 0.02 * total,
        "{value:?}"
    );
}

#[test]
fn changes_and_rates_are_judged_on_real_growth() {
    use Comparison::*;
    // 6 % real growth, 3 % inflation: levels grow 9.18 % a year, real
    // values 6 %; ln of the real value at T is normal around 5 ln 1.06.
    let mut gdp = compound(1000.0, &[0.06 * 1.03 + 0.03; 5], &[0.04; 5]);
    gdp.real = stepped(1000.0, &[0.06; 5], |v, g| v * (1.0 + g));
    let sd = 0.04 * 5f64.sqrt();
    let real = 5.0 * 1.06f64.ln();
    let goals = vec![
        goal(0, GoalKind::Change, AtLeast, 0.3),
        goal(0, GoalKind::Rate, AtLeast, 0.065),
        goal(0, GoalKind::Level, AtLeast, 1500.0),
    ];
    let odds = run(vec![gdp.clone()], goals, 0.0);
    assert_close(&odds.goals[0], phi((real - 1.3f64.ln()) / sd));
    assert_close(&odds.goals[1], phi((real - 5.0 * 1.065f64.ln()) / sd));
    // The level goal stays at current prices.
    assert_close(&odds.goals[2], phi((gdp.path[HORIZON] / 1500.0).ln() / sd));
}

#[test]
fn a_rate_in_step_with_another_is_a_race_of_two_normals() {
    // Income grows 5.8 %, GDP 6 %, each with σ = 0.05 a year, ρ = 0.5:
    // ln(income growth) - ln(GDP growth) over five years is normal with mean
    // 5 ln(1.058 / 1.06) and variance 5 × (0.05² + 0.05² - 2ρ 0.05²).
    let metrics = vec![
        compound(1000.0, &[0.06; 5], &[0.05; 5]),
        compound(30.0, &[0.058; 5], &[0.05; 5]),
    ];
    let in_step = SimGoal {
        metric: 1,
        kind: GoalKind::Rate,
        goal: Stated::InStep(InStep {
            metric: 0,
            tolerance: 0.0,
        }),
    };
    let odds = run(metrics, vec![in_step], 0.5);
    let mean = 5.0 * (1.058f64 / 1.06).ln();
    let sd = (5.0 * 0.05f64.powi(2)).sqrt();
    assert_close(&odds.goals[0], phi(mean / sd));
    // What it reports is its own rate, whose median is the plan's.
    let median = odds.goals[0].value.p50.unwrap();
    assert!((median - 0.058).abs() < 1e-3, "{median}");
}

#[test]
fn a_plan_that_exactly_meets_its_goals_has_even_odds() {
    use Comparison::*;
    use GoalKind::Level;
    let metrics = vec![
        compound(420.0, &[0.18; 5], &[0.1; 5]),
        linear(120.0, &[16.0; 5], &[4.0; 5]),
    ];
    let goals = vec![
        goal(0, Level, AtLeast, metrics[0].path[HORIZON]),
        goal(1, Level, AtMost, 200.0),
        goal(0, GoalKind::Rate, AtLeast, 0.18),
    ];
    let odds = run(metrics, goals, 0.0);
    for goal in &odds.goals {
        assert_close(goal, 0.5);
    }
}

#[test]
fn percentiles_match_the_lognormal_quantiles() {
    let sigma = 0.12;
    let metric = compound(25.0, &[0.2; 5], &[sigma; 5]);
    let path = metric.path.clone();
    let goals = vec![
        goal(0, GoalKind::Level, Comparison::AtLeast, 60.0),
        goal(0, GoalKind::Rate, Comparison::AtLeast, 0.2),
    ];
    let odds = run(vec![metric], goals, 0.0);
    for (k, band) in odds.bands[0].iter().enumerate() {
        let sd = sigma * (k as f64).sqrt();
        let quantile = |z: f64| path[k] * (z * sd).exp();
        // 4 Monte Carlo standard errors of the 10th percentile (the widest:
        // √(q(1-q)/n) over the density there), plus one histogram bin.
        let density = (-Z10 * Z10 / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let standard_error = (0.09 / PATHS_FOR_TESTS as f64).sqrt() / density * sd;
        let bin = 2.0 * sketch::REACH / sketch::BINS as f64 * sd;
        let tolerance = 4.0 * standard_error + bin;
        let got = [band.p10, band.p25, band.p75, band.p90].map(Option::unwrap);
        let want = [Z10, Z25, -Z25, -Z10].map(quantile);
        for (got, want) in got.iter().zip(want) {
            assert!(
                (got / want).ln().abs() <= tolerance,
                "year {k}: {got} vs {want}"
            );
        }
    }
    let sd = sigma * 5f64.sqrt();
    let level = odds.goals[0].value;
    let want = [Z10, 0.0, -Z10].map(|z| path[HORIZON] * (z * sd).exp());
    for (got, want) in [level.p10, level.p50, level.p90].iter().zip(want) {
        assert!(
            (got.unwrap() / want).ln().abs() < 0.02 * sd,
            "{got:?} vs {want}"
        );
    }
    let rate = odds.goals[1].value;
    let want = want.map(|v| (v / 25.0).powf(0.2) - 1.0);
    for (got, want) in [rate.p10, rate.p50, rate.p90].iter().zip(want) {
        assert!((got.unwrap() - want).abs() < 1e-3, "{got:?} vs {want}");
    }
}

#[test]
fn correlation_narrows_a_ratio_of_alike_parts() {
    let parts = vec![
        compound(40.0, &[0.2; 5], &[0.1; 5]),
        compound(420.0, &[0.09; 5], &[0.1; 5]),
    ];
    let mut metrics = parts.clone();
    metrics.push(ratio(&parts, 0, 1, 100.0));
    let share = metrics[2].path[HORIZON];
    // ln(share) = ln(a) - ln(b): variance 5 × 0.1² × 2(1 - ρ).
    for (rho, sd) in [(0.0, 0.1 * 10f64.sqrt()), (0.9, 0.1)] {
        // A goal half a standard deviation above the plan's share.
        let goal = goal(
            2,
            GoalKind::Level,
            Comparison::AtLeast,
            share * (0.5 * sd).exp(),
        );
        let odds = run(metrics.clone(), vec![goal], rho);
        assert_close(&odds.goals[0], phi(-0.5));
        let band = odds.bands[2][HORIZON];
        let spread = (band.p90.unwrap() / band.p10.unwrap()).ln() / (-2.0 * Z10);
        assert!(
            (spread / sd - 1.0).abs() < 0.01,
            "ρ = {rho}: {spread} vs {sd}"
        );
    }
}

#[test]
fn a_ratio_with_a_noisy_linear_part_is_normal_like_it() {
    // share = 100 × firms / 400 with firms ~ N(90, 80) at target_year.
    let parts = vec![
        linear(40.0, &[10.0; 5], &[4.0; 5]),
        compound(400.0, &[0.0; 5], &[]),
    ];
    let mut metrics = parts.clone();
    metrics.push(ratio(&parts, 0, 1, 100.0));
    let sd = 80f64.sqrt() / 4.0;
    let goals = vec![goal(2, GoalKind::Level, Comparison::AtLeast, 24.0)];
    let odds = run(metrics, goals, 0.0);
    assert_close(&odds.goals[0], phi((22.5 - 24.0) / sd));
    let band = odds.bands[2][HORIZON];
    assert!(
        (band.p90.unwrap() - (22.5 - Z10 * sd)).abs() < 0.02 * sd,
        "{band:?}"
    );
}

#[test]
fn a_denominator_past_zero_leaves_the_ratio_undefined() {
    // The denominator ends at 10 - 5 × 1.5 = 2.5 with σ √5 × 3: below 0 on
    // Φ(-2.5 / 6.708) of the paths.
    let parts = vec![
        compound(5.0, &[0.0; 5], &[]),
        linear(10.0, &[-1.5; 5], &[3.0; 5]),
    ];
    let mut metrics = parts.clone();
    metrics.push(ratio(&parts, 0, 1, 1.0));
    let goals = vec![goal(2, GoalKind::Level, Comparison::AtMost, 1e9)];
    let odds = run(metrics, goals, 0.0);
    let exact = phi(-2.5 / (3.0 * 5f64.sqrt()));
    let undefined = odds.goals[0].undefined;
    assert!((undefined - exact).abs() < 0.005, "{undefined} vs {exact}");
    assert!((odds.goals[0].probability - (1.0 - undefined)).abs() < 1e-12);
}

#[test]
fn the_same_seed_gives_the_same_odds_on_any_number_of_threads() {
    let parts = vec![
        compound(40.0, &[0.2; 5], &[0.1; 5]),
        linear(420.0, &[30.0; 5], &[20.0; 5]),
    ];
    let mut metrics = parts.clone();
    metrics.push(ratio(&parts, 0, 1, 100.0));
    let simulation = Simulation {
        base_year: 2015,
        target_year: 2020,
        metrics,
        goals: vec![
            goal(0, GoalKind::Level, Comparison::AtLeast, 110.0),
            goal(2, GoalKind::Level, Comparison::AtLeast, 16.0),
            goal(1, GoalKind::Rate, Comparison::AtLeast, 0.05),
        ],
        options: Options {
            paths: 20_000,
            correlation: 0.3,
            ..Options::default()
        },
    };
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| simulate(&simulation).unwrap())
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(3));
    let mut reseeded = simulation.clone();
    reseeded.options.seed += 1;
    assert_ne!(one, simulate(&reseeded).unwrap());
}

#[test]
fn the_first_year_a_goal_holds_spreads_around_the_plans() {
    // The plan path meets 100 × 1.05⁷ two years after target_year; at
    // target_year, Φ(-2 ln 1.05 / (0.05 √5)) = 19 % of paths already do.
    let metric = compound(100.0, &[0.05; 5], &[0.05; 5]);
    let goals = vec![goal(
        0,
        GoalKind::Level,
        Comparison::AtLeast,
        100.0 * 1.05f64.powi(7),
    )];
    let odds = run(vec![metric], goals, 0.0);
    let year = odds.goals[0].year.unwrap();
    assert!(year.p10.unwrap() <= 2020, "{year:?}");
    assert!(
        year.p50.unwrap() > 2020 && year.p50.unwrap() <= 2022,
        "{year:?}"
    );
    assert!(year.p90.unwrap() >= year.p50.unwrap(), "{year:?}");
}

#[test]
fn unusable_options_and_volatilities_are_refused() {
    let base = Simulation {
        base_year: 2015,
        target_year: 2020,
        metrics: vec![compound(1.0, &[0.1; 5], &[0.1; 5])],
        goals: Vec::new(),
        options: Options::default(),
    };
    let with = |change: &dyn Fn(&mut Simulation)| {
        let mut simulation = base.clone();
        change(&mut simulation);
        simulate(&simulation).err()
    };
    assert_eq!(with(&|s| s.options.paths = 99), Some(OddsError::Paths(99)));
    assert_eq!(with(&|s| s.options.paths = 100), None);
    assert_eq!(
        with(&|s| s.options.paths = 100_000_001),
        Some(OddsError::Paths(100_000_001))
    );
    assert_eq!(
        with(&|s| s.options.correlation = 1.0),
        Some(OddsError::Correlation(1.0))
    );
    assert_eq!(
        with(&|s| s.options.correlation = -0.1),
        Some(OddsError::Correlation(-0.1))
    );
    assert_eq!(
        with(&|s| s.metrics[0].noise = Noise::Linear(vec![0.1, 0.1, -0.1, 0.1, 0.1])),
        Some(OddsError::Volatility {
            metric: 0,
            year: 2018,
            sigma: -0.1
        })
    );
}
