//! The browser user interface: one question or one piece of guidance per screen, driven by the
//! walk in the URL. Components follow the page from top to bottom, one per file.

mod address_form;
mod answer_list;
mod answered;
mod bodies;
mod body;
mod body_html;
mod check_panel;
mod context_card;
mod end;
mod finding_card;
mod guidance;
mod host;
pub mod location;
mod map;
mod paste_box;
mod picked_by;
pub mod probe;
mod problem_note;
mod question;
mod report_panel;
mod step;
mod walk_link;
mod watch_panel;
mod worker;

pub use body_html::BodyHtml;

use crate::checks::Finding;
use crate::content::Tree;
use crate::engine::{Problem, Walk};
use leptos::prelude::*;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

static TREE: OnceLock<Tree> = OnceLock::new();
/// The tree as fetched, for the worker's jobs.
static TREE_TEXT: OnceLock<String> = OnceLock::new();

/// The decision tree, once [`use_tree`] has taken it in (`start` does so before mounting
/// anything that asks for it).
pub fn tree() -> &'static Tree {
    TREE.get()
        .expect("start() takes the tree in before it mounts the app")
}

/// Takes in the decision tree in its encoded form (`content/tree.txt`, which the build writes
/// beside the bodies). The first tree taken in stays.
pub fn use_tree(encoded: &str) -> Result<(), crate::content::DecodeError> {
    let tree = Tree::decode(encoded)?;
    let _ = TREE.set(tree);
    let _ = TREE_TEXT.set(encoded.to_string());
    Ok(())
}

/// The tree in its encoded form, as [`use_tree`] took it in.
pub fn tree_text() -> &'static str {
    TREE_TEXT.get().map_or("", String::as_str)
}

/// Where the reader is, shared by every component that shows or changes it.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub walk: RwSignal<Walk>,
    /// Why the URL that opened this step could not be followed to the end.
    pub problem: RwSignal<Option<Problem>>,
    /// What each live check found, with the id of the question that ran it, oldest first.
    pub findings: RwSignal<Vec<(String, Finding)>>,
    /// How the reader got to the step on screen.
    pub arrival: RwSignal<Arrival>,
}

/// How the reader got to the step on screen. A question's check runs by itself only when the
/// reader opens a link to it or answers their way to it, never when they step back to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    Opened,
    Forward,
    Back,
}

impl Wizard {
    /// Shows `walk` as a new step in the browser's history.
    pub fn go(&self, walk: Walk) {
        location::push(&walk);
        let forward = walk.changing().is_none()
            && walk.answer_count() > self.walk.with_untracked(Walk::answer_count);
        self.arrival.set(if forward {
            Arrival::Forward
        } else {
            Arrival::Back
        });
        self.problem.set(None);
        self.walk.set(walk);
    }

    /// Keeps what a question's check found, as part of the walk, and tells an embedding page.
    pub fn record(&self, question: &str, finding: Finding) {
        host::post(
            "check-finished",
            &[
                ("step", question.into()),
                ("check", finding.check.name().into()),
                ("outcome", finding.outcome.into()),
            ],
        );
        self.findings
            .update(|findings| findings.push((question.to_string(), finding)));
    }

    /// The latest finding of `question`'s check.
    pub fn finding_for(&self, question: &str) -> Option<Finding> {
        self.findings.with_untracked(|findings| {
            findings
                .iter()
                .rev()
                .find(|(q, _)| q == question)
                .map(|(_, f)| f.clone())
        })
    }

    /// Takes the walk from the current URL (on start and on back/forward). A URL that stops
    /// making sense is replaced by its last valid step, and the reader is told why; one that
    /// named a `step` or an `audience` is replaced by the walk they opened.
    fn follow_location(&self, arrival: Arrival) {
        self.arrival.set(arrival);
        let (walk, problem) = location::read();
        if problem.is_some()
            || location::has_param(crate::engine::STEP_PARAM)
            || location::has_param(crate::engine::AUDIENCE_PARAM)
        {
            location::replace(&walk);
        }
        self.problem.set(problem);
        self.walk.set(walk);
    }
}

/// Starts the app: takes in the decision tree, which index.html began fetching while the wasm
/// loaded, then replaces the start question that index.html painted with the live wizard (or
/// with the map of the tree, for `?map`). Without a tree, index.html's own note says why.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let loaded = early_tree_text()
            .await
            .is_some_and(|text| use_tree(&text).is_ok());
        let document = document();
        let state = if loaded && mount(&document) {
            "started"
        } else {
            "no-tree"
        };
        if let Some(html) = document.document_element() {
            // index.html shows its "could not start" note unless this is set.
            let _ = html.set_attribute("data-app", state);
        }
    });
}

/// The text of `content/tree.txt`, from the request index.html started (`window.fix502Tree`, a
/// promise of the text, or of null when it could not be had).
async fn early_tree_text() -> Option<String> {
    let promise = js_sys::Reflect::get(&window(), &"fix502Tree".into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}

fn mount(document: &web_sys::Document) -> bool {
    let Some(root) = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    root.set_inner_html("");
    if location::has_param(map::MAP_PARAM) {
        leptos::mount::mount_to(root, map::TreeMap).forget();
    } else {
        leptos::mount::mount_to(root, App).forget();
    }
    true
}

#[component]
pub fn App() -> impl IntoView {
    let wizard = Wizard {
        walk: RwSignal::new(Walk::default()),
        problem: RwSignal::new(None),
        findings: RwSignal::new(Vec::new()),
        arrival: RwSignal::new(Arrival::Opened),
    };
    // Read before the walk rewrites a `step` or `audience` it began from, so that a bad value
    // still gets its note.
    let context = location::context();
    wizard.follow_location(Arrival::Opened);
    provide_context(wizard);
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        wizard.follow_location(Arrival::Back)
    });
    on_cleanup(move || listener.remove());
    bodies::prefetch_from(wizard.walk);
    host::connect(wizard, location::embedding());

    view! {
        <context_card::ContextCard context/>
        <problem_note::ProblemNote/>
        <answered::Answered/>
        <step::Step/>
        <report_panel::ReportPanel/>
    }
}
