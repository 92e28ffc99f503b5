//! On the step a check chose, one line that says so, and the question's answers in place for a
//! reader who sees something else. The check's evidence stays with the question that ran it
//! (its panel, the list of answers and the report), so it is never shown twice.

use super::browser::language::{fill, t};
use super::tree;
use super::walk_link::WalkLink;
use crate::engine::Walk;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn PickedBy(walk: Walk) -> impl IntoView {
    let given = walk.answered(tree()).pop().filter(|given| given.by_check)?;
    let choosing = RwSignal::new(false);
    let question = given.question;
    let changing = walk.change(tree(), &question.id)?;
    let answers = question
        .answers
        .iter()
        .filter_map(|answer| {
            let to = changing.choose(tree(), &answer.next)?;
            let current = answer.next == given.answer.next;
            Some(view! {
                <li><WalkLink to class="answer" current>{answer.label.clone()}</WalkLink></li>
            })
        })
        .collect_view();
    Some(view! {
        <div class="picked-by">
            <p>
                {fill(Msg::CheckAnsweredFor, &[("question", &question.title)])}
                <strong>{given.answer.label.clone()}</strong>
                " "
                <button type="button" class="link-button" aria-expanded=move || choosing.get().to_string()
                    on:click=move |_| choosing.update(|open| *open = !*open)>
                    {t(Msg::ChooseYourself)}
                </button>
            </p>
            <ul class="answers" hidden=move || !choosing.get()>{answers}</ul>
        </div>
    })
}
