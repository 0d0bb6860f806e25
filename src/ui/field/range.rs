//! A slider over a number, with the value in words beside it.

use leptos::prelude::*;

use super::Binding;

/// A range input (`role="slider"`) over `min..=max` in steps of `step`,
/// the model's limits for the quantity, never retyped by the caller. The
/// thumb follows the model's value, and the value in words is shown beside
/// it and announced (`aria-valuetext`), so "20%" is read, not "20".
///
/// `on_input` receives each value while the thumb moves; `on_release`
/// fires when it stops (the pointer is released, the change is committed,
/// or focus leaves), so a caller can preview cheaply while dragging.
#[component]
pub fn RangeInput(
    /// The value shown, in the unit of `min`/`max`.
    #[prop(into)]
    value: Signal<f64>,
    /// The value in words with its unit ("20%").
    #[prop(into)]
    text: Signal<String>,
    /// Smallest value.
    min: f64,
    /// Largest value.
    max: f64,
    /// What one step (an arrow key) changes.
    step: f64,
    /// Receives each value as the thumb moves.
    on_input: Callback<f64>,
    /// Told when the thumb stops moving.
    #[prop(optional)]
    on_release: Option<Callback<()>>,
    /// Makes the control stand alone, with this accessible name.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The element id when standing alone.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let bind = Binding::new(aria_label, id);
    let release = move || {
        if let Some(r) = on_release {
            r.run(());
        }
    };
    let output_for = bind.id.clone();
    view! {
        <div class="field__range">
            <input
                id=bind.id
                class="field__range-input"
                type="range"
                min=min
                max=max
                step=step
                aria-label=bind.aria_label
                aria-describedby=bind.described_by
                aria-valuetext=move || text.get()
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        on_input.run(v.clamp(min, max));
                    }
                }
                on:change=move |_| release()
                on:pointerup=move |_| release()
                on:blur=move |_| release()
            />
            <output class="field__range-value" for=output_for>
                {move || text.get()}
            </output>
        </div>
    }
}
