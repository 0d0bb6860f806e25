//! Step 1 (or 2, after a review): the baseline and its tiers, large enough
//! to read from the back of the room.

use leptos::prelude::*;

use crate::model::dora::classify;
use crate::model::goals::Measure;
use crate::model::Metric;
use crate::ui::field::Checkbox;
use crate::ui::state::AppState;
use crate::ui::tier::TierBadge;

/// The baseline's DORA metrics with their tiers.
#[component]
pub(super) fn BaselineStep() -> impl IntoView {
    let state = AppState::expect();
    let tiles = move || {
        state.scenario.with(|s| {
            Metric::DORA
                .into_iter()
                .filter_map(|m| {
                    let v = s.baseline.value(m)?;
                    let tier = classify(s.edition, m, v);
                    Some(view! {
                        <li class="workshop__tile">
                            <span class="workshop__metric">{m.name()}</span>
                            <span class="workshop__value">
                                {Measure::Baseline(m).describe(v, s.baseline.units())}
                            </span>
                            {match tier {
                                Some(verdict) => view! { <TierBadge verdict /> }.into_any(),
                                None => {
                                    view! { <span class="tier tier--none">"Not classified"</span> }
                                        .into_any()
                                }
                            }}
                        </li>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <ul class="workshop__tiles" aria-label="Baseline">{tiles}</ul>
        <p class="workshop__note">
            {move || format!("Against DORA's {} tiers. ", state.scenario.with(|s| s.edition.year()))}
            <a href="#/baseline">"Change the baseline"</a>
        </p>
        <ReviewFirst />
    }
}

/// Whether the room begins by reviewing the last round: the optional first
/// step.
#[component]
pub(super) fn ReviewFirst() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Checkbox
            id="review-first"
            label="Begin with a review of the last round"
            checked=Signal::derive(move || state.scenario.with(|s| s.workshop.reviews_first()))
            on_change=Callback::new(move |on| state.edit(|s| s.workshop.set_review_first(on)))
            hint="Adds a first step: last round's committed goals, with where each stands."
        />
    }
}
