//! Reading a file the user chose: the only way a file comes into the page,
//! and always from the user's own disk, read in the browser.

use wasm_bindgen::JsCast;

/// The file chosen in the `<input type="file">` an event came from. The
/// input is emptied, so choosing the same file again is a new choice.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// The file's text (UTF-8), or `None` when the browser cannot read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}
