//! The spread across teams: one dot per team per metric on DORA's 0–10
//! scale, the peers' band behind, and below it the counts of teams in each
//! tier and the median team — counts and medians of teams, never an
//! organisation score.

use leptos::prelude::*;

use crate::chart::dots::{dots, frame, DotRow};
use crate::chart::{ticks, Tick};
use crate::model::benchmarks::{figure, Indicator, PeerGroup};
use crate::model::quick_check;
use crate::model::teams::rows::TEAM_METRICS;
use crate::model::teams::spread::NOTE;
use crate::model::units::format_number;
use crate::ui::charts::frame::{ChartFrame, ChartSize};
use crate::ui::state::AppState;
use crate::ui::team_set::{SpreadCounts, TeamsState};

/// The dot plot and its table of counts and medians.
#[component]
pub fn Spreads(teams: TeamsState) -> impl IntoView {
    let state = AppState::expect();
    let size = ChartSize::new(frame(TEAM_METRICS.len()));
    let names = Memo::new(move |_| {
        teams
            .teams
            .with(|t| t.teams().iter().map(|t| t.name.clone()).collect::<Vec<_>>())
    });
    let rows = Memo::new(move |_| {
        let peers = state.scenario.with(|s| {
            s.peers
                .groups()
                .first()
                .copied()
                .unwrap_or(PeerGroup::EVERYONE)
        });
        teams.teams.with(|t| {
            TEAM_METRICS
                .iter()
                .map(|&m| {
                    let p = Indicator::from_metric(m).map(|i| figure(peers, i));
                    DotRow {
                        scores: t
                            .teams()
                            .iter()
                            .map(|team| {
                                team.scenario
                                    .baseline
                                    .value(m)
                                    .and_then(|v| quick_check::score(m, v))
                            })
                            .collect(),
                        peer_mean: p.map_or(f64::NAN, |p| p.mean),
                        peer_sd: p.map_or(0.0, |p| p.sd),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let geometry = Memo::new(move |_| rows.with(|r| dots(r, size.frame().get())));
    let x_ticks =
        Signal::derive(move || geometry.with(|g| ticks(&g.x_ticks, |v| format_number(v, 0))));
    let y_ticks = Signal::derive(move || {
        geometry.with(|g| {
            g.y_ticks
                .iter()
                .zip(TEAM_METRICS)
                .map(|(&(at, _), m)| Tick {
                    at,
                    label: m.name().to_string(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel teams__spread" aria-labelledby="teams-spread-heading">
            <h2 class="panel__title" id="teams-spread-heading">"How the teams spread"</h2>
            <p class="footnote">{NOTE}</p>
            <ChartFrame
                id="teams-spread"
                title="Each team's 2025 score on each metric, against its peers"
                summary="Dot plot: one dot per team on each metric's 0–10 score, the peers' mean ± one standard deviation as a band behind. The table below gives the counts and medians."
                size
                x_ticks
                y_ticks
                x_title="DORA 2025 score (0–10, higher is better)"
                y_title=""
                legend=|| view! {
                    <span class="legend legend--peers">"Peers: mean ± one standard deviation"</span>
                    <span class="legend legend--team">"One team"</span>
                }
                file="flywheel-teams-spread"
            >
                {move || {
                    geometry
                        .get()
                        .rows
                        .into_iter()
                        .map(|r| {
                            let dots = r
                                .dots
                                .iter()
                                .map(|&(i, x, y)| {
                                    let name = names.with(|n| n.get(i).cloned().unwrap_or_default());
                                    view! { <circle class="dot" cx=x cy=y r="5"><title>{name}</title></circle> }
                                })
                                .collect_view();
                            view! {
                                <rect class="dot__band" x=r.band_x y=r.y - 14.0 width=r.band_width height="28"></rect>
                                <line class="dot__mean" x1=r.mean_x x2=r.mean_x y1=r.y - 16.0 y2=r.y + 16.0></line>
                                {dots}
                            }
                        })
                        .collect_view()
                }}
            </ChartFrame>
            <SpreadCounts teams class="teams__counts" />
        </section>
    }
}
