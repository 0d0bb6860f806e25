//! The Simulate screen: how small improvements compound. The chosen plan's
//! fan charts, the strategies compared on the same axes, and the controls
//! that re-run the Monte Carlo live (domain.md §4–5).

use leptos::prelude::*;

use crate::chart::fan::{fan, table_weeks, FanSeries};
use crate::model::dora;
use crate::model::goals::Goal;
use crate::model::names::file_name;
use crate::model::plan::{Plan, Preset, MAX_PLANS, SIM_METRICS};
use crate::model::units::{format_count, format_number, format_percent};
use crate::model::Metric;
use crate::sim::monte_carlo::results_csv;
use crate::sim::monte_carlo::{goal_seek, Run, Target};
use crate::ui::charts::fan::FanChart;
use crate::ui::download::download;
use crate::ui::fields::Choice;
use crate::ui::runs::{baseline_values, noise_of, Timed};
use crate::ui::state::AppState;

/// The Simulate screen.
#[component]
pub fn SimulateScreen() -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs;
    let dragging = runs.dragging;
    let outcome = move |i: usize| runs.get(i);
    view! {
        <div class="screen screen--simulate">
            <header class="screen__header">
                <h1 class="screen__title">"Simulate"</h1>
                <p class="screen__lede">
                    "Small improvements, cycle after cycle, each bounded by what the pipeline can do and feeding the others: the flywheel. Each chart shows the range of outcomes across many simulated futures."
                </p>
            </header>
            <div class="simulate">
                <section class="panel simulate__controls" aria-labelledby="plan-title">
                    <h2 class="panel__title" id="plan-title">"Plans"</h2>
                    <PlanList />
                    <PlanControls dragging />
                    <RunSettings />
                </section>
                <section class="panel simulate__results" aria-labelledby="outlook-title">
                    <h2 class="panel__title" id="outlook-title">"Outlook"</h2>
                    <Outlook outcome=Callback::new(outcome) />
                    <GoalChances />
                </section>
            </div>
        </div>
    }
}

fn plan_names() -> Vec<String> {
    let state = AppState::expect();
    state
        .scenario
        .with(|s| s.simulation.plans.iter().map(|p| p.name.clone()).collect())
}

