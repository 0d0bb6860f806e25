//! Each week's percentiles of 10,000 trials without sorting them: a
//! histogram of the measurements' bit patterns counted as they are
//! written, then a selection inside the few buckets that hold the wanted
//! ranks (nearest-rank method, domain.md §5).

use super::Band;
use crate::flywheel::{from_cost, DF};
use crate::lanes::{in_any, LANES, U4};

pub(super) fn rank(p: f64, n: usize) -> usize {
    ((p * n as f64).ceil() as usize).clamp(1, n) - 1
}

/// The percentiles a [`Band`] holds, ascending.
const PERCENTILES: [f64; 5] = [0.10, 0.50, 0.85, 0.90, 0.95];

const BUCKET_BITS: u32 = 12;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// Counts of one metric's keys in 4,096 buckets spanning the range every
/// measurement of it lies in, filled as the keys are written so that the
/// selection needs no pass of its own to count them. Keys are the bit
/// patterns of non-negative finite `f32`s (measurements are clamped
/// between their floor and ceiling, and -0 is made 0), which order exactly as the
/// numbers do; equal-width buckets of bit patterns are about equally wide
/// relative to the values in them, so even a range of many orders of
/// magnitude resolves a concentrated distribution finely.
pub(super) struct Histogram {
    counts: Box<[u32; BUCKETS]>,
    base: u32,
    top: u32,
    shift: u32,
}

impl Histogram {
    /// For keys of values in `low..=high`.
    pub(super) fn new(low: f32, high: f32) -> Self {
        let (base, top) = (low.to_bits(), high.to_bits());
        let span = top - base;
        Histogram {
            counts: Box::new([0; BUCKETS]),
            base,
            top,
            shift: (32 - span.leading_zeros()).saturating_sub(BUCKET_BITS),
        }
    }

    #[inline(always)]
    fn bucket(&self, key: u32) -> usize {
        debug_assert!((self.base..=self.top).contains(&key), "{key:x}");
        // The mask never changes an index in range; it lets the compiler
        // drop the bounds check.
        ((key - self.base) >> self.shift) as usize & (BUCKETS - 1)
    }

    /// Counts the first `live` lanes' keys.
    #[inline(always)]
    pub(super) fn add(&mut self, keys: U4, live: usize) {
        debug_assert!(keys.to_array()[..live]
            .iter()
            .all(|k| (self.base..=self.top).contains(k)));
        let buckets = (((keys - U4::splat(self.base)) >> self.shift)
            & U4::splat(BUCKETS as u32 - 1))
        .to_array();
        for &b in &buckets[..live] {
            self.counts[b as usize] += 1;
        }
    }

    /// For each of `ranks` (0-based, ascending, below the count of keys):
    /// the bucket holding it and its position inside that bucket. Groups of
    /// 64 buckets are skipped on their sum, which the compiler vectorises;
    /// only a group holding a wanted rank is walked bucket by bucket.
    fn locate(&self, ranks: [usize; 5]) -> [(usize, usize); 5] {
        const GROUP: usize = 64;
        let mut wanted = [(0, 0); 5];
        let mut seen = 0;
        let mut next = 0;
        for (g, group) in self.counts.chunks_exact(GROUP).enumerate() {
            let total = group.iter().sum::<u32>() as usize;
            if ranks[next] >= seen + total {
                seen += total;
                continue;
            }
            for (i, &count) in group.iter().enumerate() {
                let count = count as usize;
                while next < ranks.len() && ranks[next] < seen + count {
                    wanted[next] = (g * GROUP + i, ranks[next] - seen);
                    next += 1;
                }
                seen += count;
            }
            if next == ranks.len() {
                break;
            }
        }
        debug_assert_eq!(next, ranks.len(), "the counts hold fewer keys than ranked");
        wanted
    }

    /// The keys bucket `b` holds, as `start` and width.
    fn range(&self, b: usize) -> (u32, u32) {
        (self.base + ((b as u32) << self.shift), 1 << self.shift)
    }
}

/// One week's measured costs as `f32` bit patterns, per block of trials and
/// metric.
pub(super) type Keys = [U4; 5];

/// Scratch space reused by [`Selector::select`] across weeks.
pub(super) struct Selector {
    /// The keys in the buckets holding a wanted rank.
    gathered: Vec<u32>,
    /// The keys in one of them.
    bucket: Vec<u32>,
}

impl Selector {
    pub(super) fn new() -> Self {
        Selector {
            gathered: Vec::new(),
            bucket: Vec::new(),
        }
    }

