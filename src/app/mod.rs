//! The browser user interface: one question or one piece of guidance per screen, driven by the
//! walk in the URL. Components follow the page from top to bottom, one per file.

mod address_form;
mod alert;
mod announce;
mod answer_list;
mod answered;
mod body;
mod body_html;
pub mod browser;
mod check_panel;
mod copy;
mod deferred;
mod end;
mod focus;
mod guidance;
mod known;
mod linked_error_card;
mod map;
mod paste_box;
mod picked_by;
mod problem_note;
mod question;
mod report_panel;
mod retry;
mod step;
mod walk_link;
mod watch_panel;

pub use body_html::BodyHtml;
pub use browser::tree_store::{take_in_tree, tree};
pub use browser::{location, probe};

use crate::checks::{Check, Finding};
use crate::engine::{Problem, Walk};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    /// The address of the page that failed, as the link gave it or the reader typed it (the
    /// `url` parameter), which the checks test and the advice names.
    pub site: RwSignal<Option<String>>,
    /// The walk the reader left by following a link in place (a paste's finding): Back from
    /// the first step of the walk it opened returns there.
    pub came_from: RwSignal<Option<Walk>>,
    /// What the link that opened the guide said.
    pub opened: StoredValue<Opened>,
}

/// The link that opened the guide: its query, and the address and request id it gave.
pub struct Opened {
    pub query: String,
    pub url: Option<String>,
    pub rid: Option<String>,
}

/// How the reader got to the step on screen. A question's check runs by itself only when the
/// reader opens a link to it or answers their way to it, never when they step back (or
/// forward through the browser's history) to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// A link, or the start: a walk that began somewhere new.
    Opened,
    /// An answer moved the walk on.
    Answered,
    /// Back to a step seen before: the Back link, a changed answer, or the browser's history
    /// in either direction.
    Returned,
}

impl Wizard {
    /// Shows `walk` as a new step in the browser's history: at once, or once the whole tree is
    /// in, when the parts of it that a first visit starts with do not hold that step.
    pub fn go(&self, walk: Walk) {
        if !walk.is_held_by(tree()) {
            let wizard = *self;
            return browser::tree_store::when_whole(Box::new(move || wizard.go(walk)));
        }
        location::push(&walk);
        let (began, count) = self
            .walk
            .with_untracked(|now| (now.began().clone(), now.answer_count()));
        let arrival = if *walk.began() != began {
            Arrival::Opened
        } else if walk.changing().is_none() && walk.answer_count() > count {
            Arrival::Answered
        } else {
            Arrival::Returned
        };
        self.arrival.set(arrival);
        self.problem.set(None);
        self.walk.set(walk);
    }

    /// Follows a link to another walk in place, remembering the walk it leaves.
    pub fn follow(&self, walk: Walk) {
        self.came_from.set(Some(self.walk.get_untracked()));
        self.go(walk);
    }

    /// Where Back leads from the step on screen: the walk the reader came from when they are
    /// on the first step of a walk they followed in place, else one step back.
    pub fn back(&self) -> Walk {
        let walk = self.walk.get();
        let at_first = walk.answer_count() == 0 && walk.changing().is_none();
        match self.came_from.get() {
            Some(previous) if at_first => previous,
            _ => walk.back(tree()),
        }
    }

    /// Uses `address` (or none) as the failing page's address, in the link too.
    pub fn set_site(&self, address: Option<&str>) {
        location::set_param(crate::url_contract::URL, address);
        self.site.set(address.map(String::from));
    }

    /// Starts a new walk from the start. An address the reader typed is forgotten; one the
    /// link that opened the guide gave stays, as the error it describes has not changed.
    pub fn start_over(&self) {
        let given = self.opened.with_value(|opened| opened.url.clone());
        if self.site.get_untracked() != given {
            self.set_site(given.as_deref());
        }
        self.came_from.set(None);
        self.findings.set(Vec::new());
        self.go(Walk::default());
    }

