//! The current step's time box: start, pause and extend. Time spent is
//! kept per step for this session; the boxes themselves are saved.

use leptos::prelude::*;

use crate::model::workshop::{format_clock, Step};
use crate::ui::runs::now_ms;
use crate::ui::state::AppState;

/// Minutes "Add time" gives the current step.
const EXTEND_MINUTES: u32 = 5;

/// Where a step's seconds are counted: the five steps in order, then the
/// optional review.
fn slot(step: Step) -> usize {
    step.slot().unwrap_or(Step::ALL.len())
}

/// The time box of `step`, with its clock and controls.
#[component]
pub(super) fn Timer(
    /// The step the room is on.
    step: Memo<Step>,
) -> impl IntoView {
    let state = AppState::expect();
    let running = RwSignal::new(false);
    let spent = RwSignal::new([0.0f64; Step::ALL.len() + 1]);
    let last = StoredValue::new(0.0f64);
    let tick = move || {
        let now = now_ms();
        let seconds = (now - last.get_value()) / 1000.0;
        last.set_value(now);
        let i = slot(step.get_untracked());
        spent.update(|s| s[i] += seconds.max(0.0));
    };
    let interval = set_interval_with_handle(
        move || {
            if running.get_untracked() {
                tick();
            }
        },
        std::time::Duration::from_millis(250),
    );
    on_cleanup(move || {
        if let Ok(handle) = interval {
            handle.clear();
        }
    });
    let toggle = move |_| {
        if running.get_untracked() {
            tick();
            running.set(false);
        } else {
            last.set_value(now_ms());
            running.set(true);
        }
    };
    let minutes = move || state.scenario.with(|s| s.workshop.minutes_for(step.get()));
    let clock = move || {
        let box_seconds = f64::from(minutes()) * 60.0;
        format_clock(box_seconds, spent.with(|s| s[slot(step.get())]))
    };
    let over = move || clock().ends_with("over");
    view! {
        <div class="workshop__timer" role="group" aria-label="Time box">
            <p class="workshop__clock" class:workshop__clock--over=over>
                <span class="visually-hidden">"Time box: "</span>
                {clock}
                <span class="workshop__box">{move || format!(" of {} min", minutes())}</span>
            </p>
            <button type="button" class="button" on:click=toggle>
                {move || if running.get() { "Pause timer" } else { "Start timer" }}
            </button>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    state.edit(|s| s.workshop.extend(step.get_untracked(), EXTEND_MINUTES))
                }
            >
                {format!("Add {EXTEND_MINUTES} minutes")}
            </button>
        </div>
    }
}
