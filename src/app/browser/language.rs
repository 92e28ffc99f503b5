//! The language the page speaks and the interface's words in it (see [`crate::i18n`]). The
//! language is the first of the `lang` parameter and the browser's languages that the guide
//! speaks, else English, as index.html's script chose it before anything painted
//! (docs/arch/0017); [`take_in`] takes it in before anything mounts. The words of any language
//! but English, which the app carries, come from `content/<lang>/messages.txt`.

use super::early;
use crate::i18n::{Catalogue, Lang, Msg, PanelMsg, Said};
use leptos::prelude::document;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    static CATALOGUE: Cell<Option<&'static Catalogue>> = const { Cell::new(None) };
    /// The panels' words as fetched, until the panels' module first reads them.
    static PANEL_TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
    static PANEL_WORDS: Cell<Option<&'static Catalogue<PanelMsg>>> = const { Cell::new(None) };
}

/// The interface's words in the page's language.
pub fn catalogue() -> &'static Catalogue {
    CATALOGUE.get().unwrap_or_else(|| {
        let english: &'static Catalogue = Box::leak(Box::new(Catalogue::english()));
        CATALOGUE.set(Some(english));
        english
    })
}

/// The page's language.
pub fn lang() -> Lang {
    catalogue().lang()
}

/// The text of `msg` in the page's language (English where it lacks one).
pub fn t(msg: Msg) -> &'static str {
    catalogue().text(msg)
}

/// The text of `msg` with its `{name}`s filled in.
pub fn fill(msg: Msg, values: &[(&str, &str)]) -> String {
    catalogue().fill(msg, values)
}

/// What `said` says, in the page's language.
pub fn say(said: &Said<Msg>) -> String {
    catalogue().say(said)
}

/// Fetches the panels' words in the page's language (`content/<lang>/panels.txt`; English
/// needs none), which the panels' module reads once it has come: its panels wait for both.
/// Words that cannot be had leave the panels in English.
pub async fn fetch_panel_words() {
    let fetched = PANEL_TEXT.with_borrow(Option::is_some) || PANEL_WORDS.get().is_some();
    if lang() == Lang::En || fetched {
        return;
    }
    if let Ok(text) = super::content_files::fetch_content("panels.txt").await {
        PANEL_TEXT.set(Some(text));
    }
}

/// The panels' words in the page's language, as [`fetch_panel_words`] had them (only the
/// panels' module calls this, so that the first screen carries neither them nor their reader).
pub fn panel_words() -> &'static Catalogue<PanelMsg> {
    PANEL_WORDS.get().unwrap_or_else(|| {
        let words = PANEL_TEXT
            .take()
            .and_then(|text| Catalogue::decode(&text).ok())
            .filter(|words| words.lang() == lang())
            .unwrap_or_else(|| Catalogue::new(lang(), []));
        let words: &'static Catalogue<PanelMsg> = Box::leak(Box::new(words));
        PANEL_WORDS.set(Some(words));
        words
    })
}

/// The form of `msg` for `count`, with `{count}` and `values` filled in.
pub fn count(msg: Msg, count: u64, values: &[(&str, &str)]) -> String {
    catalogue().count(msg, count, values)
}

/// Settles the page's language, as index.html's script chose it (`<html lang>`), and its words,
/// from the request that script started (`window.fix502Messages`). Words that cannot be had
/// leave the interface in English; the steps still come in the language.
pub async fn take_in() {
    let chosen = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or(Lang::En);
    let catalogue = match chosen {
        Lang::En => Catalogue::english(),
        lang => early::text("fix502Messages")
            .await
            .and_then(|text| Catalogue::decode(&text).ok())
            .filter(|catalogue| catalogue.lang() == lang)
            .unwrap_or_else(|| Catalogue::new(lang, [])),
    };
    // What the stylesheet writes where a panel is on its way (`.panel-slot:empty`).
    if chosen != Lang::En
        && let Some(html) = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let loading = format!("\"{}\"", catalogue.text(Msg::Loading).replace('"', "'"));
        let _ = html.style().set_property("--fix502-loading", &loading);
    }
    CATALOGUE.set(Some(Box::leak(Box::new(catalogue))));
}
