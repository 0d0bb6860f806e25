//! Saving a chart as a standalone SVG or PNG file. The page styles charts
//! with classes and custom properties, which a file on its own would lose,
//! so the copy carries each element's computed paint and type as SVG
//! presentation attributes (not `style` attributes, which the page's
//! Content-Security-Policy rightly refuses), and the chart's title above
//! the drawing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::download::{download, save_url};

/// Width of a saved chart, in pixels; the height follows its view box.
const WIDTH: f64 = 1280.0;

/// Room above the drawing for the title, in the chart's own units.
const TITLE_BAND: f64 = 28.0;

/// The style properties that decide how a chart looks.
const PROPERTIES: [&str; 10] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
];

/// The SVG element inside the element with `id`, as standalone markup,
/// with its pixel height at [`WIDTH`].
fn standalone_svg(figure_id: &str) -> Option<(String, f64)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let svg = document
        .get_element_by_id(figure_id)?
        .query_selector("svg")
        .ok()??;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    for i in 0..originals.length() {
        let (Some(original), Some(target)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let original: web_sys::Element = original.dyn_into().ok()?;
        let target: web_sys::Element = target.dyn_into().ok()?;
        let Ok(Some(style)) = window.get_computed_style(&original) else {
            continue;
        };
        for p in PROPERTIES {
            if let Ok(value) = style.get_property_value(p) {
                if !value.is_empty() {
                    let _ = target.set_attribute(p, &value);
                }
            }
        }
    }
    let view_box: Vec<f64> = svg
        .get_attribute("viewBox")?
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let (w, h) = match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => return None,
    };
    // The title sits in a band above the drawing, in the file's own type.
    let title = document
        .get_element_by_id(figure_id)?
        .query_selector(".chart__title")
        .ok()
        .flatten()
        .and_then(|t| t.text_content())
        .unwrap_or_default();
    let band = if title.is_empty() { 0.0 } else { TITLE_BAND };
    if band > 0.0 {
        let text = document
            .create_element_ns(Some("http://www.w3.org/2000/svg"), "text")
            .ok()?;
        text.set_text_content(Some(&title));
        for (name, value) in [
            ("x", "0".to_string()),
            ("y", format!("{}", -band / 3.0)),
            ("font-size", "16".to_string()),
            ("font-weight", "600".to_string()),
            ("font-family", "system-ui, sans-serif".to_string()),
        ] {
            let _ = text.set_attribute(name, &value);
        }
        let _ = copy.insert_before(&text, copy.first_child().as_ref());
    }
    let _ = copy.set_attribute("viewBox", &format!("0 {} {w} {}", -band, h + band));
    let height = (WIDTH * (h + band) / w).round();
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &WIDTH.to_string());
    let _ = copy.set_attribute("height", &height.to_string());
    Some((copy.outer_html(), height))
}

/// "Save as SVG" and "Save as PNG" for the chart in the figure with id
/// `figure_id`, saved as `file`.svg and `file`.png.
#[component]
pub fn ChartExport(figure_id: String, #[prop(into)] file: Signal<String>) -> impl IntoView {
    let png_id = figure_id.clone();
    view! {
        <span class="chart__export">
            <button type="button" class="button button--quiet" on:click=move |_| {
                let _ = save_svg(&figure_id, &file.get_untracked());
            }>
                "Save as SVG"
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| {
                let _ = save_png(&png_id, &file.get_untracked());
            }>
                "Save as PNG"
            </button>
        </span>
    }
}

/// Saves the chart in the element `figure_id` as `name`.svg.
fn save_svg(figure_id: &str, name: &str) -> Option<()> {
    let (svg, _) = standalone_svg(figure_id)?;
    download(&format!("{name}.svg"), &svg, "image/svg+xml")
}

/// Saves the chart in the element `figure_id` as `name`.png, [`WIDTH`]
/// pixels wide.
fn save_png(figure_id: &str, name: &str) -> Option<()> {
    let (svg, height) = standalone_svg(figure_id)?;
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(WIDTH as u32);
    canvas.set_height(height as u32);
    let name = format!("{name}.png");
    let drawn = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(context) = context {
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, WIDTH, height);
            let _ = context
                .draw_image_with_html_image_element_and_dw_and_dh(&drawn, 0.0, 0.0, WIDTH, height);
            if let Ok(url) = canvas.to_data_url() {
                let _ = save_url(&url, &name);
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    ));
    Some(())
}
