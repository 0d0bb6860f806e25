//! Code splitting: views whose code is fetched the first time they are shown.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

/// Declares `async fn $name(args) -> Result<$ret, SplitLoaderError>`. With
/// the `split` feature the body's code goes into its own WebAssembly chunk
/// `$chunk`, fetched the first time the function is called, so code most
/// visits never need stays out of the first load; without it the body runs
/// in place.
macro_rules! split_fn {
    ($vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty as $chunk:ident $body:block) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, ::wasm_split_helpers::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, ::wasm_split_helpers::SplitLoaderError> {
            Ok($body)
        }
    };
}

/// Declares `$name()`, a future of `<$component />` as a view, split into
/// the chunk `$chunk` (see [`split_fn`]).
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
