//! The Compare screen: two or three scenarios side by side — the working
//! one, saved ones, or ones from share links — with baseline tiers, goal
//! chances, fan charts on shared axes and error budgets, every difference
//! against the first (reference) scenario stated in words.
//!
//! What is compared lives in this tab's memory only: it is never saved or
//! sent anywhere. It outlasts a visit to another screen, because the screen
//! keeps its choice in a thread-local when it unmounts.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::chart::fan::{axes, fan_on, table_weeks, FanSeries};
use crate::model::compare::{
    chance_change, change, match_goals, metric_change, percent_difference, tier_change, Change,
    Direction,
};
use crate::model::date::format_date;
use crate::model::dora::classify;
use crate::model::goals::Measure;
use crate::model::names::free_name;
use crate::model::plan::SIM_METRICS;
use crate::model::scenario::seed_assessment;
use crate::model::slo::{self, describe_minutes, WindowKind};
use crate::model::units::{format_count, format_number, format_percent};
use crate::model::{Metric, Scenario};
use crate::sim::monte_carlo::Band;
use crate::sim::scenario::{run_scenario, ScenarioRun};
use crate::storage::{self, Entry};
use crate::ui::charts::fan::FanChart;
use crate::ui::share::open_link;
use crate::ui::state::{browser_now, AppState};

/// At most this many scenarios side by side: more no longer fit a screen.
const MAX_COLUMNS: usize = 3;
/// Longest column label, as long as a team name.
const MAX_LABEL_CHARS: usize = crate::model::Scenario::MAX_TEAM_CHARS;
/// Finished runs kept, so returning to the screen or reordering the
/// columns does not simulate again.
const KEPT_RUNS: usize = 6;

/// Where a compared scenario comes from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// The working scenario, as it is now.
    Working,
    /// A copy of a library entry, by the name it was saved under.
    Saved(String, Arc<Scenario>),
    /// A scenario decoded from a share link.
    Link(Arc<Scenario>),
}

/// One compared scenario.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    /// Stable across reordering, for keyed rendering.
    id: u32,
    source: Source,
    /// The name its column is headed with.
    label: String,
}

