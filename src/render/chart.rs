//! The chart: an SVG of small multiples, one panel per metric, drawn with
//! plotters' SVG backend.
//!
//! Each panel is built in layers (goal, target year, the fan of simulated
//! paths, one path per scenario, the plan path dashed beside a path that
//! actual figures moved, actual figures filled and other years hollow,
//! status, legend), so a new kind of data is one more layer. The legend
//! sits under the plot, never on a line.
//! Text stays text in the SVG, with a font list that puts common CJK fonts
//! before the generic sans-serif, so Chinese names show in any browser; the
//! file references nothing outside itself.
//!
//! Whatever the plan holds, the SVG is valid XML (control characters are
//! dropped from every label) and every value range handed to plotters is
//! finite and not empty: an infinite one sends its search for tick marks
//! into an endless loop.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use unicode_width::UnicodeWidthStr;

use super::document::{drawn_goal_text, scenario_line};
use super::number::{Precision, nonzero_decimals, number, signed};
use super::{Lang, RenderError, Words};
use crate::report::chart::{Chart, Line, Panel};
use crate::report::{BASE_SCENARIO, Comparison, PointSource, Status};

/// CJK fonts first, then whatever sans-serif the reader has.
const FONTS: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

const PANEL_WIDTH: u32 = 440;
const PANEL_HEIGHT: u32 = 300;
const TITLE_HEIGHT: u32 = 44;
/// The strip under a panel's plot that holds its legend, when it has one.
const LEGEND_HEIGHT: u32 = 22;
/// Markers are 8 pixels across: a filled one tells from a hollow one at a glance.
const MARKER_RADIUS: i32 = 4;

/// One colour per scenario, in the order asked.
const LINE_COLORS: [RGBColor; 10] = [
    RGBColor(31, 91, 153),
    RGBColor(214, 110, 20),
    RGBColor(44, 140, 70),
    RGBColor(128, 70, 160),
    RGBColor(170, 60, 60),
    RGBColor(90, 90, 90),
    RGBColor(0, 150, 160),
    RGBColor(190, 150, 0),
    RGBColor(220, 90, 150),
    RGBColor(120, 90, 50),
];
const GOAL_COLOR: RGBColor = RGBColor(120, 120, 120);
const TARGET_YEAR_COLOR: RGBColor = RGBColor(200, 200, 200);
const REACHED_COLOR: RGBColor = RGBColor(30, 130, 60);
const MISSED_COLOR: RGBColor = RGBColor(190, 40, 40);

/// The largest magnitude drawn, a quarter of the largest double, so that
/// the padded range and its span stay finite; values beyond it (plans at
/// the edge of what a double holds) are drawn at this edge.
const DRAWN_LIMIT: f64 = f64::MAX / 4.0;

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A font of `points` as the reader sees it: plotters' SVG backend writes
/// sizes divided by 1.24.
fn font(points: f64) -> FontDesc<'static> {
    (FONTS, points * 1.24).into_font()
}

