//! Scenario generation and the decoder fuzz loop, shared by the share-link
//! tests and `examples/fuzz_links.rs` (the long run).

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use flywheel_core::model::benchmarks::{Industry, OrgSize, Peers};
use flywheel_core::model::goals::templates::templates;
use flywheel_core::model::goals::{Goal, Level};
use flywheel_core::model::plan::{Plan, Preset};
use flywheel_core::model::slo::Incident;
use flywheel_core::model::standing::lens::Lens;
use flywheel_core::model::workshop::{set_first_check_in, set_owner, Subject};
use flywheel_core::model::Scenario;
use flywheel_core::share::{decode, encode};

/// xorshift64*: a tiny generator for test inputs (the app's own generator
/// lives in flywheel-sim, which this crate does not depend on).
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A short decimal in `[lo, hi]`, as people type them.
    pub fn decimal(&mut self, lo: f64, hi: f64) -> f64 {
        let raw = lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (raw * 100.0).round() / 100.0
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).unwrap()
}

/// The typical scenario: a baseline, five goals, one plan and an
/// SLO with three incidents.
pub fn typical() -> Scenario {
    let today = day(2026, 11, 22);
    let mut s = Scenario {
        team: "Payments API".into(),
        ..Scenario::default()
    };
    s.baseline.change_failure_rate = 12.5;
    s.baseline.rework_rate = 8.0;
    // Three of the seed's examples and two goals in the team's own words.
    let mut goals: Vec<Goal> = templates(today, &s.team)
        .into_iter()
        .take(3)
        .map(|t| t.goal)
        .collect();
    for (title, so_that) in [
        (
            "Halve the time to restore card payments after an incident",
            "merchants lose fewer sales while we recover",
        ),
        (
            "Cut flaky test retries in the checkout pipeline to under 2%",
            "engineers trust a red build again",
        ),
    ] {
        goals.push(Goal {
            owner: "Checkout squad".into(),
            so_that: so_that.into(),
            deadline: Some(day(2027, 3, 31)),
            ..Goal::new(Level::Technical, title, today)
        });
    }
    for goal in goals {
        let parent = s.goals.0.last().map(|g| g.id);
        s.goals.add(Goal { parent, ..goal }).unwrap();
    }
    s.simulation.plans = vec![Plan::preset(Preset::Kaizen)];
    s.simulation.chosen = 0;
    s.slo.window_start = Some(day(2026, 11, 1));
    for (d, minutes, share) in [(3, 42.0, 100.0), (9, 15.5, 25.0), (17, 120.0, 5.0)] {
        s.slo.incidents.push(Incident {
            start: at(day(2026, 11, d), 14, 5),
            minutes,
            share,
        });
    }
    assert!(s.is_valid());
    s
}

/// A random valid scenario: typed values, a varied goal chain, one to
/// three plans, incidents, a lens and peers.
pub fn generate(g: &mut Gen) -> Scenario {
    let mut s = typical();
    s.team = ["A", "Payments API", "Ops — Zürich 🚀", "<b>team</b>"][g.below(4)].into();
    s.baseline.change_failure_rate = g.decimal(0.0, 100.0);
    s.baseline.rework_rate = g.decimal(0.0, 100.0);
    s.baseline.lead_time.amount = g.decimal(0.01, 500.0);
    s.baseline.deploy_frequency.count = g.decimal(0.0, 50.0);
    s.baseline.code_churn = (g.below(2) == 0).then(|| g.decimal(0.0, 100.0));
    let keep = g.below(s.goals.0.len() + 1);
    s.goals.0.truncate(keep);
    let presets = [
        Preset::Kaizen,
        Preset::QuarterlyOverhaul,
        Preset::CapabilityTrap,
    ];
    s.simulation.plans = (0..=g.below(3)).map(|i| Plan::preset(presets[i])).collect();
    s.simulation.chosen = g.below(s.simulation.plans.len());
    s.simulation.plans[0].capacity_pct = g.decimal(0.0, 50.0);
    s.simulation.seed = g.next();
    s.simulation.trials = [1_000, 10_000, 50_000][g.below(3)];
    s.simulation.apply_freeze = g.below(2) == 0;
    s.slo.target = [99.0, 99.5, 99.9, 99.95, 99.999][g.below(5)];
    let keep = g.below(s.slo.incidents.len() + 1);
    s.slo.incidents.truncate(keep);
    if g.below(2) == 0 {
        let w = &mut s.workshop;
        w.participant = ["Ana", "Bo Ødegård", ""][g.below(3)].into();
        if g.below(2) == 0 {
            w.start(g.next(), "Q1 planning", "Fay", day(2026, 11, 20))
                .unwrap();
        }
        w.set_dots_each(1 + g.below(5) as u32).unwrap();
        w.set_per_goal([None, Some(1), Some(2)][g.below(3)])
            .unwrap();
        w.set_own_goals(g.below(2) == 0).unwrap();
        w.add_voter("Ana").unwrap();
        for goal in s.goals.0.iter().take(g.below(3)) {
            let _ = w.place_dot(&s.goals, "Ana", goal.id);
            w.toggle_commit(goal.id);
        }
        if g.below(2) == 0 {
            let _ = w.reveal(Subject::Goals);
        }
        w.park("Rewrite the monolith").unwrap();
        if let Some(&goal) = s.workshop.committed.first() {
            set_owner(&mut s, goal, "Checkout squad").unwrap();
            set_first_check_in(&mut s, goal, "2026-12-01", day(2026, 11, 22)).unwrap();
        }
    }
    s.lens = Lens::ALL[g.below(Lens::ALL.len())];
    s.peers = Peers {
        industry: Industry::ALL[g.below(Industry::ALL.len())],
        size: OrgSize::ALL[g.below(OrgSize::ALL.len())],
    };
    s
}

/// Feeds `cases` random and mutated payloads to the decoder; it must never
/// panic, and anything it accepts must be a valid scenario. Returns how
/// many were accepted.
pub fn fuzz(cases: u64, seed: u64) -> u64 {
    let mut g = Gen::new(seed);
    let valid: Vec<String> = (0..16).map(|_| encode(&generate(&mut g))).collect();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %";
    let mut accepted = 0;
    for case in 0..cases {
        let text = match case % 4 {
            // Pure noise.
            0 => {
                let len = g.below(200);
                (0..len)
                    .map(|_| alphabet[g.below(alphabet.len())] as char)
                    .collect()
            }
            // A valid link with characters flipped, dropped or inserted.
            1 | 2 => {
                let mut bytes = valid[g.below(valid.len())].clone().into_bytes();
                for _ in 0..=g.below(4) {
                    let i = g.below(bytes.len());
                    match g.below(3) {
                        0 => bytes[i] = alphabet[g.below(alphabet.len())],
                        1 => {
                            bytes.remove(i);
                        }
                        _ => bytes.insert(i, alphabet[g.below(alphabet.len())]),
                    }
                    if bytes.is_empty() {
                        break;
                    }
                }
                String::from_utf8(bytes).unwrap_or_default()
            }
            // A valid link cut short.
            _ => {
                let link = &valid[g.below(valid.len())];
                link[..g.below(link.len())].to_string()
            }
        };
        if let Ok(s) = decode(&text) {
            assert!(s.is_valid(), "accepted an invalid scenario from {text}");
            accepted += 1;
        }
    }
    accepted
}
