//! Figures: a term and its value, in one list view shared by every panel
//! of the screen.

use leptos::prelude::*;

/// One figure: a term and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    term: &'static str,
    value: String,
    id: Option<&'static str>,
    main: bool,
}

impl Figure {
    /// A figure among others.
    pub fn new(term: &'static str, value: String) -> Figure {
        Figure {
            term,
            value,
            id: None,
            main: false,
        }
    }

    /// The panel's main figure, across the whole row, with an element id.
    pub fn main(term: &'static str, value: String, id: &'static str) -> Figure {
        Figure {
            term,
            value,
            id: Some(id),
            main: true,
        }
    }
}

/// A list of figures, rendered from data so every list shares one view.
#[component]
pub fn Figures(
    /// The figures, in order.
    #[prop(into)]
    items: Signal<Vec<Figure>>,
) -> impl IntoView {
    view! {
        <dl class="figures">
            {move || {
                items
                    .get()
                    .into_iter()
                    .map(|f| {
                        view! {
                            <div class="figures__item" class:figures__item--main=f.main>
                                <dt>{f.term}</dt>
                                <dd id=f.id>{f.value}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}
