//! Watching a site until it is back, in plain terms: how a watch can tell from what this
//! browser sees of the site (its readable status, whether anything answers, whether its icon
//! loads as an image, which an error page never does), how long to wait between looks, and
//! what the watch panel shows at each stage, as HTML (see [`crate::html`]). The page's
//! `app::watch_panel` only looks at the site and hands the observations here.

use crate::checks::Finding;
use crate::html::{Html, finding_card};
use crate::i18n::{Catalogue, PanelMsg};

/// How a watch can tell that the site is back, chosen from what the first round saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watching {
    /// The browser shows the site's status (same origin, or CORS): back when it is not an error.
    Status,
    /// Nothing answered at first: back when something answers.
    Answers,
    /// The site answers with a hidden status, and its icon does not load as an image (an
    /// error page is not an image): back, most likely, when the icon loads.
    Icon,
}

/// What a round of watching saw: the site-status finding, and when the status is hidden, the
/// site-answers finding and whether the site's icon loaded as an image.
pub struct Round<'f> {
    pub status: &'f Finding,
    pub answers: Option<&'f Finding>,
    pub icon_loaded: Option<bool>,
}

impl Watching {
    /// How a watch can tell from the first round, or none when nothing it can see would change
    /// when the site is fixed (then the guide does not offer to watch).
    pub fn choose(first: &Round) -> Option<Watching> {
        match (first.status.outcome, first.answers.map(|f| f.outcome)) {
            ("hidden", Some("no-answer" | "timed-out")) => Some(Watching::Answers),
            ("hidden", _) if first.icon_loaded == Some(false) => Some(Watching::Icon),
            ("hidden", _) => None,
            _ => Some(Watching::Status),
        }
    }

    /// Whether `round` shows the site back.
    pub fn is_back(self, round: &Round) -> bool {
        match self {
            Watching::Status => round.status.outcome == "working",
            Watching::Answers => round.answers.is_some_and(|f| f.outcome == "answered"),
            Watching::Icon => round.icon_loaded == Some(true),
        }
    }

    /// How sure the guide is that the site is back, in words.
    pub fn back_note(self) -> PanelMsg {
        match self {
            Watching::Status => PanelMsg::BackStatus,
            Watching::Answers => PanelMsg::BackAnswers,
            Watching::Icon => PanelMsg::BackIcon,
        }
    }
}

/// Seconds to wait before the `attempt`-th re-check (0-based) when watching a site: doubling
/// from 5 s, never more than 2 minutes.
pub fn watch_delay(attempt: u32) -> u32 {
    5u32.saturating_mul(1 << attempt.min(10)).min(120)
}

/// Where a watch stands, as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// The address of the page that failed is not known yet, or was refused.
    NeedsAddress,
    /// Looking at the site once, to see how it could be watched.
    Looking,
    /// It can be watched this way; the first look found this.
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

impl State {
    /// What a screen reader is told: a change of stage, not each second of the countdown.
    pub fn news(&self, words: &Catalogue<PanelMsg>) -> String {
        match self {
            State::Checking { round } => words.fill(
                PanelMsg::NewsChecking,
                &[("number", &(round + 1).to_string())],
            ),
            State::Waiting { round, .. } => {
                words.count(PanelMsg::NewsFailing, u64::from(round + 1), &[])
            }
            _ => String::new(),
        }
    }

    /// The panel at this stage, as HTML in the words of `words`; `open_again` is the link that
    /// opens the watched site again, in the page's words. Its buttons carry a `data-action`
    /// (`watch`, `stop`, `look`) for the page's one click handler.
    pub fn html(&self, open_again: Option<&str>, words: &Catalogue<PanelMsg>) -> String {
        let mut html = Html::default();
        let say = |html: &mut Html, class: &str, msg: PanelMsg| {
            match class {
                "" => html.raw("<p>"),
                class => html.raw("<p class=\"").raw(class).raw("\">"),
            };
            html.text(words.text(msg)).raw("</p>");
        };
        let spinner =
            "<p class=\"check-running\"><span class=\"spinner\" aria-hidden=\"true\"></span>";
        let stop = |html: &mut Html| {
            html.button("stop", "stop", words.text(PanelMsg::WatchStop));
        };
        match self {
            State::NeedsAddress => say(&mut html, "", PanelMsg::WatchNeedsAddress),
            State::Looking => {
                html.raw(spinner)
                    .text(words.text(PanelMsg::WatchLooking))
                    .raw("</p>");
            }
            State::Ready(_, finding) => {
                html.raw(&finding_card(finding, words));
                say(&mut html, "", PanelMsg::WatchOffer);
                html.button("", "watch", words.text(PanelMsg::WatchStart));
            }
            State::Blind(finding) => {
                html.raw(&finding_card(finding, words));
                say(&mut html, "hint", PanelMsg::WatchBlind);
            }
            State::Checking { .. } => {
                html.raw(spinner)
                    .text(words.text(PanelMsg::WatchChecking))
                    .raw(" ");
                stop(&mut html);
                html.raw("</p>");
            }
            State::Waiting { next_in, last, .. } => {
                let next = words.fill(PanelMsg::WatchNext, &[("seconds", &next_in.to_string())]);
                html.raw(&finding_card(last, words))
                    .raw("<p class=\"countdown\">")
                    .text(&next)
                    .raw(" ");
                stop(&mut html);
                html.raw("</p>");
            }
            State::Back(how, finding) => {
                html.raw("<p class=\"back-notice\" role=\"alert\">")
                    .text(words.text(PanelMsg::WatchBack))
                    .raw(" ")
                    .text(words.text(how.back_note()))
                    .raw("</p>");
                if let Some(open_again) = open_again {
                    html.raw("<p class=\"retry\">").raw(open_again).raw("</p>");
                }
                html.raw(&finding_card(finding, words));
            }
            State::Stopped => {
                html.raw("<p class=\"hint\">")
                    .text(words.text(PanelMsg::WatchStopped))
                    .raw(" ")
                    .button("", "look", words.text(PanelMsg::LookAgain))
                    .raw("</p>");
            }
        }
        html.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Fetched, Site, site, site_answers, site_status};

