//! A choice the user must make before work is replaced: a titled panel
//! announced as an alert dialog, with one primary and quieter other actions.

use leptos::prelude::*;

#[component]
pub fn Prompt(
    /// The element id of the title (the dialog is labelled by it).
    id: &'static str,
    title: &'static str,
    text: String,
    /// The choices, the first being the primary one.
    actions: Vec<(&'static str, Callback<()>)>,
) -> impl IntoView {
    view! {
        <section class="panel link-prompt" role="alertdialog" aria-labelledby=id>
            <h2 class="panel__title" id=id>{title}</h2>
            <p>{text}</p>
            {actions
                .into_iter()
                .enumerate()
                .map(|(i, (label, action))| {
                    let class = if i == 0 { "button" } else { "button button--quiet" };
                    view! {
                        <button type="button" class=class on:click=move |_| action.run(())>
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </section>
    }
}
