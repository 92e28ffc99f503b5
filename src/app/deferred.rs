//! The panels most readers never open, kept out of the first screen's wasm: the live checks,
//! the watch, the report's contents, the reading of a paste, the list of answers given (folded
//! away below the step) and what the link said about the error (folded away above it), in the
//! module `panels`, and the map of every step in `map`.
//! Each function here is a split point (see docs/arch/0003-panels-load-on-first-use.md): the
//! build moves it, and all the code only it reaches, into a second wasm module that the page
//! fetches the first time one of them runs. A module that cannot be fetched says so where the
//! panel would be, with a way to try again; the reader can always answer the questions by hand.

use super::Wizard;
use super::alert::alert_html;
use super::answered::{Answered, shows_anything};
use super::browser::language::{self, panel_words, t};
use super::check_panel::CheckPanel;
use super::linked_error_card::{ContextDetails, ContextFacts};
use super::report_panel::ReportBody;
use super::watch_panel::WatchPanel;
use crate::checks::{Check, Finding};
use crate::content::Node;
use crate::engine::Walk;
use crate::html::finding_card;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use web_sys::{Blob, Element, HtmlElement};

/// What a reader sees where the map could not be fetched.
const NO_MAP: &str = "The map could not load. Check your connection, then reload the page.";

/// A panel to show. One split point for all of them, so that the first screen carries one
/// copy of the code that waits for the module rather than one per panel.
enum Panel {
    Check(&'static Node, Check, Walk),
    Watch(&'static Node),
    Report(ReadSignal<bool>),
    /// What a check found, in the answered list (a check ran, so the module is in).
    Evidence(Finding),
    /// How the reader got to the step on screen.
    Answered,
    /// What the link said about the error, once its line is open.
    Context(ContextFacts),
}

// The split points. The app's build splits (Cargo feature `split`, set by index.html); other
// builds of the library, such as the worker's and the browser tests', call them directly, as a
// split point's exports would otherwise keep the panels alive in every binary.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        panels,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_panels)
    )
)]
#[cfg_attr(not(feature = "split"), expect(clippy::unnecessary_wraps))]
fn panel(panel: Panel) -> Result<AnyView, SplitLoaderError> {
    Ok(match panel {
        Panel::Check(node, check, walk) => view! { <CheckPanel node check walk/> }.into_any(),
        Panel::Watch(node) => view! { <WatchPanel node/> }.into_any(),
        Panel::Report(open) => view! { <ReportBody open/> }.into_any(),
        Panel::Evidence(finding) => {
            let card = finding_card(&finding, panel_words());
            view! { <div class="evidence" inner_html=card></div> }.into_any()
        }
        Panel::Answered => view! { <Answered/> }.into_any(),
        Panel::Context(facts) => view! { <ContextDetails facts/> }.into_any(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(panels, wasm_split_path = ::leptos::wasm_split, fallible)
)]
#[cfg_attr(not(feature = "split"), expect(clippy::unnecessary_wraps))]
fn paste_reader(found: Element, given: Blob) -> Result<(), SplitLoaderError> {
    super::paste_box::read(found, given);
    Ok(())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)
)]
#[cfg_attr(not(feature = "split"), expect(clippy::unnecessary_wraps))]
fn map_page(root: HtmlElement) -> Result<(), SplitLoaderError> {
    super::map::show(&root);
    Ok(())
}

/// A split point's result, waiting for the panels' module where the build split it.
#[cfg(feature = "split")]
async fn split<T>(
    called: impl Future<Output = Result<T, SplitLoaderError>>,
) -> Result<T, SplitLoaderError> {
    called.await
}
#[cfg(not(feature = "split"))]
async fn split<T>(called: Result<T, SplitLoaderError>) -> Result<T, SplitLoaderError> {
    called
}

/// Fetches the panels' module once the first screen works, unless the browser asks to save
/// data: most walks meet a live check within a step or two, which then shows at once, and a
/// reader whose network drops after the first page keeps the checks, which tell them so. Not
/// before: the first screen's bytes are the ones a reader waits for.
pub fn prefetch() {
    if !save_data() {
        // A failed fetch is tried again when a panel needs the module.
        wasm_bindgen_futures::spawn_local(async {
            let _ = preload().await;
        });
    }
}

/// What a check found, as evidence, if the panels' module is in (it is wherever a check ran).
pub fn evidence(finding: Finding) -> Option<AnyView> {
    in_module(Panel::Evidence(finding))
}

/// `which` panel, if the panels' module is in: with it in, the split point's future is ready
/// at once.
fn in_module(which: Panel) -> Option<AnyView> {
    ready(split(panel(which))).and_then(Result::ok)
}

