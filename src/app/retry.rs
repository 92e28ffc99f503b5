//! "Try the site again", as a real link: the page that failed, opened in a new tab, when the
//! guide knows its address; otherwise where to find it.

use super::Wizard;
use crate::checks;
use leptos::prelude::*;

#[component]
pub fn Retry() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    move || {
        match wizard.site.get().and_then(|address| checks::site(&address).ok()) {
        Some(site) => view! {
            <p class="retry">
                <a class="button" href=site.url target="_blank" rel="noopener noreferrer">
                    {format!("Open {} again", site.host)}
                    <span class="visually-hidden">" (opens a new tab)"</span>
                </a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="retry hint">"Go back to the tab or app that showed the error and reload it there."</p>
        }
        .into_any(),
    }
    }
}
