//! "Wait and try again", automated: re-checks the site with growing pauses (5 s, 10 s, 20 s…
//! up to 2 minutes), shows the countdown and the last result, stops on request, and says so as
//! soon as the site is back. It first looks at what this browser can see of the site (see
//! [`crate::watch`], which also writes the panel), and offers to watch only when something it
//! sees would change.

use super::address_form::AddressForm;
use super::browser::language::{panel_words, say, t};
use super::{Wizard, probe};
use crate::checks::{self, Check, Finding, Input, Site};
use crate::content::Node;
use crate::html::open_again;
use crate::i18n::{Msg, PanelMsg};
use crate::watch::{Round, State, Watching};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

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
    let state = RwSignal::new(State::NeedsAddress);
    // Why the address the link brought was refused, if it was.
    let refused = RwSignal::new(None::<String>);
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
            Some(Err(why)) => {
                refused.set(Some(say(&why)));
                return state.set(State::NeedsAddress);
            }
            None => return state.set(State::NeedsAddress),
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
                    let title = document().title();
                    let back_up = panel_words().fill(PanelMsg::BackUpTitle, &[("title", &title)]);
                    document().set_title(&back_up);
                    return state.set(State::Back(how, shown(&seen)));
                }
                for next_in in (1..=crate::watch::watch_delay(round_number)).rev() {
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
    let act = move |event: leptos::ev::MouseEvent| {
        let action = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-action]").ok().flatten())
            .and_then(|button| button.get_attribute("data-action"));
        match (action.as_deref(), state.get_untracked()) {
            (Some("watch"), State::Ready(how, _)) => watch(how),
            (Some("stop"), _) => {
                runs.cancel();
                state.set(State::Stopped);
            }
            (Some("look"), _) => first_look(),
            _ => {}
        }
    };
    let section = super::focus::use_kept_focus(move || state.track());
    let panel = move || {
        let open = wizard
            .site
            .get()
            .and_then(|address| checks::site(&address).ok())
            .map(|site| open_again(&site, super::browser::language::catalogue()));
        state.with(|state| state.html(open.as_deref(), panel_words()))
    };

    view! {
        <section class="watch" aria-labelledby="watch-title" tabindex="-1" node_ref=section>
            <h2 id="watch-title">{panel_words().text(PanelMsg::WatchTitle)}</h2>
            <p class="watch-news" aria-live="polite">{move || state.with(|state| state.news(panel_words()))}</p>
            <div inner_html=panel on:click=act></div>
            {move || (state.get() == State::NeedsAddress).then(|| view! {
                <AddressForm input=Input::Site current=wizard.site.get_untracked() refused=refused.get() action=t(Msg::UseThisAddress)
                    on_address=move |site: Site| { wizard.set_site(Some(&site.url)); first_look() }/>
            })}
        </section>
    }
}
