//! The end of a walk: fixed, handed to support, or simply informed.

use super::body::NodeBody;
use crate::content::Node;
use leptos::prelude::*;

#[component]
pub fn End(node: &'static Node) -> impl IntoView {
    view! {
        <article class="guidance end">
            <NodeBody node/>
        </article>
    }
}