/// The plans compared: choose one, add a preset, remove one.
#[component]
fn PlanList() -> impl IntoView {
    let state = AppState::expect();
    let adding = RwSignal::new(Preset::Kaizen);
    let presets: Vec<_> = Preset::ALL
        .iter()
        .map(|p| (preset_key(*p), preset_name(*p)))
        .collect();
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Strategies compared"</legend>
            <ul class="plan-list">
                {move || {
                    let chosen = state.scenario.with(|s| s.simulation.chosen);
                    plan_names()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| {
                            let id = format!("plan-choice-{i}");
                            let description = state
                                .scenario
                                .with(|s| s.simulation.plans[i].preset.description());
                            view! {
                                <li class="plan-list__item" class:plan-list__item--chosen=chosen == i>
                                    <input
                                        type="radio"
                                        name="chosen-plan"
                                        id=id.clone()
                                        prop:checked=chosen == i
                                        on:change=move |_| state.edit(|s| s.simulation.chosen = i)
                                    />
                                    <label for=id>
                                        <span class="plan-list__name">{name.clone()}</span>
                                        <span class="plan-list__desc">{description}</span>
                                    </label>
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=format!("Remove {name}")
                                        disabled=move || state.scenario.with(|s| s.simulation.plans.len() <= 1)
                                        on:click=move |_| {
                                            state
                                                .edit(|s| {
                                                    let sim = &mut s.simulation;
                                                    if sim.plans.len() > 1 && i < sim.plans.len() {
                                                        sim.plans.remove(i);
                                                        sim.chosen = sim.chosen.min(sim.plans.len() - 1);
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
                }}
            </ul>
            <div class="field">
                <label class="field__label" for="add-plan">"Add a strategy"</label>
                <div class="field__control">
                    <Choice
                        id="add-plan"
                        label="Add a strategy"
                        options=presets
                        selected=Signal::derive(move || preset_key(adding.get()))
                        on_change=Callback::new(move |key: String| {
                            if let Some(p) = Preset::ALL.into_iter().find(|p| preset_key(*p) == key) {
                                adding.set(p);
                            }
                        })
                    />
                    <button
                        type="button"
                        class="button"
                        disabled=move || state.scenario.with(|s| s.simulation.plans.len() >= MAX_PLANS)
                        on:click=move |_| {
                            state
                                .edit(|s| {
                                    if s.simulation.plans.len() < MAX_PLANS {
                                        s.simulation.plans.push(Plan::preset(adding.get_untracked()));
                                    }
                                })
                        }
                    >
                        "Add to comparison"
                    </button>
                </div>
                <p class="field__hint">{format!("Compare up to {MAX_PLANS} strategies on the same axes.")}</p>
            </div>
        </fieldset>
    }
}

fn preset_key(p: Preset) -> &'static str {
    match p {
        Preset::Kaizen => "kaizen",
        Preset::QuarterlyOverhaul => "overhaul",
        Preset::CapabilityTrap => "trap",
        Preset::CanaryPilot => "canary",
        Preset::Custom => "custom",
    }
}

fn preset_name(p: Preset) -> &'static str {
    match p {
        Preset::Kaizen => "Kaizen: small steady gains",
        Preset::QuarterlyOverhaul => "Quarterly overhaul",
        Preset::CapabilityTrap => "Capability trap",
        Preset::CanaryPilot => "Canary pilot (CFR 20% → 2%)",
        Preset::Custom => "Custom",
    }
}

/// A slider over one number of the chosen plan.
struct SliderSpec {
    id: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    step: f64,
    unit: &'static str,
    get: fn(&Plan) -> f64,
    set: fn(&mut Plan, f64),
}

const MAIN: &[SliderSpec] = &[
    SliderSpec {
        id: "cycle-weeks",
        label: "PDCA cycle length",
        min: 1.0,
        max: 13.0,
        step: 1.0,
        unit: " weeks",
        get: |p| f64::from(p.cycle_weeks),
        set: |p, v| p.cycle_weeks = v as u32,
    },
    SliderSpec {
        id: "capacity",
        label: "Capacity spent on improvement",
        min: 0.0,
        max: 30.0,
        step: 1.0,
        unit: "%",
        get: |p| p.capacity_pct,
        set: |p, v| p.capacity_pct = v,
    },
    SliderSpec {
        id: "success",
        label: "Chance an experiment succeeds",
        min: 0.0,
        max: 100.0,
        step: 5.0,
        unit: "%",
        get: |p| p.success_pct,
        set: |p, v| p.success_pct = v,
    },
];

const EFFECTS: &[SliderSpec] = &[
    SliderSpec {
        id: "effect-deploy-frequency",
        label: "Deployment frequency effect",
        min: 0.0,
        max: 50.0,
        step: 0.5,
        unit: "% of gap",
        get: |p| p.effect_pct.deploy_frequency,
        set: |p, v| p.effect_pct.deploy_frequency = v,
    },
    SliderSpec {
        id: "effect-lead-time",
        label: "Lead time effect",
        min: 0.0,
        max: 50.0,
        step: 0.5,
        unit: "% of gap",
        get: |p| p.effect_pct.lead_time,
        set: |p, v| p.effect_pct.lead_time = v,
    },
    SliderSpec {
        id: "effect-change-failure-rate",
        label: "Change failure rate effect",
        min: 0.0,
        max: 50.0,
        step: 0.5,
        unit: "% of gap",
        get: |p| p.effect_pct.change_failure_rate,
        set: |p, v| p.effect_pct.change_failure_rate = v,
    },
    SliderSpec {
        id: "effect-recovery-time",
        label: "Recovery time effect",
        min: 0.0,
        max: 50.0,
        step: 0.5,
        unit: "% of gap",
        get: |p| p.effect_pct.recovery_time,
        set: |p, v| p.effect_pct.recovery_time = v,
    },
    SliderSpec {
        id: "effect-rework-rate",
        label: "Rework rate effect",
        min: 0.0,
        max: 50.0,
        step: 0.5,
        unit: "% of gap",
        get: |p| p.effect_pct.rework_rate,
        set: |p, v| p.effect_pct.rework_rate = v,
    },
];

const ADVANCED: &[SliderSpec] = &[
    SliderSpec {
        id: "recovery-to-frequency",
        label: "Recovery → deployment confidence",
        min: 0.0,
        max: 3.0,
        step: 0.1,
        unit: "×",
        get: |p| p.coupling.recovery_to_frequency,
        set: |p, v| p.coupling.recovery_to_frequency = v,
    },
    SliderSpec {
        id: "frequency-to-flow",
        label: "Smaller batches → lead time and failures",
        min: 0.0,
        max: 3.0,
        step: 0.1,
        unit: "×",
        get: |p| p.coupling.frequency_to_flow,
        set: |p, v| p.coupling.frequency_to_flow = v,
    },
    SliderSpec {
        id: "reinvest",
        label: "Freed firefighting time reinvested",
        min: 0.0,
        max: 100.0,
        step: 5.0,
        unit: "%",
        get: |p| p.coupling.reinvest_share * 100.0,
        set: |p, v| p.coupling.reinvest_share = v / 100.0,
    },
    SliderSpec {
        id: "lag",
        label: "Coupling lag",
        min: 0.0,
        max: 26.0,
        step: 1.0,
        unit: " weeks",
        get: |p| f64::from(p.coupling.lag_weeks),
        set: |p, v| p.coupling.lag_weeks = v as u32,
    },
    SliderSpec {
        id: "erosion",
        label: "Erosion when nothing is maintained",
        min: 0.0,
        max: 2.0,
        step: 0.05,
        unit: "% a week",
        get: |p| p.erosion_pct_per_week,
        set: |p, v| p.erosion_pct_per_week = v,
    },
    SliderSpec {
        id: "setback",
        label: "Setback when an experiment fails",
        min: 0.0,
        max: 50.0,
        step: 1.0,
        unit: "% of gap",
        get: |p| p.setback_pct,
        set: |p, v| p.setback_pct = v,
    },
    SliderSpec {
        id: "noise",
        label: "Week-to-week variation",
        min: 0.0,
        max: 50.0,
        step: 1.0,
        unit: "%",
        get: |p| p.noise_pct,
        set: |p, v| p.noise_pct = v,
    },
];

fn edit_chosen(f: impl FnOnce(&mut Plan)) {
    let state = AppState::expect();
    state.edit(|s| {
        let i = s.simulation.chosen;
        if let Some(plan) = s.simulation.plans.get_mut(i) {
            f(plan);
            plan.preset = Preset::Custom;
            if !plan.name.ends_with(" (edited)") {
                plan.name.push_str(" (edited)");
            }
        }
    });
}

/// Renders a list of sliders bound to the chosen plan.
fn sliders(specs: &'static [SliderSpec], dragging: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    specs
        .iter()
        .map(|spec| {
            let value = move || {
                state
                    .scenario
                    .with(|s| (spec.get)(s.simulation.chosen_plan()))
            };
            view! {
                <div class="slider">
                    <label class="field__label" for=spec.id>
                        {spec.label}
                    </label>
                    <div class="slider__row">
                        <input
                            id=spec.id
                            class="slider__input"
                            type="range"
                            min=spec.min
                            max=spec.max
                            step=spec.step
                            prop:value=move || value().to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    dragging.set(true);
                                    edit_chosen(|p| (spec.set)(p, v.clamp(spec.min, spec.max)));
                                }
                            }
                            on:change=move |_| dragging.set(false)
                            on:pointerup=move |_| dragging.set(false)
                            on:blur=move |_| dragging.set(false)
                        />
                        <output class="slider__value" for=spec.id>
                            {move || format!("{}{}", format_number(value(), 2), spec.unit)}
                        </output>
                    </div>
                </div>
            }
        })
        .collect_view()
}

/// Sliders for the chosen plan, with the advanced panel.
#[component]
fn PlanControls(
    /// Set while a slider is dragged, so the chosen plan previews cheaply.
    dragging: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let coupled = move || {
        state
            .scenario
            .with(|s| s.simulation.chosen_plan().coupling.enabled)
    };
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">
                {move || format!("Plan: {}", state.scenario.with(|s| s.simulation.chosen_plan().name.clone()))}
            </legend>
            {sliders(MAIN, dragging)}
            <details class="details">
                <summary>"Effect of one successful cycle, per metric"</summary>
                <p class="field__hint">
                    "Share of the remaining gap to the metric's bound that one successful cycle closes, at 10% capacity; more capacity closes proportionally more."
                </p>
                {sliders(EFFECTS, dragging)}
            </details>
            <details class="details">
                <summary>"Advanced: flywheel coupling, erosion and variation"</summary>
                <div class="field field--inline">
                    <input
                        id="coupling-enabled"
                        type="checkbox"
                        prop:checked=coupled
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_chosen(|p| p.coupling.enabled = on);
                        }
                    />
                    <label for="coupling-enabled">"Flywheel coupling on"</label>
                </div>
                <p class="field__hint">
                    "Off: each metric improves on its own, the uncoupled model. On: faster recovery makes deployment-frequency gains larger, more frequent deployments make lead-time and failure-rate gains larger, and freed firefighting hours are partly reinvested, each after the lag."
                </p>
                {sliders(ADVANCED, dragging)}
            </details>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    state
                        .edit(|s| {
                            let i = s.simulation.chosen;
                            if let Some(plan) = s.simulation.plans.get_mut(i) {
                                let preset = match plan.preset {
                                    Preset::Custom => Preset::Kaizen,
                                    p => p,
                                };
                                *plan = Plan::preset(preset);
                            }
                        })
                }
            >
                "Reset this plan to its preset"
            </button>
        </fieldset>
    }
}

