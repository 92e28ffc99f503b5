//! Shows Markdown in the page. [`crate::markdown`] makes the HTML safe before it gets here.

use crate::markdown;
use leptos::prelude::*;

#[component]
pub fn Markdown(#[prop(into)] source: String) -> impl IntoView {
    view! { <div class="markdown" inner_html=markdown::to_html(&source)></div> }
}
