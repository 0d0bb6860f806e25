//! A DORA tier shown the one way every screen shows it: named in words, in
//! its colour, with "beyond range" said when the value lies past the worst
//! published range.

use leptos::prelude::*;

use crate::model::TierVerdict;

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
