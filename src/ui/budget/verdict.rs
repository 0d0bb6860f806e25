//! Two small bindings the screen's forms need beside the shared field:
//! reading a field's verdict from outside it, and a message about a value
//! the model refused that lasts only while the model keeps the value it was
//! refused against.

use leptos::prelude::*;

use crate::ui::field::FieldInjection;

/// Whether a field's control shows text it refuses. A form whose values
/// are only used on submit (the add-incident form) must not act on the
/// last valid value while the box shows something else.
#[derive(Clone, Copy)]
pub struct Verdict(RwSignal<Option<Signal<bool>>>);

impl Default for Verdict {
    fn default() -> Self {
        Verdict(RwSignal::new(None))
    }
}

impl Verdict {
    pub fn new() -> Verdict {
        Verdict::default()
    }

    /// Ties this verdict to the enclosing field: place it among the
    /// field's children.
    pub fn watch(self) -> impl IntoView {
        if let Some(field) = FieldInjection::get() {
            self.0.set(Some(field.invalid()));
        }
    }

    /// Whether the field's control shows refused text now.
    pub fn refused(self) -> bool {
        self.0.get_untracked().is_some_and(|s| s.get_untracked())
    }
}

/// Why the model refused what a control showed, kept only while the model
/// still holds the value it was refused against (the rule
/// `ui/field/draft.rs` keeps for text): when the value changes for any
/// reason — a valid entry, an import — the message goes with it.
pub struct Refusal<T: Clone + PartialEq + Send + Sync + 'static>(RwSignal<Option<(String, T)>>);

impl<T: Clone + PartialEq + Send + Sync + 'static> Clone for Refusal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Copy for Refusal<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Default for Refusal<T> {
    fn default() -> Self {
        Refusal(RwSignal::new(None))
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Refusal<T> {
    pub fn new() -> Refusal<T> {
        Refusal::default()
    }

    /// Records `message` against the model's current `value`.
    pub fn refuse(self, message: String, value: T) {
        self.0.set(Some((message, value)));
    }

    /// Forgets the message (the control's value was accepted).
    pub fn clear(self) {
        self.0.set(None);
    }

    /// The message, while the model still holds `value`.
    pub fn message(self, value: Signal<T>) -> Signal<Option<String>> {
        let at = self.0;
        Signal::derive(move || {
            let current = value.get();
            at.with(|r| match r {
                Some((m, v)) if *v == current => Some(m.clone()),
                _ => None,
            })
        })
    }
}
