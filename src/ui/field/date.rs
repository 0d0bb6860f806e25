//! Dates and moments, through the browser's own pickers.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use super::draft::Draft;
use super::Binding;
use crate::model::date::{format_datetime_local, iso, parse_date_strict, parse_datetime_local};

/// A date picker (`<input type="date">`), bounded by the model's range.
#[component]
pub fn DateInput(
    /// The model's date (`None`: not set).
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Receives the date chosen (`None` when cleared).
    on_change: Callback<Option<NaiveDate>>,
    /// Earliest date offered.
    #[prop(optional)]
    min: Option<NaiveDate>,
    /// Latest date offered.
    #[prop(optional)]
    max: Option<NaiveDate>,
    /// Makes the control stand alone, with this accessible name.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The element id when standing alone.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let bind = Binding::new(aria_label, id);
    let draft = Draft::new();
    let shown = draft.shown(value, |d: &Option<NaiveDate>| {
        d.map(iso).unwrap_or_default()
    });
    view! {
        <input
            id=bind.id
            class="field__input field__input--date"
            type="date"
            min=min.map(iso)
            max=max.map(iso)
            aria-label=bind.aria_label
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            prop:value=shown
            on:input=move |ev| {
                let text = event_target_value(&ev);
                on_change.run(parse_date_strict(&text));
                draft.typed(text, value);
            }
        />
    }
}

/// A date and time picker (`<input type="datetime-local">`), to the minute.
#[component]
pub fn DateTimeInput(
    /// The model's moment (`None`: not set).
    #[prop(into)]
    value: Signal<Option<NaiveDateTime>>,
    /// Receives the moment chosen (`None` when cleared or incomplete).
    on_change: Callback<Option<NaiveDateTime>>,
    /// Earliest moment offered.
    #[prop(optional)]
    min: Option<NaiveDateTime>,
    /// Latest moment offered.
    #[prop(optional)]
    max: Option<NaiveDateTime>,
) -> impl IntoView {
    let bind = Binding::new(None, None);
    let draft = Draft::new();
    let shown = draft.shown(value, |t: &Option<NaiveDateTime>| {
        t.map(format_datetime_local).unwrap_or_default()
    });
    view! {
        <input
            id=bind.id
            class="field__input field__input--date"
            type="datetime-local"
            min=min.map(format_datetime_local)
            max=max.map(format_datetime_local)
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            prop:value=shown
            on:input=move |ev| {
                let text = event_target_value(&ev);
                on_change.run(parse_datetime_local(&text));
                draft.typed(text, value);
            }
        />
    }
}
