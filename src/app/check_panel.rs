//! A question's live check: it asks for the address it needs if the link did not bring one,
//! runs with a visible Cancel, shows its evidence, and answers the question when the author
//! mapped the outcome to an answer. The reader can always answer by hand instead.

use super::address_form::AddressForm;
use super::finding_card::FindingCard;
use super::{Arrival, Wizard, location, probe, tree};
use crate::checks::{self, Check, Finding};
use crate::content::Node;
use crate::engine::Walk;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where a check stands.
#[derive(Clone)]
enum Run {
    /// Waiting for the reader: to type an address (with why the last one was refused), or to
    /// start it again.
    Idle {
        refused: Option<String>,
    },
    Running,
    Stopped,
    Found(Finding),
}

#[component]
pub fn CheckPanel(node: &'static Node, check: Check, walk: Walk) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let input = check.input();
    let known = move || input.and_then(|input| location::param(input.param()));
    let run = RwSignal::new(Run::Idle { refused: None });
    let runs = probe::Runs::for_component();
    let here = StoredValue::new(walk.clone());

    let start = move || {
        let site = match input {
            None => None,
            Some(_) => match known().map(|typed| checks::site(&typed)) {
                Some(Ok(site)) => Some(site),
                Some(Err(refused)) => {
                    return run.set(Run::Idle {
                        refused: Some(refused),
                    });
                }
                None => return run.set(Run::Idle { refused: None }),
            },
        };
        let Some(signal) = runs.start() else {
            return run.set(Run::Idle { refused: None });
        };
        run.set(Run::Running);
        let walk = here.get_value();
        spawn_local(async move {
            let (resolvers, _) = resolvers();
            let finding = probe::run(check, site.as_ref(), &resolvers, &signal).await;
            if signal.aborted() {
                return;
            }
            let Some(finding) = finding else {
                return run.set(Run::Idle { refused: None });
            };
            wizard.record(&node.id, finding.clone());
            let picked = node
                .answer_for(finding.outcome)
                .and_then(|a| walk.choose(tree(), &a.next));
            // Move on only if the reader is still on this question.
            match picked {
                Some(next) if wizard.walk.get_untracked() == walk => wizard.go(next),
                _ => run.set(Run::Found(finding)),
            }
        });
    };
    let cancel = move |_| {
        runs.cancel();
        run.set(Run::Stopped);
    };

    // Run by itself when the reader opens a link to the question or answers their way to it;
    // not when they step back to it, change an answer, or need to read why a link was cut.
    let ran_before = wizard.finding_for(&node.id).is_some();
    let arrived = wizard.arrival.get_untracked() != Arrival::Back
        && wizard.problem.with_untracked(Option::is_none)
        && walk.changing().is_none();
    if arrived && !ran_before && (input.is_none() || known().is_some()) {
        start();
    } else if let Some(finding) = wizard.finding_for(&node.id) {
        run.set(Run::Found(finding));
    }

    let resolver_note = resolvers().1;
    view! {
        <section class="check" aria-live="polite">
            {resolver_note.map(|note| view! { <p class="hint">{note}</p> })}
            {move || match run.get() {
                Run::Running => view! {
                    <p class="check-running">
                        <span class="spinner" aria-hidden="true"></span>
                        {check.doing()}
                        " "
                        <button type="button" class="cancel" on:click=cancel>"Cancel"</button>
                    </p>
                }
                .into_any(),
                Run::Stopped => view! {
                    <p class="hint">"Check stopped. Choose the answer that fits below, or "
                        <button type="button" on:click=move |_| start()>"run it again"</button>
                    </p>
                }
                .into_any(),
                Run::Found(finding) => view! {
                    <FindingCard finding/>
                    <p class="hint">"Not what you see? Choose another answer below, or "
                        <button type="button" on:click=move |_| start()>"check again"</button>
                    </p>
                }
                .into_any(),
                Run::Idle { refused } => match input {
                    None => view! {
                        <p><button type="button" on:click=move |_| start()>"Run the check"</button></p>
                    }
                    .into_any(),
                    Some(input) => view! {
                        <AddressForm input refused on_address=start/>
                        <p class="hint">"Or skip the check and choose an answer below."</p>
                    }
                    .into_any(),
                },
            }}
        </section>
    }
}

/// The resolvers to ask, and a note if the link named ones that cannot be used.
fn resolvers() -> (Vec<String>, Option<String>) {
    match checks::resolvers(location::param("doh").as_deref()) {
        Ok(resolvers) => (resolvers, None),
        Err(note) => (checks::resolvers(None).unwrap_or_default(), Some(note)),
    }
}
