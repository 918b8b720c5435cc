//! Plans read from TOML, through [`Simulation::from_plan`]: with no
//! volatility the odds are the plan's own verdicts, and actual figures fix
//! what they say.

use std::f64::consts::SQRT_2;

use super::{HORIZON, PATHS_FOR_TESTS, Z10, assert_close, phi};
use crate::calc::odds::{Options, Simulation, simulate};
use crate::calc::{Status, evaluate, project};

use crate::plan::test_plan as plan;

#[test]
fn without_volatility_the_odds_are_the_plans_verdicts() {
    let plan = plan(
        "[metrics.i]\nbaseline = 68\ngrowth = \"16%\"\ntarget = 150\nrate_target = \"16%\"\n\
         [metrics.a]\nbaseline = 100\ngrowth = [\"10%\", 0, 0, 0, \"-10%\"]\ntarget = 105\n\
         [metrics.b]\nbaseline = 100\ngrowth = [\"10%\", \"-20%\", 0, \"30%\", 0]\ntarget = 100\n\
         [metrics.e]\nbaseline = 100\ngrowth = \"-5%\"\ntarget = { at_most = 80 }\n\
         [metrics.v]\nbaseline = 25\ngrowth = \"20%\"\ntarget = { about = 60, tolerance = 3 }\n\
         [metrics.f]\nbaseline = 120\nincrement = 16\ntarget = 200\n\
         [metrics.s]\nratio = { numerator = \"f\", denominator = \"i\" }\ntarget = 130\n\
         [metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ndeflator = \"2%\"\ntarget = 1400\n\
         change_target = \"33%\"\ntotal_target = 6500\n\
         [metrics.energy]\nbaseline = 500\ngrowth = [\"10%\", 0, 0, 0, 0]\nrate_method = \"cumulative\"\n\
         rate_target = \"2%\"\nincrease_target = 50\n\
         [metrics.intensity]\nratio = { numerator = \"energy\", denominator = \"gdp\", scale = 1, prices = \"comparable\" }\n\
         change_target = { at_most = \"-13.5%\" }\n\
         [metrics.income]\nbaseline = 30\ngrowth = \"5.8%\"\n\
         rate_target = { in_step_with = \"gdp\", tolerance = \"0.5%\" }\n",
    );
    let projection = project(&plan).unwrap();
    let none = vec![Vec::new(); plan.metrics.len()];
    let simulation = Simulation::from_plan(&plan, &projection, &none, Options::default());
    let odds = simulate(&simulation).unwrap();
    let outcomes = evaluate(&plan, &projection);
    assert_eq!(odds.goals.len(), outcomes.len());
    for (odds, outcome) in odds.goals.iter().zip(&outcomes) {
        let reached = outcome.status == Status::Reached;
        assert_eq!(
            odds.probability,
            if reached { 1.0 } else { 0.0 },
            "{outcome:?}"
        );
        let value = odds.value.p50.unwrap();
        assert!(
            (value - outcome.projected).abs() <= 1e-9 * value.abs(),
            "{odds:?}"
        );
        assert_eq!(odds.value.p10, odds.value.p90);
        if let Some(year) = odds.year {
            assert_eq!(year.p10, outcome.year_reached, "{outcome:?}");
            assert_eq!(year.p90, outcome.year_reached, "{outcome:?}");
        }
    }
}

#[test]
fn noise_starts_after_the_latest_actual_figure() {
    let plan = plan(
        "[metrics.c]\nbaseline = 68\ngrowth = \"16%\"\nactual = { 2018 = 104.2 }\ntarget = 130\n\
         [metrics.b]\nbaseline = 420\ngrowth = \"9%\"\n\
         [metrics.s]\nratio = { numerator = \"c\", denominator = \"b\" }\nactual = { 2018 = 15 }\n",
    );
    let projection = project(&plan).unwrap();
    let sigma = vec![vec![0.1; HORIZON], vec![0.1; HORIZON], Vec::new()];
    let options = Options {
        paths: PATHS_FOR_TESTS,
        ..Options::default()
    };
    let odds = simulate(&Simulation::from_plan(&plan, &projection, &sigma, options)).unwrap();
    // Two noisy years, 2019 and 2020.
    let path = projection.series(0);
    assert_close(
        &odds.goals[0],
        phi((path[HORIZON] / 130.0).ln() / (0.1 * SQRT_2)),
    );
    for (metric, known) in [(0, 104.2), (2, 15.0)] {
        let band = odds.bands[metric][3];
        assert_eq!((band.p10, band.p90), (Some(known), Some(known)), "{band:?}");
    }
    // The share's noise is its parts' since 2018: 2 years × (0.1² + 0.1²).
    let band = odds.bands[2][HORIZON];
    let spread = (band.p90.unwrap() / band.p10.unwrap()).ln() / (-2.0 * Z10);
    assert!((spread / 0.2 - 1.0).abs() < 0.01, "{spread}");
}

#[test]
fn a_ratio_at_comparable_prices_divides_its_parts_real_paths() {
    // Energy 500 + 5 × 10 = 550 with σ √5 × 20, over GDP at 2015 prices,
    // 1000 × 1.06⁵ = 1338.2256 (at current prices, 2 % a year more): the
    // intensity is normal around 0.41099 with sd √5 × 20 / 1338.2256.
    let plan = plan(
        "[metrics.gdp]\nbaseline = 1000\ngrowth = \"6%\"\ndeflator = \"2%\"\n\
         [metrics.energy]\nbaseline = 500\nincrement = 10\n\
         [metrics.intensity]\n\
         ratio = { numerator = \"energy\", denominator = \"gdp\", scale = 1, prices = \"comparable\" }\n\
         target = 0.43\n",
    );
    let projection = project(&plan).unwrap();
    let sigma = vec![Vec::new(), vec![20.0; HORIZON], Vec::new()];
    let options = Options {
        paths: PATHS_FOR_TESTS,
        ..Options::default()
    };
    let odds = simulate(&Simulation::from_plan(&plan, &projection, &sigma, options)).unwrap();
    let gdp = 1000.0 * 1.06f64.powi(5);
    let sd = 5f64.sqrt() * 20.0 / gdp;
    assert_close(&odds.goals[0], phi((550.0 / gdp - 0.43) / sd));
}
