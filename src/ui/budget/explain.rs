//! Beside the alert table, what it means at this SLO with the user's own
//! numbers: a burn rate and the time to exhaustion it gives (either one
//! entered, the other derived), thresholds this SLO can never reach with
//! the nearest one that can, and where low traffic lets a few failed
//! requests page someone.

use leptos::prelude::*;

use crate::model::slo::{
    alert_table, from_burn_rate, from_exhaustion, low_traffic, BurnExhaustion, Reach,
    BURN_RATE_RULE, EXHAUSTION_HOURS_RULE,
};
use crate::ui::field::{Field, NumberInput, Suffix};
use crate::ui::state::AppState;

/// Which of the pair the user entered last.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Entered {
    BurnRate(f64),
    /// Time to exhaustion, hours.
    Hours(f64),
}

/// The explanations for a `days`-day window.
#[component]
pub fn Explanations(
    /// The window's length in days.
    #[prop(into)]
    days: Signal<u32>,
    /// Whether each row of the alert table can fire at this SLO.
    #[prop(into)]
    reach: Signal<Vec<Reach>>,
) -> impl IntoView {
    let state = AppState::expect();
    // Nothing entered: the table's fastest alert, the 1-hour page.
    let entered = RwSignal::new(None::<Entered>);
    let shown = Memo::new(move |_| {
        entered.get().unwrap_or_else(|| {
            Entered::BurnRate(alert_table(days.get()).first().map_or(1.0, |a| a.factor))
        })
    });
    let result = Memo::new(move |_| {
        let days = days.get();
        state.scenario.with(|s| match shown.get() {
            Entered::BurnRate(r) => from_burn_rate(&s.slo, days, r),
            Entered::Hours(h) => from_exhaustion(&s.slo, days, h * 60.0),
        })
    });
    let derived = move || result.with(|r| r.as_ref().ok().cloned());
    let rate_value = Signal::derive(move || match shown.get() {
        Entered::BurnRate(r) => Some(r),
        Entered::Hours(_) => derived().map(|b: BurnExhaustion| b.burn_rate),
    });
    let hours_value = Signal::derive(move || match shown.get() {
        Entered::Hours(h) => Some(h),
        Entered::BurnRate(_) => derived().map(|b: BurnExhaustion| b.exhaustion_minutes / 60.0),
    });
    let message_if = move |rate: bool| {
        Signal::derive(move || {
            let mine = matches!(shown.get(), Entered::BurnRate(_)) == rate;
            mine.then(|| result.with(|r| r.as_ref().err().cloned()))
                .flatten()
        })
    };
    let sentence = move || derived().map(|b| b.sentence);
    let unreachable = move || {
        reach
            .get()
            .into_iter()
            .filter_map(|r| r.message)
            .map(|m| view! { <li class="budget__warning">{m}</li> })
            .collect_view()
    };
    let low = move || {
        let days = days.get();
        state
            .scenario
            .with(|s| low_traffic(&s.slo, days))
            .into_iter()
            .map(|l| view! { <li class="budget__warning">{l.message}</li> })
            .collect_view()
    };
    view! {
        <aside class="budget__explain" aria-labelledby="explain-title">
            <h3 class="budget__subtitle" id="explain-title">"What the table means here"</h3>
            <div class="budget__burn">
                <Field id="burn-rate" label="Burn rate" message=message_if(true) hint="How many times faster than the SLO allows the budget is being spent.">
                    <NumberInput
                        value=rate_value
                        rule=BURN_RATE_RULE
                        optional=true
                        on_change=Callback::new(move |v: Option<f64>| entered.set(v.map(Entered::BurnRate)))
                    />
                    <Suffix text="×" />
                </Field>
                <Field id="burn-exhaustion" label="Time to exhaustion" message=message_if(false) hint="Or enter how soon the whole budget would be gone.">
                    <NumberInput
                        value=hours_value
                        rule=EXHAUSTION_HOURS_RULE
                        optional=true
                        on_change=Callback::new(move |v: Option<f64>| entered.set(v.map(Entered::Hours)))
                    />
                    <Suffix text="hours" />
                </Field>
            </div>
            <p class="budget__sentence" id="burn-sentence" aria-live="polite">{sentence}</p>
            <ul class="budget__warnings" aria-label="Thresholds and traffic">
                {unreachable}
                {low}
            </ul>
        </aside>
    }
}
