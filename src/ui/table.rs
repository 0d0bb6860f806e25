//! The one way tables are drawn: a caption (screen readers announce it as
//! the table's name), a header row of column names, and the rows the caller
//! renders, each starting with its row header. The table scrolls inside its
//! own box, so a wide table never widens the page on a phone; the box is
//! focusable and named after the caption, so keyboard users can scroll it.

use leptos::prelude::*;

/// Column names, left to right: fixed, or following a signal when the
/// columns are data themselves (Compare's columns are the scenarios
/// compared).
#[derive(Clone, Debug, PartialEq)]
pub struct Columns(pub Signal<Vec<String>>);

impl From<&[&str]> for Columns {
    fn from(names: &[&str]) -> Columns {
        Columns::from(names.iter().map(|n| (*n).to_string()).collect::<Vec<_>>())
    }
}

impl<const N: usize> From<&[&str; N]> for Columns {
    fn from(names: &[&str; N]) -> Columns {
        Columns::from(&names[..])
    }
}

impl From<Vec<String>> for Columns {
    fn from(names: Vec<String>) -> Columns {
        Columns(Signal::stored(names))
    }
}

impl From<Signal<Vec<String>>> for Columns {
    fn from(names: Signal<Vec<String>>) -> Columns {
        Columns(names)
    }
}

/// A captioned table with column headers, scrolling in its own box.
#[component]
pub fn Table(
    /// CSS class of the `<table>`.
    #[prop(optional)]
    class: &'static str,
    /// What the table shows: its caption and accessible name.
    #[prop(into)]
    caption: Signal<String>,
    /// Column names, left to right.
    #[prop(into)]
    columns: Columns,
    /// The body rows.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=move || caption.get()>
            <table class=format!("table {class}")>
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>
                        {move || {
                            columns
                                .0
                                .get()
                                .into_iter()
                                .map(|c| view! { <th scope="col">{c}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
