//! Code splitting: views whose code is fetched the first time they are shown.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

/// Declares `$name()`, a future of `<$component />` as a view. With the
/// `split` feature the component's code goes into its own WebAssembly chunk
/// `$chunk`, fetched the first time it is shown, so the landing screen loads
/// within the size budget; without it the view is built in place.
macro_rules! split_view {
    ($name:ident, $chunk:ident, $component:ident) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        fn $name() -> Result<::leptos::prelude::AnyView, ::wasm_split_helpers::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any(
                ::leptos::view! { <$component /> },
            ))
        }

        #[cfg(not(feature = "split"))]
        async fn $name(
        ) -> Result<::leptos::prelude::AnyView, ::wasm_split_helpers::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any(
                ::leptos::view! { <$component /> },
            ))
        }
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
                        view! {
                            <p class="status__message status__message--error" role="alert">
                                "This part of Flywheel could not be loaded. Check the connection and reload the page; your work is saved."
                            </p>
                        }
                            .into_any()
                    })
            })}
        </Suspense>
    }
}
