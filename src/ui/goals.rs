//! The Goals screen: build the goal chain, edit a goal, see its SMART check
//! and lint findings, and record progress check-ins against the required
//! path. Every judgement comes from `model::goals`; "today" comes from the
//! browser's clock here and is passed in.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::chart::goal_progress;
use crate::model::date::{iso, parse_date_strict};
use crate::model::goals::lint::{self, is_stability};
use crate::model::goals::smart::{self, format_date, target_message, Context};
use crate::model::goals::templates::templates;
use crate::model::goals::{
    parse_title, CheckIn, Goal, GoalId, Guard, Level, Measure, MetricTarget, MAX_TEXT_CHARS,
};
use crate::model::units::format_number;
use crate::model::validate::{parse_number, NumberRule};
use crate::model::{Metric, Scenario};
use crate::ui::charts::export::ChartExport;
use crate::ui::fields::{Choice, NumberField};
use crate::ui::state::AppState;

/// The SMART checks of `goal`; Achievable uses the chosen plan's simulated
/// chance of meeting the goal (and its guard) when the goal has a
/// simulated target, and the heuristic otherwise.
fn checks_for(s: &Scenario, goal: &Goal, today: NaiveDate) -> Vec<smart::Check> {
    let ctx = Context {
        baseline: &s.baseline,
        edition: s.edition,
        today,
        goals: &s.goals,
    };
    let chance = AppState::expect()
        .runs
        .chance(s.simulation.chosen, goal.id)
        .map(|o| o.p_both);
    smart::check_all(goal, ctx, chance)
}

fn level_options() -> Vec<(&'static str, &'static str)> {
    Level::ALL.iter().map(|l| (l.key(), l.name())).collect()
}

/// The Goals screen.
#[component]
pub fn GoalsScreen() -> AnyView {
    let state = AppState::expect();
    let today = state.today;
    let selected: RwSignal<Option<GoalId>> = RwSignal::new(
        state
            .scenario
            .with_untracked(|s| s.goals.0.first().map(|g| g.id)),
    );
    // Only the identity of the goal shown, so editing it does not re-mount
    // the editor (and lose focus).
    let current = Memo::new(move |_| {
        state.revision.track();
        selected
            .get()
            .filter(|id| state.scenario.with(|s| s.goals.get(*id).is_some()))
    });
    view! {
        <div class="screen screen--goals">
            <header class="screen__header">
                <h1 class="screen__title">"Goals"</h1>
                <p class="screen__lede">
                    "Turn the baseline into goals a team can commit to. Chain them from strategy down to initiatives, and see every goal checked against SMART and the seed's anti-patterns."
                </p>
            </header>
            <div class="goals">
                <div class="goals__side">
                    <section class="panel" aria-labelledby="goals-chain-title">
                        <h2 class="panel__title" id="goals-chain-title">"Goal chain"</h2>
                        <GoalTree selected today />
                    </section>
                    <section class="panel" aria-labelledby="goals-add-title">
                        <h2 class="panel__title" id="goals-add-title">"Add a goal"</h2>
                        <AddGoal selected today />
                    </section>
                    <section class="panel" aria-labelledby="goals-templates-title">
                        <h2 class="panel__title" id="goals-templates-title">
                            "Start from an example"
                        </h2>
                        <Templates selected today />
                    </section>
                </div>
                <section class="panel goals__detail" aria-labelledby="goal-detail-title">
                    {move || match current.get() {
                        Some(id) => view! { <GoalEditor id selected today /> }.into_any(),
                        None => view! {
                            <h2 class="panel__title" id="goal-detail-title">"Goal"</h2>
                            <p class="goals__empty">
                                "Add a goal or pick an example to see its SMART check here."
                            </p>
                        }
                        .into_any(),
                    }}
                </section>
            </div>
        </div>
    }
    .into_any()
}

