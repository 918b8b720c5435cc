//! `dabiao init [PATH]`: write the shipped plan as a starting point, with
//! its comments in the run's language.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::messages::Refusal;
use super::output::{self, Replace};
use super::output_args::LangArg;
use super::{Outcome, input};
use crate::render::Lang;

/// Write a starter plan (the shipped targets.toml, commented in the language of --lang) to edit.
#[derive(Args, Debug)]
pub(super) struct InitArgs {
    /// Where to write the plan; `-` prints it.
    #[arg(default_value = "targets.toml")]
    path: PathBuf,

    /// Replace the file if it already exists.
    #[arg(long)]
    force: bool,

    #[command(flatten)]
    pub(super) lang: LangArg,
}

pub(super) fn run(args: &InitArgs, lang: Lang) -> Result<Outcome> {
    let name = input::display_name(&args.path);
    let starter_plan = lang.cli().starter_plan();
    if args.path.as_os_str() == "-" {
        output::emit(None, starter_plan.as_bytes())?;
        return Ok(Outcome::Done);
    }
    if args.path.is_dir() {
        return Err(Refusal::InitFolder { name }.into());
    }
    if !args.force && args.path.exists() {
        return Err(Refusal::InitExists { name }.into());
    }
    let replace = if args.force {
        Replace::Allowed
    } else {
        Replace::Refused
    };
    output::write_file(&args.path, starter_plan.as_bytes(), replace)?;
    let done = lang.cli().init_wrote(&name) + "\n";
    output::emit(None, done.as_bytes())?;
    Ok(Outcome::Done)
}
