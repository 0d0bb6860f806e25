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

/// A year of monthly snapshots, each measured from the 90 days of data
/// before it, as a team keeping its baseline on the first of every month
/// would have them; the plan started from the first.
pub fn monthly_snapshots(s: &mut Scenario) {
    use flywheel_core::model::history::{Origin, Snapshot, Span};
    use flywheel_core::model::units::{Duration, Rate, RatePeriod, TimeUnit};
    let round = |v: f64| (v * 100.0).round() / 100.0;
    for k in 0..12u32 {
        let (y, m) = if k == 0 { (2025, 12) } else { (2026, k) };
        let date = day(y, m, 1);
        let w = f64::from(k);
        let wiggle = f64::from(k % 3);
        let baseline = flywheel_core::model::Baseline {
            deploy_frequency: Rate::new(round(2.4 + 0.25 * w + 0.13 * wiggle), RatePeriod::Week),
            lead_time: Duration::new(round(4.6 - 0.21 * w + 0.07 * wiggle), TimeUnit::Days),
            change_failure_rate: round(18.4 - 0.7 * w + 0.35 * wiggle),
            recovery_time: Duration::new(round(6.5 - 0.38 * w + 0.11 * wiggle), TimeUnit::Hours),
            rework_rate: round(12.2 - 0.4 * w + 0.17 * wiggle),
            ..s.baseline.clone()
        };
        let to = date.pred_opt().unwrap();
        let span = Span {
            from: to - chrono::Duration::days(89),
            to,
        };
        s.history
            .keep(
                Snapshot {
                    date,
                    baseline,
                    origin: Origin::Measured(span),
                },
                day(2026, 11, 22),
            )
            .unwrap();
    }
    s.history.plan_start = Some(day(2025, 12, 1));
    assert!(s.is_valid());
}

/// A year of monthly figures for the five metrics, as the trend of an
/// import keeps them.
pub fn monthly_trend(s: &mut Scenario) {
    use flywheel_core::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource};
    use flywheel_core::model::Metric;
    let four = |v: f64| format!("{v:.3e}").parse::<f64>().unwrap();
    let mut points = Vec::new();
    for k in 0..12u32 {
        let month = day(2025 + i32::from(k > 0), if k == 0 { 12 } else { k }, 1);
        let w = f64::from(k);
        let deploys = 14 + 2 * k + k % 3;
        for (metric, value, samples) in [
            (Metric::DeployFrequency, f64::from(deploys) / 30.0, 30),
            (
                Metric::LeadTime,
                110.0 - 5.3 * w + 1.7 * f64::from(k % 4),
                deploys - 2,
            ),
            (
                Metric::ChangeFailureRate,
                100.0 * f64::from(2 + k % 3) / f64::from(deploys),
                deploys,
            ),
            (
                Metric::RecoveryTime,
                6.4 - 0.35 * w + 0.2 * f64::from(k % 2),
                2 + k % 3,
            ),
            (
                Metric::ReworkRate,
                100.0 * f64::from(1 + k % 4) / f64::from(deploys),
                deploys,
            ),
        ] {
            points.push(MonthlyPoint {
                month,
                metric,
                value: four(value),
                samples: Some(samples),
            });
        }
    }
    s.history.trend = Some(MonthlyTrend {
        source: TrendSource::Data { offset_minutes: 60 },
        points,
    });
    assert!(s.is_valid());
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
    match g.below(4) {
        0 => monthly_snapshots(&mut s),
        1 => {
            monthly_snapshots(&mut s);
            monthly_trend(&mut s);
            let keep = g.below(13);
            s.history.snapshots.truncate(keep);
            s.history.plan_start = s.history.snapshots.first().map(|x| x.date);
            for snap in &mut s.history.snapshots {
                snap.baseline.change_failure_rate = g.decimal(0.0, 100.0);
            }
        }
        _ => {}
    }
    s.lens = Lens::ALL[g.below(Lens::ALL.len())];
    s.peers = Peers {
        industry: Industry::ALL[g.below(Industry::ALL.len())],
        size: OrgSize::ALL[g.below(OrgSize::ALL.len())],
    };
    s
}

