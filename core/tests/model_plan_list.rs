//! The plans a simulation compares, edited as a list, and the knobs and
//! choices the Simulate screen offers: every rule the screen relies on.

use flywheel_core::model::plan::{
    Knob, Plan, Preset, Simulation, EDITED_MARK, MAX_PLANS, MAX_TRIALS, MAX_WEEKS,
};
use flywheel_core::model::Metric;

fn names(sim: &Simulation) -> Vec<&str> {
    sim.plans.iter().map(|p| p.name.as_str()).collect()
}

fn all_knobs() -> impl Iterator<Item = Knob> {
    Knob::MAIN
        .into_iter()
        .chain(Knob::EFFECTS)
        .chain(Knob::ADVANCED)
}

#[test]
fn presets_are_added_until_the_comparison_is_full() {
    let mut sim = Simulation::default();
    assert_eq!(sim.plans.len(), MAX_PLANS);
    assert!(!sim.can_add());
    assert!(!sim.add_preset(Preset::CanaryPilot));
    assert!(sim.remove(2));
    assert!(sim.can_add());
    assert!(sim.add_preset(Preset::CanaryPilot));
    assert_eq!(
        names(&sim),
        ["Kaizen", "Quarterly overhaul", "Canary pilot"]
    );
    assert_eq!(sim.problem(), None);
}

#[test]
fn removing_a_plan_keeps_the_same_plan_chosen_and_one_always_stays() {
    let mut sim = Simulation {
        chosen: 2,
        ..Simulation::default()
    };
    assert!(sim.remove(0));
    assert_eq!(sim.chosen_plan().name, "Capability trap");
    // Removing the chosen plan chooses the one after it, or the last.
    assert!(sim.remove(1));
    assert_eq!(sim.chosen, 0);
    assert_eq!(names(&sim), ["Quarterly overhaul"]);
    assert!(!sim.can_remove());
    assert!(!sim.remove(0));
    assert!(!sim.remove(7));
    assert_eq!(sim.plans.len(), 1);
    assert_eq!(sim.problem(), None);
}

#[test]
fn choosing_needs_an_existing_plan() {
    let mut sim = Simulation::default();
    assert!(sim.choose(1));
    assert_eq!(sim.chosen_plan().name, "Quarterly overhaul");
    assert!(!sim.choose(3));
    assert_eq!(sim.chosen, 1);
}

#[test]
fn an_edit_marks_the_plan_once_and_keeps_where_it_started() {
    let mut sim = Simulation::default();
    sim.choose(1);
    // Setting a knob to the value it has changes nothing.
    assert!(sim.set_knob(Knob::Capacity, 10.0));
    assert_eq!(sim.chosen_plan().name, "Quarterly overhaul");
    assert!(!sim.chosen_plan().is_edited());

    sim.set_knob(Knob::Capacity, 20.0);
    sim.set_knob(Knob::Success, 60.0);
    let plan = sim.chosen_plan();
    assert_eq!(plan.name, format!("Quarterly overhaul{EDITED_MARK}"));
    assert_eq!(plan.preset, Preset::QuarterlyOverhaul);
    assert!(plan.is_edited());
    assert!(plan
        .description()
        .contains("started from “Quarterly overhaul”"));
    assert_eq!(plan.capacity_pct, 20.0);

    // A reset returns to the preset it started from, name and all.
    assert!(sim.reset_to_preset(1));
    assert_eq!(sim.plans[1], Plan::preset(Preset::QuarterlyOverhaul));
    assert!(!sim.plans[1].is_edited());
    assert_eq!(
        sim.plans[1].description(),
        Preset::QuarterlyOverhaul.description()
    );
    assert!(!sim.reset_to_preset(5));
}

#[test]
fn an_edit_of_the_coupling_marks_the_plan_too() {
    let mut sim = Simulation::default();
    sim.edit_plan(0, |p| p.coupling.enabled = false);
    assert_eq!(sim.plans[0].name, "Kaizen (edited)");
    assert!(!sim.edit_plan(9, |p| p.coupling.enabled = true));
}

#[test]
fn a_plan_saved_as_custom_resets_to_kaizen() {
    let mut sim = Simulation::default();
    sim.plans[2].preset = Preset::Custom;
    sim.plans[2].name = "Ours".into();
    assert!(sim.plans[2].is_edited());
    assert_eq!(sim.plans[2].description(), "Your own plan.");
    sim.reset_to_preset(2);
    assert_eq!(sim.plans[2].name, "Kaizen");
    assert_eq!(sim.plans[2].preset, Preset::Kaizen);
}

