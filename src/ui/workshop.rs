//! Workshop mode: a large-type presentation that walks a room through the
//! five steps of setting goals together, with a time box per step, keys a
//! presentation clicker sends, participants' goals merged from their share
//! links, dot-voting, the committed set and a parking lot. Everything is
//! kept in the scenario, so the report and a share link carry it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::dora::classify;
use crate::model::goals::{GoalId, Measure};
use crate::model::plan::SIM_METRICS;
use crate::model::scenario::RemovedGoal;
use crate::model::units::format_percent;
use crate::model::workshop::{
    candidates, duplicates, format_clock, merge, parse_name, Step, Subject, MAX_DOTS,
};
use crate::model::Metric;
use crate::ui::budget_lines::budget_lines;
use crate::ui::runs::now_ms;
use crate::ui::share::{open_link, ShareLink};
use crate::ui::state::{browser_now, AppState};
use crate::ui::table::Table;
use crate::ui::tier::TierBadge;

/// Minutes "Add time" gives the current step.
const EXTEND_MINUTES: u32 = 5;
/// Most ranks "Commit the top" takes at once.
const MOST_RANKS: u32 = 20;

/// The workshop screen.
#[component]
pub fn WorkshopScreen() -> impl IntoView {
    let state = AppState::expect();
    let step = Memo::new(move |_| state.scenario.with(|s| s.workshop.step));
    let heading = NodeRef::<leptos::html::H1>::new();
    let go = move |to: Option<Step>| {
        if let Some(to) = to {
            state.edit(|s| s.workshop.step = to);
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
    };

    // Keys a presentation clicker sends (Page Up/Down, arrows) and the
    // space bar move between steps, except where they edit a field or
    // press the focused control.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.tag_name())
            .unwrap_or_default();
        if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        let presses = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        let current = step.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => current.next(),
            "ArrowLeft" | "ArrowUp" | "PageUp" => current.previous(),
            " " if !presses && ev.shift_key() => current.previous(),
            " " if !presses => current.next(),
            "Home" => Some(Step::Baseline),
            "End" => Some(Step::Commit),
            _ => return,
        };
        ev.prevent_default();
        go(to);
    });
    on_cleanup(move || keys.remove());

    // The room sees the workshop alone: the app's header and footer step
    // aside while it is shown.
    let root = || web_sys::window().and_then(|w| w.document()?.document_element());
    if let Some(r) = root() {
        let _ = r.class_list().add_1("presenting");
    }
    on_cleanup(move || {
        if let Some(r) = root() {
            let _ = r.class_list().remove_1("presenting");
        }
    });

    let full_screen = move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    };

    view! {
        <div class="screen workshop">
            <header class="workshop__bar">
                <p class="workshop__label">"Workshop"</p>
                <nav aria-label="Workshop steps">
                    <ol class="workshop__steps">
                        {Step::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="workshop__step"
                                            aria-current=move || (step.get() == s).then_some("step")
                                            on:click=move |_| go(Some(s))
                                        >
                                            {format!("{} {}", s.index() + 1, s.title())}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </nav>
                <Timer step />
                <button type="button" class="button button--quiet" on:click=full_screen>
                    "Full screen"
                </button>
                <a class="button button--quiet" href="#/baseline">"Leave the workshop"</a>
            </header>
            <section class="workshop__stage" aria-labelledby="workshop-step">
                <p class="workshop__count">
                    {move || format!("Step {} of {}", step.get().index() + 1, Step::ALL.len())}
                </p>
                <h1 class="workshop__title" id="workshop-step" tabindex="-1" node_ref=heading>
                    {move || step.get().title()}
                </h1>
                <p class="workshop__question">{move || step.get().question()}</p>
                {move || match step.get() {
                    Step::Baseline => view! { <BaselineStep /> }.into_any(),
                    Step::Goals => view! { <GoalsStep /> }.into_any(),
                    Step::Simulate => view! { <SimulateStep /> }.into_any(),
                    Step::Guardrails => view! { <GuardrailsStep /> }.into_any(),
                    Step::Commit => view! { <CommitStep /> }.into_any(),
                }}
            </section>
            <ParkingLot />
            <footer class="workshop__footer">
                <button
                    type="button"
                    class="button"
                    disabled=move || step.get().previous().is_none()
                    on:click=move |_| go(step.get_untracked().previous())
                >
                    "← Previous step"
                </button>
                <p class="workshop__keys">
                    "Arrow keys, Page Up and Page Down, or the space bar move between steps."
                </p>
                <button
                    type="button"
                    class="button"
                    disabled=move || step.get().next().is_none()
                    on:click=move |_| go(step.get_untracked().next())
                >
                    "Next step →"
                </button>
            </footer>
        </div>
    }
}

