//! Paste to diagnose: an error page, response headers or log lines go in, and out come the
//! gateway, the cause, the request ids and the exact lines that show them, with a link to the
//! guidance for that cause. The text is read here, in the browser, and never sent anywhere.

use super::tree;
use super::walk_link::WalkLink;
use crate::analyze::{self, Analysis, Confidence, Rules};
use crate::engine::Walk;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The signatures the build validated and embedded.
fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        Rules::decode(include_str!(concat!(env!("OUT_DIR"), "/signatures.txt")))
            .expect("the build validates the signatures and a test decodes them")
    })
}

#[component]
pub fn PasteBox() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Analysis>);
    let read = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        result.set(Some(analyze::analyze(rules(), &text.get_untracked())));
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
            {move || result.get().map(|analysis| view! { <PasteFindings analysis/> })}
        </details>
    }
}

#[component]
fn PasteFindings(analysis: Analysis) -> impl IntoView {
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
    let gateway = rules()
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
