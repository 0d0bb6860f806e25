//! Slow work over a list, shown as each item finishes: the results are a
//! `Memo` over the inputs and the results finished so far, so what a
//! screen shows is derived like everything else; only the work itself is
//! scheduled, one item per browser task after a paint, so the page shows
//! "Simulating…" and answers clicks and keys between items instead of
//! freezing until the last one is done.
//!
//! Compare runs one scenario per column through it; a screen of many teams
//! runs one team per item the same way. Finished results are kept (up to a
//! count) in signals owned by whoever created the [`Finished`] — the app's
//! state, for results that should outlast a visit to the screen.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::turn::after_paint;

/// Results of work on inputs of type `K`, kept by input.
pub struct Finished<K: 'static, V: 'static> {
    done: RwSignal<Vec<(Arc<K>, Arc<V>)>>,
    keep: usize,
}

impl<K, V> Clone for Finished<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for Finished<K, V> {}

impl<K, V> Finished<K, V>
where
    K: PartialEq + Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    /// Keeps about `keep` results: when more finish, the oldest no longer
    /// asked for goes (results still asked for are never dropped).
    pub fn new(keep: usize) -> Finished<K, V> {
        Finished {
            done: RwSignal::new(Vec::new()),
            keep,
        }
    }

    /// The result for `key`, once its work has finished.
    pub fn get(self, key: &K) -> Option<Arc<V>> {
        self.done
            .with(|d| d.iter().find(|(k, _)| **k == *key).map(|(_, v)| v.clone()))
    }

    fn insert(self, key: Arc<K>, value: V, wanted: &[Arc<K>]) {
        self.done.update(|d| {
            if d.len() >= self.keep {
                if let Some(i) = d.iter().position(|(k, _)| !wanted.contains(k)) {
                    d.remove(i);
                }
            }
            d.push((key, Arc::new(value)));
        });
    }

    /// The results for `inputs`, in their order, each `None` until its
    /// work has finished. Missing results are worked out one at a time, in
    /// order, each after the browser has painted; the work stops when the
    /// calling component is gone, and what was finished stays kept.
    pub fn follow(
        self,
        inputs: Memo<Vec<Arc<K>>>,
        work: impl Fn(&K) -> V + 'static,
    ) -> Memo<Vec<Option<Arc<V>>>> {
        // A result is the same result when it is the same allocation: no
        // need to compare (possibly large) results value by value.
        let results = Memo::new_with_compare(
            move |_| inputs.with(|keys| keys.iter().map(|k| self.get(k)).collect()),
            |old: Option<&Vec<Option<Arc<V>>>>, new: Option<&Vec<Option<Arc<V>>>>| {
                let same = |a: &Option<Arc<V>>, b: &Option<Arc<V>>| match (a, b) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                };
                match (old, new) {
                    (Some(old), Some(new)) => {
                        old.len() != new.len() || !old.iter().zip(new).all(|(a, b)| same(a, b))
                    }
                    _ => true,
                }
            },
        );
        // The first input without a result: the next piece of work.
        let next = Memo::new(move |_| {
            inputs.with(|keys| keys.iter().find(|k| self.get(k).is_none()).cloned())
        });
        let busy = StoredValue::new(false);
        let work = Rc::new(work);
        // Starts the worker when there is work and none is running; it
        // takes every next item until there are none, so this only ever
        // starts one.
        Effect::new(move || {
            if next.with(Option::is_none) || busy.get_value() {
                return;
            }
            busy.set_value(true);
            let work = work.clone();
            leptos::task::spawn_local(async move {
                loop {
                    after_paint().await;
                    // Gone with its component, or nothing left to do.
                    let Some(Some(key)) = next.try_get_untracked() else {
                        break;
                    };
                    let value = work(&key);
                    let wanted = inputs.try_get_untracked().unwrap_or_default();
                    self.insert(key, value, &wanted);
                }
                let _ = busy.try_set_value(false);
            });
        });
        results
    }
}
