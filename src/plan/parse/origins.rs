//! Where a scenario's numbers came from, for the problems found only once
//! its paths are computed (a path that overflows): the plan file, a `--set`
//! argument, or a row of an actuals CSV. Such a problem is blamed on the
//! input that caused it, not on the plan's line for every cause.

use super::actuals::CsvFigures;
use super::locate::Locator;
use super::overrides::Override;
use crate::plan::Location;

/// Where the numbers of one scenario came from.
pub(crate) struct Origins<'a> {
    locator: &'a Locator<'a>,
    /// The `--set` overrides that apply to the scenario.
    sets: &'a [Override<'a>],
    figures: &'a CsvFigures<'a>,
}

impl<'a> Origins<'a> {
    pub(super) fn new(
        locator: &'a Locator<'a>,
        sets: &'a [Override<'a>],
        figures: &'a CsvFigures<'a>,
    ) -> Self {
        Origins {
            locator,
            sets,
            figures,
        }
    }

    /// The `--set` arguments that changed one of `fields` of metric `id` in
    /// this scenario, as one place, if any did.
    pub(crate) fn sets(&self, id: &str, fields: &[&str]) -> Option<Location> {
        let arguments: Vec<String> = self
            .sets
            .iter()
            .filter(|o| o.metric == id && fields.contains(&o.field))
            .filter_map(|o| match self.locator.locate(o.value.span()) {
                Location::Argument(argument) => Some(argument),
                Location::Line(_) | Location::FileLine { .. } => None,
            })
            .collect();
        (!arguments.is_empty()).then(|| Location::Argument(arguments.join(", ")))
    }

    /// The CSV file and row that gave metric `index` its figure for `year`,
    /// if a CSV file did.
    pub(crate) fn csv_row(&self, index: usize, year: i32) -> Option<Location> {
        self.figures
            .row(index, year)
            .map(|record| Location::FileLine {
                file: record.file.clone(),
                line: record.line,
            })
    }
}
