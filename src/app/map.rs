//! The map of every step (`?map`), for authors and help-desk agents: the outline the build wrote
//! (see [`crate::map`]), with a search box that keeps the steps whose title, id or answer labels
//! match, and the branches above them, in view. It is plain markup and one listener, not a
//! reactive view: the page only fetches it, shows it and filters it.

use super::alert::alert_html;
use super::browser::content_files::fetch_shared;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, HtmlDetailsElement, HtmlElement};

/// The map's page around the outline.
const PAGE: &str = r#"<section class="map"><h1 id="step-title" tabindex="-1">Map of every step</h1>
<p class="hint">Each title opens the guide at that step. Open a branch to see where its answers lead.</p>
<form class="map-search" role="search"><label for="map-search">Find a step by its title, id or answer</label>
<input id="map-search" type="search" spellcheck="false"></form>
<p class="map-count" role="status"></p>
<div class="map-outline"><p class="loading" aria-busy="true">Loading…</p></div></section>"#;

/// Shows the map in `root`. The app calls it through [`super::deferred::map`], which loads it.
pub fn show(root: &HtmlElement) {
    document().set_title("Map of every step · fix502");
    root.set_inner_html(PAGE);
    let on_input = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let typed = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        // The browser's own lower-casing, which the page already carries.
        let typed = String::from(js_sys::JsString::from(typed).to_lower_case());
        let count = filter(&typed);
        let said = match count {
            _ if typed.trim().is_empty() => String::new(),
            0 => "No step matches.".into(),
            1 => "1 step matches.".into(),
            n => format!("{n} steps match."),
        };
        if let Some(status) = document().query_selector(".map-count").ok().flatten() {
            status.set_text_content(Some(&said));
        }
    });
    if let Some(form) = document().query_selector(".map-search").ok().flatten() {
        let _ = form.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let stay = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default()
        });
        let _ = form.add_event_listener_with_callback("submit", stay.as_ref().unchecked_ref());
        stay.forget();
    }
    // The listeners live as long as the page.
    on_input.forget();
    // No Leptos owner runs on this page, so the future goes straight to the browser.
    wasm_bindgen_futures::spawn_local(async {
        let shown = match fetch_shared("map.html").await {
            Ok(html) => html,
            Err(error) => alert_html(&error.to_string()),
        };
        if let Some(outline) = document().query_selector(".map-outline").ok().flatten() {
            outline.set_inner_html(&shown);
        }
    });
}

/// Shows only the steps whose search text has `query` (all of them when it is empty), with the
/// branches that lead to them open; returns how many match.
fn filter(query: &str) -> u32 {
    let Ok(steps) = document().query_selector_all(".map-tree li") else {
        return 0;
    };
    let elements: Vec<Element> = (0..steps.length())
        .filter_map(|i| steps.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let query = query.trim();
    let mut matches = 0;
    for element in &elements {
        if query.is_empty() {
            element.remove_attribute("hidden").ok();
        } else {
            element.set_attribute("hidden", "").ok();
        }
    }
    for element in &elements {
        let Some(text) = element.get_attribute("data-search") else {
            continue;
        };
        if !text.contains(query) {
            continue;
        }
        matches += 1;
        if query.is_empty() {
            continue;
        }
        // The step, and every branch and step above it, come back into view.
        let mut at = Some(element.clone());
        while let Some(element) = at {
            if element.class_name() == "map-tree" {
                break;
            }
            element.remove_attribute("hidden").ok();
            if let Ok(details) = element.clone().dyn_into::<HtmlDetailsElement>() {
                details.set_open(true);
            }
            at = element.parent_element();
        }
    }
    matches
}
