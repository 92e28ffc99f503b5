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
    let outline = step(tree.start(), &walks, &mut shown);
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
fn step<'t>(node: &'t Node, walks: &HashMap<&str, Walk>, shown: &mut HashSet<&'t str>) -> AnyView {
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
        let again = format!("#{anchor}");
        return view! {
            <li>{heading} <a class="map-again" href=again>"(its branch is shown above)"</a></li>
        }
        .into_any();
    }
    let answers = node
        .answers
        .iter()
        .filter_map(|answer| Some((answer, tree().node(&answer.next)?)))
        .map(|(answer, next)| {
            let child = step(next, walks, shown);
            view! {
                <li class="map-answer">
                    <span class="map-label">{answer.label.clone()}</span>
                    <ul>{child}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <li id=anchor>
            {heading}
            <ul>{answers}</ul>
        </li>
    }
    .into_any()
}
