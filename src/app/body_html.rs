//! Puts a node body into the page. The HTML comes from [`crate::markdown::to_html`], which made
//! it safe when the build rendered the Markdown.

use leptos::prelude::*;

#[component]
pub fn BodyHtml(#[prop(into)] html: String) -> impl IntoView {
    view! { <div class="markdown" inner_html=html></div> }
}
