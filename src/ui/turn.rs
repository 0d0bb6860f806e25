//! Giving the browser a turn in the middle of long work (reading a large
//! export, running one team's simulation after another), so the page
//! keeps painting and answering input.

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
