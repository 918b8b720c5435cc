//! A command line the argument parser refused, said in the run's language.
//!
//! The parser answers before any option is read, so the language comes
//! from the raw arguments (`--lang zh`, `--lang=zh`) or the locale. Its
//! errors are turned into [`UsageError`] data for the words; the kinds a
//! user rarely meets keep the parser's English text.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::output_args::lang_or_locale;
use crate::render::Lang;
use crate::words::cli::UsageError;

/// The language asked for by `--lang` among `args`, if any; a value that
/// is not a language is left to the parser to refuse.
pub(super) fn lang_of_args(args: &[OsString]) -> Lang {
    let mut asked = None;
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        match value.as_deref() {
            Some("zh") => asked = Some(Lang::Zh),
            Some("en") => asked = Some(Lang::En),
            _ => {}
        }
    }
    lang_or_locale(asked)
}

/// The refusal as data for the words, when it is of a kind they say.
pub(super) fn usage_error(error: &clap::Error) -> Option<UsageError> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    };
    Some(match error.kind() {
        ErrorKind::UnknownArgument => UsageError::UnknownArgument {
            argument: text(ContextKind::InvalidArg)?,
            suggestion: text(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            command: text(ContextKind::InvalidSubcommand)?,
            suggestion: text(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match text(ContextKind::InvalidValue) {
                // An option given without its value is also an invalid value.
                Some(value) if value.is_empty() => UsageError::MissingValue {
                    option: text(ContextKind::InvalidArg)?,
                },
                Some(value) => UsageError::InvalidValue {
                    option: text(ContextKind::InvalidArg)?,
                    value,
                    valid: list(ContextKind::ValidValue),
                },
                None => return None,
            }
        }
        ErrorKind::ArgumentConflict => UsageError::Conflict {
            option: text(ContextKind::InvalidArg)?,
            with: text(ContextKind::PriorArg),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_asked_is_read_before_the_parser_answers() {
        // The tests run without a Chinese locale (the harness clears it).
        if std::env::var_os("LANG").is_some_and(|l| l.to_string_lossy().starts_with("zh")) {
            return;
        }
        assert_eq!(lang_of_args(&args(&["dabiao", "--lang", "zh"])), Lang::Zh);
        assert_eq!(
            lang_of_args(&args(&["dabiao", "--bogus", "--lang=zh"])),
            Lang::Zh
        );
        // The last one given counts: the parser refuses the two in it.
        assert_eq!(
            lang_of_args(&args(&["dabiao", "--lang", "zh", "--lang", "en"])),
            Lang::En
        );
        // A value that is no language is the parser's to refuse.
        assert_eq!(
            lang_of_args(&args(&["dabiao", "--lang", "fr"])),
            lang_or_locale(None)
        );
        assert_eq!(
            lang_of_args(&args(&["dabiao", "--lang"])),
            lang_or_locale(None)
        );
    }
}
