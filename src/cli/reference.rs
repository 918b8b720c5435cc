//! What is made from the clap definition itself, so that it never drifts
//! from the arguments: shell completions and the man page; and the Chinese
//! quick reference, which `--help` (clap's, in English) points to.
//!
//! `dabiao --help --lang zh` still prints the English help: clap answers
//! `--help` before any other argument is read, and a second parse to find
//! `--lang` would be a parser of its own beside clap's. The top-level help
//! names `dabiao help-zh` instead.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::output_args::LangArg;
use super::{Cli, Outcome, output};

/// The name the completions and the man page call the program by.
const BIN: &str = "dabiao";

/// Print a completion script for a shell, to load in its startup file.
///
/// bash: `dabiao completions bash > ~/.local/share/bash-completion/completions/dabiao`
///
/// zsh: `dabiao completions zsh > ~/.zfunc/_dabiao`, with ~/.zfunc in fpath
///
/// fish: `dabiao completions fish > ~/.config/fish/completions/dabiao.fish`
///
/// PowerShell: `dabiao completions powershell >> $PROFILE`
///
/// elvish: `eval (dabiao completions elvish | slurp)` in ~/.config/elvish/rc.elv
#[derive(Args, Debug)]
pub(super) struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,

    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// Print the man page (roff), or write it to a file.
///
/// `dabiao man | man -l -` shows it; `dabiao man -o dabiao.1` writes it to
/// install under a man folder such as /usr/local/share/man/man1.
#[derive(Args, Debug)]
pub(super) struct ManArgs {
    /// Write the page to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    pub(super) lang: LangArg,
}

pub(super) fn completions(args: &CompletionsArgs) -> Result<Outcome> {
    // clap_complete panics when its writer fails (a closed pipe, a full
    // disk): the script is made whole first, then written as any output is.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), BIN, &mut script);
    output::emit(None, &script)?;
    Ok(Outcome::Done)
}

pub(super) fn man(args: &ManArgs) -> Result<Outcome> {
    output::emit_with(args.output.as_deref(), |out| Ok(man_page(out)?))?;
    Ok(Outcome::Done)
}

/// One page for the whole program: clap_mangen's sections, except that the
/// commands are listed by how they are typed, not as pages of their own
/// (`dabiao-report(1)`), which are not installed.
fn man_page(out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    let page = Man::new(cli.clone()).title(BIN.to_uppercase());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    let mut commands = Roff::new();
    commands.control("SH", ["COMMANDS"]);
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        commands.control("TP", []);
        commands.text([bold(format!("{BIN} {}", command.get_name()))]);
        if let Some(about) = command.get_about() {
            commands.text([roman(about.to_string())]);
        }
    }
    commands.control("PP", []);
    commands.text([
        roman("Each command's options: "),
        bold(format!("{BIN} COMMAND --help")),
        roman("."),
    ]);
    commands.to_writer(out)?;
    page.render_extra_section(out)?;
    page.render_version_section(out)
}

pub(super) fn help_zh() -> Result<Outcome> {
    output::emit(None, crate::words::CHINESE_QUICK_REFERENCE.as_bytes())?;
    Ok(Outcome::Done)
}
