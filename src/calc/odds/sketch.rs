//! Summaries of many simulated values in memory that does not grow with
//! their number, and that merge exactly.
//!
//! A [`Histogram`] counts values in fixed fine bins over a range set in
//! advance from the closed-form spread of what it counts. Because bins are
//! fixed and counts are integers, summaries of separate blocks of paths merge
//! by addition: the result is the same whichever thread simulated which block
//! and in whatever order they are merged.
//!
//! Accuracy: [`BINS`] bins cover ±[`REACH`] standard deviations, so a bin is
//! 1/128 of a standard deviation wide, and a quantile read from the bins is
//! within one bin of the quantile of the values counted (linear interpolation
//! inside the bin makes the error far smaller for a smooth distribution, about
//! 1e-5 of a standard deviation for a normal one). Values beyond the range
//! (over 8 standard deviations out, or a ratio's tails heavier than its
//! linearised spread) are kept only as a count with the extreme value, so a
//! quantile falling there is an interpolation between the range's edge and
//! that extreme.

/// Bins between the range's ends: with 4-byte counts, the histograms of ten
/// metrics over five years fit in a core's own cache.
pub(super) const BINS: usize = 2048;

/// Standard deviations either side of 0 that the bins cover: a normal value
/// falls outside once in 8e14 draws.
pub(super) const REACH: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Histogram {
    lo: f64,
    width: f64,
    /// Index 0 counts values below the range, BINS + 1 those above it; no
    /// count can pass the most paths allowed.
    counts: Vec<u32>,
    /// NaN values: a ratio whose denominator crossed 0.
    undefined: u64,
    /// The extremes of the values below and above the range.
    min: f64,
    max: f64,
}

impl Histogram {
    /// The memory one histogram takes, about: its counts.
    pub(super) const BYTES: usize = (BINS + 2) * std::mem::size_of::<u32>();

    /// Bins over ±REACH × `spread` around 0; `spread` is positive.
    pub(super) fn around_zero(spread: f64) -> Histogram {
        let lo = -REACH * spread;
        Histogram {
            lo,
            width: -2.0 * lo / BINS as f64,
            counts: vec![0; BINS + 2],
            undefined: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }

    pub(super) fn add_all(&mut self, xs: &[f64]) {
        let per_bin = 1.0 / self.width;
        for &x in xs {
            let t = (x - self.lo) * per_bin;
            if t.is_nan() {
                self.undefined += 1;
                continue;
            }
            // Without a branch on where x falls: that is unpredictable.
            let index = (t.clamp(-1.0, BINS as f64) + 1.0) as usize;
            self.counts[index] += 1;
            if index == 0 {
                self.min = self.min.min(x);
            } else if index == BINS + 1 {
                self.max = self.max.max(x);
            }
        }
    }

    pub(super) fn merge(&mut self, other: &Histogram) {
        debug_assert!(self.lo == other.lo && self.width == other.width);
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
        self.undefined += other.undefined;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
    }

    /// The value below which a share `q` of the defined values lies; none
    /// when no value is defined.
    pub(super) fn quantile(&self, q: f64) -> Option<f64> {
        let defined: u64 = self.counts.iter().map(|&c| u64::from(c)).sum();
        if defined == 0 {
            return None;
        }
        let rank = q * defined as f64;
        let mut below = 0u64;
        self.counts.iter().enumerate().find_map(|(index, &count)| {
            let count = u64::from(count);
            let (before, after) = (below as f64, (below + count) as f64);
            below += count;
            (count > 0 && after >= rank).then(|| {
                let (from, to) = self.bounds(index);
                from + (rank - before) / count as f64 * (to - from)
            })
        })
    }

    /// The interval bin `index` stands for; the outer bins reach the extremes seen.
    fn bounds(&self, index: usize) -> (f64, f64) {
        let edge = |i: usize| self.lo + i as f64 * self.width;
        match index {
            0 => (self.min, self.lo),
            i if i == BINS + 1 => (edge(BINS), self.max),
            i => (edge(i - 1), edge(i)),
        }
    }
}

/// The first year index at which a share `q` of all paths have met a goal,
/// from counts by year index whose last entry is the paths that never did
/// (within the years counted); none when that share is only reached there.
pub(super) fn first_year_quantile(counts: &[u64], q: f64) -> Option<usize> {
    let total: u64 = counts.iter().sum();
    let rank = q * total as f64;
    let mut below = 0u64;
    let (_never, years) = counts.split_last()?;
    years.iter().position(|&count| {
        below += count;
        count > 0 && below as f64 >= rank
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_of_evenly_spread_values_are_exact_within_a_bin() {
        let mut h = Histogram::around_zero(1.0);
        // 100,001 values evenly from -2 to 2: the q-quantile is -2 + 4q.
        let values: Vec<f64> = (0..=100_000).map(|i| -2.0 + 4.0 * i as f64 / 1e5).collect();
        h.add_all(&values);
        let bin = 2.0 * REACH / BINS as f64;
        for q in [0.1, 0.25, 0.5, 0.75, 0.9] {
            let got = h.quantile(q).unwrap();
            assert!((got - (-2.0 + 4.0 * q)).abs() < bin, "{q}: {got}");
        }
    }

    #[test]
    fn merging_halves_gives_the_whole() {
        let values: Vec<f64> = (0..1000).map(|i| (i as f64 * 0.37).sin() * 3.0).collect();
        let mut whole = Histogram::around_zero(0.5);
        whole.add_all(&values);
        let (mut first, mut second) = (Histogram::around_zero(0.5), Histogram::around_zero(0.5));
        first.add_all(&values[..400]);
        second.add_all(&values[400..]);
        second.merge(&first);
        assert_eq!(second, whole);
    }

    #[test]
    fn values_beyond_the_range_and_nan_are_kept_apart() {
        let mut h = Histogram::around_zero(0.1);
        h.add_all(&[-5.0, 0.0, 0.05, 7.0, f64::NAN]);
        assert_eq!(h.undefined, 1);
        assert_eq!(h.quantile(0.0), Some(-5.0));
        assert_eq!(h.quantile(1.0), Some(7.0));
        let mut empty = Histogram::around_zero(1.0);
        empty.add_all(&[f64::NAN]);
        assert_eq!(empty.quantile(0.5), None);
    }

    #[test]
    fn first_year_quantiles_count_the_paths_that_never_meet() {
        // 10 paths: 2 in year 0, 3 in year 2, 5 never.
        let counts = [2, 0, 3, 5];
        assert_eq!(first_year_quantile(&counts, 0.1), Some(0));
        assert_eq!(first_year_quantile(&counts, 0.2), Some(0));
        assert_eq!(first_year_quantile(&counts, 0.5), Some(2));
        assert_eq!(first_year_quantile(&counts, 0.9), None);
    }
}
