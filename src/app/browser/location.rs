//! The walk in the address bar: read on start and on back/forward, written on every step, so
//! any step can be bookmarked, shared and resumed.

use crate::app::tree;
use crate::engine::{Problem, Walk};
use crate::linked_error::LinkedError;
use crate::query;
use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// The walk the current URL describes, and why it was cut short if it was.
pub fn read() -> (Walk, Option<Problem>) {
    Walk::from_query(tree(), &search())
}

/// Adds a history entry for `walk`, keeping the URL's other parameters.
pub fn push(walk: &Walk) {
    write(walk, |history, url| {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    });
}

/// Replaces the current history entry with `walk`.
pub fn replace(walk: &Walk) {
    write(walk, |history, url| {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    });
}

/// The link to `walk` from the current page, keeping the URL's other parameters.
pub fn href(walk: &Walk) -> String {
    link(walk.to_query(&search()))
}

/// The link to `walk` alone, without the current page's other parameters.
pub fn plain_href(walk: &Walk) -> String {
    link(walk.to_query(""))
}

/// The page's address without its query: where a shared link points.
pub fn base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// How the page that embeds the guide, if any, asks it to look and where to send events.
pub fn embedding() -> crate::embedding::Embedding {
    crate::embedding::Embedding::from_query(&search())
}

/// What the link that opened the guide said about the error.
pub fn linked_error() -> LinkedError {
    LinkedError::from_query(&search())
}

/// Whether the current URL has `key`, with or without a value.
pub fn has_param(key: &str) -> bool {
    param(key).is_some()
}

/// The value of `key` in the current URL.
pub fn param(key: &str) -> Option<String> {
    query::get(&search(), key)
}

/// Sets `key` in the current URL, or removes it, without adding a history entry (for what the
/// reader typed, so a reload or a shared link keeps it).
pub fn set_param(key: &str, value: Option<&str>) {
    replace_query(&query::set(&search(), key, value));
}

/// Replaces the current URL's query string without adding a history entry.
pub fn replace_query(query: &str) {
    if let Ok(history) = window().history() {
        // A browser that refuses (a sandboxed frame, say) keeps the old URL; the page still works.
        let query = query.strip_prefix('?').unwrap_or(query);
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&link(query.into())));
    }
}

/// A query string as a link: itself, or the bare path when it is empty.
fn link(query: String) -> String {
    if query.is_empty() {
        window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into())
    } else {
        format!("?{query}")
    }
}

/// The current URL's query string, with its `?`.
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

fn write(walk: &Walk, change: impl FnOnce(&web_sys::History, &str) -> Result<(), JsValue>) {
    if let Ok(history) = window().history() {
        // A browser that refuses (a sandboxed frame, say) keeps the old URL; the page still works.
        let _ = change(&history, &href(walk));
    }
}
