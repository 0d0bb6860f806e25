//! The coupled improvement model, advancing trials week by week, four at a
//! time.
//!
//! Internally every metric is held as a cost, lower is better: deployment
//! frequency as the interval between deployments (days), the others as they
//! are. Each metric approaches its floor as `floor + gap·(1 − closure)` per
//! successful PDCA cycle (domain.md §4, bounded approach), so no trial ever
//! crosses a bound; erosion and failed experiments widen the gap, capped at
//! the worst value DORA's tables describe.
//!
//! Trials advance four at a time ([`crate::lanes`]) in single precision:
//! seven significant digits, where the app shows three and the Monte Carlo
//! error is larger still, for twice the trials per vector.

use flywheel_core::model::import::Measured;

use crate::lanes::{each_metric, per_metric, Streams, F4, U4};
use crate::random::{Chance, LogNormalTable, NormalTable};
use flywheel_core::model::plan::Plan;

/// Index of each metric in a state array.
pub const DF: usize = 0;
pub const LT: usize = 1;
pub const CFR: usize = 2;
pub const RT: usize = 3;
pub const RW: usize = 4;

/// Worst costs a metric erodes to: one deployment per six months, a
/// six-month lead time, 100% failures, a month to recover, 100% rework.
const CAPS: [f64; 5] = [182.5, 4380.0, 100.0, 730.0, 100.0];

/// Converts canonical values (deploys/day, hours, %) to costs.
pub fn to_cost(values: [f64; 5]) -> [f64; 5] {
    let mut c = values;
    c[DF] = if values[DF] > 0.0 {
        (1.0 / values[DF]).min(CAPS[DF])
    } else {
        CAPS[DF]
    };
    for (v, cap) in c.iter_mut().zip(CAPS) {
        *v = v.min(cap);
    }
    c
}

/// Converts a cost back to the metric's canonical value.
pub fn from_cost(index: usize, cost: f64) -> f64 {
    if index == DF {
        1.0 / cost
    } else {
        cost
    }
}

/// How week-to-week variation is drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Noise {
    /// Per metric: multipliers resampled from the team's own history
    /// (bootstrap, domain.md §5). Empty: draw log-normal noise instead.
    pub empirical: [Vec<f64>; 5],
}

impl Noise {
    /// Variation resampled from imported history (domain.md §5: draw past
    /// weeks with replacement, zero weeks included). Deployment frequency
    /// takes each full week's count relative to the mean; a zero week is a
    /// week without deployments, the longest interval the model allows.
    /// Lead and recovery samples are per change, not per week, so those
    /// metrics keep the log-normal variation. Fewer than four weeks of
    /// history is too little to resample, and changes nothing.
    pub fn from_measured(measured: &Measured) -> Noise {
        let weeks = &measured.weekly_deploys;
        let mean = weeks.iter().map(|&n| f64::from(n)).sum::<f64>() / weeks.len().max(1) as f64;
        let mut noise = Noise::default();
        if weeks.len() >= 4 && mean > 0.0 {
            // The model holds the interval between deployments: a busier
            // week is a shorter interval.
            noise.empirical[DF] = weeks
                .iter()
                .map(|&n| {
                    if n == 0 {
                        f64::INFINITY
                    } else {
                        mean / f64::from(n)
                    }
                })
                .collect();
        }
        noise
    }
}

pub use crate::freeze::Freeze;

/// The costs of the trials in one block, per metric.
///
/// Every clamp below names its bound first: `bound.min(x)` gives the bound
/// when `x` is NaN (a baseline so small it rounds to 0 in single precision
/// makes `0 × ∞`), so no NaN reaches a measurement.
pub type Block = [F4; 5];

/// `x` in single precision, rounded up when rounding to nearest would land
/// below it: a floor held this way is never crossed in double precision.
fn rounded_up(x: f64) -> f32 {
    let y = x as f32;
    if f64::from(y) < x {
        y.next_up()
    } else {
        y
    }
}

/// The multiplier a table holds for the 12 bits of each lane of `index`.
#[inline(always)]
fn look_up(table: &LogNormalTable, index: U4) -> F4 {
    F4::new(index.to_array().map(|i| table.at(i)))
}