thread_local! {
    static CHOSEN: RefCell<Vec<Column>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static LINKS_ADDED: Cell<u32> = const { Cell::new(0) };
    static RUNS: RefCell<Vec<(Arc<Scenario>, Arc<ScenarioRun>)>> = const { RefCell::new(Vec::new()) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// A finished run of `s`, if one is kept.
fn kept_run(s: &Scenario) -> Option<Arc<ScenarioRun>> {
    RUNS.with(|r| {
        r.borrow()
            .iter()
            .find(|(k, _)| **k == *s)
            .map(|(_, run)| run.clone())
    })
}

/// The run of `s`: kept, or simulated now and kept.
fn run_of(s: &Arc<Scenario>, today: chrono::NaiveDate) -> Arc<ScenarioRun> {
    kept_run(s).unwrap_or_else(|| {
        let run = Arc::new(run_scenario(s, today));
        RUNS.with(|r| {
            let mut r = r.borrow_mut();
            if r.len() >= KEPT_RUNS {
                r.remove(0);
            }
            r.push((s.clone(), run.clone()));
        });
        run
    })
}

/// The header of column `i`: its label, or a placeholder when cleared.
fn header(labels: &[String], i: usize) -> String {
    match labels.get(i).map(|l| l.trim()) {
        Some(l) if !l.is_empty() => l.to_string(),
        _ => format!("Scenario {}", i + 1),
    }
}

/// A difference against the reference, in words, with a CSS hook.
fn difference(change: Option<Change>, reference: &str, detail: Option<String>) -> impl IntoView {
    change.map(|c| {
        let text = match (c, detail) {
            (Change::Same, _) => format!("Same as {reference}"),
            (_, Some(detail)) => format!("{} than {reference}: {detail}", c.word()),
            (_, None) => format!("{} than {reference}", c.word()),
        };
        view! { <span class=format!("compare__diff compare__diff--{}", c.key())>{text}</span> }
    })
}

/// "60% lower", or nothing when the reference is zero.
fn by_percent(reference: f64, value: f64) -> Option<String> {
    percent_difference(reference, value).map(|p| {
        let way = if value > reference { "higher" } else { "lower" };
        format!("{}% {way}", format_number(p, 0))
    })
}

/// The Compare screen.
#[component]
pub fn CompareScreen() -> impl IntoView {
    let state = AppState::expect();
    let columns = RwSignal::new(CHOSEN.with(|c| c.borrow().clone()));
    Effect::new(move |_| columns.with(|c| CHOSEN.with(|k| *k.borrow_mut() = c.clone())));

    let scenarios = Memo::new(move |_| {
        columns.with(|cols| {
            cols.iter()
                .map(|c| match &c.source {
                    Source::Working => Arc::new(state.scenario.get()),
                    Source::Saved(_, s) | Source::Link(s) => s.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let labels = Memo::new(move |_| {
        columns.with(|cols| {
            let typed: Vec<String> = cols.iter().map(|c| c.label.clone()).collect();
            (0..typed.len())
                .map(|i| header(&typed, i))
                .collect::<Vec<_>>()
        })
    });

    // Each scenario's run, `None` while it is being simulated. Runs are
    // kept between visits; a missing one is simulated after the browser has
    // painted "Simulating…", so the page says why it pauses.
    let today = state.today;
    let runs = RwSignal::new(
        scenarios
            .get_untracked()
            .iter()
            .map(|s| kept_run(s))
            .collect::<Vec<_>>(),
    );
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let list = scenarios.get();
        let found: Vec<_> = list.iter().map(|s| kept_run(s)).collect();
        let missing = found.iter().any(Option::is_none);
        runs.set(found);
        if missing {
            let this = generation.get_value() + 1;
            generation.set_value(this);
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if generation.try_get_value() == Some(this) {
                            let done = list.iter().map(|s| Some(run_of(s, today))).collect();
                            let _ = runs.try_set(done);
                        }
                    },
                    Duration::ZERO,
                );
            });
        }
    });

    let ready = move || columns.with(|c| c.len() >= 2);
    view! {
        <div class="screen compare">
            <header class="screen__header">
                <h1 class="screen__title">"Compare"</h1>
                <p class="screen__lede">
                    "Two or three scenarios side by side — this one, saved ones, or ones from share links — to see what changed since last quarter or which plan fares better. The first is the reference: every difference is stated against it."
                </p>
            </header>
            <Picker columns />
            <Show
                when=ready
                fallback=|| {
                    view! {
                        <p class="panel compare__empty">
                            "Add at least two scenarios to compare them. Pick one you saved in Saved scenarios (save the working scenario there first, from the header), or paste a share link: one a colleague sent, or one you made last quarter with Share link. “Add this scenario” adds the one you are working on."
                        </p>
                    }
                }
            >
                <BaselineTable scenarios labels />
                <GoalTable scenarios labels runs />
                <Outlook scenarios labels runs />
                <BudgetTable scenarios labels runs />
            </Show>
        </div>
    }
}

/// Choosing, naming, ordering and removing the compared scenarios.
#[component]
fn Picker(
    /// The compared scenarios, reference first.
    columns: RwSignal<Vec<Column>>,
) -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<String>);
    let saved = RwSignal::new(Vec::<Entry>::new());
    // Read again whenever the user reaches for the controls: the header's
    // library panel may have saved a scenario since the screen opened.
    let reload = move || match storage::load_library() {
        Ok(list) => {
            if saved.with_untracked(|l| *l != list) {
                saved.set(list);
            }
        }
        Err(why) => message.set(Some(why)),
    };
    reload();
    let picked = RwSignal::new(0usize);
    let link_text = RwSignal::new(String::new());
    let full = move || columns.with(|c| c.len() >= MAX_COLUMNS);

    let add = move |source: Source, label: String| {
        let mut added = false;
        columns.update(|c| {
            if c.len() < MAX_COLUMNS {
                // Every column header names one scenario.
                let label = free_name(&label, MAX_LABEL_CHARS, MAX_COLUMNS + 1, |l| {
                    c.iter().any(|c| c.label == l)
                })
                .unwrap_or_default();
                message.set(Some(format!("Added “{label}”.")));
                c.push(Column {
                    id: next_id(),
                    source,
                    label,
                });
                added = true;
            }
        });
        added
    };
    let add_working = move |_| {
        add(Source::Working, "This scenario".into());
    };
    let add_saved = move |_| {
        if let Some(e) = saved.with_untracked(|l| l.get(picked.get_untracked()).cloned()) {
            add(Source::Saved(e.name.clone(), Arc::new(e.scenario)), e.name);
        }
    };
    let add_link = move || {
        let text = link_text.get_untracked();
        let payload = crate::share::payload_in(&text).to_string();
        if payload.is_empty() {
            message.set(Some("Paste a share link first.".into()));
            return;
        }
        leptos::task::spawn_local(async move {
            match open_link(payload).await {
                Err(why) => message.set(Some(why)),
                Ok(linked) => {
                    let n = LINKS_ADDED.with(|n| n.get()) + 1;
                    if add(Source::Link(Arc::new(linked)), format!("Link {n}")) {
                        LINKS_ADDED.with(|c| c.set(n));
                        link_text.set(String::new());
                    }
                }
            }
        });
    };
    let has_working = move || columns.with(|c| c.iter().any(|c| c.source == Source::Working));
    let remove = move |id: u32| {
        columns.update(|c| {
            if let Some(i) = c.iter().position(|c| c.id == id) {
                let gone = c.remove(i);
                message.set(Some(format!("Removed “{}”.", gone.label)));
            }
        })
    };
    let make_reference = move |id: u32| {
        columns.update(|c| {
            if let Some(i) = c.iter().position(|c| c.id == id) {
                let col = c.remove(i);
                message.set(Some(format!("“{}” is now the reference.", col.label)));
                c.insert(0, col);
            }
        })
    };
    let position = move |id: u32| columns.with(|c| c.iter().position(|c| c.id == id).unwrap_or(0));
    let label_of = move |id: u32| {
        columns.with(|c| {
            c.iter()
                .find(|c| c.id == id)
                .map(|c| c.label.clone())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="panel compare__picker" aria-labelledby="compare-picker-title">
            <h2 class="panel__title" id="compare-picker-title">"Scenarios compared"</h2>
            <p class="field__hint">
                "Kept in this tab only while it is open; nothing is saved or sent anywhere."
            </p>
            <ol class="compare__columns">
                <For each=move || columns.get() key=|c| c.id let:col>
                    {
                        let id = col.id;
                        let input_id = format!("compare-label-{id}");
                        let (team, from) = match &col.source {
                            Source::Working => (
                                state.scenario.with_untracked(|s| s.team.clone()),
                                "The working scenario".to_string(),
                            ),
                            Source::Saved(name, s) => (s.team.clone(), format!("Saved as “{name}”")),
                            Source::Link(s) => (s.team.clone(), "From a share link".to_string()),
                        };
                        view! {
                            <li class="compare__column">
                                <label class="field__label" for=input_id.clone()>
                                    {move || format!("Name of scenario {}", position(id) + 1)}
                                </label>
                                <input
                                    id=input_id
                                    class="field__input"
                                    maxlength="80"
                                    prop:value=move || label_of(id)
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        columns.update(|c| {
                                            if let Some(col) = c.iter_mut().find(|c| c.id == id) {
                                                col.label = text;
                                            }
                                        });
                                    }
                                />
                                <p class="field__hint">{format!("{from}; team “{team}”.")}</p>
                                <div class="compare__column-actions">
                                    <Show
                                        when=move || { position(id) > 0 }
                                        fallback=|| view! { <span class="compare__reference">"Reference"</span> }
                                    >
                                        <button
                                            type="button"
                                            class="button button--quiet"
                                            aria-label=move || format!("Use {} as the reference", label_of(id))
                                            on:click=move |_| make_reference(id)
                                        >
                                            "Use as reference"
                                        </button>
                                    </Show>
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=move || format!("Remove {}", label_of(id))
                                        on:click=move |_| remove(id)
                                    >
                                        "Remove"
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <Show
                when=move || !full()
                fallback=|| {
                    view! {
                        <p class="field__hint">
                            "Three scenarios is the most compared at once: remove one to add another."
                        </p>
                    }
                }
            >
                <div
                    class="compare__add"
                    on:focusin=move |_| reload()
                    on:pointerenter=move |_| reload()
                >
                    <div class="compare__add-group">
                        <button
                            type="button"
                            class="button"
                            disabled=has_working
                            on:click=add_working
                        >
                            "Add this scenario"
                        </button>
                    </div>
                    <div class="compare__add-group">
                        <Show
                            when=move || saved.with(|l| !l.is_empty())
                            fallback=|| {
                                view! {
                                    <p class="field__hint">
                                        "No saved scenarios yet: save one from the header's Saved scenarios."
                                    </p>
                                }
                            }
                        >
                            <label class="field__label" for="compare-saved">"Saved scenario"</label>
                            <select
                                id="compare-saved"
                                class="field__select"
                                on:change=move |ev| picked.set(event_target_value(&ev).parse().unwrap_or(0))
                            >
                                {move || {
                                    saved
                                        .get()
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, e)| {
                                            view! {
                                                <option value=i.to_string() selected=move || picked.get() == i>
                                                    {e.name}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </select>
                            <button type="button" class="button" on:click=add_saved>
                                "Add saved scenario"
                            </button>
                        </Show>
                    </div>
                    <div class="compare__add-group">
                        <label class="field__label" for="compare-link">"Share link"</label>
                        <input
                            id="compare-link"
                            class="field__input"
                            aria-describedby="compare-link-hint"
                            prop:value=move || link_text.get()
                            on:input=move |ev| link_text.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" {
                                    add_link();
                                }
                            }
                        />
                        <p class="field__hint" id="compare-link-hint">
                            "The whole link, or the part after “?s=”."
                        </p>
                        <button type="button" class="button" on:click=move |_| add_link()>
                            "Add link"
                        </button>
                    </div>
                </div>
            </Show>
            <p role="status" class="compare__message">{move || message.get()}</p>
        </section>
    }
}

/// A comparison table in its own panel: one row per measure (the rows are
/// the children), one column per scenario, the reference first and marked,
/// then an optional note.
#[component]
fn ComparisonPanel(
    /// Id of the panel's heading.
    id: &'static str,
    title: &'static str,
    /// The table's caption, its accessible name.
    caption: impl IntoView + 'static,
    /// The row headers' column title.
    first: &'static str,
    /// The scenarios' column headers.
    labels: Memo<Vec<String>>,
    /// Shown under the table.
    note: impl IntoView + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="panel compare__section" aria-labelledby=id>
            <h2 class="panel__title" id=id>{title}</h2>
            <div class="compare__scroll">
                <table class="report__table compare__table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{first}</th>
                            {move || {
                                labels
                                    .get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, l)| {
                                        let text = if i == 0 { format!("{l} (reference)") } else { l };
                                        view! { <th scope="col">{text}</th> }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
            {note}
        </section>
    }
}

/// Each metric's value and tier across the scenarios.
#[component]
fn BaselineTable(
    /// The compared scenarios, reference first.
    scenarios: Memo<Vec<Arc<Scenario>>>,
    /// Their column headers.
    labels: Memo<Vec<String>>,
) -> impl IntoView {
    let edition = move || scenarios.with(|s| s.first().map(|s| s.edition).unwrap_or_default());
    let rows = move || {
        let labels = labels.get();
        let reference = header(&labels, 0);
        let edition = edition();
        scenarios.with(|list| {
            let team = view! {
                <tr>
                    <th scope="row">"Team"</th>
                    {list.iter().map(|s| view! { <td>{s.team.clone()}</td> }).collect_view()}
                </tr>
            };
            let metrics = Metric::ALL
                .into_iter()
                .filter(|&m| list.iter().any(|s| s.baseline.value(m).is_some()))
                .map(|m| {
                    let first = list.first().and_then(|s| s.baseline.value(m));
                    let cells = list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let Some(v) = s.baseline.value(m) else {
                                return view! { <td>"Not entered"</td> }.into_any();
                            };
                            let verdict = classify(edition, m, v);
                            let tier = verdict
                                .map(|t| format!("{} tier", t.label()))
                                .or_else(|| seed_assessment(m, v).map(|(a, _)| a.to_string()));
                            let diff = first.filter(|_| i > 0).map(|r| {
                                let tiers = tier_change(classify(edition, m, r), verdict)
                                    .filter(|c| *c != Change::Same)
                                    .map(|_| {
                                        format!(
                                            "; tier was {}",
                                            classify(edition, m, r).map(|t| t.label()).unwrap_or_default()
                                        )
                                    })
                                    .unwrap_or_default();
                                let detail = by_percent(r, v).map(|p| format!("{p}{tiers}"));
                                difference(metric_change(m.higher_is_better(), r, v), &reference, detail)
                            });
                            view! {
                                <td>
                                    <span class="compare__value">{Measure::Baseline(m).describe(v, s.baseline.units())}</span>
                                    {tier.map(|t| view! { <span class="compare__tier">{t}</span> })}
                                    {diff}
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{m.name()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            (team, metrics)
        })
    };
    view! {
        <ComparisonPanel
            id="compare-baseline"
            title="Where each stands"
            caption=move || {
                format!(
                    "Baseline and DORA {} tiers, each compared with {}",
                    edition().year(),
                    header(&labels.get(), 0),
                )
            }
            first="Metric"
            labels
            note=view! {
                <p class="footnote">
                    "Every scenario is classified under the reference's DORA edition, so the tiers compare like with like."
                </p>
            }
        >
            {rows}
        </ComparisonPanel>
    }
}

/// Each goal's chance across the scenarios, goals matched by title.
#[component]
fn GoalTable(
    /// The compared scenarios, reference first.
    scenarios: Memo<Vec<Arc<Scenario>>>,
    /// Their column headers.
    labels: Memo<Vec<String>>,
    /// Their runs, `None` while simulating.
    runs: RwSignal<Vec<Option<Arc<ScenarioRun>>>>,
) -> impl IntoView {
    let rows = move || {
        let reference = header(&labels.get(), 0);
        let done = runs.get();
        scenarios.with(|list| {
            let plans = list
                .iter()
                .map(|s| {
                    let sim = &s.simulation;
                    let text = match sim.problem() {
                        Some(why) => format!("Cannot be simulated: {why}"),
                        None => format!(
                            "{} ({} trials, {} weeks)",
                            sim.chosen_plan().name,
                            format_count(u64::from(sim.trials)),
                            sim.horizon_weeks
                        ),
                    };
                    view! { <td>{text}</td> }
                })
                .collect_view();
            let titles: Vec<Vec<&str>> = list
                .iter()
                .map(|s| s.goals.0.iter().map(|g| g.title.as_str()).collect())
                .collect();
            // The chance of goal `g` of scenario `c`: outer `None` while
            // simulating, inner `None` when it has no simulated target.
            let chance = |c: usize, g: usize| {
                let run = done.get(c).cloned().flatten()?;
                let goal = list[c].goals.0.get(g)?;
                Some(run.chance(goal.id).map(|o| o.p_both))
            };
            let goals = match_goals(&titles)
                .into_iter()
                .map(|row| {
                    let first = row.cells.first().copied().flatten().and_then(|g| chance(0, g)).flatten();
                    let cells = row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(c, cell)| {
                            let Some(g) = *cell else {
                                return view! { <td>"Not in this scenario"</td> }.into_any();
                            };
                            let goal = &list[c].goals.0[g];
                            let target = goal
                                .target
                                .as_ref()
                                .map(|t| t.measure.describe(t.target, list[c].baseline.units()))
                                .unwrap_or_else(|| "No metric target".into());
                            let deadline = goal.deadline.map_or_else(|| "no deadline".to_string(), format_date);
                            let (text, diff) = match chance(c, g) {
                                None => ("Simulating…".to_string(), None),
                                Some(None) => ("Not simulated".to_string(), None),
                                Some(Some(p)) => {
                                    let diff = first.filter(|_| c > 0).map(|r| {
                                        let points = ((p * 100.0).round() - (r * 100.0).round()).abs();
                                        let way = if p > r { "higher" } else { "lower" };
                                        difference(
                                            chance_change(r, p),
                                            &reference,
                                            Some(format!("{} points {way}", format_number(points, 0))),
                                        )
                                    });
                                    (format!("{} chance", format_percent(p, 0)), diff)
                                }
                            };
                            view! {
                                <td>
                                    <span class="compare__value">{text}</span>
                                    <span class="compare__tier">{format!("{target} by {deadline}")}</span>
                                    {diff}
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{row.title}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">"Chosen plan"</th>
                    {plans}
                </tr>
                {goals}
            }
        })
    };
    view! {
        <ComparisonPanel
            id="compare-goals"
            title="Goals and their chances"
            caption=move || {
                format!(
                    "Chance of meeting each goal by its deadline under each scenario's own chosen plan and simulation, compared with {}; goals with the same title share a row",
                    header(&labels.get(), 0),
                )
            }
            first="Goal"
            labels
            note=move || {
                scenarios
                    .with(|l| l.iter().all(|s| s.goals.is_empty()))
                    .then(|| view! { <p class="footnote">"None of these scenarios has goals yet: set them on the Goals screen."</p> })
            }
        >
            {rows}
        </ComparisonPanel>
    }
}

/// One metric's fan chart per scenario, all on the same axes.
#[component]
fn Outlook(
    /// The compared scenarios, reference first.
    scenarios: Memo<Vec<Arc<Scenario>>>,
    /// Their column headers.
    labels: Memo<Vec<String>>,
    /// Their runs, `None` while simulating.
    runs: RwSignal<Vec<Option<Arc<ScenarioRun>>>>,
) -> impl IntoView {
    let metric = RwSignal::new(Metric::DeployFrequency);
    // One unit for every chart, the reference's.
    let unit = Memo::new(move |_| {
        let m = metric.get();
        scenarios.with(|s| {
            s.first()
                .map(|s| s.baseline.units())
                .unwrap_or_default()
                .of(m)
        })
    });
    let series = Memo::new(move |_| {
        let m = metric.get();
        runs.with(|r| {
            r.iter()
                .map(|run| {
                    run.as_ref()
                        .and_then(|run| run.outcome.as_ref())
                        .map(|o| o.series(m))
                        .unwrap_or_default()
                })
                .collect::<Vec<Vec<Band>>>()
        })
    });
    let shared = Memo::new(move |_| {
        series.with(|all| {
            let fans: Vec<FanSeries> = all.iter().map(|b| FanSeries { bands: b }).collect();
            axes(&fans, unit.get().factor, None)
        })
    });
    let status = move |i: usize| {
        runs.with(|r| match r.get(i) {
            Some(Some(run)) if run.outcome.is_none() => {
                Some("This scenario's simulation settings need fixing on the Simulate screen.")
            }
            Some(Some(_)) => None,
            _ => Some("Simulating…"),
        })
    };
    // Charts are rebuilt when a scenario is added or removed, not when a
    // label is typed.
    let count = Memo::new(move |_| labels.with(Vec::len));
    let charts = move || {
        (0..count.get())
            .map(|i| {
                let bands = move || series.with(|s| s.get(i).cloned().unwrap_or_default());
                let layout = Callback::new(move |frame| {
                    let b = bands();
                    fan_on(
                        &[FanSeries { bands: &b }],
                        unit.get().factor,
                        None,
                        &shared.get(),
                        frame,
                    )
                });
                let label = move || header(&labels.get(), i);
                let title =
                    Signal::derive(move || format!("{} in {}", metric.get().name(), label()));
                let at_end = move || {
                    let b = bands();
                    b.last().copied().map(|last| (b.len() - 1, last))
                };
                let summary = Signal::derive(move || {
                    let u = unit.get();
                    at_end().map_or_else(String::new, |(weeks, b)| {
                        format!(
                            "Median {} {} after {weeks} weeks (P10 {}, P90 {}).",
                            format_number(b.p50 * u.factor, 2),
                            u.label,
                            format_number(b.p10 * u.factor, 2),
                            format_number(b.p90 * u.factor, 2),
                        )
                    })
                });
                // The medians compared at the last week both scenarios reach.
                let diff = move || {
                    if i == 0 {
                        return None;
                    }
                    let m = metric.get();
                    series.with(|s| {
                        let (a, b) = (s.first()?, s.get(i)?);
                        let week = a.len().min(b.len()).checked_sub(1)?;
                        let (r, v) = (a[week].p50, b[week].p50);
                        Some(view! {
                            <p class="footnote">
                                {format!("Median at week {week}: ")}
                                {difference(
                                    metric_change(m.higher_is_better(), r, v),
                                    &header(&labels.get(), 0),
                                    by_percent(r, v),
                                )}
                            </p>
                        })
                    })
                };
                let plan = Signal::derive(move || {
                    vec![scenarios.with(|s| {
                        s.get(i)
                            .map(|s| s.simulation.chosen_plan().name.clone())
                            .unwrap_or_default()
                    })]
                });
                view! {
                    <div class="compare__chart">
                        <h3 class="compare__chart-title">{label}</h3>
                        {move || status(i).map(|s| view! { <p class="compare__status">{s}</p> })}
                        <FanChart
                            id=format!("compare-fan-{i}")
                            title
                            summary
                            unit=Signal::derive(move || unit.get().label.to_string())
                            layout
                            names=plan
                        />
                        <p class="footnote">{summary}</p>
                        {diff}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel compare__section" aria-labelledby="compare-outlook">
            <h2 class="panel__title" id="compare-outlook">"Outlook"</h2>
            <div class="field">
                <label class="field__label" for="compare-metric">"Metric shown"</label>
                <select
                    id="compare-metric"
                    class="field__select"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(m) = SIM_METRICS.into_iter().find(|m| m.key() == key) {
                            metric.set(m);
                        }
                    }
                >
                    {SIM_METRICS
                        .into_iter()
                        .map(|m| {
                            view! {
                                <option value=m.key() selected=move || metric.get() == m>
                                    {m.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="footnote">
                {move || {
                    format!(
                        "Median line and P10–P90 band of each scenario's chosen plan. Every chart has the same axes: weeks from now across, {} up, so equal heights are equal values.",
                        unit.get().label,
                    )
                }}
            </p>
            <div class="compare__charts">{charts}</div>
            <details class="details">
                <summary>"Show the numbers behind the chart"</summary>
                <table class="data-table">
                    <caption>
                        {move || format!("{} by week ({}): median and P10–P90 of each scenario", metric.get().name(), unit.get().label)}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Week"</th>
                            {move || {
                                labels
                                    .get()
                                    .into_iter()
                                    .map(|l| {
                                        view! {
                                            <th scope="col">{format!("{l} median")}</th>
                                            <th scope="col">{format!("{l} P10–P90")}</th>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let u = unit.get();
                            let f = move |v: f64| format_number(v * u.factor, 2);
                            series
                                .with(|all| {
                                    table_weeks(shared.with(|a| a.weeks))
                                        .into_iter()
                                        .map(|w| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{w.to_string()}</th>
                                                    {all
                                                        .iter()
                                                        .map(|s| match s.get(w) {
                                                            Some(b) => {
                                                                view! {
                                                                    <td>{f(b.p50)}</td>
                                                                    <td>{format!("{} – {}", f(b.p10), f(b.p90))}</td>
                                                                }
                                                                    .into_any()
                                                            }
                                                            None => view! { <td>"—"</td><td>"—"</td> }.into_any(),
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// The SLO, budget and policy of each scenario.
#[component]
fn BudgetTable(
    /// The compared scenarios, reference first.
    scenarios: Memo<Vec<Arc<Scenario>>>,
    /// Their column headers.
    labels: Memo<Vec<String>>,
    /// Their runs, `None` while simulating.
    runs: RwSignal<Vec<Option<Arc<ScenarioRun>>>>,
) -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let rows = move || {
        let reference = header(&labels.get(), 0);
        let done = runs.get();
        scenarios.with(|list| {
            let reports: Vec<_> = list
                .iter()
                .map(|s| s.slo.is_valid().then(|| slo::report(&s.slo, state.today, now)))
                .collect();
            // A row: each scenario's text, and the number its difference is
            // judged on, in `direction` within `tolerance`.
            let row = |name: &'static str,
                       direction: Direction,
                       tolerance: f64,
                       cell: &dyn Fn(usize) -> Option<(String, Option<f64>)>| {
                let first = cell(0).and_then(|(_, v)| v);
                let cells = (0..list.len())
                    .map(|i| match cell(i) {
                        None => view! { <td>"The SLO needs fixing on the Error budget screen."</td> }.into_any(),
                        Some((text, value)) => {
                            let diff = first.zip(value).filter(|_| i > 0).map(|(r, v)| {
                                difference(change(direction, r, v, tolerance), &reference, None)
                            });
                            view! {
                                <td>
                                    <span class="compare__value">{text}</span>
                                    {diff}
                                </td>
                            }
                            .into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        {cells}
                    </tr>
                }
            };
            let valid = |i: usize| list[i].slo.is_valid().then_some(&list[i].slo);
            let target = row("SLO target", Direction::Neutral, 1e-9, &|i| {
                valid(i).map(|s| (format!("{}%", format_number(s.target, 5)), Some(s.target)))
            });
            let window = row("Window", Direction::Neutral, 0.0, &|i| {
                let r = reports[i].as_ref()?;
                let text = match r.kind {
                    WindowKind::Rolling => format!("Rolling {} days", r.days),
                    WindowKind::CalendarMonth => format!("Calendar month ({} days)", r.days),
                };
                Some((text, Some(f64::from(r.days))))
            });
            let budget = row("Budget", Direction::Neutral, 1e-9, &|i| {
                let r = reports[i].as_ref()?;
                Some((describe_minutes(r.budget_minutes), Some(r.budget_minutes)))
            });
            let consumed = row("Consumed", Direction::LowerIsBetter, 0.05, &|i| {
                let r = reports[i].as_ref()?;
                Some(match r.spent_percent() {
                    Some(p) => (
                        format!(
                            "{}% of the budget ({})",
                            format_number(p, 1),
                            describe_minutes(r.spent_minutes)
                        ),
                        Some(p),
                    ),
                    None => ("No budget to spend".to_string(), None),
                })
            });
            let policy = row("Freeze policy", Direction::LowerIsBetter, 0.05, &|i| {
                let s = valid(i)?;
                if !s.policy.freeze {
                    return Some(("No deployment freeze".to_string(), None));
                }
                Some(match done.get(i).cloned().flatten().and_then(|r| r.policy.clone()) {
                    None => ("Simulating…".to_string(), None),
                    Some(o) => (
                        format!(
                            "Freezes about {} days a quarter; the budget runs out in {} of windows",
                            format_number(o.days_frozen_per_quarter, 1),
                            format_percent(o.p_exhaust_per_window, 0)
                        ),
                        Some(o.days_frozen_per_quarter),
                    ),
                })
            });
            (target, window, budget, consumed, policy)
        })
    };
    view! {
        <ComparisonPanel
            id="compare-budget"
            title="Error budget"
            caption=move || {
                format!(
                    "SLO, error budget and freeze policy, each compared with {}",
                    header(&labels.get(), 0)
                )
            }
            first="Measure"
            labels
            note=view! {
                <p class="footnote">
                    "Consumed: the share of the current window's budget the recorded incidents used. The freeze policy's days are simulated over many quarters from each scenario's baseline."
                </p>
            }
        >
            {rows}
        </ComparisonPanel>
    }
}
