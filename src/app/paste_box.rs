//! Paste to diagnose: an error page, response headers or log lines go in (typed, pasted, or a
//! HAR or log file dropped or chosen), and out come the gateway, the cause, the request ids and
//! the exact lines that show them, with a link to the guidance for that cause. The guide's
//! worker reads the text or the file (see [`crate::jobs`]), in the browser: it is never sent
//! anywhere, and a large file never freezes the page.

use super::alert::alert_html;
use super::browser::language::{self, t};
use super::walk_link::is_plain_click;
use super::{Wizard, browser::worker, location, tree};
use crate::engine::Walk;
use crate::html::Html;
use crate::i18n::{Lang, Msg};
use crate::jobs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Blob, Element};

/// The box: markup that never changes, so it is written once rather than built as a view.
fn paste_box_html() -> String {
    let mut html = Html::default();
    html.raw(r#"<details class="paste"><summary>"#)
        .text(t(Msg::PasteSummary))
        .raw(r#"</summary><form><label for="paste-text">"#)
        .text(t(Msg::PasteLabel))
        .raw(r#"</label><textarea id="paste-text" rows="6" spellcheck="false"></textarea><label class="paste-file" for="paste-file">"#)
        .text(t(Msg::PasteFile))
        .raw(r#"</label><input type="file" id="paste-file" accept=".har,.log,.txt,.json,text/*,application/json"><p class="hint">"#)
        .text(t(Msg::PastePrivate))
        .raw(r#"</p><button type="submit">"#)
        .text(t(Msg::ReadIt))
        .raw(r#"</button></form><div class="paste-progress"></div><div class="paste-result" aria-live="polite"></div></details>"#);
    html.into_string()
}

#[component]
pub fn PasteBox() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(found) = box_of(&event) else {
            return;
        };
        if is_busy(&found) {
            return;
        }
        let text = found
            .query_selector("textarea")
            .ok()
            .flatten()
            .and_then(|area| area.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default();
        // Text goes to the worker as a file does, so that one path reads both.
        let sequence = js_sys::Array::of1(&text.into());
        if let Ok(blob) = Blob::new_with_str_sequence(&sequence) {
            super::deferred::read_paste(found, blob);
        }
    };
    // The findings link to steps of the guide: a plain click follows them in place, as answers
    // are; with a modifier key the browser opens them elsewhere.
    let follow = move |event: leptos::ev::MouseEvent| {
        if !is_plain_click(&event) {
            return;
        }
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest(".paste-result a[href^='?']").ok().flatten());
        if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
            event.prevent_default();
            // A finding may lead anywhere in the tree, which its first parts may not hold.
            super::browser::tree_store::when_whole(Box::new(move || {
                wizard.follow(Walk::from_query(tree(), &href).0);
            }));
        }
    };
    listen_for_files();
    view! { <div class="paste-box" inner_html=paste_box_html() on:submit=submit on:click=follow></div> }
}

/// Listens, once for the page, for the three events a file comes to a paste box by. One
/// listener on the document for all three costs the page's wasm less than three on the box.
fn listen_for_files() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(take_file);
    let document = leptos::prelude::document();
    for event in ["change", "dragover", "drop"] {
        let _ = document.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    // It listens as long as the page lives.
    listener.forget();
}

/// A file chosen (`change`) or dropped (`drop`) is read; one dragged over the box (`dragover`)
/// may be dropped on it.
fn take_file(event: web_sys::Event) {
    let Some(found) = box_of(&event) else {
        return;
    };
    let files = match event.dyn_ref::<web_sys::DragEvent>() {
        Some(drag) => {
            event.prevent_default();
            drag.data_transfer().and_then(|data| data.files())
        }
        None => event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files()),
    };
    if event.type_() == "dragover" {
        return;
    }
    if let Some(file) = files.and_then(|files| files.get(0)) {
        super::deferred::read_paste(found, file.into());
    }
}

/// The `<details>` box an event happened in.
fn box_of(event: &web_sys::Event) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest("details.paste").ok().flatten()
}

/// Whether the box is reading already (its button says so).
fn is_busy(found: &Element) -> bool {
    found
        .query_selector("button[aria-disabled=true]")
        .ok()
        .flatten()
        .is_some()
}

/// Reads what was given and shows its findings in the box's result, the button saying it is
/// busy meanwhile. The button stays focusable (`aria-disabled`, not `disabled`, which would
/// drop the reader's focus to the page), and the progress shows outside the live region, so
/// that only the findings are read out, once.
pub(super) fn read(found: Element, given: Blob) {
    let _ = found.set_attribute("open", "");
    let button = found.query_selector("button").ok().flatten();
    let progress = found.query_selector(".paste-progress").ok().flatten();
    let result = found.query_selector(".paste-result").ok().flatten();
    let busy = move |busy: bool| {
        if let Some(button) = &button {
            button.set_text_content(Some(t(if busy { Msg::Reading } else { Msg::ReadIt })));
            let _ = button.set_attribute("aria-disabled", if busy { "true" } else { "false" });
        }
    };
    busy(true);
    spawn_local(async move {
        let findings = findings(given, progress.as_ref()).await;
        busy(false);
        if let Some(progress) = progress {
            progress.set_inner_html("");
        }
        let html = findings.unwrap_or_else(alert_html);
        if let Some(result) = result {
            result.set_inner_html(&html);
        }
    });
}

/// What the worker found in `given`, as HTML, or why it could not read it. The worker fetches
/// what it reads with, checks the size and writes the progress, which shows in `progress`.
async fn findings(given: Blob, progress: Option<&Element>) -> Result<String, &'static str> {
    let query = location::search();
    // The worker writes the findings in the page's language, with its words' files.
    let lang = match language::lang() {
        Lang::En => "",
        lang => lang.name(),
    };
    let answer =
        worker::ask_file(jobs::PASTE_FILE, &given, &[&query, lang], progress.cloned()).await;
    answer
        .ok()
        .and_then(|mut answer| answer.pop())
        .ok_or(t(Msg::PasteNoReader))
}
