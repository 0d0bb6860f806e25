//! The Monte Carlo runner (domain.md §5). Trials advance in lock-step, week
//! by week, and only each week's percentiles are kept, not every
//! trajectory: 10,000 trials × 156 weeks need a few megabytes, not hundreds.
//!
//! Percentiles use the nearest-rank method. "85% chance of at least N" for
//! a higher-is-better metric is its 15th percentile; goal probabilities are
//! counted directly instead.

use crate::flywheel::{from_cost, Block, Freeze, Model, Noise};
use crate::lanes::{each_metric, Streams, LANES, U4};
use crate::random::seeded;
use flywheel_core::model::csv_out;
use flywheel_core::model::plan::{sim_index, Plan, SIM_METRICS};
use flywheel_core::model::Metric;

mod percentiles;

use self::percentiles::{Histogram, Keys, Selector};
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

/// Every trial's state as the weeks advance in lock-step, and what one
/// week reads and writes.
struct Lockstep<'a> {
    model: &'a Model,
    start: Block,
    /// Whether a cycle works from the state `lag_weeks` ago (`history`).
    coupled: bool,
    /// Weeks of history kept (the lag and this week).
    depth: usize,
    trials: usize,
    history: Vec<Block>,
    state: Vec<Block>,
    /// This week's measured costs (not canonical values) as bit patterns.
    observed: Vec<Keys>,
    streams: Streams,
}

impl<'a> Lockstep<'a> {
    /// `trials` trials of `model` at its start, drawing from `seed`.
    fn new(model: &'a Model, trials: usize, seed: u64) -> Self {
        let start = model.start();
        let blocks = trials.div_ceil(LANES);
        let lag = model.coupling();
        let depth = lag.map_or(1, |weeks| weeks as usize + 1);
        Lockstep {
            model,
            start,
            coupled: lag.is_some(),
            depth,
            trials,
            history: if lag.is_some() {
                vec![start; blocks * depth]
            } else {
                Vec::new()
            },
            state: vec![start; blocks],
            observed: vec![[U4::splat(0); 5]; blocks],
            streams: Streams::from_rng(&mut seeded(seed)),
        }
    }

    /// Advances every trial by week `week` and measures it; counts each
    /// measurement into `histograms` when the weeks' bands are kept, or
    /// keeps it for the targets when one falls `due` this week.
    ///
    /// Out of line (`#[inline(never)]`, and kept so by
    /// `scripts/wasm-opt-all.mjs`): a browser first runs a function's
    /// plainly compiled code and switches to its optimised code only at
    /// its next call, so the weeks inlined into one call would run plainly
    /// throughout a page's first run.
    #[inline(never)]
    fn advance<const BANDS: bool>(
        &mut self,
        week: u32,
        due: bool,
        histograms: &mut [Histogram; 5],
    ) {
        let model = self.model;
        let blocks = self.state.len();
        let lag_slot = (week as usize + 1) % self.depth;
        let write_slot = week as usize % self.depth;
        let cycle = model.ends_cycle(week);
        for (b, (held, keys)) in self
            .state
            .iter_mut()
            .zip(self.observed.iter_mut())
            .enumerate()
        {
            // A local copy stays in registers; through the reference every
            // store to the outputs would force it to be reloaded.
            let mut cost = *held;
            model.erode(&mut cost);
            if cycle {
                // Slots not yet written still hold the baseline, which is
                // the lagged state until `lag_weeks` have passed.
                let lagged = if self.coupled {
                    self.history[lag_slot * blocks + b]
                } else {
                    self.start
                };
                model.cycle(&mut cost, &lagged, &mut self.streams);
            }
            *held = cost;
            if self.coupled {
                self.history[write_slot * blocks + b] = cost;
            }
            // Measured every week all the same: the measurement's draws
            // keep the later weeks' random numbers where they belong.
            let seen = model.observe(&cost, &mut self.streams);
            if !BANDS && !due {
                continue;
            }
            // The last block's lanes past the trial count are simulated but
            // never counted.
            let live = (self.trials - b * LANES).min(LANES);
            each_metric(|m| {
                keys[m] = seen[m].to_bits();
                if BANDS {
                    histograms[m].add(keys[m], live);
                }
            });
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
    let mut lockstep = Lockstep::new(&model, trials, run.seed);
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
        let due = run.targets.iter().any(|t| t.week == week);
        lockstep.advance::<BANDS>(week, due, &mut histograms);
        let observed = &lockstep.observed;
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
                selector.band(observed, m, trials, &mut histograms[m])
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
