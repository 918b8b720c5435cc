//! The integration tests: one binary, a module per area, all of them running
//! the built `dabiao` through the one harness in `common`.
//!
//! - `report`: `dabiao report` on the shipped plan in every format, pinned as
//!   reviewed snapshots under `tests/snapshots`;
//! - `scenarios`: scenarios, `--set`, `sensitivity` and `explain`;
//! - `actuals`: actual figures, from the plan file and `--actuals`, and `review`;
//! - `chart`: the SVG of `dabiao chart`;
//! - `errors`: every way a run can be refused;
//! - `hardening`: inputs at the edges of a double, control characters, output
//!   paths that are not plain files, and the fuzz targets' seeds;
//! - `metric_flag`: `--metric` on a plan of thousands of metrics;
//! - `numbers`: properties of how numbers are read and written;
//! - `pictures`: the chart as PNG, and what every panel shows;
//! - `readme`: every `console` example of the README;
//! - `spreadsheet`: workbooks out (read back with calamine and LibreOffice),
//!   actual figures in from workbooks and wide CSV.

mod actuals;
mod chart;
mod common;
mod errors;
mod hardening;
mod metric_flag;
mod numbers;
mod pictures;
mod readme;
mod report;
mod scenarios;
mod spreadsheet;