    /// The keys of metric `m` at 0-based positions `ranks` (ascending) in
    /// sorted order, over the first `trials` lanes of `blocks`, by radix
    /// selection: `counts` (holding exactly those keys) shows which buckets
    /// hold the wanted ranks, one pass gathers the few keys in those
    /// buckets, and those are selected exactly. Empties `counts` for the
    /// next week.
    pub(super) fn select(
        &mut self,
        blocks: &[Keys],
        m: usize,
        trials: usize,
        counts: &mut Histogram,
        ranks: [usize; 5],
    ) -> [u32; 5] {
        let wanted = counts.locate(ranks);
        // Each wanted bucket is a range of keys, tested four keys at a time
        // as `key - start < width`; only the few blocks with a key inside
        // one are looked at lane by lane.
        let ranges = wanted.map(|(b, _)| counts.range(b));
        self.gathered.clear();
        let full = trials / LANES;
        let inside = |key: &&u32| in_any(**key, &ranges);
        for block in &blocks[..full] {
            if block[m].any_in(&ranges) {
                self.gathered
                    .extend(block[m].to_array().iter().filter(inside));
            }
        }
        if let Some(last) = blocks.get(full) {
            let live = trials - full * LANES;
            self.gathered
                .extend(last[m].to_array()[..live].iter().filter(inside));
        }
        let mut out = [0; 5];
        for (slot, &(bucket, offset)) in out.iter_mut().zip(&wanted) {
            self.bucket.clear();
            self.bucket.extend(
                self.gathered
                    .iter()
                    .filter(|&&k| counts.bucket(k) == bucket),
            );
            let (_, v, _) = self.bucket.select_nth_unstable(offset);
            *slot = *v;
        }
        counts.counts.fill(0);
        out
    }

    /// Exact nearest-rank percentiles of metric `m` over the first `trials`
    /// lanes of `blocks`.
    pub(super) fn band(
        &mut self,
        blocks: &[Keys],
        m: usize,
        trials: usize,
        counts: &mut Histogram,
    ) -> Band {
        let ranks = PERCENTILES.map(|p| rank(p, trials));
        let values = if m == DF {
            // Deployment frequency is held as the interval between
            // deployments: the frequency's k-th smallest is the interval's
            // k-th largest, and 1/x never reverses an order, so inverting the
            // selected intervals gives exactly what inverting every trial's
            // first would, with five divisions instead of one per trial.
            let picked = self.select(
                blocks,
                m,
                trials,
                counts,
                [4, 3, 2, 1, 0].map(|j| trials - 1 - ranks[j]),
            );
            [4, 3, 2, 1, 0].map(|j| from_cost(m, f64::from(f32::from_bits(picked[j]))))
        } else {
            self.select(blocks, m, trials, counts, ranks)
                .map(|k| f64::from(f32::from_bits(k)))
        };
        Band {
            p10: values[0],
            p50: values[1],
            p85: values[2],
            p90: values[3],
            p95: values[4],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::uniform;
    use crate::lanes::F4;
    use crate::random::seeded;

    fn sorted_band(values: &[f64]) -> Band {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let at = |p: f64| v[rank(p, v.len())];
        Band {
            p10: at(0.10),
            p50: at(0.50),
            p85: at(0.85),
            p90: at(0.90),
            p95: at(0.95),
        }
    }

    #[test]
    fn radix_selection_equals_a_full_sort() {
        let mut rng = seeded(5);
        let mut selector = Selector::new();
        // Metric 1 (lead time) in blocks as a run holds them, counted over
        // a range wider than the keys', as a run's counts are.
        let blocked = |values: &[f32]| {
            let mut counts = Histogram::new(0.5, 1e7);
            let blocks: Vec<Keys> = values
                .chunks(LANES)
                .map(|chunk| {
                    let mut lanes = [0.5f32; LANES];
                    lanes[..chunk.len()].copy_from_slice(chunk);
                    let keys = F4::new(lanes).to_bits();
                    counts.add(keys, chunk.len());
                    [keys; 5]
                })
                .collect();
            (blocks, counts)
        };
        for (n, spread) in [(1, 1.0), (7, 1.0), (1000, 1e-5), (10_000, 3.0), (5001, 1e6)] {
            let values: Vec<f32> = (0..n)
                .map(|_| (1.0 + spread * uniform(&mut rng)) as f32)
                .collect();
            let (blocks, mut counts) = blocked(&values);
            let wide: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
            assert_eq!(
                selector.band(&blocks, 1, n, &mut counts),
                sorted_band(&wide),
                "n={n} spread={spread}"
            );
            // Deployment frequency (metric 0) is selected as intervals and
            // inverted.
            let (blocks, mut counts) = blocked(&values);
            let frequencies: Vec<f64> = wide.iter().map(|v| 1.0 / v).collect();
            assert_eq!(
                selector.band(&blocks, DF, n, &mut counts),
                sorted_band(&frequencies),
                "frequency n={n} spread={spread}"
            );
        }
        let (blocks, mut counts) = blocked(&[2.5; 100]);
        assert_eq!(selector.band(&blocks, 1, 100, &mut counts).p50, 2.5);
    }
}
