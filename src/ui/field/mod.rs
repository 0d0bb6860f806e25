//! One field: a label, an optional hint, the validation message and the
//! control they describe, wired for assistive technology once.
//!
//! [`Field`] owns the label, the ids, the hint and the message, and
//! provides them to the control inside through [`FieldInjection`] (the shape
//! of thaw's `Field` and `FieldInjection`). A control never writes its own
//! `<label>` or error paragraph: it reads its id, `aria-describedby` and
//! `aria-invalid` from the field, and reports text it cannot accept, which
//! the field shows. Controls are controlled: they display the model's value
//! (see [`draft`]), so switching the item being edited can never leave
//! another item's text in a box.

mod choice;
mod date;
pub(crate) mod draft;
mod number;
mod radio;
mod range;
mod text;

use std::sync::Arc;

use leptos::prelude::*;

pub use choice::{Checkbox, Choice};
pub use date::{DateInput, DateTimeInput};
pub use number::NumberInput;
pub use radio::Radio;
pub use range::RangeInput;
pub use text::{TextArea, TextInput};

/// What a control inside a [`Field`] needs from it.
#[derive(Clone)]
pub struct FieldInjection {
    id: Arc<str>,
    hint: bool,
    /// The model's message about the value, if any.
    message: Signal<Option<String>>,
    /// The control's own verdict on the text it shows (text that is not a
    /// valid value), registered once by the control.
    control_message: RwSignal<Option<Signal<Option<String>>>>,
}

impl FieldInjection {
    /// The field around the calling control, if there is one.
    pub fn get() -> Option<FieldInjection> {
        use_context::<FieldInjection>()
    }

    /// The control's element id, which the label points at.
    pub fn id(&self) -> String {
        self.id.to_string()
    }

    fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// The message shown: the control's own first, then the model's.
    pub fn error(&self) -> Signal<Option<String>> {
        let (own, model) = (self.control_message, self.message);
        // A control re-mounted inside its field (a new unit brings a new
        // box) leaves its old verdict behind, disposed, until the new one
        // reports: a disposed verdict says nothing.
        Signal::derive(move || {
            own.get()
                .and_then(|m| m.try_get().flatten())
                .or_else(|| model.get())
        })
    }

    /// Whether the value shown is rejected.
    pub fn invalid(&self) -> Signal<bool> {
        let error = self.error();
        Signal::derive(move || error.with(Option::is_some))
    }

    /// `aria-invalid`: present only while the value is rejected.
    pub fn aria_invalid(&self) -> Signal<Option<&'static str>> {
        let invalid = self.invalid();
        Signal::derive(move || invalid.get().then_some("true"))
    }

    /// `aria-describedby`: the hint, and the message while there is one.
    pub fn described_by(&self) -> Signal<Option<String>> {
        let (hint, hint_id, error_id) = (self.hint, self.hint_id(), self.error_id());
        let invalid = self.invalid();
        Signal::derive(move || {
            let ids: Vec<&str> = [
                hint.then_some(hint_id.as_str()),
                invalid.get().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    }

    /// Registers the control's own verdict on the text it shows.
    pub fn report(&self, message: Signal<Option<String>>) {
        self.control_message.set(Some(message));
    }
}

/// The ids and state a control binds, whether or not it sits in a field:
/// alone (a secondary control such as a unit picker) it has its own id and
/// accessible name and no message.
#[derive(Clone)]
pub(crate) struct Binding {
    pub id: String,
    pub aria_label: Option<String>,
    pub described_by: Signal<Option<String>>,
    pub aria_invalid: Signal<Option<&'static str>>,
    field: Option<FieldInjection>,
}

impl Binding {
    /// Binds to the enclosing field, or stands alone when `aria_label` is
    /// given (then `id` names the control).
    pub fn new(aria_label: Option<String>, id: Option<String>) -> Binding {
        let field = FieldInjection::get();
        match (aria_label, field) {
            (None, Some(f)) => Binding {
                id: f.id(),
                aria_label: None,
                described_by: f.described_by(),
                aria_invalid: f.aria_invalid(),
                field: Some(f),
            },
            (label, _) => Binding {
                id: id.unwrap_or_default(),
                aria_label: label,
                described_by: Signal::derive(|| None),
                aria_invalid: Signal::derive(|| None),
                field: None,
            },
        }
    }

    /// Gives the field the control's verdict on the text it shows.
    pub fn report(&self, message: Signal<Option<String>>) {
        if let Some(f) = &self.field {
            f.report(message);
        }
    }
}

/// A labelled form field around one control.
#[component]
pub fn Field(
    /// The control's element id, which the label points at.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A short help text under the control.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The model's message about the value (a deadline in the past, a
    /// target on the wrong side), shown after the control's own.
    #[prop(optional, into)]
    message: MaybeProp<String>,
    /// Marks the label "(optional)".
    #[prop(optional)]
    optional: bool,
    /// Extra classes for the field's box.
    #[prop(optional)]
    class: &'static str,
    /// The control, and anything shown beside it (a unit, a badge).
    children: Children,
) -> impl IntoView {
    let has_hint = hint.with_untracked(Option::is_some);
    let injection = FieldInjection {
        id: Arc::from(id.as_str()),
        hint: has_hint,
        message: Signal::derive(move || message.get()),
        control_message: RwSignal::new(None),
    };
    let (hint_id, error_id) = (injection.hint_id(), injection.error_id());
    let invalid = injection.invalid();
    let error = injection.error();
    provide_context(injection);
    let class = format!("field {class}");
    view! {
        <div class=class class:field--invalid=move || invalid.get()>
            <label class="field__label" for=id>
                {move || label.get()}
                {optional.then(|| view! { <span class="field__optional">" (optional)"</span> })}
            </label>
            <div class="field__control">{children()}</div>
            {has_hint.then(|| view! { <p class="field__hint" id=hint_id>{move || hint.get()}</p> })}
            <p class="field__error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A unit or symbol shown after a control ("%", "hours").
#[component]
pub fn Suffix(
    /// The text.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <span class="field__suffix">{move || text.get()}</span> }
}
