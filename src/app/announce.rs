//! One polite live region for news that comes with a new step, such as a check that answered
//! the question and moved the walk on: the panel that ran the check is gone by then, so its own
//! text is never read out. The region (`#fix502-news`) is in index.html from the start, because
//! screen readers follow only a live region that exists before its text changes.

use leptos::prelude::*;

/// Has screen readers read `text` once, politely (after what they are reading).
pub fn announce(text: &str) {
    if let Some(news) = document().get_element_by_id("fix502-news") {
        // Emptied first, so the same news twice is still a change.
        news.set_text_content(None);
        news.set_text_content(Some(text));
    }
}