/// Horizon, trials and seed.
#[component]
fn RunSettings() -> impl IntoView {
    let state = AppState::expect();
    let horizons = vec![
        ("26", "26 weeks"),
        ("52", "52 weeks"),
        ("104", "104 weeks"),
        ("156", "156 weeks"),
    ];
    let trials = vec![
        ("1000", "1,000 trials"),
        ("10000", "10,000 trials"),
        ("50000", "50,000 trials"),
    ];
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Run"</legend>
            <div class="field">
                <label class="field__label" for="horizon">"Horizon"</label>
                <Choice
                    id="horizon"
                    label="Horizon"
                    options=horizons
                    selected=Signal::derive(move || match state.scenario.with(|s| s.simulation.horizon_weeks) {
                        26 => "26",
                        104 => "104",
                        156 => "156",
                        _ => "52",
                    })
                    on_change=Callback::new(move |v: String| {
                        if let Ok(w) = v.parse() {
                            state.edit(|s| s.simulation.horizon_weeks = w);
                        }
                    })
                />
            </div>
            <div class="field">
                <label class="field__label" for="trials">"Trials"</label>
                <Choice
                    id="trials"
                    label="Trials"
                    options=trials
                    selected=Signal::derive(move || match state.scenario.with(|s| s.simulation.trials) {
                        1000 => "1000",
                        50000 => "50000",
                        _ => "10000",
                    })
                    on_change=Callback::new(move |v: String| {
                        if let Ok(n) = v.parse() {
                            state.edit(|s| s.simulation.trials = n);
                        }
                    })
                />
            </div>
            <p class="field__hint">
                {move || {
                    format!(
                        "Seed {}: the same seed always gives the same numbers, on every reload and in every browser.",
                        state.scenario.with(|s| s.simulation.seed),
                    )
                }}
            </p>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    let seed = (random_unit() * 1e9) as u64;
                    state.edit(|s| s.simulation.seed = seed);
                }
            >
                "Draw a new seed"
            </button>
        </fieldset>
        <FreezePolicy />
    }
}

