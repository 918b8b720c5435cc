//! Turning the reports into text. One module per format (`table`,
//! `markdown`, `csv`, `json`, `chart`); what they share lives in `number`
//! (how a value is written), `labels` (the words, in English or Chinese),
//! `document` (the titled tables of the human-readable formats) and
//! `records` (the fields of CSV rows and JSON objects, named once for both).
//! What each command shows is in `report`, `sensitivity`, `explain` and
//! `review`, which build their documents and records for those writers.

pub mod chart;
pub mod csv;
pub mod document;
pub mod explain;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod number;
pub mod records;
pub mod report;
pub mod review;
pub mod sensitivity;
pub mod table;

pub use labels::Lang;
pub use number::Precision;

/// Which of the report's tables to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tables {
    /// One row per goal.
    Summary,
    /// Every metric's value in every year.
    Years,
    /// Both.
    All,
}

impl Tables {
    pub fn summary(self) -> bool {
        matches!(self, Tables::Summary | Tables::All)
    }

    pub fn years(self) -> bool {
        matches!(self, Tables::Years | Tables::All)
    }
}

/// How the years table is laid out in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// One row per metric and year: easy to filter and pivot.
    Long,
    /// One row per metric, one column per year: as a spreadsheet shows it.
    Wide,
}

/// Options of the formats read by people (terminal table and Markdown).
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    pub lang: Lang,
    pub decimals: usize,
    pub tables: Tables,
    /// A trend mark (▁▂▃▅▇) per metric in the years table.
    pub sparkline: bool,
}
