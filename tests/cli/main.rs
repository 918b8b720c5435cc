//! The integration tests: one binary, a module per area, all of them running
//! the built `dabiao` through the one harness in `common`.
//!
//! - `report`: `dabiao report` on the shipped plan in every format, pinned as
//!   reviewed snapshots under `tests/snapshots` (as `goals` pins the city
//!   plan's tables);
//! - `scenarios`: scenarios, `--set`, `sensitivity` and `explain`;
//! - `shell`: `completions`, `man` and `help-zh`;
//! - `actuals`: actual figures, from the plan file and `--actuals`, and `review`;
//! - `chart`: the SVG of `dabiao chart`;
//! - `decimals`: the decimals a figure is shown with, and the plan's own
//!   figures as written in every format;
//! - `errors`: every way a run can be refused;
//! - `errors_zh`: every refusal of a plan or an actuals file said in Chinese;
//! - `fit`: tables fitted to the terminal's width, every command at 80 to
//!   160 columns;
//! - `goals`: goals the way plans state them (declines, percentage points,
//!   totals, in-step growth, the cumulative method, real growth, binding
//!   goals) on `examples/city-2025.toml` and small plans;
//! - `hardening`: inputs at the edges of a double, control characters, output
//!   paths that are not plain files, and the fuzz targets' seeds;
//! - `hardening_input`: hostile plans, actuals files and arguments: escaped
//!   control characters, bounded messages, blame on the right file;
//! - `hardening_output`: extreme values written readably, CSV cells defused
//!   against formulas, output limits and streaming;
//! - `language`: the language of refusals, `validate` and `init`, from
//!   `--lang` or the locale;
//! - `methods`: history, trends, and the assessment methods of `review`;
//! - `many_plans`: `report` and `review` of several plans or folders,
//!   `--by-status` and `--keep-going`;
//! - `metric_flag`: `--metric` on a plan of thousands of metrics;
//! - `numbers`: properties of how numbers are read and written;
//! - `odds`: `dabiao odds`, `report --odds` and `chart --fan`;
//! - `pictures`: the chart as PNG, and what every panel shows;
//! - `readme`: every `console` example of the README, CONTRIBUTING.md and
//!   `docs/*.md`, and the links between them;
//! - `spreadsheet`: workbooks out (read back with calamine and LibreOffice),
//!   actual figures in from workbooks and wide CSV.

mod actuals;
mod chart;
mod common;
mod decimals;
mod errors;
mod errors_zh;
mod fit;
mod goals;
mod hardening;
mod hardening_input;
mod hardening_output;
mod language;
mod many_plans;
mod methods;
mod metric_flag;
mod numbers;
mod odds;
mod pictures;
mod readme;
mod report;
mod scenarios;
mod shell;
mod spreadsheet;
