//! Error-budget simulation: incidents drawn from the team's DORA baseline,
//! and a Monte Carlo of the freeze policy over many quarters (domain.md §3
//! and §5). Randomness comes in as a seeded `RngCore`; nothing here reads a
//! clock.

use chrono::NaiveDateTime;
use rand_core::RngCore;

use crate::flywheel::Freeze;

use flywheel_core::model::limits;
use flywheel_core::model::slo::{
    BudgetReport, Incident, Slo, WindowKind, MAX_INCIDENTS, MAX_INCIDENT_MINUTES,
};
use flywheel_core::model::{Baseline, Metric};

/// Weibull shape for recovery times: right-skewed, "≈ 1.5 is commonly cited
/// for IT work" (domain.md §5).
pub const RECOVERY_SHAPE: f64 = 1.5;
/// Days in the quarter the Monte Carlo measures (13 weeks).
pub const QUARTER_DAYS: u32 = 91;
/// Most incidents one simulated hour may start; beyond this the budget is
/// long gone and more detail changes nothing.
const MAX_FAILURES_PER_HOUR: u32 = 50;
/// Most work one freeze Monte Carlo does, in units of about one uniform
/// draw's time: hours stepped, uniform draws and hourly bins written count
/// one each, an incident (its start, its Weibull duration, a logarithm and
/// a power) [`WORK_PER_INCIDENT`], and clearing the bins one per
/// [`WORK_PER_CLEARED_BINS`]. The default scenario's 5,000 quarters take
/// about 30 million over a 30-day window and 45 million over 90 days; at
/// the largest accepted rates the run stops early (see
/// [`simulate_freeze`]).
pub const MAX_FREEZE_WORK: u64 = 60_000_000;
/// Work units one incident counts (measured: about 24 uniform draws' time).
const WORK_PER_INCIDENT: u64 = 24;
/// Bins cleared per work unit.
const WORK_PER_CLEARED_BINS: u64 = 16;

/// A uniform draw in (0, 1), never exactly 0 or 1.
pub fn uniform(rng: &mut impl RngCore) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

/// An exponential draw with the given rate (events per unit).
pub fn exponential(rng: &mut impl RngCore, rate: f64) -> f64 {
    -uniform(rng).ln() / rate
}

/// A Weibull draw of shape `k` whose **median** is `median` (recovery time
/// is reported as a median, domain.md §1): scale λ = median / (ln 2)^(1/k),
/// then λ·(−ln U)^(1/k).
pub fn weibull_median(rng: &mut impl RngCore, median: f64, k: f64) -> f64 {
    let scale = median / std::f64::consts::LN_2.powf(1.0 / k);
    scale * (-uniform(rng).ln()).powf(1.0 / k)
}

/// A Poisson draw (Knuth's method; a normal approximation above 30).
pub fn poisson(rng: &mut impl RngCore, lambda: f64) -> u32 {
    Poisson::new(lambda).draw(rng).0
}

/// Poisson draws at one rate, with Knuth's `e^−λ` computed once: the same
/// draws as [`poisson`], for the hour-by-hour loop.
#[derive(Clone, Copy, Debug)]
struct Poisson {
    lambda: f64,
    limit: f64,
}

impl Poisson {
    fn new(lambda: f64) -> Poisson {
        Poisson {
            lambda,
            limit: (-lambda).exp(),
        }
    }

    /// A draw, and how many uniform draws it took.
    fn draw(&self, rng: &mut impl RngCore) -> (u32, u64) {
        let lambda = self.lambda;
        if lambda.is_nan() || lambda <= 0.0 {
            return (0, 0);
        }
        if lambda > 30.0 {
            // Box–Muller.
            let z = (-2.0 * uniform(rng).ln()).sqrt()
                * (2.0 * std::f64::consts::PI * uniform(rng)).cos();
            return ((lambda + lambda.sqrt() * z).round().max(0.0) as u32, 2);
        }
        let mut k = 0;
        let mut p = uniform(rng);
        while p > self.limit {
            k += 1;
            p *= uniform(rng);
        }
        (k, u64::from(k) + 1)
    }
}

