//! What bad time costs: an optional amount per bad minute (time-based) or
//! per failed request (request-based), in a currency the user names. With
//! it, the budget, what was spent and each incident show as money.

use leptos::prelude::*;

use crate::model::slo::{parse_currency, Cost, COST_RULE, DEFAULT_CURRENCY, MAX_CURRENCY_CHARS};
use crate::ui::field::{Field, NumberInput, TextInput};
use crate::ui::state::AppState;

/// The cost and its currency.
#[component]
pub fn CostFields() -> impl IntoView {
    let state = AppState::expect();
    let method = Memo::new(move |_| state.scenario.with(|s| s.slo.method));
    let cost = Memo::new(move |_| state.scenario.with(|s| s.slo.cost.clone()));
    // A currency typed before any amount waits here: the model keeps a
    // currency only with a cost.
    let pending = RwSignal::new(DEFAULT_CURRENCY.to_string());
    let currency = Signal::derive(move || {
        cost.with(|c| c.as_ref().map(|c| c.currency.clone()))
            .unwrap_or_else(|| pending.get())
    });
    let amount = Signal::derive(move || cost.with(|c| c.as_ref().map(|c| c.amount)));
    let label = Signal::derive(move || format!("Cost {}", Cost::unit(method.get())));
    let set_amount = Callback::new(move |v: Option<f64>| {
        let currency = currency.get_untracked();
        state.edit(|s| s.slo.cost = v.map(|amount| Cost { amount, currency }));
    });
    let set_currency = Callback::new(move |c: String| {
        pending.set(c.clone());
        if cost.with_untracked(Option::is_some) {
            state.edit(|s| {
                if let Some(cost) = &mut s.slo.cost {
                    cost.currency = c;
                }
            });
        }
    });
    view! {
        <div class="budget__cost">
            <Field
                id="slo-cost"
                label=label
                optional=true
                hint="What an outage costs you: with it, the budget and each incident are shown in money. Leave empty to count in time only."
            >
                <NumberInput value=amount rule=COST_RULE optional=true on_change=set_amount />
            </Field>
            <Field id="slo-currency" label="Currency" hint="A code such as EUR or a symbol such as €.">
                <TextInput
                    value=currency
                    max_chars=MAX_CURRENCY_CHARS
                    parse=parse_currency
                    on_change=set_currency
                />
            </Field>
        </div>
    }
}
