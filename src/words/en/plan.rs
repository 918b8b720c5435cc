//! English: why a plan was refused, and how to fix it.

use super::English;
use crate::plan::{
    ColumnName, Entry, Fault, Found, Kind, Known, MetricKind, NoRate, PerYear, PerYearRate,
    WrongUnit,
};
use crate::words::plan::PlanWords;

/// A value as a message names what was found.
fn found(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("the string \"{s}\""),
        Found::Number(n) => n.clone(),
        Found::Other(Kind::Array) => "an array".to_owned(),
        Found::Other(kind) => format!("a {}", kind_name(*kind)),
    }
}

/// A kind of value as TOML names it.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "boolean",
        Kind::Datetime => "datetime",
        Kind::Array => "array",
        Kind::Table => "table",
        Kind::Scalar(name) => name,
    }
}

fn column(column: &ColumnName) -> String {
    match column {
        ColumnName::Header(header) => format!("column `{header}`"),
        ColumnName::Letters(letters) => format!("column {letters}"),
    }
}

/// Why a path has no average rate.
fn no_rate(why: &NoRate) -> String {
    match why {
        NoRate::Endpoint {
            first,
            base,
            last,
            target,
        } => format!(
            "an average growth rate needs positive values, but the path goes from \
             {first} in {base} to {last} in {target}"
        ),
        NoRate::Cumulative {
            first,
            base,
            from,
            target,
            sum,
        } => format!(
            "the cumulative average (累计法) has no solution: it needs a positive value in \
             {base} and a positive sum of the values for {from}–{target}, but the path starts at \
             {first} and those values add up to {sum}"
        ),
    }
}

/// Why a share's figure looks written in the wrong unit.
fn wrong_unit(m: &WrongUnit) -> String {
    let size = if m.smaller { "smaller" } else { "larger" };
    format!(
        "{} is more than {} times {size} than every value of the share ({} to {}), which is \
         in percent: did you mean {}?",
        m.figure, m.times, m.smallest, m.largest, m.meant
    )
}

/// The change a trend would have been, written instead.
fn instead(compound: bool) -> &'static str {
    if compound {
        "growth = \"6%\""
    } else {
        "increment = 5"
    }
}

/// The estimators `trend` names.
const ESTIMATORS: &str = "`cagr` (from the first figure to the baseline, the default), \
                          `loglinear` (least squares) or `recent5` (the mean of the last five \
                          annual changes)";

