//! What is wrong with a plan, as data: one variant per refusal, holding
//! what its message places (ids, field names, years, and numbers already
//! written as the user wrote them or as messages show them). The plan
//! layer decides what is wrong; the sentences that say it, with the fix,
//! are the words' (`words::plan`), one exhaustive match per language, so
//! that a refusal without a translation does not compile.
//!
//! Field names, ids, TOML keys and snippets stay as the user types them in
//! every language, so they are carried here as they are.

/// Why a plan, an actuals file or an argument was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fault {
    // Wrappers: a fault in a part of what was written.
    /// A fault of the value under `key` of a table: "`at_most`: …".
    InKey {
        key: String,
        fault: Box<Fault>,
    },
    /// A fault of the figure for `year`: "2017: …".
    InYear {
        year: i32,
        fault: Box<Fault>,
    },
    /// A fault of an entry of a per-year list: for `year`, or, when the
    /// plan's years are unusable, the `index`th (1-based).
    InEntry {
        entry: Entry,
        fault: Box<Fault>,
    },
    /// A fault of a workbook's first sheet, when others could hold the figures.
    OrOtherSheet {
        fault: Box<Fault>,
        file: String,
        other: String,
        sheets: Vec<String>,
    },

    // Numbers and rates as written.
    /// A float that is infinite or NaN, as TOML wrote it.
    NotFinite {
        value: String,
    },
    /// A number in quotes.
    QuotedNumber {
        text: String,
    },
    NotANumber {
        found: Found,
    },
    /// A rate (or, with `change`, a change over the plan) of a kind TOML
    /// reads as no number or text.
    NotARate {
        change: bool,
        kind: Kind,
    },
    /// A bare rate of magnitude 1 or more: `x` as written, `percent` =
    /// x × 100, `fraction` = x / 100.
    RateTooLarge {
        x: String,
        percent: String,
        fraction: String,
    },
    /// The same, for a change over the plan.
    ChangeTooLarge {
        x: String,
        percent: String,
        fraction: String,
    },
    RateNotFinite {
        x: String,
    },
    /// Text without a percent sign where a rate was expected.
    NoPercentSign {
        text: String,
    },
    /// Text with a percent sign that holds no plain decimal.
    BadPercent {
        text: String,
    },
    /// A per-year rate of -100 % or less.
    WipesOut {
        rate: PerYearRate,
        percent: String,
    },

    // `[plan]`.
    NoPlanTable,
    /// `plan.base_year` or `plan.target_year` left out.
    MissingYear {
        field: String,
    },
    NotAYear {
        found: Found,
    },
    TargetNotAfterBase {
        base: i32,
        target: i32,
    },
    TooLong {
        base: i32,
        target: i32,
        max: i32,
    },
    NoMetrics,

    // A metric's table.
    BadMetricId,
    NoModel,
    SeveralModels {
        models: Vec<String>,
    },
    MissingBaseline {
        base_year: Option<i32>,
    },
    BaselineNotPositive {
        baseline: String,
    },
    BaselineOfRatio,
    DeflatorOfRatio,
    DeflatorOfLinear,
    /// A per-year list of the wrong length.
    EntryCount {
        count: usize,
        first: i32,
        target_year: i32,
        horizon: usize,
        what: PerYear,
    },
    NotARateMethod {
        found: Found,
    },
    NotBinding {
        found: Found,
    },
    VolatilityOfRatio,
    HistoryOfRatio,
    /// `trend` given, but `field` (growth or increment) is not "trend".
    TrendNotAsked {
        field: String,
    },
    TrendWithDeflator,

    // Goals.
    ChangeGoalWipesOut,
    RateGoalWipesOut,
    NegativeTolerance {
        found: Found,
    },
    InStepAndStated {
        op: String,
    },
    InStepUnknownKey {
        key: String,
    },
    InStepNotAnId {
        found: Found,
    },
    InStepOutsideRate,
    /// A level goal that is neither a number nor a table.
    NotAGoal {
        found: Found,
    },
    UnknownGoalKey {
        key: String,
    },
    /// Not exactly one of `at_least`, `at_most` and `about`: those given.
    GoalOps {
        given: Vec<String>,
    },
    /// `about` without `tolerance`; `example` is the TOML to write.
    AboutWithoutTolerance {
        example: &'static str,
    },
    ToleranceWithoutAbout {
        op: String,
    },
    TotalOfShare,
    /// An in-step goal naming its own metric; `others` are the metrics it
    /// can name.
    InStepWithItself {
        id: String,
        others: Known,
    },
    InStepUnknown {
        with: String,
        others: Known,
    },

    // Ratios.
    PartIsRatio {
        name: String,
    },
    NotAPart {
        name: String,
        parts: Known,
    },
    ScaleNotPositive {
        scale: String,
    },
    NotPrices {
        found: Found,
    },

    // Actual figures and history in the plan file.
    ActualKeyNotAYear {
        key: String,
    },
    HistoryKeyNotAYear {
        key: String,
    },
    /// An actual figure for a year before the plan's: `first` is the year
    /// after the base year.
    ActualBeforePlan {
        year: i32,
        first: i32,
        base_year: i32,
        target_year: i32,
    },
    ActualOutsidePlan {
        year: i32,
        first: i32,
        base_year: i32,
        target_year: i32,
    },
    FigureNotPositive {
        figure: String,
    },
    HistoryNotPositive {
        figure: String,
    },
    HistoryNotBefore {
        year: i32,
        base_year: i32,
    },
    HistoryBeforeYearOne {
        year: i32,
        last: i32,
    },
    NotAnEstimator {
        text: Option<String>,
    },
    TrendWipesOut {
        field: String,
    },
    TooFewForTrend {
        estimator: &'static str,
        needed: usize,
        given: usize,
        base_year: i32,
        compound: bool,
    },
    TrendNotPositive {
        year: i32,
        compound: bool,
    },

    // Figures of actuals files, checked against the plan.
    ShareFiguresFromParts {
        base_year: i32,
    },
    GivenTwice {
        year: i32,
        also: String,
    },
    /// A figure that disagrees with the plan file's (`baseline` when the
    /// plan's is the baseline), given at `line`.
    Disagrees {
        value: String,
        baseline: bool,
        in_plan: String,
        line: usize,
    },
    SeveralNamed {
        ids: Vec<String>,
    },
    UnknownFigureMetric {
        known: Known,
    },
    /// A figure with a percent sign for `id`, whose unit is not %.
    PercentSign {
        value: String,
        id: String,
        unit: String,
    },

    // Scenarios and `--set`.
    ShiftTooLow {
        shift: String,
        id: String,
        year: i32,
        rate: String,
        from_set: Option<String>,
    },
    ReservedScenario {
        name: String,
    },
    BadScenarioName,
    BadSet,
    UnknownMetric {
        known: Known,
    },
    RatioHasNoBaseline,
    KindIsFixed {
        kind: MetricKind,
    },
    Unchangeable {
        field: String,
    },

    // `[uncertainty]` and volatility.
    NotWhole {
        found: Found,
    },
    PathsOutOfRange {
        paths: u64,
        min: u64,
        max: u64,
    },
    CorrelationOutOfRange {
        rho: String,
    },
    /// A negative volatility; `positive` is how to write it positive.
    NegativeVolatility {
        positive: String,
    },
    HistoryTooFewChanges {
        needed: usize,
        base_year: i32,
        changes: usize,
    },
    HistoryVolatilityNotPositive {
        year: i32,
    },

    // What the paths show.
    NoAverageRate {
        why: NoRate,
    },
    InStepNoRate {
        other: String,
        why: NoRate,
    },
    ChangeNeedsPositive {
        base_year: i32,
        start: String,
    },
    TargetWrongUnit {
        mistake: Box<WrongUnit>,
    },
    ActualWrongUnit {
        mistake: Box<WrongUnit>,
    },
    Overflow {
        year: i32,
        from_figure: Option<i32>,
    },
    ZeroDenominator {
        denominator: String,
        year: i32,
    },
    ShareNotPositive {
        year: i32,
    },

    // TOML syntax.
    /// The TOML reader's own `message`, with the table it is in (its
    /// header as echoed), a hint for an unquoted key of other characters
    /// than ASCII, and the line echoed with a caret under the column.
    Syntax {
        table: Option<String>,
        message: String,
        quote_key: bool,
        echo: Option<String>,
    },
    KeyTooDeep {
        parts: usize,
        max: usize,
        echo: String,
    },

    // Actuals files as files.
    NotUtf16,
    NotDecodable {
        encoding: &'static str,
    },
    /// The CSV reader's own `error` on the header, or on a row.
    CannotRead {
        header: bool,
        error: String,
    },
    NotAWorkbook {
        error: String,
    },
    NoSuchSheet {
        wanted: String,
        sheets: Vec<String>,
    },
    NoSheets,
    SheetUnreadable {
        name: String,
        error: String,
    },
    EmptySheet,
    NoLayout {
        found: String,
    },
    YearTwice {
        year: i32,
        first: ColumnName,
        second: ColumnName,
    },
    NotAYearHeader {
        text: String,
    },
    FirstColumnIsYear,
    FieldCount {
        row: usize,
        header: usize,
    },
    SecondScenario {
        scenario: String,
        first: String,
    },
    NoYearHeader {
        column: ColumnName,
        row: usize,
    },
    RowNamesNoMetric,
    FiguresNameNoMetric,
    BadYearCell {
        text: String,
    },
    CellNotANumber {
        text: String,
    },
    CellNotFinite {
        text: String,
    },
}

