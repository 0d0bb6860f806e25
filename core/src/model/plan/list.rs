//! The plans a simulation compares, as a list a person edits — add a
//! preset, remove a plan, choose one, reset one to its preset, change one
//! by hand (which marks it edited) — and the horizons and trial counts
//! offered for a run. The Simulate screen only calls these.

use crate::model::plan::{Knob, Plan, Preset, Simulation, MAX_PLANS};

/// What [`Plan::mark_edited`] puts after an edited plan's name.
pub const EDITED_MARK: &str = " (edited)";

impl Preset {
    /// Its name in a list of strategies to add.
    pub fn title(self) -> &'static str {
        match self {
            Preset::Kaizen => "Kaizen: small steady gains",
            Preset::QuarterlyOverhaul => "Quarterly overhaul",
            Preset::CapabilityTrap => "Capability trap",
            Preset::CanaryPilot => "Canary pilot (CFR 20% → 2%)",
            Preset::Custom => "Custom",
        }
    }

    /// The preset a plan returns to when reset: its own, or Kaizen for a
    /// plan saved as "Custom" (older versions forgot where an edited plan
    /// started).
    pub fn reset_target(self) -> Preset {
        match self {
            Preset::Custom => Preset::Kaizen,
            p => p,
        }
    }
}

impl Plan {
    /// Whether the plan was changed by hand since it was a preset.
    pub fn is_edited(&self) -> bool {
        self.preset == Preset::Custom || self.name.ends_with(EDITED_MARK)
    }

    /// One line about the plan: its preset's description, or where an
    /// edited plan started.
    pub fn description(&self) -> String {
        match self.preset {
            Preset::Custom => Preset::Custom.description().to_string(),
            p if self.is_edited() => format!(
                "Your own numbers, started from “{}”. Reset it to return to the preset.",
                p.title()
            ),
            p => p.description().to_string(),
        }
    }
}

impl Simulation {
    /// The horizons offered, in weeks.
    pub const HORIZONS: [u32; 4] = [26, 52, 104, 156];
    /// The trial counts offered.
    pub const TRIAL_COUNTS: [u32; 3] = [1_000, 10_000, 50_000];

    /// Whether another plan fits in the comparison.
    pub fn can_add(&self) -> bool {
        self.plans.len() < MAX_PLANS
    }

    /// Whether a plan may be removed (one always stays).
    pub fn can_remove(&self) -> bool {
        self.plans.len() > 1
    }

    /// Adds `preset`'s plan at the end, if it fits; `false` when full.
    pub fn add_preset(&mut self, preset: Preset) -> bool {
        if !self.can_add() {
            return false;
        }
        self.plans.push(Plan::preset(preset));
        true
    }

    /// Removes plan `i`, keeping the same plan chosen (the one after it
    /// when `i` was chosen); `false` when there is no plan `i` or it is the
    /// last one.
    pub fn remove(&mut self, i: usize) -> bool {
        if !self.can_remove() || i >= self.plans.len() {
            return false;
        }
        self.plans.remove(i);
        if i < self.chosen {
            self.chosen -= 1;
        }
        self.chosen = self.chosen.min(self.plans.len() - 1);
        true
    }

    /// Makes plan `i` the chosen one; `false` when there is none.
    pub fn choose(&mut self, i: usize) -> bool {
        if i >= self.plans.len() {
            return false;
        }
        self.chosen = i;
        true
    }

    /// Returns plan `i` to the preset it started from (its name too).
    pub fn reset_to_preset(&mut self, i: usize) -> bool {
        let Some(plan) = self.plans.get_mut(i) else {
            return false;
        };
        *plan = Plan::preset(plan.preset.reset_target());
        true
    }

    /// Changes plan `i` by hand with `edit`; when that changed anything,
    /// marks it edited ([`Plan::mark_edited`]).
    pub fn edit_plan(&mut self, i: usize, edit: impl FnOnce(&mut Plan)) -> bool {
        let Some(plan) = self.plans.get_mut(i) else {
            return false;
        };
        let before = plan.clone();
        edit(plan);
        if *plan != before {
            plan.mark_edited();
        }
        true
    }

    /// Sets `knob` of the chosen plan to `value` (unit shown).
    pub fn set_knob(&mut self, knob: Knob, value: f64) -> bool {
        self.edit_plan(self.chosen, |p| knob.set(p, value))
    }

    /// The horizons to offer: [`Self::HORIZONS`], and the one set when it
    /// is another (a shared link's 78 weeks), in order — so the choice
    /// always shows what is simulated.
    pub fn horizon_choices(&self) -> Vec<u32> {
        with_current(&Self::HORIZONS, self.horizon_weeks)
    }

    /// The trial counts to offer: [`Self::TRIAL_COUNTS`], and the count
    /// set when it is another, in order.
    pub fn trial_choices(&self) -> Vec<u32> {
        with_current(&Self::TRIAL_COUNTS, self.trials)
    }
}

fn with_current(offered: &[u32], current: u32) -> Vec<u32> {
    let mut all = offered.to_vec();
    if !all.contains(&current) {
        all.push(current);
        all.sort_unstable();
    }
    all
}