    /// Keeps what a question's check found, as part of the walk, and tells an embedding page.
    pub fn record(&self, question: &str, finding: Finding) {
        browser::embedder::post(
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
        self.latest_finding(|q, _| q == question)
    }

    /// The latest finding of `check`, on whichever question it ran.
    pub fn finding_of(&self, check: Check) -> Option<Finding> {
        self.latest_finding(|_, f| f.check == check)
    }

    fn latest_finding(&self, wanted: impl Fn(&str, &Finding) -> bool) -> Option<Finding> {
        self.findings.with_untracked(|findings| {
            findings
                .iter()
                .rev()
                .find(|(q, f)| wanted(q, f))
                .map(|(_, f)| f.clone())
        })
    }

    /// Takes the walk from the current URL (on start and on back/forward). A URL that stops
    /// making sense is replaced by its last valid step, and the reader is told why; one in an
    /// older form (`step`, `audience`) is replaced by the form that says the same.
    fn follow_location(&self, arrival: Arrival) {
        let read = location::read();
        // Only the whole tree may call an address wrong, or show a step its parts do not hold.
        if !browser::tree_store::can_show(&read) {
            let wizard = *self;
            return browser::tree_store::when_whole(Box::new(move || {
                wizard.follow_location(arrival)
            }));
        }
        let (walk, problem) = read;
        self.arrival.set(arrival);
        let written = walk.to_query(&location::search());
        if problem.is_some() || written != location::search().trim_start_matches('?') {
            location::replace(&walk);
        }
        self.site.set(location::param(crate::url_contract::URL));
        self.problem.set(problem);
        self.walk.set(walk);
    }
}

/// Starts the app: takes in the decision tree, which index.html began fetching while the wasm
/// loaded, then replaces the start question that index.html painted with the live wizard (or
/// with the map of the tree, for `?map`). Without a tree, index.html's own note says why.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        browser::language::take_in().await;
        let parts = browser::early::text("fix502Tree")
            .await
            .is_some_and(|text| take_in_tree(&text).is_ok());
        // Only the whole tree may call the address wrong: parts that cannot show its step wait
        // for the rest before anything shows.
        let followed = parts && browser::tree_store::can_show(&location::read());
        let loaded = followed || browser::tree_store::whole_tree().await;
        let document = document();
        let started = loaded && mount(&document);
        if let Some(html) = document.document_element() {
            // index.html shows its "could not start" note unless this is set.
            let state = if started { "started" } else { "no-tree" };
            let _ = html.set_attribute("data-app", state);
        }
        // The rest of the tree and the panels, once the step on screen works: the next steps
        // need them.
        if started {
            if !location::has_param(crate::url_contract::MAP) {
                deferred::prefetch();
            }
            browser::tree_store::whole_tree().await;
        }
    });
}

fn mount(document: &web_sys::Document) -> bool {
    let Some(root) = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    root.set_inner_html("");
    if location::has_param(crate::url_contract::MAP) {
        deferred::map(root);
    } else {
        leptos::mount::mount_to(root, App).forget();
    }
    true
}

#[component]
pub fn App() -> impl IntoView {
    // Read before the walk rewrites a `step` or `audience` it began from, so that a bad value
    // still gets its note; the values left out then leave the address bar.
    let opened = location::search();
    let context = location::linked_error();
    if !context.notes.is_empty() {
        location::replace_query(&context.without_dropped(&opened));
    }
    let wizard = Wizard {
        walk: RwSignal::new(Walk::default()),
        problem: RwSignal::new(None),
        findings: RwSignal::new(Vec::new()),
        arrival: RwSignal::new(Arrival::Opened),
        site: RwSignal::new(None),
        came_from: RwSignal::new(None),
        opened: StoredValue::new(Opened {
            query: opened,
            url: context.url.clone(),
            rid: context.rid.clone(),
        }),
    };
    wizard.follow_location(Arrival::Opened);
    provide_context(wizard);
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        wizard.follow_location(Arrival::Returned)
    });
    on_cleanup(move || listener.remove());
    browser::embedder::connect(wizard, location::embedding());

    view! {
        <linked_error_card::LinkedErrorCard context/>
        <problem_note::ProblemNote/>
        <step::Step/>
        {deferred::answered(wizard)}
        <report_panel::ReportPanel/>
    }
}
