//! The check-ins table: each reading, where the required path stood that
//! day and its pace in words, with buttons that edit it (in the form
//! above) or delete it (Undo puts it back).

use leptos::prelude::*;

use super::progress::{Entry, Form};
use super::{focus, GoalEdit};
use crate::model::date::format_date;
use crate::model::goals::smart::PaceReading;
use crate::model::goals::{CheckIn, Goal, GoalId, Measure};
use crate::model::units::{format_number, Units};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The goal's check-ins, each with its pace and its Edit and Delete.
#[component]
pub(super) fn CheckIns(
    /// Edits the goal shown.
    edit: GoalEdit,
    /// The goal shown.
    goal: Memo<Goal>,
    /// The check-in form, which Edit fills.
    form: Form,
    /// What the goal measures.
    measure: Signal<Option<Measure>>,
) -> impl IntoView {
    let state = AppState::expect();
    let id = edit.id;
    let rows = Memo::new(move |_| {
        state
            .scenario
            .with(|s| goal.with(|g| g.readings(&s.baseline)))
    });
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let removed = RwSignal::new(None::<(GoalId, CheckIn)>);
    let offer = Memo::new(move |_| {
        let id = id.get();
        removed.with(|r| r.filter(|(g, _)| *g == id).map(|(_, c)| c))
    });
    let start_edit = move |c: CheckIn| {
        form.change(|e| {
            e.date = Some(c.date);
            e.value = Some(c.actual);
            e.bad_text = false;
            e.editing = Some(c.date);
            e.error = None;
        });
        request_animation_frame(|| focus("checkin-date"));
    };
    let delete = move |c: CheckIn| {
        edit.apply(|g| {
            g.remove_check_in(c.date);
        });
        removed.set(Some((id.get_untracked(), c)));
        let today = form.today;
        form.change(|e| {
            if e.editing == Some(c.date) {
                *e = Entry::fresh(e.goal, today);
            }
        });
        request_animation_frame(|| focus("checkin-undo"));
    };
    let undo = move |_| {
        let Some(c) = offer.get_untracked() else {
            return;
        };
        removed.set(None);
        if let Err(why) = edit.try_apply(|g| g.record(c)) {
            form.change(|e| e.error = Some(why));
        }
    };
    let body = move || {
        let units = units.get();
        measure.with(|m| {
            rows.get()
                .into_iter()
                .map(|(c, r)| row(c, r, m.as_ref(), units, start_edit, delete))
                .collect_view()
        })
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <Table
                class="checkins"
                caption="Check-ins against the required path"
                columns=&["Date", "Actual", "Required path", "Pace", "Change"]
            >
                {body}
            </Table>
        </Show>
        <div role="status" aria-live="polite" class="goals__status">
            {move || {
                offer
                    .get()
                    .map(|c| {
                        view! {
                            <p class="goals__undo">
                                {format!("Deleted the check-in of {}.", format_date(c.date))}
                                " "
                                <button type="button" id="checkin-undo" class="button button--quiet" on:click=undo>
                                    "Undo"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// One check-in's row.
fn row(
    c: CheckIn,
    reading: Option<PaceReading>,
    measure: Option<&Measure>,
    units: Units,
    start_edit: impl Fn(CheckIn) + Copy + 'static,
    delete: impl Fn(CheckIn) + Copy + 'static,
) -> impl IntoView {
    let describe = |v: f64| measure.map(|m| m.describe(v, units)).unwrap_or_default();
    let when = format_date(c.date);
    let expected = reading.map_or_else(|| "—".to_string(), |r| describe(r.expected));
    let pace = match reading {
        Some(r) => view! {
            <span class=format!("pace pace--{}", r.status.key())>{r.status.name()}</span>
            {format!(" ({}% of pace)", format_number(r.ratio.clamp(-9.99, 9.99) * 100.0, 0))}
        }
        .into_any(),
        None => "Not judged yet".into_any(),
    };
    view! {
        <tr>
            <th scope="row">{when.clone()}</th>
            <td>{describe(c.actual)}</td>
            <td>{expected}</td>
            <td>{pace}</td>
            <td class="checkins__actions">
                <button
                    type="button"
                    class="button button--quiet"
                    aria-label=format!("Edit the check-in of {when}")
                    on:click=move |_| start_edit(c)
                >
                    "Edit"
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    aria-label=format!("Delete the check-in of {when}")
                    on:click=move |_| delete(c)
                >
                    "Delete"
                </button>
            </td>
        </tr>
    }
}