/// Feeds `cases` random and mutated payloads to the decoder; it must never
/// panic, and anything it accepts must be a valid scenario. The links
/// mutated are half typical ([`generate`]) and half extreme but accepted
/// ([`extreme`]). Returns how many were accepted.
pub fn fuzz(cases: u64, seed: u64) -> u64 {
    let mut g = Gen::new(seed);
    let mut valid: Vec<String> = (0..16).map(|_| encode(&generate(&mut g))).collect();
    valid.extend((0..16).map(|_| encode(&extreme(&mut g))));
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

/// `n` characters of the kind that costs a link most: four UTF-8 bytes each,
/// drawn at random from the supplementary planes so they barely compress.
pub fn worst_text(g: &mut Gen, n: usize) -> String {
    (0..n)
        .map(|_| char::from_u32(0x1_0000 + (g.next() % 0xF_0000) as u32).unwrap())
        .collect()
}

/// A value of many digits, as a computation (not a person) writes them.
fn long_decimal(g: &mut Gen, lo: f64, hi: f64) -> f64 {
    let v = lo + (hi - lo) * (g.next() >> 11) as f64 / (1u64 << 53) as f64;
    v.max(lo.max(flywheel_core::model::limits::SMALLEST))
}

/// The largest scenario the limits allow: every list at its cap, every text
/// at its longest in the costliest characters, every number at full
/// precision, dates at the ends of the model's years.
pub fn maximal(seed: u64) -> Scenario {
    use flywheel_core::model::goals::{
        CheckIn, Guard, Measure, MetricTarget, MAX_CHECK_INS, MAX_GOALS, MAX_GOAL_ID,
        MAX_TEXT_CHARS,
    };
    use flywheel_core::model::import::{Measured, MAX_SAMPLES, MAX_WEEKLY_DEPLOYS, MAX_WEEKS};
    use flywheel_core::model::plan::{Plan, MAX_PLANS};
    use flywheel_core::model::slo::{MAX_INCIDENTS, MAX_INCIDENT_MINUTES};
    use flywheel_core::model::workshop::{
        Proposal, MAX_DOTS, MAX_NAME_CHARS, MAX_PARKED, MAX_PARTICIPANTS,
    };
    use flywheel_core::model::Metric;
    let mut g = Gen::new(seed);
    let mut s = Scenario {
        team: worst_text(&mut g, Scenario::MAX_TEAM_CHARS),
        ..Scenario::default()
    };
    let b = &mut s.baseline;
    b.deploy_frequency.count = long_decimal(&mut g, 0.0, 100_000.0);
    b.lead_time.amount = long_decimal(&mut g, 0.0, 100_000.0);
    b.recovery_time.amount = long_decimal(&mut g, 0.0, 100_000.0);
    b.change_failure_rate = long_decimal(&mut g, 0.0, 100.0);
    b.rework_rate = long_decimal(&mut g, 0.0, 100.0);
    b.code_churn = Some(long_decimal(&mut g, 0.0, 100.0));
    b.defect_escape_rate = Some(long_decimal(&mut g, 0.0, 100.0));
    b.availability = Some(long_decimal(&mut g, 0.0, 100.0));
    let start = day(2000, 1, 1);
    for k in 0..MAX_GOALS {
        let id = MAX_GOAL_ID - k as u32;
        let mut goal = Goal::new(
            Level::ALL[k % 6],
            &worst_text(&mut g, MAX_TEXT_CHARS),
            start,
        );
        goal.id = id;
        goal.parent = (k > 0).then_some(id + 1);
        goal.owner = worst_text(&mut g, MAX_TEXT_CHARS);
        goal.so_that = worst_text(&mut g, MAX_TEXT_CHARS);
        goal.target = Some(MetricTarget {
            measure: Measure::Custom {
                name: worst_text(&mut g, MAX_TEXT_CHARS),
                unit: worst_text(&mut g, MAX_TEXT_CHARS),
                baseline: long_decimal(&mut g, 0.0, 1e9),
                higher_is_better: k % 2 == 0,
            },
            target: long_decimal(&mut g, 0.0, 1e9),
        });
        goal.deadline = Some(day(2100, 12, 31));
        goal.guard = Some(Guard {
            metric: Metric::LeadTime,
            limit: long_decimal(&mut g, 0.0, 1e9),
        });
        goal.check_ins = (0..MAX_CHECK_INS)
            .map(|i| {
                CheckIn::typed(
                    start + chrono::Duration::days(i as i64 * 180),
                    long_decimal(&mut g, 0.0, 1e9),
                )
            })
            .collect();
        s.goals.0.push(goal);
    }
    s.simulation.plans = (0..MAX_PLANS)
        .map(|_| {
            let mut p = Plan::preset(Preset::QuarterlyOverhaul);
            p.name = worst_text(&mut g, Plan::MAX_NAME_CHARS);
            p.capacity_pct = long_decimal(&mut g, 0.0, 100.0);
            p.coupling.lag_weeks = Plan::MAX_LAG_WEEKS;
            p
        })
        .collect();
    s.simulation.chosen = MAX_PLANS - 1;
    s.simulation.trials = flywheel_core::model::plan::MAX_TRIALS;
    s.simulation.horizon_weeks = flywheel_core::model::plan::MAX_WEEKS;
    s.simulation.seed = u64::MAX;
    s.simulation.apply_freeze = true;
    s.measured = Some(Measured {
        from: "2000-01-01".into(),
        to: "2010-01-08".into(),
        deployments: flywheel_core::model::import::MAX_DEPLOYMENTS,
        weekly_deploys: vec![MAX_WEEKLY_DEPLOYS; MAX_WEEKS],
        lead_hours: (0..MAX_SAMPLES)
            .map(|_| long_decimal(&mut g, 0.0, 1e5) as f32)
            .collect(),
        recovery_hours: (0..MAX_SAMPLES)
            .map(|_| long_decimal(&mut g, 0.0, 1e5) as f32)
            .collect(),
        applied: Metric::DORA.to_vec(),
        baseline: s.baseline.clone(),
    });
    s.slo.window_start = Some(day(2100, 12, 31));
    s.slo.target = long_decimal(&mut g, 99.0, 100.0);
    s.slo.requests_per_day = long_decimal(&mut g, 0.0, 1e12);
    s.slo.seed = u64::MAX;
    s.slo.policy.trials = flywheel_core::model::slo::MAX_TRIALS;
    s.slo.incidents = (0..MAX_INCIDENTS)
        .map(|i| Incident {
            start: at(day(2100, 12, 31), (i % 24) as u32, (i % 60) as u32),
            minutes: long_decimal(&mut g, 0.0, MAX_INCIDENT_MINUTES),
            share: long_decimal(&mut g, 0.0, 100.0),
        })
        .collect();
    {
        use flywheel_core::model::history::{Origin, Snapshot, Span, MAX_SNAPSHOTS};
        use flywheel_core::model::trend::{MonthlyPoint, MonthlyTrend, TrendSource, MAX_MONTHS};
        s.history.snapshots = (0..MAX_SNAPSHOTS)
            .map(|k| {
                let date = day(2100, 12, 31) - chrono::Duration::days((MAX_SNAPSHOTS - k) as i64);
                let mut baseline = s.baseline.clone();
                baseline.lead_time.amount = long_decimal(&mut g, 0.0, 100_000.0);
                baseline.change_failure_rate = long_decimal(&mut g, 0.0, 100.0);
                Snapshot {
                    date,
                    baseline,
                    origin: Origin::Mixed(Span {
                        from: date - chrono::Duration::days(3_660),
                        to: date,
                    }),
                }
            })
            .collect();
        s.history.plan_start = s.history.snapshots.first().map(|x| x.date);
        let months = (0..MAX_MONTHS)
            .map(|k| day(2091, 1, 1) + chrono::Months::new(k as u32))
            .collect::<Vec<_>>();
        s.history.trend = Some(MonthlyTrend {
            source: TrendSource::Data {
                offset_minutes: -(18 * 60 - 1),
            },
            points: months
                .iter()
                .flat_map(|&month| Metric::DORA.map(|metric| (month, metric)))
                .map(|(month, metric)| MonthlyPoint {
                    month,
                    metric,
                    value: long_decimal(&mut g, 0.0, 100.0),
                    samples: Some(flywheel_core::model::import::MAX_DEPLOYMENTS),
                })
                .collect(),
        });
    }
    let ids = s.goals.ids();
    let goals = s.goals.clone();
    let w = &mut s.workshop;
    w.participant = worst_text(&mut g, MAX_NAME_CHARS);
    w.proposals = ids
        .iter()
        .map(|&goal| Proposal {
            goal,
            by: worst_text(&mut g, MAX_NAME_CHARS),
        })
        .collect();
    w.start(
        g.next(),
        &worst_text(&mut g, MAX_NAME_CHARS),
        "Fay",
        day(2100, 12, 31),
    )
    .unwrap();
    w.set_dots_each(MAX_DOTS).unwrap();
    for i in 0..MAX_PARTICIPANTS {
        let voter = format!("{i:03}{}", worst_text(&mut g, MAX_NAME_CHARS - 3));
        w.add_voter(&voter).unwrap();
        for d in 0..MAX_DOTS as usize {
            w.place_dot(&goals, &voter, ids[(i + d) % ids.len()])
                .unwrap();
        }
    }
    w.committed = ids.clone();
    w.parking_lot = (0..MAX_PARKED)
        .map(|_| worst_text(&mut g, MAX_TEXT_CHARS))
        .collect();
    s
}

/// Worst-case text of one of the `lengths`, at random.
fn worst_of(g: &mut Gen, lengths: &[usize]) -> String {
    let n = pick(g, lengths);
    worst_text(g, n)
}

/// One of `options`, at random.
fn pick<T: Copy>(g: &mut Gen, options: &[T]) -> T {
    options[g.below(options.len())]
}

/// A random scenario at the edges the limits allow: values at both ends of
/// their ranges and the smallest size kept (a billionth), dates at the ends of the
/// model's years, texts at their longest in four-byte characters, settings
/// at their largest — every one accepted, most never typed by anyone.
pub fn extreme(g: &mut Gen) -> Scenario {
    use flywheel_core::model::goals::{CheckIn, Guard, Measure, MetricTarget, MAX_TEXT_CHARS};
    use flywheel_core::model::import::{Measured, MAX_SAMPLE_HOURS, MAX_WEEKLY_DEPLOYS};
    use flywheel_core::model::plan::{MAX_TRIALS, MAX_WEEKS};
    use flywheel_core::model::scenario::MAX_AMOUNT;
    use flywheel_core::model::slo::{WindowKind, MAX_INCIDENT_MINUTES, MAX_REQUESTS_PER_DAY};
    use flywheel_core::model::{Edition, Metric, RatePeriod, TimeUnit};
    let tiny = flywheel_core::model::limits::SMALLEST;
    let mut s = typical();
    s.team = worst_of(g, &[1, Scenario::MAX_TEAM_CHARS]);
    s.edition = pick(g, &Edition::ALL);
    let b = &mut s.baseline;
    b.deploy_frequency.count = pick(g, &[0.0, tiny, 1.0, MAX_AMOUNT]);
    b.deploy_frequency.per = pick(g, &RatePeriod::ALL);
    b.lead_time.amount = pick(g, &[tiny, 0.5, MAX_AMOUNT]);
    b.lead_time.unit = pick(g, &TimeUnit::ALL);
    b.recovery_time.amount = pick(g, &[tiny, 1.0, MAX_AMOUNT]);
    b.recovery_time.unit = pick(g, &TimeUnit::ALL);
    b.change_failure_rate = pick(g, &[0.0, tiny, 7.9, 100.0]);
    b.rework_rate = pick(g, &[0.0, tiny, 100.0]);
    b.code_churn = pick(g, &[None, Some(0.0), Some(tiny), Some(100.0)]);
    b.defect_escape_rate = pick(g, &[None, Some(tiny), Some(100.0)]);
    b.availability = pick(g, &[None, Some(0.0), Some(100.0)]);
    let (first, last) = (day(2000, 1, 1), day(2100, 12, 31));
    for goal in &mut s.goals.0 {
        goal.title = worst_of(g, &[1, MAX_TEXT_CHARS]);
        goal.owner = worst_of(g, &[0, MAX_TEXT_CHARS]);
        goal.start = pick(g, &[None, Some(first)]);
        goal.deadline = pick(g, &[None, Some(first), Some(last)]);
        let metric = pick(g, &Metric::ALL);
        let top = if metric.is_percent() { 100.0 } else { 1e9 };
        goal.target = pick(g, &[true, false]).then(|| MetricTarget {
            measure: if g.below(4) == 0 {
                Measure::Custom {
                    name: worst_text(g, MAX_TEXT_CHARS),
                    unit: worst_of(g, &[0, MAX_TEXT_CHARS]),
                    baseline: pick(g, &[0.0, tiny, 1e9]),
                    higher_is_better: pick(g, &[true, false]),
                }
            } else {
                Measure::Baseline(metric)
            },
            target: pick(g, &[0.0, tiny, top]),
        });
        goal.guard = pick(g, &[true, false]).then(|| Guard {
            metric: Metric::ChangeFailureRate,
            limit: pick(g, &[0.0, tiny, 100.0]),
        });
        goal.check_ins = if goal.deadline == Some(first) {
            Vec::new()
        } else {
            vec![
                CheckIn::typed(first, pick(g, &[0.0, tiny])),
                CheckIn::typed(last, pick(g, &[tiny, 100.0])),
            ]
        };
    }
    let p = &mut s.simulation.plans[0];
    p.name = worst_of(g, &[0, Plan::MAX_NAME_CHARS]);
    p.cycle_weeks = pick(g, &[1, Plan::MAX_CYCLE_WEEKS]);
    p.capacity_pct = pick(g, &[0.0, tiny, 100.0]);
    p.success_pct = pick(g, &[0.0, 100.0]);
    p.effect_pct = flywheel_core::model::plan::PerMetric::splat(pick(g, &[0.0, tiny, 100.0]));
    p.effect_spread_pct = pick(g, &[0.0, 100.0]);
    p.setback_pct = pick(g, &[0.0, 100.0]);
    p.erosion_pct_per_week = pick(g, &[0.0, 10.0]);
    p.noise_pct = pick(g, &[0.0, tiny, 100.0]);
    let (lo, hi) = Plan::DEPLOY_CEILING_RANGE;
    p.bounds.max_deploys_per_day = pick(g, &[lo, hi]);
    let (lo, hi) = Plan::LEAD_FLOOR_RANGE;
    p.bounds.min_lead_time_hours = pick(g, &[lo, hi]);
    let (lo, hi) = Plan::RECOVERY_FLOOR_RANGE;
    p.bounds.min_recovery_hours = pick(g, &[lo, hi]);
    p.bounds.min_change_failure_rate = pick(g, &[0.0, 100.0]);
    p.bounds.min_rework_rate = pick(g, &[0.0, tiny, 100.0]);
    p.coupling.enabled = pick(g, &[true, false]);
    p.coupling.lag_weeks = pick(g, &[0, Plan::MAX_LAG_WEEKS]);
    p.coupling.recovery_to_frequency = pick(g, &[0.0, Plan::MAX_COUPLING]);
    p.coupling.frequency_to_flow = pick(g, &[0.0, Plan::MAX_COUPLING]);
    p.coupling.reinvest_share = pick(g, &[0.0, tiny, 1.0]);
    s.simulation.trials = pick(g, &[100, MAX_TRIALS]);
    s.simulation.horizon_weeks = pick(g, &[4, MAX_WEEKS]);
    s.simulation.seed = pick(g, &[0, u64::MAX]);
    s.simulation.apply_freeze = pick(g, &[true, false]);
    if g.below(2) == 0 {
        s.measured = Some(Measured {
            from: "2000-01-01".into(),
            to: pick(g, &["2000-01-01", "2010-01-08"]).into(),
            deployments: pick(g, &[0, flywheel_core::model::import::MAX_DEPLOYMENTS]),
            weekly_deploys: vec![pick(g, &[0, MAX_WEEKLY_DEPLOYS]); pick(g, &[0, 4, 8])],
            lead_hours: vec![0.0, MAX_SAMPLE_HOURS],
            recovery_hours: vec![1e-6],
            applied: Metric::DORA.to_vec(),
            baseline: s.baseline.clone(),
        });
    }
    let slo = &mut s.slo;
    slo.target = pick(g, &[tiny, 50.0, 99.99999, 100.0]);
    slo.window = pick(g, &[WindowKind::Rolling, WindowKind::CalendarMonth]);
    slo.rolling_days = pick(g, &[1, 90]);
    slo.requests_per_day = pick(g, &[0.0, tiny, MAX_REQUESTS_PER_DAY]);
    slo.window_start = pick(g, &[None, Some(first), Some(last)]);
    for i in &mut slo.incidents {
        i.start = pick(g, &[at(first, 0, 0), at(last, 23, 59)]);
        i.minutes = pick(g, &[tiny, MAX_INCIDENT_MINUTES]);
        i.share = pick(g, &[tiny, 100.0]);
    }
    slo.alert_error_rate = pick(g, &[tiny, 100.0]);
    slo.failure_share = pick(g, &[0.0, tiny, 100.0]);
    slo.policy.postmortem_share = pick(g, &[tiny, 100.0]);
    slo.policy.trials = pick(g, &[1, flywheel_core::model::slo::MAX_TRIALS]);
    slo.policy.freeze = pick(g, &[true, false]);
    slo.seed = pick(g, &[0, u64::MAX]);
    s.workshop.participant = worst_of(g, &[0, flywheel_core::model::workshop::MAX_NAME_CHARS]);
    assert!(
        s.is_valid(),
        "{:?}",
        flywheel_core::model::saved::problem(&s)
    );
    s
}
