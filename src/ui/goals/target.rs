//! A goal's metric and target: the metric picked, another measure's name,
//! unit, baseline and direction, the baseline read from the Baseline
//! screen, and the target typed in the unit the baseline is shown in, with
//! a unit picker bound to that same setting.

use leptos::prelude::*;

use super::GoalEdit;
use crate::model::goals::smart::target_message;
use crate::model::goals::{
    parse_goal_text, Goal, Measure, MeasureChoice, MetricTarget, BETTER_IS, MAX_TEXT_CHARS,
};
use crate::model::units::Units;
use crate::ui::field::{Choice, Field, NumberInput, Suffix, TextInput};
use crate::ui::state::AppState;

/// The metric picker and, once a metric is picked, the target's fields.
#[component]
pub(super) fn TargetFields(
    /// Edits the goal shown.
    edit: GoalEdit,
    /// The goal shown.
    goal: Memo<Goal>,
) -> impl IntoView {
    let state = AppState::expect();
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let target = Memo::new(move |_| goal.with(|g| g.target.clone()));
    let choice = Memo::new(move |_| target.with(|t| MeasureChoice::of(t.as_ref())));
    let measure = Memo::new(move |_| target.with(|t| t.as_ref().map(|t| t.measure.clone())));
    let options: Vec<(MeasureChoice, String)> = MeasureChoice::all()
        .into_iter()
        .map(|c| (c, c.name().to_string()))
        .collect();
    let set_choice = Callback::new(move |c: MeasureChoice| {
        let baseline = state.scenario.with_untracked(|s| s.baseline.clone());
        edit.apply(|g| g.target = MetricTarget::default_for(c, &baseline));
    });
    let baseline_line = move || {
        state.scenario.with(|s| {
            target.with(|t| {
                let t = t.as_ref()?;
                Some(match (t.measure.baseline(&s.baseline), &t.measure) {
                    (Some(b), Measure::Baseline(_)) => format!(
                        "Baseline: {} (from the Baseline screen)",
                        t.measure.describe(b, units.get())
                    ),
                    (Some(b), Measure::Custom { .. }) => {
                        format!("Baseline: {}", t.measure.describe(b, units.get()))
                    }
                    (None, _) => format!(
                        "Baseline: {} is not entered on the Baseline screen.",
                        t.measure.name()
                    ),
                })
            })
        })
    };
    let message = Signal::derive(move || {
        state.scenario.with(|s| {
            target.with(|t| {
                t.as_ref()
                    .and_then(|t| target_message(&t.measure, &s.baseline, t.target))
            })
        })
    });
    let hint = Signal::derive(move || {
        measure.with(|m| {
            Some(
                match m {
                    Some(Measure::Baseline(metric)) if !units.get().choices(*metric).is_empty() => {
                        "In the unit the Baseline screen shows it in. Pick another unit here and every screen shows the baseline in it; no value changes."
                    }
                    Some(Measure::Baseline(_)) => "A percentage, as on the Baseline screen.",
                    _ => "In the measure's own unit.",
                }
                .to_string(),
            )
        })
    });
    let value = Signal::derive(move || target.with(|t| t.as_ref().map(|t| t.target)));
    let set_target = Callback::new(move |v: Option<f64>| {
        if let Some(v) = v {
            edit.apply(|g| {
                if let Some(t) = g.target.as_mut() {
                    t.target = v;
                }
            });
        }
    });
    let measure: Signal<Option<Measure>> = measure.into();
    view! {
        <fieldset class="form__group">
            <legend class="form__legend">"Metric and target"</legend>
            <Field id="goal-metric" label="Metric">
                <Choice options selected=choice on_change=set_choice />
            </Field>
            <Show when=move || choice.get() == MeasureChoice::Other>
                <CustomMeasure edit target />
            </Show>
            <Show when=move || choice.get() != MeasureChoice::None>
                <p class="goal-form__baseline">{baseline_line}</p>
                <Field id="goal-target" label="Target" hint message>
                    <Amount measure value on_change=set_target />
                    <UnitPicker measure id="goal-target-unit" aria_label="Target unit" />
                </Field>
            </Show>
        </fieldset>
    }
}

