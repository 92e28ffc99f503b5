//! The report for support, offered at every step (and open at the end of a walk that did not
//! fix the error): the facts of [`crate::report`], written by the guide's worker as plain text,
//! Markdown and JSON, to copy or download, with a preview; and a link that reopens the same
//! step, without the details of the error unless the reader adds them. Secret-looking parts of
//! the failing address stay out of both unless the reader includes them.

use super::{Wizard, location, tree, tree_text, worker};
use crate::checks::encode_findings;
use crate::content::Ending;
use crate::jobs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// The report in its three forms: plain text, Markdown, JSON.
type Texts = [String; 3];

#[component]
pub fn ReportPanel() -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let open_at_end = move || {
        wizard.walk.with(|walk| {
            matches!(
                walk.shown(tree()).ending,
                Some(Ending::NotFixed | Ending::Escalated)
            )
        })
    };
    let open = RwSignal::new(false);
    let with_details = RwSignal::new(false);
    let with_secrets = RwSignal::new(false);
    let status = RwSignal::new("");
    // Rewritten while the panel is open whenever the walk, a check or a choice moves on; the last
    // good texts stay if a rewrite fails.
    let texts = RwSignal::new(None::<Texts>);
    let failed = RwSignal::new(false);
    Effect::new(move || {
        if !open.get() {
            return;
        }
        let findings = wizard.findings.with(|findings| encode_findings(findings));
        let link = wizard
            .walk
            .with(|walk| location::share_link(walk, None, false));
        let secrets = if with_secrets.get() { "1" } else { "" };
        wizard.site.track();
        let query = location::search();
        let opened = wizard.opened.with_value(|opened| opened.query.clone());
        spawn_local(async move {
            let job = [
                jobs::REPORT,
                tree_text(),
                &query,
                &opened,
                &link,
                &findings,
                secrets,
            ];
            match worker::ask(&job).await {
                Ok(answer) => match <Texts>::try_from(answer) {
                    Ok(answer) => {
                        texts.set(Some(answer));
                        failed.set(false);
                    }
                    Err(_) => failed.set(true),
                },
                Err(_) => failed.set(true),
            }
        });
    });
    let share = move || {
        let context = with_details.get().then(location::context);
        let secrets = with_secrets.get();
        wizard
            .walk
            .with(|walk| location::share_link(walk, context.as_ref(), secrets))
    };
    let copy = move |text: String, done: &'static str| {
        if text.is_empty() {
            return;
        }
        spawn_local(async move {
            let copied = JsFuture::from(window().navigator().clipboard().write_text(&text)).await;
            status.set(match copied {
                Ok(_) => done,
                Err(_) => {
                    "This browser did not allow copying: select the text below and copy it by hand."
                }
            });
        });
    };
    let text = move |form: usize| {
        texts.with(|texts| texts.as_ref().map(|t| t[form].clone()).unwrap_or_default())
    };
    let waiting = move || texts.with(Option::is_none);
    const COPIED: &str = "The report is copied: paste it into your message to support.";
    view! {
        <details class="report" prop:open=move || open_at_end() || open.get_untracked() on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary>"Report for support"</summary>
            <p class="hint">"What support teams ask for: the address, the time, the request ids, what you tried, every answer and check, and your browser. It stays on this page until you copy or download it."</p>
            <label class="report-option">
                <input type="checkbox" on:change=move |event| with_secrets.set(event_target_checked(&event))/>
                " Include secret-looking parts of the address (tokens, keys, passwords), which are hidden as ***"
            </label>
            <div class="report-actions">
                <button type="button" disabled=waiting on:click=move |_| copy(text(0), COPIED)>"Copy as text"</button>
                <button type="button" disabled=waiting on:click=move |_| copy(text(1), COPIED)>"Copy as Markdown"</button>
                <button type="button" disabled=waiting on:click=move |_| copy(text(2), COPIED)>"Copy as JSON"</button>
                <a class="button" download="fix502-report.md" href=move || data_url("text/markdown", &text(1))>"Download (.md)"</a>
                <a class="button" download="fix502-report.json" href=move || data_url("application/json", &text(2))>"Download (.json)"</a>
            </div>
            <p class="report-status" role="status">{move || status.get()}</p>
            {move || failed.get().then(|| view! {
                <p class="load-error" role="alert">"The report could not be written. Reload the page and try again."</p>
            })}
            <pre class="report-preview">{move || (waiting() && !failed.get()).then_some("Writing the report…")}{move || text(0)}</pre>
            <h3>"Share this step"</h3>
            <label class="share-details">
                <input type="checkbox" on:change=move |event| with_details.set(event_target_checked(&event))/>
                " Include the error's address, time and request id"
            </label>
            <p class="share"><input class="share-link" type="text" readonly prop:value=share aria-label="Link to this step"/>
                <button type="button" on:click=move |_| copy(share(), "The link is copied.")>"Copy link"</button></p>
        </details>
    }
}

/// The text as a link that downloads it; none until there is a text.
fn data_url(media_type: &str, text: &str) -> Option<String> {
    (!text.is_empty()).then(|| {
        format!(
            "data:{media_type};charset=utf-8,{}",
            js_sys::encode_uri_component(text)
        )
    })
}
