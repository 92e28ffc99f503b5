//! Focus that must not fall to `<body>`: when a panel redraws itself (Run becomes Cancel, Cancel
//! becomes the result, Watch becomes Stop), the button that had focus is gone and the browser
//! drops focus to the page, so a keyboard or screen-reader reader starts again from the top.

use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// For a panel that redraws whenever `redrawn` changes (it reads a signal): the panel's
/// `node_ref`, whose focus is kept in it after every redraw.
pub fn use_kept_focus(redrawn: impl Fn() + 'static) -> NodeRef<Section> {
    let panel = NodeRef::<Section>::new();
    Effect::new(move |_| {
        redrawn();
        if let Some(panel) = panel.get_untracked() {
            keep_focus_in(panel.into());
        }
    });
    panel
}

/// After the next frame (when the redraw is on screen), if focus was lost, puts it on the first
/// control left in `panel`, or on the panel itself.
fn keep_focus_in(panel: Element) {
    request_animation_frame(move || {
        let lost = document().active_element().is_none_or(|active| {
            !active.is_connected() || Some(&active) == document().body().as_deref()
        });
        if !lost {
            return;
        }
        let target = panel
            .query_selector("button:not([hidden]), a[href], input")
            .ok()
            .flatten()
            .unwrap_or(panel);
        if let Ok(target) = target.dyn_into::<HtmlElement>() {
            let _ = target.focus();
        }
    });
}
