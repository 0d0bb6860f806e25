//! The Monte Carlo runner (domain.md §5). Trials advance in lock-step, week
//! by week, and only each week's percentiles are kept, not every
//! trajectory: 10,000 trials × 156 weeks need a few megabytes, not hundreds.
//!
//! Percentiles use the nearest-rank method. "85% chance of at least N" for
//! a higher-is-better metric is its 15th percentile; goal probabilities are
//! counted directly instead.

use crate::flywheel::{from_cost, Freeze, Model, Noise, DF};
use crate::lanes::{each_metric, in_any, Streams, LANES, U4};
use crate::random::seeded;
use flywheel_core::model::csv_out;
use flywheel_core::model::plan::{sim_index, Plan, SIM_METRICS};
use flywheel_core::model::Metric;

pub use flywheel_core::chart::fan::Band;
pub use flywheel_core::model::plan::{MAX_TRIALS, MAX_WEEKS};

/// A goal as the simulation checks it: a metric must reach a threshold by a
/// week, optionally while a guard metric stays within its limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    pub metric: Metric,
    /// The value to reach, in the metric's canonical unit.
    pub threshold: f64,
    /// The week (from the start) it must be reached by.
    pub week: u32,
    /// A metric and the limit it must not cross at that week.
    pub guard: Option<(Metric, f64)>,
}

impl Target {
    /// Whether `value` of `metric` satisfies `limit` in the metric's better
    /// direction.
    pub fn satisfies(metric: Metric, value: f64, limit: f64) -> bool {
        if metric.higher_is_better() {
            value >= limit
        } else {
            value <= limit
        }
    }
}

/// How often a target was met.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TargetOutcome {
    /// Share of trials reaching the threshold by its week.
    pub p_meet: f64,
    /// Share of trials whose guard held at that week (`None`: no guard).
    pub p_guard: Option<f64>,
    /// Share of trials doing both.
    pub p_both: f64,
}

/// How often a run met each of its targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    /// Trials simulated ([`trials_run`]).
    pub trials: u32,
    pub weeks: u32,
    /// One per target, in the run's order.
    pub targets: Vec<TargetOutcome>,
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub trials: u32,
    pub weeks: u32,
    /// `bands[week][metric]`, week 0 being the baseline, metrics in
    /// [`SIM_METRICS`] order.
    pub bands: Vec<[Band; 5]>,
    pub targets: Vec<TargetOutcome>,
}

impl Outcome {
    /// The bands of one metric over time.
    pub fn series(&self, metric: Metric) -> Vec<Band> {
        match sim_index(metric) {
            Some(i) => self.bands.iter().map(|w| w[i]).collect(),
            None => Vec::new(),
        }
    }
}

/// What to run.
pub struct Run<'a> {
    pub plan: &'a Plan,
    /// Canonical baseline values in [`SIM_METRICS`] order.
    pub baseline: [f64; 5],
    pub weeks: u32,
    pub trials: u32,
    pub seed: u64,
    pub targets: &'a [Target],
    pub noise: &'a Noise,
    /// The error-budget freeze policy's effect, when the plan runs under it.
    pub freeze: Option<Freeze>,
}

/// Most trial-weeks (trials × weeks) one run simulates: 60,000 trials over
/// a year, 30,000 over two, 20,000 over the longest horizon. The work of a
/// run is this bound at most, whatever the settings. The costliest plan the
/// limits allow (a cycle every week, the largest variation and lag) takes
/// about 100 ns a trial-week natively, so about 0.3 s; the presets take
/// 28–42 ns in the browser and 32–60 ns natively.
pub const MAX_TRIAL_WEEKS: u32 = 3_120_000;

/// Runs one goal-seek search makes at most: the two ends, then 16 halvings.
pub const GOAL_SEEK_RUNS: u32 = 18;

/// The trials a run of `weeks` weeks simulates when `requested` are asked
/// for: the request (1 to [`MAX_TRIALS`]), fewer when it would pass
/// [`MAX_TRIAL_WEEKS`]. [`Outcome::trials`] reports it, so a screen can say
/// when fewer ran than were asked for.
pub fn trials_run(requested: u32, weeks: u32) -> u32 {
    let weeks = weeks.clamp(1, MAX_WEEKS);
    requested
        .clamp(1, MAX_TRIALS)
        .min((MAX_TRIAL_WEEKS / weeks).max(1))
}

/// The trials each of a goal-seek's runs simulates over `weeks` weeks when
/// `requested` are asked for: an equal share of [`MAX_TRIAL_WEEKS`] among
/// [`GOAL_SEEK_RUNS`] runs, or the request if smaller.
pub fn goal_seek_trials(requested: u32, weeks: u32) -> u32 {
    let weeks = weeks.clamp(1, MAX_WEEKS);
    trials_run(requested, weeks).min((MAX_TRIAL_WEEKS / GOAL_SEEK_RUNS / weeks).max(1))
}

