//! A question: its live check if it has one, its answers, then its help text. The answers come
//! before the help so that on a small screen they are in view as soon as the step is.

use super::answer_list::AnswerList;
use super::body::NodeBody;
use super::browser::language::t;
use super::paste_box::PasteBox;
use super::retry::Retry;
use crate::content::Node;
use crate::engine::Walk;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Question(node: &'static Node, walk: Walk) -> impl IntoView {
    let changing = walk.changing().is_some();
    view! {
        {node.check.map(|check| super::deferred::check(node, check, walk.clone()))}
        {node.retry.then(|| view! { <Retry/> })}
        {changing.then(|| view! {
            <p class="hint">{t(Msg::LaterAnswersKept)}</p>
        })}
        <AnswerList node walk/>
        {node.has_body.then(|| view! { <div class="help"><NodeBody node/></div> })}
        {node.paste.then(|| view! { <PasteBox/> })}
    }
}
