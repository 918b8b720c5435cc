//! The plans of `report` and `review`: one file, several, or folders of
//! them; the checks across them (a name twice, a folder without plans);
//! and each plan read, checked and reported on its own, in parallel.
//!
//! A folder gives every `*.toml` file directly in it, sorted by name, not
//! those of its subfolders: a province keeps one folder per level (zones,
//! counties), and a folder of drafts below one should not join it.
//! Plans keep the order given, a folder's in its place, whatever the
//! number of threads. Each plan is named by its file's stem (`高新区` for
//! `zones/高新区.toml`), so two plans of one name are refused.
//!
//! What the command line changes applies to every plan: `--scenario` and
//! `--set` try one assumption on all of them, and a plan without that
//! scenario or metric is refused under its own name, as it would be alone,
//! so that a misspelt id is never passed over. `--actuals` is refused with
//! several plans: each plan's figures are its own (every zone has a `gdp`
//! of its own), so one file read into every plan would give each the same
//! figures; several plans keep their figures in their own `actual` tables.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::Args;
use rayon::prelude::*;

use super::input;
use super::messages::Refusal;
use super::plan_args::{Actuals, Changes, Inputs};
use crate::ProjectedScenario;
use crate::plan::PlanError;
use crate::report::plans::PlanReport;

/// The plans of `report` and `review`, and what the command line changes in them.
#[derive(Args, Debug)]
pub(super) struct PlanSetArgs {
    /// Plan files to read, or folders of them (every *.toml directly in a folder, by name); `-` reads standard input.
    #[arg(default_value = "targets.toml", value_name = "FILE")]
    files: Vec<PathBuf>,

    #[command(flatten)]
    changes: Changes,

    /// With several plans, write the output of those that are valid and list the others' problems: the exit status is 2 all the same.
    #[arg(long)]
    keep_going: bool,
}

/// A plan file to read, and the name it is shown under.
#[derive(Debug, Clone)]
pub(super) struct PlanFile {
    path: PathBuf,
    name: String,
}

/// The plans of a run, once the files and folders are read.
#[derive(Debug)]
pub(super) enum Plans {
    /// One plan, whose output is that of a run on it alone.
    One(PathBuf),
    /// Several, each shown under its name.
    Several(Vec<PlanFile>),
}

/// Several plans reported: those that were valid, in order, and the
/// refusals of the others (empty unless `--keep-going`).
pub(super) struct Reported<T> {
    /// The valid plans' reports, in the order of the plans.
    pub reports: Vec<PlanReport<T>>,
    /// The others' refusals, in the same order.
    pub refused: Refusals,
}

/// The refusals of several plans, each as it would be alone, naming its
/// file.
#[derive(Debug, Default)]
pub(super) struct Refusals(pub Vec<anyhow::Error>);

impl std::fmt::Display for Refusals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.len();
        write!(f, "{n} plan{} refused", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Refusals {}

impl Inputs for PlanSetArgs {
    /// The plans are found again: a file in a folder given is an input too.
    fn refuse_overwriting(&self, out: &Path) -> Result<()> {
        let plans = match self.plans()? {
            Plans::One(path) => vec![path],
            Plans::Several(files) => files.into_iter().map(|f| f.path).collect(),
        };
        self.changes.refuse_overwriting(&plans, out)
    }
}

impl PlanSetArgs {
    /// The plans named, folders read: refused when a folder holds no plan,
    /// when two plans have one name, or when standard input or
    /// `--actuals` is given with several plans.
    pub(super) fn plans(&self) -> Result<Plans> {
        let mut files: Vec<PlanFile> = Vec::new();
        for path in &self.files {
            if path.is_dir() {
                files.extend(folder_plans(path)?);
            } else {
                files.push(PlanFile {
                    path: path.clone(),
                    name: stem(path),
                });
            }
        }
        if files.len() == 1 {
            return Ok(Plans::One(files.remove(0).path));
        }
        if let Some(stdin) = self.files.iter().find(|p| input::is_stdin(p)) {
            let stdin = stdin.display().to_string();
            return Err(Refusal::StdinOfSeveral { stdin }.into());
        }
        if self.changes.has_actuals() {
            let plans = files.len();
            return Err(Refusal::ActualsOfSeveral { plans }.into());
        }
        for (at, file) in files.iter().enumerate() {
            if let Some(other) = files[..at].iter().find(|f| f.name == file.name) {
                let second = input::display_name(&file.path);
                if other.path == file.path {
                    return Err(Refusal::GivenTwice { plan: second }.into());
                }
                return Err(Refusal::OneName {
                    name: file.name.clone(),
                    first: input::display_name(&other.path),
                    second,
                }
                .into());
            }
        }
        Ok(Plans::Several(files))
    }

    /// The plan alone with what the command line changes.
    pub(super) fn load_one(&self, path: &Path) -> Result<Vec<ProjectedScenario>> {
        let actuals = self
            .changes
            .read_actuals(std::slice::from_ref(&path.to_path_buf()))?;
        self.changes.load(path, &actuals)
    }

    /// Reads, checks and reports each of `files` on its own, in parallel:
    /// `report` makes a plan's reports from its chosen scenarios. Refused,
    /// with every plan's problems, when a plan is invalid, unless
    /// `--keep-going` asks for the others' output.
    pub(super) fn report_each<T: Send>(
        &self,
        files: &[PlanFile],
        report: impl Fn(Vec<ProjectedScenario>) -> Result<Vec<T>> + Sync,
    ) -> Result<Reported<T>> {
        // `plans` refuses --actuals with several plans: each reads its own.
        let none = Actuals::default();
        let results: Vec<Result<PlanReport<T>>> = files
            .par_iter()
            .map(|file| {
                let reports = self
                    .changes
                    .load(&file.path, &none)
                    .and_then(&report)
                    .map_err(|error| named(error, &file.path))?;
                Ok(PlanReport {
                    name: file.name.clone(),
                    reports,
                })
            })
            .collect();
        let mut reported = Reported {
            reports: Vec::with_capacity(results.len()),
            refused: Refusals::default(),
        };
        for result in results {
            match result {
                Ok(plan) => reported.reports.push(plan),
                Err(error) => reported.refused.0.push(error),
            }
        }
        if reported.reports.is_empty() || (!self.keep_going && !reported.refused.0.is_empty()) {
            return Err(reported.refused.into());
        }
        Ok(reported)
    }
}

/// A plan's refusal naming its file: a plan's problems already do, line by
/// line; any other message that does not is led by the file's name.
fn named(error: anyhow::Error, path: &Path) -> anyhow::Error {
    let name = input::display_name(path);
    if error.is::<PlanError>() || format!("{error:#}").contains(&name) {
        return error;
    }
    match error.downcast::<Refusal>() {
        Ok(refusal) => Refusal::InPlan {
            plan: name,
            refusal: Box::new(refusal),
        }
        .into(),
        Err(error) => anyhow!("{name}: {error:#}"),
    }
}

/// The plan files directly in `folder`, sorted by name; refused when it
/// has none.
fn folder_plans(folder: &Path) -> Result<Vec<PlanFile>> {
    let name = input::display_name(folder);
    let entries = std::fs::read_dir(folder).map_err(|error| Refusal::CannotReadFolder {
        name: name.clone(),
        error,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                && path.is_file()
        })
        .collect();
    if paths.is_empty() {
        return Err(Refusal::NoPlanInFolder { name }.into());
    }
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| PlanFile {
            name: stem(&path),
            path,
        })
        .collect())
}

/// The name a plan is shown under: its file's name without `.toml`.
fn stem(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or(path.as_os_str());
    input::display_name(Path::new(stem))
}