/// `fault` of the figure for `year`.
pub(crate) fn in_year(year: i32, fault: Fault) -> Fault {
    Fault::InYear {
        year,
        fault: Box::new(fault),
    }
}

/// An entry of a per-year list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// The entry for this year.
    Year(i32),
    /// The entry at this 1-based place, when the years are unusable.
    Index(usize),
}

/// What a per-year list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PerYear {
    Rate,
    Number,
    Volatility,
}

/// A per-year rate that cannot fall to -100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PerYearRate {
    /// `growth`, which would wipe the value out.
    Growth,
    /// `deflator`, which would wipe the price level out.
    Deflator,
}

/// A metric's kind, which no scenario changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetricKind {
    Ratio,
    Linear,
    Compound,
}

/// What a TOML value was, when it was not what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A string, as written.
    Text(String),
    /// A number, as TOML read it.
    Number(String),
    /// A value of another kind.
    Other(Kind),
}

/// A kind of TOML value that is neither a number nor a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Boolean,
    Datetime,
    Array,
    Table,
    /// A number or a string, where `Found` names neither.
    Scalar(&'static str),
}

impl Found {
    /// What `value` is, for a message.
    pub(crate) fn of(value: &toml::Value) -> Found {
        match value {
            toml::Value::String(s) => Found::Text(s.clone()),
            toml::Value::Integer(i) => Found::Number(i.to_string()),
            toml::Value::Float(x) => Found::Number(format!("{x:?}")),
            other => Found::Other(Kind::of(other)),
        }
    }
}

