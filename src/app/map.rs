//! The whole tree as one outline (`?map`), for authors and help-desk agents: every step with its
//! id, what leads to it, and a link that opens the wizard at it. A step reached again from
//! another branch is shown once and referred to afterwards, so the outline stays as long as the
//! tree is large.

use super::{location, tree};
use crate::content::{Kind, Node, kind_name};
use crate::engine::Walk;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// The query parameter that asks for the map instead of the wizard.
pub const MAP_PARAM: &str = "map";

#[component]
pub fn TreeMap() -> impl IntoView {
    document().set_title("Map of every step · fix502");
    let tree = tree();
    let walks = Walk::shortest_to_each(tree);
    let mut shown = HashSet::new();
    let outline = steps(tree.start(), &walks, &mut shown);
    let count = |kind| tree.nodes().iter().filter(|node| node.kind == kind).count();
    let summary = format!(
        "{} steps: {} questions, {} pieces of guidance, {} endings. Each title opens the wizard at that step.",
        tree.nodes().len(),
        count(Kind::Question),
        count(Kind::Guidance),
        count(Kind::End),
    );
    view! {
        <section class="map">
            <h1>"Map of every step"</h1>
            <p class="hint">{summary}</p>
            <ul class="map-tree">{outline}</ul>
        </section>
    }
}

/// One step of the outline and, the first time it appears, everything its answers lead to.
/// A question's answers nest under it; guidance is followed at the same depth by what its
/// "Did this fix it?" answers lead to, so a chain of causes reads down the page rather than
/// drifting to the right. An ending already shown is not repeated.
fn steps<'t>(
    node: &'t Node,
    walks: &HashMap<&str, Walk>,
    shown: &mut HashSet<&'t str>,
) -> Vec<AnyView> {
    let anchor = format!("map-{}", node.id);
    let href = walks.get(node.id.as_str()).map(location::plain_href);
    let heading = view! {
        <div class="map-step">
            <span class=format!("map-kind map-{}", kind_name(node.kind))>{kind_name(node.kind)}</span>
            " "
            <a href=href>{node.title.clone()}</a>
            " "
            <code>{node.id.clone()}</code>
        </div>
    };
    if !shown.insert(node.id.as_str()) {
        if node.answers.is_empty() {
            return Vec::new();
        }
        let again = format!("#{anchor}");
        return vec![
            view! { <li>{heading} <a class="map-again" href=again>"(shown above)"</a></li> }
                .into_any(),
        ];
    }
    let mut followers = Vec::new();
    let mut nested = Vec::new();
    for (answer, next) in node
        .answers
        .iter()
        .filter_map(|answer| Some((answer, tree().node(&answer.next)?)))
    {
        let children = steps(next, walks, shown);
        if children.is_empty() {
            continue;
        }
        let label = view! { <span class="map-label">{answer.label.clone()}</span> };
        if node.kind == Kind::Question {
            nested
                .push(view! { <li class="map-answer">{label}<ul>{children}</ul></li> }.into_any());
        } else {
            followers.push(view! { <li class="map-answer">{label}</li> }.into_any());
            followers.extend(children);
        }
    }
    let mut items = vec![
        view! {
            <li id=anchor>
                {heading}
                {(!nested.is_empty()).then(|| view! { <ul>{nested}</ul> })}
            </li>
        }
        .into_any(),
    ];
    items.extend(followers);
    items
}
