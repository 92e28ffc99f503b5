//! A node's body as the reader sees it: loading, shown, or a plain message with a way to retry.

use super::BodyHtml;
use super::bodies;
use crate::content::Node;
use leptos::prelude::*;

#[component]
pub fn NodeBody(node: &'static Node) -> impl IntoView {
    // A prefetched body is shown at once, without a "Loading…" flash.
    if let Some(html) = bodies::cached(node) {
        return view! { <BodyHtml html=html.to_string()/> }.into_any();
    }
    let body = LocalResource::new(move || bodies::load(node));
    (move || match body.get() {
        None => view! { <p class="loading" aria-busy="true">"Loading…"</p> }.into_any(),
        Some(Ok(html)) => view! { <BodyHtml html=html.to_string()/> }.into_any(),
        Some(Err(error)) => view! {
            <div class="load-error" role="alert">
                <p>{error.to_string()}</p>
                <button type="button" on:click=move |_| body.refetch()>"Try again"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
