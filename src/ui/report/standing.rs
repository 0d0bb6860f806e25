//! Where the team stands, under the lens the scenario chose (`LensView`):
//! DORA's 2025 scores against the chosen peers, followed by the historical
//! tiers; or the historical tiers of its edition alone. Each metric is
//! judged as the Baseline screen judges it (`model::wording::judge`): by a
//! tier, by the seed's thresholds for code churn and defect escape, or
//! "Not classified" with the reason.

use leptos::prelude::*;

use crate::model::benchmarks::Indicator;
use crate::model::goals::Measure;
use crate::model::standing::lens::{Lens, LensView};
use crate::model::standing::{group_words, standings, APPROXIMATE_NOTE};
use crate::model::wording::judge;
use crate::model::Metric;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The standing under the scenario's lens.
#[component]
pub(super) fn Standing() -> impl IntoView {
    let state = AppState::expect();
    let lens = Memo::new(move |_| state.scenario.with(LensView::of));
    let scores = move || lens.get().lens == Lens::Scores2025;
    view! {
        <section class="panel report__section" aria-labelledby="report-standing">
            <h2 class="panel__title" id="report-standing">"Where we stand"</h2>
            <p class="footnote">
                {move || format!("Read {}: the lens chosen for this scenario.", lens.get().phrase())}
            </p>
            <Show when=scores>
                <Scores />
                <h3 class="report__subtitle">"DORA's historical tiers"</h3>
            </Show>
            <Tiers />
        </section>
    }
}

/// Every 2025 score against each chosen peer group.
#[component]
fn Scores() -> impl IntoView {
    let state = AppState::expect();
    let groups = Memo::new(move |_| state.scenario.with(|s| standings(&s.baseline, s.peers)));
    let several = move || groups.with(|g| g.len() > 1);
    let rows = move || {
        state.scenario.with(|s| {
            groups.with(|groups| {
                Indicator::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(row, indicator)| {
                        let baseline = indicator.metric().and_then(|m| {
                            s.baseline
                                .value(m)
                                .map(|v| Measure::Baseline(m).describe(v, s.baseline.units()))
                        });
                        let found: Vec<_> = groups.iter().filter_map(|g| g.rows.get(row)).collect();
                        let score = found
                            .first()
                            .map_or_else(|| "—".to_string(), |st| format!("{:.1}", st.score));
                        let named = |text: String, st: &crate::model::standing::Standing| {
                            if several() {
                                format!("{}: {text}", group_words(st.group))
                            } else {
                                text
                            }
                        };
                        let peers: Vec<String> =
                            found.iter().map(|st| named(st.peers_words(), st)).collect();
                        let place: Vec<String> = found
                            .iter()
                            .map(|st| {
                                named(format!("{} ({})", st.percentile_words(), st.versus()), st)
                            })
                            .collect();
                        view! {
                            <tr>
                                <th scope="row">{indicator.name()}</th>
                                <td>{baseline.unwrap_or_else(|| "Sub-score".to_string())}</td>
                                <td>{score}</td>
                                <td>{peers.join("; ")}</td>
                                <td>{place.join("; ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let caption = Signal::derive(move || {
        let lens = state.scenario.with(LensView::of);
        format!(
            "Baseline against {} for {}",
            lens.name(),
            lens.peers.describe()
        )
    });
    view! {
        <Show
            when=move || groups.with(|g| !g.is_empty())
            fallback=|| view! { <p>"No 2025 scores: every DORA metric needs a value on the Baseline screen."</p> }
        >
            <Table
                class="report__table"
                caption
                columns=&["Measure", "Baseline", "Score (0–10)", "Peers' mean ± sd", "Where that falls"]
            >
                {rows}
            </Table>
            <p class="footnote">{APPROXIMATE_NOTE}</p>
        </Show>
    }
}

/// The historical tiers of the scenario's edition, and the seed's
/// judgements for the metrics DORA does not tier.
#[component]
fn Tiers() -> impl IntoView {
    let state = AppState::expect();
    let edition = Memo::new(move |_| state.scenario.with(|s| s.edition));
    let rows = move || {
        state.scenario.with(|s| {
            Metric::ALL
                .into_iter()
                .filter_map(|m| {
                    let v = s.baseline.value(m)?;
                    let j = judge(s.edition, m, v);
                    Some(view! {
                        <tr>
                            <th scope="row">{m.name()}</th>
                            <td>{Measure::Baseline(m).describe(v, s.baseline.units())}</td>
                            <td>{j.label}</td>
                            <td>{j.basis}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };
    let caption = Signal::derive(move || {
        format!(
            "Baseline against DORA's {} tiers (historical)",
            edition.get().year()
        )
    });
    view! {
        <Table class="report__table" caption columns=&["Metric", "Baseline", "Tier", "Judged against"]>
            {rows}
        </Table>
        <p class="footnote">{move || edition.get().source_note()}</p>
    }
}
