//! A link to another step of the walk. It is a real link, so it can be opened in a new tab,
//! copied or shared; a plain click moves in place without reloading the page.

use super::{Wizard, location};
use crate::engine::Walk;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

#[component]
pub fn WalkLink(
    to: Walk,
    #[prop(optional)] class: &'static str,
    /// Marks the answer given before, when a question is asked again to change it.
    #[prop(optional)]
    current: bool,
    children: Children,
) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let href = location::href(&to);
    let on_click = move |event: MouseEvent| {
        let opens_elsewhere =
            event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if event.button() == 0 && !opens_elsewhere {
            event.prevent_default();
            wizard.go(to.clone());
        }
    };
    view! {
        <a class=class href=href on:click=on_click aria-current=current.then_some("true")>
            {children()}
        </a>
    }
}
