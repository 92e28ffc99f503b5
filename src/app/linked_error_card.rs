//! What the link that opened the guide said about the error (see [`crate::linked_error`]), as one
//! folded line above every step ("Your error: shop.example · 502 · 25 minutes ago") that opens
//! to the details and a form to correct the address. A value that had to be left out gets one
//! calm line; why is in the report.

use super::Wizard;
use super::address_form::AddressForm;
use crate::checks::{self, Input, Site};
use crate::linked_error::{LinkedError, time_ago};
use leptos::prelude::*;

#[component]
pub fn LinkedErrorCard(context: LinkedError) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let ago = context
        .time
        .as_deref()
        .and_then(|time| time_ago(js_sys::Date::now() - js_sys::Date::parse(time)));
    let dropped = context.dropped_note();
    let language = context.language_note();
    let others: Vec<(&'static str, String)> = context
        .facts()
        .into_iter()
        .filter(|(label, _)| *label != "Failed address")
        .collect();
    let fixed = context.status.is_some() || ago.is_some() || !others.is_empty();
    let has_line = move || fixed || wizard.site.with(Option::is_some);
    let line = move || {
        let address = wizard.site.get();
        let host = address
            .as_deref()
            .and_then(|address| checks::site(address).ok())
            .map(|site| site.host);
        let brief: Vec<String> = host
            .into_iter()
            .chain(context.status.map(|status| status.to_string()))
            .chain(ago.clone())
            .collect();
        if !has_line() {
            return None;
        }
        let facts = address
            .clone()
            .map(|address| ("Failed address", address))
            .into_iter()
            .chain(others.iter().cloned())
            .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
            .collect_view();
        let summary = if brief.is_empty() {
            "details".to_string()
        } else {
            brief.join(" · ")
        };
        Some(view! {
            <details class="context-line">
                <summary><span class="context-label">"Your error: "</span>{summary}</summary>
                <dl class="context">{facts}</dl>
                {ago.clone().map(|ago| view! { <p class="context-age">{ago}</p> })}
                {dropped.map(|note| view! { <p class="hint">{note}</p> })}
                <AddressForm input=Input::Site current=address refused=None action="Use this address"
                    on_address=move |site: Site| wizard.set_site(Some(&site.url))/>
            </details>
        })
    };
    view! {
        {line}
        {move || (!has_line()).then_some(dropped).flatten().map(|note| view! { <p class="hint context-note">{note}</p> })}
        {language.map(|note| view! { <p class="hint context-note">{note}</p> })}
    }
}