    fn shop() -> Site {
        site("https://shop.example/cart?x=1").unwrap()
    }

    #[test]
    fn watching_notices_recovery_where_the_browser_can_see_it() {
        let status = |status: u16, opaque: bool| {
            site_status(
                &shop(),
                &Fetched::Answered {
                    millis: 5,
                    status,
                    headers: vec![],
                    opaque,
                },
            )
        };
        let answered = site_answers(
            &shop(),
            &Fetched::Answered {
                millis: 5,
                status: 0,
                headers: vec![],
                opaque: true,
            },
        );
        let silent = site_answers(
            &shop(),
            &Fetched::Failed {
                millis: 5,
                message: "TypeError".into(),
            },
        );
        let (readable, failing, hidden) = (status(200, false), status(502, false), status(0, true));
        let round = |status, answers, icon_loaded| Round {
            status,
            answers,
            icon_loaded,
        };
        // The status is readable: back when it is no longer an error.
        let mode = Watching::choose(&round(&failing, None, None)).unwrap();
        assert_eq!(mode, Watching::Status);
        assert!(!mode.is_back(&round(&failing, None, None)));
        assert!(mode.is_back(&round(&readable, None, None)));
        // Nothing answered: back when something does.
        let mode = Watching::choose(&round(&hidden, Some(&silent), None)).unwrap();
        assert_eq!(mode, Watching::Answers);
        assert!(mode.is_back(&round(&hidden, Some(&answered), None)));
        // Another origin's error page: its icon does not load until it is back.
        let mode = Watching::choose(&round(&hidden, Some(&answered), Some(false))).unwrap();
        assert_eq!(mode, Watching::Icon);
        assert!(!mode.is_back(&round(&hidden, Some(&answered), Some(false))));
        assert!(mode.is_back(&round(&hidden, Some(&answered), Some(true))));
        // The icon loads even while the page fails: nothing to watch, so nothing is offered.
        assert_eq!(
            Watching::choose(&round(&hidden, Some(&answered), Some(true))),
            None
        );
        assert_eq!(
            Watching::choose(&round(&hidden, Some(&answered), None)),
            None
        );
    }

    #[test]
    fn watching_backs_off_to_a_cap() {
        let delays: Vec<u32> = (0..8).map(watch_delay).collect();
        assert_eq!(delays, [5, 10, 20, 40, 80, 120, 120, 120]);
        assert_eq!(watch_delay(u32::MAX), 120);
    }

    #[test]
    fn each_stage_reads_plainly_and_offers_its_actions() {
        let found = site_answers(&shop(), &Fetched::TimedOut { millis: 8000 });
        let words = Catalogue::english();
        let open_again = crate::html::open_again(&shop(), &Catalogue::english());
        let ready = State::Ready(Watching::Answers, found.clone()).html(None, &words);
        assert!(ready.contains("data-action=\"watch\""), "{ready}");
        assert!(
            ready.contains("shop.example did not answer within 8 seconds."),
            "{ready}"
        );
        let waiting = State::Waiting {
            round: 1,
            next_in: 7,
            last: found.clone(),
        };
        assert!(waiting.html(None, &words).contains("Next check in 7 s."));
        assert!(waiting.html(None, &words).contains("data-action=\"stop\""));
        assert_eq!(waiting.news(&words), "Still failing after 2 checks.");
        let back = State::Back(Watching::Icon, found).html(Some(&open_again), &words);
        assert!(
            back.contains("The site is back. Its files load again"),
            "{back}"
        );
        assert!(
            back.contains("<a class=\"button\" href=\"https://shop.example/cart?x=1\" target=\"_blank\" rel=\"noopener noreferrer\">Open shop.example again"),
            "{back}"
        );
        assert!(
            State::Stopped
                .html(None, &words)
                .contains("data-action=\"look\"")
        );
        assert_eq!(State::Looking.news(&words), "");
    }
}
