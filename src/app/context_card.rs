//! What the link that opened the guide said about the error (see [`crate::context`]): shown as
//! text above every step, with a note for each value that was left out.

use crate::context::{Context, Note, time_ago};
use leptos::prelude::*;

#[component]
pub fn ContextCard(context: Context) -> impl IntoView {
    let facts = context
        .facts()
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect::<Vec<_>>();
    let ago = context
        .time
        .as_deref()
        .and_then(|time| time_ago(js_sys::Date::now() - js_sys::Date::parse(time)));
    let notes = context
        .notes
        .iter()
        .map(Note::sentence)
        .chain(context.language_note().map(String::from))
        .map(|note| view! { <li>{note}</li> })
        .collect::<Vec<_>>();
    view! {
        {(!facts.is_empty()).then(|| view! {
            <section class="context-card" aria-labelledby="context-title">
                <h2 id="context-title">"The error you met"</h2>
                <dl class="context">{facts}</dl>
                {ago.map(|ago| view! { <p class="context-age">{ago}</p> })}
            </section>
        })}
        {(!notes.is_empty()).then(|| view! { <ul class="note context-notes" role="status">{notes}</ul> })}
    }
}
