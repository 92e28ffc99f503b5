//! Watching a site until it is back, in plain terms: how a watch can tell from what this
//! browser sees of the site (its readable status, whether anything answers, whether its icon
//! loads as an image, which an error page never does), how long to wait between looks, and
//! what the watch panel shows at each stage, as HTML (see [`crate::html`]). The page's
//! `app::watch_panel` only looks at the site and hands the observations here.

use crate::checks::{Finding, Site};
use crate::html::{Html, finding_card};
use crate::i18n::Catalogue;

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
    pub fn back_note(self) -> &'static str {
        match self {
            Watching::Status => "It answers normally again.",
            Watching::Answers => {
                "Something answers at its address again, so it is probably back: open it to see."
            }
            Watching::Icon => {
                "Its files load again, which they did not while it failed, so it is most likely \
                 back: open it to see."
            }
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
    pub fn news(&self) -> String {
        match self {
            State::Checking { round } => format!("Checking the site (check {})…", round + 1),
            State::Waiting { round, .. } => {
                let done = match round + 1 {
                    1 => "1 check".to_string(),
                    n => format!("{n} checks"),
                };
                format!("Still failing after {done}.")
            }
            _ => String::new(),
        }
    }

    /// The panel at this stage, as HTML; `site` is the site being watched. Its buttons carry a
    /// `data-action` (`watch`, `stop`, `look`) for the page's one click handler.
    pub fn html(&self, site: Option<&Site>) -> String {
        let mut html = Html::default();
        let stop =
            "<button type=\"button\" class=\"stop\" data-action=\"stop\">Stop watching</button>";
        let spinner =
            "<p class=\"check-running\"><span class=\"spinner\" aria-hidden=\"true\"></span>";
        match self {
            State::NeedsAddress => {
                html.raw("<p>Give the address of the page that failed, and this page can check it again and again and tell you when it is back.</p>");
            }
            State::Looking => {
                html.raw(spinner).raw("Looking at the site…</p>");
            }
            State::Ready(_, finding) => {
                html.raw(&finding_card(finding))
                    .raw("<p>This page can check the site again and again, waiting longer each time, and tell you when it is back.</p>")
                    .raw("<button type=\"button\" data-action=\"watch\">Watch the site for me</button>");
            }
            State::Blind(finding) => {
                html.raw(&finding_card(finding)).raw(
                    "<p class=\"hint\">From here this page cannot tell when the site is fixed: the \
                     site answers, but hides from other sites whether that answer is its error \
                     page. Try it yourself in a few minutes.</p>",
                );
            }
            State::Checking { .. } => {
                html.raw(spinner).raw("Checking… ").raw(stop).raw("</p>");
            }
            State::Waiting { next_in, last, .. } => {
                html.raw(&finding_card(last))
                    .raw(&format!(
                        "<p class=\"countdown\">Next check in {next_in} s. "
                    ))
                    .raw(stop)
                    .raw("</p>");
            }
            State::Back(how, finding) => {
                html.raw("<p class=\"back-notice\" role=\"alert\">The site is back. ")
                    .raw(how.back_note())
                    .raw("</p>");
                if let Some(site) = site {
                    html.raw("<p class=\"retry\">")
                        .raw(&crate::html::open_again(site, &Catalogue::english()))
                        .raw("</p>");
                }
                html.raw(&finding_card(finding));
            }
            State::Stopped => {
                html.raw("<p class=\"hint\">Stopped watching. <button type=\"button\" data-action=\"look\">Look again</button></p>");
            }
        }
        html.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Fetched, site, site_answers, site_status};

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
        let ready = State::Ready(Watching::Answers, found.clone()).html(Some(&shop()));
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
        assert!(waiting.html(None).contains("Next check in 7 s."));
        assert!(waiting.html(None).contains("data-action=\"stop\""));
        assert_eq!(waiting.news(), "Still failing after 2 checks.");
        let back = State::Back(Watching::Icon, found).html(Some(&shop()));
        assert!(
            back.contains("The site is back. Its files load again"),
            "{back}"
        );
        assert!(
            back.contains("<a class=\"button\" href=\"https://shop.example/cart?x=1\" target=\"_blank\" rel=\"noopener noreferrer\">Open shop.example again"),
            "{back}"
        );
        assert!(State::Stopped.html(None).contains("data-action=\"look\""));
        assert_eq!(State::Looking.news(), "");
    }
}
