//! On the step a check chose, the evidence that chose it and a way to choose differently.

use super::finding_card::FindingCard;
use super::walk_link::WalkLink;
use super::{Wizard, tree};
use crate::engine::Walk;
use leptos::prelude::*;

#[component]
pub fn PickedBy(walk: Walk) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let (question, answer) = walk.answered(tree()).pop()?;
    let finding = wizard
        .finding_for(&question.id)
        .filter(|f| answer.when.contains(&f.outcome))?;
    let change = walk.change(tree(), &question.id)?;
    Some(view! {
        <aside class="picked-by" aria-label="What the check found">
            <FindingCard finding/>
            <WalkLink to=change class="override">"That's not right, let me choose"</WalkLink>
        </aside>
    })
}
