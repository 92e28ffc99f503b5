//! The browser half of the live checks: it fetches, times and reads what the browser allows,
//! and hands the observations to [`crate::checks`], which says what they mean. Every fetch has
//! a time limit and can be cancelled, so a hanging server never holds the page.

use crate::checks::{self, Check, DnsReply, Fetched, Finding, Site, StatusReport};
use crate::i18n::{PanelMsg, Said};
use crate::jobs;
use gloo_net::http::Request;
use js_sys::{Array, JSON, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, ReadableStreamDefaultReader, RequestCache, RequestCredentials, RequestMode,
};

/// How long any one request of a check may take, in milliseconds.
pub const TIME_LIMIT_MS: u32 = 8_000;

/// Runs `check`; `input` is the address it needs (the site, or its status page), `resolvers`
/// the DNS-over-HTTPS resolvers to ask. `cancel` stops it at once. For an address typed without
/// a scheme that does not answer over https, the site checks try http too; the second value is
/// then the address that answered.
pub async fn run(
    check: Check,
    input: Option<&Site>,
    resolvers: &[String],
    cancel: &AbortSignal,
) -> Option<(Finding, Option<String>)> {
    let finding = match (check, input) {
        (Check::Online, _) => {
            let navigator_online = window().navigator().on_line();
            let own = fetch("./", RequestMode::SameOrigin, cancel).await;
            checks::online(navigator_online, &own)
        }
        (Check::SiteAnswers | Check::SiteStatus | Check::SiteHop, Some(site)) => {
            let mode = match check {
                Check::SiteAnswers => RequestMode::NoCors,
                _ => RequestMode::Cors,
            };
            let fetched = fetch(&cache_busted(&ascii(site).0), mode, cancel).await;
            if check == Check::SiteHop {
                return Some((site_hop(site, &fetched).await, None));
            }
            let interpret = match check {
                Check::SiteAnswers => checks::site_answers,
                _ => checks::site_status,
            };
            let answered = matches!(fetched, Fetched::Answered { .. });
            if let (false, Some(http)) = (answered || cancel.aborted(), site.over_http()) {
                let plain = fetch(&cache_busted(&ascii(&http).0), mode, cancel).await;
                if matches!(plain, Fetched::Answered { .. }) {
                    let finding = checks::over_http(interpret(&http, &plain), &fetched);
                    return Some((finding, Some(http.url)));
                }
            }
            interpret(site, &fetched)
        }
        (Check::Dns, Some(site)) => dns(site, resolvers, cancel).await,
        (Check::StatusPage, Some(page)) => status_page(page, cancel).await,
        (_, None) => return None,
    };
    Some((finding, None))
}

/// Which server answered, as the worker's paste analyser reads the status and headers.
async fn site_hop(site: &Site, fetched: &Fetched) -> Finding {
    let named = match fetched {
        Fetched::Answered {
            status,
            headers,
            opaque: false,
            ..
        } => {
            let response = checks::response_text(*status, headers);
            super::worker::ask(&[jobs::HOP, &response]).await.ok()
        }
        _ => None,
    };
    let named = match named.as_deref() {
        Some([id, name, ..]) => Some((id.as_str(), name.as_str())),
        _ => None,
    };
    checks::site_hop(site, fetched, named)
}

/// Whether the site's icon loads as an image (an error page never does), within the time
/// limit; none if it could not be tried.
pub async fn icon_loads(site: &Site, cancel: &AbortSignal) -> Option<bool> {
    let image = web_sys::HtmlImageElement::new().ok()?;
    let (signal, _) = limited(cancel);
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let settle = |value: bool| {
            let resolve = resolve.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(value));
            })
        };
        image.set_onload(Some(settle(true).unchecked_ref()));
        image.set_onerror(Some(settle(false).unchecked_ref()));
        signal.set_onabort(Some(settle(false).unchecked_ref()));
    });
    image.set_src(&cache_busted(
        &ascii(&Site {
            url: site.icon(),
            ..site.clone()
        })
        .0,
    ));
    let loaded = wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    // Each handler may run once: none may fire after the first has settled the look.
    image.set_onload(None);
    image.set_onerror(None);
    signal.set_onabort(None);
    image.set_src("");
    if cancel.aborted() {
        return None;
    }
    loaded.as_bool()
}

