//! Full-width characters as their ASCII forms. Chinese input methods type
//! `５０００`, `６％` and `5000，` where TOML and numbers need `5000`, `6%`
//! and `5000`: figures of every kind (cells of actuals files, rates and
//! numbers in a plan's strings and on the command line) are read through
//! [`narrow_number`], and a line TOML refuses is searched with
//! [`ascii_form`] for the character to retype.

use std::borrow::Cow;

/// The ASCII form of a character of a figure as input methods type it in
/// Chinese: full-width digits, signs, point, percent sign and comma, the
/// Chinese enumeration comma (a thousands separator, as `,` is) and the
/// ideographic space.
fn number_form(c: char) -> Option<char> {
    match c {
        '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
        '．' => Some('.'),
        '，' | '、' => Some(','),
        '－' | '−' => Some('-'),
        '＋' => Some('+'),
        '％' => Some('%'),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// `text` with the full-width characters of a figure in their ASCII forms:
/// `"６．５％"` is `"6.5%"`. Other characters are kept, so that a text which
/// is not a figure is refused as written.
pub(crate) fn narrow_number(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| number_form(c).is_none()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| number_form(c).unwrap_or(c)).collect())
}

/// The ASCII character that a full-width character or a Chinese
/// punctuation mark stands for in TOML: `５` is `5`, `，` is `,`, `。` is
/// `.`, `“` is `"`; `None` for any other character.
pub(crate) fn ascii_form(c: char) -> Option<char> {
    number_form(c).or(match c {
        // The full-width forms of the ASCII characters, in ASCII's order.
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0),
        '。' => Some('.'),
        '“' | '”' => Some('"'),
        '‘' | '’' => Some('\''),
        '【' => Some('['),
        '】' => Some(']'),
        '《' => Some('<'),
        '》' => Some('>'),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_lose_their_full_width_characters_only() {
        assert_eq!(narrow_number("６．５％"), "6.5%");
        assert_eq!(narrow_number("－１，２３４"), "-1,234");
        assert_eq!(narrow_number("１　０"), "1 0");
        assert!(matches!(narrow_number("16%"), Cow::Borrowed("16%")));
        assert_eq!(narrow_number("约５％"), "约5%");
    }

    #[test]
    fn full_width_characters_and_chinese_punctuation_have_ascii_forms() {
        for (wide, ascii) in [
            ('５', '5'),
            ('，', ','),
            ('％', '%'),
            ('．', '.'),
            ('。', '.'),
            ('＝', '='),
            ('（', '('),
            ('：', ':'),
            ('“', '"'),
            ('～', '~'),
            ('！', '!'),
        ] {
            assert_eq!(ascii_form(wide), Some(ascii), "{wide}");
        }
        for other in ['5', '服', 'a', '"', '…'] {
            assert_eq!(ascii_form(other), None, "{other}");
        }
    }
}