impl PlanWords for English {
    fn fault(&self, fault: &Fault) -> String {
        match fault {
            Fault::InKey { key, fault } => format!("`{key}`: {}", self.fault(fault)),
            Fault::InYear { year, fault } => format!("{year}: {}", self.fault(fault)),
            Fault::InEntry {
                entry: Entry::Year(year),
                fault,
            } => format!("entry for {year}: {}", self.fault(fault)),
            Fault::InEntry {
                entry: Entry::Index(index),
                fault,
            } => format!("entry {index}: {}", self.fault(fault)),
            Fault::OrOtherSheet {
                fault,
                file,
                other,
                sheets,
            } => format!(
                "{}; or, for another sheet, name it after `#`: {file}#{other} (its sheets: {})",
                self.fault(fault),
                sheets.join(", ")
            ),

            Fault::NotFinite { value } => {
                format!("{value} is not a finite number; give a real value")
            }
            Fault::QuotedNumber { text } => {
                format!("expected a number, found the string \"{text}\"; remove the quotes")
            }
            Fault::NotANumber { found: f } => format!("expected a number, found {}", found(f)),
            Fault::NotARate { change, kind } => format!(
                "expected {}, found {}",
                if *change {
                    "a change such as -0.135 or \"-13.5%\""
                } else {
                    "a rate such as 0.16 or \"16%\""
                },
                kind_name(*kind)
            ),
            Fault::RateTooLarge {
                x,
                percent,
                fraction,
            } => format!("{x} would mean {percent} % a year; write {fraction} or \"{x}%\""),
            Fault::ChangeTooLarge {
                x,
                percent,
                fraction,
            } => format!(
                "{x} would mean a change of {percent} %; write {fraction} or \"{x}%\" for {x} %, \
                 or \"{percent}%\" if that change is meant"
            ),
            Fault::RateNotFinite { x } => {
                format!("{x} is not a finite rate; write a rate such as 0.16 or \"16%\"")
            }
            Fault::NoPercentSign { text } => format!(
                "\"{text}\" is not a rate: write a percent with a % sign (\"16%\") or a plain \
                 number (0.16)"
            ),
            Fault::BadPercent { text } => {
                format!("\"{text}\" is not a rate: write a percent such as \"16%\" or \"-3.5%\"")
            }
            Fault::WipesOut { rate, percent } => {
                let (rate_name, what, plural) = match rate {
                    PerYearRate::Growth => ("a rate", "the value", "rates"),
                    PerYearRate::Deflator => ("a deflator", "the price level", "deflators"),
                };
                format!(
                    "{rate_name} of {percent} % would wipe {what} out; {plural} must be above \
                     -100 %"
                )
            }

            Fault::NoPlanTable => "missing [plan] table; add one with base_year and \
                                   target_year, for example base_year = 2015 and target_year = \
                                   2020"
                .to_owned(),
            Fault::MissingYear { field } => format!("missing; add `{field} = <year>` to [plan]"),
            Fault::NotAYear { found: f } => format!(
                "expected a year, a whole number between 1 and 9999, found {}",
                found(f)
            ),
            Fault::TargetNotAfterBase { base, target } => {
                format!("target_year {target} must come after base_year {base}")
            }
            Fault::TooLong { base, target, max } => format!(
                "{base}–{target} spans {} years; a plan may span at most {max}",
                target - base
            ),
            Fault::NoMetrics => "the plan has no metrics; add at least one [metrics.<id>] table \
                                 (`dabiao init` writes a starter plan)"
                .to_owned(),

            Fault::BadMetricId => "a metric id may hold only letters, digits, `_` and `-` (it \
                                   is used in CSV, JSON and on the command line); rename the \
                                   table"
                .to_owned(),
            Fault::NoModel => "has no model; give `baseline` with `growth` (compound) or with \
                               `increment` (linear), or give `ratio = { numerator = \"…\", \
                               denominator = \"…\" }`"
                .to_owned(),
            Fault::SeveralModels { models } => format!(
                "has {} models (`{}`); a metric is exactly one of compound (`growth`), linear \
                 (`increment`) or `ratio`: keep one",
                models.len(),
                models.join("`, `")
            ),
            Fault::MissingBaseline {
                base_year: Some(year),
            } => format!("missing; add `baseline = <value in {year}>`"),
            Fault::MissingBaseline { base_year: None } => {
                "missing; add `baseline = <value in the base year>`".to_owned()
            }
            Fault::BaselineNotPositive { baseline } => format!(
                "compound growth needs a positive baseline, found {baseline}; correct it, or \
                 use `increment` for a linear path"
            ),
            Fault::BaselineOfRatio => "a ratio metric takes its values from its numerator and \
                                       denominator; remove `baseline`"
                .to_owned(),
            Fault::DeflatorOfRatio => "a ratio takes its prices from its parts: put `deflator` \
                                       on its numerator or denominator, and `prices = \
                                       \"comparable\"` in `ratio` to divide their real paths"
                .to_owned(),
            Fault::DeflatorOfLinear => "a deflator turns real growth into levels at current \
                                        prices, and a linear metric has no growth rate; remove \
                                        `deflator`, or give the metric `growth` instead of \
                                        `increment`"
                .to_owned(),
            Fault::EntryCount {
                count,
                first,
                target_year,
                horizon,
                what,
            } => {
                let what = match what {
                    PerYear::Rate => "rate",
                    PerYear::Number => "number",
                    PerYear::Volatility => "volatility",
                };
                format!(
                    "has {count} {}, but {first}–{target_year} has {horizon} projected years; \
                     give one {what} per year (the first is for {first}) or a single {what}",
                    if *count == 1 { "entry" } else { "entries" },
                )
            }
            Fault::NotARateMethod { found: f } => format!(
                "expected \"endpoint\" (水平法: from the base-year and target-year values) or \
                 \"cumulative\" (累计法: from the sum of the plan years' values), found {}",
                found(f)
            ),
            Fault::NotBinding { found: f } => format!(
                "expected true (约束性: binding goals) or false (预期性: expected goals, the \
                 default), found {}",
                found(f)
            ),
            Fault::VolatilityOfRatio => "a ratio moves with its parts: give `volatility` to its \
                                         numerator and denominator instead, and remove it here"
                .to_owned(),
            Fault::HistoryOfRatio => "a ratio takes its figures from its numerator and \
                                      denominator; give `history` to those metrics instead"
                .to_owned(),
            Fault::TrendNotAsked { field } => format!(
                "`trend` says how `{field} = \"trend\"` is estimated from the history, but \
                 `{field}` is not \"trend\"; write `{field} = \"trend\"`, or remove `trend`"
            ),
            Fault::TrendWithDeflator => "\"trend\" takes the rate of the history, which is at \
                                         current prices, but with a deflator growth is real; \
                                         give the real rate itself, as growth = \"6%\""
                .to_owned(),

            Fault::ChangeGoalWipesOut => "a change of -100 % or less would wipe the value out; \
                                          a change goal must be above -100 %"
                .to_owned(),
            Fault::RateGoalWipesOut => "a rate goal must be above -100 %".to_owned(),
            Fault::NegativeTolerance { found: f } => {
                format!("tolerance must not be negative, found {}", found(f))
            }
            Fault::InStepAndStated { op } => format!(
                "`in_step_with` and `{op}` are two forms of one rate goal; give either the rate \
                 (`{op}`) or the metric whose growth to keep pace with (`in_step_with`)"
            ),
            Fault::InStepUnknownKey { key } => format!(
                "unknown key `{key}`; a rate goal in step with another metric takes \
                 `in_step_with` and, if it may fall short, `tolerance`"
            ),
            Fault::InStepNotAnId { found: f } => format!(
                "`in_step_with`: expected the id of another metric in quotes, such as \"gdp\", \
                 found {}",
                found(f)
            ),
            Fault::InStepOutsideRate => {
                "`in_step_with` states a rate goal: write it in `rate_target`".to_owned()
            }
            Fault::NotAGoal { found: f } => format!(
                "expected a number or a table such as {{ at_least = 150 }}, found {}",
                found(f)
            ),
            Fault::UnknownGoalKey { key } => format!(
                "unknown key `{key}`; a goal table takes one of `at_least`, `at_most`, or \
                 `about` with `tolerance`"
            ),
            Fault::GoalOps { given } => format!(
                "give exactly one of `at_least`, `at_most` or `about`, found {}",
                if given.is_empty() {
                    "none".to_owned()
                } else {
                    format!("`{}`", given.join("`, `"))
                }
            ),
            Fault::AboutWithoutTolerance { example } => format!(
                "`about` needs a `tolerance`, the accepted distance either side: for example \
                 {example}"
            ),
            Fault::ToleranceWithoutAbout { op } => format!(
                "`tolerance` applies only to `about` goals; remove it or write `about` instead \
                 of `{op}`"
            ),
            Fault::TotalOfShare => "a share's values do not add up over the years; put \
                                    `total_target` on its numerator or denominator, or use \
                                    `target` for the share in the target year"
                .to_owned(),
            Fault::InStepWithItself { id, others } => format!(
                "a metric cannot keep pace with itself; {}",
                self.choice(
                    &format!("name the metric whose growth `{id}` should keep pace with"),
                    others
                )
            ),
            Fault::InStepUnknown { with, others } => format!(
                "`{with}` is not a metric of this plan; {}",
                self.choice("metrics it can keep pace with", others)
            ),

            Fault::PartIsRatio { name } => format!(
                "`{name}` is itself a ratio; a ratio's parts must be compound or linear metrics"
            ),
            Fault::NotAPart { name, parts } => format!(
                "`{name}` is not a metric of this plan; metrics that can be parts of a ratio: {}",
                self.known(parts)
            ),
            Fault::ScaleNotPositive { scale } => {
                format!("must be positive (100 for %, 1000 for ‰), found {scale}")
            }
            Fault::NotPrices { found: f } => format!(
                "expected \"current\" (现价: the parts' levels) or \"comparable\" (可比价: the \
                 parts' real paths, without their deflators), found {}",
                found(f)
            ),

            Fault::ActualKeyNotAYear { key } => {
                format!("`{key}` is not a year; write actual = {{ 2016 = 80.1, 2017 = 93.5 }}")
            }
            Fault::HistoryKeyNotAYear { key } => {
                format!("`{key}` is not a year; write history = {{ 2012 = 40.2, 2013 = 45.1 }}")
            }
            Fault::ActualBeforePlan {
                year,
                first,
                base_year,
                target_year,
            } => format!(
                "{year} is before the plan's years; actual figures are for {first}–{target_year} \
                 (the {base_year} value is the baseline): move it to `history`"
            ),
            Fault::ActualOutsidePlan {
                year,
                first,
                base_year,
                target_year,
            } => format!(
                "{year} is outside the plan's years; actual figures are for \
                 {first}–{target_year} (the {base_year} value is the baseline)"
            ),
            Fault::FigureNotPositive { figure } => format!(
                "{figure} is not positive; a compound metric or a share needs positive figures"
            ),
            Fault::HistoryNotPositive { figure } => format!(
                "{figure} is not positive; a compound metric's history needs positive figures \
                 (it has a growth rate only between them)"
            ),
            Fault::HistoryNotBefore { year, base_year } => {
                let instead = if year == base_year {
                    format!("the {base_year} value is the baseline")
                } else {
                    format!("figures for {} on go in `actual`", base_year + 1)
                };
                format!(
                    "{year} is not before the base year {base_year}; history holds the years \
                     before it ({instead})"
                )
            }
            Fault::HistoryBeforeYearOne { year, last } => {
                format!("{year} is not a year; history holds years from 1 to {last}")
            }
            Fault::NotAnEstimator { text: None } => format!("expected one of {ESTIMATORS}"),
            Fault::NotAnEstimator { text: Some(text) } => {
                format!("\"{text}\" is not an estimator; write one of {ESTIMATORS}")
            }
            Fault::TrendWipesOut { field } => format!(
                "the trend of its history is a fall of 100 % a year or more, which would wipe \
                 the value out; give the rate itself, as {field} = \"-5%\""
            ),
            Fault::TooFewForTrend {
                estimator,
                needed,
                given,
                base_year,
                compound,
            } => format!(
                "\"trend\" by {estimator} needs at least {needed} history figures before \
                 {base_year}, found {given}; add them, as history = {{ {} = …, {} = … }} or rows \
                 of an actuals file, or give the change itself, as {}",
                base_year - 2,
                base_year - 1,
                instead(*compound)
            ),
            Fault::TrendNotPositive { year, compound } => format!(
                "\"trend\" needs positive figures on a compound metric, but the one for {year} \
                 is not; correct it, or give the rate itself, as {}",
                instead(*compound)
            ),

            Fault::ShareFiguresFromParts { base_year } => format!(
                "a share's figures up to {base_year} come from its numerator and denominator; \
                 drop the row, or give the figures to those metrics"
            ),
            Fault::GivenTwice { year, also } => {
                format!("{year} is given twice (also {also}); keep one figure per metric and year")
            }
            Fault::Disagrees {
                value,
                baseline,
                in_plan,
                line,
            } => format!(
                "{value} here, but {} {in_plan} (line {line}); the two must agree: correct one, \
                 or drop one",
                if *baseline {
                    "the baseline is"
                } else {
                    "the plan file says"
                }
            ),
            Fault::SeveralNamed { ids } => format!(
                "several metrics have this name ({}); name the figure's metric by its id",
                ids.join(", ")
            ),
            Fault::UnknownFigureMetric { known } => {
                format!("not a metric of the plan; metrics: {}", self.known(known))
            }
            Fault::PercentSign { value, id, unit } => {
                let unit = match unit.as_str() {
                    "" => "no unit".to_owned(),
                    unit => format!("the unit {unit}"),
                };
                format!(
                    "{value}% has a percent sign, but `{id}` has {unit}; write the figure \
                     without %, in the metric's unit"
                )
            }

            Fault::ShiftTooLow {
                shift,
                id,
                year,
                rate,
                from_set,
            } => {
                let from_set = match from_set {
                    Some(argument) => format!(" (that growth comes from {argument})"),
                    None => String::new(),
                };
                format!(
                    "shifting by {shift} % takes the growth of `{id}` in {year} to {rate} \
                     %{from_set}; rates must stay above -100 %"
                )
            }
            Fault::ReservedScenario { name } => format!(
                "`{name}` is reserved (`base` is the plan itself, `--scenario all` runs every \
                 scenario); rename this scenario"
            ),
            Fault::BadScenarioName => "a scenario name may hold only letters, digits, `_` and \
                                       `-` (it is used in CSV, JSON and on the command line); \
                                       rename it"
                .to_owned(),
            Fault::BadSet => {
                "expected ID.FIELD=VALUE, for example --set service_investment.growth=18%"
                    .to_owned()
            }
            Fault::UnknownMetric { known } => {
                format!("not a metric of this plan; metrics: {}", self.known(known))
            }
            Fault::RatioHasNoBaseline => "a ratio metric has no baseline of its own; change its \
                                          numerator or denominator instead"
                .to_owned(),
            Fault::KindIsFixed { kind } => {
                let (kind, instead) = match kind {
                    MetricKind::Ratio => ("a ratio", "change its numerator or denominator instead"),
                    MetricKind::Linear => ("linear", "change `increment` instead"),
                    MetricKind::Compound => ("compound", "change `growth` instead"),
                };
                format!(
                    "the metric is {kind}, and a scenario or --set cannot change a metric's \
                     kind; {instead}"
                )
            }
            Fault::Unchangeable { field } => format!(
                "`{field}` cannot be changed; a scenario or --set may change `baseline`, \
                 `growth`, `increment`, `target`, `rate_target`, `change_target`, \
                 `increase_target`, `total_target`, `deflator`, `rate_method`, `binding` or \
                 `volatility`"
            ),

            Fault::NotWhole { found: f } => {
                format!("expected a whole number of 0 or more, found {}", found(f))
            }
            Fault::PathsOutOfRange { paths, min, max } => format!(
                "{paths} paths is outside {min} to {max}: fewer say little, more take long; give \
                 a number in that range (100000 is the default)"
            ),
            Fault::CorrelationOutOfRange { rho } => format!(
                "{rho} is outside [0, 1): give the share of each year's shock that all metrics \
                 have in common, from 0 (independent, the default) up to but not including 1"
            ),
            Fault::NegativeVolatility { positive } => format!(
                "a volatility is a standard deviation and cannot be negative; write {positive} \
                 (the spread is the same either way up)"
            ),
            Fault::HistoryTooFewChanges {
                needed,
                base_year,
                changes,
            } => format!(
                "\"history\" needs at least {needed} annual changes among the metric's figures \
                 (its `history`, its baseline for {base_year} and its actual figures, in \
                 consecutive years), but they give {changes}; add `history` or actual figures, \
                 or give the volatility itself, such as \"3%\" for a compound metric or a number \
                 in its unit for a linear one"
            ),
            Fault::HistoryVolatilityNotPositive { year } => format!(
                "\"history\" reads the log growth of the metric's figures, but the figure for \
                 {year} is not positive; correct it, or give the volatility itself, such as \
                 \"3%\""
            ),

            Fault::NoAverageRate { why } => format!(
                "{}; drop `rate_target` or use a level `target`",
                no_rate(why)
            ),
            Fault::InStepNoRate { other, why } => format!(
                "`{other}`, whose growth this goal keeps pace with, has no average rate: {}; \
                 name another metric in `in_step_with`, or state the rate",
                no_rate(why)
            ),
            Fault::ChangeNeedsPositive { base_year, start } => format!(
                "a relative change needs a positive value in {base_year}, but the path starts at \
                 {start}; use `increase_target` for the change in the metric's unit"
            ),
            Fault::TargetWrongUnit { mistake } => format!(
                "{} Write `target = {meant}` (or \"{meant}%\"), or give `scale` in `ratio` if \
                 the share is not in percent",
                wrong_unit(mistake),
                meant = mistake.meant
            ),
            Fault::ActualWrongUnit { mistake } => format!(
                "{} Write {}, or give `scale` in `ratio` if the share is not in percent",
                wrong_unit(mistake),
                mistake.meant
            ),
            Fault::Overflow { year, from_figure } => {
                let cause = match from_figure {
                    None => "; check the baseline, growth and increment".to_owned(),
                    Some(figure) => {
                        format!(", going from the actual figure for {figure}; check that figure")
                    }
                };
                format!(
                    "the path leaves the range of numbers a computer can hold (about ±1.8e308) \
                     in {year}{cause} for a misplaced digit"
                )
            }
            Fault::ZeroDenominator { denominator, year } => format!(
                "the denominator `{denominator}` reaches 0 by {year}, so the share is undefined; \
                 check that metric's baseline, growth or increment"
            ),
            Fault::ShareNotPositive { year } => format!(
                "its parts give a share of 0 or less in {year}; entered shares are filled in and \
                 carried forward in proportion to the parts' ratio, which must stay positive: \
                 check the parts' figures, or drop the entered shares"
            ),

            Fault::Syntax {
                table,
                message,
                quote_key,
                echo,
            } => {
                let mut text = match table {
                    Some(table) => format!("in {table}: {message}"),
                    None => message.clone(),
                };
                if *quote_key {
                    text.push_str(
                        "; a key with characters other than A–Z, 0–9, _ and - must be quoted, \
                         as in [metrics.\"服务业投资\"]",
                    );
                }
                if let Some(echo) = echo {
                    text.push('\n');
                    text.push_str(echo);
                }
                text
            }
            Fault::KeyTooDeep { parts, max, echo } => format!(
                "a key of {parts} dotted parts nests tables deeper than the TOML reader allows \
                 (at most {max} parts); shorten it\n{echo}"
            ),

            Fault::NotUtf16 => "the file is not valid UTF-16 text".to_owned(),
            Fault::NotDecodable { encoding } => format!(
                "the file is not valid {encoding} text; save it from the spreadsheet as CSV \
                 (UTF-8), or name its encoding with --actuals-encoding"
            ),
            Fault::CannotRead {
                header: true,
                error,
            } => format!("cannot read the header: {error}"),
            Fault::CannotRead {
                header: false,
                error,
            } => format!("cannot read the row: {error}"),
            Fault::NotAWorkbook { error } => format!(
                "not an Excel workbook (.xlsx): {error}; save it from the spreadsheet as \
                 \"Excel Workbook (.xlsx)\", or as CSV"
            ),
            Fault::NoSuchSheet { wanted, sheets } => format!(
                "the workbook has no sheet `{wanted}`; its sheets: {} (name one after `#`, or \
                 none for the first)",
                sheets.join(", ")
            ),
            Fault::NoSheets => "the workbook has no sheets; save one with the figures".to_owned(),
            Fault::SheetUnreadable { name, error } => format!(
                "cannot read sheet `{name}`: {error}; save the workbook again from the \
                 spreadsheet"
            ),
            Fault::EmptySheet => "the sheet is empty; it needs a header (metric,year,value, or \
                                  a metric column and one column per year) and a row per figure \
                                  or metric"
                .to_owned(),
            Fault::NoLayout { found } => format!(
                "the header must name the columns metric, year and value (found: {found}); one \
                 row per metric and year, or else have a metric column and one column per year \
                 (2016, 2017, …), one row per metric"
            ),
            Fault::YearTwice {
                year,
                first,
                second,
            } => format!(
                "{year} heads both {} and {}; give each year one column",
                column(first),
                column(second)
            ),
            Fault::NotAYearHeader { text } => format!(
                "\"{text}\" heads a column among the years, but is not a year; in a sheet with \
                 one column per year, labels (metric, name, unit) come before the first year and \
                 only years after it: move or delete the column"
            ),
            Fault::FirstColumnIsYear => "the first column is a year, so no column names the \
                                         metrics; put the metric ids or names in a column \
                                         before the years"
                .to_owned(),
            Fault::FieldCount { row, header } => format!(
                "the row has {row} fields but the header {header}; a number with a thousands \
                 separator must be quoted (\"1,100\"), and a text with a comma too"
            ),
            Fault::SecondScenario { scenario, first } => format!(
                "this row is for scenario `{scenario}`, the rows above for `{first}`; actual \
                 figures hold in every scenario: keep the rows of one scenario and delete the \
                 others"
            ),
            Fault::NoYearHeader { column: c, row } => format!(
                "{} has no year in its header (row {row}); write the year there, or clear the \
                 column",
                column(c)
            ),
            Fault::RowNamesNoMetric => {
                "the row names no metric; write the metric's id or name".to_owned()
            }
            Fault::FiguresNameNoMetric => {
                "the row has figures but names no metric; write the metric's id or name".to_owned()
            }
            Fault::BadYearCell { text } => format!("year \"{text}\" is not a year such as 2017"),
            Fault::CellNotANumber { text } => format!("\"{text}\" is not a number"),
            Fault::CellNotFinite { text } => format!("\"{text}\" is not a finite number"),
        }
    }

    fn subject(&self, parts: &[String]) -> String {
        parts.join(", ")
    }

    fn scenario_named(&self, name: &str) -> String {
        format!("scenario `{name}`")
    }

    fn metric_named(&self, id: &str) -> String {
        format!("metric `{id}`")
    }

    fn field_named(&self, name: &str) -> String {
        format!("field `{name}`")
    }

    fn about(&self, subject: &str, fault: &str) -> String {
        format!("{subject}: {fault}")
    }

    fn not_shown(&self, file: &str, not_shown: usize, shown: usize) -> String {
        format!(
            "{file}: and {not_shown} more problems, not shown; fix the first {shown} and run again"
        )
    }

    fn known(&self, known: &Known) -> String {
        let mut list = known.shown.join(", ");
        if known.total > known.shown.len() {
            list.push_str(&format!(", … ({} in all)", known.total));
        }
        list
    }
}

impl English {
    /// The metrics an in-step goal can name, after `named`; or, when there
    /// are none, what to do instead.
    fn choice(&self, named: &str, others: &Known) -> String {
        if others.total == 0 {
            "the plan has no other metric: add one, or state the rate".to_owned()
        } else {
            format!("{named}: {}", self.known(others))
        }
    }
}