/// The chart as SVG text, its words in `lang`; refused only when the
/// drawing library fails.
pub fn svg(chart: &Chart, lang: Lang) -> Result<String, RenderError> {
    let words = lang.words();
    let columns = match chart.panels.len() {
        0..=1 => 1,
        2 | 4 => 2,
        _ => 3,
    };
    let rows = chart.panels.len().div_ceil(columns).max(1);
    let size = (
        PANEL_WIDTH * columns as u32,
        PANEL_HEIGHT * rows as u32 + TITLE_HEIGHT,
    );
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let (title_area, body) = root.split_vertically(TITLE_HEIGHT);
        let title = printable(&chart.header.title.clone().unwrap_or_default());
        let scenario = match chart.scenarios.as_slice() {
            [only] if only.0 != BASE_SCENARIO => {
                Some(printable(&scenario_line(&only.0, only.1.as_deref(), words)))
            }
            _ => None,
        };
        // Layer: what the markers mean, once actual figures are drawn.
        let has_actuals = chart
            .panels
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.points)
            .any(|p| p.source == PointSource::Actual);
        // Layer: what the shading means, once fans are drawn.
        let has_fans = chart.panels.iter().any(|p| !p.fan.is_empty());
        let legends: Vec<&str> = [
            has_actuals.then(|| words.marker_legend()),
            has_fans.then(|| words.fan_legend()),
        ]
        .into_iter()
        .flatten()
        .collect();
        // The title takes the room the legends leave on its right.
        let legend_room = legends
            .iter()
            .map(|legend| text_width(legend, 12.0) + 16.0)
            .fold(0.0, f64::max);
        let room = size.0 as f64 - 24.0 - legend_room;
        for (text, y, points) in title_lines(title, scenario, room) {
            title_area
                .draw(&Text::new(text, (12, y), font(points)))
                .map_err(drawing)?;
        }
        // One legend sits in the middle of the title's height, two share it.
        let top = if legends.len() > 1 { 6 } else { 16 };
        for (row, legend) in legends.into_iter().enumerate() {
            let right = font(12.0)
                .color(&GOAL_COLOR)
                .pos(Pos::new(HPos::Right, VPos::Top));
            title_area
                .draw(&Text::new(
                    printable(legend),
                    (size.0 as i32 - 16, top + 16 * row as i32),
                    right,
                ))
                .map_err(drawing)?;
        }
        for (area, panel) in body.split_evenly((rows, columns)).iter().zip(&chart.panels) {
            draw_panel(area, panel, chart.header.target_year, words).map_err(drawing)?;
        }
        root.present().map_err(drawing)?;
    }
    Ok(out)
}

/// The drawing library's complaint, which says what it could not draw.
fn drawing(error: impl std::fmt::Display) -> RenderError {
    RenderError::Draw(error.to_string())
}

type DrawResult =
    Result<(), DrawingAreaErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

