//! What the link that opened the guide said about the error (see [`crate::linked_error`]), as one
//! folded line above every step ("Your error: shop.example · 502 · 25 minutes ago") that opens
//! to the details and a form to correct the address, which come with the panels' module when
//! it is first opened (see [`super::deferred`]). A value that had to be left out gets one calm
//! line; why is in the report.

use super::Wizard;
use super::address_form::AddressForm;
use super::browser::language::{self, fill, t};
use crate::checks::{self, Input, Site};
use crate::i18n::Msg;
use crate::linked_error::{Ago, LinkedError, time_ago};
use leptos::prelude::*;

#[component]
pub fn LinkedErrorCard(context: LinkedError) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let ago = context
        .time
        .as_deref()
        .and_then(|time| time_ago(js_sys::Date::now() - js_sys::Date::parse(time)))
        .map(in_words);
    let dropped = context.dropped_note().map(t);
    let language = context.language_note().map(t);
    let others: Vec<(Msg, String)> = context
        .facts()
        .into_iter()
        .filter(|(label, _)| *label != Msg::FailedAddress)
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
        let summary = if brief.is_empty() {
            t(Msg::Details).to_string()
        } else {
            brief.join(" · ")
        };
        let details = ContextFacts {
            address,
            others: others.clone(),
            ago: ago.clone(),
            dropped,
        };
        // What the line opens to comes with the panels' module, once the reader opens it.
        let opened = RwSignal::new(false);
        Some(view! {
            <details class="context-line" on:toggle=move |_| opened.set(true)>
                <summary><span class="context-label">{t(Msg::YourError)}</span>{summary}</summary>
                {move || opened.get().then(|| super::deferred::context(details.clone()))}
            </details>
        })
    };
    view! {
        {line}
        {move || (!has_line()).then_some(dropped).flatten().map(|note| view! { <p class="hint context-note">{note}</p> })}
        {language.map(|note| view! { <p class="hint context-note">{note}</p> })}
    }
}

/// What the folded line says once open: the facts the link gave (the failing address first),
/// how long ago, why a value was left out, and a form to correct the address.
#[derive(Clone)]
pub struct ContextFacts {
    address: Option<String>,
    /// The other facts, each with its label; a time as the link gave it.
    others: Vec<(Msg, String)>,
    ago: Option<String>,
    dropped: Option<&'static str>,
}

#[component]
pub fn ContextDetails(facts: ContextFacts) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let ContextFacts {
        address,
        others,
        ago,
        dropped,
    } = facts;
    let rows = address
        .clone()
        .map(|address| (Msg::FailedAddress, address))
        .into_iter()
        .chain(others.into_iter().map(|(label, value)| match label {
            Msg::Time => (label, local_time(&value)),
            _ => (label, value),
        }))
        .map(|(label, value)| view! { <dt>{t(label)}</dt><dd>{value}</dd> })
        .collect_view();
    view! {
        <dl class="context">{rows}</dl>
        {ago.map(|ago| view! { <p class="context-age">{ago}</p> })}
        {dropped.map(|note| view! { <p class="hint">{note}</p> })}
        <AddressForm input=Input::Site current=address refused=None action=t(Msg::UseThisAddress)
            on_address=move |site: Site| wizard.set_site(Some(&site.url))/>
    }
}

/// How long ago, as a sentence in the page's language ("That was 25 minutes ago.").
fn in_words(ago: Ago) -> String {
    let (value, unit) = match ago {
        Ago::Ahead => return t(Msg::ClockAhead).into(),
        Ago::JustNow => return t(Msg::JustNow).into(),
        Ago::Minutes(n) => (n, "minute"),
        Ago::Hours(n) => (n, "hour"),
        Ago::Days(n) => (n, "day"),
    };
    let locales = js_sys::Array::of1(&language::lang().name().into());
    let format = js_sys::Intl::RelativeTimeFormat::new(&locales, &js_sys::Object::new());
    let ago = String::from(format.format(-(value as f64), unit));
    fill(Msg::ThatWas, &[("ago", &ago)])
}

/// An ISO time as the reader's language writes a date and time, in this device's time zone;
/// as given if it does not read as a time.
fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"medium".into());
    date.to_locale_string(language::lang().name(), &options)
        .into()
}
