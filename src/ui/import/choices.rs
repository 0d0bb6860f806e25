//! What counts, with the counts beside each choice: the environments that
//! are production, the workflows that deploy, the incident levels,
//! services and teams, test incidents, and a Jira file's rules. Every
//! value starts as the model preselects it; a tick or a clear is kept as
//! the user's pick, and the figures follow at once.

use leptos::prelude::*;

use super::state::Import;
use crate::model::import::exports::{EscapeRule, Group, IncidentRule, JiraChoices, Opt};
use crate::ui::field::{Checkbox, Choice, Field};

/// A short id for a list's boxes.
fn slug(group: Group) -> String {
    crate::model::names::slug(group.name())
}

/// The choices, once a file offers any.
#[component]
pub fn ChoicesPanel(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let choices = import.choices;
    let groups = Memo::new(move |_| choices.with(|c| c.groups()));
    let tests = Memo::new(move |_| choices.with(|c| c.test_incidents));
    let notes = Memo::new(move |_| {
        choices.with(|c| {
            let mut notes = c.notes.clone();
            if c.unnamed_environment > 0 {
                notes.push(format!(
                    "{} deployments name no environment: they always count.",
                    c.unnamed_environment
                ));
            }
            for l in c.levels.iter().filter(|l| l.unset > 0) {
                notes.push(format!(
                    "{} incidents give no {}: no {} choice leaves them out.",
                    l.unset,
                    l.kind.name(),
                    l.kind.name()
                ));
            }
            notes
        })
    });
    let excluded = Memo::new(move |_| import.analysis.with(|a| a.value.exclusions()));
    let jira = Memo::new(move |_| choices.with(|c| c.jira.clone()));
    let shown =
        move || !groups.with(Vec::is_empty) || tests.get() > 0 || jira.with(Option::is_some);
    view! {
        <Show when=shown>
            <section class="import-choices" aria-labelledby="import-choices-title">
                <h3 class="import-choices__title" id="import-choices-title">"What counts"</h3>
                <div class="import-choices__groups">
                    <For each=move || groups.get() key=|g| *g let:group>
                        <Ticks import group />
                    </For>
                </div>
                {move || {
                    (tests.get() > 0)
                        .then(|| {
                            view! {
                                <Checkbox
                                    id="import-count-tests"
                                    label=format!("Count test and tutorial incidents ({})", tests.get())
                                    checked=Signal::derive(move || import.selection.with(|s| s.count_tests))
                                    on_change=Callback::new(move |on| import.picks.update(|p| p.count_tests = Some(on)))
                                />
                            }
                        })
                }}
                {move || jira.get().map(|j| view! { <JiraRules import jira=j /> })}
                <ul class="import-choices__notes">
                    {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    {move || excluded.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// One list of values to tick, each with its count.
#[component]
fn Ticks(import: Import, group: Group) -> impl IntoView {
    let options = Memo::new(move |_| import.choices.with(|c| c.options(group).to_vec()));
    let prefix = slug(group);
    view! {
        <fieldset class="import-choices__group">
            <legend>{group.name()}</legend>
            {move || {
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(k, o): (usize, Opt)| {
                        let value = o.value.clone();
                        let checked = {
                            let value = value.clone();
                            Signal::derive(move || import.selection.with(|s| s.has(group, &value)))
                        };
                        let on_change = Callback::new(move |on: bool| {
                            import.picks.update(|p| p.tick(group, &value, on));
                        });
                        view! {
                            <Checkbox id=format!("import-{prefix}-{k}") label=o.label() checked on_change />
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
    }
}

/// A Jira file's rules: which issues are incidents, and which bugs were
/// found in production (the defect escape rate).
#[component]
fn JiraRules(import: Import, jira: JiraChoices) -> impl IntoView {
    let mut incidents: Vec<(IncidentRule, String)> = vec![(IncidentRule::None, "None".into())];
    incidents.extend(jira.issue_types.iter().map(|o| {
        (
            IncidentRule::IssueType(o.value.clone()),
            format!("Issue type {}", o.label()),
        )
    }));
    incidents.extend(jira.labels.iter().map(|o| {
        (
            IncidentRule::Label(o.value.clone()),
            format!("Label {}", o.label()),
        )
    }));
    let mut escapes: Vec<(EscapeRule, String)> = vec![(EscapeRule::Unset, "Not chosen".into())];
    escapes.extend(jira.labels.iter().map(|o| {
        (
            EscapeRule::Label(o.value.clone()),
            format!("Label {}", o.label()),
        )
    }));
    escapes.extend(jira.environments.iter().map(|o| {
        (
            EscapeRule::Environment(o.value.clone()),
            format!("Environment {}", o.label()),
        )
    }));
    escapes.extend(jira.issue_types.iter().map(|o| {
        (
            EscapeRule::IssueType(o.value.clone()),
            format!("Issue type {}", o.label()),
        )
    }));
    // The preselected rules are among these: each is built from a value
    // the file holds.
    let incident_rule = Signal::derive(move || import.selection.with(|s| s.jira_incidents.clone()));
    let escape_rule = Signal::derive(move || import.selection.with(|s| s.escape.clone()));
    view! {
        <Field id="import-jira-incidents" label="Jira issues that are incidents">
            <Choice
                options=incidents
                selected=incident_rule
                on_change=Callback::new(move |r| import.picks.update(|p| p.jira_incidents = Some(r)))
            />
        </Field>
        <Field
            id="import-jira-escape"
            label="Bugs found in production"
            hint="The defect escape rate is bugs found in production ÷ all bugs created in the window."
        >
            <Choice
                options=escapes
                selected=escape_rule
                on_change=Callback::new(move |r| import.picks.update(|p| p.escape = Some(r)))
            />
        </Field>
    }
}
