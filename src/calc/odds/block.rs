//! One block of paths: its random draws, its values year by year, and what
//! it adds to the tally (`tally.rs`).
//!
//! A block draws from its own generators, one per metric and one for the
//! common factor, each seeded from (seed, block, stream): its paths are the
//! same whichever thread runs it and whatever ran before. The work goes year
//! by year over all paths of the block at once, so inner loops run along a
//! row of numbers; only each metric's noise so far and the running sums
//! that goals read are kept, never whole paths. Past target_year only the
//! paths still short of a level goal go on, and only the metrics that goal
//! needs draw.

use rand_distr::{Distribution, StandardNormal};
use rand_pcg::Pcg64Mcg;

use super::LATER_YEARS;
use super::layout::{Judge, Layout, Shape, Source, Statistic};
use super::tally::Tally;
use super::verdict::Map;
use crate::calc::goals::{HeldSince, Measure, first_year_held, in_step_goal};
use crate::plan::GoalKind;

/// Paths per block: rows of this many numbers stay in the processor's cache,
/// and a million paths make a thousand blocks to share among threads.
pub(super) const BLOCK: usize = 1024;

/// Simulates block number `block` and adds it to `tally`.
pub(super) fn simulate(layout: &Layout, block: u64, tally: &mut Tally) {
    let start = block * BLOCK as u64;
    let size = (layout.paths - start).min(BLOCK as u64) as usize;
    let metrics = layout.metrics.len();
    let mut paths = Block {
        layout,
        size,
        noise: vec![0.0; layout.rows * size],
        held: vec![0.0; 2 * layout.ratios * size],
        shares: vec![0.0; layout.ratios * size],
        sums: vec![0.0; layout.sums.len() * size],
        common: vec![0.0; size],
        streams: (0..=metrics as u64)
            .map(|s| generator(layout.seed, block, s))
            .collect(),
    };
    let mut since: Vec<Vec<HeldSince>> = layout
        .goals
        .iter()
        .zip(&layout.certain)
        .map(|(goal, &certain)| match goal.kind {
            GoalKind::Level if !certain => vec![HeldSince::NOT; size],
            _ => Vec::new(),
        })
        .collect();
    for k in 0..=layout.horizon {
        if k > 0 {
            paths.draw_year(k);
        }
        paths.hold(k);
        paths.observe(k, &mut since, tally);
    }
    paths.judge(tally);
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
    /// Each ratio's noise in the year observed last, one row per ratio.
    shares: Vec<f64>,
    /// Each sum's deviation from the plan's so far, one row per sum.
    sums: Vec<f64>,
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
        let Source::Own { row: Some(r), .. } = self.layout.metrics[m].source else {
            return;
        };
        let (common, own) = (sigma * self.layout.common, sigma * self.layout.own);
        let mut rng = self.streams[m + 1].clone();
        let mut step = |s: &mut f64, f: f64| {
            let z: f64 = StandardNormal.sample(&mut rng);
            *s += common * f + own * z;
        };
        let row = &mut self.noise[r * self.size..(r + 1) * self.size];
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
                for (part, held) in [numerator, denominator].into_iter().zip(2 * slot..) {
                    // A part without noise keeps the zeros it started with.
                    if let Source::Own { row: Some(r), .. } = layout.metrics[part].source {
                        self.held[held * size..(held + 1) * size]
                            .copy_from_slice(&self.noise[r * size..(r + 1) * size]);
                    }
                }
            }
        }
    }

    /// Metric `m`'s noise on path `p` in year index `k`.
    #[inline]
    fn x(&self, m: usize, k: usize, p: usize) -> f64 {
        let metric = &self.layout.metrics[m];
        match metric.source {
            Source::Own { row, .. } => row.map_or(0.0, |r| self.noise[r * self.size + p]),
            Source::Ratio {
                numerator,
                denominator,
                factor,
                parts,
                slot,
            } => {
                let since =
                    |part: usize, held: usize| self.x(part, k, p) - self.held[held * self.size + p];
                let (top, bottom) = (since(numerator, 2 * slot), since(denominator, 2 * slot + 1));
                match metric.shape {
                    Shape::Log => top - bottom,
                    Shape::Additive => {
                        let value = |part: usize, path: &[f64], x: f64| {
                            self.layout.metrics[part].shape.value(at(path, k), x)
                        };
                        let top = value(numerator, parts[0], top);
                        let bottom = value(denominator, parts[1], bottom);
                        // A denominator at 0 or past it leaves the ratio undefined.
                        let sign = parts[1][0].signum();
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

    /// Metric `m`'s noise in the year observed last, none where its value
    /// is certain (the path's, with no noise).
    fn row(&self, m: usize, k: usize) -> Option<&[f64]> {
        let metric = &self.layout.metrics[m];
        if metric.spread[k] == 0.0 {
            return None;
        }
        let size = self.size;
        Some(match metric.source {
            // A metric with spread has a row.
            Source::Own { row, .. } => {
                let r = row?;
                &self.noise[r * size..(r + 1) * size]
            }
            Source::Ratio { slot, .. } => &self.shares[slot * size..(slot + 1) * size],
        })
    }

    /// A statistic's row at target_year, none where it is certain.
    fn statistic(&self, on: Statistic) -> Option<&[f64]> {
        match on {
            Statistic::End(m) => self.row(m, self.layout.horizon),
            Statistic::Sum(i) => (self.layout.sums[i].spread > 0.0)
                .then(|| &self.sums[i * self.size..(i + 1) * self.size]),
        }
    }

    /// Year index `k`: each ratio's noise worked out, every metric's noise
    /// into its histogram, the sums added to, and the level goals followed.
    fn observe(&mut self, k: usize, since: &mut [Vec<HeldSince>], tally: &mut Tally) {
        let layout = self.layout;
        let size = self.size;
        for (m, metric) in layout.metrics.iter().enumerate() {
            if let Source::Ratio { slot, .. } = metric.source
                && metric.spread[k] > 0.0
            {
                let mut shares = std::mem::take(&mut self.shares);
                for (p, x) in shares[slot * size..(slot + 1) * size]
                    .iter_mut()
                    .enumerate()
                {
                    *x = self.x(m, k, p);
                }
                self.shares = shares;
            }
        }
        for (m, bands) in tally.bands.iter_mut().enumerate() {
            if let (Some(histogram), Some(x)) = (&mut bands[k], self.row(m, k)) {
                histogram.add_all(x);
            }
        }
        if k > 0 {
            let mut sums = std::mem::take(&mut self.sums);
            for (i, sum) in layout.sums.iter().enumerate() {
                let Some(x) = self.row(sum.metric, k) else {
                    continue;
                };
                let (shape, anchor) = (layout.metrics[sum.metric].shape, sum.anchors[k]);
                for (s, &x) in sums[i * size..(i + 1) * size].iter_mut().zip(x) {
                    *s += shape.deviation(anchor, x);
                }
            }
            self.sums = sums;
        }
        for (g, goal) in layout.goals.iter().enumerate() {
            if goal.kind != GoalKind::Level || layout.certain[g] {
                continue;
            }
            let Some(test) = layout.test(g, k) else {
                continue;
            };
            match self.row(goal.metric, k) {
                Some(x) => since[g]
                    .iter_mut()
                    .zip(x)
                    .for_each(|(s, &x)| *s = s.then(k, test.holds(x))),
                None => {
                    let holds = test.holds(0.0);
                    since[g].iter_mut().for_each(|s| *s = s.then(k, holds));
                }
            }
        }
    }

    /// Counts each goal at target_year, and the sums into their histograms.
    fn judge(&self, tally: &mut Tally) {
        let layout = self.layout;
        for (i, histogram) in tally.sums.iter_mut().enumerate() {
            if let (Some(histogram), Some(s)) = (histogram, self.statistic(Statistic::Sum(i))) {
                histogram.add_all(s);
            }
        }
        let paths = self.size as u64;
        for (g, judge) in layout.judges.iter().enumerate() {
            if layout.certain[g] {
                continue;
            }
            let (mut met, mut undefined) = (0, 0);
            match judge {
                Judge::Stated { on, .. } => {
                    let Some(test) = layout.test(g, layout.horizon) else {
                        continue;
                    };
                    let mut count = |s: f64, paths: u64| {
                        let holds = test.holds(s);
                        met += paths * u64::from(holds);
                        if !holds && test.undefined(s) {
                            undefined += paths;
                        }
                    };
                    match self.statistic(*on) {
                        Some(s) => s.iter().for_each(|&s| count(s, 1)),
                        None => count(0.0, paths),
                    }
                }
                Judge::InStep {
                    own,
                    reference,
                    tolerance,
                } => {
                    let row = |on: Statistic| self.statistic(on);
                    let (mine, theirs) = (row(own.0), row(reference.0));
                    let at = |row: Option<&[f64]>, p: usize| row.map_or(0.0, |row| row[p]);
                    for p in 0..self.size {
                        let verdict =
                            in_step(own.1, reference.1, *tolerance, at(mine, p), at(theirs, p));
                        match verdict {
                            Some(holds) => met += u64::from(holds),
                            None => undefined += 1,
                        }
                    }
                }
            }
            tally.met[g] += met;
            tally.undefined[g] += undefined;
        }
    }

    /// Follows the paths still short of each level goal past target_year,
    /// each metric keeping its last year's growth and volatility, until they
    /// meet it; counts the year each path first does.
    fn go_on(&mut self, since: Vec<Vec<HeldSince>>, tally: &mut Tally) {
        let horizon = self.layout.horizon;
        let never = horizon + LATER_YEARS + 1;
        let mut pending: Vec<(usize, Vec<usize>)> = Vec::new();
        for (g, since) in since.iter().enumerate() {
            if self.layout.goals[g].kind != GoalKind::Level || self.layout.certain[g] {
                continue;
            }
            let years = &mut tally.years[g];
            let mut short = Vec::new();
            for (p, s) in since.iter().enumerate() {
                match s.settled(horizon, horizon) {
                    Some(k) => years[k] += 1,
                    None => short.push(p),
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
                let Some(test) = self.layout.test(*g, k) else {
                    years[never] += paths.len() as u64;
                    paths.clear();
                    continue;
                };
                paths.retain(|&p| {
                    let x = self.x(m, k, p);
                    let ends = test.ends(x);
                    let held = HeldSince::NOT.then(k, !ends && test.holds(x));
                    match (ends, held.settled(k, horizon)) {
                        (false, None) => return true,
                        (_, Some(k)) => years[k] += 1,
                        (true, None) => years[never] += 1,
                    }
                    false
                });
            }
        }
        for (g, paths) in pending {
            tally.years[g][never] += paths.len() as u64;
        }
    }
}

/// Whether a rate read by `own` from statistic `mine` keeps pace with the
/// one read by `reference` from `theirs`, less `tolerance`; none where
/// either rate does not exist.
fn in_step(own: Map, reference: Map, tolerance: f64, mine: f64, theirs: f64) -> Option<bool> {
    let rate = |map: Map, s: f64| match map.measure(s) {
        Measure::Rate(rate) => rate,
        _ => None,
    };
    let (mine, theirs) = (rate(own, mine)?, rate(reference, theirs)?);
    Some(Measure::Rate(Some(mine)).meets(&in_step_goal(theirs, tolerance)))
}

/// Counts the goals that read only values without noise: each path gives
/// the plan's own verdict, so it is found once, for every path.
pub(super) fn settle_certain(layout: &Layout, tally: &mut Tally) {
    let (paths, horizon) = (layout.paths, layout.horizon);
    let never = horizon + LATER_YEARS + 1;
    for (g, judge) in layout.judges.iter().enumerate() {
        if !layout.certain[g] {
            continue;
        }
        // None where what the goal is judged on does not exist.
        let verdict = match judge {
            Judge::Stated { .. } => layout.test(g, horizon).and_then(|test| {
                let holds = test.holds(0.0);
                (holds || !test.undefined(0.0)).then_some(holds)
            }),
            Judge::InStep {
                own,
                reference,
                tolerance,
            } => in_step(own.1, reference.1, *tolerance, 0.0, 0.0),
        };
        match verdict {
            Some(holds) => tally.met[g] = paths * u64::from(holds),
            None => tally.undefined[g] = paths,
        }
        if layout.goals[g].kind == GoalKind::Level {
            let holds = (0..).map_while(|k| layout.test(g, k)).map(|t| t.holds(0.0));
            let k = first_year_held(holds, horizon).unwrap_or(never);
            tally.years[g][k] = paths;
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
