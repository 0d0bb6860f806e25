//! A choice the user must make before work is replaced: a titled panel
//! announced as an alert dialog, with a primary and a quiet secondary
//! action.

use leptos::prelude::*;

#[component]
pub fn Prompt(
    /// The element id of the title (the dialog is labelled by it).
    id: &'static str,
    title: &'static str,
    text: String,
    primary: &'static str,
    on_primary: Callback<()>,
    secondary: &'static str,
    on_secondary: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="panel link-prompt" role="alertdialog" aria-labelledby=id>
            <h2 class="panel__title" id=id>{title}</h2>
            <p>{text}</p>
            <button type="button" class="button" on:click=move |_| on_primary.run(())>
                {primary}
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| on_secondary.run(())>
                {secondary}
            </button>
        </section>
    }
}
