//! The page that embeds the guide in a frame (see [`crate::embedding`]): its look is applied
//! here, and it is told the frame's content height, so it can fit the frame without a scrollbar,
//! and what happens on the walk, so a help desk can count outcomes. Messages go to the origin
//! the frame's URL names, and to nobody when it names none.

use crate::app::{Wizard, tree};

use crate::embedding::{Embedding, MESSAGE_TYPE, PROTOCOL};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

thread_local! {
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Applies the look the URL asks for and, in a frame that names its embedding page, starts
/// telling that page about the walk.
pub fn connect(wizard: Wizard, embedding: Embedding) {
    if let Some(html) = document().document_element() {
        if let Some(theme) = embedding.theme {
            let _ = html.set_attribute("data-theme", theme);
        }
        if embedding.compact {
            let _ = html.set_attribute("data-compact", "");
        }
        // Through the CSSOM rather than a style attribute, which a Content-Security-Policy
        // without 'unsafe-inline' blocks.
        if let Some(html) = html.dyn_ref::<HtmlElement>() {
            for (property, value) in &embedding.style {
                let _ = html.style().set_property(property, value);
            }
        }
    }
    let Some(origin) = embedding.host else {
        return;
    };
    HOST.set(Some(origin));
    let first = wizard
        .walk
        .with_untracked(|walk| walk.shown(tree()).id.clone());
    post("walk-started", &[("step", first.into())]);
    // Only a change of step is news: a walk set again to the same step (on back/forward, say)
    // posts nothing, and an end reached again posts no second `walk-ended`.
    let shown = Memo::new(move |_| wizard.walk.with(|walk| walk.shown(tree()).id.clone()));
    Effect::new(move |last_ended: Option<Option<String>>| {
        let last_ended = last_ended.flatten();
        let id = shown.get();
        let Some(node) = tree().node(&id) else {
            return last_ended;
        };
        post(
            "step-shown",
            &[
                ("step", id.as_str().into()),
                ("kind", (node.kind).name().into()),
                ("audience", (node.audience).name().into()),
            ],
        );
        match node.ending {
            Some(ending) if last_ended.as_deref() != Some(id.as_str()) => {
                post(
                    "walk-ended",
                    &[
                        ("step", id.as_str().into()),
                        ("outcome", ending.name().into()),
                    ],
                );
                Some(id)
            }
            _ => last_ended,
        }
    });
    report_height();
}

/// Tells the embedding page about `event`, if there is one.
pub fn post(event: &str, fields: &[(&str, JsValue)]) {
    let Some(origin) = HOST.with_borrow(Clone::clone) else {
        return;
    };
    let message = Object::new();
    let fixed = [
        ("type", JsValue::from_str(MESSAGE_TYPE)),
        ("version", JsValue::from(PROTOCOL)),
        ("event", JsValue::from_str(event)),
    ];
    for (name, value) in fixed.iter().chain(fields) {
        let _ = Reflect::set(&message, &JsValue::from_str(name), value);
    }
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, &origin);
    }
}

/// Posts the content's height whenever it changes. The page's own height is measured, not the
/// document's scroll height, which never drops below the frame's and so could only grow.
fn report_height() {
    let Some(body) = document().body() else {
        return;
    };
    let send = Closure::<dyn FnMut()>::new(|| {
        if let Some(html) = document().document_element() {
            let height = html.get_bounding_client_rect().height().ceil();
            post("resize", &[("height", height.into())]);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer and its callback live as long as the page.
    send.forget();
}
