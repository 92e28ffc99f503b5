//! HTML written as text, for the parts of the page that are markup more than behaviour: the
//! paste's findings and the report panel, which the worker writes. Built as strings in plain
//! Rust, they are tested without a browser and cost the page's wasm nothing; the page puts them
//! in with `inner_html`, and one delegated handler reads their `data-` attributes.

use crate::checks::{Finding, Site, Verdict};
use crate::i18n::{Catalogue, Msg, PanelMsg};
use pulldown_cmark_escape::escape_html;

/// An HTML fragment being written: markup as given, text and attribute values escaped.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, or an attribute value between double quotes: `<`, `>`, `&`, `"` and `'` escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        let _ = escape_html(&mut self.0, text);
        self
    }

    /// A link: `opening` ends inside the `href` attribute's quotes.
    pub fn link(&mut self, opening: &str, href: &str, label: &str) -> &mut Html {
        self.raw(opening)
            .text(href)
            .raw("\">")
            .text(label)
            .raw("</a>")
    }

    /// A button for a panel's one click handler: its class (if any), its `data-action` and its
    /// label.
    pub fn button(&mut self, class: &str, action: &str, label: &str) -> &mut Html {
        self.raw("<button type=\"button\"");
        if !class.is_empty() {
            self.raw(" class=\"").raw(class).raw("\"");
        }
        self.raw(" data-action=\"")
            .raw(action)
            .raw("\">")
            .text(label)
            .raw("</button>")
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// `text` as a `data:` URL of `media_type`, for a link that downloads it.
pub fn data_url(media_type: &str, text: &str) -> String {
    format!(
        "data:{media_type};charset=utf-8,{}",
        crate::query::encode(text)
    )
}

/// What a check found, as evidence, in the words of `words`: a status word, its plain
/// sentences, a page to open if there is one, and the raw details folded.
pub fn finding_card(finding: &Finding, words: &Catalogue<PanelMsg>) -> String {
    let verdict = finding.verdict.name();
    let word = words.text(match finding.verdict {
        Verdict::Ok => PanelMsg::VerdictOk,
        Verdict::Problem => PanelMsg::VerdictProblem,
        Verdict::Unknown => PanelMsg::VerdictUnknown,
    });
    let mut html = Html::default();
    html.raw(&format!(
        "<div class=\"finding finding-{verdict}\" data-check=\"{}\" data-outcome=\"{}\">\
         <p><span class=\"finding-verdict\">{word}</span> <span class=\"finding-summary\">",
        finding.check.name(),
        finding.outcome
    ))
    .text(&words.say_all(&finding.summary))
    .raw("</span></p>");
    if let Some((label, href)) = &finding.link {
        html.link(
            "<p><a target=\"_blank\" rel=\"noopener noreferrer\" href=\"",
            href,
            &words.say(label),
        )
        .raw("</p>");
    }
    html.raw("<details><summary>")
        .text(words.text(PanelMsg::FindingDetails))
        .raw("</summary><dl>");
    for (name, value) in &finding.details {
        html.raw("<dt>")
            .text(&words.say(name))
            .raw("</dt><dd>")
            .text(&words.say(value))
            .raw("</dd>");
    }
    html.raw("</dl></details></div>");
    html.into_string()
}

/// A link that opens the site that failed again, in a new tab, in the words of `words`.
pub fn open_again(site: &Site, words: &Catalogue) -> String {
    let mut html = Html::default();
    html.raw("<a class=\"button\" href=\"")
        .text(&site.url)
        .raw("\" target=\"_blank\" rel=\"noopener noreferrer\">")
        .text(&words.fill(Msg::OpenAgain, &[("site", &site.host)]))
        .raw("<span class=\"visually-hidden\">")
        .text(words.text(Msg::OpensNewTab))
        .raw("</span></a>");
    html.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{self, Fetched};
    use crate::i18n::Said;

    #[test]
    fn a_finding_shows_its_verdict_sentence_and_details_escaped() {
        let site = checks::site("https://shop.example/<x>").unwrap();
        let finding = checks::site_answers(
            &site,
            &Fetched::Answered {
                millis: 12,
                status: 0,
                headers: vec![],
                opaque: true,
            },
        );
        let card = finding_card(&finding, &Catalogue::english());
        assert!(
            card.starts_with("<div class=\"finding finding-unknown\" data-check=\"site-answers\" data-outcome=\"answered\"><p><span class=\"finding-verdict\">Can't tell</span>"),
            "{card}"
        );
        assert!(
            card.contains("<dt>address</dt><dd>https://shop.example/&lt;x&gt;</dd>"),
            "{card}"
        );
        let mut linked = finding;
        linked.link = Some((
            Said::new(PanelMsg::OpenStatusPage, &[]),
            "https://status.example/?a=1&b=2".into(),
        ));
        assert!(
            finding_card(&linked, &Catalogue::english()).contains("<a target=\"_blank\" rel=\"noopener noreferrer\" href=\"https://status.example/?a=1&amp;b=2\">Open the status page</a>")
        );
    }

    #[test]
    fn the_site_opens_again_in_a_new_tab() {
        let site = checks::site("shop.example/\"cart").unwrap();
        assert_eq!(
            open_again(&site, &Catalogue::english()),
            "<a class=\"button\" href=\"https://shop.example/&quot;cart\" target=\"_blank\" rel=\"noopener noreferrer\">Open shop.example again<span class=\"visually-hidden\"> (opens a new tab)</span></a>"
        );
    }

    #[test]
    fn text_and_attributes_are_escaped_and_markup_is_not() {
        let mut html = Html::default();
        html.raw("<p title=\"")
            .text("\"><script>")
            .raw("\">")
            .text("a & b <i>");
        html.link("<a href=\"", "?a=1&b=\"2\"", "<next>");
        assert_eq!(
            html.into_string(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">a &amp; b &lt;i&gt;<a href=\"?a=1&amp;b=&quot;2&quot;\">&lt;next&gt;</a>"
        );
    }

    #[test]
    fn a_data_url_holds_the_text_exactly() {
        assert_eq!(
            data_url("text/plain", "a b\n#1 100%"),
            "data:text/plain;charset=utf-8,a%20b%0A%231%20100%25"
        );
    }
}