#[test]
fn every_knob_reaches_exactly_the_values_a_plan_may_hold() {
    for knob in all_knobs() {
        let r = knob.range();
        assert!(r.min < r.max && r.step > 0.0, "{knob:?}");
        let steps = (r.max - r.min) / r.step;
        assert!(
            (steps - steps.round()).abs() < 1e-9,
            "{knob:?}: max off the steps"
        );
        for v in [r.min, r.max, r.min + r.step] {
            let mut p = Plan::preset(Preset::Kaizen);
            knob.set(&mut p, v);
            assert!((knob.get(&p) - v).abs() < 1e-9, "{knob:?} {v}");
            assert_eq!(p.problem(), None, "{knob:?} at {v}");
        }
        // Beyond the range is brought back into it, and nonsense ignored.
        let mut p = Plan::preset(Preset::Kaizen);
        knob.set(&mut p, r.max * 2.0 + 1.0);
        assert_eq!(knob.get(&p), r.max, "{knob:?}");
        knob.set(&mut p, -1.0);
        assert_eq!(knob.get(&p), r.min, "{knob:?}");
        knob.set(&mut p, f64::NAN);
        assert_eq!(knob.get(&p), r.min, "{knob:?}");
        knob.set(&mut p, 1e-300);
        assert_eq!(p.problem(), None, "{knob:?}: a subnormal stored");
    }
}

/// A knob and an edit that takes its value past what the knob offers.
type Beyond = (Knob, fn(&mut Plan));

#[test]
fn the_model_refuses_what_no_knob_can_reach() {
    let beyond: [Beyond; 6] = [
        (Knob::CycleWeeks, |p| {
            p.cycle_weeks = Plan::MAX_CYCLE_WEEKS + 1
        }),
        (Knob::Capacity, |p| p.capacity_pct = 100.5),
        (Knob::Effect(Metric::LeadTime), |p| {
            p.effect_pct.lead_time = 101.0
        }),
        (Knob::RecoveryToFrequency, |p| {
            p.coupling.recovery_to_frequency = Plan::MAX_COUPLING + 0.1
        }),
        (Knob::LagWeeks, |p| {
            p.coupling.lag_weeks = Plan::MAX_LAG_WEEKS + 1
        }),
        (Knob::Erosion, |p| {
            p.erosion_pct_per_week = Plan::MAX_EROSION_PCT_PER_WEEK + 0.05
        }),
    ];
    for (knob, breach) in beyond {
        let mut p = Plan::preset(Preset::Kaizen);
        breach(&mut p);
        assert!(knob.get(&p) > knob.range().max, "{knob:?}");
        assert!(p.problem().is_some(), "{knob:?}");
    }
}

#[test]
fn knobs_have_distinct_ids_and_read_in_their_unit() {
    let mut keys: Vec<&str> = all_knobs().map(Knob::key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 15);
    assert_eq!(Knob::Capacity.describe(20.0), "20%");
    assert_eq!(Knob::CycleWeeks.describe(2.0), "2 weeks");
    assert_eq!(Knob::FrequencyToFlow.describe(0.5), "0.5×");
    assert_eq!(Knob::Effect(Metric::LeadTime).describe(4.0), "4% of gap");
    let p = Plan::preset(Preset::Kaizen);
    assert_eq!(Knob::Reinvest.get(&p), 50.0);
}

#[test]
fn the_horizon_and_trials_offered_include_the_ones_set() {
    let mut sim = Simulation::default();
    assert_eq!(sim.horizon_choices(), Simulation::HORIZONS);
    assert_eq!(sim.trial_choices(), Simulation::TRIAL_COUNTS);
    // A shared link's 78 weeks and 300 trials are valid, and offered as
    // themselves, in order.
    sim.horizon_weeks = 78;
    sim.trials = 300;
    assert_eq!(sim.problem(), None);
    assert_eq!(sim.horizon_choices(), [26, 52, 78, 104, 156]);
    assert_eq!(sim.trial_choices(), [300, 1_000, 10_000, 50_000]);
    sim.trials = MAX_TRIALS;
    sim.horizon_weeks = MAX_WEEKS;
    assert_eq!(sim.trial_choices().last(), Some(&MAX_TRIALS));
    assert_eq!(sim.horizon_choices().last(), Some(&MAX_WEEKS));
    // Every offered value is one the model accepts.
    for &weeks in &Simulation::HORIZONS {
        for &trials in &Simulation::TRIAL_COUNTS {
            let s = Simulation {
                horizon_weeks: weeks,
                trials,
                ..Simulation::default()
            };
            assert_eq!(s.problem(), None, "{weeks} weeks, {trials} trials");
        }
    }
}
