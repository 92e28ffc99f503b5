//! What the page knows of the reader and of their error, for advice that is their own: the
//! device and browser (read once), and the failing page's address in the form requests use
//! (the browser's own URL parser turns an international name into its ASCII form).

use crate::personal::Known;
use crate::reader::Reader;
use leptos::prelude::window;
use std::sync::OnceLock;

/// The reader's device, browser and system.
pub fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(|| {
        let window = window();
        let user_agent = window.navigator().user_agent().unwrap_or_default();
        let touch_first = window
            .match_media("(pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        Reader::from_user_agent(&user_agent, touch_first)
    })
}

/// An address as the browser would request it: its full form and its host name, both ASCII;
/// none if the browser cannot read it as a URL.
pub fn parsed(address: &str) -> Option<(String, String, String)> {
    let url = web_sys::Url::new(address).ok()?;
    Some((url.href(), url.hostname(), url.origin()))
}

/// What the placeholders of a body stand for: the failing site (`address`) and the request id.
pub fn known(address: Option<&str>, request_id: Option<&str>) -> Known {
    let parsed = address.and_then(parsed);
    let (url, host, origin) = match parsed {
        Some((url, host, origin)) => (Some(url), Some(host), Some(origin)),
        None => (None, None, None),
    };
    Known {
        host,
        url,
        origin,
        rid: request_id.map(String::from),
    }
}
