//! The map of every step (`?map`), for authors and help-desk agents: the outline the build wrote
//! (see [`crate::map`]), with a search box that keeps the steps whose title, id or answer labels
//! match, and the branches above them, in view.

use super::bodies::fetch_content;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement};

#[component]
pub fn TreeMap() -> impl IntoView {
    document().set_title("Map of every step · fix502");
    let outline = LocalResource::new(|| fetch_content("map.html"));
    let count = RwSignal::new(None::<u32>);
    let search = move |event: leptos::ev::Event| {
        // The browser's own lower-casing, which the page already carries.
        let typed = js_sys::JsString::from(event_target_value(&event)).to_lower_case();
        count.set(Some(filter(&String::from(typed))));
    };
    view! {
        <section class="map">
            <h1>"Map of every step"</h1>
            <p class="hint">"Each title opens the guide at that step. Open a branch to see where its answers lead."</p>
            <form class="map-search" role="search" on:submit=|event| event.prevent_default()>
                <label for="map-search">"Find a step by its title, id or answer"</label>
                <input id="map-search" type="search" spellcheck="false" on:input=search/>
            </form>
            <p class="map-count" role="status">{move || count.get().map(|n| match n {
                0 => "No step matches.".to_string(),
                1 => "1 step matches.".to_string(),
                n => format!("{n} steps match."),
            })}</p>
            {move || match outline.get() {
                None => view! { <p class="loading" aria-busy="true">"Loading…"</p> }.into_any(),
                Some(Ok(html)) => view! { <div class="map-outline" inner_html=html></div> }.into_any(),
                Some(Err(error)) => view! { <p class="load-error" role="alert">{error.to_string()}</p> }.into_any(),
            }}
        </section>
    }
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
    if query.trim().is_empty() {
        for element in &elements {
            element.remove_attribute("hidden").ok();
        }
        return elements
            .iter()
            .filter(|e| e.has_attribute("data-search"))
            .count() as u32;
    }
    for element in &elements {
        element.set_attribute("hidden", "").ok();
    }
    let mut matches = 0;
    for element in &elements {
        let text = element.get_attribute("data-search").unwrap_or_default();
        if !text.contains(query) {
            continue;
        }
        matches += 1;
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
