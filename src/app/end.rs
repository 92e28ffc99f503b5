//! The end of a walk: fixed, handed to support, or simply informed. A page read to learn ends
//! with a way on: the start question's answers for a reader who now meets the error.

use super::browser::language::t;
use super::walk_link::WalkLink;
use super::{body::NodeBody, tree};
use crate::content::{Audience, Ending, Node};
use crate::engine::Walk;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn End(node: &'static Node) -> impl IntoView {
    let way_on = (node.ending == Some(Ending::Informed)).then(|| {
        let start = Walk::default();
        let answers = tree()
            .start()
            .answers
            .iter()
            .filter(|answer| {
                tree()
                    .node(&answer.next)
                    .is_some_and(|next| next.audience != Audience::Everyone)
            })
            .filter_map(|answer| {
                let to = start.choose(tree(), &answer.next)?;
                Some(view! { <li><WalkLink to class="answer">{answer.label.clone()}</WalkLink></li> })
            })
            .collect_view();
        view! {
            <section class="way-on" aria-labelledby="way-on-title">
                <h2 id="way-on-title">{t(Msg::MeetingNow)}</h2>
                <ul class="answers">{answers}</ul>
            </section>
        }
    });
    view! {
        <article class="guidance end">
            <NodeBody node/>
        </article>
        {way_on}
    }
}
