//! How incidents were tied to deployments: every tie the rule made (the
//! last production deployment before the incident started) listed for
//! review in the model's words, each with the deployments near it to move
//! the incident to, or none; a corrected tie stays listed, to undo. The
//! figures follow every change at once.

use leptos::prelude::*;

use super::state::Import;
use crate::model::import::exports::{Analysis, How};
use crate::ui::field::{Choice, Field};

/// Ties listed at first, and added by each "Show more".
const PAGE: usize = 20;

/// How the ties were made, counted.
#[derive(Clone, Copy, PartialEq, Default)]
struct Counts {
    by_rule: usize,
    by_data: usize,
    none: usize,
    corrected: usize,
}

fn counts(a: &Analysis) -> Counts {
    let mut c = Counts::default();
    for t in &a.attributions {
        match t.how {
            How::LastOfService | How::LastBefore { .. } => c.by_rule += 1,
            How::Moved | How::Detached => c.corrected += 1,
            How::NoneBefore => c.none += 1,
            _ => c.by_data += 1,
        }
    }
    c
}

fn sentence(c: Counts) -> String {
    let mut s = format!(
        "{} of {} incidents were tied to a deployment by the rule: the last production deployment before each started, of its own service where one is counted. Check each guess below; move an incident to another deployment or detach it, and the figures follow.",
        c.by_rule,
        c.by_rule + c.by_data + c.none + c.corrected
    );
    if c.by_data > 0 {
        s.push_str(&format!(
            " {} were tied as the data says (a deployment or commit it names, or none).",
            c.by_data
        ));
    }
    if c.none > 0 {
        s.push_str(&format!(
            " {} started before any production deployment and are tied to none.",
            c.none
        ));
    }
    if c.corrected > 0 {
        s.push_str(&format!(" {} corrected by you.", c.corrected));
    }
    s
}

/// The ties to review.
#[component]
pub fn Ties(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    let counts = Memo::new(move |_| import.analysis.with(|a| counts(&a.value)));
    let keys = Memo::new(move |_| {
        import.analysis.with(|a| {
            let a = &a.value;
            a.attributions
                .iter()
                .filter(|t| t.reviewable())
                .map(|t| a.incidents[t.incident].key.clone())
                .collect::<Vec<String>>()
        })
    });
    let listed = move || keys.with(|k| k.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let more = move || keys.with(Vec::len).saturating_sub(shown.get());
    view! {
        <Show when=move || counts.with(|c| c.by_rule + c.corrected > 0)>
            <section class="import-ties" aria-labelledby="import-ties-title">
                <h3 class="import-ties__title" id="import-ties-title">"Incidents tied by the rule"</h3>
                <p>{move || sentence(counts.get())}</p>
                <ol class="import-ties__list">
                    <For each=listed key=|k| k.clone() let:key>
                        <TieRow import key />
                    </For>
                </ol>
                {move || {
                    (more() > 0)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    on:click=move |_| shown.update(|n| *n += PAGE)
                                >
                                    {format!("Show {} more of {}", PAGE.min(more()), more())}
                                </button>
                            }
                        })
                }}
            </section>
        </Show>
    }
}

/// What one tie's row shows.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    words: String,
    options: Vec<(Option<String>, String)>,
    tied: Option<String>,
    corrected: bool,
}

fn row(a: &Analysis, key: &str) -> Option<Row> {
    let i = a.incidents.iter().position(|x| x.key == key)?;
    let t = a.attributions.get(i)?;
    let options = a
        .candidates(i)
        .into_iter()
        .map(|k| (Some(a.deployments[k].key.clone()), a.deployment_words(k)))
        .chain(std::iter::once((
            None,
            "No deployment: a failure of none".to_string(),
        )))
        .collect();
    Some(Row {
        id: a.incidents[i].id.clone(),
        words: t.words.clone(),
        options,
        tied: t.deployment.map(|k| a.deployments[k].key.clone()),
        corrected: matches!(t.how, How::Moved | How::Detached),
    })
}

#[component]
fn TieRow(import: Import, key: String) -> impl IntoView {
    let k = key.clone();
    let data = Memo::new(move |_| import.analysis.with(|a| row(&a.value, &k)));
    let options = Signal::derive(move || {
        data.with(|r| r.as_ref().map(|r| r.options.clone()).unwrap_or_default())
    });
    let tied = Signal::derive(move || data.with(|r| r.as_ref().and_then(|r| r.tied.clone())));
    let field_id = format!("import-tie-{}", crate::model::names::slug(&key));
    let (k1, k2) = (key.clone(), key);
    let choose = Callback::new(move |d: Option<String>| {
        import.picks.update(|p| p.tie(&k1, d.as_deref()));
    });
    let undo = Callback::new(move |()| import.picks.update(|p| p.untie(&k2)));
    let id = move || data.with(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_default());
    view! {
        <li class="import-tie">
            <p class="import-tie__words">{move || data.with(|r| r.as_ref().map(|r| r.words.clone()))}</p>
            <Field id=field_id label=Signal::derive(move || format!("Tie {} to", id()))>
                <Choice options selected=tied on_change=choose />
            </Field>
            {move || {
                data.with(|r| r.as_ref().is_some_and(|r| r.corrected))
                    .then(|| {
                        view! {
                            <button type="button" class="button button--quiet" on:click=move |_| undo.run(())>
                                {format!("Give {} back to the rule", id())}
                            </button>
                        }
                    })
            }}
        </li>
    }
}
