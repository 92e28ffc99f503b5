//! The decision tree the app walks. At first it holds the parts of the tree that show the steps
//! the page's address names, which index.html fetched while the wasm loaded (a few hundred bytes
//! each, however large the tree grows); once the app has started, the whole tree follows in the
//! background and takes their place. A step the parts do not hold waits for it (`Wizard::go`;
//! see docs/arch/0001-steps-before-the-app.md).

use super::content_files;
use crate::content::{DecodeError, Tree};
use crate::engine::{Problem, Walk};
use std::cell::Cell;

thread_local! {
    static TREE: Cell<Option<&'static Tree>> = const { Cell::new(None) };
}

/// The tree, once [`take_in_tree`] has taken it in (`start` does so before mounting anything that
/// asks for it).
pub fn tree() -> &'static Tree {
    TREE.get()
        .expect("start() takes the tree in before it mounts the app")
}

/// The version of the content the tree came with (see [`Tree::version`]), or nothing before
/// the tree is in.
pub fn content_version() -> &'static str {
    TREE.get().map_or("", Tree::version)
}

/// Takes in the tree in its encoded form: the whole tree (`content/tree.txt`) or parts of it
/// (`content/steps/`). The whole tree, once in, stays. Each tree is kept for the rest of the
/// page's life, as the views hold on to its nodes; there are at most a few.
pub fn take_in_tree(encoded: &str) -> Result<(), DecodeError> {
    if TREE.get().is_some_and(Tree::is_complete) {
        return Ok(());
    }
    let tree = Tree::decode(encoded)?;
    if tree.is_complete()
        && let Some(html) = leptos::prelude::document().document_element()
    {
        // For whoever watches the page (the tests): every step now opens at once.
        let _ = html.set_attribute("data-tree", "whole");
    }
    TREE.set(Some(Box::leak(Box::new(tree))));
    Ok(())
}

/// Whether the tree can show what an address reads as: the whole tree can (a problem it finds is
/// the address's), parts only a walk they hold without a problem (another part may hold what
/// they miss).
pub fn can_show((walk, problem): &(Walk, Option<Problem>)) -> bool {
    tree().is_complete() || (problem.is_none() && walk.is_held_by(tree()))
}

/// Fetches the whole tree unless it is already in; whether it is in afterwards. Each call
/// tries again, so a step that waits for the whole tree tries again when the reader asks for
/// it again (the network may have come back).
pub async fn whole_tree() -> bool {
    if !TREE.get().is_some_and(Tree::is_complete)
        && let Ok(text) = content_files::fetch_content("tree.txt").await
    {
        let _ = take_in_tree(&text);
    }
    TREE.get().is_some_and(Tree::is_complete)
}

/// Runs `then` once the whole tree is in (at once if it is), if it can be had.
pub fn when_whole(then: Box<dyn FnOnce()>) {
    wasm_bindgen_futures::spawn_local(async move {
        if whole_tree().await {
            then();
        }
    });
}
