//! Bringing a decoded scenario within today's limits where doing so changes
//! nothing anyone relies on.
//!
//! Every decode makes −0 into 0 ([`zeros`]): the same number, one spelling.
//! Scenarios written before the model-wide limits ([`crate::model::limits`])
//! — saved work in envelope format 1, share links in formats 1 and 2 — may
//! hold what those versions accepted and today's refuse; [`older`] repairs
//! what it can without losing a value the user entered:
//!
//! - text loses control and direction-changing characters (line breaks and
//!   tabs become spaces) and plan names are cut to their new length, so a
//!   name reads as it always did on screen;
//! - a goal whose deadline came before its start loses the start (the pair
//!   never made a span, and the Goals screen drew no path for it);
//! - a goal with check-ins dated before its start starts on its first
//!   check-in, so no reading is dropped.
//!
//! Anything else out of range (a date outside 2000–2100, a subnormal
//! number) is left as it is, and the scenario is refused as invalid with
//! its text kept for the user.

use crate::model::goals::{Measure, MAX_TEXT_CHARS};
use crate::model::limits::{clean, tidy};
use crate::model::plan::Plan;
use crate::model::workshop::MAX_NAME_CHARS;
use crate::model::{Baseline, Scenario};

fn baseline_zeros(b: &mut Baseline) {
    for v in [
        &mut b.deploy_frequency.count,
        &mut b.lead_time.amount,
        &mut b.change_failure_rate,
        &mut b.recovery_time.amount,
        &mut b.rework_rate,
    ] {
        *v = clean(*v);
    }
    for v in [
        &mut b.code_churn,
        &mut b.defect_escape_rate,
        &mut b.availability,
    ]
    .into_iter()
    .flatten()
    {
        *v = clean(*v);
    }
}

fn plan_zeros(p: &mut Plan) {
    let e = &mut p.effect_pct;
    let b = &mut p.bounds;
    let c = &mut p.coupling;
    for v in [
        &mut p.capacity_pct,
        &mut p.success_pct,
        &mut e.deploy_frequency,
        &mut e.lead_time,
        &mut e.change_failure_rate,
        &mut e.recovery_time,
        &mut e.rework_rate,
        &mut p.effect_spread_pct,
        &mut p.setback_pct,
        &mut p.erosion_pct_per_week,
        &mut p.noise_pct,
        &mut b.max_deploys_per_day,
        &mut b.min_lead_time_hours,
        &mut b.min_change_failure_rate,
        &mut b.min_recovery_hours,
        &mut b.min_rework_rate,
        &mut c.recovery_to_frequency,
        &mut c.frequency_to_flow,
        &mut c.reinvest_share,
    ] {
        *v = clean(*v);
    }
}

/// Makes every −0 in the scenario 0.
pub fn zeros(s: &mut Scenario) {
    baseline_zeros(&mut s.baseline);
    for g in &mut s.goals.0 {
        if let Some(t) = g.target.as_mut() {
            t.target = clean(t.target);
            if let Measure::Custom { baseline, .. } = &mut t.measure {
                *baseline = clean(*baseline);
            }
        }
        if let Some(guard) = g.guard.as_mut() {
            guard.limit = clean(guard.limit);
        }
        for c in &mut g.check_ins {
            c.actual = clean(c.actual);
        }
    }
    s.simulation.plans.iter_mut().for_each(plan_zeros);
    if let Some(m) = s.measured.as_mut() {
        for v in m.lead_hours.iter_mut().chain(m.recovery_hours.iter_mut()) {
            *v += 0.0;
        }
        baseline_zeros(&mut m.baseline);
    }
    for snapshot in &mut s.history.snapshots {
        baseline_zeros(&mut snapshot.baseline);
    }
    for p in s.history.trend.iter_mut().flat_map(|t| t.points.iter_mut()) {
        p.value = clean(p.value);
    }
    let slo = &mut s.slo;
    for v in [
        &mut slo.target,
        &mut slo.requests_per_day,
        &mut slo.alert_error_rate,
        &mut slo.failure_share,
        &mut slo.policy.postmortem_share,
    ] {
        *v = clean(*v);
    }
    for i in &mut slo.incidents {
        i.minutes = clean(i.minutes);
        i.share = clean(i.share);
    }
}

/// Repairs what versions before the model-wide limits accepted (see the
/// module docs).
pub fn older(s: &mut Scenario) {
    s.team = tidy(&s.team, Scenario::MAX_TEAM_CHARS);
    for g in &mut s.goals.0 {
        for text in [&mut g.title, &mut g.owner, &mut g.so_that] {
            *text = tidy(text, MAX_TEXT_CHARS);
        }
        if let Some(t) = g.target.as_mut() {
            if let Measure::Custom { name, unit, .. } = &mut t.measure {
                *name = tidy(name, MAX_TEXT_CHARS);
                *unit = tidy(unit, MAX_TEXT_CHARS);
            }
        }
        if let (Some(start), Some(deadline)) = (g.start, g.deadline) {
            if deadline < start {
                g.start = None;
            }
        }
        if let (Some(start), Some(first)) = (g.start, g.check_ins.first()) {
            if first.date < start {
                g.start = Some(first.date);
            }
        }
    }
    for p in &mut s.simulation.plans {
        p.name = tidy(&p.name, Plan::MAX_NAME_CHARS);
    }
    let w = &mut s.workshop;
    w.participant = tidy(&w.participant, MAX_NAME_CHARS);
    for p in &mut w.proposals {
        p.by = tidy(&p.by, MAX_NAME_CHARS);
    }
    for b in &mut w.ballots {
        b.voter = tidy(&b.voter, MAX_NAME_CHARS);
    }
    for idea in &mut w.parking_lot {
        *idea = tidy(idea, MAX_TEXT_CHARS);
    }
}