/// The baseline's figures the simulation runs on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    pub deploys_per_day: f64,
    /// Change failure rate as a fraction.
    pub cfr: f64,
    /// Median recovery time in minutes.
    pub recovery_minutes: f64,
    /// Share of traffic a failure affects, as a fraction.
    pub share: f64,
}

impl Rates {
    /// Reads the rates from a baseline and the SLO's failure share.
    pub fn from(baseline: &Baseline, slo: &Slo) -> Rates {
        Rates {
            deploys_per_day: baseline.value(Metric::DeployFrequency).unwrap_or(0.0),
            cfr: baseline.value(Metric::ChangeFailureRate).unwrap_or(0.0) / 100.0,
            recovery_minutes: baseline.value(Metric::RecoveryTime).unwrap_or(0.0) * 60.0,
            share: slo.failure_share / 100.0,
        }
    }
}

/// Draws a window's incidents from the baseline: deployments arrive as a
/// Poisson process at the baseline's frequency and each fails with
/// probability CFR, so failures arrive as a Poisson process at deploys × CFR
/// (thinning), drawn directly; a failure is an incident starting then,
/// lasting a Weibull (shape 1.5) recovery time whose median is the
/// baseline's, affecting the failure share of traffic. Starts are whole
/// minutes, at most [`MAX_INCIDENTS`] incidents, none past the model's last
/// date.
///
/// Work: at most `MAX_INCIDENTS + 1` arrivals, three draws each, whatever
/// the rates.
pub fn draw_incidents(
    rates: Rates,
    origin: NaiveDateTime,
    days: u32,
    rng: &mut impl RngCore,
) -> Vec<Incident> {
    let window = f64::from(days) * 1440.0;
    let per_minute = rates.deploys_per_day / 1440.0 * rates.cfr.min(1.0);
    let mut out = Vec::new();
    if !(per_minute > 0.0 && rates.share > 0.0 && rates.recovery_minutes > 0.0) {
        return out;
    }
    let mut t = 0.0;
    while out.len() < MAX_INCIDENTS {
        t += exponential(rng, per_minute);
        if t >= window {
            break;
        }
        let minutes = weibull_median(rng, rates.recovery_minutes, RECOVERY_SHAPE)
            .clamp(1.0, MAX_INCIDENT_MINUTES);
        let Some(start) = limits::add_minutes(origin, t.floor()) else {
            break;
        };
        out.push(Incident {
            start,
            minutes: (minutes * 10.0).round() / 10.0,
            share: (rates.share * 100.0).clamp(0.1, 100.0),
        });
    }
    out
}

/// Replaces the SLO's incidents with a fresh draw over the window `report`
/// shows ("Draw from baseline"): the next seed, so each press draws anew
/// and a shared link redraws the same list; the window pinned, so the
/// incidents stay in the window they were drawn for. Returns how many were
/// drawn.
pub fn redraw(slo: &mut Slo, baseline: &Baseline, report: &BudgetReport) -> usize {
    let seed = slo.seed.wrapping_add(1);
    let drawn = draw_incidents(
        Rates::from(baseline, slo),
        report.origin(),
        report.days,
        &mut crate::random::seeded(seed),
    );
    let count = drawn.len();
    slo.seed = seed;
    slo.window_start = Some(report.start);
    slo.incidents = drawn;
    count
}

/// What the freeze policy costs and buys, summarised over many simulated
/// quarters. A plain struct so the improvement simulation can take it as an
/// input (frozen time is when reliability work happens).
#[derive(Clone, Debug, PartialEq)]
pub struct FreezeOutcome {
    /// Quarters simulated.
    pub trials: u32,
    /// Probability that a window's budget is exhausted (whole windows in the
    /// quarter, after one window of warm-up).
    pub p_exhaust_per_window: f64,
    /// Expected days with feature deployments frozen, per quarter.
    pub days_frozen_per_quarter: f64,
    /// 85th percentile of days frozen per quarter.
    pub days_frozen_p85: f64,
    /// Share of time frozen.
    pub frozen_fraction: f64,
    /// Deployments per day without and with the policy.
    pub deploys_per_day: f64,
    pub deploys_per_day_with_freeze: f64,
    /// Lead time in hours without and with the policy: a change ready during
    /// a freeze waits for it to lift.
    pub lead_time_hours: f64,
    pub lead_time_hours_with_freeze: f64,
    /// Expected incidents per quarter, and those using more than the
    /// postmortem share of the budget on their own.
    pub incidents_per_quarter: f64,
    pub postmortems_per_quarter: f64,
}