/// Everything fixed for a run, precomputed from the plan and the baseline,
/// as the vectors the trial loop uses.
pub struct Model {
    start: Block,
    floor: Block,
    caps: Block,
    /// The highest cost a measurement shows per metric.
    ceiling: Block,
    /// Closure per successful cycle at the plan's capacity, per metric, and
    /// whether it is above zero (no draw is spent otherwise).
    closure: Block,
    improves: [bool; 5],
    /// Multiplier on every cost per week, `erosion_pct_per_week`.
    erosion: F4,
    /// Week-to-week variation, `noise_pct` as σ.
    weekly: LogNormalTable,
    /// Spread of a successful cycle's effect, `effect_spread_pct` as σ.
    spread: LogNormalTable,
    /// A cycle's experiment succeeding, `success_pct`.
    success: Chance,
    /// Growth of the gap when an experiment fails, `setback_pct` as a share.
    setback: F4,
    coupled: bool,
    recovery_to_frequency: F4,
    frequency_to_flow: F4,
    reinvest_share: F4,
    /// `1/start` per metric and `1/start_firefight` (`None` without
    /// firefighting): a multiply costs a fraction of a division.
    inv_start: Block,
    inv_start_firefight: Option<F4>,
    /// Whether weeks vary (`noise_pct` above 0).
    noisy: bool,
    /// Per metric: multipliers resampled from history (empty: the table's).
    empirical: [Vec<f32>; 5],
    /// Multipliers on the measured costs for what a freeze policy costs in
    /// delivery (1 without one).
    delivery: Block,
    /// Hours added to the measured costs for a freeze policy's wait (0
    /// without one; only lead time has any).
    added: Block,
    cycle_weeks: u32,
    lag_weeks: u32,
}

/// Bad hours per day spent firefighting, failures per day × recovery time,
/// in hundredths (the change failure rate stays a percentage): only its
/// ratio to the start's is used.
fn firefight(cost: &[f64; 5]) -> f64 {
    cost[CFR] * cost[RT] / cost[DF]
}

impl Model {
    /// Prepares a run from canonical baseline values. `effect_scale` scales
    /// one metric's effect (goal-seek). With a `freeze` policy
    /// ([`crate::freeze`]), part of the frozen time is reliability work: it
    /// adds to the improvement capacity on change failure rate and recovery
    /// time, capped; measured deployment frequency bears the freeze in
    /// proportion to the days frozen, and lead time the hours changes wait.
    pub fn new(
        plan: &Plan,
        baseline: [f64; 5],
        noise: &Noise,
        effect_scale: Option<(usize, f64)>,
        freeze: Option<Freeze>,
    ) -> Model {
        // `+ 0.0` turns a typed "-0" into 0, whose bit pattern orders as
        // the histogram of measurements needs.
        let start = to_cost(baseline).map(|c| c as f32 + 0.0);
        let b = &plan.bounds;
        let bound = [
            1.0 / b.max_deploys_per_day,
            b.min_lead_time_hours,
            b.min_change_failure_rate,
            b.min_recovery_hours,
            b.min_rework_rate,
        ];
        // A baseline already better than a bound keeps its own value as floor.
        let floor: [f32; 5] = std::array::from_fn(|m| (rounded_up(bound[m]) + 0.0).min(start[m]));
        let reliability_pct = freeze.map_or(0.0, |f| f.reliability_capacity_pct());
        let effects = plan.effect_pct.to_array();
        let closure: [f64; 5] = std::array::from_fn(|m| {
            let scale = match effect_scale {
                Some((i, s)) if i == m => s,
                _ => 1.0,
            };
            let extra = if m == CFR || m == RT {
                reliability_pct
            } else {
                0.0
            };
            // Effects are stated at the seed's 10% of capacity.
            effects[m] / 100.0 * (plan.capacity_pct + extra) / 10.0 * scale
        });
        let mut delivery = [1.0; 5];
        let mut added = [0.0; 5];
        if let Some(f) = freeze {
            // The model holds the interval between deployments: fewer
            // deployments is a longer interval (none at all is the longest
            // the measurement shows, its ceiling).
            delivery[DF] = 1.0 / f.deploy_multiplier();
            added[LT] = f.lead_wait_hours(baseline[LT]);
        }
        let normal = NormalTable::new();
        let start_firefight = firefight(&start.map(f64::from));
        let c = &plan.coupling;
        let splat = |values: [f64; 5]| values.map(|v| F4::splat(v as f32));
        Model {
            start: start.map(F4::splat),
            floor: floor.map(F4::splat),
            caps: splat(CAPS),
            ceiling: std::array::from_fn(|m| F4::splat((CAPS[m] as f32).max(start[m]))),
            closure: splat(closure),
            improves: closure.map(|c| c > 0.0),
            erosion: F4::splat((1.0 + plan.erosion_pct_per_week / 100.0) as f32),
            weekly: normal.log_normal(plan.noise_pct / 100.0),
            spread: normal.log_normal(plan.effect_spread_pct / 100.0),
            success: Chance::new(plan.success_pct / 100.0),
            setback: F4::splat((plan.setback_pct / 100.0) as f32),
            coupled: c.enabled,
            recovery_to_frequency: F4::splat(c.recovery_to_frequency as f32),
            frequency_to_flow: F4::splat(c.frequency_to_flow as f32),
            reinvest_share: F4::splat(c.reinvest_share as f32),
            inv_start: start.map(|v| F4::splat(1.0 / v)),
            inv_start_firefight: (start_firefight > 0.0)
                .then(|| F4::splat((1.0 / start_firefight) as f32)),
            noisy: plan.noise_pct > 0.0,
            empirical: std::array::from_fn(|m| {
                noise.empirical[m].iter().map(|&v| v as f32).collect()
            }),
            delivery: splat(delivery),
            added: splat(added),
            cycle_weeks: plan.cycle_weeks.max(1),
            lag_weeks: c.lag_weeks,
        }
    }

