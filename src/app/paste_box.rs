//! Paste to diagnose: an error page, response headers or log lines go in, and out come the
//! gateway, the cause, the request ids and the exact lines that show them, with a link to the
//! guidance for that cause. The text is read here, in the browser, and never sent anywhere.

use super::bodies::fetch_content;
use super::tree;
use super::walk_link::WalkLink;
use crate::analyze::{self, Analysis, Confidence, Rules};
use crate::engine::Walk;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::OnceLock;

/// The signatures the build validated, fetched from beside the app the first time a paste is
/// read (most readers never paste, so they do not pay for them on the first screen).
async fn rules() -> Option<&'static Rules> {
    static RULES: OnceLock<Rules> = OnceLock::new();
    if let Some(rules) = RULES.get() {
        return Some(rules);
    }
    let rules = Rules::decode(&fetch_content("signatures.txt").await.ok()?).ok()?;
    Some(RULES.get_or_init(|| rules))
}

#[component]
pub fn PasteBox() -> impl IntoView {
    let text = RwSignal::new(String::new());
    // None until the first read; then the findings, or None when the signatures could not load.
    let result = RwSignal::new(None::<Option<(Analysis, &'static Rules)>>);
    let read = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        spawn_local(async move {
            let rules = rules().await;
            let read = rules.map(|rules| (analyze::analyze(rules, &text.get_untracked()), rules));
            result.set(Some(read));
        });
    };
    view! {
        <details class="paste">
            <summary>"Have the error page, the response headers or a log line? Paste it"</summary>
            <form on:submit=read>
                <label for="paste-text">"Paste the error page, the response headers or a log line"</label>
                <textarea id="paste-text" rows="6" spellcheck="false"
                    on:input=move |event| text.set(event_target_value(&event))></textarea>
                <p class="hint">"This is read in your browser: what you paste never leaves this page."</p>
                <button type="submit">"Read it"</button>
            </form>
            {move || result.get().map(|read| match read {
                Some((analysis, rules)) => view! { <PasteFindings analysis rules/> }.into_any(),
                None => view! {
                    <p class="load-error" role="alert">
                        "The list of known error messages could not be loaded: you may be offline. Try again in a moment, or answer the questions instead."
                    </p>
                }.into_any(),
            })}
        </details>
    }
}

#[component]
fn PasteFindings(analysis: Analysis, rules: &'static Rules) -> impl IntoView {
    if analysis.confidence == Confidence::None {
        return view! {
            <p class="paste-none" role="status">
                "Nothing in this text matches what this guide knows of 502 errors. Answer the questions instead: they lead to the same advice."
            </p>
        }
        .into_any();
    }
    let walks = Walk::shortest_to_each(tree());
    let link = |node: &Option<String>| node.as_deref().and_then(|id| walks.get(id).cloned());
    let gateway = rules
        .gateways
        .iter()
        .find(|g| g.id == analysis.gateway)
        .map_or("not recognised".to_string(), |g| g.name.clone());
    let gateway = match &analysis.version {
        Some(version) => format!("{gateway} {version}"),
        None => gateway,
    };
    let cause = match analysis.cause.as_str() {
        "unknown" => "not recognised".to_string(),
        cause => format!("{} ({cause})", analyze::cause_meaning(cause)),
    };
    let ids = analysis
        .request_ids
        .iter()
        .map(|(kind, id)| view! { <li>{kind.clone()} ": " <code>{id.clone()}</code></li> })
        .collect_view();
    let lines = analysis
        .evidence
        .iter()
        .take(5)
        .map(|e| view! { <li><span class="paste-line">{format!("line {}", e.line)}</span>" "<code>{e.text.clone()}</code></li> })
        .collect_view();
    let next = link(&analysis.node);
    let also = analysis
        .also
        .iter()
        .filter_map(|(cause, node)| Some((cause.clone(), link(node)?)))
        .map(|(cause, to)| view! { <li><WalkLink to>{analyze::cause_meaning(&cause)}</WalkLink></li> })
        .collect_view();
    view! {
        <section class="paste-findings" role="status" data-confidence=analysis.confidence.name()>
            <h3>"What the paste shows"</h3>
            <dl>
                <dt>"Gateway"</dt><dd class="paste-gateway">{gateway}</dd>
                <dt>"Status"</dt><dd>{analysis.status.map_or("not shown".into(), |s| s.to_string())}</dd>
                <dt>"Cause"</dt><dd class="paste-cause">{cause}</dd>
                <dt>"Sure?"</dt><dd>{match analysis.confidence {
                    Confidence::High => "yes: the gateway and the cause both match known lines",
                    _ => "partly: only the gateway or only the cause is known",
                }}</dd>
            </dl>
            {(!analysis.request_ids.is_empty()).then(|| view! { <p>"Request ids, for support:"</p><ul>{ids}</ul> })}
            <p>"The lines that show it:"</p>
            <ul class="paste-evidence">{lines}</ul>
            {next.map(|to| view! { <p><WalkLink to class="paste-go">"Open the guidance for this"</WalkLink></p> })}
            {(!analysis.also.is_empty()).then(|| view! { <p>"The paste also shows:"</p><ul>{also}</ul> })}
        </section>
    }
    .into_any()
}
