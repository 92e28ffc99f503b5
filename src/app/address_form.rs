//! The form that asks for an address a check needs (the failing page, or the site's status
//! page), showing why the last one typed was refused.

use crate::checks::Input;
use leptos::prelude::*;

#[component]
pub fn AddressForm(
    input: Input,
    typed: Option<String>,
    refused: Option<String>,
    field: NodeRef<leptos::html::Input>,
    submit: impl Fn(leptos::ev::SubmitEvent) + Copy + 'static,
) -> impl IntoView {
    view! {
        <form class="address" on:submit=submit>
            <label for="check-address">{input.prompt()}</label>
            <div class="address-row">
                <input id="check-address" node_ref=field type="text" inputmode="url"
                    autocomplete="url" spellcheck="false" placeholder="https://www.example.com/"
                    value=typed.unwrap_or_default()/>
                <button type="submit">"Check"</button>
            </div>
            {refused.map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </form>
    }
}