    /// Every trial's state before the first week.
    pub fn start(&self) -> Block {
        self.start
    }

    /// Whether the metrics feed each other, and with how many weeks' lag.
    pub fn coupling(&self) -> Option<u32> {
        self.coupled.then_some(self.lag_weeks)
    }

    /// The lowest and highest cost [`Model::observe`] can give for metric
    /// `m`.
    pub fn measured_range(&self, m: usize) -> (f32, f32) {
        (self.floor[m].to_array()[0], self.ceiling[m].to_array()[0])
    }

    /// Whether a PDCA cycle ends in `week`.
    pub fn ends_cycle(&self, week: u32) -> bool {
        week.is_multiple_of(self.cycle_weeks)
    }

    /// A week's erosion, the first part of advancing trials by a week.
    #[inline(always)]
    pub fn erode(&self, cost: &mut Block) {
        each_metric(|m| cost[m] = self.caps[m].min(cost[m] * self.erosion));
    }

    /// The second part of advancing trials by a week, in the weeks a cycle
    /// [ends](Model::ends_cycle): their experiments. `lagged` is the trials'
    /// state `coupling.lag_weeks` ago (the baseline early on). Draws from
    /// `streams` in a fixed order, and never for couplings, so switching
    /// coupling off leaves every other draw unchanged.
    #[inline(always)]
    pub fn cycle(&self, cost: &mut Block, lagged: &Block, streams: &mut Streams) {
        let one = F4::splat(1.0);
        let zero = F4::splat(0.0);
        let mut gain = [one; 5];
        let mut capacity_gain = one;
        if self.coupled {
            let relative = |m: usize| zero.max(one - lagged[m] * self.inv_start[m]);
            let rec = relative(RT);
            let freq = relative(DF);
            gain[DF] = one + self.recovery_to_frequency * rec;
            gain[LT] = one + self.frequency_to_flow * freq;
            gain[CFR] = gain[LT];
            if let Some(inv) = self.inv_start_firefight {
                let now = lagged[CFR] * lagged[RT] / lagged[DF];
                let freed = zero.max(one - now * inv);
                capacity_gain = one + self.reinvest_share * freed;
            }
        }
        let most = F4::splat(0.95);
        each_metric(|m| {
            if !self.improves[m] {
                return;
            }
            // One draw per metric and cycle, success or not: its low bits
            // decide the experiment and its top bits size the effect.
            let draw = streams.draw();
            let size = look_up(&self.spread, draw);
            // With `sign` -1 on success and 0 on failure, exactly one term
            // is zero and the other is the outcome's own factor, to the bit.
            let sign = self.success.signs(draw);
            let closure = most.min(self.closure[m] * gain[m] * capacity_gain * size);
            let factor = (one + sign * closure) + (one + sign) * self.setback;
            let gap = cost[m] - self.floor[m];
            cost[m] = self.caps[m].min(self.floor[m] + gap * factor);
        });
    }

    /// The costs a team would measure this week: the underlying costs with
    /// week-to-week variation, kept within the bounds ([`from_cost`] turns
    /// one into the metric's canonical unit).
    #[inline(always)]
    pub fn observe(&self, cost: &Block, streams: &mut Streams) -> Block {
        let mut factor = [F4::splat(1.0); 5];
        if self.noisy {
            // Three draws feed the five table samples, which read the top
            // 12 bits: each draw's own, and those of its low half.
            let (a, b, c) = (streams.draw(), streams.draw(), streams.draw());
            let samples = [a, a << 16, b, b << 16, c];
            factor = per_metric(|m| look_up(&self.weekly, samples[m]));
        }
        each_metric(|m| {
            let samples = &self.empirical[m];
            if !samples.is_empty() {
                // Multiply-shift maps a 32-bit draw onto the samples evenly.
                let draw = streams.draw().to_array();
                factor[m] = F4::new(
                    draw.map(|d| samples[((u64::from(d) * samples.len() as u64) >> 32) as usize]),
                );
            }
        });
        // Without a freeze `added` is 0, and `x + 0` is `x` to the bit.
        per_metric(|m| {
            self.floor[m]
                .max(self.ceiling[m].min(cost[m] * self.delivery[m] * factor[m] + self.added[m]))
        })
    }
}
