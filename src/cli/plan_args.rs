//! The arguments that say which plan to read and how to vary it, shared by
//! every command that computes: the file, `--scenario` and `--set`.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use super::{input, output};
use crate::plan::{Additions, Encoding};
use crate::{Keep, Loaded, ProjectedScenario};

#[derive(Args, Debug)]
pub(super) struct PlanArgs {
    /// Plan file to read; `-` reads standard input.
    #[arg(default_value = "targets.toml")]
    pub file: PathBuf,

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

    /// Actual figures from a CSV file with columns metric,year,value (repeatable).
    #[arg(long = "actuals", value_name = "CSV")]
    actuals: Vec<PathBuf>,

    /// Encoding of the actuals files [default: auto: UTF-8 if valid, else GB18030].
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Auto, hide_default_value = true)]
    actuals_encoding: Encoding,
}

impl PlanArgs {
    /// Refuses to write `out` when it is the plan or an actuals file, under
    /// any name (a link counts): a run must not destroy its own input.
    pub(super) fn refuse_overwriting(&self, out: &Path) -> Result<()> {
        let same = |input: &PathBuf| !input::is_stdin(input) && output::is_same_file(input, out);
        let what = if same(&self.file) {
            "the plan file itself"
        } else if self.actuals.iter().any(same) {
            "an actuals file of this run"
        } else {
            return Ok(());
        };
        bail!(
            "--output {} is {what}; write the output to another file",
            out.display()
        )
    }

    /// Reads and checks the plan with what the command line adds, keeping
    /// the scenarios `keep` says.
    pub(super) fn load_keeping(&self, keep: Keep) -> Result<Loaded> {
        let from_stdin = std::iter::once(&self.file)
            .chain(&self.actuals)
            .filter(|p| input::is_stdin(p))
            .count();
        if from_stdin > 1 {
            bail!(
                "standard input (`-`) can be read only once: give the plan or one actuals file as `-`, \
                 and the others as files"
            );
        }
        let mut actuals = Vec::new();
        for file in &self.actuals {
            actuals.extend(input::load_actuals(file, self.actuals_encoding)?);
        }
        let additions = Additions {
            sets: &self.sets,
            scenarios: &self.scenarios,
            actuals: &actuals,
        };
        input::load(&self.file, &additions, keep)
    }

    /// Reads the plan and returns the chosen scenarios, in the order asked
    /// (`all`: the base plan, then the file's scenarios in file order).
    pub(super) fn load(&self) -> Result<Vec<ProjectedScenario>> {
        let Loaded {
            names: all,
            scenarios: mut available,
        } = self.load_keeping(Keep::Asked)?;
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
                None => bail!(
                    "{}: no scenario `{name}`; this plan has: {} (or `all`)",
                    input::display_name(&self.file),
                    all.join(", ")
                ),
            }
        }
        Ok(chosen)
    }
}
