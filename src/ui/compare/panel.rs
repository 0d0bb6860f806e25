//! A comparison table in its own panel, and a difference in words: the
//! pieces every Compare section is made of.

use leptos::prelude::*;

use crate::model::compare::Change;
use crate::model::comparison::difference_words;
use crate::ui::compare::Compared;
use crate::ui::table::Table;

/// A difference against the reference, in words, with a CSS hook for the
/// mark before it (which repeats the word, never replaces it).
pub(super) fn difference(
    change: Option<Change>,
    reference: &str,
    detail: Option<&str>,
) -> impl IntoView {
    change.map(|c| {
        view! {
            <span class=format!("compare__diff compare__diff--{}", c.key())>
                {difference_words(c, reference, detail)}
            </span>
        }
    })
}

/// A table in its own panel: one row per measure (the rows are the
/// children), one column per scenario, the reference first and marked,
/// then an optional note.
#[component]
pub(super) fn ComparisonPanel(
    /// Id of the panel's heading.
    id: &'static str,
    /// The panel's heading.
    title: &'static str,
    /// The table's caption, its accessible name.
    #[prop(into)]
    caption: Signal<String>,
    /// The row headers' column title.
    first: &'static str,
    /// The compared scenarios.
    compared: Compared,
    /// Shown under the table.
    #[prop(optional, into)]
    note: ViewFn,
    children: Children,
) -> impl IntoView {
    let columns = Signal::derive(move || {
        let mut names = vec![first.to_string()];
        compared.headers.with(|h| {
            names.extend(h.iter().enumerate().map(|(i, l)| {
                if i == 0 {
                    format!("{l} (reference)")
                } else {
                    l.clone()
                }
            }));
        });
        names
    });
    view! {
        <section class="panel compare__section" aria-labelledby=id>
            <h2 class="panel__title" id=id>{title}</h2>
            <Table class="report__table compare__table" caption columns>
                {children()}
            </Table>
            {note.run()}
        </section>
    }
}
