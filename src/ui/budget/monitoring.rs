//! What the monitoring exports are written with: the service and SLO
//! names, the SLI as PromQL (good and total events, bad and total, or an
//! error ratio) and the labels every rule carries. Each box keeps to the
//! model's limits; what an export still needs of it is said beside it.

use leptos::prelude::*;

use crate::model::slo::{rules_problems, Field as Part, Monitoring, Problem, SliKind, MAX_LABELS};
use crate::ui::field::{Choice, Field, TextInput};
use crate::ui::state::AppState;

/// The SLI forms offered, from the model's list.
fn sli_kinds() -> Vec<(SliKind, String)> {
    SliKind::ALL
        .iter()
        .map(|&k| (k, k.label().to_string()))
        .collect()
}

/// Element id, visible label and example of an expression's box.
fn expression_box(part: Part) -> (&'static str, &'static str, &'static str) {
    match part {
        Part::Good => (
            "sli-good",
            "Good-events expression",
            r#"sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))"#,
        ),
        Part::Bad => (
            "sli-bad",
            "Bad-events expression",
            r#"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#,
        ),
        Part::Total => (
            "sli-total",
            "Total-events expression",
            "sum(rate(http_requests_total[{{.window}}]))",
        ),
        _ => ("sli-ratio", "Error-ratio expression", ""),
    }
}

/// One text box of the monitoring settings, bound to its part by name.
#[component]
fn PartInput(
    /// Which part of the settings the box edits.
    part: Part,
    /// Element id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A short help text.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// An example shown while the box is empty.
    #[prop(optional)]
    placeholder: &'static str,
    /// What the exports still need, for every part.
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let state = AppState::expect();
    let text = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.slo.monitoring.text(part).unwrap_or_default().to_string())
    });
    // An empty box is listed with the export instead: no message before
    // the user has typed anything.
    let message = Signal::derive(move || {
        if text.with(String::is_empty) {
            None
        } else {
            problems.with(|p| Monitoring::message_for(p, part))
        }
    });
    view! {
        <Field id label hint message>
            <TextInput
                value=text
                max_chars=part.max_chars()
                parse=part.typed()
                placeholder
                on_change=Callback::new(move |t: String| state.edit(|s| s.slo.monitoring.set_text(part, t)))
            />
        </Field>
    }
}

/// The names, SLI expressions and labels the exports are written with.
#[component]
pub fn MonitoringPanel() -> impl IntoView {
    let state = AppState::expect();
    let problems = Memo::new(move |_| state.scenario.with(|s| rules_problems(&s.slo)));
    let kind = Memo::new(move |_| state.scenario.with(|s| s.slo.monitoring.sli.kind()));
    let labels = Memo::new(move |_| state.scenario.with(|s| s.slo.monitoring.labels.len()));
    let full = Memo::new(move |_| labels.get() >= MAX_LABELS);
    let expressions = move || {
        kind.get()
            .parts()
            .iter()
            .map(|&part| {
                let (id, label, example) = expression_box(part);
                view! {
                    <PartInput
                        part
                        id
                        label
                        hint="PromQL, with {{.window}} where the range goes."
                        placeholder=example
                        problems
                    />
                }
            })
            .collect_view()
    };
    let label_rows = move || {
        (0..labels.get())
            .map(|i| {
                view! {
                    <div class="budget__label-row">
                        <PartInput part=Part::LabelName(i) id=format!("label-name-{i}") label=format!("Label {} name", i + 1) problems />
                        <PartInput part=Part::LabelValue(i) id=format!("label-value-{i}") label=format!("Label {} value", i + 1) problems />
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=format!("Remove label {}", i + 1)
                            on:click=move |_| state.edit(|s| s.slo.monitoring.remove_label(i))
                        >
                            "Remove"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel budget__section" aria-labelledby="monitoring-title">
            <h2 class="panel__title" id="monitoring-title">"Monitoring"</h2>
            <p class="footnote">
                "What the Prometheus rules and the OpenSLO file below are written with. The rules follow sloth's layout, so sloth's dashboards read their series."
            </p>
            <form class="form budget__monitoring" on:submit=|ev| ev.prevent_default() novalidate>
                <PartInput part=Part::Service id="slo-service" label="Service" hint="The service the SLO is about, such as checkout." problems />
                <PartInput part=Part::Name id="slo-name" label="SLO name" hint="Such as Requests availability." problems />
                <Field id="sli-kind" label="How the SLI is measured">
                    <Choice
                        options=sli_kinds()
                        selected=kind
                        on_change=Callback::new(move |k: SliKind| {
                            state.edit(|s| s.slo.monitoring.sli = s.slo.monitoring.sli.with_kind(k));
                        })
                    />
                </Field>
                {expressions}
                <fieldset class="budget__labels">
                    <legend>"Labels on every rule"</legend>
                    {label_rows}
                    <button
                        type="button"
                        class="button button--quiet"
                        disabled=move || full.get()
                        on:click=move |_| {
                            state.edit(|s| {
                                s.slo.monitoring.add_label();
                            });
                        }
                    >
                        "Add label"
                    </button>
                </fieldset>
            </form>
        </section>
    }
}