fn rank(p: f64, n: usize) -> usize {
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
struct Histogram {
    counts: Box<[u32; BUCKETS]>,
    base: u32,
    top: u32,
    shift: u32,
}

impl Histogram {
    /// For keys of values in `low..=high`.
    fn new(low: f32, high: f32) -> Self {
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
    fn add(&mut self, keys: U4, live: usize) {
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
type Keys = [U4; 5];

/// Scratch space reused by [`Selector::select`] across weeks.
struct Selector {
    /// The keys in the buckets holding a wanted rank.
    gathered: Vec<u32>,
    /// The keys in one of them.
    bucket: Vec<u32>,
}

impl Selector {
    fn new() -> Self {
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
    fn select(
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
    fn band(&mut self, blocks: &[Keys], m: usize, trials: usize, counts: &mut Histogram) -> Band {
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

/// Runs the simulation; `effect_scale` multiplies one metric's effect
/// (used by [`goal_seek`]). With `BANDS` false it only counts the targets:
/// every trial draws exactly as it would with them (the same random
/// numbers in the same order), so the counts are the same, but no week's
/// measurements are kept or ranked except where a target falls due.
fn simulate<const BANDS: bool>(
    run: &Run,
    effect_scale: Option<(usize, f64)>,
) -> (Counted, Vec<[Band; 5]>) {
    let weeks = run.weeks.min(MAX_WEEKS);
    let trials = trials_run(run.trials, weeks) as usize;
    let model = Model::new(run.plan, run.baseline, run.noise, effect_scale, run.freeze);
    let mut streams = Streams::from_rng(&mut seeded(run.seed));
    let start = model.start();
    let blocks = trials.div_ceil(LANES);

    let lag = model.coupling();
    let depth = lag.map_or(1, |weeks| weeks as usize + 1);
    let mut history = if lag.is_some() {
        vec![start; blocks * depth]
    } else {
        Vec::new()
    };
    let mut state = vec![start; blocks];
    // This week's measured costs (not canonical values) as bit patterns.
    let mut observed: Vec<Keys> = vec![[U4::splat(0); 5]; blocks];

    let mut counts = vec![(0u32, 0u32, 0u32); run.targets.len()];

    let mut bands = Vec::new();
    if BANDS {
        bands.reserve(weeks as usize + 1);
        bands.push(std::array::from_fn(|m| {
            let v = run.baseline[m];
            Band {
                p10: v,
                p50: v,
                p85: v,
                p90: v,
                p95: v,
            }
        }));
    }

    let mut selector = Selector::new();
    let mut histograms: [Histogram; 5] = std::array::from_fn(|m| {
        let (low, high) = model.measured_range(m);
        Histogram::new(low, high)
    });
    for week in 1..=weeks {
        let lag_slot = (week as usize + 1) % depth;
        let write_slot = week as usize % depth;
        let cycle = model.ends_cycle(week);
        let due = run.targets.iter().any(|t| t.week == week);
        for (b, (held, keys)) in state.iter_mut().zip(observed.iter_mut()).enumerate() {
            // A local copy stays in registers; through the reference every
            // store to the outputs would force it to be reloaded.
            let mut cost = *held;
            model.erode(&mut cost);
            if cycle {
                // Slots not yet written still hold the baseline, which is
                // the lagged state until `lag_weeks` have passed.
                let lagged = if lag.is_some() {
                    history[lag_slot * blocks + b]
                } else {
                    start
                };
                model.cycle(&mut cost, &lagged, &mut streams);
            }
            *held = cost;
            if lag.is_some() {
                history[write_slot * blocks + b] = cost;
            }
            // Measured every week all the same: the measurement's draws
            // keep the later weeks' random numbers where they belong.
            let seen = model.observe(&cost, &mut streams);
            if !BANDS && !due {
                continue;
            }
            // The last block's lanes past the trial count are simulated but
            // never counted.
            let live = (trials - b * LANES).min(LANES);
            each_metric(|m| {
                keys[m] = seen[m].to_bits();
                if BANDS {
                    histograms[m].add(keys[m], live);
                }
            });
        }
        for (target, count) in run.targets.iter().zip(counts.iter_mut()) {
            if target.week != week {
                continue;
            }
            let Some(ti) = sim_index(target.metric) else {
                continue;
            };
            let guard = target
                .guard
                .and_then(|(m, limit)| Some((m, sim_index(m)?, limit)));
            let value = |m: usize, i: usize| {
                let key = observed[i / LANES][m].to_array()[i % LANES];
                from_cost(m, f64::from(f32::from_bits(key)))
            };
            for i in 0..trials {
                let met = Target::satisfies(target.metric, value(ti, i), target.threshold);
                let held =
                    guard.is_none_or(|(m, gi, limit)| Target::satisfies(m, value(gi, i), limit));
                count.0 += u32::from(met);
                count.1 += u32::from(held);
                count.2 += u32::from(met && held);
            }
        }
        if BANDS {
            bands.push(std::array::from_fn(|m| {
                selector.band(&observed, m, trials, &mut histograms[m])
            }));
        }
    }

    let n = trials as f64;
    let targets = run
        .targets
        .iter()
        .zip(counts)
        .map(|(target, (met, held, both))| {
            if target.week == 0 || target.week > weeks {
                // Never reached inside the horizon: judge on the baseline.
                let met = sim_index(target.metric).is_some_and(|i| {
                    target.week == 0
                        && Target::satisfies(target.metric, run.baseline[i], target.threshold)
                });
                let p = if met { 1.0 } else { 0.0 };
                return TargetOutcome {
                    p_meet: p,
                    p_guard: target.guard.map(|_| p),
                    p_both: p,
                };
            }
            TargetOutcome {
                p_meet: f64::from(met) / n,
                p_guard: target.guard.map(|_| f64::from(held) / n),
                p_both: f64::from(both) / n,
            }
        })
        .collect();
    let counted = Counted {
        trials: trials as u32,
        weeks,
        targets,
    };
    (counted, bands)
}

/// Runs the Monte Carlo simulation.
pub fn run(run: &Run) -> Outcome {
    let (counted, bands) = simulate::<true>(run, None);
    Outcome {
        trials: counted.trials,
        weeks: counted.weeks,
        bands,
        targets: counted.targets,
    }
}

/// How often each target was met in the run [`run`] makes of `run`, to
/// the bit, without the weekly percentiles: for a screen that shows only
/// the goals' chances, at a fraction of the work.
pub fn count(run: &Run) -> Counted {
    simulate::<false>(run, None).0
}

/// The effect per successful cycle (% of the remaining gap, at the plan's
/// capacity) the target's metric needs for the target to be met with
/// probability `confidence`, found by bisection with common random numbers.
/// `None` when even a cycle closing 95% of the gap is not enough.
///
/// The whole search simulates at most [`MAX_TRIAL_WEEKS`] trial-weeks, as
/// one run does: each of its at most [`GOAL_SEEK_RUNS`] runs takes an
/// equal share (the Simulate screen's 1,000 trials fit at every horizon).
pub fn goal_seek(run: &Run, target: Target, confidence: f64) -> Option<f64> {
    let index = sim_index(target.metric)?;
    let targets = [target];
    let probe = Run {
        targets: &targets,
        trials: goal_seek_trials(run.trials, run.weeks),
        ..*run
    };
    let base_effect = run.plan.effect_pct.to_array()[index].max(0.01);
    let capacity = run.plan.capacity_pct / 10.0;
    if capacity <= 0.0 {
        return None;
    }
    let p_at = |effect: f64| {
        let (counted, _) = simulate::<false>(&probe, Some((index, effect / base_effect)));
        counted.targets[0].p_both
    };
    // The largest useful effect: a cycle that closes 95% of the gap.
    let max_effect = 95.0 / capacity;
    if p_at(max_effect) < confidence {
        return None;
    }
    let (mut lo, mut hi) = (0.0, max_effect);
    if p_at(lo) >= confidence {
        return Some(0.0);
    }
    for _ in 0..16 {
        let mid = 0.5 * (lo + hi);
        if p_at(mid) >= confidence {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// The runs' weekly percentiles as CSV, one row per plan, week and metric,
/// in each metric's canonical unit (deploys per day, hours, %). Text
/// fields go through [`csv_out::field`]: quoted as RFC 4180 asks, and a
/// plan name that would start a spreadsheet formula neutralised.
pub fn results_csv(runs: &[(&str, &Outcome)]) -> String {
    let mut out = String::from("plan,week,metric,unit,p10,p50,p85,p90,p95\n");
    for (plan, outcome) in runs {
        let plan = csv_out::field(plan);
        for (week, bands) in outcome.bands.iter().enumerate() {
            for (metric, b) in SIM_METRICS.iter().zip(bands) {
                out.push_str(&format!(
                    "{plan},{week},{},{},{},{},{},{},{}\n",
                    metric.key(),
                    csv_out::field(metric.canonical_unit()),
                    b.p10,
                    b.p50,
                    b.p85,
                    b.p90,
                    b.p95
                ));
            }
        }
    }
    out
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
