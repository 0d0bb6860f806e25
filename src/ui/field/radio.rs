//! One option of a radio group, with its label.

use leptos::prelude::*;

/// A radio button and its label; the label may hold more than a name (a
/// description under it). Options of one group share `group`, and the
/// caller's list around them names the group (a `fieldset`'s legend).
#[component]
pub fn Radio(
    /// Element id, tied to the label.
    #[prop(into)]
    id: String,
    /// The group's name: one option of a group is selected at a time.
    group: &'static str,
    /// Whether this option is the one selected.
    #[prop(into)]
    checked: Signal<bool>,
    /// Told when this option is selected.
    on_select: Callback<()>,
    /// The label's content.
    children: Children,
) -> impl IntoView {
    view! {
        <input
            type="radio"
            name=group
            id=id.clone()
            prop:checked=move || checked.get()
            on:change=move |_| on_select.run(())
        />
        <label class="field__radio-label" for=id>
            {children()}
        </label>
    }
}
