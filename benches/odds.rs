//! How long the odds take: a million paths of ten compound metrics over five
//! years, each metric with a level goal (followed past target_year to the
//! year it is met) and every other one with a rate goal, the metrics' noise
//! partly common. The goal is well under a second.
//!
//! `--once PATHS` runs the same simulation a single time and prints its
//! duration and odds, for `odds_compare.sh` to set beside `odds_numpy.py`
//! (which builds the same case) and to measure peak memory.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group};
use dabiao::calc::odds::{LATER_YEARS, Noise, Options, SimGoal, SimMetric, Simulation, simulate};
use dabiao::plan::{Comparison, Goal, GoalKind, RateMethod, Stated};

const METRICS: usize = 10;
const YEARS: usize = 5;
const CORRELATION: f64 = 0.3;

/// Metric i: baseline 100 + 10i, growth 4 % + i points, σ 0.05 + 0.01i; its
/// level goal is the plan value moved by z = -1 + 0.25i standard deviations,
/// and even metrics want an average rate one point under their growth.
fn case(paths: u64) -> Simulation {
    let mut metrics = Vec::new();
    let mut goals = Vec::new();
    for i in 0..METRICS {
        let f = i as f64;
        let (baseline, growth, sigma) = (100.0 + 10.0 * f, 0.04 + 0.01 * f, 0.05 + 0.01 * f);
        let path: Vec<f64> = (0..=YEARS + LATER_YEARS)
            .scan(baseline / (1.0 + growth), |v, _| {
                *v *= 1.0 + growth;
                Some(*v)
            })
            .collect();
        let z = -1.0 + 0.25 * f;
        let level = path[YEARS] * (z * sigma * (YEARS as f64).sqrt()).exp();
        let goal = |kind, value| SimGoal {
            metric: i,
            kind,
            goal: Stated::Value(Goal {
                comparison: Comparison::AtLeast,
                value,
            }),
        };
        goals.push(goal(GoalKind::Level, level));
        if i % 2 == 0 {
            goals.push(goal(GoalKind::Rate, growth - 0.01));
        }
        metrics.push(SimMetric {
            real: path.clone(),
            path,
            known_through: 0,
            noise: Noise::Compound(vec![sigma; YEARS]),
            rate_method: RateMethod::Endpoint,
        });
    }
    Simulation {
        base_year: 2015,
        target_year: 2015 + YEARS as i32,
        metrics,
        goals,
        options: Options {
            paths,
            correlation: CORRELATION,
            ..Options::default()
        },
    }
}

fn benches(c: &mut Criterion) {
    let simulation = case(1_000_000);
    let mut group = c.benchmark_group("odds");
    group.sample_size(10);
    group.bench_function("1,000,000 paths × 10 compound metrics × 5 years", |b| {
        b.iter(|| simulate(black_box(&simulation)).unwrap())
    });
    group.finish();
}

criterion_group!(all, benches);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--once") {
        let paths = args
            .get(at + 1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(1_000_000);
        let simulation = case(paths);
        let start = Instant::now();
        let odds = simulate(&simulation).unwrap();
        let seconds = start.elapsed().as_secs_f64();
        let probabilities: Vec<String> = odds
            .goals
            .iter()
            .map(|g| format!("{:.4}", g.probability))
            .collect();
        let median_years: Vec<String> = odds
            .goals
            .iter()
            .filter_map(|g| g.year)
            .map(|y| y.p50.map_or("later".into(), |y| y.to_string()))
            .collect();
        println!("seconds {seconds:.3}");
        println!("probabilities {}", probabilities.join(" "));
        println!("median years {}", median_years.join(" "));
        return;
    }
    all();
    Criterion::default().configure_from_args().final_summary();
}
