//! A node's body as the reader sees it: loading, shown, or a plain message with a way to retry.
//! It is made the reader's own on the way in (see [`crate::personal`]): their site and request
//! id in place of the placeholders, the steps for their device first.

use super::browser::content_files::LoadError;
use super::browser::language::t;
use super::{BodyHtml, Wizard, browser::content_files, known};
use crate::content::Node;
use crate::i18n::Msg;
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
    if let Some(html) = content_files::cached(node) {
        let html = html.to_string();
        return (move || own(&html)).into_any();
    }
    // Not a LocalResource, whose async machinery the first screen's wasm would carry for this
    // one fetch: the state is whether the body has come (it is then in the cache) or why not.
    let state = RwSignal::new(None::<Result<(), LoadError>>);
    let fetch = move || {
        state.set(None);
        leptos::task::spawn_local(async move {
            // The step may have gone by the time the body comes.
            let _ = state.try_set(Some(content_files::load(node).await.map(|_| ())));
        });
    };
    fetch();
    (move || match state.get() {
        None => view! { <p class="loading body-loading" aria-busy="true">{t(Msg::Loading)}</p> }
            .into_any(),
        Some(Ok(())) => own(content_files::cached(node).as_deref().unwrap_or_default()).into_any(),
        Some(Err(error)) => view! {
            <div class="load-error" role="alert">
                <p>{error.to_string()}</p>
                <button type="button" on:click=move |_| fetch()>{t(Msg::TryAgain)}</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
