//! The browser half of the live checks: it fetches, times and reads what the browser allows,
//! and hands the observations to [`crate::checks`], which says what they mean. Every fetch has
//! a time limit and can be cancelled, so a hanging server never holds the page.

use super::config::Config;
use crate::checks::{self, Check, DnsReply, Fetched, Finding, Site, StatusReport};
use gloo_net::http::Request;
use js_sys::{Array, JSON, Reflect};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, AbortSignal, RequestCache, RequestMode};

/// How long any one request of a check may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(8);

/// Cancels the requests of a running check when asked to, or when it is dropped.
pub struct Cancel(AbortController);

impl Cancel {
    pub fn new() -> Option<Cancel> {
        AbortController::new().ok().map(Cancel)
    }

    pub fn signal(&self) -> AbortSignal {
        self.0.signal()
    }

    pub fn cancel(&self) {
        self.0.abort();
    }
}

/// Runs `check` against `site` (unused by the online check).
pub async fn run(check: Check, site: Option<&Site>, config: &Config, cancel: &AbortSignal) -> Option<Finding> {
    match (check, site) {
        (Check::Online, _) => {
            let navigator_online = window().navigator().on_line();
            let own = fetch("./", RequestMode::SameOrigin, cancel).await;
            Some(checks::online(navigator_online, &own))
        }
        (Check::SiteAnswers, Some(site)) => {
            let fetched = fetch(&cache_busted(&site.url), RequestMode::NoCors, cancel).await;
            Some(checks::site_answers(site, &fetched))
        }
        (Check::SiteStatus, Some(site)) => {
            let fetched = fetch(&cache_busted(&site.url), RequestMode::Cors, cancel).await;
            Some(checks::site_status(site, &fetched))
        }
        (Check::Dns, Some(site)) => Some(dns(site, config, cancel).await),
        (Check::StatusPage, _) => Some(status_page(config, cancel).await),
        (_, None) => None,
    }
}

/// A fetch with a time limit, as a [`Fetched`]. A cancelled fetch reads as failed.
async fn fetch(url: &str, mode: RequestMode, cancel: &AbortSignal) -> Fetched {
    let started = now();
    let limit = AbortController::new().ok();
    // One signal for both the reader's Cancel and the time limit.
    let signal = limit.as_ref().map(|limit| limit.signal());
    if let (Some(limit), true) = (limit.clone(), !cancel.aborted()) {
        let _ = set_timeout_with_handle(move || limit.abort(), TIME_LIMIT);
    }
    let cancel_hook = cancel.clone();
    let chained = limit.clone();
    let forward = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(limit) = &chained {
            limit.abort();
        }
    });
    cancel_hook.set_onabort(Some(wasm_bindgen::JsCast::unchecked_ref(forward.as_ref())));
    let response = Request::get(url)
        .mode(mode)
        .cache(RequestCache::NoStore)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    cancel_hook.set_onabort(None);
    drop(forward);
    let millis = (now() - started).max(0.0) as u32;
    match response {
        Ok(response) => Fetched::Answered {
            millis,
            status: response.status(),
            headers: response.headers().entries().collect(),
            opaque: response.type_() == web_sys::ResponseType::Opaque,
        },
        Err(_) if signal.as_ref().is_some_and(AbortSignal::aborted) && !cancel.aborted() => {
            Fetched::TimedOut { millis }
        }
        Err(error) => Fetched::Failed { millis, message: error.to_string() },
    }
}

/// The JSON body of a CORS fetch, parsed by the browser.
async fn fetch_json(url: &str, accept: &str, cancel: &AbortSignal) -> Result<JsValue, String> {
    let response = Request::get(url)
        .header("accept", accept)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(cancel))
        .send()
        .await
        .map_err(|_| "it did not answer, or does not allow other sites to read it".to_string())?;
    if !response.ok() {
        return Err(format!("it answered {}", response.status()));
    }
    let text = response.text().await.map_err(|error| error.to_string())?;
    JSON::parse(&text).map_err(|_| "its answer is not JSON".to_string())
}

async fn dns(site: &Site, config: &Config, cancel: &AbortSignal) -> Finding {
    let mut last_error = String::new();
    for resolver in &config.resolvers {
        let mut replies = Vec::new();
        for kind in ["A", "AAAA"] {
            let separator = if resolver.contains('?') { '&' } else { '?' };
            let url = format!("{resolver}{separator}name={}&type={kind}", site.host);
            match fetch_json(&url, "application/dns-json", cancel).await.and_then(|json| dns_reply(&json)) {
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
    checks::dns_unreachable(site, &last_error)
}

fn dns_reply(json: &JsValue) -> Result<DnsReply, String> {
    let status = Reflect::get(json, &"Status".into()).ok().and_then(|s| s.as_f64());
    let status = status.ok_or("the resolver's answer has no Status")? as u32;
    let answers = Reflect::get(json, &"Answer".into()).unwrap_or(JsValue::UNDEFINED);
    let answers = if Array::is_array(&answers) { Array::from(&answers).to_vec() } else { Vec::new() };
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

async fn status_page(config: &Config, cancel: &AbortSignal) -> Finding {
    let Some(page) = config.status_page.as_deref() else {
        return checks::status_page("", Err("no status page is known for this site"));
    };
    let url = format!("{}/api/v2/summary.json", page.trim_end_matches('/'));
    let report = fetch_json(&url, "application/json", cancel).await.and_then(|json| status_report(&json));
    match report {
        Ok(report) => checks::status_page(page, Ok(&report)),
        Err(reason) => checks::status_page(page, Err(&reason)),
    }
}

fn status_report(json: &JsValue) -> Result<StatusReport, String> {
    let text = |value: &JsValue, key: &str| Reflect::get(value, &key.into()).ok().and_then(|v| v.as_string());
    let status = Reflect::get(json, &"status".into()).map_err(|_| "no status in its answer".to_string())?;
    let indicator = text(&status, "indicator").ok_or("no status indicator in its answer")?;
    let incidents = Reflect::get(json, &"incidents".into()).unwrap_or(JsValue::UNDEFINED);
    let incidents = if Array::is_array(&incidents) { Array::from(&incidents).to_vec() } else { Vec::new() };
    Ok(StatusReport {
        indicator,
        description: text(&status, "description").unwrap_or_default(),
        incidents: incidents
            .iter()
            .filter_map(|incident| Some((text(incident, "name")?, text(incident, "status").unwrap_or_default())))
            .collect(),
    })
}

/// `url` with a parameter that keeps caches from answering for the site.
fn cache_busted(url: &str) -> String {
    let (base, fragment) = url.split_once('#').map_or((url, ""), |(b, f)| (b, f));
    let separator = if base.contains('?') { '&' } else { '?' };
    let hash = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    format!("{base}{separator}fix502={}{hash}", now() as u64)
}

fn now() -> f64 {
    js_sys::Date::now()
}
