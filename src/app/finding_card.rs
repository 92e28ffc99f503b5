//! What a check found, as evidence (see [`crate::html::finding_card`]).

use crate::checks::Finding;
use crate::html::finding_card;
use leptos::prelude::*;

#[component]
pub fn FindingCard(finding: Finding) -> impl IntoView {
    view! { <div class="evidence" inner_html=finding_card(&finding)></div> }
}
