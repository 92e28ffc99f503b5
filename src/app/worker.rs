//! The page's side of the guide's worker (`src/bin/fix502-worker.rs`): started the first time
//! a job is asked for, then kept. A job is a list of strings (see [`crate::jobs`]); the answer
//! comes back as one, or as an error when the worker could not be started or failed.

use js_sys::{Array, Function, Promise};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Where Trunk puts the worker's loader, beside the page.
const WORKER_URL: &str = "fix502-worker_loader.js";

/// How long the worker may take to start, or to answer, before the page gives up on it (a
/// 5 MB paste takes a few seconds).
const PATIENCE_MS: i32 = 20_000;

struct Client {
    worker: Worker,
    /// Settles when the worker says it is ready, or fails to start.
    ready: Promise,
    /// The resolve and reject functions of each request still waiting, by number.
    waiting: HashMap<u32, (Function, Function)>,
    next: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Runs `job` in the worker and returns what it answered. A worker that fails, or keeps the page
/// waiting too long, is stopped, and the next job starts a new one.
pub async fn ask(job: &[&str]) -> Result<Vec<String>, JsValue> {
    let answer = run(job).await;
    if let Err(error) = &answer {
        stop(error);
    }
    answer
}

async fn run(job: &[&str]) -> Result<Vec<String>, JsValue> {
    let ready = match CLIENT.with_borrow(|client| client.as_ref().map(|c| c.ready.clone())) {
        Some(ready) => ready,
        None => start()?,
    };
    JsFuture::from(within_patience(&ready)).await?;
    let mut request = None;
    let answer = Promise::new(&mut |resolve, reject| {
        request = CLIENT.with_borrow_mut(|client| {
            let client = client.as_mut()?;
            let number = client.next;
            client.next += 1;
            client.waiting.insert(number, (resolve, reject));
            let message: Array = std::iter::once(JsValue::from_str(&number.to_string()))
                .chain(job.iter().map(|arg| JsValue::from_str(arg)))
                .collect();
            Some(client.worker.post_message(&message))
        });
    });
    request.ok_or(JsValue::NULL)??;
    let answer = Array::from(&JsFuture::from(within_patience(&answer)).await?);
    Ok(answer.iter().filter_map(|item| item.as_string()).collect())
}

fn start() -> Result<Promise, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let mut settle_ready = None;
    let ready = Promise::new(&mut |resolve, reject| settle_ready = Some((resolve, reject)));
    let (resolve_ready, reject_ready) = settle_ready.ok_or(JsValue::NULL)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = Array::from(&event.data());
        let head = answer.shift().as_string().unwrap_or_default();
        if head == "ready" {
            let _ = resolve_ready.call0(&JsValue::NULL);
        } else if let Ok(number) = head.parse::<u32>() {
            let waiting = CLIENT.with_borrow_mut(|client| client.as_mut()?.waiting.remove(&number));
            if let Some((resolve, _)) = waiting {
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
        for (_, reject) in client.waiting.into_values() {
            let _ = reject.call1(&JsValue::NULL, error);
        }
    }
}

/// `promise`, or a rejection once the worker has had [`PATIENCE_MS`].
fn within_patience(promise: &Promise) -> Promise {
    let timeout = Promise::new(&mut |_, reject| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, PATIENCE_MS);
    });
    Promise::race(&Array::of2(promise, &timeout))
}
