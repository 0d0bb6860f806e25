//! The room's presentation: keys a presentation clicker sends (Page Up and
//! Down, arrows) and the space bar move between steps; while the workshop
//! is shown it has the window to itself; and it goes full screen on
//! request.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Go;
use crate::model::workshop::Step;
use crate::ui::state::AppState;

/// Moves between steps on the keys a clicker sends, except where they edit
/// a field or press the focused control, for as long as the calling
/// component lives.
pub(super) fn listen(go: Go) {
    let state = AppState::expect();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target.as_ref().map(|e| e.tag_name()).unwrap_or_default();
        // A checkbox takes no arrow, Home or End key, so the room's keys
        // still move the steps after one is ticked; only the space bar
        // presses it.
        let toggle = tag == "INPUT"
            && target
                .as_ref()
                .and_then(|e| e.get_attribute("type"))
                .is_some_and(|t| t.eq_ignore_ascii_case("checkbox"));
        if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") && !toggle {
            return;
        }
        let presses = toggle || matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        let key = ev.key();
        let to = state.scenario.try_with_untracked(|s| {
            let w = &s.workshop;
            match key.as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" => Some(w.next_step(w.step)),
                "ArrowLeft" | "ArrowUp" | "PageUp" => Some(w.previous_step(w.step)),
                " " if !presses && ev.shift_key() => Some(w.previous_step(w.step)),
                " " if !presses => Some(w.next_step(w.step)),
                "Home" => Some(Some(w.first_step())),
                "End" => Some(Some(Step::Commit)),
                _ => None,
            }
        });
        // A step key, even at either end of the walk.
        if let Some(to) = to.flatten() {
            ev.prevent_default();
            // The screen's callback, only while the screen lives: a key
            // pressed as it is torn down does nothing.
            go.try_run(to);
        }
    });
    on_cleanup(move || keys.remove());
}

/// The room sees the workshop alone: the app's header and footer step aside
/// for as long as the calling component lives.
pub(super) fn present() {
    let root = || web_sys::window().and_then(|w| w.document()?.document_element());
    if let Some(r) = root() {
        let _ = r.class_list().add_1("presenting");
    }
    on_cleanup(move || {
        if let Some(r) = root() {
            let _ = r.class_list().remove_1("presenting");
        }
    });
}

/// Enters full screen, or leaves it.
pub(super) fn full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}
