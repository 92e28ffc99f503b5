//! "Try the site again", as a real link: the page that failed, opened in a new tab, when the
//! guide knows its address; otherwise where to find it.

use super::Wizard;
use crate::checks;
use crate::html::open_again;
use leptos::prelude::*;

/// Said when the guide does not know the address.
const NO_ADDRESS: &str = "Go back to the tab or app that showed the error and reload it there.";

#[component]
pub fn Retry() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let link = move || {
        wizard
            .site
            .get()
            .and_then(|address| checks::site(&address).ok())
            .map_or_else(|| NO_ADDRESS.to_string(), |site| open_again(&site))
    };
    view! { <p class="retry" inner_html=link></p> }
}
