//! A number typed as text, in the unit the user sees.

use leptos::prelude::*;

use super::draft::Draft;
use super::Binding;
use crate::model::units::format_number;
use crate::model::validate::{parse_number, parse_optional, NumberRule};

/// A numeric text box. Only valid values reach `on_change`; while the text
/// is not one, the last valid value stays in force and the field says why.
#[component]
pub fn NumberInput(
    /// The value shown, in the unit of `rule` (`None`: empty).
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Range and unit; the model's rule for this quantity.
    rule: NumberRule,
    /// Receives each valid value (`None` for an emptied optional field).
    on_change: Callback<Option<f64>>,
    /// Whether the box may be left empty.
    #[prop(optional)]
    optional: bool,
    /// Significant digits shown for the model's value.
    #[prop(default = 4)]
    digits: usize,
    /// Makes the control stand alone, with this accessible name, outside a
    /// field.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The element id when standing alone.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes for the input.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let bind = Binding::new(aria_label, id);
    let draft = Draft::new();
    let shown = draft.shown(value, move |v: &Option<f64>| {
        v.map(|v| format_number(v, digits)).unwrap_or_default()
    });
    let parse = move |text: &str| {
        if optional {
            parse_optional(text, rule)
        } else {
            parse_number(text, rule).map(Some)
        }
    };
    // The field shows why the text on screen is rejected, whatever put it
    // there.
    bind.report(Signal::derive(move || {
        shown.with(|t| parse(t).err().map(|e| e.message()))
    }));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Ok(v) = parse(&text) {
            on_change.run(v);
        }
        draft.typed(text, value);
    };
    view! {
        <input
            id=bind.id
            class=format!("field__input {class}")
            type="text"
            inputmode="decimal"
            autocomplete="off"
            aria-label=bind.aria_label
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            prop:value=shown
            on:input=on_input
        />
    }
}
