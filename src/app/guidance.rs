//! Guidance: what to do, then "Did this fix it?", whose answers end the walk or lead to the
//! next most likely cause.

use super::answer_list::AnswerList;
use super::body::NodeBody;
use super::browser::language::t;
use super::retry::Retry;
use crate::content::Node;
use crate::engine::Walk;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Guidance(node: &'static Node, walk: Walk) -> impl IntoView {
    // The site is tried again once the advice has been followed, so its link comes after it.
    view! {
        <article class="guidance">
            <NodeBody node/>
        </article>
        {node.retry.then(|| view! { <Retry/> })}
        {node.watch.then(|| super::deferred::watch(node))}
        <section class="outcome" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t(Msg::DidThisFixIt)}</h2>
            <AnswerList node walk/>
        </section>
    }
}