impl FreezeOutcome {
    /// The policy's effect on the improvement simulation: the share of time
    /// frozen, and delivery with the policy relative to without.
    pub fn freeze(&self) -> Freeze {
        let ratio = |with: f64, without: f64| {
            if without > 0.0 && with.is_finite() {
                with / without
            } else {
                1.0
            }
        };
        Freeze {
            frozen_fraction: self.frozen_fraction.clamp(0.0, 1.0),
            deploy_factor: ratio(self.deploys_per_day_with_freeze, self.deploys_per_day).min(1.0),
            lead_factor: ratio(self.lead_time_hours_with_freeze, self.lead_time_hours).max(1.0),
        }
    }
}

/// Runs the Monte Carlo for the SLO's policy against the baseline.
///
/// Each trial simulates one window of warm-up then a 91-day quarter, hour by
/// hour. Failures arrive as Poisson(deploys/h × CFR), at most
/// 50 an hour, except while frozen:
/// a freeze stops feature deployments (P0/security fixes, assumed not to
/// fail, still ship). Bad minutes land in hourly bins; within one hour,
/// overlapping incidents count once at the larger share (the rule of
/// `slo::merge`, at hourly resolution). A rolling window is frozen while its
/// trailing `days` are over budget; a calendar window (taken as blocks of
/// `days`) from the moment its budget is spent until it resets.
///
/// Work is bounded whatever the inputs: every hour stepped, random draw and
/// hourly bin written counts, and no trial starts once
/// [`MAX_FREEZE_WORK`] is spent, so at the largest rates fewer quarters
/// are simulated than asked for ([`FreezeOutcome::trials`] says how many).
/// A bin an earlier incident already covers in full is not written again,
/// so an incident writes at most two partial bins and each bin is filled
/// once per trial.
pub fn simulate_freeze(
    slo: &Slo,
    baseline: &Baseline,
    days: u32,
    rng: &mut impl RngCore,
) -> FreezeOutcome {
    simulate_freeze_counted(slo, baseline, days, rng).0
}

