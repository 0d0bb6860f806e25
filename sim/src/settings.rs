//! A run's settings in words: the horizons and trial counts offered
//! (the model's lists, [`Simulation::horizon_choices`] and
//! [`Simulation::trial_choices`]), each saying what will be simulated, and
//! what a finished run says when it simulated fewer trials than were
//! chosen — one run simulates at most [`MAX_TRIAL_WEEKS`] trial-weeks.

use flywheel_core::model::plan::Simulation;
use flywheel_core::model::units::format_count;

use crate::monte_carlo::{trials_run, MAX_TRIAL_WEEKS};

/// Trial-weeks a live preview may simulate while a slider is dragged, sized
/// to fit one 16 ms frame (4–15 ms on the 2-core test machine; an
/// end-to-end test holds the median preview of a drag to 16 ms).
pub const PREVIEW_TRIAL_WEEKS: u32 = 80_000;

/// The trial count a preview uses over `weeks`, never more than the run
/// asks for (a run of 300 trials previews with 300).
pub fn preview_trials(weeks: u32, asked: u32) -> u32 {
    (PREVIEW_TRIAL_WEEKS / weeks.max(1))
        .clamp(100, 5_000)
        .min(asked)
}

/// The horizons to offer, with their names: "52 weeks".
pub fn horizon_choices(sim: &Simulation) -> Vec<(u32, String)> {
    sim.horizon_choices()
        .into_iter()
        .map(|w| (w, format!("{} weeks", format_count(u64::from(w)))))
        .collect()
}

/// The trial counts to offer at the simulation's horizon, with their
/// names: "10,000 trials", or "50,000 trials (20,000 run over 156 weeks)"
/// when the cap on a run's work leaves fewer.
pub fn trial_choices(sim: &Simulation) -> Vec<(u32, String)> {
    let weeks = sim.horizon_weeks;
    sim.trial_choices()
        .into_iter()
        .map(|n| {
            let ran = trials_run(n, weeks);
            let name = if ran < n {
                format!(
                    "{} trials ({} run over {weeks} weeks)",
                    format_count(u64::from(n)),
                    format_count(u64::from(ran))
                )
            } else {
                format!("{} trials", format_count(u64::from(n)))
            };
            (n, name)
        })
        .collect()
}

/// What to say about a run of `weeks` weeks that simulated `ran` trials
/// when `requested` were chosen: a preview's few while a setting is being
/// dragged, or the cap on a run's work; nothing when all ran.
pub fn trials_note(requested: u32, weeks: u32, ran: u32) -> Option<String> {
    let full = trials_run(requested, weeks);
    if ran < full {
        return Some(format!(
            "A quick preview while the slider moves: {} trials run when it is released.",
            format_count(u64::from(full))
        ));
    }
    (full < requested).then(|| {
        format!(
            "That is fewer than the {} trials chosen: one run simulates at most {} trial-weeks (trials × weeks) so that the page stays responsive, which over {weeks} weeks is {} trials.",
            format_count(u64::from(requested)),
            format_count(u64::from(MAX_TRIAL_WEEKS)),
            format_count(u64::from(full)),
        )
    })
}
