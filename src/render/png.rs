//! PNG: the chart's SVG drawn into pixels with resvg, at twice its size for
//! sharp text on high-resolution screens. Its text is set in the machine's
//! own fonts, found by fontdb in the system's font folders (through
//! fontconfig's list where there is one), with a fallback font for every
//! character the first choice lacks. A machine with no font for Chinese
//! still gets its PNG, with boxes for the Chinese characters; [`Png`] says
//! which characters no font drew, so that the command line can warn and
//! name a font to install.

use std::collections::HashSet;
use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, Group, Node, fontdb};

use super::RenderError;

/// Pixels per SVG pixel.
const SCALE: f32 = 2.0;

/// A chart as PNG.
pub(crate) struct Png {
    /// The PNG file's bytes.
    pub(crate) bytes: Vec<u8>,
    /// The Chinese (CJK) characters of the chart that no font on the
    /// machine has a glyph for, in the order they first appear.
    pub(crate) missing: Vec<char>,
}

/// Draws `svg` as PNG with the system's fonts.
pub(crate) fn png(svg: &str) -> Result<Png, RenderError> {
    let mut fonts = fontdb::Database::new();
    fonts.load_system_fonts();
    let options = usvg::Options {
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(drawing)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or(RenderError::TooLargeForPng)?;
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or(RenderError::TooLargeForPng)?;
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(drawing)?;
    let mut drawn = HashSet::new();
    drawn_characters(tree.root(), &mut drawn);
    let mut missing: Vec<char> = Vec::new();
    for c in svg.chars().filter(|c| is_cjk(*c) && !drawn.contains(c)) {
        if !missing.contains(&c) {
            missing.push(c);
        }
    }
    Ok(Png { bytes, missing })
}

fn drawing(error: impl std::fmt::Display) -> RenderError {
    RenderError::Draw(error.to_string())
}

/// Every character some font drew a glyph for (glyph 0 is the box a font
/// draws for a character it lacks). Text no font could set at all is left
/// out of the tree, and so is missing here too.
fn drawn_characters(group: &Group, drawn: &mut HashSet<char>) {
    for node in group.children() {
        match node {
            Node::Group(inner) => drawn_characters(inner, drawn),
            Node::Text(text) => {
                let glyphs = text.layouted().iter().flat_map(|s| &s.positioned_glyphs);
                for glyph in glyphs.filter(|g| g.id.0 != 0) {
                    drawn.extend(glyph.text.chars());
                }
            }
            Node::Path(_) | Node::Image(_) => {}
        }
    }
}

/// Chinese, Japanese and Korean characters, and the full-width forms and
/// punctuation that go with them: what a Latin font lacks.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_full_width_characters_are_cjk() {
        assert!(is_cjk('服') && is_cjk('（') && is_cjk('，') && is_cjk('％'));
        assert!(!is_cjk('A') && !is_cjk('≥') && !is_cjk('✔') && !is_cjk('–'));
    }
}
