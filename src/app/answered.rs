//! How the reader got to the step on screen, below it: where the walk began and the answers
//! given since, each with a link to change it, and for an answer a check chose, what the check
//! found. One folded line until the reader opens it, so the step always comes first.

use super::finding_card::FindingCard;
use super::walk_link::WalkLink;
use super::{Wizard, tree};
use crate::analyze::cause_meaning;
use crate::engine::{Began, How};
use leptos::prelude::*;

#[component]
pub fn Answered() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    move || {
        let walk = wizard.walk.get();
        let began = walk.began();
        let rows = walk
            .answered(tree())
            .into_iter()
            .filter_map(|given| {
                let question = given.question;
                let change = walk.change(tree(), &question.id)?;
                let evidence = given
                    .by_check
                    .then(|| wizard.finding_for(&question.id))
                    .flatten()
                    .map(|finding| view! { <FindingCard finding/> });
                Some(view! {
                    <li>
                        <span class="question">{question.title.clone()}</span>
                        <span class="answer-given">
                            {given.answer.label.clone()}
                            {given.by_check.then_some(view! { <span class="by-check">" · chosen by the check"</span> })}
                        </span>
                        <WalkLink to=change class="change">
                            "Change"
                            <span class="visually-hidden">" your answer to: " {question.title.clone()}</span>
                        </WalkLink>
                        {evidence}
                    </li>
                })
            })
            .collect::<Vec<_>>();
        if rows.is_empty() && began.how == How::Start {
            return None;
        }
        let count = match rows.len() {
            0 => "no answers yet".to_string(),
            1 => "1 answer".to_string(),
            n => format!("{n} answers"),
        };
        let first = walk.first(tree()).title.clone();
        Some(view! {
            <details class="answered">
                <summary>{format!("How you got here: {} · {count}", short(began))}</summary>
                <p class="began">{long(began, &first)}</p>
                {(!rows.is_empty()).then(|| view! { <ol>{rows}</ol> })}
            </details>
        })
    }
}

/// How the walk began, in a few words.
fn short(began: &Began) -> &'static str {
    match began.how {
        How::Start => "from the start",
        How::Link => "opened from a link",
        How::Map => "opened from the map",
        How::Paste => "opened from your paste",
        How::ErrorPage => "from the site's error page",
    }
}

/// How the walk began, in a sentence naming its first step.
fn long(began: &Began, first: &str) -> String {
    let from = match (began.how, &began.found) {
        (How::Start, _) => {
            return "You began at the first question and answered each one yourself.".into();
        }
        (How::Paste, Some(found)) => {
            return format!(
                "Opened at “{first}” from your paste, which showed {}: {}.",
                found.gateway,
                cause_meaning(&found.cause)
            );
        }
        (How::Paste, None) => "from your paste",
        (How::Link, _) => "from a link",
        (How::Map, _) => "from the map of every step",
        (How::ErrorPage, _) => "from the site's error page",
    };
    format!("You opened “{first}” {from}: no earlier answer is assumed.")
}
