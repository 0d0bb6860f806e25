//! Form fields that keep what the user typed, validate it with the model's
//! rules, show the reason beside the field, and pass on only valid values.

use leptos::prelude::*;

use crate::model::validate::{parse_number, parse_optional, NumberRule};

/// A labelled numeric text field. The text is the user's; the model only
/// ever receives a valid value, so the last valid value stays in force while
/// the field shows why the current text is rejected.
#[component]
pub fn NumberField(
    /// Element id, tied to the label.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The text the field starts with.
    #[prop(into)]
    initial: String,
    /// Range and unit rules.
    rule: NumberRule,
    /// Whether the field may be left empty (an optional metric).
    #[prop(optional)]
    optional: bool,
    /// A short help text under the field.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Receives each valid value (`None` for an emptied optional field).
    on_valid: Callback<Option<f64>>,
    /// Controls shown after the input, such as a unit picker or a suffix.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let error = Memo::new(move |_| {
        text.with(|t| {
            if optional {
                parse_optional(t, rule).err()
            } else {
                parse_number(t, rule).err()
            }
        })
        .map(|e| e.message())
    });
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let parsed = if optional {
            parse_optional(&value, rule)
        } else {
            parse_number(&value, rule).map(Some)
        };
        text.set(value);
        if let Ok(v) = parsed {
            on_valid.run(v);
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="field__optional">" (optional)"</span> })}
            </label>
            <div class="field__control">
                <input
                    id=id
                    class="field__input"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || text.get()
                    on:input=on_input
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=described_by
                />
                {children.map(|c| c())}
            </div>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            <p class="field__error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A `<select>` over a fixed list of options, identified by string keys.
#[component]
pub fn Choice(
    /// Element id.
    #[prop(into)]
    id: String,
    /// Accessible name (the picker usually sits beside a labelled input).
    #[prop(into)]
    label: String,
    /// `(key, text)` pairs, in display order.
    options: Vec<(&'static str, &'static str)>,
    /// The selected key.
    #[prop(into)]
    selected: Signal<&'static str>,
    /// Receives the newly selected key.
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <select
            id=id
            class="field__select"
            aria-label=label
            on:change=move |ev| on_change.run(event_target_value(&ev))
        >
            {options
                .into_iter()
                .map(|(key, text)| {
                    view! {
                        <option value=key selected=move || selected.get() == key>
                            {text}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
