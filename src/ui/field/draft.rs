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
    /// The text typed, and the version of the value it was typed against.
    typed: RwSignal<Option<(String, u64)>>,
    /// The value shown and how many times it has changed: text typed
    /// against one value is not shown again when the value comes back
    /// (goal A, then B, then A again).
    version: StoredValue<Option<Memo<(T, u64)>>>,
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
            version: StoredValue::new(None),
        }
    }

    /// The value's version, counted from the first time it is read.
    fn versioned(self, value: Signal<T>) -> Memo<(T, u64)> {
        if let Some(m) = self.version.get_value() {
            return m;
        }
        let m = Memo::new(move |prev: Option<&(T, u64)>| {
            let now = value.get();
            let n = match prev {
                Some((was, n)) if *was == now => *n,
                Some((_, n)) => n.wrapping_add(1),
                None => 0,
            };
            (now, n)
        });
        self.version.set_value(Some(m));
        m
    }

    /// The text to show: the draft while `value` has not changed since it
    /// was typed, otherwise `format(value)`.
    pub fn shown(
        self,
        value: Signal<T>,
        format: impl Fn(&T) -> String + Copy + Send + Sync + 'static,
    ) -> Signal<String> {
        let typed = self.typed;
        let version = self.versioned(value);
        Signal::derive(move || {
            version.with(|(current, n)| {
                typed
                    .with(|t| match t {
                        Some((text, at)) if at == n => Some(text.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| format(current))
            })
        })
    }

    /// Records `text` as typed; call after passing any valid value on, so
    /// the draft is tied to the model value that resulted.
    pub fn typed(self, text: String, value: Signal<T>) {
        let n = self.versioned(value).with_untracked(|(_, n)| *n);
        self.typed.set(Some((text, n)));
    }
}
