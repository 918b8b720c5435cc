//! `dabiao chart` as a picture: PNG drawn with the machine's fonts (checked
//! by its size and pixels, so that the tests hold on a machine without a
//! Chinese font), the extensions it takes, and what every panel must show
//! whatever the format: legends under the plot, the plan path dashed beside
//! a path that actual figures moved, markers large enough to tell apart.

use std::fs;
use std::path::Path;

use resvg::tiny_skia::Pixmap;

use crate::common::{SHIPPED, dabiao, folder, ok, refused, shipped, stdout_of};

/// The SVG's own size, from its root element.
fn svg_size(svg: &str) -> (u32, u32) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let root = doc.root_element();
    let number = |name: &str| root.attribute(name).and_then(|v| v.parse().ok());
    (
        number("width").expect("a width"),
        number("height").expect("a height"),
    )
}

/// How many pixels are within a few steps of `rgb`.
fn pixels_near(pixmap: &Pixmap, (r, g, b): (u8, u8, u8)) -> usize {
    let near = |a: u8, b: u8| a.abs_diff(b) <= 8;
    pixmap
        .pixels()
        .iter()
        .map(|p| p.demultiply())
        .filter(|p| near(p.red(), r) && near(p.green(), g) && near(p.blue(), b))
        .count()
}

#[test]
fn a_png_is_the_chart_drawn_at_twice_its_size() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    ok(
        dir.path(),
        &["chart", "plan.toml", "--lang", "en", "-o", "chart.PNG"],
    );
    let bytes = fs::read(dir.path().join("chart.PNG")).expect("the PNG is written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG, not SVG");
    let pixmap = Pixmap::decode_png(&bytes).expect("the PNG decodes");
    let (width, height) = svg_size(&stdout_of(&["chart", "--lang", "en", "-o", "-"]));
    assert_eq!((pixmap.width(), pixmap.height()), (2 * width, 2 * height));
    // White ground, the paths in their blue, the misses in red: whatever
    // fonts the machine has, the lines are drawn.
    let all = pixmap.pixels().len();
    let white = pixels_near(&pixmap, (255, 255, 255));
    assert!(
        white > all / 2 && white < all * 99 / 100,
        "{white} of {all} white"
    );
    assert!(pixels_near(&pixmap, (31, 91, 153)) > 2_000, "the paths");
    assert!(
        pixels_near(&pixmap, (190, 40, 40)) > 50,
        "the missed goals' status"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn without_a_chinese_font_the_png_is_written_with_a_warning() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    // A font configuration whose only folder holds no fonts.
    fs::create_dir(dir.path().join("fonts")).unwrap();
    let config = format!(
        "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n",
        dir.path().join("fonts").display()
    );
    fs::write(dir.path().join("fonts.conf"), config).unwrap();
    let output = dabiao()
        .current_dir(dir.path())
        .env("FONTCONFIG_FILE", dir.path().join("fonts.conf"))
        .args(["chart", "plan.toml", "-o", "chart.png"])
        .output()
        .expect("dabiao runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("warning: no font on this machine draws Chinese (盐城经济技术开发区"),
        "{stderr}"
    );
    assert!(stderr.contains("fonts-noto-cjk"), "{stderr}");
    let bytes = fs::read(dir.path().join("chart.png")).expect("the PNG is still written");
    let pixmap = Pixmap::decode_png(&bytes).expect("the PNG decodes");
    assert!(pixels_near(&pixmap, (31, 91, 153)) > 2_000, "the paths");
}

#[test]
fn a_chart_is_svg_or_png_and_nothing_else() {
    let dir = folder(&[("plan.toml", SHIPPED.as_bytes())]);
    for (name, says) in [
        (
            "chart.pdf",
            "but .pdf is neither; name the file .svg or .png",
        ),
        (
            "chart",
            "but this name has none; name the file .svg or .png",
        ),
        ("chart.svg.txt", "but .txt is neither"),
    ] {
        let stderr = refused(dir.path(), &["chart", "plan.toml", "-o", name]);
        assert!(stderr.contains(&format!("--output {name}: ")), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!Path::new(&dir.path().join(name)).exists());
    }
    ok(dir.path(), &["chart", "plan.toml", "-o", "chart.Svg"]);
    let svg = fs::read_to_string(dir.path().join("chart.Svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
}

/// The `(text, y)` of every text element of an SVG.
fn texts_at(svg: &str) -> Vec<(String, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let y = n.attribute("y").and_then(|y| y.parse().ok()).unwrap_or(0.0);
            (n.text().unwrap_or("").trim().to_owned(), y)
        })
        .collect()
}

#[test]
fn legends_sit_under_the_plot() {
    let svg = stdout_of(&[
        "chart",
        "--scenario",
        "all",
        "--metric",
        "service_investment",
        "-o",
        "-",
    ]);
    let texts = texts_at(&svg);
    let lowest_year = texts
        .iter()
        .filter(|(t, _)| t.len() == 4 && t.starts_with("20"))
        .map(|(_, y)| *y)
        .fold(0.0, f64::max);
    for name in ["base", "slow", "fast"] {
        let (_, y) = texts
            .iter()
            .find(|(t, _)| t == name)
            .unwrap_or_else(|| panic!("the legend lacks {name}: {texts:?}"));
        assert!(
            *y > lowest_year,
            "{name} at {y}, the years at {lowest_year}"
        );
    }
}

/// The short segments of a dashed line, drawn at three quarters opacity.
fn dashes(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("opacity") == Some("0.75"))
        .count()
}

#[test]
fn the_plan_path_is_dashed_beside_a_path_of_actual_figures() {
    let tracking = shipped("examples/tracking.toml");
    let actuals = shipped("examples/actuals-2016-2018.csv");
    let args = |extra: &[&str]| {
        let mut all = vec!["chart", tracking.as_str(), "--lang", "en", "-o", "-"];
        all.extend_from_slice(extra);
        stdout_of(&all)
    };
    // Revenue has figures only in the CSV file.
    let with = args(&["--metric", "service_revenue", "--actuals", &actuals]);
    assert!(dashes(&with) >= 10, "{} dashes", dashes(&with));
    assert!(texts_at(&with).iter().any(|(t, _)| t == "plan path"));
    let without = args(&["--metric", "service_revenue"]);
    assert_eq!(dashes(&without), 0, "no figures, no plan path beside");
    assert!(!texts_at(&without).iter().any(|(t, _)| t == "plan path"));
}

#[test]
fn markers_are_eight_pixels_across() {
    let svg = stdout_of(&["chart", "--metric", "service_firms", "-o", "-"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let radii: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .filter_map(|n| n.attribute("r"))
        .collect();
    assert!(!radii.is_empty());
    assert!(radii.iter().all(|r| *r == "4"), "{radii:?}");
}
