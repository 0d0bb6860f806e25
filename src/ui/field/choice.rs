//! Typed choices: a `<select>` over values of a type, and a checkbox.

use leptos::prelude::*;

use super::Binding;

/// A `<select>` over typed values. Options are identified by position, so
/// no string key round-trips through the page: the caller gets back one of
/// the values it passed in.
#[component]
pub fn Choice<T>(
    /// The values offered and their visible names, in display order; the
    /// model's enum (`ALL`) or list, never retyped here.
    #[prop(into)]
    options: Signal<Vec<(T, String)>>,
    /// The value selected.
    #[prop(into)]
    selected: Signal<T>,
    /// Receives the value chosen.
    on_change: Callback<T>,
    /// Makes the control stand alone, with this accessible name (a unit
    /// picker beside a number, say).
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The element id when standing alone.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let bind = Binding::new(aria_label, id);
    let choose = move |ev: leptos::ev::Event| {
        let index: Option<usize> = event_target_value(&ev).parse().ok();
        let value =
            index.and_then(|i| options.with_untracked(|o| o.get(i).map(|(v, _)| v.clone())));
        if let Some(v) = value {
            on_change.run(v);
        }
    };
    view! {
        <select
            id=bind.id
            class="field__select"
            aria-label=bind.aria_label
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            on:change=choose
        >
            {move || {
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (value, name))| {
                        let is = Memo::new(move |_| selected.with(|s| *s == value));
                        view! {
                            <option value=i.to_string() selected=move || is.get() prop:selected=move || is.get()>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// A checkbox with its label beside it (a checkbox's label follows it, so
/// it sits outside [`super::Field`]).
#[component]
pub fn Checkbox(
    /// Element id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Receives the new state.
    on_change: Callback<bool>,
    /// A short help text under it.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The row it belongs to, read after the label by screen readers only
    /// ("Compare" in a team's row is "Compare Checkout").
    #[prop(optional, into)]
    for_row: MaybeProp<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let has_hint = hint.with_untracked(Option::is_some);
    view! {
        <div class="field field--check">
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || checked.get()
                aria-describedby=has_hint.then(|| hint_id.clone())
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label class="field__label" for=id>
                {move || label.get()}
                {move || for_row.get().map(|r| view! { <span class="visually-hidden">" "{r}</span> })}
            </label>
            {has_hint.then(|| view! { <p class="field__hint" id=hint_id.clone()>{move || hint.get()}</p> })}
        </div>
    }
}
