//! The room's view of a vote: who has voted while it is open, the ranking
//! once revealed (a plain table, no animation, read in order by a screen
//! reader), and dots entered for people in the room.

use leptos::prelude::*;

use super::counted;
use super::room::{Room, RoomControls};
use crate::model::goals::GoalId;
use crate::model::workshop::{candidates, Subject};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// One row of the vote's table: its rank and dots once revealed.
struct Row {
    rank: Option<usize>,
    goal: GoalId,
    dots: Option<u32>,
}

/// The vote on `subject`, as the room's screen shows it.
#[component]
pub(super) fn Vote(
    /// What the room votes on, who votes now on this screen, and the last
    /// message.
    room: Room,
) -> impl IntoView {
    let state = AppState::expect();
    let subject = room.subject;
    let progress = Memo::new(move |_| state.scenario.with(|s| s.workshop.progress(subject.get())));
    let revealed = move || {
        state
            .scenario
            .with(|s| !s.workshop.state(subject.get()).is_open())
    };
    let reveal = move |_| {
        let subject = subject.get_untracked();
        let mut result = Ok(());
        state.edit(|s| {
            result = if s.workshop.state(subject).is_open() {
                s.workshop.reveal(subject)
            } else {
                s.workshop.reopen(subject)
            };
        });
        room.message.set(result.err());
    };
    let who = move || {
        progress.with(|p| {
            let voted = p.voted.iter().map(|v| (v.clone(), "voted"));
            let waiting = p.waiting.iter().map(|v| (v.clone(), "not yet"));
            voted
                .chain(waiting)
                .map(|(name, standing)| view! { <li>{format!("{name}: {standing}")}</li> })
                .collect_view()
        })
    };
    let rows = move || {
        state.scenario.with(|s| {
            let subject = subject.get();
            let ids = candidates(&s.goals, subject);
            // While the vote is open the counts stay hidden: the rows are
            // the candidates in their own order, unranked.
            let rows: Vec<Row> = match s.workshop.ranking(subject, &ids) {
                Ok(r) => r
                    .into_iter()
                    .map(|r| Row {
                        rank: Some(r.rank),
                        goal: r.goal,
                        dots: Some(r.dots),
                    })
                    .collect(),
                Err(_) => ids
                    .into_iter()
                    .map(|goal| Row {
                        rank: None,
                        goal,
                        dots: None,
                    })
                    .collect(),
            };
            let voter = room.voter.get();
            rows.into_iter()
                .filter_map(|row| {
                    let id = row.goal;
                    let g = s.goals.get(id)?;
                    let mine = voter
                        .as_deref()
                        .and_then(|n| s.workshop.ballot(n))
                        .map_or(0, |b| b.dots_on(id));
                    let committed = s.workshop.committed.contains(&id);
                    let dots_text = row.dots.map_or_else(
                        || "Hidden until the reveal".to_string(),
                        |d| counted(d as usize, "dot", "dots"),
                    );
                    let commit_label = format!("Commit to “{}”", g.title);
                    let commit = (subject == Subject::Goals).then(|| {
                        view! {
                            <td>
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=commit_label
                                    aria-pressed=committed.to_string()
                                    on:click=move |_| state.edit(|s| s.workshop.toggle_commit(id))
                                >
                                    {if committed { "Committed" } else { "Commit" }}
                                </button>
                            </td>
                        }
                    });
                    Some(view! {
                        <tr>
                            <td>{row.rank.map_or_else(|| "—".to_string(), |r| r.to_string())}</td>
                            <th scope="row">{g.label()}</th>
                            <td class="workshop__big">
                                {dots_text}
                                <span class="workshop__dots" aria-hidden="true">
                                    {"●".repeat(row.dots.unwrap_or(0).min(20) as usize)}
                                </span>
                            </td>
                            <td>
                                <div class="workshop__vote">
                                    <button
                                        type="button"
                                        class="button"
                                        aria-label=format!("Add a dot to “{}”", g.title)
                                        on:click=move |_| room.vote(id, true)
                                    >
                                        "+ dot"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=format!("Take a dot back from “{}”", g.title)
                                        disabled=mine == 0
                                        on:click=move |_| room.vote(id, false)
                                    >
                                        "− dot"
                                    </button>
                                </div>
                            </td>
                            {commit}
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let caption = Signal::derive(move || {
        format!(
            "{} ranked by dots; each person has the same number of dots",
            subject.get().title()
        )
    });
    let columns = move || {
        let mut c = vec!["Rank", "Goal", "Dots", "Vote"];
        if subject.get() == Subject::Goals {
            c.push("Committed");
        } else {
            c[1] = "Initiative";
        }
        c.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let empty = move || {
        state
            .scenario
            .with(|s| candidates(&s.goals, subject.get()).is_empty())
    };
    view! {
        <section class="panel" aria-labelledby="vote-title">
            <h2 class="panel__title" id="vote-title">"Dot-voting"</h2>
            <ul class="workshop__rules" aria-label="Voting rules">
                {move || {
                    state
                        .scenario
                        .with(|s| s.workshop.rules_in_words())
                        .into_iter()
                        .map(|r| view! { <li>{r}</li> })
                        .collect_view()
                }}
            </ul>
            <RoomControls room />
            <p class="workshop__status workshop__progress" aria-live="polite">
                {move || progress.with(|p| p.words())}
            </p>
            <ul class="workshop__who" aria-label="Who has voted">{who}</ul>
            <button type="button" class="button" on:click=reveal>
                {move || if revealed() { "Re-open voting" } else { "Reveal the votes" }}
            </button>
            <Show
                when=move || !empty()
                fallback=move || {
                    view! {
                        <p>
                            {move || format!(
                                "No {} to vote on yet.",
                                subject.get().name(),
                            )}
                        </p>
                    }
                }
            >
                {move || {
                    view! {
                        <Table class="workshop__table" caption columns=columns()>
                            {rows}
                        </Table>
                    }
                }}
            </Show>
        </section>
    }
}
