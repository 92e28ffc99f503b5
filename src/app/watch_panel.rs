//! "Wait and try again", automated: re-checks the site with growing pauses (5 s, 10 s, 20 s…
//! up to 2 minutes), shows the countdown and the last result, stops on request, and says so as
//! soon as the site is back.

use super::address_form::AddressForm;
use super::finding_card::FindingCard;
use super::{Wizard, location, probe};
use crate::checks::{self, Check, Finding, Input, Watch};
use crate::content::Node;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
enum Watching {
    Idle {
        refused: Option<String>,
    },
    Waiting {
        round: u32,
        next_in: u32,
        last: Option<Finding>,
    },
    Checking {
        round: u32,
    },
    Back(Finding),
    Blind(Finding),
    Stopped,
}

#[component]
pub fn WatchPanel(node: &'static Node) -> impl IntoView {
    let wizard = expect_context::<Wizard>();
    let state = RwSignal::new(Watching::Idle { refused: None });
    let runs = probe::Runs::for_component();
    let stop = move || runs.cancel();

    let start = move || {
        let site = match location::param(Input::Site.param()).map(|typed| checks::site(&typed)) {
            Some(Ok(site)) => site,
            Some(Err(refused)) => {
                return state.set(Watching::Idle {
                    refused: Some(refused),
                });
            }
            None => return state.set(Watching::Idle { refused: None }),
        };
        let Some(signal) = runs.start() else {
            return;
        };
        spawn_local(async move {
            let mut answered_at_start = None;
            for round in 0.. {
                state.set(Watching::Checking { round });
                let status = probe::run(Check::SiteStatus, Some(&site), &[], &signal).await;
                let hidden = status.as_ref().is_some_and(|f| f.outcome == "hidden");
                let answers = if hidden {
                    probe::run(Check::SiteAnswers, Some(&site), &[], &signal).await
                } else {
                    None
                };
                let (Some(status), false) = (status, signal.aborted()) else {
                    return;
                };
                let at_start = *answered_at_start
                    .get_or_insert(answers.as_ref().is_none_or(|f| f.outcome == "answered"));
                let shown = answers.clone().unwrap_or_else(|| status.clone());
                match checks::watch(&status, answers.as_ref(), at_start) {
                    Watch::Back => {
                        wizard.record(&node.id, shown.clone());
                        document().set_title(&format!("Back up · {}", document().title()));
                        return state.set(Watching::Back(shown));
                    }
                    Watch::Blind => return state.set(Watching::Blind(shown)),
                    Watch::Failing => {}
                }
                for next_in in (1..=checks::watch_delay(round)).rev() {
                    state.set(Watching::Waiting {
                        round,
                        next_in,
                        last: Some(shown.clone()),
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
            <button type="button" class="stop" on:click=move |_| { stop(); state.set(Watching::Stopped) }>
                "Stop watching"
            </button>
        }
    };

    view! {
        <section class="watch" aria-labelledby="watch-title">
            <h2 id="watch-title">"Let this page wait for you"</h2>
            <div aria-live="polite">
                {move || match state.get() {
                    Watching::Idle { refused } => view! {
                        <p>"This page can check the site again and again, waiting longer each time, and tell you when it is back."</p>
                        {match location::param(Input::Site.param()) {
                            Some(_) if refused.is_none() => view! {
                                <button type="button" on:click=move |_| start()>"Watch the site for me"</button>
                            }.into_any(),
                            _ => view! { <AddressForm input=Input::Site refused on_address=start/> }.into_any(),
                        }}
                    }
                    .into_any(),
                    Watching::Checking { round } => view! {
                        <p class="check-running"><span class="spinner" aria-hidden="true"></span>
                            {format!("Checking the site (check {})…", round + 1)} {stop_button()}</p>
                    }
                    .into_any(),
                    Watching::Waiting { round, next_in, last } => view! {
                        {last.map(|finding| view! { <FindingCard finding/> })}
                        <p class="countdown">{format!("Still failing after {}. Next check in {next_in} s.", checks_done(round + 1))} " " {stop_button()}</p>
                    }
                    .into_any(),
                    Watching::Back(finding) => view! {
                        <p class="back-notice" role="alert">"The site is back. Reload it in its own tab."</p>
                        <FindingCard finding/>
                    }
                    .into_any(),
                    Watching::Blind(finding) => view! {
                        <FindingCard finding/>
                        <p class="hint">"The site already answers this browser (with its error page) and hides its status from other sites, so this page cannot tell when it is fixed. Try it yourself in a few minutes."</p>
                    }
                    .into_any(),
                    Watching::Stopped => view! {
                        <p class="hint">"Stopped watching. "
                            <button type="button" on:click=move |_| start()>"Watch again"</button></p>
                    }
                    .into_any(),
                }}
            </div>
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
