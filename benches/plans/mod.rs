//! The generated plans the benchmarks time: the same plans as
//! `benches/gen_plan.py` writes as files, to time and measure the binary.

use std::fmt::Write;

/// A plan of `count` metrics over `years` projected years from 2015,
/// cycling through every model and goal form, as `gen_plan.py COUNT YEARS`
/// writes it.
pub(crate) fn generated_plan(count: usize, years: usize) -> String {
    let mut text = format!("[plan]\nbase_year = 2015\ntarget_year = {}\n", 2015 + years);
    let increments: Vec<String> = (0..years).map(|i| (10 + i % 9).to_string()).collect();
    let increments = increments.join(", ");
    for i in 0..count {
        // The first three are compound: a ratio's parts come before it.
        let kind = if i < 3 { 0 } else { i % 4 };
        let _ = match kind {
            0 => write!(
                text,
                "[metrics.m{i}]\nbaseline = {}\ngrowth = \"{}%\"\ntarget = 150\nrate_target = \"10%\"\n",
                50 + i % 50,
                5 + i % 20
            ),
            1 => write!(
                text,
                "[metrics.m{i}]\nbaseline = 120\nincrement = [{increments}]\ntarget = {{ at_least = 200 }}\n"
            ),
            2 => write!(
                text,
                "[metrics.m{i}]\nbaseline = 420\ngrowth = \"-3%\"\ntarget = {{ at_most = 400 }}\n"
            ),
            _ => write!(
                text,
                "[metrics.m{i}]\nratio = {{ numerator = \"m{}\", denominator = \"m{}\" }}\ntarget = {{ about = 40, tolerance = 5 }}\n",
                i - 3,
                i - 2
            ),
        };
    }
    text
}
