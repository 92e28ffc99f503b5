//! "Try the site again", as a real link: the page that failed, opened in a new tab, when the
//! guide knows its address; otherwise where to find it.

use super::Wizard;
use super::browser::language::{catalogue, t};
use crate::checks;
use crate::html::open_again;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Retry() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let link = move || {
        wizard
            .site
            .get()
            .and_then(|address| checks::site(&address).ok())
            .map_or_else(
                || t(Msg::RetryNoAddress).to_string(),
                |site| open_again(&site, catalogue()),
            )
    };
    view! { <p class="retry" inner_html=link></p> }
}
