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
        if is_plain_click(&event) {
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

/// A click that follows a link in place: the main button, no modifier key (with one, the
/// browser opens the link in a new tab or window, as it should).
pub fn is_plain_click(event: &MouseEvent) -> bool {
    let opens_elsewhere =
        event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    event.button() == 0 && !opens_elsewhere
}
