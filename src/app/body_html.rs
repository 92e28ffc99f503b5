//! Puts a node body into the page. The HTML comes from [`crate::markdown::to_html`], which made
//! it safe when the build rendered the Markdown. Each code block's Copy button copies the block.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn BodyHtml(#[prop(into)] html: String) -> impl IntoView {
    view! { <div class="markdown" inner_html=html on:click=copy_code></div> }
}

/// A click on a code block's Copy button puts the block's text on the clipboard, and the button
/// says whether that worked.
fn copy_code(event: leptos::ev::MouseEvent) {
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".copy-code").ok().flatten())
    else {
        return;
    };
    let text = button
        .previous_element_sibling()
        .and_then(|code| code.text_content())
        .unwrap_or_default();
    leptos::task::spawn_local(async move {
        let copied = JsFuture::from(window().navigator().clipboard().write_text(&text)).await;
        button.set_text_content(Some(if copied.is_ok() {
            "Copied"
        } else {
            "Select and copy by hand"
        }));
    });
}