fn draw_panel(panel_area: &Area, panel: &Panel, target_year: i32, words: &dyn Words) -> DrawResult {
    let entries = legend(panel, words);
    let (width, height) = panel_area.dim_in_pixel();
    let (area, legend_area) = if entries.is_empty() {
        (panel_area.clone(), None)
    } else {
        let (plot, strip) = panel_area.split_vertically(height.saturating_sub(LEGEND_HEIGHT));
        (plot, Some(strip))
    };
    let first_year = panel
        .lines
        .first()
        .and_then(|l| l.points.first())
        .map_or(target_year, |p| p.year);
    let years = first_year..panel.last_year.max(first_year + 1);
    let (low, high) = value_range(panel);
    // Every value drawn stays within the axis; only values beyond
    // [`DRAWN_LIMIT`] ever move.
    let y = |v: f64| v.clamp(low, high);
    let title = printable(&if panel.metric.unit.is_empty() {
        panel.metric.name.clone()
    } else {
        format!("{} ({})", panel.metric.name, panel.metric.unit)
    });
    let (title, title_size) = fitted(&title, PANEL_WIDTH as f64 - 24.0, 14.0);
    let mut chart = ChartBuilder::on(&area)
        .caption(title, font(title_size))
        .margin(10)
        .margin_right(24)
        .x_label_area_size(26)
        .y_label_area_size(54)
        .build_cartesian_2d(years.start..years.end, low..high)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels((years.end - years.start + 1) as usize)
        .x_label_formatter(&|y| y.to_string())
        .y_labels(5)
        .y_label_formatter(&|v| axis_number(*v, high - low))
        .label_style(font(11.0))
        .draw()?;

    // Layer: the goal, a line or (for `about`) a band, labelled with its value.
    let goal = panel.goal;
    let goal_style = GOAL_COLOR.stroke_width(1);
    match goal.comparison {
        Comparison::About { tolerance } => {
            chart.draw_series(std::iter::once(Rectangle::new(
                [
                    (years.start, y(goal.value - tolerance)),
                    (years.end, y(goal.value + tolerance)),
                ],
                GOAL_COLOR.mix(0.15).filled(),
            )))?;
        }
        _ => {
            chart.draw_series(LineSeries::new(
                [(years.start, y(goal.value)), (years.end, y(goal.value))],
                goal_style,
            ))?;
        }
    }
    chart.draw_series(std::iter::once(Text::new(
        printable(&format!(
            "{} {}",
            words.goal(),
            drawn_goal_text(panel.implied_by.as_ref(), &goal, words)
        )),
        (years.start, y(goal.value)),
        font(11.0).color(&GOAL_COLOR),
    )))?;

    // Layer: the target year.
    chart.draw_series(LineSeries::new(
        [(target_year, low), (target_year, high)],
        TARGET_YEAR_COLOR.stroke_width(1),
    ))?;

    // Layer: the fan, 10–90 % lighter and 25–75 % darker, in the colour of
    // the first scenario's path it surrounds.
    for (outer, opacity) in [(true, 0.14), (false, 0.28)] {
        let edges = panel.fan.iter().filter_map(|band| {
            let (low, high) = if outer {
                (band.p10?, band.p90?)
            } else {
                (band.p25?, band.p75?)
            };
            Some((band.year, y(low), y(high)))
        });
        let edges: Vec<(i32, f64, f64)> = edges.collect();
        let lower = edges.iter().map(|&(year, low, _)| (year, low));
        let upper = edges.iter().rev().map(|&(year, _, high)| (year, high));
        let shape: Vec<(i32, f64)> = lower.chain(upper).collect();
        if shape.len() > 2 {
            chart.draw_series(std::iter::once(Polygon::new(
                shape,
                LINE_COLORS[0].mix(opacity).filled(),
            )))?;
        }
    }

    // Layer: one path per scenario, a marker per year; actual figures
    // filled, and the plan path dashed beside them.
    for (line, color) in panel.lines.iter().zip(LINE_COLORS.iter().cycle()) {
        draw_line(&mut chart, line, &y, *color)?;
    }

    // Layer: the legend, under the plot.
    if let Some(strip) = legend_area {
        draw_legend(&strip, &entries)?;
    }

    // Layer: the status and gap, in the corner; named after its scenario
    // unless it is the plan itself drawn alone.
    let color = match panel.status {
        Status::Reached => REACHED_COLOR,
        Status::Missed => MISSED_COLOR,
    };
    // A gap that is there is never shown as none: -0.0025 is "-0.003".
    let gap = signed(panel.gap, nonzero_decimals(panel.gap, 2));
    let mut text = format!("{} {gap}", words.status(panel.status));
    if let [first, ..] = panel.lines.as_slice()
        && (panel.lines.len() > 1 || first.scenario != BASE_SCENARIO)
    {
        text = format!("{}: {text}", first.scenario);
    }
    let corner = font(12.0)
        .color(&color)
        .pos(Pos::new(HPos::Right, VPos::Top));
    panel_area.draw(&Text::new(
        printable(&text),
        (width as i32 - 26, 30),
        corner,
    ))
}

/// One entry of a panel's legend: a sample of the line, and what it is.
struct Entry {
    label: String,
    color: RGBColor,
    dashed: bool,
}

/// The legend a panel needs: each scenario's line when there are several,
/// and the dashed plan path when one is drawn.
fn legend(panel: &Panel, words: &dyn Words) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    if panel.lines.len() > 1 {
        entries.extend(
            panel
                .lines
                .iter()
                .zip(LINE_COLORS.iter().cycle())
                .map(|(line, color)| Entry {
                    label: printable(&line.scenario),
                    color: *color,
                    dashed: false,
                }),
        );
    }
    if panel.lines.iter().any(|l| l.plan.is_some()) {
        entries.push(Entry {
            label: printable(words.plan_path()),
            color: if panel.lines.len() > 1 {
                GOAL_COLOR
            } else {
                LINE_COLORS[0]
            },
            dashed: true,
        });
    }
    entries
}

