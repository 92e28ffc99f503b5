//! Puts a node body into the page. The HTML comes from [`crate::markdown::to_html`], which made
//! it safe when the build rendered the Markdown. Each code block's Copy button copies the block.

use super::copy;
use leptos::prelude::*;

#[component]
pub fn BodyHtml(#[prop(into)] html: String) -> impl IntoView {
    let said = RwSignal::new(String::new());
    view! {
        <div class="markdown" inner_html=html on:click=move |event| copy::on_click(&event, move |text| said.set(text))></div>
        <p class="copy-status" role="status">{said}</p>
    }
}
