//! The step on screen: a progress hint, the heading, the question or guidance, and the links
//! that move back or start over.

use super::walk_link::WalkLink;
use super::{Wizard, end::End, guidance::Guidance, picked_by::PickedBy, question::Question, tree};
use crate::content::{Kind, Node};
use crate::engine::Walk;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn Step() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let shown = move || wizard.walk.with(|walk| walk.shown(tree()));
    let heading = NodeRef::<H1>::new();
    // After the first step, move focus to the new heading so keyboard and screen-reader users
    // carry on reading from the new step rather than from a link that has gone.
    Effect::new(move |first_done: Option<()>| {
        let node = shown();
        document().set_title(&format!("{} · fix502", node.title));
        if first_done.is_some()
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
        }
    });

    view! {
        <section class="step" aria-labelledby="step-title">
            {move || wizard.walk.with(|walk| progress(walk, shown())).map(|text| view! { <p class="progress">{text}</p> })}
            <h1 id="step-title" tabindex="-1" node_ref=heading>{move || shown().title.clone()}</h1>
            {move || view! { <PickedBy walk=wizard.walk.get()/> }}
            {move || {
                let walk = wizard.walk.get();
                let node = walk.shown(tree());
                match node.kind {
                    Kind::Question => view! { <Question node walk/> }.into_any(),
                    Kind::Guidance => view! { <Guidance node walk/> }.into_any(),
                    Kind::End => view! { <End node/> }.into_any(),
                }
            }}
            {move || {
                let walk = wizard.walk.get();
                (!walk.is_at_start()).then(|| view! {
                    <nav class="walk-nav" aria-label="Walk">
                        <WalkLink to=walk.back() class="back">"Back"</WalkLink>
                        <WalkLink to=Walk::default() class="restart">"Start over"</WalkLink>
                    </nav>
                })
            }}
        </section>
    }
}

/// Where the reader stands, in words; none on the start question, which needs no hint, nor at
/// the end.
fn progress(walk: &Walk, node: &Node) -> Option<String> {
    if walk.changing().is_some() {
        return Some("Changing an earlier answer".into());
    }
    let answered = walk.answer_count();
    match node.kind {
        Kind::Question if walk.is_at_start() => None,
        Kind::Question => {
            let number = answered + 1;
            let at_most = answered + tree().questions_left(node);
            Some(if number >= at_most {
                format!("Question {number}, the last one")
            } else {
                format!("Question {number} of at most {at_most}")
            })
        }
        Kind::Guidance => {
            let after_other_advice = walk
                .answered(tree())
                .iter()
                .any(|(node, _)| node.kind == Kind::Guidance);
            Some(if after_other_advice {
                "The next most likely cause".into()
            } else {
                format!("What to do, after {answered} questions")
            })
        }
        Kind::End => None,
    }
}
