//! The short message shown above the step when a link could not be followed to the end.

use super::Wizard;
use super::browser::language::{say, t};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn ProblemNote() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    move || {
        wizard.problem.get().map(|problem| {
            view! {
                <p class="problem" role="alert">
                    {say(&problem.said())} " " {t(Msg::LastRightStep)}
                </p>
            }
        })
    }
}
