//! Node bodies: HTML fragments that the build rendered from each node's Markdown, fetched one
//! file at a time from the `content/` folder beside the app, kept in memory, and prefetched in
//! the background for every step still ahead, so a walk keeps working when the network drops
//! halfway.

use super::tree;
use crate::content::{Node, body_path};
use crate::engine::Walk;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::rc::Rc;

/// Changes whenever any body changes, so a new deployment is never served from an old cache.
const CONTENT_VERSION: &str = env!("FIX502_CONTENT_VERSION");

thread_local! {
    static CACHE: RefCell<HashMap<&'static str, Rc<str>>> = RefCell::new(HashMap::new());
    static IN_FLIGHT: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// Why a body could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: offline, or the server is unreachable.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network => write!(
                f,
                "This step's text could not be loaded: you may be offline."
            ),
            LoadError::Status(status) => write!(
                f,
                "This step's text could not be loaded (the server answered {status})."
            ),
        }
    }
}

/// The body of `node`, as HTML, if it is already in memory.
pub fn cached(node: &Node) -> Option<Rc<str>> {
    CACHE.with_borrow(|cache| cache.get(node.file.as_str()).cloned())
}

/// The body of `node`, as HTML, from memory or from the network.
pub async fn load(node: &'static Node) -> Result<Rc<str>, LoadError> {
    if let Some(body) = cached(node) {
        return Ok(body);
    }
    let body: Rc<str> = fetch_content(&body_path(node)).await?.into();
    CACHE.with_borrow_mut(|cache| cache.insert(node.file.as_str(), body.clone()));
    Ok(body)
}

/// The text of the file at `path` in the `content/` folder beside the app, as this build knows it.
pub async fn fetch_content(path: &str) -> Result<String, LoadError> {
    let url = format!("content/{path}?v={CONTENT_VERSION}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    response.text().await.map_err(|_| LoadError::Network)
}

/// After every step, fetches the bodies of all nodes still reachable from it, nearest first,
/// one at a time so the step on screen is never kept waiting behind them.
pub fn prefetch_from(walk: RwSignal<Walk>) {
    Effect::new(move || {
        let ahead = reachable_bodies(walk.get().shown(tree()));
        spawn_local(async move {
            for node in ahead {
                if cached(node).is_some()
                    || !IN_FLIGHT.with_borrow_mut(|busy| busy.insert(node.file.as_str()))
                {
                    continue;
                }
                let result = load(node).await;
                IN_FLIGHT.with_borrow_mut(|busy| busy.remove(node.file.as_str()));
                if result == Err(LoadError::Network) {
                    break; // Offline: the next step will try again.
                }
            }
        });
    });
}

/// Every node with a body reachable from `from` (itself included), breadth first.
fn reachable_bodies(from: &'static Node) -> Vec<&'static Node> {
    let tree = tree();
    let mut seen = HashSet::from([from.id.as_str()]);
    let mut queue = VecDeque::from([from]);
    let mut found = Vec::new();
    while let Some(node) = queue.pop_front() {
        if node.has_body {
            found.push(node);
        }
        for next in node
            .answers
            .iter()
            .filter_map(|answer| tree.node(&answer.next))
        {
            if seen.insert(next.id.as_str()) {
                queue.push_back(next);
            }
        }
    }
    found
}
