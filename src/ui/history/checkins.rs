//! Check-ins from data: each metric goal's check-ins filled from the
//! snapshots and the monthly trend (`Goal::fill_check_ins`), said in words,
//! and listed with whether each was typed or measured and how it compares
//! with the goal's required pace (domain.md §6).

use leptos::prelude::*;

use super::{change, HistoryState};
use crate::model::date::format_date;
use crate::model::goals::smart::{pace, PaceReading};
use crate::model::goals::{CheckInSource, Goal, GoalId};
use crate::model::units::format_percent;
use crate::model::Scenario;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// A metric goal as this section lists it.
#[derive(Clone, Debug, PartialEq)]
struct GoalCheckIns {
    id: GoalId,
    label: String,
    /// "Lead time for changes from 1 Dec 2025", or what is missing.
    about: String,
    rows: Vec<Row>,
    /// The latest check-in's verdict in a sentence, when it can be judged.
    latest: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    date: String,
    value: String,
    source: CheckInSource,
    verdict: String,
}

fn verdict(r: &PaceReading) -> String {
    format!(
        "{} ({} of the pace needed)",
        r.status.name(),
        format_percent(r.ratio.clamp(0.0, 9.99), 0)
    )
}

fn goal_check_ins(s: &Scenario, g: &Goal) -> Option<GoalCheckIns> {
    let target = g.target.as_ref()?;
    let metric = target.measure.metric()?;
    let units = s.baseline.units();
    let readings = pace(g, &s.baseline);
    let rows: Vec<Row> = g
        .check_ins
        .iter()
        .enumerate()
        .map(|(i, c)| Row {
            date: format_date(c.date),
            value: target.measure.describe(c.actual, units),
            source: c.source,
            verdict: readings.get(i).map_or_else(
                || "Not judged: the goal needs a start date, a deadline and a target".to_string(),
                verdict,
            ),
        })
        .collect();
    let latest = g.check_ins.last().zip(readings.last()).map(|(c, r)| {
        format!(
            "Latest check-in, {} ({}): {}.",
            format_date(c.date),
            c.source.word(),
            verdict(r)
        )
    });
    let about = match g.start {
        Some(start) => format!("{} since {}", metric.name(), format_date(start)),
        None => format!("{}; no start date yet", metric.name()),
    };
    Some(GoalCheckIns {
        id: g.id,
        label: g.label(),
        about,
        rows,
        latest,
    })
}

/// The check-ins section.
#[component]
pub fn CheckIns(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today;
    let goals = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.goals
                .0
                .iter()
                .filter_map(|g| goal_check_ins(s, g))
                .collect::<Vec<_>>()
        })
    });
    // What the last fill said, per goal.
    let said = RwSignal::new(Vec::<(GoalId, String)>::new());
    let fill = move |ids: Vec<GoalId>| {
        let mut words = Vec::new();
        for id in ids {
            let text = match change(state, |s| s.fill_check_ins(id, today)) {
                Ok(filled) => filled.message,
                Err(why) => why,
            };
            words.push((id, text));
        }
        history.say(match words.as_slice() {
            [(_, one)] => one.clone(),
            _ => format!(
                "Filled the check-ins of {} goals: each says what it found below.",
                words.len()
            ),
        });
        said.update(|s| {
            s.retain(|(id, _)| !words.iter().any(|(w, _)| w == id));
            s.extend(words);
        });
    };
    view! {
        <section class="panel history__section" aria-labelledby="history-checkins-title">
            <h2 class="panel__title" id="history-checkins-title">"Check-ins from data"</h2>
            <p>
                "A metric goal's check-ins can be filled from the snapshots and the complete months of the trend since the goal's start. They are marked measured; filling again replaces the measured ones and never touches a typed check-in, which wins on a day that has both. Months with too few samples are left out."
            </p>
            {move || {
                let list = goals.get();
                if list.is_empty() {
                    return view! {
                        <p class="history__empty">
                            "No goal measures a baseline metric yet. Add one on the "
                            <a href="#/goals">"Goals screen"</a>
                            " (a metric, a target, a start date and a deadline), then fill its check-ins here."
                        </p>
                    }
                        .into_any();
                }
                let all: Vec<GoalId> = list.iter().map(|g| g.id).collect();
                let many = all.len() > 1;
                view! {
                    {many
                        .then(|| {
                            let all = all.clone();
                            view! {
                                <button type="button" class="button" on:click=move |_| fill(all.clone())>
                                    "Fill every metric goal's check-ins"
                                </button>
                            }
                        })}
                    {list
                        .into_iter()
                        .map(|g| view! { <GoalPanel goal=g said fill=Callback::new(fill) /> })
                        .collect_view()}
                }
                    .into_any()
            }}
        </section>
    }
}

/// One goal: its fill button, what the last fill said, and its check-ins.
#[component]
fn GoalPanel(
    goal: GoalCheckIns,
    said: RwSignal<Vec<(GoalId, String)>>,
    fill: Callback<Vec<GoalId>>,
) -> impl IntoView {
    let id = goal.id;
    let heading = format!("history-goal-{id}");
    let labelled_by = heading.clone();
    let message = move || said.with(|s| s.iter().find(|(g, _)| *g == id).map(|(_, m)| m.clone()));
    let empty = goal.rows.is_empty();
    let rows = goal
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr class=format!("history__checkin--{}", r.source.word())>
                    <th scope="row">{r.date}</th>
                    <td>{r.value}</td>
                    <td>{r.source.word()}</td>
                    <td>{r.verdict}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="history__goal" aria-labelledby=labelled_by>
            <h3 class="history__subtitle" id=heading>{goal.label.clone()}</h3>
            <p class="history__note">{goal.about}</p>
            <button type="button" class="button" on:click=move |_| fill.run(vec![id])>
                "Fill check-ins from measurements"
            </button>
            <p class="history__said">{message}</p>
            {goal.latest.map(|l| view! { <p class="history__latest">{l}</p> })}
            {(!empty)
                .then(|| {
                    view! {
                        <Table
                            class="history__checkin-table"
                            caption=format!("Check-ins of {}", goal.label)
                            columns=&["Date", "Value", "Typed or measured", "Against the required pace"]
                        >
                            {rows}
                        </Table>
                    }
                })}
            {empty.then(|| view! { <p class="history__note">"No check-ins yet."</p> })}
        </section>
    }
}
