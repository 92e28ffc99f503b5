//! The form that asks for an address a check needs (the failing page, or the site's status
//! page). An accepted address is written into the link, so a reload or a shared link keeps it;
//! a refused one is explained under the field.

use super::location;
use crate::checks::{self, Input};
use leptos::prelude::*;

#[component]
pub fn AddressForm(
    input: Input,
    /// Why the address the link brought was refused, if it was.
    refused: Option<String>,
    /// Called once an address is accepted and in the link.
    on_address: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    let refused = RwSignal::new(refused);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = field
            .get_untracked()
            .map(|field| field.value())
            .unwrap_or_default();
        match checks::site(&typed) {
            Ok(site) => {
                location::set_param(input.param(), &site.url);
                on_address();
            }
            Err(message) => refused.set(Some(message)),
        }
    };
    view! {
        <form class="address" on:submit=submit>
            <label for="check-address">{input.prompt()}</label>
            <div class="address-row">
                <input id="check-address" node_ref=field type="text" inputmode="url"
                    autocomplete="url" spellcheck="false" placeholder="https://www.example.com/"
                    value=location::param(input.param()).unwrap_or_default()/>
                <button type="submit">"Check"</button>
            </div>
            {move || refused.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </form>
    }
}
