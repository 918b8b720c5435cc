//! A plan file's scenarios: each is the base plan with the scenario's own
//! changes, `--set` on top when the scenario was requested, the actual
//! figures of CSV files, and its growth shift.

use toml::{Spanned, Value};

use super::actuals::CsvFigures;
use super::locate::Locator;
use super::metric::MetricContext;
use super::overrides::{self, Override, Sets};
use super::raw::RawScenario;
use super::value::{is_id, shown};
use crate::plan::error::{Problems, Scoped};
use crate::plan::rate::{parse_rate, times_hundred};
use crate::plan::{BASE_SCENARIO, Fault, Location, Metric, Plan, Scenario, Uncertainty};

/// What the plan and every scenario share: the `[plan]` table, checked.
pub(super) struct Header {
    pub(super) title: Option<String>,
    pub(super) source: Option<String>,
    /// base_year and target_year.
    pub(super) years: (i32, i32),
    /// `[uncertainty]`, which every scenario shares.
    pub(super) uncertainty: Uncertainty,
}

impl Header {
    /// The plan of these metrics.
    pub(super) fn plan(&self, metrics: Vec<Metric>) -> Plan {
        Plan {
            title: self.title.clone(),
            source: self.source.clone(),
            base_year: self.years.0,
            target_year: self.years.1,
            metrics,
            uncertainty: self.uncertainty,
        }
    }
}

/// What every scenario is built from.
pub(super) struct Scenarios<'a> {
    pub(super) metrics: &'a MetricContext<'a>,
    pub(super) sets: &'a Sets<'a>,
    pub(super) figures: &'a CsvFigures<'a>,
    pub(super) locator: &'a Locator<'a>,
    pub(super) header: &'a Header,
}

impl Scenarios<'_> {
    /// The scenario `name`, or `None` when it has problems, which are reported.
    pub(super) fn build(
        &self,
        name: &Spanned<String>,
        scenario: &RawScenario,
        problems: &mut Problems,
    ) -> Option<Scenario> {
        let at = self.locator.locate(name.span());
        let name = name.get_ref().as_str();
        let mut scope = problems.scope();
        let mut problems = scope.in_scenario(Some(name));
        if let Some(fault) = name_problem(name) {
            problems.report(at, fault);
            return None;
        }
        let sets = self.sets.for_scenario(name);
        let mut overrides = overrides::of_scenario(scenario);
        // --set applies on top of the scenario's own changes.
        overrides.extend(sets.iter().cloned());
        let before = problems.count();
        let checked = self.metrics.checked(&overrides, &mut problems);
        if problems.count() > before {
            return None;
        }
        let metrics = checked.finish(self.figures, self.header.years, &mut problems)?;
        let plan = self.header.plan(metrics);
        let plan = match &scenario.growth_shift {
            Some(shift) => self.shifted(plan, shift, sets, &mut problems)?,
            None => plan,
        };
        Some(Scenario {
            name: name.to_owned(),
            description: scenario.description.as_deref().map(shown),
            plan,
        })
    }

    /// `plan` with the scenario's growth shift; `sets` are the `--set`
    /// overrides it had, to say so when a shifted rate came from one.
    fn shifted(
        &self,
        plan: Plan,
        shift: &Spanned<Value>,
        sets: &[Override],
        problems: &mut Scoped,
    ) -> Option<Plan> {
        let at = self.locator.locate(shift.span());
        let mut problems = problems.in_field("growth_shift");
        let rate = parse_rate(shift.get_ref())
            .map_err(|msg| problems.report(at.clone(), msg))
            .ok()?;
        let too_low = match plan.with_growth_shift(rate) {
            Ok(shifted) => return Some(shifted),
            Err(too_low) => too_low,
        };
        let id = &plan.metrics[too_low.metric].id;
        let origin = sets
            .iter()
            .rfind(|o| o.metric == id && o.field == "growth")
            .map(|o| self.locator.locate(o.value.span()));
        let from_set = match origin {
            Some(Location::Argument(argument)) => Some(argument),
            _ => None,
        };
        problems.in_metric(id).report(
            at,
            Fault::ShiftTooLow {
                shift: times_hundred(rate).to_string(),
                id: id.clone(),
                year: too_low.year,
                rate: times_hundred(too_low.rate).to_string(),
                from_set,
            },
        );
        None
    }
}

/// Why a scenario cannot have this name, if it cannot.
fn name_problem(name: &str) -> Option<Fault> {
    if name == BASE_SCENARIO || name == "all" {
        Some(Fault::ReservedScenario {
            name: name.to_owned(),
        })
    } else if !is_id(name) {
        Some(Fault::BadScenarioName)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_unusable_scenario_names_are_refused() {
        assert!(name_problem("slow").is_none());
        assert!(name_problem("增长-快_2").is_none());
        for reserved in ["base", "all"] {
            let message = name_problem(reserved).unwrap().to_string();
            assert!(
                message.starts_with(&format!("`{reserved}` is reserved")),
                "{message}"
            );
        }
        for unusable in ["slow growth", "a.b", ""] {
            assert!(
                name_problem(unusable)
                    .unwrap()
                    .to_string()
                    .starts_with("a scenario name may hold only letters"),
                "{unusable:?}"
            );
        }
    }
}