/// The legend's entries side by side in the strip under the plot, from
/// where the plot starts.
fn draw_legend(strip: &Area, entries: &[Entry]) -> DrawResult {
    const SAMPLE: i32 = 22;
    let y = LEGEND_HEIGHT as i32 / 2;
    let mut x = 64;
    for entry in entries {
        let style = entry.color.stroke_width(2);
        if entry.dashed {
            for start in [0, 9, 18] {
                strip.draw(&PathElement::new(
                    [(x + start, y), (x + (start + 5).min(SAMPLE), y)],
                    style,
                ))?;
            }
        } else {
            strip.draw(&PathElement::new([(x, y), (x + SAMPLE, y)], style))?;
        }
        let label = font(11.0)
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        strip.draw(&Text::new(entry.label.clone(), (x + SAMPLE + 6, y), label))?;
        // About 7 pixels per column of text at 11 points.
        x += SAMPLE + 6 + UnicodeWidthStr::width(entry.label.as_str()) as i32 * 7 + 18;
    }
    Ok(())
}

fn draw_line<'a>(
    chart: &mut ChartContext<
        'a,
        SVGBackend<'a>,
        Cartesian2d<plotters::coord::types::RangedCoordi32, plotters::coord::types::RangedCoordf64>,
    >,
    line: &Line,
    y: &impl Fn(f64) -> f64,
    color: RGBColor,
) -> DrawResult {
    if let Some(plan) = &line.plan {
        chart.draw_series(DashedLineSeries::new(
            plan.iter().map(|&(year, value)| (year, y(value))),
            6,
            4,
            color.mix(0.75).stroke_width(2),
        ))?;
    }
    chart.draw_series(LineSeries::new(
        line.points.iter().map(|p| (p.year, y(p.value))),
        color.stroke_width(2),
    ))?;
    // A hollow marker is white inside, so that the line does not run
    // through it.
    chart.draw_series(
        line.points
            .iter()
            .filter(|p| p.source != PointSource::Actual)
            .map(|p| Circle::new((p.year, y(p.value)), MARKER_RADIUS, WHITE.filled())),
    )?;
    chart.draw_series(line.points.iter().map(|p| {
        let style = if p.source == PointSource::Actual {
            color.filled()
        } else {
            color.stroke_width(2)
        };
        Circle::new((p.year, y(p.value)), MARKER_RADIUS, style)
    }))?;
    Ok(())
}

