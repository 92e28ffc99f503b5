//! Where a question's live check stands, and what its panel shows at each stage, as HTML (see
//! [`crate::html`]): running with a Cancel, stopped, or what it found. The page's
//! `app::check_panel` runs the check; its buttons carry a `data-action` (`cancel`, `run`,
//! `edit`) for the panel's one click handler.

use crate::checks::{Check, Finding};
use crate::html::{Html, finding_card};
use crate::i18n::{Catalogue, PanelMsg};

/// Where a check stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    /// Waiting for the reader: to give an address (with why the last one was refused), or to
    /// start it.
    Idle {
        refused: Option<String>,
    },
    Running,
    Stopped,
    Found(Finding),
}

impl Run {
    /// The run's part of the check panel, as HTML in the words of `words`; `address` is what it
    /// checks, if it needs one. Its buttons carry a `data-action` (`edit`, `cancel`, `run`) for
    /// the panel's one click handler.
    pub fn html(&self, check: Check, address: Option<&str>, words: &Catalogue<PanelMsg>) -> String {
        let mut html = Html::default();
        if let (Some(address), false) = (address, matches!(self, Run::Idle { .. })) {
            // The address in bold where the language's sentence puts it.
            let checking = words.text(PanelMsg::CheckingAddress);
            let (before, after) = checking.split_once("{address}").unwrap_or((checking, ""));
            html.raw("<p class=\"checking\">")
                .text(before)
                .raw("<strong class=\"checked-address\">")
                .text(address)
                .raw("</strong>")
                .text(after)
                .raw(" ");
            html.button("link-button", "edit", words.text(PanelMsg::ChangeAddress));
            html.raw("</p>");
        }
        match self {
            Run::Running => {
                html.raw("<p class=\"check-running\"><span class=\"spinner\" aria-hidden=\"true\"></span>")
                    .text(words.text(check.doing()))
                    .raw(" ");
                html.button("cancel", "cancel", words.text(PanelMsg::Cancel));
                html.raw("</p>");
            }
            Run::Stopped => {
                html.raw("<p class=\"hint\">")
                    .text(words.text(PanelMsg::CheckStopped))
                    .raw(" ");
                html.button("", "run", words.text(PanelMsg::RunAgain));
                html.raw("</p>");
            }
            Run::Found(finding) => {
                html.raw(&finding_card(finding, words))
                    .raw("<p class=\"hint\">")
                    .text(words.text(PanelMsg::NotWhatYouSee))
                    .raw(" ");
                html.button("", "run", words.text(PanelMsg::CheckAgain));
                html.raw("</p>");
            }
            Run::Idle { .. } if check.input().is_none() => {
                html.raw("<p>");
                html.button("", "run", words.text(PanelMsg::RunTheCheck));
                html.raw("</p>");
            }
            Run::Idle { .. } => {}
        }
        html.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Fetched, site, site_answers};

    #[test]
    fn each_stage_says_what_is_checked_and_offers_its_actions() {
        let words = Catalogue::english();
        let running =
            Run::Running.html(Check::SiteAnswers, Some("https://shop.example/<b>"), &words);
        assert!(running.starts_with("<p class=\"checking\">Checking <strong class=\"checked-address\">https://shop.example/&lt;b&gt;</strong>"), "{running}");
        assert!(running.contains("Asking the site whether it answers… <button type=\"button\" class=\"cancel\" data-action=\"cancel\">Cancel</button>"), "{running}");
        let found = site_answers(
            &site("shop.example").unwrap(),
            &Fetched::TimedOut { millis: 8000 },
        );
        let shown =
            Run::Found(found).html(Check::SiteAnswers, Some("https://shop.example"), &words);
        assert!(
            shown.contains("data-outcome=\"timed-out\"")
                && shown.contains("data-action=\"run\">Check again"),
            "{shown}"
        );
        assert!(
            Run::Stopped
                .html(Check::Online, None, &words)
                .contains("Run it again")
        );
        assert!(
            Run::Idle { refused: None }
                .html(Check::Online, None, &words)
                .contains("Run the check")
        );
        assert_eq!(
            Run::Idle { refused: None }.html(Check::Dns, Some("x"), &words),
            "",
            "the address form asks instead"
        );
    }
}
