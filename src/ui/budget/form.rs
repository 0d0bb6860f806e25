//! The SLO: target, window, its start, the budgeting method and traffic,
//! and what bad time costs. Every range and option list is the model's.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::money::CostFields;
use super::verdict::Refusal;
use crate::model::date::iso;
use crate::model::limits;
use crate::model::slo::{
    self, rolling_days_rule, BudgetReport, Method, WindowKind, REQUESTS_RULE, ROLLING_DAYS,
    TARGET_RULE,
};
use crate::model::validate::parse_date;
use crate::ui::field::{Choice, DateInput, Field, NumberInput, Suffix};
use crate::ui::state::AppState;

/// The window kinds offered, from the model's list.
fn windows() -> Vec<(WindowKind, String)> {
    WindowKind::ALL
        .iter()
        .map(|&k| (k, k.label().to_string()))
        .collect()
}

/// The budgeting methods offered, from the model's list.
fn methods() -> Vec<(Method, String)> {
    Method::ALL
        .iter()
        .map(|&m| (m, m.label().to_string()))
        .collect()
}

/// SLO target, window, start, method, traffic and cost.
#[component]
pub fn SloForm(
    /// The budget over the window shown (its start is the one the form
    /// shows).
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    let target = Memo::new(move |_| state.scenario.with(|s| s.slo.target));
    let window = Memo::new(move |_| state.scenario.with(|s| s.slo.window));
    let days = Memo::new(move |_| state.scenario.with(|s| s.slo.rolling_days));
    let method = Memo::new(move |_| state.scenario.with(|s| s.slo.method));
    let requests = Memo::new(move |_| state.scenario.with(|s| s.slo.requests_per_day));
    let start = Memo::new(move |_| report.with(|r| r.start));
    let target_note = Memo::new(move |_| slo::target_message(target.get()));
    let start_refusal = Refusal::new();
    let start_message = start_refusal.message(start.into());
    let set_start = Callback::new(move |d: Option<NaiveDate>| {
        // The model's own check and words: a real date in its years.
        match parse_date(&d.map(iso).unwrap_or_default()) {
            Ok(d) => {
                start_refusal.clear();
                state.edit(|s| s.slo.window_start = Some(d));
            }
            Err(why) => start_refusal.refuse(why, start.get_untracked()),
        }
    });
    let days_hint = format!(
        "Whole days, {} to {}; 30 is the usual choice.",
        ROLLING_DAYS.start(),
        ROLLING_DAYS.end()
    );
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <Field id="slo-target" label="SLO target" hint="Share of good time or good requests, e.g. 99.9.">
                <NumberInput
                    value=Signal::derive(move || Some(target.get()))
                    rule=TARGET_RULE
                    digits=10
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.target = v);
                        }
                    })
                />
                <Suffix text="%" />
            </Field>
            <p class="budget__note" aria-live="polite">{move || target_note.get()}</p>
            <Field id="slo-window" label="Window">
                <Choice
                    options=windows()
                    selected=window
                    on_change=Callback::new(move |k: WindowKind| state.edit(|s| s.slo.window = k))
                />
            </Field>
            {move || (window.get() == WindowKind::Rolling).then(|| view! {
                <Field id="slo-days" label="Rolling window length" hint=days_hint.clone()>
                    <NumberInput
                        value=Signal::derive(move || Some(f64::from(days.get())))
                        rule=rolling_days_rule()
                        on_change=Callback::new(move |v: Option<f64>| {
                            if let Some(v) = v {
                                state.edit(|s| s.slo.set_rolling_days(v));
                            }
                        })
                    />
                    <Suffix text="days" />
                </Field>
            })}
            <Field id="slo-start" label="Window starts" message=start_message>
                <DateInput
                    value=Signal::derive(move || Some(start.get()))
                    on_change=set_start
                    min=limits::first_date()
                    max=limits::last_date()
                />
            </Field>
            <Field id="slo-method" label="Budgeting method">
                <Choice
                    options=methods()
                    selected=method
                    on_change=Callback::new(move |m: Method| state.edit(|s| s.slo.method = m))
                />
            </Field>
            {move || (method.get() == Method::RequestBased).then(|| view! {
                <Field id="slo-requests" label="Valid requests per day">
                    <NumberInput
                        value=Signal::derive(move || Some(requests.get()))
                        rule=REQUESTS_RULE
                        on_change=Callback::new(move |v: Option<f64>| {
                            if let Some(v) = v {
                                state.edit(|s| s.slo.requests_per_day = v);
                            }
                        })
                    />
                </Field>
            })}
            <CostFields />
        </form>
    }
}
