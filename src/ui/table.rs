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

/// Which column a sortable table is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sorted {
    /// The column's position.
    pub column: usize,
    pub descending: bool,
}

/// Makes a table's headings buttons that sort it.
#[derive(Clone, Copy)]
pub struct Sorting {
    /// The current sort.
    pub sorted: Signal<Sorted>,
    /// Receives the position of the heading pressed.
    pub on_sort: Callback<usize>,
}

/// A heading: a button when the table sorts, with `aria-sort` on the
/// sorted column.
fn heading(i: usize, name: String, sorting: Option<Sorting>) -> AnyView {
    match sorting {
        None => view! { <th scope="col">{name}</th> }.into_any(),
        Some(s) => {
            let aria = move || {
                let now = s.sorted.get();
                (now.column == i).then_some(if now.descending {
                    "descending"
                } else {
                    "ascending"
                })
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="table__sort" on:click=move |_| s.on_sort.run(i)>
                        {name}
                    </button>
                </th>
            }
            .into_any()
        }
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
    /// Sortable headings, when the table sorts.
    #[prop(optional)]
    sorting: Option<Sorting>,
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
                                .enumerate()
                                .map(|(i, c)| heading(i, c, sorting))
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
