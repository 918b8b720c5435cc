//! Turning the reports into text. One module per format (`table`,
//! `markdown`, `csv`, `json`, `chart`); what they share lives in `number`
//! (how a value is written), `words` (every word people read, one file per
//! language), `document` (the titled tables of the human-readable formats)
//! and `records` (the fields of CSV rows and JSON objects, named once for
//! both).
//! What each command shows is in `report`, `sensitivity`, `explain` and
//! `review`, which build their documents and records for those writers.
//!
//! Renderers read only `crate::report`: every number they show is computed
//! there, and the test at the end of this file keeps it so.

pub mod chart;
pub mod csv;
pub mod document;
pub mod explain;
pub mod json;
pub mod markdown;
pub mod number;
pub mod records;
pub mod report;
pub mod review;
pub mod sensitivity;
pub mod table;
pub mod words;

pub use number::Precision;
pub use words::{Lang, Words};

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

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every file under `dir`, with its text.
    fn sources(dir: &Path) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the render folder is readable") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                found.extend(sources(&path));
            } else {
                let text = std::fs::read_to_string(&path).expect("a source file is text");
                found.push((path.display().to_string(), text));
            }
        }
        found
    }

    /// Which of `calc` and `plan` `text` names, as in `crate::calc::x` or
    /// `crate::{calc, plan::y}`.
    fn crate_modules(text: &str) -> Vec<String> {
        let ident = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        let mut named = Vec::new();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            match rest.strip_prefix('{') {
                Some(group) => {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    named.extend(group.split(',').map(ident));
                }
                None => named.push(ident(rest)),
            }
        }
        named.retain(|name| name == "calc" || name == "plan");
        named
    }

    /// Renderers read only the report, so that a new format never reaches
    /// into the arithmetic or the plan: what they need, `report` gives.
    #[test]
    fn renderers_name_neither_calc_nor_plan() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/render"));
        let offences: Vec<String> = sources(dir)
            .into_iter()
            .filter_map(|(file, text)| {
                // Tests may build what they render from a plan.
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                let named = crate_modules(code);
                (!named.is_empty()).then(|| format!("{file} names crate::{}", named.join(", ")))
            })
            .collect();
        assert!(
            offences.is_empty(),
            "render reads only the report:\n{}",
            offences.join("\n")
        );
    }

    #[test]
    fn crate_modules_are_found_in_paths_and_groups() {
        assert_eq!(crate_modules("use crate::calc::Status;"), ["calc"]);
        assert_eq!(
            crate_modules("use crate::{\n    plan::Goal,\n    report,\n};"),
            ["plan"]
        );
        assert!(crate_modules("use crate::report::{Goal, Status};").is_empty());
    }
}
