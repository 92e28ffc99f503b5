//! The report for support, offered at every step (and open at the end of a walk that did not
//! fix the error). The worker writes its contents (see [`crate::jobs::report`]): the report as
//! plain text, Markdown and JSON with their copy buttons and downloads, and the link that
//! shares the step. This panel holds the reader's choices (on a page in another language, the
//! report in English or in that language; keep secret-looking parts of the address; share the
//! error's details) and asks again whenever they, the walk or a check change.
//! Only its `<details>` is in the first screen: what it holds comes from the panels' module
//! when it first opens (see [`super::deferred`]).

use super::browser::language::{panel_words, t};
use super::{Wizard, browser::worker, copy, location, tree};
use crate::checks::encode_findings;
use crate::content::Ending;
use crate::i18n::{Lang, Msg, PanelMsg};
use crate::{analyze, jobs};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
    // Most readers never open it, so its contents are asked for only once it has been open.
    let opened =
        Memo::new(move |was: Option<&bool>| was == Some(&true) || open.get() || open_at_end());
    view! {
        <details class="report" prop:open=move || open_at_end() || open.get_untracked() on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary>{t(Msg::ReportForSupport)}</summary>
            {move || opened.get().then(|| super::deferred::report(open.read_only()))}
        </details>
    }
}

/// What the panel holds once open: the reader's two choices, the report and the share link.
#[component]
pub fn ReportBody(open: ReadSignal<bool>) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let with_details = RwSignal::new(false);
    let with_secrets = RwSignal::new(false);
    // Whether the reader chose the report in the page's language rather than in English.
    let in_language = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // The panel's markup and the share link's, from the worker; the last good ones stay if a
    // rewrite fails.
    let panel = RwSignal::new(None::<(String, String)>);
    let failed = RwSignal::new(false);
    Effect::new(move || {
        if !open.get() {
            return;
        }
        let findings = wizard.findings.with(|findings| encode_findings(findings));
        let flag = |set: bool| if set { "1" } else { "" };
        let (secrets, details) = (flag(with_secrets.get()), flag(with_details.get()));
        wizard.walk.track();
        wizard.site.track();
        let query = location::search();
        let opened = wizard.opened.with_value(|opened| opened.query.clone());
        let base = location::base();
        // The panel's buttons in the page's words; English needs none sent.
        let (words, lang) = match panel_words().lang() {
            Lang::En => (String::new(), ""),
            lang => (
                panel_words().encode(),
                if in_language.get() { lang.name() } else { "" },
            ),
        };
        // A paste's cause is one of the page's messages: said here for a report in its language.
        let cause = match lang {
            "" => String::new(),
            _ => wizard.walk.with(|walk| {
                let found = walk.began().found.as_ref();
                found.map_or(String::new(), |found| {
                    t(analyze::cause_message(&found.cause)).to_string()
                })
            }),
        };
        spawn_local(async move {
            // The worker writes it with the English tree (support teams read English), or the
            // page's language's if the reader chose it.
            let job = [
                jobs::REPORT,
                &query,
                &opened,
                &base,
                &findings,
                secrets,
                details,
                &words,
                &cause,
                lang,
            ];
            match worker::ask(&job).await.as_deref() {
                Ok([report, share]) => {
                    panel.set(Some((report.clone(), share.clone())));
                    failed.set(false);
                }
                _ => failed.set(true),
            }
        });
    });
    let part = move |share: bool| {
        panel.with(|panel| match (panel, share) {
            (Some((report, _)), false) => report.clone(),
            (Some((_, link)), true) => link.clone(),
            (None, _) => String::new(),
        })
    };
    let say = move |text| status.set(text);
    let words = |msg| panel_words().text(msg);
    view! {
            <p class="hint">{words(PanelMsg::ReportHint)}</p>
            {(panel_words().lang() != Lang::En).then(|| view! {
                <fieldset class="report-language">
                    <legend>{words(PanelMsg::ReportLanguage)}</legend>
                    <label lang="en"><input type="radio" name="report-language" checked on:change=move |_| in_language.set(false)/>" English"</label>
                    <label><input type="radio" name="report-language" on:change=move |_| in_language.set(true)/>" "{panel_words().lang().native_name()}</label>
                </fieldset>
            })}
            <label class="report-option">
                <input type="checkbox" on:change=move |event| with_secrets.set(event_target_checked(&event))/>
                " "{words(PanelMsg::ReportSecrets)}
            </label>
            <p class="report-status" role="status">{move || status.get()}</p>
            {move || failed.get().then(|| view! {
                <p class="load-error" role="alert">{words(PanelMsg::ReportFailed)}</p>
            })}
            {move || (panel.with(Option::is_none) && !failed.get()).then(|| view! { <p class="loading">{words(PanelMsg::ReportWriting)}</p> })}
            <div class="report-body" inner_html=move || part(false) on:click=move |event| copy::on_click(&event, say)></div>
            <h3>{words(PanelMsg::ShareStep)}</h3>
            <label class="share-details">
                <input type="checkbox" on:change=move |event| with_details.set(event_target_checked(&event))/>
                " "{words(PanelMsg::ShareDetails)}
            </label>
            <div inner_html=move || part(true) on:click=move |event| copy::on_click(&event, say)></div>
    }
}