/// How the reader got to the step on screen, once the panels' module is in. It is one folded
/// line below the step, so nothing shows while the module comes (or if it cannot: Back and
/// the answers still lead everywhere), and the module is asked for only once there is
/// something to show: the start needs none, which with Save-Data keeps the first screen alone.
pub fn answered(wizard: Wizard) -> impl IntoView {
    let arrived = RwSignal::new(None::<bool>);
    Effect::new(move || {
        if wizard.walk.with(shows_anything) && arrived.get_untracked() != Some(true) {
            fetch(arrived);
        }
    });
    move || {
        (arrived.get() == Some(true))
            .then(|| in_module(Panel::Answered))
            .flatten()
    }
}

/// Fetches the panels' words in the page's language, then the panels' module, where the
/// build split it; `<html data-panels="in">` then says the module is in.
async fn preload() -> Result<(), SplitLoaderError> {
    language::fetch_panel_words().await;
    #[cfg(feature = "split")]
    preload_panels().await?;
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-panels", "in");
    }
    Ok(())
}

/// Whether the browser asks pages to save data (`navigator.connection.saveData`).
fn save_data() -> bool {
    js_sys::Reflect::get(&window().navigator(), &"connection".into())
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()))
        .is_ok_and(|save| save.is_truthy())
}

/// A question's live check.
pub fn check(node: &'static Node, check: Check, walk: Walk) -> impl IntoView {
    loaded(Box::new(move || Panel::Check(node, check, walk.clone())))
}

/// A guidance step's offer to watch the site.
pub fn watch(node: &'static Node) -> impl IntoView {
    loaded(Box::new(move || Panel::Watch(node)))
}

/// What the link said about the error, once its line is open.
pub fn context(facts: ContextFacts) -> impl IntoView {
    loaded(Box::new(move || Panel::Context(facts.clone())))
}

/// The report panel's contents, once it is open.
pub fn report(open: ReadSignal<bool>) -> impl IntoView {
    loaded(Box::new(move || Panel::Report(open)))
}

/// Shows the map of every step (`?map`) in `root`: a page of its own, whose code is a module
/// of its own too, as readers of the guide never see it.
pub fn map(root: HtmlElement) {
    // No Leptos owner runs on this page, so the future goes straight to the browser.
    wasm_bindgen_futures::spawn_local(async move {
        if split(map_page(root.clone())).await.is_err() {
            root.set_inner_html(&alert_html(NO_MAP));
        }
    });
}

/// Reads a paste in `found`'s box, or says there why it cannot.
pub fn read_paste(found: Element, given: Blob) {
    leptos::task::spawn_local(async move {
        if split(paste_reader(found.clone(), given)).await.is_err()
            && let Ok(Some(result)) = found.query_selector(".paste-result")
        {
            result.set_inner_html(&alert_html(t(Msg::PasteNotRead)));
        }
    });
}

/// The panel `which` gives, once the panels' module is in, or the reason it is not with a
/// button that tries again. No `<Suspense>` or `Suspend`: the first screen's wasm would carry
/// their machinery for this one wait. `which` is boxed so that every slot shares one copy of
/// this code.
fn loaded(which: Box<dyn Fn() -> Panel + Send + Sync>) -> impl IntoView {
    // Whether the module is in: not yet (None), or whether fetching it worked.
    let arrived = RwSignal::new(None::<bool>);
    fetch(arrived);
    // While the module is on its way the slot is empty and the stylesheet writes "Loading…"
    // in it.
    move || {
        let shown = arrived.get().map(|arrived| match arrived {
            true => in_module(which()),
            false => None,
        });
        view! { <div class="panel-slot">{shown.map(|panel| panel.unwrap_or_else(|| failed(arrived)))}</div> }
    }
}

/// Fetches the panels' module (once: the loader keeps it) and says in `arrived` whether it came.
fn fetch(arrived: RwSignal<Option<bool>>) {
    arrived.set(None);
    leptos::task::spawn_local(async move {
        // The step may have gone by the time the module comes.
        let _ = arrived.try_set(Some(preload().await.is_ok()));
    });
}

/// What shows where the module could not be fetched.
fn failed(arrived: RwSignal<Option<bool>>) -> AnyView {
    view! {
        <div class="load-error" role="alert">
            <p>{t(Msg::PartNotLoaded)}</p>
            <button type="button" on:click=move |_| fetch(arrived)>{t(Msg::TryAgain)}</button>
        </div>
    }
    .into_any()
}

/// The output of a future that needs no waiting, or none if it does.
fn ready<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}
