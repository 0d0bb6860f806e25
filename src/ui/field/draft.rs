//! What a text box shows: the model's value, or the text the user is
//! typing while it still stands for that value.
//!
//! A control keeps the user's text (a half-typed "2.", or "abc" with its
//! error beside it) only as long as the model holds the value that text was
//! typed against. When the model's value changes for any other reason — the
//! user picked another goal, an import or a link replaced the scenario,
//! Undo restored it — the draft is dropped and the box shows the model's
//! value, so no field can show one item's text while editing another.

use leptos::prelude::*;

/// The text typed into a control and the model value it was typed against.
pub struct Draft<T: Clone + PartialEq + Send + Sync + 'static> {
    typed: RwSignal<Option<(String, T)>>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Copy for Draft<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Draft<T> {
    /// A draft for a control bound to `value`.
    pub fn new() -> Draft<T> {
        Draft {
            typed: RwSignal::new(None),
        }
    }

    /// The text to show: the draft while `value` is still what it was typed
    /// against, otherwise `format(value)`.
    pub fn shown(
        self,
        value: Signal<T>,
        format: impl Fn(&T) -> String + Copy + Send + Sync + 'static,
    ) -> Signal<String> {
        let typed = self.typed;
        Signal::derive(move || {
            let current = value.get();
            typed
                .with(|t| match t {
                    Some((text, at)) if *at == current => Some(text.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| format(&current))
        })
    }

    /// Records `text` as typed; call after passing any valid value on, so
    /// the draft is tied to the model value that resulted.
    pub fn typed(self, text: String, value: Signal<T>) {
        self.typed.set(Some((text, value.get_untracked())));
    }
}
