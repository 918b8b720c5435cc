//! English.

mod cli;
mod plan;

use super::{
    CeilingAllowsIncrement, CeilingAllowsRate, Column, FallAtMost, LevelNeedsIncrement,
    LevelNeedsRate, RateAndLevel, ShareNeeds, Sheet, TrendDiffers, TrendFound, Words,
};
use crate::report::{Class, Estimator, Method, RateMethod, Status};

pub(super) struct English;

fn enough(enough: bool) -> &'static str {
    if enough { "enough" } else { "not enough" }
}

impl Words for English {
    fn source(&self, source: &str) -> String {
        format!("Source: {source}")
    }

    fn period(&self, base_year: i32, target_year: i32) -> String {
        format!("Base year {base_year}, goals judged at {target_year}")
    }

    fn scenario_line(&self, name: &str, description: Option<&str>) -> String {
        match description {
            Some(d) => format!("Scenario {name}: {d}"),
            None => format!("Scenario {name}"),
        }
    }

    fn the_plan_as_written(&self) -> &'static str {
        "the plan as written"
    }

    fn metric(&self) -> &'static str {
        "Metric"
    }

    fn unit(&self) -> &'static str {
        "Unit"
    }

    fn goal(&self) -> &'static str {
        "Goal"
    }

    fn implied_by(&self, level: &str, stated: &str) -> String {
        format!("{level} ({stated})")
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Reached => "✔ reached",
            Status::Missed => "✘ missed",
        }
    }

    fn average_growth(&self, method: RateMethod) -> &'static str {
        match method {
            RateMethod::Endpoint => "avg growth",
            RateMethod::Cumulative => "avg growth (cumulative)",
        }
    }

    fn change(&self) -> &'static str {
        "change"
    }

    fn increase(&self) -> &'static str {
        "increase"
    }

    fn total(&self) -> &'static str {
        "total"
    }

    fn in_step(&self, name: &str, rate: Option<&str>, tolerance: Option<&str>) -> String {
        match (rate, tolerance) {
            (Some(rate), Some(tolerance)) => format!("in step with {name}: ≥ {rate} − {tolerance}"),
            (Some(rate), None) => format!("in step with {name}: ≥ {rate}"),
            (None, Some(tolerance)) => format!("in step with {name} − {tolerance}"),
            (None, None) => format!("in step with {name}"),
        }
    }

    fn points(&self) -> &'static str {
        " pp"
    }

    fn a_year(&self, change: &str) -> String {
        format!("{change} a year")
    }

    fn with_unit(&self, value: String, unit: &str) -> String {
        match unit {
            "" => value,
            "%" => format!("{value}{unit}"),
            _ => format!("{value} {unit}"),
        }
    }

    fn latest(&self) -> &'static str {
        "Latest actual"
    }

    fn deviation(&self) -> &'static str {
        "Better than plan"
    }

    fn progress_and_time(&self) -> &'static str {
        "Progress / plan / time"
    }

    fn remaining_rate(&self) -> &'static str {
        "Rate needed from now"
    }

    fn left_out(&self, columns: &[String]) -> String {
        format!(
            "Left out to fit the terminal: {}; --wide or -f csv shows them",
            columns.join(", ")
        )
    }

    fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}: {value}")
    }

    fn goals_heading(&self) -> &'static str {
        "Goals"
    }

    fn comparison_heading(&self) -> &'static str {
        "Goals by scenario"
    }

    fn years_heading(&self) -> &'static str {
        "Year by year"
    }

    fn growth_heading(&self) -> &'static str {
        "Year-on-year growth"
    }

    fn tally(&self, reached: usize, total: usize, binding: Option<(usize, usize)>) -> String {
        let goals = if total == 1 { "goal" } else { "goals" };
        let tally = format!("{reached} of {total} {goals} reached");
        match binding {
            Some((reached, total)) => format!("{tally}; binding: {reached} of {total}"),
            None => tally,
        }
    }

    fn goals_reached(&self) -> &'static str {
        "Goals reached"
    }

    fn binding_goals_reached(&self) -> &'static str {
        "Binding goals reached"
    }

    fn binding_header(&self) -> &'static str {
        "Type"
    }

    fn binding(&self, binding: bool) -> &'static str {
        if binding { "binding" } else { "expected" }
    }

    fn baseline(&self, year: i32) -> String {
        format!("Baseline {year}")
    }

    fn projected(&self, year: i32) -> String {
        format!("Projected {year}")
    }

    fn status_header(&self) -> &'static str {
        "Status"
    }

    fn gap(&self) -> &'static str {
        "Gap"
    }

    fn attainment(&self) -> &'static str {
        "Attainment"
    }

    fn required_rate(&self) -> &'static str {
        "Required rate"
    }

    fn year_reached(&self) -> &'static str {
        "Year reached"
    }

    fn not_by(&self, last_year: i32) -> String {
        format!("not by {last_year}")
    }

    fn schedule(&self) -> &'static str {
        "Schedule"
    }

    fn already_reached(&self) -> &'static str {
        "already reached"
    }

    fn behind_schedule(&self) -> &'static str {
        "behind plan path"
    }

    fn final_figure(&self) -> &'static str {
        "final figure"
    }

    fn on_schedule(&self) -> &'static str {
        "on plan path"
    }

    fn trend(&self) -> &'static str {
        "Trend"
    }

    fn target_header(&self) -> &'static str {
        "Level goal"
    }

    fn source_legend(&self, actual: &str, interpolated: &str) -> String {
        format!(
            "{actual} actual figure   {interpolated} filled in between known values   unmarked: projected"
        )
    }

    fn share_note(&self, name: &str, year: i32, entered: &str, from_parts: &str) -> String {
        format!(
            "Note: {name} {year} is entered as {entered}, but its parts' actual figures give {from_parts}; the entered share is shown"
        )
    }

    fn trend_found(&self, f: &TrendFound) -> String {
        let TrendFound {
            name,
            change,
            compound,
            estimator,
            key,
            from_year,
            to_year,
            points,
            r_squared,
        } = f;
        let how = match (estimator, compound) {
            (Estimator::Cagr, _) => "from the first figure to the last",
            (Estimator::LogLinear, true) => "least squares on the logarithms",
            (Estimator::LogLinear, false) => "least squares",
            (Estimator::Recent5, _) => "the mean of the last five annual changes",
        };
        let fit = r_squared
            .as_ref()
            .map_or_else(String::new, |r| format!(", R² {r}"));
        let change = if *compound {
            format!("grows {change} a year")
        } else {
            format!("changes by {change} a year")
        };
        format!(
            "{name} {change}: the trend of {from_year}–{to_year} ({key}: {how}, {points} figures{fit})"
        )
    }

    fn in_scenarios(&self, line: &str, scenarios: &[&str]) -> String {
        let noun = if scenarios.len() == 1 {
            "scenario"
        } else {
            "scenarios"
        };
        format!("{line} [{noun} {}]", scenarios.join(", "))
    }

    fn sensitivity_heading(&self) -> &'static str {
        "Sensitivity"
    }

    fn uniform_sweep(&self) -> &'static str {
        "Columns: the same shift added to every compound metric's growth, every year"
    }

    fn metric_sweep(&self, name: &str, id: &str) -> String {
        format!("Columns: the growth of {name} ({id}) set to that rate, every year")
    }

    fn break_even(&self) -> &'static str {
        "Break-even"
    }

    fn break_even_legend(&self, uniform: bool) -> &'static str {
        if uniform {
            "Break-even: the shift at which the goal flips, and the metric's average growth there"
        } else {
            "Break-even: the rate at which the goal flips, and its distance from the plan's rate"
        }
    }

    fn undefined_point(&self) -> &'static str {
        "—: the shift takes a growth rate to -100 % or below"
    }

    fn unaffected(&self) -> &'static str {
        "growth does not move it"
    }

    fn no_flip(&self) -> &'static str {
        "no flip from -99% to +1000%"
    }

    fn rate_and_level(&self, f: &RateAndLevel) -> String {
        let RateAndLevel {
            name,
            base_year: base,
            target_year: target,
            rate,
            baseline: b,
            reached,
            goal,
            shortfall,
            level,
            needed_rate,
            implied_baseline,
        } = f;
        let verdict = match shortfall {
            None => format!("which meets the goal {goal}"),
            Some(gap) => format!("which misses the goal {goal} by {gap}"),
        };
        format!(
            "{name}: {rate} a year from {b} in {base} reaches {reached} in {target}, {verdict}. \
             Reaching {level} exactly needs {needed_rate} a year. Together, {rate} a year and \
             {level} imply a {base} value of {implied_baseline}, against {b} in the plan."
        )
    }

    fn level_needs_rate(&self, f: &LevelNeedsRate) -> String {
        let LevelNeedsRate {
            name,
            target_year: target,
            baseline: b,
            level,
            needed_rate,
            own_rate,
            margin,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}: reaching {level} in {target} from {b} needs {needed_rate} a year; the plan's \
             own growth is {own_rate} ({margin}), {verdict}."
        )
    }

    fn ceiling_allows_rate(&self, f: &CeilingAllowsRate) -> String {
        let CeilingAllowsRate {
            name,
            target_year: target,
            baseline: b,
            goal,
            allowed_rate,
            own_rate,
            enough: is_enough,
            ..
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}: staying within {goal} in {target} from {b} allows at most {allowed_rate} a \
             year; the plan's own growth is {own_rate}, {verdict}."
        )
    }

    fn level_needs_increment(&self, f: &LevelNeedsIncrement) -> String {
        let LevelNeedsIncrement {
            name,
            target_year: target,
            baseline: b,
            level,
            increment,
            needed_rate,
            own_increment,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        match needed_rate {
            Some(rate) => format!(
                "{name}: reaching {level} in {target} from {b} needs {increment} more a year \
                 ({rate} a year on average); the plan adds {own_increment} a year, {verdict}."
            ),
            None => format!(
                "{name}: reaching {level} in {target} from {b} needs {increment} a year; the \
                 plan changes it by {own_increment} a year, {verdict}."
            ),
        }
    }

    fn ceiling_allows_increment(&self, f: &CeilingAllowsIncrement) -> String {
        let CeilingAllowsIncrement {
            name,
            target_year: target,
            baseline: b,
            goal,
            increment,
            own_increment,
            enough: is_enough,
            ..
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}: staying within {goal} in {target} from {b} allows a change of at most \
             {increment} a year; the plan changes it by {own_increment} a year, {verdict}."
        )
    }

    fn share_needs(&self, f: &ShareNeeds) -> String {
        let ShareNeeds {
            name,
            base_year: base,
            target_year: target,
            share_at_base,
            level,
            numerator: num,
            denominator: den,
            needed_numerator_rate,
            numerator_rate,
            denominator_rate,
            needed_gap,
            plan_gap,
            enough: is_enough,
        } = f;
        let verdict = enough(*is_enough);
        format!(
            "{name}: to go from {share_at_base} in {base} to {level} in {target}, {num} must grow \
             {needed_numerator_rate} a year against {den}'s {denominator_rate}, a gap of \
             {needed_gap}; the plan has {numerator_rate} against {denominator_rate}, a gap of \
             {plan_gap}, which is {verdict}."
        )
    }

    fn fall_at_most(&self, f: &FallAtMost) -> String {
        let FallAtMost { name, change, fall } = f;
        format!(
            "{name}: change_target = {change} asks for a change of at least {change}, a fall of \
             at most {fall}: falling less, or rising, meets it too. If the plan asks for a fall \
             of at least {fall} (下降{fall}以上), write change_target = {{ at_most = \"{change}\" }}."
        )
    }

    fn trend_differs(&self, f: &TrendDiffers) -> String {
        let TrendDiffers {
            name,
            plan_rate,
            from_year,
            to_year,
            trend_rate,
        } = f;
        format!(
            "{name}: the plan assumes {plan_rate} a year; {from_year}–{to_year} grew {trend_rate} a year."
        )
    }

    fn no_findings(&self) -> &'static str {
        "No level goals to check: explain looks at goals set with `target`."
    }

    fn review_heading(&self, as_of: Option<i32>) -> String {
        match as_of {
            Some(year) => format!("Review as of {year}"),
            None => "Review at the latest actual figures".to_owned(),
        }
    }

    fn achieved_rate(&self) -> &'static str {
        "Rate so far"
    }

    fn basis_header(&self) -> &'static str {
        "Basis"
    }

    fn comparable_prices(&self) -> &'static str {
        " (comparable prices)"
    }

    fn verdict_header(&self) -> &'static str {
        "Verdict"
    }

    fn history_heading(&self) -> &'static str {
        "Verdicts year by year, each on the figures published by then"
    }

    fn class(&self, class: Class) -> &'static str {
        match class {
            Class::Reached => "reached",
            Class::AlreadyReached => "already reached",
            Class::Ahead => "ahead of the plan path",
            Class::OnTrack => "on track",
            Class::Behind => "reachable if faster",
            Class::OutOfReach => "out of reach",
            Class::TargetAchieved => "target achieved",
            Class::AccelerationNeeded => "acceleration needed",
            Class::LimitedProgress => "limited progress",
            Class::Deterioration => "deterioration",
            Class::FairProgress => "fair progress",
            Class::StagnationOrRegression => "stagnation or regression",
            Class::Sun => "sun",
            Class::LightCloud => "light cloud",
            Class::Cloud => "cloud",
            Class::Thunderstorm => "thunderstorm",
            Class::AchievedEarly => "achieved early",
            Class::AheadOfPlan => "ahead of plan",
            Class::BroadlyOnPlan => "broadly on plan",
            Class::Lagging => "lagging",
            Class::InsufficientData => "insufficient data",
        }
    }

    fn no_figures(&self) -> &'static str {
        "no actual figures yet"
    }

    fn method_name(&self, method: Method) -> &'static str {
        match method {
            Method::Plan => "Plan path",
            Method::Statcan => "Statistics Canada",
            Method::Unsd => "UNSD",
            Method::Destatis => "Destatis",
            Method::Ndrc => "NDRC",
        }
    }

    fn class_counts(&self, method: Method, counts: &[String]) -> String {
        format!("{}: {}", self.method_name(method), counts.join(", "))
    }

    fn class_count(&self, count: usize, class: &str) -> String {
        format!("{count} {class}")
    }

    fn as_of_header(&self) -> &'static str {
        "As of"
    }

    fn plan_value_header(&self) -> &'static str {
        "Plan path"
    }

    fn marker_legend(&self) -> &'static str {
        "● actual figure   ○ projected or filled in"
    }

    fn fan_legend(&self) -> &'static str {
        "shaded: 10–90 % and 25–75 % of simulated paths"
    }

    fn odds_heading(&self) -> &'static str {
        "Odds of each goal"
    }

    fn probability(&self) -> &'static str {
        "Probability"
    }

    fn percentile(&self, percent: u32) -> String {
        format!("P{percent}")
    }

    fn year_held(&self) -> &'static str {
        "Year held (P10 / P50 / P90)"
    }

    fn odds_note(&self, paths: u64, seed: u64, correlation: &str, largest_error: &str) -> String {
        format!(
            "{paths} simulated paths (seed {seed}, correlation {correlation}); Monte Carlo \
             standard error at most {largest_error}. P10, P50 and P90: the value judged at the \
             target year that 10 %, 50 % and 90 % of paths stay below."
        )
    }

    fn no_volatility(&self) -> &'static str {
        "No metric has a `volatility`, so every path is the plan's and each probability is 0 % \
         or 100 %: give metrics a volatility (\"3%\", a number in the unit, or \"history\")."
    }

    fn plan_path(&self) -> &'static str {
        "plan path"
    }

    fn plan_count(&self, plans: usize) -> String {
        format!("{plans} plans")
    }

    fn plan_header(&self) -> &'static str {
        "Plan"
    }

    fn by_status_heading(&self) -> &'static str {
        "Goals shared by several plans"
    }

    fn plans_reaching_header(&self) -> &'static str {
        "Plans reaching it"
    }

    fn plans_reaching(&self, reached: usize, plans: usize) -> String {
        format!("{reached} of {plans} plans")
    }

    fn own_targets(&self, kind: Option<&str>) -> String {
        match kind {
            None => "each plan's own target".to_owned(),
            Some(kind) => format!("{kind}: each plan's own target"),
        }
    }

    fn sheet(&self, sheet: Sheet) -> &'static str {
        match sheet {
            Sheet::Goals => "Goals",
            Sheet::Years => "Years",
            Sheet::Sensitivity => "Sensitivity",
            Sheet::BreakEven => "Break-even",
            Sheet::Review => "Review",
            Sheet::Odds => "Odds",
            Sheet::History => "History",
            Sheet::Charts => "Charts",
            Sheet::ByStatus => "By status",
        }
    }

    fn column(&self, column: Column) -> &'static str {
        match column {
            Column::Plan => "Plan",
            Column::Scenario => "Scenario",
            Column::Metric => "Metric",
            Column::Name => "Name",
            Column::Unit => self.unit(),
            Column::Goal => "Goal type",
            Column::Op => "Comparison",
            Column::Target => "Target",
            Column::Tolerance => "Tolerance",
            Column::BaseYear => "Base year",
            Column::Baseline => "Baseline",
            Column::TargetYear => "Target year",
            Column::Projected => "Projected",
            Column::Status => self.status_header(),
            Column::Gap => self.gap(),
            Column::Attainment => self.attainment(),
            Column::RequiredRate => self.required_rate(),
            Column::YearReached => self.year_reached(),
            Column::LatestYear => "Latest year",
            Column::LatestValue => self.latest(),
            Column::PlanValue => "Plan path value",
            Column::Deviation => self.deviation(),
            Column::Progress => "Progress",
            Column::ExpectedProgress => "Expected progress",
            Column::TimeElapsed => "Time elapsed",
            Column::RemainingRate => self.remaining_rate(),
            Column::Reference => "In step with",
            Column::Binding => "Binding",
            Column::Schedule => self.schedule(),
            Column::Shift => "Growth shift",
            Column::Rate => "Growth rate",
            Column::BreakEvenShift => "Break-even shift",
            Column::BreakEvenRate => "Break-even rate",
            Column::AchievedRate => self.achieved_rate(),
            Column::AchievedIncrement => "Change a year so far",
            Column::RemainingIncrement => "Change a year needed",
            Column::Extrapolated => "At the pace so far",
            Column::AsOf => self.as_of_header(),
            Column::Method => "Method",
            Column::Verdict => self.verdict_header(),
            Column::Probability => self.probability(),
            Column::P10 => "P10",
            Column::P50 => "P50",
            Column::P90 => "P90",
            Column::YearP10 => "Year held P10",
            Column::YearP50 => "Year held P50",
            Column::YearP90 => "Year held P90",
            Column::Paths => "Paths",
            Column::Seed => "Seed",
            Column::Reached => "Reached",
            Column::Plans => "Plans",
        }
    }
}
