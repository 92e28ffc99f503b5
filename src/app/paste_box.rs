//! Paste to diagnose: an error page, response headers or log lines go in, and out come the
//! gateway, the cause, the request ids and the exact lines that show them, with a link to the
//! guidance for that cause. The guide's worker reads the text (see [`crate::jobs`]), in the
//! browser: it is never sent anywhere.

use super::bodies::fetch_content;
use super::walk_link::is_plain_click;
use super::{Wizard, location, tree, tree_text, worker};
use crate::engine::Walk;
use crate::jobs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// The paste analyser's signatures, fetched from beside the app the first time a paste is
/// read, then kept (so a later paste reads offline too).
async fn signatures() -> Option<&'static str> {
    static SIGNATURES: OnceLock<String> = OnceLock::new();
    if let Some(text) = SIGNATURES.get() {
        return Some(text);
    }
    let text = fetch_content("signatures.txt").await.ok()?;
    Some(SIGNATURES.get_or_init(|| text))
}

/// The box: markup that never changes, so it is written once rather than built as a view.
const PASTE_BOX: &str = r#"<details class="paste"><summary>Have the error page, the response headers or a log line? Paste it</summary>
<form><label for="paste-text">Paste the error page, the response headers or a log line</label>
<textarea id="paste-text" rows="6" spellcheck="false"></textarea>
<p class="hint">This is read in your browser: what you paste never leaves this page.</p>
<button type="submit">Read it</button></form><div class="paste-result"></div></details>"#;

#[component]
pub fn PasteBox() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let read = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let find = |selector: &str| form.query_selector(selector).ok().flatten();
        let text = find("textarea")
            .and_then(|area| area.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default();
        let button = find("button");
        let result = form.next_element_sibling();
        let busy = move |busy: bool| {
            if let Some(button) = &button {
                button.set_text_content(Some(if busy { "Reading…" } else { "Read it" }));
                let _ = if busy {
                    button.set_attribute("disabled", "")
                } else {
                    button.remove_attribute("disabled")
                };
            }
        };
        busy(true);
        spawn_local(async move {
            let findings = match signatures().await {
                Some(signatures) => {
                    let query = location::search();
                    let job = [jobs::PASTE, &text, signatures, tree_text(), &query];
                    let answer = worker::ask(&job)
                        .await
                        .ok()
                        .and_then(|mut answer| answer.pop());
                    answer.ok_or(
                        "The paste could not be read: this browser did not let the guide start its reader. Reload the page and try again, or answer the questions instead.",
                    )
                }
                None => Err(
                    "The paste could not be read: the list of known errors did not load, so you may be offline. Try again in a moment, or answer the questions instead.",
                ),
            };
            busy(false);
            let html = findings
                .unwrap_or_else(|why| format!("<p class=\"load-error\" role=\"alert\">{why}</p>"));
            if let Some(result) = result {
                result.set_inner_html(&html);
            }
        });
    };
    // The findings link to steps of the guide: a plain click follows them in place, as answers
    // are; with a modifier key the browser opens them elsewhere.
    let follow = move |event: leptos::ev::MouseEvent| {
        if !is_plain_click(&event) {
            return;
        }
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest(".paste-result a[href^='?']").ok().flatten());
        if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
            event.prevent_default();
            wizard.follow(Walk::from_query(tree(), &href).0);
        }
    };
    view! { <div class="paste-box" inner_html=PASTE_BOX on:submit=read on:click=follow></div> }
}
