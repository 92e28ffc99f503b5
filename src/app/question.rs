//! A question: optional help text, its live check if it has one, then its answers.

use super::answer_list::AnswerList;
use super::body::NodeBody;
use super::check_panel::CheckPanel;
use super::paste_box::PasteBox;
use crate::content::Node;
use crate::engine::Walk;
use leptos::prelude::*;

#[component]
pub fn Question(node: &'static Node, walk: Walk) -> impl IntoView {
    let changing = walk.changing().is_some();
    view! {
        {node.has_body.then(|| view! { <NodeBody node/> })}
        {node.check.map(|check| view! { <CheckPanel node check walk=walk.clone()/> })}
        {changing.then(|| view! {
            <p class="hint">"Your later answers are kept wherever they still apply."</p>
        })}
        <AnswerList node walk/>
        {node.paste.then(|| view! { <PasteBox/> })}
    }
}