/// [`simulate_freeze`], with the work it did in the units of
/// [`MAX_FREEZE_WORK`].
pub fn simulate_freeze_counted(
    slo: &Slo,
    baseline: &Baseline,
    days: u32,
    rng: &mut impl RngCore,
) -> (FreezeOutcome, u64) {
    let rates = Rates::from(baseline, slo);
    let lead = baseline.value(Metric::LeadTime).unwrap_or(0.0);
    let trials = slo
        .policy
        .trials
        .clamp(1, flywheel_core::model::slo::MAX_TRIALS);
    let days = days.clamp(1, 366);
    let budget = slo.budget_minutes(days);
    let postmortem_at = slo.policy.postmortem_share / 100.0 * budget;
    let window_h = days as usize * 24;
    let quarter_h = QUARTER_DAYS as usize * 24;
    let total_h = window_h + quarter_h;
    let failures_per_hour = rates.deploys_per_day / 24.0 * rates.cfr;
    let simulate_failures =
        failures_per_hour > 0.0 && rates.share > 0.0 && rates.recovery_minutes > 0.0;

    let poisson = Poisson::new(failures_per_hour);

    let mut bins = vec![0.0f64; total_h + 1];
    let mut frozen_days = Vec::with_capacity(trials as usize);
    let mut work = 0u64;
    let (mut windows, mut exhausted_windows) = (0u64, 0u64);
    let (mut incidents, mut postmortems) = (0u64, 0u64);
    let mut wait_sum = 0.0; // Σ over freezes of length² / 2, hours²

    for _ in 0..trials {
        if work >= MAX_FREEZE_WORK {
            break;
        }
        bins.iter_mut().for_each(|b| *b = 0.0);
        work += bins.len() as u64 / WORK_PER_CLEARED_BINS;
        // Where the furthest-reaching incident so far ends, in hours: bins
        // after the current hour and before it are already full.
        let mut reach = 0.0f64;
        let mut trailing = 0.0;
        let mut block_bad = 0.0;
        let mut frozen_hours = 0usize;
        let mut run = 0usize;
        let mut block_exhausted = false;
        for h in 0..total_h {
            work += 1;
            let measured = h >= window_h;
            let frozen_now = slo.policy.freeze && is_over(slo.window, trailing, block_bad, budget);
            if simulate_failures && !frozen_now {
                let (n, draws) = poisson.draw(rng);
                let n = n.min(MAX_FAILURES_PER_HOUR);
                work += draws + WORK_PER_INCIDENT * u64::from(n);
                for _ in 0..n {
                    let start = h as f64 + uniform(rng);
                    let minutes = weibull_median(rng, rates.recovery_minutes, RECOVERY_SHAPE)
                        .min(MAX_INCIDENT_MINUTES);
                    let end = start + minutes / 60.0;
                    let full_until = reach.floor() as usize;
                    let mut k = h;
                    while (k as f64) < end && k < bins.len() {
                        if k > h && k < full_until {
                            // Covered in full already: the bin holds the
                            // most an hour can, and stays so.
                            k = full_until;
                            continue;
                        }
                        let covered = (end.min(k as f64 + 1.0) - start.max(k as f64)).max(0.0);
                        bins[k] = bins[k].max(covered * 60.0 * rates.share);
                        work += 1;
                        k += 1;
                    }
                    reach = reach.max(end);
                    if measured {
                        incidents += 1;
                        if minutes * rates.share > postmortem_at {
                            postmortems += 1;
                        }
                    }
                }
            }
            // This hour's bad minutes enter the window; the oldest age out.
            trailing += bins[h];
            if h >= window_h {
                trailing -= bins[h - window_h];
            }
            if h.is_multiple_of(window_h) {
                if measured && h > window_h {
                    windows += 1;
                    exhausted_windows += u64::from(block_exhausted);
                }
                block_bad = 0.0;
                block_exhausted = false;
            }
            block_bad += bins[h];
            let over = is_over(slo.window, trailing, block_bad, budget);
            block_exhausted |= over;
            if measured {
                if frozen_now {
                    frozen_hours += 1;
                    run += 1;
                } else if run > 0 {
                    wait_sum += (run * run) as f64 / 2.0;
                    run = 0;
                }
            }
        }
        if run > 0 {
            wait_sum += (run * run) as f64 / 2.0;
        }
        // The last block counts only if it is a whole window (91 days hold
        // three 30-day windows and a day, which would bias the odds down).
        if quarter_h.is_multiple_of(window_h) {
            windows += 1;
            exhausted_windows += u64::from(block_exhausted);
        }
        frozen_days.push(frozen_hours as f64 / 24.0);
    }

    let trials = frozen_days.len() as u32;
    let n = f64::from(trials);
    let mean_days = frozen_days.iter().sum::<f64>() / n;
    frozen_days.sort_by(f64::total_cmp);
    let p85 = frozen_days[((0.85 * n).ceil() as usize).clamp(1, frozen_days.len()) - 1];
    let frozen_fraction = mean_days / f64::from(QUARTER_DAYS);
    let outcome = FreezeOutcome {
        trials,
        p_exhaust_per_window: if windows == 0 {
            0.0
        } else {
            exhausted_windows as f64 / windows as f64
        },
        days_frozen_per_quarter: mean_days,
        days_frozen_p85: p85,
        frozen_fraction,
        deploys_per_day: rates.deploys_per_day,
        deploys_per_day_with_freeze: rates.deploys_per_day * (1.0 - frozen_fraction),
        lead_time_hours: lead,
        lead_time_hours_with_freeze: lead + wait_sum / (n * quarter_h as f64),
        incidents_per_quarter: incidents as f64 / n,
        postmortems_per_quarter: postmortems as f64 / n,
    };
    (outcome, work)
}

/// Whether the budget is spent: over the trailing window (rolling) or since
/// the block began (calendar). A zero budget is spent by any bad minute.
fn is_over(kind: WindowKind, trailing: f64, block: f64, budget: f64) -> bool {
    let bad = match kind {
        WindowKind::Rolling => trailing,
        WindowKind::CalendarMonth => block,
    };
    if budget <= 0.0 {
        bad > 1e-9
    } else {
        bad >= budget
    }
}
