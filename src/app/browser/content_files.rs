//! Node bodies: HTML fragments that the build rendered from each node's Markdown, fetched one
//! file at a time from the `content/` folder beside the app and kept in memory. The service
//! worker (`assets/sw.js`) fetches all of them in one bundle per audience after the first
//! visit, so a walk keeps working when the network drops halfway, and the next visit offline.

use super::language::{self, fill, t};
use super::tree_store;
use crate::content::{Node, body_path};
use crate::i18n::{Lang, Msg};
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
            LoadError::Network => f.write_str(t(Msg::BodyOffline)),
            LoadError::Status(status) => {
                f.write_str(&fill(Msg::BodyStatus, &[("status", &status.to_string())]))
            }
        }
    }
}

/// The body of `node`, as HTML, if it is already in memory.
pub fn cached(node: &Node) -> Option<Rc<str>> {
    CACHE.with_borrow(|cache| cache.get(node.file.as_str()).cloned())
}

/// The body of `node`, as HTML, from memory or from the network: in the page's language, or in
/// English for a node kept in English (which the language's folder does not repeat).
pub async fn load(node: &'static Node) -> Result<Rc<str>, LoadError> {
    if let Some(body) = cached(node) {
        return Ok(body);
    }
    let body: Rc<str> = fetch(url(&body_path(node), !node.untranslated))
        .await?
        .into();
    CACHE.with_borrow_mut(|cache| cache.insert(node.file.as_str(), body.clone()));
    Ok(body)
}

/// The text of the file at `path` in the page's language's content (`content/` for English,
/// `content/<lang>/` for another), in the version of the tree the app holds, so that a new
/// deployment is never mixed with an old cache's files.
pub fn fetch_content(path: &str) -> impl Future<Output = Result<String, LoadError>> + use<> {
    fetch(url(path, true))
}

/// The text of the file at `path` in the English `content/` folder, whatever the page's language
/// (the map, which is the owners').
pub fn fetch_shared(path: &str) -> impl Future<Output = Result<String, LoadError>> + use<> {
    fetch(url(path, false))
}

/// Where the app asks for the content file at `path`, in the page's language or in English.
fn url(path: &str, in_language: bool) -> String {
    let version = tree_store::content_version();
    match language::lang() {
        lang if in_language && lang != Lang::En => {
            format!("content/{}/{path}?v={version}", lang.name())
        }
        _ => format!("content/{path}?v={version}"),
    }
}

async fn fetch(url: String) -> Result<String, LoadError> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    response.text().await.map_err(|_| LoadError::Network)
}
