//! The page's side of the guide's worker (`src/bin/fix502-worker.rs`): started the first time
//! a job is asked for, then kept. A job is a list of strings (see [`crate::jobs`]), or a file
//! and strings; the answer comes back as one, or as an error when the worker could not be
//! started or failed. A file's job tells how far it has got as it goes.

use js_sys::{Array, Function, Promise};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, MessageEvent, Worker};

/// Where Trunk puts the worker's loader, beside the page.
const WORKER_URL: &str = "fix502-worker_loader.js";

/// How long the worker may take to start, or to answer, before the page gives up on it (a
/// 5 MB paste takes a few seconds; a 50 MB file may take a minute on a slow phone).
const PATIENCE_MS: i32 = 20_000;
const FILE_PATIENCE_MS: i32 = 120_000;

struct Client {
    worker: Worker,
    /// Settles when the worker says it is ready, or fails to start.
    ready: Promise,
    /// The resolve and reject functions of each request still waiting, by number, and where
    /// its progress shows.
    waiting: HashMap<u32, (Function, Function, Option<Element>)>,
    next: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Runs `job` in the worker and returns what it answered. A worker that fails, or keeps the page
/// waiting too long, is stopped, and the next job starts a new one.
pub async fn ask(job: &[&str]) -> Result<Vec<String>, JsValue> {
    let message: Array = job.iter().map(|arg| JsValue::from_str(arg)).collect();
    ask_message(message, None, PATIENCE_MS).await
}

/// Runs the job `name` on `file` and `args` in the worker; `progress` shows the markup that
/// tells how far it has got, as it reads.
pub async fn ask_file(
    name: &str,
    file: &web_sys::Blob,
    args: &[&str],
    progress: Option<Element>,
) -> Result<Vec<String>, JsValue> {
    let message = Array::of2(&name.into(), file);
    for arg in args {
        message.push(&JsValue::from_str(arg));
    }
    ask_message(message, progress, FILE_PATIENCE_MS).await
}

async fn ask_message(
    message: Array,
    progress: Option<Element>,
    patience: i32,
) -> Result<Vec<String>, JsValue> {
    let answer = run(message, progress, patience).await;
    if let Err(error) = &answer {
        stop(error);
    }
    answer
}

async fn run(
    message: Array,
    mut progress: Option<Element>,
    patience: i32,
) -> Result<Vec<String>, JsValue> {
    let ready = match CLIENT.with_borrow(|client| client.as_ref().map(|c| c.ready.clone())) {
        Some(ready) => ready,
        None => start()?,
    };
    JsFuture::from(within_patience(&ready, PATIENCE_MS)).await?;
    let mut request = None;
    let answer = Promise::new(&mut |resolve, reject| {
        request = CLIENT.with_borrow_mut(|client| {
            let client = client.as_mut()?;
            let number = client.next;
            client.next += 1;
            client
                .waiting
                .insert(number, (resolve, reject, progress.take()));
            message.unshift(&JsValue::from_str(&number.to_string()));
            Some(client.worker.post_message(&message))
        });
    });
    request.ok_or(JsValue::NULL)??;
    let answer = Array::from(&JsFuture::from(within_patience(&answer, patience)).await?);
    Ok(answer.iter().filter_map(|item| item.as_string()).collect())
}

fn start() -> Result<Promise, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let told = worker.clone();
    let mut settle_ready = None;
    let ready = Promise::new(&mut |resolve, reject| settle_ready = Some((resolve, reject)));
    let (resolve_ready, reject_ready) = settle_ready.ok_or(JsValue::NULL)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = Array::from(&event.data());
        let head = answer.shift().as_string().unwrap_or_default();
        if head == "ready" {
            // Before any job (a message sent before `ready` may find no handler yet): which
            // content the worker fetches, the version of the tree this page holds.
            let version = super::tree_store::content_version();
            let content = Array::of2(&crate::jobs::CONTENT_VERSION.into(), &version.into());
            let _ = told.post_message(&content);
            let _ = resolve_ready.call0(&JsValue::NULL);
        } else if head == "progress" {
            // `progress`, the request's number, what to show of it.
            let number = answer
                .get(0)
                .as_string()
                .and_then(|n| n.parse::<u32>().ok());
            let progress =
                CLIENT.with_borrow(|client| client.as_ref()?.waiting.get(&number?)?.2.clone());
            if let (Some(progress), Some(html)) = (progress, answer.get(1).as_string()) {
                progress.set_inner_html(&html);
            }
        } else if let Ok(number) = head.parse::<u32>() {
            let waiting = CLIENT.with_borrow_mut(|client| client.as_mut()?.waiting.remove(&number));
            if let Some((resolve, ..)) = waiting {
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |error: JsValue| {
        let _ = reject_ready.call1(&JsValue::NULL, &error);
        stop(&error);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page.
    on_message.forget();
    on_error.forget();
    CLIENT.set(Some(Client {
        worker,
        ready: ready.clone(),
        waiting: HashMap::new(),
        next: 0,
    }));
    Ok(ready)
}

/// Stops the worker, failing whatever still waits for it; the next job starts a new one.
fn stop(error: &JsValue) {
    if let Some(client) = CLIENT.take() {
        client.worker.terminate();
        for (_, reject, _) in client.waiting.into_values() {
            let _ = reject.call1(&JsValue::NULL, error);
        }
    }
}

/// `promise`, or a rejection once the worker has had `patience` milliseconds.
fn within_patience(promise: &Promise, patience: i32) -> Promise {
    let timeout = Promise::new(&mut |_, reject| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, patience);
    });
    Promise::race(&Array::of2(promise, &timeout))
}
