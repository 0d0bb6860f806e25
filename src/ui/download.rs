//! Offering files for download: the only way Flywheel hands data out of
//! the page, and always to the user's own disk.

use wasm_bindgen::JsCast;

/// Offers `text` to the browser as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let saved = save_url(&url, name);
    web_sys::Url::revoke_object_url(&url).ok()?;
    saved
}

/// Offers what `url` holds (a blob or data URL) as a download named `name`.
pub fn save_url(url: &str, name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Some(())
}
