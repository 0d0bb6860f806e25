//! "Where you stand" in DORA's current terms: the lens every screen judges
//! the baseline by, the peers the 2025 scores are set against, the scores
//! themselves, where to focus, and what the 2025 report's team profiles
//! are (and why Flywheel does not place a team in one).

use leptos::prelude::*;

use crate::model::benchmarks::{Industry, OrgSize, Peers};
use crate::model::standing::focus::focus;
use crate::model::standing::lens::Lens;
use crate::model::standing::profiles::{
    FACTORS, PROFILES, REPORT_URL, SUMMARIES_NOTE, WHY_NOT_PLACED,
};
use crate::model::standing::standings;
use crate::ui::baseline::scores::ScoreTable;
use crate::ui::field::{Choice, Field};
use crate::ui::state::AppState;

/// The lens, the peers, the scores against each peer group, the focus and
/// the note on team profiles.
#[component]
pub fn Standing() -> impl IntoView {
    let state = AppState::expect();
    let peers = Signal::derive(move || state.scenario.with(|s| s.peers));
    let groups = Memo::new(move |_| state.scenario.with(|s| standings(&s.baseline, s.peers)));
    view! {
        <div class="standing">
            <div class="standing__controls">
                <Field
                    id="lens"
                    label="Judge the baseline by"
                    hint="Goals, the report, Compare and the workshop use this lens."
                >
                    <Choice
                        options=Lens::ALL.map(|l| (l, l.name().to_string())).to_vec()
                        selected=Signal::derive(move || state.scenario.with(|s| s.lens))
                        on_change=Callback::new(move |l| state.edit(|s| s.lens = l))
                    />
                </Field>
                <Field id="peer-industry" label="Industry">
                    <Choice
                        options=Industry::ALL.map(|i| (i, i.name().to_string())).to_vec()
                        selected=Signal::derive(move || peers.get().industry)
                        on_change=Callback::new(move |i| state.edit(|s| s.peers.industry = i))
                    />
                </Field>
                <Field
                    id="peer-size"
                    label="Organisation size"
                    hint=Signal::derive(move || peers.get().size.note().unwrap_or_default().to_string())
                >
                    <Choice
                        options=OrgSize::ALL.map(|o| (o, o.name().to_string())).to_vec()
                        selected=Signal::derive(move || peers.get().size)
                        on_change=Callback::new(move |o| state.edit(|s| s.peers.size = o))
                    />
                </Field>
            </div>
            <p class="footnote">{Peers::HOW_THEY_COMBINE}</p>
            {move || {
                let list = groups.get();
                if list.is_empty() {
                    return view! {
                        <p class="standing__empty">"Enter every DORA metric to see the scores."</p>
                    }
                        .into_any();
                }
                list.into_iter()
                    .map(|g| view! { <ScoreTable standings=g /> })
                    .collect_view()
                    .into_any()
            }}
            <Focus />
            <About />
        </div>
    }
}

/// "Where to focus": the metric furthest behind the peers, why, the DORA
/// capabilities that move it, and a goal to start from it.
#[component]
fn Focus() -> impl IntoView {
    let state = AppState::expect();
    let found = Memo::new(move |_| state.scenario.with(|s| focus(&s.baseline, s.peers)));
    let start_goal = move |_| {
        let mut added = false;
        state.edit(|s| {
            let goal = found
                .get_untracked()
                .and_then(|f| f.goal(&s.team, state.today));
            added = goal.is_some_and(|g| s.goals.add(g).is_ok());
        });
        if added {
            crate::ui::routes::go(crate::ui::routes::Screen::Goals);
        }
    };
    view! {
        <section class="focus" aria-labelledby="focus-title">
            <h3 class="focus__title" id="focus-title">"Where to focus"</h3>
            {move || match found.get() {
                None => view! {
                    <p>"Every metric already scores 10 of 10: nothing stands out to focus on."</p>
                }
                    .into_any(),
                Some(f) => {
                    let levers = f.capabilities();
                    let seed = f.seed();
                    view! {
                        <p class="focus__headline">{f.headline()}</p>
                        <p>{f.explanation()}</p>
                        <p>"DORA's capability guides name these as moving it:"</p>
                        <ul class="focus__capabilities">
                            {levers
                                .iter()
                                .map(|l| {
                                    view! {
                                        <li>
                                            <a href=l.capability.url() rel="noopener noreferrer">
                                                {l.capability.name}
                                            </a>
                                            <q class="focus__evidence">{l.evidence}</q>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        {seed
                            .map(|s| {
                                view! {
                                    <p class="footnote">{format!("Suggested goal: {}. {}", s.title, s.why)}</p>
                                    <button type="button" class="button" on:click=start_goal>
                                        "Start a goal from this"
                                    </button>
                                }
                            })}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The 2025 report's seven team profiles, and why Flywheel does not place a
/// team in one.
#[component]
fn About() -> impl IntoView {
    view! {
        <details class="about-2025">
            <summary>"About the 2025 report: team profiles instead of tiers"</summary>
            <p>
                "DORA's 2025 report replaced the Elite, High, Medium and Low tiers with seven team profiles, found by clustering teams on eight factors: "
                {FACTORS.join(", ")}
                "."
            </p>
            <ul>
                {PROFILES
                    .iter()
                    .map(|p| view! { <li><strong>{p.name}</strong>": "{p.summary}</li> })
                    .collect_view()}
            </ul>
            <p>{WHY_NOT_PLACED}</p>
            <p class="footnote">
                {SUMMARIES_NOTE}
                " "
                <a href=REPORT_URL rel="noopener noreferrer">"The 2025 report"</a>
            </p>
        </details>
    }
}
