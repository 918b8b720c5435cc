//! What each fuzz target checks, one function per target. The targets call
//! these, and `tests/cli/hardening.rs` runs the same functions over the seed
//! corpus on every `cargo test`, so a seed that once hung or panicked stays
//! fixed without a nightly toolchain.

use dabiao::Keep;
use dabiao::plan::{Additions, Encoding, parse_actuals_csv};
use dabiao::render::{Lang, chart::svg};
use dabiao::report::chart::Chart;

/// A plan file is read, checked and projected, or refused, without panicking.
pub fn plan(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dabiao::load_plan(text, "fuzz.toml", &Additions::default(), Keep::Asked);
    }
}

/// An actuals CSV file is read, or refused, in every encoding.
pub fn actuals(data: &[u8]) {
    for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Gb18030] {
        let _ = parse_actuals_csv(data, "fuzz.csv", encoding);
    }
}

/// A valid plan's chart, with every scenario, is drawn in both languages as
/// well-formed XML (and in finite time, which the fuzzer's timeout checks).
pub fn chart(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let every_scenario = Additions {
        scenarios: &["all".to_owned()],
        ..Additions::default()
    };
    let Ok(loaded) = dabiao::load_plan(text, "fuzz.toml", &every_scenario, Keep::Asked) else {
        return;
    };
    let Ok(chart) = Chart::build(&loaded.scenarios, &[]) else {
        return;
    };
    for lang in [Lang::En, Lang::Zh] {
        let drawn = svg(&chart, lang).expect("a valid plan's chart is drawn");
        if let Err(error) = roxmltree::Document::parse(&drawn) {
            panic!("the chart is not well-formed XML: {error}");
        }
    }
}
