//! Node bodies: HTML fragments that the build rendered from each node's Markdown, fetched one
//! file at a time from the `content/` folder beside the app and kept in memory. The service
//! worker (`assets/sw.js`) fetches all of them in one bundle per audience after the first
//! visit, so a walk keeps working when the network drops halfway, and the next visit offline.

use super::tree_store;
use crate::content::{Node, body_path};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

thread_local! {
    static CACHE: RefCell<HashMap<&'static str, Rc<str>>> = RefCell::new(HashMap::new());
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

/// The text of the file at `path` in the `content/` folder beside the app, in the version of the
/// tree the app holds, so that a new deployment is never mixed with an old cache's files.
pub async fn fetch_content(path: &str) -> Result<String, LoadError> {
    let url = format!("content/{path}?v={}", tree_store::content_version());
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    response.text().await.map_err(|_| LoadError::Network)
}
