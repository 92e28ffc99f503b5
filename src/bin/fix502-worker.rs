//! The guide's worker: runs the jobs of [`fix502::jobs`] (reading a paste, writing the report
//! for support) away from the page, so that their code is not part of the page's first download
//! and a large paste never freezes it. The page starts it the first time it needs it.
//!
//! Messages are arrays of strings. The worker first says `ready`; each request then starts with
//! its number, which the answer repeats.

#[cfg(target_arch = "wasm32")]
fn main() {
    use fix502::jobs::{self, Environment};
    use js_sys::Array;
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let request: Vec<String> = Array::from(&event.data())
            .iter()
            .filter_map(|item| item.as_string())
            .collect();
        let Some((number, args)) = request.split_first() else {
            return;
        };
        let environment = Environment {
            created: js_sys::Date::new_0().to_iso_string().into(),
            timezone: timezone(),
            user_agent: reply.navigator().user_agent().unwrap_or_default(),
            content_version: env!("FIX502_CONTENT_VERSION").into(),
        };
        let answer: Array = std::iter::once(number.clone())
            .chain(jobs::run(args, &environment))
            .map(|text| JsValue::from_str(&text))
            .collect();
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&Array::of1(&"ready".into()));
}

/// The reader's timezone and its offset from UTC: `Europe/London, UTC+00:00`.
#[cfg(target_arch = "wasm32")]
fn timezone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let name = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| "unknown timezone".into());
    // getTimezoneOffset counts the minutes the reader is behind UTC.
    let ahead = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let sign = if ahead < 0 { '-' } else { '+' };
    let ahead = ahead.abs();
    format!("{name}, UTC{sign}{:02}:{:02}", ahead / 60, ahead % 60)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fix502-worker runs in the browser, started by the guide's page.");
    std::process::exit(2);
}
