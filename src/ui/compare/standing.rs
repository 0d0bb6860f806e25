//! Where each compared scenario stands, metric by metric, read through the
//! reference's lens (`LensView`): DORA's 2025 scores against its peers,
//! with the historical tiers beside them, or the historical tiers of its
//! edition. Every difference is judged by the value first; a tier that
//! moves against the value says why (`TierMove`).

use leptos::prelude::*;

use crate::model::benchmarks::Indicator;
use crate::model::compare::{change, metric_change, tier_change, Change, Direction};
use crate::model::comparison::percent_words;
use crate::model::goals::Measure;
use crate::model::scenario::seed_assessment;
use crate::model::standing::lens::{Lens, LensView, MetricStanding};
use crate::model::standing::{TeamScores, APPROXIMATE_NOTE};
use crate::model::wording::{judge, TierMove};
use crate::model::{Metric, Scenario};
use crate::ui::compare::panel::{difference, ComparisonPanel};
use crate::ui::compare::Compared;

/// "High tier", or the seed's judgement ("Healthy") for metrics DORA does
/// not tier; nothing when neither judges it.
fn judged(lens: LensView, metric: Metric, value: f64) -> Option<String> {
    let j = judge(lens.edition, metric, value);
    match (j.tier, lens.lens) {
        (Some(_), Lens::Tiers) => Some(format!("{} tier", j.label)),
        (Some(_), Lens::Scores2025) => Some(format!(
            "{} tier (DORA {}, historical)",
            j.label,
            lens.edition.year()
        )),
        (None, _) => seed_assessment(metric, value).map(|_| j.label),
    }
}

/// The cell of metric `m` for scenario `s`, compared with the reference `r`
/// (none for the reference itself).
fn cell(lens: LensView, m: Metric, s: &Scenario, r: Option<(&Scenario, &str)>) -> AnyView {
    let Some(v) = s.baseline.value(m) else {
        return view! { <td>"Not entered"</td> }.into_any();
    };
    let standing = lens.standing(&s.baseline, m);
    let score = match &standing {
        Some(found @ MetricStanding::Score { .. }) => Some(found.words()),
        _ => None,
    };
    let compared = r.and_then(|(r, name)| Some((r, r.baseline.value(m)?, name)));
    let (diff, why) = compared.map_or((None, None), |(r, rv, name)| {
        let tiers = TierMove::new(lens.edition, m, rv, v);
        let mut detail: Vec<String> = percent_words(rv, v).into_iter().collect();
        if tier_change(tiers.from_tier, tiers.to_tier).is_some_and(|c| c != Change::Same) {
            if let Some(t) = tiers.from_tier {
                detail.push(format!("tier was {}", t.label()));
            }
        }
        if lens.lens == Lens::Scores2025
            && lens
                .change(&r.baseline, &s.baseline, m)
                .is_some_and(|c| c != Change::Same)
        {
            if let Some(MetricStanding::Score { score, .. }) = lens.standing(&r.baseline, m) {
                detail.push(format!("score was {score:.1} of 10"));
            }
        }
        let detail = (!detail.is_empty()).then(|| detail.join("; "));
        let diff = difference(
            metric_change(m.higher_is_better(), rv, v),
            name,
            detail.as_deref(),
        );
        (Some(diff), tiers.explanation())
    });
    view! {
        <td>
            <span class="compare__value">{Measure::Baseline(m).describe(v, s.baseline.units())}</span>
            {score.map(|t| view! { <span class="compare__tier">{t}</span> })}
            {judged(lens, m, v).map(|t| view! { <span class="compare__tier">{t}</span> })}
            {diff}
            {why.map(|w| view! { <span class="compare__why">{w}</span> })}
        </td>
    }
    .into_any()
}

/// The overall 2025 score of each scenario, under the scores lens.
fn overall_row(list: &[std::sync::Arc<Scenario>], reference: &str) -> impl IntoView {
    let overall = |s: &Scenario| TeamScores::of(&s.baseline).map(|t| t.get(Indicator::Overall));
    let first = list.first().and_then(|s| overall(s));
    let cells = list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let v = overall(s);
            // Scores show to one decimal: closer than that reads the same.
            let diff = first.zip(v).filter(|_| i > 0).map(|(r, v)| {
                let was = format!("score was {r:.1} of 10");
                difference(
                    change(Direction::HigherIsBetter, r, v, 0.05),
                    reference,
                    Some(&was),
                )
            });
            view! {
                <td>
                    <span class="compare__value">
                        {v.map_or_else(|| "No score".to_string(), |v| format!("{v:.1} of 10"))}
                    </span>
                    {diff}
                </td>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{Indicator::Overall.name()}</th>
            {cells}
        </tr>
    }
}

/// Each metric's value and standing across the scenarios.
#[component]
pub(super) fn Standing(compared: Compared) -> impl IntoView {
    let scenarios = compared.scenarios;
    // Every column is read through the reference's lens, so they compare
    // like with like.
    let lens = Memo::new(move |_| {
        scenarios.with(|s| {
            s.first()
                .map(|s| LensView::of(s))
                .unwrap_or_else(|| LensView::of(&Scenario::default()))
        })
    });
    let rows = move || {
        let reference = compared.reference();
        let lens = lens.get();
        scenarios.with(|list| {
            let team = view! {
                <tr>
                    <th scope="row">"Team"</th>
                    {list.iter().map(|s| view! { <td>{s.team.clone()}</td> }).collect_view()}
                </tr>
            };
            let overall = (lens.lens == Lens::Scores2025).then(|| overall_row(list, &reference));
            let metrics = Metric::ALL
                .into_iter()
                .filter(|&m| list.iter().any(|s| s.baseline.value(m).is_some()))
                .map(|m| {
                    let first = list.first().map(|s| (&**s, reference.as_str()));
                    let cells = list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| cell(lens, m, s, first.filter(|_| i > 0)))
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{m.name()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            (team, overall, metrics)
        })
    };
    let caption = Signal::derive(move || {
        let lens = lens.get();
        let read = match lens.lens {
            Lens::Tiers => lens.name(),
            Lens::Scores2025 => format!(
                "{} against {}, with DORA's {} tiers (historical)",
                lens.name(),
                lens.peers.describe(),
                lens.edition.year()
            ),
        };
        format!(
            "Baseline and {read}, each compared with {}",
            compared.reference()
        )
    });
    let note = move || {
        let lens = lens.get();
        let approximate = (lens.lens == Lens::Scores2025).then_some(APPROXIMATE_NOTE);
        view! {
            <p class="footnote">
                {format!(
                    "Every scenario is read {}, the reference's lens, so they compare like with like; a difference is judged by the value first.",
                    lens.phrase(),
                )}
                {approximate.map(|a| format!(" {a}"))}
            </p>
        }
    };
    view! {
        <ComparisonPanel id="compare-baseline" title="Where each stands" caption first="Metric" compared note>
            {rows}
        </ComparisonPanel>
    }
}
