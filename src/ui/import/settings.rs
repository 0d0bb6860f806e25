//! The window the figures cover (the model's `WindowChoice`: the last 30,
//! 90 or 180 days up to the latest record, or a date range) and the time
//! zone timestamps without an offset are read in and days are counted in.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::state::{range_start, Import};
use crate::model::date::timestamp::{offset, offset_label, OFFERED_OFFSETS};
use crate::model::import::WindowChoice;
use crate::model::limits::{add_days, MAX_YEAR, MIN_YEAR};
use crate::ui::field::{Choice, DateInput, Field};
use crate::ui::state::AppState;

/// The window and the zone.
#[component]
pub fn Settings(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let today = AppState::expect().today;
    let window = import.window;
    // The range offered: the one chosen, else the data's own span, else
    // the 90 days to today.
    let range = Memo::new(move |_| match window.get() {
        WindowChoice::Range(a, b) => (a, b),
        _ => import
            .figures
            .with(|f| range_start(f.as_ref().map(|f| &f.value)))
            .unwrap_or_else(|| (add_days(today, -89).unwrap_or(today), today)),
    });
    let options = Signal::derive(move || {
        let (a, b) = range.get();
        WindowChoice::OFFERED
            .into_iter()
            .chain([WindowChoice::Range(a, b)])
            .map(|c| (c, c.label()))
            .collect::<Vec<_>>()
    });
    let is_range = move || matches!(window.get(), WindowChoice::Range(..));
    // The model's years (limits::date_ok), as the picker's bounds.
    let (min, max) = (
        NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or_default(),
    );
    let set_from = Callback::new(move |d: Option<NaiveDate>| {
        if let Some(d) = d {
            window.set(WindowChoice::Range(d, range.get_untracked().1));
        }
    });
    let set_to = Callback::new(move |d: Option<NaiveDate>| {
        if let Some(d) = d {
            window.set(WindowChoice::Range(range.get_untracked().0, d));
        }
    });
    let zones: Vec<(i32, String)> = OFFERED_OFFSETS
        .into_iter()
        .map(|m| (m, offset_label(offset(m))))
        .collect();
    view! {
        <div class="import__options">
            <Field
                id="import-window"
                label="Window"
                hint="Counted back from the day of the latest record in the files."
            >
                <Choice
                    options
                    selected=window
                    on_change=Callback::new(move |c| window.set(c))
                />
            </Field>
            <Show when=is_range>
                <Field id="import-from" label="From">
                    <DateInput
                        value=Signal::derive(move || Some(range.get().0))
                        on_change=set_from
                        min=min
                        max=max
                    />
                </Field>
                <Field id="import-to" label="To">
                    <DateInput
                        value=Signal::derive(move || Some(range.get().1))
                        on_change=set_to
                        min=min
                        max=max
                    />
                </Field>
            </Show>
            <Field
                id="import-zone"
                label="Time zone for per-day counting"
                hint="A fixed offset: timestamps without an offset are read in it, and days and weeks are counted in it. Daylight-saving changes are not applied; timestamps with offsets (or UTC) are always exact."
            >
                <Choice
                    options=zones
                    selected=import.zone_minutes
                    on_change=Callback::new(move |m| import.set_zone(m))
                />
            </Field>
        </div>
    }
}
