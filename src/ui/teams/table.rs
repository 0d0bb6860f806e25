//! One row per team: its metrics under the chosen lens, its goals with
//! their chances (filled in as runs finish), its error budget, its
//! baseline's date and why it needs attention. Columns sort; rows filter by
//! name and by "needs attention".

use leptos::prelude::*;

use crate::model::standing::lens::Lens;
use crate::model::teams::rows::TeamRow;
use crate::model::teams::table::{visible, Column, Filter, Order};
use crate::model::teams::{TeamId, MAX_NAME_CHARS};
use crate::ui::field::{Checkbox, Field, TextInput};
use crate::ui::state::AppState;
use crate::ui::table::{Sorted, Sorting, Table};
use crate::ui::team_set::{attention_cell, goals_cell, TeamsState};

/// The table of teams, with its filter.
#[component]
pub fn TeamTable(teams: TeamsState, rows: Memo<Vec<TeamRow>>) -> impl IntoView {
    let state = AppState::expect();
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new((Column::Name, Order::Ascending));
    let shown = Memo::new(move |_| {
        let (column, order) = sort.get();
        rows.with(|r| filter.with(|f| visible(r, f, column, order)))
    });
    let sorting = Sorting {
        sorted: Signal::derive(move || {
            let (column, order) = sort.get();
            Sorted {
                column: Column::ALL.iter().position(|c| *c == column).unwrap_or(0),
                descending: order == Order::Descending,
            }
        }),
        on_sort: Callback::new(move |i: usize| {
            let column = Column::ALL.get(i).copied().unwrap_or(Column::Name);
            sort.update(|(c, o)| {
                *o = if *c == column {
                    o.toggled()
                } else {
                    Order::Ascending
                };
                *c = column;
            });
        }),
    };
    let ids = Memo::new(move |_| shown.with(|r| r.iter().map(|r| r.id).collect::<Vec<_>>()));
    // The table itself is drawn once: only emptying the set or adding the
    // first team replaces it.
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    let caption = Signal::derive(move || {
        let total = rows.with(Vec::len);
        filter.with(|f| f.summary(shown.with(Vec::len), total))
    });
    let lens = Signal::derive(move || state.scenario.with(|s| s.lens));
    let mut columns: Vec<String> = Column::ALL.iter().map(|c| c.title().to_string()).collect();
    columns.push("Actions".to_string());
    view! {
        <section class="panel teams__table" aria-labelledby="teams-table-title">
            <h2 class="panel__title" id="teams-table-title">"Side by side"</h2>
            <div class="teams__filters">
                <Field id="teams-filter" label="Show teams named like">
                    <TextInput
                        value=Signal::derive(move || filter.with(|f| f.name.clone()))
                        max_chars=MAX_NAME_CHARS
                        on_change=Callback::new(move |t| filter.update(|f| f.name = t))
                    />
                </Field>
                <Checkbox
                    id="teams-attention"
                    label="Only teams that need attention"
                    hint="A goal under a 50% chance, an error budget spent, or a metric in its lowest tier."
                    checked=Signal::derive(move || filter.with(|f| f.needs_attention))
                    on_change=Callback::new(move |on| filter.update(|f| f.needs_attention = on))
                />
            </div>
            {move || {
                if empty.get() {
                    return view! { <p>"No teams yet: add them above."</p> }.into_any();
                }
                view! {
                    <super::chosen::CompareChosen teams />
                    <Table class="teams" caption columns=columns.clone() sorting>
                        // Keyed by team: a finished run, a sort or a filter
                        // redraws only the rows whose content changed, and
                        // moves the others (with their focus and any open
                        // prompt) as they are.
                        <For each=move || ids.get() key=|id| *id let:id>
                            <TeamRowView
                                id
                                row=Memo::new(move |_| {
                                    shown.with(|r| r.iter().find(|r| r.id == id).cloned())
                                })
                                lens
                                teams
                            />
                        </For>
                    </Table>
                }
                    .into_any()
            }}
        </section>
    }
}

/// One team's row: its cells follow the row's content; its name cell (with
/// the "Compare" tick) and its actions stay, keeping focus and ticks as
/// runs finish.
#[component]
fn TeamRowView(
    id: TeamId,
    row: Memo<Option<TeamRow>>,
    #[prop(into)] lens: Signal<Lens>,
    teams: TeamsState,
) -> impl IntoView {
    let name = move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let source = move || row.with(|r| r.as_ref().map(|r| r.source.clone()).unwrap_or_default());
    view! {
        <tr>
            <th scope="row">
                {name}
                <span class="teams__source">{source}</span>
                <super::chosen::Tick id teams name=Signal::derive(name) />
            </th>
            {move || row.get().map(|r| cells(r, lens))}
            <td class="teams__actions">
                <super::transfer::OpenTeam
                    id
                    label=Signal::derive(move || format!("Open {} as the working scenario", name()))
                    teams
                />
                <button
                    type="button"
                    class="button button--quiet"
                    aria-label=move || format!("Remove {}", name())
                    on:click=move |_| teams.edit(|t| {
                        t.remove(id);
                    })
                >
                    "Remove"
                </button>
            </td>
        </tr>
    }
}

/// A row's cells between its name and its actions: its metrics, its goals,
/// its error budget, its baseline's date and why it needs attention.
fn cells(row: TeamRow, lens: Signal<Lens>) -> impl IntoView {
    let metrics = row
        .metrics
        .iter()
        .map(|c| {
            let (value, tier, score) = (c.value_words(), c.tier_words(), c.score_words());
            view! {
                <td>
                    {value}
                    <span class="teams__standing">
                        {move || match lens.get() {
                            Lens::Scores2025 => score.clone(),
                            Lens::Tiers => tier.clone(),
                        }}
                    </span>
                </td>
            }
        })
        .collect_view();
    view! {
        {metrics}
        {goals_cell(&row)}
        <td>{row.budget_words()}</td>
        <td>{row.baseline_date_words()}</td>
        {attention_cell(&row)}
    }
}
