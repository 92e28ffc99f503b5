//! The answers to the step on screen, one large link each. When an earlier answer is being
//! changed, the answer given before is marked.

use super::browser::language::t;
use super::tree;
use super::walk_link::WalkLink;
use crate::content::Node;
use crate::engine::Walk;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn AnswerList(node: &'static Node, walk: Walk) -> impl IntoView {
    let previous = walk
        .chosen(tree(), &node.id)
        .map(|answer| answer.next.clone());
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
                        {current.then(|| view! { <span class="your-answer">{t(Msg::YourAnswer)}</span> })}
                    </WalkLink>
                </li>
            })
        })
        .collect_view();
    view! { <ul class="answers">{answers}</ul> }
}