/// The site's address and host name as requests use them: the browser's URL parser turns an
/// international name into its ASCII form.
fn ascii(site: &Site) -> (String, String) {
    crate::app::known::parsed(&site.url)
        .map(|(url, host, _)| (url, host))
        .unwrap_or_else(|| (site.url.clone(), site.host.clone()))
}

/// The requests a panel has under way. Starting a run cancels the one before, and the panel
/// leaving the page cancels whatever still runs, so no check outlives its step.
#[derive(Clone, Copy)]
pub struct Runs(StoredValue<Option<web_sys::AbortController>, LocalStorage>);

impl Runs {
    /// Made inside a component: its cleanup cancels the run.
    pub fn for_component() -> Runs {
        let runs = Runs(StoredValue::new_local(None));
        on_cleanup(move || runs.cancel());
        runs
    }

    /// Cancels any run under way and returns the signal of a new one.
    pub fn start(&self) -> Option<AbortSignal> {
        self.cancel();
        let controller = web_sys::AbortController::new().ok()?;
        let signal = controller.signal();
        self.0.set_value(Some(controller));
        Some(signal)
    }

    pub fn cancel(&self) {
        self.0
            .try_with_value(|controller| controller.as_ref().map(web_sys::AbortController::abort));
    }
}

/// A signal that fires when the reader cancels or the time limit passes, and the time limit's
/// own signal, to tell the two apart.
fn limited(cancel: &AbortSignal) -> (AbortSignal, AbortSignal) {
    let timeout = AbortSignal::timeout_with_u32(TIME_LIMIT_MS);
    let either = AbortSignal::any(&Array::of2(cancel, &timeout));
    (either, timeout)
}

/// A fetch with a time limit, as a [`Fetched`]. A cancelled fetch reads as failed. It sends no
/// cookies: a check asks how the site answers anyone, and what it finds (which a page that
/// embeds the guide is told) must not depend on who the reader is logged in as.
async fn fetch(url: &str, mode: RequestMode, cancel: &AbortSignal) -> Fetched {
    let started = js_sys::Date::now();
    let (signal, timeout) = limited(cancel);
    let response = Request::get(url)
        .mode(mode)
        .credentials(RequestCredentials::Omit)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await;
    let millis = (js_sys::Date::now() - started).max(0.0) as u32;
    match response {
        Ok(response) => Fetched::Answered {
            millis,
            status: response.status(),
            headers: response.headers().entries().collect(),
            opaque: response.type_() == web_sys::ResponseType::Opaque,
        },
        Err(_) if timeout.aborted() && !cancel.aborted() => Fetched::TimedOut { millis },
        Err(error) => Fetched::Failed {
            millis,
            message: error.to_string(),
        },
    }
}

/// The JSON body of a CORS fetch, parsed by the browser.
async fn fetch_json(url: &str, accept: &str, cancel: &AbortSignal) -> Result<JsValue, Said> {
    let (signal, _) = limited(cancel);
    let response = Request::get(url)
        .header("accept", accept)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| why(PanelMsg::WhyUnreadable))?;
    if !response.ok() {
        let status = response.status().to_string();
        return Err(Said::new(PanelMsg::WhyStatus, &[("status", &status)]));
    }
    let text = read_limited(&response).await?;
    JSON::parse(&text).map_err(|_| why(PanelMsg::WhyNotJson))
}

/// Why an answer could not be read, in no language yet.
fn why(msg: PanelMsg) -> Said {
    Said::new(msg, &[])
}

/// The most a check reads of an answer. A resolver's reply or a status page's summary is a few
/// kilobytes; an answer larger than this is not one, and reading on would only cost the
/// reader's data and memory.
const MAX_ANSWER_BYTES: usize = 1 << 20;

