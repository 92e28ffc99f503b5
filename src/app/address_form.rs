//! The form that asks for an address: the failing page, or the site's status page. What people
//! type is taken as they type it (no scheme, a port, spaces around it, an international name);
//! an accepted address is handed on, and a refused one is explained under the field.

use super::browser::language::{say, t};
use crate::checks::{self, Input, Site};
use crate::i18n::Msg;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

#[component]
pub fn AddressForm(
    input: Input,
    /// What the field holds to begin with.
    current: Option<String>,
    /// Why the address the link brought was refused, if it was.
    refused: Option<String>,
    /// The label of the button.
    #[prop(default = t(Msg::Check))]
    action: &'static str,
    /// Called with each accepted address. A callback rather than a generic closure, so the form
    /// is built once in the wasm however many places use it.
    #[prop(into)]
    on_address: Callback<Site>,
) -> impl IntoView {
    // Each form on the page gets its own field id.
    static FORMS: AtomicU32 = AtomicU32::new(0);
    let id = format!("address-{}", FORMS.fetch_add(1, Ordering::Relaxed));
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
                refused.set(None);
                on_address.run(site);
            }
            Err(why) => refused.set(Some(say(&why))),
        }
    };
    view! {
        <form class="address" on:submit=submit>
            <label for=id.clone()>{t(input.prompt())}</label>
            <div class="address-row">
                <input id=id node_ref=field type="text" inputmode="url"
                    autocomplete="url" spellcheck="false" placeholder="shop.example.com/cart"
                    value=current.unwrap_or_default()/>
                <button type="submit">{action}</button>
            </div>
            {move || refused.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </form>
    }
}
