//! Each stage of `dabiao report` on generated plans of 1,000, 10,000 and
//! (with `DABIAO_BENCH_100K=1`, as it takes minutes) 100,000 metrics over
//! 10 projected years: reading the plan beside the `toml` crate's own tree
//! of the same text (the floor of reading it), projecting and judging the
//! goals, and writing the summary CSV, the years CSV, JSON and the
//! terminal table of a report already built.
//!
//! `benches/report_compare.sh` times the binary on the same plans, with its
//! peak memory and a plain Python script doing the same work.

mod plans;

use std::hint::black_box;
use std::io;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dabiao::render::report::GoalTableChoice;
use dabiao::render::{Destination, Format, Lang, Options, render};
use dabiao::report::GoalReport;
use dabiao::{Keep, calc, load_plan};

/// The options of `report -f FORMAT [--table TABLE]`, defaults otherwise.
fn options(table: Option<GoalTableChoice>) -> Options<GoalTableChoice> {
    Options {
        lang: Lang::En,
        precision: None,
        table,
        layout: None,
        bom: false,
        raw_csv: false,
        color: None,
        sparkline: true,
        wide: false,
        destination: Destination::default(),
    }
}

fn benches(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("DABIAO_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for count in sizes {
        let text = plans::generated_plan(count, 10);
        let load = || load_plan(&text, "bench.toml", &Default::default(), Keep::Asked);
        group.bench_function(BenchmarkId::new("toml tree", count), |b| {
            b.iter(|| toml::from_str::<toml::Table>(black_box(&text)))
        });
        group.bench_function(BenchmarkId::new("load", count), |b| {
            b.iter(|| load().map(|loaded| loaded.scenarios.len()))
        });
        let scenarios = load().expect("the generated plan is valid").scenarios;
        let plan = &scenarios[0].scenario.plan;
        group.bench_function(BenchmarkId::new("project and evaluate", count), |b| {
            b.iter(|| {
                let projection = calc::project(black_box(plan)).expect("paths are computed");
                calc::evaluate(plan, &projection).len()
            })
        });
        let reports: Vec<GoalReport> = scenarios.iter().map(GoalReport::build).collect();
        for (name, format, table) in [
            ("summary csv", Format::Csv, None),
            ("years csv", Format::Csv, Some(GoalTableChoice::Years)),
            ("json", Format::Json, None),
            ("table", Format::Table, None),
        ] {
            let options = options(table);
            group.bench_function(BenchmarkId::new(name, count), |b| {
                b.iter(|| render(reports.as_slice(), format, &options, &mut io::sink()))
            });
        }
    }
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
