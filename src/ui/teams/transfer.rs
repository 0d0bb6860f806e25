//! The set of teams in and out of the page: kept in this browser, exported
//! as one file (the teams' scenarios, versioned like the scenario file),
//! read back from one, shared as a link when it fits — and any team opened
//! as the working scenario, after asking.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::names::file_name;
use crate::model::teams::file::to_file;
use crate::model::teams::TeamId;
use crate::share::teams::encode;
use crate::storage::decode_teams;
use crate::ui::download::download;
use crate::ui::link::LinkBox;
use crate::ui::prompt::Prompt;
use crate::ui::routes::{self, Screen};
use crate::ui::state::AppState;
use crate::ui::team_set::TeamsState;

/// Export, import and share.
#[component]
pub fn Transfer(teams: TeamsState) -> impl IntoView {
    let link = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        let text = teams.teams.with_untracked(to_file);
        let saved = download(&file_name("teams", ".json"), &text, "application/json");
        teams.message.set(Some(match saved {
            Some(()) => "The teams were offered as a file.".to_string(),
            None => "This browser could not offer the file for download.".to_string(),
        }));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let words = match decode_teams(text).await {
                Err(why) => why,
                Ok(Ok(set)) => {
                    let n = set.len();
                    teams.edit(|t| *t = set);
                    format!("Opened {n} teams from “{}”.", file.name())
                }
                Ok(Err(e)) => format!(
                    "“{}” was not opened: {} Nothing was changed.",
                    file.name(),
                    e.message()
                ),
            };
            teams.message.set(Some(words));
        });
    };
    let share = move |_| {
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|href| {
                let page = href.split('#').next().unwrap_or_default().to_string();
                format!("{page}#{}?s=", Screen::Teams.path())
            })
            .unwrap_or_default();
        link.set(Some(
            teams
                .teams
                .with_untracked(|t| encode(t, &base))
                .map_err(|e| e.message()),
        ));
    };
    view! {
        <section class="panel teams__transfer" aria-labelledby="teams-transfer-title">
            <h2 class="panel__title" id="teams-transfer-title">"Keep and share the set"</h2>
            <p class="footnote">
                "The set is kept in this browser. A file or a link carries every team's scenario; nothing is sent anywhere."
            </p>
            <div class="teams__add-row">
                <button type="button" class="button" on:click=export>"Export the teams (file)"</button>
                <label class="button button--quiet">
                    "Import a teams file"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
                </label>
                <button type="button" class="button button--quiet" on:click=share>"Share as a link"</button>
            </div>
            {move || {
                link.get()
                    .map(|l| match l {
                        Ok(url) => view! {
                            <LinkBox id="teams-link" label="Link to these teams" text=RwSignal::new(url) />
                        }
                            .into_any(),
                        Err(why) => view! { <p class="status__message status__message--warning">{why}</p> }.into_any(),
                    })
            }}
        </section>
    }
}

/// "Open": asks first, then makes the team's scenario the working one.
#[component]
pub fn OpenTeam(id: TeamId, label: Signal<String>, teams: TeamsState) -> impl IntoView {
    let state = AppState::expect();
    let asking = RwSignal::new(false);
    let open = move |()| {
        if let Some(team) = teams.teams.with_untracked(|t| t.get(id).cloned()) {
            state.replace_undoably(team.scenario, "Opened a team's scenario");
            routes::go(Screen::Baseline);
        }
        asking.set(false);
    };
    view! {
        <button type="button" class="button button--quiet" aria-label=label on:click=move |_| asking.set(true)>
            "Open"
        </button>
        {move || {
            asking.get().then(|| {
                let name = teams.teams.with_untracked(|t| t.get(id).map(|t| t.name.clone()).unwrap_or_default());
                view! {
                    <Prompt
                        id="open-team-title"
                        title="Open this team?"
                        text=format!("“{name}” becomes the working scenario, replacing what you are working on. Save your work in Saved scenarios first to keep it.")
                        actions=vec![
                            ("Open it", Callback::new(open)),
                            ("Keep my work", Callback::new(move |()| asking.set(false))),
                        ]
                    />
                }
            })
        }}
    }
}