/// Whether the plans run under the Error budget screen's freeze policy, and
/// what that policy does to them.
#[component]
fn FreezePolicy() -> impl IntoView {
    let state = AppState::expect();
    let applied = move || state.scenario.with(|s| s.simulation.apply_freeze);
    let summary = move || {
        if !applied() {
            return "Off: the plans run without the error-budget policy.".to_string();
        }
        let (policy_on, valid) = state
            .scenario
            .with(|s| (s.slo.policy.freeze, s.slo.is_valid()));
        if !valid {
            return "The SLO on the Error budget screen needs fixing before its policy can apply."
                .into();
        }
        if !policy_on {
            return "The Error budget screen's policy does not freeze deployments, so there is nothing to apply.".into();
        }
        state.runs.freeze.get().map_or_else(String::new, |o| {
            let f = o.freeze();
            format!(
                "Frozen {}% of the time ({} days a quarter): measured deployment frequency × {} and lead time × {}; the frozen time goes to reliability work on change failure rate and recovery time. How freezes feed the model is Flywheel's own assumption, not a published figure.",
                format_number(f.frozen_fraction * 100.0, 1),
                format_number(o.days_frozen_per_quarter, 1),
                format_number(f.deploy_factor, 3),
                format_number(f.lead_factor, 3),
            )
        })
    };
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Error-budget policy"</legend>
            <div class="field field--inline">
                <input
                    id="apply-freeze"
                    type="checkbox"
                    prop:checked=applied
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit(|s| s.simulation.apply_freeze = on);
                    }
                />
                <label for="apply-freeze">"Run under the freeze policy"</label>
            </div>
            <p class="field__hint" id="freeze-effect">{summary}</p>
        </fieldset>
    }
}