/// The form that adds a goal to the chain.
#[component]
fn AddGoal(
    /// The goal shown in the editor; set to the new goal.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> AnyView {
    let state = AppState::expect();
    let level = RwSignal::new(Level::Operational);
    let title = RwSignal::new(String::new());
    let parent = RwSignal::new(None::<GoalId>);
    let error = RwSignal::new(None::<String>);
    let add = move || match parse_title(&title.get_untracked()) {
        Err(e) => error.set(Some(e)),
        Ok(t) => {
            let mut result = Err(String::new());
            state.edit(|s| {
                let goal = Goal {
                    owner: s.team.clone(),
                    parent: parent.get_untracked(),
                    ..Goal::new(level.get_untracked(), &t, today)
                };
                result = s.goals.add(goal);
            });
            match result {
                Ok(id) => {
                    title.set(String::new());
                    error.set(None);
                    selected.set(Some(id));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    view! {
        <form
            class="form goal-add"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                add();
            }
        >
            <div class="field">
                <label class="field__label" for="new-goal-level">"Level"</label>
                <Choice
                    id="new-goal-level"
                    label="Level"
                    options=level_options()
                    selected=Signal::derive(move || level.get().key())
                    on_change=Callback::new(move |k: String| {
                        if let Some(l) = Level::from_key(&k) {
                            level.set(l);
                        }
                    })
                />
                <p class="field__hint">{move || level.get().help()}</p>
            </div>
            <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                <label class="field__label" for="new-goal-title">"Goal title"</label>
                <input
                    id="new-goal-title"
                    class="field__input field__input--full"
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=move || title.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="new-goal-title-error"
                    on:input=move |ev| {
                        title.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
                <p class="field__error" id="new-goal-title-error" aria-live="polite">
                    {move || error.get()}
                </p>
            </div>
            <div class="field">
                <label class="field__label" for="new-goal-parent">"Parent goal"</label>
                <select
                    id="new-goal-parent"
                    class="field__select"
                    on:change=move |ev| parent.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || parent.get().is_none()>
                        "None: top of the chain"
                    </option>
                    {move || {
                        state
                            .scenario
                            .with(|s| {
                                s.goals
                                    .0
                                    .iter()
                                    .map(|g| {
                                        let id = g.id;
                                        view! {
                                            <option
                                                value=id.to_string()
                                                selected=move || parent.get() == Some(id)
                                            >
                                                {g.label()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </select>
            </div>
            <div class="form__actions">
                <button type="submit" class="button">"Add goal"</button>
            </div>
        </form>
    }
    .into_any()
}

/// The chain as nested lists, levels named.
#[component]
fn GoalTree(
    /// The goal shown in the editor.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> AnyView {
    let state = AppState::expect();
    view! {
        {move || {
            state
                .scenario
                .with(|s| {
                    if s.goals.is_empty() {
                        view! { <p class="goals__empty">"No goals yet."</p> }.into_any()
                    } else {
                        tree_list(s, &s.goals.tree(), selected, today, true)
                    }
                })
        }}
    }
    .into_any()
}

fn tree_list(
    s: &Scenario,
    nodes: &[crate::model::goals::Node],
    selected: RwSignal<Option<GoalId>>,
    today: NaiveDate,
    top: bool,
) -> AnyView {
    let items = nodes
        .iter()
        .filter_map(|n| {
            let g = s.goals.get(n.id)?;
            let id = g.id;
            let checks = checks_for(s, g, today);
            let passed = checks.iter().filter(|c| c.pass).count();
            let findings = lint::lint(g).len();
            let children =
                (!n.children.is_empty()).then(|| tree_list(s, &n.children, selected, today, false));
            let level_class = format!("level level--{}", g.level.key());
            let summary = if findings == 0 {
                format!("{passed} of 5 SMART")
            } else {
                format!(
                    "{passed} of 5 SMART · {findings} finding{}",
                    if findings == 1 { "" } else { "s" }
                )
            };
            Some(view! {
                <li class="chain__item">
                    <div class="chain__row">
                        <span class=level_class>{g.level.name()}</span>
                        <button
                            type="button"
                            class="chain__goal"
                            aria-current=move || (selected.get() == Some(id)).then_some("true")
                            on:click=move |_| selected.set(Some(id))
                        >
                            {g.title.clone()}
                        </button>
                        <span class="chain__summary">{summary}</span>
                    </div>
                    {children}
                </li>
            })
        })
        .collect_view();
    let class = if top { "chain" } else { "chain chain--nested" };
    view! { <ul class=class>{items}</ul> }.into_any()
}

/// The seed's examples, each added with one click.
#[component]
fn Templates(
    /// The goal shown in the editor; set to the new goal.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> AnyView {
    let state = AppState::expect();
    let team = state.scenario.with_untracked(|s| s.team.clone());
    let list = templates(today, &team);
    view! {
        <ul class="templates">
            {list
                .into_iter()
                .map(|t| {
                    let title = t.goal.title.clone();
                    let label = format!("Use this example: {title}");
                    let goal = t.goal;
                    view! {
                        <li class="templates__item">
                            <p class="templates__verdict">{t.verdict}</p>
                            <p class="templates__title">{title}</p>
                            <button
                                type="button"
                                class="button button--quiet"
                                aria-label=label
                                on:click=move |_| {
                                    let mut added = None;
                                    state.edit(|s| {
                                        let g = Goal {
                                            owner: s.team.clone(),
                                            ..goal.clone()
                                        };
                                        added = s.goals.add(g).ok();
                                    });
                                    if added.is_some() {
                                        selected.set(added);
                                    }
                                }
                            >
                                "Use this example"
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn measure_key(g: &Goal) -> &'static str {
    match g.target.as_ref().map(|t| &t.measure) {
        None => "none",
        Some(Measure::Baseline(m)) => m.key(),
        Some(Measure::Custom { .. }) => "custom",
    }
}

fn metric_options() -> Vec<(&'static str, &'static str)> {
    let mut v = vec![("none", "No metric")];
    v.extend(Metric::ALL.iter().map(|m| (m.key(), m.name())));
    v.push(("custom", "Another measure"));
    v
}

fn number_rule(measure: &Measure) -> NumberRule {
    match measure {
        Measure::Baseline(m) if m.is_percent() => NumberRule::PERCENT,
        _ => NumberRule::non_negative(1e6, ""),
    }
}

fn text_for(v: f64) -> String {
    format_number(v, 4)
}

/// Edits one goal and shows its checks, findings and progress.
#[component]
fn GoalEditor(
    /// The goal edited.
    id: GoalId,
    /// The goal shown; cleared when this one is deleted.
    selected: RwSignal<Option<GoalId>>,
    /// Today's date.
    today: NaiveDate,
) -> AnyView {
    let state = AppState::expect();
    let start = state
        .scenario
        .with_untracked(|s| s.goals.get(id).cloned())
        .unwrap_or_default();
    let goal = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.goals.get(id).cloned())
            .unwrap_or_default()
    });
    let edit = move |f: Box<dyn FnOnce(&mut Goal)>| {
        state.edit(|s| {
            if let Some(g) = s.goals.get_mut(id) {
                f(g);
            }
        })
    };

    let title_text = RwSignal::new(start.title.clone());
    let title_error = Memo::new(move |_| title_text.with(|t| parse_title(t).err()));
    let move_error = RwSignal::new(None::<String>);
    let kind = Memo::new(move |_| goal.with(measure_key));
    let guard_key = Memo::new(move |_| goal.with(|g| g.guard.map_or("none", |g| g.metric.key())));

    let checks = Memo::new(move |_| {
        let g = goal.get();
        state.scenario.with(|s| checks_for(s, &g, today))
    });
    let findings = Memo::new(move |_| goal.with(lint::lint));
    let deadline_message = Memo::new(move |_| {
        goal.with(|g| {
            g.deadline?;
            let c = smart::time_bound(g, today);
            (!c.pass).then(|| format!("{} {}", c.reason, c.fix))
        })
    });

    let set_metric = Callback::new(move |key: String| {
        let baseline = state.scenario.with_untracked(|s| s.baseline.clone());
        edit(Box::new(move |g: &mut Goal| {
            g.target = match key.as_str() {
                "none" => None,
                "custom" => Some(MetricTarget {
                    measure: Measure::Custom {
                        name: "P95 API response time".to_string(),
                        unit: "ms".to_string(),
                        baseline: 300.0,
                        higher_is_better: false,
                    },
                    target: 300.0,
                }),
                k => Metric::ALL.into_iter().find(|m| m.key() == k).map(|m| {
                    let measure = Measure::Baseline(m);
                    MetricTarget {
                        target: measure.baseline(&baseline).unwrap_or(0.0),
                        measure,
                    }
                }),
            };
        }));
    });

    view! {
        <h2 class="panel__title" id="goal-detail-title">
            {move || goal.with(|g| format!("{} goal", g.level.name()))}
        </h2>
        <form class="form goal-form" novalidate on:submit=|ev| ev.prevent_default()>
            <div class="field" class:field--invalid=move || title_error.with(Option::is_some)>
                <label class="field__label" for="goal-title">"Title"</label>
                <input
                    id="goal-title"
                    class="field__input field__input--full"
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=move || title_text.get()
                    aria-invalid=move || title_error.with(Option::is_some).then_some("true")
                    aria-describedby="goal-title-error"
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        if let Ok(t) = parse_title(&value) {
                            edit(Box::new(move |g: &mut Goal| g.title = t));
                        }
                        title_text.set(value);
                    }
                />
                <p class="field__error" id="goal-title-error" aria-live="polite">
                    {move || title_error.get()}
                </p>
            </div>
            <div class="goal-form__row">
                <div class="field">
                    <label class="field__label" for="goal-level">"Goal level"</label>
                    <Choice
                        id="goal-level"
                        label="Goal level"
                        options=level_options()
                        selected=Signal::derive(move || goal.with(|g| g.level.key()))
                        on_change=Callback::new(move |k: String| {
                            if let Some(l) = Level::from_key(&k) {
                                edit(Box::new(move |g: &mut Goal| g.level = l));
                            }
                        })
                    />
                </div>
                <div class="field" class:field--invalid=move || move_error.with(Option::is_some)>
                    <label class="field__label" for="goal-parent">"Move under"</label>
                    <select
                        id="goal-parent"
                        class="field__select"
                        aria-describedby="goal-parent-hint goal-parent-error"
                        on:change=move |ev| {
                            let parent: Option<GoalId> = event_target_value(&ev).parse().ok();
                            let mut result = Ok(());
                            state.edit(|s| result = s.goals.move_under(id, parent));
                            move_error.set(result.err().map(|e| e.message().to_string()));
                        }
                    >
                        <option value="" selected=move || goal.with(|g| g.parent.is_none())>
                            "None: top of the chain"
                        </option>
                        {move || {
                            let parent = goal.with(|g| g.parent);
                            state
                                .scenario
                                .with(|s| {
                                    s.goals
                                        .parent_options(Some(id))
                                        .into_iter()
                                        .map(|p| {
                                            view! {
                                                <option
                                                    value=p.id.to_string()
                                                    selected=parent == Some(p.id)
                                                >
                                                    {p.label()}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </select>
                    <p class="field__hint" id="goal-parent-hint">
                        "Goals under this one are not offered: the chain would loop."
                    </p>
                    <p class="field__error" id="goal-parent-error" aria-live="polite">
                        {move || move_error.get()}
                    </p>
                </div>
            </div>
            <TextInput
                id="goal-owner"
                label="Owner (team or service)"
                initial=start.owner.clone()
                on_input=Callback::new(move |v: String| {
                    edit(Box::new(move |g: &mut Goal| g.owner = v))
                })
            />
            <TextInput
                id="goal-so-that"
                label="So that"
                hint="The outcome it unlocks: for whom, by how much, what for."
                initial=start.so_that.clone()
                on_input=Callback::new(move |v: String| {
                    edit(Box::new(move |g: &mut Goal| g.so_that = v))
                })
            />

            <fieldset class="form__group">
                <legend class="form__legend">"Metric and target"</legend>
                <div class="field">
                    <label class="field__label" for="goal-metric">"Metric"</label>
                    <Choice
                        id="goal-metric"
                        label="Metric"
                        options=metric_options()
                        selected=Signal::derive(move || kind.get())
                        on_change=set_metric
                    />
                </div>
                {move || {
                    kind.track();
                    let g = goal.get_untracked();
                    g.target.map(|t| view! { <TargetFields target=t edit_id=id /> })
                }}
            </fieldset>

            <div class="goal-form__row">
                <DateInput
                    id="goal-start"
                    label="Start date"
                    hint="When the baseline was taken; the required path starts here."
                    initial=start.start
                    on_change=Callback::new(move |d: Option<NaiveDate>| {
                        edit(Box::new(move |g: &mut Goal| g.start = d))
                    })
                />
                <DateInput
                    id="goal-deadline"
                    label="Deadline"
                    initial=start.deadline
                    message=Signal::derive(move || deadline_message.get())
                    on_change=Callback::new(move |d: Option<NaiveDate>| {
                        edit(Box::new(move |g: &mut Goal| g.deadline = d))
                    })
                />
            </div>

            <fieldset class="form__group">
                <legend class="form__legend">"Stability guard"</legend>
                <div class="field">
                    <label class="field__label" for="goal-guard">"Guard metric"</label>
                    <Choice
                        id="goal-guard"
                        label="Guard metric"
                        options={
                            let mut v = vec![("none", "No guard")];
                            v.extend(
                                Metric::ALL
                                    .iter()
                                    .filter(|m| is_stability(**m))
                                    .map(|m| (m.key(), m.name())),
                            );
                            v
                        }
                        selected=Signal::derive(move || guard_key.get())
                        on_change=Callback::new(move |k: String| {
                            let baseline = state.scenario.with_untracked(|s| s.baseline.clone());
                            edit(
                                Box::new(move |g: &mut Goal| {
                                    g.guard = Metric::ALL
                                        .into_iter()
                                        .find(|m| m.key() == k)
                                        .map(|m| Guard {
                                            metric: m,
                                            limit: if m == Metric::ChangeFailureRate {
                                                15.0
                                            } else {
                                                baseline.value(m).unwrap_or(0.0)
                                            },
                                        });
                                }),
                            )
                        })
                    />
                    <p class="field__hint">
                        "Pair a throughput goal with a limit a stability metric must not cross."
                    </p>
                </div>
                {move || {
                    guard_key.track();
                    goal.get_untracked()
                        .guard
                        .map(|guard| {
                            let measure = Measure::Baseline(guard.metric);
                            let (unit, factor) = measure.display_unit(state.scenario.with(|s| s.baseline.units()));
                            let dir = if guard.metric.higher_is_better() {
                                "at least"
                            } else {
                                "at most"
                            };
                            view! {
                                <NumberField
                                    id="goal-guard-limit"
                                    label=format!("Guard limit ({dir})")
                                    initial=text_for(guard.limit * factor)
                                    rule=number_rule(&measure)
                                    on_valid=Callback::new(move |v: Option<f64>| {
                                        if let Some(v) = v {
                                            edit(
                                                Box::new(move |g: &mut Goal| {
                                                    if let Some(gd) = g.guard.as_mut() {
                                                        gd.limit = v / factor;
                                                    }
                                                }),
                                            )
                                        }
                                    })
                                >
                                    <span class="field__suffix">{unit}</span>
                                </NumberField>
                            }
                        })
                }}
            </fieldset>
            <div class="form__actions">
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| {
                        state.edit(|s| {
                            s.remove_goal(id);
                        });
                        selected.set(None);
                    }
                >
                    "Delete goal"
                </button>
            </div>
        </form>

        <section class="goal-check" aria-labelledby="smart-title">
            <h3 id="smart-title" class="goal-check__title">
                {move || {
                    let n = checks.with(|c| c.iter().filter(|c| c.pass).count());
                    format!("SMART check: {n} of 5 pass")
                }}
            </h3>
            <ul class="smart">
                {move || {
                    checks
                        .get()
                        .into_iter()
                        .map(|c| {
                            let class = if c.pass {
                                "smart__item smart__item--pass"
                            } else {
                                "smart__item smart__item--fail"
                            };
                            view! {
                                <li class=class>
                                    <span class="smart__verdict">
                                        {if c.pass { "Pass" } else { "Fail" }}
                                    </span>
                                    <span class="smart__body">
                                        <strong class="smart__name">{c.criterion.name()}</strong>
                                        ": "
                                        {c.reason}
                                        {(!c.fix.is_empty())
                                            .then(|| {
                                                view! {
                                                    <span class="smart__fix">" How to fix: " {c.fix}</span>
                                                }
                                            })}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>

        <section class="goal-findings" aria-labelledby="findings-title">
            <h3 id="findings-title" class="goal-check__title">"Findings"</h3>
            {move || {
                let list = findings.get();
                if list.is_empty() {
                    view! { <p class="goals__empty">"No anti-patterns found."</p> }.into_any()
                } else {
                    view! {
                        <ul class="findings">
                            {list
                                .into_iter()
                                .map(|f| {
                                    view! {
                                        <li class="findings__item">
                                            <strong class="findings__name">
                                                {format!("Warning: {}", f.lint.name())}
                                            </strong>
                                            <p class="findings__why">{f.why}</p>
                                            <p class="findings__rewrite">"Try: " {f.rewrite}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>

        {move || {
            kind.track();
            goal.with_untracked(|g| g.target.is_some())
                .then(|| view! { <Progress id today /> })
        }}
    }
    .into_any()
}

/// The target's fields: the measure (for another measure), the baseline
/// read from the Baseline screen, and the target value.
#[component]
fn TargetFields(
    /// The goal edited.
    edit_id: GoalId,
    /// The target when the fields were shown.
    target: MetricTarget,
) -> AnyView {
    let state = AppState::expect();
    let edit = move |f: Box<dyn FnOnce(&mut MetricTarget)>| {
        state.edit(|s| {
            if let Some(t) = s.goals.get_mut(edit_id).and_then(|g| g.target.as_mut()) {
                f(t);
            }
        })
    };
    let current = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.goals
                .get(edit_id)
                .and_then(|g| g.target.clone())
                .map(|t| {
                    (
                        t.measure.baseline(&s.baseline),
                        target_message(&t.measure, &s.baseline, t.target),
                        t,
                    )
                })
        })
    });
    let (unit, factor) = target
        .measure
        .display_unit(state.scenario.with(|s| s.baseline.units()));
    let custom = match &target.measure {
        Measure::Custom {
            name,
            unit,
            baseline,
            higher_is_better,
        } => {
            let hib = *higher_is_better;
            Some(view! {
                <TextInput
                    id="goal-measure-name"
                    label="Measure name"
                    initial=name.clone()
                    on_input=Callback::new(move |v: String| {
                        edit(Box::new(move |t: &mut MetricTarget| {
                            if let Measure::Custom { name, .. } = &mut t.measure {
                                *name = v;
                            }
                        }))
                    })
                />
                <TextInput
                    id="goal-measure-unit"
                    label="Measure unit"
                    initial=unit.clone()
                    on_input=Callback::new(move |v: String| {
                        edit(Box::new(move |t: &mut MetricTarget| {
                            if let Measure::Custom { unit, .. } = &mut t.measure {
                                *unit = v;
                            }
                        }))
                    })
                />
                <NumberField
                    id="goal-measure-baseline"
                    label="Measure baseline"
                    initial=text_for(*baseline)
                    rule=NumberRule::non_negative(1e6, "")
                    on_valid=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            edit(Box::new(move |t: &mut MetricTarget| {
                                if let Measure::Custom { baseline, .. } = &mut t.measure {
                                    *baseline = v;
                                }
                            }))
                        }
                    })
                />
                <div class="field">
                    <label class="field__label" for="goal-measure-direction">"Better is"</label>
                    <Choice
                        id="goal-measure-direction"
                        label="Better is"
                        options=vec![("lower", "lower"), ("higher", "higher")]
                        selected=Signal::derive(move || {
                            current
                                .with(|c| match c.as_ref().map(|c| &c.2.measure) {
                                    Some(Measure::Custom { higher_is_better: true, .. }) => "higher",
                                    Some(Measure::Custom { .. }) => "lower",
                                    _ => if hib { "higher" } else { "lower" },
                                })
                        })
                        on_change=Callback::new(move |k: String| {
                            edit(Box::new(move |t: &mut MetricTarget| {
                                if let Measure::Custom { higher_is_better, .. } = &mut t.measure {
                                    *higher_is_better = k == "higher";
                                }
                            }))
                        })
                    />
                </div>
            })
        }
        Measure::Baseline(_) => None,
    };
    let rule = number_rule(&target.measure);
    let text = RwSignal::new(text_for(target.target * factor));
    let parse_error =
        Memo::new(move |_| text.with(|t| parse_number(t, rule).err().map(|e| e.message())));
    let error = Memo::new(move |_| {
        parse_error
            .get()
            .or_else(|| current.with(|c| c.as_ref().and_then(|c| c.1.clone())))
    });
    let suffix = unit.clone();
    view! {
        {custom}
        <p class="goal-form__baseline">
            {move || {
                current
                    .with(|c| match c {
                        Some((Some(b), _, t)) => {
                            let source = match t.measure {
                                Measure::Baseline(_) => " (from the Baseline screen)",
                                Measure::Custom { .. } => "",
                            };
                            format!("Baseline: {}{source}", t.measure.describe(*b, state.scenario.with(|s| s.baseline.units())))
                        }
                        Some((None, _, t)) => {
                            format!("Baseline: {} is not entered on the Baseline screen.", t.measure.name())
                        }
                        None => String::new(),
                    })
            }}
        </p>
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for="goal-target">"Target"</label>
            <div class="field__control">
                <input
                    id="goal-target"
                    class="field__input"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || text.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="goal-target-error"
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        if let Ok(v) = parse_number(&value, rule) {
                            edit(Box::new(move |t: &mut MetricTarget| t.target = v / factor));
                        }
                        text.set(value);
                    }
                />
                <span class="field__suffix">{suffix}</span>
            </div>
            <p class="field__error" id="goal-target-error" aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// A labelled free-text field; every input is passed on as typed.
#[component]
fn TextInput(
    /// Element id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Starting text.
    initial: String,
    /// A short help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Receives the text on every input.
    on_input: Callback<String>,
) -> AnyView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <input
                id=id
                class="field__input field__input--full"
                type="text"
                autocomplete="off"
                maxlength=MAX_TEXT_CHARS.to_string()
                value=initial
                aria-describedby=hint.map(|_| hint_id.clone())
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
        </div>
    }
    .into_any()
}

/// A labelled date picker (`<input type="date">`).
#[component]
fn DateInput(
    /// Element id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Starting date.
    initial: Option<NaiveDate>,
    /// A short help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// A message about the chosen date, shown beside it.
    #[prop(optional, into)]
    message: Option<Signal<Option<String>>>,
    /// Receives the date (`None` when cleared).
    on_change: Callback<Option<NaiveDate>>,
) -> AnyView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = message.unwrap_or_else(|| Signal::derive(|| None));
    let described = [hint.map(|_| hint_id.clone()), Some(error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <div class="field" class:field--invalid=move || message.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            <input
                id=id
                class="field__input field__input--date"
                type="date"
                value=initial.map(iso).unwrap_or_default()
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=move |ev| on_change.run(parse_date_strict(&event_target_value(&ev)))
            />
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            <p class="field__error" id=error_id aria-live="polite">
                {move || message.get()}
            </p>
        </div>
    }
    .into_any()
}

/// Check-ins against the required path: a form, a chart and a table.
#[component]
fn Progress(
    /// The goal.
    id: GoalId,
    /// Today's date, the default check-in date.
    today: NaiveDate,
) -> AnyView {
    let state = AppState::expect();
    let date = RwSignal::new(Some(today));
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let data = Memo::new(move |_| {
        state.scenario.with(|s| {
            let g = s.goals.get(id)?.clone();
            let t = g.target.clone()?;
            let b = t.measure.baseline(&s.baseline)?;
            Some((smart::pace(&g, &s.baseline), g, t, b))
        })
    });
    let record = move || {
        let Some(d) = date.get_untracked() else {
            error.set(Some("Pick the date of the reading.".to_string()));
            return;
        };
        let Some((_, _, t, _)) = data.get_untracked() else {
            return;
        };
        let (_, factor) = t
            .measure
            .display_unit(state.scenario.with(|s| s.baseline.units()));
        let rule = number_rule(&t.measure);
        match parse_number(&value.get_untracked(), rule) {
            Err(e) => error.set(Some(e.message())),
            Ok(v) => {
                let mut result = Ok(());
                state.edit(|s| {
                    if let Some(g) = s.goals.get_mut(id) {
                        result = g.record(CheckIn::typed(d, v / factor));
                    }
                });
                error.set(result.err());
                if error.with_untracked(Option::is_none) {
                    value.set(String::new());
                }
            }
        }
    };
    view! {
        <section class="goal-progress" aria-labelledby="progress-title">
            <h3 id="progress-title" class="goal-check__title">"Progress"</h3>
            <p class="goal-progress__note">
                "Each check-in is compared with the straight path from the baseline at the start date to the target at the deadline: on track at 95% of that pace or better, lagging from 75%, at risk below."
            </p>
            <div class="goal-progress__form">
                <DateInput
                    id="checkin-date"
                    label="Check-in date"
                    initial=Some(today)
                    on_change=Callback::new(move |d| date.set(d))
                />
                <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                    <label class="field__label" for="checkin-value">"Actual value"</label>
                    <div class="field__control">
                        <input
                            id="checkin-value"
                            class="field__input"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            prop:value=move || value.get()
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby="checkin-value-error"
                            on:input=move |ev| value.set(event_target_value(&ev))
                        />
                        <span class="field__suffix">
                            {move || data.with(|d| d.as_ref().map(|d| d.2.measure.display_unit(state.scenario.with(|s| s.baseline.units())).0))}
                        </span>
                        <button type="button" class="button" on:click=move |_| record()>
                            "Record check-in"
                        </button>
                    </div>
                    <p class="field__error" id="checkin-value-error" aria-live="polite">
                        {move || error.get()}
                    </p>
                </div>
            </div>
            {move || {
                let (readings, g, t, b) = data.get()?;
                let (unit, factor) = t.measure.display_unit(state.scenario.with(|s| s.baseline.units()));
                let chart = match (g.start, g.deadline) {
                    (Some(start), Some(deadline)) => {
                        let points: Vec<(NaiveDate, f64)> = g
                            .check_ins
                            .iter()
                            .map(|c| (c.date, c.actual * factor))
                            .collect();
                        goal_progress::layout(b * factor, t.target * factor, start, deadline, &points, goal_progress::FRAME)
                    }
                    _ => None,
                };
                let chart_view = match chart {
                    Some(geo) => view! { <ProgressChart geo unit=unit.clone() /> }.into_any(),
                    None => view! {
                        <p class="goals__empty">
                            "Set a start date before the deadline to see the required path."
                        </p>
                    }
                        .into_any(),
                };
                let rows = readings
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <td>{format_date(r.date)}</td>
                                <td>{t.measure.describe(r.actual, state.scenario.with(|s| s.baseline.units()))}</td>
                                <td>{t.measure.describe(r.expected, state.scenario.with(|s| s.baseline.units()))}</td>
                                <td>
                                    <span class=format!("pace pace--{}", r.status.key())>
                                        {r.status.name()}
                                    </span>
                                    {format!(" ({}% of pace)", format_number(r.ratio.clamp(-9.99, 9.99) * 100.0, 0))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let has_rows = !g.check_ins.is_empty();
                Some(view! {
                    {chart_view}
                    {has_rows
                        .then(|| {
                            view! {
                                <table class="checkins">
                                    <caption>"Check-ins against the required path"</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Date"</th>
                                            <th scope="col">"Actual"</th>
                                            <th scope="col">"Required path"</th>
                                            <th scope="col">"Pace"</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                        })}
                })
            }}
        </section>
    }
    .into_any()
}

/// The progress chart; the table beside it carries the same numbers.
#[component]
fn ProgressChart(
    /// Computed geometry.
    geo: goal_progress::Geometry,
    /// The value axis' unit.
    unit: String,
) -> AnyView {
    let f = goal_progress::FRAME;
    let (width, height, left) = (f.width, f.height, f.left);
    let view_box = format!("0 0 {width} {height}");
    let axis_label = format!("Vertical axis: {unit}");
    view! {
        <figure class="progress-chart" id="progress-figure">
            <svg
                class="progress-chart__svg"
                viewBox=view_box
                role="img"
                aria-label="Progress chart: check-ins against the required path; the table below lists the same values."
            >
                {geo
                    .y_ticks
                    .iter()
                    .map(|(y, v)| {
                        view! {
                            <line class="progress-chart__grid" x1=left x2=width - f.right y1=*y y2=*y />
                            <text class="progress-chart__tick" x=left - 6.0 y=*y + 4.0 text-anchor="end">
                                {format_number(*v, 1)}
                            </text>
                        }
                    })
                    .collect_view()}
                {geo
                    .x_ticks
                    .iter()
                    .enumerate()
                    .map(|(i, (x, d))| {
                        let anchor = if i == 0 { "start" } else { "end" };
                        view! {
                            <text class="progress-chart__tick" x=*x y=height - 16.0 text-anchor=anchor>
                                {format_date(*d)}
                            </text>
                        }
                    })
                    .collect_view()}
                <text class="progress-chart__axis" x=left y=height - 2.0>{axis_label}</text>
                <path class="progress-chart__required" d=geo.required.clone() />
                <path class="progress-chart__actual" d=geo.actual.clone() />
                {geo
                    .points
                    .iter()
                    .map(|(x, y)| view! { <circle class="progress-chart__point" cx=*x cy=*y r="4" /> })
                    .collect_view()}
            </svg>
            <figcaption class="progress-chart__legend">
                <span class="progress-chart__key progress-chart__key--required">"Required path (dashed)"</span>
                <span class="progress-chart__key progress-chart__key--actual">"Actual check-ins (solid)"</span>
                <ChartExport figure_id="progress-figure".to_string() file="flywheel-goal-progress".to_string() />
            </figcaption>
        </figure>
    }
    .into_any()
}
