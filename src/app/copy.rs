//! Copy buttons in markup the page did not build itself (node bodies, the report panel): a
//! button's `data-copy` names the element whose text it copies (an input's value, else its
//! text), and without one it copies the code block before it. What happened is said on the
//! button, or by `report` when the button carries the message to say (`data-done`).

use super::browser::language::t;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Handles a click that may be on a copy button; `report` is told the button's message.
pub fn on_click(event: &leptos::ev::MouseEvent, report: impl Fn(String) + 'static) {
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest(".copy-code, [data-copy]").ok().flatten())
    else {
        return;
    };
    let source = match button.get_attribute("data-copy") {
        Some(id) => document().get_element_by_id(&id),
        None => button.previous_element_sibling(),
    };
    let text = source
        .map(
            |source| match source.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(input) => input.value(),
                None => source.text_content().unwrap_or_default(),
            },
        )
        .unwrap_or_default();
    let done = button.get_attribute("data-done");
    leptos::task::spawn_local(async move {
        let copied = JsFuture::from(window().navigator().clipboard().write_text(&text)).await;
        match (copied.is_ok(), done) {
            (true, Some(done)) => report(done),
            (true, None) => button.set_text_content(Some(t(Msg::Copied))),
            (false, _) => report(t(Msg::CopyRefused).into()),
        }
    });
}
