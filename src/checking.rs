//! Where a question's live check stands, and what its panel shows at each stage, as HTML (see
//! [`crate::html`]): running with a Cancel, stopped, or what it found. The page's
//! `app::check_panel` runs the check; its buttons carry a `data-action` (`cancel`, `run`,
//! `edit`) for the panel's one click handler.

use crate::checks::{Check, Finding};
use crate::html::{Html, finding_card};

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
    /// The panel at this stage; `address` is what the check tests, if it needs one.
    pub fn html(&self, check: Check, address: Option<&str>) -> String {
        let mut html = Html::default();
        if let (Some(address), false) = (address, matches!(self, Run::Idle { .. })) {
            html.raw("<p class=\"checking\">Checking <strong class=\"checked-address\">")
                .text(address)
                .raw("</strong> <button type=\"button\" class=\"link-button\" data-action=\"edit\">Change address</button></p>");
        }
        match self {
            Run::Running => {
                html.raw("<p class=\"check-running\"><span class=\"spinner\" aria-hidden=\"true\"></span>")
                    .text(check.doing())
                    .raw(" <button type=\"button\" class=\"cancel\" data-action=\"cancel\">Cancel</button></p>");
            }
            Run::Stopped => {
                html.raw("<p class=\"hint\">Check stopped. Choose the answer that fits below, or <button type=\"button\" data-action=\"run\">run it again</button></p>");
            }
            Run::Found(finding) => {
                html.raw(&finding_card(finding))
                    .raw("<p class=\"hint\">Not what you see? Choose another answer below, or <button type=\"button\" data-action=\"run\">check again</button></p>");
            }
            Run::Idle { .. } if check.input().is_none() => {
                html.raw(
                    "<p><button type=\"button\" data-action=\"run\">Run the check</button></p>",
                );
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
        let running = Run::Running.html(Check::SiteAnswers, Some("https://shop.example/<b>"));
        assert!(running.starts_with("<p class=\"checking\">Checking <strong class=\"checked-address\">https://shop.example/&lt;b&gt;</strong>"), "{running}");
        assert!(running.contains("Asking the site whether it answers… <button type=\"button\" class=\"cancel\" data-action=\"cancel\">Cancel</button>"), "{running}");
        let found = site_answers(
            &site("shop.example").unwrap(),
            &Fetched::TimedOut { millis: 8000 },
        );
        let shown = Run::Found(found).html(Check::SiteAnswers, Some("https://shop.example"));
        assert!(
            shown.contains("data-outcome=\"timed-out\"")
                && shown.contains("data-action=\"run\">check again"),
            "{shown}"
        );
        assert!(
            Run::Stopped
                .html(Check::Online, None)
                .contains("run it again")
        );
        assert!(
            Run::Idle { refused: None }
                .html(Check::Online, None)
                .contains("Run the check")
        );
        assert_eq!(
            Run::Idle { refused: None }.html(Check::Dns, Some("x")),
            "",
            "the address form asks instead"
        );
    }
}
