//! How long the work takes: the shipped plan (the everyday case), a
//! generated plan of 100,000 metrics (work must stay linear in metrics ×
//! years), the same plan with 100,000 rows of actual figures (linear in rows
//! plus metrics, not their product), the comparison of three scenarios of
//! 40,000 metrics (each cell found by a look-up, not a search), and a
//! sensitivity sweep of 101 shifts with break-even searches over 10,000
//! metrics (seconds, not minutes).
//!
//! `benches/gen_plan.py` writes such plans as files, to time and measure the
//! binary itself.

mod plans;

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dabiao::Keep;
use dabiao::calc::sensitivity::Sweep;
use dabiao::plan::{Additions, Encoding, parse_actuals_csv};
use dabiao::render::{Destination, Format, Lang, Options, render};
use dabiao::report::GoalReport;
use dabiao::report::sensitivity::SensitivityReport;

const SHIPPED: &str = include_str!("../targets.toml");

/// A plan of `count` metrics cycling through every model and goal form,
/// over 5 projected years.
fn generated_plan(count: usize) -> String {
    plans::generated_plan(count, 5)
}

/// `plan` with two scenarios, one slower and one faster.
fn with_scenarios(mut plan: String) -> String {
    plan.push_str("[scenarios.slow]\ngrowth_shift = \"-3%\"\n");
    plan.push_str("[scenarios.fast]\ngrowth_shift = \"2%\"\n");
    plan
}

/// One actual figure for 2016 per metric of `generated_plan(count)`, as a
/// spreadsheet would export them.
fn generated_actuals(count: usize) -> String {
    let mut csv = String::from("metric,year,value\n");
    for i in 0..count {
        let _ = writeln!(csv, "m{i},2016,{}", 60 + i % 50);
    }
    csv
}

/// Every table, with no option beyond the defaults but the language and the trend marks.
fn options<T>(lang: Lang, sparkline: bool) -> Options<T> {
    Options {
        lang,
        precision: None,
        table: None,
        layout: None,
        bom: false,
        raw_csv: false,
        color: None,
        sparkline,
        wide: false,
        destination: Destination::default(),
    }
}

/// The report of `text` in `format`, for the `scenarios` named (none: the
/// plan itself; `all`: it and every scenario).
fn report_in(
    text: &str,
    scenarios: &[String],
    format: Format,
    options: &Options<dabiao::render::report::GoalTableChoice>,
) -> Vec<u8> {
    let additions = Additions {
        scenarios,
        ..Default::default()
    };
    let plans = dabiao::load_plan(text, "bench.toml", &additions, Keep::Asked)
        .expect("bench plan is valid");
    let reports: Vec<GoalReport> = plans.scenarios.iter().map(GoalReport::build).collect();
    let mut out = Vec::new();
    render(reports.as_slice(), format, options, &mut out).expect("the report renders");
    out
}

fn benches(c: &mut Criterion) {
    c.bench_function("shipped plan: load, project, table", |b| {
        let options = options(Lang::Zh, true);
        b.iter(|| report_in(black_box(SHIPPED), &[], Format::Table, &options))
    });
    let large = generated_plan(100_000);
    let mut group = c.benchmark_group("100,000 metrics");
    group.sample_size(10);
    let options = options(Lang::En, false);
    group.bench_function("load, project, summary csv", |b| {
        b.iter(|| report_in(black_box(&large), &[], Format::Csv, &options))
    });
    let actuals = generated_actuals(100_000);
    group.bench_function("read 100,000 actual rows and load with them", |b| {
        b.iter(|| {
            let records = parse_actuals_csv(black_box(actuals.as_bytes()), "a.csv", Encoding::Auto)
                .expect("bench actuals are valid");
            let additions = Additions {
                actuals: &records,
                ..Default::default()
            };
            dabiao::load_plan(&large, "bench.toml", &additions, Keep::Asked)
                .expect("bench plan is valid")
        })
    });
    group.finish();

    let compared = with_scenarios(generated_plan(40_000));
    let all = ["all".to_owned()];
    let mut group = c.benchmark_group("40,000 metrics");
    group.sample_size(10);
    group.bench_function(
        "--scenario all: load, project, comparison and years tables",
        |b| b.iter(|| report_in(black_box(&compared), &all, Format::Table, &options)),
    );
    group.finish();

    let ten_thousand = dabiao::load_plan(
        &generated_plan(10_000),
        "bench.toml",
        &Default::default(),
        Keep::Asked,
    )
    .unwrap()
    .scenarios;
    let shifts: Vec<f64> = (-50..=50).map(|i| f64::from(i) / 100.0).collect();
    let mut group = c.benchmark_group("10,000 metrics");
    group.sample_size(10);
    group.bench_function("sensitivity: 101 shifts and break-even points", |b| {
        b.iter(|| {
            SensitivityReport::build(&ten_thousand[0], Sweep::UniformShift, black_box(&shifts))
        })
    });
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
