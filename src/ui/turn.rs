//! Giving the browser a turn in the middle of long work (reading a large
//! export, running one team's simulation after another), so the page
//! keeps painting and answering input; and showing a screen's first
//! figures before the parts below them are built.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Resolves after the browser has had a turn: a zero timeout, after which
/// pending input, rendering and other tasks have run.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted: a frame callback runs just
/// before the paint, and a task it queues runs after it. A hidden tab
/// paints no frames, so work waits until the tab is shown again.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let queue = window.clone();
        let on_frame = Closure::once_into_js(move || {
            let _ = queue.set_timeout_with_callback(&resolve);
        });
        if window
            .request_animation_frame(on_frame.unchecked_ref())
            .is_err()
        {
            // A window always takes frame callbacks; were one ever
            // refused, the work would go on at once rather than never.
            let _ = window.set_timeout_with_callback(on_frame.unchecked_ref());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Its children, built once the browser has painted what came before
/// them ([`after_paint`]): the parts of a screen below its first chart,
/// so a link opened cold shows that chart without waiting for the tables
/// and sections under it (and the code they need compiled).
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        let _ = painted.try_set(true);
    });
    move || painted.get().then(|| children())
}