/// An axis label short enough for the label area: 160, 12.5, 1.8e8. A tick
/// within rounding noise of zero on an axis `span` wide is zero: over a span
/// of 1e308 the tick at zero comes out as 5e291.
fn axis_number(v: f64, span: f64) -> String {
    let v = if v.abs() < span * 1e-12 { 0.0 } else { v };
    if v != 0.0 && !(1e-3..1e5).contains(&v.abs()) {
        return format!("{v:.1e}");
    }
    let text = number(v, Precision::Decimals(2));
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text as SVG may hold it: XML forbids most control characters and the
/// noncharacters U+FFFE and U+FFFF, and none of them means anything in a label.
/// The chart's title and the scenario it shows, if one: on one line when
/// both fit at a readable size, else the scenario on a second line; each
/// line with its height in the title area and its size.
fn title_lines(title: String, scenario: Option<String>, room: f64) -> Vec<(String, i32, f64)> {
    const READABLE: f64 = 12.0;
    let Some(scenario) = scenario else {
        let (text, points) = fitted(&title, room, 18.0);
        return vec![(text, 12, points)];
    };
    let joined = format!("{title} · {scenario}");
    let (text, points) = fitted(&joined, room, 18.0);
    if points >= READABLE && text == joined {
        return vec![(text, 12, points)];
    }
    let (title, title_points) = fitted(&title, room, 14.0);
    let (scenario, scenario_points) = fitted(&scenario, room, 12.0);
    vec![(title, 4, title_points), (scenario, 24, scenario_points)]
}

/// About how wide `text` is drawn at `points`, in pixels: a column (half a
/// CJK character) is about 0.55 em in the fonts charts are drawn with.
fn text_width(text: &str, points: f64) -> f64 {
    UnicodeWidthStr::width(text) as f64 * 0.55 * points
}

/// `text` at the largest size up to `largest` points (and at least 9) that
/// fits `room` pixels; a text too long even at 9 points is cut with "…", so
/// that a title never runs off the picture.
fn fitted(text: &str, room: f64, largest: f64) -> (String, f64) {
    const SMALLEST: f64 = 9.0;
    let room = room.max(0.0);
    let columns = UnicodeWidthStr::width(text).max(1) as f64;
    let size = (room / (columns * 0.55)).clamp(SMALLEST, largest);
    if text_width(text, size) <= room {
        return (text.to_owned(), size);
    }
    let mut cut = String::new();
    for c in text.chars() {
        let longer = format!("{cut}{c}…");
        if text_width(&longer, SMALLEST) > room {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    (cut, SMALLEST)
}

fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// The y range: every value and the goal (with its band), padded a little;
/// finite and never empty, whatever the values (see [`DRAWN_LIMIT`]).
fn value_range(panel: &Panel) -> (f64, f64) {
    let tolerance = match panel.goal.comparison {
        Comparison::About { tolerance } => tolerance,
        _ => 0.0,
    };
    let fan = panel.fan.iter().flat_map(|b| [b.p10, b.p90]).flatten();
    let values = panel
        .lines
        .iter()
        .flat_map(|l| {
            let plan = l.plan.iter().flatten().map(|&(_, value)| value);
            l.points.iter().map(|p| p.value).chain(plan)
        })
        .chain(fan)
        .chain([panel.goal.value - tolerance, panel.goal.value + tolerance])
        .filter(|v| !v.is_nan())
        .map(|v| v.clamp(-DRAWN_LIMIT, DRAWN_LIMIT));
    let (low, high) = values
        .fold(None, |range: Option<(f64, f64)>, v| {
            Some(range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
        })
        .unwrap_or((0.0, 0.0));
    let pad = ((high - low) * 0.08).max(high.abs().max(1.0) * 1e-6);
    (low - pad, high + pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_that_does_not_fit_beside_the_title_goes_below_it() {
        let title = "盐城经济技术开发区“二次创业”主要目标（2016–2020）".to_owned();
        let scenario = "Scenario slow: 增速比规划低3个百分点".to_owned();
        let one_panel = title_lines(title.clone(), Some(scenario.clone()), 416.0);
        assert_eq!(one_panel.len(), 2);
        assert_eq!(
            (one_panel[0].0.as_str(), one_panel[1].0.as_str()),
            (title.as_str(), scenario.as_str())
        );
        let wide = title_lines(title.clone(), Some(scenario.clone()), 1296.0);
        assert_eq!(wide, vec![(format!("{title} · {scenario}"), 12, 18.0)]);
    }

    #[test]
    fn a_title_that_fits_keeps_its_largest_size() {
        assert_eq!(fitted("GDP", 400.0, 18.0), ("GDP".to_owned(), 18.0));
    }

    #[test]
    fn a_long_title_gets_smaller_and_still_fits() {
        let title = "盐城经济技术开发区“二次创业”主要目标（2016–2020）";
        let (shown, size) = fitted(title, 250.0, 18.0);
        assert_eq!(shown, title);
        assert!((9.0..18.0).contains(&size), "{size}");
        assert!(text_width(&shown, size) <= 250.0);
    }

    #[test]
    fn a_title_too_long_even_at_the_smallest_size_is_cut() {
        let title = "服务业".repeat(40);
        let (shown, size) = fitted(&title, 200.0, 18.0);
        assert_eq!(size, 9.0);
        assert!(shown.ends_with('…') && shown.len() < title.len());
        assert!(text_width(&shown, size) <= 200.0);
        // No room at all still gives a mark, not a panic.
        assert_eq!(fitted(&title, -5.0, 18.0).0, "…");
    }
}
