//! The questions answered so far, above the current step, each with a link to change it.

use super::walk_link::WalkLink;
use super::{Wizard, tree};
use leptos::prelude::*;

#[component]
pub fn Answered() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    move || {
        let walk = wizard.walk.get();
        let rows = walk
            .answered(tree())
            .into_iter()
            .filter_map(|(question, answer)| {
                let change = walk.change(tree(), &question.id)?;
                Some(view! {
                    <li>
                        <span class="question">{question.title.clone()}</span>
                        <span class="answer-given">{answer.label.clone()}</span>
                        <WalkLink to=change class="change">
                            "Change"
                            <span class="visually-hidden">" your answer to: " {question.title.clone()}</span>
                        </WalkLink>
                    </li>
                })
            })
            .collect::<Vec<_>>();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="answered" aria-labelledby="answered-title">
                    <h2 id="answered-title">"Your answers"</h2>
                    <ol>{rows}</ol>
                </section>
            }
        })
    }
}
