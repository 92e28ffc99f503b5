//! A question: optional help text, then one large link per answer.

use super::body::NodeBody;
use super::tree;
use super::walk_link::WalkLink;
use crate::content::Node;
use crate::engine::Walk;
use leptos::prelude::*;

#[component]
pub fn Question(node: &'static Node, walk: Walk) -> impl IntoView {
    let previous = walk
        .chosen(tree(), &node.id)
        .map(|answer| answer.next.clone());
    let changing = walk.changing().is_some();
    let answers = node
        .answers
        .iter()
        .filter_map(|answer| {
            let to = walk.choose(tree(), &answer.next)?;
            let current = previous.as_deref() == Some(answer.next.as_str());
            Some(view! {
                <li>
                    <WalkLink to class="answer" current>
                        {answer.label.clone()}
                        {current.then(|| view! { <span class="your-answer">"Your answer"</span> })}
                    </WalkLink>
                </li>
            })
        })
        .collect_view();
    view! {
        {node.has_body.then(|| view! { <NodeBody node/> })}
        {changing.then(|| view! {
            <p class="hint">"Your later answers are kept wherever they still apply."</p>
        })}
        <ul class="answers">{answers}</ul>
    }
}
