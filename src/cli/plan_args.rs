//! The arguments that say which plan to read and how to vary it, shared by
//! every command that computes: the file, `--scenario`, `--set` and
//! `--actuals`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::messages::Refusal;
use super::{input, output};
use crate::plan::{ActualRecord, Additions, Encoding, PlanError};
use crate::words::cli::Input;
use crate::{Keep, Loaded, ProjectedScenario};

#[derive(Args, Debug)]
pub(super) struct PlanArgs {
    /// Plan file to read; `-` reads standard input.
    #[arg(default_value = "targets.toml")]
    pub file: PathBuf,

    #[command(flatten)]
    pub changes: Changes,
}

/// What the command line changes in a plan, or adds to it: the scenarios,
/// `--set` and the actual figures of `--actuals`.
#[derive(Args, Debug)]
pub(super) struct Changes {
    /// Scenario to run (repeatable); `all` runs the plan and every scenario [default: base, the plan itself].
    #[arg(long = "scenario", value_name = "NAME")]
    scenarios: Vec<String>,

    /// Change a metric's field for this run (repeatable), on top of any scenario: ID.FIELD=VALUE, e.g. gdp.growth=8%.
    #[arg(
        long = "set",
        value_name = "ID.FIELD=VALUE",
        allow_hyphen_values = true
    )]
    sets: Vec<String>,

    /// Actual figures from a CSV or .xlsx file (FILE.xlsx#SHEET for a sheet other than the first), with columns metric,year,value or a metric column and one column per year (repeatable).
    #[arg(long = "actuals", value_name = "FILE")]
    actuals: Vec<PathBuf>,

    /// Encoding of the actuals files [default: auto: UTF-8 if valid, else GB18030].
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Auto, hide_default_value = true)]
    actuals_encoding: Encoding,
}

/// The files a run reads, which its output must not overwrite.
pub(super) trait Inputs {
    /// Refuses to write `out` when it is one of the run's input files,
    /// under any name (a link counts): a run must not destroy its own input.
    fn refuse_overwriting(&self, out: &Path) -> Result<()>;
}

impl Inputs for PlanArgs {
    fn refuse_overwriting(&self, out: &Path) -> Result<()> {
        self.changes
            .refuse_overwriting(std::slice::from_ref(&self.file), out)
    }
}

impl PlanArgs {
    /// Refuses to write `out` when it is the plan or an actuals file.
    pub(super) fn refuse_overwriting(&self, out: &Path) -> Result<()> {
        Inputs::refuse_overwriting(self, out)
    }

    /// Reads and checks the plan with what the command line adds, keeping
    /// the scenarios `keep` says.
    pub(super) fn load_keeping(&self, keep: Keep) -> Result<Loaded> {
        let actuals = self
            .changes
            .read_actuals(std::slice::from_ref(&self.file))?;
        self.changes.load_keeping(&self.file, &actuals, keep)
    }

    /// Reads the plan and returns the chosen scenarios, in the order asked
    /// (`all`: the base plan, then the file's scenarios in file order).
    pub(super) fn load(&self) -> Result<Vec<ProjectedScenario>> {
        let actuals = self
            .changes
            .read_actuals(std::slice::from_ref(&self.file))?;
        self.changes.load(&self.file, &actuals)
    }
}

/// The actual figures of `--actuals`, read once for the run: the figures,
/// and the refusals of rows that could not be read, which are reported
/// with the plan's own problems.
#[derive(Debug, Default)]
pub(super) struct Actuals {
    records: Vec<ActualRecord>,
    unread: Vec<PlanError>,
}

impl Changes {
    /// Whether `--actuals` was given.
    pub(super) fn has_actuals(&self) -> bool {
        !self.actuals.is_empty()
    }

    /// Refuses to write `out` when it is one of `plans` or an actuals file.
    pub(super) fn refuse_overwriting(&self, plans: &[PathBuf], out: &Path) -> Result<()> {
        let same = |input: &PathBuf| !input::is_stdin(input) && output::is_same_file(input, out);
        let input = if plans.iter().any(same) {
            Input::Plan
        } else if self
            .actuals
            .iter()
            .any(|path| same(&input::actuals_file(path).0))
        {
            Input::Actuals
        } else {
            return Ok(());
        };
        let output = out.display().to_string();
        Err(Refusal::OutputIsInput { output, input }.into())
    }

    /// Reads the actuals files, once whatever the number of `plans`; refuses
    /// standard input named twice among the plans and the actuals files.
    pub(super) fn read_actuals(&self, plans: &[PathBuf]) -> Result<Actuals> {
        let from_stdin = plans
            .iter()
            .chain(&self.actuals)
            .filter(|p| input::is_stdin(p))
            .count();
        if from_stdin > 1 {
            return Err(Refusal::StdinTwice.into());
        }
        let mut actuals = Actuals::default();
        for file in &self.actuals {
            let (records, refusal) = input::load_actuals(file, self.actuals_encoding)?.split();
            actuals.records.extend(records);
            actuals.unread.extend(refusal);
        }
        Ok(actuals)
    }

    /// Reads and checks the plan `file` with what the command line adds,
    /// keeping the scenarios `keep` says.
    pub(super) fn load_keeping(
        &self,
        file: &Path,
        actuals: &Actuals,
        keep: Keep,
    ) -> Result<Loaded> {
        let additions = Additions {
            sets: &self.sets,
            scenarios: &self.scenarios,
            actuals: &actuals.records,
        };
        input::load(file, &additions, keep, actuals.unread.clone())
    }

    /// Reads the plan `file` and returns the chosen scenarios, in the order
    /// asked (`all`: the base plan, then the file's scenarios in file order).
    pub(super) fn load(&self, file: &Path, actuals: &Actuals) -> Result<Vec<ProjectedScenario>> {
        let Loaded {
            names: all,
            scenarios: mut available,
        } = self.load_keeping(file, actuals, Keep::Asked)?;
        if self.scenarios.is_empty() {
            return Ok(available);
        }
        let mut wanted: Vec<&str> = Vec::new();
        for name in &self.scenarios {
            let names: Vec<&str> = if name == "all" {
                all.iter().map(String::as_str).collect()
            } else {
                vec![name.as_str()]
            };
            for name in names {
                if !wanted.contains(&name) {
                    wanted.push(name);
                }
            }
        }
        let mut chosen = Vec::with_capacity(wanted.len());
        for name in wanted {
            match available.iter().position(|p| p.scenario.name == name) {
                Some(index) => chosen.push(available.swap_remove(index)),
                None => {
                    return Err(Refusal::NoScenario {
                        file: input::display_name(file),
                        name: name.to_owned(),
                        names: all,
                    }
                    .into());
                }
            }
        }
        Ok(chosen)
    }
}
