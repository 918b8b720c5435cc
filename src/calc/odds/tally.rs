//! What the simulation keeps of its paths: integer counts and histograms
//! that add up across blocks, so blocks can run on any thread in any order
//! and the merged tally is the same.

use super::LATER_YEARS;
use super::layout::Layout;
use super::sketch::Histogram;
use crate::plan::GoalKind;

/// What all blocks found, as integer counts that add up across blocks.
#[derive(Debug)]
pub(super) struct Tally {
    /// Metric by year index: the histogram of the noise, none where the
    /// value is certain.
    pub bands: Vec<Vec<Option<Histogram>>>,
    /// Per sum of the layout: the histogram of its deviation from the
    /// plan's sum, none where it is certain.
    pub sums: Vec<Option<Histogram>>,
    /// Per goal: paths meeting it at target_year.
    pub met: Vec<u64>,
    /// Per goal: paths where the judged value is undefined.
    pub undefined: Vec<u64>,
    /// Per goal: paths by the year index from which a level goal holds, the
    /// last entry for never (within LATER_YEARS); empty for other goals.
    pub years: Vec<Vec<u64>>,
}

/// Bins for a spread, none for a certain value.
fn histogram(spread: f64) -> Option<Histogram> {
    (spread > 0.0).then(|| Histogram::around_zero(spread))
}

impl Tally {
    pub(super) fn new(layout: &Layout) -> Tally {
        let goals = layout.goals.len();
        Tally {
            bands: layout
                .metrics
                .iter()
                .map(|m| m.spread.iter().map(|&spread| histogram(spread)).collect())
                .collect(),
            sums: layout
                .sums
                .iter()
                .map(|sum| histogram(sum.spread))
                .collect(),
            met: vec![0; goals],
            undefined: vec![0; goals],
            years: layout
                .goals
                .iter()
                .map(|goal| match goal.kind {
                    GoalKind::Level => vec![0; layout.horizon + LATER_YEARS + 2],
                    _ => Vec::new(),
                })
                .collect(),
        }
    }

    /// About how much memory a tally of `layout` takes: its histograms.
    pub(super) fn bytes(layout: &Layout) -> usize {
        let spreads = layout.metrics.iter().flat_map(|m| &m.spread);
        let histograms = spreads.chain(layout.sums.iter().map(|s| &s.spread));
        histograms.filter(|s| **s > 0.0).count() * Histogram::BYTES
    }

    pub(super) fn merge(&mut self, other: &Tally) {
        let histograms = self.bands.iter_mut().flatten().chain(&mut self.sums);
        let theirs = other.bands.iter().flatten().chain(&other.sums);
        for (mine, theirs) in histograms.zip(theirs) {
            if let (Some(mine), Some(theirs)) = (mine, theirs) {
                mine.merge(theirs);
            }
        }
        let add = |mine: &mut [u64], theirs: &[u64]| {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a += b);
        };
        add(&mut self.met, &other.met);
        add(&mut self.undefined, &other.undefined);
        for (mine, theirs) in self.years.iter_mut().zip(&other.years) {
            add(mine, theirs);
        }
    }
}
