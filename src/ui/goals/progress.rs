//! A metric goal's progress: the form that records (or edits) a check-in,
//! the chart of check-ins against the required path, and the table that
//! carries the same numbers, where check-ins are edited and deleted.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::checkins::CheckIns;
use super::target::Amount;
use super::{date_bounds, GoalEdit};
use crate::model::goals::{CheckIn, Goal, GoalId, Measure};
use crate::model::validate::parse_optional;
use crate::ui::charts::progress::{ProgressChart, ProgressData};
use crate::ui::field::{DateInput, Field, Suffix};
use crate::ui::state::AppState;

/// The check-in being typed, for one goal.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Entry {
    /// The goal it is for: another goal shown starts a fresh entry.
    pub(super) goal: GoalId,
    pub(super) date: Option<NaiveDate>,
    /// The value, canonical; `None` while the box is empty.
    pub(super) value: Option<f64>,
    /// Whether the box holds text that is not a value (the field says
    /// why; nothing is recorded meanwhile).
    pub(super) bad_text: bool,
    /// The date of the check-in being edited, if one is.
    pub(super) editing: Option<NaiveDate>,
    /// Why the model refused the last attempt.
    pub(super) error: Option<String>,
}

impl Entry {
    pub(super) fn fresh(goal: GoalId, today: NaiveDate) -> Entry {
        Entry {
            goal,
            date: Some(today),
            value: None,
            bad_text: false,
            editing: None,
            error: None,
        }
    }
}

/// The check-in form shared by the form and the table's Edit buttons.
#[derive(Clone, Copy)]
pub(super) struct Form {
    entry: RwSignal<Entry>,
    id: Memo<GoalId>,
    pub(super) today: NaiveDate,
}

impl Form {
    pub(super) fn change(self, f: impl FnOnce(&mut Entry)) {
        let (id, today) = (self.id.get_untracked(), self.today);
        self.entry.update(|e| {
            if e.goal != id {
                *e = Entry::fresh(id, today);
            }
            f(e);
        });
    }
}