/// The current step's time box: start, pause and extend. Time spent is
/// kept per step for this session; the boxes themselves are saved.
#[component]
fn Timer(step: Memo<Step>) -> impl IntoView {
    let state = AppState::expect();
    let running = RwSignal::new(false);
    let spent = RwSignal::new([0.0f64; 5]);
    let last = StoredValue::new(0.0f64);
    let tick = move || {
        let now = now_ms();
        let seconds = (now - last.get_value()) / 1000.0;
        last.set_value(now);
        let i = step.get_untracked().index();
        spent.update(|s| s[i] += seconds.max(0.0));
    };
    let interval = set_interval_with_handle(
        move || {
            if running.get_untracked() {
                tick();
            }
        },
        std::time::Duration::from_millis(250),
    );
    on_cleanup(move || {
        if let Ok(handle) = interval {
            handle.clear();
        }
    });
    let toggle = move |_| {
        if running.get_untracked() {
            tick();
            running.set(false);
        } else {
            last.set_value(now_ms());
            running.set(true);
        }
    };
    let minutes = move || state.scenario.with(|s| s.workshop.minutes_for(step.get()));
    let clock = move || {
        let box_seconds = f64::from(minutes()) * 60.0;
        format_clock(box_seconds, spent.with(|s| s[step.get().index()]))
    };
    let over = move || clock().ends_with("over");
    view! {
        <div class="workshop__timer" role="group" aria-label="Time box">
            <p class="workshop__clock" class:workshop__clock--over=over>
                <span class="visually-hidden">"Time box: "</span>
                {clock}
                <span class="workshop__box">{move || format!(" of {} min", minutes())}</span>
            </p>
            <button type="button" class="button" on:click=toggle>
                {move || if running.get() { "Pause timer" } else { "Start timer" }}
            </button>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    state.edit(|s| s.workshop.extend(step.get_untracked(), EXTEND_MINUTES))
                }
            >
                {format!("Add {EXTEND_MINUTES} minutes")}
            </button>
        </div>
    }
}

