//! What a plan may hold: the ranges [`Plan::problem`] checks (with the
//! model-wide limits of [`crate::model::limits`]), and a plan's name kept
//! within them when it is marked as edited.

use crate::model::limits;
use crate::model::plan::Plan;

impl Plan {
    /// Longest plan name accepted, in characters.
    pub const MAX_NAME_CHARS: usize = 80;
    /// Longest coupling lag accepted, in weeks (the Simulate screen's
    /// slider reaches half a year).
    pub const MAX_LAG_WEEKS: u32 = 26;
    /// Largest coupling strength accepted.
    pub const MAX_COUPLING: f64 = 5.0;
    /// Fastest erosion accepted, % a week.
    pub const MAX_EROSION_PCT_PER_WEEK: f64 = 10.0;
    /// The bounds' ranges, in canonical units: a deployment ceiling from
    /// one every six months to 10,000 a day (one every nine seconds); a
    /// lead-time floor from a minute to six months, a recovery floor from
    /// a minute to a month (the worst values the simulation erodes to);
    /// percentage floors 0–100.
    pub const DEPLOY_CEILING_RANGE: (f64, f64) = (1.0 / 182.5, 10_000.0);
    pub const LEAD_FLOOR_RANGE: (f64, f64) = (1.0 / 60.0, 4380.0);
    pub const RECOVERY_FLOOR_RANGE: (f64, f64) = (1.0 / 60.0, 730.0);

    /// Why the plan cannot be simulated, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let pct = limits::percent_ok;
        let b = &self.bounds;
        let within = |v: f64, (lo, hi): (f64, f64)| limits::in_range(v, lo, hi);
        if !limits::text_ok(&self.name, Self::MAX_NAME_CHARS) {
            return Some(format!(
                "A plan's name is one line of at most {} characters.",
                Self::MAX_NAME_CHARS
            ));
        }
        if self.cycle_weeks == 0 || self.cycle_weeks > Self::MAX_CYCLE_WEEKS {
            return Some(format!(
                "The cycle must be 1 to {} weeks.",
                Self::MAX_CYCLE_WEEKS
            ));
        }
        if !pct(self.capacity_pct)
            || !pct(self.success_pct)
            || !pct(self.setback_pct)
            || !pct(self.effect_spread_pct)
        {
            return Some("Capacity, success chance, spread and setback must be 0–100%.".into());
        }
        if !self.effect_pct.to_array().into_iter().all(pct) {
            return Some("Each effect must be 0–100% of the remaining gap.".into());
        }
        if !limits::in_range(
            self.erosion_pct_per_week,
            0.0,
            Self::MAX_EROSION_PCT_PER_WEEK,
        ) {
            return Some(format!(
                "Erosion must be 0–{}% a week.",
                Self::MAX_EROSION_PCT_PER_WEEK
            ));
        }
        if !pct(self.noise_pct) {
            return Some("Week-to-week variation must be 0–100%.".into());
        }
        if !(within(b.max_deploys_per_day, Self::DEPLOY_CEILING_RANGE)
            && within(b.min_lead_time_hours, Self::LEAD_FLOOR_RANGE)
            && within(b.min_recovery_hours, Self::RECOVERY_FLOOR_RANGE)
            && pct(b.min_change_failure_rate)
            && pct(b.min_rework_rate))
        {
            return Some(
                "Bounds must be a deployment ceiling of one every six months to 10,000 a day, \
                 lead-time and recovery floors of a minute to six months and a month, and \
                 percentages 0–100."
                    .into(),
            );
        }
        let c = &self.coupling;
        let k_ok = |k: f64| limits::in_range(k, 0.0, Self::MAX_COUPLING);
        if c.lag_weeks > Self::MAX_LAG_WEEKS
            || !k_ok(c.recovery_to_frequency)
            || !k_ok(c.frequency_to_flow)
            || !limits::in_range(c.reinvest_share, 0.0, 1.0)
        {
            return Some(format!(
                "Coupling strengths must be 0–{}, reinvestment 0–100%, lag at most {} weeks.",
                Self::MAX_COUPLING,
                Self::MAX_LAG_WEEKS
            ));
        }
        None
    }

    /// Marks the plan as changed from its preset: " (edited)" after its
    /// name, once, shortening the name if the mark would not fit. The plan
    /// keeps its preset, so a reset returns it to where it started.
    pub fn mark_edited(&mut self) {
        const MARK: &str = super::EDITED_MARK;
        if self.name.ends_with(MARK) {
            return;
        }
        let room = Self::MAX_NAME_CHARS - MARK.chars().count();
        let base: String = self.name.trim_end().chars().take(room).collect();
        self.name = format!("{}{MARK}", base.trim_end());
    }
}
