//! The step on screen: where it stands in its run of questions, the heading, the question or
//! guidance, and the links that move back or start over.

use super::walk_link::WalkLink;
use super::{Wizard, end::End, guidance::Guidance, picked_by::PickedBy, question::Question, tree};
use crate::content::{Kind, Node};
use crate::engine::Walk;
use leptos::ev::MouseEvent;
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
    let start_over = move |event: MouseEvent| {
        if super::walk_link::is_plain_click(&event) {
            event.prevent_default();
            wizard.start_over();
        }
    };

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
            {move || (!wizard.walk.with(Walk::is_at_start)).then(|| view! {
                <nav class="walk-nav" aria-label="Walk">
                    <WalkLink to=wizard.back() class="back">"Back"</WalkLink>
                    <a class="restart" href=super::browser::location::href(&Walk::default()) on:click=start_over>"Start over"</a>
                </nav>
            })}
        </section>
    }
}

/// Where the reader stands, in words; none on the start question, which needs no hint, nor at
/// the end. Questions are counted in runs: each run leads to a piece of advice, and a new run
/// begins when that advice did not help.
fn progress(walk: &Walk, node: &Node) -> Option<String> {
    if walk.changing().is_some() {
        return Some("Changing an earlier answer".into());
    }
    if walk.is_at_start() {
        return None;
    }
    let after_advice = walk
        .answered(tree())
        .iter()
        .any(|given| given.question.kind == Kind::Guidance);
    match node.kind {
        Kind::Question => {
            let progress = walk.progress(tree())?;
            let (number, at_most) = (progress.number, progress.at_most);
            let count = if number >= at_most {
                format!("Question {number}, the last before advice")
            } else {
                format!("Question {number} of up to {at_most}")
            };
            Some(if progress.after_advice {
                format!("Looking for the next cause · {count}")
            } else {
                count
            })
        }
        Kind::Guidance if after_advice => Some("The next most likely cause".into()),
        Kind::Guidance => Some("What to do".into()),
        Kind::End => None,
    }
}