/// Step 1: the baseline and its tiers, large enough to read from the back
/// of the room.
#[component]
fn BaselineStep() -> impl IntoView {
    let state = AppState::expect();
    let tiles = move || {
        state.scenario.with(|s| {
            Metric::DORA
                .into_iter()
                .filter_map(|m| {
                    let v = s.baseline.value(m)?;
                    let tier = classify(s.edition, m, v);
                    Some(view! {
                        <li class="workshop__tile">
                            <span class="workshop__metric">{m.name()}</span>
                            <span class="workshop__value">{Measure::Baseline(m).describe(v, s.baseline.units())}</span>
                            {match tier {
                                Some(verdict) => view! { <TierBadge verdict /> }.into_any(),
                                None => view! { <span class="tier tier--none">"Not classified"</span> }.into_any(),
                            }}
                        </li>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <ul class="workshop__tiles" aria-label="Baseline">{tiles}</ul>
        <p class="workshop__note">
            {move || format!("Against DORA's {} tiers. ", state.scenario.with(|s| s.edition.year()))}
            <a href="#/baseline">"Change the baseline"</a>
        </p>
    }
}

/// Step 2: participants' goals come in through their links, duplicates are
/// flagged, and the room sees who proposed what.
#[component]
fn GoalsStep() -> impl IntoView {
    view! {
        <div class="workshop__columns">
            <Candidates />
            <div>
                <Collect />
                <Participate />
            </div>
        </div>
    }
}

/// Every goal on the table, with its proposer and any duplicate flag.
#[component]
fn Candidates() -> impl IntoView {
    let state = AppState::expect();
    let removed = RwSignal::new(None::<RemovedGoal>);
    let remove = move |id: GoalId| {
        let mut taken = None;
        state.edit(|s| taken = s.remove_goal(id));
        removed.set(taken);
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            state.edit(|s| s.restore_goal(r));
            removed.set(None);
        }
    };
    let rows = move || {
        state.scenario.with(|s| {
            let flags = duplicates(&s.goals);
            s.goals
                .0
                .iter()
                .map(|g| {
                    let id = g.id;
                    let by = s.workshop.credit(id).to_string();
                    let flag = flags
                        .iter()
                        .find(|(dup, _)| *dup == id)
                        .and_then(|&(_, of)| s.goals.get(of))
                        .map(|of| format!("Possible duplicate of “{}”", of.title));
                    let flagged = flag.is_some();
                    let title = g.label();
                    let remove_label = format!("Remove “{}”", g.title);
                    view! {
                        <tr>
                            <th scope="row">{title}</th>
                            <td>{by}</td>
                            <td class:workshop__flag=flagged>
                                {flag.unwrap_or_else(|| "—".to_string())}
                            </td>
                            <td>
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=remove_label
                                    on:click=move |_| remove(id)
                                >
                                    "Remove"
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.scenario.with(|s| s.goals.is_empty());
    view! {
        <section class="panel" aria-labelledby="candidates-title">
            <h2 class="panel__title" id="candidates-title">"Candidate goals"</h2>
            <Show
                when=move || !empty()
                fallback=|| view! { <p>"No goals yet: merge participants' links, or add goals on the Goals screen."</p> }
            >
                <Table
                    class="workshop__table"
                    caption="Goals on the table, who proposed them, and possible duplicates"
                    columns=&["Goal", "Proposed by", "Duplicate?", "Action"]
                >
                    {rows}
                </Table>
            </Show>
            <p role="status" class="workshop__status">
                {move || {
                    removed
                        .get()
                        .map(|r| {
                            view! {
                                {format!("Removed “{}”. ", r.goal.title)}
                                <button type="button" class="button button--quiet" on:click=undo>
                                    "Undo"
                                </button>
                            }
                        })
                }}
            </p>
        </section>
    }
}

/// The facilitator pastes participants' links; each one's new goals join
/// the workshop.
#[component]
fn Collect() -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<String>::new());
    let merge_links = move |_| {
        let lines: Vec<String> = text
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if lines.is_empty() {
            results.set(vec!["Paste at least one link first.".to_string()]);
            return;
        }
        leptos::task::spawn_local(async move {
            let mut out = Vec::new();
            let mut merged_any = false;
            for (n, line) in lines.into_iter().enumerate() {
                let label = format!("Link {}", n + 1);
                let payload = crate::share::payload_in(&line).to_string();
                match open_link(payload).await {
                    Err(why) => out.push(format!("{label}: {why}")),
                    Ok(theirs) => {
                        let mut report = None;
                        state.edit(|s| report = Some(merge(s, &theirs, &label)));
                        if let Some(m) = report {
                            merged_any = true;
                            out.push(describe_merge(&m));
                        }
                    }
                }
            }
            if merged_any {
                text.set(String::new());
            }
            results.set(out);
        });
    };
    view! {
        <section class="panel" aria-labelledby="collect-title">
            <h2 class="panel__title" id="collect-title">"Collect participants' goals"</h2>
            <div class="field">
                <label class="field__label" for="workshop-links">
                    "Participants' links, one per line"
                </label>
                <textarea
                    id="workshop-links"
                    class="field__input workshop__links"
                    rows="4"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button type="button" class="button" on:click=merge_links>
                "Merge their goals"
            </button>
            <ul class="workshop__results" role="status">
                {move || results.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// `n` and the noun that goes with it: "1 dot", "3 dots".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line on what merging a link did.
fn describe_merge(m: &crate::model::workshop::Merged) -> String {
    let mut parts = vec![format!("{} added", counted(m.added.len(), "goal", "goals"))];
    if m.unchanged > 0 {
        parts.push(format!("{} already here", m.unchanged));
    }
    if m.dropped > 0 {
        parts.push(format!("{} left out: the scenario is full", m.dropped));
    }
    if m.parked > 0 {
        parts.push(format!(
            "{} for the parking lot",
            counted(m.parked, "idea", "ideas")
        ));
    }
    format!("{}: {}.", m.by, parts.join(", "))
}

/// For a participant on their own device: the name their goals carry.
#[component]
fn Participate() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let name = state
        .scenario
        .with_untracked(|s| s.workshop.participant.clone());
    view! {
        <section class="panel" aria-labelledby="participate-title">
            <h2 class="panel__title" id="participate-title">"Drafting on your own device?"</h2>
            <div class="field" class:field--invalid=move || error.get().is_some()>
                <label class="field__label" for="workshop-name">
                    "Your name, as the facilitator will see it"
                </label>
                <input
                    id="workshop-name"
                    class="field__input"
                    value=name
                    aria-describedby="workshop-name-error"
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        if text.trim().is_empty() {
                            state.edit(|s| s.workshop.participant.clear());
                            error.set(None);
                            return;
                        }
                        match parse_name(&text) {
                            Ok(n) => {
                                state.edit(|s| s.workshop.participant = n);
                                error.set(None);
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    }
                />
                <p class="field__error" id="workshop-name-error" aria-live="polite">
                    {move || error.get()}
                </p>
            </div>
            <p>
                "Add your goals on the "
                <a href="#/goals">"Goals screen"</a>
                ", then press Share link at the top of that screen and send the link to the facilitator. Nothing is sent anywhere else."
            </p>
        </section>
    }
}

/// Step 3: each goal's chance under the chosen plan.
#[component]
fn SimulateStep() -> impl IntoView {
    let state = AppState::expect();
    let plan = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().name.clone())
    };
    let rows = move || {
        state.scenario.with(|s| {
            let chosen = s.simulation.chosen;
            s.goals
                .0
                .iter()
                .filter_map(|g| {
                    let t = g.target.as_ref()?;
                    let chance = state.runs.chance(chosen, g.id).map_or_else(
                        || "Needs a deadline".to_string(),
                        |o| format_percent(o.p_both, 0),
                    );
                    Some(view! {
                        <tr>
                            <th scope="row">{g.label()}</th>
                            <td>{t.measure.describe(t.target, s.baseline.units())}</td>
                            <td class="workshop__big">{chance}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let horizon = move || {
        state
            .runs
            .get(state.scenario.with(|s| s.simulation.chosen))
            .map(|t| {
                SIM_METRICS
                    .into_iter()
                    .map(|m| {
                        let last = t.outcome.series(m).last().copied();
                        let text = last.map_or_else(String::new, |b| {
                            format!(
                                "{}: median {} after {} weeks",
                                m.name(),
                                Measure::Baseline(m)
                                    .describe(b.p50, state.scenario.with(|s| s.baseline.units())),
                                t.outcome.weeks
                            )
                        });
                        view! { <li>{text}</li> }
                    })
                    .collect_view()
            })
    };
    view! {
        <p class="workshop__note">
            {move || format!("Under the plan “{}”. ", plan())}
            <a href="#/simulate">"Change the plan"</a>
        </p>
        <Table
            class="workshop__table"
            caption="Chance of meeting each goal by its deadline"
            columns=&["Goal", "Target", "Chance"]
        >
            {rows}
        </Table>
        <ul class="workshop__list" aria-label="Where the plan leads">{horizon}</ul>
    }
}

/// Step 4: the error budget, its policy and the goals' guards.
#[component]
fn GuardrailsStep() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let lines = move || {
        state.scenario.with(|s| {
            let mut lines = budget_lines(state, s, now);
            lines.extend(s.goals.0.iter().filter_map(|g| {
                g.guard
                    .map(|guard| format!("{}: {}.", g.title, guard.describe(s.baseline.units())))
            }));
            lines
        })
    };
    view! {
        <ul class="workshop__list workshop__list--big">
            {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
        <p class="workshop__note">
            <a href="#/budget">"Change the SLO or the policy"</a>
        </p>
    }
}

/// Step 5: dot-voting, the ranking and the committed set.
#[component]
fn CommitStep() -> impl IntoView {
    let state = AppState::expect();
    let first_voter = move || {
        state
            .scenario
            .with_untracked(|s| s.workshop.voters().first().map(|v| v.to_string()))
    };
    let voter = RwSignal::new(first_voter());
    let message = RwSignal::new(None::<String>);
    let new_voter = RwSignal::new(String::new());
    let add_voter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_voter.get_untracked();
        let mut result = Ok(());
        state.edit(|s| result = s.workshop.add_voter(&name));
        match result {
            Ok(()) => {
                voter.set(parse_name(&name).ok());
                new_voter.set(String::new());
                message.set(None);
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let add_proposers = move |_| {
        state.edit(|s| {
            let names: Vec<String> = s.workshop.proposals.iter().map(|p| p.by.clone()).collect();
            for n in names {
                let _ = s.workshop.add_voter(&n);
            }
        });
        if voter.get_untracked().is_none() {
            voter.set(first_voter());
        }
    };
    let voters = move || {
        state.scenario.with(|s| {
            s.workshop
                .voters()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    };
    let left = move || {
        let name = voter.get()?;
        state.scenario.with(|s| {
            let left = s.workshop.dots_left(&name, Subject::Goals)?;
            Some(format!(
                "{name} has {left} of {} dots left.",
                s.workshop.dots_each()
            ))
        })
    };
    let vote = move |goal: GoalId, add: bool| {
        let Some(name) = voter.get_untracked() else {
            message.set(Some("Choose who is voting first.".to_string()));
            return;
        };
        let mut result = Ok(());
        state.edit(|s| {
            result = if add {
                s.workshop.place_dot(&s.goals, &name, goal)
            } else {
                s.workshop.take_dot(&name, goal)
            };
        });
        message.set(result.err());
    };
    let ranking = move || {
        state.scenario.with(|s| {
            let name = voter.get();
            let ids = candidates(&s.goals, Subject::Goals);
            // While the vote is open the counts stay hidden: the rows are
            // the candidates in their own order, unranked.
            let ranked = s.workshop.ranking(Subject::Goals, &ids).ok();
            let rows: Vec<(Option<usize>, GoalId, Option<u32>)> = match ranked {
                Some(r) => r
                    .into_iter()
                    .map(|r| (Some(r.rank), r.goal, Some(r.dots)))
                    .collect(),
                None => ids.into_iter().map(|id| (None, id, None)).collect(),
            };
            rows.into_iter()
                .filter_map(|(rank, id, dots)| {
                    let g = s.goals.get(id)?;
                    let mine = name
                        .as_deref()
                        .and_then(|n| s.workshop.ballot(n))
                        .map_or(0, |b| b.dots_on(id));
                    let committed = s.workshop.committed.contains(&id);
                    let title = g.label();
                    let add_label = format!("Add a dot to “{}”", g.title);
                    let take_label = format!("Take a dot back from “{}”", g.title);
                    let commit_label = format!("Commit to “{}”", g.title);
                    let dots_text = dots.map_or_else(
                        || "Hidden until the reveal".to_string(),
                        |d| counted(d as usize, "dot", "dots"),
                    );
                    Some(view! {
                        <tr>
                            <td>{rank.map_or_else(|| "—".to_string(), |r| r.to_string())}</td>
                            <th scope="row">{title}</th>
                            <td class="workshop__big">
                                {dots_text}
                                <span class="workshop__dots" aria-hidden="true">
                                    {"●".repeat(dots.unwrap_or(0).min(20) as usize)}
                                </span>
                            </td>
                            <td>
                                <div class="workshop__vote">
                                    <button
                                        type="button"
                                        class="button"
                                        aria-label=add_label
                                        on:click=move |_| vote(id, true)
                                    >
                                        "+ dot"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=take_label
                                        disabled=mine == 0
                                        on:click=move |_| vote(id, false)
                                    >
                                        "− dot"
                                    </button>
                                </div>
                            </td>
                            <td>
                                <input
                                    type="checkbox"
                                    id=format!("commit-{id}")
                                    aria-label=commit_label
                                    prop:checked=committed
                                    on:change=move |_| state.edit(|s| s.workshop.toggle_commit(id))
                                />
                            </td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let top = RwSignal::new(3u32);
    let commit_top = move |_| {
        let mut result = Ok(());
        state.edit(|s| {
            let ids = candidates(&s.goals, Subject::Goals);
            result = s.workshop.commit_top(&ids, top.get_untracked() as usize);
        });
        message.set(result.err().map(|hidden| hidden.message()));
    };
    let progress = move || {
        state
            .scenario
            .with(|s| s.workshop.progress(Subject::Goals).words())
    };
    let revealed = move || {
        state
            .scenario
            .with(|s| !s.workshop.state(Subject::Goals).is_open())
    };
    let reveal = move |_| {
        let mut result = Ok(());
        state.edit(|s| {
            result = if s.workshop.state(Subject::Goals).is_open() {
                s.workshop.reveal(Subject::Goals)
            } else {
                s.workshop.reopen(Subject::Goals)
            };
        });
        message.set(result.err());
    };
    let committed = move || {
        state.scenario.with(|s| {
            s.workshop
                .committed
                .iter()
                .filter_map(|&id| s.goals.get(id))
                .map(|g| view! { <li>{g.label()}</li> })
                .collect_view()
        })
    };
    view! {
        <div class="workshop__stack">
            <section class="panel" aria-labelledby="vote-title">
                <h2 class="panel__title" id="vote-title">"Dot-voting"</h2>
                <div class="workshop__controls">
                    <div class="field">
                        <label class="field__label" for="dots-each">"Dots per person"</label>
                        <input
                            id="dots-each"
                            class="field__input field__input--short"
                            type="number"
                            min="1"
                            max=MAX_DOTS.to_string()
                            prop:value=move || state.scenario.with(|s| s.workshop.dots_each().to_string())
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                    let mut result = Ok(Vec::new());
                                    state.edit(|s| result = s.workshop.set_dots_each(n));
                                    message.set(match result {
                                        Ok(lines) => (!lines.is_empty()).then(|| lines.join(" ")),
                                        Err(e) => Some(e),
                                    });
                                }
                            }
                        />
                    </div>
                    <form class="field" on:submit=add_voter>
                        <label class="field__label" for="new-voter">"Voter's name"</label>
                        <div class="field__control">
                            <input
                                id="new-voter"
                                class="field__input"
                                prop:value=move || new_voter.get()
                                on:input=move |ev| new_voter.set(event_target_value(&ev))
                            />
                            <button type="submit" class="button">"Add voter"</button>
                        </div>
                    </form>
                    <button type="button" class="button button--quiet" on:click=add_proposers>
                        "Add every proposer as a voter"
                    </button>
                    <div class="field">
                        <label class="field__label" for="voting-now">"Voting now"</label>
                        <select
                            id="voting-now"
                            class="field__input"
                            prop:value=move || voter.get().unwrap_or_default()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                voter.set((!v.is_empty()).then_some(v));
                            }
                        >
                            <option value="">"Choose a voter"</option>
                            {move || {
                                voters()
                                    .into_iter()
                                    .map(|n| {
                                        let selected = voter.get().as_deref() == Some(n.as_str());
                                        view! {
                                            <option value=n.clone() selected=selected>
                                                {n.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
                <p role="status" class="workshop__status">
                    {move || message.get().or_else(left)}
                </p>
                <p class="workshop__status">{progress}</p>
                <button type="button" class="button" on:click=reveal>
                    {move || if revealed() { "Re-open voting" } else { "Reveal the votes" }}
                </button>
                <Table
                    class="workshop__table"
                    caption="Goals ranked by dots; each person has the same number of dots"
                    columns=&["Rank", "Goal", "Dots", "Vote", "Committed"]
                >
                    {ranking}
                </Table>
            </section>
            <section class="panel" aria-labelledby="committed-title">
                <h2 class="panel__title" id="committed-title">"The goals we commit to"</h2>
                <div class="field">
                    <label class="field__label" for="commit-top">"Commit the top"</label>
                    <div class="field__control">
                        <input
                            id="commit-top"
                            class="field__input field__input--short"
                            type="number"
                            min="1"
                            max=MOST_RANKS.to_string()
                            prop:value=move || top.get().to_string()
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                    top.set(n.clamp(1, MOST_RANKS));
                                }
                            }
                        />
                        <span class="field__suffix">"ranks"</span>
                        <button type="button" class="button" on:click=commit_top>
                            "Commit the top-ranked goals"
                        </button>
                    </div>
                </div>
                <ol class="workshop__list workshop__list--big" aria-label="Committed goals">
                    {committed}
                </ol>
                <p>
                    <a class="button" href="#/report">"Open the leadership report"</a>
                </p>
                <ShareLink />
            </section>
        </div>
    }
}

/// Ideas raised that are out of scope, kept on every step.
#[component]
fn ParkingLot() -> impl IntoView {
    let state = AppState::expect();
    let idea = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let park = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = Ok(());
        state.edit(|s| result = s.workshop.park(&idea.get_untracked()));
        match result {
            Ok(()) => {
                idea.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let count = move || state.scenario.with(|s| s.workshop.parking_lot.len());
    let items = move || {
        state.scenario.with(|s| {
            s.workshop
                .parking_lot
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let label = format!("Remove “{text}” from the parking lot");
                    view! {
                        <li>
                            {text.clone()}
                            <button
                                type="button"
                                class="button button--quiet"
                                aria-label=label
                                on:click=move |_| {
                                    state.edit(|s| {
                                        if i < s.workshop.parking_lot.len() {
                                            s.workshop.parking_lot.remove(i);
                                        }
                                    })
                                }
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="panel workshop__parking">
            <summary>{move || format!("Parking lot ({})", count())}</summary>
            <form class="field" on:submit=park class:field--invalid=move || error.get().is_some()>
                <label class="field__label" for="parking-idea">"Idea for later"</label>
                <div class="field__control">
                    <input
                        id="parking-idea"
                        class="field__input"
                        prop:value=move || idea.get()
                        on:input=move |ev| idea.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">"Park it"</button>
                </div>
                <p class="field__error" aria-live="polite">{move || error.get()}</p>
            </form>
            <ul class="workshop__list">{items}</ul>
        </details>
    }
}