/// Another measure's name, unit, starting value and direction.
#[component]
fn CustomMeasure(
    /// Edits the goal shown.
    edit: GoalEdit,
    /// The goal's target.
    target: Memo<Option<MetricTarget>>,
) -> impl IntoView {
    let custom = Memo::new(move |_| {
        target.with(|t| match t.as_ref().map(|t| &t.measure) {
            Some(Measure::Custom {
                name,
                unit,
                baseline,
                higher_is_better,
            }) => (name.clone(), unit.clone(), *baseline, *higher_is_better),
            _ => (String::new(), String::new(), 0.0, false),
        })
    });
    let name = Memo::new(move |_| custom.with(|c| c.0.clone()));
    let unit = Memo::new(move |_| custom.with(|c| c.1.clone()));
    let baseline = Memo::new(move |_| custom.with(|c| Some(c.2)));
    let higher = Memo::new(move |_| custom.with(|c| c.3));
    let rule = Measure::example_custom().number_rule(Units::default());
    let directions: Vec<(bool, String)> = BETTER_IS
        .iter()
        .map(|(v, n)| (*v, (*n).to_string()))
        .collect();
    view! {
        <Field id="goal-measure-name" label="Measure name">
            <TextInput
                value=name
                max_chars=MAX_TEXT_CHARS
                parse=parse_goal_text
                class="field__input--full"
                on_change=Callback::new(move |v| change_custom(edit, |n, _, _, _| *n = v))
            />
        </Field>
        <Field id="goal-measure-unit" label="Measure unit">
            <TextInput
                value=unit
                max_chars=MAX_TEXT_CHARS
                parse=parse_goal_text
                on_change=Callback::new(move |v| change_custom(edit, |_, u, _, _| *u = v))
            />
        </Field>
        <Field id="goal-measure-baseline" label="Measure baseline">
            <NumberInput
                value=baseline
                rule
                on_change=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        change_custom(edit, |_, _, b, _| *b = v);
                    }
                })
            />
            <Suffix text=unit />
        </Field>
        <Field id="goal-measure-direction" label="Better is">
            <Choice
                options=directions
                selected=higher
                on_change=Callback::new(move |v| change_custom(edit, |_, _, _, h| *h = v))
            />
        </Field>
    }
}

/// Changes the goal's other measure (name, unit, baseline, whether higher
/// is better), if it still has one.
fn change_custom(edit: GoalEdit, f: impl FnOnce(&mut String, &mut String, &mut f64, &mut bool)) {
    edit.apply(|g| {
        if let Some(MetricTarget {
            measure:
                Measure::Custom {
                    name,
                    unit,
                    baseline,
                    higher_is_better,
                },
            ..
        }) = g.target.as_mut()
        {
            f(name, unit, baseline, higher_is_better);
        }
    });
}

/// A quantity of `measure` typed in the unit it is shown in, under the
/// measure's rule for that unit; `value` and `on_change` are canonical.
#[component]
pub(super) fn Amount(
    /// What the quantity measures.
    measure: Signal<Option<Measure>>,
    /// The value, canonical (`None`: empty).
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Receives each valid value, canonical.
    on_change: Callback<Option<f64>>,
    /// Whether the box may be left empty.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let rule = Memo::new(move |_| measure.with(|m| m.as_ref().map(|m| m.number_rule(units.get()))));
    let shown = Signal::derive(move || {
        let v = value.get()?;
        measure.with(|m| m.as_ref().map(|m| m.to_display(v, units.get())))
    });
    let changed = Callback::new(move |v: Option<f64>| {
        let canonical = v.and_then(|v| {
            measure.with_untracked(|m| m.as_ref().map(|m| m.from_display(v, units.get_untracked())))
        });
        on_change.run(canonical);
    });
    // The rule is a property of the box: a new unit or measure brings a
    // new box (never a new goal, whose values the same box follows).
    move || {
        rule.get().map(|rule| {
            view! { <NumberInput value=shown rule optional on_change=changed /> }
        })
    }
}

/// The unit a quantity is shown in: a picker over the units its metric can
/// be shown in (bound to the Baseline screen's setting, so choosing one
/// shows the baseline in it everywhere), or the unit named when there is
/// one only.
#[component]
pub(super) fn UnitPicker(
    /// What the quantity measures.
    measure: Signal<Option<Measure>>,
    /// The picker's element id.
    id: &'static str,
    /// The picker's accessible name.
    aria_label: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let units = Memo::new(move |_| state.scenario.with(|s| s.baseline.units()));
    let choices = Memo::new(move |_| {
        let units = units.get();
        measure
            .with(|m| m.as_ref().and_then(Measure::metric))
            .map(|m| {
                units
                    .choices(m)
                    .into_iter()
                    .map(|(u, n)| (u, n.to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let has_choices = Memo::new(move |_| choices.with(|c| !c.is_empty()));
    let label = Signal::derive(move || {
        measure.with(|m| {
            m.as_ref()
                .map(|m| m.display_unit(units.get()).0)
                .unwrap_or_default()
        })
    });
    let choose = Callback::new(move |u: Units| state.edit(|s| s.set_units(u)));
    move || {
        if has_choices.get() {
            view! { <Choice options=choices selected=units on_change=choose id aria_label /> }
                .into_any()
        } else {
            view! { <Suffix text=label /> }.into_any()
        }
    }
}