impl Kind {
    /// The kind of `value`.
    pub(crate) fn of(value: &toml::Value) -> Kind {
        match value {
            toml::Value::Boolean(_) => Kind::Boolean,
            toml::Value::Datetime(_) => Kind::Datetime,
            toml::Value::Array(_) => Kind::Array,
            toml::Value::Table(_) => Kind::Table,
            other => Kind::Scalar(other.type_str()),
        }
    }
}

/// The ids a message offers as choices: the first dozen of a long list,
/// and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Known {
    /// The first ids, in order.
    pub(crate) shown: Vec<String>,
    /// How many there are, shown or not.
    pub(crate) total: usize,
}

impl Known {
    /// How many ids a message lists.
    const SHOWN: usize = 12;

    /// The choices among `ids`.
    pub(crate) fn of<S: AsRef<str>>(ids: &[S]) -> Known {
        Known {
            shown: ids
                .iter()
                .take(Self::SHOWN)
                .map(|id| id.as_ref().to_owned())
                .collect(),
            total: ids.len(),
        }
    }
}

/// A column of a sheet as a message names it: by its header in CSV, where
/// columns have no letters, by its letters in a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnName {
    Header(String),
    Letters(String),
}

/// Why a path has no average rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoRate {
    /// By the endpoint method: the path goes from `first` in `base` to
    /// `last` in `target`, not both positive.
    Endpoint {
        first: String,
        base: i32,
        last: String,
        target: i32,
    },
    /// By the cumulative method (累计法): the path starts at `first` in
    /// `base`, and its values for `from`–`target` add up to `sum`.
    Cumulative {
        first: String,
        base: i32,
        from: i32,
        target: i32,
        sum: String,
    },
}

/// A share's figure that looks written in the wrong unit: `figure` is more
/// than `times` times smaller (else larger) than every value of the share,
/// `smallest` to `largest`; `meant` is what was probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrongUnit {
    pub(crate) figure: String,
    pub(crate) times: String,
    pub(crate) smaller: bool,
    pub(crate) smallest: String,
    pub(crate) largest: String,
    pub(crate) meant: String,
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The plan says what is wrong, never how it reads: the words, and
    /// what shows them, sit above it.
    #[test]
    fn the_plan_names_no_layer_that_speaks() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/plan"));
        let offences: Vec<String> = crate::source_files(dir)
            .into_iter()
            .flat_map(|(file, text)| {
                ["words", "render", "cli"]
                    .into_iter()
                    .filter(move |layer| {
                        text.contains(&format!("crate::{layer}"))
                            || text.contains(&format!("crate::{{{layer}"))
                    })
                    .map(move |layer| format!("{file} names crate::{layer}"))
            })
            .collect();
        assert!(offences.is_empty(), "{}", offences.join("\n"));
    }
}
