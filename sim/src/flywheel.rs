//! One trial of the coupled improvement model, week by week.
//!
//! Internally every metric is held as a cost, lower is better: deployment
//! frequency as the interval between deployments (days), the others as they
//! are. Each metric approaches its floor as `floor + gap·(1 − closure)` per
//! successful PDCA cycle (domain.md §4, bounded approach), so no trial ever
//! crosses a bound; erosion and failed experiments widen the gap, capped at
//! the worst value DORA's tables describe.

use flywheel_core::model::import::Measured;
use rand_core::RngCore;

use crate::random::{uniform, Chance, LogNormalTable, NormalTable, SAMPLE_BITS};
use flywheel_core::model::plan::{Plan, SIM_METRICS};

/// Index of each metric in a state array.
pub const DF: usize = 0;
pub const LT: usize = 1;
pub const CFR: usize = 2;
pub const RT: usize = 3;
pub const RW: usize = 4;

/// Worst costs a metric erodes to: one deployment per six months, a
/// six-month lead time, 100% failures, a month to recover, 100% rework.
const CAPS: [f64; 5] = [182.5, 4380.0, 100.0, 730.0, 100.0];

/// `a.min(b)` for the finite values the model holds, as a plain compare:
/// `f64::min`'s NaN handling becomes a library call in the hot loop.
#[inline(always)]
fn lesser(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// `a.max(b)` for finite values; see [`lesser`].
#[inline(always)]
fn greater(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

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

/// What an error-budget freeze policy does to delivery, from its own Monte
/// Carlo (`budget::simulate_freeze`, domain.md §3): while frozen, feature
/// deployments wait, and the time goes to reliability work.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Freeze {
    /// Share of time feature deployments are frozen, 0–1.
    pub frozen_fraction: f64,
    /// Deployment frequency with the policy relative to without (≤ 1).
    pub deploy_factor: f64,
    /// Lead time with the policy relative to without (≥ 1).
    pub lead_factor: f64,
}

/// Everything fixed for a run, precomputed from the plan and the baseline.
pub struct Model<'a> {
    pub plan: &'a Plan,
    pub start: [f64; 5],
    pub floor: [f64; 5],
    /// Closure per successful cycle at the plan's capacity, per metric.
    pub closure: [f64; 5],
    pub noise: &'a Noise,
    /// Week-to-week variation, `noise_pct` as σ.
    weekly: LogNormalTable,
    /// Spread of a successful cycle's effect, `effect_spread_pct` as σ.
    spread: LogNormalTable,
    start_firefight: f64,
    /// `1/start` per metric and `1/start_firefight` (0 without firefighting):
    /// the coupling compares with the start once per trial and cycle, and
    /// a multiply costs a fraction of a division.
    inv_start: [f64; 5],
    inv_start_firefight: f64,
    /// The highest cost a measurement shows per metric.
    ceiling: [f64; 5],
    /// Whether weeks vary (`noise_pct` above 0), and whether any metric's
    /// variation is resampled from history instead of drawn.
    noisy: bool,
    resampled: bool,
    /// Multiplier on every cost per week, `erosion_pct_per_week`.
    erosion: f64,
    /// A cycle's experiment succeeding, `success_pct`.
    success: Chance,
    /// Growth of the gap when an experiment fails, `setback_pct` as a share.
    setback: f64,
    /// Multipliers on the measured costs for what a freeze policy costs in
    /// delivery (1 without one).
    delivery: [f64; 5],
}

/// Bad hours per day spent firefighting, failures per day × recovery time,
/// in hundredths (the change failure rate stays a percentage): only its
/// ratio to the start's is used, and one division is cheaper than two.
fn firefight(cost: &[f64; 5]) -> f64 {
    cost[CFR] * cost[RT] / cost[DF]
}

