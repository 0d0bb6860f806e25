//! A team's 2025 scores against one peer group: every indicator's score,
//! the peers' mean ± sd, about which percentile, in words, with a small
//! strip chart of the same numbers and a note wherever a figure was turned
//! round or corrected from DORA's published data.

use leptos::prelude::*;

use crate::chart::strip::{strip, HEIGHT, WIDTH};
use crate::model::standing::{group_words, GroupStandings, Standing, APPROXIMATE_NOTE};
use crate::ui::table::Table;

/// The scores against one peer group, as a table with strips.
#[component]
pub fn ScoreTable(
    /// The group and the team's standing on each indicator.
    standings: GroupStandings,
) -> impl IntoView {
    let caption = format!(
        "DORA 2025 scores (0–10) against {}",
        group_words(standings.group)
    );
    let mut notes: Vec<&'static str> = standings
        .rows
        .iter()
        .filter_map(|s| s.peers.adjustment.note())
        .collect();
    notes.dedup();
    notes.push(APPROXIMATE_NOTE);
    let rows = standings
        .rows
        .into_iter()
        .map(|s| view! { <ScoreRow standing=s /> })
        .collect_view();
    view! {
        <Table
            class="scores"
            caption
            columns=&["Score", "You", "Peers (mean ± sd)", "Among peers", "Against the peers' spread"]
        >
            {rows}
        </Table>
        <ul class="footnote scores__notes">
            {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
        </ul>
    }
}

/// One indicator's row.
#[component]
fn ScoreRow(standing: Standing) -> impl IntoView {
    let s = standing;
    let geo = strip(s.score, s.peers.mean, s.peers.sd);
    let corrected = s.peers.adjustment.is_correction().then_some(" (corrected)");
    view! {
        <tr class=format!("scores__row scores__row--{}", s.indicator.key())>
            <th scope="row">{s.indicator.name()}</th>
            <td>{format!("{:.1}", s.score)}</td>
            <td>{s.peers_words()}{corrected}</td>
            <td>{format!("{}, {}", s.versus(), s.percentile_words())}</td>
            <td>
                <svg
                    class="strip"
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    width=WIDTH
                    height=HEIGHT
                    aria-hidden="true"
                >
                    <line class="strip__scale" x1="6" x2=WIDTH - 6.0 y1=HEIGHT / 2.0 y2=HEIGHT / 2.0></line>
                    <rect class="strip__band" x=geo.band_x y="4" width=geo.band_width height=HEIGHT - 8.0></rect>
                    <line class="strip__mean" x1=geo.mean_x x2=geo.mean_x y1="2" y2=HEIGHT - 2.0></line>
                    <circle class="strip__score" cx=geo.score_x cy=HEIGHT / 2.0 r="5"></circle>
                </svg>
            </td>
        </tr>
    }
}
