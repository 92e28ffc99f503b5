//! The guide's worker: runs the jobs of [`fix502::jobs`] (reading a paste, writing the report
//! for support) away from the page, so that their code is not part of the page's first download
//! and a large paste never freezes it. The page starts it the first time it needs it.
//!
//! Messages are arrays of strings. The worker first says `ready`; each request then starts with
//! its number, which the answer repeats.

#[cfg(target_arch = "wasm32")]
fn main() {
    use fix502::jobs;
    use js_sys::Array;
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = Array::from(&event.data());
        let request: Vec<String> = data.iter().filter_map(|item| item.as_string()).collect();
        if let [head, version] = request.as_slice()
            && head == jobs::CONTENT_VERSION
        {
            VERSION.with_borrow_mut(|kept| kept.clone_from(version));
            return;
        }
        let Some((number, args)) = request.split_first() else {
            return;
        };
        let results = match (args, data.get(2).dyn_into::<Blob>()) {
            ([job, query, lang], Ok(file)) if job == jobs::PASTE_FILE => {
                vec![read_file(&reply, number, &file, query, &words(lang))]
            }
            // The page sends only the response: the rules are fetched here, once.
            ([job, response], _) if job == jobs::HOP => match content("signatures.txt") {
                Some(signatures) => jobs::run(
                    &[job.clone(), response.clone(), signatures.to_string()],
                    &environment(&reply),
                ),
                None => Vec::new(),
            },
            // The report is in English (support teams read English) unless the reader chose the
            // page's language, which its last field names: its titles and answers come from
            // that language's tree, fetched here.
            ([job, rest @ ..], _) if job == jobs::REPORT => {
                let in_language = rest
                    .last()
                    .and_then(|tag| fix502::i18n::Lang::parse(tag))
                    .filter(|lang| *lang != fix502::i18n::Lang::En);
                let tree = match in_language {
                    Some(lang) => content(&format!("{}/tree.txt", lang.name())),
                    None => content("tree.txt"),
                };
                match tree {
                    Some(tree) => {
                        let with_tree: Vec<String> = [job.clone(), tree.to_string()]
                            .into_iter()
                            .chain(rest.iter().cloned())
                            .collect();
                        jobs::run(&with_tree, &environment(&reply))
                    }
                    None => jobs::run(&[], &environment(&reply)),
                }
            }
            _ => jobs::run(args, &environment(&reply)),
        };
        let answer: Array = std::iter::once(number.clone())
            .chain(results)
            .map(|text| JsValue::from_str(&text))
            .collect();
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&Array::of1(&"ready".into()));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The version of the content the page holds, which it says first (`jobs::CONTENT_VERSION`).
    static VERSION: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What the report says of where the guide ran.
#[cfg(target_arch = "wasm32")]
fn environment(scope: &web_sys::DedicatedWorkerGlobalScope) -> fix502::jobs::Environment {
    fix502::jobs::Environment {
        created: js_sys::Date::new_0().to_iso_string().into(),
        timezone: timezone(),
        user_agent: scope.navigator().user_agent().unwrap_or_default(),
        content_version: VERSION.with_borrow(String::clone),
    }
}

/// How much of a file is read at a time: small enough that progress moves, large enough that
/// reading costs nothing next to scanning.
#[cfg(target_arch = "wasm32")]
const PIECE: f64 = 1024.0 * 1024.0;

/// Reads a dropped or chosen file in pieces, telling the page how far it has got after each
/// (`progress`, the request's number, the markup to show), and answers its findings.
#[cfg(target_arch = "wasm32")]
fn read_file(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    number: &str,
    file: &web_sys::Blob,
    query: &str,
    words: &fix502::i18n::Words,
) -> String {
    use fix502::i18n::PanelMsg;
    use fix502::jobs::failure;
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::JsCast;
    let say = |msg| failure(words.panels.text(msg));
    let (Some(signatures), Some(tree)) = (content("signatures.txt"), content("tree.txt")) else {
        return say(PanelMsg::FileNoSignatures);
    };
    let Ok(reader) = web_sys::FileReaderSync::new() else {
        return say(PanelMsg::FileNoReader);
    };
    let size = file.size();
    // A pasted text comes as a blob without a name.
    let name = file.dyn_ref::<web_sys::File>().map_or_else(
        || words.panels.text(PanelMsg::FileYourPaste).into(),
        web_sys::File::name,
    );
    if let Some(problem) = fix502::jobs::file_problem(&name, size, &words.panels) {
        return problem;
    }
    let mut done = 0.0;
    let mut failed = false;
    let findings = fix502::jobs::paste_pieces(&signatures, &tree, query, words, || {
        if done >= size || failed {
            return None;
        }
        let end = (done + PIECE).min(size);
        let piece = file
            .slice_with_f64_and_f64(done, end)
            .and_then(|piece| reader.read_as_array_buffer(&piece));
        let Ok(buffer) = piece else {
            failed = true;
            return None;
        };
        done = end;
        let shown = fix502::jobs::reading_progress(&name, done, size, &words.panels);
        let progress = Array::of3(&"progress".into(), &number.into(), &shown.into());
        let _ = scope.post_message(&progress);
        Some(Uint8Array::new(&buffer).to_vec())
    });
    if failed {
        return say(PanelMsg::FileChanged);
    }
    findings
}

/// One of the content files the build writes beside the page (`content/PATH`), fetched the
/// first time it is needed and then kept. A worker may wait for a request, so it asks and
/// waits, without the machinery of a future.
#[cfg(target_arch = "wasm32")]
fn content(path: &str) -> Option<std::rc::Rc<str>> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;
    thread_local! {
        static KEPT: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
    }
    if let Some(text) = KEPT.with_borrow(|kept| kept.get(path).cloned()) {
        return Some(text);
    }
    let request = web_sys::XmlHttpRequest::new().ok()?;
    let url = VERSION.with_borrow(|version| format!("content/{path}?v={version}"));
    request.open_with_async("GET", &url, false).ok()?;
    request.send().ok()?;
    if request.status().ok()? != 200 {
        return None;
    }
    let text: Rc<str> = request.response_text().ok()??.into();
    KEPT.with_borrow_mut(|kept| kept.insert(path.to_string(), text.clone()));
    Some(text)
}

/// The words of the page's language (`lang`, empty for English), which a paste's findings are
/// written in; English where its files cannot be had.
#[cfg(target_arch = "wasm32")]
fn words(lang: &str) -> fix502::i18n::Words {
    use fix502::i18n::{Lang, Words};
    let Some(lang) = Lang::parse(lang).filter(|lang| *lang != Lang::En) else {
        return Words::english();
    };
    let file = |name: &str| content(&format!("{}/{name}", lang.name()));
    match (file("messages.txt"), file("panels.txt")) {
        (Some(interface), Some(panels)) => Words::decode(&interface, &panels),
        _ => Words::english(),
    }
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
