//! What index.html's script began fetching before the app started: the tree's parts
//! (`window.fix502Tree`) and the page's language's words (`window.fix502Messages`), each a
//! promise of the text, or of null when it could not be had.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// The text the promise in `window[global]` gives, if the script set one and it came.
pub async fn text(global: &str) -> Option<String> {
    let promise = js_sys::Reflect::get(&window(), &global.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}
