//! One block of paths: its random draws, its values year by year, and what
//! the tally keeps of them.
//!
//! A block draws from its own generators, one per metric and one for the
//! common factor, each seeded from (seed, block, stream): its paths are the
//! same whichever thread runs it and whatever ran before. The work goes year
//! by year over all paths of the block at once, so inner loops run along a
//! row of numbers; only each metric's noise so far is kept, never whole
//! paths. Past target_year only the paths still short of a level goal go on,
//! and only the metrics that goal needs draw.

use rand_distr::{Distribution, StandardNormal};
use rand_pcg::Pcg64Mcg;

use super::LATER_YEARS;
use super::layout::{Layout, Shape, Source};
use super::sketch::Histogram;
use crate::plan::GoalKind;

/// Paths per block: rows of this many numbers stay in the processor's cache,
/// and a million paths make a thousand blocks to share among threads.
pub(super) const BLOCK: usize = 1024;

/// A path that has not met its goal (yet).
const NOT_MET: u16 = u16::MAX;

/// What all blocks found, as integer counts that add up across blocks.
#[derive(Debug)]
pub(super) struct Tally {
    /// Metric by year index: the histogram of the noise, none where the
    /// value is certain.
    pub bands: Vec<Vec<Option<Histogram>>>,
    /// Per goal: paths meeting it at target_year.
    pub met: Vec<u64>,
    /// Per goal: paths where the judged value is undefined.
    pub undefined: Vec<u64>,
    /// Per goal: paths by the year index from which a level goal holds, the
    /// last entry for never (within LATER_YEARS); empty for rate goals.
    pub years: Vec<Vec<u64>>,
}

impl Tally {
    pub(super) fn new(layout: &Layout) -> Tally {
        let goals = layout.goals.len();
        Tally {
            bands: layout
                .metrics
                .iter()
                .map(|m| {
                    let histogram =
                        |&spread: &f64| (spread > 0.0).then(|| Histogram::around_zero(spread));
                    m.spread.iter().map(histogram).collect()
                })
                .collect(),
            met: vec![0; goals],
            undefined: vec![0; goals],
            years: layout
                .goals
                .iter()
                .map(|goal| match goal.kind {
                    GoalKind::Level => vec![0; layout.horizon + LATER_YEARS + 2],
                    GoalKind::Rate => Vec::new(),
                })
                .collect(),
        }
    }

