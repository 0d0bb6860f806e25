//! The baseline history: keeping today's baseline as a dated snapshot, the
//! snapshots as a timeline over the lens's bands and as a table, and the
//! form that re-dates, deletes or marks one as the plan's start.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{change, edit::EditSnapshot, HistoryState};
use crate::chart::trend::history as history_chart;
use crate::model::history::MAX_SNAPSHOTS;
use crate::model::limits::{MAX_YEAR, MIN_YEAR};
use crate::model::standing::lens::LensView;
use crate::model::Metric;
use crate::ui::charts::trend::TrendChart;
use crate::ui::field::{DateInput, Field};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The first day of the model's years.
pub fn first_day() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1)
}

/// The last day a snapshot may carry: today, within the model's years.
pub fn last_day(today: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).map(|end| end.min(today))
}

/// The baseline history section.
#[component]
pub fn Snapshots(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today;
    let date = RwSignal::new(Some(today));
    let date_error = RwSignal::new(None::<String>);
    let count = Memo::new(move |_| state.scenario.with(|s| s.history.snapshots.len()));
    let keep = move |_| {
        let Some(day) = date.get_untracked() else {
            date_error.set(Some("Enter the day the baseline was in force.".to_string()));
            return;
        };
        match change(state, |s| s.keep_snapshot(day, today)) {
            Ok((_, words)) => {
                date_error.set(None);
                history.say(words);
            }
            Err(why) => date_error.set(Some(why)),
        }
    };
    view! {
        <section class="panel history__section" aria-labelledby="history-snapshots-title">
            <h2 class="panel__title" id="history-snapshots-title">"Baseline history"</h2>
            <p>
                "A snapshot keeps the baseline as it stands — the eight metrics and where they came from — under the day it was in force. A day keeps one snapshot (keeping again replaces it), none may be dated after today, and a baseline measured from data is dated on or after the data's last day."
            </p>
            <div class="history__keep">
                <Field
                    id="history-keep-date"
                    label="Snapshot date"
                    hint="Today, unless the baseline was in force on an earlier day."
                    message=Signal::derive(move || date_error.get())
                >
                    <DateInput
                        value=date
                        on_change=Callback::new(move |d| {
                            date.set(d);
                            date_error.set(None);
                        })
                        min=first_day().unwrap_or(today)
                        max=last_day(today).unwrap_or(today)
                    />
                </Field>
                <button type="button" class="button" on:click=keep>
                    "Keep today's baseline as a snapshot"
                </button>
            </div>
            <p class="history__count">
                {move || {
                    format!(
                        "{} of at most {MAX_SNAPSHOTS} snapshots kept (five years of monthly ones).",
                        count.get(),
                    )
                }}
            </p>
            {move || (count.get() > 0).then(|| view! { <Timeline history /> })}
            {move || (count.get() > 0).then(|| view! { <EditSnapshot history /> })}
        </section>
    }
}

/// The snapshots of the chosen metric over time, and every snapshot in a
/// table.
#[component]
fn Timeline(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let lens = Memo::new(move |_| state.scenario.with(LensView::of));
    let metric = history.metric;
    let layout = Callback::new(move |frame| {
        state
            .scenario
            .with(|s| history_chart(&s.history, metric.get(), lens.get(), frame))
    });
    let rows = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.history.table(lens.get(), state.today))
    });
    let columns: Vec<String> = ["Date", "Where the figures came from"]
        .into_iter()
        .map(str::to_string)
        .chain(Metric::ALL.iter().map(|m| m.name().to_string()))
        .collect();
    view! {
        <TrendChart
            id="history-timeline"
            title=Signal::derive(move || format!("{} in the kept snapshots", metric.get().name()))
            summary=Signal::derive(move || {
                format!(
                    "Line chart of {} in each snapshot, spaced by date; the table \"Snapshots\" below lists every metric.",
                    metric.get().name().to_ascii_lowercase(),
                )
            })
            x_title="Snapshot date"
            layout
            file=Signal::derive(move || format!("flywheel-snapshots-{}", metric.get().key()))
        />
        <Table class="history__snapshot-table" caption="Snapshots" columns>
            {move || {
                rows.get()
                    .into_iter()
                    .map(|r| {
                        let class = if r.future { "history__row--future" } else { "" };
                        view! {
                            <tr class=class>
                                <th scope="row">{r.label}</th>
                                <td>{r.origin}</td>
                                {r
                                    .cells
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <td>
                                                {c.value}
                                                <span class="history__note">{c.standing}</span>
                                            </td>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()
            }}
        </Table>
    }
}
