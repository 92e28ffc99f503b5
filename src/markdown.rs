//! Turns a node's Markdown body into HTML that is safe to put into the page.
//!
//! Content is written by help-desk staff, not vetted programmers, so the renderer trusts none of
//! it: raw HTML is shown as text, links and images may only use safe schemes (a `javascript:`
//! link keeps its text and loses the link), and links that leave the site open in a new tab with
//! `rel="noopener noreferrer"`.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};

/// Renders `markdown` to HTML: headings, lists, code blocks, tables, links, emphasis.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Whether each open link or image was kept, so its end tag can be kept or dropped with it.
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => {
            let link = safe_url(&dest_url, link_type).map(|href| anchor(&href, &title));
            open.push(link.is_some());
            link.map(|html| Event::InlineHtml(html.into()))
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let kept = safe_url(&dest_url, link_type).is_some_and(|url| !is_external(&url));
            open.push(kept);
            kept.then_some(Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link | TagEnd::Image) => {
            if open.pop().unwrap_or(false) {
                Some(event)
            } else {
                None
            }
        }
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The URL if its scheme is one a guide may link to (http, https, mailto, tel, or none at all).
/// Browsers ignore tabs and newlines inside a scheme (`java\tscript:`), so those are removed
/// before looking at it.
fn safe_url(url: &CowStr<'_>, link_type: LinkType) -> Option<String> {
    let mut url: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    if link_type == LinkType::Email {
        url.insert_str(0, "mailto:");
    }
    let safe = match url.find([':', '/', '?', '#']) {
        Some(end) if url[end..].starts_with(':') => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    };
    safe.then_some(url)
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

fn anchor(href: &str, title: &str) -> String {
    let mut out = String::from("<a href=\"");
    escape_href(&mut out, href).ok();
    out.push('"');
    if !title.is_empty() {
        out.push_str(" title=\"");
        escape_html(&mut out, title).ok();
        out.push('"');
    }
    if is_external(href) {
        out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn renders_the_structures_guidance_uses() {
        let html = to_html(
            "## Check the log\n\n1. Open it\n2. Search\n\n```nginx\nproxy_read_timeout 60s;\n```\n\n| Code | Meaning |\n|---|---|\n| 502 | Bad gateway |\n\nSee [the docs](https://nginx.org/).\n",
        );
        assert!(html.contains("<h2>Check the log</h2>"), "{html}");
        assert!(html.contains("<ol>\n<li>Open it</li>"), "{html}");
        assert!(
            html.contains(
                "<pre><code class=\"language-nginx\">proxy_read_timeout 60s;\n</code></pre>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<th>Code</th>") && html.contains("<td>Bad gateway</td>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://nginx.org/\" target=\"_blank\" rel=\"noopener noreferrer\">the docs</a>"), "{html}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn dangerous_links_keep_their_text_and_lose_the_link() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java%09script:x",
            "data:text/html,<b>",
            "vbscript:x",
        ] {
            let html = to_html(&format!("[click me]({url}) and [ok](/relative)"));
            assert!(html.contains("click me"), "{url}: {html}");
            assert_eq!(html.matches("<a ").count(), 1, "{url}: {html}");
            assert!(
                html.contains("<a href=\"/relative\">ok</a>"),
                "{url}: {html}"
            );
        }
        let tabbed = to_html("[x](<java\tscript:alert(1)>)");
        assert!(!tabbed.contains("<a"), "{tabbed}");
    }

    #[test]
    fn internal_links_stay_in_the_tab_and_mail_links_work() {
        let html = to_html(
            "[next](?a=x) [mail](mailto:help@example.com) <help@example.com> <https://example.com>",
        );
        assert!(html.contains("<a href=\"?a=x\">next</a>"), "{html}");
        assert!(
            html.contains("<a href=\"mailto:help@example.com\">mail</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"mailto:help@example.com\">help@example.com</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">https://example.com</a>"), "{html}");
    }

    #[test]
    fn only_same_site_images_are_loaded() {
        let html =
            to_html("![diagram](/assets/hops.svg) ![tracker](https://tracker.example/p.gif)");
        assert!(
            html.contains("<img src=\"/assets/hops.svg\" alt=\"diagram\""),
            "{html}"
        );
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(html.contains("tracker"), "the alt text stays: {html}");
    }
}