    pub(super) fn merge(&mut self, other: &Tally) {
        for (mine, theirs) in self
            .bands
            .iter_mut()
            .flatten()
            .zip(other.bands.iter().flatten())
        {
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

/// Simulates block number `block` and adds it to `tally`.
pub(super) fn simulate(layout: &Layout, block: u64, tally: &mut Tally) {
    let start = block * BLOCK as u64;
    let size = (layout.paths - start).min(BLOCK as u64) as usize;
    let metrics = layout.metrics.len();
    let mut paths = Block {
        layout,
        size,
        noise: vec![0.0; metrics * size],
        held: vec![0.0; 2 * layout.ratios * size],
        common: vec![0.0; size],
        streams: (0..=metrics as u64)
            .map(|s| generator(layout.seed, block, s))
            .collect(),
    };
    let mut since: Vec<Vec<u16>> = layout
        .goals
        .iter()
        .map(|goal| match goal.kind {
            GoalKind::Level => vec![NOT_MET; size],
            GoalKind::Rate => Vec::new(),
        })
        .collect();
    let mut scratch = vec![0.0; size];
    for k in 0..=layout.horizon {
        if k > 0 {
            paths.draw_year(k);
        }
        paths.hold(k);
        for m in 0..metrics {
            paths.observe(m, k, &mut scratch, &mut since, tally);
        }
    }
    paths.go_on(since, tally);
}

/// A generator for stream `stream` of block `block`: the three numbers
/// are mixed so that neighbouring blocks and streams start far apart.
fn generator(seed: u64, block: u64, stream: u64) -> Pcg64Mcg {
    let a = splitmix(seed);
    let b = splitmix(a ^ block);
    let c = splitmix(b ^ stream);
    Pcg64Mcg::new((u128::from(c) << 64) | u128::from(splitmix(c)))
}

/// The SplitMix64 finaliser: every input bit affects every output bit.
fn splitmix(z: u64) -> u64 {
    let z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Block<'a> {
    layout: &'a Layout<'a>,
    size: usize,
    /// Each metric's noise so far, one row of `size` per metric (unused for
    /// ratios).
    noise: Vec<f64>,
    /// Each ratio's parts' noise when the ratio was last known, two rows per
    /// ratio: its noise starts from there.
    held: Vec<f64>,
    /// This year's common factor, per path.
    common: Vec<f64>,
    /// The common factor's generator, then each metric's.
    streams: Vec<Pcg64Mcg>,
}

impl Block<'_> {
    /// Adds year `k`'s shocks to every metric's noise.
    fn draw_year(&mut self, k: usize) {
        let metrics = self.layout.metrics.len();
        if (0..metrics).any(|m| self.layout.step(m, k) > 0.0) {
            self.draw_common(None);
        }
        for m in 0..metrics {
            self.shock(m, k, None);
        }
    }

    /// Draws this year's common factor for the paths `going` (all if none).
    fn draw_common(&mut self, going: Option<&[usize]>) {
        if self.layout.common == 0.0 {
            return;
        }
        // A copy of the generator stays in registers through the loop.
        let mut rng = self.streams[0].clone();
        let mut draw = |f: &mut f64| *f = StandardNormal.sample(&mut rng);
        match going {
            None => self.common.iter_mut().for_each(draw),
            Some(going) => going.iter().for_each(|&p| draw(&mut self.common[p])),
        }
        self.streams[0] = rng;
    }

    /// Adds metric `m`'s shock in year index `k` for the paths `going` (all
    /// if none).
    fn shock(&mut self, m: usize, k: usize, going: Option<&[usize]>) {
        let sigma = self.layout.step(m, k);
        if sigma == 0.0 {
            return;
        }
        let (common, own) = (sigma * self.layout.common, sigma * self.layout.own);
        let mut rng = self.streams[m + 1].clone();
        let mut step = |s: &mut f64, f: f64| {
            let z: f64 = StandardNormal.sample(&mut rng);
            *s += common * f + own * z;
        };
        let row = &mut self.noise[m * self.size..(m + 1) * self.size];
        match going {
            None => row
                .iter_mut()
                .zip(&self.common)
                .for_each(|(s, &f)| step(s, f)),
            Some(going) => going
                .iter()
                .for_each(|&p| step(&mut row[p], self.common[p])),
        }
        self.streams[m + 1] = rng;
    }

    /// Keeps the parts' noise of each ratio last known in year index `k`.
    fn hold(&mut self, k: usize) {
        let (layout, size) = (self.layout, self.size);
        for metric in &layout.metrics {
            if let Source::Ratio {
                numerator,
                denominator,
                slot,
                ..
            } = metric.source
                && metric.known_through == k
            {
                for (part, row) in [numerator, denominator].into_iter().zip(2 * slot..) {
                    self.held[row * size..(row + 1) * size]
                        .copy_from_slice(&self.noise[part * size..(part + 1) * size]);
                }
            }
        }
    }

    /// Metric `m`'s noise on path `p` in year index `k`.
    #[inline]
    fn x(&self, m: usize, k: usize, p: usize) -> f64 {
        let metric = &self.layout.metrics[m];
        match metric.source {
            Source::Own { .. } => self.noise[m * self.size + p],
            Source::Ratio {
                numerator,
                denominator,
                factor,
                slot,
            } => {
                let since = |part: usize, row: usize| {
                    self.noise[part * self.size + p] - self.held[row * self.size + p]
                };
                let (top, bottom) = (since(numerator, 2 * slot), since(denominator, 2 * slot + 1));
                match metric.shape {
                    Shape::Log => top - bottom,
                    Shape::Additive => {
                        let value = |part: usize, x: f64| {
                            let part = &self.layout.metrics[part];
                            part.shape.value(at(part.path, k), x)
                        };
                        let (top, bottom) = (value(numerator, top), value(denominator, bottom));
                        // A denominator at 0 or past it leaves the ratio undefined.
                        let sign = self.layout.metrics[denominator].path[0].signum();
                        if bottom == 0.0 || bottom.signum() != sign {
                            f64::NAN
                        } else {
                            factor * top / bottom - at(metric.path, k)
                        }
                    }
                }
            }
        }
    }

    /// Counts metric `m` in year index `k`: its noise into the histogram,
    /// and its goals.
    fn observe(
        &self,
        m: usize,
        k: usize,
        scratch: &mut [f64],
        since: &mut [Vec<u16>],
        tally: &mut Tally,
    ) {
        let metric = &self.layout.metrics[m];
        let horizon = self.layout.horizon;
        // None where the value is certain: the path's, with no noise.
        let x = match &mut tally.bands[m][k] {
            None => None,
            Some(histogram) => {
                let x = match metric.source {
                    Source::Own { .. } => &self.noise[m * self.size..(m + 1) * self.size],
                    Source::Ratio { .. } => {
                        for (p, x) in scratch.iter_mut().enumerate() {
                            *x = self.x(m, k, p);
                        }
                        &*scratch
                    }
                };
                histogram.add_all(x);
                Some(x)
            }
        };
        for &g in &metric.goals {
            let kind = self.layout.goals[g].kind;
            if kind == GoalKind::Rate && k != horizon {
                continue;
            }
            let test = self.layout.test(g, k);
            if kind == GoalKind::Level {
                // The first year from which the goal holds through k.
                let track = |since: &mut u16, holds: bool| {
                    let kept = if *since == NOT_MET { k as u16 } else { *since };
                    *since = if holds { kept } else { NOT_MET };
                };
                match x {
                    Some(x) => since[g]
                        .iter_mut()
                        .zip(x)
                        .for_each(|(s, &x)| track(s, test.holds(x))),
                    None => {
                        let holds = test.holds(0.0);
                        since[g].iter_mut().for_each(|s| track(s, holds));
                    }
                }
            }
            if k != horizon {
                continue;
            }
            let (mut met, mut undefined) = (0, 0);
            let mut count = |x: f64, paths: u64| {
                let holds = test.holds(x);
                met += paths * u64::from(holds);
                if !holds && test.undefined(x) {
                    undefined += paths;
                }
            };
            match x {
                Some(x) => x.iter().for_each(|&x| count(x, 1)),
                None => count(0.0, self.size as u64),
            }
            tally.met[g] += met;
            tally.undefined[g] += undefined;
        }
    }

    /// Follows the paths still short of each level goal past target_year,
    /// each metric keeping its last year's growth and volatility, until they
    /// meet it; counts the year each path first does.
    fn go_on(&mut self, since: Vec<Vec<u16>>, tally: &mut Tally) {
        let horizon = self.layout.horizon;
        let never = horizon + LATER_YEARS + 1;
        let mut pending: Vec<(usize, Vec<usize>)> = Vec::new();
        for (g, since) in since.iter().enumerate() {
            if self.layout.goals[g].kind != GoalKind::Level {
                continue;
            }
            let years = &mut tally.years[g];
            let mut short = Vec::new();
            for (p, &s) in since.iter().enumerate() {
                if s == NOT_MET {
                    short.push(p);
                } else {
                    years[s as usize] += 1;
                }
            }
            pending.push((g, short));
        }
        let metrics = self.layout.metrics.len();
        for k in horizon + 1..never {
            pending.retain(|(_, paths)| !paths.is_empty());
            if pending.is_empty() {
                break;
            }
            // Which paths each metric steps on: those still short of a goal
            // on it or on a ratio of it, in order.
            let mut going: Vec<Vec<usize>> = vec![Vec::new(); metrics];
            for (g, paths) in &pending {
                let m = self.layout.goals[*g].metric;
                for part in self.layout.movers(m) {
                    if self.layout.step(part, k) > 0.0 {
                        going[part] = union(&going[part], paths);
                    }
                }
            }
            let mut anyone = vec![false; self.size];
            going.iter().flatten().for_each(|&p| anyone[p] = true);
            let anyone: Vec<usize> = (0..self.size).filter(|&p| anyone[p]).collect();
            self.draw_common(Some(&anyone));
            for (m, going) in going.iter().enumerate() {
                self.shock(m, k, Some(going));
            }
            for (g, paths) in &mut pending {
                let m = self.layout.goals[*g].metric;
                let years = &mut tally.years[*g];
                // A path that ends (an overflow, a denominator at 0) never
                // meets the goal, as in `goals::evaluate`.
                if k >= self.layout.metrics[m].path.len() {
                    years[never] += paths.len() as u64;
                    paths.clear();
                    continue;
                }
                let test = self.layout.test(*g, k);
                paths.retain(|&p| {
                    let x = self.x(m, k, p);
                    let ends = test.ends(x);
                    let holds = !ends && test.holds(x);
                    if ends || holds {
                        years[if holds { k } else { never }] += 1;
                    }
                    !(ends || holds)
                });
            }
        }
        for (g, paths) in pending {
            tally.years[g][never] += paths.len() as u64;
        }
    }
}

/// The paths in either of two ordered lists, in order.
fn union(a: &[usize], b: &[usize]) -> Vec<usize> {
    if a.is_empty() {
        return b.to_vec();
    }
    let mut both = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let next = a[i].min(b[j]);
        i += usize::from(a[i] == next);
        j += usize::from(b[j] == next);
        both.push(next);
    }
    both.extend_from_slice(&a[i..]);
    both.extend_from_slice(&b[j..]);
    both
}

/// Element `k` of a path, NaN past its end.
fn at(path: &[f64], k: usize) -> f64 {
    path.get(k).copied().unwrap_or(f64::NAN)
}
