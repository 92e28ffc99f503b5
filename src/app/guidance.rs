//! Guidance: the advice that ends a branch.

use super::body::NodeBody;
use crate::content::Node;
use leptos::prelude::*;

#[component]
pub fn Guidance(node: &'static Node) -> impl IntoView {
    view! {
        <article class="guidance">
            <NodeBody node/>
        </article>
    }
}