impl<'a> Model<'a> {
    /// Prepares a run from canonical baseline values. `effect_scale` scales
    /// one metric's effect (goal-seek). With a `freeze` policy, time frozen
    /// is reliability work: it adds to the improvement capacity on change
    /// failure rate and recovery time (the team's whole capacity for the
    /// frozen share of the time), while measured deployment frequency and
    /// lead time bear the freeze's cost.
    pub fn new(
        plan: &'a Plan,
        baseline: [f64; 5],
        noise: &'a Noise,
        effect_scale: Option<(usize, f64)>,
        freeze: Option<Freeze>,
    ) -> Model<'a> {
        let start = to_cost(baseline);
        let b = &plan.bounds;
        let bound = [
            1.0 / b.max_deploys_per_day,
            b.min_lead_time_hours,
            b.min_change_failure_rate,
            b.min_recovery_hours,
            b.min_rework_rate,
        ];
        // A baseline already better than a bound keeps its own value as floor.
        let floor: [f64; 5] = std::array::from_fn(|m| bound[m].min(start[m]));
        let reliability_pct = freeze.map_or(0.0, |f| f.frozen_fraction.clamp(0.0, 1.0) * 100.0);
        let effects = plan.effect_pct.to_array();
        let closure = std::array::from_fn(|m| {
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
        if let Some(f) = freeze {
            // The model holds the interval between deployments: fewer
            // deployments is a longer interval.
            if f.deploy_factor > 0.0 {
                delivery[DF] = 1.0 / f.deploy_factor;
            }
            delivery[LT] = f.lead_factor.max(1.0);
        }
        let normal = NormalTable::new();
        let start_firefight = firefight(&start);
        Model {
            plan,
            start,
            floor,
            closure,
            noise,
            weekly: normal.log_normal(plan.noise_pct / 100.0),
            spread: normal.log_normal(plan.effect_spread_pct / 100.0),
            start_firefight,
            inv_start: start.map(|v| 1.0 / v),
            inv_start_firefight: if start_firefight > 0.0 {
                1.0 / start_firefight
            } else {
                0.0
            },
            ceiling: std::array::from_fn(|m| greater(CAPS[m], start[m])),
            noisy: plan.noise_pct > 0.0,
            resampled: noise.empirical.iter().any(|s| !s.is_empty()),
            erosion: 1.0 + plan.erosion_pct_per_week / 100.0,
            success: Chance::new(plan.success_pct / 100.0),
            setback: plan.setback_pct / 100.0,
            delivery,
        }
    }

    /// The lowest and highest cost [`Model::observe`] can give for metric
    /// `m`.
    pub fn measured_range(&self, m: usize) -> (f64, f64) {
        (self.floor[m], self.ceiling[m])
    }

    /// Whether a PDCA cycle ends in `week`.
    pub fn ends_cycle(&self, week: u32) -> bool {
        week.is_multiple_of(self.plan.cycle_weeks)
    }

    /// A week's erosion, the first part of advancing a trial by a week.
    #[inline(always)]
    pub fn erode(&self, cost: &mut [f64; 5]) {
        for m in 0..SIM_METRICS.len() {
            cost[m] = lesser(cost[m] * self.erosion, CAPS[m]);
        }
    }

    /// The second part of advancing a trial by a week, in the weeks a cycle
    /// [ends](Model::ends_cycle): its experiments. `lagged` is the trial's
    /// state `coupling.lag_weeks` ago (the baseline early on). Draws from
    /// `rng` in a fixed order, and never for couplings, so switching
    /// coupling off leaves every other draw unchanged.
    #[inline(always)]
    pub fn cycle(&self, cost: &mut [f64; 5], lagged: &[f64; 5], rng: &mut impl RngCore) {
        let plan = self.plan;
        let mut gain = [1.0; 5];
        let mut capacity_gain = 1.0;
        let c = &plan.coupling;
        if c.enabled {
            let relative = |m: usize| greater(1.0 - lagged[m] * self.inv_start[m], 0.0);
            let rec = relative(RT);
            let freq = relative(DF);
            gain[DF] += c.recovery_to_frequency * rec;
            gain[LT] += c.frequency_to_flow * freq;
            gain[CFR] += c.frequency_to_flow * freq;
            if self.start_firefight > 0.0 {
                let freed = greater(1.0 - firefight(lagged) * self.inv_start_firefight, 0.0);
                capacity_gain += c.reinvest_share * freed;
            }
        }
        for m in 0..SIM_METRICS.len() {
            if self.closure[m] <= 0.0 {
                continue;
            }
            // One draw per metric and cycle, success or not: its low bits
            // decide the experiment and its top bits size the effect.
            let draw = rng.next_u32();
            let size = self.spread.at(draw);
            // Success is a coin toss the branch predictor cannot learn, so it
            // picks between the outcomes arithmetically: with `sign` -1 on
            // success and 0 on failure, exactly one term is zero and the
            // other is the outcome's own factor, to the bit.
            let sign = self.success.sign(draw);
            let closure = lesser(self.closure[m] * gain[m] * capacity_gain * size, 0.95);
            let factor = (1.0 + sign * closure) + (1.0 + sign) * self.setback;
            let gap = cost[m] - self.floor[m];
            cost[m] = lesser(self.floor[m] + gap * factor, CAPS[m]);
        }
    }

    /// The cost a team would measure this week: the underlying cost with
    /// week-to-week variation, kept within the bounds ([`from_cost`] turns
    /// it into the metric's canonical unit).
    #[inline(always)]
    pub fn observe(&self, cost: &[f64; 5], rng: &mut impl RngCore, out: &mut [f64; 5]) {
        // One 64-bit draw feeds all five table samples (5 × 12 bits).
        let mut bits = if self.noisy { rng.next_u64() } else { 0 };
        for m in 0..SIM_METRICS.len() {
            // Without variation every entry of the table is exactly 1.
            let mut factor = self.weekly.at((bits >> 32) as u32);
            bits <<= SAMPLE_BITS;
            if self.resampled {
                let samples = &self.noise.empirical[m];
                if !samples.is_empty() {
                    let at = (uniform(rng) * samples.len() as f64) as usize;
                    factor = samples[at.min(samples.len() - 1)];
                }
            }
            out[m] = greater(
                lesser(cost[m] * self.delivery[m] * factor, self.ceiling[m]),
                self.floor[m],
            );
        }
    }
}
