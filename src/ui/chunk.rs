//! Code splitting: views whose code is fetched the first time they are shown.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

/// Declares `$name()`, a future of `<$component />` as a view, split into
/// the chunk `$chunk` (see `split_fn!` in `crate::split`).
macro_rules! split_view {
    ($name:ident, $chunk:ident, $component:ident) => {
        split_fn!(fn $name() -> ::leptos::prelude::AnyView as $chunk {
            ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$component /> })
        });
    };
}

/// Shows a split view once its chunk has loaded, and says so plainly when
/// it cannot be fetched (offline before the first visit, or a deploy
/// replaced it) instead of leaving a blank page.
pub fn on_demand(
    view: impl Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
) -> impl IntoView {
    let view = SendWrapper::new(view);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {Suspend::new(async move {
                view.await
                    .unwrap_or_else(|_| {
                        alert(
                            "This part of Flywheel could not be loaded. Check the connection and reload the page; your work is saved.",
                        )
                    })
            })}
        </Suspense>
    }
}

/// A part of the page that could not be shown, and why, in place of it.
pub fn alert(why: impl Into<String>) -> AnyView {
    let why: String = why.into();
    view! {
        <p class="status__message status__message--error" role="alert">
            {why}
        </p>
    }
    .into_any()
}
