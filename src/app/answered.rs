//! How the reader got to the step on screen, below it: where the walk began and the answers
//! given since, each with a link to change it, and for an answer a check chose, what the check
//! found. One folded line until the reader opens it, so the step always comes first. It comes
//! with the panels' module (see [`super::deferred::answered`]).

use super::browser::language::{count, fill, t};
use super::walk_link::WalkLink;
use super::{Wizard, tree};
use crate::analyze::cause_message;
use crate::engine::{Began, How, Walk};
use crate::i18n::Msg;
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
                    .and_then(super::deferred::evidence);
                Some(view! {
                    <li>
                        <span class="question">{question.title.clone()}</span>
                        <span class="answer-given">
                            {given.answer.label.clone()}
                            {given.by_check.then_some(view! { <span class="by-check">{t(Msg::ChosenByCheck)}</span> })}
                        </span>
                        <WalkLink to=change class="change">
                            {t(Msg::Change)}
                            <span class="visually-hidden">{t(Msg::YourAnswerTo)} {question.title.clone()}</span>
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
            0 => t(Msg::NoAnswersYet).to_string(),
            n => count(Msg::AnswersCount, n as u64, &[]),
        };
        let first = walk.first(tree()).title.clone();
        Some(view! {
            <details class="answered">
                <summary>{fill(Msg::HowYouGotHere, &[("how", t(short(began))), ("count", &count)])}</summary>
                <p class="began">{long(began, &first)}</p>
                {(!rows.is_empty()).then(|| view! { <ol>{rows}</ol> })}
            </details>
        })
    }
}

/// Whether the list has anything to say of `walk`: an answer, or a beginning other than the
/// start.
pub fn shows_anything(walk: &Walk) -> bool {
    walk.answer_count() > 0 || walk.began().how != How::Start
}

/// How the walk began, in a few words.
fn short(began: &Began) -> Msg {
    match began.how {
        How::Start => Msg::BeganAtStart,
        How::Link => Msg::BeganLink,
        How::Map => Msg::BeganMap,
        How::Paste => Msg::BeganPaste,
        How::ErrorPage => Msg::BeganErrorPage,
    }
}

/// How the walk began, in a sentence naming its first step.
fn long(began: &Began, first: &str) -> String {
    let opened = match (began.how, &began.found) {
        (How::Start, _) => return t(Msg::AnsweredYourself).into(),
        (How::Paste, Some(found)) => {
            let values = [
                ("first", first),
                ("gateway", found.gateway.as_str()),
                ("cause", t(cause_message(&found.cause))),
            ];
            return fill(Msg::OpenedFromPaste, &values);
        }
        (How::Paste, None) => Msg::OpenedFromYourPaste,
        (How::Link, _) => Msg::OpenedFromLink,
        (How::Map, _) => Msg::OpenedFromMap,
        (How::ErrorPage, _) => Msg::OpenedFromErrorPage,
    };
    fill(opened, &[("first", first)])
}
