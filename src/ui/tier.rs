//! A DORA tier in words and colour, wherever a metric is judged (the
//! Baseline screen, the workshop's room view).

use leptos::prelude::*;

use crate::model::dora::TierVerdict;

/// A tier named in words and colour.
#[component]
pub fn TierBadge(
    /// The verdict to show.
    verdict: TierVerdict,
) -> impl IntoView {
    let class = if verdict.is_single() {
        format!("tier tier--{}", verdict.best.key())
    } else {
        "tier tier--shared".to_string()
    };
    let suffix = verdict.beyond_range.then_some(" (beyond range)");
    view! {
        <span class=class>
            <span class="visually-hidden">"Tier: "</span>
            {verdict.label()}
            {suffix}
        </span>
    }
}
