//! A node's body as the reader sees it: loading, shown, or a plain message with a way to retry.
//! It is made the reader's own on the way in (see [`crate::personal`]): their site and request
//! id in place of the placeholders, the steps for their device first.

use super::{BodyHtml, Wizard, bodies, known};
use crate::content::Node;
use crate::personal;
use leptos::prelude::*;

#[component]
pub fn NodeBody(node: &'static Node) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let own = move |html: &str| {
        let rid = wizard.opened.with_value(|opened| opened.rid.clone());
        let known = wizard
            .site
            .with(|site| known::known(site.as_deref(), rid.as_deref()));
        let html = personal::for_reader(&personal::fill(html, &known), known::reader());
        view! { <BodyHtml html/> }
    };
    // A prefetched body is shown at once, without a "Loading…" flash.
    if let Some(html) = bodies::cached(node) {
        let html = html.to_string();
        return (move || own(&html)).into_any();
    }
    let body = LocalResource::new(move || bodies::load(node));
    (move || match body.get() {
        None => {
            view! { <p class="loading body-loading" aria-busy="true">"Loading…"</p> }.into_any()
        }
        Some(Ok(html)) => own(&html).into_any(),
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
