//! A question's live check: it says which address it checks (and lets the reader correct it),
//! runs with a visible Cancel, shows its evidence once, and answers the question when the author
//! mapped the outcome to an answer. The reader can always answer by hand instead.

use super::address_form::AddressForm;
use super::announce::announce;
use super::browser::language::{fill, panel_words, say, t};
use super::focus::use_kept_focus;
use super::{Arrival, Wizard, location, probe, tree};
use crate::checking::Run;
use crate::checks::{self, Check, Input, Site};
use crate::content::Node;
use crate::engine::Walk;
use crate::i18n::Msg;
use crate::url_contract as param;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[component]
pub fn CheckPanel(node: &'static Node, check: Check, walk: Walk) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let input = check.input();
    let run = RwSignal::new(Run::Idle { refused: None });
    let editing = RwSignal::new(false);
    let runs = probe::Runs::for_component();
    let here = StoredValue::new(walk.clone());
    // The address as the reader typed it, which may still lack its scheme.
    let typed = StoredValue::new(None::<Site>);
    let address = move || match input {
        Some(Input::Site) => wizard.site.get(),
        Some(Input::StatusPage) => location::param(param::STATUS_PAGE),
        None => None,
    };

    // Keeps what the check found and answers the question with it, if the author mapped it.
    let settle = move |finding: checks::Finding| {
        let walk = here.get_value();
        wizard.record(&node.id, finding.clone());
        let picked = node.answer_for(finding.outcome).and_then(|answer| {
            let next = walk.choose_by_check(tree(), &answer.next)?;
            Some((answer, next))
        });
        // Move on only if the reader is still on this question.
        match picked {
            Some((answer, next)) if wizard.walk.get_untracked() == walk => {
                let answered = fill(Msg::CheckAnswered, &[("answer", &answer.label)]);
                let found = panel_words().say_all(&finding.summary);
                announce(&format!("{found} {answered}"));
                wizard.go(next);
            }
            _ => {
                announce(&panel_words().say_all(&finding.summary));
                run.set(Run::Found(finding));
            }
        }
    };
    let start = move || {
        let site = match input {
            None => None,
            Some(_) => {
                let given = address();
                let typed = typed
                    .get_value()
                    .filter(|site| Some(&site.url) == given.as_ref());
                match typed
                    .map(Ok)
                    .or_else(|| given.map(|given| checks::site(&given)))
                {
                    Some(Ok(site)) => Some(site),
                    Some(Err(refused)) => {
                        return run.set(Run::Idle {
                            refused: Some(say(&refused)),
                        });
                    }
                    None => return run.set(Run::Idle { refused: None }),
                }
            }
        };
        let Some(signal) = runs.start() else {
            return run.set(Run::Idle { refused: None });
        };
        run.set(Run::Running);
        editing.set(false);
        spawn_local(async move {
            let (resolvers, _) = resolvers();
            let found = probe::run(check, site.as_ref(), &resolvers, &signal).await;
            if signal.aborted() {
                return;
            }
            let Some((finding, answered_at)) = found else {
                return run.set(Run::Idle { refused: None });
            };
            if let Some(answered_at) = answered_at {
                wizard.set_site(Some(&answered_at));
            }
            settle(finding);
        });
    };
    let use_address = move |site: Site| {
        match input {
            Some(Input::StatusPage) => location::set_param(param::STATUS_PAGE, Some(&site.url)),
            _ => wizard.set_site(Some(&site.url)),
        }
        typed.set_value(Some(site));
        start();
    };

    // Run by itself when the reader opens a link to the question or answers their way to it;
    // not when they step back to it, change an answer, or need to read why a link was cut.
    let ran_before = wizard.finding_for(&node.id);
    // A check asked once a walk answers each question that asks it from what it found first.
    let ran_earlier = check
        .once_a_walk()
        .then(|| wizard.finding_of(check))
        .flatten();
    let arrived = wizard.arrival.get_untracked() != Arrival::Returned
        && wizard.problem.with_untracked(Option::is_none)
        && walk.changing().is_none();
    if let Some(finding) = ran_before {
        run.set(Run::Found(finding));
    } else if let Some(finding) = ran_earlier.filter(|_| arrived) {
        settle(finding);
    } else if arrived && (input.is_none() || address().is_some()) {
        start();
    }

    let act = move |event: leptos::ev::MouseEvent| {
        let action = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-action]").ok().flatten())
            .and_then(|button| button.get_attribute("data-action"));
        match action.as_deref() {
            Some("run") => start(),
            Some("cancel") => {
                runs.cancel();
                run.set(Run::Stopped);
            }
            Some("edit") => editing.update(|open| *open = !*open),
            _ => {}
        }
    };
    let panel = use_kept_focus(move || run.track());
    let resolver_note = resolvers().1;
    let asking = move || {
        let idle = match run.get() {
            Run::Idle { refused } => Some(refused),
            _ => None,
        };
        let refused = idle.clone().flatten();
        (input.is_some() && (idle.is_some() || editing.get())).then(|| {
            input.map(|input| {
                view! {
                    <AddressForm input current=address() refused on_address=use_address/>
                    <p class="hint">{t(Msg::SkipCheck)}</p>
                }
            })
        })
    };
    view! {
        <section class="check" tabindex="-1" node_ref=panel>
            {resolver_note.map(|note| view! { <p class="hint">{note}</p> })}
            <div inner_html=move || run.with(|run| run.html(check, address().as_deref(), panel_words())) on:click=act></div>
            {asking}
        </section>
    }
}

/// The resolvers to ask, and a note if the link named ones that cannot be used.
fn resolvers() -> (Vec<String>, Option<String>) {
    match checks::resolvers(location::param(param::DOH).as_deref()) {
        Ok(resolvers) => (resolvers, None),
        Err(note) => (
            checks::resolvers(None).unwrap_or_default(),
            Some(panel_words().say(&note)),
        ),
    }
}
