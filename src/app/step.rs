//! The step on screen: where it stands in its run of questions, the heading, the question or
//! guidance, and the links that move back or start over.

use super::browser::language::{fill, t};
use super::walk_link::WalkLink;
use super::{Wizard, end::End, guidance::Guidance, picked_by::PickedBy, question::Question, tree};
use crate::content::{Audience, Kind, Node};
use crate::engine::Walk;
use crate::i18n::Msg;
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
        // A step kept in English, in a page in another language, says so to screen readers.
        if let Some(step) = heading.get_untracked().and_then(|h| h.parent_element()) {
            let _ = match node.untranslated {
                true => step.set_attribute("lang", "en"),
                false => step.remove_attribute("lang"),
            };
        }
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
        {move || wizard.walk.with(|walk| in_english(walk, shown())).map(|note| view! { <p class="hint language-note">{t(note)}</p> })}
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
                <nav class="walk-nav" aria-label=t(Msg::Walk)>
                    <WalkLink to=wizard.back() class="back">{t(Msg::Back)}</WalkLink>
                    <a class="restart" href=super::browser::location::href(&Walk::default()) on:click=start_over>{t(Msg::StartOver)}</a>
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
        return Some(t(Msg::Changing).into());
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
            let (number, at_most) = (number.to_string(), at_most.to_string());
            let count = if progress.number >= progress.at_most {
                fill(Msg::QuestionLast, &[("number", &number)])
            } else {
                fill(
                    Msg::QuestionOf,
                    &[("number", &number), ("at-most", &at_most)],
                )
            };
            Some(if progress.after_advice {
                fill(Msg::NextCauseCount, &[("count", &count)])
            } else {
                count
            })
        }
        Kind::Guidance if after_advice => Some(t(Msg::NextCause).into()),
        Kind::Guidance => Some(t(Msg::WhatToDo).into()),
        Kind::End => None,
    }
}

/// Said once, where a walk in another language reaches a step kept in English (the owners' steps,
/// or one not translated yet): on that step, when the step before it was translated.
fn in_english(walk: &Walk, node: &Node) -> Option<Msg> {
    let before = walk.answered(tree()).pop().map(|given| given.question);
    if !node.untranslated || before.is_some_and(|before| before.untranslated) {
        return None;
    }
    Some(if node.audience == Audience::Owner {
        Msg::OwnerInEnglish
    } else {
        Msg::StepInEnglish
    })
}
