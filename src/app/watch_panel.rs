//! "Wait and try again", automated: re-checks the site with growing pauses (5 s, 10 s, 20 s…
//! up to 2 minutes), shows the countdown and the last result, stops on request, and says so as
//! soon as the site is back. It first looks at what this browser can see of the site (see
//! [`checks::Watching`]), and offers to watch only when something it sees would change.

use super::address_form::AddressForm;
use super::finding_card::FindingCard;
use super::retry::Retry;
use super::{Wizard, probe};
use crate::checks::{self, Check, Finding, Input, Round, Site, Watching};
use crate::content::Node;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortSignal;

#[derive(Clone)]
enum State {
    /// The address is not known yet, or was refused.
    NeedsAddress {
        refused: Option<String>,
    },
    /// Looking at the site once, to see how it could be watched.
    Looking,
    /// It can be watched; the first look found this.
    Ready(Watching, Finding),
    /// Nothing this browser sees of the site would change when it is fixed.
    Blind(Finding),
    Checking {
        round: u32,
    },
    Waiting {
        round: u32,
        next_in: u32,
        last: Finding,
    },
    Back(Watching, Finding),
    Stopped,
}

/// What one look at the site shows, and the finding to show for it.
async fn look(
    site: &Site,
    signal: &AbortSignal,
) -> Option<(Finding, Option<Finding>, Option<bool>)> {
    let (status, _) = probe::run(Check::SiteStatus, Some(site), &[], signal).await?;
    if status.outcome != "hidden" {
        return Some((status, None, None));
    }
    let (answers, _) = probe::run(Check::SiteAnswers, Some(site), &[], signal).await?;
    let icon = match answers.outcome {
        "answered" => probe::icon_loads(site, signal).await,
        _ => None,
    };
    Some((status, Some(answers), icon))
}

fn round<'f>(seen: &'f (Finding, Option<Finding>, Option<bool>)) -> Round<'f> {
    Round {
        status: &seen.0,
        answers: seen.1.as_ref(),
        icon_loaded: seen.2,
    }
}

/// The finding that best shows a look: the readable status, or what answered.
fn shown(seen: &(Finding, Option<Finding>, Option<bool>)) -> Finding {
    seen.1.clone().unwrap_or_else(|| seen.0.clone())
}

#[component]
pub fn WatchPanel(node: &'static Node) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let state = RwSignal::new(State::NeedsAddress { refused: None });
    let runs = probe::Runs::for_component();
    let site = move || {
        wizard
            .site
            .get_untracked()
            .map(|address| checks::site(&address))
    };

    // The first look, whenever the address is (or becomes) known.
    let first_look = move || {
        let site = match site() {
            Some(Ok(site)) => site,
            Some(Err(refused)) => {
                return state.set(State::NeedsAddress {
                    refused: Some(refused),
                });
            }
            None => return state.set(State::NeedsAddress { refused: None }),
        };
        let Some(signal) = runs.start() else {
            return;
        };
        state.set(State::Looking);
        spawn_local(async move {
            let Some(seen) = look(&site, &signal).await else {
                return;
            };
            state.set(match Watching::choose(&round(&seen)) {
                Some(how) => State::Ready(how, shown(&seen)),
                None => State::Blind(shown(&seen)),
            });
        });
    };
    first_look();

    let watch = move |how: Watching| {
        let Some(Ok(site)) = site() else {
            return;
        };
        let Some(signal) = runs.start() else {
            return;
        };
        spawn_local(async move {
            for round_number in 0.. {
                state.set(State::Checking {
                    round: round_number,
                });
                let Some(seen) = look(&site, &signal).await else {
                    return;
                };
                if signal.aborted() {
                    return;
                }
                if how.is_back(&round(&seen)) {
                    wizard.record(&node.id, shown(&seen));
                    document().set_title(&format!("Back up · {}", document().title()));
                    return state.set(State::Back(how, shown(&seen)));
                }
                for next_in in (1..=checks::watch_delay(round_number)).rev() {
                    state.set(State::Waiting {
                        round: round_number,
                        next_in,
                        last: shown(&seen),
                    });
                    probe::sleep(1000).await;
                    if signal.aborted() {
                        return;
                    }
                }
            }
        });
    };
    let stop_button = move || {
        view! {
            <button type="button" class="stop" on:click=move |_| { runs.cancel(); state.set(State::Stopped) }>
                "Stop watching"
            </button>
        }
    };
    // What is announced: a change of state, not each second of the countdown.
    let news = move || match state.get() {
        State::Checking { round } => format!("Checking the site (check {})…", round + 1),
        State::Waiting { round, .. } => format!("Still failing after {}.", checks_done(round + 1)),
        _ => String::new(),
    };

    view! {
        <section class="watch" aria-labelledby="watch-title">
            <h2 id="watch-title">"Let this page wait for you"</h2>
            <p class="watch-news" aria-live="polite">{news}</p>
            {move || match state.get() {
                State::NeedsAddress { refused } => view! {
                    <p>"Give the address of the page that failed, and this page can check it again and again and tell you when it is back."</p>
                    <AddressForm input=Input::Site current=wizard.site.get_untracked() refused action="Use this address"
                        on_address=move |site: Site| { wizard.set_site(Some(&site.url)); first_look() }/>
                }
                .into_any(),
                State::Looking => view! {
                    <p class="check-running"><span class="spinner" aria-hidden="true"></span>"Looking at the site…"</p>
                }
                .into_any(),
                State::Ready(how, finding) => view! {
                    <FindingCard finding/>
                    <p>"This page can check the site again and again, waiting longer each time, and tell you when it is back."</p>
                    <button type="button" on:click=move |_| watch(how)>"Watch the site for me"</button>
                }
                .into_any(),
                State::Blind(finding) => view! {
                    <FindingCard finding/>
                    <p class="hint">"From here this page cannot tell when the site is fixed: the site answers, but hides from other sites whether that answer is its error page. Try it yourself in a few minutes."</p>
                }
                .into_any(),
                State::Checking { .. } => view! {
                    <p class="check-running"><span class="spinner" aria-hidden="true"></span>
                        "Checking…" {stop_button()}</p>
                }
                .into_any(),
                State::Waiting { next_in, last, .. } => view! {
                    <FindingCard finding=last/>
                    <p class="countdown">{format!("Next check in {next_in} s.")} " " {stop_button()}</p>
                }
                .into_any(),
                State::Back(how, finding) => view! {
                    <p class="back-notice" role="alert">"The site is back. " {how.back_note()}</p>
                    <Retry/>
                    <FindingCard finding/>
                }
                .into_any(),
                State::Stopped => view! {
                    <p class="hint">"Stopped watching. "
                        <button type="button" on:click=move |_| first_look()>"Look again"</button></p>
                }
                .into_any(),
            }}
        </section>
    }
}

fn checks_done(count: u32) -> String {
    if count == 1 {
        "1 check".into()
    } else {
        format!("{count} checks")
    }
}
