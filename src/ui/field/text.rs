//! Free text: a line or a box of it, length-capped by the model.

use leptos::prelude::*;

use super::draft::Draft;
use super::Binding;

/// The model's rule for a text: what to store, or why the text is refused.
pub type TextRule = fn(&str) -> Result<String, String>;

/// A one-line text box. `parse` is the model's rule: accepted text goes to
/// `on_change`; refused text stays on screen with the reason beside it.
#[component]
pub fn TextInput(
    /// The model's text.
    #[prop(into)]
    value: Signal<String>,
    /// The model's length limit, in characters (also the box's
    /// `maxlength`).
    max_chars: usize,
    /// The model's rule: the text to store, or why it is refused. Without
    /// one, any text up to `max_chars` is accepted as typed.
    #[prop(optional)]
    parse: Option<TextRule>,
    /// Receives accepted text.
    on_change: Callback<String>,
    /// Makes the control stand alone, with this accessible name.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The element id when standing alone.
    #[prop(optional, into)]
    id: Option<String>,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// Extra classes for the input.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let bind = Binding::new(aria_label, id);
    let draft = Draft::new();
    let shown = draft.shown(value, String::clone);
    let check = move |text: &str| match parse {
        Some(p) => p(text),
        None => Ok(text.to_string()),
    };
    bind.report(Signal::derive(move || shown.with(|t| check(t).err())));
    view! {
        <input
            id=bind.id
            class=format!("field__input {class}")
            type="text"
            autocomplete="off"
            maxlength=max_chars.to_string()
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            aria-label=bind.aria_label
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            prop:value=shown
            on:input=move |ev| {
                let text = event_target_value(&ev);
                if let Ok(t) = check(&text) {
                    on_change.run(t);
                }
                draft.typed(text, value);
            }
        />
    }
}

/// A box for pasting or writing several lines (links, CSV). Its text is the
/// caller's own signal: what is pasted is not model data until acted on.
#[component]
pub fn TextArea(
    /// The text, owned by the caller.
    text: RwSignal<String>,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// Longest text accepted, in characters.
    #[prop(optional)]
    max_chars: Option<usize>,
    /// Extra classes.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let bind = Binding::new(None, None);
    view! {
        <textarea
            id=bind.id
            class=format!("field__input field__textarea {class}")
            rows=rows
            spellcheck="false"
            autocomplete="off"
            maxlength=max_chars.map(|m| m.to_string())
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            aria-invalid=bind.aria_invalid
            aria-describedby=bind.described_by
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
    }
}
