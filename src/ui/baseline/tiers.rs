//! DORA's historical tiers (2021–2024 editions): each metric classified on
//! its own under the chosen edition, the profile stated, never averaged;
//! and the seed's judgement of churn, defect escape and availability.

use leptos::prelude::*;

use crate::model::dora::{self, Provenance};
use crate::model::entry;
use crate::model::units::format_number;
use crate::model::wording::judge;
use crate::model::{Edition, Metric, TierVerdict};
use crate::ui::field::{Choice, Field};
use crate::ui::state::AppState;
use crate::ui::table::Table;
use crate::ui::tier::TierBadge;

fn edition_label(e: Edition) -> &'static str {
    match e {
        Edition::Y2021 => "2021 report",
        Edition::Y2022 => "2022 report (no Elite tier; secondary)",
        Edition::Y2023 => "2023 report (partly secondary)",
        Edition::Y2024 => "2024 report (last with tiers; secondary)",
    }
}

/// The edition picker, its source, the profile, a card per DORA metric and
/// the quality table.
#[component]
pub fn Tiers() -> impl IntoView {
    let state = AppState::expect();
    let edition = Signal::derive(move || state.scenario.with(|s| s.edition));
    let tiers = Memo::new(move |_| state.scenario.with(|s| s.baseline.tiers(s.edition)));
    view! {
        <div class="results">
            <p class="footnote">
                "DORA published tiers up to its 2024 report; they remain a useful historical lens. Choose them as the lens above to judge goals, the report and the workshop by them."
            </p>
            <div class="results__edition">
                <Field id="edition" label="DORA report edition">
                    <Choice
                        options=Edition::ALL.map(|e| (e, edition_label(e).to_string())).to_vec()
                        selected=edition
                        on_change=Callback::new(move |e| state.edit(|s| s.edition = e))
                    />
                </Field>
                <p class="results__source">
                    {move || {
                        let e = edition.get();
                        let badge = match e.provenance() {
                            Provenance::Primary => None,
                            Provenance::ElitePrimary => Some("Partly secondary"),
                            Provenance::Secondary => Some("Secondary source"),
                        };
                        view! {
                            {badge.map(|b| view! { <span class="badge badge--caution">{b}</span> " " })}
                            <span>{format!("Classified with the {} edition. ", e.year())}</span>
                            <span>{e.source_note()}</span>
                        }
                    }}
                </p>
            </div>
            <p class="results__profile" aria-live="polite">
                <strong>"Profile: "</strong>
                {move || dora::profile_summary(&tiers.get())}
            </p>
            <ul class="metric-cards">
                {Metric::DORA
                    .into_iter()
                    .map(|metric| {
                        let verdict = Signal::derive(move || {
                            tiers.with(|t| t.iter().find(|(m, _)| *m == metric).and_then(|(_, v)| *v))
                        });
                        view! { <MetricCard metric verdict edition /> }
                    })
                    .collect_view()}
            </ul>
            <p class="footnote">
                "A value between two published ranges takes the lower tier; a range the report gives to several tiers is shown as a span."
            </p>
            <OtherMetrics />
        </div>
    }
}

/// One metric's card: its value as typed, its tier and the tier's range.
#[component]
fn MetricCard(
    /// The metric shown.
    metric: Metric,
    /// Its tier under the edition, if the edition has tiers for it.
    #[prop(into)]
    verdict: Signal<Option<TierVerdict>>,
    /// The edition classifying it.
    #[prop(into)]
    edition: Signal<Edition>,
) -> impl IntoView {
    let state = AppState::expect();
    let title_id = format!("card-{}", metric.key());
    let labelled_by = title_id.clone();
    let value = move || {
        state.scenario.with(|s| {
            s.baseline.value(metric).map_or_else(
                || "—".to_string(),
                |v| s.baseline.units().describe(metric, v),
            )
        })
    };
    view! {
        <li class="metric-card" aria-labelledby=labelled_by>
            <h3 class="metric-card__title" id=title_id>{metric.name()}</h3>
            <p class="metric-card__value">{value}</p>
            <div class="metric-card__tier">
                {move || match verdict.get() {
                    Some(v) => view! { <TierBadge verdict=v /> }.into_any(),
                    None => view! {
                        <span class="tier tier--none">{format!("No tiers in {}", edition.get().year())}</span>
                    }
                        .into_any(),
                }}
            </div>
            <p class="metric-card__range">
                {move || {
                    let v = verdict.get()?;
                    let legend = dora::ranges(edition.get(), metric);
                    let label = v.label();
                    let text = legend.iter().find(|(t, _)| *t == label).map(|(_, r)| *r)?;
                    Some(if v.beyond_range {
                        format!("Worse than the worst published range ({text}).")
                    } else {
                        format!("{label}: {text}.")
                    })
                }}
            </p>
        </li>
    }
}

/// Churn, defect escape and availability, judged as every screen judges
/// them (`model::wording::judge`).
#[component]
fn OtherMetrics() -> impl IntoView {
    let state = AppState::expect();
    let rows = [
        Metric::CodeChurn,
        Metric::DefectEscapeRate,
        Metric::Availability,
    ]
    .into_iter()
    .map(|metric| {
        let cells = move || {
            state
                .scenario
                .with(|s| match entry::amount(&s.baseline, metric) {
                    None => ("Not entered".to_string(), "—".to_string()),
                    Some(v) => {
                        let j = judge(s.edition, metric, v);
                        (
                            format!("{}%", format_number(v, 3)),
                            format!("{} ({})", j.label, j.basis),
                        )
                    }
                })
        };
        view! {
            <tr>
                <th scope="row">{metric.name()}</th>
                <td>{move || cells().0}</td>
                <td>{move || cells().1}</td>
            </tr>
        }
    })
    .collect_view();
    view! {
        <Table class="other-metrics" caption="Quality and reliability" columns=&["Metric", "Value", "Assessment"]>
            {rows}
        </Table>
    }
}