/// A uniform number in [0, 1] from the browser's Web Crypto, used only to
/// pick a new seed; the simulation itself draws from the seeded generator.
fn random_unit() -> f64 {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map_or(0.5, |c| {
            let mut bytes = [0u8; 4];
            let _ = c.get_random_values_with_u8_array(&mut bytes);
            f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX)
        })
}

/// Fan chart, comparison and data tables.
#[component]
fn Outlook(
    /// The outcome of plan `i`, if it could be simulated.
    outcome: Callback<usize, Option<Timed>>,
) -> impl IntoView {
    let state = AppState::expect();
    let metric = RwSignal::new(Metric::LeadTime);
    let options: Vec<_> = SIM_METRICS.iter().map(|m| (m.key(), m.name())).collect();
    let plan_count = move || state.scenario.with(|s| s.simulation.plans.len());
    let order = move || {
        let chosen = state.scenario.with(|s| s.simulation.chosen);
        let mut order: Vec<usize> = vec![chosen];
        order.extend((0..plan_count()).filter(|&i| i != chosen));
        order
    };
    let unit = move || {
        let m = metric.get();
        state.scenario.with(|s| s.baseline.units().of(m))
    };
    let series = Memo::new(move |_| {
        order()
            .into_iter()
            .filter_map(|i| outcome.run(i).map(|t| (i, t)))
            .collect::<Vec<_>>()
    });
    let layout = Callback::new(move |frame| {
        let m = metric.get();
        let u = unit();
        series.with(|runs| {
            let bands: Vec<_> = runs.iter().map(|(_, t)| t.outcome.series(m)).collect();
            let fans: Vec<_> = bands.iter().map(|b| FanSeries { bands: b }).collect();
            fan(&fans, u.factor, None, frame)
        })
    });
    let names = Signal::derive(move || {
        let names = plan_names();
        series.with(|runs| {
            runs.iter()
                .map(|(i, _)| names[*i].clone())
                .collect::<Vec<_>>()
        })
    });
    let problem = move || state.scenario.with(|s| s.simulation.problem());
    view! {
        {move || problem().map(|p| view! { <p class="status__message status__message--error">{p}</p> })}
        <div class="field">
            <label class="field__label" for="sim-metric">"Metric shown"</label>
            <Choice
                id="sim-metric"
                label="Metric shown"
                options=options
                selected=Signal::derive(move || metric.get().key())
                on_change=Callback::new(move |key: String| {
                    if let Some(m) = SIM_METRICS.into_iter().find(|m| m.key() == key) {
                        metric.set(m);
                    }
                })
            />
        </div>
        <FanChart
            id="fan"
            title=Signal::derive(move || format!("{} over the next weeks", metric.get().name()))
            summary=Signal::derive(move || {
                let m = metric.get();
                let u = unit();
                series
                    .with(|runs| {
                        runs.first()
                            .map(|(i, t)| {
                                let last = t.outcome.series(m).last().copied().unwrap_or_default();
                                format!(
                                    "{}: median {} {} after {} weeks (P10 {}, P90 {}).",
                                    plan_names()[*i],
                                    format_number(last.p50 * u.factor, 2),
                                    u.label,
                                    t.outcome.weeks,
                                    format_number(last.p10 * u.factor, 2),
                                    format_number(last.p90 * u.factor, 2),
                                )
                            })
                            .unwrap_or_default()
                    })
            })
            unit=Signal::derive(move || unit().label.to_string())
            layout
            names
        />
        <p class="simulate__timing">
            {move || {
                series
                    .with(|runs| {
                        runs.first()
                            .map(|(_, t)| {
                                format!(
                                    "Simulated {} trials × {} weeks in {} ms.",
                                    format_count(u64::from(t.outcome.trials)),
                                    t.outcome.weeks,
                                    format_number(t.millis, 0),
                                )
                            })
                    })
            }}
        </p>
        <button
            type="button"
            class="button button--quiet"
            on:click=move |_| {
                let names = plan_names();
                let csv = series
                    .with_untracked(|runs| {
                        let runs: Vec<_> = runs
                            .iter()
                            .map(|(i, t)| (names[*i].as_str(), &t.outcome))
                            .collect();
                        results_csv(&runs)
                    });
                let name = state
                    .scenario
                    .with_untracked(|s| file_name(&s.team, "-simulation.csv"));
                let _ = download(&name, &csv, "text/csv");
            }
        >
            "Export results (CSV)"
        </button>
        <ComparisonTable series=series />
        <details class="details">
            <summary>"Show the numbers behind the chart"</summary>
            <table class="data-table">
                <caption>
                    {move || format!("{} by week ({})", metric.get().name(), unit().label)}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Week"</th>
                        {move || {
                            names
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(k, n)| {
                                    if k == 0 {
                                        view! {
                                            <th scope="col">{format!("{n} P10")}</th>
                                            <th scope="col">{format!("{n} median")}</th>
                                            <th scope="col">{format!("{n} P90")}</th>
                                        }
                                            .into_any()
                                    } else {
                                        view! { <th scope="col">{format!("{n} median")}</th> }.into_any()
                                    }
                                })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let m = metric.get();
                        let u = unit();
                        series
                            .with(|runs| {
                                let all: Vec<_> = runs.iter().map(|(_, t)| t.outcome.series(m)).collect();
                                // Every series starts at week 0, so a non-empty one
                                // has a last week.
                                let weeks = all
                                    .first()
                                    .filter(|s| !s.is_empty())
                                    .map_or_else(Vec::new, |s| table_weeks(s.len() - 1));
                                weeks
                                    .into_iter()
                                    .map(|w| {
                                        let f = |v: f64| format_number(v * u.factor, 2);
                                        view! {
                                            <tr>
                                                <th scope="row">{w.to_string()}</th>
                                                {all
                                                    .iter()
                                                    .enumerate()
                                                    .map(|(k, s)| {
                                                        let b = s[w];
                                                        if k == 0 {
                                                            view! {
                                                                <td>{f(b.p10)}</td>
                                                                <td>{f(b.p50)}</td>
                                                                <td>{f(b.p90)}</td>
                                                            }
                                                                .into_any()
                                                        } else {
                                                            view! { <td>{f(b.p50)}</td> }.into_any()
                                                        }
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
    }
}

/// Each strategy's median at the horizon for every metric, with the tier it
/// lands in.
#[component]
fn ComparisonTable(
    /// (plan index, run) in display order.
    #[prop(into)]
    series: Signal<Vec<(usize, Timed)>>,
) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <table class="data-table comparison">
            <caption>
                {move || {
                    format!(
                        "Median at week {} (P10–P90), with the {} tier it lands in",
                        state.scenario.with(|s| s.simulation.horizon_weeks),
                        state.scenario.with(|s| s.edition.year()),
                    )
                }}
            </caption>
            <thead>
                <tr>
                    <th scope="col">"Strategy"</th>
                    {SIM_METRICS.map(|m| view! { <th scope="col">{m.name()}</th> }).into_iter().collect_view()}
                </tr>
            </thead>
            <tbody>
                {move || {
                    let names = plan_names();
                    let edition = state.scenario.with(|s| s.edition);
                    let units = state.scenario.with(|s| s.baseline.units());
                    series
                        .get()
                        .into_iter()
                        .map(|(i, t)| {
                            let last = t.outcome.bands.last().copied().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{names[i].clone()}</th>
                                    {SIM_METRICS
                                        .into_iter()
                                        .enumerate()
                                        .map(|(k, m)| {
                                            let b = last[k];
                                            let u = units.of(m);
                                            let f = |v: f64| format_number(v * u.factor, 2);
                                            let tier = dora::classify(edition, m, b.p50)
                                                .map(|v| v.label())
                                                .unwrap_or_default();
                                            view! {
                                                <td>
                                                    <span class="comparison__median">
                                                        {format!("{} {}", f(b.p50), u.label)}
                                                    </span>
                                                    <span class="comparison__range">
                                                        {format!(" ({}–{})", f(b.p10), f(b.p90))}
                                                    </span>
                                                    {(!tier.is_empty())
                                                        .then(|| {
                                                            view! { <span class="comparison__tier">{format!(" {tier}")}</span> }
                                                        })}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// Each metric goal's chance of being met by its deadline under every
/// strategy, with the guard counted, and goal-seek on request.
#[component]
fn GoalChances() -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs;
    let rows = move || {
        let targets = runs.targets.get();
        state.scenario.with(|s| {
            targets
                .into_iter()
                .filter_map(|(id, t)| s.goals.get(id).map(|g| (g.clone(), t)))
                .collect::<Vec<(Goal, Target)>>()
        })
    };
    let horizon = move || state.scenario.with(|s| s.simulation.horizon_weeks);
    view! {
        <section class="goal-chances" aria-labelledby="goal-chances-title">
            <h3 id="goal-chances-title">"Chance of meeting each goal"</h3>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! {
                        <p class="field__hint">
                            "Goals with a DORA metric, a target and a deadline appear here with their chance of success. Add them on the Goals screen."
                        </p>
                    }
                        .into_any();
                }
                let names = plan_names();
                let chosen = state.scenario.with(|s| s.simulation.chosen);
                let units = state.scenario.with(|s| s.baseline.units());
                view! {
                    <table class="data-table">
                        <caption>
                            "Share of simulated futures in which the goal is met by its deadline (and its guard holds)"
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Goal"</th>
                                {names
                                    .iter()
                                    .map(|n| view! { <th scope="col">{n.clone()}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|(goal, target)| {
                                    let beyond = target.week > horizon();
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                {goal.title.clone()}
                                                <span class="goal-chances__target">
                                                    {goal
                                                        .target
                                                        .as_ref()
                                                        .map(|t| {
                                                            format!(
                                                                " — {} by week {}",
                                                                t.measure.describe(t.target, units),
                                                                target.week,
                                                            )
                                                        })}
                                                    {goal.guard.map(|g| format!("; {}", g.describe(units)))}
                                                </span>
                                            </th>
                                            {(0..names.len())
                                                .map(|i| {
                                                    let cell = if beyond {
                                                        "Deadline beyond the horizon".to_string()
                                                    } else {
                                                        runs.chance(i, goal.id)
                                                            .map(|o| match o.p_guard {
                                                                Some(g) => {
                                                                    format!(
                                                                        "{} (target {}, guard {})",
                                                                        format_percent(o.p_both, 0),
                                                                        format_percent(o.p_meet, 0),
                                                                        format_percent(g, 0),
                                                                    )
                                                                }
                                                                None => format_percent(o.p_both, 0),
                                                            })
                                                            .unwrap_or_else(|| "—".to_string())
                                                    };
                                                    view! {
                                                        <td class:goal-chances__chosen=i == chosen>{cell}</td>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <GoalSeek />
                }
                    .into_any()
            }}
            <p class="footnote">
                "Probabilities count simulated weeks, so they move a little with the seed; more trials narrow that spread. Extend the horizon to judge goals due later."
            </p>
        </section>
    }
}

/// "What would it take?": the effect per cycle the chosen plan needs for a
/// goal to reach a 50% and an 85% chance.
#[component]
fn GoalSeek() -> impl IntoView {
    let state = AppState::expect();
    let runs = state.runs;
    let picked = RwSignal::new(None::<u32>);
    let answer = RwSignal::new(None::<String>);
    let options = move || {
        let targets = runs.targets.get();
        state.scenario.with(|s| {
            targets
                .iter()
                .filter_map(|(id, _)| s.goals.get(*id).map(|g| (*id, g.title.clone())))
                .collect::<Vec<_>>()
        })
    };
    let seek = move |_| {
        let targets = runs.targets.get_untracked();
        let Some((id, target)) = picked
            .get_untracked()
            .and_then(|id| targets.iter().find(|(g, _)| *g == id).copied())
            .or_else(|| targets.first().copied())
        else {
            return;
        };
        let text = state.scenario.with_untracked(|s| {
            let plan = s.simulation.chosen_plan().clone();
            let noise = noise_of(s);
            let run = Run {
                plan: &plan,
                baseline: baseline_values(&s.baseline),
                weeks: s.simulation.horizon_weeks.max(target.week),
                trials: 1_000,
                seed: s.simulation.seed,
                targets: &[],
                noise: &noise,
                freeze: state.runs.freeze.get_untracked().map(|o| o.freeze()),
            };
            let current = plan.effect_pct.get(target.metric).unwrap_or(0.0);
            let title = s.goals.get(id).map(|g| g.title.clone()).unwrap_or_default();
            let describe = |p: Option<f64>| {
                p.map_or_else(
                    || "out of reach with this plan's cycle and capacity".to_string(),
                    |e| format!("{}% of the gap per successful cycle", format_number(e, 1)),
                )
            };
            format!(
                "“{title}”: a 50% chance needs {}; an 85% chance needs {}. {} now assumes {}%.",
                describe(goal_seek(&run, target, 0.5)),
                describe(goal_seek(&run, target, 0.85)),
                plan.name,
                format_number(current, 1),
            )
        });
        answer.set(Some(text));
    };
    view! {
        <div class="goal-seek">
            <div class="field">
                <label class="field__label" for="seek-goal">"What would it take?"</label>
                <div class="field__control">
                    <select
                        id="seek-goal"
                        class="field__select"
                        on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())
                    >
                        {move || {
                            options()
                                .into_iter()
                                .map(|(id, title)| view! { <option value=id.to_string()>{title}</option> })
                                .collect_view()
                        }}
                    </select>
                    <button type="button" class="button" on:click=seek>
                        "Find the effect needed"
                    </button>
                </div>
            </div>
            <p class="goal-seek__answer" aria-live="polite">{move || answer.get()}</p>
        </div>
    }
}
