//! The one way summary tables are drawn: a caption (screen readers announce
//! it as the table's name), a header row of column names, and the rows the
//! caller renders, each starting with its row header.

use leptos::prelude::*;

/// A captioned table with column headers.
#[component]
pub fn Table(
    /// CSS class of the `<table>`.
    class: &'static str,
    /// What the table shows; its accessible name.
    caption: impl IntoView + 'static,
    /// Column names, left to right.
    columns: &'static [&'static str],
    /// The body rows.
    children: Children,
) -> impl IntoView {
    view! {
        <table class=class>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {columns
                        .iter()
                        .map(|c| view! { <th scope="col">{*c}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