/// Check-ins against the required path: a form, a chart and a table.
#[component]
pub(super) fn Progress(
    /// Edits the goal shown.
    edit: GoalEdit,
    /// The goal shown.
    goal: Memo<Goal>,
    /// Today's date, the default check-in date.
    today: NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let id = edit.id;
    let entry = RwSignal::new(Entry::fresh(id.get_untracked(), today));
    let current = Memo::new(move |_| {
        let id = id.get();
        entry
            .with(|e| (e.goal == id).then(|| e.clone()))
            .unwrap_or_else(|| Entry::fresh(id, today))
    });
    let form = Form { entry, id, today };
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let measure: Signal<Option<Measure>> =
        Memo::new(move |_| goal.with(|g| g.target.as_ref().map(|t| t.measure.clone()))).into();
    let unit = Signal::derive(move || {
        measure
            .with(|m| m.as_ref().map(|m| m.display_unit(units.get()).0))
            .unwrap_or_default()
    });
    let save = move |_| {
        let e = current.get_untracked();
        if e.bad_text {
            return;
        }
        let (Some(date), Some(actual)) = (e.date, e.value) else {
            let why = if e.date.is_none() {
                "Pick the date of the reading."
            } else {
                "Enter the value measured."
            };
            form.change(|e| e.error = Some(why.to_string()));
            return;
        };
        let reading = CheckIn::typed(date, actual);
        let result = edit.try_apply(|g| match e.editing {
            Some(at) => g.edit_check_in(at, reading),
            None => g.record(reading),
        });
        form.change(|e| match result {
            Ok(()) => {
                e.value = None;
                e.editing = None;
                e.error = None;
            }
            Err(why) => e.error = Some(why),
        });
    };
    // Text in the box that is not a value keeps the last value from being
    // recorded; the field already says why.
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let bad = measure.with_untracked(|m| {
            m.as_ref().is_some_and(|m| {
                parse_optional(&text, m.number_rule(units.get_untracked())).is_err()
            })
        });
        form.change(|e| e.bad_text = bad);
    };
    let (first_day, last_day) = date_bounds();
    let editing = Memo::new(move |_| current.with(|e| e.editing));
    view! {
        <section class="goal-progress" aria-labelledby="goal-progress-title">
            <h3 id="goal-progress-title" class="goal-check__title">"Progress"</h3>
            <p class="goal-progress__note">
                "Each check-in is compared with the straight path from the baseline at the start date to the target at the deadline: on track at 95% of that pace or better, lagging from 75%, at risk below."
            </p>
            <div class="goal-progress__form">
                <Field
                    id="checkin-date"
                    label="Check-in date"
                    hint=Signal::derive(move || {
                        Some(match editing.get() {
                            Some(d) => format!("Editing the check-in of {}.", crate::model::date::format_date(d)),
                            None => "On or after the goal's start.".to_string(),
                        })
                    })
                >
                    <DateInput
                        value=Signal::derive(move || current.with(|e| e.date))
                        min=first_day
                        max=last_day
                        on_change=Callback::new(move |d| form.change(|e| e.date = d))
                    />
                </Field>
                <Field
                    id="checkin-value"
                    label="Actual value"
                    message=Signal::derive(move || current.with(|e| e.error.clone()))
                >
                    <span class="goal-progress__amount" on:input=typed>
                        <Amount
                            measure
                            value=Signal::derive(move || current.with(|e| e.value))
                            optional=true
                            on_change=Callback::new(move |v| form.change(|e| {
                                e.value = v;
                                e.error = None;
                            }))
                        />
                    </span>
                    <Suffix text=unit />
                    <button type="button" class="button" on:click=save>
                        {move || if editing.with(Option::is_some) { "Save check-in" } else { "Record check-in" }}
                    </button>
                    <Show when=move || editing.with(Option::is_some)>
                        <button
                            type="button"
                            class="button button--quiet"
                            on:click=move |_| form.change(|e| *e = Entry::fresh(e.goal, today))
                        >
                            "Cancel"
                        </button>
                    </Show>
                </Field>
            </div>
            <Chart goal />
            <CheckIns edit goal form measure />
        </section>
    }
}

/// The chart of check-ins against the required path, or what it needs.
#[component]
fn Chart(
    /// The goal shown.
    goal: Memo<Goal>,
) -> impl IntoView {
    let state = AppState::expect();
    // `None`: no chart to draw; `Some(None)`: the dates do not yet make a
    // path.
    let data = Memo::new(move |_| {
        state.scenario.with(|s| {
            goal.with(|g| {
                let t = g.target.as_ref()?;
                let b = t.measure.baseline(&s.baseline)?;
                let units = s.baseline.units();
                let (unit, factor) = t.measure.display_unit(units);
                let dates = g.start.zip(g.deadline).filter(|(s, d)| s < d);
                Some(dates.map(|(start, deadline)| {
                    ProgressData {
                        baseline: b * factor,
                        target: t.target * factor,
                        start,
                        deadline,
                        check_ins: g
                            .check_ins
                            .iter()
                            .map(|c| (c.date, c.actual * factor))
                            .collect(),
                        unit,
                    }
                }))
            })
        })
    });
    let state_of = Memo::new(move |_| data.with(|d| d.as_ref().map(Option::is_some)));
    move || match state_of.get() {
        None => None,
        Some(false) => Some(
            view! {
                <p class="goals__empty">
                    "Set a start date before the deadline to see the required path."
                </p>
            }
            .into_any(),
        ),
        Some(true) => Some(
            view! {
                <ProgressChart data=Signal::derive(move || {
                    data.get().flatten().unwrap_or_else(placeholder)
                }) />
            }
            .into_any(),
        ),
    }
}

/// Never drawn: the chart is only shown while there is data, and goes
/// before the data does.
fn placeholder() -> ProgressData {
    let (start, deadline) = date_bounds();
    ProgressData {
        baseline: 0.0,
        target: 1.0,
        start,
        deadline,
        check_ins: Vec::new(),
        unit: String::new(),
    }
}
