//! The incident list: the add form (when it started, how long, how much
//! traffic), "draw from baseline" and "remove all", with the table below.

use chrono::{NaiveDateTime, NaiveTime};
use leptos::prelude::*;

use super::incident_table::IncidentTable;
use super::verdict::Verdict;
use crate::model::date::format_datetime_local;
use crate::model::limits;
use crate::model::slo::{BudgetReport, Incident, INCIDENT_MINUTES_RULE, SHARE_RULE};
use crate::model::validate::parse_datetime;
use crate::sim::budget::redraw;
use crate::ui::field::{DateTimeInput, Field, NumberInput};
use crate::ui::state::AppState;

/// The incident list, its add form and "draw from baseline".
#[component]
pub fn IncidentsPanel(
    /// The budget over the window shown.
    report: Memo<BudgetReport>,
) -> impl IntoView {
    let state = AppState::expect();
    // What the form holds until "Add incident": not model data yet.
    let start = RwSignal::new(Some(report.get_untracked().suggested_incident_start()));
    let minutes = RwSignal::new(Some(30.0));
    let share = RwSignal::new(Some(100.0));
    let (minutes_field, share_field) = (Verdict::new(), Verdict::new());
    // The model's check and words for a moment: a real one in its years.
    let start_message = Signal::derive(move || {
        parse_datetime(&start.get().map(format_datetime_local).unwrap_or_default()).err()
    });
    let notice = RwSignal::new(None::<String>);
    let count = Memo::new(move |_| state.scenario.with(|s| s.slo.incidents.len()));

    let add = move || {
        let typed = (
            start.get_untracked().filter(|&t| limits::datetime_ok(t)),
            minutes.get_untracked().filter(|_| !minutes_field.refused()),
            share.get_untracked().filter(|_| !share_field.refused()),
        );
        let (Some(start), Some(minutes), Some(share)) = typed else {
            notice.set(Some(
                "Not added: correct the fields marked above first.".to_string(),
            ));
            return;
        };
        let r = report.get_untracked();
        let mut slo = state.scenario.with_untracked(|s| s.slo.clone());
        match slo.add_incident(
            Incident {
                start,
                minutes,
                share,
            },
            &r,
        ) {
            Ok(placement) => {
                notice.set(Some(placement.message().to_string()));
                state.edit(|s| s.slo = slo);
            }
            Err(why) => notice.set(Some(why)),
        }
    };
    let draw = move || {
        let r = report.get_untracked();
        let mut drawn = (0, 0);
        state.edit(|s| drawn = (redraw(&mut s.slo, &s.baseline, &r), s.slo.seed));
        let (n, seed) = drawn;
        notice.set(Some(format!(
            "Drew {n} incident{} from the baseline (seed {seed}).",
            if n == 1 { "" } else { "s" },
        )));
    };
    let first: NaiveDateTime = limits::first_date().and_time(NaiveTime::MIN);
    let last: NaiveDateTime = limits::last_date().and_hms_opt(23, 59, 0).unwrap_or(first);

    view! {
        <section class="panel budget__section" aria-labelledby="incidents-title">
            <h2 class="panel__title" id="incidents-title">"Incidents"</h2>
            <p class="footnote">
                "Add incidents by hand, or draw a window's worth from your baseline: deployments arrive at your deployment frequency, each fails with your change failure rate, and each failure lasts a recovery time drawn around your median (right-skewed, Weibull shape 1.5). Drawing replaces the list."
            </p>
            <form
                class="incident-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    add();
                }
                novalidate
            >
                <Field id="incident-start" label="Incident start" message=start_message>
                    <DateTimeInput
                        value=start
                        on_change=Callback::new(move |t: Option<NaiveDateTime>| start.set(t))
                        min=first
                        max=last
                    />
                </Field>
                <Field id="incident-minutes" label="Duration (minutes)">
                    {minutes_field.watch()}
                    <NumberInput
                        value=minutes
                        rule=INCIDENT_MINUTES_RULE
                        on_change=Callback::new(move |v: Option<f64>| minutes.set(v))
                    />
                </Field>
                <Field id="incident-share" label="Share of traffic affected (%)">
                    {share_field.watch()}
                    <NumberInput
                        value=share
                        rule=SHARE_RULE
                        on_change=Callback::new(move |v: Option<f64>| share.set(v))
                    />
                </Field>
                <div class="incident-form__actions">
                    <button type="submit" class="button">"Add incident"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| draw()>
                        "Draw from baseline"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        disabled=move || count.get() == 0
                        on:click=move |_| {
                            notice.set(Some("All incidents removed.".to_string()));
                            state.edit(|s| s.slo.incidents.clear());
                        }
                    >
                        "Remove all"
                    </button>
                </div>
            </form>
            <p class="budget__note" role="status">{move || notice.get()}</p>
            <IncidentTable report />
        </section>
    }
}