/// The body of `response` as text, read piece by piece and given up past [`MAX_ANSWER_BYTES`];
/// a body that stops coming ends with the fetch's time limit.
async fn read_limited(response: &gloo_net::http::Response) -> Result<String, Said> {
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let piece = JsFuture::from(reader.read()).await.map_err(|_| {
            let seconds = (TIME_LIMIT_MS / 1000).to_string();
            Said::new(PanelMsg::WhyTooSlow, &[("count", &seconds)])
        })?;
        let done = Reflect::get(&piece, &"done".into()).map_or(true, |done| done.is_truthy());
        if done {
            break;
        }
        let piece = Uint8Array::new(&Reflect::get(&piece, &"value".into()).unwrap_or_default());
        if bytes.len() + piece.length() as usize > MAX_ANSWER_BYTES {
            let _ = reader.cancel();
            let size = (MAX_ANSWER_BYTES >> 20).to_string();
            return Err(Said::new(PanelMsg::WhyTooLarge, &[("size", &size)]));
        }
        bytes.extend(piece.to_vec());
    }
    String::from_utf8(bytes).map_err(|_| why(PanelMsg::WhyNotText))
}

async fn dns(site: &Site, resolvers: &[String], cancel: &AbortSignal) -> Finding {
    let mut last_error = why(PanelMsg::WhyNoResolver);
    for resolver in resolvers {
        let mut replies = Vec::new();
        for kind in ["A", "AAAA"] {
            let separator = if resolver.contains('?') { '&' } else { '?' };
            let url = format!("{resolver}{separator}name={}&type={kind}", ascii(site).1);
            match fetch_json(&url, "application/dns-json", cancel)
                .await
                .and_then(|json| dns_reply(&json))
            {
                Ok(reply) => replies.push(reply),
                Err(error) => {
                    last_error = error;
                    break;
                }
            }
        }
        if replies.len() == 2 {
            return checks::dns(site, resolver, &replies);
        }
    }
    // No resolver could be asked: the check cannot say anything about the name.
    checks::dns_unreachable(site, last_error)
}

fn dns_reply(json: &JsValue) -> Result<DnsReply, Said> {
    let status = Reflect::get(json, &"Status".into())
        .ok()
        .and_then(|s| s.as_f64());
    let status = status.ok_or_else(|| why(PanelMsg::WhyNoStatus))? as u32;
    let answers = Reflect::get(json, &"Answer".into()).unwrap_or(JsValue::UNDEFINED);
    let answers = if Array::is_array(&answers) {
        Array::from(&answers).to_vec()
    } else {
        Vec::new()
    };
    let answers = answers
        .iter()
        .filter_map(|record| {
            let kind = Reflect::get(record, &"type".into()).ok()?.as_f64()? as u16;
            let data = Reflect::get(record, &"data".into()).ok()?.as_string()?;
            Some((kind, data))
        })
        .collect();
    Ok(DnsReply { status, answers })
}

async fn status_page(page: &Site, cancel: &AbortSignal) -> Finding {
    let url = format!("{}/api/v2/summary.json", page.url.trim_end_matches('/'));
    let report = fetch_json(&url, "application/json", cancel)
        .await
        .and_then(|json| status_report(&json));
    match report {
        Ok(report) => checks::status_page(&page.url, Ok(&report)),
        Err(reason) => checks::status_page(&page.url, Err(&reason)),
    }
}

fn status_report(json: &JsValue) -> Result<StatusReport, Said> {
    let text = |value: &JsValue, key: &str| {
        Reflect::get(value, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let status = Reflect::get(json, &"status".into()).map_err(|_| why(PanelMsg::WhyNoStatus))?;
    let indicator = text(&status, "indicator").ok_or_else(|| why(PanelMsg::WhyNoIndicator))?;
    let incidents = Reflect::get(json, &"incidents".into()).unwrap_or(JsValue::UNDEFINED);
    let incidents = if Array::is_array(&incidents) {
        Array::from(&incidents).to_vec()
    } else {
        Vec::new()
    };
    Ok(StatusReport {
        indicator,
        description: text(&status, "description").unwrap_or_default(),
        incidents: incidents
            .iter()
            .filter_map(|incident| {
                Some((
                    text(incident, "name")?,
                    text(incident, "status").unwrap_or_default(),
                ))
            })
            .collect(),
    })
}

/// `url` with a parameter that keeps caches from answering for the site.
fn cache_busted(url: &str) -> String {
    let (base, fragment) = url.split_once('#').map_or((url, ""), |(b, f)| (b, f));
    let separator = if base.contains('?') { '&' } else { '?' };
    let hash = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    format!(
        "{base}{separator}fix502={}{hash}",
        js_sys::Date::now() as u64
    )
}

/// Waits `millis` milliseconds.
pub async fn sleep(millis: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
